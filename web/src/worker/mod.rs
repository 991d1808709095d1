//! The analyst: a Web Worker that makes Monte Carlo draws and estimates EVPPI off the page's
//! thread. The page starts one per core ([`pool`]) and gives each a contiguous part of the
//! run; each draw has its own random stream (`hatcalc::analysis::PsaRun::part`), so the
//! joined run is exactly the one the CLI makes from the same seed, whatever the number of
//! workers. The EVPPI's regressions then run on the first worker over the same draws: it
//! keeps the part it drew and makes the others again (each draw is a function of the seed and
//! its index alone), so the draws' inputs never cross to the page and back: the parts reach
//! the page without them, and the page rebuilds the rows from the estimates
//! (`hatcalc::analysis::EvppiRun::accept`).
//!
//! A worker holds one task at a time: a new request replaces it, which is how the page
//! cancels a run when the inputs change. It works in chunks and yields to its event loop
//! between them, so a new request is read within one chunk.
//!
//! The scribe ([`Scribe`], built with the `scribe` feature) takes the same messages and does
//! the rest: it has the registry's long texts and the files' formats, and the page starts one,
//! when it first needs a text or a file, to send the texts ([`Request::Texts`]) and to write
//! and read files ([`Request::File`]). Neither the page's bundle nor the Monte Carlo workers'
//! carry them; each worker refuses the other's requests.

pub mod pool;

use gloo_worker::{HandlerId, Worker, WorkerScope};
use hatcalc::analysis::{
    check_claim, check_claim_grid_with, grid, tornado_per_patient_year, Claim, ClaimGrid,
    ClaimReport, Estimate, EvppiRun, Grid, Metric, PsaConfig, PsaPart, PsaRun, Undefined,
};
use serde::{Deserialize, Serialize};
use wasm_bindgen::JsValue;

/// Draws per chunk between yields (a few milliseconds of work).
const CHUNK: usize = 100;

/// What the page asks of a worker. `tests/e2e/bench.mjs` writes `Draws` (and reads `Reply`'s
/// variant numbers) by hand in the messages' encoding: keep it in step with these.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub enum Request {
    /// Draws `from..to` of the run `config` over the scenario of the permalink `query`.
    Draws {
        /// The page's job number: replies carry it, so stale ones are ignored.
        job: u64,
        /// The scenario's permalink query (an exact encoding).
        query: String,
        /// The whole run's settings.
        config: PsaConfig,
        /// First draw of the part.
        from: usize,
        /// Draw after the last of the part.
        to: usize,
    },
    /// EVPPI of every drawn input and group (not every input together) over the run
    /// `config` of the scenario: the part this worker last drew of that run is kept, the rest
    /// drawn again.
    Evppi {
        /// The page's job number.
        job: u64,
        /// The scenario's permalink query.
        query: String,
        /// The run's settings.
        config: PsaConfig,
    },
    /// Check a claim, with a Monte Carlo run of `config` for its chance.
    Claim {
        /// The page's job number.
        job: u64,
        /// The scenario's permalink query.
        query: String,
        /// The claim.
        claim: Claim,
        /// The Monte Carlo run for the chance that it holds.
        config: PsaConfig,
    },
    /// Stop the work in hand: its scenario has changed.
    Stop {
        /// The page's job number.
        job: u64,
    },
    /// The share of the tornado's swing (per patient-year) that rests on assumptions.
    AssumptionShare {
        /// The page's job number.
        job: u64,
        /// The scenario's permalink query.
        query: String,
    },
    /// Net benefit over a grid of two inputs, `cells` values of each.
    Grid {
        /// The page's job number.
        job: u64,
        /// The scenario's permalink query.
        query: String,
        /// Id of the input across.
        x: String,
        /// Id of the input up.
        y: String,
        /// Values per side.
        cells: usize,
    },
    /// The registry's long texts (this worker's bundle has them; the page's does not).
    Texts,
    /// Write a file of the scenario of `query`, or read one.
    File {
        /// The page's job number.
        job: u64,
        /// The scenario's permalink query (unused when reading a file).
        query: String,
        /// Which file.
        file: FileJob,
    },
}

