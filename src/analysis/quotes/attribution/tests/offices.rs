//! Attribution rules checked on made-up sentences about office-holders and bodies, the way
//! politics and business copy names them: titles of office, bodies speaking through their
//! documents and their descriptions.

use super::speech;

fn speaker_of<'a>(all: &'a [(String, String)], text: &str) -> Option<&'a str> {
    all.iter().find(|(t, _)| t == text).map(|(_, s)| s.as_str())
}

#[test]
fn a_title_with_a_capitalised_preposition_stays_in_the_name_phrase() {
    // `Under Secretary` is one title: the person after it speaks, not the body before it.
    let body = "Gold sale doubts\n\nThe plan has critics. \"We are not convinced it is the way \
                to do it,\" said Treasury Under Secretary Ann Roe.\n";
    let all = speech(body);
    assert_eq!(
        speaker_of(&all, "We are not convinced it is the way to do it,"),
        Some("Ann Roe"),
        "{all:?}"
    );
    // A capitalised preposition that opens a clause still ends the phrase.
    let body = "Gold sale doubts\n\nTom Kay chairs the fund. \"It will not happen,\" said Mr \
                Kay. Under Secretary rules, the sale needs a vote.\n";
    let all = speech(body);
    assert_eq!(
        speaker_of(&all, "It will not happen,"),
        Some("Tom Kay"),
        "{all:?}"
    );
}
