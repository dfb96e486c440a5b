//! Small shared pieces: printed figures, predikat badges, names of records.

use kinerja_core::angka::{format_persen, format_rupiah};
use kinerja_core::capaian::{Batasan, Capaian};
use kinerja_core::model::{DataInstansi, Instansi, JenisInstansi};
use kinerja_core::nilai::Nilai;
use kinerja_core::predikat::Predikat;
use kinerja_core::uang::Rupiah;
use kinerja_core::waktu::Periode;
use rust_decimal::Decimal;

pub(crate) const TAK_TERSEDIA: &str = "data tidak tersedia";

pub fn label_jenis(j: JenisInstansi) -> &'static str {
    match j {
        JenisInstansi::Kementerian => "Kementerian",
        JenisInstansi::Provinsi => "Provinsi",
        JenisInstansi::Kabupaten => "Kabupaten",
        JenisInstansi::Kota => "Kota",
        JenisInstansi::Opd => "Perangkat Daerah",
        JenisInstansi::Kecamatan => "Kecamatan",
        JenisInstansi::Kelurahan => "Kelurahan",
        JenisInstansi::Desa => "Desa",
        JenisInstansi::Unit => "Unit kerja",
    }
}

/// The serde name of a period, as form fields and URLs use it.
pub(crate) fn kunci_periode(p: Periode) -> &'static str {
    match p {
        Periode::Tahunan => "tahunan",
        Periode::Tw1 => "tw1",
        Periode::Tw2 => "tw2",
        Periode::Tw3 => "tw3",
        Periode::Tw4 => "tw4",
    }
}

pub(crate) fn periode_dari_kunci(s: &str) -> Option<Periode> {
    Some(match s {
        "tahunan" => Periode::Tahunan,
        "tw1" => Periode::Tw1,
        "tw2" => Periode::Tw2,
        "tw3" => Periode::Tw3,
        "tw4" => Periode::Tw4,
        _ => return None,
    })
}

/// Short column label: "Tw I".."Tw IV", "Tahunan".
pub(crate) fn label_pendek(p: Periode) -> &'static str {
    match p {
        Periode::Tahunan => "Tahunan",
        Periode::Tw1 => "Tw I",
        Periode::Tw2 => "Tw II",
        Periode::Tw3 => "Tw III",
        Periode::Tw4 => "Tw IV",
    }
}

pub(crate) fn persen(d: Decimal) -> String {
    format_persen(d, 2)
}

/// A rolled-up figure with its unit, rounded once here: `86,36 %`.
pub(crate) fn angka_satuan(v: Decimal, satuan: Option<&str>) -> String {
    let t = kinerja_core::angka::format_angka(kinerja_core::angka::bulatkan(v, 2), 2);
    match satuan.map(str::trim) {
        Some(s) if !s.is_empty() => format!("{t} {s}"),
        _ => t,
    }
}

pub(crate) fn rupiah(r: Rupiah) -> String {
    format_rupiah(r)
}

/// The value as its document wrote it.
pub(crate) fn nilai(n: Option<&Nilai>) -> Option<String> {
    n.map(|n| n.teks().to_string())
}

/// A predikat badge: the label always printed; `nada` 0 (lowest) ..= 4 (highest) picks the
/// colour band and how many of five level bars are filled (like a signal meter), so the badge
/// reads without colour too. A value in no band of its scale ("tidak terdefinisi pada skala")
/// is `netral`: its own grey, dashed style with no bar filled, never the colour of the band below.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Lencana {
    pub label: String,
    pub nada: u8,
    pub netral: bool,
}

impl Lencana {
    pub fn dari_label(label: &str) -> Lencana {
        let n = match label.trim().to_lowercase().as_str() {
            "sangat baik" | "sangat tinggi" | "istimewa" => 4,
            "baik" | "tinggi" => 3,
            "cukup" | "sedang" | "cukup baik" => 2,
            "rendah" | "kurang baik" => 1,
            _ => 0,
        };
        Lencana::baru(label, n)
    }

