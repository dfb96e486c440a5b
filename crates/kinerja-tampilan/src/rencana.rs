//! The plan as a tree: Renstra → tujuan → sasaran → indikator → program → kegiatan.

use crate::Konteks;
use crate::bantu::{instansi_utama, render, rupiah};
use crate::tata::{Bagian, Tata};
use askama::Template;
use kinerja_core::anggaran::ringkas;
use kinerja_core::model::{
    DataInstansi, DokumenTarget, Indikator, JenisIndikator, Pemilik, Polaritas,
};
use kinerja_core::pengukuran::Indeks;
use kinerja_core::waktu::Tahun;

pub(crate) struct BarisTarget {
    pub nomor: u32,
    pub uraian: String,
    pub satuan: Option<String>,
    pub keterangan: String,
    pub per_tahun: Vec<Option<String>>,
    pub target_ini: Option<String>,
    pub dokumen_ini: Option<&'static str>,
}

pub(crate) struct TabelTarget {
    pub tahun: Vec<u16>,
    pub baris: Vec<BarisTarget>,
}

pub(crate) struct NodeKegiatan {
    pub kode: Option<String>,
    pub nama: String,
    pub pagu: Option<String>,
    pub indikator: TabelTarget,
    pub sub: Vec<String>,
}

pub(crate) struct NodeProgram {
    pub kode: Option<String>,
    pub nama: String,
    pub renstra: bool,
    pub pagu: Option<String>,
    pub indikator: TabelTarget,
    pub kegiatan: Vec<NodeKegiatan>,
}

pub(crate) struct NodeSasaran {
    pub nomor: u32,
    pub uraian: String,
    pub mendukung: Option<String>,
    pub indikator: TabelTarget,
    pub program: Vec<NodeProgram>,
}

pub(crate) struct NodeTujuan {
    pub nomor: u32,
    pub uraian: String,
    pub indikator: TabelTarget,
    pub sasaran: Vec<NodeSasaran>,
}

pub(crate) struct RenstraTampil {
    pub periode: String,
    pub dasar: Option<String>,
    pub visi: Option<String>,
    pub misi: Vec<String>,
}

#[derive(Template)]
#[template(path = "rencana.html")]
struct Halaman {
    l: Tata,
    instansi: String,
    tahun: u16,
    renstra: Option<RenstraTampil>,
    tujuan: Vec<NodeTujuan>,
    program_lain: Vec<NodeProgram>,
    jumlah: String,
    /// The editor's address, for a viewer who may change the plan.
    ubah: Option<String>,
    /// The RKT editor of the year, for a viewer who may change the plan.
    ubah_rkt: Option<String>,
}

fn keterangan(i: &Indikator) -> String {
    let jenis = match i.jenis {
        JenisIndikator::Hasil => "hasil",
        JenisIndikator::Masukan => "masukan",
        JenisIndikator::Keluaran => "keluaran",
    };
    let arah = match i.polaritas {
        Polaritas::Positif => "makin tinggi makin baik",
        Polaritas::Negatif => "makin rendah makin baik",
        Polaritas::Rentang => "terbaik di dalam rentang",
    };
    format!("indikator {jenis}, {arah}")
}

struct Pembangun<'a> {
    ix: Indeks<'a>,
    data: &'a DataInstansi,
    tahun_renstra: Vec<Tahun>,
    tahun: Tahun,
}

impl<'a> Pembangun<'a> {
    fn tabel(&self, pemilik: impl Fn(&Pemilik) -> bool) -> TabelTarget {
        let mut inds: Vec<&Indikator> = self
            .data
            .indikator
            .iter()
            .filter(|i| pemilik(&i.pemilik))
            .collect();
        inds.sort_by_key(|i| i.nomor);
        let per_tahun = |i: &Indikator| -> Vec<Option<String>> {
            self.tahun_renstra
                .iter()
                .map(|t| {
                    self.ix
                        .target(&i.id, *t, DokumenTarget::Renstra)
                        .map(|x| x.nilai.teks().to_string())
                })
                .collect()
        };
        let baris: Vec<BarisTarget> = inds
            .iter()
            .map(|i| {
                let ini = self.ix.target_pengukuran(&i.id, self.tahun);
                BarisTarget {
                    nomor: i.nomor,
                    uraian: i.uraian.clone(),
                    satuan: i.satuan.clone(),
                    keterangan: keterangan(i),
                    per_tahun: per_tahun(i),
                    target_ini: ini.map(|t| t.nilai.teks().to_string()),
                    dokumen_ini: ini.map(|t| t.dokumen.label_rencana(self.ix.data.rpjmd())),
                }
            })
            .collect();
        // Year columns only when some indicator has a Renstra target.
        let ada = baris
            .iter()
            .any(|b| b.per_tahun.iter().any(Option::is_some));
        let (tahun, baris) = if ada {
            (self.tahun_renstra.iter().map(|t| t.get()).collect(), baris)
        } else {
            (
                Vec::new(),
                baris
                    .into_iter()
                    .map(|b| BarisTarget {
                        per_tahun: Vec::new(),
                        ..b
                    })
                    .collect(),
            )
        };
        TabelTarget { tahun, baris }
    }

