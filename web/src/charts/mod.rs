//! Charts, written against plotters' `DrawingBackend` so the same code draws to a canvas in
//! the browser and to SVG in native snapshot tests.

pub mod curve_svg;
pub mod measure;

use hatcalc::analysis::Curve;
use measure::Measured;
use plotters::chart::MeshStyle;
use plotters::coord::types::RangedCoordf64;
use plotters::coord::Shift;
use plotters::prelude::*;
use plotters::style::text_anchor::{HPos, Pos, VPos};
use std::rc::Rc;

/// What the break-even chart shows.
pub struct CurveChart<'a> {
    /// Chart title.
    pub title: &'a str,
    /// X-axis title with its unit.
    pub x_label: &'a str,
    /// Y-axis title with its unit.
    pub y_label: &'a str,
    /// The curve.
    pub curve: &'a Curve,
    /// The parameter's current value, marked on the curve.
    pub current: f64,
}

const INK: RGBColor = RGBColor(33, 37, 41);
const LINE: RGBColor = RGBColor(0, 90, 160);
const ZERO: RGBColor = RGBColor(120, 120, 120);
const MARK: RGBColor = RGBColor(190, 30, 45);

/// A chart's drawing context: f64 on both axes.
type Chart2d<'a, DB> = ChartContext<'a, DB, Cartesian2d<RangedCoordf64, RangedCoordf64>>;

/// The frame every chart shares: title, margins, label areas, and f64 axes over `x` and `y`.
fn frame<'a, DB: DrawingBackend>(
    root: &'a DrawingArea<DB, Shift>,
    title: &str,
    y_area: u32,
    x: std::ops::Range<f64>,
    y: std::ops::Range<f64>,
) -> Result<Chart2d<'a, DB>, String> {
    ChartBuilder::on(root)
        .caption(title, ("sans-serif", 18).into_font().color(&INK))
        .margin(10)
        .x_label_area_size(44)
        .y_label_area_size(y_area)
        .build_cartesian_2d(x, y)
        .map_err(|e| e.to_string())
}

/// The axis style every chart shares: readable fonts, no minor grid lines, compact numbers
/// on the x axis with its title; callers add what differs and call `draw`.
fn axes<'a, 'b, DB: DrawingBackend>(
    chart: &'b mut Chart2d<'a, DB>,
    x_desc: &'b str,
) -> MeshStyle<'a, 'b, RangedCoordf64, RangedCoordf64, DB> {
    let mut mesh = chart.configure_mesh();
    mesh.max_light_lines(0)
        .x_desc(x_desc)
        .x_labels(6)
        .x_label_formatter(&compact_label)
        .axis_desc_style(("sans-serif", 14).into_font().color(&INK))
        .label_style(("sans-serif", 12).into_font().color(&INK));
    mesh
}

fn compact_label(v: &f64) -> String {
    compact(*v)
}

/// A break-even chart's axes, `(x0, x1, y0, y1)`: the curve's inputs, and its values with
/// zero and a margin; `None` without points.
pub fn curve_bounds(curve: &Curve) -> Option<(f64, f64, f64, f64)> {
    let (Some(&x0), Some(&x1)) = (curve.x.first(), curve.x.last()) else {
        return None;
    };
    let (y0, y1) = curve
        .y
        .iter()
        .fold((0.0f64, 0.0f64), |(lo, hi), &y| (lo.min(y), hi.max(y)));
    let pad = ((y1 - y0) * 0.08).max(1.0);
    let x1 = if x1 > x0 { x1 } else { x0 + 1.0 };
    Some((x0, x1, y0 - pad, y1 + pad))
}

