//! One-way sensitivity (the tornado) and two-way grids with their break-even frontier.

use super::{break_even, explored_range, with_value, Crossing, Metric, Tolerance};
use crate::model::relevant;
use crate::params::{Grade, Group, P};
use crate::scenario::Scenario;
use serde::{Deserialize, Serialize};

/// One parameter's bar: the metric with the parameter at its low and at its high.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Bar {
    /// Parameter id.
    pub param: &'static str,
    /// Low end of the plausible range.
    pub low: f64,
    /// High end of the plausible range.
    pub high: f64,
    /// Metric at the low end (`None` where the value is refused or the metric undefined).
    pub at_low: Option<f64>,
    /// Metric at the high end.
    pub at_high: Option<f64>,
    /// |at_high - at_low|.
    pub swing: f64,
    /// Whether the metric's sign (against the target) differs between the ends and the base.
    pub flips: bool,
    /// Evidence grade of the parameter's default.
    pub grade: Grade,
}

/// The tornado: every parameter's bar, widest swing first.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Tornado {
    /// Metric shown.
    pub metric: Metric,
    /// The metric with every parameter at its current value (`None` where it is undefined,
    /// e.g. a benefit-cost ratio without extra treatment cost).
    pub base: Option<f64>,
    /// Reference the sign is judged against (0, or 1 for a ratio).
    pub target: f64,
    /// Bars, widest swing first; parameters that do not move the metric come last.
    pub bars: Vec<Bar>,
}

impl Tornado {
    /// The share of the bars' total swing that comes from inputs whose default is an
    /// assumption: how much of the uncertainty in the result no published figure bounds.
    /// `None` when nothing moves the metric.
    ///
    /// # Formula
    ///
    /// `sum of swing over assumption-graded bars / sum of swing over all bars`.
    pub fn assumption_share(&self) -> Option<f64> {
        let total: f64 = self.bars.iter().map(|b| b.swing).sum();
        let assumed: f64 = self
            .bars
            .iter()
            .filter(|b| b.grade == Grade::Assumption)
            .map(|b| b.swing)
            .sum();
        (total > 0.0).then(|| assumed / total)
    }

    /// How many of the `n` widest bars are assumptions.
    pub fn assumptions_in_top(&self, n: usize) -> usize {
        self.bars
            .iter()
            .take(n)
            .filter(|b| b.grade == Grade::Assumption)
            .count()
    }
}

/// The tornado the page shows and its headline reads: net benefit per patient-year, with only
/// the inputs the settings use that move it, the programme's size and horizon left out (the
/// horizon's length would otherwise be the largest "effect" on a per-year average, and the
/// programme's size does not change a per-patient result).
pub fn tornado_per_patient_year(s: &Scenario) -> Tornado {
    let mut t = tornado(s, Metric::NetBenefitPerYear);
    t.bars.retain(|b| {
        b.swing > 0.0
            && crate::params::find(b.param)
                .is_some_and(|p| relevant(s, p) && p.def().group != Group::Programme)
    });
    t
}

/// Every parameter at its plausible low and high, one at a time, the rest at their current
/// values.
pub fn tornado(s: &Scenario, metric: Metric) -> Tornado {
    let target = if metric == Metric::BenefitCostRatio {
        1.0
    } else {
        0.0
    };
    let base = metric.eval(s);
    let side = |v: f64| v >= target;
    let mut bars: Vec<Bar> = P::ALL
        .iter()
        .map(|p| {
            let (low, high) = s.range(*p);
            let at = |v: f64| with_value(s, *p, v).and_then(|w| metric.eval(&w));
            let (at_low, at_high) = (at(low), at(high));
            let swing = match (at_low, at_high) {
                (Some(a), Some(b)) => (b - a).abs(),
                _ => 0.0,
            };
            let flips = base.is_some_and(|base| {
                [at_low, at_high]
                    .iter()
                    .flatten()
                    .any(|v| side(*v) != side(base))
            });
            Bar {
                param: p.def().id,
                low,
                high,
                at_low,
                at_high,
                swing,
                flips,
                grade: p.def().origin.grade(),
            }
        })
        .collect();
    crate::order::stable_by(&mut bars, |a, b| b.swing.total_cmp(&a.swing));
    Tornado {
        metric,
        base,
        target,
        bars,
    }
}

