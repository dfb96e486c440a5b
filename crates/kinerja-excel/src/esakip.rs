//! Workbooks in the layouts e-SAKIP portals export, for a kabupaten moving in: a PK table
//! `Tahun | Tipe | OPD | Sasaran | Indikator | Target | Satuan` and a budget realisation
//! `OPD | Tahun | Anggaran | Anggaran Perubahan | Januari … Desember | Jumlah Realisasi`.
//!
//! These name things, not ids, so reading is two steps: `baca_esakip` reads the rows, `petakan`
//! matches each name to an id in the data sets (instansi by name, id or code; sasaran and
//! indicator by their text within that instansi, spacing, case and punctuation aside) and the
//! caller shows the mapping for confirmation; `terapkan_esakip` then writes one instansi's rows.
//! A row whose names do not all match refuses the whole file.
//!
//! The budget layout carries an OPD's total, not its lines: it becomes one line of the
//! instansi (`esakip-<tahun>`), and only where the year has no budget lines yet (else the
//! total would be counted twice).

use crate::Masalah;
use crate::baca::Letak;
use crate::lembar::{Lembar, masalah_buku, normal};
use crate::sel;
use calamine::{Reader, Xlsx};
use kinerja_core::id::*;
use kinerja_core::model::*;
use kinerja_core::nilai::Nilai;
use kinerja_core::uang::Rupiah;
use kinerja_core::waktu::{Bulan, Tahun};
use std::collections::BTreeMap;
use std::io::Cursor;

#[derive(Debug, Clone)]
pub struct BarisPkEsakip {
    pub letak: Letak,
    pub tahun: Tahun,
    pub dokumen: DokumenTarget,
    pub opd: String,
    pub sasaran: String,
    pub indikator: String,
    pub target: Nilai,
}

#[derive(Debug, Clone)]
pub struct BarisAnggaranEsakip {
    pub letak: Letak,
    pub opd: String,
    pub tahun: Tahun,
    pub pagu: Rupiah,
    pub pagu_perubahan: Option<Rupiah>,
    pub bulanan: BTreeMap<Bulan, Rupiah>,
}

/// The rows of an e-SAKIP workbook (its first sheet).
#[derive(Debug, Clone, Default)]
pub struct Esakip {
    pub pk: Vec<BarisPkEsakip>,
    pub anggaran: Vec<BarisAnggaranEsakip>,
}

const KEPALA_PK: [&str; 7] = [
    "Tahun",
    "Tipe",
    "OPD",
    "Sasaran",
    "Indikator",
    "Target",
    "Satuan",
];
const KEPALA_ANGGARAN: [&str; 5] = [
    "OPD",
    "Tahun",
    "Anggaran",
    "Anggaran Perubahan",
    "Jumlah Realisasi",
];

fn dokumen(tipe: &str) -> Option<DokumenTarget> {
    match normal(tipe).as_str() {
        "pk" | "perjanjian kinerja" => Some(DokumenTarget::PerjanjianKinerja),
        "renstra" => Some(DokumenTarget::Renstra),
        "rkt" | "renja" => Some(DokumenTarget::Rkt),
        _ => None,
    }
}

fn tahun(d: &calamine::Data) -> Result<Tahun, String> {
    let t = match d {
        calamine::Data::Float(f) if f.fract() == 0.0 => Some(*f as i64),
        calamine::Data::Int(i) => Some(*i),
        calamine::Data::String(s) => s.trim().parse().ok(),
        _ => None,
    };
    t.and_then(|t| Tahun::new(t).ok())
        .ok_or_else(|| "diharapkan tahun, mis. 2024".into())
}

fn wajib<T>(x: Option<T>) -> Result<T, String> {
    x.ok_or_else(|| "wajib diisi".into())
}

