//! A description of a role with capitals before it (`The Green
//! Party's Welsh leader Ann Roe`) as a clause's subject, and a role description whose
//! capitalised qualifier is not the one the article gave the role's holder.

use super::{speaker_of, speech};

#[test]
fn capitals_before_a_role_noun_modify_it_and_the_name_after_it_speaks() {
    // A participle of naming far from its subject: the subject is the name after the role,
    // not the capitals before it (`The Green Party's Welsh`).
    let body = "Row over tax\n\nThe minister spoke on Monday. The Green Party's Welsh leader \
                Ann Roe wrote to him on Tuesday, calling for him to withdraw his \"careless \
                remark\" at once.\n";
    let all = speech(body);
    assert_eq!(
        speaker_of(&all, "careless remark"),
        Some("Ann Roe"),
        "{all:?}"
    );
    // Without a name after the role, the capitals still do not speak alone.
    let body = "Row over tax\n\nThe minister spoke on Monday. The Green Party's Welsh leader \
                wrote to him on Tuesday, calling for him to withdraw his \"careless remark\" at \
                once.\n";
    let all = speech(body);
    assert_ne!(
        speaker_of(&all, "careless remark"),
        Some("Green Party's Welsh"),
        "{all:?}"
    );
    // Negative: a plain name as the subject is read as before.
    let body = "Row over tax\n\nThe minister spoke on Monday. Ann Roe wrote to him on Tuesday, \
                calling for him to withdraw his \"careless remark\" at once.\n";
    let all = speech(body);
    assert_eq!(
        speaker_of(&all, "careless remark"),
        Some("Ann Roe"),
        "{all:?}"
    );
}

#[test]
fn lower_case_modifiers_between_the_capitals_and_the_role_keep_the_phrase_whole() {
    // After a determiner: `The BBC's political editor Ann Roe`.
    let body = "Row over tax\n\nThe minister spoke on Monday. The BBC's political editor Ann \
                Roe attacked the plan, saying it was \"a farce\".\n";
    let all = speech(body);
    assert_eq!(speaker_of(&all, "a farce"), Some("Ann Roe"), "{all:?}");
    // After a possessive name: `Wales's only Green MP Ann Roe`.
    let body = "Row over tax\n\nThe minister spoke on Monday. Wales's only Green MP Ann Roe \
                praised the group, saying it was \"superb\".\n";
    let all = speech(body);
    assert_eq!(speaker_of(&all, "superb"), Some("Ann Roe"), "{all:?}");
    // Negative: a possessive before a noun that is no role owns a thing, and the sentence's
    // words are not its owner's (`Roe's own plan`).
    let body = "Row over tax\n\nThe minister spoke on Monday. Ann Roe's latest plan was \
                attacked, with critics saying it was \"a farce\".\n";
    let all = speech(body);
    assert_ne!(speaker_of(&all, "a farce"), Some("Ann Roe"), "{all:?}");
}

#[test]
fn a_role_of_another_place_means_the_subject_not_the_holder_named_before() {
    // `Labour MP Ann Roe` holds the role; `the Dundee West MP` after a sentence about Tom
    // Kay is Kay, the one the discourse is about.
    let body = "Seat fight\n\nTom Kay is to stand against Labour MP Ann Roe at the election. \
                Mr Kay, who won a court case on Monday, said he would fight the seat. The \
                Dundee West MP, who left his party last year, called Ms Roe a \"party \
                puppet\". Ms Roe said she was \"ready\" for him.\n";
    let all = speech(body);
    assert_eq!(speaker_of(&all, "party puppet"), Some("Tom Kay"), "{all:?}");
    // Negative: the same qualifier is the holder's, whoever the subject is.
    let body = "Seat fight\n\nTom Kay is to stand against Labour MP Ann Roe at the election. \
                Mr Kay, who won a court case on Monday, said he would fight the seat. The \
                Labour MP, who has held the seat since 1997, called Mr Kay a \"party \
                wrecker\".\n";
    let all = speech(body);
    assert_eq!(
        speaker_of(&all, "party wrecker"),
        Some("Ann Roe"),
        "{all:?}"
    );
    // Negative: with no other person to mean, the holder stays (one body, two names).
    let body = "Cup tie\n\nFrance coach Marc Vidal believes his side will win. \"We will go \
                there without fear,\" said the French coach.\n";
    let all = speech(body);
    assert_eq!(
        speaker_of(&all, "We will go there without fear,"),
        Some("Marc Vidal"),
        "{all:?}"
    );
}

#[test]
fn a_capitalised_owner_between_a_verb_and_claims_keeps_claims_a_noun() {
    // `dismissed Green claims`, `amid Labour claims`: the words are the claim's, and no
    // phrase running back over the verb (`Ann Roe dismissed Green`) is their speaker.
    for body in [
        "Row over tax\n\nAnn Roe dismissed Green claims that the scheme was a \"costly \
         scandal\" for the town.\n",
        "Row over tax\n\nAnn Roe defended the scheme amid Green claims it was a \"costly \
         scandal\" for the town.\n",
    ] {
        let all = speech(body);
        assert!(
            all.iter().all(|(_, s)| !s.contains("Green")),
            "{body}: {all:?}"
        );
    }
    // Negative: a name before `claims` is its subject, the one who speaks.
    let body = "Row over tax\n\nThe minister spoke on Monday. Green leader Ann Roe claims the \
                scheme is a \"costly scandal\" for the town.\n";
    let all = speech(body);
    assert_eq!(
        speaker_of(&all, "costly scandal"),
        Some("Ann Roe"),
        "{all:?}"
    );
}

#[test]
fn a_role_ending_in_a_joining_word_runs_on_into_a_bodys_name() {
    // `the Institute for Rural Studies`, `the National Union of Bus Drivers`: the whole is
    // the body's name, not a person `Rural Studies` with the role `Institute for`.
    for (body, name) in [
        (
            "Row over tax\n\nThe minister spoke on Monday. The Institute for Rural Studies \
             said the plan was \"a gamble\".\n",
            "Institute for Rural Studies",
        ),
        (
            "Row over tax\n\nThe minister spoke on Monday. The National Union of Bus \
             Drivers said the plan was \"a gamble\".\n",
            "National Union of Bus Drivers",
        ),
    ] {
        let all = speech(body);
        assert_eq!(speaker_of(&all, "a gamble"), Some(name), "{all:?}");
    }
    // Negative: a title with `of` before a person's name stays the person's role.
    let body = "Row over tax\n\nThe minister spoke on Monday. Secretary of State Ann Roe said \
                the plan was \"a gamble\".\n";
    let all = speech(body);
    assert_eq!(speaker_of(&all, "a gamble"), Some("Ann Roe"), "{all:?}");
}
