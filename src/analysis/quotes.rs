//! Direct quotations and who said them.
//!
//! Three steps per paragraph, each linear: [`scan`] finds quoted spans from the marks alone,
//! [`tokens`] folds each span into one token of the surrounding prose, and [`attribution`] reads
//! the cue patterns around it, resolving names, roles, aliases and pronouns through the
//! article-wide [`names::Registry`].

mod attribution;
mod lede;
mod lexicon;
mod names;
mod scan;
mod tokens;

use rustc_hash::FxHashSet;
use std::ops::Range;

use crate::source::{Article, BlockKind};

use attribution::{Attr, Para};
use lexicon::{is_capitalised, is_capitalised_function_word, is_role_word};
use names::Registry;
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

/// A person, body or unnamed source the article mentions, whether or not it speaks.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Entity {
    /// Canonical name: the fullest form in the article.
    pub name: String,
    pub kind: SpeakerKind,
    pub role: Option<String>,
    /// Where the article names it (names, surnames, roles, pronouns that resolved to it), in
    /// text order.
    pub mentions: Vec<Range<usize>>,
}

/// How a quotation's speaker was found from its cue.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ResolvedBy {
    /// The cue has the canonical name.
    Name,
    /// Another form of the name (`Mr Lavrov`, `Lavrov`, a first name).
    Alias,
    /// The entity's role (`the Tory leader`).
    Role,
    /// A description that stands for an introduced entity (`the bespectacled professor`).
    Description,
    Pronoun,
    /// No cue: the quotation continues the previous speaker's turn.
    Continuation,
}

impl ResolvedBy {
    pub fn as_str(self) -> &'static str {
        match self {
            ResolvedBy::Name => "name",
            ResolvedBy::Alias => "alias",
            ResolvedBy::Role => "role",
            ResolvedBy::Description => "description",
            ResolvedBy::Pronoun => "pronoun",
            ResolvedBy::Continuation => "continuation",
        }
    }
}

impl SpeakerKind {
    pub fn as_str(self) -> &'static str {
        match self {
            SpeakerKind::Person => "person",
            SpeakerKind::Organisation => "organisation",
            SpeakerKind::Unnamed => "unnamed",
        }
    }
}

/// Whether `word` is a common given name (`Mike`, `Wendy`): a name it opens is a person's, so a
/// last word that is also a time word or a document (`Mike Friday`, `Wendy Day`, `Graham
/// Poll`) is a surname. For tools that check speaker names, like the speaker audit.
pub fn is_given_name(word: &str) -> bool {
    lexicon::given_name_gender(word) != lexicon::Gender::Unknown
}

/// Whether `word` is a lower-case noun for a work (`film`, `album`, `drama`) that a title
/// follows or that a title modifies. For tools that check speaker names, like the speaker audit.
pub fn is_work_noun(word: &str) -> bool {
    lexicon::is_work_noun(word)
}

/// How the speaker of `quote` was found, read from its cue; `None` without a speaker.
pub fn resolved_by(text: &str, quote: &Quote, speakers: &[Speaker]) -> Option<ResolvedBy> {
    let speaker = speakers.get(quote.speaker?)?;
    let Some(cue) = quote.cue.as_ref().and_then(|c| text.get(c.clone())) else {
        return Some(ResolvedBy::Continuation);
    };
    let has = |s: &str| !s.is_empty() && cue.contains(s);
    if has(&speaker.name) {
        return Some(ResolvedBy::Name);
    }
    if speaker.aliases.iter().any(|a| has(a)) {
        return Some(ResolvedBy::Alias);
    }
    if cue
        .split(|c: char| !c.is_alphabetic())
        .any(|w| matches!(w, "he" | "He" | "she" | "She"))
    {
        return Some(ResolvedBy::Pronoun);
    }
    let lower = cue.to_lowercase();
    if speaker
        .role
        .as_ref()
        .is_some_and(|r| lower.contains(&r.to_lowercase()))
    {
        return Some(ResolvedBy::Role);
    }
    Some(ResolvedBy::Description)
}

/// The quotations of an article (text order), their speakers (order of first quotation) and
/// every entity the article mentions (order of creation).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Quotes {
    pub quotes: Vec<Quote>,
    pub speakers: Vec<Speaker>,
    pub entities: Vec<Entity>,
}

/// Finds the quotations of `article` and attributes them.
///
/// The sentence list is not needed: attribution works on its own token stream, where a
/// quotation is one token and sentence ends inside quotation marks are seen from outside.
pub fn find(article: &Article, _sentences: &[Range<usize>]) -> Quotes {
    let text = article.text();
    let mut reg = Registry::default();
    reg.places = places(text);
    let mut quotes = Vec::new();
    // Entity of each speech quotation, parallel to `quotes`.
    let mut who: Vec<Option<usize>> = Vec::new();
    let mut spans = Vec::new();
    let mut toks = Vec::new();
    let mut prev_toks: Vec<Tok> = Vec::new();
    // The previous paragraph: its start, and the speaker of its last speech quotation.
    let mut prev_start = 0;
    // Where the paragraph before the previous one starts: the previous paragraph's own `near`.
    let mut before_prev_start = 0;
    let mut prev_last: Option<Option<usize>> = None;
    // Whether `prev_last` was carried over a paragraph that named no one.
    let mut carried = false;
    // Whether a cue named `prev_last` (in its paragraph, or in the turn it goes on with): only
    // such a speaker is sure enough to carry over a paragraph of the reporter's. One guessed
    // from whom the sentences are about is not.
    let mut prev_sure = false;
    let mut local: Vec<(QuoteKind, Option<usize>)> = Vec::new();
    // Per quotation of the paragraph: whether it runs on from the one before over a break.
    let mut run_ons: Vec<bool> = Vec::new();
    // Per quotation of the paragraph: whether it has no cue and took its speaker from before
    // the paragraph (the previous paragraph's turn, or whom recent sentences are about).
    let mut borrowed: Vec<bool> = Vec::new();
    // The first two body paragraphs: a lede's description and the name after it.
    let mut opening: Vec<Range<usize>> = Vec::new();
    for block in article.blocks() {
        if block.kind == BlockKind::Title {
            continue;
        }
        let range = block.range.clone();
        if opening.len() < 2 {
            opening.push(range.clone());
        }
        spans.clear();
        scan::scan_paragraph(text, range.clone(), &mut spans);
        if spans.is_empty() && is_signpost(&text[range.clone()]) {
            // `READ MORE: …`, `WATCH: …`: a link a web page sets between paragraphs. The
            // story goes on after it, so a quotation below continues the paragraph above.
            continue;
        }
        // `OTTAWA — Minister Ann Roe says`: the dateline names where, never who.
        // `- Coach Ann Roe: "…"`: a list item's bullet is layout; the words start after it.
        let bullet = bullet_len(&text[range.clone()]);
        let words_from =
            range.start + bullet + dateline_len(&text[range.start + bullet..range.end]);
        tokens::tokenize(text, words_from..range.end, &spans, &mut toks);
        register_mentions(text, &toks, &mut reg, prev_start);
        if is_caption(&text[range.clone()]) {
            // A photo's caption between paragraphs: its names are learnt, but the story goes
            // on past it, as past a signpost. Words quoted under a photo repeat the story's
            // (`Roe says: 'Just listen.' (Jo Lee/CBC)`): they are shown, not said again.
            for span in &spans {
                quotes.push(Quote {
                    range: span.inner.clone(),
                    outer: span.outer.clone(),
                    kind: QuoteKind::Mention,
                    speaker: None,
                    cue: None,
                });
                who.push(None);
            }
            reg.set_aside_since(range.start);
            continue;
        }
        let para = Para {
            text,
            toks: &toks,
            near: prev_start,
        };
        // The previous paragraph, read again for a continuation: its pronouns look back as far
        // as they did when it was read (`"…," he said.` then a paragraph of quotation only).
        let prev_para = Para {
            text,
            toks: &prev_toks,
            near: before_prev_start,
        };
        local.clear();
        run_ons.clear();
        borrowed.clear();
        let first_quote = quotes.len();
        let mut last_quote_tok = None;
        for (t, tok) in toks.iter().enumerate() {
            let TokKind::Quote(i) = tok.kind else {
                continue;
            };
            let Some(span) = spans.get(i) else { continue };
            let run_on = (span.run_on && i > 0).then(|| i - 1);
            let attr = para.attribute(&mut reg, t, run_on);
            // A word the writer's clause runs through is a term, but a cue before it still
            // makes its speaker the one talking (`Roe said the plan would not "empower" them.
            // "We know…"`): the next quotation without a cue goes on with that voice.
            let clause_word = word_in_clause(text, span, &toks, t);
            let voice = match &attr {
                Attr::Cue { speaker, .. } if clause_word => Some(*speaker),
                _ => None,
            };
            let mut from_before = false;
            // Whether the speaker is only the subject of the sentence the words are set in.
            let mut guessed = false;
            let (kind, speaker, cue) = match attr {
                // A name or term the sentence marks as one is nobody's words, whatever verb of
                // saying the sentence holds (`Roe said the so-called "red wall" fell`).
                _ if named_term(text, &toks, t) || clause_word => (QuoteKind::Mention, None, None),
                Attr::Cue { speaker, cue } => {
                    if span.single && !has_words(&text[span.inner.clone()], 3)
                        || names_a_title(text, span, &toks, t)
                        || (speaker.is_none() && reads_words(text, cue.clone()))
                    {
                        (QuoteKind::Mention, None, None)
                    } else {
                        (QuoteKind::Speech, speaker, Some(cue))
                    }
                }
                Attr::Like(j) if matches!(local.get(j), Some((QuoteKind::Speech, _))) => {
                    (QuoteKind::Speech, local.get(j).and_then(|l| l.1), None)
                }
                _ if !span.single
                    && spans.len() == 1
                    && is_pull_quote(text, span, range.clone()) =>
                {
                    (QuoteKind::Mention, None, None)
                }
                _ if !span.single && speech_like(text, span, &toks, t) => {
                    // No cue: the last one who spoke, in this paragraph or the one before.
                    let lo = last_quote_tok.map_or(0, |q| q + 1);
                    // A turn to someone new, unless the sentence right before holds a
                    // statement (`…, prosecutors said. "…"`); then the last statement.
                    let sentence = (lo..t)
                        .rev()
                        .skip(1)
                        .find(|&k| {
                            matches!(
                                toks[k].kind,
                                TokKind::Stop | TokKind::Colon | TokKind::Quote(_)
                            )
                        })
                        .map_or(lo, |k| k + 1);
                    let turned = (para.statement(&mut reg, sentence, t).is_none())
                        .then(|| turned_to(text, &reg, &toks, last_quote_tok, t))
                        .flatten();
                    let here = turned.map(Some).or_else(|| para.statement(&mut reg, lo, t));
                    from_before = here.is_none() && last_quote_tok.is_none();
                    let speaker = here
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
                        .flatten()
                        .or_else(|| {
                            // No statement to continue: the person the recent sentences are
                            // about (`Dr Ames began to cry. "Where do you draw the line?"`).
                            // Not one who hears right before the words (`Roe suddenly heard a
                            // shout: "…"`, `Kay overheard these words.`): what is heard is
                            // someone else's.
                            let hears = (sentence..t).any(|k| {
                                toks[k].kind == TokKind::Word
                                    && lexicon::hears(
                                        &text[toks[k].range.clone()],
                                        k.checked_sub(1).map(|p| &text[toks[p].range.clone()]),
                                    )
                            });
                            let at = toks[t].range.start;
                            (!hears)
                                .then(|| reg.subject_since(at, prev_start))
                                .flatten()
                        });
                    (QuoteKind::Speech, speaker, None)
                }
                // A mixed quotation of three words or more closing the clause of a participle of
                // saying (`…, saying it would give staff "just that little bit of edge"`). A
                // fragment of a word or two stays a term; an unclosed span may be a lost mark.
                // A fragment of any length with a clause that names its source after it (`…
                // "dead", as Roe put it`).
                _ if !span.single
                    && span.outer.end > span.inner.end
                    && (has_words(&text[span.inner.clone()], 3) || para.as_follows(t)) =>
                {
                    let long = has_words(&text[span.inner.clone()], 3);
                    let attr = para
                        .as_cue_after(&mut reg, t)
                        .or_else(|| long.then(|| para.participle_earlier(&mut reg, t)).flatten())
                        .or_else(|| {
                            if !long {
                                return None;
                            }
                            guessed = true;
                            // Title-cased words are a name, whoever the sentence is about.
                            (!names_a_title(text, span, &toks, t))
                                .then(|| para.subject_fragment(&mut reg, t))
                                .flatten()
                        });
                    match attr {
                        Some(Attr::Cue { speaker, cue }) => (QuoteKind::Speech, speaker, Some(cue)),
                        _ => (QuoteKind::Mention, None, None),
                    }
                }
                _ => (QuoteKind::Mention, None, None),
            };
            // `the film "Red Dawn"`: a title in quotation marks names a work, never a person
            // the prose may later seem to make act (`Red Dawn tells the story`).
            if kind == QuoteKind::Mention && names_a_title(text, span, &toks, t) {
                reg.works.insert(text[span.inner.clone()].to_string());
            }
            match voice {
                Some(v) => local.push((QuoteKind::Speech, v)),
                // A view quoted in its holder's words is the subject's, but that is a guess
                // from the sentence, not a turn of speech: a later quotation without a cue does
                // not go on with it (`The government wants ages "consigned to the past". "We're
                // sweeping them away," …` is the minister's).
                None if guessed => local.push((QuoteKind::Mention, None)),
                None => local.push((kind, speaker)),
            }
            last_quote_tok = Some(t);
            run_ons.push(span.run_on && i > 0);
            borrowed.push(from_before);
            quotes.push(Quote {
                range: span.inner.clone(),
                outer: span.outer.clone(),
                kind,
                speaker: None,
                cue,
            });
            who.push(speaker);
        }
        one_turn_over_breaks(
            &quotes[first_quote..],
            &run_ons,
            &borrowed,
            &mut who[first_quote..],
        );
        if let Some(l) = local.iter().rev().find(|l| l.0 == QuoteKind::Speech) {
            // Sure when a cue of this paragraph named the speaker, or when the paragraph goes
            // on with a sure speaker of the one before.
            prev_sure = l.1.is_some()
                && (quotes[first_quote..]
                    .iter()
                    .zip(&who[first_quote..])
                    .any(|(q, w)| q.cue.is_some() && *w == l.1)
                    || (prev_sure && prev_last == Some(l.1)));
            prev_last = Some(l.1);
            carried = false;
        } else if local.is_empty()
            && !carried
            && prev_sure
            && prev_last.is_some()
            && !reg.mentions_anyone(range.start, range.end)
        {
            // `"…," Roe said. / For cities like Ottawa, the work goes on. / "…"`: a paragraph
            // of the reporter's that names no one leaves the last speaker the one a quotation
            // after it goes on with. Over one such paragraph only.
            carried = true;
        } else {
            prev_last = None;
        }
        before_prev_start = prev_start;
        prev_start = range.start;
        std::mem::swap(&mut toks, &mut prev_toks);
    }
    if let [first, second] = opening.as_slice() {
        let ranges: Vec<Range<usize>> = quotes.iter().map(|q| q.range.clone()).collect();
        lede::name_the_lede_speaker(text, &reg, &ranges, &mut who, first, second);
    }
    let speakers = assign_speakers(&reg, &mut quotes, &who);
    let entities = entities(&reg);
    Quotes {
        quotes,
        speakers,
        entities,
    }
}

/// `Roe met the board. / "It will fail. "It is doomed," he said.`: a quotation that runs on
/// over a paragraph break is one turn, so the cue after a later part names the speaker of the
/// cueless parts before it, when the turn opens its paragraph's speech and took its speaker
/// from before the paragraph (a guess the cue overrides). `run_ons[k]` says whether
/// `quotes[k]` runs on from `quotes[k - 1]`; `borrowed[k]` whether its speaker came from before.
fn one_turn_over_breaks(
    quotes: &[Quote],
    run_ons: &[bool],
    borrowed: &[bool],
    who: &mut [Option<usize>],
) {
    let Some(first) = quotes.iter().position(|q| q.kind == QuoteKind::Speech) else {
        return;
    };
    if !borrowed[first] {
        return;
    }
    let mut k = first + 1;
    while k < quotes.len() && run_ons[k] && quotes[k].kind == QuoteKind::Speech {
        if quotes[k].cue.is_some() {
            if who[k].is_some() {
                let speaker = who[k];
                who[first..k].fill(speaker);
            }
            return;
        }
        k += 1;
    }
}

/// The length in bytes of the bullet that opens a list item's paragraph, space included (`- `,
/// `• `, `– `, after any indent), or 0. A dash alone before a space and a word opens no
/// sentence of prose: the item's first word opens its sentence as it would without the mark.
/// Not a star, which marks a book's footnote (`* "Busy already?"`), nor a mark before a
/// quotation or a bracket. Only before a word in Latin letters: in Russian prose the dash
/// opens a line of dialogue, and the words after it (`- Но Пьер …`) are no list item's label
/// (nor does the English lexicon know their function words).
fn bullet_len(paragraph: &str) -> usize {
    let indent = paragraph.len() - paragraph.trim_start().len();
    let item = &paragraph[indent..];
    let mut chars = item.chars();
    let (Some(c @ ('-' | '•' | '–' | '—')), Some(sp)) = (chars.next(), chars.next()) else {
        return 0;
    };
    let mark = c.len_utf8();
    let rest = item[mark..].trim_start();
    if !sp.is_whitespace() || !rest.starts_with(|c: char| c.is_ascii_alphanumeric()) {
        return 0;
    }
    paragraph.len() - rest.len()
}

/// The length in bytes of the dateline that opens a wire story's paragraph, dash included
/// (`OTTAWA — `, `TROUT BROOK, N.B. — `, `NEW YORK -- `, `MILWAUKEE—`), or 0: a place in
/// capitals, perhaps a state or country after a comma, then a dash.
fn dateline_len(paragraph: &str) -> usize {
    // Asked of every paragraph: two capitals open a dateline, and it ends near the start.
    let mut first = paragraph.chars();
    if !(first.next().is_some_and(char::is_uppercase)
        && first.next().is_some_and(char::is_uppercase))
    {
        return 0;
    }
    let head = paragraph
        .char_indices()
        .nth(56)
        .map_or(paragraph, |(at, _)| &paragraph[..at]);
    let Some((place, dash)) = ["—", "--", "–"]
        .iter()
        .filter_map(|d| head.find(d).map(|at| (at, *d)))
        .min()
        .filter(|&(at, _)| at <= 48)
        .map(|(at, d)| (&paragraph[..at], d))
    else {
        return 0;
    };
    let city = place.split(',').next().unwrap_or("").trim();
    let capitals = city.chars().filter(|c| c.is_alphabetic()).count() >= 2
        && city
            .chars()
            .all(|c| c.is_uppercase() || c == ' ' || c == '.' || c == '\'' || c == '-');
    if !capitals || place.split_whitespace().count() > 6 {
        return 0;
    }
    let after = place.len() + dash.len();
    after + paragraph[after..].len() - paragraph[after..].trim_start().len()
}

/// Whether a paragraph is a photo's caption as web news prints it between paragraphs: it
/// closes with the credit in brackets (`(Jo Lee/CBC)`, `( THE CANADIAN PRESS FILE PHOTO )`,
/// `(Getty Images)`) or opens with the gallery link (`Open this photo in gallery`).
fn is_caption(paragraph: &str) -> bool {
    let paragraph = paragraph.trim();
    if paragraph.starts_with("Open this photo in gallery") {
        return true;
    }
    let Some(inner) = paragraph
        .strip_suffix(')')
        .and_then(|p| p.rsplit_once('('))
        .map(|(_, credit)| credit)
    else {
        return false;
    };
    let credit_word = || {
        inner.split(|c: char| !c.is_alphanumeric()).any(|w| {
            matches!(
                w.to_ascii_lowercase().as_str(),
                "photo" | "photos" | "press" | "images" | "getty" | "reuters" | "afp" | "archives"
            )
        })
    };
    // `Name/Agency`: names on both sides of the slash, not a fraction (`2/3`).
    let slashed = || {
        inner.contains('/')
            && inner
                .split('/')
                .all(|part| part.trim_start().starts_with(char::is_uppercase))
    };
    inner.len() <= 80 && (slashed() || credit_word())
}

/// Whether a paragraph is a web page's signpost to another page: one line opening with a label
/// in capitals and a colon (`READ MORE: …`, `WATCH: …`, `RELATED: …`). Narrower than the
/// rubric `register_mentions` passes over (any capitals before a colon opening a paragraph):
/// skipping a whole paragraph must not take a headline like `NATO: …` for a link.
fn is_signpost(paragraph: &str) -> bool {
    let paragraph = paragraph.trim();
    let Some((label, rest)) = paragraph.split_once(':') else {
        return false;
    };
    let letters = label.chars().filter(|c| c.is_alphabetic()).count();
    !paragraph.contains('\n')
        && paragraph.len() <= 200
        && !rest.trim().is_empty()
        && (5..=16).contains(&letters)
        && label.split_whitespace().count() <= 3
        && label.chars().all(|c| c.is_uppercase() || c == ' ')
}

