//! Every route (pages and API) walked with every role. The routes are the router's own
//! (`kinerja_web::rute_terdaftar`, the lists the routers are built from); the expected answers
//! are the table below, written from the role description, not from `akun::boleh`.

use axum::body::Body;
use axum::http::{Request, StatusCode};
use http_body_util::BodyExt;
use kinerja_simpan::akun::{Akun, Langkah};
use kinerja_simpan::{ModeImpor, Pelaku, Toko};
use std::collections::BTreeSet;
use std::path::Path;
use tower::ServiceExt;

#[derive(Debug, Clone, Copy, PartialEq)]
enum Siapa {
    Publik,
    Admin,
    OperatorMilik,
    OperatorLain,
    PimpinanMilik,
    Pereviu,
}
use Siapa::*;
const SEMUA: [Siapa; 6] = [
    Publik,
    Admin,
    OperatorMilik,
    OperatorLain,
    PimpinanMilik,
    Pereviu,
];

/// Who may use a route on Mumbulsari's unpublished 2020 data.
#[derive(Debug, Clone, Copy)]
enum Aturan {
    Semua,
    TidakSeorang,
    Masuk,
    Lihat,
    Jejak,
    Ubah,
    Setujui,
    Catat,
    /// The Evaluasi AKIP's evaluator: the pereviu (and the admin).
    Evaluator,
    /// Only the administrator (reopening a final evaluation).
    AdminSaja,
    /// Kabupaten Jember's own report of its unpublished 2020 (no account is Jember's): the roles
    /// that read every instansi.
    LihatPemda,
}
use Aturan::*;

