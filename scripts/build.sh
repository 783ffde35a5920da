#!/usr/bin/env bash
# Builds the static files for any web server: index.html, boot.js, wasm-bindgen's .js, one .wasm,
# one .css (all but index.html with hashed names), each with a .gz and a .br copy beside it.
#
#   scripts/build.sh                          into dist/, served from the site root
#   scripts/build.sh --public-url /tools/cms/ into dist/, served under a sub-path
#   scripts/build.sh --dist /srv/www/cms      somewhere else
#
# The server must send /zstack/ to the ZStack management node (same origin: it sends no CORS
# headers): deploy/nginx.conf does, and serves the .gz/.br copies; see docs/deployment.md.
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

public_url=/
dist="$CMS_ROOT/dist"
setup_args=()
while [ $# -gt 0 ]; do
  case "$1" in
    --public-url) public_url=${2:?--public-url needs a path}; shift ;;
    --dist) dist=${2:?--dist needs a directory}; shift ;;
    --fallback) export CMS_RUST_FALLBACK=1 ;;
    --ordinary) setup_args+=("$1") ;;
    -h | --help) sed -n '2,10p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) die "unknown argument: $1 (see --help)" ;;
  esac
  shift
done
case "$public_url" in /*/ | /) ;; *) die "--public-url must start and end with /: $public_url" ;; esac

"$CMS_ROOT/scripts/setup.sh" "${setup_args[@]}"
cms_env
cd "$CMS_ROOT"
cargo fetch --locked
trunk build --release --offline --public-url "$public_url" --dist "$dist"

# wasm-bindgen's JS minified by terser, in place, and its `integrity` in index.html updated:
# Trunk's own minifier cannot parse that file (`WARN Failed to minify JS`, trunk-rs/trunk #1044)
# and ships it as is. The hashed name stays (it names the same code).
sri() { node -e 'const c = require("crypto"), f = require("fs");
  process.stdout.write("sha384-" + c.createHash("sha384").update(f.readFileSync(process.argv[1])).digest("base64"));' "$1"; }
for js in "$dist"/clone-model-service-*.js; do
  before=$(sri "$js")
  "$(cms_terser_bin)/terser" "$js" --module --compress --mangle --output "$js.min"
  mv "$js.min" "$js"
  after=$(sri "$js")
  grep -qF "integrity=$before" "$dist/index.html" || die "index.html has no integrity $before for $js"
  sed -i "s|integrity=$before|integrity=$after|" "$dist/index.html"
done

# Precompressed copies for nginx's gzip_static and brotli_static: the strongest settings, once
# per build instead of on every request. The .gz by zopfli (a gzip stream 4 % smaller than
# gzip -9 for the wasm, ~6 s; set up with the Debian packages), else by gzip -9 -n (no name or
# time stamp: reproducible). Browsers send Accept-Encoding: br only over HTTPS, so on plain HTTP
# the .gz is what they get.
gzip_tool="gzip -9"
command -v zopfli >/dev/null && gzip_tool=zopfli
find "$dist" -type f \( -name '*.html' -o -name '*.js' -o -name '*.css' -o -name '*.wasm' \
  -o -name '*.json' -o -name '*.svg' \) -print0 |
  while IFS= read -r -d '' file; do
    if [ "$gzip_tool" = zopfli ]; then zopfli -c "$file" >"$file.gz"; else gzip -9 -n -c "$file" >"$file.gz"; fi
    brotli -q 11 -c "$file" >"$file.br"
  done
say "precompressed: .gz ($gzip_tool) and .br (brotli -q 11) beside each file"
say "static files in $dist (public URL $public_url):"
ls -l "$dist" >&2