/// The registry's entities with their mentions as byte ranges.
fn entities(reg: &Registry) -> Vec<Entity> {
    let mut out: Vec<Entity> = reg
        .entities
        .iter()
        .map(|e| Entity {
            name: e.name.clone(),
            kind: e.kind,
            role: e.role.clone(),
            mentions: Vec::new(),
        })
        .collect();
    for m in reg.mentions.iter().chain(&reg.org_mentions) {
        if let Some(e) = out.get_mut(m.entity) {
            e.mentions.push(m.pos..m.end);
        }
    }
    for e in &mut out {
        e.mentions.sort_by_key(|r| (r.start, r.end));
        e.mentions.dedup();
    }
    out
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

/// Whether `s` has at least `n` words; reads no further than the `n`th (quotations in novels
/// run long).
fn has_words(s: &str, n: usize) -> bool {
    n == 0 || s.split_whitespace().nth(n - 1).is_some()
}

/// Bytes on either side of a paragraph where a pull quote's source is looked for.
const PULL_QUOTE_REACH: usize = 3000;

/// Whether the quotation `span`, the whole of `paragraph` and without a cue, is a pull quote:
/// web news sets a sentence of the story again between paragraphs, in quotation marks, to
/// catch the eye. Its words open a stretch of prose nearby, so they are shown, not said again.
/// The opening words up to the first mark or apostrophe (which the copy may set differently),
/// at least 30 bytes of them, are looked for within [`PULL_QUOTE_REACH`] bytes outside the
/// paragraph, case and all: a speaker's words that only echo the prose differ in case or
/// wording. Asked only of paragraphs that are one quotation.
fn is_pull_quote(text: &str, span: &Span, paragraph: Range<usize>) -> bool {
    let para = text[paragraph.clone()].trim();
    if span.outer.len() != para.len() {
        return false;
    }
    let inner = &text[span.inner.clone()];
    let mut cut = inner.len().min(60);
    while !inner.is_char_boundary(cut) {
        cut -= 1;
    }
    let probe = &inner[..cut];
    let probe = probe
        .find(['"', '\'', '‘', '’', '“', '”'])
        .map_or(probe, |at| &probe[..at]);
    if probe.len() < 30 {
        return false;
    }
    let floor = |mut at: usize| {
        while !text.is_char_boundary(at) {
            at -= 1;
        }
        at
    };
    let before = floor(paragraph.start.saturating_sub(PULL_QUOTE_REACH))..paragraph.start;
    let after = paragraph.end..floor((paragraph.end + PULL_QUOTE_REACH).min(text.len()));
    // memchr's search, not `str::contains`: asked of every paragraph that is one quotation,
    // over 6,000 bytes each time.
    // One searcher for both sides: building it costs as much as a search.
    let finder = memchr::memmem::Finder::new(probe.as_bytes());
    let found = |hay: &str| finder.find(hay.as_bytes()).is_some();
    found(&text[before]) || found(&text[after])
}

/// Whether a cue is a document reading (`the e-mail reads`, `reads the sign`): a document's
/// words are speech only when someone stands behind it (`the BBC statement read`); with no
/// owner in sight (`The message in the body of the e-mail reads: "Happy Holidays"`) they are
/// text shown, a mention, not words someone said. A cue that names a body or a person (`A
/// statement from Chelsea explaining the decision read`) has an owner in sight, found or
/// not: the sentence up to the cue (`cue`, bytes) is searched for a capital after its first.
fn reads_words(text: &str, cue: Range<usize>) -> bool {
    let words = |r: Range<usize>| {
        text[r]
            .split(|c: char| !c.is_alphanumeric() && c != '-')
            .filter(|w| !w.is_empty())
    };
    let is_read = |w: &str| matches!(w, "read" | "reads");
    if !(words(cue.clone()).next().is_some_and(is_read)
        || words(cue.clone()).next_back().is_some_and(is_read))
    {
        return false;
    }
    let from = text[..cue.start]
        .rfind(['.', '!', '?', '\n'])
        .map_or(0, |p| p + 1);
    !words(from..cue.end).skip(1).any(is_capitalised)
}

/// Whether a quotation without a cue reads as someone's words rather than a term or title: at
/// least two words, not title-cased, and either standing as its own sentence or a long
/// capitalised statement.
fn speech_like(text: &str, span: &Span, toks: &[Tok], t: usize) -> bool {
    let content = &text[span.inner.clone()];
    // Up to four words: as many as the tests below ask about.
    let words = content.split_whitespace().take(4).count();
    if words < 2 {
        return false;
    }
    let ends_sentence = content.ends_with(['.', '!', '?', ',']);
    let title_like = content
        .split_whitespace()
        .all(|w| w.starts_with(|c: char| c.is_uppercase() || !c.is_alphabetic()));
    // `"The Kid Who Would Be King."`: a title keeps its capitals even when American style
    // puts the sentence's full stop inside the marks.
    if title_like && (!ends_sentence || words >= 3) {
        return false;
    }
    let own_sentence = t == 0
        || matches!(
            toks[t - 1].kind,
            TokKind::Stop | TokKind::Colon | TokKind::Quote(_)
        );
    own_sentence || (content.starts_with(char::is_uppercase) && words >= 4)
}

/// Whether a quotation inside a sentence is the title of a work, a show or a product (`on
/// CBS' “Face the Nation.”`, `an app called "Pocket Ledger"`): two to eight words, every one
/// capitalised but the short words a title leaves in lower case, right after a word of the
/// sentence. Words someone says open their own sentence or follow a comma or colon, and say
/// more than a name.
fn names_a_title(text: &str, span: &Span, toks: &[Tok], t: usize) -> bool {
    // `a “21st Century Fagin”`: after `a` it is an epithet someone coined, not a title.
    // A plural possessive's apostrophe (`on CBS’ “…”`) stands apart from its word. Asked
    // first: it rules out most quotations without a look at their words.
    let p = match t.checked_sub(1).map(|p| (p, &text[toks[p].range.clone()])) {
        Some((p, "’" | "'")) if p > 0 => p - 1,
        Some((p, _)) => p,
        None => return false,
    };
    let after_word = toks[p].kind == TokKind::Word
        && !matches!(&text[toks[p].range.clone()], "a" | "an" | "A" | "An");
    let content = &text[span.inner.clone()];
    if !after_word || content.ends_with(['?', '!', ',']) {
        return false;
    }
    // Nine words at most: a longer quotation is no title, and novels quote long.
    let words = || content.split_whitespace().take(9);
    if !(2..=8).contains(&words().count()) {
        return false;
    }
    let minor = |w: &str| {
        matches!(
            w,
            "the" | "of" | "and" | "a" | "an" | "in" | "on" | "at" | "to" | "for" | "with" | "or"
        )
    };
    // Every part of a hyphened word: `Las Vegas-style` is a compound adjective, not a title.
    let capital = |w: &str| {
        w.split('-')
            .all(|p| p.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit()))
    };
    words().all(|w| capital(w) || minor(w))
        && words().next().is_some_and(capital)
        && words().last().is_some_and(capital)
}

/// Whether the words around quotation token `t` mark it as a name or a term rather than someone's
/// words: `so-called "…"`, `known as "…"`, `the phrase "…"`, a passive naming verb with no agent
/// (`what has been dubbed "…"`), or a noun for a
/// coined phrase right after it (`the "boys will be boys" trope`). English uses these frames to
/// talk *about* an expression; reported speech needs none of them.
fn named_term(text: &str, toks: &[Tok], t: usize) -> bool {
    let word = |i: usize| tokens::word_at(text, toks, i);
    let term_noun = |w: &str| {
        let mut buf = [0; 16];
        matches!(
            lexicon::lower(w, &mut buf),
            "term"
                | "word"
                | "phrase"
                | "expression"
                | "slogan"
                | "motto"
                | "catchphrase"
                | "mantra"
                | "hashtag"
                | "nickname"
                | "moniker"
                | "tagline"
                | "buzzword"
                | "byword"
                | "cliché"
                | "cliche"
                | "trope"
        )
    };
    let Some(prev) = t.checked_sub(1).and_then(word) else {
        return word(t + 1).is_some_and(term_noun);
    };
    let (mut buf, mut buf2) = ([0; 16], [0; 16]);
    let prev2 = t
        .checked_sub(2)
        .and_then(word)
        .map(|w| lexicon::lower(w, &mut buf2));
    let framed = match lexicon::lower(prev, &mut buf) {
        "so-called" => true,
        "as" => matches!(prev2, Some("known" | "referred")),
        "dubbed" | "nicknamed" | "termed" | "labelled" | "labeled" | "branded" | "named"
        | "called" => {
            // `was dubbed "…"`, and the participle opening a phrase (`Originally dubbed "…"`,
            // `a plan, dubbed "…"`): a name given, not words said.
            match prev2 {
                None => true,
                Some(w) => {
                    matches!(
                        w,
                        "been" | "being" | "be" | "is" | "are" | "was" | "were" | "also" | "once"
                    ) || lexicon::is_ly_adverb(w)
                }
            }
        }
        // `the phrase "…"`, not `a longer term "…"` (there the noun qualifies what follows).
        w => {
            term_noun(w)
                && matches!(
                    prev2,
                    Some("the" | "a" | "an" | "this" | "that" | "its" | "his" | "her" | "their")
                )
        }
    };
    framed || word(t + 1).is_some_and(term_noun)
}

/// Whether quotation token `t` is one word the writer's clause runs through (`limit "free"
/// sugars`, `predicts "renovictions" will rise`): a word of the sentence before it and a
/// lower-case word after it that goes on with the same phrase. A single word set in marks in
/// the middle of a clause is the writer's term or scare quote, whoever the sentence says spoke;
/// a quoted word ends its clause (`called it "silly."`, `"bold" and based on…`) or stands on
/// its own (`two words: "Welcome"`) when it reports what someone said. A word after a linking
/// verb (`results were "respectable" in a hard year`, `could be "crippled" by it`) is the
/// predicate, the judgement the sentence reports, and a term seldom stands there.
fn word_in_clause(text: &str, span: &Span, toks: &[Tok], t: usize) -> bool {
    let content = &text[span.inner.clone()];
    // The cheap questions first: one word, no punctuation of its own at the end.
    if content.contains(char::is_whitespace)
        || content.ends_with(|c: char| c.is_ascii_punctuation())
    {
        return false;
    }
    let word_at = |i: usize| {
        toks.get(i)
            .filter(|tok| tok.kind == TokKind::Word)
            .map(|tok| &text[tok.range.clone()])
    };
    let Some(next) = word_at(t + 1) else {
        return false;
    };
    let Some(before) = t.checked_sub(1).and_then(word_at) else {
        return false;
    };
    next.starts_with(char::is_lowercase)
        && !matches!(next, "and" | "or" | "but" | "nor")
        && !is_linking_verb(before)
}

/// A verb that links its subject to a predicate (`were`, `seems`, `proved`): what follows is
/// said of the subject rather than named.
fn is_linking_verb(word: &str) -> bool {
    matches!(
        word.to_ascii_lowercase().as_str(),
        "is" | "are"
            | "was"
            | "were"
            | "be"
            | "been"
            | "being"
            | "am"
            | "seem"
            | "seems"
            | "seemed"
            | "remain"
            | "remains"
            | "remained"
            | "prove"
            | "proves"
            | "proved"
            | "proven"
            | "become"
            | "becomes"
            | "became"
            | "appear"
            | "appears"
            | "appeared"
            | "sound"
            | "sounds"
            | "sounded"
    )
}

