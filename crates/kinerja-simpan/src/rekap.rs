//! Roll-ups across instansi, summed by the database over the typed tables (not over copies of
//! each data set).

use crate::basis::P;
use crate::rekaman::{self, Rekaman};
use crate::{Galat, Toko, tulis};
use kinerja_core::id::InstansiId;
use kinerja_core::model::{NilaiData, Realisasi, Reorganisasi};
use kinerja_core::reorganisasi;
use kinerja_core::uang::Rupiah;
use kinerja_core::waktu::Tahun;
use kinerja_core::wilayah::{BarisRekapIndikator, RingkasUnit, rekap_indikator_ringkas};
use std::collections::HashMap;
use std::sync::Arc;

/// One instansi's budget total of a year, from `Toko::anggaran_wilayah`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AnggaranPelapor {
    pub pelapor: InstansiId,
    pub pagu: Rupiah,
    /// Sum of the reported realisasi; `None` when no line has one.
    pub realisasi: Option<Rupiah>,
    pub belum_dilaporkan: usize,
}

impl Toko {
    /// The year's budget of every reporting instansi below `induk` (at any depth, `induk`
    /// included), summed by the database: a roll-up over a kabupaten or province is one query
    /// over the typed budget table, not a copy. Same rule as `anggaran::ringkas`: unreported
    /// lines are counted, not summed as zero; the pagu is the pagu in force (APBD perubahan
    /// where a line has one). `UNION`, not `UNION ALL`: parents named by different data sets
    /// can form a cycle, and the walk must still end.
    pub async fn anggaran_wilayah(
        &self,
        induk: &InstansiId,
        tahun: Tahun,
    ) -> Result<Vec<AnggaranPelapor>, Galat> {
        let b = self
            .kolam
            .ambil(
                "WITH RECURSIVE bawah (id) AS ( \
                   SELECT id FROM instansi WHERE id = $1 \
                   UNION SELECT i.id FROM instansi i JOIN bawah b ON i.induk = b.id) \
                 SELECT a.pelapor, SUM(COALESCE(a.pagu_perubahan, a.pagu)), SUM(a.realisasi), COUNT(*) - COUNT(a.realisasi) \
                 FROM pos_anggaran a JOIN bawah b ON a.pelapor = b.id \
                 WHERE a.tahun = $2 GROUP BY a.pelapor ORDER BY a.pelapor",
                vec![P::from(induk.as_str()), P::I(tahun.get().into())],
            )
            .await?;
        let rupiah = |d| Rupiah::new(d).map_err(|e| Galat::Rusak(e.to_string()));
        b.iter()
            .map(|r| {
                Ok(AnggaranPelapor {
                    pelapor: InstansiId::new(r.teks(0)?)
                        .map_err(|e| Galat::Rusak(e.to_string()))?,
                    pagu: rupiah(r.uang(1)?)?,
                    realisasi: r.opsi_uang(2)?.map(rupiah).transpose()?,
                    belum_dilaporkan: r.int(3)? as usize,
                })
            })
            .collect()
    }
}

/// Data sets read per chunk of the indicator roll-up: a chunk's rows are in memory at once.
const PELAPOR_PER_POTONG: usize = 256;

