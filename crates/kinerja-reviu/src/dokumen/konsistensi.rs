//! Consistency across documents: targets in the Renstra, RKT, PK and measurement table; the IKU
//! against the PK; the PK's program budgets and the Renstra's indicative pagu against the
//! budget; a typed SKM realisasi against its survey.

use super::{Keluaran, lok, nama_indikator};
use crate::{Konteks, Temuan, Tingkat};
use kinerja_core::angka::format_angka;
use kinerja_core::id::IndikatorId;
use kinerja_core::model::*;
use std::collections::{BTreeMap, BTreeSet};

/// The same indicator and year must carry the same target in the Renstra, the RKT, the PK and the
/// measurement table. The measurement must use the PK's target (PermenPANRB 53/2014), so a
/// difference there is an error; other differences are warnings (a Renstra may be revised).
/// Only the reviewed year's targets: another year's documents are that year's reviu's.
pub(super) fn target_antar_dokumen(k: &Konteks, o: &mut Keluaran) {
    let mut per: BTreeMap<(&IndikatorId, u16), Vec<&Target>> = BTreeMap::new();
    for t in k.data.target.iter().filter(|t| t.tahun == k.tahun) {
        per.entry((&t.indikator, t.tahun.get()))
            .or_default()
            .push(t);
    }
    for ((ind, tahun), ts) in per {
        if ts.len() < 2 {
            continue;
        }
        let pk = ts
            .iter()
            .find(|t| t.dokumen == DokumenTarget::PerjanjianKinerja);
        let ukur = ts.iter().find(|t| t.dokumen == DokumenTarget::Pengukuran);
        let beda = |a: &Target, b: &Target| {
            a.nilai.angka_setara() != b.nilai.angka_setara()
                || a.nilai.angka_setara().is_none() && a.nilai.teks() != b.nilai.teks()
        };
        if let (Some(pk), Some(u)) = (pk, ukur)
            && beda(pk, u)
        {
            o.tambah(
                "TARGET-PK-PENGUKURAN",
                Tingkat::Galat,
                lok(format!("Laporan Kinerja {tahun}"), "Tabel pengukuran kinerja", Some(nama_indikator(k, ind))),
                format!("indikator:{ind}/{tahun}/pk-pengukuran"),
                format!(
                    "target {tahun} indikator \"{}\" di tabel pengukuran \"{}\" berbeda dari Perjanjian Kinerja \"{}\"; pengukuran harus memakai target Perjanjian Kinerja",
                    nama_indikator(k, ind),
                    u.nilai,
                    pk.nilai
                ),
            );
        }
        let mut sudah = BTreeSet::new();
        for a in &ts {
            for b in &ts {
                if a.dokumen >= b.dokumen || !beda(a, b) {
                    continue;
                }
                if matches!(
                    (a.dokumen, b.dokumen),
                    (DokumenTarget::PerjanjianKinerja, DokumenTarget::Pengukuran)
                ) {
                    continue;
                }
                if !sudah.insert((a.dokumen, b.dokumen)) {
                    continue;
                }
                o.tambah(
                    "TARGET-ANTAR-DOKUMEN",
                    Tingkat::Peringatan,
                    lok(
                        b.dokumen.label(),
                        format!("target {tahun}"),
                        Some(nama_indikator(k, ind)),
                    ),
                    format!("indikator:{ind}/{tahun}/{:?}-{:?}", a.dokumen, b.dokumen),
                    format!(
                        "target {tahun} indikator \"{}\": {} \"{}\", {} \"{}\"",
                        nama_indikator(k, ind),
                        a.dokumen.label(),
                        a.nilai,
                        b.dokumen.label(),
                        b.nilai
                    ),
                );
            }
        }
    }
}