/// Draw a one-way break-even curve: net benefit against a parameter, the zero line, the
/// break-even point and the current value.
pub fn draw_curve<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    c: &CurveChart<'_>,
) -> Result<(), String> {
    let err = |e: DrawingAreaErrorKind<DB::ErrorType>| e.to_string();
    root.fill(&WHITE).map_err(err)?;
    let xs = &c.curve.x;
    let ys = &c.curve.y;
    let Some((x0, x1, y0, y1)) = curve_bounds(c.curve) else {
        return Err("no points to draw".into());
    };

    let mut chart = frame(root, c.title, 84, x0..x1, y0..y1)?;
    axes(&mut chart, c.x_label)
        .y_desc(c.y_label)
        .y_labels(6)
        .y_label_formatter(&compact_label)
        .draw()
        .map_err(err)?;
    chart
        .draw_series(LineSeries::new(
            [(x0, 0.0), (x1, 0.0)],
            ZERO.stroke_width(1),
        ))
        .map_err(err)?;
    chart
        .draw_series(LineSeries::new(
            xs.iter().copied().zip(ys.iter().copied()),
            LINE.stroke_width(3),
        ))
        .map_err(err)?;
    if let Some(be) = c.curve.break_even {
        chart
            .draw_series([Circle::new((be, 0.0), 6, MARK.filled())])
            .map_err(err)?;
        // The label reads away from the nearer side, so it is never cut off at the edge.
        let toward_right = be > x0 + (x1 - x0) * 0.6;
        let anchor = Pos::new(
            if toward_right {
                HPos::Right
            } else {
                HPos::Left
            },
            VPos::Top,
        );
        let offset = if toward_right { -8 } else { 8 };
        chart
            .draw_series([EmptyElement::at((be, 0.0))
                + Text::new(
                    format!("break-even {}", compact(be)),
                    (offset, 8),
                    ("sans-serif", 13).into_font().color(&MARK).pos(anchor),
                )])
            .map_err(err)?;
    }
    // The current value, as a vertical guide.
    if c.current >= x0 && c.current <= x1 {
        chart
            .draw_series(LineSeries::new(
                [(c.current, y0), (c.current, y1)],
                INK.stroke_width(1),
            ))
            .map_err(err)?;
    }
    root.present().map_err(err)?;
    Ok(())
}

/// Short axis labels: 12k, 1.5M, 0.67.
pub fn compact(v: f64) -> String {
    let a = v.abs();
    let sign = if v < 0.0 { "-" } else { "" };
    if a >= 1e6 {
        format!("{sign}{:.1}M", a / 1e6)
    } else if a >= 1e4 {
        format!("{sign}{:.0}k", a / 1e3)
    } else if a >= 1e3 {
        format!("{sign}{:.1}k", a / 1e3)
    } else if a >= 1.0 || a == 0.0 {
        format!("{sign}{a:.0}")
    } else {
        format!("{sign}{a:.2}")
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use hatcalc::analysis::{curve, Metric};
    use hatcalc::{Scenario, P};

    #[test]
    fn curve_draws_to_svg_with_titles_and_break_even_mark() {
        let s = Scenario::us_default();
        let c = curve(&s, P::DamCostYear, Metric::NetBenefit, 60);
        let mut svg = String::new();
        {
            let root = SVGBackend::with_string(&mut svg, (640, 360)).into_drawing_area();
            draw_curve(
                &root,
                &CurveChart {
                    title: "Net benefit against treatment cost",
                    x_label: "Cost per patient-year (USD 2024)",
                    y_label: "Net benefit (USD 2024)",
                    curve: &c,
                    current: s.get(P::DamCostYear),
                },
            )
            .unwrap();
        }
        assert!(svg.contains("Net benefit against treatment cost"));
        assert!(svg.contains("Cost per patient-year (USD 2024)"));
        assert!(svg.contains("<polyline"), "the curve is drawn");
        if c.break_even.is_some() {
            assert!(svg.contains("break-even"));
        }
    }

    #[test]
    fn compact_labels() {
        assert_eq!(compact(12_600.0), "13k");
        assert_eq!(compact(-1_500_000.0), "-1.5M");
        assert_eq!(compact(0.67), "0.67");
    }
}

/// Costs of each arm by category, as stacked horizontal bars (negative amounts, such as
/// productivity gained, stack to the left of zero).
pub struct CostsChart<'a> {
    /// Chart title.
    pub title: &'a str,
    /// Axis title with its unit.
    pub x_label: &'a str,
    /// One row per arm: its name and (category name, amount) pairs.
    pub rows: &'a CostRows,
    /// Draw the legend inside the chart (exports); the page shows it as HTML instead.
    pub legend: bool,
}

