//! Hostile and odd input, one test each: whatever a user points lectern at gets a correct
//! rendering or one clear line on stderr with the right exit code (2: not an article; 1: a bad
//! config), never a panic, never a hang, and nothing from the file reaches the terminal.

mod common;

use std::path::{Path, PathBuf};
use std::time::Duration;

use assert_cmd::Command;
#[cfg(unix)]
use common::pty::Pty;
use predicates::prelude::*;
use unicode_width::UnicodeWidthStr;

/// Generous: a debug build on a loaded 2-core CI machine. A hang still fails.
const TIMEOUT: Duration = Duration::from_secs(300);

/// `lectern` with its notes and config under `dir`, never the user's.
fn lectern(dir: &Path) -> Command {
    let mut cmd = Command::cargo_bin("lectern").expect("binary built");
    cmd.env("LECTERN_DATA", dir.join("data"))
        .env("LECTERN_CACHE", dir.join("cache"))
        .env("LECTERN_CONFIG", dir.join("config.toml"))
        .env_remove("NO_COLOR")
        .timeout(TIMEOUT);
    cmd
}

/// Writes `bytes` to `dir/name` and returns the path.
fn file(dir: &Path, name: &str, bytes: impl AsRef<[u8]>) -> PathBuf {
    let path = dir.join(name);
    std::fs::write(&path, bytes).unwrap();
    path
}

/// An excerpt of a public-domain book kept in `tests/fixtures` (the opening pages, byte for byte
/// as in the full book: the same encoding and line endings).
fn fixture_book(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/fixtures")
        .join(name)
}

/// `lectern render` of `path` after `keys`, checked for success; the screen as text.
fn render(dir: &Path, path: &Path, width: u16, height: u16, keys: &str) -> String {
    let out = lectern(dir)
        .args(["render", "--width", &width.to_string()])
        .args(["--height", &height.to_string(), "--keys", keys])
        .arg(path)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "render failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    assert!(
        out.stderr.is_empty(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    let screen = String::from_utf8(out.stdout).expect("render prints UTF-8");
    assert_eq!(screen.lines().count(), usize::from(height), "{screen}");
    for line in screen.lines() {
        assert!(
            line.width() <= usize::from(width),
            "row wider than {width}: {line:?}"
        );
    }
    screen
}

/// `lectern extract` of `path`, checked for success; the JSON.
fn extract(dir: &Path, path: &Path, args: &[&str]) -> serde_json::Value {
    let out = lectern(dir)
        .arg("extract")
        .args(args)
        .arg(path)
        .output()
        .unwrap();
    assert!(
        out.status.success(),
        "extract failed: {}",
        String::from_utf8_lossy(&out.stderr)
    );
    serde_json::from_slice(&out.stdout).expect("extract prints valid JSON")
}

/// Asserts that `render` and `extract` both refuse `path` with exit code `code` and exactly
/// the one line `message` (without the `lectern: ` prefix).
fn refused(dir: &Path, path: &Path, code: i32, message: &str) {
    for command in ["render", "extract"] {
        lectern(dir)
            .arg(command)
            .arg(path)
            .assert()
            .code(code)
            .stdout("")
            .stderr(format!("lectern: {message}\n"));
    }
}

/// The reader's rows of a rendered screen (no status bar), margins trimmed.
fn reader_rows(screen: &str) -> Vec<&str> {
    let rows: Vec<&str> = screen.lines().collect();
    rows[..rows.len() - 1].iter().map(|r| r.trim()).collect()
}

fn without_whitespace(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace()).collect()
}

#[test]
fn binary_files_are_refused() {
    let dir = tempfile::tempdir().unwrap();
    let png = file(
        dir.path(),
        "image.png",
        b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR\0\0\x01\0",
    );
    let pdf = file(
        dir.path(),
        "paper.pdf",
        b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\nstream\n\0\x01\x02",
    );
    for path in [png, pdf] {
        refused(
            dir.path(),
            &path,
            2,
            &format!("{}: not a text file", path.display()),
        );
    }
    // The same bytes on stdin.
    lectern(dir.path())
        .args(["extract", "-"])
        .write_stdin(&b"\x89PNG\r\n\x1a\n\0\0\0\rIHDR"[..])
        .assert()
        .code(2)
        .stderr("lectern: <stdin>: not a text file\n");
}

