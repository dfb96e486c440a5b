use super::*;
use crate::uji::decimal_apa_saja;
use proptest::prelude::*;
use rust_decimal_macros::dec;

fn alasan_angka(teks: &str) -> Alasan {
    match parse_angka(teks) {
        Ok(n) => panic!("{teks:?} should be refused, parsed as {n}"),
        Err(e) => e.alasan,
    }
}

#[test]
fn parses_indonesian_notation() {
    assert_eq!(parse_angka("1.674.830.966,58"), Ok(dec!(1674830966.58)));
    assert_eq!(parse_angka("-12,5"), Ok(dec!(-12.5)));
    assert_eq!(parse_angka("1500"), Ok(dec!(1500)));
    assert_eq!(parse_angka("0,5"), Ok(dec!(0.5)));
    assert_eq!(parse_angka("1.500"), Ok(dec!(1500)));
    assert_eq!(parse_angka("1,500"), Ok(dec!(1.5)));
    assert_eq!(parse_angka("999"), Ok(dec!(999)));
    assert_eq!(parse_angka("007"), Ok(dec!(7)));
    assert_eq!(parse_angka("-0,00"), Ok(dec!(0)));
    assert!(!parse_angka("-0,00").unwrap().is_sign_negative());
}

#[test]
fn parses_the_seed_amounts() {
    assert_eq!(parse_angka("1.674.830.966,58"), Ok(dec!(1674830966.58)));
    assert_eq!(parse_angka("354.478.761,00"), Ok(dec!(354478761)));
    assert_eq!(parse_angka("889.672.130,00"), Ok(dec!(889672130)));
    assert_eq!(parse_angka("1.267.731.971,00"), Ok(dec!(1267731971)));
}

#[test]
fn keeps_the_typed_scale() {
    assert_eq!(parse_angka("354.478.761,00").unwrap().scale(), 2);
    assert_eq!(parse_angka("88,60").unwrap().to_string(), "88.60");
}

#[test]
fn trims_whitespace_including_nbsp() {
    assert_eq!(parse_angka("  1.500\t"), Ok(dec!(1500)));
    assert_eq!(parse_angka("\u{a0}1.500,25\u{a0}"), Ok(dec!(1500.25)));
    assert_eq!(parse_persen("88,62\u{a0}%"), Ok(dec!(88.62)));
    assert_eq!(parse_rupiah("Rp\u{a0}400.000"), Ok(Rupiah::utuh(400_000)));
}

#[test]
fn parses_percent_as_the_percent_number() {
    assert_eq!(parse_persen("88,62 %"), Ok(dec!(88.62)));
    assert_eq!(parse_persen("88,62%"), Ok(dec!(88.62)));
    assert_eq!(parse_persen("100 %"), Ok(dec!(100)));
    assert_eq!(parse_persen("100"), Ok(dec!(100)));
    assert_eq!(parse_persen("-5,5 %"), Ok(dec!(-5.5)));
}

#[test]
fn refuses_malformed_percent() {
    assert_eq!(parse_persen("%").unwrap_err().alasan, Alasan::TanpaDigit);
    assert_eq!(
        parse_persen("88%%").unwrap_err().alasan,
        Alasan::KarakterTidakSah('%')
    );
    assert_eq!(
        parse_persen("% 88").unwrap_err().alasan,
        Alasan::KarakterTidakSah('%')
    );
    assert_eq!(
        parse_persen("88.62 %").unwrap_err().alasan,
        Alasan::KelompokRibuan("62".into())
    );
}

#[test]
fn parses_rupiah_with_and_without_prefix() {
    assert_eq!(
        parse_rupiah("Rp 400.000.000,00"),
        Ok(Rupiah::utuh(400_000_000))
    );
    assert_eq!(
        parse_rupiah("Rp. 1.274.830.966,58").map(Rupiah::nilai),
        Ok(dec!(1274830966.58))
    );
    assert_eq!(parse_rupiah("Rp400.000"), Ok(Rupiah::utuh(400_000)));
    assert_eq!(
        parse_rupiah("400.000.000,00"),
        Ok(Rupiah::utuh(400_000_000))
    );
    assert_eq!(parse_rupiah("RP 5"), Ok(Rupiah::utuh(5)));
    assert_eq!(parse_rupiah("rp.5,5"), Ok(Rupiah::new(dec!(5.5)).unwrap()));
}

