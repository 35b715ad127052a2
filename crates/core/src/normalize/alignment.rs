//! The map from a normalized text back to the original it came from.
//!
//! The map is a list of segments. Inside a segment every normalized *unit* of
//! `norm_unit` bytes came from one original unit of `orig_unit` bytes, in
//! order: a stretch of text copied or changed letter for letter (`أ` to `ا`,
//! both two bytes) is one segment with units of 1:1, a run of Arabic-Indic
//! digits turned ASCII is one segment of 1:2, and a ligature expanded to
//! several letters (`ﷲ` to `الله`) is one segment of a single 8:3 unit.
//! Original bytes that produced nothing (removed diacritics, tatweel,
//! invisible marks) fall in the gaps between segments.
//!
//! Memory is one 12-byte segment per change of shape, not per character:
//! plain text costs nothing. The worst case is bounded: a segment of units
//! other than 1:1 covers at least two original bytes (every one-byte
//! character maps 1:1), and two neighbouring 1:1 segments need a gap of at
//! least one original byte between them, so there are at most two segments
//! per three input bytes: 24 bytes per 3 input bytes, 8 bytes per input byte
//! (reached by `a٣a٣…` under the search preset).
//!
//! The same structure, with offsets counted in code points or UTF-16 code
//! units instead of bytes, is what [`Alignment::to_chars_and_utf16`] returns.

use crate::offsets::OffsetConverter;
use crate::span::Span;

/// One run of the alignment (see the module docs). 12 bytes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Segment {
    norm_start: u32,
    orig_start: u32,
    norm_unit: u16,
    orig_unit: u16,
}

/// The largest unit, in bytes, that a segment can hold. Units are one
/// original character or one composed cluster (at most
/// [`super::MAX_CLUSTER_MARKS`] marks), far below this.
const MAX_UNIT: usize = u16::MAX as usize;

/// Maps spans of a normalized text to spans of its original.
///
/// Offsets are UTF-8 bytes for the alignment a [`super::Normalizer`] returns;
/// [`Alignment::to_chars_and_utf16`] gives the same map counted in code
/// points and in UTF-16 code units.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Alignment {
    segments: Vec<Segment>,
    norm_len: u32,
    orig_len: u32,
}

/// The same alignment counted in code points and in UTF-16 code units,
/// made by [`Alignment::to_chars_and_utf16`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct UnitAlignments {
    /// Offsets in Unicode code points (what Python indexes by).
    pub chars: Alignment,
    /// Offsets in UTF-16 code units (what JavaScript indexes by).
    pub utf16: Alignment,
}

/// One segment as plain numbers, for callers that ship the map elsewhere
/// (the wasm bindings hand these to JavaScript).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct SegmentView {
    /// Start of the segment in the normalized text.
    pub norm_start: u32,
    /// Start of the segment in the original text.
    pub orig_start: u32,
    /// Length of one normalized unit.
    pub norm_unit: u32,
    /// Length of the original unit each normalized unit came from.
    pub orig_unit: u32,
}

impl Alignment {
    /// Maps a span of the normalized text to the span of the original that
    /// produced it. For spans on char boundaries of the normalized text the
    /// result lies on char boundaries of the original; a span that cuts
    /// through a unit (an expansion such as `ﷲ` → `الله`, or a composed
    /// cluster) widens to cover that whole unit. Mapping is monotone: a span
    /// that starts (ends) later never maps to one that starts (ends) earlier.
    pub fn to_original(&self, span: Span) -> Span {
        let start = self.orig_start_of(span.start.min(self.norm_len as usize) as u32);
        if span.is_empty() {
            return Span::new(start as usize, start as usize);
        }
        let end = self
            .orig_end_of(span.end.min(self.norm_len as usize) as u32)
            .max(start);
        Span::new(start as usize, end as usize)
    }

    /// Length of the normalized text, in this alignment's unit.
    pub fn normalized_len(&self) -> usize {
        self.norm_len as usize
    }

    /// Length of the original text, in this alignment's unit.
    pub fn original_len(&self) -> usize {
        self.orig_len as usize
    }

