//! The measured pohon kinerja as text lines for people, JSON, and the drawing
//! (`kinerja_grafik::pohon`) as SVG or A3 PDF: every figure from `kinerja_core::pohon::ukur`,
//! printed here the Indonesian way.

use kinerja_core::angka::format_persen;
use kinerja_core::capaian::Capaian;
use kinerja_core::model::*;
use kinerja_core::pohon::Cabang;
use kinerja_core::pohon::ukur::{
    DasarCapaian, SumberRealisasi, UkurIndikator, UkurPohon, UkurSimpul,
};
pub use kinerja_core::pohon::{nama_instansi, teks_pemilik as pemilik};
use kinerja_grafik::pohon::Kotak;
use serde_json::{Value, json};

/// "RPJMD" for a Renstra-document target of the RPJMD, else the document's label.
pub fn dokumen(s: &SumberRealisasi) -> Option<&'static str> {
    match s {
        SumberRealisasi::Simpul => None,
        SumberRealisasi::Rencana { dokumen, rpjmd, .. } => dokumen.map(|d| d.label_rencana(*rpjmd)),
    }
}

fn cap(c: &Capaian) -> String {
    match c {
        Capaian::Ada { persen, .. } => format_persen(*persen, 2),
        Capaian::TidakTersedia { alasan } => format!("n/a ({})", alasan.pesan()),
    }
}

/// "T 80 (Renstra) · R 72 · 90,00 %".
pub fn angka_indikator(i: &IndikatorSimpul, u: &UkurIndikator) -> String {
    let satuan = i
        .satuan
        .as_deref()
        .map(|s| format!(" {s}"))
        .unwrap_or_default();
    let t = match (&u.target, dokumen(&u.sumber)) {
        (Some(t), Some(d)) => format!("T {t}{satuan} ({d})"),
        (Some(t), None) => format!("T {t}{satuan}"),
        (None, _) => "tanpa target".into(),
    };
    let r = u
        .realisasi
        .as_ref()
        .map(|r| format!("R {r}{satuan}"))
        .unwrap_or_else(|| "R belum ada".into());
    format!("{t} · {r} · {}", cap(&u.capaian))
}

/// "Capaian 85,00 % · Baik (sasaran OPD)" or "Capaian: data tidak tersedia".
pub fn capaian_simpul(u: Option<&UkurSimpul>) -> String {
    match u.and_then(|u| u.capaian.map(|c| (u, c))) {
        Some((u, c)) => {
            let p = u
                .predikat
                .as_ref()
                .map(|p| format!(" · {}", p.label))
                .unwrap_or_default();
            let dasar = match u.dasar {
                Some(DasarCapaian::Sasaran) => " (capaian sasaran pemilik)",
                _ => "",
            };
            format!("Capaian {}{p}{dasar}", format_persen(c, 2))
        }
        None => "Capaian: data tidak tersedia".into(),
    }
}

/// A branch as boxes, cut below level `sampai` (the cut node shows its descendants' counts).
pub fn kotak(data: &DataInstansi, c: &Cabang, ukur: &UkurPohon, sampai: TingkatSimpul) -> Kotak {
    let s = c.simpul;
    let u = ukur.simpul.get(&s.id);
    let indikator = s
        .indikator
        .iter()
        .enumerate()
        .map(|(i, ind)| {
            let angka = u
                .and_then(|u| u.indikator.get(i))
                .map(|x| angka_indikator(ind, x))
                .unwrap_or_default();
            (ind.uraian.clone(), angka)
        })
        .collect();
    let potong = s.tingkat >= sampai && !c.anak.is_empty();
    let ringkas = potong.then(|| {
        c.jumlah_per_tingkat()
            .iter()
            .map(|(t, n)| format!("{} {n}", t.label()))
            .collect::<Vec<_>>()
            .join(" · ")
    });
    Kotak {
        tingkat: s.tingkat.label().into(),
        uraian: s.uraian.clone(),
        pemilik: s.pemilik.as_ref().map(|m| pemilik(data, m)),
        indikator,
        capaian: capaian_simpul(u),
        warna: u.and_then(|u| u.warna.clone()),
        ringkas,
        anak: if potong {
            Vec::new()
        } else {
            c.anak
                .iter()
                .map(|a| kotak(data, a, ukur, sampai))
                .collect()
        },
    }
}

/// A node and its measurement as JSON (exact numbers).
pub fn json_cabang(c: &Cabang, ukur: &UkurPohon) -> Value {
    let s = c.simpul;
    let u = ukur.simpul.get(&s.id);
    json!({
        "id": s.id,
        "tingkat": s.tingkat,
        "uraian": s.uraian,
        "pemilik": s.pemilik,
        "indikator": s.indikator.iter().enumerate().map(|(i, ind)| {
            let m = u.and_then(|u| u.indikator.get(i));
            json!({
                "indikator": ind,
                "target_ukur": m.and_then(|m| m.target.as_ref()),
                "realisasi": m.and_then(|m| m.realisasi.as_ref()),
                "capaian": m.map(|m| &m.capaian),
                "sumber": m.map(|m| &m.sumber),
                "dokumen_target": m.and_then(|m| dokumen(&m.sumber)),
            })
        }).collect::<Vec<_>>(),
        "capaian": kinerja_json::opsi(u.and_then(|u| u.capaian)),
        "dasar_capaian": u.and_then(|u| u.dasar),
        "predikat": u.and_then(|u| u.predikat.as_ref()).map(|p| &p.label),
        "tautan": s.tautan,
        "asal": s.asal,
        "anak": c.anak.iter().map(|a| json_cabang(a, ukur)).collect::<Vec<_>>(),
    })
}
