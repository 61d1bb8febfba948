//! `train ner` (not implemented yet).

use std::io;
use std::path::Path;

/// Trains from the gold sets under `data_dir` (normally `../shared/data`) and writes the model
/// files into `out_dir` (normally `data/`).
pub fn run(_data_dir: &Path, _out_dir: &Path) -> io::Result<()> {
    Err(io::Error::other("train ner is not implemented yet"))
}
