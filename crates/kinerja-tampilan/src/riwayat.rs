//! The dashboard's trend across a reorganisation: an instansi formed by a merge, a split or a
//! renaming shows its indicators' earlier years from its predecessors
//! (`kinerja_core::reorganisasi::riwayat_indikator`, measured by the handler over the data
//! sets the caller may see), each year saying whose figure it is and how it was rolled up.

use crate::bantu::angka_satuan;
use kinerja_core::id::InstansiId;
use kinerja_core::model::Reorganisasi;
use kinerja_core::reorganisasi::TitikRiwayat;
use std::collections::HashMap;

/// What the handler hands over: the reorganisation that formed the instansi, the names of
/// the instansi it names, and each indicator's trend.
#[derive(Debug, Clone, Default)]
pub struct TrenReorganisasi {
    pub pembentukan: Option<Reorganisasi>,
    pub nama: HashMap<InstansiId, String>,
    pub indikator: Vec<RiwayatIndikator>,
}

#[derive(Debug, Clone)]
pub struct RiwayatIndikator {
    pub uraian: String,
    pub satuan: Option<String>,
    pub titik: Vec<TitikRiwayat>,
}

/// The section as the template prints it.
pub(crate) struct BagianRiwayat {
    pub judul: String,
    pub indikator: Vec<BarisRiwayat>,
}

pub(crate) struct BarisRiwayat {
    pub uraian: String,
    /// Year, figure (`None`: not available, with the reason), where it comes from.
    pub tahun: Vec<(u16, Option<String>, Option<&'static str>, String)>,
}

impl TrenReorganisasi {
    fn nama_dari(&self, id: &InstansiId) -> String {
        self.nama.get(id).cloned().unwrap_or_else(|| id.to_string())
    }

    pub(crate) fn bagian(&self) -> Option<BagianRiwayat> {
        let r = self.pembentukan.as_ref()?;
        let nama = |i: &InstansiId| self.nama_dari(i);
        let pendahulu: Vec<String> = r.pendahulu.iter().map(nama).collect();
        let mut judul = format!(
            "Dibentuk tahun {} melalui {} dari {}",
            r.tahun.get(),
            r.jenis.label(),
            pendahulu.join(", ")
        );
        if let Some(d) = &r.dasar {
            judul.push_str(&format!(" ({d})"));
        }
        judul.push('.');
        let indikator = self
            .indikator
            .iter()
            .map(|i| BarisRiwayat {
                uraian: i.uraian.clone(),
                tahun: i
                    .titik
                    .iter()
                    .map(|t| {
                        let angka = t
                            .rekap
                            .nilai
                            .as_ref()
                            .ok()
                            .map(|v| angka_satuan(*v, i.satuan.as_deref()));
                        let alasan = t.rekap.nilai.err().map(|a| a.pesan());
                        let asal = t
                            .keterangan(nama)
                            .unwrap_or_else(|| "data instansi sendiri".into());
                        (t.tahun.get(), angka, alasan, asal)
                    })
                    .collect(),
            })
            .collect();
        Some(BagianRiwayat { judul, indikator })
    }
}
