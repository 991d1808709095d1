//! What leaves the calculator as a file: the inputs and the outputs as CSV (each value with
//! its unit, each input with its source), and the scenario as a JSON file that can be opened
//! again. Pure functions of a scenario; the page, the embed and the command line share them.
//!
//! CSV follows RFC 4180 (comma-separated, `"`-quoted where needed, CRLF line ends) and is
//! written here in a dozen lines rather than with the `csv` crate, whose writer would add to
//! the browser bundle's size budget for no gain; the tests read every export back with the
//! `csv` crate's reader.

use crate::analysis::{ArmCash, Budget, Payers, Psa, Summary, CASH};
use crate::model::{relevant, Bearer, Category, Icer, Outcome};
use crate::params::P;
use crate::presets::{find as find_preset, PRESETS};
use crate::scenario::{excerpt, Scenario};
use crate::share::{decode, pairs, ShareError, Shared};
use crate::texts::Texts;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;
use std::fmt;

/// One CSV field, quoted when it holds a comma, a quote or a line break.
fn field(text: &str) -> String {
    if text.contains([',', '"', '\n', '\r']) {
        format!("\"{}\"", text.replace('"', "\"\""))
    } else {
        text.to_string()
    }
}

/// Rows as CSV text.
fn csv<S: AsRef<str>>(rows: &[Vec<S>]) -> String {
    let mut out = String::new();
    for row in rows {
        let cells: Vec<String> = row.iter().map(|c| field(c.as_ref())).collect();
        out.push_str(&cells.join(","));
        out.push_str("\r\n");
    }
    out
}

/// The full citation of each source id, with where in it the figure is.
fn citations(texts: &Texts, ids: &[&str]) -> String {
    ids.iter()
        .map(|id| match texts.source(id) {
            Some(s) => format!("{} [{}] {}", s.citation, s.locator, s.url),
            None => (*id).to_string(),
        })
        .collect::<Vec<_>>()
        .join(" | ")
}

/// Every input of `s`: value, unit, default, plausible range, whether the current settings
/// use it, and where its default comes from (a citation, or the reasoning of an assumption),
/// from the registry's `texts`.
pub fn inputs_csv(s: &Scenario, texts: &Texts) -> String {
    let currency = s.basis().economy.currency();
    let mut rows = vec![[
        "id",
        "label",
        "group",
        "value",
        "unit",
        "default",
        "plausible_low",
        "plausible_high",
        "used_by_current_settings",
        "basis_of_default",
        "evidence_grade",
        "sources",
        "how_derived_or_why_assumed",
    ]
    .map(String::from)
    .to_vec()];
    for p in P::ALL {
        let d = p.def();
        let (lo, hi) = s.range(*p);
        let basis = if d.origin.is_assumption() {
            "assumption"
        } else {
            "cited"
        };
        rows.push(vec![
            d.id.to_string(),
            d.label.to_string(),
            d.group.label().to_string(),
            s.get(*p).to_string(),
            d.unit.text(currency),
            s.default_of(*p).to_string(),
            lo.to_string(),
            hi.to_string(),
            if relevant(s, *p) { "yes" } else { "no" }.to_string(),
            basis.to_string(),
            d.origin.grade().label().to_string(),
            citations(texts, d.origin.source_ids()),
            texts.explanation(*p).unwrap_or_default().to_string(),
        ]);
    }
    csv(&rows)
}

