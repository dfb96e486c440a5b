//! The instansi's own SKM questionnaire (`/instansi/{id}/tahun/{tahun}/skm/kuesioner`): the
//! wording of the nine questions of PermenPANRB 14/2017 and their four answers, asked by the
//! survey form kinerja hosts and used to read the instansi's own exports. The form starts from
//! the questionnaire in force (the instansi's, else the annex's); "Pakai kuesioner baku"
//! removes the instansi's own. Serves every address of the instansi without one of its own
//! (questionnaires per layanan come from a data file).
//!
//! Fields: `u{n}.teks`, `u{n}.label{1..4}`, `u{n}.kolom` for unsur n = 1..9; `aksi` = `simpan`
//! or `baku`.

use crate::bantu::{instansi_utama, render};
use crate::isian::{GalatRingkas, galat_ringkas, id_instansi, per_medan, pesan_sel};
use crate::tata::{Bagian, Tata, instansi_href};
use crate::{KesalahanIsian, Konteks};
use askama::Template;
use kinerja_core::id::{InstansiId, KuesionerSkmId, id_bebas};
use kinerja_core::model::{DataInstansi, KuesionerSkm, PertanyaanSkm};
use kinerja_core::skm::Regime;
use kinerja_core::skm::isian::soal_isian;
use kinerja_core::validasi::batas_medan;
use std::collections::HashMap;

struct Medan {
    nama: String,
    label: String,
    nilai: String,
    galat: Option<String>,
}

struct Baris {
    unsur: String,
    teks: Medan,
    label: Vec<Medan>,
    kolom: Medan,
}

#[derive(Template)]
#[template(path = "kuesioner.html")]
struct Halaman {
    l: Tata,
    instansi: String,
    aksi: String,
    kembali: String,
    sendiri: bool,
    ubah: bool,
    galat: Vec<GalatRingkas>,
    baris: Vec<Baris>,
}

/// The general questionnaire of `instansi` (not one of a layanan).
fn milik<'a>(data: &'a DataInstansi, instansi: &InstansiId) -> Option<&'a KuesionerSkm> {
    data.kuesioner_skm
        .iter()
        .find(|k| &k.instansi == instansi && k.layanan.is_none())
}

pub fn kuesioner_skm(
    k: &Konteks,
    data: &DataInstansi,
    tahun: u16,
    ubah: bool,
    kesalahan: &[KesalahanIsian],
    isian: &[(String, String)],
) -> String {
    let l = Tata::baru(k, "Kuesioner SKM", Bagian::Skm, Some(data));
    let id = id_instansi(k, data);
    let instansi = InstansiId::new(id.clone()).ok();
    let sendiri = instansi.as_ref().and_then(|i| milik(data, i));
    let soal = match &instansi {
        Some(i) => soal_isian(&data.kuesioner_skm, i, None),
        None => soal_isian(&[], &InstansiId::new("x").expect("valid id"), None),
    };
    let (diisi, galat) = per_medan(isian, kesalahan);
    let nama_unsur = Regime::permenpanrb_14_2017().unsur_baku;
    let medan = |nama: String, label: String, simpan: String| Medan {
        nilai: if isian.is_empty() {
            simpan
        } else {
            diisi
                .get(nama.as_str())
                .map(|v| v.to_string())
                .unwrap_or_default()
        },
        galat: galat.get(nama.as_str()).map(|g| pesan_sel(g)),
        label,
        nama,
    };
    let mut judul = HashMap::new();
    let baris: Vec<Baris> = soal
        .iter()
        .enumerate()
        .map(|(i, s)| {
            let n = i + 1;
            let unsur = format!("U{n} {}", nama_unsur.get(i).cloned().unwrap_or_default());
            let kolom = sendiri
                .and_then(|k| k.pertanyaan.iter().find(|q| q.nomor as usize == n))
                .and_then(|q| q.kolom.clone())
                .unwrap_or_default();
            judul.insert(format!("u{n}.teks"), format!("{unsur}: pertanyaan"));
            judul.insert(
                format!("u{n}.kolom"),
                format!("{unsur}: kepala kolom ekspor"),
            );
            Baris {
                teks: medan(
                    format!("u{n}.teks"),
                    format!("Pertanyaan {unsur}"),
                    s.teks.clone(),
                ),
                label: (1..=4)
                    .map(|j| {
                        judul.insert(format!("u{n}.label{j}"), format!("{unsur}: jawaban {j}"));
                        medan(
                            format!("u{n}.label{j}"),
                            format!("{unsur}, jawaban bernilai {j}"),
                            s.label[j - 1].clone(),
                        )
                    })
                    .collect(),
                kolom: medan(
                    format!("u{n}.kolom"),
                    format!("{unsur}, kepala kolom di berkas ekspor (bila lain dari pertanyaan)"),
                    kolom,
                ),
                unsur,
            }
        })
        .collect();
    render(&Halaman {
        l,
        instansi: instansi_utama(data)
            .map(|i| i.nama.clone())
            .unwrap_or_default(),
        aksi: instansi_href(&id, tahun, "/skm/kuesioner"),
        kembali: instansi_href(&id, tahun, "/skm"),
        sendiri: sendiri.is_some(),
        ubah,
        galat: galat_ringkas(kesalahan, &judul),
        baris,
    })
}

