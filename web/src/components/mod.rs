//! Views shared by the page and the widget.

pub mod chart_export;
pub mod curve;
pub mod headline;
pub mod number_input;