/// Records every person the paragraph names outside quotations, for aliases and pronouns, and
/// every `he` or `she` of its prose as a mention of the person it refers to: the pronouns keep a
/// person the subject of the discourse (`Roe lives alone. She sold the farm.`) and tell the
/// gender. `near` is where the previous paragraph starts.
fn register_mentions(text: &str, toks: &[Tok], reg: &mut Registry, near: usize) {
    let word = |i: usize| tokens::word_at(text, toks, i);
    let mut i = 0;
    let mut words: Vec<&str> = Vec::new();
    while i < toks.len() {
        let Some(w) = word(i) else {
            if let TokKind::Quote(_) = toks[i].kind {
                learn_quoted_names(text, toks[i].range.clone(), reg);
            }
            i += 1;
            continue;
        };
        let the = matches!(w, "the" | "The");
        if the && word(i + 1).is_some_and(|n| reg.may_start_role(n)) {
            // `the Tory leader`: a known person's role standing for the person.
            for n in [3, 2] {
                let phrase: Vec<&str> = (i + 1..i + 1 + n).filter_map(word).collect();
                if phrase.len() == n
                    && let Some(id) = reg.by_role(&phrase)
                {
                    let range = toks[i].range.start..toks[i + n].range.end;
                    // `…, the Tory leader said.`: a role that speaks is its sentence's subject.
                    let subject = opens_sentence(toks, i) || speaks_next(text, toks, i + 1 + n);
                    reg.mention(range, id, subject, false);
                    break;
                }
            }
        }
        if let Some(gender) = subject_pronoun(w).or_else(|| {
            // A sentence whose subject is the person's (`Her message is simple.`) is about the
            // person as much as one that opens with `She`.
            let g = match w {
                "His" => lexicon::Gender::Male,
                "Her" => lexicon::Gender::Female,
                _ => return None,
            };
            // Not when the sentence names someone (`His leader, Ann Roe, argued`): it is
            // about them.
            let names_someone = toks[i + 1..]
                .iter()
                .take_while(|t| t.kind != TokKind::Stop)
                .any(|t| {
                    let w = &text[t.range.clone()];
                    t.kind == TokKind::Word && is_capitalised(w) && !is_capitalised_function_word(w)
                });
            (opens_sentence(toks, i) && !names_someone).then_some(g)
        }) {
            // `he` and `she` are always the subject of their clause.
            let range = toks[i].range.clone();
            if let Some(id) = reg.antecedent(range.start, gender, near) {
                reg.take_up(id, gender);
                reg.mention(range, id, true, false);
            }
            i += 1;
            continue;
        }
        // Asked of every word: the cheap questions first.
        if w.starts_with(|c: char| c.is_ascii_uppercase())
            && i > 0
            && matches!(word(i - 1), Some("the" | "The"))
            && lexicon::is_nationality(w)
        {
            described_by_nationality(text, toks, reg, i, near);
        }
        if the && opens_clause(text, toks, i) {
            described_subject(text, toks, reg, i, near);
        }
        if !is_capitalised(w) || is_capitalised_function_word(w) {
            if attribution::is_anonymous_noun(w) {
                unnamed_source(text, toks, reg, i);
            } else if names::is_institution_noun(w) && speaks_next(text, toks, i + 1) {
                described_body(text, toks, reg, i);
            }
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
            // `Mike Friday's England side`: a given name and a possessive surname name the
            // owner, a person; the capitals after it name what the person has.
            if lexicon::is_possessive(n)
                && end - start >= 2
                && word(start)
                    .is_some_and(|f| lexicon::given_name_gender(f) != lexicon::Gender::Unknown)
            {
                break;
            }
        }
        // `Knights of the Old Republic`, `Friends of the Earth`: capitals after `of the` that
        // follow a capitalised word which is no role (`Chairman of the Federal Reserve` names
        // a body) nor a person's name (`Tom Reed of the Harbour Trust`: the body he is from)
        // end a longer name, of a work or a body; they are no body or person of their own
        // that `the company` could mean. A person named in the run (`… Sir Tom Kay`, a
        // given name) or a run that speaks keeps its reading.
        if start >= 3
            && matches!(word(start - 1), Some("the"))
            && word(start - 2) == Some("of")
            && word(start - 3).is_some_and(|p| {
                is_capitalised(p)
                    && !is_capitalised_function_word(p)
                    && !is_role_word(p)
                    && lexicon::honorific(p).is_none()
                    && lexicon::kept_title(p).is_none()
                    && reg.known_surname(p).is_none()
            })
            && (start..end).filter_map(word).all(|n| {
                lexicon::honorific(n).is_none()
                    && lexicon::kept_title(n).is_none()
                    && lexicon::given_name_gender(n) == lexicon::Gender::Unknown
                    && !is_role_word(n)
            })
            && !speaks_next(text, toks, end)
        {
            i = end;
            continue;
        }
        // The noun follows a determiner or a description (`his war comic`), not a name (`the
        // Today programme Mr Kay`), and a title opens no name with `Mr`.
        if start > 1
            && word(start - 1).is_some_and(lexicon::is_work_noun)
            && word(start - 2).is_some_and(|w| !is_capitalised(w))
            && lexicon::honorific(w).is_none()
        {
            // `his war comic Forgotten Grunt: The Undead Soldier`, `the film Indiana Jones`: the
            // title of a work (and its subtitle), whose characters are nobody in the article.
            let title: Vec<&str> = (start..end)
                .filter_map(word)
                .map(lexicon::strip_possessive)
                .collect();
            // `will play Arsenal`, `the single Mum`: a verb's object or a word of two
            // senses is no title to remember.
            // `the comic Cyril Fletcher`: a given name opens a person's name, whom a noun of
            // two senses describes.
            if !word(start - 1).is_some_and(|n| matches!(n, "play" | "single" | "show" | "game"))
                && title
                    .first()
                    .is_some_and(|f| lexicon::given_name_gender(f) == lexicon::Gender::Unknown)
            {
                reg.works.insert(title.join(" "));
            }
            i = end;
            if toks.get(end).map(|t| t.kind) == Some(TokKind::Colon) {
                while word(i + 1).is_some_and(is_capitalised) {
                    i += 1;
                }
                i += 1;
            }
            continue;
        }
        // `the Commons science and technology committee`: BBC style writes a body's name in
        // lower case after its proper modifier; the whole phrase names the body that a later
        // `the committee` means.
        if start > 0 && word(start - 1).is_some_and(|d| d == "the" || d == "The") {
            let mut k = end;
            while k < end + 4
                && word(k).is_some_and(|w| {
                    w == "and"
                        || (w.chars().all(|c| c.is_ascii_lowercase() || c == '-')
                            && !lexicon::is_determiner(w)
                            && !names::is_institution_noun(w)
                            && !is_person_noun(w))
                })
            {
                k += 1;
            }
            if k > end
                && word(k).is_some_and(names::is_institution_noun)
                && word(k - 1) != Some("and")
            {
                let range = toks[start].range.start..toks[k].range.end;
                let name: Vec<&str> = (start..=k).filter_map(word).collect();
                let subject = org_subject(text, toks, start - 1, k + 1);
                reg.org_mention(range, &name.join(" "), false, subject);
            }
        }
        if let Some((first, acronym)) = acronym_after(text, toks, end) {
            // `Export Development Canada (EDC)`: a body, and `EDC` is its short name.
            let name: Vec<&str> = (first..end)
                .filter_map(word)
                .map(lexicon::strip_possessive)
                .collect();
            let range = toks[first].range.start..toks[end - 1].range.end;
            let subject = org_subject(text, toks, first, end);
            let id = reg.org_mention(range, &name.join(" "), false, subject);
            reg.alias(acronym, id);
            i = end + 3;
            continue;
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
        // `WATCH:` or `READ MORE:` opening a paragraph is a rubric, not a body. (A paragraph
        // that is only such a link, without quotations, never gets here: see [`is_signpost`].)
        if start == 0
            && toks.get(end).map(|t| t.kind) == Some(TokKind::Colon)
            && (start..end)
                .filter_map(word)
                .all(|w| !w.chars().any(char::is_lowercase))
        {
            i = end;
            continue;
        }
        words.clear();
        words.extend((role_start..end).filter_map(word));
        let split = names::split_name_opening(&words, opens_sentence(toks, role_start));
        // `the Mediterranean Sea`: a place, which never speaks (nor is it a person).
        let place = words
            .last()
            .is_some_and(|w| lexicon::is_place_word(lexicon::strip_possessive(w)));
        if let Some(team) = team_after_the(toks, &words, role_start, end, word) {
            // `the Toronto Raptors said`, `the Maple Leafs`: a team, which a later `the team`
            // or `the club` means, never a person.
            let subject = org_subject(text, toks, role_start, end);
            reg.org_mention(team.range, &team.name, team.weak, subject);
            i = end;
            continue;
        }
        if split.is_none()
            && !place
            && end - start >= 2
            && words
                .last()
                .is_some_and(|w| lexicon::is_body_word(lexicon::strip_possessive(w)))
        {
            // `the U.S. State Department`, `the Foreign Ministry`: an office named by its role.
            let range = toks[start].range.start..toks[end - 1].range.end;
            let name: Vec<&str> = (start..end)
                .filter_map(word)
                .map(lexicon::strip_possessive)
                .collect();
            let weak = word(end - 1).is_some_and(lexicon::is_possessive);
            let subject = org_subject(text, toks, start, end);
            reg.org_mention(range, &name.join(" "), weak, subject);
        }
        if let Some(split) = split {
            let single = split.name.len() == 1;
            // `Senator Roe`, not `Former France centre` (a modifier alone is no title).
            let titled_role = split
                .role
                .last()
                .is_some_and(|w| is_role_word(w) && is_capitalised(w) && !lexicon::changes_role(w));
            // `Okafor said he …`: one word that speaks and is then `he` or `she` is a person.
            let speaks_as_person = || {
                let w = lexicon::strip_possessive(split.name[0]);
                !lexicon::is_body_word(w)
                    && !lexicon::is_nationality(w)
                    && !is_acronym(w)
                    && speaks_next(text, toks, end)
                    && pronoun_after(text, toks, end).is_some()
            };
            // `Okafor, 52,`, `Okafor, speaking to reporters,`: an appositive only a person
            // takes; `the Moroccan, 30,` is a description, not a name.
            let lone_person = || {
                let w = split.name[0];
                let described = start > 0 && word(start - 1).is_some_and(lexicon::is_determiner);
                !(lexicon::is_possessive(w)
                    || lexicon::is_body_word(w)
                    || lexicon::is_nationality(w)
                    || is_acronym(w)
                    || reg.places.contains(w)
                    || described)
                    && person_only_appositive(text, toks, end)
            };
            // `Simon Hart of the Countryside Alliance`, `the Rolling Stones said`: a person's
            // name takes no article, so capitals right after `the` with no title or role before
            // them name a body: one someone is of or from, or one that acts. A known given name
            // still opens a person's (`the Tony Blair who won in 1997`), and capitals before a
            // noun only modify it (`the Ana Ruiz doping case`, `in the Canadian Winter`).
            let body_after_the = role_start == start
                && start > 0
                && word(start - 1).is_some_and(|d| d == "the" || d == "The")
                && (start > 1
                    && word(start - 2).is_some_and(|p| {
                        matches!(p, "of" | "for" | "from" | "at" | "with" | "by" | "against")
                    })
                    || acts_next(text, toks, end))
                && !modifies_noun(text, toks, end)
                && split.role.is_empty()
                && !split.titled
                && split.name.len() >= 2
                && split
                    .name
                    .first()
                    .is_some_and(|f| lexicon::given_name_gender(f) == lexicon::Gender::Unknown);
            // `the Beige Book said`: a document's title after `the`, no one's name (a name
            // alone, `Graham Poll said`, is a man's).
            let document_title = start > 0
                && word(start - 1).is_some_and(|d| d == "the" || d == "The")
                && split.role.is_empty()
                && !split.titled
                && split
                    .name
                    .last()
                    .is_some_and(|w| lexicon::is_document_noun(lexicon::strip_possessive(w)));
            // `Bookmaker William Hill has stopped taking bets`: a business, named after its kind.
            let business = !split.titled
                && split.role.last().is_some_and(|w| {
                    let mut buf = [0; 16];
                    lexicon::is_business_noun(lexicon::lower(w, &mut buf))
                });
            // `Double Olympic champion Kelly Holmes`, `Lib Dem leader Charles Kennedy`: capitals
            // before a noun for a holder and the holder's name say what the holder is, and are
            // nobody themselves (no given name opens them, no surname the article gave).
            let holder_modifier = modifies_holder(text, toks, end)
                && words.iter().all(|w| {
                    lexicon::honorific(w).is_none()
                        && lexicon::kept_title(w).is_none()
                        && lexicon::given_name_gender(w) == lexicon::Gender::Unknown
                        && reg.known_surname(lexicon::strip_possessive(w)).is_none()
                });
            if business {
                let first = end - split.name.len();
                let range = toks[first].range.start..toks[end - 1].range.end;
                let name: Vec<&str> = split
                    .name
                    .iter()
                    .map(|w| lexicon::strip_possessive(w))
                    .collect();
                let weak = split.name.last().is_some_and(|w| lexicon::is_possessive(w));
                let subject = org_subject(text, toks, role_start, end);
                reg.org_mention(range, &name.join(" "), weak, subject);
            } else if !holder_modifier
                && (names::looks_like_person(&split)
                    && !document_title
                    && !body_after_the
                    && (reg.works.is_empty() || !reg.works.contains(&split.name.join(" ")))
                    || (single
                        && !reg.works.contains(split.name[0])
                        && (titled_role
                            || reg.known_surname(split.name[0]).is_some()
                            || reg.known_first(split.name[0]).is_some()
                            || speaks_as_person()
                            || lone_person())))
            {
                let first = end - split.name.len();
                let range = toks[first].range.start..toks[end - 1].range.end;
                // A person who acts (`Ann Roe, a nurse, agreed`) is the subject of the sentence
                // unless one named before is (`Roe said Tom Kay left`); a clause after `but`
                // has a subject of its own (`Ek won, but Roe is unfazed`).
                let from = clause_start(text, toks, role_start);
                let first_person = !reg
                    .mentions
                    .iter()
                    .rev()
                    .take_while(|m| m.pos >= from)
                    .any(|m| m.subject);
                let acts = first_person && acts_next(text, toks, end);
                let inverted = speaks_before(text, toks, role_start, end);
                // `Real Madrid director of sport Emilio Butragueno praised …`: capitals before a
                // holder's role say whose the role is; the holder is the subject.
                // `But captain Fabien Pelous sees hope`, `…, but France coach Ann Roe has …`: a
                // person's name opening a clause after a conjunction is its subject, unless it
                // names an owner (`But Wenger's Bayern counterpart Felix Magath`): a possessive,
                // or a noun and another name after it.
                let clause_subject = (opens_clause(text, toks, role_start)
                    || (after_contrast(text, toks, role_start)
                        && (split.name.len() >= 2 || !split.role.is_empty())))
                    && !words.iter().any(|w| lexicon::is_possessive(w))
                    && !(word(end).is_some_and(|n| n.starts_with(char::is_lowercase))
                        && word(end + 1).is_some_and(is_capitalised));
                let subject = (opens_sentence(toks, role_start)
                    || clause_subject
                    || speaks_next(text, toks, end)
                    || acts
                    || speaks_after_role(text, toks, end)
                    || according_to_before(text, toks, role_start)
                    || source_came_from(text, toks, role_start)
                    || (first_person && passive_agent(text, toks, role_start))
                    || inverted)
                    && !modifies_holder(text, toks, end)
                    // `Reacting to a remark by chairman Tom Kay, the American said`: the object
                    // of a preposition that opens no clause is no subject, whatever verb the
                    // description after the comma has (`according to` and `came from` name a
                    // source, and `said by` is inverted, above). A verb right after the name
                    // makes it one (`with Tanzania Mr Brown said`); only a role's lower-case
                    // words stand between (`at last Ann Roe, pale, said` is the subject).
                    && !(toks.get(end).is_some_and(|t| t.kind == TokKind::Comma)
                        && (!split.role.is_empty()
                            || role_start
                                .checked_sub(1)
                                .and_then(word)
                                .is_some_and(only_preposition))
                        && object_of_preposition(text, toks, role_start)
                        && !according_to_before(text, toks, role_start)
                        && !source_came_from(text, toks, role_start)
                        && !inverted);
                // `Espinos, who like Montalban was born in Mexico`: a person named to compare
                // with is nobody the next `he` or `the founder` means.
                let compared = role_start > 0
                    && word(role_start - 1)
                        .is_some_and(|w| matches!(w, "like" | "unlike" | "than"));
                let id = if compared {
                    let id = reg.person(&split, None);
                    reg.mention(range, id, false, true);
                    id
                } else {
                    let id = reg.person(&split, Some((range, subject)));
                    // A bare surname acting as the subject, not the object of a preposition
                    // (`following in the footsteps of Farrell would be …`, `Of Hepburn, she
                    // said`): the person named in full before.
                    if subject
                        && split.name.len() == 1
                        && !split.titled
                        && !role_start
                            .checked_sub(1)
                            .and_then(word)
                            .is_some_and(is_preposition)
                    {
                        reg.surname_acts(id, split.name[0]);
                    }
                    id
                };
                if let Some(age) = age_appositive(text, toks, end) {
                    reg.entities[id].age = Some(age);
                }
                let role = split.role.iter().any(|w| is_role_word(w))
                    || (split.role.is_empty()
                        && role_start == start
                        && start > 0
                        && word(start - 1).is_some_and(is_person_noun));
                if role
                    || person_appositive(text, toks, end)
                    || speaks_next(text, toks, end)
                    || inverted
                    || (acts && names::looks_like_person(&split))
                {
                    reg.confirm(id, lexicon::Gender::Unknown);
                }
                if let Some(g) = pronoun_after(text, toks, end) {
                    reg.confirm_gender(id, g);
                }
                if !compared && let Some(r) = appositive_role(text, toks, role_start, end) {
                    reg.give_role(id, &r);
                }
                // `American Robby Ginepri`, `fellow Scot Andy Murray`: what a later `the
                // American` means.
                // (Not `British Airways chief Rod Eddington`: capitals other than a title after
                // it name a body.)
                let before = &words[..words.len() - split.name.len()];
                if let Some(n) = before.iter().rposition(|w| lexicon::is_nationality(w))
                    && before[n + 1..]
                        .iter()
                        .all(|w| !is_capitalised(w) || is_role_word(w))
                {
                    reg.give_nationality(id, before[n]);
                } else if let Some(n) = nationality_around(text, toks, role_start, end) {
                    reg.give_nationality(id, n);
                }
            } else if !place
                && split
                    .role
                    .iter()
                    .all(|w| is_capitalised(w) && !is_role_word(w))
                && (body_after_the || {
                    // The whole capitalised run names the body (`Canadian Pacific Railway`),
                    // not only the last words a person's name would take.
                    let run = &words[words.len() - split.role.len() - split.name.len()..];
                    // A run all in capitals is a headline (`READ MORE`), unless one acronym.
                    (run.len() == 1 || !run.iter().all(|w| w.chars().all(|c| !c.is_lowercase())))
                        && (run.iter().any(|w| {
                            lexicon::is_body_word(lexicon::strip_possessive(w))
                                && !lexicon::is_nationality(w)
                                || is_acronym(w)
                        }) || named_as_body(text, toks, start, end))
                })
            {
                let n = split.role.len() + split.name.len();
                // `Israel's Teva Pharmaceuticals`: the body starts after a possessive.
                let n = words[words.len() - n..words.len() - 1]
                    .iter()
                    .rposition(|w| lexicon::is_possessive(w))
                    .map_or(n, |p| n - p - 1);
                let range = toks[end - n].range.start..toks[end - 1].range.end;
                let name: Vec<&str> = words[words.len() - n..]
                    .iter()
                    .map(|w| lexicon::strip_possessive(w))
                    .collect();
                let weak = split.name.last().is_some_and(|w| lexicon::is_possessive(w));
                let subject = org_subject(text, toks, end - n, end);
                reg.org_mention(range, &name.join(" "), weak, subject);
            } else if single
                && role_start == start
                && lone_actor(text, toks, reg, split.name[0], end)
            {
                // `Mulder didn't hesitate.`: a surname the article gives alone, acting. A person
                // only if a `he` or `she` takes it up next (Registry::antecedent).
                let range = toks[start].range.clone();
                let id = reg.person(&split, Some((range, true)));
                reg.mark_actor(id);
            } else if single
                && role_start == start
                && opens_sentence(toks, start)
                && lone_subject(text, toks, reg, split.name[0], end)
            {
                reg.lone_subjects
                    .push((toks[start].range.start, split.name[0].to_string()));
            }
        }
        i = end;
    }
}

/// Learns the persons a quotation names in full by a known given name (`"…that incident and
/// Mark Cueto's effort…"`), so that the prose's later `Cueto was also puzzled` is a person the
/// next `said the Sale player` or `he said` may mean. Speakers name the people the story then
/// turns to; a name in a quotation is no mention (nobody acts in the prose), so no pronoun
/// looks back to it until the prose names the person again.
fn learn_quoted_names(text: &str, range: Range<usize>, reg: &mut Registry) {
    let Some(inner) = text.get(range) else {
        return;
    };
    // Most words of a quotation are in lower case, and War and Peace is mostly quotation: jump
    // from capital to capital (or to a non-ASCII letter, which may be one) and look back at the
    // word before only there, instead of walking every word.
    let bytes = inner.as_bytes();
    let mut at = 0;
    while let Some(p) = next_may_open_capital(bytes, at) {
        // `at` is always a word's end, so the byte found opens a character.
        // A non-ASCII space (`\u{a0}`) is no word: step over it, or the search stands still.
        if let Some(c) = inner[p..].chars().next().filter(|c| c.is_whitespace()) {
            at = p + c.len_utf8();
            continue;
        }
        let start = word_start(inner, p);
        at = inner[p..]
            .find(char::is_whitespace)
            .map_or(inner.len(), |i| p + i);
        let w = trim_word(&inner[start..at]);
        if !w.starts_with(char::is_uppercase) {
            continue;
        }
        // The word itself is asked first (not `I`, not `OK`): the word before costs a walk back.
        let bare = lexicon::strip_possessive(w);
        if !(bare.len() > 1 && bare.chars().any(char::is_lowercase)) {
            continue;
        }
        let Some(given) = given_name_before(inner, start) else {
            continue;
        };
        if !is_capitalised_function_word(bare)
            && !is_role_word(bare)
            && !lexicon::is_body_word(bare)
            && !lexicon::is_nationality(bare)
            && !reg.places.contains(bare)
            && reg.known_surname(bare).is_none()
        {
            let words = [given, bare];
            if let Some(split) = names::split_name(&words)
                && split.name.len() == 2
            {
                reg.person(&split, None);
            }
        }
    }
}

/// The first byte at or after `from` that may open a capitalised word: an ASCII capital, or a
/// byte of a non-ASCII letter. A block at a time, as [`places`] looks: most blocks of a
/// quotation hold no capital, and a fold that does not stop early asks many bytes at once.
fn next_may_open_capital(bytes: &[u8], from: usize) -> Option<usize> {
    const BLOCK: usize = 32;
    let may_open_capital = |c: u8| c.is_ascii_uppercase() || c >= 0x80;
    let mut start = from;
    for block in bytes[from..].chunks(BLOCK) {
        if block
            .iter()
            .fold(false, |any, &c| any | may_open_capital(c))
        {
            return block
                .iter()
                .position(|&c| may_open_capital(c))
                .map(|k| start + k);
        }
        start += block.len();
    }
    None
}

/// A word without the marks around it (`"Mark,` → `Mark`), keeping an
/// apostrophe (`O'Neill`, `Cueto's`).
fn trim_word(raw: &str) -> &str {
    raw.trim_matches(|c: char| match c {
        '\'' | '’' => false,
        // The commonest marks outside ASCII, answered before `is_alphanumeric` looks them up
        // in Unicode's tables (twice: letters, then numerals).
        '“' | '”' | '‘' | '—' | '–' => true,
        c => !c.is_alphanumeric(),
    })
}

/// Where the whitespace-delimited word holding byte `p` of `s` starts.
fn word_start(s: &str, p: usize) -> usize {
    s[..p]
        .char_indices()
        .rev()
        .find(|(_, c)| c.is_whitespace())
        .map_or(0, |(i, c)| i + c.len_utf8())
}

/// The given name that the word starting at `start` follows in the same run of words (`Mark`
/// before `Cueto's`): capitalised, with no comma or stop after it, and not a word as well
/// opening a sentence, where a capital shows nothing (`Will Rooney play?`).
fn given_name_before(s: &str, start: usize) -> Option<&str> {
    let before = s[..start].trim_end();
    if before.is_empty() {
        return None;
    }
    let prev_start = word_start(before, before.len());
    let raw = &before[prev_start..];
    if raw.ends_with(|c: char| !c.is_alphanumeric() && c != '\'' && c != '’') {
        return None;
    }
    let w = trim_word(raw);
    if !w.starts_with(char::is_uppercase)
        || lexicon::given_name_gender(w) == lexicon::Gender::Unknown
    {
        return None;
    }
    let earlier = before[..prev_start].trim_end();
    let opens = earlier.is_empty()
        || earlier.ends_with(['.', '!', '?', ':', '"', '“', '”'])
        || earlier
            .trim_end_matches(['"', '”', '’', '\''])
            .ends_with(['.', '!', '?']);
    (!(opens && is_word_as_well(w))).then_some(w)
}

/// A given name that is an English word as well (`Will`, `Mark`, `Bill`): opening a sentence it
/// is more likely the word.
fn is_word_as_well(w: &str) -> bool {
    matches!(
        w,
        "Will"
            | "May"
            | "Mark"
            | "Bill"
            | "Grace"
            | "Rose"
            | "Hope"
            | "Joy"
            | "Art"
            | "Pat"
            | "Don"
            | "Guy"
            | "Rob"
            | "Sue"
            | "Jack"
            | "Frank"
            | "Bob"
            | "Ray"
            | "Dawn"
            | "Faith"
            | "Drew"
            | "Chase"
            | "Dean"
            | "Miles"
            | "Lance"
            | "Carol"
            | "June"
            | "April"
            | "Sky"
            | "Ben"
    )
}

/// A team named after `the` (see [`names::is_team_name`]): its name, byte range and whether
/// the mention is a possessive.
struct Team {
    name: String,
    range: Range<usize>,
    weak: bool,
}

/// The team the capitalised run `words` (tokens `start..end`) names, when `the` comes before
/// it and it has no given name in it. The cheap
/// test (`the` before the run) comes first: this runs for every capitalised run.
fn team_after_the<'t>(
    toks: &[Tok],
    words: &[&str],
    start: usize,
    end: usize,
    word: impl Fn(usize) -> Option<&'t str>,
) -> Option<Team> {
    if start == 0 || !matches!(word(start - 1), Some("the" | "The")) || words.is_empty() {
        return None;
    }
    // `the British Chambers of Commerce`, `the Friends of the Earth`: a name that runs on
    // with `of` is an institution's, which no nickname is.
    if word(end) == Some("of") {
        return None;
    }
    let bare: Vec<&str> = words.iter().map(|w| lexicon::strip_possessive(w)).collect();
    // A given name anywhere makes it a person's name after a party (`the Lib Dems David Laws`).
    if !names::is_team_name(&bare)
        || bare
            .iter()
            .any(|w| lexicon::given_name_gender(w) != lexicon::Gender::Unknown)
    {
        return None;
    }
    Some(Team {
        name: bare.join(" "),
        range: toks[start].range.start..toks[end - 1].range.end,
        weak: words.last().is_some_and(|w| lexicon::is_possessive(w)),
    })
}

/// `An executive spokeswoman insisted …` with no quotation in the sentence: the unnamed source
/// (head noun at token `head`, a verb of saying after it) is still the one a later `she said`
/// means, as much as a named person who spoke would be. The description runs back from the
/// noun to its determiner or a possessive (`Labour's spokesman`) over a few modifiers
/// (`A Department for Transport spokesman`); without one it is not a source phrase. A body
/// after `for`/`at`/`from` belongs to the description (`a spokesman for the Home Office said`
/// is the `Home Office spokesman`), so a later `the spokesman` is this one, not one before.
fn unnamed_source(text: &str, toks: &[Tok], reg: &mut Registry, head: usize) {
    let word = |i: usize| tokens::word_at(text, toks, i);
    // `according to a spokesman, …`: the phrase makes the description a source as much as a
    // verb of saying after it does; the next `he said` may take it up. Its determiner is a
    // few words back (`according to an ntl spokesman`).
    let according = || {
        (1..=6)
            .filter_map(|d| head.checked_sub(d))
            .find(|&j| matches!(word(j), Some("a" | "an" | "the" | "A" | "An" | "The")))
            .is_some_and(|j| {
                j >= 2
                    && word(j - 1) == Some("to")
                    && matches!(word(j - 2), Some("according" | "According"))
            })
    };
    // The body a postmodifier names, as token range, when the verb of saying follows it.
    let mut body: Option<Range<usize>> = None;
    if !speaks_next(text, toks, head + 1) {
        if matches!(word(head + 1), Some("for" | "at" | "from")) {
            let mut k = head + 2;
            if matches!(word(k), Some("the")) {
                k += 1;
            }
            let from = k;
            while k - from < 8
                && word(k).is_some_and(|n| {
                    (is_capitalised(n) && !is_capitalised_function_word(n))
                        || (matches!(n, "for" | "of" | "and" | "&")
                            && word(k + 1).is_some_and(is_capitalised))
                })
            {
                k += 1;
            }
            if k > from && (speaks_next(text, toks, k) || according()) {
                body = Some(from..k);
            } else if !according() {
                return;
            }
        } else if !according() {
            return;
        }
    }
    let mut start = None;
    let mut j = head;
    while j > 0 && head - j < 6 {
        let Some(p) = word(j - 1) else { break };
        if matches!(p, "a" | "an" | "the" | "A" | "An" | "The") {
            start = Some((j - 1, j));
            break;
        }
        if lexicon::is_possessive(p) && is_capitalised(p) {
            start = Some((j - 1, j - 1));
            break;
        }
        let modifier = (is_capitalised(p) && !is_capitalised_function_word(p))
            || matches!(p, "for" | "of" | "and" | "&")
            || (p.chars().all(|c| c.is_ascii_lowercase() || c == '-')
                && !lexicon::is_determiner(p)
                && !speaks_next_word(p)
                && !matches!(
                    p,
                    "to" | "by"
                        | "with"
                        | "from"
                        | "in"
                        | "on"
                        | "at"
                        | "that"
                        | "who"
                        | "as"
                        | "said"
                        | "was"
                        | "is"
                        | "has"
                        | "had"
                        | "but"
                        | "or"
                        | "not"
                ));
        if !modifier {
            break;
        }
        j -= 1;
    }
    let Some((det, desc_start)) = start else {
        return;
    };
    if det >= 2
        && toks[det - 1].kind == TokKind::Comma
        && reg
            .mentions
            .iter()
            .rev()
            .take(4)
            .any(|m| m.end == toks[det - 2].range.end)
    {
        // `Dan Okafor, a union official told …`: a role no comma closes, the person's own.
        return;
    }
    let desc: Vec<&str> = body
        .clone()
        .unwrap_or(0..0)
        .chain(desc_start..=head)
        .filter_map(word)
        .collect();
    let noun = desc.last().copied().unwrap_or_default();
    let id = if det == desc_start || !matches!(word(det), Some("the" | "The")) {
        None
    } else {
        reg.unnamed_with_head(noun)
    }
    .unwrap_or_else(|| reg.body(&desc.join(" "), SpeakerKind::Unnamed));
    if reg.entities[id].kind != SpeakerKind::Unnamed {
        return;
    }
    let gender = if noun.ends_with("woman") {
        lexicon::Gender::Female
    } else if noun.ends_with("man") {
        lexicon::Gender::Male
    } else {
        lexicon::Gender::Unknown
    };
    reg.confirm(id, gender);
    reg.confirm_gender(id, gender);
    let last = body.map_or(head, |b| b.end - 1);
    let range = toks[det].range.start..toks[last].range.end;
    reg.mention(range, id, true, false);
}