    fn program(&self, prog: &kinerja_core::model::Program) -> NodeProgram {
        let ang = ringkas(self.data, self.tahun);
        let pagu_prog = ang
            .program
            .iter()
            .find(|p| p.program == prog.id)
            .map(|p| rupiah(p.serapan.pagu));
        let mut kegiatan: Vec<NodeKegiatan> = Vec::new();
        for k in self.data.kegiatan.iter().filter(|k| k.program == prog.id) {
            let pagu = ang
                .program
                .iter()
                .flat_map(|p| &p.kegiatan)
                .find(|x| x.kegiatan == k.id)
                .map(|x| rupiah(x.serapan.pagu));
            kegiatan.push(NodeKegiatan {
                kode: k.kode.clone(),
                nama: k.nama.clone(),
                pagu,
                indikator: self.tabel(|p| matches!(p, Pemilik::Kegiatan(x) if *x == k.id)),
                sub: self
                    .data
                    .sub_kegiatan
                    .iter()
                    .filter(|s| s.kegiatan == k.id)
                    .map(|s| match &s.kode {
                        Some(kode) => format!("{kode} {}", s.nama),
                        None => s.nama.clone(),
                    })
                    .collect(),
            });
        }
        NodeProgram {
            kode: prog.kode.clone(),
            nama: prog.nama.clone(),
            renstra: prog.renstra,
            pagu: pagu_prog,
            indikator: self.tabel(|p| matches!(p, Pemilik::Program(x) if *x == prog.id)),
            kegiatan,
        }
    }
}

/// The plan tree of the Renstra in force in `tahun`; `ubah`: the viewer may edit it (a link to
/// the editor).
pub fn rencana(k: &Konteks, data: &DataInstansi, tahun: Tahun, ubah: bool) -> String {
    let l = Tata::baru(
        k,
        format!("Rencana kinerja {}", tahun.get()),
        Bagian::Rencana,
        Some(data),
    );
    let instansi = instansi_utama(data)
        .map(|i| i.nama.clone())
        .unwrap_or_default();
    let renstra = data
        .renstra
        .iter()
        .find(|r| r.tahun_awal <= tahun && tahun <= r.tahun_akhir)
        .or(data.renstra.first());
    let tahun_renstra: Vec<Tahun> = match renstra {
        Some(r) => (r.tahun_awal.get()..=r.tahun_akhir.get())
            .filter_map(|t| Tahun::new(t as i64).ok())
            .collect(),
        None => vec![tahun],
    };
    let b = Pembangun {
        ix: Indeks::new(data),
        data,
        tahun_renstra,
        tahun,
    };

    let mut dipakai = std::collections::HashSet::new();
    let tujuan: Vec<NodeTujuan> = data
        .tujuan_renstra(renstra.map(|r| &r.id))
        .into_iter()
        .map(|t| {
            let sas = data.sasaran_tujuan(&t.id);
            NodeTujuan {
                nomor: t.nomor,
                uraian: t.uraian.clone(),
                indikator: b.tabel(|p| matches!(p, Pemilik::Tujuan(x) if *x == t.id)),
                sasaran: sas
                    .into_iter()
                    .map(|s| NodeSasaran {
                        nomor: s.nomor,
                        uraian: s.uraian.clone(),
                        mendukung: s.mendukung.clone(),
                        indikator: b.tabel(|p| matches!(p, Pemilik::Sasaran(x) if *x == s.id)),
                        program: data
                            .program
                            .iter()
                            .filter(|p| p.sasaran.as_ref() == Some(&s.id))
                            .map(|p| {
                                dipakai.insert(p.id.clone());
                                b.program(p)
                            })
                            .collect(),
                    })
                    .collect(),
            }
        })
        .collect();
    let program_lain: Vec<NodeProgram> = data
        .program
        .iter()
        .filter(|p| !dipakai.contains(&p.id))
        .map(|p| b.program(p))
        .collect();
    let jumlah = format!(
        "{} tujuan · {} sasaran · {} indikator · {} program · {} kegiatan",
        data.tujuan.len(),
        data.sasaran.len(),
        data.indikator.len(),
        data.program.len(),
        data.kegiatan.len()
    );

    render(&Halaman {
        l,
        instansi,
        tahun: tahun.get(),
        renstra: renstra.map(|r| RenstraTampil {
            periode: format!("{}–{}", r.tahun_awal, r.tahun_akhir),
            dasar: r.dasar.as_ref().map(|d| match &d.tentang {
                Some(t) => format!("{} tentang {t}", d.nomor),
                None => d.nomor.clone(),
            }),
            visi: r.visi.clone(),
            misi: r.misi.clone(),
        }),
        tujuan,
        program_lain,
        jumlah,
        ubah: ubah.then(|| {
            crate::tata::instansi_href(
                &crate::isian::id_instansi(k, data),
                tahun.get(),
                "/rencana/ubah",
            )
        }),
        ubah_rkt: ubah.then(|| {
            crate::tata::instansi_href(
                &crate::isian::id_instansi(k, data),
                tahun.get(),
                "/rkt/ubah",
            )
        }),
    })
}
