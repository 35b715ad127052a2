#!/usr/bin/env bash
# Sets up what is missing, builds the wasm and serves the page on
# http://127.0.0.1:8000 (PORT=NNNN to change). Ctrl-C stops it.
. "$(dirname "$0")/lib.sh"
cd "$ROOT"
"$ROOT/scripts/setup.sh"
"$ROOT/scripts/build-wasm.sh"
port="${PORT:-8000}"
log "serving www/ on http://127.0.0.1:$port"
exec python3 -m http.server "$port" --bind 127.0.0.1 --directory www
