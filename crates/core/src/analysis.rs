//! The analysis: normalize, recognize, resolve overlaps, map back to the
//! original text, and count.

use crate::entity::{Entity, EntityKind, Value};
use crate::normalize::{Normalizer, Preset};
use crate::offsets::OffsetConverter;
use crate::recognize::{self, Candidate, Document, Recognizer};
use crate::span::Span;
use crate::stats::{self, Stats};
use crate::tokenize::tokenize;
use serde::{Deserialize, Serialize};
use std::fmt;

/// The version of the analysis contract this crate produces.
pub const CONTRACT_VERSION: u32 = 1;

/// Options of one analysis. Every field is optional in JSON.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct AnalyzeOptions {
    /// The date the text was written (`YYYY-MM-DD`): relative dates
    /// (`أمس`, `العام الماضي`) are resolved against it. Without it they
    /// carry only their offset.
    pub reference_date: Option<String>,
    /// Only report these kinds (all when absent).
    pub kinds: Option<Vec<EntityKind>>,
}

/// Why an analysis could not run. Each variant says how to recover.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum AnalyzeError {
    /// `reference_date` is not a valid `YYYY-MM-DD` date: pass a real calendar date, or leave it out.
    InvalidReferenceDate(String),
    /// The text is larger than 4 GiB, the most one analysis takes: split it (the CLI's `--format jsonl` does, per line).
    TooLarge(usize),
}

impl fmt::Display for AnalyzeError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            AnalyzeError::InvalidReferenceDate(d) => {
                write!(f, "reference_date {d:?} is not a YYYY-MM-DD date; pass a real date or leave it out")
            }
            AnalyzeError::TooLarge(n) => write!(
                f,
                "text of {n} bytes is larger than 4 GiB; split it into smaller parts"
            ),
        }
    }
}

impl std::error::Error for AnalyzeError {}

/// The result of an analysis: the contract's top-level object.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Analysis {
    /// Contract version ([`CONTRACT_VERSION`]).
    pub version: u32,
    /// Entities, sorted by position, never overlapping.
    pub entities: Vec<Entity>,
    /// Statistics of the text.
    pub stats: Stats,
}

impl Analysis {
    /// The analysis as compact JSON (the exact bytes the CLI and the wasm build print,
    /// and what `JSON.stringify` prints for the object the wasm `analyze` returns).
    pub fn to_json(&self) -> String {
        crate::json::analysis_json(self)
    }
}

/// Analyzes texts. Build once (it compiles its tables), then call
/// [`Analyzer::analyze`] as often as needed.
pub struct Analyzer {
    normalizer: Normalizer,
    recognizers: Vec<Box<dyn Recognizer>>,
    /// Threads one analysis may use for its sections (at least 1).
    threads: usize,
}

/// Texts longer than this many bytes are analyzed in sections of about this
/// size, each ending just after a line break (see [`section_ends`]).
pub const SECTION_BYTES: usize = 512 << 10;

/// Where the sections of `text` end, in bytes; the last end is `text.len()`.
///
/// A section runs from the previous end to just after the first line break
/// at or beyond [`SECTION_BYTES`] from its start; a rest of at most
/// [`SECTION_BYTES`], or one without a line break there, is the last section.
/// Texts of at most [`SECTION_BYTES`] are one section. Sections are the unit
/// of analysis: an entity never crosses from one into the next, and a name
/// found in one is looked for again only within it. The ends depend on the
/// text alone, never on the number of threads, so the output does not either.
pub fn section_ends(text: &str) -> Vec<usize> {
    let bytes = text.as_bytes();
    let mut ends = Vec::with_capacity(bytes.len() / SECTION_BYTES + 1);
    let mut start = 0;
    while bytes.len() - start > SECTION_BYTES {
        match memchr_newline(&bytes[start + SECTION_BYTES..]) {
            Some(at) if start + SECTION_BYTES + at + 1 < bytes.len() => {
                start += SECTION_BYTES + at + 1;
                ends.push(start);
            }
            _ => break,
        }
    }
    ends.push(bytes.len());
    ends
}

/// [`section_ends`] in UTF-16 code units: where the page's worker cuts a
/// long text, so that its sections are the ones analyzed natively.
pub fn section_ends_utf16(text: &str) -> Vec<usize> {
    OffsetConverter::convert(text, &section_ends(text))
        .into_iter()
        .map(|o| o.utf16)
        .collect()
}

