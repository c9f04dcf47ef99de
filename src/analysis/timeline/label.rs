//! How a date is shown to a reader: one style everywhere (`20 Apr 2016`, `Apr 2016`,
//! `early 2014`, `≈ 11–17 Apr 2016`, `a Sunday (year unknown)`), read from the TIMEX3 value
//! itself, so that what the screen says and what `extract` exports are one meaning.
//!
//! TimeML's notation (`XXXX-WXX-7`, `2016-W15`, `XXXX-12`) never reaches the screen: every
//! shape the grammar writes has a phrase here, and a value of an unknown shape falls back to
//! the period it covers, or to `date unknown`.

use chrono::{Datelike, NaiveDate, Weekday};

/// Three-letter month names, as the strip's axis writes them.
const MONTHS: [&str; 12] = [
    "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec",
];

const WEEKDAYS: [&str; 7] = [
    "Monday",
    "Tuesday",
    "Wednesday",
    "Thursday",
    "Friday",
    "Saturday",
    "Sunday",
];

/// The label of a date whose TIMEX3 value is `value` (with its `mod`), `≈` in front when it is
/// `approx`. `period` is what the incident covers; it names a value that has no date of its
/// own (a stretch counted from the article's date, `the past two months`, valued `P2M`).
pub fn label(
    value: &str,
    modifier: Option<&str>,
    period: Option<(NaiveDate, NaiveDate)>,
    approx: bool,
) -> String {
    let prefix = if approx { "≈ " } else { "" };
    let (date, time) = value.split_once('T').unwrap_or((value, ""));
    let named = date_words(date).or_else(|| period.map(|(a, b)| span(a, b)));
    let Some(base) = named else {
        return format!("{prefix}date unknown");
    };
    let base = match time_words(time) {
        Some(t) => format!("{base} {t}"),
        None => base,
    };
    let part = match modifier {
        Some("START") => "early ",
        Some("MID") => "mid ",
        Some("END") => "late ",
        _ => "",
    };
    format!("{prefix}{part}{base}")
}

/// A day as the screen writes it: `20 Apr 2016`.
pub fn day(d: NaiveDate) -> String {
    format!(
        "{} {} {}",
        d.day(),
        month(d.month()).unwrap_or("?"),
        d.year()
    )
}

/// A stretch of days, as short as it reads unambiguously: `20 Apr 2016`, `11–17 Apr 2016`,
/// `28 Mar – 3 Apr 2016`, `28 Dec 2015 – 3 Jan 2016`.
pub fn span(a: NaiveDate, b: NaiveDate) -> String {
    let (m_a, m_b) = (
        month(a.month()).unwrap_or("?"),
        month(b.month()).unwrap_or("?"),
    );
    if a == b {
        day(a)
    } else if a.year() == b.year() && a.month() == b.month() {
        format!("{}–{} {m_b} {}", a.day(), b.day(), b.year())
    } else if a.year() == b.year() {
        format!("{} {m_a} – {} {m_b} {}", a.day(), b.day(), b.year())
    } else {
        format!("{} – {}", day(a), day(b))
    }
}

fn month(m: u32) -> Option<&'static str> {
    MONTHS
        .get(usize::try_from(m).ok()?.checked_sub(1)?)
        .copied()
}

/// A number made only of ASCII digits.
fn digits(s: &str) -> Option<u32> {
    (!s.is_empty() && s.bytes().all(|b| b.is_ascii_digit()))
        .then(|| s.parse().ok())
        .flatten()
}

fn unknown(s: &str) -> bool {
    !s.is_empty() && s.bytes().all(|b| b == b'X')
}

/// The date part of a value in words; `None` for what is not a date (`P2M`, `PAST_REF`).
fn date_words(date: &str) -> Option<String> {
    let parts: Vec<&str> = date.split('-').collect();
    let (head, rest) = parts.split_first()?;
    // The year, or `None` when the value leaves it unknown.
    let year = match head.len() {
        4 if unknown(head) => None,
        4 if head.ends_with('X') => {
            // `199X`, `19XX`: a decade or a century.
            let known = head.trim_end_matches('X');
            let n = digits(known)?;
            return Some(match known.len() {
                3 => format!("{}s", n * 10),
                2 => century(n),
                _ => return None,
            });
        }
        4 => Some(i32::try_from(digits(head)?).ok()?),
        3 if rest.is_empty() => return Some(format!("{}s", digits(head)? * 10)),
        2 if rest.is_empty() => return Some(century(digits(head)?)),
        _ => return None,
    };
    let in_year = |words: String| match year {
        Some(y) => format!("{words} {y}"),
        None => format!("{words} (year unknown)"),
    };
    Some(match rest {
        [] => year?.to_string(),
        [m] if unknown(m) => year?.to_string(),
        [m] if m.starts_with('W') => week(year, &m[1..], None)?,
        [m, d] if m.starts_with('W') => week(year, &m[1..], Some(d))?,
        [q] if q.starts_with('Q') || q.starts_with('H') => {
            digits(&q[1..])?;
            in_year((*q).to_string())
        }
        [s] if season(s).is_some() => in_year(season(s)?.to_string()),
        [m] => in_year(month(digits(m)?)?.to_string()),
        [m, d] if unknown(m) => match digits(d) {
            // `XXXX-XX-20`: a day of some month.
            Some(d) => format!("the {d}{} (month unknown)", ordinal(d)),
            None => year?.to_string(),
        },
        [m, d] if unknown(d) => in_year(month(digits(m)?)?.to_string()),
        [m, d] => {
            let (m, d) = (digits(m)?, digits(d)?);
            match year {
                Some(y) => day(NaiveDate::from_ymd_opt(y, m, d)?),
                None => format!("{d} {} (year unknown)", month(m)?),
            }
        }
        _ => return None,
    })
}

