//! Unit tests of date finding, each on sentences written for it.

use super::*;
use crate::analysis::sentences;
use crate::source::LoadOptions;

/// `(text, type, value, mod)` of every timex in `body`, for an article dated `date`.
pub(super) fn tag(body: &str, date: &str) -> Vec<(String, &'static str, String, Option<String>)> {
    let a = Article::parse(body, "t", LoadOptions::PLAIN)
        .expect("parses")
        .with_date(NaiveDate::parse_from_str(date, "%Y-%m-%d").ok());
    let s = sentences::split(&a);
    find(&a, &s)
        .into_iter()
        .map(|t| {
            (
                a.text()[t.range].to_string(),
                t.kind.as_str(),
                t.value,
                t.modifier,
            )
        })
        .collect()
}

/// The single timex of `body`: its text and value.
pub(super) fn one(body: &str, date: &str) -> (String, String) {
    let got = tag(body, date);
    assert_eq!(got.len(), 1, "{body}: {got:?}");
    (got[0].0.clone(), got[0].2.clone())
}

pub(super) fn check(body: &str, date: &str, text: &str, value: &str) {
    assert_eq!(
        one(body, date),
        (text.to_string(), value.to_string()),
        "{body}"
    );
}

const D: &str = "2016-04-21"; // a Thursday

/// Found in the BBC library: a hyphenated quarter at the very start of a text made the
/// look-back for `the` underflow.
#[test]
fn a_quarter_adjective_at_the_start_of_the_text() {
    for body in ["Third-quarter sales rose.", "Q", "first-quarter"] {
        let _ = tag(body, D);
    }
}

#[test]
fn absolute_dates() {
    check(
        "The vote was held on April 20.",
        D,
        "April 20",
        "2016-04-20",
    );
    check(
        "It opened on 20 April 2016.",
        D,
        "20 April 2016",
        "2016-04-20",
    );
    check(
        "It opened on April 20, 2016, in Oslo.",
        D,
        "April 20, 2016",
        "2016-04-20",
    );
    check(
        "It opened on 2016-04-20 in Oslo.",
        D,
        "2016-04-20",
        "2016-04-20",
    );
    check("Sales fell in April 2015.", D, "April 2015", "2015-04");
    check("The council was founded in 2002.", D, "2002", "2002");
    check(
        "Payment is due Aug. 7, 1998.",
        D,
        "Aug. 7, 1998",
        "1998-08-07",
    );
    check(
        "They met on the 14th of March.",
        D,
        "the 14th of March",
        "2016-03-14",
    );
}

#[test]
fn decades_centuries_and_modifiers() {
    check("Prices soared in the 1990s.", D, "the 1990s", "199");
    check("It began in the late 1970s.", D, "the late 1970s", "197");
    check("It is the 21st century.", D, "the 21st century", "20");
    // A numbered century is often capitalised, and spelt out; a name that goes on is no date.
    check(
        "The town grew in the 19th Century.",
        D,
        "the 19th Century",
        "18",
    );
    check(
        "The nineteenth century was hard.",
        D,
        "The nineteenth century",
        "18",
    );
    assert!(tag("He signed with 20th Century Fox.", D).is_empty());
    assert_eq!(
        tag("Ties were cut in early 2014.", D),
        [(
            "early 2014".into(),
            "DATE",
            "2014".into(),
            Some("START".into())
        )]
    );
    assert_eq!(
        tag("Talks resume in mid-March.", D)[0].3.as_deref(),
        Some("MID")
    );
    assert_eq!(
        tag("The plant closed in late 2015.", D)[0].3.as_deref(),
        Some("END")
    );
    check(
        "It closed at the end of 1990.",
        D,
        "the end of 1990",
        "1990",
    );
}

#[test]
fn seasons_quarters_weekdays_times() {
    check("Work began in spring 2015.", D, "spring 2015", "2015-SP");
    check("Profit rose in Q3 2015.", D, "Q3 2015", "2015-Q3");
    check(
        "Profit rose in the first quarter.",
        D,
        "the first quarter",
        "2016-Q1",
    );
    check("They met on Monday.", D, "Monday", "2016-04-18");
    check("They will meet on Monday.", D, "Monday", "2016-04-25");
    check("The polls closed at 3pm.", D, "3pm", "2016-04-21T15:00");
    check("They met at noon.", D, "noon", "2016-04-21T12:00");
    check(
        "The talks began at 10:30 GMT.",
        D,
        "10:30 GMT",
        "2016-04-21T10:30Z",
    );
    check(
        "Doors open at 7 p.m. Friday.",
        D,
        "7 p.m. Friday",
        "2016-04-15T19:00",
    );
}

#[test]
fn relative_to_the_article_date() {
    check("He arrived today.", D, "today", "2016-04-21");
    check("He arrived yesterday.", D, "yesterday", "2016-04-20");
    check("He leaves tomorrow.", D, "tomorrow", "2016-04-22");
    check("They met last week.", D, "last week", "2016-W15");
    check(
        "Tensions flared over the past week.",
        D,
        "the past week",
        "2016-W15",
    );
    check("They meet next month.", D, "next month", "2016-05");
    check("Sales rose this year.", D, "this year", "2016");
    check("He left two years ago.", D, "two years ago", "2014");
    check(
        "The summit is three months away.",
        D,
        "three months away",
        "2016-07",
    );
    check(
        "Prices rose in recent years.",
        D,
        "recent years",
        "PAST_REF",
    );
    check("Prices rose in recent weeks.", D, "recent weeks", "PXW");
    check("He is now in Oslo.", D, "now", "PRESENT_REF");
    check(
        "It will grow in the coming weeks.",
        D,
        "the coming weeks",
        "FUTURE_REF",
    );
    let t = tag("Tensions flared over the past week.", D);
    assert_eq!(t[0].1, "DATE");
}

#[test]
fn past_week_covers_the_seven_days_before() {
    let a = Article::parse("It flared in the past week.", "t", LoadOptions::PLAIN)
        .unwrap()
        .with_date(NaiveDate::from_ymd_opt(2016, 4, 21));
    let t = find(&a, &sentences::split(&a));
    assert_eq!(
        t[0].period,
        NaiveDate::from_ymd_opt(2016, 4, 14).zip(NaiveDate::from_ymd_opt(2016, 4, 20))
    );
}

#[test]
fn durations_and_sets() {
    // A stretch of units placed by what follows: the unit alone, as TimeML tags it.
    check(
        "In the weeks before the vote, tension grew.",
        D,
        "weeks",
        "PXW",
    );
    check("Over the days since, he has resigned.", D, "days", "PXD");
    // `the weeks` with nothing placing it is no expression of time here.
    assert!(tag("The weeks were long.", D).is_empty());
    assert_eq!(
        tag("They held the highest talks in nearly two years.", D),
        [(
            "nearly two years".into(),
            "DURATION",
            "P2Y".into(),
            Some("LESS_THAN".into())
        )]
    );
    check("The talks ran 90 minutes.", D, "90 minutes", "PT90M");
    check("It took a decade to build.", D, "a decade", "P10Y");
    check("It was a two-year plan.", D, "two-year", "P2Y");
    check("They meet every week.", D, "every week", "P1W");
    check("The report is published annually.", D, "annually", "P1Y");
    assert_eq!(tag("They meet every week.", D)[0].1, "SET");
}

