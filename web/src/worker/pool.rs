//! The page's side of the analyst workers: one per core (at most four), started when the
//! first Monte Carlo run is asked for and kept for the page's lifetime. A run is split into
//! one contiguous part per worker; the parts come back as their draws (without the inputs
//! they drew, which the page does not read) and are joined in order.

use super::{Analyst, ClaimAnswer, FileJob, Reply, Request};
use gloo_worker::{Spawnable, WorkerBridge};
use hatcalc::analysis::{Claim, Estimate, Grid, PsaConfig, PsaPart, PsaRun};
use hatcalc::{Scenario, P};
use std::cell::RefCell;
use std::rc::Rc;
use wasm_bindgen::JsCast;

/// The worker's script, next to the page (`web/hatcalc-analyst_loader.js`): it loads the
/// worker's bundle.
pub const SCRIPT: &str = "./hatcalc-analyst_loader.js";

/// The scribe's script (`web/hatcalc-scribe_loader.js`): the same worker built with the
/// `scribe` feature (the registry's long texts and the files' formats), loaded only when a
/// text or a file is first asked for, so that neither the page nor the Monte Carlo's workers
/// carry them.
pub const SCRIBE_SCRIPT: &str = "./hatcalc-scribe_loader.js";

/// Most workers started, whatever the number of cores.
const MAX_WORKERS: usize = 4;

/// What the workers have sent back for the current job.
#[derive(Debug, Default)]
struct Progress {
    job: u64,
    /// Draws done by each worker.
    done: Vec<usize>,
    /// Each worker's finished part.
    parts: Vec<Option<PsaPart>>,
    /// The EVPPI estimates so far.
    evppi: Vec<Estimate>,
    /// Whether any worker has answered since the pool started.
    heard: bool,
    /// A worker's refusal, if one refused.
    refused: Option<String>,
}

/// The started workers and what they have answered.
struct Pool {
    bridges: Vec<WorkerBridge<Analyst>>,
    progress: Rc<RefCell<Progress>>,
    next_job: u64,
}

impl Pool {
    /// A new job number; what the workers answer for earlier jobs is ignored from now on.
    fn new_job(&mut self) -> u64 {
        let job = self.next_job;
        self.next_job += 1;
        let n = self.bridges.len();
        let mut p = self.progress.borrow_mut();
        p.job = job;
        p.done = vec![0; n];
        p.parts = vec![None; n];
        p.evppi = Vec::new();
        p.refused = None;
        job
    }
}

thread_local! {
    static POOL: RefCell<Option<Pool>> = const { RefCell::new(None) };
    /// The worker that checks claims, its own so that a long check never holds up a run.
    static CLAIMS: RefCell<Option<SideWorker>> = const { RefCell::new(None) };
    /// The worker that computes two-way grids.
    static GRIDS: RefCell<Option<SideWorker>> = const { RefCell::new(None) };
    /// The worker that computes the headline's assumption share.
    static SHARES: RefCell<Option<SideWorker>> = const { RefCell::new(None) };
    /// The scribe: the worker that writes and reads files and has the registry's long texts
    /// (started when first asked).
    static SCRIBE: RefCell<Option<SideWorker>> = const { RefCell::new(None) };
}

/// A worker for one kind of single answer (a claim, a grid): the latest request replaces
/// any earlier one, whose answer is then ignored.
struct SideWorker {
    bridge: WorkerBridge<Analyst>,
    state: Rc<RefCell<SideState>>,
    next_job: u64,
}

/// The current job of a side worker and the answers in: only the current job's, for a worker
/// whose latest request replaces the earlier ones (a claim, a grid, a share); every job's until
/// taken, for one whose requests all stand (the scribe's files).
#[derive(Debug, Default)]
struct SideState {
    job: u64,
    replies: Vec<(u64, Reply)>,
    all_stand: bool,
}

/// An answer awaited from a side worker.
#[derive(Debug)]
struct SideAnswer {
    state: Rc<RefCell<SideState>>,
    job: u64,
}

