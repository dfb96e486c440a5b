//! One meaning per error, whatever the door (`kinerja_web::galat`): a locked period is 409 on
//! the entry page and in the API, a workflow step that does not follow is 409, and an internal
//! error shows only the request's id ("kode kejadian"), never its text.

mod bersama;

use axum::body::Body;
use axum::http::{Request, StatusCode};
use http_body_util::BodyExt;
use kinerja_core::id::InstansiId;
use kinerja_core::waktu::{Periode, Tahun};
use kinerja_simpan::akun::Langkah;
use kinerja_simpan::{Pelaku, Toko};
use kinerja_web::akun::hash_sandi;
use tower::ServiceExt;

const SANDI: &str = "sandi-uji-galat";

struct Uji {
    app: axum::Router,
    toko: Toko,
    /// Session cookie and CSRF token per account name.
    sesi: Vec<(&'static str, String, String)>,
}

async fn siap(url: &str) -> Uji {
    let toko = bersama::toko_contoh(url).await;
    let mut sesi = Vec::new();
    for (nama, peran) in [("op", "operator"), ("camat", "pimpinan")] {
        let hash = hash_sandi(SANDI).unwrap();
        let (token, csrf) =
            bersama::akun_bersesi(&toko, nama, peran, Some("mumbulsari"), hash).await;
        sesi.push((nama, token, csrf));
    }
    Uji {
        app: kinerja_web::aplikasi(kinerja_web::negara(toko.clone())),
        toko,
        sesi,
    }
}

struct Jawaban {
    status: StatusCode,
    id: String,
    body: String,
}

impl Uji {
    async fn kirim(&self, r: Request<Body>) -> Jawaban {
        let res = self.app.clone().oneshot(r).await.unwrap();
        let status = res.status();
        let id = res.headers()["x-request-id"].to_str().unwrap().to_string();
        let body = res.into_body().collect().await.unwrap().to_bytes().to_vec();
        Jawaban {
            status,
            id,
            body: String::from_utf8(body).unwrap(),
        }
    }

    /// POSTs a form as `nama`, with the session's CSRF token.
    async fn form(&self, nama: &str, uri: &str, isian: &str) -> Jawaban {
        let (_, token, csrf) = self.sesi.iter().find(|(n, _, _)| *n == nama).unwrap();
        let r = Request::post(uri)
            .header("cookie", format!("kinerja_sesi={token}"))
            .header("content-type", "application/x-www-form-urlencoded")
            .body(Body::from(format!("csrf={csrf}&{isian}")))
            .unwrap();
        self.kirim(r).await
    }

    async fn ambil(&self, uri: &str) -> Jawaban {
        self.kirim(Request::get(uri).body(Body::empty()).unwrap())
            .await
    }
}

async fn setujui_tahunan(toko: &Toko) {
    let p = Pelaku {
        pengguna: "camat".into(),
        sumber: "uji".into(),
        hak: kinerja_simpan::Hak::Semua,
    };
    let m = InstansiId::new("mumbulsari").unwrap();
    let th = Tahun::new(2020).unwrap();
    for l in [Langkah::Ajukan, Langkah::Setujui] {
        toko.langkah_alur(&m, th, Periode::Tahunan, l, &p)
            .await
            .unwrap();
    }
}

#[tokio::test]
async fn a_locked_period_is_409_on_the_page_and_in_the_api() {
    let b = kinerja_simpan::uji::sqlite();
    let u = siap(&b.url).await;
    setujui_tahunan(&u.toko).await;
    // The entry page again, with the reason among its messages.
    let j = u
        .form(
            "op",
            "/instansi/mumbulsari/tahun/2020/realisasi",
            "r.I-S1-1.tahunan=95",
        )
        .await;
    assert_eq!(j.status, StatusCode::CONFLICT);
    assert!(
        j.body.contains("tidak disimpan: periode terkunci"),
        "{}",
        j.body
    );
    assert!(
        j.body.contains("name=\"r.I-S1-1.tahunan\""),
        "the form again"
    );

    let basic = {
        use base64::Engine;
        base64::engine::general_purpose::STANDARD.encode(format!("op:{SANDI}"))
    };
    let r = Request::put("/api/v1/instansi/mumbulsari/realisasi")
        .header("authorization", format!("Basic {basic}"))
        .header("content-type", "application/json")
        .body(Body::from(
            r#"{"realisasi": [{"indikator": "I-S1-1", "tahun": 2020, "periode": "tahunan", "nilai": "95"}]}"#,
        ))
        .unwrap();
    let j = u.kirim(r).await;
    assert_eq!(j.status, StatusCode::CONFLICT, "{}", j.body);
    let v: serde_json::Value = serde_json::from_str(&j.body).unwrap();
    assert_eq!(v["kode"], "periode_terkunci");
    u.toko.tutup().await;
    b.selesai().await;
}

#[tokio::test]
async fn a_workflow_step_that_does_not_follow_is_409() {
    let b = kinerja_simpan::uji::sqlite();
    let u = siap(&b.url).await;
    // Approving a period nobody submitted.
    let j = u
        .form("camat", "/instansi/mumbulsari/tahun/2020/setujui/tw1", "")
        .await;
    assert_eq!(j.status, StatusCode::CONFLICT);
    assert!(j.body.contains("tidak berlaku untuk periode"), "{}", j.body);
    assert!(j.body.contains("camat"), "in the user's frame");
    u.toko.tutup().await;
    b.selesai().await;
}

#[tokio::test]
async fn an_internal_error_shows_the_request_id_and_not_its_text() {
    let b = kinerja_simpan::uji::sqlite();
    let u = siap(&b.url).await;
    let j = u.ambil("/").await;
    assert_eq!(j.status, StatusCode::OK);
    assert_eq!(j.id.len(), 16, "every response carries its request id");
    // The store can no longer be reached.
    u.toko.tutup().await;
    for uri in ["/", "/api/v1/instansi"] {
        let j = u.ambil(uri).await;
        assert_eq!(j.status, StatusCode::SERVICE_UNAVAILABLE, "{uri}");
        assert!(
            j.body.contains(&format!("(kode kejadian: {})", j.id)),
            "{uri}: {}",
            j.body
        );
        assert!(
            !j.body.contains("basis data:") && !j.body.contains("pool"),
            "{uri}: the store's text leaked: {}",
            j.body
        );
    }
    let a = u.ambil("/api/v1/instansi").await;
    let v: serde_json::Value = serde_json::from_str(&a.body).unwrap();
    assert_eq!(v["kode"], "penyimpanan");
    assert_ne!(
        a.id,
        u.ambil("/api/v1/instansi").await.id,
        "one id per request"
    );
    b.selesai().await;
}
