//! Rows a user added to a workbook, their id column left empty: a new indicator on `Renstra`, a
//! new budget line on `Anggaran`. The record is made here with the row's key fields; `terap`
//! then applies the row's values as it does for any row.
//!
//! Decisions, each tested in `tests/tambah.rs`:
//! - A new row is first matched to an existing record by its natural key: an indicator by its
//!   owner and description (case and spacing aside), a budget line by its place, year and jenis
//!   belanja. Importing the same filled workbook twice adds once.
//! - A new indicator needs its owner's id ("Id Pemilik": a tujuan, sasaran, program, kegiatan or
//!   sub kegiatan), its description and its polarity; its id is `I-{owner}-{n}`, as the web's
//!   plan editor makes it, and its number follows its owner's last indicator.
//! - A new budget line is placed by its code (Permendagri 90/2019, in any spelling `kode`
//!   normalises): the sub kegiatan or kegiatan with that code. A sub kegiatan code under a known
//!   kegiatan makes the sub kegiatan too, named by the row's "Sub Kegiatan". Its jenis belanja is
//!   required, in the structure of the year's other lines (Permendagri 90/2019 when there are
//!   none).

use crate::Masalah;
use crate::baca::{BarisAnggaran, BarisRenstra, Letak};
use crate::lembar::normal;
use crate::terap::{jenis_belanja, label_jenis};
use kinerja_core::id::*;
use kinerja_core::kode::{self, Tingkat};
use kinerja_core::model::*;
use kinerja_core::waktu::Tahun;
use std::collections::BTreeMap;

/// The indicator a new Renstra row stands for: the existing one with the same owner and
/// description, else a new one; `None` after reporting why neither can be.
pub(crate) fn indikator(
    d: &mut DataInstansi,
    b: &BarisRenstra,
    masalah: &mut Vec<Masalah>,
) -> Option<IndikatorId> {
    let awal = masalah.len();
    let pemilik = match &b.pemilik {
        Some((Some(p), l)) => pemilik(d, p)
            .map_err(|e| masalah.push(l.masalah(Some(p.clone()), e)))
            .ok(),
        Some((None, l)) => {
            masalah.push(l.masalah(
                None,
                "baris baru: isi Id Pemilik (id tujuan, sasaran, program, kegiatan atau sub kegiatan pemilik indikator ini; lihat baris lain)",
            ));
            None
        }
        None => {
            masalah.push(b.letak.masalah(
                None,
                "baris baru butuh kolom \"Id Pemilik\" untuk menempatkan indikatornya",
            ));
            None
        }
    };
    let uraian = wajib(&b.uraian, &b.letak, "uraian indikator", masalah);
    let polaritas = wajib(&b.polaritas, &b.letak, "polaritas", masalah);
    if masalah.len() > awal {
        return None;
    }
    let (pemilik, uraian) = (pemilik?, uraian?);
    if let Some(ada) = d
        .indikator
        .iter()
        .find(|i| i.pemilik == pemilik && normal(&i.uraian) == normal(&uraian))
    {
        return Some(ada.id.clone());
    }
    let polaritas = match crate::terap::polaritas(&polaritas?) {
        Some(p) => p,
        // Reported when the row's values are applied.
        None => Polaritas::Positif,
    };
    let nomor = d
        .indikator
        .iter()
        .filter(|i| i.pemilik == pemilik)
        .map(|i| i.nomor)
        .max()
        .unwrap_or(0)
        + 1;
    let awalan = format!("I-{}-", id_pemilik(&pemilik));
    let calon = id_bebas(&awalan, |c| d.indikator.iter().any(|i| i.id.as_str() == c));
    // An owner's id near the length limit leaves no room for the suffix: a shorter one.
    let id = IndikatorId::new(calon).unwrap_or_else(|_| {
        let c = id_bebas("I-", |c| d.indikator.iter().any(|i| i.id.as_str() == c));
        IndikatorId::new(c).unwrap_or_else(|_| unreachable!("`I-` and digits are an id"))
    });
    d.indikator.push(Indikator {
        id: id.clone(),
        pemilik,
        nomor,
        uraian,
        jenis: JenisIndikator::Hasil,
        polaritas,
        satuan: None,
        cara_tahunan: CaraTahunan::default(),
        cara_wilayah: CaraWilayah::default(),
        rumus: None,
        kondisi_awal: None,
        target_akhir: None,
        induk: None,
        catatan: None,
    });
    Some(id)
}