/// The side worker in `cell`, started from `script` if need be; `None` where the browser has
/// no workers.
fn side_worker<T>(
    cell: &'static std::thread::LocalKey<RefCell<Option<SideWorker>>>,
    script: &'static str,
    then: impl FnOnce(&mut SideWorker) -> T,
) -> Option<T> {
    // The scribe's requests all stand (two files asked at once are both written).
    let all_stand = script == SCRIBE_SCRIPT;
    if !supported() {
        return None;
    }
    cell.with(|cell| {
        let mut slot = cell.borrow_mut();
        let w = slot.get_or_insert_with(|| {
            let state = Rc::new(RefCell::new(SideState {
                all_stand,
                ..SideState::default()
            }));
            let seen = state.clone();
            // The scribe ([`super::Scribe`]) takes and gives the analyst's messages (the same
            // `Request` and `Reply`), so one bridge type talks to either script.
            let bridge = Analyst::spawner()
                .callback(move |reply: Reply| {
                    // The texts are asked once, outside the jobs ([`ask_texts`]).
                    if let Reply::Texts { texts } = reply {
                        crate::texts::arrived(*texts);
                        return;
                    }
                    let job = match &reply {
                        Reply::Progress { job, .. }
                        | Reply::Part { job, .. }
                        | Reply::Evppi { job, .. }
                        | Reply::Claim { job, .. }
                        | Reply::Grid { job, .. }
                        | Reply::AssumptionShare { job, .. }
                        | Reply::File { job, .. }
                        | Reply::Refused { job, .. } => *job,
                        Reply::Texts { .. } => return,
                    };
                    let mut s = seen.borrow_mut();
                    if job == s.job || s.all_stand {
                        s.replies.push((job, reply));
                        answered();
                    }
                })
                .with_loader(true)
                .as_module(false)
                .spawn(script);
            SideWorker {
                bridge,
                state,
                next_job: 1,
            }
        });
        Some(then(w))
    })
}

impl SideAnswer {
    /// Send the request `make` builds (from the job number) to the worker in `cell` (started
    /// from the analyst's script if need be). `None` where the browser has no workers.
    fn ask(
        cell: &'static std::thread::LocalKey<RefCell<Option<SideWorker>>>,
        make: impl FnOnce(u64) -> Request,
    ) -> Option<SideAnswer> {
        Self::ask_of(cell, SCRIPT, make)
    }

    /// The same, for a worker started from `script`.
    fn ask_of(
        cell: &'static std::thread::LocalKey<RefCell<Option<SideWorker>>>,
        script: &'static str,
        make: impl FnOnce(u64) -> Request,
    ) -> Option<SideAnswer> {
        side_worker(cell, script, |w| {
            let job = w.next_job;
            w.next_job += 1;
            {
                let mut s = w.state.borrow_mut();
                s.job = job;
                if !s.all_stand {
                    s.replies.clear();
                }
            }
            w.bridge.send(make(job));
            SideAnswer {
                state: w.state.clone(),
                job,
            }
        })
    }

    /// The reply, once it has come.
    fn take(&self) -> Option<Reply> {
        let mut s = self.state.borrow_mut();
        let i = s.replies.iter().position(|(job, _)| *job == self.job)?;
        Some(s.replies.swap_remove(i).1)
    }
}

/// A claim being checked on its worker.
#[derive(Debug)]
pub struct ClaimOnWorker(SideAnswer);

impl ClaimOnWorker {
    /// Ask the claim worker to check `claim` over the scenario of `query` with a Monte Carlo
    /// run of `config`, replacing any earlier check. `None` where the browser has no workers.
    pub fn start(query: &str, claim: Claim, config: PsaConfig) -> Option<ClaimOnWorker> {
        SideAnswer::ask(&CLAIMS, |job| Request::Claim {
            job,
            query: query.to_string(),
            claim,
            config,
        })
        .map(ClaimOnWorker)
    }

    /// The answer, once it has come (`Err` if the worker refused the request).
    pub fn answer(&self) -> Option<Result<ClaimAnswer, String>> {
        match self.0.take()? {
            Reply::Claim { answer, .. } => Some(Ok(*answer)),
            Reply::Refused { reason, .. } => Some(Err(reason)),
            _ => Some(Err("the worker answered something else".into())),
        }
    }
}

/// A two-way grid being computed on its worker.
#[derive(Debug)]
pub struct GridOnWorker(SideAnswer);

impl GridOnWorker {
    /// Ask the grid worker for net benefit over `cells` × `cells` values of `x` and `y` in
    /// the scenario of `query`, replacing any earlier request. `None` where the browser has no
    /// workers.
    pub fn start(query: &str, x: P, y: P, cells: usize) -> Option<GridOnWorker> {
        SideAnswer::ask(&GRIDS, |job| Request::Grid {
            job,
            query: query.to_string(),
            x: x.def().id.to_string(),
            y: y.def().id.to_string(),
            cells,
        })
        .map(GridOnWorker)
    }

