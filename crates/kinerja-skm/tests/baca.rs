//! Reading every kind of SKM input, with the expected figures worked out by hand.

use std::path::{Path, PathBuf};

use kinerja_core::skm::{Bobot, HasilSkm, JenisProfil, Mutu, Opsi, Regime, bulatkan_tabel};
use kinerja_skm::{AsalRegime, GalatBaca, Masukan, OpsiBaca, baca, baca_responden_csv};
use rust_decimal_macros::dec;

fn data(nama: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data")
        .join(nama)
}

fn hitung(path: &Path) -> HasilSkm {
    baca(path, &OpsiBaca::default())
        .unwrap()
        .hitung(&Opsi::default())
        .unwrap()
}

/// The hand-worked example (kinerja-core `skm::tests::CONTOH_9`): NRR 3,5 2,75 4 2,5 3 3,5 3,75
/// 2,5 2,5; sum 28; IKM 28/9; NIK 700/9 = 77,78 (B on 2017); below the mean U4 U8 U9 U2 U5.
fn periksa_contoh_9(h: &HasilSkm) {
    assert_eq!(h.regime.kode, "2017");
    assert_eq!(h.responden, Some(4));
    assert_eq!(bulatkan_tabel(h.nik), dec!(77.78));
    assert_eq!(h.mutu, Mutu::B);
    let nrr: Vec<_> = h.unsur.iter().map(|u| u.nrr).collect();
    assert_eq!(
        nrr,
        [
            dec!(3.5),
            dec!(2.75),
            dec!(4),
            dec!(2.5),
            dec!(3),
            dec!(3.5),
            dec!(3.75),
            dec!(2.5),
            dec!(2.5)
        ]
    );
    assert_eq!(h.di_bawah_rata_rata, ["U4", "U8", "U9", "U2", "U5"]);
}

#[test]
fn labels_with_semicolons_and_a_byte_order_mark() {
    let m = baca(&data("contoh-9-unsur.csv"), &OpsiBaca::default()).unwrap();
    let Masukan::Responden(r) = &m else {
        panic!("respondent file expected")
    };
    // 9 unsur columns: recognised as PermenPANRB 14/2017 without being told.
    assert_eq!(r.asal_regime, AsalRegime::JumlahUnsur);
    assert_eq!(r.kolom_diabaikan, ["Nama"]);
    // "U3. Kecepatan Pelayanan" gives the instansi's own name; others keep the regime's.
    assert_eq!(r.kuesioner.unsur[2].nama, "Kecepatan Pelayanan");
    assert_eq!(r.kuesioner.unsur[0].nama, "Persyaratan");
    let h = m.hitung(&Opsi::default()).unwrap();
    periksa_contoh_9(&h);
    // Breakdown: jenis kelamin, umur, layanan in file order. Women are r1 and r3, the same as
    // KTP: 53/18 -> NIK 73,61 (see the core's breakdown test).
    let kolom: Vec<_> = h.rincian.iter().map(|r| r.jenis).collect();
    assert_eq!(
        kolom,
        [
            JenisProfil::JenisKelamin,
            JenisProfil::Umur,
            JenisProfil::Layanan
        ]
    );
    let perempuan = h.rincian[0]
        .kelompok
        .iter()
        .find(|k| k.nilai == "Perempuan")
        .unwrap();
    assert_eq!(bulatkan_tabel(perempuan.nik), dec!(73.61));
    // Ages 25, 34, 41, 29: 20-29 twice, 30-39 and 40-49 once, in age order.
    let umur: Vec<_> = h.rincian[1]
        .kelompok
        .iter()
        .map(|k| (k.nilai.as_str(), k.responden))
        .collect();
    assert_eq!(umur, [("20-29", 2), ("30-39", 1), ("40-49", 1)]);
}

#[test]
fn kobo_export_with_codes_gives_the_same_result() {
    let h = hitung(&data("contoh-9-kobo.csv"));
    periksa_contoh_9(&h);
    // _submission_time is the date column: March r1 r2, April r3 r4.
    let tanggal = h
        .rincian
        .iter()
        .find(|r| r.jenis == JenisProfil::Tanggal)
        .unwrap();
    let bulan: Vec<_> = tanggal
        .kelompok
        .iter()
        .map(|k| (k.nilai.as_str(), k.responden))
        .collect();
    assert_eq!(bulan, [("2024-03", 2), ("2024-04", 2)]);
}

#[test]
fn distribution_table_gives_the_same_result() {
    let m = baca(&data("contoh-9-distribusi.csv"), &OpsiBaca::default()).unwrap();
    assert!(matches!(m, Masukan::Tabel(_)));
    let h = m.hitung(&Opsi::default()).unwrap();
    let r = hitung(&data("contoh-9-unsur.csv"));
    assert_eq!(h.ikm, r.ikm);
    assert_eq!(h.nik, r.nik);
    assert_eq!(h.di_bawah_rata_rata, r.di_bawah_rata_rata);
    // A distribution in percent does not carry the number of respondents.
    assert_eq!(h.responden, None);
}

