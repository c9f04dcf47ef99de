//! Who said a quotation: the cue patterns of news English around a quotation token.
//!
//! Patterns are tried from the most to the least specific: a cue right after the quotation
//! (`"…," said X`, `"…," X said`), a colon introduction (`X told the BBC: "…"`), a cue earlier
//! in the same sentence (`X said the plan was "…"`, `according to X, «…»`), a cue closing the
//! sentence (`The US was "…" and India had its problems, Ms Short said.`). Every walk is bounded
//! by the sentence and by the neighbouring quotation, so the whole pass stays linear.

use std::ops::Range;

use super::SpeakerKind;
use super::lexicon::{
    Gender, WordSet, changes_role, hears, honorific, is_body_noun, is_body_word, is_business_noun,
    is_capitalised, is_capitalised_function_word, is_determiner, is_document_noun, is_ly_adverb,
    is_nationality, is_possessive, is_role_word, is_work_noun, lower, refers_to_business,
    strip_possessive,
};
use super::names::{Registry, looks_like_person, split_name, split_name_opening};
use super::tokens::{Tok, TokKind};

mod placement;
#[cfg(test)]
mod tests;

/// How far (in tokens) a cue may stand from the quotation it attributes.
const MAX_WALK: usize = 60;
/// The longest noun phrase taken as a speaker.
const MAX_NP: usize = 10;

/// A tokenised paragraph.
pub(super) struct Para<'a> {
    pub text: &'a str,
    pub toks: &'a [Tok],
    /// Byte offset where pronouns may look for antecedents first (the previous paragraph).
    pub near: usize,
}

/// What attributes a quotation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) enum Attr {
    /// A cue; the speaker is `None` when the cue names nobody we can resolve (`they said`).
    Cue {
        speaker: Option<usize>,
        cue: Range<usize>,
    },
    /// Same sentence as the paragraph's quotation with this index, and no cue in between.
    Like(usize),
    None,
}

#[derive(Clone, Copy, PartialEq, Eq)]
enum Verb {
    /// Verbs of saying that also stand before their subject (`said X`).
    Say,
    /// Verbs that only follow their subject (`X told`, `X called it`, `X pointed out`).
    After,
}

/// The verbs of [`Verb::Say`]: verbs of saying, past or present, which may also stand before
/// their subject (`"…," said Roe`).
pub(super) static SAY_VERBS: WordSet = WordSet::new(&[
    "said",
    "says",
    "say",
    "added",
    "adds",
    "stated",
    "states",
    "noted",
    "notes",
    "warned",
    "warns",
    "insisted",
    "insists",
    "argued",
    "argues",
    "explained",
    "explains",
    "wrote",
    "writes",
    "asked",
    "asks",
    "replied",
    "replies",
    "claimed",
    "claims",
    "declared",
    "declares",
    "continued",
    "continues",
    "admitted",
    "admits",
    "acknowledged",
    "conceded",
    "concedes",
    "announced",
    "commented",
    "suggested",
    "suggests",
    "urged",
    "urges",
    "countered",
    "responded",
    "stressed",
    "stresses",
    "emphasised",
    "emphasized",
    "revealed",
    "remarked",
    "observed",
    "recalled",
    "predicted",
    "confirmed",
    "maintained",
    "complained",
    "joked",
    "vowed",
    "answered",
    "exclaimed",
    "shouted",
    "cried",
    "whispered",
    "muttered",
    "murmured",
    "quipped",
    "concluded",
    "remarks",
    "recalls",
    "observes",
    "echoes",
    "echoed",
    "tweeted",
    "testified",
    "cautioned",
    "cautions",
    "agreed",
    "agrees",
    "lamented",
    "laments",
    "boasted",
    "boasts",
    "pleaded",
    "reiterated",
    "reiterates",
    "wondered",
    "wonders",
    "laughed",
    "laughs",
    "sighed",
    "sighs",
    "acknowledges",
    "announces",
    "confirms",
    "predicts",
    "mentioned",
    "repeated",
    "repeats",
    "asserted",
    "asserts",
    "contended",
    "contends",
    "maintains",
]);

/// The verbs of [`Verb::After`] that need no word after them: `told`, `called`, `accused`,
/// whose subject stands before them. The plain present (`The Lib Dems accuse`, `critics
/// describe`) too, for verbs that are no common noun (`call`, `brand`, `hail` are).
static AFTER_VERBS: WordSet = WordSet::new(&[
    "told",
    "tells",
    "called",
    "calls",
    "described",
    "describes",
    "describe",
    "branded",
    "dubbed",
    "accused",
    "accuses",
    "accuse",
    "condemned",
    "condemn",
    "criticised",
    "criticized",
    "criticise",
    "criticize",
    "dismissed",
    "dismiss",
    "hailed",
]);

