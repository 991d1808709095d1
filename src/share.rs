//! The scenario as a compact, versioned query string: what a permalink, a saved scenario and
//! an embed carry.
//!
//! Format (version 1), keys in any order, everything optional but `v`:
//!
//! ```text
//! v=1&preset=dijkgraaf2005&arms=hydromorphone.methadone&perspective=government
//!    &cost=parts&crime=per_year&intangible=0&vsl=1&money=CH.2024&seed=7
//!    &x.dam.retention_12m=0.8
//! ```
//!
//! `money` is the economy and price year of every money value in the link (the preset's when
//! absent). Only settings and values that differ from the preset are written. Reading is the boundary
//! where text from a URL, a file or a host page enters: every key, id and number is checked,
//! and anything wrong is refused whole with a message, never half-applied.

use crate::money::PriceBasis;
use crate::params::{find, P};
use crate::presets::{find as find_preset, Preset, PRESETS};
use crate::scenario::{excerpt, Arm, CostInput, CrimeInput, Perspective, Scenario, ScenarioError};
use std::fmt;

/// Version of the format written by [`encode`].
pub const VERSION: u32 = 1;

/// A decoded permalink.
#[derive(Debug, Clone, PartialEq)]
pub struct Shared {
    /// Id of the preset the scenario starts from.
    pub preset: &'static str,
    /// The scenario.
    pub scenario: Scenario,
    /// Monte Carlo seed.
    pub seed: u64,
}

/// Inputs of model 0.1 that model 0.2 replaced (state death rates and Gompertz growth by life
/// tables and ratios).
const RETIRED: [(&str, &str); 22] = [
    ("mort.street", MORTALITY),
    ("mort.methadone", MORTALITY),
    ("mort.injectable_rr", MORTALITY),
    ("mort.abstinent", MORTALITY),
    ("mort.age_growth", MORTALITY),
    ("crime.victim_share", CRIME),
    ("crime.property.cost", CRIME),
    ("crime.robbery.cost", CRIME),
    ("crime.assault.cost", CRIME),
    ("crime.property.intangible_share", CRIME),
    ("crime.robbery.intangible_share", CRIME),
    ("crime.assault.intangible_share", CRIME),
    ("crime.robbery.rate", CRIME),
    ("crime.assault.rate", CRIME),
    ("crime.prison.property", CRIME),
    ("crime.prison.robbery", CRIME),
    ("crime.prison.assault", CRIME),
    ("crime.prison.drug_sale", CRIME),
    ("health.hiv.street", INFECTIONS),
    ("health.hcv.street", INFECTIONS),
    ("health.hiv.cost", INFECTIONS),
    ("health.hcv.cost", INFECTIONS),
];

const MORTALITY: &str = "mortality by age and re-entry to treatment came in (model 0.2)";
const CRIME: &str = "crime came to be priced from its components, with prison time (model 0.3)";
const INFECTIONS: &str = "infections came to affect only the uninfected (model 0.3)";

/// Why a query string was refused.
#[derive(Debug, Clone, PartialEq)]
pub enum ShareError {
    /// No `v=` key: not a hatcalc link.
    NoVersion,
    /// Written by another version of the format.
    Version(String),
    /// A key this version does not know.
    UnknownKey(String),
    /// A key with a value it cannot take.
    BadValue {
        /// The key.
        key: String,
        /// Its value.
        value: String,
    },
    /// A preset id that does not exist.
    UnknownPreset(String),
    /// An input of an earlier model that this one replaced.
    Retired(String),
    /// A key given more than once.
    Repeated(String),
    /// A parameter value refused by the scenario.
    Scenario(ScenarioError),
}

