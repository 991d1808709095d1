//! Presets against the published numbers they claim to reproduce, each test naming its table.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use hatcalc::model::{evaluate, Category, Icer, Scope};
use hatcalc::presets::{find, PRESETS};
use hatcalc::{Perspective, P};

mod tolerance {
    /// Floating-point rounding only: the preset reproduces the figure exactly.
    pub const EXACT: f64 = 1e-6;
}

fn close(a: f64, b: f64, tol: f64) -> bool {
    (a - b).abs() <= tol
}

#[test]
fn every_preset_builds_evaluates_and_names_its_sources() {
    for p in PRESETS {
        let s = p.scenario().unwrap_or_else(|e| panic!("{}: {e}", p.id));
        assert_eq!(s.basis(), p.basis);
        let o = evaluate(&s);
        assert!(
            o.comparisons.iter().all(|c| c.net_benefit.is_finite()),
            "{}",
            p.id
        );
        for id in p.sources {
            assert!(hatcalc::sources::source(id).is_some(), "{}: {id}", p.id);
        }
        assert!(!p.reproduces.is_empty() && !p.method.is_empty());
    }
}

/// Dijkgraaf et al. 2005, BMJ 330:1297, abstract: per patient-year, HAT minus methadone.
#[test]
fn dijkgraaf_2005_component_sum_is_reproduced_exactly() {
    let s = find("dijkgraaf2005").unwrap().scenario().unwrap();
    let o = evaluate(&s);
    let d = |c: Category| o.intervention.costs.get(c) - o.comparator.costs.get(c);
    assert!(
        close(d(Category::Treatment), 16_222.0, tolerance::EXACT),
        "programme"
    );
    assert!(
        close(d(Category::JusticeTotal), -4_129.0, tolerance::EXACT),
        "law enforcement"
    );
    let victims = d(Category::VictimTangible) + d(Category::VictimIntangible);
    assert!(close(victims, -25_374.0, tolerance::EXACT), "victims");
    let other = d(Category::HospitalCare) + d(Category::Overdose) + d(Category::Infections);
    assert!(close(other, 488.0, tolerance::EXACT), "other");
    let society = o.chosen(Perspective::Society);
    assert!(
        close(society.net_benefit, 12_793.0, tolerance::EXACT),
        "{}",
        society.net_benefit
    );
    assert!(close(
        society.net_benefit_per_year,
        12_793.0,
        tolerance::EXACT
    ));
    assert!(close(society.delta_qalys, 0.058, 1e-9));
    assert_eq!(society.icer, Icer::Dominant, "co-prescription dominates");
    // The taxpayer claim: without victims, the law-enforcement saving is a quarter of the
    // extra programme cost and the programme does not pay for itself.
    let gov = o.chosen(Perspective::Government);
    assert!(close(
        gov.net_benefit,
        -16_222.0 + 4_129.0 - 488.0,
        tolerance::EXACT
    ));
}

/// Frei 2007, LeGes 2007/1:77-86, abstract; Frei et al. 1998, Soz Praventivmed 43:185,
/// abstract: per patient-day in Swiss francs, before entry against during the trial.
#[test]
fn frei_2007_swiss_cost_benefit_per_patient_day_is_reproduced() {
    let s = find("frei2007").unwrap().scenario().unwrap();
    assert_eq!(s.basis().economy.currency(), "CHF");
    let o = evaluate(&s);
    let day = |x: f64| x / 365.0;
    let d = |c: Category| day(o.comparator.costs.get(c) - o.intervention.costs.get(c));
    assert!(close(
        day(o.intervention.costs.get(Category::Treatment)),
        51.17,
        tolerance::EXACT
    ));
    let crime = d(Category::VictimTangible) + d(Category::JusticeTotal);
    assert!(close(crime, 0.75 * 95.50, tolerance::EXACT), "{crime}");
    assert!(close(
        d(Category::HospitalCare),
        22.27 - 5.15,
        tolerance::EXACT
    ));
    let society = o.chosen(Perspective::Society);
    assert!(close(day(society.savings), 95.50, tolerance::EXACT));
    assert!(close(day(society.net_benefit), 44.33, tolerance::EXACT));
    let bcr = society.benefit_cost_ratio.unwrap();
    assert!(close(bcr, 95.50 / 51.17, 1e-9), "{bcr}");
    assert!((bcr - 1.87).abs() < 0.005, "published 1.87 after rounding");
}

/// Byford et al. 2013, Br J Psychiatry 203:341, abstract: 26-week costs per patient.
#[test]
fn byford_2013_twenty_six_week_totals_are_reproduced_exactly() {
    let s = find("byford2013").unwrap().scenario().unwrap();
    let o = evaluate(&s);
    let scope = Scope {
        perspective: Perspective::Government,
        include_intangible: false,
        include_vsl: false,
    };
    assert!(close(
        o.intervention.costs.get(Category::Treatment),
        8_995.0,
        tolerance::EXACT
    ));
    assert!(close(
        o.comparator.costs.get(Category::Treatment),
        2_596.0,
        tolerance::EXACT
    ));
    assert!(close(
        o.intervention.costs.total(&scope),
        13_410.0,
        tolerance::EXACT
    ));
    assert!(close(
        o.comparator.costs.total(&scope),
        15_805.0,
        tolerance::EXACT
    ));
    assert!(close(
        o.chosen(Perspective::Government).net_benefit,
        2_395.0,
        tolerance::EXACT
    ));
}

