//! The JSON API on both backends (`kinerja_simpan::uji`): reads give the seed's figures, a write
//! lands in the audit trail, every kind of bad request is a 4xx with a JSON body.

use axum::body::Body;
use axum::http::{Request, StatusCode};
use http_body_util::BodyExt;
use kinerja_simpan::{ModeImpor, Pelaku, Toko};
use serde_json::{Value, json};
use std::path::Path;
use tower::ServiceExt;

async fn siap(url: &str) -> axum::Router {
    let toko = Toko::buka(url).await.unwrap();
    let d = kinerja_berkas::baca(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("../../contoh/mumbulsari"),
    )
    .unwrap();
    let p = Pelaku {
        pengguna: "uji".into(),
        sumber: "uji".into(),
        hak: kinerja_simpan::Hak::Semua,
    };
    toko.impor(&d, None, ModeImpor::Gabung, &p).await.unwrap();
    toko.tambah_akun(
        &kinerja_simpan::akun::Akun {
            nama: "operator-mumbulsari".into(),
            hash: kinerja_web::akun::hash_sandi(SANDI).unwrap(),
            peran: "operator".into(),
            instansi: Some(kinerja_core::id::InstansiId::new("mumbulsari").unwrap()),
        },
        &p,
    )
    .await
    .unwrap();
    kinerja_web::aplikasi(kinerja_web::negara(toko))
}

const SANDI: &str = "sandi-operator-2020";

fn basic(nama: &str, sandi: &str) -> String {
    use base64::Engine;
    format!(
        "Basic {}",
        base64::engine::general_purpose::STANDARD.encode(format!("{nama}:{sandi}"))
    )
}

async fn minta(
    app: &axum::Router,
    metode: &str,
    uri: &str,
    jenis: Option<&str>,
    body: &str,
) -> (StatusCode, Value) {
    minta_sebagai(
        app,
        Some(("operator-mumbulsari", SANDI)),
        metode,
        uri,
        jenis,
        body,
    )
    .await
}

async fn minta_sebagai(
    app: &axum::Router,
    akun: Option<(&str, &str)>,
    metode: &str,
    uri: &str,
    jenis: Option<&str>,
    body: &str,
) -> (StatusCode, Value) {
    let mut r = Request::builder().method(metode).uri(uri);
    if let Some((n, s)) = akun {
        r = r.header("authorization", basic(n, s));
    }
    if let Some(j) = jenis {
        r = r.header("content-type", j);
    }
    let res = app
        .clone()
        .oneshot(r.body(Body::from(body.to_string())).unwrap())
        .await
        .unwrap();
    let status = res.status();
    let bytes = res.into_body().collect().await.unwrap().to_bytes();
    let v = serde_json::from_slice(&bytes)
        .unwrap_or_else(|_| panic!("{uri}: not JSON: {}", String::from_utf8_lossy(&bytes)));
    (status, v)
}

async fn ambil(app: &axum::Router, uri: &str) -> (StatusCode, Value) {
    minta(app, "GET", uri, None, "").await
}

#[tokio::test]
async fn reads_give_the_seeds_figures() {
    for b in kinerja_simpan::uji::semua_basis().await {
        let app = siap(&b.url).await;
        let (s, v) = ambil(&app, "/api/v1/instansi").await;
        assert_eq!(s, StatusCode::OK);
        assert_eq!(v.as_array().unwrap().len(), 9);
        assert_eq!(v[1]["id"], "mumbulsari");
        assert_eq!(v[1]["punya_data"], true);

        let (s, v) = ambil(&app, "/api/v1/instansi/mumbulsari/tahun/2020/pengukuran").await;
        assert_eq!(s, StatusCode::OK, "{}", b.nama);
        // SKM: realisasi 70,89 against target 80 → 88,6125 → 88,61 (rounded once, half away
        // from zero); the coordination indicators 86,90/100 and 90/100.
        let capaian: Vec<String> = v["indikator"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| r["capaian"].to_string())
            .collect();
        assert_eq!(capaian, ["88.61", "86.9", "90"], "exact JSON numbers");
        assert_eq!(v["sasaran"][1]["capaian"].to_string(), "88.45");

        let (s, v) = ambil(&app, "/api/v1/instansi/mumbulsari/tahun/2020/anggaran").await;
        assert_eq!(s, StatusCode::OK);
        // Total pagu 1.674.830.966,58; realisasi 889.672.130 + 354.478.761 = 1.244.150.891.
        assert_eq!(v["total"]["pagu"].to_string(), "1674830966.58");
        assert_eq!(v["total"]["realisasi"].to_string(), "1244150891");

        let (s, v) = ambil(&app, "/api/v1/instansi/mumbulsari/rencana").await;
        assert_eq!(s, StatusCode::OK);
        assert_eq!(v["indikator"].as_array().unwrap().len(), 40);
        assert_eq!(v["target"].as_array().unwrap().len(), 47);
        b.selesai().await;
    }
}

