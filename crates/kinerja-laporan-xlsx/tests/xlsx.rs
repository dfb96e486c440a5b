//! The XLSX renderer on a small hand-built report, read back with calamine: one sheet per
//! table, numbers as exact numbers, percentages as percent numbers, reproducible bytes.

#[path = "../../kinerja-laporan-docx/tests/contoh/mod.rs"]
mod contoh;

use calamine::{Data, Reader, Xlsx};
use kinerja_laporan_xlsx::xlsx;
use rust_decimal::Decimal;
use rust_decimal::prelude::FromPrimitive;

fn buka(b: &[u8]) -> Xlsx<std::io::Cursor<Vec<u8>>> {
    Xlsx::new(std::io::Cursor::new(b.to_vec())).expect("an xlsx workbook")
}

fn angka(x: &Data) -> Decimal {
    match x {
        Data::Float(f) => Decimal::from_f64(*f).expect("finite").round_dp(2),
        Data::Int(i) => Decimal::from(*i),
        lain => panic!("not a number: {lain:?}"),
    }
}

#[test]
fn same_document_gives_identical_bytes() {
    let d = contoh::dokumen();
    let a = xlsx(&d).expect("render");
    assert_eq!(a, xlsx(&d).expect("render again"));
    let c = std::thread::spawn(move || xlsx(&d).expect("render"))
        .join()
        .expect("thread");
    assert!(a == c, "a render in another thread differs");
}

#[test]
fn one_sheet_per_table_after_keterangan_with_valid_unique_names() {
    let mut wb = buka(&xlsx(&contoh::dokumen()).expect("render"));
    assert_eq!(
        wb.sheet_names(),
        // The number and the title cut at a word to 31 characters; a name whose title does
        // not start with it is the name alone, with Excel's forbidden characters replaced.
        vec![
            "Keterangan",
            "3.1 Pengukuran Kinerja Tahun",
            "Lamp 1- Renstra-Matriks-"
        ]
    );
    let k = wb.worksheet_range("Keterangan").expect("sheet");
    let teks: Vec<String> = k.rows().flatten().map(|c| c.to_string()).collect();
    for s in [
        "KECAMATAN CONTOH",
        "2020",
        "0123456789ab",
        "0.1.0",
        "Tabel 3.1 Pengukuran Kinerja Tahun 2020",
    ] {
        assert!(
            teks.iter().any(|t| t == s),
            "Keterangan lacks {s}: {teks:?}"
        );
    }
}

#[test]
fn money_and_percent_cells_are_exact_numbers_and_missing_figures_are_text() {
    let b = xlsx(&contoh::dokumen()).expect("render");
    let mut wb = buka(&b);
    let r = wb
        .worksheet_range("3.1 Pengukuran Kinerja Tahun")
        .expect("sheet");
    // Row 0 caption, row 1 header, data from row 2.
    assert_eq!(
        r.get_value((0, 0)),
        Some(&Data::String(
            "Tabel 3.1 Pengukuran Kinerja Tahun 2020".into()
        ))
    );
    assert_eq!(
        r.get_value((1, 5)),
        Some(&Data::String("Anggaran (Rp)".into()))
    );
    assert_eq!(
        angka(r.get_value((2, 5)).expect("cell")),
        contoh::d("1674830966.58")
    );
    assert_eq!(
        angka(r.get_value((3, 5)).expect("cell")),
        contoh::d("987654321.25")
    );
    assert_eq!(
        angka(r.get_value((4, 5)).expect("cell")),
        contoh::d("2662485287.83")
    );
    // The percent is the percent number, not a fraction.
    assert_eq!(
        angka(r.get_value((2, 4)).expect("cell")),
        contoh::d("88.62")
    );
    assert_eq!(
        angka(r.get_value((2, 3)).expect("cell")),
        contoh::d("70.90")
    );
    assert_eq!(
        r.get_value((3, 3)),
        Some(&Data::String("data tidak tersedia".into()))
    );
    assert_eq!(
        r.get_value((3, 4)),
        Some(&Data::String(
            "data tidak tersedia (survei belum dilakukan)".into()
        ))
    );
    assert_eq!(r.get_value((4, 1)), Some(&Data::String("Jumlah".into())));
    // Formats, widths, frozen header and bold total in the sheet XML.
    let xml = bagian(&b, "xl/worksheets/sheet2.xml");
    assert!(
        xml.contains("<pane ySplit=\"2\" topLeftCell=\"A3\""),
        "{xml}"
    );
    assert!(xml.contains("<cols>"));
    let gaya = bagian(&b, "xl/styles.xml");
    assert!(gaya.contains("formatCode=\"#,##0.00\""), "{gaya}");
    assert!(
        gaya.contains("formatCode=\"#,##0.00&quot; %&quot;\""),
        "{gaya}"
    );
    assert!(gaya.contains("formatCode=\"#,##0.000\""), "{gaya}");
    assert!(gaya.contains("<b/>"));
    let inti = bagian(&b, "docProps/core.xml");
    assert!(inti.contains("2021-01-01T00:00:00Z"), "{inti}");
}

