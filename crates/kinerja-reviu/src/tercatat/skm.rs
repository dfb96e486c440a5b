//! SKM figures: an unsur's score and predikat, a survey's mean score and predikat. The figures
//! are the core's (`kinerja_core::skm`); the reviu only chooses what stands in for an unsur
//! without primary data (its stated score) and compares.

use super::{Dihitung, angka, tidak};
use crate::Konteks;
use kinerja_core::angka::format_angka;
use kinerja_core::id::SurveiId;
use kinerja_core::model::*;
use kinerja_core::skm::{self, DataUnsur, Regime, SumberUnsur};
use rust_decimal::Decimal;

/// The survey and its regime, or why the reviu cannot recompute it.
fn survei_dan_regime<'a>(
    k: &Konteks<'a>,
    survei: &SurveiId,
) -> Result<(&'a SurveiSkm, Regime), Dihitung> {
    let Some(s) = k.data.skm.iter().find(|x| &x.id == survei) else {
        return Err(tidak("survei tidak ada"));
    };
    match Regime::dari_kode(&s.regime) {
        Some(r) => Ok((s, r)),
        None => Err(tidak(format!("regime SKM \"{}\" tidak dikenal", s.regime))),
    }
}

/// The score or predikat of one unsur of a survey.
pub(super) fn unsur(k: &Konteks, survei: &SurveiId, nomor: &u32, u: &Ukuran) -> Dihitung {
    let (s, regime) = match survei_dan_regime(k, survei) {
        Ok(x) => x,
        Err(d) => return d,
    };
    let data = s
        .unsur
        .iter()
        .find(|x| x.nomor == *nomor)
        .and_then(|u| u.data());
    let cara = match data {
        Some(DataUnsur::Jumlah(_)) => {
            "(1 x n1 + 2 x n2 + 3 x n3 + 4 x n4) / jumlah jawaban x 25 dari jumlah jawaban"
        }
        _ => "(1 x %1 + 2 x %2 + 3 x %3 + 4 x %4) / 100 x 25 dari distribusi jawaban",
    };
    match (u, data.map(|d| d.skor(&format!("unsur {nomor}")))) {
        (_, Some(Err(e))) => tidak(e.to_string()),
        (Ukuran::SkorSkm, Some(Ok(v))) => angka(v, cara),
        (Ukuran::PredikatSkm, Some(Ok(v))) => Dihitung::Teks(
            regime.klasifikasi(v).kinerja_unit.label().into(),
            format!("skor {} pada tabel {}", format_angka(v, 2), regime.nama),
        ),
        (Ukuran::PredikatSkm, None) => match skor_tercatat(k.data, survei, *nomor) {
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

/// The mean score or the predikat of a survey: the core's result, where an unsur without
/// answers or a distribution takes its stated score.
pub(super) fn survei(k: &Konteks, survei: &SurveiId, u: &Ukuran) -> Dihitung {
    let (s, regime) = match survei_dan_regime(k, survei) {
        Ok(x) => x,
        Err(d) => return d,
    };
    let h = match skm::hasil_survei_dengan_skor(s, |nomor| skor_tercatat(k.data, survei, nomor)) {
        None => return tidak("tidak semua unsur memiliki distribusi atau skor"),
        Some(Err(e)) => return tidak(format!("survei tidak dapat dihitung: {e}")),
        Some(Ok(h)) => h,
    };
    let dari = |sumber: SumberUnsur| h.unsur.iter().filter(|x| x.sumber == sumber).count();
    let dari_jawaban = match dari(SumberUnsur::Jawaban) {
        0 => String::new(),
        n => format!("{n} dari jumlah jawaban, "),
    };
    let cara = format!(
        "rata-rata skor {} unsur ({dari_jawaban}{} dari distribusi jawaban, {} dari skor tercatat)",
        h.unsur.len(),
        dari(SumberUnsur::Persen),
        dari(SumberUnsur::Skor)
    );
    let rata = h.rata_rata_skor;
    match u {
        Ukuran::SkorSkm | Ukuran::Realisasi | Ukuran::Capaian => angka(rata, cara),
        Ukuran::PredikatSkm | Ukuran::Predikat => {
            Dihitung::Teks(regime.klasifikasi(rata).kinerja_unit.label().into(), cara)
        }
        _ => tidak("ukuran ini tidak berlaku untuk survei"),
    }
}

/// The score the report states for an unsur (its `skor_skm` in `[[tercatat]]`).
fn skor_tercatat(d: &DataInstansi, survei: &SurveiId, nomor: u32) -> Option<Decimal> {
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
