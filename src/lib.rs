//! hatcalc: a cohort cost-benefit model of heroin-assisted treatment, injectable
//! hydromorphone and oral methadone.
//!
//! Data flows one way: [`params`] (every number, with its source) → a validated
//! [`scenario::Scenario`] → [`model::evaluate`] → [`model::Outcome`] → [`analysis`].
//! The crate knows nothing of the browser; `web/` draws what it returns.

pub mod analysis;
pub mod arms;
pub mod decide;
pub mod export;
pub mod lifetable;
pub mod model;
pub mod money;
pub mod number;
pub mod order;
pub mod params;
pub mod presets;
pub mod scenario;
pub mod share;
pub mod sources;
pub mod texts;

pub use model::{evaluate, Outcome};
pub use params::P;
pub use scenario::{Arm, Perspective, Scenario};

/// Version of the model and its data, shown on every page and export.
pub const MODEL_VERSION: &str = env!("CARGO_PKG_VERSION");
