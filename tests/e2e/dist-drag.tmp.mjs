import { serve, launch } from "./harness.mjs";
import fs from "node:fs";
const server = await serve();
const browser = await launch();
const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
await page.goto(server.url);
await page.waitForSelector("#mc-summary");
await page.waitForTimeout(1500);
const sel = process.env.SLIDER || "#dam-cost_year-range";
const trace = !!process.env.TRACE;
if (trace) await browser.startTracing(page, { path: "/tmp/prof/drag.json", categories: ["devtools.timeline", "disabled-by-default-devtools.timeline", "v8.execute", "blink.user_timing"] });
const r = await page.evaluate(async (selector) => {
  const slider = document.querySelector(selector);
  const lo = +slider.min, hi = +slider.max, steps = 80, times = [];
  for (let i = 0; i <= steps; i++) {
    slider.value = String(lo + (hi - lo) * i / steps);
    performance.mark("in" + i);
    const t0 = performance.now();
    slider.dispatchEvent(new Event("input", { bubbles: true }));
    await new Promise((r) => setTimeout(r, 0));
    const t1 = performance.now();
    performance.mark("out" + i);
    times.push([i, +(t1 - t0).toFixed(2), +(t0 % 16.667).toFixed(1)]);
    await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 20)));
  }
  return times;
}, sel);
if (trace) await browser.stopTracing();
const s = [...r].sort((a, b) => b[1] - a[1]);
console.log("slowest", JSON.stringify(s.slice(0, 10)));
console.log("p50", s[40][1], "p95", s[4][1]);
await browser.close(); await server.close();
