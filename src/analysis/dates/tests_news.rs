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
