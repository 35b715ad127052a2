//! The encodings the normalizer reads: UTF-8 (`&str`, with alignment) and
//! UTF-16 (JavaScript strings, text only). The main loop of
//! [`Normalizer`](super::Normalizer) is written once, over [`Pass`]; each
//! encoding brings its decoding, its output and its fast path.

use super::alignment::AlignedBuilder;
use super::blocks::BLOCK_UTF16;
use super::{Normalizer, FAST_BASE, FAST_MARKISH, FAST_SAME_WIDTH, FAST_SLOW};

/// One normalization of one input text: what the main loop needs from the
/// encoding. Positions are code units of the input (bytes for UTF-8).
pub(super) trait Pass {
    /// Length of the input in code units.
    fn len(&self) -> usize;
    /// The code unit at `i` (in bounds).
    fn unit(&self, i: usize) -> u32;
    /// The character starting at `i` (in bounds, a character boundary), its
    /// width in code units, and whether the input holds exactly it (false
    /// for a lone surrogate of UTF-16, read as U+FFFD).
    fn char_at(&self, i: usize) -> (char, usize, bool);
    /// From `start`, copies to the output what the fast path takes (see
    /// [`Normalizer::fast_scan`]); returns where the main loop takes over and
    /// whether the output then ends in a folded space.
    fn fast_path(&mut self, n: &Normalizer, start: usize, last_space: bool) -> (usize, bool);
    /// Appends the input `start..end` unchanged.
    fn copy(&mut self, start: usize, end: usize);
    /// Appends `text` as the normalized form of the input `start..end`.
    fn emit(&mut self, start: usize, end: usize, text: &str);
    /// Appends `text`, one character replacing the one at `start`, of the
    /// same width in this encoding.
    fn emit_same_width(&mut self, start: usize, text: &str);
}

/// UTF-8 input, normalized with its alignment.
pub(super) struct Utf8Pass<'a> {
    pub(super) text: &'a str,
    pub(super) out: AlignedBuilder,
    /// Scratch space of the fast path: letters to patch.
    pub(super) patches: Vec<usize>,
}

impl Pass for Utf8Pass<'_> {
    #[inline]
    fn len(&self) -> usize {
        self.text.len()
    }

    #[inline]
    fn unit(&self, i: usize) -> u32 {
        u32::from(self.text.as_bytes()[i])
    }

    // Inlined always natively (measured: 6 % faster), by choice in wasm (smaller).
    #[cfg_attr(not(target_arch = "wasm32"), inline(always))]
    #[cfg_attr(target_arch = "wasm32", inline)]
    fn char_at(&self, i: usize) -> (char, usize, bool) {
        let bytes = self.text.as_bytes();
        let lead = bytes[i];
        let c = if lead & 0xE0 == 0xC0 {
            // Two-byte sequence (Arabic, Latin-1...): decode inline (valid
            // UTF-8: the second byte exists).
            let cp = (u32::from(lead & 0x1F) << 6) | u32::from(bytes[i + 1] & 0x3F);
            char::from_u32(cp).expect("valid UTF-8")
        } else {
            self.text[i..].chars().next().expect("in bounds")
        };
        (c, c.len_utf8(), true)
    }

    // Inlined always natively (measured: 6 % faster), by choice in wasm (smaller).
    #[cfg_attr(not(target_arch = "wasm32"), inline(always))]
    #[cfg_attr(target_arch = "wasm32", inline)]
    fn fast_path(&mut self, n: &Normalizer, start: usize, last_space: bool) -> (usize, bool) {
        let bytes = self.text.as_bytes();
        let patches = &mut self.patches;
        patches.clear();
        let (end, space) = n.fast_scan(bytes, start, last_space, patches);
        if end > start {
            self.out.append_same_width_run(start, |out| {
                let at = out.len();
                out.extend_from_slice(&bytes[start..end]);
                // A replaced base left to the main loop is not patched.
                for &p in patches.iter().filter(|&&p| p < end) {
                    let k = (usize::from(bytes[p] & 0x03) << 6) | usize::from(bytes[p + 1] & 0x3F);
                    let o = at + (p - start);
                    out[o..o + 2].copy_from_slice(&n.arabic_same_width[k]);
                }
                end
            });
        }
        (end, space)
    }

    // Inlined always natively (measured: 6 % faster), by choice in wasm (smaller).
    #[cfg_attr(not(target_arch = "wasm32"), inline(always))]
    #[cfg_attr(target_arch = "wasm32", inline)]
    fn copy(&mut self, start: usize, end: usize) {
        if start < end {
            self.out.copy(start, &self.text[start..end]);
        }
    }

    #[inline]
    fn emit(&mut self, start: usize, end: usize, text: &str) {
        self.out.emit(start, end, text);
    }

    #[inline]
    fn emit_same_width(&mut self, start: usize, text: &str) {
        self.out.emit_same_width(start, text);
    }
}

