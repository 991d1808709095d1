//! Conventions kept inside `cargo test`: every Rust module says what it owns in a `//!` line,
//! and the model crate has no dependency on the browser.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use std::fs;
use std::path::Path;

fn rust_files(dir: &Path, out: &mut Vec<std::path::PathBuf>) {
    for e in fs::read_dir(dir).unwrap().flatten() {
        let p = e.path();
        if p.is_dir() {
            rust_files(&p, out);
        } else if p.extension().is_some_and(|x| x == "rs") {
            out.push(p);
        }
    }
}

#[test]
fn every_module_starts_with_a_doc_comment() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let mut files = Vec::new();
    for d in ["src", "tests", "web/src", "web/tests"] {
        rust_files(&root.join(d), &mut files);
    }
    for f in files {
        let text = fs::read_to_string(&f).unwrap();
        assert!(
            text.starts_with("//!"),
            "{} must start with a //! line",
            f.display()
        );
    }
}

#[test]
fn the_model_knows_nothing_of_the_browser() {
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let manifest = fs::read_to_string(root.join("Cargo.toml")).unwrap();
    let deps = manifest
        .split("[dependencies]")
        .nth(1)
        .unwrap()
        .split("\n[")
        .next()
        .unwrap();
    for banned in ["yew", "web-sys", "plotters", "wasm-bindgen", "gloo"] {
        assert!(!deps.contains(banned), "src/ must not depend on {banned}");
    }
    let mut files = Vec::new();
    rust_files(&root.join("src"), &mut files);
    for f in files {
        let text = fs::read_to_string(&f).unwrap();
        for banned in ["yew::", "web_sys", "plotters", "wasm_bindgen"] {
            assert!(!text.contains(banned), "{} mentions {banned}", f.display());
        }
    }
}

/// The numbers in `text` between `start` and the first blank line after it.
fn numbers_after(text: &str, start: &str) -> Vec<f64> {
    let from = text.find(start).unwrap();
    text[from..]
        .split("\n\n")
        .next()
        .unwrap()
        .split(|c: char| !(c.is_ascii_digit() || c == '.'))
        .filter(|t| t.contains('.'))
        .map(|t| t.parse().unwrap())
        .collect()
}

#[test]
fn the_documented_data_are_the_data_the_model_uses() {
    use hatcalc::lifetable::life_table;
    use hatcalc::model::phase::FIT;
    use hatcalc::money::Economy;
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    // Appendix A of docs/model.md is the phase-type table, row for row.
    let doc = fs::read_to_string(root.join("docs/model.md")).unwrap();
    let documented = numbers_after(&doc, "| γ | μ₁ |");
    let compiled: Vec<f64> = FIT.iter().flatten().copied().collect();
    assert_eq!(
        documented, compiled,
        "docs/model.md Appendix A differs from FIT"
    );
    // docs/data/lifetable-XX.csv are the compiled life tables.
    for e in Economy::ALL {
        let csv =
            fs::read_to_string(root.join(format!("docs/data/lifetable-{}.csv", e.code()))).unwrap();
        let t = life_table(e);
        for (age, line) in csv.lines().skip(1).enumerate() {
            let v: Vec<f64> = line.split(',').map(|x| x.parse().unwrap()).collect();
            assert_eq!(
                v,
                [age as f64, t.male(age), t.female(age)],
                "{e:?} age {age}"
            );
        }
    }
}

#[test]
fn the_world_bank_series_read_are_the_series_the_converter_uses() {
    use hatcalc::money::Economy;
    // docs/evidence/money.csv holds the World Bank series at full precision with where each
    // was read; the economies converted with them must match it year by year.
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let csv = fs::read_to_string(root.join("docs/evidence/money.csv")).unwrap();
    let mut checked = 0;
    for line in csv.lines().skip(1) {
        let f: Vec<&str> = line.split(',').collect();
        let Some(e) = Economy::ALL
            .into_iter()
            .find(|e| e.cpi_source() == "wdi_cpi" && iso3(*e) == f[0])
        else {
            continue;
        };
        let year: u16 = f[2].parse().unwrap();
        let Ok(value) = f[3].parse::<f64>() else {
            continue;
        };
        match f[1] {
            "CPI_FP.CPI.TOTL_2010=100" => {
                assert_eq!(e.cpi(year), Some(value), "{e:?} CPI {year}");
                checked += 1;
            }
            "PPP_GDP_PA.NUS.PPP_LCU_per_intl$" if e.ppp(year).is_some() => {
                assert_eq!(e.ppp(year), Some(value), "{e:?} PPP {year}");
                checked += 1;
            }
            _ => {}
        }
    }
    let wdi = Economy::ALL
        .iter()
        .filter(|e| e.cpi_source() == "wdi_cpi")
        .count();
    assert_eq!(
        checked,
        wdi * 36,
        "35 years of CPI and one parity per economy"
    );
}

fn iso3(e: hatcalc::money::Economy) -> &'static str {
    use hatcalc::money::Economy::*;
    match e {
        CH => "CHE",
        DK => "DNK",
        AU => "AUS",
        BE => "BEL",
        ES => "ESP",
        AT => "AUT",
        FR => "FRA",
        IE => "IRL",
        NO => "NOR",
        _ => "",
    }
}

