#!/usr/bin/env bash
# Builds the npm-ready package dist/tahlil/ from the wasm build (www/pkg, made
# by build-wasm.sh; built here when missing) and the embed API (www/embed):
# tahlil.js + tahlil_bg.wasm, the single-file tahlil.inline.js, tahlil.d.ts,
# package.json, README.md. Fails when wasm + JS exceed the size budget.
. "$(dirname "$0")/lib.sh"
cd "$ROOT"
# Budget of tahlil_bg.wasm + tahlil.js, gzip -9 (docs: README "## Embedding").
BUDGET_GZIP_BYTES=$((300 * 1024))

# The package's JS is minified with terser (package.json devDependencies).
[ -d node_modules/terser ] || PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error
[ -f www/pkg/tahlil_bg.wasm ] && [ -f www/pkg/tahlil.js ] || "$ROOT/scripts/build-wasm.sh"
log "building dist/tahlil"
sizes=$(node www/embed/tools/package.mjs "$ROOT" "$ROOT/dist/tahlil")
total=$(node -e '
  const s = JSON.parse(process.argv[1]);
  for (const [name, v] of Object.entries(s)) console.error(`  ${name.padEnd(18)} ${String(v.bytes).padStart(8)} bytes ${String(v.gzip).padStart(8)} gzipped`);
  console.log(s["tahlil_bg.wasm"].gzip + s["tahlil.js"].gzip);' "$sizes")
log "wasm + JS: $total bytes gzipped (budget $BUDGET_GZIP_BYTES)"
[ "$total" -le "$BUDGET_GZIP_BYTES" ] || die "dist/tahlil: wasm + JS is $total bytes gzipped, over the budget of $BUDGET_GZIP_BYTES"
