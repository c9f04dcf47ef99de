//! Where the reader's place goes when a page is refreshed to a new version.

/// Where byte `at` of the `old` version is in the `new` one: the passage that starts there,
/// found again as a note's is (its words and context, then the closest fuzzy match). When that
/// passage is gone, the next ones are tried, so a reader whose top line was cut lands where the
/// text goes on. `None` when nothing after `at` survived.
pub fn carry(old: &str, new: &str, at: usize) -> Option<usize> {
    /// Bytes of text a probe describes, and how far apart the probes are.
    const PROBE: usize = 60;
    const STEP: usize = 240;
    const PROBES: usize = 8;
    let boundary = |mut i: usize| {
        i = i.min(old.len());
        while !old.is_char_boundary(i) {
            i += 1;
        }
        i
    };
    let mut start = boundary(at);
    for _ in 0..PROBES {
        // Skip the blank between paragraphs: a probe of whitespace matches anywhere.
        start += old[start..].len() - old[start..].trim_start().len();
        if start >= old.len() {
            return None;
        }
        let end = boundary(start + PROBE);
        let anchor = crate::notes::Anchor::new(old, start..end);
        if let Some(Some(found)) = crate::notes::resolve_all(new, &[&anchor]).first() {
            // A later probe found text past `at`: the reader lands as far before it as `at`
            // was, but not before its paragraph (what was between may be what was cut), so
            // that the text going on is read from where it goes on, not from mid-paragraph.
            let paragraph = new[..found.start].rfind("\n\n").map_or(0, |i| i + 2);
            let mut back = found
                .start
                .saturating_sub(start - at.min(start))
                .max(paragraph);
            while !new.is_char_boundary(back) {
                back += 1;
            }
            return Some(back);
        }
        start = boundary(start + STEP);
    }
    None
}
