// Shared runner of the test vectors in tests/vectors/*.toml, used by the
// native tests (crates/core/tests/vectors.rs) and the wasm tests
// (crates/wasm/tests/vectors.rs) so both engines read the same cases.
//
// Two kinds of file, told apart by their tables:
//
//   [[normalize]]                       # normalization
//   input = "..."; preset = "search"; expected = "..."
//
//   [[extract]]                         # extraction
//   text = "..."                        # the input
//   reference_date = "2024-06-01"       # optional
//   exact = true                        # optional: of the kinds in `expect`, exactly these, in order
//   absent = ["number"]                 # optional: kinds that must not be found at all
//   [[extract.expect]]
//   kind = "percent"; text = "١٢٫٥٪"; value = { value = 12.5 }   # value optional
//
// Values compare as JSON after TOML → JSON conversion, with numbers compared
// as f64 (so 12 and 12.0 agree).
#![allow(dead_code)]

include!("files.rs");

use serde_json::Value as Json;

fn toml_to_json(v: &toml::Value) -> Json {
    match v {
        toml::Value::String(s) => Json::String(s.clone()),
        toml::Value::Integer(i) => Json::from(*i),
        toml::Value::Float(f) => Json::from(*f),
        toml::Value::Boolean(b) => Json::Bool(*b),
        toml::Value::Datetime(d) => Json::String(d.to_string()),
        toml::Value::Array(a) => Json::Array(a.iter().map(toml_to_json).collect()),
        toml::Value::Table(t) => Json::Object(
            t.iter()
                .map(|(k, v)| (k.clone(), toml_to_json(v)))
                .collect(),
        ),
    }
}

fn same_json(a: &Json, b: &Json) -> bool {
    match (a, b) {
        (Json::Number(x), Json::Number(y)) => {
            (x.as_f64().unwrap() - y.as_f64().unwrap()).abs() < 1e-9
        }
        (Json::Array(x), Json::Array(y)) => {
            x.len() == y.len() && x.iter().zip(y).all(|(p, q)| same_json(p, q))
        }
        (Json::Object(x), Json::Object(y)) => {
            x.len() == y.len()
                && x.iter()
                    .all(|(k, v)| y.get(k).is_some_and(|w| same_json(v, w)))
        }
        _ => a == b,
    }
}

/// `kind:text, kind:text, ...` for failure messages.
fn list_entities(entities: &[Json]) -> String {
    let parts: Vec<String> = entities
        .iter()
        .map(|e| {
            format!(
                "{}:{}",
                e["kind"].as_str().unwrap_or("?"),
                e["text"].as_str().unwrap_or("?")
            )
        })
        .collect();
    parts.join(", ")
}

/// Runs every vector and panics with the list of failures, if any (what both the
/// native and the wasm test call).
pub fn assert_all_pass(
    analyze: &dyn Fn(&str, Option<&str>) -> Json,
    normalize: &dyn Fn(&str, &str) -> String,
) {
    let (failures, cases) = run_all(analyze, normalize);
    assert!(cases > 0, "no vectors ran");
    assert!(
        failures.is_empty(),
        "{} of {cases} vector cases failed:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

/// Runs every case of every file. `analyze(text, reference_date)` returns the
/// analysis JSON; `normalize(input, preset)` the normalized text. Returns the
/// failures (empty when all pass) and the number of cases run.
pub fn run_all(
    analyze: &dyn Fn(&str, Option<&str>) -> Json,
    normalize: &dyn Fn(&str, &str) -> String,
) -> (Vec<String>, usize) {
    let mut failures = Vec::new();
    let mut cases = 0;
    for (file, src) in FILES {
        let doc: toml::Table = match src.parse() {
            Ok(d) => d,
            Err(e) => {
                failures.push(format!("{file}: not valid TOML: {e}"));
                continue;
            }
        };
        for (n, case) in doc
            .get("normalize")
            .and_then(|v| v.as_array())
            .into_iter()
            .flatten()
            .enumerate()
        {
            cases += 1;
            let input = case["input"].as_str().expect("normalize.input");
            let preset = case
                .get("preset")
                .and_then(|p| p.as_str())
                .unwrap_or("search");
            let expected = case["expected"].as_str().expect("normalize.expected");
            let got = normalize(input, preset);
            if got != expected {
                failures.push(format!("{file} normalize #{n} ({preset}) {input:?}: expected {expected:?}, got {got:?}"));
            }
        }
        for (n, case) in doc
            .get("extract")
            .and_then(|v| v.as_array())
            .into_iter()
            .flatten()
            .enumerate()
        {
            cases += 1;
            let text = case["text"].as_str().expect("extract.text");
            let reference = case.get("reference_date").and_then(|v| v.as_str());
            let analysis = analyze(text, reference);
            let entities = analysis["entities"].as_array().cloned().unwrap_or_default();
            let label = format!("{file} extract #{n} {text:?}");
            // Offsets always slice to the text.
            let utf16: Vec<u16> = text.encode_utf16().collect();
            for e in &entities {
                let (s, t) = (
                    e["start"].as_u64().unwrap() as usize,
                    e["end"].as_u64().unwrap() as usize,
                );
                if String::from_utf16_lossy(&utf16[s..t]) != e["text"].as_str().unwrap() {
                    failures.push(format!(
                        "{label}: UTF-16 offsets of {} do not slice to its text",
                        e["text"]
                    ));
                }
            }
            let expect: Vec<&toml::Value> = case
                .get("expect")
                .and_then(|v| v.as_array())
                .map(|a| a.iter().collect())
                .unwrap_or_default();
            for x in &expect {
                let kind = x["kind"].as_str().expect("expect.kind");
                let want_text = x["text"].as_str().expect("expect.text");
                let found = entities
                    .iter()
                    .find(|e| e["kind"] == kind && e["text"] == want_text);
                match (found, x.get("value")) {
                    (None, _) => {
                        failures.push(format!(
                            "{label}: missing {kind} {want_text:?}; found [{}]",
                            list_entities(&entities)
                        ));
                    }
                    (Some(e), Some(v)) if !same_json(&e["value"], &toml_to_json(v)) => {
                        failures.push(format!(
                            "{label}: {kind} {want_text:?} value {} != expected {}",
                            e["value"],
                            toml_to_json(v)
                        ));
                    }
                    _ => {}
                }
            }
            // `exact` compares the entities of the kinds the case expects (so
            // that a numbers case is not broken by a name found beside it).
            let expected_kinds: Vec<&str> =
                expect.iter().filter_map(|x| x["kind"].as_str()).collect();
            let of_expected_kinds: Vec<Json> = entities
                .iter()
                .filter(|e| expected_kinds.iter().any(|k| e["kind"] == *k))
                .cloned()
                .collect();
            if case.get("exact").and_then(|v| v.as_bool()) == Some(true)
                && of_expected_kinds.len() != expect.len()
            {
                failures.push(format!(
                    "{label}: expected exactly {} entities, got [{}]",
                    expect.len(),
                    list_entities(&of_expected_kinds)
                ));
            }
            for kind in case
                .get("absent")
                .and_then(|v| v.as_array())
                .into_iter()
                .flatten()
            {
                let kind = kind.as_str().unwrap();
                if let Some(e) = entities.iter().find(|e| e["kind"] == kind) {
                    failures.push(format!(
                        "{label}: {kind} must be absent, found {}",
                        e["text"]
                    ));
                }
            }
        }
    }
    (failures, cases)
}
