//! The cohort engine: one arm's cohort of one patient, month by month, through treatment
//! episodes, street use, abstinence and death, with re-entry to treatment.
//!
//! Deaths come from the life table of the scenario's economy, scaled by each state's ratio
//! for causes other than overdose, plus a state's fatal-overdose rate. Time in a state follows
//! a Weibull curve: exactly for the first episode (everyone in it started together), and
//! through phase-type compartments ([`super::phase`]) for every episode entered later. Episode
//! classes count re-entries to treatment, so that later episodes can last longer or shorter.
//! Equations and rules: `docs/model.md`, section 3.

use super::hazard::{self, exit_probability};
use super::outcome::{
    ArmResult, Category, Costs, Month, ABST, ALIVE, DEAD, MMT, NCAT, OWN, STREET,
};
use super::phase::{phase_type, PhaseType, PHASES};
use super::unit_costs::{overdose_rr, profile, smr, StateProfile};
use crate::arms;
use crate::lifetable::{life_table, AGES, MAX_AGE};
use crate::params::P;
use crate::scenario::{Arm, Scenario};

/// Episode classes: 0 until the first re-entry to treatment, then 1, 2, and 3 for the third
/// and every later re-entry.
const CLASSES: usize = 4;

/// Model years at most: from the youngest start age (12) to 100.
const MAX_YEARS: usize = 89;

/// Months in the model: the horizon, but never past age 100, and at least one.
pub fn cycles(s: &Scenario) -> usize {
    let years = s
        .get(P::HorizonYears)
        .min(MAX_AGE - s.get(P::StartAge))
        .max(1.0 / 12.0);
    (years * 12.0).round() as usize
}

/// Whether the horizon reaches age 100: a lifetime, closed with everyone dead.
pub fn is_lifetime(s: &Scenario) -> bool {
    s.get(P::HorizonYears) >= MAX_AGE - s.get(P::StartAge)
}

/// General-population mortality of the cohort, by model year of age. Shared by both arms.
pub(crate) struct Background {
    /// Annual hazard `-ln(1 - q)` of the sex-mixed life table, by row (row 0: the start age
    /// rounded down).
    hazard: [f64; MAX_YEARS],
    /// Start age minus its whole years.
    frac: f64,
}

impl Background {
    /// # Formula
    ///
    /// With `a0 = floor(start age)`, women's share at entry `f`, and `l_F`, `l_M` each sex's
    /// survivors from `a0` (`l(a0) = 1`, `l(a + 1) = l(a)(1 - q(a))`):
    /// `w(a) = f l_F(a) / (f l_F(a) + (1 - f) l_M(a))`,
    /// `q(a) = w(a) q_F(a) + (1 - w(a)) q_M(a)`, `hazard(a) = -ln(1 - q(a))`.
    pub(crate) fn new(s: &Scenario, cycles: usize) -> Background {
        let table = life_table(s.basis().economy);
        let start = s.get(P::StartAge);
        let a0 = start.floor() as usize;
        let frac = start - a0 as f64;
        let rows = row(frac, cycles.max(12) - 1) + 1;
        let f = s.get(P::FemaleShare);
        let (mut lf, mut lm) = (1.0, 1.0);
        let mut hazard = [0.0; MAX_YEARS];
        for (k, h) in hazard.iter_mut().enumerate().take(rows.min(MAX_YEARS)) {
            let a = (a0 + k).min(AGES - 1);
            let (qf, qm) = (table.female(a), table.male(a));
            let w = f * lf / (f * lf + (1.0 - f) * lm);
            let q = w * qf + (1.0 - w) * qm;
            *h = -(-q).ln_1p();
            lf *= 1.0 - qf;
            lm *= 1.0 - qm;
        }
        Background { hazard, frac }
    }
}

/// Life-table row (years since the start age's whole year) of cycle `t`:
/// `floor(frac + t / 12)` (a cast truncates, which is the floor of a non-negative number).
fn row(frac: f64, t: usize) -> usize {
    (frac + t as f64 / 12.0) as usize
}

impl Background {
    /// The first cycle in row 1: the cohort's first birthday in the model.
    fn first_birthday(&self) -> usize {
        (0..=12).find(|t| row(self.frac, *t) >= 1).unwrap_or(12)
    }
}

/// One arm's mortality: each living state's ratio to the general population and its
/// fatal-overdose rate, applied to the background row by row.
struct Deaths {
    smr: [f64; ALIVE],
    overdose: [f64; ALIVE],
}

impl Deaths {
    fn new(s: &Scenario, arm: Arm) -> Deaths {
        Deaths {
            smr: smr(s, arm),
            overdose: overdose_rr(s, arm).map(|rr| s.get(P::MortOverdoseStreet) / 100.0 * rr),
        }
    }

