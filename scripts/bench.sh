#!/usr/bin/env bash
# Prints the project's performance figures (never asserted in tests):
#   1. release transfer sizes of the app: each file raw, gzip -9 and brotli -q 11, and the first
#      load's bytes on the wire as deploy/nginx.conf serves them (a real nginx, curl)
#   2. the simulator's load figures (queries/s, 50 concurrent clones counted exactly)
#   3. the core's validate + build times for a draft with 64 architecture rows and a 1 MB YAML
#   4. in headless Chromium through nginx (e2e/tests/benchmarks.rs): navigation to an interactive
#      pre-filled dialog for the app and for the hand-written baseline (benches/handwritten/),
#      side by side, on loopback and on an emulated 20 Mbit/s, 40 ms link, cold (a fresh Chromium
#      per run) and warm (the repeat visit), with the ratios app / hand-written; the requests'
#      timeline; a traced cold load of each (where the time goes); the first-load levers; keystroke
#      with 64 rows, and while a fresh 1 MB YAML is checked
#
#   CMS_BENCH_RUNS=N     runs per first-load figure (default 10)
#   CMS_BENCH_BASELINE=D another build (a dist/ directory) to compare the first load against
#
#   scripts/bench.sh            all of them
#   scripts/bench.sh sizes      only the transfer sizes (also: sim, core, browser)
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

