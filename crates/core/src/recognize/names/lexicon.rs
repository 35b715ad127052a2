//! The word tables of the names layer, loaded once from `crates/core/data/`
//! and folded with [`crate::normalize::search_form`] so that they compare
//! with the search-normalized text the recognizers read.

use crate::normalize::search_form;

/// A hash map for word keys (see [`crate::word_hash`]).
pub type FastMap<K, V> = crate::word_hash::WordHashMap<K, V>;

/// What a word of the tables is (bit flags of [`WordInfo::flags`]).
pub mod flag {
    /// Ends a name: function word, common verb, word that follows names.
    pub const STOP: u32 = 1;
    /// Relational adjective (`الإقليمية`): may close an organization name.
    pub const ADJECTIVE: u32 = 2;
    /// Particle inside personal names (`بن`, `عبد`).
    pub const PARTICLE: u32 = 4;
    /// Head word of organizations (`لجنة`, stored without the article).
    pub const ORG_HEAD: u32 = 8;
    /// Head word of places (`مقاطعة`, stored without the article).
    pub const PLACE_HEAD: u32 = 16;
    /// Office noun taking a genitive complement before a name (`رئيس`, `وزير`).
    pub const OFFICE: u32 = 32;
    /// Word between a title and the name (`السابق`, `الراحل`).
    pub const MODIFIER: u32 = 64;
    /// Word opening a byline (`المقال`, `بقلم`).
    pub const BYLINE: u32 = 128;
    /// A title that is also a plain noun (`الملك`, `اللاعب`).
    pub const WEAK_TITLE: u32 = 256;
    /// An ordinal that belongs to the name before it (`الثاني`).
    pub const REGNAL: u32 = 512;
    /// Before a place, makes it a national team (`منتخب`).
    pub const BEFORE_PLACE_TEAM: u32 = 1024;
    /// Before a place, makes it part of an event's name (`كأس`).
    pub const BEFORE_PLACE_EVENT: u32 = 2048;
    /// Before a place, belongs to its name (`جمهورية`).
    pub const BEFORE_PLACE_PART: u32 = 4096;
    /// Second half of a compound given name (`الدين` of `نور الدين`).
    pub const COMPOUND: u32 = 8192;
    /// A given name folded onto a function word (`علي` = `على`).
    pub const FOLDED_NAME: u32 = 16384;
    /// A word of personal names, learned from annotated text (`محمد`, `جورج`).
    pub const PERSON_NAME: u32 = 1 << 15;
    /// A person's name by itself, learned from annotated text (`بوش`, `أنان`).
    pub const PERSON_ALONE: u32 = 1 << 16;
    /// An organization head word too often no name by itself (`وزارة`,
    /// `لجنة`): reported only with a stronger head or known name in its chain.
    pub const WEAK_ORG_HEAD: u32 = 1 << 17;
    /// A given name, learned from annotated text: the name word after it
    /// belongs to the name (`محمد` of `محمد فاضل`).
    pub const PERSON_FIRST: u32 = 1 << 18;
    /// An organization head left outside the name it introduces (`نادي`).
    pub const ORG_HEAD_OUTSIDE: u32 = 1 << 19;
    /// A frequent word never inside a name in annotated text (`اختيار`): no name word.
    pub const COMMON_WORD: u32 = 1 << 20;
    /// Makes the chain of a weak organization head one body's name
    /// (`names-org-qualifiers.txt`: `الشعبية`, `السياسي`, `الشعب`).
    pub const ORG_QUALIFIER: u32 = 1 << 21;
    /// `التابعة`, `التابع`: a body attached to the organization named next
    /// (`attachment` rows of `names-org-qualifiers.txt`).
    pub const ORG_ATTACHMENT: u32 = 1 << 22;
    /// A building or prize named after a person (`جامع`, `سجن`): the
    /// person's name after it names the building (`جامع عمرو بن العاص`).
    pub const NAMESAKE: u32 = 1 << 23;
    /// A company that names its products (`company` rows of
    /// `names-organizations.tsv`): `مايكروسوفت ويندوز` is a product.
    pub const COMPANY: u32 = 1 << 24;
    /// A verb of saying before its subject (`قال`, `أضاف`; `saying` rows of
    /// `names-titles.tsv`): a name right after it ends at `إن` or a comma.
    pub const SAYING: u32 = 1 << 25;
}

