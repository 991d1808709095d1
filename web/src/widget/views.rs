//! The widget's views as markup: the same elements, ids and words as the page's yew
//! components (`components::headline`, `components::curve`, `components::number_input`),
//! whose texts and rules they share; `web/tests/components.rs` compares the two.

use crate::components::curve::{max_cost_words, SAVINGS_NOTE, TABLE_EVERY};
use crate::components::headline::HeadlineWords;
use crate::components::number_input::{
    conversion_note, dom_id, note_kind, ASSUMPTION_TITLE, GRADE_TITLE,
};
use crate::format;
use crate::markup::{esc, Markup};
use crate::texts::cite;
use hatcalc::analysis::{Curve, Thresholds};
use hatcalc::model::Outcome;
use hatcalc::presets::find as find_preset;
use hatcalc::{Perspective, Scenario, P};

/// The headline, as the page's `Headline` writes it without the Monte Carlo's chances and the
/// note on assumptions (the widget runs neither): the chosen perspective's number, every
/// perspective side by side, in words who pays and who gains (worded by `hatcalc::decide`).
pub fn headline(s: &Scenario, o: &Outcome) -> String {
    let w = HeadlineWords::of(s, o);
    let (cur, chosen, h) = (w.cur, w.chosen, &w.h);
    let c = o.chosen(chosen);
    let col = |p: Perspective| (p == chosen).then_some("chosen");
    let mine = |p: Perspective, id: &'static str| (p == chosen).then_some(id);
    let mut m = Markup::new();
    m.el(
        "p",
        &[("class", Some("big")), ("id", Some("net-benefit"))],
        &format::money(c.net_benefit_per_year, cur),
    )
    .el("p", &[("id", Some("headline-caption"))], &w.caption)
    .el("p", &[("id", Some("headline-sentence"))], &w.words)
    .open(
        "table",
        &[
            ("class", Some("perspectives")),
            ("id", Some("perspectives")),
        ],
    )
    .el(
        "caption",
        &[("class", Some("visually-hidden"))],
        "The result under each perspective",
    )
    .raw("<thead><tr>")
    .el("th", &[("scope", Some("col"))], "Per patient-year");
    for r in &h.rows {
        m.el(
            "th",
            &[("scope", Some("col")), ("class", col(r.perspective))],
            r.perspective.label(),
        );
    }
    m.raw("</tr></thead><tbody><tr>")
        .el("th", &[("scope", Some("row"))], "Net benefit");
    for r in &h.rows {
        m.el(
            "td",
            &[("class", col(r.perspective))],
            &format::money(r.net_benefit_per_year, cur),
        );
    }
    m.raw("</tr><tr>")
        .el("th", &[("scope", Some("row"))], "Benefit–cost ratio");
    for r in &h.rows {
        let ratio = r
            .benefit_cost_ratio
            .map(format::ratio)
            .unwrap_or_else(|| "no extra treatment cost".into());
        m.el(
            "td",
            &[
                ("class", col(r.perspective)),
                ("id", mine(r.perspective, "bcr")),
            ],
            &ratio,
        );
    }
    m.raw("</tr></tbody></table><dl>")
        .el("dt", &[], "First year")
        .el(
            "dd",
            &[("id", Some("net-benefit-year-one"))],
            &format::money(c.net_benefit_year_one, cur),
        )
        .el("dt", &[], "QALYs gained per patient")
        .el("dd", &[], &format::number(c.delta_qalys))
        .el("dt", &[], "Cost-effectiveness")
        .el("dd", &[], &w.icer)
        .raw("</dl>")
        .el(
            "p",
            &[("class", Some("muted")), ("id", Some("death-valuation"))],
            &format!("Deaths are valued {}.", c.scope.death_valuation()),
        );
    m.finish()
}

/// The break-even curve's data table (every `TABLE_EVERY`th point), in `cur`, as the page's.
pub fn data_table(curve: &Curve, x_label: &str, cur: &str) -> String {
    let mut m = Markup::new();
    m.raw("<table><thead><tr>")
        .el("th", &[("scope", Some("col"))], x_label)
        .el(
            "th",
            &[("scope", Some("col"))],
            &format!("Net benefit ({cur})"),
        )
        .raw("</tr></thead><tbody>");
    for (x, y) in curve.x.iter().zip(&curve.y).step_by(TABLE_EVERY) {
        m.raw("<tr>")
            .el("td", &[], &format::number(*x))
            .el("td", &[], &format::money(*y, cur))
            .raw("</tr>");
    }
    m.raw("</tbody></table>");
    m.finish()
}

