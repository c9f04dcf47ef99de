//! The state machine driven by a decoded sequence of key presses, commands, pastes, mouse
//! events and resizes (0×0 to 300×100), on the sample or on an arbitrary article, drawing after
//! every action. Note effects are carried out in memory, as the runtime would with the store.
//! Checks what the reader relies on: the cursor and selection stay in the text, the cursor row
//! is on screen, and every note range the app asks to save is a passage of the text.
#![no_main]

use std::sync::OnceLock;
use std::time::Duration;

use lectern::analysis::{Analysis, analyze};
use lectern::app::{Action, Reader, Command, Effect};
use lectern::config::Config;
use lectern::notes::{Anchor, Note};
use lectern::source::{Article, Input, LoadOptions, from_bytes, load};
use lectern::ui::render_to_string;
use libfuzzer_sys::arbitrary::{Result, Unstructured};
use libfuzzer_sys::fuzz_target;
use ratatui::crossterm::event::{
    KeyCode, KeyEvent, KeyModifiers, MouseButton, MouseEvent, MouseEventKind,
};

const MAX_ACTIONS: usize = 64;

fn modifiers(u: &mut Unstructured) -> Result<KeyModifiers> {
    Ok(KeyModifiers::from_bits_truncate(u.int_in_range(0..=7)?))
}

fn key(u: &mut Unstructured) -> Result<KeyEvent> {
    let code = match u.int_in_range(0..=9)? {
        0..=4 => KeyCode::Char(char::from(u.int_in_range(b' '..=b'~')?)),
        5 => KeyCode::Char(u.arbitrary()?),
        6 => KeyCode::Esc,
        7 => KeyCode::Enter,
        8 => KeyCode::Backspace,
        _ => *u.choose(&[
            KeyCode::Tab,
            KeyCode::BackTab,
            KeyCode::Up,
            KeyCode::Down,
            KeyCode::Left,
            KeyCode::Right,
            KeyCode::PageUp,
            KeyCode::PageDown,
            KeyCode::Home,
            KeyCode::End,
            KeyCode::Delete,
            KeyCode::F(1),
        ])?,
    };
    Ok(KeyEvent::new(code, modifiers(u)?))
}

fn mouse(u: &mut Unstructured) -> Result<MouseEvent> {
    let kind = *u.choose(&[
        MouseEventKind::Down(MouseButton::Left),
        MouseEventKind::Up(MouseButton::Left),
        MouseEventKind::Drag(MouseButton::Left),
        MouseEventKind::ScrollDown,
        MouseEventKind::ScrollUp,
        MouseEventKind::Moved,
    ])?;
    Ok(MouseEvent {
        kind,
        column: u.int_in_range(0..=310)?,
        row: u.int_in_range(0..=110)?,
        modifiers: modifiers(u)?,
    })
}

/// One step: an action, or a key press to be turned into one by the app's keymap.
fn step(u: &mut Unstructured, app: &Reader) -> Result<Action> {
    Ok(match u.int_in_range(0..=15)? {
        0..=5 => app.key_action(key(u)?),
        6..=10 => Action::Command(*u.choose(Command::ALL)?),
        11 => Action::Resize {
            width: u.int_in_range(0..=300)?,
            height: u.int_in_range(0..=100)?,
        },
        12 | 13 => Action::Mouse {
            event: mouse(u)?,
            at: Duration::from_millis(u.int_in_range(0..=2000)?),
        },
        14 => Action::Paste(u.arbitrary()?),
        _ => Action::Message(u.arbitrary()?),
    })
}

/// Does what the runtime does with the notes store, in memory.
fn carry_out(
    app: &Reader,
    notes: &mut Vec<Note>,
    next_id: &mut u32,
    effect: Effect,
) -> Option<Action> {
    let text = app.article().text();
    match effect {
        Effect::AddNote { range, label, body } => {
            assert!(
                range.start < range.end
                    && range.end <= text.len()
                    && text.is_char_boundary(range.start)
                    && text.is_char_boundary(range.end),
                "note range {range:?} is not a passage of a {}-byte text",
                text.len()
            );
            *next_id += 1;
            notes.push(Note {
                id: next_id.to_string(),
                label,
                body,
                created: Default::default(),
                updated: Default::default(),
                anchor: Anchor::new(text, range.clone()),
                range: Some(range),
            });
            notes.sort_by_key(|n| n.range.as_ref().map(|r| r.start));
        }
        Effect::EditNote { id, body } => notes
            .iter_mut()
            .filter(|n| n.id == id)
            .for_each(|n| n.body = body.clone()),
        Effect::SetLabel { id, label } => notes
            .iter_mut()
            .filter(|n| n.id == id)
            .for_each(|n| n.label = label.clone()),
        Effect::DeleteNote { id } => notes.retain(|n| n.id != id),
        // The reader alone never asks for library articles.
        Effect::Quit
        | Effect::ExportNotes
        | Effect::OpenArticle { .. }
        | Effect::CloseArticle { .. } => return None,
    }
    Some(Action::NotesChanged(notes.clone()))
}

fn check(app: &Reader) {
    let len = app.article().text().len();
    assert!(app.cursor() <= len && app.article().text().is_char_boundary(app.cursor()));
    assert!(app.top() < app.layout().len().max(1));
    if let Some(sel) = app.selection() {
        assert!(sel.start <= sel.end && sel.end <= len);
    }
    let rows = app.viewport_rows();
    if rows > 0 {
        let row = app.layout().line_of(app.cursor());
        assert!(
            row >= app.top() && row < app.top() + rows,
            "cursor row {row} outside the view"
        );
    }
}

/// The sample and its analysis, computed once: most of the time goes into the actions.
fn sample() -> &'static (Article, Analysis) {
    static SAMPLE: OnceLock<(Article, Analysis)> = OnceLock::new();
    SAMPLE.get_or_init(|| {
        let article = load(&Input::Sample, LoadOptions::default()).expect("the sample loads");
        let analysis = analyze(&article);
        (article, analysis)
    })
}

fn run(u: &mut Unstructured) -> Result<()> {
    let (article, analysis) = if u.arbitrary()? {
        sample().clone()
    } else {
        let len = u.int_in_range(0..=2048)?;
        match from_bytes(u.bytes(len.min(u.len()))?, "fuzz", LoadOptions::default()) {
            Ok(a) => {
                let analysis = analyze(&a);
                (a, analysis)
            }
            Err(_) => return Ok(()),
        }
    };
    let mut app = Reader::new(article, analysis, Config::defaults());
    app.update(Action::Resize {
        width: u.int_in_range(0..=300)?,
        height: u.int_in_range(0..=100)?,
    });
    let mut notes = Vec::new();
    let mut next_id = 0;
    for _ in 0..MAX_ACTIONS {
        if u.is_empty() {
            break;
        }
        let mut pending = vec![step(u, &app)?];
        while let Some(action) = pending.pop() {
            for effect in app.update(action) {
                pending.extend(carry_out(&app, &mut notes, &mut next_id, effect));
            }
        }
        check(&app);
        let (w, h) = app.size();
        render_to_string(&app, w, h);
    }
    Ok(())
}

fuzz_target!(|data: &[u8]| {
    let _ = run(&mut Unstructured::new(data));
});
