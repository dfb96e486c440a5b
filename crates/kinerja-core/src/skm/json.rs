//! Serialising decimals as JSON numbers (the workspace's `Decimal` serialises as a string).
//!
//! A JSON number is read as a double by most consumers, so the value is converted with
//! `Decimal::to_f64` (shortest round-trip form: `70.89` stays `70.89`; `992.5/14` becomes
//! `70.89285714285714`). The exact values stay in the Rust types.

use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;
use serde::Serializer;
use serde::ser::SerializeSeq;

fn f(d: &Decimal) -> f64 {
    // Every Decimal is within f64 range; to_f64 only fails on none of them.
    d.to_f64().unwrap_or(f64::NAN)
}

pub fn angka<S: Serializer>(d: &Decimal, s: S) -> Result<S::Ok, S::Error> {
    s.serialize_f64(f(d))
}

pub fn angka_opsi<S: Serializer>(d: &Option<Decimal>, s: S) -> Result<S::Ok, S::Error> {
    match d {
        Some(d) => s.serialize_f64(f(d)),
        None => s.serialize_none(),
    }
}

pub fn daftar<S: Serializer>(v: &[Decimal], s: S) -> Result<S::Ok, S::Error> {
    let mut seq = s.serialize_seq(Some(v.len()))?;
    for d in v {
        seq.serialize_element(&f(d))?;
    }
    seq.end()
}

pub fn daftar_opsi<S: Serializer>(v: &Option<[Decimal; 4]>, s: S) -> Result<S::Ok, S::Error> {
    match v {
        Some(v) => daftar(v, s),
        None => s.serialize_none(),
    }
}
