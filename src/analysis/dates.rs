//! Temporal expressions (TIMEX3-style) and their normalised values.
//!
//! A hand-written grammar over classified tokens (`lex`, `grammar`) rather than one big
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
mod language;
mod lex;
mod story;

use std::cell::OnceCell;
use std::ops::Range;

use chrono::{Datelike, NaiveDate};

use crate::source::Article;

pub use calendar::period_of;
pub use language::Languages;

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
    /// For a stretch counted from the article date, the days it covers, first and last
    /// inclusive: `the past week` (a DATE, the seven days before the article date, while its
    /// value names the calendar week) and `the past two months`, `the next three days` (which
    /// TimeML types as DURATION, yet which place events in time, so the timeline uses them).
    pub period: Option<(NaiveDate, NaiveDate)>,
}

impl Timex {
    /// The expression a grammar hit found over tokens `start..hit.end`.
    fn from_hit(toks: &[lex::Tok], start: usize, hit: grammar::Hit) -> Self {
        Timex {
            range: toks[start].range.start..toks[hit.end - 1].range.end,
            kind: hit.kind,
            value: hit.value,
            modifier: hit.modifier.map(str::to_string),
            period: hit.period,
        }
    }
}

/// The dates of an article, and the paragraphs the language check left unread.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Dates {
    /// Temporal expressions in text order.
    pub timexes: Vec<Timex>,
    pub languages: Languages,
}

/// The temporal expressions of `article` (see [`read`]).
pub fn find(article: &Article, sentences: &[Range<usize>]) -> Vec<Timex> {
    read(article, sentences).timexes
}

/// Finds and normalises the temporal expressions of `article`, anchored at its date (or, when
/// the article has none, at a date line near the top of the text). Paragraphs in another
/// language than English are skipped (see [`language`]).
///
/// A narrative (see [`story`]) is read twice: once as news, which tells it is one, then
/// against the story's own time.
///
/// `sentences` scope the tense that resolves year-less dates; without them, paragraphs are used.
pub fn read(article: &Article, sentences: &[Range<usize>]) -> Dates {
    let anchor = article.meta.date.or_else(|| date_line(article));
    let text = article.text();
    let (foreign, languages) =
        language::foreign(text, article.blocks().iter().map(|b| b.range.clone()));
    let blocks: Vec<Range<usize>>;
    let all = if sentences.is_empty() {
        blocks = article.blocks().iter().map(|b| b.range.clone()).collect();
        &blocks[..]
    } else {
        sentences
    };
    let english: Vec<Range<usize>>;
    let units = if foreign.is_empty() {
        all
    } else {
        english = outside(all, &foreign);
        &english[..]
    };
    let news = scan(text, units, anchor, false);
    let timexes = if story::Evidence::gather(text, &news, anchor).is_narrative() {
        scan(text, units, anchor, true)
    } else {
        news
    };
    Dates { timexes, languages }
}

/// The `units` that start outside every range of `skip` (both in text order).
fn outside(units: &[Range<usize>], skip: &[Range<usize>]) -> Vec<Range<usize>> {
    let mut k = 0;
    units
        .iter()
        .filter(|u| {
            while k < skip.len() && skip[k].end <= u.start {
                k += 1;
            }
            !skip.get(k).is_some_and(|r| r.contains(&u.start))
        })
        .cloned()
        .collect()
}

