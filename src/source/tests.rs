//! Loading and parsing articles: encodings, limits, formats, blocks.

use chrono::NaiveDate;

use super::load::{SNIFF_LEN, decode, read_limited};
use super::*;

proptest::proptest! {
    /// Any bytes (without NUL, which ends as "not a text file" at once): an article or a
    /// clear error, never a panic; the text is safe to print
    /// and every block is a char-boundary range inside it.
    #[test]
    fn any_bytes_load_safely(bytes in proptest::collection::vec(1u8..=255, 0..600)) {
        if let Ok(article) = from_bytes(&bytes, "t", LoadOptions::default()) {
            let text = article.text();
            proptest::prop_assert!(text.chars().all(is_safe));
            for b in article.blocks() {
                proptest::prop_assert!(b.range.start <= b.range.end && b.range.end <= text.len());
                proptest::prop_assert!(text.is_char_boundary(b.range.start));
                proptest::prop_assert!(text.is_char_boundary(b.range.end));
            }
        }
    }
}

#[test]
fn legacy_encodings_are_read_and_damaged_utf8_stays_utf8() {
    // "Москва сказала" in Windows-1251.
    let cp1251 = b"\xcc\xee\xf1\xea\xe2\xe0 \xf1\xea\xe0\xe7\xe0\xeb\xe0 \xee\xe1 \xfd\xf2\xee\xec";
    let (text, warning) = decode(cp1251, "t", None).unwrap();
    assert_eq!(text, "Москва сказала об этом");
    assert_eq!(
        warning.as_deref(),
        Some("not valid UTF-8: read as windows-1251 (a guess)")
    );
    let mut damaged = "Москва сказала".as_bytes().to_vec();
    damaged.push(0xff);
    let (text, warning) = decode(&damaged, "t", None).unwrap();
    assert_eq!(text, "Москва сказала\u{fffd}");
    assert!(warning.unwrap().contains("undecodable"));
    assert_eq!(
        decode("plain".as_bytes(), "t", None).unwrap(),
        ("plain".into(), None)
    );
}

#[test]
fn a_page_is_read_in_the_encoding_it_declares() {
    let page = |head: &str, body: &[u8]| {
        let mut bytes = format!("<!doctype html><html><head>{head}</head><body><p>").into_bytes();
        bytes.extend_from_slice(body);
        bytes
    };
    // “Café” in windows-1252.
    let cafe = b"\x93Caf\xe9\x94";
    let bytes = page("<meta charset=\"windows-1252\">", cafe);
    let (text, warning) = decode(&bytes, "p", None).unwrap();
    assert!(text.ends_with("<p>“Café”"), "{text}");
    assert_eq!(
        warning.as_deref(),
        Some("not valid UTF-8: read as windows-1252 (declared by the page)")
    );
    // Only a web page's declaration counts.
    let (_, warning) = decode(&bytes, "p", Some(Format::Text)).unwrap();
    assert!(warning.unwrap().ends_with("(a guess)"));
    // The declaration beats the guess: 0xA4 is € in ISO-8859-15, ¤ in windows-1252.
    let euro = page("<meta charset=iso-8859-15>", b"Caf\xe9 \xe0 2 \xa4");
    let (text, _) = decode(&euro, "p", None).unwrap();
    assert!(text.ends_with("Café à 2 €"), "{text}");
    let (text, _) = decode(&euro, "p", Some(Format::Text)).unwrap();
    assert!(text.ends_with("Café à 2 ¤"), "{text}");
    // Valid UTF-8 stays UTF-8 whatever the page says.
    let utf8 = page("<meta charset=koi8-r>", "“Café”".as_bytes());
    assert_eq!(decode(&utf8, "p", None).unwrap().1, None);
    // A declared UTF-8 that the bytes are not is no help: they are guessed.
    let (_, warning) = decode(&page("<meta charset=utf-8>", cafe), "p", None).unwrap();
    assert!(warning.unwrap().ends_with("(a guess)"));
    // A UTF-8 byte order mark outranks the declaration, as in browsers.
    let mut bom = b"\xef\xbb\xbf".to_vec();
    bom.extend(page("<meta charset=koi8-r>", b"\xe9\xe9"));
    let (_, warning) = decode(&bom, "p", Some(Format::Html)).unwrap();
    assert_eq!(
        warning.as_deref(),
        Some("not valid UTF-8: read as UTF-8 (by its byte order mark)")
    );
}

