//! The pemda's pohon kinerja of a year, read-only and navigable without script: the whole tree
//! as nested lists (each node's level, statement, owner, capaian and predikat), one OPD's part
//! of it (`?opd=ID`), or one node (`?simpul=ID`: the path from its root, its indicators with
//! target, realisasi and capaian and where they come from, its crosscutting links with their
//! state and reason, the branch below it). Every figure comes measured (`pohon::ukur`).

use crate::Konteks;
use crate::bantu::{CapaianTampil, Lencana, persen, render};
use crate::tata::{Bagian, Tata};
use askama::Template;
use kinerja_core::id::{InstansiId, SimpulId};
use kinerja_core::model::*;
use kinerja_core::pohon::ukur::{DasarCapaian, SumberRealisasi, UkurPohon, UkurSimpul};
use kinerja_core::pohon::{
    Cabang, nama_instansi as nama, susun, teks_pemilik as pemilik, teks_tautan,
};

/// What the page shows.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum FokusPohon {
    Semua,
    Opd(InstansiId),
    Simpul(SimpulId),
}

/// A node in a nested list; `sebelum` is the list markup that opens or closes levels before
/// it (only `<ul>`, `</ul>` and `</li>`, written here).
struct BarisSimpul {
    sebelum: String,
    id: String,
    tingkat: &'static str,
    uraian: String,
    pemilik: Option<String>,
    capaian: Option<String>,
    lencana: Option<Lencana>,
}

struct BarisIndikator {
    uraian: String,
    target: Option<String>,
    realisasi: Option<String>,
    capaian: CapaianTampil,
    sumber: String,
}

struct BarisCrosscutting {
    dari: String,
    dari_id: String,
    ke: String,
    ke_id: String,
    status: &'static str,
    alasan: Option<String>,
}

/// The node shown on its own.
struct Rinci {
    id: String,
    tingkat: &'static str,
    uraian: String,
    pemilik: Option<String>,
    tautan: Vec<String>,
    asal: Option<String>,
    capaian: Option<String>,
    dasar: &'static str,
    lencana: Option<Lencana>,
    indikator: Vec<BarisIndikator>,
    /// (id, statement) from the root down to the parent.
    jalur: Vec<(String, String)>,
}

#[derive(Template)]
#[template(path = "pohon.html")]
struct HalamanPohon {
    l: Tata,
    dasar: String,
    pemda: String,
    tahun: u16,
    asal: Option<String>,
    jumlah: Vec<(&'static str, usize)>,
    /// (id, name, chosen) of each OPD that owns nodes.
    opd: Vec<(String, String, bool)>,
    semua: bool,
    judul_daftar: String,
    simpul: Vec<BarisSimpul>,
    penutup: String,
    rinci: Option<Rinci>,
    crosscutting: Vec<BarisCrosscutting>,
    tanpa_data: Vec<String>,
}

fn lencana(u: Option<&UkurSimpul>) -> Option<Lencana> {
    let u = u?;
    u.predikat
        .as_ref()
        .map(|p| Lencana::dari_predikat(p, u.jumlah_pita))
}

/// Flattens branches into list rows with the nesting markup between them.
fn ratakan(data: &DataInstansi, ukur: &UkurPohon, akar: &[&Cabang]) -> (Vec<BarisSimpul>, String) {
    fn jalan(
        data: &DataInstansi,
        ukur: &UkurPohon,
        c: &Cabang,
        d: usize,
        prev: &mut Option<usize>,
        out: &mut Vec<BarisSimpul>,
    ) {
        let sebelum = match *prev {
            None => "<ul class=\"pohon\">".to_string(),
            Some(p) if d > p => "<ul>".to_string(),
            Some(p) => format!("</li>{}", "</ul></li>".repeat(p - d)),
        };
        *prev = Some(d);
        let s = c.simpul;
        let u = ukur.simpul.get(&s.id);
        out.push(BarisSimpul {
            sebelum,
            id: s.id.to_string(),
            tingkat: s.tingkat.label(),
            uraian: s.uraian.clone(),
            pemilik: s.pemilik.as_ref().map(|m| pemilik(data, m)),
            capaian: u.and_then(|u| u.capaian).map(persen),
            lencana: lencana(u),
        });
        for a in &c.anak {
            jalan(data, ukur, a, d + 1, prev, out);
        }
    }
    let mut prev = None;
    let mut out = Vec::new();
    for c in akar {
        jalan(data, ukur, c, 0, &mut prev, &mut out);
    }
    let penutup = match prev {
        None => String::new(),
        Some(p) => format!("</li>{}</ul>", "</ul></li>".repeat(p)),
    };
    (out, penutup)
}

fn cari<'a, 'b>(
    akar: &'b [Cabang<'a>],
    id: &SimpulId,
) -> Option<(&'b Cabang<'a>, Vec<&'b Cabang<'a>>)> {
    for c in akar {
        if &c.simpul.id == id {
            return Some((c, Vec::new()));
        }
        if let Some((x, mut jalur)) = cari(&c.anak, id) {
            jalur.insert(0, c);
            return Some((x, jalur));
        }
    }
    None
}

