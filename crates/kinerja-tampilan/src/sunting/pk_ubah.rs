//! Reads the Perjanjian Kinerja form (`pk.rs` writes it) and applies it, makes a PK perubahan
//! of the signed PK in force, and signs the PK in force.

use super::pk::{AWAL, calon_indikator, pejabat, target_pk};
use crate::KesalahanIsian;
use kinerja_core::angka::parse_rupiah;
use kinerja_core::id::*;
use kinerja_core::model::*;
use kinerja_core::nilai::Nilai;
use kinerja_core::waktu::{Tahun, Tanggal};

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
    let id = PejabatId::new(super::baca::id_baru("PJ-", &ada)).expect("valid id");
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
            let id = PkId::new(super::baca::id_baru(
                &format!("pk-{}-perubahan-", tahun.get()),
                &ada,
            ))
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
                super::baca::id_baru(&format!("{nama}-"), &ada)
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
