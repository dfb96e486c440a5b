//! The SKM chart, as the seed draws it: a bar per unsur (its score, 25-100 scale) and a line at
//! the mean; the unsur below the mean are the priorities.
//!
//! Made for print without colour: bars at or above the mean are solid dark grey, bars below the
//! mean are white with black diagonal hatching, the mean is a thick dashed black line; every bar
//! carries its value; the regime's mutu bands (D, C, B, A) are marked with dotted lines. Bars
//! are horizontal so long unsur names stay readable. Text is DejaVu Sans; the PNG is rendered
//! with resvg using the font embedded in this crate, never system fonts.

use kinerja_core::angka::format_angka;
use kinerja_core::skm::{HasilSkm, SumberUnsur};
use rust_decimal::Decimal;

use crate::kanvas::f;
use crate::png::{GalatGrafik, svg_ke_png};
use crate::teks::{bungkus, esc};

const LEBAR: f64 = 1000.0;
const KIRI: f64 = 380.0; // labels end here, the plot starts
const KANAN: f64 = 70.0; // room for the value at the end of a 100 bar
const BARIS: f64 = 40.0;
const TINGGI_BATANG: f64 = 22.0;
const ATAS: f64 = 118.0;
const HURUF_LABEL: f64 = 12.5;
const LEBAR_LABEL: f64 = KIRI - 8.0 - 20.0;

/// An unsur's name wrapped to the room left of the plot (from the margin to 8 units before
/// it), in two lines at most.
fn label(s: &str) -> Vec<String> {
    bungkus(s, LEBAR_LABEL, HURUF_LABEL, 2)
}

