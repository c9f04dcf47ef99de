//! Calendar arithmetic on TIMEX3 values: shifting by units, formatting at a granularity, and
//! turning a value back into the days it covers (for the timeline).

use chrono::{Datelike, Days, Months, NaiveDate, Weekday};

use super::lex::Unit;

/// A year as TIMEX3 writes it: `1941`, `0079`, and before year 1 (chrono's year 0 is 1 BC)
/// `BC0490`.
pub fn year_code(y: i32) -> String {
    if y <= 0 {
        format!("BC{:04}", 1 - y)
    } else {
        format!("{y:04}")
    }
}

pub fn ymd(d: NaiveDate) -> String {
    format!("{}-{:02}-{:02}", year_code(d.year()), d.month(), d.day())
}

pub fn week(d: NaiveDate) -> String {
    let w = d.iso_week();
    format!("{}-W{:02}", year_code(w.year()), w.week())
}

pub fn quarter_of(month: u32) -> u32 {
    month.div_ceil(3)
}

/// `d` moved by `n` units (negative: back). `None` outside chrono's range.
pub fn shift(d: NaiveDate, unit: Unit, n: i64) -> Option<NaiveDate> {
    let months = |k: i64| -> Option<NaiveDate> {
        let m = Months::new(u32::try_from(k.unsigned_abs()).ok()?);
        if k < 0 {
            d.checked_sub_months(m)
        } else {
            d.checked_add_months(m)
        }
    };
    let days = |k: i64| -> Option<NaiveDate> {
        let dd = Days::new(k.unsigned_abs());
        if k < 0 {
            d.checked_sub_days(dd)
        } else {
            d.checked_add_days(dd)
        }
    };
    match unit {
        Unit::Second | Unit::Minute | Unit::Hour => Some(d),
        Unit::Day => days(n),
        Unit::Week | Unit::Weekend => days(n.checked_mul(7)?),
        Unit::Fortnight => days(n.checked_mul(14)?),
        Unit::Month => months(n),
        Unit::Quarter => months(n.checked_mul(3)?),
        Unit::Year => months(n.checked_mul(12)?),
        Unit::Decade => months(n.checked_mul(120)?),
        Unit::Century => months(n.checked_mul(1200)?),
    }
}

/// The TIMEX3 value of the `unit`-sized period containing `d`.
pub fn value_at(d: NaiveDate, unit: Unit) -> String {
    match unit {
        Unit::Second | Unit::Minute | Unit::Hour | Unit::Day => ymd(d),
        Unit::Week | Unit::Fortnight => week(d),
        Unit::Weekend => format!("{}-WE", week(d)),
        Unit::Month => format!("{}-{:02}", year_code(d.year()), d.month()),
        Unit::Quarter => format!("{}-Q{}", year_code(d.year()), quarter_of(d.month())),
        Unit::Year => year_code(d.year()),
        Unit::Decade => format!("{:03}", d.year() / 10),
        Unit::Century => format!("{:02}", d.year() / 100),
    }
}

/// The weekday `wd` (1 = Monday) nearest to `anchor` in `direction` (-1 back, 1 forward, 0
/// nearest, preferring the past on ties), `strict` excluding the anchor itself.
pub fn weekday_near(anchor: NaiveDate, wd: u32, direction: i8, strict: bool) -> Option<NaiveDate> {
    let now = anchor.weekday().number_from_monday() as i64;
    let wd = i64::from(wd);
    let mut back = (now - wd).rem_euclid(7);
    let mut fwd = (wd - now).rem_euclid(7);
    if strict {
        if back == 0 {
            back = 7;
        }
        if fwd == 0 {
            fwd = 7;
        }
    }
    let delta = match direction {
        d if d < 0 => -back,
        d if d > 0 => fwd,
        _ if back <= fwd => -back,
        _ => fwd,
    };
    shift(anchor, Unit::Day, delta)
}

/// How far (in days, roughly) a year-less date may lie on the "wrong" side of the anchor for
/// its tense and still keep the anchor's year.
const TOLERANCE: i32 = 92;

/// The same for a date `will` puts ahead (`will visit in March`, said in May, direction 2):
/// tense detection does not mistake `will` the way it takes reported speech for the past, so a
/// month already over is next year's; only a few weeks' grace are left for a late report
/// (`will open on May 1`, written on May 10, is a slip).
const FUTURE_TOLERANCE: i32 = 20;

