//! Perjanjian Kinerja and Indikator Kinerja Utama.

use crate::Konteks;
use crate::bantu::{instansi_utama, render, rupiah};
use crate::tata::{Bagian, Tata};
use askama::Template;
use kinerja_core::angka::format_angka;
use kinerja_core::model::{DataInstansi, DokumenTarget, Pejabat, Pemilik};
use kinerja_core::pengukuran::Indeks;
use kinerja_core::uang::Rupiah;
use kinerja_core::waktu::Tahun;

pub(crate) struct Pihak {
    pub peran: &'static str,
    pub nama: String,
    pub jabatan: String,
    pub nip: Option<String>,
    pub pangkat: Option<String>,
}

pub(crate) struct BarisPk {
    pub no: usize,
    pub sasaran: Option<String>,
    pub indikator: String,
    pub satuan: Option<String>,
    pub target: Option<String>,
}

pub(crate) struct BarisAnggaranPk {
    pub no: usize,
    pub program: String,
    pub anggaran: String,
    pub keterangan: Option<String>,
}

pub(crate) struct Pk {
    pub tempat_tanggal: Option<String>,
    pub pihak: Vec<Pihak>,
    pub indikator: Vec<BarisPk>,
    pub anggaran: Vec<BarisAnggaranPk>,
    pub jumlah: String,
}

#[derive(Template)]
#[template(path = "pk.html")]
struct HalamanPk {
    l: Tata,
    instansi: String,
    tahun: u16,
    pk: Option<Pk>,
    /// "PK perubahan 1, ditandatangani": shown when the PK is signed or has versions.
    status: Option<String>,
    /// `(title, address, shown)` of every version, when there is more than one.
    versi: Vec<(String, String, bool)>,
    /// The editor's address, for a viewer who may change the PK.
    ubah: Option<String>,
    /// The version shown as a PDF to print (and sign, while in force).
    unduh: String,
    /// The signature form's address: the PK in force, unsigned, shown to one who may approve.
    tanda: Option<String>,
}

fn pihak(data: &DataInstansi, id: &kinerja_core::id::PejabatId, peran: &'static str) -> Pihak {
    match data.pejabat.iter().find(|p| &p.id == id) {
        Some(Pejabat {
            nama,
            jabatan,
            nip,
            pangkat,
            golongan,
            ..
        }) => Pihak {
            peran,
            nama: nama.clone(),
            jabatan: jabatan.clone(),
            nip: nip.as_ref().map(|n| n.to_string()),
            pangkat: match (pangkat, golongan) {
                (Some(p), Some(g)) => Some(format!("{p} ({g})")),
                (Some(p), None) => Some(p.clone()),
                (None, Some(g)) => Some(g.clone()),
                (None, None) => None,
            },
        },
        None => Pihak {
            peran,
            nama: id.as_str().to_string(),
            jabatan: String::new(),
            nip: None,
            pangkat: None,
        },
    }
}

