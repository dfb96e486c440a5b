//! The approval workflow: a period is submitted by the operator, approved (and its realisasi
//! locked) or reopened by the pimpinan; and the reviewers' notes on a year.

use super::bersama::kiriman;
use super::bersama::{
    Hasil, JalurTahun, Laman, isian_form, ke, medan, pelaku_web, periksa_csrf, siapkan, waktu_wib,
};
use crate::Negara;
use crate::akun::{Sesi, Tindakan};
use crate::galat::GalatHttp;
use axum::extract::rejection::FormRejection;
use axum::extract::{Form, Path, State};
use axum::http::StatusCode;
use kinerja_core::waktu::Periode;
use kinerja_simpan::akun::{Langkah, Status};
use kinerja_tampilan as t;

type JalurPeriode = Path<(String, String, String)>;
type IsianForm = Result<Form<Vec<(String, String)>>, FormRejection>;

pub(super) async fn ajukan(n: State<Negara>, sesi: Sesi, p: JalurPeriode, f: IsianForm) -> Hasil {
    alur(n, sesi, p, f, Langkah::Ajukan).await
}

pub(super) async fn setujui(n: State<Negara>, sesi: Sesi, p: JalurPeriode, f: IsianForm) -> Hasil {
    alur(n, sesi, p, f, Langkah::Setujui).await
}

pub(super) async fn buka(n: State<Negara>, sesi: Sesi, p: JalurPeriode, f: IsianForm) -> Hasil {
    alur(n, sesi, p, f, Langkah::Buka).await
}

async fn alur(
    State(n): State<Negara>,
    sesi: Sesi,
    Path((id, th, periode)): JalurPeriode,
    form: IsianForm,
    langkah: Langkah,
) -> Hasil {
    let (tindakan, kata) = match langkah {
        Langkah::Ajukan => (Tindakan::Ajukan, "diajukan"),
        Langkah::Setujui => (Tindakan::Setujui, "disetujui"),
        Langkah::Buka => (Tindakan::Buka, "dibuka"),
    };
    let isian = isian_form(form)?;
    periksa_csrf(&sesi, &isian)?;
    let Ok(p) = serde_json::from_value::<Periode>(serde_json::Value::String(periode.clone()))
    else {
        return Err(GalatHttp::baru(
            StatusCode::NOT_FOUND,
            "tidak_ada",
            format!("periode \"{periode}\" tidak dikenal"),
        ));
    };
    let l = siapkan(&n, &sesi, &id, &th, tindakan).await?;
    n.toko
        .langkah_alur(&l.id, l.tahun, p, langkah, &pelaku_web(&sesi))
        .await?;
    Ok(ke(&format!(
        "/instansi/{}/tahun/{}/realisasi?langkah={kata}",
        l.id, l.tahun
    )))
}

/// The status of each period of `l`'s year, in the order of the year.
pub(super) async fn status_tampil(
    n: &Negara,
    l: &Laman,
) -> Result<Vec<t::StatusPeriode>, GalatHttp> {
    let s = n.toko.status_periode(&l.id, l.tahun).await?;
    Ok([
        Periode::Tw1,
        Periode::Tw2,
        Periode::Tw3,
        Periode::Tw4,
        Periode::Tahunan,
    ]
    .into_iter()
    .map(|p| match s.iter().find(|x| x.periode == p) {
        Some(x) => t::StatusPeriode {
            periode: p,
            status: match x.status {
                Status::Diajukan => t::StatusAlur::Diajukan,
                Status::Disetujui => t::StatusAlur::Disetujui,
            },
            oleh: Some(x.oleh.clone()),
            waktu: Some(waktu_wib(x.waktu)),
        },
        None => t::StatusPeriode {
            periode: p,
            status: t::StatusAlur::Draf,
            oleh: None,
            waktu: None,
        },
    })
    .collect())
}

/// A reviewer's note; it is kept with its author and time, never edited.
pub(super) async fn catatan_kirim(
    State(n): State<Negara>,
    sesi: Sesi,
    Path((id, th)): JalurTahun,
    form: Result<Form<Vec<(String, String)>>, FormRejection>,
) -> Hasil {
    let (isian, l) = kiriman(&n, &sesi, &id, &th, form, Tindakan::Catat).await?;
    let isi = medan(&isian, "isi");
    n.toko
        .tambah_catatan_reviu(&l.id, l.tahun, isi, &pelaku_web(&sesi))
        .await?;
    // Back to the page the note was written on: the dashboard, or the reviu page.
    let halaman = if medan(&isian, "kembali") == "reviu" {
        "/reviu"
    } else {
        ""
    };
    Ok(ke(&format!(
        "/instansi/{}/tahun/{}{halaman}?catatan=1#h-catatan",
        l.id, l.tahun
    )))
}
