//! Fuzz target: any bytes read as a scenario file are refused or give a scenario that
//! evaluates to finite results and writes to a file that reads back to the same scenario, bit
//! for bit, and writes again to the same text.

#![no_main]

use hatcalc::export::ScenarioFile;
use libfuzzer_sys::fuzz_target;

#[path = "check.rs"]
mod check;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(shared) = ScenarioFile::from_json(text) else {
        return;
    };
    check::evaluates_to_finite_results(&shared.scenario);
    let written = ScenarioFile::new(&shared.scenario, shared.preset, shared.seed, "").to_json();
    let back = ScenarioFile::from_json(&written)
        .unwrap_or_else(|e| panic!("its own file is refused: {e}"));
    assert_eq!(check::bits(&back.scenario), check::bits(&shared.scenario));
    assert_eq!(back, shared);
    let again = ScenarioFile::new(&back.scenario, back.preset, back.seed, "").to_json();
    assert_eq!(again, written);
});
