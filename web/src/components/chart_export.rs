//! "PNG" and "SVG" under a chart: the figure redrawn with its title, units, source line and
//! permalink, offered as a download.

use crate::charts::measure::Measured;
use crate::charts::{draw_export, Figure};
use crate::platform::download::{save_text, save_url};
use plotters::prelude::{IntoDrawingArea, SVGBackend};
use std::rc::Rc;
use wasm_bindgen::JsCast;
use yew::prelude::*;

/// What every export carries: the permalink and a source line. Provided by the page.
#[derive(Debug, Clone, PartialEq)]
pub struct Share {
    /// Full address that reproduces the scenario.
    pub permalink: String,
    /// One line naming the model version and where the inputs come from.
    pub source: String,
    /// Preset id, for file names.
    pub preset: &'static str,
}

/// The figure as a PNG data URL, drawn on a canvas that is never attached to the page.
fn png_url(fig: &Figure, share: &Share) -> Result<String, String> {
    let (w, h) = fig.export_size();
    let canvas: web_sys::HtmlCanvasElement = gloo::utils::document()
        .create_element("canvas")
        .map_err(|_| "no canvas".to_string())?
        .unchecked_into();
    canvas.set_width(w);
    canvas.set_height(h);
    let backend = plotters_canvas::CanvasBackend::with_canvas_object(canvas.clone())
        .map(Measured)
        .ok_or("no 2D context")?;
    draw_export(
        &backend.into_drawing_area(),
        fig,
        &share.source,
        &share.permalink,
    )?;
    canvas
        .to_data_url_with_type("image/png")
        .map_err(|_| "the image could not be encoded".into())
}

/// The figure as SVG text.
pub fn svg_text(fig: &Figure, share: &Share) -> Result<String, String> {
    let mut out = String::new();
    {
        let area =
            Measured(SVGBackend::with_string(&mut out, fig.export_size())).into_drawing_area();
        draw_export(&area, fig, &share.source, &share.permalink)?;
    }
    Ok(out)
}

/// Properties of [`ChartExport`].
#[derive(Properties, PartialEq)]
pub struct ChartExportProps {
    /// The chart.
    pub figure: Rc<Figure>,
    /// File name stem, e.g. `break-even`.
    pub name: &'static str,
}

/// "PNG" and "SVG" buttons under a chart.
#[function_component(ChartExport)]
pub fn chart_export(props: &ChartExportProps) -> Html {
    let Some(share) = use_context::<Share>() else {
        return html! {};
    };
    let file = format!("hatcalc-{}-{}", props.name, share.preset);
    let on_png = {
        let (fig, share, file) = (props.figure.clone(), share.clone(), file.clone());
        Callback::from(move |_| match png_url(&fig, &share) {
            Ok(url) => {
                if let Err(e) = save_url(&format!("{file}.png"), &url) {
                    gloo::console::error!("download failed", e);
                }
            }
            Err(e) => gloo::console::error!(format!("PNG export: {e}")),
        })
    };
    let on_svg = {
        let (fig, share) = (props.figure.clone(), share.clone());
        Callback::from(move |_| match svg_text(&fig, &share) {
            Ok(svg) => save_text(&format!("{file}.svg"), "image/svg+xml", &svg),
            Err(e) => gloo::console::error!(format!("SVG export: {e}")),
        })
    };
    let title = props.figure.title().to_string();
    html! {
        <div class="chart-export">
            <span>{ "Download this chart: " }</span>
            <button type="button" onclick={on_png} aria-label={format!("Download “{title}” as PNG")}
                data-export={format!("{}-png", props.name)}>{ "PNG" }</button>
            <button type="button" onclick={on_svg} aria-label={format!("Download “{title}” as SVG")}
                data-export={format!("{}-svg", props.name)}>{ "SVG" }</button>
        </div>
    }
}