/// Reads the first sheet in one of the two layouts (told apart by their headers).
pub fn baca_esakip(isi: &[u8]) -> Result<Esakip, Vec<Masalah>> {
    std::panic::catch_unwind(|| baca_dalam(isi)).unwrap_or_else(|_| {
        Err(vec![masalah_buku(
            "berkas rusak: isinya tidak dapat diurai sebagai lembar kerja XLSX",
        )])
    })
}

fn baca_dalam(isi: &[u8]) -> Result<Esakip, Vec<Masalah>> {
    let galat = |p: String| vec![masalah_buku(&p)];
    let mut wb: Xlsx<_> = calamine::open_workbook_from_rs(Cursor::new(isi))
        .map_err(|e| galat(format!("bukan lembar kerja XLSX yang terbaca ({e})")))?;
    let nama = wb
        .sheet_names()
        .first()
        .cloned()
        .ok_or_else(|| galat("berkas tidak punya lembar kerja".into()))?;
    let range = wb
        .worksheet_range(&nama)
        .map_err(|e| galat(format!("lembar \"{nama}\" tidak terbaca: {e}")))?;
    let gabung = wb.merge_cells_by_sheet_name(&nama).unwrap_or_default();
    let mut l = Lembar::new(&nama, range, &gabung);
    let mut m = Vec::new();
    let mut peringatan = Vec::new();
    let mut hasil = Esakip::default();
    let pk = |n: &str| KEPALA_PK.iter().any(|k| normal(k) == n);
    let anggaran = |n: &str| {
        KEPALA_ANGGARAN.iter().any(|k| normal(k) == n)
            || Bulan::SEMUA.iter().any(|b| normal(b.label()) == n)
    };
    // The budget layout has "Anggaran"; the PK layout "Indikator".
    let Some(k) = l.cari_kepala("OPD", &|n| pk(n) || anggaran(n), &mut peringatan, &mut m) else {
        return Err(m);
    };
    if l.kolom("Indikator").is_some() {
        for r in k + 1..=l.akhir {
            if l.kosong(r) {
                continue;
            }
            let teks = |j: &str, m: &mut Vec<Masalah>| {
                l.medan(r, j, |d| wajib(sel::teks_opsi(d)?), m).map(|x| x.0)
            };
            let t = l.medan(r, "Tahun", tahun, &mut m);
            let tipe = l.medan(
                r,
                "Tipe",
                |d| {
                    let s = wajib(sel::teks_opsi(d)?)?;
                    dokumen(&s).ok_or_else(|| "diharapkan PK, Renstra atau RKT".to_string())
                },
                &mut m,
            );
            let opd = teks("OPD", &mut m);
            let sasaran = teks("Sasaran", &mut m);
            let indikator = teks("Indikator", &mut m);
            let target = l.medan(r, "Target", |d| wajib(sel::nilai(d)?), &mut m);
            if let (Some((tahun, letak)), Some((dok, _)), Some(o), Some(s), Some(i), Some((n, _))) =
                (t, tipe, opd, sasaran, indikator, target)
            {
                hasil.pk.push(BarisPkEsakip {
                    letak,
                    tahun,
                    dokumen: dok,
                    opd: o,
                    sasaran: s,
                    indikator: i,
                    target: n,
                });
            }
        }
    } else {
        for r in k + 1..=l.akhir {
            if l.kosong(r) {
                continue;
            }
            let opd = l.medan(r, "OPD", |d| wajib(sel::teks_opsi(d)?), &mut m);
            let t = l.medan(r, "Tahun", tahun, &mut m);
            let pagu = l.medan(r, "Anggaran", |d| wajib(sel::rupiah(d)?), &mut m);
            let pp = l.medan(r, "Anggaran Perubahan", sel::rupiah, &mut m);
            let mut bulanan = BTreeMap::new();
            for b in Bulan::SEMUA {
                if let Some((Some(x), _)) = l.medan(r, b.label(), sel::rupiah, &mut m) {
                    bulanan.insert(b, x);
                }
            }
            // The stated total must be the sum of its months (the data keeps the months).
            if let Some((Some(j), lt)) = l.medan(r, "Jumlah Realisasi", sel::rupiah, &mut m) {
                let jumlah: Rupiah = bulanan.values().copied().sum();
                if j != jumlah {
                    m.push(lt.masalah(
                        Some(j.to_string()),
                        format!("jumlah bulan Januari-Desember adalah {jumlah}: tidak sama"),
                    ));
                }
            }
            if let (Some((o, letak)), Some((tahun, _)), Some((pagu, _))) = (opd, t, pagu) {
                hasil.anggaran.push(BarisAnggaranEsakip {
                    letak,
                    opd: o,
                    tahun,
                    pagu,
                    pagu_perubahan: pp.and_then(|x| x.0),
                    bulanan,
                });
            }
        }
    }
    if m.is_empty() { Ok(hasil) } else { Err(m) }
}

