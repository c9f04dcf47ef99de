//! Years and longer: `2002`, `fiscal 1989`, `the 1990s`, `the 19th century`.

use chrono::{Datelike, NaiveDate};

use super::days::is_preposition;
use super::{Ctx, Hit};
use crate::analysis::dates::calendar::{self};
use crate::analysis::dates::lex::{Kw, Lex, Unit};

/// `2002`, `fiscal 1989`, `the year 2000`.
pub(super) fn year(c: &Ctx, i: usize) -> Option<Hit> {
    // `(1915–16)`: the second half of a span, in the century of the first.
    if let Some(Lex::Num(_, 2)) = c.lex(i)
        && let Some(y) = c.range_second(i)
        && c.year(i - 2).is_some()
    {
        return Some(Hit::at(
            i + 1,
            NaiveDate::from_ymd_opt(y, 1, 1)?,
            Unit::Year,
        ));
    }
    // `499-493 BC`, `264 to 241 BC`: the first year of a span before Christ, counting down.
    if let Some(Lex::Num(first, 1..=4)) = c.lex(i)
        && (c.hyphen(i + 1) || c.word(i + 1) == "\u{2013}" || c.kw(i + 1, Kw::To))
        && let Some(Lex::Num(last, 1..=4)) = c.lex(i + 2)
        && c.year_bc(i + 2).is_some()
        && first > last
        && first - last <= 100
    {
        return Some(Hit::at(
            i + 1,
            NaiveDate::from_ymd_opt(1 - first as i32, 1, 1)?,
            Unit::Year,
        ));
    }
    if let Some((y, end)) = c.year_bc(i) {
        return Some(Hit::at(end, NaiveDate::from_ymd_opt(y, 1, 1)?, Unit::Year));
    }
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
        && !(y >= 1900 && (OF_A_PERIOD.iter().any(|w| next.eq_ignore_ascii_case(w)) || opens(c, j)))
        && !(j >= 2 && c.word(j - 1).eq_ignore_ascii_case("and") && c.year(j - 2).is_some())
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
        return Some(Hit::date(j + 2, format!("{}-Q{q}", calendar::year_code(y))));
    }
    let d = NaiveDate::from_ymd_opt(y, 1, 1)?;
    Some(Hit::at(j + 1, d, Unit::Year))
}

/// A word before a number that makes it name one thing rather than count many: `the 1992
/// protests`, `Kopp's 1987 Chevrolet`, `its 2004 results` (a count would be `the 1,500
/// protesters`).
fn names_one(c: &Ctx, i: usize) -> bool {
    c.kw(i, Kw::The)
        || (i > 0 && c.punct(i - 1, b'\'') && c.word(i).eq_ignore_ascii_case("s"))
        || ["its", "their", "our", "his", "her", "my", "your"]
            .iter()
            .any(|w| c.word(i).eq_ignore_ascii_case(w))
}

/// Plural nouns that a year qualifies as the period they cover, not as a count of them: a
/// firm reports `2004 results`, hopes for `2005 sales` (1,500 sales would be written so).
const OF_A_PERIOD: &[&str] = &[
    "results",
    "earnings",
    "sales",
    "revenues",
    "profits",
    "losses",
    "figures",
    "accounts",
    "forecasts",
    "targets",
    "levels",
    "budgets",
    "elections",
    "finals",
    "championships",
    "games",
];

/// Token `j` opens its sentence (after any quotation mark): news writes no count in digits
/// there (`2005 offers a chance` is a year), as its style books forbid it.
fn opens(c: &Ctx, j: usize) -> bool {
    (0..j).all(|k| matches!(c.lex(k), Some(Lex::Punct(b'"' | b'\'' | b'(' | b'~'))))
}

/// `post-1959`, `pre-1990`: a year seen from after or before.
pub(super) fn beyond_year(c: &Ctx, i: usize) -> Option<Hit> {
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
pub(super) fn spoken_year(c: &Ctx, i: usize) -> Option<Hit> {
    let the_year = c.kw(i, Kw::The) && c.lex(i + 1) == Some(Lex::Unit(Unit::Year, false));
    let j = if the_year { i + 2 } else { i };
    let (y, end) = c.spoken_year(j)?;
    // A round number of hundreds or thousands counts things as often as it names a year
    // (`Fifteen hundred prisoners were taken`): only `the year`, or a preposition with no
    // noun after it (`in fifteen hundred`), makes it one.
    if y % 100 == 0
        && !the_year
        && !(j > 0 && is_preposition(c.word(j - 1)) && c.lex(end) != Some(Lex::Word))
    {
        return None;
    }
    let d = NaiveDate::from_ymd_opt(y, 1, 1)?;
    Some(Hit::at(end, d, Unit::Year))
}

/// `the 1990s`, `the early 1990s`, `the '90s`, `the nineties`.
pub(super) fn decade(c: &Ctx, i: usize) -> Option<Hit> {
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
    // `in his forties`, `in her early thirties`: a possessive makes tens of years in words
    // an age (`the forties` is a decade; `his 1970s team` a decade as an adjective).
    let possessive = ["his", "her", "their", "my", "your", "our", "its", "whose"];
    let spelled = c
        .word(j)
        .bytes()
        .next()
        .is_some_and(|b| b.is_ascii_alphabetic());
    let mut k = j;
    while k > 0
        && (c.hyphen(k - 1)
            || matches!(c.lex(k - 1), Some(Lex::Kw(Kw::Early | Kw::Mid | Kw::Late))))
    {
        k -= 1;
    }
    if spelled
        && k > 0
        && possessive
            .iter()
            .any(|p| c.word(k - 1).eq_ignore_ascii_case(p))
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
pub(super) fn century(c: &Ctx, i: usize) -> Option<Hit> {
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
    // `the 4th century BC`: the hundred years before 300 BC, `BC03` in TIMEX3.
    let mut h = match c.before_christ(k + 1) {
        Some(end) => Hit::date(end, format!("BC{:02}", n - 1)),
        None => Hit::date(k + 1, format!("{:02}", n - 1)),
    };
    h.modifier = m;
    Some(h)
}
