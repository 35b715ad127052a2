//! Unit tests of the normalizer; the data-driven vectors live in
//! `tests/vectors/normalize.toml` and the properties in `tests/normalize_props.rs`.

use super::*;

fn search(text: &str) -> String {
    normalize(text, Preset::Search).text
}

fn display(text: &str) -> String {
    normalize(text, Preset::Display).text
}

#[test]
fn search_folds_letters_digits_and_marks() {
    assert_eq!(search("الـمـؤتـمـر"), "المءتمر");
    assert_eq!(search("ﻳﻨﺎﻳﺮ"), "يناير");
    assert_eq!(search("أإآٱ"), "اااا");
    assert_eq!(search("مستشفى مدرسة"), "مستشفي مدرسه");
    assert_eq!(search("٥٣٬٣٨٩٫٧ و۲۰۲۴"), "53,389.7 و2024");
    assert_eq!(search("مُحَمَّدٌ"), "محمد");
    assert_eq!(search("١٢٫٥٪"), "12.5%");
}

#[test]
fn decomposed_hamza_survives_diacritic_removal() {
    assert_eq!(display("ا\u{0654}"), "أ");
    assert_eq!(display("ا\u{064E}\u{0654}"), "أ\u{064E}");
    assert_eq!(search("ا\u{064E}\u{0654}"), "ا");
    assert_eq!(normalize("سا\u{0654}ل", Preset::Search).text, "سال");
    let keep_alef = NormalizeOptions {
        alef: false,
        ..Preset::Search.options()
    };
    assert_eq!(
        Normalizer::new(keep_alef).normalize("سا\u{0654}ل").text,
        "سأل"
    );
}

#[test]
fn unknown_characters_pass_through() {
    for s in ["😀👨‍👩‍👧", "Tiếng Việt", "中文", "Ελληνικά"] {
        assert_eq!(display(s), s);
    }
    assert_eq!(search("Tiếng Việt 中文 😀"), "Tiếng Việt 中文 😀");
}

#[test]
fn whitespace_and_invisibles() {
    assert_eq!(search("a \u{200F} \t b\r\nc"), "a b\nc");
    assert_eq!(display("\u{FEFF}نص\u{00A0}\u{00A0}آخر"), "نص آخر");
}

#[test]
fn ligatures_expand_and_map_back_whole() {
    let text = "قال ﷺ ثم";
    let out = normalize(text, Preset::Search);
    assert_eq!(out.text, "قال صلي الله عليه وسلم ثم");
    let inside = out.text.find("الله").unwrap();
    let span = out.to_original(Span::new(inside, inside + "الله".len()));
    assert_eq!(&text[span.range()], "ﷺ");
    assert_eq!(search("﷼"), "ريال");
    assert_eq!(search("ﻻ"), "لا");
}

#[test]
fn spans_map_back_to_the_original() {
    let text = "\u{200F}عامَ ٢٠٢٤م";
    let out = normalize(text, Preset::Search);
    assert_eq!(out.text, "عام 2024م");
    let at = out.text.find("2024").unwrap();
    let span = out.to_original(Span::new(at, at + 4));
    assert_eq!(&text[span.range()], "٢٠٢٤");
    let word = out.to_original(Span::new(0, "عام".len()));
    assert_eq!(&text[word.range()], "عام");
    assert_eq!(&text[extend_over_marks(text, word).range()], "عامَ");
}

#[test]
fn none_preset_is_identity() {
    let text = "\u{FEFF}أَ ٢\t\r\n ﷲ";
    let out = normalize(text, Preset::None);
    assert_eq!(out.text, text);
    assert_eq!(out.alignment.segment_count(), 1);
}

/// The 16-byte block filter and the per-character loop agree wherever a
/// snippet falls in a block: between runs of `ب` (kept, composes with
/// nothing, no space) normalization is the concatenation of the parts, and
/// the mapped spans of the snippet land on it.
/// Snippets that stop the fast path or its block filters.
const SNIPPETS: [&str; 24] = [
    "ا\u{0654}",
    "ى\u{0654}",
    "أَ",
    "ة",
    "مدرسة أولى",
    "ى",
    "إ ئ ؤ آ",
    "  ",
    " \n ",
    "\r\n",
    "،٣",
    "ـ",
    "\u{00A0}",
    "«ا»",
    "ا\u{200F}\u{0654}",
    "ي",
    "و\u{064E}",
    "ﷲ",
    "ا ",
    " ا",
    "😀",
    "x  y",
    "ک ی",
    "أ\u{064E}ة",
];

#[test]
fn snippets_normalize_the_same_at_every_block_offset() {
    for preset in Preset::ALL {
        let n = Normalizer::new(preset.options());
        for snippet in SNIPPETS {
            for pad in 0..20 {
                let (before, after) = ("ب".repeat(pad), "ب".repeat(20));
                let text = format!("{before}{snippet}{after}");
                let out = n.normalize(&text);
                let expected = n.normalize(snippet).text;
                assert_eq!(
                    out.text,
                    format!("{before}{expected}{after}"),
                    "{preset:?} {snippet:?} {pad}"
                );
                out.alignment.check().unwrap();
                let at = before.len();
                let span = out.to_original(Span::new(at, at + expected.len()));
                if !expected.is_empty() {
                    assert_eq!(span.start, at, "{preset:?} {snippet:?} {pad}");
                    assert!(
                        span.end <= at + snippet.len(),
                        "{preset:?} {snippet:?} {pad}"
                    );
                }
            }
        }
    }
}

/// The UTF-16 path (fast path, 64-unit block filter, main loop) gives the
/// same text as the UTF-8 one wherever a snippet falls in a block, between
/// Arabic or ASCII text, and reads a lone surrogate as U+FFFD.
#[test]
fn utf16_input_normalizes_like_utf8_at_every_block_offset() {
    let mut out = Vec::new();
    let mut check = |n: &Normalizer, units: &[u16]| {
        n.normalize_utf16_into(units, &mut out);
        let expected = n.normalize(&String::from_utf16_lossy(units)).text;
        assert_eq!(String::from_utf16(&out).unwrap(), expected, "{units:?}");
    };
    for preset in Preset::ALL {
        let n = Normalizer::new(preset.options());
        for filler in ["ب", "مدرسة ", "ab c\n", "ى ا"] {
            let after = filler.repeat(150 / filler.chars().count());
            for pad in 0..70 {
                let before: String = filler.chars().cycle().take(pad).collect();
                for snippet in SNIPPETS {
                    let text = format!("{before}{snippet}{after}");
                    check(&n, &text.encode_utf16().collect::<Vec<_>>());
                }
                let mut lone: Vec<u16> = before.encode_utf16().collect();
                lone.push(0xD800);
                lone.extend(after.encode_utf16());
                check(&n, &lone);
            }
        }
        check(&n, &[]);
    }
}
