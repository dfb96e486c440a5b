//! Budget codes of Permendagri 90/2019 and its updates (Kepmendagri 050-3708/2020, 050-5889/2021):
//! program `urusan.bidang.program` (`1.01.01`), kegiatan `program.a.bb` (`1.01.01.2.01`), sub
//! kegiatan `kegiatan.cccc` (`1.01.01.2.01.0001`).
//!
//! Decisions no regulation settles, each tested below:
//! - A segment is its number, not its text: `1.01.01.02.01.0001` (the kegiatan's fourth segment
//!   written with two digits, as some budget systems export it) and `1.01.01.2.01.0001` are one
//!   code, and so are the two-digit sub kegiatan numbers of the first nomenclature (`.01`) and the
//!   four-digit ones of 050-5889 (`.0001`). The normal form pads each segment to the width the
//!   later nomenclature prints: 1, 2, 2, 1, 2, 4.
//! - `X` and `XX` stand for any urusan or bidang: the nomenclature writes the programs every
//!   perangkat daerah has (`X.XX.01`, Program Penunjang Urusan Pemerintahan Daerah) that way.
//! - A segment wider than its normal form once leading zeros are dropped, a letter other than
//!   the placeholder, or the wrong number of segments for the level is an error that names the
//!   code and the level.

use std::fmt;

/// The level a code belongs to.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Tingkat {
    Program,
    Kegiatan,
    SubKegiatan,
}

/// Widths of the segments of a sub kegiatan's code; a level uses the first `segmen()`.
const LEBAR: [usize; 6] = [1, 2, 2, 1, 2, 4];

impl Tingkat {
    fn segmen(self) -> usize {
        match self {
            Tingkat::Program => 3,
            Tingkat::Kegiatan => 5,
            Tingkat::SubKegiatan => 6,
        }
    }

    pub fn nama(self) -> &'static str {
        match self {
            Tingkat::Program => "program",
            Tingkat::Kegiatan => "kegiatan",
            Tingkat::SubKegiatan => "sub kegiatan",
        }
    }

    fn contoh(self) -> &'static str {
        match self {
            Tingkat::Program => "1.01.01",
            Tingkat::Kegiatan => "1.01.01.2.01",
            Tingkat::SubKegiatan => "1.01.01.2.01.0001",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
#[error(
    "kode {tingkat} \"{kode}\" tidak sesuai tingkatnya: {alasan}; kode {tingkat} ditulis seperti \"{contoh}\" (Permendagri 90/2019)",
    tingkat = .tingkat.nama(),
    contoh = .tingkat.contoh()
)]
pub struct GalatKode {
    pub tingkat: Tingkat,
    pub kode: String,
    pub alasan: String,
}

/// The normal form of `kode` as a code of `tingkat`.
pub fn normalkan(tingkat: Tingkat, kode: &str) -> Result<String, GalatKode> {
    let galat = |alasan: String| GalatKode {
        tingkat,
        kode: kode.to_string(),
        alasan,
    };
    let segmen: Vec<&str> = kode.trim().split('.').map(str::trim).collect();
    if segmen.len() != tingkat.segmen() {
        return Err(galat(format!(
            "{} bagian, seharusnya {}",
            segmen.len(),
            tingkat.segmen()
        )));
    }
    let mut hasil = String::with_capacity(kode.len() + 4);
    for (i, (s, lebar)) in segmen.iter().zip(LEBAR).enumerate() {
        if i > 0 {
            hasil.push('.');
        }
        // The placeholder of "any urusan / bidang" (X, XX).
        if i < 2 && !s.is_empty() && s.chars().all(|c| c.eq_ignore_ascii_case(&'x')) {
            hasil.push_str(&"X".repeat(lebar));
            continue;
        }
        if s.is_empty() || !s.bytes().all(|b| b.is_ascii_digit()) {
            return Err(galat(format!("bagian ke-{} \"{s}\" bukan angka", i + 1)));
        }
        let angka = s.trim_start_matches('0');
        if angka.len() > lebar {
            return Err(galat(format!(
                "bagian ke-{} \"{s}\" lebih dari {lebar} angka",
                i + 1
            )));
        }
        hasil.push_str(&"0".repeat(lebar - angka.len()));
        hasil.push_str(angka);
    }
    Ok(hasil)
}

