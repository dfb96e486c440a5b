//! The one computation all three inputs reduce to.

use rust_decimal::Decimal;
use serde::Serialize;

use super::regime::{KinerjaUnit, Kuesioner, Mutu, Regime};
use super::sampel::{KecukupanSampel, PembulatanSampel, kecukupan_sampel};
use super::tabulasi::{Tabulasi, TabulasiSurvei};
use super::{GalatSkm, json};
use crate::angka::{BATAS_ANGKA, format_angka};

/// Which weight multiplies each NRR.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Default)]
#[serde(rename_all = "snake_case")]
pub enum Bobot {
    /// Exactly 1/n (n = number of unsur): the IKM is the mean of the NRR.
    #[default]
    Tepat,
    /// The rounded weight the regulation prints (0,111 for 9 unsur; 0,071 for 14), to reproduce
    /// a published figure. 9 x 0,111 = 0,999 and 14 x 0,071 = 0,994, so the IKM comes out lower.
    Cetak,
}

/// What is known about one unsur. All variants reduce to NRR = sum / count.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum DataUnsur {
    /// Number of respondents who answered 1, 2, 3, 4.
    Jumlah([u64; 4]),
    /// Percent of answers 1..4 (as the seed prints: tidak baik, kurang baik, baik, sangat baik).
    /// NRR = (1 p1 + 2 p2 + 3 p3 + 4 p4) / (p1 + p2 + p3 + p4): divided by the row's own total,
    /// which is 100 when the row is consistent (a note is made when it is not).
    Persen([Decimal; 4]),
    /// A published NRR (1-4).
    Nrr(Decimal),
    /// A published per-unsur score on the NIK scale (25-100): NRR = score / 25.
    Skor(Decimal),
}

/// Where an unsur's NRR came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum SumberUnsur {
    Jawaban,
    Persen,
    Nrr,
    Skor,
}

/// Options of a computation.
#[derive(Debug, Clone, Default)]
pub struct Opsi {
    pub bobot: Bobot,
    /// Population served, for the sample-size check.
    pub populasi: Option<u64>,
    pub pembulatan_sampel: PembulatanSampel,
    /// Number of respondents when the data does not carry it (a distribution in percent).
    pub responden: Option<u64>,
    /// Published per-unsur scores (NIK scale), to be compared with the computed ones; by unsur
    /// position, may be shorter than the unsur list.
    pub skor_terbit: Vec<Option<Decimal>>,
    /// The published overall figure (NIK scale), to be compared.
    pub nik_terbit: Option<Decimal>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct InfoBobot {
    pub cara: Bobot,
    #[serde(serialize_with = "json::angka")]
    pub nilai: Decimal,
    /// `"1/9"` for the exact weight, `"0,111"` for the printed one.
    pub tertulis: String,
}

/// One unsur's result.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct HasilUnsur {
    pub kode: String,
    pub nama: String,
    pub sumber: SumberUnsur,
    /// Respondents per answer 1..4, when known.
    pub jumlah: Option<[u64; 4]>,
    /// Percent per answer 1..4, given or derived from counts.
    #[serde(serialize_with = "json::daftar_opsi")]
    pub persen: Option<[Decimal; 4]>,
    pub responden: Option<u64>,
    #[serde(serialize_with = "json::angka")]
    pub nrr: Decimal,
    #[serde(serialize_with = "json::angka")]
    pub nrr_tertimbang: Decimal,
    /// NRR x 25 (the seed's "skor").
    #[serde(serialize_with = "json::angka")]
    pub skor: Decimal,
    pub mutu: Mutu,
    /// The seed's per-unsur "predikat".
    pub kinerja_unit: KinerjaUnit,
    pub di_bawah_rata_rata: bool,
    #[serde(serialize_with = "json::angka_opsi")]
    pub skor_terbit: Option<Decimal>,
}

