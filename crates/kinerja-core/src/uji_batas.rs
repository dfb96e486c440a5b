//! Extreme numbers through the whole path: parse → validasi → capaian, anggaran, pengukuran,
//! SKM → printing. Nothing panics; a number past the bounds of `angka` is refused at the first
//! step with the limit in the message, and whatever is accepted computes and prints.

use crate::anggaran;
use crate::angka::*;
use crate::capaian::{self, AturanCapaian, Capaian, RumusNegatif};
use crate::id::*;
use crate::model::*;
use crate::nilai::Nilai;
use crate::pengukuran::{self, Indeks};
use crate::skm;
use crate::uang::Rupiah;
use crate::uji::*;
use crate::validasi;
use crate::waktu::Periode;
use proptest::prelude::*;
use rust_decimal::Decimal;
use rust_decimal_macros::dec;

const PESAN_BATAS: &str = "melebihi batas 1.000.000.000.000.000";

/// A number and the decimals it is printed with: the bounds, one unit or one millionth past
/// them, 28-digit values, negative values, more decimals than allowed, or anything at all.
fn angka_ekstrem() -> impl Strategy<Value = (Decimal, u32)> {
    let satu_per_juta = dec!(0.000001);
    prop_oneof![
        Just((BATAS_ANGKA, 0)),
        Just((-BATAS_ANGKA, 2)),
        Just((BATAS_ANGKA - Decimal::ONE, 0)),
        Just((BATAS_ANGKA + Decimal::ONE, 0)),
        Just((-BATAS_ANGKA - Decimal::ONE, 0)),
        Just((BATAS_ANGKA + satu_per_juta, 6)),
        Just((Decimal::MAX, 0)),
        Just((Decimal::MIN, 0)),
        Just((dec!(7922816251426433759354395033.5), 1)),
        Just((dec!(0.0000001), 7)),
        Just((satu_per_juta, 6)),
        Just((-satu_per_juta, 6)),
        Just((Decimal::ZERO, 0)),
        (decimal_apa_saja(), 0u32..=30),
    ]
}

/// How a printed number must fare at the boundary: accepted as this value, refused past the
/// bound, or refused for its decimals.
#[derive(Debug)]
enum Harapan {
    Diterima(Decimal),
    MelebihiBatas,
    TerlaluRinci,
}

fn harapan(x: Decimal, desimal: u32) -> Harapan {
    let r = bulatkan(x, desimal);
    if r.abs() > BATAS_ANGKA {
        Harapan::MelebihiBatas
    } else if r.normalize().scale() > MAKS_DESIMAL {
        Harapan::TerlaluRinci
    } else {
        Harapan::Diterima(r)
    }
}

fn id<T>(f: fn(String) -> Result<T, GalatId>, s: &str) -> T {
    f(s.to_string()).unwrap()
}

/// The seed with `realisasi` as SKM's annual realisasi and each of DESA's four quarters (summed),
/// `target` as REKOM's measurement target and the national figure, `uang` as a budget line's pagu
/// and another's realisasi, and a survey whose distribution holds `mentah` as an adapter might
/// hand it in, unchecked.
fn data(
    realisasi: Option<&Nilai>,
    target: Option<&Nilai>,
    uang: Option<Rupiah>,
    mentah: Decimal,
) -> DataInstansi {
    let mut d = mumbulsari();
    if let Some(n) = realisasi {
        d.realisasi[0].nilai = n.clone();
        d.realisasi.retain(|r| r.indikator.as_str() != "DESA");
        for p in Periode::TRIWULAN {
            let mut r = realisasi_satu("DESA", p);
            r.nilai = n.clone();
            d.realisasi.push(r);
        }
        d.indikator[2].cara_tahunan = CaraTahunan::Jumlah;
    }
    if let Some(t) = target {
        for x in &mut d.target {
            if x.indikator.as_str() == "REKOM" && x.dokumen == DokumenTarget::Pengukuran {
                x.nilai = t.clone();
            }
        }
        d.pembanding.push(Pembanding {
            indikator: id(IndikatorId::new, "SKM"),
            tahun: tahun(2020),
            lingkup: "nasional".into(),
            nilai: t.clone(),
            sumber: None,
            catatan: None,
        });
    }
    if let Some(u) = uang {
        d.anggaran[0].pagu = u;
        d.anggaran[1].realisasi = Some(u);
    }
    d.skm.push(SurveiSkm {
        id: id(SurveiId::new, "skm"),
        instansi: id(InstansiId::new, "mumbulsari"),
        tahun: tahun(2020),
        regime: "permenpanrb-14-2017".into(),
        indikator: Some(id(IndikatorId::new, "SKM")),
        responden: None,
        populasi: None,
        unsur: (1..=9)
            .map(|nomor| UnsurSkm {
                nomor,
                nama: format!("U{nomor}"),
                jumlah: None,
                distribusi: Some([Decimal::ONE, Decimal::ZERO, dec!(50), mentah.abs()]),
            })
            .collect(),
        catatan: None,
    });
    d
}

