//! The LKjIP of the example pemda (`contoh/pemda-jember`, with Kecamatan Mumbulsari, Dinas
//! Kesehatan and Dispendukcapil): its structure, the IKU's capaian and the budget per RPJMD
//! sasaran computed by hand from the example's files, the lines off the tree, reproducibility.

use kinerja_core::model::DataInstansi;
use kinerja_core::waktu::Tahun;
use kinerja_laporan::{Blok, Dokumen, JenisBab, OpsiLaporan, Sel, Tabel, susun_pemda};
use std::path::PathBuf;

fn baca(p: &str) -> DataInstansi {
    kinerja_berkas::baca(
        &PathBuf::from(env!("CARGO_MANIFEST_DIR"))
            .join("../../contoh")
            .join(p),
    )
    .unwrap()
}

fn semua() -> (DataInstansi, Vec<DataInstansi>) {
    (
        baca("pemda-jember/kabupaten"),
        vec![
            baca("mumbulsari"),
            baca("pemda-jember/dinkes"),
            baca("pemda-jember/dispendukcapil"),
        ],
    )
}

fn lapor(pemda: &DataInstansi, opd: &[DataInstansi]) -> Dokumen {
    let opd: Vec<&DataInstansi> = opd.iter().collect();
    susun_pemda(
        pemda,
        &opd,
        Tahun::new(2020).unwrap(),
        &OpsiLaporan::default(),
    )
    .unwrap()
}

fn tabel<'a>(d: &'a Dokumen, judul: &str) -> &'a Tabel {
    d.tabel()
        .find(|t| t.judul.contains(judul))
        .unwrap_or_else(|| panic!("no table \"{judul}\""))
}

/// A table's rows as printed cells.
fn cetak(t: &Tabel) -> Vec<Vec<String>> {
    t.baris
        .iter()
        .map(|b| b.sel.iter().map(Sel::cetak).collect())
        .collect()
}

fn baris<'a>(t: &'a [Vec<String>], awal: &str) -> &'a Vec<String> {
    t.iter()
        .find(|b| b.iter().any(|c| c == awal))
        .unwrap_or_else(|| panic!("no row with \"{awal}\" in {t:?}"))
}

#[test]
fn the_pemda_report_has_the_chapters_of_permenpanrb_53_2014() {
    let (p, o) = semua();
    let d = lapor(&p, &o);
    assert_eq!(d.instansi, "PEMERINTAH KABUPATEN JEMBER");
    let bab: Vec<(&JenisBab, Option<&str>, &str)> = d
        .bab
        .iter()
        .map(|b| (&b.jenis, b.nomor.as_deref(), b.judul.as_str()))
        .collect();
    assert_eq!(
        bab,
        [
            (&JenisBab::Awal, None, "KATA PENGANTAR"),
            (&JenisBab::Awal, None, "IKHTISAR EKSEKUTIF"),
            (&JenisBab::Bab, Some("I"), "PENDAHULUAN"),
            (&JenisBab::Bab, Some("II"), "PERENCANAAN KINERJA"),
            (&JenisBab::Bab, Some("III"), "AKUNTABILITAS KINERJA"),
            (&JenisBab::Bab, Some("IV"), "PENUTUP"),
            (
                &JenisBab::Lampiran,
                Some("1"),
                "RENCANA PEMBANGUNAN JANGKA MENENGAH DAERAH"
            ),
            (
                &JenisBab::Lampiran,
                Some("2"),
                "POS ANGGARAN DAN POHON KINERJA"
            ),
            (&JenisBab::Lampiran, Some("3"), "INDIKATOR KINERJA UTAMA"),
        ]
    );
    // Bab I: the RPJMD's visi and its three misi; the OPDs the pemda lists, each said whether
    // its data came with the report.
    let bab1 = &d.bab[2];
    assert!(bab1.isi.iter().any(|b| matches!(b, Blok::Paragraf { teks }
        if teks == "Visi: Jember Bersatu Menuju Masyarakat Makmur, Sejahtera, Berkeadilan Dan Mandiri")));
    assert!(
        bab1.isi
            .iter()
            .any(|b| matches!(b, Blok::Daftar { butir, .. } if butir.len() == 3))
    );
    let opd = cetak(tabel(&d, "Perangkat daerah"));
    assert_eq!(baris(&opd, "Dinas Kesehatan")[3], "ya");
    assert_eq!(baris(&opd, "Kecamatan Mumbulsari")[3], "ya");
    // Bab II: the IKU with the year's and the final (2021) target; the missing PK said so.
    let rpjmd = cetak(tabel(&d, "Tujuan, sasaran dan IKU RPJMD 2016-2021"));
    let aki = baris(&rpjmd, "Jumlah kematian ibu");
    assert_eq!(&aki[4..], ["40", "36"]);
    let bab2 = &d.bab[3];
    assert!(bab2.isi.iter().any(|b| matches!(b, Blok::Paragraf { teks }
        if teks.starts_with("Perjanjian Kinerja kepala daerah tahun 2020 tidak ada dalam data"))));
}

