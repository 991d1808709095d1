// The press claims from PRODUCT.md, each checked end to end on the page: the verdict by
// perspective and horizon, what the claim needs, and how sure the Monte Carlo is.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { serve, launch, screenshot, opened } from "./harness.mjs";

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

async function open(query = "") {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(e.message));
  await page.goto(server.url + query);
  await opened(page);
  return { page, context, errors };
}

/** Check "metric at least target" and wait for the grid. */
async function check(page, metric = "net_benefit", target = "0") {
  // A click while the page is still laying out its first Monte Carlo (its charts push the
  // sections below down) can land beside the heading: click again until the section is open.
  for (let i = 0; i < 5 && !(await page.$eval("#claim", (d) => d.open)); i++) {
    await page.click("#claim > summary");
  }
  await page.selectOption("#claim-metric", metric);
  await page.fill("#claim-target", target);
  await page.click("#claim-check");
  await page.waitForSelector("#claim-grid", { timeout: 180_000 });
  return page.textContent("#claim-verdict");
}

/** The verdicts of one perspective's row, one per horizon. */
const verdicts = (page, perspective) =>
  page.$$eval(`#claim-grid tr[data-perspective="${perspective}"] td`, (tds) => tds.map((td) => td.dataset.verdict));

const ALL = (v) => [v, v, v, v];

test("\"it can save money in the long run through crime reduction\": for society at every horizon, never for taxpayers", async () => {
  const { page, context, errors } = await open();
  const verdict = await check(page);
  assert.match(verdict, /holds for society at every horizon/);
  assert.match(verdict, /fails for taxpayers at every horizon/);
  assert.doesNotMatch(verdict, /holds for taxpayers/);
  assert.deepEqual(await verdicts(page, "society"), ALL("holds"));
  assert.deepEqual(await verdicts(page, "government"), ALL("fails"));
  const grid = await page.textContent("#claim-grid");
  for (const h of ["1 year", "5 years", "10 years", "lifetime"]) assert.ok(grid.includes(h), h);
  // Screen readers get the verdict in words, and each cell its Monte Carlo chance.
  assert.match(grid, /the claim holds/);
  assert.match(grid, /the claim fails/);
  assert.match(grid, /% of draws/);
  await screenshot(page, "claim-long-run.png");
  assert.deepEqual(errors, []);
  await context.close();
});

test("\"more cost-beneficial because it reduces criminal activity\": what crime reduction it needs", async () => {
  const { page, context, errors } = await open();
  await check(page);
  // The nearest lever is the offending in injectable treatment, relative to street use.
  const crime = /Offending in injectable treatment, relative to street use/;
  assert.match(await page.textContent("#claim-levers"), crime);
  assert.match(await page.textContent("#claim-grid-levers"), crime);
  await context.close();
  // With offending cut less (0.6 of street use, past every horizon's break-even), the claim
  // fails for society too.
  const weak = await open("?v=1&x.crime.rr.injectable=0.6");
  const verdict = await check(weak.page);
  assert.match(verdict, /fails for society at every horizon/);
  assert.doesNotMatch(verdict, /holds/);
  assert.deepEqual(errors.concat(weak.errors), []);
  await weak.context.close();
});

test("\"it reduces costs to taxpayers\" fails on the Dutch trial without victims' costs", async () => {
  const { page, context, errors } = await open("?v=1&preset=dijkgraaf2005&perspective=government");
  const verdict = await check(page);
  assert.match(await page.textContent("#claim-report"), /does not hold/);
  assert.match(verdict, /fails for taxpayers at every horizon/);
  assert.deepEqual(await verdicts(page, "government"), ALL("fails"));
  assert.deepEqual(await verdicts(page, "health"), ALL("fails"));
  // Counting victims' costs, society gains.
  assert.deepEqual(await verdicts(page, "society"), ALL("holds"));
  // What taxpayers would need: a far cheaper programme.
  assert.match(await page.textContent("#claim-grid-levers"), /cost per patient-year/);
  assert.deepEqual(errors, []);
  await context.close();
});

test("\"hydromorphone could be rolled out cheaper\": the verdict turns on the drug's price", async () => {
  const arms = "?v=1&arms=hydromorphone.methadone&cost=parts";
  const { page, context, errors } = await open(arms);
  const verdict = await check(page);
  assert.match(verdict, /holds for society at every horizon/);
  // The price per mg is among the levers, with its break-even value.
  assert.match(await page.textContent("#claim-levers"), /Hydromorphone: medication cost per mg/);
  assert.match(await page.textContent("#claim-grid-levers"), /Hydromorphone: medication cost per mg/);
  await context.close();
  // At 0.5 per mg, above the break-even at every horizon, the claim fails for society too.
  const dear = await open(arms + "&x.hdm.drug_cost_per_mg=0.5");
  const after = await check(dear.page);
  assert.match(after, /fails for society at every horizon/);
  assert.deepEqual(await verdicts(dear.page, "society"), ALL("fails"));
  assert.deepEqual(errors.concat(dear.errors), []);
  await dear.context.close();
});

test("\"cuts all-cause mortality\": how much of NAOMI's result rides on mortality", async () => {
  const { page, context, errors } = await open("?v=1&preset=nosyk2012");
  const verdict = await check(page);
  assert.match(verdict, /holds for society at every horizon/);
  assert.match(verdict, /fails for taxpayers at every horizon/);
  // The mortality assumptions are what decide it.
  const levers = await page.textContent("#claim-levers");
  assert.match(levers, /Deaths other than overdose in injectable treatment/);
  // Over a lifetime the claim is a coin toss: the Monte Carlo says how sure.
  const lifetime = await page.$eval('#claim-grid tr[data-perspective="society"] td:last-child', (td) => td.textContent);
  assert.match(lifetime, /% of draws/);
  assert.deepEqual(errors, []);
  await context.close();
});
