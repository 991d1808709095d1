import { serve, launch } from "./harness.mjs";
const server = await serve();
const browser = await launch();
const agg = new Map(); const N = 3;
for (let k = 0; k < N; k++) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("Profiler.enable");
  await cdp.send("Profiler.setSamplingInterval", { interval: 100 });
  await cdp.send("Profiler.start");
  await page.goto(server.url + (process.env.Q || ""));
  await page.waitForSelector("#net-benefit");
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
  await page.close();
}
console.log([...agg].filter(([n]) => n !== "(idle)" && n !== "(root)").sort((a, b) => b[1] - a[1]).slice(0, 90).map(([n, t]) => `${(t / 1000 / N).toFixed(1)} ${n.slice(0, 150)}`).join("\n"));
await browser.close(); await server.close();
