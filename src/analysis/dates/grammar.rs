//! The grammar of English temporal expressions over [`Tok`]ens.
//!
//! Every rule starts at one token and returns the longest expression it recognises there, with
//! its TIMEX3 type and value already resolved against the anchor (the article date) and the
//! tense of the sentence. Extents follow TimeML: prepositions (`on`, `in`, `over`, `since`)
//! stay outside, determiners and modifiers that belong to the expression (`the past week`,
//! `early 2014`, `nearly two years`, `two years ago`) inside.

mod holidays;

use chrono::{Datelike, NaiveDate};

use super::calendar::{self, shift, value_at, weekday_near, year_for, ymd};
use super::lex::{Kw, Lex, Part, Tok, Unit};
use super::{Reach, TimexType};

/// A recognised expression: tokens `start..end` of the sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    pub end: usize,
    pub kind: TimexType,
    pub value: String,
    pub modifier: Option<&'static str>,
    /// Days an anchored duration covers (`the past week`).
    pub period: Option<(NaiveDate, NaiveDate)>,
    /// A point later anaphora (`a year earlier`, `that day`) refer back to.
    pub point: Option<(NaiveDate, Unit)>,
}

impl Hit {
    fn new(end: usize, kind: TimexType, value: String) -> Self {
        Hit {
            end,
            kind,
            value,
            modifier: None,
            period: None,
            point: None,
        }
    }

    fn date(end: usize, value: String) -> Self {
        Self::new(end, TimexType::Date, value)
    }

    fn at(end: usize, d: NaiveDate, unit: Unit) -> Self {
        let mut h = Self::date(end, value_at(d, unit));
        h.point = Some((d, unit));
        h
    }

    fn with_mod(mut self, m: &'static str) -> Self {
        self.modifier = Some(m);
        self
    }
}

/// A quantity: known (`two`, `90`, `a`) or vague (`several`, `a few`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Qty {
    N(u32),
    Vague,
}

/// What the grammar knows around one sentence.
pub struct Ctx<'a> {
    pub text: &'a str,
    pub toks: &'a [Tok],
    pub anchor: Option<NaiveDate>,
    /// Tense direction of the sentence at a token: -1 past, 1 future, 0 unknown, with the
    /// signs of the future a [`Reach`] admits.
    pub direction: &'a dyn Fn(usize, Reach) -> i8,
    /// The last point in time the text mentioned, for anaphora.
    pub reference: Option<(NaiveDate, Unit)>,
}

impl Ctx<'_> {
    fn lex(&self, i: usize) -> Option<Lex> {
        self.toks.get(i).map(|t| t.lex)
    }

    fn kw(&self, i: usize, k: Kw) -> bool {
        self.lex(i) == Some(Lex::Kw(k))
    }

    fn punct(&self, i: usize, p: u8) -> bool {
        self.lex(i) == Some(Lex::Punct(p))
    }

    /// Token `i` directly touches token `i + 1` (no space): `mid-March`, `two-year`.
    fn glued(&self, i: usize) -> bool {
        match (self.toks.get(i), self.toks.get(i + 1)) {
            (Some(a), Some(b)) => a.range.end == b.range.start,
            _ => false,
        }
    }

    /// A hyphen joining `i - 1` and `i + 1`.
    fn hyphen(&self, i: usize) -> bool {
        i > 0 && self.punct(i, b'-') && self.glued(i - 1) && self.glued(i)
    }

    fn word(&self, i: usize) -> &str {
        self.toks.get(i).map_or("", |t| &self.text[t.range.clone()])
    }

    fn unit(&self, i: usize) -> Option<(Unit, bool)> {
        match self.lex(i)? {
            Lex::Unit(u, plural) => Some((u, plural)),
            Lex::Ord(2) if self.word(i).eq_ignore_ascii_case("second") => {
                Some((Unit::Second, false))
            }
            _ => None,
        }
    }

    fn dir(&self, i: usize) -> i8 {
        (self.direction)(i, Reach::Tense)
    }

    /// [`Ctx::dir`] for expressions a few days away, where weak signs of the future count.
    fn dir_near(&self, i: usize) -> i8 {
        (self.direction)(i, Reach::Near)
    }

    /// A quantity at `i`: digits, number words (`twenty-four`), `a`/`an`, `a couple of`,
    /// `several`, `a few`. Returns it and the token after.
    fn qty(&self, i: usize) -> Option<(Qty, usize)> {
        match self.lex(i)? {
            Lex::Num(n, d) if d <= 4 && !self.punct(i + 1, b'%') => Some((Qty::N(n), i + 1)),
            Lex::NumW(n) => {
                let mut n = n;
                let mut j = i + 1;
                if (20..100).contains(&n)
                    && n % 10 == 0
                    && self.hyphen(j)
                    && let Some(Lex::NumW(u)) = self.lex(j + 1)
                    && u < 10
                {
                    n += u;
                    j += 2;
                } else if (20..100).contains(&n)
                    && n % 10 == 0
                    // `twenty four hours`, as transcripts write it.
                    && let Some(Lex::NumW(u)) = self.lex(j)
                    && (1..10).contains(&u)
                {
                    n += u;
                    j += 1;
                } else if n < 20
                    && let Some(Lex::NumW(100)) = self.lex(j)
                {
                    n *= 100;
                    j += 1;
                }
                Some((Qty::N(n), j))
            }
            Lex::Kw(Kw::A) => match self.lex(i + 1)? {
                Lex::Kw(Kw::Few) => Some((Qty::Vague, i + 2)),
                Lex::Kw(Kw::Couple) if self.kw(i + 2, Kw::Of) => Some((Qty::N(2), i + 3)),
                Lex::NumW(100) => Some((Qty::N(100), i + 2)),
                Lex::NumW(12) => Some((Qty::N(12), i + 2)),
                Lex::Kw(Kw::Half) => Some((Qty::N(0), i + 2)),
                _ => Some((Qty::N(1), i + 1)),
            },
            Lex::Kw(Kw::Several | Kw::Few | Kw::Many) => Some((Qty::Vague, i + 1)),
            _ => None,
        }
    }

    /// A year at `i`: four digits 1000–2099 that are not an amount or a count.
    fn year(&self, i: usize) -> Option<i32> {
        let Some(Lex::Num(y, 4)) = self.lex(i) else {
            return None;
        };
        if !(1000..=2099).contains(&y) {
            return None;
        }
        let tok = &self.toks[i];
        let before = self.text[..tok.range.start].chars().next_back();
        // `mid-1996` is a year, `1990-1995` and `123-2016` are not (the first is a span).
        let mid = i >= 2 && self.hyphen(i - 1) && self.kw(i - 2, Kw::Mid);
        if matches!(
            before,
            Some('$' | '£' | '€' | '#' | '+' | '-' | '/' | '.' | ',' | ':')
        ) && !mid
        {
            return None;
        }
        let after = self.text[tok.range.end..].chars().next();
        if matches!(after, Some('%' | '/' | ':' | '-')) && !self.punct(i + 1, b'-') {
            return None;
        }
        if self.punct(i + 1, b'-') && matches!(self.lex(i + 2), Some(Lex::Num(..))) {
            return None;
        }
        Some(y as i32)
    }

    /// A year spelled out, as broadcast transcripts write it: `nineteen ninety-six`,
    /// `nineteen hundred`, `two thousand`, `two thousand and one`. Returns it and the token
    /// after. `two thousand` alone is a count as often as a year, so the caller checks where it
    /// stands.
    fn spoken_year(&self, i: usize) -> Option<(i32, usize)> {
        let Some(Lex::NumW(h)) = self.lex(i) else {
            return None;
        };
        if h == 2 && self.word(i + 1).eq_ignore_ascii_case("thousand") {
            let mut j = i + 2;
            if self.word(j).eq_ignore_ascii_case("and") {
                j += 1;
            }
            return match self.qty(j) {
                Some((Qty::N(n), k)) if (1..100).contains(&n) && !self.kw(j, Kw::A) => {
                    Some((2000 + n as i32, k))
                }
                _ => Some((2000, i + 2)),
            };
        }
        if !(15..=20).contains(&h) {
            return None;
        }
        match self.lex(i + 1)? {
            Lex::NumW(100) => Some((h as i32 * 100, i + 2)),
            Lex::NumW(t) if (10..20).contains(&t) => Some((h as i32 * 100 + t as i32, i + 2)),
            Lex::NumW(t) if (20..100).contains(&t) && t % 10 == 0 => {
                let (n, k) = self.qty(i + 1)?;
                match n {
                    Qty::N(n) => Some((h as i32 * 100 + n as i32, k)),
                    Qty::Vague => None,
                }
            }
            _ => None,
        }
    }

    /// A day of the month at `i`: `20`, `20th`, `twentieth`.
    fn day(&self, i: usize) -> Option<u32> {
        match self.lex(i)? {
            Lex::Num(d, 1..=2) | Lex::Ord(d) if (1..=31).contains(&d) => Some(d),
            _ => None,
        }
    }
}

/// The longest expression starting at token `i`.
pub fn parse_at(c: &Ctx, i: usize) -> Option<Hit> {
    match c.lex(i)? {
        Lex::Word => {
            return quarter_code(c, i)
                .or_else(|| beyond_year(c, i))
                .or_else(|| c.toks[i].cap.then(|| holidays::feast(c, i)).flatten());
        }
        Lex::Punct(b'\'') => return decade(c, i),
        Lex::Punct(_) => return None,
        // Frequent words that start no expression on their own: skip the rules cheaply.
        Lex::Kw(
            Kw::Of | Kw::To | Kw::Than | Kw::Near | Kw::Term | Kw::Ended | Kw::Old | Kw::Eve,
        ) => {
            return None;
        }
        Lex::Kw(Kw::At) if !c.kw(i + 1, Kw::Least) && !c.kw(i + 1, Kw::Most) => return None,
        Lex::Kw(Kw::The | Kw::A | Kw::That)
            if c.lex(i + 1)
                .is_none_or(|l| matches!(l, Lex::Word | Lex::Punct(_)))
                && !(c.kw(i, Kw::A) && counted_as(c, i + 1))
                && !(c.kw(i, Kw::The) && c.word(i + 1).eq_ignore_ascii_case("full")) =>
        {
            return None;
        }
        _ => {}
    }
    let candidates = [
        set(c, i),
        modified_duration(c, i),
        modified_date(c, i),
        time(c, i),
        date(c, i),
        duration(c, i),
        vague_plural(c, i),
    ];
    candidates.into_iter().flatten().max_by_key(|h| h.end)
}

