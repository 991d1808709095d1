//! Expected value of partial perfect information (EVPPI): how much of the decision uncertainty
//! one input, or a group of inputs, accounts for, estimated from the Monte Carlo draws by
//! non-parametric regression (Strong, Oakley and Brennan 2014).
//!
//! For adopt-or-not with incremental net monetary benefit `INB` (the quantity the EVPI of
//! [`super::psa`] uses), `EVPPI(φ) = E_φ[max(0, E[INB | φ])] − max(0, E[INB])`. The inner
//! expectation `g(φ) = E[INB | φ]` is estimated by least squares of the draws' INB on a basis
//! of the draws' values of `φ`: each input's restricted (natural) cubic spline with five knots
//! at quantiles (Harrell), and for a group the products of every pair among its most
//! influential inputs, because this model's costs are products (offences × prices × relative
//! risks × time in treatment) that an additive fit misses. Then
//! `EVPPI ≈ mean_i max(0, ĝ(φ_i)) − max(0, mean_i INB_i)`, clamped to `[0, EVPI]`.
//!
//! The least squares are solved through the normal equations with a hand-written Cholesky
//! factorisation (columns centred and scaled, nearly collinear columns dropped). The systems
//! have at most a few hundred columns and are accumulated draw by draw, so nothing of size
//! draws × columns is stored; a linear-algebra crate (nalgebra) would add weight to the page's
//! bundle for one symmetric solve.

use super::psa::{incremental_nmb, PsaConfig, PsaRun};
use crate::model::evaluate;
use crate::params::{Group, P};
use crate::scenario::Scenario;
use serde::Serialize;

/// The estimator, named in every result.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Method {
    /// Stable id.
    pub id: &'static str,
    /// What the estimator is, in one line.
    pub name: &'static str,
    /// Bibliography ids (see [`crate::sources`]).
    pub sources: [&'static str; 2],
}

/// The estimator this module implements.
pub const METHOD: Method = Method {
    id: "regression_rcs5_pairs",
    name: "Non-parametric regression of incremental net monetary benefit on the inputs \
           (Strong, Oakley & Brennan 2014), fitted by least squares: a restricted cubic spline \
           per input (Harrell; knots at the 5, 27.5, 50, 72.5 and 95% quantiles) plus, for a \
           group, the products of every pair among its 10 inputs that explain most alone",
    sources: ["strong2014", "harrell2015"],
};

/// Probabilities of the knots of each input's spline (Harrell's choice for five knots).
const KNOT_QUANTILES: [f64; 5] = [0.05, 0.275, 0.5, 0.725, 0.95];

/// Draws needed per regression column (intercept included).
pub const DRAWS_PER_COLUMN: usize = 10;

/// An estimate within this share of the mean absolute INB of zero is rounding: reported as 0.
const ROUNDING: f64 = 1e-10;

/// Draws per block when accumulating the normal equations.
const BLOCK: usize = 32;

/// How many inputs of a group enter the regression in pairwise products as well as alone.
pub const INTERACTING: usize = 10;

/// A column is dropped when less than this share of its variance is left once the columns
/// before it are regressed out (it is a combination of them).
const COLLINEAR: f64 = 1e-10;

/// Why an EVPPI could not be estimated.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case", tag = "kind")]
pub enum Undefined {
    /// The regression needs at least [`DRAWS_PER_COLUMN`] draws per column.
    TooFewDraws {
        /// Draws available.
        draws: usize,
        /// Draws the regression needs.
        needed: usize,
    },
    /// The inputs took a single value in every draw: there is nothing to learn about them
    /// (their EVPPI is zero).
    ConstantInputs,
    /// An input or a net benefit is not a finite number.
    NotFinite,
    /// The inputs and the net benefits are not of the same length.
    LengthMismatch,
    /// Not estimated (a page leaves out the every-input row, the most expensive).
    NotEstimated,
}

