//! The Laporan Hasil Evaluasi in the web: the answers in the data scored on the bundled 88/2021
//! worksheet, the same figures `kinerja evaluasi` prints, for the instansi's staff and the
//! inspektorat, and the grade on the kabupaten page for them; a year without answers has none.

mod bersama;

use axum::http::{Request, StatusCode};
use kinerja_core::id::InstansiId;
use std::path::Path;

fn mum() -> InstansiId {
    InstansiId::new("mumbulsari").unwrap()
}

#[tokio::test]
async fn the_evaluation_report_of_the_worked_example() {
    for b in kinerja_simpan::uji::semua_basis().await {
        let u = bersama::operator(&b.url).await;
        let jawaban = kinerja_berkas::baca(
            &Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("../../contoh/evaluasi/mumbulsari-2020.toml"),
        )
        .unwrap()
        .jawaban_evaluasi;
        u.toko
            .ubah_data(&mum(), &bersama::pelaku(), |d| {
                let mut d = d.clone();
                d.jawaban_evaluasi = jawaban;
                Ok::<_, ()>(d)
            })
            .await
            .map_err(|_| "setup")
            .unwrap();
        let buka = |jalur: &'static str| {
            bersama::kirim_bait(&u.app, &u.sesi, Request::builder().uri(jalur), vec![])
        };
        // The evaluator's total of the worked example is 61,25 (grade B), computed by hand in
        // crates/kinerja/tests/evaluasi.rs; the OPD's own 71,25 (BB).
        let (s, _, html) = buka("/instansi/mumbulsari/tahun/2020/evaluasi.html").await;
        let html = String::from_utf8_lossy(&html);
        assert_eq!(s, StatusCode::OK, "{}: {html}", b.nama);
        assert!(html.contains("61,25"), "{html}");
        assert!(html.contains("71,25"), "{html}");
        let (s, _, pdf) = buka("/instansi/mumbulsari/tahun/2020/evaluasi.pdf").await;
        assert_eq!(s, StatusCode::OK);
        assert!(pdf.starts_with(b"%PDF"));
        let (s, _, xlsx) = buka("/instansi/mumbulsari/tahun/2020/evaluasi.xlsx").await;
        assert_eq!(s, StatusCode::OK);
        assert!(xlsx.starts_with(b"PK"));
        // The reviu page links the report once the year has answers.
        let (_, _, reviu) = buka("/instansi/mumbulsari/tahun/2020/reviu").await;
        let reviu = String::from_utf8_lossy(&reviu);
        assert!(
            reviu.contains("/instansi/mumbulsari/tahun/2020/evaluasi.pdf"),
            "{reviu}"
        );
        // The kabupaten page gives the grade to those who may read the OPD's reviu.
        let (_, _, kab) = buka("/kabupaten/jember/tahun/2020").await;
        let kab = String::from_utf8_lossy(&kab);
        assert!(kab.contains("Evaluasi AKIP"), "{kab}");
        assert!(kab.contains("61,25 (B)"), "{kab}");
        let (s, _, body) = buka("/instansi/mumbulsari/tahun/2019/evaluasi.pdf").await;
        assert_eq!(
            s,
            StatusCode::NOT_FOUND,
            "{}",
            String::from_utf8_lossy(&body)
        );
    }
}
