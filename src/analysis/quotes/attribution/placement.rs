//! Where the cue stands relative to the quotation in reported speech, as news English writes
//! it: the cue verb far from the quotation, with the speaker as the subject of the whole
//! clause (`Mr Roe welcomed the deal but said it was "too late"`, `Ms Roe attacked the plan,
//! saying it would "wreck" the town`).

use std::ops::Range;

use super::super::lexicon::{
    Gender, is_body_noun, is_capitalised_function_word, is_determiner, is_possessive, is_role_word,
    lower,
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
    is_role_word(word) || is_body_noun(word) || is_source_noun(word) || word == "body"
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
                } else if last_cap.is_some()
                    && let Some(r) = self.role_ahead(k, limit)
                {
                    // `The Green Party's Welsh leader Ann Roe`, `the Labour leader`, `the
                    // BBC's political editor Nick Ross`: capitals before a role noun modify
                    // it; the phrase runs to the role and on over the holder's name after it.
                    // The capitals alone are no one.
                    return self.name_after_role(r + 1, limit).map(|end| lo..end);
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
            return last_cap
                .filter(|&c| !self.word(c).is_some_and(is_possessive))
                .map(|c| lo..c + 1);
        }
        if is_capitalised_function_word(first) || self.is_function_word(lo) {
            return None;
        }
        // Lower-case words may stand before the name and between its parts (`union leader Bob
        // Crow`, `Chinese foreign ministry spokeswoman Hua Li`); the clause's verb ends it, seen
        // as a past tense, a verb of saying, an auxiliary, or the determiner of its object.
        let mut k = lo;
        let mut last_cap = None;
        while k < limit && self.word(k).is_some() {
            if self.cap(k) {
                last_cap = Some(k);
            } else if self.joins_caps(k) {
            } else if last_cap.is_some()
                && self.word(k - 1).is_some_and(is_possessive)
                && let Some(r) = self.role_ahead(k, limit)
            {
                // `Scotland's only Tory MP Ann Roe`, `Labour's Welsh leader Ann Roe`: after
                // a possessive, lower-case words up to a role noun modify it, and the holder
                // named after it is the subject, not the owner.
                return self.name_after_role(r + 1, limit).map(|end| lo..end);
            } else if self.is_function_word(k)
                || self.cue_verb(k).is_some()
                || self.is_aux(k)
                || self.is_pronoun(k)
                || self
                    .word(k)
                    .is_some_and(|w| is_determiner(w) || w.ends_with("ed"))
                || (last_cap.is_some() && self.word(k - 1).is_some_and(is_possessive))
            {
                break;
            }
            k += 1;
        }
        // `G7 ministers`, `Tory MPs`: a plural noun for people after the capitals heads the
        // phrase; the capitals say whose they are.
        if let Some(c) = last_cap
            && k == c + 2
            && self.word(c + 1).is_some_and(|w| {
                w.starts_with(char::is_lowercase)
                    && w.strip_suffix('s').is_some_and(is_speaker_head)
            })
        {
            return Some(lo..k);
        }
        // `Amanda's mother`: a possessive name is not the speaker.
        last_cap
            .filter(|&c| !self.word(c).is_some_and(is_possessive))
            .map(|c| lo..c + 1)
    }

    /// The role noun among the few modifiers from `k` on (`political editor`, `only Tory
    /// MP`), before any verb, function word, pronoun or determiner ends the phrase.
    fn role_ahead(&self, k: usize, limit: usize) -> Option<usize> {
        (k..limit.min(k + 4))
            .take_while(|&i| {
                self.word(i)
                    .is_some_and(|w| !is_determiner(w) && !is_possessive(w))
                    && !self.is_function_word(i)
                    && self.cue_verb(i).is_none()
                    && !self.is_aux(i)
                    && !self.is_pronoun(i)
            })
            .find(|&i| self.word(i).is_some_and(is_role_word))
    }

    /// The end of the name that follows a role noun ending just before `k` (`leader Ann Roe`):
    /// the run of capitalised words from `k`, up to `limit`; `k` itself when no name follows
    /// (`the Labour leader said`); none when the name is a possessive (`the Labour leader Ann
    /// Roe's plan`), whose owner is not the subject.
    fn name_after_role(&self, k: usize, limit: usize) -> Option<usize> {
        let mut end = k;
        while end < limit && self.word(end).is_some() && self.cap(end) {
            if self.word(end).is_some_and(is_possessive) {
                return None;
            }
            end += 1;
        }
        Some(end)
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
        if let Some(a) = self.quoted_as(reg, v) {
            return Some(a);
        }
        let (np, role) = match self
            .relative_subject(v, lo)
            .or_else(|| self.with_saying(v, lo))
        {
            Some(np) => (np, None),
            None => self.distant_subject(v, lo)?,
        };
        let speaker = self.resolve(reg, &np, role.as_ref());
        Some(Attr::Cue {
            speaker,
            cue: self.span(np.start..v + 1),
        })
    }
}

