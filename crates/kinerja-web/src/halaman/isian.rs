//! The entry pages: realisasi per indicator and period, and the realisasi of each budget line.
//! A field left empty changes nothing; every save goes through the store's one write path and
//! lands in the audit trail.

use super::alur::status_tampil;
use super::bersama::Laman;
use super::bersama::kiriman;
use super::bersama::{
    Hasil, JalurTahun, KueriPesan, html, izin, ke, pelaku_web, pesan_sukses, setelah_simpan,
    siapkan,
};
use crate::Negara;
use crate::akun::{Sesi, Tindakan};
use crate::galat::GalatHttp;
use axum::extract::rejection::{FormRejection, QueryRejection};
use axum::extract::{Form, Path, Query, State};
use axum::http::StatusCode;
use axum::response::{Html, IntoResponse};
use kinerja_core::model::{NilaiData, PosAnggaran, Realisasi};
use kinerja_core::nilai::Nilai;
use kinerja_core::waktu::Periode;
use kinerja_tampilan as t;
use std::collections::{BTreeMap, HashMap};

pub(super) async fn realisasi(
    State(n): State<Negara>,
    sesi: Sesi,
    Path((id, th)): JalurTahun,
    q: Result<Query<KueriPesan>, QueryRejection>,
) -> Hasil {
    let mut l = siapkan(&n, &sesi, &id, &th, Tindakan::Lihat).await?;
    pesan_sukses(&mut l.k, &q.map(|q| q.0).unwrap_or_default());
    let status = status_tampil(&n, &l).await?;
    Ok(html(t::form_realisasi(
        &l.k,
        &l.data,
        l.tahun,
        &status,
        izin(&sesi, &l),
        &[],
        &[],
    )))
}

pub(super) async fn realisasi_kirim(
    State(n): State<Negara>,
    sesi: Sesi,
    Path((id, th)): JalurTahun,
    form: Result<Form<Vec<(String, String)>>, FormRejection>,
) -> Hasil {
    let (isian, mut l) = kiriman(&n, &sesi, &id, &th, form, Tindakan::Ubah).await?;
    let ada: HashMap<(String, Periode), &Realisasi> = l
        .data
        .realisasi
        .iter()
        .filter(|r| r.tahun == l.tahun)
        .map(|r| ((r.indikator.to_string(), r.periode), r))
        .collect();
    let mut kesalahan = Vec::new();
    let mut baru = Vec::new();
    let data_baru = nilai_data(&l, &isian, &mut kesalahan);
    for (nama, nilai) in &isian {
        let Some(t::Medan::Realisasi { indikator, periode }) = t::Medan::parse(nama) else {
            continue;
        };
        let nilai = nilai.trim();
        let lama = ada.get(&(indikator.to_string(), periode));
        // An empty field changes nothing: clearing a figure by accident must not lose it.
        if nilai.is_empty() || lama.is_some_and(|r| r.nilai.teks() == nilai) {
            continue;
        }
        match Nilai::parse(nilai) {
            Ok(v) => baru.push(Realisasi {
                indikator,
                tahun: l.tahun,
                periode,
                nilai: v,
                sumber: lama.and_then(|r| r.sumber.clone()),
                catatan: lama.and_then(|r| r.catatan.clone()),
            }),
            Err(e) => kesalahan.push(t::KesalahanIsian {
                medan: nama.clone(),
                pesan: e.to_string(),
            }),
        }
    }
    let mut kode = StatusCode::UNPROCESSABLE_ENTITY;
    if kesalahan.is_empty() {
        let hasil = if baru.is_empty() && data_baru.is_empty() {
            Ok(kinerja_simpan::Ringkasan::default())
        } else {
            n.toko
                .simpan_realisasi_dan_data(&l.id, baru, data_baru, &pelaku_web(&sesi))
                .await
        };
        match setelah_simpan(hasil, &mut l, "realisasi")? {
            Ok(ke) => return Ok(ke),
            Err(k) => kode = k,
        }
    }
    let status = status_tampil(&n, &l).await?;
    let body = t::form_realisasi(
        &l.k,
        &l.data,
        l.tahun,
        &status,
        izin(&sesi, &l),
        &kesalahan,
        &isian,
    );
    Ok((kode, Html(body)).into_response())
}

