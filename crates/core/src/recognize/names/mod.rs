//! Names: people, organizations and places.
//!
//! Several sources propose [`NameCandidate`]s, each with its [`Source`] and a
//! confidence: the gazetteers ([`gazetteer`]), titles and roles around a
//! person's name ([`person`]), head words extended through the genitive and
//! adjective chain of an organization ([`organization`]) or a place
//! ([`location`]). One resolver ([`resolve`]) decides among them, so a
//! statistical tagger can later add its own candidates beside the rules.

pub mod clitics;
pub mod gazetteer;
pub mod learned;
pub mod lexicon;
pub mod location;
pub mod organization;
pub mod person;

use super::{Candidate, Document, Recognizer};
use crate::entity::{EntityKind, Value};
use crate::normalize::NormalizedText;
use crate::span::Span;
use crate::tokenize::TokenKind;
use lexicon::{flag, Lexicon, PhraseKind, WordInfo};

/// Where a name candidate comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Source {
    /// A gazetteer entry (country, city, known organization).
    Gazetteer,
    /// A person's name after a title or office (`الرفيق لي هوو كوي`).
    Title,
    /// A list of names after `الرفاق:`.
    List,
    /// A byline (`المقال والصور: دوك نجيا`).
    Byline,
    /// An organization or place head word and its chain (`لجنة الحزب الإقليمية`).
    HeadWord,
    /// Another mention of a name found earlier in the same document.
    Repeat,
    /// Words of the learned person-name table (`جورج بوش`, `أنان`).
    NameWords,
    /// The subject of a verb of saying (`وقال [جعفر الموسوي] إن`).
    Speech,
    /// A name after a demonym (`السويسري [روجيه فيدرر]`).
    Demonym,
    /// The learned table of organization and place names (`الجزيرة`, `فيردر بريمن`).
    Learned,
}

/// A possible name, in tokens of the document.
#[derive(Debug, Clone, PartialEq)]
pub struct NameCandidate {
    /// `person`, `organization` or `location`.
    pub kind: EntityKind,
    /// First token.
    pub first: usize,
    /// Last token (inclusive).
    pub last: usize,
    /// Bytes of attached clitics at the start of the first token, left out of the span.
    pub skip: usize,
    /// The value (title and role of a person, country of a place).
    pub value: Value,
    /// The rule or table that proposed it.
    pub source: Source,
    /// How sure the source is, 0–1.
    pub confidence: f32,
}

/// Candidates below this confidence are not reported.
pub const MIN_CONFIDENCE: f32 = 0.5;

/// The document as the name rules read it: tokens and the word tables.
pub struct View<'d, 'a> {
    /// The document.
    pub doc: &'d Document<'a>,
    /// The word tables.
    pub lex: &'d Lexicon,
    /// Per distinct word of the document (by [`Document::word_id`]): what
    /// the tables say of all its readings, computed once per word.
    words: Vec<WordReadings>,
    /// The tokens where each rule can start, in order.
    starts: RuleStarts,
    /// Per distinct word, bits of [`name_memo`] (0 until first asked).
    name_memo: Vec<std::cell::Cell<u8>>,
    /// The known readings of every distinct word, in the order of
    /// [`clitics::for_each_reading`] (ranges in [`WordReadings::known`]).
    known: Vec<KnownReading<'d>>,
}

/// Bits of the per-word memo of [`View::is_name_word`] and [`View::is_person_word`].
mod name_memo {
    /// The other bits are computed.
    pub const COMPUTED: u8 = 1;
    /// A name word without an article.
    pub const NAME: u8 = 2;
    /// A name word when an article is allowed.
    pub const NAME_WITH_ARTICLE: u8 = 4;
    /// A person's word without an article.
    pub const PERSON: u8 = 8;
    /// A person's word when an article is allowed.
    pub const PERSON_WITH_ARTICLE: u8 = 16;
}

