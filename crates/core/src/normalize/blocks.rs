//! The 64-byte block filter of the normalizer's fast path.
//!
//! The fast path (see [`super::Normalizer`]) decides one character at a time
//! whether it can copy it. This filter decides it for 64 bytes at once with
//! SIMD: a byte passes when it is ASCII that the fast path copies, a lead
//! byte 0xD8/0xD9, or the second byte of a character of U+0600–U+067F that
//! the normalizer's table keeps or replaces by one of the same width (the
//! latter reported apart, so that the caller can patch them). The whole
//! class table is taken, not a few ranges of it: a continuation byte is
//! looked up by its low nibble in a 16-byte table whose bits say which
//! (lead byte, high nibble) pairs pass, a byte shuffle (`pshufb`, wasm
//! `i8x16.swizzle`). A byte that fails only sends its character to the
//! per-character loop, so the output is the same as without the filter.
//!
//! Targets: x86-64 with SSSE3 (detected at run time; SSE2 alone has no byte
//! shuffle, and there the loop does it all) and wasm with `simd128` (the
//! wasm build enables it). Elsewhere the filter passes nothing.

use super::{FAST_MARKISH, FAST_SAME_WIDTH, FAST_SLOW};

/// Bytes tested per call of [`BlockFilter::scan`].
pub(super) const BLOCK: usize = 64;

/// The filter compiled for one normalizer.
#[derive(Debug, Clone)]
#[cfg_attr(
    not(any(
        target_arch = "x86_64",
        all(target_arch = "wasm32", target_feature = "simd128")
    )),
    allow(dead_code)
)]
pub(super) struct BlockFilter {
    /// Fold whitespace: only single spaces and line feeds pass.
    fold_ws: bool,
    /// Per low nibble of a continuation byte, bit `4 * (lead - 0xD8) +
    /// (high nibble - 8)` set when that character passes (kept or replaced).
    lo_pass: [u8; 16],
    /// The same for the characters replaced by one of the same width.
    lo_replace: [u8; 16],
    /// The CPU has what the filter needs (SSSE3 on x86-64).
    available: bool,
}

/// What [`BlockFilter::scan`] found in 64 bytes: bit `t` is byte `t`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) struct BlockMasks {
    /// Bytes that pass.
    pub(super) pass: u64,
    /// Second bytes of characters to replace (they pass too).
    pub(super) replace: u64,
}

/// Per high nibble of a byte: the bits of [`BlockFilter::lo_pass`] it may
/// select, one per lead byte (only continuation bytes 0x80–0xBF select any).
const HI_BITS: [u8; 16] = [0, 0, 0, 0, 0, 0, 0, 0, 0x11, 0x22, 0x44, 0x88, 0, 0, 0, 0];

/// Whether the fast path copies the character of class `class` (a `FAST_*`
/// set): `(passes, replaced)`. Kept characters pass, and so do characters
/// replaced by one of the same width that are neither marks nor
/// transparent. A replaced base (`أ` → `ا`) passes: the caller checks what
/// follows the last character passed.
pub(super) fn passes(class: u8) -> (bool, bool) {
    let kept = class & (FAST_SLOW | FAST_MARKISH) == 0;
    let replaced =
        class & (FAST_SLOW | FAST_SAME_WIDTH | FAST_MARKISH) == FAST_SLOW | FAST_SAME_WIDTH;
    (kept || replaced, replaced)
}

impl BlockFilter {
    /// Compiles the filter from the fast path's classes of U+0600–U+06FF
    /// (`FAST_*` bits).
    pub(super) fn new(classes: &[u8; 256], fold_ws: bool) -> Self {
        let mut lo_pass = [0; 16];
        let mut lo_replace = [0; 16];
        for lead in 0..2 {
            for cont in 0..64 {
                let (pass, replaced) = passes(classes[(lead << 6) | cont]);
                let bit = 1 << (4 * lead + (cont >> 4));
                if pass {
                    lo_pass[cont & 0xF] |= bit;
                }
                if replaced {
                    lo_replace[cont & 0xF] |= bit;
                }
            }
        }
        BlockFilter {
            fold_ws,
            lo_pass,
            lo_replace,
            available: Self::detect(),
        }
    }

    #[cfg(target_arch = "x86_64")]
    fn detect() -> bool {
        std::arch::is_x86_feature_detected!("ssse3")
    }

    #[cfg(not(target_arch = "x86_64"))]
    fn detect() -> bool {
        cfg!(all(target_arch = "wasm32", target_feature = "simd128"))
    }

