//! The PDF renderer on a hand-built document holding every kind of block: reproducible bytes, and
//! the text a reader extracts (`pdftotext`, Debian's poppler-utils) holds the headings, the
//! Indonesian numbers, "data tidak tersedia" and the table header repeated on the next page.

use std::path::PathBuf;
use std::process::Command;
use std::sync::LazyLock;
use std::sync::atomic::{AtomicUsize, Ordering};

use kinerja_core::uang::Rupiah;
use kinerja_grafik as grafik;
use kinerja_laporan::{
    Bab, Baris, Blok, Dokumen, Grafik, JenisBab, Kolom, Sel, Tabel, TandaTangan,
};
use rust_decimal::Decimal;

fn d(s: &str) -> Decimal {
    s.parse().unwrap()
}

fn kolom(judul: &str, lebar: u8, rata_kanan: bool) -> Kolom {
    Kolom {
        judul: judul.into(),
        lebar,
        rata_kanan,
    }
}

fn camat() -> TandaTangan {
    TandaTangan {
        tempat_tanggal: Some("Jember, Januari 2021".into()),
        peran: None,
        jabatan: "CAMAT MUMBULSARI".into(),
        nama: "Drs. AKHMAD SUGIANTO, M.Si".into(),
        pangkat: Some("Pembina Tingkat I".into()),
        nip: Some("19671229 199303 1 008".into()),
    }
}