/// Rows of [`CostsChart`]: an arm's name and its (category, amount) pairs.
pub type CostRows = Vec<(String, Vec<(&'static str, f64)>)>;

/// Colour-blind-safe palette (Okabe-Ito, extended) for up to 12 categories.
pub const PALETTE: [RGBColor; 12] = [
    RGBColor(0, 114, 178),
    RGBColor(230, 159, 0),
    RGBColor(86, 180, 233),
    RGBColor(0, 158, 115),
    RGBColor(213, 94, 0),
    RGBColor(204, 121, 167),
    RGBColor(240, 228, 66),
    RGBColor(120, 94, 240),
    RGBColor(153, 153, 153),
    RGBColor(90, 60, 20),
    RGBColor(0, 0, 0),
    RGBColor(170, 220, 170),
];

/// Draw [`CostsChart`]: one bar per arm, one segment per category, with a legend.
pub fn draw_costs<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    c: &CostsChart<'_>,
) -> Result<(), String> {
    let err = |e: DrawingAreaErrorKind<DB::ErrorType>| e.to_string();
    root.fill(&WHITE).map_err(err)?;
    let (mut lo, mut hi) = (0.0f64, 0.0f64);
    for (_, parts) in c.rows {
        let pos: f64 = parts.iter().map(|(_, v)| v.max(0.0)).sum();
        let neg: f64 = parts.iter().map(|(_, v)| v.min(0.0)).sum();
        hi = hi.max(pos);
        lo = lo.min(neg);
    }
    let pad = (hi - lo).max(1.0) * 0.04;
    let n = c.rows.len().max(1);
    let share = if c.legend { 0.66 } else { 1.0 };
    let (plot, legend) = root.split_horizontally((root.dim_in_pixel().0 as f64 * share) as u32);
    let mut chart = frame(&plot, c.title, 8, lo - pad..hi + pad, 0.0..n as f64)?;
    axes(&mut chart, c.x_label)
        .disable_y_mesh()
        .disable_y_axis()
        .draw()
        .map_err(err)?;
    for (row, (name, parts)) in c.rows.iter().enumerate() {
        let (y0, y1) = (row as f64 + 0.15, row as f64 + 0.7);
        // The arm's name above its bar.
        chart
            .draw_series([Text::new(
                name.clone(),
                (lo - pad, row as f64 + 0.95),
                ("sans-serif", 13).into_font().color(&INK),
            )])
            .map_err(err)?;
        let (mut right, mut left) = (0.0, 0.0);
        for (k, (_, v)) in parts.iter().enumerate() {
            let colour = PALETTE[k % PALETTE.len()];
            let (a, b) = if *v >= 0.0 {
                let seg = (right, right + v);
                right += v;
                seg
            } else {
                let seg = (left + v, left);
                left += v;
                seg
            };
            if b > a {
                chart
                    .draw_series([Rectangle::new([(a, y0), (b, y1)], colour.filled())])
                    .map_err(err)?;
            }
        }
    }
    // Legend: every category, in order, with its colour.
    let labels: Vec<&str> = if !c.legend {
        Vec::new()
    } else {
        c.rows
            .first()
            .map(|(_, p)| p.iter().map(|(l, _)| *l).collect())
            .unwrap_or_default()
    };
    for (k, l) in labels.iter().enumerate() {
        let y = 30 + 20 * k as i32;
        legend
            .draw(&Rectangle::new(
                [(6, y), (18, y + 12)],
                PALETTE[k % PALETTE.len()].filled(),
            ))
            .map_err(err)?;
        legend
            .draw(&Text::new(
                l.to_string(),
                (24, y),
                ("sans-serif", 12).into_font().color(&INK),
            ))
            .map_err(err)?;
    }
    root.present().map_err(err)?;
    Ok(())
}

#[cfg(test)]
mod costs_tests {
    use super::*;

    #[test]
    fn stacked_costs_draw_to_svg_with_legend() {
        let rows = vec![
            (
                "Heroin".to_string(),
                vec![
                    ("Treatment", 100.0),
                    ("Police", 40.0),
                    ("Productivity", -10.0),
                ],
            ),
            (
                "Methadone".to_string(),
                vec![
                    ("Treatment", 20.0),
                    ("Police", 90.0),
                    ("Productivity", -5.0),
                ],
            ),
        ];
        let mut svg = String::new();
        {
            let root = SVGBackend::with_string(&mut svg, (720, 300)).into_drawing_area();
            draw_costs(
                &root,
                &CostsChart {
                    title: "Costs by arm",
                    x_label: "USD 2024 per patient",
                    rows: &rows,
                    legend: true,
                },
            )
            .unwrap();
        }
        assert!(svg.contains("Costs by arm") && svg.contains("USD 2024 per patient"));
        assert!(svg.contains("Methadone") && svg.contains("Productivity"));
        assert!(
            svg.matches("<rect").count() >= 6,
            "segments and legend keys"
        );
    }
}

/// The tornado: one bar per parameter from the metric at its low to the metric at its high.
pub struct TornadoChart<'a> {
    /// Chart title.
    pub title: &'a str,
    /// Axis title with its unit.
    pub x_label: &'a str,
    /// The metric with every input at its current value.
    pub base: f64,
    /// (label, metric at low, metric at high), widest first.
    pub bars: &'a [(String, f64, f64)],
}

