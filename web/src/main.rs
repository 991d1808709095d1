//! Entry point of the browser bundle built by Trunk.

fn main() {
    hatcalc_web::start();
}
