//! The pemda's emblem on the cover: a PNG file beside the data (`logo.png`), checked here before
//! any renderer sees it. PNG only: every renderer embeds it as it is (the DOCX package, the PDF
//! with its transparency, which PDF/A-2 allows), and an emblem is drawn, not photographed.

use serde::Serialize;

/// The largest logo file: an emblem needs far less; a bigger file is a mistake (a scan).
pub const UKURAN_MAKS: usize = 1024 * 1024;
/// The widest or tallest logo in pixels, and the smallest.
pub const PIKSEL_MAKS: u32 = 4000;
pub const PIKSEL_MIN: u32 = 16;

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Logo {
    /// The PNG file's bytes.
    #[serde(skip)]
    pub png: Vec<u8>,
    pub lebar: u32,
    pub tinggi: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum GalatLogo {
    #[error("logo {0} bait; paling besar {UKURAN_MAKS} bait (1 MiB)")]
    TerlaluBesar(usize),
    #[error("logo bukan berkas PNG (simpan lambang sebagai logo.png)")]
    BukanPng,
    #[error("logo {0} x {1} piksel; harus antara {PIKSEL_MIN} dan {PIKSEL_MAKS} piksel tiap sisi")]
    Dimensi(u32, u32),
}

impl Logo {
    /// Checks the file: at most 1 MiB, a PNG signature and header, a sensible size in pixels.
    pub fn baca(png: Vec<u8>) -> Result<Logo, GalatLogo> {
        if png.len() > UKURAN_MAKS {
            return Err(GalatLogo::TerlaluBesar(png.len()));
        }
        const TANDA: &[u8] = b"\x89PNG\r\n\x1a\n";
        if !png.starts_with(TANDA) || png.get(12..16) != Some(b"IHDR") {
            return Err(GalatLogo::BukanPng);
        }
        let angka = |r: std::ops::Range<usize>| {
            png.get(r)
                .and_then(|b| b.try_into().ok())
                .map(u32::from_be_bytes)
        };
        let (Some(lebar), Some(tinggi)) = (angka(16..20), angka(20..24)) else {
            return Err(GalatLogo::BukanPng);
        };
        let sah = PIKSEL_MIN..=PIKSEL_MAKS;
        if !sah.contains(&lebar) || !sah.contains(&tinggi) {
            return Err(GalatLogo::Dimensi(lebar, tinggi));
        }
        Ok(Logo { png, lebar, tinggi })
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn png(lebar: u32, tinggi: u32) -> Vec<u8> {
        let mut b = b"\x89PNG\r\n\x1a\n\0\0\0\x0dIHDR".to_vec();
        b.extend(lebar.to_be_bytes());
        b.extend(tinggi.to_be_bytes());
        b.extend([8, 6, 0, 0, 0]);
        b
    }

    #[test]
    fn a_png_of_sensible_size_is_read_with_its_dimensions() {
        let l = Logo::baca(png(300, 360)).unwrap();
        assert_eq!((l.lebar, l.tinggi), (300, 360));
    }

    #[test]
    fn other_files_sizes_and_dimensions_are_refused() {
        assert_eq!(
            Logo::baca(b"\xff\xd8\xff\xe0 a JPEG".to_vec()),
            Err(GalatLogo::BukanPng)
        );
        assert_eq!(
            Logo::baca(b"\x89PNG\r\n\x1a\n".to_vec()),
            Err(GalatLogo::BukanPng)
        );
        assert_eq!(Logo::baca(png(4001, 10)), Err(GalatLogo::Dimensi(4001, 10)));
        assert_eq!(Logo::baca(png(15, 300)), Err(GalatLogo::Dimensi(15, 300)));
        let mut besar = png(300, 300);
        besar.resize(UKURAN_MAKS + 1, 0);
        assert_eq!(
            Logo::baca(besar),
            Err(GalatLogo::TerlaluBesar(UKURAN_MAKS + 1))
        );
    }
}
