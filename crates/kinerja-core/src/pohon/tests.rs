//! The tree's validation (`validasi::pohon`), its assembly and its copy to another year.

use super::*;
use crate::validasi::periksa;

/// A pemda (`kab`) with an RPJMD, two OPDs (`a` with a unit, `b`) and a 2024 tree: the pemda's
/// node P1 over A1 (OPD a, with A2 of its unit under it) and B1 (OPD b); A1 proposes a
/// crosscutting link to B1.
pub(crate) fn contoh() -> DataInstansi {
    serde_json::from_value(serde_json::json!({
        "instansi": [
            { "id": "kab", "nama": "Kabupaten Contoh", "jenis": "kabupaten" },
            { "id": "a", "nama": "Dinas A", "jenis": "opd", "induk": "kab" },
            { "id": "a-bid", "nama": "Bidang A", "jenis": "unit", "induk": "a" },
            { "id": "b", "nama": "Dinas B", "jenis": "opd", "induk": "kab" }
        ],
        "renstra": [{ "id": "rpjmd", "instansi": "kab", "jenis": "rpjmd", "tahun_awal": 2021, "tahun_akhir": 2026 }],
        "tujuan": [{ "id": "T1", "renstra": "rpjmd", "nomor": 1, "uraian": "tujuan" }],
        "sasaran": [{ "id": "S1", "tujuan": "T1", "nomor": 1, "uraian": "sasaran RPJMD" }],
        "indikator": [{ "id": "IKU1", "pemilik": { "sasaran": "S1" }, "nomor": 1, "uraian": "IKU" }],
        "pohon": [{ "id": "pohon-2024", "instansi": "kab", "tahun": 2024 }],
        "simpul": [
            { "id": "P1", "pohon": "pohon-2024", "tingkat": "strategis_pemda", "uraian": "kondisi pemda",
              "pemilik": { "instansi": "kab", "jabatan": "Bupati" }, "tautan": [{ "sasaran": "S1" }],
              "indikator": [{ "kode": "K", "uraian": "IKU", "target": "100", "indikator": "IKU1" }] },
            { "id": "A1", "pohon": "pohon-2024", "induk": "P1", "tingkat": "strategis_opd", "uraian": "sasaran A",
              "pemilik": { "instansi": "a" }, "tautan": [{ "sasaran": "SA-1" }] },
            { "id": "A2", "pohon": "pohon-2024", "induk": "A1", "tingkat": "taktis", "uraian": "bidang A",
              "pemilik": { "instansi": "a", "unit": "a-bid", "nip": "19850312 201001 2 015" } },
            { "id": "B1", "pohon": "pohon-2024", "induk": "P1", "tingkat": "strategis_opd", "uraian": "sasaran B",
              "pemilik": { "instansi": "b" } }
        ],
        "crosscutting": [{ "id": "C1", "dari": "A1", "ke": "B1" }]
    }))
    .unwrap()
}

fn pesan(d: &DataInstansi) -> Vec<String> {
    periksa(d).iter().map(|p| p.to_string()).collect()
}

fn sid(s: &str) -> SimpulId {
    SimpulId::new(s).unwrap()
}

fn simpul<'a>(d: &'a mut DataInstansi, id: &str) -> &'a mut SimpulPohon {
    d.simpul.iter_mut().find(|s| s.id.as_str() == id).unwrap()
}

#[test]
fn the_example_tree_is_valid_and_an_opd_nodes_link_is_left_to_the_opds_data() {
    // A1 links sasaran SA-1, which only OPD a's data set has: not a dangling link here.
    assert_eq!(pesan(&contoh()), Vec::<String>::new());
}