impl Undefined {
    /// The reason in words.
    pub fn words(self) -> String {
        match self {
            Undefined::TooFewDraws { draws, needed } => {
                format!("too few draws ({draws}; the regression needs {needed})")
            }
            Undefined::ConstantInputs => "did not vary between draws".into(),
            Undefined::NotFinite => "a draw is not a finite number".into(),
            Undefined::LengthMismatch => "inputs and net benefits differ in length".into(),
            Undefined::NotEstimated => "not estimated here".into(),
        }
    }
}

/// An EVPPI estimate per patient, or why there is none (never NaN).
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[serde(rename_all = "snake_case", tag = "status")]
pub enum Estimate {
    /// Estimated.
    Value {
        /// The estimate, clamped to `[0, EVPI]` (0 when within rounding of 0).
        value: f64,
        /// The estimate before clamping: `mean max(0, ĝ) − max(0, mean INB)`.
        raw: f64,
        /// Share of the variance of INB across the draws that the regression explains (R²).
        explained: f64,
    },
    /// Not estimable from these draws.
    Undefined {
        /// Why.
        reason: Undefined,
    },
}

impl Estimate {
    /// The clamped value, if estimated.
    pub fn value(&self) -> Option<f64> {
        match self {
            Estimate::Value { value, .. } => Some(*value),
            Estimate::Undefined { .. } => None,
        }
    }
}

/// Overall EVPI for adopt-or-not from the incremental net benefits of the draws:
/// `mean max(0, INB) − max(0, mean INB)` (0 with no draws).
pub fn evpi(inb: &[f64]) -> f64 {
    let n = inb.len().max(1) as f64;
    let mean = inb.iter().sum::<f64>() / n;
    let perfect = inb.iter().map(|v| v.max(0.0)).sum::<f64>() / n;
    perfect - mean.max(0.0)
}

/// EVPPI of the inputs `inputs` (one slice of draws per input) jointly, from the incremental
/// net benefits `inb` of the same draws: the estimator of this module as a pure function.
///
/// # Formula
///
/// Least squares of `INB` on an intercept, each input's restricted cubic spline ([`Basis`]),
/// and, for two or more inputs, the products of the standardised values of every pair among
/// the [`INTERACTING`] inputs whose own spline explains most of the variance of `INB`; then
/// `mean_i max(0, ĝ_i) − max(0, mean_i INB_i)`, clamped to `[0, EVPI]`.
pub fn partial_evpi(inputs: &[&[f64]], inb: &[f64]) -> Estimate {
    match Prepared::new(inputs, inb) {
        Ok(p) => p.estimate(&(0..inputs.len()).collect::<Vec<_>>()),
        Err(reason) => undefined(reason),
    }
}

fn undefined(reason: Undefined) -> Estimate {
    Estimate::Undefined { reason }
}

/// Draws checked, each input's basis built once, for estimates over any subset of the inputs.
struct Prepared<'a> {
    inputs: &'a [&'a [f64]],
    inb: &'a [f64],
    /// Each input's basis (`None`: it never varies) and the share of the variance of `INB` its
    /// spline explains alone (0 with a single input, where it is not needed).
    bases: Vec<Option<(Basis, f64)>>,
    evpi: f64,
    /// Mean absolute `INB`: the scale of the sums' rounding.
    magnitude: f64,
}

impl<'a> Prepared<'a> {
    fn new(inputs: &'a [&'a [f64]], inb: &'a [f64]) -> Result<Prepared<'a>, Undefined> {
        let n = inb.len();
        if inputs.iter().any(|x| x.len() != n) {
            return Err(Undefined::LengthMismatch);
        }
        if inb
            .iter()
            .chain(inputs.iter().copied().flatten())
            .any(|v| !v.is_finite())
        {
            return Err(Undefined::NotFinite);
        }
        let bases = inputs
            .iter()
            .enumerate()
            .map(|(i, x)| {
                let b = Basis::new(x)?;
                let explained = if inputs.len() > 1 {
                    let alone = Design {
                        inputs,
                        splines: vec![(i, &b)],
                        products: Vec::new(),
                    };
                    alone.fit(inb).explained
                } else {
                    0.0
                };
                Some((b, explained))
            })
            .collect();
        Ok(Prepared {
            inputs,
            inb,
            bases,
            evpi: evpi(inb),
            magnitude: inb.iter().map(|v| v.abs()).sum::<f64>() / n.max(1) as f64,
        })
    }