#[test]
fn parses_rupiah_without_sen_marker() {
    assert_eq!(parse_rupiah("Rp 50.000,-"), Ok(Rupiah::utuh(50_000)));
    assert_eq!(
        parse_rupiah("Rp 50.000,00,-").unwrap_err().alasan,
        Alasan::LebihDariSatuKoma
    );
}

#[test]
fn parses_negative_rupiah_before_or_after_prefix_but_not_both() {
    assert_eq!(parse_rupiah("-Rp 5.000,00"), Ok(Rupiah::utuh(-5000)));
    assert_eq!(parse_rupiah("Rp -5.000,00"), Ok(Rupiah::utuh(-5000)));
    assert_eq!(parse_rupiah("-5.000"), Ok(Rupiah::utuh(-5000)));
    assert_eq!(
        parse_rupiah("-Rp -5.000").unwrap_err().alasan,
        Alasan::TandaMinusSalahTempat
    );
}

#[test]
fn refuses_rupiah_with_more_than_two_decimals_even_zeros() {
    let e = parse_rupiah("Rp 210.000,000").unwrap_err();
    assert_eq!(
        e.alasan,
        Alasan::TerlaluBanyakDesimal {
            maks: 2,
            ditemukan: 3
        }
    );
    assert!(e.to_string().contains("\"Rp 210.000,000\""), "{e}");
    assert!(parse_rupiah("1,005").is_err());
}

#[test]
fn refuses_rupiah_prefix_without_amount() {
    assert_eq!(parse_rupiah("Rp").unwrap_err().alasan, Alasan::TanpaDigit);
    assert_eq!(parse_rupiah("Rp.").unwrap_err().alasan, Alasan::TanpaDigit);
    assert_eq!(
        parse_rupiah("Rp Rp 5").unwrap_err().alasan,
        Alasan::KarakterTidakSah('R')
    );
    assert_eq!(
        parse_rupiah("IDR 5").unwrap_err().alasan,
        Alasan::KarakterTidakSah('I')
    );
}

#[test]
fn error_message_is_indonesian_and_names_the_value() {
    let e = parse_angka("210.000,000,00").unwrap_err();
    assert_eq!(
        e.to_string(),
        "angka \"210.000,000,00\" tidak sah: lebih dari satu tanda koma desimal"
    );
    assert_eq!(e.teks, "210.000,000,00");
}

#[test]
fn refuses_each_typo_from_real_reports_naming_the_value() {
    let kasus = [
        ("210.000,000,00", Alasan::LebihDariSatuKoma),
        ("15.000,000.00", Alasan::TitikSetelahKoma),
        ("5,000,000.00", Alasan::NotasiInggris),
        ("889.672.130.00", Alasan::KelompokRibuan("00".into())),
        ("30,000,000", Alasan::NotasiInggris),
        ("1,274.830.966,58", Alasan::TitikSetelahKoma),
    ];
    for (teks, alasan) in kasus {
        for e in [
            parse_angka(teks).unwrap_err(),
            parse_persen(teks).unwrap_err(),
            parse_rupiah(teks).unwrap_err(),
            parse_rupiah(&format!("Rp. {teks}")).unwrap_err(),
        ] {
            assert_eq!(e.alasan, alasan, "{teks}");
            assert!(e.to_string().contains(&format!("\"{}\"", e.teks)), "{e}");
            assert!(e.to_string().contains(teks), "{e}");
        }
    }
}

#[test]
fn refuses_rupiah_typo_with_the_whole_text_in_the_message() {
    let e = parse_rupiah("Rp. 1,274.830.966,58").unwrap_err();
    assert_eq!(e.alasan, Alasan::TitikSetelahKoma);
    assert!(
        e.to_string()
            .starts_with("angka \"Rp. 1,274.830.966,58\" tidak sah: "),
        "{e}"
    );
}