/// One reading of the sentences `units` of `text`. In a `story`, dates without a year take
/// the year of the story's time (the last point a date reached), not the anchor's.
fn scan(text: &str, units: &[Range<usize>], anchor: Option<NaiveDate>, story: bool) -> Vec<Timex> {
    let mut out = Vec::new();
    let mut toks = Vec::new();
    let mut reference = None;
    for unit in units {
        if unit.end > text.len()
            || !text.is_char_boundary(unit.start)
            || !text.is_char_boundary(unit.end)
            || !latin(&text[unit.clone()])
        {
            continue;
        }
        toks.clear();
        lex::tokenize(text, unit.clone(), &mut toks);
        let markers = OnceCell::new();
        let direction = |at: usize, reach: Reach| -> i8 {
            tense_at(
                markers.get_or_init(|| tense_markers(text, &toks)),
                at,
                reach,
            )
        };
        // In a story, every date counts from the time the story has reached, `today` and
        // `the next day` as much as `June 10`: its present is that time, not the page's.
        let frame = |reference: Option<(NaiveDate, lex::Unit)>| {
            if story {
                (reference.map(|(d, _)| d), grammar::Frame::Story(reference))
            } else {
                (anchor, grammar::Frame::News)
            }
        };
        let (now, story_frame) = frame(reference);
        let mut ctx = grammar::Ctx {
            text,
            toks: &toks,
            anchor: now,
            direction: &direction,
            reference,
            frame: story_frame,
        };
        let mut i = 0;
        while i < toks.len() {
            match grammar::parse_at(&ctx, i) {
                Some(hit)
                    if hit.end > i
                        && hit.end <= toks.len()
                        && !grammar::in_a_title(&ctx, i, hit.end) =>
                {
                    // A story moves on to the dates of what it tells, not to a later year
                    // that was planned or expected then (`for a planned campaign in 1976`,
                    // `would not end before 1918`): its time stays where it was. (Within
                    // its year, a date ahead is mostly the story's next step.)
                    // `until 1995` tells when what the story told ended: it has got there.
                    let deadline = i > 0
                        && DEADLINE
                            .iter()
                            .any(|w| text[toks[i - 1].range.clone()].eq_ignore_ascii_case(w));
                    let ahead = story
                        && !deadline
                        && matches!((hit.point, ctx.reference),
                            (Some((d, _)), Some((r, _))) if d.year() > r.year())
                        && direction(i, Reach::Schedule) > 0;
                    let aside = story
                        && matches!((hit.point, ctx.reference), (Some(p), Some(r))
                            if story::digression(text, &toks, i, hit.end, p, r));
                    if hit.point.is_some() && !ahead && !aside {
                        ctx.reference = hit.point;
                    }
                    let second = match hit.point {
                        Some((d, lex::Unit::Day)) => grammar::coordinated_day(&ctx, hit.end, d),
                        _ => None,
                    };
                    let mut next = hit.end;
                    out.push(Timex::from_hit(&toks, i, hit));
                    if let Some(h) = second {
                        ctx.reference = h.point;
                        out.push(Timex::from_hit(&toks, next + 1, h));
                        next += 2;
                    }
                    (ctx.anchor, ctx.frame) = frame(ctx.reference);
                    i = next;
                }
                _ => i += 1,
            }
        }
        reference = ctx.reference;
    }
    out
}

/// The sentence is written mostly in ASCII letters. The grammar reads English; in Russian or
/// Chinese (`1000 русских`) a number beside words it cannot read is no year.
fn latin(s: &str) -> bool {
    let (mut ascii, mut other) = (0usize, 0usize);
    for &b in s.as_bytes() {
        if b.is_ascii_alphabetic() {
            ascii += 1;
        } else if b >= 0xC0 {
            // The first byte of a character beyond ASCII.
            other += 1;
        }
    }
    other <= ascii
}