    /// EVPPI of the inputs `subset` (indices, increasing) jointly.
    fn estimate(&self, subset: &[usize]) -> Estimate {
        let n = self.inb.len();
        let varying: Vec<(usize, &Basis, f64)> = subset
            .iter()
            .filter_map(|i| self.bases[*i].as_ref().map(|(b, e)| (*i, b, *e)))
            .collect();
        let design = Design {
            inputs: self.inputs,
            splines: varying.iter().map(|(i, b, _)| (*i, *b)).collect(),
            products: self.interactions(&varying),
        };
        let p = design.columns();
        // Columns that never vary are left out: their coefficient is 0 (see `Design::fit`).
        let used = design.varying();
        if used == 0 {
            return undefined(Undefined::ConstantInputs);
        }
        let needed = DRAWS_PER_COLUMN * (used + 1);
        if n < needed {
            return undefined(Undefined::TooFewDraws { draws: n, needed });
        }
        let fit = design.fit(self.inb);
        let mut z = vec![0.0; p];
        let mut adopt = 0.0;
        for i in 0..n {
            design.row(i, &mut z);
            let g = fit.mean + z.iter().zip(&fit.beta).map(|(z, b)| z * b).sum::<f64>();
            adopt += g.max(0.0);
        }
        let raw = adopt / n as f64 - fit.mean.max(0.0);
        // Below the rounding of the sums (and never negative), an estimate is 0.
        let value = if raw > ROUNDING * self.magnitude {
            raw.min(self.evpi.max(0.0))
        } else {
            0.0
        };
        Estimate::Value {
            value,
            raw,
            explained: fit.explained,
        }
    }

    /// The products in the regression on `varying` (input, basis, variance explained alone):
    /// every pair among the [`INTERACTING`] inputs that explain the most alone (ties to the
    /// earlier input), in input order.
    fn interactions(&self, varying: &[(usize, &Basis, f64)]) -> Vec<Product> {
        if varying.len() < 2 {
            return Vec::new();
        }
        let mut ranked: Vec<(f64, usize)> = varying.iter().map(|(i, _, e)| (*e, *i)).collect();
        crate::order::stable_by(&mut ranked, |a, b| b.0.total_cmp(&a.0).then(a.1.cmp(&b.1)));
        let mut top: Vec<usize> = ranked.iter().take(INTERACTING).map(|(_, i)| *i).collect();
        crate::order::stable_by(&mut top, usize::cmp);
        let mut out = Vec::new();
        for (k, a) in top.iter().enumerate() {
            for b in &top[k + 1..] {
                out.extend(Product::new(self.inputs, *a, *b));
            }
        }
        out
    }
}

/// The regression basis of one input: its value and the restricted cubic spline terms, each
/// centred and scaled over the draws.
#[derive(Debug, Clone)]
struct Basis {
    /// Distinct knots, increasing (fewer than three: the linear term alone).
    knots: Vec<f64>,
    /// Mean of each raw column over the draws.
    centre: Vec<f64>,
    /// Standard deviation of each raw column (0: the column never varies and is left out).
    scale: Vec<f64>,
}

impl Basis {
    /// The basis of an input from its draws; `None` when it never varies.
    fn new(x: &[f64]) -> Option<Basis> {
        let mut sorted = x.to_vec();
        crate::order::floats(&mut sorted);
        let (first, last) = (*sorted.first()?, *sorted.last()?);
        if first >= last {
            return None;
        }
        let mut knots: Vec<f64> = Vec::with_capacity(KNOT_QUANTILES.len());
        for q in KNOT_QUANTILES.map(|p| quantile(&sorted, p)) {
            if knots.last().is_none_or(|k| q > *k) {
                knots.push(q);
            }
        }
        if knots.len() < 3 {
            knots.clear();
        }
        let columns = 1 + knots.len().saturating_sub(2);
        let mut b = Basis {
            knots,
            centre: vec![0.0; columns],
            scale: vec![1.0; columns],
        };
        let mut raw = vec![0.0; columns];
        let (centre, scale) = moments(x.len(), columns, |i, out| {
            b.raw(x[i], &mut raw);
            out.copy_from_slice(&raw);
        });
        b.centre = centre;
        b.scale = scale;
        Some(b)
    }

