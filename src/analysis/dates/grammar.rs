//! The grammar of English temporal expressions over [`Tok`]ens.
//!
//! Every rule starts at one token and returns the longest expression it recognises there, with
//! its TIMEX3 type and value already resolved against the anchor (the article date) and the
//! tense of the sentence. Extents follow TimeML: prepositions (`on`, `in`, `over`, `since`)
//! stay outside, determiners and modifiers that belong to the expression (`the past week`,
//! `early 2014`, `nearly two years`, `two years ago`) inside.

mod days;
mod deictic;
mod durations;
mod holidays;
mod periods;
mod sets;
mod times;
mod years;

use chrono::NaiveDate;

use super::calendar::{self, value_at};
use super::lex::{Kw, Lex, Tok, Unit};
use super::{Reach, TimexType};
pub use days::{coordinated_day, in_a_title};
use days::{date, modified_date};
use durations::{counted_as, duration, modified_duration, vague_plural};
use periods::quarter_code;
use sets::set;
use times::time;
use years::{beyond_year, decade};

/// A recognised expression: tokens `start..end` of the sentence.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Hit {
    pub end: usize,
    pub kind: TimexType,
    pub value: String,
    pub modifier: Option<&'static str>,
    /// Days an anchored duration covers (`the past week`).
    pub period: Option<(NaiveDate, NaiveDate)>,
    /// A point later anaphora (`a year earlier`, `that day`) refer back to.
    pub point: Option<(NaiveDate, Unit)>,
}

impl Hit {
    fn new(end: usize, kind: TimexType, value: String) -> Self {
        Hit {
            end,
            kind,
            value,
            modifier: None,
            period: None,
            point: None,
        }
    }

    fn date(end: usize, value: String) -> Self {
        Self::new(end, TimexType::Date, value)
    }

    fn at(end: usize, d: NaiveDate, unit: Unit) -> Self {
        let mut h = Self::date(end, value_at(d, unit));
        h.point = Some((d, unit));
        h
    }

    fn with_mod(mut self, m: &'static str) -> Self {
        self.modifier = Some(m);
        self
    }
}

/// A quantity: known (`two`, `90`, `a`) or vague (`several`, `a few`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Qty {
    N(u32),
    Vague,
}

/// What the grammar knows around one sentence.
pub struct Ctx<'a> {
    pub text: &'a str,
    pub toks: &'a [Tok],
    pub anchor: Option<NaiveDate>,
    /// Tense direction of the sentence at a token: -1 past, 1 future, 0 unknown, with the
    /// signs of the future a [`Reach`] admits.
    pub direction: &'a dyn Fn(usize, Reach) -> i8,
    /// The last point in time the text mentioned, for anaphora.
    pub reference: Option<(NaiveDate, Unit)>,
    /// What dates without a year count from.
    pub frame: Frame,
}

/// What a date without a year (`June 10`, `the summer`, `the end of the year`) counts from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Frame {
    /// News: the anchor, in the direction the tense points.
    News,
    /// A narrative (see `story`): the story's time, the point the last date reached and how
    /// precisely (none before the first), whatever the tense. The anchor is that time too.
    Story(Option<(NaiveDate, Unit)>),
}

