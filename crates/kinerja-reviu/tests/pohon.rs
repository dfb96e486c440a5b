//! The pemda's pohon kinerja rules on the example pemda (`contoh/pemda-jember`: the kabupaten's
//! RPJMD and 2020 tree, two synthetic OPDs, and the bundled Kecamatan Mumbulsari). Every
//! expected finding is derived by hand from the example's files (see its README).

use kinerja_core::model::DataInstansi;
use kinerja_core::waktu::Tahun;
use kinerja_reviu::{Temuan, Tingkat, pohon};
use rust_decimal_macros::dec;
use std::path::Path;

fn baca(p: &str) -> DataInstansi {
    let akar = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../contoh");
    kinerja_berkas::baca(&akar.join(p)).unwrap_or_else(|e| panic!("{p}: {e}"))
}

struct Contoh {
    kab: DataInstansi,
    opd: Vec<DataInstansi>,
}

fn contoh() -> Contoh {
    Contoh {
        kab: baca("pemda-jember/kabupaten"),
        opd: vec![
            baca("mumbulsari"),
            baca("pemda-jember/dinkes"),
            baca("pemda-jember/dispendukcapil"),
        ],
    }
}

fn th() -> Tahun {
    Tahun::new(2020).unwrap()
}

impl Contoh {
    fn temuan(&self) -> Vec<Temuan> {
        let opd: Vec<&DataInstansi> = self.opd.iter().collect();
        pohon::periksa(&self.kab, &opd, th())
    }
}

fn kunci(ts: &[Temuan], aturan: &str) -> Vec<String> {
    ts.iter()
        .filter(|t| t.aturan == aturan)
        .map(|t| t.kunci.clone())
        .collect()
}

#[test]
fn each_rule_finds_what_the_example_shows_and_nothing_else() {
    let ts = contoh().temuan();
    // Mumbulsari's S-1 names the RPJMD sasaran by its wording, Dinkes's sasaran by id and by
    // wording (case and final stop aside), Dispendukcapil's through node DSP-1 under PEMDA-2;
    // Mumbulsari's S-2 names none and no node links it.
    assert_eq!(kunci(&ts, "SASARAN-TANPA-RPJMD"), ["mumbulsari|S-2"]);
    assert_eq!(kunci(&ts, "POHON-SIMPUL-TANPA-INDIKATOR"), ["DKS-4"]);
    assert_eq!(kunci(&ts, "POHON-SIMPUL-TANPA-PEMILIK"), ["DKS-5"]);
    // Operational nodes link DKS-SK-1, DSP-SK-1 and Mumbulsari's K-ADM-1..3; every other
    // budgeted place of an instansi owning a node is found (Mumbulsari's 2020 budget is on
    // kegiatan: 10 kegiatan lines, 3 linked).
    assert_eq!(
        kunci(&ts, "POHON-ANGGARAN-TANPA-SIMPUL"),
        [
            "dinkes|DKS-SK-2",
            "dispendukcapil|DSP-SK-2",
            "mumbulsari|K-SARPRAS-1",
            "mumbulsari|K-SARPRAS-3",
            "mumbulsari|K-SARPRAS-4",
            "mumbulsari|K-SARPRAS-5",
            "mumbulsari|K-DISIPLIN-1",
            "mumbulsari|K-KOORD-1",
            "mumbulsari|K-KOORD-2",
        ]
    );
    let anggaran = ts
        .iter()
        .find(|t| t.kunci == "dispendukcapil|DSP-SK-2")
        .unwrap();
    assert_eq!(
        anggaran.pesan,
        "sub kegiatan \"Penataan Pendaftaran Penduduk\" berpagu Rp 175.500.000,00 tahun 2020 tidak tertaut ke simpul operasional mana pun milik Dinas Kependudukan dan Pencatatan Sipil"
    );
    // CC-1 is accepted; CC-2 refused (with its reason), CC-3 still proposed.
    assert_eq!(kunci(&ts, "POHON-CROSSCUTTING"), ["CC-2", "CC-3"]);
    let ditolak = ts.iter().find(|t| t.kunci == "CC-2").unwrap();
    assert!(
        ditolak.pesan.ends_with("ditolak: Renstra Kecamatan Mumbulsari 2016-2021 tidak memuat program kesehatan ibu; koordinasi melalui Puskesmas."),
        "{}",
        ditolak.pesan
    );
    // MBS-1 "B (100%)" = PK "B (100%)" (both 100), DSP-1 97 = 97; DKS-1 32 against PK 30.
    assert_eq!(kunci(&ts, "POHON-TARGET-PK"), ["DKS-1|DKS-I-S1-1"]);
    let pk = ts.iter().find(|t| t.aturan == "POHON-TARGET-PK").unwrap();
    assert_eq!(
        pk.pesan,
        "target indikator \"Jumlah kematian ibu\" pada simpul \"Menurunnya angka kematian ibu\" adalah 32, sedangkan Perjanjian Kinerja Dinas Kesehatan 2020 menargetkan 30"
    );
    // AKI: "orang" on PEMDA-3, DKS-1, DKS-2; "jiwa" on DKS-3. IKM and KTP agree.
    assert_eq!(kunci(&ts, "POHON-SATUAN"), ["AKI"]);
    // AKI (lower is better, additive): PEMDA-3 40 >= DKS-1 32, fine; DKS-1 32 < DKS-2 20 +
    // DKS-3 15 = 35, the children cannot stay within the parent's target.
    assert_eq!(kunci(&ts, "POHON-TARGET-ANAK"), ["DKS-1|AKI"]);
    let anak = ts.iter().find(|t| t.aturan == "POHON-TARGET-ANAK").unwrap();
    assert_eq!(
        (anak.tercatat, anak.dihitung),
        (Some(dec!(32)), Some(dec!(35)))
    );
    assert_eq!(
        anak.pesan,
        "jumlah target 2 simpul anak untuk indikator \"Jumlah kematian ibu\" (AKI) 35 melebihi target simpul induk 32"
    );
    assert_eq!(kunci(&ts, "POHON-TAUTAN"), Vec::<String>::new());
    assert_eq!(ts.len(), 1 + 1 + 1 + 9 + 2 + 1 + 1 + 1);
    assert!(ts.iter().all(|t| t.tingkat == Tingkat::Peringatan));
}

