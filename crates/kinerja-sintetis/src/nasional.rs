//! A synthetic nation for benchmarks at national scale (issue 14): 38 provinces, 514
//! kabupaten/kota, 40 OPD in each, every OPD a data set of `Skala::NASIONAL`: 30 sasaran
//! indicators (every third a formula over two data elements with quarterly values, rolled up as
//! a ratio of sums; the others with quarterly realisasi, rolled up as a mean), 5 years
//! (2019-2023), targets in the Renstra, PK and measurement table, 4 programs of 2 kegiatan of 2
//! sub kegiatan with two budget lines each a year, and the PK, RKT, IKU and report of each year.
//!
//! Deterministic: OPD `j` of kabupaten `k` is always the same data. Ids: province `prov-PP`,
//! kabupaten `kab-KKK`, OPD `kab-KKK-opd-JJ`; the indicators of OPD `j` are `OJJ-I...` in every
//! kabupaten (the same dinas everywhere: what a province or national roll-up groups by), its
//! data elements `OJJ-I...-p` (numerator) and `-q` (denominator).
//!
//! Kabupaten are dealt out to provinces in order, 13 or 14 each (514 = 38 x 13 + 20): real
//! provinces range from 5 to 38; the roll-up's cost depends on the number of units, not on how
//! they are spread.

use crate::{Letak, Skala, buat};
use kinerja_core::id::InstansiId;
use kinerja_core::model::{DataInstansi, Instansi, JenisInstansi};
use std::ops::Range;

pub const PROVINSI: usize = 38;
pub const KABUPATEN: usize = 514;
pub const OPD_PER_KABUPATEN: usize = 40;

/// The province kabupaten `k` belongs to.
pub fn provinsi_dari(k: usize) -> usize {
    k * PROVINSI / KABUPATEN
}

/// The kabupaten of province `p`, a range of kabupaten numbers.
pub fn kabupaten_provinsi(p: usize) -> Range<usize> {
    let awal = (0..KABUPATEN)
        .find(|&k| provinsi_dari(k) == p)
        .unwrap_or(KABUPATEN);
    let akhir = (awal..KABUPATEN)
        .find(|&k| provinsi_dari(k) != p)
        .unwrap_or(KABUPATEN);
    awal..akhir
}

fn id(s: String) -> InstansiId {
    InstansiId::new(s).expect("synthetic ids are valid")
}

pub fn id_provinsi(p: usize) -> InstansiId {
    id(format!("prov-{p:02}"))
}

pub fn id_kabupaten(k: usize) -> InstansiId {
    id(format!("kab-{k:03}"))
}

pub fn id_opd(k: usize, j: usize) -> InstansiId {
    id(format!("kab-{k:03}-opd-{j:02}"))
}

pub fn provinsi(p: usize) -> Instansi {
    Instansi {
        id: id_provinsi(p),
        nama: format!("Provinsi Sintetis {}", p + 1),
        jenis: JenisInstansi::Provinsi,
        induk: None,
        kode: Some(format!("{:02}", 11 + p)),
        alamat: None,
        catatan: None,
    }
}

/// Kabupaten `k`; every fifth is a kota.
pub fn kabupaten(k: usize) -> Instansi {
    let kota = k % 5 == 4;
    Instansi {
        id: id_kabupaten(k),
        nama: format!(
            "{} Sintetis {}",
            if kota { "Kota" } else { "Kabupaten" },
            k + 1
        ),
        jenis: if kota {
            JenisInstansi::Kota
        } else {
            JenisInstansi::Kabupaten
        },
        induk: Some(id_provinsi(provinsi_dari(k))),
        kode: Some(format!("{:02}.{:02}", 11 + provinsi_dari(k), k % 100)),
        alamat: None,
        catatan: None,
    }
}

/// The data set of OPD `j` of kabupaten `k`.
pub fn opd(k: usize, j: usize) -> DataInstansi {
    let kab = kabupaten(k);
    buat(
        &Letak {
            atas: vec![provinsi(provinsi_dari(k)), kab.clone()],
            opd: id_opd(k, j),
            nama: format!("Dinas {} {}", j + 1, kab.nama),
            awalan: format!("O{j:02}-"),
            benih: (k * OPD_PER_KABUPATEN + j) as u64,
        },
        Skala::NASIONAL,
    )
}

/// The 40 OPD data sets of kabupaten `k`.
pub fn data_kabupaten(k: usize) -> Vec<DataInstansi> {
    (0..OPD_PER_KABUPATEN).map(|j| opd(k, j)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use kinerja_core::model::{CaraWilayah, Pemilik};

    #[test]
    fn the_nation_has_its_size() {
        // 38 provinces of 13 or 14 kabupaten, 514 in all.
        let n: Vec<usize> = (0..PROVINSI).map(|p| kabupaten_provinsi(p).len()).collect();
        assert_eq!(n.iter().sum::<usize>(), KABUPATEN);
        assert!(n.iter().all(|&x| x == 13 || x == 14), "{n:?}");
        assert_eq!(kabupaten_provinsi(0), 0..14);
        assert_eq!(provinsi_dari(513), 37);
    }

    #[test]
    fn an_opd_is_valid_deterministic_and_a_third_formulas() {
        let d = opd(513, 39);
        assert_eq!(kinerja_core::validasi::periksa(&d), vec![]);
        assert_eq!(d, opd(513, 39));
        assert_ne!(d, opd(512, 39));
        let sasaran: Vec<_> = d
            .indikator
            .iter()
            .filter(|i| matches!(i.pemilik, Pemilik::Sasaran(_)))
            .collect();
        assert_eq!(sasaran.len(), 30);
        assert!(sasaran.iter().all(|i| i.id.as_str().starts_with("O39-")));
        let rumus: Vec<_> = sasaran.iter().filter(|i| i.rumus.is_some()).collect();
        assert_eq!(rumus.len(), 10);
        assert!(
            rumus
                .iter()
                .all(|i| i.cara_wilayah == CaraWilayah::RasioJumlah)
        );
        // 10 formulas x 2 elements x 5 years x 4 quarters; 20 typed indicators x 5 x 4.
        assert_eq!(d.data_elemen.len(), 20);
        assert_eq!(d.nilai_data.len(), 400);
        assert_eq!(d.realisasi.len(), 400);
        // 4 programs x 2 kegiatan x 2 sub kegiatan x 5 years x 2 lines, and one a year for
        // the instansi itself.
        assert_eq!(d.sub_kegiatan.len(), 16);
        assert_eq!(d.anggaran.len(), 16 * 5 * 2 + 5);
        assert_eq!(d.instansi[0].id.as_str(), "prov-37");
        assert_eq!(d.instansi[1].id.as_str(), "kab-513");
        assert_eq!(d.instansi[2].id.as_str(), "kab-513-opd-39");
    }
}
