import { serve, launch } from "./harness.mjs";
const server = await serve();
const browser = await launch();
const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
await page.goto(server.url);
await page.waitForSelector("#mc-summary");
await page.waitForTimeout(1500);
const sel = process.env.SLIDER || "#dam-cost_year-range";
const cdp = await page.context().newCDPSession(page);
await cdp.send("Profiler.enable");
await cdp.send("Profiler.setSamplingInterval", { interval: 50 });
const N = 8;
const times = [];
let agg = new Map();
for (let k = 0; k < N; k++) {
  await page.waitForSelector("#mc-summary");
  await page.waitForTimeout(1200);
  await cdp.send("Profiler.start");
  const t = await page.evaluate(async ([selector, k]) => {
    const slider = document.querySelector(selector);
    const lo = +slider.min, hi = +slider.max;
    slider.value = String(lo + (hi - lo) * (0.3 + 0.05 * k));
    const t0 = performance.now();
    slider.dispatchEvent(new Event("input", { bubbles: true }));
    await new Promise((r) => setTimeout(r, 0));
    return performance.now() - t0;
  }, [sel, k]);
  const { profile } = await cdp.send("Profiler.stop");
  times.push(+t.toFixed(1));
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
console.log("first-input times", times);
console.log([...agg].sort((a, b) => b[1] - a[1]).slice(0, 70).map(([n, t]) => `${(t / 1000 / N).toFixed(3)} ${n.slice(0, 150)}`).join("\n"));
await browser.close(); await server.close();
