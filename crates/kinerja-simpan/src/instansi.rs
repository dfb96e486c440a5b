//! The instansi the database knows (global, shared by every data set naming them), and which of
//! them report. Both lists are read under the common generation (`generasi`).

use crate::{Galat, Toko, generasi, tulis};
use kinerja_core::id::InstansiId;
use kinerja_core::model::{Instansi, JenisInstansi};
use std::collections::{HashMap, HashSet};

impl Toko {
    /// Every instansi known to the database, parents before children, then by name.
    pub async fn daftar_instansi(&self) -> Result<Vec<Instansi>, Galat> {
        let b = generasi::dalam_umum(self.kolam.ambil(
            "SELECT id, nama, jenis, induk, kode, alamat, catatan FROM instansi ORDER BY id",
            vec![],
        ))
        .await?;
        let semua = b
            .iter()
            .map(tulis::instansi_dari)
            .collect::<Result<Vec<_>, _>>()?;
        Ok(urut_hierarki(semua))
    }

    /// The instansi that have a data set of their own (they report).
    pub async fn daftar_pelapor(&self) -> Result<Vec<InstansiId>, Galat> {
        let b = generasi::dalam_umum(self.kolam.ambil(
            "SELECT DISTINCT pelapor FROM cakupan ORDER BY pelapor",
            vec![],
        ))
        .await?;
        b.iter()
            .map(|r| {
                let s = r.teks(0)?;
                InstansiId::new(s).map_err(|e| Galat::Rusak(e.to_string()))
            })
            .collect()
    }
}

/// Parents before their children (depth first), siblings by name; orphans (parent unknown here)
/// are roots.
fn urut_hierarki(semua: Vec<Instansi>) -> Vec<Instansi> {
    let ids: HashSet<&InstansiId> = semua.iter().map(|i| &i.id).collect();
    let mut anak: HashMap<Option<&InstansiId>, Vec<&Instansi>> = HashMap::new();
    for i in &semua {
        let induk = i.induk.as_ref().filter(|p| ids.contains(p));
        anak.entry(induk).or_default().push(i);
    }
    for v in anak.values_mut() {
        v.sort_by(|a, b| {
            peringkat(a.jenis)
                .cmp(&peringkat(b.jenis))
                .then(a.nama.cmp(&b.nama))
        });
    }
    let mut hasil = Vec::with_capacity(semua.len());
    fn jalan<'a>(
        induk: Option<&'a InstansiId>,
        anak: &HashMap<Option<&'a InstansiId>, Vec<&'a Instansi>>,
        hasil: &mut Vec<Instansi>,
    ) {
        for i in anak.get(&induk).into_iter().flatten() {
            hasil.push((*i).clone());
            jalan(Some(&i.id), anak, hasil);
        }
    }
    jalan(None, &anak, &mut hasil);
    hasil
}

fn peringkat(j: JenisInstansi) -> u8 {
    match j {
        JenisInstansi::Kementerian => 0,
        JenisInstansi::Provinsi => 1,
        JenisInstansi::Kabupaten | JenisInstansi::Kota => 2,
        JenisInstansi::Opd => 3,
        JenisInstansi::Kecamatan => 4,
        JenisInstansi::Kelurahan | JenisInstansi::Desa => 5,
        JenisInstansi::Unit => 6,
    }
}
