//! Bab III of the SKM report: the respondents' profile, the figures per unsur, the IKM per
//! group, the weakest unsur and the trend over earlier periods.

use kinerja_core::angka::format_angka;
use kinerja_core::skm::{HasilSkm, JenisProfil};
use kinerja_grafik::Seri;
use rust_decimal::Decimal;

use super::{LaporanSkm, bulat, desimal, nik_mutu, p, terlemah};
use crate::dokumen::*;
use crate::susun::sel::{Nomor, angka, bab, baris, baris_tebal, blok_grafik, judul, kolom, tt};

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

pub(super) fn bab3(l: &LaporanSkm) -> Bab {
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
