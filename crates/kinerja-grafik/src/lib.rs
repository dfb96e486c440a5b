//! The charts of kinerja as self-contained SVG (text in "DejaVu Sans"), readable in print and
//! without colour, and PNG rendered from them with the embedded fonts; with them, the one markup
//! escaper ([`esc`]) and the one text-width estimate ([`lebar_teks`]) the renderers share.
//!
//! - The report's charts: [`batang_capaian`] (capaian per indicator), [`serapan`] (serapan per
//!   program), [`tren`] (realisasi over the years). The SKM chart: [`skm`]. A QR code: [`qr`].
//! - [`svg_ke_png`]: any of them as PNG (resvg), with [`DEJAVU_SANS`] and [`DEJAVU_SANS_BOLD`]
//!   only, never system fonts; the PDF renderer embeds the same two files.
//!
//! Conventions all charts share: a white background, a bold title, horizontal bars so long names
//! stay readable, values written on the bars in bold with a white halo, a thick dashed black
//! reference line, hatching for the bars that fall short, patterns and line styles (not colour)
//! to tell series apart. The report charts are 760 units wide: printed 160 mm wide one unit is
//! 0.21 mm, so the 13-unit labels print at about 7.8 pt.
//!
//! Names are wrapped with DejaVu Sans advance widths, to three lines at most, the last cut with
//! "…". Every number is printed the Indonesian way (`kinerja_core::angka`).
//!
//! # Invariants
//! - Output is a pure function of the input: no ids from counters, no hashing, no
//!   floating-point text beyond one fixed decimal; the same figures give the same bytes.
//! - Every piece of text in a chart goes through [`esc`].
//! - This crate draws; it computes no figure. Capaian, serapan and the SKM result come finished.

mod batang;
mod kanvas;
mod png;
pub mod pohon;
pub mod qr;
pub mod skm;
mod teks;
mod tren;
#[cfg(test)]
mod uji;

pub use batang::{batang_capaian, sebaran, serapan};
pub use png::{DEJAVU_SANS, DEJAVU_SANS_BOLD, GalatGrafik, svg_ke_png};
pub use teks::{esc, lebar_teks, tanpa_kendali};
pub use tren::{Seri, tren};

#[cfg(test)]
mod tests {
    use super::*;
    use crate::uji::{contoh_capaian, contoh_seri, d};

    #[test]
    fn markup_in_labels_is_escaped() {
        let svg = batang_capaian("Capaian <2020> & \"x\"", &contoh_capaian(), d("100"));
        assert!(svg.contains("Nilai &lt;SAKIP&gt; &amp; &quot;LKjIP&quot;"));
        assert!(svg.contains("Capaian &lt;2020&gt; &amp; &quot;x&quot;"));
        assert!(!svg.contains("<SAKIP>"));
        let mut seri = contoh_seri();
        seri[0].nama = "A & B <c>".into();
        let svg = tren("T", &[2016, 2017, 2018, 2019, 2020], &seri);
        assert!(svg.contains("1. A &amp; B &lt;c&gt;"));
    }

    #[test]
    fn charts_are_deterministic() {
        let tahun = [2016, 2017, 2018, 2019, 2020];
        assert_eq!(
            batang_capaian("a", &contoh_capaian(), d("100")),
            batang_capaian("a", &contoh_capaian(), d("100"))
        );
        assert_eq!(
            serapan("a", &contoh_capaian()),
            serapan("a", &contoh_capaian())
        );
        assert_eq!(
            tren("a", &tahun, &contoh_seri()),
            tren("a", &tahun, &contoh_seri())
        );
    }

    #[test]
    fn empty_inputs_give_a_chart_that_says_so() {
        for svg in [
            batang_capaian("Kosong", &[], d("100")),
            serapan("Kosong", &[]),
            tren("Kosong", &[], &[]),
            tren(
                "Kosong",
                &[2020],
                &[Seri {
                    nama: "x".into(),
                    realisasi: vec![None],
                    target: vec![],
                }],
            ),
        ] {
            assert!(svg.contains("data tidak tersedia"));
            assert!(svg_ke_png(&svg, 0.5).is_ok());
        }
    }

    #[test]
    fn extreme_values_stay_inside_the_drawing() {
        let butir = vec![
            ("negatif".to_string(), Some(d("-12.5"))),
            ("besar".to_string(), Some(d("12345.678"))),
            ("nol".to_string(), Some(d("0"))),
        ];
        let svg = batang_capaian("x", &butir, d("100"));
        assert!(svg.contains("-12,50 %") && svg.contains("12.345,68 %"));
        assert!(!svg.contains("width=\"-"), "no negative widths");
        assert!(svg_ke_png(&svg, 0.5).is_ok());
        let seri = [Seri {
            nama: "turun".into(),
            realisasi: vec![Some(d("-5")), Some(d("3"))],
            target: vec![Some(d("0")), Some(d("0"))],
        }];
        let svg = tren("x", &[2019, 2020], &seri);
        assert!(svg.contains("-5,00"));
        assert!(svg_ke_png(&svg, 0.5).is_ok());
    }
}
