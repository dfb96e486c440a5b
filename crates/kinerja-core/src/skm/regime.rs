//! Survey regimes as data: unsur, printed weight and interval table per regulation.

use rust_decimal::Decimal;
use serde::Serialize;

use super::GalatSkm;
use super::json;

/// Mutu pelayanan (service quality grade) of an interval table.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
pub enum Mutu {
    A,
    B,
    C,
    D,
}

impl std::fmt::Display for Mutu {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(match self {
            Mutu::A => "A",
            Mutu::B => "B",
            Mutu::C => "C",
            Mutu::D => "D",
        })
    }
}

/// Kinerja unit pelayanan: the label beside a mutu (also the seed's per-unsur "predikat").
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
pub enum KinerjaUnit {
    #[serde(rename = "Tidak Baik")]
    TidakBaik,
    #[serde(rename = "Kurang Baik")]
    KurangBaik,
    #[serde(rename = "Baik")]
    Baik,
    #[serde(rename = "Sangat Baik")]
    SangatBaik,
}

impl KinerjaUnit {
    pub fn label(self) -> &'static str {
        match self {
            KinerjaUnit::TidakBaik => "Tidak Baik",
            KinerjaUnit::KurangBaik => "Kurang Baik",
            KinerjaUnit::Baik => "Baik",
            KinerjaUnit::SangatBaik => "Sangat Baik",
        }
    }
}

impl std::fmt::Display for KinerjaUnit {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.label())
    }
}

/// One row of a regime's interval table, with the bounds as the regulation prints them.
/// Only `nik_bawah` is used to classify; the other bounds are for display.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Interval {
    #[serde(serialize_with = "json::angka")]
    pub ni_bawah: Decimal,
    #[serde(serialize_with = "json::angka")]
    pub ni_atas: Decimal,
    #[serde(serialize_with = "json::angka")]
    pub nik_bawah: Decimal,
    #[serde(serialize_with = "json::angka")]
    pub nik_atas: Decimal,
    pub mutu: Mutu,
    pub kinerja_unit: KinerjaUnit,
}

/// A survey regulation: its standard unsur, the rounded weight it prints, its interval table.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Regime {
    /// Short code used on the command line and in files: `"2017"`, `"2004"`.
    pub kode: String,
    /// The identifier the data file uses (`model::SurveiSkm::regime`): `permenpanrb-14-2017`.
    pub pengenal: String,
    pub nama: String,
    /// The regulation's own names of the unsur, in order.
    pub unsur_baku: Vec<String>,
    /// The weight the regulation prints (1/n rounded to three decimals).
    #[serde(serialize_with = "json::angka")]
    pub bobot_cetak: Decimal,
    /// Ascending by `nik_bawah`.
    pub interval: Vec<Interval>,
}

fn d(n: i64, scale: u32) -> Decimal {
    Decimal::new(n, scale)
}

fn interval(
    ni: (Decimal, Decimal),
    nik: (Decimal, Decimal),
    mutu: Mutu,
    kinerja_unit: KinerjaUnit,
) -> Interval {
    Interval {
        ni_bawah: ni.0,
        ni_atas: ni.1,
        nik_bawah: nik.0,
        nik_atas: nik.1,
        mutu,
        kinerja_unit,
    }
}

/// Round to the two decimals the regulations' tables are written in, with the project's one
/// rounding rule ([`crate::angka::bulatkan`]: half away from zero).
pub fn bulatkan_tabel(nilai: Decimal) -> Decimal {
    crate::angka::bulatkan(nilai, 2)
}

impl Regime {
    /// PermenPANRB 14/2017 (current): 9 unsur, printed weight 0,111.
    pub fn permenpanrb_14_2017() -> Regime {
        use KinerjaUnit::*;
        use Mutu::*;
        Regime {
            kode: "2017".into(),
            pengenal: "permenpanrb-14-2017".into(),
            nama: "PermenPANRB 14/2017".into(),
            unsur_baku: [
                "Persyaratan",
                "Sistem, Mekanisme dan Prosedur",
                "Waktu Penyelesaian",
                "Biaya/Tarif",
                "Produk Spesifikasi Jenis Pelayanan",
                "Kompetensi Pelaksana",
                "Perilaku Pelaksana",
                "Sarana dan Prasarana",
                "Penanganan Pengaduan, Saran dan Masukan",
            ]
            .map(String::from)
            .to_vec(),
            bobot_cetak: d(111, 3),
            interval: vec![
                interval(
                    (d(100, 2), d(25996, 4)),
                    (d(2500, 2), d(6499, 2)),
                    D,
                    TidakBaik,
                ),
                interval(
                    (d(260, 2), d(3064, 3)),
                    (d(6500, 2), d(7660, 2)),
                    C,
                    KurangBaik,
                ),
                interval((d(30644, 4), d(3532, 3)), (d(7661, 2), d(8830, 2)), B, Baik),
                interval(
                    (d(35324, 4), d(400, 2)),
                    (d(8831, 2), d(10000, 2)),
                    A,
                    SangatBaik,
                ),
            ],
        }
    }

