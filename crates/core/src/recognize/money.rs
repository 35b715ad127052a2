//! Money: an amount (digits or words, with scale words) and a currency word
//! or symbol, resolved to ISO 4217: `5 ملايين دولار` (5000000 USD),
//! `53,389.7 مليار دونج`, `25 ألف ليرة سورية` (SYP), `$5`, `٣٠٠ ﷼`,
//! `ستمائة و اثنان و خمسون ريالاً و اثنتا عشرة هللة` (652.12 SAR). The
//! currency table is `crates/core/data/currencies.tsv`.

use super::number::{is_bracketed, parse_number_at, parse_scaled_number_at};
use super::number_words::{
    cardinal_at, cardinal_tokens, scale_at, word_tokens, WordMap, MONEY_ANCHOR, MONEY_START,
};
use super::range::far_end_after;
use super::{Candidate, Document, Recognizer};
use crate::entity::{EntityKind, Num, Value};
use crate::normalize::search_form;
use crate::span::Span;
use crate::tokenize::TokenKind;
use std::collections::HashMap;

/// The most tokens an amount in words spans before its currency.
const MAX_AMOUNT_WORDS: usize = 40;

/// `واحد` (one) in search form.
pub(crate) const ONE: &str = "واحد";

/// The currency table (format in its header).
const CURRENCIES: &str = data_table!(include_str!("../../data/currencies.tsv"));

/// One currency phrase: a set of accepted forms per word.
#[derive(Debug)]
struct Phrase {
    words: Vec<WordMap<()>>,
    code: String,
    /// Symbols and Latin codes may also come before the amount (`$5`, `USD 5`).
    before: bool,
}

/// A subunit of a currency (`هللة` = 1/100 SAR).
#[derive(Debug)]
struct Subunit {
    code: String,
    divisor: f64,
    forms: WordMap<()>,
}

/// An amount read at a token: tokens `first..=last`, its span and value.
#[derive(Debug, Clone, Copy)]
struct Amount {
    first: usize,
    last: usize,
    span: Span,
    value: f64,
}

/// Finds amounts of money.
#[derive(Debug)]
pub struct MoneyRecognizer {
    /// Phrases, longest first.
    phrases: Vec<Phrase>,
    /// Index of `phrases` by any form of their first word.
    by_first_word: WordMap<Vec<usize>>,
    /// Per byte, true when some key of `by_first_word` starts with it: a
    /// punctuation or digit token whose first byte is not one is no anchor,
    /// and is not hashed.
    first_bytes: [bool; 256],
    subunits: Vec<Subunit>,
    /// True when built from the default table ([`CURRENCIES`]): its word
    /// anchors are then read from the number family's shared start lists.
    default_table: bool,
}

impl Default for MoneyRecognizer {
    fn default() -> Self {
        MoneyRecognizer {
            default_table: true,
            ..Self::from_table(CURRENCIES)
        }
    }
}

/// The agreement forms of an adjective in search form: `كندي` → `كندي`,
/// `كنديا`, `كنديه`, `الكندي`, `الكنديه`.
fn adjective_forms(base: &str) -> Vec<String> {
    let mut out = Vec::with_capacity(6);
    for stem in [base.to_string(), format!("ال{base}")] {
        out.push(format!("{stem}ا"));
        out.push(format!("{stem}ه"));
        out.push(stem);
    }
    out
}

