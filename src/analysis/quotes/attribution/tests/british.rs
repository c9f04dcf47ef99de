//! Attribution rules checked on made-up sentences in the style of British news (BBC politics and
//! business copy): each test names the English pattern it stands for.

use super::{speaker_of, speech};

#[test]
fn a_new_sentence_after_a_full_stop_inside_the_marks_is_no_trailing_cue() {
    // The quotation closes its statement with a full stop; the next sentence's `X said people
    // …` reports someone else's words and is no cue for it.
    let body = "Mayor hit by slurry\n\nTom Kay was hit by a bucket of slurry on Friday. \
                A BBC spokesman said: \"He took his seat. Someone lent him clothes.\" \
                Greater Manchester Police said people near him were also hit.\n";
    let all = speech(body);
    assert_eq!(
        speaker_of(&all, "He took his seat. Someone lent him clothes."),
        Some("BBC spokesman"),
        "{all:?}"
    );
    // A verb that closes at a phrase of time still trails the quotation.
    let body = "Mayor hit\n\nTom Kay was hit on Friday.\n\n\"I was covered from head to \
                toe.\" Mr Kay said on Saturday.\n";
    let all = speech(body);
    assert_eq!(
        speaker_of(&all, "I was covered from head to toe."),
        Some("Tom Kay"),
        "{all:?}"
    );
}

#[test]
fn a_name_or_charge_given_in_a_participle_clause_is_the_subjects() {
    // `by branding X "…"`: the short name given is the subject's words.
    let body = "Row over campaign\n\nCouncil leader Ann Roe toured the region. On Wednesday, \
                Mrs Roe provoked fury by branding the rival campaign \"two-bit Tories\" in a \
                row outside its office.\n";
    let all = speech(body);
    assert_eq!(
        speaker_of(&all, "two-bit Tories"),
        Some("Ann Roe"),
        "{all:?}"
    );
    // `with X accusing Y of "…"`: the one after `with` makes the charge.
    let body = "Budget row\n\nThe debate opened with party chairman Jim Hale accusing Mrs \
                Roe of \"reckless spending\" on roads.\n";
    let all = speech(body);
    assert_eq!(
        speaker_of(&all, "reckless spending"),
        Some("Jim Hale"),
        "{all:?}"
    );
    // `calling for "…"` makes a demand and names nothing: no speaker from the participle.
    let body = "Inquiry call\n\nCritics have been calling for \"a full inquiry\" since May.\n";
    let all = speech(body);
    assert_eq!(speaker_of(&all, "a full inquiry"), None, "{all:?}");
}

#[test]
fn a_subject_before_an_aside_between_dashes_is_who_a_later_he_means() {
    // The aside holds a quotation and a verb of its own; the subject still speaks after it,
    // and the possessive name in the reported clause is only talked about.
    let body = "Plan row\n\nMayor Ray Mallon clashed on Thursday with campaigner Neil Herron. \
                Mr Mallon said the plan would help.\n\nBut Mr Herron - who won fame as one of \
                the \"metric martyrs\" and runs his own campaign - said he was not convinced by \
                Mr Mallon's arguments. \"The reality is that it will fail,\" he said.\n";
    let all = speech(body);
    assert_eq!(
        speaker_of(&all, "The reality is that it will fail,"),
        Some("Neil Herron"),
        "{all:?}"
    );
}

#[test]
fn a_role_that_speaks_is_the_subject_a_later_he_means() {
    // `…, the opposition leader said.`: the role stands for the leader, who spoke; the name
    // opening the reported clause is only talked about.
    let body = "Budget row\n\nOpposition leader Tom Kay attacked the budget on Wednesday.\n\n\
                Mr Brown liked to talk of big sums to hide the gaps in the finances, the \
                opposition leader said. \"This is a dodgy budget,\" he said.\n";
    let all = speech(body);
    assert_eq!(
        speaker_of(&all, "This is a dodgy budget,"),
        Some("Tom Kay"),
        "{all:?}"
    );
}

#[test]
fn a_relative_clause_between_commas_leaves_the_name_before_it_speaking() {
    // `X, who …, told the BBC: "…"`: the relative clause describes X, who speaks; the next
    // sentence opens a new statement.
    let body = "Advice row\n\n\"It was a fair summary,\" Prime Minister Ann Roe told \
                reporters.\n\nOn the question of secrecy, Tory MP Tom Kay, who is a member of the \
                Commons security committee and sat on the Butler inquiry, told the BBC: \"That is \
                the rule. It is not absolute.\" He said there had been other cases.\n";
    let all = speech(body);
    assert_eq!(
        speaker_of(&all, "That is the rule. It is not absolute."),
        Some("Tom Kay"),
        "{all:?}"
    );
}