impl Toko {
    /// Every indicator that declares a roll-up across units, rolled up over the data sets
    /// below `induk` (at any depth, `induk` included), or over every data set (`None`: the
    /// nation), for `tahun`: `wilayah::rekap_indikator_ringkas`, the roll-up the kabupaten
    /// page makes from the data sets it shows, over each data set's summary
    /// (`wilayah::RingkasUnit`). A summary is kept with its data set's version, in memory and
    /// in the database (`ringkas.rs`), and made again only when the data set changed (or the
    /// summary's format did); one is made from the tables a figure needs (the plan's
    /// indicators and owners, the year's data element values and realisasi by their typed
    /// columns, surveys, settings), a chunk of data sets at a time, and stored. Only the
    /// summaries stay in memory (bounded), so a nation of 20.560 OPD fits. A unit counts only
    /// in the years it exists (`reorganisasi::ada_pada`, as on the kabupaten page): not before
    /// a reorganisation formed it, not from the year one ended it.
    pub async fn rekap_indikator_wilayah(
        &self,
        induk: Option<&InstansiId>,
        tahun: Tahun,
    ) -> Result<Vec<BarisRekapIndikator>, Galat> {
        let th = i64::from(tahun.get());
        let pelapor: Vec<(String, i64)> = match induk {
            Some(induk) => {
                self.kolam
                    .ambil(
                        "WITH RECURSIVE bawah (id) AS ( \
                       SELECT id FROM instansi WHERE id = $1 \
                       UNION SELECT i.id FROM instansi i JOIN bawah b ON i.induk = b.id) \
                     SELECT v.pelapor, v.versi FROM versi_data v JOIN bawah b ON v.pelapor = b.id \
                     ORDER BY v.pelapor",
                        vec![P::from(induk.as_str())],
                    )
                    .await?
            }
            None => {
                self.kolam
                    .ambil(
                        "SELECT pelapor, versi FROM versi_data ORDER BY pelapor",
                        vec![],
                    )
                    .await?
            }
        }
        .iter()
        .map(|b| Ok((b.teks(0)?, b.int(1)?)))
        .collect::<Result<_, Galat>>()?;
        let reorg = self.reorganisasi_semua().await?;
        let pelapor: Vec<(String, i64)> = pelapor
            .into_iter()
            .filter(|(p, _)| {
                InstansiId::new(p.as_str())
                    .is_ok_and(|id| reorganisasi::ada_pada(&reorg, &id, tahun))
            })
            .collect();
        // Summaries current in memory; the others are read from the database if stored
        // current there, else made from the tables (`ringkas.rs`).
        let mut ringkas: Vec<Option<Arc<RingkasUnit>>> = {
            let mut s = self.ringkas.lock().expect("summary cache lock");
            pelapor.iter().map(|(p, v)| s.ambil(p, th, *v)).collect()
        };
        let kurang: Vec<(String, i64)> = pelapor
            .iter()
            .zip(&ringkas)
            .filter(|(_, r)| r.is_none())
            .map(|(p, _)| p.clone())
            .collect();
        let mut baru: HashMap<String, Arc<RingkasUnit>> = HashMap::with_capacity(kurang.len());
        for potong in kurang.chunks(PELAPOR_PER_POTONG) {
            let t = self.ringkas_tersimpan(potong, th).await?;
            baru.extend(t.into_iter().map(|(p, r)| (p, Arc::new(r))));
        }
        let buat: Vec<String> = kurang
            .iter()
            .filter(|(p, _)| !baru.contains_key(p))
            .map(|(p, _)| p.clone())
            .collect();
        let mut dibuat: Vec<(String, RingkasUnit)> = Vec::with_capacity(buat.len());
        // The next chunk is read while the last one is summarised on a blocking thread.
        type Jalan = tokio::task::JoinHandle<Result<Vec<(String, RingkasUnit)>, Galat>>;
        let mut jalan: Option<Jalan> = None;
        for potong in buat.chunks(PELAPOR_PER_POTONG) {
            let bahan = self.data_rekap(potong, tahun).await?;
            if let Some(j) = jalan.take() {
                dibuat.extend(j.await.map_err(|e| Galat::Rusak(e.to_string()))??);
            }
            jalan = Some(tokio::task::spawn_blocking(move || {
                bahan.into_iter().map(|b| b.ringkas(tahun)).collect()
            }));
        }
        if let Some(j) = jalan {
            dibuat.extend(j.await.map_err(|e| Galat::Rusak(e.to_string()))??);
        }
        // Labelled with the version read before the data: a write in between only makes the
        // next roll-up make it again.
        let versi: HashMap<&str, i64> = kurang.iter().map(|(p, v)| (p.as_str(), *v)).collect();
        let dibuat: Vec<(String, i64, Arc<RingkasUnit>)> = dibuat
            .into_iter()
            .map(|(p, r)| {
                let v = versi.get(p.as_str()).copied().unwrap_or_default();
                (p, v, Arc::new(r))
            })
            .collect();
        self.simpan_ringkas(&dibuat, th).await?;
        baru.extend(dibuat.into_iter().map(|(p, _, r)| (p, r)));
        if !baru.is_empty() {
            let mut s = self.ringkas.lock().expect("summary cache lock");
            for ((p, v), r) in pelapor.iter().zip(ringkas.iter_mut()) {
                if let Some(b) = baru.get(p) {
                    s.simpan(p.clone(), th, *v, b.clone());
                    *r = Some(b.clone());
                }
            }
        }
        let ringkas: Vec<Arc<RingkasUnit>> = ringkas.into_iter().flatten().collect();
        Ok(rekap_indikator_ringkas(&ringkas))
    }

    /// Every stored reorganisation record, each once (the pemda and the instansi it formed may
    /// both keep it); found through a partial index (migration 36), few rows at any scale.
    async fn reorganisasi_semua(&self) -> Result<Vec<Reorganisasi>, Galat> {
        let mut v: Vec<Reorganisasi> = Vec::new();
        for r in &self
            .kolam
            .ambil(
                "SELECT isi FROM rekaman WHERE tabel = 'reorganisasi' ORDER BY pelapor, urutan",
                vec![],
            )
            .await?
        {
            let x: Reorganisasi =
                serde_json::from_value(r.json(0)?).map_err(|e| Galat::Rusak(e.to_string()))?;
            if !v.iter().any(|y| y.id == x.id) {
                v.push(x);
            }
        }
        Ok(v)
    }