/// A file the worker writes or reads for the page: the formats (and the texts the files
/// cite) are in the worker's bundle, not in the page's.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub enum FileJob {
    /// Every input with its value, unit, range and source (CSV).
    Inputs,
    /// The results, with the summary of the Monte Carlo run of `draws` and `seed` (the run the
    /// page shows: the same draws), and the page's permalink (CSV).
    Results {
        /// Draws of the run.
        draws: usize,
        /// Its seed.
        seed: u64,
        /// The page's permalink.
        permalink: String,
    },
    /// The budget by year (CSV).
    Budget,
    /// The scenario file (JSON), started from `preset`, with `seed`.
    Scenario {
        /// The preset's id.
        preset: String,
        /// The Monte Carlo seed.
        seed: u64,
    },
    /// Read a scenario file's text: the answer is its scenario's permalink query.
    Open {
        /// The file's text.
        text: String,
    },
}

/// A claim check as it comes back: the scenario's own answer and the grid by perspective and
/// horizon (levers searched only in the scenario's own cell).
pub type ClaimAnswer = (ClaimReport, ClaimGrid);

/// An EVPPI estimate as it travels ([`Estimate`] in a form the messages' encoding reads
/// back: no internally tagged enums).
#[derive(Debug, Clone, Copy, Serialize, Deserialize)]
pub enum WireEstimate {
    /// [`Estimate::Value`].
    Value(f64, f64, f64),
    /// [`Undefined::TooFewDraws`].
    TooFewDraws(usize, usize),
    /// [`Undefined::ConstantInputs`].
    ConstantInputs,
    /// [`Undefined::NotFinite`].
    NotFinite,
    /// [`Undefined::LengthMismatch`].
    LengthMismatch,
    /// [`Undefined::NotEstimated`].
    NotEstimated,
}

impl From<Estimate> for WireEstimate {
    fn from(e: Estimate) -> WireEstimate {
        match e {
            Estimate::Value {
                value,
                raw,
                explained,
            } => WireEstimate::Value(value, raw, explained),
            Estimate::Undefined { reason } => match reason {
                Undefined::TooFewDraws { draws, needed } => {
                    WireEstimate::TooFewDraws(draws, needed)
                }
                Undefined::ConstantInputs => WireEstimate::ConstantInputs,
                Undefined::NotFinite => WireEstimate::NotFinite,
                Undefined::LengthMismatch => WireEstimate::LengthMismatch,
                Undefined::NotEstimated => WireEstimate::NotEstimated,
            },
        }
    }
}

impl From<WireEstimate> for Estimate {
    fn from(e: WireEstimate) -> Estimate {
        let undefined = |reason| Estimate::Undefined { reason };
        match e {
            WireEstimate::Value(value, raw, explained) => Estimate::Value {
                value,
                raw,
                explained,
            },
            WireEstimate::TooFewDraws(draws, needed) => {
                undefined(Undefined::TooFewDraws { draws, needed })
            }
            WireEstimate::ConstantInputs => undefined(Undefined::ConstantInputs),
            WireEstimate::NotFinite => undefined(Undefined::NotFinite),
            WireEstimate::LengthMismatch => undefined(Undefined::LengthMismatch),
            WireEstimate::NotEstimated => undefined(Undefined::NotEstimated),
        }
    }
}