fn dokumen() -> Dokumen {
    // 80 kegiatan: more than a portrait page holds, so the header must repeat on the next page.
    let mut baris: Vec<Baris> = (1..=80)
        .map(|i| Baris {
            sel: vec![
                Sel::teks(i.to_string()),
                Sel::teks(format!(
                    "Kegiatan nomor {i} <pelayanan> #{i} & \"administrasi\""
                )),
                Sel::Rupiah(Rupiah::new(d("20935387.08") * Decimal::from(i)).unwrap()),
                if i == 7 {
                    Sel::TidakTersedia(None)
                } else {
                    Sel::Persen(d("88.625"))
                },
            ],
            tebal: false,
        })
        .collect();
    baris.push(Baris {
        sel: vec![
            Sel::Kosong,
            Sel::teks("Jumlah"),
            Sel::Rupiah(Rupiah::new(d("1674830966.58")).unwrap()),
            Sel::Persen(d("91.5")),
        ],
        tebal: true,
    });
    let besar = Tabel {
        nama: "Tabel 3.1".into(),
        judul: "Tabel 3.1 Realisasi Anggaran per Kegiatan Tahun 2020".into(),
        kolom: vec![
            kolom("No", 1, false),
            kolom("Kegiatan", 8, false),
            kolom("Realisasi (Rp)", 4, true),
            kolom("Serapan", 2, true),
        ],
        baris,
        catatan: Some("Sumber: DPA dan LRA 2020; serapan = realisasi / pagu × 100.".into()),
    };
    let matriks = Tabel {
        nama: "Lampiran 1".into(),
        judul: "Matriks Rencana Strategis 2016-2021".into(),
        kolom: (2016..=2021)
            .map(|t| kolom(&format!("Target {t}"), 2, true))
            .chain([kolom("Sasaran", 6, false)])
            .collect(),
        baris: vec![Baris {
            sel: [d("75"), d("77.5"), d("80"), d("82.5"), d("85"), d("87.5")]
                .into_iter()
                .map(|n| Sel::Angka {
                    nilai: n,
                    desimal: 2,
                })
                .chain([Sel::teks("Meningkatnya kualitas pelayanan publik")])
                .collect(),
            tebal: false,
        }],
        catatan: None,
    };
    let svg = grafik::batang_capaian(
        "Capaian indikator 2020",
        &[
            ("IKM".to_string(), Some(d("102.5"))),
            ("Kecepatan".to_string(), Some(d("88.1"))),
            ("Kepatuhan".to_string(), None),
        ],
        d("100"),
    );
    Dokumen {
        judul: "LAPORAN KINERJA".into(),
        instansi: "KECAMATAN MUMBULSARI".into(),
        induk: Some("KABUPATEN JEMBER".into()),
        tahun: 2020,
        tempat_tanggal: Some("Jember, Januari 2021".into()),
        penandatangan: Some(camat()),
        sidik: "0123456789ab".into(),
        versi: "0.1.0".into(),
        draf: None,
        logo: None,
        bab: vec![
            Bab {
                jenis: JenisBab::Awal,
                nomor: None,
                judul: "KATA PENGANTAR".into(),
                lanskap: false,
                isi: vec![
                    Blok::Paragraf {
                        teks: "Puji syukur kami panjatkan; laporan ini memuat #hasil dan $biaya \
                               [tanpa] markup <x> @preview *tebal* _miring_."
                            .into(),
                    },
                    Blok::TandaTangan(camat()),
                ],
            },
            Bab {
                jenis: JenisBab::Awal,
                nomor: None,
                judul: "IKHTISAR EKSEKUTIF".into(),
                lanskap: false,
                isi: vec![Blok::Daftar {
                    bernomor: false,
                    butir: vec!["Capaian rata-rata 91,50 %".into(), "Serapan 88,63 %".into()],
                }],
            },
            Bab {
                jenis: JenisBab::Bab,
                nomor: Some("I".into()),
                judul: "PENDAHULUAN".into(),
                lanskap: false,
                isi: vec![
                    Blok::Judul {
                        tingkat: 1,
                        teks: "A. Latar Belakang".into(),
                    },
                    Blok::Paragraf {
                        teks: "Kecamatan Mumbulsari adalah perangkat daerah.".into(),
                    },
                    Blok::Judul {
                        tingkat: 2,
                        teks: "1. Tugas dan Fungsi".into(),
                    },
                    Blok::Daftar {
                        bernomor: true,
                        butir: vec!["Koordinasi".into(), "Pelayanan".into()],
                    },
                    Blok::Judul {
                        tingkat: 3,
                        teks: "a. Rincian".into(),
                    },
                    Blok::Paragraf {
                        teks: "Rincian tugas.".into(),
                    },
                ],
            },
            Bab {
                jenis: JenisBab::Bab,
                nomor: Some("III".into()),
                judul: "AKUNTABILITAS KINERJA".into(),
                lanskap: false,
                isi: vec![
                    Blok::Judul {
                        tingkat: 1,
                        teks: "B. Realisasi Anggaran".into(),
                    },
                    Blok::Tabel(besar),
                    Blok::Grafik(Grafik {
                        judul: "Grafik 3.1 Capaian Indikator".into(),
                        svg,
                        lebar_mm: 150,
                    }),
                    Blok::Catatan {
                        teks: "Catatan: capaian dihitung dari data primer.".into(),
                    },
                    Blok::HalamanBaru,
                    Blok::Paragraf {
                        teks: "Halaman baru dimulai di sini.".into(),
                    },
                ],
            },
            Bab {
                jenis: JenisBab::Lampiran,
                nomor: Some("1".into()),
                judul: "RENCANA STRATEGIS 2016-2021".into(),
                lanskap: true,
                isi: vec![Blok::Tabel(matriks)],
            },
            Bab {
                jenis: JenisBab::Lampiran,
                nomor: Some("2".into()),
                judul: "PERJANJIAN KINERJA TAHUN 2020".into(),
                lanskap: false,
                isi: vec![Blok::DuaPihak {
                    kiri: TandaTangan {
                        tempat_tanggal: None,
                        peran: Some("Pihak Kedua".into()),
                        jabatan: "BUPATI JEMBER".into(),
                        nama: "Ir. H. HENDY SISWANTO, ST., IPU".into(),
                        pangkat: None,
                        nip: None,
                    },
                    kanan: TandaTangan {
                        peran: Some("Pihak Pertama".into()),
                        ..camat()
                    },
                }],
            },
        ],
    }
}

