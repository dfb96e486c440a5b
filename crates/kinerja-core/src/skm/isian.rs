//! One respondent's answers on the survey form kinerja hosts (`/survei/{instansi}`): the
//! standard questionnaire of PermenPANRB 14/2017 (each question with its own annex answers,
//! [`pertanyaan_baku`]) and only the profile the annex asks for (jenis kelamin, usia,
//! pendidikan, pekerjaan, jenis layanan).
//!
//! A form's fields are parsed here into an [`IsianSurvei`], which cannot hold an answer outside
//! 1-4, a missing answer or a profile value outside the choices offered; stored answers are
//! read back through the same check. [`tabulasi`] tallies stored answers for
//! [`super::hitung_tabulasi`], with the profile as the breakdowns.

use super::tabulasi::KELOMPOK_UMUR;
use super::{GalatSkm, Jawaban, JenisProfil, PertanyaanBaku, Regime, TabulasiSurvei};
use super::{Kuesioner, pertanyaan_baku};
use serde::{Deserialize, Serialize};

/// The annex's choices (PermenPANRB 14/2017, Lampiran, kuesioner: "Jenis Kelamin: L / P").
pub const JENIS_KELAMIN: [&str; 2] = ["Laki-laki", "Perempuan"];
/// The annex's education levels (SD, SMP, SMA, S1, S2, S3), with the diploma levels that
/// offices add between SMA and S1.
pub const PENDIDIKAN: [&str; 7] = ["SD", "SMP", "SMA", "D1-D4", "S1", "S2", "S3"];
/// The annex's occupations.
pub const PEKERJAAN: [&str; 6] = ["PNS", "TNI", "POLRI", "Swasta", "Wirausaha", "Lainnya"];
/// The longest jenis layanan a respondent may type.
pub const LAYANAN_MAKS: usize = 100;

/// The age bands the form offers (the same bands the report groups ages in): a band, not the
/// age itself, so that the stored profile identifies nobody.
pub fn kelompok_usia() -> [&'static str; 6] {
    KELOMPOK_UMUR.map(|(_, l)| l)
}

/// The regime of the hosted form: the standard questionnaire of PermenPANRB 14/2017.
pub fn regime_isian() -> Regime {
    Regime::permenpanrb_14_2017()
}

/// The questions of the hosted form, in unsur order.
pub fn pertanyaan_isian() -> &'static [PertanyaanBaku] {
    // The 2017 regime always has its questionnaire (tested in `baku`).
    pertanyaan_baku(&regime_isian()).unwrap_or(&[])
}

/// A question as the hosted form asks it, with its four answers (values 1 to 4).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SoalIsian {
    pub teks: String,
    pub label: [String; 4],
}

/// The questions the hosted form of `instansi` asks at the address of `layanan`, in unsur
/// order: the instansi's own questionnaire for that layanan, else its questionnaire for every
/// address, else the annex's (PermenPANRB 14/2017). Layanan names compare case and spacing
/// aside, as the address does.
pub fn soal_isian(
    kuesioner: &[crate::model::KuesionerSkm],
    instansi: &crate::id::InstansiId,
    layanan: Option<&str>,
) -> Vec<SoalIsian> {
    let sama = |a: &str, b: &str| a.trim().eq_ignore_ascii_case(b.trim());
    let milik = |k: &&crate::model::KuesionerSkm| &k.instansi == instansi;
    let sendiri = kuesioner
        .iter()
        .filter(milik)
        .find(|k| match (&k.layanan, layanan) {
            (Some(a), Some(b)) => sama(a, b),
            _ => false,
        })
        .or_else(|| kuesioner.iter().filter(milik).find(|k| k.layanan.is_none()));
    match sendiri {
        // `validasi` holds a stored questionnaire to one question per unsur 1..9.
        Some(k) => {
            let mut q: Vec<&crate::model::PertanyaanSkm> = k.pertanyaan.iter().collect();
            q.sort_by_key(|q| q.nomor);
            q.into_iter()
                .map(|q| SoalIsian {
                    teks: q.teks.clone(),
                    label: q.label.clone(),
                })
                .collect()
        }
        None => pertanyaan_isian()
            .iter()
            .map(|p| SoalIsian {
                teks: p.teks.to_string(),
                label: p.label.map(str::to_string),
            })
            .collect(),
    }
}

