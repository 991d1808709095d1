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
    /// Switzerland, Swiss franc.
    CH,
    /// Denmark, Danish krone.
    DK,
    /// Australia, Australian dollar.
    AU,
    /// Belgium, euro.
    BE,
    /// Spain, euro.
    ES,
    /// Austria, euro.
    AT,
    /// France, euro.
    FR,
    /// Ireland, euro.
    IE,
    /// Norway, Norwegian krone.
    NO,
}

impl Economy {
    /// Every economy the converter has tables for.
    pub const ALL: [Economy; 14] = [
        Economy::US,
        Economy::DE,
        Economy::NL,
        Economy::GB,
        Economy::CA,
        Economy::CH,
        Economy::DK,
        Economy::AU,
        Economy::BE,
        Economy::ES,
        Economy::AT,
        Economy::FR,
        Economy::IE,
        Economy::NO,
    ];

    /// ISO 4217 currency code.
    pub fn currency(self) -> &'static str {
        match self {
            Economy::US => "USD",
            Economy::DE
            | Economy::NL
            | Economy::BE
            | Economy::ES
            | Economy::AT
            | Economy::FR
            | Economy::IE => "EUR",
            Economy::GB => "GBP",
            Economy::CA => "CAD",
            Economy::CH => "CHF",
            Economy::DK => "DKK",
            Economy::AU => "AUD",
            Economy::NO => "NOK",
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
            Economy::CH => "Switzerland",
            Economy::DK => "Denmark",
            Economy::AU => "Australia",
            Economy::BE => "Belgium",
            Economy::ES => "Spain",
            Economy::AT => "Austria",
            Economy::FR => "France",
            Economy::IE => "Ireland",
            Economy::NO => "Norway",
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
            Economy::CH => "CH",
            Economy::DK => "DK",
            Economy::AU => "AU",
            Economy::BE => "BE",
            Economy::ES => "ES",
            Economy::AT => "AT",
            Economy::FR => "FR",
            Economy::IE => "IE",
            Economy::NO => "NO",
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
            Economy::CH => &CH_CPI,
            Economy::DK => &DK_CPI,
            Economy::AU => &AU_CPI,
            Economy::BE => &BE_CPI,
            Economy::ES => &ES_CPI,
            Economy::AT => &AT_CPI,
            Economy::FR => &FR_CPI,
            Economy::IE => &IE_CPI,
            Economy::NO => &NO_CPI,
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

    /// The first and last years of this economy's price index: the price years money can
    /// be expressed in.
    pub fn years(self) -> (u16, u16) {
        let t = self.cpi_table();
        let n = u16::try_from(t.values.len()).unwrap_or(u16::MAX);
        (
            t.first_year,
            t.first_year.saturating_add(n.saturating_sub(1)),
        )
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

    /// The basis as a permalink writes it: economy code and year, `CH.2024`.
    pub fn id(self) -> String {
        format!("{}.{}", self.economy.code(), self.year)
    }

    /// Read [`PriceBasis::id`]'s form; `None` for an unknown economy or a year outside its
    /// price index.
    pub fn from_id(text: &str) -> Option<PriceBasis> {
        let (code, year) = text.split_once('.')?;
        let economy = Economy::from_code(code)?;
        let year: u16 = year.parse().ok()?;
        let (first, last) = economy.years();
        (first..=last)
            .contains(&year)
            .then_some(PriceBasis { economy, year })
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

/// Switzerland: World Bank WDI FP.CPI.TOTL (2010 = 100), annual averages 1990-2024.
static CH_CPI: CpiTable = CpiTable {
    first_year: 1990,
    source: "wdi_cpi",
    values: &[
        75.7072261056968,
        80.1433641788009,
        83.3787760002361,
        86.1241237580079,
        86.8580020534487,
        88.4212964937199,
        89.1389538564488,
        89.6026773559716,
        89.6187506765555,
        90.3414760556727,
        91.7494743368115,
        92.656895290517,
        93.252411818155,
        93.8476167201897,
        94.6011274286295,
        95.7098093179335,
        96.723863632636,
        97.4322214313128,
        99.7959672366681,
        99.316465640817,
        100.0,
        100.231349207651,
        99.5371949759392,
        99.3208776033038,
        99.3077647259499,
        98.1717745930005,
        97.7451017375587,
        98.2668532046593,
        99.1869606006829,
        99.5468963730059,
        98.8243104053428,
        99.3992842451935,
        102.21728177187,
        104.400030506506,
        105.509114228825,
    ],
};

/// Denmark: World Bank WDI FP.CPI.TOTL (2010 = 100), annual averages 1990-2024.
static DK_CPI: CpiTable = CpiTable {
    first_year: 1990,
    source: "wdi_cpi",
    values: &[
        66.1125158467994,
        67.6960119632176,
        69.1149504508526,
        69.9843174716543,
        71.3784153200607,
        72.8656619944648,
        74.415003124721,
        76.0388626015535,
        77.4422747968931,
        79.376624408535,
        81.6811516828855,
        83.5907508258191,
        85.6173555932506,
        87.3939826801179,
        88.4028211766807,
        90.0098205517365,
        91.7418087670744,
        93.295241496295,
        96.482456923489,
        97.741273100616,
        100.0,
        102.758682260513,
        105.222747968931,
        106.053030979377,
        106.65119185787,
        107.133291670387,
        107.401124899563,
        108.633157753772,
        109.517007410053,
        110.347290420498,
        110.811534684403,
        112.864922774752,
        121.55164717436,
        125.569145611999,
        127.292206053031,
    ],
};

/// Australia: World Bank WDI FP.CPI.TOTL (2010 = 100), annual averages 1990-2024.
static AU_CPI: CpiTable = CpiTable {
    first_year: 1990,
    source: "wdi_cpi",
    values: &[
        59.7814776274714,
        61.6805411030177,
        62.3048907388137,
        63.3975026014568,
        64.6462018730489,
        67.6378772112383,
        69.4068678459938,
        69.5629552549428,
        70.1612903225807,
        71.2018730489074,
        74.375650364204,
        77.6534859521332,
        79.9687825182102,
        82.1540062434964,
        84.0790842872008,
        86.3423517169615,
        89.4120707596254,
        91.4932362122789,
        95.4734651404787,
        97.1644120707596,
        100.0,
        103.303850156087,
        105.124869927159,
        107.700312174818,
        110.379812695109,
        112.044745057232,
        113.475546305931,
        115.686784599376,
        117.89802289282,
        119.797086368366,
        120.811654526535,
        124.271592091571,
        132.466181061394,
        139.880332986472,
        144.302809573361,
    ],
};

/// Belgium: World Bank WDI FP.CPI.TOTL (2010 = 100), annual averages 1990-2024.
static BE_CPI: CpiTable = CpiTable {
    first_year: 1990,
    source: "wdi_cpi",
    values: &[
        66.4424441972296,
        68.5787752099333,
        70.2438374721883,
        72.1786523002943,
        73.8947292399339,
        74.9794794731931,
        76.536819062657,
        77.782961314864,
        78.521316299433,
        79.4014210866288,
        81.4218043493863,
        83.4323189549989,
        84.8049594487906,
        86.1524797243953,
        87.959341132563,
        90.4058709538505,
        92.025227876265,
        93.7028995908993,
        97.9096389865786,
        97.8576042489055,
        100.0,
        103.532082107227,
        106.47204478576,
        107.657180793799,
        108.02321825881,
        108.629692097897,
        110.773882150291,
        113.128902605325,
        115.451625636977,
        117.110457187971,
        117.978001866073,
        120.856958300438,
        132.456219048303,
        137.819385631235,
        142.15172611785,
    ],
};

/// Spain: World Bank WDI FP.CPI.TOTL (2010 = 100), annual averages 1990-2024.
static ES_CPI: CpiTable = CpiTable {
    first_year: 1990,
    source: "wdi_cpi",
    values: &[
        51.8743670462093,
        54.952702709123,
        58.2083927605955,
        60.8679759826759,
        63.7399789245035,
        66.7190602114961,
        69.0934885457812,
        70.455372303681,
        71.7477563338138,
        73.405379287671,
        75.925764461848,
        78.6513734705299,
        81.0625546960444,
        83.5259552625553,
        86.0645168646731,
        88.9638704417587,
        92.09146271357,
        94.6578652555523,
        98.5154982815584,
        98.2319577881941,
        100.0,
        103.196101888338,
        105.720410449569,
        107.209568161367,
        107.047558596627,
        106.511929320121,
        106.296138281102,
        108.375371885592,
        110.190639172868,
        110.961443623997,
        110.603312216661,
        114.024422110457,
        123.591728295232,
        127.957434718697,
        131.50720206156,
    ],
};

/// Austria: World Bank WDI FP.CPI.TOTL (2010 = 100), annual averages 1990-2024.
static AT_CPI: CpiTable = CpiTable {
    first_year: 1990,
    source: "wdi_cpi",
    values: &[
        65.7176910212227,
        67.9109710079771,
        70.6415677919718,
        73.207117831008,
        75.3692237067868,
        77.0600314833087,
        78.4940964432539,
        79.5192125233052,
        80.2527511738916,
        80.7093843250227,
        82.6019086974074,
        84.7908599162324,
        86.3258779282457,
        87.4960715682982,
        89.2995460030087,
        91.3526656707508,
        92.6695586626601,
        94.6791492774124,
        97.7239836933118,
        98.2187688495277,
        100.0,
        103.286579148754,
        105.853948467215,
        107.971192747618,
        109.70500693326,
        110.688581802368,
        111.675472068849,
        113.999739176771,
        116.277886952829,
        118.057980056249,
        119.689435836364,
        123.00084356117,
        133.513565675464,
        143.946494832533,
        148.175521565418,
    ],
};

/// France: World Bank WDI FP.CPI.TOTL (2010 = 100), annual averages 1990-2024.
static FR_CPI: CpiTable = CpiTable {
    first_year: 1990,
    source: "wdi_cpi",
    values: &[
        71.1881257808513,
        73.4756902285804,
        75.2124795438948,
        76.7952981752274,
        78.0666561086769,
        79.4691090816308,
        81.0448890531243,
        82.0206232733287,
        82.5546815886255,
        82.998117158493,
        84.3891323092083,
        85.768709637685,
        87.4183955374896,
        89.2528462580725,
        91.1647222368861,
        92.7563391930176,
        94.3101233525136,
        95.7134561579475,
        98.4057435464287,
        98.4919671294585,
        100.0,
        102.11159795175,
        104.107058016154,
        105.006246810607,
        105.539425293424,
        105.579017755019,
        105.772580900596,
        106.864453008147,
        108.842316422953,
        110.04856675289,
        110.572946910908,
        112.388921149413,
        118.258283622798,
        124.027345193475,
        126.506713121822,
    ],
};

/// Ireland: World Bank WDI FP.CPI.TOTL (2010 = 100), annual averages 1990-2024.
static IE_CPI: CpiTable = CpiTable {
    first_year: 1990,
    source: "wdi_cpi",
    values: &[
        60.9535664630293,
        62.9106698967769,
        64.8420265430799,
        65.7948251527281,
        67.3141605224352,
        69.0137518432694,
        70.2254571308195,
        71.3081946492521,
        73.0250684642933,
        74.2152938698125,
        78.3547503686539,
        82.1571518854013,
        85.9595534021488,
        88.961449336423,
        90.8995154834632,
        93.1325047398357,
        96.7979776701074,
        101.527280387613,
        105.624605013693,
        100.926901200758,
        100.0,
        102.548978302086,
        104.286918053508,
        104.82409943122,
        105.024225826838,
        104.676637876554,
        104.697703812935,
        105.07689066779,
        105.571940172741,
        106.562039182642,
        106.214451232357,
        108.7002317253,
        117.210870023173,
        124.594480724668,
        127.227722772277,
    ],
};

/// Norway: World Bank WDI FP.CPI.TOTL (2010 = 100), annual averages 1990-2024.
static NO_CPI: CpiTable = CpiTable {
    first_year: 1990,
    source: "wdi_cpi",
    values: &[
        65.0076916116188,
        67.2427834585105,
        68.8082526468193,
        70.3827707899737,
        71.3510089584653,
        73.106506198534,
        74.029499592797,
        75.9297801103972,
        77.6400325762374,
        79.4769704099176,
        81.9292371731065,
        84.3905528911411,
        85.4764274726269,
        87.60293186137,
        88.0010858745815,
        89.349380146593,
        91.4306397611076,
        92.0821645099991,
        95.5388652610623,
        97.6382227852683,
        100.0,
        101.284951588092,
        101.990770066057,
        104.153470274183,
        106.279974662926,
        108.587458148584,
        112.442312912858,
        114.55071939191,
        117.71785358791,
        120.269658854402,
        121.81703013302,
        126.06098995566,
        133.327300696769,
        140.684100986336,
        145.109039905891,
    ],
};

/// Purchasing power parities for GDP, local currency per US (international) dollar:
/// World Bank PA.NUS.PPP for 2024 (Germany, the Netherlands and the United Kingdom as
/// published in 2025; the other European economies and Australia from the WDI release of
/// 13 July 2026); OECD Key Tables (October 2013 edition) for Canada 2009-2012. The US is 1
/// by definition.
static PPP: &[(Economy, u16, f64)] = &[
    (Economy::US, 2024, 1.0),
    (Economy::DE, 2024, 0.700862),
    (Economy::NL, 2024, 0.731421),
    (Economy::GB, 2024, 0.664153),
    (Economy::CH, 2024, 0.972889),
    (Economy::DK, 2024, 6.050211),
    (Economy::AU, 2024, 1.366527),
    (Economy::BE, 2024, 0.704288),
    (Economy::ES, 2024, 0.562107),
    (Economy::AT, 2024, 0.710451),
    (Economy::FR, 2024, 0.681239),
    (Economy::IE, 2024, 0.740894),
    (Economy::NO, 2024, 9.142143),
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
pub const PPP_SOURCES: [&str; 3] = ["worldbank_ppp", "wdi_ppp", "oecd_ppp_2013"];

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
    fn new_economies_convert_with_their_own_index_and_the_2024_parity() {
        // CHF 2000 -> USD 2024: Swiss CPI 2024/2000, then CHF 0.972889 per international $.
        let f = conversion_factor(PriceBasis::new(Economy::CH, 2000), PriceBasis::US_2024)
            .unwrap_or(f64::NAN);
        let expected = 105.509114228825 / 91.7494743368115 / 0.972889;
        assert!((f - expected).abs() < 1e-12, "{f} vs {expected}");
        // Euro to euro across countries still changes parity: Belgium and Spain differ.
        let be_es = conversion_factor(
            PriceBasis::new(Economy::BE, 2024),
            PriceBasis::new(Economy::ES, 2024),
        )
        .unwrap_or(f64::NAN);
        assert!((be_es - 0.562107 / 0.704288).abs() < 1e-12);
        // DKK 2010 -> AUD 2010 goes through 2024 and back with each country's own index.
        let f = conversion_factor(
            PriceBasis::new(Economy::DK, 2010),
            PriceBasis::new(Economy::AU, 2010),
        )
        .unwrap_or(f64::NAN);
        let expected = 127.292206053031 / 100.0 * 1.366527 / 6.050211 * 100.0 / 144.302809573361;
        assert!((f - expected).abs() < 1e-12, "{f} vs {expected}");
    }

    #[test]
    fn a_basis_reads_back_from_its_id_and_only_within_the_index() {
        for e in Economy::ALL {
            let (first, last) = e.years();
            assert_eq!((first, last), (1990, 2024), "{e:?}");
            let b = PriceBasis::new(e, 2011);
            assert_eq!(PriceBasis::from_id(&b.id()), Some(b));
        }
        assert_eq!(PriceBasis::from_id("CH.1989"), None);
        assert_eq!(PriceBasis::from_id("CH.2025"), None);
        assert_eq!(PriceBasis::from_id("XX.2024"), None);
        assert_eq!(PriceBasis::from_id("CH"), None);
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