impl Para<'_> {
    /// In a chunk after `Name,` that no comma closes (`chief economist at Acme Bank told
    /// reporters`), the token where the verb of saying starts, its auxiliaries first, when the
    /// words before it describe someone and the verb does not open a parenthesis (`The plan,
    /// the minister said, …`).
    pub(super) fn role_then_verb(&self, c: &Range<usize>) -> Option<usize> {
        let p = (c.start + 1..c.end).find(|&p| self.cue_verb(p).is_some())?;
        let (_, after) = self.cue_verb(p)?;
        let mut verb = p;
        while verb > c.start + 1 && self.is_aux(verb - 1) {
            verb -= 1;
        }
        let role = c.start..verb;
        (self.is_description(&role) && !self.is_separator(after) && !self.is_pronoun(c.start))
            .then_some(verb)
    }

    /// `Jo Park, chief economist at Acme Bank told`, read back from the verb's first token `k`
    /// (auxiliaries included): a name opening the clause at `lo`, a comma, and a description up
    /// to the verb with no comma to close it. The name speaks, with the description as role;
    /// without this the nearest words (`Acme Bank`) would.
    pub(super) fn name_role_back(
        &self,
        k: usize,
        lo: usize,
    ) -> Option<(Range<usize>, Option<Range<usize>>)> {
        let comma = (lo..k).find(|&i| self.kind(i) != Some(super::TokKind::Word))?;
        if !self.is_separator(comma) || comma + 1 >= k {
            return None;
        }
        if self.fronted_connective(lo, comma) {
            // `However, Jo Park, a fund manager at Acme said`: the connective is no name; the
            // clause's subject comes after its comma.
            return self.name_role_back(k, comma + 1);
        }
        let name = self.subject_phrase(lo, comma)?;
        let role = comma + 1..k;
        let verb_end = self.cue_verb(self.verb_at(k)?)?.1;
        (name.end == comma
            && !self.is_pronoun(name.start)
            && !self.is_description(&name)
            && self.is_description(&role)
            && !self.is_separator(verb_end))
        .then_some((name, Some(role)))
    }

    /// Whether the words `lo..comma` are a connective or a short adverbial opening the clause
    /// before its comma (`However,` `Meanwhile,` `On Friday,`): they link the sentence to the one
    /// before and name no one.
    fn fronted_connective(&self, lo: usize, comma: usize) -> bool {
        let mut buf = [0; 16];
        comma > lo
            && comma - lo <= 3
            && self.word(lo).is_some_and(|w| {
                matches!(
                    lower(w, &mut buf),
                    "however"
                        | "meanwhile"
                        | "but"
                        | "yet"
                        | "still"
                        | "instead"
                        | "separately"
                        | "indeed"
                        | "elsewhere"
                        | "nevertheless"
                        | "similarly"
                        | "likewise"
                        | "earlier"
                        | "later"
                        | "moreover"
                        | "finally"
                        | "on"
                        | "last"
                        | "this"
                )
            })
    }

    /// The verb of saying at `k` or after its auxiliaries.
    fn verb_at(&self, k: usize) -> Option<usize> {
        let mut v = k;
        while self.is_aux(v) {
            v += 1;
        }
        self.cue_verb(v).map(|_| v)
    }
}