/// The front end's modules, each named by its path under `web/src` ("page/results"), with the
/// modules it names through `crate::…` or `super::…`.
fn web_module_imports() -> Vec<(String, Vec<String>)> {
    let src = Path::new(env!("CARGO_MANIFEST_DIR")).join("web/src");
    let mut files = Vec::new();
    rust_files(&src, &mut files);
    let name = |p: &Path| {
        let rel = p.strip_prefix(&src).unwrap().with_extension("");
        let rel = rel.to_string_lossy().replace('\\', "/");
        rel.strip_suffix("/mod").unwrap_or(&rel).to_string()
    };
    let modules: Vec<String> = files.iter().map(|f| name(f)).collect();
    files
        .iter()
        .map(|f| {
            let me = name(f);
            let text = fs::read_to_string(f).unwrap();
            let parent = me.rsplit_once('/').map_or("", |(d, _)| d).to_string();
            let mut uses = Vec::new();
            for (prefix, base) in [("crate::", String::new()), ("super::", parent)] {
                for (i, _) in text.match_indices(prefix) {
                    let path: String = text[i + prefix.len()..]
                        .chars()
                        .take_while(|c| c.is_alphanumeric() || *c == '_' || *c == ':')
                        .collect();
                    // The longest module that the path names.
                    let mut parts: Vec<&str> = path.split("::").filter(|s| !s.is_empty()).collect();
                    while !parts.is_empty() {
                        let candidate = if base.is_empty() {
                            parts.join("/")
                        } else {
                            format!("{base}/{}", parts.join("/"))
                        };
                        if modules.contains(&candidate) {
                            if candidate != me {
                                uses.push(candidate);
                            }
                            break;
                        }
                        parts.pop();
                    }
                }
            }
            uses.sort();
            uses.dedup();
            (me, uses)
        })
        .collect()
}

#[test]
fn the_front_ends_modules_import_each_other_without_a_cycle() {
    let graph = web_module_imports();
    assert!(graph.len() > 20, "modules found: {}", graph.len());
    let edges = |m: &str| {
        graph
            .iter()
            .find(|(n, _)| n == m)
            .map_or(Vec::new(), |(_, u)| u.clone())
    };
    // Depth-first search with the path kept, so a cycle is reported as the modules in it.
    fn visit(
        m: &str,
        edges: &dyn Fn(&str) -> Vec<String>,
        path: &mut Vec<String>,
        done: &mut Vec<String>,
    ) {
        if done.iter().any(|d| d == m) {
            return;
        }
        if let Some(i) = path.iter().position(|p| p == m) {
            panic!("import cycle: {} -> {m}", path[i..].join(" -> "));
        }
        path.push(m.to_string());
        for n in edges(m) {
            visit(&n, edges, path, done);
        }
        path.pop();
        done.push(m.to_string());
    }
    let mut done = Vec::new();
    for (m, _) in &graph {
        visit(m, &edges, &mut Vec::new(), &mut done);
    }
    // The parts' layering: the widget never reaches into the page, and nothing below the
    // views (platform, charts, state, format) reaches up into them.
    for (m, uses) in &graph {
        let reaches = |prefix: &str| {
            uses.iter()
                .any(|u| u == prefix || u.starts_with(&format!("{prefix}/")))
        };
        if m.starts_with("widget") || m.starts_with("components") || m == "session" {
            assert!(!reaches("page"), "{m} imports the page: {uses:?}");
        }
        if ["platform", "charts", "state", "format"]
            .iter()
            .any(|l| m.starts_with(l))
        {
            for up in ["page", "widget", "components", "session", "app"] {
                assert!(!reaches(up), "{m} imports {up}: {uses:?}");
            }
        }
    }
}

/// Lower-casing with `str::to_lowercase` brings the Unicode case tables into every browser
/// bundle (11 KB gzipped of the widget's, measured); the labels the views lower-case have
/// only ASCII capitals, so `to_ascii_lowercase` gives the same words.
#[test]
fn labels_are_lower_cased_without_the_unicode_tables() {
    let labels = hatcalc::P::ALL
        .iter()
        .map(|p| p.def().label)
        .chain(hatcalc::Arm::ALL.iter().map(|a| a.label()))
        .chain(hatcalc::Perspective::ALL.iter().map(|p| p.label()))
        .chain(hatcalc::analysis::Metric::ALL.iter().map(|m| m.label()));
    for label in labels {
        assert_eq!(label.to_lowercase(), label.to_ascii_lowercase(), "{label}");
    }
    let mut files = Vec::new();
    rust_files(Path::new("src"), &mut files);
    rust_files(Path::new("web/src"), &mut files);
    for f in files.iter().filter(|f| !f.starts_with("src/bin")) {
        let text = fs::read_to_string(f).unwrap();
        assert!(
            !text.contains(".to_lowercase()"),
            "{}: lower-case with to_ascii_lowercase (the labels are ASCII-cased)",
            f.display()
        );
    }
}
