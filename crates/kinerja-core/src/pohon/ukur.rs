//! Capaian and predikat of every node of a pohon kinerja, from the data sets of the node owners.
//!
//! Decisions (no regulation settles how a tree is measured; each has a test):
//! - A node indicator that names a plan indicator (`IndikatorSimpul::indikator`) is measured as
//!   its owner measures it: the owner's data set (the pemda's for the pemda's nodes, the OPD's
//!   for an OPD's), the target by the measurement's precedence (Pengukuran, PK, RKT, Renstra or
//!   RPJMD) and the year's realisasi, so a node shows the figure the owner's LKjIP prints. The
//!   node's own target is shown beside it (the reviu's `POHON-TARGET-PK` flags a difference).
//!   Without the owner's data set it is not available (`DataPemilikKosong`), never 0.
//! - Any other node indicator is measured from its own `realisasi` against its own target: at the
//!   individual level by PermenPANRB 8/2021 (`capaian::ATURAN_SKP`, whatever the instansi's
//!   setting), at the other levels by the owner's rule (`pengaturan`).
//! - A node linked to sasaran of its owner (an OPD's or the pemda's strategic node) takes the
//!   owner's measured capaian of those sasaran (the mean of each sasaran's indicators, and the
//!   mean of those when it links several): the figure the owner reports. Any other node takes
//!   the mean of its own indicators' available capaian. Not available when nothing is measured.
//! - The predikat is read on the owner's scale (the pemda's when the owner's data set is absent).

use crate::capaian::{self, AlasanTidakTersedia, Capaian, rata_rata_tepat};
use crate::id::*;
use crate::model::*;
use crate::nilai::Nilai;
use crate::pengukuran::{self, Indeks, TabelPengukuran};
use crate::pohon::instansi_data;
use crate::predikat::{Predikat, SkalaPredikat};
use crate::tepat::Rasional;
use rust_decimal::Decimal;
use serde::Serialize;
use std::collections::HashMap;

/// Where a node indicator's realisasi comes from.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[serde(tag = "jenis", rename_all = "snake_case")]
pub enum SumberRealisasi {
    /// The node's own `realisasi`, against the node's target.
    Simpul,
    /// The owner's measurement of plan indicator `indikator`; `dokumen` is the document whose
    /// target measured it, `rpjmd` whether that plan is the RPJMD (its label then reads RPJMD).
    Rencana {
        indikator: IndikatorId,
        dokumen: Option<DokumenTarget>,
        rpjmd: bool,
    },
}

/// One node indicator measured.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct UkurIndikator {
    /// The target the capaian was measured against.
    pub target: Option<Nilai>,
    pub realisasi: Option<Nilai>,
    pub capaian: Capaian,
    pub sumber: SumberRealisasi,
}

/// What a node's capaian is the mean of.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum DasarCapaian {
    /// The owner's measured capaian of the sasaran the node links.
    Sasaran,
    /// The node's own indicators.
    Indikator,
}

/// One node measured.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct UkurSimpul {
    /// In the order of the node's `indikator`.
    pub indikator: Vec<UkurIndikator>,
    pub capaian: Option<Decimal>,
    pub dasar: Option<DasarCapaian>,
    pub predikat: Option<Predikat>,
    /// The colour of the predikat's band (CSS hex): the scale's own when it states a valid one,
    /// else one by rank from red (lowest) to green (highest). None without a predikat.
    pub warna: Option<String>,
    /// The number of bands of that scale (a page's badge places a band by its rank).
    pub jumlah_pita: usize,
}

/// A tree measured: every node by id, and the owners whose data set was not given.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct UkurPohon {
    pub simpul: HashMap<SimpulId, UkurSimpul>,
    pub tanpa_data: Vec<InstansiId>,
}

struct Sumber<'a> {
    ix: Indeks<'a>,
    tabel: TabelPengukuran,
    rpjmd: bool,
}

