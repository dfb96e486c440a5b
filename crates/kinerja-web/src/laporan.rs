//! The report and the reviu for the pages: the reviu's findings as the pages show them, and the
//! Laporan Kinerja files, composed exactly as `kinerja laporan` composes them (same options,
//! same renderers), so a download is byte-identical to the command's file for the same data.
//! Rendering a PDF takes tens of milliseconds of CPU: it runs on the blocking pool, never on
//! the async workers.

use crate::galat::GalatHttp;
use axum::http::StatusCode;
use kinerja_core::id::InstansiId;
use kinerja_core::model::DataInstansi;
use kinerja_core::waktu::Tahun;
use kinerja_laporan::{GalatLaporan, OpsiLaporan, Pendahulu};
use kinerja_reviu::{Temuan, Tingkat};
use kinerja_tampilan as t;
use std::sync::Arc;

/// The file forms of the report the web serves.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Bentuk {
    Pdf,
    Docx,
    Xlsx,
    Html,
}

impl Bentuk {
    pub(crate) fn akhiran(self) -> &'static str {
        match self {
            Bentuk::Pdf => "pdf",
            Bentuk::Docx => "docx",
            Bentuk::Xlsx => "xlsx",
            Bentuk::Html => "html",
        }
    }

    pub(crate) fn jenis(self) -> &'static str {
        match self {
            Bentuk::Pdf => "application/pdf",
            Bentuk::Docx => {
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document"
            }
            Bentuk::Xlsx => "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
            Bentuk::Html => "text/html; charset=utf-8",
        }
    }
}

/// A report file as the answer: its type, its name, shown in the browser when HTML (the
/// preview) and saved otherwise, never cached.
pub(crate) fn jawaban_berkas(nama: &str, bentuk: Bentuk, isi: Vec<u8>) -> axum::response::Response {
    use axum::http::header::{CACHE_CONTROL, CONTENT_DISPOSITION, CONTENT_TYPE};
    use axum::response::IntoResponse;
    let cara = if bentuk == Bentuk::Html {
        "inline"
    } else {
        "attachment"
    };
    (
        [
            (CONTENT_TYPE, bentuk.jenis().to_string()),
            (CONTENT_DISPOSITION, format!("{cara}; filename=\"{nama}\"")),
            (CACHE_CONTROL, "no-store".to_string()),
        ],
        isi,
    )
        .into_response()
}

/// A composition on the blocking pool; its panic or cancellation is an internal error.
async fn di_latar(
    kerja: impl FnOnce() -> Result<Vec<u8>, GalatHttp> + Send + 'static,
    pesan: &'static str,
) -> Result<Vec<u8>, GalatHttp> {
    tokio::task::spawn_blocking(kerja).await.map_err(|e| {
        GalatHttp::internal(
            StatusCode::INTERNAL_SERVER_ERROR,
            "galat_internal",
            pesan,
            e,
        )
    })?
}

/// The options of `kinerja laporan` without `--aturan`: the web runs the built-in rules only.
fn opsi(draf: bool) -> OpsiLaporan {
    OpsiLaporan {
        paksa: draf,
        versi: env!("CARGO_PKG_VERSION").into(),
        aturan: Vec::new(),
        // A data set in the database has no file beside it, as `kinerja laporan --db`.
        logo: None,
    }
}

/// The predecessors' data sets (`baca::pendahulu`) as the composer takes them.
fn pendahulu_laporan(v: &[(InstansiId, Arc<DataInstansi>)]) -> Vec<Pendahulu<'_>> {
    v.iter().map(|(id, d)| Pendahulu { id, data: d }).collect()
}

/// The report of `tahun` as a file: final (refused while the reviu has open `galat`), or with
/// `draf` the draft `kinerja laporan --paksa` writes. `pendahulu`: the predecessors' data sets
/// of an instansi a reorganisation formed (`baca::pendahulu`), as `kinerja laporan --db` reads
/// them.
pub(crate) async fn berkas(
    data: Arc<DataInstansi>,
    pendahulu: Vec<(InstansiId, Arc<DataInstansi>)>,
    tahun: Tahun,
    bentuk: Bentuk,
    draf: bool,
) -> Result<Vec<u8>, GalatHttp> {
    di_latar(
        move || susun_berkas(&data, &pendahulu_laporan(&pendahulu), tahun, bentuk, draf),
        "laporan gagal disusun",
    )
    .await
}

/// The pemda's LKjIP of `tahun` with its OPDs' data sets as a file (`kinerja laporan --pemda`
/// composes the same), on the blocking pool.
pub(crate) async fn berkas_pemda(
    pemda: Arc<DataInstansi>,
    opd: Vec<Arc<DataInstansi>>,
    tahun: Tahun,
    bentuk: Bentuk,
    draf: bool,
) -> Result<Vec<u8>, GalatHttp> {
    di_latar(
        move || {
            let opd: Vec<&DataInstansi> = opd.iter().map(|d| &**d).collect();
            let d = kinerja_laporan::susun_pemda(&pemda, &opd, tahun, &opsi(draf))
                .map_err(galat_laporan)?;
            cetak(&d, bentuk, "laporan gagal disusun")
        },
        "laporan gagal disusun",
    )
    .await
}

/// The SKM report of one survey as a file, on the blocking pool.
pub(crate) async fn berkas_skm(
    l: kinerja_laporan::LaporanSkm,
    bentuk: Bentuk,
) -> Result<Vec<u8>, GalatHttp> {
    di_latar(
        move || {
            cetak(
                &kinerja_laporan::susun_skm(&l),
                bentuk,
                "laporan SKM gagal disusun",
            )
        },
        "laporan SKM gagal disusun",
    )
    .await
}