#[test]
fn a_name_before_from_or_at_a_workplace_speaks_not_the_office() {
    // `from`, `at`, `of` after a person's full name says where the person works.
    let body = "Drug row\n\nThe agency approved the drug in 2001. Ann Roe from the agency's \
                Office of Public Health told the committee: \"We were too slow to act.\" \
                Dr Tom Kay at the city's Water Board said: \"The supply is safe.\"\n";
    let all = speech(body);
    assert_eq!(
        speaker_of(&all, "We were too slow to act."),
        Some("Ann Roe"),
        "{all:?}"
    );
    assert_eq!(
        speaker_of(&all, "The supply is safe."),
        Some("Tom Kay"),
        "{all:?}"
    );
    // No name before `from`: a spokesman from a body speaks for the body.
    let body = "Water row\n\nA spokesman from the Water Board said: \"The supply is safe.\"\n";
    let all = speech(body);
    assert_eq!(
        speaker_of(&all, "The supply is safe."),
        Some("Water Board"),
        "{all:?}"
    );
}

#[test]
fn a_saying_backshifted_into_an_account_is_the_outer_speakers() {
    // `X said Y had complained …`: the past perfect puts Y's saying inside X's account.
    let body = "Book row\n\nOpposition leader Ann Roe attacked the minister on Wednesday. Ms \
                Roe said Mr Kay had complained he was left a \"total shambles\" by his \
                predecessor.\n\nPolice chief Tom Kay told the inquiry that the council had \
                warned of \"serious failings\" in the case.\n";
    let all = speech(body);
    assert_eq!(
        speaker_of(&all, "total shambles"),
        Some("Ann Roe"),
        "{all:?}"
    );
    assert_eq!(
        speaker_of(&all, "serious failings"),
        Some("Tom Kay"),
        "{all:?}"
    );
    // Without the backshift the nearer person keeps the words.
    let body = "Book row\n\nMs Ann Roe said Mr Tom Kay warned of a \"total shambles\" at \
                the department.\n";
    let all = speech(body);
    assert_eq!(
        speaker_of(&all, "total shambles"),
        Some("Tom Kay"),
        "{all:?}"
    );
}

#[test]
fn an_appositive_role_lets_a_later_description_name_the_person() {
    // The role between commas before the name: `the Ofsted chief` later means him.
    let body = "Schools row\n\nFaith schools were criticised by Ofsted chief, Tom Kay, on \
                Monday. A union leader, Ann Roe, replied on Tuesday.\n\n\"Schools need more \
                support,\" said the Ofsted chief.\n";
    let all = speech(body);
    assert_eq!(
        speaker_of(&all, "Schools need more support,"),
        Some("Tom Kay"),
        "{all:?}"
    );
    // The role between commas after the name: `the former minister` means him.
    let body = "Lords debate\n\nLord Hale, a former Labour minister, spoke in the debate. \
                Baroness Roe opposed the bill.\n\n\"It is wrong,\" said the former minister.\n";
    let all = speech(body);
    assert_eq!(
        speaker_of(&all, "It is wrong,"),
        Some("Lord Hale"),
        "{all:?}"
    );
}

#[test]
fn the_peer_is_the_one_titled_lord_before_it() {
    // `the Labour peer and former minister`: one person described twice, a peer; not a lord
    // the article names only after the quotation.
    let body = "Lords vote\n\nLord Hale agreed to withdraw his bill on Tuesday. \"We cannot \
                wait for ever,\" he told peers. During the debate, the Labour peer and former \
                minister said: \"The law must change.\" But opponents, including Tory Lord Kemp \
                of Alloway, said it was pointless.\n";
    let all = speech(body);
    assert_eq!(
        speaker_of(&all, "The law must change."),
        Some("Lord Hale"),
        "{all:?}"
    );
}

#[test]
fn a_surname_that_is_also_a_role_word_is_a_name() {
    // `King`, `Judge` are roles alone (`the King`), surnames after a given name, an honorific
    // or a role and a capitalised first name.
    let body = "Seat fight\n\nParty chairman Ola Judge will stand in the seat. Ms Judge said she \
                was \"thrilled\" at the chance. She said: \"I will win it.\"\n";
    let all = speech(body);
    assert_eq!(speaker_of(&all, "thrilled"), Some("Ola Judge"), "{all:?}");
    assert_eq!(
        speaker_of(&all, "I will win it."),
        Some("Ola Judge"),
        "{all:?}"
    );
}

