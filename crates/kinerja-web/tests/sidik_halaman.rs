//! What an anonymous visitor gets, pinned byte for byte (SHA-256 of each body), so that a
//! refactor of the server or of the pages proves it changes no byte: the bundled example with
//! its 2020 report published (`halaman::isi_contoh`, as `kinerja serve` does on an empty
//! database), and four synthetic instansi of a second kabupaten with 2021 published, so that
//! the kabupaten roll-up has several rows to sort and sum.
//!
//! On a mismatch the body is written to `CARGO_TARGET_TMPDIR/sidik_halaman/` for diffing.

use axum::body::Body;
use axum::http::{Request, StatusCode};
use http_body_util::BodyExt;
use kinerja_simpan::akun::Langkah;
use kinerja_simpan::{ModeImpor, Pelaku, Toko};
use kinerja_web::halaman;
use sha2::{Digest, Sha256};
use std::path::Path;
use tower::ServiceExt;

/// URI, status, SHA-256 of the body (after `tetapkan`).
const SIDIK: &[(&str, u16, &str)] = &[
    (
        "/",
        200,
        "aab8220791652b0c08d6c50ecfee1ba230604b071c1ecce001174cb053855f1e",
    ),
    (
        "/static/kinerja.css",
        200,
        "addbb43f9fdab724fc1bbeba83155ce3be4faaa2286ab270dd255fb3b5cdb906",
    ),
    (
        "/masuk",
        200,
        "4b5e383cee9cc44190a5a19b8addc2e1a2cf34be83f7f79119e744bedee77b41",
    ),
    (
        "/panduan",
        200,
        "0870ef1a0792e38093ef447616815c27e82ac4e2a0acae23603acbb0f62199f7",
    ),
    (
        "/instansi/mumbulsari/tahun/2020",
        200,
        "07a5986a5538181c8f2354f3aa5645dd49dc83eb4aa03e2345bbaac91ce66123",
    ),
    (
        "/instansi/mumbulsari/tahun/2020/rencana",
        200,
        "ca9e7a01965fa61d293a0eaf902bf5e549f75521f503c609f86fd5dcff8f4ab4",
    ),
    (
        "/instansi/mumbulsari/tahun/2020/pk",
        200,
        "efe15e99b8544f8fb63b1832ee0db1c704be5f17a185528ba717ea556699c178",
    ),
    (
        "/instansi/mumbulsari/tahun/2020/iku",
        200,
        "ac7ed5c3147493291572144081db1c3d877b0cede41514c535d89c9f2748f207",
    ),
    (
        "/instansi/mumbulsari/tahun/2020/laporan",
        200,
        "c39ba85399d2f2f224e560907c88d85a9442b8e35c5c295a690f5d59ab746df6",
    ),
    (
        "/instansi/mumbulsari/tahun/2020/realisasi",
        200,
        "441208d1bb09bf9c99b30a999735fef7a2f002cfd9d718136dd2a1b4ab606360",
    ),
    (
        "/instansi/mumbulsari/tahun/2020/anggaran",
        200,
        "e3bc9bf408cb8941d24b768f8f38a2f01d2791e0494bf459ce3fd15a79815313",
    ),
    (
        "/kabupaten/jember/tahun/2020",
        200,
        "ddbf6164c6ae04e101db272fe35700eae183a1b4f10edc652d322ad16c2bc508",
    ),
    (
        "/instansi/opd-01/tahun/2021",
        200,
        "3fda64a77cf94d86a3813173f6e7eca112af3841b55ec97fd88d570d0d4525a9",
    ),
    (
        "/instansi/opd-01/tahun/2021/anggaran",
        200,
        "0862c867e5c2b08dc07c8939f1005c194209b8a7c8e3eced8042d629269618ad",
    ),
    (
        "/kabupaten/kab/tahun/2021",
        200,
        "cd7e70d48bbc14cb5d2a6f38c81cfd529045d73756f35bf3f48c482cccdd7068",
    ),
    (
        "/kabupaten/kab/tahun/2021?urut=capaian",
        200,
        "3cf7a85084979555184da58c6dd5c3dd69ae4bfe03e4bf640cab04784b3cc27f",
    ),
    (
        "/kabupaten/kab/tahun/2021?urut=serapan",
        200,
        "8611df9d066597af48adfb61c9f8959f41e66360fa1156cbc80fe3989607a4be",
    ),
    (
        "/instansi/mumbulsari/tahun/2021",
        403,
        "aca6aab33a7f955068558c1cae144dfaff6819121e9b9f742e2d1a04960e5b91",
    ),
    (
        "/instansi/mumbulsari/jejak",
        403,
        "aca6aab33a7f955068558c1cae144dfaff6819121e9b9f742e2d1a04960e5b91",
    ),
    (
        "/instansi/mumbulsari/tahun/20x0",
        404,
        "b63a56f16193b13626b184147ce4067c8d171a09ed38bf9c3674be3fadad54e7",
    ),
    (
        "/instansi/tidak-ada/tahun/2020",
        403,
        "aca6aab33a7f955068558c1cae144dfaff6819121e9b9f742e2d1a04960e5b91",
    ),
    (
        "/kabupaten/tidak-ada/tahun/2020",
        404,
        "3348efd62557ac2efd2b5b547425a7f14389c51e6f8e2ce6012f7ae30f7fb100",
    ),
    (
        "/tidak/ada",
        404,
        "9fcd36c8f0c55693c157c3e67598488ca72ae6116ab92b6ebfd3faa22a903505",
    ),
    (
        "/api/v1/instansi",
        200,
        "6d4aba31285777a108484e29ba53f494ae0a7e31cc60a393fdfd7fe7f529c7ec",
    ),
    (
        "/api/v1/instansi/mumbulsari/rencana",
        200,
        "a73531247edc869a36b0f94c283bf2fedbfe925a15954977bac548c97a0d5fdf",
    ),
    (
        "/api/v1/instansi/mumbulsari/tahun/2020/pengukuran",
        200,
        "e8554503710fbd4bf93191de4ee2a8320a89e350602c649d39d1e06c8dadd633",
    ),
    (
        "/api/v1/instansi/mumbulsari/tahun/2020/anggaran",
        200,
        "560757f3678fcc3ca13c467425e6f000df62184b83eaabaaa986606b3f484567",
    ),
    (
        "/api/v1/instansi/opd-01/tahun/2021/anggaran",
        200,
        "41ba3b934f8c54602536be64f4330ed7339d53fddc1d088018e33fbc2d816947",
    ),
    (
        "/api/v1/openapi.json",
        200,
        "2ca191c29b97f64221360d7a905d39f5ec2a693929088683ad310e0cd45a24d8",
    ),
];

