//! `normalizeWithMap` in headless Chromium: the map, read by plain
//! JavaScript (the lookup documented in docs/normalization.md), takes
//! normalized UTF-16 offsets back to the right slice of the original
//! JavaScript string, emoji and astral characters included.

#![cfg(target_arch = "wasm32")]

use js_sys::JsString;
use tahlil_core::normalize::{Normalizer, Preset};
use tahlil_wasm::{normalize, normalize_with_map};
use wasm_bindgen::prelude::*;
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

#[wasm_bindgen(inline_js = r#"
// The lookup a page would write (docs/normalization.md): normalized
// [start, end) in UTF-16 code units -> original [start, end).
export function toOriginal(map, start, end) {
  const s = map.segments, n = s.length / 4;
  // Last segment whose normStart satisfies `pred`, by binary search.
  const last = (pred) => {
    let lo = 0, hi = n;
    while (lo < hi) { const mid = (lo + hi) >> 1; if (pred(s[4 * mid])) lo = mid + 1; else hi = mid; }
    return lo - 1;
  };
  const startOf = (pos) => {
    if (n === 0) return 0;
    if (pos >= map.normalizedLength) return endOf(map.normalizedLength);
    const i = last((ns) => ns <= pos);
    return s[4 * i + 1] + Math.floor((pos - s[4 * i]) / s[4 * i + 2]) * s[4 * i + 3];
  };
  const endOf = (pos) => {
    if (n === 0) return 0;
    if (pos === 0) return s[1];
    const i = last((ns) => ns < pos);
    return s[4 * i + 1] + Math.ceil((pos - s[4 * i]) / s[4 * i + 2]) * s[4 * i + 3];
  };
  const a = startOf(start);
  return start === end ? [a, a] : [a, Math.max(a, endOf(end))];
}
export function field(obj, key) { return obj[key]; }
"#)]
extern "C" {
    #[wasm_bindgen(js_name = toOriginal)]
    fn to_original(map: &JsValue, start: u32, end: u32) -> Vec<u32>;
    fn field(obj: &JsValue, key: &str) -> JsValue;
}

/// Normalizes `text` and returns (normalized JS string, map, original JS string).
fn run(text: &str, preset: &str) -> (JsString, JsValue, JsString) {
    let out = normalize_with_map(text, preset.into()).unwrap();
    let norm: JsString = field(&out, "text").dyn_into().unwrap();
    (norm, field(&out, "map"), JsString::from(text))
}

/// The original slice for the first occurrence of `needle` in the normalized text.
fn original_of(norm: &JsString, map: &JsValue, orig: &JsString, needle: &str) -> String {
    let at = norm.index_of(needle, 0);
    assert!(at >= 0, "{needle:?} not in {:?}", String::from(norm));
    let len = JsString::from(needle).length();
    let r = to_original(map, at as u32, at as u32 + len);
    String::from(orig.slice(r[0], r[1]))
}

#[wasm_bindgen_test]
fn maps_normalized_utf16_offsets_back_to_the_original() {
    let text = "😀 \u{200F}عامَ ٢٠٢٤ قال ﷺ: ارتفع ٥٣٬٣٨٩٫٧ 𝔸 الـمـؤتـمـر";
    let (norm, map, orig) = run(text, "search");
    assert_eq!(
        String::from(&norm),
        "😀 عام 2024 قال صلي الله عليه وسلم: ارتفع 53,389.7 𝔸 المءتمر"
    );
    assert_eq!(original_of(&norm, &map, &orig, "2024"), "٢٠٢٤");
    assert_eq!(original_of(&norm, &map, &orig, "عام"), "عام");
    assert_eq!(original_of(&norm, &map, &orig, "53,389.7"), "٥٣٬٣٨٩٫٧");
    // Any part of an expansion maps to the whole ligature.
    assert_eq!(original_of(&norm, &map, &orig, "الله"), "ﷺ");
    assert_eq!(original_of(&norm, &map, &orig, "𝔸"), "𝔸");
    assert_eq!(original_of(&norm, &map, &orig, "المءتمر"), "الـمـؤتـمـر");
    assert_eq!(original_of(&norm, &map, &orig, "😀"), "😀");
}

