//! Every text field of the data has a length bound that fits its kind, enforced by validation
//! (every door passes it), with a message naming the field and the bound.

use kinerja_berkas::{baca, baca_sumber, ke_toml};
use kinerja_core::angka::format_angka;
use kinerja_core::validasi::{batas_medan, jenis_medan};
use rust_decimal::Decimal;
use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use toml::Value;

fn contoh() -> kinerja_core::model::DataInstansi {
    baca(&Path::new(env!("CARGO_MANIFEST_DIR")).join("../../contoh/mumbulsari")).unwrap()
}

/// Where a text is: the keys and positions from the root of the TOML document.
#[derive(Debug, Clone)]
enum Langkah {
    Kunci(String),
    Butir(usize),
}

/// Every string leaf of `v`, with its path.
fn daun(v: &Value, jalur: &mut Vec<Langkah>, keluar: &mut Vec<Vec<Langkah>>) {
    match v {
        Value::String(_) => keluar.push(jalur.clone()),
        Value::Array(a) => {
            for (i, x) in a.iter().enumerate() {
                jalur.push(Langkah::Butir(i));
                daun(x, jalur, keluar);
                jalur.pop();
            }
        }
        Value::Table(t) => {
            for (k, x) in t {
                jalur.push(Langkah::Kunci(k.clone()));
                daun(x, jalur, keluar);
                jalur.pop();
            }
        }
        _ => {}
    }
}

fn ganti(v: &mut Value, jalur: &[Langkah], teks: String) {
    let mut v = v;
    for l in jalur {
        v = match l {
            Langkah::Kunci(k) => v.get_mut(k.as_str()).unwrap(),
            Langkah::Butir(i) => v.get_mut(*i).unwrap(),
        };
    }
    *v = Value::String(teks);
}

/// The table, the record's field and the innermost field of a path.
fn medan(jalur: &[Langkah]) -> (String, String, String) {
    let kunci: Vec<&str> = jalur
        .iter()
        .filter_map(|l| match l {
            Langkah::Kunci(k) => Some(k.as_str()),
            Langkah::Butir(_) => None,
        })
        .collect();
    (
        kunci[0].to_string(),
        kunci.get(1).unwrap_or(&kunci[0]).to_string(),
        kunci.last().unwrap().to_string(),
    )
}

fn baca_teks(teks: String) -> Result<(), Vec<(Option<String>, String)>> {
    baca_sumber(vec![(PathBuf::from("data.toml"), teks)])
        .map(|_| ())
        .map_err(|e| {
            e.masalah()
                .iter()
                .map(|m| (m.lokasi.clone(), m.pesan.clone()))
                .collect()
        })
}

