//! Anggaran: every total is derived from the lines entered at the lowest level (sub-kegiatan,
//! kegiatan, or the instansi for spending tied to no kegiatan). Serapan = realisasi / pagu x 100,
//! unrounded, against the pagu in force (a line's APBD perubahan pagu when it has one, else its
//! APBD murni pagu; both totals are kept). A line whose realisasi is not yet reported is not
//! zero: totals over it are marked incomplete and say how many lines are missing.
//!
//! Monthly realisasi: a line that reports months has the sum of its months as its year's
//! realisasi; triwulan figures are the sums of their months over the lines that report months
//! (lines with one figure for the year are counted in `tanpa_rincian_bulan`, never spread over
//! months). A month not reported is not zero: a triwulan none of whose months is reported has
//! no figure.
//!
//! Shares (`proporsi`): a spending group's share of the total pagu; a program's or a sasaran's
//! share of the pagu tied to kegiatan (in the Permendagri 13/2006 structure that is Belanja
//! Langsung, which is how LKjIP tables state it).
//!
//! Totals are sums over any number of lines, so they are checked: past `Decimal`'s range (more
//! than 7·10^13 lines at the bound of `angka`) a total is not available, with the reason, never a
//! panic. Percentages are checked divisions and products.

use crate::capaian::AlasanTidakTersedia;
use crate::id::*;
use crate::model::*;
use crate::uang::Rupiah;
use crate::waktu::{Bulan, Periode, Tahun};
use rust_decimal::Decimal;
use rust_decimal_macros::dec;
use serde::Serialize;
use std::collections::{BTreeMap, HashMap};

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Default)]
pub struct Serapan {
    /// The pagu in force: each line's changed pagu (APBD perubahan) where it has one, else its
    /// original pagu. Serapan and shares are measured against it.
    pub pagu: Rupiah,
    /// The original pagu (APBD murni), shown beside the pagu in force.
    pub pagu_murni: Rupiah,
    /// Lines with a changed pagu; 0 means `pagu` and `pagu_murni` are the same figure.
    pub berubah: usize,
    /// Sum of the reported realisasi; `None` when no line has one.
    pub realisasi: Option<Rupiah>,
    /// Lines without a reported realisasi.
    pub belum_dilaporkan: usize,
    pub persen: Option<Decimal>,
    /// Realisasi per month (January first), summed over the lines that report months; `None`
    /// for a month no line reports.
    pub bulanan: [Option<Rupiah>; 12],
    /// Lines whose realisasi is one figure for the year, without months: the months and
    /// triwulan above leave them out.
    pub tanpa_rincian_bulan: usize,
    /// Set when a sum left the range that can be computed exactly: pagu and realisasi then hold
    /// no figure (0 and none) and must be printed as not available.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub tidak_tersedia: Option<AlasanTidakTersedia>,
}