/// The tokens where each rule can start (ascending): each rule visits these
/// alone (through a [`StartCursor`]), not every token.
#[derive(Debug, Default)]
pub struct RuleStarts {
    /// Some reading starts a gazetteer phrase ([`gazetteer::find`]).
    pub gazetteer: Vec<u32>,
    /// Some reading is an organization head ([`organization::find`]).
    pub organization: Vec<u32>,
    /// Some reading is a place head ([`location::find`]).
    pub place: Vec<u32>,
    /// A title or office, a byline word or `الرفاق` ([`person::find`]).
    pub person: Vec<u32>,
    /// A word of the learned person-name table or a kunya ([`person::find_by_name_words`]).
    pub name_words: Vec<u32>,
    /// Some reading starts a learned organization or place name ([`learned::find`]).
    pub learned: Vec<u32>,
}

/// A rule's walk over its start tokens: the loop `while let Some(k) =
/// starts.next_from(i) { i = k; ... }` visits the tokens of an ascending
/// list at or after where the rule goes on, as a walk over every token
/// would when the rule finds nothing at the others.
pub struct StartCursor<'s> {
    starts: &'s [u32],
    next: usize,
}

impl<'s> StartCursor<'s> {
    /// A cursor at the first token of `starts` (ascending token indices).
    pub fn new(starts: &'s [u32]) -> Self {
        StartCursor { starts, next: 0 }
    }

    /// The first start token at or after token `i`, if any.
    #[inline]
    pub fn next_from(&mut self, i: usize) -> Option<usize> {
        while self
            .starts
            .get(self.next)
            .is_some_and(|&t| (t as usize) < i)
        {
            self.next += 1;
        }
        self.starts.get(self.next).map(|&t| t as usize)
    }
}

/// Bits of [`WordReadings::facts`]: what a word's readings say.
mod fact {
    /// Some reading is in the tables.
    pub const KNOWN: u8 = 1;
    /// Some reading starts a title phrase.
    pub const STARTS_TITLE: u8 = 2;
    /// Some reading starts a gazetteer phrase (place, organization, person).
    pub const STARTS_NAME: u8 = 4;
    /// The word may start a person rule: a title or office, a byline word, `الرفاق`.
    pub const PERSON_START: u8 = 8;
    /// The word may start a run of the learned person-name table: a
    /// reading without clitics or behind `و` has a person-name or folded-name
    /// flag, or the word is a kunya (`ابو`).
    pub const NAME_WORDS_START: u8 = 16;
    /// The word as it is is a one-word title ([`super::View::is_title_word`]).
    pub const TITLE_WORD: u8 = 32;
}

/// What the tables say of one word, all its readings together (with or
/// without clitics and article).
#[derive(Debug, Clone, Copy, Default)]
struct WordReadings {
    /// The [`flag`] bits of all its readings.
    flags: u32,
    /// The [`flag`] bits of the word as it is.
    own_flags: u32,
    /// Bits of [`fact`].
    facts: u8,
    /// Its readings the tables know: `View::known[known.0..known.1]`.
    known: (u32, u32),
}

/// A reading of a word (the word, or the word without attached clitics:
/// [`clitics::for_each_reading`]) that the tables know, with or without its
/// article: what the rules read without hashing the reading's text again.
#[derive(Debug, Clone, Copy)]
pub struct KnownReading<'d> {
    /// Bytes of attached clitics the reading leaves out of the word.
    pub skip: usize,
    /// What the tables say of the reading, if anything.
    pub info: Option<&'d WordInfo>,
    /// What they say of the reading without its article
    /// ([`clitics::split_article`]), if anything.
    pub stem: Option<&'d WordInfo>,
}

impl KnownReading<'_> {
    /// The [`flag`] bits of the reading itself.
    pub fn flags(&self) -> u32 {
        self.info.map_or(0, |info| info.flags)
    }

    /// The [`flag`] bits of the reading without its article.
    pub fn stem_flags(&self) -> u32 {
        self.stem.map_or(0, |info| info.flags)
    }
}

