//! A tree measured: individual nodes by PermenPANRB 8/2021, an OPD's node by its sasaran, the
//! pemda's node by its RPJMD, an owner without a data set.

use super::*;
use crate::angka::bulatkan;
use crate::pohon::tests::contoh;
use crate::validasi::periksa;
use rust_decimal_macros::dec;
use serde_json::json;

fn sid(s: &str) -> SimpulId {
    SimpulId::new(s).unwrap()
}

fn pid() -> PohonId {
    PohonId::new("pohon-2024").unwrap()
}

/// OPD a's data set: sasaran SA-1 with IA1 (higher is better, Renstra target 80 for 2024,
/// realisasi 72) and IA2 (lower is better, target 10, realisasi 12).
fn opd_a() -> DataInstansi {
    serde_json::from_value(json!({
        "instansi": [
            { "id": "kab", "nama": "Kabupaten Contoh", "jenis": "kabupaten" },
            { "id": "a", "nama": "Dinas A", "jenis": "opd", "induk": "kab" },
            { "id": "a-bid", "nama": "Bidang A", "jenis": "unit", "induk": "a" }
        ],
        "renstra": [{ "id": "renstra-a", "instansi": "a", "tahun_awal": 2021, "tahun_akhir": 2026 }],
        "tujuan": [{ "id": "TA-1", "renstra": "renstra-a", "nomor": 1, "uraian": "tujuan A" }],
        "sasaran": [{ "id": "SA-1", "tujuan": "TA-1", "nomor": 1, "uraian": "sasaran A" }],
        "indikator": [
            { "id": "IA1", "pemilik": { "sasaran": "SA-1" }, "nomor": 1, "uraian": "cakupan" },
            { "id": "IA2", "pemilik": { "sasaran": "SA-1" }, "nomor": 2, "uraian": "kasus", "polaritas": "negatif" }
        ],
        "target": [
            { "indikator": "IA1", "tahun": 2024, "dokumen": "renstra", "nilai": "80" },
            { "indikator": "IA2", "tahun": 2024, "dokumen": "renstra", "nilai": "10" }
        ],
        "realisasi": [
            { "indikator": "IA1", "tahun": 2024, "nilai": "72" },
            { "indikator": "IA2", "tahun": 2024, "nilai": "12" }
        ]
    }))
    .unwrap()
}

/// The example tree with an official's node A3 under A2 holding the four range examples of
/// PermenPANRB 8/2021, and the pemda's IKU measured by its RPJMD target.
fn pemda() -> DataInstansi {
    let mut d = contoh();
    let tambahan: DataInstansi = serde_json::from_value(json!({
        "target": [{ "indikator": "IKU1", "tahun": 2024, "dokumen": "renstra", "nilai": "100" }],
        "realisasi": [{ "indikator": "IKU1", "tahun": 2024, "nilai": "95" }],
        "simpul": [{
            "id": "A3", "pohon": "pohon-2024", "induk": "A2", "tingkat": "individu",
            "uraian": "rencana hasil kerja",
            "pemilik": { "instansi": "a", "unit": "a-bid", "nip": "19850312 201001 2 015" },
            "indikator": [
                { "uraian": "Persentase penyelesaian pengaduan", "satuan": "%", "target": "80 - 90", "realisasi": "70" },
                { "uraian": "Persentase penyelesaian pengaduan", "satuan": "%", "target": "80 - 90", "realisasi": "92" },
                { "uraian": "Ketepatan waktu penyelesaian aplikasi", "satuan": "bulan", "target": "7 - 8", "realisasi": "6,5", "polaritas": "negatif" },
                { "uraian": "Ketepatan waktu penyelesaian aplikasi", "satuan": "bulan", "target": "7 - 8", "realisasi": "9", "polaritas": "negatif" }
            ]
        }]
    }))
    .unwrap();
    d.target.extend(tambahan.target);
    d.realisasi.extend(tambahan.realisasi);
    d.simpul.extend(tambahan.simpul);
    d
}

fn persen(u: &UkurSimpul, i: usize) -> Option<Decimal> {
    u.indikator[i].capaian.persen()
}

