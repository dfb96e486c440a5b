//! One indicator rolled up over units (the OPD of a kabupaten, the kabupaten of a province), by
//! the indicator's declared `CaraWilayah`:
//! - `jumlah`: the sum of the units' realisasi;
//! - `rata_rata`: their mean, each unit counting once (exact, `tepat`);
//! - `rasio_jumlah` (formula indicators): the sum of the units' numerators over the sum of their
//!   denominators, times the factor; a unit whose own ratio is undefined (0 of 0 desa) still adds
//!   its parts. This is the region's true ratio; the mean of the units' ratios is not (a unit
//!   of 2 desa weighs as much as one of 200);
//! - `tidak`: not rolled up (an index, a rank): no figure.
//!
//! A unit without a figure (no realisasi; elements missing under its formula's strategy) is
//! left out, not counted as 0, and the roll-up says how many units reported.

use crate::capaian::AlasanTidakTersedia;
use crate::model::{CaraWilayah, DataInstansi, Indikator};
use crate::pengukuran::Indeks;
use crate::rumus::{Bagian, susun};
use crate::tepat::Pecahan;
use crate::waktu::{Periode, Tahun};
use rust_decimal::Decimal;
use serde::{Deserialize, Serialize};

/// One unit's figure of the indicator for the year.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct NilaiUnit {
    /// The unit's realisasi as a number (computed, for a formula indicator).
    pub realisasi: Option<Decimal>,
    /// A formula indicator's numerator and denominator.
    pub bagian: Option<Bagian>,
}

impl NilaiUnit {
    /// The figure of `ind` (an indicator of the unit's `data`) for `tahun`.
    pub fn dari_data(data: &DataInstansi, ind: &Indikator, tahun: Tahun) -> NilaiUnit {
        NilaiUnit::dari_indeks(&Indeks::new(data), ind, tahun)
    }

    /// The same over an index already built (one per data set, not one per indicator).
    pub fn dari_indeks(ix: &Indeks, ind: &Indikator, tahun: Tahun) -> NilaiUnit {
        NilaiUnit {
            realisasi: ix
                .realisasi_tahunan(ind, tahun)
                .and_then(|r| r.nilai.angka_setara()),
            bagian: ix
                .bagian_rumus(ind, tahun, Periode::Tahunan)
                .and_then(Result::ok),
        }
    }
}

/// The unit's indicator that rolls up into the region's indicator `id`: the one with that id,
/// else the one that cascades from it (`induk`).
pub fn indikator_unit<'a>(data: &'a DataInstansi, id: &str) -> Option<&'a Indikator> {
    data.indikator
        .iter()
        .find(|i| i.id.as_str() == id)
        .or_else(|| {
            data.indikator
                .iter()
                .find(|i| i.induk.as_deref() == Some(id))
        })
}

/// What a roll-up needs of one unit's data set for a year: every indicator with its figure.
/// Small, so a national roll-up keeps one per unit (20.560 OPD), not their data sets; the store
/// keeps it as JSON (serde), labelled with the data set's version.
#[derive(Debug, Clone, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct RingkasUnit {
    pub indikator: Vec<IndikatorUnit>,
}

/// One indicator of a unit: what identifies it in a roll-up, how it declares to roll up, and
/// its figure of the year.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct IndikatorUnit {
    pub id: String,
    pub induk: Option<String>,
    pub uraian: String,
    pub satuan: Option<String>,
    pub cara: CaraWilayah,
    /// The formula's factor.
    pub pengali: Option<Decimal>,
    pub nilai: NilaiUnit,
}

impl RingkasUnit {
    /// Every indicator of `data` with its figure for `tahun`, in the data's order.
    pub fn dari_data(data: &DataInstansi, tahun: Tahun) -> RingkasUnit {
        let ix = Indeks::new(data);
        RingkasUnit {
            indikator: data
                .indikator
                .iter()
                .map(|ind| IndikatorUnit {
                    id: ind.id.to_string(),
                    induk: ind.induk.as_ref().map(|x| x.to_string()),
                    uraian: ind.uraian.clone(),
                    satuan: ind.satuan.clone(),
                    cara: ind.cara_wilayah,
                    pengali: ind.rumus.as_ref().and_then(|r| r.pengali),
                    nilai: NilaiUnit::dari_indeks(&ix, ind, tahun),
                })
                .collect(),
        }
    }
}

/// A region's figure of one indicator, with how it was made.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct RekapIndikator {
    pub cara: CaraWilayah,
    /// Unrounded; the reason when there is none.
    pub nilai: Result<Decimal, AlasanTidakTersedia>,
    pub jumlah_unit: usize,
    /// Units whose figure went into it.
    pub melapor: usize,
}

