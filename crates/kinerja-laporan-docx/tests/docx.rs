//! The DOCX renderer on a small hand-built report: reproducible bytes, the Word XML holds the
//! headings, the Indonesian numbers and the repeated header rows, and LibreOffice converts it.

mod contoh;

use std::io::Read;
use std::path::{Path, PathBuf};
use std::process::Command;

use kinerja_laporan_docx::docx;

fn bagian(docx: &[u8], nama: &str) -> String {
    let mut z = zip::ZipArchive::new(std::io::Cursor::new(docx)).expect("a zip archive");
    let mut f = z.by_name(nama).expect(nama);
    let mut s = String::new();
    f.read_to_string(&mut s).expect("utf-8 xml");
    s
}

#[test]
fn same_document_gives_identical_bytes() {
    let d = contoh::dokumen();
    let a = docx(&d).expect("render");
    let b = docx(&d).expect("render again");
    sama(&a, &b);
    // Also from another thread (docx-rs keeps per-thread and global id counters).
    let c = std::thread::spawn(move || docx(&d).expect("render in a thread"))
        .join()
        .expect("thread");
    sama(&a, &c);
}

/// Byte-identical, or a message naming the parts that differ.
fn sama(a: &[u8], b: &[u8]) {
    if a == b {
        return;
    }
    let mut za = zip::ZipArchive::new(std::io::Cursor::new(a)).expect("zip");
    let mut beda = Vec::new();
    for i in 0..za.len() {
        let nama = za.by_index(i).expect("entry").name().to_string();
        if bagian_biner(a, &nama) != bagian_biner(b, &nama) {
            let (x, y) = (bagian(a, &nama), bagian(b, &nama));
            let k = x.bytes().zip(y.bytes()).take_while(|(p, q)| p == q).count();
            let s = k.saturating_sub(80);
            beda.push(format!(
                "{nama}: {} | {}",
                &x[s..(k + 80).min(x.len())],
                &y[s..(k + 80).min(y.len())]
            ));
        }
    }
    panic!(
        "renders differ ({} vs {} bytes): {beda:#?}",
        a.len(),
        b.len()
    );
}

#[test]
fn zip_entries_have_fixed_times_and_dates_come_from_the_report_year() {
    let a = docx(&contoh::dokumen()).expect("render");
    let mut z = zip::ZipArchive::new(std::io::Cursor::new(&a)).expect("zip");
    for i in 0..z.len() {
        let f = z.by_index(i).expect("entry");
        let t = f.last_modified().expect("time");
        assert_eq!((t.year(), t.month(), t.day()), (1980, 1, 1), "{}", f.name());
    }
    let core = bagian(&a, "docProps/core.xml");
    assert!(core.contains("2021-01-01T00:00:00Z"), "{core}");
}

#[test]
fn document_xml_holds_headings_numbers_and_repeated_header_rows() {
    let a = docx(&contoh::dokumen()).expect("render");
    let doc = bagian(&a, "word/document.xml");
    for s in [
        "<w:pStyle w:val=\"Heading1\" />",
        "<w:pStyle w:val=\"Heading2\" />",
        "<w:pStyle w:val=\"Heading3\" />",
        "<w:pStyle w:val=\"Heading4\" />",
        "BAB I",
        "PENDAHULUAN",
        "LAMPIRAN 1",
        "1.674.830.966,58",
        "987.654.321,25",
        "2.662.485.287,83",
        "88,62 %",
        "70,896",
        "data tidak tersedia (survei belum dilakukan)",
        "<w:tblHeader />",
        "PAGEREF _Toc00000001 \\h",
        "DAFTAR TABEL",
        "w:orient=\"landscape\"",
        "w:fmt=\"lowerRoman\"",
        "NIP. 19671229 199303 1 008",
        "PIHAK KEDUA",
        "PIHAK PERTAMA",
        "r:embed=\"rIdImage1\"",
    ] {
        assert!(doc.contains(s), "word/document.xml lacks {s}");
    }
    assert!(!doc.contains("kinerja-romawi"));
    // One repeated header row per data table (the signature tables have none).
    assert_eq!(doc.matches("<w:tblHeader />").count(), 2);
    let styles = bagian(&a, "word/styles.xml");
    assert!(styles.contains("w:val=\"heading 1\""));
    assert!(bagian(&a, "word/settings.xml").contains("<w:updateFields w:val=\"true\" />"));
    assert!(bagian(&a, "word/footer1.xml").contains("PAGE"));
    let media = bagian_biner(&a, "word/media/rIdImage1.png");
    assert!(media.starts_with(b"\x89PNG"));
}

