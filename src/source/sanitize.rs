//! Make arbitrary text safe to put on a terminal.
//!
//! Nothing from a file may drive the terminal: escape sequences (CSI, OSC, DCS, SOS/PM/APC, and
//! their 8-bit C1 forms) are removed whole, other control characters become visible control
//! pictures (`␇`), bidi overrides are dropped so they cannot reorder what the reader shows.
//!
//! Two flavours share one scanner: [`sanitize`] also normalises line endings, drops a BOM and
//! expands tabs (what the reader wants), while [`sanitize_keep_offsets`] maps every input char to
//! exactly one output char, so character offsets still point into the file as it is (what
//! `extract --plain` promises).

/// Tab stops every this many columns.
pub const TAB_WIDTH: usize = 4;

/// Sanitises `input` for display: see the module docs.
pub fn sanitize(input: &str) -> String {
    let input = input.strip_prefix('\u{feff}').unwrap_or(input);
    let mut out = String::with_capacity(input.len());
    // The column is only needed at a tab: it is kept as the column at byte `mark` of `out`,
    // and brought up to date by counting the chars pushed since.
    let mut mark = 0usize;
    let mut column = 0usize;
    let mut chars = input.chars();
    while let Some(c) = next_unsafe(&mut chars, &mut out) {
        match c {
            '\n' => {
                out.push('\n');
                (mark, column) = (out.len(), 0);
            }
            '\r' => {
                if peek(&chars) == Some('\n') {
                    chars.next();
                }
                out.push('\n');
                (mark, column) = (out.len(), 0);
            }
            '\t' => {
                column += out[mark..].chars().count();
                let spaces = TAB_WIDTH - column % TAB_WIDTH;
                out.extend(std::iter::repeat_n(' ', spaces));
                (mark, column) = (out.len(), column + spaces);
            }
            _ => match classify(c) {
                Class::Keep => out.push(c),
                Class::Drop => {}
                Class::Picture(p) => out.push(p),
                Class::Sequence(kind) => {
                    if skip_sequence(kind, &mut chars, |_| {}) {
                        out.push('\n');
                        (mark, column) = (out.len(), 0);
                    }
                }
            },
        }
    }
    out
}

/// Sanitises `input` so that char `i` of the output stands for char `i` of the input: removed
/// characters become spaces, controls become pictures. Line endings and tabs are kept.
pub fn sanitize_keep_offsets(input: &str) -> String {
    let mut out = String::with_capacity(input.len());
    let mut chars = input.chars();
    while let Some(c) = next_unsafe(&mut chars, &mut out) {
        match c {
            '\n' | '\t' => out.push(c),
            '\r' => out.push(if peek(&chars) == Some('\n') {
                ' '
            } else {
                '\n'
            }),
            '\u{feff}' => out.push(' '),
            _ => match classify(c) {
                Class::Keep => out.push(c),
                Class::Drop => out.push(' '),
                Class::Picture(p) => out.push(p),
                Class::Sequence(kind) => {
                    out.push(' ');
                    if skip_sequence(kind, &mut chars, |_| out.push(' ')) {
                        out.push('\n');
                    }
                }
            },
        }
    }
    out
}

/// Lead bytes of the chars the scanner must look at: C0 controls, DEL, and the first byte of
/// the C1 controls (`C2`), of the bidi controls (`E2`) and of the BOM (`EF`). Every other byte
/// starts or continues a char that is kept as it is.
const LOOK: [bool; 256] = {
    let mut t = [false; 256];
    let mut b = 0;
    while b < 0x20 {
        t[b] = true;
        b += 1;
    }
    t[0x7f] = true;
    t[0xc2] = true;
    t[0xe2] = true;
    t[0xef] = true;
    t
};

/// Copies the run of chars that need no change from the front of `chars` to `out` in one go
/// (nearly all of a real text), then returns the char after it, which may need one.
fn next_unsafe(chars: &mut std::str::Chars<'_>, out: &mut String) -> Option<char> {
    let rest = chars.as_str();
    let run = safe_run(rest.as_bytes());
    // `LOOK` only flags ASCII bytes and lead bytes, so `run` is on a char boundary.
    out.push_str(&rest[..run]);
    *chars = rest[run..].chars();
    chars.next()
}

