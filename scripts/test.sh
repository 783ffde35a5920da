#!/usr/bin/env bash
# Runs every test layer and exits non-zero on the first failure:
#   formatting and lints (native and wasm32), native tests (core, simulator), browser component
#   tests (wasm-bindgen-test in headless Chromium), the release build, and the end-to-end tests
#   (the release build served by a real nginx, the simulator behind it, driven in Chromium).
#
#   scripts/test.sh              set up what is missing, then run everything
#   scripts/test.sh --fallback   the same on Debian's Rust (forces the fallback path)
set -euo pipefail
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"

setup_args=()
for arg in "$@"; do
  case "$arg" in
    --fallback) export CMS_RUST_FALLBACK=1 ;;
    --ordinary) setup_args+=("$arg") ;;
    -h | --help) sed -n '2,9p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) die "unknown argument: $arg (see --help)" ;;
  esac
done

started=$(date +%s)
"$CMS_ROOT/scripts/setup.sh" "${setup_args[@]}"
cms_env
cd "$CMS_ROOT"

timings=()
step() { # label command...
  local label=$1 t0
  shift
  say "$label"
  t0=$(date +%s)
  "$@"
  timings+=("$(printf '%5d s  %s' $(($(date +%s) - t0)) "$label")")
}

step "fetch crates" cargo fetch --locked
step "format" cargo fmt --all -- --check
step "lint (native)" cargo clippy --workspace --all-targets --locked -- -D warnings
step "lint (wasm32)" cargo clippy -p clone-model-service --lib --tests --target wasm32-unknown-unknown --locked -- -D warnings
step "native tests (core, simulator)" cargo test --workspace --exclude e2e --locked
step "browser component tests (wasm-bindgen-test, headless Chromium)" \
  cargo test -p clone-model-service --target wasm32-unknown-unknown --test web --locked
step "release build (trunk)" trunk build --release --offline --dist "$CMS_ROOT/dist"
step "end-to-end tests (nginx + simulator + Chromium)" \
  env CMS_DIST="$CMS_ROOT/dist" cargo test -p e2e --locked -- --test-threads 2

say "all test layers passed in $(($(date +%s) - started)) s"
printf '%s\n' "${timings[@]}" >&2
