//! The data element part of the realisasi form: a field per data element and period
//! (`d.{elemen}.{periode}`), the raw counts formula indicators are computed from.

use crate::bantu::{instansi_utama, kunci_periode};
use crate::isian::Masukan;
use kinerja_core::id::DataElemenId;
use kinerja_core::model::{DataInstansi, NilaiData};
use kinerja_core::waktu::{Periode, Tahun};
use std::collections::HashMap;

/// `d.{elemen}.{periode}`.
pub fn medan_data(elemen: &DataElemenId, p: Periode) -> String {
    format!("d.{}.{}", elemen.as_str(), kunci_periode(p))
}

pub(crate) struct BarisElemen {
    pub id: String,
    pub uraian: String,
    pub satuan: Option<String>,
    pub masukan: Vec<Masukan>,
}

/// The rows of the data element table: each element's stored value per period, or the value
/// just posted; a field of an approved period (or for a reader) is read-only.
pub(crate) fn baris(
    data: &DataInstansi,
    tahun: Tahun,
    kolom: &[Periode],
    diisi: &HashMap<&str, &str>,
    galat: &HashMap<&str, &str>,
    terkunci: &dyn Fn(Periode) -> bool,
    label_medan: &mut HashMap<String, String>,
) -> Vec<BarisElemen> {
    let Some(instansi) = instansi_utama(data).map(|i| &i.id) else {
        return Vec::new();
    };
    data.data_elemen
        .iter()
        .map(|e| BarisElemen {
            id: e.id.to_string(),
            uraian: e.uraian.clone(),
            satuan: e.satuan.clone(),
            masukan: kolom
                .iter()
                .map(|&p| {
                    let nama = medan_data(&e.id, p);
                    let tersimpan = data
                        .nilai_data
                        .iter()
                        .find(|x| {
                            x.elemen == e.id
                                && &x.instansi == instansi
                                && x.tahun == tahun
                                && x.periode == p
                        })
                        .map(|x| kinerja_core::serde_angka::teks(x.nilai));
                    let label = format!("{} – {}", p.label(), e.uraian);
                    label_medan.insert(nama.clone(), label.clone());
                    Masukan {
                        galat: galat.get(nama.as_str()).map(|s| crate::isian::pesan_sel(s)),
                        nilai: diisi
                            .get(nama.as_str())
                            .map(|s| s.to_string())
                            .or(tersimpan)
                            .unwrap_or_default(),
                        nama,
                        label,
                        kunci: terkunci(p),
                    }
                })
                .collect(),
        })
        .collect()
}

/// The posted data element values onto `d` (for the preview of the capaian they give);
/// values that do not parse are left out (the server reports them), an empty field changes
/// nothing.
pub(crate) fn terapkan(d: &mut DataInstansi, tahun: Tahun, isian: &[(String, String)]) {
    let Some(instansi) = instansi_utama(d).map(|i| i.id.clone()) else {
        return;
    };
    for (k, v) in isian {
        let Some(crate::Medan::Data { elemen, periode }) = crate::Medan::parse(k) else {
            continue;
        };
        let Ok(nilai) = kinerja_core::angka::parse_angka(v) else {
            continue;
        };
        match d.nilai_data.iter_mut().find(|x| {
            x.elemen == elemen && x.instansi == instansi && x.tahun == tahun && x.periode == periode
        }) {
            Some(x) => x.nilai = nilai,
            None => d.nilai_data.push(NilaiData {
                elemen,
                instansi: instansi.clone(),
                tahun,
                periode,
                nilai,
                sumber: None,
                catatan: None,
            }),
        }
    }
}
