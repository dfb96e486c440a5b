//! The Laporan Kinerja page (narrative form, the reviu's verdict, downloads), the report files
//! at stable addresses (`laporan.pdf`, `.docx`, `.xlsx`, `.html`, `?draf=1` for the draft), and
//! the reviu page with a pereviu's acceptance of a finding.

use super::bersama::kiriman;
use super::bersama::{
    Hasil, JalurTahun, KueriPesan, Laman, html, ke, medan, pelaku_web, pesan_sukses,
    setelah_simpan, siapkan, waktu_wib,
};
use crate::Negara;
use crate::akun::{Sesi, Tindakan, boleh};
use crate::galat::GalatHttp;
use crate::laporan::{Bentuk, berkas, keadaan};
use axum::extract::rejection::{FormRejection, QueryRejection};
use axum::extract::{Form, Path, Query, State};
use axum::http::StatusCode;
use axum::http::header::{CACHE_CONTROL, CONTENT_DISPOSITION, CONTENT_TYPE};
use axum::response::{Html, IntoResponse};
use kinerja_core::model::PenerimaanTemuan;
use kinerja_tampilan as t;
use serde::Deserialize;

async fn keadaan_laman(n: &Negara, sesi: &Sesi, l: &Laman) -> Result<t::KeadaanLaporan, GalatHttp> {
    let p = sesi.0.as_ref();
    let pendahulu = crate::baca::pendahulu(n, sesi, &l.id, &l.data).await?;
    Ok(t::KeadaanLaporan {
        terbit: l.terbit,
        lihat_reviu: boleh(p, Tindakan::LihatReviu, &l.id, l.terbit),
        ubah: boleh(p, Tindakan::Ubah, &l.id, l.terbit),
        ..keadaan(&l.data, &pendahulu, l.tahun)
    })
}

pub(super) async fn laporan(
    State(n): State<Negara>,
    sesi: Sesi,
    Path((id, th)): JalurTahun,
    q: Result<Query<KueriPesan>, QueryRejection>,
) -> Hasil {
    let mut l = siapkan(&n, &sesi, &id, &th, Tindakan::Lihat).await?;
    pesan_sukses(&mut l.k, &q.map(|q| q.0).unwrap_or_default());
    let k = keadaan_laman(&n, &sesi, &l).await?;
    Ok(html(t::laporan(&l.k, &l.data, l.tahun, &k, &[], &[])))
}

/// Saves the narrative; a field that cannot be taken shows the form again with what the user
/// typed and the error beside the field.
pub(super) async fn laporan_kirim(
    State(n): State<Negara>,
    sesi: Sesi,
    Path((id, th)): JalurTahun,
    form: Result<Form<Vec<(String, String)>>, FormRejection>,
) -> Hasil {
    let (isian, mut l) = kiriman(&n, &sesi, &id, &th, form, Tindakan::Ubah).await?;
    let lama = l.data.laporan.iter().find(|x| x.tahun == l.tahun);
    let (kesalahan, kode) = match t::naskah_laporan(lama, &l.id, l.tahun, &isian) {
        Ok(baru) => {
            let hasil = if lama == Some(&baru) {
                Ok(kinerja_simpan::Ringkasan::default())
            } else {
                n.toko.simpan_laporan(&l.id, baru, &pelaku_web(&sesi)).await
            };
            match setelah_simpan(hasil, &mut l, "laporan")? {
                Ok(ke) => return Ok(ke),
                Err(kode) => (Vec::new(), kode),
            }
        }
        Err(k) => (k, StatusCode::UNPROCESSABLE_ENTITY),
    };
    let k = keadaan_laman(&n, &sesi, &l).await?;
    let body = t::laporan(&l.k, &l.data, l.tahun, &k, &kesalahan, &isian);
    Ok((kode, Html(body)).into_response())
}

#[derive(Deserialize, Default)]
pub(super) struct KueriUnduh {
    draf: Option<u8>,
}

