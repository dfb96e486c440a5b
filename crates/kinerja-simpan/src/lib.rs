//! Storage: many instansi and many years in one database, SQLite (the embedded default, one file)
//! or PostgreSQL (a kabupaten server), behind one `Toko`.
//!
//! Invariants:
//! - Every write goes through `Toko::terapkan`: load the data set, change it, validate the whole
//!   result with `kinerja_core::validasi::periksa` (the same check a file gets), diff it record by
//!   record, write the differences and one audit row per difference, in one transaction. A write
//!   that fails validation changes nothing.
//! - Nothing is deleted without an audit row holding the old value.
//! - Money never passes through a float: INTEGER sen (SQLite), NUMERIC(20,2) (PostgreSQL).

pub mod akun;
mod basis;
pub mod rekaman;
mod tulis;
#[doc(hidden)]
pub mod uji;

pub use basis::Kolam;
use basis::{P, Tx};
use kinerja_core::id::InstansiId;
use kinerja_core::model::{DataInstansi, Instansi, JenisInstansi};
use kinerja_core::validasi::{self, Pelanggaran};
use rekaman::Rekaman;
use serde::Serialize;
use serde_json::Value;
use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use time::OffsetDateTime;

#[derive(Debug, thiserror::Error)]
pub enum Galat {
    #[error("basis data: {0}")]
    Basis(#[from] sqlx::Error),
    #[error("migrasi skema: {0}")]
    Migrasi(#[from] sqlx::migrate::MigrateError),
    #[error("data tidak sah ({} pelanggaran): {}", .0.len(), ringkas_pelanggaran(.0))]
    TidakSah(Vec<Pelanggaran>),
    #[error("instansi \"{0}\" tidak memiliki data di basis data ini")]
    TidakAda(String),
    #[error("{0}")]
    Pelapor(String),
    #[error("isi basis data rusak: {0}")]
    Rusak(String),
    #[error("{0}")]
    Akun(String),
    #[error("{0}")]
    Alur(String),
    #[error("periode terkunci (sudah disetujui): {0}; buka kunci dahulu")]
    Terkunci(String),
}

fn ringkas_pelanggaran(p: &[Pelanggaran]) -> String {
    let mut s: Vec<String> = p.iter().take(5).map(|x| x.to_string()).collect();
    if p.len() > 5 {
        s.push(format!("... dan {} lagi", p.len() - 5));
    }
    s.join("; ")
}

/// Who changes data and through which door; both go into the audit trail.
#[derive(Debug, Clone)]
pub struct Pelaku {
    pub pengguna: String,
    pub sumber: String,
}

/// What an import does with records that exist in the database but not in the file.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ModeImpor {
    /// Add new records, update changed ones, keep the rest (data entered elsewhere survives).
    Gabung,
    /// The file is the whole data set: records missing from it are deleted (each deletion is in
    /// the audit trail with its old value).
    Ganti,
}

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

/// One instansi's budget total of a year, from `Toko::anggaran_wilayah`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct AnggaranPelapor {
    pub pelapor: InstansiId,
    pub pagu: kinerja_core::uang::Rupiah,
    /// Sum of the reported realisasi; `None` when no line has one.
    pub realisasi: Option<kinerja_core::uang::Rupiah>,
    pub belum_dilaporkan: usize,
}

#[derive(Clone, Debug)]
pub struct Toko {
    kolam: Kolam,
    /// Loaded data sets with the version they were loaded at (`versi_data`). Every write bumps
    /// the version in its transaction, so a copy is used only while no process has written:
    /// correct with several servers on one PostgreSQL, and one cheap query per read.
    simpanan: Arc<Mutex<Salinan>>,
    /// Writers of this process, in arrival order (SQLite: see `terapkan`).
    antrean_tulis: Arc<tokio::sync::Mutex<()>>,
}

/// Data sets in memory: reporting instansi → (version, data).
type Salinan = HashMap<String, (i64, Arc<DataInstansi>)>;

/// The default database when no `--db` is given: `$KINERJA_DB`, else `kinerja.db` in the
/// working directory (a kecamatan's laptop keeps its data next to its files).
pub fn url_bawaan() -> String {
    std::env::var("KINERJA_DB").unwrap_or_else(|_| "kinerja.db".to_string())
}

impl Toko {
    pub async fn buka(url: &str) -> Result<Toko, Galat> {
        Ok(Toko {
            kolam: Kolam::buka(url).await?,
            simpanan: Arc::default(),
            antrean_tulis: Arc::default(),
        })
    }

    pub fn kolam(&self) -> &Kolam {
        &self.kolam
    }

    pub async fn tutup(&self) {
        self.kolam.tutup().await
    }

