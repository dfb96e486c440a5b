//! SVG to PNG with resvg, the text set in the embedded DejaVu Sans: no system font is consulted,
//! so a chart looks the same on every machine.

use std::sync::Arc;

/// DejaVu Sans (Bitstream Vera licence, see `assets/fonts/LICENSE-DejaVu.txt`).
pub static DEJAVU_SANS: &[u8] = include_bytes!("../assets/fonts/DejaVuSans.ttf");
pub static DEJAVU_SANS_BOLD: &[u8] = include_bytes!("../assets/fonts/DejaVuSans-Bold.ttf");

#[derive(Debug, thiserror::Error)]
pub enum GalatGrafik {
    #[error("SVG grafik tidak terbaca oleh perender: {0}")]
    Svg(String),
    #[error("ukuran gambar tidak sah")]
    Ukuran,
    #[error("PNG tidak dapat ditulis: {0}")]
    Png(String),
}

/// Renders an SVG document to PNG at `skala` (2.0 gives 2000 px wide: enough for print) with the
/// embedded fonts only.
pub fn svg_ke_png(svg: &str, skala: f32) -> Result<Vec<u8>, GalatGrafik> {
    let mut db = resvg::usvg::fontdb::Database::new();
    db.load_font_data(DEJAVU_SANS.to_vec());
    db.load_font_data(DEJAVU_SANS_BOLD.to_vec());
    let opt = resvg::usvg::Options {
        font_family: "DejaVu Sans".into(),
        fontdb: Arc::new(db),
        ..Default::default()
    };
    let tree =
        resvg::usvg::Tree::from_str(svg, &opt).map_err(|e| GalatGrafik::Svg(e.to_string()))?;
    let ukuran = tree.size();
    let w = (ukuran.width() * skala).ceil() as u32;
    let h = (ukuran.height() * skala).ceil() as u32;
    let mut pixmap = resvg::tiny_skia::Pixmap::new(w, h).ok_or(GalatGrafik::Ukuran)?;
    pixmap.fill(resvg::tiny_skia::Color::WHITE);
    resvg::render(
        &tree,
        resvg::tiny_skia::Transform::from_scale(skala, skala),
        &mut pixmap.as_mut(),
    );
    pixmap
        .encode_png()
        .map_err(|e| GalatGrafik::Png(e.to_string()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_png_is_as_wide_as_the_drawing_times_the_scale() {
        let svg = r#"<svg xmlns="http://www.w3.org/2000/svg" width="100" height="40"><text x="5" y="20">Aa</text></svg>"#;
        let png = svg_ke_png(svg, 2.0).unwrap();
        assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n");
        // IHDR: width then height, big-endian; 100 x 40 units at scale 2.
        assert_eq!(
            u32::from_be_bytes([png[16], png[17], png[18], png[19]]),
            200
        );
        assert_eq!(u32::from_be_bytes([png[20], png[21], png[22], png[23]]), 80);
    }

    #[test]
    fn what_is_not_svg_is_refused() {
        assert!(matches!(
            svg_ke_png("<html/>", 1.0),
            Err(GalatGrafik::Svg(_))
        ));
        assert!(matches!(svg_ke_png("", 1.0), Err(GalatGrafik::Svg(_))));
    }
}
