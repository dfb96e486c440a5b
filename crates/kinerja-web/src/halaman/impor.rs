//! Import and export of an instansi's data: upload a file, preview its difference record by
//! record, apply it in one transaction on confirmation (`Toko::impor`, the door of `kinerja
//! impor`); download the data as `kinerja ekspor` writes it.

use super::bersama::{
    Hasil, LamanInstansi, html, ke, medan, pelaku_web, periksa_csrf, siapkan_instansi,
};
use crate::Negara;
use crate::akun::{Sesi, Tindakan};
use crate::galat::GalatHttp;
use crate::impor::{PEMBACA, pembaca};
use axum::extract::multipart::MultipartRejection;
use axum::extract::rejection::QueryRejection;
use axum::extract::{Multipart, Path, Query, State};
use axum::http::StatusCode;
use axum::http::header::{CACHE_CONTROL, CONTENT_DISPOSITION, CONTENT_TYPE};
use axum::response::{Html, IntoResponse};
use kinerja_simpan::ModeImpor;
use kinerja_tampilan as t;
use serde::Deserialize;

fn format() -> Vec<&'static str> {
    PEMBACA.iter().map(|p| p.akhiran).collect()
}

fn halaman(l: &LamanInstansi, keadaan: &t::KeadaanImpor) -> String {
    t::impor(&l.k, &l.nama, l.id.as_str(), &format(), keadaan)
}

#[derive(Deserialize, Default)]
pub(super) struct KueriImpor {
    diterapkan: Option<usize>,
}

pub(super) async fn impor(
    State(n): State<Negara>,
    sesi: Sesi,
    Path(id): Path<String>,
    q: Result<Query<KueriImpor>, QueryRejection>,
) -> Hasil {
    let mut l = siapkan_instansi(&n, &sesi, &id, Tindakan::Ubah).await?;
    if let Some(x) = q.ok().and_then(|q| q.0.diterapkan) {
        l.k.pesan.push(t::Pesan {
            jenis: t::JenisPesan::Sukses,
            teks: format!("impor diterapkan: {x} perubahan, tercatat di jejak audit"),
        });
    }
    Ok(html(halaman(&l, &t::KeadaanImpor::Kosong)))
}

/// The upload: read, merged with the stored data as the import would, validated as a whole,
/// and shown as a difference; nothing is written.
pub(super) async fn impor_kirim(
    State(n): State<Negara>,
    sesi: Sesi,
    Path(id): Path<String>,
    form: Result<Multipart, MultipartRejection>,
) -> Hasil {
    // The role first: a refused caller learns nothing about how the upload was read.
    let l = siapkan_instansi(&n, &sesi, &id, Tindakan::Ubah).await?;
    let (isian, berkas) = super::bersama::baca_multipart(form).await?;
    periksa_csrf(&sesi, &isian)?;
    let mode = if medan(&isian, "mode") == "ganti" {
        ModeImpor::Ganti
    } else {
        ModeImpor::Gabung
    };
    let gagal = |berkas: &str, masalah: Vec<String>| {
        let body = halaman(
            &l,
            &t::KeadaanImpor::Galat {
                berkas: berkas.to_string(),
                masalah,
            },
        );
        Ok((StatusCode::UNPROCESSABLE_ENTITY, Html(body)).into_response())
    };
    let Some((nama, isi)) = berkas.filter(|(_, isi)| !isi.is_empty()) else {
        return gagal(
            "unggahan",
            vec!["pilih berkas data yang akan diimpor".into()],
        );
    };
    let Some(p) = pembaca(&nama) else {
        return gagal(
            &nama,
            vec![format!(
                "bentuk berkas tidak dikenal: yang dapat dibaca {}",
                format().join(", ")
            )],
        );
    };
    let dasar = n.toko.muat_bersama(&l.id).await?;
    let bacaan = match crate::impor::baca(p, nama.clone(), isi, l.id.clone(), dasar.clone()).await?
    {
        Ok(b) => b,
        Err(m) => return gagal(&nama, m),
    };
    let mode = if bacaan.utuh { ModeImpor::Ganti } else { mode };
    let data = bacaan.data;
    if !data.instansi.iter().any(|i| i.id == l.id) {
        return gagal(
            &nama,
            vec![format!(
                "berkas tidak memuat [[instansi]] \"{}\": data instansi lain tidak diimpor di sini",
                l.id
            )],
        );
    }
    let (beda, hasil) = kinerja_simpan::pratinjau_impor(&dasar, &data, mode).map_err(|e| {
        GalatHttp::internal(
            StatusCode::INTERNAL_SERVER_ERROR,
            "galat_internal",
            "pratinjau gagal disusun",
            e,
        )
    })?;
    let pelanggaran = kinerja_core::validasi::periksa(&hasil);
    if !pelanggaran.is_empty() {
        return gagal(&nama, pelanggaran.iter().map(ToString::to_string).collect());
    }
    let pengguna = sesi.0.as_ref().map(|p| p.nama.clone()).unwrap_or_default();
    let token = n.impor.simpan(
        l.id.clone(),
        pengguna,
        crate::impor::Impor { mode, data, dasar },
    );
    let beda = beda
        .into_iter()
        .map(|b| t::JejakTampil {
            waktu: String::new(),
            pengguna: String::new(),
            tabel: b.tabel,
            kunci: b.kunci,
            aksi: b.aksi.to_string(),
            lama: b.lama.map(|v| v.to_string()),
            baru: b.baru.map(|v| v.to_string()),
        })
        .collect();
    Ok(html(halaman(
        &l,
        &t::KeadaanImpor::Pratinjau {
            berkas: nama,
            ganti: mode == ModeImpor::Ganti,
            token,
            beda,
            peringatan: bacaan.peringatan,
        },
    )))
}

