//! Property tests of `Analyzer::analyze` on random and Arabic-heavy text
//! (three digit systems, month names, percent signs, currencies, clock
//! times, emoji, bidi controls, diacritics, presentation forms): entities are
//! sorted and never overlap; `text` is the original sliced at each of the
//! three offset pairs; values are well formed (months 1–12, days valid for
//! the month, ISO 4217 currencies from `tests/data/iso4217.txt`, hours 0–23,
//! minutes 0–59, finite numbers); the JSON parses and matches the analysis.

use proptest::prelude::*;
use std::sync::OnceLock;
use tahlil_core::entity::{DateValue, Value};
use tahlil_core::{AnalyzeOptions, Analyzer, EntityKind};

fn analyzer() -> &'static Analyzer {
    static ANALYZER: OnceLock<Analyzer> = OnceLock::new();
    ANALYZER.get_or_init(Analyzer::new)
}

fn iso4217() -> &'static Vec<&'static str> {
    static CODES: OnceLock<Vec<&'static str>> = OnceLock::new();
    CODES.get_or_init(|| {
        include_str!("data/iso4217.txt")
            .lines()
            .filter(|l| !l.starts_with('#'))
            .flat_map(str::split_whitespace)
            .collect()
    })
}

/// Pieces Arabic news is made of, and pieces that break naive code.
const PIECES: &[&str] = &[
    " ",
    " ",
    " ",
    " ",
    "\n",
    "\t",
    "،",
    ".",
    ":",
    "/",
    "-",
    "–",
    "(",
    ")",
    "«",
    "»",
    "%",
    "٪",
    "٫",
    "٬",
    ",",
    "$",
    "€",
    "£",
    "0",
    "1",
    "2",
    "3",
    "5",
    "7",
    "9",
    "12",
    "٠",
    "١",
    "٢",
    "٣",
    "٤",
    "٥",
    "٩",
    "۰",
    "۱",
    "۲",
    "۴",
    "۵",
    "۹",
    "2024",
    "١٤٤٥",
    "۱۴۰۳",
    "1.5",
    "10:30",
    "٢٣:٥٩",
    "24:61",
    "31",
    "30",
    "29",
    "فبراير",
    "شباط",
    "يناير",
    "كانون الثاني",
    "مارس",
    "أبريل",
    "نيسان",
    "ديسمبر",
    "رمضان",
    "محرم",
    "ذو الحجة",
    "ذي القعدة",
    "شوال",
    "عام",
    "سنة",
    "هـ",
    "م",
    "في المائة",
    "بالمئة",
    "نسبة",
    "دولار",
    "ريال",
    "جنيه",
    "يورو",
    "دينار",
    "درهم",
    "ليرة",
    "مليون",
    "مليار",
    "ألف",
    "آلاف",
    "الساعة",
    "صباحا",
    "مساءً",
    "الثالثة",
    "والنصف",
    "أمس",
    "الماضي",
    "المقبل",
    "من",
    "إلى",
    "حتى",
    "ارتفع",
    "الأسعار",
    "الحكومة",
    "وزير",
    "قال",
    "بنسبة",
    "حوالي",
    "الرابع عشر",
    "ثلاثة",
    "عشرين",
    "\u{64B}",
    "\u{650}",
    "\u{651}",
    "\u{652}",
    "\u{670}",
    "ـ",
    "\u{200E}",
    "\u{200F}",
    "\u{202B}",
    "\u{202E}",
    "\u{202C}",
    "\u{2066}",
    "\u{2069}",
    "\u{200C}",
    "\u{200D}",
    "\u{FEFF}",
    "\u{A0}",
    "😀",
    "👍🏽",
    "👨‍👩‍👧",
    "🇸🇦",
    "ﷲ",
    "ﻻ",
    "ﷺ",
    "ﺍ",
    "Ａ",
    "①",
    "\u{FFFD}",
    "DCCI",
    "https://a.b/c",
    "x@y.z",
    "+971 4 123 4567",
    "34/37",
    "2025-2030",
    "2024-02-29",
    "١٢/٣/٢٠٢٤",
];

fn arabic_heavy() -> impl Strategy<Value = String> {
    prop::collection::vec(prop::sample::select(PIECES), 0..80).prop_map(|p| p.concat())
}

fn mixed() -> impl Strategy<Value = String> {
    prop::collection::vec(
        prop_oneof![
            4 => prop::sample::select(PIECES).prop_map(str::to_string),
            1 => any::<String>(),
            1 => "[\\u0600-\\u06FF\\u0660-\\u0669\\u06F0-\\u06F9 %٪.,:]{0,12}",
        ],
        0..40,
    )
    .prop_map(|p| p.concat())
}

fn days_in_month(year: Option<i32>, month: u8) -> u8 {
    match month {
        4 | 6 | 9 | 11 => 30,
        2 => match year {
            Some(y) if !(y % 4 == 0 && (y % 100 != 0 || y % 400 == 0)) => 28,
            _ => 29,
        },
        _ => 31,
    }
}

fn check_iso_date(s: &str) {
    let parts: Vec<&str> = s.split('-').collect();
    assert!((1..=3).contains(&parts.len()), "date string {s:?}");
    assert!(
        parts.iter().all(|p| p.bytes().all(|b| b.is_ascii_digit())),
        "{s:?}"
    );
    if parts.len() >= 2 {
        let month: u8 = parts[1].parse().unwrap();
        assert!((1..=12).contains(&month), "{s:?}");
        if parts.len() == 3 {
            let day: u8 = parts[2].parse().unwrap();
            let year: i32 = parts[0].parse().unwrap();
            assert!(day >= 1 && day <= days_in_month(Some(year), month), "{s:?}");
        }
    }
}

