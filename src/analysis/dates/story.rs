//! Narrative text: history, biography, a novel, a long feature told in the past.
//!
//! News dates what it tells from the day it was written: `on Friday`, `in March`, `last year`
//! count from the article's date. A narrative dates from the story's own time: after `On 22
//! June 1941 …`, `two days later`, `that spring` and `in March` belong to 1941, whatever the
//! date of the page. The two are told apart by the dates a text gives: a narrative names
//! many years far from its own date and hardly ever points at its present (`today`, `last
//! week`, `on Friday`), while news, however much background it gives, keeps returning to the
//! days around its date.

use std::ops::Range;

use chrono::{Datelike, NaiveDate};

use super::lex::{self, Kw, Lex, Tok};
use super::{Timex, TimexType};

/// Years named at least this far from the document's year are the story's, not the news'.
const FAR: i32 = 2;

/// A narrative names at least this many far years...
const MIN_FAR: usize = 8;

/// ...and at least this many times as many as dates near the document's date plus references
/// to its present.
const DOMINANCE: usize = 2;

/// A text told in the past that names fewer far years is a narrative too, when they
/// outnumber its near years and references to its present together...
const MIN_FAR_TOLD: usize = 4;

/// ...and its finite verbs are past forms at least this many times as often as present
/// forms: news reports in the past (`said`) but describes its present (`is`, `has`, `says`),
/// a history keeps to the past throughout.
const PAST_SHARE: usize = 8;

/// The fewest past forms that tell a text's tense (a short text's verbs tell little).
const MIN_PAST: usize = 30;

/// What the dates of a text (as read against its document date `anchor`) say about it.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Evidence {
    /// Dates that name a year `FAR` or more from the document's.
    pub far: usize,
    /// Dates that name a year close to the document's.
    pub near: usize,
    /// Dates that point from the document's present: `today`, `last week`, `Friday`, `ago`.
    pub deictic: usize,
    /// Past and present forms of common verbs in the whole text (`was`, `-ed`; `is`, `has`),
    /// counted only when the dates leave the question open.
    pub tense: Option<(usize, usize)>,
}

impl Evidence {
    /// Gathers the evidence of `timexes`, found in `text` against `anchor`. Without one, the
    /// middle year the text names stands in for its date: news keeps to the years around its
    /// present (last year's figures, next year's forecast), while a story moves through its
    /// years and leaves most of them behind.
    pub fn gather(text: &str, timexes: &[Timex], anchor: Option<NaiveDate>) -> Self {
        let mut toks = Vec::new();
        let mut years = Vec::new();
        let mut deictic = 0;
        for t in timexes {
            if !matches!(t.kind, TimexType::Date | TimexType::Time) {
                continue;
            }
            toks.clear();
            lex::tokenize(text, clamp(text, t.range.clone()), &mut toks);
            years.extend(named_year(text, &toks));
            if points_at_present(&toks) {
                deictic += 1;
            }
        }
        years.sort_unstable();
        let Some(now) = anchor
            .map(|a| a.year())
            .or_else(|| years.get(years.len() / 2).copied())
        else {
            return Evidence {
                deictic,
                ..Evidence::default()
            };
        };
        let far = years.iter().filter(|&&y| (y - now).abs() >= FAR).count();
        let mut e = Evidence {
            far,
            near: years.len() - far,
            deictic,
            tense: None,
        };
        if !e.by_dates() && e.far >= MIN_FAR_TOLD && e.far > e.near + e.deictic {
            e.tense = Some(tense(text));
        }
        e
    }

    /// The text is a narrative: its named years lie mostly far from its date, or, in a text
    /// told in the past, more of them do than not.
    pub fn is_narrative(self) -> bool {
        self.by_dates()
            || self.tense.is_some_and(|(past, present)| {
                past >= MIN_PAST
                    && past >= PAST_SHARE * present
                    && self.far >= MIN_FAR_TOLD
                    && self.far > self.near + self.deictic
            })
    }

    /// The dates alone tell a narrative.
    fn by_dates(self) -> bool {
        self.far >= MIN_FAR && self.far >= DOMINANCE * (self.near + self.deictic)
    }
}

/// A year named this many years or more away from a story's time, told to the month or the
/// day, leaves it for a moment unless it heads its sentence: `documents found in 2004` in a
/// story of 1920, `the Congress of 1815`.
const ASIDE: i32 = 10;

/// How many tokens around a date a past perfect (`had met`) reaches.
const PERFECT_REACH: usize = 6;

