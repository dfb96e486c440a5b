//! The satisfaction survey through the web: an uploaded file read by `kinerja_skm` (the reader
//! of `kinerja skm`: respondents' CSV/XLSX exports or a per-unsur table), computed by the core,
//! and the survey record (`[[skm]]`) that attaches it to its indicator as the realisasi.
//! Reading a file is blocking work: it runs on the blocking pool.

use crate::galat::GalatHttp;
use axum::http::StatusCode;
use kinerja_core::id::{IndikatorId, InstansiId, SurveiId};
use kinerja_core::model::{DataInstansi, SurveiSkm, UnsurSkm};
use kinerja_core::skm::{Bobot, HasilSkm, Opsi, Regime};
use kinerja_core::waktu::Tahun;
use kinerja_skm::{GalatBaca, OpsiBaca};

/// How many bad rows a page lists (the count says how many there are).
const BARIS_DITAMPILKAN: usize = 50;

/// The choices of the upload form.
#[derive(Debug, Clone)]
pub(crate) struct Pilihan {
    /// `None`: the file's own regime, else recognised from its columns.
    pub regime: Option<Regime>,
    pub bobot: Bobot,
    /// Skip rows that cannot be read (each one listed and recorded) instead of refusing.
    pub lewati: bool,
    /// The instansi's own questionnaire (its general one), which names its export's columns
    /// and answers.
    pub kuesioner: Option<kinerja_core::model::KuesionerSkm>,
}

/// A survey file read and computed.
#[derive(Debug, Clone)]
pub(crate) struct Bacaan {
    pub berkas: String,
    pub hasil: HasilSkm,
    /// The rows skipped, as "baris 7: kolom 3 (C, U2): ...".
    pub dilewati: Vec<String>,
}

pub(crate) async fn baca(
    nama: String,
    isi: Vec<u8>,
    p: Pilihan,
) -> Result<Result<Bacaan, Vec<String>>, GalatHttp> {
    tokio::task::spawn_blocking(move || baca_berkas(&nama, &isi, &p))
        .await
        .map_err(|e| {
            GalatHttp::internal(
                StatusCode::INTERNAL_SERVER_ERROR,
                "galat_internal",
                "survei gagal dibaca",
                e,
            )
        })?
}

/// The readers take a path (they stream large files and pick the kind by the extension):
/// the upload goes to a file of its own in the temporary folder, removed after reading.
fn baca_berkas(
    nama: &str,
    isi: &[u8],
    p: &Pilihan,
) -> Result<Result<Bacaan, Vec<String>>, GalatHttp> {
    let ekstensi: String = std::path::Path::new(nama)
        .extension()
        .and_then(|e| e.to_str())
        .unwrap_or("csv")
        .chars()
        .filter(char::is_ascii_alphanumeric)
        .take(8)
        .collect::<String>()
        .to_ascii_lowercase();
    let sementara = std::env::temp_dir().join(format!(
        "kinerja-skm-{}.{ekstensi}",
        crate::akun::token_acak()
    ));
    let tulis = std::fs::write(&sementara, isi);
    if let Err(e) = tulis {
        return Err(GalatHttp::internal(
            StatusCode::SERVICE_UNAVAILABLE,
            "penyimpanan",
            "berkas unggahan tidak dapat disimpan sementara; coba lagi",
            e,
        ));
    }
    // The instansi's own questionnaire, when it has one, names its columns and answers; the
    // standard wording and labels are recognised besides.
    let opsi = OpsiBaca {
        regime: p.regime.clone(),
        lewati_baris_buruk: p.lewati,
        peta: p
            .kuesioner
            .as_ref()
            .map(kinerja_skm::PetaInstansi::dari_kuesioner),
    };
    let dibaca = kinerja_skm::baca(&sementara, &opsi);
    let _ = std::fs::remove_file(&sementara);
    // Messages name the file as the user knows it, not the temporary copy.
    let nama_sementara = sementara.display().to_string();
    let rapi = |s: String| s.replace(&nama_sementara, nama);
    let masukan = match dibaca {
        Ok(m) => m,
        Err(GalatBaca::BarisBuruk { baris, .. }) => {
            let mut v: Vec<String> = vec![format!(
                "{} baris tidak dapat dibaca; tidak ada yang dihitung. Perbaiki barisnya, atau pilih \"lewati baris yang tidak terbaca\" (baris itu dicatat bersama survei).",
                baris.len()
            )];
            v.extend(
                baris
                    .iter()
                    .take(BARIS_DITAMPILKAN)
                    .map(|b| format!("{nama}: {b}")),
            );
            if baris.len() > BARIS_DITAMPILKAN {
                v.push(format!(
                    "... dan {} baris lain",
                    baris.len() - BARIS_DITAMPILKAN
                ));
            }
            return Ok(Err(v));
        }
        Err(e) => return Ok(Err(vec![rapi(e.to_string())])),
    };
    let opsi = Opsi {
        bobot: p.bobot,
        ..Opsi::default()
    };
    let hasil = match masukan.hitung(&opsi) {
        Ok(h) => h,
        Err(e) => return Ok(Err(vec![rapi(e.to_string())])),
    };
    let dilewati = match &masukan {
        kinerja_skm::Masukan::Responden(r) => r.dilewati.iter().map(ToString::to_string).collect(),
        kinerja_skm::Masukan::Tabel(_) => Vec::new(),
    };
    Ok(Ok(Bacaan {
        berkas: nama.to_string(),
        hasil,
        dilewati,
    }))
}

/// The survey record of `b`, the realisasi of `indikator` in `tahun`: answer counts (exact)
/// or, from a table, the distribution; the skipped rows in its note. A survey of the year
/// already attached to the same indicator is replaced (same id).
pub(crate) fn survei(
    data: &DataInstansi,
    b: &Bacaan,
    pelapor: &InstansiId,
    tahun: Tahun,
    indikator: IndikatorId,
) -> Result<SurveiSkm, String> {
    let id = match data
        .skm
        .iter()
        .find(|s| s.tahun == tahun && s.indikator.as_ref() == Some(&indikator))
    {
        Some(s) => s.id.clone(),
        None => SurveiId::new(format!("skm-{}-{}", tahun.get(), indikator.as_str()))
            .map_err(|e| e.to_string())?,
    };
    let unsur = UnsurSkm::dari_hasil(&b.hasil)?;
    let mut catatan = format!("dilampirkan dari {} melalui web", b.berkas);
    if !b.dilewati.is_empty() {
        let daftar: Vec<&str> = b
            .dilewati
            .iter()
            .take(BARIS_DITAMPILKAN)
            .map(String::as_str)
            .collect();
        catatan.push_str(&format!(
            "; {} baris dilewati: {}{}",
            b.dilewati.len(),
            daftar.join("; "),
            if b.dilewati.len() > BARIS_DITAMPILKAN {
                "; ..."
            } else {
                ""
            }
        ));
    }
    Ok(SurveiSkm {
        id,
        instansi: pelapor.clone(),
        tahun,
        regime: b.hasil.regime.pengenal.clone(),
        indikator: Some(indikator),
        responden: b.hasil.responden.and_then(|r| u32::try_from(r).ok()),
        populasi: None,
        unsur,
        catatan: Some(catatan),
    })
}
