//! Scoring: a criterion's answer is `nilai / maks` of its scale; a sub-component scores the
//! weighted mean of its criteria times its weight; a component the sum of its sub-components; the
//! total the sum of the components. Every sum is exact (`kinerja_core::tepat::Rasional`), turned
//! into a `Decimal` once; figures are rounded only where printed, and the grade is read on the
//! printed total (2 decimals) so a printed 90,00 and its grade (A) agree.

use crate::jawaban::Lembar;
use crate::lke::{JenisSub, Kriteria, Lke};
use crate::usulan::Usulan;
use kinerja_core::angka::{bulatkan, format_angka};
use kinerja_core::model::{Bukti, StatusTindakLanjut};
use kinerja_core::tepat::{Pecahan, Rasional};
use kinerja_core::waktu::Tahun;
use rust_decimal::Decimal;
use std::collections::HashMap;

/// The grade of PermenPANRB 88/2021 on the total: a lower bound belongs to the grade below.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum Predikat {
    D,
    C,
    Cc,
    B,
    Bb,
    A,
    Aa,
}

impl Predikat {
    /// The grade of a total, read on its printed value (2 decimals, half away from zero):
    /// AA above 90, A above 80 to 90, BB above 70 to 80, B above 60 to 70, CC above 50 to 60,
    /// C above 30 to 50, D 0 to 30.
    pub fn dari(total: Decimal) -> Predikat {
        let t = bulatkan(total, 2);
        let batas = [
            (90, Predikat::Aa),
            (80, Predikat::A),
            (70, Predikat::Bb),
            (60, Predikat::B),
            (50, Predikat::Cc),
            (30, Predikat::C),
        ];
        batas
            .iter()
            .find(|(b, _)| t > Decimal::from(*b))
            .map(|(_, p)| *p)
            .unwrap_or(Predikat::D)
    }
    pub fn kode(self) -> &'static str {
        match self {
            Predikat::Aa => "AA",
            Predikat::A => "A",
            Predikat::Bb => "BB",
            Predikat::B => "B",
            Predikat::Cc => "CC",
            Predikat::C => "C",
            Predikat::D => "D",
        }
    }
    pub fn arti(self) -> &'static str {
        match self {
            Predikat::Aa => "Sangat Memuaskan",
            Predikat::A => "Memuaskan",
            Predikat::Bb => "Sangat Baik",
            Predikat::B => "Baik",
            Predikat::Cc => "Cukup",
            Predikat::C => "Kurang",
            Predikat::D => "Sangat Kurang",
        }
    }
}

/// A figure for both answers: the OPD's self-assessment and the evaluator's (the one that counts).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Skor {
    pub opd: Decimal,
    pub evaluator: Decimal,
}

