//! Stated figures (`Tercatat`) beside the figures computed from primary data, and stated totals
//! beside the sum of their stated parts.

use crate::{Konteks, LokasiTemuan, Temuan, Tingkat};
use kinerja_core::angka::{bulatkan, format_angka};
use kinerja_core::capaian::Capaian;
use kinerja_core::model::*;
use kinerja_core::pengukuran;
use kinerja_core::skm::Regime;
use kinerja_core::waktu::Tahun;
use rust_decimal::Decimal;
use rust_decimal_macros::dec;
use std::collections::HashMap;

/// A figure computed from primary data, or why there is none.
enum Dihitung {
    Angka(Decimal, String),
    Teks(String, String),
    TidakDapat(String),
}

fn angka(d: Decimal, cara: impl Into<String>) -> Dihitung {
    Dihitung::Angka(d, cara.into())
}
fn tidak(alasan: impl Into<String>) -> Dihitung {
    Dihitung::TidakDapat(alasan.into())
}

pub(crate) fn lokasi(t: &Tercatat) -> LokasiTemuan {
    LokasiTemuan {
        dokumen: t.lokasi.dokumen.clone(),
        tabel: t.lokasi.bagian.clone(),
        baris: t.lokasi.baris.clone(),
    }
}

pub(crate) fn teks_subjek(k: &Konteks, s: &Subjek) -> String {
    let d = k.data;
    match s {
        Subjek::Instansi => "instansi".into(),
        Subjek::Sasaran(id) => d
            .sasaran
            .iter()
            .find(|x| &x.id == id)
            .map(|x| format!("sasaran \"{}\"", x.uraian))
            .unwrap_or_else(|| format!("sasaran {id}")),
        Subjek::Indikator(id) => d
            .indikator
            .iter()
            .find(|x| &x.id == id)
            .map(|x| format!("indikator \"{}\"", x.uraian))
            .unwrap_or_else(|| format!("indikator {id}")),
        Subjek::Program(id) => d
            .program
            .iter()
            .find(|x| &x.id == id)
            .map(|x| format!("program \"{}\"", x.nama))
            .unwrap_or_else(|| format!("program {id}")),
        Subjek::Kegiatan(id) => d
            .kegiatan
            .iter()
            .find(|x| &x.id == id)
            .map(|x| format!("kegiatan \"{}\"", x.nama))
            .unwrap_or_else(|| format!("kegiatan {id}")),
        Subjek::Belanja(j) => j.label().to_lowercase(),
        Subjek::Survei(id) => format!("SKM {id}"),
        Subjek::UnsurSkm { survei, nomor } => d
            .skm
            .iter()
            .find(|x| &x.id == survei)
            .and_then(|x| x.unsur.iter().find(|u| u.nomor == *nomor))
            .map(|u| format!("unsur SKM {nomor} \"{}\"", u.nama))
            .unwrap_or_else(|| format!("unsur SKM {nomor}")),
        Subjek::Label(l) => format!("baris \"{l}\""),
    }
}

pub(crate) fn teks_ukuran(u: &Ukuran) -> String {
    match u {
        Ukuran::Target => "target".into(),
        Ukuran::TargetAkhir => "target akhir Renstra".into(),
        Ukuran::Realisasi => "realisasi".into(),
        Ukuran::Capaian => "capaian".into(),
        Ukuran::Predikat => "predikat".into(),
        Ukuran::TingkatKemajuan => "tingkat kemajuan".into(),
        Ukuran::Nasional => "realisasi nasional".into(),
        Ukuran::SelisihNasional => "selisih dengan nasional".into(),
        Ukuran::Pagu => "pagu".into(),
        Ukuran::RealisasiAnggaran => "realisasi anggaran".into(),
        Ukuran::Serapan => "serapan".into(),
        Ukuran::Proporsi => "proporsi".into(),
        Ukuran::JumlahSasaran => "jumlah sasaran".into(),
        Ukuran::JumlahIndikator => "jumlah indikator".into(),
        Ukuran::JumlahIndikatorBerpredikat(p) => format!("jumlah indikator berpredikat {p}"),
        Ukuran::JumlahProgram => "jumlah program".into(),
        Ukuran::JumlahKegiatan => "jumlah kegiatan".into(),
        Ukuran::SkorSkm => "skor SKM".into(),
        Ukuran::PredikatSkm => "predikat SKM".into(),
    }
}

