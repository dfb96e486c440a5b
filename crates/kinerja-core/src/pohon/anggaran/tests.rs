//! The budget rolled up per RPJMD sasaran: a line linked twice counted once, a line reaching two
//! sasaran counted under the first, the lines that hang off no node listed with why.

use super::*;
use crate::angka::bulatkan;
use crate::pohon::tests::contoh;
use crate::uang::Rupiah;
use rust_decimal_macros::dec;
use serde_json::json;

/// The example pemda (`contoh`) with a second RPJMD sasaran S2 and its node P2; OPD a's nodes:
/// A2 (under A1 under P1, so S1) links program PA-1; A4 (under A2) links sub kegiatan SKA-1;
/// A3 (under P2, so S2) links sub kegiatan SKA-2; A5 (a root: under no pemda node) links
/// kegiatan KA-9.
fn pemda() -> DataInstansi {
    let mut d = contoh();
    let tambah: DataInstansi = serde_json::from_value(json!({
        "sasaran": [{ "id": "S2", "tujuan": "T1", "nomor": 2, "uraian": "sasaran RPJMD kedua" }],
        "simpul": [
            { "id": "P2", "pohon": "pohon-2024", "tingkat": "strategis_pemda", "uraian": "kondisi kedua",
              "pemilik": { "instansi": "kab" }, "tautan": [{ "sasaran": "S2" }] },
            { "id": "A3", "pohon": "pohon-2024", "induk": "P2", "tingkat": "operasional", "uraian": "A untuk S2",
              "pemilik": { "instansi": "a" }, "tautan": [{ "sub_kegiatan": "SKA-2" }] },
            { "id": "A4", "pohon": "pohon-2024", "induk": "A2", "tingkat": "operasional", "uraian": "seksi A",
              "pemilik": { "instansi": "a" }, "tautan": [{ "sub_kegiatan": "SKA-1" }] },
            { "id": "A5", "pohon": "pohon-2024", "tingkat": "operasional", "uraian": "lepas",
              "pemilik": { "instansi": "a" }, "tautan": [{ "kegiatan": "KA-9" }] }
        ]
    }))
    .unwrap();
    d.sasaran.extend(tambah.sasaran);
    d.simpul.extend(tambah.simpul);
    d.simpul
        .iter_mut()
        .find(|s| s.id.as_str() == "A2")
        .unwrap()
        .tautan = vec![Pemilik::Program(ProgramId::new("PA-1").unwrap())];
    d
}

/// OPD a's budget: SKA-1 (100.000.000,00, realisasi 90.000.000,00) and SKA-2 (50.000.000,00,
/// realisasi 40.000.000,00) under kegiatan KA-1 of program PA-1; kegiatan KA-9 of program PA-9
/// (30.000.000,00, fully spent); its Belanja Tidak Langsung (200.000.000,00, not reported); and
/// a 2023 line on SKA-1 that the 2024 roll-up leaves out.
fn opd_a() -> DataInstansi {
    serde_json::from_value(json!({
        "renstra": [{ "id": "renstra-a", "instansi": "a", "tahun_awal": 2021, "tahun_akhir": 2026 }],
        "program": [
            { "id": "PA-1", "nama": "Program satu" },
            { "id": "PA-9", "nama": "Program sembilan" }
        ],
        "kegiatan": [
            { "id": "KA-1", "program": "PA-1", "nama": "Kegiatan satu" },
            { "id": "KA-9", "program": "PA-9", "nama": "Kegiatan sembilan" }
        ],
        "sub_kegiatan": [
            { "id": "SKA-1", "kegiatan": "KA-1", "nama": "Sub kegiatan satu" },
            { "id": "SKA-2", "kegiatan": "KA-1", "nama": "Sub kegiatan dua" }
        ],
        "anggaran": [
            { "id": "L1", "tahun": 2024, "tempat": { "sub_kegiatan": "SKA-1" }, "jenis": "langsung",
              "pagu": "100.000.000,00", "realisasi": "90.000.000,00" },
            { "id": "L2", "tahun": 2024, "tempat": { "sub_kegiatan": "SKA-2" }, "jenis": "langsung",
              "pagu": "50.000.000,00", "realisasi": "40.000.000,00" },
            { "id": "L3", "tahun": 2024, "tempat": { "kegiatan": "KA-9" }, "jenis": "langsung",
              "pagu": "30.000.000,00", "realisasi": "30.000.000,00" },
            { "id": "L4", "tahun": 2024, "tempat": "instansi", "jenis": "tidak_langsung",
              "pagu": "200.000.000,00" },
            { "id": "L5", "tahun": 2023, "tempat": { "sub_kegiatan": "SKA-1" }, "jenis": "langsung",
              "pagu": "999.000.000,00" }
        ]
    }))
    .unwrap()
}

fn th() -> Tahun {
    Tahun::new(2024).unwrap()
}

fn rp(s: &str) -> Rupiah {
    Rupiah::utuh(s.parse().unwrap())
}

fn pos<'a>(a: &'a AnggaranPohon, id: &str) -> &'a PosPohon {
    a.pos.iter().find(|p| p.pos.as_str() == id).unwrap()
}

