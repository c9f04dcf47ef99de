//! The library screen: three lists over one [`Library`] (its articles, the speakers across
//! them, and their incidents in time order), a filter, a sort, and a state machine of its own
//! that, like the reader's, performs no I/O and returns [`Effect`]s. `lists` computes the rows
//! of the three lists; this file is the screen's state and what keys and the mouse do.

use std::ops::Range;
use std::time::Duration;

use ratatui::crossterm::event::{KeyCode, KeyEvent, KeyModifiers, MouseButton, MouseEventKind};

use super::geometry::{CHROME_ROWS, STRIP_HEIGHT, STRIP_MIN_WIDTH};
use super::help::{Help, Quit};
use super::reader::panel::Zoom;
use super::{Effect, Outcome};
use crate::config::Config;
use crate::input::{Action, Command, KeyMode, LibraryCommand, PromptCommand};
use crate::library::feeds::FeedEvent;
use crate::library::{Entry, Origin, QuoteGroup, ShareOfVoice, SpeakerIndex, Status};

mod lists;

pub use lists::{IncidentRef, ListCursor, Sort, TimelineRow, View};

/// The whole state of the library screen.
#[derive(Debug)]
pub struct Library {
    /// The articles and what is known of them (`crate::library`, the headless core).
    shelf: crate::library::Library,
    config: Config,
    view: View,
    sort: Sort,
    /// Per view, the case-insensitive text its list is narrowed to: article title or source,
    /// speaker name, or the incident's article title, date or sentence.
    filters: [String; 3],
    /// Typing into the filter.
    filtering: bool,
    /// The help overlay, when open.
    help: Option<Help>,
    /// The time span of the timeline strip.
    zoom: Zoom,
    message: Option<String>,
    speakers: SpeakerIndex,
    /// The speaker whose quotations are listed, and the cursor in that list.
    speaker: Option<(usize, ListCursor)>,
    /// Rows of each list, as indices into entries / speakers / incidents.
    articles: Vec<usize>,
    speaker_rows: Vec<usize>,
    incidents: Vec<TimelineRow>,
    cursors: [ListCursor; 3],
    /// Per list, whether the user has moved its selection (until then it stays at the top).
    chosen: [bool; 3],
    /// Whether the timeline lists its undated incidents under their row.
    undated_open: bool,
    /// Whether the speakers tab shows its speakers as a chart of their share of voice.
    chart: bool,
    speakers_stale: bool,
    /// Rebuild the speakers index at the next refresh however few results came since (the
    /// user asked for the speakers).
    speakers_due: bool,
    /// How many entries were finished when the speakers index was last built: while results
    /// stream in it is rebuilt only as they grow by a share (see `lists::rebuild_due`).
    speakers_built: usize,
    /// When the last left click on a row happened and which row it was, to see a second one
    /// as a double-click.
    last_click: Option<(Duration, usize)>,
    size: (u16, u16),
    quit: bool,
    /// `lectern feeds`: how many feeds have been fetched (or failed), of how many.
    feeds: Option<(usize, usize)>,
}

/// Rows of the share-of-voice chart above its bars: the title, the kinds, a blank.
pub const CHART_HEADER_ROWS: u16 = 3;
/// The most bars the chart draws, however tall the screen: past this a chart is a list.
const CHART_MAX_BARS: usize = 20;

/// Two left clicks on one row within this time open it, as a double-click does in a file
/// manager (the usual desktop default is 400–500 ms).
const DOUBLE_CLICK: Duration = Duration::from_millis(400);

impl Library {
    pub fn new(library: crate::library::Library, config: Config) -> Self {
        // A folder with no dates (the BBC's) sorted by date would be in no useful order.
        let sort = if library.entries.iter().any(|e| e.date.is_some()) {
            Sort::Date
        } else {
            Sort::File
        };
        let mut view = Library {
            shelf: library,
            config,
            view: View::Articles,
            sort,
            filters: Default::default(),
            filtering: false,
            help: None,
            zoom: Zoom::default(),
            message: None,
            speakers: SpeakerIndex::default(),
            speaker: None,
            articles: Vec::new(),
            speaker_rows: Vec::new(),
            incidents: Vec::new(),
            cursors: [ListCursor::default(); 3],
            chosen: [false; 3],
            undated_open: false,
            chart: false,
            speakers_stale: true,
            speakers_due: false,
            speakers_built: 0,
            last_click: None,
            size: (0, 0),
            quit: false,
            feeds: None,
        };
        if !view.shelf.skipped.is_empty() {
            let (path, why) = &view.shelf.skipped[0];
            let n = view.shelf.skipped.len();
            view.message = Some(format!(
                "{n} {} skipped; first: {}: {why}",
                plural(n, "file", "files"),
                path.display()
            ));
        }
        view.refresh();
        view
    }

