//! The boundary against hostile clients, on both backends: every POST/PUT route and every
//! query parameter walked with NUL, control characters, over-long text, an over-large body and
//! huge numbers must answer 4xx without a database's error text; every route carries the
//! security headers; cookies get `Secure` over HTTPS; the banner is never text from the address.

mod bersama;

use axum::body::Body;
use axum::http::{Request, StatusCode};
use http_body_util::BodyExt;
use tower::ServiceExt;

/// What a database or driver error says; none of it may reach a client.
const TEKS_BASIS: &[&str] = &[
    "SQLSTATE",
    "sqlx",
    "error returned from database",
    "invalid byte sequence",
    "null character",
    "numeric field overflow",
    "out of range",
    "syntax error",
    "panicked",
];

/// Every form field name the pages use (realisasi `r.<indikator>.<periode>`, budget
/// `a.<line>` and its months `b.<line>.<month>`, the reviewer's note `isi`, the login form, the
/// plan editor's rows `<table>-<id>.<field>`).
const MEDAN: &[&str] = &[
    "nama_pengguna",
    "kata_sandi",
    "isi",
    "r.I-S1-1.tahunan",
    "r.I-S1-1.tw1",
    "a.A-2020-BTL",
    "b.A-2020-BTL.1",
    "indikator-I-S1-1.target.2020",
    "indikator-I-S1-1.uraian",
    "program-P-YANMUM.pagu.2020",
    "pk.target.I-S1-1",
    "pk.anggaran.P-ADM",
    "iku.I-S1-1.pengali",
];

/// The plan editor reads a field only in its row's form: the hidden fields naming the row and
/// its other required fields, so that the walked field is the one that decides.
fn baris_sunting(jalur: &str, medan: &str) -> String {
    // The PK and IKU forms are one form each: the parties and the decree's number are required.
    if jalur.ends_with("/pk/ubah") && medan.starts_with("pk.") {
        return "aksi=simpan&pk.pihak1.nama=A&pk.pihak1.jabatan=B&pk.pihak2.nama=C&\
                pk.pihak2.jabatan=D&"
            .into();
    }
    if jalur.ends_with("/iku/ubah") && medan.starts_with("iku.") {
        return "iku.keputusan.nomor=1&iku.I-S1-1.formulasi=F&".into();
    }
    if !jalur.ends_with("/rencana/ubah") {
        return String::new();
    }
    if medan.starts_with("indikator-I-S1-1.") {
        let mut s = "jenis=indikator&id=I-S1-1&aksi=simpan&indikator-I-S1-1.nomor=1&".to_string();
        if medan != "indikator-I-S1-1.uraian" {
            s.push_str("indikator-I-S1-1.uraian=Uji&");
        }
        s
    } else if medan.starts_with("program-P-YANMUM.") {
        "jenis=program&id=P-YANMUM&aksi=simpan&program-P-YANMUM.nama=Uji&".into()
    } else {
        String::new()
    }
}

/// Every query parameter the routes read.
const KUERI: &[&str] = &[
    "tabel", "kunci", "awalan", "urut", "batas", "disimpan", "langkah", "catatan", "versi",
];

struct Uji {
    app: axum::Router,
    token: String,
    csrf: String,
}

async fn siap(url: &str) -> Uji {
    let toko = bersama::toko_contoh(url).await;
    let (token, csrf) =
        bersama::akun_bersesi(&toko, "admin", "admin", None, "tidak-dipakai".into()).await;
    Uji {
        app: kinerja_web::aplikasi(kinerja_web::negara(toko)),
        token,
        csrf,
    }
}

fn uri(jalur: &str) -> String {
    jalur
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
        .replace("{sha256}", &"0".repeat(64))
}

fn enc(s: &str) -> String {
    form_urlencoded::byte_serialize(s.as_bytes()).collect()
}

impl Uji {
    async fn kirim(
        &self,
        metode: &str,
        uri: &str,
        jenis: &str,
        body: String,
        kepala: &[(&str, &str)],
    ) -> (StatusCode, axum::http::HeaderMap, String) {
        let mut r = Request::builder()
            .method(metode.to_uppercase().as_str())
            .uri(uri)
            .header("cookie", format!("kinerja_sesi={}", self.token))
            .header("content-type", jenis);
        for (k, v) in kepala {
            r = r.header(*k, *v);
        }
        let res = self
            .app
            .clone()
            .oneshot(r.body(Body::from(body)).unwrap())
            .await
            .unwrap();
        let (bagian, b) = res.into_parts();
        let b = b.collect().await.unwrap().to_bytes().to_vec();
        (
            bagian.status,
            bagian.headers,
            String::from_utf8_lossy(&b).into_owned(),
        )
    }
}

