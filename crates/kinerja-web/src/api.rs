//! The JSON API, `/api/v1`. Reads the plan, the measurement and the budget of an instansi and
//! year; writes realisasi. Every input is parsed into the domain types (the same serde as the
//! data file) and the whole data set is validated by the store before anything is written, so
//! the API accepts exactly what a file import accepts. Bad input is a 4xx with a
//! machine-readable body, never a 500.

use crate::Negara;
use crate::akun::{Sesi, Tindakan, boleh};
use crate::galat::GalatHttp;
use crate::jalur;
use crate::rute::{Metode, Rute, rute};
use axum::extract::rejection::{JsonRejection, PathRejection, QueryRejection};
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::{Json, Router};
use kinerja_core::id::InstansiId;
use kinerja_core::model::{DataInstansi, Realisasi};
use kinerja_core::waktu::Tahun;
use kinerja_simpan::Pelaku;
use serde::Deserialize;
use serde_json::{Value, json};

/// Every API route; the router is built from this list.
pub(crate) fn daftar() -> Vec<Rute> {
    use Metode::*;
    vec![
        rute(Get, "/api/v1/openapi.json", openapi),
        rute(Get, "/api/v1/instansi", daftar_instansi),
        rute(Get, "/api/v1/instansi/{id}/rencana", rencana),
        rute(
            Get,
            "/api/v1/instansi/{id}/tahun/{tahun}/pengukuran",
            pengukuran,
        ),
        rute(
            Get,
            "/api/v1/instansi/{id}/tahun/{tahun}/anggaran",
            anggaran,
        ),
        rute(Put, "/api/v1/instansi/{id}/realisasi", simpan_realisasi),
        rute(Get, "/api/v1/instansi/{id}/jejak", jejak),
    ]
}

pub(crate) fn rute_api() -> Router<Negara> {
    crate::rute::router(daftar())
}

type Hasil = Result<Response, GalatHttp>;

/// Exact numbers: written by `kinerja_json::teks`, not by axum's `Json`.
fn json_tepat(v: &Value) -> Response {
    let teks = kinerja_json::teks(v).unwrap_or_else(|_| "null".into());
    (
        [(axum::http::header::CONTENT_TYPE, "application/json")],
        teks,
    )
        .into_response()
}

/// Loads a data set after the role check. `tahun`: the year read (its publication decides
/// what the public sees); without one, any published year opens the plan.
async fn muat(
    n: &Negara,
    sesi: &Sesi,
    id: &str,
    tahun: Option<Tahun>,
    perlu: Tindakan,
) -> Result<std::sync::Arc<DataInstansi>, GalatHttp> {
    let id = jalur::instansi(id)?;
    izinkan(n, sesi, &id, tahun, perlu).await?;
    crate::baca::data_terlihat(n, sesi, &id).await
}

async fn izinkan(
    n: &Negara,
    sesi: &Sesi,
    id: &InstansiId,
    tahun: Option<Tahun>,
    perlu: Tindakan,
) -> Result<(), GalatHttp> {
    let terbit = n.toko.terbit(id, tahun).await?;
    if boleh(sesi.0.as_ref(), perlu, id, terbit) {
        return Ok(());
    }
    Err(if sesi.0.is_none() {
        GalatHttp::baru(
            StatusCode::UNAUTHORIZED,
            "perlu_masuk",
            "data ini belum diterbitkan: kirim kredensial (HTTP Basic) atau cookie sesi",
        )
    } else {
        GalatHttp::baru(
            StatusCode::FORBIDDEN,
            "dilarang",
            "peran Anda tidak mengizinkan tindakan ini",
        )
    })
}

async fn openapi() -> Response {
    Json(crate::openapi::dokumen()).into_response()
}

async fn daftar_instansi(State(n): State<Negara>) -> Hasil {
    // Names and the hierarchy of public bodies are public.
    let semua = n.toko.daftar_instansi().await?;
    let pelapor = n.toko.daftar_pelapor().await?;
    let v: Vec<Value> = semua
        .iter()
        .map(|i| {
            json!({
                "id": i.id, "nama": i.nama, "jenis": i.jenis, "induk": i.induk, "kode": i.kode,
                "punya_data": pelapor.contains(&i.id),
            })
        })
        .collect();
    Ok(Json(v).into_response())
}

