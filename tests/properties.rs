//! Properties over random input (proptest): reading any text as a permalink or a scenario file
//! never panics; every scenario a reader accepts evaluates to finite results, with shares in
//! [0, 1]; permalinks and scenario files round-trip bit for bit; and every analysis on random
//! accepted scenarios is finite or says in its type that it is undefined.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use hatcalc::analysis::{
    break_even, budget, check_claim_grid_with, curve, evppi, psa, thresholds, tornado, Claim,
    ClaimComparison, Metric, PsaConfig, Tolerance,
};
use hatcalc::model::{evaluate, trace, Outcome};
use hatcalc::money::{Economy, PriceBasis};
use hatcalc::presets::PRESETS;
use hatcalc::scenario::{CostInput, CrimeInput};
use hatcalc::share::{decode, encode};
use hatcalc::{Arm, Perspective, Scenario, P};
use proptest::prelude::*;
use proptest::test_runner::Config;

/// `n` cases, times `PROPTEST_SCALE` when set (for a longer search on demand:
/// `PROPTEST_SCALE=20 cargo test --release --features cli --test properties`).
fn cases(n: u32) -> Config {
    let scale = std::env::var("PROPTEST_SCALE")
        .ok()
        .and_then(|v| v.parse::<u32>().ok())
        .unwrap_or(1);
    Config::with_cases(n.saturating_mul(scale.max(1)))
}

/// The first token of a `{:?}` rendering that is a non-finite number ("NaN", "inf", "-inf"),
/// if any: every f64 in a result prints as one of these when it is not finite.
fn non_finite(debug: &str) -> Option<String> {
    debug
        .split(|c: char| !(c.is_alphanumeric() || c == '-' || c == '.' || c == '_'))
        .find(|t| matches!(*t, "NaN" | "-NaN" | "inf" | "-inf"))
        .map(str::to_string)
}

/// Fails the property when `value`'s rendering holds a non-finite number.
fn assert_finite<T: std::fmt::Debug>(what: &str, value: &T) -> Result<(), TestCaseError> {
    let text = format!("{value:?}");
    prop_assert!(
        non_finite(&text).is_none(),
        "{what} holds {:?}: {}",
        non_finite(&text),
        &text[..text.len().min(2000)]
    );
    Ok(())
}

/// Every number a user sees in an outcome is finite; shares, probabilities and deaths lie in
/// [0, 1]; so do the state shares of every month.
fn check_outcome(s: &Scenario, o: &Outcome) -> Result<(), TestCaseError> {
    assert_finite("the outcome", o)?;
    assert_finite(
        "the headline",
        &hatcalc::decide::headline(s, o).sentence("A", "b", |v| format!("{v:.0}")),
    )?;
    for arm in [&o.intervention, &o.comparator] {
        for x in arm.final_shares {
            prop_assert!((0.0..=1.0).contains(&x), "final share {x}");
        }
        for x in [arm.deaths, arm.overdose_deaths, arm.retained_12m] {
            prop_assert!((0.0..=1.0).contains(&x), "{x} outside [0, 1]");
        }
    }
    for c in &o.comparisons {
        if let Some(r) = c.benefit_cost_ratio {
            prop_assert!(r.is_finite());
        }
    }
    Ok(())
}

fn check_trace(s: &Scenario) -> Result<(), TestCaseError> {
    for arm in [s.settings.intervention, s.settings.comparator] {
        for (t, occ) in trace(s, arm).iter().enumerate() {
            for (i, x) in occ.iter().enumerate() {
                prop_assert!((0.0..=1.0).contains(x), "{arm:?} month {t} state {i}: {x}");
            }
        }
    }
    Ok(())
}

/// How a random value is placed within a parameter's accepted limits `[lo, hi]`.
#[derive(Debug, Clone, Copy)]
enum Place {
    Low,
    High,
    /// Just above the low limit (the smallest positive numbers).
    Tiny(u8),
    /// Just below the high limit.
    BelowHigh,
    NegativeZero,
    /// Uniform over the limits.
    Anywhere(f64),
    /// Uniform over the plausible range.
    Plausible(f64),
}

fn place() -> impl Strategy<Value = Place> {
    prop_oneof![
        Just(Place::Low),
        Just(Place::High),
        (0u8..4).prop_map(Place::Tiny),
        Just(Place::BelowHigh),
        Just(Place::NegativeZero),
        (0.0..=1.0f64).prop_map(Place::Anywhere),
        (0.0..=1.0f64).prop_map(Place::Plausible),
    ]
}

