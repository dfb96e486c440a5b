//! The bulk load (`Toko::muat_massal`, PostgreSQL) writes what an import of new data sets
//! writes, refuses what an import refuses or what it does not do (changes), and the store's
//! indicator roll-up is the core's over the same data sets.

use crate::tests::{id, pelaku};
use crate::uji::semua_basis;
use crate::{Galat, ModeImpor, Toko};
use kinerja_core::waktu::Tahun;
use kinerja_core::wilayah;
use kinerja_sintetis::nasional;

/// Rows per table, audit times aside.
async fn isi_tabel(t: &Toko) -> Vec<(String, i64)> {
    let mut v = Vec::new();
    for (nama, sql) in [
        ("instansi", "SELECT COUNT(*) FROM instansi"),
        ("cakupan", "SELECT COUNT(*) FROM cakupan"),
        ("target", "SELECT COUNT(*) FROM target"),
        ("realisasi", "SELECT COUNT(*) FROM realisasi"),
        ("pos_anggaran", "SELECT COUNT(*) FROM pos_anggaran"),
        ("rekaman", "SELECT COUNT(*) FROM rekaman"),
        ("jejak", "SELECT COUNT(*) FROM jejak"),
        // Versions are not compared: an import raises those of the data sets that carry an
        // instansi the new one carries too (it is "added" to this data set), a bulk load does
        // not (nothing they hold changed).
        ("versi_data", "SELECT COUNT(*) FROM versi_data"),
    ] {
        let b = t.kolam.ambil(sql, vec![]).await.unwrap();
        v.push((nama.to_string(), b[0].int(0).unwrap()));
    }
    v
}

