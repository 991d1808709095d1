//! Exports: the CSV files read back with a real CSV parser and carry units and sources; the
//! scenario file round-trips exactly and refuses damaged or foreign files whole.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]

use hatcalc::analysis::budget;
use hatcalc::export::{budget_csv, inputs_csv, outputs_csv, FileError, ScenarioFile};
use hatcalc::presets::PRESETS;
use hatcalc::texts::Texts;
use hatcalc::{evaluate, Perspective, Scenario, P};

fn read(text: &str) -> (Vec<String>, Vec<Vec<String>>) {
    let mut r = csv::ReaderBuilder::new().from_reader(text.as_bytes());
    let header = r.headers().unwrap().iter().map(String::from).collect();
    let rows = r
        .records()
        .map(|rec| rec.unwrap().iter().map(String::from).collect())
        .collect();
    (header, rows)
}

fn changed() -> Scenario {
    let mut s = PRESETS[1].scenario().unwrap();
    s.set(P::DamRetention12m, 0.1 + 0.2).unwrap();
    s.set(P::CrimeRrInjectable, 0.35).unwrap();
    s.settings.perspective = Perspective::Government;
    s
}

#[test]
fn inputs_csv_has_every_input_with_its_value_unit_and_source() {
    let s = changed();
    let (header, rows) = read(&inputs_csv(&s, &Texts::all()));
    assert_eq!(header[..5], ["id", "label", "group", "value", "unit"]);
    assert_eq!(rows.len(), P::COUNT);
    let col = |name: &str| header.iter().position(|h| h == name).unwrap();
    for (p, row) in P::ALL.iter().zip(&rows) {
        assert_eq!(row[0], p.def().id);
        assert_eq!(row[3].parse::<f64>().unwrap(), s.get(*p), "{}", row[0]);
        assert!(!row[col("unit")].is_empty(), "{}", row[0]);
        let basis = &row[col("basis_of_default")];
        assert!(basis == "cited" || basis == "assumption");
        if basis == "cited" {
            assert!(
                row[col("sources")].contains("http"),
                "{} has no source",
                row[0]
            );
        }
        assert!(!row[col("how_derived_or_why_assumed")].is_empty());
    }
    let retention = &rows[P::DamRetention12m as usize];
    assert_eq!(retention[3], "0.30000000000000004", "values are exact");
}

#[test]
fn outputs_csv_matches_the_model_and_names_units_permalink_and_sources() {
    let s = changed();
    let o = evaluate(&s);
    let link = "https://example.org/?v=1&preset=dijkgraaf2005&x.crime.rr_injectable=0.35";
    let mc = hatcalc::analysis::psa(&s, hatcalc::analysis::PsaConfig::new(200, 7));
    let (header, rows) = read(&outputs_csv(&s, &o, Some(&mc), link, &Texts::all()));
    assert_eq!(header.len(), 5);
    let find = |m: &str| rows.iter().find(|r| r[0] == m).unwrap();
    let nb = find("Net benefit, Government (taxpayer)");
    let value: f64 = nb[4].parse().unwrap();
    assert_eq!(value, o.chosen(Perspective::Government).net_benefit);
    assert!(nb[1].contains("EUR 2001"), "unit: {}", nb[1]);
    let treatment = find("Cost: Treatment");
    assert_eq!(
        treatment[2].parse::<f64>().unwrap(),
        o.intervention
            .costs
            .get(hatcalc::model::Category::Treatment)
    );
    assert!(rows.iter().all(|r| r.len() == 5), "rectangular");
    assert_eq!(find("Permalink")[4], link);
    let chance = find("Monte Carlo: chance that benefits exceed costs, Government (taxpayer)");
    assert_eq!(
        chance[4].parse::<f64>().unwrap(),
        mc.prob_benefit_exceeds_cost
    );
    let low = find("Monte Carlo: net benefit, Government (taxpayer), 2.5th percentile");
    assert!(low[1].contains("EUR 2001"));
    assert_eq!(low[4].parse::<f64>().unwrap(), mc.net_benefit.unwrap().p2_5);
    let sources: Vec<_> = rows.iter().filter(|r| r[0] == "Source").collect();
    assert!(sources.len() > 5);
    assert!(sources.iter().any(|r| r[1] == "dijkgraaf2005"));
}