/// The year in which month `m` (and day `d`, if given) falls, seen from `anchor` with the
/// sentence's `direction` (-1 past, 1 future, 0 unknown).
///
/// The last occurrence for the past, the next one for the future; without tense, as in the
/// past, because news reports what happened. A date within about three months on the other
/// side of the anchor keeps the anchor's year: tense detection without a parser is rough, and
/// reporting puts next month's events in past-tense sentences (`the company said the deal
/// closes Dec. 15`).
pub fn year_for(anchor: NaiveDate, m: u32, d: Option<u32>, direction: i8) -> i32 {
    let y = anchor.year();
    let pos = |m: u32, d: u32| (m as i32 - 1) * 31 + d as i32;
    let ahead = pos(m, d.unwrap_or(15)) - pos(anchor.month(), anchor.day());
    match direction {
        d if d <= 0 && ahead > TOLERANCE => y - 1,
        d if d > 1 && ahead < -FUTURE_TOLERANCE => y + 1,
        d if d > 0 && ahead < -TOLERANCE => y + 1,
        _ => y,
    }
}

/// How far (in days, roughly) a story looks back within its year: eight months.
const STORY_LOOKS_BACK: i32 = 8 * 31;

/// The year of month `m` (day `d`) in a story that has reached `now`, known to `unit`.
///
/// A story told in order moves on through the calendar: after `December 7, 1941`, `in
/// January` is January 1942. It looks back too (`In June 1941 … In early April`, `In March
/// 1917 … In November`, `By December … In May`), and rarely across a new year without
/// naming the year, so only a month more than eight months behind the story's is next
/// year's: the story has turned the year. A story that has only
/// reached a year (`In 1941, …`) keeps to that year: its month is unknown.
pub fn story_year(now: NaiveDate, unit: Unit, m: u32, d: Option<u32>) -> i32 {
    let y = now.year();
    let now_day = match unit {
        Unit::Day | Unit::Week | Unit::Fortnight | Unit::Weekend => now.day(),
        Unit::Month => 15,
        _ => return y,
    };
    let pos = |m: u32, d: u32| (m as i32 - 1) * 31 + d as i32;
    let ahead = pos(m, d.unwrap_or(15)) - pos(now.month(), now_day);
    if ahead < -STORY_LOOKS_BACK { y + 1 } else { y }
}

fn date(y: i32, m: u32, d: u32) -> Option<NaiveDate> {
    NaiveDate::from_ymd_opt(y, m, d)
}

fn month_end(y: i32, m: u32) -> Option<NaiveDate> {
    let first = date(y, m, 1)?;
    first.checked_add_months(Months::new(1))?.pred_opt()
}

fn num(s: &str) -> Option<i32> {
    if s.is_empty() || !s.bytes().all(|b| b.is_ascii_digit()) {
        return None;
    }
    s.parse().ok()
}

