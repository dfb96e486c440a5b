//! Each data set's summary for the indicator roll-up (`wilayah::RingkasUnit`), kept in two
//! places, each labelled with the data set's version (`versi_data`) it was made at:
//! - in memory (`SimpananRingkas`), bounded: past `batas` summaries the least recently used
//!   are dropped;
//! - in the database (`ringkas_rekap`, migration 35), one small row per data set and year, so
//!   that a fresh process (a restart, another server) reads ~1 row per unit instead of every
//!   data set's tables.
//!
//! Derived data, never trusted when stale: a summary is used only while its label equals the
//! data set's current version and it was written by this program's `FORMAT`; any other is
//! made again from the tables and stored over the old one. Every write of a data set raises
//! its version in the write's transaction, whichever process wrote.

use crate::basis::P;
use crate::{Galat, Toko};
use kinerja_core::wilayah::RingkasUnit;
use std::collections::HashMap;
use std::sync::Arc;

/// The form of a stored summary. Raise it whenever `RingkasUnit` or how `RingkasUnit::dari_data`
/// computes changes: summaries stored by an older program are then made again, not trusted.
/// A test keeps one summary in this form (`ringkas/format-N.json`) and fails when the form
/// changes and this number does not.
pub(crate) const FORMAT: i64 = 1;

/// The default bound of the summaries kept in memory: one year of the whole nation (20.560
/// OPD) and some.
pub(crate) const BATAS_BAWAAN: usize = 25_000;

/// Rows per statement when storing summaries (5 parameters each).
const BARIS_PER_SISIP: usize = 256;

/// The summaries kept in memory, by (data set, year), with their version and last use.
#[derive(Debug)]
pub(crate) struct SimpananRingkas {
    isi: HashMap<(String, i64), Entri>,
    /// A counter raised by every use: the entry with the smallest `pakai` is the least recently
    /// used.
    jam: u64,
    batas: usize,
}

#[derive(Debug)]
struct Entri {
    versi: i64,
    ringkas: Arc<RingkasUnit>,
    pakai: u64,
}

impl Default for SimpananRingkas {
    fn default() -> Self {
        SimpananRingkas::dengan_batas(BATAS_BAWAAN)
    }
}

impl SimpananRingkas {
    pub(crate) fn dengan_batas(batas: usize) -> Self {
        SimpananRingkas {
            isi: HashMap::new(),
            jam: 0,
            batas: batas.max(1),
        }
    }

    #[cfg(test)]
    pub(crate) fn len(&self) -> usize {
        self.isi.len()
    }

    /// The summary of `pelapor` for `tahun` if it was made at `versi`.
    pub(crate) fn ambil(
        &mut self,
        pelapor: &str,
        tahun: i64,
        versi: i64,
    ) -> Option<Arc<RingkasUnit>> {
        self.jam += 1;
        let jam = self.jam;
        match self.isi.get_mut(&(pelapor.to_string(), tahun)) {
            Some(e) if e.versi == versi => {
                e.pakai = jam;
                Some(e.ringkas.clone())
            }
            _ => None,
        }
    }

    /// Keeps `ringkas`, made at `versi`; past the bound, drops the least recently used tenth
    /// (at least one), so that dropping is not a sort on every insert.
    pub(crate) fn simpan(
        &mut self,
        pelapor: String,
        tahun: i64,
        versi: i64,
        ringkas: Arc<RingkasUnit>,
    ) {
        self.jam += 1;
        self.isi.insert(
            (pelapor, tahun),
            Entri {
                versi,
                ringkas,
                pakai: self.jam,
            },
        );
        if self.isi.len() > self.batas {
            let mut umur: Vec<(u64, (String, i64))> =
                self.isi.iter().map(|(k, e)| (e.pakai, k.clone())).collect();
            umur.sort_unstable();
            let buang = self.isi.len() - self.batas + self.batas / 10;
            for (_, k) in umur.into_iter().take(buang) {
                self.isi.remove(&k);
            }
        }
    }
}

