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