/// Draw [`TornadoChart`]: bars around the base value, the low end in one colour and the
/// high end in another, the zero line marked.
pub fn draw_tornado<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    c: &TornadoChart<'_>,
) -> Result<(), String> {
    let err = |e: DrawingAreaErrorKind<DB::ErrorType>| e.to_string();
    root.fill(&WHITE).map_err(err)?;
    let n = c.bars.len().max(1);
    let (mut lo, mut hi) = (c.base.min(0.0), c.base.max(0.0));
    for (_, a, b) in c.bars {
        lo = lo.min(*a).min(*b);
        hi = hi.max(*a).max(*b);
    }
    let pad = (hi - lo).max(1.0) * 0.05;
    let mut chart = frame(root, c.title, 8, lo - pad..hi + pad, 0.0..n as f64)?;
    axes(&mut chart, c.x_label)
        .disable_y_mesh()
        .disable_y_axis()
        .draw()
        .map_err(err)?;
    for (i, (label, at_low, at_high)) in c.bars.iter().enumerate() {
        // Widest at the top.
        let row = (n - 1 - i) as f64;
        let (y0, y1) = (row + 0.1, row + 0.55);
        for (v, colour) in [(*at_low, PALETTE[0]), (*at_high, PALETTE[4])] {
            let (a, b) = if v < c.base { (v, c.base) } else { (c.base, v) };
            chart
                .draw_series([Rectangle::new([(a, y0), (b, y1)], colour.filled())])
                .map_err(err)?;
        }
        chart
            .draw_series([Text::new(
                label.clone(),
                (lo - pad, row + 0.95),
                ("sans-serif", 11).into_font().color(&INK),
            )])
            .map_err(err)?;
    }
    chart
        .draw_series(LineSeries::new(
            [(c.base, 0.0), (c.base, n as f64)],
            INK.stroke_width(1),
        ))
        .map_err(err)?;
    chart
        .draw_series(LineSeries::new(
            [(0.0, 0.0), (0.0, n as f64)],
            MARK.stroke_width(2),
        ))
        .map_err(err)?;
    root.present().map_err(err)?;
    Ok(())
}

/// A histogram of Monte Carlo net benefit, with the zero line.
pub fn draw_histogram<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    title: &str,
    x_label: &str,
    edges: &[f64],
    counts: &[usize],
) -> Result<(), String> {
    let err = |e: DrawingAreaErrorKind<DB::ErrorType>| e.to_string();
    root.fill(&WHITE).map_err(err)?;
    let (Some(&x0), Some(&x1)) = (edges.first(), edges.last()) else {
        return Err("no draws".into());
    };
    let top = counts.iter().copied().max().unwrap_or(1).max(1) as f64 * 1.08;
    let mut chart = frame(root, title, 56, x0.min(0.0)..x1.max(0.0), 0.0..top)?;
    axes(&mut chart, x_label)
        .y_desc("Draws")
        .y_label_formatter(&|v| format!("{v:.0}"))
        .draw()
        .map_err(err)?;
    for (w, n) in edges.windows(2).zip(counts) {
        let colour = if w[0] >= 0.0 { PALETTE[3] } else { PALETTE[4] };
        chart
            .draw_series([Rectangle::new(
                [(w[0], 0.0), (w[1], *n as f64)],
                colour.filled(),
            )])
            .map_err(err)?;
    }
    chart
        .draw_series(LineSeries::new(
            [(0.0, 0.0), (0.0, top)],
            INK.stroke_width(2),
        ))
        .map_err(err)?;
    root.present().map_err(err)?;
    Ok(())
}

/// The cost-effectiveness acceptability curve: chance of positive net monetary benefit
/// against willingness to pay per QALY.
pub fn draw_ceac<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    title: &str,
    x_label: &str,
    points: &[(f64, f64)],
) -> Result<(), String> {
    let err = |e: DrawingAreaErrorKind<DB::ErrorType>| e.to_string();
    root.fill(&WHITE).map_err(err)?;
    let x1 = points.last().map_or(1.0, |p| p.0).max(1.0);
    let mut chart = frame(root, title, 56, 0.0..x1, 0.0..1.0)?;
    axes(&mut chart, x_label)
        .y_desc("Chance cost-effective")
        .y_label_formatter(&|v| format!("{:.0}%", v * 100.0))
        .draw()
        .map_err(err)?;
    chart
        .draw_series(LineSeries::new(
            points.iter().copied(),
            LINE.stroke_width(3),
        ))
        .map_err(err)?;
    root.present().map_err(err)?;
    Ok(())
}

