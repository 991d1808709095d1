//! Unit costs: what a patient-year of each treatment costs, and what one person-year in each
//! living state costs and yields (crime, prison time, health care, overdoses, productivity,
//! quality of life), and the infection rates of the uninfected. Per-year rates only; the
//! cohort engine multiplies them by person-time and follows who is still uninfected.

use super::outcome::{Category, ABST, ALIVE, MMT, NCAT, OWN, STREET};
use crate::arms::{self, Treatment};
use crate::params::P;
use crate::scenario::{Arm, CostInput, CrimeInput, Scenario};

/// What one person-year in each living state costs and yields.
pub(crate) struct StateProfile {
    /// Annual cost per category (infections apart: see [`Infections`]).
    pub costs: [[f64; NCAT]; ALIVE],
    /// Annual utility.
    pub utility: [f64; ALIVE],
    /// Offences per person-year; `None` when crime is entered per year.
    pub offences: Option<[f64; ALIVE]>,
    /// Non-fatal overdoses per person-year.
    pub overdoses: [f64; ALIVE],
    /// HIV and hepatitis C.
    pub infections: Infections,
}

/// The two infections the model follows, HIV (index 0) and hepatitis C (index 1): who is
/// infected at entry, how fast the uninfected are infected in each state, what care costs.
pub(crate) struct Infections {
    /// Share infected at entry.
    pub prevalence: [f64; 2],
    /// Monthly probability that an uninfected person in each living state is infected.
    pub monthly: [[f64; ALIVE]; 2],
    /// Cost of care per person-year lived with an infection acquired after entry.
    pub cost_year: [f64; 2],
}

/// Annual cost of a patient-year in the arm's treatment (0 for no treatment).
///
/// # Formula
///
/// Total input, or a treatment without parts: the published cost per patient-year. Parts
/// input: `price_per_mg x dose_mg_per_day x 365 + visits_per_day x 365 x cost_per_visit + care
/// + fixed`.
pub fn treatment_cost_per_year(s: &Scenario, arm: Arm) -> f64 {
    arm.treatment().map_or(0.0, |t| cost_of(s, t))
}

/// Annual cost of a patient-year in treatment `t`.
pub(crate) fn cost_of(s: &Scenario, t: &Treatment) -> f64 {
    match (t.cost_parts, s.settings.cost_input) {
        (Some(p), CostInput::Parts) => {
            s.get(p.drug_per_mg) * s.get(p.dose_mg_day) * 365.0
                + s.get(p.visits_per_day) * 365.0 * s.get(p.cost_per_visit)
                + s.get(p.care_year)
                + s.get(p.fixed_year)
        }
        _ => s.get(t.cost_total),
    }
}

/// Crime costs of one person-year at offending level `rr` (1 = street use), by category;
/// returns the offences committed (`None` when crime is entered per year) and the share of
/// the person-year spent in the community rather than in prison or jail.
///
/// # Formula
///
/// For each offence type o with street rate r_o, the offences of a year in the community
/// `n_o = r_o x rr`, the share reported (detected, for drug sales) `k_o` and the months of
/// prison per reported offence `m_o`: prison-years per community-year `p = sum n_o k_o m_o / 12`,
/// community share `c = 1 / (1 + p)`. Per person-year: offences `c n_o`; victims' tangible and
/// intangible costs `c n_o x` the type's prices (none for drug sales); police and courts
/// `c n_o k_o x` cost per reported offence; prison `c p x` cost per inmate-year.
///
/// Per-year input: justice = `crime.year.justice` x rr; victims = `crime.year.victims` x rr,
/// split by `crime.year.intangible_share`; offences not counted, community share 1.
pub(crate) fn crime_costs(s: &Scenario, rr: f64, out: &mut [f64; NCAT]) -> (Option<f64>, f64) {
    if s.settings.crime_input == CrimeInput::PerYear {
        out[Category::JusticeTotal as usize] += s.get(P::CrimeYearJustice) * rr;
        let victims = s.get(P::CrimeYearVictims) * rr;
        out[Category::VictimIntangible as usize] += victims * s.get(P::CrimeYearIntangible);
        out[Category::VictimTangible as usize] += victims * (1.0 - s.get(P::CrimeYearIntangible));
        return (None, 1.0);
    }
    let community = 1.0 / (1.0 + prison_years_per_community_year(s, rr));
    let mut count = 0.0;
    for o in &OFFENCES {
        let n = o.rate.street(s) * rr * community;
        count += n;
        if let Some((tangible, intangible)) = o.victims {
            out[Category::VictimTangible as usize] += n * s.get(tangible);
            out[Category::VictimIntangible as usize] += n * s.get(intangible);
        }
        out[Category::Police as usize] += n * s.get(o.report) * s.get(o.police);
        out[Category::Courts as usize] += n * s.get(o.report) * s.get(o.courts);
    }
    out[Category::Prison as usize] += (1.0 - community) * s.get(P::PrisonCostYear);
    (Some(count), community)
}