/// The data element values posted (`d.{elemen}.{periode}`) that differ from the stored ones,
/// for the data set's own instansi; an empty field changes nothing, a value that is not a
/// number is an error at its field.
fn nilai_data(
    l: &Laman,
    isian: &[(String, String)],
    kesalahan: &mut Vec<t::KesalahanIsian>,
) -> Vec<NilaiData> {
    let mut baru = Vec::new();
    for (nama, nilai) in isian {
        let Some(t::Medan::Data { elemen, periode }) = t::Medan::parse(nama) else {
            continue;
        };
        let nilai = nilai.trim();
        if nilai.is_empty() {
            continue;
        }
        if !l.data.data_elemen.iter().any(|e| e.id == elemen) {
            kesalahan.push(t::KesalahanIsian {
                medan: nama.clone(),
                pesan: format!("data elemen \"{elemen}\" tidak ada dalam data; muat ulang halaman"),
            });
            continue;
        }
        let lama = l.data.nilai_data.iter().find(|x| {
            x.elemen == elemen && x.instansi == l.id && x.tahun == l.tahun && x.periode == periode
        });
        match kinerja_core::angka::parse_angka(nilai) {
            Ok(v) if lama.is_some_and(|x| x.nilai == v) => {}
            Ok(v) => baru.push(NilaiData {
                elemen,
                instansi: l.id.clone(),
                tahun: l.tahun,
                periode,
                nilai: v,
                sumber: lama.and_then(|x| x.sumber.clone()),
                catatan: lama.and_then(|x| x.catatan.clone()),
            }),
            Err(e) => kesalahan.push(t::KesalahanIsian {
                medan: nama.clone(),
                pesan: format!("{e}; diharapkan angka, mis. 7 atau 1.250"),
            }),
        }
    }
    baru
}

/// The explicit removal of realisasi values (an emptied field changes nothing): each checked
/// value is withdrawn through the one write path, its old value kept in the audit trail.
pub(super) async fn realisasi_hapus(
    State(n): State<Negara>,
    sesi: Sesi,
    Path((id, th)): JalurTahun,
    form: Result<Form<Vec<(String, String)>>, FormRejection>,
) -> Hasil {
    let (isian, l) = kiriman(&n, &sesi, &id, &th, form, Tindakan::Ubah).await?;
    let mut hapus = Vec::new();
    for (nama, nilai) in &isian {
        if nama != "hapus" {
            continue;
        }
        let Some(t::Medan::Realisasi { indikator, periode }) = t::Medan::parse(nilai) else {
            return Err(GalatHttp::baru(
                StatusCode::UNPROCESSABLE_ENTITY,
                "isian_tidak_sah",
                "nilai yang akan dihapus tidak dikenal; muat ulang halaman",
            ));
        };
        hapus.push((indikator, l.tahun, periode));
    }
    let r = if hapus.is_empty() {
        kinerja_simpan::Ringkasan::default()
    } else {
        n.toko
            .hapus_realisasi(&l.id, &hapus, &pelaku_web(&sesi))
            .await?
    };
    Ok(ke(&format!(
        "/instansi/{}/tahun/{}/realisasi?dihapus={}",
        l.id, l.tahun, r.dihapus
    )))
}

pub(super) async fn anggaran(
    State(n): State<Negara>,
    sesi: Sesi,
    Path((id, th)): JalurTahun,
    q: Result<Query<KueriPesan>, QueryRejection>,
) -> Hasil {
    let mut l = siapkan(&n, &sesi, &id, &th, Tindakan::Lihat).await?;
    pesan_sukses(&mut l.k, &q.map(|q| q.0).unwrap_or_default());
    let iz = izin_anggaran(&n, &sesi, &l).await?;
    Ok(html(t::form_anggaran(&l.k, &l.data, l.tahun, iz, &[], &[])))
}

/// What the caller may do with the year's budget: it is frozen with the annual period.
async fn izin_anggaran(n: &Negara, sesi: &Sesi, l: &Laman) -> Result<t::Izin, GalatHttp> {
    let mut iz = izin(sesi, l);
    iz.ubah &= !status_tampil(n, l)
        .await?
        .iter()
        .any(|s| s.periode == Periode::Tahunan && s.status == t::StatusAlur::Disetujui);
    Ok(iz)
}

/// The budget line `pos` of the page's year, or 404.
fn pos_tahun<'a>(l: &'a Laman, pos: &str) -> Result<&'a PosAnggaran, GalatHttp> {
    l.data
        .anggaran
        .iter()
        .find(|a| a.id.as_str() == pos && a.tahun == l.tahun)
        .ok_or_else(|| {
            GalatHttp::baru(
                StatusCode::NOT_FOUND,
                "tidak_ada",
                format!("pos anggaran \"{pos}\" tidak ada pada tahun {}", l.tahun),
            )
        })
}

/// The months of one budget line.
pub(super) async fn anggaran_bulanan(
    State(n): State<Negara>,
    sesi: Sesi,
    Path((id, th, pos)): Path<(String, String, String)>,
    q: Result<Query<KueriPesan>, QueryRejection>,
) -> Hasil {
    let mut l = siapkan(&n, &sesi, &id, &th, Tindakan::Lihat).await?;
    pesan_sukses(&mut l.k, &q.map(|q| q.0).unwrap_or_default());
    let iz = izin_anggaran(&n, &sesi, &l).await?;
    let p = pos_tahun(&l, &pos)?;
    Ok(html(t::form_anggaran_bulanan(
        &l.k,
        &l.data,
        p,
        iz,
        &[],
        &[],
    )))
}

