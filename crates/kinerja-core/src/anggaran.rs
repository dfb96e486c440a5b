//! Anggaran: every total is derived from the lines entered at the lowest level (sub-kegiatan,
//! kegiatan, or the instansi for spending tied to no kegiatan). Serapan = realisasi / pagu x 100,
//! unrounded. A line whose realisasi is not yet reported is not zero: totals over it are marked
//! incomplete and say how many lines are missing.
//!
//! Shares (`proporsi`): a spending group's share of the total pagu; a program's or a sasaran's
//! share of the pagu tied to kegiatan (in the Permendagri 13/2006 structure that is Belanja
//! Langsung, which is how LKjIP tables state it).

use crate::id::*;
use crate::model::*;
use crate::uang::Rupiah;
use crate::waktu::Tahun;
use rust_decimal::Decimal;
use rust_decimal_macros::dec;
use serde::Serialize;
use std::collections::{BTreeMap, HashMap};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Default)]
pub struct Serapan {
    pub pagu: Rupiah,
    /// Sum of the reported realisasi; `None` when no line has one.
    pub realisasi: Option<Rupiah>,
    /// Lines without a reported realisasi.
    pub belum_dilaporkan: usize,
    pub persen: Option<Decimal>,
}

impl Serapan {
    fn dari<'a>(pos: impl IntoIterator<Item = &'a PosAnggaran>) -> Serapan {
        let mut pagu = Rupiah::NOL;
        let mut realisasi: Option<Rupiah> = None;
        let mut belum = 0;
        for p in pos {
            pagu = pagu + p.pagu;
            match p.realisasi {
                Some(r) => realisasi = Some(realisasi.unwrap_or(Rupiah::NOL) + r),
                None => belum += 1,
            }
        }
        Serapan {
            pagu,
            realisasi,
            belum_dilaporkan: belum,
            persen: realisasi.and_then(|r| persen(r.nilai(), pagu.nilai())),
        }
    }

    pub fn lengkap(&self) -> bool {
        self.belum_dilaporkan == 0
    }
}

