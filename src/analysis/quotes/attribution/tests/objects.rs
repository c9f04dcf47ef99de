//! Names a preposition governs (`by league chairman Tom Kay,`) or a fronted participle's
//! clause holds are no subject; a list item's bullet is layout, so `- Coach Ann Roe: "…"`
//! opens its sentence with the name.

use super::{speaker_of, speech};
use crate::analysis::quotes::bullet_len;

#[test]
fn a_bullet_before_a_label_leaves_the_label_the_speaker() {
    // `- Role Name: "…"`: the dash only marks a list item; the name before the colon speaks,
    // not the person the previous paragraph was about.
    for bullet in ["-", "•", "–"] {
        let body = format!(
            "Cup win\n\nRovers beat Dunmore 2-0. Goalkeeper Ivo Brandt was hit by a coin.\n\n\
             {bullet} Rovers coach Sam Okafor: \"It was a fine display by us.\" \"We never \
             gave in.\"\n"
        );
        let all = speech(&body);
        assert_eq!(
            speaker_of(&all, "It was a fine display by us."),
            Some("Sam Okafor"),
            "{all:?}"
        );
        assert_eq!(
            speaker_of(&all, "We never gave in."),
            Some("Sam Okafor"),
            "{all:?}"
        );
    }
    // A star marks a book's footnote, and a mark before a quotation or a bracket is no list
    // item's bullet; a hyphen joined to its word is a minus or a word's part.
    assert_eq!(bullet_len("- Coach Sam Okafor: \"Fine.\""), 2);
    assert_eq!(bullet_len("•  Rovers won"), "•  ".len());
    assert_eq!(bullet_len(" - Coach Sam Okafor"), 3);
    assert_eq!(bullet_len("* \"Busy already?\""), 0);
    assert_eq!(bullet_len("- \"Busy already?\""), 0);
    assert_eq!(bullet_len("- (2) Hurrah"), 0);
    assert_eq!(bullet_len("-5C overnight"), 0);
    assert_eq!(bullet_len("Sam Okafor - the coach"), 0);
    // A dash before Russian dialogue opens a line of speech, not a list item.
    assert_eq!(bullet_len("- Но Пьер не слушал."), 0);
    // A dash inside the sentence is no bullet: the words still follow the subject.
    let body = "Cup win\n\nRovers beat Dunmore 2-0 - and coach Sam Okafor was happy.\n\n\
                \"It was a fine display by us,\" he said.\n";
    let all = speech(body);
    assert_eq!(
        speaker_of(&all, "It was a fine display by us,"),
        Some("Sam Okafor"),
        "{all:?}"
    );
}

#[test]
fn a_name_a_preposition_governs_is_not_the_description_after_the_clause() {
    // `Reacting to a remark by Role Name, the American said`: a fronted participle shares the
    // main clause's subject, and the name after `by` is only its object: the description
    // means the person the article was about.
    let lede = "Kowal hits out\n\nDana Kowal, the world number one, said the league was wrong.\n\n";
    for (clause, description) in [
        (
            "Reacting to a remark by league chairman Tom Reed",
            "the American",
        ),
        (
            "Speaking about a letter from league chairman Tom Reed",
            "the champion",
        ),
        (
            "Asked about the rule, set by chairman Tom Reed",
            "the American",
        ),
    ] {
        let body = format!("{lede}{clause}, {description} said: \"It is insulting.\"\n");
        let all = speech(&body);
        assert_eq!(
            speaker_of(&all, "It is insulting."),
            Some("Dana Kowal"),
            "{body} {all:?}"
        );
    }
    // The subject of a fronted clause that the conjunction opens is a person the description
    // may still mean (`When Tom Reed shook her hand, the American said`), and a name that
    // follows a verb, not a preposition, is the clause's own subject.
    let body = format!(
        "{lede}Chairman Tom Reed, the American, then agreed with her. \"It is fair,\" said Reed.\n"
    );
    let all = speech(&body);
    assert_eq!(speaker_of(&all, "It is fair,"), Some("Tom Reed"), "{all:?}");
}
