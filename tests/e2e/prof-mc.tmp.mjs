import { serve, launch } from "./harness.mjs";
const server = await serve();
const browser = await launch();
const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
await page.goto(server.url);
await page.waitForSelector("#mc-summary");
await page.waitForTimeout(1500);
const cdp = await page.context().newCDPSession(page);
await cdp.send("Profiler.enable");
await cdp.send("Profiler.setSamplingInterval", { interval: 100 });
const N = 4; const agg = new Map(); const tasks = [];
for (let k = 0; k < N; k++) {
  await cdp.send("Profiler.start");
  const r = await page.evaluate(async (k) => {
    const long = [];
    const obs = new PerformanceObserver((l) => long.push(...l.getEntries().map((e) => Math.round(e.duration))));
    obs.observe({ type: "longtask" });
    const slider = document.querySelector("#mmt-cost_year-range");
    slider.value = String(+slider.min + (+slider.max - +slider.min) * (0.2 + 0.1 * k));
    const t0 = performance.now();
    slider.dispatchEvent(new Event("input", { bubbles: true }));
    await new Promise((r) => setTimeout(r, 50));
    while (!document.querySelector("#mc-summary")) await new Promise((r) => setTimeout(r, 5));
    const t1 = performance.now() - t0;
    await new Promise((r) => setTimeout(r, 1500));
    obs.disconnect();
    return [Math.round(t1), long];
  }, k);
  tasks.push(r);
  const { profile } = await cdp.send("Profiler.stop");
  const byId = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map();
  for (const n of profile.nodes) for (const c of n.children || []) parent.set(c, n.id);
  profile.samples.forEach((id, i) => {
    const seen = new Set();
    for (let x = id; x !== undefined; x = parent.get(x)) {
      const n = byId.get(x); const name = n.callFrame.functionName || "?";
      if (seen.has(name)) continue; seen.add(name);
      agg.set(name, (agg.get(name) || 0) + (profile.timeDeltas[i] || 0));
    }
  });
}
console.log("to summary ms, long tasks", JSON.stringify(tasks));
console.log([...agg].filter(([n]) => n !== "(idle)" && n !== "(root)").sort((a, b) => b[1] - a[1]).slice(0, 60).map(([n, t]) => `${(t / 1000 / N).toFixed(2)} ${n.slice(0, 150)}`).join("\n"));
await browser.close(); await server.close();
