//! What an anonymous reader (or anyone without the right to unpublished data) may see of a data
//! set: the plan, and the figures of the published years only. Every public page and API answer
//! is computed from [`untuk_publik`]'s result, so a figure of an unpublished year cannot reach
//! the public through a trend table, a chart or a roll-up.

use crate::model::{DataInstansi, DokumenTarget};
use crate::waktu::Tahun;

/// The data set `data` as seen by a reader who may read only the years in `terbit`.
///
/// Per table:
/// - kept whole: `instansi`, `reorganisasi` (which instansi became which: the organisation,
///   public like the instansi), `pejabat`, the plan (`renstra`, `tujuan`, `sasaran`, `strategi`,
///   `kebijakan`, `program`, `kegiatan`, `sub_kegiatan`, `indikator`, `iku`), `skala`,
///   `pengaturan`: plan documents are public once anything is, and carry no measured figure;
/// - `target`: Renstra targets (the plan) kept for every year; RKT, PK and Pengukuran targets
///   belong to that year's documents and go with them;
/// - dropped outside `terbit`: `realisasi` (every period: a quarter of an unpublished year is
///   unpublished too), `nilai_data` (the raw counts a formula indicator's realisasi is computed
///   from: an unpublished year's realisasi by another road), `pembanding`, `rkt`,
///   `perjanjian_kinerja`, `anggaran` (the whole line: pagu and realisasi of an unpublished
///   year's budget), `skm` and its `tindak_lanjut_skm` (the follow-up plan goes with its
///   survey), `laporan` (its narrative),
///   `tercatat` (a stated figure goes with the document that states it: the year in the
///   document's name, else its own; one placed in no year goes too);
/// - `pohon` (the pemda's pohon kinerja), its `simpul` and `crosscutting`: a year's tree carries
///   that year's targets like its Perjanjian Kinerja, so it goes with the year;
/// - `reviu`, the reviewer's acceptances of reviu findings: kept once a year is published, as
///   the published report rests on them (an accepted finding no longer blocks the final
///   report, so without them the public would get a draft of a report the instansi published
///   as final); with nothing published they go with everything else;
/// - `jawaban_evaluasi` (the Evaluasi AKIP worksheet's answers, notes and evidence): dropped
///   whole, whatever is published; the evaluation is the inspektorat's working paper, and
///   `status_evaluasi` (where each year's evaluation stands) with it.
pub fn untuk_publik(data: &DataInstansi, terbit: &[Tahun]) -> DataInstansi {
    let boleh = |t: Tahun| terbit.contains(&t);
    // Every table is named here (no `..`): a new table does not compile until it is decided
    // whether the public may see it, so nothing new leaks by default.
    let DataInstansi {
        instansi,
        reorganisasi,
        pejabat,
        renstra,
        tujuan,
        sasaran,
        strategi,
        kebijakan,
        program,
        kegiatan,
        sub_kegiatan,
        indikator,
        target,
        realisasi,
        pembanding,
        rkt,
        perjanjian_kinerja,
        iku,
        anggaran,
        skm,
        tindak_lanjut_skm,
        kuesioner_skm,
        laporan,
        tercatat,
        skala,
        reviu,
        pengaturan,
        pohon,
        simpul,
        crosscutting,
        jawaban_evaluasi: _,
        status_evaluasi: _,
        data_elemen,
        nilai_data,
    } = data.clone();
    let skm = saring(skm, |x| boleh(x.tahun));
    // A follow-up plan belongs to its survey's year.
    let tindak_lanjut_skm = saring(tindak_lanjut_skm, |x| skm.iter().any(|s| s.id == x.survei));
    let pohon = saring(pohon, |x| boleh(x.tahun));
    let simpul = saring(simpul, |x| pohon.iter().any(|p| p.id == x.pohon));
    let crosscutting = saring(crosscutting, |x| simpul.iter().any(|s| s.id == x.dari));
    DataInstansi {
        pohon,
        simpul,
        crosscutting,
        instansi,
        reorganisasi,
        pejabat,
        renstra,
        tujuan,
        sasaran,
        strategi,
        kebijakan,
        program,
        kegiatan,
        sub_kegiatan,
        indikator,
        iku,
        skala,
        pengaturan,
        data_elemen,
        target: saring(target, |x| {
            x.dokumen == DokumenTarget::Renstra || boleh(x.tahun)
        }),
        realisasi: saring(realisasi, |x| boleh(x.tahun)),
        nilai_data: saring(nilai_data, |x| boleh(x.tahun)),
        pembanding: saring(pembanding, |x| boleh(x.tahun)),
        rkt: saring(rkt, |x| boleh(x.tahun)),
        perjanjian_kinerja: saring(perjanjian_kinerja, |x| boleh(x.tahun)),
        anggaran: saring(anggaran, |x| boleh(x.tahun)),
        skm,
        tindak_lanjut_skm,
        // The questions the public survey form asks anyway.
        kuesioner_skm,
        laporan: saring(laporan, |x| boleh(x.tahun)),
        tercatat: saring(tercatat, |x| x.tahun_dokumen().is_some_and(boleh)),
        reviu: if terbit.is_empty() { Vec::new() } else { reviu },
        // The inspektorat's working papers are not the public's.
        jawaban_evaluasi: Vec::new(),
        status_evaluasi: Vec::new(),
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
                populasi: None,
                unsur: vec![],
                catatan: None,
            });
            d.tindak_lanjut_skm.push(TindakLanjutSkm {
                id: TindakLanjutId::new(format!("rtl-{t}")).unwrap(),
                survei: SurveiId::new(format!("skm-{t}")).unwrap(),
                unsur: 1,
                kegiatan: format!("Tindak lanjut {t}"),
                jadwal: "Triwulan I".into(),
                penanggung_jawab: "Seksi".into(),
                status: StatusTindakLanjut::Rencana,
                hasil: None,
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
        // A follow-up plan's year is its survey's (`rtl-{year}` in the fixture).
        v.extend(d.tindak_lanjut_skm.iter().map(|x| {
            let t = x.id.as_str().trim_start_matches("rtl-").parse().unwrap();
            ("tindak_lanjut_skm", t)
        }));
        v.extend(
            d.tercatat
                .iter()
                .map(|x| ("tercatat", x.tahun_dokumen().map_or(0, |t| t.get()))),
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
            "tindak_lanjut_skm",
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
    fn a_stated_figure_goes_with_the_document_that_states_it() {
        let mut d = dua_tahun();
        // The fixture's first figure (`LKjIP 2020`) has no year of its own: it is the 2020
        // report's. A 2020 figure stated in the unpublished 2021 report (its comparison column)
        // is that report's, and stays out with it.
        let mut lalu = d.tercatat[1].clone();
        lalu.tahun = Some(th(2020));
        d.tercatat.push(lalu);
        let p = untuk_publik(&d, &[th(2020)]);
        assert_eq!(p.tercatat, vec![d.tercatat[0].clone()]);
        let p = untuk_publik(&d, &[th(2021)]);
        assert_eq!(p.tercatat, d.tercatat[1..].to_vec());
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

    #[test]
    fn evaluation_answers_are_never_public() {
        // The inspektorat's working paper: dropped even for a published year.
        let mut d = dua_tahun();
        d.jawaban_evaluasi.push(JawabanEvaluasi {
            tahun: th(2020),
            kriteria: "1.a.1".into(),
            opd: None,
            evaluator: Some(Penilaian {
                jawaban: "BB".into(),
                catatan: Some("catatan evaluator".into()),
                bukti: Vec::new(),
                usulan: None,
            }),
            rekomendasi: Some("rekomendasi".into()),
            tindak_lanjut: None,
        });
        assert!(
            untuk_publik(&d, &[th(2020), th(2021)])
                .jawaban_evaluasi
                .is_empty()
        );
    }
}
