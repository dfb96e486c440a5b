//! Loading a data file's content into the store, through `Toko::terapkan`.

use crate::rekaman::{self, Rekaman};
use crate::{Galat, Pelaku, Ringkasan, Toko};
use kinerja_core::id::InstansiId;
use kinerja_core::model::DataInstansi;
use serde_json::Value;
use std::collections::HashMap;

/// What an import does with records that exist in the database but not in the file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ModeImpor {
    /// Add new records, update changed ones, keep the rest (data entered elsewhere survives).
    Gabung,
    /// The file is the whole data set: records missing from it are deleted (each deletion is in
    /// the audit trail with its old value).
    Ganti,
}

impl Toko {
    /// Loads a data file's content. The reporting instansi is the one its documents name, or
    /// `pelapor` when given (it must then be one of the file's instansi).
    pub async fn impor(
        &self,
        data: &DataInstansi,
        pelapor: Option<&InstansiId>,
        mode: ModeImpor,
        pelaku: &Pelaku,
    ) -> Result<(InstansiId, Ringkasan), Galat> {
        let p = tentukan_pelapor(data, pelapor)?;
        let baru = rekaman::pecah(data);
        let ringkasan = self
            .terapkan(&p, pelaku, |lama| match mode {
                ModeImpor::Ganti => Ok(baru),
                ModeImpor::Gabung => Ok(gabung(lama, baru)),
            })
            .await?;
        Ok((p, ringkasan))
    }
}

/// One record an import would add, change or remove.
#[derive(Debug, Clone, PartialEq)]
pub struct Beda {
    pub tabel: String,
    pub kunci: String,
    /// "tambah", "ubah" or "hapus", as the audit trail names them.
    pub aksi: &'static str,
    pub lama: Option<Value>,
    pub baru: Option<Value>,
}

/// What importing `berkas` into the stored data set `tersimpan` with `mode` would do, record
/// by record, in table order; the same merge and the same keys as [`Toko::impor`], without
/// writing. The data set the import would leave is returned too, for the caller to validate
/// (`kinerja_core::validasi::periksa`) before offering to apply it.
pub fn pratinjau_impor(
    tersimpan: &DataInstansi,
    berkas: &DataInstansi,
    mode: ModeImpor,
) -> Result<(Vec<Beda>, DataInstansi), serde_json::Error> {
    let lama = rekaman::pecah(tersimpan);
    let baru = rekaman::pecah(berkas);
    let hasil = match mode {
        ModeImpor::Ganti => baru,
        ModeImpor::Gabung => gabung(lama.clone(), baru),
    };
    let data = rekaman::rakit(hasil)?;
    let hasil = rekaman::pecah(&data);
    let kunci = |r: &Rekaman| (r.tabel.clone(), r.kunci.clone());
    let per_kunci: HashMap<(String, String), &Rekaman> =
        lama.iter().map(|r| (kunci(r), r)).collect();
    let mut beda = Vec::new();
    for r in &hasil {
        match per_kunci.get(&kunci(r)) {
            Some(l) if l.isi == r.isi => {}
            l => beda.push(Beda {
                tabel: r.tabel.clone(),
                kunci: r.kunci.clone(),
                aksi: if l.is_some() { "ubah" } else { "tambah" },
                lama: l.map(|l| l.isi.clone()),
                baru: Some(r.isi.clone()),
            }),
        }
    }
    let ada: std::collections::HashSet<(String, String)> = hasil.iter().map(kunci).collect();
    for l in lama.iter().filter(|l| !ada.contains(&kunci(l))) {
        beda.push(Beda {
            tabel: l.tabel.clone(),
            kunci: l.kunci.clone(),
            aksi: "hapus",
            lama: Some(l.isi.clone()),
            baru: None,
        });
    }
    Ok((beda, data))
}

pub(crate) fn tentukan_pelapor(
    data: &DataInstansi,
    diminta: Option<&InstansiId>,
) -> Result<InstansiId, Galat> {
    if let Some(p) = diminta {
        if !data.instansi.iter().any(|i| &i.id == p) {
            return Err(Galat::Pelapor(format!(
                "instansi \"{p}\" tidak ada di antara [[instansi]] data ini"
            )));
        }
        return Ok(p.clone());
    }
    rekaman::pelapor(data).map_err(|calon| {
        if calon.is_empty() {
            Galat::Pelapor(
                "data tidak menyebut instansi pelapor (tidak ada Renstra, RKT, PK, IKU, SKM atau laporan): \
                 sebutkan dengan --instansi"
                    .into(),
            )
        } else {
            let nama: Vec<String> = calon.iter().map(|c| format!("\"{c}\"")).collect();
            Galat::Pelapor(format!(
                "dokumen data ini menyebut lebih dari satu instansi ({}): pilih dengan --instansi",
                nama.join(", ")
            ))
        }
    })
}

/// Records of `baru` replace those with the same key in `lama`, in place; new ones go to the end
/// of their table.
pub(crate) fn gabung(lama: Vec<Rekaman>, baru: Vec<Rekaman>) -> Vec<Rekaman> {
    let mut hasil = lama;
    let posisi: HashMap<(String, String), usize> = hasil
        .iter()
        .enumerate()
        .map(|(i, r)| ((r.tabel.clone(), r.kunci.clone()), i))
        .collect();
    for r in baru {
        match posisi.get(&(r.tabel.clone(), r.kunci.clone())) {
            Some(&i) => hasil[i] = r,
            None => hasil.push(r),
        }
    }
    hasil
}

#[cfg(test)]
mod tests {
    use super::tentukan_pelapor;
    use crate::tests::{contoh, id};

    #[test]
    fn the_reporting_instansi_must_be_clear() {
        let mut d = contoh();
        d.laporan[0].instansi = id("jember");
        let e = tentukan_pelapor(&d, None).unwrap_err().to_string();
        assert!(e.contains("\"jember\", \"mumbulsari\""), "{e}");
        assert_eq!(
            tentukan_pelapor(&d, Some(&id("mumbulsari"))).unwrap(),
            id("mumbulsari")
        );
        let e = tentukan_pelapor(&d, Some(&id("bondowoso")))
            .unwrap_err()
            .to_string();
        assert!(e.contains("bondowoso"), "{e}");
    }
}