    /// The articles list in the order the user chose last time (by [`Sort::name`]), when
    /// there is one and lectern still knows it.
    #[must_use]
    pub fn with_sort(mut self, remembered: Option<&str>) -> Self {
        if let Some(sort) = remembered.and_then(Sort::from_name) {
            self.sort = sort;
            self.refresh();
        }
        self
    }

    /// A library of the items of `total` feeds, which arrive as [`Action::Feeds`]; newest
    /// first.
    #[must_use]
    pub fn with_feeds(mut self, total: usize) -> Self {
        self.feeds = Some((0, total));
        self.sort = Sort::Date;
        self.refresh();
        self
    }

    /// `lectern feeds`: how many feeds have been fetched or have failed, of how many.
    pub fn feeds_progress(&self) -> Option<(usize, usize)> {
        self.feeds
    }

    /// Takes in what the background fetch of the feeds reported.
    fn feed_events(&mut self, events: Vec<FeedEvent>) {
        for event in events {
            match event {
                FeedEvent::Items { entries, .. } => {
                    self.shelf.entries.extend(entries);
                    self.feed_done();
                }
                FeedEvent::Failed { entry, .. } => {
                    self.shelf.entries.push(entry);
                    self.feed_done();
                }
                FeedEvent::AlsoIn { .. } | FeedEvent::Retitled { .. } => {
                    crate::library::feeds::amend(&mut self.shelf.entries, &event);
                }
                FeedEvent::Analysed { done, words, notes } => {
                    // The counts of the text analysed: not over a newer read's.
                    let entry = done.entry;
                    if self.shelf.apply(done)
                        && let Some(e) = self.shelf.entries.get_mut(entry)
                    {
                        e.words = words;
                        e.notes = notes;
                    }
                }
            }
        }
        self.speakers_stale = true;
        self.refresh();
    }

    fn feed_done(&mut self) {
        if let Some((done, total)) = &mut self.feeds {
            *done = (*done + 1).min(*total);
        }
    }

    /// The articles and what is known of them.
    pub fn library(&self) -> &crate::library::Library {
        &self.shelf
    }

    /// Gives the articles back, the screen done with.
    pub fn into_library(self) -> crate::library::Library {
        self.shelf
    }

    pub fn config(&self) -> &Config {
        &self.config
    }

    /// The list on screen.
    pub fn view(&self) -> View {
        self.view
    }

    /// The order of the articles list.
    pub fn sort(&self) -> Sort {
        self.sort
    }

    /// Whether keys type into the filter.
    pub fn filtering(&self) -> bool {
        self.filtering
    }

    /// The time span of the timeline strip.
    pub fn zoom(&self) -> Zoom {
        self.zoom
    }

    /// The status bar's one-line message.
    pub fn message(&self) -> Option<&str> {
        self.message.as_deref()
    }

    /// The speakers across all articles.
    pub fn speakers(&self) -> &SpeakerIndex {
        &self.speakers
    }

    /// The speaker whose quotations are listed, and the cursor in that list.
    pub fn speaker(&self) -> Option<(usize, ListCursor)> {
        self.speaker
    }

    /// Rows of the articles list, as indices into the entries.
    pub fn articles(&self) -> &[usize] {
        &self.articles
    }

    /// Rows of the speakers list, as indices into the speakers.
    pub fn speaker_rows(&self) -> &[usize] {
        &self.speaker_rows
    }

    /// Rows of the timeline list.
    pub fn incidents(&self) -> &[TimelineRow] {
        &self.incidents
    }

    /// The cursor of each list (articles, speakers, timeline).
    pub fn cursors(&self) -> &[ListCursor; 3] {
        &self.cursors
    }

