//! The kinerja data file: one instansi's documents as TOML, in one file or a folder of files.
//!
//! A folder is read as every `*.toml` in it, in name order, merged table by table (so a Renstra,
//! a PK and a year's budget can each live in their own versioned file). The serde form of the
//! core's `DataInstansi` *is* the format; this crate adds reading, merging, locating errors
//! (file, line, the record and field), writing, and the JSON Schema.
//!
//! Everything read goes through `kinerja_core::validasi::periksa`: a file that breaks a rule is
//! refused whole, with every problem listed.

use kinerja_core::model::DataInstansi;
use kinerja_core::validasi::{self, Pelanggaran};
use std::fmt;
use std::path::{Path, PathBuf};

/// One problem, located as precisely as the source allows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Masalah {
    pub berkas: PathBuf,
    pub baris: Option<usize>,
    pub kolom: Option<usize>,
    /// The record and field (`[[indikator]] ke-3 (id "IK-2-1"), medan `pemilik``).
    pub lokasi: Option<String>,
    pub pesan: String,
}

impl fmt::Display for Masalah {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}", self.berkas.display())?;
        if let Some(b) = self.baris {
            write!(f, ":{b}")?;
            if let Some(k) = self.kolom {
                write!(f, ":{k}")?;
            }
        }
        if let Some(l) = &self.lokasi {
            write!(f, ": {l}")?;
        }
        write!(f, ": {}", self.pesan)
    }
}

#[derive(Debug, thiserror::Error)]
pub enum GalatBerkas {
    #[error("tidak dapat membaca {}: {sumber}", berkas.display())]
    Io {
        berkas: PathBuf,
        sumber: std::io::Error,
    },
    #[error("{} tidak memuat berkas .toml", .0.display())]
    FolderKosong(PathBuf),
    #[error("{}", gabung_masalah(.0))]
    Isi(Vec<Masalah>),
    #[error("tidak dapat menulis TOML: {0}")]
    Tulis(String),
}

fn gabung_masalah(ms: &[Masalah]) -> String {
    let mut s = format!("data ditolak ({} masalah):", ms.len());
    for m in ms {
        s.push_str("\n  ");
        s.push_str(&m.to_string());
    }
    s
}

impl GalatBerkas {
    pub fn masalah(&self) -> &[Masalah] {
        match self {
            GalatBerkas::Isi(m) => m,
            _ => &[],
        }
    }
}

