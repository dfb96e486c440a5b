//! Respondents of the survey kinerja hosts (`/survei/{instansi}`): one row per respondent with
//! its audit row, written in one transaction that also enforces, whatever the server process:
//! one answer per form token, no identical answer set from the same address within a window,
//! and at most so many answers per address within a window. Also the key the form tokens are
//! signed with (made by the migration, one per database).

use crate::basis::P;
use crate::{Galat, Pelaku, Toko};
use kinerja_core::id::InstansiId;
use kinerja_core::skm::isian::IsianSurvei;
use kinerja_core::waktu::Tahun;
use time::OffsetDateTime;

/// One submission, as the web checked it. `token` and `alamat` are digests (the store never
/// sees a client's address).
#[derive(Debug, Clone)]
pub struct RespondenBaru {
    pub instansi: InstansiId,
    pub tahun: Tahun,
    /// The service the survey's address names; empty for the instansi's general survey.
    pub layanan: String,
    pub token: String,
    pub alamat: String,
    pub isian: IsianSurvei,
}

/// The abuse limits, per client address.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct BatasSurvei {
    /// At most this many answers from one address within `jendela_detik`.
    pub per_alamat: i64,
    pub jendela_detik: i64,
    /// The same answer set from the same address within this many seconds is a duplicate.
    pub duplikat_detik: i64,
}

impl Default for BatasSurvei {
    /// 30 answers per address in 10 minutes: one service counter (a tablet, or an office's
    /// NAT address) seldom serves more than one person every 20 seconds; an identical answer
    /// set from the same address within 10 minutes is taken as sent twice.
    fn default() -> BatasSurvei {
        BatasSurvei {
            per_alamat: 30,
            jendela_detik: 600,
            duplikat_detik: 600,
        }
    }
}

/// What became of a submission.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum HasilKirim {
    /// Stored, with its id.
    Disimpan(i64),
    /// This form was sent already.
    TokenTerpakai,
    /// The same answers came from the same address within the window.
    Duplikat,
    /// The address sent `BatasSurvei::per_alamat` answers within the window already.
    TerlaluSering,
}

/// A stored respondent.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RespondenTersimpan {
    pub id: i64,
    pub layanan: String,
    pub waktu: OffsetDateTime,
    pub isian: IsianSurvei,
}

impl Toko {
    /// The key form tokens are signed with (hex), made by migration 31.
    pub async fn kunci_survei(&self) -> Result<String, Galat> {
        let b = self
            .kolam()
            .ambil("SELECT kunci FROM kunci_survei WHERE satu = 1", vec![])
            .await?;
        match b.first() {
            Some(r) => r.teks(0),
            None => Err(Galat::Rusak("kunci survei tidak ada".into())),
        }
    }