/// The chart as an SVG document. `judul` is the title line (e.g. the unit and year).
pub fn svg(hasil: &HasilSkm, judul: &str) -> String {
    let n = hasil.unsur.len();
    let lebar_plot = LEBAR - KIRI - KANAN;
    let x = |v: f64| KIRI + v.clamp(0.0, 100.0) / 100.0 * lebar_plot;
    let bawah = ATAS + n as f64 * BARIS;
    let tinggi = bawah + 110.0;
    let mut s = String::with_capacity(8192 + n * 600);
    s.push_str(&format!(
        r##"<svg xmlns="http://www.w3.org/2000/svg" width="{LEBAR}" height="{tinggi}" viewBox="0 0 {LEBAR} {tinggi}" font-family="DejaVu Sans, sans-serif" font-size="13">
<defs><pattern id="arsir" patternUnits="userSpaceOnUse" width="7" height="7" patternTransform="rotate(45)"><rect width="7" height="7" fill="#ffffff"/><line x1="0" y1="0" x2="0" y2="7" stroke="#000000" stroke-width="2.2"/></pattern></defs>
<rect width="100%" height="100%" fill="#ffffff"/>
"##
    ));
    // Title and the headline figures.
    s.push_str(&format!(
        r#"<text x="20" y="32" font-size="19" font-weight="bold">{}</text>
"#,
        esc(judul)
    ));
    let responden = hasil
        .responden
        .map(|r| format!(" · {} responden", format_angka(Decimal::from(r), 0)))
        .unwrap_or_default();
    s.push_str(&format!(
        r#"<text x="20" y="56" font-size="14">IKM {} · NIK {} · mutu {} ({}) · {} · bobot {}{}</text>
"#,
        format_angka(hasil.ikm, 2),
        format_angka(hasil.nik, 2),
        hasil.mutu,
        hasil.kinerja_unit,
        esc(&hasil.regime.nama),
        esc(&hasil.bobot.tertulis),
        responden
    ));
    // Mutu bands: dotted boundaries and the letters between them.
    let iv = &hasil.regime.interval;
    for (i, b) in iv.iter().enumerate() {
        let lo = f(b.nik_bawah);
        let hi = iv.get(i + 1).map_or(100.0, |n| f(n.nik_bawah));
        if i > 0 {
            s.push_str(&format!(
                r##"<line x1="{x:.1}" y1="{y1}" x2="{x:.1}" y2="{bawah}" stroke="#444444" stroke-width="1" stroke-dasharray="2 3"/>
"##,
                x = x(lo),
                y1 = ATAS - 34.0,
            ));
        }
        s.push_str(&format!(
            r##"<text x="{:.1}" y="{}" text-anchor="middle" font-size="12" fill="#333333">mutu {}</text>
"##,
            (x(lo) + x(hi)) / 2.0,
            ATAS - 38.0,
            b.mutu
        ));
    }
    // Grid and axis.
    for v in (0..=100).step_by(10) {
        let xv = x(f64::from(v));
        s.push_str(&format!(
            r##"<line x1="{xv:.1}" y1="{ATAS}" x2="{xv:.1}" y2="{bawah}" stroke="#d9d9d9" stroke-width="1"/>
<text x="{xv:.1}" y="{:.1}" text-anchor="middle" font-size="12">{v}</text>
"##,
            bawah + 18.0
        ));
    }
    s.push_str(&format!(
        r##"<line x1="{KIRI}" y1="{ATAS}" x2="{KIRI}" y2="{bawah}" stroke="#000000" stroke-width="1.5"/>
<line x1="{KIRI}" y1="{bawah}" x2="{:.1}" y2="{bawah}" stroke="#000000" stroke-width="1.5"/>
<text x="{:.1}" y="{:.1}" text-anchor="middle" font-size="12">skor unsur (NRR × 25)</text>
"##,
        x(100.0),
        x(50.0),
        bawah + 36.0
    ));
    // Bars; their values are drawn after the mean line, with a white halo, to stay legible.
    let mut nilai = String::new();
    let mut ada_skor_terbit = false;
    for (i, u) in hasil.unsur.iter().enumerate() {
        let y0 = ATAS + i as f64 * BARIS;
        let yc = y0 + BARIS / 2.0;
        let bintang = if u.sumber == SumberUnsur::Skor {
            ada_skor_terbit = true;
            " *"
        } else {
            ""
        };
        let label = label(&format!("{}. {}{bintang}", u.kode, u.nama));
        let dy0 = if label.len() > 1 { -3.0 } else { 4.5 };
        for (j, l) in label.iter().enumerate() {
            s.push_str(&format!(
                r#"<text x="{:.1}" y="{:.1}" text-anchor="end" font-size="{HURUF_LABEL}">{}</text>
"#,
                KIRI - 8.0,
                yc + dy0 + j as f64 * 15.0,
                esc(l)
            ));
        }
        let v = f(u.skor);
        let isi = if u.di_bawah_rata_rata {
            "url(#arsir)"
        } else {
            "#4a4a4a"
        };
        s.push_str(&format!(
            r##"<rect x="{KIRI}" y="{:.1}" width="{:.1}" height="{TINGGI_BATANG}" fill="{isi}" stroke="#000000" stroke-width="1.2"/>
"##,
            yc - TINGGI_BATANG / 2.0,
            x(v) - KIRI,
        ));
        nilai.push_str(&format!(
            r##"<text x="{:.1}" y="{:.1}" font-size="12.5" font-weight="bold" stroke="#ffffff" stroke-width="4" stroke-linejoin="round" paint-order="stroke">{}</text>
"##,
            x(v) + 5.0,
            yc + 4.5,
            format_angka(u.skor, 2)
        ));
    }
    // The mean.
    let xr = x(f(hasil.rata_rata_skor));
    s.push_str(&format!(
        r##"<line x1="{xr:.1}" y1="{:.1}" x2="{xr:.1}" y2="{:.1}" stroke="#000000" stroke-width="2.5" stroke-dasharray="9 5"/>
<text x="{:.1}" y="{:.1}" font-size="12.5" font-weight="bold" stroke="#ffffff" stroke-width="4" stroke-linejoin="round" paint-order="stroke">rata-rata {}</text>
"##,
        ATAS - 14.0,
        bawah + 4.0,
        xr + 5.0,
        ATAS - 18.0,
        format_angka(hasil.rata_rata_skor, 2)
    ));
    s.push_str(&nilai);
    // Legend.
    let yl = bawah + 62.0;
    s.push_str(&format!(
        r##"<rect x="20" y="{:.1}" width="26" height="14" fill="#4a4a4a" stroke="#000000"/>
<text x="52" y="{:.1}" font-size="12.5">skor ≥ rata-rata</text>
<rect x="200" y="{:.1}" width="26" height="14" fill="url(#arsir)" stroke="#000000"/>
<text x="232" y="{:.1}" font-size="12.5">skor di bawah rata-rata: prioritas perbaikan</text>
<line x1="560" y1="{:.1}" x2="600" y2="{:.1}" stroke="#000000" stroke-width="2.5" stroke-dasharray="9 5"/>
<text x="606" y="{:.1}" font-size="12.5">rata-rata skor unsur</text>
<line x1="780" y1="{:.1}" x2="810" y2="{:.1}" stroke="#444444" stroke-width="1" stroke-dasharray="2 3"/>
<text x="816" y="{:.1}" font-size="12.5">batas mutu</text>
"##,
        yl - 11.0,
        yl,
        yl - 11.0,
        yl,
        yl - 4.5,
        yl - 4.5,
        yl,
        yl - 4.5,
        yl - 4.5,
        yl
    ));
    s.push_str(&format!(
        r##"<text x="20" y="{:.1}" font-size="11" fill="#333333">{}Angka dibulatkan 2 desimal (setengah menjauhi nol) hanya saat dicetak; tabel interval {}.</text>
</svg>
"##,
        yl + 24.0,
        if ada_skor_terbit {
            "* skor terbit, tanpa data jawaban. "
        } else {
            ""
        },
        esc(&hasil.regime.nama)
    ));
    s
}

/// The chart as PNG (2000 px wide).
pub fn png(hasil: &HasilSkm, judul: &str) -> Result<Vec<u8>, GalatGrafik> {
    svg_ke_png(&svg(hasil, judul), 2.0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::teks::lebar_teks;

    #[test]
    fn labels_wrap_to_the_room_left_of_the_plot_in_two_lines_at_most() {
        // The room is 380 - 8 - 20 = 352 units; "U1. Persyaratan" at 12,5 is about 100.
        assert_eq!(label("U1. Persyaratan"), ["U1. Persyaratan"]);
        let b = label("U5. Kesesuaian antara hasil pelayanan dengan ketentuan yang ada");
        assert_eq!(b.len(), 2);
        assert!(
            b.iter()
                .all(|l| lebar_teks(l, HURUF_LABEL, false) <= LEBAR_LABEL),
            "{b:?}"
        );
        let b = label(&"kata ".repeat(40));
        assert_eq!(b.len(), 2);
        assert!(b[1].ends_with('…'));
    }
}