/// What a phrase of the tables names.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum PhraseKind {
    /// A title before a person's name (`الرفيق`, `رئيس الوزراء`).
    Title,
    /// A place, with its country when the gazetteer knows it.
    Place {
        /// ISO 3166-1 alpha-2 code, when one country.
        country: Option<String>,
    },
    /// A known organization.
    Organization,
    /// A well-known person.
    Person,
}

/// A phrase of one or more words (titles, places, organizations).
#[derive(Debug, Clone)]
pub struct Phrase {
    /// The words after the first, search-normalized.
    pub rest: Vec<String>,
    /// What the phrase names.
    pub kind: PhraseKind,
}

/// Everything known about one search-normalized word.
#[derive(Debug, Clone, Default)]
pub struct WordInfo {
    /// [`flag`] bits.
    pub flags: u32,
    /// For a demonym (`فرنسي`), its country.
    pub demonym_of: Option<String>,
    /// Phrases starting with this word, longest first.
    pub phrases: Vec<Phrase>,
}

/// The compiled word tables.
pub struct Lexicon {
    words: FastMap<String, WordInfo>,
    /// The words of `words`: most words of a text are in no table, and
    /// the filter rejects them before their bytes are hashed.
    filter: crate::word_hash::WordFilter,
    /// What a compound given name written as one word (`عبدالرحيم`) is
    /// when the tables do not know it: a given name.
    glued_abd: WordInfo,
}

const TITLES: &str = data_table!(include_str!("../../../data/names-titles.tsv"));
const ORG_HEADS: &str = data_table!(include_str!("../../../data/names-org-heads.txt"));
const PLACE_HEADS: &str = data_table!(include_str!("../../../data/names-place-heads.txt"));
const STOPWORDS: &str = data_table!(include_str!("../../../data/names-stopwords.txt"));
const ADJECTIVES: &str = data_table!(include_str!("../../../data/names-adjectives.txt"));
const ORG_QUALIFIERS: &str = data_table!(include_str!("../../../data/names-org-qualifiers.txt"));
const PARTICLES: &str = data_table!(include_str!("../../../data/names-particles.txt"));
const ORGANIZATIONS: &str = data_table!(include_str!("../../../data/names-organizations.tsv"));
const PLACE_CONTEXT: &str = data_table!(include_str!("../../../data/names-place-context.tsv"));
const PEOPLE: &str = data_table!(include_str!("../../../data/names-people.tsv"));
/// Person-name words and common words learned by `scripts/gen-person-names.py`.
pub const PERSON_WORDS: &str = data_table!(include_str!("../../../data/names-person-words.tsv"));
const PLACES: &str = data_table!(include_str!("../../../data/gazetteer-places.tsv"));
const DEMONYMS: &str = data_table!(include_str!("../../../data/gazetteer-demonyms.tsv"));

/// The data lines of a table: no comments, no blank lines, split on tabs.
fn rows(table: &str) -> impl Iterator<Item = Vec<&str>> {
    table
        .lines()
        .filter(|l| !l.trim().is_empty() && !l.starts_with('#'))
        .map(|l| l.split('\t').map(str::trim).collect())
}

impl Lexicon {
    /// Loads and folds every table.
    pub fn new() -> Self {
        Self::with_person_words(PERSON_WORDS)
    }

