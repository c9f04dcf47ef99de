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
fn a_sentence_adverb_or_participle_opening_a_sentence_is_no_part_of_the_name_after_it() {
    // `Eventually Reid`, `Meeting Reid`, `Behind Reid` are Reid; the word before him says when,
    // how or where, and a later `he` still finds him.
    for opener in ["Eventually", "Suddenly", "Meeting", "Behind"] {
        let body = format!(
            "Tom Reid had waited an hour for the vote.\n\n{opener} Reid stood up. \"This is \
             wrong,\" he said."
        );
        assert_eq!(speakers(&body), ["Tom Reid"], "after {opener}");
    }
    // A surname or given name that ends like an adverb is still a name.
    let body = "Beverly Hale spoke first.\n\n\"We are ready,\" Beverly Hale said.\n\n\
        Connolly Marsh, her deputy, disagreed. \"Not yet,\" Connolly Marsh said.";
    assert_eq!(speakers(body), ["Beverly Hale", "Connolly Marsh"]);
}

#[test]
fn a_verb_of_saying_and_how_it_was_said_is_no_inverted_cue() {
    // `he said sternly, "…"`: `sternly` is how, not who; the second half is the first half's.
    let body = "Tom Reid met the new recruits.\n\n\"I ask one thing of you,\" he said sternly, \
        \"to obey me and not push yourselves forward.\"";
    assert_eq!(speakers(body), ["Tom Reid", "Tom Reid"]);
    // A look that `said reproachfully: "…"` is no speaker called `reproachfully`.
    let body = "Ann Roe looked up at Tom Reid with a smile that said reproachfully: \"How can \
        you ask such a question?\"";
    assert!(
        speakers(body).iter().all(|s| s != "reproachfully"),
        "{:?}",
        speakers(body)
    );
    // The inverted cue itself still reads: `Then asks Kay Lind, "…"`.
    let body = "The panel went quiet. Then asks Kay Lind, \"why did nobody warn us?\"";
    assert_eq!(speakers(body), ["Kay Lind"]);
}

#[test]
fn a_name_given_by_a_participle_opening_its_phrase_is_no_quotation() {
    // `Originally dubbed "…"`, `, nicknamed "…"`: a name the thing was given, not words said.
    for body in [
        "Originally dubbed \"Jerry's Guide to the World Wide Web\" the firm took a new name.",
        "The worst culprit is the power adaptor, nicknamed \"energy vampires\" by engineers.",
    ] {
        assert_eq!(speakers(body), Vec::<String>::new(), "{body}");
    }
    // A verb of naming with its subject before it reports words: `He called "come in"`.
    let body = "Tom Reid heard a knock. He called \"come in, the door is open\" and waited.";
    assert_eq!(speakers(body), ["Tom Reid"]);
}

#[test]
fn going_on_is_going_on_speaking_and_a_short_adverb_is_no_part_of_the_name() {
    // `"…," Roe went on.` names who goes on speaking; `went on to win` reports no words.
    let body = "Tom Reid spoke first.\n\n\"I am not joking,\" Ann Roe went on. \"Nothing is \
        truer.\"";
    assert_eq!(speakers(body), ["Ann Roe", "Ann Roe"]);
    let body = "Ann Roe went on to win the title.\n\n\"It was hard,\" Tom Reid said.";
    assert_eq!(speakers(body), ["Tom Reid"]);
    // `said Tom Reid sadly`: `sadly` says how, as `bitterly` does.
    let body = "\"Stop it,\" said Tom Reid sadly.\n\n\"Enough,\" said Ann Roe bitterly.";
    assert_eq!(speakers(body), ["Tom Reid", "Ann Roe"]);
}

