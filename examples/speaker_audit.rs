//! Speaker audit: runs quotation attribution over folders of articles nobody tuned on and prints
//! the speakers that are not plausible entities, the bodies it only describes (`government`,
//! `police`: right when the article names no such body, to be read), the speakers the same
//! article names as a work or product (`the drama Wasp`, a title in quotation marks), then the
//! 50 most-quoted speakers.
//!
//! A rule that invents speakers (a time word, a nationality, a possessive, a document, a lone
//! lower-case word) shows up here long before it shows up in a scored set:
//!
//! ```sh
//! cargo run --release --example speaker_audit -- ../shared/data/news-unlabeled ../shared/data/bbc-library
//! ```

use std::collections::HashMap;
use std::path::{Path, PathBuf};

use lectern::analysis::quotes::{self, QuoteKind, SpeakerKind};

use lectern::source::{LoadOptions, from_bytes};

const LONE: &str = "lone lower-case word";

/// Why a speaker name cannot be a person or a body, if it cannot.
fn implausible(name: &str) -> Option<&'static str> {
    let words: Vec<&str> = name.split_whitespace().collect();
    let last = words.last().copied().unwrap_or("");
    let lower = name.to_lowercase();
    if words.is_empty() {
        return Some("empty");
    }
    if last.ends_with("'s") || last.ends_with("’s") || last.ends_with('\'') {
        return Some("possessive");
    }
    // `Mike Friday`, `Wendy Day`, `Graham Poll`: after a given name (or a title) every word is
    // part of a person's name, so a surname that is also a time word or a document is no error.
    // A lone `Friday` or `the Night` still is.
    let personal = words.len() >= 2
        && (quotes::is_given_name(words[0])
            || matches!(words[0], "Sir" | "Lord" | "Dame" | "Lady" | "Baroness"));
    let time = [
        "monday",
        "tuesday",
        "wednesday",
        "thursday",
        "friday",
        "saturday",
        "sunday",
        "january",
        "february",
        "march",
        "april",
        "june",
        "july",
        "august",
        "september",
        "october",
        "november",
        "december",
        "week",
        "weekend",
        "month",
        "year",
        "day",
        "today",
        "yesterday",
        "tomorrow",
        "tonight",
        "morning",
        "evening",
        "night",
        "christmas",
        "easter",
        "decade",
    ];
    if !personal
        && words
            .iter()
            .any(|w| time.contains(&w.to_lowercase().as_str()))
    {
        return Some("time word");
    }
    let nationality = [
        "american",
        "british",
        "irish",
        "english",
        "scottish",
        "welsh",
        "french",
        "german",
        "russian",
        "chinese",
        "japanese",
        "indian",
        "italian",
        "spanish",
        "european",
        "african",
        "canadian",
        "australian",
        "israeli",
        "palestinian",
        "iraqi",
        "iranian",
        "dutch",
        "swiss",
        "polish",
        "ukrainian",
        "korean",
        "mexican",
        "brazilian",
        "turkish",
        "greek",
        "swedish",
    ];
    if words.len() == 1 && nationality.contains(&lower.as_str()) {
        return Some("nationality");
    }
    let documents = [
        "statement",
        "report",
        "document",
        "paper",
        "study",
        "survey",
        "letter",
        "release",
        "website",
        "email",
        "memo",
        "poll",
        "book",
        "film",
    ];
    if !personal && documents.contains(&last.to_lowercase().as_str()) {
        return Some("document");
    }
    if words.len() == 1 && name.starts_with(char::is_lowercase) {
        return Some(LONE);
    }
    // `Suddenly Dólokhov`, `Eventually Roe`: a sentence adverb that opened the sentence taken
    // into the name. (`Beverly Hale` and `Kelly Smith` open with a given name; a surname that
    // ends so, `Connolly`, is rarely first.)
    let first = words[0];
    let noun_in_ly = matches!(
        first.to_lowercase().as_str(),
        "assembly" | "family" | "supply" | "daily" | "weekly" | "monthly" | "elderly" | "friendly"
    );
    if words.len() >= 2
        && first.len() >= 6
        && first.starts_with(char::is_uppercase)
        && first.ends_with("ly")
        && !first.ends_with("lly")
        && !noun_in_ly
        && !quotes::is_given_name(first)
    {
        return Some("adverb opening the name");
    }
    // `16 alliance`, `2004 report` are fragments; a number inside a name after its first word
    // is part of it (`Votes at 16 alliance`, `Group of 77`, `Andre 3000`).
    if words[0].chars().any(|c| c.is_ascii_digit())
        || (words.len() < 2 || !words[0].starts_with(char::is_uppercase))
            && name.chars().any(|c| c.is_ascii_digit())
    {
        return Some("number");
    }
    None
}

