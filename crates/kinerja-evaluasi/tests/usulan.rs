//! Proposals from the bundled example (Kecamatan Mumbulsari 2020), counted by hand from
//! contoh/mumbulsari.

use kinerja_core::model::{Bukti, DataInstansi, JawabanEvaluasi, StatusTindakLanjut, TindakLanjut};
use kinerja_core::waktu::Tahun;
use kinerja_evaluasi::{Cek, KonteksUsulan, Usulan, bawaan, usulkan};
use std::path::Path;

fn contoh() -> DataInstansi {
    let p = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../contoh/mumbulsari");
    kinerja_berkas::baca(&p).unwrap()
}

fn th(t: i64) -> Tahun {
    Tahun::new(t).unwrap()
}

fn cari(u: &[Usulan], cek: Cek) -> &Usulan {
    u.iter().find(|x| x.cek == cek).unwrap()
}

#[test]
fn mumbulsari_2020() {
    let lke = bawaan();
    let d = contoh();
    let u = usulkan(
        &lke,
        &d,
        th(2020),
        &KonteksUsulan {
            galat_reviu_terbuka: Some(0),
        },
    );

    // renstra.toml: Renstra 2016-2021 set by "Peraturan Bupati Nomor 26 Tahun 2016": 2 of 2
    // items -> BB ("semua"; AA and A need sustained years and are never proposed).
    let r = cari(&u, Cek::RenstraDisetujui);
    assert_eq!((r.kriteria.as_str(), r.ya, r.dari), ("1.a.3", 2, 2));
    assert_eq!(r.jawaban.as_deref(), Some("BB"));
    assert!(matches!(&r.bukti[..], [Bukti::Dokumen(x)] if x.starts_with("renstra/")));

    // pk-2020.toml: pihak pertama soponjono and pihak kedua faida are in instansi.toml, dated
    // "Februari 2020", within the default deadline (month 2): 3 of 3 -> BB.
    let pk = cari(&u, Cek::PkDitandatangani);
    assert_eq!((pk.ya, pk.dari), (3, 3));
    assert_eq!(pk.jawaban.as_deref(), Some("BB"));
    assert_eq!(
        pk.bukti,
        [Bukti::Dokumen("perjanjian_kinerja/pk-2020".into())]
    );

    // iku.toml: the decree dated "Januari 2021" is not in force in 2020; the undated
    // "05 Tahun 2019" is: 3 rows x (formula, responsible unit, source) = 9 of 9 -> BB.
    let iku = cari(&u, Cek::IkuLengkap);
    assert_eq!((iku.ya, iku.dari), (9, 9));
    assert_eq!(iku.bukti, [Bukti::Dokumen("iku/iku-2019".into())]);

    // pengukuran-2020.toml has only annual realisasi: 3 PK indicators x 4 triwulan = 12 items,
    // none met -> E.
    let rt = cari(&u, Cek::RealisasiTriwulan);
    assert_eq!((rt.ya, rt.dari), (0, 12));
    assert_eq!(rt.jawaban.as_deref(), Some("E"));

    // laporan-2020.toml: dated "Januari 2021", signed by haidori, reviu without open galat:
    // 3 of 3 -> BB. With 2 open galat: 2 of 3 = 66,7 % (> 50, not > 75) -> CC.
    let l = cari(&u, Cek::LkjipTerbit);
    assert_eq!((l.ya, l.dari, l.jawaban.as_deref()), (3, 3, Some("BB")));
    let u2 = usulkan(
        &lke,
        &d,
        th(2020),
        &KonteksUsulan {
            galat_reviu_terbuka: Some(2),
        },
    );
    let l = cari(&u2, Cek::LkjipTerbit);
    assert_eq!((l.ya, l.dari, l.jawaban.as_deref()), (2, 3, Some("CC")));
    assert!(l.alasan.iter().any(|a| a.contains("2 galat terbuka")));
    // Without the reviu's result the item is not judged and says so.
    let u3 = usulkan(&lke, &d, th(2020), &KonteksUsulan::default());
    let l = cari(&u3, Cek::LkjipTerbit);
    assert_eq!((l.ya, l.dari), (2, 2));
    assert!(l.alasan.iter().any(|a| a.contains("tidak diberikan")));

    // No evaluation of 2019 in the data: nothing to propose.
    let rek = cari(&u, Cek::RekomendasiDitindaklanjuti);
    assert_eq!((rek.dari, rek.jawaban.as_deref()), (0, None));

    // 2021: no PK, no laporan.
    let u = usulkan(&lke, &d, th(2021), &KonteksUsulan::default());
    let pk = cari(&u, Cek::PkDitandatangani);
    assert_eq!((pk.ya, pk.dari, pk.jawaban.as_deref()), (0, 1, Some("E")));
}

