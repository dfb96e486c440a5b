//! The charts of kinerja as self-contained SVG, and PNG rendered from them.

mod laporan;
pub mod skm;

pub use laporan::{Seri, batang_capaian, esc, serapan, tren};
