//! Tokens for the date grammar: words, numbers and punctuation with their byte ranges, each
//! classified once so the grammar compares small enums instead of strings.
//!
//! Classification is ASCII case-insensitive and allocation-free (a word is lower-cased into a
//! stack buffer), which is what keeps the whole analysis well above 50 MB/s.

use std::ops::Range;

/// Calendar units, as they appear in durations, offsets and deictic phrases.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    Second,
    Minute,
    Hour,
    Day,
    Week,
    Weekend,
    Month,
    Quarter,
    Year,
    Decade,
    Century,
}

/// Parts of the day, with their TIMEX3 codes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Part {
    Morning,
    Afternoon,
    Evening,
    Night,
}

impl Part {
    pub fn code(self) -> &'static str {
        match self {
            Part::Morning => "MO",
            Part::Afternoon => "AF",
            Part::Evening => "EV",
            Part::Night => "NI",
        }
    }
}

/// Function words and temporal adverbs the grammar looks for.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Kw {
    The,
    A,
    This,
    That,
    Last,
    Next,
    Past,
    Coming,
    Previous,
    Following,
    Recent,
    Recently,
    Ago,
    Away,
    Later,
    Earlier,
    Early,
    Late,
    Mid,
    Middle,
    End,
    Beginning,
    Start,
    Of,
    Now,
    Today,
    Yesterday,
    Tomorrow,
    Tonight,
    Currently,
    Current,
    Future,
    Every,
    Each,
    Daily,
    Weekly,
    Monthly,
    Annually,
    Hourly,
    Nearly,
    Almost,
    About,
    Around,
    Approximately,
    Some,
    More,
    Less,
    Than,
    Over,
    Under,
    At,
    Least,
    Most,
    Up,
    To,
    Fiscal,
    Noon,
    Midnight,
    Several,
    Few,
    Couple,
    Many,
    Same,
    Lately,
    Near,
    Term,
    Latest,
    Ended,
    Half,
    Old,
    Am,
    Pm,
    Zone,
    Christmas,
    Eve,
    NewYear,
}

/// What a token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lex {
    /// Plain digits: value (saturating) and number of digits.
    Num(u32, u8),
    /// `20th`, `first`, `second`…
    Ord(u32),
    /// `1990s` → 199, `'90s` (2 digits) → 9 with `short`.
    Decade(u32, bool),
    /// `3pm` → 15, `10am` → 10.
    Clock(u32),
    /// Number words: `two`, `twenty`, `hundred` (100), `dozen` (12).
    NumW(u32),
    Month(u32),
    Weekday(u32),
    Unit(Unit, bool),
    Season(u8),
    Part(Part),
    Kw(Kw),
    Word,
    Punct(u8),
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Tok {
    pub range: Range<usize>,
    pub lex: Lex,
    /// Starts with an upper-case letter.
    pub cap: bool,
}

/// Appends the tokens of `text[range]` to `out`.
pub fn tokenize(text: &str, range: Range<usize>, out: &mut Vec<Tok>) {
    let bytes = text.as_bytes();
    let mut i = range.start;
    let end = range.end.min(bytes.len());
    while i < end {
        let b = bytes[i];
        if b.is_ascii_alphanumeric() {
            let start = i;
            while i < end && bytes[i].is_ascii_alphanumeric() {
                i += 1;
            }
            // Glue `1,000` and `3.5` into one non-date token.
            if b.is_ascii_digit() {
                let mut j = i;
                let mut glued = false;
                while j + 1 < end
                    && matches!(bytes[j], b',' | b'.')
                    && bytes[j + 1].is_ascii_digit()
                    && bytes[start..j].iter().all(u8::is_ascii_digit)
                {
                    j += 1;
                    while j < end && bytes[j].is_ascii_digit() {
                        j += 1;
                    }
                    glued = true;
                }
                if glued {
                    out.push(Tok {
                        range: start..j,
                        lex: Lex::Word,
                        cap: false,
                    });
                    i = j;
                    continue;
                }
            }
            // A word glued to non-ASCII letters (`Moscow’s` is fine, `Zürich` is not a date).
            if i < end
                && !bytes[i].is_ascii()
                && text[i..].chars().next().is_some_and(char::is_alphabetic)
            {
                while i < end && !bytes[i].is_ascii_whitespace() && !bytes[i].is_ascii_punctuation()
                {
                    i += 1;
                }
                while i < end && !text.is_char_boundary(i) {
                    i += 1;
                }
                out.push(Tok {
                    range: start..i,
                    lex: Lex::Word,
                    cap: false,
                });
                continue;
            }
            let word = &text[start..i];
            out.push(Tok {
                range: start..i,
                lex: classify(word),
                cap: b.is_ascii_uppercase(),
            });
        } else if b.is_ascii_whitespace() {
            i += 1;
        } else if b.is_ascii() {
            out.push(Tok {
                range: i..i + 1,
                lex: Lex::Punct(b),
                cap: false,
            });
            i += 1;
        } else {
            let start = i;
            let c = text[i..].chars().next().unwrap_or(' ');
            i += c.len_utf8();
            if c.is_alphabetic() {
                while i < end && !bytes[i].is_ascii_whitespace() && !bytes[i].is_ascii_punctuation()
                {
                    i += 1;
                }
                while i < end && !text.is_char_boundary(i) {
                    i += 1;
                }
                out.push(Tok {
                    range: start..i,
                    lex: Lex::Word,
                    cap: false,
                });
            } else if !c.is_whitespace() {
                // Typographic apostrophes count as `'`; other symbols as a neutral mark.
                let p = if matches!(c, '’' | '‘') {
                    b'\''
                } else {
                    b'~'
                };
                out.push(Tok {
                    range: start..i,
                    lex: Lex::Punct(p),
                    cap: false,
                });
            }
        }
    }
}

