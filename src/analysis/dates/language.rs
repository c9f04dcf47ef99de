//! The language of each paragraph: dates are read in English text only.
//!
//! The grammar knows English words. In another language it misses every date and, worse,
//! finds years in counts (`1000 русских`, "1000 Russians"), so paragraphs in another language
//! are skipped, and the analysis says so. Detection is a statistical guess (`whatlang`'s
//! trigrams) and costs more than the date grammar itself, so it is asked only of paragraphs
//! that could be in another language: one written in ASCII letters alone is read as English
//! (a French or German paragraph without one accent is rare, and the grammar would find
//! nothing English in it anyway).

use std::ops::Range;

use whatlang::{Detector, Lang, Script};

/// How much of a paragraph the detector reads: its first few sentences tell its language as
/// well as all of them.
const SAMPLE: usize = 600;

/// What the language check did to a text's paragraphs.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Languages {
    /// Paragraphs looked at (those with letters).
    pub paragraphs: usize,
    /// Paragraphs whose dates were not read, being in another language.
    pub skipped: usize,
    /// The language most skipped paragraphs are in, when it is known.
    pub other: Option<Lang>,
}

impl Languages {
    /// A line for the reader when dates went unread: `dates not analysed: Russian text`, or,
    /// when only some paragraphs are in another language, how many.
    pub fn notice(&self) -> Option<String> {
        if self.skipped == 0 {
            return None;
        }
        let name = self.other.map_or("non-English", |l| l.eng_name());
        Some(if self.skipped * 2 >= self.paragraphs {
            format!("dates not analysed: {name} text")
        } else {
            format!(
                "dates not analysed in {} of {} paragraphs ({name})",
                self.skipped, self.paragraphs
            )
        })
    }
}

/// The paragraphs among `blocks` of `text` that are not in English, in text order, with the
/// tally of what was found.
pub fn foreign(
    text: &str,
    blocks: impl Iterator<Item = Range<usize>>,
) -> (Vec<Range<usize>>, Languages) {
    let detector = Detector::new();
    let mut skipped = Vec::new();
    let mut tally = Languages::default();
    let mut counts: Vec<(Lang, usize)> = Vec::new();
    for block in blocks {
        let Some(p) = text.get(block.clone()) else {
            continue;
        };
        if !p.bytes().any(|b| b.is_ascii_alphabetic() || b >= 0x80) {
            continue;
        }
        tally.paragraphs += 1;
        // Cheapest first: most paragraphs of an English text are ASCII (a vectorised check);
        // the scan for accents outside names costs less than counting function words.
        if p.is_ascii() || !p.chars().any(|c| !c.is_ascii() && c.is_alphabetic()) {
            continue;
        }
        if accents_only_in_names(p) || reads_as_english(sample(p)) {
            continue;
        }
        let Some(lang) = not_english(&detector, sample(p)) else {
            continue;
        };
        tally.skipped += 1;
        skipped.push(block);
        if let Some(lang) = lang {
            match counts.iter_mut().find(|(l, _)| *l == lang) {
                Some((_, n)) => *n += 1,
                None => counts.push((lang, 1)),
            }
        }
    }
    tally.other = counts.iter().max_by_key(|(_, n)| *n).map(|&(l, _)| l);
    (skipped, tally)
}

/// English function words make up a good share of any English sentence and almost none of
/// another language's. Counting them is cheap next to the detector's trigrams, so an English
/// paragraph that merely has accented names in it (a Russian novel in translation: `Pávlovna`
/// on every page) is known as English without asking the detector.
fn reads_as_english(p: &str) -> bool {
    const COMMON: [&str; 14] = [
        "the", "and", "of", "to", "was", "is", "that", "he", "she", "it", "with", "his", "her",
        "you",
    ];
    let (mut words, mut common) = (0usize, 0usize);
    for word in p
        .split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_empty())
    {
        words += 1;
        if COMMON.iter().any(|c| c.eq_ignore_ascii_case(word)) {
            common += 1;
        }
    }
    common >= 2 && common * 10 >= words
}

/// Every word of `p` with a letter beyond ASCII is capitalised: the accents are in names
/// (`Prince Vasíli smiled.`, `Borís blushed.`), and the rest is written in ASCII letters, as
/// English is. Another language written in Latin letters puts its accents in common words too
/// (`Gênes et Lucques … propriétés`), and one in another script in every word. Short lines of
/// dialogue in a translated novel have too few function words for [`reads_as_english`] and
/// would each cost a call to the detector.
fn accents_only_in_names(p: &str) -> bool {
    p.split(|c: char| !c.is_alphabetic())
        .filter(|w| !w.is_ascii())
        .all(|w| w.chars().next().is_some_and(char::is_uppercase))
}