#[test]
fn dangling_references_are_named_at_their_field() {
    let mut d = contoh();
    simpul(&mut d, "P1")
        .tautan
        .push(Pemilik::Sasaran(SasaranId::new("S9").unwrap()));
    simpul(&mut d, "P1").indikator[0].indikator = Some(IndikatorId::new("X").unwrap());
    simpul(&mut d, "A1").pohon = PohonId::new("pohon-1999").unwrap();
    simpul(&mut d, "A2").pemilik.as_mut().unwrap().instansi = InstansiId::new("b").unwrap();
    simpul(&mut d, "B1").induk = Some(sid("Z"));
    d.crosscutting[0].ke = sid("Y");
    assert_eq!(
        pesan(&d),
        [
            "[[simpul]] ke-1 (id \"P1\"), medan `tautan`: merujuk sasaran \"S9\" yang tidak ada",
            "[[simpul]] ke-1 (id \"P1\"), medan `indikator.indikator`: merujuk indikator \"X\" yang tidak ada",
            "[[simpul]] ke-2 (id \"A1\"), medan `pohon`: merujuk pohon \"pohon-1999\" yang tidak ada",
            "[[simpul]] ke-2 (id \"A1\"), medan `induk`: simpul induk \"P1\" berada di pohon \"pohon-2024\", bukan di pohon \"pohon-1999\"",
            "[[simpul]] ke-3 (id \"A2\"), medan `induk`: simpul induk \"A1\" berada di pohon \"pohon-1999\", bukan di pohon \"pohon-2024\"",
            "[[simpul]] ke-3 (id \"A2\"), medan `pemilik.unit`: unit \"a-bid\" tidak berada di bawah instansi \"b\"",
            "[[simpul]] ke-4 (id \"B1\"), medan `induk`: merujuk simpul \"Z\" yang tidak ada",
            "[[crosscutting]] ke-1 (id \"C1\"), medan `ke`: merujuk simpul \"Y\" yang tidak ada",
        ]
    );
}

#[test]
fn a_node_may_not_sit_under_a_node_of_a_lower_level() {
    let mut d = contoh();
    // Same level under same level is a cascade inside one level: allowed.
    simpul(&mut d, "A2").tingkat = TingkatSimpul::StrategisOpd;
    assert_eq!(pesan(&d), Vec::<String>::new());
    // The boundary: one level above its parent.
    simpul(&mut d, "A2").tingkat = TingkatSimpul::StrategisPemda;
    assert_eq!(
        pesan(&d),
        [
            "[[simpul]] ke-3 (id \"A2\"), medan `tingkat`: simpul bertingkat strategis pemda tidak boleh berada di bawah simpul \"A1\" yang bertingkat strategis OPD (tingkat lebih rendah)"
        ]
    );
}

#[test]
fn a_cycle_of_parents_is_reported_once_with_its_chain() {
    let mut d = contoh();
    simpul(&mut d, "P1").induk = Some(sid("A2"));
    simpul(&mut d, "P1").tingkat = TingkatSimpul::Individu;
    simpul(&mut d, "A1").tingkat = TingkatSimpul::Individu;
    simpul(&mut d, "A2").tingkat = TingkatSimpul::Individu;
    simpul(&mut d, "B1").tingkat = TingkatSimpul::Individu;
    assert_eq!(
        pesan(&d),
        [
            "[[simpul]] ke-1 (id \"P1\"), medan `induk`: rantai induk simpul berputar: P1 → A2 → A1 → P1"
        ]
    );
    // A node its own parent.
    let mut d = contoh();
    simpul(&mut d, "B1").induk = Some(sid("B1"));
    assert_eq!(
        pesan(&d),
        ["[[simpul]] ke-4 (id \"B1\"), medan `induk`: rantai induk simpul berputar: B1 → B1"]
    );
}

#[test]
fn crosscutting_joins_two_instansi_and_a_refusal_needs_a_reason() {
    let mut d = contoh();
    d.crosscutting[0].ke = sid("A2");
    d.crosscutting[0].status = StatusCrosscutting::Ditolak;
    d.crosscutting[0].alasan = Some("  ".into());
    assert_eq!(
        pesan(&d),
        [
            "[[crosscutting]] ke-1 (id \"C1\"), medan `ke`: kedua simpul milik instansi \"a\": crosscutting menghubungkan simpul dua instansi yang berbeda",
            "[[crosscutting]] ke-1 (id \"C1\"), medan `alasan`: crosscutting yang ditolak memerlukan alasan",
        ]
    );
    d.crosscutting[0].ke = sid("B1");
    d.crosscutting[0].alasan = Some("bukan kewenangan Dinas B".into());
    assert_eq!(pesan(&d), Vec::<String>::new());
}