#[test]
fn continuing_to_do_something_is_no_verb_of_saying() {
    // `Storms continued to` is a verb of going on: the words are the one's who said them.
    let body = "The agency said it was \"entirely predictable\" that Storms continued to \
        batter the coast.";
    assert_eq!(speakers(body), ["agency"]);
    let body = "Ann Roe, the coast guard chief, spoke on Monday.\n\n\
        She said it was \"entirely predictable\" that Dover continued to flood.";
    assert_eq!(speakers(body), ["Ann Roe"]);
    // With the words as its object it still says them.
    let body = "\"We will rebuild,\" Ann Roe said on Monday. \"Not this year,\" she continued.";
    assert_eq!(speakers(body), ["Ann Roe", "Ann Roe"]);
    let body = "Ann Roe took questions on Monday. Roe continued: \"We will rebuild the sea \
        wall.\"";
    assert_eq!(speakers(body), ["Ann Roe"]);
    let body = "\"We will rebuild,\" Ann Roe said. \"Not this year,\" continued the minister.";
    assert_eq!(speakers(body), ["Ann Roe", "Ann Roe"]);
    // An infinitive of saying still says.
    let body = "Tom Kay, a local farmer, continued to insist the wall was \"a waste of public \
        money\".";
    assert_eq!(speakers(body), ["Tom Kay"]);
}

#[test]
fn a_document_reads_its_words_for_whoever_issued_it() {
    // `read` after a document noun is the document speaking: its owner is the speaker.
    let body = "Singer Ann Roe was dropped from the festival.\n\n\
        The complaints were upheld. \"The act went too far,\" a Northgate statement read. \
        \"It will not be booked again.\"";
    assert_eq!(speakers(body), ["Northgate", "Northgate"]);
    let body = "Tom Kay left the club on Friday.\n\n\"I gave it everything,\" his letter reads.";
    assert_eq!(speakers(body), ["Tom Kay"]);
    let body = "Northgate Council closed the pool.\n\nThe council's statement read in part: \
        \"The building is no longer safe for swimmers.\"";
    assert_eq!(speakers(body), ["Northgate Council"]);
    // Read out by someone, the document is the object: `read` is no cue, nor is a person
    // reading.
    let body = "Tom Kay stood up in court.\n\n\"I was never there,\" Kay read from his notes.";
    assert_eq!(speakers(body), ["Tom Kay"]);
    let body = "Ann Roe wrote to the board.\n\nA statement read out by Tom Kay said \
        the plan was \"a disgrace to the town\".";
    assert_eq!(speakers(body), ["Tom Kay"]);
}

#[test]
fn words_a_document_reads_with_no_owner_in_sight_are_shown_not_said() {
    // Nobody stands behind the e-mail: its line is text the article shows.
    let body = "A new worm spread over the weekend.\n\nThe message in the body of the e-mail \
        reads: \"Please open the attached greeting card now\" and it is translated.";
    assert_eq!(speech(body), Vec::<(String, String)>::new());
    let body = "Builders found an old letter under the floor.\n\nThe letter reads: \"Whoever finds \
        this, look after the house for us\".";
    assert_eq!(speech(body), Vec::<(String, String)>::new());
    // A cue that names who issued it keeps the words speech.
    let body = "Northgate sacked its coach.\n\nA statement from Northgate explaining the \
        decision read: \"We have a zero tolerance policy on this.\"";
    assert_eq!(speech(body).len(), 1);
    // With its owner named, the document still speaks for the owner.
    let body = "Northgate Council closed the pool.\n\nThe council's letter reads: \
        \"The building is no longer safe for swimmers.\"";
    assert_eq!(speakers(body), ["Northgate Council"]);
}

#[test]
fn a_clause_of_comparison_after_a_fragment_names_its_source() {
    // The sentence is about the club; `as Roe put it` says whose words these are.
    let body = "Ann Roe has chaired Northgate FC since 2010.\n\n\
        The club will stay \"a family business, run for the town\", as she herself put it.";
    assert_eq!(speakers(body), ["Ann Roe"]);
    let body = "Ann Roe has chaired Northgate FC since 2010.\n\n\
        The old stand is \"finished\", as Roe said on Monday.";
    assert_eq!(speakers(body), ["Ann Roe"]);
    // `as` that opens no clause of saying leaves the fragment as it was.
    let body = "Ann Roe has chaired Northgate FC since 2010.\n\n\
        The old stand is \"finished\" as far as anyone knows.";
    assert_eq!(speakers(body), Vec::<String>::new());
    let body = "Ann Roe described the vote as \"a very sad day for the town\", as expected.";
    assert_eq!(speakers(body), ["Ann Roe"]);
}

