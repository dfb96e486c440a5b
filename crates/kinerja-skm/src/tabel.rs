//! Per-unsur tables: what a report prints (a distribution in percent per unsur, or NRR, or
//! scores), or counts per answer. One row per unsur, in order; the names are the instansi's own.
//!
//! # CSV
//! `,` or `;` separated, a header with an `unsur` column (also `nama unsur`) and any of:
//!
//! | column (case and `%` ignored)                 | holds                                      |
//! |-----------------------------------------------|--------------------------------------------|
//! | `tidak baik`, `kurang baik`, `baik`, `sangat baik` (or `p1`..`p4`) | percent of answers 1..4 (`12,5`, `12,5%`) |
//! | `n1`..`n4` (or `jumlah tidak baik`...)        | number of respondents per answer           |
//! | `nrr`                                         | NRR (1-4)                                  |
//! | `skor` (or `nik`, `nilai`)                    | score on the 25-100 scale                  |
//!
//! `no`, `kode`, `total`, `predikat`, `mutu` columns are ignored. Numbers are written the
//! Indonesian way (`72,5`; `kinerja_core::angka`). Per row the data used is, in this order: the
//! distribution, the counts, the NRR, the score; a score (or NRR) given beside a distribution is a
//! *published* figure, compared with the computed one and never used. A row whose name starts with
//! `Rata-rata` carries the published overall score. The seed's table is this format:
//!
//! ```text
//! no;unsur;tidak baik;kurang baik;baik;sangat baik;skor
//! 1;Persyaratan;;;;;75
//! 3;Kecepatan Pelayanan;0%;0%;100%;0%;70
//! ...
//! ;Rata-rata unsur pelayanan;;;;;70,89
//! ```
//!
//! # TOML
//! ```toml
//! regime = "2004"         # optional: "2017" or "2004" (or permenpanrb-14-2017 / kepmenpan-25-2004)
//! responden = 10          # optional: number of respondents, for the sample-size check
//! nik_terbit = "70,89"    # optional: the published overall score, to compare
//!
//! [[unsur]]
//! nama = "Persyaratan"
//! skor = 75               # only a published score is known: it is used
//!
//! [[unsur]]
//! nama = "Kecepatan Pelayanan"
//! persen = [0, 0, 100, 0] # % tidak baik, kurang baik, baik, sangat baik
//! skor = 70               # published beside a distribution: compared, not used
//!
//! [[unsur]]
//! nama = "Keamanan"
//! jumlah = [0, 0, 1, 9]   # respondents per answer 1..4
//!
//! [[unsur]]
//! nama = "Kenyamanan"
//! nrr = "2,8"
//! ```
//! Numbers are integers or Indonesian text (`"72,5"`); a TOML float (`72.5`) is refused, as in
//! the kinerja data file. The regime, when not stated, follows from the number of unsur (9: 2017,
//! 14: 2004).

use std::io::Read;
use std::path::Path;

use kinerja_core::angka::{parse_angka, parse_persen};
use kinerja_core::skm::{DataUnsur, Kuesioner, Regime};
use rust_decimal::Decimal;
use rust_decimal::prelude::ToPrimitive;

use crate::csv_berkas::buka_csv;
use crate::{AsalRegime, BarisBuruk, GalatBaca, MasalahSel, OpsiBaca, huruf_kolom, normal};

/// A per-unsur table read.
#[derive(Debug, Clone)]
pub struct TabelUnsur {
    pub berkas: String,
    pub kuesioner: Kuesioner,
    pub asal_regime: AsalRegime,
    pub data: Vec<DataUnsur>,
    pub responden: Option<u64>,
    /// Published per-unsur scores given beside primary data, for comparison.
    pub skor_terbit: Vec<Option<Decimal>>,
    pub nik_terbit: Option<Decimal>,
}

#[derive(Debug, Default)]
struct BarisTabel {
    nomor: u64,
    nama: String,
    persen: Option<[Decimal; 4]>,
    jumlah: Option<[u64; 4]>,
    nrr: Option<Decimal>,
    skor: Option<Decimal>,
}

#[derive(Debug, Clone, Copy, PartialEq)]
enum Kolom {
    Nama,
    Persen(usize),
    Jumlah(usize),
    Nrr,
    Skor,
    Abaikan,
}

