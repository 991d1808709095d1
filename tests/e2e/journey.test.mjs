// Whole journeys through the built bundle in headless Chromium.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import path from "node:path";
import { serve, launch, screenshot, root, opened } from "./harness.mjs";

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

async function open(viewport = { width: 1280, height: 900 }) {
  const context = await browser.newContext({ viewport });
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(e.message));
  await page.goto(server.url);
  await opened(page);
  return { page, context, errors };
}

const canvasPixels = (page) => page.$eval("#curve-canvas", (c) => c.toDataURL());

test("moving a slider changes the headline and redraws the chart", async () => {
  const { page, context, errors } = await open();
  const before = await page.textContent("#net-benefit");
  const chartBefore = await canvasPixels(page);
  assert.match(before, /\$|USD/);

  // Open the retention group and drag its slider to the top of its range with the keyboard, as a person would.
  await page.click("#group-retention > summary");
  const slider = page.locator("#dam-retention_12m-range");
  await slider.focus();
  for (let i = 0; i < 15; i++) await page.keyboard.press("ArrowRight");
  await page.waitForFunction((b) => document.querySelector("#net-benefit").textContent !== b, before);

  const after = await page.textContent("#net-benefit");
  assert.notEqual(after, before, "headline changed");
  // A chart out of view is redrawn when it comes into view: look at it, as a person would.
  await page.locator("#curve-canvas").scrollIntoViewIfNeeded();
  await page.waitForFunction((b) => document.querySelector("#curve-canvas").toDataURL() !== b, chartBefore, { timeout: 5000 }).catch(() => {});
  assert.notEqual(await canvasPixels(page), chartBefore, "chart redrawn");
  assert.equal(await page.inputValue("#dam-retention_12m-num"), await slider.inputValue(), "field follows slider");
  await screenshot(page, "journey-laptop.png");
  assert.deepEqual(errors, []);
  await context.close();
});

test("in a quick drag of another input the curve catches up once the hand pauses, and matches a fresh load", async () => {
  const { page, context, errors } = await open();
  const summary = () => page.textContent("#curve-summary");
  const before = await summary();
  // A burst of inputs on methadone's cost, one per frame, as a hand drags.
  await page.evaluate(async () => {
    const slider = document.querySelector("#mmt-cost_year-range");
    const lo = +slider.min, hi = +slider.max;
    for (let i = 0; i <= 20; i++) {
      slider.value = String(lo + (hi - lo) * (0.5 + i / 40));
      slider.dispatchEvent(new Event("input", { bubbles: true }));
      await new Promise((r) => requestAnimationFrame(r));
    }
  });
  // Once input pauses the curve is for the scenario on screen again, and no longer dimmed.
  await page.waitForFunction(() => document.querySelector("#curve-figure")?.getAttribute("aria-busy") === "false", null, { timeout: 5000 });
  const after = await summary();
  assert.notEqual(after, before, "the break-even moved with methadone's cost");
  // The same scenario loaded afresh states the same break-even.
  const link = await page.$eval("#permalink", (a) => a.href);
  const fresh = await context.newPage();
  await fresh.goto(link);
  await fresh.waitForSelector("#curve-summary");
  assert.equal(await fresh.textContent("#curve-summary"), after);
  assert.deepEqual(errors, []);
  await context.close();
});

test("typed nonsense gets a message beside the field and the result stays", async () => {
  const { page, context } = await open({ width: 390, height: 844 });
  const before = await page.textContent("#net-benefit");
  await page.fill("#mmt-cost_year-num", "12,000 dollars");
  await page.press("#mmt-cost_year-num", "Enter");
  await page.waitForSelector("#mmt-cost_year-error");
  assert.match(await page.textContent("#mmt-cost_year-error"), /not a number/);
  assert.equal(await page.textContent("#net-benefit"), before);
  await page.fill("#mmt-cost_year-num", "-5");
  await page.press("#mmt-cost_year-num", "Enter");
  await page.waitForFunction(() => /outside/.test(document.querySelector("#mmt-cost_year-error")?.textContent ?? ""));
  assert.equal(await page.textContent("#net-benefit"), before);
  const body = await page.textContent("body");
  assert.doesNotMatch(body, /NaN|Infinity/);
  await screenshot(page, "bad-input-phone.png");
  await context.close();
});