impl WordReadings {
    /// The readings of `word` in `lex`; those the tables know are added to `known`.
    fn of<'d>(word: &str, lex: &'d Lexicon, known: &mut Vec<KnownReading<'d>>) -> Self {
        let mut r = WordReadings::default();
        let start = known.len() as u32;
        // Readings a run of the learned table may start with (see
        // `person::name_words_start`): bare, or behind `و` alone.
        let bare_or_wa =
            |skip: usize| skip == 0 || (skip == 'و'.len_utf8() && word.starts_with('و'));
        // A demonym with the article may precede a name (`السويسري جوزيف
        // بلاتر`): read from the lookup of its stem.
        let demonym = std::cell::Cell::new(false);
        clitics::for_each_reading(word, |skip, bare| {
            let info = lex.get(bare);
            let stem = clitics::split_article(bare).and_then(|s| lex.get(s));
            // The feminine (`الأمريكية`) is in the table as a word of its own.
            if skip == 0 && stem.is_some_and(|s| s.demonym_of.is_some()) {
                demonym.set(true);
            }
            if info.is_some() || stem.is_some() {
                known.push(KnownReading { skip, info, stem });
            }
            if let Some(info) = info {
                r.facts |= fact::KNOWN;
                r.flags |= info.flags;
                if skip == 0 {
                    r.own_flags = info.flags;
                    if info
                        .phrases
                        .iter()
                        .any(|p| p.kind == PhraseKind::Title && p.rest.is_empty())
                    {
                        r.facts |= fact::TITLE_WORD;
                    }
                }
                if bare_or_wa(skip) && info.flags & (flag::PERSON_NAME | flag::FOLDED_NAME) != 0 {
                    r.facts |= fact::NAME_WORDS_START;
                }
                for p in &info.phrases {
                    r.facts |= match p.kind {
                        PhraseKind::Title => fact::STARTS_TITLE,
                        _ => fact::STARTS_NAME,
                    };
                }
            }
            if let Some(info) = stem {
                r.facts |= fact::KNOWN;
                r.flags |= info.flags;
            }
            false
        });
        r.known = (start, known.len() as u32);
        if person::is_kunya_word(word) {
            r.facts |= fact::NAME_WORDS_START;
        }
        // Only where `find_by_name_words` looks at all.
        if r.flags & (flag::PERSON_NAME | flag::FOLDED_NAME | flag::PARTICLE) == 0 {
            r.facts &= !fact::NAME_WORDS_START;
        }
        let title =
            r.facts & fact::STARTS_TITLE != 0 || r.flags & (flag::OFFICE | flag::SAYING) != 0;
        if (r.facts & fact::KNOWN != 0 && title)
            || demonym.get()
            || word == "الرفاق"
            || r.own_flags & flag::BYLINE != 0
        {
            r.facts |= fact::PERSON_START;
        }
        r
    }
}

impl<'d, 'a> View<'d, 'a> {
    /// A view of `doc`, looking every distinct word up once.
    pub fn new(doc: &'d Document<'a>, lex: &'d Lexicon) -> Self {
        Self::with_learned(doc, lex, None)
    }

    /// [`View::new`], with the start tokens of the `learned` organization
    /// and place names ([`RuleStarts::learned`]; none without a table).
    pub fn with_learned(
        doc: &'d Document<'a>,
        lex: &'d Lexicon,
        learned: Option<&learned::LearnedNames>,
    ) -> Self {
        let mut known = Vec::new();
        let words: Vec<WordReadings> = doc
            .words()
            .iter()
            .map(|w| WordReadings::of(w, lex, &mut known))
            .collect();
        // Per word, the rules it may start (bit k: the k-th list of `RuleStarts`).
        let masks: Vec<u8> = words
            .iter()
            .zip(doc.words())
            .map(|(r, w)| {
                let bits = [
                    r.facts & fact::STARTS_NAME != 0 && r.facts & fact::KNOWN != 0,
                    r.flags & flag::ORG_HEAD != 0,
                    r.flags & flag::PLACE_HEAD != 0,
                    r.facts & fact::PERSON_START != 0,
                    r.facts & fact::NAME_WORDS_START != 0,
                    learned.is_some_and(|l| l.may_start(w)),
                ];
                (0..bits.len()).fold(0, |m, k| m | u8::from(bits[k]) << k)
            })
            .collect();
        // One pass over the tokens for all six lists.
        let [gazetteer, organization, place, person, name_words, learned, ..] =
            doc.word_tokens_by_bit(&masks);
        let starts = RuleStarts {
            gazetteer,
            organization,
            place,
            person,
            name_words,
            learned,
        };
        View {
            doc,
            lex,
            name_memo: vec![std::cell::Cell::new(0); words.len()],
            words,
            starts,
            known,
        }
    }

