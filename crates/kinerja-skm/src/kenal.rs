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

/// Below this similarity a question can neither match nor stop the best one from matching
/// (that needs [`KEMIRIPAN_MINIMUM`] - [`SELISIH_MINIMUM`] = 0,80; the margin keeps float
/// rounding out of the decision), so it is not compared letter by letter.
const KEMIRIPAN_DIABAIKAN: f64 = 0.79;

/// How often each character occurs in a core (ASCII each its own bucket, the rest folded into
/// them). Two texts whose counts differ by `d` are at least `d` edits apart (a bucket shared by
/// two characters only hides differences), so the counts bound the similarity from above
/// without the quadratic comparison.
#[derive(Clone)]
struct Kantong([u16; 128]);

impl Kantong {
    fn dari(huruf: &[char]) -> Kantong {
        let mut k = [0u16; 128];
        for c in huruf {
            let i = (*c as usize) % 128;
            k[i] = k[i].saturating_add(1);
        }
        Kantong(k)
    }

    /// The most the similarity of texts with these counts and lengths can be.
    fn kemiripan_maks(&self, lain: &Kantong, panjang: usize, panjang_lain: usize) -> f64 {
        let (mut lebih, mut kurang) = (0usize, 0usize);
        for (a, b) in self.0.iter().zip(&lain.0) {
            if a > b {
                lebih += usize::from(a - b);
            } else {
                kurang += usize::from(b - a);
            }
        }
        let maks = panjang.max(panjang_lain);
        if maks == 0 {
            return 1.0;
        }
        1.0 - lebih.max(kurang) as f64 / maks as f64
    }
}

/// A standard question's core, prepared once per header row (not once per header and question).
pub(crate) struct IntiBaku {
    huruf: Vec<char>,
    kantong: Kantong,
}

/// The cores of a regime's standard questions, in question order.
pub(crate) fn siapkan(baku: &[PertanyaanBaku]) -> Vec<IntiBaku> {
    baku.iter()
        .map(|p| {
            let huruf: Vec<char> = inti(p.teks).chars().collect();
            let kantong = Kantong::dari(&huruf);
            IntiBaku { huruf, kantong }
        })
        .collect()
}

/// Normalised Levenshtein similarity, as `strsim::normalized_levenshtein` computes it, on
/// characters already split (strsim splits both texts again for every pair).
fn levenshtein_normal(a: &[char], b: &[char]) -> f64 {
    if a.is_empty() && b.is_empty() {
        return 1.0;
    }
    // One row of the edit-distance table, as strsim keeps it.
    let mut baris: Vec<usize> = (1..=b.len()).collect();
    let mut jarak = b.len();
    for (i, x) in a.iter().enumerate() {
        jarak = i + 1;
        let mut kiri_atas = i;
        for (j, y) in b.iter().enumerate() {
            let ganti = kiri_atas + usize::from(x != y);
            kiri_atas = baris[j];
            jarak = (jarak + 1).min(ganti).min(kiri_atas + 1);
            baris[j] = jarak;
        }
    }
    1.0 - jarak as f64 / a.len().max(b.len()) as f64
}

/// The similarity of a header's core to a question's core; a header longer than the question
/// is compared on its beginning of the question's length too, and the better figure counts.
/// `None` when it is certainly below [`KEMIRIPAN_DIABAIKAN`] (known from the lengths and the
/// character counts alone).
fn kemiripan(kepala: &[char], kantong: &Kantong, p: &IntiBaku) -> Option<f64> {
    let n = p.huruf.len();
    let mut terbaik: Option<f64> = None;
    if kantong.kemiripan_maks(&p.kantong, kepala.len(), n) >= KEMIRIPAN_DIABAIKAN {
        terbaik = Some(levenshtein_normal(kepala, &p.huruf));
    }
    if kepala.len() > n + 3 {
        let awal = &kepala[..n];
        if Kantong::dari(awal).kemiripan_maks(&p.kantong, n, n) >= KEMIRIPAN_DIABAIKAN {
            let m = levenshtein_normal(awal, &p.huruf);
            terbaik = Some(terbaik.map_or(m, |t| t.max(m)));
        }
    }
    terbaik
}

