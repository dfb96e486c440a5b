//! Bulk loading of new data sets into PostgreSQL with COPY: the synthetic nation of the
//! benchmarks, or a province's first load of its kabupaten. It writes exactly the rows
//! `Toko::impor` would write for a data set the database does not hold yet, only faster:
//! - each data set is validated whole (`validasi::periksa`, the check of every write) and must
//!   name its reporting instansi, as in `Toko::terapkan`; any refusal refuses the whole batch;
//! - it only adds: a data set already in the database, or an instansi stored with another
//!   value (or two different copies of one in the batch), refuses the batch; changes go through
//!   `Toko::terapkan`;
//! - every record gets its audit row (`tambah`, the record as its new value), as an import of a
//!   new data set does; the rows are the same rows (`tulis::baris_rekaman`,
//!   `tulis::baris_jejak`), written by COPY instead of INSERT;
//! - the batch is one transaction holding each data set's write lock, with the data set
//!   versions (`versi_data`) and the database's generation raised, so caches see it.
//!
//! No other data set's version is raised: the shared instansi it carries are either new (then
//! no stored data set names them) or equal to the stored ones.

use crate::basis::{Kolam, P};
use crate::rekaman::{self, Rekaman};
use crate::tulis::{self, Catatan};
use crate::{Galat, Pelaku, Toko};
use kinerja_core::model::DataInstansi;
use kinerja_core::validasi;
use std::collections::{HashMap, HashSet};
use std::time::{Duration, Instant};
use time::OffsetDateTime;

/// What a bulk load wrote, and where its time went.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RingkasanMassal {
    pub data_set: usize,
    /// Records of the data sets (each also has its audit row).
    pub rekaman: usize,
    /// Rows written by COPY, every table (records, shared instansi, memberships, audit rows).
    pub baris: u64,
    /// Validating and encoding the batch (`siapkan_massal`).
    pub waktu_siapkan: Duration,
    /// Each COPY (its statement's table, rows, time), in the order sent.
    pub waktu_salin: Vec<(String, u64, Duration)>,
    /// The commit (PostgreSQL checks the deferred references to `instansi` here).
    pub waktu_commit: Duration,
}

/// A batch validated and encoded for COPY (`siapkan_massal`), to be written by
/// `Toko::muat_siap`: a caller can prepare the next batch while one is written.
pub struct MuatanMassal {
    salinan: Salinan,
    waktu: Duration,
}

/// Validates and encodes a batch of new data sets for `Toko::muat_siap` (CPU only; all or
/// nothing: the first refusal refuses the batch). See the module's documentation.
pub fn siapkan_massal(kumpulan: &[DataInstansi], pelaku: &Pelaku) -> Result<MuatanMassal, Galat> {
    let t = Instant::now();
    let salinan = siapkan(kumpulan, pelaku)?;
    Ok(MuatanMassal {
        salinan,
        waktu: t.elapsed(),
    })
}

/// The batch as COPY text, one buffer per statement, in the order they are sent.
struct Salinan {
    pelapor: Vec<String>,
    /// The instansi records of the batch, one per id.
    instansi: HashMap<String, Rekaman>,
    urutan: Vec<(String, String)>,
    rekaman: usize,
}

