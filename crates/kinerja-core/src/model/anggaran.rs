//! Budget lines and the two budget structures.

use crate::id::*;
use crate::uang::Rupiah;
use crate::waktu::{Bulan, Tahun};
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};
use std::collections::BTreeMap;

/// Type of spending, in both budget structures. A year's budget uses one structure.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize, Deserialize, JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum JenisBelanja {
    // Permendagri 13/2006, up to 2020.
    TidakLangsung,
    /// Belanja Langsung not split by type in the source.
    Langsung,
    LangsungPegawai,
    LangsungBarangJasa,
    LangsungModal,
    // PP 12/2019, Permendagri 90/2019 and 77/2020, from 2021.
    Operasi,
    Modal,
    TidakTerduga,
    Transfer,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum StrukturBelanja {
    /// Belanja Tidak Langsung / Belanja Langsung (Permendagri 13/2006).
    Permendagri13,
    /// Operasi / Modal / Tidak Terduga / Transfer (Permendagri 90/2019).
    Permendagri90,
}

impl JenisBelanja {
    /// Every type, Permendagri 13/2006 first, each structure in its documents' order.
    pub const SEMUA: [JenisBelanja; 9] = [
        JenisBelanja::TidakLangsung,
        JenisBelanja::Langsung,
        JenisBelanja::LangsungPegawai,
        JenisBelanja::LangsungBarangJasa,
        JenisBelanja::LangsungModal,
        JenisBelanja::Operasi,
        JenisBelanja::Modal,
        JenisBelanja::TidakTerduga,
        JenisBelanja::Transfer,
    ];

    pub fn struktur(self) -> StrukturBelanja {
        use JenisBelanja::*;
        match self {
            TidakLangsung | Langsung | LangsungPegawai | LangsungBarangJasa | LangsungModal => {
                StrukturBelanja::Permendagri13
            }
            Operasi | Modal | TidakTerduga | Transfer => StrukturBelanja::Permendagri90,
        }
    }
    /// The top-level group the type belongs to (BL's three types group under Belanja Langsung).
    pub fn kelompok(self) -> JenisBelanja {
        use JenisBelanja::*;
        match self {
            Langsung | LangsungPegawai | LangsungBarangJasa | LangsungModal => Langsung,
            j => j,
        }
    }
    pub fn label(self) -> &'static str {
        use JenisBelanja::*;
        match self {
            TidakLangsung => "Belanja Tidak Langsung",
            Langsung => "Belanja Langsung",
            LangsungPegawai => "Belanja Pegawai",
            LangsungBarangJasa => "Belanja Barang dan Jasa",
            LangsungModal => "Belanja Modal",
            Operasi => "Belanja Operasi",
            Modal => "Belanja Modal",
            TidakTerduga => "Belanja Tidak Terduga",
            Transfer => "Belanja Transfer",
        }
    }
}

/// Where a budget line sits. Lines are entered at the lowest level known; every total above is
/// derived. Belanja Tidak Langsung is not tied to a kegiatan, so it sits on the instansi.
#[derive(Debug, Clone, PartialEq, Eq, Hash, Serialize, Deserialize, JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum TempatAnggaran {
    Instansi,
    Kegiatan(KegiatanId),
    SubKegiatan(SubKegiatanId),
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PosAnggaran {
    pub id: PosAnggaranId,
    pub tahun: Tahun,
    pub tempat: TempatAnggaran,
    pub jenis: JenisBelanja,
    /// The pagu of the original budget (APBD murni).
    pub pagu: Rupiah,
    /// The pagu after the budget change (APBD perubahan), when there was one. It is then the
    /// pagu in force: serapan is measured against it; the original stays beside it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pagu_perubahan: Option<Rupiah>,
    /// The year's realisasi as one figure. `None` when not yet reported (not the same as zero
    /// spending), and always `None` when `realisasi_bulanan` is given: the year is then the sum
    /// of its months (`validasi` refuses both at once).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub realisasi: Option<Rupiah>,
    /// Realisasi per month as the budget system reports it (`januari = "1.250.000"`). A month
    /// not listed is not yet reported.
    #[serde(default, skip_serializing_if = "BTreeMap::is_empty")]
    pub realisasi_bulanan: BTreeMap<Bulan, Rupiah>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub catatan: Option<String>,
}

impl PosAnggaran {
    /// The pagu in force: the changed pagu when there is one, else the original.
    pub fn pagu_berlaku(&self) -> Rupiah {
        self.pagu_perubahan.unwrap_or(self.pagu)
    }

    /// The year's realisasi: the sum of the reported months when the line has months, else the
    /// figure entered for the year. Twelve amounts within the bounds of `angka` always sum.
    pub fn realisasi_tahun(&self) -> Option<Rupiah> {
        if self.realisasi_bulanan.is_empty() {
            self.realisasi
        } else {
            Some(self.realisasi_bulanan.values().copied().sum())
        }
    }

    /// Whether `realisasi` may be typed as this line's spending. Below zero is a typo unless
    /// the line itself is a deduction (its pagu in force negative, as a refund line is). The
    /// entry doors refuse it; an imported published document keeps it, and the reviu reports
    /// it (`WAJAR-REALISASI-NEGATIF`), since validation refuses only what makes data
    /// meaningless.
    pub fn realisasi_boleh(&self, realisasi: Rupiah) -> bool {
        !realisasi.is_negatif() || self.pagu_berlaku().is_negatif()
    }
}

#[cfg(test)]
mod tests_realisasi_boleh {
    use super::*;
    use crate::id::PosAnggaranId;

    #[test]
    fn spending_below_zero_may_be_typed_only_on_a_deduction_line() {
        let mut pos = PosAnggaran {
            id: PosAnggaranId::new("pos-1").unwrap(),
            tahun: Tahun::new(2020).unwrap(),
            tempat: TempatAnggaran::Instansi,
            jenis: JenisBelanja::Langsung,
            pagu: Rupiah::utuh(100_000_000),
            pagu_perubahan: None,
            realisasi: None,
            realisasi_bulanan: Default::default(),
            catatan: None,
        };
        assert!(pos.realisasi_boleh(Rupiah::utuh(0)));
        assert!(pos.realisasi_boleh(Rupiah::utuh(90_004_000)));
        assert!(!pos.realisasi_boleh(Rupiah::utuh(-5)));
        // A refund line: pagu -5.000.000, spending -4.000.000.
        pos.pagu = Rupiah::utuh(-5_000_000);
        assert!(pos.realisasi_boleh(Rupiah::utuh(-4_000_000)));
        // The pagu in force decides: changed to -1.000.000 from a positive pagu.
        pos.pagu = Rupiah::utuh(100_000_000);
        pos.pagu_perubahan = Some(Rupiah::utuh(-1_000_000));
        assert!(pos.realisasi_boleh(Rupiah::utuh(-4_000)));
    }
}