/// One entry per route of the router, written from the role description, not from
/// `akun::boleh`. A route without an entry fails `every_route_has_an_expectation`.
const KEBIJAKAN: &[(&str, &str, Aturan)] = &[
    ("get", "/", Semua),
    ("get", "/panduan", Semua),
    ("get", "/panduan/gambar/{gambar}", Semua),
    ("get", "/static/kinerja.css", Semua),
    ("get", "/masuk", Semua),
    // Without the login page's cookie the CSRF check refuses everyone.
    ("post", "/masuk", TidakSeorang),
    ("post", "/keluar", Masuk),
    ("get", "/instansi/{id}/tahun/{tahun}", Lihat),
    ("get", "/instansi/{id}/tahun/{tahun}/rencana", Lihat),
    // The plan editor is the operator's (and the admin's), like every entry form.
    ("get", "/instansi/{id}/tahun/{tahun}/rencana/ubah", Ubah),
    ("get", "/instansi/{id}/tahun/{tahun}/rencana/hapus", Ubah),
    ("get", "/instansi/{id}/tahun/{tahun}/rkt/ubah", Ubah),
    ("post", "/instansi/{id}/tahun/{tahun}/rkt/ubah", Ubah),
    ("post", "/instansi/{id}/tahun/{tahun}/rencana/ubah", Ubah),
    ("get", "/instansi/{id}/tahun/{tahun}/pk", Lihat),
    ("get", "/instansi/{id}/tahun/{tahun}/pk.pdf", Lihat),
    ("get", "/instansi/{id}/tahun/{tahun}/pk/ubah", Ubah),
    ("post", "/instansi/{id}/tahun/{tahun}/pk/ubah", Ubah),
    // The signature is the pimpinan's (pihak pertama), like an approval.
    (
        "post",
        "/instansi/{id}/tahun/{tahun}/pk/tandatangani",
        Setujui,
    ),
    ("get", "/instansi/{id}/tahun/{tahun}/iku", Lihat),
    ("get", "/instansi/{id}/tahun/{tahun}/iku/ubah", Ubah),
    ("post", "/instansi/{id}/tahun/{tahun}/iku/ubah", Ubah),
    ("get", "/instansi/{id}/tahun/{tahun}/realisasi", Lihat),
    ("post", "/instansi/{id}/tahun/{tahun}/realisasi", Ubah),
    ("post", "/instansi/{id}/tahun/{tahun}/realisasi/hapus", Ubah),
    ("get", "/instansi/{id}/tahun/{tahun}/anggaran", Lihat),
    ("post", "/instansi/{id}/tahun/{tahun}/anggaran", Ubah),
    ("get", "/instansi/{id}/tahun/{tahun}/anggaran/{pos}", Lihat),
    ("post", "/instansi/{id}/tahun/{tahun}/anggaran/{pos}", Ubah),
    (
        "post",
        "/instansi/{id}/tahun/{tahun}/ajukan/{periode}",
        Ubah,
    ),
    (
        "post",
        "/instansi/{id}/tahun/{tahun}/setujui/{periode}",
        Setujui,
    ),
    (
        "post",
        "/instansi/{id}/tahun/{tahun}/buka/{periode}",
        Setujui,
    ),
    ("post", "/instansi/{id}/tahun/{tahun}/catatan", Catat),
    ("get", "/instansi/{id}/tahun/{tahun}/skm", Lihat),
    ("post", "/instansi/{id}/tahun/{tahun}/skm", Ubah),
    ("post", "/instansi/{id}/tahun/{tahun}/skm/lampirkan", Ubah),
    // The hosted survey's respondents so far: the instansi's staff and the inspektorat.
    (
        "get",
        "/instansi/{id}/tahun/{tahun}/skm/laporan/{survei}",
        Lihat,
    ),
    (
        "post",
        "/instansi/{id}/tahun/{tahun}/skm/laporan/{survei}",
        Ubah,
    ),
    (
        "get",
        "/instansi/{id}/tahun/{tahun}/skm/laporan/{survei}/unduh.pdf",
        Lihat,
    ),
    (
        "get",
        "/instansi/{id}/tahun/{tahun}/skm/laporan/{survei}/unduh.docx",
        Lihat,
    ),
    ("get", "/instansi/{id}/tahun/{tahun}/skm/kuesioner", Lihat),
    ("post", "/instansi/{id}/tahun/{tahun}/skm/kuesioner", Ubah),
    ("get", "/instansi/{id}/tahun/{tahun}/skm/web", Jejak),
    ("post", "/instansi/{id}/tahun/{tahun}/skm/web", Ubah),
    // The survey form and its poster are for the public; a form without its token is
    // refused for that reason (400), never for the caller's role.
    ("get", "/survei/{id}", Semua),
    ("post", "/survei/{id}", Semua),
    ("get", "/survei/{id}/poster", Semua),
    ("get", "/survei/{id}/{layanan}", Semua),
    ("post", "/survei/{id}/{layanan}", Semua),
    ("get", "/survei/{id}/{layanan}/poster", Semua),
    ("get", "/instansi/{id}/tahun/{tahun}/laporan", Lihat),
    ("post", "/instansi/{id}/tahun/{tahun}/laporan", Ubah),
    ("get", "/instansi/{id}/tahun/{tahun}/laporan.pdf", Lihat),
    ("get", "/instansi/{id}/tahun/{tahun}/laporan.docx", Lihat),
    ("get", "/instansi/{id}/tahun/{tahun}/laporan.xlsx", Lihat),
    ("get", "/instansi/{id}/tahun/{tahun}/laporan.html", Lihat),
    // The reviu is the staff's and the inspektorat's, never the public's.
    ("get", "/instansi/{id}/tahun/{tahun}/reviu", Jejak),
    ("get", "/instansi/{id}/tahun/{tahun}/evaluasi.html", Jejak),
    ("get", "/instansi/{id}/tahun/{tahun}/evaluasi.pdf", Jejak),
    ("get", "/instansi/{id}/tahun/{tahun}/evaluasi.docx", Jejak),
    ("get", "/instansi/{id}/tahun/{tahun}/evaluasi.xlsx", Jejak),
    // Evaluasi AKIP: the OPD's self-assessment is its operator's (like every entry form), the
    // evaluator's page the pereviu's; both readable by the reviu's readers; reopening a stage
    // is the admin's alone. An evidence file: the evaluation's readers (a missing one is 404).
    ("get", "/instansi/{id}/tahun/{tahun}/evaluasi", Jejak),
    ("post", "/instansi/{id}/tahun/{tahun}/evaluasi", Ubah),
    (
        "get",
        "/instansi/{id}/tahun/{tahun}/evaluasi/evaluator",
        Jejak,
    ),
    (
        "post",
        "/instansi/{id}/tahun/{tahun}/evaluasi/evaluator",
        Evaluator,
    ),
    ("post", "/instansi/{id}/tahun/{tahun}/evaluasi/ajukan", Ubah),
    (
        "post",
        "/instansi/{id}/tahun/{tahun}/evaluasi/selesai",
        Evaluator,
    ),
    (
        "post",
        "/instansi/{id}/tahun/{tahun}/evaluasi/finalkan",
        Evaluator,
    ),
    (
        "post",
        "/instansi/{id}/tahun/{tahun}/evaluasi/buka",
        AdminSaja,
    ),
    (
        "get",
        "/instansi/{id}/tahun/{tahun}/evaluasi/bukti/{sha256}",
        Jejak,
    ),
    ("post", "/instansi/{id}/tahun/{tahun}/reviu/terima", Catat),
    ("get", "/instansi/{id}/jejak", Jejak),
    ("get", "/instansi/{id}/impor", Ubah),
    ("post", "/instansi/{id}/impor", Ubah),
    ("post", "/instansi/{id}/impor/terapkan", Ubah),
    // The whole data set, unpublished years too: whoever may read its audit trail.
    ("get", "/instansi/{id}/ekspor.toml", Jejak),
    ("get", "/instansi/{id}/tahun/{tahun}/templat.xlsx", Ubah),
    ("get", "/kabupaten/{id}/tahun/{tahun}", Semua),
    // The pemda's tree: anyone, of the years they may see (`baca::data_terlihat`).
    ("get", "/kabupaten/{id}/tahun/{tahun}/pohon", Semua),
    // The pemda's LKjIP: the rule of an instansi's report, on the pemda (Jember).
    (
        "get",
        "/kabupaten/{id}/tahun/{tahun}/laporan.pdf",
        LihatPemda,
    ),
    (
        "get",
        "/kabupaten/{id}/tahun/{tahun}/laporan.docx",
        LihatPemda,
    ),
    (
        "get",
        "/kabupaten/{id}/tahun/{tahun}/laporan.xlsx",
        LihatPemda,
    ),
    (
        "get",
        "/kabupaten/{id}/tahun/{tahun}/laporan.html",
        LihatPemda,
    ),
    ("get", "/api/v1/openapi.json", Semua),
    ("get", "/api/v1/instansi", Semua),
    ("get", "/api/v1/instansi/{id}/rencana", Lihat),
    (
        "get",
        "/api/v1/instansi/{id}/tahun/{tahun}/pengukuran",
        Lihat,
    ),
    ("get", "/api/v1/instansi/{id}/tahun/{tahun}/anggaran", Lihat),
    ("put", "/api/v1/instansi/{id}/realisasi", Ubah),
    ("get", "/api/v1/instansi/{id}/jejak", Jejak),
];

