//! The model against its invariants: shares sum to one, probabilities stay in [0, 1], every
//! output is finite at every parameter's low and high, and more crime reduction never lowers
//! the societal net benefit.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use hatcalc::model::{evaluate, trace, Category, Icer, Outcome};
use hatcalc::scenario::{CostInput, CrimeInput, Settings};
use hatcalc::{Arm, Perspective, Scenario, P};

mod tolerance {
    /// Rounding over hundreds of monthly cycles.
    pub const SHARES: f64 = 1e-9;
}

fn base() -> Scenario {
    Scenario::us_default()
}

fn all_numbers(o: &Outcome) -> Vec<f64> {
    let mut v = Vec::new();
    for arm in [&o.intervention, &o.comparator] {
        v.extend(arm.costs.0);
        v.extend(arm.costs_year_one.0);
        v.extend([
            arm.qalys,
            arm.qalys_year_one,
            arm.life_years,
            arm.deaths,
            arm.retained_12m,
        ]);
        v.extend(arm.offences);
        v.extend([arm.overdoses, arm.infections, arm.treated_years_discounted]);
        v.extend(arm.person_years);
        v.extend(arm.final_shares);
    }
    for c in &o.comparisons {
        v.extend([
            c.delta_cost,
            c.net_benefit,
            c.net_benefit_year_one,
            c.net_benefit_per_year,
        ]);
        v.extend([
            c.savings,
            c.extra_treatment_cost,
            c.delta_qalys,
            c.net_monetary_benefit,
        ]);
        v.extend(c.delta_by_bearer);
        v.extend(c.benefit_cost_ratio);
        if let Icer::CostPerQalyGained(x) | Icer::SavingPerQalyLost(x) = c.icer {
            v.push(x);
        }
    }
    v.extend([
        o.programme.gross_cost,
        o.programme.net_benefit,
        o.programme.slot_years_discounted,
    ]);
    v.extend(o.programme.delta_by_bearer);
    v
}

fn check_shares(s: &Scenario, arm: Arm) {
    let tr = trace(s, arm);
    assert_eq!(tr.len(), hatcalc::model::cycles(s) + 1);
    let mut dead = 0.0;
    for (t, occ) in tr.iter().enumerate() {
        let sum: f64 = occ.iter().sum();
        assert!(
            (sum - 1.0).abs() < tolerance::SHARES,
            "{arm:?} cycle {t}: shares sum to {sum}"
        );
        for (i, x) in occ.iter().enumerate() {
            assert!(
                (0.0..=1.0 + tolerance::SHARES).contains(x),
                "{arm:?} cycle {t} state {i}: {x}"
            );
        }
        assert!(occ[4] + tolerance::SHARES >= dead, "the dead stay dead");
        dead = occ[4];
    }
}

#[test]
fn shares_sum_to_one_every_cycle_for_every_arm() {
    let s = base();
    for arm in Arm::ALL {
        check_shares(&s, arm);
    }
    let lifetime = base().with(P::HorizonYears, 60.0).unwrap();
    for arm in Arm::ALL {
        check_shares(&lifetime, arm);
    }
}

#[test]
fn every_output_is_finite_with_every_parameter_at_its_low_and_high() {
    for p in P::ALL {
        for end in [0, 1] {
            let mut s = base();
            let (lo, hi) = s.range(*p);
            let v = if end == 0 { lo } else { hi };
            if s.set(*p, v).is_err() {
                // Only the exit-share pair can be inconsistent at an extreme; check it stays so.
                assert!(
                    matches!(p, P::InjExitToMethadone | P::InjExitToAbstinence),
                    "{}",
                    p.def().id
                );
                continue;
            }
            for (cost_input, crime_input) in [
                (CostInput::Total, CrimeInput::Offences),
                (CostInput::Parts, CrimeInput::PerYear),
            ] {
                s.settings.cost_input = cost_input;
                s.settings.crime_input = crime_input;
                for arm in Arm::ALL {
                    s.settings.intervention = arm;
                    let o = evaluate(&s);
                    for x in all_numbers(&o) {
                        assert!(x.is_finite(), "{} at {v}: non-finite output", p.def().id);
                    }
                    check_shares(&s, arm);
                }
            }
        }
    }
}

