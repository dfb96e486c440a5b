//! The one write path, `Toko::terapkan`, and the lock every writer of a data set takes,
//! `Toko::mulai_tulis`. The approval workflow takes the same lock: an approval and a save of
//! the same period are serialised, so a save either commits before the approval or reads the
//! approval and is refused.

use crate::basis::{Kolam, P, Tx, TxIsi};
use crate::rekaman::{self, Rekaman};
use crate::{Galat, Pelaku, Toko, tulis};
use kinerja_core::id::InstansiId;
use kinerja_core::model::DataInstansi;
use kinerja_core::validasi;
use serde::Serialize;
use serde_json::Value;
use std::collections::{HashMap, HashSet};
use std::ops::{Deref, DerefMut};
use std::sync::Arc;
use time::OffsetDateTime;

#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize)]
pub struct Ringkasan {
    pub ditambah: usize,
    pub diubah: usize,
    pub dihapus: usize,
    pub tetap: usize,
}

impl Ringkasan {
    pub fn tidak_berubah(&self) -> bool {
        self.ditambah == 0 && self.diubah == 0 && self.dihapus == 0
    }
}

/// A transaction that holds its data set's write lock until it commits or rolls back.
pub(crate) struct TxTulis<'a> {
    tx: Tx,
    /// SQLite: this process's turn to write (see `Toko::mulai_tulis`).
    _giliran: Option<tokio::sync::MutexGuard<'a, ()>>,
}

impl TxTulis<'_> {
    pub(crate) async fn selesai(self) -> Result<(), Galat> {
        self.tx.selesai().await
    }

    pub(crate) async fn batal(self) -> Result<(), Galat> {
        self.tx.batal().await
    }
}

impl Deref for TxTulis<'_> {
    type Target = Tx;
    fn deref(&self) -> &Tx {
        &self.tx
    }
}

impl DerefMut for TxTulis<'_> {
    fn deref_mut(&mut self) -> &mut Tx {
        &mut self.tx
    }
}

impl Toko {
    /// A write transaction of `pelapor`'s data set, begun after every earlier writer of it has
    /// finished. Everything that writes a data set, or decides what may be written to it (the
    /// approval of a period), reads and writes inside one of these, so a decision read here
    /// cannot be changed by another writer before this transaction commits. Its commit raises
    /// the common generation only when marked (`Tx::ubah_umum`): the writer raises the
    /// versions (`versi_data`) of the data sets it changes.
    pub(crate) async fn mulai_tulis(&self, pelapor: &InstansiId) -> Result<TxTulis<'_>, Galat> {
        Ok(match &self.kolam {
            Kolam::Sqlite(p) => {
                // SQLite has one writer; its busy handler retries with sleeps, so under many
                // writers some wait seconds, and a transaction that read before it wrote cannot
                // wait at all (SQLITE_BUSY at once). Queue this process's writers here, first
                // come first served, and take the write lock at BEGIN.
                let giliran = self.antrean_tulis.lock().await;
                let mut tx = Tx::baru(TxIsi::Sqlite(p.begin_with("BEGIN IMMEDIATE").await?));
                tx.hanya_data();
                TxTulis {
                    tx,
                    _giliran: Some(giliran),
                }
            }
            Kolam::Postgres(p) => {
                let mut tx = Tx::baru(TxIsi::Postgres(p.begin().await?));
                tx.hanya_data();
                // Writers of one data set queue up (across processes): load-change-write must
                // not interleave. Released at commit or rollback.
                tx.jalankan(
                    "SELECT pg_advisory_xact_lock(hashtext($1))",
                    vec![P::from(pelapor.as_str())],
                )
                .await?;
                TxTulis { tx, _giliran: None }
            }
        })
    }

    /// The one write path: `ubah` gets the current records and returns the wanted ones.
    pub async fn terapkan(
        &self,
        pelapor: &InstansiId,
        pelaku: &Pelaku,
        ubah: impl FnOnce(Vec<Rekaman>) -> Result<Vec<Rekaman>, Galat>,
    ) -> Result<Ringkasan, Galat> {
        self.terapkan_pilih(pelapor, pelaku, false, ubah).await
    }

    /// `terapkan`; `langkah`: the write is a step of the evaluation's workflow, which may change
    /// a year's stage (`kunci_evaluasi`).
    async fn terapkan_pilih(
        &self,
        pelapor: &InstansiId,
        pelaku: &Pelaku,
        langkah: bool,
        ubah: impl FnOnce(Vec<Rekaman>) -> Result<Vec<Rekaman>, Galat>,
    ) -> Result<Ringkasan, Galat> {
        let mut tx = self.mulai_tulis(pelapor).await?;
        let hasil = terapkan_dalam(&mut tx, pelapor, pelaku, langkah, ubah).await;
        match hasil {
            Ok((r, versi, data)) => {
                tx.selesai().await?;
                if let Some(v) = versi {
                    self.simpan_salinan(pelapor, v, Arc::new(data));
                }
                Ok(r)
            }
            Err(e) => {
                tx.batal().await?;
                Err(e)
            }
        }
    }
}

