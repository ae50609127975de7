//! Entry point: parse, run, map the result to an exit code; nothing else.

use std::process::ExitCode;

use clap::Parser;

fn main() -> ExitCode {
    let cli = masst::cli::Cli::parse();
    let printer = masst::ui::Printer::new(cli.global.output, cli.global.quiet, cli.global.verbose);
    match masst::run(cli) {
        Ok(masst::error::Outcome::Clear) => ExitCode::SUCCESS,
        Ok(masst::error::Outcome::Findings) => ExitCode::from(1),
        Err(e) => {
            eprintln!("masst: error: {e}");
            printer.error_document(&e.to_string(), e.exit_code());
            ExitCode::from(e.exit_code())
        }
    }
}
