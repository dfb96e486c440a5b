//! The Laporan Kinerja (PermenPANRB 53/2014) composed from the data as a renderer-neutral
//! [`Dokumen`]; renderers: HTML here, PDF (`kinerja-laporan-pdf`, typst), DOCX
//! (`kinerja-laporan-docx`), XLSX (`kinerja-laporan-xlsx`).

pub mod dokumen;
pub mod html;
pub mod logo;
mod susun;

pub use dokumen::*;
pub use susun::{
    GalatLaporan, LaporanSkm, OpsiLaporan, PeriodeSkm, TindakLanjut, sidik, sidik_bait,
    sidik_laporan, susun, susun_pk, susun_skm,
};
