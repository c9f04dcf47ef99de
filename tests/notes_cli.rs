//! `lectern notes list|export|import` end to end, with notes made through the library.

use assert_cmd::Command;
use lectern::notes::Store;
use lectern::source::{Input, LoadOptions, load};

fn lectern(data: &std::path::Path) -> Command {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_lectern"));
    cmd.env("LECTERN_DATA", data);
    cmd
}

#[test]
fn list_export_import_round_trip() {
    let data = tempfile::tempdir().unwrap();
    let sample = load(&Input::Sample, LoadOptions::default()).unwrap();
    lectern(data.path())
        .args(["notes", "list"])
        .assert()
        .success()
        .stdout("");

    let mut store = Store::open(data.path(), &sample);
    let text = sample.text();
    let b = text.find("highest level talks").unwrap();
    store
        .add(&sample, b..b + 19, "green", "Key phrase.\nSecond line.")
        .unwrap();
    let c = text.find("tensions").unwrap();
    store.add(&sample, c..c + 8, "yellow", "").unwrap();

    let list = lectern(data.path())
        .args(["notes", "list"])
        .output()
        .unwrap();
    let list = String::from_utf8(list.stdout).unwrap();
    assert_eq!(list.lines().count(), 2, "{list}");
    assert!(
        list.contains("green\t«highest level talks»\tKey phrase."),
        "{list}"
    );

    let md = lectern(data.path())
        .args(["notes", "export", "--format", "markdown"])
        .output()
        .unwrap();
    let md = String::from_utf8(md.stdout).unwrap();
    assert!(
        md.starts_with("---\ntitle: \"NATO Resumes Dialogue with Russia\"\n"),
        "{md}"
    );
    assert!(md.contains("\ndate: \"2016-04-21\"\n"), "{md}");
    // lectern opens its own export: the front matter is read, not shown or refused.
    let file = data.path().join("notes.md");
    std::fs::write(&file, &md).unwrap();
    let screen = lectern(data.path())
        .args(["render", "--width", "80", "--height", "12"])
        .arg(&file)
        .output()
        .unwrap();
    assert!(screen.status.success(), "{screen:?}");
    let screen = String::from_utf8(screen.stdout).unwrap();
    assert!(screen.contains("Notes: NATO Resumes Dialogue"), "{screen}");
    assert!(!screen.contains("exported"), "{screen}");
    assert!(
        md.contains("\n> highest level talks\n\n*green* — Key phrase.\nSecond line.\n"),
        "{md}"
    );

    let json = lectern(data.path())
        .args(["notes", "export", "--format", "json"])
        .output()
        .unwrap();
    let v: serde_json::Value = serde_json::from_slice(&json.stdout).unwrap();
    let items = v["first"]["items"].as_array().unwrap();
    assert_eq!(items.len(), 2);
    let sel = &items[0]["target"]["selector"];
    assert_eq!(sel[0]["type"], "TextQuoteSelector");
    assert_eq!(sel[0]["exact"], "highest level talks");
    assert_eq!(sel[1]["type"], "TextPositionSelector");
    assert_eq!(sel[1]["start"], text[..b].chars().count());

    // Import into an empty data dir, then again: no duplicates.
    let file = data.path().join("export.json");
    std::fs::write(&file, &json.stdout).unwrap();
    let other = tempfile::tempdir().unwrap();
    lectern(other.path())
        .args(["notes", "import"])
        .arg(&file)
        .assert()
        .success()
        .stderr(predicates::str::contains("2 of 2 notes imported"));
    lectern(other.path())
        .args(["notes", "import"])
        .arg(&file)
        .assert()
        .success()
        .stderr(predicates::str::contains("0 of 2 notes imported"));
    let back = Store::open(other.path(), &sample);
    assert_eq!(back.notes(), store.notes());

    // `-` reads the export from stdin (`lectern notes export … | lectern notes import -`).
    let third = tempfile::tempdir().unwrap();
    lectern(third.path())
        .args(["notes", "import", "-"])
        .write_stdin(json.stdout.clone())
        .assert()
        .success()
        .stderr(predicates::str::contains("2 of 2 notes imported"));
    assert_eq!(Store::open(third.path(), &sample).notes(), store.notes());
    lectern(third.path())
        .args(["notes", "import", "-", "--article", "-"])
        .write_stdin(json.stdout)
        .assert()
        .code(1)
        .stderr(predicates::str::contains("both come from stdin"));
}

#[test]
fn corrupt_notes_and_bad_json_are_one_line_errors() {
    let data = tempfile::tempdir().unwrap();
    let bad = data.path().join("bad.json");
    std::fs::write(&bad, "{\"type\": \"Annotation\"}").unwrap();
    lectern(data.path())
        .args(["notes", "import"])
        .arg(&bad)
        .assert()
        .failure()
        .stderr(predicates::str::contains(
            "bad.json: not a Web Annotation export",
        ));

    let sample = load(&Input::Sample, LoadOptions::default()).unwrap();
    let mut store = Store::open(data.path(), &sample);
    store.add(&sample, 0..4, "yellow", "").unwrap();
    std::fs::write(store.path(), "not = [toml").unwrap();
    lectern(data.path())
        .args(["notes", "list"])
        .assert()
        .failure()
        .stderr(predicates::str::contains("not a valid notes file"));
    assert_eq!(
        std::fs::read_to_string(store.path()).unwrap(),
        "not = [toml"
    );
}
