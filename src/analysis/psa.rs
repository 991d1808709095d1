//! Monte Carlo (probabilistic sensitivity analysis): draws every uncertain parameter from a
//! distribution fitted to its current value and plausible range, with a seeded generator
//! passed in, so that a seed reproduces a run exactly.

use super::Metric;
use crate::model::{evaluate, relevant, Category, Outcome};
use crate::params::{Dist, P};
use crate::scenario::Scenario;
use rand_distr::{Beta, Distribution, Gamma, LogNormal, Triangular};
use rand_xoshiro::rand_core::SeedableRng;
use rand_xoshiro::Xoshiro256PlusPlus;
use serde::{Deserialize, Serialize};

/// Width of a 95% interval in standard deviations: the plausible range is read as one.
const Z95: f64 = 2.0 * 1.959_963_984_540_054;

/// A parameter's Monte Carlo distribution, fitted to its value and range.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[serde(rename_all = "snake_case", tag = "family")]
pub enum Fitted {
    /// Not drawn.
    Constant {
        /// The value every draw takes.
        value: f64,
    },
    /// Beta(alpha, beta) with the current value as its mean.
    Beta {
        /// Shape alpha.
        alpha: f64,
        /// Shape beta.
        beta: f64,
    },
    /// Gamma(shape, scale) with the current value as its mean.
    Gamma {
        /// Shape k.
        shape: f64,
        /// Scale theta.
        scale: f64,
    },
    /// Log-normal with the current value as its median.
    LogNormal {
        /// Mean of the logarithm.
        mu: f64,
        /// Standard deviation of the logarithm.
        sigma: f64,
    },
    /// Triangular over [min, max] with the current value as its mode.
    Triangular {
        /// Lower end.
        min: f64,
        /// Upper end.
        max: f64,
        /// Mode.
        mode: f64,
    },
}

/// The distribution Monte Carlo draws `p` from.
///
/// # Formula
///
/// With current value m, plausible range [L, H] read as a 95% interval and `spread` scaling
/// its width: sd = spread x (H - L) / 3.92. Beta by moments (alpha = m k, beta = (1 - m) k,
/// k = m(1 - m)/sd^2 - 1); gamma by moments (shape = (m/sd)^2, scale = sd^2/m); log-normal
/// with median m and sigma = spread x ln(H/L) / 3.92; triangular over [L, H] (widened to
/// contain m) with mode m. A spread of 0 collapses every distribution to its value.
pub fn fitted(s: &Scenario, p: P, spread: f64) -> Fitted {
    let m = s.get(p);
    let (lo, hi) = s.range(p);
    let constant = Fitted::Constant { value: m };
    if spread <= 0.0 || hi <= lo {
        return constant;
    }
    let sd = spread * (hi - lo) / Z95;
    match p.def().dist {
        Dist::Fixed => constant,
        Dist::Beta => {
            if m <= 0.0 || m >= 1.0 {
                return constant;
            }
            // The variance of a beta must stay below m(1 - m).
            let var = (sd * sd).min(0.9 * m * (1.0 - m));
            let k = m * (1.0 - m) / var - 1.0;
            Fitted::Beta {
                alpha: m * k,
                beta: (1.0 - m) * k,
            }
        }
        Dist::Gamma => {
            if m <= 0.0 {
                return constant;
            }
            Fitted::Gamma {
                shape: (m / sd).powi(2),
                scale: sd * sd / m,
            }
        }
        Dist::LogNormal => {
            if m <= 0.0 || lo <= 0.0 {
                return constant;
            }
            Fitted::LogNormal {
                mu: m.ln(),
                sigma: spread * (hi / lo).ln() / Z95,
            }
        }
        Dist::Triangular => {
            let (min, max) = (lo.min(m), hi.max(m));
            let (min, max) = (m - spread * (m - min), m + spread * (max - m));
            if max <= min {
                return constant;
            }
            Fitted::Triangular { min, max, mode: m }
        }
    }
}

