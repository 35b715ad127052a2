//! Normalization of Arabic text with exact alignment to the original.
//!
//! A [`Normalizer`] is compiled once from [`NormalizeOptions`] (or a
//! [`Preset`]) and then applied to any number of texts. Each result, a
//! [`NormalizedText`], carries an [`Alignment`] that maps every span of the
//! normalized text back to the span of the original it came from, so that
//! recognizers can match on one canonical form while the user sees their own
//! text highlighted.
//!
//! ```
//! use tahlil_core::normalize::{Normalizer, Preset};
//! use tahlil_core::Span;
//! let n = Normalizer::new(Preset::Search.options());
//! let text = "عامَ ٢٠٢٤";
//! let out = n.normalize(text);
//! assert_eq!(out.text, "عام 2024");
//! let year = out.to_original(Span::new(7, 11));
//! assert_eq!(&text[year.range()], "٢٠٢٤");
//! ```

mod alignment;
mod options;
mod rules;

pub use alignment::Alignment;
pub use options::{NormalizeOptions, Preset};

use crate::span::Span;
use alignment::AlignedBuilder;

/// What the normalizer does with one code point, compiled from the options.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Action {
    /// Copy it unchanged.
    Keep,
    /// Copy it unchanged, but it may take a following combining hamza or madda.
    KeepComposable,
    /// Drop it.
    Delete,
    /// Replace it with `pool[start..start + len]`.
    Replace {
        start: u32,
        len: u32,
        composable: bool,
    },
    /// Horizontal whitespace (folded when `whitespace` is on).
    Space,
    /// A line break (folded when `whitespace` is on).
    LineBreak,
}

/// Code point ranges that have a compiled table; everything else is kept.
const TABLE_RANGES: [(u32, u32); 5] = [
    (0x0600, 0x0700),
    (0x08A0, 0x0900),
    (0x2000, 0x2070),
    (0xFB50, 0xFE00),
    (0xFE70, 0xFF00),
];

/// A normalizer compiled for one set of options. Cheap to share; build it
/// once and reuse it.
#[derive(Debug, Clone)]
pub struct Normalizer {
    options: NormalizeOptions,
    /// One action per code point of [`TABLE_RANGES`], in order.
    table: Vec<Action>,
    /// Replacement strings referenced by [`Action::Replace`].
    pool: String,
}

/// A normalized text and its alignment to the original.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NormalizedText {
    /// The normalized text.
    pub text: String,
    /// Map from spans of `text` to spans of the original.
    pub alignment: Alignment,
}

impl NormalizedText {
    /// The span of the original text that produced `span` of the normalized text.
    pub fn to_original(&self, span: Span) -> Span {
        self.alignment.to_original(span)
    }
}

impl Normalizer {
    /// Compiles a normalizer for `options`.
    pub fn new(options: NormalizeOptions) -> Self {
        let mut table = Vec::new();
        let mut pool = String::new();
        let mut buf = String::new();
        for (lo, hi) in TABLE_RANGES {
            for cp in lo..hi {
                let action = match char::from_u32(cp) {
                    None => Action::Keep,
                    Some(c) => Self::compile(c, &options, &mut buf, &mut pool),
                };
                table.push(action);
            }
        }
        Normalizer {
            options,
            table,
            pool,
        }
    }

    /// The options this normalizer was compiled for.
    pub fn options(&self) -> &NormalizeOptions {
        &self.options
    }

    fn compile(c: char, o: &NormalizeOptions, buf: &mut String, pool: &mut String) -> Action {
        if rules::is_horizontal_space(c) {
            return Action::Space;
        }
        if rules::is_line_break(c) {
            return Action::LineBreak;
        }
        buf.clear();
        rules::fold_full(c, o, buf);
        let composable = o.compose && Self::compose_base_of(c, o).is_some();
        if buf.chars().eq(std::iter::once(c)) {
            return if composable {
                Action::KeepComposable
            } else {
                Action::Keep
            };
        }
        if buf.is_empty() {
            return Action::Delete;
        }
        let start = pool.len() as u32;
        pool.push_str(buf);
        Action::Replace {
            start,
            len: buf.len() as u32,
            composable,
        }
    }

