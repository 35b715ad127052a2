//! The wasm build, run in headless Chromium by wasm-bindgen-test-runner:
//! the same results as the native build, byte for byte, through the same
//! JavaScript-facing functions the page uses.

#![cfg(target_arch = "wasm32")]

use tahlil_wasm::{analyze, analyze_json, decode_file, normalize};
use wasm_bindgen::{JsCast, JsValue};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

/// (name, seed text, golden JSON written by the native CLI).
const GOLDEN: &[(&str, &str, &str)] = &[
    (
        "000",
        include_str!("../../../tests/fixtures/000_3f0a285601cca58c.txt"),
        include_str!("../../../tests/fixtures/000_3f0a285601cca58c.json"),
    ),
    (
        "001",
        include_str!("../../../tests/fixtures/001_d4cb99438fc9c65d.txt"),
        include_str!("../../../tests/fixtures/001_d4cb99438fc9c65d.json"),
    ),
    (
        "002",
        include_str!("../../../tests/fixtures/002_8c05d02248e61835.txt"),
        include_str!("../../../tests/fixtures/002_8c05d02248e61835.json"),
    ),
    (
        "003",
        include_str!("../../../tests/fixtures/003_cf0455dd74656a58.txt"),
        include_str!("../../../tests/fixtures/003_cf0455dd74656a58.json"),
    ),
    (
        "004",
        include_str!("../../../tests/fixtures/004_110ffb1b64fb62e0.txt"),
        include_str!("../../../tests/fixtures/004_110ffb1b64fb62e0.json"),
    ),
];

#[wasm_bindgen_test]
fn seeds_match_the_native_golden_json_byte_for_byte() {
    for (name, text, golden) in GOLDEN {
        let json = analyze_json(text, JsValue::UNDEFINED).unwrap();
        assert_eq!(json.trim_end(), golden.trim_end(), "seed {name}");
    }
}

#[wasm_bindgen_test]
fn analyze_returns_a_plain_object_that_stringifies_to_the_same_json() {
    for (name, text, golden) in GOLDEN {
        let obj = analyze(text, JsValue::UNDEFINED).unwrap();
        let json: String = js_sys::JSON::stringify(&obj).unwrap().into();
        assert_eq!(json, golden.trim_end(), "seed {name}");
    }
}

#[wasm_bindgen_test]
fn utf16_offsets_hold_after_an_emoji() {
    let text = "😀 نسبة ١٢٫٥٪";
    let obj = analyze(text, JsValue::UNDEFINED).unwrap();
    let entities = js_sys::Reflect::get(&obj, &"entities".into()).unwrap();
    let first = js_sys::Reflect::get(&entities, &0.into()).unwrap();
    let start = js_sys::Reflect::get(&first, &"start".into())
        .unwrap()
        .as_f64()
        .unwrap() as u32;
    let end = js_sys::Reflect::get(&first, &"end".into())
        .unwrap()
        .as_f64()
        .unwrap() as u32;
    let js_text = js_sys::JsString::from(text);
    assert_eq!(String::from(js_text.slice(start, end)), "١٢٫٥٪");
}

#[wasm_bindgen_test]
fn errors_are_javascript_errors_with_a_message() {
    let options = js_sys::JSON::parse(r#"{"reference_date":"2024-13-01"}"#).unwrap();
    let err = analyze("x", options).unwrap_err();
    assert!(err.is_instance_of::<js_sys::Error>());
    let message = String::from(js_sys::Error::from(err).message());
    assert!(message.contains("reference_date"), "{message}");
    let unknown = js_sys::JSON::parse(r#"{"colour":"red"}"#).unwrap();
    let message = String::from(js_sys::Error::from(analyze("x", unknown).unwrap_err()).message());
    assert!(message.contains("colour"), "{message}");
    let err = normalize("x".into(), "loud".into()).unwrap_err();
    assert!(err.is_instance_of::<js_sys::Error>());
}

#[wasm_bindgen_test]
fn normalize_presets_and_options() {
    assert_eq!(
        normalize("عامَ ٢٠٢٤".into(), "search".into()).unwrap(),
        "عام 2024"
    );
    assert_eq!(
        normalize("عامَ ٢٠٢٤".into(), "display".into()).unwrap(),
        "عامَ ٢٠٢٤"
    );
    let opts = js_sys::JSON::parse(r#"{"preset":"search","digits":false}"#).unwrap();
    assert_eq!(normalize("عامَ ٢٠٢٤".into(), opts).unwrap(), "عام ٢٠٢٤");
}

#[wasm_bindgen_test]
fn decode_file_reads_encodings_and_html_and_refuses_binary() {
    let get = |v: &JsValue, k: &str| {
        js_sys::Reflect::get(v, &k.into())
            .unwrap()
            .as_string()
            .unwrap()
    };
    // "عام 2024" in Windows-1256.
    let cp = [0xDA, 0xC7, 0xE3, b' ', b'2', b'0', b'2', b'4'];
    let out = decode_file(&cp, "a.txt", None).unwrap();
    assert_eq!(get(&out, "text"), "عام 2024");
    assert_eq!(get(&out, "encoding"), "Windows-1256");
    assert_eq!(get(&out, "format"), "text");
    let html = "<p>نص</p><script>x()</script><p>ثان</p>";
    let out = decode_file(html.as_bytes(), "page.html", Some("utf-8".into())).unwrap();
    assert_eq!(get(&out, "text"), "نص\nثان");
    assert_eq!(get(&out, "format"), "html");
    let err = decode_file(&[0x89, b'P', b'N', b'G', 0, 0, 0, 1], "x.png", None).unwrap_err();
    assert!(err.is_instance_of::<js_sys::Error>());
    let message = String::from(js_sys::Error::from(err).message());
    assert!(message.starts_with("tahlil: not a text file"), "{message}");
    let err = decode_file(b"PK\x03\x04", "x.docx", None).unwrap_err();
    assert!(String::from(js_sys::Error::from(err).message()).contains(".docx"));
    assert!(decode_file(b"x", "a.txt", Some("ebcdic".into())).is_err());
}
