//! Answers written as words: each unsur's own answer labels (the regulation's annex, or the
//! instansi's mapping file) besides the codes 1-4 and the general scale (Tidak Baik .. Sangat
//! Baik, [`Jawaban::parse`]).
//!
//! A survey column holds a handful of distinct answers repeated on every row, so each column
//! keeps the raw values it has read with their answer ([`Kamus`]): a label is understood once,
//! and the values kept are what `kinerja skm` prints as the mapping it used.

use kinerja_core::skm::{GalatJawaban, Jawaban, PertanyaanBaku};
use serde::Serialize;

use crate::normal;

/// How many distinct raw values per column are kept, and how long one may be (others are
/// still read, one by one), so memory stays bounded whatever a file holds.
const MAKS_KAMUS: usize = 64;
const PANJANG_MAKS: usize = 256;

/// A label reduced for comparison: [`normal`], `&` read as `dan` and then every `dan` dropped
/// ("Sopan & ramah" = "Sopan dan ramah"), `tapi` read as `tetapi`.
pub(crate) fn bentuk_label(s: &str) -> String {
    normal(&s.replace('&', " dan "))
        .split(' ')
        .filter(|k| *k != "dan")
        .map(|k| if k == "tapi" { "tetapi" } else { k })
        .collect::<Vec<_>>()
        .join(" ")
}

/// How a value was understood.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum CaraJawab {
    /// A code 1-4 or the general scale (Tidak Baik .. Sangat Baik).
    Kode,
    /// One of this question's own labels, as written (case and punctuation aside).
    Label,
    /// One letter away from one of this question's own labels (a typo in the form).
    Mirip,
}

/// The labels of one unsur's column: (reduced label, answer, label as written).
#[derive(Debug, Clone, Default)]
pub(crate) struct LabelUnsur {
    label: Vec<(String, Jawaban, String)>,
    /// A standard question's column: LimeSurvey's default answer codes `A1`..`A4` read as
    /// 1-4 (the codes LimeSurvey gives a list's answers in the order they are entered, and the
    /// standard questionnaire is entered in the annex's order a-d).
    kode_lime: bool,
}

impl LabelUnsur {
    /// The standard question's labels and aliases, after the instansi's own (which win).
    pub fn new(sendiri: Option<&[String]>, baku: Option<&PertanyaanBaku>) -> LabelUnsur {
        let mut l = LabelUnsur::default();
        for (i, t) in sendiri.unwrap_or_default().iter().enumerate() {
            l.tambah(t, Jawaban::SEMUA[i % 4]);
        }
        if let Some(b) = baku {
            l.kode_lime = true;
            for (i, t) in b.label.iter().enumerate() {
                l.tambah(t, Jawaban::SEMUA[i]);
            }
            for (t, v) in b.alias {
                if let Some(j) = Jawaban::dari_nilai(*v) {
                    l.tambah(t, j);
                }
            }
        }
        l
    }

    fn tambah(&mut self, teks: &str, j: Jawaban) {
        let b = bentuk_label(teks);
        if !b.is_empty() && !self.label.iter().any(|(x, _, _)| *x == b) {
            self.label.push((b, j, teks.to_string()));
        }
    }

    /// The labels as written, for messages: "Sangat mahal / Cukup mahal / Murah / Gratis".
    pub fn daftar(&self) -> String {
        let mut v: Vec<&(String, Jawaban, String)> = self.label.iter().collect();
        v.sort_by_key(|x| x.1);
        let mut out: Vec<String> = Vec::new();
        for (_, j, t) in v {
            let s = format!("{t} ({})", j.nilai());
            if !out.contains(&s) {
                out.push(s);
            }
        }
        out.join(" / ")
    }

