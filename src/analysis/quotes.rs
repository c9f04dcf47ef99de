//! Direct quotations and who said them.
//!
//! Three steps per paragraph, each linear: [`scan`] finds quoted spans from the marks alone,
//! [`tokens`] folds each span into one token of the surrounding prose, and [`attribution`] reads
//! the cue patterns around it, resolving names, roles, aliases and pronouns through the
//! article-wide [`names::Registry`].

mod attribution;
mod names;
mod scan;
mod tokens;

use std::ops::Range;

use crate::source::{Article, BlockKind};

use attribution::{Attr, Para};
use names::{Registry, is_capitalised, is_capitalised_function_word, is_role_word};
use scan::Span;
use tokens::{Tok, TokKind};

/// Whether a quoted span is someone's words or just marked text.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum QuoteKind {
    /// Words someone said or wrote.
    Speech,
    /// Scare quotes, titles, terms, slogans with no source.
    Mention,
}

/// One quotation.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Quote {
    /// The content without its quote marks, trimmed.
    pub range: Range<usize>,
    /// The content with its marks (the opening mark up to the closing one, or the paragraph
    /// end when unclosed).
    pub outer: Range<usize>,
    pub kind: QuoteKind,
    /// Index into [`Quotes::speakers`]; `None` when the article doesn't say who spoke.
    pub speaker: Option<usize>,
    /// The words that attribute it (`Lavrov said`), when there are any.
    pub cue: Option<Range<usize>>,
}

/// Whether a speaker is a named person, a body (country, company, committee), or a source the
/// article does not name (`a senior official`, `a Downing Street spokesman`, `residents`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum SpeakerKind {
    Person,
    Organisation,
    Unnamed,
}

/// A person or body that speaks in the article, with all the names it goes by.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Speaker {
    /// Canonical name: the fullest form in the article.
    pub name: String,
    /// Every other form used for this speaker.
    pub aliases: Vec<String>,
    /// Title or role (`Russian Foreign Minister`), when the article gives one.
    pub role: Option<String>,
    /// Indices into [`Quotes::quotes`], in text order.
    pub quotes: Vec<usize>,
    pub kind: SpeakerKind,
}

/// The quotations of an article (text order) and their speakers (order of first quotation).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Quotes {
    pub quotes: Vec<Quote>,
    pub speakers: Vec<Speaker>,
}

/// Finds the quotations of `article` and attributes them.
///
/// The sentence list is not needed: attribution works on its own token stream, where a
/// quotation is one token and sentence ends inside quotation marks are seen from outside.
pub fn find(article: &Article, _sentences: &[Range<usize>]) -> Quotes {
    let text = article.text();
    let mut reg = Registry::default();
    let mut quotes = Vec::new();
    // Entity of each speech quotation, parallel to `quotes`.
    let mut who: Vec<Option<usize>> = Vec::new();
    let mut spans = Vec::new();
    let mut toks = Vec::new();
    let mut prev_toks: Vec<Tok> = Vec::new();
    // The previous paragraph: its start, and the speaker of its last speech quotation.
    let mut prev_start = 0;
    let mut prev_last: Option<Option<usize>> = None;
    let mut local: Vec<(QuoteKind, Option<usize>)> = Vec::new();
    for block in article.blocks() {
        if block.kind == BlockKind::Title {
            continue;
        }
        let range = block.range.clone();
        spans.clear();
        scan::scan_paragraph(text, range.clone(), &mut spans);
        tokens::tokenize(text, range.clone(), &spans, &mut toks);
        register_mentions(text, &toks, &mut reg);
        let para = Para {
            text,
            toks: &toks,
            near: prev_start,
        };
        let prev_para = Para {
            text,
            toks: &prev_toks,
            near: prev_start,
        };
        local.clear();
        let mut last_quote_tok = None;
        for (t, tok) in toks.iter().enumerate() {
            let TokKind::Quote(i) = tok.kind else {
                continue;
            };
            let Some(span) = spans.get(i) else { continue };
            let run_on = (span.run_on && i > 0).then(|| i - 1);
            let attr = para.attribute(&mut reg, t, run_on);
            let (kind, speaker, cue) = match attr {
                Attr::Cue { speaker, cue } => {
                    if span.single && word_count(&text[span.inner.clone()]) < 3 {
                        (QuoteKind::Mention, None, None)
                    } else {
                        (QuoteKind::Speech, speaker, Some(cue))
                    }
                }
                Attr::Like(j) if matches!(local.get(j), Some((QuoteKind::Speech, _))) => {
                    (QuoteKind::Speech, local.get(j).and_then(|l| l.1), None)
                }
                _ if !span.single && speech_like(text, span, &toks, t) => {
                    // No cue: the last one who spoke, in this paragraph or the one before.
                    let lo = last_quote_tok.map_or(0, |q| q + 1);
                    let speaker = para
                        .statement(&mut reg, lo, t)
                        .or_else(|| {
                            local
                                .iter()
                                .rev()
                                .find(|l| l.0 == QuoteKind::Speech)
                                .map(|l| l.1)
                        })
                        .or_else(|| {
                            if last_quote_tok.is_some() {
                                return None;
                            }
                            let after = prev_toks
                                .iter()
                                .rposition(|x| matches!(x.kind, TokKind::Quote(_)))
                                .map_or(0, |q| q + 1);
                            prev_para
                                .statement(&mut reg, after, prev_toks.len())
                                .or(prev_last)
                        })
                        .flatten();
                    (QuoteKind::Speech, speaker, None)
                }
                _ => (QuoteKind::Mention, None, None),
            };
            local.push((kind, speaker));
            last_quote_tok = Some(t);
            quotes.push(Quote {
                range: span.inner.clone(),
                outer: span.outer.clone(),
                kind,
                speaker: None,
                cue,
            });
            who.push(speaker);
        }
        if let Some(l) = local.iter().rev().find(|l| l.0 == QuoteKind::Speech) {
            prev_last = Some(l.1);
        } else {
            prev_last = None;
        }
        prev_start = range.start;
        std::mem::swap(&mut toks, &mut prev_toks);
    }
    let speakers = assign_speakers(&reg, &mut quotes, &who);
    Quotes { quotes, speakers }
}

