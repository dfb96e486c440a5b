//! Consistency across documents and completeness of the plan and the measurement.

use crate::{Konteks, LokasiTemuan, Temuan, Tingkat};
use kinerja_core::angka::format_angka;
use kinerja_core::id::IndikatorId;
use kinerja_core::model::*;
use std::collections::{BTreeMap, BTreeSet};

fn lok(
    dokumen: impl Into<String>,
    tabel: impl Into<String>,
    baris: Option<String>,
) -> LokasiTemuan {
    LokasiTemuan {
        dokumen: dokumen.into(),
        tabel: tabel.into(),
        baris,
    }
}

struct Keluaran<'a> {
    out: &'a mut Vec<Temuan>,
}

impl Keluaran<'_> {
    fn tambah(
        &mut self,
        aturan: &str,
        tingkat: Tingkat,
        lokasi: LokasiTemuan,
        kunci: String,
        pesan: String,
    ) {
        self.out.push(Temuan {
            aturan: aturan.into(),
            tingkat,
            lokasi,
            pesan,
            tercatat: None,
            dihitung: None,
            pembulatan: None,
            kunci,
            diterima: None,
        });
    }
}

pub(crate) fn periksa(k: &Konteks, out: &mut Vec<Temuan>) {
    let mut o = Keluaran { out };
    target_antar_dokumen(k, &mut o);
    iku_dan_pk(k, &mut o);
    anggaran_pk(k, &mut o);
    tahun_dokumen(k, &mut o);
    tahun_dalam_teks(k, &mut o);
    realisasi_skm(k, &mut o);
    kelengkapan(k, &mut o);
}

