//! Helpers shared by the integration tests; each test crate uses a different subset of them.
#![allow(dead_code)]

pub mod pty;
