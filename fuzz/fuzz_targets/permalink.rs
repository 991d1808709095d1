//! Fuzz target: any bytes read as a permalink are refused or give a scenario that evaluates to
//! finite results and encodes to a link that reads back to the same scenario, bit for bit.

#![no_main]

use hatcalc::presets::find;
use hatcalc::share::{decode, encode};
use libfuzzer_sys::fuzz_target;

#[path = "check.rs"]
mod check;

fuzz_target!(|data: &[u8]| {
    let Ok(text) = std::str::from_utf8(data) else {
        return;
    };
    let Ok(shared) = decode(text) else {
        return;
    };
    check::evaluates_to_finite_results(&shared.scenario);
    let preset = find(shared.preset).expect("a decoded link names a preset");
    let link = encode(&shared.scenario, preset, shared.seed);
    let back = decode(&link).unwrap_or_else(|e| panic!("{link} is refused: {e}"));
    assert_eq!(check::bits(&back.scenario), check::bits(&shared.scenario));
    assert_eq!(back, shared);
    assert_eq!(encode(&back.scenario, preset, back.seed), link);
});
