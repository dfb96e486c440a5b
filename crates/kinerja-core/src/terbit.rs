//! What an anonymous reader (or anyone without the right to unpublished data) may see of a data
//! set: the plan, and the figures of the published years only. Every public page and API answer
//! is computed from [`untuk_publik`]'s result, so a figure of an unpublished year cannot reach
//! the public through a trend table, a chart or a roll-up.

use crate::model::{DataInstansi, DokumenTarget};
use crate::waktu::Tahun;

/// The data set `data` as seen by a reader who may read only the years in `terbit`.
///
/// Per table:
/// - kept whole: `instansi`, `pejabat`, the plan (`renstra`, `tujuan`, `sasaran`, `strategi`,
///   `kebijakan`, `program`, `kegiatan`, `sub_kegiatan`, `indikator`, `iku`), `skala`,
///   `pengaturan`: plan documents are public once anything is, and carry no measured figure;
/// - `target`: Renstra targets (the plan) kept for every year; RKT, PK and Pengukuran targets
///   belong to that year's documents and go with them;
/// - dropped outside `terbit`: `realisasi` (every period: a quarter of an unpublished year is
///   unpublished too), `nilai_data` (the raw counts a formula indicator's realisasi is computed
///   from: an unpublished year's realisasi by another road), `pembanding`, `rkt`, `perjanjian_kinerja`, `anggaran` (the whole line:
///   pagu and realisasi of an unpublished year's budget), `skm`, `laporan` (its narrative),
///   `tercatat` (a stated figure without a year cannot be placed, so it goes too);
/// - `reviu`, the reviewer's acceptances of reviu findings: kept once a year is published, as
///   the published report rests on them (an accepted finding no longer blocks the final
///   report, so without them the public would get a draft of a report the instansi published
///   as final); with nothing published they go with everything else.
pub fn untuk_publik(data: &DataInstansi, terbit: &[Tahun]) -> DataInstansi {
    let boleh = |t: Tahun| terbit.contains(&t);
    let d = data.clone();
    DataInstansi {
        target: saring(d.target, |x| {
            x.dokumen == DokumenTarget::Renstra || boleh(x.tahun)
        }),
        realisasi: saring(d.realisasi, |x| boleh(x.tahun)),
        nilai_data: saring(d.nilai_data, |x| boleh(x.tahun)),
        pembanding: saring(d.pembanding, |x| boleh(x.tahun)),
        rkt: saring(d.rkt, |x| boleh(x.tahun)),
        perjanjian_kinerja: saring(d.perjanjian_kinerja, |x| boleh(x.tahun)),
        anggaran: saring(d.anggaran, |x| boleh(x.tahun)),
        skm: saring(d.skm, |x| boleh(x.tahun)),
        laporan: saring(d.laporan, |x| boleh(x.tahun)),
        tercatat: saring(d.tercatat, |x| x.tahun.is_some_and(boleh)),
        reviu: if terbit.is_empty() {
            Vec::new()
        } else {
            d.reviu
        },
        ..d
    }
}

