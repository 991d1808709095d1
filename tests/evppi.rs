//! EVPPI: the regression estimator reproduces closed-form answers on synthetic draws, is bounded
//! by the EVPI on the model's own draws, gives nothing to an input the model never reads,
//! recovers the EVPI from every input together, and is reproducible from a seed.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use hatcalc::analysis::{
    evppi, evppi_of_run, partial_evpi, psa, Estimate, Kind, PsaConfig, PsaRun, Undefined,
};
use hatcalc::model::evaluate;
use hatcalc::{Scenario, P};
use rand_distr::{Distribution, Normal, Uniform};
use rand_xoshiro::rand_core::SeedableRng;
use rand_xoshiro::Xoshiro256PlusPlus;

/// Standard normal density.
fn pdf(z: f64) -> f64 {
    (-0.5 * z * z).exp() / (2.0 * std::f64::consts::PI).sqrt()
}

/// Standard normal distribution function (Abramowitz & Stegun 26.2.17, error < 7.5e-8).
fn cdf(z: f64) -> f64 {
    let t = 1.0 / (1.0 + 0.231_641_9 * z.abs());
    let poly = t
        * (0.319_381_530
            + t * (-0.356_563_782
                + t * (1.781_477_937 + t * (-1.821_255_978 + t * 1.330_274_429))));
    let upper = pdf(z) * poly;
    if z >= 0.0 {
        1.0 - upper
    } else {
        upper
    }
}

/// EVPPI of knowing the inputs behind the part `s·Z` of `INB = μ + s·Z + rest`, Z standard
/// normal: `E[max(0, μ + sZ)] − max(0, μ) = μ Φ(μ/s) + s φ(μ/s) − max(0, μ)`.
fn closed_form(mu: f64, s: f64) -> f64 {
    mu * cdf(mu / s) + s * pdf(mu / s) - mu.max(0.0)
}

fn value(e: Estimate) -> f64 {
    e.value().unwrap_or_else(|| panic!("not estimated: {e:?}"))
}

fn raw(e: Estimate) -> f64 {
    match e {
        Estimate::Value { raw, .. } => raw,
        Estimate::Undefined { reason } => panic!("not estimated: {reason:?}"),
    }
}

/// Synthetic draws: `INB = μ + Σ_j c_j (X_j − m_j)` with independent normal inputs.
struct Linear {
    mu: f64,
    coef: [f64; 3],
    mean: [f64; 3],
    sd: [f64; 3],
    x: [Vec<f64>; 3],
    inb: Vec<f64>,
}

impl Linear {
    fn draw(n: usize, seed: u64, mu: f64) -> Linear {
        let (coef, mean, sd) = ([1_000.0, 1_500.0, 500.0], [10.0, 0.0, 5.0], [2.0, 1.0, 3.0]);
        let mut rng = Xoshiro256PlusPlus::seed_from_u64(seed);
        let x: [Vec<f64>; 3] = std::array::from_fn(|j| {
            let d = Normal::new(mean[j], sd[j]).unwrap();
            (0..n).map(|_| d.sample(&mut rng)).collect()
        });
        let inb = (0..n)
            .map(|i| mu + (0..3).map(|j| coef[j] * (x[j][i] - mean[j])).sum::<f64>())
            .collect();
        Linear {
            mu,
            coef,
            mean,
            sd,
            x,
            inb,
        }
    }

