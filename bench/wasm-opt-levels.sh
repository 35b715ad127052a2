#!/usr/bin/env bash
# Builds the wasm module at opt-level "z", "s" and 3 (the wasm-release profile
# with CARGO_PROFILE_WASM_RELEASE_OPT_LEVEL overridden) and reports, for each,
# the gzipped size of tahlil_bg.wasm + tahlil.js and the analysis speed in
# headless Chromium (bench/browser-analyze.mjs, 100 KB and 1 MB). Leaves www/pkg built with the
# profile as configured in Cargo.toml.
#
#   bench/make-corpus.sh && bench/wasm-opt-levels.sh [RUNS]     # writes bench/out/wasm-opt-levels.tsv
set -euo pipefail
cd "$(dirname "$0")/.."
runs="${1:-3}"
out=bench/out/wasm-opt-levels.tsv
printf 'opt-level\twasm+js gz bytes\tmode\tinput\tbytes\tbest ms\tmedian ms\tMB/s\n' > "$out"
for level in z s 3; do
  CARGO_PROFILE_WASM_RELEASE_OPT_LEVEL="$level" ./scripts/build-wasm.sh >&2
  gz=$(( $(gzip -9 -c www/pkg/tahlil_bg.wasm | wc -c) + $(gzip -9 -c www/pkg/tahlil.js | wc -c) ))
  BENCH_SMALL=1 node bench/browser-analyze.mjs "$runs" | grep -v '^#' | while IFS= read -r line; do
    printf '%s\t%s\t%s\n' "$level" "$gz" "$line" >> "$out"
  done
done
./scripts/build-wasm.sh >&2
cat "$out"
