//! The Laporan Hasil Evaluasi (LHE) of an Evaluasi AKIP: the score per component and
//! sub-component, the total and its grade, the findings (kerangka logis, unanswered criteria),
//! the recommendations, and the worksheet itself as an annex with the columns evaluators use.
//! Every figure is `kinerja_evaluasi`'s; this module only lays them out.

use super::sel::{bab, baris, baris_tebal, judul, kolom};
use crate::dokumen::*;
use kinerja_evaluasi::HasilEvaluasi;
use kinerja_evaluasi::skor::NilaiJawaban;
use rust_decimal::Decimal;

/// What the LHE needs besides the scores: who was evaluated, and who signs.
#[derive(Debug, Clone)]
pub struct LaporanEvaluasi<'a> {
    pub hasil: &'a HasilEvaluasi,
    /// "Kecamatan Mumbulsari"
    pub instansi: String,
    pub induk: Option<String>,
    pub tempat_tanggal: Option<String>,
    pub penandatangan: Option<TandaTangan>,
    pub sidik: String,
    pub versi: String,
}

/// The columns of the annex, as evaluators' recap worksheets have them.
pub const KOLOM_LKE: [&str; 11] = [
    "No",
    "Komponen",
    "Sub komponen",
    "Kriteria",
    "Bobot",
    "Jawaban OPD",
    "Nilai OPD",
    "Jawaban evaluator",
    "Nilai evaluator",
    "Catatan",
    "Rekomendasi",
];

fn angka(n: Decimal) -> Sel {
    Sel::Angka {
        nilai: n,
        desimal: 2,
    }
}

fn p(teks: impl Into<String>) -> Blok {
    Blok::Paragraf { teks: teks.into() }
}

fn predikat(n: Decimal) -> String {
    let g = kinerja_evaluasi::Predikat::dari(n);
    format!(
        "{} ({}, {})",
        kinerja_core::angka::format_angka(n, 2),
        g.kode(),
        g.arti()
    )
}

pub fn susun_evaluasi(l: &LaporanEvaluasi) -> Dokumen {
    let h = l.hasil;
    let tahun = h.tahun.get();
    Dokumen {
        judul: "LAPORAN HASIL EVALUASI AKUNTABILITAS KINERJA".into(),
        instansi: l.instansi.to_uppercase(),
        induk: l.induk.as_ref().map(|s| s.to_uppercase()),
        tahun,
        tempat_tanggal: l.tempat_tanggal.clone(),
        penandatangan: l.penandatangan.clone(),
        sidik: l.sidik.clone(),
        versi: l.versi.clone(),
        draf: None,
        bab: vec![ringkasan(l), bab1(h), bab2(h), lampiran(h)],
        logo: None,
    }
}

fn ringkasan(l: &LaporanEvaluasi) -> Bab {
    let h = l.hasil;
    let mut isi = vec![
        p(format!(
            "Evaluasi akuntabilitas kinerja {} tahun {} dengan {} menghasilkan nilai {}.",
            l.instansi,
            h.tahun.get(),
            h.lke,
            predikat(h.total.evaluator)
        )),
        p(format!(
            "Penilaian mandiri {} memberi nilai {}. Yang dipakai adalah nilai evaluator.",
            l.instansi,
            predikat(h.total.opd)
        )),
    ];
    let mut b: Vec<Baris> = h
        .komponen
        .iter()
        .map(|k| {
            baris(vec![
                Sel::teks(k.id.clone()),
                Sel::teks(k.nama.clone()),
                angka(k.bobot),
                angka(k.nilai.opd),
                angka(k.nilai.evaluator),
            ])
        })
        .collect();
    b.push(baris_tebal(vec![
        Sel::Kosong,
        Sel::teks("Nilai akuntabilitas kinerja"),
        angka(Decimal::ONE_HUNDRED),
        angka(h.total.opd),
        angka(h.total.evaluator),
    ]));
    isi.push(Blok::Tabel(Tabel {
        nama: "Ringkasan".into(),
        judul: format!("Nilai per komponen tahun {}", h.tahun.get()),
        kolom: vec![
            kolom("No", 3, false),
            kolom("Komponen", 30, false),
            kolom("Bobot", 8, true),
            kolom("Nilai OPD", 9, true),
            kolom("Nilai evaluator", 9, true),
        ],
        baris: b,
        catatan: Some(
            "Predikat PermenPANRB 88/2021 dibaca pada nilai tercetak (2 desimal): AA >90-100, A >80-90, BB >70-80, B >60-70, CC >50-60, C >30-50, D 0-30."
                .into(),
        ),
    }));
    Bab {
        jenis: JenisBab::Awal,
        nomor: None,
        judul: "RINGKASAN".into(),
        lanskap: false,
        isi,
    }
}