fn realisasi_satu(ind: &str, periode: Periode) -> Realisasi {
    realisasi(ind, 2020, periode, "1")
}

/// Every figure the adapters print, printed.
fn cetak_semua(d: &DataInstansi) -> usize {
    let mut teks = Vec::new();
    let persen = |c: &Capaian| match c {
        Capaian::Ada { persen, .. } => format_persen(*persen, 2),
        Capaian::TidakTersedia { alasan } => alasan.pesan().to_string(),
    };
    for rumus in [RumusNegatif::SelisihTarget, RumusNegatif::Kebalikan] {
        let mut ix = Indeks::new(d);
        ix.aturan.rumus_negatif = rumus;
        let t = pengukuran::ukur(&ix, tahun(2020));
        for b in &t.baris {
            teks.push(persen(&b.capaian));
            teks.extend(b.realisasi.as_ref().map(|r| r.nilai.to_string()));
            teks.extend(b.predikat.as_ref().map(|p| p.label.clone()));
        }
        for s in &t.sasaran {
            teks.extend(s.capaian.map(|c| format_persen(c, 2)));
        }
        let semua: Vec<Capaian> = t.baris.iter().map(|b| b.capaian).collect();
        teks.extend(capaian::rata_rata(&semua).map(|c| format_persen(c, 2)));
        for ind in &d.indikator {
            for polaritas in [Polaritas::Positif, Polaritas::Negatif, Polaritas::Rentang] {
                let ind = Indikator {
                    polaritas,
                    ..ind.clone()
                };
                let k = pengukuran::tingkat_kemajuan(&ix, &ind, tahun(2020));
                teks.push(persen(&k.kemajuan));
                for r in pengukuran::riwayat(&ix, &ind, tahun(2020)) {
                    teks.push(persen(&r.capaian));
                    teks.extend(r.perubahan.map(|p| format_angka(p, 2)));
                }
                let b = pengukuran::bandingkan(&ix, &ind, tahun(2020), "nasional");
                teks.extend(b.selisih.map(|s| format_angka(s, 2)));
            }
        }
    }
    let a = anggaran::ringkas(d, tahun(2020));
    for s in [&a.total, &a.program_total]
        .into_iter()
        .chain(a.jenis.iter().map(|j| &j.serapan))
        .chain(a.program.iter().map(|p| &p.serapan))
        .chain(a.sasaran.iter().map(|p| &p.serapan))
    {
        teks.push(format_rupiah(s.pagu));
        teks.extend(s.realisasi.map(format_rupiah));
        teks.extend(s.persen.map(|p| format_persen(p, 2)));
    }
    for p in &a.program {
        teks.extend(p.proporsi.map(|p| format_persen(p, 2)));
    }
    for s in &d.skm {
        match skm::hasil_survei(s) {
            Some(Ok(h)) => {
                teks.push(format_angka(h.nik, 2));
                teks.extend(h.unsur.iter().map(|u| format_angka(u.skor, 2)));
            }
            Some(Err(e)) => teks.push(e.to_string()),
            None => {}
        }
        for u in &s.unsur {
            if let Some(Ok(v)) = u.data().map(|x| x.skor("U")) {
                teks.push(format_angka(v, 2));
            }
        }
    }
    teks.len()
}

