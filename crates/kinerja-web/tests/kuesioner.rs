//! The instansi's own SKM questionnaire: saved from its page (one audited record, field errors
//! that change nothing), asked by the hosted survey form instead of the annex's, used to read
//! an uploaded export with the instansi's own headers and answers, and removed again.

mod bersama;

use axum::http::{Request, StatusCode};
use bersama::Operator as Uji;
use kinerja_core::id::InstansiId;

const HALAMAN: &str = "/instansi/mumbulsari/tahun/2020/skm/kuesioner";

fn mum() -> InstansiId {
    InstansiId::new("mumbulsari").unwrap()
}

impl Uji {
    async fn buka(&self, jalur: &str) -> (StatusCode, String) {
        let (s, _, b) =
            bersama::kirim_bait(&self.app, &self.sesi, Request::builder().uri(jalur), vec![]).await;
        (s, String::from_utf8_lossy(&b).into_owned())
    }

    async fn kirim(&self, medan: &[(String, String)]) -> (StatusCode, String, String) {
        let medan: Vec<(&str, &str)> = medan
            .iter()
            .map(|(k, v)| (k.as_str(), v.as_str()))
            .collect();
        self.kirim_form(HALAMAN, &medan).await
    }

    async fn jejak(&self) -> usize {
        self.toko
            .jejak(&mum(), None, None, 10_000)
            .await
            .unwrap()
            .len()
    }
}

/// The office's own wording: question n is "Pertanyaan kantor n?", its answers
/// "Buruk n", "Cukup n", "Bagus n", "Istimewa n" (values 1-4); U1's export column is "Syarat".
fn isian_sendiri() -> Vec<(String, String)> {
    let mut v = vec![("aksi".to_string(), "simpan".to_string())];
    for n in 1..=9 {
        v.push((format!("u{n}.teks"), format!("Pertanyaan kantor {n}?")));
        for (j, l) in ["Buruk", "Cukup", "Bagus", "Istimewa"].iter().enumerate() {
            v.push((format!("u{n}.label{}", j + 1), format!("{l} {n}")));
        }
        v.push((
            format!("u{n}.kolom"),
            if n == 1 {
                "Syarat".into()
            } else {
                String::new()
            },
        ));
    }
    v
}

#[tokio::test]
async fn an_own_questionnaire_is_saved_asked_by_the_form_and_read_from_an_export() {
    for b in kinerja_simpan::uji::semua_basis().await {
        let u = bersama::operator(&b.url).await;
        // Before: the annex's wording on both pages.
        let (s, html) = u.buka(HALAMAN).await;
        assert_eq!(s, StatusCode::OK, "{}: {html}", b.nama);
        assert!(
            html.contains("kuesioner baku PermenPANRB 14/2017"),
            "{html}"
        );
        let (_, form) = u.buka("/survei/mumbulsari").await;
        assert!(!form.contains("Pertanyaan kantor 1?"));

        // Two answers of U3 alike and an empty question: both named, nothing saved.
        let sebelum = u.jejak().await;
        let mut salah = isian_sendiri();
        for (k, v) in salah.iter_mut() {
            if k == "u3.label2" {
                *v = "buruk 3".into();
            }
            if k == "u5.teks" {
                v.clear();
            }
        }
        let (s, _, body) = u.kirim(&salah).await;
        assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
        assert!(body.contains("Ada 2 isian yang perlu diperbaiki"), "{body}");
        assert!(body.contains("u3.label2-galat"), "{body}");
        assert!(body.contains("u5.teks-galat"), "{body}");
        assert_eq!(u.jejak().await, sebelum);

        // Saved: one record, one audit row.
        let (s, ke, body) = u.kirim(&isian_sendiri()).await;
        assert_eq!(s, StatusCode::SEE_OTHER, "{}: {body}", b.nama);
        assert!(ke.contains("skm/kuesioner"), "{ke}");
        assert_eq!(u.jejak().await, sebelum + 1);
        let d = u.toko.muat(&mum()).await.unwrap();
        assert_eq!(d.kuesioner_skm.len(), 1);
        assert_eq!(
            d.kuesioner_skm[0].pertanyaan[0].kolom.as_deref(),
            Some("Syarat")
        );

        // The hosted form asks it, answers as the office wrote them.
        let (s, form) = u.buka("/survei/mumbulsari").await;
        assert_eq!(s, StatusCode::OK);
        assert!(form.contains("Pertanyaan kantor 1?"), "{form}");
        assert!(form.contains("Istimewa 9"), "{form}");

        // An export with the office's own header for U1 and its own answers elsewhere: two
        // respondents, U1 "Istimewa 1" (4) and "Bagus 1" (3), every other unsur "Bagus n" (3).
        // NRR U1 = 3,5, others 3; IKM = (3,5 + 8 x 3) / 9 = 27,5 / 9 = 3,0555...; NIK = IKM x 25
        // = 76,388... printed 76,39.
        let mut kepala = vec!["Syarat".to_string()];
        kepala.extend((2..=9).map(|n| format!("U{n}")));
        let baris = |u1: &str| {
            let mut v = vec![u1.to_string()];
            v.extend((2..=9).map(|n| format!("Bagus {n}")));
            v.join(",")
        };
        let csv = format!(
            "{}\n{}\n{}\n",
            kepala.join(","),
            baris("Istimewa 1"),
            baris("Bagus 1")
        );
        let medan = [
            ("csrf", u.csrf.as_str()),
            ("indikator", "I-S2-1"),
            ("regime", "2017"),
            ("bobot", "tepat"),
        ];
        let body = bersama::multipart(&medan, "ekspor.csv", csv);
        let (s, _, html) = bersama::kirim(
            &u.app,
            &u.sesi,
            Request::builder()
                .method("POST")
                .uri("/instansi/mumbulsari/tahun/2020/skm")
                .header(
                    "content-type",
                    format!("multipart/form-data; boundary={}", bersama::BATAS_MULTIPART),
                ),
            body,
        )
        .await;
        assert_eq!(s, StatusCode::OK, "{}: {html}", b.nama);
        assert!(html.contains("76,39"), "{html}");

        // Back to the annex's questionnaire: the record is removed (audited).
        let (s, _, _) = u.kirim(&[("aksi".to_string(), "baku".to_string())]).await;
        assert_eq!(s, StatusCode::SEE_OTHER);
        assert!(u.toko.muat(&mum()).await.unwrap().kuesioner_skm.is_empty());
        assert_eq!(u.jejak().await, sebelum + 2);
        let (_, form) = u.buka("/survei/mumbulsari").await;
        assert!(!form.contains("Pertanyaan kantor 1?"));
        b.selesai().await;
    }
}

#[tokio::test]
async fn a_reader_of_the_instansi_sees_the_questionnaire_without_the_buttons() {
    for b in kinerja_simpan::uji::semua_basis().await {
        let u: Uji = bersama::operator(&b.url).await;
        let (s, html) = u.buka(HALAMAN).await;
        assert_eq!(s, StatusCode::OK);
        assert!(html.contains("Simpan kuesioner"));
        // The anonymous public may not open an unpublished year's page.
        let (s, _, _) =
            bersama::kirim_bait(&u.app, "", Request::builder().uri(HALAMAN), vec![]).await;
        assert_ne!(s, StatusCode::OK);
        b.selesai().await;
    }
}
