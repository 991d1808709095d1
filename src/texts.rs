//! The registry's long texts: how each cited figure was derived, why each assumption was
//! made, each source's full citation, locator and address, and what each preset reproduces
//! and how.
//!
//! They are most of the words in the crate and no result depends on them. A build with the
//! `texts` feature (the default: the command line, the tests, the page's analyst worker)
//! holds them in [`crate::params`] and [`crate::sources`]; a build without it (the page's and
//! the widget's first load) leaves them out, and gets them as one [`Texts`] value, which
//! travels (it is plain data), when they are first shown.

use crate::params::P;
use serde::{Deserialize, Serialize};

/// One source's long texts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SourceText {
    /// The source's id (see [`crate::sources`]).
    pub id: String,
    /// Authors, year, title and venue in one line.
    pub citation: String,
    /// Where in the source the figures are (table, page, box).
    pub locator: String,
    /// Public address of the source.
    pub url: String,
}

impl SourceText {
    /// The citation without its venue: authors, year and title, for lists that must be short
    /// (the printed brief). The whole citation when it has no title sentence to cut after.
    pub fn short(&self) -> &str {
        let c = self.citation.as_str();
        c.find("). ")
            .and_then(|year| c[year + 3..].find(". ").map(|t| &c[..year + 3 + t + 1]))
            .unwrap_or(c)
    }
}

/// One preset's long texts.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PresetText {
    /// The preset's id (see [`crate::presets`]).
    pub id: String,
    /// What it reproduces, and how closely.
    pub reproduces: String,
    /// How the study's figures were turned into inputs.
    pub method: String,
}

/// Every long text of the registry.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct Texts {
    /// Each parameter's explanation (what was read and how it was derived, or why it is
    /// assumed), in registry order ([`P::ALL`]).
    pub explanations: Vec<String>,
    /// Every source, in the order of [`crate::sources::SOURCES`].
    pub sources: Vec<SourceText>,
    /// Every preset, in the order of [`crate::presets::PRESETS`].
    pub presets: Vec<PresetText>,
}

impl Texts {
    /// The texts of this build's registry.
    #[cfg(feature = "texts")]
    pub fn all() -> Texts {
        Texts {
            explanations: P::ALL
                .iter()
                .map(|p| p.def().origin.explanation().to_string())
                .collect(),
            sources: crate::sources::SOURCES
                .iter()
                .map(|s| SourceText {
                    id: s.id.to_string(),
                    citation: s.citation.to_string(),
                    locator: s.locator.to_string(),
                    url: s.url.to_string(),
                })
                .collect(),
            presets: crate::presets::PRESETS
                .iter()
                .map(|p| PresetText {
                    id: p.id.to_string(),
                    reproduces: p.reproduces.to_string(),
                    method: p.method.to_string(),
                })
                .collect(),
        }
    }

    /// Whether these are a registry's texts rather than none yet: one explanation per
    /// parameter of this build.
    pub fn is_complete(&self) -> bool {
        self.explanations.len() == P::COUNT
    }

    /// What was read and how `p`'s default was derived, or why it is assumed.
    pub fn explanation(&self, p: P) -> Option<&str> {
        self.explanations.get(p as usize).map(String::as_str)
    }

    /// The preset with this id.
    pub fn preset(&self, id: &str) -> Option<&PresetText> {
        self.presets.iter().find(|p| p.id == id)
    }

    /// The source with this id.
    pub fn source(&self, id: &str) -> Option<&SourceText> {
        self.sources.iter().find(|s| s.id == id)
    }
}