    /// The filter runs here; when false, [`BlockFilter::scan`] passes nothing.
    #[inline]
    pub(super) fn enabled(&self) -> bool {
        self.available
    }

    /// Tests `bytes[i..i + 64]`; `bytes[i - 1]` must exist and have been
    /// copied by the fast path, and `i` must be a character boundary.
    #[inline]
    pub(super) fn scan(&self, bytes: &[u8], i: usize) -> BlockMasks {
        let block: &[u8; BLOCK + 1] = bytes[i - 1..i + BLOCK].try_into().expect("65 bytes");
        self.scan_block(block)
    }

    #[cfg(target_arch = "x86_64")]
    #[inline]
    fn scan_block(&self, block: &[u8; BLOCK + 1]) -> BlockMasks {
        if !self.available {
            return BlockMasks {
                pass: 0,
                replace: 0,
            };
        }
        // SAFETY: SSSE3 was detected at run time (`available`).
        unsafe { x86::scan(self, block) }
    }

    #[cfg(all(target_arch = "wasm32", target_feature = "simd128"))]
    #[inline]
    fn scan_block(&self, block: &[u8; BLOCK + 1]) -> BlockMasks {
        wasm::scan(self, block)
    }

    #[cfg(not(any(
        target_arch = "x86_64",
        all(target_arch = "wasm32", target_feature = "simd128")
    )))]
    #[inline]
    fn scan_block(&self, _block: &[u8; BLOCK + 1]) -> BlockMasks {
        BlockMasks {
            pass: 0,
            replace: 0,
        }
    }
}

/// Per value 0–7 of bits 4–6 of a code unit, the bit of
/// [`BlockFilter::lo_pass`] it selects (U+0600–U+067F: bit `(u >> 4) & 7`).
const UNIT_BITS: [u8; 16] = [1, 2, 4, 8, 16, 32, 64, 128, 0, 0, 0, 0, 0, 0, 0, 0];

/// Code units tested per call of [`BlockFilter::scan_utf16`].
pub(super) const BLOCK_UTF16: usize = 64;

impl BlockFilter {
    /// The filter for UTF-16 input: tests `units[i..i + 64]` (bit `t` of
    /// the masks: unit `i + t`), passing the same characters as
    /// [`BlockFilter::scan`] (ASCII as there, U+0600–U+067F by the same
    /// table). `units[i - 1]` must exist and have been copied by the fast
    /// path. In wasm with `simd128`, 16 units per step; elsewhere the same
    /// test one unit at a time (it runs in the native tests).
    #[inline]
    pub(super) fn scan_utf16(&self, units: &[u16], i: usize) -> BlockMasks {
        let block: &[u16; BLOCK_UTF16] = units[i..i + BLOCK_UTF16].try_into().expect("64 units");
        let (ascii, spaces, arabic, replace) = self.classify_utf16(block);
        let pass = if self.fold_ws {
            // A space passes unless a space is before it.
            let after_space = (spaces << 1) | u64::from(units[i - 1] == u16::from(b' '));
            ascii | (spaces & !after_space)
        } else {
            ascii
        } | arabic;
        BlockMasks { pass, replace }
    }

    /// Masks of `block` for [`BlockFilter::scan_utf16`]: ASCII that passes
    /// (without whitespace folding, all of it; with it, printable ASCII and
    /// line feeds), spaces, U+0600–U+067F that passes, and those replaced.
    #[cfg(not(all(target_arch = "wasm32", target_feature = "simd128")))]
    fn classify_utf16(&self, block: &[u16; BLOCK_UTF16]) -> (u64, u64, u64, u64) {
        let (mut ascii, mut spaces, mut arabic, mut replace) = (0, 0, 0, 0);
        for (t, &u) in block.iter().enumerate() {
            let bit = 1u64 << t;
            if u < 0x80 {
                if !self.fold_ws || u > u16::from(b' ') || u == u16::from(b'\n') {
                    ascii |= bit;
                }
                if u == u16::from(b' ') {
                    spaces |= bit;
                }
            } else if u & 0xFF80 == 0x0600 {
                let select = UNIT_BITS[usize::from((u >> 4) & 7)];
                let lo = usize::from(u & 0xF);
                if self.lo_pass[lo] & select != 0 {
                    arabic |= bit;
                }
                if self.lo_replace[lo] & select != 0 {
                    replace |= bit;
                }
            }
        }
        (ascii, spaces, arabic, replace)
    }