#[test]
fn budget_csv_reads_back_with_units_basis_and_the_budget_numbers() {
    let s = changed();
    let b = budget(&s);
    let (header, rows) = read(&budget_csv(&s, &b, &Texts::all()));
    assert_eq!(header[..4], ["year", "months", "measure", "unit"]);
    assert_eq!(header.len(), 7);
    assert!(rows.iter().all(|r| r.len() == 7), "rectangular");
    let find = |year: &str, measure: &str| {
        rows.iter()
            .find(|r| r[0] == year && r[2] == measure)
            .unwrap_or_else(|| panic!("{year} {measure}"))
    };
    for r in &b.rows {
        let year = r.year.to_string();
        let net = find(&year, "Net impact, Government (taxpayer)");
        assert_eq!(net[6].parse::<f64>().unwrap(), r.net);
        assert!(net[3].contains("EUR 2001, undiscounted cash"), "{}", net[3]);
        let health = find(&year, "Cash by payer: Health budget");
        assert_eq!(health[4].parse::<f64>().unwrap(), r.programme.payers.health);
        assert_eq!(
            health[5].parse::<f64>().unwrap(),
            r.counterfactual.payers.health
        );
        let places = find(&year, "Places filled, on average");
        assert_eq!(places[3], "places");
        assert!((places[4].parse::<f64>().unwrap() - r.places).abs() < 1e-9);
        let cumulative = find(&year, "Cumulative net impact, Government (taxpayer)");
        assert_eq!(cumulative[6].parse::<f64>().unwrap(), r.cumulative_net);
    }
    let total = find("total", "Net impact, Government (taxpayer)");
    assert_eq!(total[6].parse::<f64>().unwrap(), b.total.net);
    assert!(find("", "Basis")[4].contains("undiscounted"));
    assert!(rows
        .iter()
        .any(|r| r[2] == "Source" && r[3] == "sullivan2014" && r[4].contains("ISPOR")));
}

#[test]
fn scenario_file_round_trips_every_preset_exactly() {
    for preset in PRESETS {
        let mut s = preset.scenario().unwrap();
        s.set(P::DamRetention12m, 0.1 + 0.2).unwrap();
        let file = ScenarioFile::new(&s, preset.id, u64::MAX, "Ward 3 budget");
        let json = serde_json::to_string_pretty(&file).unwrap();
        assert!(json.contains("\"format\": \"hatcalc-scenario\""));
        let back: ScenarioFile = serde_json::from_str(&json).unwrap();
        let shared = back.read().unwrap_or_else(|e| panic!("{}: {e}", preset.id));
        assert_eq!(shared.scenario, s, "{}", preset.id);
        assert_eq!(shared.seed, u64::MAX);
        assert_eq!(shared.preset, preset.id);
        assert_eq!(back.name, "Ward 3 budget");
    }
}

#[test]
fn a_hand_edited_value_is_read() {
    let s = Scenario::us_default();
    let mut file = ScenarioFile::new(&s, "us", 1, "");
    let i = file
        .inputs
        .iter()
        .position(|x| x.id == "dam.retention_12m")
        .unwrap();
    file.inputs[i].value = 0.5;
    assert_eq!(file.read().unwrap().scenario.get(P::DamRetention12m), 0.5);
}

#[test]
fn damaged_or_foreign_files_are_refused_with_a_reason() {
    let good = ScenarioFile::new(&Scenario::us_default(), "us", 1, "");
    let cases: Vec<(ScenarioFile, &str)> = vec![
        (
            ScenarioFile {
                format: "something-else".into(),
                ..good.clone()
            },
            "not a hatcalc scenario",
        ),
        (
            ScenarioFile {
                version: 2,
                ..good.clone()
            },
            "version 2",
        ),
        (
            {
                let mut f = good.clone();
                f.settings.insert("colour".into(), "red".into());
                f
            },
            "setting 'colour'",
        ),
        (
            {
                let mut f = good.clone();
                f.settings
                    .insert("arms".into(), "dam.methadone&x.dam.cost_year=1".into());
                f
            },
            "setting 'arms'",
        ),
        (
            {
                let mut f = good.clone();
                f.inputs[0].id = "nope".into();
                f
            },
            "unknown parameter 'nope'",
        ),
        (
            {
                let mut f = good.clone();
                f.inputs[0].value = -1e9;
                f
            },
            "outside",
        ),
        (
            ScenarioFile {
                preset: "atlantis".into(),
                ..good.clone()
            },
            "the file names an unknown preset",
        ),
    ];
    for (file, needle) in cases {
        let e = file.read().unwrap_err();
        assert!(e.to_string().contains(needle), "{needle}: {e}");
    }
    // Shapes that are not a scenario file at all fail at parsing.
    for text in ["{", "[]", "{\"name\": \"x\"}", "{\"format\": 1}"] {
        assert!(
            serde_json::from_str::<ScenarioFile>(text).is_err(),
            "{text}"
        );
    }
    assert!(matches!(
        ScenarioFile {
            format: String::new(),
            ..good
        }
        .read(),
        Err(FileError::Foreign)
    ));
}

#[test]
fn evppi_csv_reads_back_with_groups_inputs_and_the_evpi() {
    let s = hatcalc::Scenario::us_default();
    let e = hatcalc::analysis::evppi(&s, hatcalc::analysis::PsaConfig::new(600, 5));
    let text = hatcalc::export::evppi_csv(&s, &e);
    let mut r = csv::Reader::from_reader(text.as_bytes());
    let rows: Vec<csv::StringRecord> = r.records().map(|x| x.unwrap()).collect();
    assert!(r.headers().unwrap()[3].contains("USD 2024"));
    assert_eq!(
        rows.iter().filter(|x| &x[0] == "group").count(),
        e.groups.len()
    );
    assert_eq!(
        rows.iter().filter(|x| &x[0] == "input").count(),
        e.inputs.len()
    );
    let evpi = rows
        .iter()
        .find(|x| x[2].starts_with("EVPI per patient"))
        .unwrap();
    assert_eq!(evpi[3].parse::<f64>().unwrap(), e.evpi);
}
