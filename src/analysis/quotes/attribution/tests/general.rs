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

#[test]
fn court_papers_speak_for_the_one_who_brought_the_case() {
    // The lawyer for the other side is named last; the suit is still the plaintiff's.
    let body = "Singer Ann Roe is suing Northgate Records over unpaid royalties.\n\n\
        \"We will defend ourselves,\" the label's lawyer Tom Kay said.\n\n\
        The lawsuit said the label \"kept every cent of the streaming money\".";
    assert_eq!(speakers(body), ["Tom Kay", "Ann Roe"]);
    // A passive names the defendant, not who sued: the search goes on to who filed.
    let body = "Ann Roe filed a suit in May.\n\nThe studio was sued by a second actor in June, \
        said Tom Kay, a lawyer.\n\n\"The stunt was never safe,\" the suit said.";
    assert_eq!(speakers(body), ["Ann Roe"]);
}

#[test]
fn a_possessive_pronoun_gives_a_document_its_owner() {
    let body = "Former prime minister Wim Dekker was asked to review the targets.\n\n\
        The plan risks becoming \"a list of failed promises and missed goals\", his report said.";
    assert_eq!(speakers(body), ["Wim Dekker"]);
    let body = "In a new report, the Electoral Commission says a cap is worth debating.\n\n\
        \"We are not opposed to a cap in principle,\" says its report.";
    assert_eq!(speakers(body), ["Electoral Commission"]);
}

#[test]
fn a_participle_clause_between_commas_leaves_the_subject_before_it() {
    let body = "Sprinter Ann Roe has sued her former coach.\n\n\
        Her lawsuit, filed in the district court in Boston, said she \"has never taken \
        banned drugs\".";
    assert_eq!(speakers(body), ["Ann Roe"]);
}

#[test]
fn a_phrase_quoted_after_a_verb_of_judging_is_the_subjects_speech() {
    let body = "Singer Tom Reid opened the show.\n\nIntroducing the band, Reid mocked Dunn as \
        the man who \"single-handedly invented the mullet haircut\", poking fun at \"one of the \
        most messianic complexes in rock\".\n\nMayor Jane Hill praised the volunteers as \"the \
        real heroes of this terrible flood\".\n\nManager Bill Ross thanked the fans for their \
        \"incredible loyalty through a hard season\".";
    assert_eq!(
        speakers(body),
        ["Tom Reid", "Tom Reid", "Jane Hill", "Bill Ross"]
    );
    // The words judged are someone else's claim.
    let body = "Mayor Jane Hill ridiculed claims that the dam was \"never built to last a \
        decade\".";
    assert_eq!(speakers(body), Vec::<String>::new());
}

#[test]
fn a_verb_of_judging_in_the_present_and_a_second_fragment_after_the_first() {
    // Arts copy writes the present; the second fragment of the sentence is the same voice,
    // though a quotation of two words stands between it and the verb.
    let body = "Critic Tom Reid reviewed the tour.\n\nReid praises the band for its \"fierce \
        start\" in May and a \"great number of fine live shows\" since.";
    assert_eq!(speakers(body), ["Tom Reid"]);
    // `thanks to` is no verb of judging.
    let body = "Critic Tom Reid reviewed the tour.\n\nTicket sales rose, thanks to a \"great \
        number of fine live shows\" since May.";
    assert_eq!(speakers(body), Vec::<String>::new());
}

#[test]
fn a_cue_between_commas_before_a_quotation_gives_it_the_words_that_go_on() {
    // The quotation goes on with the sentence (lower case), and its cue stands between commas
    // with the subject after the verb.
    let body = "Seats in the chamber face each other.\n\nRather than this layout, asks editor \
        Jane Hill, \u{201c}has anyone ever considered a horseshoe shape?\u{201d}\n\nOthers, says \
        Tom Reid, \"are not ready for the change at all\".";
    assert_eq!(speakers(body), ["Jane Hill", "Tom Reid"]);
    // A participle between commas names no one: no cue.
    let body = "Tom Reid chaired the hearing.\n\nAt the hearing, said to be tense, \"the room \
        was quiet for an hour\" and then the vote came.";
    assert_eq!(speakers(body), Vec::<String>::new());
}

#[test]
fn capitals_before_a_holders_role_are_not_the_subject_the_holder_is() {
    // `Leeds United manager Tom Reid` opens the sentence, but the club only says whose manager.
    let body = "Ann Roe, the league's chair, said: \"We will replay the game.\"\n\n\
        Leeds United director of football Tom Reid thanked the fans for their patience. \
        \"They were magnificent,\" he said.";
    assert_eq!(speakers(body), ["Ann Roe", "Tom Reid"]);
    let body = "Ann Roe, the league's chair, said: \"We will replay the game.\"\n\n\
        The Velvet Cats frontwoman Joan Hart collected the award. \"Thank you all,\" she told \
        the crowd.";
    assert_eq!(speakers(body), ["Ann Roe", "Joan Hart"]);
    // No role after the capitals: the club is no person, and `he` stays with the speaker.
    let body = "Ann Roe, the league's chair, said: \"We will replay the game.\" Leeds United \
        thanked the fans for their patience. \"They were magnificent,\" she said.";
    assert_eq!(speakers(body), ["Ann Roe", "Ann Roe"]);
}

