//! Break-even values by bracketing root-finding, and one-way curves with the point marked.

use super::{explored_range, with_value, Metric};
use crate::params::P;
use crate::scenario::{Arm, CostInput, CrimeInput, Perspective, Scenario, Settings};
use serde::Serialize;

/// How close a break-even value must be.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Tolerance {
    /// Largest accepted |metric - target| at the reported value (metric units).
    pub metric: f64,
    /// Stop when the bracket is narrower than this share of the explored range.
    pub relative_x: f64,
}

impl Tolerance {
    /// One cent of net benefit (or 1e-6 of a ratio), or a bracket of 1e-12 of the range.
    pub fn for_metric(m: Metric) -> Tolerance {
        Tolerance {
            metric: if m.is_money() { 0.01 } else { 1e-6 },
            relative_x: 1e-12,
        }
    }
}

/// Where (or whether) a metric reaches its target as one parameter varies.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "snake_case", tag = "kind")]
pub enum Crossing {
    /// The metric equals the target at `value`, within the tolerance.
    At {
        /// Parameter value.
        value: f64,
        /// metric - target at `value`.
        residual: f64,
    },
    /// No crossing within the explored range; the sign of metric - target at each end.
    NoneInRange {
        /// (parameter value, metric - target) at the low end.
        low: (f64, f64),
        /// (parameter value, metric - target) at the high end.
        high: (f64, f64),
    },
    /// The metric is not defined anywhere in the explored range (a benefit-cost ratio where
    /// the intervention never costs more to deliver, for instance).
    Undefined,
}

/// How a break-even value was found.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Method {
    /// The metric is linear in the parameter over the range (checked at four points), so the
    /// crossing is solved directly.
    Direct,
    /// Sign changes on a scan, each refined with Brent's method.
    Bracketed,
}

/// Whether the parameter can move the metric under the current settings.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(rename_all = "snake_case", tag = "kind")]
pub enum Use {
    /// It moves the metric.
    Used,
    /// It does not move the metric under the current settings; `when` names a setting (or
    /// two) under which it would, if there is one.
    Unused {
        /// E.g. "treatment costs entered as parts".
        when: Option<String>,
    },
}

/// The break-even analysis of one parameter.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct BreakEven {
    /// Parameter id.
    pub param: &'static str,
    /// Metric driven to the target.
    pub metric: Metric,
    /// Target value (0 for "pays for itself").
    pub target: f64,
    /// The crossing nearest the current value.
    pub crossing: Crossing,
    /// Every crossing found in the searched range, ascending.
    pub all_crossings: Vec<f64>,
    /// The searched range: the accepted limits, widened to the current value.
    pub range: (f64, f64),
    /// The plausible range, for saying whether a crossing is plausible.
    pub plausible: (f64, f64),
    /// How the crossing was found.
    pub method: Method,
    /// Whether the parameter moves the metric under the current settings.
    pub used: Use,
}

const SCAN_POINTS: usize = 41;

/// The value of `p` at which `metric` equals `target`, searched over the whole accepted range
/// of `p` (its limits, widened to include the current value).
///
/// Where the metric is linear in `p` (checked at four points) the crossing is solved
/// directly. Otherwise the plausible range and the accepted range are each scanned at evenly
/// spaced points for sign changes of `metric - target`, and each bracket is refined with
/// Brent's method until the residual or the bracket is within `tol`. The crossing nearest the
/// current value is reported, with all the others; with none, the sign at each end. When
/// `p` does not move the metric, the result says so and names a setting under which it would.
pub fn break_even(s: &Scenario, p: P, metric: Metric, target: f64, tol: Tolerance) -> BreakEven {
    let (min, max) = s.limits(p);
    let cur = s.get(p);
    let range = (min.min(cur), max.max(cur));
    let mut be = break_even_in(s, p, metric, target, tol, range);
    be.used = use_of(s, p, metric, range);
    be
}

