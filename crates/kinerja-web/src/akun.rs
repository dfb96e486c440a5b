//! Who is asking, and what they may do. One policy (`boleh`) answers for every route of the web
//! interface and the API; `tests/peran.rs` walks every route with every role against it.
//!
//! Who is asking, by the request's credentials, first match wins:
//! - a session cookie: a random 256-bit value, stored only as its SHA-256 digest; HttpOnly,
//!   SameSite=Lax, 8 hours. Every POST carries the session's CSRF token (synchronizer token);
//!   the login form, before any session, uses a double-submit cookie;
//! - an API token (`Authorization: Bearer`, made by `kinerja pengguna token`), stored as its
//!   digest too, for `/api/` only: a page ignores it, so a token never acts as a session;
//! - HTTP Basic: a password, checked like the login form's (`masuk`: the same throttle, the
//!   same hashing pool), so that the two doors share one count of failures.
//!
//! Bad credentials are refused (401), not served as the public: a client with a wrong password
//! or a revoked token learns it at once. Passwords: argon2id (`sandi`); failed logins are
//! throttled per client address and per account (`pembatas`).

mod pembatas;
mod sandi;

pub use pembatas::{Aturan, Pembatas};
pub use sandi::{KolamSandi, Sibuk, hash_sandi};

use crate::Negara;
use crate::galat::GalatHttp;
use axum::extract::{ConnectInfo, FromRequestParts};
use axum::http::header::{AUTHORIZATION, COOKIE, RETRY_AFTER, WWW_AUTHENTICATE};
use axum::http::request::Parts;
use axum::http::{Extensions, HeaderMap, HeaderValue, StatusCode};
use axum::response::{IntoResponse, Response};
use kinerja_core::id::InstansiId;
use kinerja_simpan::Hak;
use kinerja_simpan::akun::Akun;
use sandi::TUNGGU_SIBUK;
use sha2::{Digest, Sha256};
use std::net::{IpAddr, SocketAddr};
use std::time::Duration;

pub const COOKIE_SESI: &str = "kinerja_sesi";
pub const COOKIE_CSRF_MASUK: &str = "kinerja_csrf";
pub const LAMA_SESI: Duration = Duration::from_secs(8 * 3600);

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Peran {
    /// Everything, every instansi.
    Admin,
    /// Enters and edits the data of its own instansi, submits a period.
    Operator,
    /// Reads its own instansi, approves a period and lifts the lock.
    Pimpinan,
    /// Inspektorat: reads every instansi and every audit trail.
    Pereviu,
}

impl Peran {
    pub const SEMUA: [Peran; 4] = [
        Peran::Admin,
        Peran::Operator,
        Peran::Pimpinan,
        Peran::Pereviu,
    ];

    pub fn nama(self) -> &'static str {
        match self {
            Peran::Admin => "admin",
            Peran::Operator => "operator",
            Peran::Pimpinan => "pimpinan",
            Peran::Pereviu => "pereviu",
        }
    }
    pub fn label(self) -> &'static str {
        match self {
            Peran::Admin => "Administrator",
            Peran::Operator => "Operator",
            Peran::Pimpinan => "Pimpinan",
            Peran::Pereviu => "Pereviu (Inspektorat)",
        }
    }
    pub fn parse(s: &str) -> Option<Peran> {
        Peran::SEMUA.into_iter().find(|p| p.nama() == s)
    }
    /// Operator and pimpinan belong to one instansi; admin and pereviu to none.
    pub fn perlu_instansi(self) -> bool {
        matches!(self, Peran::Operator | Peran::Pimpinan)
    }
}

/// A logged-in user.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Pengguna {
    pub nama: String,
    pub peran: Peran,
    pub instansi: Option<InstansiId>,
    /// The session's CSRF token; empty for callers by token or HTTP Basic (no session: no
    /// forms).
    pub csrf: String,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Tindakan {
    /// Dashboard, plan, PK, IKU, entry pages (read-only without `Ubah`), API reads.
    Lihat,
    LihatJejak,
    Ubah,
    Ajukan,
    Setujui,
    Buka,
    /// A reviewer's note on the dashboard, or a reviewer's acceptance of a reviu finding.
    Catat,
    /// The reviu's findings: working material of the instansi's staff and the inspektorat,
    /// not published with the year. Also the Evaluasi AKIP's pages and evidence files.
    LihatReviu,
    /// The evaluator's work on an Evaluasi AKIP: answering as the evaluator, marking the year
    /// evaluated, finalising it (the OPD's self-assessment is `Ubah`, its submission `Ajukan`).
    Evaluasi,
    /// Reopening an Evaluasi AKIP one stage back, with a reason: the administrator's alone.
    BukaEvaluasi,
}

