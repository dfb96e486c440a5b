//! The workflow of a year's evaluation: draft → diajukan (the OPD submits) → dievaluasi (the
//! evaluator is done) → final (locked by the store, `Galat::EvaluasiTerkunci`). Who may take a
//! step is the web's role policy (`kinerja_web::akun::boleh`); here: which step follows from
//! which stage, and which party may answer at which stage. The result is written through
//! `Toko::langkah_evaluasi`, which audits the stage row (with the reason of a reopening).
//!
//! Decisions (the regulation leaves the workflow to the evaluator):
//! - the OPD answers only in `Draft`; the evaluator in `Diajukan` and `Dievaluasi` (it may
//!   still correct an answer before finalising); nobody in `Final`;
//! - submitting needs at least one OPD answer of the year (an empty self-assessment is not a
//!   submission); unanswered criteria stay visible on the evaluator's page;
//! - reopening (`Buka`) moves one stage back and needs a reason; it is the administrator's.

use crate::skor::Pihak;
use kinerja_core::model::{DataInstansi, StatusEvaluasi, TahapEvaluasi, tahap_evaluasi};
use kinerja_core::waktu::Tahun;

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Langkah {
    /// The OPD submits its self-assessment.
    Ajukan,
    /// The evaluator has answered.
    Selesai,
    /// The evaluator finalises: the year's answers are locked.
    Finalkan,
    /// One stage back, with a reason.
    Buka,
}

impl Langkah {
    pub fn dari_nama(s: &str) -> Option<Langkah> {
        Some(match s {
            "ajukan" => Langkah::Ajukan,
            "selesai" => Langkah::Selesai,
            "finalkan" => Langkah::Finalkan,
            "buka" => Langkah::Buka,
            _ => return None,
        })
    }
}

/// Whether `pihak` may answer at stage `t`.
pub fn boleh_jawab(t: TahapEvaluasi, pihak: Pihak) -> bool {
    match pihak {
        Pihak::Opd => t == TahapEvaluasi::Draft,
        Pihak::Evaluator => matches!(t, TahapEvaluasi::Diajukan | TahapEvaluasi::Dievaluasi),
    }
}

/// `data` with `tahun`'s stage moved by `langkah`, or why the step does not follow.
pub fn langkah(
    data: &DataInstansi,
    tahun: Tahun,
    langkah: Langkah,
    alasan: Option<&str>,
) -> Result<DataInstansi, String> {
    use TahapEvaluasi::*;
    let kini = tahap_evaluasi(data, tahun);
    let alasan = alasan.map(str::trim).filter(|a| !a.is_empty());
    let baru = match (langkah, kini) {
        (Langkah::Ajukan, Draft) => {
            let dijawab = data
                .jawaban_evaluasi
                .iter()
                .any(|j| j.tahun == tahun && j.opd.is_some());
            if !dijawab {
                return Err(format!(
                    "belum ada jawaban OPD untuk evaluasi tahun {}: isi penilaian mandiri dahulu",
                    tahun.get()
                ));
            }
            Diajukan
        }
        (Langkah::Selesai, Diajukan) => Dievaluasi,
        (Langkah::Finalkan, Dievaluasi) => Final,
        (Langkah::Buka, Draft) => {
            return Err(format!(
                "evaluasi tahun {} masih draf: tidak ada yang dibuka",
                tahun.get()
            ));
        }
        (Langkah::Buka, t) => {
            if alasan.is_none() {
                return Err("tulis alasan membuka kembali evaluasi".into());
            }
            match t {
                Final => Dievaluasi,
                Dievaluasi => Diajukan,
                _ => Draft,
            }
        }
        (l, t) => {
            return Err(format!(
                "langkah {} tidak berlaku untuk evaluasi tahun {} yang berstatus \"{}\"",
                match l {
                    Langkah::Ajukan => "ajukan",
                    Langkah::Selesai => "selesai dievaluasi",
                    Langkah::Finalkan => "finalkan",
                    Langkah::Buka => "buka",
                },
                tahun.get(),
                t.label()
            ));
        }
    };
    let mut d = data.clone();
    let s = StatusEvaluasi {
        tahun,
        tahap: baru,
        // A reopening records its reason; a forward step keeps the last one (the audit trail
        // has every earlier value).
        alasan: match langkah {
            Langkah::Buka => alasan.map(str::to_string),
            _ => d
                .status_evaluasi
                .iter()
                .find(|s| s.tahun == tahun)
                .and_then(|s| s.alasan.clone()),
        },
    };
    match d.status_evaluasi.iter_mut().find(|s| s.tahun == tahun) {
        Some(x) => *x = s,
        None => d.status_evaluasi.push(s),
    }
    Ok(d)
}

#[cfg(test)]
mod tests {
    use super::*;
    use kinerja_core::model::{JawabanEvaluasi, Penilaian};

    fn th() -> Tahun {
        Tahun::new(2020).unwrap()
    }

    #[test]
    fn the_stages_follow_in_order_and_a_reopening_needs_a_reason() {
        let mut d = DataInstansi::default();
        let e = langkah(&d, th(), Langkah::Ajukan, None).unwrap_err();
        assert!(e.contains("belum ada jawaban OPD"), "{e}");
        d.jawaban_evaluasi.push(JawabanEvaluasi {
            tahun: th(),
            kriteria: "1.a.1".into(),
            opd: Some(Penilaian {
                jawaban: "Y".into(),
                catatan: None,
                bukti: vec![],
                usulan: None,
            }),
            evaluator: None,
            rekomendasi: None,
            tindak_lanjut: None,
        });
        assert!(langkah(&d, th(), Langkah::Finalkan, None).is_err());
        let d = langkah(&d, th(), Langkah::Ajukan, None).unwrap();
        assert_eq!(tahap_evaluasi(&d, th()), TahapEvaluasi::Diajukan);
        assert!(!boleh_jawab(TahapEvaluasi::Diajukan, Pihak::Opd));
        assert!(boleh_jawab(TahapEvaluasi::Diajukan, Pihak::Evaluator));
        let d = langkah(&d, th(), Langkah::Selesai, None).unwrap();
        let d = langkah(&d, th(), Langkah::Finalkan, None).unwrap();
        assert_eq!(tahap_evaluasi(&d, th()), TahapEvaluasi::Final);
        assert!(!boleh_jawab(TahapEvaluasi::Final, Pihak::Evaluator));
        assert_eq!(
            langkah(&d, th(), Langkah::Buka, Some("  ")).unwrap_err(),
            "tulis alasan membuka kembali evaluasi"
        );
        let d = langkah(&d, th(), Langkah::Buka, Some("salah ketik 2.a.1")).unwrap();
        assert_eq!(d.status_evaluasi.len(), 1);
        assert_eq!(d.status_evaluasi[0].tahap, TahapEvaluasi::Dievaluasi);
        assert_eq!(
            d.status_evaluasi[0].alasan.as_deref(),
            Some("salah ketik 2.a.1")
        );
        // Another year is untouched: still a draft.
        assert_eq!(
            tahap_evaluasi(&d, Tahun::new(2021).unwrap()),
            TahapEvaluasi::Draft
        );
    }
}