/// UTF-16 input, normalized to UTF-16 text without alignment.
pub(super) struct Utf16Pass<'a> {
    pub(super) input: &'a [u16],
    pub(super) out: &'a mut Vec<u16>,
    /// Scratch space of the fast path: letters to patch.
    pub(super) patches: Vec<usize>,
}

impl Pass for Utf16Pass<'_> {
    #[inline]
    fn len(&self) -> usize {
        self.input.len()
    }

    #[inline]
    fn unit(&self, i: usize) -> u32 {
        u32::from(self.input[i])
    }

    #[inline]
    fn char_at(&self, i: usize) -> (char, usize, bool) {
        let u = self.input[i];
        if !(0xD800..0xE000).contains(&u) {
            return (
                char::from_u32(u32::from(u)).expect("not a surrogate"),
                1,
                true,
            );
        }
        match self.input.get(i + 1) {
            Some(&low) if u < 0xDC00 && (0xDC00..0xE000).contains(&low) => {
                let cp = 0x1_0000 + ((u32::from(u) - 0xD800) << 10) + (u32::from(low) - 0xDC00);
                (char::from_u32(cp).expect("a surrogate pair"), 2, true)
            }
            _ => (char::REPLACEMENT_CHARACTER, 1, false),
        }
    }

    // Inlined always natively (measured: 6 % faster), by choice in wasm (smaller).
    #[cfg_attr(not(target_arch = "wasm32"), inline(always))]
    #[cfg_attr(target_arch = "wasm32", inline)]
    fn fast_path(&mut self, n: &Normalizer, start: usize, last_space: bool) -> (usize, bool) {
        let input = self.input;
        let patches = &mut self.patches;
        patches.clear();
        let (end, space) = n.fast_scan_utf16(input, start, last_space, patches);
        if end > start {
            let at = self.out.len();
            self.out.extend_from_slice(&input[start..end]);
            // A replaced base left to the main loop is not patched.
            for &p in patches.iter().filter(|&&p| p < end) {
                self.out[at + (p - start)] = n.arabic_same_width16[usize::from(input[p] & 0xFF)];
            }
        }
        (end, space)
    }

    // Inlined always natively (measured: 6 % faster), by choice in wasm (smaller).
    #[cfg_attr(not(target_arch = "wasm32"), inline(always))]
    #[cfg_attr(target_arch = "wasm32", inline)]
    fn copy(&mut self, start: usize, end: usize) {
        self.out.extend_from_slice(&self.input[start..end]);
    }

    #[inline]
    fn emit(&mut self, _start: usize, _end: usize, text: &str) {
        self.out.extend(text.encode_utf16());
    }

    #[inline]
    fn emit_same_width(&mut self, _start: usize, text: &str) {
        self.out.extend(text.encode_utf16());
    }
}

