//! Tokens for the date grammar: words, numbers and punctuation with their byte ranges, each
//! classified once so the grammar compares small enums instead of strings.
//!
//! Classification is ASCII case-insensitive and allocation-free (a word is lower-cased into a
//! stack buffer), which is what keeps the whole analysis well above 50 MB/s.

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::ops::Range;
use std::sync::LazyLock;

/// Calendar units, as they appear in durations, offsets and deictic phrases.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Unit {
    Second,
    Minute,
    Hour,
    Day,
    Week,
    /// Two weeks (`in a fortnight`), British English.
    Fortnight,
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
    Nowadays,
    These,
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
    Thanksgiving,
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
            // Dashes and typographic quotes (U+2000–U+206F) are frequent and no letters.
            if !('\u{2000}'..='\u{206f}').contains(&c) && c.is_alphabetic() {
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
    let Some(&head) = bytes.first() else {
        return Lex::Word;
    };
    if head.is_ascii_digit() {
        return classify_numeric(bytes);
    }
    let mut buf = [0u8; 16];
    if bytes.len() > buf.len() {
        return Lex::Word;
    }
    // Most words of a text are no date word: reject them by first letter and length before
    // hashing.
    let first = head.to_ascii_lowercase();
    if !first.is_ascii_lowercase() || SHAPES[usize::from(first - b'a')] & (1 << bytes.len()) == 0 {
        return Lex::Word;
    }
    for (d, s) in buf.iter_mut().zip(bytes) {
        *d = s.to_ascii_lowercase();
    }
    LEXICON
        .get(&buf[..bytes.len()])
        .copied()
        .unwrap_or(Lex::Word)
}

/// FNV-1a: lexicon lookups are the hot path of the whole analysis (every word of the text
/// goes through one), and for keys this short it beats SipHash and a long `match` alike.
#[derive(Default)]
struct Fnv(u64);

impl Hasher for Fnv {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        let mut h = if self.0 == 0 {
            0xcbf2_9ce4_8422_2325
        } else {
            self.0
        };
        for &b in bytes {
            h = (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3);
        }
        self.0 = h;
    }
}

/// For each first letter, a bit per word length present in [`LEXICON`].
static SHAPES: LazyLock<[u32; 26]> = LazyLock::new(|| {
    let mut shapes = [0u32; 26];
    for word in LEXICON.keys() {
        if let Some(&f) = word.first().filter(|f| f.is_ascii_lowercase()) {
            shapes[usize::from(f - b'a')] |= 1 << word.len();
        }
    }
    shapes
});

