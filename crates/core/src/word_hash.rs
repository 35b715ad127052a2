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

/// Gives each distinct word of a text a small id (0, 1, 2 ... in order of
/// first appearance), so that tables asked about every token are asked once
/// per distinct word. It runs once per token of every analysis, so it is an
/// open-addressing table whose slots hold the first 16 bytes of their word:
/// most words are found, or found missing, reading one slot only.
pub struct WordInterner<'a> {
    /// The distinct words, by id.
    words: Vec<&'a str>,
    /// Open-addressing slots, a power of two of them.
    slots: Vec<InternSlot>,
}

/// One slot of a [`WordInterner`].
#[derive(Clone, Copy)]
struct InternSlot {
    /// The word's first 16 bytes, zero-padded (two `u64`, not a `u128`:
    /// 24-byte slots, not 32).
    head: [u64; 2],
    /// The word's length in bytes.
    len: u32,
    /// The word's id, or [`FREE_SLOT`].
    id: u32,
}

/// The id of a free [`InternSlot`].
const FREE_SLOT: u32 = u32::MAX;

impl<'a> WordInterner<'a> {
    /// An empty interner sized for about `expected` distinct words.
    pub fn with_capacity(expected: usize) -> Self {
        let free = InternSlot {
            head: [0; 2],
            len: 0,
            id: FREE_SLOT,
        };
        WordInterner {
            words: Vec::with_capacity(expected),
            slots: vec![free; (expected * 2).next_power_of_two().max(16)],
        }
    }

    /// The id of `word`, new when it was not seen before.
    #[inline]
    pub fn intern(&mut self, word: &'a str) -> u32 {
        let bytes = word.as_bytes();
        let head = word_head(bytes);
        let mask = self.slots.len() - 1;
        let mut slot = slot_of(head, bytes) & mask;
        loop {
            let s = self.slots[slot];
            if s.id == FREE_SLOT {
                break;
            }
            if s.head == head
                && s.len as usize == bytes.len()
                && (bytes.len() <= 16 || self.words[s.id as usize] == word)
            {
                return s.id;
            }
            slot = (slot + 1) & mask;
        }
        let id = self.words.len() as u32;
        self.words.push(word);
        self.slots[slot] = InternSlot {
            head,
            len: bytes.len() as u32,
            id,
        };
        if self.words.len() * 2 > self.slots.len() {
            self.grow();
        }
        id
    }

    /// Doubles the slots and re-places every word.
    fn grow(&mut self) {
        let free = InternSlot {
            head: [0; 2],
            len: 0,
            id: FREE_SLOT,
        };
        let size = self.slots.len() * 2;
        let old = std::mem::replace(&mut self.slots, vec![free; size]);
        let mask = self.slots.len() - 1;
        for s in old.into_iter().filter(|s| s.id != FREE_SLOT) {
            let mut slot = slot_of(s.head, self.words[s.id as usize].as_bytes()) & mask;
            while self.slots[slot].id != FREE_SLOT {
                slot = (slot + 1) & mask;
            }
            self.slots[slot] = s;
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
    let (a, b) = buf.split_at(8);
    [
        u64::from_le_bytes(a.try_into().expect("eight bytes")),
        u64::from_le_bytes(b.try_into().expect("eight bytes")),
    ]
}

/// The slot (before masking) of a word: a hash of its `head`, its length,
/// and the bytes after the first 16.
#[inline]
fn slot_of(head: [u64; 2], bytes: &[u8]) -> usize {
    const K: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut h = (head[0] ^ bytes.len() as u64).wrapping_mul(K);
    h = (h.rotate_left(31) ^ head[1]).wrapping_mul(K);
    for &b in bytes.iter().skip(16) {
        h = (h ^ b as u64).wrapping_mul(K);
    }
    (h >> 32) as usize
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
        let mut interner = WordInterner::with_capacity(0);
        assert_eq!(interner.intern("a"), 0);
        assert_eq!(interner.intern("a\0"), 1);
        assert_eq!(interner.intern("a"), 0);
    }
}
