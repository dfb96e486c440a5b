//! A data set as records: every row of every table of `DataInstansi`, with the table's name and
//! a stable key. This is the unit the store writes, diffs on import and records in the audit
//! trail; `rakit` turns records back into the domain aggregate through the same serde the data
//! file uses, so what the store holds cannot drift from what a file can say.

use kinerja_core::id::InstansiId;
use kinerja_core::model::DataInstansi;
use kinerja_core::waktu::Tahun;
use serde_json::{Map, Value};
use std::collections::HashMap;

#[derive(Debug, Clone, PartialEq)]
pub struct Rekaman {
    pub tabel: String,
    pub kunci: String,
    /// The record as the domain type serializes it.
    pub isi: Value,
}

/// Tables whose rows have no `id`: the fields that identify a row.
const KUNCI_KHUSUS: &[(&str, &[&str])] = &[
    ("target", &["indikator", "tahun", "dokumen"]),
    ("realisasi", &["indikator", "tahun", "periode"]),
    ("nilai_data", &["elemen", "instansi", "tahun", "periode"]),
    ("pembanding", &["indikator", "tahun", "lingkup"]),
    ("tercatat", &["lokasi", "subjek", "ukuran", "tahun"]),
    ("reviu", &["aturan", "kunci"]),
    ("jawaban_evaluasi", &["tahun", "kriteria"]),
    ("status_evaluasi", &["tahun"]),
];

pub const PENGATURAN: &str = "pengaturan";

/// The key of a record of `tabel`. Keys of stated figures (`tercatat`) can repeat in a file (the
/// same figure printed twice); `pecah` makes them unique by occurrence.
pub fn kunci(tabel: &str, isi: &Value) -> String {
    if tabel == PENGATURAN {
        return PENGATURAN.to_string();
    }
    let medan: &[&str] = KUNCI_KHUSUS
        .iter()
        .find(|(t, _)| *t == tabel)
        .map(|(_, m)| *m)
        .unwrap_or(&["id"]);
    medan
        .iter()
        .map(|m| match isi.get(m) {
            Some(Value::String(s)) => s.clone(),
            Some(Value::Null) | None => String::new(),
            Some(v) => v.to_string(),
        })
        .collect::<Vec<_>>()
        .join("|")
}

/// Splits a data set into records, in file order.
pub fn pecah(data: &DataInstansi) -> Vec<Rekaman> {
    let Value::Object(tabel) = serde_json::to_value(data).expect("the model serializes to JSON")
    else {
        unreachable!("DataInstansi is a struct")
    };
    let mut hasil = Vec::new();
    for (nama, isi) in tabel {
        match isi {
            Value::Array(baris) => {
                let mut terlihat: HashMap<String, usize> = HashMap::new();
                for b in baris {
                    let mut k = kunci(&nama, &b);
                    let n = terlihat.entry(k.clone()).or_default();
                    *n += 1;
                    if *n > 1 {
                        k = format!("{k}#{n}");
                    }
                    hasil.push(Rekaman {
                        tabel: nama.clone(),
                        kunci: k,
                        isi: b,
                    });
                }
            }
            isi => hasil.push(Rekaman {
                tabel: nama.clone(),
                kunci: PENGATURAN.to_string(),
                isi,
            }),
        }
    }
    hasil
}

/// Joins records (already in the wanted order) back into a data set.
pub fn rakit(
    rekaman: impl IntoIterator<Item = Rekaman>,
) -> Result<DataInstansi, serde_json::Error> {
    let mut obj = Map::new();
    for r in rekaman {
        if r.tabel == PENGATURAN {
            obj.insert(r.tabel, r.isi);
        } else {
            match obj
                .entry(r.tabel)
                .or_insert_with(|| Value::Array(Vec::new()))
            {
                Value::Array(a) => a.push(r.isi),
                _ => unreachable!("only pengaturan is a single record"),
            }
        }
    }
    serde_json::from_value(Value::Object(obj))
}

