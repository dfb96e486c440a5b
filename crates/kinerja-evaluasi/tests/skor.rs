//! Scores and grades, computed by hand in the comments.

use kinerja_core::model::{DataInstansi, JawabanEvaluasi, Penilaian};
use kinerja_core::waktu::Tahun;
use kinerja_evaluasi::jawaban::baca as baca_jawaban;
use kinerja_evaluasi::skor::Pihak;
use kinerja_evaluasi::{Predikat, Temuan, baca, bawaan, nilai};
use rust_decimal::Decimal;
use rust_decimal_macros::dec;

fn th() -> Tahun {
    Tahun::new(2022).unwrap()
}

fn p(kode: &str) -> Penilaian {
    Penilaian {
        jawaban: kode.into(),
        catatan: None,
        bukti: Vec::new(),
        usulan: None,
    }
}

/// The evaluator answers `kode` (the OPD `opd`) for every criterion of the bundled worksheet,
/// except those listed in `lain`.
fn semua(kode: &str, opd: &str, lain: &[(&str, &str)]) -> DataInstansi {
    let lke = bawaan();
    DataInstansi {
        jawaban_evaluasi: lke
            .semua_kriteria()
            .map(|(_, _, c)| JawabanEvaluasi {
                tahun: th(),
                kriteria: c.id.clone(),
                opd: Some(p(opd)),
                evaluator: Some(p(lain
                    .iter()
                    .find(|(id, _)| *id == c.id)
                    .map(|(_, k)| *k)
                    .unwrap_or(kode))),
                rekomendasi: None,
                tindak_lanjut: None,
            })
            .collect(),
        ..Default::default()
    }
}

#[test]
fn grade_boundaries_belong_to_the_grade_below() {
    // PermenPANRB 88/2021: AA >90-100, A >80-90, BB >70-80, B >60-70, CC >50-60, C >30-50,
    // D 0-30. Read on the printed total (2 decimals, half away from zero).
    let kasus = [
        (dec!(100), Predikat::Aa),
        (dec!(90.01), Predikat::Aa),
        (dec!(90.005), Predikat::Aa),   // prints 90,01
        (dec!(90.004999), Predikat::A), // prints 90,00
        (dec!(90), Predikat::A),
        (dec!(80.01), Predikat::A),
        (dec!(80), Predikat::Bb),
        (dec!(70.01), Predikat::Bb),
        (dec!(70), Predikat::B),
        (dec!(60.01), Predikat::B),
        (dec!(60), Predikat::Cc),
        (dec!(50.01), Predikat::Cc),
        (dec!(50), Predikat::C),
        (dec!(30.01), Predikat::C),
        (dec!(30), Predikat::D),
        (dec!(0), Predikat::D),
    ];
    for (n, harap) in kasus {
        assert_eq!(Predikat::dari(n), harap, "{n}");
    }
    assert_eq!(Predikat::Bb.kode(), "BB");
    assert_eq!(Predikat::Aa.arti(), "Sangat Memuaskan");
    assert_eq!(Predikat::D.arti(), "Sangat Kurang");
}

#[test]
fn every_answer_bb_scores_80_and_grades_bb() {
    // Every criterion BB = 80 of 100: each sub-component scores 80 % of its weight, and the
    // weights sum to 100, so the total is 80,00: the lower bound of A, so BB. The OPD answers A
    // (90) everywhere: 90,00, the lower bound of AA, so A.
    let lke = bawaan();
    let d = semua("BB", "A", &[]);
    let h = nilai(&baca_jawaban(&lke, &d, th()).unwrap(), &[]);
    assert_eq!(h.total.evaluator, dec!(80));
    assert_eq!(h.predikat(), Predikat::Bb);
    assert_eq!(h.total.opd, dec!(90));
    assert_eq!(h.predikat_opd(), Predikat::A);
    // Perencanaan: 30 x 0,8 = 24; its kualitas sub-component 9 x 0,8 = 7,2.
    assert_eq!(h.komponen[0].nilai.evaluator, dec!(24));
    assert_eq!(h.komponen[0].sub[1].nilai.evaluator, dec!(7.2));
    assert_eq!(h.komponen[0].sub[1].persen.evaluator, dec!(80));
    assert!(h.temuan.is_empty(), "{:?}", h.temuan);
}

