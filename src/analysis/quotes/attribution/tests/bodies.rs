//! Who a speaking `it` means: English takes up with `it` the body a passage is about, the
//! subject of the sentence before (a business named alone counting as a body), or the body
//! that spoke last; never a place, a market or a body named inside someone's office.

use super::speech;

/// The speaker (or "-") of each speech quotation, in order.
fn speakers(body: &str) -> Vec<String> {
    speech(body).into_iter().map(|(_, s)| s).collect()
}

#[test]
fn it_means_the_business_named_alone_as_the_subject_not_a_place_named_since() {
    // `Brightco` is no known body; `Europe` and `the Nordic Union` are where sales fell.
    let body = "Sales at the Nordic Union stores slipped.\n\n\
        Brightco has said that sales fell in Europe and across the Nordic Union. \
        \"We expect a better year,\" it said.";
    assert_eq!(speakers(body), ["Brightco"]);
}

#[test]
fn it_means_the_body_subject_of_the_sentence_before_not_one_inside_an_office() {
    let body = "\"We are hurt,\" said Tom Lind, head of the Association of Small Ports.\n\n\
        The Fisheries Agency sought to calm fears, stressing that the plan was a first step. \
        It added that any levy \"would not hurt the ports\".";
    assert_eq!(speakers(body), ["Tom Lind", "Fisheries Agency"]);
}

#[test]
fn it_goes_on_through_a_sentence_that_already_took_it_up() {
    // `Last week, it denied …` keeps the firm of the sentence before; the paper spoke earlier.
    let body = "The builder is still at work, said the Harbour News.\n\n\
        The Delta Dam Corporation could now face a fine. Last week, it denied any fault. \
        \"We have kept the law,\" it said.";
    assert_eq!(speakers(body), ["Delta Dam Corporation"]);
}

#[test]
fn it_leaves_the_body_that_just_spoke_when_no_other_acts() {
    // Negative: the body that spoke last is meant; the earlier subject is not taken back.
    let body = "The Fisheries Agency said the levy was fair.\n\n\
        \"We are hurt,\" said the Small Ports Association. \"It is unfair,\" it said.";
    assert_eq!(
        speakers(body),
        ["Small Ports Association", "Small Ports Association"]
    );
}

#[test]
fn an_ampersand_between_capitalised_words_joins_one_name() {
    // `Harlow & Finch` is one firm: its speaker is the firm, and the analyst's employer does
    // not cut the analyst's appositive short.
    let body = "Harlow & Finch said profits were \"very disappointing\".\n\n\
        \"Costs must fall,\" Ann Roe, an analyst with Baxter & Lowe Partners, told Reuters.";
    assert_eq!(speakers(body), ["Harlow & Finch", "Ann Roe"]);
}

#[test]
fn an_ampersand_before_a_lower_case_word_joins_nothing() {
    // Negative: `Harlow & partners` is no name of two capitalised parts.
    let body = "\"We will cut costs,\" said Ann Roe, head of Harlow & partners.";
    assert_eq!(speakers(body), ["Ann Roe"]);
}

#[test]
fn the_eu_speaks_as_a_body_that_it_takes_up() {
    let body = "\"We are hurt,\" said Tom Lind, head of the Association of Small Ports.\n\n\
        The EU sought to calm fears, stressing that the plan was a first step. It added that \
        any levy \"would not hurt the ports\".";
    assert_eq!(speakers(body), ["Tom Lind", "EU"]);
}

#[test]
fn the_eu_as_a_place_takes_no_quotation_from_its_speaker() {
    // Negative: a person who works in the EU speaks, not the EU.
    let body = "\"Trade will grow,\" said Ann Roe, a trade official in the EU. \
        \"We are ready,\" she said.";
    assert_eq!(speakers(body), ["Ann Roe", "Ann Roe"]);
}
