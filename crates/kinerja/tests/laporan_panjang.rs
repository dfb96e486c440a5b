//! The long report of issue 17: a synthetic instansi of 12 sasaran, 60 indicators and 40
//! kegiatan with names as long as real ones, forced past a reviu of at least 200 findings,
//! rendered in all four formats. In the PDF and in the DOCX as LibreOffice lays it out
//! (`pdftotext -bbox`: every word with its box, page by page):
//! - no word runs into the right margin (every word ends at least 15 mm before the page's edge);
//! - no table header row is orphaned (a header at the bottom of a page with no body row after it
//!   on that page);
//! - no word of a table cell is broken inside (two consecutive words that join into it).

#[allow(dead_code)] // this test uses only the LibreOffice helper
mod bersama;

use kinerja_core::waktu::Tahun;
use kinerja_laporan::{Dokumen, OpsiLaporan, susun};
use kinerja_sintetis::{Skala, instansi_skala};
use std::collections::BTreeSet;
use std::path::Path;
use std::process::Command;

/// A word as pdftotext places it (points, from the page's top left).
struct Kata {
    x1: f64,
    y0: f64,
    y1: f64,
    teks: String,
}

struct Halaman {
    lebar: f64,
    tinggi: f64,
    kata: Vec<Kata>,
}

/// Every page's words, in pdftotext's reading order; None when pdftotext is missing (a failure
/// under KINERJA_CI).
fn baca(pdf: &Path) -> Option<Vec<Halaman>> {
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
    let mut halaman: Vec<Halaman> = Vec::new();
    for l in teks.lines().map(str::trim) {
        if l.starts_with("<page ") {
            halaman.push(Halaman {
                lebar: atribut(l, "width"),
                tinggi: atribut(l, "height"),
                kata: Vec::new(),
            });
        } else if l.starts_with("<word ")
            && let Some(h) = halaman.last_mut()
        {
            let teks = l
                .split('>')
                .nth(1)
                .and_then(|s| s.split('<').next())
                .unwrap_or("")
                .replace("&amp;", "&")
                .replace("&lt;", "<")
                .replace("&gt;", ">")
                .replace("&quot;", "\"")
                .replace("&apos;", "'");
            h.kata.push(Kata {
                x1: atribut(l, "xMax"),
                y0: atribut(l, "yMin"),
                y1: atribut(l, "yMax"),
                teks,
            });
        }
    }
    let jumlah: usize = halaman.iter().map(|h| h.kata.len()).sum();
    assert!(jumlah > 5000, "{jumlah} words read from {}", pdf.display());
    Some(halaman)
}

/// Words whose right edge lies in the last 15 mm of their page: "page N: word (xMax of width)".
fn melewati_tepi(halaman: &[Halaman]) -> Vec<String> {
    let mut lewat = Vec::new();
    for (n, h) in halaman.iter().enumerate() {
        for k in &h.kata {
            // 15 mm = 42.5 pt; the text area ends 25 mm from the edge.
            if k.x1 > h.lebar - 42.5 {
                lewat.push(format!(
                    "page {}: {} ({:.1} of {:.1})",
                    n + 1,
                    k.teks,
                    k.x1,
                    h.lebar
                ));
            }
        }
    }
    lewat
}

/// The page's lines of body text, top to bottom, each as its words left to right: words whose
/// tops lie within 2 pt are one line. The footer (the lines in the bottom 90 pt that carry the
/// fingerprint, the draft mark, the "·" of the footer line, or only a page number) is left out.
fn baris_badan(h: &Halaman) -> Vec<Vec<&str>> {
    let mut kata: Vec<&Kata> = h.kata.iter().collect();
    kata.sort_by(|a, b| a.y0.total_cmp(&b.y0));
    let mut baris: Vec<(f64, f64, Vec<&Kata>)> = Vec::new();
    for k in kata {
        match baris.last_mut() {
            Some((y0, y1, b)) if (k.y0 - *y0).abs() < 2.0 => {
                b.push(k);
                *y1 = y1.max(k.y1);
            }
            _ => baris.push((k.y0, k.y1, vec![k])),
        }
    }
    let nomor = |s: &str| {
        !s.is_empty()
            && (s.chars().all(|c| c.is_ascii_digit()) || s.chars().all(|c| "ivxlc".contains(c)))
    };
    baris
        .into_iter()
        .filter(|(_, y1, b)| {
            let kaki = *y1 > h.tinggi - 90.0
                && (b
                    .iter()
                    .any(|k| k.teks == "sidik" || k.teks.starts_with("DRAF") || k.teks == "·")
                    || (b.len() == 1 && nomor(&b[0].teks)));
            !kaki
        })
        .map(|(_, _, mut b)| {
            b.sort_by(|a, c| a.x1.total_cmp(&c.x1));
            b.into_iter().map(|k| k.teks.as_str()).collect()
        })
        .collect()
}

