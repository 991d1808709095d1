//! The compact widget another site embeds (`?embed=1`): headline, key inputs, one
//! break-even curve, sources, and the way back to the full calculator with the same
//! assumptions; and the snippet that embeds it.

use crate::components::curve::CurveView;
use crate::components::headline::{AssumedNote, BlockProps, Headline, McView};
use crate::components::number_input::NumberInput;
use crate::platform::url::{page_url, EMBED_KEY, WIDGET_FILE};
use crate::session::use_session;
use hatcalc::model::relevant;
use hatcalc::presets::find as find_preset;
use hatcalc::sources::source;
use hatcalc::{Arm, P};
use yew::prelude::*;

/// Height of the iframe when the host page runs no script, in CSS pixels.
pub const FIXED_HEIGHT: u32 = 760;
/// The host script's file name, next to the page.
pub const HOST_SCRIPT: &str = "embed.js";

/// The iframe snippet for a scenario's query, from the calculator's address `base`: the
/// widget's own page beside it, which loads the widget's lighter bundle.
pub fn snippet(base: &str, query: &str) -> String {
    let dir = base.rsplit_once('/').map_or(base, |(d, _)| d);
    let esc = |t: &str| t.replace('&', "&amp;").replace('"', "&quot;");
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

/// The compact widget: headline, key inputs, one break-even curve, sources, and the way
/// back to the full calculator with the same assumptions.
#[function_component(Widget)]
pub fn widget() -> Html {
    let session = use_session(true);
    let state = &session.state;
    let s = &state.scenario;
    let query = &session.query;
    let full = format!("{}?{query}", page_url());
    let preset = find_preset(state.preset);
    let cited: Vec<String> = preset
        .map(|p| p.sources)
        .unwrap_or_default()
        .iter()
        .filter_map(|id| source(id))
        .map(|src| src.cite.to_string())
        .collect();
    let block = BlockProps {
        scenario: s.clone(),
        outcome: session.outcome.clone(),
        mc: McView {
            done: 0,
            total: 0,
            result: None,
        },
        chance: false,
        assumed: AssumedNote::Absent,
    };
    let inputs = key_inputs(s.settings.intervention)
        .into_iter()
        .filter(|p| relevant(s, *p));
    html! {
        <main class="embed" data-ready="true">
            <p class="embed-title"><a href={full.clone()} target="_blank" rel="noopener">{ "hatcalc" }</a>
                { format!(": {} against {}", s.settings.intervention.label(), s.settings.comparator.label().to_lowercase()) }</p>
            if let Some(n) = &state.notice {
                <div class="notice" role="alert" id="notice"><span>{ n.clone() }</span></div>
            }
            <Headline ..block />
            <div class="embed-inputs">
                { for inputs.map(|p| html! {
                    <NumberInput param={p} value={s.get(p)} default={s.default_of(p)}
                        range={s.range(p)} basis={s.basis()}
                        error={state.errors.get(&p).cloned()} changed={false}
                        on_action={session.dispatch.clone()} />
                }) }
            </div>
            <CurveView curve={session.curve.clone()} scenario={s.clone()} outcome={session.outcome.clone()} param={session.curve_param} curve_scenario={session.curve_scenario.clone()} current={session.curve_current} on_action={session.dispatch.clone()} />
            <p class="embed-sources" id="embed-sources">
                { format!("Defaults: {}", preset.map_or("", |p| p.name)) }
                if !cited.is_empty() { { format!(" ({})", cited.join("; ")) } }
                { format!(". Every other input and its source, the methods and the uncertainty are in the full calculator. Model and data version {}.", hatcalc::MODEL_VERSION) }
            </p>
            <p class="embed-open"><a id="open-full" href={full} target="_blank" rel="noopener">{ "Open the full calculator with these assumptions ↗" }</a></p>
        </main>
    }
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
