//! The budget entry forms: the realisasi of each budget line, grouped by program, kegiatan and
//! sub kegiatan, against the pagu in force; and the months of one line (January to December),
//! whose sum is then the line's year.

use crate::bantu::{instansi_utama, persen, render, rupiah};
use crate::isian::{
    GalatRingkas, galat_ringkas, id_instansi, medan_anggaran, medan_bulanan, per_medan, pesan_sel,
};
use crate::tata::{Bagian, Tata, instansi_href};
use crate::{Izin, KesalahanIsian, Konteks};
use askama::Template;
use kinerja_core::anggaran::{Serapan, ringkas};
use kinerja_core::angka::format_angka;
use kinerja_core::model::{DataInstansi, PosAnggaran, TempatAnggaran};
use kinerja_core::waktu::{Bulan, Periode, Tahun};
use std::collections::HashMap;

pub(crate) struct BarisPos {
    pub nama: String,
    pub label: String,
    pub uraian: String,
    pub kode: Option<String>,
    /// A sub kegiatan's line, indented under its kegiatan.
    pub sub: bool,
    pub jenis: &'static str,
    pub rincian: Option<String>,
    pub pagu: String,
    pub pagu_perubahan: Option<String>,
    pub nilai: String,
    /// The sum of the line's months, when it reports months: then the year is not typed here.
    pub bulanan: Option<String>,
    /// The page of the line's months.
    pub href_bulanan: String,
    pub serapan: Option<String>,
    pub galat: Option<String>,
}

pub(crate) struct KelompokPos {
    pub judul: String,
    pub kode: Option<String>,
    pub baris: Vec<BarisPos>,
    pub jumlah: Option<crate::dasbor::BarisSerapan>,
}

#[derive(Template)]
#[template(path = "anggaran.html")]
struct HalamanAnggaran {
    l: Tata,
    instansi: String,
    tahun: u16,
    aksi: String,
    kelompok: Vec<KelompokPos>,
    total: crate::dasbor::BarisSerapan,
    galat: Vec<GalatRingkas>,
    ubah: bool,
    /// Some line has a pagu perubahan: the column is shown.
    ada_perubahan: bool,
}

/// Where a line sits: its description, code and the kegiatan above a sub kegiatan.
struct Letak {
    uraian: String,
    kode: Option<String>,
    sub: bool,
    rincian: Option<String>,
}

fn letak(data: &DataInstansi, p: &PosAnggaran) -> Letak {
    match &p.tempat {
        TempatAnggaran::Instansi => Letak {
            uraian: p.jenis.label().to_string(),
            kode: None,
            sub: false,
            rincian: None,
        },
        TempatAnggaran::Kegiatan(k) => {
            let keg = data.kegiatan.iter().find(|x| x.id == *k);
            Letak {
                uraian: keg.map_or_else(|| k.to_string(), |x| x.nama.clone()),
                kode: keg.and_then(|x| x.kode.clone()),
                sub: false,
                rincian: None,
            }
        }
        TempatAnggaran::SubKegiatan(s) => {
            let sub = data.sub_kegiatan.iter().find(|x| x.id == *s);
            let keg = sub.and_then(|x| data.kegiatan.iter().find(|k| k.id == x.kegiatan));
            Letak {
                uraian: sub.map_or_else(|| s.to_string(), |x| x.nama.clone()),
                kode: sub.and_then(|x| x.kode.clone()),
                sub: true,
                rincian: keg.map(|k| format!("Sub kegiatan dari {}", k.nama)),
            }
        }
    }
}

pub fn form_anggaran(
    k: &Konteks,
    data: &DataInstansi,
    tahun: Tahun,
    izin: Izin,
    kesalahan: &[KesalahanIsian],
    isian: &[(String, String)],
) -> String {
    let l = Tata::baru(
        k,
        format!("Isian anggaran {}", tahun.get()),
        Bagian::Anggaran,
        Some(data),
    );
    let id = id_instansi(k, data);
    let (diisi, galat) = per_medan(isian, kesalahan);
    let ang = ringkas(data, tahun);
    let pos: Vec<&PosAnggaran> = data.anggaran.iter().filter(|p| p.tahun == tahun).collect();
    let mut label_medan = HashMap::new();
    let mut baris = |p: &PosAnggaran| {
        let Letak {
            uraian,
            kode,
            sub,
            rincian,
        } = letak(data, p);
        let nama = medan_anggaran(&p.id);
        let label = format!("Realisasi {} – {uraian}", p.jenis.label());
        label_medan.insert(nama.clone(), label.clone());
        let s = Serapan::dari([p]);
        // In the column of typed figures, written as they are typed (no "Rp").
        let bulanan = (!p.realisasi_bulanan.is_empty())
            .then(|| s.realisasi.map(|r| format_angka(r.nilai(), 2)));
        BarisPos {
            galat: galat.get(nama.as_str()).map(|s| pesan_sel(s)),
            nilai: diisi
                .get(nama.as_str())
                .map(|s| s.to_string())
                .or_else(|| p.realisasi.map(|r| format_angka(r.nilai(), 2)))
                .unwrap_or_default(),
            bulanan: bulanan.flatten(),
            href_bulanan: instansi_href(&id, tahun.get(), &format!("/anggaran/{}", p.id)),
            label,
            nama,
            uraian,
            kode,
            sub,
            jenis: p.jenis.label(),
            rincian,
            pagu: rupiah(p.pagu),
            pagu_perubahan: p.pagu_perubahan.map(rupiah),
            serapan: s.persen.map(persen),
        }
    };

    let mut kelompok = Vec::new();
    let umum: Vec<BarisPos> = pos
        .iter()
        .filter(|p| p.tempat == TempatAnggaran::Instansi)
        .map(|p| baris(p))
        .collect();
    if !umum.is_empty() {
        kelompok.push(KelompokPos {
            judul: "Belanja yang tidak terikat kegiatan".into(),
            kode: None,
            baris: umum,
            jumlah: None,
        });
    }
    for prog in &data.program {
        let mut b: Vec<BarisPos> = Vec::new();
        for keg in data.kegiatan.iter().filter(|x| x.program == prog.id) {
            // The kegiatan's own lines, then each of its sub kegiatan's, in data order.
            for p in &pos {
                if matches!(&p.tempat, TempatAnggaran::Kegiatan(x) if *x == keg.id) {
                    b.push(baris(p));
                }
            }
            for sub in data.sub_kegiatan.iter().filter(|x| x.kegiatan == keg.id) {
                for p in &pos {
                    if matches!(&p.tempat, TempatAnggaran::SubKegiatan(x) if *x == sub.id) {
                        b.push(baris(p));
                    }
                }
            }
        }
        if b.is_empty() {
            continue;
        }
        let jumlah = ang
            .program
            .iter()
            .find(|x| x.program == prog.id)
            .map(|x| crate::dasbor::baris_serapan(None, "Jumlah program".into(), &x.serapan));
        kelompok.push(KelompokPos {
            judul: format!("Program: {}", prog.nama),
            kode: prog.kode.clone(),
            baris: b,
            jumlah,
        });
    }

    render(&HalamanAnggaran {
        l,
        instansi: instansi_utama(data)
            .map(|i| i.nama.clone())
            .unwrap_or_default(),
        tahun: tahun.get(),
        aksi: instansi_href(&id, tahun.get(), "/anggaran"),
        kelompok,
        total: crate::dasbor::baris_serapan(None, "Jumlah seluruh belanja".into(), &ang.total),
        galat: galat_ringkas(kesalahan, &label_medan),
        ubah: izin.ubah,
        ada_perubahan: pos.iter().any(|p| p.pagu_perubahan.is_some()),
    })
}