fn parse(s: &str) -> Article {
    Article::parse(s, "test.txt", LoadOptions::default()).expect("parses")
}

#[test]
fn sample_has_title_date_tags_and_no_repeated_title() {
    let a = load(&Input::Sample, LoadOptions::default()).unwrap();
    assert_eq!(a.meta.title, "NATO Resumes Dialogue with Russia");
    assert_eq!(a.meta.date, NaiveDate::from_ymd_opt(2016, 4, 21));
    assert_eq!(a.meta.tags, vec!["NATO", "Russia"]);
    assert_eq!(a.text().matches("NATO Resumes Dialogue").count(), 1);
    assert!(
        a.text()
            .starts_with("NATO Resumes Dialogue with Russia\n\nNATO and Russia held")
    );
    assert!(a.text().ends_with("back in business with each other."));
    assert!(!a.text().contains("Tags:"));
    assert_eq!(a.blocks()[0].kind, BlockKind::Title);
}

#[test]
fn blocks_are_byte_ranges_separated_by_blank_lines() {
    let a = parse("Title\n\nOne\ntwo.\n\n\n  Three.\n");
    assert_eq!(a.text(), "Title\n\nOne two.\n\nThree.");
    let texts: Vec<_> = a
        .blocks()
        .iter()
        .map(|b| &a.text()[b.range.clone()])
        .collect();
    assert_eq!(texts, ["Title", "One two.", "Three."]);
}

#[test]
fn tags_line_with_commas() {
    let a = parse("T\n\nBody.\n\nTags: a, b c");
    assert_eq!(a.meta.tags, ["a", "b c"]);
    let a = parse("T\n\nBody.\n\nTags: NATO\u{a0} Russia");
    assert_eq!(a.meta.tags, ["NATO", "Russia"]);
}

#[test]
fn front_matter_sets_meta() {
    let a =
        parse("+++\ntitle = \"Hello\"\ndate = 2016-04-21\ntags = [\"x\"]\n+++\nHello\n\nBody.\n");
    assert_eq!(a.meta.title, "Hello");
    assert_eq!(a.meta.date, NaiveDate::from_ymd_opt(2016, 4, 21));
    assert_eq!(a.text(), "Hello\n\nBody.");
}

#[test]
fn yaml_front_matter_sets_meta_of_plain_text() {
    let a = parse(
        "---\ntitle: 'Hello: again'\ndate: \"2016-04-21\"\ntags: [x, y]\n---\nHello: again\n\nBody.\n",
    );
    assert_eq!(a.meta.title, "Hello: again");
    assert_eq!(a.meta.date, NaiveDate::from_ymd_opt(2016, 4, 21));
    assert_eq!(a.meta.tags, ["x", "y"]);
    assert_eq!(a.text(), "Hello: again\n\nBody.");
    // A text that opens with a rule above prose keeps it.
    let a = parse("---\nA line.\n---\n");
    assert_eq!(a.text(), "--- A line. ---");
    // YAML it cannot read: skipped, with a warning, and the text still opens.
    let a = Article::parse(
        "---\ntitle: \"x\n---\nBody",
        "a.txt",
        LoadOptions::default(),
    )
    .unwrap();
    assert_eq!(a.text(), "Body");
    assert_eq!(
        a.warnings(),
        ["a.txt:2: front matter not read: the value opened with `\"` has no closing `\"`"]
    );
}

#[test]
fn malformed_front_matter_names_file_and_line() {
    let err = Article::parse(
        "+++\ntitle = \"x\"\ndate = = 3\n+++\nBody",
        "a.txt",
        LoadOptions::default(),
    )
    .unwrap_err();
    let msg = err.to_string();
    assert!(msg.starts_with("a.txt:3: front matter"), "{msg}");
}

#[test]
fn binary_is_refused() {
    let err = from_bytes(b"%PDF-1.4\0\0\x01", "x.pdf", LoadOptions::default()).unwrap_err();
    assert_eq!(err.to_string(), "x.pdf: not a text file");
    assert_eq!(err.exit_code(), 2);
}

