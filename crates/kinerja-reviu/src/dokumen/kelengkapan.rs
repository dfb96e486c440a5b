//! Completeness of the plan and the measurement: indicators, targets, realisasi, IKU contents,
//! output indicators of funded kegiatan, signatories.

use super::{Keluaran, lok, nama_indikator};
use crate::{Konteks, Tingkat};
use kinerja_core::model::*;

pub(super) fn kelengkapan(k: &Konteks, o: &mut Keluaran) {
    let d = k.data;
    let t = k.tahun;
    let renstra = "Renstra";
    for s in &d.sasaran {
        let inds = kinerja_core::pengukuran::indikator_sasaran(&k.ix, &s.id);
        if inds.is_empty() {
            o.tambah(
                "LENGKAP-SASARAN",
                Tingkat::Galat,
                lok(renstra, "Sasaran", Some(s.uraian.clone())),
                format!("sasaran:{}", s.id),
                format!("sasaran \"{}\" tidak memiliki indikator", s.uraian),
            );
        }
        // A year outside the sasaran's Renstra (an excerpt whose plan ends earlier, a year
        // reviewed past it) asks no target of it.
        let dalam_periode = d
            .tujuan
            .iter()
            .find(|x| x.id == s.tujuan)
            .and_then(|x| d.renstra.iter().find(|r| r.id == x.renstra))
            .is_none_or(|r| r.tahun_awal <= t && t <= r.tahun_akhir);
        for i in inds {
            if dalam_periode && k.ix.target_pengukuran(&i.id, t).is_none() {
                o.tambah(
                    "LENGKAP-TARGET",
                    Tingkat::Galat,
                    lok(renstra, format!("Target {t}"), Some(i.uraian.clone())),
                    format!("indikator:{}/target/{t}", i.id),
                    format!(
                        "indikator \"{}\" tidak memiliki target tahun {t} di dokumen mana pun",
                        i.uraian
                    ),
                );
            }
            // A realisasi is asked of a report; a plan alone has none yet.
            if k.ada_laporan() && k.ix.realisasi_tahunan(i, t).is_none() {
                o.tambah(
                    "LENGKAP-REALISASI",
                    Tingkat::Galat,
                    lok(
                        format!("Laporan Kinerja {t}"),
                        "Tabel pengukuran kinerja",
                        Some(i.uraian.clone()),
                    ),
                    format!("indikator:{}/realisasi/{t}", i.id),
                    format!(
                        "indikator \"{}\" tidak memiliki realisasi tahun {t}",
                        i.uraian
                    ),
                );
            }
            // Only against an IKU in the data: without one (an excerpt, a report whose annex
            // was not entered) nothing says the indicator is not an IKU; that is said once below.
            if !d.iku.is_empty()
                && !d
                    .iku
                    .iter()
                    .any(|iku| iku.baris.iter().any(|b| b.indikator == i.id))
            {
                o.tambah(
                    "LENGKAP-IKU",
                    Tingkat::Peringatan,
                    lok("IKU", "Indikator Kinerja Utama", Some(i.uraian.clone())),
                    format!("indikator:{}/iku", i.id),
                    format!(
                        "indikator sasaran \"{}\" tidak ditetapkan sebagai IKU",
                        i.uraian
                    ),
                );
            }
        }
    }
    if d.iku.is_empty() && !d.sasaran.is_empty() {
        o.tambah(
            "LENGKAP-IKU",
            Tingkat::Info,
            lok("IKU", "Indikator Kinerja Utama", None),
            "iku".into(),
            "data tidak memuat Keputusan IKU, sehingga penetapan indikator sasaran sebagai IKU tidak diperiksa".into(),
        );
    }
    for iku in &d.iku {
        let dok = format!("IKU (Keputusan {})", iku.keputusan.nomor);
        for b in &iku.baris {
            let nama = nama_indikator(k, &b.indikator);
            let kosong = |s: &str| s.trim().is_empty();
            let mut kurang = Vec::new();
            if kosong(&b.formulasi.teks) {
                kurang.push("formulasi");
            }
            if b.penanggung_jawab.is_empty()
                && b.penanggung_jawab_teks.as_deref().is_none_or(kosong)
            {
                kurang.push("penanggung jawab");
            }
            if b.sumber_data.as_deref().is_none_or(kosong) {
                kurang.push("sumber data");
            }
            if !kurang.is_empty() {
                o.tambah(
                    "LENGKAP-IKU",
                    Tingkat::Peringatan,
                    lok(dok.clone(), "Indikator Kinerja Utama", Some(nama.clone())),
                    format!("iku:{}/indikator:{}/isi", iku.id, b.indikator),
                    format!("IKU \"{nama}\" tanpa {}", kurang.join(", ")),
                );
            }
        }
        if iku.keputusan.penandatangan.is_none() {
            o.tambah(
                "LENGKAP-TANDA-TANGAN",
                Tingkat::Peringatan,
                lok(dok.clone(), "Keputusan", None),
                format!("iku:{}/ttd", iku.id),
                format!("{dok} tanpa penandatangan"),
            );
        }
    }
    // Kegiatan funded this year without an output indicator. A budget excerpt without any
    // plan (no indicator at all) is not asked for the plan's indicators.
    let ringkas = k.anggaran(t);
    let ada_rencana = !d.indikator.is_empty();
    for g in ringkas
        .program
        .iter()
        .flat_map(|p| &p.kegiatan)
        .filter(|_| ada_rencana)
    {
        let ada = d.indikator.iter().any(|i| {
            matches!(&i.pemilik, Pemilik::Kegiatan(x) if x == &g.kegiatan)
                && i.jenis == JenisIndikator::Keluaran
        });
        if !ada {
            let nama = d
                .kegiatan
                .iter()
                .find(|x| x.id == g.kegiatan)
                .map(|x| x.nama.clone())
                .unwrap_or_default();
            o.tambah(
                "LENGKAP-KELUARAN",
                Tingkat::Peringatan,
                lok(format!("Anggaran {t}"), "Kegiatan", Some(nama.clone())),
                format!("kegiatan:{}/keluaran", g.kegiatan),
                format!(
                    "kegiatan \"{nama}\" beranggaran tahun {t} tanpa indikator keluaran (output)"
                ),
            );
        }
    }
    for pk in d
        .perjanjian_kinerja
        .iter()
        .filter(|p| p.tahun == t && !d.pk_diganti(p))
    {
        let dok = format!("Perjanjian Kinerja {}", pk.tahun);
        if let Some(p1) = d.pejabat.iter().find(|p| p.id == pk.pihak_pertama)
            && p1.nip.is_none()
        {
            o.tambah(
                "LENGKAP-TANDA-TANGAN",
                Tingkat::Peringatan,
                lok(dok.clone(), "Pihak pertama", Some(p1.nama.clone())),
                format!("pk:{}/nip", pk.id),
                format!("pihak pertama {} tanpa NIP", p1.nama),
            );
        }
        if pk.tanggal.is_none() {
            o.tambah(
                "LENGKAP-TANDA-TANGAN",
                Tingkat::Peringatan,
                lok(dok.clone(), "Tanda tangan", None),
                format!("pk:{}/tanggal", pk.id),
                format!("{dok} tanpa tanggal penandatanganan"),
            );
        }
        if pk.indikator.is_empty() {
            o.tambah(
                "LENGKAP-PK",
                Tingkat::Galat,
                lok(dok.clone(), "Indikator kinerja", None),
                format!("pk:{}/indikator", pk.id),
                format!("{dok} tidak memuat indikator"),
            );
        }
    }
    for l in d.laporan.iter().filter(|l| l.tahun == t) {
        if l.penandatangan.is_none() {
            o.tambah(
                "LENGKAP-TANDA-TANGAN",
                Tingkat::Galat,
                lok(format!("Laporan Kinerja {t}"), "Kata Pengantar", None),
                format!("laporan:{}/ttd", l.id),
                "Laporan Kinerja tanpa penandatangan".into(),
            );
        }
    }
}