/// The Perjanjian Kinerja of `tahun`: the version `versi` (a PK id), else the one in force. A
/// replaced version shows the targets it promised (`target_arsip`). `izin`: the viewer may edit
/// (`ubah`) or sign (`setujui`: the pimpinan records the signature of the PK in force).
pub fn perjanjian_kinerja(
    k: &Konteks,
    data: &DataInstansi,
    tahun: Tahun,
    versi: Option<&str>,
    izin: &crate::Izin,
) -> String {
    let l = Tata::baru(
        k,
        format!("Perjanjian Kinerja {}", tahun.get()),
        Bagian::Pk,
        Some(data),
    );
    let ix = Indeks::new(data);
    let utama = instansi_utama(data);
    let semua: Vec<&kinerja_core::model::PerjanjianKinerja> = match utama {
        Some(u) => data.pk_versi(&u.id, tahun),
        None => data
            .perjanjian_kinerja
            .iter()
            .filter(|p| p.tahun == tahun)
            .collect(),
    };
    let pilih = versi
        .and_then(|v| semua.iter().find(|p| p.id.as_str() == v))
        .or(semua.last())
        .copied();
    let id_i = crate::isian::id_instansi(k, data);
    let dasar = crate::tata::instansi_href(&id_i, tahun.get(), "/pk");
    let judul_versi = |n: usize| {
        if n == 0 {
            "PK awal".to_string()
        } else {
            format!("PK perubahan {n}")
        }
    };
    let status = pilih.and_then(|p| {
        let n = semua.iter().position(|x| x.id == p.id).unwrap_or(0);
        let mut s = Vec::new();
        if semua.len() > 1 {
            s.push(judul_versi(n));
        }
        if p.ditandatangani {
            s.push("ditandatangani (terkunci)".to_string());
        }
        if n + 1 < semua.len() {
            s.push("sudah diganti PK perubahan; target yang dijanjikan versi ini".to_string());
        }
        (!s.is_empty()).then(|| s.join(", "))
    });
    let daftar_versi = if semua.len() > 1 {
        semua
            .iter()
            .enumerate()
            .map(|(n, p)| {
                (
                    judul_versi(n),
                    format!("{dasar}?versi={}", p.id),
                    pilih.is_some_and(|x| x.id == p.id),
                )
            })
            .collect()
    } else {
        Vec::new()
    };
    let pk = pilih.map(|p| {
        let indikator = p
            .indikator
            .iter()
            .enumerate()
            .map(|(i, id)| {
                let ind = ix.indikator(id);
                let target = ix.target(id, tahun, DokumenTarget::PerjanjianKinerja);
                // A replaced version promised what it keeps; the year's PK targets are
                // the version in force's.
                let arsip = (!p.target_arsip.is_empty()).then(|| {
                    p.target_arsip
                        .iter()
                        .find(|t| &t.indikator == id)
                        .map(|t| t.nilai.teks().to_string())
                });
                BarisPk {
                    no: i + 1,
                    sasaran: ind.and_then(|ind| match &ind.pemilik {
                        Pemilik::Sasaran(s) => ix.sasaran(s).map(|s| s.uraian.clone()),
                        _ => None,
                    }),
                    indikator: target
                        .and_then(|t| t.uraian.clone())
                        .or_else(|| ind.map(|i| i.uraian.clone()))
                        .unwrap_or_else(|| id.as_str().to_string()),
                    satuan: ind.and_then(|i| i.satuan.clone()),
                    target: match arsip {
                        Some(a) => a,
                        None => target.map(|t| t.nilai.teks().to_string()),
                    },
                }
            })
            .collect();
        let anggaran: Vec<BarisAnggaranPk> = p
            .anggaran
            .iter()
            .enumerate()
            .map(|(i, a)| BarisAnggaranPk {
                no: i + 1,
                program: data
                    .program
                    .iter()
                    .find(|x| x.id == a.program)
                    .map(|x| x.nama.clone())
                    .unwrap_or_else(|| a.program.as_str().to_string()),
                anggaran: rupiah(a.anggaran),
                keterangan: a.keterangan.clone(),
            })
            .collect();
        let jumlah: Rupiah = p.anggaran.iter().map(|a| a.anggaran).sum();
        Pk {
            tempat_tanggal: match (&p.tempat, &p.tanggal) {
                (Some(t), Some(d)) => Some(format!("{t}, {d}")),
                (Some(t), None) => Some(t.clone()),
                (None, Some(d)) => Some(d.to_string()),
                (None, None) => None,
            },
            pihak: vec![
                pihak(data, &p.pihak_pertama, "Pihak pertama"),
                pihak(data, &p.pihak_kedua, "Pihak kedua"),
            ],
            indikator,
            anggaran,
            jumlah: rupiah(jumlah),
        }
    });
    render(&HalamanPk {
        l,
        instansi: utama.map(|i| i.nama.clone()).unwrap_or_default(),
        tahun: tahun.get(),
        pk,
        status,
        versi: daftar_versi,
        ubah: izin.ubah.then(|| format!("{dasar}/ubah")),
        // An earlier version prints itself (marked as no longer in force).
        unduh: match pilih {
            Some(p) if semua.last().is_some_and(|x| x.id != p.id) => {
                format!("{dasar}.pdf?versi={}", p.id)
            }
            _ => format!("{dasar}.pdf"),
        },
        tanda: pilih
            .filter(|p| {
                izin.setujui && !p.ditandatangani && semua.last().is_some_and(|x| x.id == p.id)
            })
            .map(|_| format!("{dasar}/tandatangani")),
    })
}

