//! Notes out of lectern and back in: Markdown to read and cite, W3C Web Annotation JSON to move
//! between tools (and back into lectern).

use chrono::{DateTime, Utc};
use serde_json::{Value, json};
use sha2::{Digest, Sha256};

use super::{Anchor, DEFAULT_LABEL, Note, ParseError, TextIndex};
use crate::source::Article;

/// The JSON-LD context every Web Annotation names.
const CONTEXT: &str = "http://www.w3.org/ns/anno.jsonld";
/// Ids are IRIs in the model; lectern's own ids travel inside this URN.
const ID_PREFIX: &str = "urn:lectern:note:";

/// Where the article came from, for the reader of an export: its file, else its URL.
fn source_of(article: &Article) -> Option<String> {
    article
        .meta
        .path
        .as_ref()
        .map(|p| p.display().to_string())
        .or_else(|| article.meta.url.clone())
}

/// The anchor as it is in the current text: an attached note exports the passage it is on now
/// (which an approximate match may have changed), a detached one what it was made on.
fn current_anchor(idx: &TextIndex, note: &Note) -> Anchor {
    match &note.range {
        Some(r) => idx.anchor(r.clone()),
        None => note.anchor.clone(),
    }
}

/// Markdown with YAML front matter (between `---` lines, as notes apps such as Obsidian and
/// site generators read it, and as lectern itself opens a Markdown file): each highlight a
/// blockquote followed by its label and note, in text order; detached notes in a last section,
/// since they have no place in the text.
pub fn to_markdown(article: &Article, notes: &[Note], exported: DateTime<Utc>) -> String {
    // A JSON string is a YAML double-quoted scalar: any title is quoted safely.
    let quoted = |s: &str| serde_json::to_string(s).unwrap_or_else(|_| "\"\"".into());
    let date = article
        .meta
        .date
        .unwrap_or_else(|| exported.date_naive())
        .to_string();
    let mut front = format!(
        "title: {}\n# The article's date when known, else the day of the export.\ndate: {}\n",
        quoted(&article.meta.title),
        quoted(&date)
    );
    if let Some(source) = source_of(article) {
        front.push_str(&format!("source: {}\n", quoted(&source)));
    }
    front.push_str(&format!("exported: {}\n", quoted(&exported.to_rfc3339())));
    let mut out = format!("---\n{front}---\n\n# Notes: {}\n", article.meta.title);
    let text = article.text();
    let entry = |out: &mut String, quote: &str, note: &Note| {
        out.push('\n');
        for line in quote.lines() {
            out.push_str(if line.is_empty() { ">" } else { "> " });
            out.push_str(line);
            out.push('\n');
        }
        out.push_str(&format!("\n*{}*", note.label));
        if note.body.trim().is_empty() {
            out.push('\n');
        } else {
            out.push_str(" — ");
            out.push_str(note.body.trim());
            out.push('\n');
        }
    };
    for note in notes {
        if let Some(r) = &note.range {
            entry(
                &mut out,
                text.get(r.clone()).unwrap_or(&note.anchor.exact),
                note,
            );
        }
    }
    if notes.iter().any(|n| n.range.is_none()) {
        out.push_str(
            "\n## Detached\n\nThese passages are no longer in the article as it is now.\n",
        );
        for note in notes.iter().filter(|n| n.range.is_none()) {
            entry(&mut out, &note.anchor.exact, note);
        }
    }
    out
}

/// An `AnnotationCollection` of Web Annotations, one per note, each targeting its passage by a
/// `TextQuoteSelector` and a `TextPositionSelector` (char offsets into the article text).
pub fn to_json(article: &Article, notes: &[Note]) -> Value {
    let idx = TextIndex::new(article.text());
    let source = source_of(article).unwrap_or_else(|| {
        let digest = Sha256::digest(article.text().as_bytes());
        let hex: String = digest.iter().map(|b| format!("{b:02x}")).collect();
        format!("urn:sha256:{hex}")
    });
    let items: Vec<Value> = notes
        .iter()
        .map(|note| {
            let a = current_anchor(&idx, note);
            let mut body = vec![json!({
                "type": "TextualBody", "purpose": "tagging", "value": note.label,
            })];
            if !note.body.is_empty() {
                body.push(json!({
                    "type": "TextualBody", "purpose": "commenting",
                    "format": "text/plain", "value": note.body,
                }));
            }
            json!({
                "@context": CONTEXT,
                "id": format!("{ID_PREFIX}{}", note.id),
                "type": "Annotation",
                "motivation": if note.body.is_empty() { "highlighting" } else { "commenting" },
                "created": note.created.to_rfc3339(),
                "modified": note.updated.to_rfc3339(),
                "body": body,
                "target": {
                    "source": source,
                    "selector": [
                        { "type": "TextQuoteSelector", "exact": a.exact,
                          "prefix": a.prefix, "suffix": a.suffix },
                        { "type": "TextPositionSelector", "start": a.start, "end": a.end },
                    ],
                },
            })
        })
        .collect();
    json!({
        "@context": CONTEXT,
        "type": "AnnotationCollection",
        "label": article.meta.title,
        "total": items.len(),
        "first": { "type": "AnnotationPage", "startIndex": 0, "items": items },
    })
}

