//! The SKM report page of one survey: its figures, the Rencana Tindak Lanjut entered and
//! followed up in the web (one audited change per record), field errors that change nothing,
//! and the report downloaded as PDF with the plan and last year's follow-up in it.

mod bersama;

use axum::http::{Request, StatusCode};
use kinerja_core::id::{InstansiId, SurveiId, TindakLanjutId};
use kinerja_core::model::{StatusTindakLanjut, SurveiSkm, TindakLanjutSkm, UnsurSkm};
use kinerja_core::waktu::Tahun;

use bersama::Operator as Uji;

fn mum() -> InstansiId {
    InstansiId::new("mumbulsari").unwrap()
}

const NAMA: [&str; 9] = [
    "Persyaratan",
    "Sistem, mekanisme, dan prosedur",
    "Waktu penyelesaian",
    "Biaya/tarif",
    "Produk spesifikasi jenis pelayanan",
    "Kompetensi pelaksana",
    "Perilaku pelaksana",
    "Penanganan pengaduan, saran dan masukan",
    "Sarana dan prasarana",
];

/// A survey of 10 respondents where unsur k got `a[k]` answers 4 and the rest 3.
fn survei(id: &str, tahun: i64, a: [u64; 9]) -> SurveiSkm {
    SurveiSkm {
        id: SurveiId::new(id).unwrap(),
        instansi: mum(),
        tahun: Tahun::new(tahun).unwrap(),
        regime: "permenpanrb-14-2017".into(),
        indikator: None,
        responden: Some(10),
        populasi: None,
        unsur: a
            .iter()
            .zip(NAMA)
            .enumerate()
            .map(|(i, (a, nama))| UnsurSkm {
                nomor: i as u32 + 1,
                nama: nama.into(),
                jumlah: Some([0, 0, 10 - a, *a]),
                distribusi: None,
            })
            .collect(),
        catatan: None,
    }
}

/// 2019: every answer 3, so every NRR is 3, IKM 3, NIK 75,00. 2020: five answers 4 of ten on U1
/// to U8 (NRR 3,5, score 87,50) and two on U9 (NRR 3,2, score 80,00): IKM = 3 + (8x5 + 2)/90 =
/// 3,4666..., NIK 86,666... printed 86,67, mutu B (76,61 to 88,30); U9 is below the mean.
/// Last year's plan has one action for U9.
async fn siap(url: &str) -> Uji {
    let u = bersama::operator(url).await;
    u.toko
        .ubah_data(&mum(), &bersama::pelaku(), |d| {
            let mut d = d.clone();
            d.skm.push(survei("skm-web-2019", 2019, [0; 9]));
            d.skm
                .push(survei("skm-web-2020", 2020, [5, 5, 5, 5, 5, 5, 5, 5, 2]));
            d.tindak_lanjut_skm.push(TindakLanjutSkm {
                id: TindakLanjutId::new("rtl-2019-1").unwrap(),
                survei: SurveiId::new("skm-web-2019").unwrap(),
                unsur: 9,
                kegiatan: "Perbaikan ruang tunggu dan toilet".into(),
                jadwal: "Triwulan II 2020".into(),
                penanggung_jawab: "Sekretariat Kecamatan".into(),
                status: StatusTindakLanjut::Rencana,
                hasil: None,
            });
            Ok::<_, ()>(d)
        })
        .await
        .map_err(|_| "setup")
        .unwrap();
    u
}

impl Uji {
    async fn buka(&self, jalur: &str) -> (StatusCode, Vec<u8>) {
        let (s, _, b) =
            bersama::kirim_bait(&self.app, &self.sesi, Request::builder().uri(jalur), vec![]).await;
        (s, b)
    }

    async fn kirim(&self, jalur: &str, medan: &[(&str, &str)]) -> (StatusCode, String, String) {
        self.kirim_form(jalur, medan).await
    }

    async fn jejak(&self) -> usize {
        self.toko
            .jejak(&mum(), None, None, 10_000)
            .await
            .unwrap()
            .len()
    }
}

const HALAMAN: &str = "/instansi/mumbulsari/tahun/2020/skm/laporan/skm-web-2020";

fn teks(b: &[u8]) -> String {
    String::from_utf8_lossy(b).into_owned()
}

/// pdftotext reads the PDF from standard input; without it the test says so and skips, unless
/// CI demands it.
fn pdftotext(pdf: &[u8]) -> Option<String> {
    use std::io::Write;
    use std::process::{Command, Stdio};
    let anak = Command::new("pdftotext")
        .args(["-layout", "-", "-"])
        .stdin(Stdio::piped())
        .stdout(Stdio::piped())
        .spawn();
    let Ok(mut anak) = anak else {
        assert!(
            std::env::var_os("KINERJA_CI").is_none(),
            "pdftotext (poppler-utils) is required in CI"
        );
        eprintln!("SKIP: pdftotext (poppler-utils) not installed");
        return None;
    };
    anak.stdin.take().unwrap().write_all(pdf).unwrap();
    let o = anak.wait_with_output().unwrap();
    assert!(o.status.success());
    Some(String::from_utf8_lossy(&o.stdout).into_owned())
}

