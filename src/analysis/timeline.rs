//! Incidents: dated sentences in chronological order.

use std::ops::Range;

use chrono::NaiveDate;

use super::dates::Timex;
use crate::source::Article;

/// Something that happened (or will) at a known time: a sentence and the date it carries.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Incident {
    /// TIMEX3 value of the date.
    pub value: String,
    /// How the date is shown: `2016-04-20`, `early 2014`, `≈ 2016-04-11…17`.
    pub label: String,
    /// First and last day of the period, inclusive; `None` when it could not be resolved.
    pub period: Option<(NaiveDate, NaiveDate)>,
    /// The sentence the incident is told in.
    pub sentence: Range<usize>,
    /// Index into the timexes that dated it.
    pub timex: usize,
}

/// Builds the timeline from the timexes.
pub fn build(_article: &Article, _sentences: &[Range<usize>], _timexes: &[Timex]) -> Vec<Incident> {
    Vec::new()
}
