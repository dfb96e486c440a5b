//! Annual documents: RKT, Perjanjian Kinerja, IKU.

use super::{Pemeriksa, Rujukan};
use crate::model::*;

pub(super) fn periksa(p: &mut Pemeriksa, data: &DataInstansi, r: &Rujukan) {
    for (i, x) in data.rkt.iter().enumerate() {
        let mut b = p.di("rkt", i, Some(&x.id));
        b.rujuk("instansi", &r.instansi, &x.instansi, "instansi");
        for g in &x.program {
            b.rujuk("program", &r.program, g, "program");
        }
        for g in &x.kegiatan {
            b.rujuk("kegiatan", &r.kegiatan, &g.kegiatan, "kegiatan");
        }
    }
    for (i, x) in data.perjanjian_kinerja.iter().enumerate() {
        let mut b = p.di("perjanjian_kinerja", i, Some(&x.id));
        b.rujuk("instansi", &r.instansi, &x.instansi, "instansi");
        b.rujuk("pihak_pertama", &r.pejabat, &x.pihak_pertama, "pejabat");
        b.rujuk("pihak_kedua", &r.pejabat, &x.pihak_kedua, "pejabat");
        for ind in &x.indikator {
            b.rujuk("indikator", &r.indikator, ind, "indikator");
        }
        for a in &x.anggaran {
            b.rujuk("anggaran.program", &r.program, &a.program, "program");
        }
        for t in &x.target_arsip {
            b.rujuk(
                "target_arsip.indikator",
                &r.indikator,
                &t.indikator,
                "indikator",
            );
        }
        // A PK perubahan replaces an earlier PK of the same instansi and year.
        if let Some(d) = &x.perubahan_dari {
            let ada = data.perjanjian_kinerja.iter().any(|p| {
                &p.id == d && p.id != x.id && p.instansi == x.instansi && p.tahun == x.tahun
            });
            if !ada {
                b.lapor(
                    "perubahan_dari",
                    format!(
                        "merujuk Perjanjian Kinerja \"{d}\" yang tidak ada pada instansi dan tahun yang sama"
                    ),
                );
            }
        }
    }
    for (i, x) in data.iku.iter().enumerate() {
        let mut b = p.di("iku", i, Some(&x.id));
        b.rujuk("instansi", &r.instansi, &x.instansi, "instansi");
        if let Some(ttd) = &x.keputusan.penandatangan {
            b.rujuk("keputusan.penandatangan", &r.pejabat, ttd, "pejabat");
        }
        for baris in &x.baris {
            b.rujuk(
                "baris.indikator",
                &r.indikator,
                &baris.indikator,
                "indikator",
            );
            for u in &baris.penanggung_jawab {
                b.rujuk("baris.penanggung_jawab", &r.instansi, u, "unit/instansi");
            }
        }
    }
}
