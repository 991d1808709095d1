//! Money with its economy and price year, and the one place where it is converted.
//!
//! A figure from a source keeps the economy (country and currency) and price year it was
//! published in. [`convert`] brings it to another economy and year: first inflate with the
//! source economy's consumer price index to the target year, then change currency with the
//! target year's purchasing power parities (the method of the CCEMG-EPPI-Centre cost
//! converter). Nothing else in the crate converts money.

use serde::{Deserialize, Serialize};
use std::fmt;

/// An economy: a country with its currency and price index.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub enum Economy {
    /// United States, US dollar.
    US,
    /// Germany, euro.
    DE,
    /// The Netherlands, euro.
    NL,
    /// United Kingdom, pound sterling.
    GB,
    /// Canada, Canadian dollar.
    CA,
}

impl Economy {
    /// Every economy the converter has tables for.
    pub const ALL: [Economy; 5] = [
        Economy::US,
        Economy::DE,
        Economy::NL,
        Economy::GB,
        Economy::CA,
    ];

    /// ISO 4217 currency code.
    pub fn currency(self) -> &'static str {
        match self {
            Economy::US => "USD",
            Economy::DE | Economy::NL => "EUR",
            Economy::GB => "GBP",
            Economy::CA => "CAD",
        }
    }

    /// Country name in English.
    pub fn country(self) -> &'static str {
        match self {
            Economy::US => "United States",
            Economy::DE => "Germany",
            Economy::NL => "Netherlands",
            Economy::GB => "United Kingdom",
            Economy::CA => "Canada",
        }
    }

    /// Short code used in URLs and the CLI (`US`, `DE`, ...).
    pub fn code(self) -> &'static str {
        match self {
            Economy::US => "US",
            Economy::DE => "DE",
            Economy::NL => "NL",
            Economy::GB => "GB",
            Economy::CA => "CA",
        }
    }

    /// Parse a code as written by [`Economy::code`].
    pub fn from_code(code: &str) -> Option<Economy> {
        Economy::ALL
            .into_iter()
            .find(|e| e.code().eq_ignore_ascii_case(code))
    }

    fn cpi_table(self) -> &'static CpiTable {
        match self {
            Economy::US => &US_CPI,
            Economy::DE => &DE_CPI,
            Economy::NL => &NL_CPI,
            Economy::GB => &GB_CPI,
            Economy::CA => &CA_CPI,
        }
    }

    /// Consumer price index for `year`, on the table's own base.
    pub fn cpi(self, year: u16) -> Option<f64> {
        let t = self.cpi_table();
        let i = usize::from(year.checked_sub(t.first_year)?);
        t.values.get(i).copied()
    }

    /// Purchasing power parity for GDP in `year`: units of this currency per international
    /// (US) dollar.
    pub fn ppp(self, year: u16) -> Option<f64> {
        PPP.iter()
            .find(|(e, y, _)| *e == self && *y == year)
            .map(|(_, _, v)| *v)
    }

    /// The latest year for which both economies have a purchasing power parity.
    pub fn common_ppp_year(self, other: Economy) -> Option<u16> {
        PPP.iter()
            .filter(|(e, y, _)| *e == self && other.ppp(*y).is_some())
            .map(|(_, y, _)| *y)
            .max()
    }

    /// Source id of this economy's price index.
    pub fn cpi_source(self) -> &'static str {
        self.cpi_table().source
    }
}

impl fmt::Display for Economy {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} ({})", self.country(), self.currency())
    }
}

/// The economy and price year money is expressed in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
pub struct PriceBasis {
    /// Country and currency.
    pub economy: Economy,
    /// Price year.
    pub year: u16,
}

impl PriceBasis {
    /// US dollars at 2024 prices: the calculator's default context.
    pub const US_2024: PriceBasis = PriceBasis {
        economy: Economy::US,
        year: 2024,
    };

    /// Build a basis.
    pub const fn new(economy: Economy, year: u16) -> Self {
        PriceBasis { economy, year }
    }
}

impl fmt::Display for PriceBasis {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} {}", self.economy.currency(), self.year)
    }
}

/// Why a conversion could not be made.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum ConvertError {
    /// The price index of `economy` has no value for `year`.
    NoCpi {
        /// Economy whose index is missing.
        economy: Economy,
        /// Year asked for.
        year: u16,
    },
    /// No purchasing power parity for `economy` in `year`.
    NoPpp {
        /// Economy whose PPP is missing.
        economy: Economy,
        /// Year asked for.
        year: u16,
    },
}

impl fmt::Display for ConvertError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            ConvertError::NoCpi { economy, year } => {
                write!(
                    f,
                    "no consumer price index for {} in {year}",
                    economy.country()
                )
            }
            ConvertError::NoPpp { economy, year } => {
                write!(
                    f,
                    "no purchasing power parity for {} in {year}",
                    economy.country()
                )
            }
        }
    }
}

impl std::error::Error for ConvertError {}

