//! The parameter registry: every number the model uses, defined once.
//!
//! Each [`Param`] carries its id, label, unit, default, plausible range, Monte Carlo
//! distribution and origin (cited sources, or a labelled assumption with its reasoning).
//! Sliders, sensitivity ranges, Monte Carlo draws, the CLI's `--set`, the methods table and
//! CSV headers are all generated from [`PARAMS`]. Money keeps the economy and price year it
//! was published in; [`crate::scenario::Scenario`] converts it once, through
//! [`crate::money`]. This module holds definitions only: no model arithmetic.

use crate::money::{Economy, PriceBasis};
use serde::Serialize;

/// Where a parameter sits on the page and in the methods table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub enum Group {
    /// Cost of treatment per patient-year.
    Treatment,
    /// Retention and where people go when they leave.
    Retention,
    /// Deaths by state.
    Mortality,
    /// Offences and their prices.
    Crime,
    /// Overdoses, hospital care, infections, quality of life.
    Health,
    /// Discounting, willingness to pay, productivity, value of a statistical life.
    Economics,
    /// The size and length of a programme, and the model horizon.
    Programme,
}

impl Group {
    /// Every group, in page order.
    pub const ALL: [Group; 7] = [
        Group::Treatment,
        Group::Retention,
        Group::Mortality,
        Group::Crime,
        Group::Health,
        Group::Economics,
        Group::Programme,
    ];

    /// Heading shown to users.
    pub fn label(self) -> &'static str {
        match self {
            Group::Treatment => "Treatment costs",
            Group::Retention => "Retention",
            Group::Mortality => "Mortality",
            Group::Crime => "Crime",
            Group::Health => "Health",
            Group::Economics => "Money and perspective",
            Group::Programme => "Programme and horizon",
        }
    }
}

/// What a money amount is counted per.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub enum Per {
    /// Per patient-year (or person-year) in a state.
    PatientYear,
    /// Per milligram of medication.
    Milligram,
    /// Per supervised clinic visit.
    Visit,
    /// Per offence.
    Offence,
    /// Per event (overdose, infection).
    Event,
    /// Per inmate-year.
    InmateYear,
    /// Per statistical life.
    Life,
    /// Per quality-adjusted life-year.
    Qaly,
    /// Once per programme slot.
    Slot,
}

/// The unit a value is measured in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub enum Unit {
    /// Money on the parameter's price basis.
    Money(Per),
    /// A probability over the stated period, 0 to 1.
    Probability,
    /// A share of a whole, 0 to 1.
    Share,
    /// A multiplier relative to a reference state.
    RelativeRisk,
    /// A Weibull shape (1 = constant hazard).
    Shape,
    /// Events per person-year.
    PerPersonYear,
    /// Events per 100 person-years.
    Per100PersonYears,
    /// A health-state utility, 0 (dead) to 1 (full health).
    Utility,
    /// Milligrams per day.
    MgPerDay,
    /// Clinic visits per day.
    VisitsPerDay,
    /// Months.
    Months,
    /// Years.
    Years,
    /// Age in years.
    Age,
    /// An annual rate (discounting, hazard growth).
    PerYear,
    /// A count of places or people.
    Count,
}

impl Unit {
    /// Short unit text for labels and table headers; `currency` fills in money units.
    pub fn text(self, currency: &str) -> String {
        match self {
            Unit::Money(per) => {
                let per = match per {
                    Per::PatientYear => "per patient-year",
                    Per::Milligram => "per mg",
                    Per::Visit => "per visit",
                    Per::Offence => "per offence",
                    Per::Event => "per event",
                    Per::InmateYear => "per inmate-year",
                    Per::Life => "per life",
                    Per::Qaly => "per QALY",
                    Per::Slot => "per slot",
                };
                format!("{currency} {per}")
            }
            Unit::Probability => "probability".into(),
            Unit::Share => "share".into(),
            Unit::RelativeRisk => "ratio".into(),
            Unit::Shape => "Weibull shape".into(),
            Unit::PerPersonYear => "per person-year".into(),
            Unit::Per100PersonYears => "per 100 person-years".into(),
            Unit::Utility => "utility".into(),
            Unit::MgPerDay => "mg/day".into(),
            Unit::VisitsPerDay => "visits/day".into(),
            Unit::Months => "months".into(),
            Unit::Years => "years".into(),
            Unit::Age => "years of age".into(),
            Unit::PerYear => "per year".into(),
            Unit::Count => "count".into(),
        }
    }
}

/// The family of distribution Monte Carlo draws from, fitted to default, low and high.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub enum Dist {
    /// Beta: probabilities, shares and utilities.
    Beta,
    /// Gamma: costs and counts of events.
    Gamma,
    /// Log-normal: relative risks.
    LogNormal,
    /// Triangular over low, default, high: structural quantities with no better shape.
    Triangular,
    /// Not drawn: settings such as the horizon or the number of slots.
    Fixed,
}

/// How strong the evidence behind a default is: the kind of study it was read from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Grade {
    /// Read from a randomised controlled trial or a meta-analysis of trials.
    Trial,
    /// Read from an observational study: a cohort, a before-and-after comparison, a survey.
    Observational,
    /// Read from a published model, cost estimate or official statistic.
    Published,
    /// Derived by stated arithmetic from figures of the kinds above.
    Derived,
    /// No published figure: a labelled assumption.
    Assumption,
}

impl Grade {
    /// Every grade, strongest first.
    pub const ALL: [Grade; 5] = [
        Grade::Trial,
        Grade::Observational,
        Grade::Published,
        Grade::Derived,
        Grade::Assumption,
    ];

    /// Stable id used in files and the CLI.
    pub fn id(self) -> &'static str {
        match self {
            Grade::Trial => "trial",
            Grade::Observational => "observational",
            Grade::Published => "published",
            Grade::Derived => "derived",
            Grade::Assumption => "assumption",
        }
    }

    /// Words shown to users.
    pub fn label(self) -> &'static str {
        match self {
            Grade::Trial => "randomised trial",
            Grade::Observational => "observational study",
            Grade::Published => "published model or official statistic",
            Grade::Derived => "derived from published figures",
            Grade::Assumption => "assumption",
        }
    }
}

/// Where a default comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum Origin {
    /// Read from, or derived arithmetically from, published sources.
    Cited {
        /// The kind of study the figure comes from (never [`Grade::Assumption`]).
        grade: Grade,
        /// Source ids (see [`crate::sources`]).
        sources: &'static [&'static str],
        /// What was read and any arithmetic or conversion, with the range's basis (a long
        /// text: only with the `texts` feature).
        #[cfg(feature = "texts")]
        how: &'static str,
    },
    /// No published figure: an explicit assumption.
    Assumption {
        /// Why this value and range (a long text: only with the `texts` feature).
        #[cfg(feature = "texts")]
        reasoning: &'static str,
        /// Sources that informed the judgement, if any.
        informed_by: &'static [&'static str],
    },
}

impl Origin {
    /// Source ids this origin names.
    pub fn source_ids(&self) -> &'static [&'static str] {
        match self {
            Origin::Cited { sources, .. } => sources,
            Origin::Assumption { informed_by, .. } => informed_by,
        }
    }

    /// Whether the default is an assumption rather than a published figure.
    pub fn is_assumption(&self) -> bool {
        matches!(self, Origin::Assumption { .. })
    }

    /// The evidence grade of the default.
    pub fn grade(&self) -> Grade {
        match self {
            Origin::Cited { grade, .. } => *grade,
            Origin::Assumption { .. } => Grade::Assumption,
        }
    }

    /// What was read and how it was derived, or why the assumption was made.
    #[cfg(feature = "texts")]
    pub fn explanation(&self) -> &'static str {
        match self {
            Origin::Cited { how, .. } => how,
            Origin::Assumption { reasoning, .. } => reasoning,
        }
    }
}

/// One parameter's whole definition.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Param {
    /// Stable id used in URLs, the CLI and files, e.g. `dam.retention_12m`.
    pub id: &'static str,
    /// Label shown to users.
    pub label: &'static str,
    /// Page group.
    pub group: Group,
    /// Unit of `default`, `low` and `high`.
    pub unit: Unit,
    /// For money: the economy and price year `default`, `low` and `high` are in.
    pub basis: Option<PriceBasis>,
    /// Default value.
    pub default: f64,
    /// Plausible low end (sensitivity analysis, slider minimum).
    pub low: f64,
    /// Plausible high end.
    pub high: f64,
    /// Monte Carlo distribution family.
    pub dist: Dist,
    /// Source or assumption.
    pub origin: Origin,
}