fn id_subjek(s: &Subjek) -> String {
    match s {
        Subjek::Instansi => "instansi".into(),
        Subjek::Sasaran(i) => format!("sasaran:{i}"),
        Subjek::Indikator(i) => format!("indikator:{i}"),
        Subjek::Program(i) => format!("program:{i}"),
        Subjek::Kegiatan(i) => format!("kegiatan:{i}"),
        Subjek::Belanja(j) => format!("belanja:{j:?}"),
        Subjek::Survei(i) => format!("skm:{i}"),
        Subjek::UnsurSkm { survei, nomor } => format!("skm:{survei}:{nomor}"),
        Subjek::Label(l) => format!("label:{l}"),
    }
}

pub(crate) fn kunci(t: &Tercatat) -> String {
    format!(
        "{}/{}/{}/{}{}",
        t.lokasi.bagian,
        t.lokasi.baris.as_deref().unwrap_or("-"),
        id_subjek(&t.subjek),
        teks_ukuran(&t.ukuran).replace(' ', "_"),
        t.tahun.map(|y| format!("/{y}")).unwrap_or_default()
    )
}

fn serapan_ukuran(
    s: &kinerja_core::anggaran::Serapan,
    u: &Ukuran,
    proporsi: Option<Decimal>,
    dari: &str,
) -> Dihitung {
    match u {
        Ukuran::Pagu => angka(s.pagu.nilai(), format!("jumlah pagu {dari}")),
        Ukuran::RealisasiAnggaran => match s.realisasi {
            Some(r) => angka(r.nilai(), format!("jumlah realisasi {dari}")),
            None => tidak("realisasi anggaran belum dilaporkan"),
        },
        Ukuran::Serapan => match s.persen {
            Some(p) => angka(p, "realisasi / pagu x 100"),
            None => tidak("serapan tidak terhitung (pagu 0 atau realisasi belum dilaporkan)"),
        },
        Ukuran::Proporsi => match proporsi {
            Some(p) => angka(p, "pagu / pagu keseluruhan x 100"),
            None => tidak("proporsi tidak terhitung"),
        },
        _ => tidak("ukuran ini tidak berlaku untuk anggaran"),
    }
}

