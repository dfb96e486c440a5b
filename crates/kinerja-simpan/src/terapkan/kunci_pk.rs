//! The lock of a signed Perjanjian Kinerja, whatever the door: a signed PK record cannot change
//! or go (except for the targets it keeps when a PK perubahan replaces it), and while the PK in
//! force of a year is signed, the year's PK targets cannot change. A PK perubahan (a new,
//! unsigned version replacing it) opens the targets again, for that new version.

use crate::Galat;
use crate::rekaman::Rekaman;
use kinerja_core::model::DataInstansi;
use serde_json::Value;
use std::collections::HashSet;

/// What the lock needs to know about the result of a write.
pub(super) struct KunciPk {
    /// Years whose PK in force is signed, before the write and after it.
    tahun: HashSet<i64>,
}

fn tahun_tertanda(data: &DataInstansi) -> HashSet<i64> {
    data.perjanjian_kinerja
        .iter()
        .filter_map(|p| data.pk_berlaku(&p.instansi, p.tahun))
        .filter(|p| p.ditandatangani)
        .map(|p| i64::from(p.tahun.get()))
        .collect()
}

impl KunciPk {
    /// `lama`: the stored records; `baru`: the written data. A year is locked when its PK in
    /// force was signed before and still is: a file bringing a signed PK with its targets, or
    /// a PK perubahan with its new targets, is one write.
    pub(super) fn dari(lama: &[Rekaman], baru: &DataInstansi) -> Result<KunciPk, Galat> {
        let pk_lama = crate::rekaman::rakit(
            lama.iter()
                .filter(|r| r.tabel == "perjanjian_kinerja")
                .cloned(),
        )
        .map_err(|e| Galat::Rusak(e.to_string()))?;
        let sebelum = tahun_tertanda(&pk_lama);
        let tahun = tahun_tertanda(baru)
            .into_iter()
            .filter(|t| sebelum.contains(t))
            .collect();
        Ok(KunciPk { tahun })
    }

    /// Refuses the change of `lama` into `baru` (either absent: added or removed) when the lock
    /// holds it.
    pub(super) fn periksa(
        &self,
        lama: Option<&Rekaman>,
        baru: Option<&Rekaman>,
    ) -> Result<(), Galat> {
        let r = baru.or(lama).expect("a change has a record");
        match r.tabel.as_str() {
            "perjanjian_kinerja" => {
                let Some(l) = lama else { return Ok(()) };
                if !tertanda(&l.isi) {
                    return Ok(());
                }
                let sama = baru.is_some_and(|b| tanpa_arsip(&b.isi) == tanpa_arsip(&l.isi));
                if sama {
                    return Ok(());
                }
                Err(Galat::PkTerkunci(format!(
                    "Perjanjian Kinerja \"{}\" sudah ditandatangani; buat PK perubahan untuk \
                     mengubahnya",
                    l.kunci
                )))
            }
            "target" => {
                let pk = |x: &Rekaman| {
                    x.isi.get("dokumen").and_then(Value::as_str) == Some("perjanjian_kinerja")
                };
                let tahun = r.isi.get("tahun").and_then(Value::as_i64).unwrap_or(0);
                if (lama.is_some_and(pk) || baru.is_some_and(pk)) && self.tahun.contains(&tahun) {
                    return Err(Galat::PkTerkunci(format!(
                        "target Perjanjian Kinerja {tahun} (indikator {}): PK-nya sudah \
                         ditandatangani; buat PK perubahan untuk mengubahnya",
                        r.isi
                            .get("indikator")
                            .and_then(Value::as_str)
                            .unwrap_or("?")
                    )));
                }
                Ok(())
            }
            _ => Ok(()),
        }
    }
}

fn tertanda(isi: &Value) -> bool {
    isi.get("ditandatangani").and_then(Value::as_bool) == Some(true)
}

fn tanpa_arsip(isi: &Value) -> Value {
    let mut v = isi.clone();
    if let Value::Object(o) = &mut v {
        o.remove("target_arsip");
    }
    v
}

