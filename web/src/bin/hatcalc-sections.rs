//! Entry point of the page's sections' bundle (built by Trunk beside the page's, started by
//! the page once its first result is on screen): every result and analysis after the
//! headline, mounted into the page's host element for them (`hatcalc_web::bridge`).

fn main() {
    hatcalc_web::start_sections();
}