impl Para<'_> {
    fn word(&self, i: usize) -> Option<&str> {
        super::tokens::word_at(self.text, self.toks, i)
    }

    fn kind(&self, i: usize) -> Option<TokKind> {
        self.toks.get(i).map(|t| t.kind)
    }

    /// Whether token `i` is the word `lw` (lower-case ASCII) in any case. Compared without
    /// regard to ASCII case, as [`lower`] would have it, but with no copy: most words differ in
    /// length and are turned away at once.
    fn is_word(&self, i: usize, lw: &str) -> bool {
        self.word(i).is_some_and(|w| w.eq_ignore_ascii_case(lw))
    }

    /// A cue verb at token `i`: its kind and the token index just after it.
    fn cue_verb(&self, i: usize) -> Option<(Verb, usize)> {
        let w = self.word(i)?;
        // Capitalised mid-sentence, `Said` is a name (`Omar Said`), not a verb.
        if is_capitalised(w) && i > 0 && self.kind(i - 1) == Some(TokKind::Word) {
            return None;
        }
        let mut buf = [0; 16];
        let lw = lower(w, &mut buf);
        let verb = if SAY_VERBS.contains(lw) {
            // `spam continued to be a problem`, `Roe continues to live in Leeds`: `continue`
            // with an infinitive is a verb of going on, unless the infinitive says (`continued
            // to insist that`). It says something with the words as its object (`"…," Roe
            // continued.`, `continued the minister`, `he continued: "…"`). Asked only of the two
            // words.
            if matches!(lw, "continued" | "continues")
                && self.is_word(i + 1, "to")
                && !self.word(i + 2).is_some_and(|n| {
                    matches!(
                        n,
                        "say"
                            | "insist"
                            | "warn"
                            | "argue"
                            | "claim"
                            | "maintain"
                            | "deny"
                            | "urge"
                            | "stress"
                            | "call"
                            | "speak"
                            | "talk"
                            | "criticise"
                            | "criticize"
                    )
                })
            {
                return None;
            }
            Verb::Say
        } else if AFTER_VERBS.contains(lw) {
            Verb::After
        } else {
            match lw {
                // `Roe has pledged to "…"`: a pledge reports the words pledged, but it is no
                // statement a later quotation goes on with, and `had promised` after a quotation is
                // more often what someone else reports (`instead of the "…" Labour had promised`).
                "pledged" | "promised" => Verb::After,
                // `"…," points out the owner`: a verb of saying, which may come before its subject.
                "pointed" | "points" if self.is_word(i + 1, "out") => {
                    return Some((Verb::Say, i + 2));
                }
                // `As Roe put it, "…"`, `Roe put it bluntly: "…"`: `put it` before the words
                // is a verb of saying (`put it in the bin` is not: no punctuation follows).
                "put" | "puts" if self.is_word(i + 1, "it") => {
                    let stop = |k: usize| {
                        matches!(
                            self.kind(k),
                            Some(TokKind::Comma | TokKind::Colon | TokKind::Quote(_))
                        )
                    };
                    if stop(i + 2) {
                        return Some((Verb::Say, i + 2));
                    }
                    if self.word(i + 2).is_some_and(|w| w.ends_with("ly")) && stop(i + 3) {
                        return Some((Verb::Say, i + 3));
                    }
                    return None;
                }
                // `"…," Roe went on.`, `She goes on: "…"`: going on is going on speaking, when
                // the words follow or precede it (`went on to win` is not).
                "went" | "goes" if self.is_word(i + 1, "on") => {
                    return matches!(
                        self.kind(i + 2),
                        None | Some(
                            TokKind::Comma | TokKind::Colon | TokKind::Stop | TokKind::Quote(_)
                        )
                    )
                    .then_some((Verb::Say, i + 2));
                }
                // `"…," thought Rostóv.`, `"…?" she wondered.`: words in quotation marks that a
                // verb of thinking follows at once are the thinker's. Elsewhere it narrates
                // (`Roe thought the plan was good`).
                "thought" | "wondered"
                    if (i.saturating_sub(3)..i)
                        .any(|k| matches!(self.kind(k), Some(TokKind::Quote(_)))) =>
                {
                    Verb::Say
                }
                // The verbs of a turn in an exchange (`"…," he retorted.`, `"…?" Roe pressed.`,
                // `she demanded: "…"`): a reply, a challenge or an objection is said, and without
                // them a cue hands the words to the other side of the exchange. They say only
                // right after the words or right before a colon: elsewhere they narrate (`all
                // eyes demanded that he submit`, `pressed his hand`, `protested against`).
                // `pressed` also needs nothing after it (`"…," and pressed his hand`).
                "retorted" | "demanded" | "protested" | "interjected" | "pressed"
                    if (self.kind(i + 1) == Some(TokKind::Colon) && lw != "pressed")
                        || ((i.saturating_sub(6)..i)
                            .any(|k| matches!(self.kind(k), Some(TokKind::Quote(_))))
                            && (lw != "pressed"
                                || matches!(
                                    self.kind(i + 1),
                                    None | Some(TokKind::Comma | TokKind::Stop)
                                ))) =>
                {
                    Verb::Say
                }
                // `"…," the statement read.`, `Her letter reads: "…"`, `the statement read in
                // part`: a document's words are what it reads, so `read` right after a document
                // noun is a verb of saying.
                // Not a participle (`a statement read out by her lawyer`, `read to the
                // court`): the document is then the object, and whoever read it is named after.
                "read" | "reads"
                    if i > 0
                        && self.word(i - 1).is_some_and(is_document_noun)
                        && !self.word(i + 1).is_some_and(|w| {
                            matches!(w, "out" | "by" | "aloud" | "to" | "at")
                                || (w == "in" && !self.is_word(i + 2, "part"))
                        }) =>
                {
                    Verb::Say
                }
                // `X was quoted as saying`: the passive names the speaker.
                "quoted" if self.is_word(i + 1, "as") && self.is_word(i + 2, "saying") => {
                    return Some((Verb::After, i + 3));
                }
                _ => return None,
            }
        };
        // `dismissed claims that it was "…"`: a verb that judges what others said, with their
        // words as its object; the quotation is the claim's, not the subject's.
        if matches!(
            lw,
            "accused"
                | "accuses"
                | "condemned"
                | "criticised"
                | "criticized"
                | "dismissed"
                | "hailed"
        ) && self.word(i + 1).is_some_and(is_claim_noun)
        {
            return None;
        }
        // After a possessive or a determiner it is a noun (`Roe’s remarks`, `the claims`).
        if i > 0
            && self.word(i - 1).is_some_and(|p| {
                is_possessive(p) || (is_determiner(p) && !p.eq_ignore_ascii_case("that"))
            })
        {
            return None;
        }
        // A plural noun after a preposition or a verb in the past (`amid claims that`,
        // `dismissed claims`, `rejected calls for`): its object, not a verb of saying.
        let governs = |p: &str| {
            p.starts_with(char::is_lowercase)
                && (p.ends_with("ed")
                    || matches!(
                        p,
                        "amid"
                            | "of"
                            | "over"
                            | "despite"
                            | "about"
                            | "after"
                            | "following"
                            | "against"
                            | "to"
                            | "with"
                            | "by"
                            | "on"
                            | "new"
                            | "such"
                    ))
        };
        // A capitalised word between them says whose (`amid Tory claims that`, `rejected
        // Labour calls for`): still a noun.
        if matches!(lw, "claims" | "calls" | "remarks" | "notes" | "comments")
            && i > 0
            && (self.word(i - 1).is_some_and(governs)
                || (i > 1
                    && self.cap(i - 1)
                    && !self.word(i - 1).is_some_and(is_possessive)
                    && self.word(i - 2).is_some_and(governs)))
        {
            return None;
        }
        // A passive (`the court was told`) names the listener, not the speaker.
        if i > 0
            && self.word(i - 1).is_some_and(|p| {
                let mut b = [0; 16];
                matches!(
                    lower(p, &mut b),
                    "was" | "were" | "been" | "being" | "be" | "is" | "are"
                )
            })
        {
            return None;
        }
        Some((verb, i + 1))
    }

    fn is_aux(&self, i: usize) -> bool {
        let mut buf = [0; 16];
        self.word(i).is_some_and(|w| {
            matches!(
                lower(w, &mut buf),
                "has"
                    | "have"
                    | "had"
                    | "also"
                    | "later"
                    | "then"
                    | "again"
                    | "recently"
                    | "previously"
                    | "earlier"
                    | "already"
                    | "would"
                    | "will"
                    | "once"
                    | "did"
                    | "does"
                    | "meanwhile"
                    | "separately"
                    | "subsequently"
                    | "yesterday"
            )
        })
    }

    /// A word that ends a name phrase; `IT` in capitals is a word of a description (`of IT firm
    /// Acme`), not `it`.
    fn is_function_word(&self, i: usize) -> bool {
        let mut buf = [0; 16];
        self.word(i).is_some_and(|w| {
            w != "IT"
                && matches!(
                    lower(w, &mut buf),
                    "that"
                        | "and"
                        | "but"
                        | "or"
                        | "which"
                        | "who"
                        | "whom"
                        | "whose"
                        | "when"
                        | "if"
                        | "as"
                        | "after"
                        | "before"
                        | "until"
                        | "unless"
                        | "once"
                        | "because"
                        | "while"
                        | "where"
                        | "though"
                        | "although"
                        | "to"
                        | "for"
                        | "in"
                        | "on"
                        | "at"
                        | "with"
                        | "by"
                        | "from"
                        | "of"
                        | "not"
                        | "than"
                        | "so"
                        | "was"
                        | "were"
                        | "is"
                        | "are"
                        | "be"
                        | "been"
                        | "it"
                        | "there"
                        | "about"
                        | "into"
                        | "during"
                        | "despite"
                        | "how"
                        | "what"
                        | "why"
                        | "also"
                        | "then"
                        | "now"
                )
        })
    }

    /// A personal pronoun; `IT` in capitals is information technology (`Ann Roe of IT firm
    /// Acme`), not `it`.
    fn is_pronoun(&self, i: usize) -> bool {
        let mut buf = [0; 16];
        self.word(i).is_some_and(|w| {
            matches!(
                lower(w, &mut buf),
                "he" | "she" | "they" | "we" | "i" | "you" | "it"
            ) && w != "IT"
        })
    }

    fn cap(&self, i: usize) -> bool {
        self.word(i).is_some_and(is_capitalised)
    }

    /// A joining word (`and`, `of`, `for`) between two capitalised words stays in a name phrase
    /// (`Economy and Labour Minister`, `Bank of England`).
    fn joins_caps(&self, i: usize) -> bool {
        let joiner = self.is_word(i, "and") || self.is_word(i, "of") || self.is_word(i, "for");
        // `University of the Fraser Valley`, `Bank of the West`: `of the` inside a name.
        let of_the = self.is_word(i, "of") && self.is_word(i + 1, "the") && self.cap(i + 2);
        // `Votes at 16`, `Group of 77`: a number closes a body's name after its joining word.
        let number = (joiner || self.is_word(i, "at"))
            && self
                .word(i + 1)
                .is_some_and(|w| w.bytes().all(|b| b.is_ascii_digit()));
        i > 0 && self.cap(i - 1) && (joiner && (self.cap(i + 1) || of_the) || number)
    }

    /// `Treasury Under Secretary John Taylor`: a capitalised preposition between a capitalised
    /// word and a capitalised title (`Under Secretary`) is part of the title, not a clause
    /// opening inside the name.
    fn opens_title(&self, i: usize) -> bool {
        i > 0
            && self.cap(i - 1)
            && self
                .word(i + 1)
                .is_some_and(|n| is_capitalised(n) && is_role_word(n))
    }

    /// `the think-tank The Brookings Institution`, `newspaper The Independent`: a capitalised
    /// `The` after a lower-case noun opens the name the noun stands before, as part of it.
    fn opens_name_after_noun(&self, i: usize) -> bool {
        self.word(i) == Some("The")
            && i > 0
            && self
                .word(i - 1)
                .is_some_and(|w| w.starts_with(char::is_lowercase) && !self.is_function_word(i - 1))
            && self
                .word(i + 1)
                .is_some_and(|n| is_capitalised(n) && !is_capitalised_function_word(n))
    }

    /// The noun phrase ending just before token `end` (not before `lo`), with the source it
    /// belongs to when it is the object of a source's postmodifier (`a spokesman for the
    /// harbour`, `a person familiar with the project`): the speaker, not the harbour.
    fn np_back(&self, end: usize, lo: usize) -> Option<Range<usize>> {
        let np = self.np_back_plain(end, lo)?;
        if let Some(name) = self.name_before_workplace(&np, lo) {
            return Some(name);
        }
        if np.start > lo + 1
            && let Some(source) = self.np_back_plain(np.start - 1, lo)
            && (self.postmodifies(&source, np.start - 1, &np)
                || self.places_or_ranks(&source, np.start - 1, &np))
        {
            return Some(source.start..np.end);
        }
        Some(np)
    }

    /// `Ann Roe from the agency's Office of Drug Safety told`, `Tom Kay at the city's water
    /// board said`: `from`, `at` or `of` after a person's name says where the person works; the
    /// person speaks, not the office (whose own name may run on in capitals). The name, when
    /// `np` is such an office and a person's full or titled name stands before it.
    fn name_before_workplace(&self, np: &Range<usize>, lo: usize) -> Option<Range<usize>> {
        let prep = np.start.checked_sub(1).filter(|&p| p > lo)?;
        let mut buf = [0; 16];
        if !self
            .word(prep)
            .is_some_and(|w| matches!(lower(w, &mut buf), "from" | "at" | "of"))
        {
            return None;
        }
        let name = self.np_back_plain(prep, lo)?;
        self.is_full_name(&name).then_some(name)
    }

    /// `from Intervoice`, `at the University of Leeds`: where a person works, after the name
    /// (read by [`super::affiliation_after`], as the registry reads it). The token past the
    /// workplace, when a verb of saying (after any auxiliaries) follows it there.
    fn workplace_after(&self, k: usize) -> Option<usize> {
        let end = super::affiliation_after(self.text, self.toks, k)?;
        let mut v = end;
        while self.is_aux(v) {
            v += 1;
        }
        self.cue_verb(v).map(|_| end)
    }

    /// Whether the tokens `r` are a person's full or titled name, capitalised throughout
    /// (`Ann Roe`, `Tory MP Ann Roe`, `Dr Roe`).
    fn is_full_name(&self, r: &Range<usize>) -> bool {
        let words: Vec<&str> = r.clone().filter_map(|i| self.word(i)).collect();
        if words.len() != r.len() || !words.iter().all(|w| is_capitalised(w)) {
            return false;
        }
        split_name(&words).is_some_and(|s| (s.titled || s.name.len() >= 2) && looks_like_person(&s))
    }

    /// `Colin Asplin, Blackpool Hotel Association said`: a person's name opening the clause,
    /// a comma, then the capitalised name of the body the person speaks for, no comma closing
    /// it: the person speaks. The name and the body, when the subject `np` is such a body.
    fn name_then_body(&self, np: &Range<usize>, lo: usize) -> Option<Range<usize>> {
        let comma = np.start.checked_sub(1).filter(|&c| c > lo)?;
        if self.kind(comma) != Some(TokKind::Comma)
            || !np.clone().all(|i| self.cap(i))
            || !self
                .word(np.end - 1)
                .is_some_and(|w| is_body_word(strip_possessive(w)))
        {
            return None;
        }
        let name = self.np_back_plain(comma, lo)?;
        (name.start == lo && self.is_full_name(&name)).then_some(name)
    }

    /// Whether a description (`officials`, `the head`, `the most popular teacher`) goes on
    /// with `in`, `on` or `of` and a phrase that says where or of what it is: `officials in
    /// Baghdad said`, `the head of the union said`, `the best teacher in town said`. The
    /// speaker is the description; the place or the body after the preposition only says
    /// which one. A name before the preposition is left to the name rules.
    fn places_or_ranks(&self, source: &Range<usize>, prep: usize, object: &Range<usize>) -> bool {
        let mut buf = [0; 16];
        if !self
            .word(prep)
            .is_some_and(|w| matches!(lower(w, &mut buf), "in" | "on" | "of"))
        {
            return false;
        }
        // Capitals only where a sentence opens (`Officials in Baghdad said`).
        let lower_case = |r: &Range<usize>| {
            r.clone().all(|i| {
                self.word(i).is_some_and(|w| {
                    w.starts_with(char::is_lowercase)
                        || is_determiner(w)
                        || (i == r.start
                            && (i == 0 || matches!(self.kind(i - 1), Some(TokKind::Stop))))
                })
            })
        };
        // Only a noun for people or a body: `the restoration of the films said` is a
        // fragment, not a speaker.
        let head = source.clone().last().and_then(|i| self.word(i));
        lower_case(source)
            && !source.clone().any(|i| self.is_pronoun(i))
            && !object.clone().any(|i| self.is_pronoun(i))
            && head.is_some_and(|w| placement::is_personish(w) || is_body_noun(w))
    }

    /// Whether `source` (a noun phrase for an unnamed source) goes on with the preposition at
    /// `prep` and its object `object`: `close to`/`familiar with` anything (the object is who
    /// the source knows, never the speaker); `for`/`at`/`from` a common noun phrase (`a
    /// spokesman for the harbour`), while a body (`a spokesman for the Foreign Office`, `for
    /// the club` named before) stays the speaker in its own right. `in` is left out: `said an
    /// official in a briefing` tells where, not who.
    fn postmodifies(&self, source: &Range<usize>, prep: usize, object: &Range<usize>) -> bool {
        let mut buf = [0; 16];
        let Some(last) = source.clone().last().and_then(|i| self.word(i)) else {
            return false;
        };
        let head_at = match lower(last, &mut buf) {
            "close" | "familiar" | "near" => source.end.checked_sub(2),
            _ => Some(source.end - 1),
        };
        let Some(head) = head_at
            .filter(|&h| h >= source.start)
            .and_then(|h| self.word(h))
        else {
            return false;
        };
        if !is_source_noun(head) {
            return false;
        }
        let adjective = head_at != Some(source.end - 1);
        let body = object.clone().any(|i| self.cap(i))
            || object
                .clone()
                .last()
                .and_then(|i| self.word(i))
                .is_some_and(is_body_noun);
        match self
            .word(prep)
            .map(|w| lower(w, &mut buf).to_string())
            .as_deref()
        {
            Some("to" | "with") if adjective => true,
            Some("for" | "at" | "from") if !adjective => !body,
            _ => false,
        }
    }

    fn np_back_plain(&self, end: usize, lo: usize) -> Option<Range<usize>> {
        if end > lo && end > 0 && self.is_pronoun(end - 1) {
            return Some(end - 1..end);
        }
        let mut s = end;
        while s > lo && end - s < MAX_NP {
            let Some(w) = self.word(s - 1) else { break };
            if is_determiner(w) {
                if w == "the" && s >= 2 && self.joins_caps(s - 2) {
                    // `the` of a name's `of the` (`University of the Fraser Valley`).
                    s -= 2;
                    continue;
                }
                s -= 1;
                break;
            }
            if is_capitalised_function_word(w) || self.is_pronoun(s - 1) {
                break;
            }
            if self.is_function_word(s - 1) {
                if self.joins_caps(s - 1) {
                    s -= 1;
                    continue;
                }
                break;
            }
            if self.cue_verb(s - 1).is_some() || self.is_aux(s - 1) {
                break;
            }
            s -= 1;
        }
        // A phrase of only a determiner is no phrase.
        (s < end && !(end - s == 1 && self.word(s).is_some_and(is_determiner))).then_some(s..end)
    }

    /// The noun phrase starting at token `start`, with its object when it is a source's
    /// postmodifier (`said people familiar with the talks`; see [`Self::postmodifies`]).
    fn np_fwd(&self, start: usize) -> Option<Range<usize>> {
        let np = self.np_fwd_plain(start)?;
        if let Some(object) = self.np_fwd_plain(np.end + 1)
            && !self.is_pronoun(np.end + 1)
            && (self.postmodifies(&np, np.end, &object) || self.ranks_fwd(&np, &object))
        {
            return Some(np.start..object.end);
        }
        Some(np)
    }

    /// `the head of the union said`, `director of research Tony Lavender said`, `officials in
    /// Baghdad said`: read forwards, as [`Self::np_back`] reads them before a quotation, a
    /// description goes on with what it ranks in or where it is ([`Self::places_or_ranks`]).
    /// `in` or `on` only before a capitalised place: `a spokesman in a statement` tells how
    /// the words came, not who spoke.
    fn ranks_fwd(&self, np: &Range<usize>, object: &Range<usize>) -> bool {
        let mut buf = [0; 16];
        let by_place = || object.clone().any(|i| self.cap(i));
        self.word(np.end).is_some_and(|w| match lower(w, &mut buf) {
            "of" => true,
            "in" | "on" => by_place(),
            _ => false,
        }) && self.places_or_ranks(np, np.end, object)
    }

    fn np_fwd_plain(&self, start: usize) -> Option<Range<usize>> {
        if self.is_pronoun(start) {
            return Some(start..start + 1);
        }
        let mut k = start;
        if self.word(k).is_some_and(is_determiner) {
            k += 1;
        }
        while k < self.toks.len() && k - start < MAX_NP {
            let Some(w) = self.word(k) else { break };
            // `Will Young`: a capitalised auxiliary before a capitalised word is a first name.
            let name_aux = self.cap(k) && self.cap(k + 1);
            if k > start && self.opens_name_after_noun(k) {
                k += 1;
                continue;
            }
            if self.is_function_word(k) && !self.joins_caps(k)
                || (k > start && is_adverb(w))
                || self.cue_verb(k).is_some()
                || (k > start && is_verb_of_judging(w))
                // `said one analyst quoted by AFP`, `a spokesman contacted by the BBC`: a
                // participle with its agent after the head closes the phrase.
                || (k > start
                    && self.is_word(k + 1, "by")
                    && w.starts_with(char::is_lowercase)
                    && (w.ends_with("ed") || is_irregular_participle(w)))
                || (self.is_aux(k) && !name_aux)
                || self.is_pronoun(k)
                || (k > start && is_capitalised_function_word(w) && !self.opens_title(k))
            {
                break;
            }
            k += 1;
        }
        let has_noun = (start..k).any(|i| self.word(i).is_some_and(|w| !is_determiner(w)));
        has_noun.then_some(start..k)
    }

    /// `the lanky, bespectacled professor said`: a determiner and adjectives (`np`) before a
    /// comma, then more adjectives and the head noun before a verb of saying, are one phrase.
    fn comma_adjectives(&self, np: &Range<usize>) -> Option<Range<usize>> {
        let adjectives = |r: Range<usize>| {
            !r.is_empty()
                && r.into_iter()
                    .all(|i| self.word(i).is_some_and(looks_adjective))
        };
        if !(self.kind(np.end) == Some(TokKind::Comma)
            && self.word(np.start).is_some_and(is_determiner)
            && adjectives(np.start + 1..np.end))
        {
            return None;
        }
        let rest = self.np_fwd(np.end + 1)?;
        let lower_case = rest.clone().all(|i| {
            self.word(i)
                .is_some_and(|w| w.starts_with(char::is_lowercase))
        });
        let mut k = rest.end;
        while self.is_aux(k) {
            k += 1;
        }
        (lower_case && !self.word(rest.start).is_some_and(is_determiner))
            .then_some(())
            .and(self.cue_verb(k))
            .map(|_| np.start..rest.end)
    }

    /// Words from token `start` while they are words, up to the next punctuation.
    /// The run of words from token `start`, with a body's bracketed short form inside it
    /// (`from the Consumer Electronics Association (CEA) told`).
    fn chunk_fwd(&self, start: usize) -> Range<usize> {
        let mut k = start;
        while k - start < 14 {
            if self.kind(k) == Some(TokKind::Word) {
                k += 1;
            } else if k > start && self.bracketed_acronym(k) {
                k += 3;
            } else {
                break;
            }
        }
        start..k
    }

    fn chunk_back(&self, end: usize, lo: usize) -> Range<usize> {
        let mut s = end;
        while s > lo && self.kind(s - 1) == Some(TokKind::Word) && end - s < 14 {
            s -= 1;
        }
        s..end
    }

    fn is_description(&self, r: &Range<usize>) -> bool {
        r.clone().any(|i| {
            self.word(i)
                .is_some_and(|w| w.starts_with(|c: char| c.is_lowercase()) && !is_determiner(w))
        }) || r.clone().any(|i| self.word(i).is_some_and(is_determiner))
    }

    /// `(CEA)` from token `i`: an opening bracket, an acronym, a closing bracket, the way news
    /// gives a body's short form after its full name.
    fn bracketed_acronym(&self, i: usize) -> bool {
        let mark = |k: usize, c: &str| {
            self.kind(k) == Some(TokKind::Other)
                && self
                    .toks
                    .get(k)
                    .is_some_and(|t| &self.text[t.range.clone()] == c)
        };
        mark(i, "(") && self.word(i + 1).is_some_and(super::is_acronym) && mark(i + 2, ")")
    }

    /// Whether the phrase at token `start` (after its `the`, if any) is a preposition's
    /// object (`from the CEA`): where someone works, not who speaks.
    fn after_preposition(&self, start: usize, lo: usize) -> bool {
        let mut p = start;
        if p > lo && self.word(p - 1).is_some_and(|w| w == "the" || w == "The") {
            p -= 1;
        }
        p > lo && self.word(p - 1).is_some_and(puts_body_aside)
    }

    /// The name a bracketed acronym at token `open` (see [`Self::bracketed_acronym`]) is
    /// the short form of: the capitalised words before it whose initials spell it, with the
    /// small words between them (`Confederation of British Industry (CBI)`, `British
    /// Bankers' Association (BBA)`). `None` when the words before spell no such name.
    fn acronym_name(&self, open: usize, lo: usize) -> Option<Range<usize>> {
        if !self.bracketed_acronym(open) {
            return None;
        }
        let acronym = super::lexicon::strip_possessive(self.word(open + 1)?).as_bytes();
        let mut left = acronym.len();
        let mut s = open;
        while s > lo && left > 0 {
            if left < acronym.len()
                && self.kind(s - 1) == Some(TokKind::Other)
                && self
                    .toks
                    .get(s - 1)
                    .is_some_and(|t| matches!(&self.text[t.range.clone()], "'" | "’"))
            {
                // The apostrophe of a plural possessive (`Bankers'`).
                s -= 1;
                continue;
            }
            let w = self.word(s - 1)?;
            // `Conseil Superieur de l'Audiovisuel (CSA)`, `Banco de la Nacion (BN)`: the
            // particles of French, Spanish or Italian names spell nothing either.
            if matches!(
                w,
                "of" | "and" | "for" | "the" | "&" | "de" | "du" | "des" | "la" | "le" | "del"
            ) && left < acronym.len()
            {
                s -= 1;
                continue;
            }
            // `l'Audiovisuel`, `d'Italia`: an elided article spells the word it is joined to.
            let w = ["l'", "d'", "l’", "d’"]
                .iter()
                .find_map(|a| w.strip_prefix(a))
                .filter(|rest| rest.starts_with(char::is_uppercase))
                .unwrap_or(w);
            if !is_capitalised(w) || w.as_bytes()[0] != acronym[left - 1] {
                return None;
            }
            left -= 1;
            s -= 1;
        }
        (left == 0 && self.cap(s)).then_some(s..open)
    }

    /// `in 1997`, `since 2001`, `by 2010` at token `i`: a year as an adverbial of time.
    fn year_adverbial(&self, i: usize) -> bool {
        let mut buf = [0; 16];
        self.word(i)
            .is_some_and(|w| matches!(lower(w, &mut buf), "in" | "since" | "by" | "until"))
            && self.word(i + 1).is_some_and(|y| {
                y.len() == 4 && y.bytes().all(|b| b.is_ascii_digit()) && y.starts_with(['1', '2'])
            })
    }

    /// `is alleged to`, `was reported to`, `is understood to` before token `k`: a passive of
    /// reporting or belief with its `to`, whose grammatical subject is the one said to speak
    /// in the verb that follows (`Tom Kay is said to have told friends …`).
    fn raised_subject(&self, k: usize) -> bool {
        let mut buf = [0; 16];
        self.is_word(k - 1, "to")
            && self.word(k - 2).is_some_and(|w| {
                matches!(
                    lower(w, &mut buf),
                    "alleged"
                        | "said"
                        | "reported"
                        | "reputed"
                        | "understood"
                        | "thought"
                        | "believed"
                        | "known"
                        | "claimed"
                        | "rumoured"
                        | "rumored"
                        | "supposed"
                        | "heard"
                )
            })
            && self.word(k - 3).is_some_and(|w| {
                matches!(
                    lower(w, &mut buf),
                    "is" | "was" | "are" | "were" | "been" | "be"
                )
            })
    }

    /// `The letter, from the Home Office, says`: a document opening the sentence at `lo`,
    /// then `from` and its sender between separators up to the verb at `k`; the sender speaks
    /// through it. The sender's noun phrase.
    fn document_from(&self, lo: usize, k: usize) -> Option<Range<usize>> {
        let f = self.np_fwd_plain(lo)?;
        let head = self.word(f.end - 1)?;
        if !(self.word(f.start).is_some_and(is_determiner)
            && is_document_noun(head)
            && self.is_separator(f.end)
            && self.is_word(f.end + 1, "from"))
        {
            return None;
        }
        let sender = self.np_fwd_plain(f.end + 2)?;
        // A sender is named (`from 2003` says when).
        (sender.end + 1 == k && self.is_separator(sender.end) && self.cap(sender.end - 1))
            .then_some(sender)
    }

    fn is_separator(&self, i: usize) -> bool {
        matches!(self.kind(i), Some(TokKind::Comma | TokKind::Dash))
    }

    /// The subject of the cue verb at `v`, with an appositive role when there is one:
    /// `X, the minister, said` or `The minister, X, said`.
    fn subject_back(&self, v: usize, lo: usize) -> Option<(Range<usize>, Option<Range<usize>>)> {
        let mut k = v;
        let passive = self.is_word(v, "quoted");
        loop {
            if k > lo
                && (self.is_aux(k - 1)
                    || self.word(k - 1).is_some_and(is_adverb)
                    || (passive && (self.is_word(k - 1, "was") || self.is_word(k - 1, "is"))))
            {
                k -= 1;
            } else if k > lo + 3 && self.raised_subject(k) {
                // `Tom Kay is alleged to have said that …`: the one the report is about is the
                // subject of the verb of saying.
                k -= 3;
            } else if k > lo + 3
                && let Some(name) = self.acronym_name(k - 3, lo)
                && !self.after_preposition(name.start, lo)
            {
                // `The British Bankers' Association (BBA) said`: the acronym spells the
                // capitalised words before it, which name the body whole.
                return Some((name, None));
            } else if k > lo + 3
                && self.bracketed_acronym(k - 3)
                && self.np_back_plain(k - 3, lo).is_some_and(|np| {
                    np.start == lo || !self.word(np.start - 1).is_some_and(puts_body_aside)
                })
            {
                // `the Consumer Electronics Association (CEA) said`: the short form in
                // brackets repeats the name before it; the name is the subject. Not a body
                // after a preposition (`Jo Park, from the Consumer Electronics Association
                // (CEA) told`): that says where the subject works.
                k -= 3;
            } else if k > lo + 2 && self.year_adverbial(k - 2) {
                // `Tony Blair had in 1997 complained`: a year between the auxiliary and the
                // verb says when, not who.
                k -= 2;
            } else {
                break;
            }
        }
        if k > lo + 2
            && self.is_word(k - 1, "who")
            && self.kind(k - 2) == Some(TokKind::Comma)
            && let Some(mut np) = self.np_back(k - 2, lo)
        {
            // `… was denied by a UKIP spokesman, who said: "…"`, `He met Tom Kay, who told
            // reporters: "…"`: a relative `who` is its antecedent, the phrase before the comma
            // (less the verb whose object it is: `met`).
            while np.len() > 1
                && self.word(np.start).is_some_and(|w| {
                    looks_finite(w)
                        || (w.starts_with(char::is_lowercase) && super::is_irregular_past(w))
                })
            {
                np.start += 1;
            }
            // `Yoni Freedhoff, medical director of the institute, who writes`, `says King, 30,
            // who describes`: an appositive (a description or an age) between a name and `who`;
            // the name is the antecedent, the description its role.
            let age = np.clone().all(|i| {
                self.word(i)
                    .is_some_and(|w| w.bytes().all(|b| b.is_ascii_digit()))
            });
            if np.start > lo + 1
                && self.kind(np.start - 1) == Some(TokKind::Comma)
                && (age || self.is_description(&np))
                && let Some(name) = self.np_back_plain(np.start - 1, lo)
                && self.cap(name.start)
                && self.cap(name.end - 1)
            {
                return Some((name, (!age).then_some(np)));
            }
            return Some((np, None));
        }
        if k > lo && self.is_separator(k - 1) {
            // `Will Young, a mechanic based in Kansas City, Mo., and an organiser, said`: a name
            // opening the sentence, then only appositives up to the verb.
            if let Some(f) = self.np_fwd(lo)
                && f.end + 1 < k
                && self.is_separator(f.end)
                && self.cap(f.end - 1)
                && !self.is_description(&f)
                && !self.is_pronoun(f.start)
                && !self.word(f.start).is_some_and(is_capitalised_function_word)
                && self.is_description(&(f.end + 1..k - 1))
            {
                return Some((f.clone(), Some(self.chunk_fwd(f.end + 1))));
            }
            if let Some(np) = self.relative_appositive(k - 1, lo) {
                return Some((np, None));
            }
            // `Her lawsuit, filed in Boston, said`, `The company, founded in 1990, said`: a
            // noun phrase opening the sentence, then a participle's clause between commas up
            // to the verb.
            if let Some(f) = self.np_fwd(lo)
                && f.end + 1 < k
                && self.is_separator(f.end)
                && self.word(f.start).is_some_and(is_determiner)
                && self.word(f.end + 1).is_some_and(is_participle)
                && (f.end + 1..k - 1).all(|i| self.word(i).is_some() || self.is_separator(i))
            {
                return Some((f, None));
            }
            if let Some(owner) = self.document_from(lo, k) {
                return Some((owner, None));
            }
            let c1 = self.chunk_back(k - 1, lo);
            if c1.is_empty() || c1.start <= lo || !self.is_separator(c1.start - 1) {
                return None;
            }
            // `The Broadcasting Council (CSA), the regulator, said`: the name before its
            // bracketed short form.
            let before = c1.start - 1;
            let spelled = (before >= lo + 3 && self.bracketed_acronym(before - 3))
                .then(|| self.acronym_name(before - 3, lo))
                .flatten();
            let c2 = if spelled.is_some() {
                spelled.clone()
            } else if before >= lo + 3 && self.bracketed_acronym(before - 3) {
                self.np_back_plain(before - 3, lo)
            } else {
                self.np_back(before, lo)
            };
            // A name its acronym spells is a name, whatever case its last word is in
            // (`l'Audiovisuel`).
            let c2_name = spelled.is_some()
                || c2
                    .as_ref()
                    .is_some_and(|r| self.cap(r.end - 1) && !self.is_pronoun(r.end - 1));
            if let Some(name) = self.styled_name(&c1) {
                // `The Bishop of Leeds, the Right Reverend Tom Bell, said`: a style of
                // address after `the` makes the appositive the office-holder's name, and
                // the office before it the role.
                return Some((name, c2.filter(|r| self.is_description(r))));
            }
            if c2_name && self.is_description(&c1) {
                return c2.map(|r| (r, Some(c1)));
            }

            if self.cap(c1.end - 1) && !self.is_description(&c1) {
                return Some((c1, c2.filter(|r| self.is_description(r))));
            }
            return None;
        }
        if let Some(found) = self.name_role_back(k, lo) {
            return Some(found);
        }
        let np = self.np_back(k, lo)?;
        if let Some(name) = self.name_then_body(&np, lo) {
            return Some((name, Some(np)));
        }
        Some((self.comma_adjectives_back(&np, lo).unwrap_or(np), None))
    }

    /// `the Right Reverend Tom Bell`, `the Hon Ann Roe`: `the`, a style of address (the
    /// clergy's and the honourables') and a capitalised name. English writes such a style
    /// with `the`, so the determiner does not make the phrase a description. The tokens
    /// from the style on; `None` for any other phrase.
    fn styled_name(&self, r: &Range<usize>) -> Option<Range<usize>> {
        if !self.is_word(r.start, "the") {
            return None;
        }
        let mut k = r.start + 1;
        let mut styled = false;
        while k < r.end {
            match self.word(k)?.trim_end_matches('.') {
                "Rev" | "Reverend" | "Revd" | "Hon" | "Honourable" | "Venerable" => styled = true,
                "Right" | "Rt" | "Most" | "Very" => {}
                _ => break,
            }
            k += 1;
        }
        let name = k..r.end;
        (styled
            && !name.is_empty()
            && name.clone().all(|i| {
                self.word(i)
                    .is_some_and(|w| is_capitalised(w) && !is_capitalised_function_word(w))
            }))
        .then_some(r.start + 1..r.end)
    }

    /// [`Para::comma_adjectives`] seen from the verb: `the lanky, bespectacled professor said`
    /// read backwards is one description, not `bespectacled professor`.
    fn comma_adjectives_back(&self, np: &Range<usize>, lo: usize) -> Option<Range<usize>> {
        let comma = np.start.checked_sub(1)?;
        if self.kind(comma) != Some(TokKind::Comma)
            || np.clone().any(|i| self.is_pronoun(i))
            || !np.clone().all(|i| {
                self.word(i)
                    .is_some_and(|w| w.starts_with(char::is_lowercase) && !is_determiner(w))
            })
        {
            return None;
        }
        let mut d = comma;
        while d > lo && comma - d < 4 {
            d -= 1;
            let w = self.word(d)?;
            if is_determiner(w) {
                return (d + 1 < comma).then_some(d..np.end);
            }
            if !looks_adjective(w) {
                return None;
            }
        }
        None
    }

    /// `Labour MP Ann Roe … Tom Kay said he would stand. The Glasgow MP accused Ms Roe …`: a
    /// role description whose capitalised qualifier differs from the one the article gave the
    /// role's holder `id` (another place, another party) means the person the discourse is
    /// about, when there is one the description fits; else still the holder, since one body
    /// goes by several names (`Tottenham`, `Spurs`; `France`, `the French coach`).
    fn subject_over_other_holder(
        &self,
        reg: &Registry,
        id: usize,
        desc: &[&str],
        pos: usize,
    ) -> usize {
        if !placement::tied_to_body(desc) || !reg.qualified_otherwise(self.text, id, desc, pos) {
            return id;
        }
        reg.subject_antecedent(pos, self.near)
            .filter(|&s| {
                s != id
                    && reg.entities[s].kind == SpeakerKind::Person
                    && reg.role_fits(s, desc)
                    && !reg.qualified_otherwise(self.text, s, desc, pos)
            })
            .unwrap_or(id)
    }

    /// The speaker a noun phrase names.
    fn resolve(
        &self,
        reg: &mut Registry,
        np: &Range<usize>,
        role: Option<&Range<usize>>,
    ) -> Option<usize> {
        if self.acronym_name(np.end, np.start) == Some(np.clone()) {
            // `the Confederation of British Industry (CBI) said`: a name its acronym spells
            // is a body's, whatever its words would say alone (`British Bankers'`).
            let name = &self.text[self.span(np.clone())];
            return Some(reg.body(name, SpeakerKind::Organisation));
        }
        let whole = self.coordinated_description(np);
        let np = whole.as_ref().unwrap_or(np);
        let mut words: Vec<&str> = np
            .clone()
            .filter(|&i| !self.opens_name_after_noun(i))
            .filter_map(|i| self.word(i))
            .collect();
        strip_time_words(&mut words);
        if words.is_empty() {
            return None;
        }
        // `the Night said`, `the Weekend told`: a time word with `the` is the title of a work
        // or a part of a date, never someone speaking.
        if let [det, w] = words.as_slice()
            && matches!(*det, "the" | "The")
            && is_time_noun(w)
        {
            return None;
        }
        // `analyst Tom Kerrigan of Halvard Capital`: `of` after a person's name gives where
        // the person works; the person speaks, not the firm. A peer's `of` is the territorial
        // designation, part of the title (`Lord Nicholls of Birkenhead`).
        let mut designation = None;
        if let Some(p) = (1..words.len()).find(|&p| {
            words[p] == "of"
                && words
                    .get(p + 1)
                    .is_some_and(|w| is_capitalised(w) || *w == "the")
                && split_name(&words[..p]).is_some_and(|s| looks_like_person(&s))
        }) {
            let peer = words[..p]
                .iter()
                .any(|w| matches!(*w, "Lord" | "Baroness" | "Viscount" | "Earl"));
            let place = &words[p + 1..];
            if peer && place.len() <= 2 && place.iter().all(|w| is_capitalised(w)) {
                designation = Some(words[p..].join(" "));
            }
            words.truncate(p);
        }
        if let Some(id) = self.coordinated_bodies(reg, np) {
            return Some(id);
        }
        let pos = self.toks.get(np.start).map_or(0, |t| t.range.start);
        let range = self.span(np.clone());
        // `says a document titled White Paper: …`: the title names the document, not a speaker.
        if let Some(d) = words.iter().position(|w| is_document_noun(w))
            && words
                .get(d + 1)
                .is_some_and(|w| matches!(*w, "titled" | "entitled" | "called" | "named"))
        {
            words.truncate(d + 1);
        }
        if words.len() == 1 {
            let mut buf = [0; 16];
            let gender = match lower(words[0], &mut buf) {
                "he" => Gender::Male,
                "she" => Gender::Female,
                // `it said`: a body speaks through a pronoun; the one the passage is about.
                "it" => return reg.it_antecedent(self.text, pos, self.near),
                "they" => {
                    // `Ann Roe and Tom Kay said …. "…," they said.`: the pair, as one speaker;
                    // else a body named as many (`The Liberal Democrats argue …. They say`).
                    let Some((a, b)) = reg.named_pair(self.text, pos, self.near) else {
                        return reg.plural_body(pos, self.near);
                    };
                    let name = format!("{} and {}", reg.entities[a].name, reg.entities[b].name);
                    return Some(reg.body(&name, SpeakerKind::Person));
                }
                "we" | "i" | "you" => return None,
                // An object pronoun stands for its person as the subject one does: `quoted
                // him as saying`. In lower case only: `Us magazine` is a name.
                "him" if words[0] == "him" => Gender::Male,
                "her" if words[0] == "her" => Gender::Female,
                _ => Gender::Unknown,
            };
            if gender != Gender::Unknown {
                let id = self
                    .introduced_by_age(reg, np.start, gender)
                    .or_else(|| reg.antecedent(pos, gender, self.near))?;
                // The pronoun shows the gender, and makes its person the one last talked about.
                reg.take_up(id, gender);
                reg.mention(range.clone(), id, true, false);
                return Some(id);
            }
        }
        let definite = words.first().is_some_and(|w| *w == "the" || *w == "The");
        // `the chief executive of a leading car maker`: someone new, never the holder of the
        // role the article named, whatever the description's article.
        let someone_new = introduces_someone(&words);
        // `the 24-year-old Swiss`, `the veteran American`: a nationality heads the phrase, the
        // rest describes (lower case or a number); `the Swiss star`: a noun for a person after
        // the nationality. (A role, `the French president`, is the holder's: by_role_word.)
        let nationality = match words.as_slice() {
            [.., n, last]
                if definite
                    && is_nationality(n)
                    && super::is_person_word(last)
                    && !is_role_word(last) =>
            {
                Some(words.len() - 2)
            }
            [.., last] if is_nationality(last) => Some(words.len() - 1),
            _ => None,
        };
        if let Some(n) = nationality
            && words[..n]
                .iter()
                .all(|w| is_determiner(w) || !is_capitalised(w))
        {
            // `the American said`: a person the article introduced; `Irish said` is a fragment.
            if !definite {
                return None;
            }
            // The one the article gave that nationality, else the nearest it gave no other.
            let sentence = super::same_sentence_from(self.text, self.toks, np.start);
            let id = reg.by_nationality(pos, words[n], sentence, self.near)?;
            // Whoever a cue describes as speaking is a person.
            reg.confirm(id, Gender::Unknown);
            reg.mention(range.clone(), id, true, false);
            return Some(id);
        }
        let opens = np.start == 0
            || matches!(
                self.kind(np.start - 1),
                Some(TokKind::Stop | TokKind::Colon | TokKind::Quote(_))
            );
        let id = if let Some(split) = split_name_opening(&words, opens) {
            // Only after `the`: `Graham Poll said` is a man.
            if definite
                && split.name.len() >= 2
                && !split.titled
                && split.role.is_empty()
                && split.name.last().is_some_and(|w| is_document_noun(w))
            {
                // `the Beige Book said`, `the White Paper says`: a document's title; the body
                // behind it speaks.
                return self.document_owner(reg, np, &words[words.len() - 1..], definite);
            }
            let single = split.name.len() == 1;
            // `Senator Roe`, not `Former France centre` (a modifier alone is no title).
            let titled_role = split
                .role
                .last()
                .is_some_and(|w| is_role_word(w) && is_capitalised(w) && !changes_role(w));
            // A single name after a lower-case noun says what it names: a body after a noun
            // for one (`telecom regulator Ofcom`, `consultancy Deloitte`), a person after a
            // noun for a person or an adjective (`Barcelona star Ronaldinho`, `a tearful
            // Claxton`).
            let lower_role = split
                .role
                .last()
                .copied()
                .filter(|w| w.starts_with(char::is_lowercase));
            // Not a body the article named as one (`the destroyed Yukos`), nor a plural
            // (`pro-hunt MPs`).
            let plain_name = || {
                single
                    && !is_body_word(strip_possessive(split.name[0]))
                    && !super::is_acronym(split.name[0])
                    && split.name[0].chars().nth(1).is_some_and(char::is_lowercase)
                    && !reg
                        .entities
                        .iter()
                        .any(|e| e.kind == SpeakerKind::Organisation && e.name == split.name[0])
            };
            // `bookmaker William Hill`, `Retailer Marks Spencer`: a noun for a business before a
            // name makes it the business's, however many words it has.
            let business_role = !split.titled
                && split.role.last().is_some_and(|w| {
                    let mut buf = [0; 16];
                    is_business_noun(lower(w, &mut buf))
                });
            let body_role = business_role || single && lower_role.is_some_and(is_body_noun);
            // The registry is searched last, and only after a lower-case noun.
            let person_role = !body_role
                && lower_role.is_some_and(|w| {
                    is_role_word(w)
                        || super::is_person_noun(w)
                        || (looks_adjective(w)
                            && split.role.len() == 1
                            && words.first().is_some_and(|d| is_determiner(d)))
                        || matches!(w, "star" | "boss" | "ace" | "chief" | "coach" | "rookie")
                })
                && plain_name();
            // `says Wise’s dad, Darrin`, `her husband, Brent, said`: a lone name the
            // description beside it makes someone's relative or holder of a role is a person's.
            let described_person = single
                && split.role.is_empty()
                && !body_role
                && self.names_a_person(role)
                && plain_name();
            // `the Institute of Fiscal Studies`, `the Office for Budget Responsibility`: a
            // role ends in no joining word; one that does runs on into the name, and the
            // whole is a body's name when a word of it says so.
            let body_name = split
                .role
                .last()
                .is_some_and(|w| matches!(*w, "of" | "for" | "and" | "&"))
                && !split.titled
                && strip_det(&words)
                    .iter()
                    .all(|w| is_capitalised(w) || matches!(*w, "of" | "for" | "and" | "the" | "&"))
                && strip_det(&words)
                    .iter()
                    .any(|w| is_body_word(strip_possessive(w)));
            if body_role {
                reg.body(&split.name.join(" "), SpeakerKind::Organisation)
            } else if body_name {
                reg.body(&strip_det(&words).join(" "), SpeakerKind::Organisation)
            } else if looks_like_person(&split)
                || person_role
                || described_person
                || (single
                    && (reg.known_surname(split.name[0]).is_some()
                        || reg.known_first(split.name[0]).is_some()
                        || titled_role))
            {
                let id = reg.person(&split, None);
                if let Some(d) = designation {
                    let e = &mut reg.entities[id];
                    if !e.name.contains(" of ") {
                        e.name = format!("{} {d}", e.name);
                    }
                }
                // Whoever a cue names as speaking is a person.
                reg.confirm(id, Gender::Unknown);
                reg.mention(range.clone(), id, true, false);
                id
            } else if split.role.is_empty() {
                reg.body(&split.name.join(" "), SpeakerKind::Organisation)
            } else if strip_det(&words)
                .iter()
                .all(|w| is_capitalised(w) || matches!(*w, "of" | "for" | "and" | "the" | "&"))
                && strip_det(&words)
                    .iter()
                    .any(|w| is_body_word(strip_possessive(w)))
            {
                // `Muslim Council of Britain`, `Department for Transport`: a body's whole name.
                reg.body(&strip_det(&words).join(" "), SpeakerKind::Organisation)
            } else {
                // `the Downing Street spokesman` style: a described speaker.
                reg.body(&strip_det(&words).join(" "), SpeakerKind::Unnamed)
            }
        } else if let Some(id) = (!someone_new).then(|| reg.by_role(&words)).flatten() {
            id
        } else {
            let definite = definite && !someone_new;
            let desc = strip_det(&words);
            if desc.is_empty() || desc.iter().all(|w| is_possessive(w)) {
                return None;
            }
            // `the writer and broadcaster`: one person described twice; a noun for a person
            // in either part makes the whole a person.
            let head = desc
                .iter()
                .position(|w| *w == "and")
                .filter(|&p| p > 0 && super::is_person_noun(desc[p - 1]))
                .map_or_else(|| head_noun(desc), |p| desc[p - 1]);
            if is_court_paper(head)
                && let Some(id) = self
                    .pronoun_owner(reg, np.start, pos)
                    .flatten()
                    .or_else(|| self.plaintiff(reg, pos))
            {
                // `Roe is suing the studio. … the lawsuit said`: court papers speak for the
                // one who brought the case, not for whoever the article named last.
                return Some(id);
            }
            if is_document_noun(head) {
                // `the report said`: a document speaks for the body behind it.
                return self.document_owner(reg, np, desc, definite);
            }
            // The head noun decides: `the self-taught Cambridge resident` is a person.
            // A capital is no evidence where it only opens the sentence (`Residents of the
            // village said`).
            let sentence_case = opens && words.first() == Some(&head);
            // A capitalised title that only a person holds is a person's, as in lower case
            // (`the MP`, `the Premier`, `the Glasgow Kelvin MP`); `the Scottish Executive` is a
            // government.
            let body = is_body_noun(head)
                || (is_capitalised(head)
                    && !sentence_case
                    && (!is_role_word(head) || head == "Executive"));
            let anonymous = is_anonymous_noun(head);
            // `the news and financial data seller`: lower-case nouns joined by `and` before
            // the head say what the business trades in, as one such noun does (`the data
            // seller`): no more words than that make it some other business.
            let trade = desc.len() <= 5
                && desc.contains(&"and")
                && desc.iter().all(|w| w.starts_with(char::is_lowercase));
            if definite
                && anonymous
                && let Some(id) = reg.unnamed_with_head(head)
            {
                // `A justice official briefed reporters. … the official said`.
                return Some(id);
            }
            if definite
                && !body
                && !is_relative_noun(head)
                && !is_plural(head)
                && let Some(id) = reg
                    .by_age_word(head)
                    // `Norfolk police chief Ann Roe … the Metropolitan police chief`: the same
                    // office of another place is someone else's.
                    .or_else(|| {
                        reg.by_role_word(head, desc)
                            .map(|id| self.subject_over_other_holder(reg, id, desc, pos))
                    })
                    // `the Labour peer and former minister`: either noun may repeat the role.
                    .or_else(|| {
                        let last = desc.last().filter(|w| **w != head && desc.contains(&"and"));
                        last.and_then(|w| reg.by_role_word(w, desc))
                    })
                    // `the peer`: the one the article titled Lord or Baroness.
                    .or_else(|| {
                        desc.iter()
                            .any(|w| matches!(*w, "peer" | "peeress"))
                            .then(|| reg.last_peer(pos))
                            .flatten()
                    })
                    .or_else(|| {
                        (!anonymous
                            && placement::may_refer_back(desc)
                            && !self.after_according_to(np.start))
                        .then(|| {
                            if placement::tied_to_body(desc) {
                                // Not a subject the article gave another role (`shadow
                                // home secretary Tom Kay … the Home Secretary`).
                                reg.subject_antecedent(pos, self.near)
                                    .filter(|&id| reg.role_fits(id, desc))
                            } else {
                                reg.antecedent(pos, Gender::Unknown, self.near)
                            }
                        })
                        .flatten()
                    })
            {
                // `the bespectacled professor said`: a definite description of a person stands
                // for the one the article introduced, by role when it gave one.
                reg.mention(range.clone(), id, true, false);
                return Some(id);
            }
            if definite
                && (desc.len() <= 2 || trade)
                && refers_to_business(head)
                && let Some(name) = reg.lone_subject_after_orgs(pos)
                && !self.used_in_lower_case(name)
            {
                // `Google said Thursday … the company said`: the business that acted after
                // every body the article named is the one meant.
                let name = name.to_string();
                return Some(reg.body(&name, SpeakerKind::Organisation));
            }
            if definite
                && is_body_noun(head)
                && let Some(id) = qualifying_org(reg, desc, head)
            {
                // `the Google team said`: the team is Google's, not the body named last.
                reg.mention(range.clone(), id, true, false);
                return Some(id);
            }
            if definite
                && is_body_noun(head)
                && (desc.len() <= 3 || trade)
                && let Some(id) = reg.last_org_like(pos, head)
            {
                // `the company said`: the body the article named last; `the committee said`:
                // the committee it named last, never a council.
                return Some(id);
            }
            if definite
                && (desc.len() <= 2 || trade)
                && refers_to_business(head)
                && let Some(name) = reg.last_lone_subject(pos)
                && !self.used_in_lower_case(name)
            {
                // `Microsoft has said it will … . The company said`: a business goes by a bare
                // name that nothing marks as a body; the one that acted last is meant.
                let name = name.to_string();
                return Some(reg.body(&name, SpeakerKind::Organisation));
            }
            let kind = if body {
                SpeakerKind::Organisation
            } else {
                SpeakerKind::Unnamed
            };
            let id = reg.body(&desc.join(" "), kind);
            if kind == SpeakerKind::Unnamed
                && !is_plural(head)
                && (anonymous || super::is_person_noun(head))
                && words
                    .first()
                    .is_some_and(|w| is_determiner(w) || is_possessive(w))
            {
                // `A spokeswoman said …. She added:` the unnamed source is the person a
                // pronoun looks back to, with the gender its noun gives.
                let gender = if head.ends_with("woman") {
                    Gender::Female
                } else if head.ends_with("man") && head != "human" {
                    Gender::Male
                } else {
                    Gender::Unknown
                };
                reg.confirm(id, gender);
                reg.confirm_gender(id, gender);
                reg.mention(range.clone(), id, true, false);
            }
            id
        };
        if let Some(role) = role {
            let words: Vec<&str> = role.clone().filter_map(|i| self.word(i)).collect();
            let words = strip_det(&words);
            let e = &mut reg.entities[id];
            if e.role.is_none()
                && words.iter().any(|w| w.chars().any(char::is_lowercase))
                && says_what_one_is(words)
            {
                e.role = Some(words.join(" "));
            }
        }
        Some(id)
    }

    /// Whether the description `role` beside a name (`Wise’s dad`, `the town's doctor`) is
    /// one only a person fits: its last word a noun for a relative or for a person's role
    /// (not any noun in `-er`: `Italy's business newspaper, Il Sole 24 Ore`).
    fn names_a_person(&self, role: Option<&Range<usize>>) -> bool {
        let Some(head) = role
            .and_then(|r| r.clone().last())
            .and_then(|i| self.word(i))
        else {
            return false;
        };
        head.starts_with(char::is_lowercase)
            && !is_body_noun(head)
            && (is_relative_noun(head) || is_role_word(head))
    }

    /// `the feminist writer and broadcaster`: a lower-case description `np` after `and` and a
    /// noun for a person is the second half of one description of one person; the whole.
    fn coordinated_description(&self, np: &Range<usize>) -> Option<Range<usize>> {
        let and = np.start.checked_sub(1)?;
        let lower_case = |r: Range<usize>| {
            r.into_iter().all(|i| {
                self.word(i)
                    .is_some_and(|w| w.starts_with(char::is_lowercase))
            })
        };
        if !self.is_word(and, "and") || !lower_case(np.clone()) {
            return None;
        }
        let first = self.np_back_plain(and, 0)?;
        let det = self.word(first.start).is_some_and(is_determiner);
        let joined = self
            .word(and.checked_sub(1)?)
            .is_some_and(|w| super::is_person_noun(w) || is_role_word(w));
        // `the oil and gas company`, `the news and financial data seller`: nouns joined by
        // `and` before a noun for a business say what it trades in; the whole phrase is one
        // description. Not when the second part has its own determiner (`the bank and the
        // union`: two speakers) or a possessive (`the firm's staff`).
        let trade = np.len() >= 2
            && np.len() <= 3
            && first.len() <= 3
            && !self.word(np.start).is_some_and(is_determiner)
            && self.word(np.end - 1).is_some_and(refers_to_business)
            && lower_case(first.start + 1..first.end)
            && !(first.start..np.end).any(|i| self.word(i).is_some_and(is_possessive));
        (det && (joined || trade)).then_some(first.start..np.end)
    }

    /// `Tories and Lib Dems welcomed …`, `Marks and Spencer said`: two names joined by `and`
    /// that together open the sentence and neither of which is a person speak as one body.
    /// `np` is the pair, or its second name; `None` when the phrase is no such pair.
    fn coordinated_bodies(&self, reg: &mut Registry, np: &Range<usize>) -> Option<usize> {
        let (and, second) = match np.clone().find(|&i| self.is_word(i, "and")) {
            Some(and) => (and, and + 1..np.end),
            None => (np.start.checked_sub(1)?, np.clone()),
        };
        if !self.is_word(and, "and") || and == 0 {
            return None;
        }
        let mut first = and;
        while first > 0 && self.kind(first - 1) == Some(TokKind::Word) && self.cap(first - 1) {
            first -= 1;
        }
        let opens = first == 0
            || matches!(
                self.kind(first - 1),
                Some(TokKind::Stop | TokKind::Colon | TokKind::Quote(_))
            );
        let a: Vec<&str> = (first..and).filter_map(|i| self.word(i)).collect();
        let b: Vec<&str> = second.filter_map(|i| self.word(i)).collect();
        let body = |w: &[&str]| {
            !w.is_empty()
                && w.len() <= 3
                && w.iter().all(|x| is_capitalised(x) && !is_possessive(x))
                && !w.iter().any(|x| is_capitalised_function_word(x))
                && split_name(w).is_some_and(|s| !looks_like_person(&s) && !s.titled)
                && w.last()
                    .is_some_and(|l| reg.known_surname(l).is_none() && reg.known_first(l).is_none())
        };
        if !opens || !body(&a) || !body(&b) {
            return None;
        }
        Some(reg.body(
            &format!("{} and {}", a.join(" "), b.join(" ")),
            SpeakerKind::Organisation,
        ))
    }

    /// The person a sentence introduces with an age just before the quotation whose pronoun cue
    /// starts at token `cue`: `… results for accountant Ola Berg, 50. "…," he says.` News
    /// introduces the person it quotes next this way, in subject or object position alike.
    fn introduced_by_age(&self, reg: &Registry, cue: usize, gender: Gender) -> Option<usize> {
        let mut q = cue.checked_sub(1)?;
        if self.kind(q) == Some(TokKind::Comma) {
            q = q.checked_sub(1)?;
        }
        if !matches!(self.kind(q), Some(TokKind::Quote(_))) || q < 4 {
            return None;
        }
        let age = self.word(q - 2)?;
        let is_age = (1..=3).contains(&age.len())
            && age.chars().all(|c| c.is_ascii_digit())
            && age.parse::<u32>().is_ok_and(|a| (12..=110).contains(&a));
        if self.kind(q - 1) != Some(TokKind::Stop)
            || !is_age
            || self.kind(q - 3) != Some(TokKind::Comma)
            || !self.cap(q - 4)
        {
            return None;
        }
        let id = reg.known_surname(self.word(q - 4)?)?;
        let e = &reg.entities[id];
        (e.kind == SpeakerKind::Person && (e.gender == gender || e.gender == Gender::Unknown))
            .then_some(id)
    }

    /// The body (or person) a document speaks for: one named in its phrase (`the RCMP
    /// statement`, `Ofcom's report`, `the company's statement`), one named in the rest of the
    /// sentence that introduces it (`a report by the Bank of Canada`, `a document … on Acme
    /// Railway's website`), or, for `the report` said again, the owner of the document the
    /// article cited last, else the body named last since the previous paragraph. `None` when
    /// the article names none: a document is never a speaker itself.
    fn document_owner(
        &self,
        reg: &mut Registry,
        np: &Range<usize>,
        desc: &[&str],
        definite: bool,
    ) -> Option<usize> {
        let pos = self.toks.get(np.start).map_or(0, |t| t.range.start);
        let mods = &desc[..desc.len().saturating_sub(1)];
        // Capitalised words that modify the head (`the RCMP statement`) or own it (`Mr Kok's
        // report`); a nationality (`a South Korean report`) tells where, not who.
        let own = mods.iter().rposition(|w| is_possessive(w));
        let caps_end = match own {
            Some(p) => p + 1,
            None => mods.len(),
        };
        let caps_start = mods[..caps_end]
            .iter()
            .rposition(|w| !is_capitalised(w))
            .map_or(0, |p| p + 1);
        let caps: Vec<&str> = mods[caps_start..caps_end]
            .iter()
            .map(|w| strip_possessive(w))
            .filter(|w| honorific(w).is_none())
            .collect();
        let owner = if let Some(owner) = self.pronoun_owner(reg, np.start, pos) {
            owner
        } else if !caps.is_empty() && !caps.iter().any(|w| is_nationality(w)) {
            caps.last()
                .and_then(|last| reg.known_surname(last))
                .or_else(|| Some(reg.body(&caps.join(" "), SpeakerKind::Organisation)))
        } else if mods
            .iter()
            .any(|w| is_possessive(w) && is_body_noun(strip_possessive(w)))
        {
            // `the company's statement`.
            reg.last_org(pos)
        } else {
            // The owner is named in the rest of the sentence when the phrase introduces the
            // document (`a report by …`, `a statement from …`), not when it refers back.
            let end = np.end;
            let introduces = !definite
                || self.word(end).is_some_and(|w| {
                    matches!(w, "by" | "from" | "of" | "on" | "issued" | "published")
                });
            let after = self.span(np.clone()).end;
            let stop = (end..self.toks.len())
                .take(MAX_WALK)
                .find(|&k| self.kind(k) == Some(TokKind::Stop))
                .and_then(|k| self.toks.get(k))
                .map_or(usize::MAX, |t| t.range.start);
            introduces
                .then(|| reg.first_org_between(after, stop))
                .flatten()
                .or_else(|| definite.then_some(reg.doc_owner).flatten())
                .or_else(|| {
                    definite
                        .then(|| reg.subject_org_since(pos, self.near))
                        .flatten()
                })
                .or_else(|| {
                    definite
                        .then(|| self.writer_of_named_document(reg, desc, pos))
                        .flatten()
                })
        };
        let owner = match (owner, desc.last()) {
            (None, Some(head)) if definite => self.cited_document_owner(reg, head, pos),
            (owner, _) => owner,
        };
        if owner.is_some() {
            reg.doc_owner = owner;
        }
        owner
    }

    /// `Oxfam says in a report … / "…," the report said.`: a definite document with no owner
    /// in sight is the one the article cited before, and speaks for whoever the article said
    /// it came from: the one who spoke in it (`Oxfam says in a report`, `the Fed said in its
    /// latest Beige Book report`, `In a statement, the RSPCA said`), the owner named before
    /// its noun (`A National Audit Office report`, `the NAO's annual report`), or its sender
    /// (`an open letter from chief executive Sid Tan`). The latest citation of the noun
    /// before byte `pos` that names one, over the whole article: a report is cited once,
    /// often in the lede, and referred to as `the report` from then on.
    fn cited_document_owner(&self, reg: &mut Registry, head: &str, pos: usize) -> Option<usize> {
        let before = self.text.get(..pos)?;
        let lowered = before.to_ascii_lowercase();
        let cue_noun = head;
        let head = head.to_ascii_lowercase();
        let is_word_char = |c: char| c.is_alphanumeric() || c == '-' || c == '\'';
        let bounds = ['.', '!', '?', '\n', '"', '“', '”'];
        let citations = lowered.rmatch_indices(head.as_str()).filter(|(k, _)| {
            !lowered[..*k].chars().next_back().is_some_and(is_word_char)
                && !lowered[k + head.len()..]
                    .chars()
                    .next()
                    .is_some_and(is_word_char)
        });
        for (at, _) in citations.take(4) {
            let start = before[..at].rfind(bounds).map_or(0, |s| s + 1);
            let end = before[at..].find(bounds).map_or(before.len(), |e| at + e);
            let lead: Vec<&str> = before[start..at].split_whitespace().collect();
            let tail: Vec<&str> = before[at + head.len()..end].split_whitespace().collect();
            // A common noun cited with a capital is a title (`the BBC's World Business
            // Report`); a title the cue gives (`the Beige Book said`) is cited as written.
            let titled = !is_capitalised(cue_noun) && is_capitalised(&before[at..]);
            if let Some(words) = cited_by(&lead, titled, &tail) {
                let words: Vec<&str> = words
                    .iter()
                    .map(|w| strip_possessive(w.trim_matches(|c: char| !is_word_char(c))))
                    .filter(|w| honorific(w).is_none())
                    .collect();
                if words.is_empty() || words.iter().any(|w| is_nationality(w)) {
                    continue;
                }
                return words
                    .last()
                    .and_then(|last| reg.known_surname(last))
                    .or_else(|| Some(reg.body(&words.join(" "), SpeakerKind::Organisation)));
            }
        }
        None
    }

    /// `Kay wrote in the club's blog post that … / "…," the post read.`: a definite document
    /// with no owner in sight refers back to the one the text last put its words in (`in a
    /// statement`, `in the firm's post`) since the previous paragraph; whoever is the subject
    /// of that sentence wrote it. Only a person: a body that spoke is found before this.
    fn writer_of_named_document(&self, reg: &Registry, desc: &[&str], pos: usize) -> Option<usize> {
        let head = desc.last()?;
        let before = self.text.get(self.near..pos)?;
        let is_word_char = |c: char| c.is_alphanumeric() || c == '-' || c == '\'';
        let head: &str = head;
        let at = before.rmatch_indices(head).find(|(k, _)| {
            let prev = before[..*k].chars().next_back();
            let next = before[k + head.len()..].chars().next();
            !prev.is_some_and(is_word_char) && !next.is_some_and(is_word_char)
        })?;
        let at = at.0;
        let sentence = before[..at]
            .rfind(['.', '\n', '"', '“', '”'])
            .map_or(0, |s| s + 1);
        // `in` opens the document's phrase a few words before its head (`in a statement`,
        // `in the company's blog post`).
        let lead: Vec<&str> = before[sentence..at].split_whitespace().collect();
        let opens_in = lead.iter().rev().take(4).any(|w| *w == "in");
        if !opens_in {
            return None;
        }
        reg.subject_since(self.near + at, self.near + sentence)
    }

    /// The owner a possessive pronoun opening a noun phrase at token `at` gives (`his report`,
    /// `Her lawsuit`, `its statement`): whom `he`, `she`, `it` or `they` would mean there.
    /// `None` when the phrase opens with no such pronoun.
    fn pronoun_owner(&self, reg: &Registry, at: usize, pos: usize) -> Option<Option<usize>> {
        let mut buf = [0; 16];
        let owner = match lower(self.word(at)?, &mut buf) {
            "his" => reg.antecedent(pos, Gender::Male, self.near),
            "her" => reg.antecedent(pos, Gender::Female, self.near),
            "its" => reg.last_org(pos),
            "their" => reg.plural_body(pos, self.near),
            _ => return None,
        };
        Some(owner)
    }

    /// Who brought the court case that papers at byte `pos` belong to (`the lawsuit said`):
    /// the person (else the body) a sentence before names as subject of `sue` or `file`
    /// (`Ann Roe is suing the studio`, `Roe filed the suit in May`). A passive (`was sued by`)
    /// or a participle after a comma (`Her lawsuit, filed in Boston,`) names no plaintiff, so
    /// the search goes on to an earlier verb.
    fn plaintiff(&self, reg: &Registry, pos: usize) -> Option<usize> {
        let before = self.text.get(..pos)?;
        let mut verbs: Vec<usize> = ["sue ", "sues ", "suing ", "sued ", "filed "]
            .iter()
            .flat_map(|v| before.match_indices(v).map(|(at, _)| at))
            .filter(|&at| before[..at].ends_with(' '))
            .collect();
        verbs.sort_unstable();
        for &v in verbs.iter().rev().take(4) {
            let lead = before[..v].trim_end();
            let rest = &before[v..];
            let passive = lead.ends_with("was")
                || lead.ends_with("were")
                || lead.ends_with("been")
                || lead.ends_with("being")
                || lead.ends_with("be")
                || lead.ends_with(',')
                || rest.split_whitespace().nth(1) == Some("by");
            if passive {
                continue;
            }
            let from = before[..v]
                .rfind(['.', '\n', '?', '!'])
                .map_or(0, |p| p + 1);
            let first = |ms: &[super::names::Mention]| {
                ms.iter()
                    .find(|m| m.pos >= from && m.pos < v && !m.weak)
                    .map(|m| m.entity)
            };
            let at = reg.mentions.partition_point(|m| m.pos < from);
            let orgs = reg.org_mentions.partition_point(|m| m.pos < from);
            if let Some(id) =
                first(&reg.mentions[at..]).or_else(|| first(&reg.org_mentions[orgs..]))
            {
                return Some(id);
            }
        }
        None
    }

    fn span(&self, toks: Range<usize>) -> Range<usize> {
        let start = self.toks.get(toks.start).map_or(0, |t| t.range.start);
        let end = toks
            .end
            .checked_sub(1)
            .and_then(|i| self.toks.get(i))
            .map_or(start, |t| t.range.end);
        start..end.max(start)
    }

    /// `in a statement` after a verb belongs to the cue.
    fn extend_statement(&self, k: usize) -> usize {
        if self.is_word(k, "in") && self.word(k + 1).is_some() && self.is_word(k + 2, "statement") {
            k + 3
        } else {
            k
        }
    }

    /// `said X` / `according to X`: the phrase after `k`, with an appositive role after it.
    fn after_verb(&self, reg: &mut Registry, verb_start: usize, k: usize) -> Option<Attr> {
        let mut np = self.np_fwd(k)?;
        // `said festival founder and director Tom Vance`: two roles joined by `and` before one
        // name are both that person's, and the name is the speaker.
        if self.is_word(np.end, "and")
            && let Some(next) = self.np_fwd(np.end + 1)
            && self.roles_of_one_name(&np, &next)
        {
            np = np.start..next.end;
        }
        let mut role = None;
        let mut buf = [0; 16];
        if self
            .word(np.end)
            .is_some_and(|w| matches!(lower(w, &mut buf), "of" | "for" | "at"))
            && self.is_description(&np)
        {
            // `said BA director of commercial planning, Robert Boyle.`: the description runs
            // on to a comma, and the person's name closes the sentence after it.
            let rest = self.chunk_fwd(np.end);
            let name = self.chunk_fwd(rest.end + 1);
            if self.is_separator(rest.end)
                && !name.is_empty()
                && self.is_full_name(&name)
                && matches!(self.kind(name.end), None | Some(TokKind::Stop))
            {
                let speaker = self.resolve(reg, &name, Some(&(np.start..rest.end)));
                return Some(Attr::Cue {
                    speaker,
                    cue: self.span(verb_start..name.end),
                });
            }
        }
        if self.is_separator(np.end) {
            let c = self.chunk_fwd(np.end + 1);
            if !c.is_empty() && self.is_description(&c) {
                role = Some(c);
            } else if !c.is_empty()
                && self.is_description(&np)
                && self.cap(c.end - 1)
                && matches!(
                    self.kind(c.end),
                    None | Some(TokKind::Stop | TokKind::Comma | TokKind::Dash)
                )
            {
                // `says Campbell’s partner, Jason Louth.`: the name after the description.
                role = Some(np.clone());
                np = c;
            }
        }
        let speaker = self.resolve(reg, &np, role.as_ref());
        Some(Attr::Cue {
            speaker,
            cue: self.span(verb_start..np.end),
        })
    }

    /// `founder` and `director Tom Vance` (`first`, then `second` after `and`): a role in
    /// lower case, then another before a full name, name one person holding both. Not two
    /// people (`the minister and Tom Vance`, `coach Ann Roe and captain Tom Vance`): the first
    /// part ends in a lower-case noun, and the second opens with one.
    fn roles_of_one_name(&self, first: &Range<usize>, second: &Range<usize>) -> bool {
        let lower = |i: usize| {
            self.word(i).is_some_and(|w| {
                w.starts_with(char::is_lowercase) && !is_determiner(w) && !self.is_pronoun(i)
            })
        };
        second.len() >= 3
            && lower(first.end - 1)
            && lower(second.start)
            && self.cap(second.end - 1)
            && self.cap(second.end - 2)
            && !(second.start..second.end - 2).any(|i| self.cap(i))
    }

    /// Whether the article writes the capitalised word `name` in lower case too (`Jobs will go`
    /// and `cut 2,850 jobs`): a common noun that opened a sentence, no brand. Only asked for a
    /// `the company` cue, so a scan of the text is cheap enough.
    fn used_in_lower_case(&self, name: &str) -> bool {
        let lowered = name.to_lowercase();
        if lowered == name {
            return false;
        }
        self.text.match_indices(lowered.as_str()).any(|(at, _)| {
            let before = self.text[..at].chars().next_back();
            let after = self.text[at + lowered.len()..].chars().next();
            !before.is_some_and(char::is_alphanumeric) && !after.is_some_and(char::is_alphanumeric)
        })
    }

    /// The body after a source noun's `for`/`at`/`from` (`a spokesperson for the RCMP`) when a
    /// verb of saying follows it: [`Self::postmodifies`] keeps a body out of the source phrase,
    /// so the body is the subject that speaks. `None` for any other phrase.
    fn source_for_body(&self, np: &Range<usize>) -> Option<Range<usize>> {
        let head = np.clone().last().and_then(|i| self.word(i))?;
        let mut buf = [0; 16];
        if !is_source_noun(head)
            || !self
                .word(np.end)
                .is_some_and(|w| matches!(lower(w, &mut buf), "for" | "at" | "from"))
        {
            return None;
        }
        let object = self.np_fwd_plain(np.end + 1)?;
        let mut k = object.end;
        while self.is_aux(k) {
            k += 1;
        }
        self.cue_verb(k).map(|_| object)
    }

    /// `X said` starting at `j`, possibly with an appositive: `X, the minister, said` or
    /// `the organiser in Uganda, Sarah Mukasa, told`.
    fn subject_then_verb(&self, reg: &mut Registry, j: usize) -> Option<Attr> {
        let mut np = self.np_fwd(j)?;
        if let Some(whole) = self.comma_adjectives(&np) {
            np = whole;
        }
        if let Some(body) = self.source_for_body(&np) {
            // `a spokesperson for Global Affairs Canada said`: the body speaks through its
            // spokesperson, as it does with the cue before the quotation.
            np = body;
        }
        let mut k = np.end;
        if self.bracketed_acronym(k) {
            // `"…," the Consumer Electronics Association (CEA) said`.
            k += 3;
        }
        if self.is_full_name(&np)
            && let Some(after) = self.workplace_after(k)
        {
            // `"…," David Noone from Intervoice said`: the person speaks, as before the
            // quotation (see [`Self::name_before_workplace`]).
            k = after;
        }
        let mut role = None;
        let extended = !self.is_separator(k) && self.cue_verb(k).is_none() && !self.is_aux(k);
        if extended {
            k = self.chunk_fwd(j).end;
        }
        if self.is_separator(k) {
            let c = self.chunk_fwd(k + 1);
            if !extended
                && !c.is_empty()
                && !self.is_separator(c.end)
                && self.cap(np.end - 1)
                && !self.is_description(&np)
                && let Some(verb) = self.role_then_verb(&c)
            {
                // `Jo Park, chief economist at Acme told reporters`: no comma closes the role.
                role = Some(c.start..verb);
                k = verb;
            } else {
                if c.is_empty() || !self.is_separator(c.end) {
                    return None;
                }
                if !extended && self.is_description(&c) {
                    role = Some(c.clone());
                } else if self.cap(c.end - 1) && !self.is_description(&c) {
                    role = Some(j..k);
                    np = c.clone();
                } else {
                    return None;
                }
                k = c.end + 1;
                // `"…," Ann Roe, from Acme Labs, one of its founders, told reporters`: a second
                // appositive about a named person before the verb.
                if role.as_ref() == Some(&c)
                    && self.cap(np.end - 1)
                    && !self.is_description(&np)
                    && self.cue_verb(k).is_none()
                    && !self.is_aux(k)
                {
                    let c2 = self.chunk_fwd(k);
                    if !c2.is_empty()
                        && self.is_separator(c2.end)
                        && self.is_description(&c2)
                        && self.cue_verb(c2.end + 1).is_some()
                    {
                        k = c2.end + 1;
                    }
                }
            }
        } else if extended {
            return None;
        }
        while self.is_aux(k) {
            k += 1;
        }
        let (_, end) = self.cue_verb(k)?;
        // `instead of the "…" Labour had promised, there was …`: a subject and `promised` after
        // a quotation make a relative clause about it, and the sentence's speaker stays on.
        if self.is_word(k, "promised") || self.is_word(k, "pledged") {
            return None;
        }
        let end = self.extend_statement(end);
        let speaker = self.resolve(reg, &np, role.as_ref());
        Some(Attr::Cue {
            speaker,
            cue: self.span(j..end),
        })
    }

    /// Cue right after the quotation token `t`.
    fn right(&self, reg: &mut Registry, t: usize) -> Option<Attr> {
        let mut j = t + 1;
        if self.kind(j) == Some(TokKind::Stop)
            && self.toks.get(j).is_some_and(|x| x.range.is_empty())
        {
            // `"Are there prizes?" Lincicome asked.`: the question mark inside the marks does
            // not end the sentence when a name and a verb of saying follow.
            // Only a verb of saying that closes its clause: `"No." He continued: "…"` and
            // `"Yes." Mr Blair said he would …` open new statements.
            let np = self.np_fwd(j + 1)?;
            let (Verb::Say, end) = self.cue_verb(np.end)? else {
                return None;
            };
            // A full stop inside the marks ends a statement; what follows is a new sentence
            // unless its verb closes at once or at a phrase of where, when or how (`"…." Roe
            // said on Monday.`). A bare noun after the verb opens the reported clause (`"…."
            // The police said people nearby were hit`), as a name does.
            let full_stop = self.text[..self.toks[t].range.end]
                .trim_end_matches(|c: char| !c.is_alphanumeric() && !matches!(c, '.' | '!' | '?'))
                .ends_with('.');
            let closes = match self.kind(end) {
                None | Some(TokKind::Stop | TokKind::Comma) => true,
                Some(TokKind::Word) => {
                    // A name after the verb opens the reported clause (`"No." The council
                    // said Mr Roe's plan …`).
                    !(self.is_pronoun(end)
                        || self.is_word(end, "that")
                        || self.word(end).is_some_and(is_determiner)
                        || (self.cap(end) && !self.word(end).is_some_and(is_weekday))
                        || (full_stop && !self.word(end).is_some_and(closes_a_cue)))
                }
                _ => false,
            };
            if !closes {
                return None;
            }
            return self.subject_then_verb(reg, j + 1).filter(|a| {
                matches!(
                    a,
                    Attr::Cue {
                        speaker: Some(_),
                        ..
                    }
                )
            });
        }
        if self.kind(j) == Some(TokKind::Comma) {
            j += 1;
        }
        if let Some((Verb::Say, end)) = self.cue_verb(j)
            && let Some(a) = self.after_verb(reg, j, end)
        {
            return Some(a);
        }
        // `"…," suddenly replied the colonel`: an adverb before the inverted verb says how; it
        // is never the subject.
        if self.word(j).is_some_and(is_adverb) {
            return match self.cue_verb(j + 1) {
                Some((Verb::Say, end)) => self.after_verb(reg, j + 1, end),
                _ => None,
            };
        }
        if self.is_word(j, "according") && self.is_word(j + 1, "to") {
            return self.after_verb(reg, j, j + 2);
        }
        if let Some(k) = self.answer_of(j) {
            return self.after_verb(reg, j, k);
        }
        // `"…," Reuters quoted a central bank official as saying.`: the one quoted speaks,
        // not the paper that quotes them.
        if let Some(v) = (j + 1..j + MAX_NP + 3)
            .take_while(|&k| self.kind(k) == Some(TokKind::Word))
            .find(|&k| self.is_word(k, "quoted") || self.is_word(k, "quotes"))
            // The words before `quoted` are its subject (`, and quoted …` goes on the clause
            // before the quotation).
            && self.np_fwd_plain(j).is_some_and(|np| {
                np.end >= v || (np.end..v).all(|k| self.is_aux(k))
            })
            && let Some(a) = self
                .quoted_as(reg, v)
                .or_else(|| self.quotes_object(reg, v))
        {
            return Some(a);
        }
        self.subject_then_verb(reg, j)
    }

    /// `"…" was the response of one viewer`, `"…" came the reply from Ms Roe`: the words are
    /// named for what they are, and whose they are follows `of` or `from`. The token after
    /// that preposition, when the words from `j` say so.
    fn answer_of(&self, j: usize) -> Option<usize> {
        let mut buf = [0; 16];
        if !self
            .word(j)
            .is_some_and(|w| matches!(lower(w, &mut buf), "was" | "is" | "came" | "comes"))
        {
            return None;
        }
        let mut k = j + 1;
        if self.word(k).is_some_and(is_determiner) {
            k += 1;
        }
        let noun = self.word(k)?;
        let answer = matches!(
            lower(noun, &mut buf),
            "response"
                | "reply"
                | "reaction"
                | "verdict"
                | "answer"
                | "retort"
                | "message"
                | "comment"
                | "assessment"
                | "warning"
                | "advice"
                | "view"
        );
        (answer && (self.is_word(k + 1, "of") || self.is_word(k + 1, "from"))).then_some(k + 2)
    }

    /// The cue verb nearest before `t` in the sentence, with its subject.
    fn cue_before(&self, reg: &mut Registry, t: usize, lo: usize) -> Option<Attr> {
        let mut v = t;
        while v > lo && t - v < MAX_WALK {
            v -= 1;
            if self.is_word(v, "according")
                && self.is_word(v + 1, "to")
                && let Some(a) = self.after_verb(reg, v, v + 2)
            {
                return Some(a);
            }
            if let Some(a) = self.fronted_participle(reg, v, lo, t) {
                return Some(a);
            }
            if let Some(a) = self.distant_cue(reg, v, lo) {
                return Some(a);
            }
            let Some((_, end)) = self.cue_verb(v) else {
                continue;
            };
            // A pledge reports the words that complete it (`pledged to "…"`), not words after
            // a comma that closes it (`the "…" Labour had promised, there was an "…"`).
            if (self.is_word(v, "promised") || self.is_word(v, "pledged"))
                && (v + 1..t).any(|k| self.kind(k) == Some(TokKind::Comma))
            {
                continue;
            }
            if let Some(a) = self.inverted_before(reg, v, end, t, lo) {
                return Some(a);
            }
            if let Some((np, role)) = self.subject_back(v, lo) {
                if let Some(a) = self.outer_cue(reg, &np, v, lo) {
                    return Some(a);
                }
                let speaker = self.resolve(reg, &np, role.as_ref());
                return Some(Attr::Cue {
                    speaker,
                    cue: self.span(np.start..self.extend_statement(end)),
                });
            }
        }
        None
    }

    /// A verb of saying (at token `v`, its phrase ending at `end`) before its subject, the
    /// subject closing with a comma or colon right before the quotation at token `t`:
    /// - set between commas, any verb of saying and any subject that reads as one (`Others, says
    ///   Ann Roe, "are not ready"`, `…, asks editor Jane Roe, “has anyone …?”`): the cue gives
    ///   the quotation the words that go on with the sentence;
    /// - else only verbs whose subject may follow them in English, and a subject that is no
    ///   pronoun (`Then asks Kay Lind, "why …"`, `Says the coach: "…"`); not `told` or `asked`
    ///   (`asked Kay Lind` names the one asked) nor a participle (`telling Kay Lind: "…"`).
    fn inverted_before(
        &self,
        reg: &mut Registry,
        v: usize,
        end: usize,
        t: usize,
        lo: usize,
    ) -> Option<Attr> {
        let np = self.np_fwd(end)?;
        if np.end + 1 != t || !matches!(self.kind(np.end), Some(TokKind::Comma | TokKind::Colon)) {
            return None;
        }
        let between_commas = v > lo
            && self.kind(v - 1) == Some(TokKind::Comma)
            && self.kind(np.end) == Some(TokKind::Comma)
            && self.inverted_subject(&np);
        if between_commas {
            return Some(Attr::Cue {
                speaker: self.resolve(reg, &np, None),
                cue: self.span(v..np.end),
            });
        }
        let mut buf = [0; 16];
        let inverts = self.word(v).is_some_and(|w| {
            matches!(
                lower(w, &mut buf),
                "says"
                    | "said"
                    | "asks"
                    | "adds"
                    | "added"
                    | "explains"
                    | "explained"
                    | "continues"
                    | "continued"
                    | "writes"
                    | "wrote"
                    | "recalls"
                    | "recalled"
                    | "notes"
                    | "noted"
                    | "insists"
                    | "insisted"
                    | "argues"
                    | "argued"
            )
        });
        // `he said sternly, "…"`: the verb has its subject before it, and what follows is how
        // it was said; only a phrase that reads as a subject inverts.
        if !inverts
            || self.is_pronoun(np.start)
            || !self.inverted_subject(&np)
            || v > lo && self.is_pronoun(v - 1)
        {
            return None;
        }
        let speaker = self.resolve(reg, &np, None)?;
        Some(Attr::Cue {
            speaker: Some(speaker),
            cue: self.span(v..np.end),
        })
    }

    /// `According to Mr Hale, the prime minister said …`: a phrase that opens the clause at
    /// `np_start` after `according to X,` is someone X reports, never X himself, so a
    /// description there does not look back to the person named last.
    fn after_according_to(&self, np_start: usize) -> bool {
        let (s, _) = self.clause_start(np_start);
        let mut buf = [0; 16];
        np_start > s + 2
            && self.kind(np_start - 1) == Some(TokKind::Comma)
            && self
                .word(s)
                .is_some_and(|w| lower(w, &mut buf) == "according")
            && self.is_word(s + 1, "to")
    }

    /// Start of the sentence holding token `t`: just after the previous stop or quotation.
    fn clause_start(&self, t: usize) -> (usize, Option<usize>) {
        let mut s = t;
        while s > 0 && t - s < MAX_WALK {
            match self.kind(s - 1) {
                Some(TokKind::Stop) => return (s, None),
                Some(TokKind::Quote(q)) => return (s, Some(q)),
                _ => s -= 1,
            }
        }
        (s, None)
    }

    /// A cue closing the sentence after the quotation: `…, Ms Short said.`
    fn trailing(&self, reg: &mut Registry, t: usize) -> Option<Attr> {
        let mut k = t + 1;
        while k < self.toks.len() && k - t < MAX_WALK {
            match self.kind(k) {
                Some(TokKind::Stop) | None => return None,
                Some(TokKind::Quote(_)) if !self.opens_sentence(t) && !self.long_fragment(t) => {
                    return None;
                }
                Some(TokKind::Comma) => {
                    if let Some(a) = self.trailing_pronoun(reg, t, k) {
                        return Some(a);
                    }
                    if let Some(a) = self.trailing_inverted(reg, t, k) {
                        return Some(a);
                    }
                    if let Some(Attr::Cue { speaker, cue }) = self.subject_then_verb(reg, k + 1) {
                        let after = self.toks[k + 1..]
                            .iter()
                            .position(|x| x.range.start >= cue.end)
                            .map_or(self.toks.len(), |p| p + k + 1);
                        if matches!(self.kind(after), Some(TokKind::Stop) | None) {
                            return Some(Attr::Cue { speaker, cue });
                        }
                    }
                }
                _ => {}
            }
            k += 1;
        }
        None
    }

    /// A quotation the sentence's subject introduces without a verb of saying: before a colon
    /// (`Kay is more blunt: "…"`, `Kay put it this way: "…"`, `The team posted a photo with two
    /// words: "…"`) or after a participle of saying (`…, writing "…"`). The subject is a
    /// person's name, `he` or `she`, or a body (`the team`), opening the sentence or the clause
    /// after an opening phrase (`On Monday, Kay …`), and a verb follows it; a subject that names
    /// no one (`The message was clear: "…"`, `Ballot papers will ask: "…"`) introduces nobody's
    /// words. `with X saying "…"` gives the words to X. A sentence with a verb of saying is
    /// left to the cue patterns.
    fn introduced_by_subject(&self, reg: &mut Registry, lo: usize, hi: usize) -> Option<Attr> {
        // `with a spokesperson saying "…"`, `with minister Ann Roe telling MPs: "…"`.
        let participle = (lo..=hi)
            .rev()
            .take(4)
            .find(|&k| self.word(k).is_some_and(is_participle_of_saying));
        if let Some(p) = participle
            && let Some(np) = self.np_back(p, lo)
            && np.start > lo
            && self.is_word(np.start - 1, "with")
        {
            let speaker = self.resolve(reg, &np, None)?;
            return Some(Attr::Cue {
                speaker: Some(speaker),
                cue: self.span(np.start..p + 1),
            });
        }
        // `Kay suddenly heard a voice: "…"`: the words heard are not the hearer's.
        if (lo..hi).any(|k| {
            self.cue_verb(k).is_some()
                || self
                    .word(k)
                    .is_some_and(|w| hears(w, k.checked_sub(1).and_then(|p| self.word(p))))
        }) {
            return None;
        }
        let after_comma = (lo..hi)
            .find(|&k| self.kind(k) == Some(TokKind::Comma))
            .map(|k| k + 1);
        // `… on display when Musk took to Twitter with this:`: the subject of a clause that a
        // conjunction opens introduces the words as well.
        let after_conjunction = (lo..hi)
            .filter(|&k| {
                self.word(k).is_some_and(|w| {
                    matches!(
                        w,
                        "when" | "as" | "after" | "before" | "while" | "until" | "and"
                    )
                })
            })
            .map(|k| k + 1);
        let np = [Some(lo), after_comma]
            .into_iter()
            .flatten()
            .chain(after_conjunction)
            .find_map(|start| {
                let np = self.introducing_subject(reg, start, hi)?;
                // `in a wig and Sgt Pepper jacket to …`: after `and` a name opens a clause only
                // when a verb follows it; else `and` joins two nouns.
                let joins_nouns = start > lo
                    && self.is_word(start - 1, "and")
                    && !self.word(np.end).is_some_and(|w| {
                        looks_finite(w)
                            || matches!(
                                w,
                                "is" | "was"
                                    | "are"
                                    | "were"
                                    | "will"
                                    | "would"
                                    | "can"
                                    | "could"
                                    | "may"
                                    | "might"
                                    | "must"
                                    | "should"
                            )
                            || self.is_aux(np.end)
                            || self.cue_verb(np.end).is_some()
                    });
                (!joins_nouns).then_some(np)
            })?;
        let speaker = self.resolve(reg, &np, None)?;
        Some(Attr::Cue {
            speaker: Some(speaker),
            cue: self.span(np),
        })
    }

    /// The subject phrase at token `start` when it names a person or a body and a verb follows
    /// it before `hi`; see [`Self::introduced_by_subject`].
    fn introducing_subject(&self, reg: &Registry, start: usize, hi: usize) -> Option<Range<usize>> {
        let mut np = self.np_fwd(start)?;
        let first = self.word(np.start)?;
        // `Kay put it this way`: the phrase runs on into a verb no list holds; a name ends
        // at its last capitalised word.
        // Only a phrase that goes on as a verb's would: up to a word no noun phrase holds, or
        // with a determiner inside (`voiced his anger`), not `Internet service provider (ISP)`.
        // `Mr Brown introduced Dr Greenspan to …`: a past tense between two names is the
        // first one's verb, and the phrase ends before it.
        if !is_determiner(first)
            && let Some(v) = (np.start + 1..np.end.saturating_sub(1)).find(|&i| {
                // Not `England's injured captain Jo Roe`: after a possessive it describes.
                self.cap(i - 1)
                    && !self.word(i - 1).is_some_and(is_possessive)
                    && self
                        .word(i)
                        .is_some_and(|w| w.starts_with(char::is_lowercase) && w.ends_with("ed"))
                    && self.cap(i + 1)
            })
        {
            np.end = v;
        }
        if !is_determiner(first)
            && let Some(c) = np.clone().rposition(|i| self.cap(i))
            && (self.kind(np.end) == Some(TokKind::Word)
                || (np.start + c + 1..np.end).any(|i| self.word(i).is_some_and(is_determiner)))
        {
            np.end = np.start + c + 1;
        }
        // `The team posted a photo`: after a determiner the phrase ends at a body's noun, and
        // what runs on is the verb.
        if is_determiner(first)
            && let Some(head) = (np.start + 1..np.end.min(np.start + 3))
                .find(|&i| self.word(i).is_some_and(is_body_noun))
        {
            np.end = head + 1;
        }
        // `Roe, the town's only doctor, is more blunt:`: an appositive between commas stands
        // between the subject and its verb.
        let verb = match self.kind(np.end) {
            Some(TokKind::Comma) => (np.end + 1..hi.min(np.end + 16))
                .take_while(|&k| !matches!(self.kind(k), Some(TokKind::Stop | TokKind::Quote(_))))
                .find(|&k| self.kind(k) == Some(TokKind::Comma))
                .map_or(hi, |k| k + 1),
            _ => np.end,
        };
        if verb >= hi || self.kind(verb) != Some(TokKind::Word) {
            return None;
        }
        let words: Vec<&str> = np.clone().filter_map(|i| self.word(i)).collect();
        let last = *words.last()?;
        let person = !is_determiner(first)
            && !is_possessive(last)
            && split_name(&words).is_some_and(|split| {
                looks_like_person(&split)
                    || (split.name.len() == 1
                        && (reg.known_surname(split.name[0]).is_some()
                            || reg.known_first(split.name[0]).is_some()))
            });
        let pronoun = words.len() == 1 && matches!(first, "he" | "He" | "she" | "She");
        // `The Tory leader will argue …, saying it is "…"`: a role after `the` is a person the
        // article has named, as a pronoun is; `resolve` finds whom or gives up.
        let role = (2..=4).contains(&words.len())
            && matches!(first, "the" | "The")
            && is_role_word(last)
            && !is_possessive(last)
            && !self.word(np.end).is_some_and(is_possessive);
        // `The state department's budget would …`: a body that owns the subject is only its
        // topic.
        let body = words.len() <= 3
            && matches!(first, "the" | "The")
            && is_body_noun(last)
            && !self.word(np.end).is_some_and(is_possessive);
        // `Wasp tells the story`, `the Sgt Pepper album`: a title acts in the prose as a
        // person would, and says nothing.
        if self.word(verb).is_some_and(is_work_noun) || reg.works.contains(&words.join(" ")) {
            return None;
        }
        (person || pronoun || body || role).then_some(np)
    }

    /// The attribution of the quotation token `t`.
    pub fn attribute(&self, reg: &mut Registry, t: usize, run_on: Option<usize>) -> Attr {
        if let Some(a) = self.right(reg, t) {
            return a;
        }
        if let Some(a) = self.passive_agent(reg, t) {
            return a;
        }
        if t > 0 && self.kind(t - 1) == Some(TokKind::Colon) {
            let (lo, _) = self.clause_start(t - 1);
            if let Some(a) = self
                .cue_before(reg, t - 1, lo)
                .or_else(|| self.introduced_by_subject(reg, lo, t - 1))
            {
                return a;
            }
        }
        if let Some(prev) = run_on {
            return Attr::Like(prev);
        }
        let (lo, prev_quote) = self.clause_start(t);
        if let Some(a) = self.cue_before(reg, t, lo) {
            return a;
        }
        if let Some(a) = self.naming_participle(reg, t, lo) {
            return a;
        }
        if t > 0
            && self.word(t - 1).is_some_and(is_participle_of_saying)
            && let Some(a) = self.introduced_by_subject(reg, lo, t - 1)
        {
            // `Roe voiced her anger on Twitter, writing "…"`.
            return a;
        }
        if let Some(q) = prev_quote {
            return Attr::Like(q);
        }
        self.trailing(reg, t).unwrap_or(Attr::None)
    }

    /// A passive verb of naming whose name is the quotation, with its agent after `by`
    /// (`Kay was described as a "…" by his friend Tom Reid`, `The plan was branded "…" by Ann
    /// Roe`, `He was described by police as "…"`): the name is in the agent's words; the
    /// subject is only the one named.
    fn passive_agent(&self, reg: &mut Registry, t: usize) -> Option<Attr> {
        let (lo, _) = self.clause_start(t);
        let p = (lo.max(t.saturating_sub(6))..t)
            .rev()
            .find(|&k| self.word(k).is_some_and(is_passive_of_naming))?;
        // Passive: a form of `be` (or `been`, `being`) right before the participle, perhaps
        // with an adverb between.
        let mut b = p;
        while b > lo && self.word(b - 1).is_some_and(is_adverb) {
            b -= 1;
        }
        if !(b > lo
            && self.word(b - 1).is_some_and(|w| {
                matches!(
                    w,
                    "is" | "are" | "was" | "were" | "be" | "been" | "being" | "get" | "got"
                )
            }))
        {
            return None;
        }
        // The participle's phrase runs on to the quotation, in words only.
        if (p + 1..t).any(|k| self.kind(k) != Some(TokKind::Word)) {
            return None;
        }
        // The agent: `described by police as "…"`, between the participle and the quotation,
        // or `… "…" by his friend Tom Reid`, right after it.
        let agent = if let Some(by) = (p + 1..t).find(|&k| self.is_word(k, "by")) {
            let np = self.np_fwd(by + 1)?;
            (np.end <= t && self.is_word(np.end, "as")).then_some((np, None))?
        } else if self.is_word(t + 1, "by") {
            self.agent_after_by(t + 2)?
        } else {
            return None;
        };
        let speaker = self.resolve(reg, &agent.0, agent.1.as_ref())?;
        Some(Attr::Cue {
            speaker: Some(speaker),
            cue: self.span(p..agent.0.end),
        })
    }

    /// The agent after `by` at token `k`: a name closing a description of its holder (`his
    /// friend and fellow broadcaster Tom Reid`, `the film's director Jo Park`), the
    /// description as its role; else the noun phrase (`MPs`, `the Conservatives who said`,
    /// `campaigners in the US`).
    fn agent_after_by(&self, k: usize) -> Option<(Range<usize>, Option<Range<usize>>)> {
        // The phrase runs to a mark or a word that opens another clause or phrase; `and` may
        // join two descriptions of one person.
        let end = (k..k + MAX_NP)
            .find(|&i| {
                self.kind(i) != Some(TokKind::Word)
                    || (self.is_function_word(i) && !self.is_word(i, "and"))
                    || self.word(i).is_some_and(super::is_preposition)
                    || self.cue_verb(i).is_some()
            })
            .unwrap_or(k + MAX_NP);
        if end > k + 1 && self.cap(end - 1) {
            let mut start = end - 1;
            while start > k && self.cap(start - 1) {
                start -= 1;
            }
            let described = (k..start).any(|i| {
                self.word(i)
                    .is_some_and(|w| !is_determiner(w) && !is_capitalised(w) && w != "and")
            });
            if described {
                return Some((start..end, Some(k..start)));
            }
        }
        let np = self.np_fwd_plain(k)?;
        Some((np.start..np.end.min(end.max(k + 1)), None))
    }

    /// Whether the quotation token `t` holds three words or more: a fragment that long is a
    /// piece of someone's words, not a term, wherever it stands in the sentence.
    fn long_fragment(&self, t: usize) -> bool {
        self.toks
            .get(t)
            .is_some_and(|x| super::has_words(&self.text[x.range.clone()], 3))
    }

    /// A participle of a verb of naming or accusing whose object ends in the quotation (`…,
    /// accusing the minister of "…"`, `Roe provoked fury by branding the campaign "…"`, `with
    /// Ann Roe calling it "…"`): the name given or the charge made is in the words of the one
    /// who gives it, the subject of the sentence (or the one after `with`), however short.
    fn naming_participle(&self, reg: &mut Registry, t: usize, lo: usize) -> Option<Attr> {
        let p = (lo..t)
            .rev()
            .take(12)
            .find(|&k| self.word(k).is_some_and(is_participle_of_naming))?;
        // `calling for a ban`, `calling on ministers`: a demand, no name given.
        if self.word(p + 1).is_some_and(|w| {
            matches!(
                w,
                "for" | "on" | "off" | "in" | "up" | "out" | "back" | "at"
            )
        }) {
            return None;
        }
        // The participle's object runs on to the quotation, in one clause.
        if (p + 1..t).any(|k| {
            matches!(
                self.kind(k),
                Some(TokKind::Comma | TokKind::Quote(_) | TokKind::Stop | TokKind::Colon)
            )
        }) {
            return None;
        }
        if let Some(np) = self.np_back(p, lo)
            && np.start > lo
            && self.is_word(np.start - 1, "with")
        {
            let speaker = self.resolve(reg, &np, None)?;
            return Some(Attr::Cue {
                speaker: Some(speaker),
                cue: self.span(np.start..p + 1),
            });
        }
        // `But Kay …, branding …`: a conjunction opening the sentence is not its subject.
        let lo = if self
            .word(lo)
            .is_some_and(|w| matches!(w, "But" | "And" | "Yet" | "So" | "Still" | "Meanwhile"))
        {
            lo + 1
        } else {
            lo
        };
        self.introduced_by_subject(reg, lo, p)
    }

    /// Whether `as` follows quotation token `t`, perhaps after a comma: the cheap question
    /// before [`Self::as_cue_after`].
    pub fn as_follows(&self, t: usize) -> bool {
        let k = t + 1 + usize::from(self.kind(t + 1) == Some(TokKind::Comma));
        self.is_word(k, "as")
    }

    /// A clause of comparison right after a quotation that names its source (`the club
    /// will stay "a family business", as Roe put it`, `"not for sale", as she herself said`,
    /// `as the minister has described it`): the words are the one the clause names, whoever
    /// the sentence is about. `as` alone is asked first, so other quotations cost one look.
    pub fn as_cue_after(&self, reg: &mut Registry, t: usize) -> Option<Attr> {
        if !self.as_follows(t) {
            return None;
        }
        let k = t + 1 + usize::from(self.kind(t + 1) == Some(TokKind::Comma));
        let mut np = self.np_fwd(k + 1)?;
        let reflexive = |w: &str| {
            matches!(
                w,
                "himself" | "herself" | "itself" | "themselves" | "ourselves"
            )
        };
        if np.end > np.start + 1 && self.word(np.end - 1).is_some_and(reflexive) {
            np.end -= 1;
        }
        let mut v = np.end;
        if self.word(v).is_some_and(reflexive) {
            v += 1;
        }
        while self.is_aux(v) && v < np.end + 4 {
            v += 1;
        }
        // `as Roe put it.`: after the words `put it` may end the sentence.
        let end = if self.word(v).is_some_and(|w| matches!(w, "put" | "puts"))
            && self.is_word(v + 1, "it")
        {
            v + 2
        } else {
            self.cue_verb(v)?.1
        };
        let speaker = self.resolve(reg, &np, None)?;
        Some(Attr::Cue {
            speaker: Some(speaker),
            cue: self.span(np.start..end),
        })
    }

    /// A participle of saying earlier in the sentence whose clause ends in the quotation: the
    /// subject of the sentence says it, in a mixed quotation (`Blair refused to name a date,
    /// saying Britain would hold a poll "some time in 2006"`). Only for a quotation no cue
    /// pattern claims; `warning` and `writing` are nouns as often as participles (`a government
    /// warning about a "…"`), so they count only after a comma.
    pub fn participle_earlier(&self, reg: &mut Registry, t: usize) -> Option<Attr> {
        // `praises him for his "sensational start" and a "great number of roles"`: a fragment
        // quoted earlier in the sentence does not end it.
        let (mut lo, mut prev) = self.clause_start(t);
        while prev.is_some() && lo > 1 && self.kind(lo - 2) != Some(TokKind::Stop) {
            (lo, prev) = self.clause_start(lo - 1);
        }
        let p = (lo..t).rev().find(|&k| {
            self.word(k)
                .is_some_and(|w| is_participle_of_saying(w) || is_verb_of_judging(w))
        })?;
        // `mocked claims that it was "…"`: the words judged are the claim's, not the subject's.
        if self.word(p).is_some_and(is_verb_of_judging)
            && self.word(p + 1).is_some_and(is_claim_noun)
        {
            return None;
        }
        if matches!(self.word(p)?, "warning" | "writing")
            && !(p > 0 && self.kind(p - 1) == Some(TokKind::Comma))
        {
            return None;
        }
        // `But Kay was bullish, saying …`: a conjunction opening the sentence is not its subject.
        let lo = if self
            .word(lo)
            .is_some_and(|w| matches!(w, "But" | "And" | "Yet" | "So" | "Still" | "Meanwhile"))
        {
            lo + 1
        } else {
            lo
        };
        // A finite verb (`Hill praised the volunteers as "…"`) is the subject's own: its
        // subject stands right before it.
        let finite = self.word(p).is_some_and(|w| !w.ends_with("ing"));
        self.introduced_by_subject(reg, lo, p + usize::from(finite))
    }

    /// A mixed quotation with no verb of saying, whose sentence opens with a person or body and
    /// its verb (`Roe is expecting "a sharp fall in sales"`, `The report found the rate
    /// "amounts to a failure of care"`): the words are the subject's, as news quotes a view or
    /// a finding in the holder's words. A quotation that qualifies the noun after it (`its
    /// "one time, last time" rule`) names a thing instead, and is left to the caller's term
    /// tests as well.
    pub fn subject_fragment(&self, reg: &mut Registry, t: usize) -> Option<Attr> {
        let (lo, prev_quote) = self.clause_start(t);
        if prev_quote.is_some() || t == 0 || t - lo < 2 {
            return None;
        }
        if let Some(next) = self.word(t + 1)
            && next.starts_with(char::is_lowercase)
            && !matches!(
                next,
                "to" | "of"
                    | "in"
                    | "on"
                    | "for"
                    | "from"
                    | "with"
                    | "by"
                    | "at"
                    | "and"
                    | "or"
                    | "but"
                    | "than"
                    | "as"
                    | "that"
                    | "which"
                    | "if"
                    | "when"
                    | "over"
                    | "into"
                    | "about"
                    | "after"
                    | "before"
                    | "because"
                    | "while"
                    | "against"
                    | "between"
                    | "among"
                    | "since"
                    | "unless"
                    | "until"
                    | "within"
                    | "without"
                    | "through"
            )
        {
            return None;
        }
        // `Roe has been accused of using the "…"`, `is described as "…"`: a passive verb makes
        // the subject the one talked about; `dismissed claims that his plan was "…"`: the words
        // are the claim's, and whose it is the sentence does not say.
        let passive = self
            .word(t - 1)
            .is_some_and(|w| matches!(w, "been" | "being"))
            || (lo + 1..t).any(|k| {
                self.word(k - 1).is_some_and(|w| {
                    matches!(w, "been" | "being" | "is" | "are" | "was" | "were" | "be")
                }) && (self
                    .word(k)
                    .is_some_and(|w| w.len() > 4 && w.ends_with("ed") && !is_state_of_mind(w))
                    // `was determined to`, `is satisfied that`: a state of mind, the subject's.
                    && !self
                        .word(k + 1)
                        .is_some_and(|w| matches!(w, "that" | "about" | "to"))
                    // `was taken to hospital`: a participle not made with `-ed` is no state of
                    // mind.
                    || self.word(k).is_some_and(is_irregular_participle))
            });
        let reported = (lo..t).any(|k| {
            self.word(k).is_some_and(|w| {
                matches!(
                    w,
                    "claim"
                        | "claims"
                        | "allegation"
                        | "allegations"
                        | "accusation"
                        | "accusations"
                        | "suggestion"
                        | "suggestions"
                        | "charge"
                        | "charges"
                        | "criticism"
                        | "complaint"
                        | "complaints"
                        | "cries"
                        | "warnings"
                        | "rumours"
                        | "reports"
                        | "slogan"
                        | "slogans"
                        | "headline"
                        | "headlines"
                        | "motto"
                )
            })
        });
        if passive || reported {
            return None;
        }
        // `the IATA, which has attacked the package as a "…"`, `the Sawyer Award, which is
        // "…"`: a relative clause still open at the quotation has its own subject, the noun
        // before it, not the sentence's.
        if let Some(k) = (lo + 1..t).rev().find(|&k| {
            self.kind(k - 1) == Some(TokKind::Comma)
                && self
                    .word(k)
                    .is_some_and(|w| matches!(w, "which" | "who" | "whose"))
        }) && !(k..t).any(|j| self.kind(j) == Some(TokKind::Comma))
        {
            return None;
        }
        // `Brown liked to rattle off "…" in a bid to win votes, the Tory leader said.`,
        // `The band have done "…", according to the editor.`: a cue later in the sentence
        // makes the whole sentence someone's report, and its subject no speaker.
        let mut k = t + 1;
        while let Some(kind) = self.kind(k) {
            if kind == TokKind::Stop {
                break;
            }
            // `He wants "…" and says it is …`: the subject's own verb, coordinated, or a
            // pronoun that may well be the subject, is no other reporter.
            let own = k > 0
                && self.word(k - 1).is_some_and(|w| {
                    matches!(
                        w,
                        "and" | "but" | "or" | "also" | "he" | "she" | "they" | "it" | "He" | "She"
                    )
                });
            if !own && self.cue_verb(k).is_some() || self.is_word(k, "according") {
                return None;
            }
            k += 1;
        }
        self.introduced_by_subject(reg, lo, t - 1)
    }

    /// Whether the phrase after a verb of saying is its subject (`said Ms Trew.`, `added the
    /// minister,`) rather than its object or the subject of a reported clause (`confirmed his
    /// global superstar status.`, `said many young dancers were …`): it ends at punctuation and
    /// names someone, or is headed by a role.
    fn inverted_subject(&self, np: &Range<usize>) -> bool {
        let ends = matches!(
            self.kind(np.end),
            None | Some(
                TokKind::Stop | TokKind::Comma | TokKind::Colon | TokKind::Dash | TokKind::Quote(_)
            )
        );
        let names = np.clone().any(|i| self.cap(i)) || self.is_pronoun(np.start);
        // `…, said the minister.`, `…, said the company.`, `…, said the winter report.`: a
        // person's role, a body or a document speaking.
        let role = self
            .word(np.end - 1)
            .is_some_and(|w| is_role_word(w) || is_body_noun(w) || is_document_noun(w));
        ends && (names || role)
    }

    /// The speaker of the nearest reported statement (`X said …`) between tokens `lo` and `hi`,
    /// searching backwards: a quotation without a cue belongs to the last one who spoke.
    /// Whether the phrase `np` (not before token `lo`) is the object of `of` after a lower-case
    /// noun that names a thing, not a person or a share of people (`the restoration of`, not
    /// `one of`, `some of`, `a spokesman of`).
    fn thing_of(&self, np: &Range<usize>, lo: usize) -> bool {
        if np.start < lo + 2 || !self.is_word(np.start - 1, "of") {
            return false;
        }
        let Some(head) = self.word(np.start - 2) else {
            return false;
        };
        let mut buf = [0; 16];
        let lw = lower(head, &mut buf);
        head.starts_with(char::is_lowercase)
            && lw.len() > 3
            && !placement::is_personish(lw)
            && !is_anonymous_noun(lw)
            && !is_body_noun(lw)
            && !matches!(
                lw,
                "some"
                    | "many"
                    | "most"
                    | "none"
                    | "several"
                    | "both"
                    | "each"
                    | "three"
                    | "four"
                    | "five"
                    | "half"
                    | "dozens"
                    | "hundreds"
                    | "thousands"
                    | "majority"
                    | "minority"
                    | "number"
                    | "group"
                    | "members"
                    | "rest"
                    | "behalf"
            )
    }

    pub fn statement(&self, reg: &mut Registry, lo: usize, hi: usize) -> Option<Option<usize>> {
        let mut v = hi.min(self.toks.len());
        while v > lo {
            v -= 1;
            let Some((verb, end)) = self.cue_verb(v) else {
                continue;
            };
            // `X described it in his memoir` is no statement a later quotation continues.
            if verb == Verb::After && !(self.is_word(v, "told") || self.is_word(v, "tells")) {
                continue;
            }
            let (s, _) = self.clause_start(v);
            let s = s.max(lo);
            if let Some((np, role)) = self.subject_back(v, s).or_else(|| {
                self.relative_subject(v, s)
                    .map(|np| (np, None))
                    .or_else(|| self.distant_subject(v, s))
            }) {
                // `a list of actions which it says bloggers can take`, `who they say they
                // are`: a verb of saying inside a relative clause reports no statement that a
                // later quotation goes on with.
                if np.start > 0
                    && self.is_pronoun(np.start)
                    && self
                        .word(np.start - 1)
                        .is_some_and(|w| matches!(w, "which" | "who" | "whom" | "what" | "that"))
                {
                    continue;
                }
                // `The restoration of the older episodes revealed …`: the phrase found is the
                // object of `of`, and the subject is the thing before it, which speaks for
                // no one; a later quotation goes on with the last speaker. `One of the
                // officials said`, `a spokesman of the firm` keep their reading.
                if self.thing_of(&np, s) {
                    continue;
                }
                return Some(self.resolve(reg, &np, role.as_ref()));
            }
            if verb == Verb::Say
                && let Some(np) = self.np_fwd(end)
                && self.inverted_subject(&np)
            {
                return Some(self.resolve(reg, &np, None));
            }
        }
        None
    }
}