/// The data set with the posted questionnaire of `instansi` saved (or removed with `aksi=baku`),
/// or the field errors with nothing changed. Every text is bounded as a data file's is; the four
/// answers of a question must differ (an answer read from an export must mean one value).
pub fn ubah_kuesioner(
    data: &DataInstansi,
    instansi: &InstansiId,
    isian: &[(String, String)],
) -> Result<DataInstansi, Vec<KesalahanIsian>> {
    let ambil = |k: &str| {
        isian
            .iter()
            .find(|(a, _)| a == k)
            .map_or("", |(_, v)| v.trim())
    };
    let mut d = data.clone();
    let ada = d
        .kuesioner_skm
        .iter()
        .position(|k| &k.instansi == instansi && k.layanan.is_none());
    if ambil("aksi") == "baku" {
        if let Some(i) = ada {
            d.kuesioner_skm.remove(i);
        }
        return Ok(d);
    }
    let mut salah = Vec::new();
    let mut lapor = |medan: String, pesan: String| {
        salah.push(KesalahanIsian { medan, pesan });
    };
    let batas_teks = batas_medan("kuesioner_skm", "teks");
    let batas_label = batas_medan("kuesioner_skm", "label");
    let mut pertanyaan = Vec::new();
    for n in 1..=9u32 {
        let nama = |m: &str| format!("u{n}.{m}");
        let teks = ambil(&nama("teks")).to_string();
        if teks.is_empty() {
            lapor(nama("teks"), "wajib diisi".into());
        } else if teks.chars().count() > batas_teks {
            lapor(nama("teks"), format!("paling banyak {batas_teks} karakter"));
        }
        let label: [String; 4] =
            std::array::from_fn(|j| ambil(&nama(&format!("label{}", j + 1))).to_string());
        for (j, l) in label.iter().enumerate() {
            let m = nama(&format!("label{}", j + 1));
            if l.is_empty() {
                lapor(m, "wajib diisi".into());
            } else if l.chars().count() > batas_label {
                lapor(m, format!("paling banyak {batas_label} karakter"));
            } else if label[..j]
                .iter()
                .any(|x| x.to_lowercase() == l.to_lowercase())
            {
                lapor(
                    m,
                    "sama dengan jawaban lain; keempat jawaban harus berbeda".into(),
                );
            }
        }
        let kolom = ambil(&nama("kolom"));
        if kolom.chars().count() > batas_teks {
            lapor(
                nama("kolom"),
                format!("paling banyak {batas_teks} karakter"),
            );
        }
        pertanyaan.push(PertanyaanSkm {
            nomor: n,
            teks,
            label,
            kolom: (!kolom.is_empty()).then(|| kolom.to_string()),
        });
    }
    if !salah.is_empty() {
        return Err(salah);
    }
    match ada {
        Some(i) => {
            if d.kuesioner_skm[i].pertanyaan != pertanyaan {
                d.kuesioner_skm[i].pertanyaan = pertanyaan;
            }
        }
        None => {
            let awal = format!("kuesioner-{instansi}-");
            let id = id_bebas(&awal, |c| {
                d.kuesioner_skm.iter().any(|k| k.id.as_str() == c)
            });
            let id = KuesionerSkmId::new(id).unwrap_or_else(|_| {
                KuesionerSkmId::new(id_bebas("kuesioner-", |c| {
                    d.kuesioner_skm.iter().any(|k| k.id.as_str() == c)
                }))
                .expect("`kuesioner-` and digits are an id")
            });
            d.kuesioner_skm.push(KuesionerSkm {
                id,
                instansi: instansi.clone(),
                layanan: None,
                pertanyaan,
            });
        }
    }
    Ok(d)
}