    /// Every instansi known to the database, parents before children, then by name.
    pub async fn daftar_instansi(&self) -> Result<Vec<Instansi>, Galat> {
        let b = self
            .kolam
            .ambil(
                "SELECT id, nama, jenis, induk, kode, alamat, catatan FROM instansi ORDER BY id",
                vec![],
            )
            .await?;
        let semua = b
            .iter()
            .map(tulis::instansi_dari)
            .collect::<Result<Vec<_>, _>>()?;
        Ok(urut_hierarki(semua))
    }

    /// The instansi that have a data set of their own (they report).
    pub async fn daftar_pelapor(&self) -> Result<Vec<InstansiId>, Galat> {
        let b = self
            .kolam
            .ambil(
                "SELECT DISTINCT pelapor FROM cakupan ORDER BY pelapor",
                vec![],
            )
            .await?;
        b.iter()
            .map(|r| {
                let s = r.teks(0)?;
                InstansiId::new(s).map_err(|e| Galat::Rusak(e.to_string()))
            })
            .collect()
    }

    /// The data set of one reporting instansi, as a file would hold it.
    pub async fn muat(&self, pelapor: &InstansiId) -> Result<DataInstansi, Galat> {
        Ok((*self.muat_bersama(pelapor).await?).clone())
    }

    /// The data set, shared: from memory while its version is unchanged, else from the tables.
    pub async fn muat_bersama(&self, pelapor: &InstansiId) -> Result<Arc<DataInstansi>, Galat> {
        let b = self
            .kolam
            .ambil(
                "SELECT versi FROM versi_data WHERE pelapor = $1",
                vec![P::from(pelapor.as_str())],
            )
            .await?;
        let versi = match b.first() {
            Some(r) => r.int(0)?,
            None => return Err(Galat::TidakAda(pelapor.to_string())),
        };
        if let Some((v, d)) = self
            .simpanan
            .lock()
            .expect("not poisoned")
            .get(pelapor.as_str())
            && *v == versi
        {
            return Ok(d.clone());
        }
        let mut tx = self.kolam.mulai().await?;
        let b = tx
            .ambil(
                "SELECT versi FROM versi_data WHERE pelapor = $1",
                vec![P::from(pelapor.as_str())],
            )
            .await?;
        let versi = b.first().map(|r| r.int(0)).transpose()?.unwrap_or(0);
        let r = tulis::muat_rekaman(&mut tx, pelapor.as_str()).await?;
        tx.selesai().await?;
        if r.is_empty() {
            return Err(Galat::TidakAda(pelapor.to_string()));
        }
        let d = Arc::new(rekaman::rakit(r).map_err(|e| Galat::Rusak(e.to_string()))?);
        self.simpan_salinan(pelapor, versi, d.clone());
        Ok(d)
    }

    fn simpan_salinan(&self, pelapor: &InstansiId, versi: i64, d: Arc<DataInstansi>) {
        let mut m = self.simpanan.lock().expect("not poisoned");
        match m.get(pelapor.as_str()) {
            Some((v, _)) if *v > versi => {}
            _ => {
                m.insert(pelapor.to_string(), (versi, d));
            }
        }
    }

    /// Loads a data file's content. The reporting instansi is the one its documents name, or
    /// `pelapor` when given (it must then be one of the file's instansi).
    pub async fn impor(
        &self,
        data: &DataInstansi,
        pelapor: Option<&InstansiId>,
        mode: ModeImpor,
        pelaku: &Pelaku,
    ) -> Result<(InstansiId, Ringkasan), Galat> {
        let p = tentukan_pelapor(data, pelapor)?;
        let baru = rekaman::pecah(data);
        let ringkasan = self
            .terapkan(&p, pelaku, |lama| match mode {
                ModeImpor::Ganti => Ok(baru),
                ModeImpor::Gabung => Ok(gabung(lama, baru)),
            })
            .await?;
        Ok((p, ringkasan))
    }