#[test]
fn halves_about_ago_and_the_morning_of_the_day() {
    let thursday = "1989-10-26";
    let got = tag(
        "Earnings fall in the last half of 1989 and the first half of next year.",
        thursday,
    );
    let values: Vec<&str> = got.iter().map(|t| t.2.as_str()).collect();
    assert_eq!(values, ["1989-H2", "1990-H1"]);
    assert!(tag("He scored in the second half.", thursday).is_empty());
    assert_eq!(
        tag("Then, a week or so ago, he chose.", "1991-02-25")[0],
        (
            "a week or so ago".into(),
            "DATE",
            "1991-W08".into(),
            Some("APPROX".into())
        )
    );
    let got = tag(
        "Shares fell Friday. Dealers bought in the morning.",
        "1989-10-30",
    );
    assert_eq!(got[1].0, "the morning");
    assert_eq!(got[1].2, "1989-10-27TMO");
    assert!(tag("He runs in the morning.", "1989-10-30").is_empty());
}

#[test]
fn spoken_tens_and_units() {
    check(
        "In the last twenty four hours the index fell.",
        D,
        "the last twenty four hours",
        "PT24H",
    );
    check("It took twenty-five years.", D, "twenty-five years", "P25Y");
}

#[test]
fn durations_with_a_half() {
    check(
        "They lived in camps for 2 1/2 years.",
        D,
        "2 1/2 years",
        "P2Y6M",
    );
    check("She spent 5 1/2 hours there.", D, "5 1/2 hours", "PT5H30M");
    check(
        "A minute and a half later, a pilot called.",
        D,
        "A minute and a half",
        "PT1M30S",
    );
    check(
        "The talks lasted an hour and a half.",
        D,
        "an hour and a half",
        "PT1H30M",
    );
}

#[test]
fn counted_units_with_a_qualifier() {
    check(
        "He will stay for two more weeks.",
        D,
        "two more weeks",
        "P2W",
    );
    check(
        "The loan may run for an additional year.",
        D,
        "an additional year",
        "P1Y",
    );
    check(
        "Eight trading days later the index fell.",
        D,
        "Eight trading days",
        "P8D",
    );
    assert!(tag("He sold two more cars.", D).is_empty());
}

#[test]
fn year_less_dates_follow_tense() {
    // In a March article, October in the past tense is last October.
    check(
        "The plant was closed in October.",
        "2016-03-10",
        "October",
        "2015-10",
    );
    check(
        "The plant will reopen in October.",
        "2016-03-10",
        "October",
        "2016-10",
    );
    check(
        "The deal will close on Jan. 2.",
        "2015-11-02",
        "Jan. 2",
        "2016-01-02",
    );
}

#[test]
fn weekdays_follow_the_verb_that_governs_them() {
    // A verb of saying governs the adjunct after it, up to a `that` clause.
    check(
        "Bush told a news conference on Tuesday that the blockade might be extended.",
        D,
        "Tuesday",
        "2016-04-19",
    );
    // A past form of `plan` after the adjunct is when the planning happened…
    check(
        "On Friday, the government planned to pay the families.",
        D,
        "Friday",
        "2016-04-15",
    );
    // …before it, it looks ahead.
    check(
        "Protesters planned a rally on Saturday.",
        D,
        "Saturday",
        "2016-04-23",
    );
    // …even with a past tense a little after it.
    check(
        "Protesters planned a large rally downtown on Saturday and were planning to march.",
        D,
        "Saturday",
        "2016-04-23",
    );
    // …and a plan in the past progressive is still a plan.
    let found = tag(
        "Protesters planned a big demonstration in Little Havana on Saturday and were \
         planning to drive around the airport on Monday.",
        D,
    );
    let values: Vec<&str> = found.iter().map(|t| t.2.as_str()).collect();
    assert_eq!(values, ["2016-04-23", "2016-04-25"]);
    // `since` looks back whatever follows.
    check(
        "The carrier has been on patrol since March and was scheduled to return soon.",
        "1990-08-13",
        "March",
        "1990-03",
    );
    // Regular and irregular past tenses.
    check(
        "The stock market closed Wednesday.",
        "2016-04-22",
        "Wednesday",
        "2016-04-20",
    );
    check(
        "He spent part of Sunday with protesters.",
        D,
        "Sunday",
        "2016-04-17",
    );
    check(
        "The talks are set to resume Monday.",
        D,
        "Monday",
        "2016-04-25",
    );
    // A scheduled event in the present.
    check(
        "He and Arafat meet separately Monday with Albright.",
        D,
        "Monday",
        "2016-04-25",
    );
    // `could` is mostly the past of `can`.
    check(
        "He could not be located Wednesday.",
        D,
        "Wednesday",
        "2016-04-20",
    );
    // A possessive names something that exists already.
    check(
        "They would appeal Wednesday's ruling.",
        D,
        "Wednesday",
        "2016-04-20",
    );
}

#[test]
fn spoken_years() {
    check(
        "In nineteen ninety-one he was convicted.",
        D,
        "nineteen ninety-one",
        "1991",
    );
    check(
        "January nineteen ninety-seven. A bomb went off.",
        D,
        "January nineteen ninety-seven",
        "1997-01",
    );
    check(
        "He promised it by the year two thousand.",
        "1998-02-05",
        "the year two thousand",
        "2000",
    );
    check(
        "Prices fell in the winter of nineteen ninety-four.",
        D,
        "the winter of nineteen ninety-four",
        "1994-WI",
    );
    assert!(tag("They sent two thousand troops.", D).is_empty());
    assert!(tag("Nineteen people died.", D).is_empty());
}

#[test]
fn effective_and_payable_dates_lie_ahead() {
    check(
        "The change is effective Feb. 1.",
        "1989-10-26",
        "Feb. 1",
        "1990-02-01",
    );
    check(
        "The reduced dividend is payable Jan. 2.",
        "1989-11-02",
        "Jan. 2",
        "1990-01-02",
    );
}

#[test]
fn plans_look_ahead_and_last_takes_a_day() {
    check(
        "The three are expected to join in April.",
        "1998-12-05",
        "April",
        "1999-04",
    );
    check(
        "He was shot last Oct. 23 at his home.",
        "1999-04-19",
        "last Oct. 23",
        "1998-10-23",
    );
    check(
        "They meet again next March 3.",
        "1999-04-19",
        "next March 3",
        "2000-03-03",
    );
    check(
        "It rained last October.",
        "1999-04-19",
        "last October",
        "1998-10",
    );
}

#[test]
fn year_end_and_the_latest_period() {
    assert_eq!(
        tag("The deal should close by year-end.", "1989-11-02"),
        [("year-end".into(), "DATE", "1989".into(), Some("END".into()))]
    );
    check(
        "The index is up 8% since year end.",
        "1989-11-02",
        "year end",
        "1988",
    );
    check(
        "Rules should be in place by year's end.",
        "1989-11-02",
        "year's end",
        "1989",
    );
    assert!(tag("He got the year-end bonus.", D).is_empty());
    check(
        "Sales in the latest period rose 13%.",
        "1989-11-02",
        "the latest period",
        "1989-Q3",
    );
}