/// The results of `s` (as `evaluate` gives them in `o`): each arm's costs by category and its
/// outcomes, the comparison under every perspective, the programme budget, the Monte Carlo
/// summary when there is one; then the permalink, the model version and the sources of every
/// input the settings use.
pub fn outputs_csv(
    s: &Scenario,
    o: &Outcome,
    mc: Option<&Psa>,
    permalink: &str,
    texts: &Texts,
) -> String {
    let b = s.basis();
    let money = format!("{} {}", b.economy.currency(), b.year);
    let horizon = format!(
        "{money} per patient, discounted over {} years",
        o.horizon_years
    );
    let (a, c) = (&o.intervention, &o.comparator);
    let mut rows: Vec<Vec<String>> = vec![vec![
        "measure".into(),
        "unit".into(),
        a.arm.label().into(),
        c.arm.label().into(),
        "difference (first minus second)".into(),
    ]];
    let mut arms = |measure: String, unit: &str, x: f64, y: f64| {
        rows.push(vec![
            measure,
            unit.into(),
            x.to_string(),
            y.to_string(),
            (x - y).to_string(),
        ]);
    };
    for cat in Category::ALL {
        arms(
            format!("Cost: {}", cat.label()),
            &horizon,
            a.costs.get(cat),
            c.costs.get(cat),
        );
    }
    for cat in Category::ALL {
        arms(
            format!("Cost in the first 12 months: {}", cat.label()),
            &format!("{money} per patient, first 12 months"),
            a.costs_year_one.get(cat),
            c.costs_year_one.get(cat),
        );
    }
    arms(
        "QALYs".into(),
        "quality-adjusted life years per patient, discounted",
        a.qalys,
        c.qalys,
    );
    arms(
        "Life years".into(),
        "years per patient, undiscounted",
        a.life_years,
        c.life_years,
    );
    arms(
        "Dead at the horizon".into(),
        "share of the cohort",
        a.deaths,
        c.deaths,
    );
    arms(
        "Retained in own treatment at 12 months".into(),
        "share of the cohort",
        a.retained_12m,
        c.retained_12m,
    );
    arms(
        "Non-fatal overdoses".into(),
        "per patient over the horizon",
        a.overdoses,
        c.overdoses,
    );
    arms(
        "New HIV and hepatitis C infections".into(),
        "per patient over the horizon",
        a.infections,
        c.infections,
    );
    if let (Some(x), Some(y)) = (a.offences, c.offences) {
        arms("Offences".into(), "per patient over the horizon", x, y);
    }
    let mut one = |measure: String, unit: &str, value: String| {
        rows.push(vec![
            measure,
            unit.into(),
            String::new(),
            String::new(),
            value,
        ]);
    };
    for cmp in &o.comparisons {
        let scope = cmp.scope.perspective.label();
        one(
            format!("Net benefit, {scope}"),
            &format!("{horizon}; positive means the first arm saves money"),
            cmp.net_benefit.to_string(),
        );
        one(
            format!("Net benefit in the first 12 months, {scope}"),
            &format!("{money} per patient"),
            cmp.net_benefit_year_one.to_string(),
        );
        one(
            format!("Net benefit per year of the horizon, {scope}"),
            &format!("{money} per patient-year, discounted"),
            cmp.net_benefit_per_year.to_string(),
        );
        one(
            format!("Benefit-cost ratio, {scope}"),
            "savings per unit of extra treatment cost",
            cmp.benefit_cost_ratio
                .map_or_else(|| "not defined".into(), |r| r.to_string()),
        );
        let icer = match cmp.icer {
            Icer::CostPerQalyGained(r) => r.to_string(),
            other => other.words(|v| v.to_string()),
        };
        one(
            format!("Cost per QALY gained, {scope}"),
            &format!("{money} per QALY"),
            icer,
        );
        one(
            format!("Net monetary benefit, {scope}"),
            &format!("{money} per patient"),
            cmp.net_monetary_benefit.to_string(),
        );
    }
    // Who pays and who gains, cash apart from victims' suffering and lives (crate::decide).
    let h = crate::decide::headline(s, o);
    let l = h.ledger;
    let per_year = format!("{money} per patient-year, discounted; positive means better off");
    for (who, v) in [
        ("the health budget", l.health),
        ("police, courts and prisons", l.justice),
        ("victims, money losses", l.victims_tangible),
        (
            "victims, pain and suffering (counted when switched on)",
            l.victims_intangible,
        ),
        ("work gained", l.productivity),
        (
            "lives at their statistical value (counted when switched on)",
            l.lives,
        ),
    ] {
        one(
            format!("Better off per patient-year: {who}"),
            &per_year,
            v.to_string(),
        );
    }
    one(
        "In words".into(),
        &format!("{money} per patient-year"),
        h.sentence(a.arm.label(), &c.arm.label().to_ascii_lowercase(), |v| {
            format!("{} {v:.0}", b.economy.currency())
        }),
    );
    let p = &o.programme;
    one(
        "Programme: gross cost to the health budget".into(),
        &format!(
            "{money}, {} slots over {} years, discounted",
            p.slots, p.years
        ),
        p.gross_cost.to_string(),
    );
    one(
        "Programme: net benefit".into(),
        &format!(
            "{money}, {} slots over {} years, discounted",
            p.slots, p.years
        ),
        p.net_benefit.to_string(),
    );
    if let Some(mc) = mc {
        let scope = s.settings.perspective.label();
        one(
            "Monte Carlo: draws".into(),
            &format!("seed {}", mc.config.seed),
            mc.draws.to_string(),
        );
        one(
            format!("Monte Carlo: chance that benefits exceed costs, {scope}"),
            "share of draws",
            mc.prob_benefit_exceeds_cost.to_string(),
        );
        for (k, p) in crate::scenario::Perspective::ALL.iter().enumerate() {
            if *p != s.settings.perspective {
                one(
                    format!(
                        "Monte Carlo: chance that benefits exceed costs, {}",
                        p.label()
                    ),
                    "share of draws",
                    mc.prob_benefit_exceeds_cost_by_perspective[k].to_string(),
                );
            }
        }
        // A summary with no finite draw to summarise is written in words, like the ratio.
        let mut summary = |what: String, unit: &str, x: &Option<Summary>| {
            for (stat, v) in [
                ("mean", x.map(|x| x.mean)),
                ("2.5th percentile", x.map(|x| x.p2_5)),
                ("97.5th percentile", x.map(|x| x.p97_5)),
            ] {
                one(
                    format!("Monte Carlo: {what}, {stat}"),
                    unit,
                    v.map_or_else(|| "not defined".into(), |v| v.to_string()),
                );
            }
        };
        summary(format!("net benefit, {scope}"), &horizon, &mc.net_benefit);
        summary(
            "QALYs gained".into(),
            "quality-adjusted life years per patient, discounted",
            &mc.delta_qalys,
        );
        for (cat, x) in &mc.components {
            summary(format!("incremental cost, {}", cat.label()), &horizon, x);
        }
        one(
            "Monte Carlo: expected value of perfect information".into(),
            &format!("{money} per patient"),
            mc.evpi.to_string(),
        );
    }
    one("Permalink".into(), "", permalink.into());
    one("Model version".into(), "", crate::MODEL_VERSION.into());
    for id in crate::model::sources_used(s) {
        one("Source".into(), id, citations(texts, &[id]));
    }
    csv(&rows)
}