#[cfg(test)]
mod analysis_chart_tests {
    use super::*;
    use hatcalc::analysis::{psa, tornado, Metric, PsaConfig};
    use hatcalc::Scenario;

    fn svg(
        w: u32,
        h: u32,
        f: impl FnOnce(&DrawingArea<SVGBackend, Shift>) -> Result<(), String>,
    ) -> String {
        let mut out = String::new();
        {
            let root = SVGBackend::with_string(&mut out, (w, h)).into_drawing_area();
            f(&root).unwrap();
        }
        out
    }

    #[test]
    fn tornado_histogram_and_acceptability_render_with_titles_and_axes() {
        let s = Scenario::us_default();
        let t = tornado(&s, Metric::NetBenefit);
        let base = t.base.unwrap();
        let bars: Vec<(String, f64, f64)> = t
            .bars
            .iter()
            .take(8)
            .map(|b| {
                (
                    b.param.to_string(),
                    b.at_low.unwrap_or(base),
                    b.at_high.unwrap_or(base),
                )
            })
            .collect();
        let out = svg(720, 400, |r| {
            draw_tornado(
                r,
                &TornadoChart {
                    title: "Which assumptions matter",
                    x_label: "Net benefit (USD 2024)",
                    base,
                    bars: &bars,
                },
            )
        });
        assert!(out.contains("Which assumptions matter") && out.contains(&bars[0].0));
        let r = psa(&s, PsaConfig::new(200, 1));
        let out = svg(640, 320, |root| {
            draw_histogram(
                root,
                "Net benefit across draws",
                "USD 2024",
                &r.histogram.edges,
                &r.histogram.counts,
            )
        });
        assert!(out.contains("Net benefit across draws") && out.contains("Draws"));
        let out = svg(640, 320, |root| {
            draw_ceac(root, "Acceptability", "USD per QALY", &r.acceptability)
        });
        assert!(out.contains("Chance cost-effective") && out.contains("<polyline"));
    }
}

/// A two-way heat map of a metric, with its zero contour.
pub struct HeatMap<'a> {
    /// Chart title.
    pub title: &'a str,
    /// X-axis title with unit.
    pub x_label: &'a str,
    /// Y-axis title with unit.
    pub y_label: &'a str,
    /// The grid.
    pub grid: &'a hatcalc::analysis::Grid,
    /// Points where the metric is zero.
    pub contour: &'a [(f64, f64)],
}

/// Draw [`HeatMap`]: cells coloured blue where the metric is positive and orange where it is
/// negative, deeper for larger magnitudes; the zero contour as dots.
pub fn draw_heatmap<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    c: &HeatMap<'_>,
) -> Result<(), String> {
    let err = |e: DrawingAreaErrorKind<DB::ErrorType>| e.to_string();
    root.fill(&WHITE).map_err(err)?;
    let g = c.grid;
    let (Some(&x0), Some(&x1), Some(&y0), Some(&y1)) =
        (g.x.first(), g.x.last(), g.y.first(), g.y.last())
    else {
        return Err("empty grid".into());
    };
    let dx = (x1 - x0) / (g.x.len().max(2) - 1) as f64;
    let dy = (y1 - y0) / (g.y.len().max(2) - 1) as f64;
    let top =
        g.z.iter()
            .flatten()
            .fold(0.0f64, |m, v| m.max(v.abs()))
            .max(1e-9);
    let mut chart = frame(
        root,
        c.title,
        64,
        x0 - dx / 2.0..x1 + dx / 2.0,
        y0 - dy / 2.0..y1 + dy / 2.0,
    )?;
    axes(&mut chart, c.x_label)
        .disable_mesh()
        .y_desc(c.y_label)
        .y_labels(6)
        .y_label_formatter(&compact_label)
        .draw()
        .map_err(err)?;
    let cells = g.y.iter().enumerate().flat_map(|(j, y)| {
        g.x.iter().enumerate().map(move |(i, x)| {
            // Undefined cells are drawn blank (white: no colour at all).
            let cell = g.at(i, j);
            let k = cell.map_or(0.0, |v| (v.abs() / top).sqrt());
            let v = cell.unwrap_or(0.0);
            let mix = |a: u8, b: u8| (f64::from(a) + (f64::from(b) - f64::from(a)) * k) as u8;
            let colour = if v >= 0.0 {
                RGBColor(mix(255, 0), mix(255, 90), mix(255, 160))
            } else {
                RGBColor(mix(255, 213), mix(255, 94), mix(255, 0))
            };
            Rectangle::new(
                [(x - dx / 2.0, y - dy / 2.0), (x + dx / 2.0, y + dy / 2.0)],
                colour.filled(),
            )
        })
    });
    chart.draw_series(cells).map_err(err)?;
    chart
        .draw_series(
            c.contour
                .iter()
                .map(|(x, y)| Circle::new((*x, *y), 3, INK.filled())),
        )
        .map_err(err)?;
    root.present().map_err(err)?;
    Ok(())
}

