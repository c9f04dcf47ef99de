//! How a speaker's description reads after the words: what it ranks in or where it is, a
//! name its noun stands before, a body's bracketed short form, someone new tied to a body
//! named indefinitely; and whom `he` or `she` may mean.

use super::{speaker_of, speech};

#[test]
fn a_description_with_what_it_ranks_in_speaks_after_the_words() {
    let body = "Broadband\n\nAcme Research welcomed the move. \"The real talks begin now,\" \
                director of telecoms research Tom Kay said.\n";
    let all = speech(body);
    assert_eq!(
        speaker_of(&all, "The real talks begin now,"),
        Some("Tom Kay"),
        "{all:?}"
    );
    let body = "Strike\n\nPay talks stalled again. \"We will not back down,\" the head of the union \
                said.\n";
    let all = speech(body);
    assert_eq!(
        speaker_of(&all, "We will not back down,"),
        Some("head of the union"),
        "{all:?}"
    );
    // `in a statement` says how the words came, not who the spokesman is.
    let body = "Strike\n\nAnn Roe spoke first. \"We will not back down,\" said a spokesman in a \
                statement.\n";
    let all = speech(body);
    assert_eq!(
        speaker_of(&all, "We will not back down,"),
        Some("spokesman"),
        "{all:?}"
    );
}

#[test]
fn a_capitalised_the_after_a_noun_opens_the_name_it_describes() {
    let body = "Jobs\n\nAnn Hadi spoke first. \"Estimates vary,\" the independent think-tank The \
                Carver Institution says in its survey.\n";
    let all = speech(body);
    assert_eq!(
        speaker_of(&all, "Estimates vary,"),
        Some("Carver Institution"),
        "{all:?}"
    );
    // `told The Herald`: the paper after the verb hears the words.
    let body = "Jobs\n\nAnn Hadi spoke first. \"Estimates vary,\" she told The Herald.\n";
    let all = speech(body);
    assert_eq!(
        speaker_of(&all, "Estimates vary,"),
        Some("Ann Hadi"),
        "{all:?}"
    );
}

#[test]
fn a_bracketed_short_form_stands_between_a_workplace_and_the_verb() {
    let body = "Gadgets\n\nTom Ek will open the fair. \"The story is digital,\" Jeff Kay, from \
                the Gadget Makers Association (GMA) told reporters.\n";
    let all = speech(body);
    assert_eq!(
        speaker_of(&all, "The story is digital,"),
        Some("Jeff Kay"),
        "{all:?}"
    );
}

#[test]
fn a_holder_tied_to_a_body_named_indefinitely_is_someone_new() {
    let body = "Cars\n\nAcme chief executive Carl Ek announced cuts. \"The dollar will recover,\" \
                the chief executive of a leading car maker told reporters.\n";
    let all = speech(body);
    assert_eq!(
        speaker_of(&all, "The dollar will recover,"),
        Some("chief executive of a leading car maker"),
        "{all:?}"
    );
    // Without the indefinite body, the description means the holder the article named.
    let body = "Cars\n\nAcme chief executive Carl Ek announced cuts. \"The dollar will recover,\" \
                the chief executive told reporters.\n";
    let all = speech(body);
    assert_eq!(
        speaker_of(&all, "The dollar will recover,"),
        Some("Carl Ek"),
        "{all:?}"
    );
}

#[test]
fn she_never_means_a_body_and_an_inverted_observes_makes_its_subject() {
    let body = "Iraq\n\nAnn Roe studies the region. \"Estimates vary,\" the Carver Institution \
                says. Foreign firms sit uneasily with many, observes Ms Roe. \"It is seen as a \
                sell-off,\" she says.\n";
    let all = speech(body);
    assert_eq!(
        speaker_of(&all, "It is seen as a sell-off,"),
        Some("Ann Roe"),
        "{all:?}"
    );
    // A body that speaks is still what `it` means.
    let body = "Iraq\n\nAnn Roe studies the region. The Carver Institution published figures. \
                \"Estimates vary,\" it says.\n";
    let all = speech(body);
    assert_eq!(
        speaker_of(&all, "Estimates vary,"),
        Some("Carver Institution"),
        "{all:?}"
    );
}

#[test]
fn the_agent_of_a_passive_is_whom_the_next_he_means() {
    let body = "Pensions\n\nThe Carver Trust says \"older voters matter\". The report was \
                welcomed by shadow pensions secretary David Kay. \"Their voice must be \
                heard,\" he said.\n";
    let all = speech(body);
    assert_eq!(
        speaker_of(&all, "Their voice must be heard,"),
        Some("David Kay"),
        "{all:?}"
    );
    // An active sentence keeps its own subject: `by` after a noun is no passive.
    let body = "Pensions\n\nDavid Kay read the report. Tom Roe stood by Kay all along. \
                \"Their voice must be heard,\" he said.\n";
    let all = speech(body);
    assert_eq!(
        speaker_of(&all, "Their voice must be heard,"),
        Some("Tom Roe"),
        "{all:?}"
    );
}

#[test]
fn a_body_noun_after_a_named_body_is_that_body_s() {
    let body = "Worm\n\nA message sent to security firm Zeta Labs by Acme's security team \
                said: \"We can do better.\" \"We will review our procedures,\" the Acme team \
                said.\n";
    let all = speech(body);
    assert_eq!(
        speaker_of(&all, "We will review our procedures,"),
        Some("Acme's security team"),
        "{all:?}"
    );
    // A qualifier the article named no body by leaves the body named last.
    let body = "Worm\n\nAcme's security team alerted the Zeta Bank. \"We will review our \
                procedures,\" the Delta team said.\n";
    let all = speech(body);
    assert_eq!(
        speaker_of(&all, "We will review our procedures,"),
        Some("Zeta Bank"),
        "{all:?}"
    );
}
