//! Output helpers shared by the commands: Indonesian numbers for people, JSON numbers for
//! programs, and CSV that Excel under an Indonesian locale opens as numbers.

use comfy_table::{Cell, CellAlignment, ContentArrangement, Table, presets};
use kinerja_core::angka::{bulatkan, format_angka, format_persen};
use kinerja_core::uang::Rupiah;
use rust_decimal::Decimal;
use serde_json::Value;

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// Tabel untuk dibaca, angka cara Indonesia
    Tabel,
    /// JSON, angka sebagai bilangan JSON
    Json,
    /// CSV dengan pemisah `;` dan koma desimal (terbuka sebagai angka di Excel berbahasa Indonesia)
    Csv,
}

/// Marks a decimal inside a `Value` until `json_teks` writes it as a bare JSON number.
///
/// Why not serde_json's `arbitrary_precision`: that feature is global to the build, and typst
/// (the PDF renderer) reads its JSON input with the same serde_json, which then sees every
/// number as a map and fails. An `f64` would round money past 15 digits. So exact numbers
/// travel as marked strings and are unquoted once, when the JSON text is written.
const PENANDA_ANGKA: &str = "\u{F8FF}angka:";

/// A decimal as an exact JSON number (see `json_teks`).
pub fn json_angka(d: Decimal) -> Value {
    Value::String(format!("{PENANDA_ANGKA}{}", d.normalize()))
}

/// The JSON text of `v`, with the decimals of `json_angka` as exact JSON numbers.
pub fn json_teks(v: &Value) -> Result<String, String> {
    let s = serde_json::to_string_pretty(v).map_err(|e| e.to_string())?;
    let tanda = format!("\"{PENANDA_ANGKA}");
    let mut out = String::with_capacity(s.len());
    let mut sisa = s.as_str();
    while let Some(i) = sisa.find(&tanda) {
        out.push_str(&sisa[..i]);
        let angka = &sisa[i + tanda.len()..];
        // A decimal's text is digits, '-' and '.': the closing quote is the first '"'.
        let akhir = angka.find('"').unwrap_or(angka.len());
        out.push_str(&angka[..akhir]);
        sisa = &angka[(akhir + 1).min(angka.len())..];
    }
    out.push_str(sisa);
    Ok(out)
}

pub fn json_opsi(d: Option<Decimal>) -> Value {
    d.map(json_angka).unwrap_or(Value::Null)
}

/// Percent for JSON: rounded once, to two decimals.
pub fn json_persen(d: Option<Decimal>) -> Value {
    json_opsi(d.map(|x| bulatkan(x, 2)))
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

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    #[test]
    fn json_numbers_are_exact_and_bare() {
        // 18 significant digits: an f64 would print 1234567890123456800.
        let v = serde_json::json!({ "pagu": json_angka(Decimal::from_str("1234567890123456.78").unwrap()), "teks": "a \"b\"", "kosong": json_opsi(None) });
        let s = json_teks(&v).unwrap();
        assert!(s.contains("\"pagu\": 1234567890123456.78"), "{s}");
        assert!(s.contains("\"teks\": \"a \\\"b\\\"\""), "{s}");
        assert!(s.contains("\"kosong\": null"), "{s}");
        assert!(serde_json::from_str::<Value>(&s).is_ok());
    }
}
