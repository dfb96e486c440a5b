//! The pemda's emblem on the cover: a PNG or JPEG file beside the data (`logo.png`, `logo.jpg`),
//! checked here before any renderer sees it. Every renderer embeds the file as it is (the DOCX
//! package, the PDF, the HTML as a data URI); PDF/A-2 allows both kinds (a PNG with its
//! transparency).

use serde::Serialize;

/// The largest logo file: an emblem needs far less; a bigger file is a mistake (a scan).
pub const UKURAN_MAKS: usize = 1024 * 1024;
/// The widest or tallest logo in pixels, and the smallest.
pub const PIKSEL_MAKS: u32 = 4000;
pub const PIKSEL_MIN: u32 = 16;

/// The kinds of image a logo may be.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
pub enum JenisLogo {
    Png,
    Jpeg,
}

impl JenisLogo {
    /// The media type (HTML data URI).
    pub fn mime(self) -> &'static str {
        match self {
            JenisLogo::Png => "image/png",
            JenisLogo::Jpeg => "image/jpeg",
        }
    }

    /// The file extension a renderer names the embedded file with.
    pub fn ekstensi(self) -> &'static str {
        match self {
            JenisLogo::Png => "png",
            JenisLogo::Jpeg => "jpeg",
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Logo {
    /// The file's bytes, as read.
    #[serde(skip)]
    pub isi: Vec<u8>,
    pub jenis: JenisLogo,
    pub lebar: u32,
    pub tinggi: u32,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum GalatLogo {
    #[error("logo {0} bait; paling besar {UKURAN_MAKS} bait (1 MiB)")]
    TerlaluBesar(usize),
    #[error("logo bukan berkas PNG atau JPEG (simpan lambang sebagai logo.png atau logo.jpg)")]
    BukanGambar,
    #[error("logo JPEG rusak atau terpotong: ukurannya tidak terbaca")]
    JpegRusak,
    #[error(
        "logo JPEG memakai penyandian yang tidak didukung (lossless atau aritmetika); simpan ulang sebagai JPEG biasa atau PNG"
    )]
    JpegTidakDidukung,
    #[error("logo {0} x {1} piksel; harus antara {PIKSEL_MIN} dan {PIKSEL_MAKS} piksel tiap sisi")]
    Dimensi(u32, u32),
}

impl Logo {
    /// Checks the file: at most 1 MiB, a PNG or JPEG by its content (not its name), a sensible
    /// size in pixels.
    pub fn baca(isi: Vec<u8>) -> Result<Logo, GalatLogo> {
        if isi.len() > UKURAN_MAKS {
            return Err(GalatLogo::TerlaluBesar(isi.len()));
        }
        let (jenis, lebar, tinggi) = if isi.starts_with(b"\x89PNG\r\n\x1a\n") {
            let (l, t) = ukuran_png(&isi).ok_or(GalatLogo::BukanGambar)?;
            (JenisLogo::Png, l, t)
        } else if isi.starts_with(b"\xff\xd8\xff") {
            let (l, t) = ukuran_jpeg(&isi)?;
            (JenisLogo::Jpeg, l, t)
        } else {
            return Err(GalatLogo::BukanGambar);
        };
        let sah = PIKSEL_MIN..=PIKSEL_MAKS;
        if !sah.contains(&lebar) || !sah.contains(&tinggi) {
            return Err(GalatLogo::Dimensi(lebar, tinggi));
        }
        Ok(Logo {
            isi,
            jenis,
            lebar,
            tinggi,
        })
    }
}

/// Width and height from a PNG's IHDR chunk (the first chunk, always).
fn ukuran_png(png: &[u8]) -> Option<(u32, u32)> {
    if png.get(12..16) != Some(b"IHDR") {
        return None;
    }
    let angka = |r: std::ops::Range<usize>| {
        png.get(r)
            .and_then(|b| b.try_into().ok())
            .map(u32::from_be_bytes)
    };
    Some((angka(16..20)?, angka(20..24)?))
}