impl MoneyRecognizer {
    /// Compiles a currency table (the format of `data/currencies.tsv`).
    /// Panics on a malformed line: the table is part of the build.
    pub fn from_table(table: &str) -> Self {
        let mut sets: HashMap<String, Vec<String>> = HashMap::new();
        let mut phrases = Vec::new();
        let mut subunits = Vec::new();
        let forms_of = |spec: &str, sets: &HashMap<String, Vec<String>>| -> Vec<String> {
            let mut out = Vec::new();
            for alt in spec.split('|') {
                if let Some(name) = alt.strip_prefix('@') {
                    let set = sets
                        .get(name)
                        .unwrap_or_else(|| panic!("currencies.tsv: unknown set @{name}"));
                    out.extend(set.iter().cloned());
                } else if let Some(adj) = alt.strip_prefix('~') {
                    out.extend(adjective_forms(&search_form(adj)));
                } else {
                    out.push(search_form(alt));
                }
            }
            out
        };
        for line in table.lines() {
            let line = line.trim_end();
            if line.is_empty() || line.starts_with('#') {
                continue;
            }
            let (head, body) = line
                .split_once('\t')
                .unwrap_or_else(|| panic!("currencies.tsv: no tab in {line:?}"));
            if let Some(name) = head.strip_prefix('@') {
                let forms = forms_of(body, &sets);
                sets.insert(name.to_string(), forms);
            } else if let Some((code, div)) = head.split_once('/') {
                subunits.push(Subunit {
                    code: code.to_string(),
                    divisor: div.parse().expect("currencies.tsv: subunit divisor"),
                    forms: forms_of(body, &sets).into_iter().map(|f| (f, ())).collect(),
                });
            } else {
                let words: Vec<WordMap<()>> = body
                    .split(' ')
                    .map(|w| forms_of(w, &sets).into_iter().map(|f| (f, ())).collect())
                    .collect();
                // Only symbols and Latin codes, none of whose forms is Arabic.
                let before = words
                    .iter()
                    .flat_map(|w| w.keys())
                    .all(|f| !f.chars().any(|c| ('\u{0600}'..='\u{06FF}').contains(&c)));
                phrases.push(Phrase {
                    words,
                    code: head.to_string(),
                    before,
                });
            }
        }
        crate::sort::sort_by_u64_key(&mut phrases, |p| crate::sort::longest_first(p.words.len()));
        let mut by_first_word: WordMap<Vec<usize>> = WordMap::default();
        for (k, p) in phrases.iter().enumerate() {
            for form in p.words[0].keys() {
                by_first_word.entry(form.clone()).or_default().push(k);
            }
        }
        let mut first_bytes = [false; 256];
        for form in by_first_word.keys() {
            if let Some(&b) = form.as_bytes().first() {
                first_bytes[usize::from(b)] = true;
            }
        }
        MoneyRecognizer {
            phrases,
            by_first_word,
            first_bytes,
            subunits,
            default_table: false,
        }
    }

    /// The recognizer of the default table, compiled once per process (the
    /// number family's word tables ask it which words are anchors).
    pub(crate) fn shared() -> &'static MoneyRecognizer {
        static SHARED: std::sync::OnceLock<MoneyRecognizer> = std::sync::OnceLock::new();
        SHARED.get_or_init(MoneyRecognizer::default)
    }

    /// True when the word `w` is a form of the first word of a currency phrase.
    pub(crate) fn is_anchor_word(&self, w: &str) -> bool {
        self.by_first_word.contains_key(w)
    }

    /// False when token `j` cannot be the first word of a phrase, told
    /// without hashing: a word without the family's anchor bit (default
    /// table), a token whose first byte starts no first word.
    fn may_open_phrase(&self, doc: &Document<'_>, j: usize) -> bool {
        let t = &doc.tokens[j];
        if t.kind == TokenKind::Word && self.default_table {
            return super::number_words::word_has(doc, j, MONEY_ANCHOR);
        }
        self.first_bytes[usize::from(doc.text.as_bytes()[t.span.start])]
    }

    /// True when token `j` is a form of the first word of a phrase.
    fn first_word_at(&self, doc: &Document<'_>, j: usize) -> bool {
        self.may_open_phrase(doc, j) && self.by_first_word.contains_key(doc.token_text(j))
    }

    /// The longest phrase starting at token `j`: its index and last token.
    /// With `same_line`, token `j` must be on the line of the token before it.
    fn phrase_at(&self, doc: &Document<'_>, j: usize, same_line: bool) -> Option<(usize, usize)> {
        let t = doc.tokens.get(j)?;
        if (same_line && t.newline_before) || t.kind == TokenKind::Digits {
            return None;
        }
        if !self.may_open_phrase(doc, j) {
            return None;
        }
        let candidates = self.by_first_word.get(doc.token_text(j))?;
        candidates.iter().find_map(|&k| {
            let p = &self.phrases[k];
            let last = j + p.words.len() - 1;
            // The first word is a form of the phrase's first word: that is
            // how `by_first_word` listed the phrase.
            let all = last < doc.tokens.len()
                && p.words.iter().enumerate().skip(1).all(|(n, forms)| {
                    let t = j + n;
                    !doc.tokens[t].newline_before && forms.contains_key(doc.token_text(t))
                });
            all.then_some((k, last))
        })
    }
}

