//! Parts of a year: seasons, quarters and halves (`spring 2015`, `the third quarter`).

use chrono::{Datelike, NaiveDate};

use super::days::{title_case, year_phrase};
use super::{Ctx, Hit};
use crate::analysis::dates::Reach;
use crate::analysis::dates::calendar::{self};
use crate::analysis::dates::lex::{Kw, Lex, Unit};

/// `spring 2015`, `this summer`, `last fall`, `the winter of 1994`.
pub(super) fn season(c: &Ctx, i: usize) -> Option<Hit> {
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
        let mut hit = Hit::date(end, format!("{}-{code}", calendar::year_code(y)));
        // A story that reaches `the spring of 1915` is in 1915: `in May` is May 1915. A
        // season behind the story's year is mostly a comparison (`down from a peak in summer
        // 2007`): the story stays.
        if c.story() && c.reference.is_none_or(|(r, _)| r.year() <= y) {
            hit.point = NaiveDate::from_ymd_opt(y, 1, 1).map(|d| (d, Unit::Year));
        }
        return Some(hit);
    }
    // `the spring and summer of 1979`, `the spring and early summer of 1943`: the first of
    // two seasons takes the year named after the second.
    if let Some(y) = paired_season_year(c, j + 1) {
        return Some(Hit::date(
            j + 1,
            format!("{}-{code}", calendar::year_code(y)),
        ));
    }
    // Bare `spring`, `fall` are too often other words; so is `Fall` in a headline's title
    // case (`Stocks Fall Before Thanksgiving`). A story names its seasons bare (`in winter`,
    // `the main summer offensive`), `fall` aside.
    let story_season = c.story() && !c.word(i).eq_ignore_ascii_case("fall");
    if delta.is_none()
        && j == i
        && (!c.toks[i].cap && !story_season
            || c.word(i).eq_ignore_ascii_case("fall") && title_case(c.toks))
    {
        return None;
    }
    let Some(a) = c.now() else {
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
    // A story's bare `the summer` is the summer of the year it has reached.
    if c.story() && delta.is_none() {
        return Some(Hit::date(
            j + 1,
            format!("{}-{code}", calendar::year_code(a.year())),
        ));
    }
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
            d if d < 0 && s > now => y - 1,
            d if d > 0 && s < now => y + 1,
            _ => y,
        },
    };
    Some(Hit::date(
        j + 1,
        format!("{}-{code}", calendar::year_code(y)),
    ))
}

/// The year of a season joined at `k` to a later one that names its year (`and summer of
/// 1979`, `- early summer 1943`, `the winter-spring of 1920`): that year.
fn paired_season_year(c: &Ctx, k: usize) -> Option<i32> {
    let joined = c.word(k).eq_ignore_ascii_case("and")
        || c.kw(k, Kw::To)
        || c.punct(k, b'-')
        || c.word(k) == "\u{2013}";
    if !joined {
        return None;
    }
    let mut j = k + 1;
    if matches!(c.lex(j), Some(Lex::Kw(Kw::Early | Kw::Late | Kw::Mid))) {
        j += 1;
    }
    let Some(Lex::Season(_)) = c.lex(j) else {
        return None;
    };
    let mut y_at = j + 1;
    if c.kw(y_at, Kw::Of) {
        y_at += 1;
    }
    c.year(y_at)
}

/// `Q3`, `Q3 2016`.
pub(super) fn quarter_code(c: &Ctx, i: usize) -> Option<Hit> {
    let w = c.word(i).as_bytes();
    if w.len() != 2 || w[0] != b'Q' || !(b'1'..=b'4').contains(&w[1]) {
        return None;
    }
    let q = u32::from(w[1] - b'0');
    if let Some(y) = c.year(i + 1) {
        return Some(Hit::date(i + 2, format!("{}-Q{q}", calendar::year_code(y))));
    }
    Some(quarter_value(c, i, i + 1, q))
}

/// The quarter `q` of the year the sentence talks about: the current one or the last one
/// already begun (past and present tense), or the next (future).
fn quarter_value(c: &Ctx, i: usize, end: usize, q: u32) -> Hit {
    let Some(a) = c.now() else {
        return Hit::date(end, format!("XXXX-Q{q}"));
    };
    let now = calendar::quarter_of(a.month());
    // Quarters are reported after they end and forecast before they start: the quarter of
    // this year, unless it has not begun and the sentence is not about the future.
    let y = if q > now && !c.story() && c.dir(i) <= 0 {
        a.year() - 1
    } else {
        a.year()
    };
    let d = NaiveDate::from_ymd_opt(y, q * 3 - 2, 1);
    let mut h = Hit::date(end, format!("{}-Q{q}", calendar::year_code(y)));
    h.point = d.map(|d| (d, Unit::Quarter));
    h
}

/// `the first half of 1990`, `the second half of this year`, `the last half of 1989`: half a
/// year, `1990-H1`. Only with its year: `the second half` alone is as often a match's.
pub(super) fn half(c: &Ctx, i: usize) -> Option<Hit> {
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
    Some(Hit::date(
        end,
        format!("{}-H{}", calendar::year_code(y), 1 + u8::from(second)),
    ))
}

/// `the third quarter`, `third-quarter`, `the fiscal first quarter`, `the 1988 second
/// quarter`, `the third quarter of 1989`.
pub(super) fn quarter(c: &Ctx, i: usize) -> Option<Hit> {
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
            y.map_or(format!("XXXX-Q{q}"), |y| {
                format!("{}-Q{q}", calendar::year_code(y - 1))
            }),
        ));
    }
    if let Some(y) = year {
        let mut h = Hit::date(j, format!("{}-Q{q}", calendar::year_code(y)));
        h.point = NaiveDate::from_ymd_opt(y, q * 3 - 2, 1).map(|d| (d, Unit::Quarter));
        return Some(h);
    }
    Some(quarter_value(c, i, j, q))
}
