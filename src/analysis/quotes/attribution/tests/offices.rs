//! Attribution rules checked on made-up sentences about office-holders and bodies, the way
//! politics and business copy names them: titles of office, bodies speaking through their
//! documents and their descriptions.

use super::{speaker_of, speech};

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

#[test]
fn a_subsidiary_is_a_body_not_the_person_quoted_before() {
    // `the subsidiary` is a business: it goes to the body the article named, never to the
    // consultant quoted just before.
    let body = "Airline chaos\n\nSkyways cancelled 300 flights. \"They have a mutiny on their \
                hands,\" said Tom Kay, a consultant. \"We regret the delays,\" the subsidiary \
                said in a statement.\n";
    let all = speech(body);
    assert_eq!(
        speaker_of(&all, "They have a mutiny on their hands,"),
        Some("Tom Kay"),
        "{all:?}"
    );
    assert_eq!(
        speaker_of(&all, "We regret the delays,"),
        Some("Skyways"),
        "{all:?}"
    );
}

#[test]
fn a_holiday_or_a_plural_of_people_opening_a_sentence_is_no_business() {
    // `over the Christmas weekend` is a time, `Analysts said` people: neither is the
    // business a later `the company` means; the body the article named is.
    let body = "Retail slump\n\nNorthmart has cut 300 jobs after a slump over the Christmas \
                weekend. Analysts said the slump was deep. \"We expect a recovery,\" the company said.\n";
    let all = speech(body);
    assert_eq!(
        speaker_of(&all, "We expect a recovery,"),
        Some("Northmart"),
        "{all:?}"
    );
    // A business that opens its sentence and acts is still the one meant.
    let body = "Retail slump\n\nNorthmart has cut 300 jobs. \"We expect a recovery,\" the \
                company said.\n";
    let all = speech(body);
    assert_eq!(
        speaker_of(&all, "We expect a recovery,"),
        Some("Northmart"),
        "{all:?}"
    );
}

#[test]
fn the_one_reported_after_according_to_is_not_the_reporter() {
    // `According to X, the prime minister said "…"`: X reports; the prime minister speaks.
    let body = "Budget row\n\nTom Hale is the BBC's political editor. According to Mr Hale, \
                the prime minister said \"we will not retreat on this\" at the meeting.\n";
    let all = speech(body);
    let who = speaker_of(&all, "we will not retreat on this");
    assert!(who.is_some_and(|w| w != "Tom Hale"), "{all:?}");
    // The office still finds its holder when the article named one.
    let body = "Budget row\n\nPrime Minister Ann Roe met her cabinet. Tom Hale watched. \
                According to Mr Hale, the prime minister said \"we will not retreat on this\" \
                at the meeting.\n";
    let all = speech(body);
    assert_eq!(
        speaker_of(&all, "we will not retreat on this"),
        Some("Ann Roe"),
        "{all:?}"
    );
    // Without `according to`, a description still looks back to the person named before.
    let body = "Budget row\n\nTom Hale, 61, runs the fund. The veteran said \"we will not \
                retreat on this\" at the meeting.\n";
    let all = speech(body);
    assert_eq!(
        speaker_of(&all, "we will not retreat on this"),
        Some("Tom Hale"),
        "{all:?}"
    );
}

#[test]
fn the_one_alleged_or_reported_to_have_said_it_is_the_speaker() {
    // `X is alleged to have said that … "…"`: a passive of reporting raises the speaker to
    // its subject.
    for verb in [
        "is alleged to have said",
        "was reported to have told friends",
        "is understood to have said",
    ] {
        let body = format!(
            "Candidate suspended\n\nAnn Roe chairs the party. Tom Kay {verb} that critics \
             should be \"sent back where they came from\" in a speech.\n"
        );
        let all = speech(&body);
        assert_eq!(
            speaker_of(&all, "sent back where they came from"),
            Some("Tom Kay"),
            "{verb}: {all:?}"
        );
    }
    // An expectation is no report of words said: no speaker from it.
    let body = "Candidate suspended\n\nTom Kay is expected to say that critics should be \
                \"sent back where they came from\" in a speech.\n";
    let all = speech(body);
    assert_eq!(
        speaker_of(&all, "sent back where they came from"),
        None,
        "{all:?}"
    );
}