/// The IKU in force and the year's PK should name the same indicators.
pub(super) fn iku_dan_pk(k: &Konteks, o: &mut Keluaran) {
    let Some(pk) = k
        .data
        .perjanjian_kinerja
        .iter()
        .find(|p| p.tahun == k.tahun && !k.data.pk_diganti(p))
    else {
        return;
    };
    let dok_pk = format!("Perjanjian Kinerja {}", pk.tahun);
    for iku in &k.data.iku {
        let dok = format!("IKU (Keputusan {})", iku.keputusan.nomor);
        for b in &iku.baris {
            if !pk.indikator.contains(&b.indikator) {
                o.tambah(
                    "IKU-TIDAK-DI-PK",
                    Tingkat::Peringatan,
                    lok(
                        dok.clone(),
                        "Indikator Kinerja Utama",
                        Some(nama_indikator(k, &b.indikator)),
                    ),
                    format!("iku:{}/indikator:{}", iku.id, b.indikator),
                    format!(
                        "IKU \"{}\" tidak diperjanjikan dalam {dok_pk}",
                        nama_indikator(k, &b.indikator)
                    ),
                );
            }
        }
        for i in &pk.indikator {
            if !iku.baris.iter().any(|b| &b.indikator == i) {
                o.tambah(
                    "PK-TIDAK-DI-IKU",
                    Tingkat::Peringatan,
                    lok(
                        dok_pk.clone(),
                        "Indikator kinerja",
                        Some(nama_indikator(k, i)),
                    ),
                    format!("pk:{}/iku:{}/indikator:{i}", pk.id, iku.id),
                    format!(
                        "indikator \"{}\" dalam {dok_pk} tidak termasuk {dok}",
                        nama_indikator(k, i)
                    ),
                );
            }
        }
    }
}

/// The PK's program budgets against the budget table.
pub(super) fn anggaran_pk(k: &Konteks, o: &mut Keluaran) {
    let ringkas = k.anggaran(k.tahun);
    for pk in k
        .data
        .perjanjian_kinerja
        .iter()
        .filter(|p| p.tahun == k.tahun && !k.data.pk_diganti(p))
    {
        let dok = format!("Perjanjian Kinerja {}", pk.tahun);
        for a in &pk.anggaran {
            let nama = k
                .data
                .program
                .iter()
                .find(|p| p.id == a.program)
                .map(|p| p.nama.clone())
                .unwrap_or_default();
            match ringkas.program.iter().find(|p| p.program == a.program) {
                None => o.tambah(
                    "PK-ANGGARAN-PROGRAM",
                    Tingkat::Galat,
                    lok(dok.clone(), "Program dan anggaran", Some(nama.clone())),
                    format!("pk:{}/program:{}", pk.id, a.program),
                    format!("program \"{nama}\" dianggarkan {} dalam {dok}, tetapi tidak memiliki pos anggaran tahun {}", format_angka(a.anggaran.nilai(), 2), pk.tahun),
                ),
                Some(p) if p.serapan.pagu != a.anggaran => {
                    o.out.push(Temuan {
                        aturan: "PK-ANGGARAN-PROGRAM".into(),
                        tingkat: Tingkat::Galat,
                        lokasi: lok(dok.clone(), "Program dan anggaran", Some(nama.clone())),
                        pesan: format!(
                            "anggaran program \"{nama}\" dalam {dok} {}, sedangkan pagu dari kegiatannya {}",
                            format_angka(a.anggaran.nilai(), 2),
                            format_angka(p.serapan.pagu.nilai(), 2)
                        ),
                        tercatat: Some(a.anggaran.nilai()),
                        dihitung: Some(p.serapan.pagu.nilai()),
                        pembulatan: Some("tanpa pembulatan".into()),
                        kunci: format!("pk:{}/program:{}", pk.id, a.program),
                        diterima: None,
                    });
                }
                Some(_) => {}
            }
        }
    }
}

/// A typed realisasi of an SKM indicator against the index of the survey that measures it.
pub(super) fn realisasi_skm(k: &Konteks, o: &mut Keluaran) {
    for s in k.data.skm.iter().filter(|s| s.tahun == k.tahun) {
        let Some(ind) = s.indikator.as_ref().and_then(|i| k.ix.indikator(i)) else {
            continue;
        };
        let Some(r) = k.ix.realisasi_tahunan(ind, k.tahun) else {
            continue;
        };
        if matches!(r.asal, kinerja_core::pengukuran::AsalRealisasi::Skm { .. }) {
            continue;
        }
        let Some(tercatat) = r.nilai.angka_setara() else {
            continue;
        };
        let lokasi = lok(
            format!("Laporan Kinerja {}", k.tahun),
            "Tabel pengukuran kinerja",
            Some(ind.uraian.clone()),
        );
        let kunci = format!("indikator:{}/skm:{}", ind.id, s.id);
        match kinerja_core::skm::hasil_survei(s) {
            Some(Ok(h)) => {
                let dp = tercatat.scale();
                // A realisasi typed on the 1-4 scale is the IKM, compared as printed.
                let (dihitung, skala) = if tercatat >= rust_decimal::Decimal::ONE
                    && tercatat <= rust_decimal::Decimal::from(4)
                {
                    (h.ikm, "indeks SKM (IKM, skala 1-4)")
                } else {
                    (h.nik, "nilai konversi SKM")
                };
                if kinerja_core::angka::bulatkan(dihitung, dp) != tercatat {
                    o.out.push(Temuan {
                        aturan: "SKM-REALISASI".into(),
                        tingkat: Tingkat::Galat,
                        lokasi,
                        pesan: format!(
                            "realisasi \"{}\" indikator \"{}\" berbeda dari {skala} {} yang dihitung dari surveinya ({})",
                            r.nilai,
                            ind.uraian,
                            kinerja_core::angka::format_angka(dihitung, dp.max(2)),
                            s.id
                        ),
                        tercatat: Some(tercatat),
                        dihitung: Some(dihitung),
                        pembulatan: Some(format!("dibandingkan setelah dibulatkan ke {dp} desimal (setengah menjauhi nol)")),
                        kunci,
                        diterima: None,
                    });
                }
            }
            Some(Err(e)) => o.tambah("SKM-REALISASI", Tingkat::Peringatan, lokasi, kunci, format!("survei {} tidak dapat dihitung: {e}", s.id)),
            None => o.tambah(
                "SKM-REALISASI",
                Tingkat::Info,
                lokasi,
                kunci,
                format!("realisasi \"{}\" indikator \"{}\" tidak dapat diperiksa terhadap survei {}: tidak semua unsur memiliki jawaban atau distribusi", r.nilai, ind.uraian, s.id),
            ),
        }
    }
}

