//! The budget by year: a programme of N places run for Y years, filled over a ramp-up and
//! refilled as patients leave, as undiscounted cash by payer in each year, against the same
//! patients under the comparator. A superposition of monthly entry cohorts, each following the
//! model's own monthly cohort ([`crate::model::months`]); rules in `docs/model.md`, section 9.

use crate::model::{months_of, Bearer, Category, Costs, Month, Scope};
use crate::money::PriceBasis;
use crate::params::P;
use crate::scenario::{Arm, Perspective, Scenario};
use serde::Serialize;

/// Index of the arm's own treatment in [`Month::start`] and [`Month::person_years`].
const OWN: usize = 0;

/// The cash categories ([`Category::is_cash`]), in report order.
pub const CASH: [Category; 10] = {
    let mut out = [Category::Treatment; 10];
    let (mut i, mut n) = (0, 0);
    while i < Category::ALL.len() {
        if Category::ALL[i].is_cash() {
            out[n] = Category::ALL[i];
            n += 1;
        }
        i += 1;
    }
    assert!(n == out.len(), "CASH holds every cash category");
    out
};

/// An amount for each payer: the health budget, police, courts and prisons, victims of crime
/// (tangible losses), and wider society (productivity; negative when work is gained).
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize)]
pub struct Payers {
    /// The health budget: treatment, start-up, overdose care, other hospital and emergency
    /// care, HIV and hepatitis C care.
    pub health: f64,
    /// Police, courts and prisons.
    pub justice: f64,
    /// Victims' money losses, property and medical bills.
    pub victims: f64,
    /// Wider society: productivity lost (negative: gained).
    pub wider: f64,
}

impl Payers {
    /// The amount of payer `b`.
    pub fn get(&self, b: Bearer) -> f64 {
        match b {
            Bearer::Health => self.health,
            Bearer::Justice => self.justice,
            Bearer::Victims => self.victims,
            Bearer::Wider => self.wider,
        }
    }

    fn get_mut(&mut self, b: Bearer) -> &mut f64 {
        match b {
            Bearer::Health => &mut self.health,
            Bearer::Justice => &mut self.justice,
            Bearer::Victims => &mut self.victims,
            Bearer::Wider => &mut self.wider,
        }
    }

    /// The cash in `c`, by payer: each cash category to its bearer.
    fn of(c: &Costs) -> Payers {
        let mut p = Payers::default();
        for cat in CASH {
            *p.get_mut(cat.bearer()) += c.get(cat);
        }
        p
    }

    fn zip(&self, o: &Payers, f: impl Fn(f64, f64) -> f64) -> Payers {
        Payers {
            health: f(self.health, o.health),
            justice: f(self.justice, o.justice),
            victims: f(self.victims, o.victims),
            wider: f(self.wider, o.wider),
        }
    }
}

/// One arm's cash in a budget year (or over the window), undiscounted.
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize)]
pub struct ArmCash {
    /// By category. Victims' intangible costs are shown but are not cash; lives lost are
    /// always 0 here (deaths are counted in `deaths`, not valued).
    pub costs: Costs,
    /// Cash by payer (the programme's start-up included in the health budget).
    pub payers: Payers,
    /// Cash over all payers.
    pub total: f64,
    /// Victims' intangible costs: pain, suffering, fear. Not cash, not in any total.
    pub victims_intangible: f64,
    /// Deaths among the programme's patients.
    pub deaths: f64,
}

impl ArmCash {
    fn new(mut costs: Costs, startup: f64) -> ArmCash {
        costs.0[Category::LivesLost as usize] = 0.0;
        let mut payers = Payers::of(&costs);
        payers.health += startup;
        ArmCash {
            costs,
            payers,
            total: payers.health + payers.justice + payers.victims + payers.wider,
            victims_intangible: costs.get(Category::VictimIntangible),
            deaths: 0.0,
        }
    }
}

/// One year of the budget: the programme, the same patients under the comparator, and the
/// difference.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct BudgetYear {
    /// Year of the programme, from 1.
    pub year: usize,
    /// Months in the year: 12, fewer in a last part year.
    pub months: usize,
    /// Place-years filled: the places filled on average times the year's length in years.
    pub place_years: f64,
    /// Places filled on average over the year.
    pub places: f64,
    /// Patients in the programme's treatment when the year starts.
    pub in_treatment_at_start: f64,
    /// Patients starting the programme's treatment for the first time in the year.
    pub new_entrants: f64,
    /// Former patients coming back to the programme's treatment from street use in the year.
    pub returning: f64,
    /// Patients treated in the year: those in treatment at its start, new entrants and
    /// returning patients.
    pub patients_treated: f64,
    /// Start-up cost (year 1 only), in the programme's health budget.
    pub startup: f64,
    /// The programme's patients with the programme (start-up included).
    pub programme: ArmCash,
    /// The same patients under the comparator.
    pub counterfactual: ArmCash,
    /// Programme minus counterfactual by payer: positive is extra spending, negative a
    /// saving.
    pub impact: Payers,
    /// Programme minus counterfactual in victims' intangible costs (not cash).
    pub impact_victims_intangible: f64,
    /// The impact summed over the payers the scenario's perspective counts.
    pub net: f64,
    /// The impact by payer from year 1 to this year.
    pub cumulative: Payers,
    /// The net impact from year 1 to this year.
    pub cumulative_net: f64,
}