/// The length of the prefix of `bytes` with no byte flagged in `LOOK`. Eight bytes of
/// printable ASCII (most of any text) are passed at a time; only a word with some other byte
/// is looked at byte by byte.
fn safe_run(bytes: &[u8]) -> usize {
    const ONES: u64 = u64::from_ne_bytes([0x01; 8]);
    const HIGH: u64 = u64::from_ne_bytes([0x80; 8]);
    let flagged = |b: &u8| LOOK[usize::from(*b)];
    let mut i = 0;
    for chunk in bytes.chunks_exact(8) {
        let x = u64::from_ne_bytes(chunk.try_into().unwrap_or_default());
        // With no high bit set, a byte below 0x20 borrows into a high bit when 0x20 is taken
        // from each byte, and so does a DEL once xored with 0x7f and decremented.
        let below_space = x.wrapping_sub(ONES * 0x20);
        let del = (x ^ (ONES * 0x7f)).wrapping_sub(ONES);
        if (x | below_space | del) & HIGH != 0
            && let Some(p) = chunk.iter().position(flagged)
        {
            return i + p;
        }
        i += 8;
    }
    i + bytes[i..]
        .iter()
        .position(flagged)
        .unwrap_or(bytes.len() - i)
}

fn peek(chars: &std::str::Chars<'_>) -> Option<char> {
    chars.as_str().chars().next()
}

