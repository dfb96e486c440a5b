//! Recognising a standard question by its wording, as survey tools put it in a column header:
//! "1. Bagaimana pendapat Saudara tentang kesesuaian persyaratan pelayanan dengan jenis
//! pelayanannya?" (Google Forms, Microsoft Forms, LimeSurvey's question text, Kobo's labels).
//!
//! Both the header and the annex's question are reduced to their core: normalised (case and
//! punctuation, [`normal`]), the numbering in front dropped (`1.`, `P1)`, `No. 1`), and the
//! lead-in (`Bagaimana pendapat Saudara tentang`, `Bagaimana penilaian Anda terhadap`) dropped.
//! The cores are compared by normalised Levenshtein similarity (`strsim`); a header whose core
//! starts with a question's core and goes on ("... di Kantor Kecamatan Mumbulsari") is compared
//! on that beginning. The best question at or above [`KEMIRIPAN_MINIMUM`] wins, provided no other
//! question comes within [`SELISIH_MINIMUM`] of it.

use kinerja_core::skm::PertanyaanBaku;

use crate::normal;

/// The similarity (0-1) a header's core needs to a question's core: a few letters per
/// sentence may differ (typos, "kesamaan" for "kesesuaian").
pub(crate) const KEMIRIPAN_MINIMUM: f64 = 0.85;

/// The longest header compared, in bytes (the longest annex question is about 140).
const PANJANG_MAKS: usize = 1000;

/// How much better the best question must be than the next one.
const SELISIH_MINIMUM: f64 = 0.05;

/// Words of a lead-in: "bagaimana pendapat saudara tentang", "bagaimana penilaian bapak ibu
/// terhadap", "menurut anda bagaimana".
const PEMBUKA: &[&str] = &[
    "bagaimana",
    "bagamana",
    "bgmn",
    "pendapat",
    "pemahaman",
    "penilaian",
    "tanggapan",
    "menurut",
    "saudara",
    "saudari",
    "sdr",
    "anda",
    "bapak",
    "ibu",
    "tentang",
    "terhadap",
    "mengenai",
    "akan",
];

/// A number word in front: `1`, `01`, `p1`, `q1`, `no`, `nomor`.
fn penomoran(k: &str) -> bool {
    let angka = |s: &str| !s.is_empty() && s.bytes().all(|b| b.is_ascii_digit());
    angka(k)
        || matches!(k, "no" | "nomor" | "pertanyaan")
        || (k.len() > 1 && matches!(k.as_bytes()[0], b'p' | b'q') && angka(&k[1..]))
}

/// The core of a question or header (see the module comment).
pub(crate) fn inti(teks: &str) -> String {
    let n = normal(teks);
    let mut kata = n.split(' ').peekable();
    while kata.peek().is_some_and(|k| penomoran(k)) {
        kata.next();
    }
    while kata.peek().is_some_and(|k| PEMBUKA.contains(k)) {
        kata.next();
    }
    kata.collect::<Vec<_>>().join(" ")
}

/// The similarity of two cores; a header longer than the question is compared on its
/// beginning of the question's length too, and the better figure counts.
fn kemiripan(kepala: &str, pertanyaan: &str) -> f64 {
    let penuh = strsim::normalized_levenshtein(kepala, pertanyaan);
    let n = pertanyaan.chars().count();
    if kepala.chars().count() > n + 3 {
        let awal: String = kepala.chars().take(n).collect();
        penuh.max(strsim::normalized_levenshtein(&awal, pertanyaan))
    } else {
        penuh
    }
}

