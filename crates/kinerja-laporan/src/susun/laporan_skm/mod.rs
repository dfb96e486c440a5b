//! The SKM report (PermenPANRB 14/2017: a survey's results are published with the plan to act on
//! them) as a [`Dokumen`], printed by the same renderers as the LKjIP: the method and period, the
//! sample and its adequacy (Krejcie-Morgan), the respondents' profile, NRR and score per unsur,
//! the IKM and mutu, the weakest unsur, the trend over earlier periods, and the Rencana Tindak
//! Lanjut (with the previous plan's follow-up).
//!
//! Every figure is the core's ([`HasilSkm`], computed from the answers); the text around them is
//! fixed wording or the instansi's own ([`LaporanSkm`]). An earlier period's index given only as
//! published (no answers kept) is printed as such, never mixed with a computed one unmarked.

use kinerja_core::angka::format_angka;
use kinerja_core::skm::{HasilSkm, Mutu};
use rust_decimal::Decimal;

mod dari_data;
mod hasil;
mod tindak_lanjut;

pub use dari_data::{GalatLaporanSkm, laporan_skm_dari_data};

use super::sel::{Nomor, bab, baris, judul, kolom};
use crate::dokumen::*;

/// One earlier period of the same survey.
#[derive(Debug, Clone, PartialEq)]
pub struct PeriodeSkm {
    /// "2023", "Semester II 2023".
    pub periode: String,
    /// The year, the position on the trend chart.
    pub tahun: u16,
    /// NIK (25-100).
    pub nik: Decimal,
    pub mutu: Mutu,
    pub responden: Option<u64>,
    /// Where the figure comes from: "dihitung dari skm-2023.csv", or "angka terbit" when only
    /// the published figure is known.
    pub sumber: String,
}

/// One action of the Rencana Tindak Lanjut.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct TindakLanjut {
    /// The unsur's code (`U9`).
    pub unsur: String,
    pub kegiatan: String,
    pub jadwal: String,
    pub penanggung_jawab: String,
    /// For a previous period's plan: what became of it ("selesai", "berjalan", ...).
    pub status: Option<String>,
}

/// Everything the SKM report prints.
#[derive(Debug, Clone)]
pub struct LaporanSkm {
    /// "Kecamatan Mumbulsari".
    pub instansi: String,
    pub induk: Option<String>,
    /// The service unit surveyed, when not the whole instansi.
    pub unit: Option<String>,
    /// "Januari - Desember 2024".
    pub periode: String,
    pub tahun: u16,
    /// How the answers were collected (the instansi's words).
    pub metode: Option<String>,
    /// The computed result, with the breakdowns per profile column and the sample check.
    pub hasil: HasilSkm,
    /// Earlier periods, oldest first.
    pub riwayat: Vec<PeriodeSkm>,
    pub tindak_lanjut: Vec<TindakLanjut>,
    /// The previous period's plan and what became of it.
    pub tindak_lanjut_lalu: Vec<TindakLanjut>,
    pub tempat_tanggal: Option<String>,
    pub penandatangan: Option<TandaTangan>,
    pub sidik: String,
    pub versi: String,
}

fn ribuan(n: u64) -> String {
    format_angka(Decimal::from(n), 0)
}

fn bulat(n: u64) -> Sel {
    Sel::Angka {
        nilai: Decimal::from(n),
        desimal: 0,
    }
}

fn desimal(nilai: Decimal, desimal: u32) -> Sel {
    Sel::Angka { nilai, desimal }
}

fn p(teks: impl Into<String>) -> Blok {
    Blok::Paragraf { teks: teks.into() }
}