/// Measures tree `pohon` of the pemda's data set `pemda` for the tree's year; `opd` are the
/// data sets of the node owners (each found by the instansi it reports for).
pub fn ukur(pemda: &DataInstansi, pohon: &PohonId, opd: &[&DataInstansi]) -> UkurPohon {
    let Some(ph) = pemda.pohon.iter().find(|p| &p.id == pohon) else {
        return UkurPohon::default();
    };
    let tahun = ph.tahun;
    let mut sumber: HashMap<&InstansiId, Sumber> = HashMap::new();
    for d in std::iter::once(&pemda).chain(opd.iter()) {
        let id = match instansi_data(d) {
            Some(i) => i,
            None if std::ptr::eq(*d, pemda) => &ph.instansi,
            None => continue,
        };
        if sumber.contains_key(id) {
            continue;
        }
        let ix = Indeks::new(d);
        let tabel = pengukuran::ukur(&ix, tahun);
        let rpjmd = d.rpjmd();
        sumber.insert(id, Sumber { ix, tabel, rpjmd });
    }
    let pemda_ix = sumber.get(&ph.instansi).map(|s| &s.ix);
    let mut hasil = UkurPohon::default();
    for s in pemda.simpul.iter().filter(|s| &s.pohon == pohon) {
        let pemilik = s.pemilik.as_ref().map(|m| &m.instansi);
        let src = pemilik.and_then(|i| sumber.get(i));
        if let (Some(i), None) = (pemilik, src)
            && !hasil.tanpa_data.contains(i)
        {
            hasil.tanpa_data.push(i.clone());
        }
        let indikator: Vec<UkurIndikator> = s
            .indikator
            .iter()
            .map(|ind| ukur_indikator(s, ind, src, pemda_ix, tahun))
            .collect();
        let dari_sasaran = src.and_then(|src| capaian_sasaran(s, src));
        let (tepat, dasar) = match dari_sasaran {
            Some(r) => (Some(r), Some(DasarCapaian::Sasaran)),
            None => {
                let cs: Vec<Capaian> = indikator.iter().map(|i| i.capaian).collect();
                match rata_rata_tepat(&cs) {
                    Some(r) => (Some(r), Some(DasarCapaian::Indikator)),
                    None => (None, None),
                }
            }
        };
        let capaian = tepat.and_then(|r| r.desimal());
        let skala = src.map(|s| &s.ix).or(pemda_ix).map(|ix| &ix.skala);
        let predikat = capaian.zip(skala).map(|(c, sk)| sk.predikat(c));
        let warna = predikat.as_ref().zip(skala).map(|(p, sk)| warna(p, sk));
        hasil.simpul.insert(
            s.id.clone(),
            UkurSimpul {
                indikator,
                predikat,
                warna,
                jumlah_pita: skala.map(|sk| sk.pita.len()).unwrap_or(0),
                capaian,
                dasar: capaian.and(dasar),
            },
        );
    }
    hasil
}