/// Unix only: `/dev/zero`.
#[cfg(unix)]
#[test]
fn a_device_that_never_ends_is_refused_at_once() {
    let dir = tempfile::tempdir().unwrap();
    refused(
        dir.path(),
        Path::new("/dev/zero"),
        2,
        "/dev/zero: not a text file",
    );
}

#[test]
fn empty_and_blank_files_are_empty_articles() {
    let dir = tempfile::tempdir().unwrap();
    for (name, bytes) in [("empty.txt", &b""[..]), ("blank.txt", b"\n \n\t\n\r\n")] {
        let path = file(dir.path(), name, bytes);
        let screen = render(dir.path(), &path, 40, 6, "G j space");
        assert!(screen.lines().last().unwrap().contains("0/0"), "{screen}");
        let json = extract(dir.path(), &path, &[]);
        assert_eq!(json["title"], "");
        for key in ["quotes", "speakers", "timexes", "timeline"] {
            assert_eq!(json[key], serde_json::json!([]), "{key}");
        }
    }
}

#[test]
fn invalid_utf8_opens_with_a_warning() {
    let dir = tempfile::tempdir().unwrap();
    let path = file(
        dir.path(),
        "mixed.txt",
        b"Title \xff\xfe here\n\nA body \xc3 with \xed\xa0\x80 broken bytes.\n",
    );
    // Nothing here is UTF-8, so it is read in the legacy encoding that fits best, with a
    // warning that says which.
    let screen = render(dir.path(), &path, 70, 6, "");
    assert!(screen.contains("not valid UTF-8: read as"), "{screen}");
    let json = extract(dir.path(), &path, &[]);
    let title = json["title"].as_str().unwrap();
    assert!(
        title.starts_with("Title ") && title.ends_with(" here"),
        "{title}"
    );

    // UTF-8 with a few broken bytes stays UTF-8: the damage shows as �, the rest as written.
    let mut bytes = "Заголовок — «новости»\n\nТекст статьи с "
        .as_bytes()
        .to_vec();
    bytes.push(0xff);
    bytes.extend(" ошибкой.\n".as_bytes());
    let path = file(dir.path(), "damaged.txt", bytes);
    let screen = render(dir.path(), &path, 70, 6, "");
    assert!(screen.contains("Заголовок — «новости»"), "{screen}");
    assert!(screen.contains("Текст статьи с � ошибкой."), "{screen}");
    assert!(screen.contains("not valid UTF-8: undecodable"), "{screen}");
    let json = extract(dir.path(), &path, &[]);
    assert!(json["quotes"].is_array());
}

#[test]
fn cp1251_war_and_peace_opens_with_an_encoding_warning() {
    let dir = tempfile::tempdir().unwrap();
    let path = fixture_book("voyna_i_mir_tom1_ru.cp1251.txt");
    for keys in ["", "G", "space space space"] {
        let screen = render(dir.path(), &path, 80, 24, keys);
        assert!(
            screen.lines().last().unwrap().contains("READING"),
            "{screen}"
        );
        if keys.is_empty() {
            assert!(screen.contains("read as windows-1251"), "{screen}");
            assert!(
                screen.contains("Война и мир"),
                "readable Cyrillic: {screen}"
            );
        }
    }
    let json = extract(dir.path(), &path, &[]);
    assert!(json["quotes"].is_array());
}

