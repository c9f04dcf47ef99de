//! The library's three lists (articles, speakers across them, incidents in time order): their
//! rows, filtered and sorted, recomputed when entries, filter or sort change, each list's
//! selection at the top until the user moves it, then kept on the same item rather than the
//! same row number.

use std::cmp::Reverse;

use super::Library;
use crate::library::{Entry, QuoteGroup, SpeakerIndex};

/// The three lists of the library.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum View {
    Articles,
    Speakers,
    Timeline,
}

impl View {
    pub const ALL: [View; 3] = [View::Articles, View::Speakers, View::Timeline];

    pub fn title(self) -> &'static str {
        match self {
            View::Articles => "Articles",
            View::Speakers => "Speakers",
            View::Timeline => "Timeline",
        }
    }

    pub(super) fn index(self) -> usize {
        self as usize
    }
}

/// The order of the articles list.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Sort {
    /// Newest first, undated last.
    Date,
    Title,
    /// Most annotated first.
    Notes,
    /// As the files were listed (path order): the order of a folder with no dates.
    File,
}

impl Sort {
    const ALL: [Sort; 4] = [Sort::Date, Sort::Title, Sort::Notes, Sort::File];

    pub fn name(self) -> &'static str {
        match self {
            Sort::Date => "date",
            Sort::Title => "title",
            Sort::Notes => "notes",
            Sort::File => "file",
        }
    }

    /// The sort called `name` (as [`Sort::name`] writes it).
    pub fn from_name(name: &str) -> Option<Sort> {
        Sort::ALL.into_iter().find(|s| s.name() == name)
    }

    pub(super) fn next(self) -> Sort {
        match self {
            Sort::Date => Sort::Title,
            Sort::Title => Sort::Notes,
            Sort::Notes => Sort::File,
            Sort::File => Sort::Date,
        }
    }
}

/// The selected row of a list and the first row on screen.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct ListCursor {
    pub selected: usize,
    pub offset: usize,
}

impl ListCursor {
    pub(super) fn move_to(&mut self, row: isize, len: usize) {
        self.selected = row.clamp(0, len.saturating_sub(1) as isize) as usize;
    }

    pub(super) fn move_by(&mut self, delta: isize, len: usize) {
        self.move_to(self.selected as isize + delta, len);
    }

    /// Keeps the selection within `len` rows and on screen in a list `height` rows high.
    pub(super) fn fit(&mut self, len: usize, height: usize) {
        self.selected = self.selected.min(len.saturating_sub(1));
        let height = height.max(1);
        if self.selected < self.offset {
            self.offset = self.selected;
        } else if self.selected >= self.offset + height {
            self.offset = self.selected + 1 - height;
        }
        self.offset = self.offset.min(len.saturating_sub(height));
    }
}

/// One incident of the library timeline: entry and incident index in its summary.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct IncidentRef {
    pub entry: usize,
    pub incident: usize,
}

/// A row of the library timeline: an incident, or the one row that stands for all the
/// incidents with no place in time (`XXXX-04-20` in undated articles: in a folder of news they
/// can outnumber the dated ones), which `Enter` unfolds.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TimelineRow {
    Incident(IncidentRef),
    Undated {
        /// How many incidents it stands for.
        count: usize,
        /// Whether they are listed under it.
        open: bool,
    },
}

impl TimelineRow {
    pub fn incident(self) -> Option<IncidentRef> {
        match self {
            TimelineRow::Incident(r) => Some(r),
            TimelineRow::Undated { .. } => None,
        }
    }
}

/// Results since the last build of the speakers index below which it waits for more.
const REBUILD_MIN: usize = 4;
/// Libraries of at most this many articles rebuild at every result: their index is quick.
const SMALL_LIBRARY: usize = 32;

/// Whether the speakers index, built when `built` entries were finished, is rebuilt now that
/// `finished` of `total` are: building it groups every speaker's quotations (quadratic in
/// them) on the UI thread, and results arrive a few at a time, so while they stream in it is
/// rebuilt as they grow by a quarter (at least [`REBUILD_MIN`]): a few dozen builds for a
/// library of hundreds, not one per batch. The first results and the last are shown at once,
/// and a small library's every one.
fn rebuild_due(built: usize, finished: usize, total: usize) -> bool {
    built == 0
        || total <= SMALL_LIBRARY
        || finished >= total
        || finished >= built + (built / 4).max(REBUILD_MIN)
}

impl Library {
    pub(super) fn selected_entry(&self) -> Option<usize> {
        self.articles
            .get(self.cursors[View::Articles.index()].selected)
            .copied()
    }

