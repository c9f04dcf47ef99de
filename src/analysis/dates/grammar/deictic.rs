//! Expressions relative to the article or the text: `today`, `last week`, `two years ago`, `a year earlier`.

use chrono::{Datelike, NaiveDate};

use super::days::{month_at, part_of_day};
use super::durations::vague_duration;
use super::{Ctx, Frame, Hit, Qty};
use crate::analysis::dates::TimexType;
use crate::analysis::dates::calendar::{shift, value_at, year_code, ymd};
use crate::analysis::dates::lex::{Kw, Lex, Unit};

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
pub(super) fn deictic(c: &Ctx, i: usize) -> Option<Hit> {
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
        Lex::Kw(Kw::Now | Kw::Currently | Kw::Nowadays) => return simple("PRESENT_REF"),
        // `these days` is the present age (`These days, buyers pay more`).
        Lex::Kw(Kw::These)
            if c.lex(i + 1) == Some(Lex::Unit(Unit::Day, true))
                && !(i > 0 && c.kw(i - 1, Kw::Of)) =>
        {
            return Some(Hit::date(i + 2, "PRESENT_REF".into()));
        }
        // `will be announced in future`, British for `in the future`; `in future years` is
        // left to the noun it qualifies.
        Lex::Kw(Kw::Future) if i > 0 && c.word(i - 1).eq_ignore_ascii_case("in") => {
            let next = c.word(i + 1);
            let clause = [
                "we", "i", "you", "they", "he", "she", "it", "there", "the", "this",
            ]
            .iter()
            .any(|w| next.eq_ignore_ascii_case(w));
            return (c.lex(i + 1).is_none_or(|l| matches!(l, Lex::Punct(_))) || clause)
                .then(|| Hit::date(i + 1, "FUTURE_REF".into()));
        }
        // `current levels`, but not `the current quarter` (a date: see below), nor a `current
        // account` (a bank's, or a country's balance of trade) or `current affairs`.
        Lex::Kw(Kw::Current)
            if !(i > 0 && c.kw(i - 1, Kw::The))
                && c.lex(i + 1) == Some(Lex::Word)
                && !["account", "accounts", "affairs"]
                    .iter()
                    .any(|w| c.word(i + 1).eq_ignore_ascii_case(w)) =>
        {
            return simple("PRESENT_REF");
        }
        // `previously` and `soon` are left out: in news they mostly qualify a state or a
        // manner (`previously reported`, `as soon as`), not a time.
        Lex::Kw(Kw::Recently | Kw::Lately) => return simple("PAST_REF"),
        Lex::Kw(Kw::Recent) if c.story() && c.unit(i + 1).is_none() => return role(c, i),
        Lex::Kw(Kw::Recent) => return recent(c, i + 1),
        Lex::Kw(Kw::Future) if c.story() && !(i > 0 && c.kw(i - 1, Kw::The)) => {
            return role(c, i);
        }
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
    // `He was minister at the time.`: the past the sentence tells of, as `then`. Not `at the
    // time of its founding` nor `At the time Howes was captured`, where what follows names
    // the time.
    if the
        && i > 0
        && c.word(i - 1).eq_ignore_ascii_case("at")
        && c.word(j).eq_ignore_ascii_case("time")
    {
        let next = c.word(j + 1);
        let ends = c.lex(j + 1).is_none_or(|l| matches!(l, Lex::Punct(_)))
            || ["by", "and", "but", "in", "on", "for", "to", "with"].contains(&next);
        // In a story, the time it has reached (`In 1963 … the largest at the time`).
        let value = match c.frame {
            Frame::Story(Some((d, unit))) => value_at(d, unit),
            _ => "PAST_REF".to_string(),
        };
        return ends.then(|| Hit::date(j + 1, value));
    }
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
            // (or the next, in a sentence about the future: a weekend is days away, so weak
            // signs of it count, as for a weekday: `could arrive over the weekend`).
            if c.lex(j) == Some(Lex::Unit(Unit::Quarter, false)) {
                return Some(Hit::at(j + 1, shift(a, Unit::Quarter, -1)?, Unit::Quarter));
            }
            if c.lex(j) == Some(Lex::Unit(Unit::Weekend, false)) {
                let weekend = a.weekday().number_from_monday() >= 6;
                let delta = if c.dir_near(i) > 0 || weekend { 0 } else { -1 };
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
pub(super) fn year_end(c: &Ctx, i: usize) -> Option<Hit> {
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

/// `eight days after the fall of the fort`, `two years before`, `five years previously` at
/// `k` in a story: a step from the time the story has reached, which mostly is the time of
/// the event named (the story has just told it): 1 after, -1 before. A date after `after`
/// (`two days after 5 June`) is counted from that date instead; news measures such gaps as
/// durations, as TimeML annotates news.
fn story_step(c: &Ctx, k: usize) -> Option<i64> {
    if !c.story() {
        return None;
    }
    let w = c.word(k);
    let sign = if w.eq_ignore_ascii_case("after") {
        1
    } else if w.eq_ignore_ascii_case("before") || w.eq_ignore_ascii_case("previously") {
        -1
    } else {
        return None;
    };
    let dated = |t: usize| match c.lex(t) {
        // `after the march`, `before the may blossom`: words, not dates.
        Some(Lex::Month(_) | Lex::Weekday(_)) => c.toks[t].cap,
        Some(Lex::Num(..) | Lex::Ord(_)) => true,
        _ => false,
    };
    let from_a_date = dated(k + 1) || c.kw(k + 1, Kw::The) && dated(k + 2);
    (!from_a_date).then_some(sign)
}

/// `the former Tsar`, `future wars`, `recent victories` in a story: a role or a thing placed
/// before or after the story's time, as narrative annotation (TIMEX2, WikiWars) tags them.
/// News leaves them untagged (TimeBank): there they describe people and things, and the
/// time they point at is the page's, which a reader already knows.
pub(super) fn role(c: &Ctx, i: usize) -> Option<Hit> {
    if !c.story() {
        return None;
    }
    let w = c.word(i);
    let value = if w.eq_ignore_ascii_case("former") || w.eq_ignore_ascii_case("recent") {
        "PAST_REF"
    } else if c.kw(i, Kw::Future) {
        "FUTURE_REF"
    } else {
        return None;
    };
    // An adjective before its noun (`the former regime`, `its former owners`).
    c.toks
        .get(i + 1)
        .is_some_and(|t| t.lex == Lex::Word || t.cap)
        .then(|| Hit::date(i + 1, value.into()))
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
pub(super) fn offset(c: &Ctx, i: usize) -> Option<Hit> {
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
        Unit::Weekend | Unit::Fortnight => Unit::Week,
        Unit::Second | Unit::Minute | Unit::Hour => Unit::Day,
        Unit::Decade | Unit::Century => Unit::Year,
        u => u,
    };
    let hit = Hit::at(end, d, unit);
    Some(if approx { hit.with_mod("APPROX") } else { hit })
}

/// A `unit` (a day or a week) in the year of `d`, which one unknown: `1805-XX-XX`, as TimeML
/// writes a day counted from a month or a year.
fn unknown_within(d: NaiveDate, unit: Unit) -> String {
    match unit {
        Unit::Week | Unit::Fortnight | Unit::Weekend => format!("{}-WXX", year_code(d.year())),
        _ => format!("{}-XX-XX", year_code(d.year())),
    }
}

/// Expressions that refer to a time the text mentioned before: `a year earlier`, `the
/// year-ago quarter`, `the following year`, `that day`.
pub(super) fn anaphoric(c: &Ctx, i: usize) -> Option<Hit> {
    // Comparisons (`a year earlier`, `year-ago`) are made with the period being reported,
    // which lies in the article's year; a reference in another year is a digression.
    let (r, fallback) = match (c.reference, c.anchor) {
        // A story compares with the time it has reached, whatever the article's year.
        (r, _) if c.story() => (r, false),
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
            || story_step(c, j + 1).is_some()
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
        let sign = if c.kw(j + 1, Kw::Later) {
            1
        } else {
            story_step(c, j + 1).unwrap_or(-1)
        };
        // `Four days later` than a month or a year: a day of that year, which one unknown.
        if gran > unit && unit < Unit::Month {
            return Some(Hit::date(j + 2, unknown_within(d, unit)));
        }
        // A story's step is as precise as its words: `four months earlier` than a day is a
        // month, `twenty years earlier` a year. (News compares periods of its reports, known to
        // the reference's precision.)
        let gran = if gran > unit && unit != Unit::Year || c.story() && gran < unit {
            unit
        } else {
            gran
        };
        // The reference stays where it was: `a year earlier` compares, it does not move on.
        let d = shift(d, unit, i64::from(n) * sign)?;
        return Some(Hit::date(j + 2, value_at(d, gran)));
    }
    // `a few days later`, `several years earlier` in a story: a time after or before the one
    // told, how far unknown. The story moves on to it, so it is a date. (News measures the
    // gap between two events it reports, `A few days later, the company announced…`: a
    // duration, as TimeML annotates news.)
    if c.story()
        && let Some((Qty::Vague, j)) = c.qty(i)
        && c.unit(j).is_some()
        && (c.kw(j + 1, Kw::Later) || c.kw(j + 1, Kw::Earlier) || story_step(c, j + 1).is_some())
    {
        let v = if c.kw(j + 1, Kw::Later) || story_step(c, j + 1) == Some(1) {
            "FUTURE_REF"
        } else {
            "PAST_REF"
        };
        return Some(Hit::date(j + 2, v.into()));
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
    // `Next day` after `In July, 1805`: a day of July 1805 or just after, but which one the
    // text does not say; it gives no day for the next `next day` to count from either.
    if gran > unit && unit < Unit::Month {
        return Some(Hit::date(k + 1, unknown_within(d, unit)));
    }
    let d = shift(d, unit, delta)?;
    Some(Hit::at(k + 1, d, unit))
}
