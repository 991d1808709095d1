import { serve, launch } from "./harness.mjs";
const server = await serve();
const browser = await launch();
const page = await browser.newPage({ viewport: { width: 1280, height: 900 } });
await page.goto(server.url);
await page.waitForSelector("#net-benefit");
console.log(await page.evaluate(() => {
  const out = { total: document.querySelectorAll("*").length };
  for (const el of document.querySelectorAll("main > *, .layout > *, .results > *, .inputs > *")) {
    const n = el.querySelectorAll("*").length;
    if (n > 30) out[el.tagName.toLowerCase() + "#" + (el.id || el.className)] = n;
  }
  return JSON.stringify(out, null, 0);
}));
await browser.close(); await server.close();
