//! The Perjanjian Kinerja editor: one form for the year's PK in force (pihak pertama and kedua
//! with jabatan and NIP, place and date, the targets promised, the program budgets), the
//! signature that locks it, and the PK perubahan: a new version that replaces a signed one,
//! the earlier version kept readable with the targets it promised (`target_arsip`).
//! `ubah_pk` reads the form this page writes.

use super::baca::renstra_tahun;
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
use kinerja_core::waktu::{Tahun, Tanggal};

const AWAL: &str = "pk";

pub(crate) struct VersiPk {
    pub judul: String,
    pub status: &'static str,
    pub href: String,
    pub berlaku: bool,
}

#[derive(Template)]
#[template(path = "sunting_pk.html")]
struct HalamanPk {
    l: Tata,
    instansi: String,
    tahun: u16,
    kembali: String,
    aksi: String,
    aksi_tanda: String,
    versi: Vec<VersiPk>,
    /// The PK in force is signed: no form, the PK perubahan button instead.
    terkunci: bool,
    ada: bool,
    boleh_tanda: bool,
    kelompok: Vec<(String, String, Vec<MedanForm>)>,
    galat: Vec<crate::isian::GalatRingkas>,
}

/// The indicators a PK may promise: those of the tujuan and sasaran of the Renstra in force, in
/// plan order, and any the PK already lists.
fn calon_indikator<'a>(
    data: &'a DataInstansi,
    tahun: Tahun,
    pk: Option<&PerjanjianKinerja>,
) -> Vec<(&'a Indikator, String)> {
    let renstra = renstra_tahun(data, tahun);
    let mut tujuan: Vec<&Tujuan> = data
        .tujuan
        .iter()
        .filter(|t| renstra.is_none_or(|r| t.renstra == r.id))
        .collect();
    tujuan.sort_by_key(|t| t.nomor);
    let mut hasil: Vec<(&Indikator, String)> = Vec::new();
    let milik = |p: Pemilik| {
        let mut v: Vec<&Indikator> = data.indikator.iter().filter(|i| i.pemilik == p).collect();
        v.sort_by_key(|i| i.nomor);
        v
    };
    for t in &tujuan {
        for i in milik(Pemilik::Tujuan(t.id.clone())) {
            hasil.push((i, format!("Tujuan {}", t.nomor)));
        }
        let mut sasaran: Vec<&Sasaran> = data.sasaran.iter().filter(|s| s.tujuan == t.id).collect();
        sasaran.sort_by_key(|s| s.nomor);
        for s in sasaran {
            for i in milik(Pemilik::Sasaran(s.id.clone())) {
                hasil.push((i, format!("Sasaran {}", s.nomor)));
            }
        }
    }
    for id in pk.map(|p| p.indikator.as_slice()).unwrap_or_default() {
        if !hasil.iter().any(|(i, _)| &i.id == id)
            && let Some(i) = data.indikator.iter().find(|i| &i.id == id)
        {
            hasil.push((i, "Indikator".into()));
        }
    }
    hasil
}

fn target_pk<'a>(data: &'a DataInstansi, id: &IndikatorId, tahun: Tahun) -> Option<&'a Target> {
    data.target.iter().find(|t| {
        &t.indikator == id && t.tahun == tahun && t.dokumen == DokumenTarget::PerjanjianKinerja
    })
}

fn pejabat<'a>(data: &'a DataInstansi, id: Option<&PejabatId>) -> Option<&'a Pejabat> {
    id.and_then(|id| data.pejabat.iter().find(|p| &p.id == id))
}

