#!/usr/bin/env bash
# Installs whatever is missing for building and testing Tahlil, and nothing
# that is already there: Debian's chromium, chromium-driver, Arabic fonts and
# binaryen (wasm-opt, used by build-wasm.sh),
# the wasm32 Rust target, wasm-bindgen-cli at the exact version of Cargo.lock,
# and the npm packages of package-lock.json (playwright-core, no browser download).
. "$(dirname "$0")/lib.sh"
cd "$ROOT"

missing=()
for pkg in chromium chromium-driver fonts-noto-core binaryen; do
  dpkg-query -W -f='${Status}' "$pkg" 2>/dev/null | grep -q "ok installed" || missing+=("$pkg")
done
if [ ${#missing[@]} -gt 0 ]; then
  log "installing Debian packages: ${missing[*]}"
  as_root env DEBIAN_FRONTEND=noninteractive apt-get update -qq
  as_root env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
fi

if ! rustup target list --installed | grep -qx wasm32-unknown-unknown; then
  log "adding Rust target wasm32-unknown-unknown"
  rustup target add wasm32-unknown-unknown
fi

# wasm-bindgen-cli must match the wasm-bindgen crate exactly (pinned with = in crates/wasm/Cargo.toml).
want=$(awk '/^name = "wasm-bindgen"$/ {getline; gsub(/version = |"/, ""); print; exit}' Cargo.lock)
[ -n "$want" ] || die "no wasm-bindgen in Cargo.lock"
have=$(wasm-bindgen --version 2>/dev/null | awk '{print $2}' || true)
if [ "$have" != "$want" ]; then
  log "installing wasm-bindgen-cli $want (found: ${have:-none}); this takes about 3 minutes"
  # No --locked: the locked install fails on a dependency version the registry lacks.
  cargo install wasm-bindgen-cli --version "$want"
fi

if [ ! -d node_modules/playwright-core ] || [ package-lock.json -nt node_modules/.package-lock.json ]; then
  log "installing npm packages"
  PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error
fi
log "setup complete"
