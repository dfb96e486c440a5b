use super::*;
use crate::uji::{mumbulsari, rp, tahun};

fn bulat(d: Option<Decimal>) -> Decimal {
    crate::angka::bulatkan(d.unwrap(), 2)
}

#[test]
fn seed_budget_totals_are_derived_from_the_kegiatan() {
    let r = ringkas(&mumbulsari(), tahun(2020));
    // Programs: I 15.000.000 + 140.000.000 + 55.000.000 = 210.000.000;
    // realisasi 13.459.500 + 121.240.000 + 43.864.567 = 178.564.067 (the seed prints
    // 155.167.739 for the program, which matches none of its kegiatan).
    let p1 = &r.program[0];
    assert_eq!(p1.serapan.pagu, rp("210000000"));
    assert_eq!(p1.serapan.realisasi, Some(rp("178564067")));
    // 178.564.067 / 210.000.000 = 85,0305...%.
    assert_eq!(bulat(p1.serapan.persen), dec!(85.03));
    // II: 5.000.000 + 2.500.000 + 15.000.000 + 9.200.000 = 31.700.000; realisasi
    // 4.991.000 + 2.498.000 + 13.939.113 + 7.691.581 = 29.119.694; 91,8602...% -> 91,86.
    assert_eq!(r.program[1].serapan.realisasi, Some(rp("29119694")));
    assert_eq!(bulat(r.program[1].serapan.persen), dec!(91.86));
    // III: 12.845.000 / 20.000.000 = 64,225 % exactly: half away from zero gives 64,23.
    assert_eq!(r.program[2].serapan.persen, Some(dec!(64.225)));
    assert_eq!(bulat(r.program[2].serapan.persen), dec!(64.23));
    // IV: 133.950.000 / 138.300.000 = 96,8546...% -> 96,85.
    assert_eq!(bulat(r.program[3].serapan.persen), dec!(96.85));
    // All programs (Belanja Langsung): 354.478.761 / 400.000.000 = 88,61969025 % -> 88,62.
    assert_eq!(r.program_total.pagu, rp("400000000"));
    assert_eq!(r.program_total.realisasi, Some(rp("354478761")));
    assert_eq!(r.program_total.persen, Some(dec!(88.61969025)));
}

#[test]
fn a_total_past_decimal_s_range_is_not_available_not_a_panic() {
    // Two lines of 5·10^28 do not sum in a `Decimal` (7,9·10^28). No door lets such a line in
    // (10^15 at most, so more than 7·10^13 lines would be needed); built here directly.
    let mut d = mumbulsari();
    let besar = Rupiah::tanpa_batas(dec!(50000000000000000000000000000));
    d.anggaran[0].pagu = besar;
    d.anggaran[1].pagu = besar;
    let r = ringkas(&d, tahun(2020));
    let tidak = Some(AlasanTidakTersedia::MelebihiBatas);
    // Both lines are program I's (K1-1, K1-2): its total, Belanja Langsung's and the year's
    // are not available; they carry no figure and no serapan.
    for s in [&r.total, &r.program_total, &r.program[0].serapan] {
        assert_eq!(s.tidak_tersedia, tidak);
        assert_eq!((s.pagu, s.realisasi, s.persen), (Rupiah::NOL, None, None));
    }
    // Program II still sums; its share of an unavailable whole is not available.
    assert_eq!(r.program[1].serapan.pagu, rp("31700000"));
    assert_eq!(r.program[1].serapan.tidak_tersedia, None);
    assert_eq!(r.program[1].proporsi, None);
    assert!(r.kelompok.iter().all(|k| k.proporsi.is_none()));
}

#[test]
fn seed_totals_and_composition() {
    let r = ringkas(&mumbulsari(), tahun(2020));
    // 1.274.830.966,58 + 400.000.000 = 1.674.830.966,58; realisasi 889.672.130 +
    // 354.478.761 = 1.244.150.891 (the seed's Bab IV prints 1.267.731.971).
    assert_eq!(r.total.pagu, rp("1674830966.58"));
    assert_eq!(r.total.realisasi, Some(rp("1244150891")));
    // 1.244.150.891 / 1.674.830.966,58 = 74,2851...%.
    assert_eq!(bulat(r.total.persen), dec!(74.29));
    let btl = r
        .kelompok
        .iter()
        .find(|k| k.jenis == JenisBelanja::TidakLangsung)
        .unwrap();
    let bl = r
        .kelompok
        .iter()
        .find(|k| k.jenis == JenisBelanja::Langsung)
        .unwrap();
    // BTL serapan 889.672.130 / 1.274.830.966,58 = 69,7874...% -> 69,79 (as printed).
    assert_eq!(bulat(btl.serapan.persen), dec!(69.79));
    // Shares: BTL 1.274.830.966,58 / 1.674.830.966,58 = 76,1169...% -> 76,12; BL 23,88
    // (the seed prints them the other way round).
    assert_eq!(bulat(btl.proporsi), dec!(76.12));
    assert_eq!(bulat(bl.proporsi), dec!(23.88));
}