/// One respondent, checked. Fields are private: only [`IsianSurvei::baca`] and
/// deserialisation (which re-checks) make one.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(try_from = "IsianMentah")]
pub struct IsianSurvei {
    /// One answer per unsur, 1-4.
    jawaban: Vec<u8>,
    jenis_kelamin: String,
    usia: String,
    pendidikan: String,
    pekerjaan: String,
    /// The service received: from the survey's address, or typed; may be empty.
    layanan: String,
}

#[derive(Deserialize)]
struct IsianMentah {
    jawaban: Vec<u8>,
    jenis_kelamin: String,
    usia: String,
    pendidikan: String,
    pekerjaan: String,
    layanan: String,
}

impl TryFrom<IsianMentah> for IsianSurvei {
    type Error = String;
    fn try_from(m: IsianMentah) -> Result<IsianSurvei, String> {
        let medan = [
            ("jenis_kelamin", m.jenis_kelamin),
            ("usia", m.usia),
            ("pendidikan", m.pendidikan),
            ("pekerjaan", m.pekerjaan),
            ("layanan", m.layanan.clone()),
        ];
        let mut isian: Vec<(String, String)> =
            medan.into_iter().map(|(k, v)| (k.to_string(), v)).collect();
        for (i, j) in m.jawaban.iter().enumerate() {
            isian.push((format!("u{}", i + 1), j.to_string()));
        }
        if m.jawaban.len() != pertanyaan_isian().len() {
            return Err(format!(
                "{} jawaban tersimpan, seharusnya {}",
                m.jawaban.len(),
                pertanyaan_isian().len()
            ));
        }
        IsianSurvei::baca(&isian, None).map_err(|g| g.join("; "))
    }
}

fn nilai<'a>(isian: &'a [(String, String)], nama: &str) -> &'a str {
    isian
        .iter()
        .find(|(k, _)| k == nama)
        .map_or("", |(_, v)| v.trim())
}

/// `teks` when it is one of `pilihan` (exactly, as the form sends it).
fn pilih(teks: &str, pilihan: &[&str]) -> Option<String> {
    pilihan.contains(&teks).then(|| teks.to_string())
}

impl IsianSurvei {
    /// Reads a submitted form: `u1`..`u9` (1-4), `jenis_kelamin`, `usia`, `pendidikan`,
    /// `pekerjaan` (one of the choices above) and `layanan` (free text, at most
    /// [`LAYANAN_MAKS`] characters; `layanan_tetap`, the one the survey's address names,
    /// wins). Every problem is listed, in the form's order, in Bahasa Indonesia.
    pub fn baca(
        isian: &[(String, String)],
        layanan_tetap: Option<&str>,
    ) -> Result<IsianSurvei, Vec<String>> {
        let mut galat = Vec::new();
        let mut jawaban = Vec::new();
        for (i, p) in pertanyaan_isian().iter().enumerate() {
            let v = nilai(isian, &format!("u{}", i + 1));
            match v.parse::<u8>().ok().and_then(Jawaban::dari_nilai) {
                Some(j) => jawaban.push(j.nilai()),
                None if v.is_empty() => {
                    galat.push(format!("Pertanyaan {} belum dijawab: {}", i + 1, p.teks))
                }
                None => galat.push(format!(
                    "Pertanyaan {}: jawaban \"{v}\" tidak ada di pilihan",
                    i + 1
                )),
            }
        }
        let mut profil = |nama: &str, label: &str, pilihan: &[&str]| {
            let v = nilai(isian, nama);
            match pilih(v, pilihan) {
                Some(p) => p,
                None => {
                    galat.push(if v.is_empty() {
                        format!("{label} belum dipilih")
                    } else {
                        format!("{label}: \"{v}\" tidak ada di pilihan")
                    });
                    String::new()
                }
            }
        };
        let jenis_kelamin = profil("jenis_kelamin", "Jenis kelamin", &JENIS_KELAMIN);
        let usia = profil("usia", "Usia", &kelompok_usia());
        let pendidikan = profil("pendidikan", "Pendidikan", &PENDIDIKAN);
        let pekerjaan = profil("pekerjaan", "Pekerjaan", &PEKERJAAN);
        let layanan = layanan_tetap
            .unwrap_or_else(|| nilai(isian, "layanan"))
            .trim()
            .to_string();
        if layanan.chars().count() > LAYANAN_MAKS {
            galat.push(format!("Jenis layanan lebih dari {LAYANAN_MAKS} karakter"));
        }
        if !galat.is_empty() {
            return Err(galat);
        }
        Ok(IsianSurvei {
            jawaban,
            jenis_kelamin,
            usia,
            pendidikan,
            pekerjaan,
            layanan,
        })
    }