    /// The tokens where each rule can start.
    pub fn starts(&self) -> &RuleStarts {
        &self.starts
    }

    /// What the tables say of token `i`'s word (nothing for other tokens).
    fn readings(&self, i: usize) -> WordReadings {
        self.doc
            .word_id(i)
            .map_or(WordReadings::default(), |id| self.words[id])
    }

    /// The readings of token `i`'s word that the tables know, in the order
    /// of [`clitics::for_each_reading`] (none for other tokens): the
    /// answers of `lex.get` on its readings, looked up once per word.
    pub fn known_readings(&self, i: usize) -> &[KnownReading<'d>] {
        let (start, end) = self.readings(i).known;
        &self.known[start as usize..end as usize]
    }

    /// True when some reading of token `i` starts a title phrase.
    pub fn starts_title(&self, i: usize) -> bool {
        self.readings(i).facts & fact::STARTS_TITLE != 0
    }

    /// True when some reading of token `i` starts a gazetteer phrase (place, organization, person).
    pub fn starts_name(&self, i: usize) -> bool {
        self.readings(i).facts & fact::STARTS_NAME != 0
    }

    /// True when some reading of token `i` has one of the [`flag`] `bits`.
    pub fn may_have(&self, i: usize, bits: u32) -> bool {
        self.readings(i).flags & bits != 0
    }

    /// True when some reading of token `i` is in the tables.
    pub fn is_known(&self, i: usize) -> bool {
        self.readings(i).facts & fact::KNOWN != 0
    }

    /// Number of tokens.
    pub fn len(&self) -> usize {
        self.doc.tokens.len()
    }

    /// True when the document has no token.
    pub fn is_empty(&self) -> bool {
        self.doc.tokens.is_empty()
    }

