//! The reviu's rule expressions (`kinerja_reviu::ekspresi`): parsing, the same text as a rules
//! file (`aturan::baca`), and evaluation over every item of every scope of the bundled example
//! with both missing-value strategies, then the rounding and printing a finding does.
#![no_main]

use kinerja_core::angka::{bulatkan, format_angka};
use kinerja_core::waktu::Tahun;
use kinerja_reviu::aturan::{self, GalatAturan};
use kinerja_reviu::ekspresi::Ekspresi;
use libfuzzer_sys::fuzz_target;
use rust_decimal::Decimal;
use std::collections::BTreeMap;
use std::sync::OnceLock;

/// The data elements of each scope, as the rules document them (`aturan.rs`).
const LINGKUP: [(&str, &[&str]); 5] = [
    (
        "instansi",
        &[
            "pagu",
            "realisasi_anggaran",
            "serapan",
            "pagu_program",
            "realisasi_program",
            "jumlah_sasaran",
            "jumlah_indikator",
        ],
    ),
    (
        "program",
        &[
            "pagu",
            "realisasi_anggaran",
            "serapan",
            "tercatat_pagu",
            "tercatat_realisasi_anggaran",
            "tercatat_serapan",
        ],
    ),
    (
        "kegiatan",
        &[
            "pagu",
            "realisasi_anggaran",
            "serapan",
            "tercatat_pagu",
            "tercatat_realisasi_anggaran",
            "tercatat_serapan",
        ],
    ),
    ("pos_anggaran", &["pagu", "realisasi_anggaran"]),
    (
        "indikator",
        &[
            "target",
            "realisasi",
            "capaian",
            "realisasi_lalu",
            "tercatat_capaian",
        ],
    ),
];

/// One item of a scope in the example: its data elements that have a value.
type Butir = BTreeMap<String, Decimal>;

/// Every item of every scope of the example in 2020, with the values the reviu itself computes:
/// read out through the public rules API, with one rule `#{n} != #{n}` per element (it fails
/// exactly where the element has a value, and the finding carries that value).
fn butir_contoh() -> &'static Vec<Butir> {
    static BUTIR: OnceLock<Vec<Butir>> = OnceLock::new();
    BUTIR.get_or_init(|| {
        let mut teks = String::new();
        for (lingkup, nama) in LINGKUP {
            for n in nama {
                teks.push_str(&format!(
                    "[[aturan]]\nid = \"fuzz|{lingkup}|{n}\"\nlingkup = \"{lingkup}\"\n\
                     kiri = \"#{{{n}}}\"\noperator = \"!=\"\nkanan = \"#{{{n}}}\"\n\
                     tingkat = \"info\"\npesan = \"nilai\"\n"
                ));
            }
        }
        let aturan = aturan::baca(&teks).unwrap_or_else(|e| panic!("probe rules: {e}"));
        let tahun = Tahun::new(2020).expect("2020 is a year");
        let mut per_butir: BTreeMap<(String, String), Butir> = BTreeMap::new();
        for t in kinerja_reviu::periksa(kinerja_fuzz::contoh(), tahun, &aturan) {
            let mut bagian = t.aturan.split('|');
            let (Some("fuzz"), Some(lingkup), Some(nama)) =
                (bagian.next(), bagian.next(), bagian.next())
            else {
                continue;
            };
            let nilai = t.dihitung.expect("a rule finding carries its left value");
            per_butir
                .entry((lingkup.to_string(), t.kunci.clone()))
                .or_default()
                .insert(nama.to_string(), nilai);
        }
        assert!(per_butir.len() > 10, "the example should have many items");
        per_butir.into_values().collect()
    })
}

fuzz_target!(|data: &[u8]| {
    let Ok(teks) = std::str::from_utf8(data) else {
        return;
    };
    let butir = butir_contoh();
    let dibaca = Ekspresi::parse(teks);
    if let Err(e) = &dibaca {
        assert!(e.posisi >= 1 && e.posisi <= teks.len() + 1, "{e}");
        let _ = e.to_string();
    }
    sebagai_aturan(teks, dibaca.is_ok());
    let Ok(e) = dibaca else {
        return;
    };
    let rujukan = e.rujukan();
    for b in butir {
        let data = |n: &str| b.get(n).copied();
        for kosong_nol in [false, true] {
            let Some(kiri) = e.nilai(&data, kosong_nol) else {
                continue;
            };
            if rujukan.iter().all(|n| b.contains_key(*n)) {
                assert_eq!(e.nilai(&data, !kosong_nol), Some(kiri), "{teks:?}");
            }
            // What a finding does with the two sides (`aturan::jalankan`).
            for dp in [2, 40] {
                let _ = bulatkan(kiri, dp);
                let _ = format_angka(
                    kiri,
                    kiri.scale()
                        .min(dp)
                        .max(if kiri.fract().is_zero() { 0 } else { dp }),
                );
            }
        }
    }
});

/// The expression as both sides of a rule in a rules file: refused as an expression exactly
/// when `Ekspresi::parse` refuses it. (One scope: the TOML parse costs more than the rest.)
fn sebagai_aturan(teks: &str, sah: bool) {
    let kutip = toml::Value::String(teks.to_string()).to_string();
    let berkas = format!(
        "[[aturan]]\nid = \"f\"\nlingkup = \"indikator\"\nkiri = {kutip}\noperator = \"<=\"\n\
         kanan = {kutip}\nkosong = \"tidak_pernah_lewati\"\nbulatkan = 2\n\
         tingkat = \"galat\"\npesan = \"p\"\n"
    );
    match aturan::baca(&berkas) {
        Ok(_) => assert!(sah, "rules file accepted what parse refused: {teks:?}"),
        Err(GalatAturan::Ekspresi { .. }) => {
            assert!(!sah, "rules file refused what parse accepted: {teks:?}")
        }
        Err(GalatAturan::Data { .. }) => assert!(sah),
        Err(e) => panic!("the rules file itself must be valid: {e}\n{berkas}"),
    }
}