/// The titles of works and products an article gives: a quotation in title case the analysis
/// reads as a name (`the film "Red Dawn"`), and capitals right after a noun for a work (`the
/// drama Wasp`, `the film Lord of the Rings`) or right before one (`the Joshua Tree album`).
/// Lower-cased, without a leading `the`, as [`title_key`] makes them.
fn titles(text: &str, mentions: &[&str]) -> Vec<String> {
    let mut out: Vec<String> = mentions
        .iter()
        .filter(|m| title_cased(m))
        .map(|m| title_key(m))
        .collect();
    let words: Vec<&str> = text.split_whitespace().collect();
    let bare = |w: &str| {
        w.trim_matches(|c: char| !c.is_alphanumeric())
            .trim_end_matches("'s")
            .trim_end_matches("’s")
            .to_string()
    };
    let capital = |w: &str| bare(w).starts_with(char::is_uppercase);
    for (i, w) in words.iter().enumerate() {
        if !quotes::is_work_noun(w.trim_end_matches([',', '.', ';', ':'])) {
            continue;
        }
        // After the noun: `drama Wasp is`, `film Lord of the Rings.`
        let mut run = Vec::new();
        for n in &words[i + 1..] {
            let minor = matches!(*n, "of" | "the" | "and" | "in" | "on" | "a" | "to");
            if !(capital(n) || minor && !run.is_empty()) {
                break;
            }
            run.push(bare(n));
            if n.ends_with([',', '.', ';', ':', '?', '!']) {
                break;
            }
        }
        while run
            .last()
            .is_some_and(|l| !l.starts_with(char::is_uppercase))
        {
            run.pop();
        }
        // `the Mike Leigh film`, `the film Michael Moore made`: a common given name opens a
        // person's name (the maker), not a title.
        let personal = |run: &[String]| run.first().is_some_and(|f| quotes::is_given_name(f));
        if !run.is_empty() && !personal(&run) && !w.ends_with([',', '.', ';', ':']) {
            out.push(title_key(&run.join(" ")));
        }
        // Before the noun: `the Joshua Tree album`.
        let before: Vec<String> = words[..i]
            .iter()
            .rev()
            .take_while(|p| capital(p) && !p.ends_with([',', '.', ';', ':']))
            .map(|p| bare(p))
            .collect();
        let run: Vec<String> = before.into_iter().rev().collect();
        if !run.is_empty() && !personal(&run) {
            out.push(title_key(&run.join(" ")));
        }
    }
    out
}

/// Two to eight words, every one capitalised but the short ones a title leaves in lower case.
/// One quoted word is as often a nickname (`Ahmed 'Mido' Hossam`) as a title.
fn title_cased(s: &str) -> bool {
    let words: Vec<&str> = s.split_whitespace().collect();
    (2..=8).contains(&words.len())
        && words.iter().all(|w| {
            w.starts_with(|c: char| c.is_uppercase() || c.is_ascii_digit())
                || matches!(*w, "of" | "the" | "and" | "in" | "on" | "a" | "to" | "for")
        })
}

/// A title or a speaker's name compared without case, edge punctuation or a leading `the`.
fn title_key(s: &str) -> String {
    let s = s
        .trim_matches(|c: char| !c.is_alphanumeric())
        .to_lowercase();
    s.strip_prefix("the ").unwrap_or(&s).to_string()
}

fn articles(dir: &Path, out: &mut Vec<PathBuf>) {
    let Ok(entries) = std::fs::read_dir(dir) else {
        eprintln!("speaker_audit: cannot read {}", dir.display());
        return;
    };
    let mut paths: Vec<PathBuf> = entries.filter_map(|e| e.ok().map(|e| e.path())).collect();
    paths.sort();
    for p in paths {
        if p.is_dir() {
            articles(&p, out);
        } else if p
            .extension()
            .is_some_and(|e| matches!(e.to_str(), Some("txt" | "md" | "html")))
        {
            out.push(p);
        }
    }
}