/// The budget over the whole window.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct BudgetTotal {
    /// Months in the window.
    pub months: usize,
    /// Place-years filled.
    pub place_years: f64,
    /// Patients who started the programme's treatment (each once).
    pub new_entrants: f64,
    /// Returns to the programme's treatment from street use.
    pub returning: f64,
    /// Start-up cost.
    pub startup: f64,
    /// The programme's patients with the programme.
    pub programme: ArmCash,
    /// The same patients under the comparator.
    pub counterfactual: ArmCash,
    /// Programme minus counterfactual by payer.
    pub impact: Payers,
    /// Programme minus counterfactual in victims' intangible costs (not cash).
    pub impact_victims_intangible: f64,
    /// The impact summed over the payers the perspective counts.
    pub net: f64,
}

/// The budget of a programme by year.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Budget {
    /// Price basis of every amount.
    pub basis: PriceBasis,
    /// The programme's treatment.
    pub intervention: Arm,
    /// What its patients would have had without it.
    pub comparator: Arm,
    /// Which payers the net impact counts.
    pub perspective: Perspective,
    /// Treatment places (`programme.slots`).
    pub slots: f64,
    /// Years the programme runs (`programme.years`).
    pub years: f64,
    /// Months in the budget window: `round(12 x years)`.
    pub window_months: usize,
    /// Months over which the places are first filled (`programme.rampup_months`).
    pub rampup_months: f64,
    /// One-off start-up cost: places x `programme.startup_per_slot`.
    pub startup_cost: f64,
    /// Year by year.
    pub rows: Vec<BudgetYear>,
    /// The whole window.
    pub total: BudgetTotal,
    /// New entrants in each month of the window.
    pub entrants_by_month: Vec<f64>,
    /// Places filled on average in each month of the window.
    pub places_by_month: Vec<f64>,
}

/// Share of the places filled on average in month `m` (from 0) of a ramp-up over `r`
/// months: the mean over the month of `min(t / r, 1)`, so that the filled places rise in a
/// straight line from 0 to all of them at month `r`.
pub fn ramp_share(m: usize, r: f64) -> f64 {
    let (a, b) = (m as f64, m as f64 + 1.0);
    if r <= a {
        1.0
    } else if r >= b {
        (a + 0.5) / r
    } else {
        (r * r - a * a) / (2.0 * r) + (b - r)
    }
}

/// `x + k y`, category by category.
fn add_scaled(x: &mut Costs, k: f64, y: &Costs) {
    for (a, b) in x.0.iter_mut().zip(y.0) {
        *a += k * b;
    }
}

/// Cash of one arm in each calendar month of the window: `sum_e E_e x cohort month (m - e)`.
fn superpose(cohort: &[Month], entrants: &[f64]) -> (Vec<Costs>, Vec<f64>) {
    let w = entrants.len();
    let mut costs = vec![Costs::default(); w];
    let mut deaths = vec![0.0; w];
    for (e, &n) in entrants.iter().enumerate() {
        if n == 0.0 {
            continue;
        }
        for (t, month) in cohort.iter().take(w - e).enumerate() {
            add_scaled(&mut costs[e + t], n, &month.costs);
            deaths[e + t] += n * month.deaths;
        }
    }
    (costs, deaths)
}

