//! The survey page through the router: an uploaded respondents' file is computed and shown
//! before anything is saved, attached to its indicator on confirmation, and becomes the
//! indicator's realisasi on the dashboard once no realisasi is typed; a file with a bad row
//! is refused unless the user asks to skip it, and then the skipped row is recorded.

mod bersama;

use axum::http::{Request, StatusCode};
use kinerja_core::id::InstansiId;

const DASAR: &str = "/instansi/mumbulsari/tahun/2020";

fn kobo() -> String {
    std::fs::read_to_string(
        std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../kinerja-skm/tests/data/contoh-9-kobo.csv"),
    )
    .unwrap()
}

struct Uji {
    app: axum::Router,
    toko: kinerja_simpan::Toko,
    sesi: String,
    csrf: String,
}

impl Uji {
    async fn kirim(
        &self,
        r: axum::http::request::Builder,
        body: Vec<u8>,
    ) -> (StatusCode, String, String) {
        bersama::kirim(&self.app, &self.sesi, r, body).await
    }

    async fn unggah(&self, isi: &str, lewati: bool) -> (StatusCode, String) {
        let mut medan = vec![
            ("csrf", self.csrf.as_str()),
            ("indikator", "I-S2-1"),
            ("regime", "2017"),
            ("bobot", "tepat"),
        ];
        if lewati {
            medan.push(("lewati", "1"));
        }
        let body = bersama::multipart(&medan, "kobo.csv", isi);
        let (s, _, b) = self
            .kirim(
                Request::builder()
                    .method("POST")
                    .uri(format!("{DASAR}/skm"))
                    .header(
                        "content-type",
                        format!("multipart/form-data; boundary={}", bersama::BATAS_MULTIPART),
                    ),
                body,
            )
            .await;
        (s, b)
    }

    async fn form(&self, uri: &str, body: String) -> (StatusCode, String) {
        let (s, ke, _) = self
            .kirim(
                Request::builder()
                    .method("POST")
                    .uri(uri)
                    .header("content-type", "application/x-www-form-urlencoded"),
                body.into_bytes(),
            )
            .await;
        (s, ke)
    }
}

async fn siap(url: &str) -> Uji {
    let toko = bersama::toko_contoh(url).await;
    let (sesi, csrf) =
        bersama::akun_bersesi(&toko, "op", "operator", Some("mumbulsari"), "x".into()).await;
    Uji {
        app: kinerja_web::aplikasi(kinerja_web::negara(toko.clone())),
        toko,
        sesi,
        csrf,
    }
}

#[tokio::test]
async fn an_uploaded_survey_becomes_the_indicators_realisasi() {
    let b = kinerja_simpan::uji::sqlite();
    let u = siap(&b.url).await;
    let m = InstansiId::new("mumbulsari").unwrap();
    let sebelum = u.toko.muat(&m).await.unwrap();
    let (s, html) = u.unggah(&kobo(), false).await;
    assert_eq!(s, StatusCode::OK, "{html}");
    // 4 respondents, 9 unsur. NRR per unsur (mean of the answers): U1 (3+3+4+4)/4 = 3,5;
    // U2 2,75; U3 4; U4 2,5; U5 3; U6 3,5; U7 3,75; U8 2,5; U9 2,5; their sum 28.
    // IKM with exact weights 28/9 = 3,1111; NIK = 25 x 28/9 = 77,777... -> 77,78, mutu B
    // (76,61-88,30 in PermenPANRB 14/2017).
    assert!(html.contains(">77,78<"), "{html}");
    assert!(html.contains("3,1111"));
    assert!(html.contains("B (Baik)"));
    assert!(html.contains("<svg"), "the chart");
    // I-S2-1 has a typed realisasi in 2020: the page says it wins.
    assert!(html.contains("sudah punya realisasi yang diketik"));
    assert_eq!(
        u.toko.muat(&m).await.unwrap(),
        sebelum,
        "nothing saved before confirming"
    );

    let (s, ke) = u
        .form(
            &format!("{DASAR}/skm/lampirkan"),
            format!("csrf={}&token={}", u.csrf, bersama::token(&html)),
        )
        .await;
    assert_eq!(
        (s, ke.as_str()),
        (
            StatusCode::SEE_OTHER,
            "/instansi/mumbulsari/tahun/2020/skm?disimpan=1"
        )
    );
    let d = u.toko.muat(&m).await.unwrap();
    let survei = d
        .skm
        .iter()
        .find(|s| s.id.as_str() == "skm-2020-I-S2-1")
        .unwrap();
    assert_eq!(survei.indikator.as_ref().unwrap().as_str(), "I-S2-1");
    assert_eq!(survei.unsur.len(), 9);
    assert_eq!(
        survei.unsur[0].jumlah,
        Some([0, 0, 2, 2]),
        "U1: two 3s, two 4s"
    );
    let jejak = u.toko.jejak(&m, Some("skm"), None, 1).await.unwrap();
    assert_eq!(
        (jejak[0].aksi.as_str(), jejak[0].pengguna.as_str()),
        ("tambah", "op")
    );

    // Withdraw the typed figure: the survey is the realisasi now.
    let (s, _) = u
        .form(
            &format!("{DASAR}/realisasi/hapus"),
            format!("csrf={}&hapus=r.I-S2-1.tahunan", u.csrf),
        )
        .await;
    assert_eq!(s, StatusCode::SEE_OTHER);
    let (_, _, dasbor) = u.kirim(Request::builder().uri(DASAR), vec![]).await;
    // Target 100 %: capaian 77,78 / 100 = 77,78 %.
    assert!(dasbor.contains("77,78 %"), "{dasbor}");
    u.toko.tutup().await;
    b.selesai().await;
}

#[tokio::test]
async fn a_bad_row_is_refused_unless_skipped_and_then_recorded() {
    let b = kinerja_simpan::uji::sqlite();
    let u = siap(&b.url).await;
    let m = InstansiId::new("mumbulsari").unwrap();
    // Row 3 (the second respondent) answers 7 to U2.
    let rusak = kobo().replacen("Laki-laki,34,KK,3,3,", "Laki-laki,34,KK,3,7,", 1);
    assert_ne!(rusak, kobo());
    let sebelum = u.toko.muat(&m).await.unwrap();
    let (s, html) = u.unggah(&rusak, false).await;
    assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY, "{html}");
    assert!(html.contains("1 baris tidak dapat dibaca"), "{html}");
    assert!(html.contains("baris 3"), "{html}");
    assert!(
        html.contains(r#"<option value="I-S2-1" selected>"#),
        "the choices are kept"
    );
    let (s, html) = u.unggah(&rusak, true).await;
    assert_eq!(s, StatusCode::OK, "{html}");
    assert!(html.contains("1 baris dilewati"), "{html}");
    let (s, _) = u
        .form(
            &format!("{DASAR}/skm/lampirkan"),
            format!("csrf={}&token={}", u.csrf, bersama::token(&html)),
        )
        .await;
    assert_eq!(s, StatusCode::SEE_OTHER);
    let d = u.toko.muat(&m).await.unwrap();
    assert_ne!(d, sebelum);
    let survei = d
        .skm
        .iter()
        .find(|s| s.id.as_str() == "skm-2020-I-S2-1")
        .unwrap();
    let catatan = survei.catatan.as_deref().unwrap();
    assert!(catatan.contains("1 baris dilewati: baris 3"), "{catatan}");
    assert_eq!(survei.responden, Some(3));
    u.toko.tutup().await;
    b.selesai().await;
}