#[test]
fn one_criterion_above_lifts_the_total_past_90() {
    // Every criterion A (90) except 1.c.1 AA (100). 1.c (weight 15, 8 equal criteria):
    // (7 x 90 + 100) / 8 = 91,25 % -> 15 x 0,9125 = 13,6875. The other sub-components weigh
    // 100 - 15 = 85, at 90 %: 76,5. Total 76,5 + 13,6875 = 90,1875 -> prints 90,19 -> AA.
    let lke = bawaan();
    let d = semua("A", "A", &[("1.c.1", "AA")]);
    let h = nilai(&baca_jawaban(&lke, &d, th()).unwrap(), &[]);
    assert_eq!(h.komponen[0].sub[2].persen.evaluator, dec!(91.25));
    assert_eq!(h.komponen[0].sub[2].nilai.evaluator, dec!(13.6875));
    // Perencanaan: 6 x 0,9 + 9 x 0,9 + 13,6875 = 5,4 + 8,1 + 13,6875 = 27,1875.
    assert_eq!(h.komponen[0].nilai.evaluator, dec!(27.1875));
    assert_eq!(h.total.evaluator, dec!(90.1875));
    assert_eq!(h.predikat(), Predikat::Aa);
}

#[test]
fn thirds_are_exact() {
    // 2.a has 3 equal criteria and weighs 6. AA, E, E: (100 + 0 + 0) / 3 = 33,33...% and
    // 6 x 1/3 = 2 exactly (a 28-digit third would give 1,99...98). 4.a (weight 5, 3 criteria)
    // AA, AA, B: (100 + 100 + 70) / 3 = 90 % -> 4,5. The rest E (0): total 2 + 4,5 = 6,5 -> D.
    let lke = bawaan();
    let d = semua(
        "E",
        "E",
        &[
            ("2.a.1", "AA"),
            ("4.a.1", "AA"),
            ("4.a.2", "AA"),
            ("4.a.3", "B"),
        ],
    );
    let h = nilai(&baca_jawaban(&lke, &d, th()).unwrap(), &[]);
    assert_eq!(h.komponen[1].sub[0].nilai.evaluator, dec!(2));
    assert_eq!(
        h.komponen[1].sub[0].persen.evaluator.round_dp(10),
        dec!(33.3333333333)
    );
    assert_eq!(h.komponen[3].sub[0].nilai.evaluator, dec!(4.5));
    assert_eq!(h.total.evaluator, dec!(6.5));
    assert_eq!(h.predikat(), Predikat::D);
    // 2.a.1 weighs 6 / 3 = 2 points and earns them all (AA); 2.a.2 (E) earns 0.
    let k = &h.komponen[1].sub[0].kriteria;
    assert_eq!(k[0].poin, dec!(2));
    assert_eq!(k[0].evaluator.as_ref().unwrap().poin, dec!(2));
    assert_eq!(k[1].evaluator.as_ref().unwrap().poin, dec!(0));
    // A criterion's share of 2.a: 100 / 3 %.
    assert_eq!(
        h.komponen[1].sub[0].kriteria[0].bobot.round_dp(4),
        dec!(33.3333)
    );
}

const KECIL: &str = r#"
nama = "Lembar kerja kabupaten lama"
[[skala]]
id = "a-e"
nama = "A-E"
pilihan = [
  { kode = "A", nilai = 1 }, { kode = "B", nilai = "0,75" }, { kode = "C", nilai = "0,5" },
  { kode = "D", nilai = "0,25" }, { kode = "E", nilai = 0 },
]
[[skala]]
id = "y-t"
nama = "Y/T"
pilihan = [{ kode = "Y", nilai = 1 }, { kode = "T", nilai = 0 }]

