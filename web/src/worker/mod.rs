//! The analyst: a Web Worker that makes Monte Carlo draws off the page's thread. The page
//! starts one per core ([`pool`]) and gives each a contiguous part of the run; each draw has
//! its own random stream (`hatcalc::analysis::PsaRun::part`), so the joined run is exactly
//! the one the CLI makes from the same seed, whatever the number of workers.
//!
//! A worker holds one task at a time: a new request replaces it, which is how the page
//! cancels a run when the inputs change. It works in chunks and yields to its event loop
//! between them, so a new request is read within one chunk.

pub mod pool;

use gloo_worker::{HandlerId, Worker, WorkerScope};
use hatcalc::analysis::{PsaConfig, PsaPart, PsaRun};
use serde::{Deserialize, Serialize};
use wasm_bindgen::JsValue;

/// Draws per chunk between yields (a few milliseconds of work).
const CHUNK: usize = 100;

/// What the page asks of a worker.
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
}

/// What a worker answers.
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
    /// The request could not be read (never expected: the page sends its own permalink).
    Refused {
        /// The job.
        job: u64,
        /// Why.
        reason: String,
    },
}

/// The worker's state: the task in hand, if any.
#[derive(Debug, Default)]
pub struct Analyst {
    task: Option<Task>,
}

/// A part of a run being drawn, for the bridge that asked.
#[derive(Debug)]
struct Task {
    job: u64,
    to: HandlerId,
    run: PsaRun,
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
        task.run.step(CHUNK);
        if task.run.finished() {
            scope.respond(
                task.to,
                Reply::Part {
                    job,
                    part: task.run.to_part(),
                },
            );
            self.task = None;
        } else {
            scope.respond(
                task.to,
                Reply::Progress {
                    job,
                    done: task.run.done(),
                },
            );
            scope.send_future(async move {
                yield_now().await;
                Step(job)
            });
        }
    }

    fn received(&mut self, scope: &WorkerScope<Self>, msg: Request, id: HandlerId) {
        match msg {
            Request::Draws {
                job,
                query,
                config,
                from,
                to,
            } => match hatcalc::share::decode(&query) {
                Ok(shared) => {
                    self.task = Some(Task {
                        job,
                        to: id,
                        run: PsaRun::part(&shared.scenario, config, from..to),
                    });
                    scope.send_message(Step(job));
                }
                Err(e) => {
                    self.task = None;
                    scope.respond(
                        id,
                        Reply::Refused {
                            job,
                            reason: e.to_string(),
                        },
                    );
                }
            },
        }
    }
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
