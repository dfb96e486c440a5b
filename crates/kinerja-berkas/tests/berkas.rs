//! The data file: what it accepts, what it refuses and where it says the problem is.

use kinerja_berkas::{GalatBerkas, baca, baca_sumber, ke_toml};
use std::path::PathBuf;

const RENSTRA: &str = r#"
[[instansi]]
id = "mumbulsari"
nama = "Kecamatan Mumbulsari"
jenis = "kecamatan"

[[renstra]]
id = "rs"
instansi = "mumbulsari"
tahun_awal = 2016
tahun_akhir = 2021

[[tujuan]]
id = "T1"
renstra = "rs"
nomor = 1
uraian = "Meningkatnya kualitas kelembagaan"

[[sasaran]]
id = "S1"
tujuan = "T1"
nomor = 1
uraian = "Meningkatnya kualitas pelayanan"

[[indikator]]
id = "IK-1"
pemilik = { sasaran = "S1" }
nomor = 1
uraian = "Nilai SKM"
satuan = "%"
"#;

const PENGUKURAN: &str = r#"
[[target]]
indikator = "IK-1"
tahun = 2020
dokumen = "pengukuran"
nilai = "B (80 %)"

[[realisasi]]
indikator = "IK-1"
tahun = 2020
nilai = "B (70,89 %)"

[[anggaran]]
id = "btl"
tahun = 2020
tempat = "instansi"
jenis = "tidak_langsung"
pagu = "1.274.830.966,58"
realisasi = "Rp 889.672.130,00"
"#;

fn sumber(files: &[(&str, &str)]) -> Vec<(PathBuf, String)> {
    files
        .iter()
        .map(|(n, t)| (PathBuf::from(n), t.to_string()))
        .collect()
}

fn masalah(files: &[(&str, &str)]) -> Vec<String> {
    match baca_sumber(sumber(files)) {
        Ok(_) => panic!("diterima, padahal seharusnya ditolak"),
        Err(e) => e.masalah().iter().map(|m| m.to_string()).collect(),
    }
}

#[test]
fn a_folder_of_documents_is_merged_and_validated() {
    let d = baca_sumber(sumber(&[
        ("renstra.toml", RENSTRA),
        ("pengukuran.toml", PENGUKURAN),
    ]))
    .unwrap();
    assert_eq!(d.indikator.len(), 1);
    assert_eq!(d.anggaran[0].pagu.nilai().to_string(), "1274830966.58");
    // Exact: "Rp 889.672.130,00" is 889672130 rupiah and 0 sen.
    assert_eq!(
        d.anggaran[0].realisasi.unwrap().nilai().to_string(),
        "889672130"
    );
}

#[test]
fn a_malformed_number_names_the_file_line_and_value() {
    let bad = PENGUKURAN.replace("1.274.830.966,58", "210.000,000,00");
    let m = masalah(&[("renstra.toml", RENSTRA), ("pengukuran.toml", &bad)]);
    assert_eq!(m.len(), 1, "{m:?}");
    // pagu is on line 18 of the file (line 1 is empty), its value starts at column 8.
    assert!(m[0].starts_with("pengukuran.toml:18:8:"), "{}", m[0]);
    assert!(m[0].contains("210.000,000,00"), "{}", m[0]);
}

#[test]
fn a_number_past_the_bound_is_refused_with_file_and_line() {
    // 10^23 rupiah, written as text: past Rp 1.000.000.000.000.000 (what both databases hold).
    // pagu is on line 18 of the file, its value starts at column 8.
    for pagu in [
        "\"100.000.000.000.000.000.000.000\"",
        "\"Rp 100.000.000.000.000.000.000.000,00\"",
        // As an integer TOML can hold (i64), and as one it cannot.
        "9000000000000000000",
        "100000000000000000000000",
    ] {
        let bad = PENGUKURAN.replace("\"1.274.830.966,58\"", pagu);
        let m = masalah(&[("renstra.toml", RENSTRA), ("pengukuran.toml", &bad)]);
        assert_eq!(m.len(), 1, "{m:?}");
        assert!(m[0].starts_with("pengukuran.toml:18:8:"), "{}", m[0]);
        if pagu != "100000000000000000000000" {
            assert!(
                m[0].contains("melebihi batas 1.000.000.000.000.000"),
                "{}",
                m[0]
            );
        }
    }
    // The realisasi of the issue (Decimal::MAX): refused here, so it never reaches a sum. Its
    // value is on line 11, column 9.
    let bad = PENGUKURAN.replace(
        "nilai = \"B (70,89 %)\"",
        "nilai = \"79228162514264337593543950335\"",
    );
    let m = masalah(&[("renstra.toml", RENSTRA), ("pengukuran.toml", &bad)]);
    assert_eq!(m.len(), 1, "{m:?}");
    assert!(m[0].starts_with("pengukuran.toml:11:9:"), "{}", m[0]);
    assert!(
        m[0].contains("melebihi batas 1.000.000.000.000.000"),
        "{}",
        m[0]
    );
}