fn kolom(h: &str) -> Option<Kolom> {
    use Kolom::*;
    Some(match normal(h).as_str() {
        "unsur" | "nama unsur" | "unsur pelayanan" => Nama,
        "tidak baik" | "p1" | "persen tidak baik" => Persen(0),
        "kurang baik" | "p2" | "persen kurang baik" => Persen(1),
        "baik" | "p3" | "persen baik" => Persen(2),
        "sangat baik" | "p4" | "persen sangat baik" => Persen(3),
        "n1" | "jumlah tidak baik" => Jumlah(0),
        "n2" | "jumlah kurang baik" => Jumlah(1),
        "n3" | "jumlah baik" => Jumlah(2),
        "n4" | "jumlah sangat baik" => Jumlah(3),
        "nrr" => Nrr,
        "skor" | "nik" | "nilai" | "skor terbit" => Skor,
        "no" | "nomor" | "kode" | "total" | "jumlah" | "predikat" | "mutu" | "kinerja" => Abaikan,
        _ => return None,
    })
}

/// Whether a CSV header is a per-unsur table's: an `unsur` column and a data column.
pub fn adalah_tabel(kepala: &[String]) -> bool {
    let arti: Vec<Option<Kolom>> = kepala.iter().map(|h| kolom(h)).collect();
    arti.contains(&Some(Kolom::Nama))
        && arti.iter().any(|k| {
            matches!(
                k,
                Some(Kolom::Persen(_) | Kolom::Jumlah(_) | Kolom::Nrr | Kolom::Skor)
            )
        })
}

fn bilangan_bulat(d: Decimal) -> Option<u64> {
    (d.fract().is_zero() && !d.is_sign_negative())
        .then(|| d.to_u64())
        .flatten()
}

pub(crate) fn baca_tabel_rdr<R: Read>(
    mut rdr: csv::Reader<R>,
    kepala: Vec<String>,
    berkas: &str,
    opsi: &OpsiBaca,
) -> Result<TabelUnsur, GalatBaca> {
    let arti: Vec<Option<Kolom>> = kepala.iter().map(|h| kolom(h)).collect();
    let mut baris_tabel = Vec::new();
    let mut buruk = Vec::new();
    let mut nik_terbit = None;
    for rec in rdr.records() {
        let rec = rec.map_err(|e| GalatBaca::Format {
            berkas: berkas.to_string(),
            pesan: format!("CSV tidak terbaca: {e}"),
        })?;
        let nomor = rec.position().map_or(0, |p| p.line());
        let mut b = BarisTabel {
            nomor,
            ..BarisTabel::default()
        };
        let mut persen: [Option<Decimal>; 4] = [None; 4];
        let mut jumlah: [Option<u64>; 4] = [None; 4];
        let mut masalah = Vec::new();
        for (i, sel) in rec.iter().enumerate() {
            let sel = sel.trim();
            let Some(Some(k)) = arti.get(i) else { continue };
            if sel.is_empty() {
                continue;
            }
            let mut salah = |pesan: String| {
                masalah.push(MasalahSel {
                    kolom: Some(i + 1),
                    huruf: Some(huruf_kolom(i)),
                    nama_kolom: Some(kepala[i].clone()),
                    nilai: sel.to_string(),
                    pesan,
                })
            };
            match k {
                Kolom::Nama => b.nama = sel.to_string(),
                Kolom::Persen(j) => match parse_persen(sel) {
                    Ok(v) => persen[*j] = Some(v),
                    Err(e) => salah(e.to_string()),
                },
                Kolom::Jumlah(j) => match parse_angka(sel).map(bilangan_bulat) {
                    Ok(Some(v)) => jumlah[*j] = Some(v),
                    Ok(None) => salah("jumlah responden harus bilangan bulat >= 0".into()),
                    Err(e) => salah(e.to_string()),
                },
                Kolom::Nrr => match parse_angka(sel) {
                    Ok(v) => b.nrr = Some(v),
                    Err(e) => salah(e.to_string()),
                },
                Kolom::Skor => match parse_angka(sel) {
                    Ok(v) => b.skor = Some(v),
                    Err(e) => salah(e.to_string()),
                },
                Kolom::Abaikan => {}
            }
        }
        if lengkap(&persen) {
            b.persen = Some(persen.map(Option::unwrap_or_default));
        } else if !kosong(&persen) {
            masalah.push(masalah_baris(
                "distribusi persen tidak lengkap: isi keempat kolom (0 bila tidak ada)",
            ));
        }
        if lengkap(&jumlah) {
            b.jumlah = Some(jumlah.map(Option::unwrap_or_default));
        } else if !kosong(&jumlah) {
            masalah.push(masalah_baris(
                "jumlah per jawaban tidak lengkap: isi n1..n4",
            ));
        }
        let nama_normal = normal(&b.nama);
        if nama_normal.starts_with("rata rata")
            || nama_normal == "ikm"
            || nama_normal == "nilai ikm"
        {
            nik_terbit = b.skor.or(b.nrr.map(|n| n * Decimal::from(25)));
        } else if !masalah.is_empty() {
            buruk.push(BarisBuruk {
                baris: nomor,
                masalah,
            });
        } else if nama_normal.is_empty() {
            // Rule lines (`----`) and empty rows.
            if b.persen.is_some() || b.jumlah.is_some() || b.nrr.is_some() || b.skor.is_some() {
                buruk.push(BarisBuruk {
                    baris: nomor,
                    masalah: vec![masalah_baris("baris berisi angka tanpa nama unsur")],
                });
            }
        } else {
            baris_tabel.push(b);
        }
    }
    if !buruk.is_empty() {
        // A table row is an unsur: skipping one would change the survey, so it is never skipped.
        return Err(GalatBaca::BarisBuruk {
            berkas: berkas.to_string(),
            baris: buruk,
        });
    }
    jadi(baris_tabel, None, None, nik_terbit, berkas, opsi)
}

