//! A region's recap: every evaluated instansi's component scores, total and grade, ranked by the
//! printed total (equal printed totals share a rank: 1, 2, 2, 4).

use crate::skor::{HasilEvaluasi, Predikat};
use kinerja_core::angka::bulatkan;
use rust_decimal::Decimal;

#[derive(Debug, Clone, PartialEq)]
pub struct BarisRekap {
    pub peringkat: usize,
    pub instansi: String,
    /// The evaluator's score per component, in the worksheet's order.
    pub komponen: Vec<Decimal>,
    pub total: Decimal,
    pub predikat: Predikat,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Rekap {
    /// The components' names (from the first result; every result of a recap uses one worksheet).
    pub komponen: Vec<String>,
    pub baris: Vec<BarisRekap>,
}

/// Ranks `hasil` (instansi name, its result) by the evaluator's total, highest first; ties on
/// the printed total keep the names' order and share the rank.
pub fn rekap(hasil: &[(String, HasilEvaluasi)]) -> Rekap {
    let komponen = hasil
        .first()
        .map(|(_, h)| h.komponen.iter().map(|k| k.nama.clone()).collect())
        .unwrap_or_default();
    let mut baris: Vec<BarisRekap> = hasil
        .iter()
        .map(|(nama, h)| BarisRekap {
            peringkat: 0,
            instansi: nama.clone(),
            komponen: h.komponen.iter().map(|k| k.nilai.evaluator).collect(),
            total: h.total.evaluator,
            predikat: h.predikat(),
        })
        .collect();
    baris.sort_by(|a, b| {
        bulatkan(b.total, 2)
            .cmp(&bulatkan(a.total, 2))
            .then_with(|| a.instansi.cmp(&b.instansi))
    });
    for i in 0..baris.len() {
        baris[i].peringkat =
            if i > 0 && bulatkan(baris[i].total, 2) == bulatkan(baris[i - 1].total, 2) {
                baris[i - 1].peringkat
            } else {
                i + 1
            };
    }
    Rekap { komponen, baris }
}
