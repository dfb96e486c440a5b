//! The Laporan Kinerja page: the narrative of a year's report as a form (kata pengantar,
//! ikhtisar, analysis per sasaran, the free sections, kendala and langkah, penutup), the
//! reviu's verdict on the report, and the downloads. The form's field names are read back by
//! [`naskah_laporan`], beside the template that writes them, so the two cannot drift apart.

use crate::bantu::{instansi_utama, render};
use crate::tata::{Bagian, Tata, instansi_href};
use crate::{KesalahanIsian, Konteks};
use askama::Template;
use kinerja_core::id::{InstansiId, LaporanId, SasaranId};
use kinerja_core::model::{AnalisisSasaran, DataInstansi, Laporan, Uraian};
use kinerja_core::waktu::{Tahun, Tanggal};
use std::collections::HashMap;

/// What the server found about the year's report: the reviu's verdict and the fingerprint the
/// files carry.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct KeadaanLaporan {
    /// Open `galat` findings: while any remain, the final report is refused and only a draft
    /// (marked DRAF) can be downloaded.
    pub galat_terbuka: usize,
    /// Open warnings, for information.
    pub peringatan_terbuka: usize,
    /// The data fingerprint printed in the files (`kinerja_laporan::sidik`).
    pub sidik: String,
    /// The year is published (its annual period approved).
    pub terbit: bool,
    /// The viewer may open the reviu page.
    pub lihat_reviu: bool,
    /// The viewer may edit the narrative.
    pub ubah: bool,
}

// Field names of the form.
const JUDUL: &str = "judul";
const TEMPAT: &str = "tempat";
const TANGGAL: &str = "tanggal";
const KATA_PENGANTAR: &str = "kata_pengantar";
const IKHTISAR: &str = "ikhtisar";
const PENUTUP: &str = "penutup";
const KENDALA: &str = ".kendala";
const LANGKAH: &str = ".langkah";
const ANALISIS: &str = "analisis.";
const BAGIAN: &str = "bagian.";

struct MedanTeks {
    nama: String,
    label: String,
    ket: Option<String>,
    nilai: String,
    baris: u8,
    galat: Option<String>,
}

struct Unduhan {
    href: String,
    teks: &'static str,
}

#[derive(Template)]
#[template(path = "laporan.html")]
struct HalamanLaporan {
    l: Tata,
    instansi: String,
    tahun: u16,
    ada: bool,
    k: KeadaanLaporan,
    reviu: String,
    unduhan: Vec<Unduhan>,
    pratinjau: String,
    aksi: String,
    /// Title, place and date: one-line fields.
    pendek: Vec<MedanTeks>,
    umum: Vec<MedanTeks>,
    analisis: Vec<MedanTeks>,
    bagian: Vec<MedanTeks>,
    galat: Vec<(String, String)>,
}

fn baris(daftar: &[String]) -> String {
    daftar.join("\n")
}

fn dari_baris(teks: &str) -> Vec<String> {
    teks.lines()
        .map(str::trim)
        .filter(|s| !s.is_empty())
        .map(str::to_string)
        .collect()
}