/// Width and height from a JPEG's frame header (SOF), walking the segments from the start.
/// Baseline, extended and progressive Huffman frames (SOF0-SOF2) are what every viewer and
/// typst read; lossless and arithmetic-coded frames are refused.
fn ukuran_jpeg(jpg: &[u8]) -> Result<(u32, u32), GalatLogo> {
    let mut i = 2; // after SOI
    loop {
        // Markers may be preceded by fill bytes (0xFF).
        while jpg.get(i) == Some(&0xff) && jpg.get(i + 1) == Some(&0xff) {
            i += 1;
        }
        if jpg.get(i) != Some(&0xff) {
            return Err(GalatLogo::JpegRusak);
        }
        let penanda = *jpg.get(i + 1).ok_or(GalatLogo::JpegRusak)?;
        i += 2;
        match penanda {
            // Standalone markers: no length.
            0x01 | 0xd0..=0xd7 => continue,
            // Start of scan or end of image before any frame header.
            0xda | 0xd9 => return Err(GalatLogo::JpegRusak),
            _ => {}
        }
        let panjang = usize::from(u16::from_be_bytes([
            *jpg.get(i).ok_or(GalatLogo::JpegRusak)?,
            *jpg.get(i + 1).ok_or(GalatLogo::JpegRusak)?,
        ]));
        if panjang < 2 {
            return Err(GalatLogo::JpegRusak);
        }
        match penanda {
            0xc0..=0xc2 => {
                // Length (2), precision (1), height (2), width (2).
                let b = jpg.get(i + 3..i + 7).ok_or(GalatLogo::JpegRusak)?;
                let tinggi = u32::from(u16::from_be_bytes([b[0], b[1]]));
                let lebar = u32::from(u16::from_be_bytes([b[2], b[3]]));
                return Ok((lebar, tinggi));
            }
            0xc3 | 0xc5..=0xc7 | 0xc9..=0xcb | 0xcd..=0xcf => {
                return Err(GalatLogo::JpegTidakDidukung);
            }
            _ => i += panjang,
        }
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

    /// The head of a JPEG: SOI, an APP0 (JFIF) segment of 16 bytes, then a frame header
    /// `sof` of `lebar` x `tinggi` with three components.
    fn jpeg(sof: u8, lebar: u16, tinggi: u16) -> Vec<u8> {
        let mut b = vec![0xff, 0xd8, 0xff, 0xe0, 0, 16];
        b.extend(b"JFIF\0\x01\x01\0\0\x01\0\x01\0\0");
        b.extend([0xff, sof, 0, 17, 8]);
        b.extend(tinggi.to_be_bytes());
        b.extend(lebar.to_be_bytes());
        b.extend([3, 1, 0x22, 0, 2, 0x11, 1, 3, 0x11, 1]);
        b.extend([0xff, 0xda, 0, 12]);
        b
    }

    #[test]
    fn a_png_of_sensible_size_is_read_with_its_dimensions() {
        let l = Logo::baca(png(300, 360)).unwrap();
        assert_eq!((l.jenis, l.lebar, l.tinggi), (JenisLogo::Png, 300, 360));
    }

    #[test]
    fn a_jpeg_is_read_with_its_dimensions_baseline_or_progressive() {
        for sof in [0xc0, 0xc1, 0xc2] {
            let l = Logo::baca(jpeg(sof, 640, 480)).unwrap();
            assert_eq!((l.jenis, l.lebar, l.tinggi), (JenisLogo::Jpeg, 640, 480));
        }
        // Fill bytes before a marker and a restart marker are skipped.
        let mut j = jpeg(0xc0, 100, 200);
        j.splice(2..2, [0xff, 0xff, 0xff, 0xd0]);
        let l = Logo::baca(j).unwrap();
        assert_eq!((l.lebar, l.tinggi), (100, 200));
    }

    #[test]
    fn a_jpeg_without_a_readable_frame_or_with_an_unusual_coding_is_refused() {
        assert_eq!(
            Logo::baca(jpeg(0xc3, 640, 480)),
            Err(GalatLogo::JpegTidakDidukung)
        );
        assert_eq!(
            Logo::baca(jpeg(0xc9, 640, 480)),
            Err(GalatLogo::JpegTidakDidukung)
        );
        // Cut inside the APP0 segment, and a scan with no frame header before it.
        assert_eq!(
            Logo::baca(jpeg(0xc0, 640, 480)[..12].to_vec()),
            Err(GalatLogo::JpegRusak)
        );
        assert_eq!(
            Logo::baca(vec![0xff, 0xd8, 0xff, 0xda, 0, 12]),
            Err(GalatLogo::JpegRusak)
        );
        // Sizes are checked as for a PNG.
        assert_eq!(
            Logo::baca(jpeg(0xc0, 4001, 300)),
            Err(GalatLogo::Dimensi(4001, 300))
        );
        assert_eq!(
            Logo::baca(jpeg(0xc2, 300, 0)),
            Err(GalatLogo::Dimensi(300, 0))
        );
    }

    #[test]
    fn other_files_sizes_and_dimensions_are_refused() {
        assert_eq!(
            Logo::baca(b"GIF89a an emblem".to_vec()),
            Err(GalatLogo::BukanGambar)
        );
        assert_eq!(
            Logo::baca(b"\x89PNG\r\n\x1a\n".to_vec()),
            Err(GalatLogo::BukanGambar)
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