    /// The text of token `i` when it is a word, else `None`.
    pub fn word(&self, i: usize) -> Option<&'a str> {
        let t = self.doc.tokens.get(i)?;
        (t.kind == TokenKind::Word).then(|| self.doc.token_text(i))
    }

    /// The text of token `i` when it is a word preceded by a space (a separate
    /// word, not glued to punctuation or digits before it).
    pub fn free_word(&self, i: usize) -> Option<&'a str> {
        self.word(i).filter(|_| self.doc.tokens[i].space_before)
    }

    /// True when token `i` is punctuation reading `p`.
    pub fn punct(&self, i: usize, p: &str) -> bool {
        self.doc.is_punct(i, p)
    }

    /// True when token `i` starts a new line.
    pub fn line_start(&self, i: usize) -> bool {
        self.doc.tokens.get(i).is_some_and(|t| t.newline_before)
    }

    /// The longest phrase of the tables at token `i` accepted by `want`,
    /// reading the first word with and without attached clitics (the later
    /// words exactly). Returns `(clitic bytes, last token, kind)`.
    pub fn phrase_at(
        &self,
        i: usize,
        allow_clitics: bool,
        want: impl Fn(&PhraseKind) -> bool,
    ) -> Option<(usize, usize, &'d PhraseKind)> {
        // No reading of the word starts a phrase: nothing to look up.
        if self.readings(i).facts & (fact::STARTS_TITLE | fact::STARTS_NAME) == 0 {
            return None;
        }
        for r in self.known_readings(i) {
            if r.skip > 0 && !allow_clitics {
                break;
            }
            let Some(info) = r.info else { continue };
            for p in &info.phrases {
                if !want(&p.kind) {
                    continue;
                }
                let all = p
                    .rest
                    .iter()
                    .enumerate()
                    .all(|(k, w)| self.free_word(i + 1 + k) == Some(w.as_str()));
                if all {
                    return Some((r.skip, i + p.rest.len(), &p.kind));
                }
            }
        }
        None
    }

    /// True when token `i` can be part of a proper name: a separate word that
    /// is no function word, title, head word, adjective or demonym, has no
    /// article (unless `allow_article`) and no attached conjunction.
    pub fn is_name_word(&self, i: usize, allow_article: bool) -> bool {
        let bit = if allow_article {
            name_memo::NAME_WITH_ARTICLE
        } else {
            name_memo::NAME
        };
        self.name_memo(i) & bit != 0
    }

    /// What [`View::is_name_word`] and [`View::is_person_word`] say of
    /// token `i` (bits of [`name_memo`]; 0 when it is no separate word),
    /// computed once per distinct word.
    fn name_memo(&self, i: usize) -> u8 {
        let Some(w) = self.free_word(i) else {
            return 0;
        };
        let Some(cell) = self.doc.word_id(i).map(|id| &self.name_memo[id]) else {
            return 0;
        };
        if cell.get() == 0 {
            let mut bits = name_memo::COMPUTED;
            // Only a word with an article reads differently when one is
            // allowed: without, it is no name word.
            if self.name_word_text(w, true) {
                bits |= name_memo::NAME_WITH_ARTICLE;
                if clitics::split_article(w).is_none() {
                    bits |= name_memo::NAME;
                }
            }
            // A person's word is a name word that is no common word.
            if !self.is_common_word(w) {
                if bits & name_memo::NAME != 0 {
                    bits |= name_memo::PERSON;
                }
                if bits & name_memo::NAME_WITH_ARTICLE != 0 {
                    bits |= name_memo::PERSON_WITH_ARTICLE;
                }
            }
            cell.set(bits);
        }
        cell.get()
    }

    /// [`View::is_name_word`] of the separate word `w`.
    fn name_word_text(&self, w: &str, allow_article: bool) -> bool {
        let n = w.chars().count();
        if n < 2 || !w.chars().all(is_alphabetic) {
            return false;
        }
        let lex = self.lex;
        if lex.is(
            w,
            flag::STOP | flag::ADJECTIVE | flag::ORG_HEAD | flag::PLACE_HEAD | flag::OFFICE,
        ) || lex.demonym(w).is_some()
            || self.is_title_word(w)
            || self.starts_title_phrase(w)
        {
            return false;
        }
        if let Some(stem) = clitics::split_article(w) {
            if !allow_article || lex.is(stem, flag::ORG_HEAD | flag::PLACE_HEAD) {
                return false;
            }
        }
        if lex.is(w, flag::PARTICLE) {
            return true;
        }
        // An attached `و` is the conjunction: a new phrase begins.
        if w.starts_with('و') && n >= 4 {
            return false;
        }
        // A clitic glued to a function word (`وهو`, `بأن`), to a definite
        // word (`بالنتائج`) or to a head word.
        let mut glued = false;
        clitics::for_each_reading(w, |skip, bare| {
            // A short remainder is more likely a syllable (`لاي`, `فام`).
            let long_enough = w.starts_with('و') || bare.chars().count() >= 3;
            glued = skip > 0
                && long_enough
                && (bare.starts_with("ال")
                    || lex.is(
                        bare,
                        flag::STOP | flag::ORG_HEAD | flag::PLACE_HEAD | flag::OFFICE,
                    )
                    || lex.get(bare).is_some_and(|info| !info.phrases.is_empty()));
            glued
        });
        if glued {
            return false;
        }
        // Plural and nisba endings of Arabic nouns and adjectives.
        if n >= 5 && (w.ends_with("ات") || w.ends_with("يه") || w.ends_with("يين")) {
            return false;
        }
        true
    }

    /// True when token `i` can be part of a person's name: a name word (see
    /// [`View::is_name_word`]) that is no common word of the learned table
    /// (`اختيار` of `حسن اختيار`), nor one behind a glued preposition
    /// (`بدعم`, `بمستوى`) unless the table knows the whole word as a name.
    /// Places keep the common words: a transliterated syllable may read as
    /// one (`بينه` of `نينه بينه`).
    pub fn is_person_word(&self, i: usize, allow_article: bool) -> bool {
        let bit = if allow_article {
            name_memo::PERSON_WITH_ARTICLE
        } else {
            name_memo::PERSON
        };
        self.name_memo(i) & bit != 0
    }

    /// True when the word `w` is a common word of the learned table, or
    /// one behind a glued preposition, and not a name word of that table:
    /// no part of a person's name (see [`View::is_person_word`]).
    fn is_common_word(&self, w: &str) -> bool {
        let glued_common = || {
            w.strip_prefix(['ب', 'ل']).is_some_and(|bare| {
                bare.chars().count() >= 3 && self.lex.is(bare, flag::COMMON_WORD)
            })
        };
        !self.lex.is(w, flag::PERSON_NAME) && (self.lex.is(w, flag::COMMON_WORD) || glued_common())
    }

    /// True when token `i` ends a name for sure: punctuation, the end of the
    /// text or line, a function word, a title or office, a head word, or a
    /// word with an attached conjunction or preposition.
    pub fn is_boundary(&self, i: usize) -> bool {
        let Some(w) = self.free_word(i) else {
            return true;
        };
        if self.line_start(i) || w.starts_with("ال") || person::looks_like_verb(w) {
            return true;
        }
        let lex = self.lex;
        if lex.is(
            w,
            flag::STOP | flag::OFFICE | flag::ORG_HEAD | flag::PLACE_HEAD | flag::MODIFIER,
        ) || self.is_title_word(w)
        {
            return true;
        }
        let mut glued = false;
        clitics::for_each_reading(w, |skip, _| {
            glued = skip > 0;
            glued
        });
        glued
    }

    /// How token `i`, a separate word, reads in the learned person-name
    /// table: `Some(true)` for a name by itself, `Some(false)` for a word of
    /// names, `None` when not in it.
    pub fn person_word(&self, i: usize) -> Option<bool> {
        self.free_word(i)?;
        let f = self.word_flags(i);
        (f & flag::PERSON_NAME != 0).then_some(f & flag::PERSON_ALONE != 0)
    }

    /// The [`flag`] bits of token `i`'s word as it is (no clitic removed;
    /// 0 for other tokens): `lex.flags` of its text, looked up once per word.
    pub fn word_flags(&self, i: usize) -> u32 {
        let flags = self.readings(i).own_flags;
        // `على` written so is the preposition, never the name `علي`.
        if flags & flag::FOLDED_NAME != 0 && self.doc.ends_in_alef_maqsura(i) {
            return flags & !flag::FOLDED_NAME;
        }
        flags
    }

    /// True when token `i` is a word that has one of the [`flag`] `bits`
    /// as it is: `lex.is(word, bits)`, read from the per-word table.
    pub fn word_is(&self, i: usize, bits: u32) -> bool {
        self.word_flags(i) & bits != 0
    }

    /// True when token `i` is a separate word ([`View::free_word`]) that has
    /// one of the [`flag`] `bits` as it is ([`View::word_is`]).
    pub fn free_word_is(&self, i: usize, bits: u32) -> bool {
        self.free_word(i).is_some() && self.word_is(i, bits)
    }

    /// [`View::is_title_word`] of token `i`'s word, read from the per-word table.
    pub fn is_title_word_at(&self, i: usize) -> bool {
        self.readings(i).facts & fact::TITLE_WORD != 0
    }

    /// True when `w` starts a title phrase (`الرفيق`, `رئيس` of `رئيس الوزراء`).
    pub fn is_title_word(&self, w: &str) -> bool {
        self.lex.get(w).is_some_and(|info| {
            info.phrases
                .iter()
                .any(|p| p.kind == PhraseKind::Title && p.rest.is_empty())
        })
    }

    /// True when `w` is the first word of a title of several words (`ولي` of `ولي العهد`).
    pub fn starts_title_phrase(&self, w: &str) -> bool {
        self.lex.get(w).is_some_and(|info| {
            info.phrases
                .iter()
                .any(|p| p.kind == PhraseKind::Title && !p.rest.is_empty())
        })
    }

    /// Byte span in the normalized text of tokens `first..=last`, skipping `skip` bytes at the start.
    pub fn span(&self, first: usize, last: usize, skip: usize) -> Span {
        Span::new(
            self.doc.tokens[first].span.start + skip,
            self.doc.tokens[last].span.end,
        )
    }

    /// The clitic bytes a span starting at token `first` leaves out, from
    /// the `skip` of its reading: behind `ل` + the article written `لل` with
    /// the article's alef dropped (`للأمم` is `ل` + `الأمم`), the span keeps
    /// `لل` (`للأمم المتحدة`, not `لأمم`, which reads "for nations"): the
    /// article cannot be shown apart from the preposition. When what follows
    /// the `ل` is a word of the tables by itself (`للبنان` is `ل` + `لبنان`,
    /// `للجنة` reads `لجنة`), the span starts there.
    pub fn span_skip(&self, first: usize, skip: usize) -> usize {
        let Some(w) = self.word(first) else {
            return skip;
        };
        let lam = 'ل'.len_utf8();
        let rest = &w[skip.min(w.len())..];
        let merged = skip >= lam
            && w[..skip].ends_with('ل')
            && rest.starts_with('ل')
            && !rest.starts_with("لل")
            && self.lex.get(rest).is_none();
        if merged {
            skip - lam
        } else {
            skip
        }
    }

    /// The normalized text of tokens `first..=last`.
    pub fn text(&self, first: usize, last: usize) -> &'a str {
        &self.doc.text[self.span(first, last, 0).range()]
    }
}