/// Validates and encodes the batch (CPU only: run off the async workers).
fn siapkan(kumpulan: &[DataInstansi], pelaku: &Pelaku) -> Result<Salinan, Galat> {
    let waktu = OffsetDateTime::now_utc();
    let mut pelapor = Vec::with_capacity(kumpulan.len());
    let mut instansi: HashMap<String, Rekaman> = HashMap::new();
    let mut buf: Vec<(String, String)> = Vec::new();
    let mut jumlah = 0;
    // Buffers by statement, found by the constant's address (`baris_rekaman` and `baris_jejak`
    // name each once; were two addresses one statement, it would be two COPYs, still right).
    let mut posisi: HashMap<usize, usize> = HashMap::new();
    let mut tambah = |s: &'static tulis::Sisip, ps: &[P], buf: &mut Vec<(String, String)>| {
        let i = *posisi.entry(s as *const _ as usize).or_insert_with(|| {
            buf.push((s.salin(), String::new()));
            buf.len() - 1
        });
        let b = &mut buf[i].1;
        for (k, p) in ps.iter().enumerate() {
            if k > 0 {
                b.push('\t');
            }
            p.salin(b);
        }
        b.push('\n');
    };
    for d in kumpulan {
        let p = crate::impor::tentukan_pelapor(d, None)?;
        let pelanggaran = validasi::periksa(d);
        if !pelanggaran.is_empty() {
            return Err(Galat::TidakSah(pelanggaran));
        }
        if !d.instansi.iter().any(|i| i.id == p) {
            return Err(Galat::Pelapor(format!(
                "instansi pelapor \"{p}\" harus ada di [[instansi]] data"
            )));
        }
        if pelapor.contains(&p.to_string()) {
            return Err(Galat::Pelapor(format!(
                "data \"{p}\" ada dua kali dalam muatan"
            )));
        }
        pelapor.push(p.to_string());
        let semua = rekaman::pecah(d);
        let mut urutan: HashMap<&str, i64> = HashMap::new();
        for r in &semua {
            let u = urutan.entry(r.tabel.as_str()).or_default();
            for (s, ps) in tulis::baris_rekaman(p.as_str(), *u, r)? {
                // The shared instansi row is written once per batch, below.
                if r.tabel == "instansi" && tulis::sisip_instansi(s) {
                    match instansi.get(&r.kunci) {
                        Some(lain) if lain.isi != r.isi => {
                            return Err(Galat::BukanMilik(format!(
                                "instansi \"{}\" muncul dengan isi berbeda dalam muatan \
                                 (data \"{p}\"); tidak ada yang disimpan",
                                r.kunci
                            )));
                        }
                        Some(_) => {}
                        None => {
                            instansi.insert(r.kunci.clone(), r.clone());
                        }
                    }
                    continue;
                }
                tambah(s, &ps, &mut buf);
            }
            *u += 1;
            let c = Catatan {
                rekaman: r,
                aksi: "tambah",
                lama: None,
                baru: Some(&r.isi),
            };
            let (s, ps) = tulis::baris_jejak(waktu, pelaku, p.as_str(), &c);
            tambah(s, &ps, &mut buf);
        }
        jumlah += semua.len();
    }
    Ok(Salinan {
        pelapor,
        instansi,
        urutan: buf,
        rekaman: jumlah,
    })
}

impl Toko {
    /// Loads new data sets with COPY (PostgreSQL only), all or nothing; see the module's
    /// documentation for what it checks and writes.
    pub async fn muat_massal(
        &self,
        kumpulan: Vec<DataInstansi>,
        pelaku: &Pelaku,
    ) -> Result<RingkasanMassal, Galat> {
        self.pool_massal()?;
        let pelaku_ = pelaku.clone();
        let m = tokio::task::spawn_blocking(move || siapkan_massal(&kumpulan, &pelaku_))
            .await
            .map_err(|e| Galat::Rusak(format!("penyiapan muatan gagal: {e}")))??;
        self.muat_siap(m).await
    }

    fn pool_massal(&self) -> Result<&sqlx::PgPool, Galat> {
        match &self.kolam {
            Kolam::Postgres(pool) => Ok(pool),
            _ => Err(Galat::Alur(
                "muat massal (COPY) hanya untuk PostgreSQL; pakai impor".into(),
            )),
        }
    }