impl Param {
    /// Whether the value is money (and so converted between price bases).
    pub fn is_money(&self) -> bool {
        matches!(self.unit, Unit::Money(_))
    }

    /// The limits a typed value must respect, on the parameter's own basis.
    ///
    /// Wider than the plausible range, which is only what sensitivity analysis explores: a
    /// user with local data may go beyond it. Unbounded quantities stop at 100 times the
    /// plausible high, which catches a slipped key without refusing real values.
    pub fn limits(&self) -> (f64, f64) {
        match self.unit {
            Unit::Probability | Unit::Share | Unit::Utility => (0.0, 1.0),
            // The engine represents falling or constant hazards (see docs/model.md, episodes).
            Unit::Shape => (0.4, 1.0),
            Unit::Years => (0.5, 100.0),
            Unit::Age => (12.0, 90.0),
            Unit::PerYear => (0.0, 0.5),
            _ => (0.0, self.high * 100.0),
        }
    }
}

const US24: Option<PriceBasis> = Some(PriceBasis::US_2024);

const fn basis(e: Economy, year: u16) -> Option<PriceBasis> {
    Some(PriceBasis::new(e, year))
}

/// A cited origin: grade, source ids, and how the figure was derived (kept only with the
/// `texts` feature).
macro_rules! cited {
    ($grade:expr, $sources:expr, $how:literal $(,)?) => {
        Origin::Cited {
            grade: $grade,
            sources: $sources,
            #[cfg(feature = "texts")]
            how: $how,
        }
    };
}

/// An assumption: why (kept only with the `texts` feature), and the sources that informed it.
macro_rules! assumed {
    ($reasoning:literal, $informed_by:expr $(,)?) => {
        Origin::Assumption {
            #[cfg(feature = "texts")]
            reasoning: $reasoning,
            informed_by: $informed_by,
        }
    };
}

#[allow(clippy::too_many_arguments)]
const fn param(
    id: &'static str,
    label: &'static str,
    group: Group,
    unit: Unit,
    basis: Option<PriceBasis>,
    (default, low, high): (f64, f64, f64),
    dist: Dist,
    origin: Origin,
) -> Param {
    Param {
        id,
        label,
        group,
        unit,
        basis,
        default,
        low,
        high,
        dist,
        origin,
    }
}

