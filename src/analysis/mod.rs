//! Analyses over the one model. Each is a function of a [`Scenario`] that calls
//! [`crate::model::evaluate`] (the budget by year: [`crate::model::months`]) and never repeats
//! its formulas: break-even values and curves, two-way grids and frontiers, one-way
//! sensitivity (tornado), Monte Carlo, the expected value of partial perfect information,
//! claim checks, the thresholds officials ask for, and the budget by year.

mod breakeven;
mod budget;
mod claim;
mod evppi;
mod psa;
mod sensitivity;
mod thresholds;

pub use breakeven::{
    beside_curve, break_even, break_even_in, curve, curve_basis, BreakEven, Crossing, Curve,
    Method, Tolerance, Use,
};
pub use budget::{budget, ramp_share, ArmCash, Budget, BudgetTotal, BudgetYear, Payers, CASH};
pub use claim::{
    check_claim, check_claim_grid, check_claim_grid_with, Claim, ClaimGrid, ClaimReport,
    Comparison as ClaimComparison, GridCell, GridHorizon, GridRow, Lever, Verdict, GRID_HORIZONS,
    GRID_LEVERS,
};
pub use evppi::{
    evpi, evppi, evppi_of_run, group_id, partial_evpi, Estimate, Evppi, EvppiRun, Kind,
    Method as EvppiMethod, Row, Undefined, DRAWS_PER_COLUMN, INTERACTING, METHOD,
};
pub use psa::{fitted, psa, Draw, Fitted, Histogram, Psa, PsaConfig, PsaPart, PsaRun, Summary};
pub use sensitivity::{frontier, grid, tornado, tornado_per_patient_year, Bar, Grid, Tornado};
pub use thresholds::{thresholds, thresholds_of, MaxCost, Threshold, Thresholds};

use crate::model::{evaluate, Outcome};
use crate::params::P;
use crate::scenario::{Perspective, Scenario};
use serde::{Deserialize, Serialize};

/// A single number read from an [`Outcome`] under the scenario's own perspective: what
/// break-even analysis drives to a target and what claims are about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Metric {
    /// Incremental net benefit over the horizon, per patient (positive: saves money).
    NetBenefit,
    /// Net benefit averaged per year of the horizon.
    NetBenefitPerYear,
    /// Net benefit in the first 12 months.
    NetBenefitYearOne,
    /// Costs avoided per unit of extra treatment cost.
    BenefitCostRatio,
    /// Willingness to pay x QALYs gained minus incremental cost.
    NetMonetaryBenefit,
    /// Net benefit of the programme of N slots over Y years.
    ProgrammeNetBenefit,
}

impl Metric {
    /// How many metrics there are.
    pub const COUNT: usize = 6;

    /// Every metric.
    pub const ALL: [Metric; Metric::COUNT] = [
        Metric::NetBenefit,
        Metric::NetBenefitPerYear,
        Metric::NetBenefitYearOne,
        Metric::BenefitCostRatio,
        Metric::NetMonetaryBenefit,
        Metric::ProgrammeNetBenefit,
    ];

    /// Id used in URLs and the CLI.
    pub fn id(self) -> &'static str {
        match self {
            Metric::NetBenefit => "net_benefit",
            Metric::NetBenefitPerYear => "net_benefit_per_year",
            Metric::NetBenefitYearOne => "net_benefit_year_one",
            Metric::BenefitCostRatio => "benefit_cost_ratio",
            Metric::NetMonetaryBenefit => "net_monetary_benefit",
            Metric::ProgrammeNetBenefit => "programme_net_benefit",
        }
    }

    /// Parse an id written by [`Metric::id`].
    pub fn from_id(id: &str) -> Option<Metric> {
        Metric::ALL.into_iter().find(|m| m.id() == id)
    }

    /// Name shown to users.
    pub fn label(self) -> &'static str {
        match self {
            Metric::NetBenefit => "Net benefit over the horizon, per patient",
            Metric::NetBenefitPerYear => "Net benefit per patient-year",
            Metric::NetBenefitYearOne => "Net benefit in the first year, per patient",
            Metric::BenefitCostRatio => "Benefit-cost ratio",
            Metric::NetMonetaryBenefit => "Net monetary benefit per patient",
            Metric::ProgrammeNetBenefit => "Net benefit of the programme",
        }
    }

    /// Whether the metric is money (on the scenario's basis).
    pub fn is_money(self) -> bool {
        self != Metric::BenefitCostRatio
    }

    /// The metric's value, or `None` where it is undefined (a benefit-cost ratio when the
    /// intervention costs no more to deliver).
    pub fn of(self, o: &Outcome, s: &Scenario) -> Option<f64> {
        self.under(o, s, s.settings.perspective)
    }

    /// The metric's value under `perspective` rather than the scenario's own: the same as
    /// evaluating `s` with that perspective, read from the outcome `o` of `s`.
    pub fn under(self, o: &Outcome, s: &Scenario, perspective: Perspective) -> Option<f64> {
        let c = o.chosen(perspective);
        match self {
            Metric::NetBenefit => Some(c.net_benefit),
            Metric::NetBenefitPerYear => Some(c.net_benefit_per_year),
            Metric::NetBenefitYearOne => Some(c.net_benefit_year_one),
            Metric::BenefitCostRatio => c.benefit_cost_ratio,
            Metric::NetMonetaryBenefit => Some(c.net_monetary_benefit),
            Metric::ProgrammeNetBenefit => {
                Some(crate::model::programme_under(s, o, perspective).net_benefit)
            }
        }
    }

    /// Evaluate the scenario and read the metric.
    pub fn eval(self, s: &Scenario) -> Option<f64> {
        self.of(&evaluate(s), s)
    }
}

/// `s` with `p` set to `v`, if `v` is accepted and consistent with the rest.
fn with_value(s: &Scenario, p: P, v: f64) -> Option<Scenario> {
    let mut out = s.clone();
    out.set(p, v).ok()?;
    Some(out)
}

/// The range an analysis explores for `p`: the plausible range, widened to include the
/// current value.
fn explored_range(s: &Scenario, p: P) -> (f64, f64) {
    let (lo, hi) = s.range(p);
    let cur = s.get(p);
    (lo.min(cur), hi.max(cur))
}