/// The SKM report as a document.
pub fn susun_skm(l: &LaporanSkm) -> Dokumen {
    let h = &l.hasil;
    let siapa = match &l.unit {
        Some(u) => format!("{u} {}", l.instansi),
        None => l.instansi.clone(),
    };
    let mut penutup = bab5(l, &siapa);
    // The computation's own notes (inconsistent input the core noticed) close the report.
    for c in &h.catatan {
        penutup.isi.push(Blok::Catatan {
            teks: format!("Catatan perhitungan: {c}"),
        });
    }
    Dokumen {
        judul: "LAPORAN SURVEI KEPUASAN MASYARAKAT".into(),
        instansi: l.instansi.to_uppercase(),
        induk: l.induk.as_ref().map(|s| s.to_uppercase()),
        tahun: l.tahun,
        tempat_tanggal: l.tempat_tanggal.clone(),
        penandatangan: l.penandatangan.clone(),
        sidik: l.sidik.clone(),
        versi: l.versi.clone(),
        // The SKM report has no reviu gate: it is a final document.
        draf: None,
        bab: vec![
            ringkasan(l, &siapa),
            bab1(l, &siapa),
            bab2(l),
            hasil::bab3(l),
            tindak_lanjut::bab4(l),
            penutup,
        ],
        logo: None,
    }
}

fn nik_mutu(h: &HasilSkm) -> String {
    format!(
        "{} (mutu {}, kinerja unit pelayanan {})",
        format_angka(h.nik, 2),
        h.mutu,
        h.kinerja_unit
    )
}

/// The weakest unsur: below the mean, lowest first (the core's order).
fn terlemah(h: &HasilSkm) -> Vec<&kinerja_core::skm::HasilUnsur> {
    h.di_bawah_rata_rata
        .iter()
        .filter_map(|k| h.unsur.iter().find(|u| &u.kode == k))
        .collect()
}

fn ringkasan(l: &LaporanSkm, siapa: &str) -> Bab {
    let h = &l.hasil;
    let mut isi = vec![p(format!(
        "Survei Kepuasan Masyarakat pada {siapa} periode {} menurut {} memperoleh Indeks Kepuasan Masyarakat (nilai konversi) {}, dari {} responden.",
        l.periode,
        h.regime.nama,
        nik_mutu(h),
        h.responden
            .map_or("sejumlah yang tidak diketahui".into(), ribuan),
    ))];
    let lemah = terlemah(h);
    if let Some(u) = lemah.first() {
        isi.push(p(format!(
            "Unsur dengan nilai terendah adalah {} {} (skor {}); rencana tindak lanjut disusun untuk unsur di bawah rata-rata pada Bab IV.",
            u.kode,
            u.nama,
            format_angka(u.skor, 2)
        )));
    }
    Bab {
        jenis: JenisBab::Awal,
        nomor: None,
        judul: "RINGKASAN".into(),
        lanskap: false,
        isi,
    }
}

fn bab1(l: &LaporanSkm, siapa: &str) -> Bab {
    bab(
        "I",
        "PENDAHULUAN",
        vec![
            judul(1, "A. Latar Belakang"),
            p(
                "Undang-Undang Nomor 25 Tahun 2009 tentang Pelayanan Publik mewajibkan penyelenggara pelayanan publik menilai kinerja pelayanannya secara berkala. Peraturan Menteri PANRB Nomor 14 Tahun 2017 tentang Pedoman Penyusunan Survei Kepuasan Masyarakat Unit Penyelenggara Pelayanan Publik menetapkan bahwa survei dilakukan paling sedikit satu kali setahun, hasilnya dipublikasikan, dan ditindaklanjuti.",
            ),
            judul(1, "B. Maksud dan Tujuan"),
            p(format!(
                "Survei ini mengukur kepuasan pengguna layanan {siapa} periode {} terhadap unsur-unsur pelayanan, menemukan unsur yang perlu diperbaiki, dan menjadi dasar rencana tindak lanjut.",
                l.periode
            )),
        ],
    )
}