    /// The letter that `c` ends in once presentation forms are expanded, when
    /// that letter can take a combining hamza or madda.
    fn compose_base_of(c: char, o: &NormalizeOptions) -> Option<char> {
        let in_forms = (0xFB50..0xFF00).contains(&(c as u32));
        let last = match rules::presentation_forms()
            .get(&c)
            .filter(|_| o.compatibility && in_forms)
        {
            Some(expanded) => expanded.chars().last()?,
            None => c,
        };
        rules::is_compose_base(last).then_some(last)
    }

    fn action(&self, c: char) -> Action {
        let cp = c as u32;
        let mut offset = 0;
        for (lo, hi) in TABLE_RANGES {
            if cp < lo {
                break;
            }
            if cp < hi {
                return self.table[offset + (cp - lo) as usize];
            }
            offset += (hi - lo) as usize;
        }
        match cp {
            0x09 | 0x20 => Action::Space,
            0x0A..=0x0D | 0x85 => Action::LineBreak,
            0xA0 | 0x1680 | 0x3000 => Action::Space,
            _ if self.options.invisible && rules::is_invisible(c) => Action::Delete,
            _ => Action::Keep,
        }
    }

    /// Normalizes `text`, keeping the alignment to it.
    pub fn normalize(&self, text: &str) -> NormalizedText {
        let bytes = text.as_bytes();
        let fold_ws = self.options.whitespace;
        let mut b = AlignedBuilder::new(text.len());
        let mut run = 0; // start of the pending run of unchanged bytes
        let mut last_space = false; // the output ends in a folded space
        let mut i = 0;
        while i < bytes.len() {
            let lead = bytes[i];
            if lead < 0x80 {
                let is_ws = matches!(lead, b' ' | b'\t' | b'\n' | b'\r' | 0x0B | 0x0C);
                if !(fold_ws && is_ws) {
                    last_space = false;
                    i += 1;
                    continue;
                }
            }
            let c = text[i..].chars().next().expect("in bounds");
            let width = c.len_utf8();
            let action = self.action(c);
            match action {
                Action::Keep => {
                    last_space = false;
                    i += width;
                }
                Action::Space if !fold_ws => {
                    last_space = false;
                    i += width;
                }
                Action::LineBreak if !fold_ws => {
                    last_space = false;
                    i += width;
                }
                Action::Space => {
                    if last_space {
                        Self::flush(&mut b, text, run, i);
                        run = i + width; // drop this space
                    } else if c != ' ' {
                        Self::flush(&mut b, text, run, i);
                        b.emit(i, i + width, " ");
                        run = i + width;
                    }
                    last_space = true;
                    i += width;
                }
                Action::LineBreak => {
                    last_space = false;
                    let end = if c == '\r' && bytes.get(i + 1) == Some(&b'\n') {
                        i + 2
                    } else {
                        i + width
                    };
                    if c != '\n' {
                        Self::flush(&mut b, text, run, i);
                        b.emit(i, end, "\n");
                        run = end;
                    }
                    i = end;
                }
                Action::Delete => {
                    Self::flush(&mut b, text, run, i);
                    i += width;
                    run = i;
                }
                Action::KeepComposable | Action::Replace { .. } => {
                    if let Some(end) = self.try_compose(text, i, c, &mut b, run) {
                        last_space = false;
                        i = end;
                        run = end;
                        continue;
                    }
                    if let Action::Replace { start, len, .. } = action {
                        Self::flush(&mut b, text, run, i);
                        let s = &self.pool[start as usize..(start + len) as usize];
                        b.emit(i, i + width, s);
                        last_space = s.ends_with(' ');
                        run = i + width;
                    } else {
                        last_space = false;
                    }
                    i += width;
                }
            }
        }
        Self::flush(&mut b, text, run, bytes.len());
        let (text, alignment) = b.finish();
        NormalizedText { text, alignment }
    }