// ---------------------------------------------------------------- sets

fn set(c: &Ctx, i: usize) -> Option<Hit> {
    let p = |u: &str| format!("P1{u}");
    let simple = match c.lex(i)? {
        Lex::Kw(Kw::Daily) => Some(p("D")),
        Lex::Kw(Kw::Weekly) => Some(p("W")),
        Lex::Kw(Kw::Monthly) => Some(p("M")),
        Lex::Kw(Kw::Annually) => Some(p("Y")),
        Lex::Kw(Kw::Hourly) => Some("PT1H".to_string()),
        _ => None,
    };
    if let Some(v) = simple {
        // `the Communist Party daily Granma`, `the weekly Der Spiegel`: a newspaper by name.
        let named = c
            .toks
            .get(i + 1)
            .is_some_and(|t| t.cap && t.lex == Lex::Word)
            && i > 0
            && (c.toks[i - 1].cap || c.kw(i - 1, Kw::The) || c.kw(i - 1, Kw::A));
        return (!named).then(|| Hit::new(i + 1, TimexType::Set, v));
    }
    if !c.kw(i, Kw::Every) && !c.kw(i, Kw::Each) {
        return None;
    }
    let j = i + 1;
    match c.lex(j)? {
        Lex::Weekday(wd) => {
            let mut end = j + 1;
            let mut v = format!("XXXX-WXX-{wd}");
            if let Some(Lex::Part(part)) = c.lex(end) {
                v.push_str(&format!("T{}", part.code()));
                end += 1;
            }
            Some(Hit::new(end, TimexType::Set, v))
        }
        Lex::Month(m) if c.toks[j].cap => {
            Some(Hit::new(j + 1, TimexType::Set, format!("XXXX-{m:02}")))
        }
        Lex::Part(part) => Some(Hit::new(
            j + 1,
            TimexType::Set,
            format!("TXX{}", part.code()),
        )),
        _ => {
            let (q, k) = match c.qty(j) {
                Some((Qty::N(n), k)) if !c.kw(j, Kw::A) => (n, k),
                _ => (1, j),
            };
            let (unit, _) = c.unit(k)?;
            Some(Hit::new(k + 1, TimexType::Set, duration_value(q, unit)))
        }
    }
}

// ---------------------------------------------------------------- durations

fn duration_value(n: u32, unit: Unit) -> String {
    let (n, code, time) = match unit {
        Unit::Second => (n, "S", true),
        Unit::Minute => (n, "M", true),
        Unit::Hour => (n, "H", true),
        Unit::Day => (n, "D", false),
        Unit::Week => (n, "W", false),
        Unit::Weekend => (n * 2, "D", false),
        Unit::Month => (n, "M", false),
        Unit::Quarter => (n, "Q", false),
        Unit::Year => (n, "Y", false),
        Unit::Decade => (n.saturating_mul(10), "Y", false),
        Unit::Century => (n, "C", false),
    };
    let t = if time { "T" } else { "" };
    format!("P{t}{n}{code}")
}

/// Modal verbs: after one, `one day` is some day to come.
const MODALS: &[&str] = &[
    "will", "would", "could", "might", "may", "can", "shall", "should", "ll",
];

/// `Islam will one day be…`, `hope he one day follows`, `One day we will return`: `one day`
/// after a modal or a hope and its subject, or heading a sentence in the future, is an unnamed
/// day ahead, not a length.
fn one_day(c: &Ctx, i: usize) -> Option<Hit> {
    if !c.word(i).eq_ignore_ascii_case("one") || c.unit(i + 1) != Some((Unit::Day, false)) {
        return None;
    }
    // `One day's pay`, `one day of talks`: a length after all.
    if (c.punct(i + 2, b'\'') && c.word(i + 3) == "s") || c.kw(i + 2, Kw::Of) {
        return None;
    }
    let is = |k: usize, words: &[&str]| words.iter().any(|w| c.word(k).eq_ignore_ascii_case(w));
    // `One day we will return`: at the head of a sentence in the future.
    let ahead = (i == 0 && c.dir(i) > 0)
        || i > 0
            // `may` in lower case: `in May one day` is the month.
            && (is(i - 1, MODALS) && !c.toks[i - 1].cap
                || (i > 1
                    && is(i - 1, &["he", "she", "they", "we", "i", "you", "it"])
                    && is(
                        i - 2,
                        &["hope", "hopes", "hoped", "dream", "dreams", "dreamed"],
                    )));
    ahead.then(|| Hit::date(i + 2, "FUTURE_REF".into()))
}

/// A word between a count and its unit that says which units are counted: `two more weeks`,
/// `an additional year`, `eight trading days`.
fn counted_as(c: &Ctx, k: usize) -> bool {
    c.kw(k, Kw::More)
        || ["additional", "extra", "trading", "business", "working"]
            .iter()
            .any(|w| c.word(k).eq_ignore_ascii_case(w))
}

/// `n` and a half units, for the units whose half is a whole number of the next smaller one.
fn half_duration(n: u32, unit: Unit) -> Option<String> {
    Some(match unit {
        Unit::Minute => format!("PT{n}M30S"),
        Unit::Hour => format!("PT{n}H30M"),
        Unit::Day => format!("P{n}DT12H"),
        Unit::Year => format!("P{n}Y6M"),
        _ => return None,
    })
}

fn vague_duration(unit: Unit) -> String {
    match unit {
        Unit::Second => "PTXS",
        Unit::Minute => "PTXM",
        Unit::Hour => "PTXH",
        Unit::Day | Unit::Weekend => "PXD",
        Unit::Week => "PXW",
        Unit::Month => "PXM",
        Unit::Quarter => "PXQ",
        Unit::Year => "PXY",
        Unit::Decade => "PXE",
        Unit::Century => "PXC",
    }
    .to_string()
}

/// `nearly two years`, `more than 90 minutes`, `about two years ago`: TimeML puts the
/// quantifying modifier inside the extent and records it as `mod`.
fn modified_duration(c: &Ctx, i: usize) -> Option<Hit> {
    let (m, j) = match c.lex(i)? {
        Lex::Kw(Kw::Nearly | Kw::Almost) => ("LESS_THAN", i + 1),
        Lex::Kw(Kw::About | Kw::Around | Kw::Approximately | Kw::Some) => ("APPROX", i + 1),
        Lex::Kw(Kw::More) if c.kw(i + 1, Kw::Than) => ("MORE_THAN", i + 2),
        Lex::Kw(Kw::Less) if c.kw(i + 1, Kw::Than) => ("LESS_THAN", i + 2),
        Lex::Kw(Kw::Over) => ("MORE_THAN", i + 1),
        Lex::Kw(Kw::Under) => ("LESS_THAN", i + 1),
        Lex::Kw(Kw::At) if c.kw(i + 1, Kw::Least) => ("EQUAL_OR_MORE", i + 2),
        Lex::Kw(Kw::At) if c.kw(i + 1, Kw::Most) => ("EQUAL_OR_LESS", i + 2),
        Lex::Kw(Kw::Up) if c.kw(i + 1, Kw::To) => ("EQUAL_OR_LESS", i + 2),
        _ => return None,
    };
    // Only a bare quantity follows: `over the past week` is `the past week`.
    c.qty(j)?;
    let inner = [duration(c, j), offset(c, j)]
        .into_iter()
        .flatten()
        .max_by_key(|h| h.end)?;
    Some(inner.with_mod(m))
}

fn duration(c: &Ctx, i: usize) -> Option<Hit> {
    if let Some(h) = one_day(c, i) {
        return Some(h);
    }
    let mut j = i;
    let the = c.kw(j, Kw::The);
    if the {
        j += 1;
    }
    // `the past two months`, `the next few days`, `the first nine months`.
    let anchored: i8 = match c.lex(j) {
        Some(Lex::Kw(Kw::Past | Kw::Last)) => -1,
        Some(Lex::Kw(Kw::Next | Kw::Coming)) => 1,
        _ => 0,
    };
    if anchored != 0 || (the && c.lex(j) == Some(Lex::Ord(1))) {
        j += 1;
    }
    if anchored != 0 && !the {
        return None; // `last week` is a date: `deictic`
    }
    let explicit = c.qty(j);
    let (q, k) = match explicit {
        Some(x) => x,
        None if anchored != 0 => (Qty::N(1), j),
        None => return None,
    };
    // `5 1/2 hours`: a half after the count.
    let fraction = c.lex(k) == Some(Lex::Num(1, 1))
        && c.punct(k + 1, b'/')
        && c.lex(k + 2) == Some(Lex::Num(2, 1))
        && c.glued(k)
        && c.glued(k + 1);
    let k = if fraction { k + 3 } else { k };
    let k = if explicit.is_some() && counted_as(c, k) && c.unit(k + 1).is_some() {
        k + 1
    } else {
        k
    };
    // `two-year`, `16-hour`: the adjectival form.
    let (unit_at, adjectival) = if c.hyphen(k) {
        (k + 1, true)
    } else {
        (k, false)
    };
    let (unit, plural) = c.unit(unit_at)?;
    let mut end = unit_at + 1;
    // `an hour and a half`.
    let and_half =
        c.word(end).eq_ignore_ascii_case("and") && c.kw(end + 1, Kw::A) && c.kw(end + 2, Kw::Half);
    if and_half {
        end += 3;
    }
    // Ages (`the 6-year-old`) are not durations; `a quarter`, `three-quarters` are fractions;
    // `a second` is an ordinal more often than a unit.
    if (adjectival && c.hyphen(end) && c.kw(end + 1, Kw::Old))
        || (!adjectival && c.kw(end, Kw::Old))
        || (unit == Unit::Quarter && (!plural || adjectival))
        || (unit == Unit::Second && !plural)
        || unit == Unit::Weekend
        || (!adjectival && c.hyphen(end) && c.word(end + 1).eq_ignore_ascii_case("long"))
    {
        return None; // `a day-long meeting` is `day-long`: see `vague_plural`
    }
    if explicit.is_none() {
        // `the past week`, `the next month`: the period just before or after the article date,
        // a DATE in TimeML; the days it covers go to the timeline. `the coming weeks` is
        // vaguer: `deictic` makes it FUTURE_REF.
        if plural {
            return None;
        }
        let Some(a) = c.anchor else {
            let v = if anchored < 0 {
                "PAST_REF"
            } else {
                "FUTURE_REF"
            };
            return Some(Hit::date(end, v.into()));
        };
        let mut h = Hit::at(end, shift(a, unit, i64::from(anchored))?, unit);
        h.period = anchored_period(a, unit, 1, anchored);
        return Some(h);
    }
    // `$5 a year`, `twice a week`, `700 seats a week`: a rate, not a duration.
    if c.kw(j, Kw::A) && j > 0 && is_rate(c, j - 1) {
        return None;
    }
    // `the two-week strike`: the adjective is the expression.
    if the && adjectival && anchored == 0 {
        return None;
    }
    let value = match q {
        Qty::N(0) => match unit {
            Unit::Hour => "PT30M".to_string(),
            Unit::Year => "P6M".to_string(),
            Unit::Day => "PT12H".to_string(),
            _ => return None,
        },
        Qty::N(n) if fraction || and_half => {
            half_duration(n, unit).unwrap_or_else(|| duration_value(n, unit))
        }
        Qty::N(n) => duration_value(n, unit),
        Qty::Vague => vague_duration(unit),
    };
    let mut hit = Hit::new(end, TimexType::Duration, value);
    if let (Some(a), Qty::N(n)) = (c.anchor, q)
        && anchored != 0
    {
        hit.period = anchored_period(a, unit, n, anchored);
    }
    Some(hit)
}

