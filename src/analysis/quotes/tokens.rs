//! A paragraph as a flat list of tokens, with each quotation folded into one token.
//!
//! Attribution is about what stands *around* a quotation (`, he said.`, `X told the BBC:`), so
//! folding the quotation into a single [`TokKind::Quote`] token lets every cue pattern be a short
//! walk over neighbouring tokens instead of a search through the text.

use std::ops::Range;

use super::scan::Span;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(super) enum TokKind {
    Word,
    Comma,
    Colon,
    /// A spaced hyphen or an en/em dash: brackets an appositive like a comma does.
    Dash,
    /// End of a sentence (`.`, `!`, `?`, `;`), also synthesised after a quotation that ends one.
    Stop,
    /// The quotation with this index into the paragraph's spans.
    Quote(usize),
    Other,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Tok {
    pub kind: TokKind,
    pub range: Range<usize>,
}

/// The word of token `i`, if it is one: what every cue pattern asks of its neighbours.
pub(super) fn word_at<'a>(text: &'a str, toks: &[Tok], i: usize) -> Option<&'a str> {
    let t = toks.get(i)?;
    (t.kind == TokKind::Word).then(|| &text[t.range.clone()])
}

/// Abbreviations whose full stop does not end a sentence.
fn is_abbreviation(word: &str) -> bool {
    matches!(
        word,
        "Mr" | "Mrs"
            | "Ms"
            | "Dr"
            | "St"
            | "Prof"
            | "Gen"
            | "Sen"
            | "Rep"
            | "Gov"
            | "Lt"
            | "Col"
            | "Capt"
            | "Sgt"
            | "Jr"
            | "Sr"
            | "Inc"
            | "Ltd"
            | "Co"
            | "Corp"
            | "Rev"
            | "Hon"
            | "vs"
            | "etc"
    ) || (word.chars().count() == 1 && word.chars().all(char::is_uppercase))
        || (word.contains('.') && word.chars().all(|c| c == '.' || c.is_uppercase()))
}

/// Whether the text after a full stop goes on with the same sentence: a comma (`Kansas City,
/// Mo., and`) or a lower-case word, perhaps inside a quotation (`lost 16 lbs. “and two belt
/// loops”`). An English sentence opens with a capital, a digit or a mark.
fn continues_sentence(rest: &str) -> bool {
    let rest = rest.trim_start();
    if rest.starts_with([',', ';']) {
        return true;
    }
    rest.trim_start_matches(['"', '“', '‘', '\'', '«', '„'])
        .starts_with(char::is_lowercase)
}

fn is_word_char(c: char) -> bool {
    match c {
        // The commonest marks outside ASCII, answered before `is_alphanumeric` looks them up
        // in Unicode's tables (twice: letters, then numerals).
        '“' | '”' | '‘' | '’' | '—' | '–' => false,
        c => c.is_alphanumeric(),
    }
}

/// Whether each byte is an ASCII letter or digit: the loop over a word's bytes asks it of
/// nearly every byte of the article, and a look-up is one load where the range tests of
/// `u8::is_ascii_alphanumeric` are several instructions.
static ASCII_ALPHANUMERIC: [bool; 256] = {
    let mut table = [false; 256];
    let mut b = 0;
    while b < 256 {
        table[b] = (b as u8).is_ascii_alphanumeric();
        b += 1;
    }
    table
};

fn is_apostrophe(c: char) -> bool {
    matches!(c, '\'' | '’')
}

