#!/usr/bin/env bash
# Bounded cost: times `tahlil analyze FILE --format json` at 1, 10 and 50 MB of
# hostile shapes (news text, news with no spaces, one run of digits, one letter
# under a million+ diacritics, one entity repeated) and prints MB/s per size:
# linear growth keeps MB/s flat. Then streams 1 GB of lines through
# `--format jsonl` from a pipe and reports max RSS (must stay flat vs 10 MB).
#
#   ./bench/hostile.sh [SIZES_MB...]        (default: 1 10 50; needs /usr/bin/time)
#   ONLY_JSONL=1 JSONL_LARGE_MB=1000 ./bench/hostile.sh 1     (only the streaming check)
#
# Inputs are written to $TMPDIR/tahlil-hostile (removed at the end).
. "$(dirname "$0")/../scripts/lib.sh"
cd "$ROOT"
SIZES=("$@")
[ ${#SIZES[@]} -gt 0 ] || SIZES=(1 10 50)
cargo build --release -p tahlil-cli --locked >&2
BIN="$ROOT/target/release/tahlil"
WORK="${TMPDIR:-/tmp}/tahlil-hostile"
mkdir -p "$WORK"
trap 'rm -rf "$WORK"' EXIT

python3 - "$WORK" "${SIZES[@]}" <<'PY'
import pathlib, re, sys
work = pathlib.Path(sys.argv[1])
news = "\n".join(p.read_text(encoding="utf-8") for p in sorted(pathlib.Path("tests/fixtures").glob("*.txt")))
nospace = re.sub(r"\s+", "", news)
shapes = {
    "news": news,
    "nospace": nospace,
    "digits": "1234567890",
    "diacritics": None,
    "entity": "١٢٫٥٪ ",
}
for mb in map(int, sys.argv[2:]):
    size = mb * 1_000_000
    for name, unit in shapes.items():
        if name == "diacritics":
            text = "ب" + "\u064e" * ((size - 2) // 2)
        else:
            raw = unit.encode("utf-8")
            data = (raw * (size // len(raw) + 1))[:size]
            text = data.decode("utf-8", errors="ignore")
        (work / f"{name}-{mb}.txt").write_text(text, encoding="utf-8")
PY

printf '%-11s %6s %9s %9s %9s\n' shape MB seconds MB/s maxRSS_MB
[ -n "${ONLY_JSONL:-}" ] && SHAPES=() || SHAPES=(news nospace digits diacritics entity)
for shape in "${SHAPES[@]}"; do
  for mb in "${SIZES[@]}"; do
    f="$WORK/$shape-$mb.txt"
    bytes=$(stat -c %s "$f")
    /usr/bin/time -f '%e %M' -o "$WORK/time" "$BIN" analyze "$f" --format json >/dev/null
    read -r secs rss_kb <"$WORK/time"
    python3 -c "import sys; b,s,r=map(float,sys.argv[1:]); print(f'%-11s %6.1f %9.2f %9.1f %9.0f' % ('$shape', b/1e6, s, b/1e6/max(s,0.01), r/1024))" "$bytes" "$secs" "$rss_kb"
  done
done

lines_rss() {  # $1: megabytes of news lines streamed through --format jsonl
  python3 -c "
import sys, pathlib
line = ' '.join(pathlib.Path('tests/fixtures/000_3f0a285601cca58c.txt').read_text(encoding='utf-8').split()) + '\n'
block = (line * (4_000_000 // len(line.encode()) + 1)).encode()
left = int(sys.argv[1]) * 1_000_000
out = sys.stdout.buffer
while left > 0:
    part = block if left >= len(block) else block[:block.rindex(b'\\n', 0, left) + 1]
    out.write(part); left -= len(block)
" "$1" | /usr/bin/time -f '%e %M' -o "$WORK/time" "$BIN" analyze - --format jsonl >/dev/null
  read -r secs rss_kb <"$WORK/time"
  echo "jsonl $1 MB of lines from a pipe: ${secs}s, max RSS ${rss_kb} KB"
}
lines_rss "${JSONL_SMALL_MB:-10}"
lines_rss "${JSONL_LARGE_MB:-1000}"
