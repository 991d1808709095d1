//! A validated scenario: one value for every parameter on one price basis, plus the choices
//! (arms, perspective, how treatment cost is entered) that are not numbers.
//!
//! Raw input (CLI, URL, file, form) is parsed at the boundary and enters only through
//! [`Scenario::set`] / [`Scenario::set_by_id`], which refuse what the model cannot use. Past
//! this point every value is finite and inside its limits.

use crate::money::{conversion_factor, ConvertError, PriceBasis};
use crate::params::{find, P, PARAMS};
use serde::{Deserialize, Serialize};
use std::fmt;

pub use crate::arms::Arm;

/// Whose costs and savings count.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Perspective {
    /// Health-care budget only.
    HealthSystem,
    /// Health care plus police, courts and prisons: the taxpayer.
    Government,
    /// Government plus victims, productivity and (optionally) the value of life.
    Society,
}

impl Perspective {
    /// Every perspective, narrowest first.
    pub const ALL: [Perspective; 3] = [
        Perspective::HealthSystem,
        Perspective::Government,
        Perspective::Society,
    ];

    /// Name shown to users.
    pub fn label(self) -> &'static str {
        match self {
            Perspective::HealthSystem => "Health system",
            Perspective::Government => "Government (taxpayer)",
            Perspective::Society => "Society",
        }
    }

    /// Id used in URLs and the CLI.
    pub fn id(self) -> &'static str {
        match self {
            Perspective::HealthSystem => "health",
            Perspective::Government => "government",
            Perspective::Society => "society",
        }
    }

    /// Parse an id written by [`Perspective::id`].
    pub fn from_id(id: &str) -> Option<Perspective> {
        Perspective::ALL.into_iter().find(|p| p.id() == id)
    }
}

/// How the cost of a treatment-year is entered.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CostInput {
    /// One published total per patient-year.
    Total,
    /// Built from medication, supervised visits, care and fixed costs.
    Parts,
}

/// How crime enters the model.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum CrimeInput {
    /// Offences per person-year by type, each priced (the default).
    Offences,
    /// Justice and victims' costs per person-year of street use, as some evaluations report.
    PerYear,
}

/// The choices of a scenario that are not numbers.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct Settings {
    /// The treatment being evaluated.
    pub intervention: Arm,
    /// What it is compared with.
    pub comparator: Arm,
    /// Whose costs count.
    pub perspective: Perspective,
    /// Treatment cost as totals or built from parts.
    pub cost_input: CostInput,
    /// Crime as priced offences or per-year costs.
    pub crime_input: CrimeInput,
    /// Count victims' intangible costs (pain, fear) in the societal perspective.
    pub include_intangible: bool,
    /// Value deaths at the value of a statistical life in the societal perspective.
    ///
    /// Off by default: QALYs already count lost life, and adding a VSL on top counts it twice
    /// in net monetary benefit.
    pub include_vsl: bool,
}

impl Settings {
    /// Heroin-assisted treatment against oral methadone, societal perspective, published
    /// totals, priced offences, intangible victim costs counted, no VSL.
    pub const DEFAULT: Settings = Settings {
        intervention: Arm::Heroin,
        comparator: Arm::Methadone,
        perspective: Perspective::Society,
        cost_input: CostInput::Total,
        crime_input: CrimeInput::Offences,
        include_intangible: true,
        include_vsl: false,
    };
}

impl Default for Settings {
    fn default() -> Self {
        Settings::DEFAULT
    }
}

/// Why an input was refused.
#[derive(Debug, Clone, PartialEq)]
pub enum ScenarioError {
    /// No parameter has this id.
    UnknownParam(String),
    /// The text is not a number.
    NotANumber {
        /// Parameter id.
        id: &'static str,
        /// What was given.
        text: String,
    },
    /// The value lies outside what the model accepts.
    OutOfLimits {
        /// Parameter id.
        id: &'static str,
        /// What was given.
        value: f64,
        /// Lowest accepted, on the scenario's basis.
        min: f64,
        /// Highest accepted, on the scenario's basis.
        max: f64,
    },
    /// Values that are fine alone but not together.
    Inconsistent(String),
    /// Money could not be converted to the scenario's basis.
    Convert(ConvertError),
}

