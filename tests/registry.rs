//! The registry keeps its promises: every default has a source that resolves, lies inside its
//! own range and limits, and every id is unique and URL-safe.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use hatcalc::money::conversion_factor;
use hatcalc::params::{Dist, Origin, Unit, PARAMS};
use hatcalc::sources::{source, SOURCES};
use hatcalc::texts::Texts;
use hatcalc::{Scenario, P};
use std::collections::HashSet;

#[test]
fn every_source_id_resolves_to_a_citation() {
    for p in PARAMS {
        for id in p.origin.source_ids() {
            assert!(
                source(id).is_some(),
                "{}: source '{id}' is not in the bibliography",
                p.id
            );
        }
        if let Origin::Cited {
            sources,
            how,
            grade,
        } = p.origin
        {
            assert!(!sources.is_empty(), "{}: cited without a source", p.id);
            assert_ne!(
                grade,
                hatcalc::params::Grade::Assumption,
                "{}: a cited figure is graded by its study; an assumption is an Origin::Assumption",
                p.id
            );
            assert!(
                how.len() > 20,
                "{}: say what was read and how it was converted",
                p.id
            );
        }
        if let Origin::Assumption { reasoning, .. } = p.origin {
            assert!(
                reasoning.len() > 20,
                "{}: an assumption needs its reasoning",
                p.id
            );
        }
    }
    for economy in hatcalc::money::Economy::ALL {
        assert!(source(economy.cpi_source()).is_some());
    }
    for id in hatcalc::money::PPP_SOURCES {
        assert!(source(id).is_some(), "{id}");
    }
}

#[test]
fn sources_are_unique_and_complete() {
    let mut seen = HashSet::new();
    for s in SOURCES {
        assert!(seen.insert(s.id), "duplicate source {}", s.id);
        assert!(s.url.starts_with("http"), "{}: address", s.id);
        assert!(!s.citation.is_empty() && !s.locator.is_empty(), "{}", s.id);
    }
}

#[test]
fn every_default_lies_inside_its_range_and_limits() {
    for p in PARAMS {
        assert!(
            p.low <= p.default && p.default <= p.high,
            "{}: {} not in [{}, {}]",
            p.id,
            p.default,
            p.low,
            p.high
        );
        assert!(
            p.low < p.high || p.dist == Dist::Fixed,
            "{}: empty range",
            p.id
        );
        let (min, max) = p.limits();
        assert!(
            min <= p.low && p.high <= max,
            "{}: range outside limits",
            p.id
        );
    }
}

#[test]
fn money_and_only_money_has_a_price_basis_and_converts() {
    for p in PARAMS {
        assert_eq!(p.is_money(), p.basis.is_some(), "{}", p.id);
        if let Some(b) = p.basis {
            conversion_factor(b, hatcalc::money::PriceBasis::US_2024)
                .unwrap_or_else(|e| panic!("{}: {e}", p.id));
        }
        if matches!(p.unit, Unit::Probability | Unit::Share | Unit::Utility) {
            assert!(p.high <= 1.0 && p.low >= 0.0, "{}", p.id);
        }
    }
}

#[test]
fn ids_are_unique_url_safe_and_match_the_typed_handles() {
    let mut seen = HashSet::new();
    for (i, p) in P::ALL.iter().enumerate() {
        assert_eq!(*p as usize, i);
        let d = p.def();
        assert!(seen.insert(d.id), "duplicate id {}", d.id);
        assert!(
            d.id.chars()
                .all(|c| c.is_ascii_lowercase() || c.is_ascii_digit() || c == '.' || c == '_'),
            "{}",
            d.id
        );
        assert_eq!(hatcalc::params::find(d.id), Some(*p));
    }
    assert_eq!(P::COUNT, PARAMS.len());
}

#[test]
fn the_default_scenario_converts_every_money_default_to_us_2024() {
    let s = Scenario::us_default();
    // EVIDENCE §3.1: 2008 USD to 2024 USD is a factor of 1.45697.
    let robbery = s.get(P::CrimeRobberyVictimIntangible);
    assert!((robbery / 22_575.0 - 1.45697).abs() < 1e-5, "{robbery}");
    // Euro 2009 (Germany) to USD 2024: German CPI 92.3 -> 125.8, then PPP 0.700862 EUR per $.
    let dam = s.get(P::DamCostYear);
    let expected = 19_020.0 * 125.8 / 92.3 / 0.700862;
    assert!((dam - expected).abs() < 1e-6, "{dam} vs {expected}");
}

#[test]
fn a_short_citation_keeps_authors_year_and_title() {
    let texts = Texts::all();
    let s = texts.source("coid2000").unwrap();
    assert_eq!(
        s.short(),
        "Coid J, et al. (2000). Opiates, criminal behaviour, and methadone treatment."
    );
    for src in &texts.sources {
        assert!(src.citation.starts_with(src.short()), "{}", src.id);
        assert!(src.short().len() > 10, "{}", src.id);
    }
}

#[test]
fn the_texts_that_travel_are_the_registrys_own() {
    let texts = Texts::all();
    assert!(texts.is_complete());
    for p in P::ALL {
        assert_eq!(texts.explanation(*p), Some(p.def().origin.explanation()));
        assert!(!p.def().origin.explanation().is_empty(), "{}", p.def().id);
    }
    assert_eq!(texts.sources.len(), hatcalc::sources::SOURCES.len());
    for src in hatcalc::sources::SOURCES {
        let t = texts.source(src.id).unwrap();
        assert_eq!(
            (t.citation.as_str(), t.locator.as_str(), t.url.as_str()),
            (src.citation, src.locator, src.url)
        );
        // Every short cite names the source's year or publisher in a line.
        assert!(
            !src.cite.is_empty() && src.cite.len() <= 60,
            "{}: {}",
            src.id,
            src.cite
        );
    }
    assert_eq!(texts.presets.len(), hatcalc::presets::PRESETS.len());
    for preset in hatcalc::presets::PRESETS {
        let t = texts.preset(preset.id).unwrap();
        assert_eq!(
            (t.reproduces.as_str(), t.method.as_str()),
            (preset.reproduces, preset.method)
        );
        assert!(
            !t.reproduces.is_empty() && !t.method.is_empty(),
            "{}",
            preset.id
        );
    }
    assert!(!Texts::default().is_complete());
}