impl Normalizer {
    /// The fast path over UTF-16 input, the twin of
    /// [`Normalizer::fast_scan`] (same state): from `start`, skips ASCII
    /// other than whitespace, single spaces and line feeds, and the
    /// characters of U+0600–U+06FF that the table keeps or replaces by one
    /// code unit (`arabic_fast16`: more than in UTF-8, such as `،` → `,`),
    /// pushing onto `patches` the positions of the latter. Returns where it stopped and whether the output then ends
    /// in a folded space.
    #[cfg_attr(target_arch = "x86_64", inline(never))]
    pub(super) fn fast_scan_utf16(
        &self,
        units: &[u16],
        start: usize,
        last_space: bool,
        patches: &mut Vec<usize>,
    ) -> (usize, bool) {
        let fold_ws = self.options.whitespace;
        let classes = &self.arabic_fast16;
        let mut i = start;
        let mut space = last_space;
        // The character before `i` was skipped and is a composition base;
        // `space_before_base`: the output before it ended in a space.
        let (mut prev_base, mut space_before_base) = (false, false);
        while i < units.len() {
            if i > start && i + BLOCK_UTF16 <= units.len() {
                let from = i;
                i = self.skip_blocks_utf16(units, i, patches);
                if i > from {
                    // The state after the last character passed (ASCII, or
                    // of U+0600–U+067F). `i - 2` is at or after `start`.
                    let last = units[i - 1];
                    space = fold_ws & (last == u16::from(b' '));
                    prev_base =
                        (last >= 0x80) & (classes[usize::from(last & 0xFF)] & FAST_BASE != 0);
                    space_before_base = prev_base & fold_ws & (units[i - 2] == u16::from(b' '));
                }
            }
            if i >= units.len() {
                break;
            }
            let u = units[i];
            if u < 0x80 {
                if fold_ws && u <= u16::from(b' ') {
                    // A space that starts a run is kept as it is, and so is
                    // a line feed; the rest of a run of spaces, and other
                    // whitespace, go to the main loop.
                    if u == u16::from(b'\n') {
                        space = false;
                    } else if u != u16::from(b' ') || space {
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
            if u & 0xFF00 != 0x0600 {
                break;
            }
            let class = classes[usize::from(u & 0xFF)];
            if prev_base && class & FAST_MARKISH != 0 {
                break; // the base before may compose: back up to it, below
            }
            if class & FAST_SLOW != 0 {
                // Replaced letter for letter, unless it may compose.
                if class & FAST_SAME_WIDTH == 0
                    || (class & FAST_BASE != 0 && !self.cannot_compose_at_utf16(units, i + 1))
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
            i += 1;
        }
        if prev_base {
            // Leave the base to the main loop: what follows may compose with it.
            (i - 1, space_before_base)
        } else {
            (i, space)
        }
    }

    /// The block filter's part of [`Normalizer::fast_scan_utf16`]: from
    /// `i`, skips 64 units at a time while the filter passes them all, then
    /// up to the first unit it does not pass. Pushes onto `patches` the
    /// letters to replace. Returns where it stopped.
    #[inline]
    fn skip_blocks_utf16(&self, units: &[u16], mut i: usize, patches: &mut Vec<usize>) -> usize {
        while i + BLOCK_UTF16 <= units.len() {
            let m = self.blocks16.scan_utf16(units, i);
            // A surrogate never passes: `passed` ends on a character boundary.
            let passed = m.pass.trailing_ones() as usize;
            let below = 1u64.checked_shl(passed as u32).unwrap_or(0).wrapping_sub(1);
            let mut replace = m.replace & below;
            while replace != 0 {
                patches.push(i + replace.trailing_zeros() as usize);
                replace &= replace - 1;
            }
            i += passed;
            if passed < BLOCK_UTF16 {
                break;
            }
        }
        i
    }

    /// [`Normalizer::cannot_compose_at`] for UTF-16 input.
    #[inline]
    fn cannot_compose_at_utf16(&self, units: &[u16], j: usize) -> bool {
        match units.get(j) {
            None => true,
            Some(&u) if u < 0x80 => true,
            Some(&u) if u & 0xFF00 == 0x0600 => {
                self.arabic_fast16[usize::from(u & 0xFF)] & FAST_MARKISH == 0
            }
            Some(_) => false,
        }
    }
}
