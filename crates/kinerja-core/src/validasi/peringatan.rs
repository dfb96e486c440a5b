//! Warnings: data that is valid and computable but probably not what its author meant. They
//! never refuse data (a published document may really say it); the reviu lists them so the user
//! looks once.
//!
//! - a target written with a comparison that contradicts the polarity (`≤ 5` for "makin tinggi
//!   makin baik", `min. 90` for "makin rendah makin baik");
//! - every negative target: its capaian is measured with `|target|` in the denominator, which is
//!   right only when the polarity says which way is better;
//! - a predikat scale with a gap, an overlap or values above its top (`predikat::Celah`).

use super::Letak;
use crate::model::*;
use crate::nilai::{Bentuk, Nilai, Operator};
use crate::predikat::SkalaPredikat;
use rust_decimal::Decimal;

/// One warning: a rule code, where, in which document, a stable key and the message.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Peringatan {
    pub kode: &'static str,
    pub letak: Letak,
    /// The document the value comes from (Renstra, Perjanjian Kinerja, ...).
    pub dokumen: String,
    /// Stable across runs, so a reviewer's acceptance survives.
    pub kunci: String,
    pub pesan: String,
}

/// Every warning about the data, in table order.
pub fn peringatan(data: &DataInstansi) -> Vec<Peringatan> {
    let mut out = Vec::new();
    let indikator = |id: &crate::id::IndikatorId| data.indikator.iter().find(|i| &i.id == id);
    for (i, ind) in data.indikator.iter().enumerate() {
        if let Some(n) = &ind.target_akhir {
            let letak = letak("indikator", i, ind.id.as_str(), "target_akhir");
            let subjek = format!("target akhir indikator \"{}\"", ind.uraian);
            let kunci = format!("indikator:{}/target-akhir", ind.id);
            nilai(
                &mut out,
                n,
                ind.polaritas,
                &letak,
                "Renstra",
                &kunci,
                &subjek,
            );
        }
    }
    for (i, t) in data.target.iter().enumerate() {
        let Some(ind) = indikator(&t.indikator) else {
            continue;
        };
        let pol = ind.polaritas;
        let letak = letak("target", i, t.indikator.as_str(), "nilai");
        let subjek = format!(
            "target {} indikator \"{}\" ({})",
            t.tahun,
            ind.uraian,
            t.dokumen.label()
        );
        let kunci = format!("indikator:{}/{}/{:?}", t.indikator, t.tahun, t.dokumen);
        nilai(
            &mut out,
            &t.nilai,
            pol,
            &letak,
            t.dokumen.label(),
            &kunci,
            &subjek,
        );
    }
    for (i, s) in data.skala.iter().enumerate() {
        skala(&mut out, s, letak("skala", i, s.id.as_str(), "pita"));
    }
    out
}

fn letak(tabel: &'static str, indeks: usize, id: &str, medan: &'static str) -> Letak {
    Letak {
        tabel,
        indeks,
        id: Some(id.to_string()),
        medan,
    }
}

fn teks_polaritas(p: Polaritas) -> &'static str {
    match p {
        Polaritas::Positif => "positif (makin tinggi makin baik)",
        Polaritas::Negatif => "negatif (makin rendah makin baik)",
        Polaritas::Rentang => "rentang",
    }
}

fn nilai(
    out: &mut Vec<Peringatan>,
    n: &Nilai,
    pol: Polaritas,
    letak: &Letak,
    dokumen: &str,
    kunci: &str,
    subjek: &str,
) {
    let tambah = |out: &mut Vec<Peringatan>, kode, akhiran: &str, pesan: String| {
        out.push(Peringatan {
            kode,
            letak: letak.clone(),
            dokumen: dokumen.to_string(),
            kunci: format!("{kunci}/{akhiran}"),
            pesan,
        })
    };
    if let Some(op) = n.operator() {
        let bertentangan = match pol {
            Polaritas::Positif => op.batas_atas(),
            Polaritas::Negatif => !op.batas_atas(),
            Polaritas::Rentang => false,
        };
        if bertentangan {
            let arti = if op.batas_atas() {
                "batas atas (makin rendah makin baik)"
            } else {
                "batas bawah (makin tinggi makin baik)"
            };
            tambah(
                out,
                "TARGET-OPERATOR-POLARITAS",
                "operator",
                format!(
                    "{subjek} \"{n}\" ditulis dengan {} sebagai {arti}, tetapi polaritas indikator {}; capaian dihitung menurut polaritas: periksa polaritas atau target",
                    simbol(op),
                    teks_polaritas(pol)
                ),
            );
        }
    }
    let negatif = match n.bentuk() {
        Bentuk::Angka { nilai, .. } => *nilai < Decimal::ZERO,
        Bentuk::Rentang { bawah, .. } => *bawah < Decimal::ZERO,
        Bentuk::Kualitatif { .. } => false,
    };
    if negatif {
        tambah(
            out,
            "TARGET-NEGATIF",
            "negatif",
            format!(
                "{subjek} \"{n}\" bernilai negatif: capaian dihitung dengan |target| sebagai penyebut, menurut polaritas {}; pastikan polaritas ini yang dimaksud",
                teks_polaritas(pol)
            ),
        );
    }
}

