//! The cohort model: `evaluate(&Scenario) -> Outcome`, a pure function.
//!
//! A cohort of one patient moves monthly between five states: the arm's own treatment
//! (first episode), methadone (a later episode), street use, abstinence and death. Per-state
//! costs, events and utilities are fixed per person-year, so the cycle loop only accumulates
//! discounted person-time; costs are multiplied out once at the end. Equations, with units,
//! are in `docs/model.md`. This module knows nothing of presets, analyses or display.

use crate::params::P;
use crate::scenario::{Arm, CostInput, CrimeInput, Perspective, Scenario};
use serde::Serialize;

/// Cohort states.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum State {
    /// First episode in the arm's own treatment.
    Own,
    /// A later episode of oral methadone.
    Methadone,
    /// Out of treatment, using street drugs.
    Street,
    /// Abstinent.
    Abstinent,
    /// Dead.
    Dead,
}

impl State {
    /// The four living states, in index order.
    pub const ALIVE: [State; 4] = [
        State::Own,
        State::Methadone,
        State::Street,
        State::Abstinent,
    ];
}

const OWN: usize = 0;
const MMT: usize = 1;
const STREET: usize = 2;
const ABST: usize = 3;
const DEAD: usize = 4;
const ALIVE: usize = 4;

/// Cost categories; each is borne by one [`Bearer`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Category {
    /// Treatment programme costs.
    Treatment,
    /// Hospital care of non-fatal overdoses.
    Overdose,
    /// Other emergency and hospital care.
    HospitalCare,
    /// Lifetime care of new HIV and hepatitis C infections.
    Infections,
    /// Police.
    Police,
    /// Courts and legal aid.
    Courts,
    /// Incarceration.
    Prison,
    /// Police, courts and prison together, when crime is entered per year.
    JusticeTotal,
    /// Victims' money losses, property and medical bills.
    VictimTangible,
    /// Victims' pain, suffering, fear and risk of death.
    VictimIntangible,
    /// Productivity lost (negative: gained) relative to street use.
    Productivity,
    /// Deaths valued at the value of a statistical life.
    LivesLost,
}

impl Category {
    /// Every category, in report order.
    pub const ALL: [Category; 12] = [
        Category::Treatment,
        Category::Overdose,
        Category::HospitalCare,
        Category::Infections,
        Category::Police,
        Category::Courts,
        Category::Prison,
        Category::JusticeTotal,
        Category::VictimTangible,
        Category::VictimIntangible,
        Category::Productivity,
        Category::LivesLost,
    ];

    /// Who bears this cost.
    pub fn bearer(self) -> Bearer {
        match self {
            Category::Treatment
            | Category::Overdose
            | Category::HospitalCare
            | Category::Infections => Bearer::Health,
            Category::Police | Category::Courts | Category::Prison | Category::JusticeTotal => {
                Bearer::Justice
            }
            Category::VictimTangible | Category::VictimIntangible => Bearer::Victims,
            Category::Productivity | Category::LivesLost => Bearer::Wider,
        }
    }

    /// Name shown to users.
    pub fn label(self) -> &'static str {
        match self {
            Category::Treatment => "Treatment",
            Category::Overdose => "Overdose care",
            Category::HospitalCare => "Other hospital and emergency care",
            Category::Infections => "HIV and hepatitis C care",
            Category::Police => "Police",
            Category::Courts => "Courts",
            Category::Prison => "Prison",
            Category::JusticeTotal => "Criminal justice (not itemised)",
            Category::VictimTangible => "Victims: tangible",
            Category::VictimIntangible => "Victims: intangible",
            Category::Productivity => "Productivity",
            Category::LivesLost => "Lives lost (VSL)",
        }
    }
}

/// Who pays a cost or receives a saving.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Bearer {
    /// The health budget.
    Health,
    /// Police, courts and prisons.
    Justice,
    /// Victims of crime.
    Victims,
    /// Everyone else: lost work and lives.
    Wider,
}

impl Bearer {
    /// Every bearer.
    pub const ALL: [Bearer; 4] = [
        Bearer::Health,
        Bearer::Justice,
        Bearer::Victims,
        Bearer::Wider,
    ];

    /// Name shown to users.
    pub fn label(self) -> &'static str {
        match self {
            Bearer::Health => "Health budget",
            Bearer::Justice => "Police, courts and prisons",
            Bearer::Victims => "Victims of crime",
            Bearer::Wider => "Wider society",
        }
    }
}

const NCAT: usize = Category::ALL.len();