/// The Renstra's indicative pagu of each program for the year against the year's budget (the
/// pagu in force of the program's lines). Only in a year with budget lines: a Renstra alone is
/// not set against a budget that is not in the data. Above the indicative pagu is a warning (the
/// budget outgrew the plan); below it, information.
pub(super) fn pagu_indikatif(k: &Konteks, o: &mut Keluaran) {
    use kinerja_core::angka::{format_persen, format_rupiah};
    if k.data.anggaran.iter().all(|p| p.tahun != k.tahun) {
        return;
    }
    let ringkas = k.anggaran(k.tahun);
    let dok = k
        .data
        .renstra
        .iter()
        .find(|r| r.tahun_awal <= k.tahun && k.tahun <= r.tahun_akhir)
        .map(|r| format!("Renstra {}-{}", r.tahun_awal, r.tahun_akhir))
        .unwrap_or_else(|| "Renstra".into());
    for prog in &k.data.program {
        let Some(pi) = prog.pagu_indikatif.iter().find(|p| p.tahun == k.tahun) else {
            continue;
        };
        let lokasi = lok(
            dok.clone(),
            "Rencana program dan pendanaan indikatif",
            Some(prog.nama.clone()),
        );
        let kunci = format!("program:{}/pagu-indikatif", prog.id);
        let indikatif = format_rupiah(pi.pagu);
        let Some(a) = ringkas.program.iter().find(|p| p.program == prog.id) else {
            o.tambah(
                "PAGU-INDIKATIF-RENSTRA",
                Tingkat::Info,
                lokasi,
                kunci,
                format!(
                    "program \"{}\" memiliki pagu indikatif {dok} tahun {} sebesar {indikatif}, tetapi tidak memiliki pos anggaran tahun itu",
                    prog.nama, k.tahun
                ),
            );
            continue;
        };
        let pagu = a.serapan.pagu;
        if pagu == pi.pagu {
            continue;
        }
        // pagu / indikatif x 100, when the indicative pagu is not 0.
        let persen = pagu
            .nilai()
            .checked_mul(rust_decimal::Decimal::ONE_HUNDRED)
            .and_then(|x| x.checked_div(pi.pagu.nilai()))
            .map(|p| format!(" ({} dari pagu indikatif)", format_persen(p, 2)))
            .unwrap_or_default();
        let (tingkat, arah) = if pagu > pi.pagu {
            (Tingkat::Peringatan, "melebihi")
        } else {
            (Tingkat::Info, "di bawah")
        };
        o.out.push(Temuan {
            aturan: "PAGU-INDIKATIF-RENSTRA".into(),
            tingkat,
            lokasi,
            pesan: format!(
                "pagu anggaran program \"{}\" tahun {} sebesar {}{persen} {arah} pagu indikatif {dok} sebesar {indikatif}",
                prog.nama,
                k.tahun,
                format_rupiah(pagu),
            ),
            tercatat: Some(pi.pagu.nilai()),
            dihitung: Some(pagu.nilai()),
            pembulatan: Some("tanpa pembulatan".into()),
            kunci,
            diterima: None,
        });
    }
}