/// A fitted distribution ready to draw from (its parameters checked and precomputed once).
#[derive(Debug, Clone, Copy)]
enum Sampler {
    Constant(f64),
    /// A beta with both shapes at least 1, drawn as `X / (X + Y)` from `X ~ Gamma(alpha, 1)`
    /// then `Y ~ Gamma(beta, 1)`: in the browser about a third of the time of Cheng's
    /// algorithm (rand_distr's `Beta`), and a quarter of the registry's distributions are
    /// betas.
    BetaOfGammas(Gamma<f64>, Gamma<f64>),
    /// Any other beta.
    Beta(Beta<f64>),
    Gamma(Gamma<f64>),
    LogNormal(LogNormal<f64>),
    Triangular(Triangular<f64>),
}

impl Sampler {
    fn new(f: Fitted) -> Option<Sampler> {
        Some(match f {
            Fitted::Constant { value } => Sampler::Constant(value),
            Fitted::Beta { alpha, beta } if alpha >= 1.0 && beta >= 1.0 => {
                Sampler::BetaOfGammas(Gamma::new(alpha, 1.0).ok()?, Gamma::new(beta, 1.0).ok()?)
            }
            Fitted::Beta { alpha, beta } => Sampler::Beta(Beta::new(alpha, beta).ok()?),
            Fitted::Gamma { shape, scale } => Sampler::Gamma(Gamma::new(shape, scale).ok()?),
            Fitted::LogNormal { mu, sigma } => Sampler::LogNormal(LogNormal::new(mu, sigma).ok()?),
            Fitted::Triangular { min, max, mode } => {
                Sampler::Triangular(Triangular::new(min, max, mode).ok()?)
            }
        })
    }

    fn sample(&self, rng: &mut Xoshiro256PlusPlus) -> f64 {
        match self {
            Sampler::Constant(v) => *v,
            Sampler::BetaOfGammas(x, y) => {
                let x = x.sample(rng);
                x / (x + y.sample(rng))
            }
            Sampler::Beta(d) => d.sample(rng),
            Sampler::Gamma(d) => d.sample(rng),
            Sampler::LogNormal(d) => d.sample(rng),
            Sampler::Triangular(d) => d.sample(rng),
        }
    }
}

/// The generator of draw `index` under `seed`: xoshiro256++ whose four state words are the
/// SplitMix64 sequence of `seed`, outputs `4 index + 1` to `4 index + 4`. Every draw has its
/// own state, so a draw is the same whichever part of a run computes it.
///
/// # Formula
///
/// SplitMix64 from state `x`: `x += 0x9e3779b97f4a7c15`; `z = x`;
/// `z = (z ^ z >> 30) * 0xbf58476d1ce4e5b9`; `z = (z ^ z >> 27) * 0x94d049bb133111eb`;
/// output `z ^ z >> 31` (wrapping arithmetic), started at `x = seed + 4 index x 0x9e3779b97f4a7c15`.
fn draw_rng(seed: u64, index: usize) -> Xoshiro256PlusPlus {
    const GAMMA: u64 = 0x9e37_79b9_7f4a_7c15;
    // rand_xoshiro's `seed_from_u64` fills the state with the next four SplitMix64 outputs
    // from `start` (the test below checks this against both definitions).
    Xoshiro256PlusPlus::seed_from_u64(
        seed.wrapping_add((index as u64).wrapping_mul(4).wrapping_mul(GAMMA)),
    )
}

/// Monte Carlo settings.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct PsaConfig {
    /// Number of draws (1 to 100,000).
    pub draws: usize,
    /// Seed of the generator: the same seed and scenario give the same run.
    pub seed: u64,
    /// Width of every distribution relative to its plausible range (1 = as registered).
    pub spread: f64,
}

impl PsaConfig {
    /// Most draws a run accepts.
    pub const MAX_DRAWS: usize = 100_000;