fn diizinkan(a: Aturan, s: Siapa) -> bool {
    match a {
        Semua => true,
        TidakSeorang => false,
        Masuk => s != Publik,
        Lihat | Jejak => matches!(s, Admin | OperatorMilik | PimpinanMilik | Pereviu),
        Ubah => matches!(s, Admin | OperatorMilik),
        Setujui => matches!(s, Admin | PimpinanMilik),
        Catat | Evaluator | LihatPemda => matches!(s, Admin | Pereviu),
        AdminSaja => s == Admin,
    }
}

fn aturan(metode: &str, jalur: &str) -> Aturan {
    KEBIJAKAN
        .iter()
        .find(|(m, j, _)| *m == metode && *j == jalur)
        .map(|(_, _, a)| *a)
        .unwrap_or_else(|| panic!("route without an expectation: {metode} {jalur}"))
}

#[test]
fn every_route_has_an_expectation() {
    let rute: BTreeSet<(&str, &str)> = kinerja_web::rute_terdaftar().into_iter().collect();
    let tabel: BTreeSet<(&str, &str)> = KEBIJAKAN.iter().map(|(m, j, _)| (*m, *j)).collect();
    assert_eq!(
        rute.len(),
        kinerja_web::rute_terdaftar().len(),
        "a route twice"
    );
    assert_eq!(tabel.len(), KEBIJAKAN.len(), "an expectation twice");
    let tanpa: Vec<_> = rute.difference(&tabel).collect();
    assert!(tanpa.is_empty(), "routes without an expectation: {tanpa:?}");
    let usang: Vec<_> = tabel.difference(&rute).collect();
    assert!(usang.is_empty(), "expectations of no route: {usang:?}");
}

