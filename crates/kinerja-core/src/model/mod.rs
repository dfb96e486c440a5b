//! The SAKIP domain model of one instansi: plan (Renstra, RKT, PK, IKU), measurement (targets,
//! realisasi, comparison figures), budget, SKM as published, the report's narrative, and the
//! figures that a published document *states* (kept beside the primary data, never used as input).
//!
//! The model is a set of flat tables joined by typed ids, as a relational store holds them, so
//! that the file format, the database and later roll-ups across instansi all see one shape.

mod anggaran;
mod data;
mod evaluasi;
mod instansi;
mod laporan;
mod pohon;
mod program;
mod realisasi;
mod renstra;
mod rumus;
mod skm;
mod tahunan;

pub use anggaran::*;
pub use data::*;
pub use evaluasi::*;
pub use instansi::*;
pub use laporan::*;
pub use pohon::*;
pub use program::*;
pub use realisasi::*;
pub use renstra::*;
pub use rumus::*;
pub use skm::*;
pub use tahunan::*;
