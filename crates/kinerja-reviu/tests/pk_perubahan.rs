//! A PK perubahan replaces the year's PK: the reviu reads the version in force, so a replaced
//! version's figures (history, kept readable) raise no finding.

mod bersama;

use bersama::*;

/// The fixture's PK pledges P1's 100.000.000,00, the pagu of its kegiatan; the original version
/// pledged 120.000.000,00 and was replaced.
const PK_AWAL: &str = r#"
[[perjanjian_kinerja]]
id = "pk-2020-awal"
instansi = "kec"
tahun = 2020
pihak_pertama = "camat"
pihak_kedua = "bupati"
indikator = ["IK1"]
anggaran = [{ program = "P1", anggaran = "120.000.000,00" }]
ditandatangani = true
"#;

#[test]
fn a_replaced_pk_raises_no_finding_the_pk_in_force_does() {
    // Without the link, both PKs are in force: the 120 million one is refused.
    let t = temuan(&dengan(DASAR, PK_AWAL));
    assert_eq!(aturan(&t, "PK-ANGGARAN-PROGRAM").len(), 1, "{t:#?}");
    // The fixture's PK replaces it: only the version in force is read.
    let teks = ganti(
        "id = \"pk-2020\"\n",
        "id = \"pk-2020\"\nperubahan_dari = \"pk-2020-awal\"\n",
    );
    let t = temuan(&dengan(&teks, PK_AWAL));
    assert!(aturan(&t, "PK-ANGGARAN-PROGRAM").is_empty(), "{t:#?}");
    // The version in force is still checked: 100 million against a pagu of 100 million is
    // fine, 90 million is not (90.000.000,00 != 100.000.000,00).
    let teks = teks.replace(
        "anggaran = [{ program = \"P1\", anggaran = \"100.000.000,00\" }]",
        "anggaran = [{ program = \"P1\", anggaran = \"90.000.000,00\" }]",
    );
    let t = temuan(&dengan(&teks, PK_AWAL));
    let a = aturan(&t, "PK-ANGGARAN-PROGRAM");
    assert_eq!(a.len(), 1, "{t:#?}");
    assert!(a[0].kunci.starts_with("pk:pk-2020/"), "{:?}", a[0].kunci);
}
