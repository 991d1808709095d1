// Browser benchmark for BENCHMARKS.md (run on demand, not a test: it asserts nothing):
//   node tests/e2e/bench.mjs      (after `trunk build --release`)
// Measures main-thread work per input during a slider drag, Monte Carlo time in the page,
// first-load bytes (gzip -9 of every file the page loads) and time to the first result.
import fs from "node:fs/promises";
import path from "node:path";
import zlib from "node:zlib";
import { serve, launch, dist } from "./harness.mjs";

const pct = (xs, p) => { const s = [...xs].sort((a, b) => a - b); return s[Math.min(s.length - 1, Math.floor(p * (s.length - 1) + 0.5))]; };

const server = await serve();
const browser = await launch();
const out = {};

// First load: files requested, their gzipped size, and time to the headline; for the full
// page and for the embedded widget.
// The time to the first result is the page's own clock (from the start of navigation) when
// the headline's number enters the document, so that the browser driver's round trips and the
// page's `load` event do not count.
async function firstLoad(query) {
  const context = await browser.newContext();
  await context.addInitScript(() => {
    new MutationObserver((_, observer) => {
      if (document.getElementById("net-benefit")) {
        window.__firstResult = performance.now();
        observer.disconnect();
      }
    }).observe(document, { childList: true, subtree: true });
  });
  const page = await context.newPage();
  const response = await page.goto(server.url + query);
  await page.waitForSelector("#net-benefit");
  // The document, and every file whose request started before the first result (the
  // sections' bundle and the workers start after it).
  const [first, requested] = await page.evaluate(() => [
    window.__firstResult,
    performance.getEntriesByType("resource").filter((e) => e.startTime < window.__firstResult).map((e) => new URL(e.name).pathname),
  ]);
  const ms = Math.round(first);
  const files = [new URL(response.url()).pathname, ...requested];
  let bytes = 0;
  for (const f of files) {
    const file = path.join(dist, f === "/" ? "index.html" : f);
    try { bytes += zlib.gzipSync(await fs.readFile(file), { level: 9 }).length; } catch { /* not a file of ours */ }
  }
  await context.close();
  if (process.env.BENCH_FILES) console.error(query, [...files]);
  return [ms, +(bytes / 1024).toFixed(1)];
}
[out.first_result_ms, out.first_load_gzip_kb] = await firstLoad("");
[out.embed_first_result_ms, out.embed_first_load_gzip_kb] = await firstLoad("widget.html?embed=1&v=1&preset=us");

// The widget's drag: it applies an input at once and renders in the next animation frame, so
// its work per input is the event's own time plus the time between an animation-frame callback
// queued before the event (which runs first) and one queued after it (which runs after the
// widget's render).
{
  const page = await browser.newPage({ viewport: { width: 700, height: 900 } });
  await page.goto(server.url + "widget.html?embed=1&v=1&preset=us");
  await page.waitForSelector("#net-benefit");
  const perInput = async (selector) => {
    const times = await page.evaluate(async (selector) => {
      const slider = document.querySelector(selector);
      const lo = +slider.min, hi = +slider.max, steps = 80, times = [];
      for (let i = 0; i <= steps; i++) {
        let before = 0;
        requestAnimationFrame(() => { before = performance.now(); });
        slider.value = String(lo + (hi - lo) * i / steps);
        const t0 = performance.now();
        slider.dispatchEvent(new Event("input", { bubbles: true }));
        const event = performance.now() - t0;
        const after = await new Promise((r) => requestAnimationFrame(() => r(performance.now())));
        times.push(event + (after - before));
        await new Promise((r) => setTimeout(r, 20));
      }
      return times;
    }, selector);
    return { p50: +pct(times, 0.5).toFixed(2), p95: +pct(times, 0.95).toFixed(2), max: +Math.max(...times).toFixed(2) };
  };
  out.embed_drag_ms_per_input = await perInput("#dam-cost_year-range");
  out.embed_drag_other_input_ms_per_input = await perInput("#mmt-cost_year-range");
  await page.close();
}