    pub fn should_quit(&self) -> bool {
        self.quit
    }

    /// Rows the timeline picture takes above the library's timeline, when there is room.
    /// The full strip over at least four rows of the list, else one line over two.
    pub fn strip_rows(&self) -> u16 {
        let (width, height) = self.size;
        if self.view != View::Timeline || width < STRIP_MIN_WIDTH {
            0
        } else if height >= STRIP_HEIGHT + CHROME_ROWS + 4 {
            STRIP_HEIGHT
        } else {
            u16::from(height > CHROME_ROWS + 2)
        }
    }

    /// Rows available to the list.
    pub fn list_height(&self) -> usize {
        // Everything above the first entry, and the status line below the last.
        usize::from(self.size.1.saturating_sub(self.first_row_y() + 1)).max(1)
    }

    pub fn key_action(&self, key: KeyEvent) -> Action {
        if self.filtering {
            return Action::Key(key);
        }
        match self.config.keymap.command(KeyMode::Library, &key) {
            Some(c) => Action::Command(c),
            None => Action::Key(key),
        }
    }

    /// Whether the speakers tab shows the share-of-voice chart (while no speaker is open).
    pub fn chart(&self) -> bool {
        self.chart
    }

    /// Whether the share-of-voice chart is on screen.
    fn charting(&self) -> bool {
        self.chart && self.view == View::Speakers && self.speaker.is_none()
    }

    /// The share-of-voice chart as this screen holds it: as many bars as fit under its header
    /// in the body (between the tab line and the status line). `ui::sources` draws exactly
    /// these, and clicks and moves go by them, so what is marked is what `enter` opens.
    pub fn voice_chart(&self) -> ShareOfVoice {
        let body = self.size.1.saturating_sub(2);
        let top = usize::from(body.saturating_sub(CHART_HEADER_ROWS)).clamp(1, CHART_MAX_BARS);
        ShareOfVoice::new(&self.speakers, &self.speaker_rows, top)
    }

    /// The rows of the speakers list that the chart's bars are, top to bottom.
    fn bar_rows(&self) -> Vec<usize> {
        self.voice_chart().bars.iter().map(|v| v.row).collect()
    }

    /// How far the help overlay is scrolled, when it is open.
    pub fn help_scroll(&self) -> Option<u16> {
        self.help.map(|h| h.scroll())
    }

    /// The cursor of the list on screen (a speaker's quotations when one is open).
    pub fn cursor(&self) -> ListCursor {
        match (self.view, &self.speaker) {
            (View::Speakers, Some((_, c))) => *c,
            _ => self.cursors[self.view.index()],
        }
    }

    /// The cursor of the list on screen, to move it: the user has now chosen in that list.
    fn cursor_mut(&mut self) -> &mut ListCursor {
        self.chosen[self.view.index()] = true;
        match (self.view, &mut self.speaker) {
            (View::Speakers, Some((_, c))) => c,
            _ => &mut self.cursors[self.view.index()],
        }
    }

    /// How many rows the list on screen has.
    pub fn rows(&self) -> usize {
        match (self.view, &self.speaker) {
            (View::Articles, _) => self.articles.len(),
            (View::Speakers, None) => self.speaker_rows.len(),
            (View::Speakers, Some((s, _))) => self.speakers.speakers[*s].shown.len(),
            (View::Timeline, _) => self.incidents.len(),
        }
    }

