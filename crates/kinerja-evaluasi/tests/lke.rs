//! The worksheet file: the bundled 88/2021 worksheet, and every refusal naming its place.

use kinerja_evaluasi::{Cek, JenisSub, baca, bawaan};
use rust_decimal_macros::dec;

#[test]
fn the_bundled_worksheet_is_the_regulation_s_shape() {
    let l = bawaan();
    // PermenPANRB 88/2021: 30 + 30 + 15 + 25 = 100.
    let bobot: Vec<_> = l.komponen.iter().map(|k| k.bobot).collect();
    assert_eq!(bobot, [dec!(30), dec!(30), dec!(15), dec!(25)]);
    // Each component split 20/30/50 %: 30 gives 6, 9, 15; 15 gives 3, 4,5, 7,5; 25 gives 5,
    // 7,5, 12,5.
    let sub: Vec<_> = l
        .komponen
        .iter()
        .flat_map(|k| k.sub.iter().map(|s| s.bobot))
        .collect();
    assert_eq!(
        sub,
        [
            dec!(6),
            dec!(9),
            dec!(15),
            dec!(6),
            dec!(9),
            dec!(15),
            dec!(3),
            dec!(4.5),
            dec!(7.5),
            dec!(5),
            dec!(7.5),
            dec!(12.5)
        ]
    );
    let jenis: Vec<_> = l.komponen[0].sub.iter().map(|s| s.jenis).collect();
    assert_eq!(
        jenis,
        [
            JenisSub::Keberadaan,
            JenisSub::Kualitas,
            JenisSub::Pemanfaatan
        ]
    );
    // 6 + 11 + 8 + 3 + 7 + 10 + 6 + 9 + 7 + 3 + 5 + 5 criteria.
    assert_eq!(l.semua_kriteria().count(), 80);
    let (_, _, c) = l.kriteria("1.a.3").unwrap();
    assert_eq!(
        c.uraian,
        "Terdapat dokumen perencanaan kinerja jangka menengah."
    );
    assert_eq!(c.usulan, Some(Cek::RenstraDisetujui));
    assert_eq!(l.skala_kriteria(c).id, "aa-e");
    // The 88/2021 values: AA 100, A 90, BB 80, B 70, CC 60, C 50, D 30, E 0.
    let nilai: Vec<_> = l
        .skala_kriteria(c)
        .pilihan
        .iter()
        .map(|p| p.nilai)
        .collect();
    assert_eq!(
        nilai,
        [
            dec!(100),
            dec!(90),
            dec!(80),
            dec!(70),
            dec!(60),
            dec!(50),
            dec!(30),
            dec!(0)
        ]
    );
    let lama = l.skala.iter().find(|s| s.id == "a-e").unwrap();
    let nilai: Vec<_> = lama.pilihan.iter().map(|p| p.nilai).collect();
    assert_eq!(nilai, [dec!(1), dec!(0.75), dec!(0.5), dec!(0.25), dec!(0)]);
    // Every check is used by some criterion of the default.
    for (cek, _) in Cek::SEMUA {
        assert!(
            l.semua_kriteria().any(|(_, _, c)| c.usulan == Some(cek)),
            "{cek:?}"
        );
    }
}

const SKALA: &str = r#"
nama = "uji"
[[skala]]
id = "y-t"
nama = "Ya/Tidak"
pilihan = [{ kode = "Y", nilai = 1 }, { kode = "T", nilai = 0 }]
"#;

fn galat(teks: &str) -> Vec<String> {
    match baca(teks) {
        Ok(_) => panic!("accepted:\n{teks}"),
        Err(g) => g.iter().map(|g| g.to_string()).collect(),
    }
}

fn ada(g: &[String], bagian: &[&str]) {
    assert!(
        g.iter().any(|x| bagian.iter().all(|b| x.contains(b))),
        "no error containing {bagian:?} in {g:#?}"
    );
}

