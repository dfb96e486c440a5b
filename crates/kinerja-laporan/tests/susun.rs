//! The report composed from the Mumbulsari example: structure, computed figures, gaps printed as
//! "data tidak tersedia", the reviu gate.

use kinerja_core::waktu::Tahun;
use kinerja_laporan::{Blok, Dokumen, JenisBab, OpsiLaporan, Sel, susun};
use std::path::PathBuf;

fn data() -> kinerja_core::model::DataInstansi {
    kinerja_berkas::baca(&PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../contoh/mumbulsari"))
        .unwrap()
}

fn dipaksa() -> Dokumen {
    susun(
        &data(),
        Tahun::new(2020).unwrap(),
        &OpsiLaporan {
            paksa: true,
            ..Default::default()
        },
    )
    .unwrap()
}

fn semua_teks(d: &Dokumen) -> String {
    let mut s = String::new();
    for b in &d.bab {
        s.push_str(&b.judul);
        s.push('\n');
        for x in &b.isi {
            match x {
                Blok::Judul { teks, .. } | Blok::Paragraf { teks } | Blok::Catatan { teks } => {
                    s.push_str(teks)
                }
                Blok::Daftar { butir, .. } => s.push_str(&butir.join("\n")),
                Blok::Tabel(t) => {
                    s.push_str(&t.judul);
                    for r in &t.baris {
                        for c in &r.sel {
                            s.push_str(&c.cetak());
                            s.push('|');
                        }
                        s.push('\n');
                    }
                }
                _ => {}
            }
            s.push('\n');
        }
    }
    s
}

#[test]
fn the_seed_has_open_reviu_errors_so_a_final_report_is_refused() {
    let e = susun(&data(), Tahun::new(2020).unwrap(), &OpsiLaporan::default()).unwrap_err();
    assert!(e.to_string().contains("--paksa"), "{e}");
}

#[test]
fn the_structure_of_permenpanrb_53_2014() {
    let d = dipaksa();
    let judul: Vec<(&JenisBab, &str)> =
        d.bab.iter().map(|b| (&b.jenis, b.judul.as_str())).collect();
    assert_eq!(judul[0], (&JenisBab::Awal, "KATA PENGANTAR"));
    assert_eq!(judul[1], (&JenisBab::Awal, "IKHTISAR EKSEKUTIF"));
    let bab: Vec<&str> = d
        .bab
        .iter()
        .filter(|b| b.jenis == JenisBab::Bab)
        .map(|b| b.judul.as_str())
        .collect();
    assert_eq!(
        bab,
        [
            "PENDAHULUAN",
            "PERENCANAAN KINERJA",
            "AKUNTABILITAS KINERJA",
            "PENUTUP"
        ]
    );
    let lampiran: Vec<&str> = d
        .bab
        .iter()
        .filter(|b| b.jenis == JenisBab::Lampiran)
        .map(|b| b.judul.as_str())
        .collect();
    assert_eq!(lampiran[0], "RENCANA STRATEGIS 2016-2021");
    assert!(lampiran.iter().any(|l| l.starts_with("PERJANJIAN KINERJA")));
    assert!(lampiran.contains(&"INDIKATOR KINERJA UTAMA"));
    // Forced past open errors: the reviu annex is last.
    assert_eq!(*lampiran.last().unwrap(), "HASIL REVIU");
    assert_eq!(d.instansi, "KECAMATAN MUMBULSARI");
    assert_eq!(d.induk.as_deref(), Some("KABUPATEN JEMBER"));
    // The wide matrices are landscape.
    assert!(
        d.bab
            .iter()
            .find(|b| b.judul.starts_with("RENCANA STRATEGIS"))
            .unwrap()
            .lanskap
    );
}

#[test]
fn figures_are_computed_not_copied() {
    // Everything but the reviu annex, which quotes the stated figures on purpose.
    let mut d = dipaksa();
    d.bab.retain(|b| b.judul != "HASIL REVIU");
    let s = semua_teks(&d);
    // Tabel 3.1: 70,89 / 80 = 88,61 %; program I realisasi from its kegiatan 178.564.067,00 (the
    // seed prints 155.167.739); Belanja Langsung 354.478.761,00 / 400.000.000,00 = 88,62 %.
    for f in [
        "88,61 %",
        "86,90 %",
        "90,00 %",
        "88,45 %",
        "178.564.067,00",
        "85,03 %",
        "354.478.761,00",
        "88,62 %",
        "1.674.830.966,58",
        "74,29 %",
    ] {
        assert!(s.contains(f), "{f} missing");
    }
    assert!(
        !s.contains("155.167.739"),
        "a stated figure leaked into a table"
    );
    // The PK's Jumlah is computed: 210 + 31,7 + 20 + 138,3 = 400 million.
    assert!(s.contains("Jumlah|400.000.000,00|"), "PK total");
}

#[test]
fn gaps_print_data_tidak_tersedia() {
    let d = dipaksa();
    // The seed has no national figures: the comparison table says so rather than 0 or blank.
    let t = d
        .tabel()
        .find(|t| t.judul.contains("angka nasional"))
        .unwrap();
    assert!(
        t.baris
            .iter()
            .all(|b| matches!(b.sel[2], Sel::TidakTersedia(_)))
    );
    assert!(semua_teks(&d).contains("data tidak tersedia"));
}

fn tabel_skm(d: &Dokumen) -> Vec<Vec<String>> {
    d.tabel()
        .find(|t| t.judul.contains("Survei Kepuasan Masyarakat"))
        .unwrap()
        .baris
        .iter()
        .map(|b| b.sel.iter().map(Sel::cetak).collect())
        .collect()
}

#[test]
fn the_skm_table_prints_the_cores_figures_for_each_unsur() {
    // The seed: unsur 1 has no data, so its row says so and there is no nilai konversi.
    let t = tabel_skm(&dipaksa());
    assert_eq!(t[0][2..], ["data tidak tersedia"; 6]);
    // Unsur 4, 0/40/20/40 %: (2x40 + 3x20 + 4x40) / 100 x 25 = 75,00, Baik (62,51-81,25).
    assert_eq!(t[3][2..], ["0", "40", "20", "40", "75,00", "Baik"]);
    assert_eq!(t.last().unwrap()[6], "data tidak tersedia");

    let mut data = data();
    let s = &mut data.skm[0];
    // Four respondents answered 0/0/3/1: 75 % and 25 %; 25 x (3x3 + 4x1) / 4 = 81,25, the top
    // of Baik.
    s.unsur[0].jumlah = Some([0, 0, 3, 1]);
    // Counts beside a distribution: the counts are the data, as for the index (0/4/0/0: all
    // "kurang baik", 25 x 2 = 50,00, Kurang Baik from 43,76).
    s.unsur[1].distribusi = Some([0, 0, 0, 100].map(Into::into));
    s.unsur[1].jumlah = Some([0, 4, 0, 0]);
    let d = susun(
        &data,
        Tahun::new(2020).unwrap(),
        &OpsiLaporan {
            paksa: true,
            ..Default::default()
        },
    )
    .unwrap();
    let t = tabel_skm(&d);
    assert_eq!(t[0][2..], ["0", "0", "75", "25", "81,25", "Baik"]);
    assert_eq!(t[1][2..], ["0", "100", "0", "0", "50,00", "Kurang Baik"]);
    // Every unsur has data now, so the nilai konversi is computed.
    assert_ne!(t.last().unwrap()[6], "data tidak tersedia");
}

#[test]
fn the_same_data_gives_the_same_document_and_fingerprint() {
    let a = dipaksa();
    let b = dipaksa();
    assert_eq!(a, b);
    assert_eq!(a.sidik.len(), 12);
    let mut d = data();
    d.realisasi[0].catatan = Some("ubah".into());
    assert_ne!(
        kinerja_laporan::susun(
            &d,
            Tahun::new(2020).unwrap(),
            &OpsiLaporan {
                paksa: true,
                ..Default::default()
            }
        )
        .unwrap()
        .sidik,
        a.sidik
    );
}

#[test]
fn xlsx_sheet_names_are_unique_and_short() {
    let d = dipaksa();
    let mut nama: Vec<&str> = d.tabel().map(|t| t.nama.as_str()).collect();
    assert!(nama.iter().all(|n| n.len() <= 31));
    let n = nama.len();
    nama.sort();
    nama.dedup();
    assert_eq!(nama.len(), n, "duplicate table names");
}

/// A report forced past open reviu errors is a draft, and says so; once every open galat is
/// accepted the same data gives the final report, unmarked, without forcing.
#[test]
fn a_forced_report_is_a_draft_and_an_accepted_reviu_gives_the_final() {
    let d = dipaksa();
    let draf = d
        .draf
        .as_deref()
        .expect("the example's reviu has open galat");
    assert!(draf.starts_with("DRAF: reviu menemukan "), "{draf}");
    let th = Tahun::new(2020).unwrap();
    let mut data = data();
    for t in kinerja_reviu::periksa(&data, th, &[]) {
        if t.tingkat == kinerja_reviu::Tingkat::Galat && t.terbuka() {
            data.reviu.push(kinerja_core::model::PenerimaanTemuan {
                aturan: t.aturan,
                kunci: t.kunci,
                alasan: "diterima untuk uji".into(),
                oleh: None,
                tanggal: None,
            });
        }
    }
    let akhir = susun(&data, th, &OpsiLaporan::default()).expect("no open galat: final");
    assert_eq!(akhir.draf, None);
}

/// The example with I-S2-2 (desa that plan on time, %) computed from two data elements, 6 of
/// the 7 desa in 2020, and a kondisi awal of 60 %.
fn dengan_rumus() -> kinerja_core::model::DataInstansi {
    use kinerja_core::ekspresi::StrategiKosong;
    use kinerja_core::id::DataElemenId;
    use kinerja_core::model::*;
    use rust_decimal::Decimal;
    let mut d = data();
    let inst = d.renstra[0].instansi.clone();
    for (e, v) in [("desa_tepat_waktu", 6), ("jumlah_desa", 7)] {
        d.data_elemen.push(DataElemen {
            id: DataElemenId::new(e).unwrap(),
            uraian: e.replace('_', " "),
            satuan: Some("desa".into()),
            catatan: None,
        });
        d.nilai_data.push(NilaiData {
            elemen: DataElemenId::new(e).unwrap(),
            instansi: inst.clone(),
            tahun: Tahun::new(2020).unwrap(),
            periode: Default::default(),
            nilai: Decimal::from(v),
            sumber: None,
            catatan: None,
        });
    }
    let ind = d
        .indikator
        .iter_mut()
        .find(|i| i.id.as_str() == "I-S2-2")
        .unwrap();
    ind.rumus = Some(Rumus {
        pembilang: EkspresiData::parse("#{desa_tepat_waktu}").unwrap(),
        penyebut: Some(EkspresiData::parse("#{jumlah_desa}").unwrap()),
        pengali: Some(Decimal::ONE_HUNDRED),
        kosong: StrategiKosong::default(),
    });
    ind.kondisi_awal = Some(kinerja_core::nilai::Nilai::parse("60 %").unwrap());
    assert!(kinerja_core::validasi::periksa(&d).is_empty());
    d
}

#[test]
fn a_formula_indicator_prints_its_formula_its_parts_and_its_progress_from_the_baseline() {
    let opsi = OpsiLaporan {
        paksa: true,
        ..Default::default()
    };
    let dok = susun(&dengan_rumus(), Tahun::new(2020).unwrap(), &opsi).unwrap();
    let t = semua_teks(&dok);
    // The IKU table: the decree's formulasi, then the formula.
    assert!(
        t.contains("; Rumus: #{desa_tepat_waktu} / #{jumlah_desa} x 100|"),
        "{t}"
    );
    // The formula table: 6 x 100 / 7 = 85,714285... printed 85,71 (not the typed 90 %).
    assert!(
        t.contains("#{desa_tepat_waktu} / #{jumlah_desa} x 100|6|7|85,71|"),
        "{t}"
    );
    // Progress from the baseline: (85,714285... - 60) / (80 - 60) x 100 = (180/7) / 20 x 100
    // = 900/7 = 128,571... %, printed 128,57; the column exists only because a kondisi awal is
    // recorded.
    assert!(t.contains("128,57"), "{t}");
    assert!(!semua_teks(&dipaksa()).contains("Kemajuan dari kondisi awal"));
    assert!(!semua_teks(&dipaksa()).contains("dihitung dengan rumus"));
}
