//! The decide layer: what a result means for each payer, in words that never say "saves" where
//! it does not. The page, the widget, the brief, the exports and the CLI all word results
//! from here and only format the amounts.

use crate::model::{Bearer, Category, Outcome};
use crate::scenario::{Perspective, Scenario};
use serde::Serialize;

/// Which way an amount goes for whoever it is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Direction {
    /// Less money spent than without the treatment.
    Saves,
    /// More money spent.
    Costs,
    /// No difference at the precision shown (under half a unit of currency a year).
    Even,
}

impl Direction {
    /// The direction of a net benefit (positive: saves).
    pub fn of_net_benefit(net_benefit: f64) -> Direction {
        if net_benefit >= 0.5 {
            Direction::Saves
        } else if net_benefit <= -0.5 {
            Direction::Costs
        } else {
            Direction::Even
        }
    }
}

/// One perspective's result per patient-year, side by side with the others.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct PerspectiveRow {
    /// The perspective.
    pub perspective: Perspective,
    /// Net benefit per patient-year, averaged over the horizon (positive: saves).
    pub net_benefit_per_year: f64,
    /// Net benefit over the horizon, per patient.
    pub net_benefit: f64,
    /// Costs avoided per unit of extra treatment cost (`None` without extra treatment cost).
    pub benefit_cost_ratio: Option<f64>,
    /// Whether this perspective's budget is better or worse off.
    pub direction: Direction,
}

/// Who gains and who pays, per patient-year averaged over the horizon (positive: that payer
/// is better off). Cash is kept apart from victims' intangible costs and from the value of
/// lives; the value of health is in QALYs, never here.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Ledger {
    /// The health budget: treatment, overdoses, other care, HIV and hepatitis C.
    pub health: f64,
    /// Police, courts and prisons.
    pub justice: f64,
    /// Victims' money losses (cash).
    pub victims_tangible: f64,
    /// Victims' pain, suffering and fear (not cash; counted only when switched on).
    pub victims_intangible: f64,
    /// Work gained (cash to the wider economy).
    pub productivity: f64,
    /// Deaths at the value of a statistical life (not cash; counted only when switched on).
    pub lives: f64,
}

/// The headline: every perspective, the ledger and the sentence that reads them out.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
pub struct Headline {
    /// Health system, government and society, narrowest first.
    pub rows: [PerspectiveRow; 3],
    /// Per payer.
    pub ledger: Ledger,
    /// Whether victims' intangible costs count in the societal row.
    pub intangible_counted: bool,
    /// Whether deaths at the value of a statistical life count in the societal row.
    pub vsl_counted: bool,
}

/// Read an outcome as a headline.
pub fn headline(s: &Scenario, o: &Outcome) -> Headline {
    let years = o.horizon_years.max(f64::MIN_POSITIVE);
    let rows = Perspective::ALL.map(|p| {
        let c = o.chosen(p);
        PerspectiveRow {
            perspective: p,
            net_benefit_per_year: c.net_benefit_per_year,
            net_benefit: c.net_benefit,
            benefit_cost_ratio: c.benefit_cost_ratio,
            direction: Direction::of_net_benefit(c.net_benefit_per_year),
        }
    });
    // Better off = the comparator's cost minus the intervention's.
    let gain = |cats: &[Category]| -cats.iter().map(|c| o.delta(*c)).sum::<f64>() / years;
    let bearer = |b: Bearer| {
        let cats: Vec<Category> = Category::ALL
            .into_iter()
            .filter(|c| c.bearer() == b)
            .collect();
        gain(&cats)
    };
    let st = s.settings;
    let ledger = Ledger {
        health: bearer(Bearer::Health),
        justice: bearer(Bearer::Justice),
        victims_tangible: gain(&[Category::VictimTangible]),
        victims_intangible: if st.include_intangible {
            gain(&[Category::VictimIntangible])
        } else {
            0.0
        },
        productivity: gain(&[Category::Productivity]),
        lives: if st.include_vsl {
            gain(&[Category::LivesLost])
        } else {
            0.0
        },
    };
    Headline {
        rows,
        ledger,
        intangible_counted: st.include_intangible,
        vsl_counted: st.include_vsl,
    }
}

