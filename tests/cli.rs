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
#[test]
fn piped_stdin_is_read_without_a_dash() {
    // `cat a.txt | lectern extract`: a pipe with no file argument is the article.
    lectern()
        .arg("extract")
        .write_stdin("Piped title\n\n\"We will see,\" she said.\n")
        .assert()
        .success()
        .stdout(predicate::str::contains("\"title\": \"Piped title\""));
    // Stdin that is not a pipe or a file (/dev/null, as cron gives) is not read: the sample.
    let out = std::process::Command::new(env!("CARGO_BIN_EXE_lectern"))
        .arg("extract")
        .stdin(std::process::Stdio::null())
        .output()
        .unwrap();
    assert!(out.status.success());
    assert!(String::from_utf8_lossy(&out.stdout).contains("NATO Resumes Dialogue"));
    // A file argument wins over the pipe.
    let file = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/tram-line.md");
    lectern()
        .args(["extract", file])
        .write_stdin("Piped title\n\nText.\n")
        .assert()
        .success()
        .stdout(predicate::str::contains("Piped title").not());
    // `cat a.txt | lectern` into no terminal: the piped article is read, then refused as
    // interactive without a terminal (an empty pipe is refused as such).
    lectern()
        .write_stdin("Piped title\n\nText.\n")
        .assert()
        .failure()
        .stderr(predicate::str::contains("not a terminal"));
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

const WEB: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/tests/fixtures/web");

#[test]
fn extract_diff_compares_two_versions() {
    let out = lectern()
        .args(["extract", "--diff"])
        .arg(format!("{WEB}/article-v1.html"))
        .arg(format!("{WEB}/article-v2.html"))
        .assert()
        .success();
    let json: serde_json::Value = serde_json::from_slice(&out.get_output().stdout).unwrap();
    // v2 reworded Elena Marsh's quotation, cut a sentence and moved the meeting a week.
    let quotations = json["quotations"].as_array().unwrap();
    assert_eq!(quotations.len(), 1, "{json:#}");
    assert!(
        quotations[0]["new"]["quote"]["text"]
            .as_str()
            .unwrap()
            .contains("cannot yet pay for"),
        "{json:#}"
    );
    let dates = json["dates"].to_string();
    assert!(dates.contains("March 26"), "{dates}");
    assert!(!json["paragraphs"].as_array().unwrap().is_empty());
}

#[test]
fn extract_diff_needs_two_files_and_no_third() {
    lectern()
        .args(["extract", "--diff", "only-one.html"])
        .assert()
        .failure();
    lectern()
        .args(["extract", "a.html", "--diff", "b.html", "c.html"])
        .assert()
        .failure();
}

#[test]
fn a_newsboat_pager_file_gives_its_headers_as_metadata() {
    let out = lectern()
        .arg("extract")
        .arg(format!("{WEB}/newsboat-pager.txt"))
        .assert()
        .success();
    let json: serde_json::Value = serde_json::from_slice(&out.get_output().stdout).unwrap();
    assert_eq!(
        json["title"], "Council delays the harbour dredging vote",
        "{json:#}"
    );
    // The Date: header is the article's date, which anchors the timeline.
    assert_eq!(json["date"], "2024-03-12", "{json:#}");
    assert_eq!(json["quotes"][0]["speaker"], "Elena Marsh", "{json:#}");
    // The headers are metadata, not text: the reader shows the title and the body only.
    let screen = lectern()
        .arg("render")
        .arg(format!("{WEB}/newsboat-pager.txt"))
        .args(["--width", "100", "--height", "14"])
        .assert()
        .success();
    let screen = String::from_utf8_lossy(&screen.get_output().stdout).into_owned();
    assert!(
        screen.contains("Council delays the harbour dredging vote"),
        "{screen}"
    );
    assert!(screen.contains("The town council postponed"), "{screen}");
    for header in ["Feed:", "Author:", "Date:", "Link:", "Flags:", "Links:"] {
        assert!(!screen.contains(header), "{header} shown:\n{screen}");
    }
}

/// `lectern extract FILE | head`: a reader that stops early is no error (as for a folder). The
/// pipe's reading end is closed before lectern starts, so every write meets a broken pipe.
#[cfg(unix)]
#[test]
fn extract_into_a_closed_pipe_exits_quietly() {
    let (reader, writer) = std::io::pipe().expect("a pipe");
    drop(reader);
    let fixture = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/tests/fixtures/harbour-strike.md"
    );
    let home = std::env::temp_dir().join("lectern-cli-tests");
    let out = std::process::Command::new(assert_cmd::cargo::cargo_bin("lectern"))
        .env("LECTERN_DATA", home.join("data"))
        .env("LECTERN_CONFIG", home.join("no-config.toml"))
        .args(["extract", fixture])
        .stdout(writer)
        .output()
        .expect("lectern runs");
    assert!(out.status.success(), "exit {:?}", out.status);
    assert_eq!(String::from_utf8_lossy(&out.stderr), "");
}

