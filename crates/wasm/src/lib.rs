//! WebAssembly bindings of `tahlil-core`: bindings only, no analysis logic.
//!
//! Every function returns plain JavaScript objects (the analysis is the
//! contract's JSON given to `JSON.parse`), so results survive
//! `structuredClone` and `postMessage` and hold no wasm memory. Options
//! objects come in through `JSON.stringify` and serde_json, so they are read
//! exactly as natively. Every error is a JavaScript `Error` made by
//! [`to_js_error`].

use std::cell::{OnceCell, RefCell};
use tahlil_core::input::{read_file, EncodingChoice};
use tahlil_core::normalize::{encode_utf16_into, NormalizeOptions, Normalizer, Preset};
use tahlil_core::{AnalyzeOptions, Analyzer};
use wasm_bindgen::prelude::*;

thread_local! {
    /// The analyzer, compiled on first use and kept for the module's life.
    static ANALYZER: OnceCell<Analyzer> = const { OnceCell::new() };
    /// The normalizer of each preset (in [`Preset::ALL`] order), compiled on first use.
    static NORMALIZERS: [OnceCell<Normalizer>; 3] = const { [OnceCell::new(), OnceCell::new(), OnceCell::new()] };
    /// The UTF-16 result buffer of [`normalize`] and [`to_js_string`] and its decoder, kept between calls.
    static UTF16_OUT: RefCell<(Vec<u16>, Option<Utf16Decoder>)> = const { RefCell::new((Vec::new(), None)) };
    /// The code units of the string [`normalize`] reads, kept between calls.
    static UTF16_IN: RefCell<Vec<u16>> = const { RefCell::new(Vec::new()) };
}

// The string crossing of `normalize`: JavaScript strings are UTF-16, so their
// code units are copied as they are into wasm memory, and the result is made
// from code units (docs/normalization.md, "Crossing into the browser").
#[wasm_bindgen(inline_js = r#"
export function copyCodeUnits(text, memory, ptr) {
  const units = new Uint16Array(memory.buffer, ptr, text.length);
  for (let i = 0; i < text.length; i++) units[i] = text.charCodeAt(i);
}
export function decodeCodeUnits(decoder, memory, ptr, len) {
  return decoder.decode(new Uint16Array(memory.buffer, ptr, len));
}
export function isWellFormed(text) {
  return typeof text.isWellFormed === 'function' ? text.isWellFormed() : false;
}
"#)]
extern "C" {
    /// Writes the code units of `text` to wasm memory at `ptr` (room for
    /// `text.length` of them).
    #[wasm_bindgen(js_name = copyCodeUnits)]
    fn copy_code_units(text: &js_sys::JsString, memory: &JsValue, ptr: *mut u16);
    /// The string of the `len` code units at `ptr` in wasm memory.
    #[wasm_bindgen(js_name = decodeCodeUnits, catch)]
    fn decode_code_units(
        decoder: &Utf16Decoder,
        memory: &JsValue,
        ptr: *const u16,
        len: usize,
    ) -> Result<js_sys::JsString, JsValue>;
    /// `text` holds no lone surrogate (false when the browser cannot tell).
    #[wasm_bindgen(js_name = isWellFormed)]
    fn is_well_formed(text: &js_sys::JsString) -> bool;
}

#[wasm_bindgen]
extern "C" {
    /// The browser's `TextDecoder`, used through [`decode_code_units`].
    #[wasm_bindgen(js_name = TextDecoder)]
    type Utf16Decoder;
    #[wasm_bindgen(constructor, js_class = TextDecoder, catch)]
    fn new(label: &str, options: &JsValue) -> Result<Utf16Decoder, JsValue>;
}

/// `units` as a JavaScript string (a browser builds it from UTF-16 about
/// twice as fast as from UTF-8: see docs/normalization.md). `decoder` is
/// made on first use and kept.
fn from_code_units(
    units: &[u16],
    decoder: &mut Option<Utf16Decoder>,
) -> Result<js_sys::JsString, JsValue> {
    if decoder.is_none() {
        // A leading U+FEFF is text, as in the UTF-8 glue.
        let options = js_sys::Object::new();
        js_sys::Reflect::set(&options, &"ignoreBOM".into(), &true.into())?;
        *decoder = Some(Utf16Decoder::new("utf-16le", &options)?);
    }
    let decoder = decoder.as_ref().expect("made above");
    decode_code_units(
        decoder,
        &wasm_bindgen::memory(),
        units.as_ptr(),
        units.len(),
    )
}

/// `text` as a JavaScript string, handed over in UTF-16.
fn to_js_string(text: &str) -> Result<js_sys::JsString, JsValue> {
    UTF16_OUT.with(|cell| {
        let (units, decoder) = &mut *cell.borrow_mut();
        encode_utf16_into(text, units);
        from_code_units(units, decoder)
    })
}