/// Whether a lower-case word reads as a finite verb by its ending: a past in `-ed`
/// (`introduced`, `praised`) or a present in `-s` (`wants`, `opens`), less the `-ss` and `-us`
/// endings of nouns and adjectives (`press`, `bonus`). A cheap guess for telling a verb after
/// a name from a noun the name modifies (`Sgt Pepper jacket`).
fn looks_finite(word: &str) -> bool {
    word.starts_with(char::is_lowercase)
        && word.len() > 3
        && (word.ends_with("ed")
            || (word.ends_with('s') && !word.ends_with("ss") && !word.ends_with("us")))
}

/// An adverb that stands between a speaker and the verb or after the speaker (`Roe bitterly
/// said`, `said Roe afterwards`, `Kay, simply observed`): no part of who spoke. A lower-case
/// `-ly` word, less the nouns and adjectives that end so (`family`, `elderly`), or a word of
/// time or emphasis.
fn is_adverb(word: &str) -> bool {
    if !word.starts_with(char::is_lowercase) {
        return false;
    }
    let ly = is_ly_adverb(word);
    ly || matches!(
        word,
        "afterwards"
            | "ahead"
            | "meanwhile"
            | "first"
            | "only"
            | "just"
            | "never"
            | "still"
            | "himself"
            | "herself"
            | "themselves"
            | "itself"
            | "tonight"
    )
}

