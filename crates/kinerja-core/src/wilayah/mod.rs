//! A roll-up over a region (a kabupaten, a province): each reporting instansi's figures of a
//! year and the region's figures over them. The budget totals of each instansi are the
//! caller's (the store sums them in SQL; without a store, `anggaran::ringkas`); how they
//! combine is decided here.
//!
//! Decisions no regulation settles:
//! - an instansi's capaian is the plain mean of its measured sasaran indicators
//!   (`capaian::rata_rata`), its predikat read on the instansi's own scale;
//! - the region's capaian is the plain mean of the instansi means, taken exactly over exact
//!   means (`tepat`) so it rounds like the true value: each instansi counts once,
//!   however many indicators it has; an instansi with no measured capaian is left out and
//!   counted (`capaian_terukur`);
//! - the region's serapan is the realisasi over the pagu of the instansi that reported a
//!   realisasi: an instansi that has not reported is not zero, it is left out and counted
//!   (`belum_melapor`).
//!
//! One indicator across units, by its declared `CaraWilayah` (sum, mean, ratio of sums,
//! none): `indikator`.

mod indikator;
pub use indikator::{
    BarisRekapIndikator, IndikatorUnit, NilaiUnit, RekapIndikator, RingkasUnit, indikator_unit,
    rekap_indikator, rekap_indikator_data, rekap_indikator_ringkas,
};

use crate::anggaran;
use crate::capaian;
use crate::model::DataInstansi;
use crate::pengukuran::{Indeks, ukur};
use crate::predikat::Predikat;
use crate::tepat::Rasional;
use crate::uang::Rupiah;
use crate::waktu::Tahun;
use rust_decimal::Decimal;

/// One instansi's figures of a year in a regional roll-up.
#[derive(Debug, Clone, PartialEq)]
pub struct AngkaInstansi {
    /// Mean capaian of the measured sasaran indicators, unrounded.
    pub capaian_rata: Option<Decimal>,
    /// The same mean exactly, so the region's mean of means is exact too.
    pub capaian_tepat: Option<Rasional>,
    pub predikat: Option<Predikat>,
    /// Sasaran indicators measured or not.
    pub jumlah_indikator: usize,
    pub pagu: Rupiah,
    /// `None`: no budget line has a reported realisasi.
    pub realisasi: Option<Rupiah>,
    /// Realisasi over pagu, percent, unrounded.
    pub serapan: Option<Decimal>,
}

impl AngkaInstansi {
    /// The capaian from the data, the budget totals as the caller summed them.
    pub fn baru(
        data: &DataInstansi,
        tahun: Tahun,
        pagu: Rupiah,
        realisasi: Option<Rupiah>,
    ) -> AngkaInstansi {
        let ix = Indeks::new(data);
        let tabel = ukur(&ix, tahun);
        let semua: Vec<_> = tabel.baris.iter().map(|b| b.capaian).collect();
        let tepat = capaian::rata_rata_tepat(&semua);
        let rata = tepat.as_ref().and_then(Rasional::desimal);
        AngkaInstansi {
            capaian_rata: rata,
            capaian_tepat: tepat,
            predikat: rata.map(|r| ix.skala.predikat(r)),
            jumlah_indikator: tabel.baris.len(),
            pagu,
            realisasi,
            serapan: realisasi.and_then(|r| anggaran::persen(r.nilai(), pagu.nilai())),
        }
    }

    /// Everything from the data, the budget totals by `anggaran::ringkas`.
    pub fn dari_data(data: &DataInstansi, tahun: Tahun) -> AngkaInstansi {
        let total = anggaran::ringkas(data, tahun).total;
        AngkaInstansi::baru(data, tahun, total.pagu, total.realisasi)
    }
}

/// The region's figures over its instansi.
#[derive(Debug, Clone, PartialEq)]
pub struct RekapWilayah {
    pub jumlah_instansi: usize,
    pub jumlah_indikator: usize,
    /// Mean of the instansi means, unrounded.
    pub capaian_rata: Option<Decimal>,
    /// Instansi with a measured capaian.
    pub capaian_terukur: usize,
    pub pagu: Rupiah,
    /// Sum of the reported realisasi (zero when none reported).
    pub realisasi: Rupiah,
    /// Realisasi over the pagu of the instansi that reported, percent, unrounded.
    pub serapan: Option<Decimal>,
    /// Instansi without a reported realisasi.
    pub belum_melapor: usize,
    /// The indicators that declare a roll-up across units (`rekap_indikator_data`); `rekap`
    /// leaves it empty, the caller holding the units' data sets fills it.
    pub indikator: Vec<BarisRekapIndikator>,
}

