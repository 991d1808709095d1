//! Formatting numbers for people: money with its currency, shares as percentages.

/// Round to whole units with thousands separators and the currency code,
/// e.g. `-12,793 EUR` is written `−EUR 12,793`.
pub fn money(value: f64, currency: &str) -> String {
    if !value.is_finite() {
        return "—".into();
    }
    let sign = if value < 0.0 { "−" } else { "" };
    format!("{sign}{currency} {}", thousands(value.abs().round()))
}

/// A plain number with sensible precision for its size.
pub fn number(value: f64) -> String {
    if !value.is_finite() {
        return "—".into();
    }
    let a = value.abs();
    if a >= 1000.0 {
        let sign = if value < 0.0 { "−" } else { "" };
        format!("{sign}{}", thousands(a.round()))
    } else if a >= 10.0 {
        format!("{value:.1}")
    } else if a >= 1.0 {
        format!("{value:.2}")
    } else {
        format!("{value:.3}")
    }
}

/// A ratio, to two decimals.
pub fn ratio(value: f64) -> String {
    if value.is_finite() {
        format!("{value:.2}")
    } else {
        "—".into()
    }
}

fn thousands(v: f64) -> String {
    let digits = format!("{v:.0}");
    let mut out = String::with_capacity(digits.len() + digits.len() / 3);
    for (i, ch) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i) % 3 == 0 {
            out.push(',');
        }
        out.push(ch);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn money_is_grouped_and_signed() {
        assert_eq!(money(-12_793.4, "EUR"), "−EUR 12,793");
        assert_eq!(money(1_234_567.0, "USD"), "USD 1,234,567");
        assert_eq!(money(999.0, "USD"), "USD 999");
        assert_eq!(money(f64::NAN, "USD"), "—");
    }
}
