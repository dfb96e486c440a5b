//! The roll-up's summaries stored in the database (`ringkas_rekap`, migration 35) are derived
//! data: a fresh store uses a current one, a save through any store makes every store's next
//! roll-up follow at once, a stale or foreign-format one is made again; the data tables'
//! references to `instansi` are still checked at commit (PostgreSQL: once per statement since
//! migration 35). Both backends.

use crate::basis::P;
use crate::ringkas::FORMAT;
use crate::tests::{id, pelaku};
use crate::tests_rumus::{dengan_rumus, nilai};
use crate::uji::semua_basis;
use crate::{ModeImpor, Toko};
use kinerja_core::waktu::{Periode, Tahun};
use rust_decimal::Decimal;

/// Mumbulsari's 2020 figure of I-S2-2 (a ratio of sums) rolled up over its region, rounded to
/// two places.
async fn rekap(t: &Toko) -> Decimal {
    let r = t
        .rekap_indikator_wilayah(Some(&id("mumbulsari")), Tahun::new(2020).unwrap())
        .await
        .unwrap();
    let b = r.iter().find(|b| b.id == "I-S2-2").unwrap();
    kinerja_core::angka::bulatkan(*b.rekap.nilai.as_ref().unwrap(), 2)
}

/// Mumbulsari's stored 2020 summary: (version, format, JSON).
async fn tersimpan(t: &Toko) -> Option<(i64, i64, String)> {
    let b = t
        .kolam
        .ambil(
            "SELECT versi, format, isi FROM ringkas_rekap WHERE pelapor = 'mumbulsari' AND tahun = 2020",
            vec![],
        )
        .await
        .unwrap();
    b.first()
        .map(|r| (r.int(0).unwrap(), r.int(1).unwrap(), r.teks(2).unwrap()))
}

async fn versi(t: &Toko) -> i64 {
    t.kolam
        .ambil(
            "SELECT versi FROM versi_data WHERE pelapor = 'mumbulsari'",
            vec![],
        )
        .await
        .unwrap()[0]
        .int(0)
        .unwrap()
}

/// Replaces the stored summary's JSON and format, as another program (or a corruption) would.
async fn ganti_tersimpan(t: &Toko, isi: &str, format: i64) {
    let mut tx = t.kolam.mulai().await.unwrap();
    tx.jalankan(
        "UPDATE ringkas_rekap SET isi = $1, format = $2 WHERE pelapor = 'mumbulsari'",
        vec![P::from(isi), P::I(format)],
    )
    .await
    .unwrap();
    tx.selesai().await.unwrap();
}

#[tokio::test]
async fn the_stored_summary_is_used_while_current_and_made_again_when_not() {
    for b in semua_basis().await {
        let satu = Toko::buka(&b.url).await.unwrap();
        satu.impor(&dengan_rumus(), None, ModeImpor::Gabung, &pelaku())
            .await
            .unwrap();
        assert_eq!(tersimpan(&satu).await, None, "{}", b.nama);
        // 6 of 7 desa x 100 = 85,714... -> 85,71; the summary is stored at the data set's
        // version.
        assert_eq!(rekap(&satu).await, Decimal::new(8571, 2), "{}", b.nama);
        let (v, f, isi) = tersimpan(&satu).await.unwrap();
        assert_eq!((v, f), (versi(&satu).await, FORMAT), "{}", b.nama);

        // A second store (another process) reads the stored summary, not the tables: a stored
        // summary altered to 5 of 7 (71,43) while its version is current is what it reports.
        let palsu = isi.replacen("\"pembilang\":\"6\"", "\"pembilang\":\"5\"", 1);
        assert_ne!(
            palsu, isi,
            "{}: the summary holds the numerator: {isi}",
            b.nama
        );
        ganti_tersimpan(&satu, &palsu, FORMAT).await;
        let dua = Toko::buka(&b.url).await.unwrap();
        assert_eq!(rekap(&dua).await, Decimal::new(7143, 2), "{}", b.nama);

        // Another program's format is not trusted: made again from the tables (85,71).
        ganti_tersimpan(&satu, &palsu, FORMAT + 1).await;
        let tiga = Toko::buka(&b.url).await.unwrap();
        assert_eq!(rekap(&tiga).await, Decimal::new(8571, 2), "{}", b.nama);
        assert_eq!(
            tersimpan(&tiga).await.unwrap().2,
            isi,
            "{}: stored again",
            b.nama
        );

        // A save through the second store: jumlah_desa 7 -> 8. Every store's next roll-up
        // follows at once (6 of 8 x 100 = 75), the first one's memory and the stored row
        // being stale, and so does a fresh store.
        dua.simpan_realisasi_dan_data(
            &id("mumbulsari"),
            vec![],
            vec![nilai("jumlah_desa", Periode::Tahunan, 8)],
            &pelaku(),
        )
        .await
        .unwrap();
        assert_eq!(rekap(&satu).await, Decimal::new(7500, 2), "{}", b.nama);
        assert_eq!(rekap(&dua).await, Decimal::new(7500, 2), "{}", b.nama);
        let empat = Toko::buka(&b.url).await.unwrap();
        assert_eq!(rekap(&empat).await, Decimal::new(7500, 2), "{}", b.nama);
        assert_eq!(tersimpan(&empat).await.unwrap().0, versi(&empat).await);

        // A stored summary of an older version is not used by a fresh store either: the
        // stored row put back to the old version (with 5 of 7) gives way to the tables' 75.
        let mut tx = satu.kolam.mulai().await.unwrap();
        tx.jalankan(
            "UPDATE ringkas_rekap SET versi = versi - 1, isi = $1 WHERE pelapor = 'mumbulsari'",
            vec![P::from(palsu.as_str())],
        )
        .await
        .unwrap();
        tx.selesai().await.unwrap();
        let lima = Toko::buka(&b.url).await.unwrap();
        assert_eq!(rekap(&lima).await, Decimal::new(7500, 2), "{}", b.nama);
        for t in [satu, dua, tiga, empat, lima] {
            t.tutup().await;
        }
        b.selesai().await;
    }
}

