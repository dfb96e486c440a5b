//! Evaluasi AKIP (PermenPANRB 88/2021), pure like the core: the Lembar Kerja Evaluasi as data
//! (`berkas`: loaded from TOML into a [`Lke`] that cannot hold invalid weights, scales or
//! references; the 88/2021 worksheet ships as `bawaan/lke-88-2021.toml`), a year's answers read
//! against it (`jawaban`: the OPD's and the evaluator's, from
//! `kinerja_core::model::DataInstansi::jawaban_evaluasi`), the scores and the grade (`skor`),
//! answers proposed from the data (`usulan`), and a region's ranking (`rekap`).
//!
//! No I/O, no async: the caller reads files and runs the reviu, and hands over text and figures.

pub mod alur;
pub mod berkas;
pub mod catat;
pub mod jawaban;
pub mod lke;
pub mod rekap;
pub mod skor;
pub mod usulan;

pub use berkas::{GalatLke, baca, bawaan};
pub use jawaban::{GalatJawaban, Lembar};
pub use lke::{Ambang, Cek, JenisSub, Kriteria, Lke, Skala, SubKomponen};
pub use rekap::{BarisRekap, Rekap, rekap};
pub use skor::{HasilEvaluasi, Predikat, Skor, Temuan, nilai};
pub use usulan::{KonteksUsulan, Usulan, usulkan};