#[test]
fn money_column_is_wide_enough_for_billions() {
    let b = xlsx(&contoh::dokumen()).expect("render");
    let xml = bagian(&b, "xl/worksheets/sheet2.xml");
    // Column F (index 6 in <col min max>): at least 18 characters for "2.662.485.287,83".
    let col = xml
        .split("<col ")
        .find(|c| c.contains("min=\"6\""))
        .expect("a width for column F");
    let lebar: f64 = col
        .split("width=\"")
        .nth(1)
        .and_then(|w| w.split('"').next())
        .and_then(|w| w.parse().ok())
        .expect("width");
    assert!(lebar >= 18.0, "{col}");
}

fn bagian(b: &[u8], nama: &str) -> String {
    use std::io::Read;
    let mut z = zip::ZipArchive::new(std::io::Cursor::new(b)).expect("zip");
    let mut s = String::new();
    z.by_name(nama)
        .expect(nama)
        .read_to_string(&mut s)
        .expect("utf-8");
    s
}

/// The Mumbulsari example: every table of the composed report is a sheet, in order, and the
/// money cells read back as the exact amounts printed in the report.
#[test]
fn mumbulsari_workbook_holds_every_table() {
    let d = mumbulsari();
    let b = xlsx(&d).expect("render");
    assert_eq!(b, xlsx(&d).expect("render again"));
    let mut wb = buka(&b);
    let tabel: Vec<&kinerja_laporan::Tabel> = d.tabel().collect();
    let nama = kinerja_laporan_xlsx::nama_lembar(&tabel);
    assert_eq!(wb.sheet_names()[1..], nama[..]);
    let mut dump = String::new();
    for (t, n) in tabel.iter().zip(&nama) {
        let r = wb.worksheet_range(n).expect("sheet");
        dump.push_str(&format!("== {n}\n"));
        for row in r.rows() {
            dump.push_str(
                &row.iter()
                    .map(|c| format!("{c:?}"))
                    .collect::<Vec<_>>()
                    .join(" | "),
            );
            dump.push('\n');
        }
        for (i, baris) in t.baris.iter().enumerate() {
            for (j, s) in baris.sel.iter().enumerate() {
                let v = r.get_value((2 + i as u32, j as u32));
                match s {
                    kinerja_laporan::Sel::Rupiah(x) => {
                        assert_eq!(angka(v.expect("cell")), x.nilai(), "{n} ({i},{j})")
                    }
                    kinerja_laporan::Sel::Persen(p) => {
                        assert_eq!(angka(v.expect("cell")), p.round_dp(2), "{n} ({i},{j})")
                    }
                    kinerja_laporan::Sel::TidakTersedia(_) => {
                        assert_eq!(v, Some(&Data::String(s.cetak())), "{n} ({i},{j})")
                    }
                    _ => {}
                }
            }
        }
    }
    let f = std::path::PathBuf::from(env!("CARGO_TARGET_TMPDIR")).join("mumbulsari-xlsx.txt");
    std::fs::write(f, dump).expect("write the dump");
}

fn mumbulsari() -> kinerja_laporan::Dokumen {
    let akar = concat!(env!("CARGO_MANIFEST_DIR"), "/../../contoh/mumbulsari");
    let data = kinerja_berkas::baca(std::path::Path::new(akar)).expect("the bundled example reads");
    let opsi = kinerja_laporan::OpsiLaporan {
        paksa: true,
        versi: "uji".into(),
        ..Default::default()
    };
    let tahun = kinerja_core::waktu::Tahun::new(2020).expect("year");
    kinerja_laporan::susun(&data, tahun, &opsi).expect("the report composes")
}

fn bilangan(x: Option<&Data>) -> f64 {
    match x {
        Some(Data::Float(f)) => *f,
        lain => panic!("not a number: {lain:?}"),
    }
}

