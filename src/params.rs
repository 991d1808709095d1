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

/// Where a default comes from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum Origin {
    /// Read from, or derived arithmetically from, published sources.
    Cited {
        /// Source ids (see [`crate::sources`]).
        sources: &'static [&'static str],
        /// What was read and any arithmetic or conversion, with the range's basis.
        how: &'static str,
    },
    /// No published figure: an explicit assumption.
    Assumption {
        /// Why this value and range.
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

    /// What was read and how it was derived, or why the assumption was made.
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

const fn cited(sources: &'static [&'static str], how: &'static str) -> Origin {
    Origin::Cited { sources, how }
}

const fn assumed(reasoning: &'static str, informed_by: &'static [&'static str]) -> Origin {
    Origin::Assumption {
        reasoning,
        informed_by,
    }
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
use Group::*;
use Unit::*;

registry! {
    // ---------------------------------------------------------------- treatment totals
    /// Supervised injectable diacetylmorphine, total cost per patient-year in treatment.
    DamCostYear = param("dam.cost_year", "Heroin-assisted treatment: cost per patient-year", Treatment,
        Money(Per::PatientYear), basis(Economy::DE, 2009), (19_020.0, 15_000.0, 30_000.0), Gamma,
        cited(&["emcdda2011"], "German heroin-assisted treatment cost per patient per year, 2009 prices (EMCDDA 2011 box p79). The Dutch figure, EUR 20,410, lies inside the range; the high end allows for higher US clinic staffing (assumption)."));
    /// Supervised injectable hydromorphone, total cost per patient-year in treatment.
    HdmCostYear = param("hdm.cost_year", "Injectable hydromorphone: cost per patient-year", Treatment,
        Money(Per::PatientYear), basis(Economy::DE, 2009), (19_020.0, 13_000.0, 30_000.0), Gamma,
        assumed("Assumed equal to heroin-assisted treatment: the clinic model (supervised injection two to three times a day) is the same and EMCDDA attributes most of the cost to staffing. No per-patient-year cost of hydromorphone treatment was found; SALOME's within-trial total cost was higher for hydromorphone (CAD 49,830 vs 34,320 over six months).", &["emcdda2011", "bansback2018"]));
    /// Oral methadone maintenance, total cost per patient-year in treatment.
    MmtCostYear = param("mmt.cost_year", "Oral methadone: cost per patient-year", Treatment,
        Money(Per::PatientYear), basis(Economy::US, 2016), (6_552.0, 4_000.0, 10_000.0), Gamma,
        cited(&["nida2018"], "US$126 a week including medication and integrated psychosocial and medical services with daily visits, = US$6,552 a year. The price year is not stated; taken as 2016, the year of the estimate (assumption)."));

    // ---------------------------------------------------------------- treatment parts
    /// Oral buprenorphine, total cost per patient-year in treatment.
    BupCostYear = param("bup.cost_year", "Oral buprenorphine: cost per patient-year", Treatment,
        Money(Per::PatientYear), basis(Economy::US, 2016), (5_980.0, 3_000.0, 10_000.0), Gamma,
        cited(&["nida2018"], "US$115 a week in a certified opioid treatment programme, including medication and services, = US$5,980 a year. Price year taken as 2016, as for methadone (assumption). Office-based prescribing can cost less and the low end allows for it; there are no parts for buprenorphine, so it is always entered as a total."));
    /// Diacetylmorphine price per milligram.
    DamDrugPerMg = param("dam.drug_cost_per_mg", "Heroin (diacetylmorphine): medication cost per mg", Treatment,
        Money(Per::Milligram), US24, (0.05, 0.01, 0.50), Gamma,
        assumed("No published US price for pharmaceutical diacetylmorphine was found; it would have to be imported. The range spans an order of magnitude either way.", &["kilmer2018"]));
    /// Daily diacetylmorphine dose.
    DamDoseMg = param("dam.dose_mg_day", "Heroin (diacetylmorphine): dose", Treatment,
        MgPerDay, None, (400.0, 200.0, 900.0), Triangular,
        cited(&["emcdda2011", "strang2010", "perneger1998"], "About 200 mg per injection (EMCDDA) at two injections a day (RIOTT) = 400 mg/day; the Swiss trial's median was 480 mg/day; RIOTT allowed up to 900 mg/day."));
    /// Hydromorphone price per milligram.
    HdmDrugPerMg = param("hdm.drug_cost_per_mg", "Hydromorphone: medication cost per mg", Treatment,
        Money(Per::Milligram), US24, (0.10, 0.02, 1.00), Gamma,
        assumed("No published price for high-potency injectable hydromorphone was found in the sources read; hydromorphone is a licensed Schedule II medicine in the US, made domestically.", &["kilmer2018"]));
    /// Daily hydromorphone dose.
    HdmDoseMg = param("hdm.dose_mg_day", "Hydromorphone: dose", Treatment,
        MgPerDay, None, (180.0, 80.0, 400.0), Triangular,
        assumed("Hydromorphone is roughly two to three times as potent as diacetylmorphine by weight; the default is the heroin dose divided by 2.2. SALOME's doses were not in the sources read.", &["oviedojoekes2016"]));
    /// Supervised visits per day for injectable treatment.
    InjVisitsPerDay = param("inj.visits_per_day", "Injectable treatment: supervised visits per day", Treatment,
        VisitsPerDay, None, (2.5, 1.0, 3.0), Triangular,
        cited(&["kilmer2018", "strang2010"], "Patients attend two to three times a day (RAND RR-2693); RIOTT gave two doses a day."));
    /// Staff and clinic cost of one supervised injection visit.
    InjCostPerVisit = param("inj.cost_per_visit", "Injectable treatment: cost per supervised visit", Treatment,
        Money(Per::Visit), US24, (25.0, 10.0, 60.0), Gamma,
        assumed("Calibrated so that the parts add up to the EMCDDA German total converted to US$ 2024 (about US$37,000), with staffing for supervision taking most of it, as EMCDDA reports.", &["emcdda2011"]));
    /// Psychosocial and medical care per patient-year in injectable treatment.
    InjCareYear = param("inj.care_year", "Injectable treatment: psychosocial and medical care", Treatment,
        Money(Per::PatientYear), US24, (4_000.0, 1_000.0, 10_000.0), Gamma,
        assumed("Psychosocial care was given in both arms of the trials; no separate US cost was found.", &["dijkgraaf2005"]));
    /// Programme fixed costs per slot-year (premises, security, pharmacy).
    InjFixedYear = param("inj.fixed_year", "Injectable treatment: fixed costs per slot-year", Treatment,
        Money(Per::PatientYear), US24, (3_000.0, 1_000.0, 10_000.0), Gamma,
        assumed("Premises, security and pharmacy for a clinic open several sessions a day, every day; no itemised figure was found.", &["emcdda2011"]));
    /// Methadone price per milligram.
    MmtDrugPerMg = param("mmt.drug_cost_per_mg", "Methadone: medication cost per mg", Treatment,
        Money(Per::Milligram), basis(Economy::US, 2016), (0.027, 0.005, 0.08), Gamma,
        cited(&["nida2018", "emcdda2011"], "Medication is about 12% of the cost of oral methadone treatment (von der Schulenburg and Claes, via EMCDDA): 12% x US$6,552 / (80 mg x 365 days) = US$0.027 per mg."));
    /// Daily methadone dose.
    MmtDoseMg = param("mmt.dose_mg_day", "Methadone: dose", Treatment,
        MgPerDay, None, (80.0, 40.0, 150.0), Triangular,
        cited(&["strang2010", "dijkgraaf2005"], "RIOTT's optimised oral methadone was at least 80 mg/day; the Dutch trials allowed up to 150 mg/day."));
    /// Clinic visits per day for methadone.
    MmtVisitsPerDay = param("mmt.visits_per_day", "Methadone: clinic visits per day", Treatment,
        VisitsPerDay, None, (1.0, 0.3, 1.0), Triangular,
        cited(&["nida2018"], "Daily visits (NIDA); the low end allows take-home doses."));
    /// Staff cost of one methadone dispensing visit.
    MmtCostPerVisit = param("mmt.cost_per_visit", "Methadone: cost per clinic visit", Treatment,
        Money(Per::Visit), basis(Economy::US, 2016), (9.0, 4.0, 20.0), Gamma,
        assumed("Calibrated so that the parts add up to NIDA's US$6,552 a year: 6,552 - 786 (medication) - 2,000 (care) - 500 (fixed) = 3,266, over 365 visits.", &["nida2018"]));
    /// Psychosocial and medical care per patient-year in methadone.
    MmtCareYear = param("mmt.care_year", "Methadone: psychosocial and medical care", Treatment,
        Money(Per::PatientYear), basis(Economy::US, 2016), (2_000.0, 500.0, 5_000.0), Gamma,
        assumed("NIDA's figure includes integrated psychosocial and medical services but does not itemise them.", &["nida2018"]));
    /// Methadone programme fixed costs per slot-year.
    MmtFixedYear = param("mmt.fixed_year", "Methadone: fixed costs per slot-year", Treatment,
        Money(Per::PatientYear), basis(Economy::US, 2016), (500.0, 100.0, 2_000.0), Gamma,
        assumed("Premises and administration of an existing methadone clinic; no itemised figure was found.", &["nida2018"]));

    // ---------------------------------------------------------------- retention
    /// Share still in heroin-assisted treatment 12 months after starting.
    DamRetention12m = param("dam.retention_12m", "Heroin-assisted treatment: retained at 12 months", Retention,
        Probability, None, (0.672, 0.55, 0.88), Beta,
        cited(&["haasen2007", "oviedojoekes2009"], "German trial: 67.2% retained at 12 months (NAOMI: 67% on the assigned drug). High end: NAOMI's 87.8% retained in any addiction treatment."));
    /// Share still in hydromorphone treatment 12 months after starting.
    HdmRetention12m = param("hdm.retention_12m", "Injectable hydromorphone: retained at 12 months", Retention,
        Probability, None, (0.672, 0.50, 0.88), Beta,
        assumed("SALOME found hydromorphone non-inferior to diacetylmorphine; no 12-month retention figure was read, so the heroin figure is used.", &["oviedojoekes2016", "haasen2007"]));
    /// Share still in oral methadone 12 months after starting.
    MmtRetention12m = param("mmt.retention_12m", "Oral methadone: retained at 12 months", Retention,
        Probability, None, (0.40, 0.30, 0.60), Beta,
        cited(&["haasen2007", "oviedojoekes2009"], "German trial: 40.0% (NAOMI: 41% on the assigned drug, 54.1% in any treatment)."));
    /// Share still in oral buprenorphine 12 months after starting.
    BupRetention12m = param("bup.retention_12m", "Oral buprenorphine: retained at 12 months", Retention,
        Probability, None, (0.332, 0.25, 0.50), Beta,
        cited(&["mattick2014", "hser2014", "haasen2007"], "Flexible-dose buprenorphine retains fewer people than methadone: Cochrane retention RR 0.83, times methadone's 40.0% = 33.2%. Low end: the US START trial's 24-week ratio 46% / 74% = 0.62, times 40% = 25%. High end: half retained."));
    /// Weibull shape of time in injectable treatment.
    InjRetentionShape = param("inj.retention_shape", "Injectable treatment: retention curve shape", Retention,
        Shape, None, (0.761, 0.60, 1.00), Fixed,
        cited(&["nosyk2012"], "Weibull shape of the DAM episode in NAOMI (Table 1). A shape below 1 means leaving is likeliest early; 1 is a constant rate. Structural: held fixed in Monte Carlo (its uncertainty is in the 12-month retention drawn there) and varied in one-way sensitivity."));
    /// Weibull shape of time in methadone treatment.
    MmtRetentionShape = param("mmt.retention_shape", "Methadone: retention curve shape", Retention,
        Shape, None, (0.643, 0.50, 1.00), Fixed,
        cited(&["nosyk2012"], "Weibull shape of the MMT episode (Table 1, British Columbia methadone data). Structural: held fixed in Monte Carlo, varied in one-way sensitivity."));
    /// Share of those leaving injectable treatment who move to methadone.
    InjExitToMethadone = param("inj.exit_to_methadone", "Leaving injectable treatment: share moving to methadone", Retention,
        Share, None, (0.407, 0.20, 0.60), Beta,
        cited(&["nosyk2012"], "On leaving DAM: 40.7% to methadone, 22.4% to abstinence, 37.0% to relapse (Table 1)."));
    /// Share of those leaving injectable treatment who become abstinent.
    InjExitToAbstinence = param("inj.exit_to_abstinence", "Leaving injectable treatment: share becoming abstinent", Retention,
        Share, None, (0.224, 0.05, 0.35), Beta,
        cited(&["nosyk2012"], "On leaving DAM: 22.4% to abstinence (Table 1)."));
    /// Share of those leaving methadone who become abstinent.
    MmtExitToAbstinence = param("mmt.exit_to_abstinence", "Leaving methadone: share becoming abstinent", Retention,
        Share, None, (0.041, 0.0, 0.15), Beta,
        cited(&["nosyk2012"], "On leaving MMT: 4.1% to abstinence, 95.9% to relapse (Table 1)."));
    /// Probability of leaving street use (relapse) within a year.
    StreetExit12m = param("street.exit_12m", "Street use: chance of entering treatment or abstinence within a year", Retention,
        Probability, None, (0.383, 0.10, 0.60), Beta,
        cited(&["nosyk2012"], "Derived from the relapse-episode Weibull (lambda 0.091, shape 0.672, months; Table 1): 1 - exp(-0.091 x 12^0.672) = 0.383, the chance of leaving within a year for someone who does not die."));
    /// Share of those leaving street use who become abstinent rather than enter methadone.
    StreetExitToAbstinence = param("street.exit_to_abstinence", "Leaving street use: share becoming abstinent (rest enter methadone)", Retention,
        Share, None, (0.10, 0.0, 0.30), Beta,
        assumed("Nosyk's model sends people leaving relapse back to treatment or abstinence but the split was not in the sources read; most re-entries are assumed to be to methadone, the treatment most available.", &["nosyk2012"]));
    /// Probability an abstinent person relapses within a year.
    AbstinentRelapse12m = param("abstinent.relapse_12m", "Abstinence: chance of relapse within a year", Retention,
        Probability, None, (0.475, 0.20, 0.70), Beta,
        cited(&["nosyk2012"], "Derived from the abstinence-episode Weibull (lambda 0.089, shape 0.797, months; Table 1): 1 - exp(-0.089 x 12^0.797) = 0.475, the chance of relapse within a year for someone who does not die."));
    /// Weibull shape of time in street use.
    StreetExitShape = param("street.exit_shape", "Street use: shape of the time to leaving", Retention,
        Shape, None, (0.672, 0.55, 0.85), Fixed,
        cited(&["nosyk2012"], "Weibull shape of the relapse episode (Table 1, British Columbia methadone data). Below 1: the longer someone has been out of treatment, the less likely they are to leave in any given month."));
    /// Weibull shape of time in abstinence.
    AbstinentRelapseShape = param("abstinent.relapse_shape", "Abstinence: shape of the time to relapse", Retention,
        Shape, None, (0.797, 0.60, 1.00), Fixed,
        cited(&["nosyk2012"], "Weibull shape of the abstinence episode (Table 1, from Termorshuizen et al.)."));
    /// Share of treatment re-entries that return to the arm's own treatment.
    ReentryOwnShare = param("reentry.own_share", "Re-entering treatment: share returning to the arm's own treatment (the rest start methadone)", Retention,
        Share, None, (0.5, 0.0, 1.0), Beta,
        assumed("In an arm that offers injectable treatment (or buprenorphine), people who come back to treatment from street use may return to it or start methadone. Nosyk's model sends every re-entry to 'the treatment state'; a city programme with limited places may send many to methadone. Half is the middle of a range that is as wide as the question is open.", &["nosyk2012"]));
    /// Hazard of leaving a second treatment episode, relative to the first.
    EpisodeTreatment2 = param("episode.treatment_hr_2", "Second treatment episode: hazard of leaving, relative to the first", Retention,
        RelativeRisk, None, (0.923, 0.857, 0.989), LogNormal,
        cited(&["nosyk2012"], "Multiplier for episode 4 of a cohort that starts in its third episode (Table 1: 0.923, SD 0.033, from proportional-hazards frailty models of British Columbia methadone episodes); read as a hazard ratio on the episode's Weibull. Range: mean plus or minus two SD."));
    /// Hazard of leaving a third treatment episode, relative to the first.
    EpisodeTreatment3 = param("episode.treatment_hr_3", "Third treatment episode: hazard of leaving, relative to the first", Retention,
        RelativeRisk, None, (0.965, 0.881, 1.049), LogNormal,
        cited(&["nosyk2012"], "Multiplier for episode 5 (Table 1: 0.965, SD 0.042). Range: plus or minus two SD."));
    /// Hazard of leaving a fourth or later treatment episode, relative to the first.
    EpisodeTreatment4 = param("episode.treatment_hr_4", "Fourth and later treatment episodes: hazard of leaving, relative to the first", Retention,
        RelativeRisk, None, (0.952, 0.870, 1.034), LogNormal,
        cited(&["nosyk2012"], "Multiplier for episode 6 (Table 1: 0.952, SD 0.041), held for every later episode. Range: plus or minus two SD."));
    /// Hazard of leaving the street after a second treatment episode, relative to the first.
    EpisodeStreet2 = param("episode.street_hr_2", "Street use after a second treatment episode: hazard of leaving, relative to the first", Retention,
        RelativeRisk, None, (1.220, 1.124, 1.316), LogNormal,
        cited(&["nosyk2012"], "Relapse-episode multiplier for episode 4 (Table 1: 1.220, SD 0.048): later spells out of treatment are shorter. Range: plus or minus two SD."));
    /// Hazard of leaving the street after a third treatment episode, relative to the first.
    EpisodeStreet3 = param("episode.street_hr_3", "Street use after a third treatment episode: hazard of leaving, relative to the first", Retention,
        RelativeRisk, None, (1.350, 1.230, 1.470), LogNormal,
        cited(&["nosyk2012"], "Relapse-episode multiplier for episode 5 (Table 1: 1.350, SD 0.060). Range: plus or minus two SD."));
    /// Hazard of leaving the street after a fourth or later treatment episode, relative to the first.
    EpisodeStreet4 = param("episode.street_hr_4", "Street use after a fourth or later treatment episode: hazard of leaving, relative to the first", Retention,
        RelativeRisk, None, (1.442, 1.330, 1.554), LogNormal,
        cited(&["nosyk2012"], "Relapse-episode multiplier for episode 6 (Table 1: 1.442, SD 0.056), held for every later episode. Range: plus or minus two SD."));

    // ---------------------------------------------------------------- mortality
    /// Deaths from causes other than overdose during street use, relative to the general population.
    MortSmrStreet = param("mort.smr.street", "Deaths other than overdose during street use, relative to the general population", Mortality,
        RelativeRisk, None, (8.9, 4.0, 20.0), LogNormal,
        cited(&["sordo2017", "nchs2023"], "Sordo et al.: all-cause mortality 36.1 and overdose mortality 12.7 per 1,000 person-years out of methadone treatment, so 23.4 per 1,000 from other causes. Divided by the general-population death rate of the default cohort (US 2023 life table at age 40, 36.5% women: 2.63 per 1,000) = 8.9. The cohorts in the meta-analysis were younger and mostly outside the US, so the ratio is uncertain; the range spans half to more than twice it."));
    /// Deaths from causes other than overdose in methadone treatment, relative to the general population.
    MortSmrMethadone = param("mort.smr.methadone", "Deaths other than overdose in methadone treatment, relative to the general population", Mortality,
        RelativeRisk, None, (3.3, 1.5, 8.0), LogNormal,
        cited(&["sordo2017", "nchs2023"], "Sordo et al.: all-cause 11.3 and overdose 2.6 per 1,000 person-years in methadone treatment, so 8.7 from other causes; divided by 2.63 per 1,000 (US 2023 life table at 40, 36.5% women) = 3.3."));
    /// Deaths from causes other than overdose in injectable treatment, relative to the general population.
    MortSmrInjectable = param("mort.smr.injectable", "Deaths other than overdose in injectable treatment, relative to the general population", Mortality,
        RelativeRisk, None, (3.3, 1.5, 8.0), LogNormal,
        assumed("Taken equal to methadone treatment: the trials found no significant difference in mortality (Cochrane RR 0.65, 0.25-1.69), and Nosyk's state ratios (heroin 9.70 against methadone 0.350 x 30.063 = 10.52) differ by less than 10%. Overdoses are counted apart and reduced by treatment.", &["ferri2011", "nosyk2012"]));
    /// Deaths from causes other than overdose in buprenorphine treatment, relative to the general population.
    MortSmrBuprenorphine = param("mort.smr.buprenorphine", "Deaths other than overdose in buprenorphine treatment, relative to the general population", Mortality,
        RelativeRisk, None, (1.1, 0.5, 4.0), LogNormal,
        cited(&["sordo2017", "nchs2023"], "Sordo et al.: all-cause 4.3 and overdose 1.4 per 1,000 person-years in buprenorphine treatment, so 2.9 from other causes; divided by 2.63 per 1,000 (US 2023 life table at 40, 36.5% women) = 1.1. Buprenorphine cohorts were healthier than methadone cohorts, so the range reaches up to methadone's level and beyond."));
    /// Deaths from causes other than overdose during abstinence, relative to the general population.
    MortSmrAbstinent = param("mort.smr.abstinent", "Deaths other than overdose during abstinence, relative to the general population", Mortality,
        RelativeRisk, None, (2.0, 1.0, 7.0), LogNormal,
        assumed("Former injectors keep some excess mortality (liver disease, HIV): Nosyk uses the life table for HIV-negative abstinent people and 1.47 for HIV-positive ones; a Copenhagen cohort of stably abstinent former injectors had about seven times general-population mortality from all causes. No figure for causes other than overdose was found; 2 sits between, and the range spans both.", &["nosyk2012"]));
    /// Fatal overdoses per 100 person-years of street use.
    MortOverdoseStreet = param("mort.overdose.street", "Fatal overdoses per 100 person-years of street use", Mortality,
        Per100PersonYears, None, (1.27, 0.5, 4.0), Gamma,
        cited(&["sordo2017"], "Overdose mortality 12.7 per 1,000 person-years out of methadone treatment (meta-analysis of cohorts, mostly before fentanyl). The high end allows for the fentanyl-era US drug supply (assumption: US overdose deaths have roughly tripled since most of those cohorts were followed)."));
    /// Age at entry.
    StartAge = param("cohort.start_age", "Age at entry", Mortality,
        Age, None, (40.0, 25.0, 60.0), Fixed,
        cited(&["oviedojoekes2009", "hser2014", "oviedojoekes2016"], "Mean age at entry 39.7 in NAOMI, 37.8 in the US START trial, 44.3 in SALOME; 40 in round figures. Background mortality comes from the life table of the scenario's economy at this age and each later one."));
    /// Share of women in the cohort at entry.
    FemaleShare = param("cohort.female_share", "Share of women at entry", Mortality,
        Share, None, (0.365, 0.25, 0.45), Fixed,
        cited(&["teds2017", "oviedojoekes2009", "hser2014"], "36.5% of US treatment admissions for heroin were women (TEDS 2017); NAOMI 38.5%, START 32.3%. The life tables for men and women are mixed by this share, weighted by each sex's survival from the start age."));

    // ---------------------------------------------------------------- crime: offending
    /// Property offences (theft, burglary) per person-year of street use.
    CrimePropertyRate = param("crime.property.rate", "Property offences per person-year of street use", Crime,
        PerPersonYear, None, (12.0, 4.0, 40.0), Gamma,
        assumed("No US count for this population was found. SALOME participants reported about 14 days of illegal activity a month at entry and Swiss participants drew about 70% of income from illegal sources; 12 thefts a year is a conservative reading of that, and puts the crime cost of a year in methadone (victims, police, courts, prison) near the US-dollar equivalent of Nosyk's year-one methadone-arm crime cost (Can$78,750).", &["oviedojoekes2016", "prove_cohort"]));
    /// Robberies per person-year of street use.
    CrimeRobberyRate = param("crime.robbery.rate", "Robberies per person-year of street use", Crime,
        PerPersonYear, None, (0.5, 0.1, 3.0), Gamma,
        assumed("Violent acquisitive crime is much rarer than theft in treatment-seeking samples; no count was found.", &["prove_cohort"]));
    /// Aggravated assaults per person-year of street use.
    CrimeAssaultRate = param("crime.assault.rate", "Assaults per person-year of street use", Crime,
        PerPersonYear, None, (0.3, 0.05, 2.0), Gamma,
        assumed("No count was found; set below the robbery rate.", &[]));
    /// Drug sales per person-year of street use.
    CrimeDrugSaleRate = param("crime.drug_sale.rate", "Drug sales per person-year of street use", Crime,
        PerPersonYear, None, (50.0, 10.0, 200.0), Gamma,
        assumed("Small-scale selling to fund use is common; no count was found. Drug sales have no direct victim cost, so this rate drives only police and court costs.", &[]));
    /// Offending in methadone relative to street use.
    CrimeRrMethadone = param("crime.rr.methadone", "Offending in methadone, relative to street use", Crime,
        RelativeRisk, None, (0.70, 0.40, 1.00), LogNormal,
        assumed("In the German trial the share of one-year stayers with a police-registered offence fell from 58% to 55% with methadone and from 55% to 39% with heroin; methadone cuts offending, but less than injectable treatment.", &["haasen2007"]));
    /// Offending in injectable treatment relative to street use.
    CrimeRrInjectable = param("crime.rr.injectable", "Offending in injectable treatment, relative to street use", Crime,
        RelativeRisk, None, (0.40, 0.20, 0.70), LogNormal,
        cited(&["prove_cohort", "oviedojoekes2016"], "Swiss cohort: offenders and offences fell by about 60% in the first six months (ratio 0.40). SALOME: illegal-activity days fell from about 14 to under 4 a month (ratio below 0.3) in both arms."));
    /// Offending in buprenorphine treatment relative to street use.
    CrimeRrBuprenorphine = param("crime.rr.buprenorphine", "Offending in buprenorphine treatment, relative to street use", Crime,
        RelativeRisk, None, (0.70, 0.40, 1.00), LogNormal,
        assumed("Taken equal to methadone: the Norwegian national cohort found convictions fell from 1.57 to 0.63 a year in opioid maintenance with methadone and buprenorphine pooled (ratio 0.40), and no figure by medication was read.", &["bukten2012", "haasen2007"]));
    /// Offending during abstinence relative to street use.
    CrimeRrAbstinent = param("crime.rr.abstinent", "Offending during abstinence, relative to street use", Crime,
        RelativeRisk, None, (0.20, 0.05, 0.50), LogNormal,
        assumed("Without a habit to fund, acquisitive offending largely stops; no measured figure was found.", &[]));

    // ---------------------------------------------------------------- crime: per-year totals
    /// Criminal-justice cost of a person-year of street use, when crime is entered per year.
    CrimeYearJustice = param("crime.year.justice", "Criminal-justice cost per person-year of street use (per-year input)", Crime,
        Money(Per::PatientYear), US24, (36_600.0, 10_000.0, 80_000.0), Gamma,
        assumed("For evaluations that report crime costs per person-year rather than offences. The default is what the offence-by-offence defaults give for a year of street use (police, courts and prison), so the two ways of entering crime agree at their defaults.", &["mccollister2010", "hunt2018", "hunt2017", "vera2017"]));
    /// Victims' cost of a person-year of street use, when crime is entered per year.
    CrimeYearVictims = param("crime.year.victims", "Victims' cost per person-year of street use (per-year input)", Crime,
        Money(Per::PatientYear), US24, (97_500.0, 20_000.0, 200_000.0), Gamma,
        assumed("As for the justice cost: the offence-by-offence defaults' victim cost for a year of street use.", &["mccollister2010"]));
    /// Intangible share of victims' cost, when crime is entered per year.
    CrimeYearIntangible = param("crime.year.intangible_share", "Intangible share of victims' cost (per-year input)", Crime,
        Share, None, (0.45, 0.10, 0.80), Beta,
        assumed("The offence-by-offence defaults' mix: mostly tangible for theft, mostly intangible for robbery and assault.", &["mccollister2010"]));

    // ---------------------------------------------------------------- crime: prices
    /// Total social cost of a property offence.
    CrimePropertyCost = param("crime.property.cost", "Property offence: total social cost", Crime,
        Money(Per::Offence), basis(Economy::US, 2008), (3_532.0, 1_500.0, 6_462.0), Gamma,
        cited(&["mccollister2010"], "Larceny/theft US$3,532 (Table 5, 2008 USD); high end: household burglary US$6,462."));
    /// Total social cost of a robbery.
    CrimeRobberyCost = param("crime.robbery.cost", "Robbery: total social cost", Crime,
        Money(Per::Offence), basis(Economy::US, 2008), (42_310.0, 20_000.0, 60_000.0), Gamma,
        cited(&["mccollister2010"], "Robbery US$42,310 (Table 5, 2008 USD); it includes a premium for the risk of the victim's death, so murders are not counted separately."));
    /// Total social cost of an aggravated assault.
    CrimeAssaultCost = param("crime.assault.cost", "Assault: total social cost", Crime,
        Money(Per::Offence), basis(Economy::US, 2008), (107_020.0, 50_000.0, 150_000.0), Gamma,
        cited(&["mccollister2010"], "Aggravated assault US$107,020 (Table 5, 2008 USD); like robbery it includes the risk of death."));
    /// Share of the McCollister total that falls on victims.
    CrimeVictimShare = param("crime.victim_share", "Share of an offence's total cost borne by victims", Crime,
        Share, None, (0.70, 0.50, 0.90), Beta,
        assumed("McCollister's totals include criminal-justice and crime-career costs, which this model prices separately (police, courts, prison) or leaves out; only the victims' share is kept to avoid counting justice costs twice. The component columns were not in the sources read.", &["mccollister2010"]));
    /// Intangible share of a property victim's cost.
    CrimePropertyIntangible = param("crime.property.intangible_share", "Property offence: intangible share of victim cost", Crime,
        Share, None, (0.10, 0.0, 0.30), Beta,
        assumed("Theft costs victims mostly money and goods; fear and pain are a small part.", &["mccollister2010"]));
    /// Intangible share of a robbery victim's cost.
    CrimeRobberyIntangible = param("crime.robbery.intangible_share", "Robbery: intangible share of victim cost", Crime,
        Share, None, (0.60, 0.40, 0.85), Beta,
        assumed("For violent offences pain, suffering and risk of death dominate McCollister's victim costs.", &["mccollister2010"]));
    /// Intangible share of an assault victim's cost.
    CrimeAssaultIntangible = param("crime.assault.intangible_share", "Assault: intangible share of victim cost", Crime,
        Share, None, (0.80, 0.60, 0.95), Beta,
        assumed("As for robbery, with more injury and risk of death.", &["mccollister2010"]));
    /// Police cost per police-reported violent crime.
    PoliceViolent = param("crime.police.violent", "Police cost per reported violent crime", Crime,
        Money(Per::Offence), basis(Economy::US, 2016), (10_900.0, 6_900.0, 15_400.0), Gamma,
        cited(&["hunt2018"], "US$10,900 per police-reported Part 1 violent crime (10th-90th percentile 6,900-15,400). The price year is not stated; taken as 2016 (assumption)."));
    /// Police cost per police-reported property crime.
    PoliceProperty = param("crime.police.property", "Police cost per reported property crime", Crime,
        Money(Per::Offence), basis(Economy::US, 2016), (1_300.0, 700.0, 1_700.0), Gamma,
        cited(&["hunt2018"], "US$1,300 per police-reported Part 1 property crime (700-1,700). Price year taken as 2016 (assumption). Also used per detected drug sale (assumption)."));
    /// Judicial and legal cost per reported property crime.
    CourtsProperty = param("crime.courts.property", "Court cost per reported property crime", Crime,
        Money(Per::Offence), basis(Economy::US, 2010), (450.0, 300.0, 600.0), Gamma,
        cited(&["hunt2017"], "Larceny US$300-600 per reported crime (2010 USD); midpoint. Also used per detected drug sale (assumption)."));
    /// Judicial and legal cost per reported robbery.
    CourtsRobbery = param("crime.courts.robbery", "Court cost per reported robbery", Crime,
        Money(Per::Offence), basis(Economy::US, 2010), (950.0, 600.0, 1_300.0), Gamma,
        cited(&["hunt2017"], "Robbery US$600-1,300 per reported crime (2010 USD); midpoint."));
    /// Judicial and legal cost per reported assault.
    CourtsAssault = param("crime.courts.assault", "Court cost per reported assault", Crime,
        Money(Per::Offence), basis(Economy::US, 2010), (1_450.0, 800.0, 2_100.0), Gamma,
        cited(&["hunt2017"], "Aggravated assault US$800-2,100 per reported crime (2010 USD); midpoint."));
    /// Share of property offences reported to police.
    ReportProperty = param("crime.report.property", "Share of property offences reported to police", Crime,
        Share, None, (0.30, 0.15, 0.50), Beta,
        assumed("Victim surveys find that most thefts are not reported; no figure was in the sources read.", &[]));
    /// Share of violent offences reported to police.
    ReportViolent = param("crime.report.violent", "Share of violent offences reported to police", Crime,
        Share, None, (0.50, 0.30, 0.70), Beta,
        assumed("Violent crime is reported more often than theft, about half the time; no figure was in the sources read.", &[]));
    /// Share of drug sales that lead to police action.
    DetectDrugSale = param("crime.detect.drug_sale", "Share of drug sales that lead to police action", Crime,
        Share, None, (0.02, 0.005, 0.10), Beta,
        assumed("Street sales are rarely detected; no figure was in the sources read.", &[]));
    /// Cost of one inmate-year.
    PrisonCostYear = param("crime.prison.cost_year", "Cost of a year in prison", Crime,
        Money(Per::InmateYear), basis(Economy::US, 2015), (33_274.0, 14_780.0, 69_355.0), Gamma,
        cited(&["vera2017"], "Average US$33,274 per inmate-year in FY2015 across 45 states; range Alabama US$14,780 to New York US$69,355."));
    /// Expected months of incarceration per property offence committed.
    PrisonProperty = param("crime.prison.property", "Months of prison per property offence committed", Crime,
        Months, None, (0.10, 0.02, 0.50), Gamma,
        assumed("Most thefts go unsolved and most convictions get short sentences; no figure was in the sources read.", &[]));
    /// Expected months of incarceration per robbery committed.
    PrisonRobbery = param("crime.prison.robbery", "Months of prison per robbery committed", Crime,
        Months, None, (2.0, 0.5, 6.0), Gamma,
        assumed("Robbery draws long sentences but a minority of robberies are cleared; no figure was in the sources read.", &[]));
    /// Expected months of incarceration per assault committed.
    PrisonAssault = param("crime.prison.assault", "Months of prison per assault committed", Crime,
        Months, None, (2.0, 0.5, 6.0), Gamma,
        assumed("As for robbery; no figure was in the sources read.", &[]));
    /// Expected months of incarceration per drug sale.
    PrisonDrugSale = param("crime.prison.drug_sale", "Months of prison per drug sale", Crime,
        Months, None, (0.05, 0.0, 0.30), Gamma,
        assumed("Few sales are detected; a detected sale may bring a sentence of months. No figure was in the sources read.", &[]));

    // ---------------------------------------------------------------- health
    /// Non-fatal overdoses per person-year of street use.
    OverdoseStreet = param("health.overdose.street", "Non-fatal overdoses per person-year of street use", Health,
        PerPersonYear, None, (0.15, 0.05, 0.50), Gamma,
        assumed("No US rate for this population was in the sources read.", &[]));
    /// Overdoses in treatment relative to street use.
    OverdoseRrTreatment = param("health.overdose.rr_treatment", "Overdoses in methadone or injectable treatment and in abstinence, relative to street use", Health,
        RelativeRisk, None, (0.205, 0.10, 0.60), LogNormal,
        cited(&["sordo2017", "oviedojoekes2009", "oviedojoekes2016"], "Overdose mortality 2.6 in vs 12.7 per 1,000 person-years out of methadone treatment: 0.205. Applied to fatal and non-fatal overdoses, in injectable treatment too (overdoses in supervised clinics happen, NAOMI 10 patients, SALOME 11 needing naloxone, but are treated on site) and in abstinence (assumption). The high end allows for more non-fatal overdoses than deaths being prevented."));
    /// Overdoses in buprenorphine treatment relative to street use.
    OverdoseRrBuprenorphine = param("health.overdose.rr_buprenorphine", "Overdoses in buprenorphine treatment, relative to street use", Health,
        RelativeRisk, None, (0.30, 0.15, 0.60), LogNormal,
        cited(&["sordo2017"], "Overdose mortality 1.4 in vs 4.6 per 1,000 person-years out of buprenorphine treatment: 0.30. Applied to fatal and non-fatal overdoses."));
    /// Hospital cost of a non-fatal overdose.
    OverdoseCost = param("health.overdose.cost", "Health-care cost of a non-fatal overdose", Health,
        Money(Per::Event), basis(Economy::US, 2020), (21_686.0, 10_000.0, 30_000.0), Gamma,
        cited(&["va_overdose"], "Mean total costs in the 30 days after an opioid overdose, US$21,686 (2020 USD, Table 2)."));
    /// Other emergency and hospital care per person-year of street use.
    HealthCareStreet = param("health.care.street", "Other emergency and hospital care per person-year of street use", Health,
        Money(Per::PatientYear), US24, (8_000.0, 2_000.0, 20_000.0), Gamma,
        assumed("No US figure for this population was in the sources read. In the Swiss trials, acute care cost CHF 22.27 a patient-day (about CHF 8,100 a year) before treatment.", &["frei1998"]));
    /// Other care in injectable treatment relative to street use.
    HealthCareRrInjectable = param("health.care.rr_injectable", "Other care in injectable treatment, relative to street use", Health,
        RelativeRisk, None, (0.231, 0.15, 0.60), LogNormal,
        cited(&["frei1998"], "Swiss acute-illness treatment costs fell from CHF 22.27 to CHF 5.15 per patient-day: 5.15 / 22.27 = 0.231."));
    /// Other care in methadone relative to street use.
    HealthCareRrMethadone = param("health.care.rr_methadone", "Other care in methadone, relative to street use", Health,
        RelativeRisk, None, (0.50, 0.30, 0.90), LogNormal,
        assumed("Between street use and injectable treatment; Nosyk's methadone arm had higher health costs than the DAM arm.", &["nosyk2012"]));
    /// New HIV infections per 100 person-years of street use.
    HivStreet = param("health.hiv.street", "New HIV infections per 100 person-years of street use", Health,
        Per100PersonYears, None, (0.5, 0.1, 2.0), Gamma,
        assumed("No incidence for this population was in the sources read.", &[]));
    /// New hepatitis C infections per 100 person-years of street use.
    HcvStreet = param("health.hcv.street", "New hepatitis C infections per 100 person-years of street use", Health,
        Per100PersonYears, None, (10.0, 3.0, 25.0), Gamma,
        assumed("No incidence for this population was in the sources read; hepatitis C spreads far more readily than HIV among people who inject.", &[]));
    /// Infections in treatment relative to street use.
    InfectionRrTreatment = param("health.infection.rr_treatment", "Infections in treatment, relative to street use", Health,
        RelativeRisk, None, (0.50, 0.20, 0.90), LogNormal,
        assumed("Treatment reduces street injecting; supervised clinics use sterile equipment. No pooled figure was in the sources read.", &[]));
    /// Lifetime cost of an HIV infection.
    HivCost = param("health.hiv.cost", "Lifetime medical cost of an HIV infection", Health,
        Money(Per::Event), basis(Economy::US, 2012), (229_800.0, 150_000.0, 326_500.0), Gamma,
        cited(&["schackman2015"], "Discounted lifetime cost saved per infection averted US$229,800 (2012 USD); high end: the US$326,500 lifetime cost of infection at 35."));
    /// Lifetime cost of a hepatitis C infection.
    HcvCost = param("health.hcv.cost", "Lifetime medical cost of a hepatitis C infection", Health,
        Money(Per::Event), basis(Economy::US, 2011), (64_490.0, 30_000.0, 100_000.0), Gamma,
        cited(&["razavi2013"], "US$64,490 per infected person (before direct-acting antivirals; price year about 2011)."));
    /// Utility of a year in injectable treatment.
    UtilityInjectable = param("health.utility.injectable", "Quality of life in injectable treatment", Health,
        Utility, None, (0.80, 0.70, 0.90), Beta,
        assumed("EQ-5D-based utilities per state were not in the sources read. Set so that a year in injectable rather than methadone treatment gains about 0.02-0.06 QALY, as in Dijkgraaf (+0.058) and Nosyk (+0.01 in year one).", &["dijkgraaf2005", "nosyk2012"]));
    /// Utility of a year in methadone treatment.
    UtilityMethadone = param("health.utility.methadone", "Quality of life in methadone treatment", Health,
        Utility, None, (0.76, 0.65, 0.88), Beta,
        assumed("See injectable treatment.", &["dijkgraaf2005", "nosyk2012"]));
    /// Utility of a year in buprenorphine treatment.
    UtilityBuprenorphine = param("health.utility.buprenorphine", "Quality of life in buprenorphine treatment", Health,
        Utility, None, (0.766, 0.70, 0.85), Beta,
        cited(&["wittenberg2016"], "0.766 for a person stabilised on buprenorphine, valued by a sample of the US population (against 0.574 for active injection)."));
    /// Utility of a year of street use.
    UtilityStreet = param("health.utility.street", "Quality of life during street use", Health,
        Utility, None, (0.68, 0.55, 0.80), Beta,
        assumed("Below treatment states; no state utility was in the sources read.", &["nosyk2012"]));
    /// Utility of a year of abstinence.
    UtilityAbstinent = param("health.utility.abstinent", "Quality of life during abstinence", Health,
        Utility, None, (0.85, 0.75, 0.92), Beta,
        assumed("Highest of the states; no state utility was in the sources read.", &["nosyk2012"]));

    // ---------------------------------------------------------------- economics
    /// Earnings and unpaid work gained per person-year in treatment or abstinence.
    ProductivityGain = param("econ.productivity_gain", "Productivity gained per person-year in treatment or abstinence", Economics,
        Money(Per::PatientYear), US24, (2_000.0, 0.0, 10_000.0), Gamma,
        assumed("In the Swiss analysis housing and work made up the few percent of benefits that were neither crime nor health; no US figure was found.", &["uchtenhagen2006"]));
    /// Value of a statistical life.
    Vsl = param("econ.vsl", "Value of a statistical life", Economics,
        Money(Per::Life), basis(Economy::US, 2015), (9_400_000.0, 4_400_000.0, 14_300_000.0), Gamma,
        cited(&["robinson2016"], "HHS central value US$9.4 million (range 4.4-14.3 million), 2015 USD."));
    /// Willingness to pay per QALY.
    WtpPerQaly = param("econ.wtp_per_qaly", "Willingness to pay per QALY", Economics,
        Money(Per::Qaly), US24, (100_000.0, 50_000.0, 150_000.0), Fixed,
        cited(&["icer2019"], "Midpoint of ICER's US$50,000-150,000 per QALY range; the thresholds are nominal, applied here at 2024 prices."));
    /// Annual discount rate for costs.
    DiscountCosts = param("econ.discount_costs", "Discount rate for costs", Economics,
        PerYear, None, (0.03, 0.0, 0.06), Fixed,
        cited(&["sanders2016"], "US Second Panel: 3% a year for costs and health effects."));
    /// Annual discount rate for QALYs.
    DiscountQalys = param("econ.discount_qalys", "Discount rate for QALYs", Economics,
        PerYear, None, (0.03, 0.0, 0.06), Fixed,
        cited(&["sanders2016"], "US Second Panel: 3% a year."));

    // ---------------------------------------------------------------- programme
    /// Model horizon.
    HorizonYears = param("cohort.horizon_years", "Horizon", Programme,
        Years, None, (10.0, 1.0, 60.0), Fixed,
        assumed("Ten years shows the first-year costs of entry against the later savings; a horizon reaching age 100 is a lifetime.", &["nosyk2012"]));
    /// Treatment places in the programme.
    Slots = param("programme.slots", "Treatment places in the programme", Programme,
        Count, None, (100.0, 10.0, 1_000.0), Fixed,
        assumed("A mid-sized city programme; Vancouver's Crosstown clinic had about 125 active clients.", &[]));
    /// Years the programme runs.
    ProgrammeYears = param("programme.years", "Years the programme runs", Programme,
        Years, None, (5.0, 1.0, 20.0), Fixed,
        assumed("A typical budget-planning period.", &[]));
    /// One-off start-up cost per treatment place.
    StartupPerSlot = param("programme.startup_per_slot", "Start-up cost per treatment place", Programme,
        Money(Per::Slot), US24, (5_000.0, 0.0, 20_000.0), Gamma,
        assumed("Fitting out a clinic (injection booths, pharmacy safe, security) and hiring; no figure was found.", &[]));
}

/// The parameter with this id, if any.
pub fn find(id: &str) -> Option<P> {
    P::ALL.iter().copied().find(|p| p.def().id == id)
}
