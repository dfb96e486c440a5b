//! Storage: many instansi and many years in one database, SQLite (the embedded default, one file)
//! or PostgreSQL (a kabupaten server), behind one `Toko`.
//!
//! Invariants:
//! - Every write goes through `Toko::terapkan`: load the data set, change it, validate the whole
//!   result with `kinerja_core::validasi::periksa` (the same check a file gets), diff it record by
//!   record, write the differences and one audit row per difference, in one transaction. A write
//!   that fails validation changes nothing.
//! - Nothing is deleted without an audit row holding the old value.
//! - Money never passes through a float: INTEGER sen (SQLite), NUMERIC(20,2) (PostgreSQL).
//! - The library reads no environment: the caller names the database.
//!
//! Modules by subject: `basis` (the two backends, and which one a URL names), `muat` (loading a
//! data set, with the copies kept in memory), `instansi` (the instansi list), `terapkan` (the
//! one write path and its per-data-set lock), `impor` and `isian` (the doors into it: a data
//! file, realisasi entry), `jejak` (the audit trail), `rekap` (roll-ups in SQL, over the
//! summaries `ringkas` keeps in memory and in the database), `cadangan`
//! (online backup of an SQLite file), `akun` (accounts, sessions, the approval workflow),
//! `survei` (respondents of the survey form the web hosts, with its abuse limits), `generasi`
//! (the numbers writes raise, and what a piece of work read, for caches).

pub mod akun;
mod basis;
pub mod bukti;
mod cadangan;
mod generasi;
mod impor;
mod instansi;
mod isian;
mod jejak;
mod massal;
mod muat;
pub mod rekaman;
mod rekap;
mod ringkas;
mod survei;
mod terapkan;
mod tulis;
#[cfg(any(test, feature = "uji"))]
pub mod uji;

pub use basis::{JenisBasis, Kolam};
pub use bukti::{BATAS_BUKTI, BerkasBukti};
pub use cadangan::cadangkan;
pub use generasi::{Bacaan, Cap, Generasi, catat_bacaan};
pub use impor::{Beda, ModeImpor, pratinjau_impor};
pub use jejak::BarisJejak;
pub use massal::{MuatanMassal, RingkasanMassal, siapkan_massal};
pub use rekap::AnggaranPelapor;
pub use survei::{BatasSurvei, HasilKirim, RespondenBaru, RespondenTersimpan};
pub use terapkan::{GagalUbah, Ringkasan};

use kinerja_core::id::InstansiId;
use kinerja_core::model::DataInstansi;
use kinerja_core::validasi::Pelanggaran;
use std::collections::HashMap;
use std::sync::{Arc, Mutex};

#[derive(Debug, thiserror::Error)]
pub enum Galat {
    #[error("basis data: {0}")]
    Basis(#[from] sqlx::Error),
    #[error("migrasi skema: {0}")]
    Migrasi(#[from] sqlx::migrate::MigrateError),
    #[error("data tidak sah ({} pelanggaran): {}", .0.len(), ringkas_pelanggaran(.0))]
    TidakSah(Vec<Pelanggaran>),
    #[error("instansi \"{0}\" tidak memiliki data di basis data ini")]
    TidakAda(String),
    #[error("{0}")]
    Pelapor(String),
    #[error("isi basis data rusak: {0}")]
    Rusak(String),
    #[error("{0}")]
    Akun(String),
    #[error("{0}")]
    Alur(String),
    #[error("periode terkunci (sudah disetujui): {0}; buka kunci dahulu")]
    Terkunci(String),
    /// A signed Perjanjian Kinerja, or the PK targets of its year, would change.
    #[error("{0}")]
    PkTerkunci(String),
    /// A final Evaluasi AKIP's answers, or its stage outside its workflow, would change.
    #[error("{0}")]
    EvaluasiTerkunci(String),
    #[error("{0}")]
    Cadangan(String),
    /// A write would change a record another data set owns (an instansi shared by several data
    /// sets) and the actor may not change it.
    #[error("{0}")]
    BukanMilik(String),
    /// The change a caller of `Toko::terapkan` computes refused its input (an Excel workbook
    /// that does not fit the data set); the caller holds the details.
    #[error("{0}")]
    Ditolak(String),
}

fn ringkas_pelanggaran(p: &[Pelanggaran]) -> String {
    let mut s: Vec<String> = p.iter().take(5).map(|x| x.to_string()).collect();
    if p.len() > 5 {
        s.push(format!("... dan {} lagi", p.len() - 5));
    }
    s.join("; ")
}

/// Who changes data and through which door (both go into the audit trail), and what they may
/// change beyond the records of the data set being written.
#[derive(Debug, Clone)]
pub struct Pelaku {
    pub pengguna: String,
    pub sumber: String,
    pub hak: Hak,
}

/// Whose shared records an actor may change. A data set's own records are the caller's to
/// authorise (the web's role policy, the command line's access to the database); the store
/// checks the records several data sets share: an instansi is owned by its own data set, and
/// a write of another data set may carry it unchanged but change it only with this right.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Hak {
    /// Every instansi: an administrator, or the command line (it holds the database itself).
    Semua,
    /// Only these instansi (an operator's own); empty for everyone else.
    Instansi(Vec<InstansiId>),
}

impl Hak {
    pub fn boleh_ubah(&self, instansi: &InstansiId) -> bool {
        match self {
            Hak::Semua => true,
            Hak::Instansi(daftar) => daftar.contains(instansi),
        }
    }
}

#[derive(Clone, Debug)]
pub struct Toko {
    kolam: Kolam,
    /// Loaded data sets with the version they were loaded at (`versi_data`). Every write of a data
    /// set bumps its version in its transaction, so a copy is used only while no process has
    /// written it: correct with several servers on one PostgreSQL (see `generasi`).
    simpanan: Arc<Mutex<Salinan>>,
    /// Units' summaries for the indicator roll-up, with their data set's version, bounded
    /// (`ringkas`).
    ringkas: Arc<Mutex<ringkas::SimpananRingkas>>,
    /// Writers of this process, in arrival order (SQLite: see `Toko::mulai_tulis`).
    antrean_tulis: Arc<tokio::sync::Mutex<()>>,
    /// Reads of the generations, shared by concurrent callers (`Toko::generasi_kini`).
    pengamat: Arc<generasi::Pengamat>,
}

/// Data sets in memory: reporting instansi → (version, data).
type Salinan = HashMap<String, (i64, Arc<DataInstansi>)>;

impl Toko {
    /// Opens the database `url` names (see `JenisBasis::dari_url`), creating an SQLite file on
    /// first use, and brings its schema up to date.
    pub async fn buka(url: &str) -> Result<Toko, Galat> {
        Ok(Toko {
            kolam: Kolam::buka(url).await?,
            simpanan: Arc::default(),
            ringkas: Arc::default(),
            antrean_tulis: Arc::default(),
            pengamat: Arc::default(),
        })
    }

    pub fn kolam(&self) -> &Kolam {
        &self.kolam
    }

    pub async fn tutup(&self) {
        self.kolam.tutup().await
    }

    /// The database's generation: raised by every committed transaction that changed a row, in
    /// any table, by any process. While it is unchanged, whatever was read or rendered from the
    /// database is still what a fresh read would give.
    pub async fn generasi(&self) -> Result<i64, Galat> {
        self.kolam.generasi().await
    }
}

#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_generasi;
#[cfg(test)]
mod tests_massal;
#[cfg(test)]
mod tests_nilai_data;
#[cfg(test)]
mod tests_ringkas;
#[cfg(test)]
mod tests_rumus;
#[cfg(test)]
mod tests_survei;
