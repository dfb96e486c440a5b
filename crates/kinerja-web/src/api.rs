//! The JSON API, `/api/v1`. Reads the plan, the measurement and the budget of an instansi and
//! year; writes realisasi. Every input is parsed into the domain types (the same serde as the
//! data file) and the whole data set is validated by the store before anything is written, so
//! the API accepts exactly what a file import accepts. Bad input is a 4xx with a
//! machine-readable body, never a 500.

use crate::Negara;
use crate::akun::{Sesi, Tindakan, boleh};
use axum::extract::rejection::{JsonRejection, PathRejection, QueryRejection};
use axum::extract::{Path, Query, State};
use axum::http::StatusCode;
use axum::response::{IntoResponse, Response};
use axum::routing::{get, put};
use axum::{Json, Router};
use kinerja_core::id::InstansiId;
use kinerja_core::model::{DataInstansi, Realisasi};
use kinerja_core::waktu::Tahun;
use kinerja_simpan::{Galat, Pelaku};
use serde::{Deserialize, Serialize};
use serde_json::{Value, json};

pub fn rute() -> Router<Negara> {
    Router::new()
        .route("/api/v1/openapi.json", get(openapi))
        .route("/api/v1/instansi", get(daftar_instansi))
        .route("/api/v1/instansi/{id}/rencana", get(rencana))
        .route(
            "/api/v1/instansi/{id}/tahun/{tahun}/pengukuran",
            get(pengukuran),
        )
        .route(
            "/api/v1/instansi/{id}/tahun/{tahun}/anggaran",
            get(anggaran),
        )
        .route("/api/v1/instansi/{id}/realisasi", put(simpan_realisasi))
        .route("/api/v1/instansi/{id}/jejak", get(jejak))
}

/// The error body: `kode` is stable for programs, `pesan` is for people, `rincian` lists each
/// validation problem with its place.
#[derive(Debug, Serialize, schemars::JsonSchema)]
pub struct GalatApi {
    #[serde(skip)]
    #[schemars(skip)]
    pub status: u16,
    pub kode: &'static str,
    pub pesan: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub rincian: Vec<Rincian>,
}

#[derive(Debug, Serialize, schemars::JsonSchema)]
pub struct Rincian {
    pub letak: String,
    pub pesan: String,
}

impl GalatApi {
    fn baru(status: StatusCode, kode: &'static str, pesan: impl Into<String>) -> GalatApi {
        GalatApi {
            status: status.as_u16(),
            kode,
            pesan: pesan.into(),
            rincian: Vec::new(),
        }
    }
}

impl IntoResponse for GalatApi {
    fn into_response(self) -> Response {
        let status = StatusCode::from_u16(self.status).unwrap_or(StatusCode::INTERNAL_SERVER_ERROR);
        if status == StatusCode::UNAUTHORIZED {
            return (
                status,
                [(
                    axum::http::header::WWW_AUTHENTICATE,
                    "Basic realm=\"kinerja\", charset=\"UTF-8\"",
                )],
                Json(self),
            )
                .into_response();
        }
        (status, Json(self)).into_response()
    }
}

impl From<Galat> for GalatApi {
    fn from(e: Galat) -> GalatApi {
        match e {
            Galat::TidakSah(p) => GalatApi {
                status: 422,
                kode: "data_tidak_sah",
                pesan: format!(
                    "data tidak sah ({} pelanggaran); tidak ada yang disimpan",
                    p.len()
                ),
                rincian: p
                    .into_iter()
                    .map(|x| Rincian {
                        letak: x.letak.to_string(),
                        pesan: x.pesan,
                    })
                    .collect(),
            },
            Galat::TidakAda(i) => GalatApi::baru(
                StatusCode::NOT_FOUND,
                "instansi_tidak_ada",
                format!("instansi \"{i}\" tidak memiliki data"),
            ),
            Galat::Pelapor(p) => GalatApi::baru(StatusCode::UNPROCESSABLE_ENTITY, "pelapor", p),
            Galat::Terkunci(_) => {
                GalatApi::baru(StatusCode::CONFLICT, "periode_terkunci", e.to_string())
            }
            lain => {
                tracing::error!("kesalahan penyimpanan: {lain}");
                GalatApi::baru(
                    StatusCode::SERVICE_UNAVAILABLE,
                    "penyimpanan",
                    format!("penyimpanan tidak dapat melayani permintaan: {lain}"),
                )
            }
        }
    }
}

