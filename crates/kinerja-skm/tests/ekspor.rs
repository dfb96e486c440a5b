//! Survey-tool exports of the standard questionnaire as offices produce them: the questions'
//! wording as headers and each question's own answers as values (Google Forms, KoboToolbox,
//! Microsoft Forms, LimeSurvey). The files are written here from the annex's wording, typed
//! out below (not taken from the code), and must give the index the same answers coded 1-4 give.

use std::path::{Path, PathBuf};

use kinerja_core::skm::{HasilSkm, JenisProfil, Mutu, Opsi, bulatkan_tabel};
use kinerja_skm::{AsalKolom, CaraJawab, GalatBaca, Masukan, OpsiBaca, PetaInstansi, baca};
use rust_decimal::Decimal;
use rust_decimal_macros::dec;

/// PermenPANRB 14/2017, Lampiran, contoh kuesioner: question and answers a-d (= 1-4).
const ANNEX: [(&str, [&str; 4]); 9] = [
    (
        "Bagaimana pendapat Saudara tentang kesesuaian persyaratan pelayanan dengan jenis pelayanannya?",
        ["Tidak sesuai", "Kurang sesuai", "Sesuai", "Sangat sesuai"],
    ),
    (
        "Bagaimana pemahaman Saudara tentang kemudahan prosedur pelayanan di unit ini?",
        ["Tidak mudah", "Kurang mudah", "Mudah", "Sangat mudah"],
    ),
    (
        "Bagaimana pendapat Saudara tentang kecepatan waktu dalam memberikan pelayanan?",
        ["Tidak cepat", "Kurang cepat", "Cepat", "Sangat cepat"],
    ),
    (
        "Bagaimana pendapat Saudara tentang kewajaran biaya/tarif dalam pelayanan?",
        ["Sangat mahal", "Cukup mahal", "Murah", "Gratis"],
    ),
    (
        "Bagaimana pendapat Saudara tentang kesesuaian produk pelayanan antara yang tercantum dalam standar pelayanan dengan hasil yang diberikan?",
        ["Tidak sesuai", "Kurang sesuai", "Sesuai", "Sangat sesuai"],
    ),
    (
        "Bagaimana pendapat Saudara tentang kompetensi/kemampuan petugas dalam pelayanan?",
        [
            "Tidak kompeten",
            "Kurang kompeten",
            "Kompeten",
            "Sangat kompeten",
        ],
    ),
    (
        "Bagaimana pendapat Saudara tentang perilaku petugas dalam pelayanan terkait kesopanan dan keramahan?",
        [
            "Tidak sopan dan ramah",
            "Kurang sopan dan ramah",
            "Sopan dan ramah",
            "Sangat sopan dan ramah",
        ],
    ),
    (
        "Bagaimana pendapat Saudara tentang kualitas sarana dan prasarana?",
        ["Buruk", "Cukup", "Baik", "Sangat Baik"],
    ),
    (
        "Bagaimana pendapat Saudara tentang penanganan pengaduan pengguna layanan?",
        [
            "Tidak ada",
            "Ada tetapi tidak berfungsi",
            "Berfungsi kurang maksimal",
            "Dikelola dengan baik",
        ],
    ),
];

/// Six respondents: profile (jenis kelamin, usia, layanan) and the answers to U1..U9.
const RESPONDEN: [(&str, &str, &str, [u8; 9]); 6] = [
    ("Laki-laki", "25", "KTP", [3, 3, 4, 4, 3, 3, 4, 3, 2]),
    ("Perempuan", "34 tahun", "KK", [4, 3, 3, 4, 3, 4, 4, 3, 3]),
    ("Laki-laki", "41", "KTP", [3, 2, 3, 4, 3, 3, 3, 2, 1]),
    ("Perempuan", "19", "Akta", [4, 3, 4, 4, 4, 4, 4, 3, 3]),
    ("Perempuan", "52", "KTP", [3, 3, 3, 3, 3, 3, 4, 3, 2]),
    ("Laki-laki", "63", "KK", [4, 4, 3, 4, 3, 4, 3, 2, 4]),
];