/// The break-even to state beside `c`, the curve of `p`: the curve's own crossing (the one
/// nearest the current value on the explored range) when it has one, otherwise the search of
/// [`break_even`] over the whole accepted range. A page draws the curve anyway, so the wider
/// search runs only when the curve finds nothing.
pub fn beside_curve(s: &Scenario, p: P, c: &Curve) -> BreakEven {
    let target = if c.metric == Metric::BenefitCostRatio {
        1.0
    } else {
        0.0
    };
    let tol = Tolerance::for_metric(c.metric);
    let Some(value) = c.break_even else {
        return break_even(s, p, c.metric, target, tol);
    };
    let residual = with_value(s, p, value)
        .and_then(|w| c.metric.eval(&w))
        .map_or(0.0, |m| m - target);
    BreakEven {
        param: p.def().id,
        metric: c.metric,
        target,
        crossing: Crossing::At { value, residual },
        all_crossings: vec![value],
        range: explored_range(s, p),
        plausible: s.range(p),
        method: Method::Bracketed,
        used: Use::Used,
    }
}

/// Whether `p` moves `metric` between the ends of `range`, and if not, which change of
/// settings (one, or two together) would make it.
fn use_of(s: &Scenario, p: P, metric: Metric, range: (f64, f64)) -> Use {
    let moves = |s: &Scenario| {
        let at = |x: f64| with_value(s, p, x).and_then(|w| metric.eval(&w));
        let (a, b) = (at(range.0), at(range.1));
        let mid = at((range.0 + range.1) / 2.0);
        a != b || a != mid
    };
    if moves(s) {
        return Use::Used;
    }
    let st = s.settings;
    // One change of settings each, with its words; a change that alters nothing is dropped.
    type Change = Box<dyn Fn(&mut Settings)>;
    let mut changes: Vec<(String, Change)> = Vec::new();
    let mut add = |what: String, f: Change| {
        let mut t = st;
        f(&mut t);
        if t != st {
            changes.push((what, f));
        }
    };
    add(
        match st.cost_input {
            CostInput::Total => "treatment costs entered as parts".into(),
            CostInput::Parts => "treatment costs entered as published totals".into(),
        },
        Box::new(|t| {
            t.cost_input = match t.cost_input {
                CostInput::Total => CostInput::Parts,
                CostInput::Parts => CostInput::Total,
            }
        }),
    );
    add(
        match st.crime_input {
            CrimeInput::Offences => "crime entered as costs per year".into(),
            CrimeInput::PerYear => "crime entered as priced offences".into(),
        },
        Box::new(|t| {
            t.crime_input = match t.crime_input {
                CrimeInput::Offences => CrimeInput::PerYear,
                CrimeInput::PerYear => CrimeInput::Offences,
            }
        }),
    );
    for q in Perspective::ALL {
        add(
            format!("the {} perspective", q.label().to_ascii_lowercase()),
            Box::new(move |t| t.perspective = q),
        );
    }
    add(
        "victims' pain and suffering counted".into(),
        Box::new(|t| t.include_intangible = true),
    );
    add(
        "deaths valued at the value of a statistical life".into(),
        Box::new(|t| t.include_vsl = true),
    );
    for a in Arm::ALL {
        if a.spec().as_intervention {
            add(
                format!("{} as the treatment", a.label().to_ascii_lowercase()),
                Box::new(move |t| t.intervention = a),
            );
        }
        if a.spec().as_comparator {
            add(
                format!("{} as the comparison", a.label().to_ascii_lowercase()),
                Box::new(move |t| t.comparator = a),
            );
        }
    }
    // The scenario under the settings after `fs`, if each of them changes something.
    let under = |fs: &[&Change]| {
        let mut t = st;
        for f in fs {
            let before = t;
            f(&mut t);
            if t == before {
                return None;
            }
        }
        let mut w = s.clone();
        w.settings = t;
        Some(w)
    };
    for (what, f) in &changes {
        if under(&[f]).is_some_and(|w| moves(&w)) {
            return Use::Unused {
                when: Some(what.clone()),
            };
        }
    }
    // Two changes together (hydromorphone's drug price needs hydromorphone and costs by parts).
    for (i, (w1, f1)) in changes.iter().enumerate() {
        for (w2, f2) in &changes[i + 1..] {
            if under(&[f1, f2]).is_some_and(|w| moves(&w)) {
                return Use::Unused {
                    when: Some(format!("{w1} and {w2}")),
                };
            }
        }
    }
    Use::Unused { when: None }
}