/// Fractions of a scale with the article (`نصف المليون`), in search form.
const FRACTION_PARTS: &[(&str, f64)] = &[("نصف", 0.5), ("ربع", 0.25), ("ثلث", 1.0 / 3.0)];

impl MoneyRecognizer {
    /// A currency phrase at token `i` after a scale word with the article
    /// (`المليون ريال`, `بالمليار دولار`, `للمليون`): the phrase, its last
    /// token, the scale's span (without its clitic) and its multiplier.
    fn definite_scale_before(
        &self,
        doc: &Document<'_>,
        i: usize,
    ) -> Option<(usize, usize, crate::span::Span, f64)> {
        if i == 0 || doc.tokens[i - 1].kind != TokenKind::Word || doc.tokens[i].newline_before {
            return None;
        }
        let word = doc.token_text(i - 1);
        let (lead, m) = ["", "و", "ب", "ف", "ك"].iter().find_map(|c| {
            let bare = word.strip_prefix(c)?.strip_prefix("ال")?;
            // One scale, not a plural (`الملايين من الدولارات`: an unstated amount).
            if !["الف", "مليون", "مليار", "بليون", "ترليون", "تريليون"].contains(&bare)
            {
                return None;
            }
            Some((c.len(), super::number_words::scale_of(bare)?))
        })?;
        // Not after a number (`خمسة المليون`); after a fraction, its part
        // (`نصف المليون دولار`: 500,000), unless it adds to an amount before
        // (`المليون ونصف المليون`).
        let mut first = i - 1;
        let mut m = m;
        if i > 1 && !doc.tokens[i - 1].newline_before {
            let before = &doc.tokens[i - 2];
            let w = doc.token_text(i - 2);
            let part = |w: &str| {
                FRACTION_PARTS
                    .iter()
                    .find(|(f, _)| *f == w)
                    .map(|&(_, v)| v)
            };
            let fraction = before.kind == TokenKind::Word && part(w).is_some();
            if before.kind == TokenKind::Digits || !fraction && cardinal_at(doc, i - 2).is_some() {
                return None;
            }
            if before.kind == TokenKind::Word && w.strip_prefix('و').and_then(part).is_some() {
                return None;
            }
            if let Some(f) = part(w).filter(|_| before.kind == TokenKind::Word) {
                m *= f;
                first = i - 2;
            }
        }
        let (k, last) = self.phrase_at(doc, i, true)?;
        let mut span = doc.tokens[first].span.union(&doc.tokens[i - 1].span);
        if first == i - 1 {
            span.start += lead;
        }
        Some((k, last, span, m))
    }

    /// A currency phrase at token `i` whose first word is a dual
    /// (`دولارين`, `ليرتان`): a form of the phrase's first word plus `ان`/`ين`,
    /// its `ة` becoming `ت`. Returns the phrase and its last token.
    fn dual_currency_at(&self, doc: &Document<'_>, i: usize) -> Option<(usize, usize)> {
        if doc.tokens.get(i)?.kind != TokenKind::Word {
            return None;
        }
        let word = doc.token_text(i);
        let stem = word
            .strip_suffix("ان")
            .or_else(|| word.strip_suffix("ين"))?;
        if stem.chars().count() < 3 {
            return None;
        }
        let (k, last) = self.phrase_at(doc, i, false)?;
        let first = &self.phrases[k].words[0];
        let singular = first.contains_key(stem)
            || stem
                .strip_suffix('ت')
                .is_some_and(|s| first.contains_key(&format!("{s}ه")));
        singular.then_some((k, last))
    }

