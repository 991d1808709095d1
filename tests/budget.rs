//! The budget by year: each mechanism (places times cost, the linear ramp-up, refills as
//! patients leave, the superposition of entry cohorts, start-up, running totals, the part
//! year, undiscounted cash) has a test named for it. That the monthly cohort it is built on
//! adds up to the per-patient model is tested in `tests/model.rs`.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use hatcalc::analysis::{budget, ramp_share, Budget, Payers, CASH};
use hatcalc::model::{evaluate, months, treatment_cost_per_year, Bearer, Category, Costs};
use hatcalc::scenario::CrimeInput;
use hatcalc::{Arm, Perspective, Scenario, P};

/// Relative error allowed for sums of hundreds of floating-point terms.
const ROUNDING: f64 = 1e-9;

fn close(a: f64, b: f64, what: &str) {
    assert!(
        (a - b).abs() <= ROUNDING * a.abs().max(b.abs()).max(1.0),
        "{what}: {a} vs {b}"
    );
}

fn with(s: Scenario, values: &[(P, f64)]) -> Scenario {
    values.iter().fold(s, |s, (p, v)| {
        s.with(*p, *v).unwrap_or_else(|e| panic!("{e}"))
    })
}

/// Nobody dies: every ratio to the general population and every overdose set to zero.
fn deathless(s: Scenario) -> Scenario {
    with(
        s,
        &[
            (P::MortSmrStreet, 0.0),
            (P::MortSmrMethadone, 0.0),
            (P::MortSmrInjectable, 0.0),
            (P::MortSmrAbstinent, 0.0),
            (P::MortSmrBuprenorphine, 0.0),
            (P::MortOverdoseStreet, 0.0),
        ],
    )
}

#[test]
fn with_full_retention_and_no_deaths_each_year_costs_places_times_the_cost_per_patient_year() {
    for years in [5.0, 3.5] {
        let s = with(
            deathless(Scenario::us_default()),
            &[
                (P::DamRetention12m, 1.0),
                (P::RampupMonths, 0.0),
                (P::Slots, 80.0),
                (P::ProgrammeYears, years),
            ],
        );
        let b = budget(&s);
        let cost = treatment_cost_per_year(&s, Arm::Heroin);
        assert_eq!(b.rows.len(), years.ceil() as usize);
        for r in &b.rows {
            let part = r.months as f64 / 12.0;
            close(
                r.programme.costs.get(Category::Treatment),
                80.0 * cost * part,
                &format!("year {} treatment", r.year),
            );
            close(r.places, 80.0, "places");
        }
        // Everyone enters in the first month and nobody leaves.
        close(b.rows[0].new_entrants, 80.0, "entrants");
        assert!(b.rows[1..].iter().all(|r| r.new_entrants == 0.0));
        assert_eq!(
            b.rows.last().unwrap().months,
            if years == 3.5 { 6 } else { 12 }
        );
        // Undiscounted, the programme's gross cost is the same treatment cash plus start-up.
        let programme = evaluate(&with(s, &[(P::DiscountCosts, 0.0)])).programme;
        close(
            b.total.programme.costs.get(Category::Treatment) + b.startup_cost,
            programme.gross_cost,
            "the programme's gross cost",
        );
    }
}

#[test]
fn the_ramp_up_fills_places_in_a_straight_line() {
    let n = 120.0;
    for ramp in [0.0, 1.0, 3.0, 6.0, 7.5, 12.0] {
        let s = with(
            Scenario::us_default(),
            &[(P::Slots, n), (P::RampupMonths, ramp)],
        );
        let b = budget(&s);
        // Year 1: the mean of a line from 0 to N over `ramp` months, then N.
        close(
            b.rows[0].place_years,
            n * (1.0 - ramp / 24.0),
            &format!("year 1 place-years, ramp-up {ramp}"),
        );
        close(b.rows[1].place_years, n, "year 2 place-years");
        for (m, places) in b.places_by_month.iter().enumerate() {
            let line = if (m as f64) + 1.0 <= ramp {
                n * (m as f64 + 0.5) / ramp
            } else if (m as f64) >= ramp {
                n
            } else {
                *places
            };
            close(*places, line, &format!("month {m}, ramp-up {ramp}"));
        }
    }
    // Longer than a year: the line reaches N in year 3.
    let s = with(
        Scenario::us_default(),
        &[(P::Slots, n), (P::RampupMonths, 30.0)],
    );
    let b = budget(&s);
    close(b.rows[0].place_years, n * 6.0 / 30.0, "year 1 of 30");
    close(b.rows[1].place_years, n * 18.0 / 30.0, "year 2 of 30");
    // Year 3: months 24 to 30 on the line (mean 27/30), then six months full.
    close(
        b.rows[2].place_years,
        n * (6.0 * 27.0 / 30.0 + 6.0) / 12.0,
        "year 3 of 30",
    );
    close(ramp_share(0, 0.0), 1.0, "no ramp-up");
}