impl Toko {
    /// The stored summaries for `tahun` of the data sets `potong` (pelapor and current
    /// version, in the database's order of `pelapor`) that are current: made at that version
    /// by this `FORMAT`. A row that is stale or does not decode is left out (made again).
    pub(crate) async fn ringkas_tersimpan(
        &self,
        potong: &[(String, i64)],
        tahun: i64,
    ) -> Result<HashMap<String, RingkasUnit>, Galat> {
        let (Some(awal), Some(akhir)) = (potong.first(), potong.last()) else {
            return Ok(HashMap::new());
        };
        let versi: HashMap<&str, i64> = potong.iter().map(|(p, v)| (p.as_str(), *v)).collect();
        let mut hasil = HashMap::with_capacity(potong.len());
        for r in &self
            .kolam
            .ambil(
                "SELECT pelapor, versi, format, isi FROM ringkas_rekap \
                 WHERE pelapor >= $1 AND pelapor <= $2 AND tahun = $3",
                vec![
                    P::from(awal.0.as_str()),
                    P::from(akhir.0.as_str()),
                    P::I(tahun),
                ],
            )
            .await?
        {
            let p = r.teks(0)?;
            if versi.get(p.as_str()) != Some(&r.int(1)?) || r.int(2)? != FORMAT {
                continue;
            }
            if let Ok(u) = serde_json::from_str::<RingkasUnit>(&r.teks(3)?) {
                hasil.insert(p, u);
            }
        }
        Ok(hasil)
    }

    /// Stores summaries made for `tahun` (pelapor, the version read before the data, the
    /// summary). A row stored at a newer version is kept: a slow maker must not replace a
    /// fresher summary. Outside any transaction and without raising a generation: it changes
    /// no data, and no reader uses a row without checking its version.
    pub(crate) async fn simpan_ringkas(
        &self,
        baru: &[(String, i64, Arc<RingkasUnit>)],
        tahun: i64,
    ) -> Result<(), Galat> {
        for potong in baru.chunks(BARIS_PER_SISIP) {
            let mut sql = String::from(
                "INSERT INTO ringkas_rekap (pelapor, tahun, versi, format, isi) VALUES ",
            );
            let mut ps = Vec::with_capacity(potong.len() * 5);
            for (k, (p, v, r)) in potong.iter().enumerate() {
                let i = k * 5;
                if k > 0 {
                    sql.push_str(", ");
                }
                sql.push_str(&format!(
                    "(${}, ${}, ${}, ${}, ${})",
                    i + 1,
                    i + 2,
                    i + 3,
                    i + 4,
                    i + 5
                ));
                let isi = serde_json::to_string(&**r).map_err(|e| Galat::Rusak(e.to_string()))?;
                ps.extend([
                    P::from(p.as_str()),
                    P::I(tahun),
                    P::I(*v),
                    P::I(FORMAT),
                    P::T(isi),
                ]);
            }
            sql.push_str(
                " ON CONFLICT (pelapor, tahun) DO UPDATE SET versi = excluded.versi, \
                 format = excluded.format, isi = excluded.isi \
                 WHERE ringkas_rekap.versi <= excluded.versi",
            );
            self.kolam.tulis_turunan(sql, ps).await?;
        }
        Ok(())
    }
}

#[cfg(test)]
mod tests {
    use super::SimpananRingkas;
    use kinerja_core::wilayah::RingkasUnit;
    use std::sync::Arc;

    fn r() -> Arc<RingkasUnit> {
        Arc::new(RingkasUnit::default())
    }

    #[test]
    fn the_memory_keeps_at_most_its_bound_dropping_the_least_recently_used() {
        // Bound 10: past it, the least recently used tenth (1) and the excess go.
        let mut s = SimpananRingkas::dengan_batas(10);
        for i in 0..10 {
            s.simpan(format!("opd-{i}"), 2021, 1, r());
        }
        assert_eq!(s.len(), 10);
        // opd-0 used again: opd-1 is now the least recently used.
        assert!(s.ambil("opd-0", 2021, 1).is_some());
        s.simpan("opd-10".into(), 2021, 1, r());
        // 11 > 10: 11 - 10 + 10 / 10 = 2 dropped (opd-1, opd-2), 9 kept.
        assert_eq!(s.len(), 9);
        assert!(s.ambil("opd-0", 2021, 1).is_some());
        assert!(s.ambil("opd-1", 2021, 1).is_none());
        assert!(s.ambil("opd-2", 2021, 1).is_none());
        assert!(s.ambil("opd-3", 2021, 1).is_some());
        assert!(s.ambil("opd-10", 2021, 1).is_some());
        // A thousand more never pass the bound.
        for i in 0..1000 {
            s.simpan(format!("x-{i}"), 2022, 1, r());
            assert!(s.len() <= 10);
        }
        // Another version or year is not a hit.
        s.simpan("opd-0".into(), 2021, 2, r());
        assert!(s.ambil("opd-0", 2021, 1).is_none());
        assert!(s.ambil("opd-0", 2020, 2).is_none());
        assert!(s.ambil("opd-0", 2021, 2).is_some());
    }
}
