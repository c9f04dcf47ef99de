//! Incidents: dated sentences in chronological order.
//!
//! Every DATE or TIME expression with a resolved value places its sentence in time, and so does
//! a duration counted from the article date (`the past two months`, which TimeML types as
//! DURATION but which says *when* something happened). Such stretches use the days they cover
//! ([`Timex::period`]) unless their value names a date: `the past week` in an article of
//! 2016-04-21 is valued `2016-W15` and shown as `≈ 11–17 Apr 2016`. Other
//! durations (`90 minutes`) and sets (`every week`) say how long or how often, not when, so
//! they make no incident.
//!
//! Labels ([`label`]) are read from the value, so the screen and `extract` say one thing:
//! `20 Apr 2016`, `Jul 2016`, `early 2014`, `Q3 2016`, `spring 2015`, `1990s`, a week as
//! `11–17 Apr 2016`, `a Sunday (year unknown)`; `≈` marks what is approximate by nature: a
//! stretch counted back from the article date, an offset (`two years ago`, `three months
//! away`), or `mod` APPROX. The period is the value's too; only a value that names no date
//! (`P2M` for `the past two months`) takes the stretch the grammar counted.
//!
//! Choices, so the panel and the README can state them:
//! - **Unresolved dates** with a known part (`XXXX-04-20` when the article has no date) come
//!   last, in text order. Bare references (`PAST_REF` from `recently`, `PRESENT_REF` from
//!   `now`, `FUTURE_REF` from `soon`) are omitted: they say only "before/now/after", which
//!   every sentence in a news article already does.
//! - **Order**: by the period's first day, then its last (`early 2014` before `2014`, both before
//!   `2014-06`), then by position in the text. Several sentences with the same date stay
//!   adjacent, so the panel can group them under one date.
//! - **Continuation**: an undated sentence that opens with a continuation cue (`In another
//!   incident …`, `In a separate attack …`, `Also …`, `At the same time …`, `The same day …`)
//!   joins the most recent incident in the same paragraph and takes its date. The cue is what
//!   makes the link explicit; any undated sentence between them (details of the first incident)
//!   does not break it, but a paragraph break does, because a new paragraph in news prose
//!   usually changes topic.

use std::ops::Range;

use chrono::NaiveDate;

use super::dates::{Timex, TimexType, period_of};

pub mod clause;
pub mod label;
use crate::source::Article;

/// Something that happened (or will) at a known time: a sentence and the date it carries.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Incident {
    /// TIMEX3 value of the date.
    pub value: String,
    /// How the date is shown: `20 Apr 2016`, `early 2014`, `≈ 11–17 Apr 2016`.
    pub label: String,
    /// First and last day of the period, inclusive; `None` when it could not be resolved.
    pub period: Option<(NaiveDate, NaiveDate)>,
    /// The sentence the incident is told in.
    pub sentence: Range<usize>,
    /// Index into the timexes that dated it.
    pub timex: usize,
}

impl Incident {
    /// Where the date's words are, when they are in the incident's sentence (a continuation
    /// takes its date from an earlier one).
    pub fn date_range(&self, timexes: &[Timex]) -> Option<Range<usize>> {
        let r = &timexes.get(self.timex)?.range;
        (self.sentence.start <= r.start && r.end <= self.sentence.end).then(|| r.clone())
    }

    /// The words the date belongs to ([`clause::clause`]): what the timeline shows of the
    /// sentence.
    pub fn clause(&self, text: &str, timexes: &[Timex]) -> Range<usize> {
        let date = self.date_range(timexes).unwrap_or(0..0);
        clause::clause(text, self.sentence.clone(), date)
    }
}

/// Builds the timeline from the timexes (see the module documentation for the rules).
pub fn build(article: &Article, sentences: &[Range<usize>], timexes: &[Timex]) -> Vec<Incident> {
    let text = article.text();
    let mut incidents: Vec<Incident> = Vec::new();
    for (idx, t) in timexes.iter().enumerate() {
        let dated = matches!(t.kind, TimexType::Date | TimexType::Time) || t.period.is_some();
        if !dated || t.value.ends_with("_REF") {
            continue;
        }
        let period = period_of(&t.value, t.modifier.as_deref()).or(t.period);
        if period.is_none() && !t.value.chars().any(|c| c.is_ascii_digit()) {
            continue; // `XXXX-WXX-5` with nothing resolved says nothing about the order
        }
        let sentence = sentence_of(sentences, &t.range).unwrap_or_else(|| t.range.clone());
        // One incident per sentence and date (timexes come in text order, so the incidents of
        // this sentence are the last ones).
        if incidents
            .iter()
            .rev()
            .take_while(|i| i.sentence == sentence)
            .any(|i| i.value == t.value && i.period == period)
        {
            continue;
        }
        let approx = t.period.is_some()
            || matches!(t.modifier.as_deref(), Some("APPROX"))
            || text
                .get(t.range.clone())
                .is_some_and(|s| s.ends_with("ago") || s.ends_with("away"));
        incidents.push(Incident {
            value: t.value.clone(),
            label: label::label(&t.value, t.modifier.as_deref(), period, approx),
            period,
            sentence,
            timex: idx,
        });
    }
    let continued = continuations(article, sentences, &incidents);
    incidents.extend(continued);
    incidents.sort_by(|a, b| match (a.period, b.period) {
        (Some(p), Some(q)) => p.cmp(&q).then(a.sentence.start.cmp(&b.sentence.start)),
        (Some(_), None) => std::cmp::Ordering::Less,
        (None, Some(_)) => std::cmp::Ordering::Greater,
        (None, None) => a.sentence.start.cmp(&b.sentence.start),
    });
    incidents
}

