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
use kinerja_core::skm::{HasilSkm, JenisProfil, Mutu};
use kinerja_grafik::Seri;
use rust_decimal::Decimal;

use super::sel::{Nomor, angka, bab, baris, baris_tebal, blok_grafik, judul, kolom, tt};
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
        bab: vec![
            ringkasan(l, &siapa),
            bab1(l, &siapa),
            bab2(l),
            bab3(l),
            bab4(l),
            penutup,
        ],
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

/// The respondents per group of one profile column, with their share.
fn profil(no: &mut Nomor, h: &HasilSkm, r: &kinerja_core::skm::HasilRincian) -> Vec<Blok> {
    let total = h.responden.unwrap_or(0);
    let persen = |n: u64| {
        (total > 0).then(|| Decimal::ONE_HUNDRED * Decimal::from(n) / Decimal::from(total))
    };
    let mut b: Vec<Baris> = r
        .kelompok
        .iter()
        .map(|k| {
            baris(vec![
                Sel::teks(&k.nilai),
                bulat(k.responden),
                persen(k.responden).map(Sel::Persen).unwrap_or_else(tt),
            ])
        })
        .collect();
    b.push(baris_tebal(vec![
        Sel::teks("Jumlah"),
        bulat(total),
        persen(total).map(Sel::Persen).unwrap_or_else(tt),
    ]));
    let nama = label_profil(r.jenis);
    let judul_tabel = format!("Responden menurut {nama}");
    let butir: Vec<(String, Option<Decimal>)> = r
        .kelompok
        .iter()
        .map(|k| (k.nilai.clone(), persen(k.responden)))
        .collect();
    vec![
        no.tabel(
            &judul_tabel,
            vec![
                kolom(&kapital(nama), 6, false),
                kolom("Responden", 2, true),
                kolom("Persentase", 2, true),
            ],
            b,
            Some(format!("Kolom '{}' pada berkas survei.", r.kolom)),
        ),
        blok_grafik(
            judul_tabel.clone(),
            kinerja_grafik::sebaran(&judul_tabel, &butir),
        ),
    ]
}

fn label_profil(j: JenisProfil) -> &'static str {
    match j {
        JenisProfil::Umur => "usia",
        JenisProfil::Tanggal => "bulan pengisian",
        JenisProfil::Layanan => "jenis layanan",
        j => j.label(),
    }
}

fn kapital(s: &str) -> String {
    let mut c = s.chars();
    c.next()
        .map(|a| a.to_uppercase().collect::<String>() + c.as_str())
        .unwrap_or_default()
}

