//! The worksheet (Lembar Kerja Evaluasi) once parsed: every weight adds up, every answer code is
//! on a scale, every reference resolves. Only [`crate::berkas::baca`] builds one.

use rust_decimal::Decimal;
use std::collections::HashMap;

/// A parsed worksheet.
#[derive(Debug, Clone, PartialEq)]
pub struct Lke {
    pub nama: String,
    pub dasar: Option<String>,
    /// The last month of the year in which a Perjanjian Kinerja counts as signed in time
    /// (`pk_ditandatangani`); PermenPANRB 53/2014 asks for it within a month of the budget.
    pub batas_bulan_pk: u8,
    pub skala: Vec<Skala>,
    pub komponen: Vec<Komponen>,
    /// Criterion id → (komponen, sub, kriteria) index.
    pub(crate) indeks: HashMap<String, (usize, usize, usize)>,
    /// Sub-component id → (komponen, sub) index.
    pub(crate) indeks_sub: HashMap<String, (usize, usize)>,
}

/// An answer scale: `Y/T`, `AA..E` of 88/2021, the older `A 1 .. E 0`.
#[derive(Debug, Clone, PartialEq)]
pub struct Skala {
    pub id: String,
    pub nama: String,
    /// From best to worst, as the file lists them.
    pub pilihan: Vec<Pilihan>,
    /// The largest value: an answer scores `nilai / maks` of its criterion.
    pub maks: Decimal,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Pilihan {
    pub kode: String,
    pub nilai: Decimal,
    pub arti: Option<String>,
    /// When a proposal from the data picks this answer (`None`: never, e.g. AA needs five years
    /// of sustained results that the data cannot show). The first option whose condition holds
    /// is proposed, else the last one.
    pub usulan_bila: Option<Ambang>,
}

/// A share of a check's items met.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Ambang {
    /// Every item met.
    Semua,
    /// More than this percentage met.
    LebihDari(Decimal),
}

impl Ambang {
    pub fn terpenuhi(self, ya: u32, dari: u32) -> bool {
        match self {
            Ambang::Semua => dari > 0 && ya == dari,
            Ambang::LebihDari(p) => {
                Decimal::from(ya) * Decimal::ONE_HUNDRED > p * Decimal::from(dari)
            }
        }
    }
}

impl Skala {
    pub fn pilihan(&self, kode: &str) -> Option<&Pilihan> {
        self.pilihan.iter().find(|p| p.kode == kode)
    }
    pub fn kode(&self) -> String {
        self.pilihan
            .iter()
            .map(|p| p.kode.as_str())
            .collect::<Vec<_>>()
            .join(", ")
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct Komponen {
    pub id: String,
    pub nama: String,
    /// Points of the total 100.
    pub bobot: Decimal,
    pub sub: Vec<SubKomponen>,
}

/// Keberadaan (pemenuhan), kualitas, pemanfaatan: 20/30/50 % of a component in 88/2021.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum JenisSub {
    Keberadaan,
    Kualitas,
    Pemanfaatan,
}

impl JenisSub {
    pub fn label(self) -> &'static str {
        match self {
            JenisSub::Keberadaan => "Keberadaan",
            JenisSub::Kualitas => "Kualitas",
            JenisSub::Pemanfaatan => "Pemanfaatan",
        }
    }
}

#[derive(Debug, Clone, PartialEq)]
pub struct SubKomponen {
    pub id: String,
    pub nama: String,
    pub jenis: JenisSub,
    /// Percent of its component.
    pub porsi: Decimal,
    /// Points of the total 100: the component's weight times `porsi` / 100 (exact).
    pub bobot: Decimal,
    pub kriteria: Vec<Kriteria>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Kriteria {
    pub id: String,
    pub uraian: String,
    /// The criterion's weight inside its sub-component: the file's percentage, or 1 for each
    /// when the file gives none (equal shares).
    pub bobot: Decimal,
    /// Index into [`Lke::skala`].
    pub skala: usize,
    pub usulan: Option<Cek>,
    /// Kerangka logis: this answer may not score more (as a share of its scale) than the lowest
    /// of these criteria or sub-components.
    pub prasyarat: Vec<String>,
    /// What evidence the evaluator looks for (bukti dukung).
    pub bukti: Option<String>,
}

/// A check of the data that proposes an answer (`usulan = "..."` in the worksheet).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Cek {
    /// A Renstra covers the year and names the decree that set it.
    RenstraDisetujui,
    /// An RKT of the year exists.
    RktTersedia,
    /// The year's PK has a date within the deadline and both parties are known officials.
    PkDitandatangani,
    /// Every IKU row has a formula, a responsible unit and a data source.
    IkuLengkap,
    /// Every PK indicator has realisasi for each triwulan.
    RealisasiTriwulan,
    /// The year's LKjIP is dated and signed, and the reviu has no open error.
    LkjipTerbit,
    /// Last year's recommendations were followed up.
    RekomendasiDitindaklanjuti,
}

impl Cek {
    pub const SEMUA: [(Cek, &'static str); 7] = [
        (Cek::RenstraDisetujui, "renstra_disetujui"),
        (Cek::RktTersedia, "rkt_tersedia"),
        (Cek::PkDitandatangani, "pk_ditandatangani"),
        (Cek::IkuLengkap, "iku_lengkap"),
        (Cek::RealisasiTriwulan, "realisasi_triwulan"),
        (Cek::LkjipTerbit, "lkjip_terbit"),
        (
            Cek::RekomendasiDitindaklanjuti,
            "rekomendasi_ditindaklanjuti",
        ),
    ];
    pub fn nama(self) -> &'static str {
        Cek::SEMUA
            .iter()
            .find(|(c, _)| *c == self)
            .map(|(_, n)| *n)
            .unwrap_or("")
    }
    pub fn dari_nama(n: &str) -> Option<Cek> {
        Cek::SEMUA.iter().find(|(_, m)| *m == n).map(|(c, _)| *c)
    }
}

impl Lke {
    /// The criterion with this id, with its sub-component and component.
    pub fn kriteria(&self, id: &str) -> Option<(&Komponen, &SubKomponen, &Kriteria)> {
        let &(k, s, c) = self.indeks.get(id)?;
        let kom = &self.komponen[k];
        let sub = &kom.sub[s];
        Some((kom, sub, &sub.kriteria[c]))
    }
    pub fn sub(&self, id: &str) -> Option<&SubKomponen> {
        let &(k, s) = self.indeks_sub.get(id)?;
        Some(&self.komponen[k].sub[s])
    }
    pub fn skala_kriteria(&self, k: &Kriteria) -> &Skala {
        &self.skala[k.skala]
    }
    /// Every criterion in worksheet order.
    pub fn semua_kriteria(&self) -> impl Iterator<Item = (&Komponen, &SubKomponen, &Kriteria)> {
        self.komponen
            .iter()
            .flat_map(|k| k.sub.iter().map(move |s| (k, s)))
            .flat_map(|(k, s)| s.kriteria.iter().map(move |c| (k, s, c)))
    }
}
