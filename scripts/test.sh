#!/usr/bin/env bash
# Runs every test layer and exits non-zero if anything failed:
#   formatting and lints (native, wasm32, and the split release code), native tests (core,
#   simulator), browser component tests (wasm-bindgen-test in headless Chromium), the release
#   builds (root and sub-path, split), and the end-to-end tests (the builds served by a real
#   nginx with deploy/nginx.conf, the simulator behind it, driven in Chromium).
# A failing layer does not stop the others; the last line is the sum over all layers:
#   N passed, M failed          (", K skipped" follows when tests were ignored)
#
#   scripts/test.sh              set up what is missing, then run everything
#   scripts/test.sh --fallback   the same on Debian's Rust (forces the fallback path)
#
# What is counted: every test of every test binary and doctest (the "test result:" lines of
# cargo test and wasm-bindgen-test-runner; ignored tests are skipped, not passed). Format and
# each lint are one check each, passed or failed. Set-up, fetching crates and the release builds
# count only when they fail (one failed each). A test layer that fails without a test result
# (a compile error, a crash) counts as one failed.
set -uo pipefail # no -e: a failure is recorded and the remaining layers still run
. "$(dirname "${BASH_SOURCE[0]}")/lib.sh"
# shellcheck source=test_results.sh
. "$CMS_ROOT/scripts/test_results.sh"

setup_args=()
for arg in "$@"; do
  case "$arg" in
    --fallback) export CMS_RUST_FALLBACK=1 ;;
    --ordinary) setup_args+=("$arg") ;;
    -h | --help) sed -n '2,10p' "$0" | sed 's/^# \{0,1\}//'; exit 0 ;;
    *) die "unknown argument: $arg (see --help)" ;;
  esac
done

started=$(date +%s)
passed=0 failed=0 skipped=0
timings=()
logs="$(mktemp -d)"
trap 'rm -rf "$logs"' EXIT

# The timings (stderr), then the summary as the very last line of stdout; exits 1 on a failure.
finish() {
  if [ "$failed" -eq 0 ]; then
    say "all test layers passed in $(($(date +%s) - started)) s"
  else
    say "FAILED: $failed failed in $(($(date +%s) - started)) s (see the layers above)"
  fi
  [ ${#timings[@]} -eq 0 ] || printf '%s\n' "${timings[@]}" >&2
  if [ "$skipped" -gt 0 ]; then
    printf '%d passed, %d failed, %d skipped\n' "$passed" "$failed" "$skipped"
  else
    printf '%d passed, %d failed\n' "$passed" "$failed"
  fi
  [ "$failed" -eq 0 ]
  exit
}

# step KIND LABEL COMMAND...: runs COMMAND, its output shown and kept in a log, and counts it:
#   prep    nothing when it succeeds, one failed when it fails (set-up, fetch, release build)
#   check   one passed or one failed by its exit status (format, lints)
#   tests   the sum of its "test result:" lines; one more failed if it failed with none failing
# Returns COMMAND's exit status.
step() {
  local kind=$1 label=$2 t0 log status counts p f i
  shift 2
  say "$label"
  t0=$(date +%s)
  log="$logs/${#timings[@]}.log"
  "$@" 2>&1 | tee "$log"
  status=${PIPESTATUS[0]}
  timings+=("$(printf '%5d s  %s%s' $(($(date +%s) - t0)) "$label" "$([ "$status" -eq 0 ] || echo '  (FAILED)')")")
  case "$kind" in
    prep) [ "$status" -eq 0 ] || failed=$((failed + 1)) ;;
    check) if [ "$status" -eq 0 ]; then passed=$((passed + 1)); else failed=$((failed + 1)); fi ;;
    tests)
      if counts=$(count_test_results "$log"); then
        read -r p f i <<<"$counts"
        passed=$((passed + p)) failed=$((failed + f)) skipped=$((skipped + i))
        # A test binary that crashed, or a target that did not compile, leaves no failed test.
        [ "$status" -eq 0 ] || [ "$f" -gt 0 ] || failed=$((failed + 1))
      elif [ "$status" -ne 0 ]; then
        failed=$((failed + 1))
      else
        say "warning: $label reported no test results"
      fi
      ;;
  esac
  [ "$status" -eq 0 ] || say "$label: FAILED (exit status $status)"
  return "$status"
}

# Nothing can run without the tools: a failed set-up ends the run (counted as one failed).
step prep "set-up (scripts/setup.sh)" "$CMS_ROOT/scripts/setup.sh" "${setup_args[@]}" || finish
cms_env
cd "$CMS_ROOT" || exit 1

# --no-fail-fast: every test binary runs and is counted, even after one has failed.
step prep "fetch crates" cms_fetch
step check "format" cargo fmt --all -- --check
step check "lint (native)" cargo clippy --workspace --all-targets --locked -- -D warnings
step check "lint (wasm32)" cargo clippy -p clone-model-service --lib --tests --examples --target wasm32-unknown-unknown --locked -- -D warnings
step check "lint (wasm32, split release code)" cargo clippy -p clone-model-service --lib --target wasm32-unknown-unknown --features split --locked -- -D warnings
step tests "native tests (core, simulator)" cargo test --workspace --exclude e2e --locked --no-fail-fast
step tests "browser component tests (wasm-bindgen-test, headless Chromium)" \
  cargo test -p clone-model-service --target wasm32-unknown-unknown --test web --locked --no-fail-fast
# The end-to-end tests need these builds (scripts/build.sh: Trunk, then the .gz/.br copies that
# deploy/nginx.conf serves), at the root and at a sub-path: without them they are not run.
if step prep "release build (scripts/build.sh)" \
  "$CMS_ROOT/scripts/build.sh" --dist "$CMS_ROOT/dist" &&
  step prep "release build for /tools/clone/ (scripts/build.sh --public-url)" \
    "$CMS_ROOT/scripts/build.sh" --public-url /tools/clone/ --dist "$CMS_ROOT/dist-subpath"; then
  step tests "end-to-end tests (deploy/nginx.conf + simulator + Chromium)" \
    env CMS_DIST="$CMS_ROOT/dist" CMS_DIST_SUBPATH="$CMS_ROOT/dist-subpath" \
    cargo test -p e2e --locked --no-fail-fast -- --test-threads 2
else
  say "end-to-end tests not run: a release build failed"
fi

finish
