//! Holidays by name: `Christmas`, `Boxing Day`, `Election Day`, `Easter Monday`,
//! `last Thanksgiving`, `Halloween 2015`.
//!
//! A holiday is a day the calendar computes, so it resolves like a year-less date (by tense, or
//! by `last`/`next`) and then to its day in that year. Only capitalised names count: `on
//! election day` in a British article is the day of whichever election it is about, while
//! `Election Day` is the American one.

use chrono::{Datelike, NaiveDate};

use super::{Ctx, Hit};
use crate::analysis::dates::calendar::{shift, weekday_near};
use crate::analysis::dates::lex::{Kw, Lex, Unit};

/// How a holiday falls in a given year.
#[derive(Debug, Clone, Copy)]
enum Rule {
    /// The same month and day every year.
    Fixed(u32, u32),
    /// The first `weekday` (1 = Monday) on or after month/day: `Election Day` is the first
    /// Tuesday on or after November 2 (the Tuesday after the first Monday).
    OnOrAfter(u32, u32, u32),
    /// Days from Easter Sunday.
    Easter(i64),
}

impl Rule {
    fn day_in(self, year: i32) -> Option<NaiveDate> {
        match self {
            Rule::Fixed(m, d) => NaiveDate::from_ymd_opt(year, m, d),
            Rule::OnOrAfter(m, d, wd) => {
                weekday_near(NaiveDate::from_ymd_opt(year, m, d)?, wd, 1, false)
            }
            Rule::Easter(offset) => shift(easter(year)?, Unit::Day, offset),
        }
    }

    /// Month and day near which the holiday falls, to pick its year like any year-less date.
    fn about(self) -> (u32, u32) {
        match self {
            Rule::Fixed(m, d) | Rule::OnOrAfter(m, d, _) => (m, d),
            Rule::Easter(_) => (4, 8),
        }
    }
}

/// A holiday's name, word by word (`'s` is two tokens, as the lexer splits it), what it names
/// (a day, or the week of Easter), and its rule.
struct Feast {
    words: &'static [&'static str],
    unit: Unit,
    rule: Rule,
}

const fn day(words: &'static [&'static str], rule: Rule) -> Feast {
    Feast {
        words,
        unit: Unit::Day,
        rule,
    }
}

/// Longer names first, so `Easter Monday` wins over `Easter`. `Labour Day` and
/// `Independence Day` are left out: their dates depend on the country.
const FEASTS: &[Feast] = &[
    day(&["Christmas", "Eve"], Rule::Fixed(12, 24)),
    day(&["Christmas", "Day"], Rule::Fixed(12, 25)),
    day(&["Christmas"], Rule::Fixed(12, 25)),
    day(&["New", "Year", "'", "s", "Eve"], Rule::Fixed(12, 31)),
    day(&["New", "Year", "'", "s", "Day"], Rule::Fixed(1, 1)),
    day(&["Boxing", "Day"], Rule::Fixed(12, 26)),
    day(&["Halloween"], Rule::Fixed(10, 31)),
    day(&["Valentine", "'", "s", "Day"], Rule::Fixed(2, 14)),
    day(&["Veterans", "'", "Day"], Rule::Fixed(11, 11)),
    day(&["Veterans", "Day"], Rule::Fixed(11, 11)),
    day(&["Armistice", "Day"], Rule::Fixed(11, 11)),
    day(&["Remembrance", "Day"], Rule::Fixed(11, 11)),
    // The second Sunday of November.
    day(&["Remembrance", "Sunday"], Rule::OnOrAfter(11, 8, 7)),
    // The fourth Thursday of November.
    day(&["Thanksgiving", "Day"], Rule::OnOrAfter(11, 22, 4)),
    day(&["Thanksgiving"], Rule::OnOrAfter(11, 22, 4)),
    day(&["Election", "Day"], Rule::OnOrAfter(11, 2, 2)),
    // The first Monday of September.
    day(&["Labor", "Day"], Rule::OnOrAfter(9, 1, 1)),
    // The last Monday of May.
    day(&["Memorial", "Day"], Rule::OnOrAfter(5, 25, 1)),
    day(&["Good", "Friday"], Rule::Easter(-2)),
    day(&["Easter", "Sunday"], Rule::Easter(0)),
    day(&["Easter", "Day"], Rule::Easter(0)),
    day(&["Easter", "Monday"], Rule::Easter(1)),
    Feast {
        words: &["Easter", "week"],
        unit: Unit::Week,
        rule: Rule::Easter(0),
    },
    day(&["Easter"], Rule::Easter(0)),
];