#[test]
fn deadlines_look_ahead_unless_past_perfect() {
    check(
        "Officials postponed until Tuesday any action.",
        D,
        "Tuesday",
        "2016-04-26",
    );
    check(
        "Only two members had filed reports by Wednesday.",
        D,
        "Wednesday",
        "2016-04-20",
    );
    check(
        "The bank lent the company $90 million through January.",
        "2015-10-30",
        "January",
        "2016-01",
    );
    // A past perfect further away belongs to another clause.
    check(
        "The sale, which had been expected, is part of a program to pay down the loan by February.",
        "2015-10-30",
        "February",
        "2016-02",
    );
}

#[test]
fn last_month_by_name_is_not_the_month_just_over() {
    check(
        "Two helicopters crashed last March.",
        D,
        "last March",
        "2015-03",
    );
    check(
        "Two helicopters crashed last April.",
        D,
        "last April",
        "2015-04",
    );
    check(
        "Two helicopters crashed last February.",
        D,
        "last February",
        "2016-02",
    );
}

#[test]
fn adjectives_in_ed_are_no_past_tense() {
    let markers = |s: &str| {
        let mut toks = Vec::new();
        lex::tokenize(s, 0..s.len(), &mut toks);
        tense_markers(s, &toks)
            .into_iter()
            .map(|(_, m)| m)
            .collect::<Vec<_>>()
    };
    assert!(markers("The reduced dividend stays low.").is_empty());
    assert_eq!(
        markers("The so-called deal is expected."),
        [Mark::NotYet {
            past_form: true,
            plan_to: false,
            infinitive: false
        }]
    );
    assert_eq!(markers("Sales dropped sharply."), [Mark::Past]);
}

#[test]
fn without_anchor_relative_dates_stay_relative() {
    let a = Article::parse(
        "He left yesterday. The vote was on April 20. It ends next month.",
        "t",
        LoadOptions::PLAIN,
    )
    .unwrap();
    let values: Vec<String> = find(&a, &sentences::split(&a))
        .into_iter()
        .map(|t| t.value)
        .collect();
    assert_eq!(values, ["PAST_REF", "XXXX-04-20", "FUTURE_REF"]);
}

#[test]
fn date_line_anchors_an_undated_article() {
    let a = Article::parse(
        "Talks resume\n\nThursday, April 21, 2016\n\nThey met yesterday.",
        "t",
        LoadOptions::default(),
    )
    .unwrap();
    assert_eq!(a.meta.date, None);
    let t = find(&a, &sentences::split(&a));
    assert_eq!(t.last().map(|t| t.value.as_str()), Some("2016-04-20"));
}

#[test]
fn holidays_plurals_and_ends() {
    check(
        "They met on Thanksgiving.",
        "2016-12-01",
        "Thanksgiving",
        "2016-11-24",
    );
    check("It has lasted for years.", D, "years", "PXY");
    check("Sales peaked in mid-1996.", D, "mid-1996", "1996");
    assert_eq!(
        tag("It ends at the end of the year.", D),
        [(
            "the end of the year".into(),
            "DATE",
            "2016".into(),
            Some("END".into())
        )]
    );
}

#[test]
fn previous_and_following_days_count_from_the_story() {
    // The story is at Friday, October 27; `the previous Friday` is the one before it.
    let got = tag(
        "Shares closed lower Friday, down 4.5% from the previous Friday.",
        "1989-10-30",
    );
    assert_eq!(got[0].2, "1989-10-27");
    assert_eq!(got[1].0, "the previous Friday");
    assert_eq!(got[1].2, "1989-10-20");
    let got = tag("They met on May 2. The following Monday, talks resumed.", D);
    assert_eq!(got[1].0, "The following Monday");
    assert_eq!(got[1].2, "2016-05-09");
    // The story's day, however long ago.
    let got = tag(
        "Lehman struggled on Sept. 12, 2008. The following Monday, it filed.",
        D,
    );
    assert_eq!(got[1].2, "2008-09-15");
    // `last Friday` stays counted from the article's date.
    let got = tag("They met on May 2. Last Friday, talks resumed.", D);
    assert_eq!(got[1].2, "2016-04-15");
}

#[test]
fn seasons_ahead_on_a_schedule() {
    let october = "2016-10-05";
    check("Work Starts in Spring", october, "Spring", "2017-SP");
    check(
        "The new bridge opens in the spring.",
        october,
        "the spring",
        "2017-SP",
    );
    check(
        "The bridge opened in the spring.",
        october,
        "the spring",
        "2016-SP",
    );
    // An infinitive tells no schedule: the season is the one the past tense tells.
    check(
        "The system made it hard to meet demand well into the summer.",
        october,
        "the summer",
        "2016-SU",
    );
    // …but a day or two ahead it does.
    check(
        "They agreed to meet Monday.",
        october,
        "Monday",
        "2016-10-10",
    );
}

#[test]
fn plans_seen_from_a_past_perfect_are_over() {
    let monday = "1989-10-30";
    check(
        "It had been due to expire Friday evening.",
        monday,
        "Friday evening",
        "1989-10-27TEV",
    );
    check(
        "The offer had been scheduled to expire at midnight Friday.",
        monday,
        "midnight Friday",
        "1989-10-27T24:00",
    );
    // A bare midnight starts the day.
    check(
        "Gunmen attacked shortly after midnight.",
        monday,
        "midnight",
        "1989-10-30T00:00",
    );
    // `was` before a noun or an adjective stays a past tense.
    check("On Monday, the rent was due.", D, "Monday", "2016-04-18");
    check(
        "On Sunday there was hope of a deal.",
        D,
        "Sunday",
        "2016-04-17",
    );
    check(
        "They had planned a rally on Saturday.",
        monday,
        "Saturday",
        "1989-10-28",
    );
    // Without the perfect the plan still looks ahead.
    check(
        "The vote is scheduled for Friday.",
        monday,
        "Friday",
        "1989-11-03",
    );
}

#[test]
fn one_day_ahead_is_no_length() {
    for body in [
        "Islam will one day be the second religion.",
        "Farkas hopes he one day follows them.",
        "One day we will return.",
    ] {
        let (text, value) = one(body, D);
        assert_eq!(
            (text.to_lowercase(), value.as_str()),
            ("one day".into(), "FUTURE_REF")
        );
    }
    assert_eq!(one("The strike lasted one day.", D).1, "P1D");
    assert_eq!(one("One day's pay will go to charity.", D).1, "P1D");
    assert_ne!(
        tag("Workers in May one day walked out.", D)[1].2,
        "FUTURE_REF",
        "the month, not the modal"
    );
}

