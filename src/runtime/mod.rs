//! The runtime: the only code that touches the terminal. It sets the terminal up and restores
//! it on every way out (normal exit, error, panic, SIGTERM/SIGHUP), turns terminal events into
//! actions, and hands the state machine's effects to the [`Session`].

mod session;
#[cfg(unix)]
mod suspend;

use std::collections::VecDeque;
use std::io::{IsTerminal, Write};
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};
use std::time::{Duration, Instant};

use anyhow::{Context, bail};
use ratatui::crossterm::event::{
    self, DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture,
    Event, KeyEventKind,
};
use ratatui::crossterm::execute;

use crate::app::{Action, App, Effect};
use crate::ui;

pub use session::{NotesEffects, Session};

/// How often background work is checked for results while it runs; idle, the loop only wakes
/// for terminal events and signals.
const BUSY_POLL: Duration = Duration::from_millis(40);
const IDLE_POLL: Duration = Duration::from_millis(200);

/// Runs `app` in the terminal until it quits or a termination signal arrives.
pub fn run(mut app: App, session: &mut Session) -> anyhow::Result<()> {
    if !std::io::stdout().is_terminal() {
        bail!(
            "stdout is not a terminal; use `lectern render FILE` to print a screen or `lectern extract FILE` for JSON"
        );
    }
    let stop = Arc::new(AtomicBool::new(false));
    // SIGHUP (the terminal closed) exists only on Unix; the other two are portable.
    #[cfg(unix)]
    let signals = [
        signal_hook::consts::SIGTERM,
        signal_hook::consts::SIGHUP,
        signal_hook::consts::SIGINT,
    ];
    #[cfg(not(unix))]
    let signals = [signal_hook::consts::SIGTERM, signal_hook::consts::SIGINT];
    for signal in signals {
        signal_hook::flag::register(signal, Arc::clone(&stop))
            .context("installing signal handlers")?;
    }
    // ratatui::init enters raw mode and the alternate screen and installs a panic hook that
    // restores both before the panic message is printed.
    let mut terminal = ratatui::try_init().context("setting up the terminal")?;
    // Background analyses catch their panics and report them as failed articles; restoring the
    // terminal then would wreck the screen of a lectern that goes on running. Only a panic
    // on this thread (which ends lectern) restores it and prints, and only while there is a
    // terminal: after a hang-up, restoring and printing fail with a panic of their own, and
    // a panic inside the panic hook aborts lectern instead of unwinding.
    let restore_and_print = std::panic::take_hook();
    let ui_thread = std::thread::current().id();
    std::panic::set_hook(Box::new(move |info| {
        if std::thread::current().id() == ui_thread && std::io::stdout().is_terminal() {
            restore_and_print(info);
        }
    }));
    let _ = execute!(std::io::stdout(), EnableBracketedPaste);
    if app.mouse_capture() {
        let _ = execute!(std::io::stdout(), EnableMouseCapture);
    }
    let result = event_loop(&mut app, &mut terminal, session, &stop);
    if std::io::stdout().is_terminal() {
        let _ = execute!(
            std::io::stdout(),
            DisableMouseCapture,
            DisableBracketedPaste
        );
        ratatui::restore();
    } else {
        // The terminal hung up: nothing is left to restore, and ratatui's restore and the
        // terminal's drop report failing to with eprintln!, which panics on a hung-up stderr;
        // the panic hook, restoring once more, then aborts lectern.
        std::mem::forget(terminal);
    }
    let _ = std::io::stdout().flush();
    session.finish(&app);
    result
}

fn event_loop(
    app: &mut App,
    terminal: &mut ratatui::DefaultTerminal,
    session: &mut Session,
    stop: &AtomicBool,
) -> anyhow::Result<()> {
    let size = terminal.size().context("reading the terminal size")?;
    app.update(Action::Resize {
        width: size.width,
        height: size.height,
    });
    let started = Instant::now();
    let mut dirty = true;
    // What the terminal was told last about the mouse, to follow `App::mouse_capture`.
    let mut mouse = app.mouse_capture();
    // A terminal can vanish without SIGHUP reaching lectern (SIGHUP blocked or ignored by
    // whatever started it, lectern outside the terminal's foreground group): its tty then
    // reads as empty forever and crossterm's poll spins on it. A hung-up tty is no longer a
    // terminal to `isatty`, so asking once per wake-up (one ioctl) ends lectern as SIGHUP would.
    while !app.should_quit() && !stop.load(Ordering::Relaxed) && std::io::stdout().is_terminal() {
        if dirty {
            terminal.draw(|f| ui::draw(app, f)).context("drawing")?;
            dirty = false;
        }
        let mut queue = session.poll(app);
        let wait = if session.busy() { BUSY_POLL } else { IDLE_POLL };
        if event::poll(wait).context("reading terminal events")? {
            // Other events (focus, key releases) carry no action; the results already
            // polled above must still be applied.
            let action = match event::read().context("reading terminal events")? {
                #[cfg(unix)]
                Event::Key(k) if k.kind != KeyEventKind::Release && suspend::is_suspend(&k) => {
                    suspend::suspend(terminal, mouse)?;
                    // The terminal may have been resized meanwhile.
                    let size = terminal.size().context("reading the terminal size")?;
                    Some(Action::Resize {
                        width: size.width,
                        height: size.height,
                    })
                }
                Event::Key(k) if k.kind != KeyEventKind::Release => Some(app.key_action(k)),
                Event::Mouse(event) => Some(Action::Mouse {
                    event,
                    at: started.elapsed(),
                }),
                Event::Resize(width, height) => Some(Action::Resize { width, height }),
                Event::Paste(s) => Some(Action::Paste(s)),
                _ => None,
            };
            queue.extend(action);
        }
        dirty |= !queue.is_empty();
        // Results that arrived first, then the key.
        dispatch(app, session, queue);
        if app.mouse_capture() != mouse {
            mouse = app.mouse_capture();
            if mouse {
                execute!(std::io::stdout(), EnableMouseCapture)
            } else {
                execute!(std::io::stdout(), DisableMouseCapture)
            }
            .context("switching mouse capture")?;
        }
    }
    Ok(())
}

/// Applies `actions` in order, and everything they lead to: the effects of each action are
/// carried out in order by the session, and what comes of them is applied next, before the
/// actions queued after it. The terminal's loop and `lectern render --keys` both go through
/// here, so that a rendered screen is what a user would see.
pub fn dispatch(app: &mut App, session: &mut Session, actions: impl IntoIterator<Item = Action>) {
    let mut queue: VecDeque<Action> = actions.into_iter().collect();
    while let Some(action) = queue.pop_front() {
        let mut follow = Vec::new();
        for effect in app.update(action) {
            // Quitting is the loop's to notice (`should_quit`), not an errand.
            if effect != Effect::Quit {
                follow.extend(session.handle(effect, app));
            }
        }
        for action in follow.into_iter().rev() {
            queue.push_front(action);
        }
    }
}