#[test]
fn seed_table_from_csv_and_toml() {
    for nama in ["seed-mumbulsari-2020.csv", "seed-mumbulsari-2020.toml"] {
        let m = baca(&data(nama), &OpsiBaca::default()).unwrap();
        assert_eq!(m.kuesioner().regime.kode, "2004", "{nama}");
        let h = m.hitung(&Opsi::default()).unwrap();
        // 997,5 / 14 = 71,25 from the data (row 3's distribution gives 75, not the printed 70).
        assert_eq!(h.nik, dec!(71.25), "{nama}");
        assert_eq!(h.unsur[2].skor, dec!(75));
        assert_eq!(h.unsur[2].skor_terbit, Some(dec!(70)));
        assert_eq!(h.nik_terbit, Some(dec!(70.89)));
        let beda: Vec<_> = h.catatan.iter().filter(|c| c.contains("berbeda")).collect();
        assert_eq!(beda.len(), 2, "{nama}: {:?}", h.catatan);
        assert!(beda[0].starts_with("U3 Kecepatan Pelayanan"));
        assert_eq!(h.unsur[13].nama, "Keamanan");
    }
}

#[test]
fn regime_asked_for_must_fit_the_file() {
    let opsi = OpsiBaca {
        regime: Some(Regime::kepmenpan_25_2004()),
        ..OpsiBaca::default()
    };
    let e = baca(&data("contoh-9-unsur.csv"), &opsi).unwrap_err();
    assert!(e.to_string().contains("U10 (Kewajaran biaya)"), "{e}");
    let e = baca(&data("contoh-9-distribusi.csv"), &opsi).unwrap_err();
    assert!(e.to_string().contains("14 unsur"), "{e}");
    // The TOML says 2004; asking for 2017 is a contradiction, not a silent choice.
    let opsi = OpsiBaca {
        regime: Some(Regime::permenpanrb_14_2017()),
        ..OpsiBaca::default()
    };
    let e = baca(&data("seed-mumbulsari-2020.toml"), &opsi).unwrap_err();
    assert!(e.to_string().contains("menyatakan regime"), "{e}");
}

const KEPALA: &str = "U1,U2,U3,U4,U5,U6,U7,U8,U9,layanan\n";

#[test]
fn bad_rows_name_row_and_column_and_nothing_is_computed() {
    // Line 1 header; line 3 has "5" in U4 (column D); line 4 has an empty U9 (column I) and
    // "Cukup" in U1 (column A); line 5 is short.
    let csv = format!(
        "{KEPALA}3,3,3,3,3,3,3,3,3,KTP\n3,3,3,5,3,3,3,3,3,KTP\nCukup,3,3,3,3,3,3,3,,KK\n3,3,3\n4,4,4,4,4,4,4,4,4,KK\n"
    );
    let e = baca_responden_csv(csv.as_bytes(), "uji.csv", &OpsiBaca::default()).unwrap_err();
    let GalatBaca::BarisBuruk { berkas, baris } = &e else {
        panic!("{e}")
    };
    assert_eq!(berkas, "uji.csv");
    assert_eq!(baris.iter().map(|b| b.baris).collect::<Vec<_>>(), [3, 4, 5]);
    let m = &baris[0].masalah[0];
    assert_eq!(
        (m.kolom, m.huruf.as_deref(), m.nama_kolom.as_deref()),
        (Some(4), Some("D"), Some("U4"))
    );
    assert_eq!(m.nilai, "5");
    assert_eq!(baris[1].masalah.len(), 2);
    assert_eq!(baris[1].masalah[0].huruf.as_deref(), Some("A"));
    assert_eq!(baris[1].masalah[1].pesan, "jawaban kosong");
    let teks = e.to_string();
    assert!(
        teks.contains("uji.csv: 3 baris tidak sah; tidak ada yang dihitung"),
        "{teks}"
    );
    assert!(
        teks.contains("baris 3: kolom 4 (D, U4): jawaban '5' tidak dikenal"),
        "{teks}"
    );
    assert!(
        teks.contains("baris 5: baris berisi 3 kolom, kepala 10 kolom"),
        "{teks}"
    );

    // Skipping: the two good rows are counted, the three bad ones listed.
    let opsi = OpsiBaca {
        lewati_baris_buruk: true,
        ..OpsiBaca::default()
    };
    let r = baca_responden_csv(csv.as_bytes(), "uji.csv", &opsi).unwrap();
    assert_eq!(r.dilewati.len(), 3);
    assert_eq!(r.tabulasi.total.responden(), 2);
}

