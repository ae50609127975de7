//! The printer as the action runner's [`Console`]: the runner (in `actions`, below this floor)
//! shows, asks and reports progress only through this, so a change looks the same whichever
//! command asked for it.

use crate::actions::runner::{Console, Shown};
use crate::actions::Step;
use crate::error::Error;
use crate::ui::Printer;

impl Console for Printer {
    fn json(&self) -> bool {
        Printer::json(self)
    }

    fn interactive(&self) -> bool {
        self.interactive
    }

    fn line(&self, text: &str) {
        Printer::line(self, text)
    }

    fn note(&self, text: &str) {
        Printer::note(self, text)
    }

    fn must(&self, text: &str) {
        Printer::must(self, text)
    }

    fn document(&self, doc: &serde_json::Value) {
        self.json_value(doc)
    }

    fn stdout_open(&self) -> bool {
        Printer::stdout_open(self)
    }

    fn confirm(&self, yes: bool, question: &str) -> Result<(), Error> {
        Printer::confirm(self, yes, question)
    }

    fn progress(&self, moving: Option<u64>) -> Box<dyn Fn(Step<'_>) + Sync + '_> {
        let bar = self.action_bar(moving);
        Box::new(move |s| crate::ui::show_step(bar.as_ref(), s))
    }

    fn show(&self, shown: Shown<'_>) {
        match shown {
            Shown::Verification(report) => crate::ui::tables::verification(self, report),
            Shown::Moved { report, secs, entry } => crate::ui::tables::redrive_report(self, report, secs, entry),
            Shown::Rehearsal { inspection, dest } => {
                let n = inspection.would_move.unwrap_or(0);
                if Printer::json(self) {
                    self.json_value(&serde_json::json!({"dry_run": true, "would_move": n, "inspection": inspection}));
                } else {
                    crate::ui::tables::dlq_inspection(self, inspection);
                    Printer::line(
                        self,
                        format!(
                            "dry run: {n} of {} message(s) would move to {dest}; nothing was moved",
                            inspection.messages
                        ),
                    );
                }
            }
        }
    }
}