/// Result for one group of respondents (a layanan, an age band...).
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct HasilKelompok {
    pub nilai: String,
    pub responden: u64,
    #[serde(serialize_with = "json::angka")]
    pub ikm: Decimal,
    #[serde(serialize_with = "json::angka")]
    pub nik: Decimal,
    pub mutu: Mutu,
    pub kinerja_unit: KinerjaUnit,
    #[serde(serialize_with = "json::daftar")]
    pub nrr: Vec<Decimal>,
}

#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct HasilRincian {
    pub kolom: String,
    pub jenis: super::JenisProfil,
    pub kelompok: Vec<HasilKelompok>,
}

/// Everything an SKM report states.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct HasilSkm {
    pub regime: Regime,
    pub bobot: InfoBobot,
    /// How and where figures are rounded (the statement printed with the result).
    pub pembulatan: String,
    pub responden: Option<u64>,
    pub unsur: Vec<HasilUnsur>,
    /// Weighted sum of NRR (1-4).
    #[serde(serialize_with = "json::angka")]
    pub ikm: Decimal,
    /// IKM x 25 (25-100), the "nilai konversi".
    #[serde(serialize_with = "json::angka")]
    pub nik: Decimal,
    pub mutu: Mutu,
    pub kinerja_unit: KinerjaUnit,
    /// Mean of the per-unsur scores (equal to the NIK with exact weights): the seed's
    /// "rata-rata unsur pelayanan" and the line on its chart.
    #[serde(serialize_with = "json::angka")]
    pub rata_rata_skor: Decimal,
    /// Codes of the unsur whose score is below the mean, lowest first: the priorities.
    pub di_bawah_rata_rata: Vec<String>,
    #[serde(serialize_with = "json::angka_opsi")]
    pub nik_terbit: Option<Decimal>,
    pub sampel: Option<KecukupanSampel>,
    pub rincian: Vec<HasilRincian>,
    pub catatan: Vec<String>,
}

pub(crate) const PEMBULATAN: &str = "Semua angka dihitung tanpa pembulatan (desimal 28 digit); \
    pembulatan hanya sekali, ke 2 desimal setengah menjauhi nol, saat dicetak dan saat membaca \
    tabel interval mutu (sehingga NIK yang dicetak dan mutunya selalu sesuai).";

fn dec(n: u64) -> Decimal {
    Decimal::from(n)
}

/// One unsur reduced to (sum of answer values, number of answers), validated: NRR = num / den.
///
/// In range by the checks here: counts sum without overflow (checked), percentages are at most
/// [`BATAS_ANGKA`], so num <= 10 x max(den) <= 1,9·10^20 and `25 x num` stays far inside
/// `Decimal` (7,9·10^28); NRR is a weighted mean of 1..4 (weights >= 0), so every quotient below
/// lies in 1..4 and every score in 25..100.
#[derive(Debug, Clone, Copy)]
struct Pecahan {
    num: Decimal,
    den: Decimal,
    /// Respondents who answered this unsur, when the data are counts.
    responden: Option<u64>,
}

impl Pecahan {
    fn nrr(&self) -> Decimal {
        self.num / self.den
    }
    /// NRR x 25, multiplied before dividing so that a terminating score is exact.
    fn skor(&self) -> Decimal {
        Decimal::from(25) * self.num / self.den
    }
}