#[test]
fn each_iku_is_measured_by_the_core_with_the_opds_under_it() {
    let (p, o) = semua();
    let d = lapor(&p, &o);
    let ukur = cetak(tabel(&d, "Pengukuran Kinerja Tahun 2020"));
    // IKU-1 Indeks Kepuasan Masyarakat: 82 / 80 x 100 = 102,50 % (the example's scale: above
    // 100 Sangat Baik). IKU-3 Jumlah kematian ibu, lower is better: (40 - (35 - 40)) / 40 x 100
    // = 112,50 %. IKU-2: 96,5 / 97 x 100 = 99,484... → 99,48 % (Baik).
    let ikm = baris(&ukur, "Indeks Kepuasan Masyarakat");
    assert_eq!(&ikm[3..], ["80", "82", "102,50 %", "Sangat Baik"]);
    let aki = baris(&ukur, "Jumlah kematian ibu");
    assert_eq!(&aki[3..6], ["40", "35", "112,50 %"]);
    assert_eq!(baris(&ukur, "Cakupan kepemilikan KTP-el")[5], "99,48 %");
    // Sasaran 3's OPD: Dinas Kesehatan's node DKS-1 links its sasaran DKS-S-1, measured by its
    // PK target 30 and realisasi 27, lower is better: (30 - (27 - 30)) / 30 x 100 = 110 %.
    let k = cetak(tabel(&d, "Kontribusi perangkat daerah pada sasaran 3"));
    assert_eq!(
        k[0],
        [
            "Dinas Kesehatan",
            "Menurunnya angka kematian ibu",
            "Jumlah kematian ibu",
            "30",
            "27",
            "110,00 %",
            "110,00 %",
            "Sangat Baik"
        ]
    );
    // Part c reads RPJMD for the pemda's plan, not Renstra.
    assert!(
        d.tabel()
            .any(|t| t.judul.contains("terhadap target akhir RPJMD"))
    );
    assert!(!d.tabel().any(|t| t.judul.contains("target akhir Renstra")));
}

