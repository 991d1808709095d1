// The README's two commands at the same time: `make serve` (scripts/serve.sh) builds and
// serves its own copy in dist/ while the tests' copy (target/e2e-dist) is in use; neither
// disturbs the other, and the page `make serve` serves shows no console error under its
// Content-Security-Policy.
import { test, before, after } from "node:test";
import assert from "node:assert/strict";
import { spawn } from "node:child_process";
import crypto from "node:crypto";
import fs from "node:fs/promises";
import net from "node:net";
import path from "node:path";
import { serve, launch, root, dist } from "./harness.mjs";

let server, browser;
before(async () => { server = await serve(); browser = await launch(); });
after(async () => { await browser?.close(); await server?.close(); });

/** A free port on 127.0.0.1. */
const freePort = () => new Promise((ok) => {
  const s = net.createServer();
  s.listen(0, "127.0.0.1", () => { const { port } = s.address(); s.close(() => ok(port)); });
});

/** A digest of every file in a directory. */
async function digest(dir) {
  const h = crypto.createHash("sha256");
  for (const f of (await fs.readdir(dir)).sort()) h.update(f).update(await fs.readFile(path.join(dir, f)));
  return h.digest("hex");
}

/** Open `url` and wait for the headline; the console errors and page errors seen. */
async function visit(url) {
  const page = await browser.newPage();
  const errors = [];
  page.on("pageerror", (e) => errors.push(e.message));
  page.on("console", (m) => { if (m.type() === "error") errors.push(m.text()); });
  await page.goto(url);
  await page.waitForSelector("#net-benefit", { timeout: 60_000 });
  const headline = await page.textContent("#net-benefit");
  await page.close();
  return { headline, errors };
}

test("make serve and the tests' own copy run at the same time without disturbing each other", { timeout: 900_000 }, async () => {
  const before = await digest(dist);
  const port = await freePort();
  const child = spawn("bash", ["scripts/serve.sh"], {
    cwd: root, env: { ...process.env, PORT: String(port) }, detached: true, stdio: ["ignore", "pipe", "pipe"],
  });
  let log = "";
  child.stdout.on("data", (d) => { log += d; });
  child.stderr.on("data", (d) => { log += d; });
  try {
    // While `make serve` builds, the tests' copy keeps working.
    const meanwhile = await visit(server.url);
    assert.match(meanwhile.headline, /\$/);
    assert.deepEqual(meanwhile.errors, []);
    // Then the served page: up within the timeout, and clean under its CSP.
    const url = `http://127.0.0.1:${port}/`;
    const deadline = Date.now() + 840_000;
    for (;;) {
      if (child.exitCode !== null) assert.fail(`make serve stopped:\n${log.slice(-2000)}`);
      try { if ((await fetch(url)).ok) break; } catch { /* not yet */ }
      if (Date.now() > deadline) assert.fail(`make serve did not serve in time:\n${log.slice(-2000)}`);
      await new Promise((r) => setTimeout(r, 1000));
    }
    const served = await visit(url);
    assert.match(served.headline, /\$/);
    assert.deepEqual(served.errors, [], "no console error on the page make serve serves");
    assert.equal(await digest(dist), before, "the tests' copy was not touched");
    assert.deepEqual((await visit(server.url)).errors, []);
  } finally {
    try { process.kill(-child.pid, "SIGTERM"); } catch { /* already gone */ }
  }
});