#[test]
fn dot_group_not_of_three_digits_explains_the_notation() {
    assert_eq!(alasan_angka("88.62"), Alasan::KelompokRibuan("62".into()));
    assert_eq!(alasan_angka("1.5"), Alasan::KelompokRibuan("5".into()));
    assert_eq!(
        alasan_angka("1.5000"),
        Alasan::KelompokRibuan("5000".into())
    );
    assert_eq!(
        alasan_angka("1234.567"),
        Alasan::KelompokRibuan("1234".into())
    );
    let pesan = parse_angka("88.62").unwrap_err().to_string();
    assert!(pesan.contains("\"88.62\""), "{pesan}");
    assert!(pesan.contains("titik adalah pemisah ribuan"), "{pesan}");
    assert!(pesan.contains("koma adalah tanda desimal"), "{pesan}");
}

#[test]
fn refuses_grouped_number_with_leading_zero() {
    assert_eq!(alasan_angka("0.500"), Alasan::NolDiDepan);
    assert_eq!(alasan_angka("01.500"), Alasan::NolDiDepan);
}

#[test]
fn refuses_empty_text() {
    assert_eq!(alasan_angka(""), Alasan::Kosong);
    assert_eq!(alasan_angka(" \u{a0}\t"), Alasan::Kosong);
    assert_eq!(parse_persen("").unwrap_err().alasan, Alasan::Kosong);
    assert_eq!(parse_rupiah("  ").unwrap_err().alasan, Alasan::Kosong);
    assert_eq!(alasan_angka("-"), Alasan::TanpaDigit);
}

#[test]
fn refuses_leading_and_trailing_separators() {
    assert_eq!(alasan_angka(",5"), Alasan::PemisahDiAwal);
    assert_eq!(alasan_angka("-,5"), Alasan::PemisahDiAwal);
    assert_eq!(alasan_angka(".500"), Alasan::PemisahDiAwal);
    assert_eq!(alasan_angka("5,"), Alasan::PemisahDiAkhir);
    assert_eq!(alasan_angka("1.500."), Alasan::PemisahDiAkhir);
    assert_eq!(alasan_angka("1..000"), Alasan::PemisahBeruntun);
    assert_eq!(alasan_angka("1.,5"), Alasan::PemisahBeruntun);
    assert_eq!(alasan_angka("1,.5"), Alasan::TitikSetelahKoma);
    assert_eq!(alasan_angka("1,,5"), Alasan::LebihDariSatuKoma);
}

#[test]
fn refuses_misplaced_sign() {
    assert_eq!(alasan_angka("12-5"), Alasan::TandaMinusSalahTempat);
    assert_eq!(alasan_angka("--5"), Alasan::TandaMinusSalahTempat);
    assert_eq!(alasan_angka("5-"), Alasan::TandaMinusSalahTempat);
    assert_eq!(alasan_angka("+5"), Alasan::KarakterTidakSah('+'));
}

#[test]
fn refuses_letters_and_inner_spaces() {
    assert_eq!(alasan_angka("12a"), Alasan::KarakterTidakSah('a'));
    assert_eq!(alasan_angka("1e5"), Alasan::KarakterTidakSah('e'));
    assert_eq!(alasan_angka("1 500"), Alasan::KarakterTidakSah(' '));
    assert_eq!(alasan_angka("- 5"), Alasan::KarakterTidakSah(' '));
    assert_eq!(alasan_angka("١٢"), Alasan::KarakterTidakSah('١'));
    let pesan = parse_angka("1 500").unwrap_err().to_string();
    assert!(pesan.contains("spasi"), "{pesan}");
}

