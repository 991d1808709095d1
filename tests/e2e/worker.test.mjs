// The Monte Carlo on Web Workers: the page starts one per core, the run is the one the CLI
// makes from the same seed whatever the number of workers, and the page keeps answering
// input while the workers draw.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { serve, launch, root, opened } from "./harness.mjs";

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

/** Open the page as a browser reporting `cores` logical cores (0: the worker's script is
 * missing); wait for the Monte Carlo and the EVPPI. */
async function run(cores, query = "") {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  if (cores === 0) await context.route("**/hatcalc-analyst*", (r) => r.fulfill({ status: 404, body: "" }));
  await context.addInitScript((n) => {
    Object.defineProperty(Navigator.prototype, "hardwareConcurrency", { get: () => n });
  }, Math.max(cores, 1));
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(e.message));
  page.on("console", (m) => { if (m.type() === "error") errors.push(m.text()); });
  await page.goto(server.url + query);
  await opened(page);
  await page.waitForSelector("#mc-summary", { timeout: 60_000 });
  const summary = await page.textContent("#mc-summary");
  await page.click("#research > summary");
  await page.waitForSelector("#evppi-groups", { timeout: 120_000 });
  const evppi = await page.textContent("#evppi-groups");
  const workers = page.workers().map((w) => w.url());
  await context.close();
  return { summary, evppi, workers, errors };
}

/** The amounts in a sentence, as numbers ("$-1,234" → -1234). */
const amounts = (text) =>
  [...text.matchAll(/-?(?:US)?\$\s?-?[\d,]+(?:\.\d+)?/g)].map((m) => Number(m[0].replace(/[^\d.-]/g, "")));

test("the Monte Carlo and the EVPPI run on one worker per core and give the same answers whatever their number", async () => {
  const one = await run(1);
  const three = await run(3);
  // One per core for the draws, and one for the headline's assumption share.
  assert.equal(one.workers.length, 1 + 1, `workers: ${one.workers}`);
  assert.equal(three.workers.length, 3 + 1, `workers: ${three.workers}`);
  assert.ok(one.workers.every((u) => u.endsWith("hatcalc-analyst_loader.js")));
  assert.deepEqual(one.errors, []);
  assert.deepEqual(three.errors, []);
  assert.equal(one.summary, three.summary);
  assert.equal(one.evppi, three.evppi);
  assert.match(one.evppi, /Crime/);
  // Where the worker's script cannot be had, the page makes the same run on its own thread.
  const none = await run(0);
  assert.deepEqual(none.errors.filter((e) => !/404/.test(e)), []);
  assert.equal(none.summary, one.summary);
  assert.equal(none.evppi, one.evppi);
});

test("the page's seeded run is the command-line tool's run from the same seed", async () => {
  const { summary } = await run(2, "?v=1&preset=us&seed=7");
  assert.match(summary, /5,?000 times \(seed 7\)/);
  const cli = JSON.parse(execFileSync(
    "cargo", ["run", "--quiet", "--features", "cli", "--bin", "hatcalc", "--",
      "psa", "--draws", "5000", "--seed", "7", "--json"],
    { cwd: root, encoding: "utf8", maxBuffer: 64 << 20 },
  ));
  const [mean, low, high, evpi] = amounts(summary);
  const nb = cli.net_benefit;
  // The page shows whole units: equal to the CLI's run up to that rounding.
  for (const [shown, exact, what] of [[mean, nb.mean, "mean"], [low, nb.p2_5, "2.5%"], [high, nb.p97_5, "97.5%"], [evpi, cli.evpi, "EVPI"]]) {
    assert.ok(Math.abs(shown - exact) <= 0.5, `${what}: page ${shown}, CLI ${exact}`);
  }
});

test("the page answers input while a claim is checked on its own worker", async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(e.message));
  await page.goto(server.url);
  await opened(page);
  await page.click("#claim > summary");
  await page.fill("#claim-target", "0");
  await page.click("#claim-check");
  await page.waitForSelector("#claim-checking");
  // The page keeps drawing frames while the claim is checked (on the page's own thread the
  // check would hold every frame until it ended, and with it the "Checking…" line).
  await page.waitForTimeout(300);
  const stillChecking = () => page.evaluate(() => new Promise((r) => {
    requestAnimationFrame(() => r(document.querySelector("#claim-checking") ? "frame while checking" : "frame after the check"));
    setTimeout(() => r("no frame within 5 s"), 5000);
  }));
  assert.equal(await stillChecking(), "frame while checking");
  // While the claim is checked, a typed value changes the headline at once.
  const before = await page.textContent("#net-benefit");
  await page.fill("#mmt-cost_year-num", "12000");
  await page.press("#mmt-cost_year-num", "Enter");
  await page.waitForFunction((b) => document.querySelector("#net-benefit").textContent !== b, before);
  assert.equal(await page.$("#claim-grid"), null, "the check made for the old scenario is dropped");
  // Checked again, it answers for the scenario on screen.
  await page.click("#claim-check");
  await page.waitForSelector("#claim-grid", { timeout: 180_000 });
  assert.equal(await page.$("#claim-checking"), null);
  assert.deepEqual(errors, []);
  assert.ok(page.workers().length >= 2, "the Monte Carlo's workers and the claim's");
  await context.close();
});
