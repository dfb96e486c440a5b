//! The Indonesian number parsers (`kinerja_core::angka`) and `Rupiah`, with their round trips:
//! whatever is accepted prints and reads back as the same value, and any decimal printed at any
//! precision reads back as that decimal rounded by THE rounding rule.
#![no_main]

use kinerja_core::angka::{
    bulatkan, dalam_batas, format_angka, format_persen, format_rupiah, parse_angka, parse_persen,
    parse_rupiah,
};
use kinerja_core::uang::Rupiah;
use libfuzzer_sys::fuzz_target;
use rust_decimal::Decimal;

fuzz_target!(|data: &[u8]| {
    if let Ok(teks) = std::str::from_utf8(data) {
        teks_apa_saja(teks);
    }
    if let Some(x) = desimal_dari(data) {
        desimal_apa_saja(x, data[16]);
    }
});

fn teks_apa_saja(teks: &str) {
    for hasil in [parse_angka(teks), parse_persen(teks)] {
        match hasil {
            Ok(n) => {
                let cetak = format_angka(n, n.scale());
                assert_eq!(parse_angka(&cetak), Ok(n), "{teks:?} -> {cetak:?}");
            }
            // The message names what the author typed.
            Err(e) => assert!(e.to_string().contains(&format!("{teks:?}")), "{e}"),
        }
    }
    match parse_rupiah(teks) {
        Ok(r) => {
            assert!(r.nilai().scale() <= 2, "{teks:?} gave {r:?}");
            let cetak = format_rupiah(r);
            let kembali = parse_rupiah(&cetak);
            assert_eq!(kembali, Ok(r), "{teks:?} -> {cetak:?}");
            assert_eq!(format_rupiah(r), r.to_string());
        }
        Err(e) => assert!(e.to_string().contains(&format!("{teks:?}")), "{e}"),
    }
}

/// 16 bytes as a decimal (96-bit mantissa, sign, scale 0..=28) and a 17th for the precision.
fn desimal_dari(data: &[u8]) -> Option<Decimal> {
    let b: [u8; 16] = data.get(..16)?.try_into().ok()?;
    let n = u128::from_le_bytes(b);
    let mantisa = (n & ((1u128 << 96) - 1)) as i128;
    let skala = ((n >> 96) as u32 & 0xff) % (Decimal::MAX_SCALE + 1);
    let negatif = (n >> 104) & 1 == 1;
    let x = Decimal::from_i128_with_scale(if negatif { -mantisa } else { mantisa }, skala);
    data.get(16)?;
    Some(x)
}

fn desimal_apa_saja(x: Decimal, b: u8) {
    let desimal = u32::from(b % 33);
    let dibulatkan = bulatkan(x, desimal);
    assert!(dibulatkan.scale() <= desimal.max(x.scale()));
    let teks = format_angka(x, desimal);
    // Printing has no bounds; reading does (10^15, 6 decimals): what prints within them reads
    // back equal, what prints past them is refused.
    let terbaca = dalam_batas(dibulatkan).is_ok();
    if terbaca {
        assert_eq!(
            parse_angka(&teks),
            Ok(dibulatkan),
            "{x} at {desimal}: {teks:?}"
        );
    } else {
        assert!(parse_angka(&teks).is_err(), "{x} at {desimal}: {teks:?}");
    }
    assert_eq!(
        teks.starts_with('-'),
        dibulatkan < Decimal::ZERO,
        "{teks:?}"
    );
    let persen = format_persen(x, desimal);
    if terbaca {
        assert_eq!(parse_persen(&persen), Ok(dibulatkan), "{persen:?}");
    } else {
        assert!(parse_persen(&persen).is_err(), "{persen:?}");
    }
    if let Ok(r) = Rupiah::new(x) {
        let teks = format_rupiah(r);
        let kembali = parse_rupiah(&teks);
        assert_eq!(kembali, Ok(r), "{teks:?}");
        assert_eq!(kembali.map(format_rupiah), Ok(teks));
    }
}