/// Every word the grammar knows, lower-case.
static LEXICON: LazyLock<HashMap<&'static [u8], Lex, BuildHasherDefault<Fnv>>> =
    LazyLock::new(|| {
        use Kw::*;
        use Lex::{Kw as K, Month as M, NumW as N, Ord as O, Weekday as W};
        let table: &[(&[u8], Lex)] = &[
            (b"january", M(1)),
            (b"jan", M(1)),
            (b"february", M(2)),
            (b"feb", M(2)),
            (b"march", M(3)),
            (b"mar", M(3)),
            (b"april", M(4)),
            (b"apr", M(4)),
            (b"may", M(5)),
            (b"june", M(6)),
            (b"jun", M(6)),
            (b"july", M(7)),
            (b"jul", M(7)),
            (b"august", M(8)),
            (b"aug", M(8)),
            (b"september", M(9)),
            (b"sep", M(9)),
            (b"sept", M(9)),
            (b"october", M(10)),
            (b"oct", M(10)),
            (b"november", M(11)),
            (b"nov", M(11)),
            (b"december", M(12)),
            (b"dec", M(12)),
            (b"monday", W(1)),
            (b"tuesday", W(2)),
            (b"wednesday", W(3)),
            (b"thursday", W(4)),
            (b"friday", W(5)),
            (b"saturday", W(6)),
            (b"sunday", W(7)),
            (b"second", O(2)),
            (b"seconds", Lex::Unit(Unit::Second, true)),
            (b"minute", Lex::Unit(Unit::Minute, false)),
            (b"minutes", Lex::Unit(Unit::Minute, true)),
            (b"min", Lex::Unit(Unit::Minute, false)),
            (b"mins", Lex::Unit(Unit::Minute, true)),
            (b"hour", Lex::Unit(Unit::Hour, false)),
            (b"hours", Lex::Unit(Unit::Hour, true)),
            (b"day", Lex::Unit(Unit::Day, false)),
            (b"days", Lex::Unit(Unit::Day, true)),
            (b"week", Lex::Unit(Unit::Week, false)),
            (b"weeks", Lex::Unit(Unit::Week, true)),
            (b"fortnight", Lex::Unit(Unit::Fortnight, false)),
            (b"fortnights", Lex::Unit(Unit::Fortnight, true)),
            (b"weekend", Lex::Unit(Unit::Weekend, false)),
            (b"weekends", Lex::Unit(Unit::Weekend, true)),
            (b"month", Lex::Unit(Unit::Month, false)),
            (b"months", Lex::Unit(Unit::Month, true)),
            (b"quarter", Lex::Unit(Unit::Quarter, false)),
            (b"quarters", Lex::Unit(Unit::Quarter, true)),
            (b"year", Lex::Unit(Unit::Year, false)),
            (b"years", Lex::Unit(Unit::Year, true)),
            (b"decade", Lex::Unit(Unit::Decade, false)),
            (b"decades", Lex::Unit(Unit::Decade, true)),
            (b"century", Lex::Unit(Unit::Century, false)),
            (b"centuries", Lex::Unit(Unit::Century, true)),
            (b"spring", Lex::Season(0)),
            (b"summer", Lex::Season(1)),
            (b"fall", Lex::Season(2)),
            (b"autumn", Lex::Season(2)),
            (b"winter", Lex::Season(3)),
            (b"morning", Lex::Part(Part::Morning)),
            (b"afternoon", Lex::Part(Part::Afternoon)),
            (b"evening", Lex::Part(Part::Evening)),
            (b"night", Lex::Part(Part::Night)),
            (b"one", N(1)),
            (b"two", N(2)),
            (b"three", N(3)),
            (b"four", N(4)),
            (b"five", N(5)),
            (b"six", N(6)),
            (b"seven", N(7)),
            (b"eight", N(8)),
            (b"nine", N(9)),
            (b"ten", N(10)),
            (b"eleven", N(11)),
            (b"twelve", N(12)),
            (b"thirteen", N(13)),
            (b"fourteen", N(14)),
            (b"fifteen", N(15)),
            (b"sixteen", N(16)),
            (b"seventeen", N(17)),
            (b"eighteen", N(18)),
            (b"nineteen", N(19)),
            (b"twenty", N(20)),
            (b"thirty", N(30)),
            (b"forty", N(40)),
            (b"fifty", N(50)),
            (b"sixty", N(60)),
            (b"seventy", N(70)),
            (b"eighty", N(80)),
            (b"ninety", N(90)),
            (b"hundred", N(100)),
            (b"dozen", N(12)),
            (b"first", O(1)),
            (b"third", O(3)),
            (b"fourth", O(4)),
            (b"fifth", O(5)),
            (b"sixth", O(6)),
            (b"seventh", O(7)),
            (b"eighth", O(8)),
            (b"ninth", O(9)),
            (b"tenth", O(10)),
            (b"eleventh", O(11)),
            (b"twelfth", O(12)),
            (b"thirteenth", O(13)),
            (b"fourteenth", O(14)),
            (b"fifteenth", O(15)),
            (b"sixteenth", O(16)),
            (b"seventeenth", O(17)),
            (b"eighteenth", O(18)),
            (b"nineteenth", O(19)),
            (b"twentieth", O(20)),
            (b"twenties", Lex::Decade(2, true)),
            (b"thirties", Lex::Decade(3, true)),
            (b"forties", Lex::Decade(4, true)),
            (b"fifties", Lex::Decade(5, true)),
            (b"sixties", Lex::Decade(6, true)),
            (b"seventies", Lex::Decade(7, true)),
            (b"eighties", Lex::Decade(8, true)),
            (b"nineties", Lex::Decade(9, true)),
            (b"the", K(The)),
            (b"a", K(A)),
            (b"an", K(A)),
            (b"this", K(This)),
            (b"that", K(That)),
            (b"last", K(Last)),
            (b"next", K(Next)),
            (b"past", K(Past)),
            (b"coming", K(Coming)),
            (b"upcoming", K(Coming)),
            (b"previous", K(Previous)),
            (b"preceding", K(Previous)),
            (b"prior", K(Previous)),
            (b"following", K(Following)),
            (b"subsequent", K(Following)),
            (b"recent", K(Recent)),
            (b"recently", K(Recently)),
            (b"ago", K(Ago)),
            (b"away", K(Away)),
            (b"later", K(Later)),
            (b"earlier", K(Earlier)),
            (b"early", K(Early)),
            (b"late", K(Late)),
            (b"mid", K(Mid)),
            (b"middle", K(Middle)),
            (b"end", K(End)),
            (b"beginning", K(Beginning)),
            (b"start", K(Start)),
            (b"of", K(Of)),
            (b"now", K(Now)),
            (b"today", K(Today)),
            (b"yesterday", K(Yesterday)),
            (b"tomorrow", K(Tomorrow)),
            (b"tonight", K(Tonight)),
            (b"currently", K(Currently)),
            (b"nowadays", K(Nowadays)),
            (b"these", K(These)),
            (b"current", K(Current)),
            (b"future", K(Future)),
            (b"every", K(Every)),
            (b"each", K(Each)),
            (b"daily", K(Daily)),
            (b"weekly", K(Weekly)),
            (b"monthly", K(Monthly)),
            (b"annually", K(Annually)),
            (b"yearly", K(Annually)),
            (b"hourly", K(Hourly)),
            (b"nearly", K(Nearly)),
            (b"almost", K(Almost)),
            (b"about", K(About)),
            (b"around", K(Around)),
            (b"roughly", K(Around)),
            (b"some", K(Some)),
            (b"approximately", K(Approximately)),
            (b"more", K(More)),
            (b"less", K(Less)),
            (b"fewer", K(Less)),
            (b"than", K(Than)),
            (b"over", K(Over)),
            (b"under", K(Under)),
            (b"at", K(At)),
            (b"least", K(Least)),
            (b"most", K(Most)),
            (b"up", K(Up)),
            (b"to", K(To)),
            (b"fiscal", K(Fiscal)),
            (b"noon", K(Noon)),
            (b"midday", K(Noon)),
            (b"midnight", K(Midnight)),
            (b"several", K(Several)),
            (b"few", K(Few)),
            (b"couple", K(Couple)),
            (b"many", K(Many)),
            (b"same", K(Same)),
            (b"lately", K(Lately)),
            (b"near", K(Near)),
            (b"term", K(Term)),
            (b"latest", K(Latest)),
            (b"ended", K(Ended)),
            (b"ending", K(Ended)),
            (b"half", K(Half)),
            (b"old", K(Old)),
            (b"am", K(Am)),
            (b"pm", K(Pm)),
            (b"gmt", K(Zone)),
            (b"utc", K(Zone)),
            (b"est", K(Zone)),
            (b"edt", K(Zone)),
            (b"cst", K(Zone)),
            (b"cdt", K(Zone)),
            (b"mst", K(Zone)),
            (b"mdt", K(Zone)),
            (b"pst", K(Zone)),
            (b"pdt", K(Zone)),
            (b"cet", K(Zone)),
            (b"cest", K(Zone)),
            (b"bst", K(Zone)),
            (b"msk", K(Zone)),
            (b"et", K(Zone)),
            (b"pt", K(Zone)),
            (b"christmas", K(Christmas)),
            (b"thanksgiving", K(Thanksgiving)),
            (b"eve", K(Eve)),
            (b"new", K(NewYear)),
        ];
        table.iter().copied().collect()
    });

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
