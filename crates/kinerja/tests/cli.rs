//! The `kinerja` command on the bundled Mumbulsari example: the figures a perencana reads,
//! computed by hand from the seed's primary data (../shared/seed).

// Each test file uses some of the shared helpers.
#[allow(dead_code)]
mod bersama;

use std::path::PathBuf;
use std::process::Output;

use bersama::{kinerja, pdftotext};

fn contoh() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../contoh/mumbulsari")
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn json(args: &[&str]) -> serde_json::Value {
    let o = kinerja(args);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    serde_json::from_slice(&o.stdout).expect("JSON")
}

#[test]
fn capaian_table_of_the_seed() {
    let o = kinerja(&["capaian", contoh().to_str().unwrap(), "--tahun", "2020"]);
    assert!(o.status.success());
    let s = stdout(&o);
    // 70,89 / 80 x 100 = 88,6125 -> 88,61 %; 86,90 / 100 = 86,90 %; 90 / 100 = 90,00 %.
    for f in ["88,61 %", "86,90 %", "90,00 %", "B (80 %)", "B (70,89 %)"] {
        assert!(s.contains(f), "{f} missing in\n{s}");
    }
    // Sasaran 2: (86,90 + 90) / 2 = 88,45 %.
    assert!(s.contains("88,45 %"), "{s}");
    assert!(!s.contains("Kurang"), "{s}");
}

#[test]
fn the_bundled_example_is_the_default_data() {
    let a = stdout(&kinerja(&["capaian", "--format", "json"]));
    let b = stdout(&kinerja(&[
        "capaian",
        contoh().to_str().unwrap(),
        "--format",
        "json",
    ]));
    assert_eq!(a, b);
}

#[test]
fn capaian_json_keys_and_numbers() {
    let v = json(&["capaian", contoh().to_str().unwrap(), "--format", "json"]);
    let rows = v["indikator"].as_array().unwrap();
    assert_eq!(rows.len(), 3);
    for k in [
        "sasaran",
        "indikator",
        "target",
        "realisasi",
        "capaian",
        "predikat",
    ] {
        assert!(rows[0].get(k).is_some(), "key {k}");
    }
    assert_eq!(rows[0]["capaian"].to_string(), "88.61");
    assert_eq!(rows[0]["target"].to_string(), "80");
    assert_eq!(rows[0]["realisasi"].to_string(), "70.89");
    assert_eq!(rows[0]["predikat"], "Baik");
    assert_eq!(v["sasaran"][1]["capaian"].to_string(), "88.45");
}

#[test]
fn anggaran_of_the_seed() {
    let s = stdout(&kinerja(&[
        "anggaran",
        contoh().to_str().unwrap(),
        "--tahun",
        "2020",
    ]));
    // Program I from its kegiatan: 13.459.500 + 121.240.000 + 43.864.567 = 178.564.067; / 210 jt =
    // 85,03 %. Belanja Langsung 354.478.761 / 400.000.000 = 88,62 %; total 1.244.150.891 /
    // 1.674.830.966,58 = 74,29 %; BTL share 76,12 %.
    for f in [
        "178.564.067,00",
        "85,03 %",
        "354.478.761,00",
        "88,62 %",
        "1.674.830.966,58",
        "1.244.150.891,00",
        "74,29 %",
        "76,12 %",
        "23,88 %",
        "52,50 %",
        "47,50 %",
    ] {
        assert!(s.contains(f), "{f} missing in\n{s}");
    }
}

#[test]
fn anggaran_json_is_exact() {
    let v = json(&["anggaran", contoh().to_str().unwrap(), "--format", "json"]);
    assert_eq!(v["total"]["pagu"].to_string(), "1674830966.58");
    assert_eq!(v["total"]["realisasi"].to_string(), "1244150891");
    assert_eq!(v["program_total"]["serapan"].to_string(), "88.62");
}

#[test]
fn csv_opens_as_numbers_in_indonesian_excel() {
    let o = kinerja(&["anggaran", contoh().to_str().unwrap(), "--format", "csv"]);
    let s = stdout(&o);
    let first = s.lines().next().unwrap();
    assert_eq!(
        first,
        "No;Program / Kegiatan;Pagu (Rp);Realisasi (Rp);Serapan"
    );
    assert!(s.contains(";210000000,00;178564067,00;85,03"), "{s}");
}