/// Prison-years that a year in the community at offending level `rr` leads to:
/// `sum_o r_o x rr x k_o x m_o / 12`.
fn prison_years_per_community_year(s: &Scenario, rr: f64) -> f64 {
    OFFENCES
        .iter()
        .map(|o| o.rate.street(s) * rr * s.get(o.report) * s.get(o.prison_months) / 12.0)
        .sum()
}

/// One offence type and the inputs that price it.
struct Offence {
    /// Offences per person-year of street use.
    rate: Rate,
    /// Victims' tangible and intangible cost per offence; none for drug sales.
    victims: Option<(P, P)>,
    /// Share reported to police (detected, for drug sales).
    report: P,
    /// Police cost per reported offence.
    police: P,
    /// Court cost per reported offence.
    courts: P,
    /// Months of prison or jail per reported offence.
    prison_months: P,
}

/// Where an offence type's street rate comes from.
enum Rate {
    /// Its own input.
    Own(P),
    /// `crime.violent.rate x crime.violent.robbery_share`.
    Robbery,
    /// `crime.violent.rate x (1 - crime.violent.robbery_share)`.
    Assault,
}

impl Rate {
    fn street(&self, s: &Scenario) -> f64 {
        let violent = || s.get(P::CrimeViolentRate);
        match self {
            Rate::Own(p) => s.get(*p),
            Rate::Robbery => violent() * s.get(P::CrimeRobberyShare),
            Rate::Assault => violent() * (1.0 - s.get(P::CrimeRobberyShare)),
        }
    }
}

const OFFENCES: [Offence; 4] = [
    Offence {
        rate: Rate::Own(P::CrimePropertyRate),
        victims: Some((
            P::CrimePropertyVictimTangible,
            P::CrimePropertyVictimIntangible,
        )),
        report: P::ReportProperty,
        police: P::PoliceProperty,
        courts: P::CourtsProperty,
        prison_months: P::PrisonProperty,
    },
    Offence {
        rate: Rate::Robbery,
        victims: Some((
            P::CrimeRobberyVictimTangible,
            P::CrimeRobberyVictimIntangible,
        )),
        report: P::ReportViolent,
        police: P::PoliceViolent,
        courts: P::CourtsRobbery,
        prison_months: P::PrisonRobbery,
    },
    Offence {
        rate: Rate::Assault,
        victims: Some((
            P::CrimeAssaultVictimTangible,
            P::CrimeAssaultVictimIntangible,
        )),
        report: P::ReportViolent,
        police: P::PoliceViolent,
        courts: P::CourtsAssault,
        prison_months: P::PrisonAssault,
    },
    Offence {
        rate: Rate::Own(P::CrimeDrugSaleRate),
        victims: None,
        report: P::DetectDrugSale,
        police: P::PoliceProperty,
        courts: P::CourtsProperty,
        prison_months: P::PrisonDrugSale,
    },
];

