//! The pohon kinerja as a tree (`susun`: the flat node table into parents and children) and its
//! copy to another year (`salin`: every node and crosscutting link under a new id, each node
//! remembering the node it came from).

use crate::id::*;
use crate::model::*;
use crate::waktu::Tahun;
use std::collections::{HashMap, HashSet};

pub mod anggaran;
pub mod ukur;

/// A node and its children, in file order.
#[derive(Debug, Clone, PartialEq)]
pub struct Cabang<'a> {
    pub simpul: &'a SimpulPohon,
    pub anak: Vec<Cabang<'a>>,
}

impl Cabang<'_> {
    /// This node and every node below it.
    pub fn jumlah(&self) -> usize {
        1 + self.anak.iter().map(Cabang::jumlah).sum::<usize>()
    }

    /// The nodes below this one (not itself) per level, in the order of `TingkatSimpul::SEMUA`,
    /// levels without nodes left out: what a collapsed branch shows.
    pub fn jumlah_per_tingkat(&self) -> Vec<(TingkatSimpul, usize)> {
        fn hitung(c: &Cabang, n: &mut [usize; 5]) {
            for a in &c.anak {
                n[a.simpul.tingkat as usize] += 1;
                hitung(a, n);
            }
        }
        let mut n = [0; 5];
        hitung(self, &mut n);
        TingkatSimpul::SEMUA
            .iter()
            .zip(n)
            .filter(|(_, n)| *n > 0)
            .map(|(t, n)| (*t, n))
            .collect()
    }
}

/// The pemda's tree of year `tahun`, when the data has one.
pub fn pohon_tahun(data: &DataInstansi, tahun: Tahun) -> Option<&PohonKinerja> {
    data.pohon.iter().find(|p| p.tahun == tahun)
}

/// The nodes of tree `pohon` from its roots (nodes without a parent, or whose parent is not in
/// the tree) down. Ends on a cycle (a node is placed once); validation refuses cycles.
pub fn susun<'a>(data: &'a DataInstansi, pohon: &PohonId) -> Vec<Cabang<'a>> {
    let simpul: Vec<&SimpulPohon> = data.simpul.iter().filter(|s| &s.pohon == pohon).collect();
    let ada: HashSet<&SimpulId> = simpul.iter().map(|s| &s.id).collect();
    let mut anak: HashMap<&SimpulId, Vec<&SimpulPohon>> = HashMap::new();
    let mut akar = Vec::new();
    for s in &simpul {
        match &s.induk {
            Some(i) if ada.contains(i) && i != &s.id => anak.entry(i).or_default().push(s),
            _ => akar.push(*s),
        }
    }
    let mut dilihat: HashSet<&SimpulId> = HashSet::new();
    fn bangun<'a>(
        s: &'a SimpulPohon,
        anak: &HashMap<&SimpulId, Vec<&'a SimpulPohon>>,
        dilihat: &mut HashSet<&'a SimpulId>,
    ) -> Cabang<'a> {
        dilihat.insert(&s.id);
        let mut c = Cabang {
            simpul: s,
            anak: Vec::new(),
        };
        for a in anak.get(&s.id).into_iter().flatten() {
            if !dilihat.contains(&a.id) {
                c.anak.push(bangun(a, anak, dilihat));
            }
        }
        c
    }
    akar.into_iter()
        .map(|s| bangun(s, &anak, &mut dilihat))
        .collect()
}