/// By hand, from [`RESPONDEN`]: sums per unsur 21 18 20 23 19 21 22 16 15 over 6 respondents,
/// NRR 3,5 3 3,333 3,833 3,167 3,5 3,667 2,667 2,5. All answers sum to 175, so IKM = 175 / (6 x 9)
/// = 175/54 = 3,2407 and NIK = 4375/54 = 81,0185 -> 81,02, mutu B (76,61-88,30). Scores below
/// that mean, lowest first: U9 62,5; U8 66,67; U2 75; U5 79,17 (U3 is 83,33, above).
fn periksa(h: &HasilSkm) {
    assert_eq!(h.responden, Some(6));
    assert_eq!(h.ikm, Decimal::from(175) / Decimal::from(54));
    assert_eq!(bulatkan_tabel(h.nik), dec!(81.02));
    assert_eq!(h.mutu, Mutu::B);
    let jumlah: Vec<u64> = h
        .unsur
        .iter()
        .map(|u| {
            let j = u.jumlah.unwrap();
            j[0] + 2 * j[1] + 3 * j[2] + 4 * j[3]
        })
        .collect();
    assert_eq!(jumlah, [21, 18, 20, 23, 19, 21, 22, 16, 15]);
    assert_eq!(h.di_bawah_rata_rata, ["U9", "U8", "U2", "U5"]);
}

fn dir() -> PathBuf {
    let d = std::env::temp_dir().join(format!("kinerja-skm-ekspor-{}", std::process::id()));
    std::fs::create_dir_all(&d).unwrap();
    d
}

fn hitung(path: &Path, opsi: &OpsiBaca) -> (HasilSkm, kinerja_skm::BacaanResponden) {
    let m = baca(path, opsi).unwrap_or_else(|e| panic!("{e}"));
    let h = m.hitung(&Opsi::default()).unwrap();
    let Masukan::Responden(r) = m else {
        panic!("respondent file expected")
    };
    (h, r)
}

/// A CSV field quoted as spreadsheets quote it.
fn kutip(s: &str) -> String {
    format!("\"{}\"", s.replace('"', "\"\""))
}

fn tulis_csv(nama: &str, kepala: &[String], baris: &[Vec<String>], pemisah: &str) -> PathBuf {
    let mut t = kepala
        .iter()
        .map(|h| kutip(h))
        .collect::<Vec<_>>()
        .join(pemisah)
        + "\r\n";
    for b in baris {
        t += &(b.iter().map(|x| kutip(x)).collect::<Vec<_>>().join(pemisah) + "\r\n");
    }
    let p = dir().join(nama);
    std::fs::write(&p, t).unwrap();
    p
}

fn tulis_xlsx(nama: &str, kepala: &[String], baris: &[Vec<String>]) -> PathBuf {
    let mut wb = rust_xlsxwriter::Workbook::new();
    let ws = wb.add_worksheet();
    for (c, h) in kepala.iter().enumerate() {
        ws.write_string(0, c as u16, h).unwrap();
    }
    for (r, b) in baris.iter().enumerate() {
        for (c, x) in b.iter().enumerate() {
            ws.write_string(r as u32 + 1, c as u16, x).unwrap();
        }
    }
    let p = dir().join(nama);
    wb.save(&p).unwrap();
    p
}

/// The rows of [`RESPONDEN`]: `awal` gives the cells before the answers (by respondent), the
/// answers follow as the annex's labels.
fn baris_label(awal: impl Fn(usize) -> Vec<String>) -> Vec<Vec<String>> {
    RESPONDEN
        .iter()
        .enumerate()
        .map(|(r, (_, _, _, j))| {
            let mut b = awal(r);
            b.extend(
                j.iter()
                    .enumerate()
                    .map(|(q, x)| ANNEX[q].1[*x as usize - 1].to_string()),
            );
            b
        })
        .collect()
}

/// The answers coded 1-4 under U1..U9 headers: the reference every export must match.
#[test]
fn coded_answers_give_the_hand_computed_index() {
    let mut kepala: Vec<String> = vec!["jenis_kelamin".into(), "umur".into(), "layanan".into()];
    kepala.extend((1..=9).map(|i| format!("U{i}")));
    let baris: Vec<Vec<String>> = RESPONDEN
        .iter()
        .map(|(jk, u, l, j)| {
            let mut b = vec![jk.to_string(), u.to_string(), l.to_string()];
            b.extend(j.iter().map(|x| x.to_string()));
            b
        })
        .collect();
    let (h, _) = hitung(
        &tulis_csv("kode.csv", &kepala, &baris, ","),
        &OpsiBaca::default(),
    );
    periksa(&h);
}

