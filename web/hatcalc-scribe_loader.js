// The scribe worker's script (the page spawns it when it first needs a long text or a file:
// web/src/worker/pool.rs). It loads the scribe's wasm-bindgen module
// (web/src/bin/hatcalc-scribe.rs, built by Trunk as a worker with the no-modules target) and
// starts it with its wasm file, in the object form wasm-bindgen expects.
importScripts("./hatcalc-scribe.js");
wasm_bindgen({ module_or_path: "./hatcalc-scribe_bg.wasm" });
