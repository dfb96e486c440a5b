//! Counts the text states: sasaran, indicators (by predikat), programs, kegiatan.

use super::{Dihitung, TIDAK_BERLAKU, angka, tidak};
use crate::Konteks;
use kinerja_core::model::*;
use kinerja_core::waktu::Tahun;
use rust_decimal::Decimal;

/// A count for the instansi or a sasaran.
pub(super) fn hitung(k: &Konteks, t: &Tercatat, tahun: Tahun) -> Dihitung {
    let d = k.data;
    match (&t.subjek, &t.ukuran) {
        (Subjek::Instansi | Subjek::Sasaran(_), Ukuran::JumlahSasaran) => {
            angka(Decimal::from(d.sasaran.len()), "sasaran dalam Renstra")
        }
        (
            Subjek::Instansi | Subjek::Sasaran(_),
            Ukuran::JumlahIndikator | Ukuran::JumlahIndikatorBerpredikat(_),
        ) => {
            let p = k.pengukuran(tahun);
            let baris: Vec<_> = p
                .baris
                .iter()
                .filter(|b| match &t.subjek {
                    Subjek::Sasaran(s) => &b.sasaran == s,
                    _ => true,
                })
                .collect();
            match &t.ukuran {
                Ukuran::JumlahIndikatorBerpredikat(label) => angka(
                    Decimal::from(
                        baris
                            .iter()
                            .filter(|b| {
                                b.predikat
                                    .as_ref()
                                    .is_some_and(|p| p.label.eq_ignore_ascii_case(label.trim()))
                            })
                            .count(),
                    ),
                    format!("indikator yang predikatnya dihitung {label}"),
                ),
                _ => angka(
                    Decimal::from(baris.len()),
                    "indikator sasaran dalam tabel pengukuran",
                ),
            }
        }
        (Subjek::Instansi | Subjek::Sasaran(_), Ukuran::JumlahProgram | Ukuran::JumlahKegiatan) => {
            // Programs: of the year's RKT when there is one (the plan the text describes), else
            // those with budget; for a sasaran, the programs that support it. Kegiatan: those of
            // these programs that have a budget line or an indicator.
            let a = k.anggaran(tahun);
            let rkt = d.rkt.iter().find(|r| r.tahun == tahun);
            let (progs, dasar): (Vec<&kinerja_core::id::ProgramId>, &str) = match (&t.subjek, rkt) {
                (Subjek::Sasaran(s), _) => (
                    d.program
                        .iter()
                        .filter(|p| p.sasaran.as_ref() == Some(s))
                        .map(|p| &p.id)
                        .collect(),
                    "program yang mendukung sasaran ini",
                ),
                (_, Some(r)) => (r.program.iter().collect(), "program dalam RKT tahun ini"),
                _ => (
                    a.program.iter().map(|p| &p.program).collect(),
                    "program beranggaran",
                ),
            };
            if t.ukuran == Ukuran::JumlahProgram {
                return angka(Decimal::from(progs.len()), dasar);
            }
            let berindikator = |g: &kinerja_core::id::KegiatanId| {
                d.indikator
                    .iter()
                    .any(|i| matches!(&i.pemilik, Pemilik::Kegiatan(x) if x == g))
            };
            let beranggaran = |g: &kinerja_core::id::KegiatanId| {
                a.program
                    .iter()
                    .flat_map(|p| &p.kegiatan)
                    .any(|x| &x.kegiatan == g)
            };
            let n = d
                .kegiatan
                .iter()
                .filter(|g| {
                    progs.contains(&&g.program) && (beranggaran(&g.id) || berindikator(&g.id))
                })
                .count();
            angka(
                Decimal::from(n),
                format!("kegiatan ber-anggaran atau ber-indikator dari {dasar}"),
            )
        }
        _ => tidak(TIDAK_BERLAKU),
    }
}