/// A PDF or an image whose head has no NUL (8-bit text objects, a JPEG's markers) is still
/// refused, by its signature, not shown as mojibake.
#[test]
fn binary_formats_without_a_nul_are_refused_by_signature() {
    for (bytes, name) in [
        (
            &b"%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\n"[..],
            "a.pdf",
        ),
        (&b"\x89PNG\r\n\x1a\n\x11\x22IHDR"[..], "a.png"),
        (&b"\xff\xd8\xff\xe0\x11JFIF\x01\x01"[..], "a.jpg"),
        (
            &b"PK\x03\x04\x14\x06mimetypeapplication/epub+zip"[..],
            "a.epub",
        ),
    ] {
        let err = from_bytes(bytes, name, LoadOptions::default()).unwrap_err();
        assert_eq!(err.to_string(), format!("{name}: not a text file"));
        assert_eq!(err.exit_code(), 2);
    }
    // Text that merely mentions a format opens.
    assert!(
        from_bytes(
            b"PDF files\n\n%PDF-1.4 starts one.",
            "t",
            LoadOptions::default()
        )
        .is_ok()
    );
}

#[test]
fn invalid_utf8_warns() {
    let a = from_bytes(
        b"T\n\n\xcf\xf0\xe8\xe2\xe5\xf2",
        "ru.txt",
        LoadOptions::default(),
    )
    .unwrap();
    // cp1251: read as such, with a warning naming the guess.
    assert!(a.text().contains("Привет"), "{}", a.text());
    assert_eq!(a.warnings().len(), 1);
    assert!(a.warnings()[0].contains("windows-1251"));
}

#[test]
fn utf16_with_bom_decodes() {
    let mut bytes = vec![0xff, 0xfe];
    for u in "Title\n\nBody".encode_utf16() {
        bytes.extend(u.to_le_bytes());
    }
    let a = from_bytes(&bytes, "u16.txt", LoadOptions::default()).unwrap();
    assert_eq!(a.text(), "Title\n\nBody");
}

#[test]
fn escapes_crlf_and_bom_are_cleaned() {
    let a = parse("\u{feff}T\r\n\r\nred \u{1b}[31mtext\u{1b}[0m\u{7}\r\n");
    assert_eq!(a.text(), "T\n\nred text␇");
}

#[test]
fn empty_input_is_an_empty_article() {
    let a = parse("");
    assert_eq!(a.text(), "");
    assert!(a.blocks().is_empty());
}

#[test]
fn plain_keeps_char_offsets() {
    let raw = "Title line\n\nIt said \u{1b}[1m“hi”\tnow.\r\nMore.\n";
    let a = Article::parse(raw, "p", LoadOptions::PLAIN).unwrap();
    assert_eq!(a.text().chars().count(), raw.chars().count());
    assert_eq!(a.meta.title, "");
    assert_eq!(a.blocks().len(), 2);
    assert_eq!(&a.text()[a.blocks()[0].range.clone()], "Title line");
}

#[test]
fn endless_streams_are_cut_at_the_limit_or_refused_as_binary() {
    let err = read_limited(std::io::repeat(b'a'), "endless", 100_000).unwrap_err();
    assert_eq!(
        err.to_string(),
        format!("endless: file is too large (over 100000 bytes; the limit is {MAX_SIZE} bytes)")
    );
    let err = read_limited(std::io::repeat(0), "zeros", 100_000).unwrap_err();
    assert_eq!(err.to_string(), "zeros: not a text file");
    // What fits is read whole, across the sniffed head.
    let text = "word ".repeat(SNIFF_LEN);
    let bytes = read_limited(text.as_bytes(), "ok", 100_000).unwrap();
    assert_eq!(bytes, text.as_bytes());
}

#[test]
fn a_device_without_a_size_is_not_read_forever() {
    let err = load(&Input::Path("/dev/zero".into()), LoadOptions::default()).unwrap_err();
    assert_eq!(err.to_string(), "/dev/zero: not a text file");
}

#[test]
fn directory_and_missing_file_are_errors() {
    let dir = tempfile::tempdir().unwrap();
    let err = load(&Input::Path(dir.path().into()), LoadOptions::default()).unwrap_err();
    assert!(err.to_string().contains("is a directory"));
    let err = load(
        &Input::Path(dir.path().join("nope.txt")),
        LoadOptions::default(),
    )
    .unwrap_err();
    assert!(err.to_string().contains("nope.txt"));
}