#[test]
fn a_name_then_the_body_it_speaks_for_before_the_verb_is_the_speaker() {
    // `Name, Body said`: a person's name opening the clause, then the body, no closing comma.
    let body = "Party conference\n\nThe party will meet in Leeds. Colin Weir, Leeds Hotel \
                Association said: \"We are sad to see them go.\"\n";
    let all = speech(body);
    assert_eq!(
        speaker_of(&all, "We are sad to see them go."),
        Some("Colin Weir"),
        "{all:?}"
    );
    // A place before the comma is no name: the body speaks.
    let body = "Party conference\n\nIn Leeds, Acme Hotel Association said: \"Fine.\"\n";
    let all = speech(body);
    assert_eq!(
        speaker_of(&all, "Fine."),
        Some("Acme Hotel Association"),
        "{all:?}"
    );
}

#[test]
fn a_name_after_a_description_with_of_closes_an_inverted_cue() {
    // `said <description> of <what>, <Name>.`: the description is the named person's role.
    let body = "Flights row\n\nThe airline will stop the flights. \"The routes do not make \
                money,\" said Acme director of commercial planning, Tom Weir.\n\n\"It is a \
                pity,\" said the head of the union, Ann Roe.\n";
    let all = speech(body);
    assert_eq!(
        speaker_of(&all, "The routes do not make money,"),
        Some("Tom Weir"),
        "{all:?}"
    );
    assert_eq!(
        speaker_of(&all, "It is a pity,"),
        Some("Ann Roe"),
        "{all:?}"
    );
}

#[test]
fn a_role_tied_to_a_body_refers_back_to_the_subject() {
    // `the Rovers striker`: elegant variation for the person the discourse is about.
    let body = "Cup win\n\nRovers won 2-0 on Saturday. Forward Ann Roe scored both goals. \
                \"It was a great team effort,\" said the Rovers striker.\n";
    let all = speech(body);
    assert_eq!(
        speaker_of(&all, "It was a great team effort,"),
        Some("Ann Roe"),
        "{all:?}"
    );
    // Someone only mentioned in an object is not who it means: a new person speaks.
    let body = "Tributes\n\nTributes were paid to Mr Tom Poe, who died on Monday. The Rovers \
                chairman told fans: \"He will be missed.\"\n";
    let all = speech(body);
    assert_eq!(
        speaker_of(&all, "He will be missed."),
        Some("Rovers chairman"),
        "{all:?}"
    );
}

#[test]
fn a_shadow_or_former_role_is_not_the_role_itself() {
    // `the Home Secretary` is not the shadow home secretary introduced before.
    let body = "Crime row\n\nShadow home secretary Tom Kay attacked the plans. \"They will \
                fail,\" he said.\n\nThe Home Secretary told the BBC: \"They will work.\"\n";
    let all = speech(body);
    assert_eq!(
        speaker_of(&all, "They will fail,"),
        Some("Tom Kay"),
        "{all:?}"
    );
    assert_ne!(
        speaker_of(&all, "They will work."),
        Some("Tom Kay"),
        "{all:?}"
    );
}

#[test]
fn a_role_in_capitals_after_a_place_is_a_person_and_an_executive_a_government() {
    // `the Leeds North MP` is the MP the article is about; `the Scottish Executive` a body.
    let body = "Seat row\n\nAnn Roe said she would stand again. \"I love this town,\" said the \
                Leeds North MP.\n\nThe Scottish Executive said the plan was \"not common \
                practice\".\n";
    let all = speech(body);
    assert_eq!(
        speaker_of(&all, "I love this town,"),
        Some("Ann Roe"),
        "{all:?}"
    );
    assert_eq!(
        speaker_of(&all, "not common practice"),
        Some("Scottish Executive"),
        "{all:?}"
    );
}

#[test]
fn the_bare_role_word_does_not_mean_a_shadow_or_deputy() {
    // `the Secretary` after `shadow secretary Tom Kay` and `Mr Straw`: not Kay.
    let body = "Speech row\n\nShadow foreign secretary Tom Kay spoke first. In a speech Mr Ed \
                Straw said: \"He is not wise.\" The Foreign Secretary told the BBC: \"I meant \
                it.\"\n";
    let all = speech(body);
    assert_ne!(speaker_of(&all, "I meant it."), Some("Tom Kay"), "{all:?}");
}