/// The shared records (other data sets' instansi) a session may change through the store: the
/// same rule as `boleh` for `Tindakan::Ubah`, in the store's terms.
pub fn hak(sesi: &Sesi) -> Hak {
    match &sesi.0 {
        Some(p) if p.peran == Peran::Admin => Hak::Semua,
        Some(Pengguna {
            peran: Peran::Operator,
            instansi: Some(i),
            ..
        }) => Hak::Instansi(vec![i.clone()]),
        _ => Hak::Instansi(Vec::new()),
    }
}

/// The policy. `terbit`: the year is published (its annual period approved), which is all the
/// public, and other instansi's staff, may read.
pub fn boleh(p: Option<&Pengguna>, t: Tindakan, instansi: &InstansiId, terbit: bool) -> bool {
    let Some(p) = p else {
        return t == Tindakan::Lihat && terbit;
    };
    let milik = p.instansi.as_ref() == Some(instansi);
    match (p.peran, t) {
        (Peran::Admin, _) => true,
        (
            Peran::Pereviu,
            Tindakan::Lihat
            | Tindakan::LihatJejak
            | Tindakan::LihatReviu
            | Tindakan::Catat
            | Tindakan::Evaluasi,
        ) => true,
        (Peran::Pereviu, _) => false,
        (Peran::Operator | Peran::Pimpinan, Tindakan::Lihat) => milik || terbit,
        (Peran::Operator | Peran::Pimpinan, Tindakan::LihatJejak | Tindakan::LihatReviu) => milik,
        (Peran::Operator, Tindakan::Ubah | Tindakan::Ajukan) => milik,
        (Peran::Pimpinan, Tindakan::Setujui | Tindakan::Buka) => milik,
        (Peran::Operator | Peran::Pimpinan, _) => false,
    }
}

/// 256 random bits, hex.
pub fn token_acak() -> String {
    let mut b = [0u8; 32];
    getrandom::fill(&mut b).expect("the operating system's random source");
    hex(&b)
}

pub fn digest(token: &str) -> String {
    hex(&Sha256::digest(token.as_bytes()))
}

fn hex(b: &[u8]) -> String {
    b.iter().map(|x| format!("{x:02x}")).collect()
}

pub fn cookie(headers: &HeaderMap, nama: &str) -> Option<String> {
    headers
        .get_all(COOKIE)
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(';'))
        .filter_map(|kv| kv.trim().split_once('='))
        .find(|(k, _)| *k == nama)
        .map(|(_, v)| v.to_string())
}

pub fn set_cookie(nama: &str, nilai: &str, umur: Duration) -> String {
    format!(
        "{nama}={nilai}; Path=/; HttpOnly; SameSite=Lax; Max-Age={}",
        umur.as_secs()
    )
}

/// The caller: a session cookie, an API token, HTTP Basic credentials, or nobody.
#[derive(Debug, Clone)]
pub struct Sesi(pub Option<Pengguna>);

impl FromRequestParts<Negara> for Sesi {
    /// 401 for bad credentials, 429 or 503 with `Retry-After` for a password that cannot be
    /// checked now; JSON, as the API's errors (pages are not meant for credentials headers).
    type Rejection = Response;

    async fn from_request_parts(parts: &mut Parts, n: &Negara) -> Result<Sesi, Response> {
        let sesi = Sesi::dari(&parts.headers, n).await;
        if sesi.0.is_some() {
            return Ok(sesi);
        }
        match kredensial(&parts.headers) {
            None => Ok(sesi),
            Some(Kredensial::Bearer(_)) if !parts.uri.path().starts_with("/api/") => Ok(sesi),
            Some(Kredensial::Bearer(token)) => match n.toko.akun_token(&digest(&token)).await {
                Ok(Some(akun)) => Ok(Sesi(pengguna(akun))),
                Ok(None) => Err(tolakan(
                    StatusCode::UNAUTHORIZED,
                    "token_tidak_sah",
                    "token API tidak dikenal atau sudah dicabut".into(),
                    None,
                )),
                Err(e) => Err(GalatHttp::from(e).into_response()),
            },
            Some(Kredensial::Basic(nama, sandi)) => {
                let alamat = alamat_klien(&parts.headers, &parts.extensions);
                match masuk(n, alamat, &nama, &sandi).await {
                    Ok(akun) => Ok(Sesi(pengguna(akun))),
                    Err(GagalMasuk::Simpan(e)) => Err(GalatHttp::from(e).into_response()),
                    Err(g) => Err(tolakan(g.kode(), g.kode_api(), g.pesan(), g.tunggu())),
                }
            }
        }
    }
}

