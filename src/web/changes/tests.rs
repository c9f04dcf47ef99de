use super::*;
use crate::source::{LoadOptions, from_bytes};

fn article(text: &str) -> Article {
    from_bytes(text.as_bytes(), "test", LoadOptions::default()).unwrap()
}

#[test]
fn paragraphs_added_removed_and_edited() {
    let old = article(
        "Title\n\nThe council met on Monday to discuss the budget for next year.\n\n\
         A second paragraph that will be removed entirely from the story.\n\n\
         The last paragraph stays exactly as it was.",
    );
    let new = article(
        "Title\n\nThe council met on Tuesday to discuss the budget for next year.\n\n\
         The last paragraph stays exactly as it was.\n\n\
         An update added at the end with wholly new words.",
    );
    let changes = compare(&old, &new, &[]);
    let kinds: Vec<Change> = changes.paragraphs.iter().map(|p| p.change).collect();
    assert_eq!(kinds, [Change::Changed, Change::Removed, Change::Added]);
    let edited = &changes.paragraphs[0];
    assert_eq!(
        edited.edits,
        [WordEdit {
            old: "Monday".into(),
            new: "Tuesday".into()
        }]
    );
    let new_range = edited.new.as_ref().unwrap().range.clone();
    assert!(new.text()[new_range].contains("Tuesday"));
    assert!(compare(&old, &old, &[]).is_empty());
}

#[test]
fn a_reworded_quotation_and_a_changed_speaker_are_told_apart() {
    let old = article(
        "Talks\n\n\"We will not accept these terms under any circumstances,\" said Anna Berg, \
         the foreign minister.\n\n\"The door remains open,\" said Peter Holm, a spokesman.",
    );
    let new = article(
        "Talks\n\n\"We cannot accept these terms under the present circumstances,\" said \
         Anna Berg, the foreign minister.\n\n\"The door remains open,\" said Maria Lund, \
         a spokeswoman.",
    );
    let changes = compare(&old, &new, &[]);
    assert_eq!(changes.quotations.len(), 2, "{:#?}", changes.quotations);
    let reworded = &changes.quotations[0];
    assert!(reworded.wording_changed && !reworded.speaker_changed);
    assert_eq!(
        reworded.new.as_ref().unwrap().speaker.as_deref(),
        Some("Anna Berg")
    );
    let respoken = &changes.quotations[1];
    assert!(!respoken.wording_changed && respoken.speaker_changed);
    assert_eq!(
        (
            respoken.old.as_ref().unwrap().speaker.as_deref(),
            respoken.new.as_ref().unwrap().speaker.as_deref()
        ),
        (Some("Peter Holm"), Some("Maria Lund"))
    );
}

#[test]
fn one_quotation_in_two_wordings() {
    assert_eq!(
        same_quotation(
            "We will  not accept these terms",
            "We will not accept these terms"
        ),
        Some(vec![])
    );
    assert_eq!(
        same_quotation(
            "We will not accept these terms at any price",
            "We won't accept these terms at any price"
        ),
        Some(vec![WordEdit {
            old: "will not".into(),
            new: "won't".into()
        }])
    );
    assert_eq!(
        same_quotation("We will not accept these terms", "The door remains open"),
        None
    );
}

#[test]
fn dates_that_changed_are_paired() {
    let old = article("Vote\n\nThe vote was held on March 3, 2024. Results came on March 5, 2024.");
    let new = article("Vote\n\nThe vote was held on March 4, 2024. Results came on March 5, 2024.");
    let changes = compare(&old, &new, &[]);
    assert_eq!(changes.dates.len(), 1, "{:#?}", changes.dates);
    let d = &changes.dates[0];
    assert_eq!(d.change, Change::Changed);
    assert_eq!(d.old.as_ref().unwrap().value, "2024-03-03");
    assert_eq!(d.new.as_ref().unwrap().value, "2024-03-04");
}

#[test]
fn dates_in_unrelated_places_are_removed_and_added_not_paired() {
    // A sentence with a relative date cut, another with an exact date added elsewhere:
    // nothing says the one became the other.
    let old = article(
        "Vote\n\nThe mayor proposed the plan last month.\n\n\
         The council debated it for hours.",
    );
    let new = article(
        "Vote\n\nThe mayor proposed the plan.\n\n\
         The council debated it for hours.\n\n\
         A final vote is set for March 4, 2024.",
    );
    let changes = compare(&old, &new, &[]);
    let kinds: Vec<Change> = changes.dates.iter().map(|d| d.change).collect();
    assert_eq!(
        kinds,
        [Change::Removed, Change::Added],
        "{:#?}",
        changes.dates
    );

    // The same date rewritten in its own sentence is one date changed.
    let old = article("Vote\n\nThe mayor proposed the plan last month, aides said.");
    let new = article("Vote\n\nThe mayor proposed the plan on March 4, 2024, aides said.");
    let changes = compare(&old, &new, &[]);
    let kinds: Vec<Change> = changes.dates.iter().map(|d| d.change).collect();
    assert_eq!(kinds, [Change::Changed], "{:#?}", changes.dates);
}