[[komponen]]
id = "1"
nama = "Satu"
bobot = 60
[[komponen.sub]]
id = "1.a"
nama = "Ada"
jenis = "keberadaan"
porsi = 100
skala = "a-e"
[[komponen.sub.kriteria]]
id = "1.a.1"
uraian = "Satu"
[[komponen.sub.kriteria]]
id = "1.a.2"
uraian = "Dua"
[[komponen.sub.kriteria]]
id = "1.a.3"
uraian = "Tiga"
[[komponen.sub.kriteria]]
id = "1.a.4"
uraian = "Empat"

[[komponen]]
id = "2"
nama = "Dua"
bobot = 40
[[komponen.sub]]
id = "2.a"
nama = "Ya atau tidak"
jenis = "kualitas"
porsi = 100
skala = "y-t"
[[komponen.sub.kriteria]]
id = "2.a.1"
uraian = "Satu"
bobot = 50
[[komponen.sub.kriteria]]
id = "2.a.2"
uraian = "Dua"
bobot = 30
prasyarat = ["2.a.1"]
[[komponen.sub.kriteria]]
id = "2.a.3"
uraian = "Tiga"
bobot = 20
prasyarat = ["1.a"]
"#;

fn jawab(rows: &[(&str, &str)]) -> DataInstansi {
    DataInstansi {
        jawaban_evaluasi: rows
            .iter()
            .map(|(k, j)| JawabanEvaluasi {
                tahun: th(),
                kriteria: (*k).into(),
                opd: None,
                evaluator: Some(p(j)),
                rekomendasi: None,
                tindak_lanjut: None,
            })
            .collect(),
        ..Default::default()
    }
}

#[test]
fn older_scales_and_weighted_criteria() {
    // Component 1 (60): A, B, C, D = (1 + 0,75 + 0,5 + 0,25) / 4 = 0,625 -> 37,5.
    // Component 2 (40): Y (50), T (30), Y (20) = (50 + 0 + 20) / 100 = 0,7 -> 28.
    // Total 65,5 -> B (>60-70).
    let lke = baca(KECIL).unwrap();
    let d = jawab(&[
        ("1.a.1", "A"),
        ("1.a.2", "B"),
        ("1.a.3", "C"),
        ("1.a.4", "D"),
        ("2.a.1", "Y"),
        ("2.a.2", "T"),
        ("2.a.3", "Y"),
    ]);
    let h = nilai(&baca_jawaban(&lke, &d, th()).unwrap(), &[]);
    assert_eq!(h.komponen[0].nilai.evaluator, dec!(37.5));
    assert_eq!(h.komponen[1].nilai.evaluator, dec!(28));
    assert_eq!(h.total.evaluator, dec!(65.5));
    assert_eq!(h.predikat(), Predikat::B);
    // 2.a.3 (Y = 100 %) rests on 1.a, which scores 62,5 %: a kerangka logis finding; 2.a.2 (T)
    // is below its prerequisite 2.a.1 (Y): none. The answer still counts as given.
    assert_eq!(
        h.temuan,
        [Temuan::KerangkaLogis {
            kriteria: "2.a.3".into(),
            pihak: Pihak::Evaluator,
            jawaban: "Y".into(),
            nilai: dec!(100),
            prasyarat: "1.a".into(),
            batas: dec!(62.5),
        }]
    );
    assert_eq!(
        h.temuan[0].pesan(),
        "kerangka logis: jawaban evaluator \"Y\" pada kriteria 2.a.3 bernilai 100,00 %, melebihi 62,50 % yang diizinkan prasyarat 1.a"
    );
}

#[test]
fn a_prerequisite_answered_lower_is_a_finding_and_unanswered_criteria_count_zero() {
    // Only 2.a answered: 2.a.1 T, 2.a.2 Y (30). 2.a.2 = 100 % exceeds 2.a.1 = 0 %. Component 2:
    // 30 / 100 x 40 = 12; component 1 unanswered: 0. Total 12 -> D; four "belum dijawab".
    let lke = baca(KECIL).unwrap();
    let d = jawab(&[("2.a.1", "T"), ("2.a.2", "Y"), ("2.a.3", "T")]);
    let h = nilai(&baca_jawaban(&lke, &d, th()).unwrap(), &[]);
    assert_eq!(h.total.evaluator, dec!(12));
    assert_eq!(h.predikat(), Predikat::D);
    let belum = h
        .temuan
        .iter()
        .filter(|t| matches!(t, Temuan::BelumDijawab { .. }))
        .count();
    assert_eq!(belum, 4);
    assert!(h.temuan.iter().any(|t| matches!(
        t,
        Temuan::KerangkaLogis { kriteria, prasyarat, batas, .. }
            if kriteria == "2.a.2" && prasyarat == "2.a.1" && *batas == Decimal::ZERO
    )));
}

