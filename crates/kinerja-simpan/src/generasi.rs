//! Generations: numbers that committed writes raise, so that whatever was read or computed from
//! the database can be reused while the numbers it depends on are unchanged (the web's answer
//! cache, the store's copies of data sets). Three kinds, all in the database, so that every
//! process sees every other's writes:
//!
//! - the database's generation (`generasi.n`): raised by every committed transaction that
//!   changed a row (`Tx::selesai`);
//! - the common generation (`generasi.umum`): raised by every such transaction except the
//!   writes of a data set (`Toko::mulai_tulis`), which raise it only when they change an
//!   instansi record or create a data set (the instansi list);
//! - each data set's version (`versi_data`): raised by every write of that data set (its
//!   records, its periods' workflow), and by a change of an instansi record it carries.
//!
//! What a piece of work read is recorded with [`catat_bacaan`]: every read of the store inside
//! it is marked by the scope it runs in. A read the store does not know to be narrower marks
//! the database's generation (so an unclassified read is safe: anything invalidates it); the
//! reads of one data set ([`dalam_data`]) mark that data set, and reads of accounts, sessions
//! and the instansi list ([`dalam_umum`]) mark the common generation. The recording follows the
//! task (a tokio task-local): work spawned onto another task is not recorded, so a caller that
//! caches must not read the store from a spawned task.

use crate::basis::Kolam;
use crate::{Galat, Toko};
use std::cell::RefCell;
use std::collections::{BTreeSet, HashMap};
use std::future::Future;
use std::sync::{Arc, Mutex};
use tokio::sync::Notify;

/// The generations a piece of work depends on (see the module documentation).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Bacaan {
    /// Read something any write may change: depends on the database's generation.
    pub semua: bool,
    /// Read accounts, sessions or the instansi list: depends on the common generation.
    pub umum: bool,
    /// The data sets read (reporting instansi): depends on their versions.
    pub data: BTreeSet<String>,
}

/// The generations at one moment.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Generasi {
    pub semua: i64,
    pub umum: i64,
    /// Reporting instansi → version; a data set not yet created is absent.
    pub data: HashMap<String, i64>,
}

/// The part of a [`Generasi`] that a [`Bacaan`] depends on: equal stamps, equal results.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cap {
    semua: Option<i64>,
    umum: Option<i64>,
    data: Vec<(String, Option<i64>)>,
}

impl Generasi {
    /// The stamp of what `b` read, at these generations.
    pub fn cap(&self, b: &Bacaan) -> Cap {
        Cap {
            semua: b.semua.then_some(self.semua),
            umum: b.umum.then_some(self.umum),
            data: b
                .data
                .iter()
                .map(|p| (p.clone(), self.data.get(p).copied()))
                .collect(),
        }
    }

    /// Whether what was stamped `c` is still what a fresh read would give.
    pub fn masih(&self, c: &Cap) -> bool {
        c.semua.is_none_or(|g| g == self.semua)
            && c.umum.is_none_or(|g| g == self.umum)
            && c.data.iter().all(|(p, v)| self.data.get(p).copied() == *v)
    }
}

#[derive(Clone, Copy)]
enum Lingkup {
    Umum,
    Data,
}

tokio::task_local! {
    static BACAAN: RefCell<Bacaan>;
    static LINGKUP: Lingkup;
}

/// Runs `f`, and returns with its output what it read from the store.
pub async fn catat_bacaan<F: Future>(f: F) -> (F::Output, Bacaan) {
    BACAAN
        .scope(RefCell::new(Bacaan::default()), async {
            let o = f.await;
            (o, BACAAN.with(|b| b.take()))
        })
        .await
}

/// Marks a read by the scope it runs in (called by every read of `Kolam`).
pub(crate) fn tandai() {
    let lingkup = LINGKUP.try_with(|l| *l).ok();
    let _ = BACAAN.try_with(|b| {
        let mut b = b.borrow_mut();
        match lingkup {
            None => b.semua = true,
            Some(Lingkup::Umum) => b.umum = true,
            // Marked by `dalam_data` itself.
            Some(Lingkup::Data) => {}
        }
    });
}

/// Runs `f`, whose reads are all of `pelapor`'s data set.
pub(crate) async fn dalam_data<F: Future>(pelapor: &str, f: F) -> F::Output {
    let _ = BACAAN.try_with(|b| b.borrow_mut().data.insert(pelapor.to_string()));
    LINGKUP.scope(Lingkup::Data, f).await
}

/// Runs `f`, whose reads are all of accounts, sessions or the instansi list.
pub(crate) async fn dalam_umum<F: Future>(f: F) -> F::Output {
    LINGKUP.scope(Lingkup::Umum, f).await
}

/// Reads of the generations, shared by concurrent callers: a caller gets a read that began
/// after it asked (so no write committed before the call is missed), and while one read is
/// under way the callers arriving meanwhile wait for the next one, so under load one query
/// serves many requests.
#[derive(Default, Debug)]
pub(crate) struct Pengamat {
    keadaan: Mutex<Keadaan>,
    selesai: Notify,
}

#[derive(Default, Debug)]
struct Keadaan {
    /// Reads begun so far; each read's number is its position.
    dimulai: u64,
    berjalan: bool,
    terakhir: Option<(u64, Arc<Generasi>)>,
}

/// Ends a read even when its caller is dropped halfway: the next caller reads instead.
struct Selesai<'a>(&'a Pengamat);

impl Drop for Selesai<'_> {
    fn drop(&mut self) {
        self.0.kunci().berjalan = false;
        self.0.selesai.notify_waiters();
    }
}

impl Pengamat {
    fn kunci(&self) -> std::sync::MutexGuard<'_, Keadaan> {
        self.keadaan.lock().unwrap_or_else(|e| e.into_inner())
    }

    async fn baca(&self, kolam: &Kolam) -> Result<Arc<Generasi>, Galat> {
        let perlu = self.kunci().dimulai + 1;
        loop {
            let tunggu = self.selesai.notified();
            tokio::pin!(tunggu);
            tunggu.as_mut().enable();
            let nomor = {
                let mut k = self.kunci();
                if let Some((n, g)) = &k.terakhir
                    && *n >= perlu
                {
                    return Ok(g.clone());
                }
                if k.berjalan {
                    None
                } else {
                    k.berjalan = true;
                    k.dimulai += 1;
                    Some(k.dimulai)
                }
            };
            let Some(nomor) = nomor else {
                tunggu.await;
                continue;
            };
            let _selesai = Selesai(self);
            let g = Arc::new(kolam.baca_generasi().await?);
            let mut k = self.kunci();
            if k.terakhir.as_ref().is_none_or(|(n, _)| *n < nomor) {
                k.terakhir = Some((nomor, g.clone()));
            }
            return Ok(g);
        }
    }
}

impl Toko {
    /// The generations now: read after this call began (see [`Pengamat`]).
    pub async fn generasi_kini(&self) -> Result<Arc<Generasi>, Galat> {
        self.pengamat.baca(&self.kolam).await
    }
}
