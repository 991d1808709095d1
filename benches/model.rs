//! Benchmarks of the model and the Monte Carlo against the budgets in BENCHMARKS.md.

use criterion::{criterion_group, criterion_main, Criterion};
use hatcalc::analysis::{psa, tornado, Metric, PsaConfig};
use hatcalc::{evaluate, Scenario, P};
use std::hint::black_box;

fn model(c: &mut Criterion) {
    let ten_years = Scenario::us_default();
    let lifetime = Scenario::us_default()
        .with(P::HorizonYears, 60.0)
        .unwrap_or_else(|_| Scenario::us_default());
    c.bench_function("evaluate, 10-year monthly cohort, both arms", |b| {
        b.iter(|| evaluate(black_box(&ten_years)))
    });
    c.bench_function("evaluate, lifetime (60 years)", |b| {
        b.iter(|| evaluate(black_box(&lifetime)))
    });
    c.bench_function("tornado, every parameter", |b| {
        b.iter(|| tornado(black_box(&ten_years), Metric::NetBenefit))
    });
    let mut g = c.benchmark_group("monte carlo");
    g.sample_size(10);
    g.bench_function("10,000 draws, 10-year monthly cohort", |b| {
        b.iter(|| psa(black_box(&ten_years), PsaConfig::new(10_000, 1)))
    });
    g.finish();
}

criterion_group!(benches, model);
criterion_main!(benches);
