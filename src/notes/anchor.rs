//! Finding a note's passage again in a text that may have changed since the note was made.
//!
//! The order follows the W3C Web Annotation model's advice for robust anchoring: first the
//! stored position, then the quote wherever it occurs (best context and position win), then an
//! approximate match of the quote with a bounded number of errors, and otherwise nothing: a
//! detached note is shown as such, which is better than a note silently pointing at the wrong
//! passage.

use std::ops::Range;

use super::Anchor;

/// How many chars of context are kept before and after the quote: enough to tell repeated
/// phrases apart, short enough to survive edits nearby.
pub const CONTEXT_CHARS: usize = 32;

/// Quotes longer than this (bytes) are only found exactly: approximate search costs time in
/// proportion to the quote's length, and a long passage edited beyond recognition is better
/// shown detached than guessed.
const MAX_FUZZY_BYTES: usize = 4096;

/// Bytes between two marks of [`TextIndex`]: conversions walk at most this far.
const STRIDE: usize = 64;

/// How many edits (insertions, deletions, substitutions) an approximate match of a quote of
/// `len` units may have: one in eight, so a changed word in a sentence is tolerated, while a
/// short quote (under 8 chars) must match exactly.
pub fn max_errors(len: usize) -> usize {
    len / 8
}

/// Converts between byte offsets (lectern's coordinates) and char offsets (the W3C
/// TextPositionSelector's) in O(log n + STRIDE), so anchoring a thousand notes in a long book
/// does not count chars from the start each time.
#[derive(Debug, Clone)]
pub struct TextIndex<'a> {
    text: &'a str,
    /// `(byte, chars before it)` at char boundaries about `STRIDE` bytes apart, ending with
    /// `(text.len(), total chars)`.
    marks: Vec<(usize, usize)>,
}

impl<'a> TextIndex<'a> {
    pub fn new(text: &'a str) -> Self {
        let bytes = text.as_bytes();
        let mut marks = Vec::with_capacity(text.len() / STRIDE + 2);
        let mut chars = 0;
        let mut at = 0;
        while at < bytes.len() {
            marks.push((at, chars));
            let end = ceil_boundary(text, at + STRIDE);
            // A char starts at every byte that is not a continuation byte (0x80..=0xBF):
            // counting those is one pass the compiler vectorises, not a decode of each char.
            chars += bytes[at..end]
                .iter()
                .filter(|&&b| (b as i8) >= -0x40)
                .count();
            at = end;
        }
        marks.push((text.len(), chars));
        TextIndex { text, marks }
    }

    pub fn text(&self) -> &'a str {
        self.text
    }

    /// The char offset of byte offset `byte` (rounded down to a char boundary, clamped to the
    /// end).
    pub fn char_of(&self, byte: usize) -> usize {
        let byte = floor_boundary(self.text, byte);
        let k = self
            .marks
            .partition_point(|&(b, _)| b <= byte)
            .saturating_sub(1);
        let (b, c) = self.marks[k];
        c + self.text[b..byte].chars().count()
    }

    /// The byte offset of char offset `ch`, or `None` past the end of the text.
    pub fn byte_of(&self, ch: usize) -> Option<usize> {
        let k = self
            .marks
            .partition_point(|&(_, c)| c <= ch)
            .saturating_sub(1);
        let (b, c) = self.marks[k];
        let rest = &self.text[b..];
        let need = ch.checked_sub(c)?;
        match rest.char_indices().nth(need) {
            Some((i, _)) => Some(b + i),
            None => (rest.chars().count() == need).then_some(self.text.len()),
        }
    }

    /// Describes `range` (a byte range on char boundaries) as an anchor: the quote, its
    /// context and its char position.
    pub fn anchor(&self, range: Range<usize>) -> Anchor {
        describe(self.text, range.clone(), self.char_of(range.start))
    }
}

impl Anchor {
    /// Describes `range` (a byte range on char boundaries) of `text`. Counts chars from the
    /// start instead of building a [`TextIndex`]: for one new note that is the cheaper way.
    pub fn new(text: &str, range: Range<usize>) -> Anchor {
        let start = text[..range.start].chars().count();
        describe(text, range, start)
    }
}