/// Why `Toko::ubah_data` wrote nothing: the caller's change refused its input (with the
/// caller's own account of why), or the store refused the result.
#[derive(Debug)]
pub enum GagalUbah<E> {
    Ditolak(E),
    Toko(Galat),
}

impl Toko {
    /// `terapkan` for a change computed on the whole data set (an uploaded file merged into the
    /// stored data): `ubah` gets the stored data set and returns the wanted one, or its own
    /// refusal, handed back unchanged so the caller can show every problem it found.
    pub async fn ubah_data<E>(
        &self,
        pelapor: &InstansiId,
        pelaku: &Pelaku,
        ubah: impl FnOnce(&DataInstansi) -> Result<DataInstansi, E>,
    ) -> Result<Ringkasan, GagalUbah<E>> {
        self.ubah_data_pilih(pelapor, pelaku, false, ubah).await
    }

    /// A step of the Evaluasi AKIP's workflow (submit, evaluated, final, reopen): `ubah_data`
    /// that may change a year's stage (`status_evaluasi`), which no other write by an actor
    /// without every right may. The caller has checked the actor's role for the step; `ubah`
    /// checks that the step follows from the stage (`kinerja_evaluasi::alur`).
    pub async fn langkah_evaluasi<E>(
        &self,
        pelapor: &InstansiId,
        pelaku: &Pelaku,
        ubah: impl FnOnce(&DataInstansi) -> Result<DataInstansi, E>,
    ) -> Result<Ringkasan, GagalUbah<E>> {
        self.ubah_data_pilih(pelapor, pelaku, true, ubah).await
    }

    async fn ubah_data_pilih<E>(
        &self,
        pelapor: &InstansiId,
        pelaku: &Pelaku,
        langkah: bool,
        ubah: impl FnOnce(&DataInstansi) -> Result<DataInstansi, E>,
    ) -> Result<Ringkasan, GagalUbah<E>> {
        let mut tolak = None;
        let r = self
            .terapkan_pilih(pelapor, pelaku, langkah, |lama| {
                let d = rekaman::rakit(lama).map_err(|e| Galat::Rusak(e.to_string()))?;
                match ubah(&d) {
                    Ok(baru) => Ok(rekaman::pecah(&baru)),
                    Err(e) => {
                        tolak = Some(e);
                        Err(Galat::Ditolak("perubahan ditolak".into()))
                    }
                }
            })
            .await;
        match (r, tolak) {
            (_, Some(e)) => Err(GagalUbah::Ditolak(e)),
            (r, None) => r.map_err(GagalUbah::Toko),
        }
    }
}