/// `The ministry said growth would slow. It added: "…"`: an institution the article describes
/// (`the ministry`, `the finance ministry`, `the party`; not `the company`, which the cue
/// reading already ties to the body named last) and that speaks (a verb of saying after its noun at token
/// `head`) is what a later `it` means, as much as a body named by its name. It stands for the
/// last body named with that noun, else it is a body of its own (`party`), the one a cue `the
/// party said` gives.
fn described_body(text: &str, toks: &[Tok], reg: &mut Registry, head: usize) {
    let word = |i: usize| tokens::word_at(text, toks, i);
    let mut det = head;
    while det > 0 && head - det < 3 {
        match word(det - 1) {
            Some("the" | "The") => break,
            Some(p) if p.chars().all(|c| c.is_ascii_lowercase() || c == '-') => det -= 1,
            _ => return,
        }
    }
    if det == 0
        || !matches!(word(det - 1), Some("the" | "The"))
        || (det >= 2 && matches!(word(det - 2), Some("for" | "of" | "at" | "from")))
    {
        // `a spokesman for the club said`: the club is who the spokesman speaks for.
        return;
    }
    let pos = toks[det - 1].range.start;
    let noun = word(head).unwrap_or_default();
    // Only a body whose name has the noun (`the Finance Ministry` for `the ministry`): the body
    // named last may be another one (`the Guardian` before `the party said`).
    let named = reg.last_org_like(pos, noun).filter(|&id| {
        reg.entities[id]
            .name
            .split(' ')
            .any(|w| w.eq_ignore_ascii_case(noun))
    });
    let id = match named {
        Some(id) => id,
        None => {
            let desc: Vec<&str> = (det..=head).filter_map(word).collect();
            reg.body(&desc.join(" "), SpeakerKind::Organisation)
        }
    };
    if reg.entities[id].kind != SpeakerKind::Organisation {
        return;
    }
    reg.org_mention_of(pos..toks[head].range.end, id, true);
}

/// An acronym in brackets after the name ending at token `end` whose letters are the initials
/// of the name's capitalised words (`World Trade Organisation (WTO)`, `Securities and
/// Exchange Commission (SEC)`): the token where the full name starts, and the acronym.
fn acronym_after<'t>(text: &'t str, toks: &[Tok], end: usize) -> Option<(usize, &'t str)> {
    let tok = |i: usize| toks.get(i).map(|t| (t.kind, &text[t.range.clone()]));
    if tok(end)? != (TokKind::Other, "(") || tok(end + 2)?.1 != ")" {
        return None;
    }
    let (TokKind::Word, acronym) = tok(end + 1)? else {
        return None;
    };
    if !(2..=6).contains(&acronym.len()) || !acronym.chars().all(|c| c.is_ascii_uppercase()) {
        return None;
    }
    // Walk back over the name, matching initials from the acronym's last letter.
    let letters = acronym.as_bytes();
    let mut matched = 0;
    let mut k = end;
    while k > 0 && matched < letters.len() {
        let (TokKind::Word, w) = tok(k - 1)? else {
            return None;
        };
        if matches!(w, "of" | "and" | "for" | "the" | "&") {
            k -= 1;
            continue;
        }
        if w.as_bytes().first() != Some(&letters[letters.len() - 1 - matched]) {
            return None;
        }
        matched += 1;
        k -= 1;
    }
    (matched == letters.len()).then_some((k, acronym))
}

/// Whether the name at tokens `start..end` is given as a body: after a noun for one (`retail
/// giant Unilever`, `drugmaker Novartis`) or before `, which` (`Novartis, which …`).
fn named_as_body(text: &str, toks: &[Tok], start: usize, end: usize) -> bool {
    let word = |i: usize| tokens::word_at(text, toks, i);
    let noun_before = start > 0
        && word(start - 1).is_some_and(|w| {
            w.starts_with(char::is_lowercase) && (lexicon::is_body_noun(w) || w.ends_with("maker"))
        });
    let which_after =
        toks.get(end).map(|t| t.kind) == Some(TokKind::Comma) && word(end + 1) == Some("which");
    noun_before || which_after
}

/// The role an appositive gives the name at tokens `start..end`, between commas after it
/// (`Lord Hale, a former Labour minister, said`) or before it (`criticised by Ofsted chief,
/// David Bell,`): a short phrase of words ending in a noun for a person, without its
/// determiner. A later `the minister` or `the Ofsted chief` means the named person.
fn appositive_role<'a>(
    text: &'a str,
    toks: &[Tok],
    start: usize,
    end: usize,
) -> Option<Vec<&'a str>> {
    let word = |i: usize| tokens::word_at(text, toks, i);
    let is_comma = |i: usize| toks.get(i).map(|t| t.kind) == Some(TokKind::Comma);
    let closes = |i: usize| {
        matches!(
            toks.get(i).map(|t| t.kind),
            Some(TokKind::Comma | TokKind::Stop) | None
        )
    };
    // A phrase that says what one is: no verb, clause or preposition inside it (`, who …`,
    // `, speaking on Monday,`, `, from Leeds,`), a person noun at its end.
    let role = |r: Range<usize>| -> Option<Vec<&'a str>> {
        let words: Vec<&str> = r.clone().map_while(word).collect();
        if words.len() != r.len() || words.is_empty() || words.len() > 5 {
            return None;
        }
        let words = match words.first() {
            Some(w) if lexicon::is_determiner(w) => words[1..].to_vec(),
            _ => words,
        };
        let head = *words.last()?;
        let plain = words.iter().all(|w| {
            !is_capitalised_function_word(w)
                && !matches!(
                    *w,
                    "who"
                        | "whose"
                        | "which"
                        | "that"
                        | "and"
                        | "or"
                        | "of"
                        | "for"
                        | "from"
                        | "at"
                        | "in"
                        | "on"
                        | "with"
                        | "to"
                        | "by"
                        | "is"
                        | "was"
                        | "has"
                )
                && (w.len() <= 4 || !w.ends_with("ing"))
        });
        (plain
            && words.iter().any(|w| w.starts_with(char::is_lowercase))
            && (is_role_word(head) || is_person_noun(head)))
        .then_some(words)
    };
    if is_comma(end) {
        let close = (end + 1..end + 7).find(|&i| word(i).is_none())?;
        if closes(close)
            && let Some(r) = role(end + 1..close)
        {
            return Some(r);
        }
    }
    // `Ofsted chief, David Bell,`: the role before a comma, the name closed by another.
    if start >= 2 && is_comma(start - 1) && closes(end) {
        let mut open = start - 1;
        while open > 0
            && start - 1 - open < 4
            && word(open - 1).is_some_and(|w| {
                is_role_word(w)
                    || is_person_noun(w)
                    || (is_capitalised(w) && !is_capitalised_function_word(w))
            })
        {
            open -= 1;
        }
        if open < start - 1 {
            return role(open..start - 1);
        }
    }
    None
}

/// Whether the words after a name at token `end` describe a person: `, a lawyer,` `, 45,`
/// `, who …`, `, UK economist at RBS, said` — but not `, a non-profit agency`.
fn person_appositive(text: &str, toks: &[Tok], end: usize) -> bool {
    let word = |i: usize| tokens::word_at(text, toks, i);
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
        .any(|w| w.starts_with(char::is_lowercase) && lexicon::is_body_noun(w))
        && !person_headed(&chunk)
    {
        return false;
    }
    let after = end + 1 + chunk.len();
    matches!(first, "a" | "an" | "the")
        || chunk.iter().any(|w| is_person_noun(w))
        || (toks.get(after).map(|t| t.kind) == Some(TokKind::Comma)
            && speaks_next(text, toks, after + 1))
}

/// Whether the name ending at token `end` is followed by an appositive that only a person takes:
/// an age (`, 52,`) or a participle of speaking (`, speaking to reporters,`). Unlike
/// [`person_appositive`] no noun phrase (`, the capital,`) counts, nor `who`: British English
/// gives a team or a body `who` as readily as a person (`Leicester, who signed him`).
fn person_only_appositive(text: &str, toks: &[Tok], end: usize) -> bool {
    if toks.get(end).map(|t| t.kind) != Some(TokKind::Comma) {
        return false;
    }
    let Some(first) = tokens::word_at(text, toks, end + 1) else {
        return false;
    };
    matches!(first, "speaking" | "talking") || age_appositive(text, toks, end).is_some()
}

/// Whether an appositive's first noun phrase ends in a person noun (`a union official told`,
/// `the company's founder`), whatever body nouns modify it; `a company that …` is a body.
fn person_headed(chunk: &[&str]) -> bool {
    let phrase = chunk
        .iter()
        .position(|w| {
            matches!(
                *w,
                "of" | "at" | "for" | "in" | "with" | "from" | "that" | "which" | "who" | "whose"
            ) || speaks_next_word(w)
        })
        .map_or(chunk, |p| &chunk[..p]);
    phrase.last().is_some_and(|w| {
        is_person_noun(w) || matches!(*w, "official" | "aide" | "insider" | "source")
    })
}

/// A lower-case noun for what a person is or does, written before a name (`barber Robert
/// Wu`, `tenants advocate Josh Ma`): a role word or a word with a suffix for a doer.
fn is_person_noun(word: &str) -> bool {
    if !word.starts_with(char::is_lowercase) || word.len() < 5 {
        return false;
    }
    if lexicon::is_body_noun(word) {
        return false;
    }
    if is_role_word(word) {
        return true;
    }
    // Words with a doer's suffix that are no nouns.
    if matches!(
        word,
        "after"
            | "under"
            | "over"
            | "other"
            | "either"
            | "neither"
            | "never"
            | "ever"
            | "later"
            | "whether"
            | "rather"
            | "together"
            | "however"
            | "whatever"
            | "whenever"
            | "current"
            | "recent"
            | "different"
            | "present"
            | "meant"
            | "went"
            | "sent"
            | "spent"
            | "want"
            | "important"
    ) {
        return false;
    }
    [
        "er", "or", "ist", "ant", "ent", "ian", "ee", "ate", "man", "woman", "person", "ess",
    ]
    .iter()
    .any(|s| word.ends_with(s))
}

/// An acronym for a body (`BBC`, `SEC`, the `EU`, which speaks as one: `the EU said`): two
/// to six capitals, not a title (`CEO`, `MP`) nor a country.
fn is_acronym(word: &str) -> bool {
    let w = lexicon::strip_possessive(word);
    (2..=6).contains(&w.len())
        && w.chars().all(|c| c.is_ascii_uppercase())
        && !matches!(
            w,
            "CEO"
                | "CFO"
                | "COO"
                | "CTO"
                | "MP"
                | "MEP"
                | "MPP"
                | "MLA"
                | "QC"
                | "PM"
                | "TV"
                | "US"
                | "UK"
                | "USA"
                | "AM"
                | "OK"
                | "READ"
                | "MORE"
                | "UPDATE"
        )
}

/// Whether the lone capitalised word `w`, ending at token `end`, acts as the first subject of
/// its sentence (`Whenever asked, Okafor didn't hesitate.`) and is no body, nationality, acronym,
/// brand or place the article names (`in Ottawa`). Only after a fronted clause: a sentence's
/// first word may be any word, and news opens sentences with countries and companies acting
/// (`Libya has withdrawn`) far more often than with a surname it gave nowhere else.
fn lone_actor(text: &str, toks: &[Tok], reg: &Registry, w: &str, end: usize) -> bool {
    if lexicon::is_possessive(w)
        || reg.works.contains(w)
        || lexicon::is_body_word(w)
        || lexicon::is_nationality(w)
        || is_acronym(w)
        || is_capitalised_function_word(w)
        || reg.places.contains(w)
        || toks.get(end).is_some_and(|t| t.kind == TokKind::Comma)
        || !w.chars().all(|c| c.is_alphabetic() || c == '-')
        || end < 2
        || toks[end - 2].kind != TokKind::Comma
    {
        return false;
    }
    // Capitals inside a word make a brand (`TransLink`), except in Mc and Mac names.
    let inner = w.chars().skip(1).filter(|c| c.is_uppercase()).count();
    if inner > 0 && !(inner == 1 && (w.starts_with("Mc") || w.starts_with("Mac"))) {
        return false;
    }
    let from = sentence_start(toks, end.saturating_sub(1));
    let first = !reg
        .mentions
        .iter()
        .rev()
        .take_while(|m| m.pos >= from)
        .any(|m| m.subject);
    first && acts_next(text, toks, end)
}

/// Whether the lone capitalised word `w` opening its sentence at token `end - 1` acts as its
/// subject (`Shell told investors`, `Microsoft has said`) and is no possessive, nationality,
/// place or acronym-less function word: a bare name a later `the company` may mean.
fn lone_subject(text: &str, toks: &[Tok], reg: &Registry, w: &str, end: usize) -> bool {
    !(lexicon::is_possessive(w)
        || reg.works.contains(w)
        || lexicon::is_nationality(w)
        || is_capitalised_function_word(w)
        || reg.places.contains(w)
        || lexicon::given_name_gender(w) != lexicon::Gender::Unknown
        || people_noun(w))
        && w.chars().all(|c| c.is_alphanumeric() || c == '-')
        && (finite_verb_at(text, toks, end) || present_verb_at(text, toks, end))
}

/// A present tense in `-s` at token `k` with an object or infinitive after it (`Kraft plans
/// to cut`, `Shell owns the site`): a business named alone acts in the present as often as in
/// the past. Not the `-ss` and `-us` of nouns (`press`, `bonus`).
fn present_verb_at(text: &str, toks: &[Tok], k: usize) -> bool {
    let word = |i: usize| tokens::word_at(text, toks, i);
    word(k).is_some_and(|w| {
        w.len() > 3
            && w.starts_with(char::is_lowercase)
            && w.ends_with('s')
            && !w.ends_with("ss")
            && !w.ends_with("us")
            && !w.ends_with("is")
            // `Some contributors to the forums`: a plural noun for people, not a verb.
            && !is_person_noun(&w[..w.len() - 1])
    }) && word(k + 1).is_some_and(|n| n == "to" || lexicon::is_determiner(n))
}

/// `Analysts said`, `Critics argue`: a sentence-opening plural of a noun for people (its
/// capital only opens the sentence) names people, not a business.
fn people_noun(w: &str) -> bool {
    let Some(stem) = w.strip_suffix('s') else {
        return false;
    };
    let lower = stem.to_lowercase();
    is_person_noun(&lower) || is_role_word(&lower)
}

/// Capitalised words the article puts after `in`, `across`, `near`, `outside` or `throughout`:
/// places, which a lone capitalised subject (`Ottawa has agreed`) may be, and a person is not.
fn places(text: &str) -> FxHashSet<String> {
    // Bytes per block of the loop below (one bit each in a `u32`).
    const BLOCK: usize = 32;
    let bytes = text.as_bytes();
    let mut places = FxHashSet::default();
    // A byte that may open a capitalised word: an ASCII capital, or a byte of a non-ASCII
    // letter. Far rarer than a space, so it is asked first; only then whether a space stands
    // before it.
    let may_open_capital = |c: u8| c.is_ascii_uppercase() || c >= 0x80;
    // A bit per byte of a block that may open a capital: where to look.
    let capital_bits = |block: &[u8]| {
        block.iter().enumerate().fold(0u32, |bits, (k, &c)| {
            bits | u32::from(may_open_capital(c)) << k
        })
    };
    let mut look = |start: usize, mut capitals: u32| {
        while capitals != 0 {
            let next = start + capitals.trailing_zeros() as usize;
            capitals &= capitals - 1;
            if next > 0
                && bytes[next - 1].is_ascii_whitespace()
                && let Some(place) = place_at(text, next)
            {
                places.insert(place.to_string());
            }
        }
    };
    // A byte loop over the whole article, a block at a time: most blocks of prose hold no
    // capital at all, and folds that do not stop early over blocks of a length known when
    // compiling let the compiler ask the question of many bytes at once.
    let (blocks, tail) = bytes.as_chunks::<BLOCK>();
    for (b, block) in blocks.iter().enumerate() {
        if block
            .iter()
            .fold(false, |any, &c| any | may_open_capital(c))
        {
            look(b * BLOCK, capital_bits(block));
        }
    }
    look(bytes.len() - tail.len(), capital_bits(tail));
    places
}

/// The capitalised word at byte `next` (after a space), without its marks and possessive, if
/// the word before the space is a preposition of place.
fn place_at(text: &str, next: usize) -> Option<&str> {
    let bytes = text.as_bytes();
    let gap = next - 1;
    let start = bytes[..gap]
        .iter()
        .rposition(u8::is_ascii_whitespace)
        .map_or(0, |s| s + 1);
    // The preposition: it rules out almost every word at the cost of a comparison.
    if !matches!(
        &text[start..gap],
        "in" | "In" | "across" | "near" | "outside" | "throughout"
    ) {
        return None;
    }
    let end = bytes[next..]
        .iter()
        .position(u8::is_ascii_whitespace)
        .map_or(bytes.len(), |e| next + e);
    let w = &text[next..end];
    is_capitalised(w).then(|| {
        let bare = w.trim_matches(|c: char| !c.is_alphanumeric() && c != '’' && c != '\'');
        lexicon::strip_possessive(bare)
    })
}

/// The age in an appositive right after the name ending at token `end`: `Ann Roe, 39, said`.
fn age_appositive(text: &str, toks: &[Tok], end: usize) -> Option<u16> {
    let [comma, n, close] = toks.get(end..end + 3)? else {
        return None;
    };
    let w = &text[n.range.clone()];
    if comma.kind != TokKind::Comma
        || !matches!(close.kind, TokKind::Comma | TokKind::Stop)
        || !(1..=3).contains(&w.len())
    {
        return None;
    }
    w.parse().ok().filter(|a| (1..=110).contains(a))
}

/// The gender a subject pronoun (`he`, `she`) shows.
fn subject_pronoun(word: &str) -> Option<lexicon::Gender> {
    // Called on every word of the prose: most are ruled out by their first letter and length.
    if word.len() > 8 || !word.starts_with(['h', 'H', 's', 'S']) {
        return None;
    }
    // Whatever leans on it, the word opens with the pronoun: a cheaper test than the split
    // below, for the many other words of those letters.
    if !["he", "He", "she", "She"]
        .iter()
        .any(|p| word.starts_with(p))
    {
        return None;
    }
    // `he’s`, `she'd`: the pronoun with a verb leaned on it.
    let bare = word
        .split_once(['’', '\''])
        .map_or(word, |(p, rest)| if rest.len() <= 2 { p } else { word });
    match bare {
        "he" | "He" => Some(lexicon::Gender::Male),
        "she" | "She" => Some(lexicon::Gender::Female),
        _ => None,
    }
}

/// Whether token `i` opens a sentence (or a clause after a colon or a quotation).
fn opens_sentence(toks: &[Tok], i: usize) -> bool {
    i == 0
        || matches!(
            toks[i - 1].kind,
            TokKind::Stop | TokKind::Colon | TokKind::Quote(_)
        )
}

/// Whether the phrase at token `start` is a preposition's object: the preposition right
/// before it, or before up to three lower-case words of the same phrase (`by league chairman
/// Tom Kay`, `with the club's coach Ann Roe`), none a verb.
fn object_of_preposition(text: &str, toks: &[Tok], start: usize) -> bool {
    let word = |i: usize| tokens::word_at(text, toks, i);
    let mut k = start;
    for _ in 0..4 {
        let Some(w) = k.checked_sub(1).and_then(word) else {
            return false;
        };
        if only_preposition(w) {
            return true;
        }
        if !w.starts_with(char::is_lowercase)
            || lexicon::is_determiner(w)
            || lexicon::is_possessive(w)
            || finite_verb_at(text, toks, k - 1)
            || matches!(
                w,
                "and" | "or" | "but" | "as" | "that" | "who" | "when" | "while"
            )
        {
            return false;
        }
        k -= 1;
    }
    false
}

/// Byte offset from which a description at token `at` may find the person it means named
/// earlier in its sentence: the sentence's start ([`sentence_start`]), or the description
/// itself when a participle opens the sentence (`Reacting to a remark by Tom Kay, the American
/// said`, `Asked about Roe, the Swiss said`): a fronted participle's subject is the main
/// clause's, and the names inside it are others.
fn same_sentence_from(text: &str, toks: &[Tok], at: usize) -> usize {
    let from = sentence_start(toks, at);
    let first = toks.partition_point(|t| t.range.start < from);
    let participle = tokens::word_at(text, toks, first).is_some_and(|w| {
        w.starts_with(char::is_uppercase)
            && w.len() >= 5
            && (w.ends_with("ing") || (w.ends_with("ed") && !w.ends_with("eed")))
            && !lexicon::is_nationality(w)
            // `According to Federer himself, the Swiss star is …`: a compound preposition
            // naming a source, no participle with a subject.
            && !matches!(w, "According" | "Owing" | "Regarding" | "Concerning" | "Including")
    });
    if participle && first < at {
        toks.get(at).map_or(from, |t| t.range.start)
    } else {
        from
    }
}

/// A preposition that never opens a clause (unlike `after`, `before`, `like`): a name right
/// after it is its object.
fn only_preposition(word: &str) -> bool {
    let mut buf = [0; 16];
    matches!(
        lexicon::lower(word, &mut buf),
        "of" | "to" | "by" | "from" | "with" | "about" | "against" | "at" | "on" | "for"
    )
}

/// A preposition, whose object a name after it is (never the subject of the sentence).
fn is_preposition(word: &str) -> bool {
    let mut buf = [0; 16];
    matches!(
        lexicon::lower(word, &mut buf),
        "of" | "to"
            | "in"
            | "on"
            | "at"
            | "by"
            | "for"
            | "from"
            | "with"
            | "about"
            | "against"
            | "over"
            | "like"
            | "than"
            | "after"
            | "before"
            | "behind"
            | "beyond"
    )
}

/// Whether the body named at tokens `i..end` is the subject of its sentence: it opens the
/// sentence, perhaps after `the`, and a lower-case word that is no role follows (`The IMF
/// said`, not `SNP Holyrood leader Nicola Sturgeon said`).
fn org_subject(text: &str, toks: &[Tok], i: usize, end: usize) -> bool {
    let opens = opens_sentence(toks, i)
        || (i > 0
            && toks[i - 1].kind == TokKind::Word
            && text[toks[i - 1].range.clone()].eq_ignore_ascii_case("the")
            && opens_sentence(toks, i - 1));
    opens
        && toks.get(end).is_some_and(|t| {
            let w = &text[t.range.clone()];
            t.kind == TokKind::Word && w.starts_with(char::is_lowercase) && !is_role_word(w)
        })
}