/// The metric over a grid of two parameters.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Grid {
    /// Parameter on the x axis.
    pub x_param: &'static str,
    /// Parameter on the y axis.
    pub y_param: &'static str,
    /// Metric shown.
    pub metric: Metric,
    /// x values.
    pub x: Vec<f64>,
    /// y values.
    pub y: Vec<f64>,
    /// Metric values, row by row: `z[j * x.len() + i]` at (x[i], y[j]); `None` where the
    /// metric is undefined or the pair of values is not accepted.
    pub z: Vec<Option<f64>>,
}

/// A [`Grid`] as read back (e.g. from another thread), before its parameters are found in
/// the registry.
#[derive(Deserialize)]
struct GridData {
    x_param: String,
    y_param: String,
    metric: Metric,
    x: Vec<f64>,
    y: Vec<f64>,
    z: Vec<Option<f64>>,
}

impl<'de> Deserialize<'de> for Grid {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Grid, D::Error> {
        let g = GridData::deserialize(d)?;
        let id = |text: &str| {
            crate::params::find(text)
                .map(|p| p.def().id)
                .ok_or_else(|| {
                    serde::de::Error::custom(format!(
                        "no parameter has the id '{}'",
                        crate::scenario::excerpt(text)
                    ))
                })
        };
        Ok(Grid {
            x_param: id(&g.x_param)?,
            y_param: id(&g.y_param)?,
            metric: g.metric,
            x: g.x,
            y: g.y,
            z: g.z,
        })
    }
}

impl Grid {
    /// The metric at (x[i], y[j]), where it is defined.
    pub fn at(&self, i: usize, j: usize) -> Option<f64> {
        self.z.get(j * self.x.len() + i).copied().flatten()
    }

    /// Where the metric crosses `level` along y in each column, by linear interpolation
    /// between grid points: the frontier as far as the grid resolves it. Columns without a
    /// crossing are left out; a column crossing more than once gives each crossing.
    pub fn contour(&self, level: f64) -> Vec<(f64, f64)> {
        let mut out = Vec::new();
        for (i, x) in self.x.iter().enumerate() {
            for j in 0..self.y.len().saturating_sub(1) {
                let (Some(a), Some(b)) = (self.at(i, j), self.at(i, j + 1)) else {
                    continue;
                };
                let (a, b) = (a - level, b - level);
                if a == 0.0 || a.signum() != b.signum() {
                    let t = if a == b { 0.0 } else { a / (a - b) };
                    out.push((*x, self.y[j] + t * (self.y[j + 1] - self.y[j])));
                }
            }
        }
        out
    }
}

fn steps(lo: f64, hi: f64, n: usize) -> Vec<f64> {
    let n = n.max(2);
    (0..n)
        .map(|i| lo + (hi - lo) * i as f64 / (n - 1) as f64)
        .collect()
}

/// The metric at every point of an `nx` x `ny` grid over the explored ranges of `px` and `py`.
pub fn grid(s: &Scenario, px: P, py: P, nx: usize, ny: usize, metric: Metric) -> Grid {
    let (x0, x1) = explored_range(s, px);
    let (y0, y1) = explored_range(s, py);
    let x = steps(x0, x1, nx);
    let y = steps(y0, y1, ny);
    let mut z = Vec::with_capacity(x.len() * y.len());
    for yv in &y {
        let Some(row) = with_value(s, py, *yv) else {
            z.extend(std::iter::repeat_n(None, x.len()));
            continue;
        };
        for xv in &x {
            z.push(with_value(&row, px, *xv).and_then(|w| metric.eval(&w)));
        }
    }
    Grid {
        x_param: px.def().id,
        y_param: py.def().id,
        metric,
        x,
        y,
        z,
    }
}

/// The break-even frontier: for each of `n` values of `px`, the value of `py` at which the
/// metric reaches `target` (`None` where it does not within `py`'s explored range).
pub fn frontier(
    s: &Scenario,
    px: P,
    py: P,
    n: usize,
    metric: Metric,
    target: f64,
) -> Vec<(f64, Option<f64>)> {
    let (x0, x1) = explored_range(s, px);
    steps(x0, x1, n)
        .into_iter()
        .map(|xv| {
            let y = with_value(s, px, xv).and_then(|w| {
                match break_even(&w, py, metric, target, Tolerance::for_metric(metric)).crossing {
                    Crossing::At { value, .. } => Some(value),
                    Crossing::NoneInRange { .. } | Crossing::Undefined => None,
                }
            });
            (xv, y)
        })
        .collect()
}