impl Sesi {
    /// The session cookie's user. Only the cookie: credentials headers are checked once per
    /// request, by the extractor, so that rendering a refusal in the caller's frame neither
    /// hashes a password again nor counts its failure twice.
    pub async fn dari(headers: &HeaderMap, n: &Negara) -> Sesi {
        if let Some(token) = cookie(headers, COOKIE_SESI)
            && let Ok(Some((akun, csrf))) = n.toko.sesi(&digest(&token)).await
            && let Some(mut p) = pengguna(akun)
        {
            p.csrf = csrf;
            return Sesi(Some(p));
        }
        Sesi(None)
    }
}

/// An account as a caller without a session (no CSRF token: it cannot post forms).
fn pengguna(akun: Akun) -> Option<Pengguna> {
    Some(Pengguna {
        peran: Peran::parse(&akun.peran)?,
        nama: akun.nama,
        instansi: akun.instansi,
        csrf: String::new(),
    })
}

enum Kredensial {
    Basic(String, String),
    Bearer(String),
}

fn kredensial(headers: &HeaderMap) -> Option<Kredensial> {
    use base64::Engine;
    let v = headers.get(AUTHORIZATION)?.to_str().ok()?;
    // The scheme's name is case-insensitive (RFC 9110, 11.1).
    let (skema, isi) = v.trim().split_once(' ')?;
    let isi = isi.trim();
    if skema.eq_ignore_ascii_case("bearer") {
        return Some(Kredensial::Bearer(isi.to_string()));
    }
    if !skema.eq_ignore_ascii_case("basic") {
        return None;
    }
    let teks = String::from_utf8(base64::engine::general_purpose::STANDARD.decode(isi).ok()?);
    let (n, s) = teks
        .ok()?
        .split_once(':')
        .map(|(n, s)| (n.to_string(), s.to_string()))?;
    Some(Kredensial::Basic(n, s))
}

/// A new API token: 256 random bits, with a prefix that says what it is (in a log or a
/// secret scanner).
pub fn token_api_baru() -> String {
    format!("knj_{}", token_acak())
}

/// The client's address: the peer's, or, when the peer is this machine (the reverse proxy
/// that `kinerja serve --publik` asks for), the last `X-Forwarded-For` entry: the address the
/// proxy saw (earlier entries are whatever the client wrote). `None` without `ConnectInfo`.
pub fn alamat_klien(headers: &HeaderMap, ext: &Extensions) -> Option<IpAddr> {
    let peer = ext.get::<ConnectInfo<SocketAddr>>()?.0.ip();
    if !peer.is_loopback() {
        return Some(peer);
    }
    let diteruskan = headers
        .get_all("x-forwarded-for")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .flat_map(|v| v.split(','))
        .next_back()
        .map(str::trim)
        .and_then(|s| {
            s.parse::<IpAddr>()
                .ok()
                .or_else(|| s.parse::<SocketAddr>().ok().map(|a| a.ip()))
        });
    Some(diteruskan.unwrap_or(peer))
}

/// Why a password login did not happen.
#[derive(Debug)]
pub enum GagalMasuk {
    /// Wrong name or password (which of the two is not said).
    Salah,
    /// Too many failures: the client waits this long before the next attempt is checked.
    Terlalu(Duration),
    /// The hashing pool is full.
    Sibuk,
    Simpan(kinerja_simpan::Galat),
}

impl GagalMasuk {
    pub fn kode(&self) -> StatusCode {
        match self {
            GagalMasuk::Salah => StatusCode::UNAUTHORIZED,
            GagalMasuk::Terlalu(_) => StatusCode::TOO_MANY_REQUESTS,
            GagalMasuk::Sibuk | GagalMasuk::Simpan(_) => StatusCode::SERVICE_UNAVAILABLE,
        }
    }

