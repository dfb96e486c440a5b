//! The budget of a pemda's OPDs rolled up per RPJMD sasaran through the pohon kinerja (the
//! LKjIP of the pemda, Bab III B).
//!
//! Rules (no regulation settles them; each has a test):
//! - Every budget line of the year in the data sets given (the pemda's own and each OPD's) is
//!   taken, whatever its place: sub kegiatan, kegiatan, or the instansi (spending tied to no
//!   kegiatan, such as Belanja Tidak Langsung).
//! - A line is connected to a node of its own instansi that links its place or a record above
//!   it: a sub kegiatan's line to a node linking that sub kegiatan, its kegiatan or its program;
//!   a kegiatan's line to a node linking that kegiatan or its program. A node links budget only
//!   through `tautan` to program, kegiatan and sub kegiatan (a node linking a sasaran carries no
//!   budget by itself), and crosscutting links move no budget.
//! - A node reaches the RPJMD sasaran linked by the pemda's nodes on its path to the root (itself
//!   included). A line reaches the union of what its nodes reach.
//! - A line is counted once: under the first RPJMD sasaran it reaches, in RPJMD order (tujuan
//!   number, then sasaran number); the others are listed beside it (`sasaran[1..]`), never
//!   summed again. So the sasaran totals and the unconnected total add up to the total of all
//!   lines.
//! - A line that reaches no RPJMD sasaran is listed as not connected, with why (no node links
//!   it, or its nodes hang under no node of an RPJMD sasaran); never dropped.
//! - Sums and serapan are `anggaran::Serapan::dari` over the lines (pagu in force, a line
//!   without realisasi counted as not reported, never as 0).

use crate::anggaran::Serapan;
use crate::id::*;
use crate::model::*;
use crate::pohon::{instansi_data, pohon_tahun};
use crate::waktu::Tahun;
use serde::Serialize;
use std::collections::{HashMap, HashSet};

/// A node that connects a budget line, and the record it links (the line's place or one above).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct TautanPos {
    pub simpul: SimpulId,
    pub lewat: Pemilik,
}

/// Why a line reaches no RPJMD sasaran.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum AlasanTakTerhubung {
    /// No node of its instansi links its place or a record above it.
    TanpaSimpul,
    /// Nodes link it, but none hangs under a node of an RPJMD sasaran.
    SimpulTanpaSasaran,
}

impl AlasanTakTerhubung {
    pub fn pesan(&self) -> &'static str {
        match self {
            AlasanTakTerhubung::TanpaSimpul => "tidak ditaut simpul mana pun",
            AlasanTakTerhubung::SimpulTanpaSasaran => {
                "simpulnya tidak berada di bawah simpul sasaran RPJMD"
            }
        }
    }
}

/// One budget line of the year with its connection to the tree.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct PosPohon {
    pub instansi: InstansiId,
    pub pos: PosAnggaranId,
    pub tempat: TempatAnggaran,
    /// The sub kegiatan's or kegiatan's name in its data set; none for the instansi's own line.
    pub nama: Option<String>,
    pub jenis: JenisBelanja,
    /// The line alone.
    pub serapan: Serapan,
    /// The nodes that connect it, in tree file order.
    pub tautan: Vec<TautanPos>,
    /// The RPJMD sasaran it reaches, in RPJMD order; counted under the first.
    pub sasaran: Vec<SasaranId>,
    /// Set when `sasaran` is empty.
    pub alasan: Option<AlasanTakTerhubung>,
}

/// One instansi's lines counted under a sasaran.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AnggaranInstansi {
    pub instansi: InstansiId,
    pub serapan: Serapan,
}

/// An RPJMD sasaran with the lines counted under it.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AnggaranSasaranPemda {
    pub sasaran: SasaranId,
    pub serapan: Serapan,
    /// Per instansi, in instansi id order.
    pub instansi: Vec<AnggaranInstansi>,
    /// Indices into `AnggaranPohon::pos`.
    pub pos: Vec<usize>,
}

