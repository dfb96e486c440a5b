//! A QR code as SVG (the survey poster at the service counter): the `qrcode` crate makes the
//! module matrix (error correction M, about 15 % of the code may be dirty or covered); the
//! drawing is one path of unit squares with the standard quiet zone of four modules, scaled
//! by the viewer, so it prints sharp at any size.

use qrcode::{Color, EcLevel, QrCode};

/// The code of `teks`, `sisi` units wide; `None` when the text is too long for a QR code.
pub fn svg(teks: &str, sisi: u32, judul: &str) -> Option<String> {
    let kode = QrCode::with_error_correction_level(teks.as_bytes(), EcLevel::M).ok()?;
    let lebar = kode.width();
    let tepi = 4;
    let semua = lebar + 2 * tepi;
    let mut d = String::new();
    for (i, c) in kode.to_colors().iter().enumerate() {
        if *c == Color::Dark {
            let (x, y) = (i % lebar + tepi, i / lebar + tepi);
            d.push_str(&format!("M{x} {y}h1v1h-1z"));
        }
    }
    Some(format!(
        "<svg xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 {semua} {semua}\" width=\"{sisi}\" height=\"{sisi}\" role=\"img\" aria-label=\"{judul}\" shape-rendering=\"crispEdges\"><rect width=\"{semua}\" height=\"{semua}\" fill=\"#fff\"/><path fill=\"#000\" d=\"{d}\"/></svg>",
        judul = crate::esc(judul)
    ))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_survey_address_gives_a_square_code_with_a_quiet_zone() {
        let s = svg(
            "https://kinerja.jemberkab.go.id/survei/mumbulsari/ktp",
            240,
            "Kode QR <survei>",
        )
        .unwrap();
        // 53 bytes: level M holds 42 bytes in version 3, 62 in version 4 (17 + 4 x 4 = 33 modules), plus 4 on each side = 41.
        assert!(s.contains("viewBox=\"0 0 41 41\""), "{s}");
        assert!(s.contains("aria-label=\"Kode QR &lt;survei&gt;\""));
        // The top-left finder pattern starts at the quiet zone's edge.
        assert!(s.contains("M4 4h1v1h-1z"));
        assert!(!s.contains("M3 "), "nothing in the quiet zone");
        assert_eq!(
            s,
            svg(
                "https://kinerja.jemberkab.go.id/survei/mumbulsari/ktp",
                240,
                "Kode QR <survei>"
            )
            .unwrap()
        );
        assert!(svg(&"x".repeat(5000), 240, "").is_none());
    }
}
