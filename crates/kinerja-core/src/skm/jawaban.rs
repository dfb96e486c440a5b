//! One answer to one unsur: 1 (tidak baik) to 4 (sangat baik).

use serde::Serialize;

/// An answer on the regulation's four-point scale. Only these four values exist.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(into = "u8")]
#[repr(u8)]
pub enum Jawaban {
    TidakBaik = 1,
    KurangBaik = 2,
    Baik = 3,
    SangatBaik = 4,
}

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum GalatJawaban {
    #[error("jawaban kosong")]
    Kosong,
    #[error(
        "jawaban '{0}' tidak dikenal: harus 1-4 atau Tidak Baik / Kurang Baik / Baik / Sangat Baik"
    )]
    TidakDikenal(String),
}

impl From<Jawaban> for u8 {
    fn from(j: Jawaban) -> u8 {
        j as u8
    }
}

const SEMUA: [Jawaban; 4] = [
    Jawaban::TidakBaik,
    Jawaban::KurangBaik,
    Jawaban::Baik,
    Jawaban::SangatBaik,
];

impl Jawaban {
    pub const SEMUA: [Jawaban; 4] = SEMUA;

    pub fn nilai(self) -> u8 {
        self as u8
    }

    /// Index 0..3 (answer minus one), for tables of four.
    pub fn indeks(self) -> usize {
        self as usize - 1
    }

    pub fn dari_nilai(n: u8) -> Option<Jawaban> {
        match n {
            1..=4 => Some(SEMUA[n as usize - 1]),
            _ => None,
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            Jawaban::TidakBaik => "Tidak Baik",
            Jawaban::KurangBaik => "Kurang Baik",
            Jawaban::Baik => "Baik",
            Jawaban::SangatBaik => "Sangat Baik",
        }
    }

    /// Parses what survey tools export: a code `1`..`4`, a label (`Sangat Baik`, any case, `_`
    /// or `-` for spaces as KoboToolbox writes choice names: `sangat_baik`), or both
    /// (`4 - Sangat Baik`, `4. Sangat baik`) when they agree.
    pub fn parse(teks: &str) -> Result<Jawaban, GalatJawaban> {
        let t = teks.trim();
        if t.is_empty() {
            return Err(GalatJawaban::Kosong);
        }
        if let [b] = t.as_bytes()
            && let Some(j) = Jawaban::dari_nilai(b.wrapping_sub(b'0'))
        {
            return Ok(j);
        }
        let norm = normalisasi(t);
        let dari_label = |s: &str| {
            SEMUA
                .into_iter()
                .find(|j| j.label().eq_ignore_ascii_case(s))
        };
        if let Some(j) = dari_label(&norm) {
            return Ok(j);
        }
        // "4 sangat baik" (after normalisation "4. Sangat Baik" and "4 - Sangat Baik" look so).
        if let Some((kode, label)) = norm.split_once(' ')
            && let [b] = kode.as_bytes()
            && let Some(j) = Jawaban::dari_nilai(b.wrapping_sub(b'0'))
            && dari_label(label) == Some(j)
        {
            return Ok(j);
        }
        Err(GalatJawaban::TidakDikenal(t.to_string()))
    }
}

/// Lower case; `_`, `-`, `.`, `:` and runs of whitespace become one space.
fn normalisasi(t: &str) -> String {
    let mut out = String::with_capacity(t.len());
    for kata in t
        .split(|c: char| c.is_whitespace() || matches!(c, '_' | '-' | '.' | ':' | ')'))
        .filter(|k| !k.is_empty())
    {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(&kata.to_lowercase());
    }
    out
}

impl std::str::FromStr for Jawaban {
    type Err = GalatJawaban;
    fn from_str(s: &str) -> Result<Self, Self::Err> {
        Jawaban::parse(s)
    }
}

impl std::fmt::Display for Jawaban {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{} ({})", self.nilai(), self.label())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn codes_and_labels_in_any_case() {
        assert_eq!(Jawaban::parse("1"), Ok(Jawaban::TidakBaik));
        assert_eq!(Jawaban::parse(" 4 "), Ok(Jawaban::SangatBaik));
        assert_eq!(Jawaban::parse("Tidak Baik"), Ok(Jawaban::TidakBaik));
        assert_eq!(Jawaban::parse("kurang baik"), Ok(Jawaban::KurangBaik));
        assert_eq!(Jawaban::parse("BAIK"), Ok(Jawaban::Baik));
        assert_eq!(Jawaban::parse("Sangat  baik"), Ok(Jawaban::SangatBaik));
        assert_eq!(Jawaban::parse("sangat_baik"), Ok(Jawaban::SangatBaik));
        assert_eq!(Jawaban::parse("4 - Sangat Baik"), Ok(Jawaban::SangatBaik));
        assert_eq!(Jawaban::parse("2. Kurang baik"), Ok(Jawaban::KurangBaik));
    }

    #[test]
    fn rejects_what_is_not_an_answer() {
        assert_eq!(Jawaban::parse(""), Err(GalatJawaban::Kosong));
        assert_eq!(Jawaban::parse("  "), Err(GalatJawaban::Kosong));
        for s in [
            "0",
            "5",
            "12",
            "Cukup",
            "3 - Sangat Baik",
            "baik sekali",
            "-1",
        ] {
            assert!(
                matches!(Jawaban::parse(s), Err(GalatJawaban::TidakDikenal(_))),
                "{s}"
            );
        }
    }

    #[test]
    fn value_and_index() {
        for (i, j) in Jawaban::SEMUA.into_iter().enumerate() {
            assert_eq!(j.indeks(), i);
            assert_eq!(j.nilai() as usize, i + 1);
            assert_eq!(Jawaban::dari_nilai(j.nilai()), Some(j));
        }
        assert_eq!(Jawaban::dari_nilai(0), None);
        assert_eq!(Jawaban::dari_nilai(5), None);
    }
}
