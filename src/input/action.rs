//! Everything a user can ask lectern to do, by name.
//!
//! Bindable actions have a config name (`scroll_down`) and a description, both generated from
//! one table so the help overlay and the config file can never drift from the code.

use std::ops::Range;
use std::sync::Arc;
use std::time::Duration;

use ratatui::crossterm::event::{KeyEvent, MouseEvent};

use crate::analysis::Analysis;
use crate::notes::Note;
use crate::source::Article;

macro_rules! commands {
    ($($variant:ident => $name:literal, $desc:literal;)*) => {
        /// An action that can be bound to keys in the config file.
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum Command {
            $($variant,)*
        }

        impl Command {
            pub const ALL: &[Command] = &[$(Command::$variant,)*];

            /// The name used in the config file.
            pub fn name(self) -> &'static str {
                match self { $(Command::$variant => $name,)* }
            }

            /// What it does, for the help overlay.
            pub fn description(self) -> &'static str {
                match self { $(Command::$variant => $desc,)* }
            }

            pub fn from_name(name: &str) -> Option<Command> {
                match name { $($name => Some(Command::$variant),)* _ => None }
            }
        }
    };
}

commands! {
    ScrollDown => "scroll_down", "scroll down one line / next entry";
    ScrollUp => "scroll_up", "scroll up one line / previous entry";
    PageDown => "page_down", "scroll down one page";
    PageUp => "page_up", "scroll up one page";
    HalfPageDown => "half_page_down", "scroll down half a page";
    HalfPageUp => "half_page_up", "scroll up half a page";
    Top => "top", "go to the start";
    Bottom => "bottom", "go to the end";
    Search => "search", "search forward (smart case)";
    NextMatch => "next_match", "next search match";
    PrevMatch => "prev_match", "previous search match";
    Cancel => "cancel", "leave the current mode, close the popup";
    Quit => "quit", "quit lectern";
    Help => "help", "show this help";
    TogglePanel => "toggle_panel", "show or hide the side panel";
    QuotesPanel => "quotes_panel", "side panel: quotes by speaker";
    TimelinePanel => "timeline_panel", "side panel: timeline of incidents";
    NotesPanel => "notes_panel", "side panel: highlights and notes";
    FocusNext => "focus_next", "move focus between reader and panel";
    Activate => "activate", "open the selected entry / expand a speaker";
    NextQuote => "next_quote", "next quotation";
    PrevQuote => "prev_quote", "previous quotation";
    NextBySpeaker => "next_by_speaker", "next quotation by the same speaker";
    PrevBySpeaker => "prev_by_speaker", "previous quotation by the same speaker";
    PickSpeaker => "pick_speaker", "pick a speaker, then cycle their quotations";
    NextIncident => "next_incident", "next date in the text (and its incident)";
    PrevIncident => "prev_incident", "previous date in the text";
    TimelineZoom => "timeline_zoom", "timeline strip: all incidents / the span of most";
    NextNote => "next_note", "next note";
    PrevNote => "prev_note", "previous note";
    WordForward => "word_forward", "cursor to the next word";
    WordBack => "word_back", "cursor to the previous word";
    SentenceForward => "sentence_forward", "cursor to the next sentence";
    SentenceBack => "sentence_back", "cursor to the previous sentence";
    ParagraphForward => "paragraph_forward", "cursor to the next paragraph";
    ParagraphBack => "paragraph_back", "cursor to the previous paragraph";
    Visual => "visual", "start or end a selection at the cursor";
    SelectSentence => "select_sentence", "select the sentence under the cursor";
    SelectParagraph => "select_paragraph", "select the paragraph under the cursor";
    SelectQuote => "select_quote", "select the quotation under the cursor";
    Highlight => "highlight", "highlight the selection (or the sentence under the cursor)";
    Annotate => "annotate", "highlight the selection (or sentence) and write a note";
    CycleColour => "cycle_colour", "change the colour of the highlight under the cursor";
    EditNote => "edit_note", "edit the note under the cursor";
    DeleteNote => "delete_note", "delete the note under the cursor";
    ExportNotes => "export_notes", "export notes as Markdown next to the notes file";
    Refresh => "refresh", "fetch a web page again and say what changed";
    Changes => "changes", "what changed at the last refresh: paragraphs, quotations, dates, notes";
    ToggleMouse => "toggle_mouse", "mouse capture off (the terminal selects text) or on again";
    LibraryArticles => "library_articles", "library: the list of articles";
    LibrarySpeakers => "library_speakers", "library: speakers across all articles";
    LibraryTimeline => "library_timeline", "library: incidents of all articles in time order";
    NextView => "next_view", "library: the next of articles, speakers, timeline";
    CycleSort => "cycle_sort", "library: sort articles by date, title or notes";
    SourcesChart => "sources_chart", "library: share of voice, the speakers' quotations as bars (again: the list)";
    Accept => "accept", "search: keep the matches · speaker list: choose · library filter: keep it";
    ClearInput => "clear_input", "search and library filter: clear what was typed";
    PickerDown => "picker_down", "speaker list: the next speaker";
    PickerUp => "picker_up", "speaker list: the previous speaker";
    SaveNote => "save_note", "note editor: save the note";
}