/// The branches owned by `opd` whose parent is not: that OPD's part of the tree.
fn milik<'a, 'b>(akar: &'b [Cabang<'a>], opd: &InstansiId, out: &mut Vec<&'b Cabang<'a>>) {
    for c in akar {
        if c.simpul.pemilik.as_ref().map(|m| &m.instansi) == Some(opd) {
            out.push(c);
        } else {
            milik(&c.anak, opd, out);
        }
    }
}

fn sumber(data: &DataInstansi, s: &SimpulPohon, x: &SumberRealisasi) -> String {
    match x {
        SumberRealisasi::Simpul if s.tingkat == TingkatSimpul::Individu => {
            "realisasi SKP pada simpul (PermenPANRB 8/2021)".into()
        }
        SumberRealisasi::Simpul => "realisasi pada simpul".into(),
        SumberRealisasi::Rencana {
            indikator,
            dokumen,
            rpjmd,
        } => {
            let pemilik = s
                .pemilik
                .as_ref()
                .map(|m| nama(data, &m.instansi))
                .unwrap_or_default();
            match dokumen {
                Some(d) => format!(
                    "pengukuran {pemilik}, indikator {indikator}, target {}",
                    d.label_rencana(*rpjmd)
                ),
                None => format!("pengukuran {pemilik}, indikator {indikator}"),
            }
        }
    }
}

fn rinci(data: &DataInstansi, ukur: &UkurPohon, c: &Cabang, jalur: &[&Cabang]) -> Rinci {
    let s = c.simpul;
    let u = ukur.simpul.get(&s.id);
    let indikator = s
        .indikator
        .iter()
        .enumerate()
        .map(|(i, ind)| {
            let m = u.and_then(|u| u.indikator.get(i));
            let satuan = ind
                .satuan
                .as_deref()
                .map(|x| format!(" {x}"))
                .unwrap_or_default();
            BarisIndikator {
                uraian: ind.uraian.clone(),
                target: m
                    .and_then(|m| m.target.as_ref())
                    .map(|t| format!("{t}{satuan}")),
                realisasi: m
                    .and_then(|m| m.realisasi.as_ref())
                    .map(|t| format!("{t}{satuan}")),
                capaian: m
                    .map(|m| CapaianTampil::dari(&m.capaian))
                    .unwrap_or_else(|| {
                        CapaianTampil::dari(&kinerja_core::capaian::Capaian::TidakTersedia {
                            alasan: kinerja_core::capaian::AlasanTidakTersedia::RealisasiKosong,
                        })
                    }),
                sumber: m.map(|m| sumber(data, s, &m.sumber)).unwrap_or_default(),
            }
        })
        .collect();
    Rinci {
        id: s.id.to_string(),
        tingkat: s.tingkat.label(),
        uraian: s.uraian.clone(),
        pemilik: s.pemilik.as_ref().map(|m| pemilik(data, m)),
        tautan: s.tautan.iter().map(teks_tautan).collect(),
        asal: s.asal.as_ref().map(|a| a.to_string()),
        capaian: u.and_then(|u| u.capaian).map(persen),
        dasar: match u.and_then(|u| u.dasar) {
            Some(DasarCapaian::Sasaran) => {
                "capaian sasaran yang ditaut, seperti diukur pemiliknya (rata-rata indikatornya)"
            }
            Some(DasarCapaian::Indikator) => "rata-rata capaian indikator simpul yang terukur",
            None => "tidak ada indikator yang terukur",
        },
        lencana: lencana(u),
        indikator,
        jalur: jalur
            .iter()
            .map(|c| (c.simpul.id.to_string(), c.simpul.uraian.clone()))
            .collect(),
    }
}

