//! The page frame: header with the instansi and year selectors, side navigation, messages.

use crate::bantu::{instansi_utama, kabupaten_dari};
use crate::{JenisPesan, Konteks, PenggunaTampil};
use kinerja_core::model::DataInstansi;

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Tautan {
    pub href: String,
    pub teks: String,
    pub aktif: bool,
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct PesanTampil {
    /// CSS modifier: sukses, galat, info.
    pub kelas: &'static str,
    /// ARIA role: alert for errors, status otherwise.
    pub peran: &'static str,
    pub judul: &'static str,
    pub teks: String,
}

/// Which page is shown, for the active navigation entry and for keeping the page when the
/// year or instansi changes.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Bagian {
    Dasbor,
    Rencana,
    Realisasi,
    Anggaran,
    Pk,
    Iku,
    Laporan,
    Reviu,
    Evaluasi,
    Skm,
    Jejak,
    Impor,
    Kabupaten,
    Beranda,
    Masuk,
    Lain,
}

impl Bagian {
    /// The path after `/instansi/{id}/tahun/{tahun}` for pages of an instansi and a year.
    fn akhiran(self) -> Option<&'static str> {
        Some(match self {
            Bagian::Dasbor => "",
            Bagian::Rencana => "/rencana",
            Bagian::Realisasi => "/realisasi",
            Bagian::Anggaran => "/anggaran",
            Bagian::Pk => "/pk",
            Bagian::Iku => "/iku",
            Bagian::Laporan => "/laporan",
            Bagian::Reviu => "/reviu",
            Bagian::Skm => "/skm",
            Bagian::Evaluasi => "/evaluasi",
            _ => return None,
        })
    }
}

#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Tata {
    pub judul: String,
    pub aplikasi: String,
    pub pengguna: Option<PenggunaTampil>,
    pub csrf: String,
    pub pesan: Vec<PesanTampil>,
    pub instansi_nama: Option<String>,
    pub pilihan_instansi: Vec<Tautan>,
    pub tahun: Option<u16>,
    pub pilihan_tahun: Vec<Tautan>,
    pub nav: Vec<Tautan>,
    /// No side navigation (login, error pages).
    pub polos: bool,
    /// The login page: no "Masuk" button in the header.
    pub halaman_masuk: bool,
}

pub(crate) fn instansi_href(id: &str, tahun: u16, akhiran: &str) -> String {
    format!("/instansi/{id}/tahun/{tahun}{akhiran}")
}

