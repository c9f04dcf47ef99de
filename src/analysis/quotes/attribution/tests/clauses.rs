//! Who a sentence's clauses make the subject, and which words join a name to its verb: a name
//! after `but`, a workplace between a name and its verb, a verb of thinking after the words.

use super::{speaker_of, speech};

#[test]
fn a_name_opening_a_clause_after_but_is_the_subject_a_pronoun_means() {
    // Mid-sentence after `but`, with a lower-case role before the name.
    let body = "Rugby preview\n\nCoach Bernard Vidal has made four changes. \"We will win,\" \
                Vidal said. The side has ground out wins but captain Paul Ndiaye sees hope. \
                \"We are getting better,\" he said.\n";
    let all = speech(body);
    assert_eq!(
        speaker_of(&all, "We are getting better,"),
        Some("Paul Ndiaye"),
        "{all:?}"
    );
    // After a sentence-opening `But`, with capitals before the role.
    let body = "Rugby preview\n\nCoach Bernard Vidal has made four changes. \"We will win,\" \
                Vidal said. The side is weak. But France captain Paul Ndiaye sees hope. \
                \"We are getting better,\" he said.\n";
    let all = speech(body);
    assert_eq!(
        speaker_of(&all, "We are getting better,"),
        Some("Paul Ndiaye"),
        "{all:?}"
    );
}

#[test]
fn a_name_after_but_that_only_owns_or_compares_is_no_subject() {
    // `Vidal's Leeds counterpart Tom Kay`: the possessive names an owner; the holder is
    // the subject, and the pronoun means him.
    let body = "Cup tie\n\nLeeds manager Tom Kay was pleased. Manchester coach Jim Vidal said: \
                \"We were bad.\" But Vidal's Leeds counterpart Tom Kay was in no mood to \
                celebrate. He said: \"I am far from happy.\"\n";
    let all = speech(body);
    assert_eq!(
        speaker_of(&all, "I am far from happy."),
        Some("Tom Kay"),
        "{all:?}"
    );
    // `as though Vidal were his enemy`: a subordinate clause's subject is not the one a
    // later `he` means.
    let body = "Quarrel\n\nJim Vidal shouted at him. \"Stop!\" Vidal said. But Tom Kay pulled \
                away his arm, as though Vidal were his enemy. \"Do you understand?\" he said.\n";
    let all = speech(body);
    assert_eq!(
        speaker_of(&all, "Do you understand?"),
        Some("Tom Kay"),
        "{all:?}"
    );
}

#[test]
fn where_a_named_person_works_stands_between_the_name_and_its_verb_after_the_words() {
    let body = "Phones\n\n\"We are a nation of lazy people,\" David Noone from Intervoice \
                said.\n";
    assert_eq!(
        speech(body),
        vec![(
            "We are a nation of lazy people,".to_string(),
            "David Noone".to_string()
        )]
    );
    let body = "Study\n\n\"The results are clear,\" Jane Roe at the University of Leeds told \
                the BBC.\n";
    assert_eq!(speech(body)[0].1, "Jane Roe");
    // A description is no named person: `a man from Leeds` says nothing of a workplace.
    let body = "Study\n\n\"It was loud,\" a man from Leeds said.\n";
    assert_ne!(speech(body)[0].1, "Leeds");
}

#[test]
fn a_verb_of_thinking_right_after_the_words_gives_them_to_the_thinker() {
    let body = "Chapter\n\nTom Kay rode up to the group. \"Well, nobody noticed,\" thought \
                Ann Roe. \"Here is something,\" said Jim Bell.\n";
    let all = speech(body);
    assert_eq!(
        speaker_of(&all, "Well, nobody noticed,"),
        Some("Ann Roe"),
        "{all:?}"
    );
    assert_eq!(
        speaker_of(&all, "Here is something,"),
        Some("Jim Bell"),
        "{all:?}"
    );
    // Narrating, not quoting: `thought` far from any quotation is no cue.
    let body = "Chapter\n\nAnn Roe thought the plan was good. Jim Bell said: \"It is.\"\n";
    assert_eq!(speaker_of(&speech(body), "It is."), Some("Jim Bell"));
}

#[test]
fn a_paper_that_quotes_someone_to_the_end_of_its_sentence_gives_them_the_words() {
    let body = "Car deal\n\nTom Kay runs the firm. \"Prices will rise,\" the newspaper quotes a \
                source close to the Chinese firm.\n";
    assert_eq!(speech(body)[0].1, "source close to the Chinese firm");
    let body = "Car deal\n\nTom Kay runs the firm. \"Prices will rise,\" the paper quotes Mr \
                Kay.\n";
    assert_eq!(speech(body)[0].1, "Tom Kay");
    // The object goes on to another verb: the paper quotes a thing, not a speaker.
    let body = "Car deal\n\nTom Kay runs the firm. \"Prices will rise,\" the paper quotes \
                figures from the survey showing that.\n";
    assert_ne!(speech(body)[0].1, "figures");
}

#[test]
fn a_participle_with_its_agent_closes_the_speakers_phrase() {
    let body = "Shares\n\n\"Prices will rise,\" said one analyst quoted by the news agency.\n";
    assert_eq!(speech(body)[0].1, "one analyst");
    let body = "Phones\n\n\"It will be vital,\" according to a report published by research \
                firm Analysys.\n";
    assert_eq!(speech(body)[0].1, "Analysys");
}

#[test]
fn a_second_persons_name_joined_by_and_is_no_role() {
    use crate::analysis::quotes::find;
    use crate::source::{Article, LoadOptions};
    let role_of = |body: &str| {
        let a = Article::parse(body, "t", LoadOptions::PLAIN).expect("parses");
        let q = find(&a, &[]);
        let s = q.quotes[0].speaker.expect("a speaker");
        (q.speakers[s].name.clone(), q.speakers[s].role.clone())
    };
    let (name, role) =
        role_of("Study\n\n\"The results are clear,\" said Jonathan Wolpaw and Dennis McFarlane.\n");
    assert_eq!(name, "Dennis McFarlane");
    assert_eq!(role, None);
    // One body's name with `and` inside keeps its words.
    let (name, _) = role_of("Trade\n\nThe Department of Trade and Industry said: \"We agree.\"\n");
    assert!(name.contains("Trade"), "{name}");
}

#[test]
fn a_relative_who_before_a_verb_of_saying_is_its_antecedent() {
    let body = "Row\n\nMr Kay said the law was clear. He accused the party of a deal. But the \
                claim was denied by a party spokesman, who said: \"His accusations are empty.\"\n";
    assert_eq!(speech(body)[0].1, "party spokesman");
    // The verb whose object the antecedent is stays out of it.
    let body = "Row\n\nMr Kay said the law was clear. He later met Ann Roe, who said: \"His \
                accusations are empty.\"\n";
    assert_eq!(speech(body)[0].1, "Ann Roe");
    // An appositive or an age between the name and `who`: the name.
    let body = "Food guide\n\n\"It will help,\" said Tom Bell, medical director of the clinic, \
                who writes: \"This will last.\"\n";
    assert!(
        speech(body).iter().all(|(_, s)| s == "Tom Bell"),
        "{:?}",
        speech(body)
    );
    let body = "Radio\n\nJo King, 30, who describes the host as \"an extremely competent \
                broadcaster\", starts on Monday.\n";
    assert_eq!(speech(body)[0].1, "Jo King");
}
