//! The pemda's pohon kinerja and RPJMD beside its OPDs' data sets.
//!
//! The tree lives in the pemda's data set; the OPDs' Renstra, PK and budgets in theirs. A rule
//! that needs an OPD's data set says nothing about an OPD whose data set was not given, and a
//! rule about missing nodes says nothing about an instansi that owns no node of the year's tree
//! (the reviu asserts only what the data can show). Rules:
//! - `SASARAN-TANPA-RPJMD`: an OPD's Renstra sasaran supports no RPJMD sasaran (neither its
//!   `mendukung` names one, by id or wording, nor a node linking it hangs under a node linking
//!   one);
//! - `POHON-SIMPUL-TANPA-INDIKATOR`, `POHON-SIMPUL-TANPA-PEMILIK`;
//! - `POHON-ANGGARAN-TANPA-SIMPUL`: a sub kegiatan (a kegiatan, in budgets before Permendagri
//!   90/2019) with a pagu in the year that no operational node links;
//! - `POHON-CROSSCUTTING`: a crosscutting link still proposed, or refused (with its reason);
//! - `POHON-TARGET-PK`: a node's target differs from its indicator's Perjanjian Kinerja target;
//! - `POHON-SATUAN`: one indicator code with different satuan on the tree's levels;
//! - `POHON-TARGET-ANAK`: the children's targets of an additive indicator cannot add up to
//!   the parent's (below it, or above it for a lower-is-better indicator);
//! - `POHON-TAUTAN`: an OPD node's link to a record its OPD's data set does not have.

use crate::{LokasiTemuan, Temuan, Tingkat};
use kinerja_core::angka::{format_angka, format_rupiah};
use kinerja_core::id::*;
use kinerja_core::model::*;
use kinerja_core::pohon::{instansi_data, pohon_tahun};
use kinerja_core::uang::Rupiah;
use kinerja_core::waktu::Tahun;
use rust_decimal::Decimal;
use std::collections::{BTreeMap, HashMap, HashSet};

mod target;

/// The pemda's data set and those of its OPDs that are at hand.
struct Pemda<'a> {
    pemda: &'a DataInstansi,
    opd: &'a [&'a DataInstansi],
    tahun: Tahun,
    out: Vec<Temuan>,
}

/// Every finding about the pemda's tree of year `tahun` and its RPJMD, with the OPDs' data sets
/// `opd` (any order; each found by the instansi it reports for).
pub fn periksa(pemda: &DataInstansi, opd: &[&DataInstansi], tahun: Tahun) -> Vec<Temuan> {
    let mut p = Pemda {
        pemda,
        opd,
        tahun,
        out: Vec::new(),
    };
    p.sasaran_tanpa_rpjmd();
    if let Some(pohon) = pohon_tahun(pemda, tahun) {
        let simpul: Vec<&SimpulPohon> = pemda
            .simpul
            .iter()
            .filter(|s| s.pohon == pohon.id)
            .collect();
        p.kelengkapan_simpul(&simpul);
        p.anggaran_tanpa_simpul(&simpul);
        p.crosscutting(&simpul);
        p.target_pk(&simpul);
        p.satuan(&simpul);
        p.target_anak(&simpul);
        p.tautan(&simpul);
    }
    p.out
}

fn lok(dokumen: String, tabel: impl Into<String>, baris: Option<String>) -> LokasiTemuan {
    LokasiTemuan {
        dokumen,
        tabel: tabel.into(),
        baris,
    }
}

/// Lower case, single spaces, no final full stop: wordings compared as a reader would.
fn normal(s: &str) -> String {
    s.split_whitespace()
        .collect::<Vec<_>>()
        .join(" ")
        .trim_end_matches('.')
        .to_lowercase()
}

/// A number as written in a finding: as many decimals as it has (`1.500`, `87,5`).
fn angka(n: Decimal) -> String {
    format_angka(n, n.normalize().scale())
}

impl<'a> Pemda<'a> {
    fn tambah(
        &mut self,
        aturan: &str,
        tingkat: Tingkat,
        lokasi: LokasiTemuan,
        kunci: String,
        pesan: String,
    ) {
        self.out.push(Temuan {
            aturan: aturan.into(),
            tingkat,
            lokasi,
            pesan,
            tercatat: None,
            dihitung: None,
            pembulatan: None,
            kunci,
            diterima: None,
        });
    }