/// The year's budget of the data sets given, per RPJMD sasaran.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AnggaranPohon {
    pub tahun: Tahun,
    /// Every RPJMD sasaran in RPJMD order, also those no line reaches.
    pub sasaran: Vec<AnggaranSasaranPemda>,
    /// The lines that reach no RPJMD sasaran.
    pub tidak_terhubung: Serapan,
    /// Every line: data set by data set (in instansi id order), in each in file order.
    pub pos: Vec<PosPohon>,
    /// All lines.
    pub total: Serapan,
}

impl AnggaranPohon {
    /// The lines that reach no RPJMD sasaran, in `pos` order.
    pub fn pos_tidak_terhubung(&self) -> impl Iterator<Item = &PosPohon> {
        self.pos.iter().filter(|p| p.sasaran.is_empty())
    }
}

/// The RPJMD sasaran of the pemda's data set in RPJMD order (tujuan number, then sasaran number).
pub fn sasaran_rpjmd(pemda: &DataInstansi) -> Vec<&Sasaran> {
    let rpjmd: Vec<&RenstraId> = pemda
        .renstra
        .iter()
        .filter(|r| r.jenis == JenisRencana::Rpjmd)
        .map(|r| &r.id)
        .collect();
    let tujuan: HashMap<&TujuanId, &Tujuan> = pemda
        .tujuan
        .iter()
        .filter(|t| rpjmd.contains(&&t.renstra))
        .map(|t| (&t.id, t))
        .collect();
    let mut v: Vec<&Sasaran> = pemda
        .sasaran
        .iter()
        .filter(|s| tujuan.contains_key(&s.tujuan))
        .collect();
    v.sort_by_key(|s| (tujuan.get(&s.tujuan).map(|t| t.nomor), s.nomor));
    v
}