/// The EVPPI of a Monte Carlo run: groups then inputs, ranked, per patient and for the
/// programme, with the share of the EVPI and the variance explained; then the EVPI, the method
/// and its source.
pub fn evppi_csv(s: &Scenario, e: &crate::analysis::Evppi) -> String {
    let b = s.basis();
    let money = format!("{} {}", b.economy.currency(), b.year);
    let mut rows: Vec<Vec<String>> = vec![vec![
        "kind".into(),
        "id".into(),
        "label".into(),
        format!("EVPPI per patient ({money})"),
        format!("EVPPI of the programme ({money})"),
        "share of EVPI".into(),
        "variance explained".into(),
        "note".into(),
    ]];
    let opt = |v: Option<f64>| v.map_or_else(String::new, |v| v.to_string());
    for (kind, list) in [("group", &e.groups), ("input", &e.inputs)] {
        for r in list.iter() {
            let (value, explained, note) = match r.per_patient {
                crate::analysis::Estimate::Value {
                    value, explained, ..
                } => (value.to_string(), explained.to_string(), String::new()),
                crate::analysis::Estimate::Undefined { reason } => {
                    (String::new(), String::new(), reason.words())
                }
            };
            rows.push(vec![
                kind.into(),
                r.id.clone(),
                r.label.clone(),
                value,
                opt(r.programme),
                opt(r.share_of_evpi),
                explained,
                note,
            ]);
        }
    }
    let note = |label: &str, value: String| {
        vec![
            "note".to_string(),
            String::new(),
            label.to_string(),
            value,
            String::new(),
            String::new(),
            String::new(),
            String::new(),
        ]
    };
    rows.push(note(
        "EVPI per patient (upper bound of every EVPPI)",
        e.evpi.to_string(),
    ));
    rows.push(note(
        "Draws and seed",
        format!("{} draws, seed {}", e.draws, e.config.seed),
    ));
    rows.push(note(
        "Willingness to pay per QALY",
        e.willingness_to_pay.to_string(),
    ));
    rows.push(note("Method", e.method.name.to_string()));
    csv(&rows)
}