impl Tata {
    pub fn baru(
        k: &Konteks,
        judul: impl Into<String>,
        bagian: Bagian,
        data: Option<&DataInstansi>,
    ) -> Tata {
        let utama = data.and_then(instansi_utama);
        let aktif: Option<String> = k
            .instansi_aktif
            .clone()
            .or_else(|| utama.map(|i| i.id.as_str().to_string()));
        let instansi_nama = aktif
            .as_ref()
            .and_then(|a| k.instansi.iter().find(|(id, _)| id == a))
            .map(|(_, n)| n.clone())
            .or_else(|| utama.map(|i| i.nama.clone()));
        let kabupaten = k
            .kabupaten
            .clone()
            .or_else(|| data.and_then(kabupaten_dari));
        let tahun = k.tahun;
        let tahun_cadangan = tahun.or_else(|| k.tahun_pilihan.iter().copied().max());

        let akhiran = bagian.akhiran();
        let pilihan_instansi = k
            .instansi
            .iter()
            .map(|(id, nama)| Tautan {
                href: match tahun_cadangan {
                    Some(t) => instansi_href(id, t, akhiran.unwrap_or("")),
                    None => format!("/instansi/{id}/jejak"),
                },
                teks: nama.clone(),
                aktif: aktif.as_deref() == Some(id.as_str()),
            })
            .collect();
        let mut tahun_pilihan = k.tahun_pilihan.clone();
        tahun_pilihan.sort_unstable();
        tahun_pilihan.dedup();
        let pilihan_tahun = tahun_pilihan
            .iter()
            .filter_map(|&t| {
                let href = match (bagian, &aktif, &kabupaten) {
                    (Bagian::Kabupaten, _, Some((kab, _))) => format!("/kabupaten/{kab}/tahun/{t}"),
                    // Relative to /kabupaten/{id}/tahun/{tahun}: replaces the year.
                    (Bagian::Kabupaten, _, None) => t.to_string(),
                    (_, Some(id), _) => instansi_href(id, t, akhiran.unwrap_or("")),
                    _ => return None,
                };
                Some(Tautan {
                    href,
                    teks: t.to_string(),
                    aktif: Some(t) == tahun,
                })
            })
            .collect();

        let mut nav = Vec::new();
        if let Some(id) = &aktif {
            if let Some(t) = tahun_cadangan {
                for (b, teks) in [
                    (Bagian::Dasbor, "Dasbor"),
                    (Bagian::Rencana, "Rencana kinerja"),
                    (Bagian::Realisasi, "Isian realisasi"),
                    (Bagian::Anggaran, "Isian anggaran"),
                    (Bagian::Pk, "Perjanjian Kinerja"),
                    (Bagian::Iku, "Indikator Kinerja Utama"),
                    (Bagian::Skm, "Survei kepuasan"),
                    (Bagian::Laporan, "Laporan Kinerja"),
                    (Bagian::Reviu, "Reviu"),
                    (Bagian::Evaluasi, "Evaluasi AKIP"),
                ] {
                    // The reviu and the evaluation are the staff's and the inspektorat's
                    // working pages.
                    if matches!(b, Bagian::Reviu | Bagian::Skm | Bagian::Evaluasi)
                        && k.pengguna.is_none()
                    {
                        continue;
                    }
                    nav.push(Tautan {
                        href: instansi_href(id, t, b.akhiran().unwrap_or("")),
                        teks: teks.into(),
                        aktif: b == bagian,
                    });
                }
            }
            nav.push(Tautan {
                href: format!("/instansi/{id}/jejak"),
                teks: "Jejak audit".into(),
                aktif: bagian == Bagian::Jejak,
            });
            if k.pengguna.is_some() {
                nav.push(Tautan {
                    href: format!("/instansi/{id}/impor"),
                    teks: "Impor dan ekspor".into(),
                    aktif: bagian == Bagian::Impor,
                });
            }
        }
        if let (Some((kab, nama)), Some(t)) = (&kabupaten, tahun_cadangan) {
            nav.push(Tautan {
                href: format!("/kabupaten/{kab}/tahun/{t}"),
                teks: format!("Rekap {nama}"),
                aktif: bagian == Bagian::Kabupaten,
            });
        }

        let pesan = k
            .pesan
            .iter()
            .map(|p| {
                let (kelas, peran, judul) = match p.jenis {
                    JenisPesan::Sukses => ("sukses", "status", "Berhasil"),
                    JenisPesan::Galat => ("galat", "alert", "Gagal"),
                    JenisPesan::Info => ("info", "status", "Informasi"),
                };
                PesanTampil {
                    kelas,
                    peran,
                    judul,
                    teks: p.teks.clone(),
                }
            })
            .collect();

        Tata {
            judul: judul.into(),
            aplikasi: k
                .judul_aplikasi
                .clone()
                .unwrap_or_else(|| "kinerja".to_string()),
            pengguna: k.pengguna.clone(),
            csrf: k.csrf.clone(),
            pesan,
            instansi_nama,
            pilihan_instansi,
            tahun,
            pilihan_tahun,
            polos: matches!(bagian, Bagian::Lain | Bagian::Beranda | Bagian::Masuk)
                || nav.len() <= 1,
            halaman_masuk: bagian == Bagian::Masuk,
            nav,
        }
    }
}