/// The page of tree `pohon` of the pemda's data set `data`, measured (`ukur`), at `dasar`
/// (the page's own path, for its links). `None` when the focus names no node or OPD of it.
pub fn pohon(
    k: &Konteks,
    dasar: &str,
    data: &DataInstansi,
    pohon: &PohonKinerja,
    ukur: &UkurPohon,
    fokus: &FokusPohon,
) -> Option<String> {
    let pemda = nama(data, &pohon.instansi);
    let akar = susun(data, &pohon.id);
    let mut opd: Vec<(String, String, bool)> = Vec::new();
    for s in data.simpul.iter().filter(|s| s.pohon == pohon.id) {
        if let Some(m) = &s.pemilik
            && m.instansi != pohon.instansi
            && !opd.iter().any(|(i, _, _)| i == m.instansi.as_str())
        {
            opd.push((
                m.instansi.to_string(),
                nama(data, &m.instansi),
                fokus == &FokusPohon::Opd(m.instansi.clone()),
            ));
        }
    }
    let uraian = |id: &SimpulId| {
        data.simpul
            .iter()
            .find(|s| &s.id == id)
            .map(|s| s.uraian.clone())
            .unwrap_or_else(|| id.to_string())
    };
    let (judul, judul_daftar, cabang, rinci_simpul): (String, String, Vec<&Cabang>, _) = match fokus
    {
        FokusPohon::Semua => (
            format!("Pohon Kinerja {pemda} {}", pohon.tahun.get()),
            "Seluruh pohon".to_string(),
            akar.iter().collect(),
            None,
        ),
        FokusPohon::Opd(i) => {
            let mut v = Vec::new();
            milik(&akar, i, &mut v);
            if v.is_empty() {
                return None;
            }
            let n = nama(data, i);
            (
                format!("Pohon Kinerja {n} {}", pohon.tahun.get()),
                format!("Pohon kinerja {n}"),
                v,
                None,
            )
        }
        FokusPohon::Simpul(id) => {
            let (c, jalur) = cari(&akar, id)?;
            (
                format!("Simpul {} {}", c.simpul.id, pohon.tahun.get()),
                "Simpul di bawahnya".to_string(),
                c.anak.iter().collect(),
                Some(rinci(data, ukur, c, &jalur)),
            )
        }
    };
    let (simpul, penutup) = ratakan(data, ukur, &cabang);
    let crosscutting = data
        .crosscutting
        .iter()
        .filter(|c| {
            data.simpul
                .iter()
                .any(|s| s.id == c.dari && s.pohon == pohon.id)
        })
        .filter(|c| match fokus {
            FokusPohon::Simpul(id) => &c.dari == id || &c.ke == id,
            _ => true,
        })
        .map(|c| BarisCrosscutting {
            dari: uraian(&c.dari),
            dari_id: c.dari.to_string(),
            ke: uraian(&c.ke),
            ke_id: c.ke.to_string(),
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
    let l = Tata::baru(k, judul, Bagian::Kabupaten, None);
    Some(render(&HalamanPohon {
        l,
        dasar: dasar.to_string(),
        pemda,
        tahun: pohon.tahun.get(),
        asal: pohon.asal.as_ref().map(|a| a.to_string()),
        jumlah,
        semua: fokus == &FokusPohon::Semua,
        opd,
        judul_daftar,
        simpul,
        penutup,
        rinci: rinci_simpul,
        crosscutting,
        tanpa_data: ukur.tanpa_data.iter().map(|i| nama(data, i)).collect(),
    }))
}