/// Words that make the body after them where someone works or who else acts (`Jo Park, from
/// the CEA`, `at Acme`, `Jo Park and the CEA`), not the subject of the verb of saying. Narrower
/// than `quotes::is_preposition`: `a spokesman for the BPI (BPI) said` is the body speaking
/// through its spokesman.
fn puts_body_aside(word: &str) -> bool {
    matches!(
        word,
        "from" | "of" | "at" | "with" | "by" | "in" | "on" | "to" | "and"
    )
}

/// Removes the words of a time phrase from a speaker phrase (`Labour chairman Ann Roe last
/// year`, `This week a judge`, `Last month Acme`): a time is never part of who spoke.
fn strip_time_words(words: &mut Vec<&str>) {
    let unit = |w: &str| {
        let mut buf = [0; 16];
        matches!(
            lower(w, &mut buf),
            "week"
                | "weekend"
                | "month"
                | "year"
                | "night"
                | "morning"
                | "afternoon"
                | "evening"
                | "summer"
                | "winter"
                | "spring"
                | "autumn"
        )
    };
    let mut k = 0;
    while k < words.len() {
        let mut buf = [0; 16];
        let w = lower(words[k], &mut buf);
        if matches!(w, "last" | "this" | "next") && words.get(k + 1).is_some_and(|n| unit(n)) {
            words.drain(k..k + 2);
        } else if matches!(w, "yesterday" | "today" | "tonight") {
            words.remove(k);
        } else {
            k += 1;
        }
    }
}

