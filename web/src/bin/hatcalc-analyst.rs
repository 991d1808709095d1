//! Entry point of the analyst worker's bundle (built by Trunk as a worker).

use gloo_worker::Registrable;

fn main() {
    // The permalinks it is sent are read with the browser's number reader.
    hatcalc_web::platform::number::use_browsers_reader();
    hatcalc_web::worker::Analyst::registrar().register();
}
