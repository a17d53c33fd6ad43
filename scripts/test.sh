#!/usr/bin/env bash
# Runs every check: formatting, lints (native and wasm32), native tests, the release
# dist/ build, the native benchmark (its figures, for docs/PERFORMANCE.md), end-to-end
# tests in headless Chromium against that dist/, and Lighthouse's figures for it.
# Closes with one line: "N passed, N failed".
set -euo pipefail
source "$(dirname "$0")/setup.sh"
lg_setup --browser-required
cd "$LG_ROOT"
logs="$LG_ROOT/target/test-logs"; mkdir -p "$logs"
step() { printf '\n=== %s\n' "$*"; }

step "cargo fmt --check"
cargo fmt --all -- --check

step "cargo clippy (native, all targets)"
cargo clippy -q --offline --workspace --all-targets -- -D warnings

step "cargo clippy (wasm32 web app)"
env "${LG_WASM_ENV[@]}" cargo clippy -q --offline --target wasm32-unknown-unknown -- -D warnings

step "native tests"
cargo test --offline --workspace 2>&1 | tee "$logs/cargo-test.txt"

step "release build of dist/"
lg_build_dist

step "release build of the command line (the browser tests compare against it)"
cargo build -q --offline --release --bin longgame
export LONGGAME_CLI="$LG_ROOT/target/release/longgame"

step "native benchmark (figures and targets, written to target/test-logs; not pass or fail)"
cargo bench -q --offline --bench throughput 2>&1 | tee "$logs/bench-throughput.txt"

step "end-to-end tests in headless Chromium"
set +e
node --test --test-concurrency=1 \
  --test-reporter=spec --test-reporter-destination=stdout \
  --test-reporter=tap --test-reporter-destination="$logs/e2e.tap" \
  tests/e2e/*.test.mjs
e2e_rc=$?
set -e

step "Lighthouse, mobile and desktop, median of 3 (figures beside the targets; not pass or fail)"
node scripts/lighthouse.mjs dist 3 || echo "Lighthouse could not run (figures missing, not a failure)"

# One closing line over both runners (cargo's per-binary lines and node's TAP summary).
read -r native_pass native_fail < <(awk '/^test result:/ {p+=$4; f+=$6} END {print p+0, f+0}' "$logs/cargo-test.txt")
read -r e2e_pass e2e_fail < <(awk '/^# pass/ {p=$3} /^# fail/ {f=$3} END {print p+0, f+0}' "$logs/e2e.tap")
echo
echo "native: $native_pass passed, $native_fail failed; browser: $e2e_pass passed, $e2e_fail failed"
echo "$((native_pass + e2e_pass)) passed, $((native_fail + e2e_fail)) failed"
exit "$e2e_rc"