/// Whether a definite description (`desc`, no determiner) that matches no role the article
/// gave may stand for the person it introduced last: not a body (`the trade body`); `the
/// self-taught Cambridge resident` may.
pub(super) fn may_refer_back(desc: &[&str]) -> bool {
    desc.last()
        .is_some_and(|head| !matches!(*head, "body" | "bodies"))
}

/// Whether a description names a role a capitalised word ties to a body (`the Spectator
/// editor`, `the Tottenham striker`): news English uses one for the person the discourse is
/// about (`Ann Roe … . "…," said the Tottenham striker.`), but it may as well bring in someone
/// new (`Tributes were paid to Tom Poe. The Daily Planet editor told …`), so it refers back
/// only to a subject, never to a person merely mentioned.
pub(super) fn tied_to_body(desc: &[&str]) -> bool {
    match desc {
        [mods @ .., head] => {
            is_role_word(head) && mods.iter().any(|w| w.starts_with(char::is_uppercase))
        }
        [] => false,
    }
}

/// A head noun that may stand for a person the article introduced (`the professor`, `the
/// goalkeeper`, `the shop's owner`, `the 45-year-old`), as against a thing or a body (`the
/// trade body`, `the figures`).
pub(super) fn is_personish(head: &str) -> bool {
    let w = head.strip_suffix('s').unwrap_or(head);
    let mut buf = [0; 16];
    is_role_word(head)
        || matches!(
            lower(w, &mut buf),
            "star"
                | "veteran"
                | "boss"
                | "chief"
                | "champion"
                | "girl"
                | "boy"
                | "child"
                | "coach"
                | "captain"
                | "host"
                | "guest"
                | "victim"
                | "survivor"
                | "chef"
                | "judge"
                | "priest"
                | "poet"
                | "nurse"
                | "expert"
                | "pilot"
                | "mp"
                | "peer"
                | "pair"
                | "duo"
                | "colleague"
                | "friend"
                | "neighbour"
                | "neighbor"
                | "fan"
                | "parent"
                | "relative"
        )
        || is_source_noun(head)
        || head.contains("year-old")
        || (w.len() > 4
            && [
                "er", "or", "ist", "ian", "ant", "ent", "man", "woman", "ee", "ess",
            ]
            .iter()
            .any(|s| w.ends_with(s)))
}