fn value_at(s: &Scenario, p: P, at: Place) -> f64 {
    let (lo, hi) = s.limits(p);
    let (pl, ph) = s.range(p);
    match at {
        Place::Low => lo,
        Place::High => hi,
        Place::Tiny(k) => lo + [5e-324, 1e-310, 1e-300, 1e-12][usize::from(k)],
        Place::BelowHigh => hi - hi.abs() * f64::EPSILON,
        Place::NegativeZero => {
            if lo == 0.0 {
                -0.0
            } else {
                lo
            }
        }
        Place::Anywhere(u) => lo + (hi - lo) * u,
        Place::Plausible(u) => (pl + (ph - pl) * u).clamp(lo, hi),
    }
}

/// A random accepted scenario: a preset, a price basis, settings, and up to 12 parameters set
/// anywhere within their limits (the exit shares scaled down when they add up to more than one).
#[derive(Clone)]
struct Case {
    preset: &'static str,
    seed: u64,
    scenario: Scenario,
}

/// A failing case as its permalink: short enough to read and to paste.
impl std::fmt::Debug for Case {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        let preset = hatcalc::presets::find(self.preset).unwrap();
        write!(f, "{}", encode(&self.scenario, preset, self.seed))
    }
}

#[allow(clippy::type_complexity)]
fn case() -> impl Strategy<Value = Case> {
    (
        0..PRESETS.len(),
        proptest::option::of((0..Economy::ALL.len(), 1995u16..=2026)),
        (0..Arm::ALL.len(), 0..Arm::ALL.len(), 0..3usize),
        (any::<bool>(), any::<bool>(), any::<bool>(), any::<bool>()),
        proptest::collection::vec((0..P::COUNT, place()), 0..12),
        any::<u64>(),
    )
        .prop_map(
            |(preset, basis, (i, c, persp), (parts, per_year, intangible, vsl), values, seed)| {
                let preset = &PRESETS[preset];
                let mut s = preset.scenario().unwrap();
                if let Some((e, year)) = basis {
                    // Years without price data are refused: keep the preset's basis then.
                    if let Ok(r) = s.rebased(PriceBasis::new(Economy::ALL[e], year)) {
                        s = r;
                    }
                }
                s.settings.intervention = Arm::ALL[i];
                s.settings.comparator = Arm::ALL[c];
                s.settings.perspective = Perspective::ALL[persp];
                s.settings.cost_input = if parts {
                    CostInput::Parts
                } else {
                    CostInput::Total
                };
                s.settings.crime_input = if per_year {
                    CrimeInput::PerYear
                } else {
                    CrimeInput::Offences
                };
                s.settings.include_intangible = intangible;
                s.settings.include_vsl = vsl;
                for (k, at) in values {
                    let p = P::ALL[k];
                    let v = value_at(&s, p, at);
                    s.set_unchecked_consistency(p, v).unwrap();
                }
                let (m, a) = (s.get(P::InjExitToMethadone), s.get(P::InjExitToAbstinence));
                if s.check_consistency().is_err() {
                    s.set_unchecked_consistency(P::InjExitToAbstinence, (1.0 - m).max(0.0) * 0.999)
                        .unwrap();
                    let _ = a;
                }
                s.check_consistency().unwrap();
                Case {
                    preset: preset.id,
                    seed,
                    scenario: s,
                }
            },
        )
}

/// Keys a permalink may carry, and some it may not.
const KEYS: [&str; 14] = [
    "v",
    "preset",
    "arms",
    "perspective",
    "cost",
    "crime",
    "intangible",
    "vsl",
    "money",
    "seed",
    "x.dam.retention_12m",
    "x.inj.exit_to_methadone",
    "x.mort.street",
    "x.",
];

/// Values that test the readers' edges.
const VALUES: [&str; 24] = [
    "1",
    "0",
    "-0",
    "nan",
    "NaN",
    "inf",
    "-inf",
    "1e-310",
    "5e-324",
    "1e308",
    "-1",
    "0.9",
    "heroin.none",
    "none.none",
    "society",
    "parts",
    "per_year",
    "US.2024",
    "CH.1990",
    "us",
    "dijkgraaf2005",
    "18446744073709551616",
    "",
    "%26",
];

