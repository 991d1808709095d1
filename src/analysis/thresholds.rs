//! The two thresholds officials ask for, under each perspective: the savings needed per
//! treated patient-year to break even, and the highest treatment cost per patient-year at
//! which the treatment still breaks even.

use crate::model::{evaluate, treatment_cost_per_year, Outcome};
use crate::params::P;
use crate::scenario::{CostInput, Perspective, Scenario};
use serde::Serialize;

/// The highest cost per patient-year of the intervention's treatment at which its net benefit
/// is zero.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[serde(rename_all = "snake_case", tag = "kind", content = "value")]
pub enum MaxCost {
    /// Net benefit is zero at this cost per patient-year.
    At(f64),
    /// Even a treatment that cost nothing would not break even.
    NotEvenIfFree,
    /// The intervention has no treatment of its own, or its cost does not change the result.
    NotApplicable,
}

/// One perspective's thresholds.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Threshold {
    /// The perspective.
    pub perspective: Perspective,
    /// Extra treatment cost per treated patient-year: what every other counted category must
    /// save per treated patient-year for the net benefit to be zero.
    pub savings_needed_per_treated_year: f64,
    /// What they do save per treated patient-year at the current inputs.
    pub savings_per_treated_year: f64,
    /// The highest treatment cost per patient-year that still breaks even.
    pub max_treatment_cost: MaxCost,
}

/// Both thresholds under every perspective, narrowest first, with the intervention's current
/// treatment cost per patient-year.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Thresholds {
    /// The intervention's treatment cost per patient-year now.
    pub treatment_cost: f64,
    /// Discounted patient-years in the intervention's own treatment, per patient.
    pub treated_years: f64,
    /// Per perspective.
    pub by_perspective: [Threshold; 3],
}

/// The input that moves the intervention's treatment cost one for one: its total, or with
/// costs entered as parts its fixed cost per patient-year.
fn cost_lever(s: &Scenario) -> Option<P> {
    let t = s.settings.intervention.treatment()?;
    Some(match (t.cost_parts, s.settings.cost_input) {
        (Some(parts), CostInput::Parts) => parts.fixed_year,
        _ => t.cost_total,
    })
}

/// Step used to measure how net benefit moves with the treatment cost (it moves linearly:
/// treatment cost enters only as cost per year times discounted years in treatment).
const STEP: f64 = 1_000.0;

/// The thresholds of `s`.
///
/// # Formulas
///
/// With `Y` the intervention's discounted patient-years in its own treatment, `Δtreatment` the
/// extra treatment cost and `savings` the other counted categories' savings (both over the
/// horizon, per patient, as in the comparison):
///
/// - savings needed per treated patient-year = `Δtreatment / Y`;
/// - savings per treated patient-year = `savings / Y`;
/// - highest treatment cost = `c − NB / slope`, where `c` is the current cost per patient-year,
///   `NB` the net benefit and `slope = (NB(c + 1000) − NB(c)) / 1000` (negative: dearer
///   treatment, lower net benefit); [`MaxCost::NotEvenIfFree`] when that cost is below zero.
pub fn thresholds(s: &Scenario) -> Thresholds {
    thresholds_of(s, &evaluate(s))
}

/// [`thresholds`] from `o`, the evaluation of `s` already at hand.
pub fn thresholds_of(s: &Scenario, o: &Outcome) -> Thresholds {
    let y = o.intervention.treated_years_discounted;
    let c = treatment_cost_per_year(s, s.settings.intervention);
    let dearer = cost_lever(s).and_then(|p| {
        let mut w = s.clone();
        w.set(p, s.get(p) + STEP).ok()?;
        Some(evaluate(&w))
    });
    let per = |v: f64| if y > 0.0 { v / y } else { 0.0 };
    let by_perspective = Perspective::ALL.map(|q| {
        let now = o.chosen(q);
        let max_treatment_cost = match &dearer {
            Some(d) => {
                let slope = (d.chosen(q).net_benefit - now.net_benefit) / STEP;
                if slope < 0.0 {
                    let at = c - now.net_benefit / slope;
                    if at >= 0.0 && at.is_finite() {
                        MaxCost::At(at)
                    } else {
                        MaxCost::NotEvenIfFree
                    }
                } else {
                    MaxCost::NotApplicable
                }
            }
            None => MaxCost::NotApplicable,
        };
        Threshold {
            perspective: q,
            savings_needed_per_treated_year: per(now.extra_treatment_cost),
            savings_per_treated_year: per(now.savings),
            max_treatment_cost,
        }
    });
    Thresholds {
        treatment_cost: c,
        treated_years: y,
        by_perspective,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn at_the_highest_treatment_cost_each_perspective_breaks_even() {
        let s = Scenario::us_default();
        let t = thresholds(&s);
        for th in t.by_perspective {
            let MaxCost::At(cost) = th.max_treatment_cost else {
                panic!("{th:?}");
            };
            let mut w = s.clone();
            w.set(P::DamCostYear, cost).ok();
            let nb = evaluate(&w).chosen(th.perspective).net_benefit;
            assert!(nb.abs() < 0.01, "{:?}: {nb}", th.perspective);
        }
    }

    #[test]
    fn savings_needed_equal_savings_made_exactly_at_break_even() {
        // Net benefit = savings - extra treatment cost, so the two per-year figures are equal
        // where net benefit is zero and their gap is net benefit per treated year elsewhere.
        let s = Scenario::us_default();
        let o = evaluate(&s);
        let t = thresholds(&s);
        for th in t.by_perspective {
            let gap = th.savings_per_treated_year - th.savings_needed_per_treated_year;
            let nb = o.chosen(th.perspective).net_benefit / t.treated_years;
            assert!((gap - nb).abs() < 1e-6 * nb.abs().max(1.0), "{gap} vs {nb}");
        }
    }

    #[test]
    fn a_treatment_that_loses_even_when_free_says_so() {
        let mut s = Scenario::us_default();
        s.settings.perspective = Perspective::HealthSystem;
        // No health-care savings at all: even free treatment adds the methadone re-entries'
        // and others' costs, or at best breaks even; make treatment worsen health costs.
        s.set(P::HealthCareRrInjectable, 3.0).ok();
        let t = thresholds(&s);
        assert_eq!(
            t.by_perspective[0].max_treatment_cost,
            MaxCost::NotEvenIfFree
        );
    }
}
