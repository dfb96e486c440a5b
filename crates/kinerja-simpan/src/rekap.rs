//! Roll-ups across instansi, summed by the database over the typed tables (not over copies of
//! each data set).

use crate::basis::{Baris, P};
use crate::rekaman::{self, Rekaman};
use crate::{Galat, Toko, tulis};
use kinerja_core::id::InstansiId;
use kinerja_core::uang::Rupiah;
use kinerja_core::waktu::Tahun;
use kinerja_core::wilayah::{BarisRekapIndikator, RingkasUnit, rekap_indikator_ringkas};
use std::collections::HashMap;

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
    /// page makes from the data sets it shows, over summaries the store makes a chunk of data
    /// sets at a time from the tables a figure needs (the plan's indicators and owners, data
    /// elements' values and realisasi of the year, surveys, settings); only the summaries stay
    /// in memory, so a nation of 20.560 OPD fits.
    pub async fn rekap_indikator_wilayah(
        &self,
        induk: Option<&InstansiId>,
        tahun: Tahun,
    ) -> Result<Vec<BarisRekapIndikator>, Galat> {
        let pelapor: Vec<String> = match induk {
            Some(induk) => {
                self.kolam
                    .ambil(
                        "WITH RECURSIVE bawah (id) AS ( \
                       SELECT id FROM instansi WHERE id = $1 \
                       UNION SELECT i.id FROM instansi i JOIN bawah b ON i.induk = b.id) \
                     SELECT v.pelapor FROM versi_data v JOIN bawah b ON v.pelapor = b.id \
                     ORDER BY v.pelapor",
                        vec![P::from(induk.as_str())],
                    )
                    .await?
            }
            None => {
                self.kolam
                    .ambil("SELECT pelapor FROM versi_data ORDER BY pelapor", vec![])
                    .await?
            }
        }
        .iter()
        .map(|b| b.teks(0))
        .collect::<Result<_, _>>()?;
        let mut ringkas: Vec<RingkasUnit> = Vec::with_capacity(pelapor.len());
        // The next chunk is read while the last one is summarised on a blocking thread.
        let mut jalan: Option<tokio::task::JoinHandle<Result<Vec<RingkasUnit>, Galat>>> = None;
        for potong in pelapor.chunks(PELAPOR_PER_POTONG) {
            let rekaman = self.rekaman_rekap(potong, tahun).await?;
            if let Some(j) = jalan.take() {
                ringkas.extend(j.await.map_err(|e| Galat::Rusak(e.to_string()))??);
            }
            jalan = Some(tokio::task::spawn_blocking(move || {
                rekaman
                    .into_iter()
                    .map(|r| {
                        let d = rekaman::rakit(r).map_err(|e| Galat::Rusak(e.to_string()))?;
                        Ok(RingkasUnit::dari_data(&d, tahun))
                    })
                    .collect()
            }));
        }
        if let Some(j) = jalan {
            ringkas.extend(j.await.map_err(|e| Galat::Rusak(e.to_string()))??);
        }
        Ok(rekap_indikator_ringkas(&ringkas))
    }

    /// The records of the data sets `potong` (sorted) that a year's indicator figures need,
    /// per data set in the order of `potong`.
    async fn rekaman_rekap(
        &self,
        potong: &[String],
        tahun: Tahun,
    ) -> Result<Vec<Vec<Rekaman>>, Galat> {
        let (Some(awal), Some(akhir)) = (potong.first(), potong.last()) else {
            return Ok(Vec::new());
        };
        let th = i64::from(tahun.get());
        let rentang = || vec![P::from(awal.as_str()), P::from(akhir.as_str()), P::I(th)];
        let mut per: HashMap<&str, Vec<Rekaman>> =
            potong.iter().map(|p| (p.as_str(), Vec::new())).collect();
        let b = self
            .kolam
            .ambil(
                "SELECT pelapor, tabel, kunci, isi FROM rekaman \
                 WHERE pelapor >= $1 AND pelapor <= $2 AND (tabel IN ('indikator', 'sasaran', \
                 'tujuan', 'renstra', 'skm', 'pengaturan') \
                 OR (tabel = 'nilai_data' AND CAST(isi ->> 'tahun' AS INTEGER) = $3)) \
                 ORDER BY pelapor, tabel, urutan",
                rentang(),
            )
            .await?;
        for r in &b {
            let p = r.teks(0)?;
            if let Some(v) = per.get_mut(p.as_str()) {
                v.push(Rekaman {
                    tabel: r.teks(1)?,
                    kunci: r.teks(2)?,
                    isi: r.json(3)?,
                });
            }
        }
        let b: Vec<Baris> = self
            .kolam
            .ambil(
                "SELECT indikator, tahun, periode, nilai, sumber, catatan, pelapor FROM realisasi \
                 WHERE pelapor >= $1 AND pelapor <= $2 AND tahun = $3 ORDER BY pelapor, urutan",
                rentang(),
            )
            .await?;
        for r in &b {
            let p = r.teks(6)?;
            if let Some(v) = per.get_mut(p.as_str()) {
                v.push(tulis::ke_rekaman("realisasi", &tulis::realisasi_dari(r)?));
            }
        }
        Ok(potong
            .iter()
            .map(|p| per.remove(p.as_str()).unwrap_or_default())
            .collect())
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