/// Text shaped like a permalink: `v=1` and known or unknown keys with edge values, in any
/// order, sometimes repeated.
fn link_like() -> impl Strategy<Value = String> {
    let pair = prop_oneof![
        (0..KEYS.len(), 0..VALUES.len()).prop_map(|(k, v)| format!("{}={}", KEYS[k], VALUES[v])),
        (0..P::COUNT, any::<f64>()).prop_map(|(k, v)| format!("x.{}={v}", P::ALL[k].def().id)),
        (0..P::COUNT, "[-+0-9.eE]{0,12}")
            .prop_map(|(k, v)| format!("x.{}={v}", P::ALL[k].def().id)),
        "[ -~]{0,20}",
    ];
    (any::<bool>(), proptest::collection::vec(pair, 0..8)).prop_map(|(lead, pairs)| {
        let body = pairs.join("&");
        if lead {
            format!("?v=1&{body}")
        } else {
            body
        }
    })
}

/// Every accepted permalink's scenario evaluates to finite results and encodes back to a link
/// that decodes to the same scenario.
fn accepted_link(text: &str) -> Result<(), TestCaseError> {
    if let Ok(shared) = decode(text) {
        let s = &shared.scenario;
        check_outcome(s, &evaluate(s))?;
        let preset = hatcalc::presets::find(shared.preset).unwrap();
        let again = encode(s, preset, shared.seed);
        let back = decode(&again).unwrap();
        prop_assert_eq!(&back, &shared);
        prop_assert_eq!(encode(&back.scenario, preset, back.seed), again);
    }
    Ok(())
}

/// The scenario's values, bit for bit.
fn bits(s: &Scenario) -> Vec<u64> {
    s.values().iter().map(|v| v.to_bits()).collect()
}

proptest! {
    #![proptest_config(cases(256))]

    #[test]
    fn any_text_read_as_a_permalink_is_refused_or_evaluates(text in any::<String>()) {
        accepted_link(&text)?;
    }

    #[test]
    fn link_like_text_is_refused_or_evaluates_and_round_trips(text in link_like()) {
        accepted_link(&text)?;
    }
}

proptest! {
    #![proptest_config(cases(128))]

    #[test]
    fn every_accepted_scenario_evaluates_to_finite_results(c in case()) {
        let s = &c.scenario;
        check_outcome(s, &evaluate(s))?;
        check_trace(s)?;
    }

    #[test]
    fn permalinks_round_trip_bit_for_bit(c in case()) {
        let preset = hatcalc::presets::find(c.preset).unwrap();
        let link = encode(&c.scenario, preset, c.seed);
        let back = decode(&link).unwrap_or_else(|e| panic!("{link}: {e}"));
        prop_assert_eq!(bits(&back.scenario), bits(&c.scenario), "{}", link);
        prop_assert_eq!(back.scenario.settings, c.scenario.settings);
        prop_assert_eq!(back.scenario.basis(), c.scenario.basis());
        prop_assert_eq!(back.seed, c.seed);
        prop_assert_eq!(encode(&back.scenario, preset, back.seed), link);
    }
}

proptest! {
    // The analyses evaluate the model hundreds of times per case.
    #![proptest_config(cases(48))]

    #[test]
    fn the_analyses_are_finite_or_say_they_are_undefined(
        c in case(),
        p in 0..P::COUNT,
        m in 0..Metric::COUNT,
        target in prop_oneof![Just(0.0), Just(1.0), -1e6..1e6f64],
    ) {
        let s = &c.scenario;
        let (p, m) = (P::ALL[p], Metric::ALL[m]);
        assert_finite("break-even", &break_even(s, p, m, target, Tolerance::for_metric(m)))?;
        assert_finite("curve", &curve(s, p, m, 11))?;
        assert_finite("tornado", &tornado(s, m))?;
        assert_finite("thresholds", &thresholds(s))?;
        let b = budget(s);
        assert_finite("budget", &b)?;
        assert_finite("budget in words", &hatcalc::decide::budget_sentence(&b, |v| format!("{v:.0}")))?;
        assert_finite("budget CSV", &hatcalc::export::budget_csv(s, &b, &hatcalc::texts::Texts::all()))?;
        let mc = psa(s, PsaConfig::new(20, c.seed));
        assert_finite("Monte Carlo", &mc)?;
        prop_assert!(mc.net_benefit.is_some());
        assert_finite("results CSV", &hatcalc::export::outputs_csv(s, &evaluate(s), Some(&mc), "", &hatcalc::texts::Texts::all()))?;
        assert_finite("inputs CSV", &hatcalc::export::inputs_csv(s, &hatcalc::texts::Texts::all()))?;
        for x in std::iter::once(mc.prob_benefit_exceeds_cost)
            .chain(mc.prob_benefit_exceeds_cost_by_perspective)
        {
            prop_assert!((0.0..=1.0).contains(&x));
        }
    }
}

