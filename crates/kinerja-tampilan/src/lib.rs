//! The pages of the web interface as pure functions: plain data in, HTML out.
//!
//! No I/O, no async, no web framework: the server (`kinerja-web`) fills the plain data types
//! below, calls a page function and sends the returned `String`. Templates are askama (compiled
//! in, autoescaped); the one stylesheet is [`CSS`], which the server serves at [`ALAMAT_CSS`].
//!
//! Every figure is computed by `kinerja_core` (capaian, predikat, serapan) and printed with
//! `kinerja_core::angka`; a figure that cannot be computed prints "data tidak tersedia" with the
//! core's reason, never 0. Every `<form method="post">` carries the hidden `csrf` field from
//! [`Konteks::csrf`], except the public survey form ([`survei()`]), whose respondents have no
//! session: it carries the server's signed one-use token instead. Nothing needs JavaScript.

mod anggaran;
mod bantu;
mod dasbor;
mod dokumen;
mod evaluasi;
mod impor;
mod isian;
mod isian_elemen;
mod kuesioner;
mod lain;
mod laporan;
pub mod panduan;
mod pohon;
mod rencana;
mod reviu;
mod riwayat;
mod skm;
mod skm_laporan;
mod sunting;
mod survei;
mod tata;

pub use anggaran::{form_anggaran, form_anggaran_bulanan};
pub use bantu::label_jenis;
pub use dasbor::{dasbor, dasbor_reorganisasi};
pub use dokumen::{iku, perjanjian_kinerja};
pub use evaluasi::{
    BuktiTampil, EvaluasiTampil, IsianKriteria, JawabanTampil, KomponenTampil, KriteriaTampil,
    PihakHalaman, SubTampil, TombolLangkah, UsulanTampil, evaluasi_isian,
};
pub use impor::{KeadaanImpor, impor};
pub use isian::{Medan, form_realisasi, medan_anggaran, medan_bulanan, medan_realisasi};
pub use isian_elemen::medan_data;
pub use kuesioner::{kuesioner_skm, ubah_kuesioner};
pub use lain::{beranda, galat, jejak, kabupaten, masuk, panduan, urutkan_kabupaten};
pub use laporan::{KeadaanLaporan, laporan, naskah_laporan};
pub use pohon::{FokusPohon, pohon};
pub use rencana::rencana;
pub use reviu::{RingkasanReviu, SaringReviu, TemuanTampil, TingkatTemuan, reviu};
pub use riwayat::{RiwayatIndikator, TrenReorganisasi};
pub use skm::{KeadaanSkm, PilihanSkm, skm};
pub use skm_laporan::{LaporanSkmTampil, laporan_skm};
pub use sunting::baca::ubah_rencana;
pub use sunting::hapus::konfirmasi_hapus;
pub use sunting::iku::{sunting_iku, ubah_iku};
pub use sunting::pk::sunting_pk;
pub use sunting::pk_ubah::{tandatangani_pk, ubah_pk};
pub use sunting::rkt::{sunting_rkt, ubah_rkt};
pub use sunting::sunting_rencana;
pub use survei::{
    AkhirSurvei, BarisLayanan, FormSurvei, SurveiWeb, survei, survei_akhir, survei_poster,
    survei_web,
};

use kinerja_core::model::JenisInstansi;
use kinerja_core::waktu::Periode;
use kinerja_core::wilayah::AngkaInstansi;

/// The stylesheet every page links to.
pub const CSS: &str = include_str!("../templates/kinerja.css");
/// Where the server serves [`CSS`]; every page links to this path.
pub const ALAMAT_CSS: &str = "/static/kinerja.css";

