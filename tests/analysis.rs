//! Analyses agree with direct evaluations of the model: break-even values zero the metric,
//! tornado ends are the model at low and high, collapsed Monte Carlo is the deterministic
//! result, and a seeded run is reproducible and keeps the input values it drew.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use hatcalc::analysis::{
    break_even, check_claim, curve, curve_basis, frontier, grid, psa, tornado, Claim,
    ClaimComparison, Crossing, Metric, PsaConfig, PsaPart, PsaRun, Summary, Tolerance,
};
use hatcalc::model::evaluate;
use hatcalc::presets::find;
use hatcalc::{Perspective, Scenario, P};

fn base() -> Scenario {
    Scenario::us_default()
}

fn at(s: &Scenario, p: P, v: f64) -> Scenario {
    s.clone().with(p, v).unwrap()
}

#[test]
fn break_even_values_zero_the_net_benefit_within_tolerance() {
    let mut s = base();
    s.settings.perspective = Perspective::Society;
    for p in [
        P::CrimeRrInjectable,
        P::DamRetention12m,
        P::CrimePropertyRate,
        P::MmtCostYear,
    ] {
        let be = break_even(
            &s,
            p,
            Metric::NetBenefit,
            0.0,
            Tolerance::for_metric(Metric::NetBenefit),
        );
        if let Crossing::At { value, residual } = be.crossing {
            let direct = Metric::NetBenefit.eval(&at(&s, p, value)).unwrap();
            assert!(direct.abs() <= 0.01, "{}: {direct} at {value}", p.def().id);
            assert!((direct - residual).abs() < 1e-9);
        }
    }
    // Offending in injectable treatment decides whether society breaks even at the US
    // defaults (the taxpayer does not break even on any input's plausible range).
    let be = break_even(
        &s,
        P::CrimeRrInjectable,
        Metric::NetBenefit,
        0.0,
        Tolerance::for_metric(Metric::NetBenefit),
    );
    assert!(matches!(be.crossing, Crossing::At { .. }), "{be:?}");
}

#[test]
fn a_target_out_of_reach_says_so_with_the_sign_at_each_end() {
    let s = base();
    // No accepted heroin-treatment cost, even zero, makes the societal net benefit a billion.
    let be = break_even(
        &s,
        P::DamCostYear,
        Metric::NetBenefit,
        1e9,
        Tolerance::for_metric(Metric::NetBenefit),
    );
    match be.crossing {
        Crossing::NoneInRange { low, high } => {
            assert!(low.1 < 0.0 && high.1 < 0.0);
            // The whole accepted range is searched, not just the plausible one.
            let (lo, hi) = s.limits(P::DamCostYear);
            assert_eq!((low.0, high.0), (lo, hi));
            assert_eq!(be.range, (lo, hi));
        }
        other => panic!("{other:?}"),
    }
}

#[test]
fn break_even_searches_the_whole_accepted_range_and_solves_linear_inputs_directly() {
    let mut s = base();
    s.settings.perspective = Perspective::Government;
    // The taxpayer breaks even only at a heroin-treatment cost below the plausible range:
    // found anyway, solved directly since net benefit is linear in the cost, and flagged.
    let be = break_even(
        &s,
        P::DamCostYear,
        Metric::NetBenefit,
        0.0,
        Tolerance::for_metric(Metric::NetBenefit),
    );
    let Crossing::At { value, .. } = be.crossing else {
        panic!("{be:?}");
    };
    assert_eq!(be.method, hatcalc::analysis::Method::Direct);
    assert!(value < be.plausible.0, "{value} below {:?}", be.plausible);
    assert!(
        Metric::NetBenefit
            .eval(&at(&s, P::DamCostYear, value))
            .unwrap()
            .abs()
            <= 0.01
    );
    // A non-linear input is bracketed.
    let be = break_even(
        &s,
        P::CrimeRrInjectable,
        Metric::NetBenefit,
        -1e6,
        Tolerance::for_metric(Metric::NetBenefit),
    );
    assert_ne!(be.method, hatcalc::analysis::Method::Direct, "{be:?}");
}

