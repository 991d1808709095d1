//! UI state and its one reducer. The scenario is the only source of truth for results; they
//! are derived from it by memoised calls into the model, never stored here.

use hatcalc::money::PriceBasis;
use hatcalc::presets::{find as find_preset, PRESETS};
use hatcalc::scenario::{Arm, CostInput, CrimeInput};
use hatcalc::share::{decode, encode, Shared};
use hatcalc::{Perspective, Scenario, P};
use std::collections::BTreeMap;
use std::rc::Rc;

/// Everything the page remembers.
#[derive(Debug, Clone, PartialEq)]
pub struct State {
    /// The last valid scenario.
    pub scenario: Scenario,
    /// Id of the preset the scenario started from.
    pub preset: &'static str,
    /// Monte Carlo seed (part of the permalink).
    pub seed: u64,
    /// The parameter the break-even curve varies.
    pub curve_param: P,
    /// Per-field messages for refused input, with the text the user typed.
    pub errors: BTreeMap<P, (String, String)>,
    /// Inputs whose values the last preset switch changed.
    pub changed: Vec<P>,
    /// A message for the top of the page (a link or saved scenario that was refused).
    pub notice: Option<String>,
}

impl Default for State {
    fn default() -> Self {
        State {
            scenario: Scenario::us_default(),
            preset: PRESETS[0].id,
            seed: 1,
            curve_param: P::DamCostYear,
            errors: BTreeMap::new(),
            changed: Vec::new(),
            notice: None,
        }
    }
}

/// A change of one of the scenario's non-numeric settings.
#[derive(Debug, Clone, Copy, PartialEq)]
pub enum Setting {
    /// The treatment evaluated.
    Intervention(Arm),
    /// What it is compared with.
    Comparator(Arm),
    /// Whose costs count.
    Perspective(Perspective),
    /// Treatment cost as totals or parts.
    CostInput(CostInput),
    /// Crime as offences or per-year costs.
    CrimeInput(CrimeInput),
    /// Count victims' intangible costs.
    Intangible(bool),
    /// Value deaths at the VSL.
    Vsl(bool),
}

/// What a user can do.
#[derive(Debug, Clone, PartialEq)]
pub enum Action {
    /// Type or slide a value for a parameter.
    Set(P, String),
    /// Return a parameter to its default.
    Reset(P),
    /// Choose the parameter the break-even curve varies.
    CurveParam(P),
    /// Start again from a preset.
    Preset(String),
    /// Change a setting.
    Setting(Setting),
    /// Restore a scenario from a permalink query string.
    Restore(String),
    /// Set the Monte Carlo seed.
    Seed(u64),
    /// Hide the message at the top.
    DismissNotice,
    /// Replace the scenario with one read from a file, saying so.
    Load(Box<Shared>, String),
    /// Refuse something from outside (a file), saying why; nothing else changes.
    Refuse(String),
    /// Express every money value in another economy and price year (the economy's life
    /// table comes with it).
    Basis(PriceBasis),
}

impl State {
    /// Apply an action. Refused input leaves the scenario as it was and says why.
    pub fn apply(&self, action: Action) -> State {
        let mut next = self.clone();
        match action {
            Action::Set(p, text) => {
                let mut s = next.scenario.clone();
                match s.set_by_id(p.def().id, &text) {
                    Ok(_) => {
                        next.scenario = s;
                        next.errors.remove(&p);
                    }
                    Err(e) => {
                        next.errors.insert(p, (text, e.to_string()));
                    }
                }
            }
            Action::Reset(p) => {
                let d = next.scenario.default_of(p);
                if next.scenario.set(p, d).is_ok() {
                    next.errors.remove(&p);
                }
            }
            Action::CurveParam(p) => next.curve_param = p,
            Action::Preset(id) => match find_preset(&id).map(|p| (p.id, p.scenario())) {
                Some((pid, Ok(s))) => {
                    next.changed = P::ALL
                        .iter()
                        .copied()
                        .filter(|p| s.get(*p) != self.scenario.get(*p))
                        .collect();
                    next.scenario = s;
                    next.preset = pid;
                    next.errors.clear();
                    next.notice = None;
                }
                Some((_, Err(e))) => {
                    next.notice = Some(format!("The preset could not be loaded: {e}"))
                }
                None => next.notice = Some(format!("There is no preset '{id}'.")),
            },
            Action::Setting(change) => {
                let st = &mut next.scenario.settings;
                match change {
                    Setting::Intervention(a) => st.intervention = a,
                    Setting::Comparator(a) => st.comparator = a,
                    Setting::Perspective(p) => st.perspective = p,
                    Setting::CostInput(c) => st.cost_input = c,
                    Setting::CrimeInput(c) => st.crime_input = c,
                    Setting::Intangible(on) => st.include_intangible = on,
                    Setting::Vsl(on) => st.include_vsl = on,
                }
            }
            Action::Restore(query) => match decode(&query) {
                Ok(shared) => {
                    next.scenario = shared.scenario;
                    next.preset = shared.preset;
                    next.seed = shared.seed;
                    next.errors.clear();
                    next.changed.clear();
                    next.notice = None;
                }
                Err(e) => {
                    next.notice = Some(format!(
                        "{e}. The calculator kept its previous assumptions."
                    ))
                }
            },
            Action::Seed(seed) => next.seed = seed,
            Action::DismissNotice => next.notice = None,
            Action::Load(shared, message) => {
                let shared = *shared;
                next.scenario = shared.scenario;
                next.preset = shared.preset;
                next.seed = shared.seed;
                next.errors.clear();
                next.changed.clear();
                next.notice = Some(message);
            }
            Action::Refuse(message) => next.notice = Some(message),
            Action::Basis(basis) => match self.scenario.rebased(basis) {
                Ok(s) => {
                    next.scenario = s;
                    // Refused text was typed in the old currency: drop it with the basis.
                    next.errors.clear();
                }
                Err(e) => {
                    next.notice = Some(format!(
                        "Money cannot be shown in {basis}: {e}. The calculator kept its previous currency."
                    ))
                }
            },
        }
        next
    }

