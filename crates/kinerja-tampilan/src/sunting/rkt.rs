//! The RKT (Rencana Kerja Tahunan, Renja) editor of a year: one form with the year's RKT
//! target of each indicator of the Renstra in force, the programs the RKT lists, and the
//! kegiatan with their planned budget ("-" where the RKT lists a kegiatan without one, as the
//! documents print it). `ubah_rkt` reads the form this page writes.

use super::pk::{calon_indikator, medan_target};
use super::{MedanForm, Pengisi};
use crate::bantu::{instansi_utama, render};
use crate::isian::{galat_ringkas, id_instansi};
use crate::tata::{Bagian, Tata, instansi_href};
use crate::{KesalahanIsian, Konteks};
use askama::Template;
use kinerja_core::angka::{format_angka, parse_rupiah};
use kinerja_core::id::*;
use kinerja_core::model::*;
use kinerja_core::nilai::Nilai;
use kinerja_core::waktu::Tahun;

const AWAL: &str = "rkt";

#[derive(Template)]
#[template(path = "sunting_rkt.html")]
struct HalamanRkt {
    l: Tata,
    instansi: String,
    tahun: u16,
    kembali: String,
    aksi: String,
    ada: bool,
    kelompok: Vec<(String, String, Vec<MedanForm>)>,
    galat: Vec<crate::isian::GalatRingkas>,
}

fn rkt_tahun<'a>(
    data: &'a DataInstansi,
    pelapor: Option<&InstansiId>,
    tahun: Tahun,
) -> Option<&'a Rkt> {
    data.rkt
        .iter()
        .find(|r| r.tahun == tahun && pelapor.is_none_or(|p| &r.instansi == p))
}

fn target_rkt<'a>(data: &'a DataInstansi, id: &IndikatorId, tahun: Tahun) -> Option<&'a Target> {
    data.target
        .iter()
        .find(|t| &t.indikator == id && t.tahun == tahun && t.dokumen == DokumenTarget::Rkt)
}

/// The RKT editor of `tahun`.
pub fn sunting_rkt(
    k: &Konteks,
    data: &DataInstansi,
    tahun: Tahun,
    kesalahan: &[KesalahanIsian],
    isian: &[(String, String)],
) -> String {
    let l = Tata::baru(
        k,
        format!("Ubah RKT {}", tahun.get()),
        Bagian::Rencana,
        Some(data),
    );
    let id_i = id_instansi(k, data);
    let pelapor = InstansiId::new(id_i.clone()).ok();
    let rkt = rkt_tahun(data, pelapor.as_ref(), tahun);
    let mut p = Pengisi::baru(isian, kesalahan);
    p.kirim_semua();

    let target: Vec<MedanForm> = calon_indikator(data, tahun, None)
        .into_iter()
        .map(|(i, induk)| {
            let tersimpan = target_rkt(data, &i.id, tahun)
                .map(|t| t.nilai.teks().to_string())
                .unwrap_or_default();
            medan_target(&mut p, AWAL, i, &induk, tersimpan)
        })
        .collect();
    let program: Vec<MedanForm> = data
        .program
        .iter()
        .map(|g| {
            p.medan(
                AWAL,
                &format!("program.{}", g.id),
                g.nama.clone(),
                if rkt.is_some_and(|r| r.program.contains(&g.id)) {
                    "1".into()
                } else {
                    String::new()
                },
                "centang",
            )
        })
        .collect();
    let mut kegiatan = Vec::new();
    for g in &data.program {
        for x in data.kegiatan.iter().filter(|x| x.program == g.id) {
            let tersimpan = rkt
                .and_then(|r| r.kegiatan.iter().find(|k| k.kegiatan == x.id))
                .map(|k| match k.anggaran {
                    Some(a) => format_angka(a.nilai(), 2),
                    None => "-".into(),
                })
                .unwrap_or_default();
            let mut m = p.medan(
                AWAL,
                &format!("kegiatan.{}", x.id),
                format!("{} ({})", x.nama, g.nama),
                tersimpan,
                "angka",
            );
            m.kelas = "lebar";
            kegiatan.push(m);
        }
    }
    let kelompok = vec![
        (
            "target".into(),
            "Target kinerja tahun ini (kosong: tidak ada di RKT)".into(),
            target,
        ),
        ("program".into(), "Program dalam RKT".into(), program),
        (
            "kegiatan".into(),
            "Kegiatan dan anggarannya (rupiah; \"-\" bila tanpa anggaran; kosong: tidak ada di RKT)"
                .into(),
            kegiatan,
        ),
    ];
    let galat = galat_ringkas(kesalahan, &p.label);
    render(&HalamanRkt {
        l,
        instansi: instansi_utama(data)
            .map(|i| i.nama.clone())
            .unwrap_or_default(),
        tahun: tahun.get(),
        kembali: instansi_href(&id_i, tahun.get(), "/rencana"),
        aksi: instansi_href(&id_i, tahun.get(), "/rkt/ubah"),
        ada: rkt.is_some(),
        kelompok,
        galat,
    })
}