/// The date of an article that has no date in its metadata: a short paragraph near the top
/// that is essentially one full date (`April 21, 2016`, `Published: Thursday, 21 April 2016`).
fn date_line(article: &Article) -> Option<NaiveDate> {
    let text = article.text();
    let mut toks = Vec::new();
    let no_tense = |_: usize, _: Reach| 0i8;
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
            frame: grammar::Frame::News,
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

/// Words that put a sentence in the future; `effective Feb. 1` and `payable Jan. 2` announce
/// a change or a payment to come.
const FUTURE: &[&str] = &[
    "will",
    "shall",
    "scheduled",
    "upcoming",
    "wo",
    "effective",
    "payable",
];
/// Words that speak of something not yet done at the time of the report: enough to send a
/// weekday (at most a few days away) forward, too weak to move a month by a year. (`could` is
/// left out: in news it is mostly the past of `can`.)
const NOT_YET: &[&str] = &[
    "would", "might", "plan", "plans", "planned", "planning", "expected", "expects", "soon",
    "hope", "hopes", "intends", "due",
];
/// Participles that make `was`/`were` before them a plan rather than a past tense.
const PLANNING: &[&str] = &["planning", "expected", "scheduled", "intending", "hoping"];
/// Present forms that tell a scheduled event (`the talks resume Monday`, `she arrives
/// Tuesday`): weak signs of the future, like [`NOT_YET`].
const SCHEDULED: &[&str] = &[
    "begin", "begins", "start", "starts", "resume", "resumes", "meet", "meets", "arrive",
    "arrives", "visit", "visits", "expires", "opens", "returns", "appears", "faces", "travels",
    "hosts", "plays", "closes", "ends", "goes",
];
/// Irregular past forms (regular ones end in `-ed`). Forms that are also presents or
/// participles of common verbs (`put`, `set`, `read`, `hit`) are left out.
const PAST: &[&str] = &[
    "was",
    "were",
    "had",
    "did",
    "met",
    "held",
    "went",
    "came",
    "took",
    "made",
    "began",
    "saw",
    "left",
    "won",
    "lost",
    "fell",
    "rose",
    "paid",
    "sold",
    "bought",
    "gave",
    "got",
    "ran",
    "flew",
    "spoke",
    "wrote",
    "found",
    "became",
    "spent",
    "sent",
    "kept",
    "built",
    "brought",
    "thought",
    "heard",
    "struck",
    "fought",
    "caught",
    "taught",
    "fled",
    "shot",
    "stood",
    "meant",
    "felt",
    "sought",
    "chose",
    "drove",
    "broke",
    "threw",
    "grew",
    "knew",
    "drew",
    "shook",
    "stole",
    "sank",
    "tore",
    "swept",
    "withdrew",
    "understood",
    "woke",
    "lay",
    "led",
];
/// Verbs of saying: they date the report, not the event reported, except the expression they
/// govern directly (`said Friday`, `told reporters on Monday`).
const SAYING: &[&str] = &[
    "said",
    "says",
    "told",
    "announced",
    "reported",
    "added",
    "stated",
];
/// Prepositions of a deadline: `until Tuesday`, `by February`, `through January` look ahead
/// (unless the sentence is in the past perfect).
const DEADLINE: &[&str] = &["until", "till", "by", "through"];
/// Determiners: after one, an `-ed` form is an adjective (`the reduced dividend`) and `plan`
/// a noun (`their plan`).
const DETERMINERS: &[&str] = &[
    "the", "a", "an", "its", "his", "her", "their", "our", "my", "your", "this", "these", "those",
];
/// Words besides [`DETERMINERS`] before an `-ed` form that make it a participle of the
/// present (`is expected`, `been closed`) rather than a past tense.
const NOT_PAST_BEFORE: &[&str] = &[
    "is",
    "are",
    "be",
    "been",
    "being",
    "am",
    "newly",
    "recently",
    "so",
    "well",
    "previously",
];
/// `-ed` words that are no past tenses.
const NOT_PAST: &[&str] = &[
    "hundred", "indeed", "proceed", "exceed", "succeed", "based", "united", "limited", "related",
    "need", "speed", "feed", "seed", "breed",
];

/// Which signs besides tenses tell whether an expression lies ahead: the nearer the
/// expression's period to the article date, the weaker the sign that may move it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Reach {
    /// Tenses only, and plans with their verb (`is expected to join`): a month or a year.
    Tense,
    /// Also [`NOT_YET`] words and scheduled presents (`the bridge opens in the spring`).
    Schedule,
    /// Also infinitives of scheduled verbs (`agreed to meet Monday`): a day or two away.
    Near,
}

/// A word that tells the tense of what is around it.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Mark {
    Past,
    /// `strong` for `will`, `shall`, `scheduled`, which put what they govern ahead for sure;
    /// a deadline (`through August`) or a dated copula (`is on Friday`) may span the past.
    Future {
        strong: bool,
    },
    /// A [`NOT_YET`] word; `past_form` for `planned`, `expected`, which look ahead from where
    /// they stand but are themselves past (`On Friday, the government planned to pay`);
    /// `plan_to` when a verb follows (`is expected to join`), which looks ahead as surely as
    /// `will`.
    /// `infinitive` for a scheduled verb after `to` (`agreed to meet`), which looks ahead
    /// from its clause, a little beyond the article date at most.
    NotYet {
        past_form: bool,
        plan_to: bool,
        infinitive: bool,
    },
    /// A verb of saying.
    Said,
    /// `that`: a clause boundary, which ends the reach of a verb of saying.
    Clause,
}

/// How many tokens around a deadline a past perfect reaches: `had filed by Wednesday`, but not
/// `…, which had been expected, is part of a program to pay the loan by February`.
const PERFECT_REACH: usize = 6;

