//! The pohon kinerja's targets and indicators: a node's target beside its Perjanjian Kinerja
//! target (`POHON-TARGET-PK`), one indicator code with one satuan (`POHON-SATUAN`), and the
//! children's targets of an additive indicator against the parent's (`POHON-TARGET-ANAK`).

use super::{Pemda, angka, lok, normal};
use crate::{Temuan, Tingkat};
use kinerja_core::id::SimpulId;
use kinerja_core::model::*;
use kinerja_core::nilai::Bentuk;
use rust_decimal::Decimal;
use std::collections::{BTreeMap, HashMap};

impl Pemda<'_> {
    pub(super) fn target_pk(&mut self, simpul: &[&SimpulPohon]) {
        for s in simpul {
            let Some(m) = &s.pemilik else {
                continue;
            };
            let Some(d) = self.data_milik(&m.instansi) else {
                continue;
            };
            for ind in &s.indikator {
                let (Some(id), Some(t)) = (&ind.indikator, &ind.target) else {
                    continue;
                };
                let Some(pk) = d.target.iter().find(|x| {
                    &x.indikator == id
                        && x.tahun == self.tahun
                        && x.dokumen == DokumenTarget::PerjanjianKinerja
                }) else {
                    continue;
                };
                let sama = match (t.bentuk(), pk.nilai.bentuk()) {
                    (Bentuk::Angka { nilai: a, .. }, Bentuk::Angka { nilai: b, .. }) => a == b,
                    (
                        Bentuk::Rentang {
                            bawah: a, atas: b, ..
                        },
                        Bentuk::Rentang {
                            bawah: c, atas: e, ..
                        },
                    ) => a == c && b == e,
                    _ => normal(t.teks()) == normal(pk.nilai.teks()),
                };
                if sama {
                    continue;
                }
                let pesan = format!(
                    "target indikator \"{}\" pada simpul \"{}\" adalah {}, sedangkan Perjanjian Kinerja {} {} menargetkan {}",
                    ind.uraian,
                    s.uraian,
                    t,
                    self.nama_instansi(&m.instansi),
                    self.tahun,
                    pk.nilai
                );
                self.tambah(
                    "POHON-TARGET-PK",
                    Tingkat::Peringatan,
                    self.lok_simpul(s),
                    format!("{}|{id}", s.id),
                    pesan,
                );
            }
        }
    }

    pub(super) fn satuan(&mut self, simpul: &[&SimpulPohon]) {
        // Per code: each distinct satuan (normalised) with the first node and level using it.
        let mut per_kode: BTreeMap<&str, Vec<(String, &SimpulPohon, &IndikatorSimpul)>> =
            BTreeMap::new();
        for s in simpul {
            for ind in &s.indikator {
                let Some(kode) = ind.kode.as_deref() else {
                    continue;
                };
                let satuan = normal(ind.satuan.as_deref().unwrap_or(""));
                let v = per_kode.entry(kode).or_default();
                if !v.iter().any(|(x, _, _)| x == &satuan) {
                    v.push((satuan, s, ind));
                }
            }
        }
        for (kode, v) in per_kode {
            if v.len() < 2 {
                continue;
            }
            let daftar: Vec<String> = v
                .iter()
                .map(|(_, s, i)| {
                    format!(
                        "\"{}\" pada simpul \"{}\" ({})",
                        i.satuan.as_deref().unwrap_or("(tanpa satuan)"),
                        s.uraian,
                        s.tingkat.label()
                    )
                })
                .collect();
            let pesan = format!(
                "indikator berkode {kode} bersatuan berbeda: {}",
                daftar.join("; ")
            );
            let lokasi = lok(
                self.dokumen_pohon(),
                "Indikator",
                Some(v[0].2.uraian.clone()),
            );
            self.tambah(
                "POHON-SATUAN",
                Tingkat::Peringatan,
                lokasi,
                kode.to_string(),
                pesan,
            );
        }
    }

    pub(super) fn target_anak(&mut self, simpul: &[&SimpulPohon]) {
        let mut anak_dari: HashMap<&SimpulId, Vec<&SimpulPohon>> = HashMap::new();
        for s in simpul {
            if let Some(i) = &s.induk {
                anak_dari.entry(i).or_default().push(s);
            }
        }
        for induk in simpul {
            for ind in induk.indikator.iter().filter(|i| i.aditif) {
                let (Some(kode), Some(Bentuk::Angka { nilai: target, .. })) =
                    (ind.kode.as_deref(), ind.target.as_ref().map(|t| t.bentuk()))
                else {
                    continue;
                };
                let anak: Vec<&IndikatorSimpul> = anak_dari
                    .get(&induk.id)
                    .into_iter()
                    .flatten()
                    .flat_map(|s| s.indikator.iter())
                    .filter(|i| i.kode.as_deref() == Some(kode))
                    .collect();
                // Only plain numbers add up; a range or a qualitative target says nothing.
                let angka_anak: Option<Vec<Decimal>> = anak
                    .iter()
                    .map(|i| match i.target.as_ref().map(|t| t.bentuk()) {
                        Some(Bentuk::Angka { nilai, .. }) => Some(*nilai),
                        _ => None,
                    })
                    .collect();
                let Some(angka_anak) = angka_anak.filter(|v| !v.is_empty()) else {
                    continue;
                };
                let Some(jumlah) = angka_anak
                    .iter()
                    .try_fold(Decimal::ZERO, |a, b| a.checked_add(*b))
                else {
                    continue;
                };
                let kurang = match ind.polaritas {
                    Polaritas::Negatif => jumlah > *target,
                    _ => jumlah < *target,
                };
                if !kurang {
                    continue;
                }
                let arah = if ind.polaritas == Polaritas::Negatif {
                    "melebihi"
                } else {
                    "kurang dari"
                };
                let pesan = format!(
                    "jumlah target {} simpul anak untuk indikator \"{}\" ({kode}) {} {arah} target simpul induk {}",
                    angka_anak.len(),
                    ind.uraian,
                    angka(jumlah),
                    angka(*target)
                );
                let mut t = Temuan {
                    aturan: "POHON-TARGET-ANAK".into(),
                    tingkat: Tingkat::Peringatan,
                    lokasi: self.lok_simpul(induk),
                    pesan,
                    tercatat: Some(*target),
                    dihitung: Some(jumlah),
                    pembulatan: None,
                    kunci: format!("{}|{kode}", induk.id),
                    diterima: None,
                };
                t.pembulatan = Some("tanpa pembulatan (jumlah tepat)".into());
                self.out.push(t);
            }
        }
    }
}