/// Notes from Web Annotation JSON: a collection as [`to_json`] writes it, a page, an array or
/// one annotation. Annotations need a `TextQuoteSelector`; the position defaults to the start.
/// Ranges are left unresolved for the store to anchor.
pub fn from_json(s: &str) -> Result<Vec<Note>, ParseError> {
    let err = |message: String| ParseError { message };
    let v: Value = serde_json::from_str(s).map_err(|e| err(e.to_string()))?;
    let items = v
        .pointer("/first/items")
        .or_else(|| v.get("items"))
        .unwrap_or(&v);
    let items: Vec<&Value> = match items {
        Value::Array(a) => a.iter().collect(),
        other => vec![other],
    };
    items
        .into_iter()
        .enumerate()
        .map(|(i, item)| annotation(item).map_err(|m| err(format!("annotation {}: {m}", i + 1))))
        .collect()
}

/// One value or an array of them, as the model allows for bodies, targets and selectors.
fn many(v: Option<&Value>) -> Vec<&Value> {
    match v {
        Some(Value::Array(a)) => a.iter().collect(),
        Some(v) => vec![v],
        None => Vec::new(),
    }
}

fn annotation(item: &Value) -> Result<Note, String> {
    let str_of = |v: &Value, key: &str| v.get(key).and_then(Value::as_str).map(str::to_string);
    let selectors: Vec<&Value> = many(item.get("target"))
        .into_iter()
        .flat_map(|t| many(t.get("selector")))
        .collect();
    let of_type = |ty: &str| {
        selectors
            .iter()
            .find(|s| s.get("type").and_then(Value::as_str) == Some(ty))
    };
    let quote = of_type("TextQuoteSelector").ok_or("no TextQuoteSelector")?;
    let exact = str_of(quote, "exact")
        .filter(|e| !e.is_empty())
        .ok_or("empty quote")?;
    let chars = exact.chars().count();
    let (start, end) = match of_type("TextPositionSelector") {
        Some(p) => {
            let num = |k| p.get(k).and_then(Value::as_u64).map(|n| n as usize);
            match (num("start"), num("end")) {
                (Some(s), Some(e)) if s <= e => (s, e),
                _ => return Err("bad TextPositionSelector".to_string()),
            }
        }
        None => (0, chars),
    };
    let mut label = None;
    let mut comments = Vec::new();
    for b in many(item.get("body")) {
        let Some(value) = str_of(b, "value") else {
            continue;
        };
        if b.get("purpose").and_then(Value::as_str) == Some("tagging") {
            label.get_or_insert(value);
        } else {
            comments.push(value);
        }
    }
    comments.extend(str_of(item, "bodyValue"));
    let body = comments.join("\n\n");
    let time = |key| {
        str_of(item, key)
            .and_then(|t| DateTime::parse_from_rfc3339(&t).ok())
            .map(|t| t.with_timezone(&Utc))
    };
    let created = time("created").unwrap_or_else(Utc::now);
    // Foreign annotations without an id get one derived from their content, so importing the
    // same file twice does not duplicate them.
    let id = match str_of(item, "id") {
        Some(id) if !id.is_empty() => id.strip_prefix(ID_PREFIX).unwrap_or(&id).to_string(),
        _ => {
            let digest = Sha256::digest(format!("{exact}\u{0}{start}\u{0}{body}").as_bytes());
            let hex: String = digest.iter().take(8).map(|b| format!("{b:02x}")).collect();
            format!("import-{hex}")
        }
    };
    Ok(Note {
        id,
        label: label.unwrap_or_else(|| DEFAULT_LABEL.to_string()),
        body,
        created,
        updated: time("modified").unwrap_or(created),
        anchor: Anchor {
            exact,
            prefix: str_of(quote, "prefix").unwrap_or_default(),
            suffix: str_of(quote, "suffix").unwrap_or_default(),
            start,
            end,
        },
        range: None,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::source::LoadOptions;

    /// The Markdown export opens in lectern (and any notes app reading YAML front matter) with
    /// its title intact, however it is punctuated.
    #[test]
    fn the_markdown_export_reads_back_with_its_title() {
        let title = "Mr \"Okafor\" says: café — «no» \\ yes";
        let article = Article::parse(
            &format!("{title}\n\nThe talks resumed on Monday."),
            "a.txt",
            LoadOptions::default(),
        )
        .unwrap();
        let range = 0..article.text().len().min(10);
        let note = Note::new("n".into(), DEFAULT_LABEL, "check", article.text(), range);
        let md = to_markdown(&article, &[note], Utc::now());
        assert!(md.starts_with("---\ntitle: "), "{md}");
        let back = Article::parse(&md, "notes.md", LoadOptions::default()).unwrap();
        assert_eq!(back.meta.title, title, "{md}");
        assert!(back.warnings().is_empty(), "{:?}", back.warnings());
    }
}