    #[cfg(all(target_arch = "wasm32", target_feature = "simd128"))]
    #[inline]
    fn classify_utf16(&self, block: &[u16; BLOCK_UTF16]) -> (u64, u64, u64, u64) {
        wasm::classify_utf16(self, block)
    }
}

#[cfg(target_arch = "x86_64")]
mod x86 {
    use super::{BlockFilter, BlockMasks, BLOCK, HI_BITS};
    use std::arch::x86_64::*;

    /// The filter with SSSE3: four 16-byte steps.
    #[target_feature(enable = "ssse3")]
    pub(super) fn scan(f: &BlockFilter, block: &[u8; BLOCK + 1]) -> BlockMasks {
        // SAFETY: every load reads 16 bytes inside `block` (offsets up to
        // 48 + 1 of 65 bytes), unaligned loads.
        let load = |at: usize| unsafe { _mm_loadu_si128(block.as_ptr().add(at).cast()) };
        let splat = |b: u8| _mm_set1_epi8(b as i8);
        let lo_pass = unsafe { _mm_loadu_si128(f.lo_pass.as_ptr().cast()) };
        let lo_replace = unsafe { _mm_loadu_si128(f.lo_replace.as_ptr().cast()) };
        let hi_bits = unsafe { _mm_loadu_si128(HI_BITS.as_ptr().cast()) };
        let (mut pass, mut replace) = (0u64, 0u64);
        for step in 0..BLOCK / 16 {
            let prev = load(16 * step);
            let cur = load(16 * step + 1);
            let ascii = if f.fold_ws {
                // Printable ASCII, a line feed, or a space after no space.
                let printable = _mm_cmpgt_epi8(cur, splat(b' '));
                let line_feed = _mm_cmpeq_epi8(cur, splat(b'\n'));
                let space = _mm_cmpeq_epi8(cur, splat(b' '));
                let after_space = _mm_cmpeq_epi8(prev, splat(b' '));
                _mm_or_si128(
                    _mm_or_si128(printable, line_feed),
                    _mm_andnot_si128(after_space, space),
                )
            } else {
                _mm_cmpgt_epi8(cur, splat(0xFF)) // 0x00–0x7F: signed > -1
            };
            let after_d8 = _mm_cmpeq_epi8(prev, splat(0xD8));
            let after_d9 = _mm_cmpeq_epi8(prev, splat(0xD9));
            let lead = _mm_or_si128(
                _mm_cmpeq_epi8(cur, splat(0xD8)),
                _mm_cmpeq_epi8(cur, splat(0xD9)),
            );
            // The bits this byte selects, given its high nibble and the lead before it.
            let lead_bits = _mm_or_si128(
                _mm_and_si128(after_d8, splat(0x0F)),
                _mm_and_si128(after_d9, splat(0xF0)),
            );
            let hi = _mm_and_si128(_mm_srli_epi16(cur, 4), splat(0x0F));
            let select = _mm_and_si128(_mm_shuffle_epi8(hi_bits, hi), lead_bits);
            let lo = _mm_and_si128(cur, splat(0x0F));
            let zero = _mm_setzero_si128();
            let fails = _mm_cmpeq_epi8(_mm_and_si128(_mm_shuffle_epi8(lo_pass, lo), select), zero);
            let kept_ok = _mm_andnot_si128(fails, _mm_set1_epi8(-1));
            let replaced = _mm_cmpeq_epi8(
                _mm_and_si128(_mm_shuffle_epi8(lo_replace, lo), select),
                zero,
            );
            let ok = _mm_or_si128(_mm_or_si128(ascii, lead), kept_ok);
            let p = _mm_movemask_epi8(ok) as u16;
            let r = !(_mm_movemask_epi8(replaced) as u16);
            pass |= u64::from(p) << (16 * step);
            replace |= u64::from(r) << (16 * step);
        }
        BlockMasks { pass, replace }
    }
}

#[cfg(all(target_arch = "wasm32", target_feature = "simd128"))]
mod wasm {
    use super::{BlockFilter, BlockMasks, BLOCK, BLOCK_UTF16, HI_BITS, UNIT_BITS};
    use std::arch::wasm32::*;

