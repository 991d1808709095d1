//! UI state and its one reducer. The scenario is the only source of truth; results are
//! derived from it by memoised calls into the model, never stored here.

use hatcalc::{Scenario, P};
use std::collections::BTreeMap;
use std::rc::Rc;

/// The inputs the page offers.
pub const INPUTS: [P; 6] = [
    P::DamCostYear,
    P::MmtCostYear,
    P::DamRetention12m,
    P::MmtRetention12m,
    P::CrimeRrInjectable,
    P::CrimePropertyRate,
];

/// Everything the page remembers.
#[derive(Debug, Clone, PartialEq)]
pub struct State {
    /// The last valid scenario.
    pub scenario: Scenario,
    /// The parameter the break-even curve varies.
    pub curve_param: P,
    /// Per-field messages for refused input, with the text the user typed.
    pub errors: BTreeMap<P, (String, String)>,
}

impl Default for State {
    fn default() -> Self {
        State {
            scenario: Scenario::us_default(),
            curve_param: P::DamCostYear,
            errors: BTreeMap::new(),
        }
    }
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
}

impl State {
    /// Apply an action; refused input leaves the scenario as it was and records a message.
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
        }
        next
    }
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
    fn bad_input_keeps_the_last_good_value_and_says_why() {
        let before = State::default();
        for text in ["abc", "1.5", "NaN", "inf", ""] {
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
}
