//! A merge on the pages (`contoh/reorganisasi`): Kecamatan A and B merge into C from 2021.
//! C's dashboard shows its indicator's 2020 as A and B rolled up by the indicator's own rule,
//! labelled, and so does Bab III of its downloaded report; the kabupaten page counts in each year only the units that existed then; the public sees a predecessor's
//! year only once that predecessor published it.

mod bersama;

use axum::http::{Request, StatusCode};
use kinerja_core::id::InstansiId;
use kinerja_core::waktu::{Periode, Tahun};
use kinerja_simpan::ModeImpor;
use kinerja_simpan::akun::Langkah;

/// A data set of `contoh/reorganisasi` (its README has the figures by hand).
fn baca(nama: &str) -> kinerja_core::model::DataInstansi {
    kinerja_berkas::baca(
        &std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../../contoh/reorganisasi")
            .join(nama),
    )
    .unwrap()
}

async fn halaman(app: &axum::Router, sesi: &str, jalur: &str) -> String {
    let (s, _, html) = bersama::kirim(app, sesi, Request::builder().uri(jalur), vec![]).await;
    assert_eq!(s, StatusCode::OK, "{jalur}: {html}");
    html
}

/// The rows of the reorganised trend table, tags dropped: "2020 86,36 % gabungan dari ...".
fn baris_riwayat(html: &str) -> Vec<String> {
    let Some(awal) = html.find("h-riwayat") else {
        return Vec::new();
    };
    let bagian = &html[awal..];
    let bagian = &bagian[..bagian.find("</section>").unwrap()];
    bagian
        .split("<tr>")
        .skip(2)
        .map(|tr| {
            let mut teks = String::new();
            let mut dalam = false;
            for c in tr.chars() {
                match c {
                    '<' => {
                        dalam = true;
                        teks.push(' ');
                    }
                    '>' => dalam = false,
                    c if !dalam => teks.push(c),
                    _ => {}
                }
            }
            teks.split_whitespace().collect::<Vec<_>>().join(" ")
        })
        .collect()
}

