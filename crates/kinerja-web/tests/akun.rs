//! Logging in through every door on both backends: one throttle for the login form and HTTP
//! Basic, per client address and per account; a hash for unknown names too; the hashing pool's
//! refusal; API tokens that open the API and nothing else.

use axum::body::Body;
use axum::extract::ConnectInfo;
use axum::http::{HeaderMap, Request, StatusCode};
use http_body_util::BodyExt;
use kinerja_simpan::akun::{Akun, CabutToken};
use kinerja_simpan::{ModeImpor, Pelaku, Toko};
use kinerja_web::{Negara, akun};
use std::net::SocketAddr;
use std::path::Path;
use std::sync::Arc;
use tower::ServiceExt;

const SANDI: &str = "sandi-operator-2020";
const DASBOR: &str = "/instansi/mumbulsari/tahun/2020";
const API: &str = "/api/v1/instansi/mumbulsari/tahun/2020/pengukuran";

fn pelaku() -> Pelaku {
    Pelaku {
        pengguna: "uji".into(),
        sumber: "uji".into(),
        hak: kinerja_simpan::Hak::Semua,
    }
}

/// The example, not published (so that the public is refused), and operator `op`.
async fn siap(url: &str) -> Negara {
    let toko = Toko::buka(url).await.unwrap();
    let d = kinerja_berkas::baca(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("../../contoh/mumbulsari"),
    )
    .unwrap();
    toko.impor(&d, None, ModeImpor::Gabung, &pelaku())
        .await
        .unwrap();
    toko.tambah_akun(
        &Akun {
            nama: "op".into(),
            hash: akun::hash_sandi(SANDI).unwrap(),
            peran: "operator".into(),
            instansi: Some(kinerja_core::id::InstansiId::new("mumbulsari").unwrap()),
        },
        &pelaku(),
    )
    .await
    .unwrap();
    kinerja_web::negara(toko)
}

fn basic(nama: &str, sandi: &str) -> String {
    use base64::Engine;
    format!(
        "Basic {}",
        base64::engine::general_purpose::STANDARD.encode(format!("{nama}:{sandi}"))
    )
}

struct Jawaban {
    status: StatusCode,
    kepala: HeaderMap,
    isi: String,
}

/// A request from `dari` (the peer address the server sees), with an `Authorization` header.
async fn minta(
    n: &Negara,
    dari: &str,
    metode: &str,
    uri: &str,
    otorisasi: Option<&str>,
) -> Jawaban {
    let mut r = Request::builder()
        .method(metode)
        .uri(uri)
        .extension(ConnectInfo(SocketAddr::new(dari.parse().unwrap(), 40000)));
    if let Some(o) = otorisasi {
        r = r.header("authorization", o);
    }
    if metode == "POST" {
        r = r.header("content-type", "application/x-www-form-urlencoded");
    }
    kirim(n, r.body(Body::from("csrf=")).unwrap()).await
}

async fn kirim(n: &Negara, r: Request<Body>) -> Jawaban {
    let res = kinerja_web::aplikasi(n.clone()).oneshot(r).await.unwrap();
    let status = res.status();
    let kepala = res.headers().clone();
    let isi = res.into_body().collect().await.unwrap().to_bytes();
    Jawaban {
        status,
        kepala,
        isi: String::from_utf8_lossy(&isi).into_owned(),
    }
}

/// The login form, posted with its double-submit CSRF cookie.
async fn masuk(n: &Negara, dari: &str, nama: &str, sandi: &str) -> Jawaban {
    let r = Request::builder()
        .method("POST")
        .uri("/masuk")
        .extension(ConnectInfo(SocketAddr::new(dari.parse().unwrap(), 40000)))
        .header("cookie", "kinerja_csrf=c5rf")
        .header("content-type", "application/x-www-form-urlencoded")
        .body(Body::from(format!(
            "csrf=c5rf&nama_pengguna={nama}&kata_sandi={sandi}"
        )))
        .unwrap();
    kirim(n, r).await
}