fn hitung(k: &Konteks, t: &Tercatat, tahun: Tahun) -> Dihitung {
    let d = k.data;
    let anggaran = matches!(
        t.ukuran,
        Ukuran::Pagu | Ukuran::RealisasiAnggaran | Ukuran::Serapan | Ukuran::Proporsi
    );
    if matches!(
        t.subjek,
        Subjek::Program(_) | Subjek::Kegiatan(_) | Subjek::Belanja(_)
    ) && !anggaran
    {
        return tidak(
            "untuk program dan kegiatan hanya angka anggaran yang dapat dihitung ulang; realisasi keluaran dicatat per indikator kegiatan",
        );
    }
    match (&t.subjek, &t.ukuran) {
        (Subjek::Label(_), _) => tidak("baris ini tidak merujuk unsur rencana mana pun"),
        (Subjek::Instansi, Ukuran::Pagu | Ukuran::RealisasiAnggaran | Ukuran::Serapan) => {
            let a = k.anggaran(tahun);
            serapan_ukuran(&a.total, &t.ukuran, None, "seluruh pos anggaran")
        }
        (Subjek::Belanja(j), u) => {
            let a = k.anggaran(tahun);
            let baris = a
                .kelompok
                .iter()
                .find(|x| x.jenis == *j)
                .filter(|_| *j == j.kelompok())
                .or_else(|| a.jenis.iter().find(|x| x.jenis == *j));
            match baris {
                Some(b) => serapan_ukuran(&b.serapan, u, b.proporsi, "pos anggaran jenis ini"),
                None => tidak(format!("data primer tidak memuat pos {}", j.label())),
            }
        }
        (Subjek::Program(p), u) => {
            let a = k.anggaran(tahun);
            match a.program.iter().find(|x| &x.program == p) {
                Some(b) => serapan_ukuran(&b.serapan, u, b.proporsi, "kegiatannya"),
                None => tidak("program ini tidak memiliki pos anggaran pada tahun ini"),
            }
        }
        (Subjek::Kegiatan(g), u) => {
            let a = k.anggaran(tahun);
            match a
                .program
                .iter()
                .flat_map(|p| &p.kegiatan)
                .find(|x| &x.kegiatan == g)
            {
                Some(b) => serapan_ukuran(&b.serapan, u, None, "pos anggarannya"),
                None => tidak("kegiatan ini tidak memiliki pos anggaran pada tahun ini"),
            }
        }
        (
            Subjek::Sasaran(s),
            Ukuran::Pagu | Ukuran::RealisasiAnggaran | Ukuran::Serapan | Ukuran::Proporsi,
        ) => {
            let a = k.anggaran(tahun);
            match a.sasaran.iter().find(|x| x.sasaran.as_ref() == Some(s)) {
                Some(b) => {
                    serapan_ukuran(&b.serapan, &t.ukuran, b.proporsi, "program pendukungnya")
                }
                None => tidak("tidak ada program beranggaran yang mendukung sasaran ini"),
            }
        }
        (Subjek::Sasaran(s), Ukuran::Capaian | Ukuran::Predikat) => {
            let p = k.pengukuran(tahun);
            let Some(cs) = p.sasaran.iter().find(|x| &x.sasaran == s) else {
                return tidak("sasaran tidak diukur");
            };
            match (&t.ukuran, cs.capaian, &cs.predikat) {
                (Ukuran::Capaian, Some(c), _) => angka(c, "rata-rata capaian indikatornya"),
                (Ukuran::Predikat, _, Some(p)) => Dihitung::Teks(
                    p.label.clone(),
                    "predikat rata-rata capaian indikatornya".into(),
                ),
                _ => tidak("tidak ada indikator yang capaiannya terhitung"),
            }
        }
        (Subjek::Instansi | Subjek::Sasaran(_), Ukuran::JumlahSasaran) => {
            angka(Decimal::from(d.sasaran.len()), "sasaran dalam Renstra")
        }
        (
            Subjek::Instansi | Subjek::Sasaran(_),
            Ukuran::JumlahIndikator | Ukuran::JumlahIndikatorBerpredikat(_),
        ) => {
            let p = k.pengukuran(tahun);
            let baris: Vec<_> = p
                .baris
                .iter()
                .filter(|b| match &t.subjek {
                    Subjek::Sasaran(s) => &b.sasaran == s,
                    _ => true,
                })
                .collect();
            match &t.ukuran {
                Ukuran::JumlahIndikatorBerpredikat(label) => angka(
                    Decimal::from(
                        baris
                            .iter()
                            .filter(|b| {
                                b.predikat
                                    .as_ref()
                                    .is_some_and(|p| p.label.eq_ignore_ascii_case(label.trim()))
                            })
                            .count(),
                    ),
                    format!("indikator yang predikatnya dihitung {label}"),
                ),
                _ => angka(
                    Decimal::from(baris.len()),
                    "indikator sasaran dalam tabel pengukuran",
                ),
            }
        }
        (Subjek::Instansi | Subjek::Sasaran(_), Ukuran::JumlahProgram | Ukuran::JumlahKegiatan) => {
            // Programs: of the year's RKT when there is one (the plan the text describes), else
            // those with budget; for a sasaran, the programs that support it. Kegiatan: those of
            // these programs that have a budget line or an indicator.
            let a = k.anggaran(tahun);
            let rkt = d.rkt.iter().find(|r| r.tahun == tahun);
            let (progs, dasar): (Vec<&kinerja_core::id::ProgramId>, &str) = match (&t.subjek, rkt) {
                (Subjek::Sasaran(s), _) => (
                    d.program
                        .iter()
                        .filter(|p| p.sasaran.as_ref() == Some(s))
                        .map(|p| &p.id)
                        .collect(),
                    "program yang mendukung sasaran ini",
                ),
                (_, Some(r)) => (r.program.iter().collect(), "program dalam RKT tahun ini"),
                _ => (
                    a.program.iter().map(|p| &p.program).collect(),
                    "program beranggaran",
                ),
            };
            if t.ukuran == Ukuran::JumlahProgram {
                return angka(Decimal::from(progs.len()), dasar);
            }
            let berindikator = |g: &kinerja_core::id::KegiatanId| {
                d.indikator
                    .iter()
                    .any(|i| matches!(&i.pemilik, Pemilik::Kegiatan(x) if x == g))
            };
            let beranggaran = |g: &kinerja_core::id::KegiatanId| {
                a.program
                    .iter()
                    .flat_map(|p| &p.kegiatan)
                    .any(|x| &x.kegiatan == g)
            };
            let n = d
                .kegiatan
                .iter()
                .filter(|g| {
                    progs.contains(&&g.program) && (beranggaran(&g.id) || berindikator(&g.id))
                })
                .count();
            angka(
                Decimal::from(n),
                format!("kegiatan ber-anggaran atau ber-indikator dari {dasar}"),
            )
        }
        (Subjek::Instansi, Ukuran::Capaian | Ukuran::Predikat) => {
            let p = k.pengukuran(tahun);
            let cs: Vec<Capaian> = p.baris.iter().map(|b| b.capaian).collect();
            match kinerja_core::capaian::rata_rata(&cs) {
                Some(c) if t.ukuran == Ukuran::Capaian => {
                    angka(c, "rata-rata capaian seluruh indikator sasaran")
                }
                Some(c) => Dihitung::Teks(
                    k.ix.skala.predikat(c).label,
                    "predikat rata-rata capaian seluruh indikator".into(),
                ),
                None => tidak("tidak ada capaian yang terhitung"),
            }
        }
        (Subjek::Indikator(i), u) => {
            let Some(ind) = k.ix.indikator(i) else {
                return tidak("indikator tidak ada");
            };
            match u {
                Ukuran::Target => match k
                    .ix
                    .target_pengukuran(i, tahun)
                    .and_then(|x| x.nilai.angka_setara())
                {
                    Some(v) => angka(v, "target pengukuran tahun ini"),
                    None => tidak("tidak ada target berangka untuk tahun ini"),
                },
                Ukuran::Realisasi => match k
                    .ix
                    .realisasi_tahunan(ind, tahun)
                    .and_then(|r| r.nilai.angka_setara())
                {
                    Some(v) => angka(v, format!("realisasi {tahun} dalam data")),
                    None => tidak(format!("tidak ada realisasi berangka untuk {tahun}")),
                },
                Ukuran::Capaian | Ukuran::Predikat => {
                    let target = k.ix.target_pengukuran(i, tahun).map(|x| &x.nilai);
                    let r = k.ix.realisasi_tahunan(ind, tahun);
                    let c = k.ix.capaian(ind, target, r.as_ref().map(|r| &r.nilai));
                    match (u, c) {
                        (Ukuran::Capaian, Capaian::Ada { persen, .. }) => {
                            angka(persen, "realisasi dibanding target")
                        }
                        (Ukuran::Predikat, Capaian::Ada { persen, .. }) => Dihitung::Teks(
                            k.ix.skala.predikat(persen).label,
                            format!(
                                "capaian {} pada skala {}",
                                kinerja_core::angka::format_persen(persen, 2),
                                k.ix.skala.nama
                            ),
                        ),
                        (_, Capaian::TidakTersedia { alasan }) => tidak(alasan.pesan()),
                        _ => tidak("-"),
                    }
                }
                Ukuran::TargetAkhir => match pengukuran::tingkat_kemajuan(&k.ix, ind, tahun)
                    .target_akhir
                    .and_then(|t| t.angka_setara())
                {
                    Some(v) => angka(v, "target tahun terakhir Renstra"),
                    None => tidak("target akhir Renstra tidak tersedia"),
                },
                Ukuran::TingkatKemajuan => match pengukuran::tingkat_kemajuan(&k.ix, ind, tahun)
                    .kemajuan
                {
                    Capaian::Ada { persen, .. } if matches!(t.nilai, NilaiTercatat::Teks(_)) => {
                        Dihitung::Teks(
                            k.ix.skala.predikat(persen).label,
                            format!(
                                "tingkat kemajuan {}",
                                kinerja_core::angka::format_persen(persen, 2)
                            ),
                        )
                    }
                    Capaian::Ada { persen, .. } => {
                        angka(persen, "realisasi dibanding target akhir Renstra")
                    }
                    Capaian::TidakTersedia { alasan } => tidak(alasan.pesan()),
                },
                Ukuran::Nasional | Ukuran::SelisihNasional => {
                    let b = pengukuran::bandingkan(&k.ix, ind, tahun, "nasional");
                    match (u, b.pembanding.and_then(|n| n.angka_setara()), b.selisih) {
                        (Ukuran::Nasional, Some(n), _) => angka(n, "angka nasional dalam data"),
                        (Ukuran::SelisihNasional, _, Some(s)) => {
                            angka(s, "realisasi dikurangi angka nasional")
                        }
                        _ => tidak("angka nasional tidak tersedia dalam data"),
                    }
                }
                _ => tidak("ukuran ini tidak berlaku untuk indikator"),
            }
        }
        (Subjek::UnsurSkm { survei, nomor }, u) => {
            let Some(s) = d.skm.iter().find(|x| &x.id == survei) else {
                return tidak("survei tidak ada");
            };
            let Some(regime) = Regime::dari_kode(&s.regime) else {
                return tidak(format!("regime SKM \"{}\" tidak dikenal", s.regime));
            };
            let skor = s
                .unsur
                .iter()
                .find(|x| x.nomor == *nomor)
                .and_then(|x| x.distribusi)
                .and_then(skor_distribusi);
            match (u, skor) {
                (Ukuran::SkorSkm, Some(v)) => angka(
                    v,
                    "(1 x %1 + 2 x %2 + 3 x %3 + 4 x %4) / 100 x 25 dari distribusi jawaban",
                ),
                (Ukuran::PredikatSkm, Some(v)) => Dihitung::Teks(
                    regime.klasifikasi(v).kinerja_unit.label().into(),
                    format!("skor {} pada tabel {}", format_angka(v, 2), regime.nama),
                ),
                (Ukuran::PredikatSkm, None) => match skor_tercatat(d, survei, *nomor) {
                    Some(v) => Dihitung::Teks(
                        regime.klasifikasi(v).kinerja_unit.label().into(),
                        format!(
                            "skor tercatat {} pada tabel {} (tanpa distribusi)",
                            format_angka(v, v.scale()),
                            regime.nama
                        ),
                    ),
                    None => tidak("unsur ini tidak memiliki distribusi jawaban maupun skor"),
                },
                _ => tidak("unsur ini tidak memiliki distribusi jawaban"),
            }
        }
        (Subjek::Survei(survei), u) => {
            let Some(s) = d.skm.iter().find(|x| &x.id == survei) else {
                return tidak("survei tidak ada");
            };
            let Some(regime) = Regime::dari_kode(&s.regime) else {
                return tidak(format!("regime SKM \"{}\" tidak dikenal", s.regime));
            };
            // Per unsur: the score from its distribution, else its stated score.
            let mut dari_dist = 0;
            let mut skor = Vec::new();
            for un in &s.unsur {
                if let Some(v) = un.distribusi.and_then(skor_distribusi) {
                    dari_dist += 1;
                    skor.push(v);
                } else if let Some(v) = skor_tercatat(d, survei, un.nomor) {
                    skor.push(v);
                }
            }
            if skor.len() != s.unsur.len() || skor.is_empty() {
                return tidak("tidak semua unsur memiliki distribusi atau skor");
            }
            let rata = skor.iter().sum::<Decimal>() / Decimal::from(skor.len());
            let cara = format!(
                "rata-rata skor {} unsur ({} dari distribusi jawaban, {} dari skor tercatat)",
                skor.len(),
                dari_dist,
                skor.len() - dari_dist
            );
            match u {
                Ukuran::SkorSkm | Ukuran::Realisasi | Ukuran::Capaian => angka(rata, cara),
                Ukuran::PredikatSkm | Ukuran::Predikat => {
                    Dihitung::Teks(regime.klasifikasi(rata).kinerja_unit.label().into(), cara)
                }
                _ => tidak("ukuran ini tidak berlaku untuk survei"),
            }
        }
        _ => tidak("ukuran ini tidak berlaku untuk subjek ini"),
    }
}

