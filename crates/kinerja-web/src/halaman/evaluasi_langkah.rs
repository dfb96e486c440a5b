//! The Evaluasi AKIP workflow buttons (`/evaluasi/{ajukan,selesai,finalkan,buka}`): each step
//! by the role it needs, through `Toko::langkah_evaluasi` with `kinerja_evaluasi::alur::langkah`
//! (a refused step is a 409 with the reason).

use super::bersama::{Hasil, JalurTahun, ke, kiriman, medan, pelaku_web};
use super::evaluasi_isian::jalur;
use crate::Negara;
use crate::akun::{Sesi, Tindakan};
use crate::galat::GalatHttp;
use axum::extract::rejection::FormRejection;
use axum::extract::{Form, State};
use axum::http::StatusCode;
use kinerja_evaluasi::alur::{self, Langkah};
use kinerja_evaluasi::skor::Pihak;
use kinerja_simpan::GagalUbah;

/// A workflow step, by the role the step needs.
async fn langkah(
    n: Negara,
    sesi: Sesi,
    (id, th): (String, String),
    form: Result<Form<Vec<(String, String)>>, FormRejection>,
    langkah: Langkah,
) -> Hasil {
    let (perlu, nama, pihak) = match langkah {
        Langkah::Ajukan => (Tindakan::Ajukan, "ajukan", Pihak::Opd),
        Langkah::Selesai => (Tindakan::Evaluasi, "selesai", Pihak::Evaluator),
        Langkah::Finalkan => (Tindakan::Evaluasi, "finalkan", Pihak::Evaluator),
        Langkah::Buka => (Tindakan::BukaEvaluasi, "buka", Pihak::Evaluator),
    };
    let (isian, l) = kiriman(&n, &sesi, &id, &th, form, perlu).await?;
    let alasan = medan(&isian, "alasan").to_string();
    let tahun = l.tahun;
    let hasil = n
        .toko
        .langkah_evaluasi(&l.id, &pelaku_web(&sesi), |d| {
            alur::langkah(d, tahun, langkah, Some(&alasan))
        })
        .await;
    match hasil {
        Ok(_) => Ok(ke(&format!("{}?langkah={nama}", jalur(&l, pihak)))),
        Err(GagalUbah::Ditolak(pesan)) => Err(GalatHttp::baru(
            StatusCode::CONFLICT,
            "alur_evaluasi",
            pesan,
        )),
        Err(GagalUbah::Toko(g)) => Err(g.into()),
    }
}

pub(super) async fn ajukan(
    State(n): State<Negara>,
    sesi: Sesi,
    p: JalurTahun,
    form: Result<Form<Vec<(String, String)>>, FormRejection>,
) -> Hasil {
    langkah(n, sesi, p.0, form, Langkah::Ajukan).await
}

pub(super) async fn selesai(
    State(n): State<Negara>,
    sesi: Sesi,
    p: JalurTahun,
    form: Result<Form<Vec<(String, String)>>, FormRejection>,
) -> Hasil {
    langkah(n, sesi, p.0, form, Langkah::Selesai).await
}

pub(super) async fn finalkan(
    State(n): State<Negara>,
    sesi: Sesi,
    p: JalurTahun,
    form: Result<Form<Vec<(String, String)>>, FormRejection>,
) -> Hasil {
    langkah(n, sesi, p.0, form, Langkah::Finalkan).await
}

pub(super) async fn buka(
    State(n): State<Negara>,
    sesi: Sesi,
    p: JalurTahun,
    form: Result<Form<Vec<(String, String)>>, FormRejection>,
) -> Hasil {
    langkah(n, sesi, p.0, form, Langkah::Buka).await
}
