//! Set-up shared by the web tests: a store holding the bundled example, and accounts with a
//! live session. Each test file uses part of it.
#![allow(dead_code)]

use kinerja_core::id::InstansiId;
use kinerja_core::model::DataInstansi;
use kinerja_simpan::akun::Akun;
use kinerja_simpan::{Hak, ModeImpor, Pelaku, Toko};
use kinerja_web::akun::{digest, token_acak};
use std::path::Path;

/// The bundled example (Kecamatan Mumbulsari, LKjIP 2020).
pub fn contoh() -> DataInstansi {
    kinerja_berkas::baca(&Path::new(env!("CARGO_MANIFEST_DIR")).join("../../contoh/mumbulsari"))
        .unwrap()
}

/// Who the set-up writes as: the command line's rights.
pub fn pelaku() -> Pelaku {
    Pelaku {
        pengguna: "uji".into(),
        sumber: "uji".into(),
        hak: Hak::Semua,
    }
}

/// A store at `url` holding the example (not published).
pub async fn toko_contoh(url: &str) -> Toko {
    let toko = Toko::buka(url).await.unwrap();
    toko.impor(&contoh(), None, ModeImpor::Gabung, &pelaku())
        .await
        .unwrap();
    toko
}

/// Adds an account (`peran` of `instansi`, password hash `hash`) and a session of one hour;
/// returns the session cookie's value and its CSRF token.
pub async fn akun_bersesi(
    toko: &Toko,
    nama: &str,
    peran: &str,
    instansi: Option<&str>,
    hash: String,
) -> (String, String) {
    toko.tambah_akun(
        &Akun {
            nama: nama.into(),
            hash,
            peran: peran.into(),
            instansi: instansi.map(|i| InstansiId::new(i).unwrap()),
        },
        &pelaku(),
    )
    .await
    .unwrap();
    let (token, csrf) = (token_acak(), token_acak());
    let kedaluwarsa = time::OffsetDateTime::now_utc() + time::Duration::hours(1);
    toko.buat_sesi(&digest(&token), nama, &csrf, kedaluwarsa)
        .await
        .unwrap();
    (token, csrf)
}

/// The bundled example in a store, the web application over it, and Mumbulsari's operator
/// ("op") with a live session.
pub struct Operator {
    pub app: axum::Router,
    pub toko: Toko,
    pub sesi: String,
    pub csrf: String,
}

pub async fn operator(url: &str) -> Operator {
    let toko = toko_contoh(url).await;
    let (sesi, csrf) = akun_bersesi(&toko, "op", "operator", Some("mumbulsari"), "x".into()).await;
    Operator {
        app: kinerja_web::aplikasi(kinerja_web::negara(toko.clone())),
        toko,
        sesi,
        csrf,
    }
}

impl Operator {
    /// A form post (`application/x-www-form-urlencoded`) of `medan` to `jalur` as this
    /// operator, the session's CSRF token first.
    pub async fn kirim_form(
        &self,
        jalur: &str,
        medan: &[(&str, &str)],
    ) -> (axum::http::StatusCode, String, String) {
        let mut body = format!("csrf={}", self.csrf);
        for (k, v) in medan {
            let v: String = form_urlencoded::byte_serialize(v.as_bytes()).collect();
            body.push_str(&format!("&{k}={v}"));
        }
        kirim(
            &self.app,
            &self.sesi,
            axum::http::Request::builder()
                .method("POST")
                .uri(jalur)
                .header("content-type", "application/x-www-form-urlencoded"),
            body.into_bytes(),
        )
        .await
    }
}

/// A request to `app` with the session cookie `sesi`: the status, the redirect's target (empty
/// without one) and the body as text.
pub async fn kirim(
    app: &axum::Router,
    sesi: &str,
    r: axum::http::request::Builder,
    body: Vec<u8>,
) -> (axum::http::StatusCode, String, String) {
    let (s, ke, b) = kirim_bait(app, sesi, r, body).await;
    (s, ke, String::from_utf8_lossy(&b).into_owned())
}

/// As [`kirim`], the body as bytes (a download).
pub async fn kirim_bait(
    app: &axum::Router,
    sesi: &str,
    r: axum::http::request::Builder,
    body: Vec<u8>,
) -> (axum::http::StatusCode, String, Vec<u8>) {
    use http_body_util::BodyExt;
    use tower::ServiceExt;
    let r = r
        .header("cookie", format!("kinerja_sesi={sesi}"))
        .body(axum::body::Body::from(body))
        .unwrap();
    let res = app.clone().oneshot(r).await.unwrap();
    let s = res.status();
    let ke = res
        .headers()
        .get("location")
        .map(|v| v.to_str().unwrap().to_string())
        .unwrap_or_default();
    let b = res.into_body().collect().await.unwrap().to_bytes().to_vec();
    (s, ke, b)
}

pub const BATAS_MULTIPART: &str = "----batas-uji";

/// A `multipart/form-data` body (boundary [`BATAS_MULTIPART`]) of text fields and one file.
pub fn multipart(medan: &[(&str, &str)], nama_berkas: &str, isi: impl AsRef<[u8]>) -> Vec<u8> {
    let mut body = String::new();
    for (k, v) in medan {
        body.push_str(&format!(
            "--{BATAS_MULTIPART}\r\nContent-Disposition: form-data; name=\"{k}\"\r\n\r\n{v}\r\n"
        ));
    }
    body.push_str(&format!(
        "--{BATAS_MULTIPART}\r\nContent-Disposition: form-data; name=\"berkas\"; filename=\"{nama_berkas}\"\r\nContent-Type: application/octet-stream\r\n\r\n"
    ));
    let mut body = body.into_bytes();
    body.extend_from_slice(isi.as_ref());
    body.extend_from_slice(format!("\r\n--{BATAS_MULTIPART}--\r\n").as_bytes());
    body
}

/// The confirmation token of a preview page.
pub fn token(html: &str) -> String {
    let tanda = r#"name="token" value=""#;
    let i = html
        .find(tanda)
        .unwrap_or_else(|| panic!("no confirmation form: {html}"))
        + tanda.len();
    html[i..i + html[i..].find('"').unwrap()].to_string()
}
