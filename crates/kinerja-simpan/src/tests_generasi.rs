//! The database's generation: every committed change raises it, in any table and from any
//! connection; reads, no-change writes and rolled-back transactions leave it. The web's page
//! cache relies on exactly this (a page is reused only while the generation is unchanged).

use super::*;
use crate::akun::Akun;
use crate::generasi::{Bacaan, Generasi, catat_bacaan};
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

/// Each data set's version is its own (`Toko::generasi_kini`, read through a second pool that
/// stands for another process): a save raises only the data set it changed, a change of a
/// shared instansi record raises exactly the data sets carrying it, and a new data set carrying
/// the kabupaten record unchanged raises none of the others. The common generation moves with
/// the instansi list and accounts, not with a save.
#[tokio::test]
async fn each_data_set_has_its_own_version() {
    let (a, b, c) = (
        kinerja_sintetis::instansi(0),
        kinerja_sintetis::instansi(1),
        kinerja_sintetis::instansi(2),
    );
    let v = |g: &Generasi, p: &str| g.data.get(p).copied();
    for basis in semua_basis().await {
        let n = basis.nama;
        let t = Toko::buka(&basis.url).await.unwrap();
        let lain = Toko::buka(&basis.url).await.unwrap();
        t.impor(&a, None, ModeImpor::Gabung, &pelaku())
            .await
            .unwrap();
        t.impor(&b, None, ModeImpor::Gabung, &pelaku())
            .await
            .unwrap();
        let g0 = lain.generasi_kini().await.unwrap();
        assert_eq!(v(&g0, "opd-02"), None, "{n}");

        // A new OPD of the same kabupaten: its record of the kabupaten is the stored one.
        t.impor(&c, None, ModeImpor::Gabung, &pelaku())
            .await
            .unwrap();
        let g1 = lain.generasi_kini().await.unwrap();
        assert_eq!(v(&g1, "opd-00"), v(&g0, "opd-00"), "{n}: a new OPD");
        assert_eq!(v(&g1, "opd-01"), v(&g0, "opd-01"), "{n}: a new OPD");
        assert_eq!(v(&g1, "opd-02"), Some(1), "{n}");
        assert!(g1.umum > g0.umum, "{n}: the instansi list changed");

        // A realisasi of opd-00: opd-00 only, and not the common generation.
        let mut r = a.realisasi[0].clone();
        r.nilai = Nilai::parse("7").unwrap();
        assert_ne!(Some(&r), a.realisasi.first(), "{n}: a real change");
        t.simpan_realisasi(&id("opd-00"), vec![r], &pelaku())
            .await
            .unwrap();
        let g2 = lain.generasi_kini().await.unwrap();
        assert_eq!(v(&g2, "opd-00"), v(&g1, "opd-00").map(|x| x + 1), "{n}");
        assert_eq!(v(&g2, "opd-01"), v(&g1, "opd-01"), "{n}: a save of opd-00");
        assert_eq!(v(&g2, "opd-02"), v(&g1, "opd-02"), "{n}: a save of opd-00");
        assert_eq!(g2.umum, g1.umum, "{n}: a save of opd-00");
        assert!(g2.semua > g1.semua, "{n}");

        // A workflow step of opd-01: opd-01 only.
        let th = b.realisasi[0].tahun;
        t.langkah_alur(
            &id("opd-01"),
            th,
            Periode::Tw1,
            crate::akun::Langkah::Ajukan,
            &pelaku(),
        )
        .await
        .unwrap();
        let g3 = lain.generasi_kini().await.unwrap();
        assert_eq!(v(&g3, "opd-00"), v(&g2, "opd-00"), "{n}: a step of opd-01");
        assert_eq!(v(&g3, "opd-01"), v(&g2, "opd-01").map(|x| x + 1), "{n}");
        assert_eq!(v(&g3, "opd-02"), v(&g2, "opd-02"), "{n}: a step of opd-01");
        assert_eq!(g3.umum, g2.umum, "{n}: a step of opd-01");

        // The kabupaten renamed through opd-00's file: every data set carrying it.
        let mut a2 = t.muat(&id("opd-00")).await.unwrap();
        a2.instansi[0].nama = "Kabupaten Sintetis Baru".into();
        t.impor(&a2, None, ModeImpor::Gabung, &pelaku())
            .await
            .unwrap();
        let g4 = lain.generasi_kini().await.unwrap();
        for p in ["opd-00", "opd-01", "opd-02"] {
            assert_eq!(v(&g4, p), v(&g3, p).map(|x| x + 1), "{n}: {p}");
        }
        assert!(g4.umum > g3.umum, "{n}: the instansi list changed");
        assert_eq!(
            lain.muat(&id("opd-02")).await.unwrap().instansi[0].nama,
            "Kabupaten Sintetis Baru",
            "{n}: the other process's copy follows"
        );

        // An account and a session: the common generation, no data set.
        let akun = Akun {
            nama: "op".into(),
            hash: "-".into(),
            peran: "operator".into(),
            instansi: Some(id("opd-00")),
        };
        t.tambah_akun(&akun, &pelaku()).await.unwrap();
        let habis = OffsetDateTime::now_utc() + Duration::hours(1);
        t.buat_sesi("s", "op", "c", habis).await.unwrap();
        let g5 = lain.generasi_kini().await.unwrap();
        assert!(g5.umum > g4.umum, "{n}: a login");
        assert_eq!(g5.data, g4.data, "{n}: a login");

        t.tutup().await;
        lain.tutup().await;
        basis.selesai().await;
    }
}