/// What a worker answers. `tests/e2e/bench.mjs` reads `Part` and `Refused` by their variant
/// index: new variants go at the end.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub enum Reply {
    /// Draws done so far of the part.
    Progress {
        /// The job.
        job: u64,
        /// Draws done.
        done: usize,
    },
    /// The finished part.
    Part {
        /// The job.
        job: u64,
        /// Its draws and the inputs they drew.
        part: PsaPart,
    },
    /// The EVPPI rows estimated so far, in the run's order.
    Evppi {
        /// The job.
        job: u64,
        /// Every estimate so far.
        estimates: Vec<WireEstimate>,
    },
    /// A claim's answer.
    Claim {
        /// The job.
        job: u64,
        /// The answer.
        answer: Box<ClaimAnswer>,
    },
    /// The share of the tornado's swing that rests on assumptions (`None`: no swing).
    AssumptionShare {
        /// The job.
        job: u64,
        /// The share.
        share: Option<f64>,
    },
    /// A two-way grid.
    Grid {
        /// The job.
        job: u64,
        /// The grid.
        grid: Box<Grid>,
    },
    /// The request could not be read (never expected: the page sends its own permalink), or
    /// a scenario file was refused (the reason says why).
    Refused {
        /// The job.
        job: u64,
        /// Why.
        reason: String,
    },
    /// The registry's long texts.
    Texts {
        /// The texts.
        texts: Box<hatcalc::texts::Texts>,
    },
    /// A file's text (for [`FileJob::Open`]: the permalink query of the scenario read).
    File {
        /// The job.
        job: u64,
        /// The text.
        text: String,
    },
}

/// The worker's state: the task in hand, if any, and the last part of a run it drew.
#[derive(Debug, Default)]
pub struct Analyst {
    task: Option<Task>,
    kept: Option<Kept>,
}

/// A finished part of a run: the scenario's query, the run's settings and the draws.
#[derive(Debug)]
struct Kept {
    query: String,
    config: PsaConfig,
    part: PsaPart,
}

/// Draws of a run for its EVPPI: the parts in hand, the one being drawn, and the ranges of
/// draws still to make.
#[derive(Debug)]
struct Gather {
    scenario: Box<hatcalc::Scenario>,
    config: PsaConfig,
    parts: Vec<PsaPart>,
    drawing: Option<Box<PsaRun>>,
    missing: Vec<std::ops::Range<usize>>,
}

impl Gather {
    /// The draws of the run `config` of `s` not in `kept` (when it is a part of that run).
    fn new(s: hatcalc::Scenario, query: &str, config: PsaConfig, kept: Option<&Kept>) -> Gather {
        // The run's settings as a run holds them (draws clamped), as the kept part has them.
        let whole = PsaRun::new(&s, config);
        let (config, n) = (whole.config(), whole.total());
        let (parts, missing) = match kept.filter(|k| k.query == query && k.config == config) {
            Some(k) => {
                let (a, b) = (k.part.first, k.part.first + k.part.draws.len());
                let missing = [0..a, b..n].into_iter().filter(|r| !r.is_empty()).collect();
                (vec![k.part.clone()], missing)
            }
            None => (Vec::new(), std::iter::once(0..n).collect()),
        };
        Gather {
            scenario: Box::new(s),
            config,
            parts,
            drawing: None,
            missing,
        }
    }

    /// Draw up to `n` more; the whole run once every draw is made.
    fn step(&mut self, n: usize) -> Option<Result<PsaRun, String>> {
        if self.drawing.is_none() {
            if let Some(range) = self.missing.pop() {
                self.drawing = Some(Box::new(PsaRun::part(&self.scenario, self.config, range)));
            }
        }
        match self.drawing.as_mut() {
            Some(run) => {
                run.step(n);
                if run.finished() {
                    self.parts.push(run.to_part());
                    self.drawing = None;
                }
                None
            }
            None => Some(
                PsaRun::join(&self.scenario, self.config, std::mem::take(&mut self.parts))
                    .ok_or_else(|| "the draws do not make up the run".to_string()),
            ),
        }
    }
}

/// Work in hand, for the bridge that asked.
#[derive(Debug)]
struct Task {
    job: u64,
    to: HandlerId,
    work: Work,
}