/// `"…," he said. But union leader Dave Prentis criticised the plans. "If you want …"`: a
/// quotation without a cue right after a sentence whose subject is a person named since the
/// paragraph's last quotation is that person's; the paragraph has turned to them.
fn turned_to(
    text: &str,
    reg: &Registry,
    toks: &[Tok],
    last_quote: Option<usize>,
    t: usize,
) -> Option<usize> {
    let q = last_quote?;
    if t == 0 || q + 1 >= t {
        return None;
    }
    let from = toks[q].range.end.max(sentence_start(toks, t - 1));
    let at = toks[t].range.start;
    // The sentence's first subject, by name: a pronoun or a subject inside the reported
    // clause (`her spokesman insisted she had …`) is no turn to someone new.
    let m = reg
        .mentions
        .iter()
        .rev()
        .skip_while(|m| m.pos >= at)
        .take_while(|m| m.pos >= from)
        .filter(|m| m.subject && !m.weak)
        .last()?;
    let named = text[m.pos..m.end].starts_with(|c: char| c.is_uppercase())
        && !matches!(&text[m.pos..m.end], "He" | "She");
    // Only someone the text has shown is a person (a title, a role, an appositive, a gendered
    // given name or pronoun, words of their own): a club or band named like a person
    // (`But Real could be drawn …`) is talked about, and speaks through its people.
    // The subject of a passive (`Burger, 21, was crowned player of the year.`) is talked
    // about: the words after are more often the one talking about them.
    if toks
        .iter()
        .position(|t| t.range.start >= m.end)
        .is_some_and(|k| passive_after(text, toks, k))
    {
        return None;
    }
    let e = &reg.entities[m.entity];
    let person =
        e.kind == SpeakerKind::Person && (e.confirmed || e.gender != lexicon::Gender::Unknown);
    (named && person).then_some(m.entity)
}

/// Whether a passive follows a subject at token `k`, perhaps after an appositive between
/// commas: `, 21, was crowned`, `has been named`. Not a passive of asking (`was asked`, `was
/// pressed`), after which the person answers, nor a state of mind (`was delighted`).
fn passive_after(text: &str, toks: &[Tok], mut k: usize) -> bool {
    let word = |i: usize| tokens::word_at(text, toks, i);
    if toks.get(k).is_some_and(|t| t.kind == TokKind::Comma) {
        let Some(close) = (k + 1..toks.len().min(k + 10)).find(|&i| toks[i].kind == TokKind::Comma)
        else {
            return false;
        };
        k = close + 1;
    }
    match word(k) {
        Some("was" | "were" | "is" | "are") => k += 1,
        Some("has" | "have" | "had") if word(k + 1) == Some("been") => k += 2,
        _ => return false,
    }
    if word(k).is_some_and(|w| w.len() > 3 && w.ends_with("ly")) {
        k += 1;
    }
    word(k).is_some_and(|w| {
        ((w.len() > 4 && w.ends_with("ed")) || attribution::is_irregular_participle(w))
            && !attribution::is_state_of_mind(w)
            && !matches!(
                w,
                "asked" | "pressed" | "questioned" | "quizzed" | "invited" | "interviewed"
            )
    })
}

/// Byte offset where the sentence holding token `i` starts (after a stop, colon or quotation).
fn sentence_start(toks: &[Tok], i: usize) -> usize {
    let mut s = i.min(toks.len());
    while s > 0 && i - s < 60 {
        if matches!(
            toks[s - 1].kind,
            TokKind::Stop | TokKind::Colon | TokKind::Quote(_)
        ) {
            break;
        }
        s -= 1;
    }
    toks.get(s).map_or(0, |t| t.range.start)
}

/// Where the clause whose subject opens at token `i` starts: right after a contrasting
/// conjunction before it (`Ek won, but Roe is unfazed`), else at the sentence's start. (`Ek
/// won but felt that Roe …` joins two verbs of one subject: no clause of Roe's.)
fn clause_start(text: &str, toks: &[Tok], i: usize) -> usize {
    let contrast = i > 0
        && toks[i - 1].kind == TokKind::Word
        && matches!(
            &text[toks[i - 1].range.clone()],
            "but" | "while" | "whereas" | "although" | "though" | "yet"
        );
    if contrast {
        toks[i].range.start
    } else {
        sentence_start(toks, i)
    }
}

/// A nationality the text gives a person named at tokens `start..end` outside the capitals
/// of the name: before it, across lower-case nouns of the same phrase (`Swiss star Roger
/// Federer`, `Scottish tennis player Ann Roe`), or in an appositive after it (`Andy
/// Roddick, the American,`, `Tom Kay, a 24-year-old Australian,`). What a later `the Swiss`
/// or `the American` means, and whom it does not.
fn nationality_around<'a>(
    text: &'a str,
    toks: &[Tok],
    start: usize,
    end: usize,
) -> Option<&'a str> {
    let word = |i: usize| tokens::word_at(text, toks, i);
    // Before: up to three lower-case words of the phrase, none a function word or a possessive.
    let mut k = start;
    for _ in 0..4 {
        let Some(w) = k.checked_sub(1).and_then(word) else {
            break;
        };
        // The word next to the name says what the person is (`star`, `striker`, `leader`):
        // else the nationality names a people (`the French looked at Pierre`).
        if lexicon::is_nationality(w) {
            return (k < start && word(start - 1).is_some_and(is_person_word)).then_some(w);
        }
        if !w.starts_with(char::is_lowercase)
            || lexicon::is_possessive(w)
            || lexicon::is_determiner(w)
            || is_preposition(w)
            || matches!(
                w,
                "and" | "or" | "but" | "as" | "that" | "who" | "when" | "while"
            )
            || finite_verb_at(text, toks, k - 1)
        {
            break;
        }
        k -= 1;
    }
    // After: `, the American,` `, a 24-year-old Swiss.`
    if toks.get(end).map(|t| t.kind) != Some(TokKind::Comma) {
        return None;
    }
    let mut j = end + 1;
    if !word(j).is_some_and(lexicon::is_determiner) {
        return None;
    }
    j += 1;
    for _ in 0..3 {
        let w = word(j)?;
        if lexicon::is_nationality(w) {
            return matches!(
                toks.get(j + 1).map(|t| t.kind),
                Some(TokKind::Comma | TokKind::Stop) | None
            )
            .then_some(w);
        }
        if !w.starts_with(|c: char| c.is_lowercase() || c.is_ascii_digit()) {
            return None;
        }
        j += 1;
    }
    None
}

/// Whether the name ending at token `end` is the subject of a finite verb, perhaps after
/// appositives: `Kevin Haley agreed`, `Ann Roe, a nurse, has worked there`, `Roe is aware`.
fn acts_next(text: &str, toks: &[Tok], end: usize) -> bool {
    let mut k = affiliation_after(text, toks, end).unwrap_or(end);
    // `Ann Roe - who runs a "…" campaign - said`: an aside between dashes, quotations and
    // commas inside, stands between the subject and its verb as an appositive does.
    if toks.get(k).map(|t| t.kind) == Some(TokKind::Dash)
        && let Some(close) = toks[k + 1..]
            .iter()
            .take(40)
            .take_while(|t| t.kind != TokKind::Stop)
            .position(|t| t.kind == TokKind::Dash)
    {
        return finite_verb_at(text, toks, k + 2 + close);
    }
    // Up to three appositives: `Rep. Ana Ruiz, D-Calif., the new chair of the panel, said`.
    for _ in 0..3 {
        if toks.get(k).map(|t| t.kind) != Some(TokKind::Comma) {
            break;
        }
        // `Head of research, Ivan Cole, agreed`: the name closes an appositive.
        if finite_verb_at(text, toks, k + 1) {
            return true;
        }
        // A relative clause (`, who was forced to apologise last year for an article in the
        // magazine he edits …,`) describes the name however long it runs; another appositive
        // is a phrase.
        let reach = if toks
            .get(k + 1)
            .is_some_and(|t| matches!(&text[t.range.clone()], "who" | "whose"))
        {
            48
        } else {
            24
        };
        let mut j = k + 1;
        while toks
            .get(j)
            .is_some_and(|t| matches!(t.kind, TokKind::Word | TokKind::Other | TokKind::Quote(_)))
            && j - k < reach
        {
            j += 1;
        }
        if j == k + 1 || toks.get(j).map(|t| t.kind) != Some(TokKind::Comma) {
            return false;
        }
        k = j;
    }
    if toks.get(k).map(|t| t.kind) == Some(TokKind::Comma) {
        k += 1;
    }
    finite_verb_at(text, toks, k)
        || (adverb_before_verb(text, toks, k) && finite_verb_at(text, toks, k + 1))
}

/// Whether token `k` is an adverb that may stand between a subject and its verb (`Roe then
/// e-mailed`, `Kay quickly agreed`, `Roe later told`): it says when or how, and the name
/// before it is still the verb's subject.
fn adverb_before_verb(text: &str, toks: &[Tok], k: usize) -> bool {
    let Some(w) = tokens::word_at(text, toks, k) else {
        return false;
    };
    matches!(
        w,
        "then"
            | "later"
            | "now"
            | "once"
            | "first"
            | "again"
            | "still"
            | "never"
            | "already"
            | "soon"
            | "often"
            | "always"
            | "since"
            | "twice"
    ) || lexicon::is_ly_adverb(w)
}

/// Whether the capitals ending at token `end` stand before a noun they modify (`the Ana Ruiz
/// doping row`): a lower-case word follows that is no verb, preposition, conjunction or
/// relative pronoun.
fn modifies_noun(text: &str, toks: &[Tok], end: usize) -> bool {
    let Some(w) = tokens::word_at(text, toks, end) else {
        return false;
    };
    w.starts_with(char::is_lowercase)
        && !finite_verb_at(text, toks, end)
        && !matches!(
            w,
            "and"
                | "or"
                | "but"
                | "of"
                | "in"
                | "on"
                | "at"
                | "for"
                | "to"
                | "from"
                | "with"
                | "by"
                | "about"
                | "over"
                | "which"
                | "who"
                | "that"
                | "whose"
                | "have"
                | "are"
                | "were"
                | "say"
                | "says"
        )
}

/// After a name ending at token `end`, the body the person is from (`of the Countryside
/// Alliance`, `from Friends of the Earth`, `at HSBC`): the token after it, where the person's
/// verb may stand.
fn affiliation_after(text: &str, toks: &[Tok], end: usize) -> Option<usize> {
    let word = |i: usize| tokens::word_at(text, toks, i);
    if !matches!(word(end)?, "of" | "from" | "at") {
        return None;
    }
    let mut k = end + 1;
    if word(k).is_some_and(|w| w == "the") {
        k += 1;
    }
    let first = k;
    // Capitals, and the function words a body's name holds between them (`Friends of the Earth`).
    while let Some(w) = word(k) {
        let capital = is_capitalised(w) && !is_capitalised_function_word(w);
        let inside = k > first
            && matches!(w, "of" | "and" | "for" | "the")
            && word(k + 1).is_some_and(|n| is_capitalised(n) || n == "the");
        if !(capital || inside) {
            break;
        }
        k += 1;
    }
    (k > first && word(k - 1).is_some_and(is_capitalised)).then_some(k)
}

/// A verb of saying, thinking or being, or a past tense, at token `k`.
fn finite_verb_at(text: &str, toks: &[Tok], k: usize) -> bool {
    if speaks_next(text, toks, k) {
        return true;
    }
    let Some(w) = tokens::word_at(text, toks, k) else {
        return false;
    };
    matches!(
        w,
        "believes"
            | "thinks"
            | "feels"
            | "hopes"
            | "knows"
            | "wants"
            | "fears"
            | "worries"
            | "thought"
            | "felt"
            | "knew"
            | "is"
            | "was"
            | "has"
            | "had"
            | "will"
            | "would"
            | "did"
            | "does"
            | "can"
            | "could"
            | "also"
            | "isn't"
            | "wasn't"
            | "didn't"
            | "doesn't"
            | "hasn't"
            | "won't"
            | "didn’t"
            | "doesn’t"
            | "isn’t"
            | "wasn’t"
            | "hasn’t"
            | "won’t"
    ) || (w.len() > 4 && w.ends_with("ed") && w.starts_with(char::is_lowercase))
        || is_irregular_past(w)
}

/// Common irregular past tenses (`Roe gave her support`, `Kay took the chair`): a name before
/// one acts as much as before a regular `-ed` verb. Only forms that are no present tense or
/// noun as well (not `set`, `put`, `cut`, `hit`, `read`, `led`).
fn is_irregular_past(w: &str) -> bool {
    matches!(
        w,
        "gave"
            | "took"
            | "made"
            | "went"
            | "came"
            | "met"
            | "won"
            | "lost"
            | "left"
            | "sent"
            | "got"
            | "held"
            | "paid"
            | "ran"
            | "saw"
            | "became"
            | "began"
            | "brought"
            | "bought"
            | "built"
            | "chose"
            | "drew"
            | "drove"
            | "fell"
            | "fought"
            | "found"
            | "grew"
            | "heard"
            | "kept"
            | "meant"
            | "rose"
            | "sold"
            | "sought"
            | "spent"
            | "stood"
            | "struck"
            | "taught"
            | "threw"
            | "understood"
            | "withdrew"
            | "wrote"
            | "spoke"
            | "sat"
            | "shook"
            | "swore"
            | "overtook"
            | "undertook"
            | "forgave"
            | "forbade"
    )
}

/// Whether a verb of saying follows the name at token `end` (`Josh Ma told reporters`,
/// `Ann Roe has said`): the name is a speaker's.
fn speaks_next(text: &str, toks: &[Tok], end: usize) -> bool {
    let mut k = end;
    while let Some(w) = tokens::word_at(text, toks, k) {
        if matches!(
            w,
            "has" | "had" | "also" | "later" | "then" | "again" | "once"
        ) {
            k += 1;
            continue;
        }
        return speaks_next_word(w);
    }
    false
}

/// `Alan Roe, Labour's strategist told …`: after the name at token `end`, a comma, a role no
/// comma closes, and a verb of saying; the name is the one speaking.
fn speaks_after_role(text: &str, toks: &[Tok], end: usize) -> bool {
    if toks.get(end).map(|t| t.kind) != Some(TokKind::Comma) {
        return false;
    }
    let mut j = end + 1;
    while j - end < 14 && toks.get(j).is_some_and(|t| t.kind == TokKind::Word) {
        if j > end + 1 && speaks_next(text, toks, j) {
            return toks[end + 1..j]
                .iter()
                .any(|t| text[t.range.clone()].starts_with(char::is_lowercase));
        }
        j += 1;
    }
    false
}

/// A verb of saying that follows its subject (`said`, `told`, `warns`).
fn speaks_next_word(w: &str) -> bool {
    matches!(
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
            | "observed"
            | "observes"
            | "admitted"
            | "admits"
            | "conceded"
            | "concedes"
    )
}

/// `There is a satisfaction, insists 16-year-old Ann Roe, in …`, `"…," says Ann Roe`: a verb
/// of saying set between commas or after a quotation, then the name at token `start` (an age
/// may come between), the name (up to token `end`) closing the clause: the name is the subject
/// of the inverted verb, the one speaking. (`…, said Melzer was an example` opens a reported
/// clause instead.)
fn speaks_before(text: &str, toks: &[Tok], start: usize, end: usize) -> bool {
    if !toks.get(end).is_none_or(|t| {
        matches!(
            t.kind,
            TokKind::Comma | TokKind::Stop | TokKind::Dash | TokKind::Colon
        )
    }) {
        return false;
    }
    let word = |i: usize| tokens::word_at(text, toks, i);
    let mut v = start;
    if v > 0
        && word(v - 1).is_some_and(|w| {
            w.ends_with("-year-old") && w.starts_with(|c: char| c.is_ascii_digit())
        })
    {
        v -= 1;
    }
    // Verbs that take the speaker after them; `told` and `asked` take the hearer (`, told
    // HuffPost Canada`).
    v >= 2
        && word(v - 1).is_some_and(|w| {
            speaks_next_word(w) && !matches!(w, "told" | "tells" | "asked" | "asks")
        })
        && matches!(
            toks[v - 2].kind,
            TokKind::Comma | TokKind::Quote(_) | TokKind::Dash
        )
}

/// Whether `according to` stands a few words before token `start` (`according to the bank's
/// Mr Roe`), with no punctuation between: the person named there is the source of the
/// sentence, as a subject that speaks would be, so a `he` in the next sentence means them.
fn according_to_before(text: &str, toks: &[Tok], start: usize) -> bool {
    let word = |i: usize| tokens::word_at(text, toks, i);
    (start.saturating_sub(6)..start.saturating_sub(1))
        .rev()
        .any(|p| {
            matches!(word(p), Some("according" | "According"))
                && word(p + 1) == Some("to")
                && (p..start).all(|k| word(k).is_some())
        })
}

/// Whether the name opening at token `start` is the agent of a passive (`The report was
/// welcomed by shadow minister Ann Roe.`, `The plan has been strongly criticised by Tom Kay`):
/// the one acting, whom the next `he said` means, though the grammatical subject is a thing.
fn passive_agent(text: &str, toks: &[Tok], start: usize) -> bool {
    let word = |i: usize| tokens::word_at(text, toks, i);
    // Back over the agent's role, which may stand before the name (`by shadow minister`).
    let Some(by) = (start.saturating_sub(6)..start)
        .rev()
        .take_while(|&p| word(p).is_some())
        .find(|&p| word(p) == Some("by"))
    else {
        return false;
    };
    let start = by + 1;
    if start < 3 {
        return false;
    }
    let participle = word(start - 2).is_some_and(|w| {
        w.starts_with(char::is_lowercase)
            && (w.ends_with("ed") || attribution::is_irregular_participle(w))
    });
    let mut b = start - 3;
    if b > 0 && word(b).is_some_and(|w| w.ends_with("ly")) {
        b -= 1;
    }
    participle
        && word(b)
            .is_some_and(|w| matches!(w, "was" | "were" | "is" | "are" | "been" | "be" | "being"))
}

/// Whether the name opening at token `start` is the source a sentence brings in with `came
/// from` after a noun for a view or a remark (`One dissenting opinion came from Brian Gammage,
/// an analyst.`, `Support also came from Ann Roe.`): the person the next `he said` means, as
/// after `according to`. (`The winner came from Roe` names no source: no such noun.)
fn source_came_from(text: &str, toks: &[Tok], start: usize) -> bool {
    let word = |i: usize| tokens::word_at(text, toks, i);
    if start < 3
        || word(start - 1) != Some("from")
        || !matches!(word(start - 2), Some("came" | "comes" | "come"))
    {
        return false;
    }
    let mut n = start - 3;
    if n > 0 && word(n).is_some_and(|w| w == "also" || w.ends_with("ly")) {
        n -= 1;
    }
    word(n).is_some_and(|w| {
        matches!(
            w,
            "opinion"
                | "opinions"
                | "view"
                | "views"
                | "verdict"
                | "warning"
                | "criticism"
                | "praise"
                | "reaction"
                | "response"
                | "comment"
                | "comments"
                | "plea"
                | "support"
                | "backing"
                | "dissent"
                | "rebuke"
                | "objection"
                | "assessment"
                | "voice"
                | "tribute"
                | "defence"
                | "defense"
                | "denial"
        )
    })
}

/// Whether the capitals ending at token `end` only say whose a role is: a noun for a person
/// follows (`director`, `frontwoman`, perhaps with its `of` phrase) and then a name
/// (`Real Madrid director of sport Emilio Butragueno`, `Scissor Sisters frontwoman Ana
/// Matronic`). The one named after the role acts, not the capitals before it.
fn modifies_holder(text: &str, toks: &[Tok], end: usize) -> bool {
    let word = |i: usize| tokens::word_at(text, toks, i);
    // Most names are followed by a verb, a capital or punctuation: ask the cheap question first.
    if !word(end).is_some_and(|w| {
        // (`is_person_noun` asks `is_role_word` of the longer words itself.)
        w.starts_with(|c: char| c.is_ascii_lowercase())
            && (is_person_noun(w)
                || (w.len() < 5 && is_role_word(w))
                || matches!(w, "champion" | "medallist" | "runner-up" | "star"))
    }) {
        return false;
    }
    let mut k = end + 1;
    while k < end + 4 {
        match word(k) {
            Some(w) if is_role_word(w) || is_person_noun(w) || w == "of" => {}
            Some(w) if w.starts_with(char::is_lowercase) && word(k - 1) == Some("of") => {}
            _ => break,
        }
        k += 1;
    }
    word(k).is_some_and(|w| is_capitalised(w) && !is_capitalised_function_word(w))
}

/// A lower-case noun for a person after a nationality (`the Swiss star`, `the American
/// veteran`): longer nouns as [`is_person_noun`] reads them, and the short ones sport and
/// show business use.
fn is_person_word(word: &str) -> bool {
    is_person_noun(word)
        || matches!(
            word,
            "star" | "ace" | "boss" | "chief" | "coach" | "rookie" | "duo" | "pair"
        )
}

/// `the Swiss star is in a different league`, `the Australian said`: a person described by
/// nationality (the word at token `i`, after `the`) who acts or speaks is the person the
/// article gave that nationality, or else the nearest it gave none other
/// ([`Registry::by_nationality`]); a mention in subject position, so the next `he told`
/// means them. A bare collective
/// (`the British`, `the Swiss`, `the Dutch`) means a people, not a person.
fn described_by_nationality(text: &str, toks: &[Tok], reg: &mut Registry, i: usize, near: usize) {
    let word = |i: usize| tokens::word_at(text, toks, i);
    let Some(w) = word(i) else { return };
    let mut k = i + 1;
    // `the French president`: a role, which names its holder by itself.
    if word(k).is_some_and(is_role_word) {
        return;
    }
    if word(k).is_some_and(is_person_word) {
        k += 1;
    } else if w.ends_with("sh") || w.ends_with("ch") || w.ends_with("ese") || w == "Swiss" {
        return;
    }
    if word(k).is_some_and(is_capitalised)
        || !(speaks_next(text, toks, k) || acts_next(text, toks, k))
    {
        return;
    }
    let range = toks[i - 1].range.start..toks[k - 1].range.end;
    // A guess teaches no nationality: a wrong one would carry on through the article.
    if let Some(id) =
        reg.by_nationality(range.start, w, same_sentence_from(text, toks, i - 1), near)
    {
        reg.mention(range, id, true, false);
    }
}