async fn unduh(
    n: Negara,
    sesi: Sesi,
    (id, th): (String, String),
    q: Result<Query<KueriUnduh>, QueryRejection>,
    bentuk: Bentuk,
) -> Hasil {
    let draf = q.map(|q| q.0).unwrap_or_default().draf == Some(1);
    let l = siapkan(&n, &sesi, &id, &th, Tindakan::Lihat).await?;
    let pendahulu = crate::baca::pendahulu(&n, &sesi, &l.id, &l.data).await?;
    let isi = berkas(l.data.clone(), pendahulu, l.tahun, bentuk, draf).await?;
    let nama = format!(
        "lkjip-{}-{}{}.{}",
        l.id,
        l.tahun,
        if draf { "-draf" } else { "" },
        bentuk.akhiran()
    );
    Ok(crate::laporan::jawaban_berkas(&nama, bentuk, isi))
}

type KueriBerkas = Result<Query<KueriUnduh>, QueryRejection>;

/// `?versi=ID`: an earlier version of the year's PK.
#[derive(Deserialize, Default)]
pub(super) struct KueriVersi {
    versi: Option<String>,
}

/// The year's Perjanjian Kinerja in force as a PDF to print and sign (marked DRAF until it is
/// signed), or with `?versi=ID` an earlier version (marked TIDAK BERLAKU).
pub(super) async fn pk_pdf(
    State(n): State<Negara>,
    sesi: Sesi,
    p: JalurTahun,
    q: Result<Query<KueriVersi>, QueryRejection>,
) -> Hasil {
    let (id, th) = p.0;
    let l = siapkan(&n, &sesi, &id, &th, Tindakan::Lihat).await?;
    let tidak_ada = |apa: String| GalatHttp::baru(StatusCode::NOT_FOUND, "pk_tidak_ada", apa);
    let pk_id = match q.map(|q| q.0).unwrap_or_default().versi {
        None => None,
        Some(v) => Some(
            kinerja_core::id::PkId::new(v.as_str())
                .map_err(|_| tidak_ada(format!("tidak ada versi Perjanjian Kinerja \"{v}\"")))?,
        ),
    };
    let berkas = crate::laporan::pk_pdf(l.data.clone(), l.id.clone(), l.tahun, pk_id.clone());
    let Some(isi) = berkas.await? else {
        return Err(tidak_ada(match pk_id {
            Some(v) => format!(
                "tidak ada versi Perjanjian Kinerja \"{v}\" tahun {}",
                l.tahun
            ),
            None => format!("belum ada Perjanjian Kinerja tahun {}", l.tahun),
        }));
    };
    Ok((
        [
            (CONTENT_TYPE, Bentuk::Pdf.jenis().to_string()),
            (
                CONTENT_DISPOSITION,
                match &pk_id {
                    Some(v) => format!("attachment; filename=\"pk-{}-{}-{v}.pdf\"", l.id, l.tahun),
                    None => format!("attachment; filename=\"pk-{}-{}.pdf\"", l.id, l.tahun),
                },
            ),
            (CACHE_CONTROL, "no-store".to_string()),
        ],
        isi,
    )
        .into_response())
}

pub(super) async fn pdf(State(n): State<Negara>, s: Sesi, p: JalurTahun, q: KueriBerkas) -> Hasil {
    unduh(n, s, p.0, q, Bentuk::Pdf).await
}

pub(super) async fn docx(State(n): State<Negara>, s: Sesi, p: JalurTahun, q: KueriBerkas) -> Hasil {
    unduh(n, s, p.0, q, Bentuk::Docx).await
}

pub(super) async fn xlsx(State(n): State<Negara>, s: Sesi, p: JalurTahun, q: KueriBerkas) -> Hasil {
    unduh(n, s, p.0, q, Bentuk::Xlsx).await
}

pub(super) async fn pratinjau(
    State(n): State<Negara>,
    s: Sesi,
    p: JalurTahun,
    q: KueriBerkas,
) -> Hasil {
    unduh(n, s, p.0, q, Bentuk::Html).await
}

