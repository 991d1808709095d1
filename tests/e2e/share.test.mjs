// Share, embed and export, in headless Chromium: the widget on another site (a second
// localhost port), its resizing and its way back, every download read back and checked, a
// damaged scenario file, the printed brief, and a hostile host page.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import fs from "node:fs/promises";
import { serve, serveHtml, launch, screenshot, opened } from "./harness.mjs";

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

/** The calculator at `query`, ready; page errors are collected. */
async function open(query = "", viewport = { width: 1280, height: 900 }) {
  const context = await browser.newContext({ viewport, acceptDownloads: true });
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(e.message));
  await page.goto(server.url + query);
  await opened(page);
  return { page, context, errors };
}

/** RFC 4180 CSV into rows of fields. */
function parseCsv(text) {
  const rows = [];
  let row = [], field = "", quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') { field += '"'; i++; }
      else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ",") { row.push(field); field = ""; }
    else if (c === "\r" && text[i + 1] === "\n") { row.push(field); rows.push(row); row = []; field = ""; i++; }
    else field += c;
  }
  if (field !== "" || row.length) { row.push(field); rows.push(row); }
  return rows;
}

/** Click the button and return the downloaded file's name and bytes. */
async function download(page, selector) {
  const [dl] = await Promise.all([page.waitForEvent("download"), page.click(selector)]);
  const file = await dl.path();
  return { name: dl.suggestedFilename(), bytes: await fs.readFile(file) };
}

/** The widget's snippet, as the "Embed this" dialog gives it. */
async function snippetFor(query) {
  const { page, context } = await open(query);
  await page.click("#embed-open");
  await page.waitForSelector("#embed-dialog[open]");
  const code = await page.inputValue("#embed-code");
  const permalink = await page.$eval("#permalink", (a) => a.href);
  await context.close();
  return { code, permalink };
}

const SCENARIO = "?v=1&preset=dijkgraaf2005&x.dam.retention_12m=0.8&perspective=government";