    /// Copies the pending run `run..i` of unchanged original bytes.
    #[inline]
    fn flush(b: &mut AlignedBuilder, text: &str, run: usize, i: usize) {
        if run < i {
            b.copy(run, &text[run..i]);
        }
    }

    /// If the character `c` at `i` can take a combining hamza or madda and one
    /// follows (past harakat and characters this normalizer deletes), emits
    /// the composed cluster as one unit and returns the end of the cluster.
    fn try_compose(
        &self,
        text: &str,
        i: usize,
        c: char,
        b: &mut AlignedBuilder,
        run: usize,
    ) -> Option<usize> {
        if !self.options.compose {
            return None;
        }
        let mut j = i + c.len_utf8();
        // Fast exit: the next character is neither a mark nor something deleted.
        let next = text[j..].chars().next()?;
        if !(matches!(next, '\u{0653}'..='\u{0655}')
            || rules::is_haraka(next)
            || self.action(next) == Action::Delete)
        {
            return None;
        }
        let base = Self::compose_base_of(c, &self.options)?;
        let mut between: Vec<char> = Vec::new();
        let (mark, end) = loop {
            let next = text[j..].chars().next()?;
            if matches!(next, '\u{0653}'..='\u{0655}') {
                break (next, j + next.len_utf8());
            }
            if rules::is_haraka(next) || self.action(next) == Action::Delete {
                between.push(next);
                j += next.len_utf8();
                continue;
            }
            return None;
        };
        let composed = rules::compose(base, mark)?;
        let mut out = String::new();
        // Whatever the presentation form expands to before its last letter.
        if let Some(expanded) = rules::presentation_forms()
            .get(&c)
            .filter(|_| self.options.compatibility)
        {
            let mut chars: Vec<char> = expanded.chars().collect();
            chars.pop();
            chars
                .into_iter()
                .for_each(|e| rules::fold_char(e, &self.options, &mut out));
        }
        rules::fold_char(composed, &self.options, &mut out);
        between
            .into_iter()
            .for_each(|e| rules::fold_char(e, &self.options, &mut out));
        Self::flush(b, text, run, i);
        b.emit(i, end, &out);
        Some(end)
    }
}

/// Normalizes `text` with a preset: a shortcut for
/// `Normalizer::new(preset.options()).normalize(text)`. Build a [`Normalizer`]
/// yourself when normalizing many texts.
pub fn normalize(text: &str, preset: Preset) -> NormalizedText {
    Normalizer::new(preset.options()).normalize(text)
}

#[cfg(test)]
mod tests;

/// The search-normalized form of a word or phrase: what recognizers compare
/// their word lists against. Tables of words are written in ordinary
/// spelling and folded with this once, when a recognizer is built.
pub fn search_form(text: &str) -> String {
    static SEARCH: std::sync::OnceLock<Normalizer> = std::sync::OnceLock::new();
    SEARCH
        .get_or_init(|| Normalizer::new(Preset::Search.options()))
        .normalize(text)
        .text
}

/// Widens `span` of `original` over the combining marks right after it
/// (diacritics, combining hamza, general combining marks), which belong to
/// its last letter. Mapped spans end at the last letter kept by the
/// normalizer; highlighting should include the marks the normalizer removed.
pub fn extend_over_marks(original: &str, span: Span) -> Span {
    let rest = &original[span.end..];
    let extra: usize = rest
        .chars()
        .take_while(|&c| {
            rules::is_diacritic(c) || matches!(c as u32, 0x0300..=0x036F | 0x0654 | 0x0655)
        })
        .map(char::len_utf8)
        .sum();
    Span::new(span.start, span.end + extra)
}

/// True for the Arabic diacritics that the `diacritics` step removes.
pub fn is_diacritic(c: char) -> bool {
    rules::is_diacritic(c)
}