    /// Reads one answer: a code or the general scale, one of the labels, a code or letter
    /// together with its label (`4 - Gratis`, `d. Gratis`), or one letter away from a label of
    /// at least eight letters when only one label is that near.
    pub fn baca(&self, teks: &str) -> Result<(Jawaban, CaraJawab), GalatJawaban> {
        let umum = Jawaban::parse(teks);
        match &umum {
            Ok(j) => return Ok((*j, CaraJawab::Kode)),
            Err(GalatJawaban::Kosong) => return Err(GalatJawaban::Kosong),
            Err(_) => {}
        }
        let b = bentuk_label(teks);
        if let Some((_, j, _)) = self.label.iter().find(|(x, _, _)| *x == b) {
            return Ok((*j, CaraJawab::Label));
        }
        if self.kode_lime
            && let [b'a', c @ b'1'..=b'4'] = b.as_bytes()
            && let Some(j) = Jawaban::dari_nilai(c - b'0')
        {
            return Ok((j, CaraJawab::Kode));
        }
        // "4 gratis" or "d gratis": the code or the annex's letter must be the label's own.
        if let Some((kode, sisa)) = b.split_once(' ') {
            let nilai = match kode.as_bytes() {
                [c @ b'1'..=b'4'] => Some(c - b'0'),
                [c @ b'a'..=b'd'] => Some(c - b'a' + 1),
                _ => None,
            };
            if let Some((_, j, _)) = self.label.iter().find(|(x, _, _)| x == sisa)
                && Some(j.nilai()) == nilai
            {
                return Ok((*j, CaraJawab::Label));
            }
        }
        let dekat: Vec<&(String, Jawaban, String)> = self
            .label
            .iter()
            // One edit changes the length by at most one: longer cells are not compared (a
            // hostile cell of a megabyte costs no quadratic work).
            .filter(|(x, _, _)| {
                x.chars().count() >= 8
                    && x.len().abs_diff(b.len()) <= 4
                    && strsim::levenshtein(x, &b) == 1
            })
            .collect();
        if let [(_, j, _)] = dekat.as_slice() {
            return Ok((*j, CaraJawab::Mirip));
        }
        Err(GalatJawaban::TidakDikenal(teks.trim().to_string()))
    }
}

/// One raw value of a column and how it was read.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct NilaiTerbaca {
    pub teks: String,
    pub jawaban: u8,
    pub cara: CaraJawab,
}

/// A raw value kept, its answer and how it was read.
type Entri = (Box<[u8]>, Jawaban, CaraJawab);

/// Per unsur column, the raw values read (at most [`MAKS_KAMUS`]) and their answers.
#[derive(Debug, Clone, Default)]
pub(crate) struct Kamus {
    kolom: Vec<Vec<Entri>>,
}

impl Kamus {
    pub fn new(jumlah_unsur: usize) -> Kamus {
        Kamus {
            kolom: vec![Vec::new(); jumlah_unsur],
        }
    }

    /// The answer of a raw cell of unsur `u`, read with `label` when not seen before.
    #[inline]
    pub fn jawab(
        &mut self,
        u: usize,
        sel: &[u8],
        label: &LabelUnsur,
    ) -> Result<Jawaban, GalatJawaban> {
        let Some(kol) = self.kolom.get_mut(u) else {
            return Jawaban::parse(&String::from_utf8_lossy(sel));
        };
        if let Some((_, j, _)) = kol.iter().find(|(k, _, _)| &**k == sel) {
            return Ok(*j);
        }
        let (j, cara) = label.baca(&String::from_utf8_lossy(sel))?;
        if kol.len() < MAKS_KAMUS && sel.len() <= PANJANG_MAKS {
            kol.push((sel.into(), j, cara));
        }
        Ok(j)
    }

    /// Adds the values another reader of the same file kept.
    pub fn gabung(&mut self, lain: Kamus) {
        for (kol, lain) in self.kolom.iter_mut().zip(lain.kolom) {
            for v in lain {
                if kol.len() < MAKS_KAMUS && !kol.iter().any(|x| x.0 == v.0) {
                    kol.push(v);
                }
            }
        }
    }

