//! Reading the audit trail (`jejak`): one row per change, written by `tulis::catat` in the
//! change's own transaction.

use crate::basis::P;
use crate::{Galat, Toko};
use kinerja_core::id::InstansiId;
use serde::Serialize;
use serde_json::Value;
use time::OffsetDateTime;

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct BarisJejak {
    pub id: i64,
    #[serde(with = "time::serde::rfc3339")]
    pub waktu: OffsetDateTime,
    pub pengguna: String,
    pub pelapor: String,
    pub tabel: String,
    pub kunci: String,
    pub aksi: String,
    pub lama: Option<Value>,
    pub baru: Option<Value>,
    pub sumber: String,
}

impl Toko {
    /// The audit trail of a data set, newest first; narrowed to one table or record.
    pub async fn jejak(
        &self,
        pelapor: &InstansiId,
        tabel: Option<&str>,
        kunci: Option<&str>,
        batas: i64,
    ) -> Result<Vec<BarisJejak>, Galat> {
        self.jejak_saring(pelapor, tabel, kunci, None, batas).await
    }

    /// As `jejak`, also narrowed to keys starting with `awalan` (`I-S1-1|2020|`: an
    /// indicator's realisasi of a year, every period).
    pub async fn jejak_saring(
        &self,
        pelapor: &InstansiId,
        tabel: Option<&str>,
        kunci: Option<&str>,
        awalan: Option<&str>,
        batas: i64,
    ) -> Result<Vec<BarisJejak>, Galat> {
        let b = self.kolam
            .ambil(
                "SELECT id, waktu, pengguna, pelapor, tabel, kunci, aksi, lama, baru, sumber FROM jejak \
                 WHERE pelapor = $1 AND ($2 IS NULL OR tabel = $2) AND ($3 IS NULL OR kunci = $3) \
                 AND ($5 IS NULL OR substr(kunci, 1, length($5)) = $5) \
                 ORDER BY id DESC LIMIT $4",
                vec![
                    P::from(pelapor.as_str()),
                    P::OT(tabel.map(str::to_string)),
                    P::OT(kunci.map(str::to_string)),
                    P::I(batas),
                    P::OT(awalan.map(str::to_string)),
                ],
            )
            .await?;
        b.iter()
            .map(|r| {
                Ok(BarisJejak {
                    id: r.int(0)?,
                    waktu: r.waktu(1)?,
                    pengguna: r.teks(2)?,
                    pelapor: r.teks(3)?,
                    tabel: r.teks(4)?,
                    kunci: r.teks(5)?,
                    aksi: r.teks(6)?,
                    lama: r.opsi_json(7)?,
                    baru: r.opsi_json(8)?,
                    sumber: r.teks(9)?,
                })
            })
            .collect()
    }
}
