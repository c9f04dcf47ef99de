//! Finding quoted spans in one paragraph from the quote marks alone.
//!
//! One left-to-right pass per paragraph with a single "open quotation" slot, so the cost is
//! linear whatever the marks: an opening mark while a quotation is already open starts a new
//! quotation (the news convention for a quotation running on into the next paragraph, and the
//! only sane recovery from a lost closing mark), and an unclosed quotation ends at the paragraph
//! end instead of swallowing the article. Single marks get a second pass outside the double
//! quotations because most `’` and `'` are apostrophes: they only count when they clearly open
//! and close around at least two characters, and an unclosed one is simply dropped.

use std::ops::Range;

use super::attribution::SAY_VERBS;
use super::lexicon::lower;

/// One quoted span.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(super) struct Span {
    /// From the opening mark to the closing mark (or the trimmed end where it was cut off).
    pub outer: Range<usize>,
    /// The content without marks, trimmed.
    pub inner: Range<usize>,
    /// Opened while another quotation was still open: the previous one ran on into this one.
    pub run_on: bool,
    /// Delimited by single marks (‘ ’ or '), which are speech only on strong evidence.
    pub single: bool,
}

#[cfg(test)]
impl Span {
    pub fn test(outer: Range<usize>, inner: Range<usize>) -> Self {
        Span {
            outer,
            inner,
            run_on: false,
            single: false,
        }
    }
}

/// Which mark closes the open quotation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Closer {
    /// « … »
    Guillemet,
    /// ‹ … ›
    SingleGuillemet,
    /// “ … ”
    Curly,
    /// „ … “ (German) or „ … ” (Polish, Hungarian…)
    Low,
    /// " … "
    Straight,
}

struct Open {
    mark: usize,
    content: usize,
    closer: Closer,
    run_on: bool,
    /// Inside a quotation nested with the same straight mark (`"He was the "Old Hand" then."`):
    /// the next closing mark ends the inner one, not this one.
    nested: bool,
    /// The first quotation nested in this one, from its opening mark to the end of its
    /// closing one (or of the paragraph).
    first_nested: Option<Range<usize>>,
}

/// Finds the quoted spans of `text[para]`, appending them to `out` in text order.
pub(super) fn scan_paragraph(text: &str, para: Range<usize>, out: &mut Vec<Span>) {
    let first = out.len();
    scan_double(text, para.clone(), out);
    // Single marks only in the gaps between double quotations (nested ones stay part of them).
    let doubles: Vec<Range<usize>> = out[first..].iter().map(|s| s.outer.clone()).collect();
    let mut singles = Vec::new();
    let mut gap_start = para.start;
    for r in doubles.iter().chain(std::iter::once(&(para.end..para.end))) {
        scan_single(text, gap_start..r.start, &mut singles);
        gap_start = r.end;
    }
    if !singles.is_empty() {
        out.extend(singles);
        out[first..].sort_by_key(|s| s.outer.start);
    }
}

fn push(text: &str, out: &mut Vec<Span>, open: &Open, end_content: usize, end_outer: usize) {
    let inner = trim(text, open.content..end_content);
    if inner.is_empty() {
        return;
    }
    let outer_end = if end_outer == end_content {
        inner.end
    } else {
        end_outer
    };
    out.push(Span {
        outer: open.mark..outer_end,
        inner,
        run_on: open.run_on,
        single: false,
    });
}

fn trim(text: &str, r: Range<usize>) -> Range<usize> {
    let s = &text[r.clone()];
    let lead = s.len() - s.trim_start().len();
    let trimmed = s.trim();
    r.start + lead..r.start + lead + trimmed.len()
}

/// The first byte in `bytes[from..end]` that may start a double mark (`end` if none): `"`, `'`
/// (for a doubled single), or the lead byte of `« »` (0xC2) or of `“ ” „ ‹ ›` (0xE2). A search
/// instead of a byte-by-byte walk: most of a paragraph is words.
fn next_mark_byte(bytes: &[u8], from: usize, end: usize) -> usize {
    let hay = &bytes[from..end];
    let common = memchr::memchr3(b'"', b'\'', 0xE2, hay).unwrap_or(hay.len());
    from + memchr::memchr(0xC2, &hay[..common]).unwrap_or(common)
}