fn ukur_indikator(
    s: &SimpulPohon,
    ind: &IndikatorSimpul,
    src: Option<&Sumber>,
    pemda_ix: Option<&Indeks>,
    tahun: crate::waktu::Tahun,
) -> UkurIndikator {
    if let Some(id) = &ind.indikator {
        let sumber = |dokumen| SumberRealisasi::Rencana {
            indikator: id.clone(),
            dokumen,
            rpjmd: src.is_some_and(|x| x.rpjmd),
        };
        let Some(src) = src else {
            return UkurIndikator {
                target: None,
                realisasi: None,
                capaian: Capaian::TidakTersedia {
                    alasan: AlasanTidakTersedia::DataPemilikKosong,
                },
                sumber: sumber(None),
            };
        };
        let baris = src.tabel.baris.iter().find(|b| &b.indikator == id);
        return match (baris, src.ix.indikator(id)) {
            (Some(b), _) => UkurIndikator {
                target: b.target.clone(),
                realisasi: b.realisasi.as_ref().map(|r| r.nilai.clone()),
                capaian: b.capaian,
                sumber: sumber(b.dokumen_target),
            },
            // A program's or kegiatan's indicator is not in the sasaran table: measured alike.
            (None, Some(plan)) => {
                let t = src.ix.target_pengukuran(id, tahun);
                let (r, c) = src.ix.ukur_indikator(plan, tahun, t.map(|t| &t.nilai));
                UkurIndikator {
                    target: t.map(|t| t.nilai.clone()),
                    realisasi: r.map(|r| r.nilai),
                    capaian: c,
                    sumber: sumber(t.map(|t| t.dokumen)),
                }
            }
            (None, None) => UkurIndikator {
                target: None,
                realisasi: None,
                capaian: Capaian::TidakTersedia {
                    alasan: AlasanTidakTersedia::TargetKosong,
                },
                sumber: sumber(None),
            },
        };
    }
    let capaian = if s.tingkat == TingkatSimpul::Individu {
        capaian::hitung_skp(ind.polaritas, ind.target.as_ref(), ind.realisasi.as_ref())
    } else {
        let aturan = src
            .map(|s| &s.ix)
            .or(pemda_ix)
            .map(|ix| ix.aturan)
            .unwrap_or_default();
        capaian::hitung(
            ind.polaritas,
            ind.target.as_ref(),
            ind.realisasi.as_ref(),
            &aturan,
        )
    };
    UkurIndikator {
        target: ind.target.clone(),
        realisasi: ind.realisasi.clone(),
        capaian,
        sumber: SumberRealisasi::Simpul,
    }
}

/// A band's colour: the scale's when it is `#` and 3 or 6 hex digits (it is data, and goes into
/// markup), else by rank on a red-amber-green ramp.
fn warna(p: &Predikat, skala: &SkalaPredikat) -> String {
    let n = skala.pita.len();
    let sah = |w: &str| {
        let h = w.strip_prefix('#').unwrap_or("");
        matches!(h.len(), 3 | 6) && h.bytes().all(|b| b.is_ascii_hexdigit())
    };
    // Bands run from the highest down; rank 0 is the lowest.
    let pita = n
        .checked_sub(1 + p.peringkat)
        .and_then(|i| skala.pita.get(i));
    if p.terdefinisi
        && let Some(w) = pita.and_then(|x| x.warna.as_deref()).filter(|w| sah(w))
    {
        return w.to_string();
    }
    const RAMP: [&str; 4] = ["#d73027", "#f1a340", "#5aae61", "#1b7837"];
    let i = match n {
        0 | 1 => 3,
        _ => p.peringkat.min(n - 1) * 3 / (n - 1),
    };
    RAMP[i].to_string()
}

/// The owner's measured capaian of the sasaran node `s` links (exact), when any is measured.
fn capaian_sasaran(s: &SimpulPohon, src: &Sumber) -> Option<Rasional> {
    let per_sasaran: Vec<Rasional> = s
        .tautan
        .iter()
        .filter_map(|t| match t {
            Pemilik::Sasaran(id) => Some(id),
            _ => None,
        })
        .filter_map(|id| {
            let cs: Vec<Capaian> = src
                .tabel
                .baris
                .iter()
                .filter(|b| &b.sasaran == id)
                .map(|b| b.capaian)
                .collect();
            rata_rata_tepat(&cs)
        })
        .collect();
    if per_sasaran.is_empty() {
        return None;
    }
    let n = per_sasaran.len();
    Some(
        per_sasaran
            .iter()
            .fold(Rasional::nol(), |a, r| a.tambah(r))
            .bagi(n),
    )
}

/// An OPD's part in an RPJMD sasaran: its node right under the pemda's node of that sasaran.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Kontribusi {
    pub instansi: InstansiId,
    /// The instansi's name as the pemda's data set lists it (its id when it does not).
    pub nama: String,
    pub simpul: SimpulId,
    pub uraian: String,
    pub capaian: Option<Decimal>,
    pub predikat: Option<Predikat>,
    pub jumlah_pita: usize,
}