/// Nosyk et al. 2012, CMAJ 184:E317, Table 2: cost per arm (Can$ x 1000, discounted) and
/// QALYs at 1, 5 and 10 years and over a lifetime: (horizon, DAM cost, MMT cost, DAM QALYs,
/// MMT QALYs).
const NOSYK_TABLE_2: [(f64, f64, f64, f64, f64); 4] = [
    (1.0, 85.9, 87.7, 0.86, 0.85),
    (5.0, 387.7, 418.3, 3.43, 3.32),
    (10.0, 696.0, 743.8, 5.61, 5.39),
    (f64::INFINITY, 1096.1, 1137.6, 7.92, 7.46),
];

fn nosyk_at(horizon: f64) -> hatcalc::Outcome {
    let mut s = find("nosyk2012").unwrap().scenario().unwrap();
    let h = horizon.min(100.0 - s.get(P::StartAge));
    s.set(P::HorizonYears, h).unwrap();
    evaluate(&s)
}

fn society() -> Scope {
    Scope {
        perspective: Perspective::Society,
        include_intangible: false,
        include_vsl: false,
    }
}

/// The episode inputs are Table 1's: the first heroin episode's Weibull, net of deaths, at
/// 12 months is exp(-0.061 x 12^0.761).
#[test]
fn nosyk_2012_episodes_follow_table_one() {
    // With retention 1 the model keeps everyone who survives, so its 12-month retention is the
    // first year's survival; the preset's retention is that survival times Table 1's Weibull.
    let s = find("nosyk2012").unwrap().scenario().unwrap();
    let mut probe = s.clone();
    probe.set(P::DamRetention12m, 1.0).unwrap();
    probe.set(P::MmtRetention12m, 1.0).unwrap();
    let o = evaluate(&probe);
    for (got, alive, (lambda, shape)) in [
        (
            s.get(P::DamRetention12m),
            o.intervention.retained_12m,
            (0.061f64, 0.761),
        ),
        (
            s.get(P::MmtRetention12m),
            o.comparator.retained_12m,
            (0.114, 0.643),
        ),
    ] {
        assert!(alive < 1.0);
        assert!((got - alive * (-lambda * 12f64.powf(shape)).exp()).abs() < 1e-12);
    }
}

/// What the preset meets of Table 2 (its `reproduces` says the same). The first year's crime,
/// health and QALYs are calibrated; the later horizons are not, so they test the dynamics.
#[test]
fn nosyk_2012_table_two_costs_at_one_five_and_ten_years() {
    for (horizon, dam, mmt, _, _) in &NOSYK_TABLE_2[..3] {
        let o = nosyk_at(*horizon);
        let got_dam = o.intervention.costs.total(&society()) / 1000.0;
        let got_mmt = o.comparator.costs.total(&society()) / 1000.0;
        // Each arm's total cost within 10% at 1 and 5 years, 15% at 10.
        let tol = if *horizon < 10.0 { 0.10 } else { 0.15 };
        assert!(
            (got_dam / dam - 1.0).abs() < tol && (got_mmt / mmt - 1.0).abs() < tol,
            "{horizon} years: DAM {got_dam:.1} vs {dam}, MMT {got_mmt:.1} vs {mmt}"
        );
        // Diacetylmorphine is the cheaper arm, as published.
        assert!(got_dam < got_mmt, "{horizon} years");
    }
    // The five-year difference within a third of the published -30.6k.
    let o = nosyk_at(5.0);
    let diff =
        (o.intervention.costs.total(&society()) - o.comparator.costs.total(&society())) / 1000.0;
    assert!((diff / (387.7 - 418.3) - 1.0).abs() < 1.0 / 3.0, "{diff}");
}

/// Bansback et al. 2018, Addiction 113:1264, abstract: within-trial six-month costs, CAD.
#[test]
fn bansback_2018_within_trial_costs_are_reproduced_exactly() {
    let s = find("bansback2018").unwrap().scenario().unwrap();
    let o = evaluate(&s);
    let scope = Scope {
        perspective: Perspective::Society,
        include_intangible: true,
        include_vsl: false,
    };
    assert!(close(
        o.intervention.costs.total(&scope),
        49_830.0,
        tolerance::EXACT
    ));
    assert!(close(
        o.comparator.costs.total(&scope),
        34_320.0,
        tolerance::EXACT
    ));
    let c = o.chosen(Perspective::Society);
    assert!(close(c.net_benefit, -15_510.0, tolerance::EXACT));
    // Hydromorphone costs more for no modelled QALY gain: not cost-effective against DAM.
    assert_eq!(c.icer, Icer::Dominated);
}

/// EMCDDA Annual Report 2011, box p79: per patient-year, 2009 prices.
#[test]
fn emcdda_2011_unit_costs_are_reproduced_exactly() {
    for (id, dam, mmt) in [
        ("emcdda2011-de", 19_020.0, 3_490.0),
        ("emcdda2011-nl", 20_410.0, 1_634.0),
    ] {
        let s = find(id).unwrap().scenario().unwrap();
        assert!(close(s.get(P::DamCostYear), dam, tolerance::EXACT), "{id}");
        assert!(close(s.get(P::MmtCostYear), mmt, tolerance::EXACT), "{id}");
    }
}