/// The place of the first `\n` in `bytes`.
fn memchr_newline(bytes: &[u8]) -> Option<usize> {
    bytes.iter().position(|&b| b == b'\n')
}

/// The default number of threads of an [`Analyzer`]: the machine's cores, at
/// most 8 (1 where threads do not exist, as in wasm).
fn default_threads() -> usize {
    if cfg!(target_family = "wasm") {
        return 1;
    }
    std::thread::available_parallelism().map_or(1, |n| n.get().min(8))
}

/// What the analysis of one section gives: its entities, offsets relative to
/// the section, and the section's length in code points and UTF-16 units.
/// What one task of an analysis gives (see [`Analyzer::analyze`]).
enum Task {
    /// The statistics of the whole text.
    Stats(Stats),
    /// One section's entities.
    Section(SectionAnalysis),
}

struct SectionAnalysis {
    entities: Vec<Entity>,
    chars: usize,
    utf16: usize,
}

impl Default for Analyzer {
    fn default() -> Self {
        Self::new()
    }
}

impl Analyzer {
    /// An analyzer with every recognizer.
    pub fn new() -> Self {
        let recognizers: Vec<Box<dyn Recognizer>> = vec![
            Box::new(recognize::number::NumberRecognizer),
            Box::new(recognize::number_words::WordNumberRecognizer::default()),
            Box::new(recognize::ordinal::OrdinalRecognizer),
            Box::new(recognize::money::MoneyRecognizer::default()),
            Box::new(recognize::ratio::RatioRecognizer),
            Box::new(recognize::reference::ReferenceRecognizer::default()),
            Box::new(recognize::acronym::AcronymRecognizer),
            Box::new(recognize::url::UrlRecognizer),
            Box::new(recognize::email::EmailRecognizer),
            Box::new(recognize::phone::PhoneRecognizer::default()),
            Box::new(recognize::percent::PercentRecognizer::default()),
            Box::new(recognize::date::DateRecognizer::default()),
            Box::new(recognize::period::PeriodRecognizer::default()),
            Box::new(recognize::decade::DecadeRecognizer),
            Box::new(recognize::duration::DurationRecognizer::default()),
            Box::new(recognize::time::TimeRecognizer::default()),
            Box::new(recognize::relative::RelativeDateRecognizer::default()),
            Box::new(recognize::names::NamesRecognizer::new()),
        ];
        Analyzer {
            normalizer: Normalizer::new(Preset::Search.options()),
            recognizers,
            threads: default_threads(),
        }
    }

    /// This analyzer, using at most `threads` threads per analysis (1: the
    /// calling thread only). The output is the same for any number.
    pub fn with_threads(mut self, threads: usize) -> Self {
        self.threads = if cfg!(target_family = "wasm") {
            1
        } else {
            threads.max(1)
        };
        self
    }

    /// The most threads one analysis uses.
    pub fn threads(&self) -> usize {
        self.threads
    }

    /// An analyzer with only the recognizers whose [`Recognizer::name`]
    /// `keep` accepts (for benchmarks: the analysis without the names layer).
    pub fn with_recognizers(keep: impl Fn(&str) -> bool) -> Self {
        let mut analyzer = Self::new();
        analyzer.recognizers.retain(|r| keep(r.name()));
        analyzer
    }