/// A participle of a verb that gives something a name or a charge (`branding it "…"`,
/// `accusing him of "…"`, `describing the plan as "…"`): the name or charge is the subject's.
/// Court papers (`lawsuit`, `suit`, `complaint`, `affidavit`, `petition`), which a plaintiff
/// files and which speak for them.
fn is_court_paper(word: &str) -> bool {
    matches!(
        word,
        "lawsuit" | "suit" | "complaint" | "affidavit" | "petition" | "claim"
    )
}

/// A past or present participle by its ending (`filed`, `written`, `speaking`), as opens a
/// clause set between commas after a noun.
fn is_participle(word: &str) -> bool {
    word.len() > 4
        && word.starts_with(|c: char| c.is_lowercase())
        && (word.ends_with("ed") || word.ends_with("en") || word.ends_with("ing"))
}

/// A past participle that gives something a name or a verdict, in the passive: `was described
/// as`, `was branded`, `was hailed as`.
fn is_passive_of_naming(word: &str) -> bool {
    matches!(
        word,
        "described"
            | "branded"
            | "called"
            | "dubbed"
            | "labelled"
            | "labeled"
            | "termed"
            | "hailed"
            | "condemned"
            | "criticised"
            | "criticized"
            | "dismissed"
            | "praised"
            | "slammed"
            | "attacked"
    )
}