    /// Number of segments (for memory accounting in benchmarks).
    pub fn segment_count(&self) -> usize {
        self.segments.len()
    }

    /// The segments as plain numbers, in order.
    pub fn segments(&self) -> impl ExactSizeIterator<Item = SegmentView> + '_ {
        self.segments.iter().map(|s| SegmentView {
            norm_start: s.norm_start,
            orig_start: s.orig_start,
            norm_unit: s.norm_unit.into(),
            orig_unit: s.orig_unit.into(),
        })
    }

    /// Bytes of heap the alignment holds.
    pub fn heap_bytes(&self) -> usize {
        self.segments.capacity() * std::mem::size_of::<Segment>()
    }

    /// The end (exclusive) in the normalized text of segment `i`.
    fn norm_end(&self, i: usize) -> u32 {
        self.segments
            .get(i + 1)
            .map_or(self.norm_len, |s| s.norm_start)
    }

    /// Original offset where the normalized position `pos` begins.
    fn orig_start_of(&self, pos: u32) -> u32 {
        if pos >= self.norm_len {
            return self
                .segments
                .last()
                .map_or(0, |_| self.orig_end_of(self.norm_len));
        }
        // Last segment starting at or before `pos`.
        let i = self.segments.partition_point(|s| s.norm_start <= pos) - 1;
        let s = self.segments[i];
        s.orig_start + (pos - s.norm_start) / u32::from(s.norm_unit) * u32::from(s.orig_unit)
    }

    /// Original offset where the normalized text ending at `pos` ends.
    fn orig_end_of(&self, pos: u32) -> u32 {
        if pos == 0 {
            return self.segments.first().map_or(0, |s| s.orig_start);
        }
        // Segment holding position `pos - 1`.
        let i = self.segments.partition_point(|s| s.norm_start < pos) - 1;
        let s = self.segments[i];
        let units = (pos - s.norm_start).div_ceil(u32::from(s.norm_unit));
        s.orig_start + units * u32::from(s.orig_unit)
    }

    /// The same map counted in code points and in UTF-16 code units.
    /// `normalized` and `original` must be the texts this alignment was made
    /// for. Every offset is converted once, in one forward pass over each
    /// text; the cost is one step per segment, plus one per unit inside
    /// segments that are not 1:1 (digit runs, expansions).
    pub fn to_chars_and_utf16(&self, normalized: &str, original: &str) -> UnitAlignments {
        debug_assert_eq!(normalized.len(), self.norm_len as usize);
        debug_assert_eq!(original.len(), self.orig_len as usize);
        // The byte offsets where some unit starts or ends, on both sides.
        let mut norm_at: Vec<usize> = Vec::with_capacity(self.segments.len() + 1);
        let mut orig_at: Vec<usize> = Vec::with_capacity(self.segments.len() + 1);
        for (i, s) in self.segments.iter().enumerate() {
            let end = self.norm_end(i) as usize;
            let (nu, ou) = (usize::from(s.norm_unit), usize::from(s.orig_unit));
            let (mut n, mut o) = (s.norm_start as usize, s.orig_start as usize);
            if (nu, ou) == (1, 1) {
                norm_at.push(n);
                orig_at.push(o);
                continue;
            }
            while n < end {
                norm_at.push(n);
                orig_at.push(o);
                n += nu;
                o += ou;
            }
            // The end of the last unit (the next segment may not start there).
            norm_at.push(end);
            orig_at.push(o);
        }
        norm_at.push(self.norm_len as usize);
        orig_at.push(self.orig_len as usize);
        let norm_off = OffsetConverter::convert(normalized, &norm_at);
        let orig_off = OffsetConverter::convert(original, &orig_at);
        let mut chars = Vec::new();
        let mut utf16 = Vec::new();
        let mut k = 0;
        for (i, s) in self.segments.iter().enumerate() {
            if (s.norm_unit, s.orig_unit) == (1, 1) {
                // Same characters' widths on both sides: 1:1 in any unit.
                for (out, n, o) in [
                    (&mut chars, norm_off[k].char, orig_off[k].char),
                    (&mut utf16, norm_off[k].utf16, orig_off[k].utf16),
                ] {
                    push_unit(out, n as u32, o as u32, 1, 1);
                }
                k += 1;
                continue;
            }
            let end = self.norm_end(i) as usize;
            while norm_off[k].byte < end {
                let (a, b) = (&norm_off[k], &norm_off[k + 1]);
                let (c, d) = (&orig_off[k], &orig_off[k + 1]);
                push_unit(
                    &mut chars,
                    a.char as u32,
                    c.char as u32,
                    (b.char - a.char) as u32,
                    (d.char - c.char) as u32,
                );
                push_unit(
                    &mut utf16,
                    a.utf16 as u32,
                    c.utf16 as u32,
                    (b.utf16 - a.utf16) as u32,
                    (d.utf16 - c.utf16) as u32,
                );
                k += 1;
            }
            k += 1; // past the end-of-segment offset
        }
        let (n_end, o_end) = (norm_off[k], orig_off[k]);
        UnitAlignments {
            chars: Alignment {
                segments: chars,
                norm_len: n_end.char as u32,
                orig_len: o_end.char as u32,
            },
            utf16: Alignment {
                segments: utf16,
                norm_len: n_end.utf16 as u32,
                orig_len: o_end.utf16 as u32,
            },
        }
    }

    /// Checks the internal invariants; used by tests.
    pub fn check(&self) -> Result<(), String> {
        let mut orig_end = 0;
        for (i, s) in self.segments.iter().enumerate() {
            let len = self
                .norm_end(i)
                .checked_sub(s.norm_start)
                .ok_or("segments out of order")?;
            if len == 0 || s.norm_unit == 0 || len % u32::from(s.norm_unit) != 0 {
                return Err(format!("segment {i} has a partial unit"));
            }
            if s.orig_start < orig_end {
                return Err(format!("segment {i} goes back in the original"));
            }
            orig_end = s.orig_start + len / u32::from(s.norm_unit) * u32::from(s.orig_unit);
        }
        if orig_end > self.orig_len {
            return Err("alignment runs past the original".into());
        }
        Ok(())
    }
}