/// What every page's frame needs: who is logged in, the instansi and year selectors, the CSRF
/// token for forms and the flash messages.
#[derive(Debug, Clone, Default)]
pub struct Konteks {
    /// Defaults to "kinerja".
    pub judul_aplikasi: Option<String>,
    pub pengguna: Option<PenggunaTampil>,
    /// `(id, nama)` of the instansi the user may open, for the selector.
    pub instansi: Vec<(String, String)>,
    pub instansi_aktif: Option<String>,
    pub tahun: Option<u16>,
    pub tahun_pilihan: Vec<u16>,
    /// Put into every POST form as `<input type="hidden" name="csrf">`.
    pub csrf: String,
    pub pesan: Vec<Pesan>,
    /// `(id, nama)` of the kabupaten above the active instansi, for the navigation link to the
    /// kabupaten view. When `None`, pages that get the data find it there.
    pub kabupaten: Option<(String, String)>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct PenggunaTampil {
    pub nama: String,
    /// "Operator", "Pimpinan", "Reviewer"...
    pub peran_label: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum JenisPesan {
    Sukses,
    Galat,
    Info,
}

/// A flash message shown at the top of the page.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pesan {
    pub jenis: JenisPesan,
    pub teks: String,
}

/// A problem with one submitted field; `medan` is the field's name (`r.I-S1-1.tw2`, `a.bl-1`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct KesalahanIsian {
    pub medan: String,
    pub pesan: String,
}

/// Workflow state of one period's realisasi.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub enum StatusAlur {
    #[default]
    Draf,
    Diajukan,
    /// Approved: locked until the lock is lifted.
    Disetujui,
}

impl StatusAlur {
    pub fn label(self) -> &'static str {
        match self {
            StatusAlur::Draf => "Draf",
            StatusAlur::Diajukan => "Diajukan",
            StatusAlur::Disetujui => "Disetujui",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StatusPeriode {
    pub periode: Periode,
    pub status: StatusAlur,
    /// Who moved it to this status.
    pub oleh: Option<String>,
    /// When, as the server wants it printed.
    pub waktu: Option<String>,
}

/// What the current user may do on an entry page; the server decides, the page only shows
/// what is allowed.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Izin {
    pub ubah: bool,
    pub ajukan: bool,
    pub setujui: bool,
    pub buka: bool,
}

/// One row of the audit trail. `lama` and `baru` are the record as JSON text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct JejakTampil {
    pub waktu: String,
    pub pengguna: String,
    pub tabel: String,
    pub kunci: String,
    /// "tambah", "ubah", "hapus", "ajukan", "setujui", "buka"...
    pub aksi: String,
    pub lama: Option<String>,
    pub baru: Option<String>,
}

/// A reviewer's note shown on the dashboard.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CatatanTampil {
    pub pengguna: String,
    pub waktu: String,
    pub isi: String,
}

/// The reviewers' notes on an instansi's year, whether the user may add one, and, for a
/// viewer who may open the reviu, its open findings.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct PanelCatatan {
    pub catatan: Vec<CatatanTampil>,
    pub boleh_tulis: bool,
    pub reviu: Option<RingkasanReviu>,
}

/// One instansi in the kabupaten view: who it is, and its figures as the core rolled them up.
#[derive(Debug, Clone, PartialEq)]
pub struct BarisKabupaten {
    pub id: String,
    pub nama: String,
    pub jenis: JenisInstansi,
    pub angka: AngkaInstansi,
    /// The year's Evaluasi AKIP (the evaluator's total and grade), for a viewer who may read
    /// the instansi's reviu; `None` without answers or without that right.
    pub evaluasi: Option<(rust_decimal::Decimal, &'static str)>,
}

/// One instansi on the landing page.
#[derive(Debug, Clone, PartialEq)]
pub struct BarisBeranda {
    pub id: String,
    pub nama: String,
    pub jenis: JenisInstansi,
    /// The years that have data, newest last.
    pub tahun: Vec<u16>,
    /// Name of the parent (kabupaten), if any.
    pub induk: Option<String>,
}

/// Rewrites the stylesheet link into an inline `<style>` so a page stands alone (for saved
/// screenshots and test artefacts).
pub fn sisipkan_css(html: &str) -> String {
    let tautan = format!(r#"<link rel="stylesheet" href="{ALAMAT_CSS}">"#);
    html.replacen(&tautan, &format!("<style>\n{CSS}\n</style>"), 1)
}

#[cfg(test)]
mod tests;
