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
use kinerja_core::angka::format_angka;
use kinerja_core::id::*;
use kinerja_core::model::*;
use kinerja_core::waktu::Tahun;

pub(super) const AWAL: &str = "pk";

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
pub(super) fn calon_indikator<'a>(
    data: &'a DataInstansi,
    tahun: Tahun,
    pk: Option<&PerjanjianKinerja>,
) -> Vec<(&'a Indikator, String)> {
    let renstra = renstra_tahun(data, tahun);
    let mut hasil = data.indikator_rencana(renstra.map(|r| &r.id));
    for id in pk.map(|p| p.indikator.as_slice()).unwrap_or_default() {
        if !hasil.iter().any(|(i, _)| &i.id == id)
            && let Some(i) = data.indikator.iter().find(|i| &i.id == id)
        {
            hasil.push((i, "Indikator".into()));
        }
    }
    hasil
}

/// The target field of an indicator a yearly document lists: "Sasaran 1: uraian (satuan)".
pub(super) fn medan_target(
    p: &mut Pengisi,
    awal: &str,
    i: &Indikator,
    induk: &str,
    tersimpan: String,
) -> MedanForm {
    let satuan = i
        .satuan
        .as_deref()
        .map(|s| format!(" ({s})"))
        .unwrap_or_default();
    let mut m = p.medan(
        awal,
        &format!("target.{}", i.id),
        format!("{induk}: {}{satuan}", i.uraian),
        tersimpan,
        "teks",
    );
    m.kelas = "lebar";
    m
}

pub(super) fn target_pk<'a>(
    data: &'a DataInstansi,
    id: &IndikatorId,
    tahun: Tahun,
) -> Option<&'a Target> {
    data.target.iter().find(|t| {
        &t.indikator == id && t.tahun == tahun && t.dokumen == DokumenTarget::PerjanjianKinerja
    })
}

pub(super) fn pejabat<'a>(data: &'a DataInstansi, id: Option<&PejabatId>) -> Option<&'a Pejabat> {
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
            medan_target(&mut p, AWAL, i, &induk, tersimpan)
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