impl Headline {
    /// The row of one perspective.
    pub fn row(&self, p: Perspective) -> &PerspectiveRow {
        &self.rows[p as usize]
    }

    /// "Heroin-assisted treatment costs the health budget $X and saves police, courts and
    /// prisons $Y a patient-year against oral methadone (taxpayers pay $X − $Y more in all); to
    /// society it is worth $Z net, counting victims' pain and suffering." Amounts are per patient-year averaged over the horizon and
    /// formatted by `money` (given absolute values); a payer no better or worse off is said
    /// to be unchanged, and "saves" is used only where a budget is better off.
    pub fn sentence(
        &self,
        intervention: &str,
        comparator: &str,
        money: impl Fn(f64) -> String,
    ) -> String {
        let l = &self.ledger;
        let payer = |amount: f64, whom: &str| match Direction::of_net_benefit(amount) {
            Direction::Saves => format!("saves {whom} {}", money(amount.abs())),
            Direction::Costs => format!("costs {whom} {}", money(amount.abs())),
            Direction::Even => format!("leaves {whom} no better or worse off"),
        };
        let gov = self.row(Perspective::Government);
        let taxpayer = match gov.direction {
            Direction::Saves => format!(
                "taxpayers save {} in all",
                money(gov.net_benefit_per_year.abs())
            ),
            Direction::Costs => format!(
                "taxpayers pay {} more in all",
                money(gov.net_benefit_per_year.abs())
            ),
            Direction::Even => "taxpayers break even".into(),
        };
        let society = self.row(Perspective::Society);
        let including = match (self.intangible_counted, self.vsl_counted) {
            (true, true) => {
                ", counting victims' pain and suffering and lives at their statistical value"
            }
            (true, false) => ", counting victims' pain and suffering",
            (false, true) => {
                ", counting lives at their statistical value but not victims' pain and suffering"
            }
            (false, false) => ", counting cash only (not victims' pain and suffering)",
        };
        let worth = match society.direction {
            Direction::Saves => format!(
                "to society it is worth {} net{including}",
                money(society.net_benefit_per_year.abs())
            ),
            Direction::Costs => format!(
                "to society it costs {} net{including}",
                money(society.net_benefit_per_year.abs())
            ),
            Direction::Even => format!("to society it breaks even{including}"),
        };
        format!(
            "{intervention} {} and {} a patient-year against {comparator} ({taxpayer}); {worth}.",
            payer(l.health, "the health budget"),
            payer(l.justice, "police, courts and prisons"),
        )
    }
}

/// A break-even result in words: where the net benefit (or other metric) crosses its target,
/// whether that lies inside the plausible range, or that it never does in the accepted range,
/// with the sign at each end; and when the input does not move the result, which setting
/// would make it. `num` formats values of the input, `metric` values of the metric.
pub fn break_even_sentence(
    be: &crate::analysis::BreakEven,
    label: &str,
    num: impl Fn(f64) -> String,
    metric: impl Fn(f64) -> String,
) -> String {
    use crate::analysis::{Crossing, Use};
    let what = be.metric.label().to_ascii_lowercase();
    if let Use::Unused { when } = &be.used {
        return match when {
            Some(w) => format!(
                "{label} does not change the {what} under these settings; it would with {w}."
            ),
            None => format!("{label} does not change the {what} under any settings."),
        };
    }
    let (pl, ph) = be.plausible;
    let (lo, hi) = be.range;
    let others = be.all_crossings.len().saturating_sub(1);
    let more = if others > 0 {
        format!(
            " It crosses {} more time{} in the accepted range.",
            others,
            if others == 1 { "" } else { "s" }
        )
    } else {
        String::new()
    };
    match be.crossing {
        Crossing::At { value, .. } if (pl..=ph).contains(&value) => format!(
            "Break-even at {label} = {}, inside its plausible range ({} to {}): the treatment pays for itself on one side of this value.{more}",
            num(value), num(pl), num(ph)
        ),
        Crossing::At { value, .. } => format!(
            "No break-even within the plausible range of {} ({} to {}); over the whole accepted range it breaks even at {}, a value the evidence does not support.{more}",
            label.to_ascii_lowercase(), num(pl), num(ph), num(value)
        ),
        Crossing::NoneInRange { low, high } => format!(
            "No break-even anywhere in the accepted range of {} ({} to {}): the {what} is {} at the low end and {} at the high end.",
            label.to_ascii_lowercase(), num(lo), num(hi), metric(low.1 + be.target), metric(high.1 + be.target)
        ),
        Crossing::Undefined => format!(
            "The {what} is not defined anywhere in the accepted range of {}.",
            label.to_ascii_lowercase()
        ),
    }
}

