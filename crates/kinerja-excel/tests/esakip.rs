//! Workbooks in the e-SAKIP portals' layouts: names matched to ids for confirmation, then
//! written; a name that matches nothing is shown unmatched and refuses the write.

mod bersama;

use bersama::*;
use kinerja_core::model::*;
use kinerja_core::waktu::Bulan;
use kinerja_excel::{baca_esakip, petakan, terapkan_esakip};
use rust_xlsxwriter::Workbook;

fn buku(kepala: &[&str], baris: &[Vec<Isi>]) -> Vec<u8> {
    let mut wb = Workbook::new();
    let ws = wb.add_worksheet();
    for (c, k) in kepala.iter().enumerate() {
        ws.write_string(0, c as u16, *k).unwrap();
    }
    for (r, b) in baris.iter().enumerate() {
        for (c, v) in b.iter().enumerate() {
            let (r, c) = (r as u32 + 1, c as u16);
            match v {
                Isi::Angka(f) => ws.write_number(r, c, *f).map(|_| ()),
                Isi::Teks(t) => ws.write_string(r, c, t).map(|_| ()),
                _ => Ok(()),
            }
            .unwrap();
        }
    }
    wb.save_to_buffer().unwrap()
}

fn t(s: &str) -> Isi {
    Isi::Teks(s.into())
}

#[test]
fn a_pk_table_is_matched_by_names_and_written_as_pk_targets() {
    let d = contoh();
    let s1 = d.sasaran.iter().find(|s| s.id.as_str() == "S-1").unwrap();
    let i = d
        .indikator
        .iter()
        .find(|i| i.id.as_str() == "I-S1-1")
        .unwrap();
    // The portal's spelling: other case, spacing and punctuation.
    let sasaran = format!("  {}. ", s1.uraian.to_uppercase());
    let indikator = i.uraian.replace(' ', "  ");
    let isi = buku(
        &[
            "Tahun",
            "Tipe",
            "OPD",
            "Sasaran",
            "Indikator",
            "Target",
            "Satuan",
        ],
        &[
            vec![
                Isi::Angka(2021.0),
                t("PK"),
                t("Kecamatan Mumbulsari"),
                t(&sasaran),
                t(&indikator),
                Isi::Angka(82.0),
                t("%"),
            ],
            vec![
                Isi::Angka(2021.0),
                t("PK"),
                t("Kecamatan Tidak Ada"),
                t("x"),
                t("y"),
                Isi::Angka(1.0),
                t("%"),
            ],
        ],
    );
    let e = baca_esakip(&isi).unwrap();
    assert_eq!(e.pk.len(), 2);
    let peta = petakan(&e, &[(mumbulsari(), &d)]);
    assert_eq!(peta[0].opd.id, Some(mumbulsari()));
    assert_eq!(peta[0].sasaran.as_ref().unwrap().id, Some(s1.id.clone()));
    assert_eq!(peta[0].indikator.as_ref().unwrap().id, Some(i.id.clone()));
    assert!(peta[0].lengkap());
    assert_eq!(peta[0].sel, "Sheet1!A2");
    assert!(!peta[1].lengkap());
    assert_eq!(peta[1].opd.id, None);

    let baru = terapkan_esakip(&d, &mumbulsari(), &e, &peta).unwrap();
    let tg = baru
        .target
        .iter()
        .find(|x| {
            x.indikator == i.id
                && x.tahun == tahun(2021)
                && x.dokumen == DokumenTarget::PerjanjianKinerja
        })
        .unwrap();
    assert_eq!(tg.nilai.teks(), "82");
    assert_eq!(baru.target.len(), d.target.len() + 1);
}

#[test]
fn a_budget_realisation_becomes_the_year_s_line_and_its_total_is_checked() {
    let d = contoh();
    let mut kepala = vec!["OPD", "Tahun", "Anggaran", "Anggaran Perubahan"];
    kepala.extend(Bulan::SEMUA.iter().map(|b| b.label()));
    kepala.push("Jumlah Realisasi");
    let mut baris = vec![
        t("mumbulsari"),
        Isi::Angka(2022.0),
        t("Rp 500.000.000"),
        t(""),
    ];
    baris.extend((1..=12).map(|b| Isi::Angka(if b <= 3 { 10_000_000.5 } else { 0.0 })));
    // 3 x 10.000.000,50 = 30.000.001,50.
    baris.push(Isi::Angka(30_000_001.5));
    let e = baca_esakip(&buku(&kepala, &[baris.clone()])).unwrap();
    let peta = petakan(&e, &[(mumbulsari(), &d)]);
    assert!(peta[0].lengkap());
    let baru = terapkan_esakip(&d, &mumbulsari(), &e, &peta).unwrap();
    let pos = baru
        .anggaran
        .iter()
        .find(|p| p.id.as_str() == "esakip-2022")
        .unwrap();
    assert_eq!(pos.pagu, rp("500000000"));
    assert_eq!(pos.realisasi_tahun(), Some(rp("30000001.50")));
    assert_eq!(pos.jenis, JenisBelanja::Operasi);

    // A stated total that is not the sum of the months is named at its cell (column Q).
    *baris.last_mut().unwrap() = Isi::Angka(30_000_000.0);
    let m = baca_esakip(&buku(&kepala, &[baris])).unwrap_err();
    assert_eq!(m.len(), 1, "{m:?}");
    assert!(
        m[0].to_string()
            .starts_with("Sheet1!Q2 (kolom \"Jumlah Realisasi\")"),
        "{}",
        m[0]
    );

    // 2020 already has budget lines: a total beside them would be counted twice.
    let mut b2020 = vec![t("mumbulsari"), Isi::Angka(2020.0), Isi::Angka(1.0), t("")];
    b2020.extend((1..=12).map(|_| t("")));
    b2020.push(t(""));
    let e = baca_esakip(&buku(&kepala, &[b2020])).unwrap();
    let peta = petakan(&e, &[(mumbulsari(), &d)]);
    let m = terapkan_esakip(&d, &mumbulsari(), &e, &peta).unwrap_err();
    assert!(m[0].pesan.contains("terhitung dua kali"), "{m:?}");
}
