//! Capaian: realisasi measured against target, in percent, unrounded (rounding happens once, where
//! a figure is printed).
//!
//! Decisions where no regulation settles the case (each has a test):
//! - Missing realisasi is not zero: capaian is *tidak tersedia* (n/a), with the reason.
//! - Target 0: when realisasi is also 0 the target is met exactly, capaian 100 %. Otherwise the
//!   ratio is undefined: n/a, reason `TargetNol`.
//! - Qualitative target or realisasi without a stated numeric equivalent (`WTP`, `Ada`): n/a.
//! - Negative target (a growth rate, a deficit): `|T|` in the denominator,
//!   `(|T| + (R - T)) / |T|` for positive polarity and `(|T| - (R - T)) / |T|` for negative, which
//!   are the usual formulas for a positive target and keep "better is higher" for a negative one.
//! - Means are exact: each capaian keeps its exact quotient (`tepat`), the mean is taken over
//!   those, and a figure becomes a `Decimal` once, rounded so that it rounds like the exact value.
//! - Negative polarity, the seed's formula `(T - (R - T)) / T x 100 = (2 - R/T) x 100` reaches 0 at
//!   R = 2T and would go negative beyond. Capaian is floored at 0 and the floor is recorded
//!   (`dibatasi`): a result below "nothing achieved" would let one indicator drag a sasaran's
//!   mean below what total failure means. The alternative formula `T / R x 100` is a setting.
//! - Range target [a, b] on a `rentang` indicator (inside is best): inside, 100; above b,
//!   measured as negative polarity against b; below a, as positive polarity against a.
//! - Range target [a, b] on a positive or negative indicator, PermenPANRB 8/2021's rule for
//!   individual targets: above the range measured against b, below it against a, each with the
//!   indicator's own polarity ("kondisi normal" or "kondisi khusus"); inside, 100.
//! - An optional upper cap (`batas_atas`) clips high capaian; recorded like the floor.
//! - Arithmetic is checked: a result past `Decimal`'s range is n/a, reason `MelebihiBatas`. With
//!   numbers within the bounds of `angka` it cannot happen (a capaian is at most 3·10^23).

use crate::model::Polaritas;
use crate::nilai::{Bentuk, Nilai};
use crate::tepat::{Pecahan, Rasional};
use rust_decimal::Decimal;
use rust_decimal_macros::dec;
use serde::{Deserialize, Serialize};

/// The formula for negative polarity.
#[derive(
    Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize, Default, schemars::JsonSchema,
)]
#[serde(rename_all = "snake_case")]
pub enum RumusNegatif {
    /// `(T - (R - T)) / T x 100`, as the seed and most LKjIP write it.
    #[default]
    SelisihTarget,
    /// `T / R x 100`, as some documents do (T=10, R=5 gives 200 instead of 150).
    Kebalikan,
}

impl RumusNegatif {
    pub fn keterangan(self) -> &'static str {
        match self {
            RumusNegatif::SelisihTarget => "(Target - (Realisasi - Target)) / Target x 100",
            RumusNegatif::Kebalikan => "Target / Realisasi x 100",
        }
    }
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
pub struct AturanCapaian {
    pub rumus_negatif: RumusNegatif,
    pub batas_atas: Option<Decimal>,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum AlasanTidakTersedia {
    RealisasiKosong,
    TargetKosong,
    TargetNol,
    TargetKualitatif,
    RealisasiKualitatif,
    /// The polarity is `rentang` but the target is a single number.
    PolaritasTidakCocok,
    /// `T / R` with R = 0 under the reciprocal formula.
    RealisasiNol,
    /// The result is past what can be computed exactly (numbers beyond the bounds of `angka`,
    /// or a sum over more lines than `Decimal` holds).
    MelebihiBatas,
    /// A formula indicator whose data elements are missing (under its missing-value strategy).
    DataKosong,
    /// A formula indicator whose denominator is 0.
    PenyebutNol,
    /// A division by 0 inside a formula's numerator or denominator.
    RumusTakTerdefinisi,
    /// Progress from the baseline: the end target equals the kondisi awal.
    TargetAkhirSamaKondisiAwal,
    /// Progress from the baseline needs a numeric kondisi awal.
    KondisiAwalKosong,
    /// A pohon kinerja node names a plan indicator of an instansi whose data set was not given.
    DataPemilikKosong,
}

impl AlasanTidakTersedia {
    pub fn pesan(self) -> &'static str {
        use AlasanTidakTersedia::*;
        match self {
            RealisasiKosong => "realisasi belum tersedia",
            TargetKosong => "target belum tersedia",
            TargetNol => "target 0: capaian tidak terdefinisi",
            TargetKualitatif => "target kualitatif tanpa nilai setara angka",
            RealisasiKualitatif => "realisasi kualitatif tanpa nilai setara angka",
            PolaritasTidakCocok => "polaritas rentang memerlukan target rentang",
            RealisasiNol => "realisasi 0 pada rumus Target / Realisasi",
            MelebihiBatas => "hasil hitung melebihi batas angka yang dapat dihitung tepat",
            DataKosong => "data elemen rumus belum lengkap",
            PenyebutNol => "penyebut rumus bernilai 0",
            RumusTakTerdefinisi => "pembagian dengan 0 di dalam rumus",
            TargetAkhirSamaKondisiAwal => "target akhir sama dengan kondisi awal",
            KondisiAwalKosong => "kondisi awal belum tersedia",
            DataPemilikKosong => "data instansi pemilik simpul tidak tersedia",
        }
    }
}

