//! Topic stage: key phrases and IPTC Media Topics categories.
//!
//! Both read one shared vocabulary of the document ([`words::Words`]): every word lower-cased and
//! stemmed once.

pub mod categories;
pub mod keyphrases;
pub mod words;

use super::entities::Found;
use super::model::Topics;
use super::text::Doc;

/// Runs the topic stage.
pub fn extract(doc: &Doc, found: &Found) -> Topics {
    let words = words::Words::new(doc, &found.words);
    Topics {
        keyphrases: keyphrases::extract(doc, found, &words),
        categories: categories::model().categorize(&words),
    }
}
