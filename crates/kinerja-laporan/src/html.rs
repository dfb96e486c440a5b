//! The report as one self-contained HTML file (inline CSS and SVG, print styles).
//! (Being written.)

use crate::Dokumen;

pub fn html(d: &Dokumen) -> String {
    format!(
        "<!DOCTYPE html><html lang=\"id\"><head><meta charset=\"utf-8\"><title>{}</title></head><body></body></html>",
        d.judul
    )
}