/// The commands of one screen: those of the table that mean something there, so that each
/// screen's `command` matches exactly its own and has no arm that does nothing.
macro_rules! screen_commands {
    ($(#[$doc:meta])* $name:ident, $of:ident: $($variant:ident),* $(,)?) => {
        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum $name {
            $($variant,)*
        }

        impl Command {
            /// This command as the screen's own, if it means something there.
            pub fn $of(self) -> Option<$name> {
                match self {
                    $(Command::$variant => Some($name::$variant),)*
                    #[allow(unreachable_patterns)]
                    _ => None,
                }
            }
        }

        impl From<$name> for Command {
            fn from(c: $name) -> Command {
                match c {
                    $($name::$variant => Command::$variant,)*
                }
            }
        }
    };
}

screen_commands! {
    /// What the article screen does.
    ReaderCommand, for_reader:
    ScrollDown, ScrollUp, PageDown, PageUp, HalfPageDown, HalfPageUp, Top, Bottom, Search,
    NextMatch, PrevMatch, Cancel, Quit, Help, TogglePanel, QuotesPanel, TimelinePanel,
    NotesPanel, FocusNext, Activate, NextQuote, PrevQuote, NextBySpeaker, PrevBySpeaker,
    PickSpeaker, NextIncident, PrevIncident, TimelineZoom, NextNote, PrevNote, WordForward,
    WordBack, SentenceForward, SentenceBack, ParagraphForward, ParagraphBack, Visual,
    SelectSentence, SelectParagraph, SelectQuote, Highlight, Annotate, CycleColour, EditNote,
    DeleteNote, ExportNotes, Refresh, Changes,
}

screen_commands! {
    /// What the library screen does.
    LibraryCommand, for_library:
    ScrollDown, ScrollUp, PageDown, PageUp, HalfPageDown, HalfPageUp, Top, Bottom, Search,
    Cancel, Quit, Help, Activate, TimelineZoom, LibraryArticles, LibrarySpeakers,
    LibraryTimeline, NextView, CycleSort, SourcesChart,
}

screen_commands! {
    /// What the one-line prompts (search, the library's filter) and the speaker list do with
    /// their keys; every other key is typed into them.
    PromptCommand, for_prompt:
    Accept, Cancel, ClearInput, PickerDown, PickerUp,
}

screen_commands! {
    /// What the note editor does with its keys; every other key edits the text.
    EditorCommand, for_editor:
    SaveNote, Cancel,
}

/// Everything that can change the app: bound commands and the events that are not commands.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Action {
    Command(Command),
    /// A key that no binding claims (text input in prompts and the note editor).
    Key(KeyEvent),
    /// Text pasted into the terminal.
    Paste(String),
    /// `ctrl-c`: cancels the open prompt, picker or editor (as `cancel` there does), else quits
    /// lectern, from an article over the library too. Not rebindable: it is the terminal's
    /// interrupt key.
    Interrupt,
    /// A mouse event and when it happened, as time since the event loop started: a
    /// double-click is two clicks close in time, and `update` reads no clock of its own.
    Mouse {
        event: MouseEvent,
        at: Duration,
    },
    /// The terminal's size changed.
    Resize {
        width: u16,
        height: u16,
    },
    /// The notes store has new contents (after a save or a reload).
    NotesChanged(Vec<Note>),
    /// Something the runtime wants the user to see (a save error, an export path).
    Message(String),
    /// The open article's analysis, finished in the background.
    AnalysisReady(Box<Analysis>),
    /// The open article's analysis failed (a bug): the text stays readable without it.
    AnalysisFailed(String),
    /// Library articles whose background analysis finished.
    Analysed(Vec<crate::library::Analysed>),
    /// News from the background fetch of `lectern feeds`: a feed's items, a feed that failed,
    /// an item's analysis.
    Feeds(Vec<crate::library::feeds::FeedEvent>),
    /// What changed when the open web page was fetched again: the report's lines (see
    /// [`crate::web::Changes::report`]), for the changes pane.
    ChangeReport(Vec<String>),
    /// An article the runtime opened, to show (over the library when it is one of its
    /// entries).
    Opened(Box<Opened>),
}

/// An article ready to read, with what the runtime found for it on disk. The state machine
/// builds its reader from this: the runtime never writes into a reader.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Opened {
    /// Shared with the analysis thread and the notes executor: the text is never copied.
    pub article: Arc<Article>,
    /// The analysis, when the library's cache had it; `None` while it runs in the background
    /// (it arrives as [`Action::AnalysisReady`]).
    pub analysis: Option<Analysis>,
    pub notes: Vec<Note>,
    /// Why notes can't be changed, if they can't.
    pub read_only: Option<String>,
    /// Whether to say so as the article opens (not when there is simply no data directory).
    pub warn_read_only: bool,
    pub start: Start,
    /// The library entry this article is, if it is one.
    pub entry: Option<usize>,
}

/// Where a newly opened article starts.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Start {
    /// At the top.
    Top,
    /// With this byte at the top of the view: where the reader left it last time.
    Resume(usize),
    /// Showing and emphasising this range (a quotation or a sentence chosen in the library).
    Show(Range<usize>),
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Every command of the table does something on at least one screen (or, like the
    /// mouse switch, on the app over whichever screen is on top).
    #[test]
    fn every_command_belongs_to_a_screen() {
        for &c in Command::ALL {
            assert!(
                c.for_reader().is_some()
                    || c.for_library().is_some()
                    || c.for_prompt().is_some()
                    || c.for_editor().is_some()
                    || c == Command::ToggleMouse,
                "{} is on no screen",
                c.name()
            );
        }
    }
}