fn retry_after(j: &Jawaban) -> Option<&str> {
    j.kepala.get("retry-after").and_then(|v| v.to_str().ok())
}

#[tokio::test]
async fn the_form_and_basic_share_one_count_and_a_stranger_locks_nobody_out() {
    for b in kinerja_simpan::uji::semua_basis().await {
        let n = siap(&b.url).await;
        let penyerang = "203.0.113.7";
        // Ten failures from one address are free (defaults: `akun::Aturan`), five through the
        // form and five through Basic on a page that then refuses (a refusal rendered in the
        // caller's frame counted a failure twice before). Different names, so that no account
        // is under attack and only the address counts.
        for i in 0..5 {
            let j = masuk(&n, penyerang, &format!("tebak{i}"), "salah").await;
            assert_eq!(j.status, StatusCode::UNAUTHORIZED, "{}: form {i}", b.nama);
            assert!(j.isi.contains("nama pengguna atau kata sandi salah"));
        }
        for i in 5..10 {
            let kredensial = basic(&format!("tebak{i}"), "x");
            let j = minta(&n, penyerang, "GET", DASBOR, Some(&kredensial)).await;
            assert_eq!(j.status, StatusCode::UNAUTHORIZED, "{}: Basic {i}", b.nama);
            // A page answers with the error page (one mapping for pages and API), in words.
            assert!(
                j.isi.contains("nama pengguna atau kata sandi salah"),
                "{}",
                j.isi
            );
        }
        // The 10th failure made the address wait 1 s: Basic gets 429 with Retry-After, even
        // with the right password, and so does the form, with the wait in words.
        let j = minta(&n, penyerang, "GET", API, Some(&basic("op", SANDI))).await;
        assert_eq!(j.status, StatusCode::TOO_MANY_REQUESTS, "{}", b.nama);
        assert_eq!(retry_after(&j), Some("1"));
        assert!(j.isi.contains("terlalu_banyak_percobaan"), "{}", j.isi);
        let j = masuk(&n, penyerang, "op", SANDI).await;
        assert_eq!(j.status, StatusCode::TOO_MANY_REQUESTS);
        assert_eq!(retry_after(&j), Some("1"));
        assert!(j.isi.contains("coba lagi dalam 1 detik"), "{}", j.isi);
        // Refused attempts cost no hash: 10 checks, for the 10 failures.
        assert_eq!(n.sandi.jumlah_diperiksa(), 10);

        // The operator, from another address, is not locked out, by either door.
        let j = minta(&n, "198.51.100.20", "GET", API, Some(&basic("op", SANDI))).await;
        assert_eq!(j.status, StatusCode::OK, "{}", b.nama);
        let j = masuk(&n, "198.51.100.20", "op", SANDI).await;
        assert_eq!(j.status, StatusCode::SEE_OTHER, "{}", j.isi);
        assert!(j.kepala.get("set-cookie").is_some());
        b.selesai().await;
    }
}

