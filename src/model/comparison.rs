//! The decision layer's arithmetic: one arm against another under a perspective (differences
//! by category and by bearer, benefit-cost ratio, cost per QALY, net monetary benefit), and
//! the budget view of a programme of treatment places.

use super::outcome::{ArmResult, Bearer, Category, Comparison, Icer, Programme, Scope};
use super::unit_costs::treatment_cost_per_year;
use crate::params::P;
use crate::scenario::Scenario;

pub(crate) fn compare(
    s: &Scenario,
    scope: Scope,
    a: &ArmResult,
    b: &ArmResult,
    years: f64,
) -> Comparison {
    let delta = a.costs.minus(&b.costs);
    let delta1 = a.costs_year_one.minus(&b.costs_year_one);
    let delta_cost = delta.total(&scope);
    let extra_treatment_cost = delta.get(Category::Treatment);
    let savings = -(delta_cost - extra_treatment_cost);
    let delta_qalys = a.qalys - b.qalys;
    // Metrics that value health through QALYs never count the value of a statistical life:
    // the same deaths would be valued twice.
    let qaly_cost = delta.total(&scope.without_vsl());
    let ratio = qaly_cost / delta_qalys;
    let icer = match (qaly_cost > 0.0, delta_qalys > 0.0) {
        (false, _) if delta_qalys >= 0.0 => Icer::Dominant,
        (true, false) => Icer::Dominated,
        // A QALY difference so small that the ratio overflows is no difference at all.
        (true, true) if !ratio.is_finite() => Icer::Dominated,
        (false, _) if !ratio.is_finite() => Icer::Dominant,
        (true, true) => Icer::CostPerQalyGained(ratio),
        (false, _) => Icer::SavingPerQalyLost(ratio),
    };
    Comparison {
        scope,
        delta_cost,
        net_benefit: -delta_cost,
        net_benefit_year_one: -delta1.total(&scope),
        net_benefit_per_year: -delta_cost / years,
        extra_treatment_cost,
        savings,
        // Undefined (None) without extra treatment cost, or when it is so small that the ratio
        // overflows.
        benefit_cost_ratio: (extra_treatment_cost > 0.0)
            .then(|| savings / extra_treatment_cost)
            .filter(|r| r.is_finite()),
        delta_qalys,
        icer,
        net_monetary_benefit: s.get(P::WtpPerQaly) * delta_qalys - qaly_cost,
        delta_by_bearer: Bearer::ALL.map(|br| delta.bearer_total(br, &scope)),
    }
}

pub(crate) fn programme(s: &Scenario, scope: Scope, a: &ArmResult, b: &ArmResult) -> Programme {
    let slots = s.get(P::Slots);
    let years = s.get(P::ProgrammeYears);
    let r = s.get(P::DiscountCosts);
    // Slot-years delivered, each year's discounted to the programme's start (mid-year).
    // Year y's factor (1 + r)^-(y + 1/2), from the first year's by one division a year.
    let whole = years.floor() as usize;
    let mut slot_years = 0.0;
    let mut factor = 1.0 / (1.0 + r).sqrt();
    for _ in 0..whole {
        slot_years += factor;
        factor /= 1.0 + r;
    }
    let part = years - whole as f64;
    if part > 0.0 {
        slot_years += part * (1.0 + r).powf(-(whole as f64 + part / 2.0));
    }
    slot_years *= slots;
    let startup_cost = slots * s.get(P::StartupPerSlot);
    // The cohort's incremental results per discounted treated year, scaled to the programme.
    let k = if a.treated_years_discounted > 0.0 {
        slot_years / a.treated_years_discounted
    } else {
        0.0
    };
    let delta = a.costs.minus(&b.costs).scaled(k);
    let mut by_bearer = Bearer::ALL.map(|br| delta.bearer_total(br, &scope));
    by_bearer[Bearer::Health as usize] += startup_cost;
    Programme {
        slots,
        years,
        slot_years_discounted: slot_years,
        gross_cost: slot_years * treatment_cost_per_year(s, a.arm) + startup_cost,
        startup_cost,
        delta_by_bearer: by_bearer,
        net_benefit: -by_bearer.iter().sum::<f64>(),
    }
}
