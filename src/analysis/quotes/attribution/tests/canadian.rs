//! Attribution rules tried on made-up sentences in the style of Canadian wire, broadcast and
//! newspaper copy (datelines, `says`, long titles, teams, bare brands): the kinds of
//! attribution held-out Canadian news uses, written from English rather than from any article.

use super::{first_speaker_kind, speech};
use crate::analysis::quotes::SpeakerKind;

/// The speaker (or "-") of each speech quotation, in order.
fn speakers(body: &str) -> Vec<String> {
    speech(body).into_iter().map(|(_, s)| s).collect()
}

#[test]
fn a_spokesperson_for_a_body_after_the_quotation_speaks_for_the_body() {
    assert_eq!(
        speakers(
            "\"We are reviewing the decision,\" a spokesperson for Global Affairs Canada said \
             in an email."
        ),
        ["Global Affairs Canada"]
    );
    assert_eq!(
        speakers(
            "The province announced the closures on Friday.\n\n\"No jobs will be lost,\" a \
             spokesman for the ministry said."
        ),
        ["ministry"]
    );
    // A common noun after `for` stays in the description.
    assert_eq!(
        speakers("\"The ferry is late,\" a spokesman for the harbour said."),
        ["spokesman for the harbour"]
    );
}

#[test]
fn the_company_is_the_bare_brand_that_acted_after_the_bodies_named_before() {
    let body = "Jane Roe of Export Development Canada (EDC) said the loans were safe.\n\n\
        Shopify said Thursday that it had restored service.\n\n\"We apologize to our \
        merchants,\" the company said in a statement.";
    assert_eq!(speakers(body), ["Shopify"]);
    let body = "OTTAWA — Loblaw said Wednesday its profit rose in the third quarter.\n\n\
        \"Our customers responded to lower prices,\" the grocer said.";
    assert_eq!(speakers(body), ["Loblaw"]);
    // A plural noun that opens a sentence (`Jobs will go`) and is written in lower case
    // elsewhere is no brand.
    let body = "Maple Leaf Bank is to cut 900 jobs.\n\nJobs will also go in Calgary.\n\n\
        \"Costs had to come down,\" the bank said.";
    assert_eq!(speakers(body), ["Maple Leaf Bank"]);
}

#[test]
fn a_team_after_the_is_a_body_the_team_means() {
    let body = "TORONTO — The Toronto Raptors said Monday that their star forward will miss \
        the game.\n\n\"He is day-to-day,\" the team said in a statement.";
    assert_eq!(speakers(body), ["Toronto Raptors"]);
    let body = "The Montreal Canadiens fired their coach on Sunday, CBC Sports reported.\n\n\
        \"We needed a change,\" the club said.";
    assert_eq!(speakers(body), ["Montreal Canadiens"]);
    // A name that runs on with `of` is an institution's, whole.
    let body = "The Chambers of Commerce welcomed the plan.\n\n\"This is a good day,\" it said.";
    assert_ne!(speakers(body), ["Chambers"]);
    // A party before a person's name is no team (`the Lib Dems David Laws`).
    let body = "For the Lib Dems David Laws said: \"The budget is a gamble.\"";
    assert_eq!(speakers(body), ["David Laws"]);
}

#[test]
fn a_capitalised_title_after_the_is_the_person_who_holds_it() {
    let body = "NDP MP Charlie Angus said the government had failed.\n\n\"This is a \
        betrayal,\" said the MP.";
    assert_eq!(speakers(body), ["Charlie Angus"]);
    // `the Scottish Executive` is a body, whoever the article calls an executive.
    let body = "Acme chief executive Tom Kay spoke first.\n\nThe Scottish Executive has \
        insisted the plan was \"a sensible step\".";
    assert_ne!(speakers(body), ["Tom Kay"]);
}

#[test]
fn a_party_word_after_a_given_name_is_a_surname() {
    let body = "Toronto Mayor John Tory said the city needs more officers.\n\n\"Public \
        safety is my first priority,\" the mayor said.";
    assert_eq!(speakers(body), ["John Tory"]);
}

#[test]
fn a_department_named_for_its_affairs_is_a_body() {
    let body = "Veterans Affairs says on its website that claims are \"processed in order\" \
        and may take months.";
    assert_eq!(speakers(body), ["Veterans Affairs"]);
    assert_eq!(first_speaker_kind(body), SpeakerKind::Organisation);
    // The title keeps its minister a person.
    assert_eq!(
        speakers("Foreign Affairs Minister Ann Roe said: \"We will speak out.\""),
        ["Ann Roe"]
    );
}