fn describe(text: &str, range: Range<usize>, start: usize) -> Anchor {
    let prefix_start = text[..range.start]
        .char_indices()
        .rev()
        .take(CONTEXT_CHARS)
        .last()
        .map_or(range.start, |(i, _)| i);
    let suffix_end = text[range.end..]
        .char_indices()
        .nth(CONTEXT_CHARS)
        .map_or(text.len(), |(i, _)| range.end + i);
    let exact = text[range.clone()].to_string();
    Anchor {
        prefix: text[prefix_start..range.start].to_string(),
        suffix: text[range.end..suffix_end].to_string(),
        start,
        end: start + exact.chars().count(),
        exact,
    }
}

/// Resolves many anchors at once. Anchors are visited in their old text order, and the shift
/// of the last one found is tried for the next: after an edit early in the article every later
/// note moved by the same amount, and checking that costs one comparison instead of a search
/// of the whole text.
pub fn resolve_all(text: &str, anchors: &[&Anchor]) -> Vec<Option<Range<usize>>> {
    let idx = TextIndex::new(text);
    let mut order: Vec<usize> = (0..anchors.len()).collect();
    order.sort_by_key(|&i| anchors[i].start);
    let mut out = vec![None; anchors.len()];
    let mut shift: isize = 0;
    for i in order {
        let anchor = anchors[i];
        let found = resolve(&idx, anchor, shift);
        if let Some(r) = &found {
            shift = idx.char_of(r.start) as isize - anchor.start as isize;
        }
        out[i] = found;
    }
    out
}

/// Finds `anchor` in the indexed text; `shift` (chars) is a guess of how far the passage moved.
/// Returns a byte range whose text equals the quote, or differs from it by at most
/// [`max_errors`] chars; `None` when there is no such passage.
fn resolve(idx: &TextIndex, anchor: &Anchor, shift: isize) -> Option<Range<usize>> {
    let text = idx.text();
    let exact = anchor.exact.as_str();
    if exact.is_empty() {
        return None;
    }
    let expected_char = anchor.start.saturating_add_signed(shift);
    for ch in [anchor.start, expected_char] {
        if let Some(b) = idx.byte_of(ch)
            && text[b..].starts_with(exact)
        {
            return Some(b..b + exact.len());
        }
    }
    let expected = idx.byte_of(expected_char).unwrap_or(text.len());
    best_exact(text, anchor, expected).or_else(|| best_approximate(text, anchor, expected))
}

/// The occurrence of the quote whose context agrees most with the stored prefix and suffix;
/// among equals, the one nearest the expected place (so of two copies of a passage, the note
/// stays with the one it was on).
fn best_exact(text: &str, anchor: &Anchor, expected: usize) -> Option<Range<usize>> {
    let exact = anchor.exact.as_str();
    let mut best: Option<(usize, usize, usize)> = None; // (agreement, distance, start)
    for b in occurrences(text, exact) {
        let end = b + exact.len();
        let before = text[..b]
            .chars()
            .rev()
            .zip(anchor.prefix.chars().rev())
            .take_while(|(a, b)| a == b)
            .count();
        let after = text[end..]
            .chars()
            .zip(anchor.suffix.chars())
            .take_while(|(a, b)| a == b)
            .count();
        let agreement = before + after;
        let distance = b.abs_diff(expected);
        if best.is_none_or(|(a, d, _)| agreement > a || (agreement == a && distance < d)) {
            best = Some((agreement, distance, b));
        }
    }
    best.map(|(_, _, b)| b..b + exact.len())
}

/// The passage nearest the expected place among those with the fewest edits from the quote,
/// within [`max_errors`].
///
/// Search is on bytes with Myers' bit-parallel algorithm, restricted to windows around exact
/// occurrences of pieces of the quote: a match with `k` errors leaves at least one of `k + 1`
/// pieces intact (pigeonhole), so a deleted passage is ruled out with a few substring searches
/// and the cost stays near linear in the text. The winner is then checked in chars.
fn best_approximate(text: &str, anchor: &Anchor, expected: usize) -> Option<Range<usize>> {
    let exact = anchor.exact.as_str();
    let pat = exact.as_bytes();
    let m = pat.len();
    let k_chars = max_errors(exact.chars().count());
    let k = max_errors(m);
    if m > MAX_FUZZY_BYTES || k_chars == 0 || k == 0 {
        return None;
    }
    let windows = candidate_windows(text, exact, k);
    if windows.is_empty() {
        return None;
    }
    let myers = Myers::new(pat);
    let expected_end = expected + m;
    let mut best: Option<(usize, usize, usize)> = None; // (errors, distance, end)
    let bytes = text.as_bytes();
    for w in windows {
        myers.scan(bytes[w.clone()].iter().copied(), false, |j, score| {
            let end = w.start + j;
            let distance = end.abs_diff(expected_end);
            if score <= k && best.is_none_or(|(s, d, _)| score < s || (score == s && distance < d))
            {
                best = Some((score, distance, end));
            }
        });
    }
    let (errors, _, end) = best?;
    // The start: align the reversed quote to the text read backwards from the end.
    let reversed: Vec<u8> = pat.iter().rev().copied().collect();
    let back = Myers::new(&reversed);
    let lo = end.saturating_sub(m + k);
    let mut len = None;
    back.scan(bytes[lo..end].iter().rev().copied(), true, |j, score| {
        if score == errors && len.is_none_or(|l: usize| j.abs_diff(m) < l.abs_diff(m)) {
            len = Some(j);
        }
    });
    let start = floor_boundary(text, end - len?);
    let end = ceil_boundary(text, end);
    let found = &text[start..end];
    (start < end && within_distance(exact, found, k_chars)).then_some(start..end)
}