#[test]
fn names_around_holidays_and_midnights() {
    // A longer name is no shorter holiday and no weekday either; a song is no date.
    assert!(tag("On Easter Monday Irish rebels seized the post office.", D).is_empty());
    assert!(tag("She sang Last Christmas at the concert.", D).is_empty());
    // Holidays inside longer expressions, and after an opening word or quote.
    let cases = [
        (
            "Shops reopened the day after Christmas.",
            "the day after Christmas",
            "2015-12-26",
        ),
        (
            "The fire broke out at 10 p.m. Christmas Eve.",
            "10 p.m. Christmas Eve",
            "2015-12-24T22:00",
        ),
        ("But Christmas sales were weak.", "Christmas", "2015-12-25"),
        ("\"Happy Halloween,\" she said.", "Halloween", "2015-10-31"),
        (
            "They met in the fall of last year.",
            "the fall of last year",
            "2015-FA",
        ),
        // A bare midnight in a past story starts the day; else midnight ends its day.
        (
            "Gunmen attacked shortly after midnight.",
            "midnight",
            "2016-04-21T00:00",
        ),
        (
            "The strike will begin at midnight.",
            "midnight",
            "2016-04-21T24:00",
        ),
    ];
    for (body, text, value) in cases {
        check(body, D, text, value);
    }
    // The first word of a sentence is capitalised for being first.
    check(
        "When Christmas falls on a weekend, it's bad for business.",
        D,
        "Christmas",
        "2015-12-25",
    );
    check(
        "This Christmas, gadgets will sell.",
        D,
        "This Christmas",
        "2016-12-25",
    );
    assert!(
        tag(
            "She starred in Father Christmas and the Halloween sequels.",
            D
        )
        .is_empty()
    );
    // A day or two on from the day last mentioned, whatever its year.
    let got = tag(
        "The bank collapsed on April 2, 2009. Two days later, markets fell.",
        D,
    );
    assert_eq!(got[1].2, "2009-04-04");
}

#[test]
fn holidays_by_name() {
    let cases = [
        (
            "It will be a theme up to Election Day.",
            "1998-10-26",
            "Election Day",
            "1998-11-03",
        ),
        (
            "Protesters prayed as Easter week began.",
            "2000-04-17",
            "Easter week",
            "2000-W16",
        ),
        (
            "Shops reopened on Easter Monday.",
            "2016-04-21",
            "Easter Monday",
            "2016-03-28",
        ),
        (
            "He was arrested on Good Friday.",
            "2016-04-21",
            "Good Friday",
            "2016-03-25",
        ),
        (
            "Sales were strong on Boxing Day.",
            "2016-01-10",
            "Boxing Day",
            "2015-12-26",
        ),
        (
            "It rained on Halloween 2015.",
            D,
            "Halloween 2015",
            "2015-10-31",
        ),
        (
            "They came home last Thanksgiving.",
            "2000-02-10",
            "last Thanksgiving",
            "1999-11-25",
        ),
        (
            "They will meet next Christmas.",
            D,
            "next Christmas",
            "2016-12-25",
        ),
        (
            "The parade is on Memorial Day.",
            D,
            "Memorial Day",
            "2016-05-30",
        ),
    ];
    for (body, date, text, value) in cases {
        check(body, date, text, value);
    }
    // Names that only contain a holiday, and lower-case words.
    assert!(tag("They sailed to Easter Island.", D).is_empty());
    assert!(tag("The children hunted Easter eggs.", D).is_empty());
    assert_eq!(
        one("It was a good Friday for the markets.", D),
        ("Friday".into(), "2016-04-15".into())
    );
    // Typographic apostrophes, New Year, Easter close to the article's date.
    check(
        "Sales rose on Valentine’s Day.",
        D,
        "Valentine’s Day",
        "2016-02-14",
    );
    check(
        "They partied on New Year's Day.",
        D,
        "New Year's Day",
        "2016-01-01",
    );
    check(
        "Shops will close on Easter Monday.",
        "2016-03-25",
        "Easter Monday",
        "2016-03-28",
    );
    check(
        "Shops closed last Easter.",
        "2016-03-30",
        "last Easter",
        "2016-03-27",
    );
    // Longer names and things named after a holiday; a headline capitalises everything.
    for body in [
        "The Good Friday Agreement ended the conflict.",
        "Prisoners on Christmas Island rioted.",
        "The Easter Offensive began.",
        "Holocaust Memorial Day was marked.",
        "The Christmas tree fell.",
    ] {
        assert!(tag(body, D).is_empty(), "{body}");
    }
    check(
        "Markets Closed For Good Friday",
        D,
        "Good Friday",
        "2016-03-25",
    );
    check(
        "On Christmas Eve they sang.",
        D,
        "Christmas Eve",
        "2015-12-24",
    );
    assert!(tag("Turnout on election day was low.", D).is_empty());
    assert!(tag("The BBC marks Holocaust Memorial Day.", D).is_empty());
    // Without an article date the day stays unresolved.
    assert_eq!(
        one("It rained on Halloween.", ""),
        ("Halloween".into(), "XXXX-10-31".into())
    );
}

#[test]
fn parts_of_a_day_are_times() {
    let got = tag("The rally was held Friday night.", D);
    assert_eq!(got[0].0, "Friday night");
    assert_eq!((got[0].1, got[0].2.as_str()), ("TIME", "2016-04-15TNI"));
    check(
        "They met yesterday morning.",
        D,
        "yesterday morning",
        "2016-04-20TMO",
    );
    check(
        "He will leave at 4 in the morning.",
        D,
        "4 in the morning",
        "2016-04-21T04:00",
    );
    check(
        "It ended at 11 at night.",
        D,
        "11 at night",
        "2016-04-21T23:00",
    );
    // A 24-hour clock with a zone is no year.
    check(
        "It is televised from 1700 local time.",
        D,
        "1700 local time",
        "2016-04-21T17:00",
    );
    check(
        "Polls close at 2130 GMT.",
        D,
        "2130 GMT",
        "2016-04-21T21:30Z",
    );
    // Universal time keeps its zone; a local zone does not (its offset depends on the season).
    check(
        "The quake struck at 16:08 UTC.",
        D,
        "16:08 UTC",
        "2016-04-21T16:08Z",
    );
    check(
        "The launch is set for 9:15 a.m. EDT.",
        D,
        "9:15 a.m. EDT",
        "2016-04-21T09:15",
    );
    // The part of the day last mentioned, or of the next one.
    let got = tag(
        "The hearing was on April 12. He appeared the next morning. He left that night.",
        D,
    );
    let values: Vec<&str> = got.iter().map(|t| t.2.as_str()).collect();
    assert_eq!(values, ["2016-04-12", "2016-04-13TMO", "2016-04-13TNI"]);
}

