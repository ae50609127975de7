//! The data files compiled into the binary: every `runbooks/*.toml`, `scenarios/*.toml` and
//! `audits/*.toml`, listed by `build.rs`, so a new runbook, scenario or audit is only a file.

include!(concat!(env!("OUT_DIR"), "/embedded.rs"));