#[tokio::test]
async fn unknown_names_cost_a_hash_like_known_ones() {
    let b = kinerja_simpan::uji::sqlite();
    let n = siap(&b.url).await;
    let dari = "198.51.100.30";
    // Each refused login ran exactly one argon2 check, whether the name exists or not (before,
    // an unknown name returned at once: 1-3 ms against 40-200 ms, which told names apart).
    let kasus = [("op", "salah"), ("tidak-ada", "salah"), ("", "")];
    for (i, (nama, sandi)) in kasus.into_iter().enumerate() {
        let j = minta(&n, dari, "GET", API, Some(&basic(nama, sandi))).await;
        assert_eq!(j.status, StatusCode::UNAUTHORIZED, "{nama}");
        assert_eq!(n.sandi.jumlah_diperiksa(), 2 * i as u64 + 1, "Basic {nama}");
        let j = masuk(&n, dari, nama, sandi).await;
        assert_eq!(j.status, StatusCode::UNAUTHORIZED, "{nama}");
        assert_eq!(n.sandi.jumlah_diperiksa(), 2 * i as u64 + 2, "form {nama}");
    }
    b.selesai().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_full_hashing_pool_answers_503_with_retry_after() {
    let b = kinerja_simpan::uji::sqlite();
    let mut n = siap(&b.url).await;
    // One check at a time and none waiting: of 16 simultaneous Basic requests (a check takes
    // tens of milliseconds), one is checked at a time and the others are told to come back.
    n.sandi = Arc::new(akun::KolamSandi::baru(1, 1));
    let tugas: Vec<_> = (0..16)
        .map(|i| {
            let n = n.clone();
            tokio::spawn(async move {
                let dari = format!("198.51.100.{}", 40 + i);
                minta(&n, &dari, "GET", API, Some(&basic("op", SANDI))).await
            })
        })
        .collect();
    let mut sibuk = 0;
    for t in tugas {
        let j = t.await.unwrap();
        match j.status {
            StatusCode::OK => {}
            StatusCode::SERVICE_UNAVAILABLE => {
                assert_eq!(retry_after(&j), Some("1"));
                assert!(j.isi.contains("\"sibuk\""), "{}", j.isi);
                sibuk += 1;
            }
            s => panic!("{s}: {}", j.isi),
        }
    }
    assert!(sibuk > 0, "some requests found the pool full");
    assert_eq!(
        n.sandi.jumlah_diperiksa(),
        16 - sibuk,
        "refused ones ran no check"
    );
    b.selesai().await;
}

#[tokio::test]
async fn api_tokens_open_the_api_and_nothing_else() {
    for b in kinerja_simpan::uji::semua_basis().await {
        let n = siap(&b.url).await;
        let token = akun::token_api_baru();
        let id = n
            .toko
            .tambah_token("op", &akun::digest(&token), "uji", &pelaku())
            .await
            .unwrap();
        let bearer = format!("Bearer {token}");
        let dari = "198.51.100.50";
        let j = minta(&n, dari, "GET", API, Some(&bearer)).await;
        assert_eq!(j.status, StatusCode::OK, "{}: {}", b.nama, j.isi);
        let j = minta(
            &n,
            dari,
            "PUT",
            "/api/v1/instansi/mumbulsari/realisasi",
            Some(&bearer),
        );
        // The operator's role: allowed to write (the empty form body is not JSON: 415).
        assert_eq!(j.await.status, StatusCode::UNSUPPORTED_MEDIA_TYPE);
        assert_eq!(
            n.sandi.jumlah_diperiksa(),
            0,
            "a token costs no password hash"
        );

        // Pages ignore the token: the caller is the public, refused the unpublished data and
        // any form (a token carries no CSRF token, and is not a session).
        let j = minta(&n, dari, "GET", DASBOR, Some(&bearer)).await;
        assert_eq!(j.status, StatusCode::FORBIDDEN);
        let j = minta(
            &n,
            dari,
            "POST",
            &format!("{DASBOR}/realisasi"),
            Some(&bearer),
        )
        .await;
        assert_eq!(j.status, StatusCode::FORBIDDEN);

        n.toko
            .cabut_token(CabutToken::Satu(id), &pelaku())
            .await
            .unwrap();
        for t in [bearer.as_str(), "Bearer knj_palsu"] {
            let j = minta(&n, dari, "GET", API, Some(t)).await;
            assert_eq!(j.status, StatusCode::UNAUTHORIZED, "{}: {t}", b.nama);
            assert!(j.isi.contains("token_tidak_sah"), "{}", j.isi);
            let tantangan = j.kepala.get("www-authenticate").unwrap().to_str().unwrap();
            assert!(tantangan.starts_with("Bearer"), "{tantangan}");
        }
        b.selesai().await;
    }
}