impl Para<'_> {
    /// `Mr Roe, who said the "problem is worse", …`: a cue verb in a relative clause speaks
    /// for the name the clause hangs on.
    pub(super) fn relative_subject(&self, v: usize, lo: usize) -> Option<Range<usize>> {
        self.cue_verb(v)?;
        let mut k = v;
        while k > lo && self.is_aux(k - 1) {
            k -= 1;
        }
        if k < lo + 3 || !self.is_word(k - 1, "who") || !self.is_separator(k - 2) {
            return None;
        }
        let np = self.np_back(k - 2, lo)?;
        // The name opens the clause (`But Mr Roe, who said …`); one inside an appositive
        // (`medical director of Acme Institute, who writes …`) is not who the clause is about.
        let opens = (lo..np.start).all(|i| {
            self.word(i)
                .is_some_and(|w| is_capitalised_function_word(w) || self.is_word(i, "and"))
        });
        (opens && self.cap(np.end - 1) && !self.is_pronoun(np.start)).then_some(np)
    }

    /// `The Financial Times quoted an insider in the talks as saying "…"`: the one quoted
    /// speaks, not the paper. `v` is the token of `quoted`.
    pub(super) fn quoted_as(&self, reg: &mut Registry, v: usize) -> Option<Attr> {
        let mut buf = [0; 16];
        let w = self.word(v)?;
        if !matches!(lower(w, &mut buf), "quoted" | "quotes" | "quoting") {
            return None;
        }
        let as_at = (v + 2..v + 2 + 2 * super::MAX_NP).find(|&a| {
            self.is_word(a, "as")
                && (self.is_word(a + 1, "saying") || self.is_word(a + 1, "telling"))
        })?;
        let np = self.np_fwd(v + 1)?;
        if np.end > as_at {
            return None;
        }
        // `quoted an insider in the talks as saying`: words only, the phrase and what
        // follows it; `quoted Jo Park, a bank economist, as saying`: an appositive between
        // commas says who the one quoted is; any other mark means `as` belongs to another
        // clause.
        let words_only = (v + 1..as_at).all(|i| self.kind(i) == Some(super::TokKind::Word));
        let role = if words_only {
            None
        } else {
            let role = np.end + 1..as_at - 1;
            let bracketed = self.kind(np.end) == Some(super::TokKind::Comma)
                && self.kind(as_at - 1) == Some(super::TokKind::Comma)
                && !role.is_empty()
                && role
                    .clone()
                    .all(|i| self.kind(i) == Some(super::TokKind::Word));
            if !bracketed {
                return None;
            }
            Some(role)
        };
        let speaker = self.resolve(reg, &np, role.as_ref());
        Some(Attr::Cue {
            speaker,
            cue: self.span(v..as_at + 2),
        })
    }

    /// `"…," the newspaper quotes a source close to the firm.`: right after the words, a paper
    /// that quotes someone and ends its sentence there gives the words to the one it quotes,
    /// as `quoted X as saying` does. The object must close the sentence: `quotes figures from
    /// the survey showing …` goes on to say something else.
    pub(super) fn quotes_object(&self, reg: &mut Registry, v: usize) -> Option<Attr> {
        let mut buf = [0; 16];
        if !matches!(lower(self.word(v)?, &mut buf), "quoted" | "quotes") {
            return None;
        }
        let np = self.np_fwd(v + 1)?;
        if !matches!(self.kind(np.end), None | Some(super::TokKind::Stop)) {
            return None;
        }
        let speaker = self.resolve(reg, &np, None);
        Some(Attr::Cue {
            speaker,
            cue: self.span(v..np.end),
        })
    }

    /// A quotation inside a clause reported by an earlier cue (`It said data from tribunals
    /// suggested 1,500 "whistleblowers" …`): when the nearer cue's subject `np` is no person
    /// (`tribunals`, `the figures`) and stands just after an outer cue in the same clause, the
    /// outer cue's subject speaks. So too when the nearer cue's verb is backshifted into the
    /// past perfect (`Mr Howard said Mr Blunkett had complained of a "giant mess"`): the inner
    /// saying is told inside the outer speaker's account, in the outer speaker's words.
    pub(super) fn outer_cue(
        &self,
        reg: &mut Registry,
        np: &Range<usize>,
        verb: usize,
        lo: usize,
    ) -> Option<Attr> {
        let head = self.word(np.end.checked_sub(1)?)?;
        let impersonal = np.clone().all(|i| !self.cap(i) && !self.is_pronoun(i))
            && !is_personish(head)
            && !is_body_noun(head)
            && !is_determiner(head);
        let backshifted = (np.end..verb).any(|i| self.is_word(i, "had"));
        if !impersonal && !backshifted {
            return None;
        }
        let mut v = np.start;
        while v > lo && np.start - v < 8 {
            v -= 1;
            if self.kind(v) != Some(super::TokKind::Word) {
                return None;
            }
            let Some((_, end)) = self.cue_verb(v) else {
                continue;
            };
            let (outer, role) = self.subject_back(v, lo)?;
            let speaker = self.resolve(reg, &outer, role.as_ref());
            return Some(Attr::Cue {
                speaker,
                cue: self.span(outer.start..end),
            });
        }
        None
    }

    /// `…, says the trade body.` or `…, said Jo Park, an economist.` closing the sentence
    /// after a quotation: the verb first, then its subject, then the end of the sentence. The
    /// comma is at `k`.
    pub(super) fn trailing_inverted(&self, reg: &mut Registry, t: usize, k: usize) -> Option<Attr> {
        if self.title_like(t) {
            return None;
        }
        let (super::Verb::Say, end) = self.cue_verb(k + 1)? else {
            return None;
        };
        let np = self.np_fwd(end)?;
        let head = self.word(np.end - 1)?;
        let names = np.clone().any(|i| self.cap(i)) || is_speaker_head(head) || is_personish(head);
        let mut after = np.end;
        if self.is_separator(after) {
            let c = self.chunk_fwd(after + 1);
            if !c.is_empty() && self.is_description(&c) {
                after = c.end;
            }
        }
        let closes = matches!(self.kind(after), None | Some(super::TokKind::Stop));
        if !(names && closes) || self.is_pronoun(np.start) {
            return None;
        }
        self.after_verb(reg, k + 1, end)
    }
}