    /// Loads and folds every table, with `person_words` (the format of
    /// `names-person-words.tsv`) in place of the shipped person-name words:
    /// for cross-validation of that learned table.
    pub fn with_person_words(person_words: &str) -> Self {
        let mut lex = Lexicon {
            words: FastMap::default(),
            filter: crate::word_hash::WordFilter::new(std::iter::empty()),
            glued_abd: WordInfo {
                flags: flag::PERSON_NAME | flag::PERSON_FIRST,
                ..WordInfo::default()
            },
        };
        for (table, bit) in [
            (STOPWORDS, flag::STOP),
            (ADJECTIVES, flag::ADJECTIVE),
            (PARTICLES, flag::PARTICLE),
            (ORG_HEADS, flag::ORG_HEAD),
            (PLACE_HEADS, flag::PLACE_HEAD),
            (ORG_QUALIFIERS, flag::ORG_QUALIFIER),
        ] {
            for row in rows(table) {
                let bit = match row.get(1) {
                    Some(&"weak") => flag::ORG_HEAD | flag::WEAK_ORG_HEAD,
                    Some(&"outside") => flag::ORG_HEAD | flag::ORG_HEAD_OUTSIDE,
                    Some(&"compound") => flag::COMPOUND,
                    Some(&"folded") => flag::FOLDED_NAME,
                    Some(&"attachment") => flag::ORG_ATTACHMENT,
                    _ => bit,
                };
                lex.entry(&search_form(row[0])).flags |= bit;
            }
        }
        for row in rows(person_words) {
            let bit = match row.get(1) {
                Some(&"alone") => flag::PERSON_ALONE | flag::PERSON_NAME,
                Some(&"first") => flag::PERSON_FIRST | flag::PERSON_NAME,
                Some(&"common") => flag::COMMON_WORD,
                _ => flag::PERSON_NAME,
            };
            lex.entry(&search_form(row[0])).flags |= bit;
        }
        for row in rows(PLACE_CONTEXT) {
            let bit = match row.get(1) {
                Some(&"team") => flag::BEFORE_PLACE_TEAM,
                Some(&"event") => flag::BEFORE_PLACE_EVENT,
                _ => flag::BEFORE_PLACE_PART,
            };
            lex.entry(&search_form(row[0])).flags |= bit;
        }
        for row in rows(TITLES) {
            let form = search_form(row[0]);
            let bit = match row.get(1) {
                Some(&"office") if !form.contains(' ') => flag::OFFICE,
                Some(&"modifier") => flag::MODIFIER,
                Some(&"byline") => flag::BYLINE,
                Some(&"regnal") => flag::REGNAL,
                Some(&"namesake") => flag::NAMESAKE,
                Some(&"saying") => flag::SAYING,
                Some(&"weak") => {
                    lex.entry(&form).flags |= flag::WEAK_TITLE;
                    0
                }
                _ => 0,
            };
            if bit != 0 {
                lex.entry(&form).flags |= bit;
            } else {
                lex.add_phrase(&form, PhraseKind::Title);
            }
        }
        for row in rows(ORGANIZATIONS) {
            let form = search_form(row[0]);
            if row.get(1) == Some(&"company") {
                lex.entry(&form).flags |= flag::COMPANY;
            }
            lex.add_phrase(&form, PhraseKind::Organization);
        }
        for row in rows(PEOPLE) {
            lex.add_phrase(&search_form(row[0]), PhraseKind::Person);
        }
        for row in rows(PLACES) {
            let country = row.get(2).filter(|c| c.len() == 2).map(|c| c.to_string());
            lex.add_phrase(&search_form(row[0]), PhraseKind::Place { country });
        }
        for row in rows(DEMONYMS) {
            if row.len() >= 2 && !row[0].contains(' ') {
                let form = search_form(row[0]);
                // The feminine too (`فرنسيه`): the names layer reads a
                // word's stem once, not again without its ending.
                lex.entry(&format!("{form}ه")).demonym_of = Some(row[1].to_string());
                lex.entry(&form).demonym_of = Some(row[1].to_string());
            }
        }
        for info in lex.words.values_mut() {
            crate::sort::sort_by_u64_key(&mut info.phrases, |p| {
                crate::sort::longest_first(p.rest.len())
            });
        }
        lex.filter = crate::word_hash::WordFilter::new(lex.words.keys().map(String::as_str));
        lex
    }

