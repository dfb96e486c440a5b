//! The RPJMD and the pohon kinerja: an RPJMD belongs to a pemda; one tree per pemda and year;
//! every node in a tree that exists, under a parent of the same tree and of a level not below
//! its own, without cycles; owners and units that exist; the pemda's own nodes' links resolve in
//! this data set (an OPD's resolve in the OPD's, which the pemda reviu reads); crosscutting links
//! join nodes of two different OPDs of one tree, and a refusal says why.

use super::{Ada, Pemeriksa, Rujukan};
use crate::id::*;
use crate::model::*;
use crate::nilai::Bentuk;
use crate::waktu::Tahun;
use std::collections::HashMap;

pub(super) fn periksa(p: &mut Pemeriksa, data: &DataInstansi, r: &Rujukan) {
    rpjmd(p, data);
    let pohon: HashMap<&PohonId, &PohonKinerja> = data.pohon.iter().map(|x| (&x.id, x)).collect();
    let simpul: HashMap<&SimpulId, &SimpulPohon> = data.simpul.iter().map(|x| (&x.id, x)).collect();

    let mut per_tahun: HashMap<(&InstansiId, Tahun), usize> = HashMap::new();
    for (i, x) in data.pohon.iter().enumerate() {
        let mut b = p.di("pohon", i, Some(&x.id));
        b.rujuk("instansi", &r.instansi, &x.instansi, "instansi");
        if let Some(awal) = per_tahun.insert((&x.instansi, x.tahun), i) {
            b.lapor(
                "tahun",
                format!(
                    "pohon kinerja \"{}\" tahun {} sudah ada: [[pohon]] ke-{} (satu pohon per pemda dan tahun)",
                    x.instansi,
                    x.tahun,
                    awal + 1
                ),
            );
        }
        if let Some(a) = &x.asal {
            match pohon.get(a) {
                None => b.lapor("asal", format!("merujuk pohon \"{a}\" yang tidak ada")),
                Some(asal) if asal.tahun >= x.tahun => b.lapor(
                    "asal",
                    format!(
                        "pohon asal \"{a}\" bertahun {}, tidak sebelum tahun {}",
                        asal.tahun, x.tahun
                    ),
                ),
                Some(_) => {}
            }
        }
    }

    for (i, x) in data.simpul.iter().enumerate() {
        let mut b = p.di("simpul", i, Some(&x.id));
        let ph = pohon.get(&x.pohon).copied();
        if ph.is_none() {
            b.lapor(
                "pohon",
                format!("merujuk pohon \"{}\" yang tidak ada", x.pohon),
            );
        }
        if let Some(induk) = &x.induk {
            match simpul.get(induk) {
                None => b.lapor("induk", format!("merujuk simpul \"{induk}\" yang tidak ada")),
                Some(s) if s.pohon != x.pohon => b.lapor(
                    "induk",
                    format!(
                        "simpul induk \"{induk}\" berada di pohon \"{}\", bukan di pohon \"{}\"",
                        s.pohon, x.pohon
                    ),
                ),
                Some(s) if s.tingkat > x.tingkat => b.lapor(
                    "tingkat",
                    format!(
                        "simpul bertingkat {} tidak boleh berada di bawah simpul \"{induk}\" yang bertingkat {} (tingkat lebih rendah)",
                        x.tingkat.label(),
                        s.tingkat.label()
                    ),
                ),
                Some(_) => {}
            }
        }
        if let Some(m) = &x.pemilik {
            b.rujuk("pemilik.instansi", &r.instansi, &m.instansi, "instansi");
            if let Some(u) = &m.unit {
                if !r.instansi.ada(u) {
                    b.rujuk("pemilik.unit", &r.instansi, u, "instansi");
                } else if !crate::hierarki::leluhur(&data.instansi, u)
                    .iter()
                    .any(|l| l.id == m.instansi)
                {
                    b.lapor(
                        "pemilik.unit",
                        format!(
                            "unit \"{u}\" tidak berada di bawah instansi \"{}\"",
                            m.instansi
                        ),
                    );
                }
            }
        }
        // The pemda's own nodes link to this data set's plan; an OPD's to the OPD's data set.
        let lokal = matches!((ph, &x.pemilik), (Some(ph), Some(m)) if m.instansi == ph.instansi);
        if lokal {
            for t in &x.tautan {
                match t {
                    Pemilik::Tujuan(t) => b.rujuk("tautan", &r.tujuan, t, "tujuan"),
                    Pemilik::Sasaran(s) => b.rujuk("tautan", &r.sasaran, s, "sasaran"),
                    Pemilik::Program(g) => b.rujuk("tautan", &r.program, g, "program"),
                    Pemilik::Kegiatan(g) => b.rujuk("tautan", &r.kegiatan, g, "kegiatan"),
                    Pemilik::SubKegiatan(g) => {
                        b.rujuk("tautan", &r.sub_kegiatan, g, "sub-kegiatan")
                    }
                }
            }
        }
        for ind in &x.indikator {
            if let (true, Some(id)) = (lokal, &ind.indikator) {
                b.rujuk("indikator.indikator", &r.indikator, id, "indikator");
            }
            if let (Some(id), Some(_)) = (&ind.indikator, &ind.realisasi) {
                b.lapor(
                    "indikator.realisasi",
                    format!(
                        "indikator \"{}\" adalah indikator rencana \"{id}\": realisasinya diambil dari data instansi pemiliknya, jangan ditulis lagi di pohon",
                        ind.uraian
                    ),
                );
            }
            if ind.polaritas == Polaritas::Rentang
                && matches!(
                    ind.target.as_ref().map(|t| t.bentuk()),
                    Some(Bentuk::Angka { .. })
                )
            {
                b.lapor(
                    "indikator.target",
                    format!(
                        "indikator \"{}\" berpolaritas `rentang` memerlukan target rentang (\"80 - 90\")",
                        ind.uraian
                    ),
                );
            }
        }
        if let Some(a) = &x.asal {
            let pohon_asal = ph.and_then(|ph| ph.asal.as_ref());
            match (simpul.get(a), pohon_asal) {
                (None, _) => b.lapor("asal", format!("merujuk simpul \"{a}\" yang tidak ada")),
                (Some(_), None) => b.lapor(
                    "asal",
                    format!(
                        "simpul asal \"{a}\", tetapi pohon \"{}\" tidak menyebut pohon asal (medan `asal` pohon)",
                        x.pohon
                    ),
                ),
                (Some(s), Some(pa)) if &s.pohon != pa => b.lapor(
                    "asal",
                    format!("simpul asal \"{a}\" tidak berada di pohon asal \"{pa}\""),
                ),
                _ => {}
            }
        }
    }
    siklus(p, data);

    for (i, x) in data.crosscutting.iter().enumerate() {
        let mut b = p.di("crosscutting", i, Some(&x.id));
        let dari = simpul.get(&x.dari);
        let ke = simpul.get(&x.ke);
        if dari.is_none() {
            b.lapor(
                "dari",
                format!("merujuk simpul \"{}\" yang tidak ada", x.dari),
            );
        }
        if ke.is_none() {
            b.lapor("ke", format!("merujuk simpul \"{}\" yang tidak ada", x.ke));
        }
        if let (Some(d), Some(k)) = (dari, ke) {
            if d.pohon != k.pohon {
                b.lapor(
                    "ke",
                    format!(
                        "simpul \"{}\" berada di pohon \"{}\", simpul \"{}\" di pohon \"{}\": crosscutting hanya di dalam satu pohon",
                        x.dari, d.pohon, x.ke, k.pohon
                    ),
                );
            }
            let milik = |s: &SimpulPohon| s.pemilik.as_ref().map(|m| m.instansi.clone());
            if let (Some(a), Some(c)) = (milik(d), milik(k))
                && a == c
            {
                b.lapor(
                    "ke",
                    format!(
                        "kedua simpul milik instansi \"{a}\": crosscutting menghubungkan simpul dua instansi yang berbeda"
                    ),
                );
            }
        }
        let ada_alasan = x.alasan.as_deref().is_some_and(|a| !a.trim().is_empty());
        if x.status == StatusCrosscutting::Ditolak && !ada_alasan {
            b.lapor("alasan", "crosscutting yang ditolak memerlukan alasan");
        }
    }
}

