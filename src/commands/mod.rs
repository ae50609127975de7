//! One file per verb; each is thin: arguments in, library calls, the printer out.

pub mod completions;
pub mod diagnose;
pub mod runbook;
pub mod snapshot;

use crate::cli::Global;
use crate::engine::{self, RunbookSet};
use crate::error::{Error, Result};

/// The runbooks to use: `--runbooks DIR`, or the embedded ones.
pub fn runbooks(global: &Global) -> Result<RunbookSet> {
    match &global.runbooks {
        Some(dir) => engine::load_dir(dir).map_err(Error::Usage),
        None => Ok(engine::load_embedded()),
    }
}