/// The PK editor of `tahun`: `boleh_tanda`, the viewer may sign.
pub fn sunting_pk(
    k: &Konteks,
    data: &DataInstansi,
    tahun: Tahun,
    boleh_tanda: bool,
    kesalahan: &[KesalahanIsian],
    isian: &[(String, String)],
) -> String {
    let l = Tata::baru(
        k,
        format!("Ubah Perjanjian Kinerja {}", tahun.get()),
        Bagian::Pk,
        Some(data),
    );
    let id_i = id_instansi(k, data);
    let pelapor = InstansiId::new(id_i.clone()).ok();
    let versi_pk = pelapor
        .as_ref()
        .map(|p| data.pk_versi(p, tahun))
        .unwrap_or_default();
    let pk = versi_pk.last().copied();
    let mut p = Pengisi::baru(isian, kesalahan);
    // Every field of this page belongs to the one form.
    p.kirim_semua();
    let baca = instansi_href(&id_i, tahun.get(), "/pk");
    let versi = versi_pk
        .iter()
        .enumerate()
        .map(|(n, v)| VersiPk {
            judul: if n == 0 {
                "PK awal".into()
            } else {
                format!("PK perubahan {n}")
            },
            status: if v.ditandatangani {
                "ditandatangani"
            } else {
                "draf"
            },
            href: format!("{baca}?versi={}", v.id),
            berlaku: n + 1 == versi_pk.len(),
        })
        .collect();

    let mut kelompok = Vec::new();
    for (nomor, peran, id) in [
        (1, "Pihak pertama", pk.map(|x| &x.pihak_pertama)),
        (2, "Pihak kedua", pk.map(|x| &x.pihak_kedua)),
    ] {
        let pj = pejabat(data, id);
        let a = format!("{AWAL}.pihak{nomor}");
        let mut nip = p.medan(
            &a,
            "nip",
            "NIP",
            pj.and_then(|x| x.nip.as_ref())
                .map(|n| n.to_string())
                .unwrap_or_default(),
            "teks",
        );
        nip.ket = Some("18 angka; kosong untuk pejabat tanpa NIP".into());
        kelompok.push((
            format!("pihak{nomor}"),
            peran.to_string(),
            vec![
                p.medan(
                    &a,
                    "nama",
                    "Nama",
                    pj.map(|x| x.nama.clone()).unwrap_or_default(),
                    "teks",
                ),
                p.medan(
                    &a,
                    "jabatan",
                    "Jabatan",
                    pj.map(|x| x.jabatan.clone()).unwrap_or_default(),
                    "teks",
                ),
                nip,
                p.medan(
                    &a,
                    "pangkat",
                    "Pangkat (golongan)",
                    pj.and_then(|x| x.pangkat.clone()).unwrap_or_default(),
                    "teks",
                ),
            ],
        ));
    }
    let mut tanggal = p.medan(
        AWAL,
        "tanggal",
        "Tanggal",
        pk.and_then(|x| x.tanggal)
            .map(|t| t.to_string())
            .unwrap_or_default(),
        "teks",
    );
    tanggal.ket = Some("\"2 Januari 2020\" atau \"2020-01-02\"".into());
    kelompok.push((
        "tempat".into(),
        "Tempat dan tanggal".into(),
        vec![
            p.medan(
                AWAL,
                "tempat",
                "Tempat",
                pk.and_then(|x| x.tempat.clone()).unwrap_or_default(),
                "teks",
            ),
            tanggal,
        ],
    ));
    let target: Vec<MedanForm> = calon_indikator(data, tahun, pk)
        .into_iter()
        .map(|(i, induk)| {
            let tersimpan = pk
                .filter(|x| x.indikator.contains(&i.id))
                .and_then(|_| target_pk(data, &i.id, tahun))
                .map(|t| t.nilai.teks().to_string())
                .unwrap_or_default();
            let satuan = i
                .satuan
                .as_deref()
                .map(|s| format!(" ({s})"))
                .unwrap_or_default();
            let mut m = p.medan(
                AWAL,
                &format!("target.{}", i.id),
                format!("{induk}: {}{satuan}", i.uraian),
                tersimpan,
                "teks",
            );
            m.kelas = "lebar";
            m
        })
        .collect();
    kelompok.push(("target".into(), "Target kinerja".into(), target));
    let mut anggaran = Vec::new();
    for g in &data.program {
        let a = pk.and_then(|x| x.anggaran.iter().find(|a| a.program == g.id));
        let mut m = p.medan(
            AWAL,
            &format!("anggaran.{}", g.id),
            format!("Anggaran {}", g.nama),
            a.map(|a| format_angka(a.anggaran.nilai(), 2))
                .unwrap_or_default(),
            "angka",
        );
        m.kelas = "lebar";
        anggaran.push(m);
    }
    kelompok.push((
        "anggaran".into(),
        "Anggaran program (rupiah)".into(),
        anggaran,
    ));

    let galat = galat_ringkas(kesalahan, &p.label);
    render(&HalamanPk {
        l,
        instansi: instansi_utama(data)
            .map(|i| i.nama.clone())
            .unwrap_or_default(),
        tahun: tahun.get(),
        aksi: instansi_href(&id_i, tahun.get(), "/pk/ubah"),
        aksi_tanda: instansi_href(&id_i, tahun.get(), "/pk/tandatangani"),
        kembali: baca,
        versi,
        terkunci: pk.is_some_and(|x| x.ditandatangani),
        ada: pk.is_some(),
        boleh_tanda,
        kelompok,
        galat,
    })
}