#[test]
fn without_the_opds_data_only_what_the_pemdas_data_shows_is_said() {
    let c = contoh();
    let ts = pohon::periksa(&c.kab, &[], th());
    let mut aturan: Vec<&str> = ts.iter().map(|t| t.aturan.as_str()).collect();
    aturan.sort();
    assert_eq!(
        aturan,
        [
            "POHON-CROSSCUTTING",
            "POHON-CROSSCUTTING",
            "POHON-SATUAN",
            "POHON-SIMPUL-TANPA-INDIKATOR",
            "POHON-SIMPUL-TANPA-PEMILIK",
            "POHON-TARGET-ANAK",
        ]
    );
    // The reviu of the pemda's data set runs the same rules.
    let semua = kinerja_reviu::periksa(&c.kab, th(), &[]);
    assert_eq!(
        semua
            .iter()
            .filter(|t| t.aturan.starts_with("POHON-"))
            .count(),
        6
    );
}

#[test]
fn without_a_tree_nothing_is_said_about_missing_nodes() {
    let mut c = contoh();
    c.kab.pohon.clear();
    c.kab.simpul.clear();
    c.kab.crosscutting.clear();
    let ts = c.temuan();
    // Only the sasaran: Mumbulsari's S-2 and, without the tree, Dispendukcapil's DSP-S-1.
    assert_eq!(
        kunci(&ts, "SASARAN-TANPA-RPJMD"),
        ["mumbulsari|S-2", "dispendukcapil|DSP-S-1"]
    );
    assert_eq!(ts.len(), 2);
    // Without an RPJMD for the year, not even that.
    c.kab.renstra.clear();
    assert_eq!(c.temuan().len(), 0);
}

