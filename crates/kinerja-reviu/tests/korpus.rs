//! The reviu on published documents of other instansi (`contoh/korpus`, each folder naming its
//! source in `SUMBER.md`): every finding a careful reviewer agrees with is present, and no other
//! error or warning. The arithmetic behind each expected finding, and behind each printed figure
//! that is right, is in the comments, computed by hand from the printed figures.
//!
//! Counts (true / false findings, per rule) are in `contoh/korpus/README.md`.

use kinerja_core::waktu::Tahun;
use kinerja_reviu::{Temuan, Tingkat, periksa};
use std::path::Path;

/// A finding the reviewer expects: its rule, level and key.
struct Diharapkan {
    aturan: &'static str,
    tingkat: Tingkat,
    kunci: &'static str,
}

const fn galat(aturan: &'static str, kunci: &'static str) -> Diharapkan {
    Diharapkan {
        aturan,
        tingkat: Tingkat::Galat,
        kunci,
    }
}

const fn peringatan(aturan: &'static str, kunci: &'static str) -> Diharapkan {
    Diharapkan {
        aturan,
        tingkat: Tingkat::Peringatan,
        kunci,
    }
}

/// Reads `contoh/korpus/<folder>`, runs the reviu for `tahun`, and checks the findings against
/// `diharapkan`. Returns the findings for further checks.
fn reviu(folder: &str, tahun: i64, diharapkan: &[Diharapkan]) -> Vec<Temuan> {
    let p = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("../../contoh/korpus")
        .join(folder);
    let d = kinerja_berkas::baca(&p).unwrap_or_else(|e| panic!("{folder}: {e}"));
    let ts = periksa(&d, Tahun::new(tahun).unwrap(), &[]);
    for e in diharapkan {
        assert!(
            ts.iter()
                .any(|t| t.aturan == e.aturan && t.kunci == e.kunci && t.tingkat == e.tingkat),
            "{folder}: expected {} {:?} {}; findings: {ts:#?}",
            e.aturan,
            e.tingkat,
            e.kunci
        );
    }
    let lain: Vec<&Temuan> = ts
        .iter()
        .filter(|t| t.tingkat != Tingkat::Info)
        .filter(|t| {
            !diharapkan
                .iter()
                .any(|e| t.aturan == e.aturan && t.kunci == e.kunci && t.tingkat == e.tingkat)
        })
        .collect();
    assert!(lain.is_empty(), "{folder}: unexpected findings: {lain:#?}");
    ts
}

fn satu<'a>(ts: &'a [Temuan], kunci: &str) -> &'a Temuan {
    let t: Vec<&Temuan> = ts.iter().filter(|t| t.kunci == kunci).collect();
    assert_eq!(t.len(), 1, "{kunci}: {ts:#?}");
    t[0]
}

#[test]
fn gunung_kaler_lkip_2020_tabel_3_5() {
    // 2019, all printed right:
    //   01.01 88,94 / 82,5 x 100 = 107,806... → 107,81;
    //   01.02 66,67 / 65 x 100 = 102,569... → 102,57;
    //   01.03 44,44 / 44,44 x 100 = 100,00;
    //   mean (107,806... + 102,569... + 100) / 3 = 103,458... → 103,46.
    // 2020:
    //   01.01 88,95 / 84,75 x 100 = 104,955... → 104,96 (right);
    //   01.02 66,7 / 70 x 100 = 95,2857... → 95,29, printed 95,24: the printed capaian is
    //         66,67 / 70 x 100 = 95,2428... → 95,24, i.e. computed from a realisasi of 66,67
    //         while the table and the text print 66,7 (true finding);
    //   01.03 55,56 / 55,56 x 100 = 100,00 (right);
    //   mean (104,955... + 95,2857... + 100) / 3 = 100,0804... → 100,08, printed 100,07
    //         (from 95,24: (104,96 + 95,24 + 100) / 3 = 100,0666... → 100,07): the same error
    //         carried into the mean (true finding).
    let ts = reviu(
        "gunung-kaler-2020",
        2020,
        &[
            galat(
                "CAPAIAN-TERCATAT",
                "Tabel 3.5/01.02/indikator:01.02/capaian/2020",
            ),
            galat(
                "CAPAIAN-TERCATAT",
                "Tabel 3.5/Rata-Rata Capaian Realisasi Kinerja/sasaran:S-1/capaian/2020",
            ),
        ],
    );
    let t = satu(&ts, "Tabel 3.5/01.02/indikator:01.02/capaian/2020");
    assert_eq!(t.tercatat.unwrap().to_string(), "95.24");
    assert_eq!(
        kinerja_core::angka::bulatkan(t.dihitung.unwrap(), 2).to_string(),
        "95.29"
    );
    let t = satu(
        &ts,
        "Tabel 3.5/Rata-Rata Capaian Realisasi Kinerja/sasaran:S-1/capaian/2020",
    );
    assert_eq!(
        kinerja_core::angka::bulatkan(t.dihitung.unwrap(), 2).to_string(),
        "100.08"
    );
}

