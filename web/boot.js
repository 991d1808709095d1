// Shows a visible message with a reload link if the WebAssembly bundle fails to load or
// start. The Rust side reports its own panics into the same banner.
(function () {
  "use strict";
  function fail(detail) {
    var box = document.getElementById("fatal");
    var text = document.getElementById("fatal-detail");
    if (!box || !box.hidden) return;
    if (text) text.textContent = detail ? String(detail) : "";
    box.hidden = false;
  }
  function started() {
    return !!document.querySelector("[data-ready]");
  }
  window.addEventListener("error", function (e) {
    if (!started()) fail(e.message || "the calculator could not load");
  });
  window.addEventListener("unhandledrejection", function (e) {
    var r = e.reason;
    fail((r && r.message) || String(r) || "the calculator could not load");
  });
  window.addEventListener("load", function () {
    setTimeout(function () {
      if (!started()) fail("the calculator did not start within 10 seconds");
    }, 10000);
  });
})();
