//! The built-in sample (dated 2016-04-21) must tell its story in order: the council founded in
//! 2002, ties cut in early 2014, the Baltic Sea incidents of the past week, the meeting of
//! April 20, the cybersecurity talks of April 21, the Warsaw summit about July.

use lectern::analysis::analyze;
use lectern::source::{Input, LoadOptions, load};

#[test]
fn sample_timeline_in_order() {
    let article = load(&Input::Sample, LoadOptions::default()).expect("sample loads");
    let analysis = analyze(&article);
    let text = article.text();
    let entries: Vec<(&str, &str, &str)> = analysis
        .timeline
        .iter()
        .map(|i| {
            (
                i.value.as_str(),
                i.label.as_str(),
                &text[i.sentence.clone()],
            )
        })
        .collect();

    // (label, a phrase of the sentence) in chronological order.
    let expected = [
        ("2002", "established in 2002"),
        ("early 2014", "cut off all ties"),
        ("≈ 11–17 Apr 2016", "Baltic Sea"),
        ("20 Apr 2016", "highest level talks"),
        ("21 Apr 2016", "cybersecurity meeting"),
        ("≈ Jul 2016", "Warsaw"),
    ];
    let mut at = 0;
    for (label, phrase) in expected {
        let found = entries[at..]
            .iter()
            .position(|(_, l, s)| *l == label && s.contains(phrase))
            .unwrap_or_else(|| panic!("no {label} / {phrase:?} after entry {at}: {entries:#?}"));
        at += found + 1;
    }

    // Periods never go backwards.
    let periods: Vec<_> = analysis.timeline.iter().filter_map(|i| i.period).collect();
    assert!(periods.windows(2).all(|w| w[0] <= w[1]), "{periods:?}");

    // `In another incident` continues the Baltic Sea incidents.
    assert!(
        entries
            .iter()
            .any(|(_, l, s)| *l == "≈ 11–17 Apr 2016" && s.starts_with("In another incident")),
        "{entries:#?}"
    );

    // Durations are timexes, not incidents.
    assert!(
        analysis
            .timexes
            .iter()
            .any(|t| t.value == "P2Y" && t.modifier.as_deref() == Some("LESS_THAN"))
    );
    assert!(!entries.iter().any(|(v, _, _)| v.starts_with('P')));
}

#[test]
fn extract_json_carries_timexes_and_timeline() {
    let article = load(&Input::Sample, LoadOptions::default()).expect("sample loads");
    let analysis = analyze(&article);
    let json = lectern::extract::to_json(&article, &analysis);
    let timexes = json["timexes"].as_array().expect("timexes");
    assert!(
        timexes
            .iter()
            .any(|t| t["text"] == "April 20" && t["value"] == "2016-04-20")
    );
    assert!(
        timexes
            .iter()
            .any(|t| t["text"] == "early 2014" && t["mod"] == "START")
    );
    let timeline = json["timeline"].as_array().expect("timeline");
    assert_eq!(timeline.first().map(|t| &t["label"]), Some(&"2002".into()));
}