#[test]
fn utf16_with_a_bom_is_decoded() {
    let dir = tempfile::tempdir().unwrap();
    let text = "Утренние новости\n\n«Мы готовы», сказал Лавров во вторник.\n";
    let mut le = vec![0xff, 0xfe];
    let mut be = vec![0xfe, 0xff];
    for unit in text.encode_utf16() {
        le.extend(unit.to_le_bytes());
        be.extend(unit.to_be_bytes());
    }
    for (name, bytes) in [("le.txt", le), ("be.txt", be)] {
        let path = file(dir.path(), name, bytes);
        let json = extract(dir.path(), &path, &[]);
        assert_eq!(json["title"], "Утренние новости", "{name}");
        assert_eq!(json["quotes"][0]["text"], "Мы готовы", "{name}");
        let screen = render(dir.path(), &path, 60, 6, "");
        assert!(
            !screen.contains("UTF-8"),
            "no warning for a declared encoding: {screen}"
        );
    }
}

#[test]
fn crlf_and_lone_cr_read_like_lf() {
    let dir = tempfile::tempdir().unwrap();
    let lf = "Title\n\nFirst line\nof one paragraph.\n\nSecond paragraph.\n";
    let unix = file(dir.path(), "lf.txt", lf);
    let want = render(dir.path(), &unix, 50, 8, "");
    for (name, ending) in [("crlf.txt", "\r\n"), ("cr.txt", "\r")] {
        let path = file(dir.path(), name, lf.replace('\n', ending));
        assert_eq!(render(dir.path(), &path, 50, 8, ""), want, "{name}");
        assert_eq!(
            extract(dir.path(), &path, &[]),
            extract(dir.path(), &unix, &[])
        );
    }
    // --plain keeps char offsets into the file as it is, CRs included.
    let crlf = "He said \u{201c}yes\u{201d}.\r\n\r\nShe said \u{201c}no\u{201d}.\r\n";
    let path = file(dir.path(), "plain.txt", crlf);
    let json = extract(dir.path(), &path, &["--plain"]);
    let chars: Vec<char> = crlf.chars().collect();
    for quote in json["quotes"].as_array().unwrap() {
        let (start, end) = (
            quote["start"].as_u64().unwrap(),
            quote["end"].as_u64().unwrap(),
        );
        let at: String = chars[start as usize..end as usize].iter().collect();
        assert_eq!(quote["text"], at);
    }
    assert_eq!(json["quotes"].as_array().unwrap().len(), 2);
}

#[test]
fn tabs_become_spaces_at_tab_stops() {
    let dir = tempfile::tempdir().unwrap();
    let path = file(dir.path(), "tabs.txt", "Title\n\na\tb\tc\n\n\t\tindented\n");
    let screen = render(dir.path(), &path, 40, 8, "");
    assert!(!screen.contains('\t'));
    assert!(screen.contains("a   b   c"), "{screen}");
    assert!(screen.contains("  indented"), "{screen}");
}

#[test]
fn nul_bytes_mean_binary_at_the_start_and_are_shown_later() {
    let dir = tempfile::tempdir().unwrap();
    let early = file(dir.path(), "early.txt", "Title\n\nA NUL\0 byte.\n");
    refused(
        dir.path(),
        &early,
        2,
        &format!("{}: not a text file", early.display()),
    );
    // Past the sniffed head a NUL is a stray control character: shown as a symbol.
    let late = file(
        dir.path(),
        "late.txt",
        format!(
            "Title\n\n{}\n\nA NUL\0 byte.\n",
            "Filler words here. ".repeat(1000)
        ),
    );
    let screen = render(dir.path(), &late, 40, 6, "G");
    assert!(screen.contains("A NUL␀ byte."), "{screen}");
    assert!(!screen.contains('\0'));
}

#[test]
fn a_ten_megabyte_single_line_renders_to_its_end() {
    let dir = tempfile::tempdir().unwrap();
    let mut line = String::with_capacity(10 << 20);
    let mut n = 0;
    while line.len() < 10 << 20 {
        line.push_str(&format!("w{n} "));
        n += 1;
    }
    line.push_str("THE-END.");
    let path = file(dir.path(), "one-line.txt", format!("Title\n\n{line}"));
    let top = render(dir.path(), &path, 80, 10, "");
    assert!(top.starts_with("  Title\n\n  w0 w1 w2 "), "{top}");
    let end = render(dir.path(), &path, 80, 10, "G");
    // Wrapped at word boundaries: whole words in order, up to the last one.
    let words: Vec<&str> = reader_rows(&end)
        .into_iter()
        .flat_map(|r| r.split(' '))
        .collect();
    assert_eq!(
        words[words.len() - 2..],
        [format!("w{}", n - 1).as_str(), "THE-END."],
        "{end}"
    );
    for pair in words[..words.len() - 1].windows(2) {
        let a: usize = pair[0][1..].parse().unwrap();
        let b: usize = pair[1][1..].parse().unwrap();
        assert_eq!(a + 1, b, "{end}");
    }
}