/// The budget in one sentence: over the window, who pays more and who saves, in cash,
/// undiscounted ("The health budget pays $X more over 5 years; police, courts and prisons
/// save $Y; victims lose $Z less; in all, the payers the perspective counts save $W.").
pub fn budget_sentence(b: &crate::analysis::Budget, money: impl Fn(f64) -> String) -> String {
    let t = &b.total;
    let years = if (b.years - b.years.round()).abs() < 1e-9 {
        format!("{:.0}", b.years)
    } else {
        format!("{:.1}", b.years)
    };
    // Impact is extra spending: positive pays more.
    let clause = |amount: f64, who: &str, verb: &str| match Direction::of_net_benefit(-amount) {
        Direction::Saves => format!("{who} {verb} {} less", money(amount.abs())),
        Direction::Costs => format!("{who} {verb} {} more", money(amount.abs())),
        Direction::Even => format!("{who} {verb} no more and no less"),
    };
    let net = match Direction::of_net_benefit(-t.net) {
        Direction::Saves => format!("saves {} in all", money(t.net.abs())),
        Direction::Costs => format!("costs {} more in all", money(t.net.abs())),
        Direction::Even => "breaks even".into(),
    };
    format!(
        "Over {years} years of {:.0} places, in cash and undiscounted: {}; {}; {}; for the payers the {} perspective counts, the programme {net}.",
        b.slots,
        clause(t.impact.health, "the health budget", "pays"),
        clause(t.impact.justice, "police, courts and prisons", "spend"),
        clause(t.impact.victims, "victims of crime", "lose"),
        b.perspective.label().to_ascii_lowercase(),
    )
}

/// Who a perspective is about, in a verdict: "the health system", "taxpayers", "society".
pub fn payer_words(p: Perspective) -> &'static str {
    match p {
        Perspective::HealthSystem => "the health system",
        Perspective::Government => "taxpayers",
        Perspective::Society => "society",
    }
}

/// Horizons in words: "at 1, 5 and 10 years", "over a lifetime", "at 1 year and over a
/// lifetime".
fn horizons_words(hs: &[crate::analysis::GridHorizon]) -> String {
    let years: Vec<String> = hs
        .iter()
        .filter(|h| !h.lifetime)
        .map(|h| format!("{}", h.years))
        .collect();
    let lifetime = hs.iter().any(|h| h.lifetime);
    let at = match years.as_slice() {
        [] => String::new(),
        [one] if one == "1" => "at 1 year".into(),
        [one] => format!("at {one} years"),
        [init @ .., last] => format!("at {} and {last} years", init.join(", ")),
    };
    match (at.is_empty(), lifetime) {
        (true, true) => "over a lifetime".into(),
        (false, true) => format!("{at} and over a lifetime"),
        _ => at,
    }
}

/// One perspective's verdicts in words: "holds for society at every horizon", "fails for
/// taxpayers at 1, 5 and 10 years and holds over a lifetime". Each verdict names exactly the
/// horizons where it is so, so "holds" never covers a horizon where the claim fails.
pub fn claim_row_words(
    grid: &crate::analysis::ClaimGrid,
    row: &crate::analysis::GridRow,
) -> String {
    use crate::analysis::Verdict;
    let who = payer_words(row.perspective);
    let verb = |v: Verdict| match v {
        Verdict::Holds => "holds",
        Verdict::Fails => "fails",
        Verdict::Undefined => "is undefined",
    };
    let mut order: Vec<Verdict> = Vec::new();
    for c in &row.cells {
        if !order.contains(&c.verdict) {
            order.push(c.verdict);
        }
    }
    if let [only] = order.as_slice() {
        return format!("{} for {who} at every horizon", verb(*only));
    }
    let parts: Vec<String> = order
        .iter()
        .enumerate()
        .map(|(i, v)| {
            let hs: Vec<_> = grid
                .horizons
                .iter()
                .zip(&row.cells)
                .filter(|(_, c)| c.verdict == *v)
                .map(|(h, _)| *h)
                .collect();
            let whom = if i == 0 {
                format!(" for {who}")
            } else {
                String::new()
            };
            format!("{}{whom} {}", verb(*v), horizons_words(&hs))
        })
        .collect();
    match parts.as_slice() {
        [init @ .., last] if !init.is_empty() => format!("{} and {last}", init.join(", ")),
        _ => parts.join(""),
    }
}