#[test]
fn the_budget_per_rpjmd_sasaran_and_the_lines_off_the_tree() {
    let (p, o) = semua();
    let d = lapor(&p, &o);
    let a = cetak(tabel(&d, "Anggaran per sasaran RPJMD tahun 2020"));
    // Sasaran 1 (PEMDA-1): Mumbulsari's node MBS-3 links kegiatan K-ADM-1, -2, -3:
    // pagu 15.000.000 + 140.000.000 + 55.000.000 = 210.000.000,00; realisasi 13.459.500 +
    // 121.240.000 + 43.864.567 = 178.564.067,00; serapan 178.564.067 / 210.000.000 x 100 =
    // 85,0305... → 85,03 %.
    assert_eq!(
        a[0],
        [
            "1",
            "Meningkatnya Kualitas Pelayanan Publik",
            "210.000.000,00",
            "178.564.067,00",
            "85,03 %"
        ]
    );
    assert_eq!(a[1][1], "- Kecamatan Mumbulsari");
    // Sasaran 3 (PEMDA-3): Dinas Kesehatan's DKS-SK-1 (DKS-4 links it, and DKS-2 its program
    // DKS-P-1: counted once) and DKS-SK-2 (DKS-3 links its program DKS-P-2): pagu 850.000.000 +
    // 420.000.000 = 1.270.000.000,00; realisasi 807.500.000 + 352.800.000 = 1.160.300.000,00;
    // serapan 1.160.300.000 / 1.270.000.000 x 100 = 91,362... → 91,36 %.
    let s3 = baris(&a, "Menurunnya angka kematian ibu");
    assert_eq!(
        &s3[2..],
        ["1.270.000.000,00", "1.160.300.000,00", "91,36 %"]
    );
    // Sasaran 2: Dispendukcapil's DSP-SK-1 (1.250.000.000, realisasi 1.187.312.500) and
    // DSP-SK-2 (175.500.000, not reported) through program DSP-P-1: pagu 1.425.500.000,00,
    // realisasi of what is reported 1.187.312.500,00, serapan 83,290... → 83,29 %.
    let s2 = baris(&a, "Meningkatnya tertib administrasi kependudukan");
    assert_eq!(
        &s2[2..],
        ["1.425.500.000,00", "1.187.312.500,00", "83,29 %"]
    );
    // Off the tree: Mumbulsari's Belanja Tidak Langsung (1.274.830.966,58; 889.672.130,00) and
    // its 7 kegiatan no node links (5.000.000 + 2.500.000 + 15.000.000 + 9.200.000 +
    // 20.000.000 + 37.500.000 + 100.800.000 = 190.000.000; realisasi 4.991.000 + 2.498.000 +
    // 13.939.113 + 7.691.581 + 12.845.000 + 33.150.000 + 100.800.000 = 175.914.694): pagu
    // 1.464.830.966,58, realisasi 1.065.586.824,00, serapan 72,744... → 72,74 %.
    let lepas = baris(&a, "Tidak terhubung ke pohon kinerja");
    assert_eq!(
        &lepas[2..],
        ["1.464.830.966,58", "1.065.586.824,00", "72,74 %"]
    );
    // Total = the three sasaran + off the tree: 210.000.000 + 1.425.500.000 + 1.270.000.000 +
    // 1.464.830.966,58 = 4.370.330.966,58; realisasi 178.564.067 + 1.187.312.500 +
    // 1.160.300.000 + 1.065.586.824 = 3.591.763.391,00; serapan 82,185... → 82,19 %.
    let total = baris(&a, "Jumlah");
    assert_eq!(
        &total[2..],
        ["4.370.330.966,58", "3.591.763.391,00", "82,19 %"]
    );
    // Every line off the tree, with why.
    let l = cetak(tabel(&d, "yang tidak terhubung ke pohon kinerja"));
    assert_eq!(l.len(), 8, "{l:?}");
    assert!(l.iter().all(|b| b[0] == "Kecamatan Mumbulsari"));
    assert!(l.iter().all(|b| b[2] == "tidak ditaut simpul mana pun"));
    let btl = baris(&l, "Belanja Tidak Langsung (tanpa kegiatan)");
    assert_eq!(&btl[3..], ["1.274.830.966,58", "889.672.130,00", "69,79 %"]);
}

#[test]
fn the_same_data_sets_in_any_order_give_the_same_document() {
    let (p, mut o) = semua();
    let a = lapor(&p, &o);
    o.reverse();
    let b = lapor(&p, &o);
    assert_eq!(a, b);
    assert_eq!(a.sidik.len(), 12);
    // Another OPD's figure is another report.
    o[0].anggaran[0].realisasi = None;
    assert_ne!(lapor(&p, &o).sidik, a.sidik);
}

#[test]
fn without_an_rpjmd_the_report_is_refused() {
    let (mut p, o) = semua();
    p.renstra.clear();
    let opd: Vec<&DataInstansi> = o.iter().collect();
    let e = susun_pemda(&p, &opd, Tahun::new(2020).unwrap(), &OpsiLaporan::default()).unwrap_err();
    assert!(e.to_string().contains("RPJMD"), "{e}");
}

#[test]
fn the_html_rendering_prints_the_rollup_and_the_missing_text() {
    let (p, o) = semua();
    let h = kinerja_laporan::html::html(&lapor(&p, &o));
    for f in [
        "PEMERINTAH KABUPATEN JEMBER",
        "Tidak terhubung ke pohon kinerja",
        "4.370.330.966,58",
        "Kata pengantar: data tidak tersedia",
    ] {
        assert!(h.contains(f), "{f} missing from the HTML");
    }
}
