//! Unit tests of the rules written from a recall and precision audit on unseen news (British
//! and American), each on sentences written for it.

use super::tests::{check, tag};

const WED: &str = "2013-03-06"; // a Wednesday

#[test]
fn a_fortnight_is_two_weeks() {
    check("He will decide in a fortnight.", WED, "a fortnight", "P2W");
    check(
        "Prices rose over the past fortnight.",
        WED,
        "the past fortnight",
        "P2W",
    );
    check(
        "Two fortnights passed quietly.",
        WED,
        "Two fortnights",
        "P4W",
    );
    let got = tag("She left a fortnight ago.", WED);
    assert_eq!(got.len(), 1, "{got:?}");
    assert_eq!(got[0].0, "a fortnight ago");
    assert_eq!(got[0].1, "DATE");
}

#[test]
fn the_present_and_the_past_in_words() {
    check(
        "These days, shoppers pay by phone.",
        WED,
        "These days",
        "PRESENT_REF",
    );
    check(
        "Nowadays the tickets cost more.",
        WED,
        "Nowadays",
        "PRESENT_REF",
    );
    check(
        "He was a junior clerk at the time.",
        WED,
        "the time",
        "PAST_REF",
    );
    check(
        "At the time, the bridge was closed.",
        WED,
        "the time",
        "PAST_REF",
    );
    check(
        "The plan was praised at the time by critics.",
        WED,
        "the time",
        "PAST_REF",
    );
    // What follows names the time: no reference to the past alone.
    assert!(tag("There were ten clubs at the time of the merger.", WED).is_empty());
    assert!(tag("At the time Smith was hired, we had no office.", WED).is_empty());
    assert!(tag("It recalled the spirit of these days of protest.", WED).is_empty());
}

#[test]
fn in_future_is_british_for_in_the_future() {
    check("Fees may be raised in future.", WED, "future", "FUTURE_REF");
    check("In future we will ask first.", WED, "future", "FUTURE_REF");
    assert!(tag("It will hold talks in future years.", WED).is_empty());
}

#[test]
fn a_current_account_is_no_time() {
    assert!(tag("The current account deficit grew.", WED).is_empty());
    assert!(tag("She opened two current accounts.", WED).is_empty());
    check(
        "Current levels are too high.",
        WED,
        "Current",
        "PRESENT_REF",
    );
}

#[test]
fn clock_times_with_a_full_stop() {
    check(
        "The shop opened at 10.38am.",
        WED,
        "10.38am",
        "2013-03-06T10:38",
    );
    check(
        "The train left at 9.30 p.m. sharp.",
        WED,
        "9.30 p.m.",
        "2013-03-06T21:30",
    );
    check("They met at 9.30pm.", WED, "9.30pm", "2013-03-06T21:30");
    check(
        "Trading halted at 14.05 GMT.",
        WED,
        "14.05 GMT",
        "2013-03-06T14:05Z",
    );
    // A decimal with nothing of a clock after it is a number.
    assert!(tag("The index rose 10.38 points.", WED).is_empty());
    assert!(tag("A ticket costs 9.30 pounds.", WED).is_empty());
}

#[test]
fn an_approximate_clock_time_keeps_its_modifier() {
    let got = tag("The blast came around 7:15 p.m. in the square.", WED);
    assert_eq!(got.len(), 1, "{got:?}");
    assert_eq!(got[0].0, "around 7:15 p.m.");
    assert_eq!(got[0].2, "2013-03-06T19:15");
    assert_eq!(got[0].3.as_deref(), Some("APPROX"));
}

#[test]
fn a_year_before_a_plural_noun_of_a_period() {
    check(
        "The bakery will publish 2012 results soon.",
        WED,
        "2012",
        "2012",
    );
    check("Analysts cut their 1998 forecasts.", WED, "1998", "1998");
    check("2012 brought the chain a loss.", WED, "2012", "2012");
    let got = tag("She won the 2008 and 2012 finals.", WED);
    let years: Vec<_> = got.iter().map(|t| t.2.as_str()).collect();
    assert_eq!(years, ["2008", "2012"]);
    // A count of things stays a count.
    assert!(tag("The army sent 2000 troops.", WED).is_empty());
    assert!(tag("About 1800 workers lost their jobs.", WED).is_empty());
}

const MAY: &str = "2013-05-15"; // a Wednesday in May

#[test]
fn will_puts_a_month_already_over_into_next_year() {
    check(
        "The minister will travel to Oslo in March.",
        MAY,
        "March",
        "2014-03",
    );
    check(
        "The museum will reopen on April 2.",
        MAY,
        "April 2",
        "2014-04-02",
    );
    // Without `will`, a month just over is this year's.
    check("The museum reopened in March.", MAY, "March", "2013-03");
    // A deadline may span the past: `through April` is no `will`.
    check("Sales were flat through April.", MAY, "April", "2013-04");
    // A season placed ahead by `will` is the next one.
    check(
        "The club will bid again in the spring.",
        "2013-08-14",
        "the spring",
        "2014-SP",
    );
}

#[test]
fn a_present_of_schedule_puts_a_weekday_ahead() {
    check(
        "The vote is set for Saturday.",
        MAY,
        "Saturday",
        "2013-05-18",
    );
    check(
        "The case returns to court on Friday.",
        MAY,
        "Friday",
        "2013-05-17",
    );
    check(
        "She plays the champion on Monday.",
        MAY,
        "Monday",
        "2013-05-20",
    );
    check(
        "The case returned to court on Friday.",
        MAY,
        "Friday",
        "2013-05-10",
    );
    check(
        "The vote was set for Saturday.",
        MAY,
        "Saturday",
        "2013-05-11",
    );
}
