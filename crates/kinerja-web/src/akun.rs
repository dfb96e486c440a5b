//! Who is asking, and what they may do. One policy (`boleh`) answers for every route of the web
//! interface and the API; `tests/peran.rs` walks every route with every role against it.
//!
//! Sessions: a random 256-bit cookie value, stored only as its SHA-256 digest; HttpOnly,
//! SameSite=Lax, 8 hours. Every POST carries the session's CSRF token (synchronizer token);
//! the login form, before any session, uses a double-submit cookie. Passwords: argon2id.

use crate::Negara;
use argon2::{Argon2, PasswordHasher, PasswordVerifier};
use axum::extract::FromRequestParts;
use axum::http::HeaderMap;
use axum::http::header::{AUTHORIZATION, COOKIE};
use axum::http::request::Parts;
use kinerja_core::id::InstansiId;
use kinerja_simpan::Hak;
use sha2::{Digest, Sha256};
use std::collections::{HashMap, VecDeque};
use std::convert::Infallible;
use std::sync::Mutex;
use std::time::{Duration, Instant};

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
    /// The session's CSRF token; empty for HTTP Basic callers (API), who send no cookie.
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
    /// A reviewer's note on the dashboard.
    Catat,
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
        (Peran::Pereviu, Tindakan::Lihat | Tindakan::LihatJejak | Tindakan::Catat) => true,
        (Peran::Pereviu, _) => false,
        (Peran::Operator | Peran::Pimpinan, Tindakan::Lihat) => milik || terbit,
        (Peran::Operator | Peran::Pimpinan, Tindakan::LihatJejak) => milik,
        (Peran::Operator, Tindakan::Ubah | Tindakan::Ajukan) => milik,
        (Peran::Pimpinan, Tindakan::Setujui | Tindakan::Buka) => milik,
        (Peran::Operator | Peran::Pimpinan, _) => false,
    }
}

pub fn hash_sandi(sandi: &str) -> Result<String, String> {
    Argon2::default()
        .hash_password(sandi.as_bytes())
        .map(|h| h.to_string())
        .map_err(|e| format!("tidak dapat membuat hash kata sandi: {e}"))
}

pub fn cocok(sandi: &str, hash: &str) -> bool {
    Argon2::default()
        .verify_password(sandi.as_bytes(), hash)
        .is_ok()
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

/// The caller: a session cookie, or HTTP Basic credentials (API clients), or nobody.
#[derive(Debug, Clone)]
pub struct Sesi(pub Option<Pengguna>);

impl FromRequestParts<Negara> for Sesi {
    type Rejection = Infallible;

    async fn from_request_parts(parts: &mut Parts, n: &Negara) -> Result<Sesi, Infallible> {
        Ok(Sesi::dari(&parts.headers, n).await)
    }
}

impl Sesi {
    /// The caller named by the request's headers.
    pub async fn dari(headers: &HeaderMap, n: &Negara) -> Sesi {
        if let Some(token) = cookie(headers, COOKIE_SESI)
            && let Ok(Some((akun, csrf))) = n.toko.sesi(&digest(&token)).await
            && let Some(peran) = Peran::parse(&akun.peran)
        {
            return Sesi(Some(Pengguna {
                nama: akun.nama,
                peran,
                instansi: akun.instansi,
                csrf,
            }));
        }
        if let Some((nama, sandi)) = basic(headers)
            && n.pembatas.boleh_coba(&nama)
        {
            match n.toko.akun(&nama).await {
                Ok(Some(akun)) if cocok(&sandi, &akun.hash) => {
                    n.pembatas.berhasil(&nama);
                    if let Some(peran) = Peran::parse(&akun.peran) {
                        return Sesi(Some(Pengguna {
                            nama: akun.nama,
                            peran,
                            instansi: akun.instansi,
                            csrf: String::new(),
                        }));
                    }
                }
                _ => n.pembatas.gagal(&nama),
            }
        }
        Sesi(None)
    }
}

fn basic(headers: &HeaderMap) -> Option<(String, String)> {
    use base64::Engine;
    let v = headers.get(AUTHORIZATION)?.to_str().ok()?;
    let b = v.strip_prefix("Basic ")?;
    let teks = String::from_utf8(base64::engine::general_purpose::STANDARD.decode(b).ok()?).ok()?;
    let (n, s) = teks.split_once(':')?;
    Some((n.to_string(), s.to_string()))
}

/// Failed logins per key (user name, client address): at most `BATAS` in `JENDELA`; then the
/// key waits until the oldest failure leaves the window. Kept in memory: a restart forgets,
/// which is acceptable for slowing down guessing.
#[derive(Debug, Default)]
pub struct Pembatas {
    gagal: Mutex<HashMap<String, VecDeque<Instant>>>,
}

pub const BATAS: usize = 5;
pub const JENDELA: Duration = Duration::from_secs(15 * 60);

impl Pembatas {
    pub fn boleh_coba(&self, kunci: &str) -> bool {
        let mut m = self.gagal.lock().expect("not poisoned");
        match m.get_mut(kunci) {
            Some(q) => {
                while q.front().is_some_and(|t| t.elapsed() > JENDELA) {
                    q.pop_front();
                }
                q.len() < BATAS
            }
            None => true,
        }
    }
    pub fn gagal(&self, kunci: &str) {
        self.gagal
            .lock()
            .expect("not poisoned")
            .entry(kunci.to_string())
            .or_default()
            .push_back(Instant::now());
    }
    pub fn berhasil(&self, kunci: &str) {
        self.gagal.lock().expect("not poisoned").remove(kunci);
    }
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
    fn passwords_hash_and_verify() {
        let h = hash_sandi("rahasia-mumbulsari").unwrap();
        assert!(h.starts_with("$argon2id$"), "{h}");
        assert!(cocok("rahasia-mumbulsari", &h));
        assert!(!cocok("rahasia-mumbulsarI", &h));
        assert_ne!(h, hash_sandi("rahasia-mumbulsari").unwrap(), "salted");
    }

    #[test]
    fn the_rate_limit_counts_failures_per_key() {
        let b = Pembatas::default();
        for _ in 0..BATAS {
            assert!(b.boleh_coba("budi"));
            b.gagal("budi");
        }
        assert!(!b.boleh_coba("budi"));
        assert!(b.boleh_coba("siti"));
        b.berhasil("budi");
        assert!(b.boleh_coba("budi"));
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