#[test]
fn a_perjanjian_kinerja_pledges_the_sum_of_its_program_lines() {
    let baris = |program: &str, anggaran: &str| AnggaranPk {
        program: ProgramId::new(program).unwrap(),
        anggaran: rp(anggaran),
        keterangan: None,
    };
    let mut pk = PerjanjianKinerja {
        id: PkId::new("pk-2020").unwrap(),
        instansi: InstansiId::new("mumbulsari").unwrap(),
        tahun: tahun(2020),
        pihak_pertama: PejabatId::new("camat").unwrap(),
        pihak_kedua: PejabatId::new("bupati").unwrap(),
        tempat: None,
        tanggal: None,
        indikator: vec![],
        anggaran: vec![],
        catatan: None,
        ditandatangani: false,
        perubahan_dari: None,
        target_arsip: Vec::new(),
    };
    assert_eq!(jumlah_perjanjian(&pk), Rupiah::NOL);
    // The seed's PK 2020: 210.000.000 + 31.700.000 + 20.000.000 + 138.300.000 = 400.000.000.
    pk.anggaran = vec![
        baris("P-ADM", "210000000"),
        baris("P-SARPRAS", "31700000"),
        baris("P-DISIPLIN", "20000000"),
        baris("P-KOORD", "138300000"),
    ];
    assert_eq!(jumlah_perjanjian(&pk), rp("400000000"));
}

#[test]
fn seed_budget_per_sasaran() {
    let r = ringkas(&mumbulsari(), tahun(2020));
    // S1: program I, 210.000.000 / 400.000.000 = 52,50 %; S2: 190.000.000 = 47,50 %.
    assert_eq!(r.sasaran.len(), 2);
    assert_eq!(r.sasaran[0].serapan.pagu, rp("210000000"));
    assert_eq!(r.sasaran[0].proporsi, Some(dec!(52.5)));
    assert_eq!(r.sasaran[1].serapan.pagu, rp("190000000"));
    assert_eq!(r.sasaran[1].proporsi, Some(dec!(47.5)));
    assert_eq!(r.sasaran[1].program.len(), 3);
}

#[test]
fn unreported_realisasi_is_not_zero() {
    let mut d = mumbulsari();
    for p in d
        .anggaran
        .iter_mut()
        .filter(|p| p.id.as_str() == "pos-K3-1")
    {
        p.realisasi = None;
    }
    let r = ringkas(&d, tahun(2020));
    let p3 = &r.program[2];
    assert_eq!(p3.serapan.realisasi, None);
    assert_eq!(p3.serapan.persen, None);
    // The total keeps what was reported and says one line is missing:
    // 354.478.761 - 12.845.000 = 341.633.761.
    assert_eq!(r.program_total.realisasi, Some(rp("341633761")));
    assert_eq!(r.program_total.belum_dilaporkan, 1);
    assert!(!r.program_total.lengkap());
}

#[test]
fn sub_kegiatan_lines_roll_up_to_their_kegiatan() {
    let mut d = mumbulsari();
    d.sub_kegiatan.push(SubKegiatan {
        id: SubKegiatanId::new("SK1").unwrap(),
        kegiatan: KegiatanId::new("K3-1").unwrap(),
        kode: Some("7.01.02.2.01.0001".into()),
        nama: "sub".into(),
    });
    d.anggaran.push(PosAnggaran {
        id: PosAnggaranId::new("sk1").unwrap(),
        tahun: tahun(2020),
        tempat: TempatAnggaran::SubKegiatan(SubKegiatanId::new("SK1").unwrap()),
        jenis: JenisBelanja::LangsungModal,
        pagu: rp("1000000.50"),
        pagu_perubahan: None,
        realisasi: Some(rp("0.50")),
        realisasi_bulanan: Default::default(),
        catatan: None,
    });
    let r = ringkas(&d, tahun(2020));
    let k = &r.program[2].kegiatan[0];
    // 20.000.000 + 1.000.000,50 = 21.000.000,50; 12.845.000 + 0,50 = 12.845.000,50.
    assert_eq!(k.serapan.pagu, rp("21000000.50"));
    assert_eq!(k.serapan.realisasi, Some(rp("12845000.50")));
    assert_eq!(k.sub_kegiatan[0].serapan.pagu, rp("1000000.50"));
    assert_eq!(r.total.pagu, rp("1674830966.58") + rp("1000000.50"));
}