#[test]
fn days_placed_by_other_dates() {
    check(
        "The day before last Tuesday's hearing, he called.",
        D,
        "The day before last Tuesday",
        "2016-04-18",
    );
    check(
        "It may be resolved in a hearing the week of March 7.",
        D,
        "the week of March 7",
        "2016-W10",
    );
    let got = tag("The summit was held on April 14 and 15 in Washington.", D);
    let found: Vec<(&str, &str)> = got.iter().map(|t| (t.0.as_str(), t.2.as_str())).collect();
    assert_eq!(found, [("April 14", "2016-04-14"), ("15", "2016-04-15")]);
    // A count after the day is no second day.
    assert_eq!(tag("On April 14 and 15 people died.", D).len(), 1);
    let got = tag(
        "He was shot on April 12. Earlier that same day, he had written.",
        D,
    );
    assert_eq!(got[1].0, "Earlier that same day");
    assert_eq!(got[1].2, "2016-04-12");
    let got = tag("He was shot on April 12. Earlier that day, police came.", D);
    assert_eq!(
        (got[1].0.as_str(), got[1].2.as_str()),
        ("Earlier that day", "2016-04-12")
    );
}

#[test]
fn years_that_name_one_thing() {
    check("Many who led the 1992 protests moved.", D, "1992", "1992");
    let got = tag("The post-1959 politics split families.", D);
    assert_eq!(got[0].0, "post-1959");
    assert_eq!(
        (got[0].2.as_str(), got[0].3.as_deref()),
        ("1959", Some("AFTER"))
    );
    check("It was a decades-long battle.", D, "decades-long", "PXE");
    check("After a day-long meeting.", D, "day-long", "P1D");
    // `plans` as a noun does not send a weekday forward.
    check(
        "On Friday, when she set aside vacation plans for the trip, the department lifted it.",
        D,
        "Friday",
        "2016-04-15",
    );
}

#[test]
fn names_and_titles_are_no_dates() {
    assert!(tag("Baker said on ABC's \"This Week\" that talks go on.", D).is_empty());
    assert!(tag("He told \"60 Minutes\" he was sorry.", D).is_empty());
    assert!(tag("The poster showed Gary Cooper in High Noon.", D).is_empty());
    // A quotation or a sentence starts with a capital; a headline is all capitals.
    assert_eq!(tag("\"Next week we go,\" he said.", D).len(), 1);
    assert_eq!(tag("Lavrov Says Talks Will Resume Next Week", D).len(), 1);
    assert_eq!(
        tag("It ends at 5 p.m. EST on Thanksgiving Day.", D).len(),
        2
    );
}

#[test]
fn not_dates() {
    // A newspaper by name, a round count after `a`.
    assert!(tag("The Communist Party daily Granma said so.", D).is_empty());
    assert!(tag("It gathered up to a 1000 web links.", D).is_empty());
    assert_eq!(tag("It cited a 1996 study.", D).len(), 1);
    assert!(tag("He paid $1990 for 1,000 shares and 2000 troops came.", D).is_empty());
    assert!(tag("You may go. The 6-year-old boy slept.", D).is_empty());
    assert!(tag("She earns $5 a year.", D).is_empty());
    assert!(tag("It saves $2 million a year and adds 700 seats a week.", D).is_empty());
    assert!(tag("Now, he says, it is over.", D).is_empty());
    assert!(tag("A man in his 30s.", D).is_empty());
    assert!(tag("He marched in the March for Life.", D).is_empty());
    assert!(tag("He led the March of the Combatant Mothers.", D).is_empty());
    assert_eq!(tag("Talks resume in March for the first time.", D).len(), 1);
    // A season with a name, a figure of speech, the present age.
    assert!(tag("They began the ``Spring of Life'' protests.", D).is_empty());
    assert!(tag("Protests of the Arab Spring spread.", D).is_empty());
    assert!(tag("After the fall of the Berlin Wall, trade grew.", D).is_empty());
    assert!(tag("Stocks Fall Before Holidays", D).is_empty());
    check(
        "They met in the fall of 1989.",
        D,
        "the fall of 1989",
        "1989-FA",
    );
    check("Spring for Ukraine will be hard.", D, "Spring", "2016-SP");
    assert_eq!(tag("They met in the Spring of 2015.", D)[0].2, "2015-SP");
    assert_eq!(tag("For Poland, high noon comes.", D), []);
    assert!(tag("The case matters to today's youth and in today's world.", D).is_empty());
    assert_eq!(one("Read today's editions.", D), ("today".into(), D.into()));
}

#[test]
fn continuation_references_and_anaphora() {
    let got = tag(
        "Profit rose in the third quarter. It fell a year earlier.",
        "2016-11-02",
    );
    assert_eq!(got[1].2, "2015-Q3");
    let got = tag(
        "The loss came in the second quarter of 2015. Results for that quarter included a charge.",
        "2016-11-02",
    );
    assert_eq!(got[1].0, "that quarter");
    assert_eq!(got[1].2, "2015-Q2");
    check(
        "It forecast a gain for the full year.",
        "1989-11-02",
        "the full year",
        "1989",
    );
    // With no period mentioned, the article's year compares with a year, not a day.
    check("Profit fell a year earlier.", D, "a year earlier", "2015");
    check("One day later, talks resumed.", D, "One day", "P1D");
}

proptest::proptest! {
    #[test]
    fn never_panics_and_ranges_are_char_boundaries(body in "\\PC{0,200}", date in proptest::option::of(0u32..20000)) {
        let a = Article::parse(&body, "p", LoadOptions::PLAIN).unwrap()
            .with_date(date.and_then(|d| NaiveDate::from_num_days_from_ce_opt(700_000 + d as i32)));
        let s = sentences::split(&a);
        let t = find(&a, &s);
        for x in &t {
            proptest::prop_assert!(x.range.start < x.range.end && x.range.end <= a.text().len());
            proptest::prop_assert!(a.text().is_char_boundary(x.range.start));
            proptest::prop_assert!(a.text().is_char_boundary(x.range.end));
        }
        let _ = crate::analysis::timeline::build(&a, &s, &t);
    }

    #[test]
    fn date_words_never_panic(words in proptest::collection::vec(proptest::sample::select(vec![
        "the", "past", "last", "next", "early", "late", "mid", "-", "April", "20", "2016", ",",
        "year", "years", "ago", "away", "nearly", "two", "a", "every", "Friday", "night", "3pm",
        "p.m.", "10:30", "of", "end", "quarter", "third", "1990s", "'", "s", "decade", "9999",
        "0", "31", "February", "29", "century", "99th", "Q4", "weekend", "year-ago", "today",
    ]), 0..30)) {
        let body = words.join(" ");
        for date in [None, NaiveDate::from_ymd_opt(9999, 12, 31), NaiveDate::from_ymd_opt(1, 1, 1), NaiveDate::from_ymd_opt(2016, 2, 29)] {
            let a = Article::parse(&body, "p", LoadOptions::PLAIN).unwrap().with_date(date);
            let s = sentences::split(&a);
            let t = find(&a, &s);
            let _ = crate::analysis::timeline::build(&a, &s, &t);
        }
    }
}

/// A history told from its own time: the dates without a year belong to the year the story
/// has reached, not to the article's.
const HISTORY: &str = "The old republic was founded in 1816. Its first assembly met in 1820, \
    and a constitution followed in 1822. A census was taken in 1825 and a famine struck in 1828. Riots broke out in 1831 \
    and again in 1834. A new king was crowned in 1837. The northern provinces rebelled on 2 \
    May 1840. On 9 June the rebels took the capital. Two days later the king fled. In October \
    the assembly was dissolved. During the winter the rebels quarrelled. The following year \
    the king returned.";