#[test]
fn a_document_from_a_named_sender_speaks_for_the_sender() {
    // `The letter, from the Home Office, says: "…"`: the sender speaks through the letter,
    // not the person the letter is about.
    let body = "Passports withdrawn\n\nTom Kay lost his passport. The letter, from the Home \
                Office, says: \"I am writing to inform you of the decision.\"\n";
    let all = speech(body);
    assert_eq!(
        speaker_of(&all, "I am writing to inform you of the decision."),
        Some("Home Office"),
        "{all:?}"
    );
    // `from` with a date names no sender.
    let body = "Passports withdrawn\n\nTom Kay lost his passport. The letter, from 2003, says: \
                \"I am writing to inform you of the decision.\"\n";
    let all = speech(body);
    assert_ne!(
        speaker_of(&all, "I am writing to inform you of the decision."),
        Some("2003"),
        "{all:?}"
    );
}

#[test]
fn a_bare_quotation_after_a_new_named_subject_is_theirs() {
    // The paragraph turns to someone new, named as the subject of the sentence right before
    // the quotation: the words are theirs, not the last speaker's.
    let body = "Pension plans\n\nMr Raynsford defended the plan. \"It is a fair deal,\" he said. \
                But union leader Dave Prentis criticised the plans. \"You do not get good \
                services this way.\"\n";
    let all = speech(body);
    assert_eq!(
        speaker_of(&all, "You do not get good services this way."),
        Some("Dave Prentis"),
        "{all:?}"
    );
    // A pronoun subject, or a subject inside the reported clause, turns to no one new.
    let body = "Injury news\n\nAnn Roe pulled out on Monday. Her spokesman said: \"It is a \
                wrist problem.\" But he insisted she had simply delayed her entry. \"The \
                doctors are assessing her weekly.\"\n";
    let all = speech(body);
    assert_ne!(
        speaker_of(&all, "The doctors are assessing her weekly."),
        Some("Ann Roe"),
        "{all:?}"
    );
}

#[test]
fn a_club_named_like_a_person_is_no_turn_to_a_new_speaker() {
    // `Aston Villa` is never shown to be a person (no title, role, given name or pronoun): a
    // sentence about the club turns to no one, and the words stay the captain's.
    let body = "Cup draw\n\nCaptain Tom Reid expressed his relief at Aston Villa's passage.\n\n\
                After the win, the skipper was happy. Reid said: \"It's a relief for the \
                club.\" Villa's finish means they avoid Arsenal. But Villa could be drawn \
                against Chelsea. \"It's going to be great whoever we play.\"\n";
    let all = speech(body);
    assert_eq!(
        speaker_of(&all, "It's going to be great whoever we play."),
        Some("Tom Reid"),
        "{all:?}"
    );
    // A person the text shows as one (a given name) is a turn to them.
    let body = "Cup draw\n\nCaptain Tom Reid was relieved at the passage. Reid said: \"It's a \
                relief for the club.\" But coach Ann Lind was less sure of the draw. \"It's \
                going to be hard whoever we play.\"\n";
    let all = speech(body);
    assert_eq!(
        speaker_of(&all, "It's going to be hard whoever we play."),
        Some("Ann Lind"),
        "{all:?}"
    );
}

#[test]
fn the_subject_of_a_passive_is_talked_about_and_no_turn() {
    // `Jan Lind, 21, was crowned …`: the sentence is about Lind; the words after are the coach's.
    let body = "Awards\n\nCoach Tom Reid praised his young flanker. \"He has been superb,\" Reid \
                said. Jan Lind, 21, was crowned player of the year on Sunday. \"It's his first \
                year at that level and he was phenomenal.\"\n";
    let all = speech(body);
    assert_eq!(
        speaker_of(
            &all,
            "It's his first year at that level and he was phenomenal."
        ),
        Some("Tom Reid"),
        "{all:?}"
    );
    // Asked, the person answers: a turn to them.
    let body = "Awards\n\nCoach Tom Reid praised his young flanker. \"He has been superb,\" Reid \
                said. Jan Lind, 21, was asked about his future on Sunday. \"I am happy to stay \
                here for years.\"\n";
    let all = speech(body);
    assert_eq!(
        speaker_of(&all, "I am happy to stay here for years."),
        Some("Jan Lind"),
        "{all:?}"
    );
}

#[test]
fn a_styled_name_after_an_office_is_the_speaker() {
    // `the Right Reverend Tom Bell`: a style of address with `the` is part of a name, so the
    // appositive names the bishop; the office before it is his role.
    for style in [
        "the Right Reverend",
        "the Most Reverend",
        "the Rev",
        "the Hon",
    ] {
        let body = format!(
            "Church warning\n\nThe Bishop of Leeds, {style} Tom Bell, said the plan was \"a cruel \
             and heartless idea\".\n"
        );
        let all = speech(&body);
        assert_eq!(
            speaker_of(&all, "a cruel and heartless idea"),
            Some("Tom Bell"),
            "{style}: {all:?}"
        );
    }
    // A description after the office is no name: the office-holder stays a description.
    let body = "Church warning\n\nThe Bishop of Leeds, the most senior cleric in the county, \
                said the plan was \"a cruel and heartless idea\".\n";
    let all = speech(body);
    assert_eq!(
        speaker_of(&all, "a cruel and heartless idea"),
        Some("Bishop of Leeds"),
        "{all:?}"
    );
}

