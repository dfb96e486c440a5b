//! Output helpers shared by the commands: Indonesian numbers for people, JSON numbers for
//! programs, and CSV that Excel under an Indonesian locale opens as numbers.

use comfy_table::{Cell, CellAlignment, ContentArrangement, Table, presets};
use kinerja_core::angka::{format_angka, format_persen};
use kinerja_core::uang::Rupiah;
use rust_decimal::Decimal;

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Tabel untuk dibaca, angka cara Indonesia
    Tabel,
    /// JSON, angka sebagai bilangan JSON
    Json,
    /// CSV dengan pemisah `;` dan koma desimal (terbuka sebagai angka di Excel berbahasa Indonesia)
    Csv,
}

pub fn persen(d: Option<Decimal>) -> String {
    d.map(|x| format_persen(x, 2))
        .unwrap_or_else(|| "n/a".into())
}

pub fn rupiah(r: Option<Rupiah>) -> String {
    r.map(|x| format_angka(x.nilai(), 2))
        .unwrap_or_else(|| "belum dilaporkan".into())
}

/// CSV cell for a number: no thousands separator, decimal comma, fixed decimals.
pub fn csv_angka(d: Option<Decimal>, desimal: u32) -> String {
    d.map(|x| format_angka(x, desimal).replace('.', ""))
        .unwrap_or_default()
}

pub struct Kolom {
    pub judul: &'static str,
    pub kanan: bool,
}

pub const fn kiri(judul: &'static str) -> Kolom {
    Kolom {
        judul,
        kanan: false,
    }
}
pub const fn kanan(judul: &'static str) -> Kolom {
    Kolom { judul, kanan: true }
}

/// A table for the terminal; text columns wrap to the terminal's width (or 120 columns).
pub fn tabel(kolom: &[Kolom], baris: &[Vec<String>]) -> String {
    let mut t = Table::new();
    t.load_style(presets::UTF8_FULL_CONDENSED)
        .set_content_arrangement(ContentArrangement::Dynamic);
    if t.width().is_none() {
        t.set_width(120);
    }
    t.set_header(kolom.iter().map(|k| Cell::new(k.judul)));
    for b in baris {
        t.add_row(b.iter().zip(kolom).map(|(s, k)| {
            let c = Cell::new(s);
            if k.kanan {
                c.set_alignment(CellAlignment::Right)
            } else {
                c
            }
        }));
    }
    t.to_string()
}

pub fn csv(kolom: &[Kolom], baris: &[Vec<String>]) -> Result<String, csv::Error> {
    let mut w = csv::WriterBuilder::new()
        .delimiter(b';')
        .from_writer(Vec::new());
    w.write_record(kolom.iter().map(|k| k.judul))?;
    for b in baris {
        w.write_record(b)?;
    }
    let bytes = w.into_inner().map_err(|e| e.into_error())?;
    Ok(String::from_utf8_lossy(&bytes).into_owned())
}