fn bab3(l: &LaporanSkm) -> Bab {
    let h = &l.hasil;
    let mut no = Nomor::bab("3");
    let mut isi = vec![judul(1, "A. Profil Responden")];
    if h.rincian.is_empty() {
        isi.push(p(
            "Berkas survei tidak memuat kolom profil responden (jenis kelamin, usia, pendidikan, pekerjaan, jenis layanan).",
        ));
    }
    for r in &h.rincian {
        isi.extend(profil(&mut no, h, r));
    }

    isi.push(judul(1, "B. Nilai per Unsur Pelayanan"));
    let jumlah = h.unsur.iter().all(|u| u.jumlah.is_some());
    let mut b: Vec<Baris> = h
        .unsur
        .iter()
        .map(|u| {
            let mut s = vec![Sel::teks(&u.kode), Sel::teks(&u.nama)];
            match (jumlah, u.jumlah, u.persen) {
                (true, Some(c), _) => s.extend(c.iter().map(|x| bulat(*x))),
                (_, _, Some(pr)) => s.extend(pr.iter().map(|x| Sel::Persen(*x))),
                _ => s.extend((0..4).map(|_| tt())),
            }
            s.extend([
                desimal(u.nrr, 3),
                desimal(u.nrr_tertimbang, 3),
                angka(u.skor),
                Sel::teks(format!("{} ({})", u.mutu, u.kinerja_unit)),
            ]);
            baris(s)
        })
        .collect();
    b.push(baris_tebal(vec![
        Sel::Kosong,
        Sel::teks("IKM (jumlah NRR x bobot)"),
        Sel::Kosong,
        Sel::Kosong,
        Sel::Kosong,
        Sel::Kosong,
        Sel::Kosong,
        desimal(h.ikm, 3),
        angka(h.nik),
        Sel::teks(format!("{} ({})", h.mutu, h.kinerja_unit)),
    ]));
    let n = if jumlah { "n" } else { "%" };
    isi.push(no.tabel(
        "Jawaban, NRR dan skor per unsur",
        vec![
            kolom("Kode", 1, false),
            kolom("Unsur", 5, false),
            kolom(&format!("{n} 1"), 1, true),
            kolom(&format!("{n} 2"), 1, true),
            kolom(&format!("{n} 3"), 1, true),
            kolom(&format!("{n} 4"), 1, true),
            kolom("NRR", 2, true),
            kolom("NRR x bobot", 2, true),
            kolom("Skor (NRR x 25)", 2, true),
            kolom("Mutu", 2, false),
        ],
        b,
        Some(format!(
            "Jawaban 1-4 = tidak baik, kurang baik, baik, sangat baik (label tiap pertanyaan menurut kuesioner). Bobot {}. Nilai konversi = IKM x 25.",
            h.bobot.tertulis
        )),
    ));
    let judul_grafik = format!("Skor per unsur dan rata-ratanya, {}", l.periode);
    isi.push(blok_grafik(
        judul_grafik.clone(),
        kinerja_grafik::skm::svg(h, &judul_grafik),
    ));

    isi.push(judul(1, "C. Indeks Kepuasan Masyarakat"));
    isi.push(p(format!(
        "IKM {} (skala 1-4); nilai konversi {}.",
        format_angka(h.ikm, 3),
        nik_mutu(h)
    )));

    let per_kelompok: Vec<&kinerja_core::skm::HasilRincian> = h
        .rincian
        .iter()
        .filter(|r| r.jenis != JenisProfil::Tanggal)
        .collect();
    if !per_kelompok.is_empty() {
        isi.push(judul(1, "D. IKM per Kelompok Responden"));
        for r in per_kelompok {
            isi.push(no.tabel(
                &format!("IKM menurut {}", label_profil(r.jenis)),
                vec![
                    kolom(&kapital(label_profil(r.jenis)), 5, false),
                    kolom("Responden", 2, true),
                    kolom("IKM", 2, true),
                    kolom("Nilai konversi", 2, true),
                    kolom("Mutu", 2, false),
                ],
                r.kelompok
                    .iter()
                    .map(|k| {
                        baris(vec![
                            Sel::teks(&k.nilai),
                            bulat(k.responden),
                            desimal(k.ikm, 3),
                            angka(k.nik),
                            Sel::teks(format!("{} ({})", k.mutu, k.kinerja_unit)),
                        ])
                    })
                    .collect(),
                Some("Kelompok dengan sedikit responden tidak mewakili kelompoknya; baca bersama jumlah respondennya.".into()),
            ));
        }
    }

    isi.push(judul(1, "E. Unsur Terlemah"));
    let lemah = terlemah(h);
    if lemah.is_empty() {
        isi.push(p("Tidak ada unsur yang skornya di bawah rata-rata."));
    } else {
        isi.push(p(format!(
            "Unsur dengan skor di bawah rata-rata skor unsur ({}), terendah dahulu:",
            format_angka(h.rata_rata_skor, 2)
        )));
        isi.push(Blok::Daftar {
            bernomor: true,
            butir: lemah
                .iter()
                .map(|u| {
                    format!(
                        "{} {}: skor {} (mutu {})",
                        u.kode,
                        u.nama,
                        format_angka(u.skor, 2),
                        u.mutu
                    )
                })
                .collect(),
        });
    }

    isi.push(judul(1, "F. Perkembangan dari Periode Sebelumnya"));
    isi.extend(tren(&mut no, l));
    bab("III", "HASIL SURVEI", isi)
}