    /// The one write path: `ubah` gets the current records and returns the wanted ones.
    pub async fn terapkan(
        &self,
        pelapor: &InstansiId,
        pelaku: &Pelaku,
        ubah: impl FnOnce(Vec<Rekaman>) -> Result<Vec<Rekaman>, Galat>,
    ) -> Result<Ringkasan, Galat> {
        // SQLite has one writer; its busy handler retries with sleeps, so under many writers
        // some wait seconds. Queue them here instead, first come first served.
        let _giliran = match &self.kolam {
            Kolam::Sqlite(_) => Some(self.antrean_tulis.lock().await),
            Kolam::Postgres(_) => None,
        };
        let mut tx = match &self.kolam {
            Kolam::Sqlite(p) => Tx::Sqlite(p.begin_with("BEGIN IMMEDIATE").await?),
            Kolam::Postgres(p) => {
                let mut tx = Tx::Postgres(p.begin().await?);
                // Writers of one data set queue up: load-change-write must not interleave.
                tx.jalankan(
                    "SELECT pg_advisory_xact_lock(hashtext($1))",
                    vec![P::from(pelapor.as_str())],
                )
                .await?;
                tx
            }
        };
        let hasil = terapkan_dalam(&mut tx, pelapor, pelaku, ubah).await;
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

    /// Writes realisasi (upsert by indicator, year and period).
    pub async fn simpan_realisasi(
        &self,
        pelapor: &InstansiId,
        realisasi: Vec<kinerja_core::model::Realisasi>,
        pelaku: &Pelaku,
    ) -> Result<Ringkasan, Galat> {
        let baru: Vec<Rekaman> = realisasi
            .iter()
            .map(|r| {
                let isi = serde_json::to_value(r).expect("serializable");
                Rekaman {
                    tabel: "realisasi".into(),
                    kunci: rekaman::kunci("realisasi", &isi),
                    isi,
                }
            })
            .collect();
        self.terapkan(pelapor, pelaku, |lama| {
            if lama.is_empty() {
                return Err(Galat::TidakAda(pelapor.to_string()));
            }
            Ok(gabung(lama, baru))
        })
        .await
    }

    /// Sets the realisasi of budget lines (`None`: not reported yet). Lines are named by id;
    /// an unknown id is refused.
    pub async fn simpan_realisasi_anggaran(
        &self,
        pelapor: &InstansiId,
        realisasi: Vec<(
            kinerja_core::id::PosAnggaranId,
            Option<kinerja_core::uang::Rupiah>,
        )>,
        pelaku: &Pelaku,
    ) -> Result<Ringkasan, Galat> {
        self.terapkan(pelapor, pelaku, |mut lama| {
            for (id, nilai) in realisasi {
                let r = lama
                    .iter_mut()
                    .find(|r| r.tabel == "anggaran" && r.kunci == id.as_str())
                    .ok_or_else(|| Galat::TidakAda(format!("{pelapor}/anggaran/{id}")))?;
                let mut pos: kinerja_core::model::PosAnggaran =
                    serde_json::from_value(r.isi.clone())
                        .map_err(|e| Galat::Rusak(e.to_string()))?;
                pos.realisasi = nilai;
                r.isi = serde_json::to_value(&pos).expect("serializable");
            }
            Ok(lama)
        })
        .await
    }

    /// The year's budget of every reporting instansi below `induk` (at any depth, `induk`
    /// included), summed by the database: a roll-up over a kabupaten or province is one query
    /// over the typed budget table, not a copy. Same rule as `anggaran::ringkas`: unreported
    /// lines are counted, not summed as zero.
    pub async fn anggaran_wilayah(
        &self,
        induk: &InstansiId,
        tahun: kinerja_core::waktu::Tahun,
    ) -> Result<Vec<AnggaranPelapor>, Galat> {
        let mut tx = self.kolam.mulai().await?;
        let b = tx
            .ambil(
                "WITH RECURSIVE bawah (id) AS ( \
                   SELECT id FROM instansi WHERE id = $1 \
                   UNION ALL SELECT i.id FROM instansi i JOIN bawah b ON i.induk = b.id) \
                 SELECT a.pelapor, SUM(a.pagu), SUM(a.realisasi), COUNT(*) - COUNT(a.realisasi) \
                 FROM pos_anggaran a JOIN bawah b ON a.pelapor = b.id \
                 WHERE a.tahun = $2 GROUP BY a.pelapor ORDER BY a.pelapor",
                vec![P::from(induk.as_str()), P::I(tahun.get().into())],
            )
            .await?;
        let rupiah =
            |d| kinerja_core::uang::Rupiah::new(d).map_err(|e| Galat::Rusak(e.to_string()));
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

fn tentukan_pelapor(
    data: &DataInstansi,
    diminta: Option<&InstansiId>,
) -> Result<InstansiId, Galat> {
    if let Some(p) = diminta {
        if !data.instansi.iter().any(|i| &i.id == p) {
            return Err(Galat::Pelapor(format!(
                "instansi \"{p}\" tidak ada di antara [[instansi]] data ini"
            )));
        }
        return Ok(p.clone());
    }
    rekaman::pelapor(data).map_err(|calon| {
        if calon.is_empty() {
            Galat::Pelapor(
                "data tidak menyebut instansi pelapor (tidak ada Renstra, RKT, PK, IKU, SKM atau laporan): \
                 sebutkan dengan --instansi"
                    .into(),
            )
        } else {
            let nama: Vec<String> = calon.iter().map(|c| format!("\"{c}\"")).collect();
            Galat::Pelapor(format!(
                "dokumen data ini menyebut lebih dari satu instansi ({}): pilih dengan --instansi",
                nama.join(", ")
            ))
        }
    })
}

/// Records of `baru` replace those with the same key in `lama`, in place; new ones go to the end
/// of their table.
fn gabung(lama: Vec<Rekaman>, baru: Vec<Rekaman>) -> Vec<Rekaman> {
    let mut hasil = lama;
    let posisi: HashMap<(String, String), usize> = hasil
        .iter()
        .enumerate()
        .map(|(i, r)| ((r.tabel.clone(), r.kunci.clone()), i))
        .collect();
    for r in baru {
        match posisi.get(&(r.tabel.clone(), r.kunci.clone())) {
            Some(&i) => hasil[i] = r,
            None => hasil.push(r),
        }
    }
    hasil
}

async fn terapkan_dalam(
    tx: &mut Tx,
    pelapor: &InstansiId,
    pelaku: &Pelaku,
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
    let mut ada = std::collections::HashSet::new();
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
                tulis.push((posisi, r));
                catat.push(tulis::Catatan {
                    rekaman: r,
                    aksi: "ubah",
                    lama: Some(&l.isi),
                    baru: Some(&r.isi),
                });
                ringkasan.diubah += 1;
            }
            None => {
                periksa_kunci(&terkunci, r)?;
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
    tulis::tulis(tx, pelapor.as_str(), &tulis).await?;
    tulis::catat(tx, waktu, pelaku, pelapor.as_str(), &catat).await?;
    let versi = if ringkasan.tidak_berubah() && tulis.is_empty() {
        None
    } else {
        // Instansi rows are shared: a change to one is a change to every data set naming it.
        for c in catat.iter().filter(|c| c.rekaman.tabel == "instansi") {
            tx.jalankan(
                "UPDATE versi_data SET versi = versi + 1 WHERE pelapor <> $1 AND pelapor IN \
                 (SELECT pelapor FROM cakupan WHERE instansi = $2)",
                vec![P::from(pelapor.as_str()), P::from(c.rekaman.kunci.as_str())],
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

/// An approved period freezes its realisasi; an approved year (period `tahunan`) also freezes
/// the year's budget lines.
fn periksa_kunci(
    terkunci: &std::collections::HashSet<(i64, String)>,
    r: &Rekaman,
) -> Result<(), Galat> {
    let tahun = r.isi.get("tahun").and_then(Value::as_i64).unwrap_or(0);
    let periode = match r.tabel.as_str() {
        "realisasi" => r
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
            _ => format!("anggaran pos {}", r.kunci),
        };
        return Err(Galat::Terkunci(format!("{apa}, {label} {tahun}")));
    }
    Ok(())
}

/// Parents before their children (depth first), siblings by name; orphans (parent unknown here)
/// are roots.
fn urut_hierarki(semua: Vec<Instansi>) -> Vec<Instansi> {
    let ids: std::collections::HashSet<&InstansiId> = semua.iter().map(|i| &i.id).collect();
    let mut anak: HashMap<Option<&InstansiId>, Vec<&Instansi>> = HashMap::new();
    for i in &semua {
        let induk = i.induk.as_ref().filter(|p| ids.contains(p));
        anak.entry(induk).or_default().push(i);
    }
    for v in anak.values_mut() {
        v.sort_by(|a, b| {
            peringkat(a.jenis)
                .cmp(&peringkat(b.jenis))
                .then(a.nama.cmp(&b.nama))
        });
    }
    let mut hasil = Vec::with_capacity(semua.len());
    fn jalan<'a>(
        induk: Option<&'a InstansiId>,
        anak: &HashMap<Option<&'a InstansiId>, Vec<&'a Instansi>>,
        hasil: &mut Vec<Instansi>,
    ) {
        for i in anak.get(&induk).into_iter().flatten() {
            hasil.push((*i).clone());
            jalan(Some(&i.id), anak, hasil);
        }
    }
    jalan(None, &anak, &mut hasil);
    hasil
}

fn peringkat(j: JenisInstansi) -> u8 {
    match j {
        JenisInstansi::Kementerian => 0,
        JenisInstansi::Provinsi => 1,
        JenisInstansi::Kabupaten | JenisInstansi::Kota => 2,
        JenisInstansi::Opd => 3,
        JenisInstansi::Kecamatan => 4,
        JenisInstansi::Kelurahan | JenisInstansi::Desa => 5,
        JenisInstansi::Unit => 6,
    }
}

#[cfg(test)]
mod tests;
