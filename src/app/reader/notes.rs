//! Highlights and notes: making them from the selection (or the sentence under the cursor),
//! changing their colour, and the note editor, a modal with its own keys.

use std::ops::Range;

use ratatui::crossterm::event::KeyEvent;
use ratatui::layout::Rect;
use ratatui_textarea::TextArea;

use super::motion;
use super::{Focus, Mode, Reader, Tab};
use crate::app::{Effect, Outcome};
use crate::input::EditorCommand;
use crate::notes::NoteId;

/// The note editor popup: what it will save to, and the text being typed.
#[derive(Debug, Clone)]
pub struct NoteEditor {
    target: NoteTarget,
    textarea: TextArea<'static>,
    /// `Esc` was pressed with unsaved text: the next `Esc` discards it.
    confirm_discard: bool,
    original: String,
}

/// What a note editor saves to.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum NoteTarget {
    New { range: Range<usize>, label: String },
    Existing(NoteId),
}

/// The editor's request to the reader: save the note.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Save;

impl NoteEditor {
    /// An editor on `text`, the cursor at its end.
    pub fn new(target: NoteTarget, text: String) -> Self {
        let mut textarea = TextArea::new(text.lines().map(str::to_string).collect());
        if textarea.lines().is_empty() {
            textarea = TextArea::default();
        }
        textarea.set_wrap_mode(ratatui_textarea::WrapMode::WordOrGlyph);
        textarea.move_cursor(ratatui_textarea::CursorMove::Bottom);
        textarea.move_cursor(ratatui_textarea::CursorMove::End);
        NoteEditor {
            target,
            textarea,
            confirm_discard: false,
            original: text,
        }
    }

    pub fn target(&self) -> &NoteTarget {
        &self.target
    }

    pub fn textarea(&self) -> &TextArea<'static> {
        &self.textarea
    }

    /// Whether the next `Esc` discards the typed text.
    pub fn confirm_discard(&self) -> bool {
        self.confirm_discard
    }

    /// `command` is what the editor's key table (`[keys.editor]`) makes of `key`: `save_note`
    /// saves, `cancel` closes, asking once more when there is unsaved text; every other key
    /// edits.
    pub fn key(&mut self, key: KeyEvent, command: Option<EditorCommand>) -> Outcome<Save> {
        match command {
            Some(EditorCommand::SaveNote) => return Outcome::Event(Save),
            Some(EditorCommand::Cancel) => {
                let text = self.textarea.lines().join("\n");
                if text == self.original || self.confirm_discard {
                    return Outcome::Closed;
                }
                self.confirm_discard = true;
                return Outcome::Stay;
            }
            None => {}
        }
        self.confirm_discard = false;
        self.textarea.input(key);
        Outcome::Stay
    }

    /// Pasted text goes in at the cursor.
    pub fn paste(&mut self, text: &str) {
        self.textarea.insert_str(crate::source::sanitize(text));
    }

    /// What to save: the note's body and where it goes.
    pub(super) fn into_effect(self) -> Effect {
        let body = self.textarea.lines().join("\n").trim_end().to_string();
        match self.target {
            NoteTarget::New { range, label } => Effect::AddNote { range, label, body },
            NoteTarget::Existing(id) => Effect::EditNote { id, body },
        }
    }
}

impl Reader {
    pub(super) fn check_writable(&mut self) -> bool {
        if let Some(why) = &self.notes_read_only {
            self.message = Some(format!("notes are read-only: {why}"));
            false
        } else {
            true
        }
    }

    /// Highlights the selection, or the sentence under the cursor; with `note`, opens the
    /// editor. On a highlight already there (the same passage selected, or the cursor on one
    /// with nothing selected) `a` writes that highlight's note and `h` adds nothing: one
    /// passage, one note.
    pub(super) fn annotate(&mut self, note: bool) -> Vec<Effect> {
        if !self.check_writable() {
            return Vec::new();
        }
        let selection = self.selection();
        let existing = match &selection {
            Some(s) => self.notes.iter().position(|n| n.range.as_ref() == Some(s)),
            None => self.note_at(self.cursor),
        };
        if let Some(i) = existing {
            self.mode = Mode::Reading;
            let n = &self.notes[i];
            if note {
                self.open_editor(NoteTarget::Existing(n.id.clone()), n.body.clone());
            } else {
                self.message =
                    Some("already highlighted (a: write its note, c: change colour)".into());
            }
            return Vec::new();
        }
        let range = selection.or_else(|| motion::containing(&self.analysis.sentences, self.cursor));
        let Some(range) = range.filter(|r| !r.is_empty()) else {
            self.message = Some("nothing to highlight here".into());
            return Vec::new();
        };
        let label = self
            .config
            .theme
            .highlights
            .first()
            .map_or_else(|| "yellow".to_string(), |(l, _)| l.clone());
        self.mode = Mode::Reading;
        if note {
            self.open_editor(NoteTarget::New { range, label }, String::new());
            Vec::new()
        } else {
            self.message = Some("highlighted (a: add a note, c: change colour)".into());
            vec![Effect::AddNote {
                range,
                label,
                body: String::new(),
            }]
        }
    }