fn simbol(op: Operator) -> String {
    format!("\"{}\"", op.simbol())
}

fn skala(out: &mut Vec<Peringatan>, s: &SkalaPredikat, letak: Letak) {
    for c in s.celah() {
        out.push(Peringatan {
            kode: "SKALA-CELAH",
            letak: letak.clone(),
            dokumen: "Skala predikat".into(),
            kunci: format!("skala:{}/{}", s.id, c.kunci()),
            pesan: format!("skala \"{}\": {}", s.nama, c.pesan()),
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::uji::*;

    #[test]
    fn the_seed_has_no_warnings() {
        assert_eq!(peringatan(&mumbulsari()), []);
    }

    #[test]
    fn a_comparison_against_the_polarity_is_a_warning_and_one_with_it_is_not() {
        let mut d = mumbulsari();
        // SKM is "makin tinggi makin baik": "≤ 90" says lower is better.
        d.target.push(target(
            "SKM",
            2019,
            DokumenTarget::PerjanjianKinerja,
            "≤ 90",
        ));
        // "min. 80" agrees with it.
        d.target
            .push(target("SKM", 2019, DokumenTarget::Pengukuran, "min. 80"));
        let w = peringatan(&d);
        assert_eq!(w.len(), 1, "{w:?}");
        assert_eq!(w[0].kode, "TARGET-OPERATOR-POLARITAS");
        assert_eq!(w[0].dokumen, "Perjanjian Kinerja");
        assert!(w[0].pesan.contains("\"≤ 90\""), "{}", w[0].pesan);
        assert!(w[0].pesan.contains("positif"), "{}", w[0].pesan);
        // The same on a negative indicator: "min. 5" contradicts "makin rendah makin baik".
        d.indikator
            .push(indikator("TPT", "S2", 3, Polaritas::Negatif));
        d.target
            .push(target("TPT", 2020, DokumenTarget::Renstra, "min. 5"));
        d.target
            .push(target("TPT", 2019, DokumenTarget::Renstra, "maks 5"));
        let w = peringatan(&d);
        assert_eq!(w.len(), 2, "{w:?}");
        assert!(w[1].pesan.contains("negatif"), "{}", w[1].pesan);
        assert_eq!(w[1].kunci, "indikator:TPT/2020/Renstra/operator");
    }

    #[test]
    fn every_negative_target_is_named() {
        let mut d = mumbulsari();
        d.indikator
            .push(indikator("LPE", "S2", 3, Polaritas::Positif));
        d.target
            .push(target("LPE", 2020, DokumenTarget::Renstra, "-2"));
        d.target
            .push(target("LPE", 2021, DokumenTarget::Renstra, "1,5"));
        d.indikator[3].target_akhir = Some(n("-1"));
        let w = peringatan(&d);
        assert_eq!(w.len(), 2, "{w:?}");
        assert!(w.iter().all(|w| w.kode == "TARGET-NEGATIF"));
        assert!(w[0].pesan.contains("target akhir"), "{}", w[0].pesan);
        assert!(w[1].pesan.contains("\"-2\""), "{}", w[1].pesan);
        assert!(w[1].pesan.contains("|target|"), "{}", w[1].pesan);
    }

    #[test]
    fn a_scale_with_a_gap_is_a_warning() {
        let mut d = mumbulsari();
        let mut s = SkalaPredikat::lkjip_empat_tingkat();
        s.id = crate::id::SkalaId::new("tercetak").unwrap();
        s.pita[2].batas_atas = Some(rust_decimal_macros::dec!(75));
        d.skala.push(s);
        let w = peringatan(&d);
        assert_eq!(w.len(), 1, "{w:?}");
        assert_eq!(w[0].kode, "SKALA-CELAH");
        assert!(w[0].pesan.contains("celah"), "{}", w[0].pesan);
    }
}
