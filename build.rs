//! Embeds every file of `runbooks/`, `scenarios/` and `audits/` at build time, so adding one is
//! adding a file: no list in Rust to keep in step (a test checks nothing was left out).

use std::fmt::Write as _;
use std::path::PathBuf;

fn main() {
    let root = PathBuf::from(std::env::var("CARGO_MANIFEST_DIR").expect("cargo sets it"));
    let mut code = String::new();
    for (name, dir) in [("RUNBOOKS", "runbooks"), ("SCENARIOS", "scenarios"), ("AUDITS", "audits")] {
        println!("cargo:rerun-if-changed={dir}");
        let mut files: Vec<String> = std::fs::read_dir(root.join(dir))
            .unwrap_or_else(|e| panic!("cannot read {dir}/: {e}"))
            .filter_map(|e| e.ok())
            .map(|e| e.file_name().to_string_lossy().into_owned())
            .filter(|f| f.ends_with(".toml"))
            .collect();
        files.sort();
        let _ = writeln!(code, "/// Every `{dir}/*.toml`, by file name, in name order.");
        let _ = writeln!(code, "pub const {name}: &[(&str, &str)] = &[");
        for f in files {
            println!("cargo:rerun-if-changed={dir}/{f}");
            let path = root.join(dir).join(&f);
            let _ = writeln!(code, "    ({f:?}, include_str!({:?})),", path.display().to_string());
        }
        let _ = writeln!(code, "];");
    }
    let out = PathBuf::from(std::env::var("OUT_DIR").expect("cargo sets it")).join("embedded.rs");
    std::fs::write(out, code).expect("OUT_DIR is writable");
}