#[test]
fn a_source_a_view_came_from_is_the_next_he() {
    let body = "\"It will sell well,\" said Tom Reid, an analyst at Ovum. One dissenting \
        opinion came from Carl Ek, head of research at Gartner. He said: \"It changes \
        nothing.\" \"The price is still too high,\" he said.";
    assert_eq!(speakers(body), ["Tom Reid", "Carl Ek", "Carl Ek"]);
    // `came from` after a noun that is no view brings in no source.
    let body = "\"We played well,\" said Tom Reid, the Leeds manager. The winner came from \
        Carl Ek, who scored in the last minute. \"It was a great team goal,\" he said.";
    assert_eq!(speakers(body), ["Tom Reid", "Tom Reid"]);
}

#[test]
fn a_person_described_by_nationality_is_the_one_the_article_gave_it() {
    // `the Swiss star`: not Lind, whom the article made the Australian.
    let body = "Jan Koller, 23, beat Tom Lind in the final. When Lind shook his hand, the \
        Australian said: \"You're the best.\" Lind has won twice this year. According to the \
        players and even Koller himself, the Swiss star is in a different league.\n\n\"Right \
        now I feel that,\" he told reporters.";
    assert_eq!(speakers(body), ["Tom Lind", "Jan Koller"]);
    // Given before the name, the nationality decides over who was mentioned last.
    let body = "Scot Andy Reid beat American Tom Lind in the final. \"I played my best \
        tennis,\" said the Scot. Lind was unhappy. \"The wind was terrible,\" said the \
        American.";
    assert_eq!(speakers(body), ["Andy Reid", "Tom Lind"]);
    // With no nationality given and no one named before it in its sentence, the description
    // means the subject talked about, not the person named last (`Britain's Carl Ek`).
    let body = "Former champion Tom Lind has criticised British runners. Lind clashed with \
        Britain's Carl Ek this year. The American had doubted Ek's injury.\n\nAnd the \
        American remains critical. \"They lack pride,\" he said.";
    assert_eq!(speakers(body), ["Tom Lind"]);
    // A people is no person: `the British` does not make Lind the subject.
    let body = "\"We are ready,\" said Tom Lind. The British were confident too. \"So are \
        we,\" he said.";
    assert_eq!(speakers(body), ["Tom Lind", "Tom Lind"]);
}

#[test]
fn a_trailing_cue_may_hold_two_appositives_between_the_name_and_its_verb() {
    let body = "Acme said its discs would be on sale by June.\n\n\"We need far more storage,\" \
        Ann Roe, from Acme Labs, one of the pioneers of the format, told reporters. \"So we \
        made a bigger disc.\"";
    assert_eq!(speakers(body), ["Ann Roe", "Ann Roe"]);
    // Without a verb of saying after the second appositive there is no cue: the words stay
    // with no one rather than go to the name.
    let body = "\"We need far more storage,\" Ann Roe, from Acme Labs, one of the pioneers of \
        the format, and her team built the first disc.";
    assert_eq!(speakers(body), ["-"]);
}

#[test]
fn as_someone_put_it_gives_the_words_to_them() {
    let body = "Tom Reid said: \"We won.\" As Ann Roe put it, \"We have a lot of work to do.\"";
    assert_eq!(speakers(body), ["Tom Reid", "Ann Roe"]);
    let body = "Tom Reid said: \"We won.\" Ann Roe put it bluntly: \"We were lucky.\"";
    assert_eq!(speakers(body), ["Tom Reid", "Ann Roe"]);
    // `put it` with a place after it says nothing: the next words stay with the speaker.
    let body = "Tom Reid said: \"We won.\" Ann Roe put it in the cabinet. \"It is a fine \
        trophy,\" he said.";
    assert_eq!(speakers(body), ["Tom Reid", "Tom Reid"]);
}

#[test]
fn a_subordinating_conjunction_is_no_part_of_the_speaker() {
    // `until someone tells me "…"`: the speaker is the someone, not `until someone`.
    let body = "I sing along until someone tells me \"the radio's off\".";
    assert_eq!(speakers(body), ["someone"]);
}

#[test]
fn a_verb_of_saying_before_its_subject_may_introduce_the_words() {
    let body = "Tom Reid said: \"We won.\" Then asks Kay Lind, \"why should we pay for it?\"";
    assert_eq!(speakers(body), ["Tom Reid", "Kay Lind"]);
    // `telling Kay Lind` names the one told, and the words stay with the speaker.
    let body = "Tom Reid wrote to the board, telling Kay Lind: \"We will not pay for it.\"";
    assert_eq!(speakers(body), ["Tom Reid"]);
}

#[test]
fn assert_and_contend_are_verbs_of_saying() {
    // `asserts that X "…"`: the words are the subject's claim about X, as with `claims`.
    let body = "Greenpeace asserts that Mr Cole \"has a duty, if not a legal one\" to resign.";
    assert_eq!(speakers(body), ["Greenpeace"]);
    let body = "\"The deal was fair to everyone,\" asserted Ann Roe.";
    assert_eq!(speakers(body), ["Ann Roe"]);
    let body = "Tom Reid contends that the law is \"a charter for the rich and powerful\".";
    assert_eq!(speakers(body), ["Tom Reid"]);
    // `maintains the roads` with no quotation after it cues nothing: the next words stay
    // with the one the pronoun means.
    let body = "Tom Cole said the council maintains the roads. \"It is a good system,\" he said.";
    assert_eq!(speakers(body), ["Tom Cole"]);
}