fn check_date(d: &DateValue) {
    if let Some(m) = d.month {
        assert!((1..=12).contains(&m), "month {m}");
    }
    if let Some(day) = d.day {
        let max = match (d.calendar, d.month) {
            (tahlil_core::entity::Calendar::Hijri, _) => 30,
            (_, Some(m)) => days_in_month(d.year, m),
            (_, None) => 31,
        };
        assert!(day >= 1 && day <= max, "day {day} of {d:?}");
    }
    for s in [&d.gregorian, &d.resolved].into_iter().flatten() {
        check_iso_date(s);
    }
}

fn finite(n: tahlil_core::entity::Num) {
    assert!(n.0.is_finite(), "number {n:?}");
}

fn check_value(kind: EntityKind, value: &Value) {
    match value {
        Value::Scalar { value } => {
            assert!(matches!(
                kind,
                EntityKind::Number | EntityKind::Ordinal | EntityKind::Percent
            ));
            finite(*value);
        }
        Value::Money { amount, currency } => {
            assert_eq!(kind, EntityKind::Money);
            finite(*amount);
            assert!(
                iso4217().contains(&currency.as_str()),
                "currency {currency:?}"
            );
        }
        Value::Date(d) => {
            assert_eq!(kind, EntityKind::Date);
            check_date(d);
        }
        Value::Period { start, end } => {
            assert_eq!(kind, EntityKind::Period);
            check_date(start);
            check_date(end);
        }
        Value::Duration { value, .. } => {
            assert_eq!(kind, EntityKind::Duration);
            finite(*value);
        }
        Value::Time { hour, minute } => {
            assert_eq!(kind, EntityKind::Time);
            assert!(*hour <= 23 && *minute <= 59, "time {hour}:{minute}");
        }
        Value::Ratio {
            numerator,
            denominator,
        } => {
            assert_eq!(kind, EntityKind::Ratio);
            finite(*numerator);
            finite(*denominator);
        }
        Value::Location { country: Some(c) } => {
            assert!(
                c.len() == 2 && c.bytes().all(|b| b.is_ascii_uppercase()),
                "{c:?}"
            );
        }
        _ => {}
    }
}

/// Every invariant of the contract on the analysis of `text`.
fn check(text: &str, options: &AnalyzeOptions) {
    let analysis = analyzer().analyze(text, options).expect("valid options");
    let utf16: Vec<u16> = text.encode_utf16().collect();
    let chars: Vec<char> = text.chars().collect();
    let mut last_end = 0;
    for e in &analysis.entities {
        assert!(e.byte_start < e.byte_end, "empty entity {e:?}");
        assert!(e.byte_start >= last_end, "unsorted or overlapping at {e:?}");
        last_end = e.byte_end;
        assert_eq!(&text[e.byte_start..e.byte_end], e.text, "bytes");
        assert_eq!(
            String::from_utf16(&utf16[e.start..e.end]).unwrap(),
            e.text,
            "utf-16"
        );
        assert_eq!(
            chars[e.char_start..e.char_end].iter().collect::<String>(),
            e.text,
            "code points"
        );
        if let Some(kinds) = &options.kinds {
            assert!(kinds.contains(&e.kind));
        }
        check_value(e.kind, &e.value);
    }
    let json = analysis.to_json();
    // The hand-written writer and the generic serde path agree byte for byte.
    assert_eq!(
        json,
        tahlil_core::json::to_js_compatible_json(&analysis).unwrap()
    );
    let parsed: serde_json::Value = serde_json::from_str(&json).expect("valid JSON");
    assert_eq!(parsed["version"], 1);
    let listed = parsed["entities"].as_array().unwrap();
    assert_eq!(listed.len(), analysis.entities.len());
    for (j, e) in listed.iter().zip(&analysis.entities) {
        assert_eq!(j["text"].as_str(), Some(e.text.as_str()));
        assert_eq!(j["kind"].as_str(), Some(e.kind.name()));
    }
    let counted: u64 = parsed["stats"]["entities"]
        .as_object()
        .map_or(0, |m| m.values().map(|v| v.as_u64().unwrap()).sum());
    assert_eq!(counted as usize, analysis.entities.len());
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(512))]

    #[test]
    fn arabic_heavy_text_keeps_every_invariant(text in arabic_heavy()) {
        check(&text, &AnalyzeOptions::default());
    }

    #[test]
    fn mixed_text_keeps_every_invariant(text in mixed()) {
        check(&text, &AnalyzeOptions::default());
    }

    #[test]
    fn any_unicode_keeps_every_invariant(text in any::<String>()) {
        check(&text, &AnalyzeOptions::default());
    }

    #[test]
    fn options_keep_every_invariant(
        text in arabic_heavy(),
        date in prop::sample::select(&["2024-02-29", "2023-12-31", "1999-01-01"][..]),
        kinds in prop::sample::subsequence(EntityKind::ALL.to_vec(), 0..5),
    ) {
        let options = AnalyzeOptions { reference_date: Some(date.to_string()), kinds: Some(kinds) };
        check(&text, &options);
    }
}

#[test]
fn the_currency_list_is_iso_4217_shaped() {
    let codes = iso4217();
    assert!(codes.len() > 150);
    assert!(codes
        .iter()
        .all(|c| c.len() == 3 && c.bytes().all(|b| b.is_ascii_uppercase())));
    assert!(codes.contains(&"SAR") && codes.contains(&"EGP") && codes.contains(&"USD"));
}
