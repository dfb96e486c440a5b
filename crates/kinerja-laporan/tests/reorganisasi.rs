//! The report of an instansi formed by a merge (`contoh/reorganisasi`: Kecamatan A and B merged
//! into C in 2021) compares with the years before the merge from its predecessors' data sets,
//! rolled up the way the indicator declares, and says whose figure each year is; its
//! fingerprint covers the predecessors it read.
//!
//! By hand (contoh/reorganisasi/README.md): 2020 = A 1/2 desa + B 18/20 desa = 19/22 =
//! 86,3636... → 86,36 % (the mean of 50 % and 90 % would be 70 %); 2021 = C 15/22 = 68,1818...
//! → 68,18 %; capaian 2021 = 68,1818... / 80 x 100 = 85,227... → 85,23 %. 2019 (the Renstra's
//! first year) has no data anywhere. A formula's realisasi prints as a number with two
//! decimals (as the year's own measurement table prints it), the capaian as a percentage.

use kinerja_core::id::InstansiId;
use kinerja_core::model::DataInstansi;
use kinerja_core::waktu::Tahun;
use kinerja_laporan::{
    Blok, Dokumen, OpsiLaporan, Pendahulu, Tabel, susun, susun_dengan_pendahulu,
};
use std::path::PathBuf;

fn baca(nama: &str) -> DataInstansi {
    kinerja_berkas::baca(
        &PathBuf::from(env!("CARGO_MANIFEST_DIR"))
            .join("../../contoh/reorganisasi")
            .join(nama),
    )
    .unwrap()
}

fn id(s: &str) -> InstansiId {
    InstansiId::new(s).unwrap()
}

fn tahun() -> Tahun {
    Tahun::new(2021).unwrap()
}

/// The "from year to year" table of sasaran 1.
fn tabel_tahunan(d: &Dokumen) -> &Tabel {
    d.bab
        .iter()
        .flat_map(|b| &b.isi)
        .find_map(|x| match x {
            Blok::Tabel(t) if t.judul.contains("dari tahun ke tahun") => Some(t),
            _ => None,
        })
        .expect("Bab III has the table")
}

fn baris_teks(t: &Tabel) -> Vec<Vec<String>> {
    t.baris
        .iter()
        .map(|b| b.sel.iter().map(|s| s.cetak()).collect())
        .collect()
}

#[test]
fn a_merged_instansi_reports_its_predecessors_years_rolled_up_as_a_ratio_of_sums() {
    let (a, b, c) = (baca("kec-a.toml"), baca("kec-b.toml"), baca("kec-c.toml"));
    let (ia, ib) = (id("kec-a"), id("kec-b"));
    let pendahulu = [
        Pendahulu { id: &ia, data: &a },
        Pendahulu { id: &ib, data: &b },
    ];
    let d = susun_dengan_pendahulu(&c, &pendahulu, tahun(), &OpsiLaporan::default())
        .expect("the example passes the reviu");
    let t = tabel_tahunan(&d);
    let kepala: Vec<&str> = t.kolom.iter().map(|k| k.judul.as_str()).collect();
    assert_eq!(
        kepala,
        [
            "Indikator",
            "Realisasi 2019",
            "Realisasi 2020",
            "Realisasi 2021",
            "Capaian tahun ini"
        ]
    );
    assert_eq!(
        baris_teks(t),
        [[
            "Desa yang menyusun dokumen perencanaan tepat waktu",
            "data tidak tersedia",
            "86,36",
            "68,18",
            "85,23 %"
        ]]
    );
    let catatan = t.catatan.as_deref().unwrap_or_default();
    assert!(
        catatan.contains(
            "Realisasi 2020: gabungan dari Kecamatan A dan Kecamatan B (rasio jumlah pembilang \
             dan penyebut unit, 2 dari 2 unit melapor)."
        ),
        "{catatan}"
    );
    // 2019: the predecessors existed, measured nothing: no figure, both named as units.
    assert!(
        catatan.contains("Realisasi 2019: gabungan dari Kecamatan A dan Kecamatan B"),
        "{catatan}"
    );
    assert!(!catatan.contains("Realisasi 2021:"), "{catatan}");

    // The order the predecessors are given in changes nothing, the fingerprint included.
    let dibalik = [pendahulu[1], pendahulu[0]];
    let d2 = susun_dengan_pendahulu(&c, &dibalik, tahun(), &OpsiLaporan::default()).unwrap();
    assert_eq!(d2, d);
}