#[test]
fn refills_keep_the_places_full_when_patients_leave() {
    for retention in [0.0, 0.2, 0.672] {
        let s = with(
            Scenario::us_default(),
            &[
                (P::DamRetention12m, retention),
                (P::RampupMonths, 6.0),
                (P::Slots, 100.0),
            ],
        );
        let b = budget(&s);
        for (m, places) in b.places_by_month.iter().enumerate().skip(6) {
            close(*places, 100.0, &format!("month {m}, retention {retention}"));
        }
        // Leavers are replaced: entrants after the ramp-up, more patients than places.
        assert!(b.entrants_by_month[6..].iter().all(|e| *e > 0.0));
        assert!(b.total.new_entrants > 100.0 * (1.0 + (1.0 - retention)));
        for r in &b.rows[1..] {
            close(r.places, 100.0, "places after the ramp-up");
            assert!(r.in_treatment_at_start <= 100.0 + 1e-9);
        }
    }
}

/// Cash of `arm` over the window by the direct sum over entry cohorts:
/// `sum_e E_e x sum_{t < W - e} cash(t)`, with the cohort followed over the window.
fn direct(s: &Scenario, b: &Budget, arm: Arm) -> Costs {
    let w = s
        .clone()
        .with(P::HorizonYears, b.window_months as f64 / 12.0)
        .unwrap();
    let cohort = months(&w, arm);
    let mut out = Costs::default();
    for (e, n) in b.entrants_by_month.iter().enumerate() {
        for month in cohort.iter().take(b.window_months - e) {
            for (x, y) in out.0.iter_mut().zip(month.costs.0) {
                *x += n * y;
            }
        }
    }
    out
}

#[test]
fn yearly_cash_adds_up_to_the_direct_sum_over_entry_cohorts() {
    let base = with(
        Scenario::us_default(),
        &[(P::DiscountCosts, 0.0), (P::HorizonYears, 60.0)],
    );
    for (years, ramp, crime, comparator) in [
        (5.0, 12.0, CrimeInput::Offences, Arm::Methadone),
        (7.25, 5.5, CrimeInput::PerYear, Arm::NoTreatment),
        (2.0, 30.0, CrimeInput::Offences, Arm::Buprenorphine),
    ] {
        let mut s = with(
            base.clone(),
            &[(P::ProgrammeYears, years), (P::RampupMonths, ramp)],
        );
        s.settings.crime_input = crime;
        s.settings.comparator = comparator;
        let b = budget(&s);
        for (arm, cash) in [
            (Arm::Heroin, direct(&s, &b, Arm::Heroin)),
            (comparator, direct(&s, &b, comparator)),
        ] {
            let yearly = |c: Category| -> f64 {
                b.rows
                    .iter()
                    .map(|r| {
                        if arm == Arm::Heroin {
                            r.programme.costs.get(c)
                        } else {
                            r.counterfactual.costs.get(c)
                        }
                    })
                    .sum()
            };
            for c in CASH {
                close(
                    yearly(c),
                    cash.get(c),
                    &format!("{arm:?} {c:?} over {years}"),
                );
            }
            close(
                yearly(Category::VictimIntangible),
                cash.get(Category::VictimIntangible),
                "intangible",
            );
        }
        // By payer: each cash category to its bearer, start-up to the health budget.
        let cash_with = direct(&s, &b, Arm::Heroin);
        let cash_without = direct(&s, &b, comparator);
        for br in Bearer::ALL {
            let of = |c: &Costs| -> f64 {
                CASH.iter()
                    .filter(|k| k.bearer() == br)
                    .map(|k| c.get(*k))
                    .sum()
            };
            let startup = if br == Bearer::Health {
                b.startup_cost
            } else {
                0.0
            };
            let sum: f64 = b.rows.iter().map(|r| r.impact.get(br)).sum();
            close(sum, of(&cash_with) - of(&cash_without) + startup, "payer");
            close(b.total.impact.get(br), sum, "total by payer");
        }
    }
}

#[test]
fn the_budget_is_undiscounted_and_ignores_the_per_patient_horizon() {
    let s = Scenario::us_default();
    let other = with(
        s.clone(),
        &[(P::DiscountCosts, 0.06), (P::HorizonYears, 2.0)],
    );
    let (a, b) = (budget(&s), budget(&other));
    assert_eq!(a.rows, b.rows);
}

#[test]
fn start_up_is_paid_in_year_one_only() {
    let s = with(
        Scenario::us_default(),
        &[(P::Slots, 50.0), (P::StartupPerSlot, 8_000.0)],
    );
    let b = budget(&s);
    close(b.startup_cost, 400_000.0, "start-up");
    close(b.rows[0].startup, 400_000.0, "year 1");
    assert!(b.rows[1..].iter().all(|r| r.startup == 0.0));
    let r = &b.rows[0];
    let health = |c: &Costs| -> f64 {
        CASH.iter()
            .filter(|k| k.bearer() == Bearer::Health)
            .map(|k| c.get(*k))
            .sum()
    };
    close(
        r.impact.health,
        health(&r.programme.costs) - health(&r.counterfactual.costs) + 400_000.0,
        "year 1 health impact",
    );
    for r in &b.rows[1..] {
        close(
            r.impact.health,
            health(&r.programme.costs) - health(&r.counterfactual.costs),
            "later health impact",
        );
    }
}

