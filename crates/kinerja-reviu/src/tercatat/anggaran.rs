//! Budget figures: pagu, realisasi, serapan and shares of the instansi, a spending type, a
//! program, a kegiatan, a sub kegiatan or a sasaran; and stated totals against their stated
//! parts (a program's kegiatan, a kegiatan's sub kegiatan, ...).

use super::{
    Dihitung, TIDAK_BERLAKU, angka, angka_dari, kunci, lokasi, teks_subjek, teks_ukuran, tidak,
};
use crate::{Konteks, Temuan, Tingkat};
use kinerja_core::angka::format_angka;
use kinerja_core::model::*;
use kinerja_core::waktu::Tahun;
use rust_decimal::Decimal;
use std::collections::HashMap;

fn serapan_ukuran(
    s: &kinerja_core::anggaran::Serapan,
    u: &Ukuran,
    proporsi: Option<Decimal>,
    dari: &str,
) -> Dihitung {
    match u {
        Ukuran::Pagu => angka(s.pagu.nilai(), format!("jumlah pagu {dari}")),
        Ukuran::RealisasiAnggaran => match s.realisasi {
            Some(r) => angka(r.nilai(), format!("jumlah realisasi {dari}")),
            None => tidak("realisasi anggaran belum dilaporkan"),
        },
        Ukuran::Serapan => match s.persen {
            Some(p) => angka(p, "realisasi / pagu x 100"),
            None => tidak("serapan tidak terhitung (pagu 0 atau realisasi belum dilaporkan)"),
        },
        Ukuran::Proporsi => match proporsi {
            Some(p) => angka(p, "pagu / pagu keseluruhan x 100"),
            None => tidak("proporsi tidak terhitung"),
        },
        _ => tidak("ukuran ini tidak berlaku untuk anggaran"),
    }
}

/// A budget figure (`Pagu`, `RealisasiAnggaran`, `Serapan`, `Proporsi`) of `t`'s subject.
pub(super) fn hitung(k: &Konteks, t: &Tercatat, tahun: Tahun) -> Dihitung {
    match (&t.subjek, &t.ukuran) {
        (Subjek::Instansi, Ukuran::Pagu | Ukuran::RealisasiAnggaran | Ukuran::Serapan) => {
            let a = k.anggaran(tahun);
            serapan_ukuran(&a.total, &t.ukuran, None, "seluruh pos anggaran")
        }
        (Subjek::Belanja(j), u) => {
            let a = k.anggaran(tahun);
            let baris = a
                .kelompok
                .iter()
                .find(|x| x.jenis == *j)
                .filter(|_| *j == j.kelompok())
                .or_else(|| a.jenis.iter().find(|x| x.jenis == *j));
            match baris {
                Some(b) => serapan_ukuran(&b.serapan, u, b.proporsi, "pos anggaran jenis ini"),
                None => tidak(format!("data primer tidak memuat pos {}", j.label())),
            }
        }
        (Subjek::Program(p), u) => {
            let a = k.anggaran(tahun);
            match a.program.iter().find(|x| &x.program == p) {
                Some(b) => serapan_ukuran(&b.serapan, u, b.proporsi, "kegiatannya"),
                None => tidak("program ini tidak memiliki pos anggaran pada tahun ini"),
            }
        }
        (Subjek::Kegiatan(g), u) => {
            let a = k.anggaran(tahun);
            match a
                .program
                .iter()
                .flat_map(|p| &p.kegiatan)
                .find(|x| &x.kegiatan == g)
            {
                Some(b) => serapan_ukuran(&b.serapan, u, None, "pos anggarannya"),
                None => tidak("kegiatan ini tidak memiliki pos anggaran pada tahun ini"),
            }
        }
        (Subjek::SubKegiatan(g), u) => {
            let a = k.anggaran(tahun);
            match a
                .program
                .iter()
                .flat_map(|p| &p.kegiatan)
                .flat_map(|k| &k.sub_kegiatan)
                .find(|x| &x.sub_kegiatan == g)
            {
                Some(b) => serapan_ukuran(&b.serapan, u, None, "pos anggarannya"),
                None => tidak("sub kegiatan ini tidak memiliki pos anggaran pada tahun ini"),
            }
        }
        (
            Subjek::Sasaran(s),
            Ukuran::Pagu | Ukuran::RealisasiAnggaran | Ukuran::Serapan | Ukuran::Proporsi,
        ) => {
            let a = k.anggaran(tahun);
            match a.sasaran.iter().find(|x| x.sasaran.as_ref() == Some(s)) {
                Some(b) => {
                    serapan_ukuran(&b.serapan, &t.ukuran, b.proporsi, "program pendukungnya")
                }
                None => tidak("tidak ada program beranggaran yang mendukung sasaran ini"),
            }
        }
        _ => tidak(TIDAK_BERLAKU),
    }
}

