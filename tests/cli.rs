//! The command-line tool: the registry and a full breakdown as JSON, and clear refusals.

#![allow(clippy::unwrap_used, clippy::expect_used, clippy::panic)]
#![cfg(feature = "cli")]

use std::process::Command;

fn run(args: &[&str]) -> (i32, String, String) {
    let out = Command::new(env!("CARGO_BIN_EXE_hatcalc"))
        .args(args)
        .output()
        .unwrap();
    (
        out.status.code().unwrap_or(-1),
        String::from_utf8_lossy(&out.stdout).into_owned(),
        String::from_utf8_lossy(&out.stderr).into_owned(),
    )
}

#[test]
fn eval_json_traces_every_number_to_parameters_and_sources() {
    let (code, out, _) = run(&["eval", "--json"]);
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["basis"]["currency"], "USD");
    let params = v["parameters"].as_array().unwrap();
    assert_eq!(params.len(), hatcalc::P::COUNT);
    let sources: Vec<&str> = v["sources"]
        .as_array()
        .unwrap()
        .iter()
        .map(|s| s["id"].as_str().unwrap())
        .collect();
    for p in params {
        for id in p["origin"]["sources"].as_array().into_iter().flatten() {
            assert!(sources.contains(&id.as_str().unwrap()), "{id} listed");
        }
    }
    let society = &v["outcome"]["comparisons"][2];
    assert_eq!(society["scope"]["perspective"], "society");
    assert!(society["net_benefit"].as_f64().unwrap().is_finite());
    assert!(v["outcome"]["intervention"]["costs"]["police"]
        .as_f64()
        .is_some());
}

#[test]
fn set_and_perspective_change_the_result() {
    let (_, a, _) = run(&["eval", "--json", "--perspective", "government"]);
    let (_, b, _) = run(&[
        "eval",
        "--json",
        "--perspective",
        "government",
        "--set",
        "crime.rr.injectable=0.2",
    ]);
    let nb = |s: &str| {
        let v: serde_json::Value = serde_json::from_str(s).unwrap();
        v["outcome"]["comparisons"][1]["net_benefit"]
            .as_f64()
            .unwrap()
    };
    assert!(nb(&b) > nb(&a), "more crime reduction, more net benefit");
}

#[test]
fn bad_input_is_refused_with_a_message_and_non_zero_exit() {
    for (args, needle) in [
        (
            vec!["eval", "--set", "no.such=1"],
            "unknown parameter 'no.such'",
        ),
        (
            vec!["eval", "--set", "dam.retention_12m=lots"],
            "not a number",
        ),
        (
            vec!["eval", "--set", "dam.retention_12m=1.5"],
            "outside the accepted range",
        ),
        (vec!["eval", "--set", "dam.retention_12m"], "ID=VALUE"),
        (vec!["eval", "--perspective", "mine"], "unknown perspective"),
        (vec!["eval", "--economy", "XX"], "unknown economy"),
        (
            vec![
                "curve",
                "--param",
                "dam.cost_year",
                "--points",
                "18446744073709551615",
            ],
            "--points must be 2 to",
        ),
        (
            vec!["breakeven", "--param", "dam.cost_year", "--target", "nan"],
            "'NaN' is not a number",
        ),
        (vec!["claim", "--at-least", "inf"], "finite number"),
        (vec!["eval", "--file", "/dev/zero"], "not a regular file"),
        (
            vec!["export", "results", "--draws", "99999999999"],
            "--draws must be 0 to",
        ),
        (
            vec![
                "eval",
                "--set",
                "inj.exit_to_abstinence=0.7",
                "--set",
                "inj.exit_to_methadone=0.5",
            ],
            "more than 100%",
        ),
    ] {
        let (code, out, err) = run(&args);
        assert_ne!(code, 0, "{args:?}");
        assert!(out.is_empty(), "{args:?} printed a result");
        assert!(err.contains(needle), "{args:?}: {err}");
    }
}