#[test]
fn answers_off_their_scale_or_worksheet_are_refused_with_their_row() {
    let lke = baca(KECIL).unwrap();
    let mut d = jawab(&[
        ("1.a.1", "BB"),
        ("9.9.9", "A"),
        ("2.a.1", "Y"),
        ("2.a.1", "T"),
    ]);
    d.jawaban_evaluasi[2].opd = Some(p("ya"));
    // Another year is not read against this worksheet.
    d.jawaban_evaluasi.push(JawabanEvaluasi {
        tahun: Tahun::new(2021).unwrap(),
        kriteria: "lama".into(),
        opd: None,
        evaluator: Some(p("?")),
        rekomendasi: None,
        tindak_lanjut: None,
    });
    let g: Vec<String> = baca_jawaban(&lke, &d, th())
        .unwrap_err()
        .iter()
        .map(|g| g.to_string())
        .collect();
    assert_eq!(
        g,
        [
            "[[jawaban_evaluasi]] ke-1 (kriteria \"1.a.1\"), medan `evaluator.jawaban`: \"BB\" bukan jawaban skala \"a-e\": pilih salah satu dari A, B, C, D, E",
            "[[jawaban_evaluasi]] ke-2 (kriteria \"9.9.9\"), medan `kriteria`: kriteria \"9.9.9\" tidak ada di lembar kerja \"Lembar kerja kabupaten lama\"",
            "[[jawaban_evaluasi]] ke-3 (kriteria \"2.a.1\"), medan `opd.jawaban`: \"ya\" bukan jawaban skala \"y-t\": pilih salah satu dari Y, T",
            "[[jawaban_evaluasi]] ke-4 (kriteria \"2.a.1\"), medan `kriteria`: jawaban ganda untuk kriteria ini tahun 2022",
        ]
    );
}

#[test]
fn a_recap_ranks_by_the_printed_total_and_ties_share_a_rank() {
    // BB everywhere: 80; A everywhere: 90; A except 1.c.1 AA: 90,1875 (see above); a second
    // "BB everywhere": 80 again, sharing rank 3 with the first.
    let lke = bawaan();
    let skor = |d: &DataInstansi| nilai(&baca_jawaban(&lke, d, th()).unwrap(), &[]);
    let h = [
        ("Kecamatan Ajung".to_string(), skor(&semua("BB", "BB", &[]))),
        ("Kecamatan Balung".to_string(), skor(&semua("A", "A", &[]))),
        (
            "Kecamatan Mumbulsari".to_string(),
            skor(&semua("BB", "BB", &[])),
        ),
        (
            "Kecamatan Wuluhan".to_string(),
            skor(&semua("A", "A", &[("1.c.1", "AA")])),
        ),
    ];
    let r = kinerja_evaluasi::rekap(&h);
    let urut: Vec<_> = r
        .baris
        .iter()
        .map(|b| (b.peringkat, b.instansi.as_str(), b.total, b.predikat))
        .collect();
    assert_eq!(
        urut,
        [
            (1, "Kecamatan Wuluhan", dec!(90.1875), Predikat::Aa),
            (2, "Kecamatan Balung", dec!(90), Predikat::A),
            (3, "Kecamatan Ajung", dec!(80), Predikat::Bb),
            (3, "Kecamatan Mumbulsari", dec!(80), Predikat::Bb),
        ]
    );
    assert_eq!(r.komponen.len(), 4);
    // Perencanaan at 90 % of 30 = 27.
    assert_eq!(r.baris[1].komponen[0], dec!(27));
}
