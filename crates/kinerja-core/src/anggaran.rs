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
mod tests {
    use super::*;
    use crate::uji::{mumbulsari, rp, tahun};

    fn bulat(d: Option<Decimal>) -> Decimal {
        crate::angka::bulatkan(d.unwrap(), 2)
    }

    #[test]
    fn seed_budget_totals_are_derived_from_the_kegiatan() {
        let r = ringkas(&mumbulsari(), tahun(2020));
        // Programs: I 15.000.000 + 140.000.000 + 55.000.000 = 210.000.000;
        // realisasi 13.459.500 + 121.240.000 + 43.864.567 = 178.564.067 (the seed prints
        // 155.167.739 for the program, which matches none of its kegiatan).
        let p1 = &r.program[0];
        assert_eq!(p1.serapan.pagu, rp("210000000"));
        assert_eq!(p1.serapan.realisasi, Some(rp("178564067")));
        // 178.564.067 / 210.000.000 = 85,0305...%.
        assert_eq!(bulat(p1.serapan.persen), dec!(85.03));
        // II: 5.000.000 + 2.500.000 + 15.000.000 + 9.200.000 = 31.700.000; realisasi
        // 4.991.000 + 2.498.000 + 13.939.113 + 7.691.581 = 29.119.694; 91,8602...% -> 91,86.
        assert_eq!(r.program[1].serapan.realisasi, Some(rp("29119694")));
        assert_eq!(bulat(r.program[1].serapan.persen), dec!(91.86));
        // III: 12.845.000 / 20.000.000 = 64,225 % exactly: half away from zero gives 64,23.
        assert_eq!(r.program[2].serapan.persen, Some(dec!(64.225)));
        assert_eq!(bulat(r.program[2].serapan.persen), dec!(64.23));
        // IV: 133.950.000 / 138.300.000 = 96,8546...% -> 96,85.
        assert_eq!(bulat(r.program[3].serapan.persen), dec!(96.85));
        // All programs (Belanja Langsung): 354.478.761 / 400.000.000 = 88,61969025 % -> 88,62.
        assert_eq!(r.program_total.pagu, rp("400000000"));
        assert_eq!(r.program_total.realisasi, Some(rp("354478761")));
        assert_eq!(r.program_total.persen, Some(dec!(88.61969025)));
    }

    #[test]
    fn a_total_past_decimal_s_range_is_not_available_not_a_panic() {
        // Two lines of 5·10^28 do not sum in a `Decimal` (7,9·10^28). No door lets such a line in
        // (10^15 at most, so more than 7·10^13 lines would be needed); built here directly.
        let mut d = mumbulsari();
        let besar = Rupiah::tanpa_batas(dec!(50000000000000000000000000000));
        d.anggaran[0].pagu = besar;
        d.anggaran[1].pagu = besar;
        let r = ringkas(&d, tahun(2020));
        let tidak = Some(AlasanTidakTersedia::MelebihiBatas);
        // Both lines are program I's (K1-1, K1-2): its total, Belanja Langsung's and the year's
        // are not available; they carry no figure and no serapan.
        for s in [&r.total, &r.program_total, &r.program[0].serapan] {
            assert_eq!(s.tidak_tersedia, tidak);
            assert_eq!((s.pagu, s.realisasi, s.persen), (Rupiah::NOL, None, None));
        }
        // Program II still sums; its share of an unavailable whole is not available.
        assert_eq!(r.program[1].serapan.pagu, rp("31700000"));
        assert_eq!(r.program[1].serapan.tidak_tersedia, None);
        assert_eq!(r.program[1].proporsi, None);
        assert!(r.kelompok.iter().all(|k| k.proporsi.is_none()));
    }

    #[test]
    fn seed_totals_and_composition() {
        let r = ringkas(&mumbulsari(), tahun(2020));
        // 1.274.830.966,58 + 400.000.000 = 1.674.830.966,58; realisasi 889.672.130 +
        // 354.478.761 = 1.244.150.891 (the seed's Bab IV prints 1.267.731.971).
        assert_eq!(r.total.pagu, rp("1674830966.58"));
        assert_eq!(r.total.realisasi, Some(rp("1244150891")));
        // 1.244.150.891 / 1.674.830.966,58 = 74,2851...%.
        assert_eq!(bulat(r.total.persen), dec!(74.29));
        let btl = r
            .kelompok
            .iter()
            .find(|k| k.jenis == JenisBelanja::TidakLangsung)
            .unwrap();
        let bl = r
            .kelompok
            .iter()
            .find(|k| k.jenis == JenisBelanja::Langsung)
            .unwrap();
        // BTL serapan 889.672.130 / 1.274.830.966,58 = 69,7874...% -> 69,79 (as printed).
        assert_eq!(bulat(btl.serapan.persen), dec!(69.79));
        // Shares: BTL 1.274.830.966,58 / 1.674.830.966,58 = 76,1169...% -> 76,12; BL 23,88
        // (the seed prints them the other way round).
        assert_eq!(bulat(btl.proporsi), dec!(76.12));
        assert_eq!(bulat(bl.proporsi), dec!(23.88));
    }

