//! An instansi's own questionnaire as data: which column is which unsur, the answers of each
//! question from 1 to 4, and which columns are the respondents' profile. Given as a TOML file
//! (`kinerja skm --peta FILE`); what it names wins over what the reader recognises by itself,
//! and what it leaves out is recognised as usual.
//!
//! ```toml
//! regime = "2017"                 # optional: "2017" or "2004"
//!
//! [[unsur]]
//! nomor = 1                       # U1
//! kolom = "Apakah syarat layanan mudah dipenuhi?"   # the header, case and punctuation aside
//! label = ["Sangat sulit", "Sulit", "Mudah", "Sangat mudah"]   # answers 1, 2, 3, 4
//!
//! [[profil]]
//! jenis = "layanan"               # layanan, jenis_kelamin, umur, pendidikan, pekerjaan, tanggal
//! kolom = "Layanan yang Anda urus hari ini"
//! ```

use std::path::Path;

use kinerja_core::skm::{JenisProfil, Regime};
use serde::Deserialize;

use crate::GalatBaca;

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PetaInstansi {
    pub regime: Option<String>,
    #[serde(default)]
    pub unsur: Vec<PetaUnsur>,
    #[serde(default)]
    pub profil: Vec<PetaProfil>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PetaUnsur {
    /// 1-based unsur number (U1 = 1).
    pub nomor: usize,
    /// The column's header.
    pub kolom: Option<String>,
    /// The instansi's name of the unsur, printed instead of the regulation's.
    pub nama: Option<String>,
    /// The question's answers, value 1 to 4.
    pub label: Option<Vec<String>>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct PetaProfil {
    pub jenis: String,
    pub kolom: String,
}

/// A profile kind by the name the mapping file uses.
pub(crate) fn jenis_dari_nama(nama: &str) -> Option<JenisProfil> {
    JenisProfil::SEMUA.into_iter().find(|j| {
        crate::normal(j.label()) == crate::normal(nama)
            || (nama.trim().eq_ignore_ascii_case("usia") && *j == JenisProfil::Umur)
    })
}

impl PetaInstansi {
    /// The mapping an instansi's stored questionnaire gives its exports: each question's column
    /// (its header, else its wording) and its four answers, on the 2017 regime.
    pub fn dari_kuesioner(k: &kinerja_core::model::KuesionerSkm) -> PetaInstansi {
        PetaInstansi {
            regime: Some("2017".into()),
            unsur: k
                .pertanyaan
                .iter()
                .map(|q| PetaUnsur {
                    nomor: q.nomor as usize,
                    kolom: Some(q.kolom.clone().unwrap_or_else(|| q.teks.clone())),
                    nama: None,
                    label: Some(q.label.to_vec()),
                })
                .collect(),
            profil: Vec::new(),
        }
    }

    /// Reads and checks a mapping file.
    pub fn baca(path: &Path) -> Result<PetaInstansi, GalatBaca> {
        let berkas = path.display().to_string();
        let teks = std::fs::read_to_string(path).map_err(|sumber| GalatBaca::Io {
            berkas: berkas.clone(),
            sumber,
        })?;
        PetaInstansi::dari_teks(&teks).map_err(|pesan| GalatBaca::Format { berkas, pesan })
    }

    pub fn dari_teks(teks: &str) -> Result<PetaInstansi, String> {
        let p: PetaInstansi =
            toml::from_str(teks).map_err(|e| format!("peta kuesioner tidak terbaca: {e}"))?;
        p.periksa()?;
        Ok(p)
    }

    /// The regime the file names, if any.
    pub fn regime(&self) -> Result<Option<Regime>, String> {
        match &self.regime {
            None => Ok(None),
            Some(k) => Regime::dari_kode(k)
                .map(Some)
                .ok_or_else(|| format!("regime '{k}' tidak dikenal: pakai \"2017\" atau \"2004\"")),
        }
    }

    fn periksa(&self) -> Result<(), String> {
        self.regime()?;
        let mut galat = Vec::new();
        let mut nomor = Vec::new();
        for u in &self.unsur {
            if u.nomor == 0 || u.nomor > 14 {
                galat.push(format!("unsur nomor {}: harus 1-14", u.nomor));
            }
            if nomor.contains(&u.nomor) {
                galat.push(format!("unsur nomor {} disebut dua kali", u.nomor));
            }
            nomor.push(u.nomor);
            if let Some(l) = &u.label {
                let bentuk: Vec<String> = l.iter().map(|x| crate::label::bentuk_label(x)).collect();
                if l.len() != 4 || bentuk.iter().any(String::is_empty) {
                    galat.push(format!(
                        "unsur nomor {}: label harus 4 jawaban tidak kosong (nilai 1, 2, 3, 4), didapat {}",
                        u.nomor,
                        l.len()
                    ));
                } else if (1..4).any(|i| bentuk[..i].contains(&bentuk[i])) {
                    galat.push(format!("unsur nomor {}: label berulang", u.nomor));
                }
            }
            if u.kolom
                .as_deref()
                .is_some_and(|k| crate::normal(k).is_empty())
            {
                galat.push(format!("unsur nomor {}: kolom kosong", u.nomor));
            }
        }
        for p in &self.profil {
            if jenis_dari_nama(&p.jenis).is_none() {
                galat.push(format!(
                    "profil '{}': jenis harus layanan, jenis_kelamin, umur, pendidikan, pekerjaan atau tanggal",
                    p.jenis
                ));
            }
        }
        if galat.is_empty() {
            Ok(())
        } else {
            Err(galat.join("; "))
        }
    }

    /// The entry of unsur `i` (0-based).
    pub(crate) fn unsur(&self, i: usize) -> Option<&PetaUnsur> {
        self.unsur.iter().find(|u| u.nomor == i + 1)
    }

    /// The unsur (0-based) whose column this header is.
    pub(crate) fn unsur_kolom(&self, kepala: &str) -> Option<usize> {
        let n = crate::normal(kepala);
        self.unsur
            .iter()
            .find(|u| u.kolom.as_deref().is_some_and(|k| crate::normal(k) == n))
            .map(|u| u.nomor - 1)
    }

    /// The profile kind this header is.
    pub(crate) fn profil_kolom(&self, kepala: &str) -> Option<JenisProfil> {
        let n = crate::normal(kepala);
        self.profil
            .iter()
            .find(|p| crate::normal(&p.kolom) == n)
            .and_then(|p| jenis_dari_nama(&p.jenis))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_mapping_file_and_its_mistakes() {
        let p = PetaInstansi::dari_teks(
            r#"
regime = "2017"
[[unsur]]
nomor = 1
kolom = "Syarat mudah?"
label = ["A1", "A2", "A3", "A4"]
[[profil]]
jenis = "usia"
kolom = "Umur Anda"
"#,
        )
        .unwrap();
        assert_eq!(p.unsur_kolom("SYARAT MUDAH"), Some(0));
        assert_eq!(p.profil_kolom("umur anda"), Some(JenisProfil::Umur));
        assert_eq!(p.regime().unwrap().unwrap().kode, "2017");

        let e = PetaInstansi::dari_teks(
            "regime = \"2020\"\n[[unsur]]\nnomor = 0\nlabel = [\"a\", \"a\", \"b\", \"c\"]\n",
        )
        .unwrap_err();
        assert!(e.contains("2020"), "{e}");
        let e = PetaInstansi::dari_teks(
            "[[unsur]]\nnomor = 0\nlabel = [\"a\", \"a\", \"b\", \"c\"]\n[[unsur]]\nnomor = 0\n[[profil]]\njenis = \"hobi\"\nkolom = \"x\"\n",
        )
        .unwrap_err();
        assert!(
            e.contains("harus 1-14")
                && e.contains("label berulang")
                && e.contains("dua kali")
                && e.contains("hobi"),
            "{e}"
        );
        assert!(PetaInstansi::dari_teks("[[unsur]]\nnomor = 1\nwarna = 3\n").is_err());
    }
}
