//! The realisasi page of a data set with a formula indicator: a field per data element and
//! period, saved through the one write path with the realisasi, the computed capaian shown; a
//! value that is not a number is named at its field and nothing is written.

mod bersama;

use axum::http::{Request, StatusCode};
use kinerja_core::ekspresi::StrategiKosong;
use kinerja_core::id::{DataElemenId, InstansiId};
use kinerja_core::model::*;
use kinerja_simpan::ModeImpor;

const REALISASI: &str = "/instansi/mumbulsari/tahun/2020/realisasi";

/// The example with I-S2-2 (desa that plan on time, target 2020 100 %) computed as
/// desa_tepat_waktu / jumlah_desa x 100.
fn dengan_rumus() -> DataInstansi {
    let mut d = bersama::contoh();
    for e in ["desa_tepat_waktu", "jumlah_desa"] {
        d.data_elemen.push(DataElemen {
            id: DataElemenId::new(e).unwrap(),
            uraian: e.replace('_', " "),
            satuan: Some("desa".into()),
            catatan: None,
        });
    }
    let ind = d
        .indikator
        .iter_mut()
        .find(|i| i.id.as_str() == "I-S2-2")
        .unwrap();
    ind.rumus = Some(Rumus {
        pembilang: EkspresiData::parse("#{desa_tepat_waktu}").unwrap(),
        penyebut: Some(EkspresiData::parse("#{jumlah_desa}").unwrap()),
        pengali: Some(100.into()),
        kosong: StrategiKosong::default(),
    });
    d
}

async fn kirim(u: &bersama::Operator, medan: &[(&str, &str)]) -> (StatusCode, String, String) {
    u.kirim_form(REALISASI, medan).await
}

#[tokio::test]
async fn data_elements_are_entered_on_the_realisasi_page() {
    for b in kinerja_simpan::uji::semua_basis().await {
        let u = bersama::operator(&b.url).await;
        u.toko
            .impor(&dengan_rumus(), None, ModeImpor::Gabung, &bersama::pelaku())
            .await
            .unwrap();
        let (s, _, html) =
            bersama::kirim(&u.app, &u.sesi, Request::builder().uri(REALISASI), vec![]).await;
        assert_eq!(s, StatusCode::OK, "{html}");
        assert!(html.contains(r#"name="d.jumlah_desa.tahunan""#), "{html}");
        assert!(
            html.contains("dihitung dari data elemen: #{desa_tepat_waktu} / #{jumlah_desa} x 100"),
            "{html}"
        );

        // Not a number: named at its field, nothing written.
        let (s, _, html) = kirim(
            &u,
            &[
                ("d.desa_tepat_waktu.tahunan", "enam"),
                ("d.jumlah_desa.tahunan", "7"),
            ],
        )
        .await;
        assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY, "{}: {html}", b.nama);
        assert!(
            html.contains(r#"id="d.desa_tepat_waktu.tahunan-galat""#),
            "{html}"
        );
        let mum = InstansiId::new("mumbulsari").unwrap();
        assert!(u.toko.muat(&mum).await.unwrap().nilai_data.is_empty());

        // 6 of 7 desa: 6 x 100 / 7 = 85,714... -> 85,71; against 100 %: capaian 85,71 %.
        let (s, _, html) = kirim(
            &u,
            &[
                ("d.desa_tepat_waktu.tahunan", "6"),
                ("d.jumlah_desa.tahunan", "7"),
            ],
        )
        .await;
        assert_eq!(s, StatusCode::SEE_OTHER, "{}: {html}", b.nama);
        let d = u.toko.muat(&mum).await.unwrap();
        assert_eq!(d.nilai_data.len(), 2);
        assert_eq!(
            u.toko
                .jejak(&mum, Some("nilai_data"), None, 100)
                .await
                .unwrap()
                .len(),
            2,
            "one audit row per value"
        );
        let (_, _, html) =
            bersama::kirim(&u.app, &u.sesi, Request::builder().uri(REALISASI), vec![]).await;
        assert!(html.contains("85,71"), "{html}");
        assert!(html.contains(r#"value="7""#), "{html}");
        // The IKU page prints the formula beside the decree's formulasi.
        let (s, _, html) = bersama::kirim(
            &u.app,
            &u.sesi,
            Request::builder().uri("/instansi/mumbulsari/tahun/2020/iku"),
            vec![],
        )
        .await;
        assert_eq!(s, StatusCode::OK);
        assert!(
            html.contains("Rumus: <code>#{desa_tepat_waktu} / #{jumlah_desa} x 100</code>"),
            "{html}"
        );
    }
}