    /// The [`Recognizer::name`]s of this analyzer's recognizers, in the order they run.
    pub fn recognizer_names(&self) -> Vec<&'static str> {
        self.recognizers.iter().map(|r| r.name()).collect()
    }

    /// Analyzes `text`: each of its sections ([`section_ends`]) on one of
    /// up to [`Analyzer::threads`] threads, the statistics over the whole text.
    pub fn analyze(&self, text: &str, options: &AnalyzeOptions) -> Result<Analysis, AnalyzeError> {
        if text.len() > u32::MAX as usize {
            return Err(AnalyzeError::TooLarge(text.len()));
        }
        if let Some(d) = &options.reference_date {
            if !is_valid_iso_date(d) {
                return Err(AnalyzeError::InvalidReferenceDate(d.clone()));
            }
        }
        let ends = section_ends(text);
        let starts = std::iter::once(0).chain(ends.iter().copied());
        let sections: Vec<&str> = starts.zip(&ends).map(|(a, &b)| &text[a..b]).collect();
        // Task 0 is the statistics of the whole text; task k the section k - 1.
        // One section: no thread (a short text would wait for its start).
        let threads = if sections.len() == 1 { 1 } else { self.threads };
        let mut results = crate::parallel::map_in_order(sections.len() + 1, threads, |k| match k {
            0 => Task::Stats(stats::compute(text)),
            k => Task::Section(self.analyze_section(sections[k - 1], options)),
        })
        .into_iter();
        let Some(Task::Stats(stats)) = results.next() else {
            unreachable!("task 0 is the statistics")
        };
        let analyses = results.map(|r| match r {
            Task::Section(a) => a,
            Task::Stats(_) => unreachable!("tasks after the first are sections"),
        });
        let mut stats = stats;
        let mut entities = Vec::new();
        let (mut bytes, mut chars, mut utf16) = (0, 0, 0);
        for (section, analysis) in sections.iter().zip(analyses) {
            let at = crate::offsets::TextOffset {
                byte: bytes,
                char: chars,
                utf16,
            };
            entities.extend(analysis.entities.into_iter().map(|e| e.shifted(at)));
            bytes += section.len();
            chars += analysis.chars;
            utf16 += analysis.utf16;
        }
        for e in &entities {
            *stats.entities.entry(e.kind.name().to_string()).or_default() += 1;
        }
        Ok(Analysis {
            version: CONTRACT_VERSION,
            entities,
            stats,
        })
    }

    /// The entities of one section (offsets relative to it) and its length.
    fn analyze_section(&self, text: &str, options: &AnalyzeOptions) -> SectionAnalysis {
        let normalized = self.normalizer.normalize(text);
        let tokens = tokenize(&normalized.text);
        let mut doc = Document::new(&normalized.text, &tokens);
        doc.set_original(text, &normalized);
        // News text has about one candidate in 16 tokens (63,000 of 184 bytes
        // for 10 MB): reserved once, the vector is not copied as it doubles
        // (each copy into fresh pages that the kernel zeroes first).
        let mut candidates = Vec::with_capacity(tokens.len() / 12 + 16);
        for r in &self.recognizers {
            r.recognize(&doc, &mut candidates);
        }
        if let Some(kinds) = &options.kinds {
            candidates.retain(|c| kinds.contains(&c.kind));
        }
        recognize::names::restore_value_spellings(text, &normalized, &mut candidates);
        if let Some(reference) = options
            .reference_date
            .as_deref()
            .and_then(recognize::relative::parse_reference_date)
        {
            for c in &mut candidates {
                recognize::relative::resolve_value(
                    &normalized.text[c.span.range()],
                    &mut c.value,
                    reference,
                );
            }
        }
        // Map to the original before resolving: two readings inside one
        // expanded ligature land on the same original span. In the order of
        // the text, not the recognizers' (which jump back and forth over
        // it): the alignment and the original are then read in one sweep,
        // not with a cache miss per candidate.
        let by_position = crate::sort::sorted_order(candidates.iter().map(|c| c.span.start as u64));
        for k in by_position {
            let c = &mut candidates[k as usize];
            // A reference's code is reported as the original writes it (`٢٢٥٤`, not `2254`).
            if let Value::Reference { code } = &mut c.value {
                if let Some(pos) = normalized.text[c.span.range()].find(code.as_str()) {
                    let at = c.span.start + pos;
                    let original = normalized.to_original(Span::new(at, at + code.len()));
                    *code = text[original.range()].to_string();
                }
            }
            c.span = extend_over_tatweel(
                text,
                crate::normalize::extend_over_marks(text, normalized.to_original(c.span)),
            );
            recognize::money::restore_currency_spelling(text, c);
            recognize::number::restore_reversed_decimal(text, c);
        }
        let chosen = resolve(candidates);
        let (entities, end) = to_entities(text, chosen);
        SectionAnalysis {
            entities,
            chars: end.char,
            utf16: end.utf16,
        }
    }
}

/// Widens `span` over tatweel (and the marks after it) that elongates its
/// last letter: `1445هـ` keeps its `ـ`, which the normalizer removed.
fn extend_over_tatweel(text: &str, span: Span) -> Span {
    if !text[span.end..].starts_with('\u{0640}') {
        return span;
    }
    let ends_in_letter = text[..span.end]
        .chars()
        .next_back()
        .is_some_and(|c| c.is_alphabetic() || crate::normalize::is_diacritic(c));
    if !ends_in_letter {
        return span;
    }
    let extra: usize = text[span.end..]
        .chars()
        .take_while(|&c| c == '\u{0640}' || crate::normalize::is_diacritic(c))
        .map(char::len_utf8)
        .sum();
    Span::new(span.start, span.end + extra)
}