/// PermenPANRB 8/2021, Lampiran Bab VI A.1.b.1) (e) and (g), the worked examples of page 100 of
/// the annex, recomputed by hand:
/// - kondisi normal, target 80 - 90 %, realisasi 70 %: below the range, against the lower
///   bound: 70 / 80 x 100 = 87,5 % (printed 87,5 %);
/// - kondisi normal, realisasi 92 %: above, against the upper bound: 92 / 90 x 100 =
///   102,222...% → 102,22 %. The annex prints "= 113%" beside this very fraction: that printed
///   example is wrong (113 % would need a realisasi of about 101,7 %);
/// - kondisi khusus, target 7 - 8 bulan, realisasi 6,5: below, against 7:
///   (1 + (1 - 6,5 / 7)) x 100 = (14 - 6,5) / 7 x 100 = 750 / 7 = 107,142857...% (printed 107 %);
/// - kondisi khusus, realisasi 9: above, against 8: (1 + (1 - 9 / 8)) x 100 = 87,5 %.
///
/// So a normal indicator above its range and a khusus one below it score above 100.
/// The node's capaian is the mean: (175/2 + 920/9 + 750/7 + 175/2) / 4 = (175 + 920/9 + 750/7)
/// / 4 = ((11.025 + 6.440 + 6.750) / 63) / 4 = 24.215 / 252 = 96,0912...% → 96,09 %, Baik on
/// the default scale (76-100).
#[test]
fn an_officials_node_is_measured_by_permenpanrb_8_2021_with_its_worked_examples() {
    let d = pemda();
    assert_eq!(periksa(&d), vec![]);
    let h = ukur(&d, &pid(), &[&opd_a()]);
    let a3 = &h.simpul[&sid("A3")];
    assert_eq!(persen(a3, 0), Some(dec!(87.5)));
    assert_eq!(persen(a3, 1).map(|p| bulatkan(p, 2)), Some(dec!(102.22)));
    assert_eq!(persen(a3, 2).map(|p| bulatkan(p, 2)), Some(dec!(107.14)));
    assert_eq!(persen(a3, 3), Some(dec!(87.5)));
    assert!(
        a3.indikator
            .iter()
            .all(|i| i.sumber == SumberRealisasi::Simpul)
    );
    assert_eq!(a3.capaian.map(|p| bulatkan(p, 2)), Some(dec!(96.09)));
    assert_eq!(a3.dasar, Some(DasarCapaian::Indikator));
    assert_eq!(a3.predikat.as_ref().map(|p| p.label.as_str()), Some("Baik"));
    // The default scale states its colours: Baik's.
    assert_eq!(a3.warna.as_deref(), Some("#5aae61"));
}

/// The instansi's own rule for negative polarity does not reach an official's indicator (the
/// regulation prescribes its formula), but does reach a seksi's node with its own realisasi.
/// Target 8, realisasi 9: SKP (1 + (1 - 9/8)) x 100 = 87,5 %; the reciprocal 8 / 9 x 100 =
/// 88,888...% → 88,89 %.
#[test]
fn the_instansis_reciprocal_setting_applies_above_the_individual_level_only() {
    let mut d = pemda();
    let mut a = opd_a();
    a.pengaturan = Some(Pengaturan {
        skala: SkalaId::new("lkjip-4").unwrap(),
        rumus_negatif: capaian::RumusNegatif::Kebalikan,
        batas_atas: None,
    });
    let a2 = d.simpul.iter_mut().find(|s| s.id.as_str() == "A2").unwrap();
    a2.indikator = serde_json::from_value(json!([
        { "uraian": "waktu", "target": "8", "realisasi": "9", "polaritas": "negatif" }
    ]))
    .unwrap();
    let h = ukur(&d, &pid(), &[&a]);
    assert_eq!(persen(&h.simpul[&sid("A3")], 3), Some(dec!(87.5)));
    assert_eq!(
        persen(&h.simpul[&sid("A2")], 0).map(|p| bulatkan(p, 2)),
        Some(dec!(88.89))
    );
}

/// OPD a's node A1 links SA-1: its capaian is the OPD's measured capaian of SA-1, the mean of
/// IA1 72 / 80 x 100 = 90 % and IA2 (10 - (12 - 10)) / 10 x 100 = 80 %: 85 %, Baik. A node
/// indicator naming IA1 shows the OPD's measurement (target 80 from the Renstra, realisasi 72,
/// 90 %), not a figure typed in the tree.
#[test]
fn an_opd_node_linked_to_a_sasaran_takes_the_opds_measured_capaian() {
    let mut d = pemda();
    let a1 = d.simpul.iter_mut().find(|s| s.id.as_str() == "A1").unwrap();
    a1.indikator = serde_json::from_value(json!([
        { "uraian": "cakupan", "target": "75", "indikator": "IA1" }
    ]))
    .unwrap();
    let h = ukur(&d, &pid(), &[&opd_a()]);
    let a1 = &h.simpul[&sid("A1")];
    assert_eq!(a1.capaian, Some(dec!(85)));
    assert_eq!(a1.dasar, Some(DasarCapaian::Sasaran));
    assert_eq!(a1.predikat.as_ref().map(|p| p.label.as_str()), Some("Baik"));
    let i = &a1.indikator[0];
    assert_eq!(i.target.as_ref().map(|t| t.to_string()), Some("80".into()));
    assert_eq!(
        i.realisasi.as_ref().map(|t| t.to_string()),
        Some("72".into())
    );
    assert_eq!(i.capaian.persen(), Some(dec!(90)));
    assert_eq!(
        i.sumber,
        SumberRealisasi::Rencana {
            indikator: IndikatorId::new("IA1").unwrap(),
            dokumen: Some(DokumenTarget::Renstra),
            rpjmd: false,
        }
    );
}