/// The seed's per-unsur score: (1 p1 + 2 p2 + 3 p3 + 4 p4) / (p1 + ... + p4) x 25.
fn skor_distribusi(p: [Decimal; 4]) -> Option<Decimal> {
    let total: Decimal = p.iter().sum();
    if total.is_zero() {
        return None;
    }
    let bobot: Decimal = p.iter().zip(1..).map(|(x, k)| *x * Decimal::from(k)).sum();
    Some(bobot / total * dec!(25))
}

fn skor_tercatat(
    d: &DataInstansi,
    survei: &kinerja_core::id::SurveiId,
    nomor: u32,
) -> Option<Decimal> {
    d.tercatat
        .iter()
        .find_map(|t| match (&t.subjek, &t.ukuran, &t.nilai) {
            (
                Subjek::UnsurSkm {
                    survei: s,
                    nomor: n,
                },
                Ukuran::SkorSkm,
                NilaiTercatat::Angka(v),
            ) if s == survei && *n == nomor => Some(*v),
            _ => None,
        })
}

fn aturan_untuk(u: &Ukuran, s: &Subjek) -> &'static str {
    match (s, u) {
        (Subjek::Survei(_) | Subjek::UnsurSkm { .. }, _) => "SKM-HITUNG-ULANG",
        (_, Ukuran::Pagu | Ukuran::RealisasiAnggaran | Ukuran::Serapan | Ukuran::Proporsi) => {
            "ANGGARAN-TERCATAT"
        }
        (_, Ukuran::Capaian | Ukuran::Predikat) => "CAPAIAN-TERCATAT",
        (
            _,
            Ukuran::JumlahSasaran
            | Ukuran::JumlahIndikator
            | Ukuran::JumlahIndikatorBerpredikat(_)
            | Ukuran::JumlahProgram
            | Ukuran::JumlahKegiatan,
        ) => "JUMLAH-DALAM-TEKS",
        _ => "PENGUKURAN-TERCATAT",
    }
}