/// An amount per cost category, on the scenario's price basis.
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Costs(pub [f64; NCAT]);

impl Serialize for Costs {
    /// A map from category id to amount, so that exported numbers name what they are.
    fn serialize<S: serde::Serializer>(&self, ser: S) -> Result<S::Ok, S::Error> {
        use serde::ser::SerializeMap;
        let mut map = ser.serialize_map(Some(NCAT))?;
        for c in Category::ALL {
            map.serialize_entry(&c, &self.get(c))?;
        }
        map.end()
    }
}

impl Costs {
    /// The amount in one category.
    pub fn get(&self, c: Category) -> f64 {
        self.0[c as usize]
    }

    /// Sum of the categories that count under `perspective` and the scenario's options.
    pub fn total(&self, scope: &Scope) -> f64 {
        Category::ALL
            .iter()
            .filter(|c| scope.counts(**c))
            .map(|c| self.get(*c))
            .sum()
    }

    /// Sum of the categories borne by `b` that count under `scope`.
    pub fn bearer_total(&self, b: Bearer, scope: &Scope) -> f64 {
        Category::ALL
            .iter()
            .filter(|c| c.bearer() == b && scope.counts(**c))
            .map(|c| self.get(*c))
            .sum()
    }

    fn minus(&self, other: &Costs) -> Costs {
        Costs(std::array::from_fn(|i| self.0[i] - other.0[i]))
    }

    fn scaled(&self, k: f64) -> Costs {
        Costs(self.0.map(|v| v * k))
    }
}

/// Which categories count: a perspective and the societal options.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub struct Scope {
    /// Perspective.
    pub perspective: Perspective,
    /// Count victims' intangible costs.
    pub include_intangible: bool,
    /// Count the value of statistical lives lost.
    pub include_vsl: bool,
}

impl Scope {
    /// Whether category `c` counts.
    pub fn counts(&self, c: Category) -> bool {
        match c.bearer() {
            Bearer::Health => true,
            Bearer::Justice => self.perspective != Perspective::HealthSystem,
            Bearer::Victims | Bearer::Wider => {
                self.perspective == Perspective::Society
                    && match c {
                        Category::VictimIntangible => self.include_intangible,
                        Category::LivesLost => self.include_vsl,
                        _ => true,
                    }
            }
        }
    }
}

/// What happens to one arm's cohort of one patient.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct ArmResult {
    /// The arm.
    pub arm: Arm,
    /// Discounted costs over the horizon, per patient who starts.
    pub costs: Costs,
    /// Discounted costs in the first 12 months.
    pub costs_year_one: Costs,
    /// Discounted QALYs over the horizon.
    pub qalys: f64,
    /// Discounted QALYs in the first 12 months.
    pub qalys_year_one: f64,
    /// Undiscounted years lived over the horizon.
    pub life_years: f64,
    /// Undiscounted person-years in each living state (own, methadone, street, abstinent).
    pub person_years: [f64; ALIVE],
    /// Discounted (cost rate) person-years in the arm's own treatment.
    pub treated_years_discounted: f64,
    /// Discounted (cost rate) person-years in each living state in the first 12 months.
    pub year_one_person_years_discounted: [f64; ALIVE],
    /// Share of the cohort dead at the horizon.
    pub deaths: f64,
    /// Share of the cohort in each state at the horizon (own, methadone, street, abstinent, dead).
    pub final_shares: [f64; 5],
    /// Share still in the arm's own treatment at 12 months.
    pub retained_12m: f64,
    /// Offences committed (all types), undiscounted; `None` when crime is entered per year.
    pub offences: Option<f64>,
    /// Non-fatal overdoses, undiscounted.
    pub overdoses: f64,
    /// New HIV plus hepatitis C infections, undiscounted.
    pub infections: f64,
}

/// Intervention against comparator under one perspective.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Comparison {
    /// Whose costs count.
    pub scope: Scope,
    /// Incremental cost over the horizon (intervention minus comparator), discounted.
    pub delta_cost: f64,
    /// Incremental net benefit = -delta_cost: positive means the intervention saves money.
    pub net_benefit: f64,
    /// Net benefit in the first 12 months.
    pub net_benefit_year_one: f64,
    /// Net benefit averaged over the horizon's years.
    pub net_benefit_per_year: f64,
    /// Extra treatment cost of the intervention.
    pub extra_treatment_cost: f64,
    /// Costs avoided in every other counted category.
    pub savings: f64,
    /// Savings divided by extra treatment cost, when the intervention costs more to deliver.
    pub benefit_cost_ratio: Option<f64>,
    /// Incremental QALYs, discounted.
    pub delta_qalys: f64,
    /// Cost per QALY gained.
    pub icer: Icer,
    /// Net monetary benefit: willingness to pay x delta QALYs - delta cost.
    pub net_monetary_benefit: f64,
    /// Incremental cost by bearer (intervention minus comparator).
    pub delta_by_bearer: [f64; 4],
}