#[tokio::test]
async fn a_realisasi_written_through_the_api_is_measured_and_audited() {
    for b in kinerja_simpan::uji::semua_basis().await {
        let app = siap(&b.url).await;
        let (_, v) = ambil(&app, "/api/v1/instansi/mumbulsari/tahun/2020/pengukuran").await;
        let ind = v["indikator"][1]["indikator_id"]
            .as_str()
            .unwrap()
            .to_string();
        // The annual realisasi of the second indicator becomes 95 against its target 100:
        // capaian 95,00 %; sasaran 2 = (95 + 90) / 2 = 92,50 %.
        let body = json!({"realisasi": [
            {"indikator": ind, "tahun": 2020, "periode": "tahunan", "nilai": "95"}
        ]})
        .to_string();
        let (s, v) = minta(
            &app,
            "PUT",
            "/api/v1/instansi/mumbulsari/realisasi",
            Some("application/json"),
            &body,
        )
        .await;
        assert_eq!(s, StatusCode::OK, "{}: {v}", b.nama);
        assert_eq!(
            v,
            json!({"ditambah": 0, "diubah": 1, "dihapus": 0, "tetap": 309})
        );
        let (_, v) = ambil(&app, "/api/v1/instansi/mumbulsari/tahun/2020/pengukuran").await;
        assert_eq!(v["indikator"][1]["capaian"].to_string(), "95");
        assert_eq!(v["sasaran"][1]["capaian"].to_string(), "92.5");
        let kunci = format!("{ind}|2020|tahunan");
        let (s, v) = ambil(
            &app,
            &format!(
                "/api/v1/instansi/mumbulsari/jejak?tabel=realisasi&kunci={}",
                kunci.replace('|', "%7C")
            ),
        )
        .await;
        assert_eq!(s, StatusCode::OK);
        assert_eq!(v[0]["aksi"], "ubah");
        assert_eq!(v[0]["pengguna"], "operator-mumbulsari");
        assert_eq!(v[0]["sumber"], "api");
        assert_eq!(v[0]["lama"]["nilai"], "86,90 %");
        assert_eq!(v[0]["baru"]["nilai"], "95");
        b.selesai().await;
    }
}

/// Method, URI, content type, body, expected status, expected `kode`.
type Kasus<'a> = (&'a str, &'a str, Option<&'a str>, String, u16, &'a str);

