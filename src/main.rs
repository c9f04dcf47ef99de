//! The `lectern` binary: everything it does is in [`cli`].

#![forbid(unsafe_code)]
#![deny(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

mod cli;

fn main() -> std::process::ExitCode {
    cli::main()
}
