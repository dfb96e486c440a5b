//! SKM figures: an unsur's score and predikat, a survey's mean score and predikat.

use super::{Dihitung, angka, tidak};
use crate::Konteks;
use kinerja_core::angka::format_angka;
use kinerja_core::id::SurveiId;
use kinerja_core::model::*;
use kinerja_core::skm::Regime;
use rust_decimal::Decimal;
use rust_decimal_macros::dec;

/// The score or predikat of one unsur of a survey.
pub(super) fn unsur(k: &Konteks, survei: &SurveiId, nomor: &u32, u: &Ukuran) -> Dihitung {
    let d = k.data;
    let Some(s) = d.skm.iter().find(|x| &x.id == survei) else {
        return tidak("survei tidak ada");
    };
    let Some(regime) = Regime::dari_kode(&s.regime) else {
        return tidak(format!("regime SKM \"{}\" tidak dikenal", s.regime));
    };
    let skor = s
        .unsur
        .iter()
        .find(|x| x.nomor == *nomor)
        .and_then(|x| x.distribusi)
        .and_then(skor_distribusi);
    match (u, skor) {
        (Ukuran::SkorSkm, Some(v)) => angka(
            v,
            "(1 x %1 + 2 x %2 + 3 x %3 + 4 x %4) / 100 x 25 dari distribusi jawaban",
        ),
        (Ukuran::PredikatSkm, Some(v)) => Dihitung::Teks(
            regime.klasifikasi(v).kinerja_unit.label().into(),
            format!("skor {} pada tabel {}", format_angka(v, 2), regime.nama),
        ),
        (Ukuran::PredikatSkm, None) => match skor_tercatat(d, survei, *nomor) {
            Some(v) => Dihitung::Teks(
                regime.klasifikasi(v).kinerja_unit.label().into(),
                format!(
                    "skor tercatat {} pada tabel {} (tanpa distribusi)",
                    format_angka(v, v.scale()),
                    regime.nama
                ),
            ),
            None => tidak("unsur ini tidak memiliki distribusi jawaban maupun skor"),
        },
        _ => tidak("unsur ini tidak memiliki distribusi jawaban"),
    }
}

/// The mean score or the predikat of a survey.
pub(super) fn survei(k: &Konteks, survei: &SurveiId, u: &Ukuran) -> Dihitung {
    let d = k.data;
    let Some(s) = d.skm.iter().find(|x| &x.id == survei) else {
        return tidak("survei tidak ada");
    };
    let Some(regime) = Regime::dari_kode(&s.regime) else {
        return tidak(format!("regime SKM \"{}\" tidak dikenal", s.regime));
    };
    // Per unsur: the score from its distribution, else its stated score.
    let mut dari_dist = 0;
    let mut skor = Vec::new();
    for un in &s.unsur {
        if let Some(v) = un.distribusi.and_then(skor_distribusi) {
            dari_dist += 1;
            skor.push(v);
        } else if let Some(v) = skor_tercatat(d, survei, un.nomor) {
            skor.push(v);
        }
    }
    if skor.len() != s.unsur.len() || skor.is_empty() {
        return tidak("tidak semua unsur memiliki distribusi atau skor");
    }
    let rata = skor.iter().sum::<Decimal>() / Decimal::from(skor.len());
    let cara = format!(
        "rata-rata skor {} unsur ({} dari distribusi jawaban, {} dari skor tercatat)",
        skor.len(),
        dari_dist,
        skor.len() - dari_dist
    );
    match u {
        Ukuran::SkorSkm | Ukuran::Realisasi | Ukuran::Capaian => angka(rata, cara),
        Ukuran::PredikatSkm | Ukuran::Predikat => {
            Dihitung::Teks(regime.klasifikasi(rata).kinerja_unit.label().into(), cara)
        }
        _ => tidak("ukuran ini tidak berlaku untuk survei"),
    }
}

/// The seed's per-unsur score: (1 p1 + 2 p2 + 3 p3 + 4 p4) / (p1 + ... + p4) x 25.
fn skor_distribusi(p: [Decimal; 4]) -> Option<Decimal> {
    let total: Decimal = p.iter().sum();
    if total.is_zero() {
        return None;
    }
    let bobot: Decimal = p.iter().zip(1..).map(|(x, k)| *x * Decimal::from(k)).sum();
    Some(bobot / total * dec!(25))
}

fn skor_tercatat(
    d: &DataInstansi,
    survei: &kinerja_core::id::SurveiId,
    nomor: u32,
) -> Option<Decimal> {
    d.tercatat
        .iter()
        .find_map(|t| match (&t.subjek, &t.ukuran, &t.nilai) {
            (
                Subjek::UnsurSkm {
                    survei: s,
                    nomor: n,
                },
                Ukuran::SkorSkm,
                NilaiTercatat::Angka(v),
            ) if s == survei && *n == nomor => Some(*v),
            _ => None,
        })
}