fn note_on(article: &Article, passage: &str, id: &str) -> Note {
    let start = article.text().find(passage).unwrap();
    Note::new(
        id.into(),
        "yellow",
        "",
        article.text(),
        start..start + passage.len(),
    )
}

#[test]
fn notes_on_edited_and_deleted_passages_are_reported_and_others_not() {
    let old = article(
        "Report\n\nThe bridge will close for repairs in the spring of next year. \
         Engineers found cracks in two of its main supports last month. \
         Traffic will be diverted through the town centre.",
    );
    let new = article(
        "Report\n\nThe bridge will close for repairs in the summer of next year. \
         Traffic will be diverted through the town centre.",
    );
    let notes = [
        note_on(
            &old,
            "The bridge will close for repairs in the spring of next year.",
            "edited",
        ),
        note_on(
            &old,
            "Engineers found cracks in two of its main supports last month.",
            "deleted",
        ),
        note_on(&old, "Traffic will be diverted", "kept"),
    ];
    let changes = compare(&old, &new, &notes);
    let by_id = |id: &str| changes.notes.iter().find(|n| n.id == id);
    let edited = by_id("edited").expect("the edited passage is reported");
    assert!(edited.now.as_ref().unwrap().text.contains("summer"));
    assert_eq!(by_id("deleted").unwrap().now, None);
    assert!(by_id("kept").is_none());
    // And the JSON names the kinds in words.
    let json = serde_json::to_value(&changes).unwrap();
    assert_eq!(json["paragraphs"][0]["change"], "changed");
}

#[test]
fn the_report_names_each_change_in_words() {
    let old = article(
        "Talks\n\n\"The door remains open,\" said Peter Holm, a spokesman. Engineers \
         found cracks in two of its main supports last month.\n\nThe vote was held on \
         March 3, 2024.",
    );
    let new = article(
        "Talks\n\n\"The door remains open,\" said Maria Lund, a spokeswoman.\n\nThe vote \
         was held on March 4, 2024.",
    );
    let notes = [note_on(
        &old,
        "Engineers found cracks in two of its main supports last month.",
        "gone",
    )];
    let changes = compare(&old, &new, &notes);
    let report = changes.report().join("\n");
    assert!(
        report.contains("~ speaker changed: \u{201c}The door remains open,\u{201d}"),
        "{report}"
    );
    assert!(
        report.contains("speaker: Peter Holm \u{2192} Maria Lund"),
        "{report}"
    );
    assert!(
        report.contains("\u{201c}March 3, 2024\u{201d} (2024-03-03)"),
        "{report}"
    );
    assert!(
        report.contains("! detached: \u{201c}Engineers found"),
        "{report}"
    );
    assert!(
        changes.summary().starts_with("changed: 2 paragraphs"),
        "{report}"
    );
    assert_eq!(compare(&old, &old, &[]).summary(), "unchanged");
    assert_eq!(compare(&old, &old, &[]).report().len(), 1);
}

#[test]
fn a_position_is_carried_to_the_new_version() {
    let old = "Title\n\nA first paragraph that the editor rewrote entirely.\n\n\
               The second paragraph stays exactly as it was written before.\n\n\
               A third one, kept too.";
    let new = "Title\n\nA new opening.\n\n\
               The second paragraph stays exactly as it was written before.\n\n\
               A third one, kept too.";
    let second = old.find("The second").unwrap();
    assert_eq!(carry(old, new, second), new.find("The second"));
    // A cut passage: the reader lands where the text goes on.
    let closing = "The closing paragraph was kept word for word by the second edition, \
                   and it runs on for a while so that the reader has somewhere to land \
                   after the passage that the editor took out of the middle of the story, \
                   which is where the probes past the cut find it again.";
    let old_cut =
        format!("{old}\n\nA paragraph the second edition cut out of the story.\n\n{closing}");
    let new_cut = format!("{new}\n\n{closing}");
    let cut = old_cut.find("A paragraph the second").unwrap();
    assert_eq!(carry(&old_cut, &new_cut, cut), new_cut.find(closing));
    // Cut with nothing after it: nowhere to land.
    let old_end = format!("{old}\n\nA paragraph the second edition cut out of the story.");
    let end = old_end.find("A paragraph the second").unwrap();
    assert_eq!(carry(&old_end, new, end), None);
    let third = old.find("A third").unwrap();
    assert_eq!(carry(old, new, third), new.find("A third"));
}

#[test]
fn the_json_counts_chars() {
    let old = article("Café\n\nLe café a fermé le lundi, a dit le maire aux habitants.");
    let new = article("Café\n\nLe café a fermé le mardi, a dit le maire aux habitants.");
    let json = to_json(&old, &new).unwrap();
    let change = &json["paragraphs"][0];
    let (start, end) = (
        change["new"]["range"]["start"].as_u64().unwrap() as usize,
        change["new"]["range"]["end"].as_u64().unwrap() as usize,
    );
    let text: String = new.text().chars().skip(start).take(end - start).collect();
    assert_eq!(text, change["new"]["text"].as_str().unwrap());
    // In bytes the range ends three further on: an é (two bytes) three times before it.
    let bytes = compare(&old, &new, &[]).paragraphs[0]
        .new
        .clone()
        .unwrap()
        .range;
    assert_eq!(bytes.end, end + 3);
}
