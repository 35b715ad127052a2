//! The `tahlil` binary on the seed articles prints exactly the golden JSON of
//! `tests/fixtures/` (which the wasm tests also compare against).

use std::path::{Path, PathBuf};
use std::process::Command;

fn fixtures() -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../tests/fixtures")
}

fn tahlil(args: &[&str], stdin: Option<&str>) -> (i32, String, String) {
    use std::io::Write;
    let mut child = Command::new(env!("CARGO_BIN_EXE_tahlil"))
        .args(args)
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::piped())
        .stderr(std::process::Stdio::piped())
        .spawn()
        .unwrap();
    // Written from another thread: `--format jsonl` prints while it reads,
    // and a full output pipe must not wait on a full input pipe.
    let mut input = child.stdin.take().unwrap();
    let stdin = stdin.unwrap_or("").to_string();
    let writer = std::thread::spawn(move || {
        // A command that fails early (a bad path) may exit before reading its
        // input: a broken pipe here is expected, not a failure.
        if let Err(e) = input.write_all(stdin.as_bytes()) {
            assert_eq!(e.kind(), std::io::ErrorKind::BrokenPipe, "{e}");
        }
    });
    let out = child.wait_with_output().unwrap();
    writer.join().unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8(out.stdout).unwrap(),
        String::from_utf8(out.stderr).unwrap(),
    )
}

#[test]
fn seeds_match_golden_json() {
    let mut seen = 0;
    for entry in std::fs::read_dir(fixtures()).unwrap() {
        let path = entry.unwrap().path();
        if path.extension().is_some_and(|e| e == "txt") {
            let golden = std::fs::read_to_string(path.with_extension("json")).unwrap();
            let (code, out, err) = tahlil(
                &["analyze", path.to_str().unwrap(), "--format", "json"],
                None,
            );
            assert_eq!(code, 0, "{err}");
            assert_eq!(
                out,
                golden,
                "{} differs from its golden JSON; run scripts/update-golden.sh and review",
                path.display()
            );
            seen += 1;
        }
    }
    assert_eq!(seen, 5);
}

#[test]
fn stdin_and_jsonl() {
    let (code, out, _) = tahlil(&["analyze", "-"], Some("بنسبة ١٢٫٥٪"));
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["entities"][0]["kind"], "percent");
    assert_eq!(v["entities"][0]["value"]["value"], 12.5);
    let (code, out, _) = tahlil(
        &["analyze", "--format", "jsonl"],
        Some("عام 2024\nلا شيء\r\n17%"),
    );
    assert_eq!(code, 0);
    let lines: Vec<serde_json::Value> = out
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 3);
    assert_eq!(lines[0]["entities"][0]["kind"], "date");
    assert_eq!(lines[1]["entities"].as_array().unwrap().len(), 0);
    assert_eq!(lines[2]["entities"][0]["kind"], "percent");
}

#[test]
fn normalize_command() {
    let (code, out, _) = tahlil(
        &["normalize", "--preset", "search"],
        Some("الـمـؤتـمـر ٢٠٢٤"),
    );
    assert_eq!((code, out.as_str()), (0, "المءتمر 2024"));
}