/// A row naming a missing instansi, or an instansi removed while rows still name it, refuses
/// the transaction at commit; removing both in one transaction, in either order, is allowed.
#[tokio::test]
async fn references_to_instansi_are_checked_at_commit() {
    for b in semua_basis().await {
        let t = Toko::buka(&b.url).await.unwrap();
        t.impor(&dengan_rumus(), None, ModeImpor::Gabung, &pelaku())
            .await
            .unwrap();
        let hitung = |sql: &'static str| {
            let t = &t;
            async move { t.kolam.ambil(sql, vec![]).await.unwrap()[0].int(0).unwrap() }
        };
        for sql in [
            "INSERT INTO realisasi (pelapor, indikator, tahun, periode, nilai, urutan) \
             VALUES ('tidak-ada', 'I-1', 2020, 'tahunan', '1', 0)",
            "INSERT INTO cakupan (pelapor, instansi, urutan) VALUES ('mumbulsari', 'tidak-ada', 9)",
            "UPDATE target SET pelapor = 'tidak-ada'",
            "DELETE FROM instansi WHERE id = 'mumbulsari'",
        ] {
            let mut tx = t.kolam.mulai().await.unwrap();
            tx.jalankan(sql, vec![]).await.unwrap();
            assert!(tx.selesai().await.is_err(), "{}: {sql}", b.nama);
        }
        assert_eq!(
            hitung("SELECT COUNT(*) FROM instansi WHERE id = 'mumbulsari'").await,
            1
        );
        assert_eq!(
            hitung("SELECT COUNT(*) FROM realisasi WHERE pelapor = 'tidak-ada'").await,
            0
        );
        assert!(hitung("SELECT COUNT(*) FROM target WHERE pelapor = 'mumbulsari'").await > 0);
        // A record written before its instansi, in one transaction: allowed (checked at
        // commit, not at the statement).
        let mut tx = t.kolam.mulai().await.unwrap();
        tx.jalankan(
            "INSERT INTO realisasi (pelapor, indikator, tahun, periode, nilai, urutan) \
             VALUES ('baru', 'I-1', 2020, 'tahunan', '1', 0)",
            vec![],
        )
        .await
        .unwrap();
        tx.jalankan(
            "INSERT INTO instansi (id, nama, jenis) VALUES ('baru', 'Baru', 'opd')",
            vec![],
        )
        .await
        .unwrap();
        tx.selesai().await.unwrap();
        // An instansi removed before its records, in one transaction: allowed.
        let mut tx = t.kolam.mulai().await.unwrap();
        for sql in [
            "DELETE FROM instansi WHERE id = 'baru'",
            "DELETE FROM realisasi WHERE pelapor = 'baru'",
        ] {
            tx.jalankan(sql, vec![]).await.unwrap();
        }
        tx.selesai().await.unwrap();
        assert_eq!(
            hitung("SELECT COUNT(*) FROM instansi WHERE id = 'baru'").await,
            0
        );
        if b.nama == "postgres" {
            // TRUNCATE fires no DELETE trigger (migration 37): emptying `instansi` while any of
            // the six data tables still has rows is refused, whichever of them is left out;
            // everything in one command passes.
            const DATA: [&str; 6] = [
                "rekaman",
                "target",
                "realisasi",
                "pos_anggaran",
                "nilai_data",
                "cakupan",
            ];
            // A row in every data table, so that leaving any one out is refused.
            let mut tx = t.kolam.mulai().await.unwrap();
            for sql in [
                "INSERT INTO nilai_data (pelapor, elemen, instansi, tahun, periode, nilai, urutan) \
                 VALUES ('mumbulsari', 'uji', 'mumbulsari', 2020, 'tahunan', '1', 0) \
                 ON CONFLICT DO NOTHING",
                "INSERT INTO cakupan (pelapor, instansi, urutan) \
                 VALUES ('mumbulsari', 'mumbulsari', 9) ON CONFLICT DO NOTHING",
            ] {
                tx.jalankan(sql, vec![]).await.unwrap();
            }
            tx.selesai().await.unwrap();
            for tabel in DATA {
                let mut tx = t.kolam.mulai().await.unwrap();
                let ada = tx
                    .jalankan_rakitan(format!("SELECT 1 FROM {tabel} LIMIT 1"), vec![])
                    .await
                    .unwrap();
                tx.batal().await.unwrap();
                assert_eq!(ada, 1, "{tabel} has a row");
            }
            let instansi = hitung("SELECT COUNT(*) FROM instansi").await;
            assert!(instansi > 0);
            for tinggal in DATA {
                let lain: Vec<&str> = DATA.into_iter().filter(|x| *x != tinggal).collect();
                let sql = format!("TRUNCATE instansi, {} CASCADE", lain.join(", "));
                let mut tx = t.kolam.mulai().await.unwrap();
                let e = tx.jalankan_rakitan(sql.clone(), vec![]).await.unwrap_err();
                assert!(format!("{e:?}").contains(tinggal), "{sql}: {e:?}");
                tx.batal().await.unwrap();
            }
            assert_eq!(hitung("SELECT COUNT(*) FROM instansi").await, instansi);
            let sql = format!("TRUNCATE instansi, {} CASCADE", DATA.join(", "));
            let mut tx = t.kolam.mulai().await.unwrap();
            tx.jalankan_rakitan(sql, vec![]).await.unwrap();
            tx.selesai().await.unwrap();
            assert_eq!(hitung("SELECT COUNT(*) FROM instansi").await, 0);
        }
        t.tutup().await;
        b.selesai().await;
    }
}