    /// `draws` draws from `seed` at full spread.
    pub fn new(draws: usize, seed: u64) -> PsaConfig {
        PsaConfig {
            draws: draws.clamp(1, Self::MAX_DRAWS),
            seed,
            spread: 1.0,
        }
    }
}

/// One draw's results.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Draw {
    /// Every [`Metric`], indexed like [`Metric::ALL`] (`None` where undefined).
    pub metrics: [Option<f64>; Metric::COUNT],
    /// Incremental net benefit under the scenario's perspective.
    pub net_benefit: f64,
    /// Incremental net benefit under each perspective, narrowest first.
    pub net_benefit_by_perspective: [f64; 3],
    /// Incremental cost under the scenario's perspective.
    pub delta_cost: f64,
    /// Incremental QALYs.
    pub delta_qalys: f64,
    /// Incremental cost by category (intervention minus comparator).
    pub delta_by_category: [f64; Category::ALL.len()],
}

/// Some consecutive draws of a run, with the inputs each drew ([`PsaRun::to_part`]).
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PsaPart {
    /// Index of the first draw.
    pub first: usize,
    /// The draws.
    pub draws: Vec<Draw>,
    /// The drawn inputs' values, one column per drawn input (as [`PsaRun::inputs`]); none when
    /// the part was sent without them ([`PsaRun::to_part_without_inputs`]).
    pub inputs: Vec<Vec<f64>>,
}

/// A Monte Carlo run that can be advanced in chunks, so a page can show progress and stay
/// responsive; [`psa`] runs it to the end.
#[derive(Debug, Clone)]
pub struct PsaRun {
    base: Scenario,
    config: PsaConfig,
    /// Each drawn parameter, its sampler and its accepted limits.
    dists: Vec<(P, Sampler, (f64, f64))>,
    /// Index of the first draw this run makes: a part of a larger run starts later.
    first: usize,
    /// Index after the last draw this run makes.
    end: usize,
    draws: Vec<Draw>,
    /// The value each drawn parameter took in each draw, as the model used it: one column per
    /// entry of `dists`, one row per draw (structure of arrays). Unset in a run joined from
    /// parts that travelled without them: drawn again from the seed when first read.
    inputs: std::cell::OnceCell<Vec<Vec<f64>>>,
}

impl PsaRun {
    /// Start a run over `s`.
    pub fn new(s: &Scenario, config: PsaConfig) -> PsaRun {
        PsaRun::part(s, config, 0..config.draws)
    }

    /// Start a part of a run: draws `range` of the run `config` describes (clamped to its
    /// draws). Each draw has its own random stream, so parts computed anywhere and joined in
    /// order with [`PsaRun::join`] give exactly the whole run.
    pub fn part(s: &Scenario, config: PsaConfig, range: std::ops::Range<usize>) -> PsaRun {
        let config = PsaConfig {
            draws: config.draws.clamp(1, PsaConfig::MAX_DRAWS),
            ..config
        };
        // A distribution whose parameters the sampler refuses is held at the current value.
        // Inputs the settings ignore are not drawn: they cannot change a result.
        let dists = P::ALL
            .iter()
            .filter(|p| relevant(s, **p))
            .map(|p| (*p, fitted(s, *p, config.spread)))
            .filter(|(_, d)| !matches!(d, Fitted::Constant { .. }))
            .filter_map(|(p, d)| Sampler::new(d).map(|d| (p, d, s.limits(p))))
            .collect::<Vec<_>>();
        let end = range.end.min(config.draws);
        let first = range.start.min(end);
        let inputs = std::cell::OnceCell::from(
            dists
                .iter()
                .map(|_| Vec::with_capacity(end - first))
                .collect::<Vec<_>>(),
        );
        PsaRun {
            base: s.clone(),
            config,
            dists,
            first,
            end,
            draws: Vec::with_capacity(end - first),
            inputs,
        }
    }

    /// The draws made so far as a part that can travel (e.g. from a worker) and be joined.
    pub fn to_part(&self) -> PsaPart {
        PsaPart {
            first: self.first,
            draws: self.draws.clone(),
            inputs: self.inputs().to_vec(),
        }
    }