/// Per-state rates for one arm: row `OWN` takes the arm's treatment (street use for no
/// treatment), `MMT` methadone, then street use and abstinence.
pub(crate) fn profile(s: &Scenario, arm: Arm) -> StateProfile {
    let mmt = arms::methadone();
    let own = arm.treatment();
    // Per living state: offending, other care and overdose multipliers relative to street use.
    let rr = |f: fn(&Treatment) -> P, street: f64| -> [f64; ALIVE] {
        let mut r = [0.0; ALIVE];
        r[OWN] = own.map_or(street, |t| s.get(f(t)));
        r[MMT] = s.get(f(mmt));
        r[STREET] = street;
        r
    };
    let mut crime_rr = rr(|t| t.crime_rr, 1.0);
    crime_rr[ABST] = s.get(P::CrimeRrAbstinent);
    let mut care_rr = rr(|t| t.care_rr, 1.0);
    // Abstinence is assumed to need no more care than methadone treatment.
    care_rr[ABST] = s.get(mmt.care_rr);
    let od_rr = overdose_rr(s, arm);
    let treat = [
        own.map_or(0.0, |t| cost_of(s, t)),
        cost_of(s, mmt),
        0.0,
        0.0,
    ];
    let utility = [
        s.get(own.map_or(P::UtilityStreet, |t| t.utility)),
        s.get(mmt.utility),
        s.get(P::UtilityStreet),
        s.get(P::UtilityAbstinent),
    ];
    let gain = [if own.is_some() { 1.0 } else { 0.0 }, 1.0, 0.0, 1.0];

    let mut costs = [[0.0; NCAT]; ALIVE];
    let mut offences = Some([0.0; ALIVE]);
    let mut overdoses = [0.0; ALIVE];
    for i in 0..ALIVE {
        let c = &mut costs[i];
        c[Category::Treatment as usize] = treat[i];
        overdoses[i] = s.get(P::OverdoseStreet) * od_rr[i];
        c[Category::Overdose as usize] = overdoses[i] * s.get(P::OverdoseCost);
        let (n, community) = crime_costs(s, crime_rr[i], c);
        match (n, offences.as_mut()) {
            (Some(n), Some(o)) => o[i] = n,
            _ => offences = None,
        }
        // Time in prison is time out of community care and out of work.
        c[Category::HospitalCare as usize] = community * s.get(P::HealthCareStreet) * care_rr[i];
        c[Category::Productivity as usize] = -community * gain[i] * s.get(P::ProductivityGain);
    }
    StateProfile {
        costs,
        utility,
        offences,
        overdoses,
        infections: infections(s, arm),
    }
}

/// HIV and hepatitis C inputs for one arm.
///
/// # Formula
///
/// Incidence per uninfected person-year in state s: `incidence_street / 100 x rr_s`, with
/// `rr_s` = 1 in street use, `health.infection.rr_treatment` in any treatment (and in the own
/// row of an arm with a treatment), `health.infection.rr_abstinent` in abstinence; monthly
/// probability `1 - exp(-rate / 12)`.
pub(crate) fn infections(s: &Scenario, arm: Arm) -> Infections {
    let treated = s.get(P::InfectionRrTreatment);
    let rr = [
        if arm.treatment().is_some() {
            treated
        } else {
            1.0
        },
        treated,
        1.0,
        s.get(P::InfectionRrAbstinent),
    ];
    let monthly = |incidence: P| {
        rr.map(|r| super::hazard::exit_probability(s.get(incidence) / 100.0 * r / 12.0))
    };
    Infections {
        prevalence: [s.get(P::HivPrevalence), s.get(P::HcvPrevalence)],
        monthly: [monthly(P::HivIncidence), monthly(P::HcvIncidence)],
        cost_year: [s.get(P::HivCostYear), s.get(P::HcvCostYear)],
    }
}

/// Overdose multiplier (fatal and non-fatal) in each living state, relative to street use.
pub(crate) fn overdose_rr(s: &Scenario, arm: Arm) -> [f64; ALIVE] {
    let t = arm.treatment();
    [
        t.map_or(1.0, |t| s.get(t.overdose_rr)),
        s.get(arms::methadone().overdose_rr),
        1.0,
        s.get(P::OverdoseRrAbstinent),
    ]
}

/// Deaths from other causes relative to the general population, in each living state.
pub(crate) fn smr(s: &Scenario, arm: Arm) -> [f64; ALIVE] {
    [
        s.get(arm.treatment().map_or(P::MortSmrStreet, |t| t.smr)),
        s.get(arms::methadone().smr),
        s.get(P::MortSmrStreet),
        s.get(P::MortSmrAbstinent),
    ]
}