fn is_participle_of_naming(word: &str) -> bool {
    matches!(
        word,
        "accusing" | "branding" | "dubbing" | "describing" | "calling" | "labelling" | "labeling"
    )
}

/// A word after a verb of saying that leaves the cue closed (`said on Monday`, `added
/// afterwards`, `said of the figures`): a preposition or an adverb, not the first word of a
/// reported clause (`said people were hit`, `said ministers had`).
fn closes_a_cue(word: &str) -> bool {
    matches!(
        word,
        "in" | "on"
            | "at"
            | "of"
            | "to"
            | "from"
            | "during"
            | "after"
            | "before"
            | "while"
            | "when"
            | "as"
            | "with"
            | "without"
            | "through"
            | "via"
            | "outside"
            | "yesterday"
            | "today"
            | "tonight"
            | "afterwards"
            | "later"
            | "earlier"
            | "recently"
            | "again"
            | "then"
            | "once"
            | "last"
            | "this"
    ) || (word.len() > 4 && word.ends_with("ly") && word.starts_with(char::is_lowercase))
}

/// A participle of a verb of saying that hands a quotation to the sentence's subject (`…,
/// saying "…"`, `…, adding: "…"`).
fn is_participle_of_saying(word: &str) -> bool {
    matches!(
        word,
        "saying"
            | "adding"
            | "writing"
            | "telling"
            | "insisting"
            | "arguing"
            | "warning"
            | "explaining"
            | "noting"
            | "declaring"
            | "tweeting"
    )
}