/// `bagian / keseluruhan x 100`; `None` when the whole is zero.
pub fn persen(bagian: Decimal, keseluruhan: Decimal) -> Option<Decimal> {
    if keseluruhan.is_zero() {
        return None;
    }
    bagian
        .checked_div(keseluruhan)
        .and_then(|q| q.checked_mul(dec!(100)))
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AnggaranJenis {
    pub jenis: JenisBelanja,
    pub serapan: Serapan,
    /// Share of the year's total pagu.
    pub proporsi: Option<Decimal>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AnggaranSubKegiatan {
    pub sub_kegiatan: SubKegiatanId,
    pub serapan: Serapan,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AnggaranKegiatan {
    pub kegiatan: KegiatanId,
    pub serapan: Serapan,
    pub sub_kegiatan: Vec<AnggaranSubKegiatan>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AnggaranProgram {
    pub program: ProgramId,
    pub serapan: Serapan,
    /// Share of the pagu tied to kegiatan.
    pub proporsi: Option<Decimal>,
    pub kegiatan: Vec<AnggaranKegiatan>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct AnggaranSasaran {
    /// `None`: programs that support no sasaran.
    pub sasaran: Option<SasaranId>,
    pub serapan: Serapan,
    pub proporsi: Option<Decimal>,
    pub program: Vec<ProgramId>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct RingkasanAnggaran {
    pub tahun: Tahun,
    pub total: Serapan,
    /// Top-level groups (Belanja Tidak Langsung, Belanja Langsung; or Operasi, Modal, ...).
    pub kelompok: Vec<AnggaranJenis>,
    /// Every type as entered (Belanja Langsung split by type where the source splits it).
    pub jenis: Vec<AnggaranJenis>,
    /// Spending tied to kegiatan (the programs' total).
    pub program_total: Serapan,
    pub program: Vec<AnggaranProgram>,
    pub sasaran: Vec<AnggaranSasaran>,
}

/// The year's budget, derived from its lines. Programs and kegiatan appear in data order.
pub fn ringkas(data: &DataInstansi, tahun: Tahun) -> RingkasanAnggaran {
    let pos: Vec<&PosAnggaran> = data.anggaran.iter().filter(|p| p.tahun == tahun).collect();
    let total = Serapan::dari(pos.iter().copied());

    let per_jenis = |kunci: fn(JenisBelanja) -> JenisBelanja| -> Vec<AnggaranJenis> {
        let mut m: BTreeMap<JenisBelanja, Vec<&PosAnggaran>> = BTreeMap::new();
        for p in &pos {
            m.entry(kunci(p.jenis)).or_default().push(p);
        }
        m.into_iter()
            .map(|(jenis, ps)| {
                let serapan = Serapan::dari(ps);
                AnggaranJenis {
                    jenis,
                    proporsi: persen(serapan.pagu.nilai(), total.pagu.nilai()),
                    serapan,
                }
            })
            .collect()
    };
    let kelompok = per_jenis(JenisBelanja::kelompok);
    let jenis = per_jenis(|j| j);

    let kegiatan_sub: HashMap<&SubKegiatanId, &KegiatanId> = data
        .sub_kegiatan
        .iter()
        .map(|s| (&s.id, &s.kegiatan))
        .collect();
    let mut per_kegiatan: HashMap<&KegiatanId, Vec<&PosAnggaran>> = HashMap::new();
    let mut per_sub: HashMap<&SubKegiatanId, Vec<&PosAnggaran>> = HashMap::new();
    for p in &pos {
        match &p.tempat {
            TempatAnggaran::Instansi => {}
            TempatAnggaran::Kegiatan(k) => per_kegiatan.entry(k).or_default().push(p),
            TempatAnggaran::SubKegiatan(s) => {
                per_sub.entry(s).or_default().push(p);
                if let Some(k) = kegiatan_sub.get(s) {
                    per_kegiatan.entry(k).or_default().push(p);
                }
            }
        }
    }
    let terikat: Vec<&PosAnggaran> = per_kegiatan.values().flatten().copied().collect();
    let program_total = Serapan::dari(terikat.iter().copied());

    let mut program = Vec::new();
    for prog in &data.program {
        let kegs: Vec<&Kegiatan> = data
            .kegiatan
            .iter()
            .filter(|k| k.program == prog.id)
            .collect();
        let mut baris = Vec::new();
        let mut semua: Vec<&PosAnggaran> = Vec::new();
        for k in kegs {
            let Some(ps) = per_kegiatan.get(&k.id) else {
                continue;
            };
            semua.extend(ps.iter().copied());
            let sub_kegiatan = data
                .sub_kegiatan
                .iter()
                .filter(|s| s.kegiatan == k.id)
                .filter_map(|s| {
                    per_sub.get(&s.id).map(|ps| AnggaranSubKegiatan {
                        sub_kegiatan: s.id.clone(),
                        serapan: Serapan::dari(ps.iter().copied()),
                    })
                })
                .collect();
            baris.push(AnggaranKegiatan {
                kegiatan: k.id.clone(),
                serapan: Serapan::dari(ps.iter().copied()),
                sub_kegiatan,
            });
        }
        if baris.is_empty() {
            continue;
        }
        let serapan = Serapan::dari(semua);
        program.push(AnggaranProgram {
            program: prog.id.clone(),
            proporsi: persen(serapan.pagu.nilai(), program_total.pagu.nilai()),
            serapan,
            kegiatan: baris,
        });
    }

    // Per sasaran, in the order the sasaran are listed; programs without one last.
    let sasaran_program: HashMap<&ProgramId, Option<&SasaranId>> = data
        .program
        .iter()
        .map(|p| (&p.id, p.sasaran.as_ref()))
        .collect();
    let mut kunci: Vec<Option<&SasaranId>> = data.sasaran.iter().map(|s| Some(&s.id)).collect();
    kunci.push(None);
    let sasaran = kunci
        .into_iter()
        .filter_map(|s| {
            let progs: Vec<&AnggaranProgram> = program
                .iter()
                .filter(|p| sasaran_program.get(&p.program).copied().flatten() == s)
                .collect();
            if progs.is_empty() {
                return None;
            }
            let ps: Vec<&PosAnggaran> = progs
                .iter()
                .flat_map(|p| p.kegiatan.iter())
                .filter_map(|k| per_kegiatan.get(&k.kegiatan))
                .flatten()
                .copied()
                .collect();
            let serapan = Serapan::dari(ps);
            Some(AnggaranSasaran {
                sasaran: s.cloned(),
                proporsi: persen(serapan.pagu.nilai(), program_total.pagu.nilai()),
                serapan,
                program: progs.iter().map(|p| p.program.clone()).collect(),
            })
        })
        .collect();

    RingkasanAnggaran {
        tahun,
        total,
        kelompok,
        jenis,
        program_total,
        program,
        sasaran,
    }
}

/// Years that have budget lines, ascending.
pub fn tahun_anggaran(data: &DataInstansi) -> Vec<Tahun> {
    let mut t: Vec<Tahun> = data.anggaran.iter().map(|p| p.tahun).collect();
    t.sort();
    t.dedup();
    t
}
