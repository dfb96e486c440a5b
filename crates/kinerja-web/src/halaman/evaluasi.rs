//! The Laporan Hasil Evaluasi (Evaluasi AKIP, PermenPANRB 88/2021) of an instansi and year, as
//! `kinerja evaluasi` writes it: the answers in the data scored on the bundled 88/2021
//! worksheet, with the proposals from the data. The evaluation is working material of the
//! instansi and the inspektorat: the reviu's readers may open it, the public may not.

use super::bersama::{Hasil, JalurTahun, siapkan};
use crate::Negara;
use crate::akun::{Sesi, Tindakan};
use crate::galat::GalatHttp;
use crate::laporan::Bentuk;
use axum::extract::State;
use axum::http::StatusCode;

/// The year's answers do not fit the worksheet (an answer off its scale, imported): 409 with
/// every problem named.
pub(super) fn jawaban_ditolak(
    tahun: kinerja_core::waktu::Tahun,
    g: &[kinerja_evaluasi::GalatJawaban],
) -> GalatHttp {
    GalatHttp::baru(
        StatusCode::CONFLICT,
        "jawaban_evaluasi_ditolak",
        format!(
            "jawaban evaluasi tahun {tahun} tidak sesuai lembar kerja: {}",
            g.iter()
                .map(|x| x.to_string())
                .collect::<Vec<_>>()
                .join("; ")
        ),
    )
}

async fn unduh(n: Negara, sesi: Sesi, (id, th): (String, String), bentuk: Bentuk) -> Hasil {
    let l = siapkan(&n, &sesi, &id, &th, Tindakan::LihatReviu).await?;
    if !l.data.jawaban_evaluasi.iter().any(|j| j.tahun == l.tahun) {
        return Err(GalatHttp::baru(
            StatusCode::NOT_FOUND,
            "evaluasi_tidak_ada",
            format!("belum ada jawaban evaluasi AKIP tahun {}", l.tahun),
        ));
    }
    let (data, tahun, instansi) = (l.data.clone(), l.tahun, l.id.clone());
    let isi = tokio::task::spawn_blocking(move || {
        let lke = kinerja_evaluasi::bawaan();
        let h = kinerja_laporan::hitung_evaluasi(&data, tahun, &lke)
            .map_err(|g| jawaban_ditolak(tahun, &g))?;
        let d = kinerja_laporan::dokumen_evaluasi(
            &data,
            Some(&instansi),
            &h,
            kinerja_evaluasi::berkas::BAWAAN_88_2021,
        );
        crate::laporan::cetak(&d, bentuk, "laporan hasil evaluasi gagal disusun")
    })
    .await
    .map_err(|e| {
        GalatHttp::internal(
            StatusCode::INTERNAL_SERVER_ERROR,
            "galat_internal",
            "laporan hasil evaluasi gagal disusun",
            e,
        )
    })??;
    let nama = format!("evaluasi-akip-{}-{}.{}", l.id, l.tahun, bentuk.akhiran());
    Ok(crate::laporan::jawaban_berkas(&nama, bentuk, isi))
}

pub(super) async fn html(State(n): State<Negara>, s: Sesi, p: JalurTahun) -> Hasil {
    unduh(n, s, p.0, Bentuk::Html).await
}

pub(super) async fn pdf(State(n): State<Negara>, s: Sesi, p: JalurTahun) -> Hasil {
    unduh(n, s, p.0, Bentuk::Pdf).await
}

pub(super) async fn docx(State(n): State<Negara>, s: Sesi, p: JalurTahun) -> Hasil {
    unduh(n, s, p.0, Bentuk::Docx).await
}

pub(super) async fn xlsx(State(n): State<Negara>, s: Sesi, p: JalurTahun) -> Hasil {
    unduh(n, s, p.0, Bentuk::Xlsx).await
}
