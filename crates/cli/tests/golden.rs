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
    child
        .stdin
        .take()
        .unwrap()
        .write_all(stdin.unwrap_or("").as_bytes())
        .unwrap();
    let out = child.wait_with_output().unwrap();
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
    let (code, _, err) = tahlil(&["analyze", bad.to_str().unwrap()], None);
    assert_ne!(code, 0);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.contains("not valid UTF-8"), "{err}");
}
