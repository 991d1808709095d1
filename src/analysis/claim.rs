//! Claim checks: what a claim such as "saves at least EUR 12,793 per patient-year" or "pays
//! for itself" needs from each assumption, and how likely it is under Monte Carlo.

use super::{break_even_in, Crossing, Metric, PsaConfig, PsaRun, Tolerance};
use crate::model::evaluate;
use crate::params::P;
use crate::scenario::{Perspective, Scenario};
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

/// One assumption that could, alone, make the claim true (or false). Read back (e.g. from
/// another thread) through [`LeverData`]: the id must be a registry parameter's, and the
/// sources are that parameter's.
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

/// A [`Lever`] as read back, before its parameter is found in the registry.
#[derive(Debug, Clone, Deserialize)]
pub struct LeverData {
    param: String,
    needed: f64,
    current: f64,
    default: f64,
    range: (f64, f64),
    plausible: bool,
    distance: f64,
    assumption: bool,
    #[allow(dead_code)] // the registry's, not the message's, are kept
    sources: Vec<String>,
}

impl<'de> Deserialize<'de> for Lever {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Lever, D::Error> {
        Lever::try_from(LeverData::deserialize(d)?).map_err(serde::de::Error::custom)
    }
}

impl TryFrom<LeverData> for Lever {
    type Error = String;

    fn try_from(d: LeverData) -> Result<Lever, String> {
        let p = crate::params::find(&d.param).ok_or_else(|| {
            format!(
                "no parameter has the id '{}'",
                crate::scenario::excerpt(&d.param)
            )
        })?;
        let def = p.def();
        Ok(Lever {
            param: def.id,
            needed: d.needed,
            current: d.current,
            default: d.default,
            range: d.range,
            plausible: d.plausible,
            distance: d.distance,
            assumption: d.assumption,
            sources: def.origin.source_ids(),
        })
    }
}

/// What a claim needs.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
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
    let levers = levers(s, claim, &[]);
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

/// Every parameter but those in `skip` whose break-even value for `claim` lies in its search
/// range, nearest first.
fn levers(s: &Scenario, claim: Claim, skip: &[P]) -> Vec<Lever> {
    let mut levers = Vec::new();
    for p in P::ALL {
        if skip.contains(p) {
            continue;
        }
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
    crate::order::stable_by(&mut levers, |a, b| a.distance.total_cmp(&b.distance));
    levers
}

/// The horizons of the claim grid, in years; `None` is a lifetime (to age 100).
pub const GRID_HORIZONS: [Option<f64>; 4] = [Some(1.0), Some(5.0), Some(10.0), None];

/// How many levers each cell of the grid keeps (the nearest).
pub const GRID_LEVERS: usize = 3;

/// A claim's verdict in one cell.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Verdict {
    /// The metric meets the claim.
    Holds,
    /// The metric is defined and misses the claim.
    Fails,
    /// The metric is not defined here (a benefit-cost ratio without extra treatment cost, or a
    /// horizon the scenario does not accept), so the claim cannot be said to hold.
    Undefined,
}

impl Verdict {
    /// The verdict on a value of the metric.
    pub fn of(claim: &Claim, value: Option<f64>) -> Verdict {
        match value {
            Some(v) if claim.holds(v) => Verdict::Holds,
            Some(_) => Verdict::Fails,
            None => Verdict::Undefined,
        }
    }
}

/// One column of the grid: a horizon.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct GridHorizon {
    /// The horizon in years (`cohort.horizon_years`).
    pub years: f64,
    /// Whether it runs to age 100 (100 minus the age at entry).
    pub lifetime: bool,
}

impl GridHorizon {
    /// "1 year", "5 years", "lifetime".
    pub fn label(&self) -> String {
        if self.lifetime {
            "lifetime".into()
        } else if self.years == 1.0 {
            "1 year".into()
        } else {
            format!("{} years", self.years)
        }
    }
}

/// One cell: the claim under one perspective at one horizon.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GridCell {
    /// The metric there (`None` where undefined).
    pub value: Option<f64>,
    /// Whether the claim holds there.
    pub verdict: Verdict,
    /// The nearest single assumptions that reach the target there (at most [`GRID_LEVERS`]);
    /// empty where levers were not asked for.
    pub levers: Vec<Lever>,
    /// Whether levers were searched for in this cell.
    pub levers_searched: bool,
    /// Share of Monte Carlo draws in which the claim holds there (`None` without draws).
    pub probability: Option<f64>,
}

