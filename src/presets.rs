//! Presets: the inputs of published evaluations, each in its own currency and price year,
//! each saying what it reproduces and how closely.
//!
//! A preset starts from the registry defaults converted to its price basis, then sets the
//! values the study reports. Where a study reports only totals, a calibration step solves for
//! the per-state inputs that reproduce them, using the model itself ([`crate::evaluate`]).

use crate::model::evaluate;
use crate::money::{Economy, PriceBasis};
use crate::params::P;
use crate::scenario::{Arm, CrimeInput, Perspective, Scenario, ScenarioError, Settings};
use serde::Serialize;

/// A step that solves for inputs so that the model reproduces a study's totals.
type Calibration = fn(&mut Scenario) -> Result<(), ScenarioError>;

/// A published evaluation expressed as a scenario.
#[derive(Debug, Clone, Copy, Serialize)]
pub struct Preset {
    /// Id used in URLs and the CLI.
    pub id: &'static str,
    /// Name shown to users.
    pub name: &'static str,
    /// Currency and price year of the study.
    pub basis: PriceBasis,
    /// Arms, perspective and input modes.
    pub settings: Settings,
    /// Values the study reports (money on `basis`).
    #[serde(skip)]
    pub values: &'static [(P, f64)],
    /// What the preset reproduces, and how closely (a long text: only with the `texts`
    /// feature; see [`crate::texts`]).
    #[cfg(feature = "texts")]
    pub reproduces: &'static str,
    /// How the study's figures were turned into inputs, with every assumption named (a long
    /// text: only with the `texts` feature).
    #[cfg(feature = "texts")]
    pub method: &'static str,
    /// Source ids.
    pub sources: &'static [&'static str],
    #[serde(skip)]
    calibrate: Option<Calibration>,
}

impl Preset {
    /// The preset's scenario.
    pub fn scenario(&self) -> Result<Scenario, ScenarioError> {
        let mut s = Scenario::defaults(self.basis)?;
        s.settings = self.settings;
        for (p, v) in self.values {
            s.set_unchecked_consistency(*p, *v)?;
        }
        s.check_consistency()?;
        if let Some(calibrate) = self.calibrate {
            calibrate(&mut s)?;
        }
        Ok(s)
    }
}

const fn basis(e: Economy, year: u16) -> PriceBasis {
    PriceBasis::new(e, year)
}

/// Inputs that put a whole arm's published cost on one person-year: nobody leaves treatment
/// or dies within the horizon, and nothing is discounted, so each arm's cost is exactly its
/// own-state cost times the horizon.
const TRIAL_ARMS: [(P, f64); 11] = [
    (P::DamRetention12m, 1.0),
    (P::MmtRetention12m, 1.0),
    (P::MortSmrStreet, 0.0),
    (P::MortSmrMethadone, 0.0),
    (P::MortSmrInjectable, 0.0),
    (P::MortSmrAbstinent, 0.0),
    (P::MortSmrBuprenorphine, 0.0),
    (P::MortOverdoseStreet, 0.0),
    (P::DiscountCosts, 0.0),
    (P::DiscountQalys, 0.0),
    (P::ProductivityGain, 0.0),
];

/// Health events that the component-level presets carry in "other care" instead.
const NO_EVENTS: [(P, f64); 3] = [
    (P::OverdoseStreet, 0.0),
    (P::HivIncidence, 0.0),
    (P::HcvIncidence, 0.0),
];

macro_rules! values {
    ($($list:expr),* ; $($p:ident = $v:expr),* $(,)?) => {{
        const N: usize = 0 $(+ $list.len())* + [$(stringify!($p)),*].len();
        const fn build() -> [(P, f64); N] {
            let mut out = [(P::HorizonYears, 0.0); N];
            let mut k = 0;
            $(
                let l = $list;
                let mut i = 0;
                while i < l.len() { out[k] = l[i]; k += 1; i += 1; }
            )*
            $( out[k] = (P::$p, $v); k += 1; )*
            let _ = k;
            out
        }
        const OUT: [(P, f64); N] = build();
        &OUT
    }};
}