    /// Kepmenpan 25/2004 (older): 14 unsur, printed weight 0,071.
    pub fn kepmenpan_25_2004() -> Regime {
        use KinerjaUnit::*;
        use Mutu::*;
        Regime {
            kode: "2004".into(),
            pengenal: "kepmenpan-25-2004".into(),
            nama: "Kepmenpan 25/2004".into(),
            unsur_baku: [
                "Prosedur",
                "Persyaratan",
                "Kejelasan petugas",
                "Kedisiplinan petugas",
                "Tanggung jawab petugas",
                "Kemampuan petugas",
                "Kecepatan",
                "Keadilan",
                "Kesopanan dan keramahan",
                "Kewajaran biaya",
                "Kepastian biaya",
                "Kepastian jadwal",
                "Kenyamanan lingkungan",
                "Keamanan",
            ]
            .map(String::from)
            .to_vec(),
            bobot_cetak: d(71, 3),
            interval: vec![
                interval(
                    (d(100, 2), d(175, 2)),
                    (d(2500, 2), d(4375, 2)),
                    D,
                    TidakBaik,
                ),
                interval(
                    (d(176, 2), d(250, 2)),
                    (d(4376, 2), d(6250, 2)),
                    C,
                    KurangBaik,
                ),
                interval((d(251, 2), d(325, 2)), (d(6251, 2), d(8125, 2)), B, Baik),
                interval(
                    (d(326, 2), d(400, 2)),
                    (d(8126, 2), d(10000, 2)),
                    A,
                    SangatBaik,
                ),
            ],
        }
    }

    /// All regimes known, newest first (the first is the default).
    pub fn semua() -> Vec<Regime> {
        vec![Regime::permenpanrb_14_2017(), Regime::kepmenpan_25_2004()]
    }

    /// By code (`"2017"`, `"2004"`) or by the data file's identifier (`permenpanrb-14-2017`).
    pub fn dari_kode(kode: &str) -> Option<Regime> {
        let k = kode.trim();
        Regime::semua()
            .into_iter()
            .find(|r| r.kode == k || r.pengenal.eq_ignore_ascii_case(k))
    }

    /// The regime whose unsur count is `n`, if exactly one has it.
    pub fn dari_jumlah_unsur(n: usize) -> Option<Regime> {
        let mut cocok = Regime::semua()
            .into_iter()
            .filter(|r| r.unsur_baku.len() == n);
        let r = cocok.next()?;
        cocok.next().is_none().then_some(r)
    }

    pub fn jumlah_unsur(&self) -> usize {
        self.unsur_baku.len()
    }

    /// The interval a NIK (25-100) falls in. The NIK is first rounded half away from zero to two
    /// decimals (the precision of the tables), then it belongs to the highest row whose lower
    /// bound it reaches: on 2017, below 65,00 D; below 76,61 C; below 88,31 B; else A. A NIK below
    /// the lowest bound (possible with the printed weight: 14 x 0,071 = 0,994) gets the lowest row.
    pub fn klasifikasi(&self, nik: Decimal) -> &Interval {
        let n = bulatkan_tabel(nik);
        self.interval
            .iter()
            .rev()
            .find(|i| n >= i.nik_bawah)
            .unwrap_or(&self.interval[0])
    }
}

/// One unsur of an instansi's questionnaire: its column code (`U1`...) and its name.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Unsur {
    pub kode: String,
    pub nama: String,
}

/// An instansi's questionnaire under a regime: the regime's unsur, possibly with its own names.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Kuesioner {
    pub regime: Regime,
    pub unsur: Vec<Unsur>,
}

impl Kuesioner {
    /// The regime's own unsur names, coded U1..Un.
    pub fn baku(regime: Regime) -> Kuesioner {
        let unsur = regime
            .unsur_baku
            .iter()
            .enumerate()
            .map(|(i, n)| Unsur {
                kode: format!("U{}", i + 1),
                nama: n.clone(),
            })
            .collect();
        Kuesioner { regime, unsur }
    }

    /// The instansi's own names (the seed names its 14 unsur itself). The count must be the
    /// regime's: the weights and the interval table belong to that count.
    pub fn dengan_nama(regime: Regime, nama: Vec<String>) -> Result<Kuesioner, GalatSkm> {
        if nama.len() != regime.jumlah_unsur() {
            return Err(GalatSkm::JumlahUnsur {
                regime: regime.nama.clone(),
                diharapkan: regime.jumlah_unsur(),
                didapat: nama.len(),
            });
        }
        let unsur = nama
            .into_iter()
            .enumerate()
            .map(|(i, n)| Unsur {
                kode: format!("U{}", i + 1),
                nama: n,
            })
            .collect();
        Ok(Kuesioner { regime, unsur })
    }