impl RekapIndikator {
    /// How the figure was made, for a table's note: "jumlah unit, 3 dari 4 unit melapor".
    pub fn keterangan(&self) -> String {
        format!(
            "{}, {} dari {} unit melapor",
            self.cara.label(),
            self.melapor,
            self.jumlah_unit
        )
    }
}

/// A row of the region's indicator roll-up.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct BarisRekapIndikator {
    pub id: String,
    pub uraian: String,
    pub satuan: Option<String>,
    pub rekap: RekapIndikator,
}

/// Every indicator that declares a roll-up across units (`cara_wilayah` other than `tidak`),
/// over the units' data sets: the first unit that has it (by id) gives its wording, way and
/// factor; its units are the units that carry it (`indikator_unit`), and of those, a unit
/// without a figure counts as not reporting. In order of first appearance.
pub fn rekap_indikator_data(unit: &[&DataInstansi], tahun: Tahun) -> Vec<BarisRekapIndikator> {
    let ringkas: Vec<RingkasUnit> = unit
        .iter()
        .map(|d| RingkasUnit::dari_data(d, tahun))
        .collect();
    rekap_indikator_ringkas(&ringkas)
}

/// `rekap_indikator_data` over the units' summaries: the one roll-up, whether the units' data
/// sets are at hand (a kabupaten page) or were read a table at a time (the store's national
/// roll-up, `Toko::rekap_indikator_wilayah`). A unit's indicator for the region's indicator
/// `X` is the one with id `X`, else the first whose `induk` is `X` (`indikator_unit`).
pub fn rekap_indikator_ringkas<U: std::borrow::Borrow<RingkasUnit>>(
    unit: &[U],
) -> Vec<BarisRekapIndikator> {
    use std::collections::HashMap;
    // The region's indicators, in order of first appearance.
    let mut baris: Vec<(&IndikatorUnit, Vec<NilaiUnit>)> = Vec::new();
    let mut posisi: HashMap<&str, usize> = HashMap::new();
    for u in unit.iter().map(U::borrow) {
        for ind in u.indikator.iter().filter(|i| i.cara != CaraWilayah::Tidak) {
            if !posisi.contains_key(ind.id.as_str()) {
                posisi.insert(ind.id.as_str(), baris.len());
                baris.push((ind, Vec::new()));
            }
        }
    }
    // Each unit's figures to the rows they feed, a unit's indicators once each: by id first,
    // then the first cascading one for a row the unit has no indicator of.
    for u in unit.iter().map(U::borrow) {
        let ids: std::collections::HashSet<&str> =
            u.indikator.iter().map(|i| i.id.as_str()).collect();
        let mut diisi = std::collections::HashSet::new();
        for ind in &u.indikator {
            if let Some(&p) = posisi.get(ind.id.as_str())
                && diisi.insert(p)
            {
                baris[p].1.push(ind.nilai);
            }
        }
        for ind in &u.indikator {
            if let Some(induk) = ind.induk.as_deref()
                && !ids.contains(induk)
                && let Some(&p) = posisi.get(induk)
                && diisi.insert(p)
            {
                baris[p].1.push(ind.nilai);
            }
        }
    }
    baris
        .into_iter()
        .map(|(ind, nilai)| BarisRekapIndikator {
            id: ind.id.clone(),
            uraian: ind.uraian.clone(),
            satuan: ind.satuan.clone(),
            // The units of an indicator are those that carry it (by id or cascading): a
            // dinas's indicator is over the dinas of each kabupaten, not over every OPD.
            rekap: rekap_indikator(ind.cara, ind.pengali, &nilai),
        })
        .collect()
}

fn jumlah(xs: impl IntoIterator<Item = Option<Decimal>>) -> Option<Decimal> {
    xs.into_iter()
        .try_fold(Decimal::ZERO, |a, x| a.checked_add(x?))
}