#[test]
fn completions_are_generated_for_each_shell() {
    for (shell, marker) in [
        ("bash", "complete -F _lectern"),
        ("zsh", "#compdef lectern"),
        ("fish", "complete -c lectern"),
    ] {
        lectern()
            .args(["completions", shell])
            .assert()
            .success()
            // Subcommands and options come from the clap definitions.
            .stdout(
                predicate::str::contains(marker)
                    .and(predicate::str::contains("extract"))
                    .and(predicate::str::contains("completions"))
                    .and(predicate::str::contains("config")),
            );
    }
    lectern()
        .args(["completions", "tcsh"])
        .assert()
        .code(2)
        .stderr(predicate::str::contains("invalid value 'tcsh'"));
}

#[test]
fn the_man_page_is_roff_from_the_clap_definitions() {
    let out = lectern().arg("man").assert().success();
    let page = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    assert!(page.contains(".TH lectern 1"), "{page}");
    for section in [".SH NAME", ".SH SYNOPSIS", ".SH OPTIONS", ".SH SUBCOMMANDS"] {
        assert!(page.contains(section), "no {section}");
    }
    // Every subcommand is listed, and the environment from --help's epilogue.
    for name in ["render", "extract", "notes", "completions", "man", "paths"] {
        assert!(page.contains(&format!("lectern\\-{name}")), "no {name}");
    }
    assert!(page.contains("LECTERN_DATA"));
}

#[test]
fn help_lists_the_environment_and_exit_codes() {
    lectern().arg("--help").assert().success().stdout(
        predicate::str::contains("LECTERN_CONFIG")
            .and(predicate::str::contains("LECTERN_DATA"))
            .and(predicate::str::contains("LECTERN_CACHE"))
            .and(predicate::str::contains("NO_COLOR"))
            .and(predicate::str::contains("Exit status")),
    );
}

#[test]
fn usage_errors_exit_2() {
    for args in [
        &["--no-such-option"][..],
        &["extract", "--date", "yesterday"],
        &["render", "--width", "wide"],
        &["notes"],
    ] {
        lectern()
            .args(args)
            .assert()
            .code(2)
            .stderr(predicate::str::contains("--help"));
    }
}

#[test]
fn config_prints_the_defaults_which_config_reads_back() {
    let dir = tempfile::tempdir().unwrap();
    let out = lectern().arg("config").assert().success();
    let text = String::from_utf8(out.get_output().stdout.clone()).unwrap();
    assert!(text.contains("[keys.normal]") && text.contains("[cache]"));
    // The prompts' and the editor's keys are there to remap like the others.
    for line in [
        "[keys.prompt]",
        "clear_input = [\"ctrl-u\"]",
        "picker_down = [\"down\", \"tab\", \"ctrl-n\"]",
        "[keys.editor]",
        "save_note = [\"ctrl-s\", \"alt-enter\"]",
    ] {
        assert!(text.lines().any(|l| l == line), "{line} missing:\n{text}");
    }
    // Edited and given back with --config (which wins over LECTERN_CONFIG).
    let file = dir.path().join("mine.toml");
    let edited = text.replace("quit = [\"q\"]", "quit = [\"x\"]").replace(
        "save_note = [\"ctrl-s\", \"alt-enter\"]",
        "save_note = [\"f3\"]",
    );
    std::fs::write(&file, edited).unwrap();
    // Tall enough for the whole help on one page.
    lectern()
        .args(["render", "--width", "80", "--height", "110", "--keys", "?"])
        .arg("--config")
        .arg(&file)
        .assert()
        .success()
        .stdout(predicate::str::is_match(r"x\s+quit lectern").unwrap())
        .stdout(predicate::str::is_match(r"f3\s+note editor: save the note").unwrap());
    // A wrong one is named with its line; a missing one is an error, not the defaults.
    std::fs::write(&file, "[cache]\nmax_megabytes = \"lots\"\n").unwrap();
    lectern()
        .args(["render", "--config"])
        .arg(&file)
        .assert()
        .code(1)
        .stderr(predicate::str::contains("mine.toml:2"));
    lectern()
        .args(["render", "--config"])
        .arg(dir.path().join("absent.toml"))
        .assert()
        .code(1)
        .stderr(predicate::str::contains("no such config file"));
}