#[test]
fn a_predecessor_not_given_is_named_absent_not_counted() {
    let (a, c) = (baca("kec-a.toml"), baca("kec-c.toml"));
    let ia = id("kec-a");
    let d = susun_dengan_pendahulu(
        &c,
        &[Pendahulu { id: &ia, data: &a }],
        tahun(),
        &OpsiLaporan::default(),
    )
    .unwrap();
    let t = tabel_tahunan(&d);
    // A alone: 1 of 2 desa = 50,00 %, one unit of one at hand.
    assert_eq!(baris_teks(t)[0][2], "50,00");
    let catatan = t.catatan.as_deref().unwrap_or_default();
    assert!(
        catatan.contains("1 dari 1 unit melapor); data Kecamatan B tidak tersedia."),
        "{catatan}"
    );
}

#[test]
fn without_predecessors_the_years_before_the_merge_are_not_available() {
    let c = baca("kec-c.toml");
    let d = susun(&c, tahun(), &OpsiLaporan::default()).unwrap();
    let b = baris_teks(tabel_tahunan(&d));
    assert_eq!(b[0][2], "data tidak tersedia", "{b:?}");
    assert_eq!(b[0][3], "68,18", "{b:?}");
}

#[test]
fn the_fingerprint_covers_the_predecessors_read() {
    let (a, b, c) = (baca("kec-a.toml"), baca("kec-b.toml"), baca("kec-c.toml"));
    let (ia, ib) = (id("kec-a"), id("kec-b"));
    let sidik = |b: &DataInstansi| {
        susun_dengan_pendahulu(
            &c,
            &[
                Pendahulu { id: &ia, data: &a },
                Pendahulu { id: &ib, data: b },
            ],
            tahun(),
            &OpsiLaporan::default(),
        )
        .unwrap()
        .sidik
    };
    let asli = sidik(&b);
    let sendiri = susun(&c, tahun(), &OpsiLaporan::default()).unwrap().sidik;
    assert_eq!(sendiri, kinerja_laporan::sidik(&c));
    assert_ne!(
        asli, sendiri,
        "the predecessors are part of what it is made from"
    );
    // B's 2020 count changed (18 → 17 desa): another report, another fingerprint.
    let mut b2 = b.clone();
    for n in &mut b2.nilai_data {
        if n.elemen.as_str() == "desa_tepat_waktu" {
            n.nilai = rust_decimal::Decimal::from(17);
        }
    }
    assert_ne!(sidik(&b2), asli);
    assert_eq!(sidik(&b), asli, "the same data, the same fingerprint");
}

#[test]
fn a_data_set_that_is_no_predecessor_is_not_read() {
    // Mumbulsari was formed by no reorganisation; C's report offered B's data set twice over
    // under another id is the same. Neither changes the document or its fingerprint.
    let m = kinerja_berkas::baca(
        &PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../contoh/mumbulsari"),
    )
    .unwrap();
    let (a, c) = (baca("kec-a.toml"), baca("kec-c.toml"));
    let ia = id("kec-a");
    let lain = id("kec-x");
    let opsi = OpsiLaporan {
        paksa: true,
        ..Default::default()
    };
    let th = Tahun::new(2020).unwrap();
    let ditawari = [Pendahulu { id: &ia, data: &a }];
    assert_eq!(
        susun_dengan_pendahulu(&m, &ditawari, th, &opsi).unwrap(),
        susun(&m, th, &opsi).unwrap()
    );
    let bukan = [Pendahulu {
        id: &lain,
        data: &a,
    }];
    assert_eq!(
        susun_dengan_pendahulu(&c, &bukan, tahun(), &opsi).unwrap(),
        susun(&c, tahun(), &opsi).unwrap()
    );
}