    fn columns(&self) -> usize {
        self.centre.len()
    }

    /// The unscaled columns at `x`: `x`, then Harrell's restricted cubic spline terms
    /// `h_j(x) = [(x − t_j)₊³ − (x − t_{K−1})₊³ (t_K − t_j)/(t_K − t_{K−1})
    ///           + (x − t_K)₊³ (t_{K−1} − t_j)/(t_K − t_{K−1})] / (t_K − t_1)²`, j = 1..K−2.
    fn raw(&self, x: f64, out: &mut [f64]) {
        out[0] = x;
        let k = self.knots.len();
        if k < 3 {
            return;
        }
        let cube = |v: f64| if v > 0.0 { v * v * v } else { 0.0 };
        let (t1, tk1, tk) = (self.knots[0], self.knots[k - 2], self.knots[k - 1]);
        let norm = (tk - t1) * (tk - t1);
        let (a, b) = (cube(x - tk1), cube(x - tk));
        for (j, o) in out.iter_mut().enumerate().skip(1) {
            let tj = self.knots[j - 1];
            *o = (cube(x - tj) - a * (tk - tj) / (tk - tk1) + b * (tk1 - tj) / (tk - tk1)) / norm;
        }
    }

    /// The centred and scaled columns at `x` (0 for a column that never varies).
    fn eval(&self, x: f64, out: &mut [f64]) {
        self.raw(x, out);
        for ((o, c), s) in out.iter_mut().zip(&self.centre).zip(&self.scale) {
            *o = standardise(*o, *c, *s);
        }
    }
}

/// `(v − centre) / scale`, or 0 for a column that never varies.
fn standardise(v: f64, centre: f64, scale: f64) -> f64 {
    if scale > 0.0 {
        (v - centre) / scale
    } else {
        0.0
    }
}

/// Mean and standard deviation (over `n`) of each of `columns` columns whose values at draw
/// `i` the closure writes, in two passes.
fn moments(
    n: usize,
    columns: usize,
    mut value: impl FnMut(usize, &mut [f64]),
) -> (Vec<f64>, Vec<f64>) {
    let mut v = vec![0.0; columns];
    let mut sum = vec![0.0; columns];
    for i in 0..n {
        value(i, &mut v);
        sum.iter_mut().zip(&v).for_each(|(s, x)| *s += x);
    }
    let nf = n.max(1) as f64;
    let mean: Vec<f64> = sum.iter().map(|s| s / nf).collect();
    let mut squares = vec![0.0; columns];
    for i in 0..n {
        value(i, &mut v);
        for ((s, x), m) in squares.iter_mut().zip(&v).zip(&mean) {
            *s += (x - m) * (x - m);
        }
    }
    (mean, squares.iter().map(|s| (s / nf).sqrt()).collect())
}

/// The product of two inputs' standardised values, itself centred and scaled.
#[derive(Debug, Clone)]
struct Product {
    inputs: [usize; 2],
    /// Mean and standard deviation of each input.
    of: [(f64, f64); 2],
    centre: f64,
    scale: f64,
}

impl Product {
    fn new(inputs: &[&[f64]], a: usize, b: usize) -> Option<Product> {
        let (ma, sa) = moments(inputs[a].len(), 1, |i, o| o[0] = inputs[a][i]);
        let (mb, sb) = moments(inputs[b].len(), 1, |i, o| o[0] = inputs[b][i]);
        let mut p = Product {
            inputs: [a, b],
            of: [(ma[0], sa[0]), (mb[0], sb[0])],
            centre: 0.0,
            scale: 1.0,
        };
        let (c, s) = moments(inputs[a].len(), 1, |i, o| {
            o[0] = p.raw(inputs[a][i], inputs[b][i]);
        });
        (p.centre, p.scale) = (c[0], s[0]);
        (p.scale > 0.0).then_some(p)
    }