/// Keeps the best candidates, never two on the same token: the longest
/// first, then the most confident. Returns them sorted by position.
pub fn resolve(mut candidates: Vec<NameCandidate>) -> Vec<NameCandidate> {
    candidates.retain(|c| c.confidence >= MIN_CONFIDENCE && c.first <= c.last);
    // One `u128` key per candidate, not the candidates, is sorted: length
    // (longest first), confidence (highest first), first token, then the
    // index (the order a stable sort keeps).
    let mut order: Vec<u128> = candidates
        .iter()
        .enumerate()
        .map(|(k, c)| {
            let longest_first = u32::MAX - (c.last - c.first) as u32;
            let most_confident = u32::MAX - confidence_order(c.confidence);
            u128::from(longest_first) << 96
                | u128::from(most_confident) << 64
                | (c.first as u128) << 32
                | k as u128
        })
        .collect();
    order.sort_unstable();
    let tokens = candidates.iter().map(|c| c.last + 1).max().unwrap_or(0);
    let mut taken = vec![false; tokens];
    let mut keep = vec![false; candidates.len()];
    for key in order {
        let c = &candidates[key as u32 as usize];
        if taken[c.first..=c.last].iter().all(|t| !t) {
            taken[c.first..=c.last].iter_mut().for_each(|t| *t = true);
            keep[key as u32 as usize] = true;
        }
    }
    let mut kept: Vec<NameCandidate> = candidates
        .into_iter()
        .zip(keep)
        .filter_map(|(c, keep)| keep.then_some(c))
        .collect();
    // Kept candidates never share a token: their first tokens differ.
    crate::sort::sort_by_u64_key(&mut kept, |c| c.first as u64);
    kept
}