    /// Writes a batch `siapkan_massal` prepared: `muat_massal` in two steps.
    pub async fn muat_siap(&self, m: MuatanMassal) -> Result<RingkasanMassal, Galat> {
        let pool = self.pool_massal()?;
        let s = m.salinan;
        let mut tx = pool.begin().await?;
        let mut pelapor = s.pelapor.clone();
        // A fixed order of locks: two batches sharing data sets cannot deadlock.
        pelapor.sort();
        for p in &pelapor {
            sqlx::query("SELECT pg_advisory_xact_lock(hashtext($1))")
                .bind(p)
                .execute(&mut *tx)
                .await?;
        }
        let ada: Vec<String> = sqlx::query_scalar(
            "SELECT pelapor FROM versi_data WHERE pelapor = ANY($1) \
             UNION SELECT pelapor FROM cakupan WHERE pelapor = ANY($1) LIMIT 5",
        )
        .bind(&pelapor)
        .fetch_all(&mut *tx)
        .await?;
        if !ada.is_empty() {
            return Err(Galat::Alur(format!(
                "data {} sudah ada di basis data: muat massal hanya menambah data baru \
                 (pakai impor untuk mengubah); tidak ada yang disimpan",
                ada.iter()
                    .map(|p| format!("\"{p}\""))
                    .collect::<Vec<_>>()
                    .join(", ")
            )));
        }
        // Shared instansi: new ones are written, stored ones must be what the batch says.
        let ids: Vec<&String> = s.instansi.keys().collect();
        let mut tersimpan = HashSet::new();
        for b in sqlx::query(
            "SELECT id, nama, jenis, induk, kode, alamat, catatan FROM instansi WHERE id = ANY($1)",
        )
        .bind(&ids)
        .fetch_all(&mut *tx)
        .await?
        {
            let b = crate::basis::Baris::Postgres(b);
            let r = tulis::ke_rekaman("instansi", &tulis::instansi_dari(&b)?);
            if s.instansi.get(&r.kunci).map(|x| &x.isi) != Some(&r.isi) {
                return Err(Galat::BukanMilik(format!(
                    "instansi \"{}\" tersimpan dengan isi lain: muat massal tidak mengubah \
                     instansi (pakai impor); tidak ada yang disimpan",
                    r.kunci
                )));
            }
            tersimpan.insert(r.kunci);
        }
        let mut baris_instansi = String::new();
        let mut perintah_instansi = None;
        let mut ids: Vec<&String> = s.instansi.keys().collect();
        ids.sort();
        for id in ids.into_iter().filter(|i| !tersimpan.contains(*i)) {
            for (st, ps) in tulis::baris_rekaman("", 0, &s.instansi[id])? {
                if tulis::sisip_instansi(st) {
                    let perintah = st.salin();
                    for (k, p) in ps.iter().enumerate() {
                        if k > 0 {
                            baris_instansi.push('\t');
                        }
                        p.salin(&mut baris_instansi);
                    }
                    baris_instansi.push('\n');
                    perintah_instansi = Some(perintah);
                }
            }
        }
        let mut n = 0;
        let mut waktu_salin = Vec::new();
        let semua = perintah_instansi
            .map(|p| (p, baris_instansi))
            .into_iter()
            .chain(s.urutan);
        for (perintah, isi) in semua {
            let t = Instant::now();
            let mut c = tx.copy_in_raw(&perintah).await?;
            c.send(isi.as_bytes()).await?;
            let k = c.finish().await?;
            n += k;
            let tabel = perintah
                .trim_start_matches("COPY ")
                .split(' ')
                .next()
                .unwrap_or_default();
            waktu_salin.push((tabel.to_string(), k, t.elapsed()));
        }
        sqlx::query("INSERT INTO versi_data (pelapor, versi) SELECT unnest($1::text[]), 1")
            .bind(&pelapor)
            .execute(&mut *tx)
            .await?;
        // A roll-up summary stored under these names (none should be: no version to match)
        // must not meet the new data sets' version 1.
        sqlx::query("DELETE FROM ringkas_rekap WHERE pelapor = ANY($1)")
            .bind(&pelapor)
            .execute(&mut *tx)
            .await?;
        // As `basis::Tx::selesai` does for every writing transaction, last; new data sets
        // change the instansi list (the common generation).
        sqlx::query("UPDATE generasi SET n = n + 1, umum = umum + 1")
            .execute(&mut *tx)
            .await?;
        let t = Instant::now();
        tx.commit().await?;
        Ok(RingkasanMassal {
            data_set: s.pelapor.len(),
            rekaman: s.rekaman,
            baris: n,
            waktu_siapkan: m.waktu,
            waktu_salin,
            waktu_commit: t.elapsed(),
        })
    }
}