#[test]
fn control_characters_in_the_text_do_not_reach_the_xml() {
    let mut d = contoh::dokumen();
    // A vertical tab and a form feed, as text pasted from a PDF brings them; the footer prints
    // the instansi.
    d.instansi = "KECAMATAN\u{b}CONTOH".into();
    d.bab[0].isi.insert(
        0,
        kinerja_laporan::Blok::Paragraf {
            teks: "Puji\u{c}syukur & terima kasih".into(),
        },
    );
    let a = docx(&d).expect("render");
    let doc = bagian(&a, "word/document.xml");
    assert!(doc.contains("Puji syukur &amp; terima kasih"), "{doc}");
    assert!(doc.contains(">KECAMATAN CONTOH<"), "the cover: {doc}");
    assert!(!doc.contains(['\u{b}', '\u{c}']));
    let kaki = bagian(&a, "word/footer1.xml");
    assert!(kaki.contains("Laporan Kinerja Kecamatan"), "{kaki}");
    assert!(!kaki.contains('\u{b}'));
}

fn bagian_biner(docx: &[u8], nama: &str) -> Vec<u8> {
    let mut z = zip::ZipArchive::new(std::io::Cursor::new(docx)).expect("zip");
    let mut f = z.by_name(nama).expect(nama);
    let mut v = Vec::new();
    f.read_to_end(&mut v).expect("read");
    v
}

/// LibreOffice, when installed (Debian: libreoffice-writer). Without it the test is skipped,
/// unless KINERJA_CI is set.
pub fn libreoffice() -> Option<PathBuf> {
    for c in ["soffice", "libreoffice"] {
        if Command::new(c)
            .arg("--version")
            .output()
            .is_ok_and(|o| o.status.success())
        {
            return Some(PathBuf::from(c));
        }
    }
    assert!(
        std::env::var_os("KINERJA_CI").is_none(),
        "KINERJA_CI is set but LibreOffice (soffice) is not installed"
    );
    eprintln!("LibreOffice not installed: skipping the conversion test");
    None
}

/// Converts a DOCX to PDF with LibreOffice in its own profile directory; returns the PDF path.
pub fn ke_pdf(lo: &Path, docx: &Path, keluar: &Path) -> PathBuf {
    let profil = keluar.join("profil");
    let st = Command::new(lo)
        .arg(format!("-env:UserInstallation=file://{}", profil.display()))
        .args(["--headless", "--convert-to", "pdf", "--outdir"])
        .arg(keluar)
        .arg(docx)
        .output()
        .expect("run soffice");
    assert!(
        st.status.success(),
        "{}",
        String::from_utf8_lossy(&st.stderr)
    );
    keluar.join(docx.with_extension("pdf").file_name().expect("name"))
}

#[test]
fn libreoffice_converts_it_with_the_figures_and_a_landscape_page() {
    let Some(lo) = libreoffice() else { return };
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("docx-contoh");
    std::fs::create_dir_all(&dir).expect("dir");
    let f = dir.join("contoh.docx");
    std::fs::write(&f, docx(&contoh::dokumen()).expect("render")).expect("write");
    let pdf = ke_pdf(&lo, &f, &dir);
    let Ok(o) = Command::new("pdftotext")
        .args(["-layout"])
        .arg(&pdf)
        .arg("-")
        .output()
    else {
        eprintln!("pdftotext not installed: checked the conversion only");
        return;
    };
    let teks = String::from_utf8_lossy(&o.stdout);
    for s in [
        "BAB I",
        "PENDAHULUAN",
        "1.674.830.966,58",
        "88,62 %",
        "data tidak",
        "Jumlah",
        "LAMPIRAN 1",
    ] {
        assert!(teks.contains(s), "PDF text lacks {s}:\n{teks}");
    }
    let info = Command::new("pdfinfo")
        .arg("-l")
        .arg("20")
        .arg(&pdf)
        .output()
        .expect("pdfinfo");
    let info = String::from_utf8_lossy(&info.stdout);
    assert!(info.contains("841.89 x 595"), "no landscape page:\n{info}");
}