impl Para<'_> {
    /// Whether the quotation token `t` reads as a name or title (`"Activate"`, `"Screen
    /// Time"`): every word capitalised. A cue far off in its sentence does not make it speech.
    pub(super) fn title_like(&self, t: usize) -> bool {
        self.toks.get(t).is_some_and(|q| {
            self.text[q.range.clone()]
                .split_whitespace()
                .map(|w| w.trim_start_matches(|c: char| !c.is_alphanumeric()))
                .all(|w| w.is_empty() || w.starts_with(|c: char| !c.is_lowercase()))
        })
    }

    /// Whether the trailing cue of quotation `t` may be looked for past a later quotation in
    /// the sentence: only when `t` opens the sentence (`"Big rises" were not "on the cards",
    /// the committee said.`); a term inside one (`from "normal-high" to "normal"`) is not
    /// made speech by a cue at its end.
    pub(super) fn opens_sentence(&self, t: usize) -> bool {
        self.clause_start(t).0 == t && !self.title_like(t)
    }

    /// `Mr Blair has "the same passion" as in 1997, he said.`: a pronoun in a cue that closes
    /// the sentence does not stand for a person the reported clause names; it refers back from
    /// the sentence's start. `t` is the quotation, `k` the comma before the cue.
    pub(super) fn trailing_pronoun(&self, reg: &mut Registry, t: usize, k: usize) -> Option<Attr> {
        let mut buf = [0; 16];
        let gender = match lower(self.word(k + 1)?, &mut buf) {
            "he" => Gender::Male,
            "she" => Gender::Female,
            _ => return None,
        };
        let (_, end) = self.cue_verb(self.verb_at(k + 2)?)?;
        let end = self.extend_statement(end);
        if !matches!(self.kind(end), None | Some(super::TokKind::Stop)) {
            return None;
        }
        let (lo, _) = self.clause_start(t);
        let from = self.toks.get(lo)?.range.start;
        let id = reg.antecedent(from, gender, self.near)?;
        reg.confirm_gender(id, gender);
        reg.mention(self.span(k + 1..k + 2), id, true, false);
        Some(Attr::Cue {
            speaker: Some(id),
            cue: self.span(k + 1..end),
        })
    }

    /// `Tory MP Ann Roe, who sits on the Commons committee and chaired the inquiry, told the
    /// BBC`: a relative clause between commas describes the name before it, as an appositive
    /// does, however long it runs; the name, when `comma` (the separator before the verb)
    /// closes such a clause.
    pub(super) fn relative_appositive(&self, comma: usize, lo: usize) -> Option<Range<usize>> {
        let who = (lo + 1..comma)
            .rev()
            .take(30)
            .take_while(|&i| self.kind(i) == Some(super::TokKind::Word))
            .find(|&i| self.is_word(i, "who"))?;
        if !self.is_separator(who - 1) {
            return None;
        }
        let np = self.np_back(who - 1, lo)?;
        (self.cap(np.end - 1) && !self.is_pronoun(np.start)).then_some(np)
    }

    /// `…, with a spokesman saying: "…"`: the phrase before the participle speaks.
    pub(super) fn with_saying(&self, v: usize, lo: usize) -> Option<Range<usize>> {
        if !self.word(v).is_some_and(is_saying_participle) {
            return None;
        }
        let np = self.np_back(v, lo)?;
        (np.start > lo && self.is_word(np.start - 1, "with") && !self.is_pronoun(np.start))
            .then_some(np)
    }
}