#[tokio::test]
async fn the_plan_is_entered_followed_up_and_printed_in_the_report() {
    for b in kinerja_simpan::uji::semua_basis().await {
        let u = siap(&b.url).await;
        let (s, html) = u.buka(HALAMAN).await;
        let html = teks(&html);
        assert_eq!(s, StatusCode::OK, "{}: {html}", b.nama);
        assert!(html.contains("86,67"), "the NIK: {html}");
        assert!(
            html.contains("U9 Sarana dan prasarana (skor 80,00)"),
            "{html}"
        );
        assert!(html.contains("Perbaikan ruang tunggu"), "last year's plan");

        let sebelum = u.jejak().await;
        let (s, ke, body) = u
            .kirim(
                HALAMAN,
                &[
                    ("populasi", "1.250"),
                    ("baru.unsur", "9"),
                    ("baru.kegiatan", "Kursi tunggu tambahan dan papan antrean"),
                    ("baru.jadwal", "Triwulan I 2021"),
                    ("baru.penanggung_jawab", "Seksi Pelayanan Umum"),
                    ("lalu.rtl-2019-1.status", "selesai"),
                    ("lalu.rtl-2019-1.hasil", "Toilet diperbaiki Juni 2020"),
                ],
            )
            .await;
        assert_eq!(s, StatusCode::SEE_OTHER, "{}: {body}", b.nama);
        assert!(ke.ends_with("skm-web-2020?disimpan=3"), "{ke}");
        // One audit row per record changed: the survey (population), the new action, last
        // year's action (its follow-up).
        assert_eq!(u.jejak().await, sebelum + 3, "{}", b.nama);
        let d = u.toko.muat(&mum()).await.unwrap();
        let s20 = d.skm.iter().find(|s| s.id.as_str() == "skm-web-2020");
        assert_eq!(s20.unwrap().populasi, Some(1250));
        let lama = d
            .tindak_lanjut_skm
            .iter()
            .find(|t| t.id.as_str() == "rtl-2019-1")
            .unwrap();
        assert_eq!(lama.status, StatusTindakLanjut::Selesai);

        // Krejcie-Morgan for N = 1.250 (chi-square 3,841, P 0,5, d 0,05):
        // 3,841 x 1250 x 0,25 / (0,0025 x 1249 + 3,841 x 0,25) = 1200,3125 / 4,08275 = 293,99,
        // rounded to 294: 10 respondents are not enough.
        let (_, html) = u.buka(HALAMAN).await;
        let html = teks(&html);
        assert!(
            html.contains("populasi 1.250, sampel minimum 294 (Krejcie-Morgan): belum cukup"),
            "{html}"
        );

        let (s, pdf) = u.buka(&format!("{HALAMAN}/unduh.pdf")).await;
        assert_eq!(s, StatusCode::OK, "{}", teks(&pdf));
        assert!(pdf.starts_with(b"%PDF"));
        if let Some(t) = pdftotext(&pdf) {
            let t = t.split_whitespace().collect::<Vec<_>>().join(" ");
            assert!(t.contains("86,67"), "{t}");
            // Table cells wrap: the words of each cell's first line.
            assert!(t.contains("Kursi tunggu tambahan dan papan"), "{t}");
            assert!(t.contains("selesai:"), "{t}");
            assert!(t.contains("diperbaiki Juni 2020"), "{t}");
            // The trend: last year's survey computed from its counts.
            assert!(t.contains("75,00"), "{t}");
        }
        let (s, docx) = u.buka(&format!("{HALAMAN}/unduh.docx")).await;
        assert_eq!(s, StatusCode::OK);
        assert!(docx.starts_with(b"PK"));
    }
}

#[tokio::test]
async fn a_bad_field_is_shown_beside_it_and_nothing_is_saved() {
    for b in kinerja_simpan::uji::semua_basis().await {
        let u = siap(&b.url).await;
        let sebelum = u.jejak().await;
        let (s, _, html) = u
            .kirim(
                HALAMAN,
                &[
                    ("populasi", "12,5"),
                    ("baru.unsur", "9"),
                    ("baru.kegiatan", "Kursi tunggu"),
                    ("baru.jadwal", ""),
                    ("baru.penanggung_jawab", "Seksi Pelayanan Umum"),
                ],
            )
            .await;
        assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY, "{}", b.nama);
        assert!(html.contains("bukan bilangan bulat positif"), "{html}");
        assert!(
            html.contains("Tindak lanjut baru: jadwal: wajib diisi"),
            "{html}"
        );
        // What was typed stays in the form.
        assert!(html.contains("value=\"Kursi tunggu\""), "{html}");
        assert_eq!(u.jejak().await, sebelum);
    }
}