#[test]
fn errors_are_one_line_and_exit_non_zero() {
    for args in [
        &["analyze", "/no/such/file"][..],
        &["analyze", "/"],
        &["normalize", "--preset", "loud"],
        &["frobnicate"],
        &["analyze", "-", "--threads", "0"],
        &["analyze", "-", "--threads", "many"],
    ] {
        let (code, out, err) = tahlil(args, None);
        assert_ne!(code, 0, "{args:?}");
        assert!(out.is_empty());
        assert!(err.starts_with("tahlil: "), "{err}");
        assert!(!err.contains("panicked"), "{err}");
    }
    let dir = std::env::temp_dir().join(format!("tahlil-cli-test-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let bad = dir.join("latin1.txt");
    std::fs::write(&bad, b"caf\xe9").unwrap();
    let (code, _, err) = tahlil(
        &["analyze", bad.to_str().unwrap(), "--encoding", "utf-8"],
        None,
    );
    assert_ne!(code, 0);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains("not valid UTF-8"), "{err}");
    let binary = dir.join("image.txt");
    std::fs::write(&binary, b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR").unwrap();
    for command in ["analyze", "normalize"] {
        let (code, out, err) = tahlil(&[command, binary.to_str().unwrap()], None);
        assert_ne!(code, 0);
        assert!(out.is_empty());
        assert_eq!(err.lines().count(), 1, "{err}");
        assert!(err.contains("not a text file"), "{err}");
    }
    let (code, _, err) = tahlil(&["analyze", "-", "--encoding", "ebcdic"], Some("x"));
    assert_ne!(code, 0);
    assert!(err.contains("unknown encoding"), "{err}");
}

/// A text of several sections (over 512 KiB, see `section_ends`) prints the
/// same analysis on one thread and on four.
#[test]
fn threads_do_not_change_the_output() {
    let mut seeds: Vec<_> = std::fs::read_dir(fixtures())
        .unwrap()
        .map(|e| e.unwrap().path())
        .filter(|p| p.extension().is_some_and(|x| x == "txt"))
        .collect();
    seeds.sort();
    let mut text = String::new();
    while text.len() < 1_300_000 {
        for p in &seeds {
            text.push_str(&std::fs::read_to_string(p).unwrap());
            text.push('\n');
        }
    }
    let (code, one, err) = tahlil(&["analyze", "-", "--threads", "1"], Some(&text));
    assert_eq!(code, 0, "{err}");
    let (code, four, err) = tahlil(&["analyze", "-", "--threads", "4"], Some(&text));
    assert_eq!(code, 0, "{err}");
    assert!(one.len() > 100_000 && one.contains(r#""kind":"person""#));
    assert_eq!(one, four);
    // Lines as documents: batches on four threads print what one thread prints, in order.
    let (code, one, err) = tahlil(
        &["analyze", "-", "--format", "jsonl", "--threads", "1"],
        Some(&text),
    );
    assert_eq!(code, 0, "{err}");
    let (code, four, err) = tahlil(
        &["analyze", "-", "--format", "jsonl", "--threads", "4"],
        Some(&text),
    );
    assert_eq!(code, 0, "{err}");
    assert_eq!(one.lines().count(), text.lines().count());
    assert_eq!(one, four);
}

/// `word` encoded in Windows-1256 (Arabic letters used here only).
fn windows_1256(text: &str) -> Vec<u8> {
    const TABLE: &[(char, u8)] = &[
        ('ا', 0xC7),
        ('ر', 0xD1),
        ('ت', 0xCA),
        ('ف', 0xDD),
        ('ع', 0xDA),
        ('م', 0xE3),
    ];
    text.chars()
        .map(|c| {
            if c.is_ascii() {
                c as u8
            } else {
                TABLE.iter().find(|(t, _)| *t == c).unwrap().1
            }
        })
        .collect()
}

#[test]
fn encodings_html_and_docx_files() {
    let dir = std::env::temp_dir().join(format!("tahlil-cli-enc-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let write = |name: &str, bytes: &[u8]| {
        let p = dir.join(name);
        std::fs::write(&p, bytes).unwrap();
        p.to_str().unwrap().to_string()
    };
    let expected = "ارتفع 12% عام 2024";
    let cp = write("cp.txt", &windows_1256(expected));
    let utf16: Vec<u8> = [0xFF, 0xFE]
        .into_iter()
        .chain(expected.encode_utf16().flat_map(u16::to_le_bytes))
        .collect();
    let le = write("le.txt", &utf16);
    let html = write(
        "page.html",
        "<html><script>alert(1)</script><p>ارتفع 12% <b>عام</b> 2024</p></html>".as_bytes(),
    );
    for args in [
        vec!["normalize", cp.as_str(), "--preset", "none"],
        vec![
            "normalize",
            cp.as_str(),
            "--preset",
            "none",
            "--encoding",
            "windows-1256",
        ],
        vec![
            "normalize",
            le.as_str(),
            "--preset",
            "none",
            "--encoding",
            "utf-16",
        ],
        vec!["normalize", le.as_str(), "--preset", "none"],
        vec!["normalize", html.as_str(), "--preset", "none"],
    ] {
        let (code, out, err) = tahlil(&args, None);
        assert_eq!(
            (code, out.as_str(), err.as_str()),
            (0, expected, ""),
            "{args:?}"
        );
    }
    // jsonl: every line decoded with the encoding named.
    let lines = write(
        "lines.txt",
        &[windows_1256(expected), b"\n".to_vec(), windows_1256("عام")].concat(),
    );
    let (code, out, _) = tahlil(
        &[
            "analyze",
            &lines,
            "--format",
            "jsonl",
            "--encoding",
            "windows-1256",
        ],
        None,
    );
    assert_eq!((code, out.lines().count()), (0, 2));
    let (code, _, err) = tahlil(&["analyze", &lines, "--format", "jsonl"], None);
    assert_ne!(code, 0);
    assert!(err.contains("line 1 is not valid UTF-8"), "{err}");
    // A stored (uncompressed) .docx.
    let xml = "<w:document><w:body><w:p><w:r><w:t>ارتفع 12%</w:t></w:r></w:p><w:p><w:r><w:t>عام 2024</w:t></w:r></w:p></w:body></w:document>";
    let docx = write("doc.docx", &stored_zip("word/document.xml", xml.as_bytes()));
    let (code, out, _) = tahlil(&["normalize", &docx, "--preset", "none"], None);
    assert_eq!((code, out.as_str()), (0, "ارتفع 12%\nعام 2024"));
    let broken = write("broken.docx", b"PK\x03\x04 not really");
    let (code, _, err) = tahlil(&["analyze", &broken], None);
    assert_ne!(code, 0);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains("not a readable .docx"), "{err}");
}

/// A ZIP archive with one stored entry.
fn stored_zip(name: &str, data: &[u8]) -> Vec<u8> {
    let le16 = |v: usize| (v as u16).to_le_bytes();
    let le32 = |v: usize| (v as u32).to_le_bytes();
    let mut z = Vec::new();
    z.extend_from_slice(&le32(0x0403_4b50));
    z.extend_from_slice(&[20, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    z.extend_from_slice(&le32(data.len()));
    z.extend_from_slice(&le32(data.len()));
    z.extend_from_slice(&le16(name.len()));
    z.extend_from_slice(&le16(0));
    z.extend_from_slice(name.as_bytes());
    z.extend_from_slice(data);
    let cd = z.len();
    z.extend_from_slice(&le32(0x0201_4b50));
    z.extend_from_slice(&[20, 0, 20, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0]);
    z.extend_from_slice(&le32(data.len()));
    z.extend_from_slice(&le32(data.len()));
    z.extend_from_slice(&le16(name.len()));
    z.extend_from_slice(&[0; 12]);
    z.extend_from_slice(&le32(0));
    z.extend_from_slice(name.as_bytes());
    let cd_len = z.len() - cd;
    z.extend_from_slice(&le32(0x0605_4b50));
    z.extend_from_slice(&[0, 0, 0, 0, 1, 0, 1, 0]);
    z.extend_from_slice(&le32(cd_len));
    z.extend_from_slice(&le32(cd));
    z.extend_from_slice(&[0, 0]);
    z
}
