//! One list of speakers across a library, with everything each of them said.
//!
//! Each article already merges the names of a speaker (`Sergey Lavrov`, `Lavrov`, `Mr Lavrov`).
//! Across articles the same person may appear by full name in one and surname only in another,
//! so people are grouped by full name, and a one-word speaker joins the one full name with
//! that surname when the library has exactly one (two Millers stay apart rather than merge
//! wrongly). Within one article a lone unknown surname (`"…," Lavrov told reporters`) may
//! have been taken for an organisation, so the one-word rule ignores the kind: the library's
//! full names are better evidence than the article's guess. The price is that a one-word body
//! sharing the surname of exactly one quoted person (`Reuters`, `Paul Reuters`) merges with
//! them. Other organisations group by exact name. Sources the articles do not name (`a
//! spokesman`, `a senior official`) are one speaker, *unnamed sources*, never merged into a
//! named one: each of its quotations keeps the article's description of its source.

use std::collections::{BTreeSet, HashMap};

use super::{SourceKind, Summary};

/// The name the library gives the one speaker that stands for every unnamed source.
pub const UNNAMED_SOURCES: &str = "unnamed sources";

/// Words before a name that are not part of it.
const HONORIFICS: &[&str] = &[
    "mr",
    "mrs",
    "ms",
    "miss",
    "dr",
    "sir",
    "dame",
    "lord",
    "lady",
    "prof",
    "professor",
];

/// One quotation of the library: which entry, which of its summary's quotes.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub struct QuoteRef {
    pub entry: usize,
    pub quote: usize,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct IndexedSpeaker {
    /// The names (lower case, without honorifics) merged into this speaker: what finds the
    /// same speaker again after the index is rebuilt, when `Lavrov` may have become part of
    /// `Sergey Lavrov`.
    pub members: Vec<String>,
    /// The fullest name the library uses for this speaker ([`UNNAMED_SOURCES`] for them).
    pub name: String,
    pub kind: SourceKind,
    pub role: Option<String>,
    /// Every quotation, in library order (entry, then text order).
    pub quotes: Vec<QuoteRef>,
    /// The quotations as the library lists them: one quotation that several articles carry
    /// is one row with all its sources (see [`QuoteGroup`]).
    pub shown: Vec<QuoteGroup>,
    /// How many articles quote this speaker.
    pub articles: usize,
}

/// One quotation of a speaker as the articles that carry it report it: the same words in
/// several articles (two outlets quoting one statement, or a wire story run twice), each
/// article's wording compared with the first's.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct QuoteGroup {
    /// The first article's quotation, then the others, one per article, in library order.
    pub quotes: Vec<QuoteRef>,
    /// Whether any article words it differently from the first (a word changed, a clause
    /// cut): what a close reader compares.
    pub reworded: bool,
    /// The first article that words it differently (an index into `quotes`) and the words
    /// that differ from the first's: what the `≠` stands for, said when the row is selected.
    pub difference: Option<(usize, Vec<crate::web::changes::WordEdit>)>,
}

impl QuoteGroup {
    /// The quotation shown for the group: the first article's.
    pub fn first(&self) -> QuoteRef {
        self.quotes[0]
    }

    /// One line saying how an article words the quotation differently from the first:
    /// `≠ Rail Weekly: “will not” → “won't”; + “yet”`, `source` naming an entry. `None` when
    /// every article words it alike.
    pub fn difference_line(&self, source: impl Fn(usize) -> String) -> Option<String> {
        let (at, edits) = self.difference.as_ref()?;
        let quoted = |s: &str| format!("\u{201c}{s}\u{201d}");
        let words: Vec<String> = edits
            .iter()
            .map(|e| match (e.old.is_empty(), e.new.is_empty()) {
                (true, _) => format!("+ {}", quoted(&e.new)),
                (_, true) => format!("- {}", quoted(&e.old)),
                _ => format!("{} \u{2192} {}", quoted(&e.old), quoted(&e.new)),
            })
            .collect();
        Some(format!(
            "\u{2260} {}: {}",
            source(self.quotes.get(*at)?.entry),
            words.join("; ")
        ))
    }
}

/// More quotations than this for one speaker are listed one by one: the comparison of every
/// pair would cost more than it tells (unnamed sources of a large archive).
const MAX_GROUPED: usize = 2000;

