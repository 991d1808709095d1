//! Entry point of the analyst worker's bundle (built by Trunk as a worker).

use gloo_worker::Registrable;

fn main() {
    hatcalc_web::worker::Analyst::registrar().register();
}
