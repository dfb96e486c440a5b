//! What the report publishes: the survey, the narrative and the stated figures.

use super::{Pemeriksa, Rujukan};
use crate::model::*;
use std::collections::HashSet;

pub(super) fn periksa(p: &mut Pemeriksa, data: &DataInstansi, r: &Rujukan) {
    for (i, x) in data.skm.iter().enumerate() {
        let mut b = p.di("skm", i, Some(&x.id));
        b.rujuk("instansi", &r.instansi, &x.instansi, "instansi");
        if let Some(ind) = &x.indikator {
            b.rujuk("indikator", &r.indikator, ind, "indikator");
        }
        let mut nomor = HashSet::new();
        for u in &x.unsur {
            if !nomor.insert(u.nomor) {
                b.lapor("unsur.nomor", format!("nomor unsur {} ganda", u.nomor));
            }
        }
    }
    for (i, x) in data.tindak_lanjut_skm.iter().enumerate() {
        let mut b = p.di("tindak_lanjut_skm", i, Some(&x.id));
        let Some(s) = data.skm.iter().find(|s| s.id == x.survei) else {
            b.rujuk("survei", &r.survei, &x.survei, "skm");
            continue;
        };
        // The unsur a plan answers is one the survey asked: its own list, else its regime's.
        let jumlah = if s.unsur.is_empty() {
            crate::skm::Regime::dari_kode(&s.regime).map(|r| r.jumlah_unsur())
        } else {
            None
        };
        let ada = match jumlah {
            Some(n) => (1..=n).any(|k| k as u64 == u64::from(x.unsur)),
            None => s.unsur.iter().any(|u| u.nomor == x.unsur),
        };
        if !ada {
            b.lapor(
                "unsur",
                format!("survei \"{}\" tidak memiliki unsur nomor {}", s.id, x.unsur),
            );
        }
    }
    let mut tempat = HashSet::new();
    for (i, x) in data.kuesioner_skm.iter().enumerate() {
        let mut b = p.di("kuesioner_skm", i, Some(&x.id));
        b.rujuk("instansi", &r.instansi, &x.instansi, "instansi");
        if !tempat.insert((&x.instansi, x.layanan.as_deref().map(str::trim))) {
            b.lapor(
                "layanan",
                "kuesioner ganda: satu kuesioner per instansi dan layanan".to_string(),
            );
        }
        // The hosted form's regime: the 9 unsur of PermenPANRB 14/2017, each asked once.
        let mut nomor: Vec<u32> = x.pertanyaan.iter().map(|q| q.nomor).collect();
        nomor.sort_unstable();
        if nomor != (1..=9).collect::<Vec<u32>>() {
            b.lapor(
                "pertanyaan",
                format!(
                    "harus tepat satu pertanyaan untuk setiap unsur 1 sampai 9 (PermenPANRB 14/2017); ada nomor {nomor:?}"
                ),
            );
        }
        for q in &x.pertanyaan {
            if q.teks.trim().is_empty() {
                b.lapor(
                    "pertanyaan.teks",
                    format!("pertanyaan unsur {} kosong", q.nomor),
                );
            }
            let label: Vec<String> = q.label.iter().map(|l| l.trim().to_lowercase()).collect();
            if label.iter().any(String::is_empty) {
                b.lapor(
                    "pertanyaan.label",
                    format!("unsur {}: keempat jawaban wajib diisi", q.nomor),
                );
            } else if label.iter().collect::<HashSet<_>>().len() < 4 {
                b.lapor(
                    "pertanyaan.label",
                    format!(
                        "unsur {}: jawaban ganda; keempat jawaban harus berbeda",
                        q.nomor
                    ),
                );
            }
        }
    }
    for (i, x) in data.laporan.iter().enumerate() {
        let mut b = p.di("laporan", i, Some(&x.id));
        b.rujuk("instansi", &r.instansi, &x.instansi, "instansi");
        if let Some(ttd) = &x.penandatangan {
            b.rujuk("penandatangan", &r.pejabat, ttd, "pejabat");
        }
        for a in &x.analisis {
            b.rujuk("analisis.sasaran", &r.sasaran, &a.sasaran, "sasaran");
        }
    }
    for (i, x) in data.tercatat.iter().enumerate() {
        let ada = match &x.subjek {
            Subjek::Instansi | Subjek::Belanja(_) | Subjek::Label(_) => true,
            Subjek::Sasaran(s) => r.sasaran.contains(s),
            Subjek::Indikator(ind) => r.indikator.contains_key(ind),
            Subjek::Program(g) => r.program.contains(g),
            Subjek::Kegiatan(g) => r.kegiatan.contains(g),
            Subjek::SubKegiatan(g) => r.sub_kegiatan.contains(g),
            Subjek::Survei(s) => r.survei.contains(s),
            Subjek::UnsurSkm { survei: s, nomor } => data
                .skm
                .iter()
                .any(|x| &x.id == s && x.unsur.iter().any(|u| u.nomor == *nomor)),
        };
        if !ada {
            p.di("tercatat", i, None)
                .lapor("subjek", format!("merujuk {:?} yang tidak ada", x.subjek));
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::id::*;
    use crate::model::*;
    use crate::uji::mumbulsari;

    fn rtl(id: &str, survei: &str, unsur: u32) -> TindakLanjutSkm {
        TindakLanjutSkm {
            id: TindakLanjutId::new(id).unwrap(),
            survei: SurveiId::new(survei).unwrap(),
            unsur,
            kegiatan: "Kotak pengaduan daring".into(),
            jadwal: "Triwulan I 2021".into(),
            penanggung_jawab: "Seksi Pelayanan Umum".into(),
            status: StatusTindakLanjut::Rencana,
            hasil: None,
        }
    }

    /// A survey of `regime` listing `unsur` unsur (none: the regime's list applies).
    fn survei(id: &str, regime: &str, unsur: u32) -> SurveiSkm {
        SurveiSkm {
            id: SurveiId::new(id).unwrap(),
            instansi: InstansiId::new("mumbulsari").unwrap(),
            tahun: crate::uji::tahun(2020),
            regime: regime.into(),
            indikator: None,
            responden: None,
            populasi: None,
            unsur: (1..=unsur)
                .map(|nomor| UnsurSkm {
                    nomor,
                    nama: format!("Unsur {nomor}"),
                    jumlah: Some([0, 0, 1, 0]),
                    distribusi: None,
                })
                .collect(),
            catatan: None,
        }
    }

    #[test]
    fn a_follow_up_names_a_survey_and_one_of_its_unsur() {
        let mut d = mumbulsari();
        // A survey listing its 14 unsur (KepmenPAN 25/2004): 14 is the last one.
        d.skm.push(survei("skm-2020", "kepmenpan-25-2004", 14));
        let survei = "skm-2020";
        d.tindak_lanjut_skm = vec![
            rtl("a", survei, 14),
            rtl("b", survei, 15),
            rtl("c", "tidak-ada", 1),
            rtl("a", survei, 1),
        ];
        let p: Vec<String> = super::super::periksa(&d)
            .iter()
            .map(|p| p.to_string())
            .collect();
        assert_eq!(
            p,
            [
                "[[tindak_lanjut_skm]] ke-4 (id \"a\"), medan `id`: id ganda: sudah dipakai oleh [[tindak_lanjut_skm]] ke-1".to_string(),
                format!("[[tindak_lanjut_skm]] ke-2 (id \"b\"), medan `unsur`: survei \"{survei}\" tidak memiliki unsur nomor 15"),
                "[[tindak_lanjut_skm]] ke-3 (id \"c\"), medan `survei`: merujuk skm \"tidak-ada\" yang tidak ada".to_string(),
            ],
        );
    }

    #[test]
    fn a_survey_without_its_unsur_list_allows_its_regimes_count() {
        let mut d = mumbulsari();
        d.skm.push(survei("skm-2017", "permenpanrb-14-2017", 0));
        d.tindak_lanjut_skm = vec![rtl("a", "skm-2017", 9), rtl("b", "skm-2017", 10)];
        let p: Vec<String> = super::super::periksa(&d)
            .iter()
            .map(|p| p.to_string())
            .collect();
        assert_eq!(p.len(), 1, "{p:?}");
        assert!(p[0].contains("tidak memiliki unsur nomor 10"), "{p:?}");
    }
}