/// An indicator of an RPJMD sasaran (the pemda's IKU) measured for the year, with each OPD's
/// contribution through the tree.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct IkuPemda {
    pub sasaran: SasaranId,
    pub sasaran_uraian: String,
    pub indikator: IndikatorId,
    pub uraian: String,
    pub satuan: Option<String>,
    pub target: Option<Nilai>,
    pub dokumen: Option<DokumenTarget>,
    pub realisasi: Option<Nilai>,
    pub capaian: Capaian,
    pub predikat: Option<Predikat>,
    /// The nodes of other instansi directly under a pemda node linked to this sasaran, in tree
    /// order: the OPDs that carry it.
    pub kontribusi: Vec<Kontribusi>,
}

/// The RPJMD's sasaran indicators of `tahun` (the pemda's own measurement, as its LKjIP
/// prints it), each with the OPD nodes of the year's tree `pohon` (measured: `ukur`) that carry
/// it. Empty when the data set has no RPJMD.
pub fn iku_pemda(
    pemda: &DataInstansi,
    tahun: crate::waktu::Tahun,
    pohon: Option<&UkurPohon>,
) -> Vec<IkuPemda> {
    if !pemda.rpjmd() {
        return Vec::new();
    }
    let ix = Indeks::new(pemda);
    let tabel = pengukuran::ukur(&ix, tahun);
    let ph = crate::pohon::pohon_tahun(pemda, tahun);
    let simpul: Vec<&SimpulPohon> = pemda
        .simpul
        .iter()
        .filter(|s| ph.is_some_and(|p| p.id == s.pohon))
        .collect();
    tabel
        .baris
        .iter()
        .filter_map(|b| {
            let ind = ix.indikator(&b.indikator)?;
            let sasaran = ix.sasaran(&b.sasaran)?;
            let pemda_simpul: Vec<&SimpulId> = simpul
                .iter()
                .filter(|s| {
                    s.pemilik.as_ref().map(|m| &m.instansi) == ph.map(|p| &p.instansi)
                        && s.tautan.contains(&Pemilik::Sasaran(b.sasaran.clone()))
                })
                .map(|s| &s.id)
                .collect();
            let kontribusi = simpul
                .iter()
                .filter(|s| s.induk.as_ref().is_some_and(|i| pemda_simpul.contains(&i)))
                .filter_map(|s| {
                    let m = s.pemilik.as_ref()?;
                    if Some(&m.instansi) == ph.map(|p| &p.instansi) {
                        return None;
                    }
                    let u = pohon.and_then(|u| u.simpul.get(&s.id));
                    Some(Kontribusi {
                        instansi: m.instansi.clone(),
                        nama: pemda
                            .instansi
                            .iter()
                            .find(|i| i.id == m.instansi)
                            .map_or_else(|| m.instansi.to_string(), |i| i.nama.clone()),
                        simpul: s.id.clone(),
                        uraian: s.uraian.clone(),
                        capaian: u.and_then(|u| u.capaian),
                        predikat: u.and_then(|u| u.predikat.clone()),
                        jumlah_pita: u.map_or(0, |u| u.jumlah_pita),
                    })
                })
                .collect();
            Some(IkuPemda {
                sasaran: b.sasaran.clone(),
                sasaran_uraian: sasaran.uraian.clone(),
                indikator: b.indikator.clone(),
                uraian: ind.uraian.clone(),
                satuan: ind.satuan.clone(),
                target: b.target.clone(),
                dokumen: b.dokumen_target,
                realisasi: b.realisasi.as_ref().map(|r| r.nilai.clone()),
                capaian: b.capaian,
                predikat: b.predikat.clone(),
                kontribusi,
            })
        })
        .collect()
}

#[cfg(test)]
mod tests;
