//! Login throttling, one for every door (the login form and HTTP Basic), keyed by the client's
//! address and by the account name.
//!
//! The rules, and why:
//! - Each failed password counts once for the address and once for the name (existing or not:
//!   the throttle must not tell which names exist). One failure per key is forgiven every
//!   `maaf`, so the occasional typo of an office behind one NAT address never adds up, while a
//!   guessing run does.
//! - An address with `bebas_alamat` unforgiven failures waits `awal` after its last failure,
//!   then twice as long after each further one (1 s, 2 s, 4 s ...), at most `maks`. While it
//!   waits, its attempts are refused before any password is checked (429 with `Retry-After`)
//!   and are not counted: hammering does not lengthen the wait, and costs no hash.
//! - A name with `bebas_akun` unforgiven failures is under attack. That never refuses the
//!   right password from an address that is not waiting, so a stranger cannot lock the real
//!   user out; instead an address that fails on such a name waits at once. Guessing one
//!   account from many addresses thus costs a wait per guess per address.
//! - Without a known address (a server embedded without `ConnectInfo`) the name is the only
//!   key, and waits like an address.
//! - A success clears the name's failures, not the address's: one's own account must not be a
//!   way to reset the count while guessing another's.
//! - Memory is bounded: at most `kapasitas` entries per key kind. When full, forgiven entries
//!   go first, then a quarter of the rest, fewest failures and oldest first, so that a flood of
//!   random names cannot push out the record of a real attack. Names are kept as 128 bits of
//!   their SHA-256 (fixed size, whatever a client sends); IPv6 addresses by their /64 prefix
//!   (one subscriber's block). Kept in memory: a restart forgets, which only gives an attacker
//!   back the free attempts.

use sha2::{Digest, Sha256};
use std::collections::HashMap;
use std::hash::Hash;
use std::net::IpAddr;
use std::sync::Mutex;
use std::time::{Duration, Instant};

#[derive(Debug, Clone, Copy)]
pub struct Aturan {
    pub bebas_alamat: u32,
    pub bebas_akun: u32,
    pub awal: Duration,
    pub maks: Duration,
    /// One failure per key is forgiven this often (at least `maks`, so that a wait ends
    /// before the failure that caused it is forgiven).
    pub maaf: Duration,
    pub kapasitas: usize,
}

impl Default for Aturan {
    fn default() -> Aturan {
        Aturan {
            bebas_alamat: 10,
            bebas_akun: 5,
            awal: Duration::from_secs(1),
            maks: Duration::from_secs(15 * 60),
            maaf: Duration::from_secs(15 * 60),
            kapasitas: 50_000,
        }
    }
}

#[derive(Debug, Clone, Copy)]
struct Catatan {
    gagal: u32,
    terakhir: Instant,
}

impl Catatan {
    /// Failures not yet forgiven at `kini`.
    fn sisa_gagal(&self, kini: Instant, a: &Aturan) -> u32 {
        let lewat =
            kini.saturating_duration_since(self.terakhir).as_nanos() / a.maaf.as_nanos().max(1);
        self.gagal
            .saturating_sub(u32::try_from(lewat).unwrap_or(u32::MAX))
    }

    /// How long the key still waits at `kini`, if it does.
    fn tunggu(&self, kini: Instant, bebas: u32, a: &Aturan) -> Option<Duration> {
        let lebih = self.gagal.checked_sub(bebas)?;
        // 2^lebih seconds, capped (2^20 > any sensible cap, and keeps the shift in range).
        let lama = a.awal.saturating_mul(1 << lebih.min(20)).min(a.maks);
        (self.terakhir + lama)
            .checked_duration_since(kini)
            .filter(|d| !d.is_zero())
    }
}

/// Entries of one key kind, at most `kapasitas`.
#[derive(Debug)]
struct Peta<K> {
    isi: HashMap<K, Catatan>,
}

impl<K: Hash + Eq + Clone> Peta<K> {
    fn baru() -> Peta<K> {
        Peta {
            isi: HashMap::new(),
        }
    }

    fn tunggu(&self, k: &K, kini: Instant, bebas: u32, a: &Aturan) -> Option<Duration> {
        self.isi.get(k)?.tunggu(kini, bebas, a)
    }

    fn sisa_gagal(&self, k: &K, kini: Instant, a: &Aturan) -> u32 {
        self.isi.get(k).map_or(0, |c| c.sisa_gagal(kini, a))
    }