impl fmt::Display for ScenarioError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ScenarioError::UnknownParam(id) => write!(f, "unknown parameter '{}'", excerpt(id)),
            ScenarioError::NotANumber { id, text } => {
                write!(f, "{id}: '{}' is not a number", excerpt(text))
            }
            ScenarioError::OutOfLimits {
                id,
                value,
                min,
                max,
            } => {
                write!(
                    f,
                    "{id}: {} is outside the accepted range {} to {}",
                    compact(*value),
                    compact(*min),
                    compact(*max)
                )
            }
            ScenarioError::Inconsistent(msg) => f.write_str(msg),
            ScenarioError::Convert(e) => write!(f, "cannot convert money: {e}"),
        }
    }
}

impl std::error::Error for ScenarioError {}

/// At most 40 characters of user text, control characters escaped: enough to recognise it,
/// never a whole pasted file. Every message that quotes input goes through this.
pub fn excerpt(text: &str) -> String {
    let mut out: String = text
        .chars()
        .take(40)
        .flat_map(char::escape_default)
        .collect();
    if text.chars().count() > 40 {
        out.push('…');
    }
    out
}

/// A number for a message: plain when readable, in scientific notation when very large or
/// very small.
fn compact(v: f64) -> String {
    let a = v.abs();
    if a != 0.0 && !(1e-4..1e9).contains(&a) {
        format!("{v:e}")
    } else {
        format!("{v}")
    }
}

impl From<ConvertError> for ScenarioError {
    fn from(e: ConvertError) -> Self {
        ScenarioError::Convert(e)
    }
}

/// The parameter named `id` and the number in `text`, as a user typed them.
fn parse_by_id(id: &str, text: &str) -> Result<(P, f64), ScenarioError> {
    let p = find(id).ok_or_else(|| ScenarioError::UnknownParam(id.to_string()))?;
    let value = crate::number::read(text.trim()).ok_or_else(|| ScenarioError::NotANumber {
        id: p.def().id,
        text: text.to_string(),
    })?;
    Ok((p, value))
}

/// NaN is refused as "not a number", not as a value out of range.
fn not_nan(p: P, value: f64) -> Result<(), ScenarioError> {
    if value.is_nan() {
        return Err(ScenarioError::NotANumber {
            id: p.def().id,
            text: "NaN".into(),
        });
    }
    Ok(())
}

/// `-0` is stored as `0`: the two are the same input, and a scenario must write and read back
/// bit for bit (a permalink leaves out a value equal to the preset's).
fn without_sign_of_zero(value: f64) -> f64 {
    value + 0.0
}

/// Every parameter's value on one price basis, and the settings.
#[derive(Debug, Clone, PartialEq)]
pub struct Scenario {
    basis: PriceBasis,
    /// Multiplier from each parameter's own basis to `basis` (1 for non-money).
    factors: [f64; P::COUNT],
    values: [f64; P::COUNT],
    /// Arms, perspective and options.
    pub settings: Settings,
}

impl Scenario {
    /// The registry's defaults, with money converted to `basis`.
    pub fn defaults(basis: PriceBasis) -> Result<Scenario, ScenarioError> {
        let mut factors = [1.0; P::COUNT];
        let mut values = [0.0; P::COUNT];
        for (i, def) in PARAMS.iter().enumerate() {
            if let Some(from) = def.basis {
                factors[i] = conversion_factor(from, basis)?;
            }
            values[i] = def.default * factors[i];
        }
        Ok(Scenario {
            basis,
            factors,
            values,
            settings: Settings::default(),
        })
    }

    /// The US 2024 defaults.
    pub fn us_default() -> Scenario {
        // The US 2024 tables are compiled in and tested, so this cannot fail; fall back to
        // unconverted defaults rather than panic if the tables were ever broken.
        Scenario::defaults(PriceBasis::US_2024).unwrap_or_else(|_| Scenario {
            basis: PriceBasis::US_2024,
            factors: [1.0; P::COUNT],
            values: std::array::from_fn(|i| PARAMS[i].default),
            settings: Settings::default(),
        })
    }

    /// The same scenario with every money value converted to `basis`. A money value at its
    /// default stays at its default, converted from the source's own basis (conversion through
    /// a third basis can differ from the direct one in the last digits, or more where the
    /// economies' latest common parity year differs).
    pub fn rebased(&self, basis: PriceBasis) -> Result<Scenario, ScenarioError> {
        let k = conversion_factor(self.basis, basis)?;
        let mut out = Scenario::defaults(basis)?;
        out.settings = self.settings;
        for (i, def) in PARAMS.iter().enumerate() {
            let at_default = self.values[i] == def.default * self.factors[i];
            if !(def.is_money() && at_default) {
                out.values[i] = if def.is_money() {
                    self.values[i] * k
                } else {
                    self.values[i]
                };
            }
        }
        Ok(out)
    }