fn wajib(
    k: &crate::baca::Kolom<Option<String>>,
    baris: &Letak,
    apa: &str,
    masalah: &mut Vec<Masalah>,
) -> Option<String> {
    match k {
        Some((Some(s), _)) => Some(s.clone()),
        Some((None, l)) => {
            masalah.push(l.masalah(None, format!("baris baru: {apa} wajib diisi")));
            None
        }
        None => {
            masalah.push(baris.masalah(None, format!("baris baru butuh kolom {apa}")));
            None
        }
    }
}

/// The owner an "Id Pemilik" names; an id that several tables hold is refused as ambiguous.
fn pemilik(d: &DataInstansi, id: &str) -> Result<Pemilik, String> {
    let id = id.trim();
    let mut cocok: Vec<Pemilik> = Vec::new();
    cocok.extend(
        d.tujuan
            .iter()
            .filter(|x| x.id.as_str() == id)
            .map(|x| Pemilik::Tujuan(x.id.clone())),
    );
    cocok.extend(
        d.sasaran
            .iter()
            .filter(|x| x.id.as_str() == id)
            .map(|x| Pemilik::Sasaran(x.id.clone())),
    );
    cocok.extend(
        d.program
            .iter()
            .filter(|x| x.id.as_str() == id)
            .map(|x| Pemilik::Program(x.id.clone())),
    );
    cocok.extend(
        d.kegiatan
            .iter()
            .filter(|x| x.id.as_str() == id)
            .map(|x| Pemilik::Kegiatan(x.id.clone())),
    );
    cocok.extend(
        d.sub_kegiatan
            .iter()
            .filter(|x| x.id.as_str() == id)
            .map(|x| Pemilik::SubKegiatan(x.id.clone())),
    );
    match cocok.len() {
        1 => Ok(cocok.remove(0)),
        0 => Err(format!(
            "tidak ada tujuan, sasaran, program, kegiatan atau sub kegiatan dengan id \"{id}\""
        )),
        _ => Err(format!(
            "id \"{id}\" dipakai lebih dari satu tingkat (tujuan, sasaran, program...): tambahkan indikatornya lewat halaman web"
        )),
    }
}

fn id_pemilik(p: &Pemilik) -> &str {
    match p {
        Pemilik::Tujuan(x) => x.as_str(),
        Pemilik::Sasaran(x) => x.as_str(),
        Pemilik::Program(x) => x.as_str(),
        Pemilik::Kegiatan(x) => x.as_str(),
        Pemilik::SubKegiatan(x) => x.as_str(),
    }
}

/// The budget line of `tahun` a new Anggaran row stands for: the existing line of its place and
/// jenis belanja, else a new one (and a new sub kegiatan when its code is new under a known
/// kegiatan); `None` after reporting why neither can be.
pub(crate) fn pos_anggaran(
    d: &mut DataInstansi,
    b: &BarisAnggaran,
    tahun: Tahun,
    masalah: &mut Vec<Masalah>,
) -> Option<PosAnggaranId> {
    let awal = masalah.len();
    let kode_teks = wajib(
        &b.kode,
        &b.letak,
        "Kode (kode sub kegiatan atau kegiatan)",
        masalah,
    );
    let jenis_teks = wajib(&b.jenis, &b.letak, "Jenis Belanja", masalah);
    if b.pagu.is_none() {
        masalah.push(b.letak.masalah(None, "baris baru butuh kolom Pagu"));
    }
    if masalah.len() > awal {
        return None;
    }
    let (kode_teks, jenis_teks) = (kode_teks?, jenis_teks?);
    let letak_kode = b.kode.as_ref().map_or(&b.letak, |(_, l)| l);
    let struktur = d
        .anggaran
        .iter()
        .find(|p| p.tahun == tahun)
        .map_or(StrukturBelanja::Permendagri90, |p| p.jenis.struktur());
    let Some(jenis) = jenis_belanja(&jenis_teks, struktur) else {
        let l = b.jenis.as_ref().map_or(&b.letak, |(_, l)| l);
        masalah.push(l.masalah(
            Some(jenis_teks),
            format!(
                "diharapkan salah satu dari: {}",
                label_jenis(struktur).join(", ")
            ),
        ));
        return None;
    };
    let tempat = tempat(d, b, &kode_teks, letak_kode, masalah)?;
    if let Some(p) = d
        .anggaran
        .iter()
        .find(|p| p.tahun == tahun && p.tempat == tempat && p.jenis == jenis)
    {
        return Some(p.id.clone());
    }
    let dasar = match &tempat {
        TempatAnggaran::SubKegiatan(s) => s.as_str(),
        TempatAnggaran::Kegiatan(k) => k.as_str(),
        TempatAnggaran::Instansi => "instansi",
    };
    let awalan = format!("{dasar}-{}-", tahun.get());
    let calon = id_bebas(&awalan, |c| d.anggaran.iter().any(|p| p.id.as_str() == c));
    let id = PosAnggaranId::new(calon).unwrap_or_else(|_| {
        let c = id_bebas(&format!("pos-{}-", tahun.get()), |c| {
            d.anggaran.iter().any(|p| p.id.as_str() == c)
        });
        PosAnggaranId::new(c)
            .unwrap_or_else(|_| unreachable!("`pos-`, a year and digits are an id"))
    });
    d.anggaran.push(PosAnggaran {
        id: id.clone(),
        tahun,
        tempat,
        jenis,
        // Set from the row: its pagu is required (checked above, and when the sheet is read).
        pagu: kinerja_core::uang::Rupiah::NOL,
        pagu_perubahan: None,
        realisasi: None,
        realisasi_bulanan: BTreeMap::new(),
        catatan: None,
    });
    Some(id)
}