/// Builds the speaker list in order of first quotation and points each quotation at it.
fn assign_speakers(reg: &Registry, quotes: &mut [Quote], who: &[Option<usize>]) -> Vec<Speaker> {
    let mut index = vec![usize::MAX; reg.entities.len()];
    let mut speakers: Vec<Speaker> = Vec::new();
    for (qi, (quote, entity)) in quotes.iter_mut().zip(who).enumerate() {
        let Some(&e) = entity.as_ref() else { continue };
        if quote.kind != QuoteKind::Speech {
            continue;
        }
        let Some(entity) = reg.entities.get(e) else {
            continue;
        };
        if index[e] == usize::MAX {
            index[e] = speakers.len();
            speakers.push(Speaker {
                name: entity.name.clone(),
                aliases: entity
                    .forms
                    .iter()
                    .filter(|f| **f != entity.name)
                    .cloned()
                    .collect(),
                role: entity.role.clone(),
                quotes: Vec::new(),
                kind: entity.kind,
            });
        }
        quote.speaker = Some(index[e]);
        speakers[index[e]].quotes.push(qi);
    }
    speakers
}

fn word_count(s: &str) -> usize {
    s.split_whitespace().count()
}

/// Whether a quotation without a cue reads as someone's words rather than a term or title: at
/// least two words, not title-cased, and either standing as its own sentence or a long
/// capitalised statement.
fn speech_like(text: &str, span: &Span, toks: &[Tok], t: usize) -> bool {
    let content = &text[span.inner.clone()];
    let words = word_count(content);
    if words < 2 {
        return false;
    }
    let ends_sentence = content.ends_with(['.', '!', '?', ',']);
    let title_like = content
        .split_whitespace()
        .all(|w| w.starts_with(|c: char| c.is_uppercase() || !c.is_alphabetic()));
    if title_like && !ends_sentence {
        return false;
    }
    let own_sentence = t == 0
        || matches!(
            toks[t - 1].kind,
            TokKind::Stop | TokKind::Colon | TokKind::Quote(_)
        );
    own_sentence || (content.starts_with(char::is_uppercase) && words >= 4)
}