    /// Counts a failure; the count becomes at least `paling_sedikit`.
    fn gagal(&mut self, k: &K, kini: Instant, paling_sedikit: u32, a: &Aturan) {
        if !self.isi.contains_key(k) && self.isi.len() >= a.kapasitas {
            self.sisihkan(kini, a);
        }
        let c = self.isi.entry(k.clone()).or_insert(Catatan {
            gagal: 0,
            terakhir: kini,
        });
        c.gagal = (c.sisa_gagal(kini, a) + 1).max(paling_sedikit);
        c.terakhir = kini;
    }

    fn hapus(&mut self, k: &K) {
        self.isi.remove(k);
    }

    /// Makes room: forgiven entries, then the quarter with the fewest failures, oldest first.
    /// The table is rebuilt at its full size: deletions leave tombstones that would otherwise
    /// make it grow.
    fn sisihkan(&mut self, kini: Instant, a: &Aturan) {
        let mut urut: Vec<(u32, Instant, K, Catatan)> = self
            .isi
            .drain()
            .filter_map(|(k, c)| {
                let n = c.sisa_gagal(kini, a);
                (n > 0).then_some((n, c.terakhir, k, c))
            })
            .collect();
        if urut.len() >= a.kapasitas {
            let buang = (a.kapasitas / 4).max(1);
            urut.select_nth_unstable_by(buang - 1, |x, y| (x.0, x.1).cmp(&(y.0, y.1)));
            urut.drain(..buang);
        }
        self.isi = HashMap::with_capacity(a.kapasitas);
        self.isi.extend(urut.into_iter().map(|(_, _, k, c)| (k, c)));
    }
}

/// The key of a client address: IPv4 as is, IPv6 by its /64 prefix.
fn kunci_alamat(a: IpAddr) -> IpAddr {
    match a {
        IpAddr::V6(v6) => match v6.to_ipv4_mapped() {
            Some(v4) => IpAddr::V4(v4),
            None => IpAddr::V6((u128::from(v6) & !((1u128 << 64) - 1)).into()),
        },
        v4 => v4,
    }
}

fn kunci_nama(nama: &str) -> [u8; 16] {
    let d = Sha256::digest(nama.as_bytes());
    let mut k = [0u8; 16];
    k.copy_from_slice(&d[..16]);
    k
}

#[derive(Debug)]
struct Isi {
    alamat: Peta<IpAddr>,
    nama: Peta<[u8; 16]>,
}

#[derive(Debug)]
pub struct Pembatas {
    aturan: Aturan,
    isi: Mutex<Isi>,
}

impl Default for Pembatas {
    fn default() -> Pembatas {
        Pembatas::baru(Aturan::default())
    }
}

impl Pembatas {
    pub fn baru(aturan: Aturan) -> Pembatas {
        Pembatas {
            aturan,
            isi: Mutex::new(Isi {
                alamat: Peta::baru(),
                nama: Peta::baru(),
            }),
        }
    }

    /// Whether an attempt may be checked now; `Err`: how long the client must still wait.
    pub fn izin(&self, alamat: Option<IpAddr>, nama: &str) -> Result<(), Duration> {
        self.izin_pada(alamat, nama, Instant::now())
    }

    /// Counts a failed password.
    pub fn gagal(&self, alamat: Option<IpAddr>, nama: &str) {
        self.gagal_pada(alamat, nama, Instant::now());
    }

    /// The right password: the name's failures are forgotten.
    pub fn berhasil(&self, nama: &str) {
        self.kunci().nama.hapus(&kunci_nama(nama));
    }

