//! Times of day: `3pm`, `10:30 GMT`, `noon`, `Friday night`.

use super::days::date;
use super::{Ctx, Hit};
use crate::analysis::dates::TimexType;
use crate::analysis::dates::calendar::ymd;
use crate::analysis::dates::lex::{Kw, Lex, Part, Unit};

/// `3pm`, `3 p.m.`, `10:30 GMT`, `10.38am`, `noon`, optionally followed by the day (`10 p.m.
/// Wednesday`); `around 7:15 p.m.` is approximate (TimeML keeps `around` in the extent).
pub(super) fn time(c: &Ctx, i: usize) -> Option<Hit> {
    if let Some(Lex::Kw(Kw::About | Kw::Around | Kw::Approximately)) = c.lex(i) {
        return clock(c, i + 1).map(|h| h.with_mod("APPROX"));
    }
    clock(c, i)
}

/// `10.38`, as British papers write the clock: one or two digits for the hour, a full stop,
/// two for the minutes. Only a time when `am`/`pm` or a zone follows (else it is a number).
fn dotted(c: &Ctx, i: usize) -> Option<(u32, u32)> {
    let w = c.word(i).as_bytes();
    let dot = w.iter().position(|&b| b == b'.')?;
    if !(1..=2).contains(&dot) || w.len() != dot + 3 {
        return None;
    }
    let num = |s: &[u8]| -> Option<u32> {
        s.iter().try_fold(0u32, |v, b| {
            b.is_ascii_digit().then(|| v * 10 + u32::from(b - b'0'))
        })
    };
    let (h, m) = (num(&w[..dot])?, num(&w[dot + 1..])?);
    let marked = matches!(ampm(c, i + 1), Some(Some(_))) || c.kw(i + 1, Kw::Zone);
    (h <= 24 && m < 60 && marked).then_some((h, m))
}

fn clock(c: &Ctx, i: usize) -> Option<Hit> {
    let (hour, minute, mut j) = match c.lex(i)? {
        Lex::Word => {
            let (h, minute) = dotted(c, i)?;
            let (hour, k) = match ampm(c, i + 1)? {
                Some((true, k)) if h < 12 => (h + 12, k),
                Some((false, k)) if h == 12 => (0, k),
                Some((_, _)) if h > 12 => return None,
                Some((_, k)) => (h, k),
                None => (h, i + 1),
            };
            (hour, minute, k)
        }
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
    // Universal time keeps its zone in the value (`16:08 UTC` is `T16:08Z`), as TimeML writes
    // it; a local zone's offset changes with daylight saving, which the word alone (`EST`
    // written in July) does not settle, so those keep the clock only.
    let mut universal = false;
    if c.kw(j, Kw::Zone) {
        universal = ["utc", "gmt"]
            .iter()
            .any(|z| c.word(j).eq_ignore_ascii_case(z));
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
    let zone = if universal { "Z" } else { "" };
    let clock = if minute == 0 && matches!(c.lex(i), Some(Lex::Kw(_))) {
        format!("T{hour:02}:00{zone}")
    } else {
        format!("T{hour:02}:{minute:02}{zone}")
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
        // `9.30pm.` ends a sentence: its full stop is no part of the time.
        return Some(Some((c.kw(i, Kw::Pm), i + 1)));
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