#[test]
fn params_csv_has_a_row_per_parameter_with_sources() {
    let (code, out, _) = run(&["params", "--format", "csv"]);
    assert_eq!(code, 0);
    let lines: Vec<&str> = out.lines().collect();
    assert!(lines[0].starts_with("id,label,group,unit,price_basis,default,low,high"));
    assert_eq!(lines.len(), hatcalc::P::COUNT + 1);
    assert!(out.contains("dam.cost_year") && out.contains("emcdda2011"));
}

#[test]
fn presets_run_from_the_cli_in_their_own_currency() {
    let (code, out, _) = run(&["eval", "--json", "--preset", "dijkgraaf2005"]);
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    assert_eq!(v["basis"]["currency"], "EUR");
    let nb = v["outcome"]["comparisons"][2]["net_benefit"]
        .as_f64()
        .unwrap();
    assert!((nb - 12_793.0).abs() < 1e-6, "{nb}");
    let (code, _, err) = run(&["eval", "--preset", "nope"]);
    assert_ne!(code, 0);
    assert!(
        err.contains("unknown preset 'nope'") && err.contains("dijkgraaf2005"),
        "{err}"
    );
    let (code, out, _) = run(&["presets"]);
    assert_eq!(code, 0);
    assert!(out.contains("byford2013") && out.contains("reproduces"));
}

#[test]
fn rebasing_converts_money_and_nothing_else() {
    let (_, a, _) = run(&["eval", "--json"]);
    let (_, b, _) = run(&["eval", "--json", "--price-year", "2008"]);
    let get = |s: &str, id: &str| {
        let v: serde_json::Value = serde_json::from_str(s).unwrap();
        v["parameters"]
            .as_array()
            .unwrap()
            .iter()
            .find(|p| p["id"] == id)
            .unwrap()["value"]
            .as_f64()
            .unwrap()
    };
    // US 2024 -> US 2008 divides by the CPI-U factor 1.45697 (EVIDENCE §3.1).
    let robbery = "crime.robbery.victim_intangible";
    assert!((get(&a, robbery) / get(&b, robbery) - 1.45697).abs() < 1e-5);
    assert_eq!(get(&a, "dam.retention_12m"), get(&b, "dam.retention_12m"));
}