    /// A currency phrase at token `i` followed by `واحد` ("one", agreeing
    /// with it: `دولار أمريكي واحد`, `ريالاً واحداً`, `ليرة واحدة`): the
    /// phrase and the token of `واحد`.
    fn one_currency_at(&self, doc: &Document<'_>, i: usize) -> Option<(usize, usize)> {
        if doc.tokens.get(i)?.kind != TokenKind::Word {
            return None;
        }
        let (k, last) = self.phrase_at(doc, i, false)?;
        let one = last + 1;
        let t = doc.tokens.get(one)?;
        let is_one = t.kind == TokenKind::Word
            && !t.newline_before
            && matches!(doc.token_text(one), "واحد" | "واحدا" | "واحده");
        is_one.then_some((k, one))
    }

    /// A phrase that may stand before an amount and ends at token `end`.
    fn phrase_before(&self, doc: &Document<'_>, end: usize) -> Option<(usize, usize)> {
        (0..=end.min(2)).rev().find_map(|len| {
            let start = end - len;
            let (k, last) = self.phrase_at(doc, start, false)?;
            let glued_word = doc.tokens[end + 1..]
                .first()
                .is_some_and(|t| !t.space_before);
            let p = &self.phrases[k];
            // Symbols and codes before the amount; an Arabic currency word only
            // when glued to it (`﷼5` arrives as `ريال5`).
            (last == end && (p.before || (glued_word && p.words.len() == 1))).then_some((k, start))
        })
    }

    /// When `amount` is bare digits before a range connector and an amount
    /// of money (`من 3 إلى 5 ملايين دولار`, `بين 20 و30 دولارا`): its value
    /// with the far end's scale word, and the far end's currency.
    fn near_end_of_range(&self, doc: &Document<'_>, amount: &Amount) -> Option<(f64, &str)> {
        // A bare count, digits or words, without a scale word of its own.
        let bare = match doc.tokens[amount.first].kind {
            TokenKind::Digits => parse_number_at(doc, amount.first)?.last == amount.last,
            _ => scale_at(doc, amount.last).is_none(),
        };
        if !bare {
            return None;
        }
        let far = far_end_after(doc, amount.first, amount.last, amount.value)?;
        let far_amount = Self::amount_at(doc, far.first)?;
        let (k, _) = self.phrase_at(doc, far_amount.last + 1, true)?;
        Some((amount.value * far.scale, self.phrases[k].code.as_str()))
    }

    /// An amount at token `i`: digits with an optional scale, or words.
    fn amount_at(doc: &Document<'_>, i: usize) -> Option<Amount> {
        if let Some(n) = parse_scaled_number_at(doc, i) {
            return Some(Amount {
                first: n.number.first,
                last: n.last,
                span: n.span(doc),
                value: n.value,
            });
        }
        if let Some(n) = cardinal_at(doc, i) {
            return Some(Amount {
                first: n.first,
                last: n.last,
                span: n.span,
                value: n.value,
            });
        }
        // `واحد` alone is left to the context by cardinal_at (it folds like
        // `وأحد`, "and one of"); before a currency word it is the amount one.
        let token = doc.tokens.get(i)?;
        (token.kind == TokenKind::Word && doc.token_text(i) == ONE).then(|| Amount {
            first: i,
            last: i,
            span: doc.tokens[i].span,
            value: 1.0,
        })
    }