    /// [`PsaRun::to_part`] without the drawn inputs (three quarters of a part's size): a run
    /// joined from such parts draws them again from the seed if they are ever read.
    pub fn to_part_without_inputs(&self) -> PsaPart {
        PsaPart {
            first: self.first,
            draws: self.draws.clone(),
            inputs: Vec::new(),
        }
    }

    /// The whole run over `s` from its parts, in any order: `None` unless they are finished
    /// parts of this run (same scenario and settings) that cover every draw exactly once.
    pub fn join(s: &Scenario, config: PsaConfig, mut parts: Vec<PsaPart>) -> Option<PsaRun> {
        let mut run = PsaRun::new(s, config);
        let mut columns = run.inputs.take().unwrap_or_default();
        // Whether every part brought its inputs.
        let mut complete = true;
        crate::order::stable_by(&mut parts, |a, b| a.first.cmp(&b.first));
        for part in parts {
            let with_inputs = part.inputs.len() == run.dists.len()
                && part.inputs.iter().all(|c| c.len() == part.draws.len());
            let fits = part.first == run.draws.len() && (with_inputs || part.inputs.is_empty());
            if !fits {
                return None;
            }
            run.draws.extend(part.draws);
            complete &= with_inputs;
            if complete {
                for (column, values) in columns.iter_mut().zip(part.inputs) {
                    column.extend(values);
                }
            }
        }
        if complete {
            run.inputs = std::cell::OnceCell::from(columns);
        }
        (run.draws.len() == run.end).then_some(run)
    }

    /// Draws done so far.
    pub fn done(&self) -> usize {
        self.draws.len()
    }

    /// Draws asked for (of a part: the part's draws).
    pub fn total(&self) -> usize {
        self.end - self.first
    }

    /// Whether every draw is done.
    pub fn finished(&self) -> bool {
        self.done() >= self.total()
    }

    /// Do up to `n` more draws.
    pub fn step(&mut self, n: usize) {
        self.step_with(n, |_, _| {});
    }

    /// Do up to `n` more draws, handing each drawn scenario and its outcome to `f` as well:
    /// for analyses that read more from a draw than [`Draw`] keeps.
    pub fn step_with(&mut self, n: usize, mut f: impl FnMut(&Scenario, &Outcome)) {
        let until = (self.draws.len() + n).min(self.total());
        while self.draws.len() < until {
            let s = self.sample(self.first + self.draws.len());
            if let Some(columns) = self.inputs.get_mut() {
                for ((p, _, _), column) in self.dists.iter().zip(columns) {
                    column.push(s.get(*p));
                }
            }
            let o = evaluate(&s);
            let c = o.chosen(s.settings.perspective);
            self.draws.push(Draw {
                metrics: Metric::ALL.map(|m| m.of(&o, &s)),
                net_benefit: c.net_benefit,
                net_benefit_by_perspective: o.comparisons.map(|c| c.net_benefit),
                delta_cost: c.delta_cost,
                delta_qalys: c.delta_qalys,
                delta_by_category: std::array::from_fn(|i| o.delta(Category::ALL[i])),
            });
            f(&s, &o);
        }
    }

    /// Draw `index` of the run: a scenario drawn from the fitted distributions with the
    /// draw's own generator ([`draw_rng`]).
    fn sample(&self, index: usize) -> Scenario {
        let mut rng = draw_rng(self.config.seed, index);
        let mut s = self.base.clone();
        for (p, d, (min, max)) in &self.dists {
            let v = d.sample(&mut rng);
            // Clamped to the limits here, so the value is one `set` would accept.
            let v = if v.is_finite() {
                v.clamp(*min, *max)
            } else {
                s.get(*p)
            };
            s.set_prechecked(*p, v);
        }
        // Exit shares drawn independently may add up to more than everyone: rescale them.
        let (m, a) = (s.get(P::InjExitToMethadone), s.get(P::InjExitToAbstinence));
        if m + a > 1.0 {
            s.set_prechecked(P::InjExitToMethadone, m / (m + a));
            s.set_prechecked(P::InjExitToAbstinence, a / (m + a));
        }
        s
    }