/// Quotations shorter than this many words are never grouped: "No," from two articles may
/// answer two different questions, and it would group with "No, we will never sign".
const MIN_GROUPED_WORDS: usize = 4;

/// The quotations `refs` (in library order) grouped into the same quotation across articles
/// (see [`crate::web::changes::same_quotation`]): `text` gives each one's words. Two
/// quotations of one article are never grouped: an article repeating a quotation says it twice.
fn group_quotes<'a>(refs: &[QuoteRef], text: impl Fn(QuoteRef) -> &'a str) -> Vec<QuoteGroup> {
    let single = |r: &QuoteRef| QuoteGroup {
        quotes: vec![*r],
        reworded: false,
        difference: None,
    };
    if refs.len() > MAX_GROUPED {
        return refs.iter().map(single).collect();
    }
    // The excerpt's cut mark is no word of the quotation.
    let words_of = |r: QuoteRef| -> BTreeSet<String> {
        text(r)
            .trim_end_matches('…')
            .split(|c: char| !c.is_alphanumeric() && c != '\'')
            .filter(|w| !w.is_empty())
            .map(str::to_lowercase)
            .collect()
    };
    let mut groups: Vec<(QuoteGroup, BTreeSet<String>)> = Vec::new();
    for &r in refs {
        let words = words_of(r);
        let found = groups.iter_mut().find_map(|(g, first_words)| {
            if g.quotes.iter().any(|q| q.entry == r.entry) {
                return None;
            }
            // Cheap first: most pairs share too few words to be one quotation.
            let shared = first_words.intersection(&words).count();
            if shared * 2 < first_words.len().min(words.len()).max(1) {
                return None;
            }
            let (a, b) = (
                text(g.first()).trim_end_matches('…'),
                text(r).trim_end_matches('…'),
            );
            // A short quotation ("No.") says too little to be the same words as another.
            if words.len().min(first_words.len()) < MIN_GROUPED_WORDS {
                return None;
            }
            // The library keeps an excerpt of a long quotation, ending in `…`: only then is
            // the other compared as far as the excerpt goes. Two whole quotations of
            // different lengths are different words.
            let (a_cut, b_cut) = (text(g.first()).ends_with('…'), text(r).ends_with('…'));
            let n = match (a_cut, b_cut) {
                (false, false) => usize::MAX,
                (true, false) => a.chars().count(),
                (false, true) => b.chars().count(),
                (true, true) => a.chars().count().min(b.chars().count()),
            };
            let cut = |s: &str| s.chars().take(n).collect::<String>();
            // Cut only at an excerpt's end, so the words that differ are never the longer
            // one's tail shown as words taken out.
            let edits = crate::web::changes::same_quotation(&cut(a), &cut(b))?;
            Some((g, edits))
        });
        match found {
            Some((g, edits)) => {
                g.quotes.push(r);
                if !edits.is_empty() && !g.reworded {
                    g.difference = Some((g.quotes.len() - 1, edits));
                }
                g.reworded |= g.difference.is_some();
            }
            None => groups.push((single(&r), words)),
        }
    }
    groups.into_iter().map(|(g, _)| g).collect()
}

/// Speakers across the library, most quoted first.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SpeakerIndex {
    pub speakers: Vec<IndexedSpeaker>,
}

/// Lower-case name words without honorifics and stray dots (`Mr. Lavrov` → `lavrov`).
fn key(name: &str) -> String {
    let words: Vec<String> = name
        .split_whitespace()
        .map(|w| w.trim_end_matches('.').to_lowercase())
        .collect();
    let skip = words
        .iter()
        .take_while(|w| HONORIFICS.contains(&w.as_str()))
        .count()
        .min(words.len().saturating_sub(1));
    words[skip..].join(" ")
}

struct Member<'a> {
    entry: usize,
    speaker: usize,
    name: &'a str,
    role: Option<&'a str>,
    key: String,
    kind: SourceKind,
}

