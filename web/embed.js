/*
 * hatcalc embed: sizes each hatcalc iframe on the page to its content. No dependencies.
 *
 *   <iframe src="https://HOST/PATH/?embed=1&v=1&..." data-hatcalc ...></iframe>
 *   <script src="https://HOST/PATH/embed.js" async></script>
 *
 * Protocol (version 1):
 *   page -> widget  {type: "hatcalc:hello", v: 1}               sent to the iframe's origin only
 *   widget -> page  {type: "hatcalc:height", v: 1, height: N}    accepted only from that iframe's
 *                                                                 window and origin
 * Anything else is ignored. Without this script the iframe keeps its own fixed height.
 */
(function () {
  "use strict";
  var MIN = 120, MAX = 20000, TRIES = 40, EVERY = 300;
  var frames = [];

  function originOf(src) {
    try { return new URL(src, document.baseURI).origin; } catch (e) { return null; }
  }

  function hello(entry) {
    var w = entry.frame.contentWindow;
    if (w && entry.origin && entry.origin !== "null") {
      w.postMessage({ type: "hatcalc:hello", v: 1 }, entry.origin);
    }
  }

  // The widget listens only once its code has loaded, so say hello until it answers.
  function greet(entry) {
    entry.tries = 0;
    clearInterval(entry.timer);
    hello(entry);
    entry.timer = setInterval(function () {
      entry.tries += 1;
      if (entry.answered || entry.tries >= TRIES) { clearInterval(entry.timer); return; }
      hello(entry);
    }, EVERY);
  }

  function attach(frame) {
    for (var i = 0; i < frames.length; i++) { if (frames[i].frame === frame) return; }
    var entry = { frame: frame, origin: originOf(frame.src), answered: false, timer: 0, tries: 0 };
    frames.push(entry);
    frame.addEventListener("load", function () {
      entry.origin = originOf(frame.src);
      entry.answered = false;
      greet(entry);
    });
    greet(entry);
  }

  function scan() {
    var list = document.querySelectorAll("iframe[data-hatcalc]");
    for (var i = 0; i < list.length; i++) attach(list[i]);
  }

  window.addEventListener("message", function (event) {
    var data = event.data;
    if (!data || typeof data !== "object" || data.type !== "hatcalc:height" || data.v !== 1) return;
    var height = data.height;
    if (typeof height !== "number" || !isFinite(height) || height < MIN || height > MAX) return;
    for (var i = 0; i < frames.length; i++) {
      var entry = frames[i];
      if (event.source === entry.frame.contentWindow && event.origin === entry.origin) {
        entry.answered = true;
        entry.frame.style.height = Math.ceil(height) + "px";
        return;
      }
    }
  });

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", scan);
  } else {
    scan();
  }
})();
