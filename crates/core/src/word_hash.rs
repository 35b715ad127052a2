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
/// per distinct word. An open-addressing table of ids hashed eight bytes at
/// a time: it runs once per token of every analysis, where the general
/// [`WordHashMap`] cost a third more.
pub struct WordInterner<'a> {
    /// The distinct words, by id.
    words: Vec<&'a str>,
    /// Their hashes, by id (to grow the table without hashing again).
    hashes: Vec<u64>,
    /// Open-addressing slots: id + 1, or 0 when free. A power of two long.
    slots: Vec<u32>,
}

impl<'a> WordInterner<'a> {
    /// An empty interner sized for about `expected` distinct words.
    pub fn with_capacity(expected: usize) -> Self {
        WordInterner {
            words: Vec::with_capacity(expected),
            hashes: Vec::with_capacity(expected),
            slots: vec![0; (expected * 2).next_power_of_two().max(16)],
        }
    }

    /// The id of `word`, new when it was not seen before.
    #[inline]
    pub fn intern(&mut self, word: &'a str) -> u32 {
        let hash = hash_word(word.as_bytes());
        let mask = self.slots.len() - 1;
        let mut slot = (hash >> 32) as usize & mask;
        loop {
            match self.slots[slot] {
                0 => break,
                id => {
                    let k = id as usize - 1;
                    if self.hashes[k] == hash && self.words[k] == word {
                        return k as u32;
                    }
                }
            }
            slot = (slot + 1) & mask;
        }
        let id = self.words.len() as u32;
        self.words.push(word);
        self.hashes.push(hash);
        self.slots[slot] = id + 1;
        if self.words.len() * 2 > self.slots.len() {
            self.grow();
        }
        id
    }

    /// Doubles the slots and re-places every id.
    fn grow(&mut self) {
        let mut slots = vec![0u32; self.slots.len() * 2];
        let mask = slots.len() - 1;
        for (k, &hash) in self.hashes.iter().enumerate() {
            let mut slot = (hash >> 32) as usize & mask;
            while slots[slot] != 0 {
                slot = (slot + 1) & mask;
            }
            slots[slot] = k as u32 + 1;
        }
        self.slots = slots;
    }

    /// The distinct words, by id.
    pub fn into_words(self) -> Vec<&'a str> {
        self.words
    }
}

/// A hash of `bytes`, eight at a time (the length mixed in), for [`WordInterner`].
#[inline]
fn hash_word(bytes: &[u8]) -> u64 {
    const K: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut h = (bytes.len() as u64).wrapping_mul(K);
    let mut chunks = bytes.chunks_exact(8);
    for c in &mut chunks {
        let v = u64::from_le_bytes(c.try_into().expect("eight bytes"));
        h = (h ^ v).wrapping_mul(K).rotate_left(29);
    }
    let rest = chunks.remainder();
    if !rest.is_empty() {
        let mut buf = [0u8; 8];
        buf[..rest.len()].copy_from_slice(rest);
        h = (h ^ u64::from_le_bytes(buf))
            .wrapping_mul(K)
            .rotate_left(29);
    }
    h.wrapping_mul(K)
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