fn scan_double(text: &str, para: Range<usize>, out: &mut Vec<Span>) {
    let mut open: Option<Open> = None;
    let bytes = text.as_bytes();
    let mut i = para.start;
    // Byte offset of the next curly mark at or after the last straight mark looked at.
    let mut next_curly = 0;
    while i < para.end {
        // Every double mark starts with one of these bytes (all char boundaries): skip the rest.
        if !matches!(bytes[i], b'"' | b'\'' | 0xC2 | 0xE2) {
            i = next_mark_byte(bytes, i, para.end);
            continue;
        }
        let Some(mut c) = text[i..para.end].chars().next() else {
            break;
        };
        let mut len = c.len_utf8();
        let prev = text[para.start..i].chars().next_back().unwrap_or(' ');
        if let Some((double, pair)) = doubled_single(&text[i..para.end], prev) {
            c = double;
            len = pair;
        } else if matches!(c, '\'' | '‘' | '’') {
            i += len;
            continue;
        }
        let next = text[i + len..para.end].chars().next().unwrap_or(' ');
        // `an ""unfair" sum`: a straight mark typed twice before a word is one opening mark.
        if c == '"'
            && next == '"'
            && prev.is_whitespace()
            && text[i + 2..para.end]
                .chars()
                .next()
                .is_some_and(char::is_alphanumeric)
        {
            i += len;
            continue;
        }
        let opener = match c {
            '«' => Some(Closer::Guillemet),
            '‹' => Some(Closer::SingleGuillemet),
            '“' => Some(Closer::Curly),
            '„' => Some(Closer::Low),
            '"' => Some(Closer::Straight),
            _ => None,
        };
        if c == '"'
            && matches!(
                open,
                Some(Open {
                    closer: Closer::Curly,
                    ..
                })
            )
            && next_curly < i
        {
            // Where the next curly mark is (the scan only moves forward, so the pass stays
            // linear).
            next_curly = text[i..para.end]
                .find(['”', '“'])
                .map_or(usize::MAX, |p| i + p);
        }
        // `“I think so," said Ann`: a straight mark shaped like a closing one ends a curly
        // quotation when no curly closing mark comes before the next opening one.
        let mixed_close = c == '"'
            && !prev.is_whitespace()
            && (next.is_whitespace() || next.is_ascii_punctuation())
            && !text[next_curly.min(para.end)..para.end].starts_with('”');
        let closes = |o: &Open| match (o.closer, c) {
            (Closer::Guillemet, '»') | (Closer::SingleGuillemet, '›') => true,
            (Closer::Curly, '”') | (Closer::Low, '“' | '”') => true,
            (Closer::Curly, '"') => mixed_close,
            // `" a disaster ". Then`: a mark typed apart from the words it closes, before the
            // sentence's punctuation, closes too.
            (Closer::Straight, '"') => {
                !prev.is_whitespace()
                    || next.is_whitespace()
                    || punctuation_after(&text[i + len..para.end])
            }
            _ => false,
        };
        match &mut open {
            Some(o) if o.nested && closes(o) => {
                o.nested = false;
                if let Some(r) = &mut o.first_nested
                    && r.end == r.start
                {
                    r.end = i + len;
                }
            }
            Some(o) if closes(o) => {
                push(text, out, o, i, i + len);
                open = None;
            }
            Some(o) => {
                // The same kind of opening mark again: the open quotation ran on (or lost its
                // closing mark); end it here and start the next one.
                let again = matches!(
                    (o.closer, c),
                    (Closer::Guillemet, '«')
                        | (Closer::Curly, '“')
                        | (Closer::Low, '„')
                        | (Closer::Straight, '"')
                );
                if again {
                    let inside = mid_clause(&text[o.content..i], next);
                    // Plain text nests with the same straight mark; typeset text nests with the
                    // other one, so there a second opening mark in mid-clause is a stray.
                    let nests = o.closer == Closer::Straight
                        && !o.nested
                        && inside.is_some_and(char::is_uppercase);
                    if nests {
                        o.nested = true;
                        o.first_nested.get_or_insert(i..i);
                    } else {
                        let stray = inside.is_some();
                        // `"…to 'wait and see', the body said in its report. Growth fell.
                        // "The…" it noted`: a cue after a comma shows where a lost closing mark
                        // stood; the next mark opens a quotation of its own, no run-on.
                        let lost = if stray {
                            None
                        } else {
                            lost_close_before_cue(text, o.content..i)
                        };
                        if let Some(end) = lost {
                            push(text, out, o, end, end);
                        } else if !stray {
                            push(text, out, o, i, i);
                        }
                        open = Some(Open {
                            mark: i,
                            content: i + len,
                            closer: opener.unwrap_or(o.closer),
                            run_on: !stray && lost.is_none(),
                            nested: false,
                            first_nested: None,
                        });
                    }
                }
            }
            None => {
                // `(”Like this”)`: a closing mark after a space or a bracket, before a word,
                // can only open (a closing mark follows its words).
                let opener = opener.or_else(|| {
                    (c == '”'
                        && (prev.is_whitespace() || matches!(prev, '(' | '['))
                        && next.is_alphanumeric())
                    .then_some(Closer::Curly)
                });
                // `was " a worry about the region". Washington argues…`: a straight mark after
                // a word and before the sentence's punctuation has the shape of a closing one;
                // with no quotation open, its opening mark was lost, and the words after it are
                // the writer's.
                let closing_shape = c == '"'
                    && prev.is_alphanumeric()
                    && matches!(next, '.' | ',' | ';' | ':' | '!' | '?' | ')');
                // `said: " We will not back down," and left`: an opening mark typed apart from
                // its words still opens, where it stands apart from the word before too.
                let spaced =
                    next.is_whitespace() && spaced_opening(text, prev, c, i + len, para.end);
                if let Some(closer) = opener
                    && (!next.is_whitespace() || spaced)
                    && !closing_shape
                    && !punctuation_after(&text[i + len..para.end])
                {
                    open = Some(Open {
                        mark: i,
                        content: i + len,
                        closer,
                        run_on: false,
                        nested: false,
                        first_nested: None,
                    });
                }
            }
        }
        i += len;
    }
    if let Some(o) = open {
        match o.first_nested.clone() {
            // Left open with a quotation nested in it, and the next paragraph does not go on
            // with the speech: the writer lost a closing mark, and the words after the nested
            // quotation may well be the writer's. Keep what is sure to be quoted: the outer
            // quotation up to the nested one, and the nested one.
            Some(inner) if !opens_quotation(&text[para.end..]) => {
                push(text, out, &o, inner.start, inner.start);
                let (content_end, end) = if inner.end > inner.start {
                    (inner.end - 1, inner.end)
                } else {
                    (para.end, para.end)
                };
                let nested = Open {
                    mark: inner.start,
                    content: inner.start + 1,
                    closer: o.closer,
                    run_on: true,
                    nested: false,
                    first_nested: None,
                };
                push(text, out, &nested, content_end, end);
            }
            // Left open, and the next paragraph does not go on with it: a closing mark was
            // lost. A cue after a comma (`…is sound, she said. Then the council…`) shows where
            // it stood; the words after the cue are the writer's.
            _ if !opens_quotation(&text[para.end..]) => {
                match lost_close_before_cue(text, o.content..para.end) {
                    Some(end) => push(text, out, &o, end, end),
                    None => push(text, out, &o, para.end, para.end),
                }
            }
            _ => push(text, out, &o, para.end, para.end),
        }
    }
}