/// Records every person the paragraph names outside quotations, for aliases and pronouns.
fn register_mentions(text: &str, toks: &[Tok], reg: &mut Registry) {
    let word = |i: usize| -> Option<&str> {
        let t = toks.get(i)?;
        (t.kind == TokKind::Word).then(|| &text[t.range.clone()])
    };
    let mut i = 0;
    let mut words: Vec<&str> = Vec::new();
    while i < toks.len() {
        let Some(w) = word(i) else {
            i += 1;
            continue;
        };
        if (w == "the" || w == "The") && word(i + 1).is_some_and(|n| reg.may_start_role(n)) {
            // `the Tory leader`: a known person's role standing for the person.
            for n in [3, 2] {
                let phrase: Vec<&str> = (i + 1..i + 1 + n).filter_map(word).collect();
                if phrase.len() == n
                    && let Some(id) = reg.by_role(&phrase)
                {
                    let range = toks[i].range.start..toks[i + n].range.end;
                    reg.mention(range, id, opens_sentence(toks, i), false);
                    break;
                }
            }
        }
        if !is_capitalised(w) || is_capitalised_function_word(w) {
            i += 1;
            continue;
        }
        // A run of capitalised words (with name particles inside), and the role words before it.
        let start = i;
        let mut end = i + 1;
        while let Some(n) = word(end) {
            let particle = matches!(n, "de" | "van" | "von" | "bin" | "al")
                && word(end + 1).is_some_and(is_capitalised);
            if particle || (is_capitalised(n) && !is_capitalised_function_word(n)) {
                end += 1;
            } else {
                break;
            }
        }
        let mut role_start = start;
        while role_start > 0
            && start - role_start < 4
            && word(role_start - 1).is_some_and(|p| {
                is_role_word(p) || (is_capitalised(p) && !is_capitalised_function_word(p))
            })
        {
            role_start -= 1;
        }
        words.clear();
        words.extend((role_start..end).filter_map(word));
        if let Some(split) = names::split_name(&words) {
            let single = split.name.len() == 1;
            let titled_role = split
                .role
                .last()
                .is_some_and(|w| is_role_word(w) && is_capitalised(w));
            if names::looks_like_person(&split)
                || (single
                    && (titled_role
                        || reg.known_surname(split.name[0]).is_some()
                        || reg.known_first(split.name[0]).is_some()))
            {
                let first = end - split.name.len();
                let range = toks[first].range.start..toks[end - 1].range.end;
                let subject = opens_sentence(toks, role_start) || speaks_next(text, toks, end);
                let id = reg.person(&split, Some((range, subject)));
                let role = split.role.iter().any(|w| is_role_word(w))
                    || (split.role.is_empty()
                        && role_start == start
                        && start > 0
                        && word(start - 1).is_some_and(is_person_noun));
                if role || person_appositive(text, toks, end) || speaks_next(text, toks, end) {
                    reg.confirm(id, names::Gender::Unknown);
                }
                if let Some(g) = pronoun_after(text, toks, end) {
                    reg.confirm_gender(id, g);
                }
            }
        }
        i = end;
    }
}

/// Whether the words after a name at token `end` describe a person: `, a lawyer,` `, 45,`
/// `, who …`, `, UK economist at RBS, said` — but not `, a non-profit agency`.
fn person_appositive(text: &str, toks: &[Tok], end: usize) -> bool {
    let word = |i: usize| {
        toks.get(i)
            .filter(|t| t.kind == TokKind::Word)
            .map(|t| &text[t.range.clone()])
    };
    if toks.get(end).map(|t| t.kind) != Some(TokKind::Comma) {
        return false;
    }
    let Some(first) = word(end + 1) else {
        return false;
    };
    if first.chars().all(|c| c.is_ascii_digit()) || first == "who" {
        return true;
    }
    let chunk: Vec<&str> = (end + 1..end + 16).map_while(word).collect();
    if chunk
        .iter()
        .any(|w| w.starts_with(char::is_lowercase) && names::is_body_noun(w))
    {
        return false;
    }
    let after = end + 1 + chunk.len();
    matches!(first, "a" | "an" | "the")
        || chunk.iter().any(|w| is_person_noun(w))
        || (toks.get(after).map(|t| t.kind) == Some(TokKind::Comma)
            && speaks_next(text, toks, after + 1))
}