#[test]
fn weights_that_do_not_add_up_are_refused_with_their_place() {
    let g = galat(&format!(
        r#"{SKALA}
[[komponen]]
id = "1"
nama = "Perencanaan"
bobot = 95
[[komponen.sub]]
id = "1.a"
nama = "Ada"
jenis = "keberadaan"
porsi = 20
skala = "y-t"
[[komponen.sub.kriteria]]
id = "1.a.1"
uraian = "Satu"
bobot = 50
[[komponen.sub.kriteria]]
id = "1.a.2"
uraian = "Dua"
bobot = "30,5"
[[komponen.sub]]
id = "1.b"
nama = "Mutu"
jenis = "kualitas"
porsi = 70
skala = "y-t"
[[komponen.sub.kriteria]]
id = "1.b.1"
uraian = "Satu"
bobot = 50
[[komponen.sub.kriteria]]
id = "1.b.2"
uraian = "Dua"
"#
    ));
    ada(
        &g,
        &["lke, medan `komponen.bobot`", "berjumlah 95, harus 100"],
    );
    ada(
        &g,
        &["[[komponen]] ke-1 (\"1\")", "`sub.porsi`", "berjumlah 90 %"],
    );
    ada(
        &g,
        &[
            "(\"1.a\")",
            "`kriteria.bobot`",
            "berjumlah 80,5 %, harus 100 %",
        ],
    );
    ada(&g, &["(\"1.b\")", "1 dari 2 kriteria berbobot"]);
}

#[test]
fn unknown_references_and_bad_values_are_named() {
    let g = galat(&format!(
        r#"{SKALA}
[[skala]]
id = "rusak"
nama = "Rusak"
pilihan = [{{ kode = "X", nilai = 1, usulan_bila = "sebagian" }}, {{ kode = "X", nilai = -1 }}]
[[komponen]]
id = "1"
nama = "Satu"
bobot = 100
[[komponen.sub]]
id = "1.a"
nama = "Ada"
jenis = "keadaan"
porsi = 100
skala = "tidak-ada"
[[komponen.sub.kriteria]]
id = "1.a.1"
uraian = "Satu"
skala = "a-z"
usulan = "renstra_dibaca"
prasyarat = ["9.z"]
[[komponen.sub.kriteria]]
id = "1.a.1"
uraian = ""
"#
    ));
    ada(
        &g,
        &["(\"rusak\"), pilihan ke-1", "`usulan_bila`", "\"sebagian\""],
    );
    ada(&g, &["(\"rusak\"), pilihan ke-2", "`kode`", "ganda"]);
    ada(&g, &["pilihan ke-2", "`nilai`", "negatif"]);
    ada(&g, &["(\"1.a\"), medan `jenis`", "\"keadaan\""]);
    ada(
        &g,
        &["(\"1.a\"), medan `skala`", "skala \"tidak-ada\" tidak ada"],
    );
    ada(&g, &["(\"1.a.1\"), medan `skala`", "\"a-z\""]);
    ada(
        &g,
        &[
            "(\"1.a.1\"), medan `usulan`",
            "\"renstra_dibaca\" tidak dikenal",
            "renstra_disetujui",
        ],
    );
    ada(
        &g,
        &["(\"1.a.1\"), medan `prasyarat`", "\"9.z\" bukan kriteria"],
    );
    ada(&g, &["ke-2 (\"1.a.1\"), medan `id`", "id ganda"]);
    ada(&g, &["ke-2 (\"1.a.1\"), medan `uraian`", "kosong"]);
}

#[test]
fn a_float_a_syntax_error_and_a_cycle_are_refused() {
    let g = galat(&format!(
        r#"{SKALA}
[[komponen]]
id = "1"
nama = "Satu"
bobot = 100.0
"#
    ));
    ada(&g, &["baris", "tanpa tanda kutip", "\"100\""]);
    let g = galat("nama = \"x\"\n[[komponen]\n");
    ada(&g, &["baris 2"]);
    let g = galat(&format!(
        r#"{SKALA}
[[komponen]]
id = "1"
nama = "Satu"
bobot = 100
[[komponen.sub]]
id = "1.a"
nama = "Ada"
jenis = "keberadaan"
porsi = 100
skala = "y-t"
[[komponen.sub.kriteria]]
id = "1.a.1"
uraian = "Satu"
prasyarat = ["1.a.2"]
[[komponen.sub.kriteria]]
id = "1.a.2"
uraian = "Dua"
prasyarat = ["1.a"]
"#
    ));
    ada(
        &g,
        &[
            "kriteria \"1.a.1\", medan `prasyarat`",
            "kembali ke kriteria ini",
        ],
    );
    ada(
        &g,
        &[
            "kriteria \"1.a.2\", medan `prasyarat`",
            "kembali ke kriteria ini",
        ],
    );
}
