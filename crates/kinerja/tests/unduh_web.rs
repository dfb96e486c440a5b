//! The web's report downloads are the command's files: `laporan.pdf`, `.docx`, `.xlsx` and the
//! HTML preview from `/instansi/{id}/tahun/{tahun}/...` are byte for byte what `kinerja laporan
//! --db ... --instansi ...` writes for the same data in the same database; the final report is
//! refused by both while the reviu has open `galat`, and the draft of both is the `--paksa` one.

#[path = "bersama/web.rs"]
mod web;

use axum::http::StatusCode;
use kinerja_simpan::akun::Akun;
use kinerja_simpan::{Hak, ModeImpor, Pelaku, Toko};
use std::path::PathBuf;
use std::process::{Command, Output};
use web::unduh;

fn contoh() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../contoh/mumbulsari")
}

fn kinerja(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_kinerja"))
        .args(args)
        .env_remove("KINERJA_DB")
        .output()
        .expect("run kinerja")
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn web_downloads_are_the_commands_files_byte_for_byte() {
    let b = kinerja_simpan::uji::sqlite();
    let toko = Toko::buka(&b.url).await.unwrap();
    let p = Pelaku {
        pengguna: "uji".into(),
        sumber: "uji".into(),
        hak: Hak::Semua,
    };
    let d = kinerja_berkas::baca(&contoh()).unwrap();
    toko.impor(&d, None, ModeImpor::Gabung, &p).await.unwrap();
    toko.tambah_akun(
        &Akun {
            nama: "op".into(),
            hash: "tidak-dipakai".into(),
            peran: "operator".into(),
            instansi: Some(kinerja_core::id::InstansiId::new("mumbulsari").unwrap()),
        },
        &p,
    )
    .await
    .unwrap();
    let sesi = kinerja_web::akun::token_acak();
    toko.buat_sesi(
        &kinerja_web::akun::digest(&sesi),
        "op",
        "csrf",
        time::OffsetDateTime::now_utc() + time::Duration::hours(1),
    )
    .await
    .unwrap();
    let app = kinerja_web::aplikasi(kinerja_web::negara(toko.clone()));
    let folder = std::env::temp_dir().join(format!("kinerja-unduh-{}", std::process::id()));
    std::fs::create_dir_all(&folder).unwrap();
    let dasar = "/instansi/mumbulsari/tahun/2020/laporan";

    // The example's reviu has open galat (its published LKjIP states figures that do not add
    // up): the command refuses the final report, and so does the web.
    let akhir = folder.join("akhir.pdf");
    let o = kinerja(&[
        "laporan",
        "--db",
        &b.url,
        "--instansi",
        "mumbulsari",
        "--tahun",
        "2020",
        "-o",
        akhir.to_str().unwrap(),
    ]);
    assert_eq!(
        o.status.code(),
        Some(1),
        "the command refuses the final report"
    );
    let (s, isi) = unduh(&app, &sesi, &format!("{dasar}.pdf")).await;
    assert_eq!(s, StatusCode::CONFLICT, "{}", String::from_utf8_lossy(&isi));
    assert!(String::from_utf8_lossy(&isi).contains("galat terbuka"));

    let mut sidik = String::new();
    for format in ["pdf", "docx", "xlsx", "html"] {
        let berkas = folder.join(format!("lkjip.{format}"));
        let o = kinerja(&[
            "laporan",
            "--db",
            &b.url,
            "--instansi",
            "mumbulsari",
            "--tahun",
            "2020",
            "--format",
            format,
            "--paksa",
            "-o",
            berkas.to_str().unwrap(),
        ]);
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
        let keluaran = String::from_utf8_lossy(&o.stdout).into_owned();
        sidik = keluaran
            .split("sidik data ")
            .nth(1)
            .unwrap()
            .trim_end_matches(|c: char| !c.is_ascii_hexdigit())
            .to_string();
        let (s, dari_web) = unduh(&app, &sesi, &format!("{dasar}.{format}?draf=1")).await;
        assert_eq!(s, StatusCode::OK, "{format}");
        let dari_perintah = std::fs::read(&berkas).unwrap();
        assert!(
            dari_web == dari_perintah,
            "{format}: the web's file ({} bytes) differs from the command's ({} bytes)",
            dari_web.len(),
            dari_perintah.len()
        );
    }
    // The page names the fingerprint the files carry.
    assert_eq!(sidik.len(), 12, "{sidik}");
    let (s, halaman) = unduh(&app, &sesi, dasar).await;
    assert_eq!(s, StatusCode::OK);
    assert!(String::from_utf8_lossy(&halaman).contains(&sidik));

    let _ = std::fs::remove_dir_all(&folder);
    toko.tutup().await;
    b.selesai().await;
}