/// What was done to the raw formula's result.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Batasan {
    /// Negative polarity past twice the target: floored at 0.
    Nol,
    /// Clipped at the instansi's `batas_atas`.
    BatasAtas,
}

#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(tag = "status", rename_all = "snake_case")]
pub enum Capaian {
    Ada {
        /// The quotient as a `Decimal` rounded to odd (`tepat`): rounds like the exact value.
        persen: Decimal,
        dibatasi: Option<Batasan>,
        /// The exact quotient, for means (`rata_rata`).
        #[serde(skip)]
        tepat: Pecahan,
    },
    TidakTersedia {
        alasan: AlasanTidakTersedia,
    },
}

impl Capaian {
    /// A capaian that is exactly `persen` (a floor, a cap, a figure from elsewhere).
    pub fn ada(persen: Decimal, dibatasi: Option<Batasan>) -> Capaian {
        Capaian::Ada {
            persen,
            dibatasi,
            tepat: Pecahan::bulat(persen),
        }
    }
    pub fn persen(&self) -> Option<Decimal> {
        match self {
            Capaian::Ada { persen, .. } => Some(*persen),
            Capaian::TidakTersedia { .. } => None,
        }
    }
    /// The exact quotient behind `persen`.
    pub fn pecahan(&self) -> Option<Pecahan> {
        match self {
            Capaian::Ada { tepat, .. } => Some(*tepat),
            Capaian::TidakTersedia { .. } => None,
        }
    }
    fn na(alasan: AlasanTidakTersedia) -> Capaian {
        Capaian::TidakTersedia { alasan }
    }
}

const SERATUS: Decimal = dec!(100);

/// The rule of PermenPANRB 8/2021 (continued by 6/2022) for an official's indicator (Capaian
/// IKI, Lampiran Bab VI A.1.b.1): "kondisi normal" `R / T x 100`, "kondisi khusus"
/// `(1 + (1 - R / T)) x 100`, which is the seed's `(T - (R - T)) / T x 100`; a range target
/// measured against its upper bound above it and its lower bound below it, with the
/// indicator's own formula. Whatever the instansi's own setting: the regulation prescribes the
/// formula. No cap: the regulation turns a capaian above 110 % into a *nilai* of 120, it does
/// not cap the capaian. The floor at 0 past twice the target (khusus) is this module's, as for
/// every capaian (the regulation does not say).
pub const ATURAN_SKP: AturanCapaian = AturanCapaian {
    rumus_negatif: RumusNegatif::SelisihTarget,
    batas_atas: None,
};

/// Capaian IKI of an official's indicator ([`ATURAN_SKP`]).
pub fn hitung_skp(
    polaritas: Polaritas,
    target: Option<&Nilai>,
    realisasi: Option<&Nilai>,
) -> Capaian {
    hitung(polaritas, target, realisasi, &ATURAN_SKP)
}

/// Capaian of one indicator for one period.
pub fn hitung(
    polaritas: Polaritas,
    target: Option<&Nilai>,
    realisasi: Option<&Nilai>,
    aturan: &AturanCapaian,
) -> Capaian {
    use AlasanTidakTersedia::*;
    let Some(target) = target else {
        return Capaian::na(TargetKosong);
    };
    let Some(realisasi) = realisasi else {
        return Capaian::na(RealisasiKosong);
    };
    // The target's form decides first: with a qualitative target no realisasi can be measured.
    if matches!(target.bentuk(), Bentuk::Kualitatif { .. }) {
        return Capaian::na(TargetKualitatif);
    }
    let r = match realisasi.bentuk() {
        Bentuk::Angka { nilai, .. } => *nilai,
        // A realisasi is a point; a range or a bare label has no number to compare.
        _ => return Capaian::na(RealisasiKualitatif),
    };
    let hasil = match (target.bentuk(), polaritas) {
        (Bentuk::Kualitatif { .. }, _) => return Capaian::na(TargetKualitatif),
        (Bentuk::Angka { .. }, Polaritas::Rentang) => return Capaian::na(PolaritasTidakCocok),
        (Bentuk::Angka { nilai: t, .. }, Polaritas::Positif) => positif(*t, r),
        (Bentuk::Angka { nilai: t, .. }, Polaritas::Negatif) => {
            negatif(*t, r, aturan.rumus_negatif)
        }
        (Bentuk::Rentang { bawah, .. }, pol) => match (target_acuan(target, r), pol) {
            (None, _) => Ok(Pecahan::bulat(SERATUS)),
            // Inside is best: below the range is too little, above it too much.
            (Some(t), Polaritas::Rentang) if r < *bawah => positif(t, r),
            (Some(t), Polaritas::Rentang) => negatif(t, r, RumusNegatif::SelisihTarget),
            // PermenPANRB 8/2021: the nearer bound, with the indicator's own polarity.
            (Some(t), Polaritas::Positif) => positif(t, r),
            (Some(t), Polaritas::Negatif) => negatif(t, r, aturan.rumus_negatif),
        },
    };
    let tepat = match hasil {
        Err(alasan) => return Capaian::na(alasan),
        Ok(p) if p.negatif() => return Capaian::ada(Decimal::ZERO, Some(Batasan::Nol)),
        Ok(p) => p,
    };
    let Some(persen) = tepat.desimal() else {
        return Capaian::na(MelebihiBatas);
    };
    match aturan.batas_atas {
        Some(maks) if persen > maks => Capaian::ada(maks, Some(Batasan::BatasAtas)),
        _ => Capaian::Ada {
            persen,
            dibatasi: None,
            tepat,
        },
    }
}

