//! Properties over random answers to the bundled worksheet: the total is the sum of the
//! components, each the sum of its sub-components; everything lies between 0 and its weight;
//! raising one answer never lowers the total; the grade follows the printed total.

use kinerja_core::model::{DataInstansi, JawabanEvaluasi, Penilaian};
use kinerja_core::waktu::Tahun;
use kinerja_evaluasi::jawaban::baca;
use kinerja_evaluasi::{Predikat, bawaan, nilai};
use proptest::prelude::*;
use rust_decimal::Decimal;

const KODE: [&str; 8] = ["AA", "A", "BB", "B", "CC", "C", "D", "E"];

fn data(pilihan: &[Option<usize>]) -> DataInstansi {
    let lke = bawaan();
    DataInstansi {
        jawaban_evaluasi: lke
            .semua_kriteria()
            .zip(pilihan)
            .filter_map(|((_, _, c), p)| {
                p.map(|p| JawabanEvaluasi {
                    tahun: Tahun::new(2022).unwrap(),
                    kriteria: c.id.clone(),
                    opd: None,
                    evaluator: Some(Penilaian {
                        jawaban: KODE[p].into(),
                        catatan: None,
                        bukti: Vec::new(),
                        usulan: None,
                    }),
                    rekomendasi: None,
                    tindak_lanjut: None,
                })
            })
            .collect(),
        ..Default::default()
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]
    #[test]
    fn totals_add_up_and_stay_in_bounds(
        pilihan in proptest::collection::vec(proptest::option::of(0usize..8), 80),
        naik in 0usize..80,
    ) {
        let lke = bawaan();
        let d = data(&pilihan);
        let h = nilai(&baca(&lke, &d, Tahun::new(2022).unwrap()).unwrap(), &[]);
        let mut jumlah = Decimal::ZERO;
        for k in &h.komponen {
            let sub: Decimal = k.sub.iter().map(|s| s.nilai.evaluator).sum();
            // Each sub-component's exact value is rounded to odd at 28 digits: the sums agree
            // far below the printed precision.
            prop_assert!((sub - k.nilai.evaluator).abs() < Decimal::new(1, 20));
            prop_assert!(k.nilai.evaluator >= Decimal::ZERO && k.nilai.evaluator <= k.bobot);
            jumlah += k.nilai.evaluator;
        }
        prop_assert!((jumlah - h.total.evaluator).abs() < Decimal::new(1, 20));
        prop_assert!(h.total.evaluator >= Decimal::ZERO && h.total.evaluator <= Decimal::ONE_HUNDRED);
        prop_assert_eq!(h.predikat(), Predikat::dari(h.total.evaluator));

        // One answer raised by a step (or given AA where missing) never lowers the total.
        let mut lebih = pilihan.clone();
        lebih[naik] = Some(lebih[naik].map_or(0, |p| p.saturating_sub(1)));
        let h2 = nilai(&baca(&lke, &data(&lebih), Tahun::new(2022).unwrap()).unwrap(), &[]);
        prop_assert!(h2.total.evaluator >= h.total.evaluator);
        prop_assert!(h2.predikat() >= h.predikat());
    }
}