    /// Closed-form EVPPI of the inputs `subset`, and the Monte Carlo standard error of an
    /// estimate from these draws: the standard deviation over draws of
    /// `max(0, g(x_i)) − INB_i` (the estimator's terms with the true g, μ > 0) over √n.
    fn truth(&self, subset: &[usize]) -> (f64, f64) {
        let s = subset
            .iter()
            .map(|j| (self.coef[*j] * self.sd[*j]).powi(2))
            .sum::<f64>()
            .sqrt();
        let n = self.inb.len();
        let d: Vec<f64> = (0..n)
            .map(|i| {
                let g = self.mu
                    + subset
                        .iter()
                        .map(|j| self.coef[*j] * (self.x[*j][i] - self.mean[*j]))
                        .sum::<f64>();
                g.max(0.0) - if self.mu > 0.0 { self.inb[i] } else { 0.0 }
            })
            .collect();
        let m = d.iter().sum::<f64>() / n as f64;
        let sd = (d.iter().map(|v| (v - m) * (v - m)).sum::<f64>() / (n - 1) as f64).sqrt();
        (closed_form(self.mu, s), sd / (n as f64).sqrt())
    }

    fn inputs(&self, subset: &[usize]) -> Vec<&[f64]> {
        subset.iter().map(|j| self.x[*j].as_slice()).collect()
    }
}

/// Known answer: with INB linear in normal inputs, the EVPPI of one input, of a pair and of all
/// three has a closed form; the estimator must land within four Monte Carlo standard errors.
#[test]
fn a_linear_net_benefit_in_normal_inputs_gives_the_closed_form_evppi() {
    let lin = Linear::draw(20_000, 2026, 1_000.0);
    for subset in [&[0][..], &[1], &[2], &[0, 1], &[0, 1, 2]] {
        let (truth, se) = lin.truth(subset);
        let est = value(partial_evpi(&lin.inputs(subset), &lin.inb));
        eprintln!(
            "inputs {subset:?}: estimate {est:.1}, closed form {truth:.1}, standard error {se:.1}"
        );
        assert!(
            (est - truth).abs() <= 4.0 * se,
            "inputs {subset:?}: {est} vs closed form {truth} (se {se})"
        );
    }
    // Every input together is perfect information: the EVPPI is the EVPI of the draws.
    let all = partial_evpi(&lin.inputs(&[0, 1, 2]), &lin.inb);
    let evpi = hatcalc::analysis::evpi(&lin.inb);
    assert!((raw(all) - evpi).abs() <= 1e-6 * evpi, "{all:?} vs {evpi}");
}

#[test]
fn an_input_the_net_benefit_ignores_is_worth_nothing() {
    // Synthetic: the worst case for noise, a decision on a knife edge (mean INB 0).
    let lin = Linear::draw(20_000, 7, 0.0);
    let mut rng = Xoshiro256PlusPlus::seed_from_u64(99);
    let unrelated: Vec<f64> = (0..20_000)
        .map(|_| Uniform::new(0.0, 1.0).unwrap().sample(&mut rng))
        .collect();
    let evpi = hatcalc::analysis::evpi(&lin.inb);
    let e = value(partial_evpi(&[&unrelated], &lin.inb));
    eprintln!("synthetic: unrelated input {e:.2} of an EVPI of {evpi:.1}");
    assert!(e <= 0.02 * evpi, "{e} of an EVPI of {evpi}");
    // On the model's own draws, an extra column the model never reads gets nothing.
    let s = Scenario::us_default();
    let mut run = PsaRun::new(&s, PsaConfig::new(5_000, 11));
    run.step(usize::MAX);
    let w = s.get(P::WtpPerQaly);
    let inb: Vec<f64> = run
        .draws()
        .iter()
        .map(|d| w * d.delta_qalys - d.delta_cost)
        .collect();
    let mut rng = Xoshiro256PlusPlus::seed_from_u64(5);
    let unrelated: Vec<f64> = (0..inb.len())
        .map(|_| Uniform::new(0.0, 1.0).unwrap().sample(&mut rng))
        .collect();
    let evpi = hatcalc::analysis::evpi(&inb);
    let e = value(partial_evpi(&[&unrelated], &inb));
    eprintln!("model: unrelated input {e:.2} of an EVPI of {evpi:.1}");
    assert!(e <= 0.01 * evpi, "{e} of an EVPI of {evpi}");
}

