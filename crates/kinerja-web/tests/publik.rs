//! Nothing unpublished reaches the public. Mumbulsari's 2020 is published; 2021 and the
//! synthetic opd-00 are not, and carry a distinctive value for every kind of figure. Every
//! route of the router is fetched anonymously for both instansi and both years, on both
//! backends; no body may contain any of the values.

use axum::body::Body;
use axum::http::{Request, StatusCode};
use http_body_util::BodyExt;
use kinerja_core::id::InstansiId;
use kinerja_core::model::DataInstansi;
use kinerja_core::waktu::{Periode, Tahun};
use kinerja_simpan::akun::Langkah;
use kinerja_simpan::{ModeImpor, Pelaku, Toko};
use serde_json::{Value, json};
use std::path::Path;
use tower::ServiceExt;

/// Every distinctive value of the unpublished data, in each form a page or JSON may print it.
const RAHASIA: &[&str] = &[
    // realisasi (annual and quarterly), its source and note
    "613,47",
    "613.47",
    "418,29",
    "418.29",
    "SUMBERRAHASIA",
    "CATATANREALRAHASIA",
    // budget line: pagu, realisasi, note
    "7.391.826.455",
    "7391826455",
    "5.182.736.491",
    "5182736491",
    "ANGGARANRAHASIA",
    // national comparison
    "271,93",
    "271.93",
    "PEMBANDINGRAHASIA",
    // SKM survey
    "SKMRAHASIA",
    // report narrative
    "NARASIRAHASIA",
    "IKHTISARRAHASIA",
    // PK, its budget, its target; RKT
    "PKRAHASIA",
    "6.283.917.364",
    "6283917364",
    "352,71",
    "352.71",
    "RKTRAHASIA",
    // stated figure, reviewer's acceptance, reviewer's note
    "TERCATATRAHASIA",
    "REVIURAHASIA",
    "CATATANPEREVIURAHASIA",
    // the unpublished instansi's realisasi
    "593,18",
    "593.18",
    "OPDRAHASIA",
];

/// Appends a copy of `tabel`'s first record (or `baru`), changed by `ubah`.
fn salin(v: &mut Value, tabel: &str, baru: Option<Value>, ubah: impl Fn(&mut Value)) {
    let daftar = v[tabel].as_array_mut().unwrap_or_else(|| panic!("{tabel}"));
    let mut r = baru.unwrap_or_else(|| daftar[0].clone());
    ubah(&mut r);
    daftar.push(r);
}

/// The example with a 2021 that holds a distinctive value of every kind.
fn mumbulsari_2021() -> DataInstansi {
    let d = kinerja_berkas::baca(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("../../contoh/mumbulsari"),
    )
    .unwrap();
    let mut v = serde_json::to_value(&d).unwrap();
    v["pembanding"] = json!([]);
    v["reviu"] = json!([]);
    salin(&mut v, "realisasi", None, |r| {
        r["tahun"] = json!(2021);
        r["periode"] = json!("tahunan");
        r["nilai"] = json!("613,47");
        r["sumber"] = json!("SUMBERRAHASIA");
        r["catatan"] = json!("CATATANREALRAHASIA");
    });
    salin(&mut v, "realisasi", None, |r| {
        r["tahun"] = json!(2021);
        r["periode"] = json!("tw2");
        r["nilai"] = json!("418,29");
    });
    salin(&mut v, "anggaran", None, |r| {
        r["id"] = json!("A-2021-RAHASIA");
        r["tahun"] = json!(2021);
        r["pagu"] = json!("7.391.826.455,00");
        r["realisasi"] = json!("5.182.736.491,00");
        r["catatan"] = json!("ANGGARANRAHASIA");
    });
    let indikator = v["realisasi"][0]["indikator"].clone();
    salin(
        &mut v,
        "pembanding",
        Some(
            json!({"indikator": indikator, "tahun": 2021, "lingkup": "nasional",
                    "nilai": "271,93", "sumber": "PEMBANDINGRAHASIA"}),
        ),
        |_| {},
    );
    salin(&mut v, "skm", None, |r| {
        r["id"] = json!("skm-2021");
        r["tahun"] = json!(2021);
        r["catatan"] = json!("SKMRAHASIA");
    });
    salin(&mut v, "laporan", None, |r| {
        r["id"] = json!("lkjip-2021");
        r["tahun"] = json!(2021);
        r["kata_pengantar"] = json!("NARASIRAHASIA");
        r["ikhtisar"]["teks"] = json!("IKHTISARRAHASIA");
    });
    salin(&mut v, "perjanjian_kinerja", None, |r| {
        r["id"] = json!("pk-2021");
        r["tahun"] = json!(2021);
        r["tempat"] = json!("PKRAHASIA");
        r["anggaran"][0]["anggaran"] = json!("6.283.917.364,00");
    });
    salin(
        &mut v,
        "target",
        Some(json!({"indikator": indikator, "tahun": 2021,
                    "dokumen": "perjanjian_kinerja", "nilai": "352,71"})),
        |_| {},
    );
    for r in v["rkt"].as_array_mut().unwrap() {
        if r["tahun"] == json!(2021) {
            r["catatan"] = json!("RKTRAHASIA");
        }
    }
    salin(&mut v, "tercatat", None, |r| {
        r["tahun"] = json!(2021);
        r["tertulis"] = json!("TERCATATRAHASIA");
    });
    salin(
        &mut v,
        "reviu",
        Some(json!({"aturan": "r", "kunci": "k", "alasan": "REVIURAHASIA"})),
        |_| {},
    );
    serde_json::from_value(v).unwrap()
}

fn opd_rahasia() -> DataInstansi {
    let mut d = kinerja_sintetis::instansi(0);
    d.realisasi[0].nilai = kinerja_core::nilai::Nilai::parse("593,18").unwrap();
    d.realisasi[0].catatan = Some("OPDRAHASIA".into());
    d
}