#[test]
fn a_scenario_file_carries_any_economy_and_price_year() {
    // Written in Swiss francs at 2015 prices from the Dutch preset, read back on that basis
    // with every value and the result unchanged.
    let dir = std::env::temp_dir().join(format!("hatcalc-basis-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("chf.json");
    let (code, file, err) = run(&[
        "export",
        "scenario",
        "--preset",
        "dijkgraaf2005",
        "--economy",
        "CH",
        "--price-year",
        "2015",
    ]);
    assert_eq!(code, 0, "{err}");
    assert!(file.contains("\"money\": \"CH.2015\""), "{file}");
    std::fs::write(&path, &file).unwrap();
    let p = path.to_str().unwrap();
    let (_, direct, _) = run(&[
        "eval",
        "--json",
        "--preset",
        "dijkgraaf2005",
        "--economy",
        "CH",
        "--price-year",
        "2015",
    ]);
    let (code, read, err) = run(&["eval", "--json", "--file", p]);
    assert_eq!(code, 0, "{err}");
    let v: serde_json::Value = serde_json::from_str(&read).unwrap();
    assert_eq!(v["basis"]["currency"], "CHF");
    assert_eq!(v["basis"]["price_year"], 2015);
    assert_eq!(read, direct);
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn thresholds_give_savings_needed_and_the_highest_cost_per_perspective() {
    let (code, out, err) = run(&["thresholds", "--json"]);
    assert_eq!(code, 0, "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let rows = v["by_perspective"].as_array().unwrap();
    assert_eq!(rows.len(), 3);
    // The highest cost at which society breaks even makes the societal net benefit zero.
    let society = &rows[2];
    assert_eq!(society["max_treatment_cost"]["kind"], "at");
    let cost = society["max_treatment_cost"]["value"].as_f64().unwrap();
    let (_, nb, _) = run(&["eval", "--json", "--set", &format!("dam.cost_year={cost}")]);
    let nb: serde_json::Value = serde_json::from_str(&nb).unwrap();
    assert!(
        nb["outcome"]["comparisons"][2]["net_benefit"]
            .as_f64()
            .unwrap()
            .abs()
            < 0.01
    );
    let (code, text, _) = run(&["thresholds"]);
    assert_eq!(code, 0);
    assert!(text.contains("savings needed") && text.contains("Government (taxpayer)"));
}

#[test]
fn analyses_run_from_the_cli_and_agree_with_the_library() {
    let (code, out, _) = run(&[
        "breakeven",
        "--param",
        "crime.rr.injectable",
        "--perspective",
        "society",
        "--json",
    ]);
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let x = v["crossing"]["value"].as_f64().unwrap();
    let mut s = hatcalc::Scenario::us_default();
    s.settings.perspective = hatcalc::Perspective::Society;
    s.set(hatcalc::P::CrimeRrInjectable, x).unwrap();
    assert!(
        hatcalc::evaluate(&s)
            .chosen(hatcalc::Perspective::Society)
            .net_benefit
            .abs()
            <= 0.01
    );

    let (code, out, _) = run(&["psa", "--draws", "200", "--seed", "9", "--json"]);
    assert_eq!(code, 0);
    let a: serde_json::Value = serde_json::from_str(&out).unwrap();
    let (_, out2, _) = run(&["psa", "--draws", "200", "--seed", "9", "--json"]);
    assert_eq!(out, out2, "a seed reproduces the run");
    assert!(a["prob_benefit_exceeds_cost"].as_f64().is_some());

    for args in [
        vec!["tornado", "--json"],
        vec![
            "curve",
            "--param",
            "dam.cost_year",
            "--points",
            "120",
            "--json",
        ],
        vec![
            "claim",
            "--metric",
            "benefit_cost_ratio",
            "--at-least",
            "2",
            "--draws",
            "100",
            "--json",
        ],
    ] {
        let (code, out, err) = run(&args);
        assert_eq!(code, 0, "{args:?}: {err}");
        serde_json::from_str::<serde_json::Value>(&out).unwrap();
    }
    let (code, _, err) = run(&["psa", "--draws", "0"]);
    assert_ne!(code, 0);
    assert!(err.contains("--draws"));
    let (code, _, err) = run(&["breakeven", "--param", "nope"]);
    assert_ne!(code, 0);
    assert!(err.contains("unknown parameter 'nope'"));
    let (code, _, err) = run(&["claim", "--metric", "vibes", "--at-least", "1"]);
    assert_ne!(code, 0);
    assert!(err.contains("unknown metric 'vibes'"));
}

#[test]
fn evppi_ranks_inputs_and_groups_under_the_evpi_and_agrees_with_the_library() {
    let (code, out, err) = run(&["evppi", "--draws", "4000", "--seed", "3", "--json"]);
    assert_eq!(code, 0, "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let lib = hatcalc::analysis::evppi(
        &hatcalc::Scenario::us_default(),
        hatcalc::analysis::PsaConfig::new(4000, 3),
    );
    assert_eq!(v["evpi"].as_f64().unwrap(), lib.evpi);
    assert_eq!(v["method"]["id"], lib.method.id);
    assert_eq!(v["method"]["sources"][0], "strong2014");
    let evpi = lib.evpi;
    for what in ["inputs", "groups"] {
        let rows = v[what].as_array().unwrap();
        let values: Vec<f64> = rows
            .iter()
            .map(|r| r["per_patient"]["value"].as_f64().unwrap())
            .collect();
        assert!(values.windows(2).all(|w| w[0] >= w[1]), "{what} ranked");
        assert!(values.iter().all(|x| (0.0..=evpi).contains(x)));
        for r in rows {
            let (pp, prog) = (r["per_patient"]["value"].as_f64(), r["programme"].as_f64());
            let k = v["programme_patients"].as_f64().unwrap();
            assert_eq!(prog, pp.map(|x| x * k));
        }
    }
    assert_eq!(v["inputs"][0]["id"], lib.inputs[0].id);
    assert_eq!(v["groups"][0]["id"], "crime");
    assert_eq!(v["all"]["kind"], "all");

    let (code, text, _) = run(&["evppi", "--draws", "4000", "--seed", "3", "--top", "5"]);
    assert_eq!(code, 0);
    assert!(text.contains("expected value of perfect information"));
    assert!(text.contains("per patient") && text.contains("programme"));
    assert!(text.contains(&lib.inputs[0].id) && text.contains("crime"));
    assert!(
        !text.contains(&lib.inputs[5].id),
        "--top 5 shows five inputs"
    );
    assert!(text.contains("Strong, Oakley & Brennan 2014"));

    for (args, needle) in [
        (vec!["evppi", "--draws", "0"], "--draws must be 1 to 100000"),
        (
            vec!["evppi", "--draws", "100001"],
            "--draws must be 1 to 100000",
        ),
        (vec!["evppi", "--set", "no.such=1"], "unknown parameter"),
    ] {
        let (code, _, err) = run(&args);
        assert_eq!(code, 2, "{args:?}");
        assert!(err.contains(needle), "{args:?}: {err}");
    }
}

#[test]
fn every_analysis_runs_on_every_preset() {
    for preset in hatcalc::presets::PRESETS {
        for args in [
            vec!["breakeven", "--param", "crime.rr.injectable"],
            vec!["curve", "--param", "mmt.retention_12m", "--points", "100"],
            vec!["tornado"],
            vec!["psa", "--draws", "50", "--seed", "4"],
            vec!["evppi", "--draws", "50", "--seed", "4"],
            vec!["claim", "--at-least", "0", "--draws", "50"],
        ] {
            let mut full = args.clone();
            full.extend(["--preset", preset.id, "--json"]);
            let (code, out, err) = run(&full);
            assert_eq!(code, 0, "{full:?}: {err}");
            let v: serde_json::Value = serde_json::from_str(&out).unwrap();
            assert!(!v.is_null(), "{full:?}");
        }
    }
}

#[test]
fn export_writes_a_scenario_file_that_eval_reads_back_and_csv_with_units() {
    let dir = std::env::temp_dir().join(format!("hatcalc-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let file = dir.join("scenario.json");
    const SCENARIO: [&str; 6] = [
        "--preset",
        "byford2013",
        "--set",
        "dam.retention_12m=0.8",
        "--perspective",
        "government",
    ];
    let (code, json, _) = run(&[&["export", "scenario", "--seed", "7"][..], &SCENARIO].concat());
    assert_eq!(code, 0);
    std::fs::write(&file, &json).unwrap();
    let path = file.to_str().unwrap();
    let direct = run(&[&["eval", "--json"][..], &SCENARIO].concat());
    let from_file = run(&["eval", "--json", "--file", path]);
    assert_eq!(from_file.0, 0, "{}", from_file.2);
    assert_eq!(from_file.1, direct.1, "the file reproduces the scenario");
    let (code, csv, _) = run(&["export", "results", "--file", path, "--draws", "100"]);
    assert_eq!(code, 0);
    assert!(csv.starts_with("measure,unit,"));
    assert!(
        csv.contains("Monte Carlo: draws,seed 7,,,100"),
        "the file's seed"
    );
    assert!(csv.contains("GBP 2010"));
    let (code, inputs, _) = run(&["export", "inputs"]);
    assert_eq!(code, 0);
    assert!(inputs.lines().count() > hatcalc::P::COUNT);
    std::fs::write(
        &file,
        "{\"format\": \"hatcalc-scenario\", \"version\": 9, \"preset\": \"us\"}",
    )
    .unwrap();
    let (code, _, err) = run(&["eval", "--file", path]);
    assert_eq!(code, 2);
    assert!(err.contains("version 9"), "{err}");
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn set_flags_are_checked_together_in_any_order() {
    // 0.9 to abstinence is inconsistent with the default 40.7% to methadone alone, but not
    // with the 5% set by the next flag: the scenario is checked once, after every value.
    let a = [
        "--set",
        "inj.exit_to_abstinence=0.9",
        "--set",
        "inj.exit_to_methadone=0.05",
    ];
    let b = [
        "--set",
        "inj.exit_to_methadone=0.05",
        "--set",
        "inj.exit_to_abstinence=0.9",
    ];
    let (ca, oa, _) = run(&[&["eval", "--json"][..], &a].concat());
    let (cb, ob, _) = run(&[&["eval", "--json"][..], &b].concat());
    assert_eq!((ca, cb), (0, 0));
    assert_eq!(oa, ob);
}

#[test]
fn a_scenario_file_reads_back_bit_for_bit_with_or_without_a_byte_order_mark() {
    let dir = std::env::temp_dir().join(format!("hatcalc-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let (code, file, _) = run(&[
        "export",
        "scenario",
        "--set",
        "crime.property.victim_tangible=941.4909769023191",
    ]);
    assert_eq!(code, 0);
    let plain = dir.join("plain.json");
    let bom = dir.join("bom.json");
    std::fs::write(&plain, &file).unwrap();
    std::fs::write(&bom, format!("\u{feff}{file}")).unwrap();
    for path in [&plain, &bom] {
        let (code, again, err) = run(&["export", "scenario", "--file", path.to_str().unwrap()]);
        assert_eq!(code, 0, "{err}");
        assert_eq!(again, file, "{}", path.display());
    }
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn budget_prints_years_by_payer_as_a_table_json_and_csv() {
    let (code, out, err) = run(&["budget", "--json", "--set", "programme.years=2.5"]);
    assert_eq!(code, 0, "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    let rows = v["budget"]["rows"].as_array().unwrap();
    assert_eq!(rows.len(), 3);
    assert_eq!(rows[2]["months"], 6, "a part year last");
    let s = hatcalc::Scenario::us_default()
        .with(hatcalc::P::ProgrammeYears, 2.5)
        .unwrap();
    let b = hatcalc::analysis::budget(&s);
    for (row, lib) in rows.iter().zip(&b.rows) {
        assert_eq!(row["cumulative_net"].as_f64().unwrap(), lib.cumulative_net);
        assert_eq!(row["impact"]["health"].as_f64().unwrap(), lib.impact.health);
    }
    assert_eq!(v["sources"][0]["id"], "sullivan2014");

    let (code, table, _) = run(&["budget"]);
    assert_eq!(code, 0);
    assert!(table.contains("Undiscounted cash"), "{table}");
    let years = table
        .lines()
        .filter(|l| l.trim_start().starts_with(|c: char| c.is_ascii_digit()))
        .count();
    assert_eq!(years, 5, "{table}");
    assert!(table.lines().any(|l| l.trim_start().starts_with("total")));

    let (code, text, _) = run(&["budget", "--format", "csv", "--economy", "DE"]);
    assert_eq!(code, 0);
    let mut r = csv::ReaderBuilder::new().from_reader(text.as_bytes());
    let header: Vec<String> = r.headers().unwrap().iter().map(String::from).collect();
    assert_eq!(header[..4], ["year", "months", "measure", "unit"]);
    let records: Vec<csv::StringRecord> = r.records().map(|x| x.unwrap()).collect();
    assert!(records.iter().all(|x| x.len() == header.len()));
    assert!(records
        .iter()
        .any(|x| x[3].contains("EUR 2024, undiscounted")));

    let (code, _, err) = run(&["budget", "--json", "--format", "csv"]);
    assert_eq!(code, 2);
    assert!(err.contains("cannot be used with"), "{err}");
}

#[test]
fn claim_prints_the_verdict_by_perspective_and_horizon() {
    let args = [
        "claim",
        "--metric",
        "net_benefit",
        "--at-least",
        "0",
        "--preset",
        "dijkgraaf2005",
        "--perspective",
        "government",
        "--draws",
        "200",
    ];
    let (code, out, err) = run(&args);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("By perspective and horizon"), "{out}");
    assert!(out.contains("lifetime"), "{out}");
    // The Dutch trial: taxpayers pay more at every horizon, society gains.
    assert!(
        out.contains("fails for taxpayers at every horizon"),
        "{out}"
    );
    assert!(out.contains("holds for society"), "{out}");
    let mut json = args.to_vec();
    json.push("--json");
    let (code, out, err) = run(&json);
    assert_eq!(code, 0, "{err}");
    let v: serde_json::Value = serde_json::from_str(&out).unwrap();
    // The report's own fields stay; the grid and its words are added.
    assert_eq!(v["holds"], false);
    let rows = v["grid"]["rows"].as_array().unwrap();
    assert_eq!(rows.len(), 3);
    assert_eq!(v["grid"]["horizons"].as_array().unwrap().len(), 4);
    assert_eq!(rows[1]["perspective"], "government");
    assert_eq!(rows[1]["cells"][0]["verdict"], "fails");
    assert!(rows[1]["cells"][0]["probability"].is_number());
    assert!(v["verdict"].as_str().unwrap().starts_with("The claim "));
}

#[test]
fn refusals_are_one_short_line_with_exit_code_2() {
    let long = "x".repeat(100_000);
    let control = "a\u{7}\u{1b}[31mb";
    let long_set = format!("{long}=1");
    let long_value = format!("dam.retention_12m={long}");
    let control_set = format!("dam.retention_12m={control}");
    for (args, needle) in [
        (
            vec!["curve", "--param", "dam.cost_year", "--points", "100000000"],
            "--points must be 2 to 10000, got 100000000",
        ),
        (
            vec!["curve", "--param", "dam.cost_year", "--points", "1"],
            "--points must be 2 to",
        ),
        (
            vec!["breakeven", "--param", "dam.cost_year", "--target", "inf"],
            "--target must be a finite number, got inf",
        ),
        (
            vec!["claim", "--at-least", "nan"],
            "the claim's target: 'NaN' is not a number",
        ),
        (
            vec!["psa", "--draws", "100001"],
            "--draws must be 1 to 100000",
        ),
        (vec!["psa", "--draws", "0"], "--draws must be 1 to 100000"),
        (
            vec!["evppi", "--draws", "100001"],
            "--draws must be 1 to 100000",
        ),
        (
            vec!["export", "results", "--draws", "100001"],
            "--draws must be 0 to 100000",
        ),
        (
            vec!["eval", "--set", "dam.retention_12m=nan"],
            "dam.retention_12m: 'NaN' is not a number",
        ),
        (
            vec!["eval", "--set", "dam.retention_12m=1e308"],
            "1e308 is outside the accepted range 0 to 1",
        ),
        (
            vec!["eval", "--set", "dam.cost_year=1e308"],
            "1e308 is outside the accepted range 0 to",
        ),
        (vec!["eval", "--set", &long_set], "unknown parameter 'xxxx"),
        (vec!["eval", "--set", &long_value], "is not a number"),
        (vec!["eval", "--set", &control_set], "a\\u{7}\\u{1b}[31mb"),
        (vec!["eval", "--preset", &long], "unknown preset 'xxxx"),
        (
            vec!["eval", "--perspective", control],
            "a\\u{7}\\u{1b}[31mb",
        ),
        (vec!["curve", "--param", &long], "unknown parameter 'xxxx"),
        (
            vec!["breakeven", "--param", "dam.cost_year", "--metric", &long],
            "unknown metric 'xxxx",
        ),
    ] {
        let (code, out, err) = run(&args);
        assert_eq!(code, 2, "{args:?}: {err}");
        assert!(out.is_empty(), "{args:?} printed a result");
        assert!(err.contains(needle), "{args:?}: {err}");
        assert_eq!(err.trim_end().lines().count(), 1, "{args:?}: {err}");
        assert!(err.len() < 300, "{args:?}: {} bytes", err.len());
        assert!(
            !err.contains('\u{7}') && !err.contains('\u{1b}'),
            "{args:?}"
        );
    }
}

#[test]
fn a_scenario_file_is_refused_in_one_short_line_whatever_it_holds() {
    let dir = std::env::temp_dir().join(format!("hatcalc-cli-refuse-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let long = "q".repeat(100_000);
    let file = |extra: serde_json::Value| {
        let mut v = serde_json::json!({"format": "hatcalc-scenario", "version": 1, "preset": "us"});
        for (k, x) in extra.as_object().unwrap() {
            v[k] = x.clone();
        }
        serde_json::to_string(&v).unwrap()
    };
    for (name, text, needle) in [
        ("type", file(serde_json::json!({"version": format!("{long}\u{7}")})), "invalid type"),
        ("setting", file(serde_json::json!({"settings": {long.clone(): "1"}})), "malformed setting 'qqqq"),
        (
            "input",
            file(serde_json::json!({"inputs": [{"id": format!("{long}=\u{7}"), "value": 1}]})),
            "malformed setting 'inputs: 'qqqq",
        ),
        ("preset", file(serde_json::json!({"preset": long.clone()})), "unknown preset 'qqqq"),
        (
            "nan",
            r#"{"format":"hatcalc-scenario","version":1,"preset":"us","inputs":[{"id":"dam.retention_12m","value":NaN}]}"#.to_string(),
            "not a readable scenario",
        ),
        (
            "huge",
            r#"{"format":"hatcalc-scenario","version":1,"preset":"us","inputs":[{"id":"dam.retention_12m","value":1e999}]}"#.to_string(),
            "number out of range",
        ),
        (
            "big",
            r#"{"format":"hatcalc-scenario","version":1,"preset":"us","inputs":[{"id":"dam.retention_12m","value":1e308}]}"#.to_string(),
            "1e308 is outside the accepted range 0 to 1",
        ),
        (
            "repeated",
            r#"{"format":"hatcalc-scenario","version":1,"preset":"us","inputs":[{"id":"dam.retention_12m","value":0.5},{"id":"dam.retention_12m","value":0.6}]}"#.to_string(),
            "the file gives 'x.dam.retention_12m' more than once",
        ),
    ] {
        let path = dir.join(format!("{name}.json"));
        std::fs::write(&path, &text).unwrap();
        let (code, out, err) = run(&["eval", "--file", path.to_str().unwrap()]);
        assert_eq!(code, 2, "{name}: {err}");
        assert!(out.is_empty(), "{name} printed a result");
        assert!(err.contains(needle), "{name}: {err}");
        assert_eq!(err.trim_end().lines().count(), 1, "{name}: {err}");
        assert!(err.len() < 400, "{name}: {} bytes", err.len());
        assert!(!err.contains('\u{7}'), "{name}");
    }
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn undefined_results_are_said_in_words_never_nan_or_inf() {
    // No extra treatment cost to divide by: the benefit-cost ratio is undefined.
    let tiny = ["--set", "mmt.cost_year=0", "--set", "dam.cost_year=1e-310"];
    let (code, out, err) = run(&[&["eval"][..], &tiny].concat());
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("B/C undefined"), "{out}");
    let (code, json, _) = run(&[&["eval", "--json"][..], &tiny].concat());
    assert_eq!(code, 0);
    let v: serde_json::Value = serde_json::from_str(&json).unwrap();
    for c in v["outcome"]["comparisons"].as_array().unwrap() {
        assert!(c["benefit_cost_ratio"].is_null());
    }
    let (code, csv, _) = run(&[&["export", "results", "--draws", "0"][..], &tiny].concat());
    assert_eq!(code, 0);
    assert!(csv.contains("not defined"));
    // Without treatment, the ratio is undefined across the whole range: said so.
    let (code, out, err) = run(&[
        "breakeven",
        "--param",
        "dam.retention_12m",
        "--metric",
        "benefit_cost_ratio",
        "--intervention",
        "none",
    ]);
    assert_eq!(code, 0, "{err}");
    assert!(out.contains("not defined anywhere in that range"), "{out}");
    let breakeven = out;
    let (code, out, _) = run(&[
        "tornado",
        "--metric",
        "benefit_cost_ratio",
        "--intervention",
        "none",
    ]);
    assert_eq!(code, 0);
    assert!(out.contains("not defined at current values"), "{out}");
    for text in [&breakeven, &out] {
        for bad in ["NaN", " inf", "-inf"] {
            assert!(!text.contains(bad), "{bad} in {text}");
        }
    }
}
