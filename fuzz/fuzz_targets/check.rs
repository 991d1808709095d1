//! What both targets check of a scenario a reader accepted: it evaluates to finite results with
//! shares in [0, 1].

use hatcalc::model::{evaluate, Icer};
use hatcalc::Scenario;

/// Panics (a finding for the fuzzer) when a result is not finite or a share leaves [0, 1].
pub fn evaluates_to_finite_results(s: &Scenario) {
    let o = evaluate(s);
    let mut numbers = Vec::new();
    for arm in [&o.intervention, &o.comparator] {
        numbers.extend(arm.costs.0);
        numbers.extend(arm.costs_year_one.0);
        numbers.extend([arm.qalys, arm.qalys_year_one, arm.life_years]);
        numbers.extend([arm.overdoses, arm.infections, arm.treated_years_discounted]);
        numbers.extend(arm.person_years);
        numbers.extend(arm.offences);
        for share in
            arm.final_shares
                .iter()
                .chain([&arm.deaths, &arm.overdose_deaths, &arm.retained_12m])
        {
            assert!((0.0..=1.0).contains(share), "share {share} outside [0, 1]");
        }
    }
    for c in &o.comparisons {
        numbers.extend([c.delta_cost, c.net_benefit, c.net_benefit_year_one]);
        numbers.extend([c.net_benefit_per_year, c.savings, c.extra_treatment_cost]);
        numbers.extend([c.delta_qalys, c.net_monetary_benefit]);
        numbers.extend(c.delta_by_bearer);
        numbers.extend(c.benefit_cost_ratio);
        if let Icer::CostPerQalyGained(x) | Icer::SavingPerQalyLost(x) = c.icer {
            numbers.push(x);
        }
    }
    numbers.extend([o.programme.gross_cost, o.programme.net_benefit]);
    numbers.extend(o.programme.delta_by_bearer);
    for x in numbers {
        assert!(x.is_finite(), "non-finite result {x}");
    }
}

/// The scenario's values, bit for bit.
pub fn bits(s: &Scenario) -> Vec<u64> {
    s.values().iter().map(|v| v.to_bits()).collect()
}
