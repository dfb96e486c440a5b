//! The SKM behind an indicator of a sasaran (Bab III part B): each unsur's distribution, score
//! and predikat, the nilai konversi, and the chart. Every figure is the core's
//! (`kinerja_core::skm`): a row per unsur with data also when another unsur has none, so the
//! index itself cannot be computed (as in the seed).

use super::Penyusun;
use super::sel::{Nomor, angka, baris, baris_tebal, blok_grafik, kolom, tt};
use crate::dokumen::*;
use kinerja_core::angka::bulatkan;
use kinerja_core::model::*;
use kinerja_core::skm::{DataUnsur, Regime};

impl Penyusun<'_> {
    /// The SKM of an indicator of this sasaran, when the year has a survey naming it.
    pub(super) fn skm_sasaran(&self, inds: &[&Indikator], no: &mut Nomor) -> Vec<Blok> {
        let mut isi = Vec::new();
        for s in self.data.skm.iter().filter(|s| {
            s.tahun == self.tahun
                && s.indikator
                    .as_ref()
                    .is_some_and(|i| inds.iter().any(|x| &x.id == i))
        }) {
            let regime = Regime::dari_kode(&s.regime);
            let hasil = kinerja_core::skm::hasil_survei(s).and_then(Result::ok);
            let mut b: Vec<Baris> = s
                .unsur
                .iter()
                .map(|u| baris_unsur(u, regime.as_ref()))
                .collect();
            let (nik, predikat) = match &hasil {
                Some(h) => (
                    angka(h.nik),
                    Sel::teks(format!("{} (mutu {})", h.kinerja_unit.label(), h.mutu)),
                ),
                None => (tt(), Sel::Kosong),
            };
            b.push(baris_tebal(vec![
                Sel::Kosong,
                Sel::teks("Nilai konversi (IKM x 25)"),
                Sel::Kosong,
                Sel::Kosong,
                Sel::Kosong,
                Sel::Kosong,
                nik,
                predikat,
            ]));
            isi.push(no.tabel(
                &format!("Survei Kepuasan Masyarakat {} per unsur", self.tahun),
                vec![
                    kolom("No", 1, false),
                    kolom("Unsur", 6, false),
                    kolom("% Tidak baik", 2, true),
                    kolom("% Kurang baik", 2, true),
                    kolom("% Baik", 2, true),
                    kolom("% Sangat baik", 2, true),
                    kolom("Skor", 2, true),
                    kolom("Predikat", 3, false),
                ],
                b,
                Some(format!(
                    "Skor unsur = (1 x %1 + 2 x %2 + 3 x %3 + 4 x %4) / 100 x 25; predikat menurut {}; bobot tepat 1/n.{}",
                    regime.as_ref().map(|r| r.nama.as_str()).unwrap_or("regime yang tidak dikenal"),
                    if hasil.is_none() { " Nilai konversi tidak dihitung karena tidak semua unsur memiliki jawaban atau distribusi." } else { "" }
                )),
            ));
            match &hasil {
                Some(h) => {
                    let judul = format!("Skor unsur SKM {} dan rata-ratanya", self.tahun);
                    isi.push(blok_grafik(
                        judul.clone(),
                        kinerja_grafik::skm::svg(h, &judul),
                    ));
                }
                None => isi.push(Blok::Catatan {
                    teks: "Grafik SKM tidak dibuat: tidak semua unsur memiliki jawaban atau distribusi, sehingga rata-ratanya tidak dapat dihitung dari data.".into(),
                }),
            }
        }
        isi
    }
}

/// One unsur: its share of each answer, its score and the predikat the regime gives that score.
fn baris_unsur(u: &UnsurSkm, regime: Option<&Regime>) -> Baris {
    let data = u.data();
    let dist = data.as_ref().and_then(DataUnsur::persen);
    let skor = data.as_ref().and_then(|d| d.skor("").ok());
    // A whole percent prints without decimals, as the survey's tables do.
    let pct = |k: usize| {
        dist.map(|p| Sel::Angka {
            nilai: bulatkan(p[k], 2),
            desimal: if p[k].fract().is_zero() { 0 } else { 2 },
        })
        .unwrap_or_else(tt)
    };
    baris(vec![
        Sel::teks(u.nomor.to_string()),
        Sel::teks(&u.nama),
        pct(0),
        pct(1),
        pct(2),
        pct(3),
        skor.map(angka).unwrap_or_else(tt),
        match (skor, regime) {
            (Some(x), Some(r)) => Sel::teks(r.klasifikasi(x).kinerja_unit.label()),
            _ => tt(),
        },
    ])
}