/// An RPJMD is a pemda's plan.
fn rpjmd(p: &mut Pemeriksa, data: &DataInstansi) {
    for (i, x) in data.renstra.iter().enumerate() {
        if x.jenis != JenisRencana::Rpjmd {
            continue;
        }
        if let Some(ins) = data.instansi.iter().find(|s| s.id == x.instansi)
            && !matches!(
                ins.jenis,
                JenisInstansi::Kabupaten | JenisInstansi::Kota | JenisInstansi::Provinsi
            )
        {
            p.di("renstra", i, Some(&x.id)).lapor(
                "jenis",
                format!(
                    "RPJMD hanya untuk pemda (kabupaten, kota atau provinsi); instansi \"{}\" bukan pemda",
                    x.instansi
                ),
            );
        }
    }
}

/// The deepest a node may sit (roots are at depth 1): a pemda's tree runs five levels, each a few
/// deep; the bound keeps every walk of a tree (pages, JSON, the reviu) shallow.
pub(crate) const KEDALAMAN_MAKS: usize = 50;

/// Cycles of parents (each reported once, at its first node in file order, with the chain) and
/// nodes past `KEDALAMAN_MAKS` (reported where a branch first passes it). One walk, linear in
/// the number of nodes, so a large or hostile file cannot make validation slow.
fn siklus(p: &mut Pemeriksa, data: &DataInstansi) {
    let n = data.simpul.len();
    let idx: HashMap<&SimpulId, usize> = data
        .simpul
        .iter()
        .enumerate()
        .map(|(i, x)| (&x.id, i))
        .collect();
    let induk = |i: usize| {
        data.simpul[i]
            .induk
            .as_ref()
            .and_then(|x| idx.get(x).copied())
    };
    // 0: not met, 1: on the path being walked, 2: done.
    let mut keadaan = vec![0u8; n];
    // Depth from the root (1), or 0 on or above a cycle.
    let mut dalam = vec![0usize; n];
    let mut laporan: Vec<(usize, String)> = Vec::new();
    for mulai in 0..n {
        if keadaan[mulai] != 0 {
            continue;
        }
        let mut jalur = Vec::new();
        let mut kini = Some(mulai);
        let mut berputar = false;
        while let Some(i) = kini {
            match keadaan[i] {
                0 => {
                    keadaan[i] = 1;
                    jalur.push(i);
                    kini = induk(i);
                }
                1 => {
                    let pos = jalur.iter().position(|&j| j == i).unwrap_or(0);
                    let anggota = &jalur[pos..];
                    let pertama = anggota.iter().copied().min().unwrap_or(i);
                    let mut rantai = vec![data.simpul[pertama].id.to_string()];
                    let mut j = pertama;
                    for _ in 0..anggota.len() {
                        j = induk(j).unwrap_or(pertama);
                        rantai.push(data.simpul[j].id.to_string());
                    }
                    // A long cycle is named by its first ten steps and its length.
                    let teks = if rantai.len() > 12 {
                        format!(
                            "{} → … → {} ({} simpul)",
                            rantai[..10].join(" → "),
                            rantai[0],
                            crate::angka::format_angka(
                                rust_decimal::Decimal::from(anggota.len()),
                                0
                            )
                        )
                    } else {
                        rantai.join(" → ")
                    };
                    laporan.push((pertama, format!("rantai induk simpul berputar: {teks}")));
                    berputar = true;
                    break;
                }
                _ => break,
            }
        }
        // From the top of the path down: each node one deeper than its parent; a node on or
        // below a cycle has no depth (0).
        for &j in jalur.iter().rev() {
            keadaan[j] = 2;
            dalam[j] = match induk(j) {
                _ if berputar => 0,
                None => 1,
                Some(x) if dalam[x] == 0 => 0,
                Some(x) => dalam[x] + 1,
            };
            if dalam[j] == KEDALAMAN_MAKS + 1 {
                laporan.push((
                    j,
                    format!(
                        "simpul berada di kedalaman {}; pohon kinerja paling dalam {KEDALAMAN_MAKS} simpul",
                        dalam[j]
                    ),
                ));
            }
        }
    }
    laporan.sort_by_key(|(i, _)| *i);
    for (i, pesan) in laporan {
        p.di("simpul", i, Some(&data.simpul[i].id))
            .lapor("induk", pesan);
    }
}
