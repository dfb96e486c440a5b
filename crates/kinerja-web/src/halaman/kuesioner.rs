//! The instansi's own SKM questionnaire: shown to whoever may read the instansi's data, saved by
//! its writers through the one write path (`kinerja_tampilan::ubah_kuesioner` turns the form
//! into the data set to save).

use super::bersama::{
    Hasil, JalurTahun, KueriPesan, html, kiriman, pelaku_web, pesan_sukses, setelah_ubah, siapkan,
};
use crate::Negara;
use crate::akun::{Sesi, Tindakan, boleh};
use axum::extract::rejection::{FormRejection, QueryRejection};
use axum::extract::{Form, Path, Query, State};
use axum::response::{Html, IntoResponse};
use kinerja_tampilan as t;

pub(super) async fn kuesioner(
    State(n): State<Negara>,
    sesi: Sesi,
    Path((id, th)): JalurTahun,
    q: Result<Query<KueriPesan>, QueryRejection>,
) -> Hasil {
    let mut l = siapkan(&n, &sesi, &id, &th, Tindakan::Lihat).await?;
    pesan_sukses(&mut l.k, &q.map(|q| q.0).unwrap_or_default());
    let ubah = boleh(sesi.0.as_ref(), Tindakan::Ubah, &l.id, l.terbit);
    Ok(html(t::kuesioner_skm(
        &l.k,
        &l.data,
        l.tahun.get(),
        ubah,
        &[],
        &[],
    )))
}

pub(super) async fn kuesioner_kirim(
    State(n): State<Negara>,
    sesi: Sesi,
    Path((id, th)): JalurTahun,
    form: Result<Form<Vec<(String, String)>>, FormRejection>,
) -> Hasil {
    let (isian, mut l) = kiriman(&n, &sesi, &id, &th, form, Tindakan::Ubah).await?;
    let instansi = l.id.clone();
    let hasil = n
        .toko
        .ubah_data(&l.id, &pelaku_web(&sesi), |d| {
            t::ubah_kuesioner(d, &instansi, &isian)
        })
        .await;
    let (kesalahan, kode) = match setelah_ubah(hasil, &mut l, "skm/kuesioner")? {
        Ok(ke) => return Ok(ke),
        Err(x) => x,
    };
    let body = t::kuesioner_skm(&l.k, &l.data, l.tahun.get(), true, &kesalahan, &isian);
    Ok((kode, Html(body)).into_response())
}