/// A `u32` whose order is the order of `f32::total_cmp`.
fn confidence_order(confidence: f32) -> u32 {
    let bits = confidence.to_bits();
    if bits >> 31 == 1 {
        !bits
    } else {
        bits | 1 << 31
    }
}

/// Finds people, organizations and places.
pub struct NamesRecognizer {
    lex: Lexicon,
    learned: learned::LearnedNames,
}

impl Default for NamesRecognizer {
    fn default() -> Self {
        Self::new()
    }
}

impl NamesRecognizer {
    /// Compiles the word tables.
    pub fn new() -> Self {
        NamesRecognizer {
            lex: Lexicon::new(),
            learned: learned::LearnedNames::default(),
        }
    }

    /// Compiles the word tables with other person-name words (see
    /// [`Lexicon::with_person_words`]): for cross-validation.
    pub fn with_person_words(person_words: &str) -> Self {
        Self::with_tables(person_words, learned::LEARNED_NAMES)
    }

    /// Compiles the word tables with other person-name words and other
    /// learned organization and place names (the format of
    /// `names-learned.tsv`, see [`learned::LearnedNames::new`]): for
    /// cross-validation of both learned tables.
    pub fn with_tables(person_words: &str, learned_names: &str) -> Self {
        NamesRecognizer {
            lex: Lexicon::with_person_words(person_words),
            learned: learned::LearnedNames::new(learned_names),
        }
    }

    /// Every candidate of every source, before resolution.
    pub fn candidates(&self, doc: &Document<'_>) -> Vec<NameCandidate> {
        self.candidates_in(&View::with_learned(doc, &self.lex, Some(&self.learned)))
    }