    /// A lexicon of `phrases` alone (search-normalized, with their kind):
    /// the learned organization and place names (`super::learned`), looked
    /// up by the same code as the word tables (the wasm module stays small).
    pub fn of_phrases(phrases: Vec<(String, PhraseKind)>) -> Self {
        let mut lex = Lexicon {
            words: FastMap::default(),
            filter: crate::word_hash::WordFilter::new(std::iter::empty()),
            // Phrases only: a glued `عبدال...` word is no phrase of them.
            glued_abd: WordInfo::default(),
        };
        for (form, kind) in phrases {
            lex.add_phrase(&form, kind);
        }
        lex.filter = crate::word_hash::WordFilter::new(lex.words.keys().map(String::as_str));
        lex
    }

    fn entry(&mut self, word: &str) -> &mut WordInfo {
        self.words.entry(word.to_string()).or_default()
    }

    fn add_phrase(&mut self, form: &str, kind: PhraseKind) {
        let mut words = form.split_whitespace();
        let Some(first) = words.next() else { return };
        let rest: Vec<String> = words.map(str::to_string).collect();
        let info = self.entry(first);
        if !info
            .phrases
            .iter()
            .any(|p| p.rest == rest && p.kind == kind)
        {
            info.phrases.push(Phrase { rest, kind });
        }
    }

    /// What is known about `word` (search-normalized), if anything. A word
    /// `عبد` + article + name the tables do not know (`عبدالرحيم`) reads as a
    /// given name. Not inlined into its forty callers: the wasm module stays
    /// small.
    #[inline(never)]
    pub fn get(&self, word: &str) -> Option<&WordInfo> {
        if !self.filter.may_contain(word) {
            return self.glued_given_name(word);
        }
        self.words.get(word).or_else(|| self.glued_given_name(word))
    }

    /// [`Lexicon::get`] of a word the tables lack: `glued_abd` for `عبدال...`.
    #[inline(never)]
    fn glued_given_name(&self, word: &str) -> Option<&WordInfo> {
        (word.len() >= "عبدالله".len() && word.starts_with("عبدال")).then_some(&self.glued_abd)
    }

    /// The [`flag`] bits of `word`.
    #[inline]
    pub fn flags(&self, word: &str) -> u32 {
        self.get(word).map_or(0, |w| w.flags)
    }

    /// True when `word` has any of the `bits`.
    #[inline]
    pub fn is(&self, word: &str, bits: u32) -> bool {
        self.flags(word) & bits != 0
    }

    /// The country of a demonym in any of its forms: `الفرنسي`, `فرنسيه`, `الفرنسيه`.
    pub fn demonym(&self, word: &str) -> Option<&str> {
        let stem = word.strip_prefix("ال").unwrap_or(word);
        let masc = stem.strip_suffix('ه').unwrap_or(stem);
        self.get(masc)
            .and_then(|w| w.demonym_of.as_deref())
            .or_else(|| self.get(stem).and_then(|w| w.demonym_of.as_deref()))
    }
}

impl Default for Lexicon {
    fn default() -> Self {
        Self::new()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tables_are_folded_and_flagged() {
        let lex = Lexicon::new();
        assert!(lex.is("لجنه", flag::ORG_HEAD), "ة folds to ه");
        assert!(lex.is("مقاطعه", flag::PLACE_HEAD));
        assert!(lex.is("في", flag::STOP));
        assert!(lex.is("الاقليميه", flag::ADJECTIVE), "إ folds to ا");
        assert_eq!(lex.demonym("الفرنسيه"), Some("FR"));
        assert_eq!(lex.demonym("الامريكي"), Some("US"));
        let riyadh = lex.get("الرياض").expect("CLDR city");
        assert!(riyadh.phrases.iter().any(|p| p.kind
            == PhraseKind::Place {
                country: Some("SA".into())
            }));
        let un = lex.get("الامم").expect("organization table");
        assert!(un.phrases.iter().any(|p| p.rest == ["المتحده"]));
    }
}