    fn raw(&self, a: f64, b: f64) -> f64 {
        let [(ma, sa), (mb, sb)] = self.of;
        standardise(a, ma, sa) * standardise(b, mb, sb)
    }

    fn eval(&self, a: f64, b: f64) -> f64 {
        standardise(self.raw(a, b), self.centre, self.scale)
    }
}

/// Type-7 quantile of sorted values (linear interpolation between order statistics).
fn quantile(sorted: &[f64], p: f64) -> f64 {
    let h = (sorted.len() - 1) as f64 * p;
    let (i, frac) = (h.floor() as usize, h - h.floor());
    let j = (i + 1).min(sorted.len() - 1);
    sorted[i] + (sorted[j] - sorted[i]) * frac
}

/// The regression's columns, generated draw by draw (nothing of size draws × columns is
/// stored).
struct Design<'a> {
    inputs: &'a [&'a [f64]],
    splines: Vec<(usize, &'a Basis)>,
    products: Vec<Product>,
}

/// A least-squares fit on centred columns.
struct Fit {
    /// Mean of `INB` (the intercept).
    mean: f64,
    /// Coefficient of each column (0 for a dropped one).
    beta: Vec<f64>,
    /// Share of the variance of `INB` the fit explains (0 when `INB` never varies).
    explained: f64,
}

impl Design<'_> {
    fn columns(&self) -> usize {
        self.splines.iter().map(|(_, b)| b.columns()).sum::<usize>() + self.products.len()
    }

    /// Columns that vary over the draws (products that never vary are not built).
    fn varying(&self) -> usize {
        let splines = self.splines.iter().flat_map(|(_, b)| &b.scale);
        splines.filter(|s| **s > 0.0).count() + self.products.len()
    }

    /// The centred and scaled columns at draw `i`.
    fn row(&self, i: usize, z: &mut [f64]) {
        let mut o = 0;
        for (k, b) in &self.splines {
            b.eval(self.inputs[*k][i], &mut z[o..o + b.columns()]);
            o += b.columns();
        }
        for (pr, z) in self.products.iter().zip(&mut z[o..]) {
            let [a, b] = pr.inputs;
            *z = pr.eval(self.inputs[a][i], self.inputs[b][i]);
        }
    }

    /// Least squares of `y` on an intercept and the columns: the normal equations `Z'Z β =
    /// Z'(y − ȳ)` of the centred columns, accumulated draw by draw, solved by Cholesky; a
    /// column is dropped (coefficient 0) when its pivot is below [`COLLINEAR`] of its diagonal.
    fn fit(&self, y: &[f64]) -> Fit {
        let (n, p) = (y.len(), self.columns());
        let mean = y.iter().sum::<f64>() / n.max(1) as f64;
        // Upper triangle of Z'Z, row-major p × p, and Z'(y − ȳ), accumulated over blocks of
        // draws so that each row of Z'Z is updated from a block while it sits in cache.
        let mut gram = vec![0.0; p * p];
        let mut zy = vec![0.0; p];
        let mut block = vec![0.0; BLOCK * p];
        for start in (0..n).step_by(BLOCK) {
            let rows = (n - start).min(BLOCK);
            for r in 0..rows {
                self.row(start + r, &mut block[r * p..(r + 1) * p]);
            }
            for j in 0..p {
                let g = &mut gram[j * p + j..(j + 1) * p];
                for r in 0..rows {
                    let z = &block[r * p + j..(r + 1) * p];
                    let zj = z[0];
                    zy[j] += zj * (y[start + r] - mean);
                    for (g, zk) in g.iter_mut().zip(z) {
                        *g += zj * zk;
                    }
                }
            }
        }
        let a = |r: usize, c: usize| gram[r.min(c) * p + r.max(c)];
        // Lower-triangular factor, row-major p × p; a dropped column keeps a zero row.
        let mut l = vec![0.0; p * p];
        let mut kept = vec![false; p];
        for j in 0..p {
            let d = a(j, j) - (0..j).map(|k| l[j * p + k] * l[j * p + k]).sum::<f64>();
            if d <= COLLINEAR * a(j, j) {
                continue;
            }
            let root = d.sqrt();
            l[j * p + j] = root;
            kept[j] = true;
            for i in j + 1..p {
                let s = a(i, j) - (0..j).map(|k| l[i * p + k] * l[j * p + k]).sum::<f64>();
                l[i * p + j] = s / root;
            }
        }
        // Forward, then back substitution over the kept columns.
        let mut w = vec![0.0; p];
        for i in (0..p).filter(|i| kept[*i]) {
            let s = zy[i] - (0..i).map(|k| l[i * p + k] * w[k]).sum::<f64>();
            w[i] = s / l[i * p + i];
        }
        let mut beta = vec![0.0; p];
        for i in (0..p).rev().filter(|i| kept[*i]) {
            let s = w[i] - (i + 1..p).map(|k| l[k * p + i] * beta[k]).sum::<f64>();
            beta[i] = s / l[i * p + i];
        }
        let total = y.iter().map(|v| (v - mean) * (v - mean)).sum::<f64>();
        let model = beta.iter().zip(&zy).map(|(b, c)| b * c).sum::<f64>();
        Fit {
            mean,
            beta,
            explained: if total > 0.0 { model / total } else { 0.0 },
        }
    }
}

