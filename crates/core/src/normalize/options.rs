//! Which normalization steps run, and the named presets.

use serde::{Deserialize, Serialize};

/// Each step of the normalizer, on or off. Start from a [`Preset`] and flip
/// single steps as needed: `NormalizeOptions { digits: false, ..Preset::Search.options() }`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default, deny_unknown_fields)]
pub struct NormalizeOptions {
    /// Arabic presentation forms and ligatures to their letters (`ﻳ` → `ي`,
    /// `ﻻ` → `لا`, `ﷲ` → `الله`, `﷼` → `ريال`): Unicode compatibility (NFKC) folding
    /// limited to the presentation-form blocks.
    pub compatibility: bool,
    /// A letter followed by a combining hamza or madda (U+0653–U+0655) becomes
    /// the precomposed letter (`ا` + U+0654 → `أ`), as Unicode NFC does.
    pub compose: bool,
    /// Remove harakat, tanween, shadda, sukun, dagger alef and Quranic marks.
    pub diacritics: bool,
    /// Remove tatweel (U+0640, `الـمـؤتـمـر` → `المؤتمر`).
    pub tatweel: bool,
    /// Alef variants (`أ إ آ ٱ` and rarer ones) to bare alef `ا`.
    pub alef: bool,
    /// Alef maqsura `ى` to yeh `ي`.
    pub alef_maqsura: bool,
    /// Teh marbuta `ة` to heh `ه`.
    pub teh_marbuta: bool,
    /// Hamza on a carrier (`ؤ ئ`) and a lone combining hamza to `ء`.
    pub hamza: bool,
    /// Persian and Urdu letters with an Arabic twin to it (`ک` → `ك`, `ی` → `ي`, `ە` → `ه`).
    pub persian: bool,
    /// Arabic-Indic (`٠-٩`) and Persian (`۰-۹`) digits to ASCII.
    pub digits: bool,
    /// Arabic decimal separator `٫` to `.` and thousands separator `٬` to `,` (never the reverse).
    pub separators: bool,
    /// Arabic punctuation to Latin: `،` → `,`, `؛` → `;`, `؟` → `?`, `٪` → `%`, `۔` → `.`.
    pub punctuation: bool,
    /// Remove invisible format characters: BOM, LRM/RLM/ALM, bidi embeddings,
    /// overrides and isolates, zero-width space, word joiner, soft hyphen.
    pub invisible: bool,
    /// Remove the zero-width joiner and non-joiner (they shape letters and
    /// build emoji sequences, so the display preset keeps them).
    pub joiners: bool,
    /// Fold horizontal whitespace (tabs, NBSP, other spaces) to one space per
    /// run, and line breaks (`\r\n`, `\r`, U+2028, U+2029, U+0085) to `\n`.
    pub whitespace: bool,
}

impl NormalizeOptions {
    /// Options from the low 15 bits of `bits`, one per step in declaration
    /// order (bit 0 `compatibility` … bit 14 `whitespace`). Used by the fuzz
    /// target and its regression tests to turn input bytes into options.
    pub fn from_bits(bits: u16) -> Self {
        let on = |i: u32| bits & (1 << i) != 0;
        NormalizeOptions {
            compatibility: on(0),
            compose: on(1),
            diacritics: on(2),
            tatweel: on(3),
            alef: on(4),
            alef_maqsura: on(5),
            teh_marbuta: on(6),
            hamza: on(7),
            persian: on(8),
            digits: on(9),
            separators: on(10),
            punctuation: on(11),
            invisible: on(12),
            joiners: on(13),
            whitespace: on(14),
        }
    }
}

impl Default for NormalizeOptions {
    fn default() -> Self {
        Preset::Search.options()
    }
}

/// Named sets of [`NormalizeOptions`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Preset {
    /// Aggressive folding for matching and for the recognizers: every step on.
    Search,
    /// Conservative: only what never changes meaning or spelling
    /// (presentation forms, composition, tatweel, invisible marks, whitespace).
    Display,
    /// Nothing changes (useful to see the alignment at work, and for tests).
    None,
}

impl Preset {
    /// All presets, in the order shown to users.
    pub const ALL: [Preset; 3] = [Preset::Search, Preset::Display, Preset::None];

    /// The options this preset stands for.
    pub fn options(self) -> NormalizeOptions {
        let all = NormalizeOptions {
            compatibility: true,
            compose: true,
            diacritics: true,
            tatweel: true,
            alef: true,
            alef_maqsura: true,
            teh_marbuta: true,
            hamza: true,
            persian: true,
            digits: true,
            separators: true,
            punctuation: true,
            invisible: true,
            joiners: true,
            whitespace: true,
        };
        match self {
            Preset::Search => all,
            Preset::Display => NormalizeOptions {
                diacritics: false,
                alef: false,
                alef_maqsura: false,
                teh_marbuta: false,
                hamza: false,
                persian: false,
                digits: false,
                separators: false,
                punctuation: false,
                joiners: false,
                ..all
            },
            Preset::None => NormalizeOptions {
                compatibility: false,
                compose: false,
                diacritics: false,
                tatweel: false,
                alef: false,
                alef_maqsura: false,
                teh_marbuta: false,
                hamza: false,
                persian: false,
                digits: false,
                separators: false,
                punctuation: false,
                invisible: false,
                joiners: false,
                whitespace: false,
            },
        }
    }

    /// The preset's name as used by the CLI and the page (`search`, `display`, `none`).
    pub fn name(self) -> &'static str {
        match self {
            Preset::Search => "search",
            Preset::Display => "display",
            Preset::None => "none",
        }
    }

    /// Parses a preset name; `None` when it is not one of [`Preset::ALL`].
    pub fn from_name(name: &str) -> Option<Preset> {
        Preset::ALL.into_iter().find(|p| p.name() == name)
    }
}
