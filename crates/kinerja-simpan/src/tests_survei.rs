//! Respondents of the hosted survey, on both backends: stored with one audit row each; a used
//! token, a duplicate answer set from the same address and an address over its limit are
//! refused and write nothing; concurrent submissions of one token store it once.

use super::*;
use crate::tests::{contoh, id, pelaku};
use crate::uji::semua_basis;
use kinerja_core::skm::isian::IsianSurvei;
use kinerja_core::waktu::Tahun;

fn isian(jawaban: &str) -> IsianSurvei {
    let mut f: Vec<(String, String)> = jawaban
        .chars()
        .enumerate()
        .map(|(i, j)| (format!("u{}", i + 1), j.to_string()))
        .collect();
    for (k, v) in [
        ("jenis_kelamin", "Perempuan"),
        ("usia", "20-29"),
        ("pendidikan", "S1"),
        ("pekerjaan", "Swasta"),
    ] {
        f.push((k.into(), v.into()));
    }
    IsianSurvei::baca(&f, Some("ktp")).unwrap()
}

fn baru(token: &str, alamat: &str, jawaban: &str) -> RespondenBaru {
    RespondenBaru {
        instansi: id("mumbulsari"),
        tahun: Tahun::new(2026).unwrap(),
        layanan: "ktp".into(),
        token: token.into(),
        alamat: alamat.into(),
        isian: isian(jawaban),
    }
}

#[tokio::test]
async fn respondents_are_stored_once_and_abuse_is_refused() {
    let m = id("mumbulsari");
    let th = Tahun::new(2026).unwrap();
    let batas = BatasSurvei {
        per_alamat: 3,
        ..BatasSurvei::default()
    };
    for b in semua_basis().await {
        let t = Toko::buka(&b.url).await.unwrap();
        t.impor(&contoh(), None, ModeImpor::Gabung, &pelaku())
            .await
            .unwrap();
        let kunci = t.kunci_survei().await.unwrap();
        assert_eq!(kunci.len(), 64, "{}: 256 bits, hex", b.nama);
        assert!(kunci.bytes().all(|c| c.is_ascii_hexdigit()));
        let jejak0 = t
            .jejak(&m, Some("responden_skm"), None, 100)
            .await
            .unwrap()
            .len();
        assert_eq!(jejak0, 0);
        let p = pelaku();
        let h = t
            .simpan_responden(&baru("t1", "a", "444444444"), &batas, &p)
            .await
            .unwrap();
        assert!(matches!(h, HasilKirim::Disimpan(_)), "{}: {h:?}", b.nama);
        // The same form again, even with other answers: the token is spent.
        let h = t
            .simpan_responden(&baru("t1", "b", "333333333"), &batas, &p)
            .await
            .unwrap();
        assert_eq!(h, HasilKirim::TokenTerpakai, "{}", b.nama);
        // A new form with the very same answers from the same address: a duplicate.
        let h = t
            .simpan_responden(&baru("t2", "a", "444444444"), &batas, &p)
            .await
            .unwrap();
        assert_eq!(h, HasilKirim::Duplikat, "{}", b.nama);
        // ... but from another address it is another respondent.
        let h = t
            .simpan_responden(&baru("t3", "b", "444444444"), &batas, &p)
            .await
            .unwrap();
        assert!(matches!(h, HasilKirim::Disimpan(_)), "{}: {h:?}", b.nama);
        // Address a: 1 stored, then 2 more reach the limit of 3; the fourth is refused.
        for (tok, j) in [("t4", "344444444"), ("t5", "334444444")] {
            let h = t
                .simpan_responden(&baru(tok, "a", j), &batas, &p)
                .await
                .unwrap();
            assert!(matches!(h, HasilKirim::Disimpan(_)), "{}: {h:?}", b.nama);
        }
        let h = t
            .simpan_responden(&baru("t6", "a", "333444444"), &batas, &p)
            .await
            .unwrap();
        assert_eq!(h, HasilKirim::TerlaluSering, "{}", b.nama);
        let r = t.responden_skm(&m, th, None).await.unwrap();
        assert_eq!(r.len(), 4, "{}", b.nama);
        assert_eq!(r[0].isian, isian("444444444"));
        assert_eq!(t.responden_skm(&m, th, Some("kk")).await.unwrap().len(), 0);
        assert_eq!(
            t.responden_skm(&m, Tahun::new(2025).unwrap(), None)
                .await
                .unwrap()
                .len(),
            0
        );
        let j = t.jejak(&m, Some("responden_skm"), None, 100).await.unwrap();
        assert_eq!(
            j.len(),
            4,
            "{}: one audit row per stored respondent",
            b.nama
        );
        assert_eq!(j[0].aksi, "tambah");

        // Twenty submissions of one token at once (a double-click times ten, from several
        // servers): exactly one is stored.
        let mut tugas = Vec::new();
        for i in 0..20 {
            let t = Toko::buka(&b.url).await.unwrap();
            let p = p.clone();
            tugas.push(tokio::spawn(async move {
                t.simpan_responden(
                    &baru("sama", &format!("x{i}"), "222222222"),
                    &BatasSurvei::default(),
                    &p,
                )
                .await
                .unwrap()
            }));
        }
        let mut disimpan = 0;
        for x in tugas {
            match x.await.unwrap() {
                HasilKirim::Disimpan(_) => disimpan += 1,
                h => assert_eq!(h, HasilKirim::TokenTerpakai, "{}", b.nama),
            }
        }
        assert_eq!(disimpan, 1, "{}", b.nama);
        assert_eq!(t.responden_skm(&m, th, None).await.unwrap().len(), 5);
        t.tutup().await;
        b.selesai().await;
    }
}
