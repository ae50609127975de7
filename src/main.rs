//! Entry point: parse, run, map the result to an exit code; nothing else.

use std::process::ExitCode;

fn main() -> ExitCode {
    let cli = match masst::cli::Cli::parse_args() {
        Ok(cli) => cli,
        Err(e) => {
            // A bad command line is a usage error (exit 2); with `--output json` it is also
            // the one document on stdout.
            let json = std::env::args().collect::<Vec<_>>().windows(2).any(|w| w[0] == "--output" && w[1] == "json")
                || std::env::args().any(|a| a == "--output=json");
            if json && e.use_stderr() {
                let message =
                    e.to_string().lines().next().unwrap_or_default().trim_start_matches("error: ").to_string();
                println!("{}", serde_json::json!({"error": {"message": message, "kind": "usage", "exit_code": 2}}));
            }
            e.exit();
        }
    };
    let printer = masst::ui::Printer::new(cli.global.output, cli.global.quiet, cli.global.verbose);
    match masst::run(cli) {
        Ok(masst::error::Outcome::Clear) => ExitCode::SUCCESS,
        Ok(masst::error::Outcome::Findings) => ExitCode::from(1),
        Err(e) => {
            eprintln!("masst: error: {e}");
            printer.error_document(&e);
            ExitCode::from(e.exit_code())
        }
    }
}