/// Runs `f` with the normalizer for `options`: a preset's is compiled once
/// and kept; other option sets are compiled for the call.
fn with_normalizer<T>(options: NormalizeOptions, f: impl FnOnce(&Normalizer) -> T) -> T {
    match Preset::ALL.iter().position(|p| p.options() == options) {
        Some(k) => NORMALIZERS.with(|cells| f(cells[k].get_or_init(|| Normalizer::new(options)))),
        None => f(&Normalizer::new(options)),
    }
}

/// The one place that turns any error into a JavaScript `Error`.
fn to_js_error(message: impl std::fmt::Display) -> JsValue {
    js_sys::Error::new(&format!("tahlil: {message}")).into()
}

/// Reads a JavaScript options object as `T` through its JSON text (members
/// that JSON cannot hold, such as `undefined`, are left out).
fn from_js_object<T: serde::de::DeserializeOwned>(
    value: &JsValue,
    what: &str,
) -> Result<T, JsValue> {
    let json = js_sys::JSON::stringify(value)
        .map_err(|_| to_js_error(format!("invalid {what}: not JSON-serializable")))?;
    let json = json.as_string().unwrap_or_default();
    serde_json::from_str(&json).map_err(|e| to_js_error(format!("invalid {what}: {e}")))
}

/// Sets `key` of a plain object.
fn set(object: &js_sys::Object, key: &str, value: &JsValue) -> Result<(), JsValue> {
    js_sys::Reflect::set(object, &key.into(), value).map(|_| ())
}

fn parse_analyze_options(options: JsValue) -> Result<AnalyzeOptions, JsValue> {
    if options.is_undefined() || options.is_null() {
        return Ok(AnalyzeOptions::default());
    }
    // Through serde_json, so that unknown fields are refused exactly as natively.
    from_js_object(&options, "options")
}

fn with_analysis<T>(
    text: &str,
    options: JsValue,
    f: impl FnOnce(&tahlil_core::Analysis) -> Result<T, JsValue>,
) -> Result<T, JsValue> {
    let options = parse_analyze_options(options)?;
    ANALYZER.with(|cell| {
        let analyzer = cell.get_or_init(Analyzer::new);
        let analysis = analyzer.analyze(text, &options).map_err(to_js_error)?;
        f(&analysis)
    })
}

/// Analyzes `text` and returns the analysis contract as a plain object.
/// `options`: `{reference_date?: "YYYY-MM-DD", kinds?: string[]}`.
#[wasm_bindgen]
pub fn analyze(text: &str, options: JsValue) -> Result<JsValue, JsValue> {
    with_analysis(text, options, |a| {
        js_sys::JSON::parse(&a.to_json()).map_err(|_| to_js_error("analysis JSON did not parse"))
    })
}

/// Analyzes `text` and returns the analysis as a JSON string, byte for byte
/// what `tahlil analyze --format json` prints.
#[wasm_bindgen(js_name = analyzeJson)]
pub fn analyze_json(text: &str, options: JsValue) -> Result<String, JsValue> {
    with_analysis(text, options, |a| Ok(a.to_json()))
}

/// Where the sections of `text` end, in UTF-16 code units (the last is
/// `text.length`): a text over 512 KiB of UTF-8 is analyzed section by section,
/// each ending just after a line break. Analyzing the sections one by one
/// (and moving their offsets) gives exactly the analysis of the whole text,
/// statistics aside, which add up (the page's worker spreads them over helper
/// workers). See `tahlil_core::analysis::section_ends`.
#[wasm_bindgen(js_name = sectionEnds)]
pub fn section_ends(text: &str) -> Vec<u32> {
    tahlil_core::analysis::section_ends_utf16(text)
        .into_iter()
        .map(|end| end as u32)
        .collect()
}

/// Normalizes `text` with a preset (`"search"`, `"display"`, `"none"`) or an
/// options object (`{preset?: string, diacritics?: bool, ...}`). Returns the
/// normalized text. The string is read and made in UTF-16, as JavaScript
/// holds it (a lone surrogate reads as U+FFFD, as with `TextEncoder`).
#[wasm_bindgen]
pub fn normalize(
    #[wasm_bindgen(unchecked_param_type = "string")] text: JsValue,
    preset: JsValue,
) -> Result<js_sys::JsString, JsValue> {
    let options = parse_normalize_options(preset)?;
    let text: js_sys::JsString = text
        .dyn_into()
        .map_err(|_| to_js_error("normalize: the text must be a string"))?;
    if options == Preset::None.options() && is_well_formed(&text) {
        return Ok(text); // nothing to change
    }
    UTF16_IN.with(|input| {
        let input = &mut *input.borrow_mut();
        let len = text.length() as usize;
        input.clear();
        input.reserve(len);
        copy_code_units(&text, &wasm_bindgen::memory(), input.as_mut_ptr());
        // SAFETY: `copy_code_units` wrote `len` code units, within the
        // capacity reserved.
        unsafe { input.set_len(len) };
        with_normalizer(options, |n| {
            UTF16_OUT.with(|cell| {
                let (units, decoder) = &mut *cell.borrow_mut();
                n.normalize_utf16_into(input, units);
                from_code_units(units, decoder)
            })
        })
    })
}

