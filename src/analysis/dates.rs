//! Temporal expressions (TIMEX3-style) and their normalised values.
//!
//! A hand-written grammar over classified tokens ([`lex`], [`grammar`]) rather than one big
//! regular expression: English dates are compositional (`early`, `the end of`, `nearly`, `ago`
//! wrap any core expression) and the grammar resolves values while it matches, using the
//! article date as anchor and the sentence's tense to pick the year of `April 20` or the week of
//! `Friday`. Every token is classified once and every rule bails out on its first token, so
//! the analysis is linear and runs at hundreds of MB/s.
//!
//! Without an anchor (no `--date`, no front matter, no date line at the top of the text)
//! relative expressions stay relative: `yesterday` is `PAST_REF`, `April 20` is `XXXX-04-20`.
//! They are never anchored at today's date, which would silently invent facts.

mod calendar;
mod grammar;
mod lex;

use std::cell::OnceCell;
use std::ops::Range;

use chrono::NaiveDate;

use crate::source::Article;

pub use calendar::period_of;

/// TimeML's TIMEX3 types.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TimexType {
    Date,
    Time,
    Duration,
    Set,
}

impl TimexType {
    pub fn as_str(self) -> &'static str {
        match self {
            TimexType::Date => "DATE",
            TimexType::Time => "TIME",
            TimexType::Duration => "DURATION",
            TimexType::Set => "SET",
        }
    }
}

/// One temporal expression.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Timex {
    pub range: Range<usize>,
    pub kind: TimexType,
    /// TIMEX3 value: `2016-04-20`, `2014`, `P2Y`, `PAST_REF`, `XXXX-04-20` when unresolved.
    pub value: String,
    /// TIMEX3 modifier: `START`, `MID`, `END`, `APPROX`, `LESS_THAN`…
    pub modifier: Option<String>,
    /// For a duration anchored at the article date (`the past week`, `the next two months`):
    /// the days it covers, first and last inclusive. TimeML types these as DURATION, yet they
    /// place events in time, so the timeline uses them.
    pub period: Option<(NaiveDate, NaiveDate)>,
}

/// Finds and normalises the temporal expressions of `article`, anchored at its date (or, when
/// the article has none, at a date line near the top of the text).
///
/// `sentences` scope the tense that resolves year-less dates; without them, paragraphs are used.
pub fn find(article: &Article, sentences: &[Range<usize>]) -> Vec<Timex> {
    let anchor = article.meta.date.or_else(|| date_line(article));
    let text = article.text();
    let blocks: Vec<Range<usize>>;
    let units = if sentences.is_empty() {
        blocks = article.blocks().iter().map(|b| b.range.clone()).collect();
        &blocks[..]
    } else {
        sentences
    };
    let mut out = Vec::new();
    let mut toks = Vec::new();
    let mut reference = None;
    for unit in units {
        if unit.end > text.len()
            || !text.is_char_boundary(unit.start)
            || !text.is_char_boundary(unit.end)
        {
            continue;
        }
        toks.clear();
        lex::tokenize(text, unit.clone(), &mut toks);
        let markers = OnceCell::new();
        let direction = |at: usize, weak: bool| -> i8 {
            tense_at(markers.get_or_init(|| tense_markers(text, &toks)), at, weak)
        };
        let mut ctx = grammar::Ctx {
            text,
            toks: &toks,
            anchor,
            direction: &direction,
            reference,
        };
        let mut i = 0;
        while i < toks.len() {
            match grammar::parse_at(&ctx, i) {
                Some(hit) if hit.end > i && hit.end <= toks.len() => {
                    if hit.point.is_some() {
                        ctx.reference = hit.point;
                    }
                    out.push(Timex {
                        range: toks[i].range.start..toks[hit.end - 1].range.end,
                        kind: hit.kind,
                        value: hit.value,
                        modifier: hit.modifier.map(str::to_string),
                        period: hit.period,
                    });
                    i = hit.end;
                }
                _ => i += 1,
            }
        }
        reference = ctx.reference;
    }
    out
}

