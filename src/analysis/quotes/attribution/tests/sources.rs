//! How news English names the source of a document (the body an article cited it from) and
//! the holder of two roles at once.

use super::speech;

fn speaker_of(body: &str, start: &str) -> String {
    speech(body)
        .into_iter()
        .find(|(q, _)| q.starts_with(start))
        .map_or_else(|| "no such quotation".to_string(), |(_, s)| s)
}

#[test]
fn the_report_speaks_for_whoever_the_article_cited_it_from() {
    // The one who spoke in it: `X says in a report`.
    let body = "Aid falls short\n\nMillions of children miss school, Greenlane says in a \
                report published on Monday. The prime minister is due to meet donors.\n\n\
                The report said: \"Rich countries are giving less every year.\"\n";
    assert_eq!(speaker_of(body, "Rich countries"), "Greenlane");
    // `In a statement, X said`.
    let body = "Ban on shooting\n\nIn a statement the NSPB said it had grave concerns. \
                Hunters disagree.\n\n\"Birds would suffer needlessly,\" said the statement.\n";
    assert_eq!(speaker_of(body, "Birds would"), "NSPB");
    // The owner named before the noun, past an adjective.
    let body = "Costs rise\n\nThe National Water Council's annual report shows costs rose \
                by a tenth. Ministers met on Tuesday.\n\n\"Little has been learned,\" the \
                report says.\n";
    assert_eq!(speaker_of(body, "Little has"), "National Water Council");
    // The sender after `by`, running on in lower case to the body's noun.
    let body = "Agency in crisis\n\nA report by the Commons transport committee called for \
                change. Ministers met on Tuesday.\n\n\"The agency has failed,\" the report \
                said.\n";
    assert_eq!(
        speaker_of(body, "The agency"),
        "Commons transport committee"
    );
}

#[test]
fn a_report_cited_by_no_name_or_by_its_title_speaks_for_no_one() {
    // A capitalised `Report` is a programme's title, not a citation of the document.
    let body = "Oil prices\n\nTom Lind, an economist, told the BBC's World Business Report \
                that prices would fall. The pound rose.\n\n\"Growth will slow,\" the report \
                warned.\n";
    assert_eq!(speaker_of(body, "Growth will"), "-");
    // A report nobody is named behind.
    let body = "Pay gap\n\nA new report shows the pay gap is widening. Ministers met on \
                Tuesday.\n\n\"Women earn less in every region,\" the report said.\n";
    assert_eq!(speaker_of(body, "Women earn"), "-");
}

#[test]
fn two_roles_joined_by_and_before_a_name_are_that_persons() {
    let body = "Awards announced\n\nThe festival opened on Monday. \"This year's films are \
                stronger than ever,\" said festival founder and director Tom Vance.\n";
    assert_eq!(speaker_of(body, "This year"), "Tom Vance");
    let body = "Profits up\n\nShares rose. \"It has been a good year,\" said Acme president \
                and chief executive Ann Roe.\n";
    assert_eq!(speaker_of(body, "It has been"), "Ann Roe");
    // Two people, each with a role: the first named speaks.
    let body = "Cup win\n\nThe team won. \"It was a hard game,\" said coach Ann Roe and \
                captain Tom Vance.\n";
    assert_eq!(speaker_of(body, "It was"), "Ann Roe");
    // A role, then a person with none: the role's holder speaks, not the name after `and`.
    let body = "Cup win\n\nThe team won. \"It was a hard game,\" said the coach and Tom \
                Vance.\n";
    assert_ne!(speaker_of(body, "It was"), "Tom Vance");
}