    fn dokumen_pohon(&self) -> String {
        format!("Pohon Kinerja {}", self.tahun)
    }

    fn lok_simpul(&self, s: &SimpulPohon) -> LokasiTemuan {
        lok(
            self.dokumen_pohon(),
            format!("Simpul {}", s.tingkat.label()),
            Some(s.uraian.clone()),
        )
    }

    /// The data set of instansi `id`: the pemda's or one of the OPDs'.
    fn data_milik(&self, id: &InstansiId) -> Option<&'a DataInstansi> {
        std::iter::once(self.pemda)
            .chain(self.opd.iter().copied())
            .find(|d| instansi_data(d) == Some(id))
    }

    fn nama_instansi(&self, id: &InstansiId) -> String {
        std::iter::once(self.pemda)
            .chain(self.opd.iter().copied())
            .flat_map(|d| d.instansi.iter())
            .find(|i| &i.id == id)
            .map(|i| i.nama.clone())
            .unwrap_or_else(|| id.to_string())
    }

    /// The RPJMD of the year and its sasaran.
    fn sasaran_rpjmd(&self) -> Option<Vec<&'a Sasaran>> {
        let r = self.pemda.renstra.iter().find(|r| {
            r.jenis == JenisRencana::Rpjmd
                && r.tahun_awal <= self.tahun
                && self.tahun <= r.tahun_akhir
        })?;
        let tujuan: HashSet<&TujuanId> = self
            .pemda
            .tujuan
            .iter()
            .filter(|t| t.renstra == r.id)
            .map(|t| &t.id)
            .collect();
        Some(
            self.pemda
                .sasaran
                .iter()
                .filter(|s| tujuan.contains(&s.tujuan))
                .collect(),
        )
    }

    fn sasaran_tanpa_rpjmd(&mut self) {
        let Some(rpjmd) = self.sasaran_rpjmd() else {
            return;
        };
        let id_rpjmd: HashSet<&str> = rpjmd.iter().map(|s| s.id.as_str()).collect();
        let uraian_rpjmd: HashSet<String> = rpjmd.iter().map(|s| normal(&s.uraian)).collect();
        // Nodes under (or at) a pemda node that links an RPJMD sasaran.
        let pohon = pohon_tahun(self.pemda, self.tahun);
        let simpul: HashMap<&SimpulId, &SimpulPohon> = self
            .pemda
            .simpul
            .iter()
            .filter(|s| pohon.is_some_and(|p| p.id == s.pohon))
            .map(|s| (&s.id, s))
            .collect();
        let pemda_id = instansi_data(self.pemda);
        let menaut_rpjmd = |s: &SimpulPohon| {
            s.pemilik.as_ref().map(|m| Some(&m.instansi)) == Some(pemda_id)
                && s.tautan
                    .iter()
                    .any(|t| matches!(t, Pemilik::Sasaran(x) if id_rpjmd.contains(x.as_str())))
        };
        let di_bawah_rpjmd = |s: &SimpulPohon| {
            let mut kini = s.induk.as_ref().and_then(|i| simpul.get(i));
            let mut langkah = 0;
            while let Some(n) = kini {
                if menaut_rpjmd(n) {
                    return true;
                }
                langkah += 1;
                if langkah > simpul.len() {
                    return false;
                }
                kini = n.induk.as_ref().and_then(|i| simpul.get(i));
            }
            false
        };
        for d in self.opd {
            let Some(opd) = instansi_data(d) else {
                continue;
            };
            let tahun = self.tahun;
            for r in d.renstra.iter().filter(|r| {
                r.jenis == JenisRencana::Renstra && r.tahun_awal <= tahun && tahun <= r.tahun_akhir
            }) {
                let tujuan: HashSet<&TujuanId> = d
                    .tujuan
                    .iter()
                    .filter(|t| t.renstra == r.id)
                    .map(|t| &t.id)
                    .collect();
                for s in d.sasaran.iter().filter(|s| tujuan.contains(&s.tujuan)) {
                    let lewat_mendukung = s.mendukung.as_deref().is_some_and(|m| {
                        id_rpjmd.contains(m.trim()) || uraian_rpjmd.contains(&normal(m))
                    });
                    let lewat_pohon = simpul.values().any(|n| {
                        n.pemilik.as_ref().is_some_and(|m| &m.instansi == opd)
                            && n.tautan.contains(&Pemilik::Sasaran(s.id.clone()))
                            && di_bawah_rpjmd(n)
                    });
                    if lewat_mendukung || lewat_pohon {
                        continue;
                    }
                    let sebab = match &s.mendukung {
                        Some(m) => {
                            format!("`mendukung` \"{m}\" bukan sasaran RPJMD (id atau rumusannya)")
                        }
                        None => "tidak menyebut sasaran RPJMD yang didukung (`mendukung`)".into(),
                    };
                    let pesan = format!(
                        "sasaran {} \"{}\" tidak mendukung sasaran RPJMD mana pun: {sebab}, dan tidak ada simpul pohon kinerja {} yang menautnya di bawah simpul sasaran RPJMD",
                        s.nomor, s.uraian, self.tahun
                    );
                    let lokasi = lok(
                        format!("Renstra {}", self.nama_instansi(opd)),
                        "Sasaran",
                        Some(s.uraian.clone()),
                    );
                    self.tambah(
                        "SASARAN-TANPA-RPJMD",
                        Tingkat::Peringatan,
                        lokasi,
                        format!("{opd}|{}", s.id),
                        pesan,
                    );
                }
            }
        }
    }

    fn kelengkapan_simpul(&mut self, simpul: &[&SimpulPohon]) {
        for s in simpul {
            if s.indikator.is_empty() {
                let pesan = format!(
                    "simpul \"{}\" ({}) tidak berindikator",
                    s.uraian,
                    s.tingkat.label()
                );
                self.tambah(
                    "POHON-SIMPUL-TANPA-INDIKATOR",
                    Tingkat::Peringatan,
                    self.lok_simpul(s),
                    s.id.to_string(),
                    pesan,
                );
            }
            if s.pemilik.is_none() {
                let pesan = format!(
                    "simpul \"{}\" ({}) tidak berpemilik (instansi, unit, jabatan atau NIP)",
                    s.uraian,
                    s.tingkat.label()
                );
                self.tambah(
                    "POHON-SIMPUL-TANPA-PEMILIK",
                    Tingkat::Peringatan,
                    self.lok_simpul(s),
                    s.id.to_string(),
                    pesan,
                );
            }
        }
    }

    fn anggaran_tanpa_simpul(&mut self, simpul: &[&SimpulPohon]) {
        // Instansi that own a node: only their budgets are expected to hang off the tree.
        let pemilik: Vec<&InstansiId> = {
            let mut v: Vec<&InstansiId> = simpul
                .iter()
                .filter_map(|s| s.pemilik.as_ref().map(|m| &m.instansi))
                .collect();
            v.sort();
            v.dedup();
            v
        };
        for ins in pemilik {
            let Some(d) = self.data_milik(ins) else {
                continue;
            };
            let tertaut: HashSet<&Pemilik> = simpul
                .iter()
                .filter(|s| {
                    s.tingkat == TingkatSimpul::Operasional
                        && s.pemilik.as_ref().is_some_and(|m| &m.instansi == ins)
                })
                .flat_map(|s| s.tautan.iter())
                .collect();
            // Pagu in force per place, in place order of first appearance.
            let mut pagu: BTreeMap<usize, (Pemilik, Option<Rupiah>)> = BTreeMap::new();
            let mut urutan: HashMap<Pemilik, usize> = HashMap::new();
            for pos in d.anggaran.iter().filter(|p| p.tahun == self.tahun) {
                let tempat = match &pos.tempat {
                    TempatAnggaran::SubKegiatan(s) => Pemilik::SubKegiatan(s.clone()),
                    TempatAnggaran::Kegiatan(k) => Pemilik::Kegiatan(k.clone()),
                    TempatAnggaran::Instansi => continue,
                };
                let n = urutan.len();
                let i = *urutan.entry(tempat.clone()).or_insert(n);
                let e = pagu.entry(i).or_insert((tempat, Some(Rupiah::utuh(0))));
                e.1 = e.1.and_then(|j| j.checked_add(pos.pagu_berlaku()));
            }
            for (tempat, jumlah) in pagu.into_values() {
                if tertaut.contains(&tempat) || jumlah.is_some_and(|j| j.nilai() <= Decimal::ZERO) {
                    continue;
                }
                let (jenis, id, nama) = match &tempat {
                    Pemilik::SubKegiatan(s) => (
                        "sub kegiatan",
                        s.to_string(),
                        d.sub_kegiatan
                            .iter()
                            .find(|x| &x.id == s)
                            .map(|x| x.nama.clone()),
                    ),
                    Pemilik::Kegiatan(k) => (
                        "kegiatan",
                        k.to_string(),
                        d.kegiatan(k).map(|x| x.nama.clone()),
                    ),
                    _ => continue,
                };
                let nama = nama.unwrap_or_else(|| id.clone());
                let berpagu = jumlah
                    .map(|j| format!("berpagu {}", format_rupiah(j)))
                    .unwrap_or_else(|| "berpagu".into());
                let pesan = format!(
                    "{jenis} \"{nama}\" {berpagu} tahun {} tidak tertaut ke simpul operasional mana pun milik {}",
                    self.tahun,
                    self.nama_instansi(ins)
                );
                let lokasi = lok(
                    format!("Anggaran {} {}", self.nama_instansi(ins), self.tahun),
                    "Pagu",
                    Some(nama),
                );
                self.tambah(
                    "POHON-ANGGARAN-TANPA-SIMPUL",
                    Tingkat::Peringatan,
                    lokasi,
                    format!("{ins}|{id}"),
                    pesan,
                );
            }
        }
    }

    fn crosscutting(&mut self, simpul: &[&SimpulPohon]) {
        let cari = |id: &SimpulId| simpul.iter().find(|s| &s.id == id).copied();
        for c in &self.pemda.crosscutting {
            let (Some(dari), Some(ke)) = (cari(&c.dari), cari(&c.ke)) else {
                continue;
            };
            let milik = |s: &SimpulPohon| {
                s.pemilik
                    .as_ref()
                    .map(|m| self.nama_instansi(&m.instansi))
                    .unwrap_or_else(|| "(tanpa pemilik)".into())
            };
            let hubungan = format!(
                "crosscutting dari \"{}\" ({}) ke \"{}\" ({})",
                dari.uraian,
                milik(dari),
                ke.uraian,
                milik(ke)
            );
            let pesan = match c.status {
                StatusCrosscutting::Diterima => continue,
                StatusCrosscutting::Usulan => format!("{hubungan} masih usulan, belum diterima"),
                StatusCrosscutting::Ditolak => format!(
                    "{hubungan} ditolak: {}",
                    c.alasan.as_deref().unwrap_or("(tanpa alasan)")
                ),
            };
            let lokasi = lok(
                self.dokumen_pohon(),
                "Crosscutting",
                Some(dari.uraian.clone()),
            );
            self.tambah(
                "POHON-CROSSCUTTING",
                Tingkat::Peringatan,
                lokasi,
                c.id.to_string(),
                pesan,
            );
        }
    }

    fn tautan(&mut self, simpul: &[&SimpulPohon]) {
        let pemda = instansi_data(self.pemda);
        for s in simpul {
            let Some(m) = &s.pemilik else {
                continue;
            };
            // The pemda's own nodes' links are checked by validation.
            if Some(&m.instansi) == pemda {
                continue;
            }
            let Some(d) = self.data_milik(&m.instansi) else {
                continue;
            };
            for t in &s.tautan {
                let (ada, jenis, id) = match t {
                    Pemilik::Tujuan(x) => {
                        (d.tujuan.iter().any(|r| &r.id == x), "tujuan", x.to_string())
                    }
                    Pemilik::Sasaran(x) => (d.sasaran(x).is_some(), "sasaran", x.to_string()),
                    Pemilik::Program(x) => (d.program(x).is_some(), "program", x.to_string()),
                    Pemilik::Kegiatan(x) => (d.kegiatan(x).is_some(), "kegiatan", x.to_string()),
                    Pemilik::SubKegiatan(x) => (
                        d.sub_kegiatan.iter().any(|r| &r.id == x),
                        "sub kegiatan",
                        x.to_string(),
                    ),
                };
                if ada {
                    continue;
                }
                let pesan = format!(
                    "simpul \"{}\" menaut {jenis} \"{id}\" yang tidak ada dalam data {}",
                    s.uraian,
                    self.nama_instansi(&m.instansi)
                );
                self.tambah(
                    "POHON-TAUTAN",
                    Tingkat::Galat,
                    self.lok_simpul(s),
                    format!("{}|{id}", s.id),
                    pesan,
                );
            }
        }
    }
}
