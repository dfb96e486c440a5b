//! The `Responden SKM` sheet: empty it changes nothing; filled, its respondents' answers are
//! counted per unsur into the survey it names (a new one, or the stored 2017 survey whose counts
//! it replaces); a bad answer is named by its cell and nothing changes.

mod bersama;

use bersama::*;
use kinerja_core::id::*;
use kinerja_core::model::*;
use kinerja_excel::{templat, ubah};

const LEMBAR: &str = "Responden SKM";

/// Ten respondents' answers to U1..U9 (rows of the sheet). Counts per unsur by hand, answers
/// 1/2/3/4:
/// - U1: 3,3,4,4,3,2,3,4,3,"Sesuai" (the annex's label for 3) → 0/1/6/3
/// - U2..U8: every respondent answers 3 → 0/0/10/0
/// - U9: 4,4,4,4,4,1,1,2,3,3 → 2/1/2/5
fn responden() -> Vec<[Isi; 9]> {
    let u1: [Isi; 10] = [3.0, 3.0, 4.0, 4.0, 3.0, 2.0, 3.0, 4.0, 3.0, 0.0].map(Isi::Angka);
    let mut u1 = u1.to_vec();
    u1[9] = Isi::Teks("Sesuai".into());
    let u9 = [4.0, 4.0, 4.0, 4.0, 4.0, 1.0, 1.0, 2.0, 3.0, 3.0];
    (0..10)
        .map(|i| {
            std::array::from_fn(|u| match u {
                0 => u1[i].clone(),
                8 => Isi::Angka(u9[i]),
                _ => Isi::Angka(3.0),
            })
        })
        .collect()
}

fn isi(g: &mut [Lembar], baris: &[[Isi; 9]]) {
    let l = lembar(g, LEMBAR);
    for (i, b) in baris.iter().enumerate() {
        for (u, x) in b.iter().enumerate() {
            l.atur(4 + i as u32, u as u16, x.clone());
        }
    }
}

fn teks_sel(l: &Lembar, r: u32, c: u16) -> Option<&Isi> {
    l.sel.get(&(r, c))
}

#[test]
fn an_empty_sheet_is_no_change_and_names_a_new_survey_beside_a_2004_one() {
    let d = contoh();
    let b = templat(&d, &mumbulsari(), tahun(2020)).unwrap();
    let mut g = grid(&b);
    let l = lembar(&mut g, LEMBAR);
    // The example's 2020 survey is of the 2004 regime (14 unsur): the sheet (9 unsur of
    // 2017) names a new survey and no indicator.
    assert_eq!(teks_sel(l, 1, 1), Some(&Isi::Teks("skm-2020-1".into())));
    assert_eq!(teks_sel(l, 2, 1), None);
    assert_eq!(
        teks_sel(l, 3, 0),
        Some(&Isi::Teks("U1. Persyaratan".into()))
    );
    assert_eq!(ubah(&b, &d).unwrap().data, d);
}

#[test]
fn filled_respondents_become_the_counts_of_a_new_survey_and_twice_is_once() {
    let d = contoh();
    let mut g = grid(&templat(&d, &mumbulsari(), tahun(2020)).unwrap());
    isi(&mut g, &responden());
    let b = tulis(&g);
    let h = ubah(&b, &d).unwrap();
    let baru = h.data;
    assert_eq!(baru.skm.len(), d.skm.len() + 1);
    let s = baru.skm.last().unwrap();
    assert_eq!(s.id.as_str(), "skm-2020-1");
    assert_eq!(s.tahun.get(), 2020);
    assert_eq!(s.regime, "permenpanrb-14-2017");
    assert_eq!(s.responden, Some(10));
    assert_eq!(s.indikator, None);
    let jumlah: Vec<[u64; 4]> = s.unsur.iter().map(|u| u.jumlah.unwrap()).collect();
    let mut harap = vec![[0, 0, 10, 0]; 9];
    harap[0] = [0, 1, 6, 3];
    harap[8] = [2, 1, 2, 5];
    assert_eq!(jumlah, harap);
    assert!(s.unsur.iter().all(|u| u.distribusi.is_none()));
    let mut tanpa = baru.clone();
    tanpa.skm.pop();
    assert_eq!(tanpa, d);
    // The same workbook again: the survey holds these counts already.
    assert_eq!(ubah(&b, &baru).unwrap().data, baru);
}