/// The days of `n` units right before (`direction` < 0) or after the anchor, for units of a
/// day or more.
fn anchored_period(
    a: NaiveDate,
    unit: Unit,
    n: u32,
    direction: i8,
) -> Option<(NaiveDate, NaiveDate)> {
    if n == 0 || unit < Unit::Day {
        return None;
    }
    let n = i64::from(n);
    if direction < 0 {
        shift(a, unit, -n).zip(a.pred_opt())
    } else {
        a.succ_opt().zip(shift(a, unit, n))
    }
}

/// `for years`, `within weeks`: a bare plural unit after a preposition of duration is a
/// vague duration (`PXY`). Only the unit is the expression.
fn vague_plural(c: &Ctx, i: usize) -> Option<Hit> {
    // `decades-long`, `a day-long meeting`: an adjective of duration.
    if let Some((unit, plural)) = c.unit(i)
        && c.hyphen(i + 1)
        && c.word(i + 2).eq_ignore_ascii_case("long")
    {
        let value = if plural {
            vague_duration(unit)
        } else {
            duration_value(1, unit)
        };
        return Some(Hit::new(i + 3, TimexType::Duration, value));
    }
    let (unit, true) = c.unit(i)? else {
        return None;
    };
    let after_preposition = i > 0
        && ["for", "within", "in", "over", "after", "took", "lasted"]
            .iter()
            .any(|p| c.word(i - 1).eq_ignore_ascii_case(p));
    let followed = c.kw(i + 1, Kw::Of)
        || c.kw(i + 1, Kw::Ago)
        || c.kw(i + 1, Kw::Later)
        || c.kw(i + 1, Kw::Earlier)
        || c.kw(i + 1, Kw::Old);
    if !after_preposition || followed || unit == Unit::Quarter || unit == Unit::Weekend {
        return None;
    }
    Some(Hit::new(i + 1, TimexType::Duration, vague_duration(unit)))
}

/// Token `i` ends an amount that `a <unit>` would make a rate of: a number, a multiplier, or
/// a counted plural noun (`700 seats`).
fn is_rate(c: &Ctx, i: usize) -> bool {
    let amount = |k: usize| {
        matches!(
            c.lex(k),
            Some(Lex::Num(..) | Lex::NumW(_) | Lex::Punct(b'%'))
        ) || c.word(k).bytes().next().is_some_and(|b| b.is_ascii_digit())
            || [
                "million", "billion", "thousand", "times", "once", "twice", "cents", "dollars",
                "percent", "per",
            ]
            .iter()
            .any(|w| c.word(k).eq_ignore_ascii_case(w))
    };
    let w = c.word(i);
    amount(i) || (i > 0 && w.len() > 3 && w.ends_with('s') && amount(i - 1))
}

impl PartialOrd for Unit {
    fn partial_cmp(&self, other: &Self) -> Option<std::cmp::Ordering> {
        Some((*self as u8).cmp(&(*other as u8)))
    }
}

// ---------------------------------------------------------------- times

/// `3pm`, `3 p.m.`, `10:30 GMT`, `noon`, optionally followed by the day (`10 p.m. Wednesday`).
fn time(c: &Ctx, i: usize) -> Option<Hit> {
    let (hour, minute, mut j) = match c.lex(i)? {
        Lex::Clock(h) => (h, 0, i + 1),
        // `high noon comes today`: the hour of a showdown, a figure of speech.
        Lex::Kw(Kw::Noon) if i > 0 && c.word(i - 1).eq_ignore_ascii_case("high") => return None,
        Lex::Kw(Kw::Noon) => (12, 0, i + 1),
        Lex::Kw(Kw::Midnight) => (0, 0, i + 1),
        // `1700 GMT`, `0930 local time`: a 24-hour clock, which a zone tells from a year.
        Lex::Num(hm, 4) if hm / 100 < 24 && hm % 100 < 60 => {
            if c.kw(i + 1, Kw::Zone) {
                (hm / 100, hm % 100, i + 1)
            } else if c.word(i + 1).eq_ignore_ascii_case("local")
                && c.word(i + 2).eq_ignore_ascii_case("time")
            {
                (hm / 100, hm % 100, i + 3)
            } else {
                return None;
            }
        }
        Lex::Num(h, 1..=2) if h <= 24 => {
            let (minute, j) = match (
                c.punct(i + 1, b':') && c.glued(i) && c.glued(i + 1),
                c.lex(i + 2),
            ) {
                (true, Some(Lex::Num(m, 2))) if m < 60 => (m, i + 3),
                _ => (0, i + 1),
            };
            let (pm, k) = ampm(c, j)?.map_or((None, j), |(pm, k)| (Some(pm), k));
            if pm.is_none() && j == i + 1 {
                // `4 in the morning`, `10 at night`; else a bare number.
                let (part, k) = part_after(c, j).filter(|_| (1..=12).contains(&h))?;
                let pm = match part {
                    Part::Morning => false,
                    Part::Afternoon | Part::Evening => true,
                    Part::Night => (6..12).contains(&h),
                };
                (h % 12 + if pm { 12 } else { 0 }, 0, k)
            } else {
                let hour = match pm {
                    Some(true) if h < 12 => h + 12,
                    Some(false) if h == 12 => 0,
                    Some(_) if h > 12 => return None,
                    _ => h,
                };
                (hour, minute, k)
            }
        }
        _ => return None,
    };
    if let Some(Lex::Clock(_)) = c.lex(i)
        && let Some(Some((_, k))) = ampm(c, j)
    {
        j = k;
    }
    if c.kw(j, Kw::Zone) {
        j += 1;
    }
    // The day it belongs to: `10 p.m. Wednesday`, `noon today`, `3pm on Friday`.
    // A clock time belongs to the day last mentioned (`On Friday … at 10:35 a.m.`), else to
    // the article's day.
    let mut day = match c.reference {
        Some((d, Unit::Day)) => Some(d),
        _ => c.anchor,
    };
    let mut unresolved = c.anchor.is_none();
    let mut k = j;
    if c.punct(k, b',') {
        k += 1;
    }
    let mut dated = false;
    if let Some(d) = date(c, k).filter(|h| h.kind == TimexType::Date)
        && let Some((p, Unit::Day)) = d.point
    {
        day = Some(p);
        unresolved = false;
        j = d.end;
        dated = true;
    }
    // Midnight ends the day it belongs to (`midnight Friday`, `will begin at midnight`):
    // TimeML writes it `T24:00` of that day. Only a bare one in a past story with no day
    // mentioned (`attacked shortly after midnight`) is the start of the article's day.
    let told_day = dated || matches!(c.reference, Some((_, Unit::Day)));
    let hour = if c.kw(i, Kw::Midnight) && (told_day || c.dir(i) >= 0) {
        24
    } else {
        hour
    };
    let clock = if minute == 0 && matches!(c.lex(i), Some(Lex::Kw(_))) {
        format!("T{hour:02}:00")
    } else {
        format!("T{hour:02}:{minute:02}")
    };
    let value = match day {
        Some(d) if !unresolved => format!("{}{clock}", ymd(d)),
        _ => format!("XXXX-XX-XX{clock}"),
    };
    Some(Hit::new(j, TimexType::Time, value))
}

/// `in the morning`, `in the evening`, `at night` after an hour: the part of the day and the
/// token after.
fn part_after(c: &Ctx, i: usize) -> Option<(Part, usize)> {
    match (c.lex(i + 1), c.lex(i + 2)) {
        (Some(Lex::Kw(Kw::The)), Some(Lex::Part(p)))
            if p != Part::Night && c.word(i).eq_ignore_ascii_case("in") =>
        {
            Some((p, i + 3))
        }
        (Some(Lex::Part(Part::Night)), _) if c.word(i).eq_ignore_ascii_case("at") => {
            Some((Part::Night, i + 2))
        }
        _ => None,
    }
}