#[test]
fn a_float_is_refused_with_a_suggestion() {
    let bad = PENGUKURAN.replace("\"1.274.830.966,58\"", "1274830966.58");
    let m = masalah(&[("renstra.toml", RENSTRA), ("pengukuran.toml", &bad)]);
    assert!(m[0].contains("tulis sebagai teks"), "{}", m[0]);
}

#[test]
fn a_missing_reference_is_located_in_the_right_file() {
    let bad = RENSTRA.replace(
        "pemilik = { sasaran = \"S1\" }",
        "pemilik = { sasaran = \"S9\" }",
    );
    let m = masalah(&[("renstra.toml", &bad), ("pengukuran.toml", PENGUKURAN)]);
    assert_eq!(m.len(), 1, "{m:?}");
    // The [[indikator]] header is on line 25 of renstra.toml.
    assert!(
        m[0].starts_with("renstra.toml:25: [[indikator]] ke-1 (id \"IK-1\")"),
        "{}",
        m[0]
    );
    assert!(m[0].contains("sasaran \"S9\" yang tidak ada"), "{}", m[0]);
}

#[test]
fn a_realisasi_for_an_unknown_indicator_or_year_is_refused() {
    let bad = PENGUKURAN.replace(
        "[[realisasi]]\nindikator = \"IK-1\"\ntahun = 2020",
        "[[realisasi]]\nindikator = \"IK-1\"\ntahun = 2025",
    );
    let m = masalah(&[("renstra.toml", RENSTRA), ("pengukuran.toml", &bad)]);
    assert!(
        m[0].starts_with("pengukuran.toml:8: [[realisasi]] ke-1"),
        "{}",
        m[0]
    );
    assert!(m[0].contains("2016-2021"), "{}", m[0]);
}

#[test]
fn a_misspelt_key_is_refused() {
    let bad = RENSTRA.replace("uraian = \"Nilai SKM\"", "uraain = \"Nilai SKM\"");
    let m = masalah(&[("renstra.toml", &bad)]);
    assert!(m[0].contains("uraain"), "{}", m[0]);
    assert!(m[0].starts_with("renstra.toml:"), "{}", m[0]);
}

#[test]
fn all_problems_are_listed_and_nothing_is_returned() {
    let bad = RENSTRA
        .replace("tujuan = \"T1\"", "tujuan = \"T7\"")
        .replace("instansi = \"mumbulsari\"", "instansi = \"x\"");
    let m = masalah(&[("renstra.toml", &bad)]);
    assert_eq!(m.len(), 2, "{m:?}");
}

#[test]
fn writing_and_reading_back_gives_the_same_data() {
    let d = baca_sumber(sumber(&[
        ("renstra.toml", RENSTRA),
        ("pengukuran.toml", PENGUKURAN),
    ]))
    .unwrap();
    let teks = ke_toml(&d).unwrap();
    let d2 = baca_sumber(sumber(&[("semua.toml", &teks)])).unwrap();
    assert_eq!(d, d2);
    // Money is written the Indonesian way, exactly.
    assert!(teks.contains("pagu = \"1.274.830.966,58\""), "{teks}");
}

#[test]
fn a_missing_path_is_an_io_error() {
    assert!(matches!(
        baca(std::path::Path::new("/tidak/ada.toml")),
        Err(GalatBerkas::Io { .. })
    ));
}

#[test]
fn the_published_schema_is_up_to_date() {
    let path =
        PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../schema/kinerja-data.schema.json");
    let baru = kinerja_berkas::skema_json();
    if std::env::var_os("KINERJA_PERBARUI_SKEMA").is_some() {
        std::fs::write(&path, &baru).unwrap();
    }
    let lama = std::fs::read_to_string(&path).unwrap_or_default();
    assert!(
        lama == baru,
        "schema/kinerja-data.schema.json is stale: run `KINERJA_PERBARUI_SKEMA=1 cargo test -p kinerja-berkas` and commit it"
    );
}