    pub fn jumlah_unsur(&self) -> usize {
        self.unsur.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use rust_decimal_macros::dec;

    fn mutu(r: &Regime, nik: Decimal) -> Mutu {
        r.klasifikasi(nik).mutu
    }

    #[test]
    fn regime_2017_boundaries_on_both_sides() {
        let r = Regime::permenpanrb_14_2017();
        // "below 65,00 D; below 76,61 C; below 88,31 B; else A" (sakip.md).
        assert_eq!(mutu(&r, dec!(25)), Mutu::D);
        assert_eq!(mutu(&r, dec!(64.99)), Mutu::D);
        assert_eq!(mutu(&r, dec!(65.00)), Mutu::C);
        assert_eq!(mutu(&r, dec!(76.60)), Mutu::C);
        assert_eq!(mutu(&r, dec!(76.61)), Mutu::B);
        assert_eq!(mutu(&r, dec!(88.30)), Mutu::B);
        assert_eq!(mutu(&r, dec!(88.31)), Mutu::A);
        assert_eq!(mutu(&r, dec!(100)), Mutu::A);
        assert_eq!(
            r.klasifikasi(dec!(88.31)).kinerja_unit,
            KinerjaUnit::SangatBaik
        );
        assert_eq!(
            r.klasifikasi(dec!(64.99)).kinerja_unit,
            KinerjaUnit::TidakBaik
        );
    }

    #[test]
    fn regime_2017_classifies_the_printed_two_decimal_value() {
        let r = Regime::permenpanrb_14_2017();
        // 64,995 prints as 65,00 (half away from zero), so it is C, like what is printed;
        // 64,994999 prints as 64,99 and is D.
        assert_eq!(mutu(&r, dec!(64.995)), Mutu::C);
        assert_eq!(mutu(&r, dec!(64.994999)), Mutu::D);
        // 76,605 -> 76,61 -> B; 76,6049 -> 76,60 -> C.
        assert_eq!(mutu(&r, dec!(76.605)), Mutu::B);
        assert_eq!(mutu(&r, dec!(76.6049)), Mutu::C);
        // 88,305 -> 88,31 -> A.
        assert_eq!(mutu(&r, dec!(88.305)), Mutu::A);
        assert_eq!(mutu(&r, dec!(88.3049)), Mutu::B);
    }

    #[test]
    fn regime_2004_boundaries_on_both_sides() {
        let r = Regime::kepmenpan_25_2004();
        // Table: 25,00-43,75 D; 43,76-62,50 C; 62,51-81,25 B; 81,26-100,00 A.
        assert_eq!(mutu(&r, dec!(43.75)), Mutu::D);
        assert_eq!(mutu(&r, dec!(43.76)), Mutu::C);
        assert_eq!(mutu(&r, dec!(62.50)), Mutu::C);
        assert_eq!(mutu(&r, dec!(62.51)), Mutu::B);
        assert_eq!(mutu(&r, dec!(81.25)), Mutu::B);
        assert_eq!(mutu(&r, dec!(81.26)), Mutu::A);
        // NI 1,75 x 25 = 43,75 (D) and NI 1,76 x 25 = 44 (C): the NI column agrees.
        assert_eq!(mutu(&r, dec!(1.75) * dec!(25)), Mutu::D);
        assert_eq!(mutu(&r, dec!(1.76) * dec!(25)), Mutu::C);
        // NI 3,25 -> 81,25 B; NI 3,26 -> 81,50 A.
        assert_eq!(mutu(&r, dec!(3.25) * dec!(25)), Mutu::B);
        assert_eq!(mutu(&r, dec!(3.26) * dec!(25)), Mutu::A);
    }

    #[test]
    fn nik_below_the_table_gets_the_lowest_row() {
        // 14 x 0,071 = 0,994 -> an all-1 survey with printed weights has NIK 24,85.
        let r = Regime::kepmenpan_25_2004();
        assert_eq!(mutu(&r, dec!(24.85)), Mutu::D);
    }

    #[test]
    fn own_names_must_match_the_regime_count() {
        let r = Regime::permenpanrb_14_2017();
        let e = Kuesioner::dengan_nama(r, vec!["A".into(), "B".into()]).unwrap_err();
        assert!(matches!(
            e,
            GalatSkm::JumlahUnsur {
                diharapkan: 9,
                didapat: 2,
                ..
            }
        ));
    }

    #[test]
    fn regime_lookup() {
        assert_eq!(Regime::dari_kode("2004").unwrap().jumlah_unsur(), 14);
        assert_eq!(Regime::dari_kode(" 2017 ").unwrap().jumlah_unsur(), 9);
        assert!(Regime::dari_kode("2020").is_none());
        assert_eq!(Regime::dari_kode("kepmenpan-25-2004").unwrap().kode, "2004");
        assert_eq!(Regime::dari_jumlah_unsur(14).unwrap().kode, "2004");
        assert!(Regime::dari_jumlah_unsur(10).is_none());
    }
}
