// Starts the widget's own bundle: the module wasm-bindgen wrote for it (a Trunk worker-type
// build with the "web" target, so its files keep their names). Its `main` mounts the widget.
import init from "./hatcalc-widget.js";

init();
