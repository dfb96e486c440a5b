//! `kinerja skm ... --laporan`: the SKM report written as PDF and DOCX and read back with
//! pdftotext; the mapping of columns and answers printed for the user to check.

mod bersama;

use std::path::{Path, PathBuf};

use bersama::{docx_ke_pdf, kinerja, pdftotext};

/// Six respondents (jenis kelamin, umur, layanan, U1..U9). By hand: answer sums per unsur 21 18
/// 20 23 19 21 22 16 15 = 175 over 6 x 9 answers, IKM 175/54, NIK 4375/54 = 81,0185 -> 81,02
/// (B); below the mean, lowest first: U9 62,50, U8 66,67, U2 75,00, U5 79,17.
const SURVEI: &str = "\
jenis_kelamin,umur,layanan,U1,U2,U3,4. Bagaimana pendapat Saudara tentang kewajaran biaya/tarif dalam pelayanan?,U5,U6,U7,U8,U9
Laki-laki,25,KTP,3,3,4,Gratis,3,3,4,3,2
Perempuan,34,KK,4,3,3,Gratis,3,4,4,3,3
Laki-laki,41,KTP,3,2,3,Gratis,3,3,3,2,1
Perempuan,19,Akta,4,3,4,Gratis,4,4,4,3,3
Perempuan,52,KTP,3,3,3,Murah,3,3,4,3,2
Laki-laki,63,KK,4,4,3,Gratis,3,4,3,2,4
";

const KETERANGAN: &str = r#"
instansi = "Kecamatan Mumbulsari"
induk = "Kabupaten Jember"
periode = "Januari - Desember 2024"
tahun = 2024
populasi = 100
metode = "Kuesioner diisi sendiri oleh pengguna layanan di loket PATEN."
tempat_tanggal = "Jember, Januari 2025"

[penandatangan]
jabatan = "CAMAT MUMBULSARI"
nama = "Drs. Contoh Camat"

[[riwayat]]
periode = "2022"
tahun = 2022
nik = "75,50"

[[riwayat]]
periode = "2023"
tahun = 2023
berkas = "skm-2023.csv"

[[tindak_lanjut]]
unsur = "U9"
kegiatan = "Membuka kanal pengaduan daring yang dijawab paling lama lima hari kerja"
jadwal = "Triwulan I 2025"
penanggung_jawab = "Seksi Pelayanan Umum"

[[tindak_lanjut_lalu]]
unsur = "U4"
kegiatan = "Papan informasi biaya di loket"
jadwal = "2024"
penanggung_jawab = "Sekretariat"
status = "selesai"
"#;

fn siapkan(nama: &str) -> PathBuf {
    let dir = std::env::temp_dir().join(format!("kinerja-{nama}-{}", std::process::id()));
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    std::fs::write(dir.join("skm-2024.csv"), SURVEI).unwrap();
    std::fs::write(dir.join("keterangan.toml"), KETERANGAN).unwrap();
    // The 2023 period: the SKM tests' hand example, NIK 700/9 = 77,78.
    std::fs::copy(
        Path::new(env!("CARGO_MANIFEST_DIR")).join("../kinerja-skm/tests/data/contoh-9-unsur.csv"),
        dir.join("skm-2023.csv"),
    )
    .unwrap();
    dir
}

