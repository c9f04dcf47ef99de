//! The lede's description of a speaker and the name the next paragraph gives.
//!
//! BBC-style news opens with a description of who spoke (`Scotland's first minister has told
//! pupils it is okay to get drunk "once in a while".`) and names the person at the start of
//! the next paragraph (`Jack McConnell was speaking to …`). The description comes first, so no
//! antecedent exists when it is read; the name that follows is who it means.

use std::ops::Range;

use super::SpeakerKind;
use super::names::Registry;

/// Re-points the quotations of the first body paragraph (`first`) whose speaker is a singular
/// description of a person (`Scotland's first minister`, `its chief`, `a Labour backbencher`;
/// not an anonymous source such as `a spokesman`, who stays unnamed) at the person who opens
/// the next paragraph (`second`): the first person mentioned there as the subject of its first
/// sentence, possessives passed over (`One of Mr Brown's aides, Ed Balls, said`).
pub(super) fn name_the_lede_speaker(
    text: &str,
    reg: &Registry,
    quotes: &[Range<usize>],
    who: &mut [Option<usize>],
    first: &Range<usize>,
    second: &Range<usize>,
) {
    let sentence_end = text[second.clone()]
        .find(". ")
        .map_or(second.end, |p| second.start + p);
    let named = reg
        .mentions
        .iter()
        .filter(|m| m.pos >= second.start && m.pos < sentence_end && !m.weak)
        .find(|m| reg.entities[m.entity].kind == SpeakerKind::Person)
        .filter(|m| m.subject && reg.entities[m.entity].confirmed)
        .map(|m| m.entity);
    let Some(named) = named else { return };
    for (range, speaker) in quotes.iter().zip(who.iter_mut()) {
        if range.start < first.start || range.end > first.end {
            continue;
        }
        let Some(id) = *speaker else { continue };
        if is_person_description(&reg.entities[id].name)
            && reg.entities[id].kind == SpeakerKind::Unnamed
        {
            *speaker = Some(named);
        }
    }
}

/// A description of one person by what they are (`first minister`, `former chief economic
/// adviser`): its last word is no plural and no anonymous source's noun.
fn is_person_description(desc: &str) -> bool {
    let head = desc.rsplit(' ').next().unwrap_or(desc);
    let plural = head.ends_with('s') && !head.ends_with("ss");
    !head.is_empty() && !plural && !super::attribution::is_anonymous_noun(head)
}

#[cfg(test)]
mod tests {
    use crate::analysis::quotes::find;
    use crate::source::{Article, LoadOptions};

    fn speech(body: &str) -> Vec<(String, String)> {
        let a = Article::parse(body, "t", LoadOptions::PLAIN).expect("parses");
        let q = find(&a, &[]);
        q.quotes
            .iter()
            .filter_map(|x| {
                let s = x.speaker?;
                Some((
                    a.text()[x.range.clone()].to_string(),
                    q.speakers[s].name.clone(),
                ))
            })
            .collect()
    }

    #[test]
    fn the_lede_description_is_the_person_named_next() {
        assert_eq!(
            speech(
                "Wales's health minister has told nurses the plan is \"the best in a decade\".\n\n\
                 Ann Roe was speaking at a conference in Cardiff on Monday."
            ),
            [("the best in a decade".to_string(), "Ann Roe".to_string())]
        );
    }

    #[test]
    fn an_anonymous_source_or_a_name_later_in_the_sentence_stays() {
        // A spokesman is nobody the article names.
        assert_eq!(
            speech(
                "A council spokesman has said the road is \"safe enough\".\n\n\
                 Ann Roe, who lives nearby, disagrees."
            ),
            [("safe enough".to_string(), "council spokesman".to_string())]
        );
        // The next paragraph does not open with a person as its subject.
        assert_eq!(
            speech(
                "The health minister has said the plan is \"the best in a decade\".\n\n\
                 Nurses have asked Ann Roe for more."
            ),
            [(
                "the best in a decade".to_string(),
                "health minister".to_string()
            )]
        );
    }
}
