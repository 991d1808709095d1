//! The cohort model: `evaluate(&Scenario) -> Outcome`, a pure function.
//!
//! A cohort of one patient per arm moves monthly between the arm's own treatment, later
//! methadone episodes, street use, abstinence and death, re-entering treatment from street
//! use. Per-state costs, events and utilities are fixed per person-year ([`unit_costs`]); the
//! cycle loop ([`cohort`]) accumulates discounted person-time; [`comparison`] turns two arms
//! into differences under each perspective. The parts follow the sections of
//! `docs/model.md`. This module knows nothing of presets, analyses or display.

mod cohort;
mod comparison;
mod hazard;
mod outcome;
pub mod phase;
mod unit_costs;

pub use cohort::{cycles, is_lifetime};
pub use outcome::{
    ArmResult, Bearer, Category, Comparison, Costs, Icer, Month, Outcome, Programme, Scope, State,
};
pub use unit_costs::treatment_cost_per_year;

use crate::arms::{self, Arm};
use crate::params::P;
use crate::scenario::{CostInput, CrimeInput, Perspective, Scenario};

/// Whether `p` can change any result under the scenario's settings.
///
/// A parameter that belongs to an arm's description ([`crate::arms::ARMS`]) counts only when
/// the intervention, the comparator or methadone (where re-entries go) uses it: a treatment's
/// parts when costs are entered as parts and it has parts, its total otherwise. The share of
/// re-entries to the arm's own treatment counts when an arm has a treatment other than
/// methadone; priced offences only when crime is entered by offence (and the per-year inputs
/// only when it is entered per year); the value of a statistical life only when counted.
pub fn relevant(s: &Scenario, p: P) -> bool {
    let st = &s.settings;
    let parts = st.cost_input == CostInput::Parts;
    let per_year = st.crime_input == CrimeInput::PerYear;
    let mmt = arms::methadone();
    let used = [
        st.intervention.treatment(),
        st.comparator.treatment(),
        Some(mmt),
    ];
    let arm_bound = arms::ARMS
        .iter()
        .filter_map(|a| a.treatment.as_ref())
        .any(|t| treatment_params(t, None).contains(&Some(p)));
    if arm_bound {
        return used
            .iter()
            .flatten()
            .any(|t| treatment_params(t, Some(parts)).contains(&Some(p)));
    }
    match p {
        P::ReentryOwnShare => used.iter().flatten().any(|t| *t != mmt),
        P::CrimeYearJustice | P::CrimeYearVictims | P::CrimeYearIntangible => per_year,
        P::CrimePropertyRate
        | P::CrimeViolentRate
        | P::CrimeRobberyShare
        | P::CrimeDrugSaleRate
        | P::CrimePropertyVictimTangible
        | P::CrimePropertyVictimIntangible
        | P::CrimeRobberyVictimTangible
        | P::CrimeRobberyVictimIntangible
        | P::CrimeAssaultVictimTangible
        | P::CrimeAssaultVictimIntangible
        | P::PoliceViolent
        | P::PoliceProperty
        | P::CourtsProperty
        | P::CourtsRobbery
        | P::CourtsAssault
        | P::ReportProperty
        | P::ReportViolent
        | P::DetectDrugSale
        | P::PrisonProperty
        | P::PrisonRobbery
        | P::PrisonAssault
        | P::PrisonDrugSale => !per_year,
        P::Vsl => st.include_vsl && st.perspective == Perspective::Society,
        _ => true,
    }
}

/// The parameters of treatment `t`: with `parts` given, those its cost uses under that input
/// (parts or total) plus the rest of its description; with `None`, all of them. A fixed array
/// (`None` where a slot is unused): `relevant` runs for every input on every render.
fn treatment_params(t: &arms::Treatment, parts: Option<bool>) -> [Option<P>; 16] {
    let costed_by_parts = parts.unwrap_or(true) && t.cost_parts.is_some();
    let total = (parts.is_none() || !costed_by_parts).then_some(t.cost_total);
    let c = t.cost_parts.filter(|_| costed_by_parts);
    [
        Some(t.retention_12m),
        Some(t.retention_shape),
        Some(t.exit_to_abstinence),
        Some(t.crime_rr),
        Some(t.care_rr),
        Some(t.overdose_rr),
        Some(t.smr),
        Some(t.utility),
        t.exit_to_methadone,
        total,
        c.map(|c| c.drug_per_mg),
        c.map(|c| c.dose_mg_day),
        c.map(|c| c.visits_per_day),
        c.map(|c| c.cost_per_visit),
        c.map(|c| c.care_year),
        c.map(|c| c.fixed_year),
    ]
}