    pub(super) fn cycle_colour(&mut self) -> Vec<Effect> {
        if !self.check_writable() {
            return Vec::new();
        }
        let Some(i) = self.note_under_focus() else {
            self.message = Some("no highlight under the cursor".into());
            return Vec::new();
        };
        let labels = &self.config.theme.highlights;
        if labels.is_empty() {
            return Vec::new();
        }
        let note = &self.notes[i];
        let pos = labels.iter().position(|(l, _)| *l == note.label);
        let next = labels[pos.map_or(0, |p| (p + 1) % labels.len())].0.clone();
        self.message = Some(format!("colour: {next}"));
        vec![Effect::SetLabel {
            id: note.id.clone(),
            label: next,
        }]
    }

    /// The note the user means: the one selected in the notes panel when it has focus, else the
    /// one under the cursor.
    pub(super) fn note_under_focus(&self) -> Option<usize> {
        if self.focus == Focus::Panel && self.panel.open && self.panel.tab == Tab::Notes {
            (self.panel.notes < self.notes.len()).then_some(self.panel.notes)
        } else {
            self.note_at(self.cursor)
        }
    }

    pub(super) fn edit_note(&mut self) {
        if !self.check_writable() {
            return;
        }
        match self.note_under_focus() {
            Some(i) => {
                let note = &self.notes[i];
                self.open_editor(NoteTarget::Existing(note.id.clone()), note.body.clone());
            }
            None => self.message = Some("no note under the cursor".into()),
        }
    }

    pub(super) fn delete_note(&mut self) -> Vec<Effect> {
        if !self.check_writable() {
            return Vec::new();
        }
        match self.note_under_focus() {
            Some(i) => {
                self.message = Some("note deleted".into());
                vec![Effect::DeleteNote {
                    id: self.notes[i].id.clone(),
                }]
            }
            None => {
                self.message = Some("no note under the cursor".into());
                Vec::new()
            }
        }
    }

    pub(super) fn save_note(&mut self) -> Vec<Effect> {
        let Mode::EditingNote(editor) = std::mem::replace(&mut self.mode, Mode::Reading) else {
            return Vec::new();
        };
        self.message = Some("note saved".into());
        vec![editor.into_effect()]
    }

    /// The passage the open note editor is about, if it is attached.
    pub fn editor_passage(&self) -> Option<Range<usize>> {
        let Mode::EditingNote(editor) = &self.mode else {
            return None;
        };
        match editor.target() {
            NoteTarget::New { range, .. } => Some(range.clone()),
            NoteTarget::Existing(id) => self.notes.iter().find(|n| &n.id == id)?.range.clone(),
        }
    }

    /// Where the note editor goes: half the screen's height, on the side of the text away
    /// from the passage it annotates (below a passage in the upper half of the view, above
    /// one in the lower half), so that the passage stays readable while the note is written.
    pub fn note_editor_area(&self) -> Rect {
        let screen = Rect::new(0, 0, self.size.0, self.size.1);
        let text = self.areas().text;
        let w = 70u16
            .min(screen.width.saturating_sub(2))
            .max(screen.width.min(3));
        let h = (screen.height / 2).max(screen.height.min(6));
        let x = (screen.width - w) / 2;
        let rows = self.editor_passage().map(|r| {
            let first = self.layout.line_of(r.start);
            let last = self.layout.line_of(r.end.saturating_sub(1).max(r.start));
            (first, last)
        });
        // Screen rows of the text above and below the passage, in the view.
        let (above, below) = match rows {
            Some((first, last)) => {
                let top = self.top;
                let view = usize::from(text.height);
                let above = first.saturating_sub(top).min(view);
                let below = (top + view).saturating_sub(last + 1).min(view);
                (above, below)
            }
            None => (0, usize::from(text.height)),
        };
        let y = if below >= above {
            // Below the passage, against the status bar.
            text.bottom().saturating_sub(h)
        } else {
            text.y
        };
        Rect::new(x, y, w, h.min(screen.height))
    }

    pub(super) fn open_editor(&mut self, target: NoteTarget, text: String) {
        self.mode = Mode::EditingNote(Box::new(NoteEditor::new(target, text)));
    }
}
