//! The hasher of the recognizers' word tables (FNV-1a), in one place.
//!
//! The tables are looked up several times per token; SipHash (the standard
//! library's default) spends more time on a ten-byte Arabic word than FNV.
//! Tried (2026-11-23): a multiply-per-eight-bytes hasher (rustc-hash style)
//! made the whole analysis 4 % slower: its low bits spread worse, and the
//! date lexicon's 16,384-slot ending filter ([`crate::recognize::date_words`])
//! then let more words through. Not resistant to chosen collisions: the keys
//! are the crate's own tables; the text only looks them up.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};

/// 64-bit FNV-1a.
#[derive(Default, Clone, Copy)]
pub struct WordHasher(u64);

impl Hasher for WordHasher {
    #[inline]
    fn finish(&self) -> u64 {
        self.0
    }

    #[inline]
    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        for &b in bytes {
            h ^= b as u64;
            h = h.wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = h;
    }
}

/// A hash map with the [`WordHasher`].
pub type WordHashMap<K, V> = HashMap<K, V, BuildHasherDefault<WordHasher>>;

/// A set of words that answers "not in it" for most other words after
/// reading their length and their first and last eight bytes, without
/// hashing every byte: a filter in front of a [`WordHashMap`] asked about
/// many words it does not hold. One bit per fingerprint; `may_contain` is
/// true for every word given to [`WordFilter::new`] (and for a few others).
#[derive(Debug, Clone)]
pub struct WordFilter {
    /// The bits, `1 << bits_log2` of them.
    bits: Vec<u64>,
    /// `64 - bits_log2`: the fingerprint's high bits index the bits.
    shift: u32,
}

impl WordFilter {
    /// A filter of `words`, with about 32 bits per word (3 % of other
    /// words pass).
    pub fn new<'w>(words: impl ExactSizeIterator<Item = &'w str>) -> Self {
        let bits_log2 = (words.len().max(64) * 32)
            .next_power_of_two()
            .trailing_zeros();
        let mut filter = WordFilter {
            bits: vec![0; 1 << (bits_log2 - 6)],
            shift: 64 - bits_log2,
        };
        for w in words {
            let k = filter.index(w);
            filter.bits[k >> 6] |= 1 << (k & 63);
        }
        filter
    }

    /// False when `word` is surely not one of the filter's words.
    #[inline]
    pub fn may_contain(&self, word: &str) -> bool {
        let k = self.index(word);
        self.bits[k >> 6] & 1 << (k & 63) != 0
    }

    /// The bit of `word`: the high bits of its fingerprint.
    #[inline]
    fn index(&self, word: &str) -> usize {
        (fingerprint(word.as_bytes()) >> self.shift) as usize
    }
}

/// A 64-bit fingerprint of a word's length and first and last eight bytes
/// (all of a word of up to 16 bytes, most Arabic words; all its bytes when
/// it has fewer than eight).
#[inline]
fn fingerprint(b: &[u8]) -> u64 {
    const K: u64 = 0x9E37_79B9_7F4A_7C15;
    let n = b.len();
    let (head, tail) = if n >= 8 {
        let head = u64::from_le_bytes(b[..8].try_into().expect("eight bytes"));
        let tail = u64::from_le_bytes(b[n - 8..].try_into().expect("eight bytes"));
        (head, tail)
    } else {
        let small = b.iter().rev().fold(0u64, |acc, &x| acc << 8 | u64::from(x));
        (small, 0)
    };
    let x = (head ^ (n as u64).wrapping_mul(K)).wrapping_mul(K);
    let x = (x.rotate_left(31) ^ tail).wrapping_mul(K);
    (x ^ x >> 29).wrapping_mul(K)
}

/// Gives each distinct word of a text a small id (0, 1, 2 ... in order of
/// first appearance), so that tables asked about every token are asked once
/// per distinct word. It runs once per token of every analysis, so it is an
/// open-addressing table of 8-byte slots (a hash tag and an id: 1 MB for
/// 60,000 words, where 24-byte slots holding the words took 3 MB and a cache
/// miss per rare word), and the first 16 bytes of each word are kept by id,
/// where the frequent words (seen first) sit together.
pub struct WordInterner<'a> {
    /// The distinct words, by id.
    words: Vec<&'a str>,
    /// Per id, the word's first 16 bytes, zero-padded, and its length.
    heads: Vec<WordHead>,
    /// Open-addressing slots, a power of two of them: the low 32 bits of
    /// the word's hash (a tag) above its id, or [`FREE_SLOT`].
    slots: Vec<u64>,
}

