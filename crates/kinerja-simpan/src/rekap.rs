//! Roll-ups across instansi, summed by the database over the typed tables (not over copies of
//! each data set).

use crate::basis::P;
use crate::{Galat, Toko};
use kinerja_core::id::InstansiId;
use kinerja_core::uang::Rupiah;
use kinerja_core::waktu::Tahun;

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
