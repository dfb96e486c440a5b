//! The parts of an address that name an instansi or a year, read once for pages and API. An
//! address whose id or year cannot be one names nothing: 404.

use crate::galat::GalatHttp;
use axum::http::StatusCode;
use kinerja_core::id::InstansiId;
use kinerja_core::waktu::Tahun;

pub fn instansi(s: &str) -> Result<InstansiId, GalatHttp> {
    InstansiId::new(s).map_err(|_| {
        GalatHttp::baru(
            StatusCode::NOT_FOUND,
            "id_tidak_sah",
            format!("instansi \"{s}\" tidak ada"),
        )
    })
}

pub fn tahun(s: &str) -> Result<Tahun, GalatHttp> {
    s.parse::<i64>()
        .ok()
        .and_then(|t| Tahun::new(t).ok())
        .ok_or_else(|| {
            GalatHttp::baru(
                StatusCode::NOT_FOUND,
                "tahun_tidak_sah",
                format!("tahun \"{s}\" tidak sah"),
            )
        })
}