fn bab1(h: &HasilEvaluasi) -> Bab {
    let mut b = Vec::new();
    for k in &h.komponen {
        b.push(baris_tebal(vec![
            Sel::teks(k.id.clone()),
            Sel::teks(k.nama.clone()),
            Sel::Kosong,
            angka(k.bobot),
            angka(k.nilai.opd),
            angka(k.nilai.evaluator),
            Sel::Kosong,
        ]));
        for s in &k.sub {
            b.push(baris(vec![
                Sel::teks(s.id.clone()),
                Sel::teks(s.nama.clone()),
                Sel::teks(s.jenis.label()),
                angka(s.bobot),
                angka(s.nilai.opd),
                angka(s.nilai.evaluator),
                Sel::Persen(s.persen.evaluator),
            ]));
        }
    }
    bab(
        "I",
        "HASIL EVALUASI",
        vec![Blok::Tabel(Tabel {
            nama: "Tabel 1.1".into(),
            judul: "Tabel 1.1 Nilai per komponen dan sub komponen".into(),
            kolom: vec![
                kolom("No", 4, false),
                kolom("Komponen / sub komponen", 40, false),
                kolom("Jenis", 10, false),
                kolom("Bobot", 7, true),
                kolom("Nilai OPD", 8, true),
                kolom("Nilai evaluator", 8, true),
                kolom("% evaluator", 8, true),
            ],
            baris: b,
            catatan: Some(
                "Nilai sub komponen = rata-rata tertimbang nilai kriterianya (jawaban / nilai tertinggi skala) x bobot sub komponen; komponen = jumlah sub komponennya."
                    .into(),
            ),
        })],
    )
}

fn bab2(h: &HasilEvaluasi) -> Bab {
    let mut isi = vec![judul(1, "A. Temuan")];
    if h.temuan.is_empty() {
        isi.push(p("Tidak ada temuan."));
    } else {
        isi.push(Blok::Daftar {
            bernomor: true,
            butir: h.temuan.iter().map(|t| t.pesan()).collect(),
        });
    }
    isi.push(judul(1, "B. Rekomendasi"));
    let rek: Vec<String> = h
        .kriteria()
        .filter_map(|(_, _, c)| {
            c.rekomendasi
                .as_ref()
                .map(|r| format!("{} ({}): {r}", c.id, c.uraian))
        })
        .collect();
    if rek.is_empty() {
        isi.push(p("Tidak ada rekomendasi."));
    } else {
        isi.push(Blok::Daftar {
            bernomor: true,
            butir: rek,
        });
    }
    isi.push(judul(1, "C. Usulan dari data"));
    let usulan: Vec<String> = h
        .kriteria()
        .filter_map(|(_, _, c)| {
            let u = c.usulan.as_ref()?;
            let usul = u.jawaban.as_deref().unwrap_or("tidak ada");
            let ev = c
                .evaluator
                .as_ref()
                .map(|e| e.kode.as_str())
                .unwrap_or("belum dijawab");
            Some(format!(
                "{}: usulan {usul} ({} dari {} butir terpenuhi), jawaban evaluator {ev}{}. {}",
                c.id,
                u.ya,
                u.dari,
                if u.jawaban.as_deref().is_some_and(|x| x != ev) {
                    " (mengganti usulan)"
                } else {
                    ""
                },
                u.alasan.join("; ")
            ))
        })
        .collect();
    if usulan.is_empty() {
        isi.push(p("Lembar kerja tidak memuat pemeriksaan data."));
    } else {
        isi.push(Blok::Daftar {
            bernomor: true,
            butir: usulan,
        });
    }
    let lalu = h.tahun.get() - 1;
    isi.push(judul(
        1,
        format!("D. Tindak lanjut rekomendasi evaluasi tahun {lalu}"),
    ));
    if h.rekomendasi_lalu.is_empty() {
        isi.push(p(format!(
            "Data tidak memuat rekomendasi evaluasi tahun {lalu}."
        )));
    } else {
        isi.push(Blok::Tabel(Tabel {
            nama: "Tabel 2.1".into(),
            judul: format!("Tabel 2.1 Tindak lanjut rekomendasi evaluasi tahun {lalu}"),
            kolom: vec![
                kolom("Kriteria", 6, false),
                kolom("Rekomendasi", 40, false),
                kolom("Status", 10, false),
                kolom("Uraian tindak lanjut", 30, false),
            ],
            baris: h
                .rekomendasi_lalu
                .iter()
                .map(|r| {
                    baris(vec![
                        Sel::teks(r.kriteria.clone()),
                        Sel::teks(r.rekomendasi.clone()),
                        Sel::teks(status(r.status)),
                        Sel::teks(r.uraian.clone().unwrap_or_default()),
                    ])
                })
                .collect(),
            catatan: None,
        }));
    }
    bab("II", "TEMUAN DAN REKOMENDASI", isi)
}