    /// The economy and price year of every money value.
    pub fn basis(&self) -> PriceBasis {
        self.basis
    }

    /// The value of `p`.
    pub fn get(&self, p: P) -> f64 {
        self.values[p as usize]
    }

    /// The registry default of `p` on this scenario's basis.
    pub fn default_of(&self, p: P) -> f64 {
        p.def().default * self.factors[p as usize]
    }

    /// The plausible range of `p` on this scenario's basis.
    pub fn range(&self, p: P) -> (f64, f64) {
        let f = self.factors[p as usize];
        (p.def().low * f, p.def().high * f)
    }

    /// The accepted limits of `p` on this scenario's basis.
    pub fn limits(&self, p: P) -> (f64, f64) {
        let f = self.factors[p as usize];
        let (lo, hi) = p.def().limits();
        (lo * f, hi * f)
    }

    /// Set `p` to `value` if it is finite, inside its limits and consistent with the rest.
    pub fn set(&mut self, p: P, value: f64) -> Result<(), ScenarioError> {
        not_nan(p, value)?;
        let value = without_sign_of_zero(value);
        let (min, max) = self.limits(p);
        if !value.is_finite() || value < min || value > max {
            return Err(ScenarioError::OutOfLimits {
                id: p.def().id,
                value,
                min,
                max,
            });
        }
        let old = self.values[p as usize];
        self.values[p as usize] = value;
        if let Err(e) = self.check_consistency() {
            self.values[p as usize] = old;
            return Err(e);
        }
        Ok(())
    }

    /// Builder form of [`Scenario::set`].
    pub fn with(mut self, p: P, value: f64) -> Result<Scenario, ScenarioError> {
        self.set(p, value)?;
        Ok(self)
    }

    /// Set a parameter named by id from text, as typed by a user.
    pub fn set_by_id(&mut self, id: &str, text: &str) -> Result<P, ScenarioError> {
        let (p, value) = parse_by_id(id, text)?;
        self.set(p, value)?;
        Ok(p)
    }

    /// [`Scenario::set_by_id`] without the consistency check, for readers that set many values
    /// and then call [`Scenario::check_consistency`] once (the order of values never matters).
    pub fn set_by_id_unchecked_consistency(
        &mut self,
        id: &str,
        text: &str,
    ) -> Result<P, ScenarioError> {
        let (p, value) = parse_by_id(id, text)?;
        self.set_unchecked_consistency(p, value)?;
        Ok(p)
    }

    /// Set a value without the consistency check, for analyses that vary one parameter and
    /// then re-check; still refuses non-finite values and values outside the limits.
    pub fn set_unchecked_consistency(&mut self, p: P, value: f64) -> Result<(), ScenarioError> {
        not_nan(p, value)?;
        let value = without_sign_of_zero(value);
        let (min, max) = self.limits(p);
        if !value.is_finite() || value < min || value > max {
            return Err(ScenarioError::OutOfLimits {
                id: p.def().id,
                value,
                min,
                max,
            });
        }
        self.values[p as usize] = value;
        Ok(())
    }

    /// Set a value the caller has already checked: finite, inside `limits(p)`. For the Monte
    /// Carlo's inner loop, which clamps every draw to precomputed limits.
    pub(crate) fn set_prechecked(&mut self, p: P, value: f64) {
        debug_assert!(value.is_finite());
        self.values[p as usize] = without_sign_of_zero(value);
    }

    /// Check the rules that tie parameters together.
    pub fn check_consistency(&self) -> Result<(), ScenarioError> {
        let exits = self.get(P::InjExitToMethadone) + self.get(P::InjExitToAbstinence);
        if exits > 1.0 + 1e-12 {
            return Err(ScenarioError::Inconsistent(format!(
                "people leaving injectable treatment: {:.0}% to methadone plus {:.0}% to abstinence is more than 100%",
                self.get(P::InjExitToMethadone) * 100.0,
                self.get(P::InjExitToAbstinence) * 100.0
            )));
        }
        Ok(())
    }

    /// Every value, indexed like [`P::ALL`].
    pub fn values(&self) -> &[f64; P::COUNT] {
        &self.values
    }
}