/// Appends one unit (`norm` → `orig`, with the given widths) to converted
/// segments, extending the last segment when the unit continues it.
fn push_unit(out: &mut Vec<Segment>, norm: u32, orig: u32, n: u32, o: u32) {
    if let Some(last) = out.last() {
        let (lu, lo) = (u32::from(last.norm_unit), u32::from(last.orig_unit));
        let units = (norm - last.norm_start) / lu;
        if (lu, lo) == (n, o)
            && (norm - last.norm_start) % lu == 0
            && last.orig_start + units * lo == orig
        {
            return;
        }
    }
    out.push(Segment {
        norm_start: norm,
        orig_start: orig,
        norm_unit: n as u16,
        orig_unit: o as u16,
    });
}

/// Builds a normalized string and its [`Alignment`] together.
///
/// Every change to the output goes through [`AlignedBuilder::emit`], which
/// records where the emitted text came from; nothing else writes the output.
#[derive(Debug)]
pub(crate) struct AlignedBuilder {
    /// The normalized text so far: whole UTF-8 characters only.
    out: Vec<u8>,
    segments: Vec<Segment>,
    /// Original byte just past the last emitted unit.
    last_orig_end: u32,
    orig_len: u32,
}

impl AlignedBuilder {
    /// A builder for an original text of `orig_len` bytes.
    pub(crate) fn new(orig_len: usize) -> Self {
        assert!(orig_len <= u32::MAX as usize, "text larger than 4 GiB");
        AlignedBuilder {
            out: Vec::with_capacity(orig_len),
            segments: Vec::new(),
            last_orig_end: 0,
            orig_len: orig_len as u32,
        }
    }

