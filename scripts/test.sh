#!/usr/bin/env bash
# Runs every test: Rust unit, doc and vector tests; the wasm tests in headless
# Chromium; the end-to-end page tests (node --test + playwright-core).
. "$(dirname "$0")/lib.sh"
cd "$ROOT"
"$ROOT/scripts/setup.sh"

log "cargo fmt --check"
cargo fmt --all -- --check

log "Rust tests (native)"
cargo test --workspace --locked

log "wasm tests in headless Chromium"
export CHROMEDRIVER=/usr/bin/chromedriver
export WASM_BINDGEN_TEST_TIMEOUT=120
cargo test -p tahlil-wasm --target wasm32-unknown-unknown --locked

"$ROOT/scripts/build-wasm.sh"
"$ROOT/scripts/build-package.sh"
cargo build -p tahlil-cli --release --locked

log "short fuzz run (${FUZZ_SECONDS:-20} s per target; scripts/fuzz.sh SECONDS for longer)"
"$ROOT/scripts/fuzz.sh" "${FUZZ_SECONDS:-20}"

log "page tests (node --test, Chromium)"
node --test --test-concurrency=1 tests/e2e/
log "all tests passed"
