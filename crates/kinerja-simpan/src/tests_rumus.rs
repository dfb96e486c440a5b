//! Data elements and formula indicators in the store: file → database → file is lossless, a
//! value is one record with one audit row, and an approved period locks its values.

use crate::akun::Langkah;
use crate::tests::{contoh, id, pelaku};
use crate::uji::semua_basis;
use crate::{Galat, ModeImpor, Toko, rekaman};
use kinerja_core::ekspresi::StrategiKosong;
use kinerja_core::id::DataElemenId;
use kinerja_core::model::*;
use kinerja_core::waktu::{Periode, Tahun};
use rust_decimal::Decimal;

pub(crate) fn nilai(e: &str, periode: Periode, v: i64) -> NilaiData {
    NilaiData {
        elemen: DataElemenId::new(e).unwrap(),
        instansi: id("mumbulsari"),
        tahun: Tahun::new(2020).unwrap(),
        periode,
        nilai: Decimal::from(v),
        sumber: Some("laporan desa".into()),
        catatan: None,
    }
}

/// The example with I-S2-2 a formula indicator with a kondisi awal, two elements and three
/// values (the same element in two periods).
pub(crate) fn dengan_rumus() -> DataInstansi {
    let mut d = contoh();
    for e in ["desa_tepat_waktu", "jumlah_desa"] {
        d.data_elemen.push(DataElemen {
            id: DataElemenId::new(e).unwrap(),
            uraian: e.replace('_', " "),
            satuan: Some("desa".into()),
            catatan: None,
        });
    }
    d.nilai_data = vec![
        nilai("desa_tepat_waktu", Periode::Tw1, 3),
        nilai("desa_tepat_waktu", Periode::Tahunan, 6),
        nilai("jumlah_desa", Periode::Tahunan, 7),
    ];
    let ind = d
        .indikator
        .iter_mut()
        .find(|i| i.id.as_str() == "I-S2-2")
        .unwrap();
    ind.rumus = Some(Rumus {
        pembilang: EkspresiData::parse("#{desa_tepat_waktu}").unwrap(),
        penyebut: Some(EkspresiData::parse("#{jumlah_desa}").unwrap()),
        pengali: Some(Decimal::ONE_HUNDRED),
        kosong: StrategiKosong::LewatiJikaSemuaKosong,
    });
    ind.cara_wilayah = CaraWilayah::RasioJumlah;
    ind.kondisi_awal = Some(kinerja_core::nilai::Nilai::parse("60 %").unwrap());
    assert!(kinerja_core::validasi::periksa(&d).is_empty());
    d
}

#[tokio::test]
async fn formulas_and_data_elements_round_trip_and_lock_with_their_period() {
    let d = dengan_rumus();
    let r = rekaman::pecah(&d);
    let kunci: Vec<&str> = r
        .iter()
        .filter(|x| x.tabel == "nilai_data")
        .map(|x| x.kunci.as_str())
        .collect();
    assert_eq!(
        kunci,
        [
            "desa_tepat_waktu|mumbulsari|2020|tw1",
            "desa_tepat_waktu|mumbulsari|2020|tahunan",
            "jumlah_desa|mumbulsari|2020|tahunan"
        ]
    );
    for b in semua_basis().await {
        let t = Toko::buka(&b.url).await.unwrap();
        let p = id("mumbulsari");
        t.impor(&d, None, ModeImpor::Gabung, &pelaku())
            .await
            .unwrap();
        assert_eq!(t.muat(&p).await.unwrap(), d, "{}: file → db → file", b.nama);

        // One value changed: one record, one audit row.
        let sebelum = t
            .jejak(&p, Some("nilai_data"), None, 100)
            .await
            .unwrap()
            .len();
        let r = t
            .simpan_realisasi_dan_data(
                &p,
                vec![],
                vec![nilai("jumlah_desa", Periode::Tahunan, 8)],
                &pelaku(),
            )
            .await
            .unwrap();
        assert_eq!(r.diubah, 1, "{}: {r:?}", b.nama);
        assert_eq!(
            t.jejak(&p, Some("nilai_data"), None, 100)
                .await
                .unwrap()
                .len(),
            sebelum + 1
        );

        // An approved year locks the year's values.
        let th = Tahun::new(2020).unwrap();
        t.langkah_alur(&p, th, Periode::Tahunan, Langkah::Ajukan, &pelaku())
            .await
            .unwrap();
        t.langkah_alur(&p, th, Periode::Tahunan, Langkah::Setujui, &pelaku())
            .await
            .unwrap();
        let e = t
            .simpan_realisasi_dan_data(
                &p,
                vec![],
                vec![nilai("jumlah_desa", Periode::Tahunan, 9)],
                &pelaku(),
            )
            .await
            .unwrap_err();
        assert!(
            matches!(&e, Galat::Terkunci(m) if m.contains("data elemen jumlah_desa")),
            "{}: {e}",
            b.nama
        );
        // Another period stays open.
        t.simpan_realisasi_dan_data(
            &p,
            vec![],
            vec![nilai("jumlah_desa", Periode::Tw1, 7)],
            &pelaku(),
        )
        .await
        .unwrap();
        t.tutup().await;
        b.selesai().await;
    }
}
