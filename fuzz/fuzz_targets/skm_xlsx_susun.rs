//! kinerja-skm's spreadsheet reader on real workbooks: the input is turned by `arbitrary` into a
//! sheet (header cells naming unsur, profile or other columns; cells of every kind, dates
//! included) written with rust_xlsxwriter, so every input gets past the zip layer.
#![no_main]

use arbitrary::Arbitrary;
use kinerja_fuzz::{Kepala, baca_xlsx, berkas_sementara, biarkan_panik_calamine};
use libfuzzer_sys::fuzz_target;
use rust_xlsxwriter::{Format, Workbook};

#[derive(Arbitrary, Debug)]
enum Sel {
    Kosong,
    Jawaban(u8),
    Bulat(i64),
    Angka(f64),
    Teks(String),
    Tanggal(f64),
    Logika(bool),
    Rumus(String),
}

#[derive(Arbitrary, Debug)]
struct Lembar {
    opsi: u8,
    /// Where the used range starts: readers must number rows and columns as the sheet shows them.
    baris_awal: u8,
    kolom_awal: u8,
    kepala: Vec<Kepala>,
    baris: Vec<Vec<Sel>>,
    lembar_kedua: bool,
}

fuzz_target!(init: biarkan_panik_calamine(), |lembar: Lembar| {
    let Some(isi) = susun(&lembar) else {
        return;
    };
    let path = berkas_sementara("xlsx");
    std::fs::write(&path, isi).expect("the temporary file must be writable");
    baca_xlsx(&path, lembar.opsi);
});

fn susun(l: &Lembar) -> Option<Vec<u8>> {
    let mut wb = Workbook::new();
    wb.set_zip_compression_level(1);
    let tanggal = Format::new().set_num_format("yyyy-mm-dd");
    let ws = wb.add_worksheet();
    let r0 = u32::from(l.baris_awal % 4);
    let c0 = u16::from(l.kolom_awal % 4);
    for (i, k) in l.kepala.iter().take(40).enumerate() {
        if let Some(t) = k.teks() {
            ws.write_string(r0, c0 + i as u16, t).ok()?;
        }
    }
    for (j, baris) in l.baris.iter().take(200).enumerate() {
        let r = r0 + 1 + j as u32;
        for (i, sel) in baris.iter().take(40).enumerate() {
            let c = c0 + i as u16;
            match sel {
                Sel::Kosong => continue,
                Sel::Jawaban(n) => ws.write_number(r, c, f64::from(n % 6)),
                Sel::Bulat(n) => ws.write_number(r, c, *n as f64),
                Sel::Angka(x) => ws.write_number(r, c, *x),
                Sel::Teks(t) => ws.write_string(r, c, t),
                Sel::Tanggal(x) => ws.write_number_with_format(r, c, *x, &tanggal),
                Sel::Logika(b) => ws.write_boolean(r, c, *b),
                Sel::Rumus(t) => ws.write_formula(r, c, t.as_str()),
            }
            // rust_xlsxwriter refuses some values (NaN, overlong strings): skip that cell.
            .ok();
        }
    }
    if l.lembar_kedua {
        wb.add_worksheet().write_string(0, 0, "U1").ok()?;
    }
    wb.save_to_buffer().ok()
}