    /// Appends `text` as the normalized form of the original bytes
    /// `orig_start..orig_end` (one original character, or one composed
    /// cluster). Original bytes skipped between two calls are the ones that
    /// produced nothing.
    #[inline]
    pub(crate) fn emit(&mut self, orig_start: usize, orig_end: usize, text: &str) {
        let (n_len, o_len) = (text.len() as u32, (orig_end - orig_start) as u32);
        let single_char = text.chars().nth(1).is_none();
        // A one-character replacement of the same byte length keeps offsets
        // linear; anything else is one indivisible unit.
        let unit = if n_len == o_len && single_char {
            (1, 1)
        } else {
            assert!(
                text.len() <= MAX_UNIT && orig_end - orig_start <= MAX_UNIT,
                "normalizer unit larger than {MAX_UNIT} bytes"
            );
            (n_len as u16, o_len as u16)
        };
        self.push(orig_start as u32, o_len, text, unit);
    }

    /// Appends `text`, one character that replaces the original character of
    /// the same UTF-8 length at `orig_start` (`ة` → `ه`): offsets stay 1:1,
    /// so this continues the current segment like [`AlignedBuilder::copy`].
    #[inline]
    pub(crate) fn emit_same_width(&mut self, orig_start: usize, text: &str) {
        self.push(orig_start as u32, text.len() as u32, text, (1, 1));
    }

    /// Appends `text` unchanged: it is the original's own bytes starting at
    /// `orig_start`, so every byte maps to itself.
    #[inline]
    pub(crate) fn copy(&mut self, orig_start: usize, text: &str) {
        self.push(orig_start as u32, text.len() as u32, text, (1, 1));
    }

    /// Appends a stretch that is 1:1 with the original from `orig_start`
    /// on: `fill` appends to the output exactly as many bytes as it consumes
    /// of the original (whole UTF-8 characters: copies, and replacements of
    /// the same width) and returns the original offset where it stopped.
    /// The stretch extends the current segment when it continues it.
    // Inlined always natively (measured: 6 % faster), by choice in wasm (smaller).
    #[cfg_attr(not(target_arch = "wasm32"), inline(always))]
    #[cfg_attr(target_arch = "wasm32", inline)]
    pub(crate) fn append_same_width_run(
        &mut self,
        orig_start: usize,
        fill: impl FnOnce(&mut Vec<u8>) -> usize,
    ) -> usize {
        let norm_start = self.out.len();
        let orig_end = fill(&mut self.out);
        let len = orig_end - orig_start;
        assert_eq!(self.out.len(), norm_start + len, "a 1:1 stretch");
        debug_assert!(std::str::from_utf8(&self.out[norm_start..]).is_ok());
        if len > 0 {
            self.record(orig_start as u32, len as u32, norm_start as u32, (1, 1));
        }
        orig_end
    }

    /// The one place that writes the output and its alignment.
    #[inline]
    fn push(&mut self, o_start: u32, o_len: u32, text: &str, (norm_unit, orig_unit): (u16, u16)) {
        debug_assert!(
            o_start >= self.last_orig_end,
            "emits must move forward in the original"
        );
        if text.is_empty() {
            return;
        }
        let norm_start = self.out.len() as u32;
        self.out.extend_from_slice(text.as_bytes());
        self.record(o_start, o_len, norm_start, (norm_unit, orig_unit));
    }

    /// Records that the output from `norm_start` on came from the original
    /// bytes `o_start..o_start + o_len`, in units of the given widths:
    /// extends the last segment when the units continue it.
    #[inline]
    fn record(
        &mut self,
        o_start: u32,
        o_len: u32,
        norm_start: u32,
        (norm_unit, orig_unit): (u16, u16),
    ) {
        let extend = o_start == self.last_orig_end
            && matches!(self.segments.last(), Some(s) if s.norm_unit == norm_unit && s.orig_unit == orig_unit);
        if !extend {
            self.segments.push(Segment {
                norm_start,
                orig_start: o_start,
                norm_unit,
                orig_unit,
            });
        }
        self.last_orig_end = o_start + o_len;
    }

