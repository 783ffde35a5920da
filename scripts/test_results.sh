# Sourced by scripts/test.sh: counts the tests in the output of cargo test and
# wasm-bindgen-test-runner.

# count_test_results FILE: sums the lines
#   test result: ok. 170 passed; 0 failed; 2 ignored; 0 measured; 0 filtered out; finished in 1.2s
#   test result: FAILED. 3 passed; 1 failed; 0 ignored; ...
# (one per test binary and per doctest run) and prints "PASSED FAILED IGNORED". Returns 1, and
# prints nothing, when FILE has no such line (the step failed before running any test).
count_test_results() {
  sed 's/\x1b\[[0-9;]*m//g' "$1" |
    sed -nE 's/^[[:space:]]*test result: (ok|FAILED)\. ([0-9]+) passed; ([0-9]+) failed; ([0-9]+) ignored.*/\2 \3 \4/p' |
    awk '{ p += $1; f += $2; i += $3; n++ } END { if (n == 0) exit 1; print p, f, i }'
}
