//! Re-anchoring under random edits: a note is found again or detached, never attached to text
//! that does not match its quote closely.

use lectern::notes::{TextIndex, max_errors, resolve_all};
use proptest::prelude::*;

const WORDS: &[&str] = &[
    "the",
    "talks",
    "NATO",
    "Russia",
    "said",
    "café",
    "Москва",
    "council",
    "of",
    "and",
    "a",
    "meeting",
    "officials",
    "crisis",
    "—",
    "“quoted”",
    "in",
    "years",
];

fn distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut prev: Vec<usize> = (0..=b.len()).collect();
    for (i, ca) in a.chars().enumerate() {
        let mut cur = vec![i + 1; b.len() + 1];
        for (j, cb) in b.iter().enumerate() {
            cur[j + 1] = (prev[j] + usize::from(ca != *cb))
                .min(prev[j + 1] + 1)
                .min(cur[j] + 1);
        }
        prev = cur;
    }
    prev[b.len()]
}

#[derive(Debug, Clone)]
enum Edit {
    Insert(usize, String),
    Delete(usize, usize),
    Replace(usize, usize, String),
}

fn edit() -> impl Strategy<Value = Edit> {
    let words = || {
        proptest::collection::vec(proptest::sample::select(WORDS), 1..6).prop_map(|w| w.join(" "))
    };
    prop_oneof![
        (any::<usize>(), words()).prop_map(|(p, s)| Edit::Insert(p, s)),
        (any::<usize>(), 1usize..30).prop_map(|(p, n)| Edit::Delete(p, n)),
        (any::<usize>(), 1usize..8, words()).prop_map(|(p, n, s)| Edit::Replace(p, n, s)),
    ]
}

/// Applies `e` to `chars`, moving the note's char range along; returns whether the edit
/// touched the note.
fn apply(chars: &mut Vec<char>, note: &mut std::ops::Range<usize>, e: &Edit) -> bool {
    let len = chars.len();
    let (at, removed, inserted): (usize, usize, Vec<char>) = match e {
        Edit::Insert(p, s) => (p % (len + 1), 0, s.chars().collect()),
        Edit::Delete(p, n) => {
            let at = p % (len + 1);
            (at, (*n).min(len - at), Vec::new())
        }
        Edit::Replace(p, n, s) => {
            let at = p % (len + 1);
            (at, (*n).min(len - at), s.chars().collect())
        }
    };
    chars.splice(at..at + removed, inserted.iter().copied());
    let end = at + removed;
    if end <= note.start {
        let shift = inserted.len() as isize - removed as isize;
        note.start = note.start.saturating_add_signed(shift);
        note.end = note.end.saturating_add_signed(shift);
        false
    } else {
        at < note.end
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(300))]

    #[test]
    fn found_or_detached_never_wrong(
        words in proptest::collection::vec(proptest::sample::select(WORDS), 20..120),
        note_at in any::<usize>(),
        note_len in 1usize..12,
        edits in proptest::collection::vec(edit(), 0..8),
    ) {
        let text = words.join(" ");
        let idx = TextIndex::new(&text);
        let bounds: Vec<usize> = text.match_indices(' ').map(|(i, _)| i + 1).collect();
        let s = bounds[note_at % (bounds.len() - note_len)];
        let e = bounds[note_at % (bounds.len() - note_len) + note_len] - 1;
        let anchor = idx.anchor(s..e);

        let mut chars: Vec<char> = text.chars().collect();
        let mut note = anchor.start..anchor.end;
        let mut touched = false;
        for ed in &edits {
            touched |= apply(&mut chars, &mut note, ed);
        }
        let edited: String = chars.iter().collect();
        let found = resolve_all(&edited, &[&anchor]).remove(0);
        match found {
            Some(r) => {
                prop_assert!(edited.is_char_boundary(r.start) && edited.is_char_boundary(r.end));
                prop_assert!(r.start < r.end);
                let got = &edited[r];
                let limit = max_errors(anchor.exact.chars().count());
                prop_assert!(distance(&anchor.exact, got) <= limit,
                    "{:?} attached to {:?}", anchor.exact, got);
            }
            None => prop_assert!(touched, "untouched note {:?} lost in {:?}", anchor.exact, edited),
        }
        if !touched {
            let r = resolve_all(&edited, &[&anchor]).remove(0).unwrap();
            prop_assert_eq!(&edited[r], anchor.exact.as_str());
        }
    }
}