/// Normalizes `text` like [`normalize`] and also returns the map back to
/// the original, in UTF-16 code units (JavaScript string offsets):
///
/// `{text, map: {normalizedLength, originalLength, segments}}`, where
/// `segments` is a `Uint32Array` of quadruples `normStart, origStart,
/// normUnit, origUnit`, sorted by `normStart`. Inside a segment every
/// `normUnit` code units of `text` came from `origUnit` code units of the
/// original, in order; original text between segments produced nothing. To
/// map a normalized `[start, end)` (see `docs/normalization.md`): take the
/// last segment with `normStart <= start`, `origStart + floor((start -
/// normStart) / normUnit) * origUnit` is the original start; take the last
/// segment with `normStart < end`, `origStart + ceil((end - normStart) /
/// normUnit) * origUnit` is the original end. The conversion from bytes is
/// done once, here, in one pass over each text.
#[wasm_bindgen(js_name = normalizeWithMap)]
pub fn normalize_with_map(text: &str, preset: JsValue) -> Result<JsValue, JsValue> {
    let options = parse_normalize_options(preset)?;
    let out = with_normalizer(options, |n| n.normalize(text));
    let utf16 = out.alignment.to_chars_and_utf16(&out.text, text).utf16;
    let flat: Vec<u32> = utf16
        .segments()
        .flat_map(|s| [s.norm_start, s.orig_start, s.norm_unit, s.orig_unit])
        .collect();
    let map = js_sys::Object::new();
    set(
        &map,
        "normalizedLength",
        &(utf16.normalized_len() as u32).into(),
    )?;
    set(
        &map,
        "originalLength",
        &(utf16.original_len() as u32).into(),
    )?;
    set(
        &map,
        "segments",
        &js_sys::Uint32Array::from(flat.as_slice()).into(),
    )?;
    let result = js_sys::Object::new();
    set(&result, "text", &to_js_string(&out.text)?.into())?;
    set(&result, "map", &map.into())?;
    Ok(result.into())
}

fn parse_normalize_options(value: JsValue) -> Result<NormalizeOptions, JsValue> {
    if value.is_undefined() || value.is_null() {
        return Ok(Preset::Search.options());
    }
    if let Some(name) = value.as_string() {
        return Preset::from_name(&name)
            .map(Preset::options)
            .ok_or_else(|| {
                to_js_error(format!(
                    "unknown preset {name:?}; use search, display or none"
                ))
            });
    }
    // An object: a preset to start from, then single steps.
    let mut map: serde_json::Map<String, serde_json::Value> =
        from_js_object(&value, "normalize options")?;
    let base = match map.remove("preset") {
        None => Preset::Search,
        Some(serde_json::Value::String(name)) => Preset::from_name(&name).ok_or_else(|| {
            to_js_error(format!(
                "unknown preset {name:?}; use search, display or none"
            ))
        })?,
        Some(other) => return Err(to_js_error(format!("preset must be a string, not {other}"))),
    };
    let mut merged = serde_json::to_value(base.options()).map_err(to_js_error)?;
    if let serde_json::Value::Object(m) = &mut merged {
        m.extend(map);
    }
    serde_json::from_value(merged)
        .map_err(|e| to_js_error(format!("invalid normalize options: {e}")))
}

/// Reads the bytes of a file (`bytes`: a `Uint8Array`; `name`: the file's
/// name, whose extension picks HTML or .docx) to
/// `{text, encoding, format}`: `encoding` as shown to users (`UTF-8`,
/// `Windows-1256`, ...), `format` `text`, `html` or `docx`. `encoding`
/// (optional): `auto` (default), `utf-8`, `utf-16`, `windows-1256`,
/// `iso-8859-6`. Throws an `Error` (`tahlil: ...`) for binary or damaged
/// files, saying how to recover.
#[wasm_bindgen(js_name = decodeFile)]
pub fn decode_file(bytes: &[u8], name: &str, encoding: Option<String>) -> Result<JsValue, JsValue> {
    let label = encoding.as_deref().unwrap_or("auto");
    let choice = EncodingChoice::from_label(label).ok_or_else(|| {
        to_js_error(format!(
            "unknown encoding {label:?}; use auto, utf-8, utf-16, windows-1256 or iso-8859-6"
        ))
    })?;
    let decoded = read_file(name, bytes, choice).map_err(to_js_error)?;
    let object = js_sys::Object::new();
    set(&object, "text", &decoded.text.into())?;
    set(&object, "encoding", &decoded.encoding.name().into())?;
    set(&object, "format", &decoded.format.name().into())?;
    Ok(object.into())
}

/// The contract version this build produces.
#[wasm_bindgen(js_name = contractVersion)]
pub fn contract_version() -> u32 {
    tahlil_core::CONTRACT_VERSION
}