/// In a quotation whose closing mark was lost, where that mark stood: just after the first
/// comma, question mark or exclamation mark followed by a cue (`, she said.`, `, said Roe,`,
/// `? asked the mayor.`), a clause of a few words with a verb of saying, ending at punctuation.
/// A cue in the first person (`, I said,`) is the speaker's own words, and stays in.
fn lost_close_before_cue(text: &str, content: Range<usize>) -> Option<usize> {
    let body = &text[content.clone()];
    let bytes = body.as_bytes();
    let mut from = 0;
    while let Some(p) = body[from..].find([',', '?', '!']) {
        let at = from + p + 1;
        from = at;
        if !bytes.get(at).is_some_and(u8::is_ascii_whitespace) {
            continue;
        }
        if is_cue_clause(&body[at..]) {
            return Some(content.start + at);
        }
    }
    None
}

/// Whether `rest` opens with a cue clause: at most six words, one of them a verb of saying,
/// the last ending in a full stop, comma or colon (or the paragraph's end). It opens with its
/// subject (a third-person pronoun, a determiner, a name) or its verb: a first-person cue
/// (`, I said,`) is the speaker's own words, and a clause opening with a conjunction (`, as
/// the report says,`) is part of the sentence quoted.
fn is_cue_clause(rest: &str) -> bool {
    let mut verb = false;
    let mut words = rest.split_whitespace();
    for (n, w) in words.by_ref().take(6).enumerate() {
        let word = w.trim_end_matches(['.', ',', ':', ';']);
        let mut buf = [0; 16];
        let lw = lower(word, &mut buf);
        let says = SAY_VERBS.contains(lw);
        if n == 0
            && !says
            && !word.starts_with(char::is_uppercase)
            && !matches!(
                lw,
                "he" | "she" | "they" | "it" | "the" | "a" | "an" | "his" | "her" | "its" | "their"
            )
        {
            return false;
        }
        if n == 0 && matches!(word, "I" | "We" | "You") {
            return false;
        }
        // `, said Roe,`, `, said the mayor.`: a verb opening the clause has its subject after
        // it; `, said it would also help,` is a sentence of the writer's.
        if n == 1
            && verb
            && !(word.starts_with(char::is_uppercase)
                || matches!(lw, "the" | "a" | "an" | "his" | "her" | "its" | "their"))
        {
            return false;
        }
        verb |= says;
        if word.len() < w.len() {
            return verb;
        }
    }
    verb && words.next().is_none()
}