/// What an EVPPI row is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Kind {
    /// One input.
    Input,
    /// A group of inputs.
    Group,
    /// Every drawn input together (a check: close to the EVPI when the regression captures
    /// the model).
    All,
}

/// One input's or group's EVPPI.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Row {
    /// Parameter id, group id (`treatment`, `retention`, `mortality`, `crime`, `health`,
    /// `economics`, `programme`) or `all`.
    pub id: String,
    /// Name shown to users.
    pub label: String,
    /// Input or group.
    pub kind: Kind,
    /// Ids of the drawn parameters it covers.
    pub params: Vec<&'static str>,
    /// EVPPI per patient.
    pub per_patient: Estimate,
    /// EVPPI of the programme (per patient × the programme's patients), where there is one.
    pub programme: Option<f64>,
    /// Share of the overall EVPI.
    pub share_of_evpi: Option<f64>,
}

/// EVPPI of every drawn input and group of a Monte Carlo run.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Evppi {
    /// The estimator.
    pub method: Method,
    /// Settings of the Monte Carlo run.
    pub config: PsaConfig,
    /// Draws used.
    pub draws: usize,
    /// Willingness to pay per QALY the net monetary benefit is counted at.
    pub willingness_to_pay: f64,
    /// Overall EVPI per patient: the upper bound of every EVPPI.
    pub evpi: f64,
    /// Patients the programme stands for: its discounted slot-years over the discounted years
    /// one patient spends in the intervention's treatment (`None` when nobody is treated).
    pub programme_patients: Option<f64>,
    /// Overall EVPI of the programme.
    pub evpi_programme: Option<f64>,
    /// Every drawn input, highest EVPPI first (undefined last).
    pub inputs: Vec<Row>,
    /// Every group with a drawn input, highest EVPPI first (undefined last).
    pub groups: Vec<Row>,
    /// Every drawn input together.
    pub all: Row,
}

/// Stable id of a parameter group.
pub fn group_id(g: Group) -> &'static str {
    match g {
        Group::Treatment => "treatment",
        Group::Retention => "retention",
        Group::Mortality => "mortality",
        Group::Crime => "crime",
        Group::Health => "health",
        Group::Economics => "economics",
        Group::Programme => "programme",
    }
}

/// Run the Monte Carlo analysis and estimate EVPPI from its draws.
pub fn evppi(s: &Scenario, config: PsaConfig) -> Evppi {
    let mut run = PsaRun::new(s, config);
    run.step(usize::MAX);
    evppi_of_run(&run)
}

/// EVPPI of every drawn input and of each [`Group`] of them, and of every input together,
/// from the draws of `run` so far.
pub fn evppi_of_run(run: &PsaRun) -> Evppi {
    let mut e = EvppiRun::new(run, true);
    while !e.finished() {
        e.step(run, usize::MAX);
    }
    e.result()
}