    /// Finishes: the normalized text and its alignment.
    pub(crate) fn finish(self) -> (String, Alignment) {
        let norm_len = self.out.len() as u32;
        let mut segments = self.segments;
        segments.shrink_to_fit();
        debug_assert!(std::str::from_utf8(&self.out).is_ok());
        // SAFETY: every write to `out` is a `&str` (`push`) or whole UTF-8
        // characters (`append_same_width_run`, whose callers copy ASCII
        // bytes and two-byte characters), so `out` is valid UTF-8.
        let text = unsafe { String::from_utf8_unchecked(self.out) };
        (
            text,
            Alignment {
                segments,
                norm_len,
                orig_len: self.orig_len,
            },
        )
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn copy_delete_and_expand() {
        // original: "aXbﷲc" where X (1 byte) is deleted and ﷲ (3 bytes) expands.
        let orig = "aXb\u{FDF2}c";
        let mut b = AlignedBuilder::new(orig.len());
        b.copy(0, "a");
        b.copy(2, "b");
        b.emit(3, 6, "الله");
        b.copy(6, "c");
        let (out, al) = b.finish();
        assert_eq!(out, "abاللهc");
        al.check().unwrap();
        assert_eq!(al.to_original(Span::new(0, 2)), Span::new(0, 3));
        assert_eq!(al.to_original(Span::new(1, 2)), Span::new(2, 3));
        // Any part of the expansion maps to the whole ligature.
        assert_eq!(al.to_original(Span::new(2, 4)), Span::new(3, 6));
        assert_eq!(al.to_original(Span::new(4, 10)), Span::new(3, 6));
        assert_eq!(al.to_original(Span::new(10, 11)), Span::new(6, 7));
        assert_eq!(al.to_original(Span::new(11, 11)), Span::new(7, 7));
    }

    #[test]
    fn digit_runs_share_one_segment() {
        let orig = "٢٠٢٤";
        let mut b = AlignedBuilder::new(orig.len());
        for (i, c) in orig.char_indices() {
            let d = char::from(b'0' + (c as u32 - 0x660) as u8);
            b.emit(i, i + 2, d.encode_utf8(&mut [0; 4]));
        }
        let (out, al) = b.finish();
        assert_eq!(out, "2024");
        assert_eq!(al.segment_count(), 1);
        assert_eq!(al.to_original(Span::new(1, 3)), Span::new(2, 6));
    }

    #[test]
    fn converts_to_code_points_and_utf16() {
        // "😀" copied (4 bytes, 1 char, 2 UTF-16), "٣" → "3" (1:2 bytes,
        // 1:1 chars), "ﷲ" → "الله" (8:3 bytes, 4:1 chars and UTF-16).
        let orig = "😀٣\u{FDF2}x";
        let mut b = AlignedBuilder::new(orig.len());
        b.copy(0, "😀");
        b.emit(4, 6, "3");
        b.emit(6, 9, "الله");
        b.copy(9, "x");
        let (out, al) = b.finish();
        assert_eq!(out, "😀3اللهx");
        let units = al.to_chars_and_utf16(&out, orig);
        units.utf16.check().unwrap();
        units.chars.check().unwrap();
        assert_eq!(
            (units.utf16.normalized_len(), units.utf16.original_len()),
            (8, 5)
        );
        assert_eq!(
            (units.chars.normalized_len(), units.chars.original_len()),
            (7, 4)
        );
        // "3" in UTF-16 is [2, 3) on both sides.
        assert_eq!(units.utf16.to_original(Span::new(2, 3)), Span::new(2, 3));
        // "لل" (inside the expansion) maps to the whole ligature.
        assert_eq!(units.utf16.to_original(Span::new(4, 6)), Span::new(3, 4));
        assert_eq!(units.chars.to_original(Span::new(3, 5)), Span::new(2, 3));
        assert_eq!(units.utf16.to_original(Span::new(0, 8)), Span::new(0, 5));
    }

    #[test]
    fn segments_are_twelve_bytes() {
        assert_eq!(std::mem::size_of::<Segment>(), 12);
    }
}
