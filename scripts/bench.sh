#!/usr/bin/env bash
# The benchmark suite (issue 8), in one run, about 10 minutes:
#   corpus (bench/make-corpus.sh: 10 MB + 1 MB + 100 KB of Arabic news from ../shared),
#   native criterion benches (normalization per preset, full analysis, analysis without names,
#   the physical reference), peak memory of the CLI (/usr/bin/time -v), a profile (perf),
#   the wasm build in headless Chromium (direct and in the worker, page timing),
#   peers (CAMeL Tools, PyArabic, dateparser; pip-installed into bench/out/venv),
# then writes docs/performance.md from the results (bench/report.py).
#
#   ./scripts/bench.sh            # everything
#   BENCH_SKIP=browser,peers ./scripts/bench.sh   # leave parts out (native,memory,profile,browser,peers)
#
# Raw results stay in bench/out/ (gitignored). Nothing of ../shared enters the repository.
. "$(dirname "$0")/lib.sh"
cd "$ROOT"
OUT=bench/out
skip() { [[ ",${BENCH_SKIP:-}," == *",$1,"* ]]; }
mkdir -p "$OUT"

log "corpus"
bench/make-corpus.sh

{
  echo "date	$(date -u '+%Y-%m-%d %H:%M UTC')"
  echo "cpu	$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ //')"
  echo "cores	$(nproc)"
  echo "load_start	$(cut -d' ' -f1-3 /proc/loadavg)"
  echo "rustc	$(rustc --version)"
  echo "commit	$(git rev-parse --short HEAD)$(git diff --quiet HEAD -- crates Cargo.toml || echo '+changes')"
} > "$OUT/machine.tsv"

log "release build"
cargo build --release -p tahlil-cli --locked -q

if ! skip native; then
  log "native benches (criterion, thread CPU time)"
  rm -rf target/criterion/normalize target/criterion/analyze target/criterion/analyze-parallel
  crit=(--warm-up-time 1 --measurement-time 4 --noplot)
  cargo bench -p tahlil-core --locked --bench normalize -- "${crit[@]}" 2>&1 | tee "$OUT/native-normalize.txt"
  cargo bench -p tahlil-core --locked --bench analyze -- "${crit[@]}" 2>&1 | tee "$OUT/native-analyze.txt"
fi

if ! skip memory; then
  log "peak memory of the CLI (/usr/bin/time -v)"
  : > "$OUT/memory.tsv"
  for f in corpus-100k.txt corpus-1m.txt corpus.txt; do
    /usr/bin/time -v ./target/release/tahlil analyze "$OUT/$f" --format json > /dev/null 2> "$OUT/time-$f.txt"
    rss=$(awk -F': ' '/Maximum resident set size/ {print $2}' "$OUT/time-$f.txt")
    secs=$(awk -F': ' '/User time/ {u=$2} /System time/ {s=$2} END {print u+s}' "$OUT/time-$f.txt")
    printf '%s\t%s\t%s\t%s\n' "$f" "$(stat -c %s "$OUT/$f")" "$rss" "$secs" >> "$OUT/memory.tsv"
  done
  # The same binary on an empty text: what the process costs before any input.
  /usr/bin/time -v ./target/release/tahlil analyze - --format json < /dev/null > /dev/null 2> "$OUT/time-empty.txt"
  printf 'empty\t0\t%s\t0\n' "$(awk -F': ' '/Maximum resident set size/ {print $2}' "$OUT/time-empty.txt")" >> "$OUT/memory.tsv"
  cat "$OUT/memory.tsv"
fi

if ! skip profile; then
  if command -v perf >/dev/null; then
    log "profile (perf record on the CLI, 10 MB)"
    perf record -q -F 999 -o "$OUT/perf.data" ./target/release/tahlil analyze "$OUT/corpus.txt" --format json > /dev/null 2>&1 || true
    perf report -i "$OUT/perf.data" --no-children --stdio --percent-limit 1.5 --sort symbol 2>/dev/null \
      | grep -E '^ +[0-9]' > "$OUT/profile.txt" || true
    cat "$OUT/profile.txt"
  else
    echo "perf is not installed: no profile" > "$OUT/profile.txt"
  fi
fi

if ! skip browser; then
  log "browser (wasm in headless Chromium)"
  [ -d node_modules/playwright-core ] || npm ci --no-audit --no-fund
  ./scripts/build-wasm.sh
  gzip -9 -c www/pkg/tahlil_bg.wasm | wc -c > "$OUT/wasm-gz.txt"
  node bench/browser-normalize.mjs 5 2>&1 | tee "$OUT/browser-normalize.txt"
  node bench/browser-analyze.mjs 5 2>&1 | tee "$OUT/browser-analyze.txt"
  node bench/page-timing.mjs 5 1 2>&1 | tee "$OUT/page-timing.txt"
fi

if ! skip peers; then
  log "peers (bench/out/venv)"
  if [ ! -x "$OUT/venv/bin/python" ]; then
    python3 -m venv "$OUT/venv"
  fi
  # CAMeL Tools without its dependencies: its normalization is plain Python, and the
  # full dependency set (torch, transformers) is gigabytes that this bench never uses.
  "$OUT/venv/bin/pip" install -q --no-warn-conflicts pyarabic dateparser emoji
  "$OUT/venv/bin/pip" install -q --no-warn-conflicts --no-deps camel-tools
  "$OUT/venv/bin/pip" freeze | grep -iE '^(camel.tools|pyarabic|dateparser)==' > "$OUT/peer-versions.txt"
  "$OUT/venv/bin/python" bench/peers.py 3 2>&1 | tee "$OUT/peers.tsv"
fi

echo "load_end	$(cut -d' ' -f1-3 /proc/loadavg)" >> "$OUT/machine.tsv"
log "docs/performance.md"
python3 bench/report.py