/// A part of a run being drawn (with its scenario's query, to keep it by when done), the
/// draws an EVPPI needs being gathered, EVPPI rows being estimated, or a claim to check.
#[derive(Debug)]
enum Work {
    Draws(Box<PsaRun>, String),
    Gather(Box<Gather>),
    /// The EVPPI over a gathered run, which its steps read.
    Evppi(Box<(PsaRun, EvppiRun)>),
    Claim(Box<hatcalc::Scenario>, Claim, PsaConfig),
}

/// The worker's message to itself: do the next chunk of `job`.
#[derive(Debug)]
pub struct Step(u64);

impl Worker for Analyst {
    type Message = Step;
    type Input = Request;
    type Output = Reply;

    fn create(_scope: &WorkerScope<Self>) -> Self {
        Analyst::default()
    }

    fn update(&mut self, scope: &WorkerScope<Self>, Step(job): Step) {
        let Some(task) = self.task.as_mut().filter(|t| t.job == job) else {
            return; // replaced by a newer request
        };
        let (reply, finished) = match &mut task.work {
            Work::Draws(run, query) => {
                run.step(CHUNK);
                let reply = if run.finished() {
                    // The page is sent the draws alone (a quarter of the part's size): it
                    // never reads their inputs, and could draw them again from the seed. This
                    // worker keeps them for the EVPPI.
                    self.kept = Some(Kept {
                        query: std::mem::take(query),
                        config: run.config(),
                        part: run.to_part(),
                    });
                    Reply::Part {
                        job,
                        part: run.to_part_without_inputs(),
                    }
                } else {
                    Reply::Progress {
                        job,
                        done: run.done(),
                    }
                };
                (Some(reply), run.finished())
            }
            Work::Gather(g) => match g.step(CHUNK) {
                None => (None, false),
                Some(Ok(run)) => {
                    let e = EvppiRun::new(&run, false);
                    task.work = Work::Evppi(Box::new((run, e)));
                    (None, false)
                }
                Some(Err(reason)) => (Some(Reply::Refused { job, reason }), true),
            },
            Work::Claim(..) => return, // answered when received
            Work::Evppi(work) => {
                let (run, e) = &mut **work;
                e.step(run, 1);
                let estimates = e.estimates().into_iter().map(Into::into).collect();
                (Some(Reply::Evppi { job, estimates }), e.finished())
            }
        };
        if let Some(reply) = reply {
            scope.respond(task.to, reply);
        }
        if finished {
            self.task = None;
        } else {
            scope.send_future(async move {
                yield_now().await;
                Step(job)
            });
        }
    }

