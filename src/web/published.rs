//! When a web page says it was published.
//!
//! The date drives the timeline (relative dates are counted from it), so it is taken from what
//! the publisher states for machines, in the order of how deliberate the statement is: the
//! Open Graph `article:published_time` meta tag, schema.org's `datePublished` (JSON-LD or
//! microdata), then a `<time datetime>` element (preferably inside the `<article>`).

use chrono::{DateTime, NaiveDate};
use dom_query::Document;

/// The publication date-time as the page states it (`2024-03-05T10:00:00Z`, or a bare date).
pub fn published(html: &str) -> Option<String> {
    let doc = Document::from(html);
    let attr = |selector: &str, name: &str| {
        let found = doc.try_select(selector)?;
        found
            .iter()
            .filter_map(|n| n.attr(name))
            .map(|v| v.trim().to_string())
            .find(|v| !v.is_empty())
    };
    attr(
        "meta[property='article:published_time'], meta[name='article:published_time']",
        "content",
    )
    .or_else(|| json_ld(&doc))
    .or_else(|| attr("meta[itemprop='datePublished']", "content"))
    .or_else(|| attr("[itemprop='datePublished'][datetime]", "datetime"))
    .or_else(|| attr("article time[datetime]", "datetime"))
    .or_else(|| attr("time[datetime]", "datetime"))
}

/// The first `datePublished` in the page's JSON-LD blocks, wherever it is nested (`@graph`,
/// arrays of things).
fn json_ld(doc: &Document) -> Option<String> {
    let scripts = doc.try_select("script[type='application/ld+json']")?;
    scripts.iter().find_map(|s| {
        let value: serde_json::Value = serde_json::from_str(s.text().trim()).ok()?;
        find_key(&value, "datePublished")
    })
}

fn find_key(value: &serde_json::Value, key: &str) -> Option<String> {
    match value {
        serde_json::Value::Object(map) => map
            .get(key)
            .and_then(|v| v.as_str())
            .map(|s| s.trim().to_string())
            .filter(|s| !s.is_empty())
            .or_else(|| map.values().find_map(|v| find_key(v, key))),
        serde_json::Value::Array(items) => items.iter().find_map(|v| find_key(v, key)),
        _ => None,
    }
}

/// The calendar date of a stated publication time: the date where it was published (its own
/// offset), as the article's dateline would give it.
pub fn date_of(stamp: &str) -> Option<NaiveDate> {
    let stamp = stamp.trim();
    DateTime::parse_from_rfc3339(stamp)
        .map(|d| d.date_naive())
        .or_else(|_| DateTime::parse_from_rfc2822(stamp).map(|d| d.date_naive()))
        .ok()
        .or_else(|| {
            let head = stamp.get(..10)?;
            NaiveDate::parse_from_str(head, "%Y-%m-%d").ok()
        })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn open_graph_comes_first_then_json_ld_then_time() {
        let og = r#"<html><head>
            <meta property="article:published_time" content="2024-03-05T10:00:00+01:00">
            <script type="application/ld+json">{"datePublished": "2020-01-01"}</script>
            </head><body><time datetime="2019-01-01">then</time></body></html>"#;
        assert_eq!(published(og).as_deref(), Some("2024-03-05T10:00:00+01:00"));

        let ld = r#"<html><head><script type="application/ld+json">
            {"@context": "https://schema.org", "@graph": [{"@type": "WebPage"},
             {"@type": "NewsArticle", "datePublished": "2023-11-30T23:30:00-05:00"}]}
            </script></head><body><time datetime="2019-01-01">then</time></body></html>"#;
        assert_eq!(published(ld).as_deref(), Some("2023-11-30T23:30:00-05:00"));

        let time = r#"<html><body><nav><time datetime="2001-01-01">nav</time></nav>
            <article><p>Text <time datetime="2022-06-01">June 1</time></p></article></body></html>"#;
        assert_eq!(published(time).as_deref(), Some("2022-06-01"));

        let broken = r#"<script type="application/ld+json">{not json</script><p>x</p>"#;
        assert_eq!(published(broken), None);
    }

    #[test]
    fn the_date_is_the_one_where_it_was_published() {
        // Half past eleven at night in New York is the next day in UTC: the dateline says 30.
        assert_eq!(
            date_of("2023-11-30T23:30:00-05:00"),
            NaiveDate::from_ymd_opt(2023, 11, 30)
        );
        assert_eq!(
            date_of("Tue, 05 Mar 2024 10:00:00 +0000"),
            NaiveDate::from_ymd_opt(2024, 3, 5)
        );
        assert_eq!(date_of("2024-03-05"), NaiveDate::from_ymd_opt(2024, 3, 5));
        assert_eq!(date_of("yesterday"), None);
    }
}