/// Each input's basis and the variance it explains alone (`None`: it never varies).
type Bases = Vec<Option<(Basis, f64)>>;

/// One row still to estimate in an [`EvppiRun`].
#[derive(Debug, Clone)]
struct Job {
    id: String,
    label: String,
    kind: Kind,
    subset: Vec<usize>,
}

/// EVPPI computed row by row, so a page can spread the work over many short steps and stay
/// responsive; [`evppi_of_run`] runs it to the end. Each step estimates whole rows.
#[derive(Debug, Clone)]
pub struct EvppiRun {
    config: PsaConfig,
    wtp: f64,
    drawn: Vec<P>,
    inb: Vec<f64>,
    overall: f64,
    patients: Option<f64>,
    /// Each input's basis and variance explained alone, once built (`Err`: the draws cannot
    /// be used, with the reason).
    bases: Option<Result<Bases, Undefined>>,
    jobs: Vec<Job>,
    rows: Vec<Row>,
}

impl EvppiRun {
    /// Prepare the estimates over the draws of `run`: every drawn input, every group, and
    /// with `with_all` every input together (the most expensive row; a check against the
    /// EVPI).
    pub fn new(run: &PsaRun, with_all: bool) -> EvppiRun {
        let s = run.scenario();
        let wtp = s.get(P::WtpPerQaly);
        let inb: Vec<f64> = run
            .draws()
            .iter()
            .map(|d| incremental_nmb(d, wtp))
            .collect();
        let drawn = run.drawn().to_vec();
        let o = evaluate(s);
        let treated = o.intervention.treated_years_discounted;
        let mut jobs: Vec<Job> = drawn
            .iter()
            .enumerate()
            .map(|(i, p)| Job {
                id: p.def().id.into(),
                label: p.def().label.into(),
                kind: Kind::Input,
                subset: vec![i],
            })
            .collect();
        for g in Group::ALL {
            let subset: Vec<usize> = (0..drawn.len())
                .filter(|i| drawn[*i].def().group == g)
                .collect();
            if !subset.is_empty() {
                jobs.push(Job {
                    id: group_id(g).into(),
                    label: g.label().into(),
                    kind: Kind::Group,
                    subset,
                });
            }
        }
        if with_all {
            jobs.push(Job {
                id: "all".into(),
                label: "Every drawn input together".into(),
                kind: Kind::All,
                subset: (0..drawn.len()).collect(),
            });
        }
        EvppiRun {
            config: run.config(),
            wtp,
            overall: evpi(&inb),
            inb,
            drawn,
            patients: (treated > 0.0).then(|| o.programme.slot_years_discounted / treated),
            bases: None,
            jobs,
            rows: Vec::new(),
        }
    }

    /// Rows estimated so far.
    pub fn done(&self) -> usize {
        self.rows.len()
    }

    /// Rows to estimate in all (the bases count as one step).
    pub fn total(&self) -> usize {
        self.jobs.len()
    }

    /// Whether every row is estimated.
    pub fn finished(&self) -> bool {
        self.rows.len() >= self.jobs.len()
    }

    /// Estimate up to `n` more rows (the first step builds the inputs' bases instead) from the
    /// inputs of `run`, the run this EVPPI was prepared from: only stepping reads the draws'
    /// inputs, so a run that takes its rows from elsewhere ([`EvppiRun::accept`]) never needs
    /// them. Another run's inputs give undefined rows (`LengthMismatch`), never a panic.
    pub fn step(&mut self, run: &PsaRun, n: usize) {
        let same = run.config() == self.config && run.done() == self.inb.len();
        let inputs = if same { run.inputs() } else { &[] };
        let same = same && inputs.len() == self.drawn.len();
        let columns: Vec<&[f64]> = inputs.iter().map(Vec::as_slice).collect();
        let Some(bases) = self.bases.take() else {
            self.bases = Some(if same {
                Prepared::new(&columns, &self.inb).map(|p| p.bases)
            } else {
                Err(Undefined::LengthMismatch)
            });
            return;
        };
        let bases = if same {
            bases
        } else {
            Err(Undefined::LengthMismatch)
        };
        let prepared = bases.map(|bases| Prepared {
            inputs: &columns,
            inb: &self.inb,
            bases,
            evpi: self.overall,
            magnitude: self.inb.iter().map(|v| v.abs()).sum::<f64>() / self.inb.len().max(1) as f64,
        });
        let until = (self.rows.len() + n).min(self.jobs.len());
        for k in self.rows.len()..until {
            let per_patient = match &prepared {
                Ok(p) => p.estimate(&self.jobs[k].subset),
                Err(reason) => undefined(*reason),
            };
            let row = self.row(k, per_patient);
            self.rows.push(row);
        }
        self.bases = Some(prepared.map(|p| p.bases));
    }

