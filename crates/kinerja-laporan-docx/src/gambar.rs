//! Charts: the chart's SVG rendered to PNG (kinerja-grafik, embedded fonts) and placed as an
//! inline picture scaled to the text width, with its caption.

use docx_rs::{AlignmentType, LineSpacing, Paragraph, Pic, Run};
use kinerja_laporan::Grafik;

use crate::{GalatDocx, Penulis};

/// EMU per millimetre (drawing sizes).
const EMU_PER_MM: u32 = 36_000;

impl Penulis<'_> {
    pub(crate) fn grafik(&mut self, g: &Grafik) -> Result<(), GalatDocx> {
        let png = kinerja_grafik::svg_ke_png(&g.svg, 2.0).map_err(|sebab| GalatDocx::Grafik {
            judul: g.judul.clone(),
            sebab,
        })?;
        let (w, h) = ukuran_png(&png).unwrap_or((1, 1));
        let maks_mm = (self.lebar() as u32 * 254) / 14400; // twips -> mm
        let lebar_mm = u32::from(g.lebar_mm).clamp(20, maks_mm);
        let w_emu = lebar_mm * EMU_PER_MM;
        let h_emu = (u64::from(w_emu) * u64::from(h) / u64::from(w.max(1))) as u32;
        self.gambar += 1;
        let pic = Pic::new_with_dimensions(png, w, h)
            .size(w_emu, h_emu)
            .id(format!("rIdImage{}", self.gambar));
        self.paragraf(
            Paragraph::new()
                .align(AlignmentType::Center)
                .keep_next(true)
                .line_spacing(LineSpacing::new().before(120))
                .add_run(Run::new().add_image(pic)),
        );
        let p = self.keterangan(&g.judul, false);
        self.paragraf(p);
        Ok(())
    }
}

/// Width and height of a PNG, from its IHDR chunk.
fn ukuran_png(png: &[u8]) -> Option<(u32, u32)> {
    let w = u32::from_be_bytes(png.get(16..20)?.try_into().ok()?);
    let h = u32::from_be_bytes(png.get(20..24)?.try_into().ok()?);
    Some((w, h))
}