/// Two parts of a page change from run to run: the login form's CSRF token (random) and the
/// time a period was approved. Both are replaced by fixed text.
fn tetapkan(html: &str) -> String {
    let mut s = html.to_string();
    let tanda = "name=\"csrf\" value=\"";
    if let Some(a) = s.find(tanda) {
        let a = a + tanda.len();
        let z = a + s[a..].find('"').expect("the value is closed");
        s.replace_range(a..z, "TOKEN");
    }
    // "05-06-2024 10.00 WIB": 16 characters before " WIB".
    let mut keluar = String::new();
    let mut sisa = s.as_str();
    while let Some(i) = sisa.find(" WIB") {
        let awal = i.saturating_sub(16);
        keluar.push_str(&sisa[..awal]);
        keluar.push_str("DD-MM-YYYY HH.MM");
        keluar.push_str(" WIB");
        sisa = &sisa[i + 4..];
    }
    keluar.push_str(sisa);
    keluar
}

async fn siap(url: &str) -> axum::Router {
    let toko = Toko::buka(url).await.unwrap();
    let n = kinerja_web::negara(toko.clone());
    // The bundled examples as `kinerja serve` loads them: Mumbulsari, then the example pemda.
    let contoh: Vec<_> = [
        "mumbulsari",
        "pemda-jember/kabupaten",
        "pemda-jember/dinkes",
        "pemda-jember/dispendukcapil",
    ]
    .iter()
    .map(|f| {
        kinerja_berkas::baca(
            &Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("../../contoh")
                .join(f),
        )
        .unwrap()
    })
    .collect();
    assert!(halaman::isi_contoh(&n, &contoh).await.unwrap());
    let p = Pelaku {
        pengguna: "uji".into(),
        sumber: "uji".into(),
        hak: kinerja_simpan::Hak::Semua,
    };
    let th = kinerja_core::waktu::Tahun::new(2021).unwrap();
    for d in kinerja_sintetis::kabupaten(4) {
        let (id, _) = toko.impor(&d, None, ModeImpor::Gabung, &p).await.unwrap();
        for l in [Langkah::Ajukan, Langkah::Setujui] {
            toko.langkah_alur(&id, th, kinerja_core::waktu::Periode::Tahunan, l, &p)
                .await
                .unwrap();
        }
    }
    kinerja_web::aplikasi(n)
}