fn pecahan(kode: &str, data: &DataUnsur, catatan: &mut Vec<String>) -> Result<Pecahan, GalatSkm> {
    let tidak_sah = |pesan: String| GalatSkm::DataTidakSah {
        unsur: kode.to_string(),
        pesan,
    };
    let kosong = || GalatSkm::UnsurKosong {
        unsur: kode.to_string(),
    };
    let seratus = Decimal::ONE_HUNDRED;
    match data {
        DataUnsur::Jumlah(c) => {
            let den = c
                .iter()
                .try_fold(0u64, |a, x| a.checked_add(*x))
                .ok_or_else(|| tidak_sah("jumlah jawaban melebihi batas bilangan".into()))?;
            if den == 0 {
                return Err(kosong());
            }
            let num = c
                .iter()
                .zip(1u64..)
                .map(|(c, k)| dec(*c) * dec(k))
                .sum::<Decimal>();
            Ok(Pecahan {
                num,
                den: dec(den),
                responden: Some(den),
            })
        }
        DataUnsur::Persen(p) => {
            if let Some(x) = p.iter().find(|x| x.is_sign_negative() && !x.is_zero()) {
                return Err(tidak_sah(format!("persen negatif ({x})")));
            }
            if let Some(x) = p.iter().find(|x| **x > BATAS_ANGKA) {
                return Err(tidak_sah(format!(
                    "persen {} melebihi batas {}",
                    format_angka(*x, x.scale()),
                    format_angka(BATAS_ANGKA, 0)
                )));
            }
            let den: Decimal = p.iter().sum();
            if den.is_zero() {
                return Err(kosong());
            }
            if den != seratus {
                catatan.push(format!(
                    "{kode}: jumlah persen {} bukan 100; NRR dihitung terhadap jumlah baris itu",
                    format_angka(den, 2)
                ));
            }
            let num = p
                .iter()
                .zip(1i64..)
                .map(|(p, k)| *p * Decimal::from(k))
                .sum::<Decimal>();
            Ok(Pecahan {
                num,
                den,
                responden: None,
            })
        }
        DataUnsur::Nrr(v) => {
            if *v < Decimal::ONE || *v > Decimal::from(4) {
                return Err(tidak_sah(format!("NRR {} di luar 1-4", v.normalize())));
            }
            Ok(Pecahan {
                num: *v,
                den: Decimal::ONE,
                responden: None,
            })
        }
        DataUnsur::Skor(s) => {
            if *s < Decimal::from(25) || *s > seratus {
                return Err(tidak_sah(format!("skor {} di luar 25-100", s.normalize())));
            }
            Ok(Pecahan {
                num: *s,
                den: Decimal::from(25),
                responden: None,
            })
        }
    }
}

impl DataUnsur {
    /// Percent per answer 1..4: as given, or from the counts; `None` for a published NRR or
    /// score, and for counts without a single answer (0 of 0 is not 0 %) or beyond `u64`.
    pub fn persen(&self) -> Option<[Decimal; 4]> {
        match self {
            DataUnsur::Jumlah(c) => {
                let r = c.iter().try_fold(0u64, |a, x| a.checked_add(*x))?;
                (r > 0).then(|| c.map(|c| Decimal::ONE_HUNDRED * dec(c) / dec(r)))
            }
            DataUnsur::Persen(p) => Some(*p),
            DataUnsur::Nrr(_) | DataUnsur::Skor(_) => None,
        }
    }

    /// The unsur's score on the NIK scale (NRR x 25) on its own, exactly as [`hitung`] computes
    /// it within a survey; `kode` names the unsur in an error.
    pub fn skor(&self, kode: &str) -> Result<Decimal, GalatSkm> {
        pecahan(kode, self, &mut Vec::new()).map(|p| p.skor())
    }
}

/// The weighted sum of `num_i / den_i`. When every unsur has the same count (respondents who
/// answered everything; distributions summing to 100) the sum is taken over the numerators and
/// divided once, so a terminating result is exact.
fn ikm(pecahan: &[Pecahan], bobot: Bobot, bobot_cetak: Decimal) -> Decimal {
    let n = Decimal::from(pecahan.len());
    let den0 = pecahan[0].den;
    if pecahan.iter().all(|p| p.den == den0) {
        let num: Decimal = pecahan.iter().map(|p| p.num).sum();
        match bobot {
            Bobot::Tepat => num / (n * den0),
            Bobot::Cetak => bobot_cetak * num / den0,
        }
    } else {
        let sum: Decimal = pecahan.iter().map(Pecahan::nrr).sum();
        match bobot {
            Bobot::Tepat => sum / n,
            Bobot::Cetak => bobot_cetak * sum,
        }
    }
}

