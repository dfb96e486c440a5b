//! Passwords: argon2id, checked off the async workers.
//!
//! One check costs tens of milliseconds of CPU and 19 MiB (argon2's default parameters). On the
//! async workers, a few HTTP Basic clients stalled every other request, and hundreds of them
//! held gigabytes. So every check runs on tokio's blocking pool behind two limits: at most
//! `kerja` checks at once (the cores: more would only share them), and at most `antrian`
//! checks admitted, running or waiting; past that a caller is told to come back (`Sibuk`, a 503
//! with `Retry-After`) instead of queueing without end.
//!
//! A name that has no account, or whose stored hash does not parse, is checked against a
//! dummy hash of the same parameters, so that the answer takes as long as for a real account
//! and its timing does not tell which names exist.

use argon2::password_hash::Error as GalatHash;
use argon2::{Argon2, PasswordHasher, PasswordVerifier};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, LazyLock};
use tokio::sync::Semaphore;

pub fn hash_sandi(sandi: &str) -> Result<String, String> {
    Argon2::default()
        .hash_password(sandi.as_bytes())
        .map(|h| h.to_string())
        .map_err(|e| format!("tidak dapat membuat hash kata sandi: {e}"))
}

/// A hash nobody knows the password of (a random one), made once, with `hash_sandi`'s
/// parameters.
static TIRUAN: LazyLock<String> =
    LazyLock::new(|| hash_sandi(&super::token_acak()).expect("argon2 with default parameters"));

/// Whether `sandi` is the password of `hash`; `None` (no account) is checked against the
/// dummy hash and is never a match. Blocking: call through `KolamSandi::cocok`.
fn periksa(sandi: &str, hash: Option<&str>) -> bool {
    let a = Argon2::default();
    match hash.map(|h| a.verify_password(sandi.as_bytes(), h)) {
        Some(Ok(())) => true,
        Some(Err(GalatHash::PasswordInvalid)) => false,
        _ => {
            let _ = a.verify_password(sandi.as_bytes(), TIRUAN.as_str());
            false
        }
    }
}

/// The server is checking as many passwords as it admits; try again shortly.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Sibuk;

/// How long a refused caller is told to wait (`Retry-After`): a queue of checks drains in
/// well under a second.
pub const TUNGGU_SIBUK: std::time::Duration = std::time::Duration::from_secs(1);

#[derive(Debug)]
pub struct KolamSandi {
    kerja: Arc<Semaphore>,
    antrian: Arc<Semaphore>,
    diperiksa: AtomicU64,
}

impl Default for KolamSandi {
    /// A check per core at once, and eight per core admitted: at ~50 ms a check, a caller
    /// waits at most about half a second.
    fn default() -> Self {
        let inti = std::thread::available_parallelism().map_or(1, |n| n.get());
        KolamSandi::baru(inti, 8 * inti)
    }
}

impl KolamSandi {
    /// `kerja` checks at once, `antrian` admitted in all (at least `kerja`).
    pub fn baru(kerja: usize, antrian: usize) -> KolamSandi {
        let kerja = kerja.max(1);
        KolamSandi {
            kerja: Arc::new(Semaphore::new(kerja)),
            antrian: Arc::new(Semaphore::new(antrian.max(kerja))),
            diperiksa: AtomicU64::new(0),
        }
    }

    /// Checks a password (against the dummy hash when `hash` is `None`) on the blocking pool.
    pub async fn cocok(&self, sandi: &str, hash: Option<&str>) -> Result<bool, Sibuk> {
        // Held until the check ends, also when the caller goes away while it runs: the CPU is
        // busy until then.
        let tiket = self
            .antrian
            .clone()
            .try_acquire_owned()
            .map_err(|_| Sibuk)?;
        let izin = self
            .kerja
            .clone()
            .acquire_owned()
            .await
            .map_err(|_| Sibuk)?;
        self.diperiksa.fetch_add(1, Ordering::Relaxed);
        let (sandi, hash) = (sandi.to_string(), hash.map(str::to_string));
        tokio::task::spawn_blocking(move || {
            let _tahan = (tiket, izin);
            periksa(&sandi, hash.as_deref())
        })
        .await
        .map_err(|e| {
            tracing::error!("pemeriksaan kata sandi gagal: {e}");
            Sibuk
        })
    }

    /// Checks started since the server started (each one argon2 run).
    pub fn jumlah_diperiksa(&self) -> u64 {
        self.diperiksa.load(Ordering::Relaxed)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn passwords_hash_and_verify() {
        let h = hash_sandi("rahasia-mumbulsari").unwrap();
        assert!(h.starts_with("$argon2id$"), "{h}");
        assert!(periksa("rahasia-mumbulsari", Some(&h)));
        assert!(!periksa("rahasia-mumbulsarI", Some(&h)));
        assert_ne!(h, hash_sandi("rahasia-mumbulsari").unwrap(), "salted");
    }

    #[test]
    fn the_dummy_hash_has_the_parameters_of_real_ones() {
        // m=19456 KiB, t=2, p=1: argon2's defaults, which `hash_sandi` uses.
        let nyata = hash_sandi("x").unwrap();
        let param = |h: &str| h.split('$').nth(3).unwrap().to_string();
        assert_eq!(param(&TIRUAN), "m=19456,t=2,p=1");
        assert_eq!(param(&TIRUAN), param(&nyata));
        assert!(!periksa("", None));
        assert!(!periksa("x", Some("bukan hash")));
    }

    #[tokio::test]
    async fn checks_past_the_queue_are_refused_not_queued() {
        // One check at once, two admitted: a third caller while two are in is refused. The
        // test holds the one place to run, so that both stay in until it lets go.
        let k = Arc::new(KolamSandi::baru(1, 2));
        let h = hash_sandi("sandi-uji-2020").unwrap();
        let sumbat = k.kerja.clone().acquire_owned().await.unwrap();
        let tugas: Vec<_> = (0..2)
            .map(|_| {
                let (k, h) = (k.clone(), h.clone());
                tokio::spawn(async move { k.cocok("sandi-uji-2020", Some(&h)).await })
            })
            .collect();
        // Until both are admitted.
        while k.antrian.available_permits() > 0 {
            tokio::task::yield_now().await;
        }
        assert_eq!(k.cocok("sandi-uji-2020", Some(&h)).await, Err(Sibuk));
        drop(sumbat);
        for t in tugas {
            assert_eq!(t.await.unwrap(), Ok(true));
        }
        assert_eq!(k.cocok("salah", Some(&h)).await, Ok(false), "room again");
        assert_eq!(k.jumlah_diperiksa(), 3, "the refused caller ran no check");
    }
}