/// The region's figure over `unit` (the units that carry the indicator) by `cara`; `pengali`
/// is the formula's factor (for `rasio_jumlah`; 1 when absent).
pub fn rekap_indikator(
    cara: CaraWilayah,
    pengali: Option<Decimal>,
    unit: &[NilaiUnit],
) -> RekapIndikator {
    use AlasanTidakTersedia::*;
    let angka: Vec<Decimal> = unit.iter().filter_map(|u| u.realisasi).collect();
    let (nilai, melapor) = match cara {
        CaraWilayah::Tidak => (Err(RealisasiKosong), 0),
        CaraWilayah::Jumlah | CaraWilayah::RataRata if angka.is_empty() => {
            (Err(RealisasiKosong), 0)
        }
        CaraWilayah::Jumlah => (
            jumlah(angka.iter().map(|x| Some(*x))).ok_or(MelebihiBatas),
            angka.len(),
        ),
        CaraWilayah::RataRata => (
            jumlah(angka.iter().map(|x| Some(*x)))
                .and_then(|s| Pecahan::new(s, Decimal::from(angka.len())))
                .and_then(|p| p.desimal())
                .ok_or(MelebihiBatas),
            angka.len(),
        ),
        CaraWilayah::RasioJumlah => {
            let b: Vec<&Bagian> = unit.iter().filter_map(|u| u.bagian.as_ref()).collect();
            let nilai = if b.is_empty() {
                Err(DataKosong)
            } else {
                let atas = jumlah(b.iter().map(|x| Some(x.pembilang))).ok_or(MelebihiBatas);
                // One formula: every unit has a denominator or none does.
                let bawah = if b.iter().all(|x| x.penyebut.is_none()) {
                    Ok(None)
                } else {
                    jumlah(b.iter().map(|x| x.penyebut))
                        .map(Some)
                        .ok_or(MelebihiBatas)
                };
                atas.and_then(|a| bawah.and_then(|q| susun(a, q, pengali.unwrap_or(Decimal::ONE))))
            };
            (nilai, b.len())
        }
    };
    RekapIndikator {
        cara,
        nilai,
        jumlah_unit: unit.len(),
        melapor,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    fn unit(p: Decimal, q: Decimal) -> NilaiUnit {
        NilaiUnit {
            realisasi: susun(p, Some(q), dec!(100)).ok(),
            bagian: Some(Bagian {
                pembilang: p,
                penyebut: Some(q),
            }),
        }
    }

    #[test]
    fn the_ratio_of_sums_is_not_the_mean_of_ratios() {
        // Kecamatan A: 1 of 2 desa on time (50 %); B: 18 of 20 (90 %); C: 0 of 0 (no ratio of
        // its own); D: nothing entered.
        // Ratio of sums: (1 + 18 + 0) / (2 + 20 + 0) x 100 = 19/22 x 100 = 86,3636... -> 86,36 %.
        // Mean of ratios: (50 + 90) / 2 = 70 %: A's 2 desa weigh as much as B's 20.
        let v = [
            unit(dec!(1), dec!(2)),
            unit(dec!(18), dec!(20)),
            unit(dec!(0), dec!(0)),
            NilaiUnit::default(),
        ];
        let r = rekap_indikator(CaraWilayah::RasioJumlah, Some(dec!(100)), &v);
        assert_eq!(
            r.nilai.map(|x| crate::angka::bulatkan(x, 2)),
            Ok(dec!(86.36))
        );
        assert_eq!((r.melapor, r.jumlah_unit), (3, 4));
        assert_eq!(
            r.keterangan(),
            "rasio jumlah pembilang dan penyebut unit, 3 dari 4 unit melapor"
        );
        let m = rekap_indikator(CaraWilayah::RataRata, None, &v);
        assert_eq!(m.nilai, Ok(dec!(70)));
        assert_eq!(m.melapor, 2, "C has no ratio of its own, D nothing");
    }

    #[test]
    fn sum_mean_and_none() {
        let r = |x| NilaiUnit {
            realisasi: Some(x),
            bagian: None,
        };
        let v = [r(dec!(120)), r(dec!(80)), r(dec!(101))];
        // 120 + 80 + 101 = 301 documents; mean 301 / 3 = 100,333... -> 100,33.
        assert_eq!(
            rekap_indikator(CaraWilayah::Jumlah, None, &v).nilai,
            Ok(dec!(301))
        );
        assert_eq!(
            rekap_indikator(CaraWilayah::RataRata, None, &v)
                .nilai
                .map(|x| crate::angka::bulatkan(x, 2)),
            Ok(dec!(100.33))
        );
        let t = rekap_indikator(CaraWilayah::Tidak, None, &v);
        assert_eq!(t.nilai, Err(AlasanTidakTersedia::RealisasiKosong));
        assert_eq!(t.keterangan(), "tidak direkap, 0 dari 3 unit melapor");
        // No unit reported: not 0.
        let kosong = [NilaiUnit::default(); 2];
        assert!(
            rekap_indikator(CaraWilayah::Jumlah, None, &kosong)
                .nilai
                .is_err()
        );
        assert_eq!(
            rekap_indikator(CaraWilayah::RasioJumlah, Some(dec!(100)), &kosong).nilai,
            Err(AlasanTidakTersedia::DataKosong)
        );
        // All units 0 of 0: the region's denominator is 0.
        let nol = [unit(dec!(0), dec!(0)); 2];
        assert_eq!(
            rekap_indikator(CaraWilayah::RasioJumlah, Some(dec!(100)), &nol).nilai,
            Err(AlasanTidakTersedia::PenyebutNol)
        );
    }

    #[test]
    fn units_from_their_data() {
        // Two kecamatan data sets (the fixture twice), DESA a formula indicator: 1 of 2 and
        // 18 of 20 desa; the region: 19/22 = 86,36 %, against a mean of 70 %.
        use crate::uji_rumus::{dengan_rumus, nilai};
        let buat = |p: Decimal, q: Decimal| {
            let mut d = dengan_rumus();
            d.nilai_data = vec![
                nilai("desa_tepat_waktu", 2020, Periode::Tahunan, p),
                nilai("jumlah_desa", 2020, Periode::Tahunan, q),
            ];
            d
        };
        let data = [buat(dec!(1), dec!(2)), buat(dec!(18), dec!(20))];
        let t = crate::uji::tahun(2020);
        let v: Vec<NilaiUnit> = data
            .iter()
            .map(|d| NilaiUnit::dari_data(d, indikator_unit(d, "DESA").unwrap(), t))
            .collect();
        assert_eq!(v[0].realisasi, Some(dec!(50)));
        let r = rekap_indikator(CaraWilayah::RasioJumlah, Some(dec!(100)), &v);
        assert_eq!(
            r.nilai.map(|x| crate::angka::bulatkan(x, 2)),
            Ok(dec!(86.36))
        );
        assert_eq!(
            rekap_indikator(CaraWilayah::RataRata, None, &v).nilai,
            Ok(dec!(70))
        );
        // The same through the rows a region page shows: only indicators that declare a way.
        let unit: Vec<&DataInstansi> = data.iter().collect();
        assert!(rekap_indikator_data(&unit, t).is_empty());
        let mut data = data;
        for d in &mut data {
            for i in d.indikator.iter_mut().filter(|i| i.id.as_str() == "DESA") {
                i.cara_wilayah = CaraWilayah::RasioJumlah;
            }
        }
        let unit: Vec<&DataInstansi> = data.iter().collect();
        let b = rekap_indikator_data(&unit, t);
        assert_eq!(b.len(), 1);
        assert_eq!(
            b[0].rekap.nilai.map(|x| crate::angka::bulatkan(x, 2)),
            Ok(dec!(86.36))
        );
        assert_eq!(b[0].rekap.melapor, 2);
    }

    #[test]
    fn an_indicator_is_rolled_up_over_the_units_that_carry_it() {
        // A kabupaten of three OPD: the dinas of education and of health carry their own
        // indicator each (SEKOLAH: 40 and 60 schools, summed; PUSKESMAS: 12 in one dinas),
        // the third OPD carries neither. SEKOLAH: 40 + 60 = 100, 2 of 2 units reporting (not
        // 2 of 3); PUSKESMAS: 12, 1 of 1 (not 1 of 3).
        let ind = |id: &str, x: Decimal| IndikatorUnit {
            id: id.into(),
            induk: None,
            uraian: id.into(),
            satuan: None,
            cara: CaraWilayah::Jumlah,
            pengali: None,
            nilai: NilaiUnit {
                realisasi: Some(x),
                bagian: None,
            },
        };
        let unit = [
            RingkasUnit {
                indikator: vec![ind("SEKOLAH", dec!(40)), ind("PUSKESMAS", dec!(12))],
            },
            RingkasUnit {
                indikator: vec![ind("SEKOLAH", dec!(60))],
            },
            RingkasUnit::default(),
        ];
        let b = rekap_indikator_ringkas(&unit);
        assert_eq!(b.len(), 2);
        assert_eq!(b[0].id, "SEKOLAH");
        assert_eq!(b[0].rekap.nilai, Ok(dec!(100)));
        assert_eq!((b[0].rekap.melapor, b[0].rekap.jumlah_unit), (2, 2));
        assert_eq!(b[1].rekap.nilai, Ok(dec!(12)));
        assert_eq!((b[1].rekap.melapor, b[1].rekap.jumlah_unit), (1, 1));
        assert_eq!(
            b[1].rekap.keterangan(),
            "jumlah unit, 1 dari 1 unit melapor"
        );
    }
}