#[tokio::test]
async fn bad_requests_are_4xx_with_a_reason_and_change_nothing() {
    for b in kinerja_simpan::uji::semua_basis().await {
        let app = siap(&b.url).await;
        let put = "/api/v1/instansi/mumbulsari/realisasi";
        let j = Some("application/json");
        let kasus: Vec<Kasus> = vec![
            // An operator is refused another instansi's data, existing or not (no probing).
            ("GET", "/api/v1/instansi/tidak-ada/tahun/2020/pengukuran", None, String::new(), 403, "dilarang"),
            // An address whose year or id cannot be one names nothing (as on the pages).
            ("GET", "/api/v1/instansi/mumbulsari/tahun/20x0/pengukuran", None, String::new(), 404, "tahun_tidak_sah"),
            ("GET", "/api/v1/instansi/mumbulsari/tahun/99999/anggaran", None, String::new(), 404, "tahun_tidak_sah"),
            ("GET", "/api/v1/instansi/bukan%20id/rencana", None, String::new(), 404, "id_tidak_sah"),
            ("GET", "/api/v1/instansi/mumbulsari/jejak?batas=banyak", None, String::new(), 400, "kueri_tidak_sah"),
            ("PUT", put, None, "{}".into(), 415, "bukan_json"),
            ("PUT", put, j, "{\"realisasi\": [".into(), 400, "json_rusak"),
            ("PUT", put, j, "{\"realisasi\": []}".into(), 422, "isian_kosong"),
            ("PUT", put, j, "{\"realisasi\": [], \"lain\": 1}".into(), 422, "isian_tidak_sah"),
            // A float is not a value as documents write it; nor is an English thousands point.
            ("PUT", put, j, json!({"realisasi": [{"indikator": "IK-SKM", "tahun": 2020, "nilai": 88.5}]}).to_string(), 422, "isian_tidak_sah"),
            ("PUT", put, j, json!({"realisasi": [{"indikator": "IK-SKM", "tahun": 2020, "nilai": "1,234.5"}]}).to_string(), 422, "isian_tidak_sah"),
            ("PUT", put, j, json!({"realisasi": [{"indikator": "IK-SKM", "tahun": 2020, "periode": "tw5", "nilai": "1"}]}).to_string(), 422, "isian_tidak_sah"),
            // Valid JSON, but the indicator does not exist: the store's validation says where.
            ("PUT", put, j, json!({"realisasi": [{"indikator": "TIDAK-ADA", "tahun": 2020, "nilai": "1"}]}).to_string(), 422, "data_tidak_sah"),
            ("PUT", "/api/v1/instansi/tidak-ada/realisasi", j, json!({"realisasi": [{"indikator": "X", "tahun": 2020, "nilai": "1"}]}).to_string(), 403, "dilarang"),
        ];
        for (metode, uri, jenis, body, status, kode) in kasus {
            let (s, v) = minta(&app, metode, uri, jenis, &body).await;
            assert_eq!(s.as_u16(), status, "{} {metode} {uri} {body}: {v}", b.nama);
            assert_eq!(v["kode"], kode, "{uri} {body}: {v}");
            assert!(!v["pesan"].as_str().unwrap().is_empty());
        }
        let (_, v) = minta(
            &app,
            "PUT",
            put,
            j,
            &json!({"realisasi": [{"indikator": "TIDAK-ADA", "tahun": 2020, "nilai": "1"}]})
                .to_string(),
        )
        .await;
        assert!(
            v["rincian"][0]["letak"]
                .as_str()
                .unwrap()
                .contains("[[realisasi]]"),
            "{v}"
        );
        assert!(
            v["rincian"][0]["pesan"]
                .as_str()
                .unwrap()
                .contains("TIDAK-ADA"),
            "{v}"
        );
        let (_, j) = ambil(&app, "/api/v1/instansi/mumbulsari/jejak?batas=10000").await;
        assert_eq!(
            j.as_array().unwrap().len(),
            311,
            "only the import's rows and the account's creation"
        );
        b.selesai().await;
    }
}