// A slider drag: main-thread time from the input event to the end of the rendering it
// triggers (model, curve, charts). yew renders in a microtask after the event; a zero-delay
// timeout queued right after dispatch runs once those microtasks are done and before the
// Monte Carlo's first chunk (queued during the render), so it brackets exactly that work
// (plus the timer's own latency, and the browser's style, layout and paint when a frame falls
// inside it, so these are upper bounds). Two drags: the curve's own input (the treatment's
// cost, whose changes need no new curve points) and another (methadone's cost).
async function drag(page, selector) {
  const times = await page.evaluate(async (selector) => {
    const slider = document.querySelector(selector);
    const lo = +slider.min, hi = +slider.max, steps = 80, times = [];
    for (let i = 0; i <= steps; i++) {
      slider.value = String(lo + (hi - lo) * i / steps);
      const t0 = performance.now();
      slider.dispatchEvent(new Event("input", { bubbles: true }));
      await new Promise((r) => setTimeout(r, 0));
      times.push(performance.now() - t0);
      await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 20)));
    }
    return times;
  }, selector);
  return { p50: +pct(times, 0.5).toFixed(2), p95: +pct(times, 0.95).toFixed(2), max: +Math.max(...times).toFixed(2) };
}
{
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(server.url);
  await page.waitForSelector("#net-benefit");
  // Right after the first result, while the first Monte Carlo's answers still arrive; then,
  // once they have, the same input again and another.
  out.drag_after_load_ms_per_input = await drag(page, "#dam-cost_year-range");
  await page.waitForSelector("#mc-summary");
  await page.waitForTimeout(1000);
  out.drag_ms_per_input = await drag(page, "#dam-cost_year-range");
  await page.waitForTimeout(500);
  out.drag_other_input_ms_per_input = await drag(page, "#mmt-cost_year-range");
  // A continuous drag as a hand makes it: one input per animation frame for two seconds;
  // the gaps between frames show whether anything (a render, a Monte Carlo slice) made the
  // browser miss one (a gap over 1.5 frames of 16.7 ms).
  const gaps = await page.evaluate(async () => {
    const slider = document.querySelector("#dam-cost_year-range");
    const lo = +slider.min, hi = +slider.max, frames = 120, gaps = [];
    let last = await new Promise((r) => requestAnimationFrame(r));
    for (let i = 0; i < frames; i++) {
      slider.value = String(lo + (hi - lo) * (0.5 + 0.5 * Math.sin(i / 10)));
      slider.dispatchEvent(new Event("input", { bubbles: true }));
      const now = await new Promise((r) => requestAnimationFrame(r));
      gaps.push(now - last);
      last = now;
    }
    return gaps;
  });
  out.continuous_drag_frames = { frames: gaps.length, p95_gap_ms: +pct(gaps, 0.95).toFixed(1), missed: gaps.filter((g) => g > 25).length };
  // Monte Carlo in the page: from a change to the summary appearing (5,000 draws on the
  // workers), and the longest task the page's own thread ran meanwhile (what an input
  // arriving then would wait for at most). First a change right after the drag above (the
  // end of a burst: the page waits 200 ms for input to settle), then one after a quiet
  // second (a click or a typed value: the run starts at once).
  const monteCarlo = (at) => page.evaluate(async (at) => {
    const tasks = [];
    const observer = new PerformanceObserver((list) => tasks.push(...list.getEntries().map((e) => e.duration)));
    observer.observe({ type: "longtask" });
    const slider = document.querySelector("#dam-cost_year-range");
    slider.value = String(+slider.min + (+slider.max - +slider.min) * at);
    const t0 = performance.now();
    slider.dispatchEvent(new Event("input", { bubbles: true }));
    // The change's render takes the last summary away; then wait for the new one.
    await new Promise((r) => setTimeout(r, 0));
    await new Promise((r) => { const check = () => document.querySelector("#mc-summary") ? r() : setTimeout(check, 1); check(); });
    const ms = performance.now() - t0;
    observer.disconnect();
    return { ms, longest: Math.max(0, ...tasks), workers: navigator.hardwareConcurrency };
  }, at);
  const mc = await monteCarlo(0);
  out.page_monte_carlo_5000_ms = +mc.ms.toFixed(0);
  out.page_monte_carlo_longest_main_thread_task_ms = +mc.longest.toFixed(0);
  out.page_monte_carlo_workers = Math.min(mc.workers, 4);
  await page.waitForTimeout(1000);
  out.page_monte_carlo_5000_after_quiet_ms = +(await monteCarlo(0.5)).ms.toFixed(0);
  // The Monte Carlo's workers' bundle, and the scribe's (loaded when a long text or a file is
  // first asked for).
  for (const [key, prefix] of [["worker_bundle_gzip_kb", "hatcalc-analyst"], ["scribe_bundle_gzip_kb", "hatcalc-scribe"]]) {
    let bytes = 0;
    for (const f of await fs.readdir(dist)) {
      if (f.startsWith(prefix)) bytes += zlib.gzipSync(await fs.readFile(path.join(dist, f)), { level: 9 }).length;
    }
    out[key] = +(bytes / 1024).toFixed(1);
  }
  await page.close();
}