impl From<JsonRejection> for GalatApi {
    fn from(r: JsonRejection) -> GalatApi {
        let (status, kode) = match &r {
            JsonRejection::MissingJsonContentType(_) => {
                (StatusCode::UNSUPPORTED_MEDIA_TYPE, "bukan_json")
            }
            JsonRejection::JsonSyntaxError(_) => (StatusCode::BAD_REQUEST, "json_rusak"),
            JsonRejection::JsonDataError(_) => {
                (StatusCode::UNPROCESSABLE_ENTITY, "isian_tidak_sah")
            }
            _ => (StatusCode::BAD_REQUEST, "permintaan_tidak_sah"),
        };
        GalatApi::baru(status, kode, r.body_text())
    }
}

impl From<PathRejection> for GalatApi {
    fn from(r: PathRejection) -> GalatApi {
        GalatApi::baru(StatusCode::BAD_REQUEST, "alamat_tidak_sah", r.body_text())
    }
}

impl From<QueryRejection> for GalatApi {
    fn from(r: QueryRejection) -> GalatApi {
        GalatApi::baru(StatusCode::BAD_REQUEST, "kueri_tidak_sah", r.body_text())
    }
}

type Hasil = Result<Response, GalatApi>;

fn id_instansi(s: &str) -> Result<InstansiId, GalatApi> {
    InstansiId::new(s).map_err(|e| {
        GalatApi::baru(
            StatusCode::BAD_REQUEST,
            "id_tidak_sah",
            format!("id instansi: {e}"),
        )
    })
}

fn tahun(s: &str) -> Result<Tahun, GalatApi> {
    s.parse::<i64>()
        .ok()
        .and_then(|t| Tahun::new(t).ok())
        .ok_or_else(|| {
            GalatApi::baru(
                StatusCode::BAD_REQUEST,
                "tahun_tidak_sah",
                format!("tahun \"{s}\" tidak sah: harus tahun empat angka"),
            )
        })
}

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
) -> Result<std::sync::Arc<DataInstansi>, GalatApi> {
    let id = id_instansi(id)?;
    izinkan(n, sesi, &id, tahun, perlu).await?;
    Ok(n.toko.muat_bersama(&id).await?)
}

async fn izinkan(
    n: &Negara,
    sesi: &Sesi,
    id: &InstansiId,
    tahun: Option<Tahun>,
    perlu: Tindakan,
) -> Result<(), GalatApi> {
    let terbit = n.toko.terbit(id, tahun).await?;
    if boleh(sesi.0.as_ref(), perlu, id, terbit) {
        return Ok(());
    }
    Err(if sesi.0.is_none() {
        GalatApi::baru(
            StatusCode::UNAUTHORIZED,
            "perlu_masuk",
            "data ini belum diterbitkan: kirim kredensial (HTTP Basic) atau cookie sesi",
        )
    } else {
        GalatApi::baru(
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
    let t = tahun(&t)?;
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
    let id = id_instansi(&id)?;
    izinkan(&n, &sesi, &id, None, Tindakan::Ubah).await?;
    let Json(isian) = body?;
    if isian.realisasi.is_empty() {
        return Err(GalatApi::baru(
            StatusCode::UNPROCESSABLE_ENTITY,
            "isian_kosong",
            "daftar realisasi kosong",
        ));
    }
    let pelaku = Pelaku {
        pengguna: sesi.0.as_ref().map(|p| p.nama.clone()).unwrap_or_default(),
        sumber: "api".into(),
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
    let id = id_instansi(&id)?;
    izinkan(&n, &sesi, &id, None, Tindakan::LihatJejak).await?;
    let batas = q.batas.unwrap_or(100);
    if !(1..=10_000).contains(&batas) {
        return Err(GalatApi::baru(
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