#[test]
fn capitals_after_the_that_a_person_is_of_name_a_body_not_a_person() {
    // `Tom Reed of the Harbour Trust`: the body the man is from; `he said` is Reed, and `the
    // trust said` later is the body.
    let body = "Harbour row\n\nPort manager Ann Roe said the dock would close. \"It is old,\" \
                she said.\n\nBut Tom Reed of the Harbour Trust has questioned the plan. \
                \"This is a mistake,\" he said. \"We will fight it,\" the trust said later.\n";
    let all = speech(body);
    assert_eq!(
        speaker_of(&all, "This is a mistake,"),
        Some("Tom Reed"),
        "{all:?}"
    );
    assert_eq!(
        speaker_of(&all, "We will fight it,"),
        Some("Harbour Trust"),
        "{all:?}"
    );
    // The alliance a body's name ends in is what a later `the alliance` means.
    let body = "Farm vote\n\nLast week, the Rural Alliance said hundreds would march. The \
                alliance said the law was \"impossibly difficult to follow\" in practice.\n";
    let all = speech(body);
    assert_eq!(
        speaker_of(&all, "impossibly difficult to follow"),
        Some("Rural Alliance"),
        "{all:?}"
    );
    // Capitals that modify a noun after them are no body (`the Ana Ruiz doping row`): the
    // person stays a person, whom `she` may mean.
    let body = "Doping row\n\nThe minister at the centre of the Ana Ruiz doping row stood \
                firm.\n\nAna Ruiz says she did nothing wrong. \"I took a cold remedy,\" she \
                said.\n";
    let all = speech(body);
    assert_eq!(
        speaker_of(&all, "I took a cold remedy,"),
        Some("Ana Ruiz"),
        "{all:?}"
    );
}

#[test]
fn a_cue_after_a_quotation_run_on_over_a_break_names_the_turns_first_part() {
    // `"Para one. "Para two," he said.`: one turn over a paragraph break; its cue names the
    // speaker of the part before, not the last paragraph's speaker.
    let body = "Hunt law\n\nPolice spokesman Nigel Cole said most people would obey the law. \
                \"We will act,\" he said.\n\nBut Tom Reed of the Harbour Trust has questioned \
                how police will cope. \"The rules are so blurred that nobody can judge. \"You \
                can fish for cod but not for hake,\" he said.\n";
    let all = speech(body);
    assert_eq!(
        speaker_of(&all, "The rules are so blurred that nobody can judge."),
        Some("Tom Reed"),
        "{all:?}"
    );
    // A turn its own cue opened keeps its speaker, whatever a later part's cue says.
    let body = "Cup row\n\nJon Bly added: \"I was rude. \"I have learnt. \"The press was \
                hard on me,\" said Tim Holt, who was there.\n";
    let all = speech(body);
    assert_eq!(speaker_of(&all, "I was rude."), Some("Jon Bly"), "{all:?}");
    assert_eq!(
        speaker_of(&all, "I have learnt."),
        Some("Jon Bly"),
        "{all:?}"
    );
}

#[test]
fn a_modifier_of_a_role_alone_is_no_title() {
    // `Former France centre Ana Ruiz`: `Former` changes a role but makes no one called France.
    let body = "Ruiz wants recall\n\nFormer France centre Paul Roux believes the coach must \
                act.\n\nRoux admitted he had been impressed. But he told reporters: \"The team \
                needs him.\"\n";
    let all = speech(body);
    assert_eq!(
        speaker_of(&all, "The team needs him."),
        Some("Paul Roux"),
        "{all:?}"
    );
}

#[test]
fn a_name_before_an_irregular_past_tense_is_the_subject_a_pronoun_means() {
    // `Tom Hale gave his support …. But he insisted`: `gave` is a past tense as `agreed` is;
    // the man who gave it is the `he`, not the previous paragraph's speaker.
    let body = "Donor row\n\nDon Burke said: \"Disunity is bad.\" The businessman also spoke \
                about Iraq.\n\nIn a separate development, Tom Hale gave his support to Mr \
                Brown. But he insisted the squabbles were not \"seen as a problem by the \
                voters,\" adding more.\n";
    let all = speech(body);
    assert_eq!(
        speaker_of(&all, "seen as a problem by the voters,"),
        Some("Tom Hale"),
        "{all:?}"
    );
}

#[test]
fn a_clause_after_but_has_its_own_subject() {
    // `Ek won last week, but Roe is unfazed. He admitted:` — Roe opens a clause of his own and
    // is its subject, so `he` is Roe, not Ek.
    let body = "Roe unfazed\n\nJames Roe ran well in May. \"I am fit,\" said Roe.\n\nRussian \
                Ivan Ek won last week and then claimed he would win again, but Roe is \
                unfazed.\n\nHe admitted: \"He looked good in his win.\"\n";
    let all = speech(body);
    assert_eq!(
        speaker_of(&all, "He looked good in his win."),
        Some("James Roe"),
        "{all:?}"
    );
}