/// An analyst's workbook: money sums, percentages are the exact ratios, no amount is text.
#[test]
fn mumbulsari_money_sums_and_percentages_are_exact_ratios() {
    let d = mumbulsari();
    let b = xlsx(&d).expect("render");
    let mut wb = buka(&b);
    let nama = wb.sheet_names();
    // Sheet names say what the table is.
    for n in [
        "Ikhtisar capaian sasaran",
        "2.5 Program dan anggaran dalam",
        "3.2 Pengukuran Kinerja Tahun",
        "3.8 Capaian sasaran 1 dan",
    ] {
        assert!(nama.iter().any(|x| x == n), "no sheet {n}: {nama:?}");
    }
    assert!(nama.iter().all(|n| n.chars().count() <= 31));

    // PK programmes (seed: 210.000.000 + 31.700.000 + 20.000.000 + 138.300.000 = 400.000.000):
    // numbers that sum to the total row.
    let r = wb
        .worksheet_range("2.5 Program dan anggaran dalam")
        .expect("sheet");
    let jumlah: f64 = (2..6).map(|i| bilangan(r.get_value((i, 2)))).sum();
    assert_eq!(jumlah, 400_000_000.0);
    assert_eq!(bilangan(r.get_value((6, 2))), 400_000_000.0);

    // Koordinasi Pelayanan Umum, DPPA: target "Rp 43.600.000,00", realisasi "Rp 22.100.000,00"
    // in the seed; capaian 22.100.000 / 43.600.000 x 100 = 50,688073394495...: stored exact,
    // not the printed 50,69.
    let n39 = nama
        .iter()
        .find(|n| n.starts_with("3.9 "))
        .expect("table 3.9")
        .clone();
    let r = wb.worksheet_range(&n39).expect("sheet");
    assert_eq!(bilangan(r.get_value((3, 1))), 43_600_000.0);
    assert_eq!(bilangan(r.get_value((3, 2))), 22_100_000.0);
    assert!((bilangan(r.get_value((3, 3))) - 50.688_073_394_495).abs() < 1e-9);
    // KK: 2.339 / 2.500 x 100 = 93,56 exactly.
    assert_eq!(bilangan(r.get_value((4, 3))), 93.56);

    // Serapan of Program Pelayanan Administrasi Perkantoran: 178.564.067 / 210.000.000 x 100
    // = 85,030508095238...
    let r = wb
        .worksheet_range("3.8 Capaian sasaran 1 dan")
        .expect("sheet");
    assert_eq!(bilangan(r.get_value((2, 1))), 210_000_000.0);
    assert_eq!(bilangan(r.get_value((2, 2))), 178_564_067.0);
    assert!((bilangan(r.get_value((2, 3))) - 85.030_508_095_238).abs() < 1e-9);

    // No amount of money anywhere as text, except in the tables of the narrative: they are the
    // document's own text, kept as written with its typos ("Rp. 1,274.830.966,58"), not figures
    // the report computes.
    for n in nama.iter().filter(|n| !n.contains("dalam teks")) {
        let r = wb.worksheet_range(n).expect("sheet");
        for c in r.used_cells() {
            if let (_, Data::String(s)) = (c.0, c.2) {
                let t = s
                    .trim_start_matches("Rp")
                    .trim_start_matches('.')
                    .trim_start();
                assert!(
                    !(s.starts_with("Rp") && t.starts_with(|c: char| c.is_ascii_digit())),
                    "{n} {:?}: money as text {s:?}",
                    (c.0, c.1)
                );
            }
        }
    }

    // The Keterangan sheet says how percentages and money are stored.
    let k = wb.worksheet_range("Keterangan").expect("sheet");
    let teks: Vec<String> = k.rows().flatten().map(|c| c.to_string()).collect();
    assert!(teks.iter().any(|t| t == "Persen"), "{teks:?}");
    assert!(
        teks.iter()
            .any(|t| t.contains("nilai tepat") && t.contains("2 desimal")),
        "{teks:?}"
    );

    // Every table sheet: caption and header frozen, a filter on the header row, and the money
    // cells carry the Rupiah display format.
    let gaya = bagian(&b, "xl/styles.xml");
    assert!(
        gaya.contains("formatCode=\"&quot;Rp &quot;#,##0.00\""),
        "{gaya}"
    );
    for i in 0..nama.len() - 1 {
        let xml = bagian(&b, &format!("xl/worksheets/sheet{}.xml", i + 2));
        assert!(xml.contains("<pane ySplit=\"2\""), "{}: {xml}", nama[i + 1]);
        assert!(
            xml.contains("<autoFilter ref=\"A2:"),
            "{}: {xml}",
            nama[i + 1]
        );
    }
    // Table 2.5's filter stops above the bold total row (header row 2, data rows 3-6).
    let i25 = nama
        .iter()
        .position(|n| n == "2.5 Program dan anggaran dalam")
        .expect("sheet");
    let xml = bagian(&b, &format!("xl/worksheets/sheet{}.xml", i25 + 1));
    assert!(xml.contains("<autoFilter ref=\"A2:D6\""), "{xml}");
}