pub(crate) struct BarisIku {
    pub no: usize,
    pub kinerja_utama: Option<String>,
    pub indikator: String,
    pub satuan: Option<String>,
    pub formulasi: String,
    pub pembilang: Option<String>,
    pub penyebut: Option<String>,
    pub pengali: Option<String>,
    /// The indicator's formula over data elements, when it is computed by one.
    pub rumus: Option<String>,
    pub penanggung_jawab: Option<String>,
    pub sumber_data: Option<String>,
}

pub(crate) struct IkuTampil {
    pub keputusan: String,
    pub tanggal: Option<String>,
    pub baris: Vec<BarisIku>,
}

#[derive(Template)]
#[template(path = "iku.html")]
struct HalamanIku {
    l: Tata,
    instansi: String,
    daftar: Vec<IkuTampil>,
    /// The editor's address, for a viewer who may change the IKU.
    ubah: Option<String>,
}

/// The IKU decrees; `ubah`: the viewer may edit (a link to the editor).
pub fn iku(k: &Konteks, data: &DataInstansi, tahun: Tahun, ubah: bool) -> String {
    let l = Tata::baru(k, "Indikator Kinerja Utama", Bagian::Iku, Some(data));
    let ix = Indeks::new(data);
    let utama = instansi_utama(data);
    let daftar = data
        .iku
        .iter()
        .filter(|i| utama.is_none_or(|u| u.id == i.instansi))
        .map(|iku| IkuTampil {
            keputusan: match &iku.keputusan.tentang {
                Some(t) => format!("Nomor {} tentang {t}", iku.keputusan.nomor),
                None => format!("Nomor {}", iku.keputusan.nomor),
            },
            tanggal: match (&iku.keputusan.tempat, &iku.keputusan.tanggal) {
                (Some(t), Some(d)) => Some(format!("{t}, {d}")),
                (None, Some(d)) => Some(d.to_string()),
                _ => None,
            },
            baris: iku
                .baris
                .iter()
                .enumerate()
                .map(|(i, b)| {
                    let ind = ix.indikator(&b.indikator);
                    let pj: Vec<String> = b
                        .penanggung_jawab
                        .iter()
                        .map(|id| {
                            data.instansi
                                .iter()
                                .find(|x| &x.id == id)
                                .map(|x| x.nama.clone())
                                .unwrap_or_else(|| id.as_str().to_string())
                        })
                        .collect();
                    BarisIku {
                        no: i + 1,
                        kinerja_utama: b.kinerja_utama.clone(),
                        indikator: ind
                            .map(|x| x.uraian.clone())
                            .unwrap_or_else(|| b.indikator.as_str().to_string()),
                        satuan: ind.and_then(|x| x.satuan.clone()),
                        formulasi: b.formulasi.teks.clone(),
                        pembilang: b.formulasi.pembilang.clone(),
                        penyebut: b.formulasi.penyebut.clone(),
                        pengali: b.formulasi.pengali.map(|p| {
                            let n = p.normalize();
                            format_angka(n, n.scale())
                        }),
                        rumus: ind.and_then(|x| x.rumus.as_ref()).map(|r| r.to_string()),
                        penanggung_jawab: if pj.is_empty() {
                            b.penanggung_jawab_teks.clone()
                        } else {
                            Some(pj.join(", "))
                        },
                        sumber_data: b.sumber_data.clone(),
                    }
                })
                .collect(),
        })
        .collect();
    render(&HalamanIku {
        l,
        instansi: utama.map(|i| i.nama.clone()).unwrap_or_default(),
        daftar,
        ubah: ubah.then(|| {
            crate::tata::instansi_href(
                &crate::isian::id_instansi(k, data),
                tahun.get(),
                "/iku/ubah",
            )
        }),
    })
}