    /// The draws so far.
    pub fn draws(&self) -> &[Draw] {
        &self.draws
    }

    /// The parameters drawn, in the order of [`PsaRun::inputs`]: those the settings use whose
    /// fitted distribution is not a constant. Every other parameter keeps its current value.
    pub fn drawn(&self) -> Vec<P> {
        self.dists.iter().map(|(p, _, _)| *p).collect()
    }

    /// The values the drawn parameters took, one column per entry of [`PsaRun::drawn`] and
    /// one row per draw (aligned with [`PsaRun::draws`]): each value as the model used it,
    /// after clamping to the limits and rescaling the injectable exit shares.
    pub fn inputs(&self) -> &[Vec<f64>] {
        self.inputs.get_or_init(|| {
            let mut columns = vec![Vec::with_capacity(self.draws.len()); self.dists.len()];
            for index in self.first..self.first + self.draws.len() {
                let s = self.sample(index);
                for ((p, _, _), column) in self.dists.iter().zip(&mut columns) {
                    column.push(s.get(*p));
                }
            }
            columns
        })
    }

    /// The scenario the run draws around.
    pub fn scenario(&self) -> &Scenario {
        &self.base
    }

    /// The run's settings (draws clamped to the accepted number).
    pub fn config(&self) -> PsaConfig {
        self.config
    }

    /// Summaries of the draws so far.
    pub fn result(&self) -> Psa {
        summarise(&self.base, self.config, &self.draws)
    }
}

/// Mean and central 95% interval of a set of values with at least one finite value: built
/// only by [`Summary::of`], which has no summary to give for a set without one.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Summary {
    /// Mean.
    pub mean: f64,
    /// 2.5th percentile.
    pub p2_5: f64,
    /// 97.5th percentile.
    pub p97_5: f64,
}

impl Summary {
    /// The summary of the finite values among `values`; `None` (undefined) when there are
    /// none, never a NaN.
    pub fn of(values: impl Iterator<Item = f64>) -> Option<Summary> {
        let mut v: Vec<f64> = values.filter(|x| x.is_finite()).collect();
        if v.is_empty() {
            return None;
        }
        // Summed in the draws' order. The mean of finite values can overflow only where they
        // are near f64::MAX: averaged in scaled steps it stays finite.
        let n = v.len() as f64;
        let mean = v.iter().sum::<f64>() / n;
        let mean = if mean.is_finite() {
            mean
        } else {
            v.iter().map(|x| x / n).sum::<f64>()
        };
        let last = v.len() - 1;
        // Linear interpolation between order statistics (type 7). The two order statistics
        // each quantile needs are found by selection (linear time; a run's summaries come
        // after every Monte Carlo, on the page's thread): the i-th in IEEE total order, then
        // the smallest of those after it.
        let mut q = |p: f64| {
            let h = last as f64 * p;
            let (i, frac) = (h.floor() as usize, h - h.floor());
            let i = i.min(last);
            let (_, a, above) = v.select_nth_unstable_by(i, f64::total_cmp);
            let a = *a;
            let b = above.iter().copied().min_by(f64::total_cmp).unwrap_or(a);
            // Weighted when the gap itself would overflow (values of opposite sign near f64::MAX).
            let gap = b - a;
            if gap.is_finite() {
                a + gap * frac
            } else {
                a * (1.0 - frac) + b * frac
            }
        };
        Some(Summary {
            mean,
            p2_5: q(0.025),
            p97_5: q(0.975),
        })
    }
}

