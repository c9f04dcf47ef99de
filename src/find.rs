//! Finding a query in an article's text as a reader expects of find-in-page: smart case (a
//! capital in the query makes it case-sensitive) and diacritics ignored unless the query has
//! one (`Natasha` finds `Natásha`; `Natásha` finds only that spelling).
//!
//! Ignoring diacritics is Unicode's canonical decomposition with the combining marks dropped,
//! done per character on a folded copy of the text.
//!
//! Which marks are dropped follows what the marks mean in each script. On Latin and Greek
//! letters (and any other script) an accent is a variant of the letter, as readers of
//! find-in-page expect: `cafe` finds `café`, `Αθηνα` finds `Αθήνα`. On Cyrillic letters a mark
//! makes another letter of the alphabet: `й` is not `и` (Russian), `ї` is not `і`
//! (Ukrainian), `ў` is not `у` (Belarusian), so `и` never finds `й`. The one exception is `ё`,
//! which Russian print routinely writes as `е`: `елка` finds `ёлка` (but `ёлка` finds only
//! `ёлка`, as any query with a mark is exact). Matches are byte ranges into the original
//! text: a short table of the characters whose folded form differs in length maps them back,
//! so the table stays small on a long text with few accents.

use std::ops::Range;
use std::sync::OnceLock;

use regex::RegexBuilder;
use unicode_normalization::char::{decompose_canonical, is_combining_mark};

/// Every match of `query` in `text`, in text order, as byte ranges of `text`.
pub fn find_all(text: &str, query: &str) -> Vec<Range<usize>> {
    Finder::default().find_all(text, query)
}

/// Searches one text again and again (a query typed key by key): the folded copies of the
/// text, with and without diacritics, are made once, on the first search that needs each.
#[derive(Debug, Default)]
pub struct Finder {
    /// Indexed by whether marks are stripped.
    folded: [OnceLock<Folded>; 2],
}

impl Finder {
    /// [`find_all`] on `text`, which must be the same text at every call.
    pub fn find_all(&self, text: &str, query: &str) -> Vec<Range<usize>> {
        if query.is_empty() {
            return Vec::new();
        }
        let strip = !has_diacritics(query);
        let folded = self.folded[usize::from(strip)].get_or_init(|| Folded::new(text, strip));
        search(folded, query, strip)
    }
}

fn search(folded: &Folded, query: &str, strip: bool) -> Vec<Range<usize>> {
    let smart_case = !query.chars().any(char::is_uppercase);
    let query = fold(query, strip);
    let Ok(re) = RegexBuilder::new(&regex::escape(&query))
        .case_insensitive(smart_case)
        .build()
    else {
        return Vec::new();
    };
    re.find_iter(&folded.text)
        // A mark left in the folded text belongs to the letter before it (`и` + breve is
        // `й`): a match that stops before it stops inside a letter.
        .filter(|m| {
            !folded.text[m.end()..]
                .chars()
                .next()
                .is_some_and(is_combining_mark)
        })
        .filter_map(|m| folded.original(m.range()))
        .filter(|r| !r.is_empty())
        .collect()
}

/// Whether `s` carries a diacritic: a combining mark once decomposed.
pub fn has_diacritics(s: &str) -> bool {
    s.chars().any(|c| {
        let mut mark = false;
        decompose_canonical(c, |d| mark |= is_combining_mark(d));
        mark
    })
}

/// `s` decomposed, without its combining marks when `strip` (those a letter can lose, see
/// [`keeps_mark`]).
fn fold(s: &str, strip: bool) -> String {
    let mut out = String::with_capacity(s.len());
    let mut base = None;
    for c in s.chars() {
        push_folded(c, strip, &mut base, &mut out);
    }
    out
}

/// Pushes `c` decomposed; `base` is the last letter that was not a mark, as a combining mark
/// in decomposed text belongs to the letter before it.
fn push_folded(c: char, strip: bool, base: &mut Option<char>, out: &mut String) {
    decompose_canonical(c, |d| {
        if !is_combining_mark(d) {
            *base = Some(d);
            out.push(d);
        } else if !strip || base.is_some_and(|b| keeps_mark(b, d)) {
            out.push(d);
        }
    });
}

/// Whether the letter `base` with the combining `mark` is a letter of its own that search must
/// not fold: a Cyrillic letter with a mark (`й` = `и` + breve), except `ё` (`е` + diaeresis),
/// which Russian writes as `е` at will.
fn keeps_mark(base: char, mark: char) -> bool {
    let cyrillic = matches!(base,
        '\u{0400}'..='\u{052F}' | '\u{1C80}'..='\u{1C8F}' | '\u{2DE0}'..='\u{2DFF}'
            | '\u{A640}'..='\u{A69F}');
    cyrillic && !(matches!(base, 'е' | 'Е') && mark == '\u{308}')
}

/// A character whose folded form is not itself: where it starts in both texts, and its lengths.
#[derive(Debug, Clone, Copy)]
struct Changed {
    folded: usize,
    folded_len: usize,
    original: usize,
    original_len: usize,
}

/// The folded text and the way back to the original's bytes.
#[derive(Debug)]
struct Folded {
    text: String,
    /// The characters folded to something else, in text order.
    changed: Vec<Changed>,
}

impl Folded {
    fn new(original: &str, strip: bool) -> Self {
        let mut text = String::with_capacity(original.len());
        let mut changed = Vec::new();
        let mut base = None;
        for (i, c) in original.char_indices() {
            let start = text.len();
            push_folded(c, strip, &mut base, &mut text);
            let folded_len = text.len() - start;
            if folded_len != c.len_utf8() || !text[start..].starts_with(c) {
                changed.push(Changed {
                    folded: start,
                    folded_len,
                    original: i,
                    original_len: c.len_utf8(),
                });
            }
        }
        Folded { text, changed }
    }