    /// The grid, once it has come (`Err` if the worker refused the request).
    pub fn answer(&self) -> Option<Result<Grid, String>> {
        match self.0.take()? {
            Reply::Grid { grid, .. } => Some(Ok(*grid)),
            Reply::Refused { reason, .. } => Some(Err(reason)),
            _ => Some(Err("the worker answered something else".into())),
        }
    }
}

/// How many workers to start: one per logical core the browser reports, at least one.
fn worker_count() -> usize {
    let cores = gloo::utils::window().navigator().hardware_concurrency();
    if cores.is_finite() && cores >= 1.0 {
        (cores as usize).min(MAX_WORKERS)
    } else {
        1
    }
}

/// Whether this browser can run workers at all.
fn supported() -> bool {
    let has_workers =
        js_sys::Reflect::has(&gloo::utils::window(), &"Worker".into()).unwrap_or(false);
    if has_workers && SCRIPT_FOUND.get().is_none() {
        probe_script();
    }
    has_workers && SCRIPT_FOUND.get() != Some(false)
}

thread_local! {
    /// Whether the worker's script is there (`None` until asked): a page served without it
    /// (a build without the worker, a test harness) computes everything on its own thread.
    static SCRIPT_FOUND: std::cell::Cell<Option<bool>> = const { std::cell::Cell::new(None) };
}

/// Ask once whether the worker's script can be fetched; until the answer, workers are assumed.
fn probe_script() {
    SCRIPT_FOUND.set(Some(true));
    wasm_bindgen_futures::spawn_local(async {
        let init = web_sys::RequestInit::new();
        init.set_method("HEAD");
        let found = match web_sys::window().map(|w| w.fetch_with_str_and_init(SCRIPT, &init)) {
            Some(promise) => match wasm_bindgen_futures::JsFuture::from(promise).await {
                Ok(r) => r
                    .dyn_into::<web_sys::Response>()
                    .map(|r| r.ok())
                    .unwrap_or(false),
                Err(_) => false,
            },
            None => false,
        };
        SCRIPT_FOUND.set(Some(found));
    });
}

/// Whether the workers are known not to be there: a page waiting for one gives up at once.
pub fn unavailable() -> bool {
    SCRIPT_FOUND.get() == Some(false)
}

fn start_pool() -> Pool {
    let progress = Rc::new(RefCell::new(Progress::default()));
    let bridges = (0..worker_count())
        .map(|i| {
            let progress = progress.clone();
            Analyst::spawner()
                .callback(move |reply: Reply| {
                    let mut p = progress.borrow_mut();
                    p.heard = true;
                    match reply {
                        Reply::Progress { job, done } if job == p.job => {
                            if let Some(d) = p.done.get_mut(i) {
                                *d = done;
                            }
                        }
                        Reply::Part { job, part } if job == p.job => {
                            if let Some(d) = p.done.get_mut(i) {
                                *d = part.draws.len();
                            }
                            if let Some(slot) = p.parts.get_mut(i) {
                                *slot = Some(part);
                            }
                            answered();
                        }
                        Reply::Evppi { job, estimates } if job == p.job => {
                            p.evppi = estimates.into_iter().map(Into::into).collect();
                        }
                        Reply::Refused { job, reason } if job == p.job => {
                            p.refused = Some(reason);
                            answered();
                        }
                        _ => {} // a stale job's answer
                    }
                })
                .with_loader(true)
                .as_module(false)
                .spawn(SCRIPT)
        })
        .collect();
    Pool {
        bridges,
        progress,
        next_job: 1,
    }
}

/// Ask the scribe for the registry's long texts (starting it if need be); the answer goes to
/// [`crate::texts`]. `false` where the browser has no workers.
pub fn ask_texts() -> bool {
    side_worker(&SCRIBE, SCRIBE_SCRIPT, |w| w.bridge.send(Request::Texts)).is_some()
}

/// A Monte Carlo run on the workers.
#[derive(Debug)]
pub struct Draws {
    scenario: Scenario,
    config: PsaConfig,
    progress: Rc<RefCell<Progress>>,
}

