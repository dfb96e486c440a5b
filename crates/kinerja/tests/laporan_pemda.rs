//! `kinerja laporan --pemda` on the example pemda: the PDF read back (an IKU and its capaian on
//! one line, the budget roll-up), the DOCX and XLSX packages opened, the same bytes for the same
//! data sets in any order, and the web's download from the kabupaten page byte for byte what
//! `kinerja laporan --pemda --db --instansi jember` writes from the same database.

#[allow(dead_code)]
mod bersama;

#[path = "bersama/web.rs"]
mod web;

use axum::body::Body;
use axum::http::{Request, StatusCode};
use bersama::{kinerja, pdftotext};
use kinerja_simpan::akun::Akun;
use kinerja_simpan::{Hak, ModeImpor, Pelaku, Toko};
use std::io::Read;
use std::path::{Path, PathBuf};
use tower::ServiceExt;
use web::unduh;

fn contoh(p: &str) -> String {
    PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../../contoh")
        .join(p)
        .to_string_lossy()
        .into_owned()
}

const OPD: [&str; 3] = [
    "mumbulsari",
    "pemda-jember/dinkes",
    "pemda-jember/dispendukcapil",
];

/// `kinerja laporan KABUPATEN --pemda --opd ...` in `format` to `keluaran`, the OPDs in `urut`.
fn lapor(format: &str, keluaran: &Path, urut: &[&str]) {
    let kab = contoh("pemda-jember/kabupaten");
    let opd: Vec<String> = urut.iter().map(|o| contoh(o)).collect();
    let mut args = vec![
        "laporan",
        kab.as_str(),
        "--pemda",
        "--tahun",
        "2020",
        "--format",
        format,
        "-o",
        keluaran.to_str().unwrap(),
    ];
    for o in &opd {
        args.extend(["--opd", o.as_str()]);
    }
    let o = kinerja(&args);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert!(
        String::from_utf8_lossy(&o.stdout)
            .starts_with("Laporan Kinerja PEMERINTAH KABUPATEN JEMBER tahun 2020 ditulis ke"),
        "{}",
        String::from_utf8_lossy(&o.stdout)
    );
}

fn bagian_zip(berkas: &Path, nama: &str) -> String {
    let mut z = zip::ZipArchive::new(std::fs::File::open(berkas).unwrap()).unwrap();
    let mut s = String::new();
    z.by_name(nama).unwrap().read_to_string(&mut s).unwrap();
    s
}

