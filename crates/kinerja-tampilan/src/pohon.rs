//! The pemda's pohon kinerja of a year, read-only: each node indented under its parent with its
//! level, owner, indicators and targets as written, and links; then the crosscutting links with
//! their state (a refusal with its reason).

use crate::Konteks;
use crate::bantu::render;
use crate::tata::{Bagian, Tata};
use askama::Template;
use kinerja_core::id::InstansiId;
use kinerja_core::model::*;
use kinerja_core::pohon::{Cabang, susun};

struct BarisSimpul {
    id: String,
    /// Indentation: one step per level of depth below the root.
    jarak: String,
    tingkat: &'static str,
    uraian: String,
    pemilik: Option<String>,
    indikator: Vec<String>,
    tautan: Vec<String>,
    asal: Option<String>,
}

struct BarisCrosscutting {
    dari: String,
    ke: String,
    status: &'static str,
    alasan: Option<String>,
}

#[derive(Template)]
#[template(path = "pohon.html")]
struct HalamanPohon {
    l: Tata,
    pemda: String,
    tahun: u16,
    asal: Option<String>,
    jumlah: Vec<(&'static str, usize)>,
    simpul: Vec<BarisSimpul>,
    crosscutting: Vec<BarisCrosscutting>,
}

fn nama(data: &DataInstansi, id: &InstansiId) -> String {
    data.instansi
        .iter()
        .find(|i| &i.id == id)
        .map(|i| i.nama.clone())
        .unwrap_or_else(|| id.to_string())
}

fn ratakan(data: &DataInstansi, c: &Cabang, kedalaman: usize, out: &mut Vec<BarisSimpul>) {
    let s = c.simpul;
    let pemilik = s.pemilik.as_ref().map(|m| {
        let mut v = vec![nama(data, &m.instansi)];
        v.extend(m.unit.as_ref().map(|u| nama(data, u)));
        v.extend(m.jabatan.clone());
        v.extend(m.nip.as_ref().map(|n| format!("NIP {n}")));
        v.join(", ")
    });
    let indikator = s
        .indikator
        .iter()
        .map(|i| {
            let target = i
                .target
                .as_ref()
                .map(|t| t.to_string())
                .unwrap_or_else(|| "tanpa target".into());
            let satuan = i
                .satuan
                .as_deref()
                .map(|x| format!(" {x}"))
                .unwrap_or_default();
            format!("{}: {target}{satuan}", i.uraian)
        })
        .collect();
    let tautan = s
        .tautan
        .iter()
        .map(|t| match t {
            Pemilik::Tujuan(x) => format!("tujuan {x}"),
            Pemilik::Sasaran(x) => format!("sasaran {x}"),
            Pemilik::Program(x) => format!("program {x}"),
            Pemilik::Kegiatan(x) => format!("kegiatan {x}"),
            Pemilik::SubKegiatan(x) => format!("sub kegiatan {x}"),
        })
        .collect();
    out.push(BarisSimpul {
        id: s.id.to_string(),
        jarak: "\u{2003}".repeat(kedalaman * 2) + if kedalaman > 0 { "└ " } else { "" },
        tingkat: s.tingkat.label(),
        uraian: s.uraian.clone(),
        pemilik,
        indikator,
        tautan,
        asal: s.asal.as_ref().map(|a| a.to_string()),
    });
    for a in &c.anak {
        ratakan(data, a, kedalaman + 1, out);
    }
}

/// The page of tree `pohon` of the pemda's data set `data`.
pub fn pohon(k: &Konteks, data: &DataInstansi, pohon: &PohonKinerja) -> String {
    let pemda = nama(data, &pohon.instansi);
    let l = Tata::baru(
        k,
        format!("Pohon Kinerja {pemda} {}", pohon.tahun.get()),
        Bagian::Kabupaten,
        None,
    );
    let mut simpul = Vec::new();
    for c in susun(data, &pohon.id) {
        ratakan(data, &c, 0, &mut simpul);
    }
    let uraian = |id: &kinerja_core::id::SimpulId| {
        data.simpul
            .iter()
            .find(|s| &s.id == id)
            .map(|s| s.uraian.clone())
            .unwrap_or_else(|| id.to_string())
    };
    let crosscutting = data
        .crosscutting
        .iter()
        .filter(|c| {
            data.simpul
                .iter()
                .any(|s| s.id == c.dari && s.pohon == pohon.id)
        })
        .map(|c| BarisCrosscutting {
            dari: uraian(&c.dari),
            ke: uraian(&c.ke),
            status: c.status.label(),
            alasan: c.alasan.clone(),
        })
        .collect();
    let jumlah = TingkatSimpul::SEMUA
        .iter()
        .map(|t| {
            let n = data
                .simpul
                .iter()
                .filter(|s| s.pohon == pohon.id && s.tingkat == *t)
                .count();
            (t.label(), n)
        })
        .collect();
    render(&HalamanPohon {
        l,
        pemda,
        tahun: pohon.tahun.get(),
        asal: pohon.asal.as_ref().map(|a| a.to_string()),
        jumlah,
        simpul,
        crosscutting,
    })
}