#[test]
fn a_fragment_goes_to_the_subject_not_to_a_name_the_verb_takes_or_a_noun_it_joins() {
    // `introduced Dr Lind as "…"`: the words are the one who introduces.
    let body = "Mr Roe introduced Dr Lind to the invited guests as \"the finest surgeon of \
        her generation\".";
    assert_eq!(speakers(body), ["Roe"]);
    // `a wig and Sgt Pepper jacket`: a name modifying a noun is no subject.
    let body = "Two students came in a wig and Sgt Pepper jacket to highlight the \"lowest \
        fees since the 1960s\".";
    assert_eq!(speakers(body), Vec::<String>::new());
    // A clause after `and` whose verb follows the name keeps its subject.
    let body = "Ann Roe runs the campaign in Leeds.\n\nThe vote was close and Roe is \
        expecting \"a fresh count in every ward\".";
    assert_eq!(speakers(body), ["Ann Roe"]);
    let body = "Ann Roe runs the campaign in Leeds.\n\nThe vote was close and Roe predicts \
        \"a fresh count in every ward\".";
    assert_eq!(speakers(body), ["Ann Roe"]);
    // A role after a possessive still leads to the name.
    let body = "The squad flew home on Monday.\n\nEngland's injured captain Jo Roe is \
        expecting \"a long and painful recovery\".";
    assert_eq!(speakers(body), ["Jo Roe"]);
}

#[test]
fn the_document_someone_put_words_in_speaks_for_them() {
    // `the post` refers back to the post Kay wrote in: he is its writer.
    let body = "Police say the threats were a hoax.\n\nTom Kay, a researcher at Northgate, \
        wrote in the firm's blog post that the senders were known.\n\n\
        \"The same senders tried this in October,\" the post read.";
    assert_eq!(speakers(body), ["Tom Kay"]);
    // No document named before: the post has no writer to borrow.
    let body = "Police say the threats were a hoax.\n\nTom Kay, a researcher at Northgate, \
        said the senders were known.\n\n\"The same senders tried this in October,\" the post read.";
    assert_eq!(speakers(body), ["-"]);
}

#[test]
fn a_source_brought_in_by_according_to_is_the_next_he() {
    // `according to a spokesman` makes him the source the sentence speaks for.
    let body = "Cable firms grow\n\nNorthgate has a plan for faster lines.\n\n\
        Cable firms are bound to catch up and, according to a Westlink spokesman, are in a \
        better position. \"Is the plan enough?\" he asked.";
    assert_eq!(speakers(body), ["Westlink spokesman"]);
    let body = "Tom Kay runs the line.\n\nAccording to a spokeswoman, the line will reopen. \
        \"We are nearly there,\" she said.";
    assert_eq!(speakers(body), ["spokeswoman"]);
    // A person named as a subject after the source is the one the pronoun means.
    let body = "According to a club spokesman, the deal is off.\n\nManager Tom Kay said he \
        was sad to see it end. \"It hurts,\" he said.";
    assert_eq!(speakers(body), ["Tom Kay"]);
    // `according to` a person's words, the description is no source of its own.
    let body = "Tom Kay was in the room, according to the Westlink spokesman's account. \
        \"I saw it all,\" he said.";
    assert_eq!(speakers(body), ["Tom Kay"]);
}

