//! Splits, merges and renamings: the instansi they name are known, each has the shape its kind
//! says, an instansi ends at most once and begins at most once, years go forward along every
//! chain (an instansi ends after it began), and no chain comes back to where it started.

use super::{Pemeriksa, Rujukan};
use crate::id::InstansiId;
use crate::model::*;
use std::collections::HashMap;

pub(super) fn periksa(p: &mut Pemeriksa, data: &DataInstansi, r: &Rujukan) {
    p.unik("reorganisasi", &data.reorganisasi, |x| &x.id);
    // Where each instansi begins and ends: (record, year).
    let mut mulai: HashMap<&InstansiId, usize> = HashMap::new();
    let mut akhir: HashMap<&InstansiId, usize> = HashMap::new();
    for (i, x) in data.reorganisasi.iter().enumerate() {
        let mut b = p.di("reorganisasi", i, Some(&x.id));
        for (medan, daftar) in [("pendahulu", &x.pendahulu), ("penerus", &x.penerus)] {
            for (k, id) in daftar.iter().enumerate() {
                b.rujuk(medan, &r.instansi, id, "instansi");
                if daftar[..k].contains(id) {
                    b.lapor(medan, format!("instansi \"{id}\" disebut dua kali"));
                }
            }
        }
        if let Some(id) = x.pendahulu.iter().find(|i| x.penerus.contains(i)) {
            b.lapor(
                "penerus",
                format!(
                    "instansi \"{id}\" tidak dapat menjadi pendahulu dan penerus dirinya sendiri"
                ),
            );
        }
        let (n_dari, n_ke) = (x.pendahulu.len(), x.penerus.len());
        let bentuk = match x.jenis {
            JenisReorganisasi::Penggabungan => n_dari >= 2 && n_ke == 1,
            JenisReorganisasi::Pemekaran => n_dari == 1 && n_ke >= 2,
            JenisReorganisasi::GantiNama => n_dari == 1 && n_ke == 1,
        };
        if !bentuk {
            let harus = match x.jenis {
                JenisReorganisasi::Penggabungan => "dua pendahulu atau lebih dan satu penerus",
                JenisReorganisasi::Pemekaran => "satu pendahulu dan dua penerus atau lebih",
                JenisReorganisasi::GantiNama => "satu pendahulu dan satu penerus",
            };
            b.lapor(
                "jenis",
                format!(
                    "{} harus {harus}, bukan {n_dari} pendahulu dan {n_ke} penerus",
                    x.jenis.label()
                ),
            );
        }
        for id in &x.pendahulu {
            if let Some(j) = akhir.insert(id, i) {
                b.lapor(
                    "pendahulu",
                    format!(
                        "instansi \"{id}\" sudah berakhir oleh [[reorganisasi]] ke-{}",
                        j + 1
                    ),
                );
            }
        }
        for id in &x.penerus {
            if let Some(j) = mulai.insert(id, i) {
                b.lapor(
                    "penerus",
                    format!(
                        "instansi \"{id}\" sudah dibentuk oleh [[reorganisasi]] ke-{}",
                        j + 1
                    ),
                );
            }
        }
    }
    // Years forward: a predecessor that was itself formed by a reorganisation began before
    // this one ends it.
    for (i, x) in data.reorganisasi.iter().enumerate() {
        for id in &x.pendahulu {
            if let Some(&j) = mulai.get(id) {
                let awal = &data.reorganisasi[j];
                if awal.tahun >= x.tahun {
                    p.di("reorganisasi", i, Some(&x.id)).lapor(
                        "tahun",
                        format!(
                            "pendahulu \"{id}\" baru dibentuk tahun {} ([[reorganisasi]] \"{}\"), \
                             jadi tidak dapat berakhir sebelum tahun {}",
                            awal.tahun, awal.id, x.tahun
                        ),
                    );
                }
            }
        }
    }
    // No cycle: walk from each record to the records that end its successors.
    let n = data.reorganisasi.len();
    let lanjut: Vec<Vec<usize>> = data
        .reorganisasi
        .iter()
        .map(|x| {
            x.penerus
                .iter()
                .filter_map(|id| akhir.get(id).copied())
                .collect()
        })
        .collect();
    // 0 unvisited, 1 on the path, 2 done; iterative, so a long chain cannot overflow the stack.
    let mut warna = vec![0u8; n];
    for awal in 0..n {
        if warna[awal] != 0 {
            continue;
        }
        let mut tumpuk = vec![(awal, 0usize)];
        warna[awal] = 1;
        while let Some((i, k)) = tumpuk.pop() {
            if let Some(&j) = lanjut[i].get(k) {
                tumpuk.push((i, k + 1));
                match warna[j] {
                    0 => {
                        warna[j] = 1;
                        tumpuk.push((j, 0));
                    }
                    1 => {
                        let x = &data.reorganisasi[j];
                        p.di("reorganisasi", j, Some(&x.id)).lapor(
                            "penerus",
                            "reorganisasi ini kembali ke dirinya sendiri (siklus pendahulu-penerus)",
                        );
                    }
                    _ => {}
                }
            } else {
                warna[i] = 2;
            }
        }
    }
}