async fn minta(app: &axum::Router, metode: &str, uri: &str) -> (StatusCode, String) {
    let mut r = Request::builder()
        .method(metode.to_uppercase().as_str())
        .uri(uri);
    let body = if uri.starts_with("/api/") {
        r = r.header("content-type", "application/json");
        "{\"realisasi\": []}"
    } else {
        r = r.header("content-type", "application/x-www-form-urlencoded");
        ""
    };
    let res = app
        .clone()
        .oneshot(r.body(Body::from(body)).unwrap())
        .await
        .unwrap();
    let s = res.status();
    let b = res.into_body().collect().await.unwrap().to_bytes().to_vec();
    (s, String::from_utf8_lossy(&b).into_owned())
}

#[tokio::test]
async fn no_public_answer_contains_unpublished_data() {
    for b in kinerja_simpan::uji::semua_basis().await {
        let toko = Toko::buka(&b.url).await.unwrap();
        let p = Pelaku {
            pengguna: "uji".into(),
            sumber: "uji".into(),
            hak: kinerja_simpan::Hak::Semua,
        };
        toko.impor(&mumbulsari_2021(), None, ModeImpor::Gabung, &p)
            .await
            .unwrap();
        toko.impor(&opd_rahasia(), None, ModeImpor::Gabung, &p)
            .await
            .unwrap();
        let m = InstansiId::new("mumbulsari").unwrap();
        let th = |t| Tahun::new(t).unwrap();
        toko.tambah_catatan_reviu(&m, th(2021), "CATATANPEREVIURAHASIA", &p)
            .await
            .unwrap();
        for l in [Langkah::Ajukan, Langkah::Setujui] {
            toko.langkah_alur(&m, th(2020), Periode::Tahunan, l, &p)
                .await
                .unwrap();
        }
        let app = kinerja_web::aplikasi(kinerja_web::negara(toko));

        // The fixture reaches the pages at all: the admin... is not needed; the published
        // year's dashboard and API answer, which held the 2021 trend before, are served.
        let (s, html) = minta(&app, "get", "/instansi/mumbulsari/tahun/2020").await;
        assert_eq!(s, StatusCode::OK, "{}", b.nama);
        assert!(html.contains("Kecamatan Mumbulsari"));

        let mut dilihat = 0;
        for (metode, jalur) in kinerja_web::rute_terdaftar() {
            for (id, kab) in [("mumbulsari", "jember"), ("opd-00", "kab")] {
                for tahun in ["2020", "2021"] {
                    let id = if jalur.starts_with("/kabupaten") {
                        kab
                    } else {
                        id
                    };
                    let uri = jalur
                        .replace("{id}", id)
                        .replace("{tahun}", tahun)
                        .replace("{periode}", "tahunan");
                    let (s, body) = minta(&app, metode, &uri).await;
                    assert!(!s.is_server_error(), "{}: {metode} {uri}: {s}", b.nama);
                    if s == StatusCode::OK {
                        dilihat += 1;
                    }
                    for r in RAHASIA {
                        assert!(
                            !body.contains(r),
                            "{}: {metode} {uri} shows the unpublished {r}",
                            b.nama
                        );
                    }
                }
            }
        }
        // Pages of 2020 and the kabupaten roll-ups were read, not only refusals.
        assert!(dilihat > 20, "{dilihat}");
        b.selesai().await;
    }
}

/// The same data read by an admin shows the values in the pages walked above: the test above
/// can fail (before `terbit::untuk_publik`, 2020's public dashboard showed 2021 in its trend).
#[tokio::test]
async fn the_unpublished_values_reach_an_admins_pages() {
    let b = kinerja_simpan::uji::sqlite();
    let toko = Toko::buka(&b.url).await.unwrap();
    let p = Pelaku {
        pengguna: "uji".into(),
        sumber: "uji".into(),
        hak: kinerja_simpan::Hak::Semua,
    };
    toko.impor(&mumbulsari_2021(), None, ModeImpor::Gabung, &p)
        .await
        .unwrap();
    toko.tambah_akun(
        &kinerja_simpan::akun::Akun {
            nama: "admin".into(),
            hash: "tidak-dipakai".into(),
            peran: "admin".into(),
            instansi: None,
        },
        &p,
    )
    .await
    .unwrap();
    let token = kinerja_web::akun::token_acak();
    toko.buat_sesi(
        &kinerja_web::akun::digest(&token),
        "admin",
        "csrf",
        time::OffsetDateTime::now_utc() + time::Duration::hours(1),
    )
    .await
    .unwrap();
    let app = kinerja_web::aplikasi(kinerja_web::negara(toko));
    let mut semua = String::new();
    for uri in [
        "/instansi/mumbulsari/tahun/2020",
        "/instansi/mumbulsari/tahun/2021",
        "/instansi/mumbulsari/tahun/2021/pk",
        "/api/v1/instansi/mumbulsari/tahun/2021/anggaran",
    ] {
        let r = Request::builder()
            .uri(uri)
            .header("cookie", format!("kinerja_sesi={token}"))
            .body(Body::empty())
            .unwrap();
        let res = app.clone().oneshot(r).await.unwrap();
        assert_eq!(res.status(), StatusCode::OK, "{uri}");
        let body = res.into_body().collect().await.unwrap().to_bytes().to_vec();
        semua.push_str(&String::from_utf8_lossy(&body));
    }
    // 2021's annual realisasi in 2020's trend, the PK's place, the budget line's pagu.
    for r in ["613,47", "PKRAHASIA", "7391826455"] {
        assert!(semua.contains(r), "{r}");
    }
    b.selesai().await;
}