#[test]
fn a_late_pk_and_last_year_s_recommendations() {
    let lke = bawaan();
    let mut d = contoh();
    // Signed in March, past the default deadline (month 2): 2 of 3 = 66,7 % -> CC.
    d.perjanjian_kinerja[0].tanggal =
        Some(kinerja_core::waktu::Tanggal::parse("15 Maret 2020").unwrap());
    // Three recommendations of 2019: one done, one in progress, one without follow-up:
    // 1 of 3 = 33,3 % (> 25, not > 50) -> C.
    for (k, s) in [
        ("1.a.1", Some(StatusTindakLanjut::Selesai)),
        ("1.b.1", Some(StatusTindakLanjut::Berjalan)),
        ("2.a.1", None),
    ] {
        d.jawaban_evaluasi.push(JawabanEvaluasi {
            tahun: th(2019),
            kriteria: k.into(),
            opd: None,
            evaluator: None,
            rekomendasi: Some("Lengkapi dokumen".into()),
            tindak_lanjut: s.map(|status| TindakLanjut {
                status,
                uraian: None,
            }),
        });
    }
    let u = usulkan(&lke, &d, th(2020), &KonteksUsulan::default());
    let pk = cari(&u, Cek::PkDitandatangani);
    assert_eq!((pk.ya, pk.dari, pk.jawaban.as_deref()), (2, 3, Some("CC")));
    assert!(pk.alasan.iter().any(|a| a.contains("melewati")));
    let rek = cari(&u, Cek::RekomendasiDitindaklanjuti);
    assert_eq!(
        (rek.ya, rek.dari, rek.jawaban.as_deref()),
        (1, 3, Some("C"))
    );
    // The 2020 result carries the three with their status into the report.
    let lembar = kinerja_evaluasi::jawaban::baca(&lke, &d, th(2020)).unwrap();
    let h = kinerja_evaluasi::nilai(&lembar, &u);
    let lalu: Vec<_> = h
        .rekomendasi_lalu
        .iter()
        .map(|r| (r.kriteria.as_str(), r.status))
        .collect();
    assert_eq!(
        lalu,
        [
            ("1.a.1", Some(StatusTindakLanjut::Selesai)),
            ("1.b.1", Some(StatusTindakLanjut::Berjalan)),
            ("2.a.1", None),
        ]
    );
}

#[test]
fn an_evaluator_s_override_keeps_the_proposal_beside_it() {
    use kinerja_evaluasi::catat::{Isian, catat};
    use kinerja_evaluasi::skor::Pihak;
    let lke = bawaan();
    let d = contoh();
    let u = usulkan(&lke, &d, th(2020), &KonteksUsulan::default());
    // The data proposes E for 2.b.4 (no triwulan realisasi); the evaluator answers CC.
    let usul = u.iter().find(|x| x.kriteria == "2.b.4");
    let isian = |pihak, jawaban: &str| Isian {
        tahun: th(2020),
        kriteria: "2.b.4".into(),
        pihak,
        jawaban: jawaban.into(),
        catatan: Some("Pemantauan triwulanan dilaporkan dalam rapat staf.".into()),
        bukti: vec![Bukti::Dokumen("laporan/lkjip-2020".into())],
        rekomendasi: None,
    };
    let d1 = catat(&lke, &d, isian(Pihak::Opd, "B"), usul).unwrap();
    let d2 = catat(&lke, &d1, isian(Pihak::Evaluator, "CC"), usul).unwrap();
    assert_eq!(d2.jawaban_evaluasi.len(), 1);
    let j = &d2.jawaban_evaluasi[0];
    assert_eq!(j.opd.as_ref().unwrap().jawaban, "B");
    assert_eq!(j.opd.as_ref().unwrap().usulan, None);
    let ev = j.evaluator.as_ref().unwrap();
    assert_eq!(
        (ev.jawaban.as_str(), ev.usulan.as_deref()),
        ("CC", Some("E"))
    );
    assert!(kinerja_core::validasi::periksa(&d2).is_empty());
    // Off the scale, or an unknown criterion: refused, nothing changed.
    let e = catat(&lke, &d2, isian(Pihak::Evaluator, "Y"), usul).unwrap_err();
    assert_eq!(
        e,
        "\"Y\" bukan jawaban skala \"aa-e\" kriteria 2.b.4: pilih salah satu dari AA, A, BB, B, CC, C, D, E"
    );
    let mut salah = isian(Pihak::Opd, "B");
    salah.kriteria = "9.a.1".into();
    assert!(
        catat(&lke, &d2, salah, None)
            .unwrap_err()
            .contains("\"9.a.1\" tidak ada")
    );
}

#[test]
fn evidence_must_name_a_document_the_data_holds() {
    use kinerja_evaluasi::catat::periksa_bukti;
    let d = contoh();
    assert_eq!(
        periksa_bukti(&d, &Bukti::Dokumen("perjanjian_kinerja/pk-2020".into())),
        Ok(())
    );
    assert_eq!(
        periksa_bukti(&d, &Bukti::Dokumen("perjanjian_kinerja/pk-2019".into())),
        Err("bukti \"perjanjian_kinerja/pk-2019\": tidak ada perjanjian_kinerja dengan id \"pk-2019\" dalam data".into())
    );
    assert!(
        periksa_bukti(&d, &Bukti::Dokumen("rapat/2020".into()))
            .unwrap_err()
            .contains("tulis tabel/id")
    );
}