async fn terapkan_dalam(
    tx: &mut Tx,
    pelapor: &InstansiId,
    pelaku: &Pelaku,
    langkah: bool,
    ubah: impl FnOnce(Vec<Rekaman>) -> Result<Vec<Rekaman>, Galat>,
) -> Result<(Ringkasan, Option<i64>, DataInstansi), Galat> {
    let lama = tulis::muat_rekaman(tx, pelapor.as_str()).await?;
    let baru = ubah(lama.clone())?;
    let data = rekaman::rakit(baru.clone()).map_err(|e| Galat::Rusak(e.to_string()))?;
    let pelanggaran = validasi::periksa(&data);
    if !pelanggaran.is_empty() {
        return Err(Galat::TidakSah(pelanggaran));
    }
    if !data.instansi.iter().any(|i| &i.id == pelapor) {
        return Err(Galat::Pelapor(format!(
            "instansi pelapor \"{pelapor}\" harus ada di [[instansi]] data"
        )));
    }
    // Re-split so that keys and order are those of the validated aggregate.
    let baru = rekaman::pecah(&data);
    let terkunci = tulis::periode_terkunci(tx, pelapor.as_str()).await?;
    let kunci_pk = kunci_pk::KunciPk::dari(&lama, &data)?;
    let kunci_evaluasi = kunci_evaluasi::KunciEvaluasi::dari(&lama, &data, pelaku, langkah);
    let bersama = ubahan_bersama(tx, pelapor, pelaku, &baru).await?;
    let diubah_bersama =
        |r: &Rekaman| r.tabel == "instansi" && bersama.iter().any(|b| b.kunci == r.kunci);
    let waktu = OffsetDateTime::now_utc();
    let mut lama_per_kunci: HashMap<(&str, &str), (usize, &Rekaman)> = HashMap::new();
    let mut urutan_lama: HashMap<&str, usize> = HashMap::new();
    for r in &lama {
        let u = urutan_lama.entry(r.tabel.as_str()).or_default();
        lama_per_kunci.insert((r.tabel.as_str(), r.kunci.as_str()), (*u, r));
        *u += 1;
    }
    let mut ringkasan = Ringkasan::default();
    let mut urutan: HashMap<&str, usize> = HashMap::new();
    let mut ada = HashSet::new();
    let mut tulis = Vec::new();
    let mut catat = Vec::new();
    for r in &baru {
        let u = urutan.entry(r.tabel.as_str()).or_default();
        let posisi = *u as i64;
        *u += 1;
        ada.insert((r.tabel.as_str(), r.kunci.as_str()));
        match lama_per_kunci.get(&(r.tabel.as_str(), r.kunci.as_str())) {
            Some((u_lama, l)) if l.isi == r.isi => {
                ringkasan.tetap += 1;
                if *u_lama as i64 != posisi {
                    tulis.push((posisi, r));
                }
            }
            Some((_, l)) => {
                periksa_kunci(&terkunci, r)?;
                kunci_pk.periksa(Some(l), Some(r))?;
                kunci_evaluasi.periksa(Some(l), Some(r))?;
                tulis.push((posisi, r));
                ringkasan.diubah += 1;
                if diubah_bersama(r) {
                    // Filed under its owner below, not in this data set's trail.
                    continue;
                }
                catat.push(tulis::Catatan {
                    rekaman: r,
                    aksi: "ubah",
                    lama: Some(&l.isi),
                    baru: Some(&r.isi),
                });
            }
            None => {
                periksa_kunci(&terkunci, r)?;
                kunci_pk.periksa(None, Some(r))?;
                kunci_evaluasi.periksa(None, Some(r))?;
                tulis.push((posisi, r));
                catat.push(tulis::Catatan {
                    rekaman: r,
                    aksi: "tambah",
                    lama: None,
                    baru: Some(&r.isi),
                });
                ringkasan.ditambah += 1;
            }
        }
    }
    for l in &lama {
        if !ada.contains(&(l.tabel.as_str(), l.kunci.as_str())) {
            periksa_kunci(&terkunci, l)?;
            kunci_pk.periksa(Some(l), None)?;
            kunci_evaluasi.periksa(Some(l), None)?;
            tulis::hapus(tx, pelapor.as_str(), l).await?;
            catat.push(tulis::Catatan {
                rekaman: l,
                aksi: "hapus",
                lama: Some(&l.isi),
                baru: None,
            });
            ringkasan.dihapus += 1;
        }
    }
    // The shared instansi rows whose stored content this write changes (read before it
    // writes them): every other data set carrying one of them changes with it. A record this
    // data set merely starts or stops carrying, unchanged, changes no other data set.
    let mut berubah: Vec<&str> = bersama.iter().map(|b| b.kunci.as_str()).collect();
    for c in catat
        .iter()
        .filter(|c| c.rekaman.tabel == "instansi" && c.aksi != "hapus")
    {
        // Changed: the data set's copy is the stored row. Added: the row may exist already
        // (another data set carries it), changed or not.
        let beda = c.aksi == "ubah"
            || instansi_tersimpan(tx, &c.rekaman.kunci)
                .await?
                .is_some_and(|t| t.isi != c.rekaman.isi);
        if beda {
            berubah.push(c.rekaman.kunci.as_str());
        }
    }
    if !bersama.is_empty() || catat.iter().any(|c| c.rekaman.tabel == "instansi") {
        // The instansi list (names, hierarchy, which instansi report) may differ.
        tx.ubah_umum();
    }
    tulis::tulis(tx, pelapor.as_str(), &tulis).await?;
    tulis::catat(tx, waktu, pelaku, pelapor.as_str(), &catat).await?;
    for l in &bersama {
        let r = baru
            .iter()
            .find(|r| r.tabel == "instansi" && r.kunci == l.kunci)
            .expect("a shared change comes from a record of this write");
        let c = tulis::Catatan {
            rekaman: r,
            aksi: "ubah",
            lama: Some(&l.isi),
            baru: Some(&r.isi),
        };
        tulis::catat(tx, waktu, pelaku, &l.kunci, &[c]).await?;
    }
    let versi = if ringkasan.tidak_berubah() && tulis.is_empty() {
        None
    } else {
        for kunci in berubah {
            tx.jalankan(
                "UPDATE versi_data SET versi = versi + 1 WHERE pelapor <> $1 AND pelapor IN \
                 (SELECT pelapor FROM cakupan WHERE instansi = $2)",
                vec![P::from(pelapor.as_str()), P::from(kunci)],
            )
            .await?;
        }
        let b = tx
            .ambil(
                "INSERT INTO versi_data (pelapor, versi) VALUES ($1, 1) ON CONFLICT (pelapor) \
                 DO UPDATE SET versi = versi_data.versi + 1 RETURNING versi",
                vec![P::from(pelapor.as_str())],
            )
            .await?;
        Some(b[0].int(0)?)
    };
    Ok((ringkasan, versi, data))
}

