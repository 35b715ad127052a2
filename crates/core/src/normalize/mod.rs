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
mod blocks;
mod input;
mod options;
mod rules;
mod utf16;

pub use alignment::{Alignment, SegmentView, UnitAlignments};
pub use options::{NormalizeOptions, Preset};
pub use utf16::encode_utf16_into;

use crate::span::Span;
use alignment::AlignedBuilder;
use blocks::{BlockFilter, BLOCK};
use input::{Pass, Utf16Pass, Utf8Pass};

/// At most this many marks (harakat and deleted characters) may sit between
/// a letter and the combining hamza or madda it composes with, the limit of
/// Unicode's Stream-Safe Text Format (UAX #15). Longer runs are not composed.
pub const MAX_CLUSTER_MARKS: usize = 30;

/// What the normalizer does with one code point, compiled from the options.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Action {
    /// Copy it unchanged.
    Keep,
    /// Drop it.
    Delete,
    /// Replace it with `pool[start..start + len]`.
    Replace { start: u32, len: u32 },
    /// Horizontal whitespace (folded when `whitespace` is on).
    Space,
    /// A line break (folded when `whitespace` is on).
    LineBreak,
}

/// One compiled table entry: the action and what composition needs to know.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Entry {
    action: Action,
    /// Its output ends in a letter that takes a combining hamza or madda.
    composable: bool,
    /// It may sit between such a letter and its mark: a haraka, a character
    /// this normalizer deletes, or one whose output is only harakat.
    transparent: bool,
    /// It is replaced by one character of the same UTF-8 length (`ة` → `ه`):
    /// the alignment stays 1:1.
    same_width: bool,
}

impl Entry {
    const KEEP: Entry = Entry {
        action: Action::Keep,
        composable: false,
        transparent: false,
        same_width: false,
    };
}

/// Code point ranges that have a compiled table; everything else is kept
/// (or, with `invisible` on, deleted when [`rules::is_invisible`]).
const TABLE_RANGES: [(u32, u32); 6] = [
    (0x0000, 0x0100),
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
    /// One entry per code point of [`TABLE_RANGES`], in order.
    table: Vec<Entry>,
    /// Replacement strings referenced by [`Action::Replace`].
    pool: String,
    /// Fast path over the Arabic block U+0600–U+06FF: [`FAST_SLOW`],
    /// [`FAST_BASE`] and [`FAST_MARKISH`] bits per code point.
    arabic_fast: [u8; 256],
    /// The replacement (two UTF-8 bytes) of the characters marked
    /// [`FAST_SAME_WIDTH`].
    arabic_same_width: [[u8; 2]; 256],
    /// `arabic_fast` for UTF-16 input, where more is replaced letter for
    /// letter: [`FAST_SAME_WIDTH`] marks every character replaced by one
    /// code unit other than whitespace (`،` → `,`, `٣` → `3` too).
    arabic_fast16: [u8; 256],
    /// The code unit that replaces each character so marked.
    arabic_same_width16: [u16; 256],
    /// Every step is off: the output is the input, in one segment.
    identity: bool,
    /// The fast path's 64-byte filter, compiled from `arabic_fast`.
    blocks: BlockFilter,
    /// The filter of the UTF-16 fast path, compiled from `arabic_fast16`.
    blocks16: BlockFilter,
}

/// The character needs the full loop (it changes, or it is whitespace).
const FAST_SLOW: u8 = 1;
/// The character's output ends in a letter that composes with a following mark.
const FAST_BASE: u8 = 2;
/// The character is a combining hamza or madda, or transparent (see [`Entry`]).
const FAST_MARKISH: u8 = 4;
/// The character is replaced by one of the same width, in `arabic_same_width`.
const FAST_SAME_WIDTH: u8 = 8;

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

/// Offset in the table of the Arabic block U+0600–U+06FF (the hot path).
const ARABIC_OFFSET: usize = 0x100;

