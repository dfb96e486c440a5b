//! The IKU editor: one form for the decree in force (the latest dated, else the last listed, as
//! the report takes it): the decree's number, subject, place and date, and per indicator the
//! kinerja utama, the formulasi (text, numerator, denominator, multiplier), the units
//! responsible and the data source. `ubah_iku` reads the form this page writes.

use super::{MedanForm, Pengisi};
use crate::bantu::{instansi_utama, render};
use crate::isian::{galat_ringkas, id_instansi};
use crate::tata::{Bagian, Tata, instansi_href};
use crate::{KesalahanIsian, Konteks};
use askama::Template;
use kinerja_core::angka::{format_angka, parse_angka};
use kinerja_core::id::*;
use kinerja_core::model::*;
use kinerja_core::waktu::{Tahun, Tanggal};

const AWAL: &str = "iku";

#[derive(Template)]
#[template(path = "sunting_iku.html")]
struct HalamanIku {
    l: Tata,
    instansi: String,
    kembali: String,
    aksi: String,
    ada: bool,
    kelompok: Vec<(String, String, Vec<MedanForm>)>,
    galat: Vec<crate::isian::GalatRingkas>,
}

/// The IKU decree in force of `pelapor`: the latest dated, else the last listed.
pub fn iku_berlaku<'a>(data: &'a DataInstansi, pelapor: &InstansiId) -> Option<&'a Iku> {
    data.iku
        .iter()
        .enumerate()
        .filter(|(_, i)| &i.instansi == pelapor)
        .max_by_key(|(n, i)| (i.keputusan.tanggal, *n))
        .map(|(_, i)| i)
}

/// The indicators an IKU may hold: those of the tujuan and sasaran, in plan order, then any
/// other the decree already lists.
fn calon(data: &DataInstansi, iku: Option<&Iku>) -> Vec<(IndikatorId, String)> {
    let mut v: Vec<(IndikatorId, String)> = data
        .indikator_rencana(None)
        .into_iter()
        .map(|(i, pemilik)| (i.id.clone(), format!("{pemilik}: {}", i.uraian)))
        .collect();
    for b in iku.map(|i| i.baris.as_slice()).unwrap_or_default() {
        if !v.iter().any(|(i, _)| i == &b.indikator) {
            v.push((b.indikator.clone(), b.indikator.to_string()));
        }
    }
    v
}

pub fn sunting_iku(
    k: &Konteks,
    data: &DataInstansi,
    tahun: Tahun,
    kesalahan: &[KesalahanIsian],
    isian: &[(String, String)],
) -> String {
    let l = Tata::baru(k, "Ubah Indikator Kinerja Utama", Bagian::Iku, Some(data));
    let id_i = id_instansi(k, data);
    let iku = InstansiId::new(id_i.clone())
        .ok()
        .and_then(|p| iku_berlaku(data, &p));
    let mut p = Pengisi::baru(isian, kesalahan);
    p.kirim_semua();
    let kep = iku.map(|i| &i.keputusan);
    let a = format!("{AWAL}.keputusan");
    let mut tanggal = p.medan(
        &a,
        "tanggal",
        "Tanggal",
        kep.and_then(|x| x.tanggal)
            .map(|t| t.to_string())
            .unwrap_or_default(),
        "teks",
    );
    tanggal.ket = Some("boleh kosong".into());
    let mut kelompok = vec![(
        "keputusan".to_string(),
        "Keputusan penetapan IKU".to_string(),
        vec![
            p.medan(
                &a,
                "nomor",
                "Nomor",
                kep.map(|x| x.nomor.clone()).unwrap_or_default(),
                "teks",
            ),
            p.medan(
                &a,
                "tentang",
                "Tentang",
                kep.and_then(|x| x.tentang.clone()).unwrap_or_default(),
                "teks",
            ),
            p.medan(
                &a,
                "tempat",
                "Tempat",
                kep.and_then(|x| x.tempat.clone()).unwrap_or_default(),
                "teks",
            ),
            tanggal,
        ],
    )];
    for (ind, label) in calon(data, iku) {
        let b = iku.and_then(|i| i.baris.iter().find(|b| b.indikator == ind));
        let a = format!("{AWAL}.{ind}");
        let mut formulasi = p.medan(
            &a,
            "formulasi",
            "Formulasi",
            b.map(|b| b.formulasi.teks.clone()).unwrap_or_default(),
            "area",
        );
        formulasi.ket = Some("kosongkan untuk mengeluarkan indikator ini dari IKU".into());
        formulasi.baris = 3;
        kelompok.push((
            ind.to_string(),
            label,
            vec![
                p.medan(
                    &a,
                    "kinerja_utama",
                    "Kinerja utama",
                    b.and_then(|b| b.kinerja_utama.clone()).unwrap_or_default(),
                    "teks",
                ),
                formulasi,
                p.medan(
                    &a,
                    "pembilang",
                    "Pembilang",
                    b.and_then(|b| b.formulasi.pembilang.clone())
                        .unwrap_or_default(),
                    "teks",
                ),
                p.medan(
                    &a,
                    "penyebut",
                    "Penyebut",
                    b.and_then(|b| b.formulasi.penyebut.clone())
                        .unwrap_or_default(),
                    "teks",
                ),
                p.medan(
                    &a,
                    "pengali",
                    "Pengali",
                    b.and_then(|b| b.formulasi.pengali)
                        .map(|x| format_angka(x, x.scale()))
                        .unwrap_or_default(),
                    "angka",
                ),
                p.medan(
                    &a,
                    "penanggung_jawab",
                    "Penanggung jawab",
                    b.and_then(|b| b.penanggung_jawab_teks.clone())
                        .unwrap_or_default(),
                    "teks",
                ),
                p.medan(
                    &a,
                    "sumber_data",
                    "Sumber data",
                    b.and_then(|b| b.sumber_data.clone()).unwrap_or_default(),
                    "teks",
                ),
            ],
        ));
    }
    let galat = galat_ringkas(kesalahan, &p.label);
    render(&HalamanIku {
        l,
        instansi: instansi_utama(data)
            .map(|i| i.nama.clone())
            .unwrap_or_default(),
        kembali: instansi_href(&id_i, tahun.get(), "/iku"),
        aksi: instansi_href(&id_i, tahun.get(), "/iku/ubah"),
        ada: iku.is_some(),
        kelompok,
        galat,
    })
}

