//! The survey kinerja hosts, through the router: the public form with its one-use token, what
//! a sent form becomes (stored once; a second send, a duplicate, a forged or expired form and
//! an address over its limit refused with the reason on a page), the poster's QR code, and
//! the operator's page whose preview attaches the answers to an indicator as an upload does.

mod bersama;

use axum::http::{Request, StatusCode};
use kinerja_core::id::InstansiId;
use kinerja_core::skm::isian::IsianSurvei;
use kinerja_core::waktu::Tahun;
use kinerja_simpan::{BatasSurvei, HasilKirim, Pelaku, RespondenBaru, Toko};

const JAWABAN: [&str; 9] = ["4", "3", "3", "4", "3", "4", "4", "2", "1"];

fn body(token: &str, jawaban: &[&str], profil: [&str; 4]) -> String {
    let mut f: Vec<(String, String)> = vec![("token".into(), token.into())];
    for (i, j) in jawaban.iter().enumerate() {
        f.push((format!("u{}", i + 1), j.to_string()));
    }
    for (k, v) in ["jenis_kelamin", "usia", "pendidikan", "pekerjaan"]
        .iter()
        .zip(profil)
    {
        f.push((k.to_string(), v.to_string()));
    }
    form_urlencoded::Serializer::new(String::new())
        .extend_pairs(f)
        .finish()
}

const PROFIL: [&str; 4] = ["Perempuan", "30-39", "SMA", "Wirausaha"];

struct Uji {
    app: axum::Router,
    toko: Toko,
}

impl Uji {
    async fn get(&self, uri: &str) -> (StatusCode, String) {
        let (s, _, b) = bersama::kirim(&self.app, "", Request::builder().uri(uri), vec![]).await;
        (s, b)
    }

    async fn post(&self, uri: &str, isi: String) -> (StatusCode, String) {
        let (s, _, b) = bersama::kirim(
            &self.app,
            "",
            Request::builder()
                .method("POST")
                .uri(uri)
                .header("content-type", "application/x-www-form-urlencoded"),
            isi.into_bytes(),
        )
        .await;
        (s, b)
    }

    /// A fresh form's token.
    async fn token(&self, uri: &str) -> String {
        let (s, html) = self.get(uri).await;
        assert_eq!(s, StatusCode::OK, "{html}");
        bersama::token(&html)
    }
}

async fn siap(url: &str, ubah: impl FnOnce(&mut kinerja_web::Negara)) -> Uji {
    let toko = bersama::toko_contoh(url).await;
    let mut n = kinerja_web::negara(toko.clone());
    ubah(&mut n);
    Uji {
        app: kinerja_web::aplikasi(n),
        toko,
    }
}

fn tahun_ini() -> Tahun {
    let wib = time::UtcOffset::from_hms(7, 0, 0).unwrap();
    Tahun::new(i64::from(
        time::OffsetDateTime::now_utc().to_offset(wib).year(),
    ))
    .unwrap()
}