fn kosong<T>(v: &[Option<T>]) -> bool {
    v.iter().all(Option::is_none)
}

fn lengkap<T>(v: &[Option<T>]) -> bool {
    v.iter().all(Option::is_some)
}

fn masalah_baris(pesan: &str) -> MasalahSel {
    MasalahSel {
        kolom: None,
        huruf: None,
        nama_kolom: None,
        nilai: String::new(),
        pesan: pesan.to_string(),
    }
}

fn jadi(
    baris: Vec<BarisTabel>,
    regime_berkas: Option<Regime>,
    responden: Option<u64>,
    nik_terbit: Option<Decimal>,
    berkas: &str,
    opsi: &OpsiBaca,
) -> Result<TabelUnsur, GalatBaca> {
    let format = |pesan: String| GalatBaca::Format {
        berkas: berkas.to_string(),
        pesan,
    };
    let (regime, asal_regime) =
        crate::tentukan_regime(opsi.regime.as_ref(), regime_berkas.as_ref(), baris.len())
            .map_err(format)?;
    let dua_lima = Decimal::from(25);
    let mut data = Vec::with_capacity(baris.len());
    let mut skor_terbit = Vec::with_capacity(baris.len());
    let mut nama = Vec::with_capacity(baris.len());
    let mut buruk = Vec::new();
    for b in baris {
        let terbit_dari_nrr = b.nrr.map(|n| n * dua_lima);
        let (d, terbit) = if let Some(p) = b.persen {
            (DataUnsur::Persen(p), b.skor.or(terbit_dari_nrr))
        } else if let Some(c) = b.jumlah {
            (DataUnsur::Jumlah(c), b.skor.or(terbit_dari_nrr))
        } else if let Some(n) = b.nrr {
            (DataUnsur::Nrr(n), b.skor)
        } else if let Some(s) = b.skor {
            (DataUnsur::Skor(s), None)
        } else {
            buruk.push(BarisBuruk {
                baris: b.nomor,
                masalah: vec![masalah_baris(&format!(
                    "unsur '{}' tanpa distribusi, jumlah, NRR atau skor",
                    b.nama
                ))],
            });
            continue;
        };
        data.push(d);
        skor_terbit.push(terbit);
        nama.push(b.nama);
    }
    if !buruk.is_empty() {
        return Err(GalatBaca::BarisBuruk {
            berkas: berkas.to_string(),
            baris: buruk,
        });
    }
    let kuesioner = Kuesioner::dengan_nama(regime, nama).map_err(|sumber| GalatBaca::Skm {
        berkas: berkas.to_string(),
        sumber,
    })?;
    Ok(TabelUnsur {
        berkas: berkas.to_string(),
        kuesioner,
        asal_regime,
        data,
        responden,
        skor_terbit,
        nik_terbit,
    })
}

/// Reads a per-unsur table from CSV text.
pub fn baca_tabel_csv<R: Read>(
    reader: R,
    berkas: &str,
    opsi: &OpsiBaca,
) -> Result<TabelUnsur, GalatBaca> {
    let (rdr, kepala) = buka_csv(reader, berkas)?;
    if !adalah_tabel(&kepala) {
        return Err(GalatBaca::Format {
            berkas: berkas.to_string(),
            pesan: "tabel per unsur memerlukan kolom 'unsur'".into(),
        });
    }
    baca_tabel_rdr(rdr, kepala, berkas, opsi)
}

pub(crate) fn baca_tabel_toml_berkas(
    path: &Path,
    opsi: &OpsiBaca,
) -> Result<TabelUnsur, GalatBaca> {
    let berkas = path.display().to_string();
    let teks = std::fs::read_to_string(path).map_err(|sumber| GalatBaca::Io {
        berkas: berkas.clone(),
        sumber,
    })?;
    baca_tabel_toml(&teks, &berkas, opsi)
}