#[wasm_bindgen_test]
fn map_lengths_are_utf16_lengths() {
    let text = "👨\u{200D}👩\u{200D}👧 أَحمد\r\n١";
    for preset in ["search", "display", "none"] {
        let (norm, map, orig) = run(text, preset);
        let n = field(&map, "normalizedLength").as_f64().unwrap() as u32;
        let o = field(&map, "originalLength").as_f64().unwrap() as u32;
        assert_eq!(n, norm.length(), "{preset}");
        assert_eq!(o, orig.length(), "{preset}");
        // The whole normalized text maps to the whole original, minus what
        // was dropped at its ends.
        let r = to_original(&map, 0, n);
        assert!(r[0] <= r[1] && r[1] <= o, "{preset}: {r:?}");
    }
    let (norm, map, orig) = run(text, "none");
    assert_eq!(String::from(&norm), text);
    assert_eq!(to_original(&map, 3, 5), vec![3, 5]);
    let _ = orig;
}

#[wasm_bindgen_test]
fn every_normalized_character_maps_inside_the_original() {
    let text = "ﻳﻨﺎﻳﺮ ﻻ ﷲ ﷼ ا\u{0654} a\u{00A0}\u{00A0}b 中文 Tiếng 🇸🇦\u{FEFF}";
    for preset in ["search", "display", "none"] {
        let (norm, map, orig) = run(text, preset);
        let mut last = 0;
        for p in 0..norm.length() {
            let r = to_original(&map, p, p + 1);
            assert!(
                r[0] >= last || r[0] == r[1],
                "{preset}: not monotone at {p}"
            );
            assert!(r[1] <= orig.length());
            last = r[0];
        }
    }
    let (norm, map, orig) = run(text, "search");
    assert_eq!(original_of(&norm, &map, &orig, "يناير"), "ﻳﻨﺎﻳﺮ");
    assert_eq!(original_of(&norm, &map, &orig, "ريال"), "﷼");
    assert_eq!(original_of(&norm, &map, &orig, "a b"), "a\u{00A0}\u{00A0}b");
}

#[wasm_bindgen_test]
fn unknown_preset_is_a_javascript_error() {
    let err = normalize_with_map("x", "loud".into()).unwrap_err();
    assert!(err.is_instance_of::<js_sys::Error>());
}

/// `normalize` reads and returns UTF-16 code units; the UTF-8 path
/// (`normalizeWithMap`, and the core normalizer on the text a browser's
/// `TextEncoder` makes) must give the same string, for every preset, on
/// mixed input: emoji, lone surrogates, CRLF, every digit system, long
/// text that the block filters take, and the empty string.
#[wasm_bindgen_test]
fn utf16_crossing_gives_what_the_utf8_path_gives() {
    let long = "مدرسة أولى، عام ٢٠٢٤ «نعم» ".repeat(20);
    let texts: Vec<Vec<u16>> = [
        "",
        "x",
        "😀 👨\u{200D}👩\u{200D}👧 \u{FEFF}نص",
        "a\r\nb\rc\n\n  d\u{00A0}\t e",
        "0123456789 ٠١٢٣٤٥٦٧٨٩ ۰۱۲۳۴۵۶۷۸۹ ٥٣٬٣٨٩٫٧",
        "ا\u{0654} سا\u{0654}ل ﷲ ﷺ ﻳﻨﺎﻳﺮ الـمـؤتـمـر مُحَمَّدٌ",
        "Tiếng Việt 中文 ک ی ە",
        &long,
    ]
    .iter()
    .map(|t| t.encode_utf16().collect())
    .chain([
        vec![0xD800],
        vec![0xDC00, 0x0627, 0x0654],
        vec![0x0627, 0xD83D, 0x0654, 0x20, 0x20, 0xDE00],
        long.encode_utf16()
            .chain([0xD800])
            .chain(long.encode_utf16())
            .collect(),
    ])
    .collect();
    for preset in ["search", "display", "none"] {
        let native = Normalizer::new(Preset::from_name(preset).unwrap().options());
        for units in &texts {
            let text = JsString::from_char_code(units);
            let new = normalize(text.clone().into(), preset.into()).unwrap();
            let lossy = String::from_utf16_lossy(units);
            let old: JsString = field(&normalize_with_map(&lossy, preset.into()).unwrap(), "text")
                .dyn_into()
                .unwrap();
            assert_eq!(String::from(&new), String::from(&old), "{preset} {units:?}");
            assert_eq!(
                String::from(&new),
                native.normalize(&lossy).text,
                "{preset} {units:?}"
            );
            // No lone surrogate is left (they read as U+FFFD).
            assert!(new.is_valid_utf16(), "{preset} {units:?}");
        }
    }
}

#[wasm_bindgen_test]
fn normalize_refuses_what_is_not_a_string() {
    let err = normalize(JsValue::from(3), "search".into()).unwrap_err();
    let message = js_sys::Error::from(err).message();
    assert!(String::from(message).contains("must be a string"));
}