#[test]
fn a_ten_megabyte_line_without_a_break_opportunity_is_cut_at_the_width() {
    let dir = tempfile::tempdir().unwrap();
    let path = file(
        dir.path(),
        "one-word.txt",
        format!("Title\n\n{}END", "x".repeat(10 << 20)),
    );
    let end = render(dir.path(), &path, 80, 10, "G");
    let rows = reader_rows(&end);
    let (last, full) = rows.split_last().unwrap();
    assert!(last.ends_with("xEND"), "{end}");
    let width = full[0].len();
    assert!(width > 70, "{end}");
    assert!(full.iter().all(|r| *r == "x".repeat(width)), "{end}");
}

#[test]
fn a_four_hundred_megabyte_file_is_refused_without_being_read() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("huge.txt");
    {
        // Text at the start, then a hole: 400 MB on paper, a few bytes on disk. Were it read,
        // the zeros would make it "not a text file" instead.
        let f = std::fs::File::create(&path).unwrap();
        std::io::Write::write_all(&mut &f, b"Title\n\nBody.\n").unwrap();
        f.set_len(400 << 20).unwrap();
    }
    let size = 400u64 << 20;
    refused(
        dir.path(),
        &path,
        2,
        &format!(
            "{}: file is too large ({size} bytes; the limit is {} bytes)",
            path.display(),
            256u64 << 20
        ),
    );
    std::fs::remove_file(&path).unwrap();
}

#[test]
fn a_directory_without_articles_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let articles = dir.path().join("articles");
    std::fs::create_dir(&articles).unwrap();
    std::fs::write(articles.join("photo.jpg"), b"\xff\xd8\xff").unwrap();
    // A folder opens as a library; one with no article files in it is an error.
    refused(
        dir.path(),
        &articles,
        2,
        &format!(
            "{}: no articles (.txt, .md or .html files) in it",
            articles.display()
        ),
    );
}

#[test]
fn a_missing_file_is_named() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("no-such-article.txt");
    refused(
        dir.path(),
        &path,
        2,
        &format!("{}: No such file or directory (os error 2)", path.display()),
    );
}

/// Unix only: Unix permissions and `geteuid`.
#[cfg(unix)]
#[test]
fn an_unreadable_file_is_named() {
    use std::os::unix::fs::PermissionsExt;
    // SAFETY: geteuid has no preconditions.
    if unsafe { libc::geteuid() } == 0 {
        eprintln!("skipped: running as root, which can read a file without read permission");
        return;
    }
    let dir = tempfile::tempdir().unwrap();
    let path = file(dir.path(), "secret.txt", "Title\n\nBody.\n");
    std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o000)).unwrap();
    refused(
        dir.path(),
        &path,
        2,
        &format!("{}: Permission denied (os error 13)", path.display()),
    );
}

