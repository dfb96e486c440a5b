//! `kinerja periksa`: the reviu. Exit status 0 without open `galat`, 1 with, 2 when the data or
//! the rules cannot be read. `kinerja terima`: a reviewer accepts a finding, kept with the data.

use crate::galat::GalatPerintah;
use kinerja_core::angka::format_angka;
use kinerja_core::model::DataInstansi;
use kinerja_core::waktu::Tahun;
use kinerja_reviu::{Temuan, Tingkat};
use serde_json::{Value, json};
use std::path::Path;

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum FormatPeriksa {
    /// Teks untuk dibaca
    Teks,
    /// JSON: daftar temuan
    Json,
}

pub fn baca_aturan(
    berkas: &[std::path::PathBuf],
) -> Result<Vec<kinerja_reviu::Aturan>, GalatPerintah> {
    let mut semua = Vec::new();
    for b in berkas {
        let teks = std::fs::read_to_string(b).map_err(|e| {
            GalatPerintah::masukan(format!("tidak dapat membaca {}: {e}", b.display()))
        })?;
        let a = kinerja_reviu::aturan::baca(&teks)
            .map_err(|e| GalatPerintah::masukan(format!("{}: {e}", b.display())))?;
        semua.extend(a);
    }
    Ok(semua)
}

pub fn tulis(temuan: &[Temuan], format: FormatPeriksa) -> String {
    match format {
        FormatPeriksa::Json => {
            let v: Vec<_> = temuan
                .iter()
                .map(|t| {
                    json!({
                        "aturan": t.aturan,
                        "tingkat": t.tingkat,
                        "lokasi": t.lokasi,
                        "pesan": t.pesan,
                        "tercatat": kinerja_json::opsi(t.tercatat),
                        "dihitung": kinerja_json::opsi(t.dihitung),
                        "pembulatan": t.pembulatan,
                        "kunci": t.kunci,
                        "diterima": t.diterima,
                    })
                })
                .collect();
            kinerja_json::teks(&Value::Array(v)).unwrap_or_default()
        }
        FormatPeriksa::Teks => {
            let mut s = String::new();
            for t in temuan {
                let mut tempat = format!("{} › {}", t.lokasi.dokumen, t.lokasi.tabel);
                if let Some(b) = &t.lokasi.baris {
                    tempat.push_str(&format!(" › {b}"));
                }
                s.push_str(&format!(
                    "[{}] {} — {}\n    {}\n",
                    t.tingkat.label(),
                    t.aturan,
                    tempat,
                    t.pesan
                ));
                let mut angka = Vec::new();
                if let Some(x) = t.tercatat {
                    angka.push(format!("tercatat {}", format_angka(x, x.scale())));
                }
                if let Some(x) = t.dihitung {
                    angka.push(format!("dihitung {}", format_angka(x, x.scale().min(4))));
                }
                if let Some(p) = &t.pembulatan {
                    angka.push(p.clone());
                }
                if !angka.is_empty() {
                    s.push_str(&format!("    ({})\n", angka.join("; ")));
                }
                if let Some(d) = &t.diterima {
                    s.push_str(&format!("    DITERIMA: {d}\n"));
                }
                s.push_str(&format!("    kunci: {}\n", t.kunci));
            }
            let n = |tk| {
                temuan
                    .iter()
                    .filter(|t| t.tingkat == tk && t.terbuka())
                    .count()
            };
            let diterima = temuan.iter().filter(|t| !t.terbuka()).count();
            s.push_str(&format!(
                "\nRingkasan: {} galat, {} peringatan, {} info terbuka; {} diterima pereviu.\n",
                n(Tingkat::Galat),
                n(Tingkat::Peringatan),
                n(Tingkat::Info),
                diterima
            ));
            s
        }
    }
}

pub fn jalankan(
    data: &DataInstansi,
    opd: &[DataInstansi],
    tahun: Tahun,
    aturan: &[kinerja_reviu::Aturan],
    format: FormatPeriksa,
) -> (String, bool) {
    let opd: Vec<&DataInstansi> = opd.iter().collect();
    let temuan = kinerja_reviu::periksa_pemda(data, &opd, tahun, aturan);
    (
        tulis(&temuan, format),
        kinerja_reviu::ada_galat_terbuka(&temuan),
    )
}

/// Appends an accepted finding to the data: `reviu.toml` in a data folder, or the data file.
pub fn terima(
    path: &Path,
    aturan: &str,
    kunci: &str,
    alasan: &str,
    oleh: Option<&str>,
) -> Result<String, GalatPerintah> {
    let esc = crate::data::toml_str;
    let mut teks = String::from("\n[[reviu]]\n");
    teks.push_str(&format!(
        "aturan = {}\nkunci = {}\nalasan = {}\n",
        esc(aturan),
        esc(kunci),
        esc(alasan)
    ));
    if let Some(o) = oleh {
        teks.push_str(&format!("oleh = {}\n", esc(o)));
    }
    let target = crate::data::tambah_toml(path, "reviu.toml", &teks)?;
    Ok(format!(
        "temuan {aturan} [{kunci}] diterima dan dicatat di {}\n",
        target.display()
    ))
}