    /// After a currency ending at token `end`: `و اثنتا عشرة هللة`. Returns
    /// the fraction to add and the last token.
    /// The currency may change to the subunit's (`دينار و 420 مليم` is TND).
    fn subunit_after(
        &self,
        doc: &Document<'_>,
        end: usize,
        code: &str,
    ) -> Option<(f64, usize, &str)> {
        let mut i = end + 1;
        let t = doc.tokens.get(i)?;
        if t.newline_before {
            return None;
        }
        let glued_conj = doc.token_text(i).starts_with('و') && doc.token_text(i) != "و";
        if doc.token_text(i) == "و" {
            i += 1;
        } else if !glued_conj {
            return None;
        }
        // `وخمسون قرشاً`: cardinal_at leaves the glued conjunction out.
        let amount = Self::amount_at(doc, i)?;
        let unit = amount.last + 1;
        let word = doc.tokens.get(unit).map(|_| doc.token_text(unit))?;
        let sub = self
            .subunits
            .iter()
            .find(|s| s.code == code && s.forms.contains_key(word))
            .or_else(|| {
                // A bare noun (`دينار`) followed by the subunit of one of the
                // currencies of that name (`مليم`: the Tunisian dinar).
                let noun = doc.token_text(end);
                self.subunits.iter().find(|s| {
                    s.forms.contains_key(word)
                        && self
                            .phrases
                            .iter()
                            .any(|p| p.code == s.code && p.words[0].contains_key(noun))
                })
            })?;
        (amount.value >= 0.0 && amount.value < sub.divisor).then_some((
            amount.value / sub.divisor,
            unit,
            sub.code.as_str(),
        ))
    }
}