/// What a piece of work read: a data set's reads mark that data set, session and instansi
/// list reads the common generation, anything else (an audit trail) the database's.
#[tokio::test]
async fn reads_are_recorded_by_what_they_depend_on() {
    let a = kinerja_sintetis::instansi(0);
    for basis in semua_basis().await {
        let n = basis.nama;
        let t = Toko::buka(&basis.url).await.unwrap();
        t.impor(&a, None, ModeImpor::Gabung, &pelaku())
            .await
            .unwrap();
        let p = id("opd-00");
        let ((), b) = catat_bacaan(async {
            t.muat_bersama(&p).await.unwrap();
            t.terbit(&p, None).await.unwrap();
            t.tahun_terbit(&p).await.unwrap();
            t.sesi("tidak-ada").await.unwrap();
            t.daftar_pelapor().await.unwrap();
        })
        .await;
        let mut data = std::collections::BTreeSet::new();
        data.insert("opd-00".to_string());
        assert_eq!(
            b,
            Bacaan {
                semua: false,
                umum: true,
                data
            },
            "{n}"
        );
        let ((), b) = catat_bacaan(async {
            t.jejak(&p, None, None, 10).await.unwrap();
        })
        .await;
        assert!(b.semua, "{n}: an unclassified read depends on everything");
        // A data set not there yet: a read of it depends on its coming.
        let ((), b) = catat_bacaan(async {
            assert!(t.muat_bersama(&id("opd-01")).await.is_err());
        })
        .await;
        let g = t.generasi_kini().await.unwrap();
        let cap = g.cap(&b);
        assert!(g.masih(&cap), "{n}");
        t.impor(
            &kinerja_sintetis::instansi(1),
            None,
            ModeImpor::Gabung,
            &pelaku(),
        )
        .await
        .unwrap();
        assert!(!t.generasi_kini().await.unwrap().masih(&cap), "{n}");
        t.tutup().await;
        basis.selesai().await;
    }
}

/// Concurrent callers share reads of the generations, and each gets one that began after it
/// asked: a write committed before the call is always seen.
#[tokio::test]
async fn a_shared_read_of_the_generations_never_misses_an_earlier_write() {
    let d = contoh();
    for basis in semua_basis().await {
        let n = basis.nama;
        let t = Toko::buka(&basis.url).await.unwrap();
        let lain = Toko::buka(&basis.url).await.unwrap();
        t.impor(&d, None, ModeImpor::Gabung, &pelaku())
            .await
            .unwrap();
        let habis = OffsetDateTime::now_utc() + Duration::hours(1);
        t.tambah_akun(
            &Akun {
                nama: "op".into(),
                hash: "-".into(),
                peran: "pereviu".into(),
                instansi: None,
            },
            &pelaku(),
        )
        .await
        .unwrap();
        for i in 0..20 {
            t.buat_sesi(&format!("s{i}"), "op", "c", habis)
                .await
                .unwrap();
            let tulis = t.generasi().await.unwrap();
            let baca: Vec<_> = (0..16)
                .map(|_| {
                    let lain = lain.clone();
                    tokio::spawn(async move { lain.generasi_kini().await.unwrap().semua })
                })
                .collect();
            for h in baca {
                assert!(h.await.unwrap() >= tulis, "{n}: round {i}");
            }
        }
        t.tutup().await;
        lain.tutup().await;
        basis.selesai().await;
    }
}