#[test]
fn a_narrative_dates_from_the_story_not_the_article() {
    let got = tag(HISTORY, D);
    let value = |text: &str| {
        got.iter()
            .find(|t| t.0 == text)
            .map(|t| t.2.as_str())
            .unwrap_or_else(|| panic!("{text} not found in {got:?}"))
    };
    assert_eq!(value("9 June"), "1840-06-09");
    assert_eq!(value("Two days later"), "1840-06-11");
    assert_eq!(value("October"), "1840-10");
    assert_eq!(value("the winter"), "1840-WI");
    assert_eq!(value("The following year"), "1841");
}

/// A story moves on through the calendar: a month after the story's December is next
/// year's, a month shortly before the story's June is the same year's, and after a bare year
/// the month keeps that year.
#[test]
fn a_story_carries_its_year_across_new_year() {
    let body = format!(
        "{HISTORY} The siege began on 7 December 1842. In January the city fell. The rebels \
         marched north in June 1844. In early April the harvest had failed. In 1846 the war \
         ended. In November the troops came home."
    );
    let got = tag(&body, D);
    let value = |text: &str| {
        got.iter()
            .find(|t| t.0 == text)
            .map(|t| t.2.as_str())
            .unwrap_or_else(|| panic!("{text} not found in {got:?}"))
    };
    assert_eq!(value("January"), "1843-01");
    assert_eq!(value("early April"), "1844-04");
    assert_eq!(value("November"), "1846-11");
}

#[test]
fn the_first_half_of_a_span_takes_the_year_named_at_its_end() {
    let got = tag("The battle (14 October - 25 November 1952) was lost.", D);
    assert_eq!(got[0].0, "14 October");
    assert_eq!(got[0].2, "1952-10-14");
    let got = tag("The siege lasted from 21 December to 5 January 1953.", D);
    assert_eq!(got[0].2, "1952-12-21");
    assert_eq!(got[1].2, "1953-01-05");
}

#[test]
fn news_with_a_little_history_stays_news() {
    let body = "The company, founded in 1998, cut 300 jobs in March. Its shares fell on \
        Tuesday, the lowest since 2009.";
    let got = tag(body, D);
    assert!(
        got.iter().any(|t| t.0 == "March" && t.2 == "2016-03"),
        "{got:?}"
    );
    assert!(
        got.iter().any(|t| t.0 == "Tuesday" && t.2 == "2016-04-19"),
        "{got:?}"
    );
}

#[test]
fn an_undated_text_dates_from_its_story_and_never_from_today() {
    let body = format!("Next day the regiment marched. {HISTORY}");
    let got = tag(&body, "");
    assert!(
        got.iter().any(|t| t.0 == "9 June" && t.2 == "1840-06-09"),
        "{got:?}"
    );
    assert!(
        got.iter().any(|t| t.0 == "October" && t.2 == "1840-10"),
        "{got:?}"
    );
    assert!(
        got.iter()
            .filter(|t| t.0 == "Next day")
            .all(|t| !t.2.starts_with(|c: char| c.is_ascii_digit())),
        "{got:?}"
    );
}

#[test]
fn round_hundreds_before_a_noun_count_things() {
    assert!(tag("Fifteen hundred prisoners were taken.", D).is_empty());
    assert!(tag("Two thousand men crossed the river.", D).is_empty());
    check(
        "The fort was built in fifteen hundred.",
        D,
        "fifteen hundred",
        "1500",
    );
}

#[test]
fn text_in_another_script_has_no_dates() {
    assert!(tag("Тогда 1000 русских перешли реку в 1812 году.", D).is_empty());
    assert!(tag("红楼梦写于1760年前后。", D).is_empty());
    check("In 1812, the army crossed the river.", D, "1812", "1812");
}

#[test]
fn each_half_of_a_span_of_years_is_a_year() {
    for (body, second) in [
        ("The siege lasted 1861-1863 in all.", "1863"),
        ("The siege (1915–16) failed.", "16"),
        ("The campaign of 1998-99 ended.", "99"),
    ] {
        let got = tag(body, D);
        assert_eq!(got.len(), 2, "{body}: {got:?}");
        assert_eq!(got[1].0, second, "{body}");
    }
    let got = tag("The siege (1915–16) failed.", D);
    assert_eq!((got[0].2.as_str(), got[1].2.as_str()), ("1915", "1916"));
    // Not a span: a smaller number after a year, and an amount.
    assert!(tag("They paid $1998-99 each.", D).is_empty());
}

/// The present of `be` with a date tells a schedule; a weekend is near enough for a weak sign
/// of the future (`could arrive`) to put it ahead.
#[test]
fn the_near_future_in_the_present_tense() {
    // 2016-04-20 is a Wednesday.
    check(
        "The next hearing is on Friday, the court said.",
        "2016-04-20",
        "Friday",
        "2016-04-22",
    );
    check("The vote is in June.", "2016-04-20", "June", "2016-06");
    check(
        "The hearing was on Friday.",
        "2016-04-20",
        "Friday",
        "2016-04-15",
    );
    check(
        "Forecasters said the storm could arrive over the weekend.",
        "2016-04-20",
        "the weekend",
        "2016-W16-WE",
    );
    check(
        "The storm hit the coast over the weekend.",
        "2016-04-20",
        "the weekend",
        "2016-W15-WE",
    );
}

#[test]
fn paragraphs_in_another_language_give_no_dates_and_say_so() {
    let body = "Тогда тысяча русских солдат перешли реку рано утром 12 июня 1812 года.\n\n\
        The army crossed the river on 12 June 1812.";
    let a = Article::parse(body, "t", LoadOptions::PLAIN).expect("parses");
    let s = sentences::split(&a);
    let d = read(&a, &s);
    let texts: Vec<&str> = d
        .timexes
        .iter()
        .map(|t| &a.text()[t.range.clone()])
        .collect();
    assert_eq!(texts, vec!["12 June 1812"]);
    assert_eq!((d.languages.paragraphs, d.languages.skipped), (2, 1));
    assert_eq!(
        d.languages.notice().as_deref(),
        Some("dates not analysed: Russian text")
    );
}

/// A day counted from a month or a year names no day: its chain of `next day`s hangs from
/// nothing the text gave.
#[test]
fn a_day_after_a_month_is_an_unknown_day_of_its_year() {
    let body = format!(
        "{HISTORY} In July 1845 the army marched south. Next day it rained. \
        Next day the river rose. Four days later the bridge fell."
    );
    let got = tag(&body, D);
    let values: Vec<&str> = got
        .iter()
        .filter(|t| t.0 == "Next day" || t.0 == "Four days later")
        .map(|t| t.2.as_str())
        .collect();
    assert_eq!(values, vec!["1845-XX-XX"; 3], "{got:?}");
}