/// The instansi whose data set this is: the one named by its Renstra, RKT, PK, IKU, SKM and
/// report. Pejabat are not asked: a kecamatan's file names the bupati, who belongs to the
/// kabupaten. `None` when the documents name none or several (then the caller must say).
pub fn pelapor(data: &DataInstansi) -> Result<InstansiId, Vec<InstansiId>> {
    let mut semua: Vec<&InstansiId> = data
        .renstra
        .iter()
        .map(|x| &x.instansi)
        .chain(data.rkt.iter().map(|x| &x.instansi))
        .chain(data.perjanjian_kinerja.iter().map(|x| &x.instansi))
        .chain(data.iku.iter().map(|x| &x.instansi))
        .chain(data.skm.iter().map(|x| &x.instansi))
        .chain(data.laporan.iter().map(|x| &x.instansi))
        .chain(data.pohon.iter().map(|x| &x.instansi))
        .collect();
    semua.sort_by(|a, b| a.as_str().cmp(b.as_str()));
    semua.dedup();
    match semua.as_slice() {
        [satu] => Ok((*satu).clone()),
        banyak => Err(banyak.iter().map(|i| (*i).clone()).collect()),
    }
}

/// The data set as it stood for reporting year `tahun`: records of later years are left out
/// (targets of the Renstra stay, all of them: the report compares with the end-of-Renstra
/// target); records without a year (the plan, instansi, pejabat) stay, except the nodes and
/// crosscutting links of a later year's pohon kinerja, which go with their tree.
pub fn sampai_tahun(data: &DataInstansi, tahun: Tahun) -> DataInstansi {
    let batas = u64::from(tahun.get());
    let tetap = pecah(data).into_iter().filter(|r| {
        let th = r.isi.get("tahun").and_then(Value::as_u64);
        th.is_none_or(|t| t <= batas)
            || (r.tabel == "target"
                && r.isi.get("dokumen").and_then(Value::as_str) == Some("renstra"))
    });
    let mut d = rakit(tetap).expect("a subset of valid records deserializes");
    // A follow-up plan has no year of its own: it goes with its survey.
    let survei: Vec<_> = d.skm.iter().map(|s| s.id.clone()).collect();
    d.tindak_lanjut_skm.retain(|t| survei.contains(&t.survei));
    // A later tree's nodes and links have no year of their own: they go with their tree.
    let pohon: Vec<_> = d.pohon.iter().map(|p| p.id.clone()).collect();
    d.simpul.retain(|s| pohon.contains(&s.pohon));
    let simpul: Vec<_> = d.simpul.iter().map(|s| s.id.clone()).collect();
    d.crosscutting
        .retain(|c| simpul.contains(&c.dari) && simpul.contains(&c.ke));
    d
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::path::Path;

    fn contoh() -> DataInstansi {
        let p = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../contoh/mumbulsari");
        kinerja_berkas::baca(&p).unwrap()
    }

    #[test]
    fn records_round_trip_the_example() {
        let d = contoh();
        let r = pecah(&d);
        // 9 instansi + 47 targets + 19 realisasi + 11 budget lines are among them (counted in
        // contoh/mumbulsari by hand, see the first session's note).
        assert_eq!(r.iter().filter(|x| x.tabel == "instansi").count(), 9);
        assert_eq!(r.iter().filter(|x| x.tabel == "target").count(), 47);
        assert_eq!(r.iter().filter(|x| x.tabel == "realisasi").count(), 19);
        assert_eq!(r.iter().filter(|x| x.tabel == "anggaran").count(), 11);
        let mut keys: Vec<_> = r.iter().map(|x| (&x.tabel, &x.kunci)).collect();
        let n = keys.len();
        keys.sort();
        keys.dedup();
        assert_eq!(keys.len(), n, "keys are unique per table");
        assert_eq!(rakit(r).unwrap(), d);
    }

    #[test]
    fn keys_name_the_row() {
        let d = contoh();
        let r = pecah(&d);
        let t = r.iter().find(|x| x.tabel == "target").unwrap();
        assert_eq!(
            t.kunci,
            format!(
                "{}|{}|{}",
                t.isi["indikator"].as_str().unwrap(),
                t.isi["tahun"],
                t.isi["dokumen"].as_str().unwrap()
            )
        );
        assert!(r.iter().any(|x| x.tabel == "pengaturan"));
    }

    #[test]
    fn evaluation_answers_are_records_keyed_by_year_and_criterion() {
        // contoh/evaluasi/mumbulsari-2020.toml: 80 answers of 2020, one per criterion.
        let mut d = contoh();
        let p = Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../../contoh/evaluasi/mumbulsari-2020.toml");
        d.jawaban_evaluasi = kinerja_berkas::baca(&p).unwrap().jawaban_evaluasi;
        assert!(kinerja_core::validasi::periksa(&d).is_empty());
        let r = pecah(&d);
        let j: Vec<_> = r.iter().filter(|x| x.tabel == "jawaban_evaluasi").collect();
        assert_eq!(j.len(), 80);
        assert_eq!(j[0].kunci, "2020|1.a.1");
        assert!(j.iter().all(|x| !x.kunci.contains('#')));
        assert_eq!(rakit(r).unwrap(), d);
    }

    #[test]
    fn a_year_keeps_the_plan_and_earlier_years() {
        let d = contoh();
        // The example has RKT 2020 and 2021 (rkt-2020.toml, rkt-2021.toml) and Renstra targets
        // up to 2021; up to 2020 the RKT 2021 and the RKT 2021 targets go, the Renstra 2021
        // targets stay.
        let s = sampai_tahun(&d, Tahun::new(2020).unwrap());
        assert_eq!(s.rkt.len(), 1);
        assert!(
            s.target.iter().all(|t| t.tahun.get() <= 2020
                || t.dokumen == kinerja_core::model::DokumenTarget::Renstra)
        );
        assert!(s.target.iter().any(|t| t.tahun.get() == 2021));
        assert_eq!(s.renstra, d.renstra);
        assert_eq!(s.realisasi, d.realisasi);
        assert!(kinerja_core::validasi::periksa(&s).is_empty());
        assert_eq!(sampai_tahun(&d, Tahun::new(2021).unwrap()), d);
    }

    fn pemda() -> DataInstansi {
        let p = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../contoh/pemda-jember/kabupaten");
        kinerja_berkas::baca(&p).unwrap()
    }

    #[test]
    fn the_pemdas_tree_round_trips_and_a_later_years_tree_goes_whole() {
        let d = pemda();
        let r = pecah(&d);
        // contoh/pemda-jember/kabupaten/pohon-2020.toml: 1 tree, 17 nodes (two of them SKP), 3 crosscutting.
        let n = |t: &str| r.iter().filter(|x| x.tabel == t).count();
        assert_eq!((n("pohon"), n("simpul"), n("crosscutting")), (1, 17, 3));
        assert!(r.iter().any(|x| x.tabel == "simpul" && x.kunci == "DKS-1"));
        assert_eq!(rakit(r).unwrap(), d);
        assert_eq!(pelapor(&d).unwrap().as_str(), "jember");
        // With the 2020 tree copied to 2021, the data as of 2020 holds the 2020 tree only, and
        // is valid.
        let mut dua = d.clone();
        let baru = kinerja_core::pohon::salin(
            &d,
            &kinerja_core::id::PohonId::new("pohon-2020").unwrap(),
            Tahun::new(2021).unwrap(),
        )
        .unwrap();
        kinerja_core::pohon::tambahkan(&mut dua, baru);
        let s = sampai_tahun(&dua, Tahun::new(2020).unwrap());
        assert_eq!(
            (s.pohon, s.simpul, s.crosscutting),
            (d.pohon, d.simpul, d.crosscutting)
        );
        assert!(
            kinerja_core::validasi::periksa(&sampai_tahun(&dua, Tahun::new(2020).unwrap()))
                .is_empty()
        );
    }

    #[test]
    fn the_example_reports_for_mumbulsari() {
        assert_eq!(pelapor(&contoh()).unwrap().as_str(), "mumbulsari");
        assert_eq!(pelapor(&DataInstansi::default()), Err(vec![]));
    }
}