impl Para<'_> {
    /// `While saying he admired Mr Roe's "courageous" leadership, he criticised …`: a
    /// participle of saying opening the sentence (`v`, at `lo` or after a subordinator) has the
    /// subject of the main clause, after the first comma past the quotation `t`.
    pub(super) fn fronted_participle(
        &self,
        reg: &mut Registry,
        v: usize,
        lo: usize,
        t: usize,
    ) -> Option<Attr> {
        if !self.word(v).is_some_and(is_saying_participle) {
            return None;
        }
        let opens = v == lo
            || (v == lo + 1
                && [
                    "while", "after", "before", "when", "since", "despite", "by", "in",
                ]
                .iter()
                .any(|w| self.is_word(lo, w)));
        if !opens {
            return None;
        }
        let comma = (t + 1..self.toks.len())
            .take(super::MAX_WALK)
            .take_while(|&i| self.kind(i) != Some(super::TokKind::Stop))
            .find(|&i| self.kind(i) == Some(super::TokKind::Comma))?;
        let hi = (comma + 1..self.toks.len())
            .find(|&i| self.kind(i) == Some(super::TokKind::Stop))
            .unwrap_or(self.toks.len());
        let (np, role) = self.clause_subject_at(comma + 1, hi)?;
        let speaker = self.resolve(reg, &np, role.as_ref());
        Some(Attr::Cue {
            speaker,
            cue: self.span(np.start..np.end + 1),
        })
    }
}

#[cfg(test)]
mod tests {
    use super::super::tests::speech;

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

    #[test]
    fn role_without_closing_comma_before_the_verb() {
        assert_eq!(
            speech(
                "The rise was \"worrying\", Jo Park, chief economist at Acme Bank told reporters."
            ),
            pairs(&[("worrying", "Jo Park")])
        );
        assert_eq!(
            speech("Dan Okafor, a union official told BBC Radio 4 on Saturday: \"We are angry.\""),
            pairs(&[("We are angry.", "Dan Okafor")])
        );
        // Only a name takes an unclosed role: a common noun before the comma is no speaker.
        assert_eq!(
            speech("Ministers think this is the \"less painful\" option, our correspondent added."),
            pairs(&[("less painful", "correspondent")])
        );
        // A parenthetical cue is no role: `The plan, the minister said, …`.
        assert_eq!(
            speech("Kay Lund, the union said, was \"a fine servant\" of the state for many years."),
            pairs(&[("a fine servant", "union")])
        );
    }

    /// A connective or a short adverbial before the name (`However,` `On Friday,`) is stepped
    /// over: the name after its comma still takes the unclosed role.
    #[test]
    fn connective_before_a_name_with_an_unclosed_role() {
        assert_eq!(
            speech(
                "Analysts were split. However, Dan Okafor, a fund manager at Acme Trust said the \
                 deal \"is plainly a first step\"."
            ),
            pairs(&[("is plainly a first step", "Dan Okafor")])
        );
        assert_eq!(
            speech(
                "On Friday, Ann Roe, chief economist at Lakeside Bank told reporters the rise was \
                 \"worrying\"."
            ),
            pairs(&[("worrying", "Ann Roe")])
        );
    }

    /// The name before an unclosed role is the one who spoke last, for a pronoun after it.
    #[test]
    fn unclosed_role_makes_the_name_the_last_speaker() {
        assert_eq!(
            speech(
                "Mr Tom Poe called for a system.\n\nDan Okafor, a union official told BBC Radio 4 \
                 on Saturday. \"We are angry,\" he said."
            ),
            pairs(&[("We are angry,", "Dan Okafor")])
        );
    }