/// What a Monte Carlo run found.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Psa {
    /// Settings of the run.
    pub config: PsaConfig,
    /// Draws summarised.
    pub draws: usize,
    /// Incremental net benefit under the scenario's perspective (`None`, undefined, before
    /// the first draw: a run of accepted inputs gives a finite value in every draw).
    pub net_benefit: Option<Summary>,
    /// Incremental QALYs (`None` as for `net_benefit`).
    pub delta_qalys: Option<Summary>,
    /// Incremental cost by category (`None` as for `net_benefit`).
    pub components: Vec<(Category, Option<Summary>)>,
    /// Share of draws in which benefits exceed costs (net benefit > 0).
    pub prob_benefit_exceeds_cost: f64,
    /// The same under each perspective, narrowest first.
    pub prob_benefit_exceeds_cost_by_perspective: [f64; 3],
    /// Cost-effectiveness acceptability curve: (willingness to pay per QALY, share of draws
    /// with positive net monetary benefit).
    pub acceptability: Vec<(f64, f64)>,
    /// Expected value of perfect information per patient at the scenario's willingness to pay.
    pub evpi: f64,
    /// Distribution of net benefit: 30 equal bins from the smallest to the largest draw.
    pub histogram: Histogram,
}

/// Counts of values in equal-width bins.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Histogram {
    /// Bin edges, one more than the counts.
    pub edges: Vec<f64>,
    /// Values in each bin (the last bin includes its upper edge).
    pub counts: Vec<usize>,
}

impl Histogram {
    fn of(values: &[f64], bins: usize) -> Histogram {
        let finite = values.iter().copied().filter(|v| v.is_finite());
        let (lo, hi) = finite.fold((f64::INFINITY, f64::NEG_INFINITY), |(l, h), v| {
            (l.min(v), h.max(v))
        });
        if !lo.is_finite() {
            return Histogram {
                edges: Vec::new(),
                counts: Vec::new(),
            };
        }
        let hi = if hi > lo { hi } else { lo + 1.0 };
        let width = (hi - lo) / bins as f64;
        let mut counts = vec![0; bins];
        for v in values.iter().filter(|v| v.is_finite()) {
            let i = (((v - lo) / width) as usize).min(bins - 1);
            counts[i] += 1;
        }
        Histogram {
            edges: (0..=bins).map(|i| lo + width * i as f64).collect(),
            counts,
        }
    }
}

/// A draw's incremental net monetary benefit at willingness to pay `w` per QALY:
/// `w ΔQALY − Δcost`, with the cost under the scenario's perspective. EVPI and EVPPI are
/// both counted in it.
pub(super) fn incremental_nmb(d: &Draw, w: f64) -> f64 {
    w * d.delta_qalys - d.delta_cost
}

fn summarise(base: &Scenario, config: PsaConfig, draws: &[Draw]) -> Psa {
    let n = draws.len().max(1) as f64;
    let wtp = base.get(P::WtpPerQaly);
    let nmb = incremental_nmb;
    let acceptability = (0..=30)
        .map(|i| {
            let w = wtp * 3.0 * f64::from(i) / 30.0;
            (
                w,
                draws.iter().filter(|d| nmb(d, w) > 0.0).count() as f64 / n,
            )
        })
        .collect();
    // Two options: adopt (incremental NMB) or not (0).
    let mean_nmb = draws.iter().map(|d| nmb(d, wtp)).sum::<f64>() / n;
    let perfect = draws.iter().map(|d| nmb(d, wtp).max(0.0)).sum::<f64>() / n;
    Psa {
        config,
        draws: draws.len(),
        net_benefit: Summary::of(draws.iter().map(|d| d.net_benefit)),
        delta_qalys: Summary::of(draws.iter().map(|d| d.delta_qalys)),
        components: Category::ALL
            .iter()
            .enumerate()
            .map(|(i, c)| {
                (
                    *c,
                    Summary::of(draws.iter().map(|d| d.delta_by_category[i])),
                )
            })
            .collect(),
        prob_benefit_exceeds_cost: draws.iter().filter(|d| d.net_benefit > 0.0).count() as f64 / n,
        prob_benefit_exceeds_cost_by_perspective: std::array::from_fn(|k| {
            draws
                .iter()
                .filter(|d| d.net_benefit_by_perspective[k] > 0.0)
                .count() as f64
                / n
        }),
        acceptability,
        evpi: perfect - mean_nmb.max(0.0),
        histogram: Histogram::of(&draws.iter().map(|d| d.net_benefit).collect::<Vec<_>>(), 30),
    }
}

