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
        "8feb552834a5237d138ebece77f0f879dfde89483a3dc3ecdf653e80c9e46cd8",
    ),
    (
        "/static/kinerja.css",
        200,
        "0a503db9ac75dd2591019699e3e721b05da1438ddab100e05b257a38a4a69b8d",
    ),
    (
        "/masuk",
        200,
        "68deab176455b161cca36e13b74272aa9c35eac7a507f60a3b7a7f9a2966d306",
    ),
    (
        "/instansi/mumbulsari/tahun/2020",
        200,
        "e8376157f26d4a2aafcdd86424c8962d321cc538e33c64b5b1a2675bd47f90f0",
    ),
    (
        "/instansi/mumbulsari/tahun/2020/rencana",
        200,
        "dda08c0e77c8a7e65c3031bee4b451afe8905fb21b68531fe95d30b0f2342647",
    ),
    (
        "/instansi/mumbulsari/tahun/2020/pk",
        200,
        "7312d4f0ae7644c70b720d94621641be54e30470dd09c4a016e207c0694ad79e",
    ),
    (
        "/instansi/mumbulsari/tahun/2020/iku",
        200,
        "2120765645585ad9248634ff4dfc4957006df6501a3b8aafd1e2834578e884b4",
    ),
    (
        "/instansi/mumbulsari/tahun/2020/laporan",
        200,
        "ee4ca828efc49046082441ca8b8d7896be4889a6415bdf2f86cad8a62d9c9157",
    ),
    (
        "/instansi/mumbulsari/tahun/2020/realisasi",
        200,
        "ae033778d2087b51ea3e2be80e0b4f7f1415307a26ee272ac0e6a36f04e68e6d",
    ),
    (
        "/instansi/mumbulsari/tahun/2020/anggaran",
        200,
        "52dffc04b88cb22a1b5e8d5fbe7faaafcee10e1157b807135c6e1a3197385c88",
    ),
    (
        "/kabupaten/jember/tahun/2020",
        200,
        "61efe280d93b2ae9fbd6ac28d75be77f1e3e3b1ea911bb880aec4a5076da387f",
    ),
    (
        "/instansi/opd-01/tahun/2021",
        200,
        "76ba4b2d817348b301e719cd0b792c0fa41a29c47d61663ba167b1b5c873d374",
    ),
    (
        "/instansi/opd-01/tahun/2021/anggaran",
        200,
        "eb6e2fb6fd9692dc30c7755d32c3482a4965f7f7e2f17a94cf062c45790117d2",
    ),
    (
        "/kabupaten/kab/tahun/2021",
        200,
        "deaa803065112de8724982b8012da28840c7b4cea36f6222d19aaacd01bf02ae",
    ),
    (
        "/kabupaten/kab/tahun/2021?urut=capaian",
        200,
        "67641bfe6d73a7f058d56f8c024b4350632048af1eeeabc73673c3b73545be38",
    ),
    (
        "/kabupaten/kab/tahun/2021?urut=serapan",
        200,
        "f79e90fbaa868e78147d5f593647d567d9137ae76737150c0de58ad4907bd735",
    ),
    (
        "/instansi/mumbulsari/tahun/2021",
        403,
        "4068aa61a1840d06b34d0915cbf950ca018248bc10816e0b01c66917380f0d0d",
    ),
    (
        "/instansi/mumbulsari/jejak",
        403,
        "4068aa61a1840d06b34d0915cbf950ca018248bc10816e0b01c66917380f0d0d",
    ),
    (
        "/instansi/mumbulsari/tahun/20x0",
        404,
        "4036805f2893244fe1274ca25faea6e2f671f5f84fde18087d43434a3fd1354f",
    ),
    (
        "/instansi/tidak-ada/tahun/2020",
        403,
        "4068aa61a1840d06b34d0915cbf950ca018248bc10816e0b01c66917380f0d0d",
    ),
    (
        "/kabupaten/tidak-ada/tahun/2020",
        404,
        "ccfd7ad632cc72e723114001982dd768021f850d49fcf3fbd0ff2d73ca18e1b4",
    ),
    (
        "/tidak/ada",
        404,
        "3d5a70f3acdd3a30fecb26f4887e6357f817bf58fe3f486dffb443662c4d4d1c",
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
    // Changed on purpose (issue 13): a program and a kegiatan carry their code (`kode`, null
    // when the data has none) and a kegiatan its `sub_kegiatan` list (empty here).
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
    // Changed on purpose: the document lists the statuses of the one error mapping
    // (`kinerja_web::galat`): 404 for an id or year that cannot be one, 409, 500; and the
    // schema of a number states the core's bounds (at most 10^15, 6 decimals); the API token
    // (Bearer) security scheme.
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