/// Whether the code `anak` (normal form) lies under `induk` (normal form): its leading segments
/// are the parent's, a placeholder matching any urusan or bidang.
pub fn di_bawah(anak: &str, induk: &str) -> bool {
    let a: Vec<&str> = anak.split('.').collect();
    let i: Vec<&str> = induk.split('.').collect();
    a.len() > i.len()
        && a.iter()
            .zip(&i)
            .all(|(x, y)| x == y || x.starts_with('X') || y.starts_with('X'))
}

impl fmt::Display for Tingkat {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.nama())
    }
}

/// Normalises every program, kegiatan and sub kegiatan code in place, at the boundary where a
/// data set is read; codes that do not fit their level are left for `validasi` to name.
pub fn normalkan_data(data: &mut crate::model::DataInstansi) {
    fn satu(tingkat: Tingkat, kode: &mut Option<String>) {
        if let Some(k) = kode
            && let Ok(n) = normalkan(tingkat, k)
        {
            *k = n;
        }
    }
    for p in &mut data.program {
        satu(Tingkat::Program, &mut p.kode);
    }
    for k in &mut data.kegiatan {
        satu(Tingkat::Kegiatan, &mut k.kode);
    }
    for s in &mut data.sub_kegiatan {
        satu(Tingkat::SubKegiatan, &mut s.kode);
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_two_digit_kegiatan_segment_is_the_same_code() {
        // The example: the fourth segment "02" is the number 2.
        let a = normalkan(Tingkat::SubKegiatan, "1.01.01.2.01.0001").unwrap();
        let b = normalkan(Tingkat::SubKegiatan, "1.01.01.02.01.0001").unwrap();
        assert_eq!(a, "1.01.01.2.01.0001");
        assert_eq!(a, b);
        // The first nomenclature's two-digit sub kegiatan number is the same sub kegiatan.
        assert_eq!(
            normalkan(Tingkat::SubKegiatan, "7.01.02.2.01.01").unwrap(),
            "7.01.02.2.01.0001"
        );
        assert_eq!(normalkan(Tingkat::Program, " 7.1.2 ").unwrap(), "7.01.02");
    }

    #[test]
    fn the_placeholder_of_any_urusan_is_kept() {
        assert_eq!(normalkan(Tingkat::Program, "x.xx.01").unwrap(), "X.XX.01");
        assert!(di_bawah("1.02.01.2.01", "X.XX.01"));
        assert!(di_bawah("7.01.02.2.01.0001", "7.01.02.2.01"));
        assert!(!di_bawah("7.01.03.2.01", "7.01.02"));
        // A code is not under itself.
        assert!(!di_bawah("7.01.02", "7.01.02"));
    }

    #[test]
    fn a_code_that_does_not_fit_its_level_names_it() {
        let e = normalkan(Tingkat::Kegiatan, "1.01.01").unwrap_err();
        assert_eq!(
            e.to_string(),
            "kode kegiatan \"1.01.01\" tidak sesuai tingkatnya: 3 bagian, seharusnya 5; \
             kode kegiatan ditulis seperti \"1.01.01.2.01\" (Permendagri 90/2019)"
        );
        let e = normalkan(Tingkat::SubKegiatan, "1.01.01.2.01.00001x").unwrap_err();
        assert!(
            e.to_string().contains("bagian ke-6 \"00001x\" bukan angka"),
            "{e}"
        );
        // 12 does not fit the one-digit fourth segment.
        let e = normalkan(Tingkat::Kegiatan, "1.01.01.12.01").unwrap_err();
        assert!(
            e.to_string()
                .contains("bagian ke-4 \"12\" lebih dari 1 angka"),
            "{e}"
        );
        assert!(normalkan(Tingkat::Program, "1..01").is_err());
        // The placeholder stands for urusan and bidang only.
        assert!(normalkan(Tingkat::Program, "1.01.XX").is_err());
    }
}