    fn received(&mut self, scope: &WorkerScope<Self>, msg: Request, id: HandlerId) {
        let (job, work) = match msg {
            Request::Draws {
                job,
                query,
                config,
                from,
                to,
            } => (
                job,
                scenario(&query)
                    .map(|s| Work::Draws(Box::new(PsaRun::part(&s, config, from..to)), query)),
            ),
            Request::Evppi { job, query, config } => (
                job,
                scenario(&query).map(|s| {
                    Work::Gather(Box::new(Gather::new(s, &query, config, self.kept.as_ref())))
                }),
            ),
            Request::Stop { .. } => {
                self.task = None;
                return;
            }
            // The scribe's work ([`Scribe`]).
            Request::Texts | Request::File { .. } => {
                scope.respond(id, not_mine(&msg, "the scribe"));
                return;
            }
            Request::AssumptionShare { job, query } => {
                scope.respond(
                    id,
                    match scenario(&query) {
                        Ok(s) => Reply::AssumptionShare {
                            job,
                            share: tornado_per_patient_year(&s).assumption_share(),
                        },
                        Err(reason) => Reply::Refused { job, reason },
                    },
                );
                return;
            }
            Request::Grid {
                job,
                query,
                x,
                y,
                cells,
            } => {
                let params = hatcalc::params::find(&x).zip(hatcalc::params::find(&y));
                let answer = scenario(&query).and_then(|s| {
                    let (px, py) = params.ok_or("no such input")?;
                    let n = cells.clamp(2, 101);
                    Ok(grid(&s, px, py, n, n, Metric::NetBenefit))
                });
                scope.respond(
                    id,
                    match answer {
                        Ok(g) => Reply::Grid {
                            job,
                            grid: Box::new(g),
                        },
                        Err(reason) => Reply::Refused { job, reason },
                    },
                );
                return;
            }
            Request::Claim {
                job,
                query,
                claim,
                config,
            } => (
                job,
                scenario(&query).map(|s| Work::Claim(Box::new(s), claim, config)),
            ),
        };
        let work = match work {
            Ok(Work::Claim(s, claim, config)) => {
                // One piece of work, done at once: a claim is checked on its own worker.
                let answer = (
                    check_claim(&s, claim, Some(config)),
                    check_claim_grid_with(&s, claim, Some(config), false),
                );
                scope.respond(
                    id,
                    Reply::Claim {
                        job,
                        answer: Box::new(answer),
                    },
                );
                return;
            }
            other => other,
        };
        match work {
            Ok(work) => {
                self.task = Some(Task { job, to: id, work });
                scope.send_message(Step(job));
            }
            Err(reason) => {
                self.task = None;
                scope.respond(id, Reply::Refused { job, reason });
            }
        }
    }
}

/// The scribe: the worker that sends the registry's long texts and writes and reads files,
/// built with the `scribe` feature (`web/src/bin/hatcalc-scribe.rs`) and started by the page
/// when it first needs one. It speaks the analyst's messages and refuses the analyst's work,
/// so its bundle has neither the Monte Carlo nor the EVPPI.
#[derive(Debug, Default)]
pub struct Scribe;

impl Worker for Scribe {
    type Message = ();
    type Input = Request;
    type Output = Reply;

    fn create(_scope: &WorkerScope<Self>) -> Self {
        Scribe
    }

    fn update(&mut self, _scope: &WorkerScope<Self>, _msg: ()) {}

    fn received(&mut self, scope: &WorkerScope<Self>, msg: Request, id: HandlerId) {
        let reply = match msg {
            Request::Texts => texts(),
            Request::File { job, query, file } => file_reply(job, &query, file),
            other => not_mine(&other, "the analyst"),
        };
        scope.respond(id, reply);
    }
}

/// The refusal of a request meant for another worker (`whose`).
fn not_mine(msg: &Request, whose: &str) -> Reply {
    let job = match msg {
        Request::Draws { job, .. }
        | Request::Evppi { job, .. }
        | Request::Claim { job, .. }
        | Request::Stop { job }
        | Request::AssumptionShare { job, .. }
        | Request::Grid { job, .. }
        | Request::File { job, .. } => *job,
        Request::Texts => 0,
    };
    Reply::Refused {
        job,
        reason: format!("this request is for {whose}"),
    }
}

/// The registry's long texts, from the worker built with them (index.html builds the scribe
/// with the `scribe` feature).
#[cfg(feature = "scribe")]
fn texts() -> Reply {
    Reply::Texts {
        texts: Box::new(hatcalc::texts::Texts::all()),
    }
}

/// A bundle built without the texts has none to give.
#[cfg(not(feature = "scribe"))]
fn texts() -> Reply {
    Reply::Refused {
        job: 0,
        reason: "this bundle has no texts".into(),
    }
}

