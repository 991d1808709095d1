// Trunk post-build hook: writes a strict Content-Security-Policy into the built pages: the
// calculator (index.html) and the widget's own page (widget.html). Trunk's loader in
// index.html is an inline module script whose text (it names the hashed bundle files) changes
// with every build, so its SHA-256 is computed here and allowed by hash; widget.html has no
// inline script at all. Nothing else inline is allowed, no inline <style>, and nothing from
// another origin at all.
import { createHash } from "node:crypto";
import { readFileSync, writeFileSync } from "node:fs";
import path from "node:path";

const dir = process.env.TRUNK_STAGING_DIR;
if (!dir) {
  console.error("csp.mjs: TRUNK_STAGING_DIR is not set (run it as a Trunk post_build hook)");
  process.exit(1);
}

// The policy for a page whose inline scripts are `inline` (each allowed by its hash only).
function policy(inline) {
  const hashes = inline.map((s) => ` 'sha256-${createHash("sha256").update(s, "utf8").digest("base64")}'`);
  return [
    "default-src 'none'",
    `script-src 'self'${hashes.join("")} 'wasm-unsafe-eval'`,
    // Styles from the stylesheet only: no inline <style>, no style attributes (chart labels are
    // measured on a canvas, web/src/charts/measure.rs, not through a styled <span>).
    "style-src 'self'",
    "img-src 'self' data:",
    "connect-src 'self'",
    "base-uri 'none'",
    "form-action 'none'",
    "object-src 'none'",
  ].join("; ");
}

// name: the page's file; loader: whether it must have Trunk's inline loader (else no inline script).
for (const [name, loader] of [["index.html", true], ["widget.html", false]]) {
  const file = path.join(dir, name);
  const html = readFileSync(file, "utf8");
  const inline = [...html.matchAll(/<script(?![^>]*\bsrc=)[^>]*>([\s\S]*?)<\/script>/g)].map((m) => m[1]);
  if (loader && inline.length === 0) {
    console.error(`csp.mjs: no inline loader script found in ${name}; refusing to guess a policy`);
    process.exit(1);
  }
  if (!loader && inline.length > 0) {
    console.error(`csp.mjs: ${name} must have no inline script`);
    process.exit(1);
  }
  if (html.includes('http-equiv="Content-Security-Policy"')) {
    console.error(`csp.mjs: ${name} already has a policy`);
    process.exit(1);
  }
  const meta = `<meta http-equiv="Content-Security-Policy" content="${policy(inline)}">`;
  writeFileSync(file, html.replace(/<meta charset="utf-8">/i, (m) => `${m}\n  ${meta}`));
}
