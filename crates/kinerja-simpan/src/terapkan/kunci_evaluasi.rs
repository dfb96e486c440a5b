//! The lock of a final Evaluasi AKIP, whatever the door (web, `kinerja jawab`, a file import):
//! while a year's evaluation is `final` (before the write and still after it), none of that
//! year's answers may be added, changed or removed. The follow-up of a recommendation
//! (`tindak_lanjut`) is exempt: it is written the next year, on the final year's rows.
//!
//! The stage itself (`status_evaluasi`) moves through its workflow steps (`Toko::langkah_evaluasi`,
//! which the web calls after its role policy) or by an actor with every right (an administrator
//! or the command line: an import or a restore); any other write that changes it is refused, so
//! an operator cannot finalise or reopen a year by uploading a file.

use crate::rekaman::Rekaman;
use crate::{Galat, Hak, Pelaku};
use kinerja_core::model::{DataInstansi, TahapEvaluasi};
use serde_json::Value;
use std::collections::HashSet;

pub(super) struct KunciEvaluasi {
    /// Years final before the write and after it.
    tahun: HashSet<i64>,
    /// The write is a workflow step (or by an actor with every right): the stage may change.
    boleh_tahap: bool,
}

fn tahun_final<'a>(s: impl Iterator<Item = (i64, TahapEvaluasi)> + 'a) -> HashSet<i64> {
    s.filter(|(_, t)| *t == TahapEvaluasi::Final)
        .map(|(th, _)| th)
        .collect()
}

impl KunciEvaluasi {
    pub(super) fn dari(
        lama: &[Rekaman],
        baru: &DataInstansi,
        pelaku: &Pelaku,
        langkah: bool,
    ) -> KunciEvaluasi {
        let sebelum = tahun_final(
            lama.iter()
                .filter(|r| r.tabel == "status_evaluasi")
                .filter_map(|r| {
                    let th = r.isi.get("tahun")?.as_i64()?;
                    let t = serde_json::from_value(r.isi.get("tahap")?.clone()).ok()?;
                    Some((th, t))
                }),
        );
        let sesudah = tahun_final(
            baru.status_evaluasi
                .iter()
                .map(|s| (i64::from(s.tahun.get()), s.tahap)),
        );
        KunciEvaluasi {
            tahun: sebelum.intersection(&sesudah).copied().collect(),
            boleh_tahap: langkah || pelaku.hak == Hak::Semua,
        }
    }

    /// Refuses the change of `lama` into `baru` (either absent: added or removed) when the lock
    /// holds it.
    pub(super) fn periksa(
        &self,
        lama: Option<&Rekaman>,
        baru: Option<&Rekaman>,
    ) -> Result<(), Galat> {
        let r = baru.or(lama).expect("a change has a record");
        let tahun = r.isi.get("tahun").and_then(Value::as_i64).unwrap_or(0);
        match r.tabel.as_str() {
            "status_evaluasi" if !self.boleh_tahap => Err(Galat::EvaluasiTerkunci(format!(
                "tahap evaluasi AKIP tahun {tahun} hanya berubah melalui langkah alurnya \
                 (diajukan OPD, dievaluasi dan final oleh evaluator, dibuka kembali oleh admin)"
            ))),
            "jawaban_evaluasi" if self.tahun.contains(&tahun) => {
                let sama = match (lama, baru) {
                    (Some(l), Some(b)) => {
                        tanpa_tindak_lanjut(&l.isi) == tanpa_tindak_lanjut(&b.isi)
                    }
                    _ => false,
                };
                if sama {
                    return Ok(());
                }
                Err(Galat::EvaluasiTerkunci(format!(
                    "evaluasi AKIP tahun {tahun} sudah final: jawaban kriteria {} tidak dapat \
                     diubah; admin dapat membukanya kembali dengan alasan",
                    r.isi.get("kriteria").and_then(Value::as_str).unwrap_or("?")
                )))
            }
            _ => Ok(()),
        }
    }
}

fn tanpa_tindak_lanjut(isi: &Value) -> Value {
    let mut v = isi.clone();
    if let Value::Object(o) = &mut v {
        o.remove("tindak_lanjut");
    }
    v
}

#[cfg(test)]
mod tests {
    use crate::tests::{contoh, id, pelaku};
    use crate::uji::semua_basis;
    use crate::{GagalUbah, Galat, Hak, ModeImpor, Pelaku, Toko};
    use kinerja_core::model::*;
    use kinerja_core::waktu::Tahun;

    fn jawaban(th: u16, kriteria: &str, kode: &str) -> JawabanEvaluasi {
        JawabanEvaluasi {
            tahun: Tahun::new(i64::from(th)).unwrap(),
            kriteria: kriteria.into(),
            opd: Some(Penilaian {
                jawaban: kode.into(),
                catatan: None,
                bukti: vec![],
                usulan: None,
            }),
            evaluator: None,
            rekomendasi: Some("lengkapi".into()),
            tindak_lanjut: None,
        }
    }

