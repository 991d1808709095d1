//! The break-even curve as SVG markup, for the widget: the same chart as the page's
//! ([`super::draw_curve`]) without plotters, whose drawing code is a fifth of the widget's
//! bundle. The markup scales with its box (`viewBox`), so the browser lays its text out.

use super::{compact, curve_bounds};
use crate::markup::{esc, Markup};
use hatcalc::analysis::Curve;
use std::fmt::Write;

/// The drawing's size in its own units (the page's canvas is as large).
const W: f64 = 640.0;
const H: f64 = 360.0;
/// The plot's edges: room for the title above, the y labels and title left, the x labels
/// and title below.
const LEFT: f64 = 94.0;
const RIGHT: f64 = W - 10.0;
const TOP: f64 = 40.0;
const BOTTOM: f64 = H - 54.0;

/// About `n` round values spanning `lo..=hi` (steps of 1, 2 or 5 times a power of ten).
pub fn ticks(lo: f64, hi: f64, n: usize) -> Vec<f64> {
    let span = hi - lo;
    if !(span.is_finite() && span > 0.0) || n == 0 {
        return vec![lo];
    }
    let raw = span / n as f64;
    let mag = 10f64.powf(raw.log10().floor());
    let step = [1.0, 2.0, 5.0, 10.0]
        .iter()
        .map(|m| m * mag)
        .find(|s| span / s <= n as f64)
        .unwrap_or(10.0 * mag);
    let first = (lo / step).ceil() as i64;
    let last = (hi / step).floor() as i64;
    // A zero that rounding leaves as -0 is shown as 0.
    (first..=last).map(|i| i as f64 * step + 0.0).collect()
}

/// The chart: net benefit against the input varied, the zero line, the break-even point and
/// the current value; `label` describes it for screen readers.
pub fn curve_svg(
    title: &str,
    x_label: &str,
    y_label: &str,
    curve: &Curve,
    current: f64,
    label: &str,
) -> String {
    let (xs, ys) = (&curve.x, &curve.y);
    let Some((x0, x1, y0, y1)) = curve_bounds(curve) else {
        let mut m = Markup::new();
        m.el("p", &[("class", Some("muted"))], "No points to draw.");
        return m.finish();
    };
    let px = |x: f64| LEFT + (x - x0) / (x1 - x0) * (RIGHT - LEFT);
    let py = |y: f64| BOTTOM - (y - y0) / (y1 - y0) * (BOTTOM - TOP);
    let mut s = String::with_capacity(4096);
    let _ = write!(
        s,
        "<svg id=\"curve-svg\" viewBox=\"0 0 {W} {H}\" role=\"img\" aria-label=\"{}\" font-family=\"sans-serif\" fill=\"#212529\">",
        esc(label)
    );
    let _ = write!(s, "<rect width=\"{W}\" height=\"{H}\" fill=\"#fff\"/>");
    let _ = write!(
        s,
        "<text x=\"{}\" y=\"24\" font-size=\"18\" text-anchor=\"middle\">{}</text>",
        W / 2.0,
        esc(title)
    );
    // Grid lines and their labels.
    for t in ticks(x0, x1, 6) {
        let x = px(t);
        let _ = write!(
            s,
            "<line x1=\"{x:.1}\" y1=\"{TOP}\" x2=\"{x:.1}\" y2=\"{BOTTOM}\" stroke=\"#ddd\"/><text x=\"{x:.1}\" y=\"{}\" font-size=\"12\" text-anchor=\"middle\">{}</text>",
            BOTTOM + 16.0,
            esc(&compact(t))
        );
    }
    for t in ticks(y0, y1, 6) {
        let y = py(t);
        let _ = write!(
            s,
            "<line x1=\"{LEFT}\" y1=\"{y:.1}\" x2=\"{RIGHT}\" y2=\"{y:.1}\" stroke=\"#ddd\"/><text x=\"{}\" y=\"{:.1}\" font-size=\"12\" text-anchor=\"end\">{}</text>",
            LEFT - 6.0,
            y + 4.0,
            esc(&compact(t))
        );
    }
    let _ = write!(
        s,
        "<path d=\"M{LEFT} {TOP}V{BOTTOM}H{RIGHT}\" fill=\"none\" stroke=\"#212529\"/>"
    );
    let _ = write!(
        s,
        "<text x=\"{}\" y=\"{}\" font-size=\"14\" text-anchor=\"middle\">{}</text>",
        (LEFT + RIGHT) / 2.0,
        H - 12.0,
        esc(x_label)
    );
    let _ = write!(
        s,
        "<text transform=\"translate(22 {}) rotate(-90)\" font-size=\"14\" text-anchor=\"middle\">{}</text>",
        (TOP + BOTTOM) / 2.0,
        esc(y_label)
    );
    // The zero line, then the curve.
    let _ = write!(
        s,
        "<line x1=\"{LEFT}\" y1=\"{0:.1}\" x2=\"{RIGHT}\" y2=\"{0:.1}\" stroke=\"#787878\"/>",
        py(0.0)
    );
    s.push_str("<polyline fill=\"none\" stroke=\"#005aa0\" stroke-width=\"3\" stroke-linejoin=\"round\" points=\"");
    for (x, y) in xs.iter().zip(ys) {
        let _ = write!(s, "{:.1},{:.1} ", px(*x), py(*y));
    }
    s.push_str("\"/>");
    if let Some(be) = curve.break_even {
        // The label reads away from the nearer side, so it is never cut off at the edge.
        let right = be > x0 + (x1 - x0) * 0.6;
        let (x, y) = (px(be), py(0.0));
        let _ = write!(
            s,
            "<circle cx=\"{x:.1}\" cy=\"{y:.1}\" r=\"6\" fill=\"#be1e2d\"/><text x=\"{:.1}\" y=\"{:.1}\" font-size=\"13\" fill=\"#be1e2d\" text-anchor=\"{}\">break-even {}</text>",
            if right { x - 8.0 } else { x + 8.0 },
            y + 20.0,
            if right { "end" } else { "start" },
            esc(&compact(be))
        );
    }
    if current >= x0 && current <= x1 {
        let x = px(current);
        let _ = write!(
            s,
            "<line x1=\"{x:.1}\" y1=\"{TOP}\" x2=\"{x:.1}\" y2=\"{BOTTOM}\" stroke=\"#212529\"/>"
        );
    }
    s.push_str("</svg>");
    s
}