#[test]
fn refuses_values_past_the_bound_naming_it() {
    // The bound itself is a number; one millionth more is not.
    assert_eq!(parse_angka("1.000.000.000.000.000"), Ok(BATAS_ANGKA));
    assert_eq!(parse_angka("-1.000.000.000.000.000"), Ok(-BATAS_ANGKA));
    assert_eq!(
        alasan_angka("1.000.000.000.000.000,000001"),
        Alasan::MelebihiBatas
    );
    assert_eq!(
        parse_rupiah("Rp 1.000.000.000.000.000,01")
            .unwrap_err()
            .alasan,
        Alasan::MelebihiBatas
    );
    // Decimal::MAX, the value of the issue: refused at the boundary, not inside a sum.
    let e = parse_angka("79228162514264337593543950335").unwrap_err();
    assert_eq!(e.alasan, Alasan::MelebihiBatas);
    assert_eq!(
        e.to_string(),
        "angka \"79228162514264337593543950335\" tidak sah: melebihi batas 1.000.000.000.000.000"
    );
    assert_eq!(alasan_angka(&"9".repeat(200)), Alasan::MelebihiBatas);
    // Leading zeros do not count: 0000000000000000000001 is 1.
    assert_eq!(parse_angka(&format!("{}1", "0".repeat(40))), Ok(dec!(1)));
    assert_eq!(format_angka(BATAS_ANGKA, 0), BATAS_ANGKA_TEKS);
}

#[test]
fn refuses_more_than_six_decimals() {
    assert_eq!(parse_angka("0,000001"), Ok(dec!(0.000001)));
    assert_eq!(
        alasan_angka("0,0000001"),
        Alasan::TerlaluBanyakDesimal {
            maks: 6,
            ditemukan: 7
        }
    );
    assert_eq!(
        alasan_angka(&format!("0,{}", "1".repeat(29))),
        Alasan::TerlaluBanyakDesimal {
            maks: 6,
            ditemukan: 29
        }
    );
}

#[test]
fn a_value_handed_in_is_held_to_the_same_bounds() {
    assert_eq!(dalam_batas(BATAS_ANGKA), Ok(BATAS_ANGKA));
    assert_eq!(
        dalam_batas(Decimal::MAX).unwrap_err().to_string(),
        "angka \"79.228.162.514.264.337.593.543.950.335\" tidak sah: melebihi batas 1.000.000.000.000.000"
    );
    assert_eq!(
        dalam_batas(dec!(1.1234567)).unwrap_err().alasan,
        Alasan::TerlaluBanyakDesimal {
            maks: 6,
            ditemukan: 7
        }
    );
    // Trailing zeros are not decimals: 1,5000000 is 1,5.
    assert_eq!(dalam_batas(dec!(1.5000000)), Ok(dec!(1.5)));
}

#[test]
fn accepts_trailing_zeros_beyond_the_decimals_allowed() {
    assert_eq!(
        parse_angka(&format!("1,5{}", "0".repeat(40))),
        Ok(dec!(1.5))
    );
    assert_eq!(
        parse_angka("1.000.000.000.000.000,00000000"),
        Ok(BATAS_ANGKA)
    );
}

#[test]
fn formats_indonesian_notation() {
    assert_eq!(format_angka(dec!(1674830966.58), 2), "1.674.830.966,58");
    assert_eq!(format_angka(dec!(1500), 0), "1.500");
    assert_eq!(format_angka(dec!(-1234.5), 2), "-1.234,50");
    assert_eq!(format_angka(dec!(-12.5), 1), "-12,5");
    assert_eq!(format_angka(dec!(0.5), 1), "0,5");
    assert_eq!(format_angka(dec!(0.05), 2), "0,05");
    assert_eq!(format_angka(dec!(0), 2), "0,00");
    assert_eq!(format_angka(dec!(999), 0), "999");
    assert_eq!(format_angka(dec!(1000), 0), "1.000");
    assert_eq!(format_angka(dec!(100000), 0), "100.000");
    assert_eq!(format_angka(dec!(1.5), 0), "2");
    assert_eq!(
        format_angka(Decimal::MAX, 0),
        "79.228.162.514.264.337.593.543.950.335"
    );
    assert_eq!(
        format_angka(Decimal::MIN, 1),
        "-79.228.162.514.264.337.593.543.950.335,0"
    );
}

#[test]
fn formats_the_seed_amounts() {
    assert_eq!(format_angka(dec!(354478761), 2), "354.478.761,00");
    assert_eq!(format_angka(dec!(889672130.00), 2), "889.672.130,00");
    assert_eq!(format_angka(dec!(1267731971), 2), "1.267.731.971,00");
}

