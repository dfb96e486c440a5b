//! Years and dates that contradict the period they belong to, in the documents and the text.

use super::{Keluaran, lok};
use crate::Konteks;
use crate::Tingkat;

/// Years and dates that contradict the period they belong to.
pub(super) fn tahun_dokumen(k: &Konteks, o: &mut Keluaran) {
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
        .filter(|p| p.tahun == k.tahun && !k.data.pk_diganti(p))
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
    // The year's PK and RKT are the report's attachments: a plan alone is not asked for them,
    // nor are measurement figures transcribed without the report itself (a table of a report
    // says nothing of its annexes); that is said once.
    if !k.ada_laporan() {
        return;
    }
    if !k.data.laporan.iter().any(|l| l.tahun == k.tahun) {
        o.tambah(
            "DOKUMEN-TAHUN-INI",
            Tingkat::Info,
            lok(format!("Laporan Kinerja {t}"), "Lampiran", None),
            format!("lampiran/{t}"),
            format!(
                "data memuat angka pengukuran tahun {t} tanpa Laporan Kinerja-nya sendiri, sehingga lampirannya (Perjanjian Kinerja, RKT) tidak diperiksa"
            ),
        );
        return;
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

/// "tahun 2019" in the narrative of the 2020 report: a paragraph copied from last year's.
/// Regulation citations ("Nomor 53 Tahun 2014") and periods ("2016-2021") are not years of the
/// report and are left alone.
pub(super) fn tahun_dalam_teks(k: &Konteks, o: &mut Keluaran) {
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