/// Whether token `i` opens a sentence, or follows only a conjunction that opens one (`And the
/// defender believes …`, `But the 30-year-old said …`).
fn opens_clause(text: &str, toks: &[Tok], i: usize) -> bool {
    opens_sentence(toks, i)
        || (i > 0
            && toks[i - 1].kind == TokKind::Word
            && matches!(
                &text[toks[i - 1].range.clone()],
                "And" | "But" | "Yet" | "So"
            )
            && opens_sentence(toks, i - 1))
}

/// Whether token `i` follows a conjunction of contrast inside a sentence (`France ground out
/// wins, but captain Fabien Pelous sees hope`): a name right after it opens a clause of its
/// own and is that clause's subject, as much as a name opening a sentence is. (`and` is left
/// out: after it a name is as often a second object, `praised Ek and Roe`; so are `though`
/// and `whereas`, whose clause is subordinate: `as though Roe were his enemy`.)
fn after_contrast(text: &str, toks: &[Tok], i: usize) -> bool {
    i > 0
        && toks[i - 1].kind == TokKind::Word
        && matches!(&text[toks[i - 1].range.clone()], "but" | "yet")
}

/// `Gallas has been given extra confidence. And the French international defender believes
/// Mourinho is …`: a definite description of one person (`the defender`, `the 30-year-old`)
/// that opens a clause and acts is the person the discourse is about, the one last mentioned
/// as a subject since the previous paragraph, so a `he said` after it means that person, not
/// a name the rest of the sentence holds (`believes Mourinho is`). Only a description by what
/// one is (lower-case words, a nationality, an age): a role the article gave is found by
/// [`Registry::by_role`] first, and a role it did not give (`the manager`) may be someone new;
/// an anonymous source (`the spokesman`) and a plural (`the pair`) are no one named.
fn described_subject(text: &str, toks: &[Tok], reg: &mut Registry, i: usize, near: usize) {
    let word = |i: usize| tokens::word_at(text, toks, i);
    let pos = toks[i].range.start;
    // A role the article gave, already taken for its holder.
    if reg.mentions.last().is_some_and(|m| m.pos == pos) {
        return;
    }
    let mut k = i + 1;
    while k < i + 5 {
        let Some(w) = word(k) else { return };
        let age = w.ends_with("-year-old");
        let head = age
            || (is_person_word(w)
                && !is_role_word(w)
                && !attribution::is_anonymous_noun(w)
                && !matches!(w, "duo" | "pair"));
        if head {
            if matches!(w, "man" | "woman" | "boy" | "girl" | "lady" | "gentleman")
                || !acts_next(text, toks, k + 1)
                || used_before(text, pos, w)
            {
                return;
            }
            if let Some(id) = reg.subject_antecedent(pos, near) {
                let range = pos..toks[k].range.end;
                reg.mention(range, id, true, false);
            }
            return;
        }
        let modifier = w.starts_with(|c: char| c.is_ascii_lowercase())
            && !lexicon::is_determiner(w)
            && !is_preposition(w)
            && !matches!(w, "and" | "or" | "who" | "which" | "that")
            || lexicon::is_nationality(w)
            || w.starts_with(|c: char| c.is_ascii_digit());
        if !modifier {
            return;
        }
        k += 1;
    }
}

/// Whether the text used the noun `head` in the few paragraphs before byte `pos` (`a stout
/// major`, `one of the head army doctors`): a definite description with that head then means
/// the one the text introduced with it (`The major raised his hand`), not whoever was the
/// subject last. Looked at only over a window, so that fiction stays linear.
fn used_before(text: &str, pos: usize, head: &str) -> bool {
    let mut from = pos.saturating_sub(4000);
    while !text.is_char_boundary(from) {
        from -= 1;
    }
    // `"Adjutant!" he shouted.` is a use too.
    let window = text[from..pos].to_ascii_lowercase();
    window.match_indices(head).any(|(at, _)| {
        let before = window[..at].chars().next_back();
        let after = window[at + head.len()..].chars().next();
        !before.is_some_and(char::is_alphanumeric)
            && !after.is_some_and(|c| c.is_alphanumeric() && c != 's')
    })
}

