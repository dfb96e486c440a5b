//! Logging in and out. The login form has no session yet, so its CSRF check is a
//! double-submit cookie; sessions and the role policy are `crate::akun`'s.

use super::bersama::{Hasil, isian_form, konteks_dasar, periksa_csrf, tahun_pilihan};
use crate::Negara;
use crate::akun::{self, Peran, Sesi};
use crate::galat::GalatHttp;
use axum::extract::rejection::FormRejection;
use axum::extract::{Form, State};
use axum::http::header::{CACHE_CONTROL, LOCATION, SET_COOKIE};
use axum::http::{HeaderMap, StatusCode};
use axum::response::{Html, IntoResponse, Response};
use kinerja_tampilan as t;
use serde::Deserialize;

pub(super) async fn masuk(sesi: Sesi) -> Response {
    let token = akun::token_acak();
    let mut k = konteks_dasar(&sesi);
    k.csrf = token.clone();
    (
        [
            (
                SET_COOKIE,
                akun::set_cookie(akun::COOKIE_CSRF_MASUK, &token, akun::LAMA_SESI),
            ),
            (CACHE_CONTROL, "no-store".into()),
        ],
        Html(t::masuk(&k, None, "")),
    )
        .into_response()
}

#[derive(Deserialize)]
pub(super) struct IsianMasuk {
    nama_pengguna: String,
    kata_sandi: String,
    csrf: String,
}

pub(super) async fn masuk_kirim(
    State(n): State<Negara>,
    headers: HeaderMap,
    ext: axum::http::Extensions,
    form: Result<Form<IsianMasuk>, FormRejection>,
) -> Hasil {
    let Ok(Form(f)) = form else {
        return Err(GalatHttp::baru(
            StatusCode::BAD_REQUEST,
            "permintaan_tidak_sah",
            "isian masuk tidak lengkap",
        ));
    };
    let cookie_csrf = akun::cookie(&headers, akun::COOKIE_CSRF_MASUK);
    if cookie_csrf.as_deref() != Some(f.csrf.as_str()) || f.csrf.is_empty() {
        return Err(GalatHttp::baru(
            StatusCode::FORBIDDEN,
            "csrf",
            "formulir kedaluwarsa atau tidak berasal dari halaman ini (CSRF); muat ulang halaman masuk",
        ));
    }
    let alamat = akun::alamat_klien(&headers, &ext);
    let akun = match akun::masuk(&n, alamat, &f.nama_pengguna, &f.kata_sandi).await {
        Ok(a) => a,
        Err(akun::GagalMasuk::Simpan(e)) => return Err(e.into()),
        Err(g) => {
            let k = t::Konteks {
                csrf: f.csrf.clone(),
                ..Default::default()
            };
            let halaman = Html(t::masuk(&k, Some(&g.pesan()), &f.nama_pengguna));
            let mut r = (g.kode(), halaman).into_response();
            if let Some(d) = g.tunggu() {
                let (kunci, nilai) = akun::retry_after(d);
                r.headers_mut().insert(kunci, nilai);
            }
            return Ok(r);
        }
    };
    let token = akun::token_acak();
    let kedaluwarsa = time::OffsetDateTime::now_utc() + akun::LAMA_SESI;
    n.toko
        .buat_sesi(
            &akun::digest(&token),
            &akun.nama,
            &akun::token_acak(),
            kedaluwarsa,
        )
        .await?;
    let tujuan = match (&akun.instansi, Peran::parse(&akun.peran)) {
        (Some(i), _) => match n
            .toko
            .muat(i)
            .await
            .ok()
            .and_then(|d| tahun_pilihan(&d).last().copied())
        {
            Some(th) => format!("/instansi/{i}/tahun/{th}"),
            None => "/".into(),
        },
        _ => "/".into(),
    };
    Ok((
        StatusCode::SEE_OTHER,
        [
            (LOCATION, tujuan),
            (
                SET_COOKIE,
                akun::set_cookie(akun::COOKIE_SESI, &token, akun::LAMA_SESI),
            ),
        ],
    )
        .into_response())
}

pub(super) async fn keluar(
    State(n): State<Negara>,
    sesi: Sesi,
    headers: HeaderMap,
    form: Result<Form<Vec<(String, String)>>, FormRejection>,
) -> Hasil {
    let isian = isian_form(form)?;
    periksa_csrf(&sesi, &isian)?;
    if let Some(token) = akun::cookie(&headers, akun::COOKIE_SESI) {
        n.toko.hapus_sesi(&akun::digest(&token)).await?;
    }
    Ok((
        StatusCode::SEE_OTHER,
        [
            (LOCATION, "/".to_string()),
            (
                SET_COOKIE,
                akun::set_cookie(akun::COOKIE_SESI, "", std::time::Duration::ZERO),
            ),
        ],
    )
        .into_response())
}