fn main() {
    let dirs: Vec<PathBuf> = std::env::args().skip(1).map(PathBuf::from).collect();
    if dirs.is_empty() {
        eprintln!("usage: speaker_audit DIR...");
        std::process::exit(2);
    }
    let mut files = Vec::new();
    for d in &dirs {
        articles(d, &mut files);
    }
    // speaker name → (quotations, kind)
    let mut counts: HashMap<String, (usize, SpeakerKind)> = HashMap::new();
    let (mut speech, mut named, mut none) = (0usize, 0usize, 0usize);
    let mut by_kind: HashMap<String, usize> = HashMap::new();
    // (speaker, article) → quotations, where the article names the speaker as a work.
    let mut as_work: HashMap<(String, String), usize> = HashMap::new();
    for f in &files {
        let Ok(bytes) = std::fs::read(f) else {
            continue;
        };
        let Ok(article) = from_bytes(&bytes, &f.to_string_lossy(), LoadOptions::default()) else {
            continue;
        };
        let q = quotes::find(&article, &[]);
        let text = article.text();
        let mentions: Vec<&str> = q
            .quotes
            .iter()
            .filter(|x| x.kind == QuoteKind::Mention)
            .filter_map(|x| text.get(x.range.clone()))
            .collect();
        let works = titles(text, &mentions);
        for quote in q.quotes.iter().filter(|x| x.kind == QuoteKind::Speech) {
            speech += 1;
            let Some(s) = quote.speaker.map(|s| &q.speakers[s]) else {
                none += 1;
                continue;
            };
            named += 1;
            *by_kind.entry(format!("{:?}", s.kind)).or_default() += 1;
            counts.entry(s.name.clone()).or_insert((0, s.kind)).0 += 1;
            if s.kind != SpeakerKind::Unnamed && works.contains(&title_key(&s.name)) {
                *as_work
                    .entry((s.name.clone(), f.display().to_string()))
                    .or_default() += 1;
            }
        }
    }
    // Unnamed sources (`spokesman`, `officials`) are described, not named: not implausible.
    // A body the article only describes (`the government said`, `police said`) is listed on
    // its own: right when the article names no such body (the gold then takes the
    // description), wrong when it does (`Microsoft … The company said`), so read each.
    let mut implausible_list: Vec<(&'static str, &String, usize)> = Vec::new();
    let mut described: Vec<(&String, usize)> = Vec::new();
    for (name, &(n, kind)) in &counts {
        if kind == SpeakerKind::Unnamed {
            continue;
        }
        match implausible(name) {
            Some(LONE) if kind == SpeakerKind::Organisation => described.push((name, n)),
            Some(why) => implausible_list.push((why, name, n)),
            None => {}
        }
    }
    described.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    implausible_list.sort_by(|a, b| b.2.cmp(&a.2).then(a.1.cmp(b.1)));
    let bad: usize = implausible_list.iter().map(|x| x.2).sum();
    println!(
        "articles={} speech_quotes={speech} with_speaker={named} without_speaker={none}",
        files.len()
    );
    let mut kinds: Vec<_> = by_kind.into_iter().collect();
    kinds.sort();
    println!("by kind: {kinds:?}");
    println!(
        "implausible speakers: {} names, {bad} quotations",
        implausible_list.len()
    );
    for (why, name, n) in &implausible_list {
        println!("  {n:5}  {name}  ({why})");
    }
    let n_described: usize = described.iter().map(|x| x.1).sum();
    println!(
        "bodies only described (check the article names none): {} names, {n_described} quotations",
        described.len()
    );
    for (name, n) in &described {
        println!("  {n:5}  {name}");
    }
    let mut works: Vec<(&(String, String), &usize)> = as_work.iter().collect();
    works.sort();
    println!(
        "speakers the same article names as a work or product: {} names, {} quotations",
        works.len(),
        works.iter().map(|w| *w.1).sum::<usize>()
    );
    for ((name, file), n) in &works {
        println!("  {n:5}  {name}  ({file})");
    }
    let mut top: Vec<(&String, usize, SpeakerKind)> =
        counts.iter().map(|(k, &(n, kind))| (k, n, kind)).collect();
    top.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(b.0)));
    println!("top 50 speakers:");
    for (name, n, kind) in top.iter().take(50) {
        println!("  {n:5}  {name}  [{kind:?}]");
    }
}

#[cfg(test)]
mod tests {
    use super::{implausible, title_key, titles};

    #[test]
    fn titles_are_read_after_and_before_a_noun_for_a_work_and_from_quoted_names() {
        let text = "Her gritty drama Wasp is about a mother. In 1987, the Joshua Tree album \
                    broke records, and the film Lord of the Rings. Roe said so.";
        let found = titles(text, &["Red Dawn", "a sharp fall in sales", "Mido"]);
        for t in ["wasp", "joshua tree", "lord of the rings", "red dawn"] {
            assert!(found.contains(&t.to_string()), "{t}: {found:?}");
        }
        // The maker of a work is no title.
        let found = titles(
            "the Mike Leigh film Vera Drake, and the film Michael Moore made",
            &[],
        );
        assert_eq!(found, ["vera drake"]);
        let found = titles(text, &["Red Dawn", "a sharp fall in sales"]);
        // A speaker named only as a speaker is no title; neither are words quoted in speech.
        assert!(!found.contains(&title_key("Roe")), "{found:?}");
        assert!(!found.iter().any(|t| t.contains("sharp")), "{found:?}");
        // One quoted word is as often a nickname.
        assert!(!found.contains(&"mido".to_string()), "{found:?}");
    }

    #[test]
    fn a_surname_that_is_a_time_word_or_a_document_is_plausible() {
        assert_eq!(implausible("Mike Friday"), None);
        assert_eq!(implausible("Wendy Day"), None);
        assert_eq!(implausible("Graham Poll"), None);
        assert_eq!(implausible("Lord Nicholls of Birkenhead"), None);
        // Alone or without a given name they are still flagged.
        assert_eq!(implausible("Friday"), Some("time word"));
        assert_eq!(implausible("Night"), Some("time word"));
        assert_eq!(implausible("Christmas Day"), Some("time word"));
        assert_eq!(implausible("Beige Book"), Some("document"));
        assert_eq!(implausible("Tony Blair's"), Some("possessive"));
    }

    #[test]
    fn a_number_inside_a_name_is_plausible_one_opening_it_is_not() {
        assert_eq!(implausible("Votes at 16 alliance"), None);
        assert_eq!(implausible("Group of 77"), None);
        assert_eq!(implausible("16 alliance"), Some("number"));
        assert_eq!(implausible("2004"), Some("number"));
    }
}