#[test]
fn the_skm_report_as_pdf_and_docx() {
    let dir = siapkan("laporan-skm");
    let pdf = dir.join("laporan-skm.pdf");
    let args = |keluaran: &Path| {
        vec![
            "skm".to_string(),
            dir.join("skm-2024.csv").display().to_string(),
            "--laporan".into(),
            keluaran.display().to_string(),
            "--keterangan".into(),
            dir.join("keterangan.toml").display().to_string(),
        ]
    };
    let a = args(&pdf);
    let o = kinerja(&a.iter().map(String::as_str).collect::<Vec<_>>());
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    let out = String::from_utf8_lossy(&o.stdout);
    // The mapping is printed: U4 from the question's wording, its two labels.
    assert!(out.contains("Pemetaan kolom"), "{out}");
    assert!(out.contains("pertanyaan baku, kemiripan 100 %"), "{out}");
    assert!(out.contains("'Murah' = 3, 'Gratis' = 4"), "{out}");
    assert!(out.contains("Laporan SKM ditulis ke"), "{out}");

    if let Some(t) = pdftotext(&pdf) {
        for f in [
            // The cover's title wraps; the page footer names the report in one line.
            "Laporan Survei Kepuasan Masyarakat Tahun 2024",
            "KECAMATAN MUMBULSARI",
            "RINGKASAN",
            "METODE SURVEI",
            // Population 100 needs 80 (Krejcie-Morgan); 6 is not enough.
            "Krejcie",
            "TIDAK mencukupi",
            "Responden menurut jenis kelamin",
            "Laki-laki",
            "81,02",
            "3,241",
            "Penanganan Pengaduan",
            "62,50",
            // The trend: 2022 as published, 2023 computed from its answers (77,78); up by
            // 81,0185 - 77,7778 = 3,2407 -> 3,24.
            "angka terbit",
            "75,50",
            "77,78",
            "naik 3,24",
            "RENCANA TINDAK LANJUT",
            "kanal pengaduan daring",
            "Seksi Pelayanan",
            "selesai",
            // U8 and U2 are below the mean without a plan: said so.
            "belum memiliki rencana tindak lanjut",
            "CAMAT MUMBULSARI",
        ] {
            assert!(t.contains(f), "{f} missing from the PDF text:\n{t}");
        }
    }
    // The same input gives the same bytes.
    let pdf2 = dir.join("laporan-skm-2.pdf");
    let a = args(&pdf2);
    assert!(
        kinerja(&a.iter().map(String::as_str).collect::<Vec<_>>())
            .status
            .success()
    );
    assert_eq!(std::fs::read(&pdf).unwrap(), std::fs::read(&pdf2).unwrap());

    let docx = dir.join("laporan-skm.docx");
    let a = args(&docx);
    let o = kinerja(&a.iter().map(String::as_str).collect::<Vec<_>>());
    assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
    assert!(std::fs::read(&docx).unwrap().starts_with(b"PK"));
    // The same report as one HTML page, for the instansi's website.
    let html = dir.join("laporan-skm.html");
    let a = args(&html);
    assert!(
        kinerja(&a.iter().map(String::as_str).collect::<Vec<_>>())
            .status
            .success()
    );
    let h = std::fs::read_to_string(&html).unwrap();
    assert!(h.contains("RENCANA TINDAK LANJUT") && h.contains("81,02"));
    // LibreOffice opens the DOCX: the same chapters and figures.
    let lo = dir.join("lo");
    std::fs::create_dir_all(&lo).unwrap();
    if let Some(t) = docx_ke_pdf(&docx, &lo).and_then(|p| pdftotext(&p)) {
        for f in [
            "RENCANA TINDAK LANJUT",
            "81,02",
            "Tabel 3.4",
            "angka terbit",
        ] {
            assert!(
                t.contains(f),
                "{f} missing from the DOCX as LibreOffice reads it:\n{t}"
            );
        }
    }
    std::fs::remove_dir_all(&dir).ok();
}

#[test]
fn a_bad_description_is_refused_before_anything_is_written() {
    let dir = siapkan("laporan-skm-buruk");
    std::fs::write(
        dir.join("keterangan.toml"),
        "[[riwayat]]\nperiode = \"2023\"\ntahun = 2023\n",
    )
    .unwrap();
    let pdf = dir.join("x.pdf");
    let o = kinerja(&[
        "skm",
        dir.join("skm-2024.csv").to_str().unwrap(),
        "--laporan",
        pdf.to_str().unwrap(),
        "--keterangan",
        dir.join("keterangan.toml").to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(
        String::from_utf8_lossy(&o.stderr).contains("riwayat 2023"),
        "{}",
        String::from_utf8_lossy(&o.stderr)
    );
    assert!(!pdf.exists());
    // Without a description and without a date column, the year is unknown: asked for.
    let o = kinerja(&[
        "skm",
        dir.join("skm-2024.csv").to_str().unwrap(),
        "--laporan",
        pdf.to_str().unwrap(),
    ]);
    assert_eq!(o.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&o.stderr).contains("tahun survei tidak diketahui"));
    assert!(!pdf.exists());
    std::fs::remove_dir_all(&dir).ok();
}