#[tokio::test]
async fn the_openapi_document_lists_every_route() {
    let dir = std::env::temp_dir().join(format!("kinerja-openapi-{}.db", std::process::id()));
    let app = siap(dir.to_str().unwrap()).await;
    let (s, v) = ambil(&app, "/api/v1/openapi.json").await;
    assert_eq!(s, StatusCode::OK);
    assert_eq!(v["openapi"], "3.1.0");
    let paths = v["paths"].as_object().unwrap();
    // The router's own API routes, so that a route added without documentation fails here.
    let rute: Vec<_> = kinerja_web::rute_terdaftar()
        .into_iter()
        .filter(|(_, j)| j.starts_with("/api/"))
        .collect();
    assert_eq!(
        paths.len(),
        rute.iter()
            .map(|x| x.1)
            .collect::<std::collections::HashSet<_>>()
            .len()
    );
    for (metode, jalur) in &rute {
        assert!(paths[*jalur].get(*metode).is_some(), "{metode} {jalur}");
        // Every documented route answers (not 404/405 from the router).
        let uri = jalur
            .replace("{id}", "mumbulsari")
            .replace("{tahun}", "2020");
        let (s, _) = minta(
            &app,
            &metode.to_uppercase(),
            &uri,
            Some("application/json"),
            "{\"realisasi\": []}",
        )
        .await;
        assert!(
            s != StatusCode::NOT_FOUND && s != StatusCode::METHOD_NOT_ALLOWED,
            "{metode} {uri}: {s}"
        );
    }
    let skema = &v["components"]["schemas"];
    assert!(
        skema["IsianRealisasi"]["properties"]["realisasi"].is_object(),
        "{skema}"
    );
    assert!(
        skema["Realisasi"]["properties"]["nilai"].is_object(),
        "{skema}"
    );
    // Every $ref points at a schema that exists.
    let teks = v.to_string();
    for bagian in teks.split("\"$ref\":\"#/components/schemas/").skip(1) {
        let nama = &bagian[..bagian.find('"').unwrap()];
        assert!(skema.get(nama).is_some(), "dangling $ref {nama}");
    }
    for akhiran in ["", "-wal", "-shm"] {
        let _ = std::fs::remove_file(format!("{}{akhiran}", dir.display()));
    }
}

/// Every text field of a realisasi sent through the API: a free text at its bound is saved,
/// one character more is refused naming the field and the bound; a typed field (an id, a
/// period, a value) refuses an over-long text at parsing.
#[tokio::test]
async fn every_text_field_of_a_realisasi_through_the_api_is_bounded() {
    use kinerja_core::angka::format_angka;
    use kinerja_core::validasi::batas_medan;
    let b = kinerja_simpan::uji::sqlite();
    let app = siap(&b.url).await;
    let put = "/api/v1/instansi/mumbulsari/realisasi";
    let j = Some("application/json");
    let (_, v) = ambil(&app, "/api/v1/instansi/mumbulsari/tahun/2020/pengukuran").await;
    let ind = v["indikator"][0]["indikator_id"]
        .as_str()
        .unwrap()
        .to_string();
    let dasar = json!({"indikator": ind, "tahun": 2020, "periode": "tw1", "nilai": "10",
        "sumber": "laporan bulanan", "catatan": "diisi lewat API"});
    let angka = |n: usize| format_angka((n as u64).into(), 0);
    let mut bebas = Vec::new();
    for (medan, nilai) in dasar.as_object().unwrap() {
        if !nilai.is_string() {
            continue;
        }
        let batas = batas_medan("realisasi", medan).min(kinerja_web::BATAS_TEKS);
        let kirim = |n: usize| {
            let mut r = dasar.clone();
            r[medan] = json!("é".repeat(n));
            json!({ "realisasi": [r] }).to_string()
        };
        let (s, v) = minta(&app, "PUT", put, j, &kirim(batas + 1)).await;
        assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY, "{medan}: {v}");
        let (s, _) = minta(&app, "PUT", put, j, &kirim(batas)).await;
        if s != StatusCode::OK {
            continue;
        }
        bebas.push(medan.clone());
        assert_eq!(v["kode"], "data_tidak_sah", "{medan}: {v}");
        let r = &v["rincian"][0];
        assert!(
            r["letak"]
                .as_str()
                .unwrap()
                .contains(&format!("medan `{medan}`")),
            "{v}"
        );
        assert!(
            r["pesan"].as_str().unwrap().contains(&format!(
                "`{medan}` terlalu panjang: {} karakter, paling banyak {} karakter",
                angka(batas + 1),
                angka(batas)
            )),
            "{v}"
        );
    }
    bebas.sort();
    assert_eq!(bebas, ["catatan", "sumber"]);
    b.selesai().await;
}
