//! Where the cue stands relative to the quotation in reported speech, as news English writes
//! it: the cue verb far from the quotation, with the speaker as the subject of the whole
//! clause (`Mr Roe welcomed the deal but said it was "too late"`, `Ms Roe attacked the plan,
//! saying it would "wreck" the town`).

use std::ops::Range;

use super::super::lexicon::{
    is_body_noun, is_capitalised_function_word, is_determiner, is_role_word, lower,
};
use super::super::names::Registry;
use super::is_source_noun;
use super::{Attr, Para};

/// Participles of saying that hang on a clause whose subject speaks (`…, saying …`).
fn is_saying_participle(word: &str) -> bool {
    let mut buf = [0; 16];
    matches!(
        lower(word, &mut buf),
        "saying"
            | "telling"
            | "adding"
            | "insisting"
            | "warning"
            | "arguing"
            | "claiming"
            | "stressing"
            | "declaring"
            | "admitting"
            | "urging"
            | "describing"
            | "calling"
            | "promising"
            | "pledging"
            | "noting"
            | "suggesting"
            | "explaining"
            | "complaining"
            | "predicting"
    )
}

/// A noun that heads a phrase for a speaker (`the union`, `the shadow chancellor`, `the
/// spokesman`).
fn is_speaker_head(word: &str) -> bool {
    is_role_word(word) || is_body_noun(word) || is_source_noun(word)
}

impl Para<'_> {
    /// The subject opening the clause at `lo`, when it is a plain speaker phrase followed by
    /// its verb: a pronoun, a name (`Tory MP Ann Roe`, `Acme's Dan Ortiz`), or a determiner and
    /// a few words up to a role or body noun (`the union`, `the shadow chancellor`); an
    /// appositive between commas (`Mr Roe, the union's leader,`) comes with it as the role. A
    /// fronted adverbial (`On Monday, …`) is stepped over.
    pub(super) fn clause_subject(
        &self,
        lo: usize,
        hi: usize,
    ) -> Option<(Range<usize>, Option<Range<usize>>)> {
        self.clause_subject_at(lo, hi).or_else(|| {
            let comma =
                (lo..hi.min(lo + 6)).find(|&i| self.kind(i) == Some(super::TokKind::Comma))?;
            self.clause_subject_at(comma + 1, hi)
        })
    }

    fn clause_subject_at(
        &self,
        lo: usize,
        hi: usize,
    ) -> Option<(Range<usize>, Option<Range<usize>>)> {
        let np = self.subject_phrase(lo, hi)?;
        let mut k = np.end;
        let mut role = None;
        if self.is_separator(k) {
            let c = self.chunk_fwd(k + 1);
            if c.is_empty() || !self.is_separator(c.end) || !self.is_description(&c) {
                return None;
            }
            role = Some(c.clone());
            k = c.end + 1;
        }
        // The clause's own verb follows.
        (k < hi && self.word(k).is_some() && !self.is_function_word(k) && !self.is_pronoun(k))
            .then_some((np, role))
    }

    /// The speaker phrase starting at `lo` (see [`Self::clause_subject`]).
    fn subject_phrase(&self, lo: usize, hi: usize) -> Option<Range<usize>> {
        let first = self.word(lo)?;
        let mut buf = [0; 16];
        if matches!(lower(first, &mut buf), "he" | "she" | "it" | "they") {
            return Some(lo..lo + 1);
        }
        let limit = hi.min(lo + super::MAX_NP);
        if is_determiner(first) {
            let mut k = lo + 1;
            let mut last_cap = None;
            while k < limit && self.word(k).is_some() {
                if self.cap(k) {
                    last_cap = Some(k);
                } else if last_cap.is_some() && !self.joins_caps(k) {
                    break;
                } else if self.word(k).is_some_and(is_speaker_head) {
                    return Some(lo..k + 1);
                }
                if self.is_function_word(k) && !self.joins_caps(k) {
                    break;
                }
                k += 1;
            }
            return last_cap.map(|c| lo..c + 1);
        }
        if is_capitalised_function_word(first) || self.is_function_word(lo) {
            return None;
        }
        // Role words in lower case may stand before the name (`union leader Bob Crow`).
        let mut k = lo;
        let mut last_cap = None;
        while k < limit && self.word(k).is_some() {
            if self.cap(k) {
                last_cap = Some(k);
            } else if self.joins_caps(k) {
            } else if last_cap.is_some()
                || self.is_function_word(k)
                || self.cue_verb(k).is_some()
                || self.is_aux(k)
            {
                break;
            }
            k += 1;
        }
        last_cap.map(|c| lo..c + 1)
    }

    /// The subject of a cue verb that does not stand next to it: the verb coordinated with an
    /// earlier one (`Mr Roe welcomed the deal but said …`) or a participle of saying hanging on
    /// the clause (`Ms Roe attacked the plan, saying …`). `v` is the cue verb or participle.
    pub(super) fn distant_subject(
        &self,
        v: usize,
        lo: usize,
    ) -> Option<(Range<usize>, Option<Range<usize>>)> {
        let mut k = v;
        while k > lo && self.is_aux(k - 1) {
            k -= 1;
        }
        let coordinated = self.cue_verb(v).is_some()
            && k > lo + 1
            && (self.is_word(k - 1, "and") || self.is_word(k - 1, "but"));
        let participle = self.word(v).is_some_and(is_saying_participle)
            && k > lo + 1
            && (self.kind(k - 1) == Some(super::TokKind::Comma)
                || self.is_word(k - 1, "and")
                || self.is_word(k - 1, "before")
                || self.is_word(k - 1, "after"));
        if !(coordinated || participle) {
            return None;
        }
        let (np, role) = self.clause_subject(lo, k - 1)?;
        // The subject's own verb comes before the coordinated one.
        (np.end < k - 1).then_some((np, role))
    }

    /// A cue whose verb stands away from its subject (see [`Self::distant_subject`]).
    pub(super) fn distant_cue(&self, reg: &mut Registry, v: usize, lo: usize) -> Option<Attr> {
        let (np, role) = self.distant_subject(v, lo)?;
        let speaker = self.resolve(reg, &np, role.as_ref());
        Some(Attr::Cue {
            speaker,
            cue: self.span(np.start..v + 1),
        })
    }
}