    /// [`BlockFilter::classify_utf16`] in wasm SIMD: 16 units per step,
    /// their low and high bytes gathered into two vectors.
    #[inline]
    pub(super) fn classify_utf16(
        f: &BlockFilter,
        block: &[u16; BLOCK_UTF16],
    ) -> (u64, u64, u64, u64) {
        // SAFETY: every load reads 16 bytes (8 units) inside `block`;
        // v128_load has no alignment requirement.
        let load = |at: usize| unsafe { v128_load(block.as_ptr().add(at).cast()) };
        let table = |t: &[u8; 16]| unsafe { v128_load(t.as_ptr().cast()) };
        let (lo_pass, lo_replace, unit_bits) =
            (table(&f.lo_pass), table(&f.lo_replace), table(&UNIT_BITS));
        let (mut ascii, mut spaces, mut arabic, mut replace) = (0u64, 0u64, 0u64, 0u64);
        for step in 0..BLOCK_UTF16 / 16 {
            let (a, b) = (load(16 * step), load(16 * step + 8));
            let lo =
                i8x16_shuffle::<0, 2, 4, 6, 8, 10, 12, 14, 16, 18, 20, 22, 24, 26, 28, 30>(a, b);
            let hi =
                i8x16_shuffle::<1, 3, 5, 7, 9, 11, 13, 15, 17, 19, 21, 23, 25, 27, 29, 31>(a, b);
            let below_80 = i8x16_gt(lo, i8x16_splat(-1));
            let hi_zero = u8x16_eq(hi, u8x16_splat(0));
            let ascii_ok = if f.fold_ws {
                v128_or(
                    i8x16_gt(lo, i8x16_splat(b' ' as i8)),
                    u8x16_eq(lo, u8x16_splat(b'\n')),
                )
            } else {
                below_80
            };
            let space = v128_and(hi_zero, u8x16_eq(lo, u8x16_splat(b' ')));
            let in_block = v128_and(u8x16_eq(hi, u8x16_splat(0x06)), below_80);
            // Bits 4–6 of the unit pick a bit (indices past 15 give 0).
            let select = v128_and(i8x16_swizzle(unit_bits, u8x16_shr(lo, 4)), in_block);
            let nibble = v128_and(lo, u8x16_splat(0x0F));
            let passes = v128_and(i8x16_swizzle(lo_pass, nibble), select);
            let replaced = v128_and(i8x16_swizzle(lo_replace, nibble), select);
            let zero = u8x16_splat(0);
            let shift = 16 * step;
            ascii |= u64::from(u8x16_bitmask(v128_and(hi_zero, ascii_ok))) << shift;
            spaces |= u64::from(u8x16_bitmask(space)) << shift;
            arabic |= u64::from(u8x16_bitmask(v128_not(u8x16_eq(passes, zero)))) << shift;
            replace |= u64::from(u8x16_bitmask(v128_not(u8x16_eq(replaced, zero)))) << shift;
        }
        (ascii, spaces, arabic, replace)
    }

    /// The filter in wasm SIMD: four 16-byte steps.
    #[inline]
    pub(super) fn scan(f: &BlockFilter, block: &[u8; BLOCK + 1]) -> BlockMasks {
        // SAFETY: every load reads 16 bytes inside `block` (offsets up to
        // 48 + 1 of 65 bytes); v128_load has no alignment requirement.
        let load = |at: usize| unsafe { v128_load(block.as_ptr().add(at).cast()) };
        let table = |t: &[u8; 16]| unsafe { v128_load(t.as_ptr().cast()) };
        let (lo_pass, lo_replace, hi_bits) =
            (table(&f.lo_pass), table(&f.lo_replace), table(&HI_BITS));
        let (mut pass, mut replace) = (0u64, 0u64);
        for step in 0..BLOCK / 16 {
            let prev = load(16 * step);
            let cur = load(16 * step + 1);
            let ascii = if f.fold_ws {
                let printable = i8x16_gt(cur, i8x16_splat(b' ' as i8));
                let line_feed = u8x16_eq(cur, u8x16_splat(b'\n'));
                let space = u8x16_eq(cur, u8x16_splat(b' '));
                let after_space = u8x16_eq(prev, u8x16_splat(b' '));
                v128_or(
                    v128_or(printable, line_feed),
                    v128_andnot(space, after_space),
                )
            } else {
                i8x16_gt(cur, i8x16_splat(-1))
            };
            let after_d8 = u8x16_eq(prev, u8x16_splat(0xD8));
            let after_d9 = u8x16_eq(prev, u8x16_splat(0xD9));
            let lead = v128_or(
                u8x16_eq(cur, u8x16_splat(0xD8)),
                u8x16_eq(cur, u8x16_splat(0xD9)),
            );
            let lead_bits = v128_or(
                v128_and(after_d8, u8x16_splat(0x0F)),
                v128_and(after_d9, u8x16_splat(0xF0)),
            );
            // Indices below 16 (swizzle gives 0 for larger ones, unlike pshufb
            // which looks at bit 7 only: both are masked here).
            let select = v128_and(i8x16_swizzle(hi_bits, u8x16_shr(cur, 4)), lead_bits);
            let lo = v128_and(cur, u8x16_splat(0x0F));
            let kept_ok = v128_any_true_lanes(v128_and(i8x16_swizzle(lo_pass, lo), select));
            let replaced = v128_any_true_lanes(v128_and(i8x16_swizzle(lo_replace, lo), select));
            let ok = v128_or(v128_or(ascii, lead), kept_ok);
            pass |= u64::from(u8x16_bitmask(ok)) << (16 * step);
            replace |= u64::from(u8x16_bitmask(replaced)) << (16 * step);
        }
        BlockMasks { pass, replace }
    }