/// The date at tokens `start..end`, the point `(day, unit)`, is mentioned in passing, while the
/// story stays at `told`: the story's time does not move to it.
///
/// A story goes back in time freely (`In March 1917 … In November …, In May …`), but some
/// ways of naming an earlier date say it is background, not the story's next step: `since
/// 1813` (the start of what lasts to the story's time), `as in 1614` (a comparison), a past
/// perfect (`the Estates had last met in 1614`: before the time told), a date in brackets
/// (`the Civil Constitution of the Clergy (1790)`) or one that qualifies a noun (`the August
/// 1792 uprising`). A year far from the story's time in the middle of a sentence is an aside
/// too, ahead or behind (`documents found in 2004 proved …`): a story that moves there
/// says so at the head of a sentence (`In 1946, …`). A year that is the story's own year
/// repeats it (`On December 7, 1941`) and keeps the day it has reached; a year counted back
/// from it (`the previous year`) compares with it.
pub fn digression(
    text: &str,
    toks: &[Tok],
    start: usize,
    end: usize,
    (day, unit): (NaiveDate, lex::Unit),
    (told, told_unit): (NaiveDate, lex::Unit),
) -> bool {
    let word = |k: usize| toks.get(k).map_or("", |t| &text[t.range.clone()]);
    let is = |k: usize, w: &str| word(k).eq_ignore_ascii_case(w);
    let finer = matches!(
        told_unit,
        lex::Unit::Day | lex::Unit::Week | lex::Unit::Weekend | lex::Unit::Month
    );
    if unit == lex::Unit::Year && finer {
        if day.year() == told.year() {
            return true;
        }
        if (day.year() - told.year()).abs() >= ASIDE && start > 2 {
            return true;
        }
    }
    if !before(day, unit, told) {
        return false;
    }
    // `their successes from the previous year`: a year counted back from a day or a month
    // of the story compares with it; the story goes on from where it was.
    let counted = !toks[start..end.min(toks.len())]
        .iter()
        .any(|t| matches!(t.lex, Lex::Num(..)));
    if unit == lex::Unit::Year && finer && counted {
        return true;
    }
    let before_is = |k: usize, w: &str| start >= k && is(start - k, w);
    if before_is(1, "since") || before_is(2, "since") {
        return true;
    }
    if before_is(1, "in") && ["as", "than", "like"].iter().any(|w| before_is(2, w)) {
        return true;
    }
    if start > 0 && toks[start - 1].lex == Lex::Punct(b'(') {
        return true;
    }
    // `the August 1792 uprising`, `Russia's 1905 revolution`.
    let determiner =
        start > 0 && (is(start - 1, "the") || is(start - 1, "s") || is(start - 1, "a"));
    let noun_after = toks
        .get(end)
        .is_some_and(|t| t.lex == Lex::Word && !t.cap && !is(end, "and") && !is(end, "or"));
    if determiner && noun_after {
        return true;
    }
    // `had met`, `had been`, `had already crossed`: not `had 20 divisions`, `had a navy`.
    let perfect = |k: usize| {
        is(k, "had")
            && toks
                .get(k + 1)
                .is_some_and(|n| n.lex == Lex::Word && !n.cap)
            && !matches!(word(k + 1), "no" | "some" | "little" | "more" | "to")
    };
    (start.saturating_sub(PERFECT_REACH)..start).any(perfect)
        || (end..toks.len().min(end + PERFECT_REACH)).any(perfect)
}

/// The point `day` known to `unit` lies wholly before `told`.
fn before(day: NaiveDate, unit: lex::Unit, told: NaiveDate) -> bool {
    let last = match unit {
        lex::Unit::Year => NaiveDate::from_ymd_opt(day.year(), 12, 31),
        lex::Unit::Month => day
            .with_day(1)
            .and_then(|d| d.checked_add_months(chrono::Months::new(1)))
            .and_then(|d| d.pred_opt()),
        lex::Unit::Week => day.checked_add_days(chrono::Days::new(6)),
        lex::Unit::Decade | lex::Unit::Century => None,
        _ => Some(day),
    };
    last.is_some_and(|l| l < told)
}

/// Past forms (`was`, `were`, `had`, `did`, `said` and lower-case `-ed` words) and present
/// forms (`is`, `are`, `has`, `have`, `says`, `does`, `am`) among the words of `text`.
fn tense(text: &str) -> (usize, usize) {
    const PAST: [&str; 5] = ["was", "were", "had", "did", "said"];
    const PRESENT: [&str; 7] = ["is", "are", "has", "have", "says", "does", "am"];
    let (mut past, mut present) = (0, 0);
    for w in text.split(|c: char| !c.is_ascii_alphabetic()) {
        // (The listed forms are short: longer words skip the comparisons.)
        let regular = w.len() > 4 && w.ends_with("ed") && w.as_bytes()[0].is_ascii_lowercase();
        if regular || (w.len() <= 5 && PAST.iter().any(|p| w.eq_ignore_ascii_case(p))) {
            past += 1;
        } else if w.len() <= 5 && PRESENT.iter().any(|p| w.eq_ignore_ascii_case(p)) {
            present += 1;
        }
    }
    (past, present)
}

