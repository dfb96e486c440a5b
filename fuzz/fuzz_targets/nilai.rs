//! `Nilai` (a target or realisasi as written: `B (80 %)`, `80 - 90`, `WTP`), then capaian over
//! the parsed pair under every polarity and rule, then the mean. None of it may panic: the
//! core promises never to panic on user data.
//!
//! Input: one byte of options, then the target text, a NUL, the realisasi text.
#![no_main]

use kinerja_core::capaian::{self, AturanCapaian, Capaian, RumusNegatif};
use kinerja_core::model::Polaritas;
use kinerja_core::nilai::{Bentuk, Nilai};
use libfuzzer_sys::fuzz_target;
use rust_decimal::Decimal;

fuzz_target!(|data: &[u8]| {
    let Some((&opsi, sisa)) = data.split_first() else {
        return;
    };
    let Ok(teks) = std::str::from_utf8(sisa) else {
        return;
    };
    let (t, r) = teks.split_once('\0').unwrap_or((teks, ""));
    let target = baca(t);
    let realisasi = baca(r);
    let batas_atas = match opsi >> 4 {
        0 => None,
        n => Some(Decimal::from(u32::from(n) * 25)),
    };
    let mut semua = Vec::new();
    for rumus_negatif in [RumusNegatif::SelisihTarget, RumusNegatif::Kebalikan] {
        let aturan = AturanCapaian {
            rumus_negatif,
            batas_atas,
        };
        for polaritas in [Polaritas::Positif, Polaritas::Negatif, Polaritas::Rentang] {
            let c = capaian::hitung(polaritas, target.as_ref(), realisasi.as_ref(), &aturan);
            if let Capaian::Ada { persen, .. } = c {
                assert!(persen >= Decimal::ZERO, "capaian below the floor: {c:?}");
                if let Some(maks) = batas_atas {
                    assert!(persen <= maks, "capaian above the cap: {c:?}");
                }
            }
            // A sasaran whose two indicators have the same figures.
            let _ = capaian::rata_rata(&[c, c]);
            semua.push(c);
        }
    }
    let _ = capaian::rata_rata(&semua);
});

fn baca(teks: &str) -> Option<Nilai> {
    let n = Nilai::parse(teks).ok()?;
    // The text is kept as written (trimmed), and reading it again gives the same value.
    assert_eq!(n.teks(), teks.trim());
    assert_eq!(n.to_string(), n.teks());
    assert_eq!(Nilai::parse(n.teks()).as_ref(), Ok(&n));
    if let Bentuk::Rentang { bawah, atas, .. } = n.bentuk() {
        assert!(bawah <= atas, "{teks:?}");
    }
    Some(n)
}