/// The factor that turns an amount on basis `from` into an amount on basis `to`.
///
/// # Formula
///
/// Within one economy: `CPI(to.year) / CPI(from.year)`.
///
/// Between economies, with `Y` the latest year for which both have a purchasing power parity:
///
/// `factor = CPI_from(Y) / CPI_from(from.year) × PPP_to(Y) / PPP_from(Y) × CPI_to(to.year) / CPI_to(Y)`
///
/// That is: inflate in the source economy to `Y`, change currency at year `Y`'s parity, then
/// move to the target year with the target economy's own index. When the target year has
/// parities (`to.year = Y`) this is the usual method of inflating first and converting at the
/// target year's PPP. Economies with no parity year in common convert through US dollars.
pub fn conversion_factor(from: PriceBasis, to: PriceBasis) -> Result<f64, ConvertError> {
    let cpi = |e: Economy, y: u16| {
        e.cpi(y).ok_or(ConvertError::NoCpi {
            economy: e,
            year: y,
        })
    };
    if from.economy == to.economy {
        return Ok(cpi(from.economy, to.year)? / cpi(from.economy, from.year)?);
    }
    let Some(y) = from.economy.common_ppp_year(to.economy) else {
        // No parity year in common: pass through US dollars, the parities' own numeraire.
        let via_year = match (from.economy, to.economy) {
            (Economy::US, _) | (_, Economy::US) => None,
            _ => from.economy.common_ppp_year(Economy::US),
        }
        .ok_or(ConvertError::NoPpp {
            economy: to.economy,
            year: to.year,
        })?;
        let via = PriceBasis::new(Economy::US, via_year);
        return Ok(conversion_factor(from, via)? * conversion_factor(via, to)?);
    };
    let ppp = |e: Economy| {
        e.ppp(y).ok_or(ConvertError::NoPpp {
            economy: e,
            year: y,
        })
    };
    Ok(
        cpi(from.economy, y)? / cpi(from.economy, from.year)? * ppp(to.economy)?
            / ppp(from.economy)?
            * cpi(to.economy, to.year)?
            / cpi(to.economy, y)?,
    )
}

/// Convert `value` from basis `from` to basis `to`; see [`conversion_factor`].
pub fn convert(value: f64, from: PriceBasis, to: PriceBasis) -> Result<f64, ConvertError> {
    Ok(value * conversion_factor(from, to)?)
}

struct CpiTable {
    first_year: u16,
    values: &'static [f64],
    source: &'static str,
}

/// BLS CPI-U, US city average, annual averages 1990-2024 (1982-84 = 100).
static US_CPI: CpiTable = CpiTable {
    first_year: 1990,
    source: "bls_cpi",
    values: &[
        130.7, 136.2, 140.3, 144.5, 148.2, 152.4, 156.9, 160.5, 163.0, 166.6, // 1990-1999
        172.2, 177.1, 179.9, 184.0, 188.9, 195.3, 201.6, 207.342, 215.303, 214.537, // 2000s
        218.056, 224.939, 229.594, 232.957, 236.736, 237.017, 240.007, 245.120, 251.107,
        255.657, // 2010s
        258.811, 270.970, 292.655, 304.702, 313.689, // 2020-2024
    ],
};

/// OECD consumer price indices (2015 = 100), annual, 1990-2024.
static DE_CPI: CpiTable = CpiTable {
    first_year: 1990,
    source: "oecd_cpi",
    values: &[
        62.9, 65.5, 68.8, 71.9, 73.8, 75.1, 76.2, 77.6, 78.3, 78.8, // 1990s
        79.9, 81.5, 82.7, 83.5, 84.9, 86.2, 87.6, 89.6, 92.0, 92.3, // 2000s
        93.3, 95.2, 97.1, 98.6, 99.5, 100.0, 100.5, 102.0, 103.8, 105.3, // 2010s
        105.4, 108.7, 116.1, 123.0, 125.8, // 2020-2024
    ],
};

static NL_CPI: CpiTable = CpiTable {
    first_year: 1990,
    source: "oecd_cpi",
    values: &[
        59.1, 61.0, 62.9, 64.5, 66.3, 67.6, 68.9, 70.4, 71.8, 73.3, // 1990s
        75.1, 78.2, 80.7, 82.4, 83.5, 84.9, 85.8, 87.2, 89.4, 90.4, // 2000s
        91.6, 93.7, 96.0, 98.4, 99.4, 100.0, 100.3, 101.7, 103.4, 106.2, // 2010s
        107.5, 110.4, 121.4, 126.1, 130.3, // 2020-2024
    ],
};

static GB_CPI: CpiTable = CpiTable {
    first_year: 1990,
    source: "oecd_cpi",
    values: &[
        55.1, 59.2, 61.9, 63.5, 64.9, 66.6, 68.5, 70.0, 71.3, 72.6, // 1990s
        73.4, 74.6, 75.7, 76.7, 77.8, 79.4, 81.4, 83.3, 86.2, 87.9, // 2000s
        90.1, 93.6, 96.0, 98.2, 99.6, 100.0, 101.0, 103.6, 106.0, 107.8, // 2010s
        108.9, 111.6, 120.5, 128.6, 132.9, // 2020-2024
    ],
};