/// The cases that are numbers: text elsewhere, refused where a number is read.
fn angka(nama: &str) -> bool {
    nama.starts_with("10^23") || nama.starts_with("negative")
}

fn bersih(apa: &str, s: StatusCode, body: &str) {
    assert!(s.is_client_error(), "{apa}: {s}");
    for t in TEKS_BASIS {
        assert!(!body.contains(t), "{apa}: {t} in {body}");
    }
}

#[tokio::test]
async fn hostile_text_and_numbers_are_a_4xx_without_the_databases_words() {
    let panjang = "é".repeat(25_000);
    let raksasa = "x".repeat(1_100_000);
    let buruk: Vec<(&str, &str)> = vec![
        ("NUL", "a\0b"),
        ("control", "a\u{1b}[31mb"),
        ("DEL", "a\u{7f}"),
        ("long", &panjang),
        ("10^23", "100000000000000000000000"),
        ("10^23 money", "100.000.000.000.000.000.000.000,00"),
        // Negative spending: refused on budget lines (the example has no deduction line).
        ("negative money", "-5.000,00"),
    ];
    for b in kinerja_simpan::uji::semua_basis().await {
        let u = siap(&b.url).await;
        for (metode, jalur) in kinerja_web::rute_terdaftar() {
            if jalur == "/keluar" {
                continue;
            }
            let alamat = uri(jalur);
            for (nama, nilai) in &buruk {
                let apa = format!("{}: {metode} {alamat} {nama}", b.nama);
                if metode == "get" && *nama == "long" {
                    // An address is at most 64 KB (hyper's limit, a 414): no query is that long.
                    continue;
                } else if metode == "get" {
                    let q: Vec<String> = KUERI
                        .iter()
                        .map(|k| format!("{k}={}", enc(nilai)))
                        .collect();
                    let (s, _, body) = u
                        .kirim(
                            "get",
                            &format!("{alamat}?{}", q.join("&")),
                            "text/plain",
                            String::new(),
                            &[],
                        )
                        .await;
                    // Numbers in a query are not text: a huge `batas` is refused by its range.
                    if angka(nama) {
                        assert!(!s.is_server_error(), "{apa}: {s}");
                    } else {
                        bersih(&apa, s, &body);
                    }
                } else if jalur.starts_with("/api/") {
                    let j = serde_json::json!({"realisasi": [
                        {"indikator": "I-S1-1", "tahun": 2020, "nilai": nilai, "catatan": nilai}
                    ]});
                    let (s, _, body) = u
                        .kirim(metode, &alamat, "application/json", j.to_string(), &[])
                        .await;
                    if nama.starts_with("negative") {
                        // An indicator's realisasi may be below zero (a growth rate).
                        assert!(!s.is_server_error(), "{apa}: {s}");
                    } else {
                        bersih(&apa, s, &body);
                    }
                } else {
                    for medan in MEDAN {
                        let body = format!(
                            "csrf={}&{}{medan}={}",
                            u.csrf,
                            baris_sunting(jalur, medan),
                            enc(nilai)
                        );
                        let (s, _, body) = u
                            .kirim(
                                metode,
                                &alamat,
                                "application/x-www-form-urlencoded",
                                body,
                                &[],
                            )
                            .await;
                        let apa = format!("{apa} {medan}");
                        let dibaca = (medan.starts_with("r.")
                            && jalur.ends_with("/realisasi")
                            // An indicator's realisasi may be below zero (a growth rate).
                            && !nama.starts_with("negative"))
                            || (medan.starts_with("a.") && jalur.ends_with("/anggaran"))
                            || (medan.starts_with("b.") && jalur.ends_with("/anggaran/{pos}"))
                            // A target may be below zero (a growth rate); a pagu may not.
                            || (medan.contains(".target.")
                                && jalur.ends_with("/rencana/ubah")
                                && !nama.starts_with("negative"))
                            || (medan.contains(".pagu.") && jalur.ends_with("/rencana/ubah"))
                            || (*medan == "pk.anggaran.P-ADM" && jalur.ends_with("/pk/ubah"))
                            || (*medan == "iku.I-S1-1.pengali" && jalur.ends_with("/iku/ubah"));
                        if angka(nama) && !dibaca {
                            // A number is fine text, and a route ignores fields it does not read.
                            assert!(!s.is_server_error(), "{apa}: {s}");
                        } else {
                            bersih(&apa, s, &body);
                        }
                    }
                }
            }
            if metode != "get" {
                // An evaluation answer may carry a 10 MiB evidence file: past its own limit.
                let batas = kinerja_web::batas_body(&axum::http::Method::POST, &alamat);
                let isi = if batas > raksasa.len() {
                    "x".repeat(batas + 1)
                } else {
                    raksasa.clone()
                };
                let (s, _, body) = u
                    .kirim(
                        metode,
                        &alamat,
                        "application/x-www-form-urlencoded",
                        format!("isi={isi}"),
                        &[],
                    )
                    .await;
                assert_eq!(s, StatusCode::PAYLOAD_TOO_LARGE, "{metode} {alamat}");
                bersih(&alamat, s, &body);
            }
        }
        b.selesai().await;
    }
}