#[test]
fn never_prints_negative_zero() {
    assert_eq!(format_angka(dec!(-0.004), 2), "0,00");
    assert_eq!(format_angka(dec!(-0.4), 0), "0");
    assert_eq!(format_angka(-Decimal::ZERO, 2), "0,00");
    assert_eq!(format_persen(dec!(-0.004), 2), "0,00 %");
    assert!(!bulatkan(dec!(-0.004), 2).is_sign_negative());
    // Half away from zero: -0,005 is a real (if tiny) negative amount.
    assert_eq!(format_angka(dec!(-0.005), 2), "-0,01");
}

#[test]
fn rounds_half_away_from_zero_like_the_reports() {
    // 12.845.000 / 20.000.000 = 0,64225 exactly -> 64,225 % -> 64,23 % (half away from zero).
    // Banker's rounding would give 64,22 (2 is even) and disagree with the published report.
    let persen = dec!(12845000) / dec!(20000000) * dec!(100);
    assert_eq!(persen, dec!(64.225));
    assert_eq!(bulatkan(persen, 2), dec!(64.23));
    assert_eq!(format_persen(persen, 2), "64,23 %");
    assert_ne!(
        persen.round_dp(2),
        bulatkan(persen, 2),
        "round_dp is banker's"
    );

    assert_eq!(bulatkan(dec!(-64.225), 2), dec!(-64.23));
    assert_eq!(bulatkan(dec!(2.5), 0), dec!(3));
    assert_eq!(bulatkan(dec!(-2.5), 0), dec!(-3));
    assert_eq!(bulatkan(dec!(1.5), 2), dec!(1.5));
}

#[test]
fn rounds_realisation_percentage_of_the_seed() {
    // 354.478.761 / 400.000.000 = 0,8861969025 -> 88,61969025 % -> 88,62 % (third decimal 9).
    let persen = dec!(354478761) / dec!(400000000) * dec!(100);
    assert_eq!(persen, dec!(88.61969025));
    assert_eq!(format_persen(persen, 2), "88,62 %");
}

#[test]
fn formats_percent_with_a_space_before_the_sign() {
    assert_eq!(format_persen(dec!(88.62), 2), "88,62 %");
    assert_eq!(format_persen(dec!(100), 0), "100 %");
    assert_eq!(
        parse_persen(&format_persen(dec!(88.62), 2)),
        Ok(dec!(88.62))
    );
}

#[test]
fn formats_rupiah_with_two_decimals() {
    assert_eq!(
        format_rupiah(Rupiah::utuh(400_000_000)),
        "Rp 400.000.000,00"
    );
    assert_eq!(
        format_rupiah(Rupiah::new(dec!(1274830966.58)).unwrap()),
        "Rp 1.274.830.966,58"
    );
    assert_eq!(format_rupiah(Rupiah::NOL), "Rp 0,00");
    assert_eq!(format_rupiah(Rupiah::utuh(-5000)), "-Rp 5.000,00");
    assert_eq!(format_rupiah(Rupiah::new(dec!(0.5)).unwrap()), "Rp 0,50");
}

/// |x| <= 10^15 with up to 6 decimal places.
fn decimal_laporan() -> impl Strategy<Value = Decimal> {
    (0u32..=6).prop_flat_map(|skala| {
        let batas = 10i128.pow(15 + skala);
        (-batas..=batas).prop_map(move |m| Decimal::from_i128_with_scale(m, skala))
    })
}

