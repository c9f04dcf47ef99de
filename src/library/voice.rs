//! Share of voice: whose quotations a set of speakers' come from, the count media analysts
//! make of coverage ("who gets to speak, and how often"). The library's speakers tab draws it
//! as bars; this is the count, UI-free.
//!
//! The bars are the most quoted speakers, and the unnamed sources as one bar whatever their
//! rank: anonymous sourcing is what close readers look for, so it is never cut off the chart.

use super::{SourceKind, SpeakerIndex};

/// One bar: a speaker (or all unnamed sources) and their quotations.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Voice {
    /// The row of the speakers list this bar is (an index into the rows given), so the list's
    /// cursor can mark it.
    pub row: usize,
    pub name: String,
    pub kind: SourceKind,
    pub quotes: usize,
}

/// The chart of a list of speakers.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ShareOfVoice {
    /// The most quoted first; the unnamed sources' bar in its place, or last when it ranks
    /// below the others shown.
    pub bars: Vec<Voice>,
    /// Quotations of all the speakers listed, shown or not.
    pub total: usize,
    /// How many speakers are listed.
    pub speakers: usize,
    /// Quotations per kind of source, in [`SourceKind::ALL`] order.
    pub by_kind: [(SourceKind, usize); 3],
}

impl ShareOfVoice {
    /// The chart of the speakers `rows` (indices into `index`, most quoted first, as the
    /// speakers list has them) with at most `top` bars.
    pub fn new(index: &SpeakerIndex, rows: &[usize], top: usize) -> Self {
        let mut by_kind = SourceKind::ALL.map(|k| (k, 0));
        let mut total = 0;
        let mut unnamed: Option<Voice> = None;
        let mut named = Vec::new();
        for (row, &s) in rows.iter().enumerate() {
            let sp = &index.speakers[s];
            let n = sp.quotes.len();
            total += n;
            if let Some(k) = by_kind.iter_mut().find(|(k, _)| *k == sp.kind) {
                k.1 += n;
            }
            if sp.kind == SourceKind::Unnamed {
                // The index keeps them as one speaker; should it ever hold more, one bar.
                let bar = unnamed.get_or_insert_with(|| Voice {
                    row,
                    name: super::UNNAMED_SOURCES.to_string(),
                    kind: SourceKind::Unnamed,
                    quotes: 0,
                });
                bar.quotes += n;
            } else {
                named.push(Voice {
                    row,
                    name: sp.name.clone(),
                    kind: sp.kind,
                    quotes: n,
                });
            }
        }
        // Stable: equal counts keep the list's order.
        named.sort_by_key(|v| std::cmp::Reverse(v.quotes));
        let mut bars = named;
        if let Some(u) = unnamed {
            let at = bars.partition_point(|v| v.quotes >= u.quotes);
            bars.insert(at, u);
        }
        if bars.len() > top {
            let keep_unnamed = bars[top..]
                .iter()
                .position(|v| v.kind == SourceKind::Unnamed)
                .map(|i| bars.remove(top + i));
            bars.truncate(top);
            if let Some(u) = keep_unnamed
                && top > 0
            {
                bars.pop();
                bars.push(u);
            }
        }
        ShareOfVoice {
            bars,
            total,
            speakers: rows.len(),
            by_kind,
        }
    }

    /// The share of all quotations listed that `quotes` is, in whole percent.
    pub fn percent(&self, quotes: usize) -> usize {
        (quotes * 100 + self.total / 2)
            .checked_div(self.total)
            .unwrap_or(0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::library::{IndexedSpeaker, QuoteGroup, QuoteRef};

    fn speaker(name: &str, kind: SourceKind, quotes: usize) -> IndexedSpeaker {
        let quotes: Vec<QuoteRef> = (0..quotes)
            .map(|quote| QuoteRef { entry: 0, quote })
            .collect();
        IndexedSpeaker {
            members: vec![name.to_lowercase()],
            name: name.to_string(),
            kind,
            role: None,
            shown: quotes
                .iter()
                .map(|&quote| QuoteGroup {
                    quotes: vec![quote],
                    reworded: false,
                    difference: None,
                })
                .collect(),
            quotes,
            articles: 1,
        }
    }

    fn index() -> SpeakerIndex {
        use SourceKind::*;
        SpeakerIndex {
            speakers: vec![
                speaker("Ann Roe", Person, 9),
                speaker("the council", Organisation, 5),
                speaker("Tom Okafor", Person, 4),
                speaker("Lee Park", Person, 2),
                speaker("unnamed sources", Unnamed, 1),
            ],
        }
    }

    #[test]
    fn counts_every_listed_quotation_by_speaker_and_kind() {
        let index = index();
        let chart = ShareOfVoice::new(&index, &[0, 1, 2, 3, 4], 10);
        let names: Vec<&str> = chart.bars.iter().map(|v| v.name.as_str()).collect();
        assert_eq!(
            names,
            [
                "Ann Roe",
                "the council",
                "Tom Okafor",
                "Lee Park",
                "unnamed sources"
            ]
        );
        assert_eq!((chart.total, chart.speakers), (21, 5));
        assert_eq!(
            chart.by_kind,
            [
                (SourceKind::Person, 15),
                (SourceKind::Organisation, 5),
                (SourceKind::Unnamed, 1)
            ]
        );
        assert_eq!(chart.percent(9), 43);
        assert_eq!(chart.bars[4].row, 4, "a bar knows its row of the list");
    }

    /// With room for three bars, the unnamed sources take the third place although they rank
    /// last: they are never cut off the chart.
    #[test]
    fn the_unnamed_sources_are_always_a_bar() {
        let index = index();
        let chart = ShareOfVoice::new(&index, &[0, 1, 2, 3, 4], 3);
        let names: Vec<&str> = chart.bars.iter().map(|v| v.name.as_str()).collect();
        assert_eq!(names, ["Ann Roe", "the council", "unnamed sources"]);
        assert_eq!(chart.total, 21, "the total counts those not shown");
    }

    /// A filtered list charts only its own speakers.
    #[test]
    fn a_filtered_list_is_charted_alone() {
        let index = index();
        let chart = ShareOfVoice::new(&index, &[2, 3], 10);
        assert_eq!(chart.total, 6);
        assert_eq!(chart.bars.len(), 2);
        assert_eq!((chart.bars[0].row, chart.bars[1].row), (0, 1));
        assert!(ShareOfVoice::new(&index, &[], 10).bars.is_empty());
        assert_eq!(ShareOfVoice::new(&index, &[], 10).percent(0), 0);
    }
}