/// Every preset, the US default first.
pub static PRESETS: &[Preset] = &[
    Preset {
        id: "us",
        name: "United States, 2024 (default)",
        basis: PriceBasis::US_2024,
        settings: Settings::DEFAULT,
        values: &[],
        #[cfg(feature = "texts")]
        reproduces: "No single study: the US context assembled from the evidence, each input with its source or labelled assumption.",
        #[cfg(feature = "texts")]
        method: "Registry defaults converted to US dollars at 2024 prices.",
        sources: &[],
        calibrate: None,
    },
    Preset {
        id: "dijkgraaf2005",
        name: "Dijkgraaf et al. 2005 (Netherlands, 12 months)",
        basis: basis(Economy::NL, 2001),
        settings: Settings {
            crime_input: CrimeInput::PerYear,
            ..Settings::DEFAULT
        },
        values: values!(TRIAL_ARMS, NO_EVENTS;
            HorizonYears = 1.0,
            MmtCostYear = 1_413.5,
            DamCostYear = 1_413.5 + 16_222.0,
            CrimeRrMethadone = 1.0,
            CrimeRrInjectable = 0.5,
            CrimeYearJustice = 4_129.0 / 0.5,
            CrimeYearVictims = 25_374.0 / 0.5,
            CrimeYearIntangible = 0.0,
            HealthCareStreet = 4_880.0,
            HealthCareRrMethadone = 1.0,
            HealthCareRrInjectable = 1.1,
            UtilityMethadone = 0.70,
            UtilityInjectable = 0.758,
        ),
        #[cfg(feature = "texts")]
        reproduces: "Exactly, per patient-year (HAT minus methadone): programme +EUR 16,222, law enforcement -4,129, damage to victims -25,374, all other categories +488, net societal saving EUR 12,793; QALYs +0.058.",
        #[cfg(feature = "texts")]
        method: "Twelve months, no discounting, and every patient counted in their arm for the whole year (the trial's intention-to-treat costs). The abstract reports differences only, so levels are set by assumption where they do not change the differences: methadone treatment at EMCDDA's Dutch EUR 1,634 (2009) deflated to 2001 (EUR 1,413.5), heroin treatment EUR 16,222 above it; crime costs entered per year with heroin treatment halving the methadone level (so the methadone level is twice each published difference); other care EUR 4,880 a year with heroin treatment 10% higher (+488); utilities 0.70 and 0.758. Price year 2001 is an assumption (the trials ran 1998-2001).",
        sources: &["dijkgraaf2005", "emcdda2011"],
        calibrate: None,
    },
    Preset {
        id: "byford2013",
        name: "Byford et al. 2013 (RIOTT, England, 26 weeks)",
        basis: basis(Economy::GB, 2010),
        settings: Settings {
            perspective: Perspective::Government,
            crime_input: CrimeInput::PerYear,
            ..Settings::DEFAULT
        },
        values: values!(TRIAL_ARMS, NO_EVENTS;
            HorizonYears = 0.5,
            DamCostYear = 8_995.0 * 2.0,
            MmtCostYear = 2_596.0 * 2.0,
            CrimeRrMethadone = 1.0,
            CrimeRrInjectable = 4_415.0 / 13_209.0,
            CrimeYearJustice = 13_209.0 * 2.0,
            CrimeYearVictims = 0.0,
            HealthCareStreet = 0.0,
        ),
        #[cfg(feature = "texts")]
        reproduces: "Exactly, over 26 weeks: intervention costs GBP 8,995 (injectable heroin) vs 2,596 (oral methadone); total costs 13,410 vs 15,805, so injectable heroin saves GBP 2,395.",
        #[cfg(feature = "texts")]
        method: "26 weeks, no discounting, every patient counted in their arm. The perspective is health, social services and criminal justice (government here). The abstract does not split the non-intervention costs (GBP 4,415 vs 13,209); they are entered as criminal-justice costs per year, the part the authors say drives the difference. Price year 2010 is an assumption (the trial ran 2005-2008 and reported in 2010).",
        sources: &["byford2013"],
        calibrate: None,
    },
    Preset {
        id: "nosyk2012",
        name: "Nosyk et al. 2012 (NAOMI, Canada, lifetime)",
        basis: basis(Economy::CA, 2009),
        settings: Settings {
            crime_input: CrimeInput::PerYear,
            include_intangible: false,
            ..Settings::DEFAULT
        },
        values: values!(NO_EVENTS;
            HorizonYears = 100.0 - NOSYK_START_AGE,
            StartAge = NOSYK_START_AGE,
            FemaleShare = 0.385,
            InjRetentionShape = 0.761,
            MmtRetentionShape = 0.643,
            InjExitToMethadone = 0.407,
            InjExitToAbstinence = 0.224,
            MmtExitToAbstinence = 0.041,
            StreetExit12m = 0.383,
            StreetExitShape = 0.672,
            StreetExitToAbstinence = 0.0,
            AbstinentRelapse12m = 0.475,
            AbstinentRelapseShape = 0.797,
            ReentryOwnShare = 1.0,
            EpisodeTreatment2 = 0.923,
            EpisodeTreatment3 = 0.965,
            EpisodeTreatment4 = 0.952,
            EpisodeStreet2 = 1.220,
            EpisodeStreet3 = 1.350,
            EpisodeStreet4 = 1.442,
            MortSmrStreet = 30.063,
            MortSmrMethadone = 0.350 * 30.063,
            MortSmrInjectable = 9.70,
            MortSmrAbstinent = 1.0,
            MortOverdoseStreet = 0.0,
            DamCostYear = 14_891.0,
            MmtCostYear = 3_192.0,
            DiscountCosts = 0.05,
            DiscountQalys = 0.05,
            ProductivityGain = 0.0,
            CrimeYearIntangible = 0.0,
            CrimeYearJustice = 0.0,
        ),
        #[cfg(feature = "texts")]
        reproduces: "Partly, and not as a replication: Table 1's rows for costs per state, utilities and HIV seroconversion could not be read, so the first year's crime and health costs and two utilities are calibrated to Table 2 (see the method) and only the later horizons test the model. Societal cost per patient (Can$ thousands, discounted) against Table 2: 5 years, diacetylmorphine 370.2 vs 387.7 (-4.5%) and methadone 391.8 vs 418.3 (-6.3%), difference -21.6 vs -30.6; 10 years 629.0 vs 696.0 (-9.6%) and 654.1 vs 743.8 (-12.1%), difference -25.1 vs -47.8; lifetime 965 vs 1,096 (-12%) and 958 vs 1,138 (-16%), difference +6.5 vs -41.5: over a lifetime the sign is not reproduced. QALYs run 6-8% above Table 2 at 5 and 10 years and 13-17% over a lifetime (life expectancy in methadone 15.8 years from entry; the authors quoted 14.5). The gaps grow with the horizon in health costs (HIV infections and their care, which the paper models and this model does not yet) and in crime.",
        #[cfg(feature = "texts")]
        method: "From Table 1: Weibull durations of every episode (treatment 12-month retention derived from lambda and shape, combined with the model's own deaths in the first year, so that the Weibull governs leaving for other reasons), exit destinations, re-entry from relapse to treatment (read as re-entry to the arm's own treatment, since Table 1 names a single 'treatment state'), episode multipliers for episodes 4 to 6 (read as hazard ratios on the episode's Weibull: the source is a proportional-hazards frailty model), and mortality: relapse SMR 30.063, methadone 0.350 times the relapse SMR, diacetylmorphine SMR 9.70, abstinence at the life table (HIV-positive people's 1.47 is not applied: HIV status is not modelled), all applied to the Statistics Canada life table (2021-2023; the paper used an older one), with no separate overdose deaths since the SMRs include them. Cohort: NAOMI's mean age 39.7 and 38.5% women (the paper assigns NAOMI's baseline characteristics). Treatment costs per patient-year: Can$14,891 for diacetylmorphine and 3,192 for methadone, as quoted by the senior author in the press when the paper appeared (Table 1's cost rows could not be read). Calibrated, not read: crime (entered per year, as victims' tangible cost since Table 2 does not split it), health care and the utilities of injectable and methadone treatment are solved so that each arm's first-year crime cost, health cost and QALYs equal Table 2's first year (totals times shares); street and abstinence utilities and the offending and care multipliers of methadone and abstinence stay at the defaults. Discount rate 5% a year (Canadian guidance of the time) and price year 2009 are assumptions: neither could be read.",
        sources: &["nosyk2012", "oviedojoekes2009", "statcan_lt2023"],
        calibrate: Some(calibrate_nosyk),
    },
    Preset {
        id: "bansback2018",
        name: "Bansback et al. 2018 (SALOME, Canada, 6 months within trial)",
        basis: basis(Economy::CA, 2015),
        settings: Settings {
            intervention: Arm::Hydromorphone,
            comparator: Arm::Heroin,
            ..Settings::DEFAULT
        },
        values: values!(TRIAL_ARMS, NO_EVENTS;
            HdmRetention12m = 1.0,
            HorizonYears = 0.5,
            HdmCostYear = 49_830.0 * 2.0,
            DamCostYear = 34_320.0 * 2.0,
            CrimePropertyRate = 0.0,
            CrimeViolentRate = 0.0,
            CrimeDrugSaleRate = 0.0,
            HealthCareStreet = 0.0,
        ),
        #[cfg(feature = "texts")]
        reproduces: "Exactly, over six months: total cost per patient CAD 49,830 (hydromorphone) vs 34,320 (diacetylmorphine), so hydromorphone costs CAD 15,510 more. Not reproduced: the QALY difference (0.377 vs 0.375), because both injectable arms share one utility in this model, and the lifetime comparison with methadone.",
        #[cfg(feature = "texts")]
        method: "Six months, no discounting, every patient counted in their arm. The abstract gives each arm's total cost only, so the whole of it is entered as that arm's treatment cost (a total, not its composition) and crime and health costs are set to zero. Price year 2015 is an assumption (the trial ran 2011-2013).",
        sources: &["bansback2018", "oviedojoekes2016"],
        calibrate: None,
    },
    Preset {
        id: "frei2007",
        name: "Frei 2007 (PROVE, Switzerland, cost-benefit per patient-day)",
        basis: basis(Economy::CH, PROVE_PRICE_YEAR),
        settings: Settings {
            comparator: Arm::NoTreatment,
            crime_input: CrimeInput::PerYear,
            ..Settings::DEFAULT
        },
        values: values!(TRIAL_ARMS, NO_EVENTS;
            HorizonYears = 1.0,
            StreetExit12m = 0.0,
            DamCostYear = PROVE_PER_DAY.cost * 365.0,
            CrimeRrInjectable = PROVE_OFFENCES_RR,
            CrimeYearJustice = 0.0,
            CrimeYearVictims = PROVE_PER_DAY.crime * 365.0 / (1.0 - PROVE_OFFENCES_RR),
            CrimeYearIntangible = 0.0,
            HealthCareStreet = PROVE_PER_DAY.care_before * 365.0,
            HealthCareRrInjectable = PROVE_PER_DAY.care_during / PROVE_PER_DAY.care_before,
            ProductivityGain = PROVE_PER_DAY.housing_work * 365.0,
        ),
        #[cfg(feature = "texts")]
        reproduces: "By construction from its published components, per patient-day (times 365 per patient-year), as an account, not a test of the model's dynamics: cost CHF 51.17; benefit CHF 95.50, of which legal behaviour 75% (71.63) and health 17.12 (the health sub-study's fall in acute-care costs from 22.27 to 5.15); net benefit CHF 44.33 a day and benefit-cost ratio 1.87. The comparison is the same patients before entry, not a methadone arm.",
        #[cfg(feature = "texts")]
        method: "Compared with no treatment: the same patients before entering the trial (the study is a before-and-during comparison), nobody leaving either state within the year, no deaths, no discounting. Treatment cost CHF 51.17 a patient-day (LeGes; the 1996 cost study's 50.63 is the same analysis before revision). Crime, entered per year: the study gives only the benefit from legal behaviour (75% of 95.50) and does not split it among victims, police, courts and prison, so all of it is entered as victims' tangible cost and only the societal result reproduces the study; its level before entry is set from the cohort's fall in offending of about 60% (offending in treatment 0.4 of before), which changes the level but not the difference. Health: other care before entry CHF 22.27 a day and in treatment 5.15 (Frei et al. 1998, 142 patients in 4 centres); no overdose or infection costs beyond these. Housing and work: the remainder, 95.50 - 71.63 - 17.12 = CHF 6.76 a day, entered as productivity gained in treatment. Price year 1995 is an assumption: the costs were measured over one month of the 1994-96 trials and the year is not stated.",
        sources: &["frei2007", "uchtenhagen2006", "frei1998", "prove_cohort"],
        calibrate: None,
    },
    Preset {
        id: "emcdda2011-de",
        name: "EMCDDA 2011 unit costs, Germany (2009 prices)",
        basis: basis(Economy::DE, 2009),
        settings: Settings::DEFAULT,
        values: &[(P::DamCostYear, 19_020.0), (P::MmtCostYear, 3_490.0)],
        #[cfg(feature = "texts")]
        reproduces: "Exactly: heroin-assisted treatment EUR 19,020 and oral methadone EUR 3,490 per patient-year, a difference of EUR 15,530 (5.4 times). Every other input is the US default converted to German euros of 2009.",
        #[cfg(feature = "texts")]
        method: "Treatment totals from the EMCDDA box; other inputs converted from US 2024 through the US CPI, the 2024 parity and the German CPI.",
        sources: &["emcdda2011"],
        calibrate: None,
    },
    Preset {
        id: "emcdda2011-nl",
        name: "EMCDDA 2011 unit costs, Netherlands (2009 prices)",
        basis: basis(Economy::NL, 2009),
        settings: Settings::DEFAULT,
        values: &[(P::DamCostYear, 20_410.0), (P::MmtCostYear, 1_634.0)],
        #[cfg(feature = "texts")]
        reproduces: "Exactly: heroin-assisted treatment EUR 20,410 and oral methadone EUR 1,634 per patient-year, a difference of EUR 18,776 (12.5 times). Every other input is the US default converted to Dutch euros of 2009.",
        #[cfg(feature = "texts")]
        method: "Treatment totals from the EMCDDA box; other inputs converted from US 2024 through the US CPI, the 2024 parity and the Dutch CPI.",
        sources: &["emcdda2011"],
        calibrate: None,
    },
];