#[cfg(test)]
mod tests {
    use super::*;
    use hatcalc::analysis::Metric;

    #[test]
    fn ticks_are_round_and_inside() {
        assert_eq!(ticks(0.0, 10.0, 5), vec![0.0, 2.0, 4.0, 6.0, 8.0, 10.0]);
        assert_eq!(
            ticks(29_170.0, 58_340.0, 6),
            vec![30_000.0, 35_000.0, 40_000.0, 45_000.0, 50_000.0, 55_000.0]
        );
        assert_eq!(ticks(-0.3, 0.3, 6), vec![-0.2, -0.1, 0.0, 0.1, 0.2]);
        assert_eq!(ticks(1.0, 1.0, 6), vec![1.0]);
    }

    #[test]
    fn the_chart_marks_break_even_and_the_current_value_and_escapes_its_texts() {
        let curve = Curve {
            param: "dam.cost_year",
            metric: Metric::NetBenefit,
            x: vec![0.0, 1.0, 2.0],
            y: vec![-10.0, 0.0, 10.0],
            crossings: vec![1.0],
            break_even: Some(1.0),
        };
        let svg = curve_svg("T <1>", "x & y", "y", &curve, 1.5, "a \"b\"");
        assert!(svg.starts_with("<svg") && svg.ends_with("</svg>"));
        assert!(svg.contains("T &lt;1&gt;") && svg.contains("x &amp; y"));
        assert!(svg.contains("aria-label=\"a &quot;b&quot;\""));
        assert!(svg.contains("break-even 1"));
        assert_eq!(svg.matches("<polyline").count(), 1);
        assert_eq!(
            svg.matches("stroke=\"#212529\"/>").count(),
            2,
            "the axes and the current value"
        );
        let empty = Curve {
            x: vec![],
            y: vec![],
            crossings: vec![],
            break_even: None,
            ..curve
        };
        let none = curve_svg("T", "x", "y", &empty, 0.0, "");
        assert!(!none.contains("<svg"));
    }
}