#[test]
fn more_crime_reduction_never_lowers_societal_net_benefit() {
    let mut last = f64::NEG_INFINITY;
    // Lower relative offending in injectable treatment = more crime reduction.
    for i in 0..=20 {
        let rr = 1.0 - 0.045 * f64::from(i);
        let s = base().with(P::CrimeRrInjectable, rr).unwrap();
        let nb = evaluate(&s).chosen(Perspective::Society).net_benefit;
        assert!(nb >= last - 1e-6, "rr {rr}: {nb} < {last}");
        last = nb;
    }
}

#[test]
fn better_retention_in_heroin_treatment_never_lowers_crime_savings() {
    let mut last = f64::NEG_INFINITY;
    for r in [0.5, 0.6, 0.672, 0.75, 0.85, 0.95] {
        let o = evaluate(&base().with(P::DamRetention12m, r).unwrap());
        let crime_saving: f64 = [
            Category::Police,
            Category::Courts,
            Category::Prison,
            Category::VictimTangible,
        ]
        .iter()
        .map(|c| o.comparator.costs.get(*c) - o.intervention.costs.get(*c))
        .sum();
        assert!(crime_saving >= last, "retention {r}");
        last = crime_saving;
    }
}

#[test]
fn perspectives_nest_health_within_government_within_society() {
    let o = evaluate(&base());
    let [h, g, s] = &o.comparisons;
    // The same treatment cost is counted in each; wider perspectives add crime savings here.
    assert_eq!(h.extra_treatment_cost, g.extra_treatment_cost);
    assert!(g.savings > h.savings && s.savings > g.savings);
    assert_eq!(
        h.delta_by_bearer[1], 0.0,
        "health perspective counts no justice costs"
    );
}

#[test]
fn modelled_twelve_month_retention_equals_the_trial_input_deaths_counted_as_not_retained() {
    // Trials count a death as not retained: the share alive and still in the first episode
    // at month 12 of the cohort's own trace equals the input, with deaths on.
    for (arm, p) in [
        (Arm::Heroin, P::DamRetention12m),
        (Arm::Methadone, P::MmtRetention12m),
        (Arm::Buprenorphine, P::BupRetention12m),
    ] {
        // Re-entries go to methadone, so the own-treatment share is the first episode alone.
        let mut s = base()
            .with(P::MortSmrInjectable, 20.0)
            .and_then(|s| s.with(P::MortSmrMethadone, 20.0))
            .and_then(|s| s.with(P::MortSmrBuprenorphine, 20.0))
            .and_then(|s| s.with(P::ReentryOwnShare, 0.0))
            .unwrap();
        s.settings.intervention = arm;
        let tr = trace(&s, arm);
        assert!(tr[12][4] > 0.005, "{arm:?}: deaths are on");
        assert!(
            (tr[12][0] - s.get(p)).abs() < 1e-12,
            "{arm:?}: {} vs {}",
            tr[12][0],
            s.get(p)
        );
        assert!((evaluate(&s).intervention.retained_12m - s.get(p)).abs() < 1e-12);
    }
}

#[test]
fn identical_arms_have_zero_difference() {
    let mut s = base();
    s.settings = Settings {
        comparator: Arm::Heroin,
        ..s.settings
    };
    let o = evaluate(&s);
    for c in &o.comparisons {
        assert_eq!(c.delta_cost, 0.0);
        assert_eq!(c.delta_qalys, 0.0);
    }
}