#[test]
fn a_link_to_a_record_the_opds_data_lacks_is_an_error() {
    let mut c = contoh();
    let s = c
        .kab
        .simpul
        .iter_mut()
        .find(|s| s.id.as_str() == "DSP-3")
        .unwrap();
    s.tautan = vec![kinerja_core::model::Pemilik::SubKegiatan(
        kinerja_core::id::SubKegiatanId::new("DSP-SK-9").unwrap(),
    )];
    let ts = c.temuan();
    let t: Vec<&Temuan> = ts.iter().filter(|t| t.aturan == "POHON-TAUTAN").collect();
    assert_eq!(t.len(), 1);
    assert_eq!(t[0].tingkat, Tingkat::Galat);
    assert_eq!(
        t[0].pesan,
        "simpul \"Terlayaninya perekaman dan pencetakan KTP-el\" menaut sub kegiatan \"DSP-SK-9\" yang tidak ada dalam data Dinas Kependudukan dan Pencatatan Sipil"
    );
    // DSP-SK-1 now hangs off no operational node either.
    assert!(
        kunci(&ts, "POHON-ANGGARAN-TANPA-SIMPUL").contains(&"dispendukcapil|DSP-SK-1".to_string())
    );
}

fn target(c: &mut Contoh, simpul: &str, nilai: &str) {
    let s = c
        .kab
        .simpul
        .iter_mut()
        .find(|s| s.id.as_str() == simpul)
        .unwrap();
    s.indikator[0].target = Some(kinerja_core::nilai::Nilai::parse(nilai).unwrap());
}

#[test]
fn childrens_targets_add_up_at_the_boundary() {
    // Lower is better: 20 + 12 = 32 is exactly the parent's 32 (fine); 20 + 12,5 = 32,5 is
    // above it.
    let mut c = contoh();
    target(&mut c, "DKS-3", "12");
    assert_eq!(
        kunci(&c.temuan(), "POHON-TARGET-ANAK"),
        Vec::<String>::new()
    );
    target(&mut c, "DKS-3", "12,5");
    let ts = c.temuan();
    let t = ts.iter().find(|t| t.aturan == "POHON-TARGET-ANAK").unwrap();
    assert_eq!(t.dihitung, Some(dec!(32.5)));
    assert!(
        t.pesan.contains("32,5 melebihi target simpul induk 32"),
        "{}",
        t.pesan
    );
    // Higher is better: the children must reach the parent. 20 + 15 = 35 < 36.
    let mut c = contoh();
    for s in c
        .kab
        .simpul
        .iter_mut()
        .filter(|s| s.id.as_str().starts_with("DKS-"))
    {
        for i in &mut s.indikator {
            i.polaritas = kinerja_core::model::Polaritas::Positif;
        }
    }
    target(&mut c, "DKS-1", "36");
    let ts = c.temuan();
    let t = ts.iter().find(|t| t.aturan == "POHON-TARGET-ANAK").unwrap();
    assert!(
        t.pesan.ends_with("35 kurang dari target simpul induk 36"),
        "{}",
        t.pesan
    );
    target(&mut c, "DKS-1", "35");
    assert_eq!(
        kunci(&c.temuan(), "POHON-TARGET-ANAK"),
        Vec::<String>::new()
    );
    // A child's range target cannot be summed: nothing is asserted.
    target(&mut c, "DKS-1", "36");
    target(&mut c, "DKS-3", "10 - 15");
    assert_eq!(
        kunci(&c.temuan(), "POHON-TARGET-ANAK"),
        Vec::<String>::new()
    );
}

#[test]
fn a_finding_on_a_plan_year_names_the_rpjmd_not_the_renstra() {
    // 2021: the kabupaten's RPJMD sets IKU-1 to 81 and nothing is reported yet, so a finding
    // about the indicator's year is placed in the plan document the target comes from.
    let c = contoh();
    let t2021 = Tahun::new(2021).unwrap();
    let k = kinerja_reviu::Konteks::new(&c.kab, t2021);
    let target = c
        .kab
        .target
        .iter()
        .find(|t| t.indikator.as_str() == "IKU-1" && t.tahun == t2021)
        .unwrap();
    assert_eq!(k.dokumen_indikator(Some(target)), "RPJMD 2021");
    // An OPD's Renstra stays a Renstra.
    let dinkes = &c.opd[1];
    let k = kinerja_reviu::Konteks::new(dinkes, t2021);
    let mut t = target.clone();
    t.indikator = kinerja_core::id::IndikatorId::new("DKS-I-S1-1").unwrap();
    assert_eq!(k.dokumen_indikator(Some(&t)), "Renstra 2021");
}
