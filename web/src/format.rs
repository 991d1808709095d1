//! Formatting numbers for people. In the browser, money and numbers go through
//! `Intl.NumberFormat` in the reader's locale; natively (tests) a fixed English format stands in.

/// Money rounded to whole units in `currency` (ISO 4217), e.g. "$12,793" or "12.793 €".
pub fn money(value: f64, currency: &str) -> String {
    if !value.is_finite() {
        return "—".into();
    }
    // Below half a unit rounds to zero: never show "-$0".
    let value = if value.abs() < 0.5 { 0.0 } else { value };
    imp::money(value, currency)
}

/// A plain number with precision suited to its size.
pub fn number(value: f64) -> String {
    if !value.is_finite() {
        return "—".into();
    }
    let digits = match value.abs() {
        a if a >= 1000.0 => 0,
        a if a >= 10.0 => 1,
        a if a >= 1.0 => 2,
        _ => 3,
    };
    imp::number(value, digits)
}

/// A count of years, e.g. "1 year", "2.5 years".
pub fn years(value: f64) -> String {
    let unit = if value == 1.0 { "year" } else { "years" };
    format!("{} {unit}", number(value))
}

/// A share as a percentage, e.g. "69.9%".
pub fn percent(share: f64) -> String {
    if !share.is_finite() {
        return "—".into();
    }
    format!("{}%", imp::number(share * 100.0, 1))
}

/// A ratio to two decimals.
pub fn ratio(value: f64) -> String {
    if !value.is_finite() {
        return "—".into();
    }
    imp::number(value, 2)
}

#[cfg(target_arch = "wasm32")]
mod imp {
    use js_sys::{Array, Function, Intl, Object, Reflect};
    use std::cell::RefCell;
    use wasm_bindgen::JsValue;

    /// Texts formatted by one `Intl.NumberFormat`, by the value's bits. A render formats the
    /// same numbers again (a drag changes a few of the page's figures, not all of them), so
    /// texts are kept in [`SLOTS`] places, each value's place chosen by its bits (a later
    /// value with the same place takes it over). No hash map: its code would be most of this
    /// module's size in the widget's bundle.
    struct Format {
        format: Function,
        texts: Vec<Option<(u64, String)>>,
    }

    /// Places for kept texts per format (a power of two).
    const SLOTS: usize = 512;

    /// The place of a value's text: the top bits of its bits times a large odd number.
    fn slot(bits: u64) -> usize {
        (bits.wrapping_mul(0x9E37_79B9_7F4A_7C15) >> (64 - SLOTS.trailing_zeros())) as usize
    }

    impl Format {
        fn new(options: &[(&str, JsValue)]) -> Format {
            let opts = Object::new();
            for (k, v) in options {
                let _ = Reflect::set(&opts, &JsValue::from_str(k), v);
            }
            Format {
                format: Intl::NumberFormat::new(&Array::new(), &opts).format(),
                texts: vec![None; SLOTS],
            }
        }

        fn text(&mut self, value: f64) -> Option<String> {
            let bits = value.to_bits();
            let place = &mut self.texts[slot(bits)];
            if let Some((b, t)) = place {
                if *b == bits {
                    return Some(t.clone());
                }
            }
            let t = self
                .format
                .call1(&JsValue::NULL, &JsValue::from_f64(value))
                .ok()?
                .as_string()?;
            *place = Some((bits, t.clone()));
            Some(t)
        }
    }

    /// The format kept under the key `is` picks, made by `make` (with its key) the first time.
    fn kept<K>(
        formats: &mut Vec<(K, Format)>,
        is: impl Fn(&K) -> bool,
        make: impl FnOnce() -> (K, Format),
    ) -> &mut Format {
        let at = match formats.iter().position(|(k, _)| is(k)) {
            Some(at) => at,
            None => {
                formats.push(make());
                formats.len() - 1
            }
        };
        &mut formats[at].1
    }

    thread_local! {
        /// Money formats by currency code.
        static MONEY: RefCell<Vec<(String, Format)>> = const { RefCell::new(Vec::new()) };
        /// Number formats by their count of decimals.
        static NUMBER: RefCell<Vec<(u32, Format)>> = const { RefCell::new(Vec::new()) };
    }

    pub fn money(value: f64, currency: &str) -> String {
        // Whole units: the value rounded as `Intl` rounds it (half away from zero), so that
        // amounts within a unit of each other share one text.
        let value = value.round();
        MONEY
            .with(|m| {
                let is = |k: &String| k == currency;
                kept(&mut m.borrow_mut(), is, || {
                    let f = Format::new(&[
                        ("style", "currency".into()),
                        ("currency", currency.into()),
                        ("maximumFractionDigits", 0.into()),
                        ("minimumFractionDigits", 0.into()),
                    ]);
                    (currency.to_string(), f)
                })
                .text(value)
            })
            .unwrap_or_else(|| format!("{currency} {value:.0}"))
    }

    pub fn number(value: f64, digits: u32) -> String {
        NUMBER
            .with(|m| {
                kept(
                    &mut m.borrow_mut(),
                    |k| *k == digits,
                    || {
                        let f = Format::new(&[
                            ("maximumFractionDigits", digits.into()),
                            ("minimumFractionDigits", 0.into()),
                        ]);
                        (digits, f)
                    },
                )
                .text(value)
            })
            .unwrap_or_else(|| format!("{value:.*}", digits as usize))
    }
}

#[cfg(not(target_arch = "wasm32"))]
mod imp {
    fn grouped(v: f64, digits: u32) -> String {
        let s = format!("{:.*}", digits as usize, v.abs());
        let (int, frac) = s
            .split_once('.')
            .map_or((s.as_str(), None), |(i, f)| (i, Some(f)));
        let mut out = String::new();
        for (i, ch) in int.chars().enumerate() {
            if i > 0 && (int.len() - i) % 3 == 0 {
                out.push(',');
            }
            out.push(ch);
        }
        if let Some(f) = frac
            .map(|f| f.trim_end_matches('0'))
            .filter(|f| !f.is_empty())
        {
            out.push('.');
            out.push_str(f);
        }
        if v < 0.0 && out.chars().any(|c| c.is_ascii_digit() && c != '0') {
            format!("-{out}")
        } else {
            out
        }
    }

    pub fn money(value: f64, currency: &str) -> String {
        let g = grouped(value.round(), 0);
        match g.strip_prefix('-') {
            Some(rest) => format!("-{currency} {rest}"),
            None => format!("{currency} {g}"),
        }
    }

    pub fn number(value: f64, digits: u32) -> String {
        grouped(value, digits)
    }
}

#[cfg(all(test, not(target_arch = "wasm32")))]
mod tests {
    use super::*;

    #[test]
    fn native_stand_in_groups_and_signs() {
        assert_eq!(money(-12_793.4, "EUR"), "-EUR 12,793");
        assert_eq!(money(1_234_567.0, "USD"), "USD 1,234,567");
        assert_eq!(money(f64::NAN, "USD"), "—");
        assert_eq!(number(0.6721), "0.672");
        assert_eq!(number(36_987.6), "36,988");
        assert_eq!(percent(0.699), "69.9%");
    }
}
