//! The answers of an Evaluasi AKIP: one row per year and criterion, evidence that names a file
//! by a well-formed SHA-256. Whether an answer is on its criterion's scale depends on the
//! worksheet, which the data does not hold: `kinerja-evaluasi` checks that when it scores.

use super::Pemeriksa;
use crate::model::*;
use std::collections::HashMap;

pub(super) fn periksa(p: &mut Pemeriksa, data: &DataInstansi) {
    let mut terlihat: HashMap<(u16, &str), usize> = HashMap::new();
    for (i, x) in data.jawaban_evaluasi.iter().enumerate() {
        let mut b = p.di("jawaban_evaluasi", i, Some(&x.kriteria));
        if x.kriteria.trim().is_empty() {
            b.lapor(
                "kriteria",
                "kriteria kosong: tulis id kriteria LKE, misalnya \"1.a.1\"",
            );
        }
        if let Some(awal) = terlihat.insert((x.tahun.get(), x.kriteria.as_str()), i) {
            b.lapor(
                "kriteria",
                format!(
                    "jawaban ganda untuk kriteria \"{}\" tahun {}: sudah ada di [[jawaban_evaluasi]] ke-{}",
                    x.kriteria,
                    x.tahun.get(),
                    awal + 1
                ),
            );
        }
        for (pihak, nilai) in [("opd", &x.opd), ("evaluator", &x.evaluator)] {
            let Some(n) = nilai else { continue };
            if n.jawaban.trim().is_empty() {
                b.lapor(
                    if pihak == "opd" {
                        "opd.jawaban"
                    } else {
                        "evaluator.jawaban"
                    },
                    "jawaban kosong",
                );
            }
            for bukti in &n.bukti {
                if let Bukti::Berkas { sha256, .. } = bukti
                    && !(sha256.len() == 64 && sha256.bytes().all(|c| c.is_ascii_hexdigit()))
                {
                    b.lapor(
                        if pihak == "opd" {
                            "opd.bukti.sha256"
                        } else {
                            "evaluator.bukti.sha256"
                        },
                        format!("sha256 \"{sha256}\" tidak sah: harus 64 digit heksadesimal"),
                    );
                }
            }
        }
    }
}