struct Uji {
    app: axum::Router,
    sesi: Vec<(Siapa, String, String)>,
}

async fn siap(url: &str) -> Uji {
    let toko = Toko::buka(url).await.unwrap();
    let p = Pelaku {
        pengguna: "uji".into(),
        sumber: "uji".into(),
        hak: kinerja_simpan::Hak::Semua,
    };
    let d = kinerja_berkas::baca(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("../../contoh/mumbulsari"),
    )
    .unwrap();
    toko.impor(&d, None, ModeImpor::Gabung, &p).await.unwrap();
    toko.impor(&kinerja_sintetis::instansi(0), None, ModeImpor::Gabung, &p)
        .await
        .unwrap();
    let akun = [
        (Admin, "admin", "admin", None),
        (OperatorMilik, "op-m", "operator", Some("mumbulsari")),
        (OperatorLain, "op-l", "operator", Some("opd-00")),
        (PimpinanMilik, "camat", "pimpinan", Some("mumbulsari")),
        (Pereviu, "inspektorat", "pereviu", None),
    ];
    let mut sesi = Vec::new();
    for (siapa, nama, peran, instansi) in akun {
        toko.tambah_akun(
            &Akun {
                nama: nama.into(),
                hash: "tidak-dipakai".into(),
                peran: peran.into(),
                instansi: instansi.map(|i| kinerja_core::id::InstansiId::new(i).unwrap()),
            },
            &p,
        )
        .await
        .unwrap();
        let token = kinerja_web::akun::token_acak();
        let csrf = kinerja_web::akun::token_acak();
        toko.buat_sesi(
            &kinerja_web::akun::digest(&token),
            nama,
            &csrf,
            time::OffsetDateTime::now_utc() + time::Duration::hours(1),
        )
        .await
        .unwrap();
        sesi.push((siapa, token, csrf));
    }
    Uji {
        app: kinerja_web::aplikasi(kinerja_web::negara(toko)),
        sesi,
    }
}

impl Uji {
    /// GET a page with `siapa`'s session: the status and the HTML.
    async fn halaman(&self, siapa: Siapa, uri: &str) -> (StatusCode, String) {
        let (_, token, _) = self.sesi.iter().find(|(s, _, _)| *s == siapa).unwrap();
        let r = Request::builder()
            .uri(uri)
            .header("cookie", format!("kinerja_sesi={token}"))
            .body(Body::empty())
            .unwrap();
        let res = self.app.clone().oneshot(r).await.unwrap();
        let status = res.status();
        let body = res.into_body().collect().await.unwrap().to_bytes().to_vec();
        (status, String::from_utf8(body).unwrap())
    }

