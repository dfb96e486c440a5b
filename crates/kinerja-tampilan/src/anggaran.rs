//! The budget entry form: the realisasi of each budget line, grouped by program.

use crate::bantu::{instansi_utama, persen, render, rupiah};
use crate::isian::{GalatRingkas, galat_ringkas, id_instansi, medan_anggaran, pesan_sel};
use crate::tata::{Bagian, Tata, instansi_href};
use crate::{Izin, KesalahanIsian, Konteks};
use askama::Template;
use kinerja_core::anggaran::ringkas;
use kinerja_core::angka::format_angka;
use kinerja_core::model::{DataInstansi, PosAnggaran, TempatAnggaran};
use kinerja_core::waktu::Tahun;
use std::collections::HashMap;

pub(crate) struct BarisPos {
    pub nama: String,
    pub label: String,
    pub uraian: String,
    pub kode: Option<String>,
    pub jenis: &'static str,
    pub rincian: Option<String>,
    pub pagu: String,
    pub nilai: String,
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
    let diisi: HashMap<&str, &str> = isian
        .iter()
        .map(|(a, b)| (a.as_str(), b.as_str()))
        .collect();
    let galat: HashMap<&str, &str> = kesalahan
        .iter()
        .map(|e| (e.medan.as_str(), e.pesan.as_str()))
        .collect();
    let ang = ringkas(data, tahun);
    let pos: Vec<&PosAnggaran> = data.anggaran.iter().filter(|p| p.tahun == tahun).collect();
    let mut label_medan = HashMap::new();
    let mut baris =
        |p: &PosAnggaran, uraian: String, kode: Option<String>, rincian: Option<String>| {
            let nama = medan_anggaran(&p.id);
            let label = format!("Realisasi {} – {uraian}", p.jenis.label());
            label_medan.insert(nama.clone(), label.clone());
            BarisPos {
                galat: galat.get(nama.as_str()).map(|s| pesan_sel(s)),
                nilai: diisi
                    .get(nama.as_str())
                    .map(|s| s.to_string())
                    .or_else(|| p.realisasi.map(|r| format_angka(r.nilai(), 2)))
                    .unwrap_or_default(),
                label,
                nama,
                uraian,
                kode,
                jenis: p.jenis.label(),
                rincian,
                pagu: rupiah(p.pagu),
                serapan: p
                    .realisasi
                    .and_then(|r| kinerja_core::anggaran::persen(r.nilai(), p.pagu.nilai()))
                    .map(persen),
            }
        };

    let mut kelompok = Vec::new();
    let umum: Vec<BarisPos> = pos
        .iter()
        .filter(|p| p.tempat == TempatAnggaran::Instansi)
        .map(|p| baris(p, p.jenis.label().to_string(), None, None))
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
            for p in &pos {
                match &p.tempat {
                    TempatAnggaran::Kegiatan(x) if *x == keg.id => {
                        b.push(baris(p, keg.nama.clone(), keg.kode.clone(), None))
                    }
                    TempatAnggaran::SubKegiatan(s) => {
                        if let Some(x) = data
                            .sub_kegiatan
                            .iter()
                            .find(|x| x.id == *s && x.kegiatan == keg.id)
                        {
                            b.push(baris(
                                p,
                                keg.nama.clone(),
                                keg.kode.clone(),
                                Some(format!("Sub kegiatan: {}", x.nama)),
                            ))
                        }
                    }
                    _ => {}
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
    })
}