/// `pm`, `p.m.`, `a.m`: `Some(Some((is_pm, next)))`, `Some(None)` when absent. `None` never
/// (the outer option lets callers use `?` uniformly).
fn ampm(c: &Ctx, i: usize) -> Option<Option<(bool, usize)>> {
    if c.kw(i, Kw::Am) || c.kw(i, Kw::Pm) {
        let pm = c.kw(i, Kw::Pm);
        let k = if c.punct(i + 1, b'.') && c.glued(i) {
            i + 2
        } else {
            i + 1
        };
        return Some(Some((pm, k)));
    }
    let w = c.word(i);
    if (w.eq_ignore_ascii_case("a") || w.eq_ignore_ascii_case("p"))
        && c.punct(i + 1, b'.')
        && c.word(i + 2).eq_ignore_ascii_case("m")
    {
        let k = if c.punct(i + 3, b'.') { i + 4 } else { i + 3 };
        return Some(Some((w.eq_ignore_ascii_case("p"), k)));
    }
    Some(None)
}

// ---------------------------------------------------------------- dates

/// `early 2014`, `mid-March`, `late last year`, `the end of 1990`, `earlier this month`.
fn modified_date(c: &Ctx, i: usize) -> Option<Hit> {
    let mut j = i;
    if c.kw(j, Kw::The) {
        j += 1;
    }
    let (m, k) = match c.lex(j)? {
        Lex::Kw(Kw::Early) => (Some("START"), j + 1),
        Lex::Kw(Kw::Late) => (Some("END"), j + 1),
        Lex::Kw(Kw::Mid) if c.hyphen(j + 1) => (Some("MID"), j + 2),
        Lex::Kw(Kw::Mid) => (Some("MID"), j + 1),
        Lex::Kw(Kw::Middle) if c.kw(j + 1, Kw::Of) => (Some("MID"), j + 2),
        Lex::Kw(Kw::Beginning | Kw::Start) if c.kw(j + 1, Kw::Of) => (Some("START"), j + 2),
        Lex::Kw(Kw::End) if c.kw(j + 1, Kw::Of) => (Some("END"), j + 2),
        Lex::Kw(Kw::Earlier | Kw::Later) if j == i => (None, j + 1),
        _ => return None,
    };
    if j > i
        && m.is_some()
        && !matches!(
            c.lex(j),
            Some(Lex::Kw(Kw::Middle | Kw::Beginning | Kw::Start | Kw::End))
        )
    {
        return None; // `the early 1990s` is parsed by `decade`
    }
    // `the end of the year`, `the middle of the month`: the article's year, month, week.
    if let Some(md) = m
        && c.kw(k, Kw::The)
        && let Some((unit @ (Unit::Year | Unit::Month | Unit::Week), false)) = c.unit(k + 1)
        && let Some(a) = c.anchor
    {
        return Some(Hit::at(k + 2, a, unit).with_mod(md));
    }
    let inner = date(c, k)?;
    if inner.kind != TimexType::Date || inner.value.ends_with("_REF") {
        return None;
    }
    if m.is_none()
        && !matches!(
            c.lex(k),
            Some(Lex::Kw(Kw::This | Kw::Last | Kw::Next | Kw::That))
        )
    {
        return None;
    }
    let mut hit = inner;
    hit.modifier = m;
    Some(hit)
}

fn date(c: &Ctx, i: usize) -> Option<Hit> {
    let candidates = [
        iso(c, i),
        month_first(c, i),
        day_first(c, i),
        weekday(c, i),
        year(c, i),
        spoken_year(c, i),
        decade(c, i),
        century(c, i),
        season(c, i),
        quarter(c, i),
        half(c, i),
        deictic(c, i),
        offset(c, i),
        anaphoric(c, i),
        holidays::feast(c, i),
        year_end(c, i),
        beside(c, i),
    ];
    candidates.into_iter().flatten().max_by_key(|h| h.end)
}

/// `2016-04-20`.
fn iso(c: &Ctx, i: usize) -> Option<Hit> {
    let Some(Lex::Num(y, 4)) = c.lex(i) else {
        return None;
    };
    if !(c.punct(i + 1, b'-')
        && c.glued(i)
        && c.glued(i + 1)
        && c.punct(i + 3, b'-')
        && c.glued(i + 2)
        && c.glued(i + 3))
    {
        return None;
    }
    let (Some(Lex::Num(m, 2)), Some(Lex::Num(d, 2))) = (c.lex(i + 2), c.lex(i + 4)) else {
        return None;
    };
    let day = NaiveDate::from_ymd_opt(y as i32, m, d)?;
    Some(Hit::at(i + 5, day, Unit::Day))
}

/// A month and day whose year is unknown: resolve it by the anchor and tense.
fn month_day(c: &Ctx, i: usize, end: usize, m: u32, d: u32, year: Option<i32>) -> Option<Hit> {
    let y = match (year, c.anchor) {
        (Some(y), _) => y,
        (None, Some(a)) => year_for(a, m, Some(d), c.dir(i)),
        (None, None) => return Some(Hit::date(end, format!("XXXX-{m:02}-{d:02}"))),
    };
    let day = NaiveDate::from_ymd_opt(y, m, d)?;
    Some(Hit::at(end, day, Unit::Day))
}

fn month_only(c: &Ctx, i: usize, end: usize, m: u32, year: Option<i32>) -> Option<Hit> {
    let y = match (year, c.anchor) {
        (Some(y), _) => y,
        (None, Some(a)) => year_for(a, m, None, c.dir(i)),
        (None, None) => return Some(Hit::date(end, format!("XXXX-{m:02}"))),
    };
    let day = NaiveDate::from_ymd_opt(y, m, 1)?;
    Some(Hit::at(end, day, Unit::Month))
}

/// A month token at `i` (abbreviations take their full stop); returns month and next token.
fn month_at(c: &Ctx, i: usize) -> Option<(u32, usize, bool)> {
    let Some(Lex::Month(m)) = c.lex(i) else {
        return None;
    };
    let tok = &c.toks[i];
    let full = tok.range.len() > 4 || m == 5 || (m == 6 || m == 7) && tok.range.len() == 4;
    if !(tok.cap || full && tok.range.len() > 5) {
        return None; // `may`, `march` as verbs; lower-case months only when unambiguous
    }
    let mut j = i + 1;
    if !full && c.punct(j, b'.') && c.glued(i) {
        j += 1;
    }
    Some((m, j, full || j > i + 1))
}

/// `April 20`, `April 20, 2016`, `April 2016`, `April`, `Aug. 7`, `April of 2016`.
fn month_first(c: &Ctx, i: usize) -> Option<Hit> {
    let (m, j, clear) = month_at(c, i)?;
    if let Some(d) = c.day(j) {
        let mut end = j + 1;
        let mut k = end;
        if c.punct(k, b',') {
            k += 1;
        }
        if let Some(y) = c.year(k) {
            return month_day(c, i, k + 1, m, d, Some(y));
        }
        if let Some(y) = year_phrase(c, end) {
            end += 2;
            return month_day(c, i, end, m, d, Some(y));
        }
        return month_day(c, i, end, m, d, None);
    }
    let mut k = j;
    if c.punct(k, b',') || c.kw(k, Kw::Of) {
        k += 1;
    }
    if let Some(y) = c.year(k) {
        return month_only(c, i, k + 1, m, Some(y));
    }
    if let Some(y) = year_phrase(c, j) {
        return month_only(c, i, j + 2, m, Some(y));
    }
    if let Some((y, end)) = c.spoken_year(k).filter(|&(y, _)| y != 2000) {
        return month_only(c, i, end, m, Some(y));
    }
    // A bare month: only a full, capitalised name (`Jan` is also a first name, `May` a verb
    // at the start of a sentence is rare enough to accept).
    if !clear || !c.toks[i].cap || c.word(i).len() < 3 {
        return None;
    }
    // `the March for Life`, `the March of the Mothers`: a march with a name.
    let named = |k: usize| c.toks.get(k).is_some_and(|t| t.cap && t.lex == Lex::Word);
    if m == 3
        && (c.word(j).eq_ignore_ascii_case("for") || c.kw(j, Kw::Of))
        && (named(j + 1) || c.kw(j + 1, Kw::The) && named(j + 2))
    {
        return None;
    }
    if m == 5
        && !(i > 0
            && matches!(c.lex(i - 1), Some(Lex::Kw(_)) | Some(Lex::Word))
            && is_preposition(c.word(i - 1)))
    {
        return None;
    }
    month_only(c, i, j, m, None)
}

/// Words that make the weekday after them a day with a name.
const NAMED_DAYS: &[&str] = &[
    "Good",
    "Easter",
    "Palm",
    "Ash",
    "Holy",
    "Maundy",
    "Remembrance",
    "Black",
    "Bloody",
    "Super",
    "Cyber",
];

/// `this year`, `last year`, `next year` at `i` (`April 20 last year`): the year meant.
fn year_phrase(c: &Ctx, i: usize) -> Option<i32> {
    let delta = match c.lex(i)? {
        Lex::Kw(Kw::This) => 0,
        Lex::Kw(Kw::Last) => -1,
        Lex::Kw(Kw::Next) => 1,
        _ => return None,
    };
    if c.lex(i + 1) != Some(Lex::Unit(Unit::Year, false)) {
        return None;
    }
    Some(c.anchor?.year() + delta)
}

fn is_preposition(w: &str) -> bool {
    [
        "in", "since", "until", "till", "by", "from", "of", "during", "before", "after", "through",
        "last", "next", "this", "early", "late", "mid", "on",
    ]
    .iter()
    .any(|p| w.eq_ignore_ascii_case(p))
}

/// `April 24 and 25`: a day number joined to the day expression that ends at token `i`,
/// in the same month. Only when nothing counted follows (`April 24 and 25 people`).
pub fn coordinated_day(c: &Ctx, i: usize, first: NaiveDate) -> Option<Hit> {
    if !(c.word(i).eq_ignore_ascii_case("and") || c.word(i).eq_ignore_ascii_case("or")) {
        return None;
    }
    let Some(Lex::Num(day, 1..=2)) = c.lex(i + 1) else {
        return None;
    };
    let free = match c.lex(i + 2) {
        None | Some(Lex::Punct(_) | Lex::Kw(_)) => true,
        Some(Lex::Word) => is_preposition(c.word(i + 2)),
        _ => false,
    };
    if !free || day <= first.day() || c.punct(i + 2, b'%') {
        return None;
    }
    let d = first.with_day(day)?;
    Some(Hit::at(i + 2, d, Unit::Day))
}

