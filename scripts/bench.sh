#!/usr/bin/env bash
# Prints the project's performance figures (never asserted in tests):
#   1. release transfer sizes of the app: wasm, JS, CSS and HTML, raw, gzip -9 and brotli -q 11
#   2. the simulator's load figures (queries/s, 50 concurrent clones counted exactly)
#   3. the core's validate + build times for a draft with 64 architecture rows and a 1 MB YAML
#   4. in headless Chromium through nginx: navigation to a pre-filled dialog, keystroke with 64 rows
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
cargo fetch --locked >/dev/null

dist="$CARGO_TARGET_DIR/bench-dist"
release_build() {
  [ -n "${built:-}" ] && return 0
  say "release build"
  trunk build --release --offline --dist "$dist" >/dev/null
  built=1
}

sizes() {
  release_build
  say "release transfer sizes ($(date -u +%F), scripts/bench.sh sizes)"
  printf '| %-6s | %10s | %10s | %10s |\n' file raw gzip brotli
  printf '|--------|-----------:|-----------:|-----------:|\n'
  local kind file raw gz br total_raw=0 total_gz=0 total_br=0
  for kind in wasm js css html; do
    file=$(find "$dist" -maxdepth 1 -name "*.$kind" | head -n1)
    [ -n "$file" ] || continue
    raw=$(wc -c <"$file")
    gz=$(gzip -9 -c "$file" | wc -c)
    br=$(brotli -q 11 -c "$file" | wc -c)
    total_raw=$((total_raw + raw)) total_gz=$((total_gz + gz)) total_br=$((total_br + br))
    printf '| %-6s | %10d | %10d | %10d |\n' "$kind" "$raw" "$gz" "$br"
  done
  printf '| %-6s | %10d | %10d | %10d |\n' total "$total_raw" "$total_gz" "$total_br"
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
  say "browser figures (e2e/tests/benchmarks.rs, headless Chromium through nginx)"
  CMS_DIST="$dist" cargo test --locked -q -p e2e --test benchmarks -- --ignored --nocapture --test-threads 1
}

for part in "${parts[@]}"; do
  case "$part" in
    sizes | sim | core | browser) "$part" ;;
    *) die "unknown part: $part (sizes, sim, core, browser)" ;;
  esac
done
