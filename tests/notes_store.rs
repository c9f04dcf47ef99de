//! The notes store on disk: round trips, two stores on one article, a corrupt file, and
//! re-anchoring after the article changed.

use lectern::notes::{NotesError, Store, parse_file};
use lectern::source::{Article, LoadOptions};

const TEXT: &str = "The Talks\n\n\
NATO and Russia held their highest level talks in nearly two years on April 20.\n\n\
It was the first meeting of the council since the crisis began, officials said.\n\n\
Lavrov said the alliance had chosen confrontation over cooperation in the region.";

fn article(text: &str) -> Article {
    Article::parse(text, "talks.txt", LoadOptions::default()).unwrap()
}

fn range_of(a: &Article, needle: &str) -> std::ops::Range<usize> {
    let b = a.text().find(needle).unwrap();
    b..b + needle.len()
}

fn quoted<'a>(a: &'a Article, store: &Store, id: &str) -> Option<&'a str> {
    let note = store.get(id).unwrap();
    note.range.clone().map(|r| &a.text()[r])
}

#[test]
fn round_trip_add_edit_delete_reload() {
    let dir = tempfile::tempdir().unwrap();
    let a = article(TEXT);
    let mut s = Store::open(dir.path(), &a);
    assert!(s.notes().is_empty());
    assert!(s.read_only().is_none());
    let late = s
        .add(&a, range_of(&a, "chosen confrontation"), "red", "")
        .unwrap();
    let early = s
        .add(
            &a,
            range_of(&a, "highest level talks"),
            "yellow",
            "first note\nsecond line",
        )
        .unwrap();
    // Text order, whatever the order of adding.
    let ids: Vec<_> = s.notes().iter().map(|n| n.id.clone()).collect();
    assert_eq!(ids, [early.clone(), late.clone()]);

    s.edit(&a, &late, "why \"confrontation\"?").unwrap();
    let reopened = Store::open(dir.path(), &a);
    assert_eq!(reopened.notes(), s.notes());
    assert_eq!(reopened.get(&late).unwrap().body, "why \"confrontation\"?");
    assert_eq!(quoted(&a, &reopened, &early), Some("highest level talks"));

    s.delete(&a, &early).unwrap();
    let mut reopened = reopened;
    reopened.reload(&a).unwrap();
    assert_eq!(reopened.notes().len(), 1);
    let file = parse_file(&std::fs::read_to_string(s.path()).unwrap()).unwrap();
    assert_eq!(file.notes.len(), 1);
    assert_eq!(file.title, "The Talks");
}

#[test]
fn two_stores_on_one_article_keep_all_notes() {
    let dir = tempfile::tempdir().unwrap();
    let a = article(TEXT);
    let mut one = Store::open(dir.path(), &a);
    let mut two = Store::open(dir.path(), &a);
    let words: Vec<_> = a
        .text()
        .match_indices("the")
        .map(|(i, _)| i..i + 3)
        .collect();
    let mut ids = Vec::new();
    for (i, r) in words.iter().enumerate() {
        let store = if i % 2 == 0 { &mut one } else { &mut two };
        ids.push(
            store
                .add(&a, r.clone(), "yellow", &format!("note {i}"))
                .unwrap(),
        );
    }
    // A delete in one window is not undone by a later change in the other.
    one.delete(&a, &ids[1]).unwrap();
    two.edit(&a, &ids[0], "edited in two").unwrap();
    for store in [&mut one, &mut two] {
        store.reload(&a).unwrap();
        assert_eq!(store.notes().len(), ids.len() - 1);
        assert!(store.get(&ids[1]).is_none());
        assert_eq!(store.get(&ids[0]).unwrap().body, "edited in two");
    }
    assert!(matches!(
        two.edit(&a, &ids[1], "gone"),
        Err(NotesError::NotFound { .. })
    ));
}

#[test]
fn concurrent_threads_keep_all_notes() {
    let dir = tempfile::tempdir().unwrap();
    let a = article(TEXT);
    std::thread::scope(|scope| {
        for t in 0..3 {
            let (dir, a) = (dir.path(), &a);
            scope.spawn(move || {
                let mut s = Store::open(dir, a);
                for i in 0..10 {
                    let start = 12 + t * 30 + i;
                    s.add(a, start..start + 5, "green", &format!("{t}/{i}"))
                        .unwrap();
                }
            });
        }
    });
    let s = Store::open(dir.path(), &a);
    assert_eq!(s.notes().len(), 30);
}