#[tokio::test]
async fn a_merged_kecamatan_shows_its_predecessors_years() {
    for b in kinerja_simpan::uji::semua_basis().await {
        let toko = kinerja_simpan::Toko::buka(&b.url).await.unwrap();
        let p = bersama::pelaku();
        // 2020: A 1 of 2 desa on time, B 18 of 20. 2021: C 15 of 22.
        for d in ["kec-a.toml", "kec-b.toml", "kec-c.toml"] {
            toko.impor(&baca(d), None, ModeImpor::Gabung, &p)
                .await
                .unwrap();
        }
        // The store's roll-up over every data set (the nation's) counts the same units as
        // the kabupaten page: 2020 A and B (19 / 22 = 86,36 %, 2 of 2), 2021 C alone
        // (15 / 22 = 68,18 %, 1 of 1); counting every data set would say 3 units each year.
        for (t, nilai, unit) in [(2020, "86.36", 2), (2021, "68.18", 1)] {
            let r = toko
                .rekap_indikator_wilayah(None, Tahun::new(t).unwrap())
                .await
                .unwrap();
            assert_eq!(r.len(), 1, "{t}: {r:?}");
            let x = &r[0].rekap;
            assert_eq!((x.jumlah_unit, x.melapor), (unit, unit), "{t}");
            assert_eq!(
                x.nilai.as_ref().unwrap().round_dp(2).to_string(),
                nilai,
                "{t}"
            );
        }
        let (admin, _) = bersama::akun_bersesi(&toko, "adm", "admin", None, "x".into()).await;
        let app = kinerja_web::aplikasi(kinerja_web::negara(toko.clone()));

        // C's dashboard of 2021, for the admin (every year visible). 2020 = (1 + 18) / (2 + 20)
        // x 100 = 1900 / 22 = 86,3636... -> 86,36 % (the mean of 50 % and 90 % would be 70 %),
        // from both predecessors; 2021 C's own 15 x 100 / 22 = 68,1818... -> 68,18 %.
        let html = halaman(&app, &admin, "/instansi/kec-c/tahun/2021").await;
        assert!(
            html.contains(
                "Dibentuk tahun 2021 melalui penggabungan dari Kecamatan A, Kecamatan B \
                 (Peraturan Bupati Contoh Nomor 1 Tahun 2020)."
            ),
            "{}: {html}",
            b.nama
        );
        assert_eq!(
            baris_riwayat(&html),
            vec![
                "Desa yang menyusun dokumen perencanaan tepat waktu 2020 86,36 % gabungan dari \
                 Kecamatan A dan Kecamatan B (rasio jumlah pembilang dan penyebut unit, 2 dari 2 unit melapor)",
                "2021 68,18 % data instansi sendiri",
            ],
            "{}",
            b.nama
        );
        // C's Laporan Kinerja 2021 downloaded: Bab III's earlier years read A and B as the
        // dashboard does (2020: 86,36 %, the source in the table's note), and the report page
        // shows the fingerprint the file prints (it covers A's and B's data sets).
        let lkjip = halaman(&app, &admin, "/instansi/kec-c/tahun/2021/laporan.html").await;
        assert!(
            lkjip.contains("<td class=\"kanan\">86,36</td>"),
            "{}: {lkjip}",
            b.nama
        );
        assert!(
            lkjip.contains(
                "Realisasi 2020: gabungan dari Kecamatan A dan Kecamatan B (rasio jumlah \
                 pembilang dan penyebut unit, 2 dari 2 unit melapor)."
            ),
            "{lkjip}"
        );
        let awal = lkjip.find("sidik data <code>").unwrap() + "sidik data <code>".len();
        let sidik = &lkjip[awal..awal + 12];
        assert_ne!(sidik, kinerja_laporan::sidik(&baca("kec-c.toml")));
        let laman = halaman(&app, &admin, "/instansi/kec-c/tahun/2021/laporan").await;
        assert!(
            laman.contains(&format!("<code class=\"sidik\">{sidik}</code>")),
            "{laman}"
        );

        // A's dashboard has no such section: no reorganisation formed A.
        let html = halaman(&app, &admin, "/instansi/kec-a/tahun/2020").await;
        assert!(!html.contains("h-riwayat"), "{html}");

        // The kabupaten counts the units of each year. 2020: A and B, not C (formed 2021):
        // 86,36 %, 2 of 2 units (counting C would say 2 of 3). 2021: C alone, 68,18 %, 1 of 1
        // (counting A and B would say 1 of 3).
        let html = halaman(&app, &admin, "/kabupaten/kab-gabung/tahun/2020").await;
        assert!(html.contains("86,36 %"), "{html}");
        assert!(
            html.contains("rasio jumlah pembilang dan penyebut unit, 2 dari 2 unit melapor"),
            "{html}"
        );
        assert!(html.contains("Kecamatan A") && !html.contains("Kecamatan C"));
        let html = halaman(&app, &admin, "/kabupaten/kab-gabung/tahun/2021").await;
        assert!(html.contains("68,18 %"), "{html}");
        assert!(
            html.contains("rasio jumlah pembilang dan penyebut unit, 1 dari 1 unit melapor"),
            "{html}"
        );
        assert!(!html.contains("Kecamatan A") && html.contains("Kecamatan C"));

        // Public: C's 2021 and A's 2020 published, B's 2020 not. C's 2020 is A's figure with
        // B a unit that did not report: 1 x 100 / 2 = 50,00 %, 1 of 2 units.
        let id = |s: &str| InstansiId::new(s).unwrap();
        let th = |t| Tahun::new(t).unwrap();
        for (i, t) in [("kec-c", 2021), ("kec-a", 2020)] {
            for l in [Langkah::Ajukan, Langkah::Setujui] {
                toko.langkah_alur(&id(i), th(t), Periode::Tahunan, l, &p)
                    .await
                    .unwrap();
            }
        }
        let html = halaman(&app, "", "/instansi/kec-c/tahun/2021").await;
        assert_eq!(
            baris_riwayat(&html),
            vec![
                "Desa yang menyusun dokumen perencanaan tepat waktu 2020 50,00 % gabungan dari \
                 Kecamatan A dan Kecamatan B (rasio jumlah pembilang dan penyebut unit, 1 dari 2 unit melapor)",
                "2021 68,18 % data instansi sendiri",
            ],
            "{}",
            b.nama
        );
        assert!(
            !html.contains("86,36"),
            "B's unpublished 2020 leaked: {html}"
        );
        b.selesai().await;
    }
}