#[test]
fn an_input_the_settings_do_not_use_is_named_with_the_setting_that_would_use_it() {
    // Hydromorphone's drug price counts only with hydromorphone treatment costed by parts.
    let s = base();
    let be = break_even(
        &s,
        P::HdmDrugPerMg,
        Metric::NetBenefit,
        0.0,
        Tolerance::for_metric(Metric::NetBenefit),
    );
    match &be.used {
        hatcalc::analysis::Use::Unused { when: Some(w) } => {
            assert!(w.contains("parts") && w.contains("hydromorphone"), "{w}");
        }
        other => panic!("{other:?}"),
    }
    // Victims' costs do not move the taxpayer's result; the societal perspective would.
    let mut g = base();
    g.settings.perspective = Perspective::Government;
    let be = break_even(
        &g,
        P::CrimePropertyVictimTangible,
        Metric::NetBenefit,
        0.0,
        Tolerance::for_metric(Metric::NetBenefit),
    );
    match &be.used {
        hatcalc::analysis::Use::Unused { when: Some(w) } => assert!(w.contains("society"), "{w}"),
        other => panic!("{other:?}"),
    }
    assert_eq!(
        break_even(
            &s,
            P::DamCostYear,
            Metric::NetBenefit,
            0.0,
            Tolerance::for_metric(Metric::NetBenefit)
        )
        .used,
        hatcalc::analysis::Use::Used
    );
}

#[test]
fn curves_have_at_least_a_hundred_points_and_mark_the_crossing() {
    let mut s = base();
    s.settings.perspective = Perspective::Society;
    let c = curve(&s, P::CrimeRrInjectable, Metric::NetBenefit, 101);
    assert_eq!(c.x.len(), 101);
    for (x, y) in c.x.iter().zip(&c.y).step_by(20) {
        let direct = Metric::NetBenefit
            .eval(&at(&s, P::CrimeRrInjectable, *x))
            .unwrap();
        assert!((direct - y).abs() < 1e-9);
    }
    let be = c.break_even.expect("crosses");
    assert!(
        Metric::NetBenefit
            .eval(&at(&s, P::CrimeRrInjectable, be))
            .unwrap()
            .abs()
            <= 0.01
    );
}

#[test]
fn a_curve_drawn_from_its_basis_is_the_same_curve_at_any_value_of_its_parameter() {
    let mut s = base();
    s.settings.perspective = Perspective::Society;
    for p in [
        P::CrimeRrInjectable,
        P::DamRetention12m,
        P::DamCostYear,
        P::MmtCostYear,
    ] {
        let (lo, hi) = s.range(p);
        let (min, max) = s.limits(p);
        let mut values: Vec<f64> = [0.0, 0.3, 0.77, 1.0]
            .iter()
            .map(|f| lo + f * (hi - lo))
            .collect();
        // Outside the plausible range the explored range follows the value.
        values.push((hi + (max - hi) * 0.5).min(hi * 1.5 + 1.0));
        values.push((lo - (lo - min) * 0.5).max(min));
        for v in values {
            let Ok(at_v) = s.clone().with(p, v) else {
                continue;
            };
            let direct = curve(&at_v, p, Metric::NetBenefit, 21);
            let basis = curve_basis(&at_v, p);
            let kept = curve(&basis, p, Metric::NetBenefit, 21).with_current(v);
            assert_eq!(direct, kept, "{p:?} at {v}");
            if (lo..=hi).contains(&v) {
                assert_eq!(
                    basis.get(p),
                    lo,
                    "{p:?} at {v}: the basis sits at the low end"
                );
            }
            if let Some(be) = direct.break_even {
                assert!(direct.crossings.contains(&be));
                assert!(direct
                    .crossings
                    .iter()
                    .all(|c| (c - v).abs() >= (be - v).abs()));
            }
        }
    }
}