#[test]
fn parts_at_defaults_reproduce_the_published_totals_within_five_percent() {
    // The part defaults are calibrated to the totals (see their origins); keep them honest.
    let mut s = base();
    for (arm, total) in [
        (Arm::Heroin, P::DamCostYear),
        (Arm::Methadone, P::MmtCostYear),
    ] {
        s.settings.cost_input = CostInput::Parts;
        let parts = hatcalc::model::treatment_cost_per_year(&s, arm);
        let t = s.get(total);
        assert!(
            (parts / t - 1.0).abs() < 0.05,
            "{arm:?}: parts {parts:.0} vs total {t:.0}"
        );
    }
}

#[test]
fn horizon_stops_at_age_one_hundred() {
    let s = base()
        .with(P::StartAge, 60.0)
        .and_then(|s| s.with(P::HorizonYears, 60.0))
        .unwrap();
    assert_eq!(hatcalc::model::cycles(&s), 40 * 12);
}

#[test]
fn crime_per_year_input_agrees_with_offences_at_defaults() {
    // The per-year defaults are documented as what the offence defaults give for a year of
    // street use; keep them so. Compared on the arm with no treatment over one year, where
    // the cohort is in street use; the per-year input has no prison time, so the agreement
    // is in crime costs, not in the care and work that prison time removes.
    use hatcalc::model::{Bearer, Scope};
    let mut s = base().with(P::HorizonYears, 1.0).unwrap();
    s.settings.comparator = hatcalc::Arm::NoTreatment;
    let offences = evaluate(&s).comparator;
    s.settings.crime_input = CrimeInput::PerYear;
    let per_year = evaluate(&s).comparator;
    let scope = Scope {
        perspective: hatcalc::Perspective::Society,
        include_intangible: true,
        include_vsl: false,
    };
    for b in [Bearer::Justice, Bearer::Victims] {
        let (a, c) = (
            offences.costs.bearer_total(b, &scope),
            per_year.costs.bearer_total(b, &scope),
        );
        assert!((a / c - 1.0).abs() < 0.01, "{b:?}: {a} vs {c}");
    }
}

#[test]
fn inputs_called_irrelevant_really_change_nothing() {
    let mut s = base();
    for (cost_input, crime_input) in [
        (CostInput::Total, CrimeInput::Offences),
        (CostInput::Parts, CrimeInput::PerYear),
    ] {
        s.settings.cost_input = cost_input;
        s.settings.crime_input = crime_input;
        let before = evaluate(&s);
        for p in P::ALL {
            if hatcalc::model::relevant(&s, *p) {
                continue;
            }
            let (_, hi) = s.range(*p);
            let changed = s.clone().with(*p, hi).unwrap();
            assert_eq!(
                evaluate(&changed).comparisons,
                before.comparisons,
                "{} matters",
                p.def().id
            );
        }
    }
}

#[test]
fn the_value_of_a_statistical_life_never_enters_qaly_metrics() {
    // With the VSL counted, the societal net benefit changes but cost per QALY and net
    // monetary benefit do not: they value the same deaths through QALYs.
    let mut s = base();
    let without = evaluate(&s);
    s.settings.include_vsl = true;
    let with = evaluate(&s);
    let (a, b) = (
        without.chosen(Perspective::Society),
        with.chosen(Perspective::Society),
    );
    assert!(b.net_benefit != a.net_benefit);
    assert_eq!(a.net_monetary_benefit, b.net_monetary_benefit);
    assert_eq!(a.icer, b.icer);
    // Deaths valued are those within the horizon: a longer horizon counts more of them.
    let longer = evaluate(&s.clone().with(P::HorizonYears, 20.0).unwrap());
    assert!(
        longer.intervention.costs.get(Category::LivesLost)
            > with.intervention.costs.get(Category::LivesLost)
    );
}