/// The budget by year of `s` (as [`crate::analysis::budget`] gives it in `b`): for each year,
/// then for the whole window, the places filled and patients treated, each arm's cash by
/// category and by payer, victims' intangible costs (not cash), deaths, and the net impact
/// with its running total; then the basis, the rules in brief, the model version and the
/// sources. Every amount is undiscounted cash on the scenario's price basis.
pub fn budget_csv(s: &Scenario, b: &Budget, texts: &Texts) -> String {
    let basis = s.basis();
    let money = format!(
        "{} {}, undiscounted cash",
        basis.economy.currency(),
        basis.year
    );
    let mut rows: Vec<Vec<String>> = vec![vec![
        "year".into(),
        "months".into(),
        "measure".into(),
        "unit".into(),
        format!("with the programme ({})", b.intervention.label()),
        format!("without it ({})", b.comparator.label()),
        "difference (with minus without)".into(),
    ]];
    let perspective = b.perspective.label();
    // One year's rows (or the window's, as "total").
    struct Part<'a> {
        year: String,
        months: usize,
        place_years: f64,
        at_start: Option<f64>,
        new_entrants: f64,
        returning: f64,
        startup: f64,
        with: &'a ArmCash,
        without: &'a ArmCash,
        net: f64,
        cumulative: Option<(&'a Payers, f64)>,
    }
    let mut part = |p: Part| {
        let mut push = |measure: String, unit: &str, cells: [Option<f64>; 3]| {
            let cell = |v: Option<f64>| v.map_or_else(String::new, |v| v.to_string());
            rows.push(vec![
                p.year.clone(),
                p.months.to_string(),
                measure,
                unit.into(),
                cell(cells[0]),
                cell(cells[1]),
                cell(cells[2]),
            ]);
        };
        let years = p.months as f64 / 12.0;
        push(
            "Places filled, on average".into(),
            "places",
            [Some(p.place_years / years), None, None],
        );
        push(
            "Place-years filled".into(),
            "place-years",
            [Some(p.place_years), None, None],
        );
        if let Some(at_start) = p.at_start {
            push(
                "Patients in treatment at the start of the year".into(),
                "patients",
                [Some(at_start), None, None],
            );
            push(
                "Patients treated".into(),
                "patients: in treatment at the start, new and returning",
                [Some(at_start + p.new_entrants + p.returning), None, None],
            );
        }
        push(
            "New entrants".into(),
            "patients",
            [Some(p.new_entrants), None, None],
        );
        push(
            "Returning patients".into(),
            "re-entries from street use",
            [Some(p.returning), None, None],
        );
        let both = |x: f64, y: f64| [Some(x), Some(y), Some(x - y)];
        push(
            "Start-up (health budget)".into(),
            &money,
            both(p.startup, 0.0),
        );
        for c in CASH {
            push(
                format!("Cash: {}", c.label()),
                &money,
                both(p.with.costs.get(c), p.without.costs.get(c)),
            );
        }
        for br in Bearer::ALL {
            push(
                format!("Cash by payer: {}", br.label()),
                &money,
                both(p.with.payers.get(br), p.without.payers.get(br)),
            );
        }
        push(
            "Cash: all payers".into(),
            &money,
            both(p.with.total, p.without.total),
        );
        push(
            "Victims: intangible (not cash, in no total)".into(),
            &format!(
                "{} {}, undiscounted, not cash",
                basis.economy.currency(),
                basis.year
            ),
            both(p.with.victims_intangible, p.without.victims_intangible),
        );
        push(
            "Deaths".into(),
            "deaths among the programme's patients",
            both(p.with.deaths, p.without.deaths),
        );
        push(
            format!("Net impact, {perspective}"),
            &format!("{money}; positive means the programme spends more"),
            [None, None, Some(p.net)],
        );
        if let Some((payers, net)) = p.cumulative {
            for br in Bearer::ALL {
                push(
                    format!("Cumulative impact: {}", br.label()),
                    &format!("{money}, from year 1"),
                    [None, None, Some(payers.get(br))],
                );
            }
            push(
                format!("Cumulative net impact, {perspective}"),
                &format!("{money}, from year 1"),
                [None, None, Some(net)],
            );
        }
    };
    for r in &b.rows {
        part(Part {
            year: r.year.to_string(),
            months: r.months,
            place_years: r.place_years,
            at_start: Some(r.in_treatment_at_start),
            new_entrants: r.new_entrants,
            returning: r.returning,
            startup: r.startup,
            with: &r.programme,
            without: &r.counterfactual,
            net: r.net,
            cumulative: Some((&r.cumulative, r.cumulative_net)),
        });
    }
    let t = &b.total;
    part(Part {
        year: "total".into(),
        months: t.months,
        place_years: t.place_years,
        at_start: None,
        new_entrants: t.new_entrants,
        returning: t.returning,
        startup: t.startup,
        with: &t.programme,
        without: &t.counterfactual,
        net: t.net,
        cumulative: None,
    });
    let mut note = |measure: &str, unit: &str, value: String| {
        rows.push(vec![
            String::new(),
            String::new(),
            measure.into(),
            unit.into(),
            value,
            String::new(),
            String::new(),
        ]);
    };
    note(
        "Basis",
        "",
        format!(
            "{} at {} prices; cash in the year it is paid, undiscounted, unlike the per-patient results, which are discounted over the cohort's horizon",
            basis.economy.currency(),
            basis.year
        ),
    );
    note(
        "Programme",
        "",
        format!(
            "{} places for {} years ({} months), filled in a straight line over {} months, refilled as patients leave; start-up in year 1; consequences after the last month are outside the budget",
            b.slots, b.years, b.window_months, b.rampup_months
        ),
    );
    note("Model version", "", crate::MODEL_VERSION.into());
    let mut ids = crate::model::sources_used(s);
    ids.push("sullivan2014");
    crate::order::unique(&mut ids);
    for id in ids {
        note("Source", id, citations(texts, &[id]));
    }
    csv(&rows)
}

