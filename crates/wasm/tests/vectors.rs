//! Runs the shared test vectors (tests/vectors/*.toml) through the wasm
//! bindings in headless Chromium: the same cases as the native run.

#![cfg(target_arch = "wasm32")]

#[path = "../../../tests/vectors/runner.rs"]
mod runner;

use wasm_bindgen::JsValue;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen_test]
fn vectors_pass_in_wasm() {
    let analyze = |text: &str, reference: Option<&str>| {
        let options = match reference {
            Some(d) => js_sys::JSON::parse(&format!(r#"{{"reference_date":"{d}"}}"#)).unwrap(),
            None => JsValue::UNDEFINED,
        };
        serde_json::from_str(&tahlil_wasm::analyze_json(text, options).unwrap()).unwrap()
    };
    let normalize = |text: &str, preset: &str| {
        tahlil_wasm::normalize(text.into(), preset.into())
            .unwrap()
            .into()
    };
    runner::assert_all_pass(&analyze, &normalize);
}