    /// Stores one respondent with its audit row (table `responden_skm`, by `pelaku`), unless
    /// the token was used, the answers duplicate the same address's, or the address is over
    /// its limit: then nothing is written. The checks and the write are one transaction,
    /// serialised per address (PostgreSQL: an advisory lock; SQLite: its write lock).
    pub async fn simpan_responden(
        &self,
        r: &RespondenBaru,
        batas: &BatasSurvei,
        pelaku: &Pelaku,
    ) -> Result<HasilKirim, Galat> {
        let waktu = OffsetDateTime::now_utc();
        let detik = waktu.unix_timestamp();
        let mut tx = self.kolam().mulai_tulis().await?;
        if tx.postgres() {
            tx.ambil(
                "SELECT pg_advisory_xact_lock(hashtext($1))",
                vec![P::from(format!("survei|{}", r.alamat))],
            )
            .await?;
        }
        let sidik = r.isian.sidik();
        let hitung = |b: Vec<crate::basis::Baris>| -> Result<i64, Galat> {
            b.first().map_or(Ok(0), |x| x.int(0))
        };
        let hasil = if hitung(
            tx.ambil(
                "SELECT COUNT(*) FROM responden_skm WHERE token = $1",
                vec![P::from(r.token.as_str())],
            )
            .await?,
        )? > 0
        {
            Some(HasilKirim::TokenTerpakai)
        } else if hitung(
            tx.ambil(
                "SELECT COUNT(*) FROM responden_skm WHERE alamat = $1 AND sidik = $2 AND detik > $3",
                vec![
                    P::from(r.alamat.as_str()),
                    P::from(sidik.as_str()),
                    P::I(detik - batas.duplikat_detik),
                ],
            )
            .await?,
        )? > 0
        {
            Some(HasilKirim::Duplikat)
        } else if hitung(
            tx.ambil(
                "SELECT COUNT(*) FROM responden_skm WHERE alamat = $1 AND detik > $2",
                vec![
                    P::from(r.alamat.as_str()),
                    P::I(detik - batas.jendela_detik),
                ],
            )
            .await?,
        )? >= batas.per_alamat
        {
            Some(HasilKirim::TerlaluSering)
        } else {
            None
        };
        if let Some(h) = hasil {
            tx.batal().await?;
            return Ok(h);
        }
        let isian =
            serde_json::to_value(&r.isian).map_err(|e| Galat::Rusak(format!("isian: {e}")))?;
        // ON CONFLICT: the same token committed by a concurrent transaction since the check.
        let id = tx
            .ambil(
                "INSERT INTO responden_skm (instansi, tahun, layanan, waktu, detik, token, alamat, sidik, isian) \
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT (token) DO NOTHING RETURNING id",
                vec![
                    P::from(r.instansi.as_str()),
                    P::I(r.tahun.get().into()),
                    P::from(r.layanan.as_str()),
                    P::W(waktu),
                    P::I(detik),
                    P::from(r.token.as_str()),
                    P::from(r.alamat.as_str()),
                    P::from(sidik),
                    P::from(isian.to_string()),
                ],
            )
            .await?;
        let Some(id) = id.first().map(|b| b.int(0)).transpose()? else {
            tx.batal().await?;
            return Ok(HasilKirim::TokenTerpakai);
        };
        let rekaman = crate::rekaman::Rekaman {
            tabel: "responden_skm".into(),
            kunci: id.to_string(),
            isi: serde_json::json!({
                "tahun": r.tahun.get(),
                "layanan": r.layanan,
                "isian": isian,
            }),
        };
        let c = crate::tulis::Catatan {
            rekaman: &rekaman,
            aksi: "tambah",
            lama: None,
            baru: Some(&rekaman.isi),
        };
        crate::tulis::catat(&mut tx, waktu, pelaku, r.instansi.as_str(), &[c]).await?;
        tx.selesai().await?;
        Ok(HasilKirim::Disimpan(id))
    }

    /// The respondents of an instansi's year, oldest first; `layanan` narrows to one service.
    pub async fn responden_skm(
        &self,
        instansi: &InstansiId,
        tahun: Tahun,
        layanan: Option<&str>,
    ) -> Result<Vec<RespondenTersimpan>, Galat> {
        let b = self
            .kolam()
            .ambil(
                "SELECT id, layanan, waktu, isian FROM responden_skm \
                 WHERE instansi = $1 AND tahun = $2 AND ($3 IS NULL OR layanan = $3) ORDER BY id",
                vec![
                    P::from(instansi.as_str()),
                    P::I(tahun.get().into()),
                    P::OT(layanan.map(str::to_string)),
                ],
            )
            .await?;
        b.iter()
            .map(|r| {
                let teks = r.teks(3)?;
                let id = r.int(0)?;
                Ok(RespondenTersimpan {
                    id,
                    layanan: r.teks(1)?,
                    waktu: r.waktu(2)?,
                    isian: serde_json::from_str(&teks)
                        .map_err(|e| Galat::Rusak(format!("responden_skm {id}: {e}")))?,
                })
            })
            .collect()
    }
}
