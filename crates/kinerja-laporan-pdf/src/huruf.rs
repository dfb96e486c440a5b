//! The report's fonts, read only when typst asks for them.
//!
//! typst's font book needs the metadata of every face it may choose from (family, style,
//! weight, the characters it covers), so the set of fonts, and with it the choice of a fallback
//! for a character the text font lacks, stays the full embedded set. Computing that metadata
//! means parsing every font file, most of which (New Computer Modern, DejaVu Sans Mono) a report
//! never uses. So the metadata is computed once, by a test, and kept in `huruf.json`; a process
//! builds the book from it and parses a face only when typst first asks for it.

use std::sync::{LazyLock, OnceLock};

use serde::{Deserialize, Serialize};
use typst::foundations::Bytes;
use typst::text::{Font, FontBook, FontInfo};
use typst::utils::LazyHash;

/// DejaVu Sans, the face the charts' SVG text asks for (from `kinerja-grafik`, which embeds it).
use kinerja_grafik::{DEJAVU_SANS, DEJAVU_SANS_BOLD};

/// Every font file, in the book's order: typst's own (Libertinus Serif, New Computer Modern,
/// DejaVu Sans Mono), then DejaVu Sans for the charts.
fn berkas() -> impl Iterator<Item = &'static [u8]> {
    typst_assets::fonts().chain([DEJAVU_SANS, DEJAVU_SANS_BOLD])
}

/// The metadata of every face of [`berkas`], as [`hitung_wajah`] computes it.
const WAJAH_JSON: &str = include_str!("huruf.json");

/// One face: which file, which face in it, and typst's metadata of it.
#[derive(Debug, PartialEq, Serialize, Deserialize)]
struct Wajah {
    berkas: usize,
    indeks: u32,
    info: FontInfo,
}

/// Every face of every file, computed by parsing them (what `huruf.json` holds).
fn hitung_wajah() -> Vec<Wajah> {
    berkas()
        .enumerate()
        .flat_map(|(b, data)| {
            Font::iter(Bytes::new(data)).map(move |f| Wajah {
                berkas: b,
                indeks: f.index(),
                info: f.info().clone(),
            })
        })
        .collect()
}

pub(crate) struct Huruf {
    pub buku: LazyHash<FontBook>,
    wajah: Vec<(Bytes, u32, OnceLock<Option<Font>>)>,
}

impl Huruf {
    /// The face at `index` of the book, parsed on first use.
    pub fn font(&self, index: usize) -> Option<Font> {
        let (data, indeks, font) = self.wajah.get(index)?;
        font.get_or_init(|| Font::new(data.clone(), *indeks))
            .clone()
    }
}

pub(crate) static HURUF: LazyLock<Huruf> = LazyLock::new(|| {
    let data: Vec<&'static [u8]> = berkas().collect();
    // A test keeps the file equal to `hitung_wajah()`; were it unreadable, computing it here
    // gives the same book, only slower.
    let wajah: Vec<Wajah> = serde_json::from_str(WAJAH_JSON).unwrap_or_else(|_| hitung_wajah());
    let wajah: Vec<Wajah> = wajah
        .into_iter()
        .filter(|w| w.berkas < data.len())
        .collect();
    Huruf {
        buku: LazyHash::new(FontBook::from_infos(wajah.iter().map(|w| w.info.clone()))),
        wajah: wajah
            .iter()
            .map(|w| (Bytes::new(data[w.berkas]), w.indeks, OnceLock::new()))
            .collect(),
    }
});

#[cfg(test)]
mod tests {
    use super::*;

    /// `huruf.json`'s text: one face per line, so a change reads as a diff.
    fn wajah_json(wajah: &[Wajah]) -> String {
        let baris: Vec<String> = wajah
            .iter()
            .filter_map(|w| serde_json::to_string(w).ok())
            .collect();
        format!("[\n{}\n]\n", baris.join(",\n"))
    }

    #[test]
    fn the_kept_font_metadata_is_what_the_fonts_say() {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("src/huruf.json");
        let baru = wajah_json(&hitung_wajah());
        if std::env::var_os("KINERJA_PERBARUI_HURUF").is_some() {
            std::fs::write(&path, &baru).unwrap();
        }
        assert!(
            WAJAH_JSON == baru,
            "src/huruf.json is stale (the fonts changed): run `KINERJA_PERBARUI_HURUF=1 cargo test -p kinerja-laporan-pdf` and commit it"
        );
    }

    #[test]
    fn a_face_parsed_late_is_the_face_the_book_describes() {
        // 17 faces of typst's and 2 of DejaVu Sans, each file holding one face.
        assert_eq!(HURUF.wajah.len(), 19);
        for i in 0..HURUF.wajah.len() {
            let font = HURUF.font(i).unwrap();
            assert_eq!(Some(font.info()), HURUF.buku.info(i), "face {i}");
        }
        assert!(HURUF.font(19).is_none());
    }
}