/// A name matched to an id (`None`: no match, or several).
#[derive(Debug, Clone, PartialEq)]
pub struct Cocok<I> {
    pub nama: String,
    pub id: Option<I>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct BarisPeta {
    pub sel: String,
    pub opd: Cocok<InstansiId>,
    pub sasaran: Option<Cocok<SasaranId>>,
    pub indikator: Option<Cocok<IndikatorId>>,
}

impl BarisPeta {
    pub fn lengkap(&self) -> bool {
        self.opd.id.is_some()
            && self.sasaran.as_ref().is_none_or(|s| s.id.is_some())
            && self.indikator.as_ref().is_none_or(|i| i.id.is_some())
    }
}

/// Text compared as a person reads it: case, spacing and punctuation aside.
fn sebut(s: &str) -> String {
    normal(
        &s.chars()
            .map(|c| if c.is_alphanumeric() { c } else { ' ' })
            .collect::<String>(),
    )
}

fn satu<'a, T, I: Clone>(
    xs: impl Iterator<Item = &'a T>,
    cocok: impl Fn(&T) -> bool,
    id: impl Fn(&T) -> I,
) -> Option<I>
where
    T: 'a,
{
    let v: Vec<&T> = xs.filter(|x| cocok(x)).collect();
    (v.len() == 1).then(|| id(v[0]))
}

/// The data set (of all, each with its reporting instansi) whose instansi a name stands for:
/// its name, id or code.
fn instansi(data: &[(InstansiId, &DataInstansi)], opd: &str) -> Option<(usize, InstansiId)> {
    let n = sebut(opd);
    let v: Vec<(usize, InstansiId)> = data
        .iter()
        .enumerate()
        .filter(|(_, (p, d))| {
            d.instansi.iter().any(|x| {
                &x.id == p
                    && (sebut(&x.nama) == n
                        || sebut(x.id.as_str()) == n
                        || x.kode.as_deref().is_some_and(|k| sebut(k) == n))
            })
        })
        .map(|(i, (p, _))| (i, p.clone()))
        .collect();
    (v.len() == 1).then(|| v[0].clone())
}

/// Each row's names matched to ids in `data` (the stored data sets with their reporting
/// instansi).
pub fn petakan(e: &Esakip, data: &[(InstansiId, &DataInstansi)]) -> Vec<BarisPeta> {
    let mut v = Vec::new();
    for b in &e.pk {
        let ins = instansi(data, &b.opd);
        let d = ins.as_ref().map(|(i, _)| data[*i].1);
        let sasaran = d.and_then(|d| {
            satu(
                d.sasaran.iter(),
                |s| sebut(&s.uraian) == sebut(&b.sasaran),
                |s| s.id.clone(),
            )
        });
        let indikator = d.zip(sasaran.as_ref()).and_then(|(d, s)| {
            satu(
                d.indikator.iter(),
                |i| {
                    i.pemilik == Pemilik::Sasaran(s.clone())
                        && sebut(&i.uraian) == sebut(&b.indikator)
                },
                |i| i.id.clone(),
            )
        });
        v.push(BarisPeta {
            sel: format!(
                "{}!{}",
                b.letak.lembar,
                sel::rujukan(b.letak.baris, b.letak.kolom)
            ),
            opd: Cocok {
                nama: b.opd.clone(),
                id: ins.map(|x| x.1),
            },
            sasaran: Some(Cocok {
                nama: b.sasaran.clone(),
                id: sasaran,
            }),
            indikator: Some(Cocok {
                nama: b.indikator.clone(),
                id: indikator,
            }),
        });
    }
    for b in &e.anggaran {
        v.push(BarisPeta {
            sel: format!(
                "{}!{}",
                b.letak.lembar,
                sel::rujukan(b.letak.baris, b.letak.kolom)
            ),
            opd: Cocok {
                nama: b.opd.clone(),
                id: instansi(data, &b.opd).map(|x| x.1),
            },
            sasaran: None,
            indikator: None,
        });
    }
    v
}