impl Recognizer for MoneyRecognizer {
    fn name(&self) -> &'static str {
        "money"
    }

    fn recognize(&self, doc: &Document<'_>, out: &mut Vec<Candidate>) {
        // Amounts in words are only read near a currency word or symbol
        // (an anchor): the anchors, in order. Symbols (`$`) are punctuation
        // tokens: looked up one by one.
        // The anchor words, and those and `واحد`: from the family's start
        // lists, or, for another table, from a pass of this recognizer's own.
        let own_lists;
        let own_starts;
        let (word_anchors, anchors_or_one) = if self.default_table {
            (
                word_tokens(doc, MONEY_ANCHOR),
                word_tokens(doc, MONEY_START),
            )
        } else {
            let bits: Vec<u8> = doc
                .words()
                .iter()
                .map(|w| u8::from(self.is_anchor_word(w)) | (u8::from(*w == ONE) * 2))
                .collect();
            own_lists = doc.word_tokens_by_bit(&bits);
            own_starts = super::merge_tokens(&own_lists[0], &own_lists[1]);
            (&own_lists[0][..], &own_starts[..])
        };
        // Symbols (`$`) and other non-word anchors, asked only in the window
        // of a start in words that has no anchor word: no pass over every
        // punctuation token.
        let other_anchor_in = |tokens: &[u32], from: usize, to: usize| {
            let k = tokens.partition_point(|&t| (t as usize) < from);
            tokens[k..]
                .iter()
                .take_while(|&&t| t as usize <= to)
                .any(|&t| self.first_word_at(doc, t as usize))
        };
        let anchor_in = |from: usize, to: usize| {
            super::any_token_in(word_anchors, from, to)
                || other_anchor_in(doc.punct_tokens(), from, to)
                || other_anchor_in(doc.digit_tokens(), from, to)
        };
        // An amount starts at digits, at a cardinal in words or at `واحد`;
        // the dual of a currency word (`دولارين`) is an anchor itself.
        let words = super::merge_tokens(cardinal_tokens(doc), anchors_or_one);
        let starts = super::merge_tokens(doc.digit_tokens(), &words);
        super::walk(&starts, |i| {
            let digits = doc.tokens[i].kind == TokenKind::Digits;
            // A symbol may also stand up to two tokens before the amount (`US $`).
            let from = i.saturating_sub(2);
            if !digits && !anchor_in(from, from + MAX_AMOUNT_WORDS + 2) {
                return i + 1;
            }
            let Some(amount) = Self::amount_at(doc, i) else {
                // `دولار أمريكي واحد`, `ريالا واحدا`: one of the currency.
                if let Some((k, last)) = self.one_currency_at(doc, i) {
                    out.push(Candidate {
                        kind: EntityKind::Money,
                        span: doc.tokens[i].span.union(&doc.tokens[last].span),
                        value: Value::Money {
                            amount: Num(1.0),
                            currency: self.phrases[k].code.clone(),
                        },
                        priority: 15,
                    });
                    return last + 1;
                }
                // `دولارين`, `ريالان`: the dual of a currency word is two of it.
                if let Some((k, last)) = self.dual_currency_at(doc, i) {
                    out.push(Candidate {
                        kind: EntityKind::Money,
                        span: doc.tokens[i].span.union(&doc.tokens[last].span),
                        value: Value::Money {
                            amount: Num(2.0),
                            currency: self.phrases[k].code.clone(),
                        },
                        priority: 15,
                    });
                    return last + 1;
                }
                // `المليون ريال`: a scale with the article, right before the currency.
                if let Some((k, last, span, m)) = self.definite_scale_before(doc, i) {
                    out.push(Candidate {
                        kind: EntityKind::Money,
                        span: span.union(&doc.tokens[last].span),
                        value: Value::Money {
                            amount: Num(m),
                            currency: self.phrases[k].code.clone(),
                        },
                        priority: 15,
                    });
                    return last + 1;
                }
                return i + 1;
            };
            let mut found = None;
            // `(500) ريال`: the amount in brackets, then the currency.
            let bracketed = amount.last == amount_digits_end(doc, &amount)
                && is_bracketed(doc, amount.first, amount.last)
                && self.phrase_at(doc, amount.last + 1, true).is_none();
            let amount = match bracketed {
                true => Amount {
                    first: amount.first - 1,
                    last: amount.last + 1,
                    span: doc.tokens[amount.first - 1]
                        .span
                        .union(&doc.tokens[amount.last + 1].span),
                    value: amount.value,
                },
                false => amount,
            };
            if let Some((k, last)) = self.phrase_at(doc, amount.last + 1, true) {
                let mut code = self.phrases[k].code.as_str();
                let mut value = amount.value;
                let mut end = last;
                if let Some((fraction, e, c)) = self.subunit_after(doc, last, code) {
                    value += fraction;
                    end = e;
                    code = c;
                }
                found = Some((amount.span.union(&doc.tokens[end].span), code, value, end));
            } else if amount.first > 0 && !doc.tokens[amount.first].newline_before {
                if let Some((k, start)) = self.phrase_before(doc, amount.first - 1) {
                    // `$3.5m`, `$500k`: a scale letter glued to the digits.
                    let (value, last) = match letter_scale_after(doc, amount.last) {
                        Some(m) => (amount.value * m, amount.last + 1),
                        None => (amount.value, amount.last),
                    };
                    found = Some((
                        doc.tokens[start].span.union(&doc.tokens[last].span),
                        self.phrases[k].code.as_str(),
                        value,
                        last,
                    ));
                }
            }
            match found {
                Some((span, code, value, end)) => {
                    out.push(Candidate {
                        kind: EntityKind::Money,
                        span,
                        value: Value::Money {
                            amount: Num(value),
                            currency: code.to_string(),
                        },
                        priority: 15,
                    });
                    end + 1
                }
                None => {
                    // `من 3 إلى 5 ملايين دولار`: the near end of a range of amounts.
                    if let Some((value, code)) = self.near_end_of_range(doc, &amount) {
                        out.push(Candidate {
                            kind: EntityKind::Money,
                            span: amount.span,
                            value: Value::Money {
                                amount: Num(value),
                                currency: code.to_string(),
                            },
                            priority: 15,
                        });
                    }
                    amount.last + 1
                }
            }
        });
    }
}

/// The last digit token of an amount in digits without a scale word
/// (`usize::MAX` for other amounts).
fn amount_digits_end(doc: &Document<'_>, amount: &Amount) -> usize {
    match doc.tokens[amount.first].kind {
        TokenKind::Digits => parse_number_at(doc, amount.first)
            .filter(|n| n.first == amount.first)
            .map_or(usize::MAX, |n| n.last),
        _ => usize::MAX,
    }
}

