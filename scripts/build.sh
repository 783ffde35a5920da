#!/usr/bin/env bash
# Builds the static files for any web server: index.html, one .js, one .wasm, one .css.
#
#   scripts/build.sh                          into dist/, served from the site root
#   scripts/build.sh --public-url /tools/cms/ into dist/, served under a sub-path
#   scripts/build.sh --dist /srv/www/cms      somewhere else
#
# The server must send /zstack/ to the ZStack management node (same origin: it sends no CORS
# headers); see README.md for an nginx example.
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
say "static files in $dist (public URL $public_url):"
ls -l "$dist" >&2
