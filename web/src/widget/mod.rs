//! The compact widget another site embeds (`widget.html`): headline, key inputs, one
//! break-even curve, sources, and the way back to the full calculator with the same
//! assumptions; and the snippet that embeds it.
//!
//! It is written without yew, on the browser's own DOM, so that another site's visitors load
//! a light bundle (BENCHMARKS.md): its views ([`views`]) are the page's markup, with the
//! page's words and rules, written as text into their places; its state is the page's (the
//! same `State` and its reducer); what moves under the hand (a slider, a typed field, an open
//! note) is updated in place, never written over. At most one render per animation frame.

mod dom;
pub mod views;

pub use dom::mount;

use crate::markup::esc;
use crate::platform::url::{EMBED_KEY, WIDGET_FILE};
use hatcalc::{Arm, P};

/// Height of the iframe when the host page runs no script, in CSS pixels.
pub const FIXED_HEIGHT: u32 = 760;
/// The host script's file name, next to the page.
pub const HOST_SCRIPT: &str = "embed.js";

/// The iframe snippet for a scenario's query, from the calculator's address `base`: the
/// widget's own page beside it, which loads the widget's lighter bundle.
pub fn snippet(base: &str, query: &str) -> String {
    let dir = base.rsplit_once('/').map_or(base, |(d, _)| d);
    format!(
        "<iframe src=\"{src}\" title=\"hatcalc: what heroin-assisted treatment costs and saves\" data-hatcalc width=\"100%\" height=\"{h}\" style=\"width:100%;max-width:760px;height:{h}px;border:0\" loading=\"lazy\"></iframe>\n<script src=\"{script}\" async></script>",
        src = esc(&format!("{dir}/{WIDGET_FILE}?{EMBED_KEY}&{query}")),
        h = FIXED_HEIGHT,
        script = esc(&format!("{dir}/{HOST_SCRIPT}")),
    )
}

/// The inputs the widget offers: what the headline depends on most, where the settings
/// use them.
fn key_inputs(arm: Arm) -> [P; 5] {
    let [cost, retention] = arm.spec().key_inputs;
    let crime = arm.treatment().map_or(P::CrimeRrMethadone, |t| t.crime_rr);
    [cost, P::MmtCostYear, retention, crime, P::HorizonYears]
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_snippet_escapes_the_address() {
        let s = snippet("https://example.org/calc/index.html", "v=1&preset=us");
        assert!(s.contains(
            "src=\"https://example.org/calc/widget.html?embed=1&amp;v=1&amp;preset=us\""
        ));
        assert!(s.contains("<script src=\"https://example.org/calc/embed.js\" async>"));
        assert!(s.contains("height=\"760\""));
    }
}