/// Google Forms (Indonesian locale, "Download responses (.csv)"): a timestamp, the profile
/// questions, each standard question as its header with its number, the answers as the choices'
/// text, and a free-text question the survey does not use.
#[test]
fn google_forms_export_with_the_annex_wording() {
    let mut kepala: Vec<String> = [
        "Cap waktu",
        "Jenis Kelamin",
        "Usia",
        "Jenis Layanan yang Anda terima",
    ]
    .map(String::from)
    .to_vec();
    kepala.extend(
        ANNEX
            .iter()
            .enumerate()
            .map(|(i, q)| format!("{}. {}", i + 1, q.0)),
    );
    kepala.push("Saran dan masukan untuk kami".into());
    let mut baris = baris_label(|r| {
        let (jk, u, l, _) = RESPONDEN[r];
        vec![
            format!("{:02}/03/2024 10:1{r}:00", 4 + r),
            jk.to_string(),
            u.to_string(),
            l.to_string(),
        ]
    });
    baris[0].push("Antrian, tolong diperbaiki".into());
    for b in &mut baris[1..] {
        b.push(String::new());
    }
    let p = tulis_csv("google-forms.csv", &kepala, &baris, ",");
    let (h, r) = hitung(&p, &OpsiBaca::default());
    periksa(&h);
    // Every unsur found by its question, columns E..M.
    for (u, k) in r.pemetaan.iter().enumerate() {
        assert_eq!(k.asal, AsalKolom::Pertanyaan { kemiripan: 100 }, "{k:?}");
        assert_eq!(k.kolom, 5 + u);
    }
    assert_eq!(r.pemetaan[4].huruf, "I");
    // The mapping lists each value read with its answer: U4 held "Murah" (3) and "Gratis" (4).
    let u4: Vec<(&str, u8)> = r.pemetaan[3]
        .nilai
        .iter()
        .map(|n| (n.teks.as_str(), n.jawaban))
        .collect();
    assert_eq!(u4, [("Murah", 3), ("Gratis", 4)]);
    assert_eq!(r.kolom_diabaikan, ["Saran dan masukan untuk kami"]);
    // Profile: the form's longer headers; "34 tahun" is in the 30-39 band.
    let jenis: Vec<JenisProfil> = r.tabulasi.rincian.iter().map(|k| k.jenis).collect();
    assert_eq!(
        jenis,
        [
            JenisProfil::Tanggal,
            JenisProfil::JenisKelamin,
            JenisProfil::Umur,
            JenisProfil::Layanan
        ]
    );
    let umur = h
        .rincian
        .iter()
        .find(|k| k.jenis == JenisProfil::Umur)
        .unwrap();
    let band: Vec<(&str, u64)> = umur
        .kelompok
        .iter()
        .map(|k| (k.nilai.as_str(), k.responden))
        .collect();
    assert_eq!(
        band,
        [
            ("< 20", 1),
            ("20-29", 1),
            ("30-39", 1),
            ("40-49", 1),
            ("50-59", 1),
            ("60+", 1)
        ]
    );
}

/// KoboToolbox, XLSX export "labels", group names in the headers ("Penilaian/..."), with the
/// wording as an office retypes it: upper case, no question mark, a typo, "&" and "tapi".
#[test]
fn kobo_xlsx_export_with_group_paths_and_labels() {
    let mut kepala: Vec<String> = [
        "start",
        "end",
        "Profil Responden/Jenis Kelamin",
        "Profil Responden/Usia (tahun)",
        "Profil Responden/Jenis layanan",
    ]
    .map(String::from)
    .to_vec();
    for (i, q) in ANNEX.iter().enumerate() {
        let mut t = q.0.trim_end_matches('?').to_string();
        if i == 0 {
            t = t.replace("persyaratan", "persyaratn");
        }
        if i == 5 {
            t = t.to_uppercase();
        }
        kepala.push(format!("Penilaian Layanan/{t}"));
    }
    kepala.extend(["_id", "_submission_time"].map(String::from));
    let label = |q: usize, x: u8| -> String {
        let l = ANNEX[q].1[x as usize - 1];
        match q {
            6 => l.replace(" dan ", " & "),
            8 => l.replace("tetapi", "tapi"),
            _ => l.to_string(),
        }
    };
    let baris: Vec<Vec<String>> = RESPONDEN
        .iter()
        .enumerate()
        .map(|(r, (jk, u, l, j))| {
            let mut b = vec![
                format!("2024-03-0{}T08:00:00", r + 1),
                format!("2024-03-0{}T08:05:00", r + 1),
                jk.to_string(),
                u.to_string(),
                l.to_string(),
            ];
            b.extend(j.iter().enumerate().map(|(q, x)| label(q, *x)));
            b.extend([
                format!("{}", 100 + r),
                format!("2024-03-0{}T08:05:10", r + 1),
            ]);
            b
        })
        .collect();
    let (h, r) = hitung(
        &tulis_xlsx("kobo-label.xlsx", &kepala, &baris),
        &OpsiBaca::default(),
    );
    periksa(&h);
    assert!(matches!(
        r.pemetaan[0].asal,
        AsalKolom::Pertanyaan { kemiripan } if (90..100).contains(&kemiripan)
    ));
    assert_eq!(r.pemetaan[5].asal, AsalKolom::Pertanyaan { kemiripan: 100 });
    // "Sopan & ramah" is the annex's "Sopan dan ramah".
    assert!(
        r.pemetaan[6]
            .nilai
            .iter()
            .any(|n| n.teks == "Sopan & ramah" && n.jawaban == 3)
    );
}