test("the widget on another site resizes to its content and links back with the same assumptions", async () => {
  const { code, permalink } = await snippetFor(SCENARIO);
  assert.match(code, /^<iframe src="http:\/\/127\.0\.0\.1:\d+\/widget\.html\?embed=1&amp;v=1&amp;preset=dijkgraaf2005/);
  assert.match(code, /<script src="http:\/\/127\.0\.0\.1:\d+\/embed\.js" async><\/script>/);
  const host = await serveHtml(`<!doctype html><html lang="en"><head><meta charset="utf-8">
    <meta name="viewport" content="width=device-width, initial-scale=1"><title>A host site</title></head>
    <body style="margin:0"><h1>Our campaign</h1>${code}<p id="after">After the widget.</p></body></html>`);
  assert.notEqual(new URL(host.url).origin, new URL(server.url).origin, "a second origin");
  try {
    const context = await browser.newContext({ viewport: { width: 390, height: 844 } });
    const page = await context.newPage();
    const requests = [];
    context.on("request", (r) => requests.push(r.url()));
    await page.goto(host.url);
    const iframe = page.locator("iframe[data-hatcalc]");
    // The host script sizes the frame to the widget, away from the fixed 760 px.
    await page.waitForFunction(() => {
      const f = document.querySelector("iframe[data-hatcalc]");
      return f.style.height && f.style.height !== "760px";
    }, null, { timeout: 20000 });
    const frame = page.frameLocator("iframe[data-hatcalc]");
    // The widget loaded its own bundle, not the full calculator's.
    assert.ok(requests.some((u) => u.endsWith("/hatcalc-widget_bg.wasm")), "the widget's bundle");
    assert.ok(!requests.some((u) => /\/hatcalc-web-[0-9a-f]+_bg\.wasm$/.test(u)), "not the page's");
    const contentHeight = async () => (await page.frames()[1].evaluate(() => Math.ceil(document.getElementById("app").getBoundingClientRect().height)));
    const h0 = parseFloat(await iframe.evaluate((f) => f.style.height));
    assert.ok(Math.abs(h0 - await contentHeight()) <= 2, `frame ${h0} fits content ${await contentHeight()}`);
    // The widget shows the scenario it was given.
    assert.equal(await frame.locator("#dam-retention_12m-num").inputValue(), "0.8");
    assert.match(await frame.locator("#headline-caption").textContent(), /government/);
    // The content grows (a data table opens): the frame follows.
    await frame.locator("#curve-h ~ figure details > summary").click();
    await page.waitForFunction((h) => parseFloat(document.querySelector("iframe[data-hatcalc]").style.height) > h + 100, h0);
    // No horizontal scrolling inside the frame on a phone.
    const [sw, cw] = await page.frames()[1].evaluate(() => [document.documentElement.scrollWidth, document.documentElement.clientWidth]);
    assert.ok(sw <= cw, `no sideways scroll (${sw} > ${cw})`);
    await screenshot(page, "embed-host-phone.png");
    // The link back opens the full calculator with these assumptions, then follows a change.
    const back = new URL(await frame.locator("#open-full").getAttribute("href"));
    assert.equal(back.origin, new URL(server.url).origin);
    assert.equal(back.searchParams.get("embed"), null);
    assert.equal(back.href, permalink);
    assert.equal(await frame.locator("#open-full").getAttribute("target"), "_blank");
    await frame.locator("#dam-retention_12m-num").fill("0.7");
    await frame.locator("#dam-retention_12m-num").press("Enter");
    await page.waitForFunction(() => true);
    await frame.locator("#open-full[href*='x.dam.retention_12m=0.7']").waitFor();
    const full = await context.newPage();
    await full.goto(await frame.locator("#open-full").getAttribute("href"));
    await opened(full);
    // The input is in a folded group, as a person would find it: unfold it to see it.
    await full.click("#group-retention > summary");
    assert.equal(await full.inputValue("#dam-retention_12m-num"), "0.7");
    // Everything came from the host or the calculator's own origin.
    const allowed = [new URL(host.url).origin, new URL(server.url).origin];
    assert.deepEqual(requests.filter((u) => !allowed.some((o) => u.startsWith(o)) && !u.startsWith("data:")), []);
    await context.close();
  } finally {
    await host.close();
  }
});

test("without the host script the widget still works at its fixed height", async () => {
  const { code } = await snippetFor("");
  const iframeOnly = code.split("\n")[0];
  const host = await serveHtml(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>CMS page</title></head><body>${iframeOnly}</body></html>`);
  try {
    const context = await browser.newContext({ viewport: { width: 1024, height: 900 } });
    const page = await context.newPage();
    await page.goto(host.url);
    const frame = page.frameLocator("iframe[data-hatcalc]");
    await frame.locator("#net-benefit").waitFor();
    await page.waitForTimeout(500);
    const box = await page.locator("iframe[data-hatcalc]").boundingBox();
    assert.equal(Math.round(box.height), 760);
    // Its content scrolls inside: the link back is reachable.
    await frame.locator("#open-full").scrollIntoViewIfNeeded();
    assert.ok(await frame.locator("#open-full").isVisible());
    await context.close();
  } finally {
    await host.close();
  }
});

test("a hostile host page's messages change nothing, and only a proper hello is answered", async () => {
  const widget = `${server.url}widget.html?embed=1&v=1&preset=us`;
  const host = await serveHtml(`<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Hostile</title></head><body>
    <iframe id="w" src="${widget.replace(/&/g, "&amp;")}" data-hatcalc style="width:700px;height:760px"></iframe></body></html>`);
  try {
    const context = await browser.newContext({ viewport: { width: 1024, height: 900 } });
    await context.addInitScript(() => {
      window.__heights = [];
      window.addEventListener("message", (e) => { if (e.data && e.data.type === "hatcalc:height") window.__heights.push(e.origin); });
    });
    const page = await context.newPage();
    const errors = [];
    page.on("pageerror", (e) => errors.push(e.message));
    await page.goto(host.url);
    const frame = page.frames()[1] ?? (await page.waitForEvent("frameattached"));
    await page.frameLocator("#w").locator("#net-benefit").waitFor();
    const before = {
      headline: await page.frameLocator("#w").locator("#net-benefit").textContent(),
      url: await page.frames()[1].evaluate(() => location.href),
    };
    const target = new URL(server.url).origin;
    await page.evaluate((target) => {
      const w = document.getElementById("w").contentWindow;
      const junk = [
        "hatcalc:hello", null, 42, [], ["hatcalc:hello", 1],
        { type: "hatcalc:hello" }, { type: "hatcalc:hello", v: 2 }, { type: "hatcalc:hello", v: "1" },
        { type: "hatcalc:set", v: 1, query: "v=1&x.dam.retention_12m=0.1" },
        { type: "hatcalc:height", v: 1, height: 10 },
        { type: "<img src=x onerror=window.top.__pwned=1>", v: 1 },
        { toString() { return "x"; } },
        { type: "hatcalc:restore", v: 1, query: "v=1&preset=byford2013" },
      ];
      for (const m of junk) { try { w.postMessage(m, "*"); } catch { /* unclonable */ } }
      w.postMessage({ type: "hatcalc:hello", v: 1 }, "http://evil.example"); // wrong target: never delivered
      w.postMessage("v=1&preset=byford2013", target);
    }, target);
    await page.waitForTimeout(800);
    const frameNow = page.frames()[1];
    assert.equal(await page.frameLocator("#w").locator("#net-benefit").textContent(), before.headline);
    assert.equal(await frameNow.evaluate(() => location.href), before.url);
    assert.equal(await frameNow.evaluate(() => document.querySelectorAll("img").length), 0);
    assert.equal(await page.evaluate(() => window.__pwned), undefined);
    assert.deepEqual(await page.evaluate(() => window.__heights), [], "no answer to anything malformed");
    // A height message from the host's own window is not the widget's: the host script ignores it.
    await page.addScriptTag({ url: new URL("embed.js", server.url).href });
    await page.waitForFunction(() => window.__heights.length > 0, null, { timeout: 20000 });
    assert.deepEqual([...new Set(await page.evaluate(() => window.__heights))], [target], "answers only the proper hello, from the widget's origin");
    await page.waitForFunction(() => document.getElementById("w").style.height !== "760px");
    const sized = await page.evaluate(() => document.getElementById("w").style.height);
    await page.evaluate(() => window.postMessage({ type: "hatcalc:height", v: 1, height: 5000 }, "*"));
    await page.waitForTimeout(300);
    assert.equal(await page.evaluate(() => document.getElementById("w").style.height), sized);
    assert.deepEqual(errors, []);
    await context.close();
  } finally {
    await host.close();
  }
});

test("each export downloads, parses, and carries its units, sources and permalink", async () => {
  const { page, context, errors } = await open(SCENARIO);
  const permalink = await page.$eval("#permalink", (a) => a.href);

  const inputs = await download(page, "[data-export=inputs-csv]");
  assert.match(inputs.name, /^hatcalc-dijkgraaf2005-inputs\.csv$/);
  const inRows = parseCsv(inputs.bytes.toString("utf8"));
  const head = inRows[0];
  for (const col of ["id", "label", "value", "unit", "default", "sources", "basis_of_default"]) assert.ok(head.includes(col), col);
  const col = (n) => head.indexOf(n);
  assert.ok(inRows.length > 80);
  assert.ok(inRows.every((r) => r.length === head.length), "rectangular");
  const retention = inRows.find((r) => r[0] === "dam.retention_12m");
  assert.equal(retention[col("value")], "0.8");
  assert.equal(retention[col("unit")], "probability");
  const cost = inRows.find((r) => r[0] === "dam.cost_year");
  assert.match(cost[col("unit")], /EUR/);
  assert.ok(inRows.filter((r) => r[col("basis_of_default")] === "cited").every((r) => /https?:\/\//.test(r[col("sources")])));

  const results = await download(page, "[data-export=results-csv]");
  const outRows = parseCsv(results.bytes.toString("utf8"));
  assert.deepEqual(outRows[0].slice(0, 2), ["measure", "unit"]);
  const nb = outRows.find((r) => r[0] === "Net benefit, Government (taxpayer)");
  assert.match(nb[1], /EUR 2001 per patient/);
  assert.ok(Number.isFinite(parseFloat(nb[4])));
  assert.equal(outRows.find((r) => r[0] === "Permalink")[4], permalink);
  // The uncertainty shown on the page is in the file too.
  await page.waitForSelector("#mc-summary", { timeout: 30000 });
  const shown = parseFloat((await page.textContent("#chance")).replace(/[^0-9.]/g, ""));
  const mcRows = parseCsv((await download(page, "[data-export=results-csv]")).bytes.toString("utf8"));
  const chance = mcRows.find((r) => r[0].startsWith("Monte Carlo: chance that benefits exceed costs"));
  assert.equal(chance[1], "share of draws");
  assert.ok(Math.abs(parseFloat(chance[4]) * 100 - shown) < 0.051, `${chance[4]} against ${shown}%`);
  assert.ok(mcRows.some((r) => /^Monte Carlo: net benefit, .*, 97\.5th percentile$/.test(r[0])));
  assert.ok(outRows.filter((r) => r[0] === "Source").length >= 5);

  const json = await download(page, "[data-export=scenario-json]");
  const file = JSON.parse(json.bytes.toString("utf8"));
  assert.equal(file.format, "hatcalc-scenario");
  assert.equal(file.version, 1);
  assert.equal(file.preset, "dijkgraaf2005");
  assert.equal(file.settings.perspective, "government");
  assert.equal(file.inputs.find((i) => i.id === "dam.retention_12m").value, 0.8);
  assert.ok(file.inputs.every((i) => typeof i.unit === "string" && i.unit.length > 0));

  // The file opens again: change things, open it, and every input is back.
  await page.selectOption("#preset", "us");
  await page.waitForFunction(() => !location.search.includes("dijkgraaf2005"));
  await page.setInputFiles("#open-file", { name: "my-scenario.json", mimeType: "application/json", buffer: json.bytes });
  await page.waitForFunction(() => /Opened/.test(document.querySelector("#notice")?.textContent ?? ""));
  assert.equal(await page.$eval("#permalink", (a) => a.href), permalink);

  // Charts: PNG and SVG, each with its title, units, source line and permalink.
  const png = await download(page, "[data-export=break-even-png]");
  assert.match(png.name, /\.png$/);
  assert.equal(png.bytes.subarray(1, 4).toString("latin1"), "PNG");
  assert.deepEqual([png.bytes.readUInt32BE(16), png.bytes.readUInt32BE(20)], [1000, 620]);
  const svg = (await download(page, "[data-export=break-even-svg]")).bytes.toString("utf8");
  assert.match(svg, /^<svg/);
  assert.match(svg, /Net benefit over the horizon, per patient/);
  assert.match(svg, /\(EUR per patient-year\)/);
  assert.match(svg, /Net benefit \(EUR 2001\)/);
  assert.match(svg, /Source: hatcalc model and data/);
  const drawn = [...svg.matchAll(/<text[^>]*>\s*([^<]*?)\s*<\/text>/g)].map((m) => m[1]).filter((t) => /^http|x\.|preset=|perspective=/.test(t) || /^[a-z0-9_.=&;]+$/.test(t));
  assert.ok(drawn.join("").replace(/&amp;/g, "&").includes(permalink), "the whole permalink is drawn in");
  // A chart from the analyses: the tornado.
  await page.click("#sensitivity > summary");
  await page.waitForSelector("[data-export=tornado-svg]");
  const tornado = (await download(page, "[data-export=tornado-svg]")).bytes.toString("utf8");
  assert.match(tornado, /Which assumptions matter most/);
  assert.match(tornado, /Net benefit per patient-year \(EUR 2001\)/);
  assert.deepEqual(errors, []);
  await context.close();
});

test("two files asked for at once are both written", async () => {
  const { page, context, errors } = await open();
  const names = new Set();
  const both = new Promise((resolve) => page.on("download", (d) => { names.add(d.suggestedFilename()); if (names.size === 2) resolve(); }));
  // The second click comes before the first file is written (the worker writes them in turn).
  await page.evaluate(() => {
    document.querySelector("[data-export=inputs-csv]").click();
    document.querySelector("[data-export=scenario-json]").click();
  });
  await Promise.race([both, new Promise((r) => setTimeout(r, 15000))]);
  assert.deepEqual([...names].sort(), ["hatcalc-us-inputs.csv", "hatcalc-us-scenario.json"]);
  assert.deepEqual(errors, []);
  await context.close();
});

test("a damaged or foreign scenario file is refused with a reason and changes nothing", async () => {
  const { page, context, errors } = await open(SCENARIO);
  const permalink = () => page.$eval("#permalink", (a) => a.href);
  const before = { url: await permalink(), headline: await page.textContent("#net-benefit") };
  const good = JSON.parse((await download(page, "[data-export=scenario-json]")).bytes.toString("utf8"));
  const outside = structuredClone(good);
  outside.inputs.find((i) => i.id === "dam.retention_12m").value = 7;
  const cases = [
    ["broken.json", "{ \"format\": \"hatcalc-scenario\", ", /not a readable scenario/],
    ["package.json", JSON.stringify({ name: "left-pad", version: "1.0.0" }), /not a readable scenario|not a hatcalc scenario/],
    ["other.json", JSON.stringify({ ...good, format: "spreadsheet" }), /not a hatcalc scenario/],
    ["future.json", JSON.stringify({ ...good, version: 2 }), /version 2/],
    ["outside.json", JSON.stringify(outside), /outside/],
    ["<img src=x onerror=window.__pwned=1>.json", JSON.stringify({ ...good, preset: "<b>x</b>" }), /unknown preset/],
  ];
  for (const [name, text, reason] of cases) {
    await page.setInputFiles("#open-file", { name, mimeType: "application/json", buffer: Buffer.from(text) });
    await page.waitForFunction((n) => (document.querySelector("#notice")?.textContent ?? "").includes(n), name);
    const notice = await page.textContent("#notice");
    assert.match(notice, /was not opened/, name);
    assert.match(notice, reason, `${name}: ${notice}`);
    assert.match(notice, /Nothing was changed/);
    assert.equal(await permalink(), before.url, name);
    assert.equal(await page.textContent("#net-benefit"), before.headline, name);
  }
  // The address bar (written once input pauses) still holds the same scenario.
  await page.waitForFunction((u) => location.href === u, before.url);
  assert.equal(await page.$$eval("#notice img, #notice b", (e) => e.length), 0, "file names and contents are text, never HTML");
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
  await screenshot(page, "damaged-file.png");
  assert.deepEqual(errors, []);
  await context.close();
});

test("the printed brief fits on two pages and carries the method, the permalink and the sources", async () => {
  // A heavy case: another treatment, another perspective, many inputs changed.
  const changes = ["hdm.retention_12m=0.7", "crime.rr.injectable=0.3", "mmt.cost_year=3000", "hdm.cost_year=25000",
    "health.overdose.cost=9000", "crime.property.rate=20", "crime.violent.rate=1", "crime.violent.robbery_share=0.5",
    "mort.smr.street=12", "health.utility.street=0.6", "econ.discount_costs=0.05", "cohort.horizon_years=20",
    "programme.slots=250", "crime.prison.cost_year=50000"].map((c) => `&x.${c}`).join("");
  for (const query of ["", `?v=1&preset=nosyk2012&arms=hydromorphone.methadone&perspective=government${changes}`]) {
    const { page, context } = await open(query);
    await page.waitForSelector("#mc-summary", { timeout: 30000 });
    if (query) assert.equal(await page.inputValue("#curve-param"), "hdm.cost_year", "the curve follows the treatment chosen");
    // "Print a brief" prints once the sources' full citations are in (a worker sends them).
    assert.doesNotMatch(await page.textContent(".brief ol.sources"), /\(\d{4}\)\. [A-Z]/, "short cites before");
    await page.evaluate(() => { window.print = () => { window.__printed = document.querySelector(".brief ol.sources").textContent; }; });
    await page.click("text=Print a brief");
    await page.waitForFunction(() => window.__printed !== undefined);
    assert.match(await page.evaluate(() => window.__printed), /\(\d{4}\)\. [A-Z]/, "full citations when printed");
    const pdf = await page.pdf({ format: "A4" });
    const pages = (pdf.toString("latin1").match(/\/Type\s*\/Page[^s]/g) || []).length;
    assert.ok(pages >= 1 && pages <= 2, `${query || "default"}: ${pages} pages`);
    await page.emulateMedia({ media: "print" });
    assert.ok(await page.isVisible(".brief"), "the brief prints");
    assert.ok(!(await page.isVisible(".inputs")), "the controls do not");
    const brief = await page.textContent(".brief");
    assert.match(brief, /Method\./);
    assert.match(brief, /Permalink/);
    assert.ok(brief.includes(await page.$eval("#permalink", (a) => a.href)));
    assert.ok(await page.$$eval(".brief ol.sources li", (l) => l.length) >= 5);
    await context.close();
  }
});

test("a widget's older address (the calculator's page with ?embed=1) still shows the widget", async () => {
  const context = await browser.newContext({ viewport: { width: 760, height: 900 } });
  const page = await context.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(e.message));
  await page.goto(`${server.url}?embed=1&v=1&preset=us&x.dam.retention_12m=0.8`);
  await page.waitForSelector("main.embed #net-benefit");
  assert.equal(await page.inputValue("#dam-retention_12m-num"), "0.8");
  assert.equal(await page.locator("#results-h").count(), 0, "the widget, not the full page");
  const back = new URL(await page.getAttribute("#open-full", "href"));
  assert.equal(back.pathname, "/");
  assert.equal(back.searchParams.get("embed"), null);
  assert.deepEqual(errors, []);
  await context.close();
});