// A source note's derivation and full citation: from the first click on the note (which
// starts the scribe worker, whose bundle has the long texts) to the text on screen.
{
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  await page.goto(server.url);
  await page.waitForSelector("#mc-summary", { timeout: 30000 });
  out.source_note_text_ms = +(await page.evaluate(async () => {
    const note = document.querySelector("#dam-cost_year-field details.source");
    const t0 = performance.now();
    note.querySelector("summary").click();
    while (!/box p79/.test(note.textContent)) await new Promise((r) => setTimeout(r, 2));
    return performance.now() - t0;
  })).toFixed(0);
  await page.close();
}

// 10,000 draws on the page's analyst workers (one per core, at most four, as the page starts
// them), asked directly in the workers' own message format (gloo-worker's bincode: enums as
// a u32 variant index, integers as u64, strings as a u64 length and UTF-8): from the request
// to the last worker's finished part. The page's joining and summary of the parts (about
// 10 ms in a trace) are not included. The first run after the workers start includes the
// engine's warm-up, and the next five its optimising compile in the background; the pool is
// kept for the page's lifetime, so the runs after a pause are what a person waits for. The message is written out by hand: a change to `Request::Draws`, `PsaConfig` or
// the order of `Reply`'s variants (web/src/worker/mod.rs) must be mirrored here.
{
  // A page of the same origin with nothing of its own running: the workers alone.
  const page = await browser.newPage();
  await page.goto(server.url + "model.md");
  out.workers_10000_draws_ms = await page.evaluate(async () => {
    const n = Math.min(navigator.hardwareConcurrency || 1, 4);
    const u32 = (v) => { const b = new Uint8Array(4); new DataView(b.buffer).setUint32(0, v, true); return b; };
    const u64 = (v) => { const b = new Uint8Array(8); new DataView(b.buffer).setBigUint64(0, BigInt(v), true); return b; };
    const f64 = (v) => { const b = new Uint8Array(8); new DataView(b.buffer).setFloat64(0, v, true); return b; };
    const str = (t) => { const b = new TextEncoder().encode(t); return [u64(b.length), b]; };
    const cat = (parts) => { const out = new Uint8Array(parts.reduce((k, p) => k + p.length, 0)); let k = 0; for (const p of parts) { out.set(p, k); k += p.length; } return out; };
    // ToWorker::ProcessInput(handler, Request::Draws { job, query, config, from, to }).
    const draws = (job, from, to) => cat([u32(1), u64(1), u32(0), u64(job), ...str("v=1&preset=us"), u64(10000), u64(job), f64(1), u64(from), u64(to)]);
    const workers = [];
    for (let i = 0; i < n; i++) {
      const w = new Worker("./hatcalc-analyst_loader.js");
      // FromWorker::WorkerLoaded is the first message.
      await new Promise((r) => { w.onmessage = () => r(); });
      w.postMessage(cat([u32(0), u64(1)])); // ToWorker::Connected(handler)
      workers.push(w);
    }
    const run = (job) => new Promise((resolve) => {
      const t0 = performance.now();
      let left = n;
      workers.forEach((w, i) => {
        w.onmessage = (e) => {
          const b = new DataView(new Uint8Array(e.data).buffer);
          // FromWorker::ProcessOutput(handler, Reply::Part { job, .. }): variant 1 of both.
          if (b.getUint32(0, true) !== 1) return;
          const reply = b.getUint32(12, true);
          if (reply === 6) resolve(NaN); // Reply::Refused
          else if (reply === 1 && Number(b.getBigUint64(16, true)) === job && --left === 0) resolve(performance.now() - t0);
        };
        w.postMessage(draws(job, Math.floor(10000 * i / n), Math.floor(10000 * (i + 1) / n)));
      });
    });
    const times = [];
    for (let job = 1; job <= 6; job++) times.push(await run(job));
    // The engine compiles its optimised code in the background over the first second or two
    // of work (runs 2 to 6 above include that); on the page the workers start with the first
    // result and run the page's own Monte Carlo then, before a person asks for one. Five more
    // runs after a 3 s pause.
    await new Promise((r) => setTimeout(r, 3000));
    for (let job = 7; job <= 11; job++) times.push(await run(job));
    workers.forEach((w) => w.terminate());
    const warm = times.slice(1, 6).sort((a, b) => a - b);
    const settled = times.slice(6).sort((a, b) => a - b);
    return {
      workers: n, first: +times[0].toFixed(0),
      warm_median: +warm[2].toFixed(0), warm_min: +warm[0].toFixed(0), warm_max: +warm[4].toFixed(0),
      settled_median: +settled[2].toFixed(0), settled_min: +settled[0].toFixed(0), settled_max: +settled[4].toFixed(0),
    };
  });
  await page.close();
}

console.log(JSON.stringify({ date: new Date().toISOString(), ...out }, null, 2));
await browser.close();
await server.close();