    /// The values of unsur `u`, by answer then text; spelling variants of one value (`4`,
    /// ` 4`) once.
    pub fn terbaca(&self, u: usize) -> Vec<NilaiTerbaca> {
        let mut v: Vec<NilaiTerbaca> = self
            .kolom
            .get(u)
            .map(|k| {
                k.iter()
                    .map(|(t, j, c)| NilaiTerbaca {
                        teks: String::from_utf8_lossy(t).trim().to_string(),
                        jawaban: j.nilai(),
                        cara: *c,
                    })
                    .collect()
            })
            .unwrap_or_default();
        v.sort_by(|a, b| (a.jawaban, &a.teks).cmp(&(b.jawaban, &b.teks)));
        v.dedup_by(|a, b| a.teks == b.teks);
        v
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use kinerja_core::skm::{Regime, pertanyaan_baku};

    fn biaya() -> LabelUnsur {
        let q = pertanyaan_baku(&Regime::permenpanrb_14_2017()).unwrap();
        LabelUnsur::new(None, Some(&q[3]))
    }

    #[test]
    fn each_question_reads_its_own_labels() {
        let l = biaya();
        let nilai = |t: &str| l.baca(t).map(|(j, c)| (j.nilai(), c));
        assert_eq!(nilai("Sangat mahal"), Ok((1, CaraJawab::Label)));
        assert_eq!(nilai("cukup MAHAL"), Ok((2, CaraJawab::Label)));
        assert_eq!(nilai("Murah."), Ok((3, CaraJawab::Label)));
        assert_eq!(nilai("Gratis"), Ok((4, CaraJawab::Label)));
        assert_eq!(nilai("d. Gratis"), Ok((4, CaraJawab::Label)));
        assert_eq!(nilai("4 - Gratis"), Ok((4, CaraJawab::Label)));
        // Codes and the general scale stay valid.
        assert_eq!(nilai("3"), Ok((3, CaraJawab::Kode)));
        assert_eq!(nilai("Sangat Baik"), Ok((4, CaraJawab::Kode)));
        // A letter or code that is not the label's own, another question's label, and a short
        // label one letter off are not guesses.
        assert!(l.baca("a. Gratis").is_err());
        assert!(l.baca("Mudah").is_err());
        assert!(l.baca("Murahh").is_err());
        assert_eq!(l.baca("  "), Err(GalatJawaban::Kosong));
        // One letter off a long label: read, marked.
        assert_eq!(nilai("Sangat mahall"), Ok((1, CaraJawab::Mirip)));
        // A hostile cell is refused, its text quoted (its cost is bounded by the length filter
        // before any edit distance, not timed here: speed lives in benchmarks).
        let besar = "Sangat mahal ".repeat(100_000);
        assert_eq!(
            l.baca(&besar),
            Err(GalatJawaban::TidakDikenal(besar.trim().to_string()))
        );
    }

    #[test]
    fn ampersands_and_tapi_are_the_annex_wording() {
        let q = pertanyaan_baku(&Regime::permenpanrb_14_2017()).unwrap();
        let sopan = LabelUnsur::new(None, Some(&q[6]));
        assert_eq!(sopan.baca("Sopan & Ramah").unwrap().0, Jawaban::Baik);
        let aduan = LabelUnsur::new(None, Some(&q[8]));
        assert_eq!(
            aduan.baca("Ada, tapi tidak berfungsi").unwrap().0,
            Jawaban::KurangBaik
        );
        assert_eq!(aduan.baca("TIDAK ADA").unwrap().0, Jawaban::TidakBaik);
    }

    #[test]
    fn limesurveys_answer_codes_on_a_standard_question() {
        let q = pertanyaan_baku(&Regime::permenpanrb_14_2017()).unwrap();
        let l = LabelUnsur::new(None, Some(&q[3]));
        assert_eq!(l.baca("A1").unwrap(), (Jawaban::TidakBaik, CaraJawab::Kode));
        assert_eq!(l.baca(" a4 ").unwrap().0, Jawaban::SangatBaik);
        assert!(l.baca("A5").is_err());
        assert!(l.baca("A0").is_err());
        assert!(l.baca("AA1").is_err());
        // A column that is no standard question has no such codes.
        assert!(LabelUnsur::new(None, None).baca("A3").is_err());
    }

    #[test]
    fn the_instansi_labels_come_first() {
        let q = pertanyaan_baku(&Regime::permenpanrb_14_2017()).unwrap();
        let sendiri: Vec<String> = ["A1", "A2", "A3", "A4"].map(String::from).to_vec();
        let l = LabelUnsur::new(Some(sendiri.as_slice()), Some(&q[0]));
        assert_eq!(l.baca("A4").unwrap().0, Jawaban::SangatBaik);
        assert_eq!(l.baca("Sesuai").unwrap().0, Jawaban::Baik);
        assert!(
            l.daftar().starts_with("A1 (1) / Tidak sesuai (1)"),
            "{}",
            l.daftar()
        );
    }

    #[test]
    fn the_dictionary_keeps_what_it_read() {
        let l = biaya();
        let mut k = Kamus::new(1);
        assert_eq!(k.jawab(0, b"Gratis", &l), Ok(Jawaban::SangatBaik));
        assert_eq!(k.jawab(0, b"Gratis", &l), Ok(Jawaban::SangatBaik));
        assert_eq!(k.jawab(0, b"2", &l), Ok(Jawaban::KurangBaik));
        assert!(k.jawab(0, b"Mahal sekali", &l).is_err());
        let mut lain = Kamus::new(1);
        lain.jawab(0, b"Murah", &l).unwrap();
        lain.jawab(0, b"Gratis", &l).unwrap();
        k.gabung(lain);
        let t: Vec<(String, u8)> = k
            .terbaca(0)
            .into_iter()
            .map(|n| (n.teks, n.jawaban))
            .collect();
        assert_eq!(
            t,
            [
                ("2".to_string(), 2),
                ("Murah".to_string(), 3),
                ("Gratis".to_string(), 4)
            ]
        );
    }
}
