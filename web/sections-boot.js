// Starts the page's sections' bundle: the module wasm-bindgen wrote for it (a Trunk worker-type
// build with the "web" target, so its files keep their names). Its `main` mounts the sections
// into the page's host element for them. Added to the page by the page's own bundle once its
// first result is on screen (web/src/bridge.rs). Where the bundle cannot be had, the host says
// so; the assumptions and the headline above it go on working.
import("./hatcalc-sections.js")
  .then((bundle) => bundle.default())
  .catch((e) => {
    const host = document.getElementById("sections");
    if (!host) return;
    const p = document.createElement("p");
    p.className = "notice";
    p.setAttribute("role", "alert");
    p.id = "sections-failed";
    p.textContent = "The charts and analyses below the headline could not load (" +
      ((e && e.message) || String(e)) + "). The headline above still follows every input; reload the page to try again.";
    host.replaceChildren(p);
  });
