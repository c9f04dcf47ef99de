//! Sentence boundaries, good enough for news prose.
//!
//! A sentence ends at `.`, `!` or `?` (plus any closing quotes or brackets) followed by
//! whitespace and something that can start a sentence, unless the word before the full stop is a
//! known abbreviation (`Mr.`, `U.S.`) or a single initial. Chinese and Japanese end sentences
//! with full-width marks (`。`, `！`, `？`, and the full-width `．` of older e-texts) and write no
//! space after them: such a mark (with the closing quotes and brackets after it) always ends a
//! sentence. Paragraph ends always end a sentence. Linear in the text.

use std::ops::Range;

use crate::source::Article;

/// Words after which a full stop does not end a sentence.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "sen", "rep", "gov", "gen", "col", "lt", "sgt", "capt", "st",
    "jr", "sr", "vs", "etc", "inc", "ltd", "co", "corp", "no", "jan", "feb", "mar", "apr", "jun",
    "jul", "aug", "sep", "sept", "oct", "nov", "dec", "e.g", "i.e", "u.s", "u.k", "u.n", "a.m",
    "p.m", "mt", "ft", "rev", "hon", "messrs",
];

/// Sentence byte ranges of every block of `article`, in text order, trimmed of whitespace.
pub fn split(article: &Article) -> Vec<Range<usize>> {
    let text = article.text();
    let mut out = Vec::new();
    for block in article.blocks() {
        split_block(text, block.range.clone(), &mut out);
    }
    out
}

fn split_block(text: &str, range: Range<usize>, out: &mut Vec<Range<usize>>) {
    let block = &text[range.clone()];
    let bytes = block.as_bytes();
    let mut start = 0;
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if matches!(b, b'.' | b'!' | b'?') {
            // Extend over repeated terminators and closing quotes/brackets.
            let mut end = i + 1;
            while end < bytes.len() {
                let rest = &block[end..];
                let c = rest.chars().next().unwrap_or(' ');
                if matches!(
                    c,
                    '.' | '!' | '?' | '"' | '\'' | ')' | ']' | '»' | '”' | '’'
                ) {
                    end += c.len_utf8();
                } else {
                    break;
                }
            }
            let rest = &block[end..];
            let after_space = rest.trim_start();
            let has_space = after_space.len() < rest.len();
            let next = after_space.chars().next();
            let starts_sentence = next.is_some_and(|c| {
                c.is_uppercase()
                    || c.is_numeric()
                    || matches!(
                        c,
                        '"' | '\'' | '«' | '“' | '‘' | '(' | '[' | '-' | '–' | '—'
                    )
            });
            if has_space && starts_sentence && !(b == b'.' && is_abbreviation(&block[start..i])) {
                push_trimmed(block, range.start, start..end, out);
                start = end;
            }
            i = end;
        } else if b >= 0xE0
            && let Some(c) = block[i..].chars().next()
            && is_full_width_end(c)
        {
            // Full-width terminators: repeated ones and closing marks stay with the sentence.
            let mut end = i + c.len_utf8();
            while let Some(c) = block[end..].chars().next()
                && (is_full_width_end(c) || is_full_width_closing(c))
            {
                end += c.len_utf8();
            }
            push_trimmed(block, range.start, start..end, out);
            start = end;
            i = end;
        } else {
            i += 1;
        }
    }
    push_trimmed(block, range.start, start..bytes.len(), out);
}

/// A full-width mark that ends a sentence in Chinese or Japanese text.
fn is_full_width_end(c: char) -> bool {
    matches!(c, '。' | '！' | '？' | '．' | '｡')
}

/// Closing quotes and brackets that follow a full-width terminator inside its sentence.
fn is_full_width_closing(c: char) -> bool {
    matches!(
        c,
        '」' | '』' | '”' | '’' | '）' | '》' | '〉' | '】' | '〕' | '"'
    )
}

fn is_abbreviation(before: &str) -> bool {
    let word = before
        .rsplit(|c: char| c.is_whitespace() || matches!(c, '(' | '"' | '«' | '“'))
        .next()
        .unwrap_or("");
    if word.chars().count() == 1 && word.chars().all(char::is_uppercase) {
        return true; // an initial: "George W. Bush"
    }
    let lower = word.to_lowercase();
    ABBREVIATIONS.contains(&lower.as_str())
}

fn push_trimmed(block: &str, offset: usize, r: Range<usize>, out: &mut Vec<Range<usize>>) {
    let s = &block[r.clone()];
    let lead = s.len() - s.trim_start().len();
    let trail = s.len() - s.trim_end().len();
    if lead + trail < s.len() {
        out.push(offset + r.start + lead..offset + r.end - trail);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::LoadOptions;

    fn sentences(body: &str) -> Vec<String> {
        let a = Article::parse(body, "t", LoadOptions::PLAIN).unwrap();
        split(&a)
            .into_iter()
            .map(|r| a.text()[r].to_string())
            .collect()
    }

    #[test]
    fn splits_on_terminators() {
        assert_eq!(
            sentences("One here. Two there! Three?"),
            ["One here.", "Two there!", "Three?"]
        );
    }

    #[test]
    fn keeps_abbreviations_and_initials() {
        assert_eq!(
            sentences("Mr. Smith met George W. Bush in the U.S. Army base. Then he left."),
            [
                "Mr. Smith met George W. Bush in the U.S. Army base.",
                "Then he left."
            ]
        );
    }

    #[test]
    fn closing_quotes_stay_with_the_sentence() {
        assert_eq!(
            sentences("«We cannot act», he said. \"Fine.\" She left."),
            ["«We cannot act», he said.", "\"Fine.\"", "She left."]
        );
    }

    #[test]
    fn paragraphs_end_sentences() {
        assert_eq!(sentences("No stop\n\nNext one"), ["No stop", "Next one"]);
    }

    #[test]
    fn full_width_terminators_end_sentences_without_a_space() {
        assert_eq!(
            sentences("他笑了。她说：「走吧！」我们走了？好．最后"),
            ["他笑了。", "她说：「走吧！」", "我们走了？", "好．", "最后"]
        );
        // A comma or an enumeration mark does not end one.
        assert_eq!(sentences("一，二、三。"), ["一，二、三。"]);
    }

    #[test]
    fn decimals_do_not_split() {
        assert_eq!(
            sentences("It grew 3.5 per cent. Fine."),
            ["It grew 3.5 per cent.", "Fine."]
        );
    }
}