#[test]
fn a_surname_acting_after_the_full_name_is_a_person_a_pronoun_may_mean() {
    // `Kasimir` is on no list of given names; `Halvo has now beaten Roe` shows a person acting,
    // and the `he` of the next paragraph is him, not a confirmed man named before.
    let body = "Halvo shocks Roe\n\nSecond seed Ann Roe lost to Kasimir Halvo in the \
        quarter-finals.\n\nTop seed Andy Reid rallied to beat Tom Kay. Halvo has now beaten \
        Roe twice.\n\n\"I had a good game plan,\" he said.";
    assert_eq!(speakers(body), ["Kasimir Halvo"]);
    // A club's last word acting is no surname: the manager stays the one `he` means.
    let body = "Manager Andy Reid praised his side after the win over Northgate \
        United.\n\nReid was pleased. United have now lost four games.\n\n\"We deserved it,\" \
        he said.";
    assert_eq!(speakers(body), ["Andy Reid"]);
    // The object of a preposition does not act, whatever verb follows its phrase.
    let body = "Second seed Ann Roe lost to Kasimir Halvo.\n\nCaptain Tom Kay said following in \
        the footsteps of Halvo would be a challenge. \"It is hard,\" he said.";
    assert_eq!(speakers(body), ["Tom Kay"]);
    // Nor is a team's nickname, or a place named first on its own.
    let body = "Coach Andy Reid watched the Northgate Sharks lose.\n\nSharks have now lost \
        four games.\n\n\"We were poor,\" he said.";
    assert_eq!(speakers(body), ["Andy Reid"]);
}