/// The claim grid in one sentence, widest perspective first: "The claim holds for society at
/// every horizon; fails for taxpayers at 1, 5 and 10 years and holds over a lifetime; fails
/// for the health system at every horizon."
pub fn claim_grid_sentence(grid: &crate::analysis::ClaimGrid) -> String {
    let rows: Vec<String> = grid
        .rows
        .iter()
        .rev()
        .map(|r| claim_row_words(grid, r))
        .collect();
    format!("The claim {}.", rows.join("; "))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::evaluate;
    use crate::params::P;

    fn words(s: &Scenario) -> String {
        let o = evaluate(s);
        headline(s, &o).sentence("Heroin-assisted treatment", "oral methadone", |v| {
            format!("${v:.0}")
        })
    }

    #[test]
    fn the_sentence_never_says_saves_for_a_budget_that_pays_more() {
        let s = Scenario::us_default();
        let o = evaluate(&s);
        let h = headline(&s, &o);
        let text = words(&s);
        // At US defaults the health budget and taxpayers pay more; society gains.
        assert!(h.ledger.health < 0.0 && h.row(Perspective::Government).net_benefit < 0.0);
        assert!(text.contains("costs the health budget"), "{text}");
        assert!(text.contains("taxpayers pay"), "{text}");
        assert!(!text.contains("taxpayers save"), "{text}");
        // A treatment so cheap that every budget gains is said to save.
        let mut cheap = s.clone();
        cheap.set(P::DamCostYear, 0.0).ok();
        let text = words(&cheap);
        assert!(text.contains("saves the health budget"), "{text}");
        assert!(text.contains("taxpayers save"), "{text}");
    }

    #[test]
    fn the_ledger_adds_up_to_the_societal_net_benefit_per_year() {
        let mut s = Scenario::us_default();
        s.settings.include_vsl = true;
        let o = evaluate(&s);
        let h = headline(&s, &o);
        let l = h.ledger;
        let sum = l.health
            + l.justice
            + l.victims_tangible
            + l.victims_intangible
            + l.productivity
            + l.lives;
        let society = h.row(Perspective::Society).net_benefit_per_year;
        assert!(
            (sum - society).abs() < 1e-6 * society.abs().max(1.0),
            "{sum} vs {society}"
        );
        // The government row is the health budget plus the justice system.
        let gov = h.row(Perspective::Government).net_benefit_per_year;
        assert!((l.health + l.justice - gov).abs() < 1e-6 * gov.abs().max(1.0));
    }

    #[test]
    fn the_budget_sentence_says_more_or_less_by_the_sign_of_each_payers_cash() {
        let s = Scenario::us_default();
        let b = crate::analysis::budget(&s);
        let text = budget_sentence(&b, |v| format!("${v:.0}"));
        // US defaults: the health budget pays more, the justice system and victims less.
        assert!(b.total.impact.health > 0.0 && b.total.impact.justice < 0.0);
        assert!(
            text.contains("the health budget pays $") && text.contains(" more;"),
            "{text}"
        );
        assert!(
            text.contains("police, courts and prisons spend $") && text.contains("less"),
            "{text}"
        );
        assert!(!text.contains('-'), "{text}");
    }

    #[test]
    fn what_is_not_counted_is_not_in_the_ledger_or_the_words() {
        let mut s = Scenario::us_default();
        s.settings.include_intangible = false;
        let o = evaluate(&s);
        let h = headline(&s, &o);
        assert_eq!(h.ledger.victims_intangible, 0.0);
        assert!(words(&s).contains("cash only"));
    }

    fn grid_of(verdicts: [[crate::analysis::Verdict; 4]; 3]) -> crate::analysis::ClaimGrid {
        use crate::analysis::{Claim, ClaimGrid, GridCell, GridHorizon, GridRow, GRID_HORIZONS};
        ClaimGrid {
            claim: Claim::PAYS_FOR_ITSELF,
            own_perspective: Perspective::Society,
            own_horizon_years: 10.0,
            horizons: GRID_HORIZONS
                .iter()
                .map(|h| GridHorizon {
                    years: h.unwrap_or(60.0),
                    lifetime: h.is_none(),
                })
                .collect(),
            rows: Perspective::ALL
                .iter()
                .zip(verdicts)
                .map(|(p, vs)| GridRow {
                    perspective: *p,
                    cells: vs
                        .iter()
                        .map(|v| GridCell {
                            value: None,
                            verdict: *v,
                            levers: Vec::new(),
                            levers_searched: false,
                            probability: None,
                        })
                        .collect(),
                })
                .collect(),
            draws: 0,
        }
    }

    #[test]
    fn the_claim_grid_sentence_names_each_verdict_where_it_is_so() {
        use crate::analysis::Verdict::{Fails as F, Holds as H, Undefined as U};
        let g = grid_of([[F, F, F, F], [F, F, F, H], [H, H, H, H]]);
        assert_eq!(
            claim_grid_sentence(&g),
            "The claim holds for society at every horizon; fails for taxpayers at 1, 5 and 10 \
             years and holds over a lifetime; fails for the health system at every horizon."
        );
        let g = grid_of([[U, U, U, U], [H, F, F, U], [F, H, F, H]]);
        assert_eq!(
            claim_grid_sentence(&g),
            "The claim fails for society at 1 and 10 years and holds at 5 years and over a \
             lifetime; holds for taxpayers at 1 year, fails at 5 and 10 years and is undefined \
             over a lifetime; is undefined for the health system at every horizon."
        );
    }

    #[test]
    fn the_claim_grid_never_says_holds_where_the_claim_fails() {
        use crate::analysis::Verdict;
        let vs = [Verdict::Holds, Verdict::Fails, Verdict::Undefined];
        // Every combination of verdicts in one row: the words after "holds" name exactly the
        // horizons where it holds.
        for code in 0..81usize {
            let row: [Verdict; 4] = std::array::from_fn(|i| vs[(code / 3usize.pow(i as u32)) % 3]);
            let g = grid_of([row; 3]);
            let text = claim_row_words(&g, &g.rows[0]);
            let holds: Vec<_> = g
                .horizons
                .iter()
                .zip(row)
                .filter(|(_, v)| *v == Verdict::Holds)
                .map(|(h, _)| *h)
                .collect();
            if holds.is_empty() {
                assert!(!text.contains("holds"), "{row:?}: {text}");
            } else if holds.len() == 4 {
                assert_eq!(text, "holds for the health system at every horizon");
            } else {
                let said = format!(
                    "holds{} {}",
                    if row[0] == Verdict::Holds {
                        " for the health system"
                    } else {
                        ""
                    },
                    horizons_words(&holds)
                );
                assert!(text.contains(&said), "{row:?}: {text}");
                assert_eq!(text.matches("holds").count(), 1, "{text}");
            }
        }
    }

    #[test]
    fn pays_for_itself_at_us_defaults_fails_for_taxpayers_and_holds_for_society_at_ten_years() {
        let s = Scenario::us_default();
        let g = crate::analysis::check_claim_grid_with(
            &s,
            crate::analysis::Claim::PAYS_FOR_ITSELF,
            None,
            false,
        );
        let words = claim_grid_sentence(&g);
        let gov = g.row(Perspective::Government).map(|r| r.cells[2].verdict);
        let soc = g.row(Perspective::Society).map(|r| r.cells[2].verdict);
        assert_eq!(gov, Some(crate::analysis::Verdict::Fails), "{words}");
        assert_eq!(soc, Some(crate::analysis::Verdict::Holds), "{words}");
        assert!(!words.contains("holds for taxpayers at every"), "{words}");
    }
}