    /// Monthly death probabilities and the overdose share of those deaths at row `k`.
    ///
    /// # Formula
    ///
    /// In state `s` at row `k`: annual hazard `h = smr_s x hazard(k) + od_s`, with
    /// `od_s = mort.overdose.street / 100 x rr_s`; monthly `q = 1 - exp(-h / 12)`; overdose
    /// share `od_s / h` (0 when `h = 0`).
    fn at_row(&self, bg: &Background, k: usize) -> ([f64; ALIVE], [f64; ALIVE]) {
        let background = bg.hazard[k.min(MAX_YEARS - 1)];
        let h: [f64; ALIVE] = std::array::from_fn(|i| self.smr[i] * background + self.overdose[i]);
        (
            h.map(|h| exit_probability(h / 12.0)),
            std::array::from_fn(|i| {
                if h[i] > 0.0 {
                    self.overdose[i] / h[i]
                } else {
                    0.0
                }
            }),
        )
    }

    /// Probability of surviving the first 12 months in each living state.
    fn survival_12m(&self, bg: &Background) -> [f64; ALIVE] {
        // Rows of months 0 to 11: the first row until the next birthday, then the second.
        let switch = bg.first_birthday();
        let (q0, _) = self.at_row(bg, 0);
        let (q1, _) = self.at_row(bg, 1);
        std::array::from_fn(|i| {
            (1.0 - q0[i]).powi(switch.min(12) as i32)
                * (1.0 - q1[i]).powi(12 - switch.min(12) as i32)
        })
    }
}

/// Weibull scale of a treatment episode from trial retention, which counts a death as not
/// retained: `S_w(12) x S_death(12) = r`.
///
/// # Formula
///
/// `lambda = -ln(min(r / S_death(12), 1)) / 12^shape`; infinite when `r = 0`. Takes
/// `12^shape` (`month_12`), which the first episode's clock already holds.
fn treatment_lambda(r12: f64, month_12: f64, survival_12m: f64) -> f64 {
    if r12 <= 0.0 || survival_12m <= 0.0 {
        return f64::INFINITY;
    }
    let stay = (r12 / survival_12m).min(1.0);
    (-stay.ln()).max(0.0) / month_12
}

/// A Weibull scale times a hazard ratio. A ratio of 0 means nobody leaves, even an episode
/// whose first occurrence everyone leaves at once (`lambda` infinite): 0, never `0 x inf`.
fn with_ratio(lambda: f64, ratio: f64) -> f64 {
    if ratio == 0.0 {
        0.0
    } else {
        lambda * ratio
    }
}

/// Weibull scale from the probability of leaving within 12 months, absent death.
fn exit_lambda(p12: f64, shape: f64) -> f64 {
    if p12 >= 1.0 {
        f64::INFINITY
    } else {
        -(-p12).ln_1p() / 12f64.powf(shape)
    }
}

/// `t^shape` for t = 0..=cycles: the Weibull clock of the first episode.
///
/// The same shapes recur across evaluations (a slider drag, a tornado, a Monte Carlo run keep
/// them), so the last few tables are kept per thread and reused.
fn weibull_clock(shape: f64, cycles: usize) -> std::rc::Rc<Vec<f64>> {
    use std::cell::RefCell;
    use std::rc::Rc;
    const KEEP: usize = 4;
    thread_local! {
        static CACHE: RefCell<Vec<(u64, Rc<Vec<f64>>)>> = const { RefCell::new(Vec::new()) };
    }
    CACHE.with(|cache| {
        let mut cache = cache.borrow_mut();
        let key = shape.to_bits();
        if let Some(i) = cache
            .iter()
            .position(|(k, t)| *k == key && t.len() > cycles)
        {
            let hit = cache.remove(i);
            cache.push(hit.clone());
            return hit.1;
        }
        let table: Rc<Vec<f64>> = Rc::new((0..=cycles).map(|t| (t as f64).powf(shape)).collect());
        if cache.len() == KEEP {
            cache.remove(0);
        }
        cache.push((key, table.clone()));
        table
    })
}

/// Two lanes of a number: the two arms of an evaluation, side by side.
///
/// Both arms of a comparison go through the same months, life-table rows and branches; only
/// their parameters differ. [`run_arms`] runs them together in the two lanes of one SIMD
/// value (SSE2 natively, `simd128` in the browser), each lane with the arithmetic, in the
/// order, that one arm alone would have: a lane's results do not depend on the other lane.
type L = wide::f64x2;

/// Lanes from one value per arm.
#[inline(always)]
fn lanes(f: impl Fn(usize) -> f64) -> L {
    L::new([f(0), f(1)])
}

/// One lane's value.
#[inline(always)]
fn lane(v: L, i: usize) -> f64 {
    v.to_array()[i]
}

