//! Sets: regular recurrences (`every Friday`, `daily`, `twice a year`).

use super::durations::duration_value;
use super::{Ctx, Hit, Qty};
use crate::analysis::dates::TimexType;
use crate::analysis::dates::lex::{Kw, Lex};

pub(super) fn set(c: &Ctx, i: usize) -> Option<Hit> {
    // A story counts its recurrences on its calendar (`daily` is every day of the time told,
    // `XXXX-XX-XX`), as narrative annotation does; news as a frequency (`P1D`), as TimeML's
    // news corpora do.
    let calendar = c.story();
    let p = |u: &str| {
        if calendar {
            match u {
                "D" => "XXXX-XX-XX".to_string(),
                "W" => "XXXX-WXX".to_string(),
                "M" => "XXXX-XX".to_string(),
                _ => "XXXX".to_string(),
            }
        } else {
            format!("P1{u}")
        }
    };
    let simple = match c.lex(i)? {
        Lex::Kw(Kw::Daily) => Some(p("D")),
        Lex::Kw(Kw::Weekly) => Some(p("W")),
        Lex::Kw(Kw::Monthly) => Some(p("M")),
        Lex::Kw(Kw::Annually) => Some(p("Y")),
        Lex::Kw(Kw::Hourly) => Some("PT1H".to_string()),
        _ => None,
    };
    if let Some(v) = simple {
        // `the Communist Party daily Granma`, `the weekly Der Spiegel`: a newspaper by name.
        let named = c
            .toks
            .get(i + 1)
            .is_some_and(|t| t.cap && t.lex == Lex::Word)
            && i > 0
            && (c.toks[i - 1].cap || c.kw(i - 1, Kw::The) || c.kw(i - 1, Kw::A));
        return (!named).then(|| Hit::new(i + 1, TimexType::Set, v));
    }
    if !c.kw(i, Kw::Every) && !c.kw(i, Kw::Each) {
        return None;
    }
    let j = i + 1;
    match c.lex(j)? {
        Lex::Weekday(wd) => {
            let mut end = j + 1;
            let mut v = format!("XXXX-WXX-{wd}");
            if let Some(Lex::Part(part)) = c.lex(end) {
                v.push_str(&format!("T{}", part.code()));
                end += 1;
            }
            Some(Hit::new(end, TimexType::Set, v))
        }
        Lex::Month(m) if c.toks[j].cap => {
            Some(Hit::new(j + 1, TimexType::Set, format!("XXXX-{m:02}")))
        }
        Lex::Part(part) => Some(Hit::new(
            j + 1,
            TimexType::Set,
            format!("TXX{}", part.code()),
        )),
        _ => {
            let (q, k) = match c.qty(j) {
                Some((Qty::N(n), k)) if !c.kw(j, Kw::A) => (n, k),
                _ => (1, j),
            };
            let (unit, _) = c.unit(k)?;
            if calendar && q == 1 && unit == crate::analysis::dates::lex::Unit::Day {
                return Some(Hit::new(k + 1, TimexType::Set, p("D")));
            }
            Some(Hit::new(k + 1, TimexType::Set, duration_value(q, unit)))
        }
    }
}