/// The page's drawing backend: a canvas, with text measured off the page.
pub type Canvas = Measured<plotters_canvas::CanvasBackend>;

/// Draw on the canvas behind `canvas`, if it is mounted; a drawing error is logged, never
/// shown as a broken page.
pub fn draw_on_canvas(
    canvas: &yew::NodeRef,
    draw: impl FnOnce(&DrawingArea<Canvas, Shift>) -> Result<(), String>,
) {
    let backend = canvas
        .cast::<web_sys::HtmlCanvasElement>()
        .and_then(plotters_canvas::CanvasBackend::with_canvas_object)
        .map(Measured);
    if let Some(backend) = backend {
        if let Err(e) = draw(&backend.into_drawing_area()) {
            gloo::console::error!(format!("chart: {e}"));
        }
    }
}

/// How long changes must pause before a chart out of view is drawn.
const OFF_SCREEN_SETTLE: std::time::Duration = std::time::Duration::from_millis(250);

/// What a chart view has drawn and what it should show.
#[derive(Default)]
struct Shown {
    /// The canvas element watched, and its intersection observer.
    watch: Option<Watch>,
    /// Whether that canvas is in view (as its observer last said).
    visible: bool,
    /// The figure on that canvas.
    drawn: Option<Rc<Figure>>,
    /// The figure it should show.
    latest: Option<Rc<Figure>>,
}

impl Shown {
    /// Draw the latest figure on `canvas` unless it is already there.
    fn catch_up(&mut self, canvas: &yew::NodeRef) {
        if let Some(fig) = &self.latest {
            if self.drawn.as_ref().is_none_or(|d| !Rc::ptr_eq(d, fig)) {
                draw_on_canvas(canvas, |area| fig.draw(area, false));
                self.drawn = Some(fig.clone());
            }
        }
    }
}

/// Draw `figure` on `canvas` after each render in which it changed (nothing while `None`):
/// how every chart view keeps its canvas in step with its data. A chart in view is drawn at
/// once; one out of view (scrolled away, or in a closed section) is drawn when it comes into
/// view or once changes pause, so a slider drag does not draw charts nobody can see. The
/// first figure on a canvas element (a new one too, where a view renders its canvas only
/// sometimes) is drawn at once.
#[yew::hook]
pub fn use_figure(canvas: &yew::NodeRef, figure: Option<Rc<Figure>>) {
    let shown = yew::use_mut_ref(Shown::default);
    {
        // The observer's callback holds `shown`: let go of it when the view goes.
        let shown = shown.clone();
        yew::use_effect_with((), move |_| move || shown.borrow_mut().watch = None);
    }
    let canvas = canvas.clone();
    yew::use_effect_with(figure, move |fig| {
        let cancelled = Rc::new(std::cell::Cell::new(false));
        if let Some(fig) = fig {
            watch(&shown, &canvas);
            let now = {
                let mut s = shown.borrow_mut();
                s.latest = Some(fig.clone());
                s.visible || s.drawn.is_none()
            };
            if now {
                shown.borrow_mut().catch_up(&canvas);
            } else {
                let cancelled = cancelled.clone();
                yew::platform::spawn_local(async move {
                    yew::platform::time::sleep(OFF_SCREEN_SETTLE).await;
                    if !cancelled.get() {
                        shown.borrow_mut().catch_up(&canvas);
                    }
                });
            }
        }
        move || cancelled.set(true)
    });
}

/// Watch the element behind `canvas` if it is not watched yet: a new element starts as not
/// drawn and out of view until its observer says otherwise.
fn watch(shown: &Rc<std::cell::RefCell<Shown>>, canvas: &yew::NodeRef) {
    let Some(el) = canvas.cast::<web_sys::Element>() else {
        return;
    };
    if shown
        .borrow()
        .watch
        .as_ref()
        .is_some_and(|w| w.element == el)
    {
        return;
    }
    let (target, weak) = (canvas.clone(), Rc::downgrade(shown));
    let watch = watch_visibility(el, move |visible| {
        if let Some(shown) = weak.upgrade() {
            let mut s = shown.borrow_mut();
            s.visible = visible;
            if visible {
                s.catch_up(&target);
            }
        }
    });
    let mut s = shown.borrow_mut();
    s.watch = watch;
    s.visible = false;
    s.drawn = None;
}

