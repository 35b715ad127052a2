#!/usr/bin/env bash
# Builds and runs every fuzz target for SECONDS each (default 60), seeding the
# corpora in fuzz/corpus/ (gitignored) first. Stops at the first crash: the
# input is in fuzz/artifacts/<target>/; make it a regression test.
# Usage: scripts/fuzz.sh [SECONDS] [TARGET...]
# Needs cargo-fuzz; without nightly it builds with RUSTC_BOOTSTRAP=1.
. "$(dirname "$0")/lib.sh"
SECONDS_PER_TARGET="${1:-60}"
shift || true
TARGETS=("$@")
[ ${#TARGETS[@]} -gt 0 ] || TARGETS=(analyze normalize decode html docx)
command -v cargo-fuzz >/dev/null || { log "installing cargo-fuzz"; cargo install cargo-fuzz --locked || cargo install cargo-fuzz; }
python3 "$ROOT/scripts/fuzz-seeds.py"
cd "$ROOT/fuzz"
export RUSTC_BOOTSTRAP=1
log "building fuzz targets"
cargo fuzz build -O
for target in "${TARGETS[@]}"; do
  log "fuzzing $target for ${SECONDS_PER_TARGET}s"
  mkdir -p "corpus/$target"
  mkdir -p "artifacts/$target"
  logfile="artifacts/$target.log"
  if ! cargo fuzz run -O "$target" "corpus/$target" -- \
    -max_total_time="$SECONDS_PER_TARGET" -max_len=65536 -timeout=10 -rss_limit_mb=2048 \
    -print_final_stats=1 >"$logfile" 2>&1; then
    tail -40 "$logfile" >&2
    die "fuzz target $target failed; the input is in fuzz/artifacts/$target/ (log: fuzz/$logfile)"
  fi
  grep -E 'stat::number_of_executed_units|stat::peak_rss_mb' "$logfile" | sed "s/^/  $target /"
done
log "fuzzing done"