/// The budget of the scenario's programme by year (`docs/model.md`, section 9).
///
/// # Formula
///
/// Window `W = round(12 Y)` months. Target places in month `m`:
/// `T_m = N x ramp_share(m, R)`. With `o(t) = 12 x PY_own(t)` the average share of an entry
/// cohort in the programme's treatment in its month `t` (0 past the cohort's end), new
/// entrants `E_m = max(T_m - sum_{e<m} E_e o(m - e), 0) / o(0)` (0 when `o(0) = 0`). Each
/// arm's cash in month `m`: `sum_{e<=m} E_e x cash(m - e)`; years are the sums of their months.
pub fn budget(s: &Scenario) -> Budget {
    let slots = s.get(P::Slots);
    let years = s.get(P::ProgrammeYears);
    let ramp = s.get(P::RampupMonths);
    let window = ((years * 12.0).round() as usize).max(1);
    // Each entry cohort is followed to the end of the window at most: the model's cohort over
    // a horizon of the window (and never past age 100).
    let mut w = s.clone();
    w.set_prechecked(P::HorizonYears, window as f64 / 12.0);
    let (a, b) = (s.settings.intervention, s.settings.comparator);
    let [with, without] = months_of(&w, [a, b]);

    // Entrants month by month: as many as keep the month's average places at the target.
    let own = |t: usize| with.get(t).map_or(0.0, |m| m.person_years[OWN] * 12.0);
    let first = own(0);
    let mut entrants = vec![0.0; window];
    let mut places = vec![0.0; window];
    for m in 0..window {
        // A fold from +0 (an empty `sum` of floats is -0).
        let carried = (0..m).fold(0.0, |acc, e| acc + entrants[e] * own(m - e));
        let need = slots * ramp_share(m, ramp) - carried;
        if first > 0.0 && need > 0.0 {
            entrants[m] = need / first;
        }
        places[m] = carried + entrants[m] * first;
    }

    let (cash_with, deaths_with) = superpose(&with, &entrants);
    let (cash_without, deaths_without) = superpose(&without, &entrants);
    let in_treatment = |m: usize| -> f64 {
        (0..m).fold(0.0, |acc, e| {
            acc + entrants[e] * with.get(m - e).map_or(0.0, |c| c.start[OWN])
        })
    };
    let returned = |m: usize| -> f64 {
        (0..=m)
            .map(|e| entrants[e] * with.get(m - e).map_or(0.0, |c| c.returned))
            .sum()
    };
    let scope = Scope {
        perspective: s.settings.perspective,
        include_intangible: false,
        include_vsl: false,
    };
    let net = |impact: &Costs, startup: f64| -> f64 {
        startup
            + CASH
                .iter()
                .filter(|c| scope.counts(**c))
                .map(|c| impact.get(*c))
                .sum::<f64>()
    };
    let startup_cost = slots * s.get(P::StartupPerSlot);

    let mut rows = Vec::with_capacity(window.div_ceil(12));
    let mut cumulative = Payers::default();
    let mut cumulative_net = 0.0;
    let (mut total_with, mut total_without) = (Costs::default(), Costs::default());
    let (mut deaths_total_with, mut deaths_total_without) = (0.0, 0.0);
    for (i, start) in (0..window).step_by(12).enumerate() {
        let end = (start + 12).min(window);
        let range = start..end;
        let sum_costs = |cash: &[Costs]| {
            let mut c = Costs::default();
            for m in range.clone() {
                add_scaled(&mut c, 1.0, &cash[m]);
            }
            c
        };
        let (cw, cwo) = (sum_costs(&cash_with), sum_costs(&cash_without));
        add_scaled(&mut total_with, 1.0, &cw);
        add_scaled(&mut total_without, 1.0, &cwo);
        let startup = if i == 0 { startup_cost } else { 0.0 };
        let mut programme = ArmCash::new(cw, startup);
        programme.deaths = deaths_with[range.clone()].iter().sum();
        let mut counterfactual = ArmCash::new(cwo, 0.0);
        counterfactual.deaths = deaths_without[range.clone()].iter().sum();
        deaths_total_with += programme.deaths;
        deaths_total_without += counterfactual.deaths;
        let impact = programme.payers.zip(&counterfactual.payers, |x, y| x - y);
        let year_net = net(&cw.minus(&cwo), startup);
        cumulative = cumulative.zip(&impact, |x, y| x + y);
        cumulative_net += year_net;
        let month_count = end - start;
        let place_years = places[range.clone()].iter().sum::<f64>() / 12.0;
        let at_start = in_treatment(start);
        let new_entrants: f64 = entrants[range.clone()].iter().sum();
        let returning: f64 = range.clone().map(returned).sum();
        rows.push(BudgetYear {
            year: i + 1,
            months: month_count,
            place_years,
            places: place_years * 12.0 / month_count as f64,
            in_treatment_at_start: at_start,
            new_entrants,
            returning,
            patients_treated: at_start + new_entrants + returning,
            startup,
            programme,
            counterfactual,
            impact,
            impact_victims_intangible: programme.victims_intangible
                - counterfactual.victims_intangible,
            net: year_net,
            cumulative,
            cumulative_net,
        });
    }
    let mut programme = ArmCash::new(total_with, startup_cost);
    programme.deaths = deaths_total_with;
    let mut counterfactual = ArmCash::new(total_without, 0.0);
    counterfactual.deaths = deaths_total_without;
    let total = BudgetTotal {
        months: window,
        place_years: places.iter().sum::<f64>() / 12.0,
        new_entrants: entrants.iter().sum(),
        returning: rows.iter().map(|r| r.returning).sum(),
        startup: startup_cost,
        programme,
        counterfactual,
        impact: programme.payers.zip(&counterfactual.payers, |x, y| x - y),
        impact_victims_intangible: programme.victims_intangible - counterfactual.victims_intangible,
        net: net(&total_with.minus(&total_without), startup_cost),
    };
    Budget {
        basis: s.basis(),
        intervention: a,
        comparator: b,
        perspective: s.settings.perspective,
        slots,
        years,
        window_months: window,
        rampup_months: ramp,
        startup_cost,
        rows,
        total,
        entrants_by_month: entrants,
        places_by_month: places,
    }
}