    /// Row `k` with its estimate per patient.
    fn row(&self, k: usize, per_patient: Estimate) -> Row {
        let job = &self.jobs[k];
        let overall = self.overall;
        Row {
            id: job.id.clone(),
            label: job.label.clone(),
            kind: job.kind,
            params: job.subset.iter().map(|i| self.drawn[*i].def().id).collect(),
            programme: per_patient.value().zip(self.patients).map(|(v, k)| v * k),
            share_of_evpi: per_patient
                .value()
                .filter(|_| overall > 0.0)
                .map(|v| v / overall),
            per_patient,
        }
    }

    /// The estimates of the rows done so far, in the run's order: what a run on another
    /// thread sends back to one over the same draws ([`EvppiRun::accept`]).
    pub fn estimates(&self) -> Vec<Estimate> {
        self.rows.iter().map(|r| r.per_patient).collect()
    }

    /// Take the estimates of rows done by a run over the same draws (as
    /// [`EvppiRun::estimates`] gives them): rows beyond those done here are added, the same
    /// rows [`EvppiRun::step`] would have made.
    pub fn accept(&mut self, estimates: &[Estimate]) {
        let until = estimates.len().min(self.jobs.len());
        let from = self.rows.len().min(until);
        for (k, estimate) in estimates.iter().enumerate().take(until).skip(from) {
            let row = self.row(k, *estimate);
            self.rows.push(row);
        }
    }

    /// The rows estimated so far, ranked; the every-input row is undefined until estimated.
    pub fn result(&self) -> Evppi {
        let mut inputs: Vec<Row> = Vec::new();
        let mut groups: Vec<Row> = Vec::new();
        let mut all = None;
        for r in &self.rows {
            match r.kind {
                Kind::Input => inputs.push(r.clone()),
                Kind::Group => groups.push(r.clone()),
                Kind::All => all = Some(r.clone()),
            }
        }
        rank(&mut inputs);
        rank(&mut groups);
        Evppi {
            method: METHOD,
            config: self.config,
            draws: self.inb.len(),
            willingness_to_pay: self.wtp,
            evpi: self.overall,
            programme_patients: self.patients,
            evpi_programme: self.patients.map(|k| self.overall * k),
            inputs,
            groups,
            all: all.unwrap_or_else(|| Row {
                id: "all".into(),
                label: "Every drawn input together".into(),
                kind: Kind::All,
                params: self.drawn.iter().map(|p| p.def().id).collect(),
                per_patient: undefined(Undefined::NotEstimated),
                programme: None,
                share_of_evpi: None,
            }),
        }
    }
}

/// Highest EVPPI first, then (among equal values, such as the many zeros of inputs that
/// alone never change the decision) the most variance explained; undefined last; remaining
/// ties in registry order (the sort is stable).
fn rank(rows: &mut [Row]) {
    let key = |r: &Row| match r.per_patient {
        Estimate::Value {
            value, explained, ..
        } => (value, explained),
        Estimate::Undefined { .. } => (f64::NEG_INFINITY, f64::NEG_INFINITY),
    };
    crate::order::stable_by(rows, |a, b| {
        let (ka, kb) = (key(a), key(b));
        kb.0.total_cmp(&ka.0).then(kb.1.total_cmp(&ka.1))
    });
}