/// a < b, treating differences below 1e-20 (the residue of non-terminating quotients computed
/// along different paths) as equality.
fn lebih_kecil(a: Decimal, b: Decimal) -> bool {
    b - a > Decimal::new(1, 20)
}

/// Computes the SKM result from per-unsur data.
pub fn hitung(
    kuesioner: &Kuesioner,
    data: &[DataUnsur],
    opsi: &Opsi,
) -> Result<HasilSkm, GalatSkm> {
    let regime = &kuesioner.regime;
    let n = kuesioner.jumlah_unsur();
    if data.len() != n {
        return Err(GalatSkm::JumlahUnsur {
            regime: regime.nama.clone(),
            diharapkan: n,
            didapat: data.len(),
        });
    }
    if n == 0 {
        return Err(GalatSkm::TanpaResponden);
    }
    let mut catatan = Vec::new();
    let pec = kuesioner
        .unsur
        .iter()
        .zip(data)
        .map(|(u, d)| pecahan(&u.kode, d, &mut catatan))
        .collect::<Result<Vec<_>, _>>()?;

    let (w, tertulis) = match opsi.bobot {
        Bobot::Tepat => (Decimal::ONE / Decimal::from(n), format!("1/{n}")),
        Bobot::Cetak => (
            regime.bobot_cetak,
            regime.bobot_cetak.to_string().replace('.', ","),
        ),
    };
    let ikm_nilai = ikm(&pec, opsi.bobot, regime.bobot_cetak);
    let nik = ikm_nilai * Decimal::from(25);
    let rata_rata_skor = ikm(&pec, Bobot::Tepat, regime.bobot_cetak) * Decimal::from(25);

    // Respondents: stated, or carried by the counts.
    let dari_jumlah: Vec<u64> = pec.iter().filter_map(|p| p.responden).collect();
    let responden_data = (dari_jumlah.len() == n
        && dari_jumlah.iter().all(|r| *r == dari_jumlah[0]))
    .then(|| dari_jumlah[0]);
    if dari_jumlah.len() == n && responden_data.is_none() {
        catatan.push(
            "jumlah penjawab berbeda antarunsur; NRR tiap unsur dibagi jumlah penjawabnya".into(),
        );
    }
    let responden = match (opsi.responden, responden_data) {
        (Some(a), Some(b)) if a != b => {
            return Err(GalatSkm::DataTidakSah {
                unsur: "responden".into(),
                pesan: format!("jumlah responden dinyatakan {a}, tetapi data memuat {b}"),
            });
        }
        (a, b) => a.or(b),
    };

    let mut unsur = Vec::with_capacity(n);
    for (i, ((u, d), p)) in kuesioner.unsur.iter().zip(data).zip(&pec).enumerate() {
        let nrr = p.nrr();
        let skor = p.skor();
        let interval = regime.klasifikasi(skor);
        let (sumber, jumlah, persen, responden_unsur) = match d {
            DataUnsur::Jumlah(c) => {
                let persen = c.map(|c| Decimal::ONE_HUNDRED * dec(c) / p.den);
                (SumberUnsur::Jawaban, Some(*c), Some(persen), p.responden)
            }
            DataUnsur::Persen(p) => (SumberUnsur::Persen, None, Some(*p), None),
            DataUnsur::Nrr(_) => (SumberUnsur::Nrr, None, None, None),
            DataUnsur::Skor(_) => (SumberUnsur::Skor, None, None, None),
        };
        let skor_terbit = opsi.skor_terbit.get(i).copied().flatten();
        if let Some(t) = skor_terbit
            && sumber != SumberUnsur::Skor
            && super::bulatkan_tabel(t) != super::bulatkan_tabel(skor)
        {
            catatan.push(format!(
                "{} {}: skor terbit {} berbeda dari skor yang dihitung dari datanya {}",
                u.kode,
                u.nama,
                format_angka(t, 2),
                format_angka(skor, 2)
            ));
        }
        unsur.push(HasilUnsur {
            kode: u.kode.clone(),
            nama: u.nama.clone(),
            sumber,
            jumlah,
            persen,
            responden: responden_unsur,
            nrr,
            nrr_tertimbang: match opsi.bobot {
                Bobot::Tepat => nrr / Decimal::from(n),
                Bobot::Cetak => nrr * w,
            },
            skor,
            mutu: interval.mutu,
            kinerja_unit: interval.kinerja_unit,
            di_bawah_rata_rata: lebih_kecil(skor, rata_rata_skor),
            skor_terbit,
        });
    }
    let mut bawah: Vec<&HasilUnsur> = unsur.iter().filter(|u| u.di_bawah_rata_rata).collect();
    bawah.sort_by_key(|u| u.skor);
    let di_bawah_rata_rata = bawah.into_iter().map(|u| u.kode.clone()).collect();

    if let Some(t) = opsi.nik_terbit
        && super::bulatkan_tabel(t) != super::bulatkan_tabel(nik)
    {
        catatan.push(format!(
            "nilai terbit {} berbeda dari NIK yang dihitung {}",
            format_angka(t, 2),
            format_angka(nik, 2)
        ));
    }

    let interval = regime.klasifikasi(nik);
    Ok(HasilSkm {
        regime: regime.clone(),
        bobot: InfoBobot {
            cara: opsi.bobot,
            nilai: w,
            tertulis,
        },
        pembulatan: PEMBULATAN.into(),
        responden,
        unsur,
        ikm: ikm_nilai,
        nik,
        mutu: interval.mutu,
        kinerja_unit: interval.kinerja_unit,
        rata_rata_skor,
        di_bawah_rata_rata,
        nik_terbit: opsi.nik_terbit,
        sampel: opsi
            .populasi
            .map(|p| kecukupan_sampel(p, responden, opsi.pembulatan_sampel)),
        rincian: Vec::new(),
        catatan,
    })
}

