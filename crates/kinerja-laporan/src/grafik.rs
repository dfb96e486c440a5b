//! Charts as self-contained SVG (text in "DejaVu Sans"), readable in print and without colour:
//! values are written on the bars, patterns and line styles tell series apart.
//! (Being written: the functions below are the contract.)

use rust_decimal::Decimal;

/// Horizontal bars of capaian (percent) per indicator, with a reference line at `acuan`
/// (usually 100 %). `None` is drawn as "data tidak tersedia".
pub fn batang_capaian(judul: &str, butir: &[(String, Option<Decimal>)], acuan: Decimal) -> String {
    let _ = (judul, butir, acuan);
    String::from("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\"/>")
}

/// Realisasi over the years, one line per series, with the targets dashed where given.
/// `tahun` are the x positions; each series has one value per year (`None` = no data).
pub fn tren(judul: &str, tahun: &[u16], seri: &[Seri]) -> String {
    let _ = (judul, tahun, seri);
    String::from("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\"/>")
}

/// Serapan anggaran (percent) per program, horizontal bars with the value on each.
pub fn serapan(judul: &str, butir: &[(String, Option<Decimal>)]) -> String {
    let _ = (judul, butir);
    String::from("<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"10\" height=\"10\"/>")
}

/// One line of a trend chart.
#[derive(Debug, Clone, PartialEq)]
pub struct Seri {
    pub nama: String,
    pub realisasi: Vec<Option<Decimal>>,
    pub target: Vec<Option<Decimal>>,
}
