//! The Evaluasi AKIP's scores, proposals and answers turned into the answering pages' plain
//! data (`kinerja_tampilan::EvaluasiTampil`): figures printed (two decimals, half away from
//! zero, `angka::bulatkan`, the rule the grade is read on), evidence given its address. The
//! figures are `kinerja-evaluasi`'s; nothing is computed here.

use kinerja_core::angka::{bulatkan, format_angka};
use kinerja_core::model::{Bukti, DataInstansi, TABEL_BUKTI};
use kinerja_evaluasi::skor::{HasilEvaluasi, NilaiJawaban};
use kinerja_evaluasi::{Lke, Predikat};
use kinerja_tampilan as t;
use rust_decimal::Decimal;

fn angka(d: Decimal) -> String {
    format_angka(bulatkan(d, 2), 2)
}

/// A piece of evidence with the page it opens: a record of the data its page of the year, an
/// uploaded file its download.
pub(super) fn bukti(b: &Bukti, id: &str, tahun: u16) -> t::BuktiTampil {
    let dasar = format!("/instansi/{id}/tahun/{tahun}");
    match b {
        Bukti::Dokumen(r) => {
            let (tabel, rid) = r.split_once('/').unwrap_or((r.as_str(), ""));
            let (halaman, label) = match tabel {
                "renstra" => ("/rencana", "Renstra"),
                "rkt" => ("/rencana", "RKT"),
                "perjanjian_kinerja" => ("/pk", "Perjanjian Kinerja"),
                "iku" => ("/iku", "IKU"),
                "laporan" => ("/laporan", "LKjIP"),
                "skm" => ("/skm", "SKM"),
                _ => ("", tabel),
            };
            t::BuktiTampil {
                label: format!("{label} {rid}"),
                href: (!halaman.is_empty()).then(|| format!("{dasar}{halaman}")),
                nilai: format!("dokumen:{r}"),
            }
        }
        Bukti::Berkas { nama, sha256 } => t::BuktiTampil {
            label: format!("berkas {nama}"),
            href: Some(format!("{dasar}/evaluasi/bukti/{sha256}")),
            nilai: format!("berkas:{sha256}:{nama}"),
        },
    }
}

/// The records of the data an answer's evidence may link to, as `(tabel/id, label)`.
pub(super) fn dokumen(d: &DataInstansi) -> Vec<(String, String)> {
    let mut v = Vec::new();
    let mut tambah = |tabel: &str, id: &str, ket: String| {
        debug_assert!(TABEL_BUKTI.contains(&tabel));
        v.push((format!("{tabel}/{id}"), ket));
    };
    for r in &d.renstra {
        tambah("renstra", r.id.as_str(), format!("Renstra {}", r.id));
    }
    for r in &d.rkt {
        tambah("rkt", r.id.as_str(), format!("RKT {}", r.id));
    }
    for p in &d.perjanjian_kinerja {
        tambah(
            "perjanjian_kinerja",
            p.id.as_str(),
            format!("Perjanjian Kinerja {} ({})", p.id, p.tahun),
        );
    }
    for i in &d.iku {
        tambah("iku", i.id.as_str(), format!("IKU {}", i.id));
    }
    for l in &d.laporan {
        tambah(
            "laporan",
            l.id.as_str(),
            format!("LKjIP {} ({})", l.id, l.tahun),
        );
    }
    for s in &d.skm {
        tambah("skm", s.id.as_str(), format!("SKM {}", s.id));
    }
    v
}

fn jawaban(j: &NilaiJawaban, id: &str, tahun: u16) -> t::JawabanTampil {
    t::JawabanTampil {
        kode: j.kode.clone(),
        nilai: angka(j.nilai),
        catatan: j.catatan.clone().unwrap_or_default(),
        bukti: j.bukti.iter().map(|b| bukti(b, id, tahun)).collect(),
        usulan_tersimpan: j.usulan_tersimpan.clone(),
    }
}

pub(super) fn predikat(p: Predikat) -> String {
    format!("{} ({})", p.kode(), p.arti())
}

/// The components, sub-components and criteria of `h` as the page prints them.
pub(super) fn komponen(lke: &Lke, h: &HasilEvaluasi, id: &str) -> Vec<t::KomponenTampil> {
    let tahun = h.tahun.get();
    h.komponen
        .iter()
        .map(|k| t::KomponenTampil {
            id: k.id.clone(),
            nama: k.nama.clone(),
            bobot: angka(k.bobot),
            nilai_opd: angka(k.nilai.opd),
            nilai_evaluator: angka(k.nilai.evaluator),
            sub: k
                .sub
                .iter()
                .map(|s| t::SubTampil {
                    id: s.id.clone(),
                    nama: format!("{} ({})", s.nama, s.jenis.label()),
                    bobot: angka(s.bobot),
                    nilai_opd: angka(s.nilai.opd),
                    nilai_evaluator: angka(s.nilai.evaluator),
                    kriteria: s
                        .kriteria
                        .iter()
                        .map(|c| {
                            let def = lke.kriteria(&c.id).map(|(_, _, x)| x);
                            let pilihan = def
                                .map(|x| {
                                    lke.skala_kriteria(x)
                                        .pilihan
                                        .iter()
                                        .map(|p| {
                                            let label = match &p.arti {
                                                Some(a) => format!("{}: {a}", p.kode),
                                                None => p.kode.clone(),
                                            };
                                            (p.kode.clone(), label)
                                        })
                                        .collect()
                                })
                                .unwrap_or_default();
                            t::KriteriaTampil {
                                id: c.id.clone(),
                                uraian: c.uraian.clone(),
                                poin: format_angka(bulatkan(c.poin, 4), 4),
                                pilihan,
                                petunjuk_bukti: def.and_then(|x| x.bukti.clone()),
                                opd: c.opd.as_ref().map(|j| jawaban(j, id, tahun)),
                                evaluator: c.evaluator.as_ref().map(|j| jawaban(j, id, tahun)),
                                usulan: c.usulan.as_ref().map(|u| t::UsulanTampil {
                                    jawaban: u.jawaban.clone(),
                                    alasan: u.alasan.clone(),
                                    bukti: u.bukti.iter().map(|b| bukti(b, id, tahun)).collect(),
                                }),
                                rekomendasi: c.rekomendasi.clone().unwrap_or_default(),
                                temuan: h
                                    .temuan
                                    .iter()
                                    .filter(|x| {
                                        x.kriteria() == c.id
                                            && !matches!(
                                                x,
                                                kinerja_evaluasi::Temuan::BelumDijawab { .. }
                                            )
                                    })
                                    .map(|x| x.pesan())
                                    .collect(),
                            }
                        })
                        .collect(),
                })
                .collect(),
        })
        .collect()
}

/// `(total, grade)` of both parties, printed.
pub(super) fn total(h: &HasilEvaluasi) -> [String; 4] {
    [
        angka(h.total.opd),
        predikat(h.predikat_opd()),
        angka(h.total.evaluator),
        predikat(h.predikat()),
    ]
}