/// Frei 2007 (LeGes) and Frei et al. 1998: the Swiss cost-benefit analysis per patient-day,
/// in Swiss francs.
pub struct ProvePerDay {
    /// Trial cost per patient-day.
    pub cost: f64,
    /// Benefit per patient-day, all sources.
    pub benefit: f64,
    /// Benefit from legal behaviour: 75% of the benefit.
    pub crime: f64,
    /// Acute-care costs per patient-day before entry (health sub-study).
    pub care_before: f64,
    /// The same during the trial.
    pub care_during: f64,
    /// Housing and work: the benefit that is neither crime nor health.
    pub housing_work: f64,
}

/// The published figures and the two derived from them.
pub const PROVE_PER_DAY: ProvePerDay = ProvePerDay {
    cost: 51.17,
    benefit: 95.50,
    crime: 0.75 * 95.50,
    care_before: 22.27,
    care_during: 5.15,
    housing_work: 95.50 - 0.75 * 95.50 - (22.27 - 5.15),
};

/// Offending in heroin-assisted treatment relative to before entry in the Swiss cohort
/// (offences fell by about 60%).
pub const PROVE_OFFENCES_RR: f64 = 0.4;

/// Price year assumed for the Swiss analysis (costs measured over a month of the 1994-96
/// trials; the year is not stated).
pub const PROVE_PRICE_YEAR: u16 = 1995;