pub fn laporan(
    k: &Konteks,
    data: &DataInstansi,
    tahun: Tahun,
    keadaan: &KeadaanLaporan,
    kesalahan: &[KesalahanIsian],
    isian: &[(String, String)],
) -> String {
    let l = Tata::baru(
        k,
        format!("Laporan Kinerja {}", tahun.get()),
        Bagian::Laporan,
        Some(data),
    );
    let id = crate::isian::id_instansi(k, data);
    let lap = data.laporan.iter().find(|x| x.tahun == tahun);
    let (diisi, galat) = crate::isian::per_medan(isian, kesalahan);
    let mut label_medan: HashMap<String, String> = HashMap::new();
    let mut medan = |nama: String, label: String, ket: Option<&str>, tersimpan: String, b: u8| {
        label_medan.insert(nama.clone(), label.clone());
        MedanTeks {
            nilai: diisi
                .get(nama.as_str())
                .map_or(tersimpan, |s| s.to_string()),
            galat: galat.get(nama.as_str()).map(|s| s.to_string()),
            ket: ket.map(str::to_string),
            nama,
            label,
            baris: b,
        }
    };
    let nama_instansi = instansi_utama(data)
        .map(|i| i.nama.clone())
        .unwrap_or_default();
    let pendek = vec![
        medan(
            JUDUL.into(),
            "Judul laporan".into(),
            None,
            lap.map_or_else(
                || format!("Laporan Kinerja {nama_instansi} Tahun {}", tahun.get()),
                |x| x.judul.clone(),
            ),
            1,
        ),
        medan(
            TEMPAT.into(),
            "Tempat penandatanganan".into(),
            None,
            lap.and_then(|x| x.tempat.clone()).unwrap_or_default(),
            1,
        ),
        medan(
            TANGGAL.into(),
            "Tanggal".into(),
            Some("\"Januari 2021\", \"15 Januari 2021\" atau \"2021-01-15\"; boleh kosong"),
            lap.and_then(|x| x.tanggal)
                .map(|t| t.to_string())
                .unwrap_or_default(),
            1,
        ),
    ];
    let uraian = |u: Option<&Uraian>| u.cloned().unwrap_or_default();
    let ikhtisar = uraian(lap.map(|x| &x.ikhtisar));
    let penutup = uraian(lap.map(|x| &x.penutup));
    let satu_per_baris = Some("satu butir per baris");
    let umum = vec![
        medan(
            KATA_PENGANTAR.into(),
            "Kata pengantar".into(),
            None,
            lap.map(|x| x.kata_pengantar.clone()).unwrap_or_default(),
            8,
        ),
        medan(
            IKHTISAR.into(),
            "Ikhtisar eksekutif".into(),
            None,
            ikhtisar.teks,
            8,
        ),
        medan(
            format!("{IKHTISAR}{KENDALA}"),
            "Ikhtisar: kendala".into(),
            satu_per_baris,
            baris(&ikhtisar.kendala),
            4,
        ),
        medan(
            format!("{IKHTISAR}{LANGKAH}"),
            "Ikhtisar: langkah perbaikan".into(),
            satu_per_baris,
            baris(&ikhtisar.langkah_perbaikan),
            4,
        ),
        medan(
            PENUTUP.into(),
            "Bab IV Penutup".into(),
            None,
            penutup.teks,
            6,
        ),
        medan(
            format!("{PENUTUP}{KENDALA}"),
            "Penutup: kendala".into(),
            satu_per_baris,
            baris(&penutup.kendala),
            4,
        ),
        medan(
            format!("{PENUTUP}{LANGKAH}"),
            "Penutup: langkah perbaikan".into(),
            satu_per_baris,
            baris(&penutup.langkah_perbaikan),
            4,
        ),
    ];
    let analisis = data
        .sasaran_urut()
        .into_iter()
        .map(|s| {
            medan(
                format!("{ANALISIS}{}", s.id.as_str()),
                format!("Analisis sasaran {}: {}", s.nomor, s.uraian),
                None,
                lap.and_then(|x| x.analisis.iter().find(|a| a.sasaran == s.id))
                    .map(|a| a.teks.clone())
                    .unwrap_or_default(),
                6,
            )
        })
        .collect();
    let bagian = lap
        .map(|x| x.bagian.as_slice())
        .unwrap_or_default()
        .iter()
        .enumerate()
        .map(|(i, b)| {
            let judul = if b.judul.trim().is_empty() {
                b.kunci.clone()
            } else {
                b.judul.clone()
            };
            medan(
                format!("{BAGIAN}{i}"),
                judul,
                Some(b.kunci.as_str()),
                b.teks.clone(),
                6,
            )
        })
        .collect();

    let dasar = instansi_href(&id, tahun.get(), "/laporan");
    let draf = if keadaan.galat_terbuka > 0 {
        "?draf=1"
    } else {
        ""
    };
    let unduhan = [
        ("pdf", "PDF"),
        ("docx", "DOCX (Word)"),
        ("xlsx", "XLSX (Excel)"),
    ]
    .into_iter()
    .map(|(akhiran, teks)| Unduhan {
        href: format!("{dasar}.{akhiran}{draf}"),
        teks,
    })
    .collect();
    let galat = kesalahan
        .iter()
        .map(|e| {
            let teks = match label_medan.get(&e.medan) {
                Some(l) => format!("{l}: {}", e.pesan),
                None => e.pesan.clone(),
            };
            (format!("#{}", e.medan), teks)
        })
        .collect();
    render(&HalamanLaporan {
        l,
        instansi: nama_instansi,
        tahun: tahun.get(),
        ada: lap.is_some(),
        k: keadaan.clone(),
        reviu: instansi_href(&id, tahun.get(), "/reviu"),
        unduhan,
        pratinjau: format!("{dasar}.html{draf}"),
        aksi: dasar,
        pendek,
        umum,
        analisis,
        bagian,
        galat,
    })
}

