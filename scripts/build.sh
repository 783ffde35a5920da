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
cms_fetch
# Split (src/ui/parts.rs): Trunk's wasm-bindgen is scripts/split/wasm-bindgen, which leaves the
# parts that load later, and their loader, in $split.
split="$(mktemp -d)"
trap 'rm -rf "$split"' EXIT
CMS_SPLIT_OUT="$split" PATH="$CMS_ROOT/scripts/split:$PATH" \
  trunk build --release --offline --features split --public-url "$public_url" --dist "$dist"

minify() { "$(cms_terser_bin)/terser" "$1" --module --compress --mangle --output "$1.min" && mv "$1.min" "$1"; }
# A name with the first 16 hex digits of the file's SHA-256 (deploy/nginx.conf caches such
# names for a year): content_name STEM FILE EXT prints STEM-<hash>.EXT
content_name() { echo "$1-$(sha256sum "$2" | cut -c1-16).$3"; }
sri() { node -e 'const c = require("crypto"), f = require("fs");
  process.stdout.write("sha384-" + c.createHash("sha384").update(f.readFileSync(process.argv[1])).digest("base64"));' "$1"; }

# Minifies a file index.html loads with an `integrity` and updates that integrity (the one given,
# if the file changed since index.html was written, else the file's). The hashed name stays (it
# names the same code).
minify_linked() {
  local before=${2:-$(sri "$1")} after
  minify "$1"
  after=$(sri "$1")
  grep -qF "integrity=$before" "$dist/index.html" || die "index.html has no integrity $before for $1"
  sed -i "s|integrity=$before|integrity=$after|" "$dist/index.html"
}

js=$(echo "$dist"/clone-model-service-*.js)
[ -f "$js" ] || die "no single wasm-bindgen JS in $dist"
js_integrity=$(sri "$js")
# The parts: each optimised like the main wasm and named by content; the loader then points at
# those names and at the app's hashed JS, is minified and named by content, and the app's JS
# imports it by that name.
loader="$split/__wasm_split.js"
[ -f "$loader" ] || die "the split left no loader in $split"
for part in "$split"/*.wasm; do
  stem=$(basename "$part" .wasm)
  case "$stem" in main-*) continue ;; esac
  wasm-opt -Oz --enable-bulk-memory --enable-mutable-globals --enable-sign-ext \
    --enable-nontrapping-float-to-int --enable-multivalue --enable-reference-types "$part" -o "$part.opt"
  name=$(content_name "$stem" "$part.opt" wasm)
  mv "$part.opt" "$dist/$name"
  grep -qF "\"./$stem.wasm\"" "$loader" || die "the loader does not name $stem.wasm"
  sed -i "s|\"./$stem.wasm\"|\"./$name\"|" "$loader"
done
grep -qF '"./clone-model-service.js"' "$loader" || die "the loader does not import ./clone-model-service.js"
sed -i "s|\"./clone-model-service.js\"|\"./$(basename "$js")\"|" "$loader"
minify "$loader"
loader_name=$(content_name __wasm_split "$loader" js)
cp "$loader" "$dist/$loader_name"
# Only the import statements: the import object's keys name the wasm's import module, which stays.
grep -qE "from *[\"']\./__wasm_split\.js[\"']" "$js" || die "$js does not import ./__wasm_split.js"
sed -i -E "s#from *([\"'])\./__wasm_split\.js([\"'])#from \1./$loader_name\2#g" "$js"

# wasm-bindgen's JS and boot.js minified by terser: Trunk's own minifier cannot parse the first
# (`WARN Failed to minify JS`, trunk-rs/trunk #1044) and ships it as is, and index.html keeps it
# off boot.js (data-no-minify), whose comments say why it does what it does.
minify_linked "$js" "$js_integrity"
boot=$(echo "$dist"/boot-*.js)
[ -f "$boot" ] || die "no single boot.js in $dist"
minify_linked "$boot"
# The app's JS imports the loader: preloaded beside it, so the two arrive together instead of one
# after the other.
preload="<link crossorigin href=$public_url$loader_name integrity=$(sri "$dist/$loader_name") rel=modulepreload>"
grep -qF "<link crossorigin href=$public_url$(basename "$js") " "$dist/index.html" || die "index.html does not preload $js"
sed -i "s|<link crossorigin href=$public_url$(basename "$js") |$preload&|" "$dist/index.html"

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