    async fn minta(&self, siapa: Siapa, metode: &str, jalur: &str) -> StatusCode {
        let uri = jalur
            .replace(
                "{id}",
                if jalur.starts_with("/kabupaten") {
                    "jember"
                } else {
                    "mumbulsari"
                },
            )
            .replace("{tahun}", "2020")
            .replace("{periode}", "tw1")
            .replace("{pos}", "A-2020-BTL")
            .replace("{layanan}", "ktp")
            .replace("{survei}", "skm-2020")
            .replace("{gambar}", "realisasi.png")
            .replace("{sha256}", &"0".repeat(64));
        let mut r = Request::builder()
            .method(metode.to_uppercase().as_str())
            .uri(&uri);
        let mut body = String::new();
        if let Some((_, token, csrf)) = self.sesi.iter().find(|(s, _, _)| *s == siapa) {
            r = r.header("cookie", format!("kinerja_sesi={token}"));
            body = format!("csrf={csrf}");
        }
        if jalur.starts_with("/api/") {
            r = r.header("content-type", "application/json");
            body = "{\"realisasi\": []}".into();
        } else if metode == "post" {
            r = r.header("content-type", "application/x-www-form-urlencoded");
            if jalur == "/masuk" {
                body = "csrf=palsu&nama_pengguna=admin&kata_sandi=x".into();
            }
        }
        let res = self
            .app
            .clone()
            .oneshot(r.body(Body::from(body)).unwrap())
            .await
            .unwrap();
        let s = res.status();
        let _ = res.into_body().collect().await.unwrap();
        s
    }
}

#[tokio::test]
async fn every_route_with_every_role() {
    for b in kinerja_simpan::uji::semua_basis().await {
        let u = siap(&b.url).await;
        let mut semua_rute = kinerja_web::rute_terdaftar();
        // Logging out ends the session the other requests use: last.
        semua_rute.sort_by_key(|(_, j)| *j == "/keluar");
        let mut diperiksa = 0;
        for (metode, jalur) in &semua_rute {
            for siapa in SEMUA {
                let s = u.minta(siapa, metode, jalur).await;
                let boleh = diizinkan(aturan(metode, jalur), siapa);
                let ditolak = s == StatusCode::FORBIDDEN || s == StatusCode::UNAUTHORIZED;
                assert!(
                    boleh != ditolak,
                    "{}: {metode} {jalur} as {siapa:?}: {s}, expected {}",
                    b.nama,
                    if boleh { "allowed" } else { "refused" }
                );
                assert!(!s.is_server_error(), "{metode} {jalur} as {siapa:?}: {s}");
                if jalur.starts_with("/api/") && siapa == Publik && !boleh {
                    assert_eq!(
                        s,
                        StatusCode::UNAUTHORIZED,
                        "{jalur}: the API asks for credentials"
                    );
                }
                diperiksa += 1;
            }
        }
        assert_eq!(diperiksa, KEBIJAKAN.len() * SEMUA.len());
        b.selesai().await;
    }
}