proptest! {
    #![proptest_config(cases(12))]

    #[test]
    fn claim_grids_and_evppi_are_finite_or_say_they_are_undefined(
        c in case(),
        m in 0..Metric::COUNT,
        target in prop_oneof![Just(0.0), Just(1.0), -1e6..1e6f64],
    ) {
        let s = &c.scenario;
        let claim = Claim {
            metric: Metric::ALL[m],
            comparison: ClaimComparison::AtLeast,
            target,
        };
        let grid = check_claim_grid_with(s, claim, Some(PsaConfig::new(20, c.seed)), false);
        assert_finite("claim grid", &grid)?;
        assert_finite("claim grid in words", &hatcalc::decide::claim_grid_sentence(&grid))?;
        assert_finite("EVPPI", &evppi(s, PsaConfig::new(200, c.seed)))?;
    }
}

#[cfg(feature = "json")]
mod files {
    use super::*;
    use hatcalc::export::ScenarioFile;

    /// Every accepted file's scenario evaluates to finite results and writes back to the same
    /// text.
    fn accepted_file(text: &str) -> Result<(), TestCaseError> {
        if let Ok(shared) = ScenarioFile::from_json(text) {
            let s = &shared.scenario;
            check_outcome(s, &evaluate(s))?;
            let written = ScenarioFile::new(s, shared.preset, shared.seed, "").to_json();
            let back = ScenarioFile::from_json(&written).unwrap();
            prop_assert_eq!(&back, &shared);
            prop_assert_eq!(
                ScenarioFile::new(&back.scenario, back.preset, back.seed, "").to_json(),
                written
            );
        }
        Ok(())
    }

    /// A valid file's JSON with one field replaced by a random value.
    fn file_like() -> impl Strategy<Value = String> {
        let value = prop_oneof![
            any::<f64>().prop_map(|v| serde_json::json!(v)),
            any::<i64>().prop_map(|v| serde_json::json!(v)),
            (0..VALUES.len()).prop_map(|v| serde_json::json!(VALUES[v])),
            "[ -~]{0,12}".prop_map(|v| serde_json::json!(v)),
            Just(serde_json::Value::Null),
        ];
        (case(), 0..8usize, 0..P::COUNT, value, any::<bool>()).prop_map(
            |(c, field, k, value, bom)| {
                let file = ScenarioFile::new(&c.scenario, c.preset, c.seed, "");
                let mut v = serde_json::to_value(&file).unwrap();
                match field {
                    0 => v["format"] = value,
                    1 => v["version"] = value,
                    2 => v["preset"] = value,
                    3 => v["seed"] = value,
                    4 => v["settings"]["arms"] = value,
                    5 => v["settings"]["money"] = value,
                    6 => v["inputs"][k]["id"] = value,
                    _ => v["inputs"][k]["value"] = value,
                }
                let text = serde_json::to_string(&v).unwrap();
                if bom {
                    format!("\u{feff}{text}")
                } else {
                    text
                }
            },
        )
    }

    proptest! {
        #![proptest_config(cases(256))]

        #[test]
        fn any_text_read_as_a_scenario_file_is_refused_or_evaluates(text in any::<String>()) {
            accepted_file(&text)?;
        }
    }

    proptest! {
        #![proptest_config(cases(128))]

        #[test]
        fn file_like_text_is_refused_or_evaluates_and_round_trips(text in file_like()) {
            accepted_file(&text)?;
        }

        #[test]
        fn scenario_files_round_trip_bit_for_bit(c in case()) {
            let text = ScenarioFile::new(&c.scenario, c.preset, c.seed, "").to_json();
            let back = ScenarioFile::from_json(&text).unwrap_or_else(|e| panic!("{e}"));
            prop_assert_eq!(bits(&back.scenario), bits(&c.scenario));
            prop_assert_eq!(back.scenario.settings, c.scenario.settings);
            prop_assert_eq!(back.scenario.basis(), c.scenario.basis());
            prop_assert_eq!(back.seed, c.seed);
            prop_assert_eq!(back.preset, c.preset);
            prop_assert_eq!(
                ScenarioFile::new(&back.scenario, back.preset, back.seed, "").to_json(),
                text
            );
        }
    }
}

#[test]
fn the_non_finite_check_finds_what_it_looks_for() {
    assert_eq!(non_finite("Foo { a: 1.0, b: NaN }").as_deref(), Some("NaN"));
    assert_eq!(non_finite("[1.0, -inf]").as_deref(), Some("-inf"));
    assert_eq!(non_finite("Some(inf)").as_deref(), Some("inf"));
    assert_eq!(
        non_finite("\"information on infections\", 1e300, None"),
        None
    );
}
