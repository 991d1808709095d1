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
await cdp.send("Profiler.start");
await page.evaluate(async (selector) => {
  const slider = document.querySelector(selector);
  const lo = +slider.min, hi = +slider.max;
  for (let rep = 0; rep < 3; rep++) for (let i = 1; i <= 80; i++) {
    slider.value = String(lo + (hi - lo) * i / 81);
    slider.dispatchEvent(new Event("input", { bubbles: true }));
    await new Promise((r) => setTimeout(r, 0));
    await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 20)));
  }
}, sel);
const { profile } = await cdp.send("Profiler.stop");
const byId = new Map(profile.nodes.map((n) => [n.id, n]));
const self = new Map();
const dt = profile.timeDeltas;
profile.samples.forEach((id, k) => {
  const n = byId.get(id); const name = n.callFrame.functionName || "(" + n.callFrame.url.split("/").pop() + ")";
  self.set(name, (self.get(name) || 0) + (dt[k] || 0));
});
// inclusive: parent map
const parent = new Map();
for (const n of profile.nodes) for (const c of n.children || []) parent.set(c, n.id);
const incl = new Map();
profile.samples.forEach((id, k) => {
  const seen = new Set();
  for (let x = id; x !== undefined; x = parent.get(x)) {
    const n = byId.get(x); const name = n.callFrame.functionName || "?";
    if (seen.has(name)) continue; seen.add(name);
    incl.set(name, (incl.get(name) || 0) + (dt[k] || 0));
  }
});
const inputs = 240;
const top = (m, k) => [...m].sort((a, b) => b[1] - a[1]).slice(0, k).map(([n, t]) => `${(t / 1000 / inputs).toFixed(3)} ms/input  ${n.slice(0, 130)}`);
console.log("SELF\n" + top(self, 45).join("\n"));
console.log("INCLUSIVE\n" + top(incl, 70).join("\n"));
await browser.close(); await server.close();
