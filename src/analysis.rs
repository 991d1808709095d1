//! Analyses over the one model: each is a function of a [`Scenario`] that calls
//! [`crate::model::evaluate`] and never repeats its formulas.

use crate::model::net_benefit;
use crate::params::P;
use crate::scenario::Scenario;
use serde::Serialize;

/// Net benefit as a function of one parameter across its plausible range.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Curve {
    /// The parameter varied.
    pub param: &'static str,
    /// Values of the parameter, on the scenario's basis.
    pub x: Vec<f64>,
    /// Incremental net benefit (scenario's perspective) at each value.
    pub net_benefit: Vec<f64>,
    /// Where the curve crosses zero, by linear interpolation between points.
    pub break_even: Option<f64>,
}

/// One-way curve of net benefit over `p`'s plausible range, widened to include the current
/// value, at `points` evenly spaced values (at least 2).
pub fn curve(s: &Scenario, p: P, points: usize) -> Curve {
    let (lo, hi) = s.range(p);
    let cur = s.get(p);
    let (lo, hi) = (lo.min(cur), hi.max(cur));
    let n = points.max(2);
    let mut x = Vec::with_capacity(n);
    let mut y = Vec::with_capacity(n);
    let mut work = s.clone();
    for i in 0..n {
        let v = lo + (hi - lo) * i as f64 / (n - 1) as f64;
        if work.set_unchecked_consistency(p, v).is_ok() && work.check_consistency().is_ok() {
            x.push(v);
            y.push(net_benefit(&work));
        }
    }
    let break_even = x.windows(2).zip(y.windows(2)).find_map(|(xs, ys)| {
        let (y0, y1) = (ys[0], ys[1]);
        if y0 == 0.0 {
            Some(xs[0])
        } else if y0.signum() != y1.signum() {
            Some(xs[0] + (xs[1] - xs[0]) * y0 / (y0 - y1))
        } else {
            None
        }
    });
    Curve {
        param: p.def().id,
        x,
        net_benefit: y,
        break_even,
    }
}
