//! `lab up` on whichever loopback emulator the user runs: reset through its own route where it
//! has one, else go on only when nothing of the lab's world is there yet.

use crate::cli::run;
use crate::emulator::Emulator;

#[test]
fn lab_up_on_an_emulator_without_moto_reset_checks_that_it_is_empty_and_refuses_when_not() {
    let emu = Emulator::start();
    // As LocalStack or MiniStack answer moto's reset route: 405.
    emu.set_json(r#"{"refuse_reset": true}"#);
    let (code, out, err) = run(emu.masst().args(["lab", "up", "--scenario", "flash-sale"]));
    assert_eq!(code, 0, "an empty emulator needs no reset: {out}{err}");
    let (code, _, err) = run(emu.masst().args(["diagnose", "throttling", "--output", "json"]));
    assert_eq!(code, 1, "the world was built: {err}");
    // A second world on top of the first would mix them: refused, naming what is there.
    let (code, _, err) = run(emu.masst().args(["lab", "up", "--scenario", "healthy"]));
    assert_eq!(code, 2, "{err}");
    for there in ["SQS queue mangaassist-batch", "AppConfig application MangaAssist", "ECS cluster", "metrics in"] {
        assert!(err.contains(there), "names {there}: {err}");
    }
    assert!(err.contains("masst lab down"), "says what to do: {err}");
    // Where the reset route answers, lab up resets and builds again.
    emu.set_json(r#"{"refuse_reset": false}"#);
    emu.lab_up("healthy");
}