/// The year's report with the narrative of the form `isian` applied: the stored report
/// (`lama`), or a new one for `pelapor` when the year has none. Every field the form has is
/// taken as sent (an emptied text is an empty text); fields it does not have keep their
/// stored value. Errors name the field.
pub fn naskah_laporan(
    lama: Option<&Laporan>,
    pelapor: &InstansiId,
    tahun: Tahun,
    isian: &[(String, String)],
) -> Result<Laporan, Vec<KesalahanIsian>> {
    let mut lap = match lama {
        Some(l) => l.clone(),
        None => Laporan::kosong(
            LaporanId::new(format!("lkjip-{}-{}", pelapor.as_str(), tahun.get())).map_err(|e| {
                vec![KesalahanIsian {
                    medan: JUDUL.into(),
                    pesan: e.to_string(),
                }]
            })?,
            pelapor.clone(),
            tahun,
        ),
    };
    let mut salah = Vec::new();
    let mut tolak = |medan: &str, pesan: String| {
        salah.push(KesalahanIsian {
            medan: medan.to_string(),
            pesan,
        })
    };
    // Text areas send "\r\n"; the data keeps "\n".
    let rapi = |s: &str| s.replace("\r\n", "\n").trim().to_string();
    let opsi = |s: String| (!s.is_empty()).then_some(s);
    for (nama, nilai) in isian {
        let v = rapi(nilai);
        match nama.as_str() {
            JUDUL if v.is_empty() => tolak(JUDUL, "judul laporan wajib diisi".into()),
            JUDUL => lap.judul = v,
            TEMPAT => lap.tempat = opsi(v),
            TANGGAL if v.is_empty() => lap.tanggal = None,
            TANGGAL => match Tanggal::parse(&v) {
                Ok(t) => lap.tanggal = Some(t),
                Err(e) => tolak(TANGGAL, e.to_string()),
            },
            KATA_PENGANTAR => lap.kata_pengantar = v,
            IKHTISAR => lap.ikhtisar.teks = v,
            PENUTUP => lap.penutup.teks = v,
            n => {
                if let Some(u) = n.strip_prefix(IKHTISAR) {
                    uraian_daftar(&mut lap.ikhtisar, u, &v);
                } else if let Some(u) = n.strip_prefix(PENUTUP) {
                    uraian_daftar(&mut lap.penutup, u, &v);
                } else if let Some(s) = n.strip_prefix(ANALISIS) {
                    let Ok(s) = SasaranId::new(s) else {
                        tolak(n, "sasaran tidak dikenal".into());
                        continue;
                    };
                    match lap.analisis.iter_mut().find(|a| a.sasaran == s) {
                        Some(a) => a.teks = v,
                        None if v.is_empty() => {}
                        None => lap.analisis.push(AnalisisSasaran {
                            sasaran: s,
                            teks: v,
                        }),
                    }
                } else if let Some(i) = n.strip_prefix(BAGIAN) {
                    match i.parse::<usize>().ok().and_then(|i| lap.bagian.get_mut(i)) {
                        Some(b) => b.teks = v,
                        None => tolak(
                            n,
                            "bagian laporan ini tidak ada lagi; muat ulang halaman".into(),
                        ),
                    }
                }
            }
        }
    }
    // An emptied analysis is no analysis: the report then prints none for that sasaran.
    lap.analisis.retain(|a| !a.teks.is_empty());
    if salah.is_empty() {
        Ok(lap)
    } else {
        Err(salah)
    }
}

fn uraian_daftar(u: &mut Uraian, akhiran: &str, v: &str) {
    match akhiran {
        KENDALA => u.kendala = dari_baris(v),
        LANGKAH => u.langkah_perbaikan = dari_baris(v),
        _ => {}
    }
}

#[cfg(test)]
mod tests;