/// The Mumbulsari example, composed by `susun` (forced past its open reviu findings, which go
/// to the reviu annex): reproducible, every table with a repeated header, key figures present,
/// and LibreOffice opens it.
#[test]
fn mumbulsari_report_renders_and_opens() {
    let akar = concat!(env!("CARGO_MANIFEST_DIR"), "/../../contoh/mumbulsari");
    let data = kinerja_berkas::baca(Path::new(akar)).expect("the bundled example reads");
    let opsi = kinerja_laporan::OpsiLaporan {
        paksa: true,
        versi: "uji".into(),
        ..Default::default()
    };
    let tahun = kinerja_core::waktu::Tahun::new(2020).expect("year");
    let d = kinerja_laporan::susun(&data, tahun, &opsi).expect("the report composes");
    let a = docx(&d).expect("render");
    sama(&a, &docx(&d).expect("render again"));
    let doc = bagian(&a, "word/document.xml");
    assert_eq!(doc.matches("<w:tblHeader />").count(), d.tabel().count());
    for s in [
        "KATA PENGANTAR",
        "BAB III",
        "AKUNTABILITAS KINERJA",
        "1.674.830.966,58",
        "88,61 %",
    ] {
        assert!(doc.contains(s), "word/document.xml lacks {s}");
    }
    let Some(lo) = libreoffice() else { return };
    let dir = PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("docx-mumbulsari");
    std::fs::create_dir_all(&dir).expect("dir");
    let f = dir.join("mumbulsari.docx");
    std::fs::write(&f, &a).expect("write");
    let pdf = ke_pdf(&lo, &f, &dir);
    if let Ok(o) = Command::new("pdftotext")
        .arg("-layout")
        .arg(&pdf)
        .arg("-")
        .output()
    {
        let teks = String::from_utf8_lossy(&o.stdout);
        for s in ["BAB IV", "LAMPIRAN 4", "1.674.830.966,58", "88,61 %"] {
            assert!(teks.contains(s), "PDF text lacks {s}");
        }
        // The lists at the front carry page numbers as LibreOffice lays the document out, with
        // no field update: every entry line ends in a number after its dot leader.
        let entri = |awal: &str| {
            teks.lines()
                .find(|l| l.trim_start().starts_with(awal) && l.contains(".."))
                .unwrap_or_else(|| panic!("no list entry {awal}:\n{teks}"))
                .to_string()
        };
        for awal in [
            "BAB I PENDAHULUAN",
            "BAB III AKUNTABILITAS KINERJA",
            "LAMPIRAN 4",
            "Tabel 3.2 Pengukuran Kinerja",
            "Capaian indikator kinerja tahun 2020",
        ] {
            let l = entri(awal);
            assert!(
                l.trim_end().ends_with(|c: char| c.is_ascii_digit()),
                "no page number: {l}"
            );
        }
        for s in ["DAFTAR ISI", "DAFTAR TABEL", "DAFTAR GRAFIK"] {
            assert!(teks.contains(s), "PDF text lacks {s}");
        }
        std::fs::write(dir.join("mumbulsari.txt"), teks.as_bytes()).expect("write");
        // The front matter is numbered in roman numerals as LibreOffice prints it (it printed
        // arabic ones from the section's format alone), the chapters from 1.
        let halaman: Vec<&str> = teks.split('\x0c').collect();
        let nomor = |h: &str| {
            h.lines()
                .rev()
                .map(str::trim)
                .find(|l| {
                    !l.is_empty()
                        && (l.chars().all(|c| c.is_ascii_digit())
                            || l.chars().all(|c| "ivxlc".contains(c)))
                })
                .map(str::to_string)
        };
        let pada = |cocok: &dyn Fn(&str) -> bool| {
            halaman
                .iter()
                .copied()
                .find(|h| cocok(h))
                .expect("the page is in the document")
        };
        assert_eq!(
            nomor(pada(&|h| h.contains("KATA PENGANTAR"))).as_deref(),
            Some("i")
        );
        let di = nomor(pada(&|h| h.contains("DAFTAR ISI")));
        assert!(
            di.as_deref()
                .is_some_and(|n| n.chars().all(|c| "ivxlc".contains(c))),
            "DAFTAR ISI numbered {di:?}"
        );
        assert_eq!(
            nomor(pada(&|h| h.lines().any(|l| l.trim() == "BAB I"))).as_deref(),
            Some("1")
        );
        // Words of 8 letters and more in the tables are never broken by LibreOffice
        // ("Meningkatka/n", "Penanggun/g", "Pemberdayaa/n" in the IKU table before the font
        // fallback, "Penyelenggaraa/n" before the widths counted whole words): no line holds
        // such a word's start without its end.
        let token: std::collections::HashSet<&str> = teks.split_whitespace().collect();
        // A word's start that is itself a word of the document ("Pemerintah") proves nothing.
        let kata: std::collections::HashSet<&str> =
            doc.split(|c: char| !c.is_alphabetic()).collect();
        let mut diperiksa = 0;
        for t in d.tabel() {
            let sel = t.baris.iter().flat_map(|b| &b.sel).filter_map(|s| match s {
                kinerja_laporan::Sel::Teks(x) => Some(x.as_str()),
                _ => None,
            });
            for x in t.kolom.iter().map(|k| k.judul.as_str()).chain(sel) {
                for w in x.split_whitespace() {
                    let n = w.chars().count();
                    if n < 8 || !w.chars().all(char::is_alphabetic) {
                        continue;
                    }
                    diperiksa += 1;
                    for k in 1..=3 {
                        let awal: String = w.chars().take(n - k).collect();
                        assert!(
                            !token.contains(awal.as_str()) || kata.contains(awal.as_str()),
                            "{}: \"{w}\" broken as \"{awal}\"",
                            t.nama
                        );
                    }
                }
            }
        }
        assert!(diperiksa > 100, "{diperiksa} words checked");
    }
}

