//! Reading a number a person typed or a link carries: the one place the crate turns text into
//! an `f64`, with the language of `str::parse::<f64>` (a sign, digits with at most one point,
//! an exponent; `inf`, `infinity` and `nan` in any case) and its correctly rounded value.
//!
//! The conversion of a well-formed decimal is the standard library's where the `std-parse`
//! feature is on (the default: the command line, the tests). Its tables and code are about
//! 14 KB gzipped of a browser bundle, so the browser builds leave the feature off and hand the
//! conversion to the browser's own reader ([`set_converter`]), which is correctly rounded
//! too. Without either, a decimal of at most 15 significant digits and a power of ten within
//! ±22 is still converted exactly (one rounded multiplication or division of two exact
//! numbers); any other is refused.

use std::sync::OnceLock;

/// Turns a well-formed decimal (as [`read`] accepts it, never `inf` or `nan`) into the
/// nearest `f64`.
pub type Converter = fn(&str) -> f64;

static CONVERTER: OnceLock<Converter> = OnceLock::new();

/// Give the conversion of well-formed decimals to `convert` (the browser's number reader),
/// for a build without `std-parse`. The first converter given stays.
pub fn set_converter(convert: Converter) {
    let _ = CONVERTER.set(convert);
}

/// The number `text` spells, as `text.parse::<f64>().ok()` reads it.
pub fn read(text: &str) -> Option<f64> {
    let (negative, body) = match text.as_bytes().first() {
        Some(b'-') => (true, &text[1..]),
        Some(b'+') => (false, &text[1..]),
        _ => (false, text),
    };
    let special = if body.eq_ignore_ascii_case("inf") || body.eq_ignore_ascii_case("infinity") {
        Some(f64::INFINITY)
    } else if body.eq_ignore_ascii_case("nan") {
        Some(f64::NAN)
    } else {
        None
    };
    let value = match special {
        Some(v) => v,
        None => convert(body, Decimal::of(body)?)?,
    };
    Some(if negative { -value } else { value })
}

/// A well-formed unsigned decimal: its significant digits as a whole number (while they fit
/// in 15 digits) and the power of ten that scales it.
struct Decimal {
    /// The digits, without leading zeros, while there are at most 15 of them.
    digits: Option<u64>,
    /// `value = digits × 10^exponent` (`None` when the exponent is out of any useful range).
    exponent: Option<i32>,
}

impl Decimal {
    /// `body` read as `digits [. digits] [e [sign] digits]` with a digit somewhere before
    /// the exponent; `None` if it is not that.
    fn of(body: &str) -> Option<Decimal> {
        let b = body.as_bytes();
        let mut i = 0;
        let mut digits: Option<u64> = Some(0);
        let mut significant = 0u32;
        let mut seen_digit = false;
        let mut scale: i64 = 0;
        let mut take = |d: u8, after_point: bool| {
            seen_digit = true;
            if significant > 0 || d != b'0' {
                significant += 1;
                digits = digits
                    .filter(|_| significant <= 15)
                    .map(|v| v * 10 + u64::from(d - b'0'));
            }
            if after_point {
                scale -= 1;
            }
        };
        while i < b.len() && b[i].is_ascii_digit() {
            take(b[i], false);
            i += 1;
        }
        if i < b.len() && b[i] == b'.' {
            i += 1;
            while i < b.len() && b[i].is_ascii_digit() {
                take(b[i], true);
                i += 1;
            }
        }
        if !seen_digit {
            return None;
        }
        let mut exponent: i64 = 0;
        if i < b.len() && (b[i] == b'e' || b[i] == b'E') {
            i += 1;
            let negative = match b.get(i) {
                Some(b'-') => {
                    i += 1;
                    true
                }
                Some(b'+') => {
                    i += 1;
                    false
                }
                _ => false,
            };
            let start = i;
            let mut e: i64 = 0;
            while i < b.len() && b[i].is_ascii_digit() {
                e = (e * 10 + i64::from(b[i] - b'0')).min(1_000_000);
                i += 1;
            }
            if i == start {
                return None;
            }
            exponent = if negative { -e } else { e };
        }
        if i != b.len() {
            return None;
        }
        Some(Decimal {
            digits,
            exponent: i32::try_from(exponent + scale).ok(),
        })
    }

