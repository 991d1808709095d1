//! Entry point of the widget's own bundle (`widget.html`, built by Trunk beside the page's):
//! the compact widget alone, so another site's visitors load less than the full calculator.

fn main() {
    hatcalc_web::start_widget();
}