impl Normalizer {
    /// Compiles a normalizer for `options`.
    pub fn new(options: NormalizeOptions) -> Self {
        let mut table = Vec::new();
        let mut pool = String::new();
        let mut buf = String::new();
        for (lo, hi) in TABLE_RANGES {
            for cp in lo..hi {
                let entry = match char::from_u32(cp) {
                    None => Entry::KEEP,
                    Some(c) => Self::compile(c, &options, &mut buf, &mut pool),
                };
                table.push(entry);
            }
        }
        debug_assert_eq!(TABLE_RANGES[1].0 as usize, 0x600);
        let mut arabic_fast = [0; 256];
        let mut arabic_same_width = [[0; 2]; 256];
        for (k, fast) in arabic_fast.iter_mut().enumerate() {
            let e = table[ARABIC_OFFSET + k];
            if let (true, Action::Replace { start, len }) = (e.same_width, e.action) {
                let bytes = &pool.as_bytes()[start as usize..(start + len) as usize];
                arabic_same_width[k] = [bytes[0], bytes[1]];
            }
            let mark = is_combining_mark(char::from_u32(0x600 + k as u32).expect("Arabic block"));
            *fast = u8::from(e.action != Action::Keep) * FAST_SLOW
                + u8::from(e.composable) * FAST_BASE
                + u8::from(e.transparent || mark) * FAST_MARKISH
                + u8::from(e.same_width) * FAST_SAME_WIDTH;
        }
        let mut arabic_fast16 = arabic_fast;
        let mut arabic_same_width16 = [0; 256];
        for (k, fast) in arabic_fast16.iter_mut().enumerate() {
            if let Action::Replace { start, len } = table[ARABIC_OFFSET + k].action {
                let mut units = pool[start as usize..(start + len) as usize].encode_utf16();
                if let (Some(unit), None) = (units.next(), units.next()) {
                    if unit > u16::from(b' ') {
                        arabic_same_width16[k] = unit;
                        *fast |= FAST_SAME_WIDTH;
                    }
                }
            }
        }
        Normalizer {
            options,
            table,
            pool,
            arabic_fast,
            arabic_same_width,
            arabic_fast16,
            arabic_same_width16,
            identity: options == NormalizeOptions::from_bits(0),
            blocks: BlockFilter::new(&arabic_fast, options.whitespace),
            blocks16: BlockFilter::new(&arabic_fast16, options.whitespace),
        }
    }

    /// The options this normalizer was compiled for.
    pub fn options(&self) -> &NormalizeOptions {
        &self.options
    }

    fn compile(c: char, o: &NormalizeOptions, buf: &mut String, pool: &mut String) -> Entry {
        if rules::is_horizontal_space(c) {
            return Entry {
                action: Action::Space,
                ..Entry::KEEP
            };
        }
        if rules::is_line_break(c) {
            return Entry {
                action: Action::LineBreak,
                ..Entry::KEEP
            };
        }
        buf.clear();
        rules::fold_full(c, o, buf);
        // A letter followed by harakat in the output (`ﴼ` → `اً`) composes too.
        let letter = buf.trim_end_matches(rules::is_haraka);
        let composable = o.compose && letter.chars().last().is_some_and(rules::is_compose_base);
        // Deleted characters (empty output) are transparent too.
        let transparent = o.compose && (rules::is_haraka(c) || buf.chars().all(rules::is_haraka));
        let action = if buf.chars().eq(std::iter::once(c)) {
            Action::Keep
        } else if buf.is_empty() {
            Action::Delete
        } else {
            let start = pool.len() as u32;
            pool.push_str(buf);
            Action::Replace {
                start,
                len: buf.len() as u32,
            }
        };
        let same_width = matches!(action, Action::Replace { .. })
            && buf.chars().count() == 1
            && buf.len() == c.len_utf8();
        Entry {
            action,
            composable,
            transparent,
            same_width,
        }
    }

    /// The compiled entry of `c`.
    // Inlined always natively (measured: 6 % faster), by choice in wasm (smaller).
    #[cfg_attr(not(target_arch = "wasm32"), inline(always))]
    #[cfg_attr(target_arch = "wasm32", inline)]
    fn entry(&self, c: char) -> Entry {
        let cp = c as u32;
        if (0x600..0x700).contains(&cp) {
            self.table[ARABIC_OFFSET + (cp - 0x600) as usize]
        } else {
            self.entry_outside_arabic(c)
        }
    }

