//! Entry point: parse, run, map the result to an exit code; nothing else.

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let cli = masst::cli::Cli::parse();
    match masst::run(cli) {
        Ok(masst::error::Outcome::Clear) => ExitCode::SUCCESS,
        Ok(masst::error::Outcome::Findings) => ExitCode::from(1),
        Err(e) => {
            eprintln!("masst: error: {e}");
            ExitCode::from(e.exit_code())
        }
    }
}