/// What the `format` field of a scenario file says.
pub const FILE_FORMAT: &str = "hatcalc-scenario";
/// The scenario file version this calculator writes and reads.
pub const FILE_VERSION: u32 = 1;
/// Settings a scenario file may carry (the permalink's keys).
const FILE_SETTINGS: [&str; 7] = [
    "arms",
    "perspective",
    "cost",
    "crime",
    "intangible",
    "vsl",
    "money",
];

/// A scenario as a JSON file: every setting and every input written out, with labels and
/// units for a human reader. Reading uses only `format`, `version`, `preset`, `seed`,
/// `settings` and each input's `id` and `value`, and checks them as a permalink is checked.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ScenarioFile {
    /// Always [`FILE_FORMAT`].
    pub format: String,
    /// [`FILE_VERSION`] when written.
    pub version: u32,
    /// The model version that wrote the file (informative).
    #[serde(default)]
    pub model_version: String,
    /// A name the user gave the scenario.
    #[serde(default)]
    pub name: String,
    /// Preset the scenario starts from.
    pub preset: String,
    /// Monte Carlo seed, as text (exact beyond 2^53).
    #[serde(default)]
    pub seed: String,
    /// Arms, perspective, input modes, as in a permalink.
    #[serde(default)]
    pub settings: BTreeMap<String, String>,
    /// Every input.
    #[serde(default)]
    pub inputs: Vec<FileInput>,
}

/// One input in a [`ScenarioFile`].
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct FileInput {
    /// Registry id.
    pub id: String,
    /// Value, in the unit below.
    pub value: f64,
    /// Label (informative).
    #[serde(default)]
    pub label: String,
    /// Unit (informative).
    #[serde(default)]
    pub unit: String,
}

/// Why a scenario file was refused.
#[derive(Debug, Clone, PartialEq)]
pub enum FileError {
    /// Not JSON, or not the shape of a scenario file.
    Unreadable(String),
    /// JSON, but not a hatcalc scenario file.
    Foreign,
    /// A scenario file of another version.
    Version(u32),
    /// A setting the format does not have, or a value that cannot be one.
    Setting(String),
    /// The scenario it describes is refused.
    Scenario(ShareError),
}

impl fmt::Display for FileError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            FileError::Unreadable(e) => {
                write!(f, "the file is not a readable scenario: {}", shortened(e))
            }
            FileError::Foreign => f.write_str(
                "the file is not a hatcalc scenario (its \"format\" is not \"hatcalc-scenario\")",
            ),
            FileError::Version(v) => write!(
                f,
                "the file is scenario format version {v}; this calculator reads version {FILE_VERSION}"
            ),
            FileError::Setting(k) => write!(f, "the file has an unknown or malformed setting '{k}'"),
            FileError::Scenario(e) => {
                // The permalink's wording, told of a file.
                let e = e.to_string();
                write!(f, "{}", e.replacen("the link", "the file", 1))
            }
        }
    }
}

impl std::error::Error for FileError {}