    fn kunci(&self) -> std::sync::MutexGuard<'_, Isi> {
        // A panic while holding the lock leaves counts, never a broken invariant: go on.
        self.isi.lock().unwrap_or_else(|e| e.into_inner())
    }

    fn izin_pada(&self, alamat: Option<IpAddr>, nama: &str, kini: Instant) -> Result<(), Duration> {
        let a = &self.aturan;
        let isi = self.kunci();
        let tunggu = match alamat {
            Some(ip) => isi
                .alamat
                .tunggu(&kunci_alamat(ip), kini, a.bebas_alamat, a),
            None => isi.nama.tunggu(&kunci_nama(nama), kini, a.bebas_akun, a),
        };
        tunggu.map_or(Ok(()), Err)
    }

    fn gagal_pada(&self, alamat: Option<IpAddr>, nama: &str, kini: Instant) {
        let a = &self.aturan;
        let mut isi = self.kunci();
        let k = kunci_nama(nama);
        let diserang = isi.nama.sisa_gagal(&k, kini, a) >= a.bebas_akun;
        isi.nama.gagal(&k, kini, 0, a);
        if let Some(ip) = alamat {
            let langsung = if diserang { a.bebas_alamat } else { 0 };
            isi.alamat.gagal(&kunci_alamat(ip), kini, langsung, a);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ip(s: &str) -> Option<IpAddr> {
        Some(s.parse().unwrap())
    }

    fn detik(n: u64) -> Duration {
        Duration::from_secs(n)
    }

    #[test]
    fn an_address_gets_free_attempts_then_doubling_waits_up_to_the_cap() {
        let p = Pembatas::default();
        let t0 = Instant::now();
        let a = ip("203.0.113.7");
        // Ten free failures (different names, as a guesser of many accounts would).
        for i in 0..10 {
            assert_eq!(p.izin_pada(a, &format!("u{i}"), t0), Ok(()));
            p.gagal_pada(a, &format!("u{i}"), t0);
        }
        // The 10th failure at t0: wait 1 s. Refused at t0 + 0,5 s with 0,5 s left, whatever
        // the name, and the refusal is not counted.
        let t = t0 + Duration::from_millis(500);
        assert_eq!(p.izin_pada(a, "lain", t), Err(Duration::from_millis(500)));
        assert_eq!(p.izin_pada(a, "lain", t), Err(Duration::from_millis(500)));
        // At t0 + 1 s: allowed; the 11th failure waits 2 s, the 12th 4 s.
        let t1 = t0 + detik(1);
        assert_eq!(p.izin_pada(a, "u0", t1), Ok(()));
        p.gagal_pada(a, "x", t1);
        assert_eq!(p.izin_pada(a, "u0", t1), Err(detik(2)));
        let t2 = t1 + detik(2);
        p.gagal_pada(a, "x", t2);
        assert_eq!(p.izin_pada(a, "u0", t2), Err(detik(4)));
        // 30 failures: 2^20 s capped at 15 minutes.
        let mut t = t2;
        for _ in 0..30 {
            p.gagal_pada(a, "x", t);
            t += Duration::from_millis(1);
        }
        assert_eq!(
            p.izin_pada(a, "x", t),
            Err(detik(900) - Duration::from_millis(1))
        );
        // Another address is not affected.
        assert_eq!(p.izin_pada(ip("198.51.100.1"), "x", t), Ok(()));
    }

    #[test]
    fn a_stranger_cannot_lock_the_real_user_out() {
        let p = Pembatas::default();
        let t = Instant::now();
        let penyerang = ip("203.0.113.7");
        for _ in 0..50 {
            p.gagal_pada(penyerang, "budi", t);
        }
        assert!(p.izin_pada(penyerang, "budi", t).is_err());
        // Budi, from his own address, is checked (and, with the right password, let in).
        assert_eq!(p.izin_pada(ip("198.51.100.20"), "budi", t), Ok(()));
    }

    #[test]
    fn an_address_failing_on_an_account_under_attack_waits_at_once() {
        let p = Pembatas::default();
        let t = Instant::now();
        // Five failures on budi from five addresses: budi is under attack, no address waits.
        for i in 1..=5 {
            p.gagal_pada(ip(&format!("203.0.113.{i}")), "budi", t);
            assert_eq!(p.izin_pada(ip(&format!("203.0.113.{i}")), "x", t), Ok(()));
        }
        // The sixth address fails once on budi and waits 1 s; on another name it would not.
        p.gagal_pada(ip("203.0.113.6"), "budi", t);
        assert_eq!(p.izin_pada(ip("203.0.113.6"), "budi", t), Err(detik(1)));
        p.gagal_pada(ip("203.0.113.7"), "siti", t);
        assert_eq!(p.izin_pada(ip("203.0.113.7"), "siti", t), Ok(()));
        // Budi's right password clears the attack: the next failure is an ordinary one.
        p.berhasil("budi");
        p.gagal_pada(ip("203.0.113.8"), "budi", t);
        assert_eq!(p.izin_pada(ip("203.0.113.8"), "budi", t), Ok(()));
    }

    #[test]
    fn failures_are_forgiven_one_per_quarter_hour() {
        let p = Pembatas::default();
        let t0 = Instant::now();
        let a = ip("203.0.113.7");
        for i in 0..10 {
            p.gagal_pada(a, &format!("u{i}"), t0);
        }
        // 30 minutes later two are forgiven: 8 + 1 = 9 failures, still free.
        let t = t0 + detik(30 * 60);
        p.gagal_pada(a, "v1", t);
        assert_eq!(p.izin_pada(a, "x", t), Ok(()));
        // The next one, at once, is the 10th: wait 1 s.
        p.gagal_pada(a, "v2", t);
        assert_eq!(p.izin_pada(a, "x", t), Err(detik(1)));
    }

    #[test]
    fn without_an_address_the_name_waits() {
        let p = Pembatas::default();
        let t = Instant::now();
        for _ in 0..5 {
            assert_eq!(p.izin_pada(None, "budi", t), Ok(()));
            p.gagal_pada(None, "budi", t);
        }
        assert_eq!(p.izin_pada(None, "budi", t), Err(detik(1)));
        assert_eq!(p.izin_pada(None, "siti", t), Ok(()));
    }

    #[test]
    fn ipv6_addresses_count_by_their_64_bit_prefix() {
        let p = Pembatas::default();
        let t = Instant::now();
        // Different names, so that no name is under attack (which would make an address wait
        // at once).
        for i in 0..10 {
            p.gagal_pada(ip(&format!("2001:db8:1:2::{i:x}")), &format!("n{i}"), t);
        }
        assert!(p.izin_pada(ip("2001:db8:1:2:ffff::1"), "y", t).is_err());
        assert_eq!(p.izin_pada(ip("2001:db8:1:3::1"), "y", t), Ok(()));
        // An IPv4 client seen through an IPv6 socket is its IPv4 address.
        for i in 0..10 {
            p.gagal_pada(ip("::ffff:192.0.2.9"), &format!("m{i}"), t);
        }
        assert!(p.izin_pada(ip("192.0.2.9"), "y", t).is_err());
    }

    #[test]
    fn memory_stays_bounded_under_150_000_random_names() {
        let aturan = Aturan {
            kapasitas: 10_000,
            ..Aturan::default()
        };
        let p = Pembatas::baru(aturan);
        let t0 = Instant::now();
        // A real attack on budi from one address, before the flood.
        let penyerang = ip("203.0.113.7");
        for _ in 0..20 {
            p.gagal_pada(penyerang, "budi", t0);
        }
        let mut acak = 0x9e37_79b9_7f4a_7c15_u64;
        let mut langkah = || {
            // xorshift64: deterministic, no dependency.
            acak ^= acak << 13;
            acak ^= acak >> 7;
            acak ^= acak << 17;
            acak
        };
        let batas = HashMap::<[u8; 16], Catatan>::with_capacity(10_000).capacity();
        let mut kapasitas_penuh = None;
        for i in 0..150_000u32 {
            let n = langkah();
            let nama = format!("{n:016x}-{}", "x".repeat((n % 200) as usize));
            let alamat = IpAddr::V4(std::net::Ipv4Addr::from((n >> 32) as u32));
            let t = t0 + Duration::from_micros(u64::from(i));
            p.gagal_pada(Some(alamat), &nama, t);
            let isi = p.kunci();
            assert!(isi.nama.isi.len() <= 10_000 && isi.alamat.isi.len() <= 10_000);
            assert!(isi.nama.isi.capacity() <= batas && isi.alamat.isi.capacity() <= batas);
            if i == 20_000 {
                kapasitas_penuh = Some((isi.nama.isi.capacity(), isi.alamat.isi.capacity()));
            }
        }
        // The tables stopped growing once full: their allocation is what it was at 20.000.
        let isi = p.kunci();
        assert_eq!(
            Some((isi.nama.isi.capacity(), isi.alamat.isi.capacity())),
            kapasitas_penuh
        );
        drop(isi);
        // The attack's records survived the flood.
        let t = t0 + Duration::from_micros(150_000);
        assert!(p.izin_pada(penyerang, "x", t).is_err());
        assert!(p.kunci().nama.sisa_gagal(&kunci_nama("budi"), t, &aturan) == 20);
    }
}
