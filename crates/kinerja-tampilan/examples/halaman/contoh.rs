//! The sample pages: every page of the web interface rendered from the bundled Mumbulsari
//! example and synthetic data, with made-up users, statuses and audit rows. The example writes
//! them to files; the crate's tests assert on them.

use super::*;
use kinerja_core::model::DataInstansi;
use kinerja_core::waktu::{Periode, Tahun};
use kinerja_core::wilayah::{AngkaInstansi, RekapWilayah, rekap};
use std::path::Path;

pub const CSRF: &str = "tok-3f9a2c";

pub fn mumbulsari() -> DataInstansi {
    let p = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../contoh/mumbulsari");
    kinerja_berkas::baca(&p).expect("contoh mumbulsari terbaca")
}

pub fn th(t: u16) -> Tahun {
    Tahun::new(t as i64).unwrap()
}

pub fn konteks() -> Konteks {
    Konteks {
        judul_aplikasi: None,
        pengguna: Some(PenggunaTampil {
            nama: "Siti Rahmawati".into(),
            peran_label: "Operator".into(),
        }),
        instansi: vec![
            ("mumbulsari".into(), "Kecamatan Mumbulsari".into()),
            ("opd-00".into(), "Dinas Sintetis 0".into()),
        ],
        instansi_aktif: Some("mumbulsari".into()),
        tahun: Some(2020),
        tahun_pilihan: vec![2019, 2020, 2021],
        csrf: CSRF.into(),
        pesan: vec![Pesan {
            jenis: JenisPesan::Sukses,
            teks: "Realisasi Triwulan I tersimpan.".into(),
        }],
        kabupaten: None,
    }
}

pub fn status() -> Vec<StatusPeriode> {
    vec![
        StatusPeriode {
            periode: Periode::Tw1,
            status: StatusAlur::Disetujui,
            oleh: Some("H. Haidori (Camat)".into()),
            waktu: Some("12 April 2020 09.14".into()),
        },
        StatusPeriode {
            periode: Periode::Tw2,
            status: StatusAlur::Diajukan,
            oleh: Some("Siti Rahmawati".into()),
            waktu: Some("7 Juli 2020 15.02".into()),
        },
    ]
}