/// The first 16 bytes of a word, zero-padded (two `u64`, not a `u128`:
/// 24 bytes with the length, not 32), and its length.
#[derive(Clone, Copy, PartialEq, Eq)]
struct WordHead {
    /// The first 16 bytes.
    head: [u64; 2],
    /// The length in bytes.
    len: u64,
}

/// A free slot of a [`WordInterner`].
const FREE_SLOT: u64 = u64::MAX;

impl<'a> WordInterner<'a> {
    /// An empty interner sized for about `expected` distinct words.
    pub fn with_capacity(expected: usize) -> Self {
        WordInterner {
            words: Vec::with_capacity(expected),
            heads: Vec::with_capacity(expected),
            slots: vec![FREE_SLOT; (expected * 2).next_power_of_two().max(16)],
        }
    }

    /// The id of `word`, new when it was not seen before.
    #[inline]
    pub fn intern(&mut self, word: &'a str) -> u32 {
        self.intern_head(word, word_head(word.as_bytes()))
    }

    /// The id of `text[start..end]`, new when it was not seen before; reads
    /// the word's first 16 bytes straight from `text` when it can.
    #[inline]
    pub fn intern_in(&mut self, text: &'a str, start: usize, end: usize) -> u32 {
        let bytes = text.as_bytes();
        let head = match bytes.get(start..start + 16) {
            Some(window) => masked_head(window, end - start),
            None => word_head(&bytes[start..end]),
        };
        self.intern_head(&text[start..end], head)
    }

    /// The id of `word`, whose first 16 bytes are `head`.
    #[inline]
    fn intern_head(&mut self, word: &'a str, head: [u64; 2]) -> u32 {
        let bytes = word.as_bytes();
        let key = WordHead {
            head,
            len: bytes.len() as u64,
        };
        let hash = hash_of(head, bytes);
        let tag = hash << 32;
        let mask = self.slots.len() - 1;
        let mut slot = (hash >> 32) as usize & mask;
        loop {
            let s = self.slots[slot];
            if s == FREE_SLOT {
                break;
            }
            if s & !u64::from(u32::MAX) == tag {
                let id = s as u32 as usize;
                if self.heads[id] == key && (bytes.len() <= 16 || self.words[id] == word) {
                    return id as u32;
                }
            }
            slot = (slot + 1) & mask;
        }
        let id = self.words.len() as u32;
        self.words.push(word);
        self.heads.push(key);
        self.slots[slot] = tag | u64::from(id);
        if self.words.len() * 2 > self.slots.len() {
            self.grow();
        }
        id
    }

    /// Doubles the slots and re-places every word.
    fn grow(&mut self) {
        let size = self.slots.len() * 2;
        self.slots = vec![FREE_SLOT; size];
        let mask = size - 1;
        for (id, (h, w)) in self.heads.iter().zip(&self.words).enumerate() {
            let hash = hash_of(h.head, w.as_bytes());
            let mut slot = (hash >> 32) as usize & mask;
            while self.slots[slot] != FREE_SLOT {
                slot = (slot + 1) & mask;
            }
            self.slots[slot] = (hash << 32) | id as u64;
        }
    }

    /// The distinct words, by id.
    pub fn into_words(self) -> Vec<&'a str> {
        self.words
    }
}

/// The first 16 bytes of `bytes`, zero-padded, as one number.
#[inline]
fn word_head(bytes: &[u8]) -> [u64; 2] {
    let mut buf = [0u8; 16];
    let n = bytes.len().min(16);
    buf[..n].copy_from_slice(&bytes[..n]);
    masked_head(&buf, n)
}