/// The date of an article that has no date in its metadata: a short paragraph near the top
/// that is essentially one full date (`April 21, 2016`, `Published: Thursday, 21 April 2016`).
fn date_line(article: &Article) -> Option<NaiveDate> {
    let text = article.text();
    let mut toks = Vec::new();
    let no_tense = |_: usize, _: bool| 0i8;
    for block in article.blocks().iter().take(5) {
        if block.range.len() > 80 {
            continue;
        }
        toks.clear();
        lex::tokenize(text, block.range.clone(), &mut toks);
        let ctx = grammar::Ctx {
            text,
            toks: &toks,
            anchor: None,
            direction: &no_tense,
            reference: None,
        };
        let words = toks
            .iter()
            .filter(|t| !matches!(t.lex, lex::Lex::Punct(_)))
            .count();
        for i in 0..toks.len().min(4) {
            if let Some(hit) = grammar::parse_at(&ctx, i)
                && let Some((day, lex::Unit::Day)) = hit.point
                && words <= hit.end + 3
            {
                return Some(day);
            }
        }
    }
    None
}

/// Words that put a sentence in the future.
const FUTURE: &[&str] = &["will", "shall", "scheduled", "upcoming", "wo"];
/// Words that speak of something not yet done at the time of the report: enough to send a
/// weekday (at most a few days away) forward, too weak to move a month by a year.
const NOT_YET: &[&str] = &[
    "would", "could", "might", "plan", "plans", "planned", "planning", "expected", "expects",
    "soon", "hope", "hopes", "intends", "due",
];
/// Irregular past forms (regular ones end in `-ed`).
const PAST: &[&str] = &[
    "was", "were", "had", "did", "met", "held", "went", "came", "took", "made", "began", "saw",
    "left", "won", "lost", "fell", "rose", "paid", "sold", "bought", "gave", "got", "ran", "flew",
    "spoke", "wrote", "found", "became",
];
/// Verbs of saying: they date the report, not the event reported, except the expression right
/// next to them (`said Friday`).
const SAYING: &[&str] = &[
    "said",
    "says",
    "told",
    "announced",
    "reported",
    "added",
    "stated",
];

/// Marks a verb of saying in [`tense_markers`].
const SAID: i8 = -2;
/// Marks a [`NOT_YET`] word in [`tense_markers`].
const NOT_YET_MARK: i8 = 2;

/// Token positions of tense markers in a sentence: -1 for the past (`was`, `met`), 1 for the
/// future (`will`, `'ll`, `expected`, `scheduled`), [`SAID`] for verbs of saying. Regular
/// `-ed` forms are not used: without a part-of-speech tagger they are as often participles and
/// adjectives (`the reduced dividend is payable Jan. 2`) as past tenses.
fn tense_markers(text: &str, toks: &[lex::Tok]) -> Vec<(usize, i8)> {
    let mut out = Vec::new();
    for (i, t) in toks.iter().enumerate() {
        if t.lex != lex::Lex::Word {
            continue;
        }
        let w = &text[t.range.clone()];
        let is = |s: &&str| w.eq_ignore_ascii_case(s);
        if FUTURE.iter().any(is)
            || (is(&"ll") && i > 0 && toks[i - 1].lex == lex::Lex::Punct(b'\''))
        {
            out.push((i, 1));
        } else if NOT_YET.iter().any(is) {
            out.push((i, NOT_YET_MARK));
        } else if SAYING.iter().any(is) {
            out.push((i, SAID));
        } else if PAST.iter().any(is) {
            out.push((i, -1));
        }
    }
    out
}

/// The tense of the marker nearest to token `at`; 0 when the sentence has none. `weak` admits
/// the [`NOT_YET`] words.
fn tense_at(markers: &[(usize, i8)], at: usize, weak: bool) -> i8 {
    markers
        .iter()
        .filter(|&&(i, d)| (d != SAID || i.abs_diff(at) <= 2) && (weak || d != NOT_YET_MARK))
        .min_by_key(|(i, _)| i.abs_diff(at))
        .map_or(0, |&(_, d)| d.clamp(-1, 1))
}
