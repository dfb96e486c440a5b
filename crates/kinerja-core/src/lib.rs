//! The pure core of kinerja: SAKIP domain types and the computations on them.
//!
//! Nothing here does I/O, async or database work. Adapters (file format, store, reports, web, CLI)
//! parse their input into these types and hand them in; the core returns domain values.

pub mod angka;
pub mod skm;
pub mod uang;