/// The first words of [`FEASTS`].
const FIRST_WORDS: &[&str] = &[
    "Christmas",
    "New",
    "Boxing",
    "Halloween",
    "Valentine",
    "Veterans",
    "Armistice",
    "Remembrance",
    "Thanksgiving",
    "Election",
    "Labor",
    "Memorial",
    "Good",
    "Easter",
];

/// Lower-case words after a holiday that make it a thing rather than a day: `Easter eggs`, a
/// `Christmas tree`, the `Halloween sequels`. (A capitalised word makes another name:
/// `Christmas Island`, `the Good Friday Agreement`, `the Easter Rising`.)
const THINGS: &[&str] = &[
    "egg",
    "eggs",
    "bunny",
    "tree",
    "trees",
    "card",
    "cards",
    "carol",
    "carols",
    "pudding",
    "cake",
    "lights",
    "decorations",
    "stocking",
    "stockings",
    "costume",
    "costumes",
    "candy",
    "film",
    "films",
    "movie",
    "movies",
    "sequel",
    "sequels",
    "franchise",
    "single",
    "song",
    "album",
];

/// Capitalised words that may open a sentence before a holiday without making a longer name
/// of it: `On Christmas Eve`, `Happy Halloween`.
const OPENERS: &[&str] = &[
    "The",
    "A",
    "An",
    "This",
    "That",
    "These",
    "Those",
    "Last",
    "Next",
    "Every",
    "Each",
    "Our",
    "Their",
    "His",
    "Her",
    "Its",
    "My",
    "Your",
    "Some",
    "Many",
    "Most",
    "Other",
    "On",
    "By",
    "At",
    "For",
    "Before",
    "After",
    "Until",
    "Since",
    "During",
    "Over",
    "Around",
    "Near",
    "Through",
    "Till",
    "From",
    "Between",
    "In",
    "Into",
    "Of",
    "To",
    "With",
    "Without",
    "Within",
    "Throughout",
    "Despite",
    "Like",
    "Come",
    "But",
    "And",
    "Or",
    "So",
    "Yet",
    "Then",
    "When",
    "If",
    "As",
    "While",
    "Once",
    "Because",
    "Although",
    "Though",
    "Unless",
    "Even",
    "Only",
    "Just",
    "Also",
    "Happy",
    "Merry",
];

/// A holiday at token `i`, with `last`, `next` or `this` before it and a year after it.
pub(super) fn feast(c: &Ctx, i: usize) -> Option<Hit> {
    let (direction, start) = match c.lex(i)? {
        Lex::Kw(Kw::Last | Kw::Past | Kw::Previous) => (Some(-1), i + 1),
        Lex::Kw(Kw::Next | Kw::Coming) => (Some(1), i + 1),
        Lex::Kw(Kw::This) => (None, i + 1),
        _ => (None, i),
    };
    // Most words start no holiday: one look at the first word settles it (this runs on every
    // capitalised word of a text).
    let first = c.word(start);
    if !FIRST_WORDS.iter().any(|w| w.eq_ignore_ascii_case(first)) {
        return None;
    }
    // The longest name that matches, and only it: `Easter Monday Irish rebels` is no
    // `Easter` either.
    let (feast, mut end) = FEASTS.iter().find_map(|f| named(c, start, f))?;
    if another_name(c, start, end) {
        return None;
    }
    let explicit = c.year(end);
    if explicit.is_some() {
        end += 1;
    }
    let (m, d) = feast.rule.about();
    let day = match (explicit, c.anchor, direction) {
        (Some(y), _, _) => feast.rule.day_in(y)?,
        (None, Some(a), Some(dir)) => {
            // The one strictly before (or after) the article date.
            let y = a.year();
            let mut years = [y - 1, y, y + 1]
                .into_iter()
                .filter_map(|y| feast.rule.day_in(y));
            if dir < 0 {
                years.rfind(|&f| f < a)?
            } else {
                years.find(|&f| f > a)?
            }
        }
        (None, Some(_), None) => feast.rule.day_in(c.year_of(start, m, Some(d))?)?,
        (None, None, _) => {
            return Some(Hit::date(end, unresolved(feast)));
        }
    };
    Some(Hit::at(end, day, feast.unit))
}

/// Without an article date: the month and day where the holiday is fixed, else its month.
fn unresolved(f: &Feast) -> String {
    match (f.unit, f.rule) {
        (Unit::Day, Rule::Fixed(m, d)) => format!("XXXX-{m:02}-{d:02}"),
        // Every rule here keeps its day within the month.
        (Unit::Day, Rule::OnOrAfter(m, _, _)) => format!("XXXX-{m:02}"),
        _ => "XXXX".to_string(),
    }
}