#[test]
fn the_pemda_report_in_every_format_and_the_same_bytes_again() {
    let dir = std::env::temp_dir().join(format!("kinerja-lap-pemda-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let pdf = dir.join("lkjip-jember.pdf");
    lapor("pdf", &pdf, &OPD);
    if let Some(t) = pdftotext(&pdf) {
        // An IKU and its figures on one line of Tabel 3.2: target 82 / 80 = 102,50 %.
        assert!(
            t.lines().any(|l| l.contains("Indeks Kepuasan Masyarakat")
                && l.contains("102,50 %")
                && l.contains("Sangat Baik")),
            "{t}"
        );
        for f in [
            "PEMERINTAH KABUPATEN JEMBER",
            "PERENCANAAN KINERJA",
            "Realisasi Anggaran",
            // Sasaran 3's budget (see kinerja-laporan's tests/pemda.rs for the arithmetic).
            "1.270.000.000,00",
            "91,36 %",
            "Tidak terhubung ke pohon kinerja",
            "1.464.830.966,58",
            "4.370.330.966,58",
        ] {
            assert!(t.contains(f), "{f} missing from the PDF text");
        }
    }
    // The same data sets, given in another order: the same bytes.
    let pdf2 = dir.join("lkjip-jember-2.pdf");
    lapor("pdf", &pdf2, &[OPD[2], OPD[0], OPD[1]]);
    assert_eq!(std::fs::read(&pdf).unwrap(), std::fs::read(&pdf2).unwrap());

    let docx = dir.join("lkjip-jember.docx");
    lapor("docx", &docx, &OPD);
    let isi = bagian_zip(&docx, "word/document.xml");
    assert!(isi.contains("Indeks Kepuasan Masyarakat"));
    assert!(isi.contains("4.370.330.966,58"));
    let xlsx = dir.join("lkjip-jember.xlsx");
    lapor("xlsx", &xlsx, &OPD);
    let buku = bagian_zip(&xlsx, "xl/workbook.xml");
    // A sheet per table, named by its number and caption.
    assert!(
        buku.contains(r#"name="3.2 Pengukuran Kinerja Tahun""#),
        "{buku}"
    );
    assert!(
        buku.contains(r#"name="3.15 Anggaran per sasaran RPJMD""#),
        "{buku}"
    );
    let docx2 = dir.join("lkjip-jember-2.docx");
    lapor("docx", &docx2, &OPD);
    assert_eq!(
        std::fs::read(&docx).unwrap(),
        std::fs::read(&docx2).unwrap()
    );
    std::fs::remove_dir_all(&dir).ok();
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_kabupaten_pages_download_is_the_commands_file() {
    for b in kinerja_simpan::uji::semua_basis().await {
        let toko = Toko::buka(&b.url).await.unwrap();
        let p = Pelaku {
            pengguna: "uji".into(),
            sumber: "uji".into(),
            hak: Hak::Semua,
        };
        // Mumbulsari first: the pemda's data sets copy its instansi records.
        for c in [
            "mumbulsari",
            "pemda-jember/kabupaten",
            "pemda-jember/dinkes",
            "pemda-jember/dispendukcapil",
        ] {
            let d = kinerja_berkas::baca(Path::new(&contoh(c))).unwrap();
            toko.impor(&d, None, ModeImpor::Gabung, &p).await.unwrap();
        }
        toko.tambah_akun(
            &Akun {
                nama: "inspektorat".into(),
                hash: "tidak-dipakai".into(),
                peran: "pereviu".into(),
                instansi: None,
            },
            &p,
        )
        .await
        .unwrap();
        let sesi = kinerja_web::akun::token_acak();
        toko.buat_sesi(
            &kinerja_web::akun::digest(&sesi),
            "inspektorat",
            "csrf",
            time::OffsetDateTime::now_utc() + time::Duration::hours(1),
        )
        .await
        .unwrap();
        let app = kinerja_web::aplikasi(kinerja_web::negara(toko.clone()));
        let folder = std::env::temp_dir().join(format!(
            "kinerja-unduh-pemda-{}-{}",
            std::process::id(),
            b.nama
        ));
        std::fs::create_dir_all(&folder).unwrap();
        // The kabupaten page links the report.
        let (s, h) = unduh(&app, &sesi, "/kabupaten/jember/tahun/2020").await;
        assert_eq!(s, StatusCode::OK);
        let h = String::from_utf8_lossy(&h).into_owned();
        assert!(
            h.contains(r#"<a href="/kabupaten/jember/tahun/2020/laporan.pdf">PDF</a>"#),
            "{h}"
        );
        for format in ["pdf", "xlsx"] {
            let berkas = folder.join(format!("lkjip.{format}"));
            let o = kinerja(&[
                "laporan",
                "--db",
                &b.url,
                "--instansi",
                "jember",
                "--pemda",
                "--tahun",
                "2020",
                "--format",
                format,
                "-o",
                berkas.to_str().unwrap(),
            ]);
            assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
            let (s, dari_web) = unduh(
                &app,
                &sesi,
                &format!("/kabupaten/jember/tahun/2020/laporan.{format}"),
            )
            .await;
            assert_eq!(s, StatusCode::OK, "{}", String::from_utf8_lossy(&dari_web));
            let dari_perintah = std::fs::read(&berkas).unwrap();
            assert!(
                dari_web == dari_perintah,
                "{format}: the web's file ({} bytes) differs from the command's ({} bytes)",
                dari_web.len(),
                dari_perintah.len()
            );
        }
        // The public sees neither the link nor the file while Jember's 2020 is unpublished.
        let anon = Request::builder()
            .uri("/kabupaten/jember/tahun/2020/laporan.pdf")
            .body(Body::empty())
            .unwrap();
        let s = app.clone().oneshot(anon).await.unwrap().status();
        assert!(
            s == StatusCode::FORBIDDEN || s == StatusCode::UNAUTHORIZED,
            "{s}"
        );
        let _ = std::fs::remove_dir_all(&folder);
        toko.tutup().await;
        b.selesai().await;
    }
}