#[test]
fn ratios_are_finite_or_undefined_never_infinite() {
    // A treatment cost difference of a denormal number: the benefit-cost ratio is undefined
    // rather than infinite, and every output stays finite.
    let s = base()
        .with(P::MmtCostYear, 0.0)
        .and_then(|s| s.with(P::DamCostYear, 1e-310))
        .unwrap();
    let o = evaluate(&s);
    for c in &o.comparisons {
        assert_eq!(c.benefit_cost_ratio, None);
    }
    assert!(all_numbers(&o).iter().all(|x| x.is_finite()));
}

/// Equal to a relative 1e-9: sums of hundreds of monthly terms in another order.
fn close_rel(a: f64, b: f64, what: &str) {
    assert!(
        (a - b).abs() <= 1e-9 * a.abs().max(b.abs()).max(1.0),
        "{what}: {a} vs {b}"
    );
}

#[test]
fn the_monthly_cohort_adds_up_to_the_per_patient_costs_undiscounted() {
    for (horizon, arm, crime) in [
        (0.5, Arm::Heroin, CrimeInput::Offences),
        (1.0, Arm::Methadone, CrimeInput::PerYear),
        (10.0, Arm::Heroin, CrimeInput::Offences),
        (10.0, Arm::NoTreatment, CrimeInput::Offences),
        (33.0, Arm::Hydromorphone, CrimeInput::Offences),
        (100.0, Arm::Buprenorphine, CrimeInput::Offences),
    ] {
        let mut s = Scenario::us_default()
            .with(P::DiscountCosts, 0.0)
            .and_then(|s| s.with(P::HorizonYears, horizon))
            .unwrap();
        s.settings.crime_input = crime;
        let arm_result = if arm == s.settings.intervention {
            evaluate(&s).intervention
        } else {
            s.settings.comparator = arm;
            evaluate(&s).comparator
        };
        let m = hatcalc::model::months(&s, arm);
        assert_eq!(m.len(), hatcalc::model::cycles(&s));
        for c in Category::ALL {
            let sum: f64 = m.iter().map(|x| x.costs.get(c)).sum();
            close_rel(
                sum,
                arm_result.costs.get(c),
                &format!("{arm:?} {c:?} {horizon}"),
            );
        }
        for i in 0..4 {
            let sum: f64 = m.iter().map(|x| x.person_years[i]).sum();
            close_rel(sum, arm_result.person_years[i], "person-years");
        }
        let deaths: f64 = m.iter().map(|x| x.deaths).sum();
        close_rel(deaths, arm_result.deaths, "deaths");
        // Each month starts at the cohort's trace; re-entries are never negative.
        let tr = trace(&s, arm);
        assert_eq!(tr.len(), m.len() + 1);
        for (month, shares) in m.iter().zip(&tr) {
            assert_eq!(month.start, *shares);
            assert!(month.returned >= 0.0);
        }
    }
}

#[test]
fn a_hazard_ratio_of_zero_on_an_episode_everyone_leaves_at_once_keeps_results_finite() {
    // 12-month retention 0 makes the first episode's scale infinite; a later episode's hazard
    // ratio of 0 then means nobody leaves it, never 0 x infinity.
    let s = base()
        .with(P::MmtRetention12m, 0.0)
        .unwrap()
        .with(P::EpisodeTreatment2, 0.0)
        .unwrap();
    let o = evaluate(&s);
    for x in all_numbers(&o) {
        assert!(x.is_finite(), "{x}");
    }
    check_shares(&s, Arm::Heroin);
    check_shares(&s, Arm::Methadone);
}

#[test]
fn a_negative_zero_is_stored_as_zero() {
    let s = base().with(P::MmtRetention12m, -0.0).unwrap();
    assert_eq!(s.get(P::MmtRetention12m).to_bits(), 0.0f64.to_bits());
    let mut t = base();
    t.set_by_id("dam.retention_12m", "-0").unwrap();
    assert_eq!(t.get(P::DamRetention12m).to_bits(), 0.0f64.to_bits());
}