/// A lower-case noun for what a person is or does, written before a name (`barber Robert
/// Wu`, `tenants advocate Josh Ma`): a role word or a word with a suffix for a doer.
fn is_person_noun(word: &str) -> bool {
    if !word.starts_with(char::is_lowercase) || word.len() < 5 {
        return false;
    }
    if names::is_body_noun(word) {
        return false;
    }
    if is_role_word(word) {
        return true;
    }
    let not_nouns = [
        "after",
        "under",
        "over",
        "other",
        "either",
        "neither",
        "never",
        "ever",
        "later",
        "whether",
        "rather",
        "together",
        "however",
        "whatever",
        "whenever",
        "current",
        "recent",
        "different",
        "present",
        "meant",
        "went",
        "sent",
        "spent",
        "want",
        "important",
    ];
    if not_nouns.contains(&word) {
        return false;
    }
    [
        "er", "or", "ist", "ant", "ent", "ian", "ee", "ate", "man", "woman", "person", "ess",
    ]
    .iter()
    .any(|s| word.ends_with(s))
}

/// Whether token `i` opens a sentence (or a clause after a colon or a quotation).
fn opens_sentence(toks: &[Tok], i: usize) -> bool {
    i == 0
        || matches!(
            toks[i - 1].kind,
            TokKind::Stop | TokKind::Colon | TokKind::Quote(_)
        )
}

/// Whether a verb of saying follows the name at token `end` (`Josh Ma told reporters`,
/// `Ann Roe has said`): the name is a speaker's.
fn speaks_next(text: &str, toks: &[Tok], end: usize) -> bool {
    let mut k = end;
    while let Some(t) = toks.get(k).filter(|t| t.kind == TokKind::Word) {
        let w = &text[t.range.clone()];
        if matches!(
            w,
            "has" | "had" | "also" | "later" | "then" | "again" | "once"
        ) {
            k += 1;
            continue;
        }
        return matches!(
            w,
            "said"
                | "says"
                | "told"
                | "tells"
                | "added"
                | "adds"
                | "wrote"
                | "writes"
                | "explained"
                | "explains"
                | "argued"
                | "argues"
                | "noted"
                | "notes"
                | "asked"
                | "asks"
                | "recalled"
                | "recalls"
                | "insisted"
                | "insists"
                | "warned"
                | "warns"
        );
    }
    false
}

