//! The satisfaction survey page: upload, preview (index, per-unsur table, chart) and, on
//! confirmation, the survey attached to its indicator through the one write path.

use super::bersama::kiriman;
use super::bersama::{
    Hasil, JalurTahun, KueriPesan, Laman, html, ke, medan, pelaku_web, periksa_csrf, pesan_sukses,
    siapkan,
};
use crate::Negara;
use crate::akun::{Sesi, Tindakan, boleh};
use crate::galat::GalatHttp;
use axum::extract::multipart::MultipartRejection;
use axum::extract::rejection::{FormRejection, QueryRejection};
use axum::extract::{Form, Multipart, Path, Query, State};
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse};
use kinerja_core::id::IndikatorId;
use kinerja_core::skm::{Bobot, Regime};
use kinerja_tampilan as t;

/// The file forms `kinerja_skm::baca` reads.
const FORMAT: &str = ".csv,.xlsx,.xlsm,.xls,.ods,.toml";

pub(super) fn halaman(
    sesi: &Sesi,
    l: &Laman,
    pilihan: &t::PilihanSkm,
    keadaan: &t::KeadaanSkm,
) -> String {
    let ubah = boleh(sesi.0.as_ref(), Tindakan::Ubah, &l.id, l.terbit);
    t::skm(&l.k, &l.data, l.tahun, ubah, pilihan, FORMAT, keadaan)
}

pub(super) async fn skm(
    State(n): State<Negara>,
    sesi: Sesi,
    Path((id, th)): JalurTahun,
    q: Result<Query<KueriPesan>, QueryRejection>,
) -> Hasil {
    let mut l = siapkan(&n, &sesi, &id, &th, Tindakan::Lihat).await?;
    pesan_sukses(&mut l.k, &q.map(|q| q.0).unwrap_or_default());
    Ok(html(halaman(
        &sesi,
        &l,
        &t::PilihanSkm::default(),
        &t::KeadaanSkm::Kosong,
    )))
}

/// The upload: read and computed, shown with its index, table and chart; nothing is saved.
pub(super) async fn skm_kirim(
    State(n): State<Negara>,
    sesi: Sesi,
    Path((id, th)): JalurTahun,
    form: Result<Multipart, MultipartRejection>,
) -> Hasil {
    let l = siapkan(&n, &sesi, &id, &th, Tindakan::Ubah).await?;
    let (isian, berkas) = super::bersama::baca_multipart(form).await?;
    periksa_csrf(&sesi, &isian)?;
    let pilihan = t::PilihanSkm {
        indikator: medan(&isian, "indikator").to_string(),
        regime: medan(&isian, "regime").to_string(),
        bobot: medan(&isian, "bobot").to_string(),
        lewati: medan(&isian, "lewati") == "1",
    };
    let gagal = |berkas: &str, masalah: Vec<String>| {
        let body = halaman(
            &sesi,
            &l,
            &pilihan,
            &t::KeadaanSkm::Galat {
                berkas: berkas.to_string(),
                masalah,
            },
        );
        Ok((StatusCode::UNPROCESSABLE_ENTITY, Html(body)).into_response())
    };
    let Some(indikator) = IndikatorId::new(pilihan.indikator.as_str())
        .ok()
        .filter(|i| l.data.indikator.iter().any(|x| &x.id == i))
    else {
        return gagal(
            "unggahan",
            vec!["pilih indikator yang realisasinya survei ini".into()],
        );
    };
    let Some((nama, isi)) = berkas.filter(|(_, isi)| !isi.is_empty()) else {
        return gagal("unggahan", vec!["pilih berkas survei".into()]);
    };
    let regime = match pilihan.regime.as_str() {
        "" => None,
        k => match Regime::dari_kode(k) {
            Some(r) => Some(r),
            None => return gagal(&nama, vec![format!("regime \"{k}\" tidak dikenal")]),
        },
    };
    let bobot = if pilihan.bobot == "cetak" {
        Bobot::Cetak
    } else {
        Bobot::Tepat
    };
    let p = crate::skm::Pilihan {
        regime,
        bobot,
        lewati: pilihan.lewati,
        kuesioner: l
            .data
            .kuesioner_skm
            .iter()
            .find(|k| k.instansi == l.id && k.layanan.is_none())
            .cloned(),
    };
    let b = match crate::skm::baca(nama.clone(), isi, p).await? {
        Ok(b) => b,
        Err(m) => return gagal(&nama, m),
    };
    let survei = match crate::skm::survei(&l.data, &b, &l.id, l.tahun, indikator.clone()) {
        Ok(s) => s,
        Err(m) => return gagal(&nama, vec![m]),
    };
    let pengguna = sesi.0.as_ref().map(|p| p.nama.clone()).unwrap_or_default();
    let token = n.skm.simpan(l.id.clone(), pengguna, survei);
    Ok(html(halaman(
        &sesi,
        &l,
        &pilihan,
        &t::KeadaanSkm::Pratinjau {
            berkas: b.berkas,
            token,
            indikator: indikator.to_string(),
            hasil: Box::new(b.hasil),
            dilewati: b.dilewati,
        },
    )))
}

/// The confirmation: the previewed survey saved (`[[skm]]`, audited).
pub(super) async fn lampirkan(
    State(n): State<Negara>,
    sesi: Sesi,
    Path((id, th)): JalurTahun,
    form: Result<Form<Vec<(String, String)>>, FormRejection>,
) -> Hasil {
    let (isian, l) = kiriman(&n, &sesi, &id, &th, form, Tindakan::Ubah).await?;
    let pengguna = sesi.0.as_ref().map(|p| p.nama.as_str()).unwrap_or_default();
    let Some(survei) = n.skm.ambil(medan(&isian, "token"), &l.id, pengguna) else {
        return Err(GalatHttp::baru(
            StatusCode::CONFLICT,
            "pratinjau_basi",
            "pratinjau survei ini sudah tidak berlaku (sudah dilampirkan, kedaluwarsa, atau milik sesi lain); unggah berkasnya lagi",
        ));
    };
    let r = n
        .toko
        .simpan_survei(&l.id, survei, &pelaku_web(&sesi))
        .await?;
    Ok(ke(&format!(
        "/instansi/{}/tahun/{}/skm?disimpan={}",
        l.id,
        l.tahun,
        r.ditambah + r.diubah
    )))
}