impl Ctx<'_> {
    fn lex(&self, i: usize) -> Option<Lex> {
        self.toks.get(i).map(|t| t.lex)
    }

    fn kw(&self, i: usize, k: Kw) -> bool {
        self.lex(i) == Some(Lex::Kw(k))
    }

    fn punct(&self, i: usize, p: u8) -> bool {
        self.lex(i) == Some(Lex::Punct(p))
    }

    /// Token `i` directly touches token `i + 1` (no space): `mid-March`, `two-year`.
    fn glued(&self, i: usize) -> bool {
        match (self.toks.get(i), self.toks.get(i + 1)) {
            (Some(a), Some(b)) => a.range.end == b.range.start,
            _ => false,
        }
    }

    /// A hyphen joining `i - 1` and `i + 1`.
    fn hyphen(&self, i: usize) -> bool {
        i > 0 && self.punct(i, b'-') && self.glued(i - 1) && self.glued(i)
    }

    fn word(&self, i: usize) -> &str {
        self.toks.get(i).map_or("", |t| &self.text[t.range.clone()])
    }

    fn unit(&self, i: usize) -> Option<(Unit, bool)> {
        match self.lex(i)? {
            Lex::Unit(u, plural) => Some((u, plural)),
            Lex::Ord(2) if self.word(i).eq_ignore_ascii_case("second") => {
                Some((Unit::Second, false))
            }
            _ => None,
        }
    }

    /// The year of a date given without one (`June 10`, `in March`): in a story, the one
    /// nearest the time the story has reached; in news, the one the tense at `i` points to from the anchor.
    fn year_of(&self, i: usize, m: u32, d: Option<u32>) -> Option<i32> {
        match self.frame {
            Frame::Story(t) => t.map(|(now, unit)| calendar::story_year(now, unit, m, d)),
            Frame::News => Some(calendar::year_for(self.anchor?, m, d, self.dir(i))),
        }
    }

    /// The time the text is at: the story's in a narrative, else the anchor.
    fn now(&self) -> Option<NaiveDate> {
        match self.frame {
            Frame::Story(t) => t.map(|(d, _)| d),
            Frame::News => self.anchor,
        }
    }

    fn story(&self) -> bool {
        matches!(self.frame, Frame::Story(_))
    }

    fn dir(&self, i: usize) -> i8 {
        (self.direction)(i, Reach::Tense)
    }

    /// [`Ctx::dir`] for expressions a few days away, where weak signs of the future count.
    fn dir_near(&self, i: usize) -> i8 {
        (self.direction)(i, Reach::Near)
    }

    /// A quantity at `i`: digits, number words (`twenty-four`), `a`/`an`, `a couple of`,
    /// `several`, `a few`. Returns it and the token after.
    fn qty(&self, i: usize) -> Option<(Qty, usize)> {
        match self.lex(i)? {
            Lex::Num(n, d) if d <= 4 && !self.punct(i + 1, b'%') => Some((Qty::N(n), i + 1)),
            Lex::NumW(n) => {
                let mut n = n;
                let mut j = i + 1;
                if (20..100).contains(&n)
                    && n % 10 == 0
                    && self.hyphen(j)
                    && let Some(Lex::NumW(u)) = self.lex(j + 1)
                    && u < 10
                {
                    n += u;
                    j += 2;
                } else if (20..100).contains(&n)
                    && n % 10 == 0
                    // `twenty four hours`, as transcripts write it.
                    && let Some(Lex::NumW(u)) = self.lex(j)
                    && (1..10).contains(&u)
                {
                    n += u;
                    j += 1;
                } else if n < 20
                    && let Some(Lex::NumW(100)) = self.lex(j)
                {
                    n *= 100;
                    j += 1;
                }
                Some((Qty::N(n), j))
            }
            Lex::Kw(Kw::A) => match self.lex(i + 1)? {
                Lex::Kw(Kw::Few) => Some((Qty::Vague, i + 2)),
                Lex::Kw(Kw::Couple) if self.kw(i + 2, Kw::Of) => Some((Qty::N(2), i + 3)),
                Lex::NumW(100) => Some((Qty::N(100), i + 2)),
                Lex::NumW(12) => Some((Qty::N(12), i + 2)),
                Lex::Kw(Kw::Half) => Some((Qty::N(0), i + 2)),
                _ => Some((Qty::N(1), i + 1)),
            },
            Lex::Kw(Kw::Several | Kw::Few | Kw::Many) => Some((Qty::Vague, i + 1)),
            _ => None,
        }
    }

    /// A year at `i`: four digits 1000–2099 that are not an amount or a count, or a year
    /// before Christ (see [`Ctx::year_bc`]).
    fn year(&self, i: usize) -> Option<i32> {
        if let Some((y, _)) = self.year_bc(i) {
            return Some(y);
        }
        let Some(Lex::Num(y, 4)) = self.lex(i) else {
            return None;
        };
        if !(1000..=2099).contains(&y) {
            return None;
        }
        let tok = &self.toks[i];
        let before = self.text[..tok.range.start].chars().next_back();
        // `mid-1996` is a year, `1990-1995` and `123-2016` are not (the first is a span).
        let mid = i >= 2 && self.hyphen(i - 1) && self.kw(i - 2, Kw::Mid);
        if matches!(
            before,
            Some('$' | '£' | '€' | '#' | '+' | '-' | '/' | '.' | ',' | ':')
        ) && !mid
            && self.range_second(i).is_none()
        {
            return None;
        }
        let after = self.text[tok.range.end..].chars().next();
        // `1980: the invasion` heads a passage with its year; `1980:15` is no year.
        let colon_heading = after == Some(':')
            && !self.text[tok.range.end + 1..].starts_with(|ch: char| ch.is_ascii_digit());
        if matches!(after, Some('%' | '/' | ':' | '-'))
            && !self.punct(i + 1, b'-')
            && !colon_heading
        {
            return None;
        }
        if self.punct(i + 1, b'-')
            && matches!(self.lex(i + 2), Some(Lex::Num(..)))
            && self.range_second(i + 2).is_none()
        {
            return None;
        }
        Some(y as i32)
    }

    /// A year before Christ at `i`: `490 BC`, `146 B.C.`, `44 BCE`, as chrono counts years
    /// (1 BC is year 0, 490 BC is -489), and the token after.
    fn year_bc(&self, i: usize) -> Option<(i32, usize)> {
        let Some(Lex::Num(y, 1..=4)) = self.lex(i) else {
            return None;
        };
        let end = self.before_christ(i + 1)?;
        (y > 0).then(|| (1 - y as i32, end))
    }

    /// `BC`, `BCE` or `B.C.` at `k`: the token after it.
    fn before_christ(&self, k: usize) -> Option<usize> {
        match self.word(k) {
            "BC" | "BCE" => Some(k + 1),
            "B" if self.punct(k + 1, b'.') && self.word(k + 2) == "C" => {
                Some(if self.punct(k + 3, b'.') {
                    k + 4
                } else {
                    k + 3
                })
            }
            _ => None,
        }
    }

    /// The year token `i` names as the second half of a span of years: `1861-1863`,
    /// `1915–16` (two digits take the century of the first), later than the first. TimeML
    /// tags each half as a year of its own.
    fn range_second(&self, i: usize) -> Option<i32> {
        let en_dash = |k: usize| self.word(k) == "\u{2013}" && self.glued(k - 1) && self.glued(k);
        if i < 2 || !(self.hyphen(i - 1) || en_dash(i - 1)) {
            return None;
        }
        let first = i - 2;
        let Some(Lex::Num(a, 4)) = self.lex(first) else {
            return None;
        };
        let second = match self.lex(i)? {
            Lex::Num(b, 4) => b,
            Lex::Num(b, 2) => a / 100 * 100 + b,
            _ => return None,
        };
        ((1000..=2099).contains(&a) && second > a && second <= a + 100).then_some(second as i32)
    }

    /// A year spelled out, as broadcast transcripts write it: `nineteen ninety-six`,
    /// `nineteen hundred`, `two thousand`, `two thousand and one`. Returns it and the token
    /// after. `two thousand` alone is a count as often as a year, so the caller checks where it
    /// stands.
    fn spoken_year(&self, i: usize) -> Option<(i32, usize)> {
        let Some(Lex::NumW(h)) = self.lex(i) else {
            return None;
        };
        if h == 2 && self.word(i + 1).eq_ignore_ascii_case("thousand") {
            let mut j = i + 2;
            if self.word(j).eq_ignore_ascii_case("and") {
                j += 1;
            }
            return match self.qty(j) {
                Some((Qty::N(n), k)) if (1..100).contains(&n) && !self.kw(j, Kw::A) => {
                    Some((2000 + n as i32, k))
                }
                _ => Some((2000, i + 2)),
            };
        }
        if !(15..=20).contains(&h) {
            return None;
        }
        match self.lex(i + 1)? {
            Lex::NumW(100) => Some((h as i32 * 100, i + 2)),
            Lex::NumW(t) if (10..20).contains(&t) => Some((h as i32 * 100 + t as i32, i + 2)),
            Lex::NumW(t) if (20..100).contains(&t) && t % 10 == 0 => {
                let (n, k) = self.qty(i + 1)?;
                match n {
                    Qty::N(n) => Some((h as i32 * 100 + n as i32, k)),
                    Qty::Vague => None,
                }
            }
            _ => None,
        }
    }

    /// A day of the month at `i`: `20`, `20th`, `twentieth`.
    fn day(&self, i: usize) -> Option<u32> {
        match self.lex(i)? {
            Lex::Num(d, 1..=2) | Lex::Ord(d) if (1..=31).contains(&d) => Some(d),
            _ => None,
        }
    }
}

