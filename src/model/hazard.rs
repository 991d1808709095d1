//! The probability of leaving (or dying, or being infected) within an interval whose
//! cumulative hazard is `x`: `1 - exp(-x)`. The cohort computes it for every cycle, life-table
//! row and phase; in the browser `exp_m1` is software and was a tenth of a Monte Carlo draw.
//! Where `x` is small (nearly always) a short series gives the same number to the last bit or
//! two at a fraction of the cost. Rule: `docs/model.md`, section 3.

/// Largest `x` the series is used for.
pub(crate) const SERIES_LIMIT: f64 = 1.0 / 16.0;

/// `(-1)^(k+1) / k!` for k = 10 down to 1: `1 - exp(-x) = x (1 - x/2! + x^2/3! - ...)`, in
/// Horner's order.
pub(crate) const SERIES: [f64; 10] = [
    -1.0 / 3_628_800.0,
    1.0 / 362_880.0,
    -1.0 / 40_320.0,
    1.0 / 5_040.0,
    -1.0 / 720.0,
    1.0 / 120.0,
    -1.0 / 24.0,
    1.0 / 6.0,
    -1.0 / 2.0,
    1.0,
];

/// `1 - exp(-x)` for a cumulative hazard `x >= 0` (infinite: 1).
///
/// # Formula
///
/// For `x <= 1/16`: `x - x^2/2! + ... - x^10/10!` by Horner's rule (the first omitted term is
/// below `2e-19 x` there, within one unit in the last place of `-exp_m1(-x)`, measured);
/// otherwise `-exp_m1(-x)`.
#[inline]
pub(crate) fn exit_probability(x: f64) -> f64 {
    if x <= SERIES_LIMIT {
        series(x)
    } else {
        -(-x).exp_m1()
    }
}

/// The series of [`exit_probability`], for any `x` (accurate only up to [`SERIES_LIMIT`]).
#[inline(always)]
pub(crate) fn series<T>(x: T) -> T
where
    T: Copy + std::ops::Mul<Output = T> + std::ops::Add<Output = T> + From<f64>,
{
    let mut p = T::from(SERIES[0]);
    for c in &SERIES[1..] {
        p = p * x + T::from(*c);
    }
    p * x
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Within two units in the last place of `-exp_m1(-x)` (measured: one), on both sides of
    /// the series' limit and far below it.
    #[test]
    fn the_exit_probability_agrees_with_exp_m1() {
        let mut worst = 0.0f64;
        for k in 0..=20_000 {
            let x = f64::from(k) / 20_000.0 * 0.125;
            for x in [x, x * 1e-6, x * 1e-12] {
                let (got, want) = (exit_probability(x), -(-x).exp_m1());
                let err = (got - want).abs();
                assert!(err <= 2.0 * f64::EPSILON * want, "x = {x}: {got} vs {want}");
                if want > 0.0 {
                    worst = worst.max(err / want);
                }
            }
        }
        assert!(worst > 0.0, "the series was compared");
        assert_eq!(exit_probability(0.0), 0.0);
        assert_eq!(exit_probability(f64::INFINITY), 1.0);
        assert_eq!(exit_probability(800.0), 1.0);
    }
}