    fn tahap(d: &mut DataInstansi, th: u16, t: TahapEvaluasi) {
        d.status_evaluasi.retain(|s| s.tahun.get() != th);
        d.status_evaluasi.push(StatusEvaluasi {
            tahun: Tahun::new(i64::from(th)).unwrap(),
            tahap: t,
            alasan: None,
        });
    }

    fn operator() -> Pelaku {
        Pelaku {
            pengguna: "operator".into(),
            sumber: "web".into(),
            hak: Hak::Instansi(vec![id("mumbulsari")]),
        }
    }

    /// A final year's answers refuse every change whatever the door (a write of the data, an
    /// import), except a recommendation's follow-up; another year's answers stay open; an
    /// operator moves the stage only through a workflow step; an actor with every right (the
    /// command line, an administrator) reopens.
    #[tokio::test]
    async fn a_final_evaluation_locks_its_years_answers_whatever_the_door() {
        let m = id("mumbulsari");
        for b in semua_basis().await {
            let toko = Toko::buka(&b.url).await.unwrap();
            let mut d = contoh();
            d.jawaban_evaluasi = vec![jawaban(2020, "1.a.1", "Y"), jawaban(2021, "1.a.1", "T")];
            toko.impor(&d, None, ModeImpor::Gabung, &pelaku())
                .await
                .unwrap();

            // An operator's write cannot move the stage outside the workflow.
            let e = toko
                .ubah_data(&m, &operator(), |x| {
                    let mut x = x.clone();
                    tahap(&mut x, 2020, TahapEvaluasi::Final);
                    Ok::<_, ()>(x)
                })
                .await
                .unwrap_err();
            assert!(
                matches!(e, GagalUbah::Toko(Galat::EvaluasiTerkunci(_))),
                "{}: {e:?}",
                b.nama
            );
            // A workflow step may.
            toko.langkah_evaluasi(&m, &operator(), |x| {
                let mut x = x.clone();
                tahap(&mut x, 2020, TahapEvaluasi::Final);
                Ok::<_, ()>(x)
            })
            .await
            .unwrap();

            let ubah = |f: fn(&mut DataInstansi)| {
                let toko = toko.clone();
                let m = m.clone();
                async move {
                    toko.ubah_data(&m, &operator(), |x| {
                        let mut x = x.clone();
                        f(&mut x);
                        Ok::<_, ()>(x)
                    })
                    .await
                }
            };
            for (apa, f) in [
                (
                    "ubah",
                    (|x: &mut DataInstansi| {
                        x.jawaban_evaluasi[0].opd.as_mut().unwrap().jawaban = "T".into()
                    }) as fn(&mut DataInstansi),
                ),
                ("hapus", |x: &mut DataInstansi| {
                    x.jawaban_evaluasi.remove(0);
                }),
                ("tambah", |x: &mut DataInstansi| {
                    x.jawaban_evaluasi.push(jawaban(2020, "1.a.2", "Y"))
                }),
            ] {
                let e = ubah(f).await.unwrap_err();
                assert!(
                    matches!(&e, GagalUbah::Toko(Galat::EvaluasiTerkunci(m)) if m.contains("tahun 2020")),
                    "{} {apa}: {e:?}",
                    b.nama
                );
            }
            // An import is refused too.
            let mut berkas = toko.muat(&m).await.unwrap();
            berkas.jawaban_evaluasi[0].rekomendasi = None;
            let e = toko
                .impor(&berkas, None, ModeImpor::Gabung, &operator())
                .await
                .unwrap_err();
            assert!(matches!(e, Galat::EvaluasiTerkunci(_)), "{e}");

            // The follow-up of a final year's recommendation, and another year, stay open.
            ubah(|x| {
                x.jawaban_evaluasi[0].tindak_lanjut = Some(TindakLanjut {
                    status: StatusTindakLanjut::Selesai,
                    uraian: None,
                })
            })
            .await
            .expect("a follow-up is written the next year");
            ubah(|x| x.jawaban_evaluasi[1].opd.as_mut().unwrap().jawaban = "Y".into())
                .await
                .expect("2021 is not final");

            // The command line (every right) reopens and changes in one write.
            toko.ubah_data(&m, &pelaku(), |x| {
                let mut x = x.clone();
                tahap(&mut x, 2020, TahapEvaluasi::Dievaluasi);
                x.jawaban_evaluasi[0].opd.as_mut().unwrap().jawaban = "T".into();
                Ok::<_, ()>(x)
            })
            .await
            .expect("an administrator reopens");
            let d = toko.muat(&m).await.unwrap();
            assert_eq!(d.jawaban_evaluasi[0].opd.as_ref().unwrap().jawaban, "T");
            toko.tutup().await;
            b.selesai().await;
        }
    }
}
