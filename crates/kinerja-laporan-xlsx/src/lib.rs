//! Every table of the Laporan Kinerja as an XLSX workbook: a first sheet "Keterangan" (instansi,
//! year, data fingerprint, version, how numbers are stored, list of tables), then one sheet per
//! table of the report in document order, named after the table's number and title
//! ("3.2 Pengukuran Kinerja Tahun"), with the caption and header rows frozen and a filter on
//! the header.
//!
//! Numbers are numbers, shown the Indonesian way by the reader's locale: money with
//! `"Rp "#,##0.00` (Excel/LibreOffice in Indonesian show `Rp 1.674.830.966,58`), percentages as
//! the exact percent number (88.6125, not 0.886125 nor a rounded 88.61) shown with
//! `#,##0.00" %"`, so a sum or an average over the column uses the exact figures while the cell
//! shows what the printed report shows; other numbers with their own decimals. A missing
//! figure is the text "data tidak tersedia", never a blank or a 0. Values are written, never
//! formulas (readers that do not recalculate would show 0).
//!
//! Reproducible: the document properties carry a fixed date (1 January of the year after the
//! report year) and rust_xlsxwriter writes zip entries with a fixed time, so the same document
//! gives byte-identical bytes.

use std::collections::HashSet;

use kinerja_laporan::{Dokumen, Sel, Tabel};
use rust_decimal::Decimal;
use rust_xlsxwriter::{
    DocProperties, ExcelDateTime, Format, FormatAlign, FormatBorder, Workbook, Worksheet, XlsxError,
};

