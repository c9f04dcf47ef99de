//! The command line: help, render, extract, stdin. Bad input and its one-line errors are in
//! `hostile.rs`.

use assert_cmd::Command;
use predicates::prelude::*;

fn lectern() -> Command {
    let mut cmd = Command::cargo_bin("lectern").expect("binary built");
    let home = std::env::temp_dir().join("lectern-cli-tests");
    cmd.env("LECTERN_DATA", home.join("data"))
        .env("LECTERN_CONFIG", home.join("no-config.toml"))
        .env_remove("NO_COLOR");
    cmd
}

#[test]
fn help_and_version() {
    lectern()
        .arg("--help")
        .assert()
        .success()
        .stdout(predicate::str::contains("extract").and(predicate::str::contains("render")));
    lectern()
        .arg("--version")
        .assert()
        .success()
        .stdout(predicate::str::starts_with("lectern "));
}

#[test]
fn render_draws_the_sample() {
    lectern()
        .args(["render", "--width", "60", "--height", "10"])
        .assert()
        .success()
        .stdout(predicate::str::contains(
            "NATO Resumes Dialogue with Russia",
        ))
        .stdout(predicate::function(|s: &str| s.lines().count() == 10));
}

#[test]
fn render_with_keys() {
    lectern()
        .args(["render", "--width", "80", "--height", "12", "--keys", "G"])
        .assert()
        .success()
        .stdout(predicate::str::contains("100%"));
}

#[test]
fn interactive_mode_needs_a_terminal() {
    lectern()
        .assert()
        .failure()
        .stderr(predicate::str::contains("not a terminal").and(predicate::str::contains("render")));
}

#[test]
fn stdin_is_read_with_dash() {
    lectern()
        .args(["extract", "-"])
        .write_stdin("A title\n\nSome body text.\n")
        .assert()
        .success()
        .stdout(predicate::str::contains("\"title\": \"A title\""));
}
