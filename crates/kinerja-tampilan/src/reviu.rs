//! The reviu page: every finding of the reviu of a year (`kinerja periksa`), grouped by rule
//! and filterable by level and rule, with the form with which a pereviu accepts a finding (a
//! reason, kept in the data) or writes a note. The server runs the reviu and hands the findings
//! over as plain data: this crate does not know the reviu's crate.

use crate::bantu::{instansi_utama, render};
use crate::tata::{Bagian, Tata, instansi_href};
use crate::{CatatanTampil, Konteks};
use askama::Template;
use kinerja_core::angka::format_angka;
use kinerja_core::model::DataInstansi;
use kinerja_core::waktu::Tahun;
use rust_decimal::Decimal;

#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum TingkatTemuan {
    Info,
    Peringatan,
    Galat,
}

impl TingkatTemuan {
    pub const SEMUA: [TingkatTemuan; 3] = [
        TingkatTemuan::Galat,
        TingkatTemuan::Peringatan,
        TingkatTemuan::Info,
    ];

    /// The name in addresses and in the data: `galat`, `peringatan`, `info`.
    pub fn kunci(self) -> &'static str {
        match self {
            TingkatTemuan::Info => "info",
            TingkatTemuan::Peringatan => "peringatan",
            TingkatTemuan::Galat => "galat",
        }
    }

    pub fn label(self) -> &'static str {
        match self {
            TingkatTemuan::Info => "Info",
            TingkatTemuan::Peringatan => "Peringatan",
            TingkatTemuan::Galat => "Galat",
        }
    }

    pub fn parse(s: &str) -> Option<TingkatTemuan> {
        TingkatTemuan::SEMUA.into_iter().find(|t| t.kunci() == s)
    }
}

/// One finding of the reviu, as the reviu reported it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TemuanTampil {
    pub aturan: String,
    pub tingkat: TingkatTemuan,
    pub dokumen: String,
    pub tabel: String,
    pub baris: Option<String>,
    pub pesan: String,
    pub tercatat: Option<Decimal>,
    pub dihitung: Option<Decimal>,
    pub pembulatan: Option<String>,
    pub kunci: String,
    /// The reviewer's reason, when the finding was accepted.
    pub diterima: Option<String>,
}

/// Open findings of a year by level, and where the open `galat` are: the dashboard's panel.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct RingkasanReviu {
    pub galat: usize,
    pub peringatan: usize,
    pub info: usize,
    /// The places of the open `galat` (document › table › row), at most a handful.
    pub tempat_galat: Vec<String>,
}

impl RingkasanReviu {
    /// How many places [`RingkasanReviu::dari`] names.
    pub const TEMPAT: usize = 5;

    pub fn dari(temuan: &[TemuanTampil]) -> RingkasanReviu {
        let terbuka = |t: TingkatTemuan| {
            temuan
                .iter()
                .filter(move |x| x.tingkat == t && x.diterima.is_none())
        };
        RingkasanReviu {
            galat: terbuka(TingkatTemuan::Galat).count(),
            peringatan: terbuka(TingkatTemuan::Peringatan).count(),
            info: terbuka(TingkatTemuan::Info).count(),
            tempat_galat: terbuka(TingkatTemuan::Galat)
                .take(Self::TEMPAT)
                .map(tempat)
                .collect(),
        }
    }
}

/// The filter of the page, from its address (`?tingkat=galat&aturan=...&status=terbuka`).
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct SaringReviu {
    pub tingkat: Option<TingkatTemuan>,
    pub aturan: Option<String>,
    /// Only open findings.
    pub terbuka: bool,
}

fn tempat(t: &TemuanTampil) -> String {
    let mut s = format!("{} › {}", t.dokumen, t.tabel);
    if let Some(b) = &t.baris {
        s.push_str(&format!(" › {b}"));
    }
    s
}

struct BarisTemuan {
    tingkat: &'static str,
    kelas: &'static str,
    tempat: String,
    pesan: String,
    tercatat: Option<String>,
    dihitung: Option<String>,
    pembulatan: Option<String>,
    aturan: String,
    kunci: String,
    diterima: Option<String>,
    /// The id of the acceptance form's reason field.
    id_alasan: String,
}

struct KelompokTemuan {
    aturan: String,
    terbuka: usize,
    baris: Vec<BarisTemuan>,
}

struct Pilihan {
    nilai: String,
    teks: String,
    dipilih: bool,
}