/// The first `len` bytes (at most 16) of the 16-byte `window`, zero-padded:
/// two loads and masks, no copy of a variable length.
#[inline]
fn masked_head(window: &[u8], len: usize) -> [u64; 2] {
    let load =
        |k: usize| u64::from_le_bytes(window[k * 8..k * 8 + 8].try_into().expect("eight bytes"));
    let keep = |k: usize| {
        let n = len.saturating_sub(k * 8).min(8);
        if n == 8 {
            u64::MAX
        } else {
            (1u64 << (n * 8)) - 1
        }
    };
    [load(0) & keep(0), load(1) & keep(1)]
}

/// The hash of a word: of its `head`, its length, and the bytes after the
/// first 16. The slot comes from its high half, the tag from its low half.
#[inline]
fn hash_of(head: [u64; 2], bytes: &[u8]) -> u64 {
    const K: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut h = (head[0] ^ bytes.len() as u64).wrapping_mul(K);
    h = (h.rotate_left(31) ^ head[1]).wrapping_mul(K);
    for &b in bytes.iter().skip(16) {
        h = (h ^ b as u64).wrapping_mul(K);
    }
    h
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::hash::{BuildHasher, Hash};

    fn hash<T: Hash + ?Sized>(v: &T) -> u64 {
        BuildHasherDefault::<WordHasher>::default().hash_one(v)
    }

    #[test]
    fn distinct_words_hash_apart_and_maps_work() {
        let words = [
            "في",
            "فى",
            "اللجنه",
            "اللجنة",
            "",
            "a",
            "a\0",
            "الامم المتحده",
        ];
        for (i, a) in words.iter().enumerate() {
            for b in &words[i + 1..] {
                assert_ne!(hash(*a), hash(*b), "{a:?} {b:?}");
            }
        }
        let map: WordHashMap<String, usize> = words
            .iter()
            .enumerate()
            .map(|(i, w)| (w.to_string(), i))
            .collect();
        for (i, w) in words.iter().enumerate() {
            assert_eq!(map.get(*w), Some(&i));
        }
        assert_eq!(map.get("غير"), None);
    }

    #[test]
    fn word_filter_keeps_its_words_and_rejects_most_others() {
        let words: Vec<String> = (0..2000).map(|k| format!("كلمة{k}")).collect();
        let mut set: Vec<&str> = words.iter().map(String::as_str).collect();
        set.extend(["", "a", "ab", "abc", "في", "و"]);
        let filter = WordFilter::new(set.iter().copied());
        for w in &set {
            assert!(filter.may_contain(w), "{w}");
        }
        let others: Vec<String> = (0..2000).map(|k| format!("كتاب{k}ات")).collect();
        let passed = others.iter().filter(|w| filter.may_contain(w)).count();
        assert!(passed < 200, "{passed} of 2000 passed");
    }

    #[test]
    fn interner_gives_one_id_per_distinct_word() {
        let text: Vec<String> = (0..5000).map(|k| format!("كلمة{}", k % 1234)).collect();
        let mut interner = WordInterner::with_capacity(4);
        let ids: Vec<u32> = text.iter().map(|w| interner.intern(w)).collect();
        for (k, w) in text.iter().enumerate() {
            assert_eq!(ids[k], ids[k % 1234], "{w}");
        }
        assert_eq!(ids[1233], 1233);
        let words = interner.into_words();
        assert_eq!(words.len(), 1234);
        assert_eq!(words[7], "كلمة7");
        // Read in place from the text (16-byte window) or copied (near the end): same ids.
        let text = "كلمة ابن الاقتصاديين ابن كلمة";
        let mut interner = WordInterner::with_capacity(0);
        let spans = [(0, 8), (9, 15), (16, 38), (39, 45), (46, 54)];
        let ids: Vec<u32> = spans
            .iter()
            .map(|&(a, b)| interner.intern_in(text, a, b))
            .collect();
        assert_eq!(ids, [0, 1, 2, 1, 0]);
        assert_eq!(interner.intern("الاقتصاديين"), 2);
        assert_eq!(interner.intern("الاقتصادي"), 3);
        let mut interner = WordInterner::with_capacity(0);
        assert_eq!(interner.intern("a"), 0);
        assert_eq!(interner.intern("a\0"), 1);
        assert_eq!(interner.intern("a"), 0);
    }
}
