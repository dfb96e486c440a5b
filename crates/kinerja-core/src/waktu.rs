//! Years, quarters and document dates.

use serde::{Deserialize, Serialize};
use std::fmt;

/// A budget/plan year. Bounded so that a typo like `20020` is refused at the boundary.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize)]
#[serde(try_from = "u16", into = "u16")]
pub struct Tahun(u16);

pub const TAHUN_MIN: u16 = 1990;
pub const TAHUN_MAKS: u16 = 2100;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error("tahun {0} di luar rentang {TAHUN_MIN}-{TAHUN_MAKS}")]
pub struct GalatTahun(pub i64);

impl Tahun {
    pub fn new(t: i64) -> Result<Tahun, GalatTahun> {
        if (TAHUN_MIN as i64..=TAHUN_MAKS as i64).contains(&t) {
            Ok(Tahun(t as u16))
        } else {
            Err(GalatTahun(t))
        }
    }
    pub fn get(self) -> u16 {
        self.0
    }
    /// The year `n` years earlier, if still in range.
    pub fn mundur(self, n: u16) -> Option<Tahun> {
        Tahun::new(self.0 as i64 - n as i64).ok()
    }
}

impl TryFrom<u16> for Tahun {
    type Error = GalatTahun;
    fn try_from(t: u16) -> Result<Self, GalatTahun> {
        Tahun::new(t as i64)
    }
}
impl From<Tahun> for u16 {
    fn from(t: Tahun) -> u16 {
        t.0
    }
}
impl fmt::Display for Tahun {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.0)
    }
}

/// The period a realisasi covers: the whole year or one triwulan.
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    Serialize,
    Deserialize,
    Default,
    schemars::JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Periode {
    #[default]
    Tahunan,
    Tw1,
    Tw2,
    Tw3,
    Tw4,
}

impl Periode {
    pub const TRIWULAN: [Periode; 4] = [Periode::Tw1, Periode::Tw2, Periode::Tw3, Periode::Tw4];

    pub fn label(self) -> &'static str {
        match self {
            Periode::Tahunan => "Tahunan",
            Periode::Tw1 => "Triwulan I",
            Periode::Tw2 => "Triwulan II",
            Periode::Tw3 => "Triwulan III",
            Periode::Tw4 => "Triwulan IV",
        }
    }
}

pub const NAMA_BULAN: [&str; 12] = [
    "Januari",
    "Februari",
    "Maret",
    "April",
    "Mei",
    "Juni",
    "Juli",
    "Agustus",
    "September",
    "Oktober",
    "November",
    "Desember",
];

/// A calendar month: the unit in which a budget system reports realisasi (January first).
#[derive(
    Debug,
    Clone,
    Copy,
    PartialEq,
    Eq,
    PartialOrd,
    Ord,
    Hash,
    Serialize,
    Deserialize,
    schemars::JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum Bulan {
    Januari,
    Februari,
    Maret,
    April,
    Mei,
    Juni,
    Juli,
    Agustus,
    September,
    Oktober,
    November,
    Desember,
}

impl Bulan {
    pub const SEMUA: [Bulan; 12] = [
        Bulan::Januari,
        Bulan::Februari,
        Bulan::Maret,
        Bulan::April,
        Bulan::Mei,
        Bulan::Juni,
        Bulan::Juli,
        Bulan::Agustus,
        Bulan::September,
        Bulan::Oktober,
        Bulan::November,
        Bulan::Desember,
    ];

    /// 1 for January.
    pub fn nomor(self) -> u8 {
        self as u8 + 1
    }

    pub fn dari_nomor(n: u8) -> Option<Bulan> {
        Bulan::SEMUA.get(usize::from(n).checked_sub(1)?).copied()
    }

    pub fn label(self) -> &'static str {
        NAMA_BULAN[self as usize]
    }

    /// The triwulan the month falls in (January-March is Triwulan I).
    pub fn triwulan(self) -> Periode {
        Periode::TRIWULAN[self as usize / 3]
    }
}

/// A document date as documents print it: often only month and year ("Januari 2021").
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub struct Tanggal {
    pub tahun: Tahun,
    pub bulan: u8,
    pub hari: Option<u8>,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "tanggal \"{0}\" tidak sah: tulis \"Januari 2021\", \"15 Januari 2021\" atau \"2021-01-15\""
)]
pub struct GalatTanggal(pub String);

