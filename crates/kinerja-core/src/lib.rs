//! The pure core of kinerja: SAKIP domain types and the computations on them.
//!
//! Nothing here does I/O, async or database work. Adapters (file format, store, reports, web, CLI)
//! parse their input into these types and hand them in; the core returns domain values.
//!
//! Data flows one way: `model` (validated by `validasi`) → `pengukuran` / `anggaran` (derived
//! figures) → adapters print them. Stated figures (`model::Tercatat`) are never inputs.

pub mod anggaran;
pub mod angka;
pub mod cakupan;
pub mod capaian;
pub mod ekspresi;
pub mod hierarki;
pub mod id;
pub mod kode;
pub mod model;
pub mod nilai;
pub mod pengukuran;
pub mod pohon;
pub mod predikat;
pub mod reorganisasi;
pub mod rumus;
pub mod serde_angka;
mod skema;
pub mod skm;
pub mod tepat;
pub mod terbit;
pub mod uang;
#[cfg(test)]
mod uji;
#[cfg(test)]
mod uji_batas;
#[cfg(test)]
mod uji_rumus;
pub mod validasi;
pub mod waktu;
pub mod wilayah;
