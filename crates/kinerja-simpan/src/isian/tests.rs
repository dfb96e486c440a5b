//! The entry doors that write whole records or withdraw them, on both backends.

use crate::tests::{contoh, id, pelaku};
use crate::uji::semua_basis;
use crate::{Galat, ModeImpor, Toko};
use kinerja_core::id::IndikatorId;
use kinerja_core::model::PenerimaanTemuan;
use kinerja_core::waktu::{Periode, Tahun};

fn kunci(ind: &str) -> (IndikatorId, Tahun, Periode) {
    (
        IndikatorId::new(ind).unwrap(),
        Tahun::new(2020).unwrap(),
        Periode::Tahunan,
    )
}

#[tokio::test]
async fn a_withdrawn_realisasi_is_gone_and_its_old_value_stays_in_the_trail() {
    let d = contoh();
    let m = id("mumbulsari");
    let lama = d
        .realisasi
        .iter()
        .find(|r| r.indikator.as_str() == "I-S1-1" && r.periode == Periode::Tahunan)
        .expect("the example has I-S1-1's annual realisasi 2020")
        .clone();
    for b in semua_basis().await {
        let t = Toko::buka(&b.url).await.unwrap();
        t.impor(&d, None, ModeImpor::Gabung, &pelaku())
            .await
            .unwrap();
        let r = t
            .hapus_realisasi(&m, &[kunci("I-S1-1")], &pelaku())
            .await
            .unwrap();
        assert_eq!((r.dihapus, r.ditambah, r.diubah), (1, 0, 0), "{}", b.nama);
        let sesudah = t.muat(&m).await.unwrap();
        assert_eq!(sesudah.realisasi.len(), d.realisasi.len() - 1);
        assert!(!sesudah.realisasi.contains(&lama));
        let jejak = t
            .jejak(&m, Some("realisasi"), Some("I-S1-1|2020|tahunan"), 10)
            .await
            .unwrap();
        assert_eq!(jejak[0].aksi, "hapus", "{}", b.nama);
        assert_eq!(jejak[0].lama, Some(serde_json::to_value(&lama).unwrap()));
        assert_eq!(jejak[0].baru, None);
        // Withdrawing what is not there is no change.
        let r = t
            .hapus_realisasi(&m, &[kunci("I-S1-1")], &pelaku())
            .await
            .unwrap();
        assert!(r.tidak_berubah(), "{r:?}");
        t.tutup().await;
        b.selesai().await;
    }
}

#[tokio::test]
async fn an_approved_year_refuses_a_withdrawal() {
    let d = contoh();
    let m = id("mumbulsari");
    let th = Tahun::new(2020).unwrap();
    for b in semua_basis().await {
        let t = Toko::buka(&b.url).await.unwrap();
        t.impor(&d, None, ModeImpor::Gabung, &pelaku())
            .await
            .unwrap();
        for l in [crate::akun::Langkah::Ajukan, crate::akun::Langkah::Setujui] {
            t.langkah_alur(&m, th, Periode::Tahunan, l, &pelaku())
                .await
                .unwrap();
        }
        let e = t
            .hapus_realisasi(&m, &[kunci("I-S1-1")], &pelaku())
            .await
            .unwrap_err();
        assert!(matches!(e, Galat::Terkunci(_)), "{}: {e}", b.nama);
        assert_eq!(t.muat(&m).await.unwrap(), d, "{}: nothing changed", b.nama);
        t.tutup().await;
        b.selesai().await;
    }
}

