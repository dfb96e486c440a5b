//! Budget codes: each fits its level (`kode::normalkan`), and a kegiatan's code lies under its
//! program's, a sub kegiatan's under its kegiatan's (else the join by code that budget systems
//! make would put the line elsewhere than the data does).

use super::Pemeriksa;
use crate::kode::{self, Tingkat};
use crate::model::*;
use std::collections::HashMap;

pub(super) fn periksa(p: &mut Pemeriksa, data: &DataInstansi) {
    let mut program = HashMap::new();
    for (i, x) in data.program.iter().enumerate() {
        if let Some(k) = baca(p, "program", i, &x.id, Tingkat::Program, x.kode.as_deref()) {
            program.insert(&x.id, k);
        }
    }
    let mut kegiatan = HashMap::new();
    for (i, x) in data.kegiatan.iter().enumerate() {
        let Some(k) = baca(
            p,
            "kegiatan",
            i,
            &x.id,
            Tingkat::Kegiatan,
            x.kode.as_deref(),
        ) else {
            continue;
        };
        if let Some(induk) = program.get(&x.program) {
            bawah(p, "kegiatan", i, &x.id, &k, induk, "program", &x.program);
        }
        kegiatan.insert(&x.id, k);
    }
    for (i, x) in data.sub_kegiatan.iter().enumerate() {
        let Some(k) = baca(
            p,
            "sub_kegiatan",
            i,
            &x.id,
            Tingkat::SubKegiatan,
            x.kode.as_deref(),
        ) else {
            continue;
        };
        if let Some(induk) = kegiatan.get(&x.kegiatan) {
            bawah(
                p,
                "sub_kegiatan",
                i,
                &x.id,
                &k,
                induk,
                "kegiatan",
                &x.kegiatan,
            );
        }
    }
}

fn baca(
    p: &mut Pemeriksa,
    tabel: &'static str,
    i: usize,
    id: &dyn std::fmt::Display,
    tingkat: Tingkat,
    kode: Option<&str>,
) -> Option<String> {
    match kode::normalkan(tingkat, kode?) {
        Ok(k) => Some(k),
        Err(e) => {
            p.di(tabel, i, Some(id)).lapor("kode", e.to_string());
            None
        }
    }
}

#[allow(clippy::too_many_arguments)]
fn bawah(
    p: &mut Pemeriksa,
    tabel: &'static str,
    i: usize,
    id: &dyn std::fmt::Display,
    kode: &str,
    induk: &str,
    jenis_induk: &str,
    id_induk: &dyn std::fmt::Display,
) {
    if !kode::di_bawah(kode, induk) {
        p.di(tabel, i, Some(id)).lapor(
            "kode",
            format!(
                "kode \"{kode}\" tidak berada di bawah kode {jenis_induk} \"{id_induk}\" (\"{induk}\")"
            ),
        );
    }
}