/// The confirmation: the previewed import, applied through the one write path, unless the
/// stored data changed since the preview.
pub(super) async fn terapkan(
    State(n): State<Negara>,
    sesi: Sesi,
    Path(id): Path<String>,
    form: Result<
        axum::extract::Form<Vec<(String, String)>>,
        axum::extract::rejection::FormRejection,
    >,
) -> Hasil {
    let isian = super::bersama::isian_form(form)?;
    periksa_csrf(&sesi, &isian)?;
    let l = siapkan_instansi(&n, &sesi, &id, Tindakan::Ubah).await?;
    let token = medan(&isian, "token");
    let pengguna = sesi.0.as_ref().map(|p| p.nama.as_str()).unwrap_or_default();
    let basi =
        |pesan: &str| GalatHttp::baru(StatusCode::CONFLICT, "pratinjau_basi", pesan.to_string());
    let Some(tahap) = n.impor.ambil(token, &l.id, pengguna) else {
        return Err(basi(
            "pratinjau impor ini sudah tidak berlaku (sudah diterapkan, kedaluwarsa, atau milik sesi lain); unggah berkasnya lagi",
        ));
    };
    let kini = n.toko.muat_bersama(&l.id).await?;
    let tahap: crate::impor::Impor = tahap;
    if !std::sync::Arc::ptr_eq(&kini, &tahap.dasar) && *kini != *tahap.dasar {
        return Err(basi(
            "data berubah sejak pratinjau dibuat; unggah berkasnya lagi untuk melihat perubahan terbaru",
        ));
    }
    let (_, r) = n
        .toko
        .impor(&tahap.data, Some(&l.id), tahap.mode, &pelaku_web(&sesi))
        .await?;
    Ok(ke(&format!(
        "/instansi/{}/impor?diterapkan={}",
        l.id,
        r.ditambah + r.diubah + r.dihapus
    )))
}

/// The workbook operators fill in for a year (`kinerja templat`): pre-filled with the stored data
/// set, so that importing it back unchanged is no change.
pub(super) async fn templat(
    State(n): State<Negara>,
    sesi: Sesi,
    Path((id, th)): super::bersama::JalurTahun,
) -> Hasil {
    let l = siapkan_instansi(&n, &sesi, &id, Tindakan::Ubah).await?;
    let tahun = crate::jalur::tahun(&th)?;
    let d = n.toko.muat_bersama(&l.id).await?;
    let isi = crate::impor::templat(d, l.id.clone(), tahun).await?;
    Ok((
        [
            (
                CONTENT_TYPE,
                "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet".to_string(),
            ),
            (
                CONTENT_DISPOSITION,
                format!("attachment; filename=\"isian-{}-{tahun}.xlsx\"", l.id),
            ),
            (CACHE_CONTROL, "no-store".to_string()),
        ],
        isi,
    )
        .into_response())
}

/// The instansi's data as one TOML file, as `kinerja ekspor` writes it.
pub(super) async fn ekspor(State(n): State<Negara>, sesi: Sesi, Path(id): Path<String>) -> Hasil {
    let l = siapkan_instansi(&n, &sesi, &id, Tindakan::LihatJejak).await?;
    let d = n.toko.muat_bersama(&l.id).await?;
    let teks = kinerja_berkas::ke_toml(&d).map_err(|e| {
        GalatHttp::internal(
            StatusCode::INTERNAL_SERVER_ERROR,
            "galat_internal",
            "data gagal diekspor",
            e,
        )
    })?;
    Ok((
        [
            (CONTENT_TYPE, "application/toml; charset=utf-8".to_string()),
            (
                CONTENT_DISPOSITION,
                format!("attachment; filename=\"{}.toml\"", l.id),
            ),
            (CACHE_CONTROL, "no-store".to_string()),
        ],
        teks,
    )
        .into_response())
}