/// A file written or read, from the worker built with the formats.
#[cfg(feature = "scribe")]
fn file_reply(job: u64, query: &str, file: FileJob) -> Reply {
    use hatcalc::export::{budget_csv, inputs_csv, outputs_csv, ScenarioFile};
    use hatcalc::presets::{find as find_preset, PRESETS};
    let text = match file {
        FileJob::Open { text } => ScenarioFile::from_json(&text)
            .map(|shared| {
                let preset = find_preset(shared.preset).unwrap_or(&PRESETS[0]);
                hatcalc::share::encode(&shared.scenario, preset, shared.seed)
            })
            .map_err(|e| e.to_string()),
        other => scenario(query).map(|s| {
            let texts = hatcalc::texts::Texts::all();
            match other {
                FileJob::Inputs => inputs_csv(&s, &texts),
                FileJob::Results {
                    draws,
                    seed,
                    permalink,
                } => {
                    let mc = hatcalc::analysis::psa(&s, PsaConfig::new(draws, seed));
                    outputs_csv(&s, &hatcalc::evaluate(&s), Some(&mc), &permalink, &texts)
                }
                FileJob::Budget => budget_csv(&s, &hatcalc::analysis::budget(&s), &texts),
                FileJob::Scenario { preset, seed } => {
                    ScenarioFile::new(&s, &preset, seed, "").to_json()
                }
                FileJob::Open { .. } => String::new(), // read above
            }
        }),
    };
    match text {
        Ok(text) => Reply::File { job, text },
        Err(reason) => Reply::Refused { job, reason },
    }
}

/// A bundle built without the formats writes no file.
#[cfg(not(feature = "scribe"))]
fn file_reply(job: u64, _query: &str, _file: FileJob) -> Reply {
    Reply::Refused {
        job,
        reason: "this bundle writes no files".into(),
    }
}

/// The scenario of a permalink query the page sent.
fn scenario(query: &str) -> Result<hatcalc::Scenario, String> {
    hatcalc::share::decode(query)
        .map(|shared| shared.scenario)
        .map_err(|e| e.to_string())
}

thread_local! {
    /// The channel the worker posts to itself to yield: a message task runs after any
    /// request already queued, without the clamping of nested timeouts.
    static CHANNEL: Option<web_sys::MessageChannel> = web_sys::MessageChannel::new().ok();
}

/// Let the worker's event loop run (and a queued request arrive) before continuing.
async fn yield_now() {
    let promise = js_sys::Promise::new(&mut |resolve, _reject| {
        let posted = CHANNEL.with(|c| {
            c.as_ref().is_some_and(|c| {
                c.port1().set_onmessage(Some(&resolve));
                c.port2().post_message(&JsValue::NULL).is_ok()
            })
        });
        if !posted {
            let _ = resolve.call0(&JsValue::NULL);
        }
    });
    let _ = wasm_bindgen_futures::JsFuture::from(promise).await;
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The run the first worker gathers for the EVPPI from the part it kept and the draws it
    /// makes again is the run one thread makes from the start, draw for draw.
    #[test]
    fn the_evppi_worker_gathers_the_whole_run() {
        let s = hatcalc::Scenario::us_default();
        let query = "v=1&preset=us";
        let config = PsaConfig::new(60, 7);
        let mut whole = PsaRun::new(&s, config);
        whole.step(usize::MAX);
        let gather = |kept: Option<&Kept>| {
            let mut g = Gather::new(s.clone(), query, config, kept);
            loop {
                if let Some(run) = g.step(7) {
                    return run.expect("the draws make up the run");
                }
            }
        };
        // A part kept from the middle of the run, from its start, or none at all; and a part
        // of another run, which is not used.
        for (range, kept_config) in [
            (20..40, config),
            (0..30, config),
            (10..50, PsaConfig::new(60, 8)),
        ] {
            let mut part = PsaRun::part(&s, kept_config, range);
            part.step(usize::MAX);
            let kept = Kept {
                query: query.to_string(),
                config: part.config(),
                part: part.to_part(),
            };
            let run = gather(Some(&kept));
            assert_eq!(run.draws(), whole.draws());
            assert_eq!(run.inputs(), whole.inputs());
        }
        let run = gather(None);
        assert_eq!(run.draws(), whole.draws());
    }
}
