//! Unit costs: what a patient-year of each treatment costs, and what one person-year in each
//! living state costs and yields (crime, health care, overdoses, infections, productivity,
//! quality of life). Per-year rates only; the cohort engine multiplies them by person-time.

use super::outcome::{Category, ABST, ALIVE, MMT, NCAT, OWN, STREET};
use crate::arms::{self, Treatment};
use crate::params::P;
use crate::scenario::{Arm, CostInput, CrimeInput, Scenario};

/// What one person-year in each living state costs and yields.
pub(crate) struct StateProfile {
    /// Annual cost per category.
    pub costs: [[f64; NCAT]; ALIVE],
    /// Annual utility.
    pub utility: [f64; ALIVE],
    /// Offences per person-year; `None` when crime is entered per year.
    pub offences: Option<[f64; ALIVE]>,
    /// Non-fatal overdoses per person-year.
    pub overdoses: [f64; ALIVE],
    /// New HIV and hepatitis C infections per person-year.
    pub infections: [f64; ALIVE],
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
pub(crate) fn crime_costs(s: &Scenario, rr: f64, out: &mut [f64; NCAT]) -> Option<f64> {
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
    // Infections: the treatment multiplier in every state but street use.
    let inf_rr = s.get(P::InfectionRrTreatment);
    let inf_state_rr = [
        if own.is_some() { inf_rr } else { 1.0 },
        inf_rr,
        1.0,
        inf_rr,
    ];
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
    let mut infections = [0.0; ALIVE];
    for i in 0..ALIVE {
        let c = &mut costs[i];
        c[Category::Treatment as usize] = treat[i];
        overdoses[i] = s.get(P::OverdoseStreet) * od_rr[i];
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

/// Overdose multiplier (fatal and non-fatal) in each living state, relative to street use.
pub(crate) fn overdose_rr(s: &Scenario, arm: Arm) -> [f64; ALIVE] {
    let t = arm.treatment();
    [
        t.map_or(1.0, |t| s.get(t.overdose_rr)),
        s.get(arms::methadone().overdose_rr),
        1.0,
        s.get(P::OverdoseRrTreatment),
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
