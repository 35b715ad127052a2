#!/usr/bin/env python3
"""Seeds fuzz/corpus/<target>/ from the seed articles (tests/fixtures/*.txt),
the texts of the test vectors (tests/vectors/*.toml) and the hostile payloads
(tests/fixtures/hostile/, when present): as they are, in the legacy encodings
and UTF-16 for `decode`, wrapped in HTML for `html` and in a .docx for `docx`.
Usage: python3 scripts/fuzz-seeds.py   (from anywhere; idempotent)
"""
import hashlib
import io
import pathlib
import tomllib
import zipfile
from xml.sax.saxutils import escape

ROOT = pathlib.Path(__file__).resolve().parent.parent
CORPUS = ROOT / "fuzz" / "corpus"


def texts():
    for path in sorted((ROOT / "tests" / "fixtures").glob("*.txt")):
        yield path.read_text(encoding="utf-8")
    for path in sorted((ROOT / "tests" / "vectors").glob("*.toml")):
        data = tomllib.loads(path.read_text(encoding="utf-8"))
        for table in data.values():
            for case in table if isinstance(table, list) else []:
                for key in ("text", "input"):
                    if isinstance(case.get(key), str):
                        yield case[key]
    hostile = ROOT / "tests" / "fixtures" / "hostile"
    if hostile.is_dir():
        for path in sorted(hostile.glob("*")):
            yield path.read_text(encoding="utf-8", errors="replace")


def docx(text):
    paragraphs = "".join(
        f'<w:p><w:r><w:t xml:space="preserve">{escape(line)}</w:t></w:r></w:p>' for line in text.split("\n")
    )
    xml = ('<?xml version="1.0" encoding="UTF-8"?><w:document xmlns:w="http://schemas.openxmlformats.org/'
           f'wordprocessingml/2006/main"><w:body>{paragraphs}</w:body></w:document>')
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("[Content_Types].xml", "<Types/>")
        z.writestr("word/document.xml", xml)
    return out.getvalue()


def put(target, data):
    folder = CORPUS / target
    folder.mkdir(parents=True, exist_ok=True)
    (folder / hashlib.sha1(data).hexdigest()).write_bytes(data)


def main():
    for text in texts():
        raw = text.encode("utf-8")
        for target in ("analyze", "html"):
            put(target, raw)
        put("normalize", b"\xff\x7f" + raw)
        put("normalize", b"\x00\x02" + raw)
        put("decode", raw)
        put("decode", b"\xef\xbb\xbf" + raw)
        put("decode", b"\xff\xfe" + text.encode("utf-16-le"))
        put("decode", b"\xfe\xff" + text.encode("utf-16-be"))
        for codec in ("cp1256", "iso8859_6"):
            put("decode", text.encode(codec, errors="ignore"))
        put("html", f"<html><head><style>p{{}}</style></head><body><p>{escape(text)}</p>"
                    "<script>x()</script></body></html>".encode("utf-8"))
        put("docx", docx(text))
    for target in ("analyze", "normalize", "decode", "html", "docx"):
        print(f"{target}: {len(list((CORPUS / target).iterdir()))} seeds")


main()