    /// [`Normalizer::entry`] of a character outside U+0600–U+06FF.
    fn entry_outside_arabic(&self, c: char) -> Entry {
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
            0x1680 | 0x3000 => Entry {
                action: Action::Space,
                ..Entry::KEEP
            },
            _ if self.options.invisible && rules::is_invisible(c) => Entry {
                action: Action::Delete,
                composable: false,
                transparent: self.options.compose,
                same_width: false,
            },
            _ => Entry::KEEP,
        }
    }

    /// The output of a character that is not whitespace.
    #[inline]
    fn output<'a>(&'a self, entry: Entry, c: char, buf: &'a mut [u8; 4]) -> &'a str {
        match entry.action {
            Action::Replace { start, len } => &self.pool[start as usize..(start + len) as usize],
            Action::Delete => "",
            _ => c.encode_utf8(buf),
        }
    }

    /// Normalizes `text`, keeping the alignment to it.
    pub fn normalize(&self, text: &str) -> NormalizedText {
        let mut pass = Utf8Pass {
            text,
            out: AlignedBuilder::new(text.len()),
            patches: Vec::new(),
        };
        if self.identity {
            pass.out.copy(0, text);
        } else {
            self.run(&mut pass);
        }
        let (text, alignment) = pass.out.finish();
        NormalizedText { text, alignment }
    }

    /// Normalizes UTF-16 text into `out` (its contents are replaced),
    /// without alignment: the code units of `self.normalize(&text).text`,
    /// where `text` is `input` decoded with lone surrogates read as U+FFFD
    /// (`String::from_utf16_lossy`), as a browser's `TextEncoder` does. For
    /// JavaScript strings, which are UTF-16: nothing is transcoded.
    pub fn normalize_utf16_into(&self, input: &[u16], out: &mut Vec<u16>) {
        out.clear();
        out.reserve(input.len());
        let mut pass = Utf16Pass {
            input,
            out,
            patches: Vec::new(),
        };
        if self.identity {
            // Only lone surrogates change.
            let mut run = 0;
            let mut i = 0;
            while i < input.len() {
                let (_, width, exact) = pass.char_at(i);
                if !exact {
                    pass.copy(run, i);
                    pass.emit_same_width(i, "\u{FFFD}");
                    run = i + width;
                }
                i += width;
            }
            pass.copy(run, input.len());
        } else {
            self.run(&mut pass);
        }
    }

    /// The main loop, the same for every encoding: the fast path, then one
    /// character at a time what it does not take.
    fn run<P: Pass>(&self, p: &mut P) {
        let fold_ws = self.options.whitespace;
        let len = p.len();
        let mut run = 0; // start of the pending run of unchanged units
        let mut last_space = false; // the output ends in a folded space
        let mut i = 0;
        while i < len {
            // Fast path: characters copied unchanged or replaced letter for
            // letter, without decoding.
            p.copy(run, i);
            (i, last_space) = p.fast_path(self, i, last_space);
            run = i;
            if i >= len {
                break;
            }
            let lead = p.unit(i);
            if lead < 0x80 {
                // ASCII: only whitespace can change.
                if !(fold_ws && lead <= u32::from(b' ')) {
                    last_space = false;
                    i += 1;
                    continue;
                }
            }
            let (c, width, exact) = p.char_at(i);
            if !exact {
                // A lone surrogate of UTF-16 input: U+FFFD, as a browser reads it.
                p.copy(run, i);
                p.emit_same_width(i, "\u{FFFD}");
                last_space = false;
                i += width;
                run = i;
                continue;
            }
            let entry = self.entry(c);
            if entry.composable && self.may_compose_at(p, i + width) {
                if let Some(end) = self.try_compose(p, i, c, width, entry, run) {
                    last_space = false;
                    i = end;
                    run = end;
                    continue;
                }
            }
            match entry.action {
                Action::Keep => {
                    last_space = false;
                    i += width;
                }
                Action::Space | Action::LineBreak if !fold_ws => {
                    last_space = false;
                    i += width;
                }
                Action::Space => {
                    if last_space {
                        p.copy(run, i);
                        run = i + width; // drop this space
                    } else if c != ' ' {
                        p.copy(run, i);
                        p.emit(i, i + width, " ");
                        run = i + width;
                    }
                    last_space = true;
                    i += width;
                }
                Action::LineBreak => {
                    last_space = false;
                    let end = if c == '\r' && i + 1 < len && p.unit(i + 1) == u32::from(b'\n') {
                        i + 2
                    } else {
                        i + width
                    };
                    if c != '\n' {
                        p.copy(run, i);
                        p.emit(i, end, "\n");
                        run = end;
                    }
                    i = end;
                }
                Action::Delete => {
                    p.copy(run, i);
                    i += width;
                    run = i;
                }
                Action::Replace { start, len } => {
                    p.copy(run, i);
                    let s = &self.pool[start as usize..(start + len) as usize];
                    if entry.same_width {
                        p.emit_same_width(i, s);
                    } else {
                        p.emit(i, i + width, s);
                    }
                    last_space = fold_ws && s.ends_with(' ');
                    run = i + width;
                    i += width;
                }
            }
        }
        p.copy(run, len);
    }

    /// The loop of the UTF-8 fast path ([`Utf8Pass`]): finds where it
    /// ends, pushing onto `patches` the positions of the letters replaced by
    /// one of the same width. Returns the end and whether the output then
    /// ends in a folded space. Not inlined: on its own, the loop keeps its
    /// state in registers (measured: inlined into `normalize`, it spills).
    #[cfg_attr(target_arch = "x86_64", inline(never))]
    fn fast_scan(
        &self,
        bytes: &[u8],
        start: usize,
        last_space: bool,
        patches: &mut Vec<usize>,
    ) -> (usize, bool) {
        let fold_ws = self.options.whitespace;
        let classes = &self.arabic_fast;
        let mut i = start;
        let mut space = last_space;
        // The character before `i` was skipped and is a composition base;
        // `space_before_base`: the output before it ended in a space.
        let (mut prev_base, mut space_before_base) = (false, false);
        while i < bytes.len() {
            if i > start && i + BLOCK <= bytes.len() && self.blocks.enabled() {
                let from = i;
                i = self.skip_blocks(bytes, i, patches);
                if i > from {
                    // The state after the last character passed.
                    let last = bytes[i - 1];
                    space = fold_ws & (last == b' ');
                    // A base (kept or replaced) lets the loop below check
                    // what follows it. `i - 2` is at or after `start` (`i`
                    // moved past `start + 1`).
                    let k = (usize::from(bytes[i - 2] & 0x03) << 6) | usize::from(last & 0x3F);
                    prev_base = (last >= 0x80) & (classes[k] & FAST_BASE != 0);
                    // Before a two-byte base (at or after `start` then).
                    space_before_base = prev_base & fold_ws & (bytes[i.saturating_sub(3)] == b' ');
                }
            }
            if i >= bytes.len() {
                break;
            }
            let lead = bytes[i];
            if lead < 0x80 {
                if fold_ws && lead <= b' ' {
                    // A space that starts a run is kept as it is, and so is
                    // a line feed; the rest of a run of spaces, and other
                    // whitespace, go to the full loop.
                    if lead == b'\n' {
                        space = false;
                    } else if lead != b' ' || space {
                        break;
                    } else {
                        space = true;
                    }
                } else {
                    space = false;
                }
                prev_base = false;
                i += 1;
                continue;
            }
            if lead & 0xFC != 0xD8 {
                break;
            }
            // Two bytes of the Arabic block (valid UTF-8: the second exists).
            let k = (usize::from(lead & 0x03) << 6) | usize::from(bytes[i + 1] & 0x3F);
            let class = classes[k];
            if prev_base && class & FAST_MARKISH != 0 {
                break; // the base before may compose: back up to it, below
            }
            if class & FAST_SLOW != 0 {
                // Replaced letter for letter, unless it may compose.
                if class & FAST_SAME_WIDTH == 0
                    || (class & FAST_BASE != 0 && !self.cannot_compose_at(bytes, i + 2))
                {
                    break;
                }
                patches.push(i);
                prev_base = false;
            } else {
                prev_base = class & FAST_BASE != 0;
                space_before_base = space;
            }
            space = false;
            i += 2;
        }
        if prev_base {
            // Leave the base to the full loop: what follows may compose with it.
            (i - 2, space_before_base)
        } else {
            (i, space)
        }
    }

    /// The block filter's part of [`Normalizer::fast_scan`]: from `i`,
    /// skips 64 bytes at a time while the filter passes them all, then up
    /// to the first character it does not pass, which the per-character
    /// loop takes. Pushes onto `patches` the letters to replace. Returns
    /// where it stopped, a character boundary.
    #[inline]
    fn skip_blocks(&self, bytes: &[u8], mut i: usize, patches: &mut Vec<usize>) -> usize {
        while i + BLOCK <= bytes.len() {
            let m = self.blocks.scan(bytes, i);
            // Not a lead byte whose character did not pass, nor the last
            // byte when it is a lead byte (its character is in the next block).
            let ones = m.pass.trailing_ones() as usize;
            let passed = ones - usize::from((ones > 0) & (bytes[i + ones.max(1) - 1] >= 0xC0));
            let below = 1u64.checked_shl(passed as u32).unwrap_or(0).wrapping_sub(1);
            let mut replace = m.replace & below;
            while replace != 0 {
                patches.push(i + replace.trailing_zeros() as usize - 1);
                replace &= replace - 1;
            }
            i += passed;
            if ones < BLOCK {
                break;
            }
        }
        i
    }

    /// True when the character at `j` (or the end of the text) can be no
    /// part of a composition: ASCII, or an Arabic-block character that is
    /// neither a combining mark nor transparent. Other characters: false,
    /// and the full loop decides.
    #[inline]
    fn cannot_compose_at(&self, bytes: &[u8], j: usize) -> bool {
        match bytes.get(j) {
            None => true,
            Some(&n) if n < 0x80 => true,
            Some(&n) if n & 0xFC == 0xD8 => {
                let k = (usize::from(n & 0x03) << 6) | usize::from(bytes[j + 1] & 0x3F);
                self.arabic_fast[k] & FAST_MARKISH == 0
            }
            Some(_) => false,
        }
    }

    /// True when the character at `j` may be part of a composition: a
    /// combining hamza or madda, or a transparent character (see [`Entry`]).
    #[inline]
    fn may_compose_at<P: Pass>(&self, p: &P, j: usize) -> bool {
        if j >= p.len() || p.unit(j) < 0x80 {
            return false;
        }
        let (next, _, _) = p.char_at(j);
        is_combining_mark(next) || self.entry(next).transparent
    }

    /// Composition, as Unicode NFC does for Arabic: when the output of the
    /// character `c` at `i` ends in a letter that takes a combining hamza or
    /// madda (U+0653–U+0655) and such a mark follows it, past at most
    /// [`MAX_CLUSTER_MARKS`] transparent characters (harakat, deleted
    /// characters), the letter and mark become the precomposed letter, folded
    /// like any other (`ا` + U+0654 → `أ`, then `ا` in the search preset).
    /// Repeats while the result still ends in such a letter. Emits the
    /// cluster as one unit and returns its end; `None` when nothing composes.
    /// Rare enough to go through `dyn Pass`: one copy for every encoding
    /// (the caller checks [`Normalizer::may_compose_at`] first).
    fn try_compose(
        &self,
        p: &mut dyn Pass,
        i: usize,
        c: char,
        width: usize,
        entry: Entry,
        run: usize,
    ) -> Option<usize> {
        let len = p.len();
        let mut j = i + width;
        let mut buf = [0; 4];
        let mut out = String::from(self.output(entry, c, &mut buf));
        let mut composed_any = false;
        'cluster: loop {
            // The output may end in harakat after its letter (`ﴼ` → `اً`):
            // they count as marks in between and stay after the letter.
            let letter_end = out.trim_end_matches(rules::is_haraka).len();
            let Some(base) = out[..letter_end]
                .chars()
                .last()
                .filter(|&l| rules::is_compose_base(l))
            else {
                break;
            };
            let trailing = out[letter_end..].to_string();
            // Find the mark past the transparent characters.
            let mut k = j;
            let mut skipped = trailing.chars().count();
            let (composed, mark_end) = loop {
                if k >= len {
                    break 'cluster;
                }
                let (next, next_width, _) = p.char_at(k);
                if is_combining_mark(next) {
                    if let Some(composed) = rules::compose(base, next) {
                        break (composed, k + next_width);
                    }
                }
                if !self.entry(next).transparent || skipped >= MAX_CLUSTER_MARKS {
                    break 'cluster;
                }
                skipped += 1;
                k += next_width;
            };
            out.truncate(letter_end - base.len_utf8());
            let e = self.entry(composed);
            out.push_str(self.output(e, composed, &mut buf));
            out.push_str(&trailing);
            // The characters in between keep their own output, after the letter.
            while j < k {
                let (m, m_width, _) = p.char_at(j);
                let e = self.entry(m);
                out.push_str(self.output(e, m, &mut buf));
                j += m_width;
            }
            j = mark_end;
            composed_any = true;
        }
        if !composed_any {
            return None;
        }
        p.copy(run, i);
        p.emit(i, j, &out);
        Some(j)
    }
}

/// The combining madda, hamza above and hamza below (U+0653–U+0655).
fn is_combining_mark(c: char) -> bool {
    matches!(c, '\u{0653}'..='\u{0655}')
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
