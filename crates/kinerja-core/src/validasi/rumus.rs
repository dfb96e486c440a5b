//! Data elements and formulas: every element a formula names is defined, every value names a
//! defined element and a known instansi, once per instansi, year and period, within the plan.

use super::{Pemeriksa, Rujukan};
use crate::model::*;
use std::collections::{HashMap, HashSet};

pub(super) fn periksa(p: &mut Pemeriksa, data: &DataInstansi, r: &Rujukan) {
    let elemen: HashSet<&str> = data.data_elemen.iter().map(|e| e.id.as_str()).collect();
    for (i, ind) in data.indikator.iter().enumerate() {
        let Some(rumus) = &ind.rumus else { continue };
        let mut b = p.di("indikator", i, Some(&ind.id));
        let bagian = [
            ("rumus.pembilang", Some(&rumus.pembilang)),
            ("rumus.penyebut", rumus.penyebut.as_ref()),
        ];
        for (medan, e) in bagian {
            let Some(e) = e else { continue };
            for n in e.rujukan() {
                if !elemen.contains(n) {
                    b.lapor(
                        medan,
                        format!(
                            "rumus \"{}\" merujuk data elemen \"{n}\" yang tidak ada di [[data_elemen]]",
                            e.teks()
                        ),
                    );
                }
            }
        }
        if rumus.pengali.is_some_and(|k| k.is_zero()) {
            b.lapor("rumus.pengali", "pengali 0 membuat setiap realisasi 0");
        }
    }
    let periode: Vec<(u16, u16)> = data
        .renstra
        .iter()
        .map(|r| (r.tahun_awal.get(), r.tahun_akhir.get()))
        .collect();
    let mut kunci = HashMap::new();
    for (i, x) in data.nilai_data.iter().enumerate() {
        let mut b = p.di("nilai_data", i, Some(&x.elemen));
        if !elemen.contains(x.elemen.as_str()) {
            b.lapor(
                "elemen",
                format!("merujuk data elemen \"{}\" yang tidak ada", x.elemen),
            );
        }
        b.rujuk("instansi", &r.instansi, &x.instansi, "instansi");
        if !periode.is_empty()
            && !periode
                .iter()
                .any(|(a, z)| (*a..=*z).contains(&x.tahun.get()))
        {
            b.lapor(
                "tahun",
                format!("nilai data untuk tahun {} di luar periode Renstra", x.tahun),
            );
        }
        if let Some(j) = kunci.insert((&x.elemen, &x.instansi, x.tahun, x.periode), i) {
            b.lapor(
                "periode",
                format!(
                    "nilai data ganda untuk {} {} {}: sudah ada di [[nilai_data]] ke-{}",
                    x.instansi,
                    x.periode.label(),
                    x.tahun,
                    j + 1
                ),
            );
        }
    }
}
