//! Measurement: targets, realisasi and comparison figures, each for a year of the plan and at
//! most once per indicator, year and document or period.

use super::{Pemeriksa, Rujukan};
use crate::model::*;
use std::collections::HashMap;

pub(super) fn periksa(p: &mut Pemeriksa, data: &DataInstansi, r: &Rujukan) {
    // The years a plan covers: a target or realisasi outside every Renstra period of the data is
    // a typo (2200) or belongs to another plan. Without a Renstra there is nothing to check
    // against.
    let periode: Vec<(u16, u16)> = data
        .renstra
        .iter()
        .map(|r| (r.tahun_awal.get(), r.tahun_akhir.get()))
        .collect();
    let dalam_periode = |t: crate::waktu::Tahun| {
        periode.is_empty() || periode.iter().any(|(a, b)| (*a..=*b).contains(&t.get()))
    };
    let teks_periode = || {
        periode
            .iter()
            .map(|(a, b)| format!("{a}-{b}"))
            .collect::<Vec<_>>()
            .join(", ")
    };

    let mut kunci_target = HashMap::new();
    for (i, x) in data.target.iter().enumerate() {
        let mut b = p.di("target", i, Some(&x.indikator));
        let Some(ind) = r.indikator.get(&x.indikator) else {
            b.rujuk("indikator", &r.indikator, &x.indikator, "indikator");
            continue;
        };
        b.bentuk_target("nilai", ind, x.nilai.bentuk());
        if !dalam_periode(x.tahun) {
            b.lapor(
                "tahun",
                format!(
                    "tahun {} di luar periode Renstra ({})",
                    x.tahun,
                    teks_periode()
                ),
            );
        }
        if let Some(j) = kunci_target.insert((&x.indikator, x.tahun, x.dokumen), i) {
            b.lapor(
                "tahun",
                format!(
                    "target ganda untuk tahun {} di dokumen {}: sudah ada di [[target]] ke-{}",
                    x.tahun,
                    x.dokumen.label(),
                    j + 1
                ),
            );
        }
    }
    let mut kunci_realisasi = HashMap::new();
    // The length of a realisasi's source and note: `teks::batas_medan`.
    for (i, x) in data.realisasi.iter().enumerate() {
        let mut b = p.di("realisasi", i, Some(&x.indikator));
        b.rujuk("indikator", &r.indikator, &x.indikator, "indikator");
        if x.nilai.is_rentang() {
            b.lapor(
                "nilai",
                format!(
                    "realisasi \"{}\" berupa rentang; realisasi harus satu nilai",
                    x.nilai
                ),
            );
        }
        if !dalam_periode(x.tahun) {
            b.lapor(
                "tahun",
                format!(
                    "realisasi untuk tahun {} yang di luar periode Renstra ({})",
                    x.tahun,
                    teks_periode()
                ),
            );
        }
        if let Some(j) = kunci_realisasi.insert((&x.indikator, x.tahun, x.periode), i) {
            b.lapor(
                "periode",
                format!(
                    "realisasi ganda untuk {} {}: sudah ada di [[realisasi]] ke-{}",
                    x.periode.label(),
                    x.tahun,
                    j + 1
                ),
            );
        }
    }
    for (i, x) in data.pembanding.iter().enumerate() {
        p.di("pembanding", i, Some(&x.indikator)).rujuk(
            "indikator",
            &r.indikator,
            &x.indikator,
            "indikator",
        );
    }
}