parts=("$@")
[ ${#parts[@]} -eq 0 ] && parts=(sizes sim core browser)
"$CMS_ROOT/scripts/setup.sh"
cms_env
cd "$CMS_ROOT"
cms_fetch >/dev/null

dist="$CARGO_TARGET_DIR/bench-dist"
release_build() {
  [ -n "${built:-}" ] && return 0
  say "release build (scripts/build.sh)"
  "$CMS_ROOT/scripts/build.sh" --dist "$dist" >/dev/null 2>&1
  built=1
}

sizes() {
  release_build
  say "release transfer sizes ($(date -u +%F), scripts/bench.sh sizes)"
  printf '| %-26s | %10s | %10s | %10s |\n' file raw gzip brotli
  printf '|----------------------------|-----------:|-----------:|-----------:|\n'
  local file name raw gz br total_raw=0 total_gz=0 total_br=0
  for file in "$dist"/*; do
    case "$file" in *.gz | *.br) continue ;; esac
    name=$(basename "$file" | sed -E 's/-[0-9a-f]{12,16}(_bg)?\././')
    raw=$(wc -c <"$file")
    gz=$(gzip -9 -n -c "$file" | wc -c)
    br=$(brotli -q 11 -c "$file" | wc -c)
    total_raw=$((total_raw + raw)) total_gz=$((total_gz + gz)) total_br=$((total_br + br))
    printf '| %-26s | %10d | %10d | %10d |\n' "$name" "$raw" "$gz" "$br"
  done
  printf '| %-26s | %10d | %10d | %10d |\n' total "$total_raw" "$total_gz" "$total_br"
  wire_sizes
}

# The first load as a browser makes it, through a real nginx running deploy/nginx.conf: the page,
# then every file it links (boot.js, wasm-bindgen's JS, the wasm, the CSS) and config.json if
# the build has one, each fetched with curl once per Accept-Encoding. Body bytes as sent
# (compressed), and the response headers apart.
wire_sizes() {
  local scratch port pid
  scratch=$(mktemp -d)
  port=$(cms_free_port)
  sed -e "s|@LISTEN@|127.0.0.1:$port|" -e "s|@ROOT@|$dist|" -e "s|@PUBLIC_PATH@|/|" \
    -e "s|@ZSTACK@|127.0.0.1:9|" -e "s|@FRAME_ANCESTORS@|'none'|" \
    "$CMS_ROOT/deploy/nginx.conf" >"$scratch/site.conf"
  cat >"$scratch/nginx.conf" <<CONF
load_module /usr/lib/nginx/modules/ngx_http_brotli_static_module.so;
$([ "$(id -u)" -eq 0 ] && echo 'user root;')
daemon off;
worker_processes 1;
pid $scratch/nginx.pid;
error_log $scratch/error.log warn;
events { worker_connections 64; }
http {
    include /etc/nginx/mime.types;
    default_type application/octet-stream;
    access_log off;
    client_body_temp_path $scratch/body;
    proxy_temp_path $scratch/proxy;
    include $scratch/site.conf;
}
CONF
  nginx -p "$scratch" -e "$scratch/error.log" -c "$scratch/nginx.conf" &
  pid=$!
  local tries=0
  until curl -s -o /dev/null "http://127.0.0.1:$port/"; do
    tries=$((tries + 1))
    [ "$tries" -lt 50 ] || { cat "$scratch/error.log" >&2; kill "$pid"; die "nginx did not start"; }
    sleep 0.1
  done
  local base="http://127.0.0.1:$port" paths later
  # shellcheck disable=SC2207 # one path per line, no blanks in them
  paths=(/ $(curl -s "$base/" | grep -oE '(src|href|content)="?/[^" >]+' | sed -E 's/^[a-z]+="?//' | sort -u))
  [ -e "$dist/config.json" ] && paths+=(/config.json)
  # The page links the parts' loader (a modulepreload) with the rest; the parts themselves are
  # fetched once the source is in (src/ui/parts.rs).
  # shellcheck disable=SC2207
  later=($(cd "$dist" && ls split_*.wasm chunk_*.wasm 2>/dev/null | sed 's|^|/|'))
  say "first load on the wire through deploy/nginx.conf (nginx $(nginx -v 2>&1 | sed 's|.*/||'), curl; bytes of the bodies as sent)"
  wire_table "$base" "${paths[@]}"
  if [ ${#later[@]} -gt 0 ]; then
    say "fetched after the first interaction: the parts (same server, same way)"
    wire_table "$base" "${later[@]}"
  fi
  kill "$pid"
  wait "$pid" 2>/dev/null || true
  rm -rf "$scratch"
}

# wire_table BASE PATH...: each path's body bytes as nginx sends it (identity, gzip, br), and totals.
wire_table() {
  local base=$1 encoding path out code size header served line kind
  shift
  printf '| %-26s | %10s | %10s | %10s |\n' file identity gzip br
  printf '|----------------------------|-----------:|-----------:|-----------:|\n'
  local -A total=() headers=()
  for path in "$@"; do
    kind=$(basename "$path" | sed -E 's/-[0-9a-f]{12,16}(_bg)?\././')
    [ "$path" = / ] && kind="index.html"
    line=$(printf '| %-26s |' "$kind")
    for encoding in identity gzip br; do
      out=$(curl -s -o /dev/null -H "Accept-Encoding: $encoding" \
        -w '%{http_code} %{size_download} %{size_header} %header{content-encoding}' "$base$path")
      read -r code size header served <<<"$out"
      [ "$code" = 200 ] || die "$path answered $code"
      [ "$encoding" = identity ] || [ "$served" = "$encoding" ] || die "$path: asked for $encoding, got '$served'"
      total[$encoding]=$((${total[$encoding]:-0} + size)) headers[$encoding]=$((${headers[$encoding]:-0} + header))
      line+=$(printf ' %10d |' "$size")
    done
    printf '%s\n' "$line"
  done
  printf '| %-26s | %10d | %10d | %10d |\n' "**total (bodies)**" "${total[identity]}" "${total[gzip]}" "${total[br]}"
  printf '| %-26s | %10d | %10d | %10d |\n' "response headers" "${headers[identity]}" "${headers[gzip]}" "${headers[br]}"
}

sim() {
  say "simulator load (cargo run --release -p zstack-sim --bin zstack-sim-load)"
  cargo run --locked --release -q -p zstack-sim --bin zstack-sim-load
}

core() {
  say "core validate + build (cargo bench -p clone-model-service --bench form)"
  cargo bench --locked -q -p clone-model-service --bench form
}

browser() {
  release_build
  say "browser figures (e2e/tests/benchmarks.rs, keystroke_benchmarks.rs; headless Chromium through nginx)"
  CMS_DIST="$dist" cargo test --locked -q -p e2e --test benchmarks --test keystroke_benchmarks \
    -- --ignored --nocapture --test-threads 1
}

for part in "${parts[@]}"; do
  case "$part" in
    sizes | sim | core | browser) "$part" ;;
    *) die "unknown part: $part (sizes, sim, core, browser)" ;;
  esac
done