fn bab2(l: &LaporanSkm) -> Bab {
    let h = &l.hasil;
    let mut no = Nomor::bab("2");
    let mut isi = vec![judul(1, "A. Kuesioner dan Unsur Pelayanan")];
    isi.push(p(format!(
        "Kuesioner mengikuti {} dengan {} unsur. Setiap pertanyaan dijawab dengan empat pilihan yang diberi nilai 1 (tidak baik) sampai 4 (sangat baik); setiap unsur berbobot sama ({}).",
        h.regime.nama,
        h.unsur.len(),
        h.bobot.tertulis
    )));
    isi.push(
        no.tabel(
            "Unsur pelayanan",
            vec![kolom("Kode", 1, false), kolom("Unsur", 8, false)],
            h.unsur
                .iter()
                .map(|u| baris(vec![Sel::teks(&u.kode), Sel::teks(&u.nama)]))
                .collect(),
            None,
        ),
    );
    isi.push(judul(1, "B. Periode dan Pengumpulan Data"));
    isi.push(p(format!("Periode survei: {}.", l.periode)));
    if let Some(m) = &l.metode {
        isi.extend(super::sel::paragraf(m));
    }
    isi.push(judul(1, "C. Sampel"));
    isi.push(p(match (&h.sampel, h.responden) {
        (Some(s), Some(r)) => format!(
            "Jumlah responden {}. Populasi penerima layanan {} memerlukan sampel minimal {} responden menurut tabel Krejcie dan Morgan yang dimuat PermenPANRB 14/2017 (S = X² N P(1-P) / (d² (N-1) + X² P(1-P)), X² = 3,841, P = 0,5, d = 0,05); sampel {}.",
            ribuan(r),
            ribuan(s.populasi),
            ribuan(s.minimum),
            if s.cukup == Some(true) {
                "mencukupi"
            } else {
                "TIDAK mencukupi, sehingga hasilnya belum mewakili populasi"
            }
        ),
        (None, Some(r)) => format!(
            "Jumlah responden {}. Populasi penerima layanan tidak dinyatakan, sehingga kecukupan sampel (Krejcie dan Morgan) tidak dapat diperiksa.",
            ribuan(r)
        ),
        _ => "Jumlah responden: data tidak tersedia.".into(),
    }));
    isi.push(judul(1, "D. Pengolahan Data"));
    isi.push(p(
        "Nilai rata-rata (NRR) tiap unsur = jumlah nilai jawaban dibagi jumlah responden. Indeks Kepuasan Masyarakat (IKM) = jumlah NRR x bobot; nilai konversi = IKM x 25. Mutu pelayanan dibaca dari tabel interval peraturan.",
    ));
    isi.push(
        no.tabel(
            &format!("Interval IKM dan mutu pelayanan ({})", h.regime.nama),
            vec![
                kolom("Nilai persepsi", 2, false),
                kolom("Nilai interval (NI)", 3, false),
                kolom("Nilai konversi (NIK)", 3, false),
                kolom("Mutu", 1, false),
                kolom("Kinerja unit", 3, false),
            ],
            h.regime
                .interval
                .iter()
                .enumerate()
                .map(|(i, x)| {
                    baris(vec![
                        Sel::teks((i + 1).to_string()),
                        Sel::teks(format!(
                            "{} - {}",
                            format_angka(x.ni_bawah, x.ni_bawah.scale()),
                            format_angka(x.ni_atas, x.ni_atas.scale())
                        )),
                        Sel::teks(format!(
                            "{} - {}",
                            format_angka(x.nik_bawah, 2),
                            format_angka(x.nik_atas, 2)
                        )),
                        Sel::teks(x.mutu.to_string()),
                        Sel::teks(x.kinerja_unit.label()),
                    ])
                })
                .collect(),
            Some(h.pembulatan.clone()),
        ),
    );
    bab("II", "METODE SURVEI", isi)
}

fn bab5(l: &LaporanSkm, siapa: &str) -> Bab {
    let h = &l.hasil;
    let mut isi = vec![p(format!(
        "Indeks Kepuasan Masyarakat {siapa} periode {} adalah {}.",
        l.periode,
        nik_mutu(h)
    ))];
    let lemah = terlemah(h);
    if !lemah.is_empty() {
        isi.push(p(format!(
            "Perbaikan diprioritaskan pada {}.",
            lemah
                .iter()
                .map(|u| format!("{} ({})", u.nama, format_angka(u.skor, 2)))
                .collect::<Vec<_>>()
                .join(", ")
        )));
    }
    if let Some(t) = &l.penandatangan {
        isi.push(Blok::TandaTangan(TandaTangan {
            tempat_tanggal: l.tempat_tanggal.clone(),
            ..t.clone()
        }));
    }
    bab("V", "PENUTUP", isi)
}

#[cfg(test)]
mod tests {
    use super::*;
    use kinerja_core::skm::{DataUnsur, Kuesioner, Opsi, Regime, hitung};