impl SpeakerIndex {
    /// Builds the index from the analysed entries (`(entry index, summary)`).
    pub fn build<'a>(summaries: impl IntoIterator<Item = (usize, &'a Summary)>) -> SpeakerIndex {
        let summaries: Vec<(usize, &Summary)> = summaries.into_iter().collect();
        let by_entry: HashMap<usize, &Summary> = summaries.iter().copied().collect();
        let excerpt = |r: QuoteRef| -> &str {
            by_entry
                .get(&r.entry)
                .and_then(|s| s.quotes.get(r.quote))
                .map_or("", |q| q.excerpt.as_str())
        };
        let mut members = Vec::new();
        let mut quotes: HashMap<(usize, usize), Vec<usize>> = HashMap::new();
        for (entry, summary) in summaries {
            for (i, q) in summary.quotes.iter().enumerate() {
                if let Some(s) = q.speaker {
                    quotes.entry((entry, s)).or_default().push(i);
                }
            }
            for (speaker, s) in summary.speakers.iter().enumerate() {
                members.push(Member {
                    entry,
                    speaker,
                    name: &s.name,
                    role: s.role.as_deref(),
                    key: key(&s.name),
                    kind: s.kind,
                });
            }
        }
        // Full names (two words or more) of people, by surname.
        let mut by_surname: HashMap<&str, BTreeSet<&str>> = HashMap::new();
        for m in members.iter().filter(|m| m.kind == SourceKind::Person) {
            if let Some((_, surname)) = m.key.rsplit_once(' ') {
                by_surname.entry(surname).or_default().insert(&m.key);
            }
        }
        let group_of = |m: &Member| -> (SourceKind, String) {
            if m.kind == SourceKind::Unnamed {
                return (SourceKind::Unnamed, String::new());
            }
            if !m.key.contains(' ')
                && let Some(full) = by_surname.get(m.key.as_str()).filter(|f| f.len() == 1)
                && let Some(full) = full.first()
            {
                return (SourceKind::Person, full.to_string());
            }
            // A person or a body: a lone surname taken for a body joins its person above.
            let kind = if m.kind == SourceKind::Person {
                SourceKind::Person
            } else {
                SourceKind::Organisation
            };
            (kind, m.key.clone())
        };
        let mut groups: HashMap<(SourceKind, String), Vec<&Member>> = HashMap::new();
        for m in &members {
            groups.entry(group_of(m)).or_default().push(m);
        }
        let mut speakers: Vec<IndexedSpeaker> = groups
            .into_iter()
            .filter_map(|((kind, _), group)| {
                let mut refs: Vec<QuoteRef> = group
                    .iter()
                    .flat_map(|m| {
                        let entry = m.entry;
                        quotes
                            .get(&(m.entry, m.speaker))
                            .into_iter()
                            .flatten()
                            .map(move |&quote| QuoteRef { entry, quote })
                    })
                    .collect();
                if refs.is_empty() {
                    return None;
                }
                refs.sort();
                let articles = refs.iter().map(|r| r.entry).collect::<BTreeSet<_>>().len();
                let name = if kind == SourceKind::Unnamed {
                    UNNAMED_SOURCES.to_string()
                } else {
                    group
                        .iter()
                        .map(|m| m.name)
                        .max_by_key(|n| (n.split_whitespace().count(), n.len()))
                        .unwrap_or_default()
                        .to_string()
                };
                // The role most articles give, the shortest of equals: `a spokeswoman` over
                // a relative clause one article happened to attach.
                let mut roles: HashMap<&str, usize> = HashMap::new();
                for role in group.iter().filter_map(|m| m.role) {
                    *roles.entry(role).or_default() += 1;
                }
                let role = roles
                    .into_iter()
                    .max_by_key(|&(r, n)| (n, std::cmp::Reverse(r.len()), r))
                    .map(|(r, _)| r.to_string());
                let role = role.filter(|_| kind != SourceKind::Unnamed);
                let members: BTreeSet<String> = if kind == SourceKind::Unnamed {
                    BTreeSet::from([UNNAMED_SOURCES.to_string()])
                } else {
                    group.iter().map(|m| m.key.clone()).collect()
                };
                // Unnamed sources are many people: their words are not one quotation.
                let shown = if kind == SourceKind::Unnamed {
                    refs.iter()
                        .map(|&r| QuoteGroup {
                            quotes: vec![r],
                            reworded: false,
                            difference: None,
                        })
                        .collect()
                } else {
                    group_quotes(&refs, excerpt)
                };
                Some(IndexedSpeaker {
                    members: members.into_iter().collect(),
                    name,
                    kind,
                    role,
                    quotes: refs,
                    shown,
                    articles,
                })
            })
            .collect();
        speakers.sort_by(|a, b| {
            b.quotes
                .len()
                .cmp(&a.quotes.len())
                .then_with(|| a.name.cmp(&b.name))
        });
        SpeakerIndex { speakers }
    }
}