/// [`exit_probability`] in each lane: the first episode's monthly exit, computed every cycle.
/// Each lane chooses between the series and `exp_m1` for itself, so an arm's result does not
/// depend on the other lane.
#[inline(always)]
fn leave_probability(x: L) -> L {
    let series = hazard::series(x);
    let small = x.simd_le(L::splat(hazard::SERIES_LIMIT));
    if small.all() {
        series
    } else {
        let small = small.to_bitmask();
        lanes(|i| {
            if small & (1 << i) != 0 {
                lane(series, i)
            } else {
                exit_probability(lane(x, i))
            }
        })
    }
}

/// Per-person-time totals accumulated over the cycles of one arm.
#[derive(Default, Clone, Copy)]
pub(crate) struct Tally {
    /// Person-years by state, discounted at the cost rate.
    pt_cost: [f64; ALIVE],
    /// Person-years by state, discounted at the QALY rate.
    pt_qaly: [f64; ALIVE],
    /// Undiscounted person-years.
    pt: [f64; ALIVE],
    /// Deaths discounted at the cost rate.
    deaths_cost: f64,
    /// Person-years of the uninfected (HIV, hepatitis C), discounted at the cost rate.
    uninfected_cost: [f64; 2],
}

impl Tally {
    /// From sums of (start + end) occupancy per cycle to person-years: x 1/2 x 1/12.
    fn person_years(self) -> Tally {
        let k = 1.0 / 24.0;
        Tally {
            pt_cost: self.pt_cost.map(|v| v * k),
            pt_qaly: self.pt_qaly.map(|v| v * k),
            pt: self.pt.map(|v| v * k),
            deaths_cost: self.deaths_cost,
            uninfected_cost: self.uninfected_cost.map(|v| v * k),
        }
    }
}

/// A [`Tally`] of both arms, one per lane.
#[derive(Clone, Copy)]
struct Tallies {
    pt_cost: [L; ALIVE],
    pt_qaly: [L; ALIVE],
    pt: [L; ALIVE],
    deaths_cost: L,
    uninfected_cost: [L; 2],
}

impl Tallies {
    const ZERO: Tallies = Tallies {
        pt_cost: [L::ZERO; ALIVE],
        pt_qaly: [L::ZERO; ALIVE],
        pt: [L::ZERO; ALIVE],
        deaths_cost: L::ZERO,
        uninfected_cost: [L::ZERO; 2],
    };

    /// Arm `i`'s tally.
    fn lane(&self, i: usize) -> Tally {
        let of = |v: &[L; ALIVE]| v.map(|v| lane(v, i));
        Tally {
            pt_cost: of(&self.pt_cost),
            pt_qaly: of(&self.pt_qaly),
            pt: of(&self.pt),
            deaths_cost: lane(self.deaths_cost, i),
            uninfected_cost: self.uninfected_cost.map(|v| lane(v, i)),
        }
    }
}

/// What one cycle adds, for an observer of [`run_arms`].
pub(crate) struct Step {
    /// The cycle alone, undiscounted, in person-years: person-time by state (in every
    /// person-time field), deaths, and the uninfected's person-time.
    pub(crate) tally: Tally,
    /// Re-entries from street use to the arm's own treatment in the cycle.
    pub(crate) returned: f64,
}

/// Costs by category of the person-time and deaths in `t`, at each state's annual costs.
///
/// # Formula
///
/// `sum_s cost_s x PY_s` per category; lives lost `deaths x econ.vsl`; infections
/// `sum_d max((1 - p_d) x sum_s PY_s - U_d, 0) x cost_year_d` (`docs/model.md`, 3.7 and 4).
fn costs_of(s: &Scenario, prof: &StateProfile, t: &Tally) -> Costs {
    let inf = &prof.infections;
    let mut c = [0.0; NCAT];
    for (i, row) in prof.costs.iter().enumerate() {
        for (k, v) in row.iter().enumerate() {
            c[k] += t.pt_cost[i] * v;
        }
    }
    c[Category::LivesLost as usize] = t.deaths_cost * s.get(P::Vsl);
    // Care of infections acquired after entry, per infected person-year: of those
    // uninfected at entry (a share 1 - prevalence of every state's person-time, since
    // infection changes no transition), those no longer uninfected.
    let alive: f64 = t.pt_cost.iter().sum();
    c[Category::Infections as usize] = (0..2)
        .map(|d| {
            let infected = ((1.0 - inf.prevalence[d]) * alive - t.uninfected_cost[d]).max(0.0);
            infected * inf.cost_year[d]
        })
        .sum();
    Costs(c)
}

/// Flows between living states in one cycle, as shares of the cohort: the only ones the
/// model has (treatment to methadone, street use or abstinence; methadone to street use or
/// abstinence; street use back to either treatment or to abstinence; relapse).
struct Flows {
    own_mmt: L,
    own_street: L,
    own_abst: L,
    mmt_street: L,
    mmt_abst: L,
    street_own: L,
    street_mmt: L,
    street_abst: L,
    abst_street: L,
}