fn nilai_teks(v: &NilaiTercatat) -> String {
    match v {
        NilaiTercatat::Angka(d) => format_angka(*d, d.scale()),
        NilaiTercatat::Teks(s) => format!("\"{s}\""),
    }
}

pub(crate) fn periksa(k: &Konteks, out: &mut Vec<Temuan>) {
    for t in &k.data.tercatat {
        let tahun = t.tahun.unwrap_or(k.tahun);
        let subjek = teks_subjek(k, &t.subjek);
        let ukuran = teks_ukuran(&t.ukuran);
        let tertulis = t
            .tertulis
            .as_ref()
            .map(|w| format!(" (tertulis \"{w}\")"))
            .unwrap_or_default();
        let mut temuan = |aturan: &str, tingkat, pesan: String, tercatat, dihitung, pembulatan| {
            out.push(Temuan {
                aturan: aturan.into(),
                tingkat,
                lokasi: lokasi(t),
                pesan,
                tercatat,
                dihitung,
                pembulatan,
                kunci: kunci(t),
                diterima: None,
            })
        };
        if let Subjek::Label(l) = &t.subjek {
            temuan(
                "BARIS-TANPA-RUJUKAN",
                Tingkat::Galat,
                format!(
                    "{ukuran} {}{tertulis} tercatat untuk \"{l}\", yang bukan sasaran atau indikator dalam Renstra maupun Perjanjian Kinerja",
                    nilai_teks(&t.nilai)
                ),
                angka_dari(&t.nilai),
                None,
                None,
            );
            continue;
        }
        let aturan = aturan_untuk(&t.ukuran, &t.subjek);
        // A value printed with a label ("B 91,51 %") is compared on its number.
        let nilai = match &t.nilai {
            NilaiTercatat::Teks(s) => match kinerja_core::nilai::Nilai::parse(s)
                .ok()
                .and_then(|n| n.angka_setara())
            {
                Some(v) => NilaiTercatat::Angka(v),
                None => t.nilai.clone(),
            },
            v => v.clone(),
        };
        let tertulis = match (&t.nilai, &nilai, tertulis.is_empty()) {
            (NilaiTercatat::Teks(s), NilaiTercatat::Angka(_), true) => {
                format!(" (tertulis \"{s}\")")
            }
            _ => tertulis,
        };
        match (hitung(k, t, tahun), &nilai) {
            (Dihitung::TidakDapat(alasan), v) => temuan(
                aturan,
                Tingkat::Info,
                format!(
                    "{ukuran} {subjek} tercatat {}{tertulis}; tidak dapat dihitung ulang: {alasan}",
                    nilai_teks(v)
                ),
                angka_dari(v),
                None,
                None,
            ),
            (Dihitung::Angka(h, cara), NilaiTercatat::Angka(s)) => {
                let dp = s.scale();
                if bulatkan(h, dp) != s.normalize() && bulatkan(h, dp) != *s {
                    temuan(
                        aturan,
                        Tingkat::Galat,
                        format!(
                            "{ukuran} {subjek} tercatat {}{tertulis}, dihitung {} ({cara})",
                            format_angka(*s, dp),
                            format_angka(h, if h.fract().is_zero() { 0 } else { dp.max(2) }),
                        ),
                        Some(*s),
                        Some(h),
                        Some(format!(
                            "dibandingkan setelah dibulatkan ke {dp} desimal (setengah menjauhi nol), sesuai presisi angka tercatat"
                        )),
                    );
                }
            }
            (Dihitung::Teks(h, cara), NilaiTercatat::Teks(s)) => {
                if !h.trim().eq_ignore_ascii_case(s.trim()) {
                    temuan(
                        aturan,
                        Tingkat::Galat,
                        format!(
                            "{ukuran} {subjek} tercatat \"{s}\"{tertulis}, seharusnya \"{h}\" ({cara})"
                        ),
                        None,
                        None,
                        None,
                    );
                }
            }
            (Dihitung::Angka(h, cara), NilaiTercatat::Teks(s)) => temuan(
                aturan,
                Tingkat::Peringatan,
                format!(
                    "{ukuran} {subjek} tercatat sebagai teks \"{s}\"{tertulis}, padahal dapat dihitung: {} ({cara})",
                    format_angka(h, 2)
                ),
                None,
                Some(h),
                None,
            ),
            (Dihitung::Teks(h, cara), NilaiTercatat::Angka(s)) => temuan(
                aturan,
                Tingkat::Peringatan,
                format!(
                    "{ukuran} {subjek} tercatat sebagai angka {}{tertulis}; dihitung \"{h}\" ({cara})",
                    format_angka(*s, s.scale())
                ),
                Some(*s),
                None,
                None,
            ),
        }
    }
    jumlah_bagian(k, out);
}