/// Errors of the PK form by field (`pk.target.I-S1-1`...).
struct Salah(Vec<KesalahanIsian>);

impl Salah {
    fn tolak(&mut self, m: &str, pesan: impl Into<String>) {
        self.0.push(KesalahanIsian {
            medan: format!("{AWAL}.{m}"),
            pesan: pesan.into(),
        });
    }
}

fn galat_aksi(pesan: &str) -> Vec<KesalahanIsian> {
    vec![KesalahanIsian {
        medan: super::baca::AKSI.into(),
        pesan: pesan.into(),
    }]
}

fn id_baru(awal: &str, ada: &[&str]) -> String {
    (1..)
        .map(|n| format!("{awal}{n}"))
        .find(|c| !ada.contains(&c.as_str()))
        .expect("a free number")
}

/// The pejabat named by the form: the stored one when nothing changed; changed in place when
/// nothing else uses it; else a new pejabat, so a signed document elsewhere keeps its signatory.
#[allow(clippy::too_many_arguments)]
fn pejabat_dari(
    d: &mut DataInstansi,
    lama: Option<&PejabatId>,
    pk: &PkId,
    pelapor: &InstansiId,
    nama: String,
    jabatan: String,
    nip: Option<Nip>,
    pangkat: Option<String>,
) -> PejabatId {
    let sama = |p: &Pejabat| {
        p.nama == nama && p.jabatan == jabatan && p.nip == nip && p.pangkat == pangkat
    };
    if let Some(p) = pejabat(d, lama).filter(|p| sama(p)) {
        return p.id.clone();
    }
    if let Some(p) = d.pejabat.iter().find(|p| sama(p)) {
        return p.id.clone();
    }
    if let Some(lama) = lama {
        let dipakai = d
            .perjanjian_kinerja
            .iter()
            .any(|x| &x.id != pk && (&x.pihak_pertama == lama || &x.pihak_kedua == lama))
            || d.laporan
                .iter()
                .any(|x| x.penandatangan.as_ref() == Some(lama))
            || d.iku
                .iter()
                .any(|x| x.keputusan.penandatangan.as_ref() == Some(lama))
            || d.renstra
                .iter()
                .any(|x| x.dasar.as_ref().and_then(|k| k.penandatangan.as_ref()) == Some(lama));
        if !dipakai && let Some(p) = d.pejabat.iter_mut().find(|p| &p.id == lama) {
            p.nama = nama;
            p.jabatan = jabatan;
            p.nip = nip;
            p.pangkat = pangkat;
            return p.id.clone();
        }
    }
    let ada: Vec<&str> = d.pejabat.iter().map(|p| p.id.as_str()).collect();
    let id = PejabatId::new(id_baru("PJ-", &ada)).expect("valid id");
    d.pejabat.push(Pejabat {
        id: id.clone(),
        instansi: pelapor.clone(),
        nama,
        nip,
        pangkat,
        golongan: None,
        jabatan,
        catatan: None,
    });
    id
}

