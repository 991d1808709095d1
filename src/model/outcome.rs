//! What the model reports: cost categories and who bears them, the perspectives that decide
//! which count, and the results of one arm, of a comparison and of the whole evaluation.
//! Types only, with the sums over categories; no cohort arithmetic.

use crate::scenario::{Arm, Perspective};
use serde::Serialize;

/// Cohort states.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum State {
    /// The arm's own treatment: the first episode, and later ones re-entered from street use.
    Own,
    /// An episode of oral methadone after the first episode of another arm's treatment.
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

/// Index of the arm's own treatment in per-state arrays.
pub(crate) const OWN: usize = 0;
/// Index of later methadone episodes.
pub(crate) const MMT: usize = 1;
/// Index of street use.
pub(crate) const STREET: usize = 2;
/// Index of abstinence.
pub(crate) const ABST: usize = 3;
/// Index of death in shares that include it.
pub(crate) const DEAD: usize = 4;
/// Number of living states.
pub(crate) const ALIVE: usize = 4;

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
    /// Whether the category is paid in cash by someone: every one but victims' intangible
    /// costs (pain, fear) and lives lost (a value, not a payment).
    pub const fn is_cash(self) -> bool {
        !matches!(self, Category::VictimIntangible | Category::LivesLost)
    }

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

/// Number of cost categories.
pub(crate) const NCAT: usize = Category::ALL.len();

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

    pub(crate) fn minus(&self, other: &Costs) -> Costs {
        Costs(std::array::from_fn(|i| self.0[i] - other.0[i]))
    }

    pub(crate) fn scaled(&self, k: f64) -> Costs {
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
    /// The same scope with the value of a statistical life left out: the scope of every
    /// metric that also values deaths through QALYs (cost per QALY, net monetary benefit).
    pub fn without_vsl(&self) -> Scope {
        Scope {
            include_vsl: false,
            ..*self
        }
    }

    /// How deaths are valued in the net benefit under this scope, in words.
    pub fn death_valuation(&self) -> &'static str {
        if self.counts(Category::LivesLost) {
            "in the net benefit at the value of a statistical life, for deaths within the horizon; cost per QALY and net monetary benefit leave it out and value lost life through QALYs only"
        } else {
            "through QALYs only (the value of a statistical life is not counted)"
        }
    }

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
    /// Share of the cohort dead of an overdose at the horizon.
    pub overdose_deaths: f64,
    /// Share of the cohort in each state at the horizon (own, methadone, street, abstinent, dead).
    pub final_shares: [f64; 5],
    /// Share alive and still in the first episode of the arm's own treatment 12 months after
    /// entry (0 for no treatment), whatever the horizon.
    pub retained_12m: f64,
    /// Offences committed (all types), undiscounted; `None` when crime is entered per year.
    pub offences: Option<f64>,
    /// Non-fatal overdoses, undiscounted.
    pub overdoses: f64,
    /// New HIV plus hepatitis C infections, undiscounted.
    pub infections: f64,
}

/// One month of one arm's cohort of one patient, undiscounted ([`crate::model::months`]).
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Month {
    /// Shares by state at the start of the month (own, methadone, street, abstinent, dead).
    pub start: [f64; 5],
    /// Person-years in each living state during the month (own, methadone, street,
    /// abstinent), half-cycle corrected: the mean of the start and end shares over 1/12.
    pub person_years: [f64; ALIVE],
    /// Costs in the month by category, undiscounted; lives lost are the month's deaths at the
    /// value of a statistical life.
    pub costs: Costs,
    /// Deaths in the month.
    pub deaths: f64,
    /// Re-entries from street use to the arm's own treatment during the month.
    pub returned: f64,
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

impl Icer {
    /// The result in words, with `money` formatting amounts (the caller's locale and currency).
    pub fn words(&self, money: impl Fn(f64) -> String) -> String {
        match *self {
            Icer::Dominant => "cheaper and at least as effective (dominant)".into(),
            Icer::Dominated => "dearer and no more effective (dominated)".into(),
            Icer::CostPerQalyGained(v) => format!("{} per QALY gained", money(v)),
            Icer::SavingPerQalyLost(v) => format!("{} saved per QALY lost", money(v)),
        }
    }
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
    /// Intervention minus comparator in one category, discounted over the horizon.
    pub fn delta(&self, c: Category) -> f64 {
        self.intervention.costs.get(c) - self.comparator.costs.get(c)
    }

    /// The comparison under the scenario's chosen perspective.
    pub fn chosen(&self, perspective: Perspective) -> &Comparison {
        &self.comparisons[perspective as usize]
    }
}
