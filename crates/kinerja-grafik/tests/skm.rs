//! The SKM chart renders, with text, without system fonts.

use kinerja_core::skm::{DataUnsur, HasilSkm, Kuesioner, Opsi, Regime, hitung};
use kinerja_grafik::skm;
use rust_decimal::Decimal;

/// The seed's SKM table (Kecamatan Mumbulsari 2020, Kepmenpan 25/2004, 14 unsur): unsur 1 and 2
/// as published scores, the others as the percentages of answers 1-4.
fn seed() -> HasilSkm {
    let persen = |p: [i64; 4]| DataUnsur::Persen(p.map(Decimal::from));
    let baris = [
        ("Persyaratan", DataUnsur::Skor(Decimal::from(75))),
        ("Kemudahan Prosedur", DataUnsur::Skor(Decimal::from(70))),
        ("Kecepatan Pelayanan", persen([0, 0, 100, 0])),
        ("Biaya lain (pungutan)", persen([0, 40, 20, 40])),
        (
            "Kesesuaian antara hasil pelayanan dengan ketentuan yang ada",
            persen([0, 10, 80, 10]),
        ),
        ("Kemampuan memberikan pelayanan", persen([0, 10, 90, 0])),
        ("Kesopanan petugas", persen([0, 10, 70, 20])),
        (
            "Kesesuaian pelaksanaan pelayanan dengan standart pelayanan",
            persen([10, 30, 50, 10]),
        ),
        ("Penanganan pengaduan dan saran", persen([0, 90, 10, 0])),
        (
            "Kejelasan alur pembagian petugas pelayanan",
            persen([40, 10, 40, 10]),
        ),
        ("Waktu pelaksanaan pelayanan", persen([10, 0, 90, 0])),
        ("Kenyamanan", persen([0, 30, 60, 10])),
        ("Kecepatan dan ketepatan waktu", persen([10, 10, 80, 0])),
        ("Keamanan", persen([0, 0, 10, 90])),
    ];
    let nama = baris.iter().map(|(n, _)| (*n).to_string()).collect();
    let data: Vec<DataUnsur> = baris.into_iter().map(|(_, d)| d).collect();
    let kuesioner = Kuesioner::dengan_nama(Regime::kepmenpan_25_2004(), nama).unwrap();
    hitung(&kuesioner, &data, &Opsi::default()).unwrap()
}

#[test]
fn svg_has_a_bar_per_unsur_the_mean_and_hatching_below_it() {
    let s = skm::svg(&seed(), "SKM Kecamatan Mumbulsari 2020");
    // Scores (NRR x 25): 75, 70, 75, 75, 75, 72,5, 77,5, 65, 52,5, 55, 70, 70, 67,5, 97,5; their
    // mean 997,5 / 14 = 71,25. 7 bars solid (>= 71,25: unsur 1, 3, 4, 5, 6, 7, 14), 7 hatched.
    assert_eq!(s.matches(r##"height="22" fill="#4a4a4a""##).count(), 7);
    assert_eq!(s.matches(r#"height="22" fill="url(#arsir)""#).count(), 7);
    assert!(s.contains("rata-rata 71,25"));
    assert!(s.contains("97,50"));
    assert!(s.contains("Biaya lain (pungutan)"));
    assert!(s.contains("mutu A") && s.contains("mutu D"));
    // Unsur 1 and 2 are published scores, without answers: starred, and the note says so.
    assert!(s.contains("U1. Persyaratan *"));
    assert!(s.contains("* skor terbit, tanpa data jawaban."));
}

#[test]
fn png_renders_with_the_embedded_font() {
    let png = skm::png(&seed(), "SKM Kecamatan Mumbulsari 2020").unwrap();
    assert_eq!(&png[..8], b"\x89PNG\r\n\x1a\n");
    // IHDR width: 1000 user units x 2.
    let lebar = u32::from_be_bytes([png[16], png[17], png[18], png[19]]);
    assert_eq!(lebar, 2000);
    // Text drawn: a chart without glyphs compresses far smaller than one with 14 labels.
    assert!(png.len() > 60_000, "{} bytes", png.len());
}