    /// The value, exactly rounded, where it is `digits × 10^k` or `digits / 10^k` with both
    /// exact in an `f64` (at most 15 digits, `k` at most 22); else `None`.
    fn exact(&self) -> Option<f64> {
        const POW10: [f64; 23] = [
            1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
            1e16, 1e17, 1e18, 1e19, 1e20, 1e21, 1e22,
        ];
        let m = self.digits? as f64;
        let e = self.exponent?;
        if m == 0.0 {
            return Some(0.0);
        }
        let k = POW10.get(e.unsigned_abs() as usize)?;
        Some(if e >= 0 { m * k } else { m / k })
    }
}

/// The nearest `f64` to the well-formed decimal `body`.
fn convert(body: &str, d: Decimal) -> Option<f64> {
    if let Some(v) = d.exact() {
        return Some(v);
    }
    if let Some(convert) = CONVERTER.get() {
        return Some(convert(body));
    }
    std_convert(body)
}

#[cfg(feature = "std-parse")]
fn std_convert(body: &str) -> Option<f64> {
    body.parse().ok()
}

#[cfg(not(feature = "std-parse"))]
fn std_convert(_body: &str) -> Option<f64> {
    None
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Texts whose reading must be `str::parse`'s, well-formed or not.
    const TEXTS: &[&str] = &[
        "0",
        "-0",
        "+0",
        "1",
        "12",
        "0.8",
        ".5",
        "5.",
        "-.5",
        "+5.",
        "1e3",
        "1E3",
        "1e+3",
        "1e-3",
        "2.5e-7",
        "36988",
        "0.30000000000000004",
        "0.1",
        "123456789012345",
        "1234567890123456789",
        "9007199254740993",
        "1e22",
        "1e23",
        "4.9e-324",
        "1e-400",
        "1e400",
        "1.7976931348623157e308",
        "inf",
        "-Infinity",
        "NaN",
        "nan",
        "",
        "-",
        "+",
        ".",
        "e3",
        "1e",
        "1e+",
        "1.2.3",
        "1,5",
        " 1",
        "1 ",
        "0x10",
        "1_000",
        "--1",
        "+-1",
        "infinity1",
        "in",
        "0000.000100",
        "00012",
        "1e0000000000000000000000000003",
    ];

    #[test]
    fn reads_what_str_parse_reads_and_refuses_what_it_refuses() {
        // As a browser build reads (its converter is exact too), with or without `std-parse`.
        set_converter(|t| t.parse().unwrap_or(f64::NAN));
        for t in TEXTS {
            let want = t.parse::<f64>().ok();
            let got = read(t);
            assert_eq!(
                got.map(f64::to_bits),
                want.map(f64::to_bits),
                "{t:?}: {got:?} against {want:?}"
            );
        }
    }

    #[test]
    fn the_exact_path_alone_is_exact_where_it_answers() {
        let mut answered = 0;
        for t in TEXTS.iter().filter(|t| !t.starts_with(['-', '+'])) {
            if let Some(v) = Decimal::of(t).and_then(|d| d.exact()) {
                answered += 1;
                assert_eq!(v.to_bits(), t.parse::<f64>().unwrap().to_bits(), "{t}");
            }
        }
        assert!(answered > 15, "{answered}");
        // Every value a permalink writes with at most 15 significant digits.
        let mut x = 0.000_123_f64;
        while x < 1e9 {
            let t = format!("{x}");
            if let Some(v) = Decimal::of(&t).and_then(|d| d.exact()) {
                assert_eq!(v, x, "{t}");
            }
            x = x * 1.37 + 0.013;
        }
    }
}
