//! SKM figures: an unsur's score and predikat, a survey's mean score and predikat. The figures
//! are the core's (`kinerja_core::skm`); the reviu only chooses what stands in for an unsur
//! without primary data (its stated score) and compares.

use super::{Dihitung, angka, tidak};
use crate::Konteks;
use kinerja_core::angka::format_angka;
use kinerja_core::id::SurveiId;
use kinerja_core::model::*;
use kinerja_core::skm::{self, DataUnsur, Regime, SumberUnsur};
use kinerja_core::tepat::Pecahan;
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

/// Whether a stated SKM figure is printed on the 1-4 scale (an NRR or an IKM) rather than on
/// the 25-100 one: then it is compared as printed, against the NRR or IKM, not after x 25.
fn skala_empat(t: &Tercatat) -> bool {
    let v = match &t.nilai {
        NilaiTercatat::Angka(v) => Some(*v),
        NilaiTercatat::Teks(s) => kinerja_core::nilai::Nilai::parse(s)
            .ok()
            .and_then(|n| n.angka_setara()),
    };
    v.is_some_and(|v| v >= Decimal::ONE && v <= Decimal::from(4))
}

/// The score or predikat of one unsur of a survey.
pub(super) fn unsur(k: &Konteks, survei: &SurveiId, nomor: &u32, t: &Tercatat) -> Dihitung {
    let u = &t.ukuran;
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
        // NRR = skor / 25, exactly: the skor is (sum x 25) / count.
        (Ukuran::SkorSkm, Some(Ok(v))) if skala_empat(t) => {
            match Pecahan::new(v, Decimal::from(25)).and_then(|p| p.desimal()) {
                Some(nrr) => angka(nrr, format!("NRR pada skala 1-4: {cara} dibagi 25")),
                None => tidak("NRR tidak dapat dihitung"),
            }
        }
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
pub(super) fn survei(k: &Konteks, survei: &SurveiId, t: &Tercatat) -> Dihitung {
    let u = &t.ukuran;
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
        Ukuran::SkorSkm | Ukuran::Realisasi | Ukuran::Capaian if skala_empat(t) => angka(
            h.ikm,
            format!("IKM pada skala 1-4 (jumlah NRR tertimbang); {cara}"),
        ),
        Ukuran::SkorSkm | Ukuran::Realisasi | Ukuran::Capaian => angka(rata, cara),
        Ukuran::PredikatSkm | Ukuran::Predikat => {
            Dihitung::Teks(regime.klasifikasi(rata).kinerja_unit.label().into(), cara)
        }
        _ => tidak("ukuran ini tidak berlaku untuk survei"),
    }
}

/// The score the report states for an unsur (its `skor_skm` in `[[tercatat]]`), on the 25-100
/// scale: one printed as an NRR (1-4) is multiplied by 25.
fn skor_tercatat(d: &DataInstansi, survei: &SurveiId, nomor: u32) -> Option<Decimal> {
    skor_tercatat_tertulis(d, survei, nomor).map(|v| {
        if v <= Decimal::from(4) {
            v * Decimal::from(25)
        } else {
            v
        }
    })
}

fn skor_tercatat_tertulis(d: &DataInstansi, survei: &SurveiId, nomor: u32) -> Option<Decimal> {
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
