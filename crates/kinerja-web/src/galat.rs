//! Every failed request, page or API, is one [`GalatHttp`]: its status is decided once, here,
//! and one middleware ([`jawab`]) writes it out: as the HTML error page in the caller's frame for
//! pages, as the JSON body [`GalatApi`] for `/api/`, with the same status.
//!
//! | cause                                                                 | status | `kode`                 |
//! |-----------------------------------------------------------------------|--------|------------------------|
//! | an id or a year in the address that cannot be one; no such page       | 404    | `id_tidak_sah`, `tahun_tidak_sah`, `tidak_ada` |
//! | store: the instansi has no data (`TidakAda`)                          | 404    | `instansi_tidak_ada`   |
//! | a body or query that cannot be read (JSON syntax, form encoding)      | 400    | `json_rusak`, `permintaan_tidak_sah`, `kueri_tidak_sah`, `alamat_tidak_sah` |
//! | a body that is not JSON                                               | 415    | `bukan_json`           |
//! | no caller, API (its login is HTTP authentication)                     | 401 + `WWW-Authenticate` | `perlu_masuk` |
//! | no caller, page (its login is a form: a 401 would need a challenge, which makes browsers open a password dialog) | 403 | `perlu_masuk` |
//! | the caller's role does not allow it                                   | 403    | `dilarang`             |
//! | a form without the session's CSRF token                               | 403    | `csrf`                 |
//! | a write would change another data set's shared record (an instansi) the caller may not change (`BukanMilik`) | 403 | `bukan_milik` |
//! | readable but invalid: fields, the whole data set (`TidakSah`), the reporting instansi (`Pelapor`), accounts and notes (`Akun`), an uploaded file that does not fit the data set (`Ditolak`) | 422 | `isian_tidak_sah`, `isian_kosong`, `data_tidak_sah`, `pelapor`, `berkas_ditolak` |
//! | valid, but the period's state forbids it: approved (`Terkunci`), a signed Perjanjian Kinerja (`PkTerkunci`), a final Evaluasi AKIP (`EvaluasiTerkunci`), or a workflow step that does not follow from its status (`Alur`) | 409 | `periode_terkunci`, `pk_terkunci`, `evaluasi_terkunci`, `alur` |
//! | the store cannot be reached (`Basis`, `Migrasi`)                      | 503    | `penyimpanan`          |
//! | the store holds what it cannot read (`Rusak`)                         | 500    | `galat_internal`       |
//!
//! The text of an internal error (503, 500) never reaches the client: it is logged with
//! `tracing` and the request's id ([`IdPermintaan`], also in the `x-request-id` response header),
//! and the user sees that id as "kode kejadian", to quote when reporting the problem.