#[test]
fn corrupt_file_gives_read_only_store_and_is_never_touched() {
    let dir = tempfile::tempdir().unwrap();
    let a = article(TEXT);
    let mut s = Store::open(dir.path(), &a);
    s.add(&a, range_of(&a, "first meeting"), "yellow", "x")
        .unwrap();
    let path = s.path().to_path_buf();
    for garbage in [
        &b"version = 1\ntitle = \"The Talks\"\n[[notes]\nid = "[..],
        b"\xff\xfe not utf-8 at all",
        b"version = 99\ntitle = \"The Talks\"\nhash = \"x\"\n",
    ] {
        std::fs::write(&path, garbage).unwrap();
        let mut s = Store::open(dir.path(), &a);
        assert_eq!(s.path(), path);
        let reason = s.read_only().expect("read-only").to_string();
        assert!(reason.contains(&path.display().to_string()), "{reason}");
        assert!(s.notes().is_empty());
        let err = s.add(&a, range_of(&a, "crisis"), "yellow", "").unwrap_err();
        assert!(matches!(err, NotesError::ReadOnly { .. }), "{err}");
        // A store opened before the file broke notices it and stops writing too.
        assert!(s.reload(&a).is_err());
        assert_eq!(std::fs::read(&path).unwrap(), garbage);
    }
    // Fixed by hand: the store becomes writable again.
    std::fs::remove_file(&path).unwrap();
    let mut s = Store::open(dir.path(), &a);
    assert!(s.read_only().is_none());
    s.add(&a, range_of(&a, "crisis"), "yellow", "").unwrap();
}

#[test]
fn found_again_after_move_rename_and_edit() {
    let dir = tempfile::tempdir().unwrap();
    let files = tempfile::tempdir().unwrap();
    let path = files.path().join("talks.txt");
    std::fs::write(&path, TEXT).unwrap();
    let load = |p: &std::path::Path| {
        lectern::source::load(
            &lectern::source::Input::Path(p.to_path_buf()),
            LoadOptions::default(),
        )
        .unwrap()
    };
    let a = load(&path);
    let mut s = Store::open(dir.path(), &a);
    let id = s
        .add(&a, range_of(&a, "first meeting"), "yellow", "")
        .unwrap();
    // Moved and renamed: same content hash.
    let moved = files.path().join("renamed.txt");
    std::fs::rename(&path, &moved).unwrap();
    assert_eq!(Store::open(dir.path(), &load(&moved)).path(), s.path());
    // Edited, title changed too: found by path.
    let edited = TEXT
        .replace("The Talks", "Talks Resume")
        .replace("officials said", "diplomats said");
    std::fs::write(&moved, edited).unwrap();
    let b = load(&moved);
    let s2 = Store::open(dir.path(), &b);
    assert_eq!(s2.path(), s.path());
    assert_eq!(quoted(&b, &s2, &id), Some("first meeting"));
}

#[test]
fn reanchoring_after_edits() {
    let dir = tempfile::tempdir().unwrap();
    let a = article(TEXT);
    let mut s = Store::open(dir.path(), &a);
    let talks = s
        .add(
            &a,
            range_of(&a, "highest level talks in nearly two years"),
            "y",
            "",
        )
        .unwrap();
    let meeting = s
        .add(
            &a,
            range_of(
                &a,
                "the first meeting of the council since the crisis began",
            ),
            "y",
            "",
        )
        .unwrap();
    let lavrov = s
        .add(
            &a,
            range_of(&a, "chosen confrontation over cooperation"),
            "y",
            "",
        )
        .unwrap();

    // A paragraph inserted before: everything found, moved.
    let b = article(&TEXT.replace(
        "NATO and Russia",
        "A new opening paragraph.\n\nNATO and Russia",
    ));
    let s2 = Store::open(dir.path(), &b);
    assert_eq!(
        quoted(&b, &s2, &talks),
        Some("highest level talks in nearly two years")
    );
    assert_eq!(
        quoted(&b, &s2, &lavrov),
        Some("chosen confrontation over cooperation")
    );

    // Words edited inside a note: approximate match on the edited passage.
    let c = article(&TEXT.replace("since the crisis began", "since the war began"));
    let s3 = Store::open(dir.path(), &c);
    assert_eq!(
        quoted(&c, &s3, &meeting),
        Some("the first meeting of the council since the war began")
    );

    // The passage deleted: detached, still listed, last.
    let d = article(&TEXT.replace(
        "Lavrov said the alliance had chosen confrontation over cooperation in the region.",
        "Lavrov declined to comment.",
    ));
    let s4 = Store::open(dir.path(), &d);
    assert_eq!(s4.notes().len(), 3);
    assert_eq!(s4.notes().last().unwrap().id, lavrov);
    assert_eq!(s4.get(&lavrov).unwrap().range, None);

    // The passage duplicated: the copy nearest the old place.
    let para = "It was the first meeting of the council since the crisis began, officials said.";
    let e = article(&TEXT.replace(para, &format!("{para}\n\n{para}")));
    let s5 = Store::open(dir.path(), &e);
    let r = s5.get(&meeting).unwrap().range.clone().unwrap();
    assert_eq!(
        r,
        range_of(
            &a,
            "the first meeting of the council since the crisis began"
        )
    );
}