    /// Recomputes the rows of every list after the entries, filter or sort changed, keeping
    /// each list's selection on the same item (not the same row number: results arriving in the
    /// background re-sort the lists under the user's eyes).
    pub(super) fn refresh(&mut self) {
        let selected_entry = self.selected_entry();
        let selected_speaker = self
            .speaker_rows
            .get(self.cursors[1].selected)
            .map(|&s| self.speakers.speakers[s].members.clone());
        let selected_incident = self.incidents.get(self.cursors[2].selected).copied();
        // A list the user has not moved in keeps its selection at the top while results
        // arrive and re-sort it; once chosen, the selection stays on its item.
        let chosen = self.chosen;
        let [articles, speakers, incidents] = self.filters.each_ref().map(|f| f.to_lowercase());
        let matches = |e: &Entry| {
            articles.is_empty()
                || e.title.to_lowercase().contains(&articles)
                || e.source
                    .as_deref()
                    .is_some_and(|s| s.to_lowercase().contains(&articles))
        };
        let entries = &self.shelf.entries;
        let mut rows: Vec<usize> = (0..entries.len())
            .filter(|&i| matches(&entries[i]))
            .collect();
        match self.sort {
            Sort::Date => {
                rows.sort_by_key(|&i| (entries[i].date.is_none(), Reverse(entries[i].date)))
            }
            Sort::Title => rows.sort_by_cached_key(|&i| entries[i].title.to_lowercase()),
            Sort::Notes => rows.sort_by_key(|&i| Reverse(entries[i].notes)),
            Sort::File => {}
        }
        self.articles = rows;

        let mut rows: Vec<IncidentRef> = Vec::new();
        for (entry, e) in entries.iter().enumerate() {
            let Some(s) = e.summary() else { continue };
            let title_matches = e.title.to_lowercase().contains(&incidents);
            rows.extend(
                s.incidents
                    .iter()
                    .enumerate()
                    .filter(|(_, i)| {
                        title_matches
                            || i.label.to_lowercase().contains(&incidents)
                            || i.excerpt.to_lowercase().contains(&incidents)
                    })
                    .map(|(incident, _)| IncidentRef { entry, incident }),
            );
        }
        // Listed incidents are those of analysed entries: every row has its period (or none).
        let period = |r: &IncidentRef| {
            entries[r.entry]
                .summary()
                .and_then(|s| s.incidents.get(r.incident))
                .and_then(|inc| inc.period)
        };
        let (mut dated, undated): (Vec<IncidentRef>, Vec<IncidentRef>) =
            rows.into_iter().partition(|r| period(r).is_some());
        dated.sort_by_key(|r| (period(r).map(|p| p.0), r.entry, r.incident));
        let mut rows: Vec<TimelineRow> = dated.into_iter().map(TimelineRow::Incident).collect();
        if !undated.is_empty() {
            rows.push(TimelineRow::Undated {
                count: undated.len(),
                open: self.undated_open,
            });
            if self.undated_open {
                rows.extend(undated.into_iter().map(TimelineRow::Incident));
            }
        }
        self.incidents = rows;

        let finished = self.shelf.finished();
        if self.speakers_stale
            && (self.view == View::Speakers || self.speaker.is_some())
            && (self.speakers_due || rebuild_due(self.speakers_built, finished, entries.len()))
        {
            let open = self.speaker.map(|(s, c)| {
                let speaker = &self.speakers.speakers[s];
                (
                    speaker.members.clone(),
                    speaker.shown.get(c.selected).map(QuoteGroup::first),
                    c,
                )
            });
            self.speakers = SpeakerIndex::build(
                entries
                    .iter()
                    .enumerate()
                    .filter_map(|(i, e)| Some((i, e.summary()?))),
            );
            self.speaker = open.and_then(|(members, quote, mut c)| {
                let s = self
                    .speakers
                    .speakers
                    .iter()
                    .position(|s| s.continues(&members))?;
                if let Some(row) = quote.and_then(|q| {
                    self.speakers.speakers[s]
                        .shown
                        .iter()
                        .position(|g| g.quotes.contains(&q))
                }) {
                    c.selected = row;
                }
                Some((s, c))
            });
            self.speakers_stale = false;
            self.speakers_due = false;
            self.speakers_built = finished;
        }
        self.speaker_rows = (0..self.speakers.speakers.len())
            .filter(|&s| {
                speakers.is_empty()
                    || self.speakers.speakers[s]
                        .name
                        .to_lowercase()
                        .contains(&speakers)
            })
            .collect();
        let rows = [
            selected_entry.and_then(|e| self.articles.iter().position(|&x| x == e)),
            selected_speaker.and_then(|members| {
                let speakers = &self.speakers.speakers;
                self.speaker_rows
                    .iter()
                    .position(|&s| speakers[s].continues(&members))
            }),
            selected_incident.and_then(|i| {
                self.incidents.iter().position(|&x| match (x, i) {
                    (TimelineRow::Undated { .. }, TimelineRow::Undated { .. }) => true,
                    _ => x == i,
                })
            }),
        ];
        for ((cursor, row), chosen) in self.cursors.iter_mut().zip(rows).zip(chosen) {
            match row {
                Some(row) if chosen => cursor.selected = row,
                _ if !chosen => *cursor = ListCursor::default(),
                _ => {}
            }
        }
        self.fit();
    }