#[test]
fn one_tree_per_pemda_and_year_and_an_rpjmd_only_for_a_pemda() {
    let mut d = contoh();
    let mut kedua = d.pohon[0].clone();
    kedua.id = PohonId::new("pohon-lain").unwrap();
    d.pohon.push(kedua);
    d.renstra[0].instansi = InstansiId::new("a").unwrap();
    assert_eq!(
        pesan(&d),
        [
            "[[renstra]] ke-1 (id \"rpjmd\"), medan `jenis`: RPJMD hanya untuk pemda (kabupaten, kota atau provinsi); instansi \"a\" bukan pemda",
            "[[pohon]] ke-2 (id \"pohon-lain\"), medan `tahun`: pohon kinerja \"kab\" tahun 2024 sudah ada: [[pohon]] ke-1 (satu pohon per pemda dan tahun)",
        ]
    );
}

#[test]
fn the_copy_keeps_where_each_node_came_from_and_validates() {
    let mut d = contoh();
    let th = crate::waktu::Tahun::new(2025).unwrap();
    let baru = salin(&d, &PohonId::new("pohon-2024").unwrap(), th).unwrap();
    assert_eq!(baru.pohon.len(), 1);
    assert_eq!(baru.pohon[0].id.as_str(), "pohon-2025");
    assert_eq!(baru.pohon[0].asal.as_ref().unwrap().as_str(), "pohon-2024");
    let ids: Vec<(&str, Option<&str>, Option<&str>)> = baru
        .simpul
        .iter()
        .map(|s| {
            (
                s.id.as_str(),
                s.induk.as_ref().map(|i| i.as_str()),
                s.asal.as_ref().map(|i| i.as_str()),
            )
        })
        .collect();
    assert_eq!(
        ids,
        [
            ("P1-2025", None, Some("P1")),
            ("A1-2025", Some("P1-2025"), Some("A1")),
            ("A2-2025", Some("A1-2025"), Some("A2")),
            ("B1-2025", Some("P1-2025"), Some("B1")),
        ]
    );
    assert_eq!(baru.simpul[0].indikator, d.simpul[0].indikator);
    assert_eq!(baru.crosscutting[0].id.as_str(), "C1-2025");
    assert_eq!(baru.crosscutting[0].status, StatusCrosscutting::Usulan);
    tambahkan(&mut d, baru);
    assert_eq!(pesan(&d), Vec::<String>::new());
    // Twice is refused; so is a year not after the source's.
    let p = PohonId::new("pohon-2024").unwrap();
    assert_eq!(
        salin(&d, &p, th).unwrap_err().to_string(),
        "pohon kinerja tahun 2025 sudah ada (\"pohon-2025\")"
    );
    assert_eq!(
        salin(&d, &p, crate::waktu::Tahun::new(2024).unwrap())
            .unwrap_err()
            .to_string(),
        "tahun tujuan 2024 tidak sesudah tahun pohon asal 2024"
    );
    assert_eq!(
        salin(&d, &PohonId::new("x").unwrap(), th)
            .unwrap_err()
            .to_string(),
        "pohon \"x\" tidak ada"
    );
}

#[test]
fn a_copy_whose_new_id_is_taken_or_too_long_is_refused() {
    let mut d = contoh();
    simpul(&mut d, "B1").id = sid("A1-2025");
    d.crosscutting[0].ke = sid("A1-2025");
    let th = crate::waktu::Tahun::new(2025).unwrap();
    let p = PohonId::new("pohon-2024").unwrap();
    assert_eq!(
        salin(&d, &p, th).unwrap_err().to_string(),
        "id baru \"A1-2025\" untuk simpul sudah dipakai; ubah id rekaman asal atau hapus yang lama"
    );
    let mut d = contoh();
    simpul(&mut d, "B1").id = sid(&"B".repeat(64));
    d.crosscutting[0].ke = sid(&"B".repeat(64));
    assert!(matches!(
        salin(&d, &p, th),
        Err(GalatSalin::IdTidakSah(_, "simpul", _))
    ));
}

#[test]
fn the_year_in_an_id_is_replaced_only_as_a_whole_number() {
    let t = |n| crate::waktu::Tahun::new(n).unwrap();
    assert_eq!(id_tahun("pohon-2024", t(2024), t(2025)), "pohon-2025");
    assert_eq!(id_tahun("S1-2024-a", t(2024), t(2025)), "S1-2025-a");
    assert_eq!(id_tahun("S1", t(2024), t(2025)), "S1-2025");
    // 12024 is not the year 2024; the last whole occurrence is replaced.
    assert_eq!(id_tahun("x12024", t(2024), t(2025)), "x12024-2025");
    assert_eq!(id_tahun("2024-a-2024", t(2024), t(2025)), "2024-a-2025");
    assert_eq!(id_tahun("2024", t(2024), t(2025)), "2025");
}