const SUB_KEGIATAN: &str = r#"
[[program]]
id = "P1"
kode = "7.01.02"
nama = "Program Penyelenggaraan Pemerintahan dan Pelayanan Publik"

[[kegiatan]]
id = "K1"
program = "P1"
kode = "7.01.02.02.01"
nama = "Perencanaan, Penganggaran, dan Evaluasi Kinerja Perangkat Daerah"

[[sub_kegiatan]]
id = "SK1"
kegiatan = "K1"
kode = "7.1.2.2.1.1"
nama = "Penyusunan Dokumen Perencanaan Perangkat Daerah"

[[anggaran]]
id = "sk1-2021"
tahun = 2021
tempat = { sub_kegiatan = "SK1" }
jenis = "operasi"
pagu = "10.000.000"
pagu_perubahan = "12.500.000,50"
realisasi_bulanan = { januari = "1.000.000", maret = "2.000.000,25" }
"#;

#[test]
fn sub_kegiatan_codes_are_normalised_and_months_read() {
    let d = baca_sumber(sumber(&[
        ("renstra.toml", RENSTRA),
        ("anggaran.toml", SUB_KEGIATAN),
    ]))
    .unwrap();
    // Each segment padded to the width of Kepmendagri 050-5889/2021: 1, 2, 2, 1, 2, 4.
    assert_eq!(d.kegiatan[0].kode.as_deref(), Some("7.01.02.2.01"));
    assert_eq!(d.sub_kegiatan[0].kode.as_deref(), Some("7.01.02.2.01.0001"));
    let pos = &d.anggaran[0];
    assert_eq!(pos.pagu_berlaku().nilai().to_string(), "12500000.5");
    // 1.000.000 + 2.000.000,25.
    assert_eq!(
        pos.realisasi_tahun().unwrap().nilai().to_string(),
        "3000000.25"
    );
    // Written back and read again: equal data.
    let teks = ke_toml(&d).unwrap();
    let lagi = baca_sumber(sumber(&[("semua.toml", &teks)])).unwrap();
    assert_eq!(lagi, d);
}

#[test]
fn a_sub_kegiatan_code_outside_its_kegiatan_is_refused_with_its_line() {
    let bad = SUB_KEGIATAN.replace("7.1.2.2.1.1", "7.01.03.2.01.0001");
    let m = masalah(&[("renstra.toml", RENSTRA), ("anggaran.toml", &bad)]);
    assert_eq!(m.len(), 1, "{m:?}");
    assert!(m[0].starts_with("anggaran.toml:13:"), "{}", m[0]);
    assert!(
        m[0].contains("[[sub_kegiatan]] ke-1 (id \"SK1\"), medan `kode`"),
        "{}",
        m[0]
    );
    assert!(
        m[0].contains("tidak berada di bawah kode kegiatan"),
        "{}",
        m[0]
    );
}

#[test]
fn the_renstra_indicative_pagu_is_read_written_and_placed() {
    let program = |pagu: &str| {
        SUB_KEGIATAN.replace(
            "nama = \"Program Penyelenggaraan Pemerintahan dan Pelayanan Publik\"",
            &format!(
                "nama = \"Program Penyelenggaraan Pemerintahan dan Pelayanan Publik\"\npagu_indikatif = {pagu}"
            ),
        )
    };
    let ok = program(
        "[{ tahun = 2020, pagu = \"210.000.000\" }, { tahun = 2021, pagu = \"231.000.000,50\" }]",
    );
    let d = baca_sumber(sumber(&[("renstra.toml", RENSTRA), ("anggaran.toml", &ok)])).unwrap();
    let pi = &d.program[0].pagu_indikatif;
    assert_eq!(pi.len(), 2);
    assert_eq!(pi[1].pagu.nilai().to_string(), "231000000.5");
    let teks = ke_toml(&d).unwrap();
    assert_eq!(baca_sumber(sumber(&[("semua.toml", &teks)])).unwrap(), d);
    // A year outside the Renstra (2016-2021) is refused with its line.
    let luar = program("[{ tahun = 2022, pagu = \"1\" }]");
    let m = masalah(&[("renstra.toml", RENSTRA), ("anggaran.toml", &luar)]);
    assert_eq!(m.len(), 1, "{m:?}");
    assert!(m[0].starts_with("anggaran.toml:"), "{}", m[0]);
    assert!(
        m[0].contains(
            "medan `pagu_indikatif`: pagu indikatif tahun 2022 di luar periode Renstra (2016-2021)"
        ),
        "{}",
        m[0]
    );
}