/// Stated totals against the sum of their stated parts, within one table.
pub(super) fn jumlah_bagian(k: &Konteks, out: &mut Vec<Temuan>) {
    let d = k.data;
    // (dokumen, bagian, ukuran, tahun) -> stated figures of that table.
    let mut tabel: HashMap<(&str, &str, &Ukuran, Option<Tahun>), Vec<&Tercatat>> = HashMap::new();
    for t in d.tercatat.iter().filter(|t| t.milik_tahun(k.tahun)) {
        if matches!(t.ukuran, Ukuran::Pagu | Ukuran::RealisasiAnggaran)
            && matches!(t.nilai, NilaiTercatat::Angka(_))
        {
            tabel
                .entry((&t.lokasi.dokumen, &t.lokasi.bagian, &t.ukuran, t.tahun))
                .or_default()
                .push(t);
        }
    }
    let program_kegiatan = |p: &kinerja_core::id::ProgramId| -> Vec<Subjek> {
        d.kegiatan
            .iter()
            .filter(|g| &g.program == p)
            .map(|g| Subjek::Kegiatan(g.id.clone()))
            .collect()
    };
    let kegiatan_sub = |g: &kinerja_core::id::KegiatanId| -> Vec<Subjek> {
        d.sub_kegiatan
            .iter()
            .filter(|s| &s.kegiatan == g)
            .map(|s| Subjek::SubKegiatan(s.id.clone()))
            .collect()
    };
    let mut kunci_tabel: Vec<_> = tabel.keys().copied().collect();
    kunci_tabel.sort_by_key(|(a, b, u, t)| (a.to_string(), b.to_string(), teks_ukuran(u), *t));
    for key in kunci_tabel {
        let isi = &tabel[&key];
        let cari = |s: &Subjek| {
            isi.iter()
                .find(|t| &t.subjek == s)
                .and_then(|t| angka_dari(&t.nilai))
        };
        let ada_program = isi.iter().any(|t| matches!(t.subjek, Subjek::Program(_)));
        for induk in isi {
            let anak: Vec<Subjek> = match &induk.subjek {
                Subjek::Program(p) => program_kegiatan(p),
                Subjek::Kegiatan(g) => kegiatan_sub(g),
                Subjek::Belanja(JenisBelanja::Langsung) | Subjek::Instansi if ada_program => isi
                    .iter()
                    .filter(|t| matches!(t.subjek, Subjek::Program(_)))
                    .map(|t| t.subjek.clone())
                    .collect(),
                Subjek::Belanja(JenisBelanja::Langsung) => vec![
                    Subjek::Belanja(JenisBelanja::LangsungPegawai),
                    Subjek::Belanja(JenisBelanja::LangsungBarangJasa),
                    Subjek::Belanja(JenisBelanja::LangsungModal),
                ],
                Subjek::Instansi => vec![
                    Subjek::Belanja(JenisBelanja::TidakLangsung),
                    Subjek::Belanja(JenisBelanja::Langsung),
                ],
                _ => continue,
            };
            let nilai: Vec<Decimal> = anak.iter().filter_map(cari).collect();
            // Only where the table states at least two parts: a lone part is not a breakdown.
            if nilai.len() < 2 {
                continue;
            }
            // Checked: stated figures are within the bound of `angka`, but a table may state any
            // number of parts.
            let Some(jumlah) = nilai
                .iter()
                .try_fold(Decimal::ZERO, |a, x| a.checked_add(*x))
            else {
                continue;
            };
            let Some(total) = angka_dari(&induk.nilai) else {
                continue;
            };
            if jumlah != total {
                let ukuran = teks_ukuran(key.2);
                out.push(Temuan {
                    aturan: "JUMLAH-TABEL".into(),
                    tingkat: Tingkat::Galat,
                    lokasi: lokasi(induk),
                    pesan: format!(
                        "{ukuran} {} tercatat {}, sedangkan jumlah {} rinciannya yang tercatat di tabel yang sama adalah {}",
                        teks_subjek(k, &induk.subjek),
                        format_angka(total, 2),
                        nilai.len(),
                        format_angka(jumlah, 2)
                    ),
                    tercatat: Some(total),
                    dihitung: Some(jumlah),
                    pembulatan: Some("tanpa pembulatan (jumlah uang harus tepat)".into()),
                    kunci: format!("{}/jumlah", kunci(induk)),
                    diterima: None,
                });
            }
        }
    }
}