/// Where a new line's code puts it.
fn tempat(
    d: &mut DataInstansi,
    b: &BarisAnggaran,
    kode_teks: &str,
    l: &Letak,
    masalah: &mut Vec<Masalah>,
) -> Option<TempatAnggaran> {
    let sama = |k: &Option<String>, t: Tingkat, n: &str| {
        k.as_deref()
            .and_then(|k| kode::normalkan(t, k).ok())
            .is_some_and(|k| k == n)
    };
    if let Ok(n) = kode::normalkan(Tingkat::SubKegiatan, kode_teks) {
        if let Some(s) = d
            .sub_kegiatan
            .iter()
            .find(|s| sama(&s.kode, Tingkat::SubKegiatan, &n))
        {
            return Some(TempatAnggaran::SubKegiatan(s.id.clone()));
        }
        let induk = n.rsplit_once('.').map_or("", |(k, _)| k).to_string();
        let Some(kegiatan) = d
            .kegiatan
            .iter()
            .find(|k| sama(&k.kode, Tingkat::Kegiatan, &induk))
            .map(|k| k.id.clone())
        else {
            masalah.push(l.masalah(
                Some(kode_teks.into()),
                format!(
                    "sub kegiatan baru, tetapi tidak ada kegiatan dengan kode {induk} dalam data: tambahkan kegiatannya dulu (halaman Renstra di web)"
                ),
            ));
            return None;
        };
        let nama = wajib(&b.sub_kegiatan, &b.letak, "nama Sub Kegiatan", masalah)?;
        let calon = id_bebas(&format!("{kegiatan}.SK"), |c| {
            d.sub_kegiatan.iter().any(|s| s.id.as_str() == c)
        });
        let id = SubKegiatanId::new(calon).unwrap_or_else(|_| {
            let c = id_bebas("SK-", |c| d.sub_kegiatan.iter().any(|s| s.id.as_str() == c));
            SubKegiatanId::new(c).unwrap_or_else(|_| unreachable!("`SK-` and digits are an id"))
        });
        d.sub_kegiatan.push(SubKegiatan {
            id: id.clone(),
            kegiatan,
            kode: Some(n),
            nama,
        });
        return Some(TempatAnggaran::SubKegiatan(id));
    }
    if let Ok(n) = kode::normalkan(Tingkat::Kegiatan, kode_teks)
        && let Some(k) = d
            .kegiatan
            .iter()
            .find(|k| sama(&k.kode, Tingkat::Kegiatan, &n))
    {
        return Some(TempatAnggaran::Kegiatan(k.id.clone()));
    }
    let pesan = match kode::normalkan(Tingkat::Kegiatan, kode_teks) {
        Ok(n) => format!(
            "tidak ada kegiatan dengan kode {n} dalam data: tambahkan kegiatannya dulu (halaman Renstra di web)"
        ),
        Err(_) => format!(
            "bukan kode kegiatan (mis. 1.01.01.2.01) atau sub kegiatan (mis. 1.01.01.2.01.0001): {}",
            kode::normalkan(Tingkat::SubKegiatan, kode_teks)
                .err()
                .map(|e| e.to_string())
                .unwrap_or_default()
        ),
    };
    masalah.push(l.masalah(Some(kode_teks.into()), pesan));
    None
}