#[tokio::test]
async fn published_data_is_public() {
    for b in kinerja_simpan::uji::semua_basis().await {
        let u = siap(&b.url).await;
        let dasbor = "/instansi/{id}/tahun/{tahun}";
        assert_eq!(u.minta(Publik, "get", dasbor).await, StatusCode::FORBIDDEN);
        assert_eq!(
            u.minta(OperatorLain, "get", dasbor).await,
            StatusCode::FORBIDDEN
        );
        // Publishing = the annual period approved.
        let toko = Toko::buka(&b.url).await.unwrap();
        let p = Pelaku {
            pengguna: "camat".into(),
            sumber: "uji".into(),
            hak: kinerja_simpan::Hak::Semua,
        };
        let m = kinerja_core::id::InstansiId::new("mumbulsari").unwrap();
        let th = kinerja_core::waktu::Tahun::new(2020).unwrap();
        let tahunan = kinerja_core::waktu::Periode::Tahunan;
        toko.langkah_alur(&m, th, tahunan, Langkah::Ajukan, &p)
            .await
            .unwrap();
        toko.langkah_alur(&m, th, tahunan, Langkah::Setujui, &p)
            .await
            .unwrap();
        assert_eq!(u.minta(Publik, "get", dasbor).await, StatusCode::OK);
        assert_eq!(u.minta(OperatorLain, "get", dasbor).await, StatusCode::OK);
        assert_eq!(
            u.minta(
                Publik,
                "get",
                "/api/v1/instansi/{id}/tahun/{tahun}/pengukuran"
            )
            .await,
            StatusCode::OK
        );
        // The plan (no year) opens once a year is published.
        assert_eq!(
            u.minta(Publik, "get", "/api/v1/instansi/{id}/rencana")
                .await,
            StatusCode::OK
        );
        // ...but never the audit trail, nor editing.
        assert_eq!(
            u.minta(Publik, "get", "/api/v1/instansi/{id}/jejak").await,
            StatusCode::UNAUTHORIZED
        );
        assert_eq!(
            u.minta(Publik, "get", "/instansi/{id}/jejak").await,
            StatusCode::FORBIDDEN
        );
        assert_eq!(
            u.minta(
                OperatorLain,
                "post",
                "/instansi/{id}/tahun/{tahun}/realisasi"
            )
            .await,
            StatusCode::FORBIDDEN
        );
        toko.tutup().await;
        b.selesai().await;
    }
}

#[tokio::test]
async fn a_form_without_the_sessions_csrf_token_is_refused() {
    let b = kinerja_simpan::uji::sqlite();
    let u = siap(&b.url).await;
    let (_, token, _) = u.sesi.iter().find(|(s, _, _)| *s == OperatorMilik).unwrap();
    for body in ["", "csrf=", "csrf=salah", "r.I-S1-1.tw1=5"] {
        let r = Request::builder()
            .method("POST")
            .uri("/instansi/mumbulsari/tahun/2020/realisasi")
            .header("cookie", format!("kinerja_sesi={token}"))
            .header("content-type", "application/x-www-form-urlencoded")
            .body(Body::from(body))
            .unwrap();
        let s = u.app.clone().oneshot(r).await.unwrap().status();
        assert_eq!(s, StatusCode::FORBIDDEN, "{body}");
    }
    b.selesai().await;
}

#[tokio::test]
async fn a_refusal_keeps_the_users_frame() {
    let b = kinerja_simpan::uji::sqlite();
    let u = siap(&b.url).await;
    let (status, html) = u
        .halaman(OperatorLain, "/instansi/mumbulsari/tahun/2020")
        .await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    assert!(
        html.contains("peran Anda tidak mengizinkan tindakan ini"),
        "{html}"
    );
    assert!(
        html.contains("op-l") && html.contains("Keluar"),
        "the header names the user: {html}"
    );
    b.selesai().await;
}

#[tokio::test]
async fn the_audit_trail_of_one_indicator() {
    let b = kinerja_simpan::uji::sqlite();
    let u = siap(&b.url).await;
    let (status, html) = u
        .halaman(
            Pereviu,
            "/instansi/mumbulsari/jejak?tabel=realisasi&awalan=I-S1-1%7C2020%7C",
        )
        .await;
    assert_eq!(status, StatusCode::OK);
    assert!(
        html.contains("Jejak audit Kecamatan Mumbulsari: realisasi I-S1-1|2020"),
        "{html}"
    );
    // The import's row of I-S1-1's 2020 annual realisasi, and no other indicator's.
    assert!(html.contains("I-S1-1|2020|tahunan"), "{html}");
    assert!(!html.contains("I-S2-1|2020"), "{html}");
    b.selesai().await;
}
