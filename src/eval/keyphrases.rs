//! `eval keyphrases` (not implemented yet).

use super::Report;
use std::io;
use std::path::Path;

/// Not implemented yet.
pub fn run(_path: &Path) -> io::Result<Report> {
    Err(io::Error::other("eval keyphrases is not implemented yet"))
}
