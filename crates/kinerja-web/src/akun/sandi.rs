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
//!
//! Each check's working memory is kept and reused: one buffer per check that may run at once.
//! Allocated per check, on whichever blocking thread ran it, the allocator kept hundreds of MiB
//! across its per-thread arenas after a burst of Basic clients; reused, it is `kerja` × 19 MiB,
//! allocated once.

use argon2::password_hash::phc::Output;
use argon2::{Algorithm, Argon2, Block, Params, PasswordHash, PasswordHasher, Version};
use std::sync::atomic::{AtomicU64, Ordering};
use std::sync::{Arc, LazyLock, Mutex};
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

/// Argon2's working memory for one check.
type Memori = Vec<Block>;

/// Whether `sandi` is the password of `hash`; `None` (no account) is checked against the
/// dummy hash and is never a match. Blocking: call through `KolamSandi::cocok`.
fn periksa(sandi: &str, hash: Option<&str>, memori: &mut Memori) -> bool {
    if let Some(cocok) = hash.and_then(|h| hitung(sandi, h, memori)) {
        return cocok;
    }
    let _ = hitung(sandi, &TIRUAN, memori);
    false
}

/// Whether `sandi` gives `hash`'s output (`argon2::PasswordVerifier`, in `memori`); `None` when
/// `hash` is not an argon2 hash that can be computed.
fn hitung(sandi: &str, hash: &str, memori: &mut Memori) -> Option<bool> {
    let h = PasswordHash::new(hash).ok()?;
    let (garam, harapan) = (h.salt.as_ref()?, h.hash.as_ref()?);
    let algoritma = Algorithm::try_from(h.algorithm.as_str()).ok()?;
    let versi = match h.version {
        Some(v) => Version::try_from(v).ok()?,
        None => Version::default(),
    };
    let param = Params::try_from(&h).ok()?;
    if memori.len() < param.block_count() {
        memori.resize(param.block_count(), Block::default());
    }
    let mut keluaran = vec![0u8; harapan.len()];
    Argon2::new(algoritma, versi, param)
        .hash_password_into_with_memory(sandi.as_bytes(), garam, &mut keluaran, &mut memori[..])
        .ok()?;
    // `Output` compares in constant time.
    Some(Output::new(&keluaran).ok()? == *harapan)
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
    /// Idle working memories; at most `kerja` exist, as at most `kerja` checks run.
    memori: Arc<Mutex<Vec<Memori>>>,
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
            memori: Arc::default(),
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
        let simpanan = self.memori.clone();
        tokio::task::spawn_blocking(move || {
            let _tahan = (tiket, izin);
            let ambil = || simpanan.lock().unwrap_or_else(|e| e.into_inner());
            let mut memori = ambil().pop().unwrap_or_default();
            let cocok = periksa(&sandi, hash.as_deref(), &mut memori);
            ambil().push(memori);
            cocok
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
    fn passwords_hash_and_verify_in_reused_memory() {
        let h = hash_sandi("rahasia-mumbulsari").unwrap();
        assert!(h.starts_with("$argon2id$"), "{h}");
        assert_ne!(h, hash_sandi("rahasia-mumbulsari").unwrap(), "salted");
        // One buffer, used over and over (right, wrong, right), gives the same answers as the
        // crate's own verifier.
        let mut m = Memori::new();
        for (sandi, harap) in [
            ("rahasia-mumbulsari", true),
            ("rahasia-mumbulsarI", false),
            ("", false),
            ("rahasia-mumbulsari", true),
        ] {
            assert_eq!(periksa(sandi, Some(&h), &mut m), harap, "{sandi}");
            let sendiri = argon2::PasswordVerifier::verify_password(
                &Argon2::default(),
                sandi.as_bytes(),
                h.as_str(),
            );
            assert_eq!(sendiri.is_ok(), harap);
        }
        // 19456 blocks of 1 KiB: argon2's default m_cost, the one buffer's size.
        assert_eq!(m.len(), 19_456);
    }

    #[test]
    fn the_dummy_hash_has_the_parameters_of_real_ones() {
        // m=19456 KiB, t=2, p=1: argon2's defaults, which `hash_sandi` uses.
        let nyata = hash_sandi("x").unwrap();
        let param = |h: &str| h.split('$').nth(3).unwrap().to_string();
        assert_eq!(param(&TIRUAN), "m=19456,t=2,p=1");
        assert_eq!(param(&TIRUAN), param(&nyata));
        let mut m = Memori::new();
        assert!(!periksa("", None, &mut m));
        assert_eq!(m.len(), 19_456, "the dummy check ran");
        let mut m = Memori::new();
        assert!(!periksa("x", Some("bukan hash"), &mut m));
        assert_eq!(m.len(), 19_456, "the dummy check ran");
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
        assert_eq!(
            k.memori.lock().unwrap().len(),
            1,
            "one memory, as one check at once"
        );
    }
}
