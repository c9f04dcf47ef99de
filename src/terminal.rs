//! The runtime: the only code that touches the terminal. It sets the terminal up and restores
//! it on every way out (normal exit, error, panic, SIGTERM/SIGHUP), turns terminal events into
//! actions, and carries out the effects the state machine asks for.

use std::io::{IsTerminal, Write};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::Duration;

use anyhow::{Context, bail};
use ratatui::crossterm::event::{
    self, DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
    Event, KeyEventKind,
};
use ratatui::crossterm::execute;

use crate::app::{Action, App, Effect};
use crate::notes::Store;
use crate::source::Article;
use crate::ui;

/// Carries out the effects that need the disk (the notes store), returning what changed.
pub trait EffectHandler {
    fn handle(&mut self, effect: Effect) -> Vec<Action>;
}

/// Runs `app` in the terminal until it quits or a termination signal arrives.
pub fn run(mut app: App, handler: &mut dyn EffectHandler) -> anyhow::Result<()> {
    if !std::io::stdout().is_terminal() {
        bail!(
            "stdout is not a terminal; use `lectern render FILE` to print a screen or `lectern extract FILE` for JSON"
        );
    }
    let stop = Arc::new(AtomicBool::new(false));
    for signal in [
        signal_hook::consts::SIGTERM,
        signal_hook::consts::SIGHUP,
        signal_hook::consts::SIGINT,
    ] {
        signal_hook::flag::register(signal, Arc::clone(&stop))
            .context("installing signal handlers")?;
    }
    // ratatui::init enters raw mode and the alternate screen and installs a panic hook that
    // restores both before the panic message is printed.
    let mut terminal = ratatui::try_init().context("setting up the terminal")?;
    let _ = execute!(std::io::stdout(), EnableMouseCapture, EnableBracketedPaste);
    let result = event_loop(&mut app, &mut terminal, handler, &stop);
    let _ = execute!(
        std::io::stdout(),
        DisableMouseCapture,
        DisableBracketedPaste
    );
    ratatui::restore();
    let _ = std::io::stdout().flush();
    result
}

fn event_loop(
    app: &mut App,
    terminal: &mut ratatui::DefaultTerminal,
    handler: &mut dyn EffectHandler,
    stop: &AtomicBool,
) -> anyhow::Result<()> {
    let size = terminal.size().context("reading the terminal size")?;
    app.update(Action::Resize {
        width: size.width,
        height: size.height,
    });
    let mut dirty = true;
    while !app.should_quit() && !stop.load(Ordering::Relaxed) {
        if dirty {
            terminal.draw(|f| ui::draw(app, f)).context("drawing")?;
            dirty = false;
        }
        if !event::poll(Duration::from_millis(200)).context("reading terminal events")? {
            continue;
        }
        let action = match event::read().context("reading terminal events")? {
            Event::Key(k) if k.kind != KeyEventKind::Release => app.key_action(k),
            Event::Mouse(m) => Action::Mouse(m),
            Event::Resize(width, height) => Action::Resize { width, height },
            Event::Paste(s) => Action::Paste(s),
            _ => continue,
        };
        let mut queue = vec![action];
        while let Some(action) = queue.pop() {
            for effect in app.update(action) {
                if effect == Effect::Quit {
                    continue;
                }
                queue.extend(handler.handle(effect));
            }
        }
        dirty = true;
    }
    Ok(())
}

/// Carries out note effects against the notes store of one article.
pub struct NotesEffects {
    store: Option<Store>,
    article: Article,
}

impl NotesEffects {
    pub fn new(store: Store, article: Article) -> Self {
        NotesEffects {
            store: Some(store),
            article,
        }
    }

    /// For when there is nowhere to keep notes: every change is refused with a message.
    pub fn disabled(article: Article) -> Self {
        NotesEffects {
            store: None,
            article,
        }
    }
}

impl EffectHandler for NotesEffects {
    fn handle(&mut self, effect: Effect) -> Vec<Action> {
        let Some(store) = self.store.as_mut() else {
            return vec![Action::Message(
                "notes are not available: no data directory".into(),
            )];
        };
        let article = &self.article;
        let result = match effect {
            Effect::Quit => return Vec::new(),
            Effect::AddNote { range, label, body } => {
                store.add(article, range, &label, &body).map(|_| None)
            }
            Effect::EditNote { id, body } => store.edit(article, &id, &body).map(|()| None),
            Effect::SetLabel { id, label } => store.set_label(article, &id, &label).map(|()| None),
            Effect::DeleteNote { id } => store.delete(article, &id).map(|()| None),
            Effect::ExportNotes => {
                let md = crate::notes::to_markdown(article, store.notes(), chrono::Utc::now());
                let path = store.path().with_extension("md");
                std::fs::write(&path, md)
                    .map(|()| Some(format!("notes exported to {}", path.display())))
                    .map_err(|e| crate::notes::NotesError::Io {
                        path: path.clone(),
                        error: e,
                    })
            }
        };
        let mut out = vec![Action::NotesChanged(store.notes().to_vec())];
        match result {
            Ok(Some(message)) => out.push(Action::Message(message)),
            Ok(None) => {}
            Err(e) => out.push(Action::Message(format!("notes not saved: {e}"))),
        }
        out
    }
}