/// Two different articles with the same title keep their own notes: the built-in sample and
/// an edited copy of it in a file, or two files headed alike. Matching is by content hash, or
/// by notes that still anchor (an article edited in place), never by the title alone.
#[test]
fn same_title_different_articles_do_not_share_notes() {
    let dir = tempfile::tempdir().unwrap();
    let files = tempfile::tempdir().unwrap();
    let load = |p: &std::path::Path| {
        lectern::source::load(
            &lectern::source::Input::Path(p.to_path_buf()),
            LoadOptions::default(),
        )
        .unwrap()
    };
    // Built in (no path): a note on it.
    let sample = article(TEXT);
    let mut s = Store::open(dir.path(), &sample);
    s.add(
        &sample,
        range_of(&sample, "first meeting"),
        "yellow",
        "mine",
    )
    .unwrap();
    // A copy with the same title, edited into another story, in a file of its own.
    let other_text = "The Talks\n\nThe teachers' union and the council talked for six hours about \
                      pay.\n\nNo agreement was reached, a spokeswoman said.";
    let other_path = files.path().join("union.txt");
    std::fs::write(&other_path, other_text).unwrap();
    let other = load(&other_path);
    let mut o = Store::open(dir.path(), &other);
    assert_ne!(o.path(), s.path(), "not the sample's notes file");
    assert!(o.notes().is_empty());
    o.add(&other, range_of(&other, "six hours"), "green", "theirs")
        .unwrap();
    // Each keeps its own, the sample's file still describes the sample.
    let s = Store::open(dir.path(), &sample);
    assert_eq!(s.notes().len(), 1);
    assert_eq!(s.notes()[0].body, "mine");
    let o = Store::open(dir.path(), &other);
    assert_eq!(o.notes().len(), 1);
    assert_eq!(o.notes()[0].body, "theirs");

    // The same copy of the sample in another file: its notes re-anchor there, but the title
    // and anchors alone do not claim a file whose own source is still there.
    let copy_a = files.path().join("a.txt");
    let copy_b = files.path().join("b.txt");
    std::fs::write(&copy_a, TEXT).unwrap();
    std::fs::write(&copy_b, TEXT.replace("April 20", "April 21")).unwrap();
    let a = load(&copy_a);
    let mut sa = Store::open(dir.path(), &a);
    // Same text as the sample: its notes (hash match).
    assert_eq!(sa.path(), s.path());
    sa.add(&a, range_of(&a, "crisis"), "yellow", "").unwrap();
    let b = load(&copy_b);
    let sb = Store::open(dir.path(), &b);
    assert_ne!(
        sb.path(),
        s.path(),
        "an edited copy elsewhere is another article"
    );
}

/// Edited in place, the article keeps its notes (by path), even when the passage went: the
/// note is then listed detached, not lost.
#[test]
fn edited_in_place_keeps_notes_even_detached() {
    let dir = tempfile::tempdir().unwrap();
    let files = tempfile::tempdir().unwrap();
    let path = files.path().join("talks.txt");
    let load = |p: &std::path::Path| {
        lectern::source::load(
            &lectern::source::Input::Path(p.to_path_buf()),
            LoadOptions::default(),
        )
        .unwrap()
    };
    std::fs::write(&path, TEXT).unwrap();
    let a = load(&path);
    let mut s = Store::open(dir.path(), &a);
    s.add(&a, range_of(&a, "first meeting"), "yellow", "n")
        .unwrap();
    std::fs::write(&path, TEXT.replace("Lavrov said", "Lavrov told reporters")).unwrap();
    let edited = load(&path);
    assert_eq!(Store::open(dir.path(), &edited).path(), s.path());
    std::fs::write(
        &path,
        "The Talks\n\nA completely different story about a harbour strike.",
    )
    .unwrap();
    let replaced = load(&path);
    let r = Store::open(dir.path(), &replaced);
    assert_eq!(r.path(), s.path());
    assert_eq!(r.notes().len(), 1);
    assert_eq!(r.notes()[0].range, None, "detached");
    assert_eq!(
        parse_file(&std::fs::read_to_string(s.path()).unwrap())
            .unwrap()
            .notes
            .len(),
        1
    );
}