/// Unix only: a pseudo-terminal (`openpty`).
#[cfg(unix)]
#[test]
fn terminal_controls_in_an_article_never_reach_the_terminal() {
    let dir = tempfile::tempdir().unwrap();
    // Each payload carries a marker that would survive if any part of it got through.
    let path = file(
        dir.path(),
        "evil.txt",
        "Evil \x1b]2;TITLE-7341\x07headline\n\n\
         csi \x1b[31;7341mred\x1b[0m \x1b[7341A up \x1b[2J clear\n\
         osc52 \x1b]52;c;NzM0MQ==\x07 and with ST \x1b]52;p;NzM0Mg==\x1b\\ done\n\
         osc8 \x1b]8;;http://7341.example\x1b\\link\x1b]8;;\x1b\\ done\n\
         dcs \x1bP1$r7341\x1b\\ c1 \u{9b}7341m \u{9d}0;7341\u{9c} bell\x07 reset\x1bc\n\
         bidi \u{202e}olleh\u{202c} \u{2067}abc\u{2069} \u{202d}x\u{202a}y\u{202b}z \u{2066}\u{2068}end\n",
    );
    let mut t = Pty::spawn_in(&[path.to_str().unwrap()], dir.path(), 140, 24);
    let screen = t.wait_for("end");
    assert!(screen.contains("Evil headline"), "{screen}");
    // What the overrides enclosed is text: shown, in logical order.
    let words = screen.split_whitespace().collect::<Vec<_>>().join(" ");
    assert!(words.contains("bidi olleh abc xyz end"), "{screen}");
    t.send("q");
    assert_eq!(t.wait_exit(), Some(0));
    let raw = t.raw();
    let text = String::from_utf8_lossy(&raw);
    assert!(!text.contains("7341"), "a payload reached the terminal");
    assert!(
        !text.contains("NzM0"),
        "an OSC 52 clipboard payload reached the terminal"
    );
    assert!(
        !text.contains("\x1b]"),
        "an OSC sequence reached the terminal"
    );
    assert!(
        !text.contains("\x1bP"),
        "a DCS sequence reached the terminal"
    );
    assert!(
        !text.contains("\x1bc"),
        "a terminal reset reached the terminal"
    );
    assert!(!raw.contains(&0x07), "BEL reached the terminal");
    assert!(
        !text.chars().any(|c| ('\u{80}'..='\u{9f}').contains(&c)),
        "a C1 control reached the terminal"
    );
    for c in [
        '\u{202a}', '\u{202b}', '\u{202c}', '\u{202d}', '\u{202e}', '\u{2066}', '\u{2067}',
        '\u{2068}', '\u{2069}',
    ] {
        assert!(
            !text.contains(c),
            "bidi control U+{:04X} reached the terminal",
            c as u32
        );
    }
}

#[test]
fn terminal_controls_never_reach_render_output() {
    let dir = tempfile::tempdir().unwrap();
    let path = file(
        dir.path(),
        "evil.txt",
        "Evil\n\nclip \x1b]52;c;aGVsbG8=\x07 red \x1b[31mtext\x1b[0m bell\x07 \u{202e}rtl\n",
    );
    let screen = render(dir.path(), &path, 60, 6, "");
    assert!(!screen.contains('\x1b'), "ESC reached the output");
    assert!(!screen.contains('\x07'), "BEL reached the output");
    assert!(screen.contains("clip  red text bell␇ rtl"), "{screen}");
}

#[test]
fn thousands_of_unbalanced_quote_marks() {
    let dir = tempfile::tempdir().unwrap();
    let marks = [
        '"', '\'', '\u{201c}', '\u{201d}', '\u{2018}', '\u{2019}', '«', '»', '„', '‹',
    ];
    let mut body = String::new();
    for i in 0..6000 {
        body.push(marks[(i * 7 + i / 10) % marks.len()]);
        body.push_str(if i % 3 == 0 { "word said Smith " } else { "x " });
        if i % 500 == 499 {
            body.push_str("\n\n");
        }
    }
    let path = file(dir.path(), "quotes.txt", format!("Title\n\n{body}"));
    let text_chars = extract(dir.path(), &path, &["--plain"]);
    let json = extract(dir.path(), &path, &[]);
    for json in [json, text_chars] {
        for quote in json["quotes"].as_array().unwrap() {
            let (start, end) = (
                quote["start"].as_u64().unwrap(),
                quote["end"].as_u64().unwrap(),
            );
            assert!(start <= end, "{quote}");
        }
    }
    render(dir.path(), &path, 80, 24, "] ] ] > G [");
}