#[tokio::test]
async fn a_survey_of_another_year_or_none_is_not_found() {
    for b in kinerja_simpan::uji::semua_basis().await {
        let u = siap(&b.url).await;
        for jalur in [
            "/instansi/mumbulsari/tahun/2019/skm/laporan/skm-web-2020",
            "/instansi/mumbulsari/tahun/2020/skm/laporan/tidak-ada",
            "/instansi/mumbulsari/tahun/2020/skm/laporan/bukan%20id",
            "/instansi/mumbulsari/tahun/2020/skm/laporan/tidak-ada/unduh.pdf",
        ] {
            let (s, _) = u.buka(jalur).await;
            assert_eq!(s, StatusCode::NOT_FOUND, "{}: {jalur}", b.nama);
        }
        // The example's own 2020 survey has two unsur with a printed score only: no report,
        // said so (409), not guessed.
        let (s, b2) = u
            .buka("/instansi/mumbulsari/tahun/2020/skm/laporan/skm-2020/unduh.pdf")
            .await;
        assert_eq!(s, StatusCode::CONFLICT, "{}", teks(&b2));
    }
}

/// Two respondents answered the hosted form (all 4 for KTP, all 3 for KK): a survey holding
/// exactly their counts is the hosted survey, so its report prints their profile; a survey
/// with other counts says it has none rather than borrowing it.
#[tokio::test]
async fn the_hosted_surveys_report_prints_its_respondents_profile() {
    use kinerja_core::skm::isian::IsianSurvei;
    use kinerja_simpan::{BatasSurvei, Pelaku, RespondenBaru};
    for b in kinerja_simpan::uji::semua_basis().await {
        let u = siap(&b.url).await;
        let p = Pelaku {
            pengguna: "responden".into(),
            sumber: "uji".into(),
            hak: kinerja_simpan::Hak::Instansi(vec![]),
        };
        for (i, (j, l)) in [("4", "ktp"), ("3", "kk")].iter().enumerate() {
            let mut f: Vec<(String, String)> =
                (1..=9).map(|k| (format!("u{k}"), j.to_string())).collect();
            for (k, v) in ["jenis_kelamin", "usia", "pendidikan", "pekerjaan"]
                .iter()
                .zip(["Perempuan", "30-39", "SMA", "Wirausaha"])
            {
                f.push((k.to_string(), v.to_string()));
            }
            let r = RespondenBaru {
                instansi: mum(),
                tahun: Tahun::new(2020).unwrap(),
                layanan: l.to_string(),
                token: format!("t{i}"),
                alamat: format!("a{i}"),
                isian: IsianSurvei::baca(&f, Some(l)).unwrap(),
            };
            u.toko
                .simpan_responden(&r, &BatasSurvei::default(), &p)
                .await
                .unwrap();
        }
        // The hosted survey attached: one answer 3 and one 4 on every unsur.
        let mut s = survei("skm-host-2020", 2020, [1; 9]);
        s.responden = Some(2);
        for x in &mut s.unsur {
            x.jumlah = Some([0, 0, 1, 1]);
        }
        u.toko
            .ubah_data(&mum(), &bersama::pelaku(), |d| {
                let mut d = d.clone();
                d.skm.push(s);
                Ok::<_, ()>(d)
            })
            .await
            .map_err(|_| "setup")
            .unwrap();
        let (st, pdf) = u
            .buka("/instansi/mumbulsari/tahun/2020/skm/laporan/skm-host-2020/unduh.pdf")
            .await;
        assert_eq!(st, StatusCode::OK, "{}", teks(&pdf));
        let (_, lain) = u.buka(&format!("{HALAMAN}/unduh.pdf")).await;
        if let (Some(t), Some(tl)) = (pdftotext(&pdf), pdftotext(&lain)) {
            let t = t.split_whitespace().collect::<Vec<_>>().join(" ");
            assert!(t.contains("Perempuan"), "{t}");
            assert!(t.contains("Wirausaha"), "{t}");
            // NRR 3,5 on every unsur: IKM 3,5, NIK 87,50.
            assert!(t.contains("87,50"), "{t}");
            let tl = tl.split_whitespace().collect::<Vec<_>>().join(" ");
            assert!(!tl.contains("Perempuan"), "{tl}");
            assert!(tl.contains("tidak memuat kolom profil"), "{tl}");
        }
    }
}