fn classify(word: &str) -> Lex {
    let bytes = word.as_bytes();
    if bytes[0].is_ascii_digit() {
        return classify_numeric(bytes);
    }
    let mut buf = [0u8; 16];
    if bytes.len() > buf.len() {
        return Lex::Word;
    }
    for (d, s) in buf.iter_mut().zip(bytes) {
        *d = s.to_ascii_lowercase();
    }
    let lower = std::str::from_utf8(&buf[..bytes.len()]).unwrap_or("");
    use Kw::*;
    use Lex::{Kw as K, Month as M, NumW as N, Ord as O, Weekday as W};
    match lower {
        "january" | "jan" => M(1),
        "february" | "feb" => M(2),
        "march" | "mar" => M(3),
        "april" | "apr" => M(4),
        "may" => M(5),
        "june" | "jun" => M(6),
        "july" | "jul" => M(7),
        "august" | "aug" => M(8),
        "september" | "sep" | "sept" => M(9),
        "october" | "oct" => M(10),
        "november" | "nov" => M(11),
        "december" | "dec" => M(12),
        "monday" => W(1),
        "tuesday" => W(2),
        "wednesday" => W(3),
        "thursday" => W(4),
        "friday" => W(5),
        "saturday" => W(6),
        "sunday" => W(7),
        "second" => O(2),
        "seconds" => Lex::Unit(Unit::Second, true),
        "minute" | "minutes" | "min" | "mins" => Lex::Unit(Unit::Minute, lower.ends_with('s')),
        "hour" | "hours" => Lex::Unit(Unit::Hour, lower.len() == 5),
        "day" | "days" => Lex::Unit(Unit::Day, lower.len() == 4),
        "week" | "weeks" => Lex::Unit(Unit::Week, lower.len() == 5),
        "weekend" | "weekends" => Lex::Unit(Unit::Weekend, lower.len() == 8),
        "month" | "months" => Lex::Unit(Unit::Month, lower.len() == 6),
        "quarter" | "quarters" => Lex::Unit(Unit::Quarter, lower.len() == 8),
        "year" | "years" => Lex::Unit(Unit::Year, lower.len() == 5),
        "decade" | "decades" => Lex::Unit(Unit::Decade, lower.len() == 7),
        "century" => Lex::Unit(Unit::Century, false),
        "centuries" => Lex::Unit(Unit::Century, true),
        "spring" => Lex::Season(0),
        "summer" => Lex::Season(1),
        "fall" | "autumn" => Lex::Season(2),
        "winter" => Lex::Season(3),
        "morning" => Lex::Part(Part::Morning),
        "afternoon" => Lex::Part(Part::Afternoon),
        "evening" => Lex::Part(Part::Evening),
        "night" => Lex::Part(Part::Night),
        "one" => N(1),
        "two" => N(2),
        "three" => N(3),
        "four" => N(4),
        "five" => N(5),
        "six" => N(6),
        "seven" => N(7),
        "eight" => N(8),
        "nine" => N(9),
        "ten" => N(10),
        "eleven" => N(11),
        "twelve" => N(12),
        "thirteen" => N(13),
        "fourteen" => N(14),
        "fifteen" => N(15),
        "sixteen" => N(16),
        "seventeen" => N(17),
        "eighteen" => N(18),
        "nineteen" => N(19),
        "twenty" => N(20),
        "thirty" => N(30),
        "forty" => N(40),
        "fifty" => N(50),
        "sixty" => N(60),
        "seventy" => N(70),
        "eighty" => N(80),
        "ninety" => N(90),
        "hundred" => N(100),
        "dozen" => N(12),
        "first" => O(1),
        "third" => O(3),
        "fourth" => O(4),
        "fifth" => O(5),
        "sixth" => O(6),
        "seventh" => O(7),
        "eighth" => O(8),
        "ninth" => O(9),
        "tenth" => O(10),
        "eleventh" => O(11),
        "twelfth" => O(12),
        "twentieth" => O(20),
        "twenties" => Lex::Decade(2, true),
        "thirties" => Lex::Decade(3, true),
        "forties" => Lex::Decade(4, true),
        "fifties" => Lex::Decade(5, true),
        "sixties" => Lex::Decade(6, true),
        "seventies" => Lex::Decade(7, true),
        "eighties" => Lex::Decade(8, true),
        "nineties" => Lex::Decade(9, true),
        "the" => K(The),
        "a" | "an" => K(A),
        "this" => K(This),
        "that" => K(That),
        "last" => K(Last),
        "next" => K(Next),
        "past" => K(Past),
        "coming" | "upcoming" => K(Coming),
        "previous" | "preceding" | "prior" => K(Previous),
        "following" | "subsequent" => K(Following),
        "recent" => K(Recent),
        "recently" => K(Recently),
        "ago" => K(Ago),
        "away" => K(Away),
        "later" => K(Later),
        "earlier" => K(Earlier),
        "early" => K(Early),
        "late" => K(Late),
        "mid" => K(Mid),
        "middle" => K(Middle),
        "end" => K(End),
        "beginning" => K(Beginning),
        "start" => K(Start),
        "of" => K(Of),
        "now" => K(Now),
        "today" => K(Today),
        "yesterday" => K(Yesterday),
        "tomorrow" => K(Tomorrow),
        "tonight" => K(Tonight),
        "currently" => K(Currently),
        "current" => K(Current),
        "future" => K(Future),
        "every" => K(Every),
        "each" => K(Each),
        "daily" => K(Daily),
        "weekly" => K(Weekly),
        "monthly" => K(Monthly),
        "annually" | "yearly" | "annual" => K(Annually),
        "hourly" => K(Hourly),
        "nearly" => K(Nearly),
        "almost" => K(Almost),
        "about" => K(About),
        "around" | "roughly" => K(Around),
        "some" => K(Some),
        "approximately" => K(Approximately),
        "more" => K(More),
        "less" | "fewer" => K(Less),
        "than" => K(Than),
        "over" => K(Over),
        "under" => K(Under),
        "at" => K(At),
        "least" => K(Least),
        "most" => K(Most),
        "up" => K(Up),
        "to" => K(To),
        "fiscal" => K(Fiscal),
        "noon" | "midday" => K(Noon),
        "midnight" => K(Midnight),
        "several" => K(Several),
        "few" => K(Few),
        "couple" => K(Couple),
        "many" => K(Many),
        "same" => K(Same),
        "lately" => K(Lately),
        "near" => K(Near),
        "term" => K(Term),
        "latest" => K(Latest),
        "ended" | "ending" => K(Ended),
        "half" => K(Half),
        "old" => K(Old),
        "am" => K(Am),
        "pm" => K(Pm),
        "gmt" | "utc" | "est" | "edt" | "cst" | "cdt" | "mst" | "mdt" | "pst" | "pdt" | "cet"
        | "cest" | "bst" | "msk" | "et" | "pt" => K(Zone),
        "christmas" => K(Christmas),
        "eve" => K(Eve),
        "new" => K(NewYear),
        _ => Lex::Word,
    }
}