fn data_tabulasi(t: &Tabulasi) -> Vec<DataUnsur> {
    t.jumlah().iter().map(|c| DataUnsur::Jumlah(*c)).collect()
}

/// Computes the SKM result from a tally of respondents, with a breakdown per profile column.
pub fn hitung_tabulasi(
    kuesioner: &Kuesioner,
    tabulasi: &TabulasiSurvei,
    opsi: &Opsi,
) -> Result<HasilSkm, GalatSkm> {
    if tabulasi.total.responden() == 0 {
        return Err(GalatSkm::TanpaResponden);
    }
    let opsi_total = Opsi {
        responden: opsi.responden.or(Some(tabulasi.total.responden())),
        ..opsi.clone()
    };
    let mut hasil = hitung(kuesioner, &data_tabulasi(&tabulasi.total), &opsi_total)?;
    let opsi_kelompok = Opsi {
        bobot: opsi.bobot,
        ..Opsi::default()
    };
    for r in &tabulasi.rincian {
        let mut kelompok = Vec::with_capacity(r.kelompok().len());
        for (nilai, t) in r.kelompok() {
            let h = hitung(kuesioner, &data_tabulasi(t), &opsi_kelompok)?;
            kelompok.push(HasilKelompok {
                nilai: nilai.clone(),
                responden: t.responden(),
                ikm: h.ikm,
                nik: h.nik,
                mutu: h.mutu,
                kinerja_unit: h.kinerja_unit,
                nrr: h.unsur.iter().map(|u| u.nrr).collect(),
            });
        }
        kelompok.sort_by_cached_key(|k| r.jenis.urutan(&k.nilai));
        hasil.rincian.push(HasilRincian {
            kolom: r.kolom.clone(),
            jenis: r.jenis,
            kelompok,
        });
    }
    Ok(hasil)
}