/// Statistics Canada, all-items CPI (2002 = 100), annual averages 1990-2024.
static CA_CPI: CpiTable = CpiTable {
    first_year: 1990,
    source: "statcan_cpi",
    values: &[
        78.4, 82.8, 84.0, 85.6, 85.7, 87.6, 88.9, 90.4, 91.3, 92.9, // 1990s
        95.4, 97.8, 100.0, 102.8, 104.7, 107.0, 109.1, 111.5, 114.1, 114.4, // 2000s
        116.5, 119.9, 121.7, 122.8, 125.2, 126.6, 128.4, 130.4, 133.4, 136.0, // 2010s
        137.0, 141.6, 151.2, 157.1, 160.9, // 2020-2024
    ],
};

/// Purchasing power parities for GDP, local currency per US (international) dollar:
/// World Bank PA.NUS.PPP for 2024; OECD Key Tables (October 2013 edition) for Canada
/// 2009-2012, where the US is 1 by definition.
static PPP: &[(Economy, u16, f64)] = &[
    (Economy::US, 2024, 1.0),
    (Economy::DE, 2024, 0.700862),
    (Economy::NL, 2024, 0.731421),
    (Economy::GB, 2024, 0.664153),
    (Economy::US, 2009, 1.0),
    (Economy::US, 2010, 1.0),
    (Economy::US, 2011, 1.0),
    (Economy::US, 2012, 1.0),
    (Economy::CA, 2009, 1.20),
    (Economy::CA, 2010, 1.22),
    (Economy::CA, 2011, 1.23),
    (Economy::CA, 2012, 1.23),
];

/// Source ids behind the purchasing power parities.
pub const PPP_SOURCES: [&str; 2] = ["worldbank_ppp", "oecd_ppp_2013"];

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn between_economies_inflate_then_convert_at_the_common_parity_year() {
        // US 2024 -> Canada 2009: deflate in the US to 2012 (the latest common PPP year),
        // convert at 1.23 CAD per USD, then deflate in Canada from 2012 to 2009.
        let f = conversion_factor(PriceBasis::US_2024, PriceBasis::new(Economy::CA, 2009)).unwrap();
        let expected = 229.594 / 313.689 * 1.23 * 114.4 / 121.7;
        assert!((f - expected).abs() < 1e-12, "{f} vs {expected}");
        // To a year with parities it is the usual inflate-then-convert.
        let f = conversion_factor(PriceBasis::new(Economy::DE, 2009), PriceBasis::US_2024).unwrap();
        assert!((f - 125.8 / 92.3 / 0.700862).abs() < 1e-12);
    }

    #[test]
    fn economies_without_a_common_parity_year_go_through_us_dollars() {
        let de = PriceBasis::new(Economy::DE, 2009);
        let ca = PriceBasis::new(Economy::CA, 2009);
        let direct = conversion_factor(de, ca).unwrap();
        let via = conversion_factor(de, PriceBasis::US_2024).unwrap()
            * conversion_factor(PriceBasis::US_2024, ca).unwrap();
        assert!((direct - via).abs() < 1e-12);
    }

    #[test]
    fn same_basis_is_identity() {
        let b = PriceBasis::US_2024;
        assert_eq!(conversion_factor(b, b), Ok(1.0));
    }

    #[test]
    fn us_2008_to_2024_matches_evidence_factor() {
        // EVIDENCE §3.1: CPI-U 2008 = 215.303, 2024 = 313.689, factor 1.45697.
        let f = conversion_factor(PriceBasis::new(Economy::US, 2008), PriceBasis::US_2024);
        assert!((f.unwrap_or(0.0) - 1.45697).abs() < 1e-5);
    }

    #[test]
    fn round_trip_is_identity() {
        let a = PriceBasis::new(Economy::DE, 2009);
        let b = PriceBasis::new(Economy::DE, 2024);
        let there = conversion_factor(a, b).unwrap_or(f64::NAN);
        let back = conversion_factor(b, a).unwrap_or(f64::NAN);
        assert!((there * back - 1.0).abs() < 1e-12);
    }

    #[test]
    fn missing_years_are_errors_not_numbers() {
        let r = conversion_factor(PriceBasis::new(Economy::US, 1950), PriceBasis::US_2024);
        assert_eq!(
            r,
            Err(ConvertError::NoCpi {
                economy: Economy::US,
                year: 1950
            })
        );
        // A year outside the target's price index is an error too.
        let r = conversion_factor(
            PriceBasis::new(Economy::DE, 2009),
            PriceBasis::new(Economy::CA, 1980),
        );
        assert_eq!(
            r,
            Err(ConvertError::NoCpi {
                economy: Economy::CA,
                year: 1980
            })
        );
    }
}