#[test]
fn the_tree_is_assembled_from_its_roots_in_file_order() {
    let d = contoh();
    let akar = susun(&d, &PohonId::new("pohon-2024").unwrap());
    assert_eq!(akar.len(), 1);
    assert_eq!(akar[0].jumlah(), 4);
    let anak: Vec<&str> = akar[0].anak.iter().map(|c| c.simpul.id.as_str()).collect();
    assert_eq!(anak, ["A1", "B1"]);
    assert_eq!(akar[0].anak[0].anak[0].simpul.id.as_str(), "A2");
    // On a cycle (refused by validation) every node is still placed at most once.
    let mut d = contoh();
    simpul(&mut d, "P1").induk = Some(sid("A2"));
    let akar = susun(&d, &PohonId::new("pohon-2024").unwrap());
    assert!(akar.iter().map(Cabang::jumlah).sum::<usize>() <= 4);
    assert_eq!(instansi_data(&contoh()).map(|i| i.as_str()), Some("kab"));
}

#[test]
fn the_public_sees_a_years_tree_only_once_the_year_is_published() {
    let d = contoh();
    let p = crate::terbit::untuk_publik(&d, &[crate::waktu::Tahun::new(2023).unwrap()]);
    assert!(p.pohon.is_empty() && p.simpul.is_empty() && p.crosscutting.is_empty());
    let p = crate::terbit::untuk_publik(&d, &[crate::waktu::Tahun::new(2024).unwrap()]);
    assert_eq!(
        (p.pohon.len(), p.simpul.len(), p.crosscutting.len()),
        (1, 4, 1)
    );
}

/// `n` nodes of the example's tree, each under the previous one (B1 first, under P1).
fn rantai(n: usize) -> DataInstansi {
    let mut d = contoh();
    let b1 = d
        .simpul
        .iter()
        .find(|s| s.id.as_str() == "B1")
        .unwrap()
        .clone();
    for i in 0..n {
        let mut s = b1.clone();
        s.id = sid(&format!("R{i}"));
        s.induk = Some(if i == 0 {
            sid("P1")
        } else {
            sid(&format!("R{}", i - 1))
        });
        d.simpul.push(s);
    }
    d
}

#[test]
fn a_tree_is_at_most_fifty_nodes_deep() {
    // P1 is at depth 1, so R0..R48 reach depth 50: the limit.
    assert_eq!(pesan(&rantai(49)), Vec::<String>::new());
    // R49 is at depth 51; R50 below it is not reported again.
    assert_eq!(
        pesan(&rantai(51)),
        [
            "[[simpul]] ke-54 (id \"R49\"), medan `induk`: simpul berada di kedalaman 51; pohon kinerja paling dalam 50 simpul"
        ]
    );
}

#[test]
fn a_long_chain_and_a_long_cycle_are_checked_in_one_walk() {
    // 100.000 nodes: a quadratic walk would take minutes; this one is linear.
    let mut d = rantai(100_000);
    assert_eq!(periksa(&d).len(), 1);
    // Close the chain into a cycle through P1: reported once, at P1 (the first in file order).
    simpul(&mut d, "P1").induk = Some(sid("R99999"));
    simpul(&mut d, "P1").tingkat = TingkatSimpul::StrategisOpd;
    let p = periksa(&d);
    let berputar: Vec<_> = p
        .iter()
        .filter(|x| x.pesan.starts_with("rantai induk"))
        .collect();
    assert_eq!(berputar.len(), 1);
    assert_eq!(berputar[0].letak.id.as_deref(), Some("P1"));
    // P1 → R99999 → R99998 → ... → R0 → P1 (each node's parent in turn): 100.001 nodes, named
    // by the first ten steps.
    assert_eq!(
        berputar[0].pesan,
        "rantai induk simpul berputar: P1 → R99999 → R99998 → R99997 → R99996 → R99995 → R99994 → R99993 → R99992 → R99991 → … → P1 (100.001 simpul)"
    );
    assert!(
        !p.iter().any(|x| x.pesan.contains("kedalaman")),
        "no depth on a cycle"
    );
}
