// Shared set-up for the end-to-end journeys: a static server over the built bundle on a free loopback
// port, and headless Chromium (Debian's) driven by playwright-core.
import http from "node:http";
import fs from "node:fs/promises";
import path from "node:path";
import { fileURLToPath } from "node:url";
import { chromium } from "playwright-core";

const here = path.dirname(fileURLToPath(import.meta.url));
export const root = path.resolve(here, "../..");
// The bundle under test: scripts/test.sh builds its own copy (HATCALC_DIST) so that a page
// served by `make serve` from dist/ at the same time is never rebuilt under the tests.
export const dist = process.env.HATCALC_DIST ? path.resolve(process.env.HATCALC_DIST) : path.join(root, "dist");
export const artifacts = path.join(here, "artifacts");

const types = {
  ".html": "text/html; charset=utf-8",
  ".js": "text/javascript; charset=utf-8",
  ".wasm": "application/wasm",
  ".css": "text/css; charset=utf-8",
  ".svg": "image/svg+xml",
  ".png": "image/png",
  ".json": "application/json",
  ".md": "text/markdown; charset=utf-8",
};

/** Serve `dir` on 127.0.0.1 at a free port; resolves to { url, close }. */
export async function serve(dir = dist) {
  const server = http.createServer(async (req, res) => {
    const url = new URL(req.url, "http://x");
    let file = path.normalize(path.join(dir, decodeURIComponent(url.pathname)));
    if (!file.startsWith(dir)) { res.writeHead(403).end(); return; }
    try {
      if ((await fs.stat(file)).isDirectory()) file = path.join(file, "index.html");
      const body = await fs.readFile(file);
      res.writeHead(200, { "content-type": types[path.extname(file)] ?? "application/octet-stream" });
      res.end(body);
    } catch {
      res.writeHead(404).end("not found");
    }
  });
  await new Promise((ok) => server.listen(0, "127.0.0.1", ok));
  const { port } = server.address();
  return { url: `http://127.0.0.1:${port}/`, close: () => new Promise((ok) => server.close(ok)) };
}

/** Serve one HTML page at "/" on its own free port: another site, for the embed. */
export async function serveHtml(html) {
  const server = http.createServer((req, res) => {
    if (new URL(req.url, "http://x").pathname !== "/") { res.writeHead(404).end(); return; }
    res.writeHead(200, { "content-type": "text/html; charset=utf-8" });
    res.end(html);
  });
  await new Promise((ok) => server.listen(0, "127.0.0.1", ok));
  const { port } = server.address();
  return { url: `http://127.0.0.1:${port}/`, close: () => new Promise((ok) => server.close(ok)) };
}

/** Launch headless Chromium with the flags this machine's closed network needs. */
// The page is open: its first result is on screen and its sections' bundle (every result and
// analysis after the headline, started once that result is shown) has made them all.
export async function opened(page) {
  await page.waitForSelector("#net-benefit");
  await page.waitForSelector("#sections[data-loaded]", { state: "attached" });
}

export async function launch() {
  return chromium.launch({
    executablePath: process.env.CHROMIUM || "/usr/bin/chromium",
    args: [
      "--no-sandbox", "--disable-gpu", "--disable-background-networking",
      "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
    ],
  });
}

/** Save a screenshot under tests/e2e/artifacts/. */
export async function screenshot(page, name) {
  await fs.mkdir(artifacts, { recursive: true });
  const file = path.join(artifacts, name);
  await page.screenshot({ path: file, fullPage: true });
  return file;
}