/// Verbs that judge someone or something in words of the subject's own (`Reid mocked the
/// drummer as the man who "…"`, `praising the volunteers as "…"`, `citing the song as "…"`,
/// `poking fun at "…"`): a quoted phrase in their clause is the subject's speech.
fn is_verb_of_judging(word: &str) -> bool {
    matches!(
        word,
        "mocked"
            | "mocking"
            | "praised"
            | "praising"
            | "thanked"
            | "thanking"
            | "cited"
            | "citing"
            | "poking"
            | "ridiculed"
            | "ridiculing"
            | "derided"
            | "deriding"
            | "lauded"
            | "lauding"
            | "slammed"
            | "slamming"
            | "lambasted"
            | "lambasting"
            // The present, as arts and sport copy writes it (`The festival praises him for his
            // "…"`); not `thanks`, which opens `thanks to`.
            | "mocks"
            | "praises"
            | "cites"
            | "ridicules"
            | "derides"
            | "lauds"
            | "slams"
            | "lambasts"
    )
}

/// Whether an appositive says what someone is (`the city's housing officer`, `analyst`), not
/// what they do or did: a clause that opens with a relative (`who has remained friends …`), a
/// participle (`adding that …`, `accepting his award …`) or a preposition (`from Panasonic's
/// lab`) is no role to show beside a name.
fn says_what_one_is(words: &[&str]) -> bool {
    let Some(first) = words.first() else {
        return false;
    };
    !(matches!(
        *first,
        "who" | "whose" | "which" | "that" | "from" | "at" | "in" | "with" | "for" | "on" | "of"
    ) || (first.len() > 4 && first.ends_with("ing") && first.starts_with(char::is_lowercase)))
}