/// The incremental cost-effectiveness ratio, with the cases a plain ratio hides.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[serde(rename_all = "snake_case", tag = "kind", content = "value")]
pub enum Icer {
    /// Cheaper and at least as effective.
    Dominant,
    /// Dearer and no more effective.
    Dominated,
    /// Cost per QALY gained (dearer and more effective).
    CostPerQalyGained(f64),
    /// Saving per QALY lost (cheaper and less effective).
    SavingPerQalyLost(f64),
}

/// The budget view: a programme of slots kept full for some years.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Programme {
    /// Treatment places.
    pub slots: f64,
    /// Years the programme runs.
    pub years: f64,
    /// Discounted slot-years delivered.
    pub slot_years_discounted: f64,
    /// Gross cost to the health budget: treatment of every slot plus start-up, discounted.
    pub gross_cost: f64,
    /// One-off start-up cost.
    pub startup_cost: f64,
    /// Incremental cost by bearer, scaled from the cohort to the programme, start-up included.
    pub delta_by_bearer: [f64; 4],
    /// Net benefit of the programme under the scenario's perspective.
    pub net_benefit: f64,
}

/// Everything `evaluate` reports.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Outcome {
    /// Price basis of every amount.
    pub basis: crate::money::PriceBasis,
    /// Horizon actually modelled, in years (capped at age 100).
    pub horizon_years: f64,
    /// The intervention arm.
    pub intervention: ArmResult,
    /// The comparator arm.
    pub comparator: ArmResult,
    /// The comparison under each perspective, narrowest first.
    pub comparisons: [Comparison; 3],
    /// The budget view.
    pub programme: Programme,
}

impl Outcome {
    /// The comparison under the scenario's chosen perspective.
    pub fn chosen(&self, perspective: Perspective) -> &Comparison {
        &self.comparisons[perspective as usize]
    }
}

/// What one person-year in each living state costs and yields.
struct StateProfile {
    /// Annual cost per category.
    costs: [[f64; NCAT]; ALIVE],
    /// Annual utility.
    utility: [f64; ALIVE],
    /// Offences per person-year; `None` when crime is entered per year.
    offences: Option<[f64; ALIVE]>,
    overdoses: [f64; ALIVE],
    infections: [f64; ALIVE],
}

/// Annual cost of a patient-year in the arm's treatment.
///
/// # Formula
///
/// Total input: the published cost per patient-year. Parts input:
/// `price_per_mg x dose_mg_per_day x 365 + visits_per_day x 365 x cost_per_visit + care + fixed`.
pub fn treatment_cost_per_year(s: &Scenario, arm: Arm) -> f64 {
    let parts = s.settings.cost_input == CostInput::Parts;
    let inj = |per_mg: P, dose: P| {
        s.get(per_mg) * s.get(dose) * 365.0
            + s.get(P::InjVisitsPerDay) * 365.0 * s.get(P::InjCostPerVisit)
            + s.get(P::InjCareYear)
            + s.get(P::InjFixedYear)
    };
    match (arm, parts) {
        (Arm::Heroin, false) => s.get(P::DamCostYear),
        (Arm::Heroin, true) => inj(P::DamDrugPerMg, P::DamDoseMg),
        (Arm::Hydromorphone, false) => s.get(P::HdmCostYear),
        (Arm::Hydromorphone, true) => inj(P::HdmDrugPerMg, P::HdmDoseMg),
        (Arm::Methadone, false) => s.get(P::MmtCostYear),
        (Arm::Methadone, true) => {
            s.get(P::MmtDrugPerMg) * s.get(P::MmtDoseMg) * 365.0
                + s.get(P::MmtVisitsPerDay) * 365.0 * s.get(P::MmtCostPerVisit)
                + s.get(P::MmtCareYear)
                + s.get(P::MmtFixedYear)
        }
        (Arm::NoTreatment, _) => 0.0,
    }
}