/// The data set with the IKU form applied to the decree in force (or a new decree).
pub fn ubah_iku(
    data: &DataInstansi,
    pelapor: &InstansiId,
    isian: &[(String, String)],
) -> Result<DataInstansi, Vec<KesalahanIsian>> {
    let v = |m: &str| {
        isian
            .iter()
            .find(|(a, _)| a == &format!("{AWAL}.{m}"))
            .map_or(String::new(), |(_, x)| {
                x.replace("\r\n", "\n").trim().to_string()
            })
    };
    let opsi = |m: &str| Some(v(m)).filter(|x| !x.is_empty());
    let mut salah = Vec::new();
    let mut tolak = |m: &str, pesan: String| {
        salah.push(KesalahanIsian {
            medan: format!("{AWAL}.{m}"),
            pesan,
        })
    };
    let lama = iku_berlaku(data, pelapor).cloned();
    let nomor = v("keputusan.nomor");
    if nomor.is_empty() {
        tolak("keputusan.nomor", "nomor keputusan wajib diisi".into());
    }
    let tanggal = match v("keputusan.tanggal") {
        x if x.is_empty() => None,
        x => match Tanggal::parse(&x) {
            Ok(t) => Some(t),
            Err(e) => {
                tolak("keputusan.tanggal", e.to_string());
                None
            }
        },
    };
    let mut baris = Vec::new();
    for (ind, _) in calon(data, lama.as_ref()) {
        let m = |x: &str| format!("{ind}.{x}");
        let teks = v(&m("formulasi"));
        if teks.is_empty() {
            continue;
        }
        let pengali = match v(&m("pengali")) {
            x if x.is_empty() => None,
            x => match parse_angka(&x) {
                Ok(d) if d <= rust_decimal::Decimal::ZERO => {
                    tolak(
                        &m("pengali"),
                        "pengali harus lebih dari 0 (mis. 100)".into(),
                    );
                    None
                }
                Ok(d) => Some(d),
                Err(e) => {
                    tolak(&m("pengali"), e.to_string());
                    None
                }
            },
        };
        let b_lama = lama
            .as_ref()
            .and_then(|i| i.baris.iter().find(|b| b.indikator == ind));
        let pj = opsi(&m("penanggung_jawab"));
        baris.push(BarisIku {
            indikator: ind.clone(),
            kinerja_utama: opsi(&m("kinerja_utama")),
            formulasi: Formulasi {
                teks,
                pembilang: opsi(&m("pembilang")),
                penyebut: opsi(&m("penyebut")),
                pengali,
            },
            // The units stay linked while the text naming them is unchanged.
            penanggung_jawab: b_lama
                .filter(|b| b.penanggung_jawab_teks == pj)
                .map(|b| b.penanggung_jawab.clone())
                .unwrap_or_default(),
            penanggung_jawab_teks: pj,
            sumber_data: opsi(&m("sumber_data")),
        });
    }
    if !salah.is_empty() {
        return Err(salah);
    }
    // The stored order first, then new rows in plan order.
    if let Some(l) = &lama {
        baris.sort_by_key(|b| {
            l.baris
                .iter()
                .position(|x| x.indikator == b.indikator)
                .unwrap_or(usize::MAX)
        });
    }
    let keputusan = Keputusan {
        nomor,
        tentang: opsi("keputusan.tentang"),
        tanggal,
        tempat: opsi("keputusan.tempat"),
        penandatangan: lama
            .as_ref()
            .and_then(|l| l.keputusan.penandatangan.clone()),
    };
    let mut d = data.clone();
    match lama {
        Some(l) => {
            if let Some(x) = d.iku.iter_mut().find(|x| x.id == l.id) {
                x.keputusan = keputusan;
                x.baris = baris;
            }
        }
        None => {
            let ada: Vec<&str> = data.iku.iter().map(|i| i.id.as_str()).collect();
            let id = (1..)
                .map(|n| format!("iku-{n}"))
                .find(|c| !ada.contains(&c.as_str()))
                .expect("a free id");
            d.iku.push(Iku {
                id: IkuId::new(id).expect("valid id"),
                instansi: pelapor.clone(),
                keputusan,
                baris,
                catatan: None,
            });
        }
    }
    Ok(d)
}