#[tokio::test]
async fn a_bulk_load_writes_what_an_import_writes() {
    // Kabupaten 0 and 1 (both of province 0), two OPD each.
    let data: Vec<_> = [(0, 0), (0, 1), (1, 0), (1, 1)]
        .iter()
        .map(|&(k, j)| nasional::opd(k, j))
        .collect();
    for b in semua_basis().await {
        if b.nama != "postgres" {
            // SQLite has no COPY: the bulk load says so and writes nothing.
            let t = Toko::buka(&b.url).await.unwrap();
            let e = t.muat_massal(data.clone(), &pelaku()).await.unwrap_err();
            assert!(e.to_string().contains("hanya untuk PostgreSQL"), "{e}");
            t.tutup().await;
            b.selesai().await;
            continue;
        }
        let t = Toko::buka(&b.url).await.unwrap();
        let g0 = t.generasi().await.unwrap();
        let r = t.muat_massal(data.clone(), &pelaku()).await.unwrap();
        assert!(t.generasi().await.unwrap() > g0, "the generation is raised");
        let per_data: usize = data.iter().map(|d| crate::rekaman::pecah(d).len()).sum();
        assert_eq!((r.data_set, r.rekaman), (4, per_data));
        for (d, (k, j)) in data.iter().zip([(0, 0), (0, 1), (1, 0), (1, 1)]) {
            assert_eq!(&t.muat(&nasional::id_opd(k, j)).await.unwrap(), d);
        }
        // The same data sets imported one by one into a second database: the same rows.
        let b2 = crate::uji::postgres()
            .await
            .expect("a PostgreSQL server, as for `b`");
        let t2 = Toko::buka(&b2.url).await.unwrap();
        for d in &data {
            t2.impor(d, None, ModeImpor::Gabung, &pelaku())
                .await
                .unwrap();
        }
        assert_eq!(isi_tabel(&t).await, isi_tabel(&t2).await);
        // Province 0, instansi 2 kabupaten, 4 OPD; one audit row per record.
        let n = isi_tabel(&t).await;
        assert_eq!(n[0], ("instansi".into(), 1 + 2 + 4));
        assert_eq!(n[6], ("jejak".into(), per_data as i64));
        // Importing it again changes nothing: the store takes the loaded data as its own.
        for d in &data {
            let (_, r) = t
                .impor(d, None, ModeImpor::Gabung, &pelaku())
                .await
                .unwrap();
            assert!(r.tidak_berubah(), "{r:?}");
        }
        // The roll-up of the province from the store equals the core's over the data sets.
        let th = Tahun::new(2021).unwrap();
        let unit: Vec<_> = data.iter().collect();
        let inti = wilayah::rekap_indikator_data(&unit, th);
        let toko = t
            .rekap_indikator_wilayah(Some(&nasional::id_provinsi(0)), th)
            .await
            .unwrap();
        // OPD 0 and OPD 1 have 30 sasaran indicators each (their own ids): 60 rows, each
        // over the 2 OPD that carry it (that OPD in each kabupaten), both reporting; not over
        // all 4 OPD.
        assert_eq!(toko.len(), 60);
        assert!(
            toko.iter()
                .all(|b| (b.rekap.jumlah_unit, b.rekap.melapor) == (2, 2))
        );
        assert_eq!(toko, inti);
        assert_eq!(t.rekap_indikator_wilayah(None, th).await.unwrap(), inti);
        let kab1 = t
            .rekap_indikator_wilayah(Some(&nasional::id_kabupaten(1)), th)
            .await
            .unwrap();
        assert_eq!(kab1, wilayah::rekap_indikator_data(&unit[2..], th));
        t2.tutup().await;
        b2.selesai().await;

        // Loading a data set again is refused whole: the new one in the batch is not written.
        let tabel = isi_tabel(&t).await;
        let e = t
            .muat_massal(vec![nasional::opd(2, 0), data[0].clone()], &pelaku())
            .await
            .unwrap_err();
        assert!(matches!(e, Galat::Alur(_)), "{e}");
        assert!(e.to_string().contains("kab-000-opd-00"), "{e}");
        // An invalid data set refuses the batch; so do two copies of one instansi that differ.
        let mut rusak = nasional::opd(2, 1);
        rusak.target[0].indikator = kinerja_core::id::IndikatorId::new("TIDAK-ADA").unwrap();
        let e = t
            .muat_massal(vec![nasional::opd(2, 0), rusak], &pelaku())
            .await
            .unwrap_err();
        assert!(matches!(e, Galat::TidakSah(_)), "{e}");
        let mut lain = nasional::opd(2, 1);
        lain.instansi[1].nama = "Kabupaten Lain".into();
        let e = t
            .muat_massal(vec![nasional::opd(2, 0), lain], &pelaku())
            .await
            .unwrap_err();
        assert!(matches!(e, Galat::BukanMilik(_)), "{e}");
        // A stored instansi with another value: refused too (a bulk load never changes one).
        let mut berubah = nasional::opd(1, 2);
        berubah.instansi[1].nama = "Kabupaten Berganti Nama".into();
        let e = t.muat_massal(vec![berubah], &pelaku()).await.unwrap_err();
        assert!(matches!(e, Galat::BukanMilik(_)), "{e}");
        assert_eq!(isi_tabel(&t).await, tabel);
        assert!(matches!(
            t.muat(&id("kab-002-opd-00")).await,
            Err(Galat::TidakAda(_))
        ));
        t.tutup().await;
        b.selesai().await;
    }
}

/// The store's roll-up reads the same figures on SQLite (data imported, no COPY there).
#[tokio::test]
async fn the_stores_indicator_roll_up_on_both_backends() {
    let data: Vec<_> = (0..3).map(|k| nasional::opd(k, 5)).collect();
    let th = Tahun::new(2019).unwrap();
    let unit: Vec<_> = data.iter().collect();
    let inti = wilayah::rekap_indikator_data(&unit, th);
    // One OPD (the same dinas) in 3 kabupaten: its 30 indicators over 3 units, all reporting.
    assert_eq!(inti.len(), 30);
    assert!(
        inti.iter()
            .all(|b| b.rekap.melapor == 3 && b.rekap.nilai.is_ok())
    );
    for b in semua_basis().await {
        let t = Toko::buka(&b.url).await.unwrap();
        for d in &data {
            t.impor(d, None, ModeImpor::Gabung, &pelaku())
                .await
                .unwrap();
        }
        assert_eq!(
            t.rekap_indikator_wilayah(Some(&nasional::id_provinsi(0)), th)
                .await
                .unwrap(),
            inti,
            "{}",
            b.nama
        );
        t.tutup().await;
        b.selesai().await;
    }
}
