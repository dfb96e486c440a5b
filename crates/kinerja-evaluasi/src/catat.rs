//! Recording one answer: checked against the worksheet (the criterion exists, the code is on
//! its scale), written into the data set's `jawaban_evaluasi` row of (tahun, kriteria), created
//! when missing. An evaluator's answer keeps the proposal the data made at that moment beside
//! it, so an override stays visible. The caller writes the result through the store's one
//! write path (`Toko::ubah_data`), which audits it.

use crate::lke::Lke;
use crate::skor::Pihak;
use crate::usulan::Usulan;
use kinerja_core::model::{Bukti, DataInstansi, JawabanEvaluasi, Penilaian};
use kinerja_core::waktu::Tahun;

#[derive(Debug, Clone, PartialEq)]
pub struct Isian {
    pub tahun: Tahun,
    pub kriteria: String,
    pub pihak: Pihak,
    pub jawaban: String,
    pub catatan: Option<String>,
    pub bukti: Vec<Bukti>,
    /// The evaluator's recommendation on the criterion (kept as it was when `None`).
    pub rekomendasi: Option<String>,
}

/// `data` with the answer recorded; an error naming the criterion or the scale otherwise.
pub fn catat(
    lke: &Lke,
    data: &DataInstansi,
    isian: Isian,
    usulan: Option<&Usulan>,
) -> Result<DataInstansi, String> {
    let Some((_, _, k)) = lke.kriteria(&isian.kriteria) else {
        return Err(format!(
            "kriteria \"{}\" tidak ada di lembar kerja \"{}\"",
            isian.kriteria, lke.nama
        ));
    };
    let skala = lke.skala_kriteria(k);
    let kode = isian.jawaban.trim();
    if skala.pilihan(kode).is_none() {
        return Err(format!(
            "\"{}\" bukan jawaban skala \"{}\" kriteria {}: pilih salah satu dari {}",
            isian.jawaban,
            skala.id,
            k.id,
            skala.kode()
        ));
    }
    for b in &isian.bukti {
        periksa_bukti(data, b)?;
    }
    let penilaian = Penilaian {
        jawaban: kode.to_string(),
        catatan: isian.catatan,
        bukti: isian.bukti,
        usulan: match isian.pihak {
            Pihak::Evaluator => usulan.and_then(|u| u.jawaban.clone()),
            Pihak::Opd => None,
        },
    };
    let mut d = data.clone();
    let i = match d
        .jawaban_evaluasi
        .iter()
        .position(|j| j.tahun == isian.tahun && j.kriteria == k.id)
    {
        Some(i) => i,
        None => {
            d.jawaban_evaluasi.push(JawabanEvaluasi {
                tahun: isian.tahun,
                kriteria: k.id.clone(),
                opd: None,
                evaluator: None,
                rekomendasi: None,
                tindak_lanjut: None,
            });
            d.jawaban_evaluasi.len() - 1
        }
    };
    let baris = &mut d.jawaban_evaluasi[i];
    match isian.pihak {
        Pihak::Opd => baris.opd = Some(penilaian),
        Pihak::Evaluator => baris.evaluator = Some(penilaian),
    }
    if let Some(r) = isian.rekomendasi {
        // An emptied field removes the recommendation.
        baris.rekomendasi = Some(r).filter(|r| !r.trim().is_empty());
    }
    Ok(d)
}

/// Evidence that names a record of the data must name one that exists (the core's check, which
/// whole-data validation also runs on answers from a file).
pub use kinerja_core::model::periksa_bukti;