#[test]
fn a_paper_that_quotes_someone_as_saying_gives_the_words_to_the_one_quoted() {
    // After the quotation: the agency is the messenger, the official speaks, and the next
    // paragraph's quotation goes on with the official's turn.
    let all = speech(
        "The franc is to go by 2009.\n\n\"It is a question of sovereignty,\" Reuters quoted a \
         central bank official as saying. \"It is symbolic.\"",
    );
    assert_eq!(
        speaker_of(&all, "It is a question of sovereignty,"),
        Some("central bank official")
    );
    assert_eq!(
        speaker_of(&all, "It is symbolic."),
        Some("central bank official")
    );
    // With an auxiliary, and with a fragment: `are "big business", the paper quoted Mr Kay`.
    let all = speech(
        "Tom Kay runs the studio.\n\nGames are \"big business\", the paper has quoted Mr Kay \
         as saying.",
    );
    assert_eq!(speaker_of(&all, "big business"), Some("Tom Kay"));
    // An appositive between commas says who the one quoted is.
    let all = speech(
        "The AP news agency quoted Jane Roe, a bank economist, as saying: \"Prices will rise.\"",
    );
    assert_eq!(speaker_of(&all, "Prices will rise."), Some("Jane Roe"));
    // An object pronoun is the person it stands for, never a speaker called "him".
    let all = speech(
        "Tom Kay left the board in May.\n\nLocal papers quoted him as saying the plan was \"a \
         disaster\".",
    );
    assert_eq!(speaker_of(&all, "a disaster"), Some("Tom Kay"));
    // `, and quoted X as saying` goes on the clause before the quotation: the words stay
    // with the one quoted first.
    let all = speech(
        "The paper quoted the minister, Ann Roe, as saying the talks had \"collapsed\", and \
         quoted Tom Kay as saying they had not.",
    );
    assert_eq!(speaker_of(&all, "collapsed"), Some("Ann Roe"));
    // `Us Weekly` is a magazine's name, not the pronoun.
    let all = speech("Us Weekly was unrepentant, saying: \"She should start her own magazine.\"");
    assert_eq!(
        speaker_of(&all, "She should start her own magazine."),
        Some("Us Weekly")
    );
}

#[test]
fn a_passive_verb_of_naming_gives_the_name_in_its_agents_words() {
    // The one named is the subject; the one naming follows `by`.
    let all = speech(
        "Tom Kay was described as a \"consummate professional\" by his friend \
         and fellow broadcaster Jo Park.",
    );
    assert_eq!(speaker_of(&all, "consummate professional"), Some("Jo Park"));
    let all = speech(
        "A failed scheme to put courses online has been branded a \"disgraceful waste\" by MPs.",
    );
    assert_eq!(speaker_of(&all, "disgraceful waste"), Some("MPs"));
    // The agent between the participle and the quotation.
    let all = speech("The machine was described by Mr Kay as the \"most important Mac\" ever.");
    assert_eq!(speaker_of(&all, "most important Mac"), Some("Kay"));
    // A name inside the agent's phrase after a preposition or a relative is not the agent.
    let all = speech(
        "The posters were labelled a \"big misjudgement\" by the Conservatives who said \
         Labour's plan had failed.",
    );
    assert_eq!(speaker_of(&all, "big misjudgement"), Some("Conservatives"));
    let all = speech(
        "The channel has been criticised for \"incessant sleaze\" by campaigners in the US.",
    );
    assert_eq!(speaker_of(&all, "incessant sleaze"), Some("campaigners"));
    // In the active voice the subject names, and `by` after the quotation is no agent.
    let all = speech("Tom Kay described the deal as a \"consummate failure\" by any measure.");
    assert_eq!(speaker_of(&all, "consummate failure"), Some("Tom Kay"));
}

#[test]
fn a_plural_subject_accuses_and_describes_in_the_plain_present() {
    // `The Lib Dems accuse`, `Tory MPs describe`: the present of a verb of judging has the
    // same subject as `accused` or `describes`.
    let all = speech("The Lib Dems accuse Mr Blair of making a \"touchy-feely and empty\" speech.");
    assert_eq!(speaker_of(&all, "touchy-feely and empty"), Some("Lib Dems"));
    let all = speech("Tory MPs describe the scheme as \"a costly mistake\".");
    assert_eq!(speaker_of(&all, "a costly mistake"), Some("Tory MPs"));
    // `call` is as often a noun: `a call for "…"` names no one.
    let all = speech("There was a call for \"a full and open inquiry\" yesterday.");
    assert_eq!(speaker_of(&all, "a full and open inquiry"), None);
}