/// `?tingkat=galat&aturan=...&status=terbuka`; an unknown value filters nothing.
#[derive(Deserialize, Default)]
pub(super) struct KueriReviu {
    tingkat: Option<String>,
    aturan: Option<String>,
    status: Option<String>,
    diterima: Option<u8>,
    catatan: Option<u8>,
}

pub(super) async fn reviu(
    State(n): State<Negara>,
    sesi: Sesi,
    Path((id, th)): JalurTahun,
    q: Result<Query<KueriReviu>, QueryRejection>,
) -> Hasil {
    let q = q.map(|q| q.0).unwrap_or_default();
    let mut l = siapkan(&n, &sesi, &id, &th, Tindakan::LihatReviu).await?;
    if q.diterima.is_some() {
        l.k.pesan.push(t::Pesan {
            jenis: t::JenisPesan::Sukses,
            teks: "temuan diterima; alasannya tersimpan bersama data dan tercatat di jejak audit"
                .into(),
        });
    }
    if q.catatan.is_some() {
        l.k.pesan.push(t::Pesan {
            jenis: t::JenisPesan::Sukses,
            teks: "catatan pereviu disimpan".into(),
        });
    }
    let temuan = crate::laporan::temuan(&l.data, l.tahun);
    let saring = t::SaringReviu {
        tingkat: q.tingkat.as_deref().and_then(t::TingkatTemuan::parse),
        aturan: q.aturan.filter(|a| temuan.iter().any(|x| &x.aturan == a)),
        terbuka: q.status.as_deref() == Some("terbuka"),
    };
    let catatan: Vec<t::CatatanTampil> = n
        .toko
        .catatan_reviu(&l.id, l.tahun)
        .await?
        .into_iter()
        .map(|c| t::CatatanTampil {
            pengguna: c.pengguna,
            waktu: waktu_wib(c.waktu),
            isi: c.isi,
        })
        .collect();
    let boleh_terima = boleh(sesi.0.as_ref(), Tindakan::Catat, &l.id, l.terbit);
    Ok(html(t::reviu(
        &l.k,
        &l.data,
        l.tahun,
        &temuan,
        &saring,
        boleh_terima,
        &catatan,
    )))
}

/// A pereviu accepts a finding with a reason: kept in the data (`[[reviu]]`, as `kinerja
/// terima` writes it) through the one write path, so it is in the audit trail.
pub(super) async fn terima(
    State(n): State<Negara>,
    sesi: Sesi,
    Path((id, th)): JalurTahun,
    form: Result<Form<Vec<(String, String)>>, FormRejection>,
) -> Hasil {
    let (isian, l) = kiriman(&n, &sesi, &id, &th, form, Tindakan::Catat).await?;
    let [aturan, kunci, alasan] =
        ["aturan", "kunci", "alasan"].map(|k| medan(&isian, k).trim().to_string());
    if alasan.is_empty() {
        return Err(GalatHttp::baru(
            StatusCode::UNPROCESSABLE_ENTITY,
            "isian_kosong",
            "alasan menerima temuan wajib diisi",
        ));
    }
    // Only a finding the reviu reports now can be accepted: a key typed by hand is not one.
    if !crate::laporan::temuan(&l.data, l.tahun)
        .iter()
        .any(|x| x.aturan == aturan && x.kunci == kunci)
    {
        return Err(GalatHttp::baru(
            StatusCode::UNPROCESSABLE_ENTITY,
            "isian_tidak_sah",
            "temuan itu tidak ada pada reviu tahun ini; muat ulang halaman reviu",
        ));
    }
    let p = pelaku_web(&sesi);
    let penerimaan = PenerimaanTemuan {
        aturan,
        kunci,
        alasan,
        oleh: Some(p.pengguna.clone()),
        tanggal: None,
    };
    n.toko.terima_temuan(&l.id, penerimaan, &p).await?;
    Ok(ke(&format!(
        "/instansi/{}/tahun/{}/reviu?diterima=1",
        l.id, l.tahun
    )))
}