/// Tokens `start..end` are part of a name or a title: a word that English writes in lower
/// case (`week`, `noon`, `this`) is capitalised inside the expression, or at its head after
/// another word (`ABC's "This Week"`, `"60 Minutes"`, `High Noon`). Months, weekdays and
/// holidays are always capitalised (`Election Day` too); a sentence in title case (a
/// headline) says nothing.
pub fn in_a_title(c: &Ctx, start: usize, end: usize) -> bool {
    // Holidays are names: `Christmas Eve`, the `Year` of `New Year's Day`.
    let lower_case_word = |k: usize| {
        let t = &c.toks[k];
        t.cap
            && matches!(
                t.lex,
                Lex::Unit(..) | Lex::Part(_) | Lex::Season(_) | Lex::Kw(_) | Lex::NumW(_)
            )
            && !matches!(
                t.lex,
                Lex::Kw(
                    Kw::Christmas
                        | Kw::Thanksgiving
                        | Kw::Eve
                        | Kw::NewYear
                        | Kw::Zone
                        | Kw::Am
                        | Kw::Pm
                )
            )
            && !(k > 0 && c.kw(k - 1, Kw::NewYear))
    };
    let after_word = start > 0 && matches!(c.lex(start - 1), Some(Lex::Word));
    let titled = (start + 1..end)
        .any(|k| lower_case_word(k) && c.lex(k) != Some(Lex::Unit(Unit::Day, false)))
        || (after_word && lower_case_word(start));
    titled && !title_case(c.toks)
}

/// The sentence is in title case, as a headline: no word of four letters or more is in lower
/// case (short ones are `and`, `of`, `to`, which titles leave small).
fn title_case(toks: &[Tok]) -> bool {
    !toks
        .iter()
        .any(|t| !t.cap && t.range.len() >= 4 && !matches!(t.lex, Lex::Punct(_) | Lex::Num(..)))
}

/// `the day before Tuesday's hearing`, `the day after Christmas`, `the week of March 6`: a
/// day or a week placed by the date that follows.
fn beside(c: &Ctx, i: usize) -> Option<Hit> {
    if !c.kw(i, Kw::The) {
        return None;
    }
    let (unit, false) = c.unit(i + 1)? else {
        return None;
    };
    let next = c.word(i + 2);
    let delta = match unit {
        Unit::Day if next.eq_ignore_ascii_case("before") => -1,
        Unit::Day if next.eq_ignore_ascii_case("after") => 1,
        Unit::Week if c.kw(i + 2, Kw::Of) => 0,
        _ => return None,
    };
    let inner = date(c, i + 3)?;
    let (d, Unit::Day) = inner.point? else {
        return None;
    };
    Some(Hit::at(inner.end, shift(d, Unit::Day, delta)?, unit))
}

/// `20 April 2016`, `the 20th of April`.
fn day_first(c: &Ctx, i: usize) -> Option<Hit> {
    let j = if c.kw(i, Kw::The) { i + 1 } else { i };
    let d = c.day(j)?;
    let mut k = j + 1;
    if c.kw(k, Kw::Of) {
        k += 1;
    }
    let (m, mut end, _) = month_at(c, k)?;
    let mut year = None;
    let mut y_at = end;
    if c.punct(y_at, b',') {
        y_at += 1;
    }
    if let Some(y) = c.year(y_at) {
        year = Some(y);
        end = y_at + 1;
    }
    if j > i && !matches!(c.lex(j), Some(Lex::Ord(_))) {
        return None;
    }
    month_day(c, i, end, m, d, year)
}

/// `Monday`, `Friday morning`, `Friday, April 22`, `last Friday`.
fn weekday(c: &Ctx, i: usize) -> Option<Hit> {
    // `the previous Friday`, `the following Monday` count from the day the story is at;
    // `last Friday`, `next Monday` from the article's date.
    let (dir, strict, j, told) = match c.lex(i)? {
        Lex::Kw(Kw::The) if c.kw(i + 1, Kw::Previous) => (-1, true, i + 2, true),
        Lex::Kw(Kw::The) if c.kw(i + 1, Kw::Following) || c.kw(i + 1, Kw::Next) => {
            (1, true, i + 2, true)
        }
        Lex::Kw(Kw::Previous) => (-1, true, i + 1, true),
        Lex::Kw(Kw::Last | Kw::Past) => (-1, true, i + 1, false),
        Lex::Kw(Kw::Next | Kw::Coming) => (1, true, i + 1, false),
        Lex::Kw(Kw::This) => (0, false, i + 1, false),
        // News tells what happened: a bare weekday is the last one unless the sentence speaks
        // of the future.
        _ => (0, false, i, false),
    };
    let Some(Lex::Weekday(wd)) = c.lex(j) else {
        return None;
    };
    // `Good Friday`, `Easter Monday`, `Black Monday`, `Super Tuesday`: days with a name
    // (holidays are in `holidays`), never the weekday of the week.
    if !c.toks[j].cap || j > 0 && NAMED_DAYS.iter().any(|w| c.word(j - 1) == *w) {
        return None;
    }
    // `Wednesday's ruling` names something that already exists: weak signs of the future
    // (`they would appeal Wednesday's ruling`) are about something else.
    let possessive = c.punct(j + 1, b'\'') && c.word(j + 2).eq_ignore_ascii_case("s");
    let ahead = if possessive { c.dir(i) } else { c.dir_near(i) };
    let dir = if j > i {
        dir
    } else if ahead > 0 {
        1
    } else {
        -1
    };
    let mut k = j + 1;
    if c.punct(k, b',') {
        k += 1;
    }
    if let Some(h) = month_first(c, k).or_else(|| day_first(c, k))
        && h.value.len() == 10
    {
        return Some(h);
    }
    let end = j + 1;
    // The story's day: `Lehman struggled on Sept. 12, 2008. The following Monday, it filed`.
    let from = match c.reference {
        Some((d, Unit::Day)) if told => Some(d),
        _ => c.anchor,
    };
    let day = from.and_then(|a| weekday_near(a, wd, dir, strict));
    let hit = match day {
        Some(d) => Hit::at(end, d, Unit::Day),
        None => Hit::date(end, format!("XXXX-WXX-{wd}")),
    };
    Some(part_of_day(c, hit))
}

/// `Friday night`, `yesterday morning`: a day followed by a part of it is a TIME (TimeML
/// writes `2016-04-15TNI`); the day stays the reference for what follows.
fn part_of_day(c: &Ctx, hit: Hit) -> Hit {
    match c.lex(hit.end) {
        Some(Lex::Part(p)) if hit.kind == TimexType::Date && !hit.value.ends_with("_REF") => {
            let mut h = Hit::new(
                hit.end + 1,
                TimexType::Time,
                format!("{}T{}", hit.value, p.code()),
            );
            h.point = hit.point;
            h
        }
        _ => hit,
    }
}

/// `2002`, `fiscal 1989`, `the year 2000`.
fn year(c: &Ctx, i: usize) -> Option<Hit> {
    let j = if c.kw(i, Kw::Fiscal) { i + 1 } else { i };
    let y = c.year(j)?;
    // `a 1996 study` names a year, `a 1000 web links` counts: after `a`, a year is recent.
    if j == i && i > 0 && c.kw(i - 1, Kw::A) && y < 1800 {
        return None;
    }
    // `1500 people`: a count is followed by a plural noun (`1996 campaign` is a year).
    let next = c.word(j + 1);
    if j == i
        && c.lex(j + 1) == Some(Lex::Word)
        && next.len() > 3
        && next.ends_with('s')
        && !next.ends_with("ss")
        && !next.bytes().next().is_some_and(|b| b.is_ascii_uppercase())
        && !(j > 0 && (is_preposition(c.word(j - 1)) || names_one(c, j - 1)))
    {
        return None;
    }
    // `the 1988 period` in a report on a quarter: that quarter of 1988.
    if j > 0
        && c.kw(j - 1, Kw::The)
        && (c.lex(j + 1) == Some(Lex::Unit(Unit::Quarter, false))
            || c.word(j + 1).eq_ignore_ascii_case("period"))
        && let Some((r, Unit::Quarter)) = c.reference
    {
        let q = calendar::quarter_of(r.month());
        return Some(Hit::date(j + 2, format!("{y:04}-Q{q}")));
    }
    let d = NaiveDate::from_ymd_opt(y, 1, 1)?;
    Some(Hit::at(j + 1, d, Unit::Year))
}

/// A word before a number that makes it name one thing rather than count many: `the 1992
/// protests`, `Kopp's 1987 Chevrolet` (a count would be `the 1,500 protesters`).
fn names_one(c: &Ctx, i: usize) -> bool {
    c.kw(i, Kw::The) || (i > 0 && c.punct(i - 1, b'\'') && c.word(i).eq_ignore_ascii_case("s"))
}

/// `post-1959`, `pre-1990`: a year seen from after or before.
fn beyond_year(c: &Ctx, i: usize) -> Option<Hit> {
    if !c.hyphen(i + 1) {
        return None;
    }
    let w = c.word(i);
    let m = if w.eq_ignore_ascii_case("post") {
        "AFTER"
    } else if w.eq_ignore_ascii_case("pre") {
        "BEFORE"
    } else {
        return None;
    };
    let Some(Lex::Num(y, 4)) = c.lex(i + 2) else {
        return None;
    };
    let d = NaiveDate::from_ymd_opt(
        i32::try_from(y)
            .ok()
            .filter(|y| (1000..=2099).contains(y))?,
        1,
        1,
    )?;
    Some(Hit::at(i + 3, d, Unit::Year).with_mod(m))
}