#[test]
fn no_input_or_group_is_worth_more_than_perfect_information_on_everything() {
    let s = Scenario::us_default();
    let cfg = PsaConfig::new(5_000, 3);
    let r = evppi(&s, cfg);
    // The bound is the Monte Carlo's own EVPI, from the same draws.
    assert_eq!(r.evpi, psa(&s, cfg).evpi);
    assert!(r.evpi > 0.0);
    assert!(!r.inputs.is_empty() && !r.groups.is_empty());
    for row in r.inputs.iter().chain(&r.groups) {
        let (v, raw) = (value(row.per_patient), raw(row.per_patient));
        // Before clamping too: the clamp must not hide an estimate above the bound.
        assert!(raw <= 1.02 * r.evpi, "{}: {raw} > EVPI {}", row.id, r.evpi);
        assert!((0.0..=r.evpi).contains(&v), "{}: {v}", row.id);
    }
    // A group is worth at least (within noise) any one of its inputs.
    for g in &r.groups {
        for i in r
            .inputs
            .iter()
            .filter(|i| g.params.contains(&i.id.as_str()))
        {
            let (gv, iv) = (value(g.per_patient), value(i.per_patient));
            assert!(gv >= iv - 0.02 * r.evpi, "{} {gv} < {} {iv}", g.id, i.id);
        }
    }
    // Ranked: highest first.
    for rows in [&r.inputs, &r.groups] {
        assert!(rows
            .windows(2)
            .all(|w| value(w[0].per_patient) >= value(w[1].per_patient)));
    }
    // Crime, the largest share of the decision uncertainty at US defaults, is ranked first.
    assert_eq!(r.groups[0].id, "crime");
    assert_eq!(r.inputs[0].id, "crime.rr.injectable");
}

/// Every drawn input together is perfect information. The regression (splines and pairwise
/// products) misses part of the model's higher-order interactions, so it is held to 20%.
#[test]
fn every_input_together_recovers_the_evpi() {
    let r = evppi(&Scenario::us_default(), PsaConfig::new(5_000, 3));
    assert_eq!(r.all.kind, Kind::All);
    assert_eq!(r.all.params.len(), r.inputs.len());
    let all = raw(r.all.per_patient);
    eprintln!("every input together: {all:.0}; EVPI {:.0}", r.evpi);
    assert!(
        (all - r.evpi).abs() <= 0.2 * r.evpi,
        "every input together {all} vs EVPI {}",
        r.evpi
    );
}

#[test]
fn a_seed_reproduces_the_evppi_exactly_and_chunks_change_nothing() {
    let s = Scenario::us_default();
    let a = evppi(&s, PsaConfig::new(800, 42));
    assert_eq!(a, evppi(&s, PsaConfig::new(800, 42)));
    let mut run = PsaRun::new(&s, PsaConfig::new(800, 42));
    while !run.finished() {
        run.step(70);
    }
    assert_eq!(evppi_of_run(&run), a);
    assert_ne!(evppi(&s, PsaConfig::new(800, 43)).evpi, a.evpi);
}

#[test]
fn the_programme_value_is_the_per_patient_value_times_its_patients() {
    let s = Scenario::us_default();
    let r = evppi(&s, PsaConfig::new(2_000, 5));
    let o = evaluate(&s);
    let k = o.programme.slot_years_discounted / o.intervention.treated_years_discounted;
    assert_eq!(r.programme_patients, Some(k));
    assert_eq!(r.evpi_programme, Some(r.evpi * k));
    for row in r.inputs.iter().chain(&r.groups) {
        assert_eq!(row.programme, row.per_patient.value().map(|v| v * k));
    }
}

