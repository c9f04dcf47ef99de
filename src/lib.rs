//! lectern: a terminal reader for close reading of news and long-form articles.
//!
//! The headless core (`source`, `analysis`, `notes`, `library`, `extract`) never touches the
//! terminal; `app` is the pure state machine and `ui` draws it; `runtime` is the only part that
//! does I/O on the screen and carries out the state machine's effects.

#![forbid(unsafe_code)]
#![deny(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

pub mod analysis;
pub mod app;
pub mod config;
pub mod durable;
pub mod extract;
pub mod find;
pub mod input;
pub mod layout;
pub mod library;
pub mod notes;
pub mod positions;
pub mod runtime;
pub mod source;
pub mod ui;
pub mod web;