#[test]
fn cumulative_totals_are_running_sums_and_net_counts_the_perspective() {
    for perspective in Perspective::ALL {
        let mut s = with(Scenario::us_default(), &[(P::ProgrammeYears, 6.5)]);
        s.settings.perspective = perspective;
        let b = budget(&s);
        let mut run = Payers::default();
        let mut net = 0.0;
        for r in &b.rows {
            run.health += r.impact.health;
            run.justice += r.impact.justice;
            run.victims += r.impact.victims;
            run.wider += r.impact.wider;
            net += r.net;
            for br in Bearer::ALL {
                close(r.cumulative.get(br), run.get(br), "cumulative by payer");
            }
            close(r.cumulative_net, net, "cumulative net");
            let counted = match perspective {
                Perspective::HealthSystem => r.impact.health,
                Perspective::Government => r.impact.health + r.impact.justice,
                Perspective::Society => {
                    r.impact.health + r.impact.justice + r.impact.victims + r.impact.wider
                }
            };
            close(r.net, counted, "net under the perspective");
        }
        close(b.total.net, net, "total net");
    }
}

#[test]
fn a_fractional_programme_ends_with_a_part_year() {
    let s = with(
        Scenario::us_default(),
        &[(P::ProgrammeYears, 2.5), (P::RampupMonths, 0.0)],
    );
    let b = budget(&s);
    assert_eq!(b.window_months, 30);
    assert_eq!(
        b.rows.iter().map(|r| r.months).collect::<Vec<_>>(),
        [12, 12, 6]
    );
    close(b.rows[2].place_years, 50.0, "half a year of 100 places");
    close(b.rows[2].places, 100.0, "places");
    let half = budget(&with(s, &[(P::ProgrammeYears, 0.5)]));
    assert_eq!(half.rows.len(), 1);
    assert_eq!(half.rows[0].months, 6);
}

#[test]
fn a_programme_without_treatment_costs_only_its_start_up() {
    let mut s = Scenario::us_default();
    s.settings.intervention = Arm::NoTreatment;
    s.settings.comparator = Arm::NoTreatment;
    let b = budget(&s);
    assert_eq!(b.total.new_entrants, 0.0);
    close(b.total.net, b.startup_cost, "start-up only");
    close(b.rows[0].net, b.startup_cost, "in year 1");
}

/// Every number in the budget, through its JSON form (serde writes NaN and infinity as null).
fn all_finite(b: &Budget) -> bool {
    fn walk(v: &serde_json::Value) -> bool {
        match v {
            serde_json::Value::Null => false,
            serde_json::Value::Number(n) => n.as_f64().is_some_and(f64::is_finite),
            serde_json::Value::Array(a) => a.iter().all(walk),
            serde_json::Value::Object(o) => o.values().all(walk),
            _ => true,
        }
    }
    walk(&serde_json::to_value(b).unwrap())
}

#[test]
fn extreme_accepted_inputs_give_finite_budgets() {
    let arms = [
        (Arm::Heroin, Arm::Methadone),
        (Arm::Methadone, Arm::NoTreatment),
        (Arm::NoTreatment, Arm::Heroin),
    ];
    for (years, slots, ramp, retention, age) in [
        (0.5, 0.0, 0.0, 0.0, 12.0),
        (0.55, 100_000.0, 3_600.0, 1.0, 90.0),
        (100.0, 1_000.0, 36.0, 0.0, 90.0),
        (100.0, 10.0, 0.0, 1.0, 12.0),
        (37.3, 250.0, 0.5, 0.5, 60.0),
    ] {
        for (a, c) in arms {
            let mut s = with(
                Scenario::us_default(),
                &[
                    (P::ProgrammeYears, years),
                    (P::Slots, slots),
                    (P::RampupMonths, ramp),
                    (P::DamRetention12m, retention),
                    (P::MmtRetention12m, retention),
                    (P::StartAge, age),
                ],
            );
            s.settings.intervention = a;
            s.settings.comparator = c;
            let b = budget(&s);
            assert!(
                all_finite(&b),
                "{years} {slots} {ramp} {retention} {age} {a:?}"
            );
            assert_eq!(b.rows.len(), b.window_months.div_ceil(12));
            assert_eq!(b.window_months, (years * 12.0_f64).round() as usize);
            assert!(b.places_by_month.iter().all(|p| *p <= slots * (1.0 + 1e-9)));
        }
    }
}