/// A follow-up's status as the report prints it.
pub fn status(s: Option<kinerja_core::model::StatusTindakLanjut>) -> &'static str {
    use kinerja_core::model::StatusTindakLanjut::*;
    match s {
        Some(Selesai) => "Selesai",
        Some(Berjalan) => "Dalam proses",
        Some(TidakDilaksanakan) => "Tidak dilaksanakan",
        Some(Rencana) | None => "Belum ditindaklanjuti",
    }
}

fn jawab(j: &Option<NilaiJawaban>) -> (Sel, Sel) {
    match j {
        Some(j) => (Sel::teks(j.kode.clone()), angka(j.poin)),
        None => (Sel::teks("-"), Sel::Kosong),
    }
}

fn lampiran(h: &HasilEvaluasi) -> Bab {
    let mut b = Vec::new();
    for (n, (k, s, c)) in h.kriteria().enumerate() {
        let (jo, no) = jawab(&c.opd);
        let (je, ne) = jawab(&c.evaluator);
        b.push(baris(vec![
            Sel::teks((n + 1).to_string()),
            Sel::teks(format!("{} {}", k.id, k.nama)),
            Sel::teks(format!("{} {}", s.id, s.nama)),
            Sel::teks(format!("{} {}", c.id, c.uraian)),
            angka(c.poin),
            jo,
            no,
            je,
            ne,
            Sel::teks(
                c.evaluator
                    .as_ref()
                    .and_then(|e| e.catatan.clone())
                    .unwrap_or_default(),
            ),
            Sel::teks(c.rekomendasi.clone().unwrap_or_default()),
        ]));
    }
    b.push(baris_tebal(vec![
        Sel::Kosong,
        Sel::teks("Jumlah"),
        Sel::Kosong,
        Sel::Kosong,
        angka(Decimal::ONE_HUNDRED),
        Sel::Kosong,
        angka(h.total.opd),
        Sel::Kosong,
        angka(h.total.evaluator),
        Sel::Kosong,
        Sel::Kosong,
    ]));
    let lebar = [3, 12, 16, 30, 6, 6, 6, 6, 6, 20, 20];
    Bab {
        jenis: JenisBab::Lampiran,
        nomor: Some("1".into()),
        judul: "LEMBAR KERJA EVALUASI".into(),
        lanskap: true,
        isi: vec![Blok::Tabel(Tabel {
            nama: "Lampiran 1".into(),
            judul: format!("Lampiran 1 Lembar Kerja Evaluasi tahun {}", h.tahun.get()),
            kolom: KOLOM_LKE
                .iter()
                .zip(lebar)
                .enumerate()
                .map(|(i, (j, w))| kolom(j, w, matches!(i, 4 | 6 | 8)))
                .collect(),
            baris: b,
            catatan: Some(
                "Bobot dan nilai dalam poin dari 100: bobot kriteria = bobot sub komponen x bagian kriteria; nilai = bobot x jawaban / nilai tertinggi skala. Dicetak 2 desimal; jumlahnya dihitung dari nilai tepat."
                    .into(),
            ),
        })],
    }
}

