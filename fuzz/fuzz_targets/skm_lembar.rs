//! kinerja-skm's sheet reader (`baca_responden_lembar`, what `baca_responden_xlsx` and
//! kinerja-excel's `Responden SKM` sheet hand their cells to) on sheets that `arbitrary` builds
//! cell by cell, the way calamine builds a sheet (`Range::from_sparse`), then the SKM computation.
//!
//! `skm_xlsx_susun` reaches the same reader through a real workbook, but writing and reading the
//! zip costs ~4 ms an input. Here every input reaches our code, with every kind of cell calamine
//! can give (xlsx, xls and ods alike: integers, ISO dates and durations, error cells, styled
//! blank cells) and a used range that may start anywhere up to the last row and column a
//! `u32` position holds, so row and column numbers in messages are checked for overflow too.
#![no_main]

use arbitrary::Arbitrary;
use calamine::{Cell, CellErrorType, Data, ExcelDateTime, ExcelDateTimeType, Range};
use kinerja_fuzz::{Kepala, opsi_baca, opsi_hitung};
use libfuzzer_sys::fuzz_target;

/// At most this many rows and columns, so a sheet stays small however far it starts.
const BARIS: usize = 200;
const KOLOM: usize = 40;

#[derive(Arbitrary, Debug)]
enum Sel {
    /// No cell at all.
    Kosong,
    /// A blank cell that has a style: calamine keeps it as `Data::Empty`.
    KosongBergaya,
    Jawaban(u8),
    /// An answer typed as text, as forms exported to CSV and pasted into Excel give them.
    JawabanTeks(u8, bool),
    Bulat(i64),
    Angka(f64),
    Teks(String),
    Tanggal(f64, bool),
    Durasi(f64),
    TanggalIso(String),
    DurasiIso(String),
    Logika(bool),
    Galat(u8),
}

#[derive(Arbitrary, Debug)]
struct Lembar {
    opsi: u8,
    baris_awal: u32,
    kolom_awal: u32,
    kepala: Vec<Kepala>,
    baris: Vec<Vec<Sel>>,
}

fuzz_target!(|lembar: Lembar| {
    let range = susun(&lembar);
    match kinerja_skm::responden::baca_responden_lembar(
        "lembar.xlsx",
        &range,
        &opsi_baca(lembar.opsi),
    ) {
        Ok(r) => {
            let _ = kinerja_skm::Masukan::Responden(r).hitung(&opsi_hitung(lembar.opsi));
        }
        Err(e) => {
            let _ = e.to_string();
        }
    }
});

fn susun(l: &Lembar) -> Range<Data> {
    // Room for the header row and every data row and column below the last position.
    let r0 = l.baris_awal.min(u32::MAX - BARIS as u32 - 1);
    let c0 = l.kolom_awal.min(u32::MAX - KOLOM as u32);
    let mut sel = Vec::new();
    for (i, k) in l.kepala.iter().take(KOLOM).enumerate() {
        if let Some(t) = k.teks() {
            sel.push(Cell::new((r0, c0 + i as u32), Data::String(t)));
        }
    }
    for (j, baris) in l.baris.iter().take(BARIS).enumerate() {
        for (i, s) in baris.iter().take(KOLOM).enumerate() {
            let isi = match s {
                Sel::Kosong => continue,
                Sel::KosongBergaya => Data::Empty,
                Sel::Jawaban(n) => Data::Float(f64::from(n % 6)),
                Sel::JawabanTeks(n, spasi) if *spasi => Data::String(format!(" {} ", n % 6)),
                Sel::JawabanTeks(n, _) => Data::String((n % 6).to_string()),
                Sel::Bulat(n) => Data::Int(*n),
                Sel::Angka(x) => Data::Float(*x),
                Sel::Teks(t) => Data::String(t.clone()),
                Sel::Tanggal(x, tahun_1904) => Data::DateTime(ExcelDateTime::new(
                    *x,
                    ExcelDateTimeType::DateTime,
                    *tahun_1904,
                )),
                Sel::Durasi(x) => {
                    Data::DateTime(ExcelDateTime::new(*x, ExcelDateTimeType::TimeDelta, false))
                }
                Sel::TanggalIso(t) => Data::DateTimeIso(t.clone()),
                Sel::DurasiIso(t) => Data::DurationIso(t.clone()),
                Sel::Logika(b) => Data::Bool(*b),
                Sel::Galat(n) => Data::Error(match n % 8 {
                    0 => CellErrorType::Div0,
                    1 => CellErrorType::NA,
                    2 => CellErrorType::Name,
                    3 => CellErrorType::Null,
                    4 => CellErrorType::Num,
                    5 => CellErrorType::Ref,
                    6 => CellErrorType::Value,
                    _ => CellErrorType::GettingData,
                }),
            };
            sel.push(Cell::new((r0 + 1 + j as u32, c0 + i as u32), isi));
        }
    }
    Range::from_sparse(sel)
}