/// A noun for a stretch of time, in any case: `Night`, `week`, `Christmas`.
fn is_time_noun(word: &str) -> bool {
    let mut buf = [0; 16];
    matches!(
        lower(word, &mut buf),
        "day"
            | "night"
            | "week"
            | "weekend"
            | "month"
            | "year"
            | "decade"
            | "century"
            | "morning"
            | "afternoon"
            | "evening"
            | "summer"
            | "winter"
            | "spring"
            | "autumn"
            | "christmas"
            | "easter"
    ) || is_weekday(word)
}

/// `Monday` … `Sunday`: a capitalised word after a verb that tells when, not who.
fn is_weekday(word: &str) -> bool {
    matches!(
        word,
        "Monday" | "Tuesday" | "Wednesday" | "Thursday" | "Friday" | "Saturday" | "Sunday"
    )
}

/// A lower-case word shaped like an adjective of description (`lanky`, `bespectacled`,
/// `soft-spoken`, `cautious`), or a common one of stature and age.
fn looks_adjective(word: &str) -> bool {
    word.starts_with(char::is_lowercase)
        && (word.contains('-')
            || [
                "y", "ed", "ful", "ous", "ive", "ish", "less", "al", "ic", "ent", "ant",
            ]
            .iter()
            .any(|s| word.len() > 4 && word.ends_with(s))
            || matches!(
                word,
                "tall" | "short" | "young" | "old" | "small" | "big" | "bald" | "calm" | "blunt"
            ))
}

/// Nouns for someone by their tie to another (`the father`, `her friend`): they name a new
/// person, not one introduced before.
fn is_relative_noun(word: &str) -> bool {
    let mut buf = [0; 16];
    matches!(
        lower(word, &mut buf),
        "father"
            | "mother"
            | "dad"
            | "mom"
            | "mum"
            | "son"
            | "daughter"
            | "brother"
            | "sister"
            | "wife"
            | "husband"
            | "partner"
            | "friend"
            | "neighbour"
            | "neighbor"
            | "uncle"
            | "aunt"
            | "cousin"
            | "grandfather"
            | "grandmother"
            | "girlfriend"
            | "boyfriend"
            | "widow"
            | "family"
            | "parents"
            | "colleague"
    )
}

/// The words of [`is_anonymous_noun`].
static ANONYMOUS_NOUNS: WordSet = WordSet::new(&[
    "official",
    "spokesman",
    "spokeswoman",
    "spokesperson",
    "source",
    "aide",
    "insider",
    "diplomat",
    "representative",
    "witness",
    "staffer",
    "employee",
]);

/// Nouns for what others said, which a verb of judging takes as its object (`dismissed claims
/// that it was "…"`, `mocked reports that …`): the words quoted after are theirs, not the
/// subject's.
fn is_claim_noun(word: &str) -> bool {
    matches!(
        word,
        "claims"
            | "reports"
            | "allegations"
            | "suggestions"
            | "accusations"
            | "rumours"
            | "rumors"
            | "speculation"
            | "criticism"
            | "calls"
    )
}

/// A past participle not made with `-ed`: after `was`, `been`, `is` it makes a passive (`was
/// taken to hospital suffering from "…"`), whose subject is talked about.
pub(super) fn is_irregular_participle(word: &str) -> bool {
    matches!(
        word,
        "taken"
            | "given"
            | "shown"
            | "seen"
            | "known"
            | "held"
            | "told"
            | "made"
            | "found"
            | "brought"
            | "kept"
            | "sent"
            | "left"
            | "caught"
            | "beaten"
            | "chosen"
            | "driven"
            | "thrown"
            | "written"
            | "spoken"
            | "struck"
            | "bought"
            | "sold"
            | "paid"
            | "led"
            | "built"
            | "drawn"
            | "stolen"
            | "hidden"
            | "broken"
            | "forgotten"
    )
}

/// A participle that after `is` names the subject's state of mind (`is concerned`, `was
/// disappointed`) rather than a passive done to it: the view that follows is the subject's.
pub(super) fn is_state_of_mind(word: &str) -> bool {
    matches!(
        word,
        "concerned"
            | "worried"
            | "convinced"
            | "determined"
            | "pleased"
            | "delighted"
            | "disappointed"
            | "surprised"
            | "satisfied"
            | "alarmed"
            | "relieved"
            | "frustrated"
            | "annoyed"
            | "shocked"
            | "encouraged"
            | "dismayed"
            | "saddened"
            | "troubled"
    )
}

/// Nouns for a source the article does not name (`the official`, `a spokeswoman`): never the
/// last person named, unless that person was given the role.
pub(super) fn is_anonymous_noun(word: &str) -> bool {
    // Asked of every lower-case word of the prose: no copy to lower case for those.
    if !(4..=14).contains(&word.len()) {
        return false;
    }
    if word.starts_with(|c: char| c.is_ascii_lowercase()) {
        ANONYMOUS_NOUNS.contains(word)
    } else {
        ANONYMOUS_NOUNS.contains_lower(word)
    }
}

/// The head noun of a description: its last word, or, when a source's postmodifier follows
/// (`spokesman for the harbour`, `people familiar with the talks`), the noun before it.
fn head_noun<'a>(desc: &[&'a str]) -> &'a str {
    let mut buf = [0; 16];
    let before = desc
        .iter()
        .position(|w| {
            matches!(
                lower(w, &mut buf),
                "for" | "at" | "from" | "to" | "with" | "in" | "on" | "of"
            )
        })
        .filter(|&p| p > 0)
        .map_or(desc, |p| &desc[..p]);
    let before = match before {
        [rest @ .., last] if !rest.is_empty() && matches!(*last, "close" | "familiar" | "near") => {
            rest
        }
        _ => before,
    };
    before.last().copied().unwrap_or("")
}

/// A noun for a source the article leaves unnamed, one or many (`spokesman`, `officials`,
/// `people`, `a person`): what a postmodifier (`for the harbour`, `familiar with the talks`)
/// describes.
fn is_source_noun(word: &str) -> bool {
    let mut buf = [0; 16];
    let w = lower(word, &mut buf);
    is_anonymous_noun(w)
        || w.strip_suffix('s').is_some_and(is_anonymous_noun)
        || matches!(
            w,
            "person" | "people" | "persons" | "spokesmen" | "spokeswomen"
        )
}

/// A plural noun (`officials`, `residents`): many unnamed people, never one named person.
fn is_plural(word: &str) -> bool {
    word.len() > 3 && word.ends_with('s') && !word.ends_with("ss") && !word.ends_with("us")
        || matches!(word, "people" | "men" | "women" | "children")
}

/// The organisation the article named whose name qualifies a body noun `head` in `desc`
/// (`the Google team`, `the Acme Bank board`): the capitals right before the head.
fn qualifying_org(reg: &Registry, desc: &[&str], head: &str) -> Option<usize> {
    let h = desc.iter().rposition(|w| *w == head)?;
    let start = desc[..h]
        .iter()
        .rposition(|w| !is_capitalised(w))
        .map_or(0, |p| p + 1);
    (start < h)
        .then(|| reg.org_named(&desc[start..h].join(" ")))
        .flatten()
}

/// Whether a description ties its holder to a body it names indefinitely (`the chief executive
/// of a leading car maker`, `a spokesman for an airline`): the article withholds who it is, so
/// the phrase brings in someone new rather than referring back to a person it named.
fn introduces_someone(words: &[&str]) -> bool {
    words.windows(2).any(|p| {
        matches!(p[0], "of" | "for" | "at" | "from") && matches!(p[1], "a" | "an" | "another")
    })
}

fn strip_det<'a>(words: &'a [&'a str]) -> &'a [&'a str] {
    match words.first() {
        Some(w) if is_determiner(w) => &words[1..],
        _ => words,
    }
}

/// Who a citation of a document names as its source, from the words of its sentence before
/// (`lead`) and after (`tail`) the document's noun: the capitalised name that spoke in it
/// (`Oxfam says in a report`, `In a statement, the RSPCA said`), that owns it (`A National
/// Audit Office report`, `the NAO's annual report`) or sent it (`a letter from chief executive
/// Sid Tan`). `None` when the citation names no one by name. A `titled` citation (`the BBC's
/// World Business Report`) names its sender only after `from` or `by`.
fn cited_by<'a>(lead: &[&'a str], titled: bool, tail: &[&'a str]) -> Option<Vec<&'a str>> {
    let said = |w: &str| SAY_VERBS.contains(w.trim_end_matches(','));
    // `a letter from chief executive Sid Tan`, `a report by the Bank of Canada`.
    if tail.first().is_some_and(|w| matches!(*w, "from" | "by")) {
        return sender(&tail[1..]);
    }
    if titled {
        return None;
    }
    // `X said in a statement`, `X said in its latest Beige Book report`.
    let n = lead.len();
    if let Some(i) = (n.saturating_sub(5)..n).rev().find(|&i| lead[i] == "in")
        && i > 0
        && said(lead[i - 1])
    {
        return caps_run_back(&lead[..i - 1]).map(<[&str]>::to_vec);
    }
    // `In a statement, the RSPCA said`.
    if lead.first().is_some_and(|w| w.eq_ignore_ascii_case("in")) && lead.len() <= 4 {
        let k = tail.iter().position(|w| said(w))?;
        let mut run = &tail[..k];
        if let Some(r) = run.strip_prefix(&["the"]) {
            run = r;
        }
        return (!run.is_empty() && run.iter().all(|w| is_capitalised(w))).then(|| run.to_vec());
    }
    // `A National Audit Office report`, `the NAO's annual report`: capitals before the noun,
    // past lower-case adjectives, and no possessive pronoun before them (`its Beige Book
    // report` names the document, not its owner).
    let adjectives = lead
        .iter()
        .rev()
        .take_while(|w| w.starts_with(char::is_lowercase) && !is_determiner(w) && w.len() > 2)
        .count();
    let owner = caps_run_back(&lead[..n - adjectives])?;
    let before = n - adjectives - owner.len();
    let opens = before == 0 || lead.get(before - 1).is_some_and(|w| is_determiner(w));
    let pronoun = before > 0
        && matches!(
            lead[before - 1],
            "its" | "his" | "her" | "their" | "our" | "my"
        );
    (opens && !pronoun).then(|| owner.to_vec())
}

/// The sender named after `from` or `by` (the words `rest` that follow it): a capitalised name
/// a few words on (`the Fraser of Allander Institute`), the name of a person after a noun for
/// what they are (`Sunday Telegraph journalist Robert Peston`), or a body whose name runs on
/// in lower case to its noun (`the Commons work and pensions committee`).
fn sender<'a>(rest: &[&'a str]) -> Option<Vec<&'a str>> {
    let run_at = |k: usize| -> Vec<&'a str> {
        let mut run: Vec<&'a str> = Vec::new();
        let mut i = k;
        while let Some(w) = rest.get(i) {
            let joins = matches!(*w, "of" | "for" | "and")
                && !run.is_empty()
                && rest.get(i + 1).is_some_and(|n| is_capitalised(n));
            if !(joins || is_capitalised(w) && !is_capitalised_function_word(w)) {
                break;
            }
            run.push(w.trim_end_matches(','));
            i += 1;
            if w.ends_with(',') {
                break;
            }
        }
        run
    };
    let k = rest
        .iter()
        .take(4)
        .position(|w| is_capitalised(w) && !is_capitalised_function_word(w))?;
    let first = run_at(k);
    // `from chief executive Sid Tan, the company says`: the name ends at the comma.
    if first.is_empty() || rest[k + first.len() - 1].ends_with(',') {
        return (!first.is_empty()).then_some(first);
    }
    let after = &rest[k + first.len()..];
    let lower =
        |w: &&str| w.starts_with(char::is_lowercase) && !w.ends_with(',') && !is_determiner(w);
    if let Some(j) = after.iter().take(3).position(|w| is_capitalised(w))
        && j > 0
        && after[..j].iter().all(lower)
    {
        let person = run_at(k + first.len() + j);
        if person.len() >= 2 {
            return Some(person);
        }
    }
    if let Some(j) = after.iter().take(5).position(|w| is_body_noun(w))
        && after[..j].iter().all(lower)
    {
        let mut body = first;
        body.extend(after[..=j].iter().map(|w| w.trim_end_matches([',', '.'])));
        return Some(body);
    }
    (!first.is_empty()).then_some(first)
}

/// The run of capitalised words that ends `words`, none if the last word is not one.
fn caps_run_back<'a, 'b>(words: &'b [&'a str]) -> Option<&'b [&'a str]> {
    let len = words
        .iter()
        .rev()
        .take_while(|w| is_capitalised(w) && !is_determiner(w) && !is_capitalised_function_word(w))
        .count();
    (len > 0).then(|| &words[words.len() - len..])
}