/// Byte windows of `text` that could hold a match of `exact` with at most `k` byte errors,
/// merged and sorted; the whole text when the pieces are so common that windows would cover
/// most of it anyway.
fn candidate_windows(text: &str, exact: &str, k: usize) -> Vec<Range<usize>> {
    let m = exact.len();
    // k + 1 pieces cut at char boundaries at or before the ideal cut points; these are at least
    // five bytes apart (k ≤ m / 8), and chars are at most four bytes, so no piece is empty.
    let mut cuts: Vec<usize> = (0..=k + 1)
        .map(|i| floor_boundary(exact, i * m / (k + 1)))
        .collect();
    cuts.dedup();
    let limit = text.len() / 2;
    let mut windows = Vec::new();
    let mut covered = 0;
    for pair in cuts.windows(2) {
        let (o, piece) = (pair[0], &exact[pair[0]..pair[1]]);
        for p in occurrences(text, piece) {
            let start = p.saturating_sub(o + k);
            let end = (p.saturating_sub(o) + m + k).min(text.len());
            windows.push(start..end);
            covered += end - start;
            if covered > limit {
                return std::iter::once(0..text.len()).collect();
            }
        }
    }
    windows.sort_by_key(|w| w.start);
    let mut merged: Vec<Range<usize>> = Vec::with_capacity(windows.len());
    for w in windows {
        match merged.last_mut() {
            Some(last) if w.start <= last.end => last.end = last.end.max(w.end),
            _ => merged.push(w),
        }
    }
    merged
}

/// Every start of `needle` in `text`, overlapping ones included. A vectorised substring search:
/// the quote and its pieces are looked for in the whole text when a note moved far or was
/// edited, and `str::find` made that most of the time of re-anchoring a book's notes.
fn occurrences<'a>(text: &'a str, needle: &'a str) -> impl Iterator<Item = usize> + 'a {
    let finder = memchr::memmem::Finder::new(needle.as_bytes());
    let mut from = 0;
    std::iter::from_fn(move || {
        let p = from + finder.find(text.as_bytes().get(from..)?)?;
        // A match of UTF-8 in UTF-8 starts on a char boundary; the next may start in this one.
        from = p + text[p..].chars().next().map_or(1, char::len_utf8);
        Some(p)
    })
}

/// Myers' bit-vector edit distance (in the block form of Hyyrö and of Edlib), over bytes.
struct Myers {
    blocks: usize,
    /// `peq[byte * blocks + b]`: bit i set when pattern byte `64 * b + i` equals `byte`.
    peq: Vec<u64>,
    /// The bit of the pattern's last row in the last block.
    last_bit: u64,
    len: usize,
}

impl Myers {
    fn new(pattern: &[u8]) -> Self {
        let blocks = pattern.len().div_ceil(64).max(1);
        let mut peq = vec![0u64; 256 * blocks];
        for (i, &c) in pattern.iter().enumerate() {
            peq[c as usize * blocks + i / 64] |= 1 << (i % 64);
        }
        Myers {
            blocks,
            peq,
            last_bit: 1 << ((pattern.len().max(1) - 1) % 64),
            len: pattern.len(),
        }
    }