proptest! {
    #[test]
    fn extreme_numbers_are_refused_at_the_boundary_or_computed_and_printed(
        (x, dx) in angka_ekstrem(),
        (y, dy) in angka_ekstrem(),
        mentah in decimal_apa_saja(),
    ) {
        let teks_x = format_angka(x, dx);
        let realisasi = Nilai::parse(&teks_x);
        let uang = parse_rupiah(&format!("Rp {teks_x}"));
        match harapan(x, dx) {
            Harapan::Diterima(r) => {
                prop_assert_eq!(realisasi.as_ref().map(Nilai::angka_setara), Ok(Some(r)));
                // Money takes two typed decimals at most, even zeros.
                prop_assert_eq!(uang.is_ok(), dx <= 2, "{}", teks_x);
            }
            Harapan::MelebihiBatas => {
                for pesan in [
                    realisasi.as_ref().unwrap_err().to_string(),
                    uang.as_ref().unwrap_err().to_string(),
                ] {
                    prop_assert!(pesan.contains(PESAN_BATAS), "{}", pesan);
                }
            }
            Harapan::TerlaluRinci => {
                prop_assert!(realisasi.is_err());
                prop_assert!(uang.is_err());
            }
        }
        // A value handed in rather than typed meets the same bounds.
        let dalam = x.abs() <= BATAS_ANGKA && x.normalize().scale() <= MAKS_DESIMAL;
        prop_assert_eq!(Nilai::angka(x).is_ok(), dalam);
        prop_assert_eq!(
            Rupiah::new(x).is_ok(),
            x.abs() <= BATAS_ANGKA && x.normalize().scale() <= 2
        );
        if x.abs() > BATAS_ANGKA {
            prop_assert!(Nilai::angka(x).unwrap_err().to_string().contains(PESAN_BATAS));
            prop_assert!(Rupiah::new(x).unwrap_err().to_string().contains(PESAN_BATAS));
        }

        let target = Nilai::parse(&format_angka(y, dy));
        let d = data(realisasi.as_ref().ok(), target.as_ref().ok(), uang.ok(), mentah);
        let _ = validasi::periksa(&d);
        prop_assert!(cetak_semua(&d) > 0);
        // The same realisasi and target straight through the formula, with a cap at `mentah`.
        if let (Ok(r), Ok(t)) = (&realisasi, &target) {
            let aturan = AturanCapaian { batas_atas: Some(mentah), ..AturanCapaian::default() };
            for p in [Polaritas::Positif, Polaritas::Negatif] {
                let c = capaian::hitung(p, Some(t), Some(r), &aturan);
                if let Some(p) = c.persen() {
                    let _ = format_persen(p, 2);
                }
            }
        }
    }
}

#[test]
fn the_issue_s_realisasi_is_refused_and_never_reaches_a_sum() {
    // 79228162514264337593543950335 (Decimal::MAX) was accepted through the API and every page
    // summing capaian then failed with "Addition overflowed".
    let e = Nilai::parse("79228162514264337593543950335").unwrap_err();
    assert_eq!(
        e.to_string(),
        "nilai \"79228162514264337593543950335\": angka \"79228162514264337593543950335\" tidak sah: melebihi batas 1.000.000.000.000.000"
    );
    // Within the bounds, the worst case of the formula is far inside `Decimal`: realisasi at the
    // bound over a target of one millionth is 10^15 / 10^-6 x 100 = 10^23 %.
    let r = Nilai::parse("1.000.000.000.000.000").unwrap();
    let t = Nilai::parse("0,000001").unwrap();
    let c = capaian::hitung(
        Polaritas::Positif,
        Some(&t),
        Some(&r),
        &AturanCapaian::default(),
    );
    assert_eq!(c.persen(), Some(dec!(1e23)));
    // Negative polarity: (T - (R - T)) / T x 100 with R = -10^15, T = 10^-6:
    // (2·10^-6 + 10^15) / 10^-6 x 100 = (2 + 10^21) x 100 = 100000000000000000000200.
    let r = Nilai::parse("-1.000.000.000.000.000").unwrap();
    let c = capaian::hitung(
        Polaritas::Negatif,
        Some(&t),
        Some(&r),
        &AturanCapaian::default(),
    );
    assert_eq!(c.persen(), Some(dec!(100000000000000000000200)));
}

#[test]
fn a_mean_of_capaian_past_decimal_s_range_is_still_a_mean() {
    // Two capaian of 6·10^28 % cannot be summed in a `Decimal` (7,9·10^28); their mean, taken
    // exactly, is 6·10^28 all the same. Out of reach with bounded numbers, but never a panic.
    let besar = Capaian::ada(dec!(60000000000000000000000000000), None);
    assert_eq!(
        capaian::rata_rata(&[besar, besar]),
        Some(dec!(60000000000000000000000000000))
    );
}
