//! Measurement figures: an indicator's target, realisasi, capaian, predikat, progress and
//! national comparison; the capaian and predikat of a sasaran and of the instansi.

use super::{Dihitung, TIDAK_BERLAKU, angka, tidak};
use crate::Konteks;
use kinerja_core::capaian::Capaian;
use kinerja_core::id::IndikatorId;
use kinerja_core::model::*;
use kinerja_core::nilai::Nilai;
use kinerja_core::pengukuran;
use kinerja_core::waktu::Tahun;

/// The capaian or predikat of a sasaran or of the instansi: the mean of its indicators'.
pub(super) fn ringkasan(k: &Konteks, t: &Tercatat, tahun: Tahun) -> Dihitung {
    match (&t.subjek, &t.ukuran) {
        (Subjek::Sasaran(s), Ukuran::Capaian | Ukuran::Predikat) => {
            let p = k.pengukuran(tahun);
            let Some(cs) = p.sasaran.iter().find(|x| &x.sasaran == s) else {
                return tidak("sasaran tidak diukur");
            };
            match (&t.ukuran, cs.capaian, &cs.predikat) {
                (Ukuran::Capaian, Some(c), _) => angka(c, "rata-rata capaian indikatornya"),
                (Ukuran::Predikat, _, Some(p)) => Dihitung::Teks(
                    p.label.clone(),
                    "predikat rata-rata capaian indikatornya".into(),
                ),
                _ => tidak("tidak ada indikator yang capaiannya terhitung"),
            }
        }
        (Subjek::Instansi, Ukuran::Capaian | Ukuran::Predikat) => {
            let p = k.pengukuran(tahun);
            let cs: Vec<Capaian> = p.baris.iter().map(|b| b.capaian).collect();
            match kinerja_core::capaian::rata_rata(&cs) {
                Some(c) if t.ukuran == Ukuran::Capaian => {
                    angka(c, "rata-rata capaian seluruh indikator sasaran")
                }
                Some(c) => Dihitung::Teks(
                    k.ix.skala.predikat(c).label,
                    "predikat rata-rata capaian seluruh indikator".into(),
                ),
                None => tidak("tidak ada capaian yang terhitung"),
            }
        }
        _ => tidak(TIDAK_BERLAKU),
    }
}

/// A figure of one indicator.
pub(super) fn indikator(k: &Konteks, t: &Tercatat, i: &IndikatorId, tahun: Tahun) -> Dihitung {
    let u = &t.ukuran;
    let Some(ind) = k.ix.indikator(i) else {
        return tidak("indikator tidak ada");
    };
    match u {
        Ukuran::Target => match k
            .ix
            .target_pengukuran(i, tahun)
            .and_then(|x| x.nilai.angka_setara())
        {
            Some(v) => angka(v, "target pengukuran tahun ini"),
            None => tidak("tidak ada target berangka untuk tahun ini"),
        },
        Ukuran::Realisasi => match k
            .ix
            .realisasi_tahunan(ind, tahun)
            .and_then(|r| r.nilai.angka_setara())
        {
            Some(v) => angka(v, format!("realisasi {tahun} dalam data")),
            None => tidak(format!("tidak ada realisasi berangka untuk {tahun}")),
        },
        Ukuran::Capaian | Ukuran::Predikat => {
            let target = k.ix.target_pengukuran(i, tahun).map(|x| &x.nilai);
            let r = k.ix.realisasi_tahunan(ind, tahun);
            let c = k.ix.capaian(ind, target, r.as_ref().map(|r| &r.nilai));
            match (u, c) {
                (Ukuran::Capaian, Capaian::Ada { persen, .. }) => {
                    angka(persen, cara_capaian(target, r.as_ref().map(|r| &r.nilai)))
                }
                (Ukuran::Predikat, Capaian::Ada { persen, .. }) => Dihitung::Teks(
                    k.ix.skala.predikat(persen).label,
                    format!(
                        "capaian {} pada skala {}",
                        kinerja_core::angka::format_persen(persen, 2),
                        k.ix.skala.nama
                    ),
                ),
                (_, Capaian::TidakTersedia { alasan }) => tidak(alasan.pesan()),
                _ => tidak("-"),
            }
        }
        Ukuran::TargetAkhir => match pengukuran::tingkat_kemajuan(&k.ix, ind, tahun)
            .target_akhir
            .and_then(|t| t.angka_setara())
        {
            Some(v) => angka(v, "target tahun terakhir Renstra"),
            None => tidak("target akhir Renstra tidak tersedia"),
        },
        Ukuran::TingkatKemajuan => match pengukuran::tingkat_kemajuan(&k.ix, ind, tahun).kemajuan {
            Capaian::Ada { persen, .. } if matches!(t.nilai, NilaiTercatat::Teks(_)) => {
                Dihitung::Teks(
                    k.ix.skala.predikat(persen).label,
                    format!(
                        "tingkat kemajuan {}",
                        kinerja_core::angka::format_persen(persen, 2)
                    ),
                )
            }
            Capaian::Ada { persen, .. } => {
                angka(persen, "realisasi dibanding target akhir Renstra")
            }
            Capaian::TidakTersedia { alasan } => tidak(alasan.pesan()),
        },
        Ukuran::Nasional | Ukuran::SelisihNasional => {
            let b = pengukuran::bandingkan(&k.ix, ind, tahun, "nasional");
            match (u, b.pembanding.and_then(|n| n.angka_setara()), b.selisih) {
                (Ukuran::Nasional, Some(n), _) => angka(n, "angka nasional dalam data"),
                (Ukuran::SelisihNasional, _, Some(s)) => {
                    angka(s, "realisasi dikurangi angka nasional")
                }
                _ => tidak("angka nasional tidak tersedia dalam data"),
            }
        }
        _ => tidak("ukuran ini tidak berlaku untuk indikator"),
    }
}

/// How a capaian was measured, naming the value the realisasi was set against: for a range
/// target the bound it is beyond (PermenPANRB 8/2021), so a finding quotes the right one.
fn cara_capaian(target: Option<&Nilai>, realisasi: Option<&Nilai>) -> String {
    use kinerja_core::angka::format_angka;
    let (Some(t), Some(r)) = (target, realisasi.and_then(Nilai::angka_setara)) else {
        return "realisasi dibanding target".into();
    };
    if !t.is_rentang() {
        return "realisasi dibanding target".into();
    }
    match kinerja_core::capaian::target_acuan(t, r) {
        Some(b) => format!(
            "realisasi {} di luar target rentang \"{t}\", dibanding batas {} {}",
            format_angka(r, r.scale()),
            if r > b { "atas" } else { "bawah" },
            format_angka(b, b.scale())
        ),
        None => format!("realisasi dalam target rentang \"{t}\": 100 %"),
    }
}