test("a bundle that fails to load shows a message with a reload link, not a blank page", async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.route(/\.wasm$/, (route) => route.fulfill({ status: 404, body: "gone" }));
  await page.goto(server.url);
  const banner = page.locator("#fatal");
  // At once, not after the 10-second fallback.
  await banner.waitFor({ state: "visible", timeout: 5000 });
  assert.match(await banner.textContent(), /stopped/);
  assert.equal(await page.getAttribute("#fatal-reload", "href"), "");
  await screenshot(page, "load-failure.png");
  await context.close();
});

test("where the sections' bundle cannot load, the page says so under the headline and the headline still follows input", async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  await page.route(/hatcalc-sections/, (route) => route.fulfill({ status: 404, body: "gone" }));
  await page.goto(server.url);
  await page.waitForSelector("#net-benefit");
  const failed = page.locator("#sections-failed");
  await failed.waitFor({ timeout: 10000 });
  assert.match(await failed.textContent(), /could not load.*reload the page/);
  // Not the whole page's failure: no banner, and the first view goes on working.
  assert.equal(await page.isVisible("#fatal"), false);
  const before = await page.textContent("#net-benefit");
  await page.fill("#dam-cost_year-num", "20000");
  await page.press("#dam-cost_year-num", "Enter");
  await page.waitForFunction((b) => document.querySelector("#net-benefit").textContent !== b, before);
  await context.close();
});

test("a browser without WebAssembly SIMD is told what it needs, not shown a compile error", async () => {
  const context = await browser.newContext();
  // Such a browser validates no SIMD module.
  await context.addInitScript(() => {
    const validate = WebAssembly.validate;
    WebAssembly.validate = (bytes) => (new Uint8Array(bytes).includes(253) ? false : validate(bytes));
  });
  const page = await context.newPage();
  await page.goto(server.url);
  const banner = page.locator("#fatal");
  await banner.waitFor({ state: "visible", timeout: 5000 });
  assert.match(await banner.textContent(), /needs WebAssembly with SIMD/);
  await context.close();
});

test("a permalink opened in a fresh browser restores every input exactly", async () => {
  const { page, context } = await open();
  await page.selectOption("#preset", "dijkgraaf2005");
  await page.waitForFunction(() => /€|EUR/.test(document.querySelector("#net-benefit").textContent));
  await page.selectOption("#perspective", "government");
  await page.click("#group-crime > summary");
  await page.fill("#crime-rr-injectable-num", "0.35");
  await page.press("#crime-rr-injectable-num", "Enter");
  await page.waitForFunction(() => location.search.includes("x.crime.rr.injectable=0.35"));
  const url = page.url();
  const headline = await page.textContent("#net-benefit");
  const table = await page.textContent("#bearers-table");
  await context.close();

  const fresh = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const again = await fresh.newPage();
  await again.goto(url);
  await again.waitForFunction((h) => document.querySelector("#net-benefit")?.textContent === h, headline);
  assert.equal(await again.textContent("#bearers-table"), table);
  // Folded groups make their inputs when unfolded, as a person would look for it.
  assert.equal(await again.$("#crime-rr-injectable-num"), null);
  await again.click("#group-crime > summary");
  assert.equal(await again.inputValue("#crime-rr-injectable-num"), "0.35");
  assert.equal(await again.inputValue("#perspective"), "government");
  assert.equal(await again.inputValue("#preset"), "dijkgraaf2005");
  await fresh.close();
});

test("a damaged permalink says so at the top and the page still works", async () => {
  const context = await browser.newContext();
  const page = await context.newPage();
  await page.goto(server.url + "?v=1&x.dam.retention_12m=%3Cscript%3E");
  await page.waitForSelector("#notice");
  assert.match(await page.textContent("#notice"), /not a number/);
  assert.match(await page.textContent("#net-benefit"), /\$/);
  assert.equal(await page.$("script:not([src]):not([type])"), null, "nothing from the URL became markup");
  await context.close();
});

