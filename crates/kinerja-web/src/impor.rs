//! Imports through the web: the readers of the files the import page takes, and the previewed
//! imports waiting for the user's confirmation.
//!
//! A reader turns an uploaded file, read against the stored data set, into the data set the
//! import would leave, or a list of located problems; the page picks it by the file's name. The
//! preview, the confirmation and the write are the same for every format.

use crate::galat::GalatHttp;
use axum::http::StatusCode;
use kinerja_core::id::InstansiId;
use kinerja_core::model::DataInstansi;
use kinerja_core::waktu::Tahun;
use kinerja_simpan::ModeImpor;
use std::collections::HashMap;
use std::path::PathBuf;
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

/// A file format the import page reads.
pub(crate) struct Pembaca {
    /// The file name's ending, lower case, with its dot.
    pub akhiran: &'static str,
    /// The file's content for the instansi `pelapor` whose stored data set is `lama`, or each
    /// problem with its place (file, line or sheet and cell).
    pub baca: fn(nama: &str, isi: &[u8], pelapor: &InstansiId, lama: &DataInstansi) -> Hasil,
}

pub(crate) type Hasil = Result<Bacaan, Vec<String>>;

/// What a reader made of a file.
pub(crate) struct Bacaan {
    pub data: DataInstansi,
    /// The format holds the whole data set (a workbook overlaid on the stored one), so it is
    /// applied as a replacement whatever mode the form asked for; a TOML file follows the form.
    pub utuh: bool,
    /// What was read but not used (unknown columns or sheets), for the preview.
    pub peringatan: Vec<String>,
}

pub(crate) const PEMBACA: &[Pembaca] = &[
    Pembaca {
        akhiran: ".toml",
        baca: baca_toml,
    },
    Pembaca {
        akhiran: ".xlsx",
        baca: baca_xlsx,
    },
];

/// The reader for `nama`, by its ending.
pub(crate) fn pembaca(nama: &str) -> Option<&'static Pembaca> {
    let kecil = nama.to_lowercase();
    PEMBACA.iter().find(|p| kecil.ends_with(p.akhiran))
}

fn baca_toml(nama: &str, isi: &[u8], _: &InstansiId, _: &DataInstansi) -> Hasil {
    let teks = std::str::from_utf8(isi).map_err(|e| {
        vec![format!(
            "{nama}: bukan teks UTF-8 (bait ke-{})",
            e.valid_up_to() + 1
        )]
    })?;
    let data = kinerja_berkas::baca_sumber(vec![(PathBuf::from(nama), teks.to_string())]).map_err(
        |e| {
            let m = e.masalah();
            if m.is_empty() {
                vec![e.to_string()]
            } else {
                m.iter().map(ToString::to_string).collect()
            }
        },
    )?;
    Ok(Bacaan {
        data,
        utuh: false,
        peringatan: Vec::new(),
    })
}

/// A workbook of `kinerja templat` (the page's own download): its values overlaid on the stored
/// data set, as `kinerja impor BERKAS.xlsx` does.
fn baca_xlsx(nama: &str, isi: &[u8], pelapor: &InstansiId, lama: &DataInstansi) -> Hasil {
    let tempat = |m: &[kinerja_excel::Masalah]| -> Vec<String> {
        m.iter().map(|m| format!("{nama}: {m}")).collect()
    };
    let buku = kinerja_excel::baca(isi).map_err(|m| tempat(&m))?;
    if let Some(lain) = buku.instansi.as_ref().filter(|i| *i != pelapor) {
        return Err(vec![format!(
            "{nama}: lembar kerja ini untuk instansi \"{lain}\", bukan \"{pelapor}\"; unduh templat dari halaman instansi ini"
        )]);
    }
    let data = kinerja_excel::terapkan(lama, &buku).map_err(|m| tempat(&m))?;
    Ok(Bacaan {
        data,
        utuh: true,
        peringatan: tempat(&buku.peringatan),
    })
}