impl Serapan {
    /// The serapan of any set of lines (one line, a kegiatan's, a program's).
    pub fn dari<'a>(pos: impl IntoIterator<Item = &'a PosAnggaran>) -> Serapan {
        // Each running sum is `None` once it has left the range.
        let mut pagu = Some(Rupiah::NOL);
        let mut murni = Some(Rupiah::NOL);
        let mut realisasi: Option<Option<Rupiah>> = Some(None);
        let mut bulanan: Option<[Option<Rupiah>; 12]> = Some([None; 12]);
        let (mut belum, mut berubah, mut tanpa_bulan) = (0, 0, 0);
        let tambah = |x: Option<Option<Rupiah>>, r: Rupiah| {
            x.and_then(|x| x.unwrap_or(Rupiah::NOL).checked_add(r))
                .map(Some)
        };
        for p in pos {
            pagu = pagu.and_then(|x| x.checked_add(p.pagu_berlaku()));
            murni = murni.and_then(|x| x.checked_add(p.pagu));
            berubah += usize::from(p.pagu_perubahan.is_some());
            match p.realisasi_tahun() {
                Some(r) => realisasi = tambah(realisasi, r),
                None => belum += 1,
            }
            if p.realisasi_bulanan.is_empty() {
                tanpa_bulan += usize::from(p.realisasi.is_some());
            }
            for (b, r) in &p.realisasi_bulanan {
                bulanan = bulanan.and_then(|mut m| {
                    let i = *b as usize;
                    m[i] = tambah(Some(m[i]), *r)?;
                    Some(m)
                });
            }
        }
        match (pagu, murni, realisasi, bulanan) {
            (Some(pagu), Some(pagu_murni), Some(realisasi), Some(bulanan)) => Serapan {
                pagu,
                pagu_murni,
                berubah,
                realisasi,
                belum_dilaporkan: belum,
                persen: realisasi.and_then(|r| persen(r.nilai(), pagu.nilai())),
                bulanan,
                tanpa_rincian_bulan: tanpa_bulan,
                tidak_tersedia: None,
            },
            _ => Serapan {
                belum_dilaporkan: belum,
                berubah,
                tanpa_rincian_bulan: tanpa_bulan,
                tidak_tersedia: Some(AlasanTidakTersedia::MelebihiBatas),
                ..Serapan::default()
            },
        }
    }

    /// Realisasi of a triwulan: the sum of its reported months; `None` when none of its months
    /// is reported (or `periode` is the year: see `realisasi`).
    pub fn triwulan(&self, periode: Periode) -> Option<Rupiah> {
        self.bulan_triwulan(periode)
            .filter_map(|b| self.bulanan[b as usize])
            .reduce(|a, b| a + b)
    }

    /// Realisasi from January to the end of a triwulan (`s.d. triwulan`), from the months.
    pub fn sampai_triwulan(&self, periode: Periode) -> Option<Rupiah> {
        let akhir = self.bulan_triwulan(periode).last()?;
        self.bulanan[..=akhir as usize]
            .iter()
            .flatten()
            .copied()
            .reduce(|a, b| a + b)
    }

    /// Serapan up to the end of a triwulan, against the pagu in force.
    pub fn persen_sampai_triwulan(&self, periode: Periode) -> Option<Decimal> {
        persen(self.sampai_triwulan(periode)?.nilai(), self.pagu.nilai())
    }

    /// Whether any line of this total reports months.
    pub fn ada_bulanan(&self) -> bool {
        self.bulanan.iter().any(Option::is_some)
    }

    fn bulan_triwulan(&self, periode: Periode) -> impl Iterator<Item = Bulan> {
        Bulan::SEMUA
            .into_iter()
            .filter(move |b| periode != Periode::Tahunan && b.triwulan() == periode)
    }

    /// This total's share of `keseluruhan`, when both are available.
    fn proporsi(&self, keseluruhan: &Serapan) -> Option<Decimal> {
        if self.tidak_tersedia.is_some() || keseluruhan.tidak_tersedia.is_some() {
            return None;
        }
        persen(self.pagu.nilai(), keseluruhan.pagu.nilai())
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
                    proporsi: serapan.proporsi(&total),
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
            proporsi: serapan.proporsi(&program_total),
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
                proporsi: serapan.proporsi(&program_total),
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

/// The budget a Perjanjian Kinerja pledges: the sum of its program lines (its own figures, not
/// the budget lines of the year; the reviu compares the two).
pub fn jumlah_perjanjian(pk: &PerjanjianKinerja) -> Rupiah {
    pk.anggaran.iter().map(|a| a.anggaran).sum()
}

/// Years that have budget lines, ascending.
pub fn tahun_anggaran(data: &DataInstansi) -> Vec<Tahun> {
    let mut t: Vec<Tahun> = data.anggaran.iter().map(|p| p.tahun).collect();
    t.sort();
    t.dedup();
    t
}

#[cfg(test)]
mod tests;