/// The sources the scenario's results rest on: those of every input its settings use, and
/// the life table of its economy, sorted, each once.
pub fn sources_used(s: &Scenario) -> Vec<&'static str> {
    let mut ids: Vec<&'static str> = P::ALL
        .iter()
        .filter(|p| relevant(s, **p))
        .flat_map(|p| p.def().origin.source_ids().iter().copied())
        .chain([crate::lifetable::life_table(s.basis().economy).source])
        .collect();
    crate::order::unique(&mut ids);
    ids
}

/// Evaluate a scenario: both arms, every perspective, the budget view.
pub fn evaluate(s: &Scenario) -> Outcome {
    let n = cycles(s);
    let common = cohort::Common::new(s);
    let arms = [s.settings.intervention, s.settings.comparator];
    let [a, b] = cohort::run_arms(s, arms, &common, |_, _, _| {});
    let years = n as f64 / 12.0;
    let comparisons =
        Perspective::ALL.map(|p| comparison::compare(s, scope_of(s, p), &a, &b, years));
    Outcome {
        basis: s.basis(),
        horizon_years: years,
        intervention: a,
        comparator: b,
        comparisons,
        programme: comparison::programme(s, scope_of(s, s.settings.perspective), &a, &b),
    }
}

/// What the scenario counts under `perspective`.
fn scope_of(s: &Scenario, perspective: Perspective) -> Scope {
    Scope {
        perspective,
        include_intangible: s.settings.include_intangible,
        include_vsl: s.settings.include_vsl,
    }
}

/// The budget view of `o` (evaluated from `s`) under `perspective` rather than the scenario's
/// own: the same as evaluating `s` with that perspective, without running the cohorts again.
pub fn programme_under(s: &Scenario, o: &Outcome, perspective: Perspective) -> Programme {
    if perspective == s.settings.perspective {
        return o.programme;
    }
    comparison::programme(s, scope_of(s, perspective), &o.intervention, &o.comparator)
}

/// State shares of one arm's cohort at the start and after every monthly cycle:
/// own treatment, methadone, street use, abstinence, dead.
pub fn trace(s: &Scenario, arm: Arm) -> Vec<[f64; 5]> {
    let n = cycles(s);
    let mut out = Vec::with_capacity(n + 1);
    // The arm in both lanes; the second is not read.
    cohort::run_arms(s, [arm, arm], &cohort::Common::new(s), |lane, occ, _| {
        if lane == 0 {
            out.push(*occ);
        }
    });
    out
}

/// One arm's cohort of one patient, month by month over the horizon, undiscounted: state
/// shares at the start of each month, person-years by state, costs by category, deaths and
/// re-entries to the arm's own treatment. With `econ.discount_costs` at 0, the months' costs
/// add up to the arm's costs in [`evaluate`] (`docs/model.md`, section 9).
pub fn months(s: &Scenario, arm: Arm) -> Vec<Month> {
    let [months, _] = cohort::months(s, [arm, arm], &cohort::Common::new(s));
    months
}

/// [`months`] of two arms at once (one pass of the cohort engine for both).
pub fn months_of(s: &Scenario, arms: [Arm; 2]) -> [Vec<Month>; 2] {
    cohort::months(s, arms, &cohort::Common::new(s))
}

/// The incremental net benefit under the scenario's own perspective: the one number
/// break-even analysis drives to zero.
pub fn net_benefit(s: &Scenario) -> f64 {
    evaluate(s).chosen(s.settings.perspective).net_benefit
}