#[tokio::test]
async fn a_respondent_answers_once_and_every_refusal_says_why() {
    let m = InstansiId::new("mumbulsari").unwrap();
    for b in kinerja_simpan::uji::semua_basis().await {
        let u = siap(&b.url, |_| {}).await;
        let (s, html) = u.get("/survei/mumbulsari").await;
        assert_eq!(s, StatusCode::OK, "{html}");
        assert!(html.contains("Kecamatan Mumbulsari"), "{html}");
        assert!(html.contains("1. Bagaimana pendapat Saudara tentang kesesuaian persyaratan"));
        // Each question's own annex answers, valued 1-4.
        assert!(html.contains(r#"name="u4" value="1" required"#));
        assert!(html.contains(">Sangat mahal</label>") && html.contains(">Gratis</label>"));
        assert!(html.contains(">Dikelola dengan baik</label>"));
        assert!(!html.contains("<script"), "no JavaScript");
        // Every visit gets its own token: the answer cache does not keep the form.
        let t1 = bersama::token(&html);
        let t2 = u.token("/survei/mumbulsari").await;
        assert_ne!(t1, t2);

        let (s, html) = u
            .post("/survei/mumbulsari", body(&t1, &JAWABAN, PROFIL))
            .await;
        assert_eq!(s, StatusCode::OK, "{}: {html}", b.nama);
        assert!(html.contains("Terima kasih"), "{html}");
        let r = u.toko.responden_skm(&m, tahun_ini(), None).await.unwrap();
        assert_eq!(r.len(), 1, "{}", b.nama);
        assert_eq!(r[0].layanan, "");
        let jejak = u
            .toko
            .jejak(&m, Some("responden_skm"), None, 10)
            .await
            .unwrap();
        assert_eq!(jejak.len(), 1);
        assert_eq!(
            (jejak[0].pengguna.as_str(), jejak[0].sumber.as_str()),
            ("responden", "survei web")
        );

        // The same form again (a reload, a double click): refused, not counted twice.
        let (s, html) = u
            .post("/survei/mumbulsari", body(&t1, &JAWABAN, PROFIL))
            .await;
        assert_eq!(s, StatusCode::CONFLICT, "{html}");
        assert!(html.contains("Formulir ini sudah terkirim"), "{html}");
        // A new form with the very same answers from the same address: a duplicate.
        let (s, html) = u
            .post("/survei/mumbulsari", body(&t2, &JAWABAN, PROFIL))
            .await;
        assert_eq!(s, StatusCode::CONFLICT, "{html}");
        assert!(html.contains("Jawaban yang sama sudah diterima"), "{html}");
        assert_eq!(
            u.toko
                .responden_skm(&m, tahun_ini(), None)
                .await
                .unwrap()
                .len(),
            1
        );

        // Unanswered questions: the form again, the answers given kept, the token unspent.
        let t3 = u.token("/survei/mumbulsari").await;
        let (s, html) = u
            .post("/survei/mumbulsari", body(&t3, &JAWABAN[..7], PROFIL))
            .await;
        assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY, "{html}");
        assert!(html.contains("Pertanyaan 8 belum dijawab"), "{html}");
        assert!(html.contains("Pertanyaan 9 belum dijawab"));
        assert!(
            html.contains(r#"name="u1" value="4" required checked"#),
            "{html}"
        );
        assert!(html.contains(r#"value="Perempuan" required checked"#));
        let (s, _) = u
            .post("/survei/mumbulsari", body(&t3, &["2"; 9], PROFIL))
            .await;
        assert_eq!(s, StatusCode::OK);

        // A forged or altered token, or one of another survey's form.
        let t4 = u.token("/survei/mumbulsari/ktp").await;
        let (s, html) = u
            .post("/survei/mumbulsari", body(&t4, &["1"; 9], PROFIL))
            .await;
        assert_eq!(s, StatusCode::BAD_REQUEST, "{html}");
        assert!(html.contains("Formulir tidak dikenali"), "{html}");
        let diubah = format!("9{t4}");
        let (s, _) = u
            .post("/survei/mumbulsari/ktp", body(&diubah, &["1"; 9], PROFIL))
            .await;
        assert_eq!(s, StatusCode::BAD_REQUEST);
        let (s, _) = u.post("/survei/mumbulsari/ktp", "u1=4".into()).await;
        assert_eq!(s, StatusCode::BAD_REQUEST);
        // The layanan's own address stores its layanan.
        let (s, _) = u
            .post("/survei/mumbulsari/ktp", body(&t4, &["1"; 9], PROFIL))
            .await;
        assert_eq!(s, StatusCode::OK);
        let r = u
            .toko
            .responden_skm(&m, tahun_ini(), Some("ktp"))
            .await
            .unwrap();
        assert_eq!(r.len(), 1);
        assert_eq!(r[0].isian.layanan(), "ktp");

        // No such instansi or layanan.
        assert_eq!(u.get("/survei/tidak-ada").await.0, StatusCode::NOT_FOUND);
        assert_eq!(
            u.get("/survei/mumbulsari/KTP").await.0,
            StatusCode::NOT_FOUND
        );
        assert_eq!(
            u.toko
                .responden_skm(&m, tahun_ini(), None)
                .await
                .unwrap()
                .len(),
            3,
            "{}",
            b.nama
        );
        u.toko.tutup().await;
        b.selesai().await;
    }
}

#[tokio::test]
async fn an_address_over_its_limit_and_an_expired_form_are_refused() {
    let b = kinerja_simpan::uji::sqlite();
    let u = siap(&b.url, |n| n.survei.batas.per_alamat = 2).await;
    for j in ["1", "2"] {
        let t = u.token("/survei/mumbulsari").await;
        let (s, _) = u
            .post("/survei/mumbulsari", body(&t, &[j; 9], PROFIL))
            .await;
        assert_eq!(s, StatusCode::OK);
    }
    let t = u.token("/survei/mumbulsari").await;
    let (s, _, html) = bersama::kirim(
        &u.app,
        "",
        Request::builder()
            .method("POST")
            .uri("/survei/mumbulsari")
            .header("content-type", "application/x-www-form-urlencoded"),
        body(&t, &["3"; 9], PROFIL).into_bytes(),
    )
    .await;
    assert_eq!(s, StatusCode::TOO_MANY_REQUESTS, "{html}");
    assert!(
        html.contains("coba lagi paling lama 10 menit lagi"),
        "{html}"
    );

    // A form issued already expired (its lifetime set below zero).
    let u = siap(&b.url, |n| n.survei.umur_token_detik = -1).await;
    let t = u.token("/survei/mumbulsari").await;
    let (s, html) = u
        .post(
            "/survei/mumbulsari",
            body(&t, &["4"; 9], ["Laki-laki", "60+", "S3", "PNS"]),
        )
        .await;
    assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY, "{html}");
    assert!(html.contains("sudah kedaluwarsa"), "{html}");
    assert!(
        html.contains(r#"value="60+" required checked"#),
        "answers kept: {html}"
    );
    assert_ne!(bersama::token(&html), t, "a fresh form");
    u.toko.tutup().await;
    b.selesai().await;
}

#[tokio::test]
async fn the_poster_carries_the_surveys_address_as_a_qr_code() {
    let b = kinerja_simpan::uji::sqlite();
    let u = siap(&b.url, |_| {}).await;
    let (s, _, html) = bersama::kirim(
        &u.app,
        "",
        Request::builder()
            .uri("/survei/mumbulsari/ktp/poster")
            .header("host", "kinerja.jemberkab.go.id")
            .header("x-forwarded-proto", "https"),
        vec![],
    )
    .await;
    assert_eq!(s, StatusCode::OK, "{html}");
    assert!(
        html.contains(">https://kinerja.jemberkab.go.id/survei/mumbulsari/ktp<"),
        "{html}"
    );
    assert!(html.contains("aria-label=\"Kode QR alamat survei\""));
    assert!(html.contains("M4 4h1v1h-1z"), "the finder pattern");
    // A host header that is not a host name is not printed.
    let (_, _, html) = bersama::kirim(
        &u.app,
        "",
        Request::builder()
            .uri("/survei/mumbulsari/poster")
            .header("host", "x\"><b>"),
        vec![],
    )
    .await;
    assert!(
        html.contains(">http://localhost/survei/mumbulsari<"),
        "{html}"
    );
    u.toko.tutup().await;
    b.selesai().await;
}

fn isian(j: &str, profil: [&str; 4], layanan: &str) -> IsianSurvei {
    let mut f: Vec<(String, String)> = (1..=9).map(|i| (format!("u{i}"), j.to_string())).collect();
    for (k, v) in ["jenis_kelamin", "usia", "pendidikan", "pekerjaan"]
        .iter()
        .zip(profil)
    {
        f.push((k.to_string(), v.to_string()));
    }
    IsianSurvei::baca(&f, Some(layanan)).unwrap()
}

#[tokio::test]
async fn the_hosted_survey_becomes_the_realisasi_as_an_upload_does() {
    let b = kinerja_simpan::uji::sqlite();
    let u = siap(&b.url, |_| {}).await;
    let m = InstansiId::new("mumbulsari").unwrap();
    let (sesi, csrf) =
        bersama::akun_bersesi(&u.toko, "op", "operator", Some("mumbulsari"), "x".into()).await;
    let p = Pelaku {
        pengguna: "responden".into(),
        sumber: "uji".into(),
        hak: kinerja_simpan::Hak::Instansi(vec![]),
    };
    // Two respondents of 2020: one answers 4 everywhere (KTP), one 3 everywhere (KK).
    for (i, (j, l)) in [("4", "ktp"), ("3", "kk")].iter().enumerate() {
        let r = RespondenBaru {
            instansi: m.clone(),
            tahun: Tahun::new(2020).unwrap(),
            layanan: l.to_string(),
            token: format!("t{i}"),
            alamat: format!("a{i}"),
            isian: isian(j, PROFIL, l),
        };
        let h = u
            .toko
            .simpan_responden(&r, &BatasSurvei::default(), &p)
            .await
            .unwrap();
        assert!(matches!(h, HasilKirim::Disimpan(_)));
    }
    let dasar = "/instansi/mumbulsari/tahun/2020/skm/web";
    let (s, _, html) = bersama::kirim(
        &u.app,
        &sesi,
        Request::builder().uri(format!("{dasar}?populasi=100")),
        vec![],
    )
    .await;
    assert_eq!(s, StatusCode::OK, "{html}");
    assert!(html.contains("Responden tahun 2020: 2"), "{html}");
    // Krejcie-Morgan, N = 100: 96,025 / 1,20775 = 79,507 -> 80; 80 - 2 = 78 still missing.
    assert!(html.contains("<strong>80</strong> responden"), "{html}");
    assert!(html.contains("Masih kurang <strong>78</strong>"), "{html}");
    let (s, _, html) = bersama::kirim(
        &u.app,
        &sesi,
        Request::builder().uri(format!("{dasar}?populasi=1O0")),
        vec![],
    )
    .await;
    assert_eq!(s, StatusCode::OK);
    assert!(html.contains("bukan bilangan bulat positif"), "{html}");

    let (s, _, html) = bersama::kirim(
        &u.app,
        &sesi,
        Request::builder()
            .method("POST")
            .uri(dasar)
            .header("content-type", "application/x-www-form-urlencoded"),
        format!("csrf={csrf}&indikator=I-S2-1&layanan=*").into_bytes(),
    )
    .await;
    assert_eq!(s, StatusCode::OK, "{html}");
    // NRR per unsur (4 + 3) / 2 = 3,5; IKM 3,5; NIK 3,5 x 25 = 87,50: mutu B.
    assert!(html.contains(">87,50<"), "{html}");
    assert!(html.contains("survei di web 2020"), "{html}");
    let (s, ke, _) = bersama::kirim(
        &u.app,
        &sesi,
        Request::builder()
            .method("POST")
            .uri("/instansi/mumbulsari/tahun/2020/skm/lampirkan")
            .header("content-type", "application/x-www-form-urlencoded"),
        format!("csrf={csrf}&token={}", bersama::token(&html)).into_bytes(),
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
    let s = d
        .skm
        .iter()
        .find(|s| s.id.as_str() == "skm-2020-I-S2-1")
        .unwrap();
    assert_eq!(s.responden, Some(2));
    assert_eq!(s.unsur[0].jumlah, Some([0, 0, 1, 1]));

    // One layanan only: KTP alone, NIK 4 x 25 = 100.
    let (s, _, html) = bersama::kirim(
        &u.app,
        &sesi,
        Request::builder()
            .method("POST")
            .uri(dasar)
            .header("content-type", "application/x-www-form-urlencoded"),
        format!("csrf={csrf}&indikator=I-S2-1&layanan=ktp").into_bytes(),
    )
    .await;
    assert_eq!(s, StatusCode::OK, "{html}");
    assert!(html.contains(">100,00<"), "{html}");
    // No respondents in 2019: said so, nothing to preview.
    let (s, _, html) = bersama::kirim(
        &u.app,
        &sesi,
        Request::builder()
            .method("POST")
            .uri("/instansi/mumbulsari/tahun/2019/skm/web")
            .header("content-type", "application/x-www-form-urlencoded"),
        format!("csrf={csrf}&indikator=I-S2-1&layanan=*").into_bytes(),
    )
    .await;
    assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY, "{html}");
    assert!(
        html.contains("belum ada jawaban survei di web untuk tahun 2019"),
        "{html}"
    );
    u.toko.tutup().await;
    b.selesai().await;
}