proptest! {
    /// Never a panic on user text (the API and forms pass anything through here).
    #[test]
    fn any_text_is_a_number_or_an_error(t in "\\PC{0,30}") {
        let _ = parse_angka(&t);
        let _ = parse_persen(&t);
        let _ = parse_rupiah(&t);
        let _ = crate::waktu::Tanggal::parse(&t);
        let _ = crate::model::Nip::parse(&t);
    }

    #[test]
    fn format_then_parse_gives_the_rounded_value(x in decimal_laporan()) {
        let teks = format_angka(x, 2);
        prop_assert_eq!(parse_angka(&teks), Ok(bulatkan(x, 2)), "{}", teks);
    }

    /// Whatever a computation printed reads back when it is within the bounds, and is
    /// refused with the reason when it is not.
    #[test]
    fn format_then_parse_gives_the_rounded_value_or_the_bound(
        x in decimal_apa_saja(),
        desimal in 0u32..=32,
    ) {
        let r = bulatkan(x, desimal);
        let harapan = if r.abs() > BATAS_ANGKA {
            Err(Alasan::MelebihiBatas)
        } else if r.normalize().scale() > MAKS_DESIMAL {
            Err(Alasan::TerlaluBanyakDesimal {
                maks: MAKS_DESIMAL,
                ditemukan: r.normalize().scale() as usize,
            })
        } else {
            Ok(r)
        };
        let teks = format_angka(x, desimal);
        prop_assert_eq!(parse_angka(&teks).map_err(|e| e.alasan), harapan.clone(), "{}", teks);
        prop_assert_eq!(teks.starts_with('-'), r < Decimal::ZERO);
        let persen = format_persen(x, desimal);
        prop_assert_eq!(parse_persen(&persen).map_err(|e| e.alasan), harapan, "{}", persen);
    }

    #[test]
    fn parse_never_panics(teks in any::<String>()) {
        let _ = parse_angka(&teks);
        let _ = parse_persen(&teks);
        let _ = parse_rupiah(&teks);
    }

    #[test]
    fn parse_never_panics_on_number_like_text(teks in "[ \u{a0}0-9.,%Rrp-]{0,40}") {
        for hasil in [parse_angka(&teks), parse_persen(&teks), parse_rupiah(&teks).map(Rupiah::nilai)] {
            match hasil {
                // Whatever is accepted must print and read back as the same value.
                Ok(n) => prop_assert_eq!(parse_angka(&format_angka(n, n.scale())), Ok(n)),
                Err(e) => {
                    let genap = format!("{teks:?}");
                    prop_assert!(e.to_string().contains(&genap), "{}", e);
                }
            }
        }
    }

    #[test]
    fn rupiah_round_trips_exactly(
        x in (0u32..=2).prop_flat_map(|skala| {
            let batas = 10i128.pow(15 + skala);
            (-batas..=batas).prop_map(move |m| Decimal::from_i128_with_scale(m, skala))
        }),
    ) {
        let r = Rupiah::new(x).unwrap();
        let teks = format_rupiah(r);
        let kembali = parse_rupiah(&teks);
        prop_assert_eq!(kembali.clone(), Ok(r), "{}", teks);
        prop_assert_eq!(kembali.map(format_rupiah), Ok(teks));
    }

    #[test]
    fn rupiah_past_the_bound_is_refused_however_it_comes(x in decimal_apa_saja()) {
        let x = x.round_dp(2);
        let teks = format_rupiah(Rupiah::utuh(0)).replace("0,00", &format_angka(x.abs(), 2));
        if x.abs() > BATAS_ANGKA {
            prop_assert!(Rupiah::new(x).is_err());
            prop_assert_eq!(parse_rupiah(&teks).map_err(|e| e.alasan), Err(Alasan::MelebihiBatas));
        } else {
            prop_assert_eq!(Rupiah::new(x).map(Rupiah::nilai), Ok(x));
            prop_assert_eq!(parse_rupiah(&teks).map(Rupiah::nilai), Ok(x.abs()));
        }
    }

    #[test]
    fn bulatkan_never_panics_and_never_gains_places(x in decimal_apa_saja(), desimal in 0u32..=30) {
        let r = bulatkan(x, desimal);
        prop_assert!(r.scale() <= desimal.max(x.scale()));
        if desimal < x.scale() {
            // Never off by more than half a unit in the last kept place.
            prop_assert!((r - x).abs() <= Decimal::new(5, desimal + 1));
        } else {
            prop_assert_eq!(r, x);
        }
    }
}

#[test]
fn roman_numerals_of_program_numbers() {
    let v: Vec<String> = [1, 4, 9, 14, 40, 90].iter().map(|n| romawi(*n)).collect();
    assert_eq!(v, ["I", "IV", "IX", "XIV", "XL", "XC"]);
}