/// A typed realisasi of an SKM indicator against the index of the survey that measures it.
fn realisasi_skm(k: &Konteks, o: &mut Keluaran) {
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
                if kinerja_core::angka::bulatkan(h.nik, dp) != tercatat {
                    o.out.push(Temuan {
                        aturan: "SKM-REALISASI".into(),
                        tingkat: Tingkat::Galat,
                        lokasi,
                        pesan: format!(
                            "realisasi \"{}\" indikator \"{}\" berbeda dari nilai konversi SKM {} yang dihitung dari surveinya ({})",
                            r.nilai,
                            ind.uraian,
                            kinerja_core::angka::format_angka(h.nik, 2),
                            s.id
                        ),
                        tercatat: Some(tercatat),
                        dihitung: Some(h.nik),
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

/// "tahun 2019" in the narrative of the 2020 report: a paragraph copied from last year's.
/// Regulation citations ("Nomor 53 Tahun 2014") and periods ("2016-2021") are not years of the
/// report and are left alone.
fn tahun_dalam_teks(k: &Konteks, o: &mut Keluaran) {
    let n = k.tahun.get();
    for l in k.data.laporan.iter().filter(|l| l.tahun == k.tahun) {
        let mut teks: Vec<(String, &str)> = vec![
            ("Kata Pengantar".into(), &l.kata_pengantar),
            ("Ikhtisar Eksekutif".into(), &l.ikhtisar.teks),
            ("Bab IV Penutup".into(), &l.penutup.teks),
        ];
        for b in &l.bagian {
            teks.push((b.judul.clone(), &b.teks));
        }
        for a in &l.analisis {
            teks.push((format!("Analisis sasaran {}", a.sasaran), &a.teks));
        }
        for (bagian, isi) in teks {
            for (pos, tahun, kutipan) in sebutan_tahun(isi) {
                if tahun == n || tahun == n + 1 {
                    continue;
                }
                o.tambah(
                    "TAHUN-DALAM-TEKS",
                    Tingkat::Peringatan,
                    lok(format!("Laporan Kinerja {n}"), bagian.clone(), None),
                    format!("laporan:{}/{bagian}/{pos}", l.id),
                    format!("teks menyebut tahun {tahun} dalam laporan tahun {n}: \"…{kutipan}…\""),
                );
            }
        }
    }
}

/// (byte offset, year, a short quote) of each "tahun YYYY" that is not a regulation number or
/// part of a period.
fn sebutan_tahun(teks: &str) -> Vec<(usize, u16, String)> {
    let kecil = teks.to_lowercase();
    let mut out = Vec::new();
    let mut dari = 0;
    while let Some(i) = kecil[dari..].find("tahun") {
        let awal = dari + i;
        dari = awal + 5;
        let sisa = &kecil[dari..];
        let spasi = sisa.len() - sisa.trim_start().len();
        let angka: String = sisa
            .trim_start()
            .chars()
            .take_while(|c| c.is_ascii_digit())
            .collect();
        if angka.len() != 4 || spasi == 0 {
            continue;
        }
        let akhir = dari + spasi + 4;
        let setelah = kecil[akhir..].trim_start();
        if setelah.starts_with(['-', '–', '/'])
            || setelah.starts_with("s.d")
            || setelah.starts_with("sampai")
        {
            continue;
        }
        let sebelum = &kecil[awal.saturating_sub(24)..awal];
        if sebelum.contains("nomor") || sebelum.contains("no.") || sebelum.contains("no ") {
            continue;
        }
        let Ok(t) = angka.parse::<u16>() else {
            continue;
        };
        let q0 = teks[..awal]
            .char_indices()
            .rev()
            .nth(30)
            .map_or(0, |(i, _)| i);
        let q1 = teks[akhir..]
            .char_indices()
            .nth(30)
            .map_or(teks.len(), |(i, _)| akhir + i);
        out.push((awal, t, teks[q0..q1].replace('\n', " ")));
    }
    out
}

fn nama_indikator(k: &Konteks, id: &IndikatorId) -> String {
    k.ix.indikator(id)
        .map(|i| i.uraian.clone())
        .unwrap_or_else(|| id.to_string())
}

/// The same indicator and year must carry the same target in the Renstra, the RKT, the PK and the
/// measurement table. The measurement must use the PK's target (PermenPANRB 53/2014), so a
/// difference there is an error; other differences are warnings (a Renstra may be revised).
fn target_antar_dokumen(k: &Konteks, o: &mut Keluaran) {
    let mut per: BTreeMap<(&IndikatorId, u16), Vec<&Target>> = BTreeMap::new();
    for t in &k.data.target {
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
fn iku_dan_pk(k: &Konteks, o: &mut Keluaran) {
    let Some(pk) = k
        .data
        .perjanjian_kinerja
        .iter()
        .find(|p| p.tahun == k.tahun)
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
fn anggaran_pk(k: &Konteks, o: &mut Keluaran) {
    let ringkas = k.anggaran(k.tahun);
    for pk in k
        .data
        .perjanjian_kinerja
        .iter()
        .filter(|p| p.tahun == k.tahun)
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

/// Years and dates that contradict the period they belong to.
fn tahun_dokumen(k: &Konteks, o: &mut Keluaran) {
    let t = k.tahun.get();
    for l in k.data.laporan.iter().filter(|l| l.tahun == k.tahun) {
        if let Some(tg) = l.tanggal
            && tg.tahun.get() <= t
        {
            o.tambah(
                "TAHUN-DOKUMEN",
                Tingkat::Peringatan,
                lok(format!("Laporan Kinerja {t}"), "Kata Pengantar", None),
                format!("laporan:{}/tanggal", l.id),
                format!("Laporan Kinerja tahun {t} bertanggal {tg}: laporan disusun setelah tahun berakhir"),
            );
        }
    }
    for pk in k
        .data
        .perjanjian_kinerja
        .iter()
        .filter(|p| p.tahun == k.tahun)
    {
        if let Some(tg) = pk.tanggal
            && !(t - 1..=t).contains(&tg.tahun.get())
        {
            o.tambah(
                "TAHUN-DOKUMEN",
                Tingkat::Peringatan,
                lok(format!("Perjanjian Kinerja {t}"), "Tanda tangan", None),
                format!("pk:{}/tanggal", pk.id),
                format!("Perjanjian Kinerja tahun {t} bertanggal {tg}"),
            );
        }
    }
    if !k.data.perjanjian_kinerja.iter().any(|p| p.tahun == k.tahun) {
        o.tambah(
            "DOKUMEN-TAHUN-INI",
            Tingkat::Galat,
            lok(format!("Laporan Kinerja {t}"), "Lampiran", None),
            format!("pk/{t}"),
            format!("tidak ada Perjanjian Kinerja tahun {t}"),
        );
    }
    if !k.data.rkt.iter().any(|r| r.tahun == k.tahun) {
        let lain: Vec<String> = k.data.rkt.iter().map(|r| r.tahun.to_string()).collect();
        o.tambah(
            "DOKUMEN-TAHUN-INI",
            Tingkat::Peringatan,
            lok(format!("Laporan Kinerja {t}"), "Lampiran", None),
            format!("rkt/{t}"),
            format!(
                "tidak ada RKT tahun {t}{}",
                if lain.is_empty() {
                    String::new()
                } else {
                    format!(" (ada RKT tahun {})", lain.join(", "))
                }
            ),
        );
    }
}

fn kelengkapan(k: &Konteks, o: &mut Keluaran) {
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
        for i in inds {
            if k.ix.target_pengukuran(&i.id, t).is_none() {
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
            if k.ix.realisasi_tahunan(i, t).is_none() {
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
            if !d
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
    // Kegiatan funded this year without an output indicator.
    let ringkas = k.anggaran(t);
    for g in ringkas.program.iter().flat_map(|p| &p.kegiatan) {
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
    for pk in d.perjanjian_kinerja.iter().filter(|p| p.tahun == t) {
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
