//! What the report publishes: the survey, the narrative and the stated figures.

use super::{Pemeriksa, Rujukan};
use crate::model::*;
use std::collections::HashSet;

pub(super) fn periksa(p: &mut Pemeriksa, data: &DataInstansi, r: &Rujukan) {
    for (i, x) in data.skm.iter().enumerate() {
        let mut b = p.di("skm", i, Some(&x.id));
        b.rujuk("instansi", &r.instansi, &x.instansi, "instansi");
        if let Some(ind) = &x.indikator {
            b.rujuk("indikator", &r.indikator, ind, "indikator");
        }
        let mut nomor = HashSet::new();
        for u in &x.unsur {
            if !nomor.insert(u.nomor) {
                b.lapor("unsur.nomor", format!("nomor unsur {} ganda", u.nomor));
            }
        }
    }
    for (i, x) in data.laporan.iter().enumerate() {
        let mut b = p.di("laporan", i, Some(&x.id));
        b.rujuk("instansi", &r.instansi, &x.instansi, "instansi");
        if let Some(ttd) = &x.penandatangan {
            b.rujuk("penandatangan", &r.pejabat, ttd, "pejabat");
        }
        for a in &x.analisis {
            b.rujuk("analisis.sasaran", &r.sasaran, &a.sasaran, "sasaran");
        }
    }
    for (i, x) in data.tercatat.iter().enumerate() {
        let ada = match &x.subjek {
            Subjek::Instansi | Subjek::Belanja(_) | Subjek::Label(_) => true,
            Subjek::Sasaran(s) => r.sasaran.contains(s),
            Subjek::Indikator(ind) => r.indikator.contains_key(ind),
            Subjek::Program(g) => r.program.contains(g),
            Subjek::Kegiatan(g) => r.kegiatan.contains(g),
            Subjek::SubKegiatan(g) => r.sub_kegiatan.contains(g),
            Subjek::Survei(s) => r.survei.contains(s),
            Subjek::UnsurSkm { survei: s, nomor } => data
                .skm
                .iter()
                .any(|x| &x.id == s && x.unsur.iter().any(|u| u.nomor == *nomor)),
        };
        if !ada {
            p.di("tercatat", i, None)
                .lapor("subjek", format!("merujuk {:?} yang tidak ada", x.subjek));
        }
    }
}