    #[test]
    fn relative_clause_cue_speaks_for_its_name() {
        assert_eq!(
            speech(
                "Mr Tom Poe, who said the \"problem is far worse than it looks\", called for a \
                 system that \"protects whistleblowers\"."
            ),
            pairs(&[
                ("problem is far worse than it looks", "Tom Poe"),
                ("protects whistleblowers", "Tom Poe")
            ])
        );
    }

    #[test]
    fn quoted_as_saying_names_the_one_quoted() {
        assert_eq!(
            speech(
                "The Daily Planet quoted an insider in the talks as saying \"the deal is dead\"."
            ),
            pairs(&[("the deal is dead", "insider")])
        );
        assert_eq!(
            speech("The Daily Planet quoted Ms Jo Lake as saying \"the deal is dead\"."),
            pairs(&[("the deal is dead", "Jo Lake")])
        );
    }

    #[test]
    fn outer_cue_speaks_over_an_impersonal_inner_subject() {
        assert_eq!(
            speech(
                "The Acme Union said data from employment tribunals suggested 1,500 staff \
                 had been \"forced out of work\"."
            ),
            pairs(&[("forced out of work", "Acme Union")])
        );
        // A person as the inner subject keeps the nearer cue.
        assert_eq!(
            speech("The Acme Union said Ms Jo Lake warned of \"chaos in the courts\"."),
            pairs(&[("chaos in the courts", "Jo Lake")])
        );
    }

    #[test]
    fn sentence_final_cue_after_the_quotations() {
        assert_eq!(
            speech("Profits were \"disappointing\" for a third year, says the trade body."),
            pairs(&[("disappointing", "trade body")])
        );
        // A later quotation in the sentence does not hide the cue from an earlier one.
        assert_eq!(
            speech("\"Big rises\" were not \"on the cards\", the audit committee said."),
            pairs(&[
                ("Big rises", "audit committee"),
                ("on the cards", "audit committee")
            ])
        );
    }

    /// A quotation that is its own sentence is not claimed by a name that opens a new one.
    #[test]
    fn stop_inside_marks_then_a_new_statement() {
        assert_eq!(
            speech(
                "\"We are angry,\" said Mr Tom Poe. \"No deal is better than this one.\" The \
                 Refugee Council said Mr Poe's plan would fail."
            ),
            pairs(&[
                ("We are angry,", "Tom Poe"),
                ("No deal is better than this one.", "Tom Poe")
            ])
        );
    }

    /// A description the article ties to no one it introduced keeps its own words, not the
    /// person named last.
    #[test]
    fn unknown_description_does_not_take_the_last_name() {
        assert_eq!(
            speech(
                "Tributes were paid to Mr Tom Poe, who died on Monday. The Daily Planet editor \
                 told listeners: \"He will be missed.\""
            ),
            pairs(&[("He will be missed.", "Daily Planet editor")])
        );
        assert_eq!(
            speech("Mr Tom Poe spoke first. \"It is good,\" says the trade body."),
            pairs(&[("It is good,", "trade body")])
        );
        // A person noun still refers back.
        assert_eq!(
            speech("Ms Jo Lake joined in 1990. \"It is good,\" said the grey-haired lawyer."),
            pairs(&[("It is good,", "Jo Lake")])
        );
    }

    /// A closing `he said` refers past the names of the clause it reports.
    #[test]
    fn closing_pronoun_cue_skips_names_in_its_clause() {
        assert_eq!(
            speech(
                "Labour's success was clear, Mr Tom Poe, the party's strategist told reporters. \
                 Mr Ray Dunn has \"the same passion for the job\" as in 1997, he said."
            ),
            pairs(&[("the same passion for the job", "Tom Poe")])
        );
    }

    #[test]
    fn with_a_source_saying() {
        assert_eq!(
            speech(
                "Mr Ray Dunn left on Monday. The office defended the decision, with a \
                 spokeswoman saying: \"He served well.\""
            ),
            pairs(&[("He served well.", "spokeswoman")])
        );
    }