#[test]
fn capitals_ending_a_longer_name_after_of_the_are_no_body_of_their_own() {
    // `the Old Republic` ends a game's title; `the company` is the firm the article named.
    let body = "Games firm Northgate is to hold auditions.\n\nThe company, which makes games \
        such as Knights of the Old Republic, is seeking people. The Canada-based company says \
        it wants \"a wide variety of faces for its characters\".";
    assert_eq!(speakers(body), ["Northgate"]);
    // After a role the capitals are the body the holder heads, which may speak.
    let body = "Chairman of the Federal Reserve Tom Kay spoke on Monday.\n\n\
        \"Rates will rise,\" the Federal Reserve said.";
    assert_eq!(speakers(body), ["Federal Reserve"]);
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

#[test]
fn an_adverb_before_an_inverted_verb_is_never_the_subject() {
    // `"…," suddenly replied Tom Reid`: the adverb says how; the subject follows the verb.
    let body = "Ann Roe asked about the fee.\n\n\"Not mine to pay,\" suddenly replied Tom Reid.";
    assert_eq!(speakers(body), ["Tom Reid"]);
    // With no subject after it, the adverb still names no one.
    let body = "Ann Roe sat down.\n\n\"Look at him!\" loudly remarked someone at the back.";
    assert!(
        speakers(body).iter().all(|s| s != "loudly"),
        "{:?}",
        speakers(body)
    );
}

#[test]
fn a_description_opening_a_sentence_is_the_subject_a_later_pronoun_means() {
    // `the Scottish international defender` describes Reid, the subject before; the name in
    // the rest of its sentence (`believes Okafor is`) is only talked about.
    let body = "Tom Reid has been given confidence by the arrival of coach Peter Okafor.\n\n\
        And the Scottish international defender believes Okafor is the right man. \"He is the \
        best coach I have had,\" he said.";
    assert_eq!(speakers(body), ["Tom Reid"]);
    let body = "Ann Roe won the title in 2003.\n\nBut the 31-year-old, who has not raced this \
        year, believes Kay Lind is the favourite. \"I am not fit yet,\" she said.";
    assert_eq!(speakers(body), ["Ann Roe"]);
}

#[test]
fn a_description_the_text_used_before_means_whom_it_introduced() {
    // `a young doctor` came in before: `The doctor` is that doctor, no mention of Reid, the
    // subject before; a description the text never used stands for Reid.
    let mentions_of_reid = |body: &str| -> Vec<String> {
        let a = crate::source::Article::parse(body, "t", crate::source::LoadOptions::PLAIN)
            .expect("parses");
        let q = crate::analysis::quotes::find(&a, &[]);
        q.entities
            .iter()
            .filter(|e| e.name == "Tom Reid")
            .flat_map(|e| e.mentions.iter())
            .map(|m| a.text()[m.clone()].to_string())
            .collect()
    };
    let body = "Tom Reid reached the camp at dusk, where a young doctor met him.\n\n\
        The doctor told Ken Lowe to rest.";
    assert!(!mentions_of_reid(body).contains(&"The doctor".to_string()));
    let body = "Tom Reid reached the camp at dusk.\n\nThe tired doctor told Ken Lowe to rest.";
    assert!(mentions_of_reid(body).contains(&"The tired doctor".to_string()));
}

#[test]
fn capitals_before_a_holder_and_the_holder_name_no_one() {
    // `Double Olympic` says what Holmes is: no person `Double Olympic` to speak for her.
    let body = "Double Olympic champion Kelly Holmes will run in Glasgow.\n\n\
        \"I feel good about it,\" said the 34-year-old.";
    assert_eq!(speakers(body), ["Kelly Holmes"]);
    let a = crate::source::Article::parse(body, "t", crate::source::LoadOptions::PLAIN)
        .expect("parses");
    let q = crate::analysis::quotes::find(&a, &[]);
    assert!(
        q.entities.iter().all(|e| e.name != "Double Olympic"),
        "{:?}",
        q.entities.iter().map(|e| &e.name).collect::<Vec<_>>()
    );
    // A person named before the noun is still a person (`Reid aide Tom Kay`).
    let body = "Ann Reid met the press.\n\n\"We are ready,\" said Reid aide Tom Kay.";
    assert_eq!(speakers(body), ["Tom Kay"]);
}

#[test]
fn a_body_with_its_short_form_and_an_appositive_speaks() {
    // The appositive after the bracketed acronym leaves the name before it the subject.
    let body = "\"The market is small,\" said Tom Kay, a trader.\n\nThe Broadcasting \
        Council (BCB), the national regulator, said: \"Sales of the new sets are rising \
        fast.\"";
    assert_eq!(speakers(body), ["Tom Kay", "Broadcasting Council"]);
    // French particles spell nothing of the short form.
    let body = "\"The market is small,\" said Tom Kay, a trader.\n\nThe Conseil Superieur de \
        l'Audiovisuel (CSA) said: \"Sales of the new sets are rising fast.\"";
    assert_eq!(
        speakers(body),
        ["Tom Kay", "Conseil Superieur de l'Audiovisuel"]
    );
    let body = "\"The market is small,\" said Tom Kay, a trader.\n\nThe Conseil Superieur de \
        l'Audiovisuel (CSA), the national regulator, said: \"Sales of the new sets are rising \
        fast.\"";
    assert_eq!(
        speakers(body),
        ["Tom Kay", "Conseil Superieur de l'Audiovisuel"]
    );
}

#[test]
fn a_compound_that_describes_is_no_part_of_the_name_after_it() {
    // `Oscar-nominated Lind` is Kay Lind, described; no person `Oscar-nominated Lind`.
    let body = "Kay Lind arrived early at the ceremony.\n\n\"I have never won anything,\" \
        Oscar-nominated Lind said.";
    assert_eq!(speakers(body), ["Kay Lind"]);
}

#[test]
fn a_plural_possessive_opens_the_description_of_a_speaker_after_the_quotation() {
    // `Wales'` is `Wales's` spelt the other way: the speaker is the man it describes, not the
    // player named before.
    let body = "Dai Rees was expected to miss the match with a neck injury.\n\n\
        \"He will have a scan on Monday,\" Wales' team doctor Tom Kay said. \"He is improving.\"";
    assert_eq!(speakers(body), ["Tom Kay", "Tom Kay"]);
    let body = "Ann Roe lost her appeal.\n\n\"We will fight on,\" the Smiths' lawyer Bob Hale \
        told reporters.";
    assert_eq!(speakers(body), ["Bob Hale"]);
    // A closing single mark after -s is no possessive: the cue still reads.
    let body = "\"It is the age of the 'super-phones',\" Ann Roe said.";
    assert_eq!(speakers(body), ["Ann Roe"]);
}

#[test]
fn a_passive_verb_of_naming_gives_the_words_to_its_agent() {
    let body = "Acme showed its new phone in Leeds on Monday.\n\nThe phone was described by \
        Ann Roe as the \"most important phone we have made\". It was branded a \"costly toy for \
        the rich\" by Tom Kay, an analyst.";
    assert_eq!(speakers(body), ["Ann Roe", "Tom Kay"]);
    // What is described is not who describes it, and `by` that names a place or a time gives
    // no agent.
    let body = "Ann Roe was described as \"a tireless worker for the town\" by the mayor, \
        Tom Kay.";
    assert_eq!(speakers(body), ["Tom Kay"]);
    let body = "Ann Roe opened the shop.\n\nThe shop, described as \"a place for the whole \
        family\", was opened by noon.";
    assert!(speakers(body).iter().all(|s| s != "Ann Roe" || s == "-"));
}

#[test]
fn a_role_after_the_is_the_subject_who_says_a_participle_fragment() {
    let body = "Tory leader Tom Kay will make a pitch for votes in Leeds.\n\nThe Tory leader \
        will argue against quotas saying they are \"outdated and unjust\".";
    assert_eq!(speakers(body), ["Tom Kay"]);
    // A role with no person before it is an unnamed speaker.
    let body = "The weather was mild in May.\n\nThe chief executive will argue against \
        quotas saying they are \"outdated and unjust\".";
    assert_eq!(speakers(body), ["chief executive"]);
    // A subject that is no person or role says nothing.
    let body = "Ann Roe lost her seat.\n\nThe big storm will bring floods saying they are \
        \"outdated and unjust\".";
    assert!(speakers(body).is_empty());
}

#[test]
fn a_cue_closing_the_sentence_reaches_a_long_fragment_past_a_later_term() {
    let body = "Ann Roe should \"stick to her guns\" and not apologise for her \"Nazi\" jibe, \
        Tory MP Tom Kay has insisted.";
    assert_eq!(speakers(body)[0], "Tom Kay");
    // A short term inside the sentence is not made speech by the cue at its end.
    let body = "Rates moved from \"normal-high\" to \"normal\", the bank said.";
    assert!(speech(body).iter().all(|(q, _)| q != "normal-high"));
}

#[test]
fn a_thing_that_reveals_something_is_no_speaker_a_quotation_goes_on_with() {
    // The subject of `revealed` is the restoration, not the episodes after `of`: the next
    // paragraph of quotation goes on with the man who spoke last.
    let body = "\"We scanned every frame,\" explains Mr Tom Kay. The restoration of the older \
        films revealed some odd items too.\n\n\"There is a file cabinet behind one of the doors.\"";
    assert_eq!(speakers(body), ["Tom Kay", "Tom Kay"]);
    // A share of people after `of` still speaks.
    let body = "\"We scanned every frame,\" explains Mr Tom Kay. Some of the older residents \
        said the work was slow.\n\n\"It took years and years to finish.\"";
    assert_eq!(speakers(body)[1], "older residents");
}

#[test]
fn a_turn_in_an_exchange_is_said_by_its_verb() {
    // A reply, a challenge or an objection right after the words names who took the turn.
    let body = "Ann Roe questioned Tom Kay in court on Monday.\n\n\"Were you there?\" Ms Roe \
        asked. \"Not that I recall,\" Mr Kay replied. \"Did you ever visit the site?\" Ms Roe \
        pressed. \"Never,\" Mr Kay retorted. \"That is a lie,\" Ms Roe protested.";
    assert_eq!(
        speakers(body),
        ["Ann Roe", "Tom Kay", "Ann Roe", "Tom Kay", "Ann Roe"]
    );
    // `she demanded:` before the words.
    let body = "Ann Roe met Tom Kay on Monday.\n\nMs Roe demanded: \"Where is the money?\"";
    assert_eq!(speakers(body), ["Ann Roe"]);
}

#[test]
fn a_verb_of_pressing_or_demanding_that_narrates_says_nothing() {
    // Pressing a hand, a demand with a clause after it: the words after are someone else's.
    let body = "Ann Roe met Tom Kay on Monday.\n\nMr Kay pressed her hand. \"Welcome home,\" \
        said Ms Roe's sister Jane Roe.";
    assert_eq!(speakers(body), ["Jane Roe"]);
    let body = "Tom Kay waited by the door. All eyes demanded that he speak.\n\n\
        \"Well, I will read it, then,\" he said.";
    assert_eq!(speakers(body), ["Tom Kay"]);
}

#[test]
fn an_adverb_between_a_subject_and_its_verb_keeps_the_subject() {
    // `Kay then e-mailed`: Kay is the sentence's subject, and a later `he said` means him,
    // not a man named in a clause that is the object of a participle.
    let body = "Tom Kay and Ann Roe met on Monday.\n\nRealising his error, Mr Kay then e-mailed \
        Mr Bell, suggesting presenter Jim Cole would have seen the funny side.\n\n\
        He said: \"I am not very good at this.\"";
    assert_eq!(speakers(body), ["Tom Kay"]);
    let body = "Tom Kay and Ann Roe met on Monday.\n\nRealising his error, Mr Kay quickly \
        wrote to Mr Bell, suggesting presenter Jim Cole would laugh.\n\n\
        He said: \"I am not very good at this.\"";
    assert_eq!(speakers(body), ["Tom Kay"]);
    // Without a verb after it the adverb changes nothing: Cole is the one who acts.
    let body = "Tom Kay and Ann Roe met on Monday.\n\nPresenter Jim Cole laughed loudly at \
        the joke.\n\nHe said: \"I am not very good at this.\"";
    assert_eq!(speakers(body), ["Jim Cole"]);
}

#[test]
fn words_heard_are_not_the_hearers() {
    // A quotation without a cue after `heard` is someone else's: no speaker rather than the
    // one who heard.
    let body = "Tom Kay walked to the barn in the dark.\n\nMr Kay suddenly heard the voice of \
        an old servant: \"Straight along the path, sir.\"";
    assert_eq!(speakers(body), ["-"]);
    // Without `heard`, the subject the sentences are about still speaks.
    let body = "Tom Kay walked to the barn in the dark.\n\nMr Kay suddenly stopped: \
        \"Straight along the path, then.\"";
    assert_eq!(speakers(body), ["Tom Kay"]);
}

#[test]
fn a_nationality_across_a_noun_or_in_an_appositive_is_the_persons() {
    // `Swiss star Roger Lind`: the nationality two words before the name is still his, so
    // `the Swiss` is Lind and not the nearer American.
    let body = "Swiss star Roger Lind beat Andy Ross, the American, in the final.\n\n\
        \"It was tough,\" the Swiss said.";
    assert_eq!(speakers(body), ["Roger Lind"]);
    let body = "Swiss star Roger Lind beat Andy Ross, the American, in the final.\n\n\
        \"He was too good,\" the American said.";
    assert_eq!(speakers(body), ["Andy Ross"]);
    // A nationality that names a people acting is no one's (`the French looked at Kay`):
    // Kay is given none, so `the American` may still be him.
    let body = "The French looked at Tom Kay in silence.\n\n\"We are leaving,\" the \
        American said.";
    assert_eq!(speakers(body), ["Tom Kay"]);
}

#[test]
fn a_business_that_acts_in_the_present_is_what_the_firm_means() {
    // `Northgate plans to cut …`: a bare name acting in the present tense, as in the past.
    let body = "Northgate plans to cut jobs at its Leeds plant.\n\nThe move follows a fall in \
        sales. The firm said it would \"protect as many jobs as it can\".";
    assert_eq!(speakers(body), ["Northgate"]);
    // A plural noun for people after a capitalised word is no verb: `Some` is no business.
    let body = "Some contributors to the forums were angry.\n\nThe firm said it would \
        \"protect as many jobs as it can\".";
    assert_ne!(speakers(body), ["Some"]);
}
