//! Attribution rules every kind of news shares, tried on made-up sentences: sport, arts and
//! general reporting turn from one speaker to the next by naming the next, often first inside
//! the last one's quotation.

use super::speech;

/// The speaker (or "-") of each speech quotation, in order.
fn speakers(body: &str) -> Vec<String> {
    speech(body).into_iter().map(|(_, s)| s).collect()
}

#[test]
fn a_name_first_given_inside_a_quotation_is_the_person_the_prose_names_later() {
    // `Okafor` alone would be no one; the first speaker named him in full.
    let body = "Halifax striker Tom Reid says his goal should have stood.\n\n\
        \"I was onside,\" Reid told reporters. \"Even Peter Okafor's header was \
        fine.\"\n\nOkafor was also puzzled by the decision. \"I did nothing wrong,\" said the \
        Halifax defender. \"We train for that move every week.\"";
    assert_eq!(
        speakers(body),
        ["Tom Reid", "Tom Reid", "Peter Okafor", "Peter Okafor"]
    );
}

#[test]
fn a_given_name_that_is_also_a_word_opening_a_sentence_names_no_one() {
    // `Will Dunn play?`: a question, not a man called Will Dunn; `Dunn` later is a lone word.
    let body = "Coach Ann Roe was asked about her striker.\n\n\"Will Dunn play? We will \
        see,\" Roe said.\n\n\"I hope so,\" she added.";
    assert_eq!(speakers(body), ["Ann Roe", "Ann Roe"]);
    let a = crate::source::Article::parse(body, "t", crate::source::LoadOptions::PLAIN)
        .expect("parses");
    let q = crate::analysis::quotes::find(&a, &[]);
    assert!(
        q.entities.iter().all(|e| e.name != "Will Dunn"),
        "no person Will Dunn: {:?}",
        q.entities.iter().map(|e| &e.name).collect::<Vec<_>>()
    );
}