static PDF: LazyLock<Vec<u8>> = LazyLock::new(|| kinerja_laporan_pdf::pdf(&dokumen()).unwrap());

#[test]
fn the_same_document_gives_byte_identical_pdf() {
    let lagi = kinerja_laporan_pdf::pdf(&dokumen()).unwrap();
    assert!(PDF.starts_with(b"%PDF-"));
    assert!(*PDF == lagi, "two renders of one document differ");
}

#[test]
fn the_pdf_carries_no_clock_time() {
    // The creation date is fixed from the report year (January 2021 for 2020).
    let s = String::from_utf8_lossy(&PDF);
    assert!(
        s.contains("D:20210101"),
        "creation date not derived from the year"
    );
}

/// The PDF in a file of its own (tests run in parallel threads).
fn simpan(pdf: &[u8]) -> PathBuf {
    static NOMOR: AtomicUsize = AtomicUsize::new(0);
    let dir = std::env::temp_dir().join(format!("kinerja-pdf-uji-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let berkas = dir.join(format!("{}.pdf", NOMOR.fetch_add(1, Ordering::SeqCst)));
    std::fs::write(&berkas, pdf).unwrap();
    berkas
}

/// `pdftotext -layout` of the PDF (the whole document, or one page), or None when poppler-utils
/// is not installed; under KINERJA_CI a missing pdftotext is a failure.
fn teks(pdf: &[u8], halaman: Option<u32>) -> Option<String> {
    let ada = Command::new("pdftotext").arg("-v").output().is_ok();
    if !ada {
        assert!(
            std::env::var_os("KINERJA_CI").is_none(),
            "pdftotext (poppler-utils) is required under KINERJA_CI"
        );
        eprintln!("pdftotext not found (apt-get install poppler-utils): text checks skipped");
        return None;
    }
    let berkas = simpan(pdf);
    let mut c = Command::new("pdftotext");
    c.arg("-layout");
    if let Some(h) = halaman {
        c.args(["-f", &h.to_string(), "-l", &h.to_string()]);
    }
    let out = c.arg(&berkas).arg("-").output().unwrap();
    let _ = std::fs::remove_file(&berkas);
    assert!(
        out.status.success(),
        "{}",
        String::from_utf8_lossy(&out.stderr)
    );
    Some(String::from_utf8(out.stdout).unwrap())
}

/// The pages, split on form feeds.
fn halaman(pdf: &[u8]) -> Option<Vec<String>> {
    teks(pdf, None).map(|t| t.split('\u{c}').map(str::to_string).collect())
}

#[test]
fn the_text_holds_headings_numbers_and_gaps() {
    let Some(t) = teks(&PDF, None) else { return };
    // Words as a reader sees them, whatever the line breaks and column spacing.
    let t = t.split_whitespace().collect::<Vec<_>>().join(" ");
    for s in [
        "LAPORAN KINERJA",
        "KECAMATAN MUMBULSARI",
        "KATA PENGANTAR",
        "DAFTAR ISI",
        "IKHTISAR EKSEKUTIF",
        "BAB I",
        "PENDAHULUAN",
        "BAB III",
        "AKUNTABILITAS KINERJA",
        "LAMPIRAN 1",
        "Tabel 3.1 Realisasi Anggaran per Kegiatan Tahun 2020",
        "1.674.830.966,58",
        "88,63 %",
        "87,50",
        "data tidak tersedia",
        "sidik data 0123456789ab",
        "NIP. 19671229 199303 1 008",
        "PIHAK KEDUA,",
        "PIHAK PERTAMA,",
        // User text with typst syntax arrives verbatim.
        "#hasil dan $biaya [tanpa] markup <x> @preview *tebal* _miring_",
        "Kegiatan nomor 3 <pelayanan> #3 & \"administrasi\"",
        // Chart text (DejaVu Sans in the SVG).
        "Capaian indikator 2020",
    ] {
        assert!(t.contains(s), "{s:?} not in the PDF text");
    }
}

#[test]
fn the_table_header_repeats_on_the_next_page() {
    let Some(h) = halaman(&PDF) else { return };
    let dengan_kepala: Vec<usize> = h
        .iter()
        .enumerate()
        .filter(|(_, p)| p.contains("Realisasi (Rp)") && p.contains("Kegiatan nomor"))
        .map(|(i, _)| i)
        .collect();
    assert!(
        dengan_kepala.len() >= 2,
        "the 80-row table should span pages, each with its header: {dengan_kepala:?}"
    );
    // The last row lands on a later page than the first, under a repeated header.
    let akhir = h
        .iter()
        .position(|p| p.contains("Kegiatan nomor 80 "))
        .unwrap();
    let awal = h
        .iter()
        .position(|p| p.contains("Kegiatan nomor 1 "))
        .unwrap();
    assert!(akhir > awal);
    assert!(h[akhir].contains("Realisasi (Rp)") && h[akhir].contains("Serapan"));
}

#[test]
fn the_daftar_isi_lists_chapters_with_page_numbers() {
    let Some(h) = halaman(&PDF) else { return };
    let toc = h.iter().find(|p| p.contains("DAFTAR ISI")).unwrap();
    // Front matter in roman numerals, chapters in arabic from 1.
    let baris = |kata: &str| {
        toc.lines()
            .find(|l| l.contains(kata))
            .unwrap_or_else(|| panic!("{kata} not in the daftar isi:\n{toc}"))
            .trim()
            .to_string()
    };
    assert!(baris("KATA PENGANTAR").ends_with(" i"), "{toc}");
    // i Kata Pengantar, ii Daftar Isi, iii Daftar Tabel, iv Daftar Grafik, v Ikhtisar.
    assert!(baris("IKHTISAR EKSEKUTIF").ends_with(" v"), "{toc}");
    assert!(!toc.contains("DAFTAR TABEL"), "{toc}");
    assert!(baris("PENDAHULUAN").starts_with("BAB I"), "{toc}");
    assert!(baris("PENDAHULUAN").ends_with(" 1"), "{toc}");
    assert!(baris("A. Latar Belakang").ends_with(" 1"), "{toc}");
    assert!(
        baris("RENCANA STRATEGIS").starts_with("LAMPIRAN 1"),
        "{toc}"
    );
}

/// After the Daftar Isi, a Daftar Tabel and a Daftar Grafik: every caption with the page it is
/// on, as that page is numbered (Tabel 3.1 and Grafik 3.1 are in BAB III, after BAB I's page).
#[test]
fn daftar_tabel_and_daftar_grafik_list_captions_with_page_numbers() {
    let Some(h) = halaman(&PDF) else { return };
    let i_isi = h.iter().position(|p| p.contains("DAFTAR ISI")).unwrap();
    for (judul, entri) in [
        ("DAFTAR TABEL", "Tabel 3.1 Realisasi Anggaran per Kegiatan"),
        ("DAFTAR GRAFIK", "Grafik 3.1 Capaian Indikator"),
    ] {
        let i = h
            .iter()
            .position(|p| p.contains(judul))
            .unwrap_or_else(|| panic!("no {judul}"));
        assert!(i > i_isi, "{judul} before the daftar isi");
        let baris = h[i]
            .lines()
            .find(|l| l.contains(entri))
            .unwrap_or_else(|| panic!("{entri} not in {judul}:\n{}", h[i]))
            .trim()
            .to_string();
        let halaman_nyata = h
            .iter()
            .enumerate()
            .skip(i + 1)
            .find(|(_, p)| p.contains(entri))
            .map(|(n, _)| n)
            .unwrap_or_else(|| panic!("{entri} not in the body"));
        // The number printed at the foot of that page.
        let kaki = h[halaman_nyata]
            .lines()
            .rev()
            .find_map(|l| l.trim().parse::<u32>().ok())
            .expect("a page number at the foot");
        assert!(
            baris.ends_with(&format!(" {kaki}")),
            "{baris} (page {kaki})"
        );
    }
}

#[test]
fn landscape_chapters_are_set_on_landscape_pages() {
    let Some(h) = halaman(&PDF) else { return };
    let p = h.iter().position(|p| p.contains("Target 2016")).unwrap();
    assert!(h[p].contains("LAMPIRAN 1") && h[p].contains("Meningkatnya kualitas pelayanan publik"));
    // pdfinfo (poppler-utils, like pdftotext) prints each page's size: A4 is 595 x 842 points
    // upright, 842 x 595 on its side.
    let berkas = simpan(&PDF);
    let out = Command::new("pdfinfo")
        .args(["-f", "1", "-l", "999"])
        .arg(&berkas)
        .output()
        .unwrap();
    let _ = std::fs::remove_file(&berkas);
    let info = String::from_utf8(out.stdout).unwrap();
    let ukuran: Vec<&str> = info
        .lines()
        .filter(|l| l.starts_with("Page") && l.contains("size:"))
        .collect();
    assert_eq!(ukuran.len(), h.len() - 1, "{info}");
    for (i, l) in ukuran.iter().enumerate() {
        let lanskap = l.contains("841.89 x 595.276");
        assert_eq!(lanskap, i == p, "page {}: {l}", i + 1);
    }
}

/// Writes the test document to `KINERJA_PDF_SIMPAN` (to look at the pages); nothing otherwise.
#[test]
fn save_for_inspection_when_asked() {
    if let Some(p) = std::env::var_os("KINERJA_PDF_SIMPAN") {
        std::fs::write(p, &*PDF).unwrap();
    }
}

/// The archive variant: typst-pdf writes it only when the document keeps the PDF/A-2a rules;
/// the file declares the conformance in its XMP metadata (pdfaid part 2, level A), the language
/// Indonesian, a structure tree (tagged) and the alt text of the chart.
#[test]
fn the_archive_variant_declares_pdfa_2a_indonesian_and_tagged() {
    let a = kinerja_laporan_pdf::pdf_arsip(&dokumen()).expect("PDF/A-2a");
    assert!(
        a == kinerja_laporan_pdf::pdf_arsip(&dokumen()).unwrap(),
        "not reproducible"
    );
    assert!(a != *PDF);
    let s = String::from_utf8_lossy(&a);
    assert!(s.contains("<pdfaid:part>2</pdfaid:part>"), "no PDF/A part");
    assert!(
        s.contains("<pdfaid:conformance>A</pdfaid:conformance>"),
        "no level A"
    );
    assert!(s.contains("/Lang(id)"), "no document language");
    assert!(
        s.contains("<dc:language><rdf:Bag><rdf:li>id</rdf:li>"),
        "no XMP language"
    );
    assert!(s.contains("/StructTreeRoot"), "not tagged");
    assert!(s.contains("/MarkInfo<</Marked true"), "no mark info");
    // The test document's structure: headings, the two tables with header cells, the chart
    // as a figure with its alt text.
    for tag in ["/S/H1", "/S/H2", "/S/Table", "/S/TH", "/S/Figure", "/Alt("] {
        assert!(s.contains(tag), "no {tag} in the structure tree");
    }
    assert!(s.contains("/OutputIntents"), "no output intent");
    let Some(t) = teks(&a, None) else { return };
    assert!(t.contains("DAFTAR TABEL") && t.contains("Tabel 3.1"));
}

/// The emblem from the data on the cover, also in the archive variant (a PNG with
/// transparency, which PDF/A-2 allows).
#[test]
fn the_logo_is_on_the_cover_and_keeps_the_archive_valid() {
    let png = kinerja_grafik::svg_ke_png(&kinerja_grafik::serapan("Lambang", &[]), 1.0).unwrap();
    let mut d = dokumen();
    d.logo = Some(kinerja_laporan::logo::Logo::baca(png).expect("a valid PNG"));
    let gambar = |b: &[u8]| b.windows(14).filter(|w| w == b"/Subtype/Image").count();
    let dengan = kinerja_laporan_pdf::pdf(&d).unwrap();
    // The picture and its alpha channel (a soft mask) are two image objects.
    // The picture and its alpha channel (a soft mask) are two image objects, embedded once.
    assert_eq!(gambar(&dengan), gambar(&PDF) + 2);
    let arsip = kinerja_laporan_pdf::pdf_arsip(&d).expect("PDF/A-2a with the logo");
    assert!(String::from_utf8_lossy(&arsip).contains("/Alt(Lambang KABUPATEN JEMBER)"));
    // Drawn on the cover and in the kop of the signed annex (Lampiran 2, the PK's two-party
    // signatures), by pdfimages' list of where images are drawn (1-based pages).
    let Some(h) = halaman(&dengan) else { return };
    let pk = 1 + h
        .iter()
        .position(|p| p.contains("PERJANJIAN KINERJA TAHUN 2020") && p.contains("PIHAK"))
        .expect("the PK page");
    let f = std::env::temp_dir().join(format!("kinerja-logo-{}.pdf", std::process::id()));
    std::fs::write(&f, &dengan).unwrap();
    let Ok(o) = std::process::Command::new("pdfimages")
        .arg("-list")
        .arg(&f)
        .output()
    else {
        return;
    };
    std::fs::remove_file(&f).ok();
    let daftar = String::from_utf8_lossy(&o.stdout);
    let halaman_gambar: Vec<usize> = daftar
        .lines()
        .skip(2)
        .filter(|l| l.split_whitespace().nth(2) == Some("image"))
        .filter_map(|l| l.split_whitespace().next()?.parse().ok())
        .collect();
    assert!(halaman_gambar.contains(&1), "{daftar}");
    assert!(halaman_gambar.contains(&pk), "page {pk}: {daftar}");
}

#[test]
fn a_table_row_is_never_split_over_two_pages() {
    // 40 rows whose second cell wraps to several lines (150 words in a column of about 124 mm
    // at 9 pt): the table runs over several pages, and a page that ends inside a row's text
    // splits it unless rows are kept whole. Each row's first and last word name the row.
    let isi = |i: usize| format!("MULA{i:02} {} AKHIR{i:02}", "kata ".repeat(150));
    let tabel = Tabel {
        nama: "Tabel 1".into(),
        judul: "Tabel 1 Baris panjang".into(),
        kolom: vec![kolom("No", 1, false), kolom("Uraian", 8, false)],
        baris: (1..=40)
            .map(|i| Baris {
                sel: vec![Sel::teks(i.to_string()), Sel::teks(isi(i))],
                tebal: false,
            })
            .collect(),
        catatan: None,
    };
    let mut d = dokumen();
    d.bab = vec![Bab {
        jenis: JenisBab::Bab,
        nomor: Some("I".into()),
        judul: "PENDAHULUAN".into(),
        lanskap: false,
        isi: vec![Blok::Tabel(tabel)],
    }];
    let pdf = kinerja_laporan_pdf::pdf(&d).unwrap();
    let Some(h) = halaman(&pdf) else { return };
    let di = |kata: &str| h.iter().position(|p| p.contains(kata)).unwrap();
    assert!(di("AKHIR40") > di("MULA01"), "the table should span pages");
    for i in 1..=40 {
        let (mula, akhir) = (format!("MULA{i:02}"), format!("AKHIR{i:02}"));
        assert_eq!(di(&mula), di(&akhir), "row {i} is split over two pages");
    }
}