    pub fn update(&mut self, action: Action) -> Vec<Effect> {
        match action {
            Action::Resize { width, height } => {
                self.size = (width, height);
                if let Some(mut help) = self.help {
                    self.fit_help(&mut help);
                    self.help = Some(help);
                }
            }
            Action::Analysed(done) => {
                for d in done {
                    self.shelf.apply(d);
                }
                self.speakers_stale = true;
                self.refresh();
            }
            Action::Feeds(events) => self.feed_events(events),
            Action::Message(m) => self.message = Some(m),
            Action::Key(key) => self.key(key),
            // ctrl-c: the filter being typed is cancelled as `Esc` does, help closes; else
            // lectern quits.
            Action::Interrupt => {
                if self.filtering {
                    self.filter_key(KeyEvent::from(KeyCode::Esc), Some(PromptCommand::Cancel));
                } else if self.help.is_some() {
                    self.help = None;
                } else {
                    self.quit = true;
                    return vec![Effect::Quit];
                }
            }
            Action::Paste(text) if self.filtering => {
                let filter = self.filter_mut();
                filter.extend(text.chars().filter(|c| !c.is_control()));
                self.refresh();
            }
            // Over the help the wheel scrolls it and a click closes it; over the list the wheel
            // moves, a click selects and a double-click opens (one click does not, as a stray
            // click can't be undone by Esc).
            Action::Mouse { event: m, at } => match (m.kind, &mut self.help) {
                (MouseEventKind::ScrollDown, Some(help)) => help.wheel(true),
                (MouseEventKind::ScrollUp, Some(help)) => help.wheel(false),
                (MouseEventKind::Down(_), Some(_)) => self.help = None,
                (MouseEventKind::ScrollDown, None) => self.move_by(3),
                (MouseEventKind::ScrollUp, None) => self.move_by(-3),
                (MouseEventKind::Down(MouseButton::Left), None) => {
                    let row = self.row_at(m.row);
                    // The first click selected the row; if the list moved under the pointer
                    // since (results re-sort it), the selection moved with its item.
                    let double = self.last_click.is_some_and(|(then, r)| {
                        Some(r) == row
                            && r == self.cursor().selected
                            && at.saturating_sub(then) <= DOUBLE_CLICK
                    });
                    self.last_click = row.map(|r| (at, r));
                    if double {
                        self.last_click = None;
                        return self.activate();
                    }
                    if let Some(row) = row {
                        self.cursor_mut().selected = row;
                    }
                }
                _ => {}
            },
            Action::Command(c) => {
                self.message = None;
                self.last_click = None;
                return self.command(c);
            }
            Action::Paste(_)
            | Action::NotesChanged(_)
            | Action::AnalysisReady(_)
            | Action::AnalysisFailed(_)
            | Action::ChangeReport(_)
            | Action::Opened(_) => {}
        }
        self.fit();
        Vec::new()
    }

    fn key(&mut self, key: KeyEvent) {
        if !self.filtering {
            if self.help.is_some() {
                self.help = None;
            }
            return;
        }
        let command = self
            .config
            .keymap
            .command(KeyMode::Prompt, &key)
            .and_then(Command::for_prompt);
        self.filter_key(key, command);
    }

    /// A key for the filter being typed, with what the prompt's key table (`[keys.prompt]`)
    /// makes of it: `accept` keeps the filter, `cancel` clears it, other keys are typed.
    fn filter_key(&mut self, key: KeyEvent, command: Option<PromptCommand>) {
        match command {
            Some(PromptCommand::Accept) => self.filtering = false,
            Some(PromptCommand::Cancel) => {
                self.filtering = false;
                self.filter_mut().clear();
            }
            Some(PromptCommand::ClearInput) => self.filter_mut().clear(),
            Some(PromptCommand::PickerDown | PromptCommand::PickerUp) | None => match key.code {
                KeyCode::Backspace => {
                    self.filter_mut().pop();
                }
                KeyCode::Char(c) if !key.modifiers.contains(KeyModifiers::CONTROL) => {
                    self.filter_mut().push(c);
                }
                _ => return,
            },
        }
        self.refresh();
    }

    /// Screen row of the list's first entry: under the tab line, the timeline picture, a
    /// speaker's heading, and the column header (the layout `ui::library` draws).
    pub fn first_row_y(&self) -> u16 {
        let heading = u16::from(self.view == View::Speakers && self.speaker.is_some());
        2 + self.strip_rows() + heading
    }

    /// The list entry drawn at screen row `y`: on the chart, the speaker of the bar there.
    fn row_at(&self, y: u16) -> Option<usize> {
        if self.charting() {
            // The chart's body starts under the tab line.
            let bar = usize::from(y.checked_sub(1 + CHART_HEADER_ROWS)?);
            return self.bar_rows().get(bar).copied();
        }
        let first = self.first_row_y();
        let rel = usize::from(y.checked_sub(first)?);
        let row = self.cursor().offset + rel;
        (rel < self.list_height() && row < self.rows()).then_some(row)
    }

