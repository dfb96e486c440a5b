//! The answers of an Evaluasi AKIP: one row per year and criterion, evidence that names a file
//! by a well-formed SHA-256 and evidence that names a record of the data (`tabel/id`) naming one
//! that exists, whatever the door (a file, the web, `kinerja jawab`); one stage row per year. Whether an answer is on its criterion's scale depends on the
//! worksheet, which the data does not hold: `kinerja-evaluasi` checks that when it scores.

use super::Pemeriksa;
use crate::model::*;
use std::collections::HashMap;

pub(super) fn periksa(p: &mut Pemeriksa, data: &DataInstansi) {
    let mut tahap: HashMap<u16, usize> = HashMap::new();
    for (i, x) in data.status_evaluasi.iter().enumerate() {
        if let Some(awal) = tahap.insert(x.tahun.get(), i) {
            p.di("status_evaluasi", i, None).lapor(
                "tahun",
                format!(
                    "status evaluasi ganda untuk tahun {}: sudah ada di [[status_evaluasi]] ke-{}",
                    x.tahun.get(),
                    awal + 1
                ),
            );
        }
    }
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
                // A fragment holding answers alone (no `[[instansi]]`: the CLI's `--jawaban`
                // file, which the store cannot take alone) is checked once merged with its
                // data, as every stored write and `tambah_jawaban` are.
                if let Err(pesan) = periksa_bukti(data, bukti)
                    && !data.instansi.is_empty()
                {
                    b.lapor(
                        if pihak == "opd" {
                            "opd.bukti.dokumen"
                        } else {
                            "evaluator.bukti.dokumen"
                        },
                        pesan,
                    );
                }
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

#[cfg(test)]
mod tests {
    use crate::model::*;
    use crate::waktu::Tahun;

    fn baris(kriteria: &str, sha: &str) -> JawabanEvaluasi {
        JawabanEvaluasi {
            tahun: Tahun::new(2020).unwrap(),
            kriteria: kriteria.into(),
            opd: None,
            evaluator: Some(Penilaian {
                jawaban: "BB".into(),
                catatan: None,
                bukti: vec![Bukti::Berkas {
                    nama: "pk.pdf".into(),
                    sha256: sha.into(),
                }],
                usulan: None,
            }),
            rekomendasi: None,
            tindak_lanjut: None,
        }
    }

    #[test]
    fn a_second_answer_and_a_malformed_digest_are_refused() {
        let sah = "1e349cddcc78bf5dde784a8c00edf4fc166b9da32248f07057f66e6bfebec205";
        let d = DataInstansi {
            jawaban_evaluasi: vec![
                baris("1.a.1", sah),
                baris("1.a.1", "abc"),
                baris("1.a.2", sah),
            ],
            ..Default::default()
        };
        let p: Vec<String> = crate::validasi::periksa(&d)
            .iter()
            .map(|p| p.to_string())
            .collect();
        assert_eq!(
            p,
            [
                "[[jawaban_evaluasi]] ke-2 (id \"1.a.1\"), medan `kriteria`: jawaban ganda untuk kriteria \"1.a.1\" tahun 2020: sudah ada di [[jawaban_evaluasi]] ke-1",
                "[[jawaban_evaluasi]] ke-2 (id \"1.a.1\"), medan `evaluator.bukti.sha256`: sha256 \"abc\" tidak sah: harus 64 digit heksadesimal",
            ]
        );
    }

    /// Evidence naming a record is checked against the data whatever the door (a file too):
    /// `renstra/renstra-2016` must be a Renstra of the data; a second stage row for a year is
    /// refused.
    #[test]
    fn evidence_naming_a_missing_record_and_a_second_stage_row_are_refused() {
        let mut j = baris(
            "1.a.1",
            "1e349cddcc78bf5dde784a8c00edf4fc166b9da32248f07057f66e6bfebec205",
        );
        j.evaluator.as_mut().unwrap().bukti = vec![
            Bukti::Dokumen("renstra/renstra-2016".into()),
            Bukti::Dokumen("anggaran/x".into()),
        ];
        let th = Tahun::new(2020).unwrap();
        let tahap = |t| StatusEvaluasi {
            tahun: th,
            tahap: t,
            alasan: None,
        };
        let mut d = DataInstansi {
            jawaban_evaluasi: vec![j],
            status_evaluasi: vec![tahap(TahapEvaluasi::Draft), tahap(TahapEvaluasi::Final)],
            ..Default::default()
        };
        // Answers alone (a fragment without its instansi) are checked once merged.
        assert_eq!(crate::validasi::periksa(&d).len(), 1);
        d.instansi.push(Instansi {
            id: crate::id::InstansiId::new("mumbulsari").unwrap(),
            nama: "Kecamatan Mumbulsari".into(),
            jenis: JenisInstansi::Kecamatan,
            induk: None,
            kode: None,
            alamat: None,
            catatan: None,
        });
        let p: Vec<String> = crate::validasi::periksa(&d)
            .iter()
            .map(|p| p.to_string())
            .collect();
        assert_eq!(
            p,
            [
                "[[status_evaluasi]] ke-2, medan `tahun`: status evaluasi ganda untuk tahun 2020: sudah ada di [[status_evaluasi]] ke-1",
                "[[jawaban_evaluasi]] ke-1 (id \"1.a.1\"), medan `evaluator.bukti.dokumen`: bukti \"renstra/renstra-2016\": tidak ada renstra dengan id \"renstra-2016\" dalam data",
                "[[jawaban_evaluasi]] ke-1 (id \"1.a.1\"), medan `evaluator.bukti.dokumen`: bukti \"anggaran/x\": tulis tabel/id dengan tabel renstra, rkt, perjanjian_kinerja, iku, laporan, skm",
            ]
        );
    }
}