/// The rows of `e` that `peta` maps to `pelapor`, written onto its data set `lama`.
pub fn terapkan_esakip(
    lama: &DataInstansi,
    pelapor: &InstansiId,
    e: &Esakip,
    peta: &[BarisPeta],
) -> Result<DataInstansi, Vec<Masalah>> {
    let mut d = lama.clone();
    let mut m = Vec::new();
    let (pk_peta, ang_peta) = peta.split_at(e.pk.len().min(peta.len()));
    for (b, p) in e.pk.iter().zip(pk_peta) {
        if p.opd.id.as_ref() != Some(pelapor) {
            continue;
        }
        let Some(ind) = p.indikator.as_ref().and_then(|i| i.id.clone()) else {
            m.push(b.letak.masalah(
                Some(b.indikator.clone()),
                "indikator tidak dikenali dalam data instansi ini",
            ));
            continue;
        };
        match d
            .target
            .iter_mut()
            .find(|t| t.indikator == ind && t.tahun == b.tahun && t.dokumen == b.dokumen)
        {
            Some(t) if t.nilai.bentuk() == b.target.bentuk() => {}
            Some(t) => t.nilai = b.target.clone(),
            None => d.target.push(Target {
                indikator: ind,
                tahun: b.tahun,
                dokumen: b.dokumen,
                nilai: b.target.clone(),
                uraian: None,
                catatan: Some("dari lembar kerja e-SAKIP".into()),
            }),
        }
    }
    for (b, p) in e.anggaran.iter().zip(ang_peta) {
        if p.opd.id.as_ref() != Some(pelapor) {
            continue;
        }
        let id = PosAnggaranId::new(format!("esakip-{}", b.tahun)).expect("a valid id");
        let rinci = d.anggaran.iter().any(|x| x.tahun == b.tahun && x.id != id);
        if rinci {
            m.push(b.letak.masalah(
                Some(b.opd.clone()),
                format!("instansi ini sudah punya pos anggaran rinci tahun {}: total e-SAKIP akan terhitung dua kali", b.tahun),
            ));
            continue;
        }
        // One structure a year: Permendagri 90/2019 from 2021, 13/2006 before.
        let jenis = if b.tahun.get() >= 2021 {
            JenisBelanja::Operasi
        } else {
            JenisBelanja::Langsung
        };
        let pos = PosAnggaran {
            id: id.clone(),
            tahun: b.tahun,
            tempat: TempatAnggaran::Instansi,
            jenis,
            pagu: b.pagu,
            pagu_perubahan: b.pagu_perubahan,
            realisasi: None,
            realisasi_bulanan: b.bulanan.clone(),
            catatan: Some(
                "total OPD dari lembar kerja e-SAKIP, tanpa rincian kegiatan dan jenis belanja"
                    .into(),
            ),
        };
        match d.anggaran.iter_mut().find(|x| x.id == id) {
            Some(x) if *x == pos => {}
            Some(x) => *x = pos,
            None => d.anggaran.push(pos),
        }
    }
    if !m.is_empty() {
        return Err(m);
    }
    crate::terap::sah(d)
}
