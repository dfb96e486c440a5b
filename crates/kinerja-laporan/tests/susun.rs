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