    fn kode_api(&self) -> &'static str {
        match self {
            GagalMasuk::Salah => "kredensial_salah",
            GagalMasuk::Terlalu(_) => "terlalu_banyak_percobaan",
            GagalMasuk::Sibuk | GagalMasuk::Simpan(_) => "sibuk",
        }
    }

    /// For the person at the login form.
    pub fn pesan(&self) -> String {
        match self {
            GagalMasuk::Salah => "nama pengguna atau kata sandi salah".into(),
            GagalMasuk::Terlalu(d) => format!(
                "terlalu banyak percobaan masuk yang gagal; coba lagi dalam {}",
                lama_tunggu(*d)
            ),
            GagalMasuk::Sibuk => {
                "server sedang sibuk memeriksa kata sandi; coba lagi sebentar lagi".into()
            }
            GagalMasuk::Simpan(_) => {
                "penyimpanan sedang tidak dapat melayani; coba lagi sebentar lagi".into()
            }
        }
    }

    /// The `Retry-After` of the answer, if any.
    pub fn tunggu(&self) -> Option<Duration> {
        match self {
            GagalMasuk::Terlalu(d) => Some(*d),
            GagalMasuk::Sibuk => Some(TUNGGU_SIBUK),
            _ => None,
        }
    }
}

/// A password login, whatever the door: the throttle, then the account's hash (a dummy one
/// for an unknown name, at the same cost) on the hashing pool, then the count.
pub async fn masuk(
    n: &Negara,
    alamat: Option<IpAddr>,
    nama: &str,
    sandi: &str,
) -> Result<Akun, GagalMasuk> {
    n.pembatas.izin(alamat, nama).map_err(GagalMasuk::Terlalu)?;
    let akun = n.toko.akun(nama).await.map_err(GagalMasuk::Simpan)?;
    let hash = akun.as_ref().map(|a| a.hash.as_str());
    if !n
        .sandi
        .cocok(sandi, hash)
        .await
        .map_err(|_| GagalMasuk::Sibuk)?
    {
        n.pembatas.gagal(alamat, nama);
        return Err(GagalMasuk::Salah);
    }
    n.pembatas.berhasil(nama);
    akun.ok_or(GagalMasuk::Salah)
}

/// `Retry-After`: whole seconds, rounded up, at least 1.
pub fn retry_after(d: Duration) -> (axum::http::HeaderName, HeaderValue) {
    let detik = d.as_secs() + u64::from(d.subsec_nanos() > 0);
    (RETRY_AFTER, HeaderValue::from(detik.max(1)))
}

/// "12 detik", "3 menit" (rounded up).
fn lama_tunggu(d: Duration) -> String {
    let detik = (d.as_secs() + u64::from(d.subsec_nanos() > 0)).max(1);
    if detik < 60 {
        format!("{detik} detik")
    } else {
        format!("{} menit", detik.div_ceil(60))
    }
}

fn tolakan(
    status: StatusCode,
    kode: &'static str,
    pesan: String,
    tunggu: Option<Duration>,
) -> Response {
    let mut r = GalatHttp::baru(status, kode, pesan).into_response();
    if let Some(d) = tunggu {
        let (k, v) = retry_after(d);
        r.headers_mut().insert(k, v);
    }
    if kode == "token_tidak_sah" {
        r.headers_mut().insert(
            WWW_AUTHENTICATE,
            HeaderValue::from_static("Bearer realm=\"kinerja\", error=\"invalid_token\""),
        );
    }
    r
}

#[cfg(test)]
mod tests {
    use super::*;

    fn p(peran: Peran, instansi: Option<&str>) -> Pengguna {
        Pengguna {
            nama: "x".into(),
            peran,
            instansi: instansi.map(|i| InstansiId::new(i).unwrap()),
            csrf: String::new(),
        }
    }

    #[test]
    fn waits_are_told_in_whole_seconds_rounded_up() {
        assert_eq!(retry_after(Duration::from_millis(1)).1, "1");
        assert_eq!(retry_after(Duration::from_millis(2001)).1, "3");
        assert_eq!(lama_tunggu(Duration::from_millis(500)), "1 detik");
        assert_eq!(lama_tunggu(Duration::from_secs(59)), "59 detik");
        // 61 s is a second minute begun: "2 menit".
        assert_eq!(lama_tunggu(Duration::from_secs(61)), "2 menit");
        assert_eq!(lama_tunggu(Duration::from_secs(900)), "15 menit");
    }