#[cfg(test)]
mod tests {
    use crate::analysis::quotes::{QuoteKind, find};
    use crate::source::{Article, LoadOptions};

    /// (quotation, speaker or "-") of each speech quotation.
    fn speech(body: &str) -> Vec<(String, String)> {
        let a = Article::parse(body, "t", LoadOptions::PLAIN).expect("parses");
        let q = find(&a, &[]);
        q.quotes
            .iter()
            .filter(|x| x.kind == QuoteKind::Speech)
            .map(|x| {
                (
                    a.text()[x.range.clone()].to_string(),
                    x.speaker
                        .map_or("-".to_string(), |s| q.speakers[s].name.clone()),
                )
            })
            .collect()
    }

    fn pairs(p: &[(&str, &str)]) -> Vec<(String, String)> {
        p.iter()
            .map(|(a, b)| ((*a).to_string(), (*b).to_string()))
            .collect()
    }

    #[test]
    fn coordinated_verb_takes_the_clause_subject() {
        assert_eq!(
            speech("Mr Ray Dunn welcomed the deal but said it was \"too little, too late\"."),
            pairs(&[("too little, too late", "Ray Dunn")])
        );
        assert_eq!(
            speech("The union backed the offer and also said it was \"a first step\"."),
            pairs(&[("a first step", "union")])
        );
    }

    #[test]
    fn participle_of_saying_takes_the_clause_subject() {
        assert_eq!(
            speech(
                "Ms Ada Vance has attacked the plan, saying it would \"wreck the high street\"."
            ),
            pairs(&[("wreck the high street", "Ada Vance")])
        );
        assert_eq!(
            speech(
                "On Monday, Tory MP Ann Roe, a former minister, rallied voters, telling them the \
                 \"stakes are too high\" to stay at home."
            ),
            pairs(&[("stakes are too high", "Ann Roe")])
        );
    }

    /// A participle that opens the sentence has no clause subject before it; nothing is taken.
    #[test]
    fn participle_without_a_subject_before_it_takes_nothing() {
        let got = speech("Saying the \"time has come\", the crowd cheered.");
        assert!(got.iter().all(|(_, s)| s != "crowd"), "{got:?}");
    }
}
