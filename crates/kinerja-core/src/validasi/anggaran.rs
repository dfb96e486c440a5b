//! Budget lines: where they sit, and one budget structure per year.

use super::{Pemeriksa, Rujukan};
use crate::model::*;
use std::collections::HashMap;

pub(super) fn periksa(p: &mut Pemeriksa, data: &DataInstansi, r: &Rujukan) {
    let mut struktur_tahun = HashMap::new();
    for (i, x) in data.anggaran.iter().enumerate() {
        let mut b = p.di("anggaran", i, Some(&x.id));
        match &x.tempat {
            TempatAnggaran::Instansi => {}
            TempatAnggaran::Kegiatan(g) => b.rujuk("tempat", &r.kegiatan, g, "kegiatan"),
            TempatAnggaran::SubKegiatan(g) => b.rujuk("tempat", &r.sub_kegiatan, g, "sub-kegiatan"),
        }
        if x.realisasi.is_some() && !x.realisasi_bulanan.is_empty() {
            b.lapor(
                "realisasi",
                "realisasi tahunan dan realisasi_bulanan sekaligus: tulis salah satu (realisasi tahun dihitung dari bulan-bulannya)",
            );
        }
        let s = x.jenis.struktur();
        match struktur_tahun.get(&x.tahun).copied() {
            Some((s0, j)) if s0 != s => b.lapor(
                "jenis",
                format!(
                    "jenis belanja \"{}\" dari struktur lain daripada [[anggaran]] ke-{} untuk tahun {}: satu tahun memakai satu struktur (Permendagri 13/2006 atau 90/2019)",
                    x.jenis.label(),
                    j + 1,
                    x.tahun
                ),
            ),
            Some(_) => {}
            None => {
                struktur_tahun.insert(x.tahun, (s, i));
            }
        }
    }
}