test("switching preset marks the inputs that changed and runs the Monte Carlo to the end", async () => {
  const { page, context } = await open();
  await page.selectOption("#preset", "byford2013");
  await page.waitForSelector(".changed-note");
  assert.match(await page.textContent(".changed-note"), /changed \d+ inputs/);
  assert.match(await page.textContent("#net-benefit"), /£|GBP/);
  await page.waitForSelector("#mc-summary", { timeout: 30000 });
  assert.match(await page.textContent("#chance"), /%/);
  await screenshot(page, "preset-byford.png");
  await context.close();
});

test("while a new Monte Carlo runs, the last one stays on screen, dimmed and busy, then gives way", async () => {
  const { page, context, errors } = await open();
  await page.waitForSelector("#mc-summary", { timeout: 30000 });
  const before = await page.textContent("#mc-summary");
  // Right after a change (the first frame that shows it): the run has only just started.
  const during = await page.evaluate(async () => {
    const field = document.querySelector("#mmt-cost_year-num");
    field.value = "9000";
    field.dispatchEvent(new Event("change", { bubbles: true }));
    const section = document.querySelector("section[aria-labelledby=mc-h]");
    for (let i = 0; i < 10 && section.getAttribute("aria-busy") !== "true"; i++) {
      await new Promise((r) => requestAnimationFrame(() => setTimeout(r, 0)));
    }
    return {
      busy: section.getAttribute("aria-busy"),
      dimmed: section.classList.contains("updating"),
      summary: !!document.querySelector("#mc-summary"),
      kept: section.querySelector(".mc-body p")?.textContent ?? "",
      charts: !!section.querySelector("#mc-histogram"),
      progress: !!section.querySelector(".mc-status progress"),
    };
  });
  assert.ok(during.progress, "the status line shows the run's progress");
  assert.equal(during.busy, "true");
  assert.ok(during.dimmed, "the last run is dimmed");
  assert.equal(during.summary, false, "the summary's id marks a current run only");
  assert.equal(during.kept, before, "the last run's summary stays");
  assert.ok(during.charts, "its charts stay");
  await page.waitForSelector("#mc-summary", { timeout: 30000 });
  const section = page.locator("section[aria-labelledby=mc-h]");
  assert.equal(await section.getAttribute("aria-busy"), null);
  assert.notEqual(await page.textContent("#mc-summary"), before);
  // The same line says it is done: nothing below moved when the run started or ended.
  assert.match(await section.locator(".mc-status").textContent(), /5,000 draws, done/);
  assert.deepEqual(errors, []);
  await context.close();
});

test("the sections below the results stay put while the first Monte Carlo and the budget come in", async () => {
  for (const viewport of [{ width: 1280, height: 900 }, { width: 390, height: 844 }]) {
    const { page, context, errors } = await open(viewport);
    // Where the claim check starts right after the first result (once it is on the page), and
    // once the first run is summarised: its room was kept.
    await page.waitForSelector("#claim", { state: "attached" });
    const top = () => page.$eval("#claim", (e) => e.getBoundingClientRect().top + window.scrollY);
    const before = await top();
    await page.waitForSelector("#mc-summary", { timeout: 30000 });
    await page.waitForSelector("#assumption-note", { timeout: 30000 });
    // Neither the charts (about 850 px), the budget (about 750), the headline's note on
    // assumptions (three lines, its room kept) nor the chances in the headline's table (as
    // narrow as a percentage while they are computed) push it down; a line's rounding may.
    const moved = (await top()) - before;
    assert.ok(Math.abs(moved) < 30, `${viewport.width} px wide: moved by ${moved} px`);
    // A change keeps the note in its place, dimmed, until the new scenario's share comes.
    const field = page.locator("#dam-cost_year-num");
    await field.fill(String(Math.round(Number(await field.inputValue()) * 1.2)));
    await field.press("Enter");
    await page.waitForSelector(".assumption-note.updating", { state: "attached", timeout: 5000 }).catch(() => {});
    assert.ok(Math.abs((await top()) - before) < 30, "the note keeps its place while its share is computed");
    await page.waitForSelector("#assumption-note", { timeout: 30000 });
    assert.deepEqual(errors, []);
    await context.close();
  }
});