/// Grid points over `range`, with the plausible range `dense` scanned as finely as the whole.
fn scan_points(range: (f64, f64), dense: (f64, f64)) -> Vec<f64> {
    let grid = |(lo, hi): (f64, f64)| {
        (0..SCAN_POINTS).map(move |i| lo + (hi - lo) * i as f64 / (SCAN_POINTS - 1) as f64)
    };
    let d = (dense.0.max(range.0), dense.1.min(range.1));
    let whole: Vec<f64> = grid(range).filter(|x| x.is_finite()).collect();
    let fine: Vec<f64> = if d.0 < d.1 {
        grid(d).filter(|x| x.is_finite()).collect()
    } else {
        Vec::new()
    };
    // Both grids rise: merged in order (what sorting them together gives), each value once.
    let mut xs = Vec::with_capacity(whole.len() + fine.len());
    let (mut i, mut j) = (0, 0);
    while i < whole.len() || j < fine.len() {
        if j == fine.len() || (i < whole.len() && whole[i].total_cmp(&fine[j]).is_le()) {
            xs.push(whole[i]);
            i += 1;
        } else {
            xs.push(fine[j]);
            j += 1;
        }
    }
    xs.dedup();
    xs
}

/// The crossing of a function that is linear on `[lo, hi]`, if it is linear there (checked
/// at the ends and at a third and two thirds of the way) and crosses zero inside.
fn direct_root(f: &impl Fn(f64) -> Option<f64>, lo: f64, hi: f64) -> Option<Result<f64, ()>> {
    let (a, b) = (f(lo)?, f(hi)?);
    let scale = a.abs().max(b.abs()).max(1e-300);
    for k in [1.0 / 3.0, 2.0 / 3.0] {
        let x = lo + (hi - lo) * k;
        let line = a + (b - a) * k;
        if (f(x)? - line).abs() > 1e-9 * scale {
            return None;
        }
    }
    if a == b {
        return Some(Err(()));
    }
    let root = lo - a * (hi - lo) / (b - a);
    Some(if (lo..=hi).contains(&root) {
        Ok(root)
    } else {
        Err(())
    })
}