pub fn rekap<'a>(angka: impl IntoIterator<Item = &'a AngkaInstansi>) -> RekapWilayah {
    let angka: Vec<&AngkaInstansi> = angka.into_iter().collect();
    let ada: Vec<Rasional> = angka
        .iter()
        .filter_map(|a| {
            // The exact mean when it is the one printed (a caller may have set only the decimal).
            let rata = a.capaian_rata?;
            Some(match &a.capaian_tepat {
                Some(t) if t.desimal() == Some(rata) => t.clone(),
                _ => Rasional::desimal_ke(rata),
            })
        })
        .collect();
    let lapor: Vec<&&AngkaInstansi> = angka.iter().filter(|a| a.realisasi.is_some()).collect();
    let realisasi: Rupiah = lapor.iter().filter_map(|a| a.realisasi).sum();
    let pagu_lapor: Rupiah = lapor.iter().map(|a| a.pagu).sum();
    RekapWilayah {
        jumlah_instansi: angka.len(),
        jumlah_indikator: angka.iter().map(|a| a.jumlah_indikator).sum(),
        capaian_rata: (!ada.is_empty())
            .then(|| {
                ada.iter()
                    .fold(Rasional::nol(), |a, x| a.tambah(x))
                    .bagi(ada.len())
                    .desimal()
            })
            .flatten(),
        capaian_terukur: ada.len(),
        pagu: angka.iter().map(|a| a.pagu).sum(),
        realisasi,
        serapan: (!lapor.is_empty())
            .then(|| anggaran::persen(realisasi.nilai(), pagu_lapor.nilai()))
            .flatten(),
        belum_melapor: angka.len() - lapor.len(),
        indikator: Vec::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::uji::{mumbulsari, rp, tahun};
    use rust_decimal_macros::dec;

    fn angka(capaian: Option<Decimal>, pagu: &str, realisasi: Option<&str>) -> AngkaInstansi {
        AngkaInstansi {
            capaian_rata: capaian,
            capaian_tepat: None,
            predikat: None,
            jumlah_indikator: 2,
            pagu: rp(pagu),
            realisasi: realisasi.map(rp),
            serapan: None,
        }
    }

    #[test]
    fn an_instansi_from_its_data_agrees_with_the_measurement_and_the_budget() {
        let d = mumbulsari();
        let a = AngkaInstansi::dari_data(&d, tahun(2020));
        let ix = Indeks::new(&d);
        let baris = ukur(&ix, tahun(2020)).baris;
        assert_eq!(a.jumlah_indikator, baris.len());
        let c: Vec<_> = baris.iter().map(|b| b.capaian).collect();
        assert_eq!(a.capaian_rata, capaian::rata_rata(&c));
        let t = anggaran::ringkas(&d, tahun(2020)).total;
        assert_eq!(
            (a.pagu, a.realisasi, a.serapan),
            (t.pagu, t.realisasi, t.persen)
        );
        assert_eq!(
            a.predikat.map(|p| p.label),
            a.capaian_rata.map(|r| ix.skala.predikat(r).label)
        );
    }

    #[test]
    fn serapan_of_one_instansi_is_realisasi_over_its_pagu() {
        let d = mumbulsari();
        // 750.000 of 1.000.000 = 75 %; no realisasi, no serapan (not 0 %).
        let a = AngkaInstansi::baru(&d, tahun(2020), rp("1000000"), Some(rp("750000")));
        assert_eq!(a.serapan, Some(dec!(75)));
        let b = AngkaInstansi::baru(&d, tahun(2020), rp("1000000"), None);
        assert_eq!(b.serapan, None);
        let c = AngkaInstansi::baru(&d, tahun(2020), Rupiah::NOL, Some(Rupiah::NOL));
        assert_eq!(c.serapan, None, "no pagu, no percentage");
    }

    #[test]
    fn the_region_leaves_out_what_is_missing_and_counts_it() {
        let v = [
            angka(Some(dec!(90)), "100", Some("80")),
            angka(Some(dec!(70)), "300", None),
            angka(None, "200", Some("50")),
        ];
        let r = rekap(&v);
        assert_eq!(r.jumlah_instansi, 3);
        assert_eq!(r.jumlah_indikator, 6);
        // (90 + 70) / 2 = 80: the third has no capaian and is not counted as 0.
        assert_eq!(r.capaian_rata, Some(dec!(80)));
        assert_eq!(r.capaian_terukur, 2);
        assert_eq!(r.pagu, rp("600"));
        // Realisasi 80 + 50 = 130 over the pagu of those that reported, 100 + 200 = 300:
        // 43,33... %, not 130 / 600.
        assert_eq!(r.realisasi, rp("130"));
        assert_eq!(r.serapan, anggaran::persen(dec!(130), dec!(300)));
        assert_eq!(r.belum_melapor, 1);
    }

    #[test]
    fn the_region_mean_of_exact_instansi_means_is_exact() {
        // Three instansi whose means are 100/3, 500/6 and 66791/600 %: the region's mean is
        // (20000 + 50000 + 66791) / 600 / 3 = 227,985 / 3 = 75,995 exactly, which prints 76,00;
        // from the instansi means cut to 28 digits it would print 75,99.
        let mut v = [
            angka(None, "1", None),
            angka(None, "1", None),
            angka(None, "1", None),
        ];
        for (a, (p, q)) in v.iter_mut().zip([(100, 3), (500, 6), (66791, 600)]) {
            let r = crate::tepat::Pecahan::new(Decimal::from(p), Decimal::from(q))
                .unwrap()
                .rasional();
            a.capaian_rata = r.desimal();
            a.capaian_tepat = Some(r);
        }
        let r = rekap(&v);
        assert_eq!(r.capaian_rata, Some(dec!(75.995)));
        assert_eq!(
            crate::angka::bulatkan(r.capaian_rata.unwrap(), 2),
            dec!(76.00)
        );
    }

    #[test]
    fn an_empty_region_has_no_figures() {
        let r = rekap(&[]);
        assert_eq!(r.jumlah_instansi, 0);
        assert_eq!((r.capaian_rata, r.serapan), (None, None));
        assert_eq!((r.pagu, r.realisasi), (Rupiah::NOL, Rupiah::NOL));
    }
}
