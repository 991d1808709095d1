import { serve, launch } from "./harness.mjs";
const server = await serve();
const browser = await launch();
const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
await page.goto(server.url);
await page.waitForSelector("#mc-summary");
await page.waitForTimeout(1500);
await browser.startTracing(page, { path: "/tmp/prof/mc.json", categories: ["devtools.timeline", "v8.execute", "blink.user_timing"] });
for (let k = 0; k < 3; k++) {
  await page.evaluate(async (k) => {
    const slider = document.querySelector("#mmt-cost_year-range");
    slider.value = String(+slider.min + (+slider.max - +slider.min) * (0.2 + 0.1 * k));
    slider.dispatchEvent(new Event("input", { bubbles: true }));
    await new Promise((r) => setTimeout(r, 50));
    while (!document.querySelector("#mc-summary")) await new Promise((r) => setTimeout(r, 5));
    await new Promise((r) => setTimeout(r, 1500));
  }, k);
}
await browser.stopTracing();
await browser.close(); await server.close();