/// The gender of the first he/his/him/she/her after token `end` in the same sentence, when no
/// other capitalised name comes first (`Robert Wu, who named the shop after his grandmother`).
fn pronoun_after(text: &str, toks: &[Tok], end: usize) -> Option<names::Gender> {
    for t in toks.iter().skip(end).take(30) {
        match t.kind {
            TokKind::Stop | TokKind::Quote(_) => return None,
            TokKind::Word => {
                let w = &text[t.range.clone()];
                match w {
                    "he" | "his" | "him" | "He" | "His" => return Some(names::Gender::Male),
                    "she" | "her" | "She" | "Her" => return Some(names::Gender::Female),
                    _ if is_capitalised(w) && !is_capitalised_function_word(w) => return None,
                    _ => {}
                }
            }
            _ => {}
        }
    }
    None
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::{self, Input, LoadOptions};
    use proptest::prelude::*;

    /// (text, speaker name or "-" for none, is speech) of each quotation.
    fn quotes(body: &str) -> Vec<(String, String, bool)> {
        let a = Article::parse(body, "t", LoadOptions::PLAIN).expect("parses");
        let q = find(&a, &[]);
        q.quotes
            .iter()
            .map(|x| {
                (
                    a.text()[x.range.clone()].to_string(),
                    x.speaker
                        .map_or("-".to_string(), |s| q.speakers[s].name.clone()),
                    x.kind == QuoteKind::Speech,
                )
            })
            .collect()
    }

    fn speech(body: &str) -> Vec<(String, String)> {
        quotes(body)
            .into_iter()
            .filter(|q| q.2)
            .map(|q| (q.0, q.1))
            .collect()
    }

    fn pair(t: &str, s: &str) -> (String, String) {
        (t.to_string(), s.to_string())
    }

    #[test]
    fn sample_speakers() {
        let a = source::load(&Input::Sample, LoadOptions::default()).expect("sample");
        let q = find(&a, &[]);
        let speech: Vec<_> = q
            .quotes
            .iter()
            .filter(|x| x.kind == QuoteKind::Speech)
            .collect();
        assert_eq!(speech.len(), 7);
        let names: Vec<(&str, usize)> = q
            .speakers
            .iter()
            .map(|s| (s.name.as_str(), s.quotes.len()))
            .collect();
        assert_eq!(
            names,
            [
                ("US", 1),
                ("Alexander Grushko", 1),
                ("Sergey Lavrov", 2),
                ("Jens Stoltenberg", 2),
                ("Frank-Walter Steinmeier", 1)
            ]
        );
        assert_eq!(&a.text()[speech[0].range.clone()], "simulated attack");
        let lavrov = &q.speakers[2];
        assert_eq!(lavrov.role.as_deref(), Some("Russian Foreign Minister"));
        assert!(lavrov.aliases.contains(&"Lavrov".to_string()));
        assert_eq!(
            q.speakers[1].role.as_deref(),
            Some("Russia’s ambassador to NATO")
        );
        let steinmeier = speech[6].cue.clone().expect("cue");
        assert_eq!(
            a.text()[steinmeier].replace('\u{a0}', " "),
            "he said in a statement"
        );
        assert!(
            speech
                .windows(2)
                .all(|w| w[0].range.end <= w[1].range.start)
        );
    }

    #[test]
    fn cue_after_in_both_word_orders() {
        assert_eq!(
            speech(
                "\"We will win,\" said Defence Secretary Anna Berg. \"No doubt,\" Ms Berg added."
            ),
            [
                pair("We will win,", "Anna Berg"),
                pair("No doubt,", "Anna Berg")
            ]
        );
    }

    /// A quotation without a cue belongs to the last reported statement, but only an inverted
    /// subject that names someone counts: not an object, not a reported clause's subject.
    #[test]
    fn inverted_statement_needs_a_named_subject() {
        assert_eq!(
            speech("Ms Lane said many young players were leaving. \"It is sad.\""),
            [pair("It is sad.", "Lane")]
        );
        assert_eq!(
            speech(
                "The album came out in 1977 and confirmed his global status. \"By 1979 he was huge.\""
            ),
            [pair("By 1979 he was huge.", "-")]
        );
        assert_eq!(
            speech("Said Mr Cole: \"It is new.\""),
            [pair("It is new.", "Cole")]
        );
    }

    #[test]
    fn interrupted_quote_is_two_quotes_with_one_speaker() {
        assert_eq!(
            speech("Carl Moss spoke. \"First part,\" he said. \"Second part.\""),
            [
                pair("First part,", "Carl Moss"),
                pair("Second part.", "Carl Moss")
            ]
        );
    }

    #[test]
    fn run_on_paragraphs_keep_the_speaker() {
        assert_eq!(
            speech(
                "Judge Helen Price said: \"The law is clear.\n\n\"We apply it.\" Then more. \
                 Mayor Tom Reed said: \"One. \"Two.\""
            ),
            [
                pair("The law is clear.", "Helen Price"),
                pair("We apply it.", "Helen Price"),
                pair("One.", "Tom Reed"),
                pair("Two.", "Tom Reed")
            ]
        );
    }

    #[test]
    fn colon_introduction_and_told() {
        assert_eq!(
            speech("Union leader Bob Crane told the BBC: «We are not moving.»"),
            [pair("We are not moving.", "Bob Crane")]
        );
        // The one who told, not the one told.
        assert_eq!(
            speech("Her diary claimed that Mr Lowe told Mr Fisk: \"Never again.\""),
            [pair("Never again.", "Lowe")]
        );
    }

    #[test]
    fn appositive_roles() {
        let body = "Ann Lee, the city's housing officer, said rents were „far too high“.";
        assert_eq!(speech(body), [pair("far too high", "Ann Lee")]);
        let a = Article::parse(body, "t", LoadOptions::PLAIN).expect("parses");
        assert_eq!(
            find(&a, &[]).speakers[0].role.as_deref(),
            Some("city's housing officer")
        );
        assert_eq!(
            speech("\"It is over,\" the club's owner, Dan Hart, told reporters."),
            [pair("It is over,", "Dan Hart")]
        );
    }

    #[test]
    fn according_to_and_pointed_out() {
        assert_eq!(
            speech("According to Maria Sanz, a lawyer, “the case is weak”."),
            [pair("the case is weak", "Maria Sanz")]
        );
        assert_eq!(
            speech("Chief Executive Omar Said pointed out that sales were ‹still rising›."),
            [pair("still rising", "Omar Said")]
        );
    }

    #[test]
    fn pronouns_follow_gender_and_aliases_merge() {
        assert_eq!(
            speech(
                "Mrs Ruth Kay met Peter Olsen. Mr Olsen left. \"I am glad,\" she said. \
                 \"So am I,\" he said. \"Fine,\" Olsen added."
            ),
            [
                pair("I am glad,", "Ruth Kay"),
                pair("So am I,", "Peter Olsen"),
                pair("Fine,", "Peter Olsen")
            ]
        );
    }

    #[test]
    fn kept_titles_and_dropped_honorifics() {
        assert_eq!(
            speech("\"Fine,\" said Sir John Hale. \"Good,\" said Mrs Jo Bell."),
            [pair("Fine,", "Sir John Hale"), pair("Good,", "Jo Bell")]
        );
    }

    #[test]
    fn bodies_and_described_speakers() {
        assert_eq!(
            speech("\"We regret it,\" a Downing Street spokesman said."),
            [pair("We regret it,", "Downing Street spokesman")]
        );
        assert_eq!(
            speech("In what the UN called a «grave breach», talks ended."),
            [pair("grave breach", "UN")]
        );
    }

    #[test]
    fn mentions_are_not_speech() {
        let q = quotes("The so-called \"red wall\" fell. He saw \"Gone With The Wind\" twice.");
        assert_eq!(q.len(), 2);
        assert!(q.iter().all(|x| !x.2), "{q:?}");
    }

    #[test]
    fn unknown_speaker_is_none() {
        assert_eq!(
            speech("\"Nobody knows what happens next,\" they said."),
            [pair("Nobody knows what happens next,", "-")]
        );
        assert_eq!(
            speech("\"This is the end of an era for all of us.\""),
            [pair("This is the end of an era for all of us.", "-")]
        );
    }

    #[test]
    fn quote_alone_in_its_paragraph_follows_the_last_speaker() {
        assert_eq!(
            speech(
                "Coach Ian Ward said the team was tired.\n\n\"We need a rest before the final.\""
            ),
            [pair("We need a rest before the final.", "Ian Ward")]
        );
    }

    #[test]
    fn trailing_cue_closes_the_sentence() {
        assert_eq!(
            speech(
                "The plan was \"badly flawed from the start\" and costs rose, Ms Ida Holm said."
            ),
            [pair("badly flawed from the start", "Ida Holm")]
        );
    }

    #[test]
    fn unbalanced_marks_stop_at_the_paragraph() {
        let q = quotes("He said: \"This never closes\n\nNext paragraph is prose.");
        assert_eq!(q.len(), 1);
        assert_eq!(q[0].0, "This never closes");
    }

    #[test]
    fn titles_are_skipped() {
        let a = Article::parse(
            "Minister 'quits' over \"row\"\n\nBody text.",
            "t",
            LoadOptions::default(),
        )
        .expect("parses");
        assert!(find(&a, &[]).quotes.is_empty());
    }

    proptest! {
        #[test]
        fn never_panics_and_ranges_are_sound(
            s in proptest::collection::vec(
                prop_oneof![
                    Just("\"".to_string()), Just("«".to_string()), Just("»".to_string()),
                    Just("“".to_string()), Just("”".to_string()), Just("„".to_string()),
                    Just("‹".to_string()), Just("›".to_string()), Just("‘".to_string()),
                    Just("’".to_string()), Just("'".to_string()), Just(", ".to_string()),
                    Just(": ".to_string()), Just(". ".to_string()), Just("\n\n".to_string()),
                    Just(" said ".to_string()), Just(" he ".to_string()), Just("Mr ".to_string()),
                    Just("Anna Berg".to_string()), Just(" - ".to_string()), Just("é".to_string()),
                    "[a-zA-Z ]{0,6}", "\\PC{0,3}",
                ],
                0..60,
            )
        ) {
            let body = s.concat();
            for plain in [true, false] {
                let Ok(a) = Article::parse(&body, "t", LoadOptions { plain, ..LoadOptions::default() }) else { continue };
                let q = find(&a, &[]);
                let text = a.text();
                for x in &q.quotes {
                    for r in [&x.range, &x.outer] {
                        prop_assert!(r.start <= r.end && r.end <= text.len());
                        prop_assert!(text.is_char_boundary(r.start) && text.is_char_boundary(r.end));
                    }
                    prop_assert!(x.outer.start <= x.range.start && x.range.end <= x.outer.end);
                    if let Some(c) = &x.cue {
                        prop_assert!(c.end <= text.len() && text.is_char_boundary(c.start) && text.is_char_boundary(c.end));
                    }
                    if let Some(s) = x.speaker {
                        prop_assert!(s < q.speakers.len());
                    }
                }
            }
        }
    }
}