    /// The filter of the view on screen.
    pub fn filter(&self) -> &str {
        &self.filters[self.view.index()]
    }

    fn filter_mut(&mut self) -> &mut String {
        &mut self.filters[self.view.index()]
    }

    fn move_by(&mut self, delta: isize) {
        if self.charting() {
            // Along the bars, in the chart's order, never to a speaker it does not show.
            let bars = self.bar_rows();
            let Some(last) = bars.len().checked_sub(1) else {
                return;
            };
            let at = bars
                .iter()
                .position(|&r| r == self.cursors[1].selected)
                .unwrap_or(0);
            let to = (at as isize).saturating_add(delta).clamp(0, last as isize) as usize;
            self.cursor_mut().selected = bars[to];
            return;
        }
        let len = self.rows();
        self.cursor_mut().move_by(delta, len);
    }

    /// Tells the help overlay how far it can scroll on this screen, so that it stops at its
    /// last page (and `k` right after `G` scrolls at once).
    fn fit_help(&self, help: &mut Help) {
        let screen = ratatui::layout::Rect::new(0, 0, self.size.0, self.size.1);
        let (max, rows) = super::help::limits(&self.config.keymap, super::help::LIBRARY, screen);
        help.fit(max, rows);
    }

    /// A bound command: the help overlay takes it when open; else the list does what it
    /// names, if it means something here (the reader's own commands do not).
    fn command(&mut self, c: Command) -> Vec<Effect> {
        if let Some(help) = &mut self.help {
            match help.command(c) {
                Outcome::Stay => {}
                Outcome::Closed => self.help = None,
                Outcome::Event(Quit) => {
                    self.quit = true;
                    return vec![Effect::Quit];
                }
            }
            return Vec::new();
        }
        if let Some(c) = c.for_library() {
            return self.list_command(c);
        }
        self.fit();
        Vec::new()
    }

    fn list_command(&mut self, c: LibraryCommand) -> Vec<Effect> {
        let page = self.list_height() as isize;
        let len = self.rows();
        match c {
            LibraryCommand::ScrollDown => self.move_by(1),
            LibraryCommand::ScrollUp => self.move_by(-1),
            LibraryCommand::PageDown => self.move_by(page.saturating_sub(1).max(1)),
            LibraryCommand::PageUp => self.move_by(-page.saturating_sub(1).max(1)),
            LibraryCommand::HalfPageDown => self.move_by((page / 2).max(1)),
            LibraryCommand::HalfPageUp => self.move_by(-(page / 2).max(1)),
            LibraryCommand::Top if self.charting() => self.move_by(-(len as isize)),
            LibraryCommand::Bottom if self.charting() => self.move_by(len as isize),
            LibraryCommand::Top => self.cursor_mut().move_to(0, len),
            LibraryCommand::Bottom => self.cursor_mut().move_to(len as isize, len),
            LibraryCommand::Search => {
                self.filtering = true;
                self.filter_mut().clear();
                self.refresh();
            }
            LibraryCommand::Cancel => {
                if self.view == View::Speakers && self.speaker.is_some() {
                    self.speaker = None;
                } else if self.view == View::Speakers && self.chart {
                    self.chart = false;
                } else if !self.filter().is_empty() {
                    self.filter_mut().clear();
                    self.refresh();
                }
            }
            LibraryCommand::Quit => {
                self.quit = true;
                return vec![Effect::Quit];
            }
            // From another tab, the speakers' chart; on the speakers tab, chart or list.
            LibraryCommand::SourcesChart => {
                self.chart = self.view != View::Speakers || !self.chart;
                self.speaker = None;
                self.show(View::Speakers);
            }
            LibraryCommand::Help => {
                let mut help = Help::default();
                self.fit_help(&mut help);
                self.help = Some(help);
            }
            LibraryCommand::Activate => return self.activate(),
            LibraryCommand::LibraryArticles => self.show(View::Articles),
            LibraryCommand::LibrarySpeakers => self.show(View::Speakers),
            LibraryCommand::LibraryTimeline => self.show(View::Timeline),
            LibraryCommand::NextView => {
                self.show(View::ALL[(self.view.index() + 1) % View::ALL.len()])
            }
            // Off the timeline, `z` shows it as it was; on it, switches the span.
            LibraryCommand::TimelineZoom => {
                if self.view == View::Timeline {
                    self.zoom = self.zoom.toggled();
                } else {
                    self.show(View::Timeline);
                }
                self.message = Some(self.zoom.describe().into());
            }
            LibraryCommand::CycleSort => {
                self.sort = self.sort.next();
                self.refresh();
                self.view = View::Articles;
                self.message = Some(format!("sorted by {}", self.sort.name()));
                self.fit();
                return vec![Effect::RememberSort(self.sort.name())];
            }
        }
        self.fit();
        Vec::new()
    }