/// Whether a mark with a space after it opens a quotation typed apart from its words (`said:
/// “ We will…`, `said " We will…"`): it stands after a space, a bracket or a colon (a closing
/// mark follows a word), a word comes after the space, and, for the straight mark, which is
/// also the closing one, another straight mark follows in the paragraph to close it.
fn spaced_opening(text: &str, prev: char, c: char, content: usize, end: usize) -> bool {
    if !(prev.is_whitespace() || matches!(prev, '(' | '[' | ':')) {
        return false;
    }
    let rest = &text[content..end];
    let words = rest.trim_start();
    if !words.starts_with(char::is_alphanumeric) {
        return false;
    }
    // One search per mark that opens this way; the mark it finds closes the quotation, so the
    // scan does not search the same text again.
    c != '"' || words.contains('"')
}

/// Whether the text after a mark starts with the punctuation that ends a clause (`", he
/// said`, `word " .`): words follow an opening mark, so such a mark closes or is a stray. An
/// ellipsis may open a quotation (`"...and then it fell"`).
fn punctuation_after(rest: &str) -> bool {
    let mut c = rest.chars();
    match c.next() {
        Some(',' | ';' | ':' | '!' | '?' | ')' | ']') => true,
        Some('.') => c.next() != Some('.'),
        _ => false,
    }
}

/// Whether the text after a paragraph starts with a double opening mark: a quotation that ran
/// on from the paragraph before goes on there.
fn opens_quotation(after: &str) -> bool {
    after.trim_start().starts_with(['"', '“', '«', '„', '‹'])
}

/// Where an opening mark of the same kind as the open quotation stands in the middle of a
/// clause, after a word and a space (`he was the "Old Hand"`, `golfers do: “They moan about
/// “amateurs” setting…`), rather than after the sentence's punctuation that ends a paragraph of
/// a quotation running on into the next (`"Para one. "Para two."`): the first character of the
/// open quotation's words (`before`, up to the new mark). A quotation that opened a sentence of
/// speech (a capital) holds the new one nested; one that did not (`had been "ambitious, but
/// take-up was "weak"`, `a "recruiting sergeant" for terrorists". His party…`) was a stray
/// mark, and the words between are the writer's.
fn mid_clause(before: &str, next: char) -> Option<char> {
    let gap = before.strip_suffix(' ')?;
    if !(next.is_alphanumeric() && gap.ends_with(char::is_alphanumeric)) {
        return None;
    }
    gap.trim_start().chars().next()
}

