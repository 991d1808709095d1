//! The arms, described once as data: what each treatment costs, how long people stay, where
//! leavers go, and how each changes offending, care, overdoses, deaths and quality of life.
//!
//! The cohort engine ([`crate::model`]), [`crate::model::relevant`], the page's inputs and the
//! widget read these descriptions; adding an arm means a variant and a row here plus its
//! parameters in [`crate::params`] (and their sources). No arithmetic lives here.

use crate::params::P;
use serde::{Deserialize, Serialize};

/// A treatment arm.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Arm {
    /// Supervised injectable diacetylmorphine (heroin-assisted treatment).
    Heroin,
    /// Supervised injectable hydromorphone.
    Hydromorphone,
    /// Oral methadone maintenance.
    Methadone,
    /// Oral (sublingual) buprenorphine maintenance.
    Buprenorphine,
    /// No treatment: everyone starts in street use.
    NoTreatment,
}

/// How a treatment-year's cost is built when costs are entered as parts.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CostParts {
    /// Medication price per milligram.
    pub drug_per_mg: P,
    /// Daily dose in milligrams.
    pub dose_mg_day: P,
    /// Clinic visits per day.
    pub visits_per_day: P,
    /// Cost of one visit.
    pub cost_per_visit: P,
    /// Psychosocial and medical care per patient-year.
    pub care_year: P,
    /// Fixed programme costs per slot-year.
    pub fixed_year: P,
}

/// One treatment: its cost, its episode durations and its effects, as parameters.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Treatment {
    /// Total cost per patient-year in treatment.
    pub cost_total: P,
    /// The parts of that cost, when the treatment can be costed from parts; `None` means the
    /// total is used under either cost input.
    pub cost_parts: Option<CostParts>,
    /// Share retained at 12 months (a death counts as not retained).
    pub retention_12m: P,
    /// Weibull shape of the time in an episode.
    pub retention_shape: P,
    /// Share of leavers who move straight to methadone (`None`: nobody does).
    pub exit_to_methadone: Option<P>,
    /// Share of leavers who become abstinent; the rest return to street use.
    pub exit_to_abstinence: P,
    /// Offending relative to street use.
    pub crime_rr: P,
    /// Other hospital and emergency care relative to street use.
    pub care_rr: P,
    /// Overdoses (fatal and not) relative to street use.
    pub overdose_rr: P,
    /// Deaths from other causes relative to the general population.
    pub smr: P,
    /// Utility of a year in treatment.
    pub utility: P,
}

/// Everything the model knows about one arm.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ArmSpec {
    /// The arm.
    pub arm: Arm,
    /// Id used in URLs and the CLI.
    pub id: &'static str,
    /// Name shown to users.
    pub label: &'static str,
    /// Supervised injectable treatment (shown with the injectable inputs, and compared with
    /// methadone by default).
    pub injectable: bool,
    /// The treatment the cohort starts in; `None`: the cohort starts in street use.
    pub treatment: Option<Treatment>,
    /// Offered on the page as the treatment evaluated.
    pub as_intervention: bool,
    /// Offered on the page as the comparator.
    pub as_comparator: bool,
    /// The inputs the embedded widget shows for this arm, besides methadone's cost, crime in
    /// treatment and the horizon.
    pub key_inputs: [P; 2],
}

/// Parts of a supervised injectable treatment: its own drug and dose, the shared clinic.
const fn injectable_parts(drug_per_mg: P, dose_mg_day: P) -> CostParts {
    CostParts {
        drug_per_mg,
        dose_mg_day,
        visits_per_day: P::InjVisitsPerDay,
        cost_per_visit: P::InjCostPerVisit,
        care_year: P::InjCareYear,
        fixed_year: P::InjFixedYear,
    }
}

/// Oral methadone: the arm compared against by default, and the treatment anyone re-entering
/// treatment outside their arm's own starts.
const METHADONE: Treatment = Treatment {
    cost_total: P::MmtCostYear,
    cost_parts: Some(CostParts {
        drug_per_mg: P::MmtDrugPerMg,
        dose_mg_day: P::MmtDoseMg,
        visits_per_day: P::MmtVisitsPerDay,
        cost_per_visit: P::MmtCostPerVisit,
        care_year: P::MmtCareYear,
        fixed_year: P::MmtFixedYear,
    }),
    retention_12m: P::MmtRetention12m,
    retention_shape: P::MmtRetentionShape,
    exit_to_methadone: None,
    exit_to_abstinence: P::MmtExitToAbstinence,
    crime_rr: P::CrimeRrMethadone,
    care_rr: P::HealthCareRrMethadone,
    overdose_rr: P::OverdoseRrTreatment,
    smr: P::MortSmrMethadone,
    utility: P::UtilityMethadone,
};