/// The data set with the PK form of `tahun` applied (`aksi` `simpan`), or a PK perubahan made
/// of the signed PK in force (`aksi` `perubahan`).
pub fn ubah_pk(
    data: &DataInstansi,
    pelapor: &InstansiId,
    tahun: Tahun,
    isian: &[(String, String)],
) -> Result<DataInstansi, Vec<KesalahanIsian>> {
    let ambil = |k: &str| {
        isian
            .iter()
            .find(|(a, _)| a == k)
            .map_or(String::new(), |(_, v)| {
                v.replace("\r\n", "\n").trim().to_string()
            })
    };
    let mut d = data.clone();
    let lama = data.pk_berlaku(pelapor, tahun).cloned();
    match ambil(super::baca::AKSI).as_str() {
        "perubahan" => {
            let Some(lama) = lama.filter(|x| x.ditandatangani) else {
                return Err(galat_aksi(
                    "PK perubahan dibuat dari PK yang sudah ditandatangani",
                ));
            };
            let ada: Vec<&str> = data
                .perjanjian_kinerja
                .iter()
                .map(|p| p.id.as_str())
                .collect();
            let id = PkId::new(id_baru(&format!("pk-{}-perubahan-", tahun.get()), &ada))
                .expect("valid id");
            let arsip = lama
                .indikator
                .iter()
                .filter_map(|i| target_pk(data, i, tahun))
                .map(|t| TargetArsip {
                    indikator: t.indikator.clone(),
                    nilai: t.nilai.clone(),
                })
                .collect();
            if let Some(x) = d.perjanjian_kinerja.iter_mut().find(|x| x.id == lama.id) {
                x.target_arsip = arsip;
            }
            d.perjanjian_kinerja.push(PerjanjianKinerja {
                id,
                ditandatangani: false,
                perubahan_dari: Some(lama.id.clone()),
                target_arsip: Vec::new(),
                tanggal: None,
                ..lama
            });
            return Ok(d);
        }
        "simpan" => {}
        _ => {
            return Err(galat_aksi(
                "formulir tidak dikenal; muat ulang halaman lalu coba lagi",
            ));
        }
    }
    if lama.as_ref().is_some_and(|x| x.ditandatangani) {
        return Err(galat_aksi(
            "Perjanjian Kinerja ini sudah ditandatangani dan terkunci; buat PK perubahan untuk \
             mengubahnya",
        ));
    }
    let v = |m: &str| ambil(&format!("{AWAL}.{m}"));
    let mut s = Salah(Vec::new());
    let pk_id = match &lama {
        Some(x) => x.id.clone(),
        None => {
            let ada: Vec<&str> = data
                .perjanjian_kinerja
                .iter()
                .map(|p| p.id.as_str())
                .collect();
            let nama = format!("pk-{}", tahun.get());
            PkId::new(if ada.contains(&nama.as_str()) {
                id_baru(&format!("{nama}-"), &ada)
            } else {
                nama
            })
            .expect("valid id")
        }
    };
    let mut pihak = Vec::new();
    for n in [1, 2] {
        let a = format!("pihak{n}");
        let nama = v(&format!("{a}.nama"));
        let jabatan = v(&format!("{a}.jabatan"));
        if nama.is_empty() {
            s.tolak(&format!("{a}.nama"), "nama wajib diisi");
        }
        if jabatan.is_empty() {
            s.tolak(&format!("{a}.jabatan"), "jabatan wajib diisi");
        }
        let nip = match v(&format!("{a}.nip")) {
            x if x.is_empty() => None,
            x => match Nip::parse(&x) {
                Ok(n) => Some(n),
                Err(e) => {
                    s.tolak(&format!("{a}.nip"), e.to_string());
                    None
                }
            },
        };
        let pangkat = Some(v(&format!("{a}.pangkat"))).filter(|x| !x.is_empty());
        pihak.push((nama, jabatan, nip, pangkat));
    }
    let tempat = Some(v("tempat")).filter(|x| !x.is_empty());
    let tanggal = match v("tanggal") {
        x if x.is_empty() => None,
        x => match Tanggal::parse(&x) {
            Ok(t) => Some(t),
            Err(e) => {
                s.tolak("tanggal", e.to_string());
                None
            }
        },
    };
    // Targets: a filled field promises the indicator; an emptied one drops it.
    let mut janji: Vec<(IndikatorId, Nilai)> = Vec::new();
    let mut lepas: Vec<IndikatorId> = Vec::new();
    for (i, _) in calon_indikator(data, tahun, lama.as_ref()) {
        let x = v(&format!("target.{}", i.id));
        if x.is_empty() {
            lepas.push(i.id.clone());
            continue;
        }
        match Nilai::parse(&x) {
            Ok(n) => janji.push((i.id.clone(), n)),
            Err(e) => s.tolak(&format!("target.{}", i.id), e.to_string()),
        }
    }
    let mut anggaran: Vec<AnggaranPk> = Vec::new();
    for g in &data.program {
        let m = format!("anggaran.{}", g.id);
        let x = v(&m);
        if x.is_empty() {
            continue;
        }
        match parse_rupiah(&x) {
            Ok(r) if r.is_negatif() => s.tolak(&m, "anggaran tidak boleh negatif"),
            Ok(r) => anggaran.push(AnggaranPk {
                program: g.id.clone(),
                anggaran: r,
                keterangan: lama
                    .as_ref()
                    .and_then(|x| x.anggaran.iter().find(|a| a.program == g.id))
                    .and_then(|a| a.keterangan.clone()),
            }),
            Err(e) => s.tolak(&m, e.to_string()),
        }
    }
    if !s.0.is_empty() {
        return Err(s.0);
    }
    let [p1, p2]: [(String, String, Option<Nip>, Option<String>); 2] =
        pihak.try_into().expect("two parties");
    let pihak_pertama = pejabat_dari(
        &mut d,
        lama.as_ref().map(|x| &x.pihak_pertama),
        &pk_id,
        pelapor,
        p1.0,
        p1.1,
        p1.2,
        p1.3,
    );
    let pihak_kedua = pejabat_dari(
        &mut d,
        lama.as_ref().map(|x| &x.pihak_kedua),
        &pk_id,
        pelapor,
        p2.0,
        p2.1,
        p2.2,
        p2.3,
    );
    // The stored order first, then new indicators and programs in plan order.
    let mut indikator: Vec<IndikatorId> = lama
        .as_ref()
        .map(|x| x.indikator.clone())
        .unwrap_or_default();
    indikator.retain(|i| janji.iter().any(|(j, _)| j == i));
    for (i, _) in &janji {
        if !indikator.contains(i) {
            indikator.push(i.clone());
        }
    }
    let mut urut_anggaran: Vec<AnggaranPk> = lama
        .as_ref()
        .map(|x| x.anggaran.clone())
        .unwrap_or_default()
        .into_iter()
        .filter_map(|a| anggaran.iter().find(|b| b.program == a.program).cloned())
        .collect();
    for a in anggaran {
        if !urut_anggaran.iter().any(|b| b.program == a.program) {
            urut_anggaran.push(a);
        }
    }
    for (i, n) in janji {
        match d.target.iter_mut().find(|t| {
            t.indikator == i && t.tahun == tahun && t.dokumen == DokumenTarget::PerjanjianKinerja
        }) {
            Some(t) => t.nilai = n,
            None => d.target.push(Target {
                indikator: i,
                tahun,
                dokumen: DokumenTarget::PerjanjianKinerja,
                nilai: n,
                uraian: None,
                catatan: None,
            }),
        }
    }
    d.target.retain(|t| {
        !(t.tahun == tahun
            && t.dokumen == DokumenTarget::PerjanjianKinerja
            && lepas.contains(&t.indikator))
    });
    let baru = PerjanjianKinerja {
        id: pk_id.clone(),
        instansi: pelapor.clone(),
        tahun,
        pihak_pertama,
        pihak_kedua,
        tempat,
        tanggal,
        indikator,
        anggaran: urut_anggaran,
        catatan: lama.as_ref().and_then(|x| x.catatan.clone()),
        ditandatangani: false,
        perubahan_dari: lama.as_ref().and_then(|x| x.perubahan_dari.clone()),
        target_arsip: Vec::new(),
    };
    match d.perjanjian_kinerja.iter_mut().find(|x| x.id == pk_id) {
        Some(x) => *x = baru,
        None => d.perjanjian_kinerja.push(baru),
    }
    Ok(d)
}

/// The data set with the PK in force of `tahun` signed: from now on it and the year's PK
/// targets are locked (the store refuses every change) until a PK perubahan replaces it.
pub fn tandatangani_pk(
    data: &DataInstansi,
    pelapor: &InstansiId,
    tahun: Tahun,
) -> Result<DataInstansi, String> {
    let Some(pk) = data.pk_berlaku(pelapor, tahun) else {
        return Err(format!(
            "belum ada Perjanjian Kinerja tahun {}",
            tahun.get()
        ));
    };
    if pk.ditandatangani {
        return Err("Perjanjian Kinerja ini sudah ditandatangani".into());
    }
    if pk.indikator.is_empty() {
        return Err("Perjanjian Kinerja tanpa target kinerja tidak dapat ditandatangani".into());
    }
    let id = pk.id.clone();
    let mut d = data.clone();
    if let Some(x) = d.perjanjian_kinerja.iter_mut().find(|x| x.id == id) {
        x.ditandatangani = true;
    }
    Ok(d)
}