/// Run a whole Monte Carlo analysis.
pub fn psa(s: &Scenario, config: PsaConfig) -> Psa {
    let mut run = PsaRun::new(s, config);
    run.step(usize::MAX);
    run.result()
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand_xoshiro::rand_core::Rng;

    /// SplitMix64 written from the formula in `docs/model.md`.
    fn split_mix(x: &mut u64) -> u64 {
        *x = x.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = *x;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// xoshiro256++ written from its published definition (Blackman and Vigna).
    fn xoshiro(s: &mut [u64; 4]) -> u64 {
        let out = s[0].wrapping_add(s[3]).rotate_left(23).wrapping_add(s[0]);
        let t = s[1] << 17;
        s[2] ^= s[0];
        s[3] ^= s[1];
        s[1] ^= s[2];
        s[0] ^= s[3];
        s[2] ^= t;
        s[3] = s[3].rotate_left(45);
        out
    }

    /// Mean and variance of 200,000 draws of a sampler.
    fn moments(d: Sampler) -> (f64, f64) {
        let mut rng = draw_rng(7, 0);
        let n = 200_000;
        let v: Vec<f64> = (0..n).map(|_| d.sample(&mut rng)).collect();
        let mean = v.iter().sum::<f64>() / n as f64;
        let var = v.iter().map(|x| (x - mean).powi(2)).sum::<f64>() / (n - 1) as f64;
        (mean, var)
    }

    /// Both ways of drawing a beta (two gammas, or Cheng's algorithm) give its mean
    /// `a / (a + b)` and variance `ab / ((a + b)^2 (a + b + 1))`, to within sampling error
    /// (five standard errors of the mean, 3% of the variance).
    #[test]
    fn betas_have_their_moments_whichever_way_they_are_drawn() {
        for (a, b) in [
            (20.0, 5.0),
            (3.0, 40.0),
            (1.0, 1.0),
            (1.5, 200.0),
            (0.8, 5.0),
            (4.0, 0.6),
        ] {
            let d = Sampler::new(Fitted::Beta { alpha: a, beta: b }).expect("a valid beta");
            let by_gammas = a >= 1.0 && b >= 1.0;
            assert_eq!(
                matches!(d, Sampler::BetaOfGammas(..)),
                by_gammas,
                "({a}, {b})"
            );
            let (mean, var) = moments(d);
            let want_mean = a / (a + b);
            let want_var = a * b / ((a + b).powi(2) * (a + b + 1.0));
            let se = (want_var / 200_000.0).sqrt();
            assert!(
                (mean - want_mean).abs() < 5.0 * se,
                "({a}, {b}): mean {mean} vs {want_mean}"
            );
            assert!(
                (var / want_var - 1.0).abs() < 0.03,
                "({a}, {b}): variance {var} vs {want_var}"
            );
        }
    }

    #[test]
    fn each_draw_starts_its_generator_where_the_document_says() {
        for (seed, index) in [(1, 0), (1, 1), (2026, 9_999), (u64::MAX, 99_999)] {
            // The SplitMix64 sequence of the seed, outputs 4 index + 1 to 4 index + 4.
            let mut x = seed;
            let mut state = [0u64; 4];
            for _ in 0..=index {
                state = std::array::from_fn(|_| split_mix(&mut x));
            }
            let mut rng = draw_rng(seed, index);
            for _ in 0..8 {
                assert_eq!(
                    rng.next_u64(),
                    xoshiro(&mut state),
                    "seed {seed}, draw {index}"
                );
            }
        }
    }
}