/// KoboToolbox, CSV export "XML values and headers" with `;`: question names in groups and
/// choice names.
#[test]
fn kobo_csv_export_with_names() {
    const NAMA: [&str; 9] = [
        "persyaratan",
        "prosedur",
        "waktu_penyelesaian",
        "biaya",
        "produk",
        "kompetensi",
        "perilaku",
        "sarana_prasarana",
        "pengaduan",
    ];
    let mut kepala: Vec<String> = vec!["grp_profil/jenis_kelamin".into(), "grp_profil/usia".into()];
    kepala.extend(NAMA.iter().map(|n| format!("grp_penilaian/{n}")));
    let baris: Vec<Vec<String>> = RESPONDEN
        .iter()
        .map(|(jk, u, _, j)| {
            let mut b = vec![jk.to_lowercase(), u.to_string()];
            b.extend(
                j.iter()
                    .enumerate()
                    .map(|(q, x)| ANNEX[q].1[*x as usize - 1].to_lowercase().replace(' ', "_")),
            );
            b
        })
        .collect();
    let (h, r) = hitung(
        &tulis_csv("kobo-nama.csv", &kepala, &baris, ";"),
        &OpsiBaca::default(),
    );
    periksa(&h);
    assert!(r.pemetaan.iter().all(|k| k.asal == AsalKolom::Nama));
}

/// Microsoft Forms (XLSX) and LimeSurvey ("question code & question text" headers, full answer
/// text) read the same.
#[test]
fn microsoft_forms_and_limesurvey_exports() {
    let mut kepala: Vec<String> = ["ID", "Start time", "Completion time", "Email", "Name"]
        .map(String::from)
        .to_vec();
    kepala.extend(ANNEX.iter().map(|q| q.0.to_string()));
    let baris = baris_label(|r| {
        vec![
            (r + 1).to_string(),
            "2024-03-15 10:00:00".into(),
            "2024-03-15 10:04:00".into(),
            "anonymous".into(),
            String::new(),
        ]
    });
    let (h, _) = hitung(
        &tulis_xlsx("msforms.xlsx", &kepala, &baris),
        &OpsiBaca::default(),
    );
    periksa(&h);

    let mut kepala: Vec<String> = ["id", "submitdate", "lastpage", "startlanguage", "seed"]
        .map(String::from)
        .to_vec();
    kepala.extend(
        ANNEX
            .iter()
            .enumerate()
            .map(|(i, q)| format!("U{}. {}", i + 1, q.0)),
    );
    let baris = baris_label(|r| {
        vec![
            (r + 1).to_string(),
            "2024-03-15 10:04:00".into(),
            "2".into(),
            "id".into(),
            "1234".into(),
        ]
    });
    let (h, r) = hitung(
        &tulis_csv("limesurvey.csv", &kepala, &baris, ","),
        &OpsiBaca::default(),
    );
    periksa(&h);
    // "U1. <the standard question>" is U1 under the regulation's own name.
    assert_eq!(r.kuesioner.unsur[0].nama, "Persyaratan");
    assert_eq!(r.pemetaan[0].asal, AsalKolom::Kode);
}

/// An answer that is not one of its question's is an error naming the row and the column, with
/// the answers that question takes; nothing is computed.
#[test]
fn an_unknown_label_names_row_and_column() {
    let mut kepala: Vec<String> = vec!["Jenis Kelamin".into()];
    kepala.extend(ANNEX.iter().map(|q| q.0.to_string()));
    let mut baris = baris_label(|r| vec![RESPONDEN[r].0.to_string()]);
    // Row 4 (the third respondent): "Mahal" in the cost question (column E); "Mudah" belongs to
    // question 2, not to question 4.
    baris[2][4] = "Mahal".into();
    baris[3][4] = "Mudah".into();
    let p = tulis_csv("label-asing.csv", &kepala, &baris, ",");
    let e = baca(&p, &OpsiBaca::default()).unwrap_err();
    let GalatBaca::BarisBuruk { baris, .. } = &e else {
        panic!("{e}")
    };
    assert_eq!(baris.iter().map(|b| b.baris).collect::<Vec<_>>(), [4, 5]);
    let m = &baris[0].masalah[0];
    assert_eq!(
        (m.kolom, m.huruf.as_deref(), m.nilai.as_str()),
        (Some(5), Some("E"), "Mahal")
    );
    assert!(
        m.pesan.contains("U4 (Biaya/Tarif)")
            && m.pesan
                .contains("Sangat mahal (1) / Cukup mahal (2) / Murah (3) / Gratis (4)"),
        "{}",
        m.pesan
    );
}