    fn candidates_in(&self, view: &View<'_, '_>) -> Vec<NameCandidate> {
        let mut out = Vec::new();
        gazetteer::find(view, &mut out);
        organization::find(view, &mut out);
        location::find(view, &mut out);
        person::find(view, &mut out);
        person::find_by_name_words(view, &mut out);
        person::find_repeats(view, &mut out);
        learned::find(view, &self.learned, &mut out);
        // A person's name after an event word names the event (`دوري
        // [عبداللطيف جميل]`, `جائزة [الملك فيصل]`), as places there do.
        out.retain(|c| {
            c.kind != EntityKind::Person || !organization::after_event_word(view, c.first)
        });
        out
    }
}

impl Recognizer for NamesRecognizer {
    fn name(&self) -> &'static str {
        "names"
    }

    fn recognize(&self, doc: &Document<'_>, out: &mut Vec<Candidate>) {
        if doc.tokens.is_empty() {
            return;
        }
        let view = View::with_learned(doc, &self.lex, Some(&self.learned));
        for c in resolve(self.candidates_in(&view)) {
            out.push(Candidate {
                kind: c.kind,
                span: view.span(c.first, c.last, view.span_skip(c.first, c.skip)),
                value: c.value,
                priority: 1,
            });
        }
    }
}

/// Rewrites the title and role of person candidates, found by the rules in
/// the normalized text, in the spelling of the original text (`اللجنه` →
/// `اللجنة`). Call before the candidates' spans are mapped to the original.
pub fn restore_value_spellings(
    original: &str,
    normalized: &NormalizedText,
    candidates: &mut [Candidate],
) {
    let text = normalized.text.as_str();
    let to_original = |start: usize, len: usize| {
        let span = normalized.to_original(Span::new(start, start + len));
        let span = crate::normalize::extend_over_marks(original, span);
        original[span.range()].to_string()
    };
    for c in candidates.iter_mut() {
        let Value::Person { title, role } = &mut c.value else {
            continue;
        };
        if let Some(t) = title {
            let window_start = floor_char(text, c.span.start.saturating_sub(600));
            let (alef, body) = written_body(t, &text[window_start..c.span.start]);
            if let Some(pos) = text[window_start..c.span.start].rfind(body) {
                *t = format!("{alef}{}", to_original(window_start + pos, body.len()));
            }
        }
        if let Some(r) = role {
            let window_end = ceil_char(text, (c.span.end + 1200).min(text.len()));
            let after = &text[c.span.end..window_end];
            if let Some(pos) = after.find(r.as_str()) {
                *r = to_original(c.span.end + pos, r.len());
            } else {
                let (alef, body) = written_body(r, &text[..c.span.start]);
                if let Some(pos) = text[..c.span.start].rfind(body) {
                    *r = format!("{alef}{}", to_original(pos, body.len()));
                }
            }
        }
    }
}

/// `c.is_alphabetic()`, answered without the Unicode tables for the basic
/// Arabic letters (`ء` to `غ`, `ف` to `ي`), most of the text: the standard
/// library's fast path covers ASCII only, and its table search for every
/// other letter cost ~500 instructions a letter.
#[inline]
pub(crate) fn is_alphabetic(c: char) -> bool {
    matches!(c, '\u{0621}'..='\u{063A}' | '\u{0641}'..='\u{064A}') || c.is_alphabetic()
}

/// A title or role `value` whose article lost its alef behind `ل` in
/// `text` (`للرئيس` gives the title `الرئيس`, see [`View::span_skip`]):
/// `("ا", the value without it)` to find as written; else `("", value)`.
fn written_body<'v>(value: &'v str, text: &str) -> (&'static str, &'v str) {
    match value.strip_prefix('ا') {
        Some(body) if body.starts_with('ل') && !text.contains(value) => ("ا", body),
        _ => ("", value),
    }
}

fn floor_char(text: &str, mut i: usize) -> usize {
    while !text.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn ceil_char(text: &str, mut i: usize) -> usize {
    while !text.is_char_boundary(i) {
        i += 1;
    }
    i
}

#[cfg(test)]
mod tests;
