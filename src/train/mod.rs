//! Offline training of the shipped models (native only; `article-analyzer train …`).

pub mod ner;
pub mod topics;
