//! `hatcalc`: the model on the command line, for scripted use.
//!
//! `hatcalc params` prints the registry; `hatcalc eval` evaluates a scenario built from the
//! defaults (or a preset) and `--set ID=VALUE` overrides; the analyses (`breakeven`, `curve`,
//! `tornado`, `psa`, `evppi`, `claim`) run on the same scenario arguments. Bad input exits non-zero with a
//! message naming the parameter.

use clap::{Args, Parser, Subcommand, ValueEnum};
use hatcalc::analysis::{
    break_even, budget, check_claim, check_claim_grid, curve, evppi, psa, thresholds, tornado,
    Budget, Claim, ClaimComparison, Crossing, Estimate, MaxCost, Method, Metric, PsaConfig, Row,
    Tolerance, Use,
};
use hatcalc::export;
use hatcalc::model::{Bearer, Category};
use hatcalc::money::{Economy, PriceBasis};
use hatcalc::params::{Origin, PARAMS};
use hatcalc::presets::{find as find_preset, PRESETS};
use hatcalc::scenario::{excerpt, CostInput, CrimeInput, Settings};
use hatcalc::sources::source;
use hatcalc::texts::Texts;
use hatcalc::{evaluate, Arm, Perspective, Scenario, P};
use serde_json::{json, Value};
use std::process::ExitCode;

/// `println!` that ignores a closed stdout (`hatcalc ... | head`) instead of panicking.
macro_rules! outln {
    ($($arg:tt)*) => {{
        use std::io::Write as _;
        let _ = writeln!(std::io::stdout(), $($arg)*);
    }};
}

