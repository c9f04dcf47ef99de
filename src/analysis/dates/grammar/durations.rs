//! Durations: lengths of time (`two years`, `the past week`, `several months`).

use chrono::NaiveDate;

use super::deictic::{anaphoric, offset};
use super::{Ctx, Hit, Qty};
use crate::analysis::dates::TimexType;
use crate::analysis::dates::calendar::shift;
use crate::analysis::dates::lex::{Kw, Lex, Unit};

pub(super) fn duration_value(n: u32, unit: Unit) -> String {
    let (n, code, time) = match unit {
        Unit::Second => (n, "S", true),
        Unit::Minute => (n, "M", true),
        Unit::Hour => (n, "H", true),
        Unit::Day => (n, "D", false),
        Unit::Week => (n, "W", false),
        Unit::Fortnight => (n.saturating_mul(2), "W", false),
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

/// `over the next decade`, `during the coming century`, `throughout the past decade`: a
/// decade or a century lived through from now is a length, not the calendar decade (`the
/// 2020s`) it overlaps; the preposition says so.
fn span_to_live_through(c: &Ctx, i: usize) -> Option<Hit> {
    if i == 0
        || !c.kw(i, Kw::The)
        || !["over", "during", "throughout", "within"]
            .iter()
            .any(|p| c.word(i - 1).eq_ignore_ascii_case(p))
        || !matches!(
            c.lex(i + 1),
            Some(Lex::Kw(Kw::Next | Kw::Coming | Kw::Past | Kw::Last))
        )
    {
        return None;
    }
    match c.unit(i + 2)? {
        (unit @ (Unit::Decade | Unit::Century), false) => Some(Hit::new(
            i + 3,
            TimexType::Duration,
            duration_value(1, unit),
        )),
        _ => None,
    }
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
pub(super) fn counted_as(c: &Ctx, k: usize) -> bool {
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

pub(super) fn vague_duration(unit: Unit) -> String {
    match unit {
        Unit::Second => "PTXS",
        Unit::Minute => "PTXM",
        Unit::Hour => "PTXH",
        Unit::Day | Unit::Weekend => "PXD",
        Unit::Week | Unit::Fortnight => "PXW",
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
pub(super) fn modified_duration(c: &Ctx, i: usize) -> Option<Hit> {
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
    // `less than a year later`, `over a year earlier`: in a story, a date however modified
    // (see `anaphoric` on news).
    let step = if c.story() { anaphoric(c, j) } else { None };
    let inner = [duration(c, j), offset(c, j), step]
        .into_iter()
        .flatten()
        .max_by_key(|h| h.end)?;
    Some(inner.with_mod(m))
}

pub(super) fn duration(c: &Ctx, i: usize) -> Option<Hit> {
    if let Some(h) = one_day(c, i).or_else(|| span_to_live_through(c, i)) {
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
    // `the past fortnight` is two weeks, which TimeML counts as it does `the past two weeks`.
    if explicit.is_none() && unit != Unit::Fortnight {
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
pub(super) fn vague_plural(c: &Ctx, i: usize) -> Option<Hit> {
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
    // `in the weeks before the vote`, `over the days since`: a stretch of units placed by
    // what follows; TimeML tags the unit alone, as for `for weeks`.
    let placed_stretch = i > 1
        && c.kw(i - 1, Kw::The)
        && ["in", "over", "during", "for", "within", "around"]
            .iter()
            .any(|p| c.word(i - 2).eq_ignore_ascii_case(p))
        && [
            "before",
            "after",
            "since",
            "ahead",
            "following",
            "leading",
            "preceding",
        ]
        .iter()
        .any(|w| c.word(i + 1).eq_ignore_ascii_case(w));
    // `after weeks of talks`, `Months of fighting followed`: a stretch of units that what
    // follows `of` fills, a vague duration (as TimeML tags `months of`, `days of`). Not after
    // a word that makes the plural name particular days (`the days of the week`).
    let of_stretch = c.kw(i + 1, Kw::Of)
        && (after_preposition || i == 0 || matches!(c.lex(i - 1), Some(Lex::Punct(_))));
    let after_preposition = after_preposition || placed_stretch || of_stretch;
    let followed = (c.kw(i + 1, Kw::Of) && !of_stretch)
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
