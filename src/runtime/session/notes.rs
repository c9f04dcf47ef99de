//! The notes of the open article, kept in its store as the reader makes them.

use std::sync::Arc;

use crate::app::{Action, Effect};
use crate::notes::Store;
use crate::source::Article;

/// Carries out note effects against the notes store of one article.
#[derive(Debug)]
pub struct NotesEffects {
    store: Option<Store>,
    article: Arc<Article>,
}

impl NotesEffects {
    pub fn new(store: Store, article: Arc<Article>) -> Self {
        NotesEffects {
            store: Some(store),
            article,
        }
    }

    /// For when there is nowhere to keep notes: every change is refused with a message.
    pub fn disabled(article: Arc<Article>) -> Self {
        NotesEffects {
            store: None,
            article,
        }
    }

    /// The article the notes are on.
    pub fn article(&self) -> &Arc<Article> {
        &self.article
    }

    /// The notes of the article, as kept.
    pub fn notes(&self) -> Vec<crate::notes::Note> {
        self.store
            .as_ref()
            .map(|s| s.notes().to_vec())
            .unwrap_or_default()
    }

    pub fn handle(&mut self, effect: Effect) -> Vec<Action> {
        let Some(store) = self.store.as_mut() else {
            return vec![Action::Message(
                "notes are not available: no data directory".into(),
            )];
        };
        let article = &self.article;
        let result = match effect {
            Effect::AddNote { range, label, body } => {
                store.add(article, range, &label, &body).map(|_| None)
            }
            Effect::EditNote { id, body } => store.edit(article, &id, &body).map(|()| None),
            Effect::SetLabel { id, label } => store.set_label(article, &id, &label).map(|()| None),
            Effect::DeleteNote { id } => store.delete(article, &id).map(|()| None),
            Effect::ExportNotes => {
                let md = crate::notes::to_markdown(article, store.notes(), chrono::Utc::now());
                let path = store.path().with_extension("md");
                std::fs::write(&path, md)
                    .map(|()| Some(format!("notes exported to {}", path.display())))
                    .map_err(|e| crate::notes::NotesError::Io {
                        path: path.clone(),
                        error: e,
                    })
            }
            Effect::Quit
            | Effect::OpenArticle { .. }
            | Effect::CloseArticle { .. }
            | Effect::RememberSort(_)
            | Effect::Refresh => {
                return Vec::new();
            }
        };
        let mut out = vec![Action::NotesChanged(store.notes().to_vec())];
        match result {
            Ok(Some(message)) => out.push(Action::Message(message)),
            Ok(None) => {}
            Err(e) => out.push(Action::Message(format!("notes not saved: {e}"))),
        }
        out
    }
}