pub fn jejak_contoh() -> Vec<JejakTampil> {
    vec![
        JejakTampil {
            waktu: "2020-07-07 15:02:11".into(),
            pengguna: "Siti Rahmawati".into(),
            tabel: "realisasi".into(),
            kunci: "I-S2-1/2020/tw2".into(),
            aksi: "ubah".into(),
            lama: Some(r#"{"indikator":"I-S2-1","tahun":2020,"periode":"tw2","nilai":"80 %","sumber":null}"#.into()),
            baru: Some(r#"{"indikator":"I-S2-1","tahun":2020,"periode":"tw2","nilai":"86,90 %","sumber":"Laporan Seksi PMKS"}"#.into()),
        },
        JejakTampil {
            waktu: "2020-07-07 15:04:40".into(),
            pengguna: "Siti Rahmawati".into(),
            tabel: "status_periode".into(),
            kunci: "mumbulsari/2020/tw2".into(),
            aksi: "ajukan".into(),
            lama: Some(r#"{"status":"draf"}"#.into()),
            baru: Some(r#"{"status":"diajukan"}"#.into()),
        },
        JejakTampil {
            waktu: "2020-04-02 08:30:00".into(),
            pengguna: "admin".into(),
            tabel: "realisasi".into(),
            kunci: "I-S1-1/2020/tw1".into(),
            aksi: "tambah".into(),
            lama: None,
            baru: Some(r#"{"indikator":"I-S1-1","tahun":2020,"periode":"tw1","nilai":"B (70,89 %)"}"#.into()),
        },
        JejakTampil {
            waktu: "2020-04-01 10:00:00".into(),
            pengguna: "admin".into(),
            tabel: "catatan".into(),
            kunci: "c-1".into(),
            aksi: "hapus".into(),
            lama: Some("bukan JSON <b>".into()),
            baru: None,
        },
    ]
}

pub fn baris_kab() -> Vec<BarisKabupaten> {
    let mut v: Vec<BarisKabupaten> = kinerja_sintetis::kabupaten(6)
        .iter()
        .map(|d| {
            let utama = &d.renstra[0].instansi;
            let i = d.instansi.iter().find(|i| &i.id == utama).unwrap();
            BarisKabupaten {
                id: i.id.to_string(),
                nama: i.nama.clone(),
                jenis: i.jenis,
                angka: AngkaInstansi::dari_data(d, th(2021)),
                evaluasi: None,
            }
        })
        .collect();
    // One instansi that has not reported: its figures are missing, not zero.
    v[2].angka.realisasi = None;
    v[2].angka.serapan = None;
    v[4].angka.capaian_rata = None;
    v[4].angka.predikat = None;
    v
}

/// The kabupaten figures over `baris`.
pub fn rekap_kab(baris: &[BarisKabupaten]) -> RekapWilayah {
    rekap(baris.iter().map(|b| &b.angka))
}

pub fn beranda_contoh() -> Vec<BarisBeranda> {
    vec![
        BarisBeranda {
            id: "jember".into(),
            nama: "Kabupaten Jember".into(),
            jenis: kinerja_core::model::JenisInstansi::Kabupaten,
            tahun: vec![2020],
            induk: None,
        },
        BarisBeranda {
            id: "mumbulsari".into(),
            nama: "Kecamatan Mumbulsari".into(),
            jenis: kinerja_core::model::JenisInstansi::Kecamatan,
            tahun: vec![2021, 2020],
            induk: Some("Kabupaten Jember".into()),
        },
        BarisBeranda {
            id: "opd-00".into(),
            nama: "Dinas Sintetis 0".into(),
            jenis: kinerja_core::model::JenisInstansi::Opd,
            tahun: vec![2019, 2020, 2021, 2022, 2023],
            induk: Some("Kabupaten Sintetis".into()),
        },
    ]
}

/// Every page, by a file name.
pub fn semua_halaman() -> Vec<(&'static str, String)> {
    let d = mumbulsari();
    let k = konteks();
    let t = th(2020);
    let semua = Izin {
        ubah: true,
        ajukan: true,
        setujui: true,
        buka: true,
    };
    let sint = kinerja_sintetis::instansi(0);
    let ks = Konteks {
        instansi_aktif: Some("opd-00".into()),
        tahun: Some(2021),
        tahun_pilihan: vec![2019, 2020, 2021, 2022, 2023],
        pesan: vec![],
        ..konteks()
    };
    let kab = Konteks {
        instansi_aktif: None,
        kabupaten: Some(("kab".into(), "Kabupaten Sintetis".into())),
        tahun: Some(2021),
        pesan: vec![],
        ..konteks()
    };
    let tamu = Konteks {
        pengguna: None,
        instansi: vec![],
        instansi_aktif: None,
        tahun: None,
        tahun_pilihan: vec![],
        pesan: vec![],
        ..konteks()
    };
    vec![
        ("dasbor", dasbor(&k, &d, t, &PanelCatatan::default())),
        (
            "dasbor-sintetis",
            dasbor(&ks, &sint, th(2021), &PanelCatatan::default()),
        ),
        ("rencana", rencana(&k, &d, t, false)),
        ("rencana-sintetis", rencana(&ks, &sint, th(2021), false)),
        (
            "realisasi",
            form_realisasi(&k, &d, t, &status(), semua, &[], &[]),
        ),
        (
            "realisasi-galat",
            form_realisasi(
                &k,
                &d,
                t,
                &status(),
                Izin {
                    ubah: true,
                    ajukan: true,
                    ..Izin::default()
                },
                &[KesalahanIsian {
                    medan: "r.I-S2-1.tw3".into(),
                    pesan: "\"8x,5\" bukan angka: tulis 86,5 atau 86,5 %".into(),
                }],
                &[
                    ("r.I-S2-1.tw3".into(), "8x,5".into()),
                    ("r.I-S1-1.tahunan".into(), "B (80 %)".into()),
                ],
            ),
        ),
        (
            "realisasi-sintetis",
            form_realisasi(&ks, &sint, th(2021), &[], semua, &[], &[]),
        ),
        ("anggaran", form_anggaran(&k, &d, t, semua, &[], &[])),
        (
            "anggaran-galat",
            form_anggaran(
                &k,
                &d,
                t,
                semua,
                &[KesalahanIsian {
                    medan: "a.A-2020-K-ADM-1".into(),
                    pesan: "lebih dari dua angka desimal".into(),
                }],
                &[("a.A-2020-K-ADM-1".into(), "1.000,505".into())],
            ),
        ),
        ("pk", perjanjian_kinerja(&k, &d, t, None, &Izin::default())),
        ("iku", iku(&k, &d, t, false)),
        (
            "jejak",
            jejak(&k, "Jejak audit Kecamatan Mumbulsari", &jejak_contoh()),
        ),
        (
            "kabupaten",
            kabupaten(
                &kab,
                "Kabupaten Sintetis",
                th(2021),
                &baris_kab(),
                &rekap_kab(&baris_kab()),
                "capaian",
                None,
                None,
                &[],
            ),
        ),
        ("pohon", {
            let kab = kinerja_berkas::baca(
                &Path::new(env!("CARGO_MANIFEST_DIR")).join("../../contoh/pemda-jember/kabupaten"),
            )
            .expect("contoh pemda terbaca");
            let opd: Vec<_> = ["dinkes", "dispendukcapil"]
                .iter()
                .map(|o| {
                    kinerja_berkas::baca(
                        &Path::new(env!("CARGO_MANIFEST_DIR"))
                            .join("../../contoh/pemda-jember")
                            .join(o),
                    )
                    .expect("contoh OPD terbaca")
                })
                .collect();
            let opd: Vec<_> = opd.iter().collect();
            let u = kinerja_core::pohon::ukur::ukur(&kab, &kab.pohon[0].id, &opd);
            pohon(
                &k,
                "/kabupaten/jember/tahun/2020/pohon",
                &kab,
                &kab.pohon[0],
                &u,
                &FokusPohon::Semua,
            )
            .expect("pohon")
        }),
        ("pohon-simpul", {
            let kab = kinerja_berkas::baca(
                &Path::new(env!("CARGO_MANIFEST_DIR")).join("../../contoh/pemda-jember/kabupaten"),
            )
            .expect("contoh pemda terbaca");
            let u = kinerja_core::pohon::ukur::ukur(&kab, &kab.pohon[0].id, &[]);
            pohon(
                &k,
                "/kabupaten/jember/tahun/2020/pohon",
                &kab,
                &kab.pohon[0],
                &u,
                &FokusPohon::Simpul(kinerja_core::id::SimpulId::new("DKS-6").expect("id")),
            )
            .expect("simpul")
        }),
        ("laporan", laporan(&k, &d, t, &keadaan_laporan(0), &[], &[])),
        (
            "laporan-draf",
            laporan(&k, &d, t, &keadaan_laporan(3), &[], &[]),
        ),
        (
            "laporan-galat",
            laporan(
                &k,
                &d,
                t,
                &keadaan_laporan(3),
                &[KesalahanIsian {
                    medan: "tanggal".into(),
                    pesan: "tanggal \"31 Juni 2021\" tidak sah".into(),
                }],
                &[
                    ("tanggal".into(), "31 Juni 2021".into()),
                    (
                        "kata_pengantar".into(),
                        "Puji syukur <b>kami</b> panjatkan".into(),
                    ),
                ],
            ),
        ),
        (
            "reviu",
            reviu(
                &k,
                &d,
                t,
                &temuan_contoh(),
                &SaringReviu::default(),
                true,
                &[],
            ),
        ),
        (
            "reviu-saring",
            reviu(
                &k,
                &d,
                t,
                &temuan_contoh(),
                &SaringReviu {
                    tingkat: Some(TingkatTemuan::Galat),
                    aturan: None,
                    terbuka: true,
                },
                false,
                &[],
            ),
        ),
        (
            "impor",
            impor(
                &k,
                "Kecamatan Mumbulsari",
                "mumbulsari",
                &[".toml"],
                &KeadaanImpor::Kosong,
            ),
        ),
        (
            "impor-pratinjau",
            impor(
                &k,
                "Kecamatan Mumbulsari",
                "mumbulsari",
                &[".toml"],
                &KeadaanImpor::Pratinjau {
                    berkas: "mumbulsari-2021.toml".into(),
                    ganti: false,
                    token: "tok-impor".into(),
                    beda: jejak_contoh(),
                    peringatan: Vec::new(),
                },
            ),
        ),
        (
            "impor-galat",
            impor(
                &k,
                "Kecamatan Mumbulsari",
                "mumbulsari",
                &[".toml"],
                &KeadaanImpor::Galat {
                    berkas: "data.toml".into(),
                    masalah: vec![
                        "data.toml:12:9: [[realisasi]] ke-2, medan `nilai`: \"8x\" bukan angka"
                            .into(),
                    ],
                },
            ),
        ),
        (
            "skm",
            skm(
                &k,
                &d,
                t,
                true,
                &PilihanSkm::default(),
                ".csv,.xlsx",
                &KeadaanSkm::Kosong,
            ),
        ),
        (
            "skm-pratinjau",
            skm(
                &k,
                &d,
                t,
                true,
                &PilihanSkm {
                    indikator: "I-S1-1".into(),
                    ..PilihanSkm::default()
                },
                ".csv,.xlsx",
                &KeadaanSkm::Pratinjau {
                    berkas: "kobo.csv".into(),
                    token: "tok-skm".into(),
                    indikator: "I-S1-1".into(),
                    hasil: Box::new(hasil_skm()),
                    dilewati: vec!["baris 3: kolom 7 (G, U2): jawaban 7 di luar 1-4".into()],
                },
            ),
        ),
        (
            "survei",
            survei(
                &tamu,
                &FormSurvei {
                    instansi: "Kecamatan Mumbulsari".into(),
                    layanan: Some("ktp".into()),
                    aksi: "/survei/mumbulsari/ktp".into(),
                    token: "1800000000.abc.def".into(),
                    ..FormSurvei::default()
                },
            ),
        ),
        (
            "survei-galat",
            survei(
                &tamu,
                &FormSurvei {
                    instansi: "Kecamatan Mumbulsari".into(),
                    aksi: "/survei/mumbulsari".into(),
                    token: "1800000000.abc.def".into(),
                    isian: vec![("u1".into(), "4".into()), ("usia".into(), "60+".into())],
                    masalah: vec!["Pertanyaan 2 belum dijawab".into()],
                    ..FormSurvei::default()
                },
            ),
        ),
        (
            "survei-terima",
            survei_akhir(
                &tamu,
                "Kecamatan Mumbulsari",
                AkhirSurvei::Diterima,
                "/survei/mumbulsari",
            ),
        ),
        (
            "survei-sering",
            survei_akhir(
                &tamu,
                "Kecamatan Mumbulsari",
                AkhirSurvei::TerlaluSering { menit: 10 },
                "/survei/mumbulsari",
            ),
        ),
        (
            "survei-poster",
            survei_poster(
                &tamu,
                "Kecamatan Mumbulsari",
                Some("ktp"),
                "https://kinerja.jemberkab.go.id/survei/mumbulsari/ktp",
                &kinerja_grafik::qr::svg(
                    "https://kinerja.jemberkab.go.id/survei/mumbulsari/ktp",
                    288,
                    "Kode QR",
                )
                .unwrap_or_default(),
            ),
        ),
        (
            "survei-web",
            survei_web(
                &k,
                th(2020),
                &SurveiWeb {
                    instansi: "Kecamatan Mumbulsari".into(),
                    instansi_id: "mumbulsari".into(),
                    tahun: 2020,
                    layanan: vec![BarisLayanan {
                        layanan: "ktp".into(),
                        responden: 12,
                        alamat: "/survei/mumbulsari/ktp".into(),
                    }],
                    responden: 12,
                    populasi: "100".into(),
                    minimum: Some(80),
                    indikator: vec![(
                        "I-S1-1".into(),
                        "Indeks kepuasan masyarakat (I-S1-1)".into(),
                    )],
                    ubah: true,
                    ..SurveiWeb::default()
                },
            ),
        ),
        ("masuk", masuk(&tamu, None, "")),
        (
            "masuk-galat",
            masuk(&tamu, Some("Nama pengguna atau kata sandi salah."), "siti"),
        ),
        ("beranda", beranda(&k, &beranda_contoh())),
        (
            "galat-403",
            galat(&k, 403, "Anda tidak berhak mengubah data instansi ini."),
        ),
        (
            "galat-404",
            galat(&tamu, 404, "Alamat yang Anda buka tidak ada."),
        ),
    ]
}

pub fn keadaan_laporan(galat: usize) -> KeadaanLaporan {
    KeadaanLaporan {
        galat_terbuka: galat,
        peringatan_terbuka: 2,
        sidik: "3fa9c0d21b7e".into(),
        terbit: false,
        lihat_reviu: true,
        ubah: true,
    }
}

/// Findings as the reviu reports them: one open galat, one accepted, one warning.
pub fn temuan_contoh() -> Vec<TemuanTampil> {
    use rust_decimal::Decimal;
    let t = |aturan: &str, tingkat, kunci: &str, diterima: Option<&str>| TemuanTampil {
        aturan: aturan.into(),
        tingkat,
        dokumen: "Laporan Kinerja 2020".into(),
        tabel: "Tabel 3.1".into(),
        baris: Some("I-S2-1".into()),
        pesan: "capaian tercatat berbeda dari yang dihitung".into(),
        tercatat: Some(Decimal::new(8750, 2)),
        dihitung: Some(Decimal::new(869_047, 4)),
        pembulatan: Some("dibandingkan pada 2 desimal".into()),
        kunci: kunci.into(),
        diterima: diterima.map(str::to_string),
    };
    vec![
        t(
            "CAPAIAN-TERCATAT",
            TingkatTemuan::Galat,
            "I-S2-1|2020",
            None,
        ),
        t(
            "CAPAIAN-TERCATAT",
            TingkatTemuan::Galat,
            "I-S2-2|2020",
            Some("salah ketik pada dokumen asli (Inspektorat)"),
        ),
        t(
            "TARGET-KONSISTEN",
            TingkatTemuan::Peringatan,
            "I-S1-1|2020",
            None,
        ),
    ]
}

/// The nine-unsur survey of `kinerja-skm/tests/data/contoh-9-kobo.csv` (four respondents) as
/// answer counts per unsur, computed.
pub fn hasil_skm() -> kinerja_core::skm::HasilSkm {
    let jumlah: [[u64; 4]; 9] = [
        [0, 0, 2, 2],
        [0, 1, 3, 0],
        [0, 0, 0, 4],
        [1, 1, 1, 1],
        [0, 0, 4, 0],
        [0, 0, 2, 2],
        [0, 0, 1, 3],
        [0, 2, 2, 0],
        [1, 0, 3, 0],
    ];
    let mut s = mumbulsari().skm[0].clone();
    s.regime = "permenpanrb-14-2017".into();
    s.responden = Some(4);
    s.unsur = jumlah
        .iter()
        .enumerate()
        .map(|(i, j)| kinerja_core::model::UnsurSkm {
            nomor: i as u32 + 1,
            nama: format!("Unsur {}", i + 1),
            jumlah: Some(*j),
            distribusi: None,
        })
        .collect();
    kinerja_core::skm::hasil_survei(&s)
        .expect("counts are data")
        .expect("nine unsur compute")
}
