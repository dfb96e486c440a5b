//! Data element values (`nilai_data`) have typed columns (migration 34): the table holds
//! exactly the data set's values after every kind of write (an import, the web's single save,
//! a removal, an import that replaces), the audit trail keeps one row per change, the
//! migration moves values stored as JSON records, and the store's roll-up (with its summaries
//! kept by data set version) follows each change at once. Both backends.

use crate::tests::{contoh, id, pelaku};
use crate::tests_rumus::nilai;
use crate::uji::semua_basis;
use crate::{ModeImpor, Toko, tulis};
use kinerja_core::model::*;
use kinerja_core::waktu::{Periode, Tahun};
use rust_decimal::Decimal;

fn dec(s: &str) -> Decimal {
    s.parse().unwrap()
}

/// The formula example of `tests_rumus` (I-S2-2 = desa_tepat_waktu / jumlah_desa x 100, a
/// ratio of sums; 2020 values 3 in the first quarter, 6 of 7 for the year) and a first-quarter
/// jumlah_desa with a trailing zero and thousands, kept exactly as written (1.234,50).
fn dengan_rumus() -> DataInstansi {
    let mut d = crate::tests_rumus::dengan_rumus();
    let mut x = nilai("jumlah_desa", Periode::Tw1, 0);
    x.nilai = dec("1234.50");
    d.nilai_data.push(x);
    d
}

/// The typed rows of Mumbulsari's values, in stored order; and that no JSON record holds one.
async fn baris(t: &Toko) -> Vec<NilaiData> {
    let json = t
        .kolam
        .ambil(
            "SELECT COUNT(*) FROM rekaman WHERE tabel = 'nilai_data'",
            vec![],
        )
        .await
        .unwrap();
    assert_eq!(json[0].int(0).unwrap(), 0, "values are not JSON records");
    t.kolam
        .ambil(
            "SELECT elemen, instansi, tahun, periode, nilai, sumber, catatan FROM nilai_data \
             WHERE pelapor = 'mumbulsari' ORDER BY urutan",
            vec![],
        )
        .await
        .unwrap()
        .iter()
        .map(|b| tulis::nilai_data_dari(b).unwrap())
        .collect()
}

/// Mumbulsari's 2020 figure of I-S2-2 rolled up over its region (itself).
async fn rekap(t: &Toko) -> Option<Decimal> {
    let r = t
        .rekap_indikator_wilayah(Some(&id("mumbulsari")), Tahun::new(2020).unwrap())
        .await
        .unwrap();
    let b = r.iter().find(|b| b.id == "I-S2-2").unwrap();
    assert_eq!(b.rekap.jumlah_unit, 1);
    b.rekap
        .nilai
        .as_ref()
        .ok()
        .map(|x| kinerja_core::angka::bulatkan(*x, 2))
}