#[cfg(test)]
mod tests {
    use crate::tests::{contoh, id, pelaku};
    use crate::uji::semua_basis;
    use crate::{GagalUbah, Galat, ModeImpor, Toko};
    use kinerja_core::model::{DataInstansi, DokumenTarget};
    use kinerja_core::nilai::Nilai;
    use kinerja_core::waktu::Tahun;

    fn target_pk_2020(d: &mut DataInstansi, nilai: &str) {
        for t in d
            .target
            .iter_mut()
            .filter(|t| t.dokumen == DokumenTarget::PerjanjianKinerja && t.tahun.get() == 2020)
        {
            t.nilai = Nilai::parse(nilai).unwrap();
        }
    }

    /// A file bringing a signed PK with its targets is one write; after it, the PK and its
    /// year's targets are locked through any door (here an import and `ubah_data`); a PK
    /// perubahan in the same write as new targets opens them for the new version.
    #[tokio::test]
    async fn a_signed_pk_locks_itself_and_its_years_targets() {
        let m = id("mumbulsari");
        let th = Tahun::new(2020).unwrap();
        for b in semua_basis().await {
            let toko = Toko::buka(&b.url).await.unwrap();
            let mut d = contoh();
            d.perjanjian_kinerja[0].ditandatangani = true;
            toko.impor(&d, None, ModeImpor::Gabung, &pelaku())
                .await
                .expect("a signed PK with its targets imports in one write");

            let mut ubah = d.clone();
            target_pk_2020(&mut ubah, "C");
            let e = toko
                .impor(&ubah, None, ModeImpor::Gabung, &pelaku())
                .await
                .unwrap_err();
            assert!(matches!(e, Galat::PkTerkunci(_)), "{}: {e}", b.nama);
            let mut ubah = d.clone();
            ubah.perjanjian_kinerja[0].tempat = Some("Mumbulsari".into());
            let e = toko
                .impor(&ubah, None, ModeImpor::Gabung, &pelaku())
                .await
                .unwrap_err();
            assert!(matches!(e, Galat::PkTerkunci(_)), "{e}");
            // Removing it is a change too.
            let e = toko
                .ubah_data(&m, &pelaku(), |x| {
                    let mut x = x.clone();
                    x.perjanjian_kinerja.clear();
                    x.target
                        .retain(|t| t.dokumen != DokumenTarget::PerjanjianKinerja);
                    Ok::<_, ()>(x)
                })
                .await
                .unwrap_err();
            assert!(matches!(e, GagalUbah::Toko(Galat::PkTerkunci(_))), "{e:?}");

            // A PK perubahan with its new targets, in one write: accepted; the signed version
            // keeps what it promised.
            toko.ubah_data(&m, &pelaku(), |x| {
                let mut x = x.clone();
                let mut baru = x.perjanjian_kinerja[0].clone();
                let arsip = x.perjanjian_kinerja[0]
                    .indikator
                    .iter()
                    .filter_map(|i| {
                        x.target.iter().find(|t| {
                            &t.indikator == i
                                && t.tahun == th
                                && t.dokumen == DokumenTarget::PerjanjianKinerja
                        })
                    })
                    .map(|t| kinerja_core::model::TargetArsip {
                        indikator: t.indikator.clone(),
                        nilai: t.nilai.clone(),
                    })
                    .collect();
                x.perjanjian_kinerja[0].target_arsip = arsip;
                baru.id = kinerja_core::id::PkId::new("pk-2020-perubahan-1").unwrap();
                baru.ditandatangani = false;
                baru.perubahan_dari = Some(x.perjanjian_kinerja[0].id.clone());
                x.perjanjian_kinerja.push(baru);
                target_pk_2020(&mut x, "A");
                Ok::<_, ()>(x)
            })
            .await
            .expect("a PK perubahan opens the year's targets");
            let d = toko.muat(&m).await.unwrap();
            assert_eq!(
                d.pk_berlaku(&m, th).unwrap().id.as_str(),
                "pk-2020-perubahan-1"
            );
            assert!(
                d.perjanjian_kinerja[0]
                    .target_arsip
                    .iter()
                    .all(|t| t.nilai.teks() == "B (100%)")
            );
            toko.tutup().await;
            b.selesai().await;
        }
    }
}