/// `a + b + c + d`, left to right.
#[inline(always)]
fn sum4(x: &[L; 4]) -> L {
    x[0] + x[1] + x[2] + x[3]
}

/// One cycle of the uninfected: infection among those who survive the cycle, then the
/// remaining uninfected move with their state's flows.
///
/// # Formula
///
/// For each infection, with `U_i` the uninfected in living state `i`, `N_i` its occupancy, `q_i`
/// its death probability and `pi_i` its monthly infection probability: new infections
/// `sum_i U_i (1 - q_i) pi_i`; the uninfected share carried by every survivor leaving or staying
/// in state `i` is `u_i = min(U_i x (1 / N_i), 1) x (1 - pi_i)` (0 when `N_i = 0`), and
/// `U_i' = u_i x stay_i + sum_j u_j x flow_ji`. Within a state, infection is taken to be
/// independent of the phase and episode class a person is in.
#[inline(always)]
fn uninfected_step(
    uninfected: &mut [[L; ALIVE]; 2],
    infections: &mut L,
    occ: &[L; 5],
    q: &[L; ALIVE],
    monthly: &[[L; ALIVE]; 2],
    stay: &[L; ALIVE],
    flows: &Flows,
) {
    let one = L::ONE;
    // `1 / N_i`, or 0 for an empty state, which carries nobody: one division per state for
    // both infections, and no NaN to guard against below (`fast_min`, one instruction in wasm
    // instead of three).
    let per_occupant: [L; ALIVE] =
        std::array::from_fn(|i| occ[i].simd_gt(L::ZERO).select(one / occ[i], L::ZERO));
    for (u, pi) in uninfected.iter_mut().zip(monthly) {
        let share: [L; ALIVE] =
            std::array::from_fn(|i| (u[i] * per_occupant[i]).fast_min(one) * (one - pi[i]));
        *infections += sum4(&std::array::from_fn(|i| u[i] * (one - q[i]) * pi[i]));
        let f = flows;
        let inflow = [
            share[STREET] * f.street_own,
            share[OWN] * f.own_mmt + share[STREET] * f.street_mmt,
            share[OWN] * f.own_street + share[MMT] * f.mmt_street + share[ABST] * f.abst_street,
            share[OWN] * f.own_abst + share[MMT] * f.mmt_abst + share[STREET] * f.street_abst,
        ];
        *u = std::array::from_fn(|i| share[i] * stay[i] + inflow[i]);
    }
}

/// For a row's death probability `q`: the share of each compartment that stays,
/// `(1 - q)(1 - h)`, and that leaves alive, `(1 - q) h`.
fn survive<const C: usize>(
    h: &[[L; PHASES]; C],
    q: L,
    keep: &mut [[L; PHASES]; C],
    leave: &mut [[L; PHASES]; C],
) {
    let pairs = keep
        .as_flattened_mut()
        .iter_mut()
        .zip(leave.as_flattened_mut());
    for (h, (k, l)) in h.as_flattened().iter().zip(pairs) {
        *k = (L::ONE - q) * (L::ONE - *h);
        *l = (L::ONE - q) * *h;
    }
}

/// One month of a state's compartments: adds each class's leavers to `out` (one entry per
/// class) and keeps the stayers.
#[inline(always)]
fn step<const C: usize>(
    x: &mut [[L; PHASES]; C],
    keep: &[[L; PHASES]; C],
    leave: &[[L; PHASES]; C],
    out: &mut [L],
) {
    for (((x, keep), leave), out) in x.iter_mut().zip(keep).zip(leave).zip(out) {
        let mut e = L::ZERO;
        for i in 0..PHASES {
            e += x[i] * leave[i];
            x[i] *= keep[i];
        }
        *out += e;
    }
}

/// A state's share: each class's phases summed, then the classes.
#[inline(always)]
fn total<const C: usize>(x: &[[L; PHASES]; C]) -> L {
    let mut sum = L::ZERO;
    for c in x {
        let mut class = L::ZERO;
        for v in c {
            class += *v;
        }
        sum += class;
    }
    sum
}

/// Entrants into a state's class, spread over its phases.
#[inline(always)]
fn enter(x: &mut [L; PHASES], entry: &[L; PHASES], n: L) {
    for i in 0..PHASES {
        x[i] += n * entry[i];
    }
}

/// What both arms of an evaluation share: the background mortality, and the episodes of
/// methadone, street use and abstinence that any arm's cohort can enter.
pub(crate) struct Common {
    bg: Background,
    /// Later methadone episodes, classes 1 to 3.
    mmt_ph: [PhaseType; CLASSES - 1],
    /// Street use, classes 0 to 3.
    street_ph: [PhaseType; CLASSES],
    /// Abstinence.
    abst_ph: PhaseType,
    /// Hazard multipliers of treatment episodes by class.
    treat_hr: [f64; CLASSES],
}