#[test]
fn every_text_field_of_the_example_is_bounded_and_named_when_too_long() {
    let data = contoh();
    let akar: Value = toml::from_str(&ke_toml(&data).unwrap()).unwrap();
    let mut semua = Vec::new();
    daun(&akar, &mut Vec::new(), &mut semua);
    // One case per field (table and path without positions): the first occurrence.
    let mut dilihat = BTreeSet::new();
    let mut teks_bebas = BTreeSet::new();
    let mut bertipe = BTreeSet::new();
    for jalur in semua {
        let kunci: Vec<String> = jalur
            .iter()
            .filter_map(|l| match l {
                Langkah::Kunci(k) => Some(k.clone()),
                Langkah::Butir(_) => None,
            })
            .collect();
        if !dilihat.insert(kunci.join(".")) {
            continue;
        }
        let (tabel, rekaman, dalam) = medan(&jalur);
        let batas = batas_medan(&tabel, &dalam);
        // At the bound: a free text is accepted. A typed field (an id, a number, a date, a
        // choice) refuses it at parsing, and the over-long value with it.
        let mut v = akar.clone();
        ganti(&mut v, &jalur, "é".repeat(batas));
        let di_batas = baca_teks(toml::to_string(&v).unwrap());
        let mut v = akar.clone();
        ganti(&mut v, &jalur, "é".repeat(batas + 1));
        let lewat = baca_teks(toml::to_string(&v).unwrap());
        let Err(masalah) = lewat else {
            panic!("{}: {} characters accepted", kunci.join("."), batas + 1);
        };
        if di_batas.is_err() {
            bertipe.insert(kunci.join("."));
            continue;
        }
        teks_bebas.insert(kunci.join("."));
        assert_eq!(masalah.len(), 1, "{}: {masalah:?}", kunci.join("."));
        let (lokasi, pesan) = &masalah[0];
        let lokasi = lokasi.as_deref().unwrap_or_default();
        assert!(
            lokasi.contains(&format!("[[{tabel}]]"))
                && lokasi.contains(&format!("medan `{rekaman}`")),
            "{}: {lokasi}",
            kunci.join(".")
        );
        let angka = |n: usize| format_angka(Decimal::from(n as u64), 0);
        assert!(
            pesan.contains(&dalam)
                && pesan.contains(&format!(
                    "{} karakter, paling banyak {} karakter",
                    angka(batas + 1),
                    angka(batas)
                )),
            "{}: {pesan}",
            kunci.join(".")
        );
    }
    // The example holds names, sentences and narratives in most tables: the walk reached them.
    for x in [
        "instansi.nama",
        "pejabat.jabatan",
        "tujuan.uraian",
        "renstra.misi",
        "indikator.satuan",
        "realisasi.catatan",
        "laporan.kata_pengantar",
        "laporan.bagian.teks",
        "laporan.ikhtisar.kendala",
        "iku.catatan",
        "tercatat.lokasi.dokumen",
    ] {
        assert!(teks_bebas.contains(x), "{x} not reached: {teks_bebas:?}");
    }
    assert!(teks_bebas.len() >= 40, "{teks_bebas:?}");
    assert!(bertipe.contains("indikator.id"), "{bertipe:?}");
}

/// Every text property of the published schema (every field of the model, also those the
/// example leaves empty), the variants holding text included.
fn medan_teks(skema: &serde_json::Value) -> BTreeSet<String> {
    let defs = &skema["$defs"];
    fn teks(v: &serde_json::Value, defs: &serde_json::Value) -> bool {
        if let Some(r) = v.get("$ref").and_then(|r| r.as_str()) {
            return teks(&defs[r.rsplit('/').next().unwrap()], defs);
        }
        let jenis = &v["type"];
        if jenis == "string"
            || jenis
                .as_array()
                .is_some_and(|a| a.iter().any(|x| x == "string"))
        {
            return true;
        }
        if v.get("enum").is_some() {
            return false;
        }
        for k in ["anyOf", "oneOf", "allOf"] {
            if let Some(a) = v[k].as_array()
                && a.iter().any(|x| teks(x, defs))
            {
                return true;
            }
        }
        v.get("items").is_some_and(|i| teks(i, defs))
    }
    fn jalan(v: &serde_json::Value, defs: &serde_json::Value, keluar: &mut BTreeSet<String>) {
        match v {
            serde_json::Value::Object(o) => {
                if let Some(p) = o.get("properties").and_then(|p| p.as_object()) {
                    for (k, x) in p {
                        if teks(x, defs) {
                            keluar.insert(k.clone());
                        }
                    }
                }
                for x in o.values() {
                    jalan(x, defs, keluar);
                }
            }
            serde_json::Value::Array(a) => {
                for x in a {
                    jalan(x, defs, keluar);
                }
            }
            _ => {}
        }
    }
    let mut keluar = BTreeSet::new();
    jalan(skema, defs, &mut keluar);
    keluar
}

#[test]
fn every_text_field_of_the_model_has_a_kind() {
    let skema: serde_json::Value = serde_json::from_str(&kinerja_berkas::skema_json()).unwrap();
    let medan = medan_teks(&skema);
    assert!(medan.len() >= 60, "{medan:?}");
    let tanpa: Vec<&String> = medan.iter().filter(|m| jenis_medan(m).is_none()).collect();
    assert!(
        tanpa.is_empty(),
        "text fields without a kind in kinerja_core::validasi::teks::jenis_medan: {tanpa:?}"
    );
}