#[test]
fn tornado_ends_are_direct_evaluations_at_low_and_high() {
    let s = base();
    let t = tornado(&s, Metric::NetBenefitPerYear);
    assert_eq!(t.bars.len(), P::COUNT);
    let base = t.base.unwrap();
    assert!((base - Metric::NetBenefitPerYear.eval(&s).unwrap()).abs() < 1e-9);
    for w in t.bars.windows(2) {
        assert!(w[0].swing >= w[1].swing, "ordered by swing");
    }
    for bar in t.bars.iter().take(10) {
        let p = hatcalc::params::find(bar.param).unwrap();
        let (lo, hi) = s.range(p);
        assert_eq!((bar.low, bar.high), (lo, hi));
        let direct_lo = Metric::NetBenefitPerYear.eval(&at(&s, p, lo));
        let direct_hi = Metric::NetBenefitPerYear.eval(&at(&s, p, hi));
        assert_eq!(bar.at_low, direct_lo, "{}", bar.param);
        assert_eq!(bar.at_high, direct_hi, "{}", bar.param);
        let flips = [direct_lo, direct_hi]
            .iter()
            .flatten()
            .any(|v| (*v >= 0.0) != (base >= 0.0));
        assert_eq!(bar.flips, flips);
    }
}

#[test]
fn collapsed_distributions_give_the_deterministic_result() {
    let s = base();
    let cfg = PsaConfig {
        spread: 0.0,
        ..PsaConfig::new(50, 7)
    };
    let r = psa(&s, cfg);
    let direct = evaluate(&s).chosen(s.settings.perspective).net_benefit;
    assert!((r.net_benefit.unwrap().mean - direct).abs() < 1e-6 * direct.abs().max(1.0));
    assert_eq!(r.net_benefit.unwrap().p2_5, r.net_benefit.unwrap().p97_5);
    assert_eq!(r.evpi, 0.0);
}

#[test]
fn a_seed_reproduces_a_run_exactly_and_chunks_change_nothing() {
    let s = base();
    let a = psa(&s, PsaConfig::new(300, 42));
    let b = psa(&s, PsaConfig::new(300, 42));
    assert_eq!(a, b);
    let c = psa(&s, PsaConfig::new(300, 43));
    assert_ne!(a.net_benefit.unwrap().mean, c.net_benefit.unwrap().mean);
    let mut run = PsaRun::new(&s, PsaConfig::new(300, 42));
    while !run.finished() {
        run.step(37);
    }
    assert_eq!(run.result(), a);
}

#[test]
fn a_run_split_into_parts_anywhere_gives_exactly_the_whole_run() {
    let s = base();
    let config = PsaConfig::new(250, 7);
    let whole = psa(&s, config);
    let mut one = PsaRun::new(&s, config);
    one.step(usize::MAX);
    for cuts in [
        vec![0, 250],
        vec![0, 1, 250],
        vec![0, 83, 166, 250],
        vec![0, 100, 101, 249, 250],
    ] {
        // Parts computed in any order, in chunks, then joined.
        let mut parts: Vec<_> = cuts
            .windows(2)
            .rev()
            .map(|w| {
                let mut part = PsaRun::part(&s, config, w[0]..w[1]);
                while !part.finished() {
                    part.step(13);
                }
                part.to_part()
            })
            .collect();
        let joined = PsaRun::join(&s, config, parts.clone()).expect("the parts cover the run");
        assert_eq!(joined.draws(), one.draws(), "cuts {cuts:?}");
        assert_eq!(joined.inputs(), one.inputs(), "cuts {cuts:?}");
        assert_eq!(joined.result(), whole, "cuts {cuts:?}");
        // Parts sent without their inputs (all or some): the joined run draws them again from
        // the seed when they are read, the same values.
        for without in [parts.len(), 1] {
            let light: Vec<PsaPart> = parts
                .iter()
                .enumerate()
                .map(|(i, p)| {
                    let mut p = p.clone();
                    if i < without {
                        p.inputs = Vec::new();
                    }
                    p
                })
                .collect();
            let joined = PsaRun::join(&s, config, light).expect("the parts cover the run");
            assert_eq!(joined.draws(), one.draws(), "cuts {cuts:?}, light");
            assert_eq!(joined.inputs(), one.inputs(), "cuts {cuts:?}, light");
        }
        // A missing or repeated part is refused, not joined into a different run.
        if parts.len() > 1 {
            let last = parts.pop().expect("a part");
            assert!(PsaRun::join(&s, config, parts.clone()).is_none());
            parts.push(last.clone());
            parts.push(last);
            assert!(PsaRun::join(&s, config, parts).is_none());
        }
    }
}