/// `2016-W15` → `11–17 Apr 2016`; `2016-W15-WE` → `16–17 Apr 2016` (its Saturday and Sunday); `2016-W15-3` →
/// `13 Apr 2016`; `XXXX-WXX-7` → `a Sunday (year unknown)`.
fn week(year: Option<i32>, w: &str, part: Option<&str>) -> Option<String> {
    let weekday = part.and_then(digits).and_then(|d| {
        let i = usize::try_from(d).ok()?.checked_sub(1)?;
        WEEKDAYS.get(i).map(|name| (i, *name))
    });
    let (Some(y), Some(w)) = (year, digits(w)) else {
        let missing = if year.is_none() {
            "year unknown"
        } else {
            "week unknown"
        };
        return Some(match (weekday, part) {
            (Some((_, name)), _) => format!("a {name} ({missing})"),
            (None, Some("WE")) => format!("a weekend ({missing})"),
            _ => format!("a week ({missing})"),
        });
    };
    let monday = NaiveDate::from_isoywd_opt(y, w, Weekday::Mon)?;
    let sunday = NaiveDate::from_isoywd_opt(y, w, Weekday::Sun)?;
    Some(match (weekday, part) {
        (Some((i, _)), _) => day(monday.checked_add_days(chrono::Days::new(i as u64))?),
        (None, Some("WE")) => span(sunday.pred_opt()?, sunday),
        _ => span(monday, sunday),
    })
}

fn season(s: &str) -> Option<&'static str> {
    Some(match s {
        "SP" => "spring",
        "SU" => "summer",
        "FA" => "autumn",
        "WI" => "winter",
        _ => return None,
    })
}

/// `19` (the years 1900–1999) → `20th century`.
fn century(c: u32) -> String {
    let n = c + 1;
    format!("{n}{} century", ordinal(n))
}

fn ordinal(n: u32) -> &'static str {
    match (n % 10, n % 100) {
        (1, r) if r != 11 => "st",
        (2, r) if r != 12 => "nd",
        (3, r) if r != 13 => "rd",
        _ => "th",
    }
}

/// The time part of a value: `16:08`, `16:08 UTC`, `morning`.
fn time_words(time: &str) -> Option<String> {
    Some(match time {
        "" => return None,
        "MO" => "morning".into(),
        "AF" => "afternoon".into(),
        "EV" => "evening".into(),
        "NI" => "night".into(),
        "DT" => "daytime".into(),
        // TimeML's `Z` (universal time) reads as the zone the article named.
        t => match t.strip_suffix('Z') {
            Some(clock) => format!("{clock} UTC"),
            None => t.to_string(),
        },
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn l(value: &str) -> String {
        label(value, None, None, false)
    }

    #[test]
    fn days_months_years_in_words() {
        assert_eq!(l("2016-04-20"), "20 Apr 2016");
        assert_eq!(l("2016-04"), "Apr 2016");
        assert_eq!(l("2016"), "2016");
        assert_eq!(label("2014", Some("START"), None, false), "early 2014");
        assert_eq!(label("2016-07", None, None, true), "≈ Jul 2016");
        assert_eq!(l("2016-Q3"), "Q3 2016");
        assert_eq!(l("2015-SP"), "spring 2015");
        assert_eq!(l("199X"), "1990s");
        assert_eq!(l("199"), "1990s");
        assert_eq!(l("19"), "20th century");
        assert_eq!(l("19XX"), "20th century");
        assert_eq!(l("00"), "1st century");
    }

    #[test]
    fn weeks_are_their_days() {
        assert_eq!(label("2016-W15", None, None, true), "≈ 11–17 Apr 2016");
        assert_eq!(l("2016-W13"), "28 Mar – 3 Apr 2016");
        assert_eq!(l("2015-W53"), "28 Dec 2015 – 3 Jan 2016");
        assert_eq!(l("2016-W15-WE"), "16–17 Apr 2016");
        assert_eq!(l("2016-W15-3"), "13 Apr 2016");
    }

    #[test]
    fn unknown_parts_are_said_in_words() {
        assert_eq!(l("XXXX-WXX-7"), "a Sunday (year unknown)");
        assert_eq!(l("XXXX-12"), "Dec (year unknown)");
        assert_eq!(l("XXXX-04-20"), "20 Apr (year unknown)");
        assert_eq!(l("XXXX-SU"), "summer (year unknown)");
        assert_eq!(l("2016-12-XX"), "Dec 2016");
        assert_eq!(l("XXXX-XX-20"), "the 20th (month unknown)");
        for v in [
            "XXXX-WXX-7",
            "XXXX-12",
            "XXXX-04-20",
            "2016-W15",
            "P2M",
            "2016-13",
        ] {
            let got = l(v);
            assert!(
                !got.contains('X') && !got.contains('W') && !got.contains('P'),
                "{v}: {got}"
            );
        }
    }

    #[test]
    fn times_and_stretches() {
        assert_eq!(l("2016-04-21T16:08Z"), "21 Apr 2016 16:08 UTC");
        assert_eq!(l("2016-04-21TMO"), "21 Apr 2016 morning");
        let d = |m, d| NaiveDate::from_ymd_opt(2016, m, d).unwrap();
        assert_eq!(
            label("P2M", None, Some((d(2, 21), d(4, 20))), true),
            "≈ 21 Feb – 20 Apr 2016"
        );
        assert_eq!(l("P2M"), "date unknown");
    }
}
