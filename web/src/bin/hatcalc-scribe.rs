//! Entry point of the scribe's bundle (built by Trunk as a worker with the `scribe` feature):
//! the worker with the registry's long texts and the files' formats, which the page starts
//! only when it first shows a text or writes or reads a file.

use gloo_worker::Registrable;

fn main() {
    // The permalinks it is sent are read with the browser's number reader.
    hatcalc_web::platform::number::use_browsers_reader();
    hatcalc_web::worker::Scribe::registrar().register();
}