fn saring<T>(v: Vec<T>, mut tetap: impl FnMut(&T) -> bool) -> Vec<T> {
    v.into_iter().filter(|x| tetap(x)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::id::*;
    use crate::model::*;
    use crate::uji::{mumbulsari, n, realisasi, rp, tahun as th, target};
    use crate::waktu::Periode;

    /// Mumbulsari with one record of every year-bearing table in 2020 (published) and in 2021
    /// (not), each 2021 figure distinctive.
    fn dua_tahun() -> DataInstansi {
        let mut d = mumbulsari();
        let mum = || InstansiId::new("mumbulsari").unwrap();
        for t in [2020, 2021] {
            d.realisasi.push(realisasi("DESA", t, Periode::Tw2, "77,7"));
            d.nilai_data.push(crate::uji_rumus::nilai(
                "jumlah_desa",
                t,
                Periode::Tahunan,
                rust_decimal::Decimal::from(t - 2010),
            ));
            d.target
                .push(target("DESA", t, DokumenTarget::Renstra, "90"));
            d.target
                .push(target("DESA", t, DokumenTarget::PerjanjianKinerja, "91"));
            d.pembanding.push(Pembanding {
                indikator: IndikatorId::new("DESA").unwrap(),
                tahun: th(t),
                lingkup: "nasional".into(),
                nilai: n("55"),
                sumber: None,
                catatan: None,
            });
            d.rkt.push(Rkt {
                id: RktId::new(format!("rkt-{t}")).unwrap(),
                instansi: mum(),
                tahun: th(t),
                program: vec![],
                kegiatan: vec![],
                catatan: None,
            });
            d.skm.push(SurveiSkm {
                id: SurveiId::new(format!("skm-{t}")).unwrap(),
                instansi: mum(),
                tahun: th(t),
                regime: "permenpanrb-14-2017".into(),
                indikator: None,
                responden: Some(7),
                unsur: vec![],
                catatan: None,
            });
            d.tercatat.push(Tercatat {
                lokasi: Lokasi {
                    dokumen: format!("LKjIP {t}"),
                    bagian: "Tabel 3.1".into(),
                    baris: None,
                },
                subjek: Subjek::Instansi,
                ukuran: Ukuran::Pagu,
                tahun: Some(th(t)),
                nilai: NilaiTercatat::Teks("1".into()),
                tertulis: None,
                catatan: None,
            });
            let mut a = d.anggaran[0].clone();
            a.tahun = th(t);
            a.realisasi = Some(rp("123456789.00"));
            d.anggaran.push(a);
        }
        d.tercatat[0].tahun = None;
        d.reviu.push(PenerimaanTemuan {
            aturan: "R1".into(),
            kunci: "k".into(),
            alasan: "diterima".into(),
            oleh: None,
            tanggal: None,
        });
        d
    }

    fn tahun_semua(d: &DataInstansi) -> Vec<(&'static str, u16)> {
        let mut v = vec![];
        v.extend(d.realisasi.iter().map(|x| ("realisasi", x.tahun.get())));
        v.extend(d.nilai_data.iter().map(|x| ("nilai_data", x.tahun.get())));
        v.extend(d.pembanding.iter().map(|x| ("pembanding", x.tahun.get())));
        v.extend(d.rkt.iter().map(|x| ("rkt", x.tahun.get())));
        v.extend(d.perjanjian_kinerja.iter().map(|x| ("pk", x.tahun.get())));
        v.extend(d.anggaran.iter().map(|x| ("anggaran", x.tahun.get())));
        v.extend(d.skm.iter().map(|x| ("skm", x.tahun.get())));
        v.extend(d.laporan.iter().map(|x| ("laporan", x.tahun.get())));
        v.extend(
            d.tercatat
                .iter()
                .map(|x| ("tercatat", x.tahun.map_or(0, |t| t.get()))),
        );
        v.extend(
            d.target
                .iter()
                .filter(|x| x.dokumen != DokumenTarget::Renstra)
                .map(|x| ("target", x.tahun.get())),
        );
        v
    }

    #[test]
    fn only_published_years_remain_in_every_dated_table() {
        let d = dua_tahun();
        // The fixture has every dated table in 2021, so the check below can fail.
        let sebelum = tahun_semua(&d);
        for tabel in [
            "realisasi",
            "nilai_data",
            "pembanding",
            "rkt",
            "anggaran",
            "skm",
            "tercatat",
            "target",
        ] {
            assert!(sebelum.contains(&(tabel, 2021)), "{tabel}");
        }
        let p = untuk_publik(&d, &[th(2020)]);
        let sesudah = tahun_semua(&p);
        assert!(sesudah.iter().all(|(_, t)| *t == 2020), "{sesudah:?}");
        // Every 2020 record stays: the filter takes nothing of a published year.
        let tetap = |v: &[(&str, u16)]| v.iter().filter(|(_, t)| *t == 2020).count();
        assert_eq!(tetap(&sebelum), tetap(&sesudah));
        // The acceptances the published report rests on stay.
        assert_eq!(p.reviu, d.reviu);
        // Renstra targets are the plan: both years stay.
        let renstra = |d: &DataInstansi| {
            d.target
                .iter()
                .filter(|x| x.dokumen == DokumenTarget::Renstra)
                .count()
        };
        assert_eq!(renstra(&p), renstra(&d));
        assert_eq!(p.indikator, d.indikator);
        assert_eq!(p.sasaran, d.sasaran);
        assert_eq!(p.program, d.program);
    }

    #[test]
    fn nothing_published_leaves_only_the_plan() {
        let d = dua_tahun();
        let p = untuk_publik(&d, &[]);
        assert!(tahun_semua(&p).is_empty());
        assert!(p.reviu.is_empty());
        assert_eq!(p.renstra, d.renstra);
        assert_eq!(p.instansi, d.instansi);
    }
}
