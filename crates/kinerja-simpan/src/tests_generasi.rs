//! The database's generation: every committed change raises it, in any table and from any
//! connection; reads, no-change writes and rolled-back transactions leave it. The web's page
//! cache relies on exactly this (a page is reused only while the generation is unchanged).

use super::*;
use crate::akun::Akun;
use crate::tests::{contoh, id, pelaku};
use crate::uji::semua_basis;
use kinerja_core::model::Realisasi;
use kinerja_core::nilai::Nilai;
use kinerja_core::waktu::{Periode, Tahun};
use time::{Duration, OffsetDateTime};

#[tokio::test]
async fn every_committed_change_raises_the_generation_and_nothing_else_does() {
    let d = contoh();
    let m = id("mumbulsari");
    for b in semua_basis().await {
        let t = Toko::buka(&b.url).await.unwrap();
        // A second pool on the same database stands for another server process.
        let lain = Toko::buka(&b.url).await.unwrap();
        let g = |x: i64, apa: &str| format!("{}: {apa} (generasi {x})", b.nama);

        let g0 = t.generasi().await.unwrap();
        t.impor(&d, None, ModeImpor::Gabung, &pelaku())
            .await
            .unwrap();
        let g1 = t.generasi().await.unwrap();
        assert!(g1 > g0, "{}", g(g1, "an import"));

        t.impor(&d, None, ModeImpor::Gabung, &pelaku())
            .await
            .unwrap();
        t.muat(&m).await.unwrap();
        t.jejak(&m, None, None, 10).await.unwrap();
        t.daftar_pelapor().await.unwrap();
        assert_eq!(
            t.generasi().await.unwrap(),
            g1,
            "{}",
            g(g1, "a no-change import and reads")
        );

        // A change refused by validation rolls back: no change, no new generation.
        let salah = Realisasi {
            indikator: kinerja_core::id::IndikatorId::new("TIDAK-ADA").unwrap(),
            tahun: Tahun::new(2020).unwrap(),
            periode: Periode::Tahunan,
            nilai: Nilai::parse("1").unwrap(),
            sumber: None,
            catatan: None,
        };
        assert!(
            t.simpan_realisasi(&m, vec![salah], &pelaku())
                .await
                .is_err(),
            "an unknown indicator is refused"
        );
        assert_eq!(
            t.generasi().await.unwrap(),
            g1,
            "{}",
            g(g1, "a refused save")
        );

        // Each kind of writer, through either pool, is seen by the other.
        let mut sebelum = g1;
        let mut naik = |sesudah: i64, apa: &str| {
            assert!(sesudah > sebelum, "{}", g(sesudah, apa));
            sebelum = sesudah;
        };
        let ind = d.realisasi[0].indikator.clone();
        let r = Realisasi {
            indikator: ind,
            tahun: Tahun::new(2021).unwrap(),
            periode: Periode::Tw1,
            nilai: Nilai::parse("7").unwrap(),
            sumber: None,
            catatan: None,
        };
        lain.simpan_realisasi(&m, vec![r], &pelaku()).await.unwrap();
        naik(
            t.generasi().await.unwrap(),
            "a realisasi saved by another pool",
        );
        let akun = Akun {
            nama: "generasi".into(),
            hash: "-".into(),
            peran: "pereviu".into(),
            instansi: None,
        };
        t.tambah_akun(&akun, &pelaku()).await.unwrap();
        naik(lain.generasi().await.unwrap(), "an account");
        let habis = OffsetDateTime::now_utc() + Duration::hours(1);
        t.buat_sesi("digest-generasi", "generasi", "csrf", habis)
            .await
            .unwrap();
        naik(lain.generasi().await.unwrap(), "a login");
        t.hapus_sesi("digest-generasi").await.unwrap();
        naik(lain.generasi().await.unwrap(), "a logout");
        // Written by `INSERT ... RETURNING`, a statement that returns rows.
        t.tambah_token("generasi", "digest-token", "uji", &pelaku())
            .await
            .unwrap();
        naik(lain.generasi().await.unwrap(), "an API token");
        t.tambah_catatan_reviu(&m, Tahun::new(2020).unwrap(), "catatan", &pelaku())
            .await
            .unwrap();
        naik(lain.generasi().await.unwrap(), "a reviewer's note");

        t.tutup().await;
        lain.tutup().await;
        b.selesai().await;
    }
}

/// Writers outside a data set read before they write (who owns the account, how many tokens
/// are left). Forty of them at once, with sessions and reviewers' notes beside them: each one
/// commits; none gets "database is locked".
#[tokio::test]
async fn concurrent_account_writers_all_commit() {
    let d = contoh();
    let m = id("mumbulsari");
    for b in semua_basis().await {
        let t = Toko::buka(&b.url).await.unwrap();
        t.impor(&d, None, ModeImpor::Gabung, &pelaku())
            .await
            .unwrap();
        let op = Akun {
            nama: "op".into(),
            hash: "-".into(),
            peran: "operator".into(),
            instansi: Some(m.clone()),
        };
        t.tambah_akun(&op, &pelaku()).await.unwrap();
        let habis = OffsetDateTime::now_utc() + Duration::hours(1);
        let tugas: Vec<_> = (0..40)
            .map(|i| {
                let (t, m) = (t.clone(), m.clone());
                tokio::spawn(async move {
                    match i % 4 {
                        0 => t
                            .tambah_token("op", &format!("d{i}"), "", &pelaku())
                            .await
                            .map(|_| ()),
                        1 => t.buat_sesi(&format!("s{i}"), "op", "c", habis).await,
                        2 => {
                            t.tambah_catatan_reviu(
                                &m,
                                Tahun::new(2020).unwrap(),
                                &format!("catatan {i}"),
                                &pelaku(),
                            )
                            .await
                        }
                        _ => {
                            let a = Akun {
                                nama: format!("akun{i}"),
                                hash: "-".into(),
                                peran: "pereviu".into(),
                                instansi: None,
                            };
                            t.tambah_akun(&a, &pelaku()).await
                        }
                    }
                })
            })
            .collect();
        for (i, h) in tugas.into_iter().enumerate() {
            let r = h.await.unwrap();
            assert!(r.is_ok(), "{}: writer {i}: {r:?}", b.nama);
        }
        assert_eq!(t.daftar_token(Some("op")).await.unwrap().len(), 10);
        t.tutup().await;
        b.selesai().await;
    }
}
