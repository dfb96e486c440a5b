//! The Laporan Kinerja (PermenPANRB 53/2014) composed from the data as a renderer-neutral
//! [`Dokumen`]; renderers: HTML here, PDF (`kinerja-laporan-pdf`, typst), DOCX
//! (`kinerja-laporan-docx`), XLSX (`kinerja-laporan-xlsx`).

pub mod dokumen;
pub mod html;
pub mod logo;
mod susun;

pub use dokumen::*;
pub use susun::{
    GalatLaporan, GalatLaporanSkm, KOLOM_LKE, LaporanEvaluasi, LaporanSkm, OpsiLaporan, Pendahulu,
    PeriodeSkm, TindakLanjut, dokumen_evaluasi, hitung_evaluasi, laporan_skm_dari_data, sidik,
    sidik_bait, sidik_laporan, sidik_pemda, status_tindak_lanjut, susun, susun_dengan_pendahulu,
    susun_evaluasi, susun_pemda, susun_pk, susun_rekap_evaluasi, susun_skm, usulan_evaluasi,
};