#[tokio::test]
async fn the_narrative_and_an_acceptance_are_saved_and_audited() {
    let d = contoh();
    let m = id("mumbulsari");
    for b in semua_basis().await {
        let t = Toko::buka(&b.url).await.unwrap();
        t.impor(&d, None, ModeImpor::Gabung, &pelaku())
            .await
            .unwrap();
        let mut lap = d.laporan[0].clone();
        lap.kata_pengantar = "Kata pengantar yang baru.".into();
        let r = t.simpan_laporan(&m, lap.clone(), &pelaku()).await.unwrap();
        assert_eq!((r.diubah, r.ditambah), (1, 0), "{}", b.nama);
        let p = PenerimaanTemuan {
            aturan: "ANGGARAN-TERCATAT".into(),
            kunci: "k|2020".into(),
            alasan: "salah ketik pada dokumen asli".into(),
            oleh: Some("inspektorat".into()),
            tanggal: None,
        };
        let r = t.terima_temuan(&m, p.clone(), &pelaku()).await.unwrap();
        assert_eq!(r.ditambah, 1, "{}", b.nama);
        let sesudah = t.muat(&m).await.unwrap();
        assert_eq!(sesudah.laporan[0], lap);
        assert!(sesudah.reviu.contains(&p));
        let jejak = t.jejak(&m, Some("reviu"), None, 10).await.unwrap();
        assert_eq!(jejak[0].aksi, "tambah");
        let jejak = t.jejak(&m, Some("laporan"), None, 10).await.unwrap();
        assert_eq!(jejak[0].aksi, "ubah");
        t.tutup().await;
        b.selesai().await;
    }
}

#[tokio::test]
async fn an_import_preview_lists_what_the_import_then_does() {
    use crate::pratinjau_impor;
    let d = contoh();
    let m = id("mumbulsari");
    let mut berkas = d.clone();
    // One value changed, one record added, one left out of the file.
    berkas.realisasi[0].nilai = kinerja_core::nilai::Nilai::parse("12,5").unwrap();
    let mut tambahan = berkas.realisasi[0].clone();
    tambahan.periode = Periode::Tw3;
    tambahan.tahun = Tahun::new(2020).unwrap();
    berkas.realisasi.retain(|r| {
        !(r.indikator == tambahan.indikator
            && r.tahun == tambahan.tahun
            && r.periode == Periode::Tw3)
    });
    berkas.realisasi.push(tambahan);
    let hilang = berkas
        .tercatat
        .pop()
        .expect("the example has stated figures");
    for b in semua_basis().await {
        for mode in [ModeImpor::Gabung, ModeImpor::Ganti] {
            let t = Toko::buka(&b.url).await.unwrap();
            // The example, whatever the previous mode's import left.
            t.impor(&d, None, ModeImpor::Ganti, &pelaku())
                .await
                .unwrap();
            let (beda, hasil) = pratinjau_impor(&t.muat(&m).await.unwrap(), &berkas, mode).unwrap();
            let n = |a: &str| beda.iter().filter(|x| x.aksi == a).count();
            assert_eq!(n("ubah"), 1, "{mode:?}: {beda:?}");
            assert_eq!(n("tambah"), 1, "{mode:?}");
            // Only a replacing import removes what the file leaves out.
            let hapus = usize::from(mode == ModeImpor::Ganti);
            assert_eq!(n("hapus"), hapus, "{mode:?}");
            if mode == ModeImpor::Ganti {
                let h = beda.iter().find(|x| x.aksi == "hapus").unwrap();
                assert_eq!(h.lama, Some(serde_json::to_value(&hilang).unwrap()));
            }
            let ubah = beda.iter().find(|x| x.aksi == "ubah").unwrap();
            assert_eq!(ubah.tabel, "realisasi");
            assert_eq!(ubah.baru.as_ref().unwrap()["nilai"], "12,5");
            let (_, r) = t.impor(&berkas, Some(&m), mode, &pelaku()).await.unwrap();
            assert_eq!(
                (r.diubah, r.ditambah, r.dihapus),
                (1, 1, hapus),
                "{}",
                b.nama
            );
            assert_eq!(
                t.muat(&m).await.unwrap(),
                hasil,
                "the preview's result is the import's"
            );
            t.tutup().await;
        }
        b.selesai().await;
    }
}