#[test]
fn a_line_linked_twice_is_counted_once_and_a_line_reaching_two_sasaran_under_the_first() {
    let d = pemda();
    let a = opd_a();
    let h = anggaran_pohon(&d, th(), &[&a]);
    assert_eq!(h.pos.len(), 4, "the 2023 line is left out");
    // L1: A2 through program PA-1 and A4 through SKA-1, both under S1: once.
    let l1 = pos(&h, "L1");
    assert_eq!(l1.tautan.len(), 2);
    assert_eq!(l1.sasaran, vec![SasaranId::new("S1").unwrap()]);
    // L2: A2 (program, S1) and A3 (SKA-2, S2): counted under S1, S2 listed beside.
    let l2 = pos(&h, "L2");
    assert_eq!(
        l2.sasaran,
        vec![SasaranId::new("S1").unwrap(), SasaranId::new("S2").unwrap()]
    );
    // S1 = L1 + L2: pagu 100.000.000 + 50.000.000 = 150.000.000; realisasi 90.000.000 +
    // 40.000.000 = 130.000.000; serapan 130 / 150 x 100 = 86,666... → 86,67 %.
    let s1 = &h.sasaran[0];
    assert_eq!(s1.sasaran.as_str(), "S1");
    assert_eq!(s1.serapan.pagu, rp("150000000"));
    assert_eq!(s1.serapan.realisasi, Some(rp("130000000")));
    assert_eq!(bulatkan(s1.serapan.persen.unwrap(), 2), dec!(86.67));
    assert_eq!(s1.instansi.len(), 1);
    assert_eq!(s1.instansi[0].serapan.pagu, rp("150000000"));
    // S2 gets nothing of its own (L2 is S1's): pagu 0, no realisasi, no serapan.
    let s2 = &h.sasaran[1];
    assert_eq!(s2.sasaran.as_str(), "S2");
    assert_eq!(s2.serapan.pagu, Rupiah::NOL);
    assert_eq!(s2.serapan.realisasi, None);
    assert_eq!(s2.serapan.persen, None);
    assert!(s2.pos.is_empty());
}

#[test]
fn lines_off_the_tree_are_listed_with_why_and_every_line_adds_up_to_the_total() {
    let d = pemda();
    let a = opd_a();
    let h = anggaran_pohon(&d, th(), &[&a]);
    let lepas: Vec<(&str, Option<AlasanTakTerhubung>)> = h
        .pos_tidak_terhubung()
        .map(|p| (p.pos.as_str(), p.alasan))
        .collect();
    assert_eq!(
        lepas,
        [
            ("L3", Some(AlasanTakTerhubung::SimpulTanpaSasaran)),
            ("L4", Some(AlasanTakTerhubung::TanpaSimpul)),
        ]
    );
    // Not connected: L3 30.000.000 + L4 200.000.000 = 230.000.000; realisasi 30.000.000 (L4
    // not reported: counted, not summed as 0); serapan 30 / 230 x 100 = 13,043... → 13,04 %.
    assert_eq!(h.tidak_terhubung.pagu, rp("230000000"));
    assert_eq!(h.tidak_terhubung.realisasi, Some(rp("30000000")));
    assert_eq!(h.tidak_terhubung.belum_dilaporkan, 1);
    assert_eq!(bulatkan(h.tidak_terhubung.persen.unwrap(), 2), dec!(13.04));
    // Total 150.000.000 + 230.000.000 = 380.000.000 = the sasaran's plus the rest; realisasi
    // 130.000.000 + 30.000.000 = 160.000.000; serapan 160 / 380 x 100 = 42,105... → 42,11 %.
    assert_eq!(h.total.pagu, rp("380000000"));
    assert_eq!(h.total.realisasi, Some(rp("160000000")));
    assert_eq!(bulatkan(h.total.persen.unwrap(), 2), dec!(42.11));
    let jumlah = h
        .sasaran
        .iter()
        .fold(h.tidak_terhubung.pagu, |j, s| j + s.serapan.pagu);
    assert_eq!(jumlah, h.total.pagu);
}

#[test]
fn without_a_tree_or_a_year_every_line_is_off_the_tree() {
    let mut d = pemda();
    d.pohon.clear();
    let a = opd_a();
    let h = anggaran_pohon(&d, th(), &[&a]);
    assert_eq!(h.pos_tidak_terhubung().count(), 4);
    assert!(h.sasaran.iter().all(|s| s.pos.is_empty()));
    // Another year: only that year's line.
    let h = anggaran_pohon(&pemda(), Tahun::new(2023).unwrap(), &[&a]);
    assert_eq!(h.pos.len(), 1);
    assert_eq!(h.total.pagu, rp("999000000"));
}

#[test]
fn a_node_cycle_ends_the_walk() {
    // A2 and A4 each other's parent: validation refuses it, the roll-up still ends.
    let mut d = pemda();
    for s in d.simpul.iter_mut() {
        match s.id.as_str() {
            "A2" => s.induk = Some(SimpulId::new("A4").unwrap()),
            "A4" => s.induk = Some(SimpulId::new("A2").unwrap()),
            _ => {}
        }
    }
    let a = opd_a();
    let h = anggaran_pohon(&d, th(), &[&a]);
    assert_eq!(
        pos(&h, "L1").alasan,
        Some(AlasanTakTerhubung::SimpulTanpaSasaran)
    );
}
