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
        "f3715b013393358d2fc774b244dbcab7750de9e08f47cc50c9a868e663f9ec3c",
    ),
    (
        "/static/kinerja.css",
        200,
        "91f3efdb52f087758de889bac8898bbebdd6817d0b41cede9ba13ba6610216dd",
    ),
    (
        "/masuk",
        200,
        "c9fe356b65159944ed1c6d2397e44234630f991c1d671ec8c1f07252c62dbf3d",
    ),
    (
        "/instansi/mumbulsari/tahun/2020",
        200,
        "f831f3395a1dbf58e2c58f147d23827ac9a688e910f3b10df8066bacc9b6210f",
    ),
    (
        "/instansi/mumbulsari/tahun/2020/rencana",
        200,
        "d0308fe65eb5962f147127a9022d9e818d89933b3a4c29139e0ef1b8e354d01f",
    ),
    (
        "/instansi/mumbulsari/tahun/2020/pk",
        200,
        "294a1efc5363c4910f5433bf62a90dd490ab69011bb0e9050e3fb3a6f58d7d47",
    ),
    (
        "/instansi/mumbulsari/tahun/2020/iku",
        200,
        "f6728c05b49f0b32da84cc2c180261a08bd1a25964888c4132d33080d60b905e",
    ),
    (
        "/instansi/mumbulsari/tahun/2020/laporan",
        200,
        "1463ec46af30497170129e8ae15669e5a59c7b55aae6c71e8a28bd83d8bcb7eb",
    ),
    (
        "/instansi/mumbulsari/tahun/2020/realisasi",
        200,
        "e95e0db4e67edb57b42c8bd451c2f71ea446ec7b57fe544f6684d2a7ed3a1605",
    ),
    (
        "/instansi/mumbulsari/tahun/2020/anggaran",
        200,
        "710f5dcf9b0e0d9e81754153acfb1310009490c66a8cee314f05f06b30d3f396",
    ),
    (
        "/kabupaten/jember/tahun/2020",
        200,
        "59d17c60a57ee2efe35a551b172014c2964d915daeffc158d711641b2b8ff550",
    ),
    (
        "/instansi/opd-01/tahun/2021",
        200,
        "99d12a6150abab0e44f7c3de4cc1159f81498435e9c5c5fae44c28560d0c54c6",
    ),
    (
        "/instansi/opd-01/tahun/2021/anggaran",
        200,
        "c249205b97e6a69b372fb58548a0b43f68b31359d1c88850b7918c8b57105495",
    ),
    (
        "/kabupaten/kab/tahun/2021",
        200,
        "0ba6544c0bdb4e473de6debbd24cd99e277804822bdba31d506754a5655ca1e9",
    ),
    (
        "/kabupaten/kab/tahun/2021?urut=capaian",
        200,
        "208eed8f16c1b650c0f3c70d96d19ce1bb32ef176930ff36e446f07d087aba16",
    ),
    (
        "/kabupaten/kab/tahun/2021?urut=serapan",
        200,
        "e0644b3c20aecbed10fcf480598343141a584c97537aac79d96ef7165fa99265",
    ),
    (
        "/instansi/mumbulsari/tahun/2021",
        403,
        "835fd651f3116d138c7c0a6658a8383d36c0e69a610a799a1dce186588297ceb",
    ),
    (
        "/instansi/mumbulsari/jejak",
        403,
        "835fd651f3116d138c7c0a6658a8383d36c0e69a610a799a1dce186588297ceb",
    ),
    (
        "/instansi/mumbulsari/tahun/20x0",
        404,
        "e0b57e96130b7691f46560580ba4cc5b2042e3ff555ccad4ffa82b2a8cb2c384",
    ),
    (
        "/instansi/tidak-ada/tahun/2020",
        403,
        "835fd651f3116d138c7c0a6658a8383d36c0e69a610a799a1dce186588297ceb",
    ),
    (
        "/kabupaten/tidak-ada/tahun/2020",
        404,
        "4304ed0f56c7e1176c72092e006c473a47d685cf34ccd555f0fb2db6020b012e",
    ),
    (
        "/tidak/ada",
        404,
        "5acc366ca4207dc69231babda9b2460a74328ceb7ec00c04b175805ec5d34bbb",
    ),
    (
        "/api/v1/instansi",
        200,
        "aec3523ac9749a8c421e0c53d9465efa45cc4d47a8f38455646f451d297655ca",
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
    let contoh = kinerja_berkas::baca(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("../../contoh/mumbulsari"),
    )
    .unwrap();
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