#[test]
fn serapan_is_against_the_changed_pagu_and_months_roll_up() {
    let mut d = mumbulsari();
    let pos = d
        .anggaran
        .iter_mut()
        .find(|p| p.id.as_str() == "pos-K3-1")
        .unwrap();
    // APBD perubahan raises K3-1 from 20.000.000 to 25.000.000; realisasi by month.
    pos.pagu_perubahan = Some(rp("25000000"));
    pos.realisasi = None;
    for (b, r) in [
        (Bulan::Januari, "1000000"),
        (Bulan::Februari, "2000000"),
        (Bulan::Maret, "3000000"),
        (Bulan::April, "500000.50"),
        (Bulan::Juli, "4000000"),
    ] {
        pos.realisasi_bulanan.insert(b, rp(r));
    }
    let r = ringkas(&d, tahun(2020));
    let s = &r.program[2].serapan;
    assert_eq!(
        (s.pagu, s.pagu_murni, s.berubah),
        (rp("25000000"), rp("20000000"), 1)
    );
    // Year: 1.000.000 + 2.000.000 + 3.000.000 + 500.000,50 + 4.000.000 = 10.500.000,50;
    // against the pagu in force 10.500.000,50 / 25.000.000 = 42,000002 %.
    assert_eq!(s.realisasi, Some(rp("10500000.50")));
    assert_eq!(s.persen, Some(dec!(42.000002)));
    // Triwulan I: 6.000.000; II: 500.000,50 (May and June not reported); III: 4.000.000;
    // IV: no month reported, no figure (not zero).
    assert_eq!(s.triwulan(Periode::Tw1), Some(rp("6000000")));
    assert_eq!(s.triwulan(Periode::Tw2), Some(rp("500000.50")));
    assert_eq!(s.triwulan(Periode::Tw3), Some(rp("4000000")));
    assert_eq!(s.triwulan(Periode::Tw4), None);
    // Up to triwulan II: 6.500.000,50 / 25.000.000 = 26,000002 %.
    assert_eq!(s.sampai_triwulan(Periode::Tw2), Some(rp("6500000.50")));
    assert_eq!(
        s.persen_sampai_triwulan(Periode::Tw2),
        Some(dec!(26.000002))
    );
    assert_eq!(s.tanpa_rincian_bulan, 0);
    // All programs: pagu in force 400.000.000 - 20.000.000 + 25.000.000 = 405.000.000, the
    // original 400.000.000; realisasi 354.478.761 - 12.845.000 + 10.500.000,50 =
    // 352.133.761,50. The other 9 kegiatan lines have a year figure only.
    let t = &r.program_total;
    assert_eq!((t.pagu, t.pagu_murni), (rp("405000000"), rp("400000000")));
    assert_eq!(t.realisasi, Some(rp("352133761.50")));
    assert_eq!(t.tanpa_rincian_bulan, 9);
    assert_eq!(t.triwulan(Periode::Tw1), Some(rp("6000000")));
}

proptest::proptest! {
    /// Whatever the lines, every level adds up: groups and types to the total, kegiatan to
    /// their program, programs to the program total, sasaran to the program total.
    #[test]
    fn every_level_adds_up(lines in proptest::collection::vec((0usize..10, 0i64..10_000_000_000, proptest::option::of(0i64..10_000_000_000)), 0..40)) {
        let mut d = mumbulsari();
        let keg: Vec<KegiatanId> = d.kegiatan.iter().map(|k| k.id.clone()).collect();
        d.anggaran.clear();
        for (i, (k, pagu, real)) in lines.iter().enumerate() {
            d.anggaran.push(PosAnggaran {
                id: PosAnggaranId::new(format!("p{i}")).unwrap(),
                tahun: tahun(2020),
                // Every fifth line is spending tied to no kegiatan.
                tempat: if i % 5 == 4 { TempatAnggaran::Instansi } else { TempatAnggaran::Kegiatan(keg[*k].clone()) },
                jenis: if i % 5 == 4 { JenisBelanja::TidakLangsung } else { JenisBelanja::LangsungBarangJasa },
                pagu: Rupiah::new(Decimal::new(*pagu, 2)).unwrap(),
                pagu_perubahan: None,
                realisasi: real.map(|r| Rupiah::new(Decimal::new(r, 2)).unwrap()),
                realisasi_bulanan: Default::default(),
                catatan: None,
            });
        }
        let r = ringkas(&d, tahun(2020));
        let sum = |xs: &mut dyn Iterator<Item = Rupiah>| xs.sum::<Rupiah>();
        proptest::prop_assert_eq!(sum(&mut r.kelompok.iter().map(|k| k.serapan.pagu)), r.total.pagu);
        proptest::prop_assert_eq!(sum(&mut r.jenis.iter().map(|k| k.serapan.pagu)), r.total.pagu);
        proptest::prop_assert_eq!(sum(&mut r.program.iter().map(|p| p.serapan.pagu)), r.program_total.pagu);
        proptest::prop_assert_eq!(sum(&mut r.sasaran.iter().map(|s| s.serapan.pagu)), r.program_total.pagu);
        for p in &r.program {
            proptest::prop_assert_eq!(sum(&mut p.kegiatan.iter().map(|k| k.serapan.pagu)), p.serapan.pagu);
            let real: Rupiah = p.kegiatan.iter().filter_map(|k| k.serapan.realisasi).sum();
            proptest::prop_assert_eq!(p.serapan.realisasi.unwrap_or(Rupiah::NOL), real);
        }
        let n_belum = lines.iter().filter(|l| l.2.is_none()).count();
        proptest::prop_assert_eq!(r.total.belum_dilaporkan, n_belum);
    }
}

#[test]
fn serapan_of_zero_pagu_is_unavailable() {
    assert_eq!(persen(dec!(5), Decimal::ZERO), None);
}