    #[test]
    fn adverb_between_subject_and_verb() {
        assert_eq!(
            speech("Lib Dem spokesman Ed Lane meanwhile said the \"bonfire of quangos\" was over."),
            pairs(&[("bonfire of quangos", "Ed Lane")])
        );
        assert_eq!(
            speech(
                "Tory leader Mr Ray Dunn accused the prime minister of \"squabbling like \
                 schoolboys\"."
            ),
            pairs(&[("squabbling like schoolboys", "Ray Dunn")])
        );
    }

    #[test]
    fn participle_opening_the_sentence_takes_the_main_subject() {
        assert_eq!(
            speech(
                "While saying he admired Mr Tom Poe's \"courageous leadership\", Mr Ray Dunn \
                 criticised the party."
            ),
            pairs(&[("courageous leadership", "Ray Dunn")])
        );
    }

    #[test]
    fn term_inside_a_sentence_is_not_taken_by_its_closing_cue() {
        let got = speech(
            "Readings moved from \"normal-high\" to \"normal\" in a month, researchers say.",
        );
        assert!(got.is_empty(), "{got:?}");
        let got =
            speech("Help comes through the \"Activate\" website and an app, says Ms Jo Lake.");
        assert!(got.is_empty(), "{got:?}");
    }

    #[test]
    fn long_role_before_the_name_in_a_participle_clause() {
        assert_eq!(
            speech(
                "Chinese foreign ministry spokeswoman Hua Li shot back on Tuesday, saying Ottawa \
                 should \"respect the rule of law\"."
            ),
            pairs(&[("respect the rule of law", "Hua Li")])
        );
    }

    /// A quotation without a cue continues the statement of a coordinated verb's subject.
    #[test]
    fn continuation_after_a_coordinated_cue() {
        assert_eq!(
            speech(
                "Mr Tom Poe spoke first. Ms Ada Vance welcomed the deal but said it came late. \
                 \"We waited ten years for this.\""
            ),
            pairs(&[("We waited ten years for this.", "Ada Vance")])
        );
    }

    /// A name whose unclosed role speaks at a sentence's end is the subject a later pronoun
    /// refers to, not a name that opened the sentence before.
    #[test]
    fn name_before_an_unclosed_role_at_the_end_is_the_speaker() {
        assert_eq!(
            speech(
                "Radio host Ann Lee will read questions. The mood is good, Mr Tom Poe, Labour's \
                 strategist told listeners on Saturday. Mr Ray Dunn has \"the same passion\" as \
                 in 1997, he said."
            ),
            pairs(&[("the same passion", "Tom Poe")])
        );
    }

    /// A relative clause inside an appositive speaks for no one.
    #[test]
    fn relative_clause_in_an_appositive_is_no_cue() {
        assert_eq!(
            speech(
                "\"It will help,\" said Dr Jo Lake, director of Acme Medical Institute, who \
                 writes a blog. \"It is a credible plan.\""
            ),
            pairs(&[
                ("It will help,", "Jo Lake"),
                ("It is a credible plan.", "Jo Lake")
            ])
        );
    }

    /// A year between the auxiliary and the verb (`had in 1997 complained`) is no subject.
    #[test]
    fn a_year_before_the_verb_is_no_speaker() {
        assert_eq!(
            speech(
                "Mr Tom Poe did not comment. Instead, he pointed to how Ann Roe had in 1997 \
                 complained about \"abusive campaigning\"."
            ),
            pairs(&[("abusive campaigning", "Ann Roe")])
        );
    }

    /// A participle that opens the sentence has no clause subject before it; nothing is taken.
    #[test]
    fn participle_without_a_subject_before_it_takes_nothing() {
        let got = speech("Saying the \"time has come\", the crowd cheered.");
        assert!(got.iter().all(|(_, s)| s != "crowd"), "{got:?}");
    }
}