impl Common {
    pub(crate) fn new(s: &Scenario) -> Common {
        let bg = Background::new(s, cycles(s));
        let mmt = arms::methadone();
        // Methadone's state has the same mortality in every arm.
        let survival = Deaths::new(s, Arm::Methadone).survival_12m(&bg)[MMT];
        let mmt_shape = s.get(mmt.retention_shape);
        let mmt_lambda =
            treatment_lambda(s.get(mmt.retention_12m), 12f64.powf(mmt_shape), survival);
        let street_shape = s.get(P::StreetExitShape);
        let street_lambda = exit_lambda(s.get(P::StreetExit12m), street_shape);
        let abst_shape = s.get(P::AbstinentRelapseShape);
        let abst_lambda = exit_lambda(s.get(P::AbstinentRelapse12m), abst_shape);
        let treat_hr = [
            1.0,
            s.get(P::EpisodeTreatment2),
            s.get(P::EpisodeTreatment3),
            s.get(P::EpisodeTreatment4),
        ];
        let street_hr = [
            1.0,
            s.get(P::EpisodeStreet2),
            s.get(P::EpisodeStreet3),
            s.get(P::EpisodeStreet4),
        ];
        Common {
            bg,
            mmt_ph: std::array::from_fn(|c| {
                phase_type(with_ratio(mmt_lambda, treat_hr[c + 1]), mmt_shape)
            }),
            street_ph: std::array::from_fn(|c| {
                phase_type(with_ratio(street_lambda, street_hr[c]), street_shape)
            }),
            abst_ph: phase_type(abst_lambda, abst_shape),
            treat_hr,
        }
    }
}

/// One arm's own parameters, as [`run_arms`] needs them.
struct ArmSetup {
    arm: Arm,
    deaths: Deaths,
    survival_12m: [f64; ALIVE],
    prof: StateProfile,
    /// The first episode's Weibull scale per month^shape.
    own_lambda: f64,
    /// Where leavers of the first and later own episodes go.
    to_mmt: f64,
    to_street: f64,
    to_abst: f64,
    /// Share of re-entries to the arm's own treatment (0 for an arm whose own treatment is
    /// methadone, or that has none).
    own_share: f64,
    /// Later own episodes, classes 1 to 3; nobody enters them when `own_share` is 0.
    own_ph: [PhaseType; CLASSES - 1],
    /// `t^shape` for t = 0..=max(cycles, 12).
    clock: std::rc::Rc<Vec<f64>>,
}

impl ArmSetup {
    fn new(s: &Scenario, arm: Arm, common: &Common, cycles: usize) -> ArmSetup {
        let deaths = Deaths::new(s, arm);
        let survival_12m = deaths.survival_12m(&common.bg);
        let mmt = arms::methadone();
        let own = arm.treatment();
        let own_shape = own.map_or(1.0, |t| s.get(t.retention_shape));
        // At least 12 months of the clock: the scale is fitted at month 12.
        let clock = weibull_clock(own_shape, cycles.max(12));
        let own_lambda = own.map_or(0.0, |t| {
            treatment_lambda(s.get(t.retention_12m), clock[12], survival_12m[OWN])
        });
        let to_mmt = own
            .and_then(|t| t.exit_to_methadone)
            .map_or(0.0, |p| s.get(p));
        let to_abst = own.map_or(0.0, |t| s.get(t.exit_to_abstinence));
        let own_share = match own {
            Some(t) if t != mmt => s.get(P::ReentryOwnShare),
            _ => 0.0,
        };
        let own_ph = if own_share > 0.0 {
            std::array::from_fn(|c| {
                phase_type(with_ratio(own_lambda, common.treat_hr[c + 1]), own_shape)
            })
        } else {
            [phase_type(0.0, own_shape); CLASSES - 1]
        };
        ArmSetup {
            arm,
            deaths,
            survival_12m,
            prof: profile(s, arm),
            own_lambda,
            to_mmt,
            to_street: (1.0 - to_mmt - to_abst).max(0.0),
            to_abst,
            own_share,
            own_ph,
            clock,
        }
    }
}

/// Exits (`exit`) or entry shares (`entry`) of each class's phases, per lane.
fn per_phase<const C: usize>(
    of: [&[PhaseType; C]; 2],
    field: fn(&PhaseType) -> [f64; PHASES],
) -> [[L; PHASES]; C] {
    std::array::from_fn(|c| std::array::from_fn(|k| lanes(|i| field(&of[i][c])[k])))
}