/// The number a realisasi is measured against: the target, or for a range target the bound
/// the realisasi is beyond (`None` inside the range, and for a qualitative target).
pub fn target_acuan(target: &Nilai, realisasi: Decimal) -> Option<Decimal> {
    match target.bentuk() {
        Bentuk::Angka { nilai, .. } => Some(*nilai),
        Bentuk::Rentang { bawah, .. } if realisasi < *bawah => Some(*bawah),
        Bentuk::Rentang { atas, .. } if realisasi > *atas => Some(*atas),
        _ => None,
    }
}

/// Target 0: met exactly when realisasi is 0 too, otherwise undefined.
fn target_nol(r: Decimal) -> Result<Pecahan, AlasanTidakTersedia> {
    if r.is_zero() {
        Ok(Pecahan::bulat(SERATUS))
    } else {
        Err(AlasanTidakTersedia::TargetNol)
    }
}

/// `(|T| + (R - T)) / |T| x 100`: the usual `R / T x 100` for a positive target, and for a
/// negative one (a growth rate, a deficit) still higher when the realisasi is higher (target -2:
/// realisasi -1 gives 150, -3 gives 50, where `R / T` would give 50 and 150).
fn positif(t: Decimal, r: Decimal) -> Result<Pecahan, AlasanTidakTersedia> {
    if t.is_zero() {
        return target_nol(r);
    }
    let selisih = r.checked_sub(t).and_then(|x| t.abs().checked_add(x));
    persen(selisih, t.abs())
}

/// `(|T| - (R - T)) / |T| x 100`: the seed's `(T - (R - T)) / T x 100` for a positive target,
/// lower realisasi better for a negative one too. The reciprocal formula `T / R` has no meaning
/// for a negative target (the ratio grows as the realisasi worsens), so such a target is always
/// measured by the difference.
fn negatif(t: Decimal, r: Decimal, rumus: RumusNegatif) -> Result<Pecahan, AlasanTidakTersedia> {
    if t.is_zero() {
        return target_nol(r);
    }
    match rumus {
        RumusNegatif::Kebalikan if t > Decimal::ZERO => {
            if r.is_zero() {
                return Err(AlasanTidakTersedia::RealisasiNol);
            }
            persen(Some(t), r)
        }
        _ => {
            let selisih = r.checked_sub(t).and_then(|x| t.abs().checked_sub(x));
            persen(selisih, t.abs())
        }
    }
}

/// `a / b x 100` for b != 0, as an exact quotient.
fn persen(a: Option<Decimal>, b: Decimal) -> Result<Pecahan, AlasanTidakTersedia> {
    a.and_then(|a| a.checked_mul(SERATUS))
        .and_then(|a| Pecahan::new(a, b))
        .ok_or(AlasanTidakTersedia::MelebihiBatas)
}

/// The mean of the available capaian (n/a ones are left out and counted). `None` when none is
/// available. This is how a sasaran's capaian is commonly formed; the report says so.
///
/// The mean is taken over the exact quotients (`tepat`), so it rounds like the exact mean even
/// when it lands on a midpoint (targets 3, 6, 600 with realisasi 1, 5, 667,91: 75,995 %, printed
/// 76,00 %). `None` too past `Decimal`'s range, out of reach with bounded numbers.
pub fn rata_rata(capaian: &[Capaian]) -> Option<Decimal> {
    rata_rata_tepat(capaian)?.desimal()
}

/// The exact mean behind [`rata_rata`], for a mean of such means.
pub fn rata_rata_tepat(capaian: &[Capaian]) -> Option<Rasional> {
    let ada: Vec<Pecahan> = capaian.iter().filter_map(Capaian::pecahan).collect();
    if ada.is_empty() {
        return None;
    }
    let jumlah = ada
        .iter()
        .fold(Rasional::nol(), |a, p| a.tambah(&p.rasional()));
    Some(jumlah.bagi(ada.len()))
}

#[cfg(test)]
mod tests;