    #[test]
    fn a_perjanjian_kinerja_pledges_the_sum_of_its_program_lines() {
        let baris = |program: &str, anggaran: &str| AnggaranPk {
            program: ProgramId::new(program).unwrap(),
            anggaran: rp(anggaran),
            keterangan: None,
        };
        let mut pk = PerjanjianKinerja {
            id: PkId::new("pk-2020").unwrap(),
            instansi: InstansiId::new("mumbulsari").unwrap(),
            tahun: tahun(2020),
            pihak_pertama: PejabatId::new("camat").unwrap(),
            pihak_kedua: PejabatId::new("bupati").unwrap(),
            tempat: None,
            tanggal: None,
            indikator: vec![],
            anggaran: vec![],
            catatan: None,
            ditandatangani: false,
            perubahan_dari: None,
            target_arsip: Vec::new(),
        };
        assert_eq!(jumlah_perjanjian(&pk), Rupiah::NOL);
        // The seed's PK 2020: 210.000.000 + 31.700.000 + 20.000.000 + 138.300.000 = 400.000.000.
        pk.anggaran = vec![
            baris("P-ADM", "210000000"),
            baris("P-SARPRAS", "31700000"),
            baris("P-DISIPLIN", "20000000"),
            baris("P-KOORD", "138300000"),
        ];
        assert_eq!(jumlah_perjanjian(&pk), rp("400000000"));
    }

    #[test]
    fn seed_budget_per_sasaran() {
        let r = ringkas(&mumbulsari(), tahun(2020));
        // S1: program I, 210.000.000 / 400.000.000 = 52,50 %; S2: 190.000.000 = 47,50 %.
        assert_eq!(r.sasaran.len(), 2);
        assert_eq!(r.sasaran[0].serapan.pagu, rp("210000000"));
        assert_eq!(r.sasaran[0].proporsi, Some(dec!(52.5)));
        assert_eq!(r.sasaran[1].serapan.pagu, rp("190000000"));
        assert_eq!(r.sasaran[1].proporsi, Some(dec!(47.5)));
        assert_eq!(r.sasaran[1].program.len(), 3);
    }

    #[test]
    fn unreported_realisasi_is_not_zero() {
        let mut d = mumbulsari();
        for p in d
            .anggaran
            .iter_mut()
            .filter(|p| p.id.as_str() == "pos-K3-1")
        {
            p.realisasi = None;
        }
        let r = ringkas(&d, tahun(2020));
        let p3 = &r.program[2];
        assert_eq!(p3.serapan.realisasi, None);
        assert_eq!(p3.serapan.persen, None);
        // The total keeps what was reported and says one line is missing:
        // 354.478.761 - 12.845.000 = 341.633.761.
        assert_eq!(r.program_total.realisasi, Some(rp("341633761")));
        assert_eq!(r.program_total.belum_dilaporkan, 1);
        assert!(!r.program_total.lengkap());
    }

    #[test]
    fn sub_kegiatan_lines_roll_up_to_their_kegiatan() {
        let mut d = mumbulsari();
        d.sub_kegiatan.push(SubKegiatan {
            id: SubKegiatanId::new("SK1").unwrap(),
            kegiatan: KegiatanId::new("K3-1").unwrap(),
            kode: Some("7.01.02.2.01.0001".into()),
            nama: "sub".into(),
        });
        d.anggaran.push(PosAnggaran {
            id: PosAnggaranId::new("sk1").unwrap(),
            tahun: tahun(2020),
            tempat: TempatAnggaran::SubKegiatan(SubKegiatanId::new("SK1").unwrap()),
            jenis: JenisBelanja::LangsungModal,
            pagu: rp("1000000.50"),
            pagu_perubahan: None,
            realisasi: Some(rp("0.50")),
            realisasi_bulanan: Default::default(),
            catatan: None,
        });
        let r = ringkas(&d, tahun(2020));
        let k = &r.program[2].kegiatan[0];
        // 20.000.000 + 1.000.000,50 = 21.000.000,50; 12.845.000 + 0,50 = 12.845.000,50.
        assert_eq!(k.serapan.pagu, rp("21000000.50"));
        assert_eq!(k.serapan.realisasi, Some(rp("12845000.50")));
        assert_eq!(k.sub_kegiatan[0].serapan.pagu, rp("1000000.50"));
        assert_eq!(r.total.pagu, rp("1674830966.58") + rp("1000000.50"));
    }