/// First and last day (inclusive) of the period a resolved TIMEX3 value names, narrowed by a
/// `START`/`MID`/`END` modifier to the first, middle or last third. `None` for unresolved
/// values (`XXXX-04-20`, `PAST_REF`) and durations.
pub fn period_of(value: &str, modifier: Option<&str>) -> Option<(NaiveDate, NaiveDate)> {
    let value = value.split('T').next().unwrap_or(value);
    // `199X`, `19XX`: decades and centuries written with their unknown digits.
    let value = value.trim_end_matches('X');
    let mut parts = value.split('-');
    let head = parts.next()?;
    let second = parts.next();
    let third = parts.next();
    let (start, end) = match (head.len(), second, third) {
        (4, None, _) => {
            let y = num(head)?;
            (date(y, 1, 1)?, date(y, 12, 31)?)
        }
        (3, None, _) => {
            let y = num(head)? * 10;
            (date(y, 1, 1)?, date(y + 9, 12, 31)?)
        }
        (2, None, _) => {
            let y = num(head)? * 100;
            (date(y, 1, 1)?, date(y + 99, 12, 31)?)
        }
        (4, Some(s), t) => {
            let y = num(head)?;
            if let Some(w) = s.strip_prefix('W') {
                let w = u32::try_from(num(w)?).ok()?;
                let monday = NaiveDate::from_isoywd_opt(y, w, Weekday::Mon)?;
                let sunday = NaiveDate::from_isoywd_opt(y, w, Weekday::Sun)?;
                if t == Some("WE") {
                    (sunday.pred_opt()?, sunday)
                } else {
                    (monday, sunday)
                }
            } else if let Some(q) = s.strip_prefix('Q') {
                let q = u32::try_from(num(q)?)
                    .ok()
                    .filter(|q| (1..=4).contains(q))?;
                (date(y, q * 3 - 2, 1)?, month_end(y, q * 3)?)
            } else if let Some(h) = s.strip_prefix('H') {
                let h = u32::try_from(num(h)?)
                    .ok()
                    .filter(|h| (1..=2).contains(h))?;
                (date(y, h * 6 - 5, 1)?, month_end(y, h * 6)?)
            } else {
                match s {
                    "SP" => (date(y, 3, 1)?, date(y, 5, 31)?),
                    "SU" => (date(y, 6, 1)?, date(y, 8, 31)?),
                    "FA" => (date(y, 9, 1)?, date(y, 11, 30)?),
                    "WI" => (date(y, 12, 1)?, month_end(y + 1, 2)?),
                    _ => {
                        let m = u32::try_from(num(s)?).ok()?;
                        match t {
                            None => (date(y, m, 1)?, month_end(y, m)?),
                            Some(d) => {
                                let d = date(y, m, u32::try_from(num(d)?).ok()?)?;
                                (d, d)
                            }
                        }
                    }
                }
            }
        }
        _ => return None,
    };
    let days = (end - start).num_days();
    let third = days / 3;
    let narrowed = match modifier {
        Some("START") => (start, start.checked_add_days(Days::new(third as u64))?),
        Some("MID") => (
            start.checked_add_days(Days::new(third as u64))?,
            end.checked_sub_days(Days::new(third as u64))?,
        ),
        Some("END") => (end.checked_sub_days(Days::new(third as u64))?, end),
        _ => (start, end),
    };
    Some(narrowed)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(y: i32, m: u32, day: u32) -> NaiveDate {
        NaiveDate::from_ymd_opt(y, m, day).unwrap()
    }

    #[test]
    fn periods_of_values() {
        assert_eq!(
            period_of("2016-04-20", None),
            Some((d(2016, 4, 20), d(2016, 4, 20)))
        );
        assert_eq!(
            period_of("2016-02", None),
            Some((d(2016, 2, 1), d(2016, 2, 29)))
        );
        assert_eq!(
            period_of("2016-Q3", None),
            Some((d(2016, 7, 1), d(2016, 9, 30)))
        );
        assert_eq!(
            period_of("2016-W15", None),
            Some((d(2016, 4, 11), d(2016, 4, 17)))
        );
        assert_eq!(
            period_of("199X", None),
            Some((d(1990, 1, 1), d(1999, 12, 31)))
        );
        assert_eq!(
            period_of("2014", Some("START")).map(|p| p.0),
            Some(d(2014, 1, 1))
        );
        assert!(period_of("2014", Some("START")).unwrap().1 < d(2014, 6, 1));
        assert_eq!(period_of("XXXX-04-20", None), None);
        assert_eq!(period_of("PAST_REF", None), None);
        assert_eq!(
            period_of("2016-04-20T15:00", None).map(|p| p.0),
            Some(d(2016, 4, 20))
        );
    }

    #[test]
    fn year_by_direction() {
        let a = d(2016, 3, 10);
        assert_eq!(year_for(a, 10, None, -1), 2015);
        assert_eq!(year_for(a, 10, None, 1), 2016);
        assert_eq!(year_for(d(2016, 6, 10), 1, None, 1), 2017);
        assert_eq!(year_for(a, 1, None, 1), 2016);
        assert_eq!(year_for(a, 11, None, 0), 2015);
        assert_eq!(year_for(a, 4, Some(2), -1), 2016);
        assert_eq!(year_for(d(2016, 4, 21), 4, Some(20), -1), 2016);
        assert_eq!(year_for(d(2016, 4, 21), 4, Some(21), 1), 2016);
    }

    #[test]
    fn weekdays_near_anchor() {
        let thu = d(2016, 4, 21);
        assert_eq!(weekday_near(thu, 1, -1, false), Some(d(2016, 4, 18)));
        assert_eq!(weekday_near(thu, 1, 1, false), Some(d(2016, 4, 25)));
        assert_eq!(weekday_near(thu, 4, -1, true), Some(d(2016, 4, 14)));
        assert_eq!(weekday_near(thu, 5, 0, false), Some(d(2016, 4, 22)));
    }
}