impl IndexedSpeaker {
    /// Whether this is (or now includes) the speaker that had `members` before a rebuild.
    pub fn continues(&self, members: &[String]) -> bool {
        members
            .iter()
            .any(|m| self.members.binary_search(m).is_ok())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::library::summary::{QuoteSummary, SpeakerSummary};

    fn summary(speakers: &[(&str, bool)], quotes: &[usize]) -> Summary {
        let kinds: Vec<(&str, SourceKind)> = speakers
            .iter()
            .map(|&(name, person)| {
                let kind = if person {
                    SourceKind::Person
                } else {
                    SourceKind::Organisation
                };
                (name, kind)
            })
            .collect();
        summary_of(&kinds, quotes)
    }

    fn summary_of(speakers: &[(&str, SourceKind)], quotes: &[usize]) -> Summary {
        Summary {
            speakers: speakers
                .iter()
                .map(|&(name, kind)| SpeakerSummary {
                    name: name.into(),
                    aliases: Vec::new(),
                    role: None,
                    kind,
                })
                .collect(),
            quotes: quotes
                .iter()
                .enumerate()
                .map(|(i, &s)| QuoteSummary {
                    speaker: Some(s),
                    range: i * 10..i * 10 + 5,
                    excerpt: format!("quote {i}"),
                })
                .collect(),
            incidents: Vec::new(),
        }
    }

    #[test]
    fn surname_only_joins_the_one_full_name() {
        let a = summary(&[("Sergey Lavrov", true), ("NATO", false)], &[0, 0, 1]);
        let b = summary(&[("Lavrov", true)], &[0]);
        let c = summary(&[("Mr Lavrov", true), ("nato", false)], &[0, 1]);
        let index = SpeakerIndex::build([(0, &a), (1, &b), (2, &c)]);
        let lavrov = &index.speakers[0];
        assert_eq!(lavrov.name, "Sergey Lavrov");
        assert_eq!(lavrov.quotes.len(), 4);
        assert_eq!(lavrov.articles, 3);
        assert_eq!(lavrov.quotes[3], QuoteRef { entry: 2, quote: 0 });
        let nato = &index.speakers[1];
        assert_eq!((nato.quotes.len(), nato.articles), (2, 2));
    }

    #[test]
    fn an_ambiguous_surname_stays_apart() {
        let a = summary(&[("John Miller", true)], &[0]);
        let b = summary(&[("Anna Miller", true)], &[0]);
        let c = summary(&[("Miller", true)], &[0]);
        let index = SpeakerIndex::build([(0, &a), (1, &b), (2, &c)]);
        assert_eq!(index.speakers.len(), 3);
        assert!(index.speakers.iter().all(|s| s.quotes.len() == 1));
    }

    #[test]
    fn a_lone_surname_taken_for_a_body_still_joins_the_person() {
        let a = summary(&[("Lavrov", false)], &[0]);
        let b = summary(&[("Sergey Lavrov", true)], &[0]);
        let index = SpeakerIndex::build([(0, &a), (1, &b)]);
        assert_eq!(index.speakers.len(), 1);
        assert_eq!(index.speakers[0].articles, 2);
    }

    #[test]
    fn organisations_group_by_name_and_never_join_a_full_name() {
        let a = summary(&[("the World Bank", false)], &[0]);
        let b = summary(&[("The World Bank", false), ("Jim Bank", true)], &[0, 1]);
        let index = SpeakerIndex::build([(0, &a), (1, &b)]);
        assert_eq!(index.speakers.len(), 2);
        assert_eq!(index.speakers[0].quotes.len(), 2);
    }

    #[test]
    fn speakers_without_quotations_are_left_out() {
        let a = summary(&[("Sergey Lavrov", true), ("Someone Else", true)], &[0]);
        let index = SpeakerIndex::build([(0, &a)]);
        assert_eq!(index.speakers.len(), 1);
    }

    #[test]
    fn unnamed_sources_are_one_speaker_never_merged_into_a_named_one() {
        use SourceKind::{Person, Unnamed};
        let a = summary_of(
            &[("spokesman", Unnamed), ("John Spokesman", Person)],
            &[0, 1],
        );
        let b = summary_of(
            &[("a senior official", Unnamed), ("Official", Person)],
            &[0, 1],
        );
        let index = SpeakerIndex::build([(0, &a), (1, &b)]);
        let unnamed = index.speakers.iter().find(|s| s.kind == Unnamed).unwrap();
        assert_eq!(unnamed.name, UNNAMED_SOURCES);
        assert_eq!((unnamed.quotes.len(), unnamed.articles), (2, 2));
        let john = index.speakers.iter().find(|s| s.name == "John Spokesman");
        assert_eq!(john.map(|s| s.quotes.len()), Some(1));
        assert_eq!(index.speakers.len(), 3);
    }

    /// The groups of quotations given as (article, quotation, words).
    fn grouped(texts: &[(usize, usize, &str)]) -> Vec<QuoteGroup> {
        let refs: Vec<QuoteRef> = texts
            .iter()
            .map(|&(entry, quote, _)| QuoteRef { entry, quote })
            .collect();
        group_quotes(&refs, |r| {
            texts
                .iter()
                .find(|t| (t.0, t.1) == (r.entry, r.quote))
                .map_or("", |t| t.2)
        })
    }

    #[test]
    fn one_quotation_in_several_articles_is_one_row_with_its_rewordings_marked() {
        let texts = [
            // Two outlets, the same words; a third cuts a word; a fourth quotes other words.
            (0, 0, "We will not sign a contract we cannot pay for,"),
            (
                0,
                1,
                "The ferries are coming whether the terminal is ready or not,",
            ),
            (1, 0, "We will not sign a contract we cannot pay for,"),
            (2, 0, "We will not sign a contract we cannot yet pay for,"),
            (
                3,
                0,
                "Nobody asked the boatyards what they think of the plan,",
            ),
            // An article that repeats a quotation says it twice: two rows.
            (
                3,
                1,
                "Nobody asked the boatyards what they think of the plan,",
            ),
        ];
        let groups = grouped(&texts);
        let entries = |g: &QuoteGroup| g.quotes.iter().map(|q| q.entry).collect::<Vec<_>>();
        assert_eq!(groups.len(), 4, "{groups:?}");
        assert_eq!(entries(&groups[0]), [0, 1, 2]);
        assert!(groups[0].reworded);
        // The third article is the one that words it differently: `yet` put in.
        let (at, edits) = groups[0].difference.clone().unwrap();
        assert_eq!(groups[0].quotes[at].entry, 2);
        assert_eq!(
            edits,
            [crate::web::changes::WordEdit {
                old: String::new(),
                new: "yet".into()
            }]
        );
        assert_eq!(
            groups[0]
                .difference_line(|e| format!("outlet {e}"))
                .as_deref(),
            Some("\u{2260} outlet 2: + \u{201c}yet\u{201d}")
        );
        assert_eq!(entries(&groups[1]), [0]);
        assert_eq!(entries(&groups[2]), [3]);
        assert_eq!(entries(&groups[3]), [3]);
        // The same words in two articles, no rewording.
        let same = grouped(&texts[..3]);
        assert_eq!(entries(&same[0]), [0, 1]);
        assert!(!same[0].reworded);
    }

    #[test]
    fn a_short_quotation_or_a_whole_one_of_other_length_is_not_the_same_quotation() {
        let texts = [
            (0, 0, "No,"),
            (1, 0, "No,"),
            (2, 0, "No, the ferries will run on time this year,"),
            (3, 0, "We will not sign a contract we cannot pay for,"),
            // A whole quotation that goes on is other words; an excerpt is compared as far
            // as it goes.
            (
                4,
                0,
                "We will not sign a contract we cannot pay for, and the council knows it,",
            ),
            (5, 0, "We will not sign a contract we…"),
        ];
        let groups = grouped(&texts);
        let entries = |g: &QuoteGroup| g.quotes.iter().map(|q| q.entry).collect::<Vec<_>>();
        let grouped: Vec<Vec<usize>> = groups.iter().map(entries).collect();
        assert!(
            grouped.contains(&vec![0]) && grouped.contains(&vec![1]),
            "{grouped:?}"
        );
        assert!(grouped.contains(&vec![2]), "{grouped:?}");
        let contract = groups.iter().find(|g| g.first().entry == 3).unwrap();
        assert!(entries(contract).contains(&5), "{grouped:?}");
        assert!(
            !entries(contract).contains(&4) || contract.reworded,
            "{grouped:?}"
        );
    }

    #[test]
    fn key_drops_honorifics_but_never_the_whole_name() {
        assert_eq!(key("Mr. Sergey Lavrov"), "sergey lavrov");
        assert_eq!(key("Sir"), "sir");
    }
}
