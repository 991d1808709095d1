//! In-browser timings of the model for BENCHMARKS.md, run on demand (not part of `make test`):
//! `CARGO_TARGET_WASM32_UNKNOWN_UNKNOWN_RUNNER=wasm-bindgen-test-runner cargo test --release
//! -p hatcalc-web --target wasm32-unknown-unknown --test bench -- --include-ignored`.
//! They print timings and assert nothing about speed: the machine is shared and noisy.

#![cfg(target_arch = "wasm32")]
#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use hatcalc::analysis::{psa, PsaConfig};
use hatcalc::{evaluate, Scenario, P};
use wasm_bindgen_test::*;

wasm_bindgen_test_configure!(run_in_browser);

fn now() -> f64 {
    gloo::utils::window()
        .performance()
        .map(|p| p.now())
        .unwrap_or(0.0)
}

#[wasm_bindgen_test]
#[ignore = "benchmark: run with --include-ignored"]
fn timings() {
    let s = Scenario::us_default();
    // Warm up (long enough for the engine's optimising tier), then time.
    for _ in 0..3_000 {
        std::hint::black_box(evaluate(&s));
    }
    let n = 5_000;
    let t0 = now();
    for _ in 0..n {
        std::hint::black_box(evaluate(&s));
    }
    let per_eval_us = (now() - t0) * 1000.0 / f64::from(n);
    let mut runs = Vec::new();
    for seed in 0..5 {
        let t0 = now();
        std::hint::black_box(psa(&s, PsaConfig::new(10_000, seed)));
        runs.push(now() - t0);
    }
    runs.sort_by(f64::total_cmp);
    // Where an evaluation's time goes: its set-up (about the 1-year figure) and each year of
    // monthly cycles, from the fastest of eight alternating rounds at 1, 10 and 20 years.
    let mut best = [f64::MAX; 3];
    for _round in 0..8 {
        for (b, years) in best.iter_mut().zip([1.0, 10.0, 20.0]) {
            let mut h = s.clone();
            h.set(P::HorizonYears, years).unwrap();
            let t0 = now();
            for _ in 0..2_000 {
                std::hint::black_box(evaluate(&h));
            }
            *b = b.min((now() - t0) * 1000.0 / 2_000.0);
        }
    }
    console_log!("BENCH evaluate (10-year, both arms): {per_eval_us:.2} us per call");
    console_log!(
        "BENCH evaluate, fastest round: 1 year {:.2} us, 10 years {:.2} us, 20 years {:.2} us ({:.3} us a year)",
        best[0],
        best[1],
        best[2],
        (best[2] - best[1]) / 10.0
    );
    console_log!(
        "BENCH monte carlo 10,000 draws: median {:.1} ms (min {:.1}, max {:.1})",
        runs[2],
        runs[0],
        runs[4]
    );
}