impl fmt::Display for ShareError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ShareError::NoVersion => {
                f.write_str("the link has no version (v=): it is not a hatcalc link")
            }
            ShareError::Version(v) => {
                write!(
                    f,
                    "the link is in format version {}; this calculator reads version {VERSION}",
                    excerpt(v)
                )
            }
            ShareError::UnknownKey(k) => {
                write!(f, "the link has an unknown setting '{}'", excerpt(k))
            }
            ShareError::BadValue { key, value } => {
                write!(
                    f,
                    "the link's '{}' cannot be '{}'",
                    excerpt(key),
                    excerpt(value)
                )
            }
            ShareError::UnknownPreset(p) => {
                write!(f, "the link names an unknown preset '{}'", excerpt(p))
            }
            ShareError::Repeated(k) => write!(f, "the link gives '{k}' more than once"),
            ShareError::Retired(id) => {
                let when = RETIRED
                    .iter()
                    .find(|(r, _)| r == id)
                    .map_or("the model changed", |(_, w)| w);
                write!(
                    f,
                    "the link was made with an earlier model: its input '{id}' was replaced when {when}; set the new inputs on the page"
                )
            }
            ShareError::Scenario(e) => write!(f, "the link's values are refused: {e}"),
        }
    }
}

impl std::error::Error for ShareError {}

impl From<ScenarioError> for ShareError {
    fn from(e: ScenarioError) -> Self {
        ShareError::Scenario(e)
    }
}

fn cost_id(c: CostInput) -> &'static str {
    match c {
        CostInput::Total => "total",
        CostInput::Parts => "parts",
    }
}

fn crime_id(c: CrimeInput) -> &'static str {
    match c {
        CrimeInput::Offences => "offences",
        CrimeInput::PerYear => "per_year",
    }
}

/// The query string (without `?`) that reproduces `s` from `preset`, with `seed`: only
/// what differs from the preset.
pub fn encode(s: &Scenario, preset: &Preset, seed: u64) -> String {
    pairs(s, preset, seed, false)
        .iter()
        .map(|(k, v)| format!("{k}={v}"))
        .collect::<Vec<_>>()
        .join("&")
}

/// The (key, value) pairs of the query string; with `full`, every setting and every value
/// is written, whether or not it differs from the preset (the scenario file's form).
pub fn pairs(s: &Scenario, preset: &Preset, seed: u64, full: bool) -> Vec<(String, String)> {
    let mut out = vec![
        ("v".to_string(), VERSION.to_string()),
        ("preset".to_string(), preset.id.to_string()),
    ];
    // The preset on the scenario's basis: what a reader rebuilds before applying values.
    let base = preset.scenario().and_then(|b| b.rebased(s.basis())).ok();
    let b = base.as_ref().map(|b| b.settings).unwrap_or(preset.settings);
    let differs = |same: bool| full || !same;
    let st = s.settings;
    if differs((st.intervention, st.comparator) == (b.intervention, b.comparator)) {
        out.push((
            "arms".into(),
            format!("{}.{}", st.intervention.id(), st.comparator.id()),
        ));
    }
    if differs(st.perspective == b.perspective) {
        out.push(("perspective".into(), st.perspective.id().to_string()));
    }
    if differs(st.cost_input == b.cost_input) {
        out.push(("cost".into(), cost_id(st.cost_input).to_string()));
    }
    if differs(st.crime_input == b.crime_input) {
        out.push(("crime".into(), crime_id(st.crime_input).to_string()));
    }
    if differs(st.include_intangible == b.include_intangible) {
        out.push((
            "intangible".into(),
            u8::from(st.include_intangible).to_string(),
        ));
    }
    if differs(st.include_vsl == b.include_vsl) {
        out.push(("vsl".into(), u8::from(st.include_vsl).to_string()));
    }
    if differs(s.basis() == preset.basis) {
        out.push(("money".into(), s.basis().id()));
    }
    if differs(seed == 1) {
        out.push(("seed".into(), seed.to_string()));
    }
    for p in P::ALL {
        let v = s.get(*p);
        // `{}` prints the shortest text that reads back as the same f64.
        if differs(base.as_ref().is_some_and(|b| b.get(*p) == v)) {
            out.push((format!("x.{}", p.def().id), v.to_string()));
        }
    }
    out
}

