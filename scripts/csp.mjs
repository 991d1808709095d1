// Trunk post-build hook: writes a strict Content-Security-Policy into the built index.html.
// Trunk's loader is an inline module script whose text (it names the hashed bundle files)
// changes with every build, so its SHA-256 is computed here and allowed by hash; nothing
// other inline script is allowed, no inline <style>, and nothing from another origin at all.
import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) {
  console.error("csp.mjs: TRUNK_STAGING_DIR is not set (run it as a Trunk post_build hook)");
  process.exit(1);
}
const file = path.join(dir, "index.html");
const html = readFileSync(file, "utf8");
const inline = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
if (inline.length === 0) {
  console.error("csp.mjs: no inline loader script found; refusing to guess a policy");
  process.exit(1);
}
const hashes = inline.map((s) => `'sha256-${createHash("sha256").update(s, "utf8").digest("base64")}'`);
const policy = [
  "default-src 'none'",
  `script-src 'self' ${hashes.join(" ")} 'wasm-unsafe-eval'`,
  // Styles from the stylesheet only: no inline <style>, no style attributes (chart labels are
  // measured on a canvas, web/src/charts/measure.rs, not through a styled <span>).
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "base-uri 'none'",
  "form-action 'none'",
  "object-src 'none'",
].join("; ");
const meta = `<meta http-equiv="Content-Security-Policy" content="${policy}">`;
if (html.includes('http-equiv="Content-Security-Policy"')) {
  console.error("csp.mjs: index.html already has a policy");
  process.exit(1);
}
writeFileSync(file, html.replace(/<meta charset="utf-8">/i, (m) => `${m}\n  ${meta}`));
