//! Claim checks: what a claim such as "saves at least EUR 12,793 per patient-year" or "pays
//! for itself" needs from each assumption, and how likely it is under Monte Carlo.

use super::{break_even_in, Crossing, Metric, PsaConfig, PsaRun, Tolerance};
use crate::params::P;
use crate::scenario::Scenario;
use serde::{Deserialize, Serialize};

/// Which side of the target a claim asserts.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Comparison {
    /// metric >= target.
    AtLeast,
    /// metric <= target.
    AtMost,
}

/// A claim about one metric.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Claim {
    /// The metric the claim is about.
    pub metric: Metric,
    /// At least or at most.
    pub comparison: Comparison,
    /// The claimed value, on the scenario's basis for money.
    pub target: f64,
}

impl Claim {
    /// "Pays for itself": net benefit over the horizon at least zero.
    pub const PAYS_FOR_ITSELF: Claim = Claim {
        metric: Metric::NetBenefit,
        comparison: Comparison::AtLeast,
        target: 0.0,
    };

    /// Whether `value` satisfies the claim.
    pub fn holds(&self, value: f64) -> bool {
        match self.comparison {
            Comparison::AtLeast => value >= self.target,
            Comparison::AtMost => value <= self.target,
        }
    }
}

/// One assumption that could, alone, make the claim true (or false).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Lever {
    /// Parameter id.
    pub param: &'static str,
    /// The value at which the metric reaches the claimed target.
    pub needed: f64,
    /// The parameter's current value.
    pub current: f64,
    /// Its registry default on the scenario's basis.
    pub default: f64,
    /// Its plausible range.
    pub range: (f64, f64),
    /// Whether the needed value lies inside the plausible range.
    pub plausible: bool,
    /// Distance from the current value in plausible-range widths.
    pub distance: f64,
    /// Whether the default is an assumption rather than a published figure.
    pub assumption: bool,
    /// Source ids behind the default.
    pub sources: &'static [&'static str],
}

/// What a claim needs.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ClaimReport {
    /// The claim.
    pub claim: Claim,
    /// The metric with every assumption at its current value.
    pub current_value: Option<f64>,
    /// Whether the claim holds as things stand.
    pub holds: bool,
    /// Single assumptions that reach the target within their accepted limits, nearest first.
    pub levers: Vec<Lever>,
    /// Share of Monte Carlo draws in which the claim holds (`None` if no draws were asked for).
    pub probability: Option<f64>,
}

/// Check `claim` against `s`: for every parameter, the value at which the metric reaches the
/// target (searched from one plausible-range width below the range to one above, within the
/// accepted limits), then the Monte Carlo chance the claim holds.
pub fn check_claim(s: &Scenario, claim: Claim, mc: Option<PsaConfig>) -> ClaimReport {
    let current_value = claim.metric.eval(s);
    let holds = current_value.is_some_and(|v| claim.holds(v));
    let mut levers = Vec::new();
    for p in P::ALL {
        let (lo, hi) = s.range(*p);
        if hi <= lo {
            continue;
        }
        // Search a range-width beyond each end too: a claim may need an implausible value,
        // and saying how implausible is the point.
        let (min, max) = s.limits(*p);
        let w = hi - lo;
        let search = (
            (lo.min(s.get(*p)) - w).max(min),
            (hi.max(s.get(*p)) + w).min(max),
        );
        let tol = Tolerance::for_metric(claim.metric);
        if let Crossing::At { value: needed, .. } =
            break_even_in(s, *p, claim.metric, claim.target, tol, search).crossing
        {
            let def = p.def();
            levers.push(Lever {
                param: def.id,
                needed,
                current: s.get(*p),
                default: s.default_of(*p),
                range: (lo, hi),
                plausible: needed >= lo && needed <= hi,
                distance: (needed - s.get(*p)).abs() / w,
                assumption: def.origin.is_assumption(),
                sources: def.origin.source_ids(),
            });
        }
    }
    levers.sort_by(|a, b| a.distance.total_cmp(&b.distance));
    let probability = mc.map(|cfg| {
        let mut run = PsaRun::new(s, cfg);
        run.step(usize::MAX);
        let k = claim.metric as usize;
        let hits = run
            .draws()
            .iter()
            .filter(|d| d.metrics[k].is_some_and(|v| claim.holds(v)))
            .count();
        hits as f64 / run.draws().len().max(1) as f64
    });
    ClaimReport {
        claim,
        current_value,
        holds,
        levers,
        probability,
    }
}