/// The emblem from the data is the cover's first picture (before the charts').
#[test]
fn the_logo_is_the_covers_first_picture() {
    let png = kinerja_grafik::svg_ke_png(&kinerja_grafik::serapan("Lambang", &[]), 1.0).unwrap();
    let mut d = contoh::dokumen();
    d.logo = Some(kinerja_laporan::logo::Logo::baca(png.clone()).expect("a valid PNG"));
    let a = docx(&d).expect("render");
    assert_eq!(bagian_biner(&a, "word/media/rIdImage1.png"), png);
    let doc = bagian(&a, "word/document.xml");
    let logo = doc.find("r:embed=\"rIdImage1\"").expect("the logo");
    assert!(logo < doc.find("LAPORAN KINERJA").expect("the title"));
    assert!(doc.contains("r:embed=\"rIdImage2\""), "the chart follows");
    // The kop of the signed annex (the PK with its two parties): the emblem again, before the
    // annex heading, and none on the unsigned Renstra matrix.
    let l1 = doc.rfind("LAMPIRAN 1").expect("annex 1");
    let l2 = doc.rfind("LAMPIRAN 2").expect("annex 2");
    // Exactly two pictures more than without a logo: the cover and the PK's kop.
    let tanpa = bagian(
        &docx(&contoh::dokumen()).expect("render"),
        "word/document.xml",
    );
    assert_eq!(
        doc.matches("r:embed=").count(),
        tanpa.matches("r:embed=").count() + 2
    );
    assert!(doc[l1..l2].contains("r:embed"), "no kop on the PK");
    assert!(doc[l2..].contains("PIHAK KEDUA"));
}