/// Crime costs of one person-year at offending level `rr` (1 = street use), by category.
///
/// # Formula
///
/// For each offence type o with street rate r_o: victim cost = r_o x rr x price_o x victim
/// share, split tangible/intangible by the type's intangible share; police and courts =
/// r_o x rr x reporting share x cost per reported crime; prison = r_o x rr x months / 12 x cost
/// per inmate-year. Drug sales carry no victim cost and use the detection share.
///
/// Per-year input: justice = `crime.year.justice` x rr; victims = `crime.year.victims` x rr,
/// split by `crime.year.intangible_share`. Offences are then not counted (returns `None`).
fn crime_costs(s: &Scenario, rr: f64, out: &mut [f64; NCAT]) -> Option<f64> {
    if s.settings.crime_input == CrimeInput::PerYear {
        out[Category::JusticeTotal as usize] += s.get(P::CrimeYearJustice) * rr;
        let victims = s.get(P::CrimeYearVictims) * rr;
        out[Category::VictimIntangible as usize] += victims * s.get(P::CrimeYearIntangible);
        out[Category::VictimTangible as usize] += victims * (1.0 - s.get(P::CrimeYearIntangible));
        return None;
    }
    struct Offence {
        rate: P,
        price: Option<(P, P)>,
        report: P,
        police: P,
        courts: P,
        prison: P,
    }
    let offences = [
        Offence {
            rate: P::CrimePropertyRate,
            price: Some((P::CrimePropertyCost, P::CrimePropertyIntangible)),
            report: P::ReportProperty,
            police: P::PoliceProperty,
            courts: P::CourtsProperty,
            prison: P::PrisonProperty,
        },
        Offence {
            rate: P::CrimeRobberyRate,
            price: Some((P::CrimeRobberyCost, P::CrimeRobberyIntangible)),
            report: P::ReportViolent,
            police: P::PoliceViolent,
            courts: P::CourtsRobbery,
            prison: P::PrisonRobbery,
        },
        Offence {
            rate: P::CrimeAssaultRate,
            price: Some((P::CrimeAssaultCost, P::CrimeAssaultIntangible)),
            report: P::ReportViolent,
            police: P::PoliceViolent,
            courts: P::CourtsAssault,
            prison: P::PrisonAssault,
        },
        Offence {
            rate: P::CrimeDrugSaleRate,
            price: None,
            report: P::DetectDrugSale,
            police: P::PoliceProperty,
            courts: P::CourtsProperty,
            prison: P::PrisonDrugSale,
        },
    ];
    let mut count = 0.0;
    for o in &offences {
        let n = s.get(o.rate) * rr;
        count += n;
        if let Some((price, intangible)) = o.price {
            let victim = n * s.get(price) * s.get(P::CrimeVictimShare);
            out[Category::VictimIntangible as usize] += victim * s.get(intangible);
            out[Category::VictimTangible as usize] += victim * (1.0 - s.get(intangible));
        }
        out[Category::Police as usize] += n * s.get(o.report) * s.get(o.police);
        out[Category::Courts as usize] += n * s.get(o.report) * s.get(o.courts);
        out[Category::Prison as usize] += n * s.get(o.prison) / 12.0 * s.get(P::PrisonCostYear);
    }
    Some(count)
}

