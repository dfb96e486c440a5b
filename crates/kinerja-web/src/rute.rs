//! Routes as data. The routers of the pages and of the API are built from lists of [`Rute`],
//! and [`crate::rute_terdaftar`] gives the same lists back, so that the role test walks exactly
//! the routes that exist: a route added without an expectation in its policy table fails it.

use crate::Negara;
use axum::Router;
use axum::handler::Handler;
use axum::routing::{MethodFilter, MethodRouter, on};

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Metode {
    Get,
    Post,
    Put,
}

impl Metode {
    pub fn nama(self) -> &'static str {
        match self {
            Metode::Get => "get",
            Metode::Post => "post",
            Metode::Put => "put",
        }
    }

    fn saring(self) -> MethodFilter {
        match self {
            Metode::Get => MethodFilter::GET,
            Metode::Post => MethodFilter::POST,
            Metode::Put => MethodFilter::PUT,
        }
    }
}

/// One method on one path, with its handler.
pub struct Rute {
    pub metode: Metode,
    pub jalur: &'static str,
    penangan: MethodRouter<Negara>,
}

/// The handler answers `metode` only: the method of the list and of the router cannot differ.
pub fn rute<H, T>(metode: Metode, jalur: &'static str, penangan: H) -> Rute
where
    H: Handler<T, Negara>,
    T: 'static,
{
    Rute {
        metode,
        jalur,
        penangan: on(metode.saring(), penangan),
    }
}

/// A POST that takes an uploaded file larger than the 1 MiB every other request may carry:
/// the Evaluasi AKIP's evidence (`kinerja_simpan::BATAS_BUKTI`, with room for the form's other
/// fields). `crate::masukan::batas_body` gives the same limit to the body filter.
pub fn rute_unggah<H, T>(jalur: &'static str, penangan: H) -> Rute
where
    H: Handler<T, Negara>,
    T: 'static,
{
    Rute {
        metode: Metode::Post,
        jalur,
        penangan: on(MethodFilter::POST, penangan).layer(axum::extract::DefaultBodyLimit::max(
            crate::masukan::BATAS_BODY_UNGGAH,
        )),
    }
}

/// A router of exactly these routes (two methods on one path merge).
pub fn router(daftar: Vec<Rute>) -> Router<Negara> {
    daftar
        .into_iter()
        .fold(Router::new(), |r, x| r.route(x.jalur, x.penangan))
}

/// `(method, path)` of each route, as `get`, `/instansi/{id}/tahun/{tahun}`.
pub fn daftar(rute: &[Rute]) -> Vec<(&'static str, &'static str)> {
    rute.iter().map(|r| (r.metode.nama(), r.jalur)).collect()
}