/// `FORMAT` says what a stored summary means, and it is raised by hand. So the summary of a data
/// set with a plain and a formula indicator (`dengan_rumus`, 2020), in the stored form, is kept
/// beside the code as `src/ringkas/format-{FORMAT}.json`: a change to `RingkasUnit`'s shape or
/// to what `dari_data` computes for it changes this text, and this test fails until `FORMAT` is
/// raised and the new form written (`KINERJA_TULIS_FORMAT=1`, which never overwrites the file of
/// an existing `FORMAT`). An older program's stored summaries are then made again, not read as
/// the new program's.
#[test]
fn the_stored_summary_changes_only_with_a_new_format() {
    let r =
        kinerja_core::wilayah::RingkasUnit::dari_data(&dengan_rumus(), Tahun::new(2020).unwrap());
    let teks = serde_json::to_string_pretty(&r).unwrap() + "\n";
    let jalur = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
        .join(format!("src/ringkas/format-{FORMAT}.json"));
    let tersimpan = std::fs::read_to_string(&jalur).ok();
    if tersimpan.is_none() && std::env::var_os("KINERJA_TULIS_FORMAT").is_some() {
        std::fs::write(&jalur, &teks).unwrap();
        return;
    }
    let Some(tersimpan) = tersimpan else {
        panic!(
            "{} is missing: write it with KINERJA_TULIS_FORMAT=1",
            jalur.display()
        );
    };
    assert!(
        teks == tersimpan,
        "the stored summary's form changed ({}): raise ringkas::FORMAT, write the new form \
         with KINERJA_TULIS_FORMAT=1 and remove the old file (if only the example's data \
         changed, remove the file and write it again)\n{teks}",
        jalur.display()
    );
}