#[test]
fn a_quotation_after_one_paragraph_that_names_no_one_goes_on_with_the_last_speaker() {
    let body = "\"The roads will be busy all week,\" Ann Roe said.\n\nFor cities like \
        Ottawa, winter is long and the plows run day and night.\n\n\"We will have to shovel \
        more often.\"";
    assert_eq!(speakers(body), ["Ann Roe", "Ann Roe"]);
    // A paragraph that names someone else, or two paragraphs, break the thread.
    let body = "\"The roads will be busy all week,\" Ann Roe said.\n\nTom Kay, the mayor, \
        wants a bigger budget for plows.\n\n\"We will have to shovel more often.\"";
    assert_ne!(speakers(body)[1], "Ann Roe");
    let body = "\"The roads will be busy all week,\" Ann Roe said.\n\nThe Ottawa Transit \
        Commission has cut its budget for plows.\n\n\"We will have to shovel more often.\"";
    assert_ne!(speakers(body)[1], "Ann Roe");
    let body = "\"The roads will be busy all week,\" Ann Roe said.\n\nWinter is long.\n\n\
        The plows run day and night.\n\n\"We will have to shovel more often.\"";
    assert_ne!(speakers(body)[1], "Ann Roe");
    // Only a speaker a cue named carries over: one guessed from whom the sentences are about
    // is too unsure to outlast a paragraph of the reporter's.
    let body = "Ann Roe began to cry. \"Where do you draw the line?\"\n\nWinter is long in \
        the north.\n\n\"We will have to shovel more often.\"";
    let all = speakers(body);
    assert_eq!(all[0], "Ann Roe");
    assert_ne!(all[1], "Ann Roe");
    // A turn that goes on from a cue stays sure: it carries as the cue's own paragraph would.
    let body = "\"The roads will be busy all week,\" Ann Roe said.\n\n\"Cities have to plan \
        for it.\"\n\nFor cities like Ottawa, winter is long.\n\n\"We will have to shovel \
        more often.\"";
    assert_eq!(speakers(body), ["Ann Roe", "Ann Roe", "Ann Roe"]);
}

#[test]
fn a_lone_name_beside_a_relative_or_a_role_is_a_person() {
    for body in [
        "\"It was worth every late night,\" says her dad, Darrin.",
        "\"It was worth every late night,\" said Kay’s husband, Brent.",
        "Her brother, Marco, said: \"It was worth every late night.\"",
    ] {
        assert_eq!(first_speaker_kind(body), SpeakerKind::Person, "{body}");
    }
    // A noun for a business or a paper keeps a lone name a body.
    let body = "\"Sales were strong,\" said the city's newspaper, Ledger.";
    assert_eq!(first_speaker_kind(body), SpeakerKind::Organisation);
    let body = "\"Sales were strong,\" said its parent company, Acme.";
    assert_eq!(first_speaker_kind(body), SpeakerKind::Organisation);
}

#[test]
fn a_name_after_an_inverted_verb_of_saying_is_who_a_description_means_next() {
    let body = "\"Most printers want a thousand copies,\" says the shop's partner, Jason \
        Lee. There is a real satisfaction, insists 16-year-old Max Ward, in finishing a \
        book. \"It is months of fixing mistakes,\" says the self-taught Cambridge resident.";
    assert_eq!(speakers(body), ["Jason Lee", "Max Ward"]);
    // A name that opens the reported clause after `said` is no speaker.
    let body = "Ann Roe lost in three sets. And Roe, who was outplayed, said Max Ward was \
        the better player. \"He played much better than me,\" said the veteran.";
    assert_eq!(speakers(body), ["Ann Roe"]);
}

#[test]
fn a_pull_quote_repeating_the_story_is_shown_not_said() {
    // The columnist's sentence, set again between paragraphs in quotation marks.
    let body = "Ann Roe runs the food bank in Trout Brook.\n\n\
        Most families who come here have two jobs and still cannot cover the rent. The \
        shelves empty by noon.\n\n\
        \"Most families who come here have two jobs and still cannot cover the rent.\"\n\n\
        \"We see more people every week,\" Roe said.";
    assert_eq!(
        speech(body),
        [(
            "We see more people every week,".to_string(),
            "Ann Roe".to_string()
        )]
    );
    // A paragraph of quotation with words of its own goes on with the last speaker.
    let body = "\"We see more people every week,\" said Ann Roe, who runs the food bank.\n\n\
        Most families who come here have two jobs and still cannot cover the rent.\n\n\
        \"Most of them have two jobs and still cannot pay the rent on time.\"";
    assert_eq!(speakers(body), ["Ann Roe", "Ann Roe"]);
}