/// Saves the twelve months of one budget line as one change: an empty month is not reported;
/// every month is checked before anything is written.
pub(super) async fn anggaran_bulanan_kirim(
    State(n): State<Negara>,
    sesi: Sesi,
    Path((id, th, pos)): Path<(String, String, String)>,
    form: Result<Form<Vec<(String, String)>>, FormRejection>,
) -> Hasil {
    let (isian, mut l) = kiriman(&n, &sesi, &id, &th, form, Tindakan::Ubah).await?;
    let lama = pos_tahun(&l, &pos)?.clone();
    let mut kesalahan = Vec::new();
    let mut bulanan = BTreeMap::new();
    for (nama, nilai) in &isian {
        let Some(t::Medan::Bulanan(p, bulan)) = t::Medan::parse(nama) else {
            continue;
        };
        if p != lama.id {
            kesalahan.push(t::KesalahanIsian {
                medan: nama.clone(),
                pesan: format!(
                    "isian ini milik pos anggaran \"{p}\", bukan \"{}\"",
                    lama.id
                ),
            });
            continue;
        }
        let nilai = nilai.trim();
        if nilai.is_empty() {
            continue;
        }
        match kinerja_core::angka::parse_rupiah(nilai) {
            Ok(r) if !lama.realisasi_boleh(r) => kesalahan.push(t::KesalahanIsian {
                medan: nama.clone(),
                pesan: "realisasi anggaran tidak boleh negatif pada pos ini".into(),
            }),
            Ok(r) => {
                bulanan.insert(bulan, r);
            }
            Err(e) => kesalahan.push(t::KesalahanIsian {
                medan: nama.clone(),
                pesan: e.to_string(),
            }),
        }
    }
    let mut kode = StatusCode::UNPROCESSABLE_ENTITY;
    if kesalahan.is_empty() {
        // No month given on a line without months keeps its year figure.
        let hasil = if bulanan == lama.realisasi_bulanan {
            Ok(kinerja_simpan::Ringkasan::default())
        } else {
            n.toko
                .simpan_realisasi_bulanan(&l.id, lama.id.clone(), bulanan, &pelaku_web(&sesi))
                .await
        };
        match setelah_simpan(hasil, &mut l, &format!("anggaran/{}", lama.id))? {
            Ok(ke) => return Ok(ke),
            Err(k) => kode = k,
        }
    }
    let iz = izin(&sesi, &l);
    let body = t::form_anggaran_bulanan(&l.k, &l.data, &lama, iz, &kesalahan, &isian);
    Ok((kode, Html(body)).into_response())
}

pub(super) async fn anggaran_kirim(
    State(n): State<Negara>,
    sesi: Sesi,
    Path((id, th)): JalurTahun,
    form: Result<Form<Vec<(String, String)>>, FormRejection>,
) -> Hasil {
    let (isian, mut l) = kiriman(&n, &sesi, &id, &th, form, Tindakan::Ubah).await?;
    let mut kesalahan = Vec::new();
    let mut baru = Vec::new();
    for (nama, nilai) in &isian {
        let Some(t::Medan::Anggaran(pos)) = t::Medan::parse(nama) else {
            continue;
        };
        let Some(lama) = l
            .data
            .anggaran
            .iter()
            .find(|a| a.id == pos && a.tahun == l.tahun)
        else {
            kesalahan.push(t::KesalahanIsian {
                medan: nama.clone(),
                pesan: format!("pos anggaran \"{pos}\" tidak ada pada tahun {}", l.tahun),
            });
            continue;
        };
        let nilai = nilai.trim();
        if nilai.is_empty() {
            continue;
        }
        if !lama.realisasi_bulanan.is_empty() {
            kesalahan.push(t::KesalahanIsian {
                medan: nama.clone(),
                pesan: "pos ini diisi per bulan: ubah realisasinya di rincian per bulan".into(),
            });
            continue;
        }
        match kinerja_core::angka::parse_rupiah(nilai) {
            Ok(r) if Some(r) == lama.realisasi => {}
            Ok(r) if !lama.realisasi_boleh(r) => kesalahan.push(t::KesalahanIsian {
                medan: nama.clone(),
                pesan: "realisasi anggaran tidak boleh negatif pada pos ini".into(),
            }),
            Ok(r) => baru.push((pos, Some(r))),
            Err(e) => kesalahan.push(t::KesalahanIsian {
                medan: nama.clone(),
                pesan: e.to_string(),
            }),
        }
    }
    let mut kode = StatusCode::UNPROCESSABLE_ENTITY;
    if kesalahan.is_empty() {
        let hasil = if baru.is_empty() {
            Ok(kinerja_simpan::Ringkasan::default())
        } else {
            n.toko
                .simpan_realisasi_anggaran(&l.id, baru, &pelaku_web(&sesi))
                .await
        };
        match setelah_simpan(hasil, &mut l, "anggaran")? {
            Ok(ke) => return Ok(ke),
            Err(k) => kode = k,
        }
    }
    let body = t::form_anggaran(&l.k, &l.data, l.tahun, izin(&sesi, &l), &kesalahan, &isian);
    Ok((kode, Html(body)).into_response())
}