/// One month of the monthly form.
struct BarisBulan {
    nama: String,
    label: &'static str,
    nilai: String,
    galat: Option<String>,
}

/// A triwulan: its three months and their stored sum.
struct KelompokTriwulan {
    judul: &'static str,
    bulan: Vec<BarisBulan>,
    jumlah: Option<String>,
}

#[derive(Template)]
#[template(path = "anggaran_bulanan.html")]
struct HalamanBulanan {
    l: Tata,
    instansi: String,
    tahun: u16,
    aksi: String,
    kembali: String,
    uraian: String,
    kode: Option<String>,
    rincian: Option<String>,
    jenis: &'static str,
    pagu: String,
    pagu_perubahan: Option<String>,
    /// A figure typed for the whole year, replaced when months are saved.
    tahunan: Option<String>,
    triwulan: Vec<KelompokTriwulan>,
    jumlah: Option<String>,
    serapan: Option<String>,
    galat: Vec<GalatRingkas>,
    ubah: bool,
}

/// The monthly realisasi of one budget line (January to December), with the stored triwulan
/// and year sums and the serapan against the pagu in force.
pub fn form_anggaran_bulanan(
    k: &Konteks,
    data: &DataInstansi,
    pos: &PosAnggaran,
    izin: Izin,
    kesalahan: &[KesalahanIsian],
    isian: &[(String, String)],
) -> String {
    let tahun = pos.tahun;
    let Letak {
        uraian,
        kode,
        rincian,
        ..
    } = letak(data, pos);
    let l = Tata::baru(
        k,
        format!("Realisasi bulanan {uraian} {}", tahun.get()),
        Bagian::Anggaran,
        Some(data),
    );
    let id = id_instansi(k, data);
    let (diisi, galat) = per_medan(isian, kesalahan);
    let s = Serapan::dari([pos]);
    let mut label_medan = HashMap::new();
    let triwulan = Periode::TRIWULAN
        .into_iter()
        .map(|tw| KelompokTriwulan {
            judul: tw.label(),
            bulan: Bulan::SEMUA
                .into_iter()
                .filter(|b| b.triwulan() == tw)
                .map(|b| {
                    let nama = medan_bulanan(&pos.id, b);
                    label_medan.insert(nama.clone(), format!("Realisasi {}", b.label()));
                    BarisBulan {
                        galat: galat.get(nama.as_str()).map(|s| pesan_sel(s)),
                        nilai: diisi
                            .get(nama.as_str())
                            .map(|s| s.to_string())
                            .or_else(|| {
                                pos.realisasi_bulanan
                                    .get(&b)
                                    .map(|r| format_angka(r.nilai(), 2))
                            })
                            .unwrap_or_default(),
                        label: b.label(),
                        nama,
                    }
                })
                .collect(),
            jumlah: s.triwulan(tw).map(rupiah),
        })
        .collect();
    render(&HalamanBulanan {
        l,
        instansi: instansi_utama(data)
            .map(|i| i.nama.clone())
            .unwrap_or_default(),
        tahun: tahun.get(),
        aksi: instansi_href(&id, tahun.get(), &format!("/anggaran/{}", pos.id)),
        kembali: instansi_href(&id, tahun.get(), "/anggaran"),
        uraian,
        kode,
        rincian,
        jenis: pos.jenis.label(),
        pagu: rupiah(pos.pagu),
        pagu_perubahan: pos.pagu_perubahan.map(rupiah),
        tahunan: pos
            .realisasi_bulanan
            .is_empty()
            .then(|| pos.realisasi.map(rupiah))
            .flatten(),
        triwulan,
        jumlah: s.realisasi.map(rupiah),
        serapan: s.persen.map(persen),
        galat: galat_ringkas(kesalahan, &label_medan),
        ubah: izin.ubah,
    })
}