fn clamp(text: &str, r: Range<usize>) -> Range<usize> {
    r.start.min(text.len())..r.end.min(text.len())
}

/// The year a date names in its own words (`22 June 1941`, `1915`, `490 BC`), if any.
fn named_year(text: &str, toks: &[Tok]) -> Option<i32> {
    toks.iter().enumerate().find_map(|(i, t)| match t.lex {
        Lex::Num(y, 1..=4)
            if toks
                .get(i + 1)
                .is_some_and(|n| matches!(&text[n.range.clone()], "BC" | "BCE" | "B")) =>
        {
            Some(1 - y as i32)
        }
        Lex::Num(y, 4) if (1000..=2099).contains(&y) => Some(y as i32),
        _ => None,
    })
}

/// The date counts from the present of its text: `today`, `now`, `two years ago`, `last
/// week`, `this month`, `next year`, a bare weekday.
fn points_at_present(toks: &[Tok]) -> bool {
    toks.iter().enumerate().any(|(i, t)| match t.lex {
        Lex::Kw(
            Kw::Today
            | Kw::Yesterday
            | Kw::Tomorrow
            | Kw::Tonight
            | Kw::Now
            | Kw::Currently
            | Kw::Recently
            | Kw::Ago,
        )
        | Lex::Weekday(_) => true,
        Lex::Kw(Kw::This | Kw::Last | Kw::Next) => {
            matches!(toks.get(i + 1).map(|t| t.lex), Some(Lex::Unit(..)))
        }
        _ => false,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn timex(text: &str, needle: &str) -> Timex {
        let start = text.find(needle).expect("in the text");
        Timex {
            range: start..start + needle.len(),
            kind: TimexType::Date,
            value: String::new(),
            modifier: None,
            period: None,
        }
    }

    #[test]
    fn far_years_make_a_narrative_and_the_present_unmakes_it() {
        let anchor = NaiveDate::from_ymd_opt(2016, 4, 21).expect("a date");
        let years: String = (1900..1910)
            .map(|y| format!("In {y} it rained. "))
            .collect();
        let ts: Vec<Timex> = (1900..1910)
            .map(|y| timex(&years, &y.to_string()))
            .collect();
        let e = Evidence::gather(&years, &ts, Some(anchor));
        assert_eq!((e.far, e.near, e.deictic), (10, 0, 0));
        assert!(e.is_narrative());

        // News with as much background: every sentence of its own counts from its date.
        let present = [
            "Today",
            "On Friday",
            "Last week",
            "Yesterday",
            "Tomorrow",
            "This month",
        ];
        let news = format!(
            "{years}{}",
            present.map(|p| format!("{p} it snowed. ")).concat()
        );
        let mut ts = ts;
        ts.extend(present.iter().map(|p| timex(&news, p)));
        let e = Evidence::gather(&news, &ts, Some(anchor));
        assert_eq!(e.deictic, 6);
        assert!(!e.is_narrative(), "{e:?}");
    }

    #[test]
    fn a_few_far_years_in_a_text_told_in_the_past_make_a_narrative() {
        let anchor = NaiveDate::from_ymd_opt(2009, 12, 19).expect("a date");
        let story = "The rising began in July 1936. The generals marched north and crossed \
             the river; the town was taken and the garrison surrendered. In 1937 the siege \
             ended and the army moved east. The bombing of the town followed in April, and \
             the government fled. By 1938 the front had collapsed and the rebels reached the \
             sea. The war ended in 1939, when the capital was occupied. ";
        let text = story.repeat(3);
        let ts: Vec<Timex> = ["1936", "1937", "1938", "1939"]
            .iter()
            .map(|y| timex(&text, y))
            .collect();
        let e = Evidence::gather(&text, &ts, Some(anchor));
        assert_eq!(e.far, 4);
        assert!(e.tense.is_some_and(|(past, _)| past >= MIN_PAST), "{e:?}");
        assert!(e.is_narrative(), "{e:?}");

        // The same years as background in news, which tells its present in the present.
        let news = "The company, which was founded in 1936, is in talks and says it has \
             buyers; its shares are up and analysts are hopeful. It grew in 1937, 1938 and \
             1939, and it has doubled since. The board is meeting and the chairman is \
             confident, he said. "
            .repeat(3);
        let ts: Vec<Timex> = ["1936", "1937", "1938", "1939"]
            .iter()
            .map(|y| timex(&news, y))
            .collect();
        let e = Evidence::gather(&news, &ts, Some(anchor));
        assert!(!e.is_narrative(), "{e:?}");
    }
}
