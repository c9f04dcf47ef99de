//! The command line: help, render, extract, and the one-line errors with their exit codes.

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
fn binary_file_is_refused_with_exit_code_2() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("image.png");
    std::fs::write(&path, b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR").unwrap();
    lectern()
        .arg("render")
        .arg(&path)
        .assert()
        .code(2)
        .stderr(format!("lectern: {}: not a text file\n", path.display()));
}

#[test]
fn missing_file_and_directory() {
    lectern()
        .args(["render", "/no/such/file.txt"])
        .assert()
        .code(2)
        .stderr(predicate::str::starts_with(
            "lectern: /no/such/file.txt: No such file",
        ));
    let dir = tempfile::tempdir().unwrap();
    lectern()
        .arg("extract")
        .arg(dir.path())
        .assert()
        .code(2)
        .stderr(predicate::str::contains("no articles"));
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

#[test]
fn malformed_config_names_file_and_line() {
    let dir = tempfile::tempdir().unwrap();
    let cfg = dir.path().join("config.toml");
    std::fs::write(
        &cfg,
        "[keys.normal]\nquit = [\"q\"]\nscroll_dwn = [\"j\"]\n",
    )
    .unwrap();
    lectern()
        .env("LECTERN_CONFIG", &cfg)
        .arg("render")
        .assert()
        .code(1)
        .stderr(predicate::str::contains(
            "config.toml:3: unknown action `scroll_dwn`",
        ));
}

#[test]
fn invalid_utf8_opens_with_a_warning() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("ru.txt");
    std::fs::write(
        &path,
        b"\xc2\xee\xe9\xed\xe0 \xe8 \xec\xe8\xf0\n\n\xd2\xe5\xea\xf1\xf2.\n",
    )
    .unwrap();
    lectern()
        .args(["render", "--width", "60", "--height", "5"])
        .arg(&path)
        .assert()
        .success()
        .stdout(predicate::str::contains("not valid UTF-8"));
}

#[test]
fn escape_sequences_never_reach_the_output() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("evil.txt");
    std::fs::write(
        &path,
        "Evil\n\nclip \x1b]52;c;aGVsbG8=\x07 red \x1b[31mtext\x1b[0m bell\x07 \u{202e}rtl\n",
    )
    .unwrap();
    let out = lectern()
        .args(["render", "--width", "60", "--height", "6"])
        .arg(&path)
        .output()
        .unwrap();
    assert!(out.status.success());
    assert!(!out.stdout.contains(&0x1b), "ESC reached the output");
    assert!(!out.stdout.contains(&0x07), "BEL reached the output");
    assert!(String::from_utf8_lossy(&out.stdout).contains("clip  red text bell␇ rtl"));
}

#[test]
fn extract_a_folder_prints_json_lines_in_path_order() {
    let dir = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/library");
    let out = lectern().args(["extract", dir]).output().unwrap();
    assert!(out.status.success());
    let lines: Vec<serde_json::Value> = String::from_utf8(out.stdout)
        .unwrap()
        .lines()
        .map(|l| serde_json::from_str(l).expect("one JSON object per line"))
        .collect();
    let paths: Vec<&str> = lines.iter().map(|l| l["path"].as_str().unwrap()).collect();
    assert_eq!(paths.len(), 3);
    assert!(paths[0].ends_with("markets.txt"), "{paths:?}");
    assert!(paths[1].ends_with("wire/ceasefire.txt"), "{paths:?}");
    assert!(paths[2].ends_with("wire/vienna.txt"), "{paths:?}");
    assert_eq!(lines[2]["title"], "Talks resume in Vienna");
    assert_eq!(lines[2]["quotes"][0]["speaker"], "Sergey Lavrov");
    assert_eq!(lines[2]["date"], "2016-04-20");
}

#[test]
fn extract_a_folder_reports_unreadable_files_in_line() {
    let dir = tempfile::tempdir().unwrap();
    std::fs::write(dir.path().join("a.txt"), "Title\n\nBody.").unwrap();
    std::fs::write(dir.path().join("b.txt"), b"\x00\x01binary").unwrap();
    let out = lectern().arg("extract").arg(dir.path()).output().unwrap();
    assert!(out.status.success());
    let text = String::from_utf8(out.stdout).unwrap();
    let lines: Vec<serde_json::Value> = text
        .lines()
        .map(|l| serde_json::from_str(l).unwrap())
        .collect();
    assert_eq!(lines.len(), 2);
    assert_eq!(lines[0]["title"], "Title");
    assert!(
        lines[1]["error"]
            .as_str()
            .unwrap()
            .contains("not a text file"),
        "{text}"
    );
}