fn classify_numeric(bytes: &[u8]) -> Lex {
    let digits = bytes.iter().take_while(|b| b.is_ascii_digit()).count();
    let value = bytes[..digits].iter().fold(0u32, |v, b| {
        v.saturating_mul(10).saturating_add(u32::from(b - b'0'))
    });
    let suffix = &bytes[digits..];
    let n = digits.min(255) as u8;
    let lower = |s: &[u8], t: &str| s.eq_ignore_ascii_case(t.as_bytes());
    if suffix.is_empty() {
        Lex::Num(value, n)
    } else if lower(suffix, "s") && (digits == 4 || digits == 2) && value % 10 == 0 {
        Lex::Decade(value / 10, digits == 2)
    } else if ["st", "nd", "rd", "th"].iter().any(|s| lower(suffix, s)) && value > 0 {
        Lex::Ord(value)
    } else if (lower(suffix, "am") || lower(suffix, "pm")) && (1..=12).contains(&value) {
        let pm = lower(suffix, "pm");
        Lex::Clock(match (value, pm) {
            (12, false) => 0,
            (12, true) => 12,
            (h, true) => h + 12,
            (h, false) => h,
        })
    } else {
        Lex::Word
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn lexes(s: &str) -> Vec<Lex> {
        let mut out = Vec::new();
        tokenize(s, 0..s.len(), &mut out);
        out.into_iter().map(|t| t.lex).collect()
    }

    #[test]
    fn numbers_ordinals_decades_clocks() {
        assert_eq!(
            lexes("2016 20th 1990s 3pm 1,000 3.5"),
            [
                Lex::Num(2016, 4),
                Lex::Ord(20),
                Lex::Decade(199, false),
                Lex::Clock(15),
                Lex::Word,
                Lex::Word
            ]
        );
    }

    #[test]
    fn words_are_case_insensitive_and_non_ascii_safe() {
        assert_eq!(
            lexes("APRIL friday Zürich Russia’s"),
            [
                Lex::Month(4),
                Lex::Weekday(5),
                Lex::Word,
                Lex::Word,
                Lex::Punct(b'\''),
                Lex::Word
            ]
        );
    }
}
