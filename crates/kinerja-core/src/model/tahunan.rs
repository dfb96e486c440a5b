//! Annual documents: RKT, Perjanjian Kinerja, IKU.

use crate::id::*;
use crate::model::Keputusan;
use crate::uang::Rupiah;
use crate::waktu::{Tahun, Tanggal};
use rust_decimal::Decimal;
use schemars::JsonSchema;
use serde::{Deserialize, Serialize};

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Rkt {
    pub id: RktId,
    pub instansi: InstansiId,
    pub tahun: Tahun,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub program: Vec<ProgramId>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub kegiatan: Vec<RktKegiatan>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub catatan: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct RktKegiatan {
    pub kegiatan: KegiatanId,
    /// The planned budget as the RKT states it; `None` where the RKT prints "-".
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub anggaran: Option<Rupiah>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct PerjanjianKinerja {
    pub id: PkId,
    pub instansi: InstansiId,
    pub tahun: Tahun,
    pub pihak_pertama: PejabatId,
    pub pihak_kedua: PejabatId,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tempat: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub tanggal: Option<Tanggal>,
    /// Indicators promised, in the PK's order; their targets are `Target`s with dokumen = PK.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub indikator: Vec<IndikatorId>,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub anggaran: Vec<AnggaranPk>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub catatan: Option<String>,
    /// Signed by both parties: the PK and the PK targets of its year are locked (the store
    /// refuses every change, whatever the door) until a PK perubahan replaces it.
    #[serde(default, skip_serializing_if = "std::ops::Not::not")]
    pub ditandatangani: bool,
    /// A PK perubahan: the earlier version of the same year it replaces. The earlier version
    /// stays in the data, readable with the targets it promised (`target_arsip`).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub perubahan_dari: Option<PkId>,
    /// The targets this version promised, kept when a PK perubahan replaced it (the year's PK
    /// targets, `Target` with dokumen = PK, are then the new version's).
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub target_arsip: Vec<TargetArsip>,
}

/// A target of a replaced PK version, as it promised it.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct TargetArsip {
    pub indikator: IndikatorId,
    pub nilai: crate::nilai::Nilai,
}

impl crate::model::DataInstansi {
    /// The versions of `instansi`'s Perjanjian Kinerja of `tahun`, earliest first: each PK
    /// perubahan after the version it replaces.
    pub fn pk_versi(&self, instansi: &InstansiId, tahun: Tahun) -> Vec<&PerjanjianKinerja> {
        let semua: Vec<&PerjanjianKinerja> = self
            .perjanjian_kinerja
            .iter()
            .filter(|p| &p.instansi == instansi && p.tahun == tahun)
            .collect();
        let mut urut: Vec<&PerjanjianKinerja> = semua
            .iter()
            .copied()
            .filter(|p| {
                p.perubahan_dari
                    .as_ref()
                    .is_none_or(|d| !semua.iter().any(|x| &x.id == d))
            })
            .collect();
        // Follow the chain; a version replaced twice, or a cycle, ends it (never loops).
        let mut i = 0;
        while i < urut.len() && urut.len() < semua.len() {
            let kini = urut[i].id.clone();
            for p in &semua {
                if p.perubahan_dari.as_ref() == Some(&kini) && !urut.iter().any(|x| x.id == p.id) {
                    urut.push(p);
                }
            }
            i += 1;
        }
        urut
    }

    /// Whether a PK perubahan replaced `pk` (a replaced version is history: the reviu and the
    /// report read the version in force).
    pub fn pk_diganti(&self, pk: &PerjanjianKinerja) -> bool {
        self.perjanjian_kinerja.iter().any(|x| {
            x.id != pk.id && x.tahun == pk.tahun && x.perubahan_dari.as_ref() == Some(&pk.id)
        })
    }

    /// The PK of `tahun` in force for `instansi`: its latest version.
    pub fn pk_berlaku(&self, instansi: &InstansiId, tahun: Tahun) -> Option<&PerjanjianKinerja> {
        self.pk_versi(instansi, tahun).pop()
    }
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct AnggaranPk {
    pub program: ProgramId,
    pub anggaran: Rupiah,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub keterangan: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Iku {
    pub id: IkuId,
    pub instansi: InstansiId,
    pub keputusan: Keputusan,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub baris: Vec<BarisIku>,
    /// A transcription or editorial note (e.g. how the source printed something).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub catatan: Option<String>,
}

#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct BarisIku {
    pub indikator: IndikatorId,
    /// The "kinerja utama" column, as written.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub kinerja_utama: Option<String>,
    pub formulasi: Formulasi,
    /// Responsible units (instansi of jenis `unit`), and the column's text as written.
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub penanggung_jawab: Vec<InstansiId>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub penanggung_jawab_teks: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub sumber_data: Option<String>,
}

/// How an indicator is computed. Numerator and denominator are named so that later an
/// indicator can be computed from raw counts.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize, JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct Formulasi {
    pub teks: String,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub pembilang: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub penyebut: Option<String>,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    #[serde(with = "crate::serde_angka::desimal_opsi")]
    #[schemars(with = "Option<String>")]
    pub pengali: Option<Decimal>,
}

#[cfg(test)]
mod tests {
    use super::PerjanjianKinerja;
    use crate::id::{InstansiId, PejabatId, PkId};
    use crate::model::Pejabat;
    use crate::uji::mumbulsari;
    use crate::waktu::Tahun;

    #[test]
    fn the_pk_in_force_is_the_last_version_of_its_chain_and_a_cycle_ends() {
        let mut d = mumbulsari();
        let m = InstansiId::new("mumbulsari").unwrap();
        let th = Tahun::new(2020).unwrap();
        let camat = PejabatId::new("camat").unwrap();
        d.pejabat.push(Pejabat {
            id: camat.clone(),
            instansi: m.clone(),
            nama: "Camat".into(),
            nip: None,
            pangkat: None,
            golongan: None,
            jabatan: "Camat Mumbulsari".into(),
            catatan: None,
        });
        let awal = PerjanjianKinerja {
            id: PkId::new("pk-2020").unwrap(),
            instansi: m.clone(),
            tahun: th,
            pihak_pertama: camat.clone(),
            pihak_kedua: camat,
            tempat: None,
            tanggal: None,
            indikator: Vec::new(),
            anggaran: Vec::new(),
            catatan: None,
            ditandatangani: true,
            perubahan_dari: None,
            target_arsip: Vec::new(),
        };
        d.perjanjian_kinerja.push(awal.clone());
        // Listed before the version it replaces: the chain, not the file order, decides.
        let mut p1 = awal.clone();
        p1.id = PkId::new("pk-2020-p1").unwrap();
        p1.perubahan_dari = Some(awal.id.clone());
        let mut p2 = awal.clone();
        p2.id = PkId::new("pk-2020-p2").unwrap();
        p2.perubahan_dari = Some(p1.id.clone());
        d.perjanjian_kinerja.insert(0, p2);
        d.perjanjian_kinerja.insert(0, p1);
        let versi: Vec<&str> = d.pk_versi(&m, th).iter().map(|p| p.id.as_str()).collect();
        assert_eq!(versi, [awal.id.as_str(), "pk-2020-p1", "pk-2020-p2"]);
        assert_eq!(d.pk_berlaku(&m, th).unwrap().id.as_str(), "pk-2020-p2");
        assert!(d.pk_diganti(&awal));
        assert!(!d.pk_diganti(d.pk_berlaku(&m, th).unwrap()));
        assert!(crate::validasi::periksa(&d).is_empty());
        // Another year has none.
        assert!(d.pk_berlaku(&m, Tahun::new(2019).unwrap()).is_none());

        // A version naming a PK that is not there is refused by validation...
        d.perjanjian_kinerja[0].perubahan_dari = Some(PkId::new("pk-tidak-ada").unwrap());
        let p = crate::validasi::periksa(&d);
        assert!(
            p.iter().any(|x| x.to_string().contains("perubahan_dari")),
            "{p:?}"
        );
        // ...and a cycle (p1 replaces p2 replaces p1) ends instead of looping.
        d.perjanjian_kinerja[0].perubahan_dari = Some(PkId::new("pk-2020-p2").unwrap());
        let n = d.pk_versi(&m, th).len();
        assert!(n <= 3, "{n}");
    }
}