#[cfg(feature = "json")]
impl ScenarioFile {
    /// The scenario in a scenario file's JSON text, checked whole as [`ScenarioFile::read`]
    /// checks it. A leading UTF-8 byte-order mark (written by editors on some systems) is
    /// skipped; numbers read back exactly as written (shortest round-trip form).
    pub fn from_json(text: &str) -> Result<Shared, FileError> {
        let text = text.strip_prefix('\u{feff}').unwrap_or(text);
        let file: ScenarioFile =
            serde_json::from_str(text).map_err(|e| FileError::Unreadable(e.to_string()))?;
        file.read()
    }

    /// The file as JSON text, as `hatcalc export scenario` writes it: every number in the
    /// shortest form that reads back bit for bit.
    pub fn to_json(&self) -> String {
        // Strings, integers and finite numbers only: serialising cannot fail.
        serde_json::to_string_pretty(self).unwrap_or_default() + "\n"
    }
}

/// A parser's message for a message line: control characters escaped and, when long (a parser
/// may quote a whole value), its start and its end (where the position is) only.
fn shortened(message: &str) -> String {
    const HEAD: usize = 100;
    const TAIL: usize = 40;
    let escape = |s: &str| -> String {
        s.chars()
            .flat_map(|c| {
                let e: Vec<char> = if c.is_control() {
                    c.escape_default().collect()
                } else {
                    vec![c]
                };
                e
            })
            .collect()
    };
    let n = message.chars().count();
    if n <= HEAD + TAIL {
        return escape(message);
    }
    let head: String = message.chars().take(HEAD).collect();
    let tail: String = message.chars().skip(n - TAIL).collect();
    format!("{}…{}", escape(&head), escape(&tail))
}

impl ScenarioFile {
    /// The file for `s` started from `preset` (an unknown id falls back to the default).
    pub fn new(s: &Scenario, preset: &str, seed: u64, name: &str) -> ScenarioFile {
        let preset = find_preset(preset).unwrap_or(&PRESETS[0]);
        let currency = s.basis().economy.currency();
        let mut settings = BTreeMap::new();
        for (k, v) in pairs(s, preset, seed, true) {
            if FILE_SETTINGS.contains(&k.as_str()) {
                settings.insert(k, v);
            }
        }
        ScenarioFile {
            format: FILE_FORMAT.into(),
            version: FILE_VERSION,
            model_version: crate::MODEL_VERSION.into(),
            name: name.into(),
            preset: preset.id.into(),
            seed: seed.to_string(),
            settings,
            inputs: P::ALL
                .iter()
                .map(|p| FileInput {
                    id: p.def().id.into(),
                    value: s.get(*p),
                    label: p.def().label.into(),
                    unit: p.def().unit.text(currency),
                })
                .collect(),
        }
    }

    /// The scenario the file describes, checked whole: nothing is applied unless all of it
    /// is valid.
    pub fn read(&self) -> Result<Shared, FileError> {
        if self.format != FILE_FORMAT {
            return Err(FileError::Foreign);
        }
        if self.version != FILE_VERSION {
            return Err(FileError::Version(self.version));
        }
        // Everything below becomes a permalink query, so no piece may carry its own `&`/`=`.
        let clean = |t: &str| !t.contains(['&', '=', '#']) && !t.is_empty();
        let mut query = vec![format!("v={}", crate::share::VERSION)];
        if !clean(&self.preset) {
            return Err(FileError::Setting("preset".into()));
        }
        query.push(format!("preset={}", self.preset));
        if !self.seed.is_empty() {
            if !clean(&self.seed) {
                return Err(FileError::Setting("seed".into()));
            }
            query.push(format!("seed={}", self.seed));
        }
        for (k, v) in &self.settings {
            if !FILE_SETTINGS.contains(&k.as_str()) || !clean(v) {
                return Err(FileError::Setting(excerpt(k)));
            }
            query.push(format!("{k}={v}"));
        }
        for input in &self.inputs {
            if !clean(&input.id) {
                return Err(FileError::Setting(format!(
                    "inputs: '{}'",
                    excerpt(&input.id)
                )));
            }
            query.push(format!("x.{}={}", input.id, input.value));
        }
        decode(&query.join("&")).map_err(FileError::Scenario)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn fields_are_quoted_only_when_needed() {
        assert_eq!(field("plain"), "plain");
        assert_eq!(field("a,b"), "\"a,b\"");
        assert_eq!(field("say \"hi\""), "\"say \"\"hi\"\"\"");
        assert_eq!(field("two\nlines"), "\"two\nlines\"");
    }
}