    /// The original range a match of the folded text covers: whole characters only, so a
    /// match that starts or ends inside a character's decomposition (`a` of `á` in an exact
    /// search) is not a match.
    fn original(&self, folded: Range<usize>) -> Option<Range<usize>> {
        let start = self.boundary(folded.start)?;
        let end = self.boundary(folded.end)?;
        Some(start..end)
    }

    /// The original byte of a folded position between two characters; `None` inside one.
    fn boundary(&self, pos: usize) -> Option<usize> {
        let i = self.changed.partition_point(|c| c.folded <= pos);
        let Some(c) = i.checked_sub(1).map(|i| self.changed[i]) else {
            return Some(pos);
        };
        // A mark folded to nothing belongs to the letter before it: a position at it is after it.
        let end = c.folded + c.folded_len;
        if pos >= end {
            Some(c.original + c.original_len + (pos - end))
        } else if pos == c.folded {
            Some(c.original)
        } else {
            None
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn found<'a>(text: &'a str, query: &str) -> Vec<&'a str> {
        find_all(text, query)
            .into_iter()
            .map(|r| &text[r])
            .collect()
    }

    #[test]
    fn diacritics_are_ignored_unless_the_query_has_one() {
        let text = "Natásha met Natasha; Pierre saw Natásha again at the café.";
        assert_eq!(found(text, "Natasha"), ["Natásha", "Natasha", "Natásha"]);
        assert_eq!(found(text, "Natásha"), ["Natásha", "Natásha"]);
        assert_eq!(found(text, "cafe"), ["café"]);
        assert_eq!(found(text, "café"), ["café"]);
    }

    #[test]
    fn smart_case_stays() {
        let text = "NATO and nato and Nató";
        assert_eq!(found(text, "nato"), ["NATO", "nato", "Nató"]);
        assert_eq!(found(text, "NATO"), ["NATO"]);
        assert_eq!(found(text, "Nato"), ["Nató"]);
    }

    /// Decomposed text (a base letter and a separate combining accent) is found by both a
    /// plain and a precomposed query, and the range covers the accent.
    #[test]
    fn decomposed_text_and_byte_ranges() {
        let text = "la Nata\u{301}sha de\u{301}ja\u{300}";
        let hits = find_all(text, "natasha");
        assert_eq!(hits.len(), 1);
        assert_eq!(&text[hits[0].clone()], "Nata\u{301}sha");
        assert_eq!(found(text, "Natásha"), ["Nata\u{301}sha"]);
        assert_eq!(found(text, "deja"), ["de\u{301}ja\u{300}"]);
        // An exact search never ends inside a decomposed letter.
        assert!(found("Natásha", "Nata\u{301}").len() == 1);
        assert!(found("Natásha", "Nat").len() == 1);
        assert!(find_all("á", "a\u{300}").is_empty(), "another accent");
    }

    #[test]
    fn other_scripts_and_ranges_after_many_accents() {
        let text = "Ёлка — «ёлка». 北京 and Zoë Zoe";
        assert_eq!(found(text, "елка"), ["Ёлка", "ёлка"]);
        assert_eq!(found(text, "北京"), ["北京"]);
        assert_eq!(found(text, "zoe"), ["Zoë", "Zoe"]);
        assert_eq!(found(text, "zoë"), ["Zoë"]);
        for r in find_all(text, "e") {
            assert!(text.is_char_boundary(r.start) && text.is_char_boundary(r.end));
        }
    }

    /// Marks on Latin and Greek letters fold; on Cyrillic ones they make other letters and do
    /// not, in composed and decomposed text alike; `ё` folds to `е` as Russian writes it.
    #[test]
    fn cyrillic_letters_with_marks_stay_letters_of_their_own() {
        let text = "мой и твой, Йорк, ёлка и елка";
        assert_eq!(found(text, "и"), ["и", "и"]);
        assert_eq!(found(text, "мои"), Vec::<&str>::new(), "и never finds й");
        assert_eq!(found(text, "мой"), ["мой"]);
        assert_eq!(found(text, "йорк"), ["Йорк"]);
        assert_eq!(found(text, "елка"), ["ёлка", "елка"]);
        assert_eq!(found(text, "ёлка"), ["ёлка"]);
        let decomposed = "мои\u{306} и твои\u{306}";
        assert_eq!(found(decomposed, "и"), ["и"]);
        assert_eq!(found(decomposed, "мой"), ["мои\u{306}"]);
        assert_eq!(found(decomposed, "тво"), ["тво"]);
        // Ukrainian ї and і, Belarusian ў and у.
        assert_eq!(found("їжак і ніч", "і"), ["і", "і"]);
        assert_eq!(found("ўсё у", "у"), ["у"]);
        // Greek and Latin fold.
        assert_eq!(found("Αθήνα και Αθηνα", "Αθηνα"), ["Αθήνα", "Αθηνα"]);
        assert_eq!(found("Mañana, Ångström", "angstrom"), ["Ångström"]);
        assert_eq!(found("Mañana, Ångström", "manana"), ["Mañana"]);
    }

    #[test]
    fn a_query_of_marks_or_symbols_is_escaped() {
        assert_eq!(found("a.b a+b", "a.b"), ["a.b"]);
        assert!(find_all("abc", "\u{301}").is_empty());
        assert!(find_all("abc", "").is_empty());
    }
}
