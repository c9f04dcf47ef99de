//! Placing the reader's view, shared by `benches/reader.rs` and `examples/callgrind.rs`.

use lectern::app::{Action, Command, Reader};

/// The screen the reader benchmarks use.
pub const WIDTH: u16 = 200;
pub const HEIGHT: u16 = 60;

/// Sizes `app` to the benchmark screen and scrolls until the row of `byte` is at the top, or
/// as far as the view goes (an article shorter than the screen does not scroll).
pub fn view_at(app: &mut Reader, byte: usize) {
    app.update(Action::Resize {
        width: WIDTH,
        height: HEIGHT,
    });
    let row = app.layout().line_of(byte);
    for (command, step) in [
        (Command::PageDown, app.viewport_rows()),
        (Command::ScrollDown, 1),
    ] {
        while app.top() + step <= row {
            let before = app.top();
            app.update(Action::Command(command));
            if app.top() == before {
                break;
            }
        }
    }
}
