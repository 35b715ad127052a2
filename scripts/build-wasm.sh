#!/usr/bin/env bash
# Builds the wasm module and its JavaScript bindings into www/pkg/.
. "$(dirname "$0")/lib.sh"
cd "$ROOT"
log "building wasm (profile wasm-release)"
cargo build -p tahlil-wasm --target wasm32-unknown-unknown --profile wasm-release --locked
rm -rf www/pkg
wasm-bindgen target/wasm32-unknown-unknown/wasm-release/tahlil_wasm.wasm \
  --target web --out-dir www/pkg --out-name tahlil --remove-name-section --remove-producers-section
raw=$(stat -c %s www/pkg/tahlil_bg.wasm)
gz=$(gzip -9 -c www/pkg/tahlil_bg.wasm | wc -c)
log "www/pkg/tahlil_bg.wasm: $raw bytes, $gz gzipped"
