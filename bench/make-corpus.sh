#!/usr/bin/env bash
# Builds bench/out/corpus.txt: about 10 MB of Arabic news for the benchmarks, from the five seed articles (../shared/seeds) and the SaudiNewsNet
# one-day sample (../shared/data/saudinewsnet-sample/*.zip, unzipped with Python).
# Articles are repeated in order until the corpus reaches the target size.
# Also writes its first 1 MB and 100 KB (bench/out/corpus-1m.txt,
# corpus-100k.txt; 10^6 and 10^5 bytes, cut on a character boundary).
#
#   bench/make-corpus.sh [SIZE_BYTES]     # default 10000000
#
# The shared data is third-party (see its SOURCE.md) and never enters the repo:
# bench/out is gitignored.
set -euo pipefail
cd "$(dirname "$0")/.."
size="${1:-10000000}"
shared="../shared"
if [ ! -d "$shared/seeds" ] || ! ls "$shared"/data/saudinewsnet-sample/*.zip >/dev/null 2>&1; then
  echo "make-corpus: $shared/seeds or $shared/data/saudinewsnet-sample/*.zip is missing; cannot build the corpus" >&2
  exit 1
fi
mkdir -p bench/out
python3 - "$size" "$shared" bench/out/corpus.txt <<'PY'
import glob, json, sys, zipfile
size, shared, out = int(sys.argv[1]), sys.argv[2], sys.argv[3]
docs = [open(p, encoding="utf-8").read() for p in sorted(glob.glob(f"{shared}/seeds/*.txt"))]
for z in sorted(glob.glob(f"{shared}/data/saudinewsnet-sample/*.zip")):
    with zipfile.ZipFile(z) as zf:
        for name in zf.namelist():
            if name.endswith(".json"):
                for art in json.loads(zf.read(name).decode("utf-8")):
                    docs.append("\n".join(x for x in (art.get("title"), art.get("content")) if x))
parts, total, i = [], 0, 0
while total < size:
    d = docs[i % len(docs)] + "\n\n"
    b = d.encode("utf-8")
    if total + len(b) > size:
        # Cut on a character boundary.
        b = b[: size - total].decode("utf-8", "ignore").encode("utf-8")
        d = b.decode("utf-8")
    parts.append(d)
    total += len(b)
    i += 1
with open(out, "w", encoding="utf-8", newline="") as f:
    f.write("".join(parts))
text = "".join(parts)
for name, n in (("corpus-1m.txt", 1_000_000), ("corpus-100k.txt", 100_000)):
    with open(out.replace("corpus.txt", name), "w", encoding="utf-8", newline="") as f:
        f.write(text.encode("utf-8")[:n].decode("utf-8", "ignore"))
print(f"make-corpus: {out}: {total} bytes, {min(i, len(docs))} distinct documents ({len(docs)} available)")
PY