#[derive(Template)]
#[template(path = "reviu.html")]
struct HalamanReviu {
    l: Tata,
    instansi: String,
    tahun: u16,
    ringkasan: RingkasanReviu,
    diterima: usize,
    jumlah: usize,
    tampil: usize,
    pilihan_tingkat: Vec<Pilihan>,
    pilihan_aturan: Vec<Pilihan>,
    hanya_terbuka: bool,
    kelompok: Vec<KelompokTemuan>,
    aksi_terima: String,
    aksi_catatan: String,
    alamat: String,
    boleh_terima: bool,
    catatan: Vec<CatatanTampil>,
    /// The year has Evaluasi AKIP answers: its report can be opened (`/evaluasi.*`).
    evaluasi: Option<String>,
}

#[allow(clippy::too_many_arguments)]
pub fn reviu(
    k: &Konteks,
    data: &DataInstansi,
    tahun: Tahun,
    temuan: &[TemuanTampil],
    saring: &SaringReviu,
    boleh_terima: bool,
    catatan: &[CatatanTampil],
) -> String {
    let l = Tata::baru(
        k,
        format!("Reviu {}", tahun.get()),
        Bagian::Reviu,
        Some(data),
    );
    let id = crate::isian::id_instansi(k, data);
    let cocok = |t: &&TemuanTampil| {
        saring.tingkat.is_none_or(|x| x == t.tingkat)
            && saring.aturan.as_ref().is_none_or(|a| *a == t.aturan)
            && (!saring.terbuka || t.diterima.is_none())
    };
    let mut kelompok: Vec<KelompokTemuan> = Vec::new();
    let mut tampil = 0;
    for (i, t) in temuan.iter().filter(cocok).enumerate() {
        tampil += 1;
        let baris = BarisTemuan {
            tingkat: t.tingkat.label(),
            kelas: t.tingkat.kunci(),
            tempat: tempat(t),
            pesan: t.pesan.clone(),
            tercatat: t.tercatat.map(|x| format_angka(x, x.scale())),
            dihitung: t.dihitung.map(|x| format_angka(x, x.scale().min(4))),
            pembulatan: t.pembulatan.clone(),
            aturan: t.aturan.clone(),
            kunci: t.kunci.clone(),
            diterima: t.diterima.clone(),
            id_alasan: format!("alasan-{i}"),
        };
        let terbuka = usize::from(t.diterima.is_none());
        match kelompok.iter_mut().find(|g| g.aturan == t.aturan) {
            Some(g) => {
                g.terbuka += terbuka;
                g.baris.push(baris);
            }
            None => kelompok.push(KelompokTemuan {
                aturan: t.aturan.clone(),
                terbuka,
                baris: vec![baris],
            }),
        }
    }
    let mut aturan: Vec<&str> = temuan.iter().map(|t| t.aturan.as_str()).collect();
    aturan.sort_unstable();
    aturan.dedup();
    let semua = |teks: &str, dipilih: bool| Pilihan {
        nilai: String::new(),
        teks: teks.into(),
        dipilih,
    };
    let pilihan_tingkat = std::iter::once(semua("semua tingkat", saring.tingkat.is_none()))
        .chain(TingkatTemuan::SEMUA.into_iter().map(|t| Pilihan {
            nilai: t.kunci().into(),
            teks: t.label().into(),
            dipilih: saring.tingkat == Some(t),
        }))
        .collect();
    let pilihan_aturan = std::iter::once(semua("semua aturan", saring.aturan.is_none()))
        .chain(aturan.into_iter().map(|a| Pilihan {
            nilai: a.into(),
            teks: a.into(),
            dipilih: saring.aturan.as_deref() == Some(a),
        }))
        .collect();
    let dasar = instansi_href(&id, tahun.get(), "/reviu");
    render(&HalamanReviu {
        l,
        instansi: instansi_utama(data)
            .map(|i| i.nama.clone())
            .unwrap_or_default(),
        tahun: tahun.get(),
        ringkasan: RingkasanReviu::dari(temuan),
        diterima: temuan.iter().filter(|t| t.diterima.is_some()).count(),
        jumlah: temuan.len(),
        tampil,
        pilihan_tingkat,
        pilihan_aturan,
        hanya_terbuka: saring.terbuka,
        kelompok,
        aksi_terima: format!("{dasar}/terima"),
        aksi_catatan: instansi_href(&id, tahun.get(), "/catatan"),
        alamat: dasar,
        boleh_terima,
        catatan: catatan.to_vec(),
        evaluasi: data
            .jawaban_evaluasi
            .iter()
            .any(|j| j.tahun == tahun)
            .then(|| instansi_href(&id, tahun.get(), "/evaluasi")),
    })
}

#[cfg(test)]
mod tests;