fn susun_berkas(
    data: &DataInstansi,
    pendahulu: &[Pendahulu],
    tahun: Tahun,
    bentuk: Bentuk,
    draf: bool,
) -> Result<Vec<u8>, GalatHttp> {
    let d = kinerja_laporan::susun_dengan_pendahulu(data, pendahulu, tahun, &opsi(draf))
        .map_err(galat_laporan)?;
    cetak(&d, bentuk, "laporan gagal disusun")
}

/// A composed document in one of the file forms; a renderer's failure is an internal error.
pub(crate) fn cetak(
    d: &kinerja_laporan::Dokumen,
    bentuk: Bentuk,
    pesan: &'static str,
) -> Result<Vec<u8>, GalatHttp> {
    let gagal = |e: &dyn std::fmt::Display| {
        GalatHttp::internal(
            StatusCode::INTERNAL_SERVER_ERROR,
            "galat_internal",
            pesan,
            format!("{}: {e}", bentuk.akhiran()),
        )
    };
    Ok(match bentuk {
        Bentuk::Html => kinerja_laporan::html::html(d).into_bytes(),
        Bentuk::Pdf => kinerja_laporan_pdf::pdf(d).map_err(|e| gagal(&e))?,
        Bentuk::Docx => kinerja_laporan_docx::docx(d).map_err(|e| gagal(&e))?,
        Bentuk::Xlsx => kinerja_laporan_xlsx::xlsx(d).map_err(|e| gagal(&e))?,
    })
}

/// `crate::galat`'s table: no report for the year is 404; a final report refused by the reviu
/// is 409 (the data's state forbids it, as an approved period does).
/// The year's Perjanjian Kinerja as a PDF (`kinerja_laporan::susun_pk`, the LKjIP's PK annex on
/// its own), on the blocking pool; `None` when the year has no PK.
pub(crate) async fn pk_pdf(
    data: Arc<DataInstansi>,
    pelapor: kinerja_core::id::InstansiId,
    tahun: Tahun,
    pk_id: Option<kinerja_core::id::PkId>,
) -> Result<Option<Vec<u8>>, GalatHttp> {
    let gagal = |e: String| {
        GalatHttp::internal(
            StatusCode::INTERNAL_SERVER_ERROR,
            "galat_internal",
            "Perjanjian Kinerja gagal disusun",
            e,
        )
    };
    tokio::task::spawn_blocking(move || {
        let Some(d) = kinerja_laporan::susun_pk(
            &data,
            &pelapor,
            tahun,
            env!("CARGO_PKG_VERSION"),
            pk_id.as_ref(),
        ) else {
            return Ok(None);
        };
        kinerja_laporan_pdf::pdf(&d)
            .map(Some)
            .map_err(|e| gagal(e.to_string()))
    })
    .await
    .map_err(|e| gagal(e.to_string()))?
}

fn galat_laporan(e: GalatLaporan) -> GalatHttp {
    let (status, kode) = match e {
        GalatLaporan::TanpaLaporan(_) => (StatusCode::NOT_FOUND, "laporan_tidak_ada"),
        GalatLaporan::ReviuGalat(_) => (StatusCode::CONFLICT, "reviu_galat"),
        GalatLaporan::TanpaRpjmd => (StatusCode::NOT_FOUND, "rpjmd_tidak_ada"),
    };
    let pesan = match e {
        GalatLaporan::ReviuGalat(n) => format!(
            "reviu menemukan {n} galat terbuka: laporan final belum dapat dibuat. Lihat halaman \
             Reviu; perbaiki datanya atau minta pereviu menerima temuannya dengan alasan. Draf \
             bertanda DRAF dapat diunduh dari halaman Laporan Kinerja."
        ),
        e => e.to_string(),
    };
    GalatHttp::baru(status, kode, pesan)
}

/// The reviu of `tahun` with the built-in rules (as `kinerja periksa` without `--aturan`), as
/// the pages show it.
pub(crate) fn temuan(data: &DataInstansi, tahun: Tahun) -> Vec<t::TemuanTampil> {
    kinerja_reviu::periksa(data, tahun, &[])
        .into_iter()
        .map(tampil)
        .collect()
}

fn tampil(x: Temuan) -> t::TemuanTampil {
    t::TemuanTampil {
        aturan: x.aturan,
        tingkat: match x.tingkat {
            Tingkat::Info => t::TingkatTemuan::Info,
            Tingkat::Peringatan => t::TingkatTemuan::Peringatan,
            Tingkat::Galat => t::TingkatTemuan::Galat,
        },
        dokumen: x.lokasi.dokumen,
        tabel: x.lokasi.tabel,
        baris: x.lokasi.baris,
        pesan: x.pesan,
        tercatat: x.tercatat,
        dihitung: x.dihitung,
        pembulatan: x.pembulatan,
        kunci: x.kunci,
        diterima: x.diterima,
    }
}

/// What the report page says about the year's report: the reviu's verdict and the
/// fingerprint (of the data and the predecessors' data sets the report reads, as the file
/// prints it).
pub(crate) fn keadaan(
    data: &DataInstansi,
    pendahulu: &[(InstansiId, Arc<DataInstansi>)],
    tahun: Tahun,
) -> t::KeadaanLaporan {
    let r = t::RingkasanReviu::dari(&temuan(data, tahun));
    t::KeadaanLaporan {
        galat_terbuka: r.galat,
        peringatan_terbuka: r.peringatan,
        sidik: kinerja_laporan::sidik_laporan(data, &pendahulu_laporan(pendahulu), None),
        ..Default::default()
    }
}
