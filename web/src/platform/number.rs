//! Numbers read with the browser's own reader: the model crate's `number::read` checks the
//! text and hands the conversion here (`parseFloat`, correctly rounded), so the bundles carry
//! no number-reading tables of their own.

/// Read numbers with the browser's reader from now on.
pub fn use_browsers_reader() {
    hatcalc::number::set_converter(js_sys::parse_float);
}