    pub fn jawaban(&self) -> Vec<Jawaban> {
        self.jawaban
            .iter()
            .filter_map(|&n| Jawaban::dari_nilai(n))
            .collect()
    }

    pub fn layanan(&self) -> &str {
        &self.layanan
    }

    /// The whole answer set as one text: two submissions with the same text gave the same
    /// answers and the same profile (duplicate detection compares these).
    pub fn sidik(&self) -> String {
        let j: Vec<String> = self.jawaban.iter().map(u8::to_string).collect();
        format!(
            "{}|{}|{}|{}|{}|{}",
            j.join(","),
            self.jenis_kelamin,
            self.usia,
            self.pendidikan,
            self.pekerjaan,
            self.layanan.to_lowercase()
        )
    }

    /// The profile values in the order of [`KOLOM_PROFIL`].
    fn profil(&self) -> [&str; 5] {
        [
            &self.layanan,
            &self.jenis_kelamin,
            &self.usia,
            &self.pendidikan,
            &self.pekerjaan,
        ]
    }
}

/// The breakdowns of a hosted survey, as (column name, kind).
pub const KOLOM_PROFIL: [(&str, JenisProfil); 5] = [
    ("Jenis layanan", JenisProfil::Layanan),
    ("Jenis kelamin", JenisProfil::JenisKelamin),
    ("Usia", JenisProfil::Umur),
    ("Pendidikan", JenisProfil::Pendidikan),
    ("Pekerjaan", JenisProfil::Pekerjaan),
];

