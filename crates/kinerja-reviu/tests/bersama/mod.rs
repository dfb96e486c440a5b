//! The fixture every reviu rule test starts from (`dasar.toml`: a small, consistent instansi)
//! and the helpers that change it and pick findings. Each test file uses part of it.
#![allow(dead_code)]

use kinerja_core::model::DataInstansi;
use kinerja_core::waktu::Tahun;
use kinerja_reviu::{Temuan, periksa};
use std::path::PathBuf;

pub const DASAR: &str = include_str!("../dasar.toml");

pub fn data(teks: &str) -> DataInstansi {
    kinerja_berkas::baca_sumber(vec![(PathBuf::from("dasar.toml"), teks.to_string())])
        .unwrap_or_else(|e| panic!("{e}"))
}

pub fn temuan(teks: &str) -> Vec<Temuan> {
    periksa(&data(teks), Tahun::new(2020).unwrap(), &[])
}

pub fn dengan(teks: &str, tambahan: &str) -> String {
    format!("{teks}\n{tambahan}\n")
}

pub fn ganti(dari: &str, ke: &str) -> String {
    assert!(DASAR.contains(dari), "fixture does not contain {dari:?}");
    DASAR.replacen(dari, ke, 1)
}

pub fn aturan(ts: &[Temuan], id: &str) -> Vec<Temuan> {
    ts.iter().filter(|t| t.aturan == id).cloned().collect()
}

pub fn menyala(teks: &str, id: &str) -> Temuan {
    let ts = temuan(teks);
    let a = aturan(&ts, id);
    assert_eq!(a.len(), 1, "{id} should fire once; findings: {ts:#?}");
    a.into_iter().next().unwrap()
}
