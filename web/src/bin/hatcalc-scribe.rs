//! Entry point of the scribe's bundle (built by Trunk as a worker with the `scribe` feature):
//! the worker with the registry's long texts and the files' formats, which the page starts
//! only when it first shows a text or writes or reads a file.

use gloo_worker::Registrable;

fn main() {
    hatcalc_web::worker::Scribe::registrar().register();
}