/// Value stability: the first draws of seed 2026 at the US defaults. If a change to the model,
/// the registry or the generator moves these, it changes every published permalink's result,
/// so it must be deliberate (update the numbers and the model version together).
#[test]
fn seeded_run_value_stability() {
    let mut run = PsaRun::new(&base(), PsaConfig::new(3, 2026));
    run.step(3);
    let got: Vec<f64> = run
        .draws()
        .iter()
        .map(|d| (d.net_benefit * 100.0).round() / 100.0)
        .collect();
    let pinned = PINNED;
    assert_eq!(got, pinned, "seeded draws moved");
}

const PINNED: [f64; 3] = [15_136.54, -18_298.81, 44_129.76];

#[test]
fn monte_carlo_summaries_are_coherent() {
    let r = psa(&base(), PsaConfig::new(400, 1));
    assert!(
        r.net_benefit.unwrap().p2_5 <= r.net_benefit.unwrap().mean
            && r.net_benefit.unwrap().mean <= r.net_benefit.unwrap().p97_5
    );
    assert!((0.0..=1.0).contains(&r.prob_benefit_exceeds_cost));
    assert!(r.evpi >= 0.0);
    assert!(r.acceptability.windows(2).all(|w| w[0].0 < w[1].0));
    assert!(r.acceptability.iter().all(|(_, p)| (0.0..=1.0).contains(p)));
    assert_eq!(r.histogram.counts.iter().sum::<usize>(), 400);
    assert_eq!(r.histogram.edges.len(), r.histogram.counts.len() + 1);
}

#[test]
fn two_way_grid_and_frontier_agree_with_the_model() {
    let mut s = base();
    s.settings.perspective = Perspective::Government;
    let g = grid(
        &s,
        P::DamCostYear,
        P::CrimeRrInjectable,
        5,
        4,
        Metric::NetBenefit,
    );
    assert_eq!(g.z.len(), 20);
    let direct = Metric::NetBenefit
        .eval(&at(
            &at(&s, P::CrimeRrInjectable, g.y[2]),
            P::DamCostYear,
            g.x[3],
        ))
        .unwrap();
    assert!((g.z[2 * 5 + 3].unwrap() - direct).abs() < 1e-9);
    for (x, y) in frontier(
        &s,
        P::DamCostYear,
        P::CrimeRrInjectable,
        6,
        Metric::NetBenefit,
        0.0,
    ) {
        if let Some(y) = y {
            let v = Metric::NetBenefit
                .eval(&at(&at(&s, P::DamCostYear, x), P::CrimeRrInjectable, y))
                .unwrap();
            assert!(v.abs() <= 0.01, "frontier point ({x}, {y}) gives {v}");
        }
    }
}

#[test]
fn claim_check_on_the_dutch_trial() {
    let s = find("dijkgraaf2005").unwrap().scenario().unwrap();
    // "HAT saves EUR 12,793 per patient a year" holds under the study's own assumptions.
    let saves = Claim {
        metric: Metric::NetBenefitPerYear,
        comparison: ClaimComparison::AtLeast,
        target: 12_793.0 - 0.01,
    };
    let r = check_claim(&s, saves, None);
    assert!(r.holds);
    // "It reduces costs to taxpayers": not without victims' costs.
    let mut gov = s.clone();
    gov.settings.perspective = Perspective::Government;
    let r = check_claim(&gov, Claim::PAYS_FOR_ITSELF, Some(PsaConfig::new(200, 3)));
    assert!(!r.holds);
    assert!(
        !r.levers.is_empty(),
        "some single assumption could make it pay"
    );
    for l in &r.levers {
        let p = hatcalc::params::find(l.param).unwrap();
        let v = Metric::NetBenefit.eval(&at(&gov, p, l.needed)).unwrap();
        assert!(v.abs() <= 0.01, "{}: {v}", l.param);
    }
    assert!(r.levers.windows(2).all(|w| w[0].distance <= w[1].distance));
    assert!(r.probability.is_some_and(|p| (0.0..=1.0).contains(&p)));
}

