//! Answers to GET requests, kept while what they were made from is unchanged.
//!
//! A page is a function of the database, the address (path and query) and the viewer (the
//! session, which fixes the name, role and CSRF token in the frame). The store records what a
//! handler read ([`kinerja_simpan::catat_bacaan`]): the data sets it loaded, whether it read
//! accounts, sessions or the instansi list (the common generation), and whether it read
//! anything else (the database's generation, which every write raises). Each kind has a
//! generation in the database that the writes raise, in the store's transactions, from any
//! process (`kinerja_simpan::Generasi`). An answer is kept under (address, session) with the
//! generations of what it read, and served while they are unchanged: a save to one data set
//! leaves the pages of every other data set that did not read it.
//!
//! - The generations are read *before* the handler runs (`Toko::generasi_kini`: a read that
//!   began after the request arrived, shared by concurrent requests). The handler's reads
//!   happen later, so a kept answer is never older than the generations it is filed under.
//! - Only a 200 without `Set-Cookie` and without [`TanpaSimpan`] (a page that carries a fresh
//!   one-use token, or names the host the client used), for a caller with no credentials
//!   header, is kept; a request with `Authorization` always goes to the handler (a Basic
//!   password must be checked, a token's use recorded).
//! - A session is served from the cache only while it is valid: its expiry is read once per
//!   common generation (a login or a logout, in any process, raises it) and checked on every
//!   hit; an unknown, ended or expired session goes to the handler.
//! - Bounded: at most `KAPASITAS` answers and `BYTE_MAKS` bytes; an answer larger than
//!   `BYTE_SATU` is not kept. An answer found out of date is dropped when looked up; the oldest
//!   go first when full.

use crate::Negara;
use crate::akun::{COOKIE_SESI, cookie, digest};
use axum::body::{Body, Bytes};
use axum::extract::{Request, State};
use axum::http::header::{AUTHORIZATION, SET_COOKIE};
use axum::http::{HeaderMap, Method, StatusCode};
use axum::middleware::Next;
use axum::response::{IntoResponse, Response};
use kinerja_simpan::{Cap, Generasi, catat_bacaan};
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
    /// The generations of what the handler read, when the request arrived.
    cap: Cap,
    kepala: HeaderMap,
    badan: Bytes,
}

/// How many sessions' expiries are kept at most (dropped all at once when full).
const SESI_MAKS: usize = 100_000;

#[derive(Default)]
struct Isi {
    peta: HashMap<Kunci, Entri>,
    /// Insertion order, for dropping the oldest answer when full.
    urutan: VecDeque<Kunci>,
    byte: usize,
    /// Each session's expiry (None: not a session), with the common generation it was read at.
    sesi: HashMap<String, (i64, Option<OffsetDateTime>)>,
}

/// The answer cache of one server; see the module documentation.
#[derive(Default)]
pub struct Tembolok {
    isi: Mutex<Isi>,
}

impl Tembolok {
    /// How many answers are kept (some may be out of date, dropped when next looked up).
    pub fn jumlah(&self) -> usize {
        self.kunci().peta.len()
    }

    /// Whether the answer to `alamat` for the session `token` (anonymous: None) is kept and
    /// still valid at generations `g`.
    pub fn berlaku(&self, g: &Generasi, alamat: &str, token: Option<&str>) -> bool {
        let k = Kunci {
            alamat: alamat.to_string(),
            sesi: token.map(digest),
        };
        self.kunci().peta.get(&k).is_some_and(|e| g.masih(&e.cap))
    }

    fn kunci(&self) -> std::sync::MutexGuard<'_, Isi> {
        // A panic while holding the lock leaves no half-made state worth refusing.
        self.isi.lock().unwrap_or_else(|e| e.into_inner())
    }

    fn ambil(&self, g: &Generasi, k: &Kunci) -> Option<Response> {
        let mut isi = self.kunci();
        let e = isi.peta.get(k)?;
        if !g.masih(&e.cap) {
            // Out of date: dropped (its place in `urutan` goes when it comes up).
            if let Some(e) = isi.peta.remove(k) {
                isi.byte -= e.badan.len();
            }
            return None;
        }
        let mut r = Response::new(Body::from(e.badan.clone()));
        *r.headers_mut() = e.kepala.clone();
        Some(r)
    }

    fn simpan(&self, k: Kunci, e: Entri) {
        let mut isi = self.kunci();
        let n = e.badan.len();
        if let Some(lama) = isi.peta.insert(k.clone(), e) {
            isi.byte -= lama.badan.len();
        }
        isi.urutan.push_back(k);
        isi.byte += n;
        while isi.peta.len() > KAPASITAS || isi.byte > BYTE_MAKS || isi.urutan.len() > 2 * KAPASITAS
        {
            let Some(tua) = isi.urutan.pop_front() else {
                break;
            };
            // A key filed again since is in `urutan` twice; only its last place holds it.
            if isi.urutan.contains(&tua) {
                continue;
            }
            if let Some(e) = isi.peta.remove(&tua) {
                isi.byte -= e.badan.len();
            }
        }
    }

    /// The session's expiry as read at common generation `umum`, if read already.
    fn sesi(&self, umum: i64, token: &str) -> Option<Option<OffsetDateTime>> {
        match self.kunci().sesi.get(token) {
            Some((u, s)) if *u == umum => Some(*s),
            _ => None,
        }
    }

    fn catat_sesi(&self, umum: i64, token: String, sampai: Option<OffsetDateTime>) {
        let mut isi = self.kunci();
        if isi.sesi.len() >= SESI_MAKS {
            isi.sesi.clear();
        }
        isi.sesi.insert(token, (umum, sampai));
    }
}

/// The middleware: a kept answer when there is one, else the handler's, kept when it may be.
pub(crate) async fn layani(State(n): State<Negara>, req: Request, next: Next) -> Response {
    if req.method() != Method::GET || req.headers().contains_key(AUTHORIZATION) {
        return next.run(req).await;
    }
    // A read that fails here is the handler's to report; this request is just not cached.
    let Ok(g) = n.toko.generasi_kini().await else {
        return next.run(req).await;
    };
    let sesi = cookie(req.headers(), COOKIE_SESI).map(|t| digest(&t));
    if let Some(token) = &sesi {
        let sampai = match n.tembolok.sesi(g.umum, token) {
            Some(s) => s,
            None => {
                let Ok(s) = n.toko.sesi_berlaku_sampai(token).await else {
                    return next.run(req).await;
                };
                n.tembolok.catat_sesi(g.umum, token.clone(), s);
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
    if let Some(r) = n.tembolok.ambil(&g, &kunci) {
        return r;
    }
    let (r, bacaan) = catat_bacaan(next.run(req)).await;
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
    let e = Entri {
        cap: g.cap(&bacaan),
        kepala: bagian.headers.clone(),
        badan: badan.clone(),
    };
    n.tembolok.simpan(kunci, e);
    Response::from_parts(bagian, Body::from(badan))
}