#[derive(Debug, Clone, PartialEq)]
pub struct NilaiJawaban {
    pub kode: String,
    /// The answer's value on 0-100 (`nilai / maks x 100`), unrounded.
    pub nilai: Decimal,
    /// Points earned of the total 100: the criterion's `poin` times the value.
    pub poin: Decimal,
    pub catatan: Option<String>,
    pub bukti: Vec<Bukti>,
    /// The proposal stored with the answer when it was given.
    pub usulan_tersimpan: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct SkorKriteria {
    pub id: String,
    pub uraian: String,
    /// The criterion's share of its sub-component, in percent (equal shares: 100 / n).
    pub bobot: Decimal,
    /// The criterion's weight in points of the total 100: its share of the sub-component's.
    pub poin: Decimal,
    pub opd: Option<NilaiJawaban>,
    pub evaluator: Option<NilaiJawaban>,
    pub rekomendasi: Option<String>,
    /// What the data proposes now, where the criterion names a check.
    pub usulan: Option<Usulan>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct SkorSub {
    pub id: String,
    pub nama: String,
    pub jenis: JenisSub,
    /// Points of the total 100.
    pub bobot: Decimal,
    /// Points earned.
    pub nilai: Skor,
    /// The weighted mean of its criteria on 0-100.
    pub persen: Skor,
    pub kriteria: Vec<SkorKriteria>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct SkorKomponen {
    pub id: String,
    pub nama: String,
    pub bobot: Decimal,
    pub nilai: Skor,
    pub sub: Vec<SkorSub>,
}

/// Whose answer a finding is about.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Pihak {
    Opd,
    Evaluator,
}

impl Pihak {
    pub fn label(self) -> &'static str {
        match self {
            Pihak::Opd => "OPD",
            Pihak::Evaluator => "evaluator",
        }
    }
}

/// What the scoring noticed; never silently fixed.
#[derive(Debug, Clone, PartialEq)]
pub enum Temuan {
    /// The evaluator has not answered: the criterion counts 0.
    BelumDijawab { kriteria: String },
    /// Kerangka logis: an answer scores more than its prerequisite allows.
    KerangkaLogis {
        kriteria: String,
        pihak: Pihak,
        jawaban: String,
        /// The answer's share of its scale, 0-100.
        nilai: Decimal,
        prasyarat: String,
        /// The prerequisite's share, 0-100: the most the answer may score.
        batas: Decimal,
    },
}

impl Temuan {
    pub fn kriteria(&self) -> &str {
        match self {
            Temuan::BelumDijawab { kriteria } | Temuan::KerangkaLogis { kriteria, .. } => kriteria,
        }
    }
    pub fn pesan(&self) -> String {
        match self {
            Temuan::BelumDijawab { kriteria } => {
                format!("kriteria {kriteria} belum dijawab evaluator: dihitung 0")
            }
            Temuan::KerangkaLogis {
                kriteria,
                pihak,
                jawaban,
                nilai,
                prasyarat,
                batas,
            } => format!(
                "kerangka logis: jawaban {} \"{jawaban}\" pada kriteria {kriteria} bernilai {} %, melebihi {} % yang diizinkan prasyarat {prasyarat}",
                pihak.label(),
                format_angka(bulatkan(*nilai, 2), 2),
                format_angka(bulatkan(*batas, 2), 2),
            ),
        }
    }
}

/// A recommendation of last year's evaluation and how it was followed up.
#[derive(Debug, Clone, PartialEq)]
pub struct RekomendasiLalu {
    pub kriteria: String,
    pub rekomendasi: String,
    /// `None`: no follow-up recorded.
    pub status: Option<StatusTindakLanjut>,
    pub uraian: Option<String>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct HasilEvaluasi {
    pub lke: String,
    pub tahun: Tahun,
    pub komponen: Vec<SkorKomponen>,
    pub total: Skor,
    pub temuan: Vec<Temuan>,
    /// Last year's recommendations with their follow-up, carried into this year's report.
    pub rekomendasi_lalu: Vec<RekomendasiLalu>,
}

impl HasilEvaluasi {
    pub fn predikat(&self) -> Predikat {
        Predikat::dari(self.total.evaluator)
    }
    pub fn predikat_opd(&self) -> Predikat {
        Predikat::dari(self.total.opd)
    }
    pub fn kriteria(&self) -> impl Iterator<Item = (&SkorKomponen, &SkorSub, &SkorKriteria)> {
        self.komponen
            .iter()
            .flat_map(|k| k.sub.iter().map(move |s| (k, s)))
            .flat_map(|(k, s)| s.kriteria.iter().map(move |c| (k, s, c)))
    }
}

fn desimal(r: &Rasional) -> Decimal {
    // Every figure here is at most 100 (points) or 100 x 100 on the way: far inside `Decimal`.
    r.desimal().unwrap_or_default()
}

/// A criterion's answer as a share of its scale (0-1), exact.
fn bagian(lke: &Lke, k: &Kriteria, pilihan: usize) -> Rasional {
    let s = lke.skala_kriteria(k);
    Pecahan::new(s.pilihan[pilihan].nilai, s.maks)
        .map(|p| p.rasional())
        .unwrap_or_else(Rasional::nol)
}

/// Scores a year's answers. `usulan` are the proposals to show beside the answers
/// (`crate::usulan::usulkan`); they never change a score.
pub fn nilai<'a>(lembar: &Lembar<'a>, usulan: &[Usulan]) -> HasilEvaluasi {
    let lke: &'a Lke = lembar.lke;
    let seratus = Rasional::desimal_ke(Decimal::ONE_HUNDRED);
    let usulan: HashMap<&str, &Usulan> = usulan.iter().map(|u| (u.kriteria.as_str(), u)).collect();
    let mut temuan = Vec::new();
    // Shares (0-1) of every answered criterion and of every sub-component, per party, for the
    // kerangka logis.
    let mut bagian_opd: HashMap<&'a str, Rasional> = HashMap::new();
    let mut bagian_ev: HashMap<&'a str, Rasional> = HashMap::new();
    let mut total_opd = Rasional::nol();
    let mut total_ev = Rasional::nol();
    let mut komponen = Vec::new();
    for k in &lke.komponen {
        let mut kom_opd = Rasional::nol();
        let mut kom_ev = Rasional::nol();
        let mut subs = Vec::new();
        for s in &k.sub {
            let jumlah_bobot: Decimal = s.kriteria.iter().map(|c| c.bobot).sum();
            let jb = Rasional::desimal_ke(jumlah_bobot);
            let (mut wv_opd, mut wv_ev) = (Rasional::nol(), Rasional::nol());
            let mut kriteria = Vec::new();
            let bobot = Rasional::desimal_ke(s.bobot);
            for c in &s.kriteria {
                let w = Rasional::desimal_ke(c.bobot);
                let poin = w.kali(&bobot).bagi_rasional(&jb);
                let baris = lembar.baris.get(c.id.as_str());
                let jawab = |pilihan: Option<usize>,
                             penilaian: Option<&kinerja_core::model::Penilaian>,
                             wv: &mut Rasional,
                             peta: &mut HashMap<&'a str, Rasional>|
                 -> Option<NilaiJawaban> {
                    let (n, p) = (pilihan?, penilaian?);
                    let b = bagian(lke, c, n);
                    *wv = wv.tambah(&w.kali(&b));
                    let nilai = desimal(&b.kali(&seratus));
                    let poin = desimal(&poin.kali(&b));
                    peta.insert(lke_id(lke, &c.id), b);
                    Some(NilaiJawaban {
                        kode: lke.skala_kriteria(c).pilihan[n].kode.clone(),
                        nilai,
                        poin,
                        catatan: p.catatan.clone(),
                        bukti: p.bukti.clone(),
                        usulan_tersimpan: p.usulan.clone(),
                    })
                };
                let opd = jawab(
                    baris.and_then(|b| b.opd),
                    baris.and_then(|b| b.asal.opd.as_ref()),
                    &mut wv_opd,
                    &mut bagian_opd,
                );
                let evaluator = jawab(
                    baris.and_then(|b| b.evaluator),
                    baris.and_then(|b| b.asal.evaluator.as_ref()),
                    &mut wv_ev,
                    &mut bagian_ev,
                );
                if evaluator.is_none() {
                    temuan.push(Temuan::BelumDijawab {
                        kriteria: c.id.clone(),
                    });
                }
                kriteria.push(SkorKriteria {
                    id: c.id.clone(),
                    uraian: c.uraian.clone(),
                    bobot: desimal(&w.kali(&seratus).bagi_rasional(&jb)),
                    poin: desimal(&poin),
                    opd,
                    evaluator,
                    rekomendasi: baris.and_then(|b| b.asal.rekomendasi.clone()),
                    usulan: usulan.get(c.id.as_str()).map(|u| (*u).clone()),
                });
            }
            let rata_opd = wv_opd.bagi_rasional(&jb);
            let rata_ev = wv_ev.bagi_rasional(&jb);
            bagian_opd.insert(lke_id(lke, &s.id), rata_opd.clone());
            bagian_ev.insert(lke_id(lke, &s.id), rata_ev.clone());
            let poin_opd = rata_opd.kali(&bobot);
            let poin_ev = rata_ev.kali(&bobot);
            kom_opd = kom_opd.tambah(&poin_opd);
            kom_ev = kom_ev.tambah(&poin_ev);
            subs.push(SkorSub {
                id: s.id.clone(),
                nama: s.nama.clone(),
                jenis: s.jenis,
                bobot: s.bobot,
                nilai: Skor {
                    opd: desimal(&poin_opd),
                    evaluator: desimal(&poin_ev),
                },
                persen: Skor {
                    opd: desimal(&rata_opd.kali(&seratus)),
                    evaluator: desimal(&rata_ev.kali(&seratus)),
                },
                kriteria,
            });
        }
        total_opd = total_opd.tambah(&kom_opd);
        total_ev = total_ev.tambah(&kom_ev);
        komponen.push(SkorKomponen {
            id: k.id.clone(),
            nama: k.nama.clone(),
            bobot: k.bobot,
            nilai: Skor {
                opd: desimal(&kom_opd),
                evaluator: desimal(&kom_ev),
            },
            sub: subs,
        });
    }
    for (pihak, peta) in [(Pihak::Opd, &bagian_opd), (Pihak::Evaluator, &bagian_ev)] {
        for (_, _, c) in lke.semua_kriteria() {
            let Some(b) = peta.get(c.id.as_str()) else {
                continue;
            };
            // The lowest prerequisite that is known: an unanswered one is reported as such.
            let batas = c
                .prasyarat
                .iter()
                .filter_map(|p| peta.get(p.as_str()).map(|x| (p, x)))
                .min_by(|a, b| a.1.cmp(b.1));
            if let Some((p, batas)) = batas
                && b > batas
            {
                let kode = lembar
                    .baris
                    .get(c.id.as_str())
                    .and_then(|x| match pihak {
                        Pihak::Opd => x.asal.opd.as_ref(),
                        Pihak::Evaluator => x.asal.evaluator.as_ref(),
                    })
                    .map(|x| x.jawaban.clone())
                    .unwrap_or_default();
                temuan.push(Temuan::KerangkaLogis {
                    kriteria: c.id.clone(),
                    pihak,
                    jawaban: kode,
                    nilai: desimal(&b.kali(&seratus)),
                    prasyarat: p.clone(),
                    batas: desimal(&batas.kali(&seratus)),
                });
            }
        }
    }
    HasilEvaluasi {
        lke: lke.nama.clone(),
        tahun: lembar.tahun,
        komponen,
        total: Skor {
            opd: desimal(&total_opd),
            evaluator: desimal(&total_ev),
        },
        temuan,
        rekomendasi_lalu: lembar
            .lalu
            .iter()
            .map(|j| RekomendasiLalu {
                kriteria: j.kriteria.clone(),
                rekomendasi: j.rekomendasi.clone().unwrap_or_default(),
                status: j.tindak_lanjut.as_ref().map(|t| t.status),
                uraian: j.tindak_lanjut.as_ref().and_then(|t| t.uraian.clone()),
            })
            .collect(),
    }
}

/// The worksheet's own copy of an id (so the maps borrow from the worksheet, not the loop).
fn lke_id<'a>(lke: &'a Lke, id: &str) -> &'a str {
    lke.indeks
        .get_key_value(id)
        .map(|(k, _)| k.as_str())
        .or_else(|| lke.indeks_sub.get_key_value(id).map(|(k, _)| k.as_str()))
        .unwrap_or("")
}