#[test]
fn years_before_christ() {
    check(
        "Carthage fell in 146 B.C. to Rome.",
        D,
        "146 B.C.",
        "BC0146",
    );
    check("The battle was fought in 490 BC.", D, "490 BC", "BC0490");
    check(
        "It was founded in the 9th century BC.",
        D,
        "the 9th century BC",
        "BC08",
    );
    let got = tag("In September 480 BC the fleet sailed.", D);
    assert_eq!(got[0].2, "BC0480-09", "{got:?}");
    // A story before Christ moves on in its own years.
    let body: String = (0..10)
        .map(|k| format!("In {} BC a war began. ", 500 - 2 * k))
        .collect::<String>()
        + "The following year the city fell.";
    let got = tag(&body, D);
    assert_eq!(got.last().map(|t| t.2.as_str()), Some("BC0481"), "{got:?}");
}

/// A decade lived through is a length; a stretch of units filled by what follows `of` is a
/// vague one.
#[test]
fn stretches_lived_through_are_durations() {
    for (body, text, value) in [
        (
            "Prices will rise over the next decade.",
            "the next decade",
            "P10Y",
        ),
        (
            "Wages fell during the past decade.",
            "the past decade",
            "P10Y",
        ),
        ("After weeks of talks, they agreed.", "weeks", "PXW"),
        ("Months of fighting followed.", "Months", "PXM"),
        ("The ruling came within days of the attack.", "days", "PXD"),
    ] {
        let got = tag(body, D);
        assert_eq!(got.len(), 1, "{body}: {got:?}");
        assert_eq!(
            (got[0].0.as_str(), got[0].1, got[0].2.as_str()),
            (text, "DURATION", value),
            "{body}"
        );
    }
    // A calendar decade stays one, and particular days stay no length.
    check("The next decade will be hard.", D, "The next decade", "202");
    assert!(tag("He named the days of the week.", D).is_empty());
}

#[test]
fn vague_steps_later_or_earlier_are_dates_in_a_story() {
    let got = tag(
        &format!("{HISTORY} The fort fell on 3 May 1809. A few days later the army withdrew."),
        D,
    );
    let last = got.last().expect("timexes");
    assert_eq!(
        (last.0.as_str(), last.1, last.2.as_str()),
        ("A few days later", "DATE", "FUTURE_REF")
    );
    let got = tag(
        &format!("{HISTORY} Several years earlier, the town had burned."),
        D,
    );
    let last = got.last().expect("timexes");
    assert_eq!(
        (last.0.as_str(), last.1, last.2.as_str()),
        ("Several years earlier", "DATE", "PAST_REF")
    );
    // Modified, the step is still a date counted from the one told.
    let got = tag(
        &format!("{HISTORY} Less than a year later it was broken."),
        D,
    );
    let last = got.last().expect("timexes");
    assert_eq!(
        (last.0.as_str(), last.1, last.2.as_str(), last.3.as_deref()),
        ("Less than a year later", "DATE", "1842", Some("LESS_THAN"))
    );
    // News measures the gap: a duration.
    let got = tag(
        "The chief executive left in January. A few days later, the company announced \
         lower earnings.",
        D,
    );
    assert_eq!((got[1].0.as_str(), got[1].1), ("A few days", "DURATION"));
    let got = tag("The talks lasted a few days.", D);
    assert_eq!((got[0].0.as_str(), got[0].1), ("a few days", "DURATION"));
}

#[test]
fn a_month_of_that_year_takes_the_year_told() {
    let got = tag(
        "The rebels took the port in March 1861. In August of that year they lost it, and on \
         25 July of the following year they lost the capital.",
        D,
    );
    let values: Vec<(&str, &str)> = got.iter().map(|t| (t.0.as_str(), t.2.as_str())).collect();
    assert_eq!(
        values,
        [
            ("March 1861", "1861-03"),
            ("August of that year", "1861-08"),
            ("25 July of the following year", "1862-07-25"),
        ]
    );
    // Nothing told before: `that year` has no year to give.
    let got = tag("In August of that year it rained.", "");
    assert_eq!(got[0].0, "August");
}

#[test]
fn the_night_of_a_date_is_a_time_in_a_story() {
    let got = tag(
        &format!(
            "{HISTORY} The king fled on the night of 20 June 1791, and the guard left on the \
             morning of June 22."
        ),
        D,
    );
    let values: Vec<(&str, &str, &str)> = got[got.len() - 2..]
        .iter()
        .map(|t| (t.0.as_str(), t.1, t.2.as_str()))
        .collect();
    assert_eq!(
        values,
        [
            ("the night of 20 June 1791", "TIME", "1791-06-20TNI"),
            ("the morning of June 22", "TIME", "1791-06-22TMO"),
        ]
    );
    // A part of a day named by an event is no time of ours.
    let got = tag(
        &format!("{HISTORY} On the morning of the attack, it rained."),
        D,
    );
    assert!(!got.iter().any(|t| t.1 == "TIME"), "{got:?}");
    // News tags the date alone, as TimeML's news corpora do.
    let got = tag("He was shot on the night of Oct. 23 in his home.", D);
    assert_eq!((got[0].0.as_str(), got[0].1), ("Oct. 23", "DATE"));
}

#[test]
fn tens_of_years_after_a_possessive_are_an_age() {
    for body in [
        "He was in his forties then.",
        "She died in her early thirties.",
        "They were in their twenties when the war began.",
    ] {
        assert!(tag(body, D).is_empty(), "{body}: {:?}", tag(body, D));
    }
    check("Jazz spread in the twenties.", D, "the twenties", "192");
    check(
        "Prices rose in the early forties.",
        D,
        "the early forties",
        "194",
    );
    check("His 1970s team won.", D, "1970s", "197");
}

#[test]
fn a_story_does_not_move_on_to_a_planned_date() {
    let got = tag(
        &format!(
            "{HISTORY} In March 1845 the rebels attacked, and the capital would be exposed for \
             a planned campaign in 1846. The garrison collapsed on 11 March."
        ),
        D,
    );
    let last = got.last().expect("timexes");
    assert_eq!(
        (last.0.as_str(), last.2.as_str()),
        ("11 March", "1845-03-11")
    );
    // What lasted `until` a year ended there: the story has reached it.
    let got = tag(
        &format!("{HISTORY} He remained in office until 1850. Four years later he died."),
        D,
    );
    let last = got.last().expect("timexes");
    assert_eq!(
        (last.0.as_str(), last.2.as_str()),
        ("Four years later", "1854")
    );
}

#[test]
fn a_year_heading_a_passage_before_a_colon_is_a_year() {
    check(
        "September 1980: the invasion",
        D,
        "September 1980",
        "1980-09",
    );
    assert!(tag("The ratio was 1980:15 in the end.", D).is_empty());
}

