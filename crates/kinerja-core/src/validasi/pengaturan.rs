//! How capaian is read: the predikat scales in the data and the setting that picks one.

use super::Pemeriksa;
use crate::model::*;
use crate::predikat::SkalaPredikat;

pub(super) fn periksa(p: &mut Pemeriksa, data: &DataInstansi) {
    for (i, s) in data.skala.iter().enumerate() {
        if let Err(e) = s.periksa() {
            p.di("skala", i, Some(&s.id)).lapor("pita", e.to_string());
        }
    }
    if let Some(peng) = &data.pengaturan {
        let ada = data.skala.iter().any(|s| s.id == peng.skala)
            || SkalaPredikat::bawaan().iter().any(|s| s.id == peng.skala);
        if !ada {
            p.di("pengaturan", 0, None).lapor(
                "skala",
                format!("skala predikat \"{}\" tidak dikenal", peng.skala),
            );
        }
    }
}