/// The tense markers of a sentence with their token positions. A regular `-ed` form counts
/// as a past tense unless a determiner or a form of `be` before it makes it an adjective or a
/// passive of the present (`the reduced dividend is payable Jan. 2`, `is scheduled`).
fn tense_markers(text: &str, toks: &[lex::Tok]) -> Vec<(usize, Mark)> {
    let mut out = Vec::new();
    // `had filed by Wednesday`, `Until Thursday, they had not called`: a deadline seen from a
    // past perfect close by lies in the past.
    let perfect = |i: usize| {
        toks[i.saturating_sub(PERFECT_REACH)..toks.len().min(i + PERFECT_REACH)]
            .iter()
            .any(|t| text[t.range.clone()].eq_ignore_ascii_case("had"))
    };
    for (i, t) in toks.iter().enumerate() {
        if t.lex == lex::Lex::Kw(lex::Kw::That) {
            out.push((i, Mark::Clause));
            continue;
        }
        if t.lex != lex::Lex::Word {
            continue;
        }
        let w = &text[t.range.clone()];
        let is = |s: &&str| w.eq_ignore_ascii_case(s);
        let next_is = |s: &str| {
            toks.get(i + 1)
                .is_some_and(|n| text[n.range.clone()].eq_ignore_ascii_case(s))
        };
        let before_is = |k: usize, s: &str| {
            i.checked_sub(k)
                .is_some_and(|p| text[toks[p].range.clone()].eq_ignore_ascii_case(s))
        };
        let plan_to = NOT_YET.iter().any(is) && next_is("to") && !is(&"due");
        // `were planning to`, `was expected`: the plan tells the tense, not its auxiliary
        // (but `was due`, `there was hope` are past: adjectives and nouns).
        let looks_ahead = |k: usize| {
            toks.get(k).is_some_and(|n| {
                let nw = &text[n.range.clone()];
                PLANNING.iter().any(|s| nw.eq_ignore_ascii_case(s))
            })
        };
        // `vacation plans for the trip`, `the plan`: a noun, which looks nowhere.
        let noun = (is(&"plan") || is(&"plans"))
            && (next_is("for")
                || next_is("of")
                || i.checked_sub(1).is_some_and(|p| {
                    let pw = &text[toks[p].range.clone()];
                    DETERMINERS.iter().any(|d| pw.eq_ignore_ascii_case(d))
                }));
        // `had been scheduled to expire Friday`, `had planned`: a plan seen from a past
        // perfect was made, and mostly carried out or dropped, before the report.
        let planned_before =
            || before_is(1, "had") || (before_is(1, "been") && before_is(2, "had"));
        let plan_word = FUTURE.iter().chain(NOT_YET).chain(SCHEDULED).any(is);
        let mark = if plan_word && planned_before() {
            Mark::Past
        } else if FUTURE.iter().any(is)
            || (is(&"ll") && i > 0 && toks[i - 1].lex == lex::Lex::Punct(b'\''))
            || (is(&"set") && next_is("to"))
        {
            Mark::Future { strong: true }
        } else if ((is(&"is") || is(&"are")) && dated_by_copula(text, toks, i + 1))
            // `the vote is set for Saturday`: a date fixed ahead.
            || (is(&"set") && next_is("for") && (before_is(1, "is") || before_is(1, "are")))
            || (DEADLINE.iter().any(is)
                && toks.get(i + 1).is_some_and(starts_a_date)
                && !perfect(i))
        {
            Mark::Future { strong: false }
        } else if (NOT_YET.iter().any(is) && !noun) || SCHEDULED.iter().any(is) {
            Mark::NotYet {
                past_form: w.ends_with("ed"),
                plan_to,
                infinitive: SCHEDULED.iter().any(is) && before_is(1, "to"),
            }
        } else if SAYING.iter().any(is) {
            Mark::Said
        } else if (PAST.iter().any(is) && !((is(&"was") || is(&"were")) && looks_ahead(i + 1)))
            || regular_past(text, toks, i)
            // `since March`: what has lasted since a time began before the report.
            || (is(&"since") && toks.get(i + 1).is_some_and(starts_a_date))
        {
            Mark::Past
        } else {
            continue;
        };
        out.push((i, mark));
    }
    out
}

