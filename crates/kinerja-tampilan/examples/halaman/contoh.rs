//! The sample pages: every page of the web interface rendered from the bundled Mumbulsari
//! example and synthetic data, with made-up users, statuses and audit rows. The example writes
//! them to files; the crate's tests assert on them.

use super::*;
use std::path::Path;

// A path of its own: this file is also a module of the crate's tests (`src/tests.rs`).
#[path = "bahan.rs"]
mod bahan;
pub use bahan::*;

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