    /// 0xFF in every lane that is not zero.
    #[inline]
    fn v128_any_true_lanes(v: v128) -> v128 {
        v128_not(u8x16_eq(v, u8x16_splat(0)))
    }
}

#[cfg(test)]
mod tests {
    use super::super::{Normalizer, Preset};
    use super::{passes, BLOCK, BLOCK_UTF16};

    /// `text` padded with `x` to 65 bytes, scanned from byte 1.
    fn scan(n: &Normalizer, text: &str) -> super::BlockMasks {
        let mut bytes = text.as_bytes().to_vec();
        bytes.resize(BLOCK + 1, b'x');
        n.blocks.scan(&bytes, 1)
    }

    #[test]
    fn passes_letters_and_reports_replacements() {
        let n = Normalizer::new(Preset::Search.options());
        if !n.blocks.enabled() {
            return; // no SIMD filter on this CPU: nothing passes
        }
        // Byte t + 1 of the text is bit t; "ة" is bytes 14-15.
        let m = scan(&n, " كب مدرسة جديدة");
        assert_eq!((m.pass, m.replace & 0xFFFF), (u64::MAX, 1 << 14));
        // A second space, a haraka and a digit do not pass.
        for (text, passed) in [
            (" كب  مدرسة جديدة", 5),
            (" كَب مدرسة جديدة", 3),
            (" كب ٣ مدرسة جديدة", 6),
        ] {
            assert_eq!(scan(&n, text).pass.trailing_ones(), passed, "{text}");
        }
    }

    #[test]
    fn passes_exactly_what_the_loop_copies() {
        for preset in Preset::ALL {
            let n = Normalizer::new(preset.options());
            if !n.blocks.enabled() {
                return;
            }
            for k in 0..128 {
                let c = char::from_u32(0x600 + k as u32).unwrap();
                let (pass, replaced) = passes(n.arabic_fast[k]);
                // The character sits at bytes 1-2 of the block, bits 0-1.
                let m = scan(&n, &format!("x{c}"));
                assert_eq!(m.pass & 3 == 3, pass, "{c:?} {}", preset.name());
                assert_eq!(m.replace & 3 == 2, replaced, "{c:?} {}", preset.name());
            }
        }
    }

    #[test]
    fn utf16_filter_passes_exactly_what_the_loop_copies() {
        for preset in Preset::ALL {
            let n = Normalizer::new(preset.options());
            for k in 0..128 {
                let c = char::from_u32(0x600 + k as u32).unwrap();
                let (pass, replaced) = passes(n.arabic_fast16[k]);
                // The character is unit 1, bit 0.
                let mut units = vec![u16::from(b'x'); BLOCK_UTF16 + 1];
                units[1] = c as u16;
                let m = n.blocks16.scan_utf16(&units, 1);
                assert_eq!(m.pass & 1 == 1, pass, "{c:?} {}", preset.name());
                assert_eq!(m.replace & 1 == 1, replaced, "{c:?} {}", preset.name());
            }
            // A whole block of text passes; `ة` is reported, and so is a
            // second space under whitespace folding.
            let text: Vec<u16> = "مدرسة كبيرة ".repeat(6).encode_utf16().collect();
            let m = n.blocks16.scan_utf16(&text, 1);
            if preset == Preset::Search {
                assert_eq!(m.pass, u64::MAX);
                assert_eq!(m.replace.count_ones(), 11);
            }
            let two_spaces: Vec<u16> = "x  ".repeat(30).encode_utf16().collect();
            let m = n.blocks16.scan_utf16(&two_spaces, 1);
            assert_eq!(
                m.pass.trailing_ones(),
                if preset == Preset::None { 64 } else { 1 }
            );
        }
    }
}