/// "What it takes to break even", as the page's: under each perspective, the savings needed
/// and made per treated patient-year and the highest treatment cost that breaks even.
pub fn thresholds(limits: &Thresholds, cur: &str) -> String {
    let by = &limits.by_perspective;
    let mut m = Markup::new();
    m.el(
        "h4",
        &[("id", Some("thresholds-h"))],
        "What it takes to break even",
    )
    .open(
        "table",
        &[
            ("id", Some("thresholds")),
            ("aria-labelledby", Some("thresholds-h")),
        ],
    )
    .raw("<thead><tr>")
    .el("th", &[("scope", Some("col"))], "Per treated patient-year");
    for t in by {
        m.el("th", &[("scope", Some("col"))], t.perspective.label());
    }
    m.raw("</tr></thead><tbody><tr>").el(
        "th",
        &[("scope", Some("row"))],
        "Savings needed (the extra treatment cost)",
    );
    for t in by {
        m.el(
            "td",
            &[],
            &format::money(t.savings_needed_per_treated_year, cur),
        );
    }
    m.raw("</tr><tr>")
        .el("th", &[("scope", Some("row"))], "Savings made");
    for t in by {
        m.el("td", &[], &format::money(t.savings_per_treated_year, cur));
    }
    m.raw("</tr><tr>").el(
        "th",
        &[("scope", Some("row"))],
        &format!(
            "Highest treatment cost that breaks even (now {})",
            format::money(limits.treatment_cost, cur)
        ),
    );
    for t in by {
        m.el("td", &[], &max_cost_words(t.max_treatment_cost, cur));
    }
    m.raw("</tr></tbody></table>")
        .el("p", &[("class", Some("muted"))], SAVINGS_NOTE);
    m.finish()
}

/// The label's tag: "assumption", or the grade of the evidence behind the default.
fn tag(m: &mut Markup, p: P) {
    let origin = &p.def().origin;
    if origin.is_assumption() {
        m.el(
            "span",
            &[("class", Some("tag")), ("title", Some(ASSUMPTION_TITLE))],
            "assumption",
        );
    } else {
        m.el(
            "span",
            &[("class", Some("tag grade")), ("title", Some(GRADE_TITLE))],
            origin.grade().label(),
        );
    }
}

/// One input's markup, as the page's (`NumberInput`); its values are written in place by the
/// widget (`dom::Field::update`).
pub fn field(p: P, s: &Scenario) -> String {
    let def = p.def();
    let id = dom_id(p);
    let basis = s.basis();
    let mut m = Markup::new();
    let (num, err) = (format!("{id}-num"), format!("{id}-error"));
    m.open(
        "div",
        &[
            ("class", Some("field")),
            ("id", Some(&format!("{id}-field"))),
        ],
    )
    .open("label", &[("for", Some(&num))])
    .text(def.label)
    .el(
        "span",
        &[("class", Some("unit"))],
        &format!(" ({})", def.unit.text(basis.economy.currency())),
    );
    tag(&mut m, p);
    m.close("label")
        .open("div", &[("class", Some("controls"))])
        .open(
            "input",
            &[
                ("type", Some("range")),
                ("id", Some(&format!("{id}-range"))),
                ("data-p", Some(def.id)),
                ("aria-label", Some(&format!("{} slider", def.label))),
            ],
        )
        .open(
            "input",
            &[
                ("type", Some("text")),
                ("inputmode", Some("decimal")),
                ("id", Some(&num)),
                ("data-p", Some(def.id)),
                ("aria-describedby", Some(&err)),
            ],
        )
        .open(
            "button",
            &[
                ("type", Some("button")),
                ("data-reset", Some("")),
                ("data-p", Some(def.id)),
                (
                    "aria-label",
                    Some(&format!("Reset {} to default", def.label)),
                ),
            ],
        )
        .text("Reset")
        .close("button")
        .close("div")
        .el("p", &[("class", Some("range-note"))], "")
        .open("details", &[("class", Some("source"))])
        .el("summary", &[], &note_kind(p))
        .el(
            "p",
            &[("class", Some("muted"))],
            "How this figure was derived is in the full calculator.",
        );
    if let Some(c) = conversion_note(p, basis, s.default_of(p)) {
        m.el("p", &[], &c);
    }
    m.raw("<ul>");
    for src in def.origin.source_ids() {
        m.el("li", &[], cite(src));
    }
    m.raw("</ul></details></div>");
    m.finish()
}

/// A message for the top: a link that was refused, and why.
pub fn notice(text: &str) -> String {
    let mut m = Markup::new();
    m.open(
        "div",
        &[
            ("class", Some("notice")),
            ("role", Some("alert")),
            ("id", Some("notice")),
        ],
    )
    .el("span", &[], text)
    .close("div");
    m.finish()
}

/// "Defaults: …": the preset, its sources as short cites, and where the rest is.
pub fn sources(preset: &str) -> String {
    let preset = find_preset(preset);
    let cited: Vec<&str> = preset
        .map(|p| p.sources)
        .unwrap_or_default()
        .iter()
        .map(|id| cite(id))
        .collect();
    let mut text = format!("Defaults: {}", preset.map_or("", |p| p.name));
    if !cited.is_empty() {
        text.push_str(&format!(" ({})", cited.join("; ")));
    }
    text.push_str(&format!(
        ". Every other input and its source, the methods and the uncertainty are in the full calculator. Model and data version {}.",
        hatcalc::MODEL_VERSION
    ));
    esc(&text)
}
