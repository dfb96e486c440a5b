//! Rendered read-only pages, kept so that a page is rendered once per data version.
//!
//! An entry is keyed by *every* input of the page function: the route, the data set (by the
//! identity of the store's shared copy, `Toko::muat_bersama`, which is replaced, never changed,
//! when the data set's `versi_data` moves) and the rest of the inputs as printed by `Debug`
//! (the frame's `Konteks` with the viewer's name, role and CSRF token, the year, the reviewers'
//! notes, what the viewer may do). Rendering is a pure function of these, so a hit is the page
//! a fresh render would give: no stale figure after a save, and a page that carries one
//! viewer's CSRF token or name is only ever served to a request that has the same token and
//! name. Anonymous viewers share one entry per page; a logged-in viewer gets their own.
//!
//! Keying on `Debug` rather than on a list of fields means a field added to `Konteks` later
//! is part of the key without anyone remembering to add it.

use axum::body::Bytes;
use axum::http::header::CACHE_CONTROL;
use axum::response::{Html, IntoResponse, Response};
use kinerja_core::model::DataInstansi;
use std::collections::{HashMap, VecDeque};
use std::fmt::Debug;
use std::sync::{Arc, Mutex, Weak};

/// How many rendered pages are kept: memory is this many pages at most, whatever the traffic.
pub const KAPASITAS: usize = 64;

#[derive(Clone, PartialEq, Eq, Hash)]
struct Kunci {
    rute: &'static str,
    /// The address of the shared data set. The entry holds a `Weak` to it, which keeps the
    /// allocation (not the data) alive, so no other data set can take this address while the
    /// entry exists.
    data: usize,
    masukan: String,
}

struct Entri {
    data: Weak<DataInstansi>,
    halaman: Bytes,
}

#[derive(Default)]
struct Isi {
    peta: HashMap<Kunci, Entri>,
    /// Insertion order, for evicting the oldest entry when full.
    urutan: VecDeque<Kunci>,
}

/// The page cache of one server; see the module documentation.
pub struct Tembolok {
    kapasitas: usize,
    isi: Mutex<Isi>,
}

impl Default for Tembolok {
    fn default() -> Self {
        Tembolok::baru(KAPASITAS)
    }
}

impl Tembolok {
    pub fn baru(kapasitas: usize) -> Self {
        Tembolok {
            kapasitas: kapasitas.max(1),
            isi: Mutex::default(),
        }
    }

    /// The page of `rute` over `data` and `masukan` (every other input of the page function),
    /// rendered by `buat` only when no entry has exactly these inputs.
    pub(crate) fn halaman(
        &self,
        rute: &'static str,
        data: &Arc<DataInstansi>,
        masukan: &impl Debug,
        buat: impl FnOnce() -> String,
    ) -> Response {
        let kunci = Kunci {
            rute,
            data: Arc::as_ptr(data) as usize,
            masukan: format!("{masukan:?}"),
        };
        let simpanan = self
            .isi
            .lock()
            .expect("not poisoned")
            .peta
            .get(&kunci)
            .filter(|e| std::ptr::eq(e.data.as_ptr(), Arc::as_ptr(data)))
            .map(|e| e.halaman.clone());
        let halaman = match simpanan {
            Some(h) => h,
            None => {
                // Rendered outside the lock: two first requests may both render, which is
                // cheaper than making every reader wait on one render.
                let h = Bytes::from(buat());
                self.simpan(kunci, Arc::downgrade(data), h.clone());
                h
            }
        };
        ([(CACHE_CONTROL, "no-store")], Html(halaman)).into_response()
    }

    fn simpan(&self, kunci: Kunci, data: Weak<DataInstansi>, halaman: Bytes) {
        let mut isi = self.isi.lock().expect("not poisoned");
        let entri = Entri { data, halaman };
        if isi.peta.insert(kunci.clone(), entri).is_none() {
            isi.urutan.push_back(kunci);
        }
        while isi.urutan.len() > self.kapasitas {
            if let Some(tua) = isi.urutan.pop_front() {
                isi.peta.remove(&tua);
            }
        }
    }

    /// How many pages are kept.
    pub fn jumlah(&self) -> usize {
        self.isi.lock().expect("not poisoned").peta.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use http_body_util::BodyExt;
    use std::cell::Cell;

    async fn teks(r: Response) -> String {
        let b = r.into_body().collect().await.unwrap().to_bytes();
        String::from_utf8(b.to_vec()).unwrap()
    }

    fn data() -> Arc<DataInstansi> {
        Arc::new(DataInstansi::default())
    }

    #[tokio::test]
    async fn same_inputs_render_once_other_inputs_render_again() {
        let t = Tembolok::baru(8);
        let d = data();
        let kali = Cell::new(0);
        let buat = |s: &str| {
            kali.set(kali.get() + 1);
            s.to_string()
        };
        let a = t.halaman("/x", &d, &("csrf-a", 2020), || buat("halaman a"));
        assert_eq!(teks(a).await, "halaman a");
        let a2 = t.halaman("/x", &d, &("csrf-a", 2020), || buat("tidak dipakai"));
        assert_eq!(teks(a2).await, "halaman a");
        assert_eq!(kali.get(), 1, "the second request is a hit");
        // Another viewer (another CSRF token) never gets the first viewer's page.
        let b = t.halaman("/x", &d, &("csrf-b", 2020), || buat("halaman b"));
        assert_eq!(teks(b).await, "halaman b");
        // Another route over the same inputs is another page.
        let c = t.halaman("/y", &d, &("csrf-a", 2020), || buat("halaman c"));
        assert_eq!(teks(c).await, "halaman c");
        assert_eq!(kali.get(), 3);
    }

    #[tokio::test]
    async fn a_new_data_version_renders_again() {
        let t = Tembolok::baru(8);
        let lama = data();
        let _ = t.halaman("/x", &lama, &1, || "lama".to_string());
        // What `muat_bersama` gives after a save: another shared copy.
        let baru = data();
        let r = t.halaman("/x", &baru, &1, || "baru".to_string());
        assert_eq!(teks(r).await, "baru");
    }

    #[tokio::test]
    async fn a_dropped_data_set_is_never_matched() {
        let t = Tembolok::baru(8);
        let d = data();
        let alamat = Arc::as_ptr(&d);
        let _ = t.halaman("/x", &d, &1, || "lama".to_string());
        drop(d);
        // Whatever address the next copy gets, the old entry cannot serve it: while the entry
        // lives its `Weak` holds the old allocation, so the address differs.
        let d2 = data();
        assert_ne!(Arc::as_ptr(&d2), alamat);
        let r = t.halaman("/x", &d2, &1, || "baru".to_string());
        assert_eq!(teks(r).await, "baru");
    }

    #[tokio::test]
    async fn the_oldest_entry_goes_when_full() {
        let t = Tembolok::baru(2);
        let d = data();
        for i in 0..3 {
            let _ = t.halaman("/x", &d, &i, || format!("halaman {i}"));
        }
        // 3 pages into 2 places: page 0 went, 1 and 2 stay.
        assert_eq!(t.jumlah(), 2);
        let r = t.halaman("/x", &d, &0, || "lagi".to_string());
        assert_eq!(teks(r).await, "lagi");
        let r = t.halaman("/x", &d, &2, || "tidak dipakai".to_string());
        assert_eq!(teks(r).await, "halaman 2");
    }
}
