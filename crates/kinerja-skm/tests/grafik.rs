//! The chart renders, with text, without system fonts.

use std::path::Path;

use kinerja_core::skm::Opsi;
use kinerja_skm::{OpsiBaca, baca, grafik};

fn hasil(nama: &str) -> kinerja_core::skm::HasilSkm {
    let p = Path::new(env!("CARGO_MANIFEST_DIR"))
        .join("tests/data")
        .join(nama);
    baca(&p, &OpsiBaca::default())
        .unwrap()
        .hitung(&Opsi::default())
        .unwrap()
}

#[test]
fn svg_has_a_bar_per_unsur_the_mean_and_hatching_below_it() {
    let h = hasil("seed-mumbulsari-2020.csv");
    let s = grafik::svg(&h, "SKM Kecamatan Mumbulsari 2020");
    // 14 bars: 7 solid (>= 71,25: rows 1, 3, 4, 5, 6, 7, 14), 7 hatched.
    assert_eq!(s.matches(r##"height="22" fill="#4a4a4a""##).count(), 7);
    assert_eq!(s.matches(r#"height="22" fill="url(#arsir)""#).count(), 7);
    assert!(s.contains("rata-rata 71,25"));
    assert!(s.contains("97,50"));
    assert!(s.contains("Biaya lain (pungutan)"));
    assert!(s.contains("mutu A") && s.contains("mutu D"));
}

#[test]
fn png_renders_with_the_embedded_font() {
    let h = hasil("seed-mumbulsari-2020.csv");
    let png = grafik::png(&h, "SKM Kecamatan Mumbulsari 2020").unwrap();
    assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n");
    // IHDR width: 1000 user units x 2.
    let lebar = u32::from_be_bytes([png[16], png[17], png[18], png[19]]);
    assert_eq!(lebar, 2000);
    // Text drawn: a chart without glyphs compresses far smaller than one with 14 labels.
    assert!(png.len() > 60_000, "{} bytes", png.len());
    let dir = std::env::temp_dir();
    std::fs::write(dir.join("kinerja-skm-seed.png"), &png).unwrap();
    let h9 = hasil("contoh-9-unsur.csv");
    std::fs::write(
        dir.join("kinerja-skm-contoh9.png"),
        grafik::png(&h9, "Contoh 9 unsur").unwrap(),
    )
    .unwrap();
    std::fs::write(
        dir.join("kinerja-skm-seed.svg"),
        grafik::svg(&h, "SKM Kecamatan Mumbulsari 2020"),
    )
    .unwrap();
}