/// The standard question a header words, with its similarity (0-1).
pub(crate) fn cocok_pertanyaan(kepala: &str, baku: &[PertanyaanBaku]) -> Option<(usize, f64)> {
    // A header longer than any question with an office's name after it is no question, and is
    // not compared (the comparison is quadratic in the lengths).
    if kepala.len() > PANJANG_MAKS {
        return None;
    }
    let k = inti(kepala);
    // A core of a few letters ("u1", "nama") is no question.
    if k.chars().count() < 12 {
        return None;
    }
    let mut nilai: Vec<(usize, f64)> = baku
        .iter()
        .enumerate()
        .map(|(i, p)| (i, kemiripan(&k, &inti(p.teks))))
        .collect();
    nilai.sort_by(|a, b| b.1.total_cmp(&a.1));
    match nilai.as_slice() {
        [(i, a), rest @ ..]
            if *a >= KEMIRIPAN_MINIMUM
                && rest.first().is_none_or(|(_, b)| a - b >= SELISIH_MINIMUM) =>
        {
            Some((*i, *a))
        }
        _ => None,
    }
}

/// A short name of a question (a Kobo question name, `sarana_prasarana`) or none.
pub(crate) fn cocok_nama_pendek(kepala: &str, baku: &[PertanyaanBaku]) -> Option<usize> {
    let n = normal(kepala);
    baku.iter()
        .position(|p| p.nama_pendek.iter().any(|x| *x == n))
}

#[cfg(test)]
mod tests {
    use super::*;
    use kinerja_core::skm::{Regime, pertanyaan_baku};

    fn baku17() -> &'static [PertanyaanBaku] {
        pertanyaan_baku(&Regime::permenpanrb_14_2017()).unwrap()
    }

    #[test]
    fn the_core_drops_numbering_and_lead_in() {
        assert_eq!(
            inti("1. Bagaimana pendapat Saudara tentang kesesuaian persyaratan?"),
            "kesesuaian persyaratan"
        );
        assert_eq!(
            inti("P3) Bagaimana penilaian Anda terhadap kecepatan waktu"),
            "kecepatan waktu"
        );
        assert_eq!(inti("No. 4 biaya/tarif"), "biaya tarif");
    }

    #[test]
    fn every_annex_question_is_its_own_best_match() {
        for r in Regime::semua() {
            let b = pertanyaan_baku(&r).unwrap();
            for (i, p) in b.iter().enumerate() {
                let (j, m) = cocok_pertanyaan(p.teks, b).unwrap();
                assert_eq!((j, m), (i, 1.0), "{}", p.teks);
            }
        }
    }

    #[test]
    fn numbering_case_punctuation_typos_and_a_longer_ending() {
        let b = baku17();
        let cocok = |h: &str| cocok_pertanyaan(h, b).map(|x| x.0 + 1);
        assert_eq!(
            cocok("4. BAGAIMANA PENDAPAT SAUDARA TENTANG KEWAJARAN BIAYA / TARIF DALAM PELAYANAN"),
            Some(4)
        );
        // Two typos ("kesesuain", "pelyanan").
        assert_eq!(
            cocok(
                "Bagaimana pendapat saudara tentang kesesuain persyaratan pelyanan dengan jenis pelayanannya"
            ),
            Some(1)
        );
        // Another lead-in and the office's name after the question.
        assert_eq!(
            cocok(
                "Bagaimana penilaian Anda terhadap kemudahan prosedur pelayanan di unit ini (Kecamatan Mumbulsari)?"
            ),
            Some(2)
        );
        // Questions that are not the annex's.
        assert_eq!(cocok("Apakah Anda akan datang lagi ke kantor ini?"), None);
        assert_eq!(cocok("Saran dan masukan"), None);
        assert_eq!(cocok("Nama"), None);
        let panjang = format!("{} {}", b[0].teks, "x".repeat(2000));
        assert_eq!(cocok(&panjang), None);
    }

    #[test]
    fn short_names() {
        let b = baku17();
        assert_eq!(cocok_nama_pendek("sarana_prasarana", b), Some(7));
        assert_eq!(cocok_nama_pendek("Biaya", b), Some(3));
        assert_eq!(cocok_nama_pendek("waktu", b), None);
    }
}
