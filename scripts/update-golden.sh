#!/usr/bin/env bash
# Rewrites tests/fixtures/*.json from the native CLI. Review the diff entity by
# entity before committing: these files are the checked-by-hand expectations.
. "$(dirname "$0")/lib.sh"
cd "$ROOT"
cargo build -p tahlil-cli --release --locked -q
for f in tests/fixtures/*.txt; do
  ./target/release/tahlil analyze "$f" --format json > "${f%.txt}.json"
done
git --no-pager diff --stat -- tests/fixtures/ || true