macro_rules! registry {
    ($( $(#[$doc:meta])* $name:ident = $def:expr; )*) => {
        /// Typed handle on a registry entry; `P::X as usize` indexes [`PARAMS`].
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub enum P { $( $(#[$doc])* $name, )* }

        impl P {
            /// Every parameter, in registry order.
            pub const ALL: &'static [P] = &[$(P::$name),*];

            /// How many parameters there are.
            pub const COUNT: usize = [$(stringify!($name)),*].len();

            /// This parameter's definition.
            pub fn def(self) -> &'static Param {
                &PARAMS[self as usize]
            }
        }

        /// Every parameter definition, indexed by [`P`].
        pub static PARAMS: &[Param] = &[$($def),*];
    };
}

use Dist::*;
use Grade::*;
use Group::*;
use Unit::*;

registry! {
    // ---------------------------------------------------------------- treatment totals
    /// Supervised injectable diacetylmorphine, total cost per patient-year in treatment.
    DamCostYear = param("dam.cost_year", "Heroin-assisted treatment: cost per patient-year", Treatment,
        Money(Per::PatientYear), basis(Economy::DE, 2009), (19_020.0, 15_000.0, 30_000.0), Gamma,
        cited!(Published, &["emcdda2011"], "German heroin-assisted treatment cost per patient per year, 2009 prices (EMCDDA 2011 box p79). The Dutch figure, EUR 20,410, lies inside the range; the high end allows for higher US clinic staffing (assumption)."));
    /// Supervised injectable hydromorphone, total cost per patient-year in treatment.
    HdmCostYear = param("hdm.cost_year", "Injectable hydromorphone: cost per patient-year", Treatment,
        Money(Per::PatientYear), basis(Economy::DE, 2009), (19_020.0, 13_000.0, 36_000.0), Gamma,
        assumed!("Assumed equal to heroin-assisted treatment: the clinic model (supervised injection two to three times a day) is the same and EMCDDA attributes most of the cost to staffing. No per-patient-year cost of hydromorphone treatment, nor SALOME's costs by category or drug prices, could be read. SALOME's within-trial total cost was higher for hydromorphone (CAD 49,830 vs 34,320 over six months, wide overlapping intervals), a gap of CAD 31,020 a year that includes crime and health care; the high end puts all of it on treatment (31,020 CAD 2015 = EUR 17,030 of 2009; 19,020 + 17,030 = about 36,000).", &["emcdda2011", "bansback2018"]));
    /// Oral methadone maintenance, total cost per patient-year in treatment.
    MmtCostYear = param("mmt.cost_year", "Oral methadone: cost per patient-year", Treatment,
        Money(Per::PatientYear), basis(Economy::US, 2016), (6_552.0, 4_000.0, 10_000.0), Gamma,
        cited!(Published, &["nida2018"], "US$126 a week including medication and integrated psychosocial and medical services with daily visits, = US$6,552 a year. The price year is not stated; taken as 2016, the year of the estimate (assumption)."));

    // ---------------------------------------------------------------- treatment parts
    /// Oral buprenorphine, total cost per patient-year in treatment.
    BupCostYear = param("bup.cost_year", "Oral buprenorphine: cost per patient-year", Treatment,
        Money(Per::PatientYear), basis(Economy::US, 2016), (5_980.0, 3_000.0, 10_000.0), Gamma,
        cited!(Published, &["nida2018"], "US$115 a week in a certified opioid treatment programme, including medication and services, = US$5,980 a year. Price year taken as 2016, as for methadone (assumption). Office-based prescribing can cost less and the low end allows for it; there are no parts for buprenorphine, so it is always entered as a total."));
    /// Diacetylmorphine price per milligram.
    DamDrugPerMg = param("dam.drug_cost_per_mg", "Heroin (diacetylmorphine): medication cost per mg", Treatment,
        Money(Per::Milligram), US24, (0.05, 0.01, 0.50), Gamma,
        assumed!("No published US price for pharmaceutical diacetylmorphine was found; it would have to be imported. The range spans an order of magnitude either way.", &["kilmer2018"]));
    /// Daily diacetylmorphine dose.
    DamDoseMg = param("dam.dose_mg_day", "Heroin (diacetylmorphine): dose", Treatment,
        MgPerDay, None, (400.0, 200.0, 900.0), Triangular,
        cited!(Trial, &["emcdda2011", "strang2010", "perneger1998"], "About 200 mg per injection (EMCDDA) at two injections a day (RIOTT) = 400 mg/day; the Swiss trial's median was 480 mg/day; RIOTT allowed up to 900 mg/day."));
    /// Hydromorphone price per milligram.
    HdmDrugPerMg = param("hdm.drug_cost_per_mg", "Hydromorphone: medication cost per mg", Treatment,
        Money(Per::Milligram), US24, (0.10, 0.02, 1.00), Gamma,
        assumed!("No published price for high-potency injectable hydromorphone was found in the sources read; hydromorphone is a licensed Schedule II medicine in the US, made domestically.", &["kilmer2018"]));
    /// Daily hydromorphone dose.
    HdmDoseMg = param("hdm.dose_mg_day", "Hydromorphone: dose", Treatment,
        MgPerDay, None, (212.6, 80.0, 500.0), Triangular,
        cited!(Trial, &["oviedojoekes2011", "oviedojoekes2016"], "NAOMI's patients on injectable hydromorphone were prescribed 212.6 mg a day on average (against 454.0 mg of diacetylmorphine; potency ratio 1:2.0-2.2). The low end is a low maintenance dose (assumption); the high end is SALOME's cap of 500 mg a day (ClinicalTrials.gov NCT01447212)."));
    /// Supervised visits per day for injectable treatment.
    InjVisitsPerDay = param("inj.visits_per_day", "Injectable treatment: supervised visits per day", Treatment,
        VisitsPerDay, None, (2.5, 1.0, 3.0), Triangular,
        cited!(Trial, &["kilmer2018", "strang2010"], "Patients attend two to three times a day (RAND RR-2693); RIOTT gave two doses a day."));
    /// Staff and clinic cost of one supervised injection visit.
    InjCostPerVisit = param("inj.cost_per_visit", "Injectable treatment: cost per supervised visit", Treatment,
        Money(Per::Visit), US24, (25.0, 10.0, 60.0), Gamma,
        assumed!("Calibrated so that the parts add up to the EMCDDA German total converted to US$ 2024 (about US$37,000), with staffing for supervision taking most of it, as EMCDDA reports.", &["emcdda2011"]));
    /// Psychosocial and medical care per patient-year in injectable treatment.
    InjCareYear = param("inj.care_year", "Injectable treatment: psychosocial and medical care", Treatment,
        Money(Per::PatientYear), US24, (4_000.0, 1_000.0, 10_000.0), Gamma,
        assumed!("Psychosocial care was given in both arms of the trials; no separate US cost was found.", &["dijkgraaf2005"]));
    /// Programme fixed costs per slot-year (premises, security, pharmacy).
    InjFixedYear = param("inj.fixed_year", "Injectable treatment: fixed costs per slot-year", Treatment,
        Money(Per::PatientYear), US24, (3_000.0, 1_000.0, 10_000.0), Gamma,
        assumed!("Premises, security and pharmacy for a clinic open several sessions a day, every day; no itemised figure was found.", &["emcdda2011"]));
    /// Methadone price per milligram.
    MmtDrugPerMg = param("mmt.drug_cost_per_mg", "Methadone: medication cost per mg", Treatment,
        Money(Per::Milligram), basis(Economy::US, 2016), (0.027, 0.005, 0.08), Gamma,
        cited!(Derived, &["nida2018", "emcdda2011"], "Medication is about 12% of the cost of oral methadone treatment (von der Schulenburg and Claes, via EMCDDA): 12% x US$6,552 / (80 mg x 365 days) = US$0.027 per mg."));
    /// Daily methadone dose.
    MmtDoseMg = param("mmt.dose_mg_day", "Methadone: dose", Treatment,
        MgPerDay, None, (80.0, 40.0, 150.0), Triangular,
        cited!(Trial, &["strang2010", "dijkgraaf2005"], "RIOTT's optimised oral methadone was at least 80 mg/day; the Dutch trials allowed up to 150 mg/day."));
    /// Clinic visits per day for methadone.
    MmtVisitsPerDay = param("mmt.visits_per_day", "Methadone: clinic visits per day", Treatment,
        VisitsPerDay, None, (1.0, 0.3, 1.0), Triangular,
        cited!(Published, &["nida2018"], "Daily visits (NIDA); the low end allows take-home doses."));
    /// Staff cost of one methadone dispensing visit.
    MmtCostPerVisit = param("mmt.cost_per_visit", "Methadone: cost per clinic visit", Treatment,
        Money(Per::Visit), basis(Economy::US, 2016), (9.0, 4.0, 20.0), Gamma,
        assumed!("Calibrated so that the parts add up to NIDA's US$6,552 a year: 6,552 - 786 (medication) - 2,000 (care) - 500 (fixed) = 3,266, over 365 visits.", &["nida2018"]));
    /// Psychosocial and medical care per patient-year in methadone.
    MmtCareYear = param("mmt.care_year", "Methadone: psychosocial and medical care", Treatment,
        Money(Per::PatientYear), basis(Economy::US, 2016), (2_000.0, 500.0, 5_000.0), Gamma,
        assumed!("NIDA's figure includes integrated psychosocial and medical services but does not itemise them.", &["nida2018"]));
    /// Methadone programme fixed costs per slot-year.
    MmtFixedYear = param("mmt.fixed_year", "Methadone: fixed costs per slot-year", Treatment,
        Money(Per::PatientYear), basis(Economy::US, 2016), (500.0, 100.0, 2_000.0), Gamma,
        assumed!("Premises and administration of an existing methadone clinic; no itemised figure was found.", &["nida2018"]));

    // ---------------------------------------------------------------- retention
    /// Share still in heroin-assisted treatment 12 months after starting.
    DamRetention12m = param("dam.retention_12m", "Heroin-assisted treatment: retained at 12 months", Retention,
        Probability, None, (0.672, 0.55, 0.88), Beta,
        cited!(Trial, &["haasen2007", "oviedojoekes2009"], "German trial: 67.2% retained at 12 months (NAOMI: 67% on the assigned drug). High end: NAOMI's 87.8% retained in any addiction treatment."));
    /// Share still in hydromorphone treatment 12 months after starting.
    HdmRetention12m = param("hdm.retention_12m", "Injectable hydromorphone: retained at 12 months", Retention,
        Probability, None, (0.672, 0.50, 0.88), Beta,
        assumed!("SALOME found hydromorphone non-inferior to diacetylmorphine; no 12-month retention figure was read, so the heroin figure is used.", &["oviedojoekes2016", "haasen2007"]));
    /// Share still in oral methadone 12 months after starting.
    MmtRetention12m = param("mmt.retention_12m", "Oral methadone: retained at 12 months", Retention,
        Probability, None, (0.40, 0.30, 0.60), Beta,
        cited!(Trial, &["haasen2007", "oviedojoekes2009"], "German trial: 40.0% (NAOMI: 41% on the assigned drug, 54.1% in any treatment)."));
    /// Share still in oral buprenorphine 12 months after starting.
    BupRetention12m = param("bup.retention_12m", "Oral buprenorphine: retained at 12 months", Retention,
        Probability, None, (0.332, 0.25, 0.50), Beta,
        cited!(Derived, &["mattick2014", "hser2014", "haasen2007"], "Flexible-dose buprenorphine retains fewer people than methadone: Cochrane retention RR 0.83, times methadone's 40.0% = 33.2%. Low end: the US START trial's 24-week ratio 46% / 74% = 0.62, times 40% = 25%. High end: half retained."));
    /// Weibull shape of time in injectable treatment.
    InjRetentionShape = param("inj.retention_shape", "Injectable treatment: retention curve shape", Retention,
        Shape, None, (0.761, 0.60, 1.00), Fixed,
        cited!(Published, &["nosyk2012"], "Weibull shape of the DAM episode in NAOMI (Table 1). A shape below 1 means leaving is likeliest early; 1 is a constant rate. Structural: held fixed in Monte Carlo (its uncertainty is in the 12-month retention drawn there) and varied in one-way sensitivity."));
    /// Weibull shape of time in methadone treatment.
    MmtRetentionShape = param("mmt.retention_shape", "Methadone: retention curve shape", Retention,
        Shape, None, (0.643, 0.50, 1.00), Fixed,
        cited!(Published, &["nosyk2012"], "Weibull shape of the MMT episode (Table 1, British Columbia methadone data). Structural: held fixed in Monte Carlo, varied in one-way sensitivity."));
    /// Share of those leaving injectable treatment who move to methadone.
    InjExitToMethadone = param("inj.exit_to_methadone", "Leaving injectable treatment: share moving to methadone", Retention,
        Share, None, (0.407, 0.20, 0.60), Beta,
        cited!(Published, &["nosyk2012"], "On leaving DAM: 40.7% to methadone, 22.4% to abstinence, 37.0% to relapse (Table 1)."));
    /// Share of those leaving injectable treatment who become abstinent.
    InjExitToAbstinence = param("inj.exit_to_abstinence", "Leaving injectable treatment: share becoming abstinent", Retention,
        Share, None, (0.224, 0.05, 0.35), Beta,
        cited!(Published, &["nosyk2012"], "On leaving DAM: 22.4% to abstinence (Table 1)."));
    /// Share of those leaving methadone who become abstinent.
    MmtExitToAbstinence = param("mmt.exit_to_abstinence", "Leaving methadone: share becoming abstinent", Retention,
        Share, None, (0.041, 0.0, 0.15), Beta,
        cited!(Published, &["nosyk2012"], "On leaving MMT: 4.1% to abstinence, 95.9% to relapse (Table 1)."));
    /// Probability of leaving street use (relapse) within a year.
    StreetExit12m = param("street.exit_12m", "Street use: chance of entering treatment or abstinence within a year", Retention,
        Probability, None, (0.383, 0.10, 0.60), Beta,
        cited!(Derived, &["nosyk2012"], "Derived from the relapse-episode Weibull (lambda 0.091, shape 0.672, months; Table 1): 1 - exp(-0.091 x 12^0.672) = 0.383, the chance of leaving within a year for someone who does not die."));
    /// Share of those leaving street use who become abstinent rather than enter methadone.
    StreetExitToAbstinence = param("street.exit_to_abstinence", "Leaving street use: share becoming abstinent (rest enter methadone)", Retention,
        Share, None, (0.10, 0.0, 0.30), Beta,
        assumed!("Nosyk's model sends people leaving relapse back to treatment or abstinence but the split was not in the sources read; most re-entries are assumed to be to methadone, the treatment most available.", &["nosyk2012"]));
    /// Probability an abstinent person relapses within a year.
    AbstinentRelapse12m = param("abstinent.relapse_12m", "Abstinence: chance of relapse within a year", Retention,
        Probability, None, (0.475, 0.20, 0.70), Beta,
        cited!(Derived, &["nosyk2012"], "Derived from the abstinence-episode Weibull (lambda 0.089, shape 0.797, months; Table 1): 1 - exp(-0.089 x 12^0.797) = 0.475, the chance of relapse within a year for someone who does not die."));
    /// Weibull shape of time in street use.
    StreetExitShape = param("street.exit_shape", "Street use: shape of the time to leaving", Retention,
        Shape, None, (0.672, 0.55, 0.85), Fixed,
        cited!(Published, &["nosyk2012"], "Weibull shape of the relapse episode (Table 1, British Columbia methadone data). Below 1: the longer someone has been out of treatment, the less likely they are to leave in any given month."));
    /// Weibull shape of time in abstinence.
    AbstinentRelapseShape = param("abstinent.relapse_shape", "Abstinence: shape of the time to relapse", Retention,
        Shape, None, (0.797, 0.60, 1.00), Fixed,
        cited!(Published, &["nosyk2012"], "Weibull shape of the abstinence episode (Table 1, from Termorshuizen et al.)."));
    /// Share of treatment re-entries that return to the arm's own treatment.
    ReentryOwnShare = param("reentry.own_share", "Re-entering treatment: share returning to the arm's own treatment (the rest start methadone)", Retention,
        Share, None, (0.5, 0.0, 1.0), Beta,
        assumed!("In an arm that offers injectable treatment (or buprenorphine), people who come back to treatment from street use may return to it or start methadone. Nosyk's model sends every re-entry to 'the treatment state'; a city programme with limited places may send many to methadone. Half is the middle of a range that is as wide as the question is open.", &["nosyk2012"]));
    /// Hazard of leaving a second treatment episode, relative to the first.
    EpisodeTreatment2 = param("episode.treatment_hr_2", "Second treatment episode: hazard of leaving, relative to the first", Retention,
        RelativeRisk, None, (0.923, 0.857, 0.989), LogNormal,
        cited!(Published, &["nosyk2012"], "Multiplier for episode 4 of a cohort that starts in its third episode (Table 1: 0.923, SD 0.033, from proportional-hazards frailty models of British Columbia methadone episodes); read as a hazard ratio on the episode's Weibull. Range: mean plus or minus two SD."));
    /// Hazard of leaving a third treatment episode, relative to the first.
    EpisodeTreatment3 = param("episode.treatment_hr_3", "Third treatment episode: hazard of leaving, relative to the first", Retention,
        RelativeRisk, None, (0.965, 0.881, 1.049), LogNormal,
        cited!(Published, &["nosyk2012"], "Multiplier for episode 5 (Table 1: 0.965, SD 0.042). Range: plus or minus two SD."));
    /// Hazard of leaving a fourth or later treatment episode, relative to the first.
    EpisodeTreatment4 = param("episode.treatment_hr_4", "Fourth and later treatment episodes: hazard of leaving, relative to the first", Retention,
        RelativeRisk, None, (0.952, 0.870, 1.034), LogNormal,
        cited!(Published, &["nosyk2012"], "Multiplier for episode 6 (Table 1: 0.952, SD 0.041), held for every later episode. Range: plus or minus two SD."));
    /// Hazard of leaving the street after a second treatment episode, relative to the first.
    EpisodeStreet2 = param("episode.street_hr_2", "Street use after a second treatment episode: hazard of leaving, relative to the first", Retention,
        RelativeRisk, None, (1.220, 1.124, 1.316), LogNormal,
        cited!(Published, &["nosyk2012"], "Relapse-episode multiplier for episode 4 (Table 1: 1.220, SD 0.048): later spells out of treatment are shorter. Range: plus or minus two SD."));
    /// Hazard of leaving the street after a third treatment episode, relative to the first.
    EpisodeStreet3 = param("episode.street_hr_3", "Street use after a third treatment episode: hazard of leaving, relative to the first", Retention,
        RelativeRisk, None, (1.350, 1.230, 1.470), LogNormal,
        cited!(Published, &["nosyk2012"], "Relapse-episode multiplier for episode 5 (Table 1: 1.350, SD 0.060). Range: plus or minus two SD."));
    /// Hazard of leaving the street after a fourth or later treatment episode, relative to the first.
    EpisodeStreet4 = param("episode.street_hr_4", "Street use after a fourth or later treatment episode: hazard of leaving, relative to the first", Retention,
        RelativeRisk, None, (1.442, 1.330, 1.554), LogNormal,
        cited!(Published, &["nosyk2012"], "Relapse-episode multiplier for episode 6 (Table 1: 1.442, SD 0.056), held for every later episode. Range: plus or minus two SD."));

    // ---------------------------------------------------------------- mortality
    /// Deaths from causes other than overdose during street use, relative to the general population.
    MortSmrStreet = param("mort.smr.street", "Deaths other than overdose during street use, relative to the general population", Mortality,
        RelativeRisk, None, (8.9, 4.0, 20.0), LogNormal,
        cited!(Derived, &["sordo2017", "nchs2023"], "Sordo et al.: all-cause mortality 36.1 and overdose mortality 12.7 per 1,000 person-years out of methadone treatment, so 23.4 per 1,000 from other causes. Divided by the general-population death rate of the default cohort (US 2023 life table at age 40, 36.5% women: 2.63 per 1,000) = 8.9. The cohorts in the meta-analysis were younger and mostly outside the US, so the ratio is uncertain; the range spans half to more than twice it."));
    /// Deaths from causes other than overdose in methadone treatment, relative to the general population.
    MortSmrMethadone = param("mort.smr.methadone", "Deaths other than overdose in methadone treatment, relative to the general population", Mortality,
        RelativeRisk, None, (3.3, 1.5, 8.0), LogNormal,
        cited!(Derived, &["sordo2017", "nchs2023"], "Sordo et al.: all-cause 11.3 and overdose 2.6 per 1,000 person-years in methadone treatment, so 8.7 from other causes; divided by 2.63 per 1,000 (US 2023 life table at 40, 36.5% women) = 3.3."));
    /// Deaths from causes other than overdose in injectable treatment, relative to the general population.
    MortSmrInjectable = param("mort.smr.injectable", "Deaths other than overdose in injectable treatment, relative to the general population", Mortality,
        RelativeRisk, None, (3.3, 1.5, 8.0), LogNormal,
        assumed!("Taken equal to methadone treatment: the trials found no significant difference in mortality (Cochrane RR 0.65, 0.25-1.69), and Nosyk's state ratios (heroin 9.70 against methadone 0.350 x 30.063 = 10.52) differ by less than 10%. Overdoses are counted apart and reduced by treatment.", &["ferri2011", "nosyk2012"]));
    /// Deaths from causes other than overdose in buprenorphine treatment, relative to the general population.
    MortSmrBuprenorphine = param("mort.smr.buprenorphine", "Deaths other than overdose in buprenorphine treatment, relative to the general population", Mortality,
        RelativeRisk, None, (1.1, 0.5, 4.0), LogNormal,
        cited!(Derived, &["sordo2017", "nchs2023"], "Sordo et al.: all-cause 4.3 and overdose 1.4 per 1,000 person-years in buprenorphine treatment, so 2.9 from other causes; divided by 2.63 per 1,000 (US 2023 life table at 40, 36.5% women) = 1.1. Buprenorphine cohorts were healthier than methadone cohorts, so the range reaches up to methadone's level and beyond."));
    /// Deaths from causes other than overdose during abstinence, relative to the general population.
    MortSmrAbstinent = param("mort.smr.abstinent", "Deaths other than overdose during abstinence, relative to the general population", Mortality,
        RelativeRisk, None, (2.0, 1.0, 7.0), LogNormal,
        assumed!("Former injectors keep some excess mortality (liver disease, HIV): Nosyk uses the life table for HIV-negative abstinent people and 1.47 for HIV-positive ones; a Copenhagen cohort of stably abstinent former injectors had about seven times general-population mortality from all causes. No figure for causes other than overdose was found; 2 sits between, and the range spans both.", &["nosyk2012"]));
    /// Fatal overdoses per 100 person-years of street use.
    MortOverdoseStreet = param("mort.overdose.street", "Fatal overdoses per 100 person-years of street use", Mortality,
        Per100PersonYears, None, (1.27, 0.5, 4.0), Gamma,
        cited!(Observational, &["sordo2017"], "Overdose mortality 12.7 per 1,000 person-years out of methadone treatment (meta-analysis of cohorts, mostly before fentanyl). The high end allows for the fentanyl-era US drug supply (assumption: US overdose deaths have roughly tripled since most of those cohorts were followed)."));
    /// Age at entry.
    StartAge = param("cohort.start_age", "Age at entry", Mortality,
        Age, None, (40.0, 25.0, 60.0), Fixed,
        cited!(Trial, &["oviedojoekes2009", "hser2014", "oviedojoekes2016"], "Mean age at entry 39.7 in NAOMI, 37.8 in the US START trial, 44.3 in SALOME; 40 in round figures. Background mortality comes from the life table of the scenario's economy at this age and each later one."));
    /// Share of women in the cohort at entry.
    FemaleShare = param("cohort.female_share", "Share of women at entry", Mortality,
        Share, None, (0.365, 0.25, 0.45), Fixed,
        cited!(Published, &["teds2017", "oviedojoekes2009", "hser2014"], "36.5% of US treatment admissions for heroin were women (TEDS 2017); NAOMI 38.5%, START 32.3%. The life tables for men and women are mixed by this share, weighted by each sex's survival from the start age."));

    // ---------------------------------------------------------------- crime: offending
    /// Property offences (theft, shoplifting, burglary) per person-year of street use.
    CrimePropertyRate = param("crime.property.rate", "Property offences per person-year of street use", Crime,
        PerPersonYear, None, (88.0, 25.0, 130.0), Gamma,
        cited!(Observational, &["coid2000", "nta2012"], "People starting methadone in inner London reported theft on 44 days in the six months before treatment (Coid et al. 2000): 88 days a year, counted as one offence a day (a floor for active offenders). Low end: 40% of English treatment seekers had offended in the past month (Hayhurst et al., via NTA 2012), so a mean well below the active offenders' rate is possible; high end: just over 10 money-raising crimes in the four weeks around treatment entry (DTORS, via NTA 2012), annualised, which NTA treats as an upper bound."));
    /// Violent offences (robbery and aggravated assault) per person-year of street use.
    CrimeViolentRate = param("crime.violent.rate", "Violent offences (robbery, aggravated assault) per person-year of street use", Crime,
        PerPersonYear, None, (0.456, 0.2, 2.0), Gamma,
        cited!(Derived, &["russolillo2018", "ncvs2017", "fbi2019"], "Recorded violent offences out of methadone treatment, about 0.11 a person-year: British Columbia offenders had 3.6 fewer violent offences per 100 person-years in treatment at a hazard ratio of 0.67, so 3.6 / (1 - 0.67) = 10.9 per 100 out of it (Russolillo et al. 2018, ignoring covariate adjustment). Divided by the share reported to police (0.53: NCVS 2017, robbery 49%, aggravated assault 57.2%) and the share of reported violent crimes cleared (0.455: FBI 2019): 0.11 / (0.53 x 0.455) = 0.456 offences committed. High end: if the recorded offences are convictions, dividing also by convictions per arrest (25-46 per 100, BJS 2004) gives 1.0-1.8, and more; low end: recorded offences counted more fully than the conversion assumes."));
    /// Share of violent offences that are robberies (the rest are aggravated assaults).
    CrimeRobberyShare = param("crime.violent.robbery_share", "Share of violent offences that are robberies (the rest aggravated assaults)", Crime,
        Share, None, (0.33, 0.1, 0.6), Beta,
        assumed!("No split of offences committed by people who use opioids between robbery and assault was found; intentional injury was 10% of charges in a New South Wales treatment cohort (Gisev et al.), robbery not reported. One third robbery, with a range as wide as that ignorance.", &["gisev2015"]));
    /// Days of drug selling per person-year of street use.
    CrimeDrugSaleRate = param("crime.drug_sale.rate", "Days of drug selling per person-year of street use", Crime,
        PerPersonYear, None, (112.0, 30.0, 170.0), Gamma,
        cited!(Observational, &["coid2000", "oviedojoekes2016"], "Drug dealing on 56 days in the six months before methadone (Coid et al. 2000): 112 days a year, each counted as one sale. High end: SALOME participants reported about 14 days of illegal activity of any kind a month at entry (169 a year); low end: a minority deal."));
    /// Offending in methadone relative to street use.
    CrimeRrMethadone = param("crime.rr.methadone", "Offending in methadone, relative to street use", Crime,
        RelativeRisk, None, (0.50, 0.35, 0.70), LogNormal,
        cited!(Observational, &["bukten2012", "russolillo2018", "schwartz2009", "gisev2019"], "Within-person comparisons of time in and out of methadone: Norwegian convictions 0.63 vs 1.57 a year (ratio 0.40, Bukten et al. 2012); British Columbia offences, hazard ratio 0.65 non-violent and 0.67 violent (Russolillo et al. 2018); New South Wales charge-days 0.39 (Gisev et al. 2019); Baltimore arrests, interim methadone vs waiting list, 0.20 vs 0.34 in six months (ratio 0.59, randomised; Schwartz et al. 2009). Central 0.5; the range spans the studies. Before-and-after self-reports (ratios 0.13-0.48) are left out: offending peaks just before treatment entry."));
    /// Offending in injectable treatment relative to street use.
    CrimeRrInjectable = param("crime.rr.injectable", "Offending in injectable treatment, relative to street use", Crime,
        RelativeRisk, None, (0.375, 0.2, 0.7), LogNormal,
        cited!(Derived, &["haasen2007", "lobmann2009", "russolillo2018", "bukten2012"], "The German randomised trial: among patients retained a year, the share with any police-registered offence fell from 55% to 39% with heroin and from 58% to 55% with methadone, a ratio of 0.71 / 0.95 = 0.75 of methadone's (Haasen et al. 2007; the fall was in property and drug offences, Löbmann and Verthein 2009). Times methadone's 0.5 relative to street use: 0.375. Checks: Swiss patients' offences fell by about 60% (0.40) and SALOME participants were charged 1/2.61 = 0.38 times as often in treatment. Low end: a trial median odds ratio of 0.45 against methadone, x 0.5 = 0.23; high end: no effect beyond methadone at methadone's weakest (RIOTT and the Belgian trial found no difference)."));
    /// Offending in buprenorphine treatment relative to street use.
    CrimeRrBuprenorphine = param("crime.rr.buprenorphine", "Offending in buprenorphine treatment, relative to street use", Crime,
        RelativeRisk, None, (0.50, 0.35, 1.00), LogNormal,
        assumed!("Taken equal to methadone: the Norwegian national cohort pooled methadone and buprenorphine (convictions ratio 0.40) and no figure by medication was read. The high end allows for no effect at all in a less supervised treatment.", &["bukten2012"]));
    /// Offending during abstinence relative to street use.
    CrimeRrAbstinent = param("crime.rr.abstinent", "Offending during abstinence, relative to street use", Crime,
        RelativeRisk, None, (0.20, 0.05, 0.50), LogNormal,
        assumed!("Without a habit to fund, acquisitive offending largely stops; no measured figure was found.", &[]));

    // ---------------------------------------------------------------- crime: per-year totals
    /// Criminal-justice cost of a person-year of street use, when crime is entered per year.
    CrimeYearJustice = param("crime.year.justice", "Criminal-justice cost per person-year of street use (per-year input)", Crime,
        Money(Per::PatientYear), US24, (12_300.0, 4_000.0, 40_000.0), Gamma,
        assumed!("For evaluations that report crime costs per person-year rather than offences. The default is what the offence-by-offence defaults give for a year of street use (police 5,797, courts 1,443, prison 5,052, US$ 2024), so the two ways of entering crime agree at their defaults; the range follows the widest ranges of the offence inputs.", &["mccollister2010", "hunt2018", "hunt2017", "vera2017"]));
    /// Victims' cost of a person-year of street use, when crime is entered per year.
    CrimeYearVictims = param("crime.year.victims", "Victims' cost per person-year of street use (per-year input)", Crime,
        Money(Per::PatientYear), US24, (98_200.0, 20_000.0, 250_000.0), Gamma,
        assumed!("As for the justice cost: the offence-by-offence defaults' victim cost for a year of street use (tangible 55,285, intangible 42,962, US$ 2024).", &["mccollister2010"]));
    /// Intangible share of victims' cost, when crime is entered per year.
    CrimeYearIntangible = param("crime.year.intangible_share", "Intangible share of victims' cost (per-year input)", Crime,
        Share, None, (0.44, 0.10, 0.80), Beta,
        assumed!("The offence-by-offence defaults' mix (42,962 of 98,247): mostly tangible for theft, mostly intangible for robbery and assault.", &["mccollister2010"]));

    // ---------------------------------------------------------------- crime: victims' costs
    /// Victims' tangible cost of a property offence.
    CrimePropertyVictimTangible = param("crime.property.victim_tangible", "Property offence: victims' tangible cost", Crime,
        Money(Per::Offence), basis(Economy::US, 2008), (480.0, 240.0, 1_362.0), Gamma,
        cited!(Published, &["mccollister2010"], "Larceny/theft: crime victim cost US$480 per offence (Table 3, 2008 USD): property lost or damaged, medical care and lost work of the victim. Property offences by people who use heroin are mostly shoplifting and other theft; the high end is household burglary (US$1,362), the low end half the theft figure."));
    /// Victims' intangible cost of a property offence.
    CrimePropertyVictimIntangible = param("crime.property.victim_intangible", "Property offence: victims' pain, suffering and fear", Crime,
        Money(Per::Offence), basis(Economy::US, 2008), (10.0, 0.0, 321.0), Gamma,
        cited!(Published, &["mccollister2010"], "Larceny/theft: intangible cost US$10 per offence (Table 4, 2008 USD); high end household burglary US$321."));
    /// Victims' tangible cost of a robbery.
    CrimeRobberyVictimTangible = param("crime.robbery.victim_tangible", "Robbery: victims' tangible cost", Crime,
        Money(Per::Offence), basis(Economy::US, 2008), (1_636.0, 818.0, 3_299.0), Gamma,
        cited!(Derived, &["mccollister2010"], "McCollister's total per robbery (US$42,310, Table 5) less its criminal-justice (13,827) and crime-career (4,272) columns and its intangible cost (22,575, Table 4): 1,636, the victim cost net of the risk-of-homicide part that the total leaves out to avoid counting it twice (2008 USD). High end: the uncorrected crime victim cost, US$3,299 (Table 3); low end half the default."));
    /// Victims' intangible cost of a robbery.
    CrimeRobberyVictimIntangible = param("crime.robbery.victim_intangible", "Robbery: victims' pain, suffering and risk of death", Crime,
        Money(Per::Offence), basis(Economy::US, 2008), (22_575.0, 11_288.0, 33_863.0), Gamma,
        cited!(Published, &["mccollister2010"], "Intangible cost per robbery US$22,575 (Table 4, 2008 USD), from jury awards and the risk of the victim being killed valued at a statistical life; murders are therefore not counted separately. The study gives no interval; the range is half to one and a half times the estimate, for the spread between cost-of-crime studies."));
    /// Victims' tangible cost of an aggravated assault.
    CrimeAssaultVictimTangible = param("crime.assault.victim_tangible", "Aggravated assault: victims' tangible cost", Crime,
        Money(Per::Offence), basis(Economy::US, 2008), (1_230.0, 615.0, 8_700.0), Gamma,
        cited!(Derived, &["mccollister2010"], "Total per aggravated assault (US$107,020, Table 5) less criminal justice (8,641), crime career (2,126) and intangible cost (95,023): 1,230, the victim cost net of the risk-of-homicide part (2008 USD). High end: the uncorrected crime victim cost US$8,700 (Table 3); low end half the default."));
    /// Victims' intangible cost of an aggravated assault.
    CrimeAssaultVictimIntangible = param("crime.assault.victim_intangible", "Aggravated assault: victims' pain, suffering and risk of death", Crime,
        Money(Per::Offence), basis(Economy::US, 2008), (95_023.0, 47_512.0, 142_535.0), Gamma,
        cited!(Published, &["mccollister2010"], "Intangible cost per aggravated assault US$95,023 (Table 4, 2008 USD), including the risk of the victim being killed; murders are therefore not counted separately. Range half to one and a half times the estimate, as for robbery."));

    /// Police cost per police-reported violent crime.
    PoliceViolent = param("crime.police.violent", "Police cost per reported violent crime", Crime,
        Money(Per::Offence), basis(Economy::US, 2016), (10_900.0, 6_900.0, 15_400.0), Gamma,
        cited!(Published, &["hunt2018"], "US$10,900 per police-reported Part 1 violent crime (10th-90th percentile 6,900-15,400). The price year is not stated; taken as 2016 (assumption)."));
    /// Police cost per police-reported property crime.
    PoliceProperty = param("crime.police.property", "Police cost per reported property crime", Crime,
        Money(Per::Offence), basis(Economy::US, 2016), (1_300.0, 700.0, 1_700.0), Gamma,
        cited!(Published, &["hunt2018"], "US$1,300 per police-reported Part 1 property crime (700-1,700). Price year taken as 2016 (assumption). Also used per detected drug sale (assumption)."));
    /// Judicial and legal cost per reported property crime.
    CourtsProperty = param("crime.courts.property", "Court cost per reported property crime", Crime,
        Money(Per::Offence), basis(Economy::US, 2010), (450.0, 300.0, 600.0), Gamma,
        cited!(Published, &["hunt2017"], "Larceny US$300-600 per reported crime (2010 USD); midpoint. Also used per detected drug sale (assumption)."));
    /// Judicial and legal cost per reported robbery.
    CourtsRobbery = param("crime.courts.robbery", "Court cost per reported robbery", Crime,
        Money(Per::Offence), basis(Economy::US, 2010), (950.0, 600.0, 1_300.0), Gamma,
        cited!(Published, &["hunt2017"], "Robbery US$600-1,300 per reported crime (2010 USD); midpoint."));
    /// Judicial and legal cost per reported assault.
    CourtsAssault = param("crime.courts.assault", "Court cost per reported assault", Crime,
        Money(Per::Offence), basis(Economy::US, 2010), (1_450.0, 800.0, 2_100.0), Gamma,
        cited!(Published, &["hunt2017"], "Aggravated assault US$800-2,100 per reported crime (2010 USD); midpoint."));
    /// Share of property offences that come to police notice.
    ReportProperty = param("crime.report.property", "Share of property offences that come to police notice", Crime,
        Share, None, (0.02, 0.01, 0.302), Beta,
        cited!(Derived, &["schwartz2009", "dobischok2023", "coid2000", "fbi2019", "ncvs2017"], "People waiting for methadone in Baltimore were arrested about 0.7 times a year (0.34 in six months, Schwartz et al. 2009); 45.6% of the charges against SALOME participants were for property offences (Dobischok et al. 2023): 0.32 property arrests a year. Against 88 thefts a year (Coid) of which 18.4% of those known to police are cleared (FBI 2019): 0.32 / (88 x 0.184) = 0.02. Most thefts by this population are shoplifting that nobody reports. High end: victims report 30.2% of household thefts (NCVS 2017)."));
    /// Share of violent offences reported to police.
    ReportViolent = param("crime.report.violent", "Share of violent offences reported to police", Crime,
        Share, None, (0.53, 0.42, 0.64), Beta,
        cited!(Derived, &["ncvs2017"], "US victims reported 49% of robberies and 57.2% of aggravated assaults to police in 2017 (NCVS): 0.53, their mean. Range: robbery's share in 2022 and 2023 (64%, 42%)."));
    /// Share of days of drug selling that lead to an arrest.
    DetectDrugSale = param("crime.detect.drug_sale", "Share of days of drug selling that lead to an arrest", Crime,
        Share, None, (0.0006, 0.0002, 0.005), Beta,
        cited!(Derived, &["schwartz2009", "gisev2015", "coid2000"], "About 0.7 arrests a year (Schwartz et al. 2009), 10% of them for drug offences (share of charges in the New South Wales treatment cohort, Gisev et al. 2015): 0.07 a year, against 112 days of selling (Coid): 0.07 / 112 = 0.0006. No per-sale arrest risk was found; drug charges include possession, and the range runs to ten times the default."));
    /// Cost of one inmate-year.
    PrisonCostYear = param("crime.prison.cost_year", "Cost of a year in prison", Crime,
        Money(Per::InmateYear), basis(Economy::US, 2015), (33_274.0, 14_780.0, 69_355.0), Gamma,
        cited!(Published, &["vera2017"], "Average US$33,274 per inmate-year in FY2015 across 45 states; range Alabama US$14,780 to New York US$69,355. The federal cost of incarceration was US$39,158 in FY2020 (Bureau of Prisons), close to the state average inflated."));
    /// Expected months of prison per property offence that comes to police notice.
    PrisonProperty = param("crime.prison_months.property", "Months of prison per property offence known to police", Crime,
        Months, None, (0.19, 0.02, 0.81), Gamma,
        cited!(Derived, &["fbi2019", "bjs2004", "bjs_timeserved2016"], "Share cleared (larceny 18.4%, FBI 2019) x prison sentences per arrest x mean time served (larceny 17 months, BJS Time Served 2016). Larceny is not in the BJS table of sentences per arrest; motor vehicle theft's 6 per 100 (2004), the lowest property offence there, stands in: 0.184 x 0.06 x 17 = 0.19. Low end: 1 per 100 and the median 11 months; high end: burglary, 0.141 x 0.22 x 26 = 0.81. Jail time is not counted."));
    /// Expected months of prison per robbery reported to police.
    PrisonRobbery = param("crime.prison_months.robbery", "Months of prison per reported robbery", Crime,
        Months, None, (5.64, 2.7, 7.5), Gamma,
        cited!(Derived, &["fbi2019", "bjs2004", "bjs_timeserved2016"], "Share cleared 30.5% (FBI 2019) x 33 prison sentences per 100 arrests (BJS 2004) x mean 56 months served (BJS 2016): 5.64. Low end: the median 38 months and 30% fewer sentences; high end: 30% more, plus 7 jail sentences per 100 arrests of about six months."));
    /// Expected months of prison per aggravated assault reported to police.
    PrisonAssault = param("crime.prison_months.assault", "Months of prison per reported aggravated assault", Crime,
        Months, None, (1.73, 0.68, 2.5), Gamma,
        cited!(Derived, &["fbi2019", "bjs2004", "bjs_timeserved2016"], "Share cleared 52.3% x 11 prison sentences per 100 arrests x mean 30 months served: 1.73. Range as for robbery (median 17 months; jail)."));
    /// Expected months of prison per arrest for drug selling.
    PrisonDrugSale = param("crime.prison_months.drug_sale", "Months of prison per arrest for drug selling", Crime,
        Months, None, (7.3, 3.3, 10.7), Gamma,
        cited!(Derived, &["bjs2004", "bjs_timeserved2016"], "28 prison sentences per 100 adult arrests for drug trafficking (BJS 2004) x mean 26 months served (BJS 2016): 7.3. Range as for robbery (median 17 months; 21 jail sentences per 100 arrests)."));

    // ---------------------------------------------------------------- health
    /// Non-fatal overdoses per person-year of street use.
    OverdoseStreet = param("health.overdose.street", "Non-fatal overdoses per person-year of street use", Health,
        PerPersonYear, None, (0.103, 0.047, 0.22), Gamma,
        cited!(Published, &["fairley2021"], "0.103 overdoses a year out of treatment (0.047-0.221), the input of a published US model (Fairley et al. 2021, Table 1, from Western Australian hospital and death records). A Massachusetts model used 6.76 a month per 1,000 (0.081 a year)."));
    /// Overdoses in treatment relative to street use.
    OverdoseRrTreatment = param("health.overdose.rr_treatment", "Overdoses in methadone or injectable treatment, relative to street use", Health,
        RelativeRisk, None, (0.205, 0.10, 0.60), LogNormal,
        cited!(Derived, &["sordo2017", "oviedojoekes2009", "oviedojoekes2016"], "Overdose mortality 2.6 in vs 12.7 per 1,000 person-years out of methadone treatment: 0.205. Applied to fatal and non-fatal overdoses, in injectable treatment too (overdoses in supervised clinics happen, NAOMI 10 patients, SALOME 11 needing naloxone, but are treated on site) and in abstinence (assumption). The high end allows for more non-fatal overdoses than deaths being prevented."));
    /// Overdoses in buprenorphine treatment relative to street use.
    OverdoseRrBuprenorphine = param("health.overdose.rr_buprenorphine", "Overdoses in buprenorphine treatment, relative to street use", Health,
        RelativeRisk, None, (0.30, 0.15, 0.60), LogNormal,
        cited!(Derived, &["sordo2017"], "Overdose mortality 1.4 in vs 4.6 per 1,000 person-years out of buprenorphine treatment: 0.30. Applied to fatal and non-fatal overdoses."));
    /// Overdoses during abstinence relative to street use.
    OverdoseRrAbstinent = param("health.overdose.rr_abstinent", "Overdoses during abstinence, relative to street use", Health,
        RelativeRisk, None, (0.05, 0.01, 0.5), LogNormal,
        assumed!("Someone who is not using cannot overdose; the risk comes with relapse, when tolerance is lost (deaths 8-9 times the in-treatment rate in the first four weeks after leaving treatment, Cornish et al. 2010), and the model counts relapse as street use. A small residue for lapses; the high end allows for abstinence that is less complete than the state assumes.", &["cornish2010", "strang2003"]));
    /// Hospital cost of a non-fatal overdose.
    OverdoseCost = param("health.overdose.cost", "Health-care cost of a non-fatal overdose", Health,
        Money(Per::Event), basis(Economy::US, 2020), (21_686.0, 10_000.0, 30_000.0), Gamma,
        cited!(Observational, &["va_overdose"], "Mean total costs in the 30 days after an opioid overdose, US$21,686 (2020 USD, Table 2)."));
    /// Other emergency and hospital care per person-year of street use.
    HealthCareStreet = param("health.care.street", "Other health care per person-year of street use", Health,
        Money(Per::PatientYear), basis(Economy::US, 2004), (18_694.0, 7_163.0, 31_055.0), Gamma,
        cited!(Observational, &["mccarty2010"], "Health-plan members with opioid dependence and no addiction treatment cost US$18,694 a year (2004 USD, Kaiser Permanente claims; McCarty et al. 2010). It includes some overdose and infection care that the model also counts, so it may count some care twice: the low end is the cost of members in methadone treatment (US$7,163); high end: no addiction treatment in two integrated systems, 2007-08 (US$31,055, Lynch et al. 2014, taken at the same price year)."));
    /// Other care in injectable treatment relative to street use.
    HealthCareRrInjectable = param("health.care.rr_injectable", "Other care in injectable treatment, relative to street use", Health,
        RelativeRisk, None, (0.231, 0.15, 0.60), LogNormal,
        cited!(Observational, &["frei1998"], "Swiss acute-illness treatment costs fell from CHF 22.27 to CHF 5.15 per patient-day: 5.15 / 22.27 = 0.231."));
    /// Other care in methadone relative to street use.
    HealthCareRrMethadone = param("health.care.rr_methadone", "Other care in methadone, relative to street use", Health,
        RelativeRisk, None, (0.383, 0.30, 0.76), LogNormal,
        cited!(Observational, &["mccarty2010"], "Members in methadone treatment cost US$7,163 a year against US$18,694 without treatment: 0.383 (the methadone figure includes the methadone programme, so care alone is lower). High end: members with outpatient addiction treatment but no methadone, 14,157 / 18,694 = 0.76."));
    /// Share of the cohort living with HIV at entry.
    HivPrevalence = param("health.hiv.prevalence", "HIV: share already infected at entry", Health,
        Share, None, (0.07, 0.04, 0.16), Beta,
        cited!(Published, &["nhbs2018"], "7% of people who inject drugs in 23 US metropolitan areas were living with HIV in 2018 (CDC National HIV Behavioral Surveillance, weighted). Low end: white participants (4%); high end: a 2008 global review's mid-estimate for US injectors (16%, Mathers et al.)."));
    /// Share of the cohort ever infected with hepatitis C at entry.
    HcvPrevalence = param("health.hcv.prevalence", "Hepatitis C: share ever infected at entry", Health,
        Share, None, (0.552, 0.42, 0.70), Beta,
        cited!(Published, &["abara2019"], "55.2% of 4,094 people who inject drugs in 8 US cities had hepatitis C antibodies in 2015 (National HIV Behavioral Surveillance; Abara et al. 2019): 42.1% at 35 or younger, 62.2% older. The high end allows for long-term injectors like those offered injectable treatment."));
    /// New HIV infections per 100 uninfected person-years of street use.
    HivIncidence = param("health.hiv.incidence_street", "New HIV infections per 100 uninfected person-years of street use", Health,
        Per100PersonYears, None, (0.5, 0.1, 2.06), Gamma,
        cited!(Observational, &["alive_croi"], "Baltimore's ALIVE cohort of people who inject drugs: 0.5 per 100 person-years in 1999-2001, 0.1 in 2017-2019, 2.06 over 1988-2004 (4.1 in 1988-92). The default is the middle period; the range covers falling incidence and the outbreaks of the fentanyl era."));
    /// New hepatitis C infections per 100 uninfected person-years of street use.
    HcvIncidence = param("health.hcv.incidence_street", "New hepatitis C infections per 100 uninfected person-years of street use", Health,
        Per100PersonYears, None, (15.0, 4.0, 30.0), Gamma,
        cited!(Observational, &["iom2010", "alive_croi", "tsui2014"], "\"Most of the estimates of HCV incidence rates in IDUs in the United States have been between 15 and 30 per 100 person years at risk\" (Institute of Medicine 2010); young San Francisco injectors 25.1 (Tsui et al. 2014). Low end: Baltimore's older ALIVE cohort, 4.0 in 2017-2019."));
    /// Infections in treatment relative to street use.
    InfectionRrTreatment = param("health.infection.rr_treatment", "New infections in treatment, relative to street use", Health,
        RelativeRisk, None, (0.50, 0.32, 0.67), LogNormal,
        cited!(Observational, &["platt2017", "macarthur2012"], "Current opioid substitution treatment halves hepatitis C acquisition (risk ratio 0.50, 0.40-0.63; Cochrane review, Platt et al. 2017) and cuts HIV infection by 54% (0.46, 0.32-0.67; MacArthur et al. 2012); both pool observational studies of methadone. Applied to every treatment, injectable included (no trial measured infections)."));
    /// Infections during abstinence relative to street use.
    InfectionRrAbstinent = param("health.infection.rr_abstinent", "New infections during abstinence, relative to street use", Health,
        RelativeRisk, None, (0.05, 0.01, 0.5), LogNormal,
        assumed!("Someone not injecting is not exposed through injection; sexual transmission of HIV remains. No incidence among abstinent former injectors was found (a New York survey found similar HIV and lower hepatitis C prevalence among former injectors, Des Jarlais et al. 2014). The range runs to half the street rate, for abstinence that includes lapses.", &["desjarlais2014"]));
    /// Cost of HIV care per person-year lived with an infection acquired after entry.
    HivCostYear = param("health.hiv.cost_year", "HIV: cost of care per infected person-year", Health,
        Money(Per::PatientYear), basis(Economy::US, 2012), (38_394.0, 22_248.0, 54_540.0), Gamma,
        cited!(Derived, &["schackman2015"], "Monthly costs for people with HIV of US$1,854-4,545 (2012 USD, Schackman et al. 2015), x 12: 22,248-54,540 a year; the default is the midpoint. Costs accrue for every person-year lived with an infection acquired after entry, within the horizon (Schackman's discounted lifetime cost of an infection at 35 is US$326,500)."));
    /// Cost of hepatitis C care per person-year lived with an infection acquired after entry.
    HcvCostYear = param("health.hcv.cost_year", "Hepatitis C: cost of care per infected person-year", Health,
        Money(Per::PatientYear), basis(Economy::US, 2007), (15_510.0, 6_864.0, 25_000.0), Gamma,
        cited!(Observational, &["davis2011"], "Adjusted all-cause costs of US$20,961 a year per patient with hepatitis C against US$5,451 for matched controls (managed-care claims 2002-2006, Davis et al. 2011): an excess of 15,510 (price year taken as 2007). Low end: costs coded to the disease, US$6,864; high end: about US$25,000 a year saved by cure (Hepatology Communications 2017). A cure with direct-acting antivirals (about US$24,000 list per course since 2019) would end these costs; the model does not follow treatment for hepatitis C."));
    /// Utility of a year in injectable treatment.
    UtilityInjectable = param("health.utility.injectable", "Quality of life in injectable treatment", Health,
        Utility, None, (0.75, 0.70, 0.80), Beta,
        cited!(Derived, &["bansback2018"], "SALOME's six-month QALYs, 0.375 with diacetylmorphine and 0.377 with hydromorphone (Bansback et al. 2018), over half a year: 0.75."));
    /// Utility of a year in methadone treatment.
    UtilityMethadone = param("health.utility.methadone", "Quality of life in methadone treatment", Health,
        Utility, None, (0.692, 0.62, 0.766), Beta,
        cited!(Derived, &["bansback2018", "dijkgraaf2005", "wittenberg2016"], "Injectable treatment's 0.75 less the 0.058 QALY a patient-year it gained over methadone in the Dutch trials (Dijkgraaf et al. 2005): 0.692. High end: stabilised buprenorphine (0.766, Wittenberg et al. 2016); low end the Dutch difference's upper confidence limit (0.099) and more."));
    /// Utility of a year in buprenorphine treatment.
    UtilityBuprenorphine = param("health.utility.buprenorphine", "Quality of life in buprenorphine treatment", Health,
        Utility, None, (0.766, 0.70, 0.85), Beta,
        cited!(Observational, &["wittenberg2016"], "0.766 for a person stabilised on buprenorphine, valued by a sample of the US population (against 0.574 for active injection)."));
    /// Utility of a year of street use.
    UtilityStreet = param("health.utility.street", "Quality of life during street use", Health,
        Utility, None, (0.574, 0.538, 0.611), Beta,
        cited!(Observational, &["wittenberg2016"], "0.574 (95% CI 0.538-0.611) for active injection opioid misuse, valued by time trade-off by 2,054 members of the US public (Wittenberg et al. 2016)."));
    /// Utility of a year of abstinence.
    UtilityAbstinent = param("health.utility.abstinent", "Quality of life during abstinence", Health,
        Utility, None, (0.80, 0.70, 0.85), Beta,
        assumed!("No utility of stable abstinence was found. Above stabilised buprenorphine (0.766, Wittenberg et al.) and below the general population (0.848 in a Norwegian EQ-5D sample); the low end is treatment's level.", &["wittenberg2016"]));

    // ---------------------------------------------------------------- economics
    /// Earnings and unpaid work gained per person-year in treatment or abstinence.
    ProductivityGain = param("econ.productivity_gain", "Productivity gained per person-year in treatment or abstinence", Economics,
        Money(Per::PatientYear), US24, (2_000.0, 0.0, 10_000.0), Gamma,
        assumed!("In the Swiss analysis housing and work made up the few percent of benefits that were neither crime nor health; no US figure was found.", &["uchtenhagen2006"]));
    /// Value of a statistical life.
    Vsl = param("econ.vsl", "Value of a statistical life", Economics,
        Money(Per::Life), basis(Economy::US, 2015), (9_400_000.0, 4_400_000.0, 14_300_000.0), Gamma,
        cited!(Published, &["robinson2016"], "HHS central value US$9.4 million (range 4.4-14.3 million), 2015 USD."));
    /// Willingness to pay per QALY.
    WtpPerQaly = param("econ.wtp_per_qaly", "Willingness to pay per QALY", Economics,
        Money(Per::Qaly), US24, (100_000.0, 50_000.0, 150_000.0), Fixed,
        cited!(Published, &["icer2019"], "Midpoint of ICER's US$50,000-150,000 per QALY range; the thresholds are nominal, applied here at 2024 prices."));
    /// Annual discount rate for costs.
    DiscountCosts = param("econ.discount_costs", "Discount rate for costs", Economics,
        PerYear, None, (0.03, 0.0, 0.06), Fixed,
        cited!(Published, &["sanders2016"], "US Second Panel: 3% a year for costs and health effects."));
    /// Annual discount rate for QALYs.
    DiscountQalys = param("econ.discount_qalys", "Discount rate for QALYs", Economics,
        PerYear, None, (0.03, 0.0, 0.06), Fixed,
        cited!(Published, &["sanders2016"], "US Second Panel: 3% a year."));

    // ---------------------------------------------------------------- programme
    /// Model horizon.
    HorizonYears = param("cohort.horizon_years", "Horizon", Programme,
        Years, None, (10.0, 1.0, 60.0), Fixed,
        assumed!("Ten years shows the first-year costs of entry against the later savings; a horizon reaching age 100 is a lifetime.", &["nosyk2012"]));
    /// Treatment places in the programme.
    Slots = param("programme.slots", "Treatment places in the programme", Programme,
        Count, None, (100.0, 10.0, 1_000.0), Fixed,
        assumed!("A mid-sized city programme; Vancouver's Crosstown clinic had about 125 active clients.", &[]));
    /// Years the programme runs.
    ProgrammeYears = param("programme.years", "Years the programme runs", Programme,
        Years, None, (5.0, 1.0, 20.0), Fixed,
        assumed!("A typical budget-planning period.", &[]));
    /// One-off start-up cost per treatment place.
    StartupPerSlot = param("programme.startup_per_slot", "Start-up cost per treatment place", Programme,
        Money(Per::Slot), US24, (5_000.0, 0.0, 20_000.0), Gamma,
        assumed!("Fitting out a clinic (injection booths, pharmacy safe, security) and hiring; no figure was found.", &[]));
    /// Months over which a new programme fills its places (the budget by year).
    RampupMonths = param("programme.rampup_months", "Months to fill the places at the start", Programme,
        Months, None, (12.0, 0.0, 36.0), Fixed,
        assumed!("No figure was found for how fast a new clinic of supervised injectable treatment fills its places; a year of linear filling is a planning assumption (staff hired, patients assessed and inducted in stages). 0 is a programme that opens full, for instance by taking over patients already treated elsewhere; 36 months is a slow start. Only the budget by year uses it.", &[]));
}

/// The parameter with this id, if any.
pub fn find(id: &str) -> Option<P> {
    P::ALL.iter().copied().find(|p| p.def().id == id)
}