/// The pemda's node P1 names IKU1: RPJMD target 100 for 2024, realisasi 95: 95 %; it links
/// RPJMD sasaran S1, whose only indicator is IKU1: 95 %. The target's document is the RPJMD.
/// B1's owner gave no data set: nothing about it is 0, and the owner is listed.
#[test]
fn the_pemdas_node_is_measured_by_its_rpjmd_and_a_missing_owner_is_not_zero() {
    let mut d = pemda();
    let b1 = d.simpul.iter_mut().find(|s| s.id.as_str() == "B1").unwrap();
    b1.indikator = serde_json::from_value(json!([
        { "uraian": "x", "target": "10", "indikator": "IB1" }
    ]))
    .unwrap();
    let h = ukur(&d, &pid(), &[&opd_a()]);
    let p1 = &h.simpul[&sid("P1")];
    assert_eq!(p1.capaian, Some(dec!(95)));
    assert_eq!(p1.dasar, Some(DasarCapaian::Sasaran));
    assert!(matches!(
        p1.indikator[0].sumber,
        SumberRealisasi::Rencana {
            dokumen: Some(DokumenTarget::Renstra),
            rpjmd: true,
            ..
        }
    ));
    let b1 = &h.simpul[&sid("B1")];
    assert_eq!(b1.capaian, None);
    assert_eq!(b1.predikat, None);
    assert_eq!(
        b1.indikator[0].capaian,
        Capaian::TidakTersedia {
            alasan: AlasanTidakTersedia::DataPemilikKosong
        }
    );
    assert_eq!(h.tanpa_data, vec![InstansiId::new("b").unwrap()]);
    // A2 has no indicator and links no sasaran: not measured.
    assert_eq!(h.simpul[&sid("A2")].capaian, None);
}

#[test]
fn a_realisasi_typed_for_a_plan_indicator_is_refused() {
    let mut d = pemda();
    let p1 = d.simpul.iter_mut().find(|s| s.id.as_str() == "P1").unwrap();
    p1.indikator[0].realisasi = Some(Nilai::parse("90").unwrap());
    let pesan: Vec<String> = periksa(&d).iter().map(|p| p.to_string()).collect();
    assert_eq!(pesan.len(), 1, "{pesan:?}");
    assert!(
        pesan[0].contains("realisasinya diambil dari data instansi pemiliknya"),
        "{pesan:?}"
    );
}

#[test]
fn a_collapsed_branch_counts_its_nodes_per_level() {
    let d = pemda();
    let akar = crate::pohon::susun(&d, &pid());
    assert_eq!(
        akar[0].jumlah_per_tingkat(),
        vec![
            (TingkatSimpul::StrategisOpd, 2),
            (TingkatSimpul::Taktis, 1),
            (TingkatSimpul::Individu, 1)
        ]
    );
}

/// A scale's colour is data that goes into markup: only a hex colour is taken.
#[test]
fn a_colour_that_is_not_hex_is_replaced_by_the_ramp() {
    let mut sk = SkalaPredikat::lkjip_empat_tingkat();
    sk.pita[0].warna = Some("red\" onload=\"x".into());
    let p = sk.predikat(dec!(120));
    assert_eq!(p.label, "Sangat Baik");
    assert_eq!(warna(&p, &sk), "#1b7837");
    let p = sk.predikat(dec!(10));
    assert_eq!(warna(&p, &sk), "#d73027");
}

/// The kabupaten's view: the RPJMD's IKU1 (target 100, realisasi 95: 95 %) carried by A1 (OPD
/// a, 85 % from SA-1) and B1 (OPD b, no data set: not available), the nodes under P1, which
/// links S1.
#[test]
fn the_rpjmd_iku_lists_the_opd_nodes_that_carry_it() {
    let d = pemda();
    let u = ukur(&d, &pid(), &[&opd_a()]);
    let iku = iku_pemda(&d, crate::waktu::Tahun::new(2024).unwrap(), Some(&u));
    assert_eq!(iku.len(), 1);
    let i = &iku[0];
    assert_eq!(i.indikator.as_str(), "IKU1");
    assert_eq!(i.capaian.persen(), Some(dec!(95)));
    assert_eq!(i.dokumen, Some(DokumenTarget::Renstra));
    let k: Vec<(&str, Option<Decimal>)> = i
        .kontribusi
        .iter()
        .map(|k| (k.simpul.as_str(), k.capaian))
        .collect();
    assert_eq!(k, vec![("A1", Some(dec!(85))), ("B1", None)]);
    // An OPD's data set has no RPJMD: nothing.
    assert!(iku_pemda(&opd_a(), crate::waktu::Tahun::new(2024).unwrap(), None).is_empty());
}