    /// Calls `f(j, d)` after each byte of `text`, with `d` the edit distance between the
    /// pattern and the best-matching text ending after `j` bytes: starting anywhere
    /// (`anchored == false`) or at the first byte (`anchored == true`).
    fn scan(
        &self,
        text: impl Iterator<Item = u8>,
        anchored: bool,
        mut f: impl FnMut(usize, usize),
    ) {
        let blocks = self.blocks;
        let mut pv = vec![!0u64; blocks];
        let mut mv = vec![0u64; blocks];
        let mut score = self.len;
        for (j, c) in text.enumerate() {
            let eqs = &self.peq[c as usize * blocks..(c as usize + 1) * blocks];
            // The horizontal difference entering the block from above: +1 along an anchored
            // top row (D[0][j] = j), 0 for a search (D[0][j] = 0).
            let mut hin: i8 = i8::from(anchored);
            for b in 0..blocks {
                let (p, mm) = (pv[b], mv[b]);
                let hin_neg = u64::from(hin < 0);
                let xv = eqs[b] | mm;
                let eq = eqs[b] | hin_neg;
                let xh = ((eq & p).wrapping_add(p) ^ p) | eq;
                let mut ph = mm | !(xh | p);
                let mut mh = p & xh;
                let top = if b + 1 == blocks {
                    self.last_bit
                } else {
                    1 << 63
                };
                let hout = if ph & top != 0 {
                    1
                } else if mh & top != 0 {
                    -1
                } else {
                    0
                };
                ph = (ph << 1) | u64::from(hin > 0);
                mh = (mh << 1) | hin_neg;
                pv[b] = mh | !(xv | ph);
                mv[b] = ph & xv;
                hin = hout;
            }
            score = score.saturating_add_signed(isize::from(hin));
            f(j + 1, score);
        }
    }
}

/// Whether the char edit distance between `a` and `b` is at most `k`. Rows stop early once
/// every entry exceeds `k`.
fn within_distance(a: &str, b: &str, k: usize) -> bool {
    let a: Vec<char> = a.chars().collect();
    let b: Vec<char> = b.chars().collect();
    if a.len().abs_diff(b.len()) > k {
        return false;
    }
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    let mut cur = vec![0; b.len() + 1];
    for (i, ca) in a.iter().enumerate() {
        cur[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let sub = prev[j] + usize::from(ca != cb);
            cur[j + 1] = sub.min(prev[j + 1] + 1).min(cur[j] + 1);
        }
        if cur.iter().all(|&d| d > k) {
            return false;
        }
        std::mem::swap(&mut prev, &mut cur);
    }
    prev[b.len()] <= k
}

fn floor_boundary(s: &str, mut i: usize) -> usize {
    i = i.min(s.len());
    while !s.is_char_boundary(i) {
        i -= 1;
    }
    i
}