async fn rencana(
    State(n): State<Negara>,
    sesi: Sesi,
    p: Result<Path<String>, PathRejection>,
) -> Hasil {
    let Path(id) = p?;
    let d = muat(&n, &sesi, &id, None, Tindakan::Lihat).await?;
    Ok(Json(json!({
        "instansi": id,
        "renstra": d.renstra, "tujuan": d.tujuan, "sasaran": d.sasaran,
        "strategi": d.strategi, "kebijakan": d.kebijakan,
        "program": d.program, "kegiatan": d.kegiatan, "sub_kegiatan": d.sub_kegiatan,
        "indikator": d.indikator, "target": d.target,
        "rkt": d.rkt, "perjanjian_kinerja": d.perjanjian_kinerja, "iku": d.iku,
    }))
    .into_response())
}

async fn pengukuran(
    State(n): State<Negara>,
    sesi: Sesi,
    p: Result<Path<(String, String)>, PathRejection>,
) -> Hasil {
    angka_tahun(&n, &sesi, p, kinerja_json::capaian).await
}

async fn anggaran(
    State(n): State<Negara>,
    sesi: Sesi,
    p: Result<Path<(String, String)>, PathRejection>,
) -> Hasil {
    angka_tahun(&n, &sesi, p, kinerja_json::anggaran).await
}

/// Figures of one instansi and year, computed by `hitung`.
async fn angka_tahun(
    n: &Negara,
    sesi: &Sesi,
    p: Result<Path<(String, String)>, PathRejection>,
    hitung: fn(&DataInstansi, Tahun) -> Value,
) -> Hasil {
    let Path((id, t)) = p?;
    let t = jalur::tahun(&t)?;
    let d = muat(n, sesi, &id, Some(t), Tindakan::Lihat).await?;
    Ok(json_tepat(&hitung(&d, t)))
}

/// The body of `PUT .../realisasi`: realisasi as the data file writes them (`nilai` is text as
/// documents write it: `"88,5"`, `"B (80 %)"`).
#[derive(Debug, Deserialize, schemars::JsonSchema)]
#[serde(deny_unknown_fields)]
pub struct IsianRealisasi {
    #[schemars(length(min = 1))]
    pub realisasi: Vec<Realisasi>,
}

async fn simpan_realisasi(
    State(n): State<Negara>,
    sesi: Sesi,
    p: Result<Path<String>, PathRejection>,
    body: Result<Json<IsianRealisasi>, JsonRejection>,
) -> Hasil {
    let Path(id) = p?;
    let id = jalur::instansi(&id)?;
    izinkan(&n, &sesi, &id, None, Tindakan::Ubah).await?;
    let Json(isian) = body?;
    if isian.realisasi.is_empty() {
        return Err(GalatHttp::baru(
            StatusCode::UNPROCESSABLE_ENTITY,
            "isian_kosong",
            "daftar realisasi kosong",
        ));
    }
    let pelaku = Pelaku {
        pengguna: sesi.0.as_ref().map(|p| p.nama.clone()).unwrap_or_default(),
        sumber: "api".into(),
        hak: crate::akun::hak(&sesi),
    };
    let r = n
        .toko
        .simpan_realisasi(&id, isian.realisasi, &pelaku)
        .await?;
    Ok(Json(r).into_response())
}

#[derive(Debug, Deserialize)]
struct KueriJejak {
    tabel: Option<String>,
    kunci: Option<String>,
    batas: Option<i64>,
}

async fn jejak(
    State(n): State<Negara>,
    sesi: Sesi,
    p: Result<Path<String>, PathRejection>,
    q: Result<Query<KueriJejak>, QueryRejection>,
) -> Hasil {
    let Path(id) = p?;
    let Query(q) = q?;
    let id = jalur::instansi(&id)?;
    izinkan(&n, &sesi, &id, None, Tindakan::LihatJejak).await?;
    let batas = q.batas.unwrap_or(100);
    if !(1..=10_000).contains(&batas) {
        return Err(GalatHttp::baru(
            StatusCode::BAD_REQUEST,
            "kueri_tidak_sah",
            format!("batas {batas} di luar 1..10000"),
        ));
    }
    let j = n
        .toko
        .jejak(&id, q.tabel.as_deref(), q.kunci.as_deref(), batas)
        .await?;
    Ok(Json(j).into_response())
}