/// Stop the Monte Carlo's workers' current work (draws or EVPPI rows of a scenario that has
/// just changed), so that they leave the cores to the page while input goes on; what they
/// kept of their last part stays. Nothing where the workers have not started.
pub fn stop_runs() {
    POOL.with(|cell| {
        if let Some(pool) = cell.borrow_mut().as_mut() {
            let job = pool.new_job();
            for bridge in &pool.bridges {
                bridge.send(Request::Stop { job });
            }
        }
    });
}

impl Draws {
    /// Ask the workers for the run `config` over `scenario` (whose permalink query is
    /// `query`), replacing whatever they were doing. `None` where the browser has no workers.
    pub fn start(scenario: &Scenario, query: &str, config: PsaConfig) -> Option<Draws> {
        if !supported() {
            return None;
        }
        POOL.with(|cell| {
            let mut slot = cell.borrow_mut();
            let pool = slot.get_or_insert_with(start_pool);
            let job = pool.new_job();
            let n = pool.bridges.len();
            let draws = config.draws.clamp(1, PsaConfig::MAX_DRAWS);
            for (i, bridge) in pool.bridges.iter().enumerate() {
                bridge.send(Request::Draws {
                    job,
                    query: query.to_string(),
                    config,
                    from: draws * i / n,
                    to: draws * (i + 1) / n,
                });
            }
            Some(Draws {
                scenario: scenario.clone(),
                config,
                progress: pool.progress.clone(),
            })
        })
    }

    /// Draws done so far, over every worker.
    pub fn done(&self) -> usize {
        self.progress.borrow().done.iter().sum()
    }

    /// Whether any worker has answered since the pool started: a pool that never answers
    /// (its script could not load) is given up for the page's own thread.
    pub fn heard(&self) -> bool {
        self.progress.borrow().heard
    }

    /// The whole run, once every part is in (`Err` if a worker refused or the parts do not
    /// join into the run).
    pub fn finished(&self) -> Option<Result<PsaRun, String>> {
        let mut p = self.progress.borrow_mut();
        if let Some(reason) = p.refused.take() {
            return Some(Err(reason));
        }
        if p.parts.iter().any(Option::is_none) {
            return None;
        }
        let parts: Vec<PsaPart> = p.parts.iter_mut().filter_map(Option::take).collect();
        Some(
            PsaRun::join(&self.scenario, self.config, parts)
                .ok_or_else(|| "the workers' parts did not make up the run".to_string()),
        )
    }
}

/// EVPPI estimates made on a worker over a finished run.
#[derive(Debug)]
pub struct EvppiOnWorker {
    progress: Rc<RefCell<Progress>>,
}

impl EvppiOnWorker {
    /// Ask the first worker for the EVPPI rows over `run` (whose scenario's permalink query
    /// is `query`), replacing whatever the workers were doing. `None` where there are no
    /// workers (not started, or not supported).
    pub fn start(run: &PsaRun, query: &str) -> Option<EvppiOnWorker> {
        POOL.with(|cell| {
            let mut slot = cell.borrow_mut();
            let pool = slot.as_mut()?;
            let job = pool.new_job();
            pool.bridges.first()?.send(Request::Evppi {
                job,
                query: query.to_string(),
                config: run.config(),
            });
            Some(EvppiOnWorker {
                progress: pool.progress.clone(),
            })
        })
    }

    /// The estimates so far, in the run's order (`Err` if the worker refused the request).
    pub fn estimates(&self) -> Result<Vec<Estimate>, String> {
        let p = self.progress.borrow();
        match &p.refused {
            Some(reason) => Err(reason.clone()),
            None => Ok(p.evppi.clone()),
        }
    }
}

/// The headline's assumption share being computed on its worker.
#[derive(Debug)]
pub struct ShareOnWorker(SideAnswer);

impl ShareOnWorker {
    /// Ask for the share of the tornado's swing that rests on assumptions in the scenario of
    /// `query`, replacing any earlier request. `None` where the browser has no workers.
    pub fn start(query: &str) -> Option<ShareOnWorker> {
        SideAnswer::ask(&SHARES, |job| Request::AssumptionShare {
            job,
            query: query.to_string(),
        })
        .map(ShareOnWorker)
    }

