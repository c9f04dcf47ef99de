//! Attribution rules on made-up sentences, one module per house style of news: the held-out
//! sets are British and Canadian, and each attributes speech in its own habitual ways;
//! `offices` holds how politics and business copy names office-holders and bodies; `general`
//! holds what all news English shares (who a paragraph turns to, names a speaker gives,
//! documents speaking for their owners, words that open a sentence before a name); `clauses`
//! who a clause makes its subject and what may stand between a name and its verb; `bodies`
//! whom a speaking `it` means and how a body's name holds together; `sources` whose a cited
//! document is and who holds two roles at once; `descriptions` how a speaker's description
//! reads after the words and whom `he` or `she` may mean; `roles` what capitals and joining
//! words inside a role before a name do to the phrase, and a role of another place than its
//! holder's; `objects` names a preposition or a fronted participle governs, and list items.

mod bodies;
mod british;
mod canadian;
mod clauses;
mod descriptions;
mod general;
mod objects;
mod offices;
mod roles;
mod sources;

use crate::analysis::quotes::{QuoteKind, SpeakerKind, find};
use crate::source::{Article, LoadOptions};

/// (quotation text, speaker name or "-") of each quotation lectern reads as speech.
pub(super) fn speech(body: &str) -> Vec<(String, String)> {
    let a = Article::parse(body, "t", LoadOptions::PLAIN).expect("parses");
    let q = find(&a, &[]);
    q.quotes
        .iter()
        .filter(|x| x.kind == QuoteKind::Speech)
        .map(|x| {
            (
                a.text()[x.range.clone()].to_string(),
                x.speaker
                    .map_or("-".to_string(), |s| q.speakers[s].name.clone()),
            )
        })
        .collect()
}

/// The speaker of the quotation `text` among `all`, as [`speech`] lists them.
pub(super) fn speaker_of<'a>(all: &'a [(String, String)], text: &str) -> Option<&'a str> {
    all.iter().find(|(t, _)| t == text).map(|(_, s)| s.as_str())
}

/// The kind of the speaker of the article's first quotation, which must have one.
fn first_speaker_kind(body: &str) -> SpeakerKind {
    let a = Article::parse(body, "t", LoadOptions::PLAIN).expect("parses");
    let q = find(&a, &[]);
    let s = q.quotes[0].speaker.expect("a speaker");
    q.speakers[s].kind
}
