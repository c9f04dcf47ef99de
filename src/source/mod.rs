//! Loading articles: bytes from a file, stdin or the built-in sample become one immutable
//! [`Article`].
//!
//! Everything lectern later points at (quotes, dates, search hits, the selection, notes) is a
//! byte range into [`Article::text`], so this is the only place that decides what the text is:
//! decoded, sanitised, front matter and tags taken out, blocks joined by one blank line (list
//! items by a line break). For Markdown and web pages the text is the *rendered* text, list
//! markers included, so quotes, dates and notes anchor to what the reader shows; markup
//! survives only as block kinds and inline spans.
//!
//! `article` is the model (what an [`Article`] is, and parsing decoded text into one); `load`
//! is getting there (reading files and stdin within limits, decoding legacy encodings); the
//! format modules render Markdown and web pages into text, blocks and spans.

mod article;
mod format;
mod front_matter;
mod html;
mod load;
mod markdown;
mod rich;
mod sanitize;
pub use article::{
    Article, Block, BlockKind, HeadingLevel, InlineSpan, InlineStyle, ListMarker, Meta, Nesting,
    RULE_TEXT,
};
pub use format::Format;
pub use front_matter::FrontMatter;
pub use load::{
    Input, LoadError, LoadOptions, MAX_SIZE, Preread, Size, from_bytes, load, load_file,
    load_file_with, load_with,
};
pub use sanitize::{TAB_WIDTH, is_safe, sanitize, sanitize_keep_offsets};

/// The built-in sample, shown when lectern starts without a file.
pub const SAMPLE: &str = include_str!("../../assets/nato-russia-dialogue.txt");
/// The name the sample goes by in messages and in the notes store.
pub const SAMPLE_NAME: &str = "nato-russia-dialogue.txt (built-in sample)";

#[cfg(test)]
mod tests;