fn alamat() -> Vec<&'static str> {
    vec![
        "/",
        "/static/kinerja.css",
        "/masuk",
        "/panduan",
        "/instansi/mumbulsari/tahun/2020",
        "/instansi/mumbulsari/tahun/2020/rencana",
        "/instansi/mumbulsari/tahun/2020/pk",
        "/instansi/mumbulsari/tahun/2020/iku",
        "/instansi/mumbulsari/tahun/2020/laporan",
        "/instansi/mumbulsari/tahun/2020/realisasi",
        "/instansi/mumbulsari/tahun/2020/anggaran",
        "/kabupaten/jember/tahun/2020",
        "/instansi/opd-01/tahun/2021",
        "/instansi/opd-01/tahun/2021/anggaran",
        "/kabupaten/kab/tahun/2021",
        "/kabupaten/kab/tahun/2021?urut=capaian",
        "/kabupaten/kab/tahun/2021?urut=serapan",
        // Refusals and errors, in the visitor's frame.
        "/instansi/mumbulsari/tahun/2021",
        "/instansi/mumbulsari/jejak",
        "/instansi/mumbulsari/tahun/20x0",
        "/instansi/tidak-ada/tahun/2020",
        "/kabupaten/tidak-ada/tahun/2020",
        "/tidak/ada",
        // The API's public reads.
        "/api/v1/instansi",
        "/api/v1/instansi/mumbulsari/rencana",
        "/api/v1/instansi/mumbulsari/tahun/2020/pengukuran",
        "/api/v1/instansi/mumbulsari/tahun/2020/anggaran",
        "/api/v1/instansi/opd-01/tahun/2021/anggaran",
        "/api/v1/openapi.json",
    ]
}

#[tokio::test]
async fn anonymous_pages_are_byte_identical() {
    for b in kinerja_simpan::uji::semua_basis().await {
        let app = siap(&b.url).await;
        let mut didapat = Vec::new();
        for uri in alamat() {
            let r = Request::builder().uri(uri).body(Body::empty()).unwrap();
            let res = app.clone().oneshot(r).await.unwrap();
            let status = res.status();
            let body = res.into_body().collect().await.unwrap().to_bytes();
            let teks = tetapkan(std::str::from_utf8(&body).unwrap());
            let sidik = format!("{:x}", Sha256::digest(teks.as_bytes()));
            didapat.push((uri, status.as_u16(), sidik, teks));
        }
        let tabel: String = didapat
            .iter()
            .map(|(u, s, h, _)| format!("    (\"{u}\", {s}, \"{h}\"),\n"))
            .collect();
        let mut beda = Vec::new();
        for (uri, status, sidik, teks) in &didapat {
            let dipatok = SIDIK.iter().find(|(u, _, _)| u == uri);
            if dipatok.map(|(_, s, h)| (*s, *h)) != Some((*status, sidik.as_str())) {
                let dir = Path::new(env!("CARGO_TARGET_TMPDIR")).join("sidik_halaman");
                std::fs::create_dir_all(&dir).unwrap();
                let nama = uri.replace(['/', '?', '='], "_");
                std::fs::write(dir.join(format!("{}{nama}", b.nama)), teks).unwrap();
                beda.push(format!("{uri}: {status} {sidik}"));
            }
        }
        assert!(
            beda.is_empty(),
            "{}: bodies differ from the pins:\n{}\nthe whole table:\n{tabel}",
            b.nama,
            beda.join("\n")
        );
        assert_eq!(SIDIK.len(), didapat.len(), "a pin per address");
        assert!(
            didapat
                .iter()
                .any(|(_, s, _, _)| *s == StatusCode::OK.as_u16())
        );
        b.selesai().await;
    }
}