/// The data set with the RKT form of `tahun` applied, or the problems by field name. A filled
/// target sets the indicator's RKT target of the year, an emptied one removes it; the RKT
/// record is made (`rkt-{tahun}`) when the year has none.
pub fn ubah_rkt(
    data: &DataInstansi,
    pelapor: &InstansiId,
    tahun: Tahun,
    isian: &[(String, String)],
) -> Result<DataInstansi, Vec<KesalahanIsian>> {
    let v = |m: &str| {
        let k = format!("{AWAL}.{m}");
        isian
            .iter()
            .find(|(a, _)| *a == k)
            .map_or(String::new(), |(_, x)| x.trim().to_string())
    };
    // A form without its button's value is not this page's (a stale or forged post).
    if !isian
        .iter()
        .any(|(k, x)| k == super::baca::AKSI && x == "simpan")
    {
        return Err(vec![KesalahanIsian {
            medan: super::baca::AKSI.into(),
            pesan: "formulir tidak dikenal; muat ulang halaman lalu coba lagi".into(),
        }]);
    }
    let mut salah = Vec::new();
    let mut tolak = |m: String, pesan: String| {
        salah.push(KesalahanIsian {
            medan: format!("{AWAL}.{m}"),
            pesan,
        })
    };
    let mut d = data.clone();
    for (i, _) in calon_indikator(data, tahun, None) {
        let m = format!("target.{}", i.id);
        let x = v(&m);
        let ada = d.target.iter().position(|t| {
            t.indikator == i.id && t.tahun == tahun && t.dokumen == DokumenTarget::Rkt
        });
        match (x.is_empty(), ada) {
            (true, Some(n)) => {
                d.target.remove(n);
            }
            (true, None) => {}
            (false, _) => match Nilai::parse(&x) {
                // A value equal to the stored one, however spelled, is no change.
                Ok(n) => match ada {
                    Some(j) if d.target[j].nilai != n => d.target[j].nilai = n,
                    Some(_) => {}
                    None => d.target.push(Target {
                        indikator: i.id.clone(),
                        tahun,
                        dokumen: DokumenTarget::Rkt,
                        nilai: n,
                        uraian: None,
                        catatan: None,
                    }),
                },
                Err(e) => tolak(m, e.to_string()),
            },
        }
    }
    let mut program: Vec<ProgramId> = data
        .program
        .iter()
        .filter(|g| !v(&format!("program.{}", g.id)).is_empty())
        .map(|g| g.id.clone())
        .collect();
    let mut kegiatan = Vec::new();
    for g in &data.program {
        for x in data.kegiatan.iter().filter(|x| x.program == g.id) {
            let m = format!("kegiatan.{}", x.id);
            match v(&m).as_str() {
                "" => {}
                "-" => kegiatan.push(RktKegiatan {
                    kegiatan: x.id.clone(),
                    anggaran: None,
                }),
                a => match parse_rupiah(a) {
                    Ok(r) if r.is_negatif() => tolak(m, "anggaran tidak boleh negatif".into()),
                    Ok(r) => kegiatan.push(RktKegiatan {
                        kegiatan: x.id.clone(),
                        anggaran: Some(r),
                    }),
                    Err(e) => tolak(m, e.to_string()),
                },
            }
        }
    }
    if !salah.is_empty() {
        return Err(salah);
    }
    // The stored order first (an unchanged form is no change), then new rows in plan order.
    if let Some(r) = rkt_tahun(data, Some(pelapor), tahun) {
        let tempat = |lama: Option<usize>| lama.unwrap_or(usize::MAX);
        program.sort_by_key(|g| tempat(r.program.iter().position(|x| x == g)));
        kegiatan.sort_by_key(|k| tempat(r.kegiatan.iter().position(|x| x.kegiatan == k.kegiatan)));
    }
    match d
        .rkt
        .iter_mut()
        .find(|r| r.tahun == tahun && &r.instansi == pelapor)
    {
        Some(r) => {
            r.program = program;
            r.kegiatan = kegiatan;
        }
        None => {
            let ada: Vec<&str> = data.rkt.iter().map(|r| r.id.as_str()).collect();
            let nama = format!("rkt-{}", tahun.get());
            let id = if ada.contains(&nama.as_str()) {
                (1..)
                    .map(|n| format!("{nama}-{n}"))
                    .find(|c| !ada.contains(&c.as_str()))
                    .expect("a free number")
            } else {
                nama
            };
            d.rkt.push(Rkt {
                id: RktId::new(id).expect("valid id"),
                instansi: pelapor.clone(),
                tahun,
                program,
                kegiatan,
                catatan: None,
            });
        }
    }
    Ok(d)
}