fn profile(s: &Scenario, arm: Arm) -> StateProfile {
    // Own state takes the attributes of injectable treatment or of methadone.
    let own_injectable = arm.is_injectable();
    let crime_rr = [
        if own_injectable {
            s.get(P::CrimeRrInjectable)
        } else {
            s.get(P::CrimeRrMethadone)
        },
        s.get(P::CrimeRrMethadone),
        1.0,
        s.get(P::CrimeRrAbstinent),
    ];
    let care_rr = [
        if own_injectable {
            s.get(P::HealthCareRrInjectable)
        } else {
            s.get(P::HealthCareRrMethadone)
        },
        s.get(P::HealthCareRrMethadone),
        1.0,
        // Abstinence is assumed to need no more care than methadone treatment.
        s.get(P::HealthCareRrMethadone),
    ];
    let od_rr = s.get(P::OverdoseRrTreatment);
    let inf_rr = s.get(P::InfectionRrTreatment);
    let treat = [
        treatment_cost_per_year(s, arm),
        treatment_cost_per_year(s, Arm::Methadone),
        0.0,
        0.0,
    ];
    let utility = [
        if own_injectable {
            s.get(P::UtilityInjectable)
        } else {
            s.get(P::UtilityMethadone)
        },
        s.get(P::UtilityMethadone),
        s.get(P::UtilityStreet),
        s.get(P::UtilityAbstinent),
    ];
    let ev_rr = [1.0 * od_rr, od_rr, 1.0, od_rr];
    let inf_state_rr = [inf_rr, inf_rr, 1.0, inf_rr];
    let gain = [1.0, 1.0, 0.0, 1.0];

    let mut costs = [[0.0; NCAT]; ALIVE];
    let mut offences = Some([0.0; ALIVE]);
    let mut overdoses = [0.0; ALIVE];
    let mut infections = [0.0; ALIVE];
    for i in 0..ALIVE {
        let c = &mut costs[i];
        c[Category::Treatment as usize] = treat[i];
        overdoses[i] = s.get(P::OverdoseStreet) * ev_rr[i];
        c[Category::Overdose as usize] = overdoses[i] * s.get(P::OverdoseCost);
        c[Category::HospitalCare as usize] = s.get(P::HealthCareStreet) * care_rr[i];
        let hiv = s.get(P::HivStreet) / 100.0 * inf_state_rr[i];
        let hcv = s.get(P::HcvStreet) / 100.0 * inf_state_rr[i];
        infections[i] = hiv + hcv;
        c[Category::Infections as usize] = hiv * s.get(P::HivCost) + hcv * s.get(P::HcvCost);
        match (crime_costs(s, crime_rr[i], c), offences.as_mut()) {
            (Some(n), Some(o)) => o[i] = n,
            _ => offences = None,
        }
        c[Category::Productivity as usize] = -gain[i] * s.get(P::ProductivityGain);
    }
    StateProfile {
        costs,
        utility,
        offences,
        overdoses,
        infections,
    }
}

/// Per-person-time totals accumulated over the cycles of one arm.
#[derive(Default, Clone, Copy)]
struct Tally {
    /// Person-years by state, discounted at the cost rate.
    pt_cost: [f64; ALIVE],
    /// Person-years by state, discounted at the QALY rate.
    pt_qaly: [f64; ALIVE],
    /// Undiscounted person-years.
    pt: [f64; ALIVE],
    /// Deaths discounted at the cost rate.
    deaths_cost: f64,
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
        }
    }
}

/// Monthly death probabilities, cycle by cycle, for the four mortality levels (injectable
/// treatment, methadone, street use, abstinence). Shared by both arms of an evaluation.
///
/// # Formula
///
/// `q_k(t) = 1 - exp(-m_k x exp(g x floor(t / 12)) / 12)`, with `m_k` the annual rate at the
/// start age and `g` = `mort.age_growth`: rates step up with each completed year in the model,
/// as life tables do by whole year of age.
struct Mortality {
    /// One row per model year; a cycle uses the row of its year.
    rows: [[f64; ALIVE]; MAX_YEARS],
    cycles: usize,
}

/// Model years at most: from the youngest start age (12) to 100.
const MAX_YEARS: usize = 89;

impl Mortality {
    fn new(s: &Scenario, cycles: usize) -> Mortality {
        let mmt = s.get(P::MortMethadone) / 100.0;
        let rates = [
            mmt * s.get(P::MortInjectableRr),
            mmt,
            s.get(P::MortStreet) / 100.0,
            s.get(P::MortAbstinent) / 100.0,
        ];
        let step = s.get(P::MortAgeGrowth).exp();
        let mut rows = [[0.0; ALIVE]; MAX_YEARS];
        let mut age = 1.0;
        for row in rows.iter_mut().take(cycles.div_ceil(12).min(MAX_YEARS)) {
            *row = rates.map(|m| 1.0 - (-m * age / 12.0).exp());
            age *= step;
        }
        Mortality { rows, cycles }
    }