/// An intersection observer of `el`, calling `on_change` with whether it is in view whenever
/// that changes; it stops when dropped. None where the browser has no such observer (the
/// chart is then drawn as if out of view: once changes pause).
fn watch_visibility(el: web_sys::Element, on_change: impl Fn(bool) + 'static) -> Option<Watch> {
    use wasm_bindgen::closure::Closure;
    use wasm_bindgen::JsCast;
    let callback = Closure::<dyn Fn(js_sys::Array)>::new(move |entries: js_sys::Array| {
        let visible = entries
            .iter()
            .filter_map(|e| e.dyn_into::<web_sys::IntersectionObserverEntry>().ok())
            .next_back()
            .is_some_and(|e| e.is_intersecting());
        on_change(visible);
    });
    let observer = web_sys::IntersectionObserver::new(callback.as_ref().unchecked_ref()).ok()?;
    observer.observe(&el);
    Some(Watch {
        element: el,
        observer,
        _callback: callback,
    })
}

/// A running intersection observer of one element, and its callback; disconnected when
/// dropped.
struct Watch {
    element: web_sys::Element,
    observer: web_sys::IntersectionObserver,
    _callback: wasm_bindgen::closure::Closure<dyn Fn(js_sys::Array)>,
}

impl Drop for Watch {
    fn drop(&mut self) {
        self.observer.disconnect();
    }
}

/// A chart with the data it shows, owned, so that the page and every export draw it from
/// the same value.
#[derive(Debug, PartialEq)]
pub enum Figure {
    /// A break-even curve.
    Curve {
        /// Chart title.
        title: String,
        /// X-axis title with unit.
        x_label: String,
        /// Y-axis title with unit.
        y_label: String,
        /// The curve.
        curve: Rc<Curve>,
        /// Current value of the parameter.
        current: f64,
    },
    /// Costs by arm and category.
    Costs {
        /// Chart title.
        title: String,
        /// Axis title with unit.
        x_label: String,
        /// Rows.
        rows: Rc<CostRows>,
    },
    /// A tornado.
    Tornado {
        /// Chart title.
        title: String,
        /// Axis title with unit.
        x_label: String,
        /// Metric with every input as set.
        base: f64,
        /// (label, at low, at high).
        bars: Vec<(String, f64, f64)>,
    },
    /// A histogram of Monte Carlo net benefit.
    Histogram {
        /// Chart title.
        title: String,
        /// Axis title with unit.
        x_label: String,
        /// Bin edges.
        edges: Vec<f64>,
        /// Draws per bin.
        counts: Vec<usize>,
    },
    /// A cost-effectiveness acceptability curve.
    Ceac {
        /// Chart title.
        title: String,
        /// Axis title with unit.
        x_label: String,
        /// (willingness to pay, chance).
        points: Vec<(f64, f64)>,
    },
    /// A two-way heat map.
    HeatMap {
        /// Chart title.
        title: String,
        /// X-axis title with unit.
        x_label: String,
        /// Y-axis title with unit.
        y_label: String,
        /// The grid and its zero contour.
        grid: Rc<(hatcalc::analysis::Grid, Vec<(f64, f64)>)>,
    },
}

impl Figure {
    /// The chart's title.
    pub fn title(&self) -> &str {
        match self {
            Figure::Curve { title, .. }
            | Figure::Costs { title, .. }
            | Figure::Tornado { title, .. }
            | Figure::Histogram { title, .. }
            | Figure::Ceac { title, .. }
            | Figure::HeatMap { title, .. } => title,
        }
    }

    /// Size of an exported image, in pixels, chart and footer together.
    pub fn export_size(&self) -> (u32, u32) {
        match self {
            Figure::Tornado { .. } | Figure::HeatMap { .. } => (1000, 760),
            Figure::Costs { .. } => (1000, 520),
            _ => (1000, 620),
        }
    }