/// The tally of stored respondents, with the profile as breakdowns, and the questionnaire to
/// compute it with.
pub fn tabulasi(isian: &[IsianSurvei]) -> Result<(Kuesioner, TabulasiSurvei), GalatSkm> {
    let k = Kuesioner::baku(regime_isian());
    let mut t = TabulasiSurvei::new(
        k.jumlah_unsur(),
        KOLOM_PROFIL
            .iter()
            .map(|(n, j)| (n.to_string(), *j))
            .collect(),
    );
    for i in isian {
        t.catat(&i.jawaban(), &i.profil())?;
    }
    Ok((k, t))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::skm::{Opsi, hitung_tabulasi};

    fn form(jawaban: &[&str], profil: [&str; 4]) -> Vec<(String, String)> {
        let mut v: Vec<(String, String)> = jawaban
            .iter()
            .enumerate()
            .map(|(i, j)| (format!("u{}", i + 1), j.to_string()))
            .collect();
        for (k, x) in ["jenis_kelamin", "usia", "pendidikan", "pekerjaan"]
            .iter()
            .zip(profil)
        {
            v.push((k.to_string(), x.to_string()));
        }
        v
    }

    const PROFIL: [&str; 4] = ["Perempuan", "30-39", "SMA", "Wirausaha"];

    #[test]
    fn a_complete_form_is_read_and_round_trips_through_json() {
        let f = form(&["4", "3", "3", "4", "3", "4", "4", "2", "1"], PROFIL);
        let i = IsianSurvei::baca(&f, Some("KTP")).unwrap();
        assert_eq!(i.layanan(), "KTP");
        assert_eq!(
            i.sidik(),
            "4,3,3,4,3,4,4,2,1|Perempuan|30-39|SMA|Wirausaha|ktp"
        );
        let json = serde_json::to_string(&i).unwrap();
        let kembali: IsianSurvei = serde_json::from_str(&json).unwrap();
        assert_eq!(kembali, i);
        // A stored row edited to hold an answer 5 is refused when read back.
        let rusak = json.replace("[4,3,3", "[5,3,3");
        assert!(serde_json::from_str::<IsianSurvei>(&rusak).is_err());
    }

    #[test]
    fn every_problem_is_named_in_the_forms_order() {
        let f = form(
            &["4", "", "3", "9", "3", "4", "4", "2"],
            ["X", "", "SMA", "PNS"],
        );
        let g = IsianSurvei::baca(&f, None).unwrap_err();
        assert_eq!(g.len(), 5, "{g:?}");
        assert!(g[0].starts_with("Pertanyaan 2 belum dijawab: Bagaimana pemahaman"));
        assert_eq!(g[1], "Pertanyaan 4: jawaban \"9\" tidak ada di pilihan");
        assert!(g[2].starts_with("Pertanyaan 9 belum dijawab"));
        assert_eq!(g[3], "Jenis kelamin: \"X\" tidak ada di pilihan");
        assert_eq!(g[4], "Usia belum dipilih");
        let panjang = "x".repeat(LAYANAN_MAKS + 1);
        let mut f = form(&["4"; 9], PROFIL);
        f.push(("layanan".into(), panjang));
        assert_eq!(
            IsianSurvei::baca(&f, None).unwrap_err(),
            vec!["Jenis layanan lebih dari 100 karakter"]
        );
    }

    #[test]
    fn stored_answers_give_the_index_by_hand() {
        // Two respondents: one answers 4 to every question, one 3 to every question.
        // NRR per unsur = (4 + 3) / 2 = 3,5; IKM = sum(NRR x 1/9) over 9 unsur = 3,5;
        // NIK = 3,5 x 25 = 87,5: mutu B (76,61-88,30), "Baik".
        let a = IsianSurvei::baca(&form(&["4"; 9], PROFIL), Some("KTP")).unwrap();
        let b = IsianSurvei::baca(
            &form(&["3"; 9], ["Laki-laki", "60+", "S1", "PNS"]),
            Some("KK"),
        )
        .unwrap();
        let (k, t) = tabulasi(&[a, b]).unwrap();
        let h = hitung_tabulasi(&k, &t, &Opsi::default()).unwrap();
        assert_eq!(h.responden, Some(2));
        assert_eq!(h.ikm, rust_decimal::Decimal::new(35, 1));
        assert_eq!(h.nik, rust_decimal::Decimal::new(875, 1));
        assert_eq!(h.mutu.to_string(), "B");
        // The breakdown by layanan: KTP alone has NIK 4 x 25 = 100.
        let layanan = &h.rincian[0];
        assert_eq!(layanan.kolom, "Jenis layanan");
        let ktp = layanan.kelompok.iter().find(|g| g.nilai == "KTP").unwrap();
        assert_eq!(
            (ktp.responden, ktp.nik),
            (1, rust_decimal::Decimal::from(100))
        );
    }

    #[test]
    fn the_age_choices_are_the_reports_bands() {
        assert_eq!(
            kelompok_usia(),
            ["< 20", "20-29", "30-39", "40-49", "50-59", "60+"]
        );
        for b in kelompok_usia() {
            assert_eq!(JenisProfil::Umur.kelompok(b), b);
        }
    }
}