use crate::Negara;
use crate::akun::Sesi;
use crate::halaman::bersama::{halaman_galat, konteks_dasar};
use axum::Json;
use axum::extract::rejection::{JsonRejection, PathRejection, QueryRejection};
use axum::extract::{Request, State};
use axum::http::header::{CONTENT_LENGTH, CONTENT_TYPE, WWW_AUTHENTICATE};
use axum::http::{HeaderName, HeaderValue, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use kinerja_simpan::Galat;
use serde::Serialize;
use tracing::Instrument;

/// A failed request. Built by handlers or from the store's `Galat`; written out by [`jawab`].
#[derive(Debug, Clone)]
pub struct GalatHttp {
    pub status: StatusCode,
    /// Stable, for programs.
    pub kode: &'static str,
    /// For people, in their terms.
    pub pesan: String,
    /// Each validation problem with its place.
    pub rincian: Vec<Rincian>,
    /// An internal error's text: logged, never sent.
    internal: Option<String>,
}

/// The error body of the API: `kode` is stable for programs, `pesan` is for people, `rincian`
/// lists each validation problem with its place.
#[derive(Debug, Serialize, schemars::JsonSchema)]
pub struct GalatApi {
    pub kode: &'static str,
    pub pesan: String,
    #[serde(default, skip_serializing_if = "Vec::is_empty")]
    pub rincian: Vec<Rincian>,
}

#[derive(Debug, Clone, Serialize, schemars::JsonSchema)]
pub struct Rincian {
    pub letak: String,
    pub pesan: String,
}

impl GalatHttp {
    pub fn baru(status: StatusCode, kode: &'static str, pesan: impl Into<String>) -> GalatHttp {
        GalatHttp {
            status,
            kode,
            pesan: pesan.into(),
            rincian: Vec::new(),
            internal: None,
        }
    }

    /// A failure of the server: `sebab` goes to the log with the request's id, `pesan` to the
    /// user.
    pub fn internal(
        status: StatusCode,
        kode: &'static str,
        pesan: &str,
        sebab: impl std::fmt::Display,
    ) -> GalatHttp {
        GalatHttp {
            internal: Some(sebab.to_string()),
            ..GalatHttp::baru(status, kode, pesan)
        }
    }

    pub fn tidak_ada() -> GalatHttp {
        GalatHttp::baru(
            StatusCode::NOT_FOUND,
            "tidak_ada",
            "halaman tidak ditemukan",
        )
    }
}

impl From<Galat> for GalatHttp {
    /// The store's half of the table above. No wildcard: a new kind of store error must be
    /// given its status here.
    fn from(e: Galat) -> GalatHttp {
        let pesan = e.to_string();
        match e {
            Galat::TidakAda(_) => {
                GalatHttp::baru(StatusCode::NOT_FOUND, "instansi_tidak_ada", pesan)
            }
            Galat::TidakSah(p) => GalatHttp {
                rincian: p
                    .into_iter()
                    .map(|x| Rincian {
                        letak: x.letak.to_string(),
                        pesan: x.pesan,
                    })
                    .collect(),
                ..GalatHttp::baru(StatusCode::UNPROCESSABLE_ENTITY, "data_tidak_sah", pesan)
            },
            Galat::Pelapor(_) => {
                GalatHttp::baru(StatusCode::UNPROCESSABLE_ENTITY, "pelapor", pesan)
            }
            Galat::Akun(_) => {
                GalatHttp::baru(StatusCode::UNPROCESSABLE_ENTITY, "isian_tidak_sah", pesan)
            }
            Galat::BukanMilik(_) => GalatHttp::baru(StatusCode::FORBIDDEN, "bukan_milik", pesan),
            Galat::Ditolak(_) => {
                GalatHttp::baru(StatusCode::UNPROCESSABLE_ENTITY, "berkas_ditolak", pesan)
            }
            Galat::Terkunci(_) => GalatHttp::baru(StatusCode::CONFLICT, "periode_terkunci", pesan),
            Galat::PkTerkunci(_) => GalatHttp::baru(StatusCode::CONFLICT, "pk_terkunci", pesan),
            Galat::EvaluasiTerkunci(_) => {
                GalatHttp::baru(StatusCode::CONFLICT, "evaluasi_terkunci", pesan)
            }
            Galat::Alur(_) => GalatHttp::baru(StatusCode::CONFLICT, "alur", pesan),
            Galat::Basis(_) | Galat::Migrasi(_) => GalatHttp::internal(
                StatusCode::SERVICE_UNAVAILABLE,
                "penyimpanan",
                "penyimpanan sedang tidak dapat melayani; coba lagi sebentar lagi",
                pesan,
            ),
            // The web never makes a backup; should one fail here it is the server's fault.
            Galat::Rusak(_) | Galat::Cadangan(_) => GalatHttp::internal(
                StatusCode::INTERNAL_SERVER_ERROR,
                "galat_internal",
                "terjadi kesalahan pada server",
                pesan,
            ),
        }
    }
}

impl From<JsonRejection> for GalatHttp {
    fn from(r: JsonRejection) -> GalatHttp {
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
        GalatHttp::baru(status, kode, r.body_text())
    }
}

impl From<PathRejection> for GalatHttp {
    fn from(r: PathRejection) -> GalatHttp {
        GalatHttp::baru(StatusCode::BAD_REQUEST, "alamat_tidak_sah", r.body_text())
    }
}

impl From<QueryRejection> for GalatHttp {
    fn from(r: QueryRejection) -> GalatHttp {
        GalatHttp::baru(StatusCode::BAD_REQUEST, "kueri_tidak_sah", r.body_text())
    }
}

impl IntoResponse for GalatHttp {
    /// The status and the error itself: [`jawab`] writes the body, once it knows the door (page
    /// or API) and, for a page, the caller's frame.
    fn into_response(self) -> Response {
        let mut r = self.status.into_response();
        r.extensions_mut().insert(self);
        r
    }
}

/// The id of a request, for the log and the "kode kejadian" of an error.
#[derive(Debug, Clone)]
pub struct IdPermintaan(pub String);

const X_REQUEST_ID: HeaderName = HeaderName::from_static("x-request-id");

/// 64 random bits, hex: unique enough to find one request in a day's log.
fn id_baru() -> String {
    use std::sync::atomic::{AtomicU64, Ordering};
    static URUTAN: AtomicU64 = AtomicU64::new(0);
    let mut b = [0u8; 8];
    if getrandom::fill(&mut b).is_err() {
        // Without the system's random source, a counter still tells requests apart.
        b = URUTAN.fetch_add(1, Ordering::Relaxed).to_be_bytes();
    }
    b.iter().map(|x| format!("{x:02x}")).collect()
}

/// Middleware, outermost: gives each request an id, runs it inside a `tracing` span that
/// carries the id, and returns the id in the `x-request-id` header.
pub async fn beri_id(mut req: Request, next: Next) -> Response {
    let id = id_baru();
    req.extensions_mut().insert(IdPermintaan(id.clone()));
    let span = tracing::info_span!("permintaan", id = %id);
    let mut res = next.run(req).instrument(span).await;
    if let Ok(v) = HeaderValue::from_str(&id) {
        res.headers_mut().insert(X_REQUEST_ID, v);
    }
    res
}

/// Middleware, innermost: a panic in a handler is a bug, and the client gets the 500 page with
/// the request id, not a dropped connection. The handler runs as a task of its own so that its
/// panic ends there; the task keeps the request's span.
pub async fn tangkap_panik(req: Request, next: Next) -> Response {
    match tokio::spawn(next.run(req).in_current_span()).await {
        Ok(res) => res,
        Err(e) => GalatHttp::internal(
            StatusCode::INTERNAL_SERVER_ERROR,
            "galat_internal",
            "terjadi kesalahan pada server",
            format!("panik di handler: {e}"),
        )
        .into_response(),
    }
}

/// Middleware: writes out a [`GalatHttp`] that a handler returned. An error page shows who is
/// logged in (name, role, the Keluar button) like every other page; the session is looked up
/// only when a request failed.
pub async fn jawab(State(n): State<Negara>, req: Request, next: Next) -> Response {
    let api = req.uri().path().starts_with("/api/");
    let id = req.extensions().get::<IdPermintaan>().cloned();
    let headers = req.headers().clone();
    let res = next.run(req).await;
    let Some(g) = res.extensions().get::<GalatHttp>().cloned() else {
        return res;
    };
    let mut pesan = g.pesan;
    if let Some(sebab) = &g.internal {
        let id = id.as_ref().map_or("-", |i| i.0.as_str());
        tracing::error!(id_permintaan = id, status = g.status.as_u16(), "{sebab}");
        pesan = format!("{pesan} (kode kejadian: {id})");
    }
    let mut baru = if api {
        let body = Json(GalatApi {
            kode: g.kode,
            pesan,
            rincian: g.rincian,
        });
        if g.status == StatusCode::UNAUTHORIZED {
            let tantangan = [(
                WWW_AUTHENTICATE,
                "Basic realm=\"kinerja\", charset=\"UTF-8\"",
            )];
            (g.status, tantangan, body).into_response()
        } else {
            (g.status, body).into_response()
        }
    } else {
        let sesi = Sesi::dari(&headers, &n).await;
        halaman_galat(&konteks_dasar(&sesi), g.status, &pesan)
    };
    // Headers the handler set on its refusal (Retry-After, its own challenge) are part of the
    // answer; only the body is written here.
    for (k, v) in res.headers() {
        if k != CONTENT_TYPE && k != CONTENT_LENGTH {
            baru.headers_mut().insert(k.clone(), v.clone());
        }
    }
    baru
}

#[cfg(test)]
mod tests {
    use super::*;
    use kinerja_core::validasi::{Letak, Pelanggaran};

    #[tokio::test]
    async fn a_panicking_handler_answers_500_with_no_text_of_the_panic() {
        use tower::ServiceExt;
        let app = axum::Router::new()
            .route(
                "/",
                axum::routing::get(|| async {
                    let angka: Vec<u8> = Vec::new();
                    // An index out of range: the class of bug, not a particular message.
                    angka[usize::from(angka.is_empty())].to_string()
                }),
            )
            .layer(axum::middleware::from_fn(tangkap_panik));
        let res = app
            .oneshot(
                Request::builder()
                    .uri("/")
                    .body(axum::body::Body::empty())
                    .unwrap(),
            )
            .await
            .unwrap();
        assert_eq!(res.status(), StatusCode::INTERNAL_SERVER_ERROR);
        let g = res
            .extensions()
            .get::<GalatHttp>()
            .expect("GalatHttp for jawab");
        assert_eq!(g.kode, "galat_internal");
        assert!(!g.pesan.contains("index out of bounds"), "{}", g.pesan);
    }

    #[test]
    fn each_store_error_has_one_status() {
        let pelanggaran = Pelanggaran {
            letak: Letak {
                tabel: "realisasi",
                indeks: 0,
                id: None,
                medan: "indikator",
            },
            pesan: "merujuk indikator \"X\" yang tidak ada".into(),
        };
        let kasus = [
            (Galat::TidakAda("m".into()), 404, "instansi_tidak_ada"),
            (Galat::TidakSah(vec![pelanggaran]), 422, "data_tidak_sah"),
            (Galat::Pelapor("p".into()), 422, "pelapor"),
            (Galat::BukanMilik("b".into()), 403, "bukan_milik"),
            (
                Galat::Ditolak("lembar kerja ditolak".into()),
                422,
                "berkas_ditolak",
            ),
            (Galat::Akun("catatan kosong".into()), 422, "isian_tidak_sah"),
            (
                Galat::Terkunci("realisasi, Tahunan 2020".into()),
                409,
                "periode_terkunci",
            ),
            (Galat::Alur("langkah Setujui ...".into()), 409, "alur"),
            (
                Galat::Rusak("kolom uang ke-2 kosong".into()),
                500,
                "galat_internal",
            ),
        ];
        for (e, status, kode) in kasus {
            let g = GalatHttp::from(e);
            assert_eq!((g.status.as_u16(), g.kode), (status, kode));
        }
    }

    #[test]
    fn an_internal_errors_text_is_kept_for_the_log_only() {
        let g = GalatHttp::from(Galat::Rusak("kolom uang ke-2 kosong".into()));
        assert!(!g.pesan.contains("kolom"), "{}", g.pesan);
        assert!(
            g.internal
                .as_deref()
                .unwrap()
                .contains("kolom uang ke-2 kosong")
        );
        let v = GalatHttp::from(Galat::TidakSah(vec![]));
        assert!(v.internal.is_none() && v.pesan.starts_with("data tidak sah"));
    }

    #[test]
    fn request_ids_are_sixteen_hex_digits_and_differ() {
        let a = id_baru();
        assert_eq!(a.len(), 16);
        assert!(a.bytes().all(|b| b.is_ascii_hexdigit()));
        assert_ne!(a, id_baru());
    }
}