    /// Draw on `root`; `legend` draws the costs chart's legend inside the chart (exports).
    pub fn draw<DB: DrawingBackend>(
        &self,
        root: &DrawingArea<DB, Shift>,
        legend: bool,
    ) -> Result<(), String> {
        match self {
            Figure::Curve {
                title,
                x_label,
                y_label,
                curve,
                current,
            } => draw_curve(
                root,
                &CurveChart {
                    title,
                    x_label,
                    y_label,
                    curve,
                    current: *current,
                },
            ),
            Figure::Costs {
                title,
                x_label,
                rows,
            } => draw_costs(
                root,
                &CostsChart {
                    title,
                    x_label,
                    rows,
                    legend,
                },
            ),
            Figure::Tornado {
                title,
                x_label,
                base,
                bars,
            } => draw_tornado(
                root,
                &TornadoChart {
                    title,
                    x_label,
                    base: *base,
                    bars,
                },
            ),
            Figure::Histogram {
                title,
                x_label,
                edges,
                counts,
            } => draw_histogram(root, title, x_label, edges, counts),
            Figure::Ceac {
                title,
                x_label,
                points,
            } => draw_ceac(root, title, x_label, points),
            Figure::HeatMap {
                title,
                x_label,
                y_label,
                grid,
            } => draw_heatmap(
                root,
                &HeatMap {
                    title,
                    x_label,
                    y_label,
                    grid: &grid.0,
                    contour: &grid.1,
                },
            ),
        }
    }
}

/// Characters of the permalink per footer line of an exported chart.
const LINK_LINE: usize = 150;

/// Draw `fig` for export: the chart with its legend, and below it a footer with the source
/// line and the permalink (wrapped), so that the image explains itself wherever it goes.
pub fn draw_export<DB: DrawingBackend>(
    root: &DrawingArea<DB, Shift>,
    fig: &Figure,
    source: &str,
    permalink: &str,
) -> Result<(), String> {
    let err = |e: DrawingAreaErrorKind<DB::ErrorType>| e.to_string();
    root.fill(&WHITE).map_err(err)?;
    let chars: Vec<char> = permalink.chars().collect();
    let link: Vec<String> = chars.chunks(LINK_LINE).map(String::from_iter).collect();
    let line = 16;
    let footer = (line * (2 + link.len()) + 12) as u32;
    let (_, h) = root.dim_in_pixel();
    let (chart, foot) = root.split_vertically(h.saturating_sub(footer));
    fig.draw(&chart, true)?;
    let style = ("sans-serif", 13).into_font().color(&INK);
    let mut y = 6;
    foot.draw_text(&format!("Source: {source}"), &style, (12, y))
        .map_err(err)?;
    y += line as i32;
    foot.draw_text("Permalink (every input, reproducible):", &style, (12, y))
        .map_err(err)?;
    for part in &link {
        y += line as i32;
        foot.draw_text(part, &style, (12, y)).map_err(err)?;
    }
    root.present().map_err(err)?;
    Ok(())
}

#[cfg(test)]
mod export_tests {
    use super::*;
    use hatcalc::analysis::{curve, Metric};
    use hatcalc::{Scenario, P};

    #[test]
    fn an_exported_chart_carries_title_units_source_and_the_whole_permalink() {
        let s = Scenario::us_default();
        let fig = Figure::Curve {
            title: "Net benefit over the horizon, per patient".into(),
            x_label: "Heroin-assisted treatment: cost per patient-year (USD per patient-year)"
                .into(),
            y_label: "Net benefit (USD 2024)".into(),
            curve: Rc::new(curve(&s, P::DamCostYear, Metric::NetBenefit, 40)),
            current: s.get(P::DamCostYear),
        };
        let link = format!(
            "http://127.0.0.1:8080/?v=1&preset=us{}",
            "&x.econ.vsl=1".repeat(30)
        );
        let mut svg = String::new();
        {
            let root = SVGBackend::with_string(&mut svg, fig.export_size()).into_drawing_area();
            draw_export(&root, &fig, "hatcalc 0.1.0", &link).unwrap();
        }
        assert!(svg.contains(fig.title()));
        assert!(svg.contains("(USD per patient-year)") && svg.contains("Net benefit (USD 2024)"));
        assert!(svg.contains("Source: hatcalc 0.1.0"));
        // The permalink is wrapped over lines; joined again it is whole.
        let escaped = link.replace('&', "&amp;");
        let texts: String = svg
            .split("<text")
            .filter_map(|t| t.split_once('>').and_then(|(_, r)| r.split_once("</text>")))
            .map(|(t, _)| t.trim())
            .filter(|t| t.starts_with("http") || t.contains("x.econ"))
            .collect();
        assert_eq!(texts, escaped);
    }
}
