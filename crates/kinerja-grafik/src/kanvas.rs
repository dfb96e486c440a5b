//! The frame every report chart shares: the size, the type sizes, the title, the axis steps,
//! text with a halo and the chart that says there is nothing to draw.

use kinerja_core::angka::{format_angka, format_persen};
use rust_decimal::Decimal;
use rust_decimal::prelude::{FromPrimitive, ToPrimitive};

use crate::teks::{bungkus, esc};

/// Width of every report chart in SVG units (the SKM chart is 1000 wide).
pub(crate) const LEBAR: f64 = 760.0;
/// Outer margin.
pub(crate) const TEPI: f64 = 16.0;
pub(crate) const HURUF_JUDUL: f64 = 16.0;
pub(crate) const HURUF: f64 = 13.0;
pub(crate) const HURUF_KECIL: f64 = 12.0;
/// Line height of 13-unit text.
pub(crate) const JARAK_BARIS: f64 = 15.0;
pub(crate) const TAK_TERSEDIA: &str = "data tidak tersedia";

pub(crate) fn f(d: Decimal) -> f64 {
    d.to_f64().unwrap_or(0.0)
}

/// A round tick step for a range of `rentang`, giving at most six intervals.
pub(crate) fn langkah(rentang: f64) -> f64 {
    let rentang = if rentang.is_finite() && rentang > 0.0 {
        rentang
    } else {
        1.0
    };
    let p = 10f64.powf((rentang / 6.0).log10().floor());
    [1.0, 2.0, 2.5, 5.0, 10.0]
        .iter()
        .map(|m| m * p)
        .find(|s| rentang / s <= 6.0 + 1e-9)
        .unwrap_or(10.0 * p)
}

/// Decimals needed to print multiples of `step` exactly (0, 1 or 2).
pub(crate) fn desimal_langkah(step: f64) -> u32 {
    (0..=2)
        .find(|&d| {
            let k = step * 10f64.powi(d as i32);
            (k - k.round()).abs() < 1e-6
        })
        .unwrap_or(2)
}

/// A tick value printed the Indonesian way ("1.500", "0,5").
pub(crate) fn label_sumbu(v: f64, desimal: u32) -> String {
    format_angka(Decimal::from_f64(v).unwrap_or_default(), desimal)
}

/// "100 %" for a whole number, "87,50 %" otherwise.
pub(crate) fn persen_ringkas(p: Decimal) -> String {
    if p.fract().is_zero() {
        format_persen(p, 0)
    } else {
        format_persen(p, 2)
    }
}

pub(crate) fn kepala(s: &mut String, tinggi: f64, judul: &str) {
    s.push_str(&format!(
        r##"<svg xmlns="http://www.w3.org/2000/svg" width="{LEBAR}" height="{tinggi:.0}" viewBox="0 0 {LEBAR} {tinggi:.0}" font-family="DejaVu Sans, sans-serif" font-size="{HURUF}" role="img">
<title>{}</title>
<defs><pattern id="kg-arsir" patternUnits="userSpaceOnUse" width="7" height="7" patternTransform="rotate(45)"><rect width="7" height="7" fill="#ffffff"/><line x1="0" y1="0" x2="0" y2="7" stroke="#000000" stroke-width="2.2"/></pattern></defs>
<rect width="100%" height="100%" fill="#ffffff"/>
"##,
        esc(judul)
    ));
}

/// The title lines (bold, wrapped to two lines); returns the y below them.
pub(crate) fn tulis_judul(s: &mut String, judul: &str) -> f64 {
    let baris = bungkus(judul, LEBAR - 2.0 * TEPI, HURUF_JUDUL * 1.1, 2);
    let mut y = TEPI + HURUF_JUDUL;
    for b in &baris {
        s.push_str(&format!(
            r#"<text x="{TEPI}" y="{y:.1}" font-size="{HURUF_JUDUL}" font-weight="bold">{}</text>
"#,
            esc(b)
        ));
        y += HURUF_JUDUL + 4.0;
    }
    y - HURUF_JUDUL + 6.0
}

/// Text with a white halo so it stays legible over lines and hatching.
pub(crate) fn teks_halo(x: f64, y: f64, anchor: &str, atribut: &str, isi: &str) -> String {
    format!(
        r##"<text x="{x:.1}" y="{y:.1}" text-anchor="{anchor}" {atribut} stroke="#ffffff" stroke-width="4" stroke-linejoin="round" paint-order="stroke">{}</text>
"##,
        esc(isi)
    )
}

/// A chart with nothing to draw: the title and "data tidak tersedia".
pub(crate) fn kosong(judul: &str) -> String {
    let mut badan = String::new();
    let y = tulis_judul(&mut badan, judul);
    let tinggi = y + 70.0;
    badan.push_str(&format!(
        r##"<rect x="{TEPI}" y="{:.1}" width="{:.1}" height="50" fill="none" stroke="#808080" stroke-dasharray="4 4"/>
<text x="{:.1}" y="{:.1}" text-anchor="middle" font-style="italic">{TAK_TERSEDIA}</text>
</svg>
"##,
        y + 6.0,
        LEBAR - 2.0 * TEPI,
        LEBAR / 2.0,
        y + 36.0
    ));
    let mut s = String::new();
    kepala(&mut s, tinggi, judul);
    s.push_str(&badan);
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn axis_steps_are_round() {
        assert_eq!(langkah(100.0), 20.0);
        assert_eq!(langkah(250.0), 50.0);
        assert_eq!(langkah(3.0), 0.5);
        assert_eq!(desimal_langkah(0.5), 1);
        assert_eq!(desimal_langkah(25.0), 0);
        assert_eq!(label_sumbu(1500.0, 0), "1.500");
    }
}