#[derive(Parser)]
#[command(
    name = "hatcalc",
    version,
    about = "Costs and savings of heroin-assisted treatment, hydromorphone and methadone"
)]
struct Cli {
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    /// Print the parameter registry (every input, its default, range and source).
    Params {
        /// Output format.
        #[arg(long, value_enum, default_value_t = Format::Json)]
        format: Format,
    },
    /// List the presets: published evaluations and what each reproduces.
    Presets,
    /// Write the scenario's inputs or results as CSV, or the scenario as a JSON file.
    Export {
        /// What to write.
        #[arg(value_enum)]
        what: ExportWhat,
        #[command(flatten)]
        scenario: ScenarioArgs,
        /// Monte Carlo draws summarised in the results (0 for none).
        #[arg(long, default_value_t = 5_000)]
        draws: usize,
        /// Monte Carlo seed (default: the scenario file's, or 1).
        #[arg(long)]
        seed: Option<u64>,
        /// The permalink to write into the results.
        #[arg(long, default_value = "")]
        permalink: String,
    },
    /// Evaluate a scenario and print the breakdown.
    Eval {
        #[command(flatten)]
        scenario: ScenarioArgs,
        /// Print JSON instead of a table.
        #[arg(long)]
        json: bool,
    },
    /// The programme's budget by year: undiscounted cash by payer, with and without it.
    Budget {
        #[command(flatten)]
        scenario: ScenarioArgs,
        /// Print JSON instead of a table.
        #[arg(long, conflicts_with = "format")]
        json: bool,
        /// Print JSON or CSV (with units, price basis and sources) instead of a table.
        #[arg(long, value_enum)]
        format: Option<Format>,
    },
    /// The value of one parameter at which a metric reaches a target (default: net benefit 0).
    Breakeven {
        #[command(flatten)]
        scenario: ScenarioArgs,
        /// Parameter id (see `hatcalc params`).
        #[arg(long)]
        param: String,
        #[command(flatten)]
        metric: MetricArgs,
        /// Target value of the metric.
        #[arg(long, default_value_t = 0.0, allow_hyphen_values = true)]
        target: f64,
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
    /// A metric across one parameter's plausible range, with the break-even point.
    Curve {
        #[command(flatten)]
        scenario: ScenarioArgs,
        /// Parameter id.
        #[arg(long)]
        param: String,
        #[command(flatten)]
        metric: MetricArgs,
        /// Number of points (at least 2).
        #[arg(long, default_value_t = 101)]
        points: usize,
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
    /// What it takes to break even, per perspective: the savings needed per treated
    /// patient-year and the highest treatment cost per patient-year that still breaks even.
    Thresholds {
        #[command(flatten)]
        scenario: ScenarioArgs,
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
    /// Every parameter at its low and high: the tornado, widest swing first.
    Tornado {
        #[command(flatten)]
        scenario: ScenarioArgs,
        #[command(flatten)]
        metric: MetricArgs,
        /// Show only the widest N bars in the table.
        #[arg(long, default_value_t = 15)]
        top: usize,
        /// Print JSON (every bar).
        #[arg(long)]
        json: bool,
    },
    /// Monte Carlo: draws from every parameter's distribution.
    Psa {
        #[command(flatten)]
        scenario: ScenarioArgs,
        #[command(flatten)]
        mc: McArgs,
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
    /// Expected value of partial perfect information: how much of the decision uncertainty
    /// each input and group of inputs accounts for, from the Monte Carlo draws.
    Evppi {
        #[command(flatten)]
        scenario: ScenarioArgs,
        #[command(flatten)]
        mc: McArgs,
        /// Show only the N inputs with the highest EVPPI in the table.
        #[arg(long, default_value_t = 15)]
        top: usize,
        /// Print JSON (every input and group).
        #[arg(long)]
        json: bool,
    },
    /// What a claim needs: e.g. `claim --metric net_benefit_per_year --at-least 12793`.
    Claim {
        #[command(flatten)]
        scenario: ScenarioArgs,
        #[command(flatten)]
        metric: MetricArgs,
        /// The claim: the metric is at least this.
        #[arg(long, allow_hyphen_values = true, conflicts_with = "at_most")]
        at_least: Option<f64>,
        /// The claim: the metric is at most this.
        #[arg(long, allow_hyphen_values = true)]
        at_most: Option<f64>,
        #[command(flatten)]
        mc: McArgs,
        /// Print JSON.
        #[arg(long)]
        json: bool,
    },
}

#[derive(Args)]
struct MetricArgs {
    /// net_benefit, net_benefit_per_year, net_benefit_year_one, benefit_cost_ratio,
    /// net_monetary_benefit or programme_net_benefit.
    #[arg(long, default_value = "net_benefit")]
    metric: String,
}

impl MetricArgs {
    fn parse(&self) -> Result<Metric, String> {
        Metric::from_id(&self.metric).ok_or_else(|| {
            let ids: Vec<&str> = Metric::ALL.iter().map(|m| m.id()).collect();
            format!(
                "unknown metric '{}' (use one of: {})",
                excerpt(&self.metric),
                ids.join(", ")
            )
        })
    }
}

#[derive(Args)]
struct McArgs {
    /// Number of draws (1 to 100000).
    #[arg(long, default_value_t = 10_000)]
    draws: usize,
    /// Seed: the same seed reproduces a run exactly.
    #[arg(long, default_value_t = 1)]
    seed: u64,
}

impl McArgs {
    fn config(&self) -> Result<PsaConfig, String> {
        if self.draws == 0 || self.draws > PsaConfig::MAX_DRAWS {
            return Err(format!(
                "--draws must be 1 to {}, got {}",
                PsaConfig::MAX_DRAWS,
                self.draws
            ));
        }
        Ok(PsaConfig::new(self.draws, self.seed))
    }
}

fn param_id(id: &str) -> Result<P, String> {
    hatcalc::params::find(id)
        .ok_or_else(|| format!("unknown parameter '{}' (see `hatcalc params`)", excerpt(id)))
}

fn print_json<T: serde::Serialize>(v: &T) {
    outln!("{}", serde_json::to_string_pretty(v).unwrap_or_default());
}

#[derive(Clone, Copy, ValueEnum)]
enum Format {
    Json,
    Csv,
}

/// What `hatcalc export` writes.
#[derive(Clone, Copy, ValueEnum)]
enum ExportWhat {
    /// Every input with its unit and source (CSV).
    Inputs,
    /// The results with units, Monte Carlo summary and sources (CSV).
    Results,
    /// The scenario file (JSON) that the calculator opens.
    Scenario,
}

#[derive(Args)]
struct ScenarioArgs {
    /// Start from a scenario file saved by the calculator (other options apply on top).
    #[arg(long, conflicts_with = "preset")]
    file: Option<std::path::PathBuf>,
    /// Start from a published evaluation's inputs (see `hatcalc presets`).
    #[arg(long)]
    preset: Option<String>,
    /// Override a parameter: --set dam.retention_12m=0.8 (repeatable; see `hatcalc params`).
    #[arg(long = "set", value_name = "ID=VALUE")]
    set: Vec<String>,
    /// Whose costs count: health, government or society.
    #[arg(long)]
    perspective: Option<String>,
    /// The treatment evaluated: heroin, hydromorphone, methadone or buprenorphine.
    #[arg(long)]
    intervention: Option<String>,
    /// The comparator: methadone, buprenorphine or none (or heroin, hydromorphone).
    #[arg(long)]
    comparator: Option<String>,
    /// Treatment cost entered as published totals or built from parts.
    #[arg(long, value_enum)]
    cost_input: Option<CostArg>,
    /// Crime entered as priced offences or as per-year costs.
    #[arg(long, value_enum)]
    crime_input: Option<CrimeArg>,
    /// Economy for money and life tables: US, DE, NL, GB, CA, CH, DK, AU, BE, ES, AT, FR, IE or NO
    /// (default: US, or the preset's).
    #[arg(long)]
    economy: Option<String>,
    /// Price year for money (default: 2024, or the preset's).
    #[arg(long)]
    price_year: Option<u16>,
    /// Count victims' intangible costs (pain, fear) in the societal perspective.
    #[arg(long, value_enum)]
    intangible: Option<Switch>,
    /// Value deaths within the horizon at the value of a statistical life in the societal net
    /// benefit (never in cost per QALY or net monetary benefit).
    #[arg(long, value_enum)]
    vsl: Option<Switch>,
}

#[derive(Clone, Copy, ValueEnum)]
enum Switch {
    On,
    Off,
}

#[derive(Clone, Copy, ValueEnum)]
enum CrimeArg {
    Offences,
    PerYear,
}

#[derive(Clone, Copy, ValueEnum)]
enum CostArg {
    Total,
    Parts,
}

fn main() -> ExitCode {
    let cli = Cli::parse();
    let result = match cli.command {
        Command::Params { format } => {
            print_params(format);
            Ok(())
        }
        Command::Presets => {
            print_presets();
            Ok(())
        }
        Command::Eval { scenario, json } => build(&scenario).map(|s| print_eval(&s, json)),
        Command::Budget {
            scenario,
            json,
            format,
        } => build(&scenario).map(|s| {
            let b = budget(&s);
            match (json, format) {
                (true, _) | (_, Some(Format::Json)) => print_budget_json(&s, &b),
                (_, Some(Format::Csv)) => {
                    outln!("{}", export::budget_csv(&s, &b, &Texts::all()).trim_end_matches('\n'))
                }
                (false, None) => print_budget(&s, &b),
            }
        }),
        Command::Export {
            what,
            scenario,
            draws,
            seed,
            permalink,
        } => build(&scenario).and_then(|s| {
            let seed = match (seed, &scenario.file) {
                (Some(seed), _) => seed,
                (None, Some(path)) => read_file(path)?.seed,
                (None, None) => 1,
            };
            let text = match what {
                ExportWhat::Inputs => export::inputs_csv(&s, &Texts::all()),
                ExportWhat::Results => {
                    if draws > PsaConfig::MAX_DRAWS {
                        return Err(format!(
                            "--draws must be 0 to {}, got {draws}",
                            PsaConfig::MAX_DRAWS
                        ));
                    }
                    let mc = (draws > 0).then(|| psa(&s, PsaConfig::new(draws, seed)));
                    export::outputs_csv(&s, &evaluate(&s), mc.as_ref(), &permalink, &Texts::all())
                }
                ExportWhat::Scenario => {
                    let preset = match (&scenario.file, &scenario.preset) {
                        (Some(path), _) => read_file(path)?.preset,
                        (None, Some(id)) => find_preset(id).map_or("us", |p| p.id),
                        (None, None) => "us",
                    };
                    export::ScenarioFile::new(&s, preset, seed, "").to_json()
                }
            };
            outln!("{}", text.trim_end_matches('\n'));
            Ok(())
        }),
        Command::Breakeven {
            scenario,
            param,
            metric,
            target,
            json,
        } => (|| {
            finite("--target", target)?;
            let s = build(&scenario)?;
            let (p, m) = (param_id(&param)?, metric.parse()?);
            let be = break_even(&s, p, m, target, Tolerance::for_metric(m));
            if json {
                print_json(&be);
            } else {
                if let Use::Unused { when } = &be.used {
                    match when {
                        Some(w) => outln!(
                            "note: {} does not change {} under the current settings; it would with {w}",
                            be.param, m.label().to_lowercase()
                        ),
                        None => outln!(
                            "note: {} does not change {} under any single or paired change of settings",
                            be.param, m.label().to_lowercase()
                        ),
                    }
                }
                let (pl, ph) = be.plausible;
                let where_ = |v: f64| {
                    if (pl..=ph).contains(&v) {
                        "inside its plausible range".to_string()
                    } else {
                        format!("outside its plausible range {pl:.6} to {ph:.6}")
                    }
                };
                match be.crossing {
                    Crossing::At { value, residual } => outln!(
                        "{} = {value:.6} brings {} to {target}, {} (residual {residual:.3e}; current value {:.6}; solved {})",
                        be.param, m.label(), where_(value), s.get(p),
                        match be.method { Method::Direct => "directly: linear in this input", Method::Bracketed => "by bracketing" }
                    ),
                    Crossing::NoneInRange { low, high } => outln!(
                        "no break-even for {} within its accepted range {:.6} to {:.6}: {} - target is {:.2} at the low end and {:.2} at the high end",
                        be.param, be.range.0, be.range.1, m.label(), low.1, high.1
                    ),
                    Crossing::Undefined => outln!(
                        "no break-even for {} within its accepted range {:.6} to {:.6}: {} is not defined anywhere in that range",
                        be.param, be.range.0, be.range.1, m.label()
                    ),
                }
                if be.all_crossings.len() > 1 {
                    let all: Vec<String> = be.all_crossings.iter().map(|v| format!("{v:.6}")).collect();
                    outln!("every crossing in the accepted range: {}", all.join(", "));
                }
            }
            Ok(())
        })(),
        Command::Curve {
            scenario,
            param,
            metric,
            points,
            json,
        } => (|| {
            if !(2..=MAX_POINTS).contains(&points) {
                return Err(format!("--points must be 2 to {MAX_POINTS}, got {points}"));
            }
            let s = build(&scenario)?;
            let c = curve(&s, param_id(&param)?, metric.parse()?, points);
            if json {
                print_json(&c);
            } else {
                outln!("{},{}", c.param, c.metric.id());
                for (x, y) in c.x.iter().zip(&c.y) {
                    outln!("{x},{y}");
                }
                match c.break_even {
                    Some(b) => eprintln!("break-even at {} = {b}", c.param),
                    None => eprintln!("no break-even within the range"),
                }
            }
            Ok(())
        })(),
        Command::Thresholds { scenario, json } => build(&scenario).map(|s| {
            let t = thresholds(&s);
            if json {
                print_json(&t);
                return;
            }
            let cur = s.basis().economy.currency();
            outln!(
                "{} now costs {cur} {:.0} per patient-year; {:.2} discounted patient-years in treatment per patient",
                s.settings.intervention.label(),
                t.treatment_cost,
                t.treated_years
            );
            outln!(
                "{:<24} {:>22} {:>22} {:>30}",
                "perspective",
                "savings needed/yr",
                "savings made/yr",
                "highest treatment cost/yr"
            );
            for th in t.by_perspective {
                let max = match th.max_treatment_cost {
                    MaxCost::At(v) => format!("{cur} {v:.0}"),
                    MaxCost::NotEvenIfFree => "none: loses even if free".into(),
                    MaxCost::NotApplicable => "-".into(),
                };
                outln!(
                    "{:<24} {:>22} {:>22} {:>30}",
                    th.perspective.label(),
                    format!("{cur} {:.0}", th.savings_needed_per_treated_year),
                    format!("{cur} {:.0}", th.savings_per_treated_year),
                    max
                );
            }
            outln!("Per treated patient-year: extra treatment cost, and what other counted costs fall by; discounted.");
        }),
        Command::Tornado {
            scenario,
            metric,
            top,
            json,
        } => (|| {
            let s = build(&scenario)?;
            let t = tornado(&s, metric.parse()?);
            if json {
                print_json(&t);
            } else {
                match t.base {
                    Some(base) => outln!("{} at current values: {base:.0}", t.metric.label()),
                    None => outln!("{} is not defined at current values", t.metric.label()),
                }
                if let Some(share) = t.assumption_share() {
                    outln!(
                        "{:.0}% of the total swing comes from inputs that are assumptions; {} of the {} widest bars are assumptions",
                        share * 100.0,
                        t.assumptions_in_top(top),
                        top.min(t.bars.len())
                    );
                }
                outln!(
                    "{:<40} {:>14} {:>14} {:>14}  {:<5}  evidence",
                    "parameter",
                    "at low",
                    "at high",
                    "swing",
                    "flips"
                );
                for b in t.bars.iter().take(top) {
                    let f = |v: Option<f64>| v.map_or("undefined".into(), |v| format!("{v:.0}"));
                    outln!(
                        "{:<40} {:>14} {:>14} {:>14.0}  {:<5}  {}",
                        b.param,
                        f(b.at_low),
                        f(b.at_high),
                        b.swing,
                        if b.flips { "yes" } else { "" },
                        b.grade.label()
                    );
                }
            }
            Ok(())
        })(),
        Command::Psa { scenario, mc, json } => (|| {
            let s = build(&scenario)?;
            let r = psa(&s, mc.config()?);
            if json {
                print_json(&r);
            } else {
                outln!("{} draws, seed {}", r.draws, r.config.seed);
                outln!("net benefit: {}", summary_words(r.net_benefit));
                outln!(
                    "chance that benefits exceed costs: {:.1}%",
                    r.prob_benefit_exceeds_cost * 100.0
                );
                outln!(
                    "expected value of perfect information: {:.0} per patient",
                    r.evpi
                );
                for (c, sm) in &r.components {
                    match sm {
                        Some(sm) => outln!(
                            "  {:<36} {:>12.0} ({:.0} to {:.0})",
                            c.label(),
                            sm.mean,
                            sm.p2_5,
                            sm.p97_5
                        ),
                        None => outln!("  {:<36} {:>12}", c.label(), "undefined"),
                    }
                }
            }
            Ok(())
        })(),
        Command::Evppi {
            scenario,
            mc,
            top,
            json,
        } => (|| {
            let s = build(&scenario)?;
            let r = evppi(&s, mc.config()?);
            if json {
                print_json(&r);
                return Ok(());
            }
            let cur = s.basis().economy.currency();
            outln!(
                "{} draws, seed {}; net monetary benefit at {:.0} {cur} per QALY ({} perspective)",
                r.draws,
                r.config.seed,
                r.willingness_to_pay,
                s.settings.perspective.label()
            );
            outln!("method: {}", r.method.name);
            let programme = r.programme_patients.map_or(String::new(), |k| {
                format!(
                    "; programme {:.0} ({k:.1} patients' worth of treatment)",
                    r.evpi_programme.unwrap_or(0.0)
                )
            });
            outln!(
                "expected value of perfect information (upper bound of every EVPPI): {:.0} {cur} per patient{programme}",
                r.evpi
            );
            let header = |what: &str| {
                outln!(
                    "\n{:<40} {:>14} {:>16} {:>9} {:>11}",
                    what,
                    "per patient",
                    "programme",
                    "of EVPI",
                    "variance"
                )
            };
            header("group");
            for g in &r.groups {
                outln!("{}", evppi_line(g));
            }
            header("input");
            for i in r.inputs.iter().take(top) {
                outln!("{}", evppi_line(i));
            }
            if r.inputs.len() > top {
                outln!(
                    "({} more inputs; --top {} or --json for all)",
                    r.inputs.len() - top,
                    r.inputs.len()
                );
            }
            match r.all.per_patient {
                Estimate::Value { raw, explained, .. } => outln!(
                    "\ncheck: every drawn input together explains {:.1}% of the variance and gives {raw:.0} before clamping, against the EVPI of {:.0} ({:+.0}%: what the regression misses of the model)",
                    explained * 100.0,
                    r.evpi,
                    if r.evpi > 0.0 { (raw / r.evpi - 1.0) * 100.0 } else { 0.0 }
                ),
                Estimate::Undefined { reason } => outln!(
                    "\ncheck: every drawn input together: not estimated, {}",
                    reason.words()
                ),
            }
            Ok(())
        })(),
        Command::Claim {
            scenario,
            metric,
            at_least,
            at_most,
            mc,
            json,
        } => (|| {
            let s = build(&scenario)?;
            let (comparison, target) = match (at_least, at_most) {
                (Some(t), None) => (ClaimComparison::AtLeast, t),
                (None, Some(t)) => (ClaimComparison::AtMost, t),
                _ => {
                    return Err("give the claim as --at-least VALUE or --at-most VALUE".to_string())
                }
            };
            finite("the claim's target", target)?;
            let claim = Claim {
                metric: metric.parse()?,
                comparison,
                target,
            };
            let r = check_claim(&s, claim, Some(mc.config()?));
            let grid = check_claim_grid(&s, claim, Some(mc.config()?));
            let sentence = hatcalc::decide::claim_grid_sentence(&grid);
            if json {
                #[derive(serde::Serialize)]
                struct Out<'a> {
                    #[serde(flatten)]
                    report: &'a hatcalc::analysis::ClaimReport,
                    grid: &'a hatcalc::analysis::ClaimGrid,
                    verdict: &'a str,
                }
                print_json(&Out {
                    report: &r,
                    grid: &grid,
                    verdict: &sentence,
                });
            } else {
                let v = r
                    .current_value
                    .map_or("undefined".into(), |v| format!("{v:.2}"));
                outln!(
                    "{}: {v} now; the claim {}",
                    claim.metric.label(),
                    if r.holds { "holds" } else { "does not hold" }
                );
                if let Some(p) = r.probability {
                    outln!(
                        "Monte Carlo: holds in {:.1}% of {} draws",
                        p * 100.0,
                        mc.draws
                    );
                }
                outln!("Single assumptions that reach the target (nearest first):");
                for l in &r.levers {
                    outln!(
                        "  {:<40} needs {:>14.4} (now {:.4}, plausible {:.4} to {:.4}{}){}",
                        l.param,
                        l.needed,
                        l.current,
                        l.range.0,
                        l.range.1,
                        if l.plausible {
                            ""
                        } else {
                            ", outside the range"
                        },
                        if l.assumption { " [assumption]" } else { "" }
                    );
                }
                claim_grid_lines(&grid, &sentence);
            }
            Ok(())
        })(),
    };
    match result {
        Ok(()) => ExitCode::SUCCESS,
        Err(msg) => {
            eprintln!("hatcalc: {msg}");
            ExitCode::from(2)
        }
    }
}

/// The claim by perspective and horizon: a table of values and verdicts, the Monte Carlo
/// chance in each cell, the levers per cell and the verdict in words.
fn claim_grid_lines(g: &hatcalc::analysis::ClaimGrid, sentence: &str) {
    use hatcalc::analysis::Verdict;
    let money = g.claim.metric.is_money();
    let value = |v: Option<f64>| match v {
        Some(v) if money => format!("{v:.0}"),
        Some(v) => format!("{v:.2}"),
        None => "undefined".into(),
    };
    let mark = |v: Verdict| match v {
        Verdict::Holds => "holds",
        Verdict::Fails => "fails",
        Verdict::Undefined => "undefined",
    };
    outln!("\nBy perspective and horizon ({}):", g.claim.metric.label());
    let mut head = format!("  {:<24}", "");
    for h in &g.horizons {
        head.push_str(&format!(" {:>22}", h.label()));
    }
    outln!("{head}");
    for row in &g.rows {
        let mut line = format!("  {:<24}", row.perspective.label());
        for c in &row.cells {
            line.push_str(&format!(
                " {:>22}",
                format!("{} {}", value(c.value), mark(c.verdict))
            ));
        }
        outln!("{line}");
        if g.draws > 0 {
            let mut line = format!("  {:<24}", "  Monte Carlo");
            for c in &row.cells {
                let p = c
                    .probability
                    .map_or("undefined".into(), |p| format!("{:.1}%", p * 100.0));
                line.push_str(&format!(" {p:>22}"));
            }
            outln!("{line}");
        }
    }
    if g.draws > 0 {
        outln!(
            "  (Monte Carlo: share of {} draws per horizon in which the claim holds)",
            g.draws
        );
    }
    outln!("{sentence}");
    outln!("What each cell needs (nearest single assumptions):");
    for row in &g.rows {
        for (h, c) in g.horizons.iter().zip(&row.cells) {
            if !c.levers_searched {
                continue;
            }
            let needs: Vec<String> = c
                .levers
                .iter()
                .map(|l| {
                    format!(
                        "{} {:.4} (now {:.4}{})",
                        l.param,
                        l.needed,
                        l.current,
                        if l.plausible {
                            ""
                        } else {
                            ", outside the range"
                        }
                    )
                })
                .collect();
            outln!(
                "  {}, {}: {}",
                row.perspective.label(),
                h.label(),
                if needs.is_empty() {
                    "no single assumption changes the verdict".to_string()
                } else {
                    needs.join("; ")
                }
            );
        }
    }
}

/// One row of the EVPPI table: id, per-patient and programme value, share of the EVPI.
fn evppi_line(r: &Row) -> String {
    match r.per_patient {
        Estimate::Value {
            value, explained, ..
        } => format!(
            "{:<40} {:>14.0} {:>16} {:>8.1}% {:>10.1}%",
            r.id,
            value,
            r.programme.map_or("-".into(), |v| format!("{v:.0}")),
            r.share_of_evpi.unwrap_or(0.0) * 100.0,
            explained * 100.0
        ),
        Estimate::Undefined { reason } => {
            format!(
                "{:<40} {:>14}  not estimated: {}",
                r.id,
                "-",
                reason.words()
            )
        }
    }
}

/// A Monte Carlo summary in words: "undefined" when no draw gave a finite value.
fn summary_words(s: Option<hatcalc::analysis::Summary>) -> String {
    s.map_or("undefined".into(), |s| {
        format!(
            "mean {:.0}, 95% interval {:.0} to {:.0}",
            s.mean, s.p2_5, s.p97_5
        )
    })
}

/// Most points a curve is drawn with (the page uses 101).
const MAX_POINTS: usize = 10_000;

/// Refuse a number that is not finite: NaN as "not a number", infinities as infinite.
fn finite(what: &str, v: f64) -> Result<f64, String> {
    if v.is_nan() {
        Err(format!("{what}: 'NaN' is not a number"))
    } else if v.is_infinite() {
        Err(format!("{what} must be a finite number, got {v}"))
    } else {
        Ok(v)
    }
}

/// A scenario file, read and checked as the calculator reads it.
fn read_file(path: &std::path::Path) -> Result<hatcalc::share::Shared, String> {
    // A scenario file is a few kilobytes; refuse devices, pipes and anything huge before
    // reading it.
    const MAX_BYTES: u64 = 1 << 20;
    let meta = std::fs::metadata(path).map_err(|e| format!("{}: {e}", path.display()))?;
    if !meta.is_file() {
        return Err(format!("{}: not a regular file", path.display()));
    }
    if meta.len() > MAX_BYTES {
        return Err(format!(
            "{}: {} bytes is too large for a scenario file (1 MiB at most)",
            path.display(),
            meta.len()
        ));
    }
    let text = std::fs::read_to_string(path).map_err(|e| format!("{}: {e}", path.display()))?;
    export::ScenarioFile::from_json(&text).map_err(|e| format!("{}: {e}", path.display()))
}

fn build(a: &ScenarioArgs) -> Result<Scenario, String> {
    let mut s = match (&a.file, &a.preset) {
        (Some(path), _) => read_file(path)?.scenario,
        (None, Some(id)) => find_preset(id)
            .ok_or_else(|| {
                let ids: Vec<&str> = PRESETS.iter().map(|p| p.id).collect();
                format!(
                    "unknown preset '{}' (use one of: {})",
                    excerpt(id),
                    ids.join(", ")
                )
            })?
            .scenario()
            .map_err(|e| e.to_string())?,
        (None, None) => Scenario::us_default(),
    };
    if a.economy.is_some() || a.price_year.is_some() {
        let economy = match &a.economy {
            Some(code) => Economy::from_code(code).ok_or_else(|| {
                let codes: Vec<&str> = Economy::ALL.iter().map(|e| e.code()).collect();
                format!(
                    "unknown economy '{}' (use one of: {})",
                    excerpt(code),
                    codes.join(", ")
                )
            })?,
            None => s.basis().economy,
        };
        let year = a.price_year.unwrap_or(s.basis().year);
        s = s
            .rebased(PriceBasis::new(economy, year))
            .map_err(|e| e.to_string())?;
    }
    let mut settings: Settings = s.settings;
    if let Some(p) = &a.perspective {
        settings.perspective = Perspective::from_id(p).ok_or_else(|| {
            format!(
                "unknown perspective '{}' (use health, government or society)",
                excerpt(p)
            )
        })?;
    }
    let arm = |id: &str| {
        Arm::from_id(id).ok_or_else(|| {
            let ids: Vec<&str> = Arm::ALL.iter().map(|a| a.id()).collect();
            format!("unknown arm '{}' (use {})", excerpt(id), ids.join(", "))
        })
    };
    if let Some(i) = &a.intervention {
        settings.intervention = arm(i)?;
    }
    if let Some(c) = &a.comparator {
        settings.comparator = arm(c)?;
    }
    if let Some(c) = a.cost_input {
        settings.cost_input = match c {
            CostArg::Total => CostInput::Total,
            CostArg::Parts => CostInput::Parts,
        };
    }
    if let Some(c) = a.crime_input {
        settings.crime_input = match c {
            CrimeArg::Offences => CrimeInput::Offences,
            CrimeArg::PerYear => CrimeInput::PerYear,
        };
    }
    if let Some(v) = a.intangible {
        settings.include_intangible = matches!(v, Switch::On);
    }
    if let Some(v) = a.vsl {
        settings.include_vsl = matches!(v, Switch::On);
    }
    s.settings = settings;
    // Every --set value is checked alone, then the whole scenario once, as a permalink is: the
    // order of the flags never matters.
    for kv in &a.set {
        let (id, value) = kv
            .split_once('=')
            .ok_or_else(|| format!("--set expects ID=VALUE, got '{}'", excerpt(kv)))?;
        s.set_by_id_unchecked_consistency(id.trim(), value)
            .map_err(|e| e.to_string())?;
    }
    s.check_consistency().map_err(|e| e.to_string())?;
    Ok(s)
}

fn origin_json(o: &Origin) -> Value {
    match o {
        Origin::Cited {
            grade,
            sources,
            how,
        } => json!({"kind": "cited", "grade": grade.id(), "sources": sources, "how": how}),
        Origin::Assumption {
            reasoning,
            informed_by,
        } => {
            json!({"kind": "assumption", "grade": "assumption", "reasoning": reasoning, "informed_by": informed_by})
        }
    }
}

fn print_params(format: Format) {
    match format {
        Format::Json => {
            let rows: Vec<Value> = PARAMS
                .iter()
                .map(|p| {
                    json!({
                        "id": p.id, "label": p.label, "group": p.group, "unit": p.unit.text(p.basis.map_or("", |b| b.economy.currency())),
                        "price_basis": p.basis.map(|b| b.to_string()),
                        "default": p.default, "low": p.low, "high": p.high,
                        "distribution": p.dist, "origin": origin_json(&p.origin),
                    })
                })
                .collect();
            outln!(
                "{}",
                serde_json::to_string_pretty(&rows).unwrap_or_default()
            );
        }
        Format::Csv => {
            outln!(
                "id,label,group,unit,price_basis,default,low,high,distribution,origin,grade,sources,how"
            );
            for p in PARAMS {
                let (kind, how) = match p.origin {
                    Origin::Cited { how, .. } => ("cited", how),
                    Origin::Assumption { reasoning, .. } => ("assumption", reasoning),
                };
                let row = [
                    p.id.to_string(),
                    p.label.to_string(),
                    format!("{:?}", p.group),
                    p.unit.text(p.basis.map_or("", |b| b.economy.currency())),
                    p.basis.map(|b| b.to_string()).unwrap_or_default(),
                    p.default.to_string(),
                    p.low.to_string(),
                    p.high.to_string(),
                    format!("{:?}", p.dist),
                    kind.to_string(),
                    p.origin.grade().label().to_string(),
                    p.origin.source_ids().join(" "),
                    how.to_string(),
                ];
                outln!(
                    "{}",
                    row.iter()
                        .map(|f| csv_field(f))
                        .collect::<Vec<_>>()
                        .join(",")
                );
            }
        }
    }
}

fn print_presets() {
    for p in PRESETS {
        outln!("{}  {}  [{}]", p.id, p.name, p.basis);
        outln!("  reproduces: {}", p.reproduces);
        outln!("  method: {}\n", p.method);
    }
}

fn csv_field(f: &str) -> String {
    if f.contains([',', '"', '\n']) {
        format!("\"{}\"", f.replace('"', "\"\""))
    } else {
        f.to_string()
    }
}

fn print_eval(s: &Scenario, as_json: bool) {
    let o = evaluate(s);
    if as_json {
        let params: Vec<Value> = P::ALL
            .iter()
            .map(|p| {
                let d = p.def();
                json!({
                    "id": d.id, "value": s.get(*p), "default": s.default_of(*p),
                    "unit": d.unit.text(s.basis().economy.currency()),
                    "source_basis": d.basis.map(|b| b.to_string()),
                    "origin": origin_json(&d.origin),
                })
            })
            .collect();
        let mut ids: Vec<&str> = PARAMS
            .iter()
            .flat_map(|p| p.origin.source_ids().iter().copied())
            .collect();
        // Price indices of every economy a figure was converted from or to, and the parities.
        ids.extend(
            PARAMS
                .iter()
                .filter_map(|p| p.basis)
                .map(|b| b.economy.cpi_source()),
        );
        ids.push(s.basis().economy.cpi_source());
        ids.extend(hatcalc::money::PPP_SOURCES);
        ids.sort_unstable();
        ids.dedup();
        let sources: Vec<Value> = ids
            .iter()
            .filter_map(|id| source(id))
            .map(|src| json!(src))
            .collect();
        let cur = s.basis().economy.currency();
        let h = hatcalc::decide::headline(s, &o);
        let sentence = h.sentence(
            o.intervention.arm.label(),
            &o.comparator.arm.label().to_lowercase(),
            |v| format!("{cur} {v:.0}"),
        );
        let out = json!({
            "model_version": hatcalc::MODEL_VERSION,
            "basis": {"economy": s.basis().economy.code(), "currency": cur, "price_year": s.basis().year},
            "settings": s.settings,
            "parameters": params,
            "outcome": o,
            "headline": {"rows": h.rows, "ledger": h.ledger, "sentence": sentence},
            "sources": sources,
        });
        outln!("{}", serde_json::to_string_pretty(&out).unwrap_or_default());
        return;
    }
    let cur = s.basis().economy.currency();
    let a = &o.intervention;
    let b = &o.comparator;
    outln!(
        "{} vs {}, {:.0}-year horizon, {} {}, discounted",
        a.arm.label(),
        b.arm.label(),
        o.horizon_years,
        cur,
        s.basis().year
    );
    outln!("\nCost per patient over the horizon ({cur})");
    outln!(
        "{:<36} {:>14} {:>14} {:>14}",
        "category",
        a.arm.label(),
        b.arm.label(),
        "difference"
    );
    for c in Category::ALL {
        outln!(
            "{:<36} {:>14.0} {:>14.0} {:>14.0}",
            c.label(),
            a.costs.get(c),
            b.costs.get(c),
            o.delta(c)
        );
    }
    outln!(
        "{:<36} {:>14.3} {:>14.3} {:>14.3}",
        "QALYs",
        a.qalys,
        b.qalys,
        o.chosen(s.settings.perspective).delta_qalys
    );
    outln!(
        "{:<36} {:>14.3} {:>14.3}",
        "retained at 12 months",
        a.retained_12m,
        b.retained_12m
    );
    outln!(
        "{:<36} {:>14.3} {:>14.3}",
        "dead at horizon",
        a.deaths,
        b.deaths
    );
    outln!(
        "{:<36} {:>14.3} {:>14.3}",
        "of which overdoses",
        a.overdose_deaths,
        b.overdose_deaths
    );
    outln!("\nIncremental results (positive net benefit = saves money)");
    for c in &o.comparisons {
        let icer = c.icer.words(|v| format!("{v:.0}"));
        outln!(
            "{:<24} net benefit {:>12.0}  per year {:>10.0}  year one {:>10.0}  B/C {:>9}  NMB {:>12.0}  {}",
            c.scope.perspective.label(),
            c.net_benefit,
            c.net_benefit_per_year,
            c.net_benefit_year_one,
            c.benefit_cost_ratio.map_or("undefined".into(), |r| format!("{r:.2}")),
            c.net_monetary_benefit,
            icer
        );
    }
    outln!(
        "Deaths are valued {}.",
        o.chosen(s.settings.perspective).scope.death_valuation()
    );
    outln!(
        "{}",
        hatcalc::decide::headline(s, &o).sentence(
            a.arm.label(),
            &b.arm.label().to_lowercase(),
            |v| format!("{cur} {v:.0}")
        )
    );
    let pr = &o.programme;
    outln!(
        "\nProgramme of {:.0} slots for {:.0} years ({} perspective): gross cost {:.0}, net benefit {:.0}",
        pr.slots,
        pr.years,
        s.settings.perspective.label(),
        pr.gross_cost,
        pr.net_benefit
    );
    for (i, br) in Bearer::ALL.iter().enumerate() {
        // `+ 0.0` turns a negative zero into zero, so nothing prints as "-0".
        outln!(
            "  {:<30} {:>14.0}",
            br.label(),
            -pr.delta_by_bearer[i] + 0.0
        );
    }
}

fn print_budget_json(s: &Scenario, b: &Budget) {
    let out = json!({
        "model_version": hatcalc::MODEL_VERSION,
        "basis": {"economy": s.basis().economy.code(), "currency": s.basis().economy.currency(), "price_year": s.basis().year},
        "settings": s.settings,
        "budget": b,
        "sources": source("sullivan2014").map(|src| vec![json!(src)]).unwrap_or_default(),
    });
    outln!("{}", serde_json::to_string_pretty(&out).unwrap_or_default());
}

fn print_budget(s: &Scenario, b: &Budget) {
    let cur = s.basis().economy.currency();
    outln!(
        "Budget by year: {} in {} places for {} years ({} months to fill them), against {}; {} {}",
        b.intervention.label(),
        b.slots,
        b.years,
        b.rampup_months,
        b.comparator.label(),
        cur,
        s.basis().year
    );
    outln!(
        "Undiscounted cash paid in each year, unlike the per-patient results (discounted over the horizon); with minus without the programme: positive spends more, negative saves."
    );
    outln!(
        "\n{:>5} {:>6} {:>8} {:>8} {:>8} {:>14} {:>14} {:>14} {:>14} {:>14} {:>14}",
        "year",
        "months",
        "places",
        "treated",
        "new",
        "health",
        "justice",
        "victims",
        "wider",
        "net",
        "cumulative"
    );
    for r in &b.rows {
        outln!(
            "{:>5} {:>6} {:>8.1} {:>8.1} {:>8.1} {:>14.0} {:>14.0} {:>14.0} {:>14.0} {:>14.0} {:>14.0}",
            r.year,
            r.months,
            r.places,
            r.patients_treated,
            r.new_entrants,
            r.impact.health,
            r.impact.justice,
            r.impact.victims,
            r.impact.wider,
            r.net,
            r.cumulative_net
        );
    }
    let t = &b.total;
    outln!(
        "{:>5} {:>6} {:>8.1} {:>8} {:>8.1} {:>14.0} {:>14.0} {:>14.0} {:>14.0} {:>14.0}",
        "total",
        t.months,
        t.place_years * 12.0 / t.months as f64,
        "",
        t.new_entrants,
        t.impact.health,
        t.impact.justice,
        t.impact.victims,
        t.impact.wider,
        t.net
    );
    outln!(
        "\nhealth: the health budget (treatment, start-up {:.0} in year 1, overdose, hospital and infection care); justice: police, courts and prisons; victims: tangible losses; wider: productivity (negative: work gained).",
        b.startup_cost
    );
    outln!(
        "net: the payers the {} perspective counts. Victims' intangible costs (not cash, in no total): {:.0}. Consequences after month {} are outside the budget.",
        b.perspective.label(),
        t.impact_victims_intangible,
        b.window_months
    );
    let cash = |a: &hatcalc::analysis::ArmCash| {
        Bearer::ALL
            .iter()
            .map(|br| format!("{} {:.0}", br.label(), a.payers.get(*br)))
            .collect::<Vec<_>>()
            .join(", ")
    };
    outln!(
        "\nOver the window, with the programme: {}; without it: {}.",
        cash(&t.programme),
        cash(&t.counterfactual)
    );
}
