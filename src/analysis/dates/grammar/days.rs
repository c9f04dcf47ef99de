//! Calendar dates: days, months and weekdays (`April 20`, `20 April 2016`, `Friday`).

use chrono::{Datelike, NaiveDate};

use super::deictic::{anaphoric, deictic, offset, year_end};
use super::periods::{half, quarter, season};
use super::years::{century, decade, spoken_year, year};
use super::{Ctx, Hit, holidays};
use crate::analysis::dates::TimexType;
use crate::analysis::dates::calendar::{shift, weekday_near};
use crate::analysis::dates::lex::{Kw, Lex, Tok, Unit};

/// `early 2014`, `mid-March`, `late last year`, `the end of 1990`, `earlier this month`.
pub(super) fn modified_date(c: &Ctx, i: usize) -> Option<Hit> {
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
        && let Some(a) = c.now()
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

pub(super) fn date(c: &Ctx, i: usize) -> Option<Hit> {
    let candidates = [
        iso(c, i),
        part_of(c, i),
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
        span_first_day(c, i),
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
    let year = year
        .or_else(|| span_year(c, end, m))
        .or_else(|| c.year_of(i, m, Some(d)));
    let Some(y) = year else {
        return Some(Hit::date(end, format!("XXXX-{m:02}-{d:02}")));
    };
    let day = NaiveDate::from_ymd_opt(y, m, d)?;
    Some(Hit::at(end, day, Unit::Day))
}

/// The year of the first half of a span or a pair of days or months that names its year
/// once, at the end: `14 October - 25 November 1952`, `21 December to 5 January 1953` (a year
/// earlier: December comes before the January of the year named), `in August and September
/// 1914`, `(February-March 1794)`. `end` is the token after the first half.
fn span_year(c: &Ctx, end: usize, m: u32) -> Option<i32> {
    let joined = c.punct(end, b'-')
        || c.word(end) == "\u{2013}"
        || c.kw(end, Kw::To)
        || c.punct(end, b'/')
        || ["and", "or", "through", "until"]
            .iter()
            .any(|w| c.word(end).eq_ignore_ascii_case(w));
    if !joined {
        return None;
    }
    let (m2, k) = (end + 1..=end + 2).find_map(|k| match c.lex(k) {
        Some(Lex::Month(m2)) => Some((m2, k)),
        _ => None,
    })?;
    let y = (k + 1..=k + 3).find_map(|j| c.year(j))?;
    Some(if m2 < m { y - 1 } else { y })
}

fn month_only(c: &Ctx, i: usize, end: usize, m: u32, year: Option<i32>) -> Option<Hit> {
    let Some(y) = year
        .or_else(|| span_year(c, end, m))
        .or_else(|| c.year_of(i, m, None))
    else {
        return Some(Hit::date(end, format!("XXXX-{m:02}")));
    };
    let day = NaiveDate::from_ymd_opt(y, m, 1)?;
    Some(Hit::at(end, day, Unit::Month))
}

/// A month token at `i` (abbreviations take their full stop); returns month and next token.
pub(super) fn month_at(c: &Ctx, i: usize) -> Option<(u32, usize, bool)> {
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
        if let Some((y, k)) = of_that_year(c, end) {
            return month_day(c, i, k, m, d, Some(y));
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
    if let Some((y, k)) = of_that_year(c, j) {
        return month_only(c, i, k, m, Some(y));
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
    if m == 3 && a_named_march(c, i, j) {
        return None;
    }
    if m == 5
        && span_year(c, j, m).is_none()
        && !(i > 0
            && matches!(c.lex(i - 1), Some(Lex::Kw(_)) | Some(Lex::Word))
            && is_preposition(c.word(i - 1)))
    {
        return None;
    }
    month_only(c, i, j, m, None)
}

/// `the Long March`, `the Ice March`, `Women's March`, `the March to the Sea`, `the March on
/// Rome`: the bare `March` at `i` (the token after it at `j`) is a march with a name, after a
/// capitalised word inside the sentence, a possessive, or `the` with where it went.
fn a_named_march(c: &Ctx, i: usize, j: usize) -> bool {
    let after_name = i >= 2 && c.toks[i - 1].cap && c.lex(i - 1) == Some(Lex::Word);
    let possessive = i >= 2 && c.word(i - 1) == "s" && c.punct(i - 2, b'\'');
    let went = c.kw(j, Kw::To)
        || c.word(j).eq_ignore_ascii_case("on")
        || c.word(j).eq_ignore_ascii_case("from")
        || c.punct(j, b'.')
        || c.lex(j).is_none();
    after_name || possessive || i > 0 && c.kw(i - 1, Kw::The) && went
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
pub(super) fn year_phrase(c: &Ctx, i: usize) -> Option<i32> {
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

/// `of that year`, `of the same year`, `of the following year`, `of the previous year` at
/// `i` (`August of that year`, `24 January of the same year`): the year of the time last told
/// (or the one after or before it), and the token after. Without a time told there is no
/// year to take.
fn of_that_year(c: &Ctx, i: usize) -> Option<(i32, usize)> {
    if !c.kw(i, Kw::Of) {
        return None;
    }
    let (delta, k) = match (c.lex(i + 1)?, c.lex(i + 2)?) {
        (Lex::Kw(Kw::That), Lex::Unit(Unit::Year, false)) => (0, i + 2),
        (Lex::Kw(Kw::The | Kw::That), Lex::Kw(Kw::Same)) => (0, i + 3),
        (Lex::Kw(Kw::The), Lex::Kw(Kw::Following | Kw::Next)) => (1, i + 3),
        (Lex::Kw(Kw::The), Lex::Kw(Kw::Previous)) => (-1, i + 3),
        _ => return None,
    };
    if c.lex(k) != Some(Lex::Unit(Unit::Year, false)) {
        return None;
    }
    let (told, _) = c.reference?;
    Some((told.year() + delta, k + 1))
}

/// `the night of 10 August 1792`, `the morning of April 19`: a part of a day named by its
/// date, a TIME as `Friday night` is (`1792-08-10TNI`). Read so in a story, where the hour
/// of an event is the story's; news corpora annotated in TimeML tag the date alone (`on the
/// night of <Oct. 23>`), and lectern follows them there.
fn part_of(c: &Ctx, i: usize) -> Option<Hit> {
    let (true, Some(Lex::Part(p)), true) = (c.kw(i, Kw::The), c.lex(i + 1), c.kw(i + 2, Kw::Of))
    else {
        return None;
    };
    if !c.story() {
        return None;
    }
    let day = [month_first(c, i + 3), day_first(c, i + 3)]
        .into_iter()
        .flatten()
        .max_by_key(|h| h.end)
        // A day, its year known or not (`1791-06-20`, `XXXX-06-22`).
        .filter(|h| h.kind == TimexType::Date && h.value.len() == 10 && h.modifier.is_none())?;
    let mut h = Hit::new(
        day.end,
        TimexType::Time,
        format!("{}T{}", day.value, p.code()),
    );
    h.point = day.point;
    Some(h)
}

pub(super) fn is_preposition(w: &str) -> bool {
    [
        "in", "since", "until", "till", "by", "from", "of", "during", "before", "after", "through",
        "last", "next", "this", "early", "late", "mid", "on",
    ]
    .iter()
    .any(|p| w.eq_ignore_ascii_case(p))
}

/// `April 24 and 25`: a day number joined to the day expression that ends at token `i`,
/// in the same month. Only when nothing counted follows (`April 24 and 25 people`).
///
/// A span written with a dash (`April 6-7`, `January 25–29`) ends on a day of its own too.
pub fn coordinated_day(c: &Ctx, i: usize, first: NaiveDate) -> Option<Hit> {
    let dash = span_joint(c, i);
    if !(dash || c.word(i).eq_ignore_ascii_case("and") || c.word(i).eq_ignore_ascii_case("or")) {
        return None;
    }
    let day = match c.lex(i + 1) {
        Some(Lex::Num(day, 1..=2)) => day,
        Some(Lex::Ord(day)) => day,
        _ => return None,
    };
    let free = match c.lex(i + 2) {
        None | Some(Lex::Punct(_) | Lex::Kw(_)) => true,
        // `April 6-7 and`, `January 25–29 attacked`; but `from April 13 to 15 percent`.
        Some(Lex::Word) => dash && !c.kw(i, Kw::To) || is_preposition(c.word(i + 2)),
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
            && !centuries_capitalised(c, k)
    };
    let after_word = start > 0 && matches!(c.lex(start - 1), Some(Lex::Word));
    let titled = (start + 1..end)
        .any(|k| lower_case_word(k) && c.lex(k) != Some(Lex::Unit(Unit::Day, false)))
        || (after_word && lower_case_word(start));
    titled && !title_case(c.toks)
}

/// `the 19th Century`: British English often capitalises a numbered century, so an ordinal
/// before it says it is the period, unless a name goes on after it (`20th Century Fox`).
fn centuries_capitalised(c: &Ctx, k: usize) -> bool {
    let name_goes_on = c
        .toks
        .get(k + 1)
        .is_some_and(|t| t.cap && t.lex == Lex::Word);
    c.lex(k) == Some(Lex::Unit(Unit::Century, false))
        && k > 0
        && matches!(c.lex(k - 1), Some(Lex::Ord(_)))
        && !name_goes_on
}

/// The sentence is in title case, as a headline: no word of four letters or more is in lower
/// case (short ones are `and`, `of`, `to`, which titles leave small).
pub(super) fn title_case(toks: &[Tok]) -> bool {
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

/// A dash or `to` joining tokens `i - 1` and `i + 1` into a span (`6-7`, `6 – 7`, `15 to 22`).
fn span_joint(c: &Ctx, i: usize) -> bool {
    c.hyphen(i) || c.word(i) == "\u{2013}" || c.kw(i, Kw::To)
}

/// `6-7 January 1916`, `(26-30 November)`, `from 15 to 22 February`: the first day of a span
/// that names its month (and year) once, after the last day. TimeML tags each end as a date.
fn span_first_day(c: &Ctx, i: usize) -> Option<Hit> {
    let Some(Lex::Num(first, 1..=2)) = c.lex(i) else {
        return None;
    };
    if !span_joint(c, i + 1) {
        return None;
    }
    let last = day_first(c, i + 2)?;
    let (d, Unit::Day) = last.point? else {
        return None;
    };
    if !(1..d.day()).contains(&first) {
        return None;
    }
    Some(Hit::at(i + 1, d.with_day(first)?, Unit::Day))
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
    } else if let Some((y, k)) = of_that_year(c, end) {
        year = Some(y);
        end = k;
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
pub(super) fn part_of_day(c: &Ctx, hit: Hit) -> Hit {
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
