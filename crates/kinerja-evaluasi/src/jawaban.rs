//! A year's answers read against a worksheet: every answered criterion exists in it and every
//! answer is a code of its criterion's scale. What [`baca`] returns cannot hold an answer off its
//! scale; a problem names the row and field of `[[jawaban_evaluasi]]`.

use crate::lke::Lke;
use kinerja_core::model::{DataInstansi, JawabanEvaluasi, Penilaian};
use kinerja_core::waktu::Tahun;
use std::collections::HashMap;
use std::fmt;

/// The year's answers, each resolved to its criterion and scale option.
#[derive(Debug, Clone)]
pub struct Lembar<'a> {
    pub lke: &'a Lke,
    pub tahun: Tahun,
    pub(crate) baris: HashMap<&'a str, Baris<'a>>,
    /// Last year's rows that carry a recommendation, in file order (their follow-up is reported).
    pub(crate) lalu: Vec<&'a JawabanEvaluasi>,
}

#[derive(Debug, Clone)]
pub(crate) struct Baris<'a> {
    pub asal: &'a JawabanEvaluasi,
    /// Index of the answer in the criterion's scale.
    pub opd: Option<usize>,
    pub evaluator: Option<usize>,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct GalatJawaban {
    /// 0-based position in `[[jawaban_evaluasi]]`.
    pub indeks: usize,
    pub kriteria: String,
    pub medan: &'static str,
    pub pesan: String,
}

impl fmt::Display for GalatJawaban {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "[[jawaban_evaluasi]] ke-{} (kriteria \"{}\"), medan `{}`: {}",
            self.indeks + 1,
            self.kriteria,
            self.medan,
            self.pesan
        )
    }
}

/// The answers of `tahun` in `data` against `lke`. Rows of other years are not read (another
/// year may have used another worksheet). All problems are returned, not the first.
pub fn baca<'a>(
    lke: &'a Lke,
    data: &'a DataInstansi,
    tahun: Tahun,
) -> Result<Lembar<'a>, Vec<GalatJawaban>> {
    let mut galat = Vec::new();
    let mut baris = HashMap::new();
    let lalu = data
        .jawaban_evaluasi
        .iter()
        .filter(|j| j.tahun.get() + 1 == tahun.get() && j.rekomendasi.is_some())
        .collect();
    for (i, j) in data.jawaban_evaluasi.iter().enumerate() {
        if j.tahun != tahun {
            continue;
        }
        let Some((_, _, k)) = lke.kriteria(&j.kriteria) else {
            galat.push(GalatJawaban {
                indeks: i,
                kriteria: j.kriteria.clone(),
                medan: "kriteria",
                pesan: format!(
                    "kriteria \"{}\" tidak ada di lembar kerja \"{}\"",
                    j.kriteria, lke.nama
                ),
            });
            continue;
        };
        let skala = lke.skala_kriteria(k);
        let mut pilih = |p: &Option<Penilaian>, medan: &'static str| -> Option<usize> {
            let p = p.as_ref()?;
            let kode = p.jawaban.trim();
            match skala.pilihan.iter().position(|x| x.kode == kode) {
                Some(n) => Some(n),
                None => {
                    galat.push(GalatJawaban {
                        indeks: i,
                        kriteria: j.kriteria.clone(),
                        medan,
                        pesan: format!(
                            "\"{}\" bukan jawaban skala \"{}\": pilih salah satu dari {}",
                            p.jawaban,
                            skala.id,
                            skala.kode()
                        ),
                    });
                    None
                }
            }
        };
        let opd = pilih(&j.opd, "opd.jawaban");
        let evaluator = pilih(&j.evaluator, "evaluator.jawaban");
        if baris
            .insert(
                j.kriteria.as_str(),
                Baris {
                    asal: j,
                    opd,
                    evaluator,
                },
            )
            .is_some()
        {
            galat.push(GalatJawaban {
                indeks: i,
                kriteria: j.kriteria.clone(),
                medan: "kriteria",
                pesan: format!("jawaban ganda untuk kriteria ini tahun {}", tahun.get()),
            });
        }
    }
    if galat.is_empty() {
        Ok(Lembar {
            lke,
            tahun,
            baris,
            lalu,
        })
    } else {
        Err(galat)
    }
}