fn angka_dari(v: &NilaiTercatat) -> Option<Decimal> {
    match v {
        NilaiTercatat::Angka(d) => Some(*d),
        NilaiTercatat::Teks(_) => None,
    }
}

/// Stated totals against the sum of their stated parts, within one table.
fn jumlah_bagian(k: &Konteks, out: &mut Vec<Temuan>) {
    let d = k.data;
    // (dokumen, bagian, ukuran, tahun) -> stated figures of that table.
    let mut tabel: HashMap<(&str, &str, &Ukuran, Option<Tahun>), Vec<&Tercatat>> = HashMap::new();
    for t in &d.tercatat {
        if matches!(t.ukuran, Ukuran::Pagu | Ukuran::RealisasiAnggaran)
            && matches!(t.nilai, NilaiTercatat::Angka(_))
        {
            tabel
                .entry((&t.lokasi.dokumen, &t.lokasi.bagian, &t.ukuran, t.tahun))
                .or_default()
                .push(t);
        }
    }
    let program_kegiatan = |p: &kinerja_core::id::ProgramId| -> Vec<Subjek> {
        d.kegiatan
            .iter()
            .filter(|g| &g.program == p)
            .map(|g| Subjek::Kegiatan(g.id.clone()))
            .collect()
    };
    let mut kunci_tabel: Vec<_> = tabel.keys().copied().collect();
    kunci_tabel.sort_by_key(|(a, b, u, t)| (a.to_string(), b.to_string(), teks_ukuran(u), *t));
    for key in kunci_tabel {
        let isi = &tabel[&key];
        let cari = |s: &Subjek| {
            isi.iter()
                .find(|t| &t.subjek == s)
                .and_then(|t| angka_dari(&t.nilai))
        };
        let ada_program = isi.iter().any(|t| matches!(t.subjek, Subjek::Program(_)));
        for induk in isi {
            let anak: Vec<Subjek> = match &induk.subjek {
                Subjek::Program(p) => program_kegiatan(p),
                Subjek::Belanja(JenisBelanja::Langsung) | Subjek::Instansi if ada_program => isi
                    .iter()
                    .filter(|t| matches!(t.subjek, Subjek::Program(_)))
                    .map(|t| t.subjek.clone())
                    .collect(),
                Subjek::Belanja(JenisBelanja::Langsung) => vec![
                    Subjek::Belanja(JenisBelanja::LangsungPegawai),
                    Subjek::Belanja(JenisBelanja::LangsungBarangJasa),
                    Subjek::Belanja(JenisBelanja::LangsungModal),
                ],
                Subjek::Instansi => vec![
                    Subjek::Belanja(JenisBelanja::TidakLangsung),
                    Subjek::Belanja(JenisBelanja::Langsung),
                ],
                _ => continue,
            };
            let nilai: Vec<Decimal> = anak.iter().filter_map(cari).collect();
            // Only where the table states at least two parts: a lone part is not a breakdown.
            if nilai.len() < 2 {
                continue;
            }
            let jumlah: Decimal = nilai.iter().sum();
            let Some(total) = angka_dari(&induk.nilai) else {
                continue;
            };
            if jumlah != total {
                let ukuran = teks_ukuran(key.2);
                out.push(Temuan {
                    aturan: "JUMLAH-TABEL".into(),
                    tingkat: Tingkat::Galat,
                    lokasi: lokasi(induk),
                    pesan: format!(
                        "{ukuran} {} tercatat {}, sedangkan jumlah {} rinciannya yang tercatat di tabel yang sama adalah {}",
                        teks_subjek(k, &induk.subjek),
                        format_angka(total, 2),
                        nilai.len(),
                        format_angka(jumlah, 2)
                    ),
                    tercatat: Some(total),
                    dihitung: Some(jumlah),
                    pembulatan: Some("tanpa pembulatan (jumlah uang harus tepat)".into()),
                    kunci: format!("{}/jumlah", kunci(induk)),
                    diterima: None,
                });
            }
        }
    }
}
