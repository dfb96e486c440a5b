//! Accounts, login sessions, API tokens (`token`) and the approval workflow per period.
//! Password hashing and the role policy live in the web layer; the store keeps what they
//! decide, and enforces the one rule that must hold whatever the door: an approved period does
//! not change.

mod token;

pub use token::{CabutToken, TokenApi};

use crate::basis::P;
use crate::tulis::{enum_dari, nama_enum};
use crate::{Galat, Pelaku, Toko, generasi};
use kinerja_core::id::InstansiId;
use kinerja_core::waktu::{Periode, Tahun};
use serde_json::json;
use time::OffsetDateTime;

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Akun {
    pub nama: String,
    /// argon2id PHC string.
    pub hash: String,
    /// `admin`, `operator`, `pimpinan`, `pereviu` (checked by the schema).
    pub peran: String,
    pub instansi: Option<InstansiId>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Status {
    Diajukan,
    Disetujui,
}

impl Status {
    pub fn nama(self) -> &'static str {
        match self {
            Status::Diajukan => "diajukan",
            Status::Disetujui => "disetujui",
        }
    }
    fn dari(s: &str) -> Result<Status, Galat> {
        match s {
            "diajukan" => Ok(Status::Diajukan),
            "disetujui" => Ok(Status::Disetujui),
            lain => Err(Galat::Rusak(format!("status periode \"{lain}\""))),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub struct StatusPeriode {
    pub periode: Periode,
    pub status: Status,
    pub oleh: String,
    pub waktu: OffsetDateTime,
}

/// A workflow step. `Buka` lifts an approval (or withdraws a submission) back to draft.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Langkah {
    Ajukan,
    Setujui,
    Buka,
}

impl Toko {
    /// Creates an account; an existing name is refused (accounts are never overwritten).
    pub async fn tambah_akun(&self, akun: &Akun, pelaku: &Pelaku) -> Result<(), Galat> {
        let mut tx = self.kolam().mulai_tulis().await?;
        let ada = tx
            .ambil(
                "SELECT nama FROM pengguna WHERE nama = $1",
                vec![P::from(akun.nama.as_str())],
            )
            .await?;
        if !ada.is_empty() {
            tx.batal().await?;
            return Err(Galat::Akun(format!("pengguna \"{}\" sudah ada", akun.nama)));
        }
        if let Some(i) = &akun.instansi {
            let ada = tx
                .ambil(
                    "SELECT id FROM instansi WHERE id = $1",
                    vec![P::from(i.as_str())],
                )
                .await?;
            if ada.is_empty() {
                tx.batal().await?;
                return Err(Galat::Akun(format!(
                    "instansi \"{i}\" tidak ada di basis data"
                )));
            }
        }
        let waktu = OffsetDateTime::now_utc();
        tx.jalankan(
            "INSERT INTO pengguna (nama, hash, peran, instansi, dibuat) VALUES ($1, $2, $3, $4, $5)",
            vec![
                P::from(akun.nama.as_str()),
                P::from(akun.hash.as_str()),
                P::from(akun.peran.as_str()),
                P::from(akun.instansi.as_ref().map(|i| i.to_string())),
                P::W(waktu),
            ],
        )
        .await?;
        // The audit row names the account, never the hash.
        let r = crate::rekaman::Rekaman {
            tabel: "pengguna".into(),
            kunci: akun.nama.clone(),
            isi: json!({"nama": akun.nama, "peran": akun.peran, "instansi": akun.instansi}),
        };
        let pelapor = akun.instansi.as_ref().map(|i| i.as_str()).unwrap_or("-");
        let c = crate::tulis::Catatan {
            rekaman: &r,
            aksi: "tambah",
            lama: None,
            baru: Some(&r.isi),
        };
        crate::tulis::catat(&mut tx, waktu, pelaku, pelapor, &[c]).await?;
        tx.selesai().await
    }

    pub async fn akun(&self, nama: &str) -> Result<Option<Akun>, Galat> {
        let b = generasi::dalam_umum(self.kolam().ambil(
            "SELECT nama, hash, peran, instansi FROM pengguna WHERE nama = $1",
            vec![P::from(nama)],
        ))
        .await?;
        b.first().map(akun_dari).transpose()
    }

    pub async fn jumlah_akun(&self) -> Result<i64, Galat> {
        let mut tx = self.kolam().mulai().await?;
        let b = tx.ambil("SELECT COUNT(*) FROM pengguna", vec![]).await?;
        tx.selesai().await?;
        b[0].int(0)
    }

    /// `token` is a digest of the cookie value (a database leak does not give sessions away).
    pub async fn buat_sesi(
        &self,
        token: &str,
        pengguna: &str,
        csrf: &str,
        kedaluwarsa: OffsetDateTime,
    ) -> Result<(), Galat> {
        let mut tx = self.kolam().mulai_tulis().await?;
        // Expired sessions go when a new one starts (all times are UTC, so the stored texts of
        // SQLite compare in time order too).
        tx.jalankan(
            "DELETE FROM sesi WHERE kedaluwarsa < $1",
            vec![P::W(OffsetDateTime::now_utc())],
        )
        .await?;
        tx.jalankan(
            "INSERT INTO sesi (token, pengguna, csrf, kedaluwarsa) VALUES ($1, $2, $3, $4)",
            vec![
                P::from(token),
                P::from(pengguna),
                P::from(csrf),
                P::W(kedaluwarsa),
            ],
        )
        .await?;
        tx.selesai().await
    }

    /// Whether year `tahun` of the data set is published (its annual period approved), or,
    /// without a year, whether any year is. Published data is what the public may read.
    pub async fn terbit(&self, pelapor: &InstansiId, tahun: Option<Tahun>) -> Result<bool, Galat> {
        let b = generasi::dalam_data(
            pelapor.as_str(),
            self.kolam().ambil(
                "SELECT tahun FROM status_periode WHERE pelapor = $1 AND periode = 'tahunan' \
                 AND status = 'disetujui' AND ($2 IS NULL OR tahun = $2) LIMIT 1",
                vec![
                    P::from(pelapor.as_str()),
                    P::OI(tahun.map(|t| i64::from(t.get()))),
                ],
            ),
        )
        .await?;
        Ok(!b.is_empty())
    }

    /// The published years of one data set (its annual period approved), oldest first.
    pub async fn tahun_terbit(&self, pelapor: &InstansiId) -> Result<Vec<Tahun>, Galat> {
        let b = generasi::dalam_data(
            pelapor.as_str(),
            self.kolam().ambil(
                "SELECT tahun FROM status_periode WHERE pelapor = $1 AND periode = 'tahunan' \
                 AND status = 'disetujui' ORDER BY tahun",
                vec![P::from(pelapor.as_str())],
            ),
        )
        .await?;
        b.iter()
            .map(|r| Tahun::new(r.int(0)?).map_err(|e| Galat::Rusak(e.to_string())))
            .collect()
    }

    /// Every published (instansi, year), in one query: for pages that list many instansi.
    pub async fn semua_terbit(
        &self,
    ) -> Result<std::collections::HashSet<(InstansiId, Tahun)>, Galat> {
        self.kolam()
            .ambil(
                "SELECT pelapor, tahun FROM status_periode WHERE periode = 'tahunan' \
                 AND status = 'disetujui'",
                vec![],
            )
            .await?
            .iter()
            .map(|r| {
                let id = InstansiId::new(r.teks(0)?).map_err(|e| Galat::Rusak(e.to_string()))?;
                let th = Tahun::new(r.int(1)?).map_err(|e| Galat::Rusak(e.to_string()))?;
                Ok((id, th))
            })
            .collect()
    }

    /// The session's account and CSRF token, if the session exists and has not expired.
    pub async fn sesi(&self, token: &str) -> Result<Option<(Akun, String)>, Galat> {
        let b = generasi::dalam_umum(self.kolam().ambil(
            "SELECT p.nama, p.hash, p.peran, p.instansi, s.csrf, s.kedaluwarsa FROM sesi s \
                 JOIN pengguna p ON p.nama = s.pengguna WHERE s.token = $1",
            vec![P::from(token)],
        ))
        .await?;
        match b.first() {
            Some(r) if r.waktu(5)? > OffsetDateTime::now_utc() => {
                Ok(Some((akun_dari(r)?, r.teks(4)?)))
            }
            _ => Ok(None),
        }
    }

    /// Until when the session `token` (a digest) is valid; None for an unknown session.
    pub async fn sesi_berlaku_sampai(&self, token: &str) -> Result<Option<OffsetDateTime>, Galat> {
        let b = generasi::dalam_umum(self.kolam().ambil(
            "SELECT kedaluwarsa FROM sesi WHERE token = $1",
            vec![P::from(token)],
        ))
        .await?;
        b.first().map(|r| r.waktu(0)).transpose()
    }

    pub async fn hapus_sesi(&self, token: &str) -> Result<(), Galat> {
        let mut tx = self.kolam().mulai_tulis().await?;
        tx.jalankan("DELETE FROM sesi WHERE token = $1", vec![P::from(token)])
            .await?;
        tx.selesai().await
    }

    pub async fn status_periode(
        &self,
        pelapor: &InstansiId,
        tahun: Tahun,
    ) -> Result<Vec<StatusPeriode>, Galat> {
        let b = generasi::dalam_data(
            pelapor.as_str(),
            self.kolam().ambil(
                "SELECT periode, status, oleh, waktu FROM status_periode \
                 WHERE pelapor = $1 AND tahun = $2 ORDER BY periode",
                vec![P::from(pelapor.as_str()), P::I(tahun.get().into())],
            ),
        )
        .await?;
        b.iter()
            .map(|r| {
                Ok(StatusPeriode {
                    periode: enum_dari(r.teks(0)?)?,
                    status: Status::dari(&r.teks(1)?)?,
                    oleh: r.teks(2)?,
                    waktu: r.waktu(3)?,
                })
            })
            .collect()
    }

    /// One workflow step, recorded in the audit trail. Ajukan: draft → diajukan; Setujui:
    /// diajukan → disetujui (the period is then locked); Buka: diajukan/disetujui → draft.
    pub async fn langkah_alur(
        &self,
        pelapor: &InstansiId,
        tahun: Tahun,
        periode: Periode,
        langkah: Langkah,
        pelaku: &Pelaku,
    ) -> Result<(), Galat> {
        let mut tx = self.mulai_tulis(pelapor).await?;
        let p = nama_enum(&periode);
        let kunci = || {
            vec![
                P::from(pelapor.as_str()),
                P::I(tahun.get().into()),
                P::from(p.as_str()),
            ]
        };
        let b = tx
            .ambil(
                "SELECT status FROM status_periode WHERE pelapor = $1 AND tahun = $2 AND periode = $3",
                kunci(),
            )
            .await?;
        let kini = b.first().map(|r| r.teks(0)).transpose()?;
        let kini = kini.as_deref().map(Status::dari).transpose()?;
        let baru = match (langkah, kini) {
            (Langkah::Ajukan, None) => Some(Status::Diajukan),
            (Langkah::Setujui, Some(Status::Diajukan)) => Some(Status::Disetujui),
            (Langkah::Buka, Some(_)) => None,
            (l, k) => {
                tx.batal().await?;
                let k = k.map(Status::nama).unwrap_or("draf");
                return Err(Galat::Alur(format!(
                    "langkah {l:?} tidak berlaku untuk periode {} {tahun} yang berstatus {k}",
                    periode.label()
                )));
            }
        };
        let waktu = OffsetDateTime::now_utc();
        tx.jalankan(
            "DELETE FROM status_periode WHERE pelapor = $1 AND tahun = $2 AND periode = $3",
            kunci(),
        )
        .await?;
        if let Some(s) = baru {
            let mut ps = kunci();
            ps.extend([
                P::from(s.nama()),
                P::from(pelaku.pengguna.as_str()),
                P::W(waktu),
            ]);
            tx.jalankan(
                "INSERT INTO status_periode (pelapor, tahun, periode, status, oleh, waktu) \
                 VALUES ($1, $2, $3, $4, $5, $6)",
                ps,
            )
            .await?;
        }
        let isi = |s: Option<Status>| json!({"status": s.map(Status::nama).unwrap_or("draf")});
        let r = crate::rekaman::Rekaman {
            tabel: "status_periode".into(),
            kunci: format!("{tahun}|{p}"),
            isi: isi(baru),
        };
        let (lama, baru) = (isi(kini), isi(baru));
        let c = crate::tulis::Catatan {
            rekaman: &r,
            aksi: "ubah",
            lama: Some(&lama),
            baru: Some(&baru),
        };
        crate::tulis::catat(&mut tx, waktu, pelaku, pelapor.as_str(), &[c]).await?;
        // The period's status is part of the data set (what it shows, what is published).
        tx.jalankan(
            "UPDATE versi_data SET versi = versi + 1 WHERE pelapor = $1",
            vec![P::from(pelapor.as_str())],
        )
        .await?;
        tx.selesai().await
    }
}

/// A reviewer's note on one instansi's data of one year.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct CatatanReviu {
    pub id: i64,
    pub pengguna: String,
    pub waktu: OffsetDateTime,
    pub isi: String,
}

impl Toko {
    /// Adds a note (never edited or deleted: a correction is another note), with its audit row.
    pub async fn tambah_catatan_reviu(
        &self,
        pelapor: &InstansiId,
        tahun: Tahun,
        isi: &str,
        pelaku: &Pelaku,
    ) -> Result<(), Galat> {
        let isi = isi.trim();
        if isi.is_empty() {
            return Err(Galat::Akun("catatan kosong".into()));
        }
        if isi.chars().count() > 4000 {
            return Err(Galat::Akun("catatan lebih dari 4.000 karakter".into()));
        }
        let mut tx = self.kolam().mulai_tulis().await?;
        let waktu = OffsetDateTime::now_utc();
        tx.jalankan(
            "INSERT INTO catatan_reviu (pelapor, tahun, pengguna, waktu, isi) VALUES ($1, $2, $3, $4, $5)",
            vec![
                P::from(pelapor.as_str()),
                P::I(tahun.get().into()),
                P::from(pelaku.pengguna.as_str()),
                P::W(waktu),
                P::from(isi),
            ],
        )
        .await?;
        let r = crate::rekaman::Rekaman {
            tabel: "catatan_reviu".into(),
            kunci: tahun.to_string(),
            isi: json!({"tahun": tahun.get(), "isi": isi}),
        };
        let c = crate::tulis::Catatan {
            rekaman: &r,
            aksi: "tambah",
            lama: None,
            baru: Some(&r.isi),
        };
        crate::tulis::catat(&mut tx, waktu, pelaku, pelapor.as_str(), &[c]).await?;
        tx.selesai().await
    }

    /// The notes on a year, oldest first.
    pub async fn catatan_reviu(
        &self,
        pelapor: &InstansiId,
        tahun: Tahun,
    ) -> Result<Vec<CatatanReviu>, Galat> {
        // Notes are written outside data sets' transactions, so under the common generation.
        let b = generasi::dalam_umum(self.kolam().ambil(
            "SELECT id, pengguna, waktu, isi FROM catatan_reviu WHERE pelapor = $1 AND tahun = $2 ORDER BY id",
            vec![P::from(pelapor.as_str()), P::I(tahun.get().into())],
        ))
        .await?;
        b.iter()
            .map(|r| {
                Ok(CatatanReviu {
                    id: r.int(0)?,
                    pengguna: r.teks(1)?,
                    waktu: r.waktu(2)?,
                    isi: r.teks(3)?,
                })
            })
            .collect()
    }
}

fn akun_dari(r: &crate::basis::Baris) -> Result<Akun, Galat> {
    Ok(Akun {
        nama: r.teks(0)?,
        hash: r.teks(1)?,
        peran: r.teks(2)?,
        instansi: r
            .opsi_teks(3)?
            .map(|s| InstansiId::new(s).map_err(|e| Galat::Rusak(e.to_string())))
            .transpose()?,
    })
}