/// Table headers left alone at the bottom of a page. A header is recognised as a run of
/// lines made only of the words of one table's column titles that holds the first word of
/// every title (tables of three columns or more); it is orphaned when no line follows it on
/// its page.
fn kepala_yatim(halaman: &[Halaman], d: &Dokumen) -> Vec<String> {
    let kepala: Vec<(String, BTreeSet<&str>, BTreeSet<&str>)> = d
        .tabel()
        .filter(|t| t.kolom.len() >= 3)
        .map(|t| {
            let semua = t
                .kolom
                .iter()
                .flat_map(|k| k.judul.split_whitespace())
                .collect();
            let pertama = t
                .kolom
                .iter()
                .filter_map(|k| k.judul.split_whitespace().next())
                .collect();
            (t.judul.clone(), semua, pertama)
        })
        .collect();
    let mut yatim = Vec::new();
    let mut dikenali = 0;
    for (n, h) in halaman.iter().enumerate() {
        let baris = baris_badan(h);
        for (judul, semua, pertama) in &kepala {
            let mut i = 0;
            while i < baris.len() {
                let mut j = i;
                let mut ada = BTreeSet::new();
                while j < baris.len() && baris[j].iter().all(|w| semua.contains(w)) {
                    ada.extend(baris[j].iter().copied());
                    j += 1;
                }
                if j > i && pertama.is_subset(&ada) {
                    dikenali += 1;
                    if j == baris.len() {
                        yatim.push(format!("page {}: the header of {judul}", n + 1));
                    }
                }
                i = j.max(i + 1);
            }
        }
    }
    // The check found the headers it looks for (at least one per table of three columns).
    assert!(
        dikenali >= kepala.len(),
        "{dikenali} headers recognised for {} tables",
        kepala.len()
    );
    yatim
}

/// Words of the tables' cells longer than 13 letters that the page breaks inside: two
/// consecutive words, the first a part of the long word, that join into (the start of) it.
fn kata_terpotong(halaman: &[Halaman], panjang: &BTreeSet<String>) -> Vec<String> {
    let mut potong = Vec::new();
    for (n, h) in halaman.iter().enumerate() {
        for w in h.kata.windows(2) {
            let (a, b) = (w[0].teks.as_str(), w[1].teks.as_str());
            let gabung = format!("{a}{b}");
            if let Some(p) = panjang
                .iter()
                .find(|p| p.len() > a.len() && p.starts_with(a) && p.starts_with(&gabung))
            {
                potong.push(format!("page {}: {a} / {b} ({p})", n + 1));
            }
        }
    }
    potong
}

/// The letters-only words of more than 13 letters in the tables' cells and headers.
fn kata_panjang(d: &Dokumen) -> BTreeSet<String> {
    d.tabel()
        .flat_map(|t| {
            t.baris
                .iter()
                .flat_map(|b| b.sel.iter().map(|s| s.cetak()))
                .chain(t.kolom.iter().map(|k| k.judul.clone()))
                .collect::<Vec<_>>()
        })
        .flat_map(|s| {
            s.split(|c: char| !c.is_alphabetic())
                .filter(|w| w.chars().count() > 13)
                .map(str::to_string)
                .collect::<Vec<_>>()
        })
        .collect()
}

#[test]
fn the_long_synthetic_report_renders_in_every_format_within_the_margins_without_orphans() {
    let mut data = instansi_skala(0, Skala::PANJANG);
    let tahun = Tahun::new(i64::from(kinerja_sintetis::TAHUN_AWAL + 1)).expect("year");
    // A reviu reads only the documents of its year, and the generator files each year's stated
    // capaian under that year's LKj: moved into this year's LKj (as comparison columns), every
    // year's wrong figure is checked here, which forces the annex past 200 findings.
    for t in &mut data.tercatat {
        t.lokasi.dokumen = format!("LKj {tahun}");
    }
    let opsi = OpsiLaporan {
        paksa: true,
        versi: "uji".into(),
        aturan: vec![],
        logo: None,
    };
    let d = susun(&data, tahun, &opsi).expect("the report composes");
    let tabel = d.tabel().count();
    let baris: usize = d.tabel().map(|t| t.baris.len()).sum();
    let temuan = d
        .tabel()
        .find(|t| t.judul.contains("Temuan reviu"))
        .map_or(0, |t| t.baris.len());
    assert!(temuan >= 200, "{temuan} findings in the reviu annex");
    let panjang = kata_panjang(&d);
    assert!(
        panjang.contains("pertanggungjawaban") && panjang.contains("penyelenggaraan"),
        "{panjang:?}"
    );

    let dir = std::path::PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("laporan-panjang");
    std::fs::create_dir_all(&dir).expect("dir");
    // Not "panjang.pdf": LibreOffice writes the DOCX's conversion under that name.
    let pdf = dir.join("panjang-typst.pdf");
    std::fs::write(&pdf, kinerja_laporan_pdf::pdf(&d).expect("pdf")).expect("write");
    let docx = dir.join("panjang.docx");
    std::fs::write(&docx, kinerja_laporan_docx::docx(&d).expect("docx")).expect("write");
    kinerja_laporan_xlsx::xlsx(&d).expect("xlsx");
    assert!(kinerja_laporan::html::html(&d).ends_with("</html>\n"));

    let Some(halaman) = baca(&pdf) else {
        return;
    };
    eprintln!(
        "PDF: {tabel} tables, {baris} rows ({temuan} findings), {} pages",
        halaman.len()
    );
    let mut salah = melewati_tepi(&halaman);
    salah.extend(kepala_yatim(&halaman, &d));
    salah.extend(kata_terpotong(&halaman, &panjang));
    assert!(salah.is_empty(), "PDF:\n{}", salah.join("\n"));

    let Some(dari_lo) = bersama::docx_ke_pdf(&docx, &dir) else {
        return;
    };
    let halaman = baca(&dari_lo).expect("pdftotext ran above");
    eprintln!("DOCX in LibreOffice: {} pages", halaman.len());
    let mut salah = melewati_tepi(&halaman);
    salah.extend(kepala_yatim(&halaman, &d));
    salah.extend(kata_terpotong(&halaman, &panjang));
    assert!(
        salah.is_empty(),
        "DOCX in LibreOffice:\n{}",
        salah.join("\n")
    );
}