#[test]
fn too_few_draws_or_constant_inputs_are_undefined_with_a_reason_never_nan() {
    let lin = Linear::draw(1_000, 1, 100.0);
    let few = partial_evpi(&[&lin.x[0][..30]], &lin.inb[..30]);
    assert_eq!(
        few,
        Estimate::Undefined {
            reason: Undefined::TooFewDraws {
                draws: 30,
                needed: 50
            }
        }
    );
    let constant = vec![3.0; 1_000];
    assert_eq!(
        partial_evpi(&[&constant], &lin.inb),
        Estimate::Undefined {
            reason: Undefined::ConstantInputs
        }
    );
    let mut bad = lin.inb.clone();
    bad[7] = f64::NAN;
    assert_eq!(
        partial_evpi(&[&lin.x[0]], &bad),
        Estimate::Undefined {
            reason: Undefined::NotFinite
        }
    );
    assert_eq!(
        partial_evpi(&[&lin.x[0][..10]], &lin.inb),
        Estimate::Undefined {
            reason: Undefined::LengthMismatch
        }
    );
    assert_eq!(partial_evpi(&[], &[]).value(), None);
    // A short run: groups too large for the draws are undefined, nothing is NaN.
    let r = evppi(&Scenario::us_default(), PsaConfig::new(40, 1));
    for row in r.inputs.iter().chain(&r.groups).chain([&r.all]) {
        match row.per_patient {
            Estimate::Value { value, raw, .. } => assert!(value.is_finite() && raw.is_finite()),
            Estimate::Undefined { reason } => {
                assert!(matches!(reason, Undefined::TooFewDraws { draws: 40, .. }))
            }
        }
    }
    // Nothing drawn: no inputs, no groups, and every input together has nothing to learn.
    let flat = evppi(
        &Scenario::us_default(),
        PsaConfig {
            spread: 0.0,
            ..PsaConfig::new(100, 1)
        },
    );
    assert!(flat.inputs.is_empty() && flat.groups.is_empty());
    assert_eq!(flat.evpi, 0.0);
    assert_eq!(
        flat.all.per_patient,
        Estimate::Undefined {
            reason: Undefined::ConstantInputs
        }
    );
}

#[test]
fn evppi_computed_row_by_row_equals_evppi_computed_at_once() {
    // The page spreads the estimates over short steps; the numbers must not depend on it.
    let s = hatcalc::Scenario::us_default();
    let mut run = hatcalc::analysis::PsaRun::new(&s, hatcalc::analysis::PsaConfig::new(1_500, 3));
    run.step(usize::MAX);
    let whole = hatcalc::analysis::evppi_of_run(&run);
    let mut stepwise = hatcalc::analysis::EvppiRun::new(&run, true);
    while !stepwise.finished() {
        stepwise.step(&run, 2);
    }
    assert_eq!(stepwise.result(), whole);
    // Without the every-input row, that row says it was not estimated; the rest is the same.
    let mut page = hatcalc::analysis::EvppiRun::new(&run, false);
    while !page.finished() {
        page.step(&run, 3);
    }
    let page = page.result();
    assert_eq!(page.inputs, whole.inputs);
    assert_eq!(page.groups, whole.groups);
    assert!(matches!(
        page.all.per_patient,
        Estimate::Undefined {
            reason: hatcalc::analysis::Undefined::NotEstimated
        }
    ));
}

#[test]
fn estimates_made_on_another_run_over_the_same_draws_give_the_same_evppi() {
    // The page estimates on a worker and rebuilds the rows where it shows them.
    let s = hatcalc::Scenario::us_default();
    let mut run = hatcalc::analysis::PsaRun::new(&s, hatcalc::analysis::PsaConfig::new(1_500, 3));
    run.step(usize::MAX);
    let mut there = hatcalc::analysis::EvppiRun::new(&run, false);
    let mut here = hatcalc::analysis::EvppiRun::new(&run, false);
    while !there.finished() {
        there.step(&run, 1);
        here.accept(&there.estimates());
        assert_eq!(here.done(), there.done());
    }
    assert!(here.finished());
    assert_eq!(here.result(), there.result());
    // Estimates beyond the run's rows, or taken twice, change nothing.
    let mut more = there.estimates();
    more.push(more[0]);
    here.accept(&more);
    assert_eq!(here.result(), there.result());
}