    /// The permalink query string for this state.
    pub fn query(&self) -> String {
        query_of(&self.scenario, self.preset, self.seed)
    }
}

/// The permalink query of `s` started from `preset` (an unknown id: the default), with `seed`:
/// an exact encoding of `s` whatever preset it names, as the workers read it.
pub fn query_of(s: &Scenario, preset: &str, seed: u64) -> String {
    encode(s, find_preset(preset).unwrap_or(&PRESETS[0]), seed)
}

impl yew::Reducible for State {
    type Action = Action;

    fn reduce(self: Rc<Self>, action: Action) -> Rc<Self> {
        Rc::new(self.apply(action))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn valid_input_changes_the_scenario() {
        let s = State::default().apply(Action::Set(P::DamRetention12m, "0.8".into()));
        assert_eq!(s.scenario.get(P::DamRetention12m), 0.8);
        assert!(s.errors.is_empty());
    }

    #[test]
    fn a_new_currency_converts_money_and_keeps_everything_else() {
        use hatcalc::money::{conversion_factor, Economy};
        let before = State::default().apply(Action::Set(P::DamCostYear, "30000".into()));
        let chf = PriceBasis::new(Economy::CH, 2010);
        let after = before.apply(Action::Basis(chf));
        let k = conversion_factor(PriceBasis::US_2024, chf).unwrap_or(f64::NAN);
        assert_eq!(after.scenario.basis(), chf);
        assert!((after.scenario.get(P::DamCostYear) - 30_000.0 * k).abs() < 1e-6);
        assert_eq!(
            after.scenario.get(P::DamRetention12m),
            before.scenario.get(P::DamRetention12m)
        );
        assert!(after.query().contains("money=CH.2010"), "{}", after.query());
        // A year outside the price index is refused with a message; nothing changes.
        let refused = after.apply(Action::Basis(PriceBasis::new(Economy::CH, 1900)));
        assert_eq!(refused.scenario, after.scenario);
        assert!(refused.notice.is_some_and(|n| n.contains("1900")));
    }

    #[test]
    fn bad_input_keeps_the_last_good_value_and_says_why() {
        let before = State::default();
        for text in ["abc", "1.5", "NaN", "inf", "", "<script>alert(1)</script>"] {
            let after = before.apply(Action::Set(P::DamRetention12m, text.into()));
            assert_eq!(after.scenario, before.scenario, "{text}");
            let (typed, msg) = &after.errors[&P::DamRetention12m];
            assert_eq!(typed, text);
            assert!(msg.contains("dam.retention_12m"), "{msg}");
        }
    }

    #[test]
    fn reset_restores_default_and_clears_the_message() {
        let s = State::default()
            .apply(Action::Set(P::MmtCostYear, "9000".into()))
            .apply(Action::Set(P::MmtCostYear, "x".into()))
            .apply(Action::Reset(P::MmtCostYear));
        assert_eq!(
            s.scenario.get(P::MmtCostYear),
            s.scenario.default_of(P::MmtCostYear)
        );
        assert!(s.errors.is_empty());
    }

    #[test]
    fn preset_switch_reports_what_changed() {
        let s = State::default().apply(Action::Preset("byford2013".into()));
        assert_eq!(s.preset, "byford2013");
        assert_eq!(s.scenario.basis().economy.currency(), "GBP");
        assert!(s.changed.contains(&P::DamCostYear));
        assert!(s.changed.contains(&P::HorizonYears));
        let s = s.apply(Action::Preset("nope".into()));
        assert_eq!(s.preset, "byford2013", "unknown preset changes nothing");
        assert!(s.notice.is_some());
    }

    #[test]
    fn permalink_round_trip_restores_everything() {
        let s = State::default()
            .apply(Action::Preset("dijkgraaf2005".into()))
            .apply(Action::Set(P::CrimeRrInjectable, "0.35".into()))
            .apply(Action::Setting(Setting::Perspective(
                Perspective::Government,
            )))
            .apply(Action::Seed(77));
        let restored = State::default().apply(Action::Restore(s.query()));
        assert_eq!(restored.scenario, s.scenario);
        assert_eq!((restored.preset, restored.seed), (s.preset, s.seed));
    }

    #[test]
    fn a_broken_link_keeps_the_state_and_says_so() {
        let before = State::default().apply(Action::Set(P::DamRetention12m, "0.8".into()));
        let after = before.apply(Action::Restore("v=1&x.dam.retention_12m=lots".into()));
        assert_eq!(after.scenario, before.scenario);
        assert!(after
            .notice
            .as_deref()
            .is_some_and(|n| n.contains("not a number")));
    }
}