test("a Swiss official switches to francs: amounts convert, the life table follows, the link keeps the basis", async () => {
  const { page, context, errors } = await open();
  // The headline says how much of the result rests on assumptions once input settles.
  await page.waitForSelector("#assumption-note", { timeout: 30000 });
  assert.match(await page.textContent("#assumption-note"), /\d+(\.\d+)?% of the swing/);
  const usd = await page.inputValue("#dam-cost_year-num");
  await page.selectOption("#economy", "CH");
  await page.waitForFunction(() => /CHF/.test(document.querySelector("#net-benefit")?.textContent ?? ""));
  assert.notEqual(await page.inputValue("#dam-cost_year-num"), usd, "money converted");
  assert.match(await page.textContent("#economy-note"), /CHF at 2024 prices.*Switzerland's life table/);
  await page.selectOption("#price-year", "2010");
  await page.waitForFunction(() => /CHF at 2010 prices/.test(document.querySelector("#economy-note")?.textContent ?? ""));
  await page.waitForFunction(() => /money=CH\.2010/.test(location.search));
  // The link opened elsewhere restores the same basis and values.
  const url = page.url();
  const chf = await page.inputValue("#dam-cost_year-num");
  const other = await browser.newContext();
  const p2 = await other.newPage();
  await p2.goto(url);
  await opened(p2);
  assert.equal(await p2.inputValue("#economy"), "CH");
  assert.equal(await p2.inputValue("#price-year"), "2010");
  assert.equal(await p2.inputValue("#dam-cost_year-num"), chf);
  await other.close();
  await screenshot(page, "swiss-francs.png");
  assert.deepEqual(errors, []);
  await context.close();
});

test("on a phone the result stays in view above the assumptions while they are changed", async () => {
  const { page, context, errors } = await open({ width: 390, height: 844 });
  const bar = page.locator("#sticky-result");
  assert.ok(await bar.isVisible(), "the result line shows at phone width");
  const firstInput = await page.locator("#preset").boundingBox();
  const top = await bar.boundingBox();
  assert.ok(top.y + top.height <= firstInput.y, "the result comes before the first assumption");
  // Scroll to an input far down the assumptions and change it: the line is still on screen and follows.
  await page.click("#group-retention > summary");
  const field = page.locator("#dam-retention_12m-num");
  await field.scrollIntoViewIfNeeded();
  const before = await bar.locator(".value").textContent();
  await field.fill("0.9");
  await field.press("Enter");
  await page.waitForFunction((b) => document.querySelector("#sticky-result .value").textContent !== b, before);
  const box = await bar.boundingBox();
  assert.ok(box.y >= -1 && box.y + box.height <= 844, `the line is in view (y = ${box.y})`);
  assert.equal(await bar.locator(".value").textContent(), await page.textContent("#net-benefit"));
  await screenshot(page, "phone-sticky-result.png");
  assert.deepEqual(errors, []);
  await context.close();
});

test("a city official reads the budget year by year, what it takes to break even, and where the taxpayer would", async () => {
  const { page, context, errors } = await open();
  await page.waitForSelector("#budget-table", { timeout: 30000 });
  assert.equal(await page.locator("#budget-table tbody tr").count(), 5, "five programme years");
  assert.match(await page.textContent("#budget-sentence"), /health budget pays .* more/);
  assert.match(await page.textContent("#budget-sentence"), /police, courts and prisons spend .* less/);
  assert.ok(await page.isVisible("#budget-canvas"));
  // In view, the budget's chart follows a change as soon as the new budget is there.
  await page.locator("#budget-canvas").scrollIntoViewIfNeeded();
  const chart = () => page.$eval("#budget-canvas", (c) => c.toDataURL());
  const chartBefore = await chart();
  const sentenceBefore = await page.textContent("#budget-sentence");
  await page.fill("#mmt-cost_year-num", "12000");
  await page.press("#mmt-cost_year-num", "Enter");
  await page.waitForFunction((b) => document.querySelector("#budget-sentence").textContent !== b, sentenceBefore);
  await page.waitForFunction((b) => document.querySelector("#budget-canvas").toDataURL() !== b, chartBefore, { timeout: 2000 });
  // Three perspectives, each with a highest treatment cost that still breaks even.
  assert.equal(await page.locator("#thresholds thead th").count(), 4);
  assert.match(await page.textContent("#thresholds"), /Highest treatment cost/);
  // The taxpayer's break-even lies below the plausible range of the treatment cost: found anyway.
  await page.selectOption("#perspective", "government");
  await page.selectOption("#curve-param", "dam.cost_year");
  await page.waitForFunction(() => /whole accepted range it breaks even at/.test(document.querySelector("#curve-summary")?.textContent ?? ""));
  // The headline never says the taxpayer saves when the taxpayer pays more.
  assert.match(await page.textContent("#headline-sentence"), /taxpayers pay .* more in all/);
  await screenshot(page, "budget-and-thresholds.png");
  assert.deepEqual(errors, []);
  await context.close();
});

test("which research would settle it: EVPPI ranked by group and input from the page's own draws", async () => {
  const { page, context, errors } = await open();
  await page.click("#research > summary");
  await page.waitForSelector("#evppi-groups", { timeout: 60000 });
  const groups = await page.locator("#evppi-groups tbody tr").allTextContents();
  assert.ok(groups.length >= 5, `groups: ${groups.length}`);
  assert.match(groups[0], /Crime/i, "crime is worth most to learn about at US defaults");
  assert.match(await page.textContent("#evppi-summary"), /Perfect information on everything would be worth/);
  assert.ok(await page.isVisible("#evppi-canvas"));
  const body = await page.textContent("#research");
  assert.doesNotMatch(body, /NaN|Infinity/);
  // A change: the last estimate stays on screen, dimmed and busy, until the new one is in.
  const during = await page.evaluate(async () => {
    const field = document.querySelector("#mmt-cost_year-num");
    field.value = "9000";
    field.dispatchEvent(new Event("change", { bubbles: true }));
    await new Promise((r) => setTimeout(r, 0));
    const research = document.querySelector("#research");
    return {
      busy: research.getAttribute("aria-busy"),
      dimmed: !!research.querySelector(".evppi-body.updating"),
      current: !!document.querySelector("#evppi-groups"),
      rows: research.querySelectorAll(".evppi-body table tbody tr").length,
    };
  });
  assert.equal(during.busy, "true");
  assert.ok(during.dimmed, "the last estimate is dimmed");
  assert.equal(during.current, false, "the tables' ids mark a current estimate only");
  assert.ok(during.rows >= groups.length, "the last estimate's rows stay");
  await page.waitForSelector("#evppi-groups", { timeout: 60000 });
  assert.equal(await page.getAttribute("#research", "aria-busy"), null);
  assert.deepEqual(errors, []);
  await context.close();
});

test("a journalist checks the taxpayer claim on the Dutch trial", async () => {
  const { page, context, errors } = await open();
  await page.goto(server.url + "?v=1&preset=dijkgraaf2005&perspective=government");
  await page.waitForFunction(() => /€|EUR/.test(document.querySelector("#net-benefit")?.textContent ?? ""));
  await page.click("#sensitivity > summary");
  await page.waitForSelector("#tornado-canvas");
  assert.match(await page.textContent("#tornado-table"), /Heroin-assisted treatment: cost per patient-year/);
  await page.click("#claim > summary");
  await page.selectOption("#claim-metric", "net_benefit");
  await page.fill("#claim-target", "0");
  await page.click("#claim-check");
  await page.waitForSelector("#claim-report");
  const report = await page.textContent("#claim-report");
  assert.match(report, /does not hold/);
  assert.match(report, /Monte Carlo draws/);
  assert.match(await page.textContent("#claim-levers"), /cost per patient-year/);
  await page.fill("#claim-target", "twelve thousand");
  await page.click("#claim-check");
  await page.waitForSelector("#claim-error");
  assert.deepEqual(errors, []);
  await context.close();
});

test("save a named scenario, change things, compare, and open it again", async () => {
  const { page, context } = await open();
  await page.click("#saved > summary");
  await page.click("#group-crime > summary");
  await page.fill("#crime-rr-injectable-num", "0.3");
  await page.press("#crime-rr-injectable-num", "Enter");
  await page.fill("#save-name", "Strong crime effect");
  await page.click("#save-button");
  await page.waitForSelector("#saved-list li");
  const saved = await page.textContent("#net-benefit");
  await page.fill("#crime-rr-injectable-num", "0.6");
  await page.press("#crime-rr-injectable-num", "Enter");
  await page.waitForFunction((h) => document.querySelector("#net-benefit").textContent !== h, saved);
  await page.selectOption("#compare-with", "0");
  await page.waitForSelector("#comparison");
  assert.match(await page.textContent("#comparison"), /Strong crime effect/);
  assert.match(await page.textContent("#comparison"), /1 inputs differ/);
  await page.click("#saved-list button[aria-label='Open Strong crime effect']");
  await page.waitForFunction((h) => document.querySelector("#net-benefit").textContent === h, saved);
  assert.equal(await page.inputValue("#crime-rr-injectable-num"), "0.3");
  await context.close();
});

test("the whole page works from the keyboard alone", async () => {
  const { page, context } = await open();
  const before = await page.textContent("#net-benefit");
  // Tab to the preset selector and choose the German unit-cost preset with the arrow keys.
  await page.focus("body");
  let reached = false;
  for (let i = 0; i < 10 && !reached; i++) {
    await page.keyboard.press("Tab");
    reached = await page.evaluate(() => document.activeElement?.id === "preset");
  }
  assert.ok(reached, "the preset selector is reachable by Tab");
  // Tab on to the first group's first slider and move it with the arrow keys.
  let slider = false;
  for (let i = 0; i < 40 && !slider; i++) {
    await page.keyboard.press("Tab");
    slider = await page.evaluate(() => document.activeElement?.id === "dam-cost_year-range");
  }
  assert.ok(slider, "the first slider is reachable by Tab");
  for (let i = 0; i < 10; i++) await page.keyboard.press("ArrowLeft");
  await page.waitForFunction((b) => document.querySelector("#net-benefit").textContent !== b, before);
  // Open a closed group with Enter on its summary, reach a field, type a value.
  await page.focus("#group-retention > summary");
  await page.keyboard.press("Enter");
  await page.focus("#dam-retention_12m-num");
  await page.keyboard.press("Control+A");
  await page.keyboard.type("0.8");
  await page.keyboard.press("Tab");
  await page.waitForFunction(() => document.querySelector("#dam-retention_12m-range").value === "0.8");
  // Every control has an accessible name.
  const unnamed = await page.$$eval("input, select, button", (els) =>
    els.filter((e) => !(e.labels?.length || e.getAttribute("aria-label") || e.textContent.trim())).map((e) => e.id || e.outerHTML));
  assert.deepEqual(unnamed, []);
  await context.close();
});

test("screenshots at phone and laptop widths", async () => {
  for (const [name, viewport] of [["phone.png", { width: 390, height: 844 }], ["laptop.png", { width: 1366, height: 900 }]]) {
    const { page, context } = await open(viewport);
    await page.waitForSelector("#mc-summary", { timeout: 30000 });
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 1, `${name}: page wider than the screen by ${overflow}px`);
    await screenshot(page, name);
    await context.close();
  }
});