#[test]
fn a_bad_file_is_refused_with_its_place_and_exit_2() {
    let dir = std::env::temp_dir().join(format!("kinerja-cli-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let f = dir.join("data.toml");
    std::fs::write(&f, "[[instansi]]\nid = \"x\"\nnama = \"X\"\njenis = \"kecamatan\"\n\n[[anggaran]]\nid = \"a\"\ntahun = 2020\ntempat = \"instansi\"\njenis = \"tidak_langsung\"\npagu = \"210.000,000,00\"\n").unwrap();
    let o = kinerja(&["capaian", f.to_str().unwrap()]);
    assert_eq!(o.status.code(), Some(2));
    let e = String::from_utf8_lossy(&o.stderr);
    assert!(e.contains("data.toml:11:8"), "{e}");
    assert!(e.contains("210.000,000,00"), "{e}");
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn validasi_prints_warnings_without_refusing() {
    let dir = std::env::temp_dir().join(format!("kinerja-peringatan-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let f = dir.join("data.toml");
    // A "makin tinggi makin baik" indicator (the default polarity) with a target "≤ 5" and a
    // negative one.
    std::fs::write(
        &f,
        r#"[[instansi]]
id = "x"
nama = "X"
jenis = "kecamatan"

[[renstra]]
id = "rs"
instansi = "x"
tahun_awal = 2020
tahun_akhir = 2024

[[tujuan]]
id = "T1"
renstra = "rs"
nomor = 1
uraian = "Tujuan"

[[sasaran]]
id = "S1"
tujuan = "T1"
nomor = 1
uraian = "Sasaran"

[[indikator]]
id = "I"
pemilik = { sasaran = "S1" }
nomor = 1
uraian = "Pertumbuhan"

[[target]]
indikator = "I"
tahun = 2020
dokumen = "renstra"
nilai = "≤ 5"

[[target]]
indikator = "I"
tahun = 2021
dokumen = "renstra"
nilai = "-2"
"#,
    )
    .unwrap();
    let o = kinerja(&["validasi", f.to_str().unwrap()]);
    let s = stdout(&o);
    assert_eq!(o.status.code(), Some(0), "{s}");
    assert!(s.contains("data sah"), "{s}");
    assert!(s.contains("[peringatan] TARGET-OPERATOR-POLARITAS"), "{s}");
    assert!(s.contains("[peringatan] TARGET-NEGATIF"), "{s}");
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn periksa_on_the_seed_exits_1_with_its_errors() {
    let o = kinerja(&["periksa", contoh().to_str().unwrap(), "--format", "json"]);
    assert_eq!(o.status.code(), Some(1));
    let v: serde_json::Value = serde_json::from_slice(&o.stdout).unwrap();
    let list = v.as_array().unwrap();
    let find = |aturan: &str, tercatat: &str| {
        list.iter().any(|t| {
            t["aturan"] == aturan
                && t["tercatat"] == serde_json::from_str::<serde_json::Value>(tercatat).unwrap()
        })
    };
    // Program I realisasi printed 155.167.739; its kegiatan add up to 178.564.067.
    assert!(find("ANGGARAN-TERCATAT", "155167739"));
    // Bab IV total realisasi 1.267.731.971,00 against 889.672.130 + 354.478.761 = 1.244.150.891.
    assert!(find("ANGGARAN-TERCATAT", "1267731971"));
    // SKM row 3: 0/0/100/0 gives 3 x 25 = 75; printed 70.
    assert!(find("SKM-HITUNG-ULANG", "70"));
    for t in list {
        for k in ["aturan", "tingkat", "lokasi", "pesan"] {
            assert!(t.get(k).is_some());
        }
    }
}

#[test]
fn the_example_round_trips_through_the_file_format() {
    let d = kinerja_berkas::baca(&contoh()).unwrap();
    let teks = kinerja_berkas::ke_toml(&d).unwrap();
    let d2 = kinerja_berkas::baca_sumber(vec![(PathBuf::from("semua.toml"), teks)]).unwrap();
    assert_eq!(d, d2);
}

#[test]
fn a_survey_attached_to_the_data_becomes_the_indicators_realisasi() {
    // A copy of the example, to which a 2021 survey is attached.
    let dir = std::env::temp_dir().join(format!("kinerja-skm-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    for e in std::fs::read_dir(contoh()).unwrap() {
        let p = e.unwrap().path();
        if p.extension().is_some_and(|x| x == "toml") {
            std::fs::copy(&p, dir.join(p.file_name().unwrap())).unwrap();
        }
    }
    let d = kinerja_berkas::baca(&dir).unwrap();
    let ind = d
        .realisasi
        .iter()
        .find(|r| r.tahun.get() == 2020 && r.nilai.teks() == "B (70,89 %)")
        .unwrap()
        .indikator
        .clone();
    // 2021 has no typed realisasi: the attached survey provides it.
    // The 9-unsur hand example of the SKM tests: NIK 77,78 (700/9).
    let survei = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("../kinerja-skm/tests/data/contoh-9-unsur.csv");
    let o = kinerja(&[
        "skm",
        survei.to_str().unwrap(),
        "--lampirkan",
        dir.to_str().unwrap(),
        "--indikator",
        ind.as_str(),
        "--tahun",
        "2021",
        "--instansi",
        "mumbulsari",
        "--survei",
        "skm-2021",
    ]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert!(dir.join("skm-2021.toml").exists());
    let v = json(&[
        "capaian",
        dir.to_str().unwrap(),
        "--tahun",
        "2021",
        "--format",
        "json",
    ]);
    let row = v["indikator"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["indikator_id"] == ind.as_str())
        .unwrap()
        .clone();
    assert_eq!(row["realisasi_teks"], "77,78", "{row}");
    // Attaching the same survey id twice is refused and leaves the data as it was.
    let o = kinerja(&[
        "skm",
        survei.to_str().unwrap(),
        "--lampirkan",
        dir.to_str().unwrap(),
        "--indikator",
        ind.as_str(),
        "--tahun",
        "2021",
        "--instansi",
        "mumbulsari",
        "--survei",
        "skm-2021",
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(kinerja_berkas::baca(&dir).is_ok());
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn the_report_refuses_open_errors_and_prints_them_when_forced() {
    let dir = std::env::temp_dir().join(format!("kinerja-lap-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let pdf = dir.join("lkjip.pdf");
    let o = kinerja(&[
        "laporan",
        contoh().to_str().unwrap(),
        "--tahun",
        "2020",
        "--format",
        "pdf",
        "-o",
        pdf.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(1));
    assert!(String::from_utf8_lossy(&o.stderr).contains("--paksa"));
    assert!(!pdf.exists());
    let o = kinerja(&[
        "laporan",
        contoh().to_str().unwrap(),
        "--tahun",
        "2020",
        "--format",
        "pdf",
        "--paksa",
        "-o",
        pdf.to_str().unwrap(),
    ]);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    if let Some(t) = pdftotext(&pdf) {
        for f in [
            "KATA PENGANTAR",
            "DAFTAR ISI",
            "BAB III",
            "AKUNTABILITAS KINERJA",
            "88,61",
            "1.674.830.966,58",
            "354.478.761,00",
            "178.564.067,00",
            "data tidak tersedia",
            "PERJANJIAN KINERJA",
            "HASIL REVIU",
            "Januari 2021",
        ] {
            assert!(t.contains(f), "{f} missing from the PDF text");
        }
    }
    // The same data gives the same bytes.
    let pdf2 = dir.join("lkjip-2.pdf");
    kinerja(&[
        "laporan",
        contoh().to_str().unwrap(),
        "--tahun",
        "2020",
        "--format",
        "pdf",
        "--paksa",
        "-o",
        pdf2.to_str().unwrap(),
    ]);
    assert_eq!(std::fs::read(&pdf).unwrap(), std::fs::read(&pdf2).unwrap());
    std::fs::remove_dir_all(&dir).ok();
}

/// The example plus one sub kegiatan of K-ADM-1 (program I) under APBD perubahan, reporting
/// January and March.
fn contoh_sub_kegiatan() -> PathBuf {
    let folder = std::env::temp_dir().join(format!("kinerja-cli-sub-{}", std::process::id()));
    std::fs::create_dir_all(&folder).unwrap();
    for e in std::fs::read_dir(contoh()).unwrap() {
        let p = e.unwrap().path();
        if p.extension().is_some_and(|x| x == "toml") {
            std::fs::copy(&p, folder.join(p.file_name().unwrap())).unwrap();
        }
    }
    std::fs::write(
        folder.join("zz-sub-kegiatan.toml"),
        r#"
[[sub_kegiatan]]
id = "SK-1"
kegiatan = "K-ADM-1"
kode = "7.01.02.02.01.0001"
nama = "Penyediaan Jasa Surat Menyurat"

[[anggaran]]
id = "pos-SK-1"
tahun = 2020
tempat = { sub_kegiatan = "SK-1" }
jenis = "langsung_barang_jasa"
pagu = "10.000.000"
pagu_perubahan = "12.500.000,50"
realisasi_bulanan = { januari = "1.000.000", maret = "2.000.000,25" }
"#,
    )
    .unwrap();
    folder
}

#[test]
fn anggaran_shows_sub_kegiatan_pagu_perubahan_and_triwulan() {
    let d = contoh_sub_kegiatan();
    let s = stdout(&kinerja(&[
        "anggaran",
        d.to_str().unwrap(),
        "--tahun",
        "2020",
    ]));
    // Program I: pagu in force 210.000.000 + 12.500.000,50 = 222.500.000,50 (murni 220.000.000);
    // realisasi 178.564.067 + 1.000.000 + 2.000.000,25 = 181.564.067,25; serapan against the
    // pagu in force 181.564.067,25 / 222.500.000,50 = 81,6018... % -> 81,60 %.
    // The sub kegiatan: 3.000.000,25 / 12.500.000,50 = 24,000001... % -> 24,00 %, all of it in
    // triwulan I. All programs: 357.478.761,25 / 412.500.000,50 = 86,6615... % -> 86,66 %.
    for f in [
        "per program, kegiatan dan sub kegiatan",
        "Pagu Murni (Rp)",
        "7.01.02.2.01.0001",
        "222.500.000,50",
        "220.000.000,00",
        "181.564.067,25",
        "81,60 %",
        "24,00 %",
        "412.500.000,50",
        "86,66 %",
        "Realisasi per triwulan",
        // Triwulan I of the sub kegiatan: 3.000.000,25, serapan to March 24,00 %.
        "3.000.000,25 (24,00 %)",
        "10 pos hanya melaporkan realisasi setahun",
    ] {
        assert!(s.contains(f), "{f} missing in\n{s}");
    }
    let v = json(&["anggaran", d.to_str().unwrap(), "--format", "json"]);
    let sub = &v["program"][0]["kegiatan"][0]["sub_kegiatan"][0];
    assert_eq!(sub["kode"], "7.01.02.2.01.0001");
    assert_eq!(sub["pagu"].to_string(), "12500000.5");
    assert_eq!(sub["pagu_murni"].to_string(), "10000000");
    assert_eq!(sub["serapan"].to_string(), "24");
    assert_eq!(sub["triwulan"][0]["realisasi"].to_string(), "3000000.25");
    assert_eq!(sub["triwulan"][1]["realisasi"], serde_json::Value::Null);
    assert_eq!(v["program_total"]["serapan"].to_string(), "86.66");
    let csv = stdout(&kinerja(&[
        "anggaran",
        d.to_str().unwrap(),
        "--format",
        "csv",
    ]));
    assert!(
        csv.starts_with("No;Program / Kegiatan / Sub Kegiatan;Pagu Murni (Rp);Pagu Berlaku (Rp);"),
        "{csv}"
    );
    assert!(csv.contains("7.01.02.2.01.0001;Penyediaan Jasa Surat Menyurat;10000000,00;12500000,50;3000000,25;24,00"), "{csv}");
    std::fs::remove_dir_all(&d).ok();
}

/// `--arsip`: the example as PDF/A-2a (typst-pdf refuses to write a file that breaks the rules
/// it checks), and only for PDF.
#[test]
fn the_archive_report_is_pdfa_2a_and_only_pdf() {
    let dir = std::env::temp_dir().join(format!("kinerja-arsip-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let pdf = dir.join("lkjip-arsip.pdf");
    let jalankan = |format: &str, keluaran: &std::path::Path| {
        kinerja(&[
            "laporan",
            contoh().to_str().unwrap(),
            "--format",
            format,
            "--paksa",
            "--arsip",
            "-o",
            keluaran.to_str().unwrap(),
        ])
    };
    let o = jalankan("pdf", &pdf);
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let b = std::fs::read(&pdf).unwrap();
    let s = String::from_utf8_lossy(&b);
    assert!(s.contains("<pdfaid:part>2</pdfaid:part><pdfaid:conformance>A</pdfaid:conformance>"));
    assert!(s.contains("/Lang(id)"));
    let docx = dir.join("lkjip.docx");
    let o = jalankan("docx", &docx);
    assert!(!o.status.success());
    assert!(String::from_utf8_lossy(&o.stderr).contains("--arsip hanya untuk --format pdf"));
    assert!(!docx.exists());
    std::fs::remove_dir_all(&dir).ok();
}

/// A reader that stops early (`kinerja skema | head -c 10`) closes the pipe: the command ends
/// quietly with success, no panic. The schema (~75 KB) is larger than a pipe's buffer (64 KB),
/// so the command is still writing when the pipe closes.
#[test]
fn a_closed_pipe_ends_the_output_without_a_panic() {
    use std::io::Read;
    use std::process::{Command, Stdio};
    let mut anak = Command::new(env!("CARGO_BIN_EXE_kinerja"))
        .arg("skema")
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut awal = [0u8; 10];
    anak.stdout.take().unwrap().read_exact(&mut awal).unwrap();
    let o = anak.wait_with_output().unwrap();
    let galat = String::from_utf8_lossy(&o.stderr);
    assert!(o.status.success(), "{:?}: {galat}", o.status);
    assert!(!galat.contains("panicked"), "{galat}");
}