#[derive(Debug, thiserror::Error)]
pub enum GalatXlsx {
    #[error("berkas XLSX tidak dapat ditulis: {0}")]
    Xlsx(#[from] XlsxError),
    #[error("angka {0} tidak dapat ditulis sebagai bilangan XLSX")]
    Angka(Decimal),
}

/// The first sheet.
pub const LEMBAR_KETERANGAN: &str = "Keterangan";
/// Money, in the English form stored in the file (shown `Rp 1.674.830.966,58` in Indonesian).
pub const FORMAT_RUPIAH: &str = "\"Rp \"#,##0.00";
/// A percentage written as the percent number (88.62 shows `88,62 %`).
pub const FORMAT_PERSEN: &str = "#,##0.00\" %\"";
/// Widest a text column gets (characters); longer text wraps.
const LEBAR_TEKS_MAKS: f64 = 60.0;

/// A draft's sheets print DRAF in their page header.
fn tanda_draf(ws: &mut Worksheet, d: &Dokumen) {
    if d.draf.is_some() {
        ws.set_header("&C&\"-,Bold\"&14DRAF");
    }
}

/// The report's tables as XLSX bytes.
pub fn xlsx(d: &Dokumen) -> Result<Vec<u8>, GalatXlsx> {
    let mut wb = Workbook::new();
    let tanggal = ExcelDateTime::from_ymd(d.tahun.saturating_add(1), 1, 1)?;
    wb.set_properties(
        &DocProperties::new()
            .set_title(format!("{} {} Tahun {}", d.judul, d.instansi, d.tahun))
            .set_author("kinerja")
            .set_comment(format!("sidik data {} · kinerja {}", d.sidik, d.versi))
            .set_creation_datetime(&tanggal),
    );
    let tabel: Vec<&Tabel> = d.tabel().collect();
    let nama = nama_lembar(&tabel);
    let ws = wb.add_worksheet();
    tanda_draf(ws, d);
    keterangan(ws, d, &tabel, &nama)?;
    for (t, n) in tabel.iter().zip(&nama) {
        let ws = wb.add_worksheet();
        tanda_draf(ws, d);
        ws.set_name(n)?;
        lembar(ws, t)?;
    }
    Ok(wb.save_to_buffer()?)
}

/// Sheet names that say what the table is: the table's number and the start of its title
/// ("3.2 Pengukuran Kinerja Tahun" for "Tabel 3.2 Pengukuran Kinerja Tahun 2020", "Lamp 1
/// Renstra" for an annex), cut at a word to Excel's 31 characters, with none of `[]:*?/\` nor
/// a leading or trailing apostrophe, and unique, case-insensitively, beside "Keterangan".
pub fn nama_lembar(tabel: &[&Tabel]) -> Vec<String> {
    let mut dipakai: HashSet<String> = HashSet::from([LEMBAR_KETERANGAN.to_lowercase()]);
    tabel
        .iter()
        .enumerate()
        .map(|(i, t)| {
            let bersih: String = usulan_nama(t)
                .chars()
                .map(|c| if "[]:*?/\\".contains(c) { '-' } else { c })
                .collect();
            let bersih = bersih.trim().trim_matches('\'').trim().to_string();
            let dasar = if bersih.is_empty() {
                format!("Tabel {}", i + 1)
            } else {
                bersih
            };
            let mut n = potong(&dasar, 31);
            let mut k = 2;
            while dipakai.contains(&n.to_lowercase()) {
                let akhiran = format!(" ({k})");
                n = format!("{}{akhiran}", potong(&dasar, 31 - akhiran.chars().count()));
                k += 1;
            }
            dipakai.insert(n.to_lowercase());
            n
        })
        .collect()
}

/// "3.2 Pengukuran Kinerja Tahun 2020" from the name "Tabel 3.2" and the title "Tabel 3.2
/// Pengukuran Kinerja Tahun 2020"; the name alone when the title does not start with it.
fn usulan_nama(t: &Tabel) -> String {
    let nomor = match t.nama.strip_prefix("Tabel ") {
        Some(n) => n.to_string(),
        None => match t.nama.strip_prefix("Lampiran ") {
            Some(n) => format!("Lamp {n}"),
            None => t.nama.clone(),
        },
    };
    match t.judul.strip_prefix(t.nama.as_str()) {
        Some(sisa) if !sisa.trim().is_empty() => format!("{nomor} {}", sisa.trim()),
        _ => nomor,
    }
}

/// At most `n` characters, cut at a word when the text is longer and a word boundary exists.
fn potong(s: &str, n: usize) -> String {
    if s.chars().count() <= n {
        return s.trim_end().to_string();
    }
    let kepala: String = s.chars().take(n + 1).collect();
    match kepala.rfind(' ') {
        Some(i) if i > 0 => kepala[..i].trim_end().to_string(),
        _ => kepala
            .chars()
            .take(n)
            .collect::<String>()
            .trim_end()
            .to_string(),
    }
}

fn keterangan(
    ws: &mut Worksheet,
    d: &Dokumen,
    tabel: &[&Tabel],
    nama: &[String],
) -> Result<(), GalatXlsx> {
    ws.set_name(LEMBAR_KETERANGAN)?;
    let judul = Format::new().set_bold().set_font_size(14);
    let tebal = Format::new().set_bold();
    let teks = Format::new().set_text_wrap().set_align(FormatAlign::Top);
    ws.write_string_with_format(0, 0, &d.judul, &judul)?;
    let mut baris: u32 = 2;
    let mut pasangan = |ws: &mut Worksheet, k: &str, v: &str| -> Result<(), XlsxError> {
        ws.write_string_with_format(baris, 0, k, &tebal)?;
        ws.write_string_with_format(baris, 1, v, &teks)?;
        baris += 1;
        Ok(())
    };
    pasangan(ws, "Instansi", &d.instansi)?;
    if let Some(i) = &d.induk {
        pasangan(ws, "Pemerintah daerah", i)?;
    }
    pasangan(ws, "Tahun", &d.tahun.to_string())?;
    if let Some(t) = &d.tempat_tanggal {
        pasangan(ws, "Tempat dan tanggal", t)?;
    }
    if let Some(draf) = &d.draf {
        pasangan(ws, "Status", draf)?;
    }
    pasangan(ws, "Sidik data", &d.sidik)?;
    pasangan(ws, "Versi kinerja", &d.versi)?;
    pasangan(
        ws,
        "Catatan",
        "Semua tabel laporan, satu lembar per tabel; baris judul kolom dibekukan dan diberi \
         filter. \"data tidak tersedia\" berarti data sumber tidak memuat angkanya.",
    )?;
    pasangan(
        ws,
        "Rupiah",
        "Setiap jumlah uang disimpan sebagai angka (dapat dijumlahkan) dengan format tampilan \
         \"Rp 1.234.567,89\".",
    )?;
    pasangan(
        ws,
        "Persen",
        "Setiap persentase (capaian, serapan, target dan realisasi dalam %) disimpan sebagai \
         nilai tepat dalam bilangan persen, tanpa pembulatan (50,688073... berarti 50,688073... %), \
         dan ditampilkan dengan 2 desimal seperti pada laporan cetak (50,69 %). Rumus di atas \
         kolom ini memakai nilai tepat; laporan cetak membulatkan 2 desimal hanya saat dicetak.",
    )?;
    pasangan(
        ws,
        "Nilai berlabel",
        "Target atau realisasi kualitatif (\"B (80 %)\") atau rentang ditulis sebagai teks, seperti \
         tertulis pada data sumber.",
    )?;
    baris += 1;
    ws.write_string_with_format(baris, 0, "Lembar", &tebal)?;
    ws.write_string_with_format(baris, 1, "Judul tabel", &tebal)?;
    baris += 1;
    for (t, n) in tabel.iter().zip(nama) {
        let tautan = rust_xlsxwriter::Url::new(format!("internal:'{}'!A1", n.replace('\'', "''")))
            .set_text(n);
        ws.write_url(baris, 0, tautan)?;
        ws.write_string_with_format(baris, 1, &t.judul, &teks)?;
        baris += 1;
    }
    ws.set_column_width(0, 22)?;
    ws.set_column_width(1, 90)?;
    Ok(())
}

fn lembar(ws: &mut Worksheet, t: &Tabel) -> Result<(), GalatXlsx> {
    ws.write_string_with_format(0, 0, &t.judul, &Format::new().set_bold().set_font_size(12))?;
    let kepala = Format::new()
        .set_bold()
        .set_text_wrap()
        .set_align(FormatAlign::Center)
        .set_align(FormatAlign::VerticalCenter)
        .set_background_color(0xD9D9D9)
        .set_border(FormatBorder::Thin);
    for (j, k) in t.kolom.iter().enumerate() {
        ws.write_string_with_format(1, kol(j)?, &k.judul, &kepala)?;
    }
    ws.set_freeze_panes(2, 0)?;
    let mut lebar: Vec<f64> = t
        .kolom
        .iter()
        .map(|k| {
            // A header wraps onto at most three lines.
            let n = k.judul.chars().count() as f64;
            (n / 3.0).max(
                k.judul
                    .split_whitespace()
                    .map(|w| w.chars().count())
                    .max()
                    .unwrap_or(0) as f64,
            )
        })
        .collect();
    let mut teks_panjang = vec![false; t.kolom.len()];
    for (i, b) in t.baris.iter().enumerate() {
        let r = 2 + u32::try_from(i).map_err(|_| XlsxError::RowColumnLimitError)?;
        for (j, s) in b.sel.iter().enumerate().take(t.kolom.len()) {
            let c = kol(j)?;
            let kanan = t.kolom[j].rata_kanan;
            let mut f = Format::new()
                .set_border(FormatBorder::Thin)
                .set_align(FormatAlign::Top);
            if b.tebal {
                f = f.set_bold();
            }
            match s {
                Sel::Teks(x) => {
                    f = f.set_text_wrap();
                    if kanan {
                        f = f.set_align(FormatAlign::Right);
                    }
                    ws.write_string_with_format(r, c, x, &f)?;
                }
                Sel::Angka { nilai, desimal } => {
                    ws.write_number_with_format(
                        r,
                        c,
                        f64_dari(*nilai)?,
                        &f.set_num_format(format_angka(*desimal)),
                    )?;
                }
                Sel::Rupiah(x) => {
                    ws.write_number_with_format(
                        r,
                        c,
                        f64_dari(x.nilai())?,
                        &f.set_num_format(FORMAT_RUPIAH),
                    )?;
                }
                Sel::Persen(p) => {
                    ws.write_number_with_format(
                        r,
                        c,
                        f64_dari(*p)?,
                        &f.set_num_format(FORMAT_PERSEN),
                    )?;
                }
                Sel::TidakTersedia(_) => {
                    f = f.set_italic().set_text_wrap().set_font_color(0x595959);
                    if kanan {
                        f = f.set_align(FormatAlign::Right);
                    }
                    ws.write_string_with_format(r, c, s.cetak(), &f)?;
                }
                Sel::Kosong => {
                    ws.write_blank(r, c, &f)?;
                }
            }
            let n = s.cetak().chars().count() as f64;
            if matches!(s, Sel::Teks(_)) && n > LEBAR_TEKS_MAKS {
                teks_panjang[j] = true;
            }
            lebar[j] = lebar[j].max(n.min(LEBAR_TEKS_MAKS));
        }
    }
    for (j, w) in lebar.iter().enumerate() {
        // Money columns hold at least "1.674.830.966,58"; a little air on every column.
        let w = if teks_panjang[j] {
            LEBAR_TEKS_MAKS
        } else {
            (w + 2.0).max(8.0)
        };
        ws.set_column_width(kol(j)?, w)?;
    }
    // The filter covers the header and the rows, not a closing total (sorting would move it).
    let tubuh = t.baris.len() - t.baris.iter().rev().take_while(|b| b.tebal).count();
    if let Some(akhir) = t.kolom.len().checked_sub(1) {
        let r = 1 + u32::try_from(tubuh).map_err(|_| XlsxError::RowColumnLimitError)?;
        ws.autofilter(1, 0, r, kol(akhir)?)?;
    }
    if let Some(c) = &t.catatan {
        let r = 3 + u32::try_from(t.baris.len()).map_err(|_| XlsxError::RowColumnLimitError)?;
        ws.write_string_with_format(r, 0, c, &Format::new().set_italic())?;
    }
    Ok(())
}

fn kol(j: usize) -> Result<u16, XlsxError> {
    u16::try_from(j).map_err(|_| XlsxError::RowColumnLimitError)
}

/// The nearest `f64`: through the decimal text, which Rust parses correctly rounded (the
/// arithmetic conversion can land one binary digit off, so the cell would depend on how many
/// digits the exact value carried).
fn f64_dari(n: Decimal) -> Result<f64, GalatXlsx> {
    n.to_string()
        .parse::<f64>()
        .ok()
        .filter(|x| x.is_finite())
        .ok_or(GalatXlsx::Angka(n))
}

/// `#,##0` with the given decimals: `#,##0.00` for 2.
pub fn format_angka(desimal: u32) -> String {
    if desimal == 0 {
        "#,##0".into()
    } else {
        format!("#,##0.{}", "0".repeat(desimal.min(10) as usize))
    }
}