/// NAOMI's mean age at entry (Oviedo-Joekes et al. 2008, cohort profile).
pub const NOSYK_START_AGE: f64 = 39.7;

/// Nosyk Table 1 Weibull episodes (lambda per month^shape, shape): diacetylmorphine, methadone.
pub const NOSYK_WEIBULL: [(f64, f64); 2] = [(0.061, 0.761), (0.114, 0.643)];

/// Nosyk et al. 2012, Table 2, year one, Can$: (treatment, health, crime) per arm, from the
/// totals (85.9k, 87.7k) times their shares (17.7/4.2/78.1% and 3.7/6.5/89.8%).
pub const NOSYK_YEAR_ONE: [[f64; 3]; 2] = [
    [85_900.0 * 0.177, 85_900.0 * 0.042, 85_900.0 * 0.781],
    [87_700.0 * 0.037, 87_700.0 * 0.065, 87_700.0 * 0.898],
];

/// Nosyk et al. 2012, Table 2, year-one QALYs: diacetylmorphine, methadone.
pub const NOSYK_YEAR_ONE_QALYS: [f64; 2] = [0.86, 0.85];

fn calibrate_nosyk(s: &mut Scenario) -> Result<(), ScenarioError> {
    let bad = |what: &str| ScenarioError::Inconsistent(format!("Nosyk preset: {what}"));
    // Table 1's Weibull governs leaving for reasons other than death; trial retention counts
    // a death as not retained. With retention 1 the model keeps everyone who survives, so its
    // 12-month retention is the survival alone.
    let mut probe = s.clone();
    probe.set(P::DamRetention12m, 1.0)?;
    probe.set(P::MmtRetention12m, 1.0)?;
    let o = evaluate(&probe);
    let [(dam_l, dam_k), (mmt_l, mmt_k)] = NOSYK_WEIBULL;
    s.set(
        P::DamRetention12m,
        o.intervention.retained_12m * (-dam_l * 12f64.powf(dam_k)).exp(),
    )?;
    s.set(
        P::MmtRetention12m,
        o.comparator.retained_12m * (-mmt_l * 12f64.powf(mmt_k)).exp(),
    )?;

    // Person-time by state does not depend on costs or utilities, so one evaluation gives
    // the weights.
    let o = evaluate(s);
    let [a_own, a_mmt, a_street, a_abst] = o.intervention.year_one_person_years_discounted;
    let [b_own, b_mmt, b_street, b_abst] = o.comparator.year_one_person_years_discounted;
    let [[_, dam_health, dam_crime], [_, mmt_health, mmt_crime]] = NOSYK_YEAR_ONE;

    // Crime: solve the street level from the methadone arm, then heroin's multiplier.
    let rm = s.get(P::CrimeRrMethadone);
    let ra = s.get(P::CrimeRrAbstinent);
    let street = mmt_crime / (rm * (b_own + b_mmt) + b_street + ra * b_abst);
    let ri = (dam_crime / street - rm * a_mmt - a_street - ra * a_abst) / a_own;
    if ri.is_nan() || ri <= 0.0 {
        return Err(bad("no positive crime multiplier for heroin treatment"));
    }
    s.set(P::CrimeYearVictims, street)?;
    s.set(P::CrimeRrInjectable, ri)?;

    // Health, all carried in other care: abstinence uses the methadone multiplier.
    let hm = s.get(P::HealthCareRrMethadone);
    let h_street = mmt_health / (hm * (b_own + b_mmt) + b_street + hm * b_abst);
    let hi = (dam_health / h_street - hm * a_mmt - a_street - hm * a_abst) / a_own;
    if hi.is_nan() || hi <= 0.0 {
        return Err(bad("no positive health multiplier for heroin treatment"));
    }
    s.set(P::HealthCareStreet, h_street)?;
    s.set(P::HealthCareRrInjectable, hi)?;

    // Utilities of the two treatments, street use and abstinence at their defaults. Both
    // discount rates are equal here, so cost-rate person-time weighs QALYs too.
    let us = s.get(P::UtilityStreet);
    let ua = s.get(P::UtilityAbstinent);
    let [q_dam, q_mmt] = NOSYK_YEAR_ONE_QALYS;
    let u_mmt = (q_mmt - us * b_street - ua * b_abst) / (b_own + b_mmt);
    let u_inj = (q_dam - u_mmt * a_mmt - us * a_street - ua * a_abst) / a_own;
    s.set(P::UtilityMethadone, u_mmt)?;
    s.set(P::UtilityInjectable, u_inj)?;
    Ok(())
}

/// The preset with this id.
pub fn find(id: &str) -> Option<&'static Preset> {
    PRESETS.iter().find(|p| p.id == id)
}