#[test]
fn a_metric_undefined_everywhere_says_so_instead_of_returning_nan() {
    // Heroin against itself: no extra treatment cost anywhere, so no benefit-cost ratio.
    let mut s = base();
    s.settings.comparator = hatcalc::Arm::Heroin;
    let be = hatcalc::analysis::break_even(
        &s,
        P::DamRetention12m,
        Metric::BenefitCostRatio,
        1.0,
        hatcalc::analysis::Tolerance::for_metric(Metric::BenefitCostRatio),
    );
    assert_eq!(be.crossing, hatcalc::analysis::Crossing::Undefined);
    // The tornado of the same metric has no base and no bar that "flips".
    let t = tornado(&s, Metric::BenefitCostRatio);
    assert_eq!(t.base, None);
    assert!(t.bars.iter().all(|b| !b.flips));
}

/// The US default result rests on published figures: at most two of the ten inputs that move
/// it most are assumptions, and the assumptions' share of the total swing is reported.
#[test]
fn the_widest_tornado_bars_at_us_defaults_are_published_figures() {
    let t = tornado(&base(), Metric::NetBenefit);
    let top: Vec<_> = t.bars.iter().take(10).map(|b| (b.param, b.grade)).collect();
    assert!(t.assumptions_in_top(10) <= 2, "{top:?}");
    let share = t.assumption_share().unwrap();
    assert!((0.0..=1.0).contains(&share));
    // The share is the assumption bars' swing over the total.
    let total: f64 = t.bars.iter().map(|b| b.swing).sum();
    let assumed: f64 = t
        .bars
        .iter()
        .filter(|b| b.grade == hatcalc::params::Grade::Assumption)
        .map(|b| b.swing)
        .sum();
    assert!((share - assumed / total).abs() < 1e-12);
}

/// Each draw keeps the values its drawn inputs took, as the model used them (clamped, exit
/// shares rescaled): setting them again reproduces the draw's result exactly.
#[test]
fn drawn_inputs_are_the_values_the_model_used() {
    let s = Scenario::us_default();
    let mut run = PsaRun::new(&s, PsaConfig::new(20, 8));
    run.step(20);
    let drawn = run.drawn();
    assert_eq!(drawn.len(), run.inputs().len());
    assert!(drawn.contains(&P::CrimeRrInjectable) && !drawn.contains(&P::Slots));
    for (i, d) in run.draws().iter().enumerate() {
        let mut again = s.clone();
        for (p, column) in drawn.iter().zip(run.inputs()) {
            assert_eq!(column.len(), 20);
            again
                .set_by_id_unchecked_consistency(p.def().id, &column[i].to_string())
                .unwrap();
        }
        again.check_consistency().unwrap();
        let c = evaluate(&again)
            .chosen(again.settings.perspective)
            .net_benefit;
        assert_eq!(c, d.net_benefit, "draw {i}");
    }
}

#[test]
fn the_claim_grid_agrees_with_evaluating_each_perspective_and_horizon() {
    use hatcalc::analysis::{check_claim_grid, Metric, Verdict};
    let s = find("dijkgraaf2005").unwrap().scenario().unwrap();
    let claim = Claim::PAYS_FOR_ITSELF;
    let g = check_claim_grid(&s, claim, Some(PsaConfig::new(300, 5)));
    assert_eq!(g.rows.len(), 3);
    assert_eq!(g.draws, 300);
    for (j, h) in g.horizons.iter().enumerate() {
        for row in &g.rows {
            let mut t = s.clone();
            t.set(P::HorizonYears, h.years).unwrap();
            t.settings.perspective = row.perspective;
            let v = Metric::NetBenefit.eval(&t);
            let c = &row.cells[j];
            assert_eq!(c.value, v);
            assert_eq!(c.verdict == Verdict::Holds, v.is_some_and(|v| v >= 0.0));
            assert!(c.levers.len() <= 3);
            assert!(c.levers.iter().all(|l| l.param != "cohort.horizon_years"));
            let p = c.probability.unwrap();
            assert!((0.0..=1.0).contains(&p));
        }
    }
    // The last column is a lifetime: to age 100.
    assert!(g.horizons[3].lifetime);
    assert_eq!(g.horizons[3].years, 100.0 - s.get(P::StartAge));
    // The programme's net benefit under another perspective is what evaluating it there gives.
    let prog = Claim {
        metric: Metric::ProgrammeNetBenefit,
        ..claim
    };
    let g = hatcalc::analysis::check_claim_grid_with(&s, prog, None, false);
    let mut t = s.clone();
    t.set(P::HorizonYears, 5.0).unwrap();
    t.settings.perspective = Perspective::Society;
    let v = Metric::ProgrammeNetBenefit.eval(&t).unwrap();
    let got = g.row(Perspective::Society).unwrap().cells[1].value.unwrap();
    assert!((got - v).abs() <= 1e-9 * v.abs().max(1.0), "{got} vs {v}");
    // Levers only under the scenario's own perspective when asked so.
    assert!(g.rows.iter().all(|r| r
        .cells
        .iter()
        .all(|c| c.levers_searched == (r.perspective == s.settings.perspective))));
}

