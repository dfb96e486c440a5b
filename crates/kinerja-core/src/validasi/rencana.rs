//! Organisation and plan: instansi, officials, the Renstra and its tree down to sub-kegiatan, and
//! the indicators of every level.

use super::{Pemeriksa, Rujukan};
use crate::model::*;

pub(super) fn periksa(p: &mut Pemeriksa, data: &DataInstansi, r: &Rujukan) {
    for (i, x) in data.instansi.iter().enumerate() {
        if let Some(induk) = &x.induk {
            let mut b = p.di("instansi", i, Some(&x.id));
            b.rujuk("induk", &r.instansi, induk, "instansi");
            if induk == &x.id {
                b.lapor(
                    "induk",
                    "instansi tidak boleh menjadi induk dirinya sendiri",
                );
            }
        }
    }
    p.hasil.extend(crate::hierarki::siklus(&data.instansi));
    for (i, x) in data.pejabat.iter().enumerate() {
        p.di("pejabat", i, Some(&x.id))
            .rujuk("instansi", &r.instansi, &x.instansi, "instansi");
    }
    for (i, x) in data.renstra.iter().enumerate() {
        let mut b = p.di("renstra", i, Some(&x.id));
        b.rujuk("instansi", &r.instansi, &x.instansi, "instansi");
        if x.tahun_akhir < x.tahun_awal {
            b.lapor(
                "tahun_akhir",
                format!(
                    "tahun akhir {} sebelum tahun awal {}",
                    x.tahun_akhir, x.tahun_awal
                ),
            );
        }
        if let Some(ttd) = x.dasar.as_ref().and_then(|k| k.penandatangan.as_ref()) {
            b.rujuk("dasar.penandatangan", &r.pejabat, ttd, "pejabat");
        }
    }
    for (i, x) in data.tujuan.iter().enumerate() {
        p.di("tujuan", i, Some(&x.id))
            .rujuk("renstra", &r.renstra, &x.renstra, "renstra");
    }
    for (i, x) in data.sasaran.iter().enumerate() {
        p.di("sasaran", i, Some(&x.id))
            .rujuk("tujuan", &r.tujuan, &x.tujuan, "tujuan");
    }
    for (i, x) in data.strategi.iter().enumerate() {
        let mut b = p.di("strategi", i, Some(&x.id));
        for s in &x.sasaran {
            b.rujuk("sasaran", &r.sasaran, s, "sasaran");
        }
    }
    for (i, x) in data.kebijakan.iter().enumerate() {
        p.di("kebijakan", i, Some(&x.id))
            .rujuk("strategi", &r.strategi, &x.strategi, "strategi");
    }
    for (i, x) in data.program.iter().enumerate() {
        let mut b = p.di("program", i, Some(&x.id));
        if let Some(s) = &x.sasaran {
            b.rujuk("sasaran", &r.sasaran, s, "sasaran");
        }
        pagu_indikatif(&mut b, data, x);
    }
    for (i, x) in data.kegiatan.iter().enumerate() {
        p.di("kegiatan", i, Some(&x.id))
            .rujuk("program", &r.program, &x.program, "program");
    }
    for (i, x) in data.sub_kegiatan.iter().enumerate() {
        p.di("sub_kegiatan", i, Some(&x.id)).rujuk(
            "kegiatan",
            &r.kegiatan,
            &x.kegiatan,
            "kegiatan",
        );
    }
    for (i, x) in data.indikator.iter().enumerate() {
        let mut b = p.di("indikator", i, Some(&x.id));
        match &x.pemilik {
            Pemilik::Tujuan(t) => b.rujuk("pemilik", &r.tujuan, t, "tujuan"),
            Pemilik::Sasaran(s) => b.rujuk("pemilik", &r.sasaran, s, "sasaran"),
            Pemilik::Program(g) => b.rujuk("pemilik", &r.program, g, "program"),
            Pemilik::Kegiatan(g) => b.rujuk("pemilik", &r.kegiatan, g, "kegiatan"),
            Pemilik::SubKegiatan(g) => b.rujuk("pemilik", &r.sub_kegiatan, g, "sub-kegiatan"),
        }
        if let Some(t) = &x.target_akhir {
            b.bentuk_target("target_akhir", x, t.bentuk());
        }
    }
}

/// A program's indicative pagu: one per year, not negative, and in a Renstra period of the data
/// (an indicative pagu is part of a Renstra, so a data set without one has nowhere to put it).
fn pagu_indikatif(b: &mut super::Baris<'_>, data: &DataInstansi, x: &Program) {
    let mut tahun = std::collections::HashSet::new();
    let medan = "pagu_indikatif";
    for pi in &x.pagu_indikatif {
        if !tahun.insert(pi.tahun) {
            b.lapor(
                medan,
                format!(
                    "pagu indikatif tahun {} tercatat lebih dari sekali",
                    pi.tahun
                ),
            );
        }
        if pi.pagu.is_negatif() {
            b.lapor(
                medan,
                format!("pagu indikatif tahun {} bernilai negatif", pi.tahun),
            );
        }
        let periode: Vec<String> = data
            .renstra
            .iter()
            .map(|r| format!("{}-{}", r.tahun_awal, r.tahun_akhir))
            .collect();
        if !data
            .renstra
            .iter()
            .any(|r| r.tahun_awal <= pi.tahun && pi.tahun <= r.tahun_akhir)
        {
            b.lapor(
                medan,
                if periode.is_empty() {
                    format!(
                        "pagu indikatif tahun {} tanpa Renstra: pagu indikatif adalah bagian dari Renstra",
                        pi.tahun
                    )
                } else {
                    format!(
                        "pagu indikatif tahun {} di luar periode Renstra ({})",
                        pi.tahun,
                        periode.join(", ")
                    )
                },
            );
        }
    }
}