/// Two single marks typed for a double one (`’’`, `‘‘`, `‘’`, `''`), as keyboards and
/// converters leave them: the double mark they stand for, read from where the pair stands
/// (after a word it closes, before one it opens), and the pair's length in bytes.
fn doubled_single(rest: &str, prev: char) -> Option<(char, usize)> {
    let mut chars = rest.chars();
    let a = chars.next()?;
    let b = chars.next()?;
    if !matches!(a, '\'' | '‘' | '’') || !matches!(b, '\'' | '‘' | '’') {
        return None;
    }
    let len = a.len_utf8() + b.len_utf8();
    let next = chars.next().unwrap_or(' ');
    let double = if a == '\'' && b == '\'' {
        '"'
    } else if !prev.is_whitespace() && !matches!(prev, '(' | '[') {
        '”'
    } else if !next.is_whitespace() {
        '“'
    } else {
        return None;
    };
    Some((double, len))
}

fn scan_single(text: &str, gap: Range<usize>, out: &mut Vec<Span>) {
    if gap.is_empty() {
        return;
    }
    let body = &text[gap.clone()];
    // One search per mark: a search for a single character runs `memchr`, where a set of
    // characters decodes every character of the paragraph.
    if !(body.contains('\'') || body.contains('‘') || body.contains('’')) {
        return;
    }
    // (opening mark, content start)
    let mut open: Option<(usize, usize)> = None;
    // Every single mark starts with one of two bytes (`'`, or 0xE2 for `‘ ’`): jump between
    // them rather than walk every character of nearly every paragraph (English has apostrophes).
    let mut from = 0;
    while let Some(k) = memchr::memchr2(b'\'', 0xE2, &body.as_bytes()[from..]) {
        let off = from + k;
        let Some(c) = body[off..].chars().next() else {
            break;
        };
        from = off + c.len_utf8();
        if !matches!(c, '\'' | '‘' | '’') {
            continue;
        }
        let i = gap.start + off;
        let prev = body[..off].chars().next_back().unwrap_or(' ');
        let next = body[from..].chars().next().unwrap_or(' ');
        let can_open = match c {
            '‘' => !prev.is_alphanumeric() && !next.is_whitespace(),
            '\'' => (prev.is_whitespace() || matches!(prev, '(' | '[')) && next.is_alphabetic(),
            _ => false,
        };
        let can_close = matches!(c, '’' | '\'') && !prev.is_whitespace() && !next.is_alphanumeric();
        if let Some((mark, start)) = open
            && can_close
        {
            let inner = trim(text, start..i);
            if text[inner.clone()]
                .chars()
                .filter(|c| c.is_alphanumeric())
                .count()
                >= 2
            {
                out.push(Span {
                    outer: mark..i + c.len_utf8(),
                    inner,
                    run_on: false,
                    single: true,
                });
            }
            open = None;
        } else if can_open {
            open = Some((i, i + c.len_utf8()));
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn spans(s: &str) -> Vec<(String, bool, bool)> {
        let mut out = Vec::new();
        scan_paragraph(s, 0..s.len(), &mut out);
        out.iter()
            .map(|sp| (s[sp.inner.clone()].to_string(), sp.run_on, sp.single))
            .collect()
    }

    fn texts(s: &str) -> Vec<String> {
        spans(s).into_iter().map(|t| t.0).collect()
    }

    #[test]
    fn every_double_mark_style() {
        assert_eq!(
            texts("«A b» and “C d” and „E f“ and ‹G h› and \"I j\"."),
            ["A b", "C d", "E f", "G h", "I j"]
        );
    }

    #[test]
    fn run_on_straight_quote_splits_into_two() {
        let s = "He said: \"Para one. \"Para two.\" Done.";
        assert_eq!(
            spans(s),
            [
                ("Para one.".to_string(), false, false),
                ("Para two.".to_string(), true, false)
            ]
        );
    }

    #[test]
    fn an_opening_mark_in_mid_clause_before_another_is_a_stray() {
        // The first mark never closes and the next opens after a word: the words between are
        // narration, and the second pair of marks holds the quotation.
        assert_eq!(
            spans("Players do: “They moan about “experts” setting tests, he wrote."),
            [("experts".to_string(), false, false)]
        );
        assert_eq!(
            texts("The plan was \"bold, but the uptake had been \"too low\" to go on."),
            ["too low"]
        );
        // A closing mark that came out as an opening one, after the quotation had closed.
        assert_eq!(
            texts("He feared a \"long war\" for us\". Then he asked for \"new talks\" soon."),
            ["long war", "new talks"]
        );
        // A run-on paragraph ends with its punctuation, and stays two quotations.
        assert_eq!(
            texts("He said: “Para one, “Para two.” Done."),
            ["Para one,", "Para two."]
        );
    }

    #[test]
    fn a_lone_closing_mark_opens_nothing() {
        // The closing mark, after a word and before a full stop, does not open a quotation of
        // the narration.
        assert_eq!(
            texts("It was a worry for the region\". Tokyo warned him. Ann Roe said: \"No.\""),
            ["No."]
        );
        // Nor does a mark before a comma or a full stop, whatever stands before it.
        assert_eq!(
            texts("He was there \", she said \". Then he left. \"Fine.\""),
            ["Fine."]
        );
        // After a space it still opens.
        assert_eq!(
            texts("He said \"...and then it fell\"."),
            ["...and then it fell"]
        );
    }

    #[test]
    fn a_straight_mark_nested_in_a_sentence_of_speech_is_no_stray() {
        // Plain text nests with the same mark: the inner quotation stays part of the outer one,
        // which ends at its own closing mark, at the paragraph's end or where the next
        // paragraph of the quotation opens.
        assert_eq!(
            texts("She said: \"When I came, he was the \"Old Hand\" and he helped me.\" Next."),
            ["When I came, he was the \"Old Hand\" and he helped me."]
        );
        assert_eq!(
            texts("He said: \"He said he would \"fake\" a knock. \"He never did."),
            ["He said he would \"fake\" a knock.", "He never did."]
        );
        // Left open at the end of its paragraph, it runs on only when the next paragraph goes
        // on with the speech; else what follows the nested quotation may be the writer's.
        let s = "She said: \"I met the \"Old Hand\" once.\n\n\"He was kind.\"";
        let mut out = Vec::new();
        scan_paragraph(s, 0..s.find('\n').unwrap(), &mut out);
        let got: Vec<&str> = out.iter().map(|sp| &s[sp.inner.clone()]).collect();
        assert_eq!(got, ["I met the \"Old Hand\" once."]);
        assert_eq!(
            texts("She said: \"I met the \"Old Hand\" once. It was a long day."),
            ["I met the", "Old Hand"]
        );
    }

    #[test]
    fn unclosed_quote_ends_at_the_paragraph() {
        let s = "She said: «It goes on";
        let mut out = Vec::new();
        scan_paragraph(s, 0..s.len(), &mut out);
        assert_eq!(&s[out[0].inner.clone()], "It goes on");
        assert_eq!(out[0].outer.end, s.len());
    }

    #[test]
    fn an_opening_mark_typed_apart_from_its_words() {
        assert_eq!(
            texts("“ We will not back down,” Roe said. “ The plan is sound.”"),
            ["We will not back down,", "The plan is sound."]
        );
        assert_eq!(
            texts("She said: \" We will not back down,\" and left. It was \" a worry \"."),
            ["We will not back down,", "a worry"]
        );
        assert_eq!(
            texts("Roe said the plan is \" a disaster for all \". Then she left."),
            ["a disaster for all"]
        );
        // A straight mark with nothing to close it, or after a word, stays a lone mark.
        assert!(texts("It rained \" all day").is_empty());
        assert!(texts("the end\" of it").is_empty());
    }

    #[test]
    fn a_straight_mark_typed_twice_before_a_word_opens_once() {
        assert_eq!(
            texts("Roe will pay an \"\"unfair and grossly low\" sum, the suit says."),
            ["unfair and grossly low"]
        );
        // Marks typed twice after a word close a nested quotation and its outer one.
        assert_eq!(
            texts("He said: \"They called it \"a sham\"\" and left."),
            ["They called it \"a sham\""]
        );
    }

    #[test]
    fn a_lost_closing_mark_before_a_cue_ends_the_quotation_before_the_next_mark() {
        // The closing mark after `'wait and see',` was lost: the cue shows where it stood, and
        // the next mark opens a quotation of its own rather than running the first one on.
        let s = "\"Rates will stay low and the bank will 'wait and see', the agency said in \
                 its report. Growth will slow. \"The deficit is a challenge,\" it noted.";
        assert_eq!(
            spans(s),
            [
                (
                    "Rates will stay low and the bank will 'wait and see',".to_string(),
                    false,
                    false
                ),
                ("The deficit is a challenge,".to_string(), false, false)
            ]
        );
        // A run-on quotation with no cue inside still runs on.
        assert_eq!(
            spans("He said: \"We won, and we will win again. \"Next year too.\""),
            [
                ("We won, and we will win again.".to_string(), false, false),
                ("Next year too.".to_string(), true, false)
            ]
        );
    }

    #[test]
    fn a_lost_closing_mark_stood_before_the_cue() {
        let s = "Roe said: “We will not back down. It is sound, she said. Then the vote came.";
        assert_eq!(texts(s), ["We will not back down. It is sound,"]);
        assert_eq!(
            texts("“Why now? asked the mayor. The council met at noon."),
            ["Why now?"]
        );
        assert_eq!(
            texts("\"We lost, said Ann Roe, the coach. Her team went home."),
            ["We lost,"]
        );
        // The speaker's own `I said`, a clause of the quoted sentence and a sentence of the
        // writer's after a comma are no cue: the quotation runs to the paragraph's end.
        for s in [
            "He said: “So I told him, I said, this will not work.",
            "He said: “We are, as everyone says, the best team.",
            "He said: “I give my fee, hoping it helps. Acme, said it would help too.",
        ] {
            assert_eq!(texts(s), [s.split_once('“').unwrap().1]);
        }
        // A quotation going on in the next paragraph lost no mark.
        let s = "He said: “It is fine, she said, and so it is.\n\n“Yes.”";
        let mut out = Vec::new();
        scan_paragraph(s, 0..s.find('\n').unwrap(), &mut out);
        assert_eq!(
            &s[out[0].inner.clone()],
            "It is fine, she said, and so it is."
        );
    }

    #[test]
    fn apostrophes_are_not_quotes() {
        assert!(texts("Russia’s ’90s don’t rock 'n' roll the girls' team").is_empty());
    }

    #[test]
    fn single_quotes_around_words_and_nested_ones() {
        assert_eq!(
            texts("It was ‘business as usual’ and 'quite fine' there."),
            ["business as usual", "quite fine"]
        );
        // Nested single quotes stay part of the outer quotation.
        assert_eq!(
            texts("«We cannot act as if it is ‘business as usual’», he said."),
            ["We cannot act as if it is ‘business as usual’"]
        );
    }

    #[test]
    fn a_curly_quotation_closed_by_a_straight_mark() {
        assert_eq!(
            texts("“I think so,\" said Ann Lee. “It works.”"),
            ["I think so,", "It works."]
        );
        // A straight mark inside a curly quotation that closes properly stays inside.
        assert_eq!(
            texts("“He said \"no\" twice,” said Ann."),
            ["He said \"no\" twice,"]
        );
    }

    #[test]
    fn two_single_marks_stand_for_a_double_one() {
        // A doubled closing mark ends the quotation, and the cue after it stays outside.
        assert_eq!(
            texts("“We sell only local books,’’ says the 40-year-old owner."),
            ["We sell only local books,"]
        );
        // A doubled opening mark opens one, closed by a proper mark.
        assert_eq!(
            texts("Rain fell. ‘’Nobody wins a flood,” the mayor said. ‘‘We all lose.’’"),
            ["Nobody wins a flood,", "We all lose."]
        );
        assert_eq!(texts("He wrote ''plain words'' to us."), ["plain words"]);
        // One apostrophe or closing mark is still no quotation.
        assert!(texts("the girls’ team and the boys' club").is_empty());
    }

    #[test]
    fn a_closing_mark_typed_to_open() {
        assert_eq!(
            texts("his usual jokes (”Rain is wet, sun is hot”) and more"),
            ["Rain is wet, sun is hot"]
        );
        // Inches and a mark after a word stay what they are.
        assert!(texts("a 6” pipe and a word” here").is_empty());
    }

    #[test]
    fn stray_closing_marks_are_ignored() {
        assert!(texts("a» b” c").is_empty());
    }
}
