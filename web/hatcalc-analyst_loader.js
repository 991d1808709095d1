// The analyst worker's script (the page spawns it: web/src/worker/pool.rs). It loads the
// worker's wasm-bindgen module (web/src/bin/hatcalc-analyst.rs, built by Trunk as a worker
// with the no-modules target) and starts it with its wasm file, passing the path in the
// object form wasm-bindgen expects (a bare path is deprecated and logs a warning per worker).
importScripts("./hatcalc-analyst.js");
wasm_bindgen({ module_or_path: "./hatcalc-analyst_bg.wasm" });