/// The standard question a header words, with its similarity (0-1). `baku` is [`siapkan`] of
/// the regime's questions.
pub(crate) fn cocok_pertanyaan(kepala: &str, baku: &[IntiBaku]) -> Option<(usize, f64)> {
    // A header longer than any question with an office's name after it is no question, and is
    // not compared (the comparison is quadratic in the lengths).
    if kepala.len() > PANJANG_MAKS {
        return None;
    }
    let k: Vec<char> = inti(kepala).chars().collect();
    // A core of a few letters ("u1", "nama") is no question.
    if k.len() < 12 {
        return None;
    }
    let kantong = Kantong::dari(&k);
    // Questions certainly below KEMIRIPAN_DIABAIKAN are left out: such a question is neither
    // the best at KEMIRIPAN_MINIMUM nor within SELISIH_MINIMUM of it, so the outcome is the
    // one of comparing every question.
    let mut nilai: Vec<(usize, f64)> = baku
        .iter()
        .enumerate()
        .filter_map(|(i, p)| kemiripan(&k, &kantong, p).map(|m| (i, m)))
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
            let inti_b = siapkan(b);
            for (i, p) in b.iter().enumerate() {
                let (j, m) = cocok_pertanyaan(p.teks, &inti_b).unwrap();
                assert_eq!((j, m), (i, 1.0), "{}", p.teks);
            }
        }
    }

    #[test]
    fn numbering_case_punctuation_typos_and_a_longer_ending() {
        let b = baku17();
        let inti_b = siapkan(b);
        let cocok = |h: &str| cocok_pertanyaan(h, &inti_b).map(|x| x.0 + 1);
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

    /// The comparison before the character-count bound: every question, letter by letter.
    fn cocok_tanpa_batas(kepala: &str, baku: &[PertanyaanBaku]) -> Option<(usize, f64)> {
        if kepala.len() > PANJANG_MAKS {
            return None;
        }
        let k = inti(kepala);
        if k.chars().count() < 12 {
            return None;
        }
        let mut nilai: Vec<(usize, f64)> = baku
            .iter()
            .enumerate()
            .map(|(i, p)| {
                let q = inti(p.teks);
                let penuh = strsim::normalized_levenshtein(&k, &q);
                let n = q.chars().count();
                let m = if k.chars().count() > n + 3 {
                    let awal: String = k.chars().take(n).collect();
                    penuh.max(strsim::normalized_levenshtein(&awal, &q))
                } else {
                    penuh
                };
                (i, m)
            })
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

    #[test]
    fn the_bound_changes_no_outcome() {
        // Headers near and far from every question of both regimes: the question itself, with
        // letters dropped, changed or doubled every k-th letter, cut short, with an office's name
        // after it, two questions run together, and non-ASCII text.
        for r in Regime::semua() {
            let b = pertanyaan_baku(&r).unwrap();
            let inti_b = siapkan(b);
            let mut kepala: Vec<String> = Vec::new();
            for p in b {
                let t: Vec<char> = p.teks.chars().collect();
                kepala.push(p.teks.to_string());
                for k in [2, 3, 5, 7, 11, 17, 29] {
                    kepala.push(
                        t.iter()
                            .enumerate()
                            .filter(|(i, _)| i % k != 0)
                            .map(|x| x.1)
                            .collect(),
                    );
                    kepala.push(
                        t.iter()
                            .enumerate()
                            .map(|(i, c)| if i % k == 0 { 'x' } else { *c })
                            .collect(),
                    );
                    kepala.push(
                        t.iter()
                            .enumerate()
                            .flat_map(|(i, c)| if i % k == 0 { vec![*c, *c] } else { vec![*c] })
                            .collect(),
                    );
                    kepala.push(t[..t.len() * (k - 1) / k].iter().collect());
                    kepala.push(format!(
                        "{} di Kantor Kecamatan {}",
                        p.teks,
                        "Mumbulsari ".repeat(k)
                    ));
                }
                for q in b {
                    kepala.push(format!("{} {}", p.teks, q.teks));
                }
                kepala.push(p.teks.replace('a', "á"));
            }
            for h in &kepala {
                assert_eq!(cocok_pertanyaan(h, &inti_b), cocok_tanpa_batas(h, b), "{h}");
            }
        }
    }

    #[test]
    fn short_names() {
        let b = baku17();
        assert_eq!(cocok_nama_pendek("sarana_prasarana", b), Some(7));
        assert_eq!(cocok_nama_pendek("Biaya", b), Some(3));
        assert_eq!(cocok_nama_pendek("waktu", b), None);
    }
}