/// `nineteen ninety-six`, `the year two thousand`: a spoken year where a written one would
/// stand. A bare `two thousand` is taken only as `the year two thousand` or after a
/// preposition of time and before no noun (`in two thousand`, not `two thousand troops`).
fn spoken_year(c: &Ctx, i: usize) -> Option<Hit> {
    let the_year = c.kw(i, Kw::The) && c.lex(i + 1) == Some(Lex::Unit(Unit::Year, false));
    let j = if the_year { i + 2 } else { i };
    let (y, end) = c.spoken_year(j)?;
    if y == 2000
        && !the_year
        && !(j > 0 && is_preposition(c.word(j - 1)) && c.lex(end) != Some(Lex::Word))
    {
        return None;
    }
    let d = NaiveDate::from_ymd_opt(y, 1, 1)?;
    Some(Hit::at(end, d, Unit::Year))
}

/// `the 1990s`, `the early 1990s`, `the '90s`, `the nineties`.
fn decade(c: &Ctx, i: usize) -> Option<Hit> {
    let mut j = i;
    if c.kw(j, Kw::The) {
        j += 1;
    }
    let m = match c.lex(j) {
        Some(Lex::Kw(Kw::Early)) => Some("START"),
        Some(Lex::Kw(Kw::Mid)) => Some("MID"),
        Some(Lex::Kw(Kw::Late)) => Some("END"),
        _ => None,
    };
    if m.is_some() {
        j += 1;
        if c.hyphen(j) {
            j += 1;
        }
    }
    let apostrophe = c.punct(j, b'\'');
    if apostrophe {
        j += 1;
    }
    let (v, short) = match c.lex(j)? {
        Lex::Decade(v, short) => (v, short),
        _ => return None,
    };
    // `in his 30s` is an age; `the '90s`, `the 90s`, `the nineties` are decades.
    if short
        && !apostrophe
        && !c.kw(i, Kw::The)
        && c.word(j).bytes().next().is_some_and(|b| b.is_ascii_digit())
    {
        return None;
    }
    let decade = if short { 190 + v } else { v };
    let mut h = Hit::date(j + 1, format!("{decade:03}"));
    h.modifier = m;
    if let Some(d) = NaiveDate::from_ymd_opt(decade as i32 * 10, 1, 1) {
        h.point = Some((d, Unit::Decade));
    }
    Some(h)
}

/// `the 21st century`, `the early 20th century`.
fn century(c: &Ctx, i: usize) -> Option<Hit> {
    let j = if c.kw(i, Kw::The) { i + 1 } else { i };
    let (m, j) = match c.lex(j)? {
        Lex::Kw(Kw::Early) => (Some("START"), j + 1),
        Lex::Kw(Kw::Late) => (Some("END"), j + 1),
        _ => (None, j),
    };
    let Some(Lex::Ord(n)) = c.lex(j) else {
        return None;
    };
    let k = if c.hyphen(j + 1) { j + 2 } else { j + 1 };
    if c.lex(k) != Some(Lex::Unit(Unit::Century, false)) || !(1..=30).contains(&n) {
        return None;
    }
    let mut h = Hit::date(k + 1, format!("{:02}", n - 1));
    h.modifier = m;
    Some(h)
}

/// `spring 2015`, `this summer`, `last fall`, `the winter of 1994`.
fn season(c: &Ctx, i: usize) -> Option<Hit> {
    let (delta, j) = match c.lex(i)? {
        Lex::Kw(Kw::This) => (Some(0), i + 1),
        Lex::Kw(Kw::Last | Kw::Past) => (Some(-1), i + 1),
        Lex::Kw(Kw::Next | Kw::Coming) => (Some(1), i + 1),
        Lex::Kw(Kw::The) => (None, i + 1),
        _ => (None, i),
    };
    let j = if c.kw(j, Kw::Past) && c.kw(i, Kw::This) {
        j + 1
    } else {
        j
    };
    let Some(Lex::Season(s)) = c.lex(j) else {
        return None;
    };
    // `the Spring of Life campaign`, `the Summer of Love`: a season with a name; `the fall of
    // the Berlin Wall`, `the fall of Rome`: a fall, unless a year follows (`the fall of 1989`).
    let named = c.toks[j].cap
        && c.toks
            .get(j + 2)
            .is_some_and(|t| t.cap && t.lex == Lex::Word);
    let a_fall = c.word(j).eq_ignore_ascii_case("fall")
        && c.year(j + 2).is_none()
        && c.spoken_year(j + 2).is_none()
        && year_phrase(c, j + 2).is_none();
    if c.kw(j + 1, Kw::Of) && (named || a_fall) {
        return None;
    }
    let code = ["SP", "SU", "FA", "WI"][usize::from(s)];
    let mut k = j + 1;
    if c.kw(k, Kw::Of) {
        k += 1;
    }
    if let Some((y, end)) = c
        .year(k)
        .map(|y| (y, k + 1))
        .or_else(|| c.spoken_year(k))
        .or_else(|| year_phrase(c, k).map(|y| (y, k + 2)))
    {
        return Some(Hit::date(end, format!("{y:04}-{code}")));
    }
    // Bare `spring`, `fall` are too often other words; so is `Fall` in a headline's title
    // case (`Stocks Fall Before Thanksgiving`).
    if delta.is_none()
        && j == i
        && (!c.toks[i].cap || c.word(i).eq_ignore_ascii_case("fall") && title_case(c.toks))
    {
        return None;
    }
    let Some(a) = c.anchor else {
        return Some(Hit::date(
            j + 1,
            if delta == Some(-1) {
                "PAST_REF".into()
            } else {
                format!("XXXX-{code}")
            },
        ));
    };
    // The season `a` falls in (winter counted to the year of its December).
    let now = match a.month() {
        3..=5 => 0,
        6..=8 => 1,
        9..=11 => 2,
        _ => 3,
    };
    let y = a.year() - i32::from(a.month() <= 2);
    let s = i32::from(s);
    // `last summer` is the last one over, `next summer` the next to begin; a bare `the
    // summer` is this year's, unless the tense points past it.
    let y = match delta {
        Some(-1) if s >= now => y - 1,
        Some(1) if s <= now => y + 1,
        Some(_) => y,
        // A season is months long: a plan or a schedule (`the bridge opens in the spring`)
        // is enough to place it ahead.
        None => match (c.direction)(i, Reach::Schedule) {
            -1 if s > now => y - 1,
            1 if s < now => y + 1,
            _ => y,
        },
    };
    Some(Hit::date(j + 1, format!("{y:04}-{code}")))
}

/// `Q3`, `Q3 2016`.
fn quarter_code(c: &Ctx, i: usize) -> Option<Hit> {
    let w = c.word(i).as_bytes();
    if w.len() != 2 || w[0] != b'Q' || !(b'1'..=b'4').contains(&w[1]) {
        return None;
    }
    let q = u32::from(w[1] - b'0');
    if let Some(y) = c.year(i + 1) {
        return Some(Hit::date(i + 2, format!("{y:04}-Q{q}")));
    }
    Some(quarter_value(c, i, i + 1, q))
}

/// The quarter `q` of the year the sentence talks about: the current one or the last one
/// already begun (past and present tense), or the next (future).
fn quarter_value(c: &Ctx, i: usize, end: usize, q: u32) -> Hit {
    let Some(a) = c.anchor else {
        return Hit::date(end, format!("XXXX-Q{q}"));
    };
    let now = calendar::quarter_of(a.month());
    // Quarters are reported after they end and forecast before they start: the quarter of
    // this year, unless it has not begun and the sentence is not about the future.
    let y = if q > now && c.dir(i) <= 0 {
        a.year() - 1
    } else {
        a.year()
    };
    let d = NaiveDate::from_ymd_opt(y, q * 3 - 2, 1);
    let mut h = Hit::date(end, format!("{y:04}-Q{q}"));
    h.point = d.map(|d| (d, Unit::Quarter));
    h
}

/// `the first half of 1990`, `the second half of this year`, `the last half of 1989`: half a
/// year, `1990-H1`. Only with its year: `the second half` alone is as often a match's.
fn half(c: &Ctx, i: usize) -> Option<Hit> {
    let j = if c.kw(i, Kw::The) { i + 1 } else { i };
    let second = match c.lex(j)? {
        Lex::Ord(1) => false,
        Lex::Ord(2) | Lex::Kw(Kw::Last) => true,
        _ => return None,
    };
    if !c.kw(j + 1, Kw::Half) || !c.kw(j + 2, Kw::Of) {
        return None;
    }
    let (y, end) = match (c.year(j + 3), year_phrase(c, j + 3)) {
        (Some(y), _) => (y, j + 4),
        (None, Some(y)) => (y, j + 5),
        _ => return None,
    };
    Some(Hit::date(end, format!("{y:04}-H{}", 1 + u8::from(second))))
}

/// `the third quarter`, `third-quarter`, `the fiscal first quarter`, `the 1988 second
/// quarter`, `the third quarter of 1989`.
fn quarter(c: &Ctx, i: usize) -> Option<Hit> {
    let mut j = i;
    if c.kw(j, Kw::The) {
        j += 1;
    }
    let mut year = None;
    if let Some(y) = c.year(j) {
        year = Some(y);
        j += 1;
    }
    // `the year-earlier third quarter`: the same quarter a year before.
    let mut year_before = false;
    if c.lex(j) == Some(Lex::Unit(Unit::Year, false))
        && c.hyphen(j + 1)
        && (c.kw(j + 2, Kw::Ago) || c.kw(j + 2, Kw::Earlier))
    {
        year_before = true;
        j += 3;
    }
    // `this year's third quarter`, `last year's fourth quarter`.
    if j == i
        && let Some(a) = c.anchor
        && let Some(delta) = match c.lex(j) {
            Some(Lex::Kw(Kw::This)) => Some(0),
            Some(Lex::Kw(Kw::Last)) => Some(-1),
            Some(Lex::Kw(Kw::Next)) => Some(1),
            _ => None,
        }
        && c.lex(j + 1) == Some(Lex::Unit(Unit::Year, false))
        && c.punct(j + 2, b'\'')
        && c.word(j + 3).eq_ignore_ascii_case("s")
    {
        year = Some(a.year() + delta);
        j += 4;
    }
    if c.kw(j, Kw::Fiscal) {
        j += 1;
    }
    let Some(Lex::Ord(q)) = c.lex(j) else {
        return None;
    };
    if !(1..=4).contains(&q) {
        return None;
    }
    j += 1;
    if c.hyphen(j) {
        // `the third-quarter results`: the adjective is the expression, not the noun phrase.
        if i + 2 < j && c.kw(i, Kw::The) && year.is_none() {
            return None;
        }
        j += 1;
    }
    if c.kw(j, Kw::Fiscal) {
        j += 1;
    }
    if c.lex(j) != Some(Lex::Unit(Unit::Quarter, false)) {
        return None;
    }
    j += 1;
    let mut k = j;
    if c.kw(k, Kw::Of) || c.punct(k, b',') {
        k += 1;
    }
    if c.kw(k, Kw::Fiscal) {
        k += 1;
    }
    if let Some(y) = c.year(k) {
        year = Some(y);
        j = k + 1;
    }
    if year_before {
        let y = year.or_else(|| c.anchor.map(|a| a.year()));
        return Some(Hit::date(
            j,
            y.map_or(format!("XXXX-Q{q}"), |y| format!("{:04}-Q{q}", y - 1)),
        ));
    }
    if let Some(y) = year {
        let mut h = Hit::date(j, format!("{y:04}-Q{q}"));
        h.point = NaiveDate::from_ymd_opt(y, q * 3 - 2, 1).map(|d| (d, Unit::Quarter));
        return Some(h);
    }
    Some(quarter_value(c, i, j, q))
}