/// Run two arms, one per lane (the same arm twice is allowed). `observe(i, shares, step)` sees
/// arm `i`'s state shares (own, methadone, street, abstinent, dead) at the start (with no
/// step) and after every cycle (with what that cycle added).
pub(crate) fn run_arms(
    s: &Scenario,
    arms: [Arm; 2],
    common: &Common,
    mut observe: impl FnMut(usize, &[f64; 5], Option<&Step>),
) -> [ArmResult; 2] {
    let bg = &common.bg;
    let cycles = cycles(s);
    let lifetime = is_lifetime(s);
    let setup = arms.map(|arm| ArmSetup::new(s, arm, common, cycles));
    let mmt = arms::methadone();
    let by_arm = |f: fn(&ArmSetup) -> f64| lanes(|i| f(&setup[i]));

    let (mmt_ph, street_ph, abst_ph) = (&common.mmt_ph, &common.street_ph, &common.abst_ph);
    let exit = |p: &PhaseType| p.exit;
    let entry = |p: &PhaseType| p.entry;
    let own_ph = [&setup[0].own_ph, &setup[1].own_ph];
    let abst_all = [*abst_ph; CLASSES];
    let (h_own, e_own) = (per_phase(own_ph, exit), per_phase(own_ph, entry));
    let (h_mmt, e_mmt) = (per_phase([mmt_ph; 2], exit), per_phase([mmt_ph; 2], entry));
    let (h_street, e_street) = (
        per_phase([street_ph; 2], exit),
        per_phase([street_ph; 2], entry),
    );
    let (h_abst, e_abst) = (
        per_phase([&abst_all; 2], exit),
        per_phase([&abst_all; 2], entry),
    );

    // Where leavers go.
    let (to_mmt, to_street, to_abst) = (
        by_arm(|a| a.to_mmt),
        by_arm(|a| a.to_street),
        by_arm(|a| a.to_abst),
    );
    let mmt_abst = L::splat(s.get(mmt.exit_to_abstinence));
    let street_abst = L::splat(s.get(P::StreetExitToAbstinence));
    let own_share = by_arm(|a| a.own_share);
    let own_lambda = by_arm(|a| a.own_lambda);

    let dc = (1.0 + s.get(P::DiscountCosts)).powf(-1.0 / 12.0);
    let dq = (1.0 + s.get(P::DiscountQalys)).powf(-1.0 / 12.0);

    // Compartments by class, then phase: later treatment episodes have classes 1 to 3
    // (index class - 1), street use and abstinence classes 0 to 3.
    let later = [[L::ZERO; PHASES]; CLASSES - 1];
    let all = [[L::ZERO; PHASES]; CLASSES];
    let mut own_later = later;
    let mut mmt_later = later;
    let mut street = all;
    let mut abst = all;
    // An arm with a treatment starts everyone in its first episode; one without, in street use.
    let has_own = |i: usize| setup[i].arm.treatment().is_some();
    let mut first = lanes(|i| if has_own(i) { 1.0 } else { 0.0 });
    let mut occ = [L::ZERO; 5];
    occ[OWN] = first;
    occ[STREET] = L::ONE - first;
    for (k, e) in e_street[0].iter().enumerate() {
        street[0][k] = (L::ONE - first) * *e;
    }
    let one = L::ONE;

    // Discount factors at the middle of the current cycle.
    let mut disc_c = dc.sqrt();
    let mut disc_q = dq.sqrt();
    let mut tally = Tallies::ZERO;
    let mut year_one = Tallies::ZERO;
    let mut overdose_deaths = L::ZERO;
    // Per life-table row: the share of each compartment that stays, and that leaves alive.
    let mut current_row = usize::MAX;
    let (mut keep_own, mut leave_own) = (later, later);
    let (mut keep_mmt, mut leave_mmt) = (later, later);
    let (mut keep_street, mut leave_street) = (all, all);
    let (mut keep_abst, mut leave_abst) = (all, all);
    // The uninfected, by infection and living state; everyone starts in one state.
    let inf = [&setup[0].prof.infections, &setup[1].prof.infections];
    let mut uninfected = [[L::ZERO; ALIVE]; 2];
    for (d, u) in uninfected.iter_mut().enumerate() {
        u[OWN] = lanes(|i| {
            if has_own(i) {
                1.0 - inf[i].prevalence[d]
            } else {
                0.0
            }
        });
        u[STREET] = lanes(|i| {
            if has_own(i) {
                0.0
            } else {
                1.0 - inf[i].prevalence[d]
            }
        });
    }
    let monthly: [[L; ALIVE]; 2] =
        std::array::from_fn(|d| std::array::from_fn(|k| lanes(|i| inf[i].monthly[d][k])));
    let mut infections = L::ZERO;
    let shares = |occ: &[L; 5], i: usize| occ.map(|v| lane(v, i));
    for i in 0..2 {
        observe(i, &shares(&occ, i), None);
    }

    let (mut q, mut od_share) = ([L::ZERO; ALIVE], [L::ZERO; ALIVE]);
    // The row moves up at the first birthday and every 12 cycles after it.
    let (mut k, mut birthday) = (0, bg.first_birthday());
    for t in 0..cycles {
        if t == birthday {
            k += 1;
            birthday += 12;
        }
        if k != current_row {
            current_row = k;
            let rows = [setup[0].deaths.at_row(bg, k), setup[1].deaths.at_row(bg, k)];
            q = std::array::from_fn(|s| lanes(|i| rows[i].0[s]));
            od_share = std::array::from_fn(|s| lanes(|i| rows[i].1[s]));
            survive(&h_own, q[OWN], &mut keep_own, &mut leave_own);
            survive(&h_mmt, q[MMT], &mut keep_mmt, &mut leave_mmt);
            survive(&h_street, q[STREET], &mut keep_street, &mut leave_street);
            survive(&h_abst, q[ABST], &mut keep_abst, &mut leave_abst);
        }
        // Deaths first: everyone in a state dies with its probability, whatever the phase.
        let dying: [L; ALIVE] = std::array::from_fn(|i| occ[i] * q[i]);

        // Exits of this cycle, by episode class. The first episode leaves by its Weibull:
        // `1 - exp(-lambda (t+1)^shape + lambda t^shape)`.
        let alive = first * (one - q[OWN]);
        let leaving = leave_probability(
            own_lambda
                * lanes(|i| {
                    let c = &setup[i].clock;
                    c[t + 1] - c[t]
                }),
        );
        let leave = alive * leaving;
        first = alive - leave;
        let mut out_own = [L::ZERO; CLASSES];
        out_own[0] = leave;
        step(&mut own_later, &keep_own, &leave_own, &mut out_own[1..]);
        let mut out_mmt = [L::ZERO; CLASSES];
        step(&mut mmt_later, &keep_mmt, &leave_mmt, &mut out_mmt[1..]);
        let mut out_street = [L::ZERO; CLASSES];
        step(&mut street, &keep_street, &leave_street, &mut out_street);
        let mut out_abst = [L::ZERO; CLASSES];
        step(&mut abst, &keep_abst, &leave_abst, &mut out_abst);

        // Entries: a new treatment episode raises the class (to 3 at most); leaving
        // treatment, abstinence or relapse keeps it.
        for c in 0..CLASSES {
            let up = (c + 1).min(CLASSES - 1) - 1;
            let back = out_street[c] * (one - street_abst);
            enter(&mut own_later[up], &e_own[up], back * own_share);
            enter(
                &mut mmt_later[up],
                &e_mmt[up],
                back * (one - own_share) + out_own[c] * to_mmt,
            );
            enter(
                &mut street[c],
                &e_street[c],
                out_own[c] * to_street + out_mmt[c] * (one - mmt_abst) + out_abst[c],
            );
            enter(
                &mut abst[c],
                &e_abst[c],
                out_own[c] * to_abst + out_mmt[c] * mmt_abst + out_street[c] * street_abst,
            );
        }

        let uninfected_before = uninfected.map(|u| sum4(&u));
        // Flows between living states this cycle, at the level of states (summed over
        // classes and phases).
        let (o_own, o_mmt, o_street, o_abst) = (
            sum4(&out_own),
            sum4(&out_mmt),
            sum4(&out_street),
            sum4(&out_abst),
        );
        let back = o_street * (one - street_abst);
        let returned = back * own_share;
        let flows = Flows {
            own_mmt: o_own * to_mmt,
            own_street: o_own * to_street,
            own_abst: o_own * to_abst,
            mmt_street: o_mmt * (one - mmt_abst),
            mmt_abst: o_mmt * mmt_abst,
            street_own: returned,
            street_mmt: back * (one - own_share),
            street_abst: o_street * street_abst,
            abst_street: o_abst,
        };
        let out = [o_own, o_mmt, o_street, o_abst];
        // Survivors who stay in their state this cycle (finite numbers: no NaN check).
        let stay: [L; ALIVE] =
            std::array::from_fn(|i| (occ[i] * (one - q[i]) - out[i]).fast_max(L::ZERO));
        uninfected_step(
            &mut uninfected,
            &mut infections,
            &occ,
            &q,
            &monthly,
            &stay,
            &flows,
        );

        let mut died = sum4(&dying);
        let mut next = [
            first + total(&own_later),
            total(&mmt_later),
            total(&street),
            total(&abst),
            // Rounding must not take the dead share past one.
            (occ[DEAD] + died).fast_min(one),
        ];
        for i in 0..ALIVE {
            overdose_deaths += dying[i] * od_share[i];
        }
        if lifetime && t + 1 == cycles {
            // Age 100: everyone still alive leaves the model dead.
            let rest = sum4(&[next[0], next[1], next[2], next[3]]);
            died += rest;
            next = [
                L::ZERO,
                L::ZERO,
                L::ZERO,
                L::ZERO,
                (next[DEAD] + rest).min(one),
            ];
            uninfected = [[L::ZERO; ALIVE]; 2];
        }

        // Half-cycle correction: each state's person-time in this cycle is the mean of its
        // occupancy at the start and end of the cycle, over 1/12 of a year. The sums are of
        // (start + end); `Tally::person_years` applies the 1/24.
        let (dc_now, dq_now) = (L::splat(disc_c), L::splat(disc_q));
        let mut step = Tallies::ZERO;
        for i in 0..ALIVE {
            let both = occ[i] + next[i];
            tally.pt[i] += both;
            tally.pt_cost[i] += both * dc_now;
            tally.pt_qaly[i] += both * dq_now;
            step.pt[i] = both;
        }
        tally.deaths_cost += died * dc_now;
        step.deaths_cost = died;
        for (d, u) in uninfected.iter().enumerate() {
            let both = uninfected_before[d] + sum4(u);
            tally.uninfected_cost[d] += both * dc_now;
            step.uninfected_cost[d] = both;
        }

        occ = next;
        step.pt_cost = step.pt;
        step.pt_qaly = step.pt;
        for i in 0..2 {
            observe(
                i,
                &shares(&occ, i),
                Some(&Step {
                    tally: step.lane(i).person_years(),
                    returned: lane(returned, i),
                }),
            );
        }
        disc_c *= dc;
        disc_q *= dq;
        if t + 1 == 12 {
            year_one = tally;
        }
    }
    if cycles < 12 {
        year_one = tally;
    }

    std::array::from_fn(|i| {
        let a = &setup[i];
        let prof = &a.prof;
        let tally = tally.lane(i).person_years();
        let year_one = year_one.lane(i).person_years();
        let qalys_of = |t: &Tally| {
            (0..ALIVE)
                .map(|k| t.pt_qaly[k] * prof.utility[k])
                .sum::<f64>()
        };
        let events = |rate: &[f64; ALIVE]| (0..ALIVE).map(|k| tally.pt[k] * rate[k]).sum::<f64>();
        let retained_12m = match a.arm.treatment() {
            Some(_) => a.survival_12m[OWN] * (-a.own_lambda * a.clock[12]).exp(),
            None => 0.0,
        };
        let occ = shares(&occ, i);
        ArmResult {
            arm: a.arm,
            costs: costs_of(s, prof, &tally),
            costs_year_one: costs_of(s, prof, &year_one),
            qalys: qalys_of(&tally),
            qalys_year_one: qalys_of(&year_one),
            life_years: tally.pt.iter().sum(),
            person_years: tally.pt,
            treated_years_discounted: tally.pt_cost[OWN],
            year_one_person_years_discounted: year_one.pt_cost,
            deaths: occ[DEAD],
            overdose_deaths: lane(overdose_deaths, i),
            final_shares: occ,
            retained_12m,
            offences: prof.offences.as_ref().map(events),
            overdoses: events(&prof.overdoses),
            infections: lane(infections, i),
        }
    })
}

