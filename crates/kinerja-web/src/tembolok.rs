//! Answers to GET requests, kept while the database's generation is unchanged.
//!
//! Every committed change, in any table and from any process, raises the generation
//! (`Toko::generasi`; the store's transactions do it, so no writer can forget). A page is a
//! function of the database, the address (path and query) and the viewer (the session, which
//! fixes the name, role and CSRF token in the frame). So an answer kept under (generation,
//! address, session) is what a fresh render would give, and a request costs one small query
//! instead of a dozen plus rendering.
//!
//! - The generation is read *before* the handler runs. The handler's reads happen later, so a
//!   kept answer is never older than the generation it is filed under.
//! - Only a 200 without `Set-Cookie` and without [`TanpaSimpan`] (a page that carries a fresh
//!   one-use token, or names the host the client used), for a caller with no credentials
//!   header, is kept; a
//!   request with `Authorization` always goes to the handler (a Basic password must be
//!   checked, a token's use recorded).
//! - A session is served from the cache only while it is valid: its expiry is read once per
//!   generation (a logout or a new login raises the generation) and checked on every hit.
//! - Bounded: at most `KAPASITAS` answers and `BYTE_MAKS` bytes; an answer larger than
//!   `BYTE_SATU` is not kept. When the generation moves, everything kept is dropped.

use crate::Negara;
use crate::akun::{COOKIE_SESI, cookie, digest};
use axum::body::{Body, Bytes};
use axum::extract::{Request, State};
use axum::http::header::{AUTHORIZATION, SET_COOKIE};
use axum::http::{HeaderMap, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use std::collections::{HashMap, VecDeque};
use std::sync::Mutex;
use time::OffsetDateTime;

/// How many answers are kept at most.
pub const KAPASITAS: usize = 512;
/// How many bytes of answers are kept at most.
pub const BYTE_MAKS: usize = 64 * 1024 * 1024;
/// The largest answer that is kept (a report download is far below it).
pub const BYTE_SATU: usize = 8 * 1024 * 1024;

/// Marks a response the cache must not keep (a handler inserts it into the response's
/// extensions): its body is not a function of the database, the address and the session.
#[derive(Debug, Clone, Copy)]
pub struct TanpaSimpan;

#[derive(Clone, PartialEq, Eq, Hash)]
struct Kunci {
    /// Path and query, as sent.
    alamat: String,
    /// The digest of the session cookie's token; None for an anonymous caller.
    sesi: Option<String>,
}

struct Entri {
    kepala: HeaderMap,
    badan: Bytes,
}

#[derive(Default)]
struct Isi {
    generasi: i64,
    peta: HashMap<Kunci, Entri>,
    /// Insertion order, for dropping the oldest answer when full.
    urutan: VecDeque<Kunci>,
    byte: usize,
    /// Each session's expiry as read in this generation (None: not a session).
    sesi: HashMap<String, Option<OffsetDateTime>>,
}

impl Isi {
    /// Moves to generation `g` (dropping everything kept) when it is newer.
    fn ke(&mut self, g: i64) {
        if g > self.generasi {
            *self = Isi {
                generasi: g,
                ..Isi::default()
            };
        }
    }
}

/// The answer cache of one server; see the module documentation.
#[derive(Default)]
pub struct Tembolok {
    isi: Mutex<Isi>,
}

impl Tembolok {
    /// How many answers are kept.
    pub fn jumlah(&self) -> usize {
        self.kunci().peta.len()
    }

    fn kunci(&self) -> std::sync::MutexGuard<'_, Isi> {
        // A panic while holding the lock leaves no half-made state worth refusing.
        self.isi.lock().unwrap_or_else(|e| e.into_inner())
    }

    fn ambil(&self, g: i64, k: &Kunci) -> Option<Response> {
        let mut isi = self.kunci();
        isi.ke(g);
        let e = isi.peta.get(k)?;
        let mut r = Response::new(Body::from(e.badan.clone()));
        *r.headers_mut() = e.kepala.clone();
        Some(r)
    }

    fn simpan(&self, g: i64, k: Kunci, kepala: HeaderMap, badan: Bytes) {
        let mut isi = self.kunci();
        isi.ke(g);
        // An answer computed under an older generation than the one now kept is not filed.
        if isi.generasi != g {
            return;
        }
        let n = badan.len();
        if let Some(lama) = isi.peta.insert(k.clone(), Entri { kepala, badan }) {
            isi.byte -= lama.badan.len();
        } else {
            isi.urutan.push_back(k);
        }
        isi.byte += n;
        while isi.urutan.len() > KAPASITAS || isi.byte > BYTE_MAKS {
            let Some(tua) = isi.urutan.pop_front() else {
                break;
            };
            if let Some(e) = isi.peta.remove(&tua) {
                isi.byte -= e.badan.len();
            }
        }
    }

    /// The session's expiry as known in generation `g`, if read already.
    fn sesi(&self, g: i64, token: &str) -> Option<Option<OffsetDateTime>> {
        let mut isi = self.kunci();
        isi.ke(g);
        isi.sesi.get(token).copied()
    }

    fn catat_sesi(&self, g: i64, token: String, sampai: Option<OffsetDateTime>) {
        let mut isi = self.kunci();
        isi.ke(g);
        if isi.generasi == g && isi.sesi.len() < 100_000 {
            isi.sesi.insert(token, sampai);
        }
    }
}

/// The middleware: a kept answer when there is one, else the handler's, kept when it may be.
pub(crate) async fn layani(State(n): State<Negara>, req: Request, next: Next) -> Response {
    if req.method() != Method::GET || req.headers().contains_key(AUTHORIZATION) {
        return next.run(req).await;
    }
    // A read that fails here is the handler's to report; this request is just not cached.
    let Ok(g) = n.toko.generasi().await else {
        return next.run(req).await;
    };
    let sesi = cookie(req.headers(), COOKIE_SESI).map(|t| digest(&t));
    if let Some(token) = &sesi {
        let sampai = match n.tembolok.sesi(g, token) {
            Some(s) => s,
            None => {
                let Ok(s) = n.toko.sesi_berlaku_sampai(token).await else {
                    return next.run(req).await;
                };
                n.tembolok.catat_sesi(g, token.clone(), s);
                s
            }
        };
        // An unknown or expired session is the handler's to treat (as anonymous).
        if sampai.is_none_or(|s| s <= OffsetDateTime::now_utc()) {
            return next.run(req).await;
        }
    }
    let kunci = Kunci {
        alamat: req
            .uri()
            .path_and_query()
            .map(|p| p.as_str().to_string())
            .unwrap_or_default(),
        sesi,
    };
    if let Some(r) = n.tembolok.ambil(g, &kunci) {
        return r;
    }
    let r = next.run(req).await;
    if r.status() != StatusCode::OK
        || r.headers().contains_key(SET_COOKIE)
        || r.extensions().get::<TanpaSimpan>().is_some()
    {
        return r;
    }
    // Pages and downloads are made whole in memory, so their size is known; a streamed or
    // large answer goes out untouched.
    let ukuran = axum::body::HttpBody::size_hint(r.body()).exact();
    if ukuran.is_none_or(|u| u > BYTE_SATU as u64) {
        return r;
    }
    let (bagian, badan) = r.into_parts();
    let Ok(badan) = axum::body::to_bytes(badan, BYTE_SATU).await else {
        return StatusCode::INTERNAL_SERVER_ERROR.into_response();
    };
    n.tembolok
        .simpan(g, kunci, bagian.headers.clone(), badan.clone());
    Response::from_parts(bagian, Body::from(badan))
}