const fn injectable(cost_total: P, parts: CostParts, retention_12m: P) -> Treatment {
    Treatment {
        cost_total,
        cost_parts: Some(parts),
        retention_12m,
        retention_shape: P::InjRetentionShape,
        exit_to_methadone: Some(P::InjExitToMethadone),
        exit_to_abstinence: P::InjExitToAbstinence,
        crime_rr: P::CrimeRrInjectable,
        care_rr: P::HealthCareRrInjectable,
        overdose_rr: P::OverdoseRrTreatment,
        smr: P::MortSmrInjectable,
        utility: P::UtilityInjectable,
    }
}

/// Every arm, in the order of [`Arm::ALL`].
pub static ARMS: [ArmSpec; 5] = [
    ArmSpec {
        arm: Arm::Heroin,
        id: "heroin",
        label: "Heroin-assisted treatment",
        injectable: true,
        treatment: Some(injectable(
            P::DamCostYear,
            injectable_parts(P::DamDrugPerMg, P::DamDoseMg),
            P::DamRetention12m,
        )),
        as_intervention: true,
        as_comparator: true,
        key_inputs: [P::DamCostYear, P::DamRetention12m],
    },
    ArmSpec {
        arm: Arm::Hydromorphone,
        id: "hydromorphone",
        label: "Injectable hydromorphone",
        injectable: true,
        treatment: Some(injectable(
            P::HdmCostYear,
            injectable_parts(P::HdmDrugPerMg, P::HdmDoseMg),
            P::HdmRetention12m,
        )),
        as_intervention: true,
        as_comparator: true,
        key_inputs: [P::HdmCostYear, P::HdmRetention12m],
    },
    ArmSpec {
        arm: Arm::Methadone,
        id: "methadone",
        label: "Oral methadone",
        injectable: false,
        treatment: Some(METHADONE),
        as_intervention: true,
        as_comparator: true,
        key_inputs: [P::MmtCostYear, P::MmtRetention12m],
    },
    ArmSpec {
        arm: Arm::Buprenorphine,
        id: "buprenorphine",
        label: "Oral buprenorphine",
        injectable: false,
        treatment: Some(Treatment {
            cost_total: P::BupCostYear,
            cost_parts: None,
            retention_12m: P::BupRetention12m,
            retention_shape: P::MmtRetentionShape,
            exit_to_methadone: None,
            exit_to_abstinence: P::MmtExitToAbstinence,
            crime_rr: P::CrimeRrBuprenorphine,
            care_rr: P::HealthCareRrMethadone,
            overdose_rr: P::OverdoseRrBuprenorphine,
            smr: P::MortSmrBuprenorphine,
            utility: P::UtilityBuprenorphine,
        }),
        as_intervention: true,
        as_comparator: true,
        key_inputs: [P::BupCostYear, P::BupRetention12m],
    },
    ArmSpec {
        arm: Arm::NoTreatment,
        id: "none",
        label: "No treatment",
        injectable: false,
        treatment: None,
        as_intervention: false,
        as_comparator: true,
        key_inputs: [P::MmtCostYear, P::StreetExit12m],
    },
];

impl Arm {
    /// Every arm.
    pub const ALL: [Arm; 5] = [
        Arm::Heroin,
        Arm::Hydromorphone,
        Arm::Methadone,
        Arm::Buprenorphine,
        Arm::NoTreatment,
    ];

    /// This arm's description.
    pub fn spec(self) -> &'static ArmSpec {
        &ARMS[self as usize]
    }

    /// Name shown to users.
    pub fn label(self) -> &'static str {
        self.spec().label
    }

    /// Id used in URLs and the CLI.
    pub fn id(self) -> &'static str {
        self.spec().id
    }

    /// Parse an id written by [`Arm::id`].
    pub fn from_id(id: &str) -> Option<Arm> {
        Arm::ALL.into_iter().find(|a| a.id() == id)
    }

    /// Whether the arm is supervised injectable treatment.
    pub fn is_injectable(self) -> bool {
        self.spec().injectable
    }

    /// The treatment the arm's cohort starts in, if any.
    pub fn treatment(self) -> Option<&'static Treatment> {
        self.spec().treatment.as_ref()
    }
}

/// Oral methadone's treatment: where re-entries outside an arm's own treatment go.
pub fn methadone() -> &'static Treatment {
    &METHADONE
}