/// After a sign or code before the amount (`$3.5m`, `$500k`): the
/// multiplier of a scale letter glued to the digits ending at token `last`.
fn letter_scale_after(doc: &Document<'_>, last: usize) -> Option<f64> {
    let t = doc.tokens.get(last + 1)?;
    if doc.tokens[last].kind != TokenKind::Digits || t.kind != TokenKind::Word || t.space_before {
        return None;
    }
    match doc.token_text(last + 1) {
        "k" | "K" => Some(1e3),
        "m" | "M" => Some(1e6),
        "b" | "B" => Some(1e9),
        _ => None,
    }
}

/// `د.أ` (Jordanian dinar) and `د.إ` (UAE dirham) fold to the same search
/// form, read as AED: when the candidate's original text (`original` is the
/// text the candidate's span is now in) writes the alif with hamza above,
/// the currency is JOD.
pub fn restore_currency_spelling(original: &str, c: &mut Candidate) {
    let Value::Money { currency, .. } = &mut c.value else {
        return;
    };
    let hamza_above = original
        .get(c.span.range())
        .is_some_and(|text| text.ends_with('أ'));
    if currency == "AED" && hamza_above {
        *currency = "JOD".to_string();
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::tokenize::tokenize;

    fn money(text: &str) -> Vec<(String, f64, String)> {
        let norm = search_form(text);
        let tokens = tokenize(&norm);
        let doc = Document::new(&norm, &tokens);
        let mut out = Vec::new();
        MoneyRecognizer::default().recognize(&doc, &mut out);
        out.into_iter()
            .map(|c| match c.value {
                Value::Money { amount, currency } => {
                    (norm[c.span.range()].to_string(), amount.0, currency)
                }
                _ => unreachable!(),
            })
            .collect()
    }

    fn one(text: &str) -> (f64, String) {
        let m = money(text);
        assert_eq!(m.len(), 1, "{text}: {m:?}");
        (m[0].1, m[0].2.clone())
    }

    #[test]
    fn currencies_told_apart_by_adjectives() {
        assert_eq!(one("5 ملايين دولار"), (5e6, "USD".into()));
        assert_eq!(
            one("بلغ 53,389.7 مليار دونج"),
            (53389700000000.0, "VND".into())
        );
        assert_eq!(one("100 دولار كندي"), (100.0, "CAD".into()));
        assert_eq!(one("مليون جنيه إسترليني"), (1e6, "GBP".into()));
        assert_eq!(one("عشرة جنيهات"), (10.0, "EGP".into()));
        assert_eq!(one("25 ألف ليرة سورية"), (25000.0, "SYP".into()));
        assert_eq!(one("300 ريال قطري"), (300.0, "QAR".into()));
        assert_eq!(one("300 ريال"), (300.0, "SAR".into()));
        assert_eq!(one("7 دنانير أردنية"), (7.0, "JOD".into()));
        assert_eq!(one("$5"), (5.0, "USD".into()));
        assert_eq!(one("5 $"), (5.0, "USD".into()));
        assert_eq!(one("€ 20 مليون"), (2e7, "EUR".into()));
        assert_eq!(one("٣٠٠ ﷼"), (300.0, "SAR".into()));
        assert_eq!(one("5 مليارات من الدولارات"), (5e9, "USD".into()));
        assert_eq!(one("800 أوقية موريتانية"), (800.0, "MRU".into()));
        assert_eq!(one("900 فرنك جيبوتي"), (900.0, "DJF".into()));
        assert_eq!(one("١٠٠ فرنك قمري"), (100.0, "KMF".into()));
        assert_eq!(one("3 آلاف شلن صومالي"), (3000.0, "SOS".into()));
        // An ounce of gold is not the ouguiya.
        assert!(money("2000 دولار للأوقية").iter().all(|m| m.2 == "USD"));
    }

    #[test]
    fn english_scale_words_and_codes() {
        assert_eq!(one("$2.5 million"), (2.5e6, "USD".into()));
        assert_eq!(one("USD 3 billion"), (3e9, "USD".into()));
        assert_eq!(one("$3.5m"), (3.5e6, "USD".into()));
        assert_eq!(one("$500k"), (5e5, "USD".into()));
        assert_eq!(one("بلغ 500 SR"), (500.0, "SAR".into()));
        assert_eq!(one("5ر15 مليون دولار"), (15.5e6, "USD".into()));
        // A letter after a bare number is no scale (`3m` may be metres).
        assert!(money("3m").is_empty());
        // In brackets, before the scale word or the currency.
        assert_eq!(one("بـ(450) ألف ريال"), (450000.0, "SAR".into()));
        assert_eq!(one("بلغت (500) ريال"), (500.0, "SAR".into()));
    }

    #[test]
    fn abbreviations_and_duals() {
        assert_eq!(one("بلغ 500 ر.س"), (500.0, "SAR".into()));
        assert_eq!(one("بلغ ٢٥٠ د.ك"), (250.0, "KWD".into()));
        assert_eq!(one("بلغ 1000 دج"), (1000.0, "DZD".into()));
        assert_eq!(one("بلغ 70 ج.م"), (70.0, "EGP".into()));
        assert_eq!(one("دفع دولارين فقط"), (2.0, "USD".into()));
        assert_eq!(one("بسعر دولار أمريكي واحد للسهم"), (1.0, "USD".into()));
        assert_eq!(one("لا يتجاوز ريالاً واحداً"), (1.0, "SAR".into()));
        assert_eq!(one("دفع ليرتين"), (2.0, "TRY".into()));
        assert!(money("بلغ 500 يوان").iter().all(|m| m.1 == 500.0));
    }

    #[test]
    fn jordanian_dinar_and_uae_dirham_abbreviations() {
        let mut c = Candidate {
            kind: EntityKind::Money,
            span: Span::new(0, "50 د.أ".len()),
            value: Value::Money {
                amount: Num(50.0),
                currency: "AED".into(),
            },
            priority: 15,
        };
        let mut d = c.clone();
        restore_currency_spelling("50 د.أ", &mut c);
        restore_currency_spelling("50 د.إ", &mut d);
        assert_eq!(
            c.value,
            Value::Money {
                amount: Num(50.0),
                currency: "JOD".into()
            }
        );
        assert_eq!(
            d.value,
            Value::Money {
                amount: Num(50.0),
                currency: "AED".into()
            }
        );
    }

    #[test]
    fn ranges_of_amounts_give_both_ends() {
        assert_eq!(
            money("ما بين 3 و5 ملايين دولار"),
            [
                ("3".to_string(), 3e6, "USD".to_string()),
                ("5 ملايين دولار".to_string(), 5e6, "USD".to_string())
            ]
        );
        assert_eq!(
            money("من 70 إلى 80 دولارا")[0],
            ("70".to_string(), 70.0, "USD".to_string())
        );
        assert_eq!(money("20-25 دينارا كويتيا")[0].2, "KWD");
        assert_eq!(
            money("من خمسة إلى سبعة ملايين دولار")[0],
            ("خمسه".to_string(), 5e6, "USD".to_string())
        );
        assert_eq!(money("قتل 3 و5 ملايين دولار").len(), 1);
    }

    #[test]
    fn words_and_subunits() {
        assert_eq!(
            one("ستمائة و اثنان و خمسون ريالاً و اثنتا عشرة هللة"),
            (652.12, "SAR".into())
        );
        assert_eq!(one("ألفا ريال"), (2000.0, "SAR".into()));
        assert_eq!(one("واحد ريال"), (1.0, "SAR".into()));
        assert_eq!(one("مليون دينار كويتي"), (1e6, "KWD".into()));
        assert_eq!(
            one("ألف دينار و أربعمائة و عشرون مليم"),
            (1000.42, "TND".into())
        );
        assert_eq!(one("مليوني دولار"), (2e6, "USD".into()));
        assert!(money("ملايين الدولارات").is_empty());
        assert!(money("5 أشخاص").is_empty());
        assert!(money("ارتفع الدولار، دولار 5 مرات").is_empty());
    }
}
