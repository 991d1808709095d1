// Starts the page's sections' bundle: the module wasm-bindgen wrote for it (a Trunk worker-type
// build with the "web" target, so its files keep their names). Its `main` mounts the sections
// into the page's host element for them. Added to the page by the page's own bundle once its
// first result is on screen (web/src/bridge.rs).
import init from "./hatcalc-sections.js";

init();