/// `f`'s name at token `i`, every word capitalised as a name is; returns the token after it.
fn named<'f>(c: &Ctx, i: usize, f: &'f Feast) -> Option<(&'f Feast, usize)> {
    for (k, w) in f.words.iter().enumerate() {
        let tok = c.toks.get(i + k)?;
        if *w == "'" {
            // Glued to its noun, straight or typographic (the lexer reads both as `'`).
            if k == 0 || !c.punct(i + k, b'\'') || !c.glued(i + k - 1) {
                return None;
            }
            continue;
        }
        // The capital matters for names, not for `week` or the `s` of `'s`.
        if !c.word(i + k).eq_ignore_ascii_case(w)
            || w.as_bytes()[0].is_ascii_uppercase() && !tok.cap
        {
            return None;
        }
    }
    Some((f, i + f.words.len()))
}

/// The holiday's name at `start..end` is part of another: `Holocaust Memorial Day`, `Armed
/// Forces Day` (a capitalised word before), `Christmas Island`, `the Good Friday Agreement`
/// (one after), or a thing (`Christmas tree`). A headline in title case capitalises
/// everything and says nothing; neither does the first word of a sentence that opens it
/// (`On Christmas Eve`, `"Happy Halloween,"`).
fn another_name(c: &Ctx, start: usize, end: usize) -> bool {
    let name_word = |k: usize| c.toks.get(k).is_some_and(|t| t.cap && t.lex == Lex::Word);
    let first = c
        .toks
        .iter()
        .position(|t| !matches!(t.lex, Lex::Punct(_)))
        .unwrap_or(0);
    // Before it, any capitalised word counts (`She sang Last Christmas`).
    let before = start > 0
        && c.toks[start - 1].cap
        && !(start - 1 == first && OPENERS.iter().any(|o| c.word(first) == *o));
    ((before || name_word(end)) && !super::days::title_case(c.toks))
        || THINGS.iter().any(|w| c.word(end).eq_ignore_ascii_case(w))
}

/// Easter Sunday of `year` in the Gregorian calendar (the anonymous Gregorian algorithm, as in
/// Meeus, *Astronomical Algorithms*).
fn easter(year: i32) -> Option<NaiveDate> {
    let a = year % 19;
    let b = year / 100;
    let c = year % 100;
    let d = b / 4;
    let e = b % 4;
    let f = (b + 8) / 25;
    let g = (b - f + 1) / 3;
    let h = (19 * a + b - d - g + 15) % 30;
    let i = c / 4;
    let k = c % 4;
    let l = (32 + 2 * e + 2 * i - h - k) % 7;
    let m = (a + 11 * h + 22 * l) / 451;
    let month = (h + l - 7 * m + 114) / 31;
    let day = (h + l - 7 * m + 114) % 31 + 1;
    NaiveDate::from_ymd_opt(year, u32::try_from(month).ok()?, u32::try_from(day).ok()?)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_feast_starts_with_a_first_word() {
        for f in FEASTS {
            assert!(FIRST_WORDS.contains(&f.words[0]), "{:?}", f.words);
        }
    }

    #[test]
    fn easter_sundays() {
        let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d);
        assert_eq!(easter(2000), d(2000, 4, 23));
        assert_eq!(easter(2016), d(2016, 3, 27));
        assert_eq!(easter(2019), d(2019, 4, 21));
        assert_eq!(easter(2024), d(2024, 3, 31));
        assert_eq!(easter(1818), d(1818, 3, 22)); // the earliest possible
        assert_eq!(easter(1943), d(1943, 4, 25)); // the latest possible
    }

    #[test]
    fn computed_days() {
        let d = |y, m, d| NaiveDate::from_ymd_opt(y, m, d);
        assert_eq!(Rule::OnOrAfter(11, 2, 2).day_in(1998), d(1998, 11, 3));
        assert_eq!(Rule::OnOrAfter(11, 2, 2).day_in(2016), d(2016, 11, 8));
        assert_eq!(Rule::OnOrAfter(11, 22, 4).day_in(2016), d(2016, 11, 24));
        assert_eq!(Rule::OnOrAfter(5, 25, 1).day_in(2016), d(2016, 5, 30));
        assert_eq!(Rule::OnOrAfter(9, 1, 1).day_in(2016), d(2016, 9, 5));
        assert_eq!(Rule::Easter(-2).day_in(2016), d(2016, 3, 25));
    }
}