#[test]
fn nouns_joined_by_and_before_a_business_noun_describe_the_business() {
    // `the software and services group`, `the news and data seller`: what the business
    // trades in, however many nouns say it; the business the article named speaks.
    for desc in [
        "The software and services group",
        "The news and financial data seller",
        "The oil and gas company",
    ] {
        let body = format!(
            "Profits up\n\nRevenues at media group Halvex rose. {desc} said it expected \"a \
             much better second half\".\n"
        );
        let all = speech(&body);
        assert_eq!(
            speaker_of(&all, "a much better second half"),
            Some("Halvex"),
            "{desc}: {all:?}"
        );
    }
    // Joined nouns before a noun for people describe people, not the business.
    let body = "Profits up\n\nRevenues at media group Halvex rose. The sales and marketing \
                staff said they expected \"a much better second half\".\n";
    let all = speech(body);
    assert_ne!(
        speaker_of(&all, "a much better second half"),
        Some("Halvex"),
        "{all:?}"
    );
}

#[test]
fn a_bracketed_acronym_between_a_body_and_its_verb_is_its_short_form() {
    // `the Consumer Electronics Association (CEA) said`: the brackets repeat the body's
    // name; the body speaks, before or after its words.
    for body in [
        "Gadget boom\n\nSales rose. The Consumer Electronics Association (CEA) told reporters \
         that demand was \"stronger than ever before\".\n",
        "Gadget boom\n\nSales rose. \"Demand is stronger than ever before,\" the Consumer \
         Electronics Association (CEA) said.\n",
    ] {
        let all = speech(body);
        assert_eq!(all.len(), 1, "{all:?}");
        assert_eq!(all[0].1, "Consumer Electronics Association", "{all:?}");
    }
    // After a preposition the bracketed body is where the named person works: the person
    // speaks.
    let body = "Gadget boom\n\nSales rose. Jo Park, from the Consumer Electronics Association \
                (CEA) told reporters that demand was \"stronger than ever before\".\n";
    let all = speech(body);
    assert_ne!(
        all.first().map(|x| x.1.as_str()),
        Some("Consumer Electronics Association"),
        "{all:?}"
    );
    // A bracket that is no acronym (`(pictured)`) is no short form: nothing is skipped, and
    // the words stay with no one rather than go to the name before it.
    let body = "Gadget boom\n\nSales rose. The Consumer Electronics Association (pictured) told \
                reporters that demand was \"stronger than ever before\".\n";
    let all = speech(body);
    assert_ne!(
        all.first().map(|x| x.1.as_str()),
        Some("Consumer Electronics Association"),
        "{all:?}"
    );
}

#[test]
fn a_name_its_acronym_spells_is_a_body_whole() {
    // The initials of the words before the brackets spell the acronym: those words name the
    // body, a plural possessive or a nationality inside them included.
    for (name, acronym) in [
        ("British Bankers' Association", "BBA"),
        ("British Phonographic Industry", "BPI"),
        ("Confederation of British Industry", "CBI"),
    ] {
        let body = format!(
            "Lending\n\nThe {name} ({acronym}) said lending was \"weaker than in any month \
             before\".\n"
        );
        let all = speech(&body);
        assert_eq!(all.len(), 1, "{all:?}");
        assert_eq!(all[0].1, name, "{all:?}");
    }
    // After a preposition the body is where the named person works: the person speaks.
    let body = "Lending\n\nAnn Roe, from the British Bankers' Association (BBA) told \
                reporters lending was \"weaker than in any month before\".\n";
    let all = speech(body);
    assert_ne!(
        all.first().map(|x| x.1.as_str()),
        Some("British Bankers' Association"),
        "{all:?}"
    );
    // Initials that spell something else name no body: the acronym gives nothing whole.
    let body = "Lending\n\nThe British Phonographic Industry (XYZ) said lending was \"weaker \
                than in any month before\".\n";
    let all = speech(body);
    assert_ne!(
        all.first().map(|x| x.1.as_str()),
        Some("British Phonographic Industry"),
        "{all:?}"
    );
    // A plural possessive no longer breaks a name (`Bankers'` is one word, as `Bankers's`
    // would be): the capitals are one body's name without the acronym's help.
    let body = "Lending\n\nThe British Bankers' Association (XYZ) said lending was \"weaker \
                than in any month before\".\n";
    let all = speech(body);
    assert_eq!(all[0].1, "British Bankers' Association", "{all:?}");
}