test("two assumptions at once: the heat map and its frontier", async () => {
  const { page, context, errors } = await open();
  // Once input settles the budget table appears above and moves what follows down: wait for
  // it, as a person would wait for the page to stop moving, before clicking further down.
  await page.waitForSelector("#budget-table", { timeout: 30000 });
  await page.click("#two-way > summary");
  await page.waitForSelector("#two-way[open]");
  await page.selectOption("#two-way-y", "crime.violent.rate");
  await page.waitForSelector("#two-way-canvas");
  await page.click("#two-way figure details > summary");
  await page.waitForSelector("#two-way-table");
  const rows = await page.$$eval("#two-way-table tbody tr", (r) => r.length);
  assert.ok(rows > 0, "the frontier crosses the grid");
  assert.deepEqual(errors, []);
  await context.close();
});

test("no WCAG 2.1 AA violations (axe-core), with every section open", async () => {
  // axe is injected as an inline script, which the page's policy rightly refuses: bypass the
  // policy for this test only (the policy has its own test).
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, bypassCSP: true });
  const page = await context.newPage();
  await page.goto(server.url);
  await page.waitForSelector("#mc-summary", { timeout: 30000 });
  await page.$$eval("details", (ds) => ds.forEach((d) => { d.open = true; }));
  await page.waitForSelector("#tornado-canvas");
  await page.addScriptTag({ path: path.join(root, "node_modules/axe-core/axe.min.js") });
  const result = await page.evaluate(() => axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] } }));
  const problems = result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length}) e.g. ${v.nodes[0]?.target}`);
  assert.deepEqual(problems, []);
  // The "Embed this" dialog, open.
  await page.click("#embed-open");
  await page.waitForSelector("#embed-dialog[open]");
  const dialog = await page.evaluate(() => axe.run("#embed-dialog", { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] } }));
  assert.deepEqual(dialog.violations.map((v) => `${v.id}: ${v.help}`), []);
  // The widget, at a phone's width.
  const widget = await context.newPage();
  await widget.setViewportSize({ width: 360, height: 800 });
  await widget.goto(server.url + "widget.html?embed=1&v=1&preset=byford2013");
  await widget.waitForSelector("#open-full");
  await widget.addScriptTag({ path: path.join(root, "node_modules/axe-core/axe.min.js") });
  const embedded = await widget.evaluate(() => axe.run(document, { runOnly: { type: "tag", values: ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa"] } }));
  assert.deepEqual(embedded.violations.map((v) => `${v.id}: ${v.help} e.g. ${v.nodes[0]?.target}`), []);
  await context.close();
});

test("the methods section loads the model's equations and lists every source", async () => {
  const { page, context, errors } = await open();
  await page.click("#methods > summary");
  await page.waitForFunction(() => /Money conversion/.test(document.querySelector("#methods-doc")?.textContent ?? ""));
  assert.match(await page.textContent("#methods-doc"), /e\(t\) = 1 − exp/);
  const sources = await page.$$eval("#sources-list li", (l) => l.length);
  assert.ok(sources >= 30, `${sources} sources listed`);
  // The full citations come from a worker when the section is first opened.
  await page.waitForFunction(() => /Cost utility analysis of co-prescribed heroin/.test(document.querySelector("#src-dijkgraaf2005")?.textContent ?? ""));
  assert.match(await page.textContent("#src-dijkgraaf2005"), /BMJ 330:1297/);
  assert.deepEqual(errors, []);
  await context.close();
});

test("a source note says how its figure was derived, with the full citation, once opened", async () => {
  const { page, context, errors } = await open();
  const note = page.locator("#dam-cost_year-field details.source");
  // Not in the page's first load: its short cite until the note is first opened.
  assert.match(await note.textContent(), /EMCDDA \(2011\)/);
  await note.locator("summary").click();
  await page.waitForFunction(() => /box p79/.test(document.querySelector("#dam-cost_year-field details.source")?.textContent ?? ""));
  const text = await note.textContent();
  assert.match(text, /German heroin-assisted treatment cost per patient per year/);
  assert.match(text, /European Monitoring Centre for Drugs and Drug Addiction \(2011\)/);
  // Every other note has them at once now.
  await page.click("#group-crime > summary");
  const other = page.locator("#crime-violent-robbery_share-field details.source");
  await other.locator("summary").click();
  assert.doesNotMatch(await other.textContent(), /Loading/);
  // The preset's note too: what it reproduces and how its inputs were made.
  const preset = page.locator("details.preset-note");
  await preset.locator("summary").click();
  assert.match(await preset.textContent(), /Registry defaults converted to US dollars at 2024 prices/);
  assert.deepEqual(errors, []);
  await context.close();
});

test("where the texts' worker cannot be had, a source note says so instead of loading for ever", async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  await context.route("**/hatcalc-scribe*", (r) => r.fulfill({ status: 404, body: "" }));
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(e.message));
  await page.goto(server.url);
  await opened(page);
  const note = page.locator("#dam-cost_year-field details.source");
  await note.locator("summary").click();
  assert.match(await note.textContent(), /Loading how this figure was derived/);
  await page.waitForFunction(() => /could not be loaded/.test(document.querySelector("#dam-cost_year-field details.source")?.textContent ?? ""), null, { timeout: 20000 });
  // Its short cite stays, and the rest of the page works.
  assert.match(await note.textContent(), /EMCDDA \(2011\)/);
  assert.deepEqual(errors, []);
  await context.close();
});

test("the long texts are only in the scribe's bundle, not in the page's, the widget's or the Monte Carlo's", async () => {
  const fs = await import("node:fs/promises");
  const { dist } = await import("./harness.mjs");
  const files = await fs.readdir(dist);
  const has = async (re, phrase) => {
    const f = files.find((f) => re.test(f));
    assert.ok(f, `${re} built`);
    return (await fs.readFile(path.join(dist, f))).includes(phrase);
  };
  const derivation = "German heroin-assisted treatment cost per patient per year";
  const citation = "Cost utility analysis of co-prescribed heroin";
  const preset = "Registry defaults converted to US dollars at 2024 prices";
  for (const phrase of [derivation, citation, preset]) {
    assert.equal(await has(/^hatcalc-web-.*_bg\.wasm$/, phrase), false, `page: ${phrase}`);
    assert.equal(await has(/^hatcalc-widget_bg\.wasm$/, phrase), false, `widget: ${phrase}`);
    assert.equal(await has(/^hatcalc-analyst_bg\.wasm$/, phrase), false, `analyst: ${phrase}`);
    assert.equal(await has(/^hatcalc-scribe_bg\.wasm$/, phrase), true, `scribe: ${phrase}`);
  }
});

test("nothing is sent anywhere: every request of a full journey stays on the page's origin", async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  const requests = [];
  page.on("request", (r) => requests.push(r.url()));
  await page.goto(server.url + "?v=1&preset=nosyk2012");
  await page.waitForSelector("#mc-summary", { timeout: 30000 });
  await page.$$eval("details", (ds) => ds.forEach((d) => { d.open = true; }));
  await page.waitForSelector("#tornado-canvas");
  await page.waitForFunction(() => /Money conversion/.test(document.querySelector("#methods-doc")?.textContent ?? ""));
  await page.selectOption("#preset", "us");
  await page.fill("#claim-target", "0");
  await page.click("#claim-check");
  await page.waitForSelector("#claim-report");
  const origin = new URL(server.url).origin;
  const foreign = requests.filter((u) => !u.startsWith(origin) && !u.startsWith("data:"));
  assert.deepEqual(foreign, []);
  assert.ok(requests.length >= 4, "the journey made its own requests");
  await context.close();
});

test("a strict Content-Security-Policy is in force and nothing on the page breaks it", async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
  await context.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener("securitypolicyviolation", (e) => window.__cspViolations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  const page = await context.newPage();
  await page.goto(server.url);
  await page.waitForSelector("#mc-summary", { timeout: 30000 });
  const policy = await page.getAttribute('meta[http-equiv="Content-Security-Policy"]', "content");
  assert.match(policy, /default-src 'none'/);
  assert.match(policy, /script-src 'self' 'sha256-[A-Za-z0-9+/=]+' 'wasm-unsafe-eval'/);
  assert.doesNotMatch(policy, /https?:|'unsafe-eval'/);
  const directives = Object.fromEntries(policy.split(";").map((d) => d.trim().split(/\s+/)).map(([k, ...v]) => [k, v]));
  assert.ok(!directives["script-src"].includes("'unsafe-inline'"), "no inline script but the hashed loader");
  assert.deepEqual(directives["style-src"], ["'self'"], "no inline <style>");
  assert.equal(directives["style-src-attr"], undefined, "no inline style attributes either");
  await page.$$eval("details", (ds) => ds.forEach((d) => { d.open = true; }));
  await page.waitForSelector("#tornado-canvas");
  await page.waitForFunction(() => /Money conversion/.test(document.querySelector("#methods-doc")?.textContent ?? ""));
  // Downloads (blob: and data: URLs) and the embed dialog work under the policy.
  for (const which of ["inputs-csv", "results-csv", "scenario-json", "break-even-png", "break-even-svg"]) {
    const [dl] = await Promise.all([page.waitForEvent("download"), page.click(`[data-export=${which}]`)]);
    assert.ok((await dl.failure()) === null, which);
  }
  await page.click("#embed-open");
  await page.waitForSelector("#embed-dialog[open]");
  await page.keyboard.press("Escape");
  // An inline script injected now must be refused by the policy.
  await page.evaluate(() => { const s = document.createElement("script"); s.textContent = "window.__injected = 1"; document.body.append(s); });
  const injected = await page.evaluate(() => window.__injected);
  assert.equal(injected, undefined, "inline script blocked");
  const violations = await page.evaluate(() => window.__cspViolations.filter((v) => !v.startsWith("script-src-elem inline")));
  assert.deepEqual(violations, []);
  await context.close();
});
