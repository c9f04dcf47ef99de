//! Temporal expressions (TIMEX3-style) and their normalised values.

use std::ops::Range;

use crate::source::Article;

/// TimeML's TIMEX3 types.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum TimexType {
    Date,
    Time,
    Duration,
    Set,
}

impl TimexType {
    pub fn as_str(self) -> &'static str {
        match self {
            TimexType::Date => "DATE",
            TimexType::Time => "TIME",
            TimexType::Duration => "DURATION",
            TimexType::Set => "SET",
        }
    }
}

/// One temporal expression.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Timex {
    pub range: Range<usize>,
    pub kind: TimexType,
    /// TIMEX3 value: `2016-04-20`, `2014`, `P2Y`, `PAST_REF`, `XXXX-04-20` when unresolved.
    pub value: String,
    /// TIMEX3 modifier: `START`, `MID`, `END`, `APPROX`, `LESS_THAN`…
    pub modifier: Option<String>,
}

/// Finds and normalises the temporal expressions of `article`, anchored at its date.
pub fn find(_article: &Article, _sentences: &[Range<usize>]) -> Vec<Timex> {
    Vec::new()
}