fn ceil_boundary(s: &str, mut i: usize) -> usize {
    i = i.min(s.len());
    while !s.is_char_boundary(i) {
        i += 1;
    }
    i
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    fn naive(a: &[u8], b: &[u8]) -> usize {
        let mut prev: Vec<usize> = (0..=b.len()).collect();
        for (i, ca) in a.iter().enumerate() {
            let mut cur = vec![i + 1; b.len() + 1];
            for (j, cb) in b.iter().enumerate() {
                cur[j + 1] = (prev[j] + usize::from(ca != cb))
                    .min(prev[j + 1] + 1)
                    .min(cur[j] + 1);
            }
            prev = cur;
        }
        prev[b.len()]
    }

    /// D[m][j] for j = 1..=n with a free start in the text.
    fn naive_search(pat: &[u8], text: &[u8]) -> Vec<usize> {
        let mut col: Vec<usize> = (0..=pat.len()).collect();
        let mut out = Vec::new();
        for &c in text {
            let mut next = vec![0; pat.len() + 1];
            for i in 0..pat.len() {
                next[i + 1] = (col[i] + usize::from(pat[i] != c))
                    .min(col[i + 1] + 1)
                    .min(next[i] + 1);
            }
            out.push(next[pat.len()]);
            col = next;
        }
        out
    }

    fn anchor_at(text: &str, needle: &str) -> Anchor {
        let b = text.find(needle).unwrap();
        TextIndex::new(text).anchor(b..b + needle.len())
    }

    #[test]
    fn index_converts_both_ways() {
        let text = "aé€😀b".repeat(40);
        let idx = TextIndex::new(&text);
        for (c, (b, _)) in text.char_indices().enumerate() {
            assert_eq!(idx.char_of(b), c);
            assert_eq!(idx.byte_of(c), Some(b));
        }
        let total = text.chars().count();
        assert_eq!(idx.byte_of(total), Some(text.len()));
        assert_eq!(idx.byte_of(total + 1), None);
        assert_eq!(idx.char_of(text.len() + 5), total);
    }

    #[test]
    fn anchor_keeps_context_and_char_position() {
        let text = "é".repeat(40) + "QUOTE" + &"ü".repeat(40);
        let a = anchor_at(&text, "QUOTE");
        assert_eq!(a.start, 40);
        assert_eq!(a.end, 45);
        assert_eq!(a.prefix.chars().count(), CONTEXT_CHARS);
        assert_eq!(a.suffix.chars().count(), CONTEXT_CHARS);
    }

    #[test]
    fn stored_position_then_moved_then_approximate_then_detached() {
        let text = "Alpha beta. The talks were held in Brussels on Wednesday. Omega.";
        let a = anchor_at(text, "The talks were held in Brussels on Wednesday.");
        let idx = TextIndex::new(text);
        assert_eq!(&text[resolve(&idx, &a, 0).unwrap()], a.exact);

        let moved = format!("A new first paragraph.\n\n{text}");
        let r = resolve_all(&moved, &[&a])[0].clone().unwrap();
        assert_eq!(&moved[r], a.exact);

        let edited = text.replace("were held", "was held");
        let r = resolve_all(&edited, &[&a])[0].clone().unwrap();
        assert_eq!(&edited[r], "The talks was held in Brussels on Wednesday.");

        let gone = "Alpha beta. Something else entirely happened then. Omega.";
        assert_eq!(resolve_all(gone, &[&a])[0], None);
    }

    #[test]
    fn duplicate_goes_to_nearest_copy_with_best_context() {
        let para = "Lavrov said the meeting was useful.";
        let text = format!("Intro.\n\n{para}\n\nMiddle part.\n\nOutro.");
        let a = anchor_at(&text, para);
        let dup = format!("Intro.\n\n{para}\n\n{para}\n\nMiddle part.\n\nOutro.");
        let r = resolve_all(&dup, &[&a])[0].clone().unwrap();
        assert_eq!(r.start, text.find(para).unwrap());
        // Moved away from its position: the copy with matching context wins.
        let moved = format!("Zero.\n\n{para}\n\nOther.\n\n{para}\n\nMiddle part.\n\nOutro.");
        let mut a2 = a.clone();
        a2.prefix = "Other.\n\n".to_string();
        let r = resolve_all(&moved, &[&a2])[0].clone().unwrap();
        assert_eq!(r.start, moved.rfind(para).unwrap());
    }

    #[test]
    fn short_quotes_are_never_approximate() {
        let a = anchor_at("one two three", "two");
        assert_eq!(resolve_all("one tw0 three", &[&a])[0], None);
    }

    proptest! {
        #[test]
        fn myers_agrees_with_dp(
            pat in proptest::collection::vec(0u8..4, 1..150),
            text in proptest::collection::vec(0u8..4, 0..200),
        ) {
            let m = Myers::new(&pat);
            let mut got = Vec::new();
            m.scan(text.iter().copied(), false, |_, d| got.push(d));
            prop_assert_eq!(got, naive_search(&pat, &text));
            let mut got = Vec::new();
            m.scan(text.iter().copied(), true, |j, d| got.push((j, d)));
            for &(j, d) in &got {
                prop_assert_eq!(d, naive(&pat, &text[..j]));
            }
        }

        #[test]
        fn index_agrees_with_counting_chars(s in "[a é€😀\n]{0,300}") {
            let idx = TextIndex::new(&s);
            for (c, (b, _)) in s.char_indices().enumerate() {
                prop_assert_eq!(idx.char_of(b), c);
                prop_assert_eq!(idx.byte_of(c), Some(b));
            }
            prop_assert_eq!(idx.char_of(s.len()), s.chars().count());
        }

        #[test]
        fn occurrences_overlap_like_find(text in "[ab€]{0,40}", needle in "[ab€]{1,3}") {
            let mut expected = Vec::new();
            let mut from = 0;
            while let Some(i) = text[from..].find(needle.as_str()) {
                expected.push(from + i);
                from += i + text[from + i..].chars().next().map_or(1, char::len_utf8);
            }
            prop_assert_eq!(occurrences(&text, &needle).collect::<Vec<_>>(), expected);
        }

        #[test]
        fn within_distance_matches_dp(a in "[ab]{0,20}", b in "[ab]{0,20}", k in 0usize..6) {
            prop_assert_eq!(within_distance(&a, &b, k), naive(a.as_bytes(), b.as_bytes()) <= k);
        }
    }
}