/// A day or month follows the copula before token `at`, directly or after `on`/`in`: `the
/// hearing is on Friday`, `the vote is in March`. The present of `be` with a date tells a
/// schedule (what is over is told with `was`).
fn dated_by_copula(text: &str, toks: &[lex::Tok], at: usize) -> bool {
    use lex::{Kw, Lex};
    let k = match toks.get(at) {
        Some(t)
            if ["on", "in"]
                .iter()
                .any(|p| text[t.range.clone()].eq_ignore_ascii_case(p)) =>
        {
            at + 1
        }
        _ => at,
    };
    toks.get(k).is_some_and(|t| match t.lex {
        Lex::Weekday(_) | Lex::Month(_) => t.cap,
        Lex::Kw(Kw::Next) => true,
        _ => false,
    })
}

/// A token that can open a point in time after a preposition of deadline.
fn starts_a_date(t: &lex::Tok) -> bool {
    use lex::{Kw, Lex};
    matches!(
        t.lex,
        Lex::Month(_)
            | Lex::Weekday(_)
            | Lex::Clock(_)
            | Lex::Num(..)
            | Lex::Kw(Kw::Early | Kw::Late | Kw::Mid | Kw::Noon | Kw::Midnight | Kw::Next)
    ) && (t.cap || !matches!(t.lex, Lex::Month(_) | Lex::Weekday(_)))
}

/// Token `i` is a lower-case `-ed` word used as a past tense (see [`tense_markers`]).
fn regular_past(text: &str, toks: &[lex::Tok], i: usize) -> bool {
    let w = &text[toks[i].range.clone()];
    if w.len() < 5 || !w.ends_with("ed") || !w.as_bytes()[0].is_ascii_lowercase() {
        return false;
    }
    if NOT_PAST.iter().any(|s| w.eq_ignore_ascii_case(s)) {
        return false;
    }
    // `so-called`, `state-owned`: a glued hyphen makes an adjective.
    let prev = i.checked_sub(1).map(|p| &toks[p]);
    if prev.is_some_and(|p| p.lex == lex::Lex::Punct(b'-') && p.range.end == toks[i].range.start) {
        return false;
    }
    !prev.is_some_and(|p| {
        let pw = &text[p.range.clone()];
        DETERMINERS
            .iter()
            .chain(NOT_PAST_BEFORE)
            .any(|s| pw.eq_ignore_ascii_case(s))
    })
}

/// How far after a verb of saying an expression is still governed by it: `said Friday`,
/// `told a news conference on Tuesday`, unless a `that` clause comes between.
const SAID_REACH: usize = 5;

/// How many tokens further a marker after an expression counts as than one before it: an
/// adjunct belongs to the verb before it unless that verb is much further away (`Protesters
/// planned a rally on Saturday and were planning to …` looks ahead).
const AFTER: usize = 5;

/// The tense that governs token `at`: -1 past, 1 future (2 told by `will` and its kin), 0
/// when the sentence has none, with the signs `reach` admits.
///
/// English puts a time adjunct after its verb (`met Monday`, `will meet on Thursday`), or at
/// the head of the sentence before it (`On Friday, the government paid`): the nearest marker
/// before the expression wins over one after it at a similar distance. A verb of saying dates
/// the report, not what is reported, so it only counts for the expression it governs directly.
fn tense_at(markers: &[(usize, Mark)], at: usize, reach: Reach) -> i8 {
    let said_reaches = |i: usize| {
        i.abs_diff(at) <= 2
            || (i < at
                && at - i <= SAID_REACH
                && !markers
                    .iter()
                    .any(|&(k, m)| m == Mark::Clause && i < k && k < at))
    };
    markers
        .iter()
        .filter_map(|&(i, m)| {
            let d = match m {
                Mark::Past => -1,
                Mark::Future { strong } => 1 + i8::from(strong),
                Mark::NotYet {
                    past_form,
                    plan_to,
                    infinitive,
                } if plan_to || reach == Reach::Near || reach == Reach::Schedule && !infinitive => {
                    if past_form && i > at {
                        -1
                    } else {
                        1
                    }
                }
                Mark::Said if said_reaches(i) => -1,
                _ => return None,
            };
            Some((if i < at { at - i } else { i - at + AFTER }, d))
        })
        .min_by_key(|&(distance, _)| distance)
        .map_or(0, |(_, d)| d)
}

#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_news;