/// Reads an upload on the blocking pool: a large workbook takes CPU time that must not stall
/// the server's other requests.
pub(crate) async fn baca(
    p: &'static Pembaca,
    nama: String,
    isi: Vec<u8>,
    pelapor: InstansiId,
    lama: Arc<DataInstansi>,
) -> Result<Hasil, GalatHttp> {
    tokio::task::spawn_blocking(move || (p.baca)(&nama, &isi, &pelapor, &lama))
        .await
        .map_err(|e| {
            GalatHttp::internal(
                StatusCode::INTERNAL_SERVER_ERROR,
                "galat_internal",
                "berkas gagal dibaca",
                e,
            )
        })
}

/// The workbook of `kinerja templat` for `pelapor` and `tahun`, written on the blocking pool.
pub(crate) async fn templat(
    data: Arc<DataInstansi>,
    pelapor: InstansiId,
    tahun: Tahun,
) -> Result<Vec<u8>, GalatHttp> {
    let gagal = |e: String| {
        GalatHttp::internal(
            StatusCode::INTERNAL_SERVER_ERROR,
            "galat_internal",
            "lembar kerja gagal disusun",
            e,
        )
    };
    tokio::task::spawn_blocking(move || kinerja_excel::templat(&data, &pelapor, tahun))
        .await
        .map_err(|e| gagal(e.to_string()))?
        .map_err(|e| gagal(e.to_string()))
}

/// A previewed import: the file's data and how to apply it.
pub struct Impor {
    pub(crate) mode: ModeImpor,
    pub(crate) data: DataInstansi,
    /// The stored data set the preview compared with: a write since then makes the preview
    /// stale, and the import is refused rather than applied to data nobody has seen.
    pub(crate) dasar: Arc<DataInstansi>,
}

/// A preview waiting for its confirmation: what is confirmed (`isi`), for which instansi, by
/// whom.
pub(crate) struct Tahapan<T> {
    pub pelapor: InstansiId,
    pub pengguna: String,
    pub isi: T,
    dibuat: Instant,
}

/// Previews waiting for confirmation (an import, a survey to attach), by a random token.
/// Bounded: the oldest goes when full, and a preview older than [`UMUR`] is gone.
pub struct Antrean<T> {
    isi: Mutex<HashMap<String, Tahapan<T>>>,
}

impl<T> Default for Antrean<T> {
    fn default() -> Self {
        Antrean {
            isi: Mutex::default(),
        }
    }
}

pub(crate) const UMUR: Duration = Duration::from_secs(30 * 60);
const KAPASITAS: usize = 32;

impl<T> Antrean<T> {
    pub(crate) fn simpan(&self, pelapor: InstansiId, pengguna: String, isi_baru: T) -> String {
        let token = crate::akun::token_acak();
        let mut isi = self.isi.lock().unwrap_or_else(|e| e.into_inner());
        isi.retain(|_, t| t.dibuat.elapsed() < UMUR);
        if isi.len() >= KAPASITAS
            && let Some(tertua) = isi
                .iter()
                .min_by_key(|(_, t)| t.dibuat)
                .map(|(k, _)| k.clone())
        {
            isi.remove(&tertua);
        }
        isi.insert(
            token.clone(),
            Tahapan {
                pelapor,
                pengguna,
                isi: isi_baru,
                dibuat: Instant::now(),
            },
        );
        token
    }

    /// Takes the preview `token` of `pengguna` for `pelapor`: a token is used once, and only by
    /// whoever made it, for the instansi it was made for.
    pub(crate) fn ambil(&self, token: &str, pelapor: &InstansiId, pengguna: &str) -> Option<T> {
        let mut isi = self.isi.lock().unwrap_or_else(|e| e.into_inner());
        let cocok = isi.get(token).is_some_and(|t| {
            &t.pelapor == pelapor && t.pengguna == pengguna && t.dibuat.elapsed() < UMUR
        });
        if cocok {
            isi.remove(token).map(|t| t.isi)
        } else {
            None
        }
    }
}