/// Read a query string written by [`encode`] (a leading `?` is allowed).
pub fn decode(query: &str) -> Result<Shared, ShareError> {
    let query = query.strip_prefix('?').unwrap_or(query);
    let pairs: Vec<(&str, &str)> = query
        .split('&')
        .filter(|kv| !kv.is_empty())
        .map(|kv| kv.split_once('=').unwrap_or((kv, "")))
        .collect();
    // A key given twice would leave it to the reader which one wins: refuse the link.
    for (i, (key, _)) in pairs.iter().enumerate() {
        if pairs[..i].iter().any(|(k, _)| k == key) {
            return Err(ShareError::Repeated(excerpt(key)));
        }
    }
    let get = |k: &str| pairs.iter().find(|(key, _)| *key == k).map(|(_, v)| *v);
    let bad = |key: &str, value: &str| ShareError::BadValue {
        key: key.into(),
        value: value.into(),
    };
    match get("v") {
        None => return Err(ShareError::NoVersion),
        Some(v) if v == VERSION.to_string() => {}
        Some(v) => return Err(ShareError::Version(v.into())),
    }
    let preset = match get("preset") {
        None => &PRESETS[0],
        Some(id) => find_preset(id).ok_or_else(|| ShareError::UnknownPreset(id.into()))?,
    };
    let mut s = preset.scenario()?;
    // Money first: the link's values are on its own basis.
    if let Some(text) = get("money") {
        let basis = PriceBasis::from_id(text).ok_or_else(|| bad("money", text))?;
        s = s.rebased(basis)?;
    }
    let mut seed = 1;
    let mut overrides = Vec::new();
    for (key, value) in &pairs {
        match *key {
            "v" | "preset" | "money" => {}
            "arms" => {
                let (a, b) = value.split_once('.').ok_or_else(|| bad(key, value))?;
                s.settings.intervention = Arm::from_id(a).ok_or_else(|| bad(key, value))?;
                s.settings.comparator = Arm::from_id(b).ok_or_else(|| bad(key, value))?;
            }
            "perspective" => {
                s.settings.perspective =
                    Perspective::from_id(value).ok_or_else(|| bad(key, value))?;
            }
            "cost" => {
                s.settings.cost_input = [CostInput::Total, CostInput::Parts]
                    .into_iter()
                    .find(|c| cost_id(*c) == *value)
                    .ok_or_else(|| bad(key, value))?;
            }
            "crime" => {
                s.settings.crime_input = [CrimeInput::Offences, CrimeInput::PerYear]
                    .into_iter()
                    .find(|c| crime_id(*c) == *value)
                    .ok_or_else(|| bad(key, value))?;
            }
            "intangible" | "vsl" => {
                let on = match *value {
                    "1" => true,
                    "0" => false,
                    _ => return Err(bad(key, value)),
                };
                if *key == "vsl" {
                    s.settings.include_vsl = on;
                } else {
                    s.settings.include_intangible = on;
                }
            }
            "seed" => seed = value.parse().map_err(|_| bad(key, value))?,
            k => match k.strip_prefix("x.") {
                Some(id) if RETIRED.iter().any(|(r, _)| *r == id) => {
                    return Err(ShareError::Retired(id.into()))
                }
                Some(id) => {
                    let p = find(id).ok_or_else(|| {
                        ShareError::Scenario(ScenarioError::UnknownParam(id.into()))
                    })?;
                    let v =
                        crate::number::read(value).ok_or_else(|| ScenarioError::NotANumber {
                            id: p.def().id,
                            text: (*value).into(),
                        })?;
                    overrides.push((p, v));
                }
                None => return Err(ShareError::UnknownKey(k.into())),
            },
        }
    }
    // Values first, consistency after: a pair such as the two exit shares may only be
    // consistent once both are set.
    for (p, v) in overrides {
        s.set_unchecked_consistency(p, v)?;
    }
    s.check_consistency()?;
    Ok(Shared {
        preset: preset.id,
        scenario: s,
        seed,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_default_encodes_to_almost_nothing() {
        let p = &PRESETS[0];
        assert_eq!(
            encode(
                &p.scenario().unwrap_or_else(|_| Scenario::us_default()),
                p,
                1
            ),
            "v=1&preset=us"
        );
    }

    #[test]
    fn a_link_carries_its_currency_and_price_year() {
        let p = &PRESETS[0];
        let s = p
            .scenario()
            .and_then(|s| s.rebased(PriceBasis::new(crate::money::Economy::DK, 2019)))
            .unwrap_or_else(|_| Scenario::us_default());
        let q = encode(&s, p, 1);
        assert_eq!(q, "v=1&preset=us&money=DK.2019");
        let back = decode(&q).unwrap_or_else(|e| panic!("{e}"));
        assert_eq!(back.scenario, s);
        // Values in the link are on the link's basis, whatever the order of the keys.
        let back = decode("v=1&x.dam.cost_year=150000&money=DK.2019");
        assert_eq!(back.map(|b| b.scenario.get(P::DamCostYear)), Ok(150_000.0));
        for bad in ["money=XX.2024", "money=DK.1850", "money=DK"] {
            assert!(
                matches!(
                    decode(&format!("v=1&{bad}")),
                    Err(ShareError::BadValue { .. })
                ),
                "{bad}"
            );
        }
    }

    #[test]
    fn round_trip_restores_every_input_exactly() {
        let p = find_preset("nosyk2012").unwrap_or(&PRESETS[0]);
        let mut s = p.scenario().unwrap_or_else(|_| Scenario::us_default());
        s.settings.perspective = Perspective::Government;
        s.settings.include_vsl = true;
        let v = 0.1 + 0.2; // not representable in short decimal form
        s.set(P::DamRetention12m, v).ok();
        s.set(P::CrimePropertyRate, 17.25).ok();
        let q = encode(&s, p, 99);
        let back = decode(&q).unwrap_or_else(|e| panic!("{e}: {q}"));
        assert_eq!(back.scenario, s);
        assert_eq!(back.seed, 99);
        assert_eq!(back.preset, "nosyk2012");
    }

    #[test]
    fn bad_links_are_refused_whole_with_a_message() {
        for (q, needle) in [
            ("", "not a hatcalc link"),
            ("v=2", "version 2"),
            ("v=1&preset=nope", "unknown preset 'nope'"),
            ("v=1&x.nope=1", "unknown parameter 'nope'"),
            ("v=1&x.mort.street=2", "mortality by age"),
            ("v=1&x.crime.victim_share=0.7", "priced from its components"),
            ("v=1&x.health.hiv.street=1", "only the uninfected"),
            ("v=1&v=1", "'v' more than once"),
            ("v=1&preset=us&preset=nosyk2012", "'preset' more than once"),
            ("v=1&x.dam.cost_year=1&x.dam.cost_year=2", "more than once"),
            ("v=1&x.dam.retention_12m=abc", "not a number"),
            ("v=1&x.dam.retention_12m=7", "outside"),
            ("v=1&x.dam.retention_12m=NaN", "not a number"),
            ("v=1&x.dam.retention_12m=1e308", "1e308 is outside"),
            ("v=1&arms=heroin", "'arms' cannot be 'heroin'"),
            ("v=1&seed=-1", "'seed'"),
            ("v=1&colour=red", "unknown setting 'colour'"),
            (
                "v=1&x.inj.exit_to_methadone=0.9&x.inj.exit_to_abstinence=0.9",
                "more than 100%",
            ),
            ("v=1&x.dam.cost_year=<script>", "not a number"),
        ] {
            let e = decode(q).map(|_| ()).unwrap_err();
            assert!(e.to_string().contains(needle), "{q}: {e}");
        }
    }
}
