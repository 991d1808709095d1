// Shows a visible message with a reload link if the WebAssembly bundle fails to load or
// start. Loaded before the bundle's own loader, so that no early failure goes unseen; the
// Rust side reports its own panics into the same banner.
(function () {
  "use strict";
  var pending = null;
  function show(detail) {
    var box = document.getElementById("fatal");
    var text = document.getElementById("fatal-detail");
    if (!box) {
      // The page body is not parsed yet: show it as soon as it is.
      pending = detail;
      return;
    }
    if (!box.hidden) return;
    if (text) text.textContent = detail ? String(detail) : "";
    box.hidden = false;
  }
  function started() {
    return !!document.querySelector("[data-ready]");
  }
  document.addEventListener("DOMContentLoaded", function () {
    if (pending !== null) show(pending);
  });
  window.addEventListener("error", function (e) {
    if (!started()) show(e.message || "the calculator could not load");
  });
  window.addEventListener("unhandledrejection", function (e) {
    var r = e.reason;
    show((r && r.message) || String(r) || "the calculator could not load");
  });
  // The bundles use WebAssembly SIMD (the model's two arms run side by side): a browser
  // without it is told so plainly, not with a compile error. The bytes are the smallest
  // module with one SIMD instruction.
  var simd = new Uint8Array([0, 97, 115, 109, 1, 0, 0, 0, 1, 5, 1, 96, 0, 1, 123, 3, 2, 1, 0,
    10, 10, 1, 8, 0, 65, 0, 253, 15, 253, 98, 11]);
  if (typeof WebAssembly !== "object" || !WebAssembly.validate(simd)) {
    show("this browser cannot run the calculator: it needs WebAssembly with SIMD "
      + "(Chrome or Edge 91, Firefox 89, Safari 16.4 or later)");
  }
  window.addEventListener("load", function () {
    setTimeout(function () {
      if (!started()) show("the calculator did not start within 10 seconds");
    }, 10000);
  });
})();
