import { serve, launch } from "./harness.mjs";
const server = await serve();
const browser = await launch();
const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
await page.goto(server.url);
await page.waitForSelector("#mc-summary");
await page.waitForTimeout(1500);
const sel = process.env.SLIDER || "#dam-cost_year-range";
const r = await page.evaluate(async (selector) => {
  const where = (n) => {
    const el = n.nodeType === 1 ? n : n.parentElement;
    if (!el) return "?";
    const sec = el.closest("section[id], details[id], figure[id], [id]");
    const r = el.getBoundingClientRect();
    const vis = r.bottom > 0 && r.top < innerHeight && r.right > 0 && r.left < innerWidth;
    return (sec ? sec.tagName.toLowerCase() + "#" + sec.id : el.tagName) + (vis ? " [in view]" : "");
  };
  const counts = {};
  const obs = new MutationObserver((ms) => { for (const m of ms) { const k = m.type + " " + where(m.target) + (m.attributeName ? " @" + m.attributeName : ""); counts[k] = (counts[k] || 0) + 1; } });
  obs.observe(document.body, { subtree: true, childList: true, characterData: true, attributes: true });
  const slider = document.querySelector(selector);
  const lo = +slider.min, hi = +slider.max;
  for (let i = 1; i <= 20; i++) {
    slider.value = String(lo + (hi - lo) * (0.3 + i / 100));
    slider.dispatchEvent(new Event("input", { bubbles: true }));
    await new Promise((r) => setTimeout(r, 0));
    await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 20)));
  }
  obs.disconnect();
  return Object.entries(counts).sort((a, b) => b[1] - a[1]);
}, sel);
for (const [k, v] of r) console.log((v / 20).toFixed(1).padStart(6), k);
await browser.close(); await server.close();