#[test]
fn a_summary_with_nothing_to_summarise_is_undefined_never_nan() {
    assert_eq!(Summary::of(std::iter::empty()), None);
    assert_eq!(Summary::of([f64::NAN, f64::INFINITY].into_iter()), None);
    // Before the first draw every summary is undefined.
    let r = PsaRun::new(&base(), PsaConfig::new(10, 1)).result();
    assert_eq!(r.draws, 0);
    assert_eq!(r.net_benefit, None);
    assert_eq!(r.delta_qalys, None);
    assert!(r.components.iter().all(|(_, c)| c.is_none()));
    // Finite values give a finite summary, even near the largest f64.
    let s = Summary::of([-f64::MAX, f64::MAX, f64::MAX].into_iter()).unwrap();
    assert!(s.mean.is_finite() && s.p2_5.is_finite() && s.p97_5.is_finite());
    assert!(s.p2_5 <= s.mean && s.mean <= s.p97_5);
    let one = Summary::of([3.0].into_iter()).unwrap();
    assert_eq!((one.mean, one.p2_5, one.p97_5), (3.0, 3.0, 3.0));
}

#[test]
fn a_claims_answers_read_back_exactly_as_they_were_written() {
    // The page checks claims on a worker; what comes back must be the same answer.
    use hatcalc::analysis::{
        check_claim, check_claim_grid_with, Claim, ClaimComparison, ClaimGrid, ClaimReport,
    };
    let s = base();
    let claim = Claim {
        metric: Metric::NetBenefitPerYear,
        comparison: ClaimComparison::AtLeast,
        target: 5_000.0,
    };
    let mc = Some(PsaConfig::new(40, 1));
    let report = check_claim(&s, claim, mc);
    assert!(!report.levers.is_empty());
    let back: ClaimReport = serde_json::from_str(&serde_json::to_string(&report).unwrap()).unwrap();
    assert_eq!(back, report);
    let grid = check_claim_grid_with(&s, claim, mc, false);
    let back: ClaimGrid = serde_json::from_str(&serde_json::to_string(&grid).unwrap()).unwrap();
    assert_eq!(back, grid);
    // A lever naming no parameter is refused, not made up.
    let text = serde_json::to_string(&report.levers[0]).unwrap();
    let id = report.levers[0].param;
    let bad = text.replace(&format!("\"{id}\""), "\"no.such\"");
    assert!(serde_json::from_str::<hatcalc::analysis::Lever>(&bad).is_err());
}

#[test]
fn a_two_way_grid_reads_back_exactly_as_it_was_written() {
    // The page computes the grid on a worker.
    let s = base();
    let g = hatcalc::analysis::grid(
        &s,
        P::DamCostYear,
        P::CrimeRrInjectable,
        5,
        4,
        Metric::NetBenefit,
    );
    let back: hatcalc::analysis::Grid =
        serde_json::from_str(&serde_json::to_string(&g).unwrap()).unwrap();
    assert_eq!(back, g);
    let bad = serde_json::to_string(&g)
        .unwrap()
        .replace(g.x_param, "no.such");
    assert!(serde_json::from_str::<hatcalc::analysis::Grid>(&bad).is_err());
}