    #[test]
    fn only_an_admin_or_the_instansi_own_operator_may_change_its_shared_record() {
        let m = InstansiId::new("mumbulsari").unwrap();
        let hak = |x: Option<Pengguna>| hak(&Sesi(x));
        assert_eq!(hak(Some(p(Peran::Admin, None))), Hak::Semua);
        assert!(hak(Some(p(Peran::Operator, Some("mumbulsari")))).boleh_ubah(&m));
        assert!(!hak(Some(p(Peran::Operator, Some("jember")))).boleh_ubah(&m));
        // Pimpinan approves, pereviu reads: neither changes data.
        assert!(!hak(Some(p(Peran::Pimpinan, Some("mumbulsari")))).boleh_ubah(&m));
        assert!(!hak(Some(p(Peran::Pereviu, None))).boleh_ubah(&m));
        assert!(!hak(None).boleh_ubah(&m));
    }

    #[test]
    fn the_client_address_is_the_peer_or_what_a_local_proxy_saw() {
        let mut ext = Extensions::new();
        let h = |xff: &[&str]| {
            let mut h = HeaderMap::new();
            for v in xff {
                h.append("x-forwarded-for", v.parse().unwrap());
            }
            h
        };
        assert_eq!(alamat_klien(&h(&[]), &ext), None);
        ext.insert(ConnectInfo(SocketAddr::from(([203, 0, 113, 5], 40000))));
        // A remote peer's own header is not believed.
        assert_eq!(
            alamat_klien(&h(&["198.51.100.1"]), &ext),
            Some([203, 0, 113, 5].into())
        );
        ext.insert(ConnectInfo(SocketAddr::from(([127, 0, 0, 1], 40000))));
        assert_eq!(alamat_klien(&h(&[]), &ext), Some([127, 0, 0, 1].into()));
        // Behind a local proxy: the last entry, the one the proxy appended.
        assert_eq!(
            alamat_klien(&h(&["6.6.6.6, 198.51.100.1"]), &ext),
            Some([198, 51, 100, 1].into())
        );
        assert_eq!(
            alamat_klien(&h(&["6.6.6.6", "198.51.100.2:5000"]), &ext),
            Some([198, 51, 100, 2].into())
        );
        assert_eq!(
            alamat_klien(&h(&["bukan alamat"]), &ext),
            Some([127, 0, 0, 1].into())
        );
    }

    #[test]
    fn credentials_schemes_are_case_insensitive() {
        let baca = |v: &str| {
            let mut h = HeaderMap::new();
            h.insert(AUTHORIZATION, v.parse().unwrap());
            match kredensial(&h) {
                Some(Kredensial::Basic(n, s)) => format!("basic {n} {s}"),
                Some(Kredensial::Bearer(t)) => format!("bearer {t}"),
                None => "-".into(),
            }
        };
        // "b3A6c2FuZGk6MQ==" is base64 of "op:sandi:1" (a password may hold a colon).
        assert_eq!(baca("Basic b3A6c2FuZGk6MQ=="), "basic op sandi:1");
        assert_eq!(baca("basic  b3A6c2FuZGk6MQ=="), "basic op sandi:1");
        assert_eq!(baca("BEARER knj_x"), "bearer knj_x");
        assert_eq!(baca("Digest x"), "-");
        assert_eq!(baca("Basic !!"), "-");
    }

    #[test]
    fn operators_edit_only_their_own_instansi() {
        let m = InstansiId::new("mumbulsari").unwrap();
        let lain = InstansiId::new("kalisat").unwrap();
        let op = p(Peran::Operator, Some("mumbulsari"));
        assert!(boleh(Some(&op), Tindakan::Ubah, &m, false));
        assert!(!boleh(Some(&op), Tindakan::Ubah, &lain, true));
        assert!(!boleh(Some(&op), Tindakan::Setujui, &m, false));
        assert!(!boleh(Some(&op), Tindakan::Lihat, &lain, false));
        assert!(boleh(Some(&op), Tindakan::Lihat, &lain, true));
        let pim = p(Peran::Pimpinan, Some("mumbulsari"));
        assert!(boleh(Some(&pim), Tindakan::Setujui, &m, false));
        assert!(!boleh(Some(&pim), Tindakan::Ubah, &m, false));
        assert!(!boleh(None, Tindakan::Lihat, &m, false));
        assert!(boleh(None, Tindakan::Lihat, &m, true));
        assert!(!boleh(None, Tindakan::LihatJejak, &m, true));
        let rev = p(Peran::Pereviu, None);
        assert!(boleh(Some(&rev), Tindakan::LihatJejak, &lain, false));
        assert!(!boleh(Some(&rev), Tindakan::Ubah, &lain, false));
        assert!(boleh(Some(&rev), Tindakan::Catat, &lain, false));
        assert!(!boleh(Some(&op), Tindakan::Catat, &m, false));
    }
}