#[tokio::test]
async fn the_typed_values_follow_every_write() {
    let d = dengan_rumus();
    let p = id("mumbulsari");
    for b in semua_basis().await {
        let t = Toko::buka(&b.url).await.unwrap();
        // An import: the four values, in file order, exactly (1234.50 keeps its scale).
        t.impor(&d, None, ModeImpor::Gabung, &pelaku())
            .await
            .unwrap();
        assert_eq!(baris(&t).await, d.nilai_data, "{}", b.nama);
        assert_eq!(baris(&t).await[3].nilai.to_string(), "1234.50");
        assert_eq!(t.muat(&p).await.unwrap(), d, "{}: file → db → file", b.nama);
        // The year's values are the tahunan ones: 6 of 7 desa x 100 = 85,714... -> 85,71.
        assert_eq!(rekap(&t).await, Some(dec("85.71")), "{}", b.nama);

        // The web's single save: jumlah_desa 7 -> 8, and a new second quarter.
        let r = t
            .simpan_realisasi_dan_data(
                &p,
                vec![],
                vec![
                    nilai("jumlah_desa", Periode::Tahunan, 8),
                    nilai("desa_tepat_waktu", Periode::Tw2, 4),
                ],
                &pelaku(),
            )
            .await
            .unwrap();
        assert_eq!((r.diubah, r.ditambah), (1, 1), "{}: {r:?}", b.nama);
        let mut harap = d.nilai_data.clone();
        harap[2].nilai = dec("8");
        harap.push(nilai("desa_tepat_waktu", Periode::Tw2, 4));
        assert_eq!(baris(&t).await, harap, "{}", b.nama);
        assert_eq!(t.muat(&p).await.unwrap().nilai_data, harap);
        // The kept summary was made at the old version: the roll-up reads the new value,
        // 6 of 8 x 100 = 75.
        assert_eq!(rekap(&t).await, Some(dec("75.00")), "{}", b.nama);

        // A removal (the whole-data-set door): the first quarter's desa_tepat_waktu goes, its
        // old value kept in the audit trail.
        let r = t
            .ubah_data(&p, &pelaku(), |lama| {
                let mut baru = lama.clone();
                baru.nilai_data.remove(0);
                Ok::<_, ()>(baru)
            })
            .await
            .unwrap();
        assert_eq!(r.dihapus, 1, "{}: {r:?}", b.nama);
        harap.remove(0);
        assert_eq!(baris(&t).await, harap, "{}", b.nama);
        let jejak = t
            .jejak(
                &p,
                Some("nilai_data"),
                Some("desa_tepat_waktu|mumbulsari|2020|tw1"),
                10,
            )
            .await
            .unwrap();
        assert_eq!(
            jejak.iter().map(|j| j.aksi.as_str()).collect::<Vec<_>>(),
            ["hapus", "tambah"],
            "{}",
            b.nama
        );
        assert_eq!(jejak[0].lama.as_ref().unwrap()["nilai"], "3");

        // An import that replaces (`--ganti`): exactly the file's values remain.
        let mut ganti = dengan_rumus();
        ganti.nilai_data = vec![
            nilai("jumlah_desa", Periode::Tahunan, 10),
            nilai("desa_tepat_waktu", Periode::Tahunan, 9),
        ];
        t.impor(&ganti, None, ModeImpor::Ganti, &pelaku())
            .await
            .unwrap();
        assert_eq!(baris(&t).await, ganti.nilai_data, "{}", b.nama);
        assert_eq!(t.muat(&p).await.unwrap(), ganti);
        // 9 of 10 x 100 = 90.
        assert_eq!(rekap(&t).await, Some(dec("90.00")), "{}", b.nama);
        t.tutup().await;
        b.selesai().await;
    }
}

/// Migration 33 moves values stored as JSON records (as every write before it stored them)
/// into the typed table: run its statements again over such a record.
#[tokio::test]
async fn the_migration_moves_json_values_to_their_columns() {
    for b in semua_basis().await {
        let t = Toko::buka(&b.url).await.unwrap();
        t.impor(&contoh(), None, ModeImpor::Gabung, &pelaku())
            .await
            .unwrap();
        let (sql, isi) = match b.nama {
            "postgres" => (
                include_str!("../migrations/postgres/0034_nilai_data.sql"),
                "CAST($1 AS JSONB)",
            ),
            _ => (
                include_str!("../migrations/sqlite/0034_nilai_data.sql"),
                "$1",
            ),
        };
        // As the file form stores it: Indonesian digits, `1.234,5`.
        let json = serde_json::json!({"elemen": "jumlah_desa", "instansi": "mumbulsari",
            "tahun": 2020, "periode": "tw1", "nilai": "1.234,5", "sumber": "BPS"});
        let mut tx = t.kolam.mulai().await.unwrap();
        tx.jalankan_rakitan(
            format!(
                "INSERT INTO rekaman (pelapor, tabel, kunci, isi, urutan) VALUES \
                 ('mumbulsari', 'nilai_data', 'jumlah_desa|mumbulsari|2020|tw1', {isi}, 0)"
            ),
            vec![crate::basis::P::T(json.to_string())],
        )
        .await
        .unwrap();
        // The statements after the table and its index: the move.
        let pindah = &sql[sql.find("INSERT INTO nilai_data").unwrap()..];
        for s in pindah.split(';').filter(|s| !s.trim().is_empty()) {
            tx.jalankan_rakitan(s.to_string(), vec![]).await.unwrap();
        }
        tx.selesai().await.unwrap();
        let mut harap = nilai("jumlah_desa", Periode::Tw1, 0);
        harap.nilai = dec("1234.5");
        harap.sumber = Some("BPS".into());
        assert_eq!(baris(&t).await, vec![harap], "{}", b.nama);
        t.tutup().await;
        b.selesai().await;
    }
}