/// Keeps the longest, then most specific, candidate among overlapping ones;
/// returns the kept ones sorted by position.
///
/// Sorts small integer keys, not the candidates (a hundred bytes each), and
/// marks the bytes taken in a bit set instead of a tree of spans: the same
/// choice as a stable sort by (length, priority, start) and a tree, for a
/// tenth of the moves.
fn resolve(mut candidates: Vec<Candidate>) -> Vec<Candidate> {
    // Longest first, then highest priority, then leftmost, then first pushed
    // (what a stable sort keeps): one `u128` per candidate, which also holds
    // its span, so the choice reads no candidate.
    let mut order: Vec<u128> = candidates
        .iter()
        .enumerate()
        .filter(|(_, c)| !c.span.is_empty())
        .map(|(k, c)| {
            let longest_first = u32::MAX - c.span.len() as u32;
            let highest_first = u32::MAX - ((c.priority as u32) ^ (1 << 31));
            (u128::from(longest_first) << 96)
                | (u128::from(highest_first) << 64)
                | (u128::from(c.span.start as u32) << 32)
                | k as u128
        })
        .collect();
    order.sort_unstable();
    let end = candidates.iter().map(|c| c.span.end).max().unwrap_or(0);
    let mut taken = vec![0u64; end / 64 + 1];
    // Kept candidates: start and index. Kept spans are disjoint and not
    // empty, so no two share a start.
    // (`u128`, as `order`: one sort routine in the wasm, see `crate::sort`.)
    let mut kept: Vec<u128> = Vec::new();
    for key in order {
        let start = (key >> 32) as u32 as usize;
        let end = start + (u32::MAX - (key >> 96) as u32) as usize;
        if any_bit_set(&taken, start, end) {
            continue;
        }
        set_bits(&mut taken, start, end);
        kept.push((start as u128) << 32 | u128::from(key as u32));
    }
    kept.sort_unstable();
    kept.into_iter()
        .map(|key| {
            let c = &mut candidates[key as u32 as usize];
            // Each candidate is kept once: leave a placeholder, move it out.
            let value = std::mem::replace(&mut c.value, Value::Empty {});
            Candidate {
                kind: c.kind,
                span: c.span,
                value,
                priority: c.priority,
            }
        })
        .collect()
}

/// The bits of `bits` from `start` to `end` (excluded), 64 to a word.
fn bit_words(start: usize, end: usize) -> impl Iterator<Item = (usize, u64)> {
    (start / 64..=(end - 1) / 64).map(move |w| {
        let from = start.max(w * 64) - w * 64;
        let to = end.min(w * 64 + 64) - w * 64;
        let mask = (u64::MAX >> (64 - (to - from))) << from;
        (w, mask)
    })
}

/// True when a bit from `start` to `end` (excluded, `start < end`) is set.
fn any_bit_set(bits: &[u64], start: usize, end: usize) -> bool {
    bit_words(start, end).any(|(w, mask)| bits[w] & mask != 0)
}

/// Sets the bits from `start` to `end` (excluded, `start < end`).
fn set_bits(bits: &mut [u64], start: usize, end: usize) {
    for (w, mask) in bit_words(start, end) {
        bits[w] |= mask;
    }
}

/// Builds the entities, converting all offsets in one pass; also returns
/// the offset of the end of `text`.
fn to_entities(text: &str, chosen: Vec<Candidate>) -> (Vec<Entity>, crate::offsets::TextOffset) {
    let mut bytes: Vec<usize> = chosen
        .iter()
        .flat_map(|c| [c.span.start, c.span.end])
        .collect();
    bytes.push(text.len());
    let mut offsets = OffsetConverter::convert(text, &bytes);
    let end = offsets.pop().expect("the end was converted");
    let entities = chosen
        .into_iter()
        .zip(offsets.chunks_exact(2))
        .map(|(c, o)| Entity {
            kind: c.kind,
            text: text[c.span.range()].to_string(),
            start: o[0].utf16,
            end: o[1].utf16,
            char_start: o[0].char,
            char_end: o[1].char,
            byte_start: o[0].byte,
            byte_end: o[1].byte,
            value: c.value,
        })
        .collect();
    (entities, end)
}