/// Where each table's records came from: for table `t`, the records of file `i` are at
/// positions `awal..awal+jumlah` of the merged table.
struct Asal {
    berkas: PathBuf,
    teks: String,
    jumlah: Vec<(&'static str, usize)>,
}

macro_rules! tabel {
    ($m:ident) => {
        $m!(
            instansi,
            reorganisasi,
            pejabat,
            renstra,
            tujuan,
            sasaran,
            strategi,
            kebijakan,
            program,
            kegiatan,
            sub_kegiatan,
            indikator,
            data_elemen,
            target,
            realisasi,
            nilai_data,
            pembanding,
            rkt,
            perjanjian_kinerja,
            iku,
            anggaran,
            skm,
            tindak_lanjut_skm,
            kuesioner_skm,
            laporan,
            tercatat,
            skala,
            pohon,
            simpul,
            crosscutting,
            reviu,
            jawaban_evaluasi,
            status_evaluasi
        )
    };
}

/// Every table of `DataInstansi` is in `tabel!`: a table left out would be dropped silently when
/// a folder's files are merged. Destructuring without `..` makes a new table a compile error here.
#[allow(dead_code)]
fn semua_tabel_tercantum(d: DataInstansi) {
    macro_rules! urai {
        ($($t:ident),*) => {{
            let DataInstansi { $($t: _,)* pengaturan: _ } = d;
        }};
    }
    tabel!(urai)
}

fn hitung_tabel(d: &DataInstansi) -> Vec<(&'static str, usize)> {
    macro_rules! hitung {
        ($($t:ident),*) => { vec![$((stringify!($t), d.$t.len())),*] };
    }
    tabel!(hitung)
}

fn gabung(ke: &mut DataInstansi, dari: DataInstansi) {
    macro_rules! tambah {
        ($($t:ident),*) => { $(ke.$t.extend(dari.$t);)* };
    }
    tabel!(tambah);
    if dari.pengaturan.is_some() {
        ke.pengaturan = dari.pengaturan;
    }
}

fn baca_teks(berkas: &Path) -> Result<String, GalatBerkas> {
    std::fs::read_to_string(berkas).map_err(|sumber| GalatBerkas::Io {
        berkas: berkas.to_path_buf(),
        sumber,
    })
}

/// The `.toml` files a path stands for: itself, or a folder's files in name order.
pub fn daftar_berkas(path: &Path) -> Result<Vec<PathBuf>, GalatBerkas> {
    if !path.is_dir() {
        return Ok(vec![path.to_path_buf()]);
    }
    let io = |sumber| GalatBerkas::Io {
        berkas: path.to_path_buf(),
        sumber,
    };
    let mut v = Vec::new();
    for e in std::fs::read_dir(path).map_err(io)? {
        let p = e.map_err(io)?.path();
        if p.extension().is_some_and(|x| x == "toml") && p.is_file() {
            v.push(p);
        }
    }
    v.sort();
    if v.is_empty() {
        return Err(GalatBerkas::FolderKosong(path.to_path_buf()));
    }
    Ok(v)
}

fn baris_kolom(teks: &str, offset: usize) -> (usize, usize) {
    let sebelum = &teks[..offset.min(teks.len())];
    let baris = sebelum.matches('\n').count() + 1;
    let kolom = sebelum
        .rfind('\n')
        .map(|i| offset - i)
        .unwrap_or(offset + 1);
    (baris, kolom)
}

/// Reads and validates a data file or folder.
pub fn baca(path: &Path) -> Result<DataInstansi, GalatBerkas> {
    let mut sumber = Vec::new();
    for berkas in daftar_berkas(path)? {
        let teks = baca_teks(&berkas)?;
        sumber.push((berkas, teks));
    }
    baca_sumber(sumber)
}

/// Reads and validates files already in memory (name, text), merged in the order given.
pub fn baca_sumber(sumber: Vec<(PathBuf, String)>) -> Result<DataInstansi, GalatBerkas> {
    let mut data = DataInstansi::default();
    let mut asal = Vec::new();
    let mut masalah = Vec::new();
    let mut pengaturan_dari: Option<PathBuf> = None;
    for (berkas, teks) in sumber {
        match toml::from_str::<DataInstansi>(&teks) {
            Ok(bagian) => {
                if bagian.pengaturan.is_some() {
                    if let Some(lain) = &pengaturan_dari {
                        masalah.push(Masalah {
                            berkas: berkas.clone(),
                            baris: None,
                            kolom: None,
                            lokasi: Some("[pengaturan]".into()),
                            pesan: format!("[pengaturan] sudah ditetapkan di {}", lain.display()),
                        });
                    }
                    pengaturan_dari = Some(berkas.clone());
                }
                asal.push(Asal {
                    berkas,
                    jumlah: hitung_tabel(&bagian),
                    teks,
                });
                gabung(&mut data, bagian);
            }
            Err(e) => {
                let (baris, kolom) = match e.span() {
                    Some(r) => {
                        let (b, k) = baris_kolom(&teks, r.start);
                        (Some(b), Some(k))
                    }
                    None => (None, None),
                };
                masalah.push(Masalah {
                    berkas,
                    baris,
                    kolom,
                    lokasi: None,
                    pesan: e.message().trim().to_string(),
                });
            }
        }
    }
    if !masalah.is_empty() {
        return Err(GalatBerkas::Isi(masalah));
    }
    // `1.01.01.02.01` and `1.01.01.2.01` are one kegiatan code: the data holds the normal form.
    kinerja_core::kode::normalkan_data(&mut data);
    let pelanggaran = validasi::periksa(&data);
    if !pelanggaran.is_empty() {
        return Err(GalatBerkas::Isi(
            pelanggaran.iter().map(|p| letakkan(&asal, p)).collect(),
        ));
    }
    Ok(data)
}

/// Maps a violation on the merged data back to its file and line.
fn letakkan(asal: &[Asal], p: &Pelanggaran) -> Masalah {
    let mut sisa = p.letak.indeks;
    for a in asal {
        let n = a
            .jumlah
            .iter()
            .find(|(t, _)| *t == p.letak.tabel)
            .map(|(_, n)| *n)
            .unwrap_or(0);
        if sisa < n {
            return Masalah {
                berkas: a.berkas.clone(),
                baris: cari_baris_tabel(&a.teks, p.letak.tabel, sisa),
                kolom: None,
                lokasi: Some(p.letak.to_string()),
                pesan: p.pesan.clone(),
            };
        }
        sisa -= n;
    }
    Masalah {
        berkas: asal.first().map(|a| a.berkas.clone()).unwrap_or_default(),
        baris: None,
        kolom: None,
        lokasi: Some(p.letak.to_string()),
        pesan: p.pesan.clone(),
    }
}

/// The line of the `n`-th `[[tabel]]` header (files written as arrays of tables, as ours are).
fn cari_baris_tabel(teks: &str, tabel: &str, n: usize) -> Option<usize> {
    let kepala = format!("[[{tabel}]]");
    teks.lines()
        .enumerate()
        .filter(|(_, l)| l.trim() == kepala)
        .nth(n)
        .map(|(i, _)| i + 1)
}

/// Reads TOML text (one file's worth) without validation across files: for tests and tools.
pub fn baca_teks_toml(teks: &str) -> Result<DataInstansi, toml::de::Error> {
    toml::from_str(teks)
}

/// The data as one TOML document, tables in model order. Reading it back gives equal data.
pub fn ke_toml(data: &DataInstansi) -> Result<String, GalatBerkas> {
    toml::to_string_pretty(data).map_err(|e| GalatBerkas::Tulis(e.to_string()))
}

pub fn tulis(data: &DataInstansi, path: &Path) -> Result<(), GalatBerkas> {
    let teks = ke_toml(data)?;
    std::fs::write(path, teks).map_err(|sumber| GalatBerkas::Io {
        berkas: path.to_path_buf(),
        sumber,
    })
}

/// The published JSON Schema of the data file (also in `schema/kinerja-data.schema.json`).
pub fn skema_json() -> String {
    let schema = schemars::schema_for!(DataInstansi);
    let mut s = serde_json::to_string_pretty(&schema).unwrap_or_default();
    s.push('\n');
    s
}