    fn show(&mut self, view: View) {
        self.view = view;
        if view == View::Speakers && self.speakers_stale {
            self.speakers_due = true;
            self.refresh();
        }
    }

    /// What `Enter` does on the selected row: open the article (at the quotation or the
    /// incident's sentence), list the selected speaker's quotations, or fold or unfold the
    /// timeline's undated incidents.
    fn activate(&mut self) -> Vec<Effect> {
        let open = |entry: usize, at: Option<Range<usize>>| vec![Effect::OpenArticle { entry, at }];
        match self.view {
            View::Articles => match self.selected_entry() {
                // A feed that failed has nothing to open: its row says why; so does this.
                Some(entry) if self.shelf.entries[entry].origin == Origin::BrokenFeed => {
                    self.message = Some(self.shelf.entries[entry].title.clone());
                    Vec::new()
                }
                Some(entry) => open(entry, None),
                None => Vec::new(),
            },
            View::Speakers => match self.speaker {
                None => {
                    if let Some(&s) = self.speaker_rows.get(self.cursors[1].selected) {
                        self.speaker = Some((s, ListCursor::default()));
                    }
                    Vec::new()
                }
                Some((s, cursor)) => {
                    let Some(r) = self.speakers.speakers[s]
                        .shown
                        .get(cursor.selected)
                        .map(QuoteGroup::first)
                    else {
                        return Vec::new();
                    };
                    let range = self.shelf.entries[r.entry]
                        .summary()
                        .and_then(|sum| sum.quotes.get(r.quote))
                        .map(|q| q.range.clone());
                    open(r.entry, range)
                }
            },
            View::Timeline => match self.incidents.get(self.cursors[2].selected).copied() {
                Some(TimelineRow::Undated { open, .. }) => {
                    self.undated_open = !open;
                    self.chosen[View::Timeline.index()] = true;
                    self.refresh();
                    Vec::new()
                }
                Some(TimelineRow::Incident(i)) => {
                    let range = self.shelf.entries[i.entry]
                        .summary()
                        .and_then(|s| s.incidents.get(i.incident))
                        .map(|inc| inc.sentence.clone());
                    open(i.entry, range)
                }
                None => Vec::new(),
            },
        }
    }

    /// The article `entry` was closed with `notes` notes (they may have changed).
    pub fn closed(&mut self, entry: usize, notes: usize) {
        // What was said before the article opened (`opening …`) is over.
        self.message = None;
        if let Some(e) = self.shelf.entries.get_mut(entry) {
            e.notes = notes;
        }
        self.refresh();
    }

    /// Analysis progress: (finished, total).
    pub fn progress(&self) -> (usize, usize) {
        (self.shelf.finished(), self.shelf.entries.len())
    }

    /// The selected row of the list on screen and how many rows it has, counted from 1
    /// (`12/787`); `0/0` for an empty list.
    pub fn position(&self) -> (usize, usize) {
        let len = self.rows();
        (
            if len == 0 {
                0
            } else {
                self.cursor().selected + 1
            },
            len,
        )
    }

    /// The status of an entry as a short cell: its quotation count, `…` while pending.
    pub fn quotes_cell(entry: &Entry) -> String {
        match &entry.status {
            Status::Pending => "…".into(),
            Status::Done(s) => s.quotes.len().to_string(),
            Status::Failed(_) => "!".into(),
        }
    }
}

/// `1 file`, `2 files`: the word for `n` things.
pub fn plural<'a>(n: usize, one: &'a str, many: &'a str) -> &'a str {
    if n == 1 { one } else { many }
}