/// Why a tree cannot be copied.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum GalatSalin {
    #[error("pohon \"{0}\" tidak ada")]
    TidakAda(String),
    #[error("tahun tujuan {tujuan} tidak sesudah tahun pohon asal {asal}")]
    TahunTidakSesudah { asal: Tahun, tujuan: Tahun },
    #[error("pohon kinerja tahun {0} sudah ada (\"{1}\")")]
    SudahAda(Tahun, String),
    #[error("id baru \"{0}\" untuk {1} sudah dipakai; ubah id rekaman asal atau hapus yang lama")]
    IdDipakai(String, &'static str),
    #[error("id baru untuk {1} \"{0}\" tidak dapat dibentuk: {2}")]
    IdTidakSah(String, &'static str, GalatId),
}

/// The id of a copy for year `baru`: the last occurrence of the source year `lama` written as a
/// whole number in the id is replaced (`pohon-2020` → `pohon-2021`, `S1-2020-a` → `S1-2021-a`);
/// an id without it gets `-<baru>` appended (`S1` → `S1-2021`).
pub fn id_tahun(id: &str, lama: Tahun, baru: Tahun) -> String {
    let l = lama.to_string();
    let b = id.as_bytes();
    let mut cari = id.len();
    while let Some(pos) = id[..cari].rfind(&l) {
        let sebelum = pos == 0 || !b[pos - 1].is_ascii_digit();
        let sesudah = pos + l.len() == id.len() || !b[pos + l.len()].is_ascii_digit();
        if sebelum && sesudah {
            return format!("{}{}{}", &id[..pos], baru, &id[pos + l.len()..]);
        }
        if pos == 0 {
            break;
        }
        cari = pos;
    }
    format!("{id}-{baru}")
}

/// Copies tree `dari` to year `tahun`: a new tree (`asal` = `dari`), every node under a new id
/// (`id_tahun`) with `asal` = the node it came from, the same level, statement, owner, links and
/// indicators (targets included: the copy is the starting point the operator revises), and the
/// tree's crosscutting links between the copies, each back to `usulan` without a reason (a
/// link is accepted or refused again for the new year). Returns only the new records, for the
/// caller to add through its write path (`Toko::ubah_data`, or a new file beside the data).
pub fn salin(
    data: &DataInstansi,
    dari: &PohonId,
    tahun: Tahun,
) -> Result<DataInstansi, GalatSalin> {
    let asal = data
        .pohon
        .iter()
        .find(|p| &p.id == dari)
        .ok_or_else(|| GalatSalin::TidakAda(dari.to_string()))?;
    if tahun <= asal.tahun {
        return Err(GalatSalin::TahunTidakSesudah {
            asal: asal.tahun,
            tujuan: tahun,
        });
    }
    if let Some(p) = data
        .pohon
        .iter()
        .find(|p| p.instansi == asal.instansi && p.tahun == tahun)
    {
        return Err(GalatSalin::SudahAda(tahun, p.id.to_string()));
    }
    fn baru<I: TryFrom<String, Error = GalatId> + PartialEq>(
        lama: &str,
        th: (Tahun, Tahun),
        jenis: &'static str,
        dipakai: &[&I],
    ) -> Result<I, GalatSalin> {
        let s = id_tahun(lama, th.0, th.1);
        let id =
            I::try_from(s.clone()).map_err(|e| GalatSalin::IdTidakSah(lama.into(), jenis, e))?;
        if dipakai.contains(&&id) {
            return Err(GalatSalin::IdDipakai(s, jenis));
        }
        Ok(id)
    }
    let th = (asal.tahun, tahun);
    let mut hasil = DataInstansi::default();
    let id_pohon: PohonId = baru(
        asal.id.as_str(),
        th,
        "pohon",
        &data.pohon.iter().map(|p| &p.id).collect::<Vec<_>>(),
    )?;
    hasil.pohon.push(PohonKinerja {
        id: id_pohon.clone(),
        instansi: asal.instansi.clone(),
        tahun,
        asal: Some(asal.id.clone()),
        catatan: None,
    });
    let ada: Vec<&SimpulId> = data.simpul.iter().map(|s| &s.id).collect();
    let mut peta: HashMap<&SimpulId, SimpulId> = HashMap::new();
    for s in data.simpul.iter().filter(|s| &s.pohon == dari) {
        let id: SimpulId = baru(s.id.as_str(), th, "simpul", &ada)?;
        if peta.values().any(|v| v == &id) {
            return Err(GalatSalin::IdDipakai(id.to_string(), "simpul"));
        }
        peta.insert(&s.id, id);
    }
    for s in data.simpul.iter().filter(|s| &s.pohon == dari) {
        hasil.simpul.push(SimpulPohon {
            id: peta[&s.id].clone(),
            pohon: id_pohon.clone(),
            induk: s.induk.as_ref().and_then(|i| peta.get(i).cloned()),
            asal: Some(s.id.clone()),
            ..s.clone()
        });
    }
    let ada_cc: Vec<&CrosscuttingId> = data.crosscutting.iter().map(|c| &c.id).collect();
    for c in &data.crosscutting {
        let (Some(d), Some(k)) = (peta.get(&c.dari), peta.get(&c.ke)) else {
            continue;
        };
        hasil.crosscutting.push(Crosscutting {
            id: baru(c.id.as_str(), th, "crosscutting", &ada_cc)?,
            dari: d.clone(),
            ke: k.clone(),
            status: StatusCrosscutting::Usulan,
            alasan: None,
            catatan: c.catatan.clone(),
        });
    }
    Ok(hasil)
}

/// Adds the records of `baru` (a `salin` result) to `data`.
pub fn tambahkan(data: &mut DataInstansi, baru: DataInstansi) {
    data.pohon.extend(baru.pohon);
    data.simpul.extend(baru.simpul);
    data.crosscutting.extend(baru.crosscutting);
}

/// An instansi's name as data set `data` lists it; its id when it does not.
pub fn nama_instansi(data: &DataInstansi, id: &InstansiId) -> String {
    data.instansi
        .iter()
        .find(|i| &i.id == id)
        .map_or_else(|| id.to_string(), |i| i.nama.clone())
}

/// A node's owner as one line: instansi, unit, jabatan, NIP ("Dinas Kesehatan, Seksi Kesehatan
/// Keluarga dan Gizi, Bidan Ahli Muda, NIP 19880704 201101 2 007"); the tree's drawing, its
/// page and the pemda report print it alike.
pub fn teks_pemilik(data: &DataInstansi, m: &PemilikSimpul) -> String {
    let mut v = vec![nama_instansi(data, &m.instansi)];
    v.extend(m.unit.as_ref().map(|u| nama_instansi(data, u)));
    v.extend(m.jabatan.clone());
    v.extend(m.nip.as_ref().map(|n| format!("NIP {n}")));
    v.join(", ")
}

/// A node's link as text: "sasaran S-1", "sub kegiatan DKS-SK-1".
pub fn teks_tautan(t: &Pemilik) -> String {
    match t {
        Pemilik::Tujuan(x) => format!("tujuan {x}"),
        Pemilik::Sasaran(x) => format!("sasaran {x}"),
        Pemilik::Program(x) => format!("program {x}"),
        Pemilik::Kegiatan(x) => format!("kegiatan {x}"),
        Pemilik::SubKegiatan(x) => format!("sub kegiatan {x}"),
    }
}

/// The instansi a data set reports for: the one its Renstra or RPJMD, RKT, PK, IKU and report
/// name, when they name exactly one (as the store's `pelapor`). The pemda reviu uses it to find
/// the data set of a node's owner.
pub fn instansi_data(data: &DataInstansi) -> Option<&InstansiId> {
    let mut semua: Vec<&InstansiId> = data
        .renstra
        .iter()
        .map(|x| &x.instansi)
        .chain(data.rkt.iter().map(|x| &x.instansi))
        .chain(data.perjanjian_kinerja.iter().map(|x| &x.instansi))
        .chain(data.iku.iter().map(|x| &x.instansi))
        .chain(data.laporan.iter().map(|x| &x.instansi))
        .chain(data.pohon.iter().map(|x| &x.instansi))
        .collect();
    semua.sort();
    semua.dedup();
    match semua.as_slice() {
        [satu] => Some(satu),
        _ => None,
    }
}

#[cfg(test)]
mod tests;