fn angka_toml(v: &toml::Value, kunci: &str) -> Result<Decimal, String> {
    match v {
        toml::Value::Integer(i) => Ok(Decimal::from(*i)),
        toml::Value::String(s) => parse_persen(s).map_err(|e| format!("{kunci}: {e}")),
        toml::Value::Float(f) => Err(format!(
            "{kunci}: angka pecahan {f} ditulis tanpa tanda kutip: tulis sebagai teks dengan koma desimal, misalnya \"{}\"",
            f.to_string().replace('.', ",")
        )),
        lain => Err(format!("{kunci}: bukan angka ({})", lain.type_str())),
    }
}

fn empat_toml(v: &toml::Value, kunci: &str) -> Result<[Decimal; 4], String> {
    let a = v
        .as_array()
        .filter(|a| a.len() == 4)
        .ok_or_else(|| format!("{kunci}: harus daftar empat angka (jawaban 1..4)"))?;
    let mut out = [Decimal::ZERO; 4];
    for (o, x) in out.iter_mut().zip(a) {
        *o = angka_toml(x, kunci)?;
    }
    Ok(out)
}

/// Reads a per-unsur table from TOML text.
pub fn baca_tabel_toml(teks: &str, berkas: &str, opsi: &OpsiBaca) -> Result<TabelUnsur, GalatBaca> {
    let format = |pesan: String| GalatBaca::Format {
        berkas: berkas.to_string(),
        pesan,
    };
    let t: toml::Table =
        toml::from_str(teks).map_err(|e| format(format!("TOML tidak sah: {e}")))?;
    let mut regime = None;
    let mut responden = None;
    let mut nik_terbit = None;
    let mut baris = Vec::new();
    for (k, v) in &t {
        match k.as_str() {
            "regime" => {
                let kode = match v {
                    toml::Value::String(s) => s.clone(),
                    toml::Value::Integer(i) => i.to_string(),
                    _ => return Err(format("regime: tulis \"2017\" atau \"2004\"".into())),
                };
                regime = Some(Regime::dari_kode(&kode).ok_or_else(|| {
                    format(format!("regime '{kode}' tidak dikenal (2017 atau 2004)"))
                })?);
            }
            "responden" => {
                responden = Some(
                    v.as_integer()
                        .and_then(|i| u64::try_from(i).ok())
                        .ok_or_else(|| format("responden: harus bilangan bulat >= 0".into()))?,
                )
            }
            "nik_terbit" => nik_terbit = Some(angka_toml(v, k).map_err(format)?),
            "unsur" => {
                let daftar = v
                    .as_array()
                    .ok_or_else(|| format("unsur: harus daftar [[unsur]]".into()))?;
                for (i, u) in daftar.iter().enumerate() {
                    let nomor = i as u64 + 1;
                    let galat = |pesan: String| format(format!("unsur ke-{nomor}: {pesan}"));
                    let u = u.as_table().ok_or_else(|| galat("harus tabel".into()))?;
                    let mut b = BarisTabel {
                        nomor,
                        ..BarisTabel::default()
                    };
                    for (k, v) in u {
                        match k.as_str() {
                            "nama" => {
                                b.nama = v
                                    .as_str()
                                    .ok_or_else(|| galat("nama: harus teks".into()))?
                                    .to_string()
                            }
                            "persen" => b.persen = Some(empat_toml(v, k).map_err(galat)?),
                            "jumlah" => {
                                let e = empat_toml(v, k).map_err(&galat)?;
                                let mut c = [0u64; 4];
                                for (c, e) in c.iter_mut().zip(e) {
                                    *c = bilangan_bulat(e).ok_or_else(|| {
                                        galat("jumlah: harus bilangan bulat >= 0".into())
                                    })?;
                                }
                                b.jumlah = Some(c);
                            }
                            "nrr" => b.nrr = Some(angka_toml(v, k).map_err(&galat)?),
                            "skor" => b.skor = Some(angka_toml(v, k).map_err(&galat)?),
                            lain => return Err(galat(format!("kunci '{lain}' tidak dikenal"))),
                        }
                    }
                    if b.nama.trim().is_empty() {
                        return Err(galat("nama unsur kosong".into()));
                    }
                    baris.push(b);
                }
            }
            lain => return Err(format(format!("kunci '{lain}' tidak dikenal"))),
        }
    }
    jadi(baris, regime, responden, nik_terbit, berkas, opsi)
}