/// True when `c` would survive [`sanitize`] unchanged (used by tests and debug assertions).
pub fn is_safe(c: char) -> bool {
    matches!(c, '\n') || matches!(classify(c), Class::Keep)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Sequence {
    /// ESC followed by one more char (ESC 7, ESC =, …) or an introducer we resolve on the fly.
    Escape,
    /// Control Sequence Introducer: parameters then one final byte in `@`..=`~`.
    Csi,
    /// OSC, DCS, SOS, PM, APC: a string terminated by BEL or ST (ESC \ or U+009C).
    String,
}

enum Class {
    Keep,
    Drop,
    Picture(char),
    Sequence(Sequence),
}

fn classify(c: char) -> Class {
    match c {
        '\u{1b}' => Class::Sequence(Sequence::Escape),
        '\u{9b}' => Class::Sequence(Sequence::Csi),
        '\u{90}' | '\u{98}' | '\u{9d}' | '\u{9e}' | '\u{9f}' => Class::Sequence(Sequence::String),
        // C0 controls as control pictures, DEL as ␡.
        '\0'..='\u{1f}' => Class::Picture(char::from_u32(0x2400 + c as u32).unwrap_or('\u{fffd}')),
        '\u{7f}' => Class::Picture('\u{2421}'),
        '\u{80}'..='\u{9f}' => Class::Picture('\u{fffd}'),
        // Bidi embeddings, overrides and isolates: they reorder what follows on the terminal.
        '\u{202a}'..='\u{202e}' | '\u{2066}'..='\u{2069}' => Class::Drop,
        _ => Class::Keep,
    }
}

/// Consumes the rest of an escape sequence, calling `on_skip` per consumed char. Returns true
/// when the sequence was cut short by a newline, which was consumed and is text again.
fn skip_sequence(
    kind: Sequence,
    chars: &mut std::str::Chars<'_>,
    mut on_skip: impl FnMut(char),
) -> bool {
    let mut kind = kind;
    if kind == Sequence::Escape {
        match peek(chars) {
            Some('[') => kind = Sequence::Csi,
            Some(']' | 'P' | 'X' | '^' | '_') => kind = Sequence::String,
            Some(c) if ('\u{20}'..='\u{7e}').contains(&c) => {
                // Two-char escape, possibly with intermediates (ESC ( B): skip intermediates
                // (0x20..=0x2F) and the final char.
                while let Some(c) = peek(chars) {
                    chars.next();
                    on_skip(c);
                    if !('\u{20}'..='\u{2f}').contains(&c) {
                        break;
                    }
                }
                return false;
            }
            _ => return false,
        }
        if let Some(c) = chars.next() {
            on_skip(c);
        }
    }
    match kind {
        Sequence::Csi => {
            for c in chars.by_ref() {
                if c == '\n' {
                    return true;
                }
                on_skip(c);
                if ('\u{40}'..='\u{7e}').contains(&c) {
                    break;
                }
            }
        }
        Sequence::String => {
            // Bounded by the string terminator or the end of the line: a stray OSC must not
            // swallow the rest of an article.
            while let Some(c) = chars.next() {
                match c {
                    '\u{7}' | '\u{9c}' => {
                        on_skip(c);
                        break;
                    }
                    '\u{1b}' => {
                        on_skip(c);
                        if peek(chars) == Some('\\') {
                            chars.next();
                            on_skip('\\');
                        }
                        break;
                    }
                    // An unterminated string ends at its line; the next line is text again.
                    '\n' => return true,
                    _ => on_skip(c),
                }
            }
        }
        Sequence::Escape => {}
    }
    false
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    /// The bytes `safe_run` passes over, one by one: no byte `LOOK` flags.
    fn naive_run(bytes: &[u8]) -> usize {
        bytes
            .iter()
            .position(|b| LOOK[usize::from(*b)])
            .unwrap_or(bytes.len())
    }

    proptest! {
        #[test]
        fn safe_run_matches_byte_by_byte(bytes in proptest::collection::vec(any::<u8>(), 0..64)) {
            prop_assert_eq!(safe_run(&bytes), naive_run(&bytes));
        }

        /// Whatever the mix of text, escapes and controls: the output is safe, text without
        /// anything to change comes out as it went in, and offsets are kept char for char.
        #[test]
        fn sanitizing_is_safe_and_keeps_plain_text(parts in proptest::collection::vec(
            proptest::sample::select(vec![
                "plain words ", "é", "“q”", "红", "\t", "\r\n", "\r", "\n", "\u{1b}[31m",
                "\u{1b}]0;t\u{7}", "\u{1b}P", "\u{9b}1m", "\u{85}", "\u{7f}", "\u{202e}",
                "\u{feff}", "\u{1}", "~}|{",
            ]), 0..40)) {
            let s: String = parts.concat();
            prop_assert!(sanitize(&s).chars().all(is_safe));
            let kept = sanitize_keep_offsets(&s);
            prop_assert_eq!(kept.chars().count(), s.chars().count());
            let plain: String = parts.iter().filter(|p| p.chars().all(is_safe)).copied().collect();
            prop_assert_eq!(sanitize(&plain), plain.strip_prefix('\u{feff}').unwrap_or(&plain));
        }
    }

    #[test]
    fn removes_csi_osc_and_dcs() {
        let s = "a\u{1b}[31mred\u{1b}[0m b\u{1b}]52;c;aGVsbG8=\u{7}c \u{1b}]8;;http://x\u{1b}\\link\u{1b}]8;;\u{1b}\\ d\u{1b}Pq#0\u{1b}\\e";
        assert_eq!(sanitize(s), "ared bc link de");
    }

    #[test]
    fn controls_become_pictures_and_bidi_is_dropped() {
        assert_eq!(
            sanitize("bell\u{7} nul\0 x\u{202e}y\u{2066}z"),
            "bell␇ nul␀ xyz"
        );
        assert_eq!(sanitize("c1\u{85}"), "c1\u{fffd}");
    }

    #[test]
    fn line_endings_bom_and_tabs() {
        assert_eq!(sanitize("\u{feff}a\r\nb\rc\n"), "a\nb\nc\n");
        assert_eq!(sanitize("\tx\tyy\tz"), "    x   yy  z");
    }

    #[test]
    fn keep_offsets_maps_char_for_char() {
        let s = "a\u{1b}[1mb\r\nc\u{7}\u{202e}é\tz";
        let out = sanitize_keep_offsets(s);
        assert_eq!(out.chars().count(), s.chars().count());
        assert!(out.chars().all(|c| is_safe(c) || c == '\t'));
        assert_eq!(out, "a    b \nc␇ é\tz");
    }

    #[test]
    fn unterminated_osc_stops_at_line_end() {
        assert_eq!(sanitize("x\u{1b}]0;title\nrest"), "x\nrest");
        let raw = "x\u{1b}]0;t\nrest";
        assert_eq!(
            sanitize_keep_offsets(raw).chars().count(),
            raw.chars().count()
        );
    }

    #[test]
    fn output_is_always_safe() {
        let nasty: String = (0u32..0x300).filter_map(char::from_u32).collect();
        assert!(sanitize(&nasty).chars().all(is_safe));
    }
}