/// The value of the first timex `text` among `got`.
fn value_of<'a>(got: &'a [(String, &'static str, String, Option<String>)], text: &str) -> &'a str {
    got.iter()
        .find(|t| t.0 == text)
        .map(|t| t.2.as_str())
        .unwrap_or_else(|| panic!("{text} not found in {got:?}"))
}

#[test]
fn a_pair_of_months_takes_the_year_named_after_the_second() {
    let got = tag("Fighting raged in August and September 1914.", D);
    assert_eq!(value_of(&got, "August"), "1914-08");
    let got = tag("The decrees (February-March 1794) were never applied.", D);
    assert_eq!(value_of(&got, "February"), "1794-02");
    let got = tag("The islands were taken (May-August 1950).", D);
    assert_eq!(value_of(&got, "May"), "1950-05");
    let got = tag("The talks ran through December and January 1920.", D);
    assert_eq!(value_of(&got, "December"), "1919-12");
}

#[test]
fn both_ends_of_a_span_of_days_are_dates() {
    let got = tag("The battle (6-7 January 1916) was lost.", D);
    assert_eq!(value_of(&got, "6"), "1916-01-06");
    assert_eq!(value_of(&got, "7 January 1916"), "1916-01-07");
    let got = tag("Talks ran from 15 to 22 February 1952.", D);
    assert_eq!(value_of(&got, "15"), "1952-02-15");
    let got = tag("The two armies fought on April 6-7, and rested.", D);
    assert_eq!(value_of(&got, "April 6"), "2016-04-06");
    assert_eq!(value_of(&got, "7"), "2016-04-07");
    // A score or a count is no span of days.
    assert!(tag("They won 6-7 in the final.", D).is_empty());
}

#[test]
fn the_first_year_of_a_span_before_christ_counts_down() {
    let got = tag("The revolt (499-493 BC) failed.", D);
    assert_eq!(value_of(&got, "499"), "BC0499");
    let got = tag("The war lasted from 264 to 241 BC.", D);
    assert_eq!(value_of(&got, "264"), "BC0264");
    assert!(tag("The score was 99-93 in the end.", D).is_empty());
}

/// Dates a story names in passing do not move its time: what lasts `since` a year, a
/// comparison, a past perfect, a date in brackets or before a noun, a far year in the middle
/// of a sentence, its own year repeated and a year counted back from it.
#[test]
fn a_story_keeps_its_time_past_dates_named_in_passing() {
    let asides = [
        "It was the largest siege since 1812.",
        "The towns were divided as in 1822.",
        "The assembly, which had last met in 1831, was recalled.",
        "They revived the Charter of Rights (1831).",
        "Veterans of the 1831 riots joined them.",
        "Letters found in 1990 show that the king was warned.",
        "The war went on into 1850.",
        "They repeated the successes of the previous year.",
    ];
    for aside in asides {
        let body = format!(
            "{HISTORY} The rebels took the fort on 3 August 1850. {aside} On 9 September the \
             fort fell."
        );
        let got = tag(&body, D);
        assert_eq!(value_of(&got, "9 September"), "1850-09-09", "{aside}");
    }
    // A year that heads its sentence moves the story there, near or far.
    let body = format!(
        "{HISTORY} The fort fell on 3 August 1850. In 1870, a treaty followed. In May the troops left."
    );
    assert_eq!(value_of(&tag(&body, D), "May"), "1870-05");
    // So does an earlier date told as the next step, in the simple past.
    let body = format!(
        "{HISTORY} The fort fell on 3 August 1850. In March 1850 the king had fled, and in April the army followed."
    );
    assert_eq!(value_of(&tag(&body, D), "April"), "1850-04");
    // The story's own year, repeated, keeps its December: January is next year's.
    let body = format!(
        "{HISTORY} The fort was besieged in October 1850. It fell on 7 December (8 December by \
         the old calendar), 1850. In January the troops left."
    );
    assert_eq!(value_of(&tag(&body, D), "January"), "1851-01");
}

/// A story's steps are as precise as their words: `four months earlier` than a day is a month.
#[test]
fn a_story_counts_back_to_the_precision_of_its_words() {
    let body = format!(
        "{HISTORY} The king died on 9 March 1850. Four months earlier the harvest had failed."
    );
    assert_eq!(value_of(&tag(&body, D), "Four months earlier"), "1849-11");
}

/// Narrative annotation tags `former` and `future` as references to the story's past and
/// future; news does not.
#[test]
fn a_story_tags_former_and_future() {
    let body = format!("{HISTORY} The former king feared future wars.");
    let got = tag(&body, D);
    assert_eq!(value_of(&got, "former"), "PAST_REF");
    assert_eq!(value_of(&got, "future"), "FUTURE_REF");
    let got = tag("The former minister spoke of future wars on Friday.", D);
    assert!(
        got.iter().all(|t| t.0 != "former" && t.0 != "future"),
        "{got:?}"
    );
}

/// A story counts `daily` on its calendar, news as a frequency.
#[test]
fn a_story_counts_daily_on_its_calendar() {
    let body = format!("{HISTORY} The rebels raided the town daily.");
    assert_eq!(value_of(&tag(&body, D), "daily"), "XXXX-XX-XX");
    let got = tag(
        "The paper, which is published daily, was sold on Friday.",
        D,
    );
    assert_eq!(value_of(&got, "daily"), "P1D");
}

/// A story reaches the year of a season it names (`by the spring of 1915`), names seasons
/// bare (`winter quarters`), and pairs two seasons under one year, as news does too.
#[test]
fn seasons_in_a_story_and_in_pairs() {
    let body = format!(
        "{HISTORY} The armies met in September 1850. By the spring of 1851 the rebels had \
         retreated, and in May the army broke through. The troops entered winter quarters."
    );
    let got = tag(&body, D);
    assert_eq!(value_of(&got, "May"), "1851-05");
    assert_eq!(value_of(&got, "winter"), "1851-WI");
    let got = tag("Troops were requested in the spring and summer of 1979.", D);
    assert_eq!(value_of(&got, "the spring"), "1979-SP");
    assert_eq!(value_of(&got, "summer of 1979"), "1979-SU");
    let got = tag("Its winter coats sold well on Friday.", D);
    assert!(got.iter().all(|t| t.0 != "winter"), "{got:?}");
}

/// In a story, `eight days after the fall of the fort` steps from the time told (the fall
/// the story has just told); news measures the gap, a duration.
#[test]
fn a_story_steps_after_and_before_its_events() {
    let body = format!(
        "{HISTORY} The fort fell on 5 March 1850. Eight days after the fall of the fort, \
         the army marched. Two years before, the king had died. A few weeks after the \
         march, the rebels fled."
    );
    let got = tag(&body, D);
    assert_eq!(value_of(&got, "Eight days after"), "1850-03-13");
    assert_eq!(value_of(&got, "Two years before"), "1848");
    assert_eq!(value_of(&got, "A few weeks after"), "FUTURE_REF");
    let got = tag("Two days after the election, prices fell on Friday.", D);
    assert_eq!(value_of(&got, "Two days"), "P2D");
}

#[test]
fn a_march_with_a_name_is_no_month() {
    for body in [
        "The Long March ended in the north.",
        "The survivors of the Ice March reached the coast.",
        "Thousands joined the Women's March on Saturday.",
        "He left the army on the March to the Sea.",
    ] {
        assert!(tag(body, D).iter().all(|t| t.0 != "March"), "{body}");
    }
    check("The rebels attacked in March.", D, "March", "2016-03");
    check("Prices fell in the March survey.", D, "March", "2016-03");
}