    /// Death probabilities in cycle `t`.
    fn at(&self, t: usize) -> &[f64; ALIVE] {
        &self.rows[(t / 12).min(MAX_YEARS - 1)]
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

/// Monthly probability from a probability over 12 months, at a constant rate.
fn monthly(p12: f64) -> f64 {
    1.0 - (1.0 - p12.clamp(0.0, 1.0)).powf(1.0 / 12.0)
}

fn run_arm(
    s: &Scenario,
    arm: Arm,
    deaths: &Mortality,
    mut observe: impl FnMut(&[f64; 5]),
) -> ArmResult {
    let cycles = deaths.cycles;
    let prof = profile(s, arm);
    let (r12, shape, to_mmt, to_abst) = match arm {
        Arm::Heroin => (
            s.get(P::DamRetention12m),
            s.get(P::InjRetentionShape),
            s.get(P::InjExitToMethadone),
            s.get(P::InjExitToAbstinence),
        ),
        Arm::Hydromorphone => (
            s.get(P::HdmRetention12m),
            s.get(P::InjRetentionShape),
            s.get(P::InjExitToMethadone),
            s.get(P::InjExitToAbstinence),
        ),
        Arm::Methadone => (
            s.get(P::MmtRetention12m),
            s.get(P::MmtRetentionShape),
            0.0,
            s.get(P::MmtExitToAbstinence),
        ),
        Arm::NoTreatment => (0.0, 1.0, 0.0, 0.0),
    };
    // Weibull survival in the first episode, S(t) = exp(-lambda t^shape), t in months,
    // calibrated so that S(12) equals the 12-month retention.
    // With no one retained at 12 months, everyone leaves in the first month.
    let lambda = if r12 > 0.0 {
        -r12.ln() / 12f64.powf(shape)
    } else {
        f64::INFINITY
    };
    let mmt_exit = monthly(1.0 - s.get(P::MmtRetention12m));
    let mmt_to_abst = s.get(P::MmtExitToAbstinence);
    let street_exit = monthly(s.get(P::StreetExit12m));
    let street_to_abst = s.get(P::StreetExitToAbstinence);
    let relapse = monthly(s.get(P::AbstinentRelapse12m));

    let dc = (1.0 + s.get(P::DiscountCosts)).powf(-1.0 / 12.0);
    let dq = (1.0 + s.get(P::DiscountQalys)).powf(-1.0 / 12.0);
    // Mortality column of the first-episode state.
    let own_kind = if arm.is_injectable() { 0 } else { 1 };

    let mut occ = [0.0; 5];
    if arm == Arm::NoTreatment {
        occ[STREET] = 1.0;
    } else {
        occ[OWN] = 1.0;
    }
    // Discount factors at the middle of the current cycle.
    let mut disc_c = dc.sqrt();
    let mut disc_q = dq.sqrt();
    let clock = weibull_clock(shape, cycles);
    let mut tally = Tally::default();
    let mut year_one = Tally::default();
    let mut retained_12m = occ[OWN];
    observe(&occ);

    for (t, pair) in clock.windows(2).take(cycles).enumerate() {
        let d = deaths.at(t);
        // Monthly death probability per living state at this age.
        let q = [d[own_kind], d[1], d[2], d[3]];
        let own_exit = 1.0 - (-lambda * (pair[1] - pair[0])).exp();

        let mut next = [0.0; 5];
        next[DEAD] = occ[DEAD];
        let mut dying = 0.0;
        for i in 0..ALIVE {
            dying += occ[i] * q[i];
        }
        let surv: [f64; ALIVE] = std::array::from_fn(|i| occ[i] * (1.0 - q[i]));
        next[DEAD] += dying;

        let leave_own = surv[OWN] * own_exit;
        next[OWN] += surv[OWN] - leave_own;
        next[MMT] += leave_own * to_mmt;
        next[ABST] += leave_own * to_abst;
        next[STREET] += leave_own * (1.0 - to_mmt - to_abst);

        let leave_mmt = surv[MMT] * mmt_exit;
        next[MMT] += surv[MMT] - leave_mmt;
        next[ABST] += leave_mmt * mmt_to_abst;
        next[STREET] += leave_mmt * (1.0 - mmt_to_abst);

        let leave_street = surv[STREET] * street_exit;
        next[STREET] += surv[STREET] - leave_street;
        next[ABST] += leave_street * street_to_abst;
        next[MMT] += leave_street * (1.0 - street_to_abst);

        let relapsing = surv[ABST] * relapse;
        next[ABST] += surv[ABST] - relapsing;
        next[STREET] += relapsing;

        // Half-cycle correction: each state's person-time in this cycle is the mean of its
        // occupancy at the start and end of the cycle, over 1/12 of a year. The sums are
        // of (start + end); `Tally::person_years` applies the 1/24.
        for i in 0..ALIVE {
            let both = occ[i] + next[i];
            tally.pt[i] += both;
            tally.pt_cost[i] += both * disc_c;
            tally.pt_qaly[i] += both * disc_q;
        }
        tally.deaths_cost += dying * disc_c;

        occ = next;
        observe(&occ);
        disc_c *= dc;
        disc_q *= dq;
        if t + 1 == 12 {
            year_one = tally;
            retained_12m = occ[OWN];
        }
    }
    if cycles < 12 {
        year_one = tally;
    }
    let tally = tally.person_years();
    let year_one = year_one.person_years();

    let costs_of = |t: &Tally| {
        let mut c = [0.0; NCAT];
        for (i, row) in prof.costs.iter().enumerate() {
            for (k, v) in row.iter().enumerate() {
                c[k] += t.pt_cost[i] * v;
            }
        }
        c[Category::LivesLost as usize] = t.deaths_cost * s.get(P::Vsl);
        Costs(c)
    };
    let qalys_of = |t: &Tally| {
        (0..ALIVE)
            .map(|i| t.pt_qaly[i] * prof.utility[i])
            .sum::<f64>()
    };
    let events = |rate: &[f64; ALIVE]| (0..ALIVE).map(|i| tally.pt[i] * rate[i]).sum::<f64>();

    ArmResult {
        arm,
        costs: costs_of(&tally),
        costs_year_one: costs_of(&year_one),
        qalys: qalys_of(&tally),
        qalys_year_one: qalys_of(&year_one),
        life_years: tally.pt.iter().sum(),
        person_years: tally.pt,
        treated_years_discounted: tally.pt_cost[OWN],
        year_one_person_years_discounted: year_one.pt_cost,
        deaths: occ[DEAD],
        final_shares: occ,
        retained_12m,
        offences: prof.offences.as_ref().map(events),
        overdoses: events(&prof.overdoses),
        infections: events(&prof.infections),
    }
}

fn compare(s: &Scenario, scope: Scope, a: &ArmResult, b: &ArmResult, years: f64) -> Comparison {
    let delta = a.costs.minus(&b.costs);
    let delta1 = a.costs_year_one.minus(&b.costs_year_one);
    let delta_cost = delta.total(&scope);
    let extra_treatment_cost = delta.get(Category::Treatment);
    let savings = -(delta_cost - extra_treatment_cost);
    let delta_qalys = a.qalys - b.qalys;
    let icer = match (delta_cost > 0.0, delta_qalys > 0.0) {
        (false, _) if delta_qalys >= 0.0 => Icer::Dominant,
        (true, false) => Icer::Dominated,
        (true, true) => Icer::CostPerQalyGained(delta_cost / delta_qalys),
        (false, _) => Icer::SavingPerQalyLost(delta_cost / delta_qalys),
    };
    Comparison {
        scope,
        delta_cost,
        net_benefit: -delta_cost,
        net_benefit_year_one: -delta1.total(&scope),
        net_benefit_per_year: -delta_cost / years,
        extra_treatment_cost,
        savings,
        benefit_cost_ratio: (extra_treatment_cost > 0.0).then(|| savings / extra_treatment_cost),
        delta_qalys,
        icer,
        net_monetary_benefit: s.get(P::WtpPerQaly) * delta_qalys - delta_cost,
        delta_by_bearer: Bearer::ALL.map(|br| delta.bearer_total(br, &scope)),
    }
}

fn programme(s: &Scenario, scope: Scope, a: &ArmResult, b: &ArmResult) -> Programme {
    let slots = s.get(P::Slots);
    let years = s.get(P::ProgrammeYears);
    let r = s.get(P::DiscountCosts);
    // Slot-years delivered, each year's discounted to the programme's start (mid-year).
    let whole = years.floor() as usize;
    let mut slot_years = 0.0;
    for y in 0..whole {
        slot_years += (1.0 + r).powf(-(y as f64 + 0.5));
    }
    let part = years - whole as f64;
    slot_years += part * (1.0 + r).powf(-(whole as f64 + part / 2.0));
    slot_years *= slots;
    let startup_cost = slots * s.get(P::StartupPerSlot);
    // The cohort's incremental results per discounted treated year, scaled to the programme.
    let k = if a.treated_years_discounted > 0.0 {
        slot_years / a.treated_years_discounted
    } else {
        0.0
    };
    let delta = a.costs.minus(&b.costs).scaled(k);
    let mut by_bearer = Bearer::ALL.map(|br| delta.bearer_total(br, &scope));
    by_bearer[Bearer::Health as usize] += startup_cost;
    Programme {
        slots,
        years,
        slot_years_discounted: slot_years,
        gross_cost: slot_years * treatment_cost_per_year(s, a.arm) + startup_cost,
        startup_cost,
        delta_by_bearer: by_bearer,
        net_benefit: -by_bearer.iter().sum::<f64>(),
    }
}

/// Whether `p` can change any result under the scenario's settings. Treatment-cost parts are
/// ignored when totals are entered (and the reverse), an arm's own inputs when neither arm
/// uses them, priced offences when crime is entered per year (and the reverse), and the value
/// of a statistical life unless it is counted.
pub fn relevant(s: &Scenario, p: P) -> bool {
    let st = &s.settings;
    let uses = |a: Arm| st.intervention == a || st.comparator == a;
    let injectable = st.intervention.is_injectable() || st.comparator.is_injectable();
    let parts = st.cost_input == CostInput::Parts;
    let per_year = st.crime_input == CrimeInput::PerYear;
    match p {
        P::DamCostYear => uses(Arm::Heroin) && !parts,
        P::HdmCostYear => uses(Arm::Hydromorphone) && !parts,
        P::DamDrugPerMg | P::DamDoseMg => uses(Arm::Heroin) && parts,
        P::HdmDrugPerMg | P::HdmDoseMg => uses(Arm::Hydromorphone) && parts,
        P::InjVisitsPerDay | P::InjCostPerVisit | P::InjCareYear | P::InjFixedYear => {
            injectable && parts
        }
        P::MmtCostYear => !parts,
        P::MmtDrugPerMg
        | P::MmtDoseMg
        | P::MmtVisitsPerDay
        | P::MmtCostPerVisit
        | P::MmtCareYear
        | P::MmtFixedYear => parts,
        P::DamRetention12m => uses(Arm::Heroin),
        P::HdmRetention12m => uses(Arm::Hydromorphone),
        P::InjRetentionShape
        | P::InjExitToMethadone
        | P::InjExitToAbstinence
        | P::MortInjectableRr
        | P::CrimeRrInjectable
        | P::HealthCareRrInjectable
        | P::UtilityInjectable => injectable,
        P::CrimeYearJustice | P::CrimeYearVictims | P::CrimeYearIntangible => per_year,
        P::CrimePropertyRate
        | P::CrimeRobberyRate
        | P::CrimeAssaultRate
        | P::CrimeDrugSaleRate
        | P::CrimePropertyCost
        | P::CrimeRobberyCost
        | P::CrimeAssaultCost
        | P::CrimeVictimShare
        | P::CrimePropertyIntangible
        | P::CrimeRobberyIntangible
        | P::CrimeAssaultIntangible
        | P::PoliceViolent
        | P::PoliceProperty
        | P::CourtsProperty
        | P::CourtsRobbery
        | P::CourtsAssault
        | P::ReportProperty
        | P::ReportViolent
        | P::DetectDrugSale
        | P::PrisonProperty
        | P::PrisonRobbery
        | P::PrisonAssault
        | P::PrisonDrugSale => !per_year,
        P::Vsl => st.include_vsl && st.perspective == Perspective::Society,
        _ => true,
    }
}

/// Months in the model: the horizon, but never past age 100.
pub fn cycles(s: &Scenario) -> usize {
    let years = s
        .get(P::HorizonYears)
        .min(100.0 - s.get(P::StartAge))
        .max(1.0 / 12.0);
    (years * 12.0).round() as usize
}

/// Evaluate a scenario: both arms, every perspective, the budget view.
pub fn evaluate(s: &Scenario) -> Outcome {
    let n = cycles(s);
    let deaths = Mortality::new(s, n);
    let a = run_arm(s, s.settings.intervention, &deaths, |_| {});
    let b = run_arm(s, s.settings.comparator, &deaths, |_| {});
    let years = n as f64 / 12.0;
    let scope = |perspective| Scope {
        perspective,
        include_intangible: s.settings.include_intangible,
        include_vsl: s.settings.include_vsl,
    };
    let comparisons = Perspective::ALL.map(|p| compare(s, scope(p), &a, &b, years));
    Outcome {
        basis: s.basis(),
        horizon_years: years,
        intervention: a,
        comparator: b,
        comparisons,
        programme: programme(s, scope(s.settings.perspective), &a, &b),
    }
}

/// State shares of one arm's cohort at the start and after every monthly cycle:
/// own treatment, methadone, street use, abstinence, dead.
pub fn trace(s: &Scenario, arm: Arm) -> Vec<[f64; 5]> {
    let n = cycles(s);
    let mut out = Vec::with_capacity(n + 1);
    run_arm(s, arm, &Mortality::new(s, n), |occ| out.push(*occ));
    out
}

/// The incremental net benefit under the scenario's own perspective: the one number
/// break-even analysis drives to zero.
pub fn net_benefit(s: &Scenario) -> f64 {
    evaluate(s).chosen(s.settings.perspective).net_benefit
}