#[test]
fn a_stored_2017_survey_gets_its_counts_replaced_and_keeps_its_names() {
    let mut d = contoh();
    // A 2017 survey of 2020 serving I-S2-1, with the office's own unsur names and 4
    // respondents who answered 4 everywhere.
    d.skm.push(SurveiSkm {
        id: SurveiId::new("skm-loket-2020").unwrap(),
        instansi: mumbulsari(),
        tahun: tahun(2020),
        regime: "permenpanrb-14-2017".into(),
        indikator: Some(IndikatorId::new("I-S2-1").unwrap()),
        responden: Some(4),
        populasi: Some(1250),
        unsur: (1..=9)
            .map(|n| UnsurSkm {
                nomor: n,
                nama: format!("Unsur loket {n}"),
                jumlah: Some([0, 0, 0, 4]),
                distribusi: None,
            })
            .collect(),
        catatan: None,
    });
    let mut g = grid(&templat(&d, &mumbulsari(), tahun(2020)).unwrap());
    let l = lembar(&mut g, LEMBAR);
    assert_eq!(teks_sel(l, 1, 1), Some(&Isi::Teks("skm-loket-2020".into())));
    assert_eq!(teks_sel(l, 2, 1), Some(&Isi::Teks("I-S2-1".into())));
    isi(&mut g, &responden());
    let baru = ubah(&tulis(&g), &d).unwrap().data;
    let s = baru.skm.last().unwrap();
    assert_eq!(s.id.as_str(), "skm-loket-2020");
    assert_eq!(s.responden, Some(10));
    assert_eq!(s.unsur[0].jumlah, Some([0, 1, 6, 3]));
    assert_eq!(s.unsur[8].jumlah, Some([2, 1, 2, 5]));
    assert_eq!(s.unsur[0].nama, "Unsur loket 1");
    assert_eq!(s.populasi, Some(1250));
    assert_eq!(baru.skm.len(), d.skm.len());
}

fn masalah(g: &[Lembar], d: &DataInstansi) -> Vec<String> {
    match ubah(&tulis(g), d) {
        Ok(_) => panic!("accepted"),
        Err(m) => m
            .iter()
            .map(|m| {
                format!(
                    "{}!{}: {}",
                    m.lembar,
                    m.sel.clone().unwrap_or_default(),
                    m.pesan
                )
            })
            .collect(),
    }
}

#[test]
fn a_bad_answer_or_a_taken_indicator_is_named_by_its_cell() {
    let d = contoh();
    let g0 = grid(&templat(&d, &mumbulsari(), tahun(2020)).unwrap());

    // U3 of the third respondent (row 7, column C) is 5; U5 of the first (E5) is empty.
    let mut baris = responden();
    baris[2][2] = Isi::Angka(5.0);
    let mut g = g0.clone();
    isi(&mut g, &baris);
    lembar(&mut g, LEMBAR).sel.remove(&(4, 4));
    let m = masalah(&g, &d);
    assert_eq!(m.len(), 2, "{m:?}");
    assert!(
        m.iter().any(|x| x.starts_with("Responden SKM!C7: ")),
        "{m:?}"
    );
    assert!(
        m.iter().any(|x| x.starts_with("Responden SKM!E5: ")),
        "{m:?}"
    );

    // I-S1-1 is already the realisasi of the 2004 survey skm-2020: not taken over in silence.
    let mut g = g0.clone();
    isi(&mut g, &responden());
    lembar(&mut g, LEMBAR).atur(2, 1, Isi::Teks("I-S1-1".into()));
    let m = masalah(&g, &d);
    assert_eq!(m.len(), 1, "{m:?}");
    assert!(
        m[0].starts_with("Responden SKM!B3: ") && m[0].contains("\"skm-2020\""),
        "{m:?}"
    );
}