#[tokio::test]
async fn every_route_carries_the_security_headers() {
    let b = kinerja_simpan::uji::sqlite();
    let u = siap(&b.url).await;
    for (metode, jalur) in kinerja_web::rute_terdaftar() {
        let alamat = uri(jalur);
        let (s, h, _) = u
            .kirim(
                metode,
                &alamat,
                "application/x-www-form-urlencoded",
                String::new(),
                &[],
            )
            .await;
        let apa = format!("{metode} {alamat} ({s})");
        let csp = h["content-security-policy"].to_str().unwrap();
        assert!(csp.contains("frame-ancestors 'none'"), "{apa}");
        assert!(
            csp.contains("default-src 'none'") && !csp.contains("script-src"),
            "{apa}: no script"
        );
        assert_eq!(h["x-content-type-options"], "nosniff", "{apa}");
        assert!(h.contains_key("referrer-policy"), "{apa}");
        let jenis = h
            .get("content-type")
            .and_then(|v| v.to_str().ok())
            .unwrap_or("");
        if jenis.starts_with("text/html") {
            assert_eq!(
                h["cache-control"], "no-store",
                "{apa}: the page carries the CSRF token"
            );
        }
    }
    b.selesai().await;
}

#[tokio::test]
async fn cookies_are_secure_over_https_only() {
    let b = kinerja_simpan::uji::sqlite();
    let u = siap(&b.url).await;
    let kue = |h: &axum::http::HeaderMap| -> Vec<String> {
        h.get_all("set-cookie")
            .iter()
            .map(|v| v.to_str().unwrap().to_string())
            .collect()
    };
    let (_, h, _) = u
        .kirim("get", "/masuk", "text/plain", String::new(), &[])
        .await;
    let biasa = kue(&h);
    assert!(
        !biasa.is_empty() && biasa.iter().all(|c| !c.contains("Secure")),
        "{biasa:?}"
    );
    let (_, h, _) = u
        .kirim(
            "get",
            "/masuk",
            "text/plain",
            String::new(),
            &[("x-forwarded-proto", "https")],
        )
        .await;
    let aman = kue(&h);
    assert!(
        !aman.is_empty() && aman.iter().all(|c| c.ends_with("; Secure")),
        "{aman:?}"
    );
    b.selesai().await;
}

#[tokio::test]
async fn the_banner_never_echoes_the_address() {
    let b = kinerja_simpan::uji::sqlite();
    let u = siap(&b.url).await;
    let halaman = "/instansi/mumbulsari/tahun/2020/realisasi";
    let (s, _, html) = u
        .kirim(
            "get",
            &format!("{halaman}?langkah=PESANPALSU"),
            "text/plain",
            String::new(),
            &[],
        )
        .await;
    assert_eq!(s, StatusCode::OK);
    assert!(!html.contains("PESANPALSU"), "{html}");
    let (_, _, html) = u
        .kirim(
            "get",
            &format!("{halaman}?langkah=dibuka"),
            "text/plain",
            String::new(),
            &[],
        )
        .await;
    assert!(html.contains("periode berhasil dibuka kembali"));
    b.selesai().await;
}
