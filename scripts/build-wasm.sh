#!/usr/bin/env bash
# Builds the wasm module and its JavaScript bindings into www/pkg/, then
# shrinks the module with Binaryen's wasm-opt (scripts/setup.sh installs it).
#
# WASM_OPT_FLAGS overrides the optimization level (default below; `none`
# skips wasm-opt). Measured in bench/analysis.md ("wasm-opt", round 5): every
# level runs the analysis at the same speed in V8 (within noise); they differ
# in size only, -Os --converge is among the smallest.
. "$(dirname "$0")/lib.sh"
cd "$ROOT"
WASM_OPT_FLAGS=${WASM_OPT_FLAGS:--Os --converge}
log "building wasm (profile wasm-release)"
cargo build -p tahlil-wasm --target wasm32-unknown-unknown --profile wasm-release --locked
rm -rf www/pkg
wasm-bindgen target/wasm32-unknown-unknown/wasm-release/tahlil_wasm.wasm \
  --target web --out-dir www/pkg --out-name tahlil --remove-name-section --remove-producers-section
if [ "$WASM_OPT_FLAGS" != none ]; then
  command -v wasm-opt >/dev/null || die "wasm-opt missing: run scripts/setup.sh (Debian package binaryen)"
  log "wasm-opt $WASM_OPT_FLAGS"
  # The features the module uses (rustc's defaults plus simd128, .cargo/config.toml);
  # without reference-types the externref table of wasm-bindgen is refused.
  # shellcheck disable=SC2086
  wasm-opt $WASM_OPT_FLAGS --enable-simd --enable-bulk-memory --enable-sign-ext --enable-mutable-globals \
    --enable-nontrapping-float-to-int --enable-reference-types \
    www/pkg/tahlil_bg.wasm -o www/pkg/tahlil_bg.opt.wasm
  mv www/pkg/tahlil_bg.opt.wasm www/pkg/tahlil_bg.wasm
  # Binaryen < 110 (Debian 12 has 108) exports every table as table 0.
  node scripts/fix-table-export.mjs www/pkg/tahlil_bg.wasm >/dev/null
fi
raw=$(stat -c %s www/pkg/tahlil_bg.wasm)
gz=$(gzip -9 -c www/pkg/tahlil_bg.wasm | wc -c)
log "www/pkg/tahlil_bg.wasm: $raw bytes, $gz gzipped"