/// Pages through a book at two sizes and checks that the reader shows the text itself: every
/// character, in order, none split or dropped at a row's end.
fn reads_whole_characters(book: &str) {
    let dir = tempfile::tempdir().unwrap();
    let path = fixture_book(book);
    let text = without_whitespace(&String::from_utf8(std::fs::read(&path).unwrap()).unwrap());
    for (width, height) in [(40, 12), (81, 24)] {
        for keys in ["space space space", "G", "G b b k"] {
            let screen = render(dir.path(), &path, width, height, keys);
            let shown = without_whitespace(&reader_rows(&screen).concat());
            assert!(
                shown.chars().count() > usize::from(width),
                "{book} {width}x{height} {keys}: {screen}"
            );
            assert!(
                text.contains(&shown),
                "{book} {width}x{height} after {keys}: the screen is not a passage of the book:\n{screen}"
            );
        }
    }
}

#[test]
fn chinese_text_keeps_wide_characters_whole() {
    reads_whole_characters("hongloumeng_zh.txt");
}

#[test]
fn russian_text_reads_whole() {
    reads_whole_characters("voyna_i_mir_tom1_ru.txt");
}

#[test]
fn malformed_config_files_name_file_and_line() {
    let dir = tempfile::tempdir().unwrap();
    let cases = [
        (
            "[keys.normal]\nquit = [\"q\"]\nscroll_dwn = [\"j\"]\n",
            ":3: unknown action `scroll_dwn`",
        ),
        (
            "[keys.normal]\nquit = [\"q\"\n[theme]\n",
            ":3: missing comma",
        ),
        (
            "[theme]\ntitle = \"chartreuse-ish\"\n",
            ":2: unknown colour `chartreuse-ish`",
        ),
        (
            "[keys.normal]\nquit = [\"hyper-q\"]\n",
            ":2: unknown key `hyper-q`",
        ),
    ];
    for (src, want) in cases {
        let config = file(dir.path(), "config.toml", src);
        lectern(dir.path())
            .arg("render")
            .assert()
            .code(1)
            .stdout("")
            .stderr(predicate::str::starts_with(format!(
                "lectern: {}{want}",
                config.display()
            )))
            .stderr(predicate::function(|s: &str| s.lines().count() == 1));
    }
    // Not UTF-8 (saved as UTF-16 by an editor): the file is named, without a line.
    let config = file(dir.path(), "config.toml", b"\xff\xfe[\0k\0");
    lectern(dir.path())
        .arg("render")
        .assert()
        .code(1)
        .stderr(format!(
            "lectern: {}: stream did not contain valid UTF-8\n",
            config.display()
        ));
}

#[test]
fn a_corrupt_notes_file_is_left_untouched_and_notes_are_read_only() {
    use lectern::notes::Store;
    use lectern::source::{Input, LoadOptions, load};

    let dir = tempfile::tempdir().unwrap();
    let sample = load(&Input::Sample, LoadOptions::default()).unwrap();
    let mut store = Store::open(&dir.path().join("data"), &sample);
    store.add(&sample, 0..4, "yellow", "kept").unwrap();
    let corrupt = b"version = 1\ntitle = \"NATO\"\n[[notes]\nid = \"half-written".to_vec();
    std::fs::write(store.path(), &corrupt).unwrap();

    let notes_dir = dir.path().join("data/notes");
    let listing = || {
        let mut names: Vec<_> = std::fs::read_dir(&notes_dir)
            .unwrap()
            .map(|e| e.unwrap().file_name())
            .collect();
        names.sort();
        names
    };
    let before = listing();

    let mut t = Pty::spawn_in(&[], dir.path(), 110, 30);
    t.wait_for("notes are read-only");
    // Every way of writing is refused with the reason: highlight, annotate, change colour.
    for key in ["h", "a", "c"] {
        t.send("j");
        t.wait_for_absent("read-only");
        t.send(key);
        t.wait_for("notes are read-only");
    }
    t.send("q");
    assert_eq!(t.wait_exit(), Some(0));
    assert_eq!(
        std::fs::read(store.path()).unwrap(),
        corrupt,
        "the notes file changed"
    );
    assert_eq!(
        listing(),
        before,
        "files appeared or vanished beside the notes file"
    );
}