#[test]
fn empty_lines_and_trailing_separators_are_not_rows() {
    let csv = format!("{KEPALA}3,3,3,3,3,3,3,3,3,KTP\n,,,,,,,,,\n\n");
    let r = baca_responden_csv(csv.as_bytes(), "uji.csv", &OpsiBaca::default()).unwrap();
    assert_eq!(r.tabulasi.total.responden(), 1);
}

#[test]
fn a_file_without_valid_rows_is_refused() {
    let opsi = OpsiBaca {
        lewati_baris_buruk: true,
        ..OpsiBaca::default()
    };
    let csv = format!("{KEPALA}9,3,3,3,3,3,3,3,3,KTP\n");
    let e = baca_responden_csv(csv.as_bytes(), "uji.csv", &opsi).unwrap_err();
    assert!(
        e.to_string().contains("tidak ada baris jawaban yang sah"),
        "{e}"
    );
}

const JAWABAN_9: [[u8; 9]; 4] = [
    [3, 2, 4, 1, 3, 3, 4, 2, 1],
    [3, 3, 4, 2, 3, 4, 4, 2, 3],
    [4, 3, 4, 3, 3, 3, 4, 3, 3],
    [4, 3, 4, 4, 3, 4, 3, 3, 3],
];

/// The hand example as a sheet: column A `Jenis Layanan`, B..J U1..U9; answers as numbers except
/// r2's U2 written as the label `Baik` (= 3).
fn tulis_xlsx(path: &Path, ubah: impl Fn(&mut rust_xlsxwriter::Worksheet)) {
    let mut wb = rust_xlsxwriter::Workbook::new();
    let ws = wb.add_worksheet();
    ws.write_string(0, 0, "Jenis Layanan").unwrap();
    for c in 0..9u16 {
        ws.write_string(0, c + 1, format!("U{}", c + 1)).unwrap();
    }
    for (r, baris) in JAWABAN_9.iter().enumerate() {
        let r = r as u32 + 1;
        ws.write_string(r, 0, if r % 2 == 1 { "KTP" } else { "KK" })
            .unwrap();
        for (c, j) in baris.iter().enumerate() {
            ws.write_number(r, c as u16 + 1, f64::from(*j)).unwrap();
        }
    }
    ws.write_string(2, 2, "Baik").unwrap();
    ubah(ws);
    wb.save(path).unwrap();
}

#[test]
fn xlsx_gives_the_same_result_and_spreadsheet_coordinates() {
    let dir = std::env::temp_dir().join(format!("kinerja-skm-uji-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let path = dir.join("contoh.xlsx");
    tulis_xlsx(&path, |_| {});
    let h = hitung(&path);
    periksa_contoh_9(&h);
    assert_eq!(h.rincian[0].kelompok.len(), 2);

    // A bad cell: U5 of spreadsheet row 4 (column F) set to 2,5.
    tulis_xlsx(&path, |ws| {
        ws.write_number(3, 5, 2.5).unwrap();
    });
    let e = baca(&path, &OpsiBaca::default()).unwrap_err();
    let GalatBaca::BarisBuruk { baris, .. } = &e else {
        panic!("{e}")
    };
    assert_eq!(baris.len(), 1);
    assert_eq!(baris[0].baris, 4);
    let m = &baris[0].masalah[0];
    assert_eq!(
        (m.huruf.as_deref(), m.nama_kolom.as_deref()),
        (Some("F"), Some("U5"))
    );
    assert_eq!(m.nilai, "2.5");
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn printed_weight_through_a_file() {
    // 28 x 0,111 = 3,108 -> 77,70 vs exact 77,78.
    let m = baca(&data("contoh-9-unsur.csv"), &OpsiBaca::default()).unwrap();
    let h = m
        .hitung(&Opsi {
            bobot: Bobot::Cetak,
            ..Opsi::default()
        })
        .unwrap();
    assert_eq!(h.nik, dec!(77.7));
}

#[test]
fn json_carries_every_figure_as_a_number() {
    let m = baca(&data("contoh-9-unsur.csv"), &OpsiBaca::default()).unwrap();
    let h = m
        .hitung(&Opsi {
            populasi: Some(100),
            ..Opsi::default()
        })
        .unwrap();
    let v = serde_json::to_value(&h).unwrap();
    assert_eq!(v["nik"].as_f64().unwrap(), 77.77777777777777);
    assert_eq!(v["unsur"][1]["nrr"].as_f64(), Some(2.75));
    assert_eq!(v["unsur"][3]["persen"][0].as_f64(), Some(25.0));
    assert_eq!(v["unsur"][3]["jumlah"][0].as_u64(), Some(1));
    assert_eq!(v["mutu"], "B");
    assert_eq!(v["kinerja_unit"], "Baik");
    assert_eq!(v["sampel"]["minimum"].as_u64(), Some(80));
    assert_eq!(v["sampel"]["cukup"], false);
    assert_eq!(v["regime"]["interval"][1]["nik_bawah"].as_f64(), Some(65.0));
    assert!(v["rincian"][0]["kelompok"][0]["nik"].is_number());
}