/// Nouns after `today's` that mean the present age, not the day: `today's youth`.
const NOWADAYS: &[&str] = &[
    "world",
    "youth",
    "society",
    "generation",
    "children",
    "kids",
    "teenagers",
    "young",
    "consumers",
    "families",
    "parents",
    "students",
    "standards",
    "culture",
];

/// Words and phrases that point from the article's date: `today`, `last week`, `this year`,
/// `recent years`, `the coming weeks`, `now`.
fn deictic(c: &Ctx, i: usize) -> Option<Hit> {
    let a = c.anchor;
    let day = |end: usize, delta: i64, fallback: &str| -> Option<Hit> {
        Some(match a.and_then(|a| shift(a, Unit::Day, delta)) {
            Some(d) => Hit::at(end, d, Unit::Day),
            None => Hit::date(end, fallback.to_string()),
        })
    };
    let simple = |v: &str| Some(Hit::date(i + 1, v.to_string()));
    match c.lex(i)? {
        // `today's youth`, `in today's world`: nowadays, no day.
        Lex::Kw(Kw::Today)
            if c.punct(i + 1, b'\'')
                && c.word(i + 2).eq_ignore_ascii_case("s")
                && NOWADAYS
                    .iter()
                    .any(|w| c.word(i + 3).eq_ignore_ascii_case(w)) =>
        {
            return None;
        }
        Lex::Kw(Kw::Today) => return day(i + 1, 0, "PRESENT_REF").map(|h| part_of_day(c, h)),
        Lex::Kw(Kw::Yesterday) => return day(i + 1, -1, "PAST_REF").map(|h| part_of_day(c, h)),
        Lex::Kw(Kw::Tomorrow) => return day(i + 1, 1, "FUTURE_REF").map(|h| part_of_day(c, h)),
        Lex::Kw(Kw::Tonight) => {
            let v = a.map_or("XXXX-XX-XXTNI".to_string(), |a| format!("{}TNI", ymd(a)));
            return Some(Hit::new(i + 1, TimexType::Time, v));
        }
        // `Now, he says …` opens a turn of the argument; it is no time.
        Lex::Kw(Kw::Now) if c.toks[i].cap && c.punct(i + 1, b',') => return None,
        Lex::Kw(Kw::Now | Kw::Currently) => return simple("PRESENT_REF"),
        // `current levels`, but not `the current quarter` (a date: see below).
        Lex::Kw(Kw::Current)
            if !(i > 0 && c.kw(i - 1, Kw::The)) && c.lex(i + 1) == Some(Lex::Word) =>
        {
            return simple("PRESENT_REF");
        }
        // `previously` and `soon` are left out: in news they mostly qualify a state or a
        // manner (`previously reported`, `as soon as`), not a time.
        Lex::Kw(Kw::Recently | Kw::Lately) => return simple("PAST_REF"),
        Lex::Kw(Kw::Recent) => return recent(c, i + 1),
        Lex::Kw(Kw::Coming) if matches!(c.unit(i + 1), Some((_, true))) => {
            return Some(Hit::date(i + 2, "FUTURE_REF".into()));
        }
        _ => {}
    }
    let (the, j) = if c.kw(i, Kw::The) {
        (true, i + 1)
    } else {
        (false, i)
    };
    // `the future`, `the near future`, `the past`, `the coming weeks`, `the recent past`.
    if the {
        let k = if c.kw(j, Kw::Near) || c.kw(j, Kw::Recent) {
            j + 1
        } else {
            j
        };
        if c.kw(k, Kw::Future) {
            return Some(Hit::date(k + 1, "FUTURE_REF".into()));
        }
        if c.kw(j, Kw::Near) && c.kw(j + 1, Kw::Term) {
            return Some(Hit::date(j + 2, "FUTURE_REF".into()));
        }
        if c.kw(k, Kw::Past)
            && c.qty(k + 1).is_none()
            && c.unit(k + 1).is_none()
            && !matches!(
                c.lex(k + 1),
                Some(Lex::Weekday(_) | Lex::Month(_) | Lex::Season(_))
            )
        {
            return Some(Hit::date(k + 1, "PAST_REF".into()));
        }
        if (c.kw(j, Kw::Coming) || c.kw(j, Kw::Next) && c.kw(j + 1, Kw::Few))
            && matches!(
                c.unit(j + 1 + usize::from(c.kw(j + 1, Kw::Few))),
                Some((_, true))
            )
        {
            let end = j + 2 + usize::from(c.kw(j + 1, Kw::Few));
            if c.kw(j, Kw::Coming) {
                return Some(Hit::date(end, "FUTURE_REF".into()));
            }
        }
        if c.kw(j, Kw::Recent) && matches!(c.unit(j + 1), Some((_, true))) {
            return recent(c, j + 1);
        }
        // `for the full year` in a report: the article's year, as a whole.
        if c.word(j).eq_ignore_ascii_case("full")
            && c.lex(j + 1) == Some(Lex::Unit(Unit::Year, false))
        {
            return Some(match a {
                Some(a) => Hit::at(j + 2, a, Unit::Year),
                None => Hit::date(j + 2, "XXXX".into()),
            });
        }
        // `for the year` is how long, `in the year` when: the article's year.
        let k = if c.kw(j, Kw::Fiscal) { j + 1 } else { j };
        if c.lex(k) == Some(Lex::Unit(Unit::Year, false)) && i > 0 && !c.kw(k + 1, Kw::Of) {
            let prev = c.word(i - 1);
            let is = |ws: &[&str]| ws.iter().any(|w| prev.eq_ignore_ascii_case(w));
            if is(&["for", "throughout", "during", "over"]) {
                return Some(Hit::new(k + 1, TimexType::Duration, "P1Y".into()));
            }
            if is(&["in", "of", "by", "until", "since"]) {
                return Some(match a {
                    Some(a) => Hit::at(k + 1, a, Unit::Year),
                    None => Hit::date(k + 1, "XXXX".into()),
                });
            }
        }
        if let Some(a) = a {
            // `the quarter` in a report is the last one completed; `the weekend` the last one
            // (or the next, in a sentence about the future).
            if c.lex(j) == Some(Lex::Unit(Unit::Quarter, false)) {
                return Some(Hit::at(j + 1, shift(a, Unit::Quarter, -1)?, Unit::Quarter));
            }
            if c.lex(j) == Some(Lex::Unit(Unit::Weekend, false)) {
                let weekend = a.weekday().number_from_monday() >= 6;
                let delta = if c.dir(i) > 0 || weekend { 0 } else { -1 };
                let d = shift(a, Unit::Week, delta)?;
                let mut h = Hit::date(j + 1, value_at(d, Unit::Weekend));
                h.point = Some((d, Unit::Week));
                return Some(h);
            }
        }
    }
    // `this week`, `last month`, `next year`, `the current quarter`, `the latest quarter`.
    let (delta, k) = match c.lex(j)? {
        Lex::Kw(Kw::This | Kw::Current) => (0i64, j + 1),
        Lex::Kw(Kw::Last | Kw::Previous | Kw::Past) if !the || c.kw(j, Kw::Previous) => (-1, j + 1),
        Lex::Kw(Kw::Latest) if the => (-1, j + 1),
        Lex::Kw(Kw::Next | Kw::Coming | Kw::Following) if !the || c.kw(j, Kw::Coming) => (1, j + 1),
        _ => return None,
    };
    let k = if c.kw(k, Kw::Fiscal) { k + 1 } else { k };
    if c.kw(j, Kw::Past) && !c.kw(j - usize::from(j > 0), Kw::This) {
        return None;
    }
    match c.lex(k)? {
        // `next day` is the day after the one being told (anaphoric), not tomorrow.
        Lex::Unit(unit, false) if unit >= Unit::Day && (unit != Unit::Day || delta == 0) => {
            let Some(a) = a else {
                let v = match delta {
                    0 => "PRESENT_REF",
                    d if d < 0 => "PAST_REF",
                    _ => "FUTURE_REF",
                };
                return Some(Hit::date(k + 1, v.into()));
            };
            let latest = c.kw(j, Kw::Latest);
            if unit == Unit::Weekend {
                let week_delta = if delta == 0 { 0 } else { delta };
                let d = shift(a, Unit::Week, week_delta)?;
                let mut h = Hit::date(k + 1, value_at(d, Unit::Weekend));
                h.point = Some((d, Unit::Week));
                return Some(h);
            }
            if unit == Unit::Day && delta == 0 {
                return Some(Hit::at(k + 1, a, Unit::Day));
            }
            // `the latest quarter`: the last one that has ended.
            let d = shift(
                a,
                unit,
                if latest && unit == Unit::Quarter {
                    -1
                } else {
                    delta
                },
            )?;
            Some(Hit::at(k + 1, d, unit))
        }
        Lex::Part(p) if delta == 0 || c.kw(j, Kw::Last) => {
            let d = a.and_then(|a| shift(a, Unit::Day, if delta < 0 { -1 } else { 0 }));
            let v = d.map_or(format!("XXXX-XX-XXT{}", p.code()), |d| {
                format!("{}T{}", ymd(d), p.code())
            });
            Some(Hit::new(k + 1, TimexType::Time, v))
        }
        // `last October`, `next March`, `last Oct. 23`: the month (and day) before or after the
        // article's.
        Lex::Month(_) if c.toks[k].cap => {
            let (m, mut end, _) = month_at(c, k)?;
            let day = c.day(end);
            if day.is_some() {
                end += 1;
            }
            let Some(a) = a else {
                return Some(Hit::date(
                    end,
                    match day {
                        Some(d) => format!("XXXX-{m:02}-{d:02}"),
                        None => format!("XXXX-{m:02}"),
                    },
                ));
            };
            let ahead = (m, day.unwrap_or(1)) > (a.month(), a.day());
            // Nobody says `last March` for the month just over (that is `last month`): with
            // no day, the current and the previous month mean those of a year before.
            let recent = day.is_none() && (m == a.month() || m % 12 + 1 == a.month());
            let y = match delta {
                0 => a.year(),
                d if d < 0 => a.year() - i32::from(ahead || recent),
                _ => a.year() + i32::from(!ahead),
            };
            Some(match day {
                Some(d) => Hit::at(end, NaiveDate::from_ymd_opt(y, m, d)?, Unit::Day),
                None => Hit::at(end, NaiveDate::from_ymd_opt(y, m, 1)?, Unit::Month),
            })
        }
        // `the latest period` of a report: the last quarter completed.
        Lex::Word if c.kw(j, Kw::Latest) && c.word(k).eq_ignore_ascii_case("period") => {
            let Some(a) = a else {
                return Some(Hit::date(k + 1, "PAST_REF".into()));
            };
            Some(Hit::at(k + 1, shift(a, Unit::Quarter, -1)?, Unit::Quarter))
        }
        _ => None,
    }
}