/// One perspective's row of the grid.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct GridRow {
    /// The perspective.
    pub perspective: Perspective,
    /// One cell per horizon, in the order of [`ClaimGrid::horizons`].
    pub cells: Vec<GridCell>,
}

/// A claim under every perspective at 1, 5 and 10 years and over a lifetime.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ClaimGrid {
    /// The claim.
    pub claim: Claim,
    /// The scenario's own perspective.
    pub own_perspective: Perspective,
    /// The scenario's own horizon in years.
    pub own_horizon_years: f64,
    /// The columns.
    pub horizons: Vec<GridHorizon>,
    /// Health system, government and society, narrowest first.
    pub rows: Vec<GridRow>,
    /// Monte Carlo draws per horizon (0 without draws).
    pub draws: usize,
}

impl ClaimGrid {
    /// The row of one perspective.
    pub fn row(&self, p: Perspective) -> Option<&GridRow> {
        self.rows.iter().find(|r| r.perspective == p)
    }
}

/// [`check_claim_grid_with`] with levers in every cell.
pub fn check_claim_grid(s: &Scenario, claim: Claim, mc: Option<PsaConfig>) -> ClaimGrid {
    check_claim_grid_with(s, claim, mc, true)
}

/// `claim` under each perspective (the metric evaluated with `settings.perspective` set to
/// it) at each of [`GRID_HORIZONS`] (`cohort.horizon_years` set to it; a lifetime is 100 minus
/// the age at entry): the value and verdict in every cell; the nearest levers (the horizon
/// itself excluded) in every cell, or with `levers_everywhere` false only under the
/// scenario's own perspective; and with `mc`, one Monte Carlo run per horizon (the same seed,
/// so the same draws of every other input) giving the share of draws in which the claim
/// holds under each perspective.
pub fn check_claim_grid_with(
    s: &Scenario,
    claim: Claim,
    mc: Option<PsaConfig>,
    levers_everywhere: bool,
) -> ClaimGrid {
    let own = s.settings.perspective;
    let lifetime_years = 100.0 - s.get(P::StartAge);
    let horizons: Vec<GridHorizon> = GRID_HORIZONS
        .iter()
        .map(|h| GridHorizon {
            years: h.unwrap_or(lifetime_years),
            lifetime: h.is_none(),
        })
        .collect();
    let mut rows: Vec<GridRow> = Perspective::ALL
        .iter()
        .map(|p| GridRow {
            perspective: *p,
            cells: Vec::with_capacity(horizons.len()),
        })
        .collect();
    let mut draws = 0;
    for h in &horizons {
        let mut at = s.clone();
        let set = at.set(P::HorizonYears, h.years).is_ok();
        let outcome = set.then(|| evaluate(&at));
        // Share of draws in which the claim holds, per perspective.
        let chances: Option<[f64; 3]> = match (set, mc) {
            (true, Some(cfg)) => {
                let mut run = PsaRun::new(&at, cfg);
                let mut hits = [0usize; 3];
                run.step_with(usize::MAX, |d, o| {
                    for (k, p) in Perspective::ALL.iter().enumerate() {
                        if claim.metric.under(o, d, *p).is_some_and(|v| claim.holds(v)) {
                            hits[k] += 1;
                        }
                    }
                });
                draws = run.draws().len();
                let n = draws.max(1) as f64;
                Some(hits.map(|k| k as f64 / n))
            }
            _ => None,
        };
        for (k, row) in rows.iter_mut().enumerate() {
            let p = row.perspective;
            let value = outcome.as_ref().and_then(|o| claim.metric.under(o, &at, p));
            let search = set && (levers_everywhere || p == own);
            let levers = if search {
                let mut under = at.clone();
                under.settings.perspective = p;
                let mut l = levers(&under, claim, &[P::HorizonYears]);
                l.truncate(GRID_LEVERS);
                l
            } else {
                Vec::new()
            };
            row.cells.push(GridCell {
                value,
                verdict: Verdict::of(&claim, value),
                levers,
                levers_searched: search,
                probability: chances.map(|c| c[k]),
            });
        }
    }
    ClaimGrid {
        claim,
        own_perspective: own,
        own_horizon_years: s.get(P::HorizonYears),
        horizons,
        rows,
        draws: if mc.is_some() { draws } else { 0 },
    }
}