/// An instansi's own questions and answers, given as data: the columns, the labels A1..A4 (a
/// LimeSurvey default), a profile column; the rest recognised as usual.
#[test]
fn the_instansi_mapping_file() {
    let peta = PetaInstansi::dari_teks(
        r#"
regime = "2017"
[[unsur]]
nomor = 1
kolom = "Syarat pelayanan jelas dan mudah dipenuhi?"
label = ["A1", "A2", "A3", "A4"]
[[unsur]]
nomor = 4
nama = "Biaya Layanan"
[[profil]]
jenis = "layanan"
kolom = "Keperluan Anda hari ini"
"#,
    )
    .unwrap();
    let mut kepala: Vec<String> = vec!["Keperluan Anda hari ini".into()];
    kepala.push("Syarat pelayanan jelas dan mudah dipenuhi?".into());
    kepala.extend(ANNEX[1..].iter().map(|q| q.0.to_string()));
    let baris: Vec<Vec<String>> = RESPONDEN
        .iter()
        .map(|(_, _, l, j)| {
            let mut b = vec![l.to_string(), format!("A{}", j[0])];
            b.extend(
                j.iter()
                    .enumerate()
                    .skip(1)
                    .map(|(q, x)| ANNEX[q].1[*x as usize - 1].to_string()),
            );
            b
        })
        .collect();
    let p = tulis_csv("peta.csv", &kepala, &baris, ",");
    let opsi = OpsiBaca {
        peta: Some(peta),
        ..OpsiBaca::default()
    };
    let (h, r) = hitung(&p, &opsi);
    periksa(&h);
    assert_eq!(r.pemetaan[0].asal, AsalKolom::Peta);
    assert_eq!(r.pemetaan[0].nilai[0].cara, CaraJawab::Label);
    assert_eq!(r.kuesioner.unsur[3].nama, "Biaya Layanan");
    assert_eq!(r.tabulasi.rincian[0].jenis, JenisProfil::Layanan);
    // Without the file, the first column is nobody's unsur: refused with what to do.
    let e = baca(&p, &OpsiBaca::default()).unwrap_err().to_string();
    assert!(
        e.contains("U1 (Persyaratan)") && e.contains("--peta"),
        "{e}"
    );
}

/// A Kepmenpan 25/2004 questionnaire (14 questions) exported with its wording is recognised as
/// that regime without being told: two of its questions are close to 2017 ones ("kemudahan
/// prosedur", "kesamaan persyaratan"), but the 2017 reading finds no column for the others.
#[test]
fn the_2004_questionnaire_by_its_wording() {
    use kinerja_core::skm::{Regime, pertanyaan_baku};
    let baku = pertanyaan_baku(&Regime::kepmenpan_25_2004()).unwrap();
    let mut kepala: Vec<String> = vec!["Timestamp".into()];
    kepala.extend(
        baku.iter()
            .enumerate()
            .map(|(i, q)| format!("{}. {}", i + 1, q.teks)),
    );
    // Two respondents: all answers 3 (the third label), then all 4. NRR 3,5 everywhere, IKM 3,5,
    // NIK 87,50: mutu A on the 2004 table (81,26-100,00).
    let baris: Vec<Vec<String>> = [3usize, 4]
        .iter()
        .map(|&x| {
            let mut b = vec!["3/15/2024 10:11:12".to_string()];
            b.extend(baku.iter().map(|q| q.label[x - 1].to_string()));
            b
        })
        .collect();
    let (h, r) = hitung(
        &tulis_csv("kuesioner-2004.csv", &kepala, &baris, ","),
        &OpsiBaca::default(),
    );
    assert_eq!(h.regime.kode, "2004");
    assert_eq!(bulatkan_tabel(h.nik), dec!(87.50));
    assert_eq!(h.mutu, Mutu::A);
    assert!(
        r.pemetaan
            .iter()
            .all(|k| k.asal == AsalKolom::Pertanyaan { kemiripan: 100 })
    );
    // The English-locale timestamp (month first) is March 2024.
    assert_eq!(h.rincian[0].kelompok[0].nilai, "2024-03");
}
