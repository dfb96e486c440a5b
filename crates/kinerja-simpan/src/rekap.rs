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
    /// where a line has one).
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
                   UNION ALL SELECT i.id FROM instansi i JOIN bawah b ON i.induk = b.id) \
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