    #[test]
    fn serapan_is_against_the_changed_pagu_and_months_roll_up() {
        let mut d = mumbulsari();
        let pos = d
            .anggaran
            .iter_mut()
            .find(|p| p.id.as_str() == "pos-K3-1")
            .unwrap();
        // APBD perubahan raises K3-1 from 20.000.000 to 25.000.000; realisasi by month.
        pos.pagu_perubahan = Some(rp("25000000"));
        pos.realisasi = None;
        for (b, r) in [
            (Bulan::Januari, "1000000"),
            (Bulan::Februari, "2000000"),
            (Bulan::Maret, "3000000"),
            (Bulan::April, "500000.50"),
            (Bulan::Juli, "4000000"),
        ] {
            pos.realisasi_bulanan.insert(b, rp(r));
        }
        let r = ringkas(&d, tahun(2020));
        let s = &r.program[2].serapan;
        assert_eq!(
            (s.pagu, s.pagu_murni, s.berubah),
            (rp("25000000"), rp("20000000"), 1)
        );
        // Year: 1.000.000 + 2.000.000 + 3.000.000 + 500.000,50 + 4.000.000 = 10.500.000,50;
        // against the pagu in force 10.500.000,50 / 25.000.000 = 42,000002 %.
        assert_eq!(s.realisasi, Some(rp("10500000.50")));
        assert_eq!(s.persen, Some(dec!(42.000002)));
        // Triwulan I: 6.000.000; II: 500.000,50 (May and June not reported); III: 4.000.000;
        // IV: no month reported, no figure (not zero).
        assert_eq!(s.triwulan(Periode::Tw1), Some(rp("6000000")));
        assert_eq!(s.triwulan(Periode::Tw2), Some(rp("500000.50")));
        assert_eq!(s.triwulan(Periode::Tw3), Some(rp("4000000")));
        assert_eq!(s.triwulan(Periode::Tw4), None);
        // Up to triwulan II: 6.500.000,50 / 25.000.000 = 26,000002 %.
        assert_eq!(s.sampai_triwulan(Periode::Tw2), Some(rp("6500000.50")));
        assert_eq!(
            s.persen_sampai_triwulan(Periode::Tw2),
            Some(dec!(26.000002))
        );
        assert_eq!(s.tanpa_rincian_bulan, 0);
        // All programs: pagu in force 400.000.000 - 20.000.000 + 25.000.000 = 405.000.000, the
        // original 400.000.000; realisasi 354.478.761 - 12.845.000 + 10.500.000,50 =
        // 352.133.761,50. The other 9 kegiatan lines have a year figure only.
        let t = &r.program_total;
        assert_eq!((t.pagu, t.pagu_murni), (rp("405000000"), rp("400000000")));
        assert_eq!(t.realisasi, Some(rp("352133761.50")));
        assert_eq!(t.tanpa_rincian_bulan, 9);
        assert_eq!(t.triwulan(Periode::Tw1), Some(rp("6000000")));
    }

    proptest::proptest! {
        /// Whatever the lines, every level adds up: groups and types to the total, kegiatan to
        /// their program, programs to the program total, sasaran to the program total.
        #[test]
        fn every_level_adds_up(lines in proptest::collection::vec((0usize..10, 0i64..10_000_000_000, proptest::option::of(0i64..10_000_000_000)), 0..40)) {
            let mut d = mumbulsari();
            let keg: Vec<KegiatanId> = d.kegiatan.iter().map(|k| k.id.clone()).collect();
            d.anggaran.clear();
            for (i, (k, pagu, real)) in lines.iter().enumerate() {
                d.anggaran.push(PosAnggaran {
                    id: PosAnggaranId::new(format!("p{i}")).unwrap(),
                    tahun: tahun(2020),
                    // Every fifth line is spending tied to no kegiatan.
                    tempat: if i % 5 == 4 { TempatAnggaran::Instansi } else { TempatAnggaran::Kegiatan(keg[*k].clone()) },
                    jenis: if i % 5 == 4 { JenisBelanja::TidakLangsung } else { JenisBelanja::LangsungBarangJasa },
                    pagu: Rupiah::new(Decimal::new(*pagu, 2)).unwrap(),
                    pagu_perubahan: None,
                    realisasi: real.map(|r| Rupiah::new(Decimal::new(r, 2)).unwrap()),
                    realisasi_bulanan: Default::default(),
                    catatan: None,
                });
            }
            let r = ringkas(&d, tahun(2020));
            let sum = |xs: &mut dyn Iterator<Item = Rupiah>| xs.sum::<Rupiah>();
            proptest::prop_assert_eq!(sum(&mut r.kelompok.iter().map(|k| k.serapan.pagu)), r.total.pagu);
            proptest::prop_assert_eq!(sum(&mut r.jenis.iter().map(|k| k.serapan.pagu)), r.total.pagu);
            proptest::prop_assert_eq!(sum(&mut r.program.iter().map(|p| p.serapan.pagu)), r.program_total.pagu);
            proptest::prop_assert_eq!(sum(&mut r.sasaran.iter().map(|s| s.serapan.pagu)), r.program_total.pagu);
            for p in &r.program {
                proptest::prop_assert_eq!(sum(&mut p.kegiatan.iter().map(|k| k.serapan.pagu)), p.serapan.pagu);
                let real: Rupiah = p.kegiatan.iter().filter_map(|k| k.serapan.realisasi).sum();
                proptest::prop_assert_eq!(p.serapan.realisasi.unwrap_or(Rupiah::NOL), real);
            }
            let n_belum = lines.iter().filter(|l| l.2.is_none()).count();
            proptest::prop_assert_eq!(r.total.belum_dilaporkan, n_belum);
        }
    }

    #[test]
    fn serapan_of_zero_pagu_is_unavailable() {
        assert_eq!(persen(dec!(5), Decimal::ZERO), None);
    }
}