/// The paragraph `p` is not in English: `Some` with its language when the detector is sure of
/// it. A paragraph in another script is not English whatever the detector makes of it; one
/// in Latin letters only when the detector is confident, since short English paragraphs with
/// a foreign name in them can look like anything.
fn not_english(detector: &Detector, p: &str) -> Option<Option<Lang>> {
    let info = detector.detect(p);
    let script = info
        .as_ref()
        .map(|i| i.script())
        .or_else(|| whatlang::detect_script(p));
    match (script, info) {
        (Some(Script::Latin), Some(i)) if i.is_reliable() && i.lang() != Lang::Eng => {
            Some(Some(i.lang()))
        }
        (Some(Script::Latin) | None, _) => None,
        (Some(_), i) => Some(i.map(|i| i.lang())),
    }
}

/// The first [`SAMPLE`] bytes of `p`, cut at a character boundary.
fn sample(p: &str) -> &str {
    &p[..p.floor_char_boundary(SAMPLE.min(p.len()))]
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(paragraphs: &[&str]) -> (Vec<usize>, Languages) {
        let text = paragraphs.join("\n\n");
        let mut ranges = Vec::new();
        let mut at = 0;
        for p in paragraphs {
            ranges.push(at..at + p.len());
            at += p.len() + 2;
        }
        let (skipped, tally) = foreign(&text, ranges.iter().cloned());
        let which = skipped
            .iter()
            .map(|r| ranges.iter().position(|x| x == r).expect("a paragraph"))
            .collect();
        (which, tally)
    }

    #[test]
    fn english_with_a_foreign_name_or_quotes_is_read() {
        let (skipped, tally) = check(&[
            "The café on the corner reopened on Monday, its owner, José Núñez, said.",
            "“We waited a long time,” she said — and then the doors opened.",
            "Plain ASCII text about the weather in March.",
        ]);
        assert!(skipped.is_empty(), "{skipped:?}");
        assert_eq!(tally.paragraphs, 3);
        assert_eq!(tally.notice(), None);
    }

    #[test]
    fn russian_and_chinese_paragraphs_are_skipped_and_named() {
        let (skipped, tally) = check(&[
            "Тогда тысяча русских солдат перешли реку и вошли в город рано утром.",
            "The army crossed the river in 1812.",
            "Князь Андрей смотрел на небо и думал о том, что всё пустое.",
        ]);
        assert_eq!(skipped, vec![0, 2]);
        assert_eq!(tally.other, Some(Lang::Rus));
        assert_eq!(
            tally.notice().as_deref(),
            Some("dates not analysed: Russian text")
        );

        let (skipped, tally) = check(&[
            "红楼梦是中国古代四大名著之一，写于十八世纪中叶。",
            "One paragraph in English.",
            "Another paragraph in English, about the war.",
        ]);
        assert_eq!(skipped, vec![0]);
        assert_eq!(
            tally.notice().as_deref(),
            Some("dates not analysed in 1 of 3 paragraphs (Mandarin)")
        );
    }

    #[test]
    fn english_function_words_settle_it_without_the_detector() {
        assert!(reads_as_english(
            "Anna Pávlovna said that the prince was late, and she smiled."
        ));
        assert!(!reads_as_english(
            "Eh bien, mon prince. Gênes et Lucques ne sont plus que des apanages."
        ));
        assert!(!reads_as_english("Всё смешалось в доме Облонских."));
    }

    #[test]
    fn accents_in_names_alone_make_no_foreign_paragraph() {
        assert!(accents_only_in_names("Prince Vasíli smiled."));
        assert!(accents_only_in_names(
            "“Settled!” replied Borís, to Natásha."
        ));
        assert!(!accents_only_in_names(
            "“Voyons, pas de bêtises!” he cried."
        ));
        assert!(!accents_only_in_names("Всё смешалось в доме Облонских."));
        assert!(!accents_only_in_names("Князь Андрей смотрел на небо."));
        let (skipped, _) = check(&["Borís blushed.", "Князь Андрей смотрел на небо."]);
        assert_eq!(skipped, vec![1]);
    }

    #[test]
    fn a_french_paragraph_in_an_english_book_is_skipped() {
        let (skipped, _) = check(&[
            "Eh bien, mon prince. Gênes et Lucques ne sont plus que des apanages, des \
             propriétés de la famille Buonaparte. Non, je vous préviens que si vous ne me dites \
             pas que nous avons la guerre, je ne vous connais plus.",
            "It was in July, 1805, and the speaker was the well-known Anna Pávlovna.",
        ]);
        assert_eq!(skipped, vec![0]);
    }
}