/// True for a real calendar date written `YYYY-MM-DD`.
pub fn is_valid_iso_date(s: &str) -> bool {
    let b = s.as_bytes();
    if b.len() != 10 || b[4] != b'-' || b[7] != b'-' {
        return false;
    }
    let num = |r: std::ops::Range<usize>| {
        s.get(r)
            .filter(|p| p.bytes().all(|c| c.is_ascii_digit()))?
            .parse::<u32>()
            .ok()
    };
    let (Some(y), Some(m), Some(d)) = (num(0..4), num(5..7), num(8..10)) else {
        return false;
    };
    (1..=12).contains(&m) && d >= 1 && d <= days_in_month(y as i32, m as u8) as u32
}

/// Days in a Gregorian month.
pub fn days_in_month(year: i32, month: u8) -> u8 {
    match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 => 29,
        2 => 28,
        _ => 0,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::entity::Value;

    #[test]
    fn slice_finds_numbers_percent_and_years_with_offsets() {
        let text = "😀 في عام ٢٠٢٤ ارتفع بنسبة 17.5% إلى 53,389.7";
        let a = Analyzer::new()
            .analyze(text, &AnalyzeOptions::default())
            .unwrap();
        let kinds: Vec<(&str, &str)> = a
            .entities
            .iter()
            .map(|e| (e.kind.name(), e.text.as_str()))
            .collect();
        assert_eq!(
            kinds,
            [
                ("date", "عام ٢٠٢٤"),
                ("percent", "17.5%"),
                ("number", "53,389.7")
            ]
        );
        let utf16: Vec<u16> = text.encode_utf16().collect();
        for e in &a.entities {
            assert_eq!(String::from_utf16(&utf16[e.start..e.end]).unwrap(), e.text);
            assert_eq!(
                text.chars()
                    .skip(e.char_start)
                    .take(e.char_end - e.char_start)
                    .collect::<String>(),
                e.text
            );
            assert_eq!(&text[e.byte_start..e.byte_end], e.text);
        }
        assert_eq!(a.entities[1].value, Value::Scalar { value: 17.5.into() });
    }

    #[test]
    fn json_numbers_are_integers_when_whole() {
        let a = Analyzer::new()
            .analyze("عام 2024 و 12.5%", &AnalyzeOptions::default())
            .unwrap();
        let json = a.to_json();
        assert!(
            json.contains(r#""value":{"calendar":"gregorian","year":2024}"#),
            "{json}"
        );
        assert!(json.contains(r#""value":{"value":12.5}"#), "{json}");
    }

    fn candidate(start: usize, end: usize, priority: i32) -> Candidate {
        Candidate {
            kind: EntityKind::Number,
            span: Span::new(start, end),
            value: Value::Scalar {
                value: (priority as f64).into(),
            },
            priority,
        }
    }

    /// Longest first, then highest priority, then leftmost, then first pushed.
    #[test]
    fn resolve_keeps_longest_then_most_specific() {
        let spans = |cs: Vec<Candidate>| -> Vec<(usize, usize, i32)> {
            resolve(cs)
                .iter()
                .map(|c| (c.span.start, c.span.end, c.priority))
                .collect()
        };
        let cs = vec![
            candidate(0, 4, 0),
            candidate(2, 8, 0),
            candidate(8, 10, -1),
            candidate(8, 10, 5),
            candidate(60, 130, 1),
            candidate(129, 200, 1),
            candidate(5, 5, 9),
            candidate(200, 202, 0),
        ];
        assert_eq!(
            spans(cs),
            [(2, 8, 0), (8, 10, 5), (129, 200, 1), (200, 202, 0)]
        );
        // Equal length and priority: the leftmost, then the first pushed.
        let cs = vec![candidate(3, 6, 2), candidate(1, 4, 2), candidate(1, 4, 2)];
        let kept = resolve(cs);
        assert_eq!(kept.len(), 1);
        assert_eq!(kept[0].span, Span::new(1, 4));
        let mut bits = vec![0u64; 4];
        set_bits(&mut bits, 60, 130);
        assert!(any_bit_set(&bits, 129, 131) && any_bit_set(&bits, 0, 61));
        assert!(!any_bit_set(&bits, 130, 256) && !any_bit_set(&bits, 0, 60));
    }

    /// The seeds, repeated past `bytes`, with lines of every kind (an
    /// emoji, Arabic-Indic digits) around the section ends.
    fn long_text(bytes: usize) -> String {
        let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/../../tests/fixtures");
        let mut seeds: Vec<String> = std::fs::read_dir(dir)
            .unwrap()
            .map(|e| e.unwrap().path())
            .filter(|p| p.extension().is_some_and(|x| x == "txt"))
            .map(|p| std::fs::read_to_string(p).unwrap())
            .collect();
        seeds.sort();
        let mut text = String::new();
        while text.len() <= bytes {
            for s in &seeds {
                text.push_str("😀 عام ٢٠٢٤\n");
                text.push_str(s);
                text.push('\n');
            }
        }
        text
    }

    #[test]
    fn section_ends_cut_after_a_line_break_past_the_section_size() {
        assert_eq!(section_ends(""), [0]);
        assert_eq!(section_ends("سطر\nسطر"), ["سطر\nسطر".len()]);
        let text = long_text(3 * SECTION_BYTES);
        let ends = section_ends(&text);
        assert!(ends.len() >= 3, "{ends:?}");
        assert_eq!(*ends.last().unwrap(), text.len());
        let mut start = 0;
        for &end in &ends[..ends.len() - 1] {
            assert_eq!(text.as_bytes()[end - 1], b'\n');
            // The first line break at or past the size: none between.
            assert!(end - start > SECTION_BYTES);
            assert!(!text.as_bytes()[start + SECTION_BYTES..end - 1].contains(&b'\n'));
            start = end;
        }
        // A long text without a line break past the size is one section.
        let one_line = "ا".repeat(SECTION_BYTES);
        assert_eq!(section_ends(&one_line), [one_line.len()]);
        // UTF-16 ends are the same places.
        let utf16 = section_ends_utf16(&text);
        let units: Vec<u16> = text.encode_utf16().collect();
        assert_eq!(utf16.len(), ends.len());
        for (&u, &b) in utf16.iter().zip(&ends) {
            assert_eq!(String::from_utf16(&units[..u]).unwrap(), text[..b]);
        }
    }

    /// A long text gives the same analysis on any number of threads, and it
    /// is its sections' analyses put end to end, with the statistics of the
    /// whole text.
    #[test]
    fn sections_are_analyzed_alone_and_put_back_in_order() {
        let text = long_text(2 * SECTION_BYTES + SECTION_BYTES / 2);
        let options = AnalyzeOptions::default();
        let one = Analyzer::new().with_threads(1);
        let whole = one.analyze(&text, &options).unwrap();
        let four = Analyzer::new()
            .with_threads(4)
            .analyze(&text, &options)
            .unwrap();
        assert_eq!(whole.to_json(), four.to_json());
        assert_eq!(whole.stats.characters, text.chars().count());
        let mut expected_stats = stats::compute(&text);
        let mut expected: Vec<Entity> = Vec::new();
        let (mut start, mut units, mut chars) = (0, 0, 0);
        for end in section_ends(&text) {
            let section = &text[start..end];
            for e in one.analyze(section, &options).unwrap().entities {
                assert_eq!(&section[e.byte_start..e.byte_end], e.text);
                let e = e.shifted(crate::offsets::TextOffset {
                    byte: start,
                    char: chars,
                    utf16: units,
                });
                *expected_stats
                    .entities
                    .entry(e.kind.name().to_string())
                    .or_default() += 1;
                expected.push(e);
            }
            units += section.encode_utf16().count();
            chars += section.chars().count();
            start = end;
        }
        assert!(expected.len() > 1000, "{}", expected.len());
        assert_eq!(whole.entities, expected);
        assert_eq!(whole.stats, expected_stats);
        let units: Vec<u16> = text.encode_utf16().collect();
        for e in whole.entities.iter().step_by(97) {
            assert_eq!(String::from_utf16(&units[e.start..e.end]).unwrap(), e.text);
            assert_eq!(&text[e.byte_start..e.byte_end], e.text);
        }
    }

    #[test]
    fn rejects_bad_reference_dates() {
        let opts = AnalyzeOptions {
            reference_date: Some("2024-02-30".into()),
            ..Default::default()
        };
        assert!(matches!(
            Analyzer::new().analyze("x", &opts),
            Err(AnalyzeError::InvalidReferenceDate(_))
        ));
        assert!(is_valid_iso_date("2024-02-29"));
    }
}