    /// Nine unsur of 4 respondents each; U9 answered 1, 1, 2, 2 (NRR 1,5, score 37,5) is the
    /// weakest, U8 (2, 2, 3, 3: NRR 2,5, score 62,5) next; the others 4, 4, 3, 3 (NRR 3,5).
    fn hasil() -> HasilSkm {
        let mut data = vec![DataUnsur::Jumlah([0, 0, 2, 2]); 7];
        data.push(DataUnsur::Jumlah([0, 2, 2, 0]));
        data.push(DataUnsur::Jumlah([2, 2, 0, 0]));
        let k = Kuesioner::baku(Regime::permenpanrb_14_2017());
        let opsi = Opsi {
            populasi: Some(10),
            ..Opsi::default()
        };
        hitung(&k, &data, &opsi).unwrap()
    }

    fn laporan(riwayat: Vec<(u16, &str)>) -> LaporanSkm {
        LaporanSkm {
            instansi: "Kecamatan Contoh".into(),
            induk: None,
            unit: None,
            periode: "2024".into(),
            tahun: 2024,
            metode: None,
            hasil: hasil(),
            riwayat: riwayat
                .into_iter()
                .map(|(t, p)| PeriodeSkm {
                    periode: p.into(),
                    tahun: t,
                    nik: Decimal::from(70),
                    mutu: Mutu::C,
                    responden: None,
                    sumber: "angka terbit".into(),
                })
                .collect(),
            tindak_lanjut: vec![TindakLanjut {
                unsur: "u9".into(),
                kegiatan: "Kanal pengaduan".into(),
                jadwal: "2025".into(),
                penanggung_jawab: "Seksi".into(),
                status: None,
            }],
            tindak_lanjut_lalu: Vec::new(),
            tempat_tanggal: None,
            penandatangan: None,
            sidik: "0".into(),
            versi: "0".into(),
        }
    }

    fn teks(d: &Dokumen) -> String {
        let mut s = String::new();
        for b in &d.bab {
            for x in &b.isi {
                match x {
                    Blok::Paragraf { teks } | Blok::Catatan { teks } => s.push_str(teks),
                    Blok::Daftar { butir, .. } => s.push_str(&butir.join("\n")),
                    Blok::Tabel(t) => {
                        s.push_str(&t.judul);
                        for r in &t.baris {
                            for c in &r.sel {
                                s.push_str(&c.cetak());
                                s.push('|');
                            }
                        }
                    }
                    _ => {}
                }
                s.push('\n');
            }
        }
        s
    }

    #[test]
    fn the_report_names_the_weakest_unsur_and_those_without_a_plan() {
        let d = susun_skm(&laporan(vec![(2023, "2023")]));
        let t = teks(&d);
        // IKM = (7 x 14 + 10 + 6) / 36 = 114/36 = 3,1667; NIK 79,17 (B). Mean score 79,17:
        // below it U9 (37,50) then U8 (62,50).
        assert!(t.contains("79,17 (mutu B"), "{t}");
        let lemah = t
            .find("U9 Penanganan Pengaduan, Saran dan Masukan: skor 37,50")
            .unwrap();
        let lemah2 = t.find("U8 Sarana dan Prasarana: skor 62,50").unwrap();
        assert!(lemah < lemah2);
        // The plan names U9 (written "u9"); U8 has none and is listed as such.
        assert!(
            t.contains("U9 Penanganan Pengaduan, Saran dan Masukan|Kanal pengaduan"),
            "{t}"
        );
        assert!(
            t.contains("belum memiliki rencana tindak lanjut: U8 Sarana dan Prasarana."),
            "{t}"
        );
        // Population 10 needs 10 respondents; 4 are not enough.
        assert!(
            t.contains("minimal 10 responden") && t.contains("TIDAK mencukupi"),
            "{t}"
        );
        // 2023 at 70 as published, 2024 computed: up by 9,17.
        assert!(t.contains("naik 9,17"), "{t}");
        let grafik = |d: &Dokumen| {
            d.bab
                .iter()
                .flat_map(|b| &b.isi)
                .filter(|x| matches!(x, Blok::Grafik(g) if g.judul.contains("per periode")))
                .count()
        };
        assert_eq!(grafik(&d), 1);
        // Two periods in one year: the table, but no chart with two points on one year.
        assert_eq!(
            grafik(&susun_skm(&laporan(vec![(2024, "Semester I 2024")]))),
            0
        );
    }
}