/// Rolls the budget of year `tahun` of the pemda's data set and the OPDs' `opd` (any order; each
/// found by the instansi it reports for, the first of two for one instansi taken) up per RPJMD
/// sasaran through the year's tree. Without a tree every line is not connected.
pub fn anggaran_pohon(pemda: &DataInstansi, tahun: Tahun, opd: &[&DataInstansi]) -> AnggaranPohon {
    let ph = pohon_tahun(pemda, tahun);
    let id_pemda = ph.map(|p| &p.instansi).or_else(|| instansi_data(pemda));
    let urut = sasaran_rpjmd(pemda);
    let posisi: HashMap<&SasaranId, usize> =
        urut.iter().enumerate().map(|(i, s)| (&s.id, i)).collect();
    let simpul: Vec<&SimpulPohon> = pemda
        .simpul
        .iter()
        .filter(|s| ph.is_some_and(|p| p.id == s.pohon))
        .collect();
    let per_id: HashMap<&SimpulId, &SimpulPohon> = simpul.iter().map(|s| (&s.id, *s)).collect();
    // The RPJMD sasaran (by position) each node reaches on its path to the root.
    let capai = |s: &SimpulPohon| -> Vec<usize> {
        let mut out = Vec::new();
        let mut dilihat = HashSet::new();
        let mut kini = Some(s);
        while let Some(n) = kini {
            if !dilihat.insert(&n.id) {
                break;
            }
            if n.pemilik.as_ref().map(|m| &m.instansi) == id_pemda {
                for t in &n.tautan {
                    if let Pemilik::Sasaran(x) = t
                        && let Some(i) = posisi.get(x)
                    {
                        out.push(*i);
                    }
                }
            }
            kini = n.induk.as_ref().and_then(|i| per_id.get(i)).copied();
        }
        out
    };

    // The data sets, one per instansi, in instansi id order.
    let mut sumber: Vec<(&InstansiId, &DataInstansi)> = Vec::new();
    for d in std::iter::once(pemda).chain(opd.iter().copied()) {
        let id = match instansi_data(d) {
            Some(i) => i,
            None if std::ptr::eq(d, pemda) => match id_pemda {
                Some(i) => i,
                None => continue,
            },
            None => continue,
        };
        if !sumber.iter().any(|(i, _)| *i == id) {
            sumber.push((id, d));
        }
    }
    sumber.sort_by(|a, b| a.0.cmp(b.0));

    let mut pos = Vec::new();
    // Each line's record, beside `pos`, for the core's one serapan.
    let mut asli: Vec<&PosAnggaran> = Vec::new();
    for (ins, d) in sumber {
        let milik: Vec<&SimpulPohon> = simpul
            .iter()
            .filter(|s| s.pemilik.as_ref().is_some_and(|m| &m.instansi == ins))
            .copied()
            .collect();
        let program_kegiatan = |k: &KegiatanId| d.kegiatan(k).map(|k| k.program.clone());
        for p in d.anggaran.iter().filter(|p| p.tahun == tahun) {
            let (atas, nama): (Vec<Pemilik>, Option<String>) = match &p.tempat {
                TempatAnggaran::Instansi => (vec![], None),
                TempatAnggaran::Kegiatan(k) => {
                    let mut v = vec![Pemilik::Kegiatan(k.clone())];
                    v.extend(program_kegiatan(k).map(Pemilik::Program));
                    (v, d.kegiatan(k).map(|x| x.nama.clone()))
                }
                TempatAnggaran::SubKegiatan(sk) => {
                    let rek = d.sub_kegiatan.iter().find(|x| &x.id == sk);
                    let mut v = vec![Pemilik::SubKegiatan(sk.clone())];
                    if let Some(r) = rek {
                        v.push(Pemilik::Kegiatan(r.kegiatan.clone()));
                        v.extend(program_kegiatan(&r.kegiatan).map(Pemilik::Program));
                    }
                    (v, rek.map(|x| x.nama.clone()))
                }
            };
            let mut tautan = Vec::new();
            let mut capaian: Vec<usize> = Vec::new();
            for s in &milik {
                for t in s.tautan.iter().filter(|t| atas.contains(t)) {
                    tautan.push(TautanPos {
                        simpul: s.id.clone(),
                        lewat: t.clone(),
                    });
                    capaian.extend(capai(s));
                }
            }
            capaian.sort_unstable();
            capaian.dedup();
            let alasan = match (tautan.is_empty(), capaian.is_empty()) {
                (true, _) => Some(AlasanTakTerhubung::TanpaSimpul),
                (false, true) => Some(AlasanTakTerhubung::SimpulTanpaSasaran),
                _ => None,
            };
            asli.push(p);
            pos.push(PosPohon {
                instansi: ins.clone(),
                pos: p.id.clone(),
                tempat: p.tempat.clone(),
                nama,
                jenis: p.jenis,
                serapan: Serapan::dari([p]),
                tautan,
                sasaran: capaian.iter().map(|i| urut[*i].id.clone()).collect(),
                alasan,
            });
        }
    }

    let jumlah = |ix: &mut dyn Iterator<Item = usize>| Serapan::dari(ix.map(|i| asli[i]));
    let sasaran = urut
        .iter()
        .map(|s| {
            let ix: Vec<usize> = (0..pos.len())
                .filter(|i| pos[*i].sasaran.first() == Some(&s.id))
                .collect();
            let mut instansi: Vec<&InstansiId> = ix.iter().map(|i| &pos[*i].instansi).collect();
            instansi.dedup();
            AnggaranSasaranPemda {
                sasaran: s.id.clone(),
                serapan: jumlah(&mut ix.iter().copied()),
                instansi: instansi
                    .into_iter()
                    .map(|ins| AnggaranInstansi {
                        instansi: ins.clone(),
                        serapan: jumlah(
                            &mut ix.iter().copied().filter(|i| &pos[*i].instansi == ins),
                        ),
                    })
                    .collect(),
                pos: ix,
            }
        })
        .collect();
    AnggaranPohon {
        tahun,
        sasaran,
        tidak_terhubung: jumlah(&mut (0..pos.len()).filter(|i| pos[*i].sasaran.is_empty())),
        total: jumlah(&mut (0..pos.len())),
        pos,
    }
}

#[cfg(test)]
mod tests;