/// The region's recap: one row per evaluated instansi (rank, name, each component's score, the
/// total and its grade), ranked by `kinerja_evaluasi::rekap`.
pub fn susun_rekap_evaluasi(
    r: &kinerja_evaluasi::Rekap,
    wilayah: &str,
    tahun: u16,
    sidik: String,
    versi: String,
) -> Dokumen {
    let mut kol = vec![kolom("Peringkat", 5, true), kolom("Instansi", 24, false)];
    kol.extend(r.komponen.iter().map(|k| kolom(k, 10, true)));
    kol.push(kolom("Nilai", 8, true));
    kol.push(kolom("Predikat", 8, false));
    let b = r
        .baris
        .iter()
        .map(|x| {
            let mut sel = vec![
                Sel::teks(x.peringkat.to_string()),
                Sel::teks(x.instansi.clone()),
            ];
            sel.extend(x.komponen.iter().map(|n| angka(*n)));
            sel.push(angka(x.total));
            sel.push(Sel::teks(format!(
                "{} ({})",
                x.predikat.kode(),
                x.predikat.arti()
            )));
            baris(sel)
        })
        .collect();
    Dokumen {
        judul: "REKAPITULASI HASIL EVALUASI AKUNTABILITAS KINERJA".into(),
        instansi: wilayah.to_uppercase(),
        induk: None,
        tahun,
        tempat_tanggal: None,
        penandatangan: None,
        sidik,
        versi,
        draf: None,
        bab: vec![Bab {
            jenis: JenisBab::Lampiran,
            nomor: Some("1".into()),
            judul: "REKAPITULASI NILAI".into(),
            lanskap: true,
            isi: vec![Blok::Tabel(Tabel {
                nama: "Rekap".into(),
                judul: format!("Rekapitulasi nilai evaluasi tahun {tahun}"),
                kolom: kol,
                baris: b,
                catatan: Some(
                    "Nilai evaluator per komponen. Peringkat menurut nilai tercetak (2 desimal); nilai tercetak sama berbagi peringkat."
                        .into(),
                ),
            })],
        }],
        logo: None,
    }
}

/// A year's evaluation as every door computes it: the answers read against the worksheet
/// (refused, with their rows, when off its scales), and the proposals from the data with the
/// year's reviu (built-in rules) for its open errors.
pub fn hitung_evaluasi(
    d: &kinerja_core::model::DataInstansi,
    tahun: kinerja_core::waktu::Tahun,
    lke: &kinerja_evaluasi::Lke,
) -> Result<HasilEvaluasi, Vec<kinerja_evaluasi::GalatJawaban>> {
    let lembar = kinerja_evaluasi::jawaban::baca(lke, d, tahun)?;
    Ok(kinerja_evaluasi::nilai(
        &lembar,
        &usulan_evaluasi(d, tahun, lke),
    ))
}

/// The proposals from the data, with the year's reviu run for its open errors.
pub fn usulan_evaluasi(
    d: &kinerja_core::model::DataInstansi,
    tahun: kinerja_core::waktu::Tahun,
    lke: &kinerja_evaluasi::Lke,
) -> Vec<kinerja_evaluasi::Usulan> {
    let galat = kinerja_reviu::periksa(d, tahun, &[])
        .iter()
        .filter(|t| t.tingkat == kinerja_reviu::Tingkat::Galat && t.terbuka())
        .count();
    kinerja_evaluasi::usulkan(
        lke,
        d,
        tahun,
        &kinerja_evaluasi::KonteksUsulan {
            galat_reviu_terbuka: Some(galat),
        },
    )
}

/// The Laporan Hasil Evaluasi of `instansi` from its data and the worksheet's text (both part
/// of the fingerprint).
pub fn dokumen_evaluasi(
    d: &kinerja_core::model::DataInstansi,
    instansi: Option<&kinerja_core::id::InstansiId>,
    h: &HasilEvaluasi,
    lke_teks: &str,
) -> Dokumen {
    let ins = instansi.and_then(|id| d.instansi.iter().find(|i| &i.id == id));
    let induk = ins
        .and_then(|i| i.induk.as_ref())
        .and_then(|id| d.instansi.iter().find(|i| &i.id == id))
        .map(|i| i.nama.clone());
    let data = toml::to_string(d).unwrap_or_default();
    susun_evaluasi(&LaporanEvaluasi {
        hasil: h,
        instansi: ins.map(|i| i.nama.clone()).unwrap_or_default(),
        induk,
        tempat_tanggal: None,
        penandatangan: None,
        sidik: crate::sidik_bait(&[data.as_bytes(), lke_teks.as_bytes()]),
        versi: env!("CARGO_PKG_VERSION").into(),
    })
}