/// The records of this write that other data sets own (instansi other than the reporting one)
/// and that differ from what is stored, each as stored. An unchanged copy (the parent
/// kabupaten a kecamatan's file carries along) and a new instansi are this data set's business;
/// a change to a stored one needs the actor's right to change that instansi, else the whole
/// write is refused.
async fn ubahan_bersama(
    tx: &mut Tx,
    pelapor: &InstansiId,
    pelaku: &Pelaku,
    baru: &[Rekaman],
) -> Result<Vec<Rekaman>, Galat> {
    let mut hasil = Vec::new();
    for r in baru
        .iter()
        .filter(|r| r.tabel == "instansi" && r.kunci != pelapor.as_str())
    {
        let Some(tersimpan) = instansi_tersimpan(tx, &r.kunci).await? else {
            continue;
        };
        if tersimpan.isi == r.isi {
            continue;
        }
        let pemilik = InstansiId::new(&r.kunci).map_err(|e| Galat::Rusak(e.to_string()))?;
        if !pelaku.hak.boleh_ubah(&pemilik) {
            return Err(Galat::BukanMilik(format!(
                "data \"{pelapor}\" membawa [[instansi]] \"{pemilik}\" yang berbeda dari yang \
                 tersimpan; instansi itu milik data \"{pemilik}\" dan hanya admin atau operatornya \
                 yang boleh mengubahnya (tidak ada yang disimpan)"
            )));
        }
        if tx.postgres() {
            // The owner's writers load, change and write its records too: queue behind them so
            // neither overwrites the other, then read the value this change replaces.
            tx.jalankan(
                "SELECT pg_advisory_xact_lock(hashtext($1))",
                vec![P::from(pemilik.as_str())],
            )
            .await?;
        }
        match instansi_tersimpan(tx, &r.kunci).await? {
            Some(t) if t.isi != r.isi => hasil.push(t),
            _ => {}
        }
    }
    Ok(hasil)
}

async fn instansi_tersimpan(tx: &mut Tx, id: &str) -> Result<Option<Rekaman>, Galat> {
    let b = tx
        .ambil(
            "SELECT id, nama, jenis, induk, kode, alamat, catatan FROM instansi WHERE id = $1",
            vec![P::from(id)],
        )
        .await?;
    b.first()
        .map(|b| Ok(tulis::ke_rekaman("instansi", &tulis::instansi_dari(b)?)))
        .transpose()
}

/// An approved period freezes its realisasi and its data element values (`nilai_data`, which
/// formula indicators' realisasi are computed from); an approved year (period `tahunan`) also
/// freezes the year's budget lines.
fn periksa_kunci(terkunci: &HashSet<(i64, String)>, r: &Rekaman) -> Result<(), Galat> {
    let tahun = r.isi.get("tahun").and_then(Value::as_i64).unwrap_or(0);
    let periode = match r.tabel.as_str() {
        "realisasi" | "nilai_data" => r
            .isi
            .get("periode")
            .and_then(Value::as_str)
            .unwrap_or("tahunan"),
        "anggaran" => "tahunan",
        _ => return Ok(()),
    };
    if terkunci.contains(&(tahun, periode.to_string())) {
        let label = tulis::enum_dari::<kinerja_core::waktu::Periode>(periode.to_string())
            .map(|p| p.label())
            .unwrap_or(periode);
        let apa = match r.tabel.as_str() {
            "realisasi" => format!(
                "realisasi indikator {}",
                r.isi
                    .get("indikator")
                    .and_then(Value::as_str)
                    .unwrap_or("?")
            ),
            "nilai_data" => format!(
                "data elemen {}",
                r.isi.get("elemen").and_then(Value::as_str).unwrap_or("?")
            ),
            _ => format!("anggaran pos {}", r.kunci),
        };
        return Err(Galat::Terkunci(format!("{apa}, {label} {tahun}")));
    }
    Ok(())
}

mod kunci_evaluasi;
mod kunci_pk;
#[cfg(test)]
mod tests;
#[cfg(test)]
mod tests_milik;