impl Tanggal {
    pub fn parse(teks: &str) -> Result<Tanggal, GalatTanggal> {
        let err = || GalatTanggal(teks.to_string());
        let t = teks.trim();
        // ISO form first: 2021-01-15 or 2021-01.
        if t.chars().next().is_some_and(|c| c.is_ascii_digit()) && t.contains('-') {
            let parts: Vec<&str> = t.split('-').collect();
            let tahun = parts
                .first()
                .and_then(|p| p.parse::<i64>().ok())
                .ok_or_else(err)?;
            let bulan = parts
                .get(1)
                .and_then(|p| p.parse::<u8>().ok())
                .ok_or_else(err)?;
            let hari = match parts.get(2) {
                Some(h) => Some(h.parse::<u8>().map_err(|_| err())?),
                None => None,
            };
            if parts.len() > 3 {
                return Err(err());
            }
            return Tanggal::new(Tahun::new(tahun).map_err(|_| err())?, bulan, hari)
                .ok_or_else(err);
        }
        let words: Vec<&str> = t.split_whitespace().collect();
        let (hari, bulan_w, tahun_w) = match words.as_slice() {
            [b, y] => (None, *b, *y),
            [d, b, y] => (Some(d.parse::<u8>().map_err(|_| err())?), *b, *y),
            _ => return Err(err()),
        };
        let bulan = NAMA_BULAN
            .iter()
            .position(|n| n.eq_ignore_ascii_case(bulan_w))
            .ok_or_else(err)? as u8
            + 1;
        let tahun = tahun_w.parse::<i64>().map_err(|_| err())?;
        Tanggal::new(Tahun::new(tahun).map_err(|_| err())?, bulan, hari).ok_or_else(err)
    }

    pub fn new(tahun: Tahun, bulan: u8, hari: Option<u8>) -> Option<Tanggal> {
        if !(1..=12).contains(&bulan) {
            return None;
        }
        if let Some(h) = hari {
            let y = tahun.get() as u32;
            let kabisat = (y.is_multiple_of(4) && !y.is_multiple_of(100)) || y.is_multiple_of(400);
            let maks = match bulan {
                2 if kabisat => 29,
                2 => 28,
                4 | 6 | 9 | 11 => 30,
                _ => 31,
            };
            if h == 0 || h > maks {
                return None;
            }
        }
        Some(Tanggal { tahun, bulan, hari })
    }
}

/// Prints the way Indonesian documents do: "Januari 2021", "15 Januari 2021".
impl fmt::Display for Tanggal {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let b = NAMA_BULAN[(self.bulan - 1) as usize];
        match self.hari {
            Some(h) => write!(f, "{h} {b} {}", self.tahun),
            None => write!(f, "{b} {}", self.tahun),
        }
    }
}

impl Serialize for Tanggal {
    fn serialize<S: serde::Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        s.collect_str(self)
    }
}
impl<'de> Deserialize<'de> for Tanggal {
    fn deserialize<D: serde::Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let s = String::deserialize(d)?;
        Tanggal::parse(&s).map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tahun_out_of_range_is_refused() {
        assert!(Tahun::new(20020).is_err());
        assert!(Tahun::new(1989).is_err());
        assert_eq!(Tahun::new(2020).unwrap().get(), 2020);
    }

    #[test]
    fn tanggal_reads_month_year_and_full_dates() {
        let t = Tanggal::parse("Januari 2021").unwrap();
        assert_eq!((t.tahun.get(), t.bulan, t.hari), (2021, 1, None));
        assert_eq!(t.to_string(), "Januari 2021");
        let t = Tanggal::parse("15 februari 2020").unwrap();
        assert_eq!(t.to_string(), "15 Februari 2020");
        let t = Tanggal::parse("2020-02-29").unwrap();
        assert_eq!(t.to_string(), "29 Februari 2020");
    }

    #[test]
    fn months_fall_in_their_triwulan() {
        assert_eq!(Bulan::Maret.triwulan(), Periode::Tw1);
        assert_eq!(Bulan::April.triwulan(), Periode::Tw2);
        assert_eq!(Bulan::September.triwulan(), Periode::Tw3);
        assert_eq!(Bulan::Desember.triwulan(), Periode::Tw4);
        assert_eq!(Bulan::dari_nomor(12), Some(Bulan::Desember));
        assert_eq!(Bulan::dari_nomor(0), None);
        assert_eq!(Bulan::dari_nomor(13), None);
        assert_eq!(Bulan::Mei.nomor(), 5);
        assert_eq!(Bulan::Agustus.label(), "Agustus");
    }

    #[test]
    fn tanggal_rejects_impossible_dates() {
        assert!(Tanggal::parse("2021-02-29").is_err()); // 2021 is not a leap year
        assert!(Tanggal::parse("31 April 2020").is_err());
        assert!(Tanggal::parse("Januari").is_err());
        assert!(Tanggal::parse("Janvier 2021").is_err());
    }
}