#[test]
fn setda_sumut_lkj_2021_tabel_19() {
    // Sub kegiatan rows (realisasi / anggaran x 100, printed with one decimal):
    //   702.188.300 / 749.930.215 = 93,633... → 93,6 (right);
    //   188.957.200 / 216.194.000 = 87,401... → 87,4 (right);
    //   351.953.546 / 378.896.500 = 92,889... → 92,9 (right);
    //   307.055.630 / 398.379.650 = 77,076... → 77,1, printed 80,5 (true finding, reported by
    //   the recomputation from the budget lines and by the row's own pagu and realisasi).
    // Before: the three right rows were reported too, because the percentage rule rounded the
    // right side to two decimals (93,63 against the printed 93,6), and sub kegiatan rows were
    // not checked against their row at all.
    let ts = reviu(
        "setda-sumut-2021",
        2021,
        &[
            galat(
                "ANGGARAN-TERCATAT",
                "Tabel 19/Fasilitasi Kerjasama Daerah / 3/sub_kegiatan:SK-EVALUASI/serapan",
            ),
            galat("PERSEN-SERAPAN-SUB-KEGIATAN", "sub_kegiatan:SK-EVALUASI"),
        ],
    );
    let t = satu(
        &ts,
        "Tabel 19/Fasilitasi Kerjasama Daerah / 3/sub_kegiatan:SK-EVALUASI/serapan",
    );
    assert_eq!(t.tercatat.unwrap().to_string(), "80.5");
    assert_eq!(
        kinerja_core::angka::bulatkan(t.dihitung.unwrap(), 1).to_string(),
        "77.1"
    );
}

#[test]
fn sampang_inspektorat_lkjip_2019() {
    // The scale as printed ("91 % ≤ 100 % Sangat Baik; 76 % ≤ 90% Baik; 66 % ≤ 75 % Cukup;
    // 51 % ≤ 65 % Kurang; ≤ 50 % Sangat Kurang") leaves 90 < x < 91, 75 < x < 76, 65 < x < 66
    // and 50 < x < 51 in no band, and nothing above 100 %: five warnings (true: a capaian of
    // 90,5 % or 104 % has no predikat on it; the text claims an average "diatas 90%").
    // Indicator 1 prints target 55 % and realisasi "n/a": the report lacks the realisasi (true).
    reviu(
        "sampang-inspektorat-2019",
        2019,
        &[
            peringatan("SKALA-CELAH", "skala:sampang-5/celah/Baik/Sangat Baik"),
            peringatan("SKALA-CELAH", "skala:sampang-5/celah/Cukup/Baik"),
            peringatan("SKALA-CELAH", "skala:sampang-5/celah/Kurang/Cukup"),
            peringatan("SKALA-CELAH", "skala:sampang-5/celah/Sangat Kurang/Kurang"),
            peringatan("SKALA-CELAH", "skala:sampang-5/puncak/Sangat Baik"),
            galat("LENGKAP-REALISASI", "indikator:IKU-1/realisasi/2019"),
        ],
    );
}

#[test]
fn dumai_pupr_lkjip_2020_tabel_3_1() {
    // 65 / 405 x 100 = 16,049... → 16,05 (right); 100 / 100 x 100 = 100 (right). No finding.
    reviu("dumai-pupr-2020", 2020, &[]);
}

#[test]
fn tubaba_disdukcapil_skm_2023_semester_1() {
    // One respondent answering 4 on each of the nine unsur: NRR 4 per unsur (right); the sum
    // of weighted NRR 9 x 4 x 1/9 = 4 (right); IKM 4 x 25 = 100 (right), "Sangat Baik" (mutu A,
    // 88,31-100,00; right). The page says it weights by 0,111, which would give
    // 9 x 4 x 0,111 = 3,996 and 99,90; the printed 4 and 100 are the regulation's exact 1/9.
    reviu("tubaba-disdukcapil-skm-2023", 2023, &[]);
}
