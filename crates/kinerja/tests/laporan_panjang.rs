//! A long report: a synthetic instansi (kinerja-sintetis: 6 sasaran of 5 indicators, 8 kegiatan,
//! five years of data, deliberately wrong stated figures for the reviu annex) rendered in all
//! four formats; in the PDF and in the DOCX as LibreOffice lays it out, no word runs into the
//! right margin (pdftotext -bbox: every word ends at least 15 mm before the page's edge).

#[allow(dead_code)] // this test uses only the LibreOffice helper
mod bersama;

use kinerja_core::waktu::Tahun;
use kinerja_laporan::{OpsiLaporan, susun};
use std::path::Path;
use std::process::Command;

/// Words whose right edge lies in the last 15 mm of their page: "page N: word (xMax of width)".
fn melewati_tepi(pdf: &Path) -> Option<(usize, Vec<String>)> {
    let o = match Command::new("pdftotext")
        .arg("-bbox")
        .arg(pdf)
        .arg("-")
        .output()
    {
        Ok(o) if o.status.success() => o,
        _ => {
            assert!(
                std::env::var_os("KINERJA_CI").is_none(),
                "pdftotext (poppler-utils) is required in CI"
            );
            eprintln!("SKIP: pdftotext not installed");
            return None;
        }
    };
    let teks = String::from_utf8_lossy(&o.stdout);
    let atribut = |l: &str, nama: &str| -> f64 {
        let k = format!("{nama}=\"");
        let i = l.find(&k).expect(nama) + k.len();
        l[i..]
            .split('"')
            .next()
            .and_then(|v| v.parse().ok())
            .expect(nama)
    };
    let (mut halaman, mut lebar, mut kata) = (0, 0.0, 0);
    let mut lewat = Vec::new();
    for l in teks.lines().map(str::trim) {
        if l.starts_with("<page ") {
            halaman += 1;
            lebar = atribut(l, "width");
        } else if l.starts_with("<word ") {
            kata += 1;
            let x = atribut(l, "xMax");
            // 15 mm = 42.5 pt; the text area ends 25 mm from the edge.
            if x > lebar - 42.5 {
                let w = l
                    .split('>')
                    .nth(1)
                    .and_then(|s| s.split('<').next())
                    .unwrap_or("");
                lewat.push(format!("page {halaman}: {w} ({x:.1} of {lebar:.1})"));
            }
        }
    }
    assert!(kata > 1000, "{kata} words read from {}", pdf.display());
    Some((halaman, lewat))
}

#[test]
fn a_long_synthetic_report_renders_in_every_format_within_the_margins() {
    let data = kinerja_sintetis::instansi(0);
    let tahun = Tahun::new(i64::from(kinerja_sintetis::TAHUN_AWAL + 1)).expect("year");
    let opsi = OpsiLaporan {
        paksa: true,
        versi: "uji".into(),
        aturan: vec![],
        logo: None,
    };
    let d = susun(&data, tahun, &opsi).expect("the report composes");
    let tabel = d.tabel().count();
    let baris: usize = d.tabel().map(|t| t.baris.len()).sum();
    assert!(tabel >= 20 && baris >= 150, "{tabel} tables, {baris} rows");

    let dir = std::path::PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("laporan-panjang");
    std::fs::create_dir_all(&dir).expect("dir");
    // Not "panjang.pdf": LibreOffice writes the DOCX's conversion under that name.
    let pdf = dir.join("panjang-typst.pdf");
    std::fs::write(&pdf, kinerja_laporan_pdf::pdf(&d).expect("pdf")).expect("write");
    let docx = dir.join("panjang.docx");
    std::fs::write(&docx, kinerja_laporan_docx::docx(&d).expect("docx")).expect("write");
    kinerja_laporan_xlsx::xlsx(&d).expect("xlsx");
    assert!(kinerja_laporan::html::html(&d).ends_with("</html>\n"));

    let Some((halaman, lewat)) = melewati_tepi(&pdf) else {
        return;
    };
    eprintln!("PDF: {tabel} tables, {baris} rows, {halaman} pages");
    assert!(
        lewat.is_empty(),
        "PDF words into the margin:\n{}",
        lewat.join("\n")
    );
    let Some(dari_lo) = bersama::docx_ke_pdf(&docx, &dir) else {
        return;
    };
    let (halaman, lewat) = melewati_tepi(&dari_lo).expect("pdftotext ran above");
    eprintln!("DOCX in LibreOffice: {halaman} pages");
    assert!(
        lewat.is_empty(),
        "DOCX words into the margin:\n{}",
        lewat.join("\n")
    );
}