/// Tokenises `text[para]`, replacing each span's outer range by one `Quote` token. `spans` must
/// be sorted, non-overlapping and inside `para`.
pub(super) fn tokenize(text: &str, para: Range<usize>, spans: &[Span], out: &mut Vec<Tok>) {
    out.clear();
    let mut next_span = 0;
    let mut i = para.start;
    let end = para.end;
    while i < end {
        // A space is the commonest byte between tokens, and no span starts on one.
        if text.as_bytes()[i] == b' ' {
            i += 1;
            continue;
        }
        if let Some(span) = spans.get(next_span)
            && span.outer.start <= i
        {
            next_span += 1;
            if span.outer.end <= i {
                // Not expected from the scanner; skipping keeps `i` on a char boundary.
                continue;
            }
            out.push(Tok {
                kind: TokKind::Quote(next_span - 1),
                range: span.outer.clone(),
            });
            i = span.outer.end;
            // A quotation ending in . ! ? followed by a capital or another quotation ends the
            // sentence even though the stop is inside the marks.
            let content = &text[span.inner.clone()];
            let rest = text[i.min(end)..end].trim_start();
            let next_is_quote = spans
                .get(next_span)
                .is_some_and(|s| s.outer.start == end - rest.len());
            if content.ends_with(['.', '!', '?'])
                && (rest.starts_with(char::is_uppercase) || next_is_quote)
            {
                out.push(Tok {
                    kind: TokKind::Stop,
                    range: i..i,
                });
            }
            continue;
        }
        let limit = spans.get(next_span).map_or(end, |s| s.outer.start.min(end));
        // Nearly every token opens with an ASCII byte, which is its own character: only
        // another byte needs the text sliced and a character decoded.
        let c = match text.as_bytes()[i] {
            b if b.is_ascii() => char::from(b),
            _ => match text[i..limit].chars().next() {
                Some(c) => c,
                None => {
                    i += 1;
                    continue;
                }
            },
        };
        let len = c.len_utf8();
        if c.is_whitespace() {
            i += len;
            continue;
        }
        if is_word_char(c) {
            let start = i;
            let mut j = i + len;
            loop {
                j += text.as_bytes()[j..limit]
                    .iter()
                    .take_while(|&&b| ASCII_ALPHANUMERIC[usize::from(b)])
                    .count();
                if let Some(&b) = text.as_bytes()[..limit].get(j)
                    && b < 0x80
                    && !matches!(b, b'-' | b'.' | b'&' | b'\'')
                {
                    break;
                }
                let rest = &text[j..limit];
                let mut it = rest.chars();
                let Some(d) = it.next() else { break };
                if is_word_char(d) {
                    j += d.len_utf8();
                    continue;
                }
                let joins = matches!(d, '-' | '.' | '&') || is_apostrophe(d);
                let after = it.next();
                if joins && after.is_some_and(is_word_char) {
                    // "Frank-Walter", "Russia’s", "U.S", "3.5": joined inside a word.
                    j += d.len_utf8();
                    continue;
                }
                if is_apostrophe(d)
                    && text[start..j].ends_with(['s', 'S'])
                    && after == Some(' ')
                    && it.next().is_some_and(is_word_char)
                {
                    // `Wales' team physiotherapist Ann Roe said`: the possessive of a word in
                    // -s keeps its apostrophe, as `Wales's` does, so the phrase stays one noun
                    // phrase before its verb.
                    j += d.len_utf8();
                }
                break;
            }
            // `Procter & Gamble`, `Securities & Exchange Commission`: an ampersand between
            // capitalised words joins the parts of one name, as it does written without
            // spaces (`M&S`); `and` in full does not.
            // (The ` & ` is asked first, of the bytes: it is rare, and this is asked after
            // every word.)
            while text.as_bytes()[j..limit].starts_with(b" & ")
                && text[start..j].starts_with(char::is_uppercase)
                && text[j + 3..limit].starts_with(char::is_uppercase)
            {
                let rest = &text[j + 3..limit];
                let n = rest.find(|c: char| !is_word_char(c)).unwrap_or(rest.len());
                j += 3 + n;
            }
            // "Mr." and initials keep their full stop.
            if text.as_bytes()[j..limit].first() == Some(&b'.') && is_abbreviation(&text[start..j])
            {
                j += 1;
                // `U.S.-based`: a compound goes on after the abbreviation.
                let rest = &text[j..limit];
                if let Some(tail) = rest.strip_prefix('-') {
                    let n = tail
                        .find(|c: char| !is_word_char(c) && c != '-')
                        .unwrap_or(tail.len());
                    if n > 0 {
                        j += 1 + n;
                    }
                }
            }
            out.push(Tok {
                kind: TokKind::Word,
                range: start..j,
            });
            i = j;
            continue;
        }
        let kind = match c {
            ',' => TokKind::Comma,
            ':' => TokKind::Colon,
            '.' if continues_sentence(&text[i + 1..end]) => TokKind::Other,
            '.' | '!' | '?' | ';' => TokKind::Stop,
            '–' | '—' => TokKind::Dash,
            '-' if text[i + 1..limit].starts_with(char::is_whitespace) => TokKind::Dash,
            _ => TokKind::Other,
        };
        out.push(Tok {
            kind,
            range: i..i + len,
        });
        i += len;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kinds(s: &str) -> Vec<String> {
        let mut out = Vec::new();
        tokenize(s, 0..s.len(), &[], &mut out);
        out.iter()
            .map(|t| match t.kind {
                TokKind::Word => s[t.range.clone()].to_string(),
                k => format!("{k:?}"),
            })
            .collect()
    }

    #[test]
    fn words_keep_hyphens_apostrophes_and_abbreviations() {
        assert_eq!(
            kinds("Mr. Frank-Walter Russia’s Wales' team U.S. U.S.-based 3.5, x - y."),
            [
                "Mr.",
                "Frank-Walter",
                "Russia’s",
                "Wales'",
                "team",
                "U.S.",
                "U.S.-based",
                "3.5",
                "Comma",
                "x",
                "Dash",
                "y",
                "Stop"
            ]
        );
    }

    #[test]
    fn an_apostrophe_after_s_ends_a_possessive_but_not_a_quotation() {
        assert_eq!(kinds("the fans' club"), ["the", "fans'", "club"]);
        // A closing mark before punctuation or the end stays a mark of its own.
        assert_eq!(
            kinds("the fans', then"),
            ["the", "fans", "Other", "Comma", "then"]
        );
        assert_eq!(kinds("its 'mess'"), ["its", "Other", "mess", "Other"]);
    }

    #[test]
    fn a_full_stop_before_a_comma_or_lower_case_ends_no_sentence() {
        assert_eq!(
            kinds("near Springfield, Mo., and lost 9 lbs. “and more” here. Then"),
            [
                "near",
                "Springfield",
                "Comma",
                "Mo",
                "Other",
                "Comma",
                "and",
                "lost",
                "9",
                "lbs",
                "Other",
                "Other",
                "and",
                "more",
                "Other",
                "here",
                "Stop",
                "Then"
            ]
        );
    }

    #[test]
    fn a_quote_is_one_token_and_may_end_the_sentence() {
        let s = "He said: \"Go.\" Then \"x\" y";
        let spans = [Span::test(9..14, 10..13), Span::test(20..23, 21..22)];
        let mut out = Vec::new();
        tokenize(s, 0..s.len(), &spans, &mut out);
        let k: Vec<_> = out.iter().map(|t| t.kind).collect();
        assert_eq!(
            k,
            [
                TokKind::Word,
                TokKind::Word,
                TokKind::Colon,
                TokKind::Quote(0),
                TokKind::Stop,
                TokKind::Word,
                TokKind::Quote(1),
                TokKind::Word
            ]
        );
    }
}