    /// Keeps every list's selection within its rows and on screen.
    pub(super) fn fit(&mut self) {
        // On the chart the cursor is on a bar, so that the bar marked is what `enter` opens:
        // a speaker below the top bars (the list's cursor, a smaller screen) moves to the
        // first bar.
        if self.charting() {
            let bars = self.bar_rows();
            if !bars.is_empty() && !bars.contains(&self.cursors[1].selected) {
                self.cursors[1].selected = bars[0];
            }
        }
        let height = self.list_height();
        let lens = [
            self.articles.len(),
            self.speaker_rows.len(),
            self.incidents.len(),
        ];
        for (cursor, len) in self.cursors.iter_mut().zip(lens) {
            cursor.fit(len, height);
        }
        if let Some((s, cursor)) = &mut self.speaker {
            cursor.fit(self.speakers.speakers[*s].shown.len(), height);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::app::Action;
    use crate::input::Command;
    use crate::library::{Analysed, Analyser};

    #[test]
    fn the_speakers_index_is_rebuilt_as_results_grow_by_a_share() {
        assert!(rebuild_due(0, 1, 800), "the first results show");
        assert!(
            rebuild_due(1, 2, SMALL_LIBRARY),
            "a small library at every result"
        );
        assert!(!rebuild_due(1, 2, 800));
        assert!(rebuild_due(1, 5, 800));
        assert!(!rebuild_due(400, 499, 800));
        assert!(rebuild_due(400, 500, 800));
        assert!(rebuild_due(790, 800, 800), "the last results show");
        // Builds while 800 results arrive one at a time: a few dozen, not 800.
        let (mut built, mut builds) = (0, 0);
        for finished in 1..=800 {
            if rebuild_due(built, finished, 800) {
                built = finished;
                builds += 1;
            }
        }
        assert!(builds < 40, "{builds}");
        assert_eq!(built, 800);
    }

    /// Results that come one at a time while the speakers tab shows do not rebuild the index
    /// each time; the last one does, and so does going to the tab.
    #[test]
    fn the_speakers_tab_catches_up() {
        let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/voices");
        let files = crate::library::collect(&[dir]).unwrap();
        let (mut shelf, jobs) = crate::library::Library::open(&files, &Default::default());
        let analysed: Vec<_> = jobs
            .into_iter()
            .map(|j| Analyser::analyse_one(j, None))
            .collect();
        // More articles than a small library: the three, many times over.
        let n = SMALL_LIBRARY + 9;
        let three = shelf.entries.clone();
        shelf.entries = (0..n).map(|i| three[i % 3].clone()).collect();
        let mut done = (0..n).map(|i| Analysed {
            entry: i,
            ..analysed[i % 3].clone()
        });
        let mut lib = Library::new(shelf, crate::config::Config::defaults());
        lib.update(Action::Command(Command::LibrarySpeakers));
        let full = |lib: &Library| {
            SpeakerIndex::build(
                lib.shelf
                    .entries
                    .iter()
                    .enumerate()
                    .filter_map(|(i, e)| Some((i, e.summary()?))),
            )
        };
        lib.update(Action::Analysed(vec![done.next().unwrap()]));
        assert_eq!(lib.speakers, full(&lib), "the first results show");
        let first = lib.speakers.clone();
        lib.update(Action::Analysed(vec![done.next().unwrap()]));
        assert_eq!(lib.speakers, first, "one more result waits");
        assert_ne!(full(&lib), first);
        // Going to the tab shows what there is.
        lib.update(Action::Command(Command::LibraryArticles));
        lib.update(Action::Command(Command::LibrarySpeakers));
        assert_eq!(lib.speakers, full(&lib));
        lib.update(Action::Analysed(done.collect()));
        assert_eq!(lib.speakers, full(&lib), "the last results show");
    }
}