/// The longest expression starting at token `i`.
pub fn parse_at(c: &Ctx, i: usize) -> Option<Hit> {
    match c.lex(i)? {
        Lex::Word => {
            if c.word(i).starts_with(|ch: char| ch.is_ascii_digit()) {
                return time(c, i);
            }
            return quarter_code(c, i)
                .or_else(|| beyond_year(c, i))
                .or_else(|| deictic::role(c, i))
                .or_else(|| c.toks[i].cap.then(|| holidays::feast(c, i)).flatten());
        }
        Lex::Punct(b'\'') => return decade(c, i),
        Lex::Punct(_) => return None,
        // Frequent words that start no expression on their own: skip the rules cheaply.
        Lex::Kw(
            Kw::Of | Kw::To | Kw::Than | Kw::Near | Kw::Term | Kw::Ended | Kw::Old | Kw::Eve,
        ) => {
            return None;
        }
        Lex::Kw(Kw::At) if !c.kw(i + 1, Kw::Least) && !c.kw(i + 1, Kw::Most) => return None,
        Lex::Kw(Kw::The | Kw::A | Kw::That)
            if c.lex(i + 1)
                .is_none_or(|l| matches!(l, Lex::Word | Lex::Punct(_)))
                && !(c.kw(i, Kw::A) && counted_as(c, i + 1))
                && !(c.kw(i, Kw::The)
                    && (c.word(i + 1).eq_ignore_ascii_case("full")
                        || c.word(i + 1).eq_ignore_ascii_case("time"))) =>
        {
            return None;
        }
        _ => {}
    }
    let candidates = [
        set(c, i),
        modified_duration(c, i),
        modified_date(c, i),
        time(c, i),
        date(c, i),
        duration(c, i),
        vague_plural(c, i),
    ];
    candidates.into_iter().flatten().max_by_key(|h| h.end)
}
