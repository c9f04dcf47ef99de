//! The words a date belongs to: the clause of its sentence, so that a timeline row says what
//! happened *then* ("established in 2002", "ever since the Alliance cut off all ties … in
//! early 2014"), and two dates of one sentence read as two rows, not one sentence twice.
//!
//! English sets clauses and the phrases hung on them (appositives, participles, parentheses)
//! apart with punctuation: a comma, semicolon or colon followed by a space, a dash between
//! spaces, brackets. The clause of a date is the stretch between the nearest such marks on
//! either side (never inside the date itself: `April 20, 2016`). A stretch that says almost
//! nothing but the date (`On Monday,`) takes the stretch after it, or before it at the end of
//! the sentence, so the row still says what happened.

use std::ops::Range;

/// Fewest words besides the date that a clause needs to say what happened.
const MIN_WORDS: usize = 2;

/// The clause of `sentence` in which `date` lies (byte ranges into `text`), trimmed of
/// spaces and of the marks that bound it. A `date` outside the sentence (a continuation's,
/// `In another incident …`) gives the whole sentence.
pub fn clause(text: &str, sentence: Range<usize>, date: Range<usize>) -> Range<usize> {
    let Some(s) = text.get(sentence.clone()) else {
        return sentence;
    };
    if !(sentence.start <= date.start && date.end <= sentence.end) {
        let (a, b) = trim(s, 0..s.len());
        return sentence.start + a..sentence.start + b;
    }
    let date = date.start - sentence.start..date.end - sentence.start;
    let cuts = boundaries(s, &date);
    // The stretch between the cut before the date and the cut after it.
    let k = cuts.partition_point(|c| c.end <= date.start);
    let start = |k: usize| if k == 0 { 0 } else { cuts[k - 1].end };
    let end = |k: usize| cuts.get(k).map_or(s.len(), |c| c.start);
    let (mut lo, mut hi) = (k, k);
    // Widen while the stretch has too few words of its own: forwards first, as an opening
    // adverbial (`On Monday, the minister resigned`) leads into its clause.
    while words(&s[start(lo)..end(hi)]) - words(&s[date.clone()]) < MIN_WORDS {
        if hi < cuts.len() {
            hi += 1;
        } else if lo > 0 {
            lo -= 1;
        } else {
            break;
        }
    }
    let (a, b) = trim(s, start(lo)..end(hi));
    sentence.start + a..sentence.start + b
}

fn words(s: &str) -> usize {
    s.split_whitespace()
        .filter(|w| w.chars().any(char::is_alphanumeric))
        .count()
}

/// The marks that end a stretch, in order, none inside `date`.
fn boundaries(s: &str, date: &Range<usize>) -> Vec<Range<usize>> {
    let mut cuts = Vec::new();
    let mut chars = s.char_indices().peekable();
    while let Some((i, c)) = chars.next() {
        let next = chars.peek().map(|&(_, n)| n);
        let after = i + c.len_utf8();
        let spaced_after = next.is_none_or(char::is_whitespace);
        let spaced_before = s[..i].ends_with(char::is_whitespace);
        let cut = match c {
            // `,"` ends a quoted clause as `, ` does.
            ',' | ';' | ':' => spaced_after || next.is_some_and(|n| "\"”’»'".contains(n)),
            '(' | ')' | '[' | ']' => true,
            '—' | '–' => spaced_before && spaced_after,
            '-' => spaced_before && spaced_after,
            _ => false,
        };
        if cut && !(date.start < after && i < date.end) {
            cuts.push(i..after);
        }
    }
    cuts
}

/// `range` without the spaces, quotation marks and sentence-ending marks at its edges.
fn trim(s: &str, range: Range<usize>) -> (usize, usize) {
    let part = &s[range.clone()];
    let edge = |c: char| c.is_whitespace() || "\"'“”‘’«».!?".contains(c);
    let lead = part.len() - part.trim_start_matches(edge).len();
    let body = part.trim_matches(edge);
    if body.is_empty() {
        return (range.start, range.end);
    }
    (range.start + lead, range.start + lead + body.len())
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The clause of `date` (its first occurrence) in `sentence`.
    fn of(sentence: &str, date: &str) -> String {
        let at = sentence.find(date).unwrap();
        let r = clause(sentence, 0..sentence.len(), at..at + date.len());
        sentence[r].to_string()
    }

    #[test]
    fn two_dates_of_one_sentence_get_their_own_clauses() {
        let s = "It was the first meeting of the council (RNC), established in 2002, ever since \
                 the Alliance cut off all ties with Moscow in early 2014.";
        assert_eq!(of(s, "2002"), "established in 2002");
        assert_eq!(
            of(s, "early 2014"),
            "ever since the Alliance cut off all ties with Moscow in early 2014"
        );
    }

    #[test]
    fn a_bare_opening_adverbial_takes_its_clause() {
        assert_eq!(
            of("On Monday, the minister resigned.", "Monday"),
            "On Monday, the minister resigned"
        );
        assert_eq!(
            of("The minister resigned, on Monday.", "Monday"),
            "The minister resigned, on Monday"
        );
    }

    #[test]
    fn commas_inside_the_date_or_a_number_do_not_cut() {
        assert_eq!(
            of(
                "Some 1,000 people marched; the vote was on April 20, 2016.",
                "April 20, 2016"
            ),
            "the vote was on April 20, 2016"
        );
        assert_eq!(
            of(
                "Shares fell - sharply - on Friday as 1,000 jobs went.",
                "Friday"
            ),
            "on Friday as 1,000 jobs went"
        );
    }

    #[test]
    fn a_date_outside_the_sentence_gives_its_opening() {
        let s = "In another incident, a plane was intercepted near the border.";
        let r = clause(s, 0..s.len(), 100..104);
        assert_eq!(
            &s[r],
            "In another incident, a plane was intercepted near the border"
        );
    }

    #[test]
    fn quotation_marks_at_the_edges_go() {
        assert_eq!(
            of("\"We meet again in July,\" she said.", "July"),
            "We meet again in July"
        );
    }
}