/// The gender of the first he/his/him/she/her after token `end` in the same sentence, when no
/// other capitalised name comes first (`Robert Wu, who named the shop after his grandmother`).
/// A new clause after a comma (`, and she said`) is about someone else.
fn pronoun_after(text: &str, toks: &[Tok], end: usize) -> Option<lexicon::Gender> {
    let mut after_comma = false;
    for t in toks.iter().skip(end).take(30) {
        match t.kind {
            TokKind::Stop | TokKind::Quote(_) => return None,
            TokKind::Word => {
                let w = &text[t.range.clone()];
                if after_comma && matches!(w, "and" | "but" | "while" | "as") {
                    return None;
                }
                after_comma = false;
                // Every pronoun looked for opens with `h` or `s`: other words skip the list.
                if !matches!(w.as_bytes().first(), Some(b'h' | b'H' | b's' | b'S')) {
                    if is_capitalised(w) && !is_capitalised_function_word(w) {
                        return None;
                    }
                    continue;
                }
                match lexicon::strip_possessive(w) {
                    "he" | "his" | "him" | "He" | "His" | "himself" => {
                        return Some(lexicon::Gender::Male);
                    }
                    "she" | "her" | "She" | "Her" | "herself" => {
                        return Some(lexicon::Gender::Female);
                    }
                    _ if is_capitalised(w) && !is_capitalised_function_word(w) => return None,
                    _ => {}
                }
            }
            TokKind::Comma => after_comma = true,
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

    #[test]
    fn a_name_acts_past_a_long_relative_clause_before_its_verb() {
        fn acts(s: &str) -> bool {
            let mut toks = Vec::new();
            tokens::tokenize(s, 0..s.len(), &[], &mut toks);
            // The name is the first two words.
            acts_next(s, &toks, 2)
        }
        // A relative clause of 25 words: the name before it is who said.
        assert!(acts(
            "Tom Kay, who was forced to apologise last year for an article in the paper he \
             edits about fans grieving over the death of the hostage Jim Lee, said it was wrong."
        ));
        assert!(acts("Tom Kay, who edits the paper, said it was wrong."));
        // The clause closes and no verb follows: the name does not act.
        assert!(!acts(
            "Tom Kay, who was forced to apologise last year for an article in the paper he \
             edits about fans grieving over the death of the hostage Jim Lee, a new low."
        ));
    }

    #[test]
    fn a_given_name_before_a_capital_in_a_quotation() {
        fn before(s: &str) -> Option<&str> {
            let at = s.rfind(' ').map_or(0, |i| i + 1);
            given_name_before(s, at)
        }
        assert_eq!(before("that incident and Mark Cueto's"), Some("Mark"));
        assert_eq!(before("the café where Sarah Ball"), Some("Sarah"));
        // A comma or a stop after it parts the two words.
        assert_eq!(before("we thanked Mark, Cueto"), None);
        assert_eq!(before("we met John. Smith"), None);
        // Opening a sentence, a given name that is a word as well is more likely the word.
        assert_eq!(before("Mark Cueto"), None);
        assert_eq!(before("He left. Mark Cueto"), None);
        assert_eq!(before("He left. Sarah Ball"), Some("Sarah"));
        // Not a given name, or nothing before.
        assert_eq!(before("the Labour Party"), None);
        assert_eq!(before("Rooney"), None);
    }

    #[test]
    fn a_non_ascii_space_inside_a_quotation_is_stepped_over() {
        // The search for capitals stops on any non-ASCII byte; a no-break space must not stall it.
        let body = "Ann Roe said: \"We met\u{a0}Mark Cueto\u{2003}and left.\"";
        assert_eq!(quotes(body).len(), 1);
    }

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
    fn of_in_a_speaker_phrase() {
        // `of` after a person's name gives where they work: the person speaks.
        assert_eq!(
            speech("\"Shares will fall,\" said bank analyst Tom Kerrigan of Halvard Capital."),
            [pair("Shares will fall,", "Tom Kerrigan")]
        );
        assert_eq!(
            speech("\"Prices rise,\" said Ann Roe of the University of Leeds."),
            [pair("Prices rise,", "Ann Roe")]
        );
        // `of the` inside the name of a body before the role and the name.
        assert_eq!(
            speech(
                "\"It works,\" University of the North Fraser Valley political scientist Ann Roe said."
            ),
            [pair("It works,", "Ann Roe")]
        );
        assert_eq!(
            speech("\"Rates stay,\" Bank of the West economist Tom Kay said on Monday."),
            [pair("Rates stay,", "Tom Kay")]
        );
        // A body named with `of` is still the body.
        assert_eq!(
            speech("\"Rates stay,\" the Bank of England said."),
            [pair("Rates stay,", "Bank of England")]
        );
        // `of` and a description of the body after a name: the name alone speaks (`IT` is no
        // pronoun).
        assert_eq!(
            speech(
                "\"Callers want speed,\" says Lia Brenner of IT firm Tallis Data, which \
                 ran the survey."
            ),
            [pair("Callers want speed,", "Lia Brenner")]
        );
    }

    #[test]
    fn a_subject_introduces_a_quotation_without_a_verb_of_saying() {
        let body = "Mayor Ann Roe hit out at her critics on Monday, saying: \"They have no plan.\"\n\n\
            Union leader Tom Kay is more blunt: \"The deal is dead.\"\n\n\
            Ann Roe put it this way: \"We walk or we sink.\"\n\n\
            Later, Tom Kay voiced his anger online, writing \"This is a disgrace.\"\n\n\
            The row grew, with a council spokeswoman saying: \"We will not comment.\"";
        assert_eq!(
            speech(body),
            [
                pair("They have no plan.", "Ann Roe"),
                pair("The deal is dead.", "Tom Kay"),
                pair("We walk or we sink.", "Ann Roe"),
                pair("This is a disgrace.", "Tom Kay"),
                pair("We will not comment.", "council spokeswoman"),
            ]
        );
        // A subject that names no one introduces nobody's words.
        assert_eq!(
            speech("The ballot papers will ask: \"Should the park close?\""),
            [pair("Should the park close?", "-")]
        );
        assert_eq!(
            speech("However Leeds was calmer: \"Nothing changes.\""),
            [pair("Nothing changes.", "-")]
        );
    }

    #[test]
    fn verbs_of_saying_that_invert() {
        assert_eq!(
            speech("\"Nobody reads it,\" points out the shop's owner, Ben Hart."),
            [pair("Nobody reads it,", "Ben Hart")]
        );
        assert_eq!(
            speech("\"He is gone,\" the grandfather repeated."),
            [pair("He is gone,", "grandfather")]
        );
    }

    #[test]
    fn titles_characters_newspapers_and_nationalities_are_no_people() {
        // A work's title (and subtitle) after a noun for the work names nobody.
        let body = "Ben Hart sold 40 copies of his comic Lost Patrol: The Iron Ranger last year.\n\n\
            \"It took months,\" says the self-taught artist.";
        assert_eq!(speech(body), [pair("It took months,", "Ben Hart")]);
        // A name after a programme's name is a name.
        let body = "On the Today programme Mr Tom Kay was asked about it.\n\n\
            \"We will see,\" he said.";
        assert_eq!(speech(body), [pair("We will see,", "Tom Kay")]);
        // A newspaper is no person `he` could stand for.
        let body = "The Leeds Standard quoted Ann Roe on Monday. Tom Kay spoke later.\n\n\
            \"We will see,\" he said.";
        assert_eq!(speech(body), [pair("We will see,", "Tom Kay")]);
        // A nationality described by age is the person the article introduced.
        let body = "Ann Roe won in three sets.\n\n\
            Speaking to reporters, the 24-year-old Dutch added: \"I felt strong.\"";
        assert_eq!(speech(body), [pair("I felt strong.", "Ann Roe")]);
    }

    #[test]
    fn a_document_named_by_its_title_speaks_for_its_body() {
        let body = "The Federal Reserve published its survey of the regions.\n\n\
            \"Prices rose,\" the Beige Paper said.";
        assert_eq!(speech(body), [pair("Prices rose,", "Federal Reserve")]);
        // A name ending in such a word is still a person.
        assert_eq!(
            speech("\"It was a penalty,\" said referee Tom Poll."),
            [pair("It was a penalty,", "Tom Poll")]
        );
    }

    #[test]
    fn adverbs_are_no_part_of_the_speaker() {
        let body = "Tom Kay lost the vote.\n\n\
            After the count, he bitterly said: \"It was rigged.\"\n\n\
            \"We go on,\" said Ann Roe afterwards.\n\n\
            Ann Roe, the coach, simply observed: \"Two halves.\"\n\n\
            Her family said: \"She is well.\"";
        assert_eq!(
            speech(body),
            [
                pair("It was rigged.", "Tom Kay"),
                pair("We go on,", "Ann Roe"),
                pair("Two halves.", "Ann Roe"),
                pair("She is well.", "family"),
            ]
        );
    }

    #[test]
    fn a_single_name_after_a_noun_is_what_the_noun_says() {
        assert_eq!(
            speech("\"We will win,\" said Leeds star Ronaldo."),
            [pair("We will win,", "Ronaldo")]
        );
        let q = quotes("\"Prices must fall,\" said telecom regulator Telcom.");
        let a = Article::parse(
            "\"Prices must fall,\" said telecom regulator Telcom.",
            "t",
            LoadOptions::PLAIN,
        )
        .expect("parses");
        let found = find(&a, &[]);
        assert_eq!(q[0].1, "Telcom");
        assert_eq!(found.speakers[0].kind, SpeakerKind::Organisation);
        assert_eq!(
            speech("\"I'm so happy,\" a tearful Okafor told reporters."),
            [pair("I'm so happy,", "Okafor")]
        );
        // Not a plural, nor a body named before.
        assert_eq!(
            speech("\"Ban it,\" said pro-hunt MPs."),
            [pair("Ban it,", "pro-hunt MPs")]
        );
        let body = "Oil firm Petrova (PTV) went bust.\n\n\"We lost,\" the bankrupt Petrova said.";
        let a = Article::parse(body, "t", LoadOptions::PLAIN).expect("parses");
        let found = find(&a, &[]);
        assert!(
            found.speakers.iter().all(|s| s.kind != SpeakerKind::Person),
            "{:?}",
            found.speakers
        );
        // A body's whole name with `of` or `for` is the body.
        let a = Article::parse(
            "\"Fees are too high,\" said the Royal Society of Surveyors.",
            "t",
            LoadOptions::PLAIN,
        )
        .expect("parses");
        let found = find(&a, &[]);
        assert_eq!(found.speakers[0].name, "Royal Society of Surveyors");
        assert_eq!(found.speakers[0].kind, SpeakerKind::Organisation);
    }

    #[test]
    fn times_auxiliaries_and_nouns_are_no_speakers() {
        // A time phrase is no part of the speaker.
        let body = "Party chairman Tom Kay last year described the rival as a \"tired old machine\".\n\n\
            This week a judge said the law was \"a mess\".";
        assert_eq!(
            speech(body),
            [
                pair("tired old machine", "Tom Kay"),
                pair("a mess", "judge")
            ]
        );
        // `did say`: the subject said it.
        assert_eq!(
            speech("However, Ann Roe did say the plan had been \"quite useful\" at first."),
            [pair("quite useful", "Ann Roe")]
        );
        // `claims` after a preposition or a verb is the noun.
        for body in [
            "Ann Roe was speaking amid claims that the board is \"in total chaos\". It was late.",
            "Tom Kay has dismissed claims that his plan was \"moving the goalposts\".",
        ] {
            let q = quotes(body);
            assert_eq!(q.len(), 1, "{q:?}");
            assert_eq!(q[0].1, "-", "{q:?}");
        }
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
    fn a_term_the_sentence_frames_as_one_is_a_mention() {
        // A verb of saying in the sentence, but the frame says the marks hold a name or term.
        for body in [
            "Ann Roe said the so-called \"red wall\" would fall.",
            "Tom Kay said the practice is known as \"ghost billing\" in the trade.",
            "Ann Roe said the phrase \"level playing field\" meant little.",
            "Ann Roe said its slogan \"Built to last\" was apt.",
            "Ann Roe said the match, which has been dubbed \"the clash of the century\", was sold out.",
            "Tom Kay said the \"work hard, play hard\" mantra had to go.",
        ] {
            let q = quotes(body);
            assert_eq!(q.len(), 1, "{body}");
            assert!(!q[0].2, "{body}: {q:?}");
        }
        // A noun that qualifies the quotation is no frame (`a longer term "…"`).
        assert_eq!(
            speech("Tom Kay said there was a longer term \"shift in demand\" at the firm."),
            [pair("shift in demand", "Tom Kay")]
        );
        // An active naming verb reports the namer's words.
        assert_eq!(
            speech("Tom Kay called the plan \"a costly mistake\"."),
            [pair("a costly mistake", "Tom Kay")]
        );
    }

    #[test]
    fn one_word_the_clause_runs_through_is_a_term() {
        // A verb of saying nearby, but the writer's clause goes on through the quoted word.
        for body in [
            "The agency suggested people limit their \"free\" sugars.",
            "A report from the bank predicts \"staycations\" will rise next year.",
            "Ann Roe said the \"experts\" running the test could not pass it.",
        ] {
            let q = quotes(body);
            assert_eq!(q.len(), 1, "{body}");
            assert!(!q[0].2, "{body}: {q:?}");
        }
        // A quoted word that closes its clause, or stands alone after a colon, is reported.
        // The cue before the term still tells whose words follow.
        assert_eq!(
            speech(
                "\"It is late,\" Ann Roe said. Tom Kay said the plan would not \"empower\" rivals. \"We are here to stay.\""
            ),
            [
                pair("It is late,", "Ann Roe"),
                pair("We are here to stay.", "Tom Kay")
            ]
        );
        for body in [
            "Tom Kay called the ruling \"bold\" and based on a guess.",
            "The club posted one word: \"Welcome\" on its page.",
            "Ann Roe said the plan was \"silly.\" The vote is on Monday.",
            "Ann Roe said sales were \"weak\" in the spring.",
            "Tom Kay said small firms could be \"crippled\" by the tax.",
        ] {
            let q = quotes(body);
            assert_eq!(q.len(), 1, "{body}");
            assert!(q[0].2, "{body}: {q:?}");
        }
    }

    #[test]
    fn a_mixed_quotation_after_a_participle_of_saying_is_speech() {
        for (body, words, who) in [
            (
                "But Tom Kay was bullish about the game, saying that his side \"are going there to win\".",
                "are going there to win",
                "Tom Kay",
            ),
            (
                "Ann Roe had raised the stakes by saying the celebrations were \"not very good for the sport\".",
                "not very good for the sport",
                "Ann Roe",
            ),
            (
                "Tom Kay is confident of his position, saying in an interview that the claim \"has no legs\".",
                "has no legs",
                "Tom Kay",
            ),
            (
                "Ann Roe was heard saying she was tired of \"defending these awful people\".",
                "defending these awful people",
                "Ann Roe",
            ),
            (
                "Ann Roe defended the move saying it would give staff \"just that little bit of edge\".",
                "just that little bit of edge",
                "Ann Roe",
            ),
        ] {
            assert_eq!(speech(body), [pair(words, who)], "{body}");
        }
        // A noun, not a participle.
        let q = quotes(
            "Flights stopped after a government warning about a \"threat to aviation in the region\".",
        );
        assert!(!q[0].2, "{q:?}");
    }

    #[test]
    fn a_view_quoted_in_its_holders_words_is_speech() {
        for (body, words, who) in [
            (
                "Ann Roe blamed the council for a \"lack of steady leadership\".",
                "lack of steady leadership",
                "Ann Roe",
            ),
            (
                "Ann Roe is expecting \"a sharp fall in sales next year\".",
                "a sharp fall in sales next year",
                "Ann Roe",
            ),
            (
                "Tom Kay wants to see \"proper health checks\" on loans.",
                "proper health checks",
                "Tom Kay",
            ),
            (
                "Ann Roe is concerned too many children play games with \"high levels of gore\".",
                "high levels of gore",
                "Ann Roe",
            ),
        ] {
            assert_eq!(speech(body), [pair(words, who)], "{body}");
        }
        for body in [
            // Names and labels: title case, or a noun after the marks.
            "The firm launched its \"Better Together For Ever\" drive.",
            "Tom Kay backed the \"one time, last time\" rule for airlines.",
            // The subject is the one talked about, or the words are someone's claim.
            "Tom Kay has been accused of using \"the politics of fear\" again.",
            "Tom Kay was described as \"a proud old grandfather\" of four.",
            "Ann Roe dismissed claims that her plan was \"moving onto their turf\".",
        ] {
            assert!(speech(body).is_empty(), "{body}: {:?}", quotes(body));
        }
    }

    #[test]
    fn a_view_is_not_the_subjects_when_the_sentence_gives_it_to_another() {
        // Still the subject's: a relative clause closed before the quotation, a passive with
        // no irregular participle, a body that opens the sentence itself.
        for (body, words, who) in [
            (
                "Ann Roe, who chairs the board, is expecting \"a sharp fall in sales\".",
                "a sharp fall in sales",
                "Ann Roe",
            ),
            // A cue later in the sentence names who reports it.
            (
                "Tory leader Ann Roe spoke in Leeds.\n\nTom Kay liked to rattle off \"numbers \
                 conjured out of thin air\" in a bid to win, the Tory leader said.",
                "numbers conjured out of thin air",
                "Ann Roe",
            ),
            (
                "The government wanted ages \"increasingly consigned to the past\".",
                "increasingly consigned to the past",
                "government",
            ),
        ] {
            assert_eq!(speech(body), [pair(words, who)], "{body}");
        }
        for body in [
            // A relative clause still open at the quotation: the noun before it is the holder.
            "The Acme Board faces two appeals, one from the Dock Union, which has attacked the \
             plan as a \"bad piece of work\".",
            "Tom Kay is the first winner of the Lark Prize, which is \"given to a writer of rare \
             courage\".",
            // A cue later in the sentence makes it someone else's report.
            "The band have done \"everything in their considerable powers\" to stay on top, \
             according to the editor Ann Roe.",
            // An irregular passive: the subject is talked about.
            "Tom Kay was taken to hospital suffering from \"severe flu-like symptoms\".",
            // Someone else's cries, not the subject's words.
            "Ann Roe thinks the answer lies between the cries of \"impossible to regulate\" \
             and doing nothing.",
            // A body that owns the subject is only its topic.
            "The state department's budget will rise to help allies in the \"war on the \
             drugs trade\".",
        ] {
            assert!(speech(body).is_empty(), "{body}: {:?}", quotes(body));
        }
    }

    #[test]
    fn a_title_given_after_a_noun_for_a_work_is_no_person() {
        // `the drama Wasp`: the film acting in the prose (`Wasp tells`) is no `she` to look
        // back to; the director is.
        let body = "Three Britons were nominated. For Ann Roe, who won, the month was a \
                    blur.\n\nRoe's gritty drama Wasp is about a single mother.\n\n\
                    Set in her native Dover, Wasp tells the story of a young mum who goes out \
                    while she's on a date. \"I just start with an image,\" she explains.";
        assert_eq!(
            speech(body),
            [pair("I just start with an image,", "Ann Roe")]
        );
        // A name after `play` is a team or a player, not remembered as a title.
        let body = "Tom Kay will play Reid in the final.\n\n\"I feel ready,\" Reid said.";
        assert_eq!(speech(body), [pair("I feel ready,", "Reid")]);
    }

    #[test]
    fn a_title_in_quotation_marks_is_no_person_later() {
        // `Red Dawn tells the story` would make a person of the film; `she` is the director.
        let body = "Director Ann Roe won the prize for the film \"Red Dawn\" on Sunday.\n\n\
                    Set in her native Dover, Red Dawn tells the story of a mother who goes out \
                    while she's on a date. \"I just start with an image,\" she explains.";
        assert_eq!(
            speech(body),
            [pair("I just start with an image,", "Ann Roe")]
        );
        // A name in the prose that no quotation marks as a title is still a person.
        let body = "Director Ann Roe won the prize on Sunday.\n\nRed Dawn, her producer, \
                    told the crowd: \"We start again tomorrow.\"";
        assert_eq!(speech(body), [pair("We start again tomorrow.", "Red Dawn")]);
    }

    #[test]
    fn a_view_guessed_from_the_subject_starts_no_turn() {
        // The fragment is the body's view, but the quotation after it is the minister's, whom
        // the article is about, not a turn the body goes on with.
        let body = "Mr Tom Kay, the pensions minister, spoke in London.\n\nThe government wanted \
                    ages \"increasingly consigned to the past\". \"We're sweeping them away \
                    for everyone under 65.\"";
        let found = speech(body);
        assert_eq!(
            found[0],
            pair("increasingly consigned to the past", "government")
        );
        assert_ne!(
            found[1].1, "government",
            "a guessed voice carried on: {found:?}"
        );
    }

    #[test]
    fn a_pledge_reports_the_words_pledged() {
        // Pledging and promising are acts of saying: the quoted words are the speaker's.
        assert_eq!(
            speech("Ann Roe has pledged to \"never, ever, ever\" raise the tax."),
            [pair("never, ever, ever", "Ann Roe")]
        );
        assert_eq!(
            speech("Tom Kay has promised that \"sport is back\" in schools."),
            [pair("sport is back", "Tom Kay")]
        );
        // A pledge named after a quotation is what the quotation refers to; its words stay the
        // sentence speaker's, and so do the next ones.
        assert_eq!(
            speech(
                "Tom Kay said instead of the \"end of waste\" the party had promised, there had been an \"explosion of waste\" since."
            ),
            [
                pair("end of waste", "Tom Kay"),
                pair("explosion of waste", "Tom Kay")
            ]
        );
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

    #[test]
    fn pronouns_skip_capitalised_pairs_that_are_not_people() {
        assert_eq!(
            speech(
                "Dana Whitfield, a nurse, runs the shelter. On Christmas Day she opens it to                  everyone.\n\n\"We do this every year,\" she said."
            ),
            [pair("We do this every year,", "Dana Whitfield")]
        );
    }

    #[test]
    fn possessives_are_no_antecedents_and_no_names() {
        assert_eq!(
            speech(
                "Tomas Ruiz, 52, runs a bakery. Prices rose under President Carl Dent's budget.                  \"We cannot go on,\" he said."
            ),
            [pair("We cannot go on,", "Tomas Ruiz")]
        );
    }

    /// `he`/`she` goes to the subject of the recent sentences, not to a nearer person in an
    /// object or a prepositional phrase, nor to a company written like a name.
    #[test]
    fn narrative_pronouns_keep_the_subject_and_tell_the_gender() {
        // `She left early` keeps Lind the subject of the discourse, so a later `she said` is
        // about her, not the man named since in an object, whose gender the text does not give.
        assert_eq!(
            speech(
                "Nora Lind, a nurse, met the board on Monday.\n\nShe left early. The board \
                 thanked the auditor, Kemal Osei, a lawyer.\n\n\"It was fine,\" she said."
            ),
            [pair("It was fine,", "Nora Lind")]
        );
        // Several paragraphs of `she` carry the person past a caption naming a man.
        assert_eq!(
            speech(
                "Greta Vall, a nurse, runs the clinic alone.\n\n\
                 She opened it in 1999. She still works nights.\n\n\
                 The BBC's Richard Amos reports from the town.\n\n\
                 After the flood, she rebuilt it.\n\n\
                 \"I never thought of leaving,\" she says."
            ),
            [pair("I never thought of leaving,", "Greta Vall")]
        );
    }

    #[test]
    fn a_sentence_about_her_keeps_her_the_subject() {
        // `She’s` and `Her …` open sentences about the person as `She` does.
        assert_eq!(
            speech(
                "Lena Otto, a nurse, lost her son in 2014.\n\n\
                 She’s kept his room as it was.\n\n\
                 The BBC's Rob Daly visited the town.\n\n\
                 Her advice now is simple: talk to your children.\n\n\
                 \"You never know what they carry with them.\""
            ),
            [pair(
                "You never know what they carry with them.",
                "Lena Otto"
            )]
        );
        // A sentence that names someone is about them.
        assert_eq!(
            speech(
                "Mr Redd said the plan was late. His party leader, Ann Hale, argued for a \
                 change. \"We need it now,\" she said. \"It cannot wait.\""
            ),
            [
                pair("We need it now,", "Ann Hale"),
                pair("It cannot wait.", "Ann Hale")
            ]
        );
    }

    #[test]
    fn given_names_tell_the_gender() {
        assert_eq!(
            speech(
                "Wendy Harlan, a teacher, and Peter Oduya, a driver, both live on the street.\n\n\
                 \"We were never asked,\" she said."
            ),
            [pair("We were never asked,", "Wendy Harlan")]
        );
    }

    #[test]
    fn a_continuation_after_a_pronoun_cue_keeps_its_speaker() {
        // The pronoun of the paragraph before looks back as far when read again for the
        // continuation as when it was first read.
        assert_eq!(
            speech(
                "Dora Mills, the head of a housing charity, spoke first.\n\n\
                 Mills also cited a study by Ravi Anand, a fellow at the institute. \
                 It found that \"supply is short.\"\n\n\
                 \"When supply is short, rents climb,\" she said.\n\n\
                 \"The poorest renters pay the price for it.\""
            ),
            [
                pair("When supply is short, rents climb,", "Dora Mills"),
                pair("The poorest renters pay the price for it.", "Dora Mills"),
            ]
        );
    }

    #[test]
    fn a_continuation_reads_the_whole_description() {
        assert_eq!(
            speech(
                "Ines Carvalho, the head of the lab, built the car.\n\n\
                 Carvalho is aware that the market is small.\n\n\
                 “Nobody makes money on these,” the tall, soft-spoken engineer said. “Not \
                 yet, anyway.”"
            ),
            [
                pair("Nobody makes money on these,", "Ines Carvalho"),
                pair("Not yet, anyway.", "Ines Carvalho"),
            ]
        );
    }

    #[test]
    fn a_person_introduced_with_an_age_before_the_quote_is_its_speaker() {
        assert_eq!(
            speech(
                "Tom Hale, a retiree, says the class changed his life. He swims daily. The \
                 class also helped delivery driver Omar Basri, 50. \"I sleep better now,\" he \
                 says. \"I did not expect it.\""
            ),
            [
                pair("I sleep better now,", "Omar Basri"),
                pair("I did not expect it.", "Omar Basri")
            ]
        );
        // Without the introduction closing the sentence, the subject keeps the pronoun.
        assert_eq!(
            speech(
                "Tom Hale, a retiree, says the class changed his life. He met driver Omar \
                 Basri, 50, there. \"I sleep better now,\" he says."
            ),
            [pair("I sleep better now,", "Tom Hale")]
        );
    }

    #[test]
    fn an_unnamed_source_is_no_antecedent_two_paragraphs_on() {
        assert_eq!(
            speech(
                "Mayor Ivo Brandt wants a new line.\n\n\
                 \"It was never studied,\" a spokesperson said.\n\n\
                 On Monday, the mayor brought the plan up again.\n\n\
                 \"We can build it around the clock,\" he said."
            ),
            [
                pair("It was never studied,", "spokesperson"),
                pair("We can build it around the clock,", "Ivo Brandt")
            ]
        );
    }

    #[test]
    fn a_pronoun_after_an_unnamed_source_is_the_source() {
        assert_eq!(
            speech(
                "Ana Roe, the minister, opened the centre.\n\n\
                 A spokeswoman said the plan \"went much too far\". She added: \"We were \
                 never consulted about any of it.\""
            ),
            [
                pair("went much too far", "spokeswoman"),
                pair("We were never consulted about any of it.", "spokeswoman")
            ]
        );
    }

    /// An unnamed source who speaks without being quoted in that sentence (`an executive
    /// spokeswoman insisted …`) is the one a later `she said` means, not the woman quoted
    /// before her.
    #[test]
    fn a_pronoun_after_an_unquoted_unnamed_source_is_the_source() {
        assert_eq!(
            speech(
                "Councillor Ann Roe said: \"This is a scandal.\" But an executive spokeswoman \
                 insisted Mr Tom Kay had meant adults. \"He was talking about adults,\" she said."
            ),
            [
                pair("This is a scandal.", "Ann Roe"),
                pair("He was talking about adults,", "executive spokeswoman")
            ]
        );
        assert_eq!(
            speech(
                "Jo Park had backed the plan. A Department for Transport spokesman said Ms Park \
                 was wrong. \"The figures do not add up,\" he said."
            ),
            [pair(
                "The figures do not add up,",
                "Department for Transport spokesman"
            )]
        );
        // A body after `for` is part of the description: `the spokesman` later is this one.
        assert_eq!(
            speech(
                "A Labour spokesman told us the calls were legal.\n\n\
                 A spokesman for the Data Protection Office said the rules were clear. The \
                 spokesman said there was \"no simple answer\" to it."
            ),
            [pair("no simple answer", "Data Protection Office spokesman")]
        );
    }

    /// The person `according to` names is the source of the sentence: a `he` opening the next
    /// one means them, not an unnamed source who spoke before.
    #[test]
    fn according_to_makes_the_source_the_subject() {
        assert_eq!(
            speech(
                "\"We would look at it,\" a spokesman told reporters. A sale could double the \
                 price, according to the bank's Mr Tom Reyes. But he warned of a delay. \"That \
                 way the owners keep the mill,\" he said."
            ),
            [
                pair("We would look at it,", "spokesman"),
                pair("That way the owners keep the mill,", "Tom Reyes")
            ]
        );
    }

    /// A body the article only describes (`the ministry`) and that speaks without a quotation
    /// is what a later `It added:` means.
    #[test]
    fn it_after_a_described_body_that_speaks_is_the_body() {
        assert_eq!(
            speech(
                "Tom Kay runs a farm. The ministry said growth would slow. It added: \"We expect \
                 a recovery next year.\""
            ),
            [pair("We expect a recovery next year.", "ministry")]
        );
        // `the ministry` stands for the ministry named before it, not the body named last.
        assert_eq!(
            speech(
                "The Finance Ministry met Acme Foods on Monday. The ministry said growth would \
                 slow. It added: \"We expect a recovery next year.\""
            ),
            [pair("We expect a recovery next year.", "Finance Ministry")]
        );
        // A body named last with another noun is not `the party`.
        assert_eq!(
            speech(
                "Mr Tom Kay spoke to the Guardian. In a statement, the party said the remark was \
                 taken out of context. It added: \"He fully supports our policies.\""
            ),
            [pair("He fully supports our policies.", "party")]
        );
    }

    #[test]
    fn an_age_description_is_the_person_given_that_age() {
        assert_eq!(
            speech(
                "Anna Berg, 39, runs the shop. Tom Reyes, a banker, lent her the money and \
                 Omar Diaz, 52, built the shelves.\n\n\
                 \"It took a year,\" said the 39-year-old.\n\n\
                 \"I did it for free,\" the 52-year-old said."
            ),
            [
                pair("It took a year,", "Anna Berg"),
                pair("I did it for free,", "Omar Diaz")
            ]
        );
    }

    #[test]
    fn a_person_named_to_compare_with_is_not_who_a_description_means() {
        assert_eq!(
            speech(
                "I mean Tomas Ruiz, who like Carl Hendry trained as a chef. \"We cook what \
                 grows here,\" says the owner of the bistro. Unlike Hendry, he stayed.\n\n\
                 \"It is slower,\" he said."
            ),
            [
                pair("We cook what grows here,", "Tomas Ruiz"),
                pair("It is slower,", "Tomas Ruiz")
            ]
        );
    }

    #[test]
    fn a_body_or_a_clause_subject_introduces_words_before_a_colon() {
        assert_eq!(
            speech(
                "Ana Roe sailed across the Baltic Sea in May.\n\n\
                 The club posted a photo of the boat online with two words: \"Home again.\"\n\n\
                 Trouble began in June when Roe took to Twitter with this: \"I quit.\""
            ),
            [pair("Home again.", "club"), pair("I quit.", "Ana Roe")]
        );
    }

    #[test]
    fn a_photo_caption_is_not_who_the_next_pronoun_means() {
        assert_eq!(
            speech(
                "Historian Rosa Lind has written a book about the mill, Lind says.\n\n\
                 Ana Tate, a retired weaver, looks at old photos. (Jo Lee/The Daily Bugle)\n\n\
                 The strike changed the town. \"They were brave,\" she says."
            ),
            [pair("They were brave,", "Rosa Lind")]
        );
        // A caption's quotation repeats the story's, and is nobody's words a second time.
        assert_eq!(
            speech(
                "\"Just listen to us,\" Ana Tate says of the city.\n\n\
                 Ana Tate says: 'Just listen to us.' (Jo Lee/The Daily Bugle)\n\n\
                 \"We are people.\""
            ),
            [
                pair("Just listen to us,", "Ana Tate"),
                pair("We are people.", "Ana Tate")
            ]
        );
        assert!(is_caption(
            "A man walks past. ( THE CANADIAN PRESS FILE PHOTO )"
        ));
        assert!(is_caption("Open this photo in gallery A Suncor refinery."));
        assert!(!is_caption("Lind (a historian) wrote it."));
        assert!(!is_caption("The figures rose (see table 2/3)"));
    }

    #[test]
    fn words_named_as_someones_reply_are_theirs() {
        assert_eq!(
            speech(
                "Ana Roe unveiled the plan on Monday.\n\n\
                 \"Not again!\" was the response of one weary commuter. \"We will see,\" came \
                 the reply from Tom Kay."
            ),
            [
                pair("Not again!", "one weary commuter"),
                pair("We will see,", "Tom Kay")
            ]
        );
    }

    #[test]
    fn a_description_with_where_or_of_what_speaks_not_the_place() {
        assert_eq!(
            speech(
                "Officials in Basra said \"the vote will go ahead\".\n\n\
                 Later the head of the union said \"we will strike\".\n\n\
                 Residents of the village said \"we are afraid of it\"."
            ),
            [
                pair("the vote will go ahead", "Officials in Basra"),
                pair("we will strike", "head of the union"),
                pair("we are afraid of it", "Residents of the village")
            ]
        );
        // A noun for no one before the preposition leaves the cue to the other rules.
        assert_eq!(
            speech("Ann Roe led the study.\n\nA report on the study said \"prices rose\"."),
            [pair("prices rose", "-")]
        );
    }

    #[test]
    fn a_quotation_continues_a_statement_a_document_closes() {
        assert_eq!(
            speech(
                "The Northern Freight Company said in a report that it runs shorter trains in \
                 winter.\n\n\
                 In the cold, brakes take longer to set, said the winter operations report.\n\n\
                 \"This adds time at every stop.\""
            ),
            [pair(
                "This adds time at every stop.",
                "Northern Freight Company"
            )]
        );
    }

    #[test]
    fn a_dateline_is_no_speaker() {
        assert_eq!(
            speech(
                "OTTAWA — Foreign Minister Ann Roe says Canada has asked for clemency, \
                 calling the sentence \"a cruel policy.\"\n\n\
                 Roe spoke on Monday."
            ),
            [pair("a cruel policy.", "Ann Roe")]
        );
        assert_eq!(dateline_len("TROUT BROOK, N.B. — Kevin Vickers"), 22);
        assert_eq!(dateline_len("NEW YORK -- Stocks rose"), 12);
        assert_eq!(dateline_len("MILWAUKEE—The taps"), 12);
        assert_eq!(dateline_len("Ann Roe — a nurse — said"), 0);
        assert_eq!(dateline_len("NATO and Russia met — again"), 0);
    }

    #[test]
    fn they_said_after_a_named_pair_is_the_pair() {
        assert_eq!(
            speech(
                "In a statement, the owners Ana Roe and Ivan Tull said they respected the \
                 vote.\n\n\"We want a fair workplace,\" they said."
            ),
            [pair("We want a fair workplace,", "Ana Roe and Ivan Tull")]
        );
        // A body named as many is a `they` too.
        assert_eq!(
            speech(
                "The Liberal Democrats argue that the tax is unfair.\n\n\
                 \"It falls on the poorest,\" they say."
            ),
            [pair("It falls on the poorest,", "Liberal Democrats")]
        );
        // `they` with no pair named is no one in particular.
        assert_eq!(
            speech("Ana Roe, a cook, left.\n\n\"We want a fair workplace,\" they said."),
            [pair("We want a fair workplace,", "-")]
        );
    }

    #[test]
    fn points_out_may_come_before_its_subject() {
        assert_eq!(
            speech("\"Comics are for everyone,\" points out Mia Sorel, who runs the shop."),
            [pair("Comics are for everyone,", "Mia Sorel")]
        );
    }

    #[test]
    fn a_subject_with_two_appositives_is_still_the_subject() {
        assert_eq!(
            speech(
                "Senator Mitch Carden spoke first.\n\n\
                 Rep. Lucia Ferro Alvarez, D-Ore., the new chair of the panel, said in an \
                 interview that her office had a plan. \"We will keep our word,\" she said."
            ),
            [pair("We will keep our word,", "Lucia Ferro Alvarez")]
        );
    }

    #[test]
    fn a_lone_surname_that_acts_is_the_one_a_pronoun_takes_up() {
        // A surname the article gives alone, after a fronted clause, acting.
        assert_eq!(
            speech(
                "Dana Welles, a golfer, said the course was hard. She finished third.\n\n\
                 Asked about the crowd, Korvath didn't hesitate.\n\n\
                 \"It is louder than any stadium,\" he said."
            ),
            [pair("It is louder than any stadium,", "Korvath"),]
        );
        // A place the article names as one is nobody's surname; and a known person of the right
        // gender near the pronoun outranks a lone word.
        assert_eq!(
            speech(
                "Ivo Brandt, the mayor, spoke in Ostrava on Monday.\n\n\
                 By evening, Ostrava had agreed to the plan.\n\n\
                 \"It is a good day,\" he said."
            ),
            [pair("It is a good day,", "Ivo Brandt")]
        );
        assert_eq!(
            speech(
                "Paul Nader, a spokesman, said the firm would appeal. On Monday, Varco \
                 filed its papers, and \"we will win,\" he said."
            ),
            [pair("we will win,", "Paul Nader")]
        );
    }

    #[test]
    fn pronouns_prefer_the_subject() {
        assert_eq!(
            speech(
                "Lena Marsh said she wanted answers after the death of Omar Tate.\n\n\
                 \"We deserve to know,\" she said."
            ),
            [pair("We deserve to know,", "Lena Marsh")]
        );
        assert_eq!(
            speech(
                "Mark Bell, a lawyer, spoke first.\n\nHead of research at a polling firm, Ivan \
                 Cole, agreed with the finding.\n\n\"It is the same pattern,\" he said."
            ),
            [pair("It is the same pattern,", "Ivan Cole")]
        );
        assert_eq!(
            speech(
                "Tom Reyes, a baker, spoke to the Hamilton Herald. In an interview with the \
                 Herald, retired nurse Ada Quinn, 80, recalls the strike. \"We were hungry,\" \
                 she tells Reyes."
            ),
            [pair("We were hungry,", "Ada Quinn")]
        );
    }

    #[test]
    fn a_verb_of_saying_after_a_possessive_is_a_noun() {
        assert_eq!(
            quotes(
                "Ines Roy's remarks in Leeds came after the union voiced \"deep regret\" about \
                 the cuts."
            ),
            [("deep regret".to_string(), "-".to_string(), false)]
        );
        assert_eq!(
            speech("Ines Roy's claims were denied. \"It is false,\" said the mayor, Ken Ito."),
            [pair("It is false,", "Ken Ito")]
        );
    }

    #[test]
    fn it_is_the_body_named_last_not_one_in_a_possessive() {
        assert_eq!(
            speech(
                "Norvex Group declined to answer the Daily Herald's questions. \"We do not \
                 comment on clients,\" it said."
            ),
            [pair("We do not comment on clients,", "Norvex Group")]
        );
    }

    #[test]
    fn one_name_that_speaks_as_he_or_she_is_a_person() {
        let body = "Okafor said he would appeal.\n\n\"We are not done,\" he said.";
        assert_eq!(speech(body), [pair("We are not done,", "Okafor")]);
        let a = Article::parse(body, "t", LoadOptions::PLAIN).expect("parses");
        assert_eq!(find(&a, &[]).speakers[0].kind, SpeakerKind::Person);
    }

    /// A pronoun in a later clause (`, and she said`) is about someone else: it does not make
    /// the person before it a woman.
    #[test]
    fn gender_comes_from_the_evidence_not_a_stray_pronoun() {
        assert_eq!(
            speech(
                "Ann Bly, the judge, waited. Kevin Roe, a lawyer, was late, and she said it did \
                 not matter.\n\n\"It was fine,\" he said."
            ),
            [pair("It was fine,", "Kevin Roe")]
        );
    }

    #[test]
    fn a_quote_without_a_cue_after_narration_is_its_subjects() {
        assert_eq!(
            speech(
                "Dina Obi, a nurse, began to cry when she talked about the ward.\n\n\
                 \"Where do you draw the line?\""
            ),
            [pair("Where do you draw the line?", "Dina Obi")]
        );
    }

    #[test]
    fn anonymous_sources_are_not_the_last_person_named() {
        let body = "Minister Ana Vidal signed the order. A justice official briefed reporters. \
                    \"Most requests go through,\" the official said.";
        assert_eq!(
            speech(body),
            [pair("Most requests go through,", "official")]
        );
        assert_eq!(
            speech(
                "\"It is early,\" a senior official said. Ana Vidal nodded. \"We wait,\" the \
                 official added."
            ),
            [
                pair("It is early,", "senior official"),
                pair("We wait,", "senior official")
            ]
        );
        let a = Article::parse(body, "t", LoadOptions::PLAIN).expect("parses");
        assert_eq!(find(&a, &[]).speakers[0].kind, SpeakerKind::Unnamed);
    }

    /// A source described by what it is close to or speaks for is that source, not the object
    /// of its preposition nor the person named before; `in a briefing` is no part of who spoke.
    #[test]
    fn a_sources_postmodifier_belongs_to_the_source() {
        assert_eq!(
            speech(
                "The board met. \"We will sign,\" said Ann Roe, the board's chair. \
                 \"The figures do not add up,\" a spokesman for the harbour said. \
                 \"Nobody expects a deal,\" said people familiar with the talks. \
                 \"It could take months,\" a person close to the negotiations said."
            ),
            [
                pair("We will sign,", "Ann Roe"),
                pair("The figures do not add up,", "spokesman for the harbour"),
                pair("Nobody expects a deal,", "people familiar with the talks"),
                pair("It could take months,", "person close to the negotiations"),
            ]
        );
        assert_eq!(
            speech("\"Rates will rise,\" said an official in a briefing."),
            [pair("Rates will rise,", "official")]
        );
    }

    #[test]
    fn rubrics_are_no_bodies_and_offices_are() {
        assert_eq!(
            speech(
                "WATCH: Talks stall in Geneva\n\nThe U.S. State Department called for calm.\n\n\
                 \"We share the concern,\" the department said."
            ),
            [pair("We share the concern,", "U.S. State Department")]
        );
    }

    #[test]
    fn quoted_as_saying() {
        assert_eq!(
            speech("Mayor Jo Hart was quoted as saying \"the books are a mess.\""),
            [pair("the books are a mess.", "Jo Hart")]
        );
    }

    #[test]
    fn a_body_named_as_one_is_what_the_company_means() {
        assert_eq!(
            speech(
                "Retail giant Norvo posted a loss. \"Trading was hard,\" the company said. \
                 Drugmaker Aldex fell too.\n\nKestrel, which owns ten mills, gained. \
                 \"We are growing,\" the firm said."
            ),
            [
                pair("Trading was hard,", "Norvo"),
                pair("We are growing,", "Kestrel")
            ]
        );
    }

    #[test]
    fn a_compound_after_an_abbreviation_stays_in_the_appositive() {
        assert_eq!(
            speech(
                "\"It is late,\" Ann J. Ruiz, director of studies at the U.S.-based Centre for \
                 Policy, said in an e-mailed statement."
            ),
            [pair("It is late,", "Ann J. Ruiz")]
        );
    }

    #[test]
    fn a_first_name_after_the_full_name() {
        assert_eq!(
            speech("Darrin Wise, a welder, builds boats. \"It takes a year,\" Darrin said."),
            [pair("It takes a year,", "Darrin Wise")]
        );
    }

    #[test]
    fn definite_descriptions_stand_for_the_introduced_person() {
        assert_eq!(
            speech(
                "Guenther Schuh, a professor at a German university, tested the car.                  \"It is slow,\" said the bespectacled professor."
            ),
            [pair("It is slow,", "Guenther Schuh")]
        );
        assert_eq!(
            speech("Andy Rhodes, 25, won the final. \"I felt great,\" said the American."),
            [pair("I felt great,", "Andy Rhodes")]
        );
        // A relative (`the father`) is someone new, not the last person named.
        assert_eq!(
            speech("Omar Diaz, 40, died in the fire. \"He is gone,\" the father said."),
            [pair("He is gone,", "father")]
        );
    }

    #[test]
    fn bodies_documents_and_unnamed_sources() {
        assert_eq!(
            speech("Shares in Norvex Group fell. \"We expect a recovery,\" the company said."),
            [pair("We expect a recovery,", "Norvex Group")]
        );
        assert_eq!(
            speech("\"Costs will rise sharply next year,\" the report said."),
            [pair("Costs will rise sharply next year,", "-")]
        );
        let a = Article::parse(
            "\"We are looking into it,\" a spokesman said.",
            "t",
            LoadOptions::PLAIN,
        )
        .expect("parses");
        let q = find(&a, &[]);
        assert_eq!(q.speakers.len(), 1);
        assert_eq!(q.speakers[0].kind, SpeakerKind::Unnamed);
    }

    #[test]
    fn a_document_speaks_for_the_body_behind_it() {
        // The owner named in the phrase that introduces the document, then `the report` again,
        // past a caption naming another body.
        assert_eq!(
            speech(
                "\"Delays are likely,\" says a report titled Winter Travel: A Guide on Norvex \
                 Railway's website.\n\nThe Daily Courier A train is shown.\n\n\"Cold is a \
                 major challenge,\" the report said."
            ),
            [
                pair("Delays are likely,", "Norvex Railway"),
                pair("Cold is a major challenge,", "Norvex Railway")
            ]
        );
        // A body named inside the phrase.
        assert_eq!(
            speech("The RCMP statement said \"the trust between us will keep growing.\""),
            [pair("the trust between us will keep growing.", "RCMP")]
        );
        // A document that refers back to a body named just before.
        assert_eq!(
            speech(
                "Halvern Energy published its figures. \"Output fell by a third,\" the \
                 statement said."
            ),
            [pair("Output fell by a third,", "Halvern Energy")]
        );
    }

    #[test]
    fn the_committee_is_a_committee_not_the_last_body() {
        assert_eq!(
            speech(
                "The Norvex Finance Committee questioned Brill Holdings. \"We will report in \
                 May,\" the committee said."
            ),
            [pair("We will report in May,", "Norvex Finance Committee")]
        );
        let q = speech(
            "The Arts Council gave out grants. \"The money was wasted,\" the committee said.",
        );
        assert_ne!(q[0].1, "Arts Council");
        // A body whose name says no kind of institution can be `the club`.
        assert_eq!(
            speech("Brill United sacked its coach. \"We thank him,\" the club said."),
            [pair("We thank him,", "Brill United")]
        );
    }

    #[test]
    fn adjectives_split_by_a_comma_stay_in_the_description() {
        assert_eq!(
            speech(
                "Ines Marlow, a professor of physics, built the rig. \"It works,\" the tall, \
                 soft-spoken professor said."
            ),
            [pair("It works,", "Ines Marlow")]
        );
    }

    #[test]
    fn an_acronym_in_brackets_is_the_body_s_short_name() {
        assert_eq!(
            speech(
                "The Halden Export Fund (HEF) lends to exporters. \"We keep our clients' \
                 secrets,\" HEF said."
            ),
            [pair("We keep our clients' secrets,", "Halden Export Fund")]
        );
        assert_eq!(
            speech(
                "The Office of Rail Safety (ORS) met on Monday.\n\nThe ORS declined to comment. \
                 \"We will publish a report,\" it said."
            ),
            [pair("We will publish a report,", "Office of Rail Safety")]
        );
    }

    #[test]
    fn a_title_in_quotation_marks_is_no_speech() {
        assert!(speech("She starred in \"The Girl Who Sang At Night.\" It was a hit.").is_empty());
    }

    #[test]
    fn a_title_after_a_cue_is_no_speech() {
        // A show or product named inside the sentence of a cue.
        assert_eq!(
            speech(
                "\"We will not blink first,\" Ann Roe said on NBC's \"Meet the Voters.\" \"Nobody wins.\"\n\n\
                 She spoke on the networks’ “Morning Round Table.” It aired late."
            ),
            [
                pair("We will not blink first,", "Ann Roe"),
                pair("Nobody wins.", "Ann Roe")
            ]
        );
        assert!(
            speech("Tom Kay said the firm sold an app called \"Pocket Ledger\" to banks.")
                .is_empty()
        );
        assert_eq!(
            speech("Ann Roe said there would be no \"Monte Carlo-style\" casinos."),
            [pair("Monte Carlo-style", "Ann Roe")]
        );
        // An epithet after `a` is someone's coinage, and words a speaker says in capitals at
        // the start of a sentence stay speech.
        assert_eq!(
            speech("Ann Roe called him a \"Modern Day Scrooge\" on Monday."),
            [pair("Modern Day Scrooge", "Ann Roe")]
        );
        assert_eq!(
            speech("\"Happy New Year,\" Ann Roe said."),
            [pair("Happy New Year,", "Ann Roe")]
        );
    }

    #[test]
    fn a_signpost_between_a_cue_and_its_quotation_is_passed_over() {
        let body = "Ann Roe, a researcher at Talos, stated in a post that the threats came \
                    from old addresses.\n\n\
                    WATCH: Threats investigated across the country\n\n\
                    \"Several addresses that sent these threats also sent spam.\"";
        assert_eq!(
            speech(body),
            [pair(
                "Several addresses that sent these threats also sent spam.",
                "Ann Roe"
            )]
        );
        assert!(is_signpost("READ MORE: Scam uses old passwords"));
        assert!(!is_signpost("NATO: an alliance at seventy"));
        assert!(!is_signpost("Note: the figures are provisional."));
    }

    #[test]
    fn a_subject_and_its_appositive_introduce_a_quotation_after_a_colon() {
        let body = "\"It is not new,\" says Lena Holt, a doctor from Elmvale.\n\n\
                    Omar Tate, the regional health officer, says the drugs are overused. They \
                    have few uses, he says.\n\n\
                    Holt, the only doctor in the valley, is more direct: \"We need help now.\"";
        assert_eq!(
            speech(body),
            [
                pair("It is not new,", "Lena Holt"),
                pair("We need help now.", "Lena Holt")
            ]
        );
    }

    #[test]
    fn a_surname_that_is_a_nationality_word_after_a_first_name() {
        let body = "Stocks may fall, predicts Oliver Irish, an editor. \"It is a fad,\" said \
                    Mr Irish.\n\nMichael German said the vote was \"a farce\". Mr German \
                    added: \"We will fight.\"";
        assert_eq!(
            speech(body),
            [
                pair("It is a fad,", "Oliver Irish"),
                pair("a farce", "Michael German"),
                pair("We will fight.", "Michael German")
            ]
        );
        // Without a first name the nationality stays what someone is from.
        let body = "The Irish said the deal was \"a disgrace\".";
        assert_ne!(speech(body).first().map(|p| p.1.as_str()), Some("Irish"));
    }

    #[test]
    fn an_auxiliary_opening_a_question_is_no_name() {
        // `Is Tam` is no one: the question's auxiliary opens the sentence, the name follows.
        let body = "Ola Tam runs a fund. Is Tam close to the board? No.                     \"We are friends,\" Tam said.";
        assert_eq!(speech(body), [pair("We are friends,", "Ola Tam")]);
    }

    #[test]
    fn a_question_then_name_and_verb() {
        assert_eq!(
            speech(
                "Brit Lane, a golfer, waited. \"Are there prizes?\" Lane asked before her shot."
            ),
            [pair("Are there prizes?", "Brit Lane")]
        );
        // A new statement after the question is not its cue: the question is the one's who
        // spoke before it.
        assert_eq!(
            speech("Ann Roe, a lawyer, spoke. \"Why now?\" Mr Bo Tan said he would reply later."),
            [pair("Why now?", "Ann Roe")]
        );
    }

    #[test]
    fn long_appositives_keep_the_sentence_subject() {
        assert_eq!(
            speech(
                "Will Young, a mechanic based in Kansas City, Missouri, and a union organiser, said \
                 the cold hurts.\n\n\"Steel just becomes brittle.\""
            ),
            [pair("Steel just becomes brittle.", "Will Young")]
        );
    }

    #[test]
    fn resolved_by_and_entities() {
        let body = "Judge Helen Price, 60, opened the case. \"The law is clear,\" Judge Helen \
                    Price said. \"We apply it,\" Price added.\n\n\"No exceptions.\"\n\n\
                    \"Never,\" she said.";
        let a = Article::parse(body, "t", LoadOptions::PLAIN).expect("parses");
        let q = find(&a, &[]);
        let how: Vec<_> = q
            .quotes
            .iter()
            .map(|x| resolved_by(a.text(), x, &q.speakers))
            .collect();
        assert_eq!(
            how,
            [
                Some(ResolvedBy::Name),
                Some(ResolvedBy::Alias),
                Some(ResolvedBy::Continuation),
                Some(ResolvedBy::Pronoun)
            ]
        );
        let price = q
            .entities
            .iter()
            .find(|e| e.name == "Helen Price")
            .expect("entity");
        assert_eq!(price.kind, SpeakerKind::Person);
        let texts: Vec<&str> = price
            .mentions
            .iter()
            .map(|m| &a.text()[m.clone()])
            .collect();
        assert!(
            texts.contains(&"Helen Price") && texts.contains(&"she"),
            "{texts:?}"
        );
    }

    /// (speaker name, kind) of each speech quotation.
    fn speaker_kinds(body: &str) -> Vec<(String, SpeakerKind)> {
        let a = Article::parse(body, "t", LoadOptions::PLAIN).expect("parses");
        let q = find(&a, &[]);
        q.quotes
            .iter()
            .filter(|x| x.kind == QuoteKind::Speech)
            .filter_map(|x| x.speaker)
            .map(|s| (q.speakers[s].name.clone(), q.speakers[s].kind))
            .collect()
    }

    #[test]
    fn a_surname_that_is_a_time_word_still_names_its_person() {
        let body = "Tom Monday's England side won the final.\n\n\
            \"We were ready,\" said Monday.";
        assert_eq!(speech(body), [pair("We were ready,", "Tom Monday")]);
    }

    #[test]
    fn a_time_word_after_the_is_no_speaker() {
        let body = "Ann Roe was on stage.\n\n\
            The band of The Year Before the Night told reporters it was \"a great show\".";
        assert!(
            speech(body).iter().all(|(_, s)| s != "Night"),
            "{:?}",
            speech(body)
        );
    }

    #[test]
    fn a_peer_keeps_the_territorial_designation() {
        let body = "The law lords ruled on Monday.\n\n\
            Lord Roe of Kendal, in his ruling, said: \"The law is clear.\"";
        assert_eq!(
            speech(body),
            [pair("The law is clear.", "Lord Roe of Kendal")]
        );
        // A person's employer after `of` is still no part of the name.
        assert_eq!(
            speech("Analyst Tom Kay of Halvard Capital said: \"Rates will rise.\""),
            [pair("Rates will rise.", "Tom Kay")]
        );
    }

    #[test]
    fn a_lone_name_with_a_person_appositive_is_a_person() {
        let body = "Okafor, speaking to reporters on Monday, also admits the deal is off. \
            He said: \"We are done.\"\n\n\
            Asked about the fans, Okafor said: \"They will understand.\"";
        assert_eq!(
            speaker_kinds(body),
            [
                ("Okafor".to_string(), SpeakerKind::Person),
                ("Okafor".to_string(), SpeakerKind::Person)
            ]
        );
    }

    #[test]
    fn two_bodies_as_one_subject_speak_together() {
        let body = "The report came out on Monday.\n\n\
            Tories and Lib Dems welcomed the report and called for \"deep cuts\".";
        assert_eq!(
            speaker_kinds(body),
            [("Tories and Lib Dems".to_string(), SpeakerKind::Organisation)]
        );
    }

    #[test]
    fn capitals_before_a_plural_noun_for_people_say_whose_they_are() {
        let body = "The summit ended on Monday.\n\n\
            G8 ministers welcomed the deal and said \"sharp swings\" would hurt growth.";
        assert_eq!(
            speaker_kinds(body),
            [("G8 ministers".to_string(), SpeakerKind::Unnamed)]
        );
    }

    #[test]
    fn a_body_named_in_lower_case_is_the_one_its_noun_means() {
        let body = "There was a crisis in teaching, the Commons science and technology \
            committee said.\n\n\
            In its report the committee said: \"We are deeply concerned.\"";
        assert_eq!(
            speaker_kinds(body),
            [(
                "Commons science and technology committee".to_string(),
                SpeakerKind::Organisation
            )]
        );
    }

    #[test]
    fn the_company_means_the_bare_name_that_acted() {
        let body = "Acmetron has said it will replace all its cables.\n\n\
            The company said the move was \"a preventative step\".";
        assert_eq!(
            speaker_kinds(body),
            [("Acmetron".to_string(), SpeakerKind::Organisation)]
        );
        // A person acting is not a company.
        let body = "Tom Kay founded a shop. Kay has said he will sell it.\n\n\
            The company said it was \"a good year\".";
        assert!(speaker_kinds(body).iter().all(|(s, _)| s != "Kay"));
    }

    #[test]
    fn a_document_title_after_the_is_nobody() {
        let body = "Sales rose in the regions.\n\n\
            \"Prices rose,\" the Blue Book said. \"Wages held.\"";
        assert!(
            speaker_kinds(body).iter().all(|(s, _)| s != "Blue Book"),
            "{:?}",
            speaker_kinds(body)
        );
    }

    #[test]
    fn a_description_joined_by_and_is_a_person_when_one_part_is() {
        let body = "Nielsen was upset, Greer said on Monday.\n\n\
            The feminist writer and broadcaster said the show had been \"cruel\".";
        assert_eq!(
            speaker_kinds(body),
            [("Greer".to_string(), SpeakerKind::Person)]
        );
    }

    #[test]
    fn a_clause_after_a_name_is_no_role() {
        let role = |body: &str| {
            let a = Article::parse(body, "t", LoadOptions::PLAIN).expect("parses");
            find(&a, &[]).speakers.first().and_then(|s| s.role.clone())
        };
        assert_eq!(
            role("Ann Lee, who has known him for years, said he was \"kind\"."),
            None
        );
        assert_eq!(
            role("Tom Kay, accepting his prize, said it was \"a shock\"."),
            None
        );
        assert_eq!(
            role("Tom Kay, from the Acme lab, said it was \"a shock\"."),
            None
        );
        assert_eq!(
            role("Tom Kay, a senior analyst, said it was \"a shock\".").as_deref(),
            Some("senior analyst")
        );
    }

    #[test]
    fn a_verb_of_saying_in_a_relative_clause_is_no_statement() {
        let body = "Tom Kay, from Acme, told the ABC News website there are two steps. \
            The hard one is to know whether a user is who they say they are.\n\n\
            \"The answer is a chip in the card.\"";
        assert_eq!(
            speech(body),
            [pair("The answer is a chip in the card.", "Tom Kay")]
        );
    }

    #[test]
    fn a_name_after_a_noun_for_a_business_is_the_business() {
        let body = "Bookmaker Tom Ladbury has stopped taking bets on the race.\n\n\
            The firm closed the book, saying \"inside information\" was to blame.";
        assert_eq!(
            speaker_kinds(body),
            [("Tom Ladbury".to_string(), SpeakerKind::Organisation)]
        );
        assert_eq!(
            speaker_kinds("\"Odds fell,\" said bookmaker Tom Ladbury."),
            [("Tom Ladbury".to_string(), SpeakerKind::Organisation)]
        );
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
                // Every speaker is an entity of the article, and every mention is a sound range.
                for s in &q.speakers {
                    prop_assert!(q.entities.iter().any(|e| e.name == s.name && e.kind == s.kind));
                }
                for e in &q.entities {
                    for m in &e.mentions {
                        prop_assert!(m.start <= m.end && m.end <= text.len());
                        prop_assert!(text.is_char_boundary(m.start) && text.is_char_boundary(m.end));
                    }
                }
            }
        }
    }
}