    /// The data sets `potong` (sorted), each with what a year's indicator figures need: the
    /// JSON records of the plan's indicators and their owners, settings and surveys, and the
    /// year's realisasi and data element values from their typed columns.
    async fn data_rekap(&self, potong: &[String], tahun: Tahun) -> Result<Vec<BahanRekap>, Galat> {
        let (Some(awal), Some(akhir)) = (potong.first(), potong.last()) else {
            return Ok(Vec::new());
        };
        let th = i64::from(tahun.get());
        let rentang = || vec![P::from(awal.as_str()), P::from(akhir.as_str())];
        let rentang_tahun = || {
            let mut v = rentang();
            v.push(P::I(th));
            v
        };
        let mut bahan: HashMap<&str, BahanRekap> = potong
            .iter()
            .map(|p| (p.as_str(), BahanRekap::default()))
            .collect();
        for r in &self
            .kolam
            .ambil(
                "SELECT pelapor, tabel, kunci, isi FROM rekaman \
                 WHERE pelapor >= $1 AND pelapor <= $2 AND tabel IN ('indikator', 'sasaran', \
                 'tujuan', 'renstra', 'skm', 'pengaturan') \
                 ORDER BY pelapor, tabel, urutan",
                rentang(),
            )
            .await?
        {
            if let Some(b) = bahan.get_mut(r.teks(0)?.as_str()) {
                b.rekaman.push(Rekaman {
                    tabel: r.teks(1)?,
                    kunci: r.teks(2)?,
                    isi: r.json(3)?,
                });
            }
        }
        for r in &self
            .kolam
            .ambil(
                "SELECT indikator, tahun, periode, nilai, sumber, catatan, pelapor FROM realisasi \
                 WHERE pelapor >= $1 AND pelapor <= $2 AND tahun = $3 ORDER BY pelapor, urutan",
                rentang_tahun(),
            )
            .await?
        {
            if let Some(b) = bahan.get_mut(r.teks(6)?.as_str()) {
                b.realisasi.push(tulis::realisasi_dari(r)?);
            }
        }
        for r in &self
            .kolam
            .ambil(
                "SELECT elemen, instansi, tahun, periode, nilai, sumber, catatan, pelapor \
                 FROM nilai_data WHERE pelapor >= $1 AND pelapor <= $2 AND tahun = $3 \
                 ORDER BY pelapor, urutan",
                rentang_tahun(),
            )
            .await?
        {
            if let Some(b) = bahan.get_mut(r.teks(7)?.as_str()) {
                b.nilai_data.push(tulis::nilai_data_dari(r)?);
            }
        }
        Ok(potong
            .iter()
            .map(|p| {
                let mut b = bahan.remove(p.as_str()).unwrap_or_default();
                b.pelapor = p.clone();
                b
            })
            .collect())
    }
}

/// What a data set's summary for the roll-up is made from (`Toko::data_rekap`).
#[derive(Default)]
struct BahanRekap {
    pelapor: String,
    rekaman: Vec<Rekaman>,
    realisasi: Vec<Realisasi>,
    nilai_data: Vec<NilaiData>,
}

impl BahanRekap {
    /// The data set's summary for `tahun` (CPU only: run off the async workers).
    fn ringkas(self, tahun: Tahun) -> Result<(String, RingkasUnit), Galat> {
        let mut d = rekaman::rakit(self.rekaman).map_err(|e| Galat::Rusak(e.to_string()))?;
        d.realisasi = self.realisasi;
        d.nilai_data = self.nilai_data;
        Ok((self.pelapor, RingkasUnit::dari_data(&d, tahun)))
    }
}

#[cfg(test)]
mod tests {
    use crate::tests::{contoh, id, pelaku};
    use crate::uji::semua_basis;
    use crate::{ModeImpor, Toko};
    use kinerja_core::waktu::Tahun;
    use std::time::Duration;

    #[tokio::test]
    async fn a_cycle_of_parents_ends_the_walk_and_counts_each_instansi_once() {
        for b in semua_basis().await {
            let t = Toko::buka(&b.url).await.unwrap();
            t.impor(&contoh(), None, ModeImpor::Gabung, &pelaku())
                .await
                .unwrap();
            // Mumbulsari is under Jember; Jember made Mumbulsari's child as another data set
            // could: jember → mumbulsari → jember.
            let mut tx = t.kolam.mulai().await.unwrap();
            tx.jalankan(
                "UPDATE instansi SET induk = 'mumbulsari' WHERE id = 'jember'",
                vec![],
            )
            .await
            .unwrap();
            tx.selesai().await.unwrap();
            let w = tokio::time::timeout(
                Duration::from_secs(20),
                t.anggaran_wilayah(&id("jember"), Tahun::new(2020).unwrap()),
            )
            .await
            .unwrap_or_else(|_| panic!("{}: the walk does not end", b.nama))
            .unwrap();
            assert_eq!(w.len(), 1, "{}", b.nama);
            // 1.674.830.966,58: Mumbulsari's pagu once, not once per turn of the cycle.
            assert_eq!(w[0].pagu.nilai().to_string(), "1674830966.58");
            t.tutup().await;
            b.selesai().await;
        }
    }
}
