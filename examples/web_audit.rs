//! Audit of `web::changes` on text nobody tuned it on: synthetic edits of every article under
//! a folder (`cargo run --release --example web_audit -- ../shared/data/news-unlabeled`).
//!
//! A: one word of the first speech quotation (of four words or more) replaced: the report
//! should name that quotation's wording, and nothing else about quotations.
//! B: the second sentence of the body deleted, with a note on it and one on the last sentence:
//! the first note should be detached, the second untouched; the quotations reported should be
//! those of the deleted sentence (a difference is counted and the first five are shown: most
//! are quotations whose speaker the deleted sentence named).
use lectern::analysis;
use lectern::notes::Note;
use lectern::source::{Article, LoadOptions, from_bytes};
use lectern::web::changes::{Change, compare};

fn load(t: &str) -> Article {
    from_bytes(t.as_bytes(), "a", LoadOptions::default()).unwrap()
}
fn note(text: &str, r: std::ops::Range<usize>, id: &str) -> Note {
    Note::new(id.into(), "yellow", "", text, r)
}
fn main() {
    let root = std::env::args().nth(1).unwrap();
    let mut files: Vec<_> = walk(std::path::Path::new(&root));
    files.sort();
    let (mut qa, mut qa_ok, mut qa_spur_speaker, mut qa_other_quote) = (0, 0, 0, 0);
    let (mut sb, mut sb_detached, mut sb_kept_ok, mut sb_quote_changes) = (0, 0, 0, 0);
    for f in &files {
        let bytes = std::fs::read(f).unwrap();
        let a = from_bytes(&bytes, "a", LoadOptions::default()).unwrap();
        let an = analysis::analyze(&a);
        let text = a.text();
        // A: change one word in the first speech quotation with 4+ words.
        if let Some(q) = an.quotes.quotes.iter().find(|q| {
            q.kind == analysis::quotes::QuoteKind::Speech
                && text[q.range.clone()].split_whitespace().count() >= 4
        }) {
            let qt = &text[q.range.clone()];
            let w = qt.split_whitespace().max_by_key(|w| w.len()).unwrap();
            let at = q.range.start + qt.find(w).unwrap();
            let mut edited = text.to_string();
            edited.replace_range(at..at + w.len(), "substantially");
            let b = load(&edited);
            let c = compare(&a, &b, &[]);
            qa += 1;
            let wording: Vec<_> = c.quotations.iter().filter(|x| x.wording_changed).collect();
            if wording.len() == 1
                && wording[0]
                    .new
                    .as_ref()
                    .unwrap()
                    .quote
                    .text
                    .contains("substantially")
            {
                qa_ok += 1;
            }
            if c.quotations.iter().any(|x| x.speaker_changed) {
                qa_spur_speaker += 1;
            }
            if c.quotations.iter().filter(|x| !x.wording_changed).count() > 0 {
                qa_other_quote += 1;
            }
        }
        // B: delete the second sentence of the article body (not the title); note on it and on the last sentence.
        let sents: Vec<_> = an
            .sentences
            .iter()
            .filter(|s| s.start > a.blocks()[0].range.end)
            .cloned()
            .collect();
        if sents.len() >= 4 {
            let del = sents[1].clone();
            let keep = sents[sents.len() - 1].clone();
            let mut end = del.end;
            while text[end..].starts_with(' ') {
                end += 1;
            }
            let mut edited = text.to_string();
            edited.replace_range(del.start..end, "");
            let b = load(&edited);
            let notes = [note(text, del.clone(), "del"), note(text, keep, "keep")];
            let c = compare(&a, &b, &notes);
            sb += 1;
            if c.notes.iter().any(|n| n.id == "del" && n.now.is_none()) {
                sb_detached += 1;
            } else {
                eprintln!(
                    "NOT DETACHED {}: {:?} -> {:?}",
                    f.display(),
                    &text[del.clone()],
                    c.notes
                        .iter()
                        .find(|n| n.id == "del")
                        .map(|n| n.now.clone())
                );
            }
            if !c.notes.iter().any(|n| n.id == "keep") {
                sb_kept_ok += 1;
            }
            let deleted_quotes = an
                .quotes
                .quotes
                .iter()
                .filter(|q| {
                    q.kind == analysis::quotes::QuoteKind::Speech
                        && q.range.start >= del.start
                        && q.range.end <= del.end
                })
                .count();
            let removed = c
                .quotations
                .iter()
                .filter(|x| x.change == Change::Removed)
                .count();
            if c.quotations.len() != deleted_quotes || removed != deleted_quotes {
                sb_quote_changes += 1;
                if sb_quote_changes <= 5 {
                    eprintln!(
                        "{}: deleted {deleted_quotes} quotes; reported {:?}",
                        f.display(),
                        c.quotations
                            .iter()
                            .map(|x| (
                                x.change,
                                x.wording_changed,
                                x.speaker_changed,
                                x.old.as_ref().map(|o| (
                                    o.speaker.clone(),
                                    o.quote.text.chars().take(40).collect::<String>()
                                )),
                                x.new.as_ref().map(|o| o.speaker.clone())
                            ))
                            .collect::<Vec<_>>()
                    );
                }
            }
        }
    }
    println!(
        "A (one word changed in a quotation): {qa} articles; exactly that reported: {qa_ok}; a speaker change also reported: {qa_spur_speaker}; other quotations reported: {qa_other_quote}"
    );
    println!(
        "B (a sentence deleted): {sb} articles; its note detached: {sb_detached}; a note elsewhere untouched: {sb_kept_ok}; quotation report differs from the quotations deleted: {sb_quote_changes}"
    );
}
fn walk(p: &std::path::Path) -> Vec<std::path::PathBuf> {
    let mut out = Vec::new();
    for e in std::fs::read_dir(p).unwrap() {
        let p = e.unwrap().path();
        if p.is_dir() {
            out.extend(walk(&p));
        } else if p.extension().is_some_and(|x| x == "txt") {
            out.push(p);
        }
    }
    out
}