/// [`break_even`] over an explicit range of `p`.
pub fn break_even_in(
    s: &Scenario,
    p: P,
    metric: Metric,
    target: f64,
    tol: Tolerance,
    range: (f64, f64),
) -> BreakEven {
    let f = |x: f64| {
        with_value(s, p, x)
            .and_then(|w| metric.eval(&w))
            .map(|y| y - target)
    };
    let (lo, hi) = range;
    let plausible = s.range(p);
    // A metric linear in the parameter (a cost or a price, typically) has one answer: solve it.
    if let Some(direct) = direct_root(&f, lo, hi) {
        let residual = |x: f64| f(x).filter(|r| r.abs() <= tol.metric.max(1e-9 * x.abs()));
        let found = direct.ok().and_then(|x| residual(x).map(|r| (x, r)));
        if let Some((value, residual)) = found {
            return BreakEven {
                param: p.def().id,
                metric,
                target,
                crossing: Crossing::At { value, residual },
                all_crossings: vec![value],
                range,
                plausible,
                method: Method::Direct,
                used: Use::Used,
            };
        }
        if direct.is_err() {
            if let (Some(a), Some(b)) = (f(lo), f(hi)) {
                return BreakEven {
                    param: p.def().id,
                    metric,
                    target,
                    crossing: Crossing::NoneInRange {
                        low: (lo, a),
                        high: (hi, b),
                    },
                    all_crossings: Vec::new(),
                    range,
                    plausible,
                    method: Method::Direct,
                    used: Use::Used,
                };
            }
        }
    }
    let xs = scan_points(range, plausible);
    let n = xs.len();
    let ys: Vec<Option<f64>> = xs.iter().map(|x| f(*x)).collect();
    let mut roots = Vec::new();
    for i in 0..n.saturating_sub(1) {
        let (Some(y0), Some(y1)) = (ys[i], ys[i + 1]) else {
            continue;
        };
        if y0 == 0.0 {
            roots.push(xs[i]);
        } else if y0.signum() != y1.signum() && y1 != 0.0 {
            if let Some(r) = brent(&f, xs[i], xs[i + 1], y0, y1, tol, hi - lo) {
                roots.push(r);
            }
        }
    }
    if let Some(Some(y)) = ys.last() {
        if *y == 0.0 {
            roots.push(hi);
        }
    }
    let cur = s.get(p);
    let nearest = roots
        .iter()
        .copied()
        .min_by(|a, b| (a - cur).abs().total_cmp(&(b - cur).abs()));
    let crossing = match nearest {
        Some(value) => Crossing::At {
            value,
            residual: f(value).unwrap_or(0.0),
        },
        None => {
            let first = xs.iter().zip(&ys).find_map(|(x, y)| y.map(|y| (*x, y)));
            let last = xs
                .iter()
                .zip(&ys)
                .rev()
                .find_map(|(x, y)| y.map(|y| (*x, y)));
            match (first, last) {
                (Some(low), Some(high)) => Crossing::NoneInRange { low, high },
                _ => Crossing::Undefined,
            }
        }
    };
    BreakEven {
        param: p.def().id,
        metric,
        target,
        crossing,
        all_crossings: roots,
        range,
        plausible,
        method: Method::Bracketed,
        used: Use::Used,
    }
}

/// Brent's method on a bracket [a, b] with f(a) = fa, f(b) = fb of opposite signs.
fn brent(
    f: &impl Fn(f64) -> Option<f64>,
    mut a: f64,
    mut b: f64,
    mut fa: f64,
    mut fb: f64,
    tol: Tolerance,
    span: f64,
) -> Option<f64> {
    if fa.abs() < fb.abs() {
        std::mem::swap(&mut a, &mut b);
        std::mem::swap(&mut fa, &mut fb);
    }
    let mut c = a;
    let mut fc = fa;
    let mut d = b - a;
    let mut bisected = true;
    for _ in 0..200 {
        if fb.abs() <= tol.metric || (b - a).abs() <= tol.relative_x * span {
            return Some(b);
        }
        let mut x = if fa != fc && fb != fc {
            // Inverse quadratic interpolation.
            a * fb * fc / ((fa - fb) * (fa - fc))
                + b * fa * fc / ((fb - fa) * (fb - fc))
                + c * fa * fb / ((fc - fa) * (fc - fb))
        } else {
            b - fb * (b - a) / (fb - fa)
        };
        let lo = (3.0 * a + b) / 4.0;
        let outside = !((lo.min(b)..=lo.max(b)).contains(&x));
        let slow = if bisected {
            (x - b).abs() >= (b - c).abs() / 2.0
        } else {
            (x - b).abs() >= (c - d).abs() / 2.0
        };
        if outside || slow {
            x = (a + b) / 2.0;
            bisected = true;
        } else {
            bisected = false;
        }
        let fx = f(x)?;
        d = c;
        c = b;
        fc = fb;
        if fa.signum() == fx.signum() {
            a = b;
            fa = fb;
        }
        b = x;
        fb = fx;
        if fa.abs() < fb.abs() {
            std::mem::swap(&mut a, &mut b);
            std::mem::swap(&mut fa, &mut fb);
        }
        // `a` must keep the sign opposite to `b`'s.
        if fa.signum() == fb.signum() {
            a = c;
            fa = fc;
        }
    }
    Some(b)
}

