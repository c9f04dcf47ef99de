//! `ctrl-z`: lectern steps aside for the shell and comes back as it was. Raw mode delivers
//! the key instead of the terminal sending SIGTSTP, so lectern does what the terminal would
//! have done, with the terminal put back first: the main screen, cooked mode, the cursor, no
//! mouse capture or bracketed paste. It then stops itself with SIGTSTP; when the shell's `fg`
//! continues it (SIGCONT), it takes the terminal again and redraws the whole screen from the
//! state, which never changed.
//!
//! A lectern whose process group has no shell to come back to (an orphaned group, as under
//! `setsid`) is not stopped by the kernel: the key then only redraws the screen.

use std::io::Write;

use anyhow::Context;
use ratatui::crossterm::event::{
    DisableBracketedPaste, DisableMouseCapture, EnableBracketedPaste, EnableMouseCapture, KeyCode,
    KeyEvent, KeyModifiers,
};
use ratatui::crossterm::terminal::{
    EnterAlternateScreen, LeaveAlternateScreen, disable_raw_mode, enable_raw_mode,
};
use ratatui::crossterm::{cursor, execute};

/// `ctrl-z`, the terminal's suspend key.
pub(super) fn is_suspend(key: &KeyEvent) -> bool {
    key.code == KeyCode::Char('z') && key.modifiers.contains(KeyModifiers::CONTROL)
}

/// Gives the terminal back, stops lectern until it is continued, then takes the terminal
/// again (the mouse too when `mouse`) and clears it so that the next draw repaints everything.
pub(super) fn suspend(terminal: &mut ratatui::DefaultTerminal, mouse: bool) -> anyhow::Result<()> {
    let mut out = std::io::stdout();
    execute!(
        out,
        DisableMouseCapture,
        DisableBracketedPaste,
        LeaveAlternateScreen,
        cursor::Show
    )
    .context("restoring the terminal before suspending")?;
    disable_raw_mode().context("restoring the terminal before suspending")?;
    out.flush()
        .context("restoring the terminal before suspending")?;
    // Returns once lectern is continued (or at once if the kernel discards the stop).
    signal_hook::low_level::raise(signal_hook::consts::SIGTSTP).context("suspending")?;
    enable_raw_mode().context("taking the terminal back")?;
    execute!(
        out,
        EnterAlternateScreen,
        EnableBracketedPaste,
        cursor::Hide
    )
    .context("taking the terminal back")?;
    if mouse {
        execute!(out, EnableMouseCapture).context("taking the terminal back")?;
    }
    // The shell drew over the screen ratatui remembers: a blank frame makes ratatui's last
    // frame blank, so the next draw paints every cell. (`Terminal::clear` would ask the
    // terminal where its cursor is, which not every terminal answers.)
    terminal
        .draw(|f| f.render_widget(ratatui::widgets::Clear, f.area()))
        .context("taking the terminal back")?;
    Ok(())
}