    /// The share, once it has come (`Err` if the worker refused the request).
    pub fn answer(&self) -> Option<Result<Option<f64>, String>> {
        match self.0.take()? {
            Reply::AssumptionShare { share, .. } => Some(Ok(share)),
            Reply::Refused { reason, .. } => Some(Err(reason)),
            _ => Some(Err("the worker answered something else".into())),
        }
    }
}

/// A file being written or read on its worker.
#[derive(Debug)]
pub struct FileOnWorker(SideAnswer);

impl FileOnWorker {
    /// Ask for `file` of the scenario of `query`, replacing any earlier request. `None` where
    /// the browser has no workers.
    pub fn start(query: &str, file: FileJob) -> Option<FileOnWorker> {
        SideAnswer::ask_of(&SCRIBE, SCRIBE_SCRIPT, |job| Request::File {
            job,
            query: query.to_string(),
            file,
        })
        .map(FileOnWorker)
    }

    /// The file's text (for a file read, its scenario's permalink query), or why not.
    pub async fn text(self) -> Result<String, String> {
        let since = js_sys::Date::now();
        loop {
            next_answer().await;
            match self.0.take() {
                Some(Reply::File { text, .. }) => return Ok(text),
                Some(Reply::Refused { reason, .. }) => return Err(reason),
                Some(_) => return Err("the worker answered something else".into()),
                None if js_sys::Date::now() - since > FILE_GIVE_UP_MS => {
                    return Err(NO_WORKER.into())
                }
                None => {}
            }
        }
    }
}

/// How long a file is waited for (a results file draws its Monte Carlo run again: well under
/// a second) before the worker is taken to be missing.
const FILE_GIVE_UP_MS: f64 = 30_000.0;

/// Why a file could not be written or read where the workers are missing.
pub const NO_WORKER: &str =
    "the calculator's worker, which writes and reads files, could not be started";

/// How often the page looks for a worker's progress.
pub const POLL: std::time::Duration = std::time::Duration::from_millis(40);

thread_local! {
    /// Answers heard from workers so far (finished parts, refusals, side answers; not
    /// progress), and the tasks waiting for the next one.
    static ANSWERS: std::cell::Cell<u64> = const { std::cell::Cell::new(0) };
    static WAITING: RefCell<Vec<std::task::Waker>> = const { RefCell::new(Vec::new()) };
}

/// A worker has answered: wake whatever waits for it.
fn answered() {
    ANSWERS.set(ANSWERS.get().wrapping_add(1));
    for waker in WAITING.with(|w| std::mem::take(&mut *w.borrow_mut())) {
        waker.wake();
    }
}

/// Until a worker's next answer, or [`POLL`] at most: a finished run is taken as soon as
/// it comes, and progress is still looked at every [`POLL`].
pub async fn next_answer() {
    NextAnswer {
        seen: ANSWERS.get(),
        timer: Box::pin(yew::platform::time::sleep(POLL)),
    }
    .await;
}

/// The future of [`next_answer`].
struct NextAnswer {
    seen: u64,
    timer: std::pin::Pin<Box<dyn std::future::Future<Output = ()>>>,
}

impl std::future::Future for NextAnswer {
    type Output = ();

    fn poll(
        mut self: std::pin::Pin<&mut Self>,
        cx: &mut std::task::Context<'_>,
    ) -> std::task::Poll<()> {
        if ANSWERS.get() != self.seen || self.timer.as_mut().poll(cx).is_ready() {
            return std::task::Poll::Ready(());
        }
        WAITING.with(|w| w.borrow_mut().push(cx.waker().clone()));
        std::task::Poll::Pending
    }
}

/// The page stopped waiting: what the answer was for is no longer on screen.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Cancelled;

/// Wait for a worker's `answer`, looking when a worker answers: `Ok(Some(..))` once it has come,
/// `Ok(None)` when the worker refused, is known to be missing or has not answered within
/// `give_up_ms` (the page then computes it itself), `Err(Cancelled)` as soon as `cancelled`.
pub async fn answer_of<T>(
    mut answer: impl FnMut() -> Option<Result<T, String>>,
    give_up_ms: f64,
    cancelled: impl Fn() -> bool,
) -> Result<Option<T>, Cancelled> {
    let since = js_sys::Date::now();
    loop {
        next_answer().await;
        if cancelled() {
            return Err(Cancelled);
        }
        match answer() {
            Some(a) => return Ok(a.ok()),
            None if unavailable() || js_sys::Date::now() - since > give_up_ms => return Ok(None),
            None => {}
        }
    }
}