/// `year-end`, `year end`, `year's end`: the end of the article's year, or of the last one
/// when the sentence looks back (`up 5% since year-end`).
fn year_end(c: &Ctx, i: usize) -> Option<Hit> {
    if c.lex(i) != Some(Lex::Unit(Unit::Year, false)) || i > 0 && c.kw(i - 1, Kw::The) {
        return None;
    }
    let end = if c.hyphen(i + 1) {
        i + 2
    } else if c.punct(i + 1, b'\'') && c.word(i + 2).eq_ignore_ascii_case("s") {
        i + 3
    } else {
        i + 1
    };
    if !c.kw(end, Kw::End) {
        return None;
    }
    let Some(a) = c.anchor else {
        return Some(Hit::date(end + 1, "XXXX".into()).with_mod("END"));
    };
    let back = i > 0 && c.word(i - 1).eq_ignore_ascii_case("since") || c.dir(i) < 0;
    let d = NaiveDate::from_ymd_opt(a.year() - i32::from(back), 12, 31)?;
    Some(Hit::at(end + 1, d, Unit::Year).with_mod("END"))
}

/// `recent years` (the unit at `i`): the past in general, PAST_REF; `recent weeks`, `recent
/// months` measure a stretch up to now, a vague duration (as TimeML corpora annotate them).
fn recent(c: &Ctx, i: usize) -> Option<Hit> {
    let (unit, true) = c.unit(i)? else {
        return None;
    };
    Some(match unit {
        Unit::Year | Unit::Decade | Unit::Century => Hit::date(i + 1, "PAST_REF".into()),
        u => Hit::new(i + 1, TimexType::Duration, vague_duration(u)),
    })
}

/// `two years ago`, `three months away`, `a decade ago`, `two days from now`.
fn offset(c: &Ctx, i: usize) -> Option<Hit> {
    let (q, j) = c.qty(i)?;
    let (unit, _) = c.unit(j)?;
    // `a week or so ago`: about a week.
    let approx =
        c.word(j + 1).eq_ignore_ascii_case("or") && c.word(j + 2).eq_ignore_ascii_case("so");
    let j = if approx { j + 2 } else { j };
    let sign = if c.kw(j + 1, Kw::Ago) {
        -1
    } else if c.kw(j + 1, Kw::Away) {
        1
    } else if c.word(j + 1).eq_ignore_ascii_case("from") && c.kw(j + 2, Kw::Now) {
        2
    } else {
        return None;
    };
    let end = if sign == 2 { j + 3 } else { j + 2 };
    let sign = sign.min(1);
    let (Qty::N(n), Some(a)) = (q, c.anchor) else {
        let v = if sign < 0 { "PAST_REF" } else { "FUTURE_REF" };
        return Some(Hit::date(end, v.into()));
    };
    let d = shift(a, unit, i64::from(n) * sign)?;
    let unit = match unit {
        Unit::Weekend => Unit::Week,
        Unit::Second | Unit::Minute | Unit::Hour => Unit::Day,
        Unit::Decade | Unit::Century => Unit::Year,
        u => u,
    };
    let hit = Hit::at(end, d, unit);
    Some(if approx { hit.with_mod("APPROX") } else { hit })
}

/// Expressions that refer to a time the text mentioned before: `a year earlier`, `the
/// year-ago quarter`, `the following year`, `that day`.
fn anaphoric(c: &Ctx, i: usize) -> Option<Hit> {
    // Comparisons (`a year earlier`, `year-ago`) are made with the period being reported,
    // which lies in the article's year; a reference in another year is a digression.
    let (r, fallback) = match (c.reference, c.anchor) {
        (Some((d, g)), Some(a)) if d.year() == a.year() => (Some((d, g)), false),
        (Some(r), None) => (Some(r), false),
        (_, Some(a)) => (
            NaiveDate::from_ymd_opt(a.year(), 1, 1).map(|d| (d, Unit::Year)),
            true,
        ),
        (None, None) => (None, false),
    };
    // `a year earlier`, `two months later`.
    if let Some((Qty::N(n), j)) = c.qty(i)
        && let Some((unit, _)) = c.unit(j)
        && (c.kw(j + 1, Kw::Earlier)
            || c.kw(j + 1, Kw::Later)
            || c.kw(j + 1, Kw::Ago)
                && unit == Unit::Year
                && n == 1
                && matches!(c.reference, Some((_, Unit::Quarter))))
    {
        // Shorter steps move on from the day last mentioned, whatever its year (`The bank
        // collapsed on April 2, 2009. Two days later…`). Without one, the article's year
        // stands in for a year (`a year earlier`), not for a day: `One day later` has nothing
        // to count from.
        let r = match c.reference {
            Some(told) if unit < Unit::Year => Some(told),
            _ if fallback && unit < Unit::Year => return None,
            _ => r,
        };
        let (d, gran) = r?;
        let sign = if c.kw(j + 1, Kw::Later) { 1 } else { -1 };
        let gran = if gran > unit && unit != Unit::Year {
            unit
        } else {
            gran
        };
        // The reference stays where it was: `a year earlier` compares, it does not move on.
        let d = shift(d, unit, i64::from(n) * sign)?;
        return Some(Hit::date(j + 2, value_at(d, gran)));
    }
    // `year-earlier`, `the year-ago quarter`, `the year-earlier period`.
    let j = if c.kw(i, Kw::The) { i + 1 } else { i };
    if c.lex(j) == Some(Lex::Unit(Unit::Year, false))
        && c.hyphen(j + 1)
        && (c.kw(j + 2, Kw::Ago) || c.kw(j + 2, Kw::Earlier))
    {
        let (d, gran) = r?;
        let d = shift(d, Unit::Year, -1)?;
        let mut end = j + 3;
        let mut gran = gran;
        if let Some((u @ (Unit::Quarter | Unit::Month | Unit::Year), false)) = c.unit(end) {
            gran = u;
            end += 1;
        } else if c.word(end).eq_ignore_ascii_case("period") {
            end += 1;
        } else if j > i {
            return None;
        }
        return Some(Hit::date(end, value_at(d, gran)));
    }
    // `the following year`, `the previous month`, `that day`, `the same day`.
    let (delta, k) = match c.lex(i)? {
        Lex::Kw(Kw::The) if c.kw(i + 1, Kw::Following) || c.kw(i + 1, Kw::Next) => (1, i + 2),
        Lex::Kw(Kw::Next | Kw::Following) if c.lex(i + 1) == Some(Lex::Unit(Unit::Day, false)) => {
            (1, i + 1)
        }
        Lex::Kw(Kw::The) if c.kw(i + 1, Kw::Previous) => (-1, i + 2),
        Lex::Kw(Kw::The | Kw::That) if c.kw(i + 1, Kw::Same) => (0, i + 2),
        Lex::Kw(Kw::That) => (0, i + 1),
        // `Dealers placed orders in the morning`: in a story told in the past about a day,
        // the morning of that day (`in the morning` of a habit has no past tense: `He runs in
        // the morning`).
        Lex::Kw(Kw::The)
            if matches!(c.lex(i + 1), Some(Lex::Part(_)))
                && i > 0
                && c.word(i - 1).eq_ignore_ascii_case("in")
                && c.dir(i) < 0 =>
        {
            (0, i + 1)
        }
        _ => return None,
    };
    // `that night`, `the next morning`: a part of the day last mentioned (or of the next).
    if let Some(Lex::Part(_)) = c.lex(k)
        && let Some((d, Unit::Day)) = c.reference
    {
        return Some(part_of_day(
            c,
            Hit::at(k, shift(d, Unit::Day, delta)?, Unit::Day),
        ));
    }
    let (unit, false) = c.unit(k)? else {
        return None;
    };
    if !matches!(
        unit,
        Unit::Day | Unit::Week | Unit::Month | Unit::Quarter | Unit::Year
    ) {
        return None;
    }
    let (d, gran) = c.reference?;
    if gran > unit && delta == 0 || unit == Unit::Week && gran != Unit::Day {
        return None;
    }
    let d = shift(d, unit, delta)?;
    Some(Hit::at(k + 1, d, unit))
}