    pub fn dari_predikat(p: &Predikat, jumlah_pita: usize) -> Lencana {
        if !p.terdefinisi {
            return Lencana {
                label: p.label.clone(),
                nada: 0,
                netral: true,
            };
        }
        let dikenal = Lencana::dari_label(&p.label);
        let l = p.label.trim().to_lowercase();
        if dikenal.nada > 0 || l == "kurang" || l == "sangat rendah" {
            return dikenal;
        }
        // An instansi's own scale with other labels: place the band by its rank.
        let n = if jumlah_pita > 1 {
            ((p.peringkat * 4 + (jumlah_pita - 1) / 2) / (jumlah_pita - 1)).min(4) as u8
        } else {
            2
        };
        Lencana::baru(&p.label, n)
    }

    fn baru(label: &str, nada: u8) -> Lencana {
        Lencana {
            label: label.to_string(),
            nada: nada.min(4),
            netral: false,
        }
    }
}

/// A capaian as printed: the percent, or "data tidak tersedia" with the core's reason.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct CapaianTampil {
    pub teks: Option<String>,
    /// Width of the bar in percent of its track (the track ends at 120 %).
    pub lebar: u32,
    pub alasan: Option<String>,
    /// A note when the core floored or capped the figure.
    pub catatan: Option<String>,
}

impl CapaianTampil {
    pub fn dari(c: &Capaian) -> CapaianTampil {
        match c {
            Capaian::Ada {
                persen: p,
                dibatasi,
                ..
            } => CapaianTampil {
                teks: Some(persen(*p)),
                lebar: lebar_batang(Some(*p)),
                alasan: None,
                catatan: dibatasi.map(|b| {
                    match b {
                        Batasan::Nol => "dibatasi 0 % (realisasi lebih dari dua kali target)",
                        Batasan::BatasAtas => "dibatasi pada batas atas instansi",
                    }
                    .to_string()
                }),
            },
            Capaian::TidakTersedia { alasan } => CapaianTampil {
                teks: None,
                lebar: 0,
                alasan: Some(alasan.pesan().to_string()),
                catatan: None,
            },
        }
    }
}

/// Bar width (0-100) for a percent on a track ending at 120 %.
pub(crate) fn lebar_batang(p: Option<Decimal>) -> u32 {
    use rust_decimal::prelude::ToPrimitive;
    let v = p.and_then(|d| d.to_f64()).unwrap_or(0.0);
    ((v / 120.0 * 100.0).clamp(0.0, 100.0)).round() as u32
}

/// The instansi the data set is about: the Renstra's, else the PK's, else the first that is
/// not a unit nor the parent of another in the set.
pub(crate) fn instansi_utama(data: &DataInstansi) -> Option<&Instansi> {
    let id = data
        .renstra
        .first()
        .map(|r| &r.instansi)
        .or_else(|| data.perjanjian_kinerja.first().map(|p| &p.instansi))
        .or_else(|| data.iku.first().map(|p| &p.instansi));
    if let Some(id) = id
        && let Some(i) = data.instansi.iter().find(|i| &i.id == id)
    {
        return Some(i);
    }
    data.instansi
        .iter()
        .find(|i| {
            i.jenis != JenisInstansi::Unit
                && !data
                    .instansi
                    .iter()
                    .any(|c| c.induk.as_ref() == Some(&i.id) && c.jenis != JenisInstansi::Unit)
        })
        .or_else(|| data.instansi.first())
}

/// The kabupaten/kota above the main instansi, when the data names it.
pub(crate) fn kabupaten_dari(data: &DataInstansi) -> Option<(String, String)> {
    let utama = instansi_utama(data)?;
    kinerja_core::hierarki::kabupaten_di_atas(&data.instansi, &utama.id)
        .map(|k| (k.id.as_str().to_string(), k.nama.clone()))
}

/// Renders a page. askama fails only when a value's `Display` fails, which ours never do; the
/// fallback keeps that a visible page rather than a panic.
pub(crate) fn render<T: askama::Template>(t: &T) -> String {
    t.render().unwrap_or_else(|e| {
        format!("<!doctype html><html lang=\"id\"><title>Galat</title><p>Halaman gagal disusun: {e}</p></html>")
    })
}