/// Two arms' cohorts of one patient month by month, undiscounted (one run, an arm per lane):
/// the shares at the start of each month, its person-time by state, its costs by category at
/// the arm's per-state costs (the same arithmetic as the totals of [`run_arms`], month by
/// month), its deaths and its re-entries to the arm's own treatment.
pub(crate) fn months(s: &Scenario, arms: [Arm; 2], common: &Common) -> [Vec<Month>; 2] {
    let prof = arms.map(|arm| profile(s, arm));
    let mut out: [Vec<Month>; 2] = std::array::from_fn(|_| Vec::with_capacity(cycles(s)));
    let mut start = [[0.0; 5]; 2];
    run_arms(s, arms, common, |lane, occ, step| {
        if let Some(step) = step {
            let t = &step.tally;
            out[lane].push(Month {
                start: start[lane],
                person_years: t.pt,
                costs: costs_of(s, &prof[lane], t),
                deaths: t.deaths_cost,
                returned: step.returned,
            });
        }
        start[lane] = *occ;
    });
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Each lane's monthly exit is [`exit_probability`] of its own hazard, whether the other
    /// lane is above or below the series' limit.
    #[test]
    fn each_lane_leaves_by_its_own_hazard() {
        for k in 0..=2_000 {
            let x = f64::from(k) / 2_000.0 * 0.25;
            for pair in [[x, x / 2.0], [x / 2.0, x], [x, 1e-9], [3.0, x]] {
                let got = leave_probability(L::new(pair));
                for (i, x) in pair.into_iter().enumerate() {
                    assert_eq!(
                        lane(got, i).to_bits(),
                        exit_probability(x).to_bits(),
                        "{pair:?}"
                    );
                }
            }
        }
    }
}