/// The sentence containing `range` (binary search; sentences are in text order).
fn sentence_of(sentences: &[Range<usize>], range: &Range<usize>) -> Option<Range<usize>> {
    let k = sentences.partition_point(|s| s.end <= range.start);
    sentences.get(k).filter(|s| s.start <= range.start).cloned()
}

/// Openings that tie a sentence to the incident told just before it.
const CONTINUATION_CUES: &[&str] = &[
    "in another ",
    "in a separate ",
    "in a similar ",
    "in a second ",
    "in a further ",
    "in a related ",
    "another ",
    "also ",
    "at the same time",
    "the same day",
    "on the same day",
    "that same day",
    "later that day",
    "earlier that day",
];

/// Incidents for undated sentences that continue a dated one (module documentation).
fn continuations(
    article: &Article,
    sentences: &[Range<usize>],
    incidents: &[Incident],
) -> Vec<Incident> {
    let text = article.text();
    let mut out = Vec::new();
    // Incidents are still in text order here (sorted later), so one cursor walks them along
    // with the sentences: linear in both.
    let mut next = 0;
    for block in article.blocks() {
        let mut last: Option<&Incident> = None;
        let first = sentences.partition_point(|s| s.end <= block.range.start);
        for s in sentences[first..]
            .iter()
            .take_while(|s| s.start < block.range.end)
        {
            while incidents
                .get(next)
                .is_some_and(|i| i.sentence.start < s.start)
            {
                next += 1;
            }
            let mut own = None;
            while let Some(i) = incidents.get(next).filter(|i| i.sentence == *s) {
                own = Some(i);
                next += 1;
            }
            if own.is_some() {
                last = own;
                continue;
            }
            let Some(prev) = last else { continue };
            let opening = text
                .get(s.start..text.len().min(s.start + 24))
                .unwrap_or("");
            let opening = opening.trim_start_matches(['"', '«', '“', '\'']);
            let cued = CONTINUATION_CUES.iter().any(|cue| {
                opening.len() >= cue.len()
                    && opening.is_char_boundary(cue.len())
                    && opening[..cue.len()].eq_ignore_ascii_case(cue)
            });
            if cued {
                out.push(Incident {
                    sentence: s.clone(),
                    ..prev.clone()
                });
            }
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::{dates, sentences};
    use crate::source::LoadOptions;

    fn timeline(body: &str, date: &str) -> Vec<(String, String)> {
        let a = Article::parse(body, "t", LoadOptions::PLAIN)
            .unwrap()
            .with_date(NaiveDate::parse_from_str(date, "%Y-%m-%d").ok());
        let s = sentences::split(&a);
        let t = dates::find(&a, &s);
        build(&a, &s, &t)
            .into_iter()
            .map(|i| (i.label, a.text()[i.sentence].to_string()))
            .collect()
    }

    #[test]
    fn sorted_by_period_with_labels() {
        let got = timeline(
            "The plant opened in June 2014. Work began in early 2014. It closed last week. \
             A review is planned for the 1990s archive.",
            "2016-04-21",
        );
        let labels: Vec<&str> = got.iter().map(|(l, _)| l.as_str()).collect();
        assert_eq!(
            labels,
            ["1990s", "early 2014", "Jun 2014", "11–17 Apr 2016"]
        );
    }

    #[test]
    fn universal_time_is_labelled_utc() {
        let got = timeline("The quake struck at 16:08 UTC.", "2016-04-21");
        assert_eq!(got.len(), 1);
        assert_eq!(got[0].0, "21 Apr 2016 16:08 UTC");
    }

    #[test]
    fn anchored_durations_count_plain_durations_do_not() {
        let got = timeline(
            "Talks ran for 90 minutes. Tensions have flared in the past week.",
            "2016-04-21",
        );
        assert_eq!(got.len(), 1);
        assert_eq!(got[0].0, "≈ 11–17 Apr 2016");
    }

    #[test]
    fn references_are_omitted_and_unresolved_go_last() {
        let got = timeline(
            "Prices rose recently. The vote was on April 20. It ended in 2002.",
            "",
        );
        let labels: Vec<&str> = got.iter().map(|(l, _)| l.as_str()).collect();
        assert_eq!(labels, ["2002", "20 Apr (year unknown)"]);
    }

    #[test]
    fn continuation_joins_the_last_incident_of_the_paragraph() {
        let got = timeline(
            "Jets buzzed a ship on Monday. It was close. In another incident a plane was \
             intercepted.\n\nIn another development, talks resumed.",
            "2016-04-21",
        );
        assert_eq!(got.len(), 2);
        assert_eq!(got[0].0, got[1].0);
        assert!(got[1].1.starts_with("In another incident"));
    }
}