/// A metric as a function of one parameter across its range, with the break-even marked.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Curve {
    /// The parameter varied.
    pub param: &'static str,
    /// The metric drawn.
    pub metric: Metric,
    /// Values of the parameter, on the scenario's basis.
    pub x: Vec<f64>,
    /// The metric at each value.
    pub y: Vec<f64>,
    /// Every value at which the metric equals zero (one for a benefit-cost ratio), found by
    /// root-finding between the curve's own points, in increasing order.
    pub crossings: Vec<f64>,
    /// The crossing nearest the current value (the first of two equally near).
    pub break_even: Option<f64>,
}

impl Curve {
    /// The same curve with its break-even chosen for `current`, a value of its parameter
    /// (see [`curve_basis`]).
    pub fn with_current(mut self, current: f64) -> Curve {
        self.break_even = nearest(&self.crossings, current);
        self
    }
}

/// The crossing nearest `current`; the first of two equally near.
fn nearest(crossings: &[f64], current: f64) -> Option<f64> {
    crossings.iter().copied().fold(None, |best, r| match best {
        Some(b) if (r - current).abs() >= (b - current).abs() => Some(b),
        _ => Some(r),
    })
}

/// The scenario from which [`curve`] draws the same points and crossings as from `s`: `s`
/// with `p` at the low end of its plausible range when its current value lies within that
/// range (so the explored range is the plausible range whatever the value), otherwise `s`.
/// The points set `p` themselves, so its current value enters only the explored range and
/// the choice of break-even; a page keeps the curve of the basis while `p` alone changes, and
/// calls [`Curve::with_current`] with the value.
pub fn curve_basis(s: &Scenario, p: P) -> Scenario {
    let (lo, hi) = s.range(p);
    let cur = s.get(p);
    if (lo..=hi).contains(&cur) && cur != lo {
        if let Ok(b) = s.clone().with(p, lo) {
            return b;
        }
    }
    s.clone()
}

/// The curve of `metric` over `p`'s explored range at `points` evenly spaced values
/// (at least 2), with its crossings and its break-even point (metric = 0, or 1 for a ratio).
pub fn curve(s: &Scenario, p: P, metric: Metric, points: usize) -> Curve {
    let (lo, hi) = explored_range(s, p);
    let n = points.max(2);
    let mut x = Vec::with_capacity(n);
    let mut y = Vec::with_capacity(n);
    for i in 0..n {
        let v = lo + (hi - lo) * i as f64 / (n - 1) as f64;
        if let Some(m) = with_value(s, p, v).and_then(|w| metric.eval(&w)) {
            x.push(v);
            y.push(m);
        }
    }
    // Each sign change between the curve's own points, refined with Brent's method.
    let target = if metric == Metric::BenefitCostRatio {
        1.0
    } else {
        0.0
    };
    let tol = Tolerance::for_metric(metric);
    let f = |v: f64| {
        with_value(s, p, v)
            .and_then(|w| metric.eval(&w))
            .map(|m| m - target)
    };
    let mut crossings = Vec::new();
    for i in 0..x.len().saturating_sub(1) {
        let (y0, y1) = (y[i] - target, y[i + 1] - target);
        let root = if y0 == 0.0 {
            Some(x[i])
        } else if y0.signum() != y1.signum() && y1 != 0.0 {
            brent(&f, x[i], x[i + 1], y0, y1, tol, hi - lo)
        } else {
            None
        };
        crossings.extend(root);
    }
    if let (Some(&xl), Some(&yl)) = (x.last(), y.last()) {
        if yl == target {
            crossings.push(xl);
        }
    }
    Curve {
        param: p.def().id,
        metric,
        x,
        y,
        crossings,
        break_even: None,
    }
    .with_current(s.get(p))
}
