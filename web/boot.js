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
  window.addEventListener("load", function () {
    setTimeout(function () {
      if (!started()) show("the calculator did not start within 10 seconds");
    }, 10000);
  });
})();