fn tren(no: &mut Nomor, l: &LaporanSkm) -> Vec<Blok> {
    let h = &l.hasil;
    if l.riwayat.is_empty() {
        return vec![p(
            "Belum ada periode sebelumnya yang dicatat, sehingga perkembangan belum dapat dibandingkan.",
        )];
    }
    let mut b: Vec<Baris> = l
        .riwayat
        .iter()
        .map(|r| {
            baris(vec![
                Sel::teks(&r.periode),
                r.responden.map(bulat).unwrap_or_else(tt),
                angka(r.nik),
                Sel::teks(r.mutu.to_string()),
                Sel::teks(&r.sumber),
            ])
        })
        .collect();
    b.push(baris_tebal(vec![
        Sel::teks(&l.periode),
        h.responden.map(bulat).unwrap_or_else(tt),
        angka(h.nik),
        Sel::teks(h.mutu.to_string()),
        Sel::teks("periode ini, dihitung dari jawaban"),
    ]));
    let mut isi = vec![no.tabel(
        "Nilai konversi IKM per periode",
        vec![
            kolom("Periode", 3, false),
            kolom("Responden", 2, true),
            kolom("Nilai konversi", 2, true),
            kolom("Mutu", 1, false),
            kolom("Sumber", 4, false),
        ],
        b,
        Some("\"angka terbit\": nilai sebagaimana dipublikasikan, karena jawaban periode itu tidak tersedia; tidak dihitung ulang.".into()),
    )];
    if let Some(lalu) = l.riwayat.last() {
        let selisih = h.nik - lalu.nik;
        isi.push(p(format!(
            "Dibanding {} ({}), nilai konversi {} {}.",
            lalu.periode,
            format_angka(lalu.nik, 2),
            if selisih.is_sign_negative() && !selisih.is_zero() {
                "turun"
            } else {
                "naik"
            },
            format_angka(selisih.abs(), 2)
        )));
    }
    // A chart needs one point per year in order.
    let mut tahun: Vec<u16> = l.riwayat.iter().map(|r| r.tahun).collect();
    tahun.push(l.tahun);
    if tahun.windows(2).all(|w| w[0] < w[1]) {
        let mut nilai: Vec<Option<Decimal>> = l.riwayat.iter().map(|r| Some(r.nik)).collect();
        nilai.push(Some(h.nik));
        let judul_grafik = "Nilai konversi IKM per periode".to_string();
        isi.push(blok_grafik(
            judul_grafik.clone(),
            kinerja_grafik::tren(
                &judul_grafik,
                &tahun,
                &[Seri {
                    nama: "Nilai konversi IKM".into(),
                    realisasi: nilai,
                    target: Vec::new(),
                }],
            ),
        ));
    }
    isi
}

fn tabel_rtl(no: &mut Nomor, judul_tabel: &str, l: &LaporanSkm, daftar: &[TindakLanjut]) -> Blok {
    let status = daftar.iter().any(|t| t.status.is_some());
    let mut k = vec![
        kolom("No", 1, false),
        kolom("Unsur", 4, false),
        kolom("Kegiatan", 6, false),
        kolom("Jadwal", 3, false),
        kolom("Penanggung jawab", 3, false),
    ];
    if status {
        k.push(kolom("Status", 2, false));
    }
    let b = daftar
        .iter()
        .enumerate()
        .map(|(i, t)| {
            let unsur = l
                .hasil
                .unsur
                .iter()
                .find(|u| u.kode.eq_ignore_ascii_case(t.unsur.trim()))
                .map_or(t.unsur.clone(), |u| format!("{} {}", u.kode, u.nama));
            let mut s = vec![
                Sel::teks((i + 1).to_string()),
                Sel::teks(unsur),
                Sel::teks(&t.kegiatan),
                Sel::teks(&t.jadwal),
                Sel::teks(&t.penanggung_jawab),
            ];
            if status {
                s.push(t.status.as_ref().map(Sel::teks).unwrap_or_else(tt));
            }
            baris(s)
        })
        .collect();
    no.tabel(judul_tabel, k, b, None)
}

fn bab4(l: &LaporanSkm) -> Bab {
    let h = &l.hasil;
    let mut no = Nomor::bab("4");
    let mut isi = vec![judul(1, "A. Rencana Tindak Lanjut")];
    if l.tindak_lanjut.is_empty() {
        isi.push(p("Rencana tindak lanjut: data tidak tersedia."));
    } else {
        isi.push(tabel_rtl(
            &mut no,
            "Rencana tindak lanjut",
            l,
            &l.tindak_lanjut,
        ));
    }
    let tanpa: Vec<String> = terlemah(h)
        .into_iter()
        .filter(|u| {
            !l.tindak_lanjut
                .iter()
                .any(|t| t.unsur.trim().eq_ignore_ascii_case(&u.kode))
        })
        .map(|u| format!("{} {}", u.kode, u.nama))
        .collect();
    if !tanpa.is_empty() {
        isi.push(Blok::Catatan {
            teks: format!(
                "Unsur di bawah rata-rata yang belum memiliki rencana tindak lanjut: {}.",
                tanpa.join("; ")
            ),
        });
    }
    if !l.tindak_lanjut_lalu.is_empty() {
        isi.push(judul(1, "B. Tindak Lanjut Periode Sebelumnya"));
        isi.push(tabel_rtl(
            &mut no,
            "Pelaksanaan rencana tindak lanjut periode sebelumnya",
            l,
            &l.tindak_lanjut_lalu,
        ));
    }
    bab("IV", "RENCANA TINDAK LANJUT", isi)
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
