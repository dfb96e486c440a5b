//! The Evaluasi AKIP answering pages and their workflow, on both backends: the OPD answers
//! with evidence (a file kept by its SHA-256, a link to a record), submits; the evaluator sees
//! the data's proposal, confirms it, overrides it (the proposal kept beside), and the grade on
//! the page follows; finalising locks the year (409), the admin reopens with a reason. The
//! figures are computed by hand below from the bundled 88/2021 worksheet
//! (bawaan/lke-88-2021.toml) and the worked example (contoh/evaluasi/mumbulsari-2020.toml:
//! evaluator 61,25, OPD 71,25, computed by hand in crates/kinerja/tests/evaluasi.rs).

mod bersama;

use axum::http::{Request, StatusCode};
use kinerja_core::id::InstansiId;
use std::path::Path;

const DASAR: &str = "/instansi/mumbulsari/tahun/2020/evaluasi";

fn mum() -> InstansiId {
    InstansiId::new("mumbulsari").unwrap()
}

fn unggah(jalur: &str) -> axum::http::request::Builder {
    Request::builder().method("POST").uri(jalur).header(
        "content-type",
        format!("multipart/form-data; boundary={}", bersama::BATAS_MULTIPART),
    )
}

fn form(jalur: &str) -> axum::http::request::Builder {
    Request::builder()
        .method("POST")
        .uri(jalur)
        .header("content-type", "application/x-www-form-urlencoded")
}

/// The text of the element with this id (`<p id="total-evaluator">60,26</p>`).
fn isi_id<'a>(html: &'a str, id: &str) -> &'a str {
    let tanda = format!("id=\"{id}\">");
    let i = html
        .find(&tanda)
        .unwrap_or_else(|| panic!("no #{id}: {html}"))
        + tanda.len();
    &html[i..i + html[i..].find('<').unwrap()]
}

#[tokio::test]
async fn the_opd_answers_and_submits_the_evaluator_overrides_a_proposal_and_finalises() {
    for b in kinerja_simpan::uji::semua_basis().await {
        let u = bersama::operator(&b.url).await;
        let jawaban = kinerja_berkas::baca(
            &Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("../../contoh/evaluasi/mumbulsari-2020.toml"),
        )
        .unwrap()
        .jawaban_evaluasi;
        u.toko
            .ubah_data(&mum(), &bersama::pelaku(), |d| {
                let mut d = d.clone();
                d.jawaban_evaluasi = jawaban;
                Ok::<_, ()>(d)
            })
            .await
            .map_err(|_| "setup")
            .unwrap();
        let (ev, ev_csrf) =
            bersama::akun_bersesi(&u.toko, "inspektur", "pereviu", None, "x".into()).await;
        let (adm, adm_csrf) =
            bersama::akun_bersesi(&u.toko, "adm", "admin", None, "x".into()).await;
        let op = |r, body| bersama::kirim(&u.app, &u.sesi, r, body);
        let lihat = |sesi: &str, jalur: &str| {
            let (app, sesi, jalur) = (u.app.clone(), sesi.to_string(), jalur.to_string());
            async move { bersama::kirim(&app, &sesi, Request::builder().uri(jalur), vec![]).await }
        };

        // The OPD's page: the running totals of the worked example.
        let (s, _, html) = lihat(&u.sesi, DASAR).await;
        assert_eq!(s, StatusCode::OK, "{}: {html}", b.nama);
        assert_eq!(isi_id(&html, "total-opd"), "71,25");
        assert_eq!(isi_id(&html, "predikat-opd"), "BB (Sangat Baik)");
        assert_eq!(isi_id(&html, "tahap-evaluasi"), "Draf (diisi OPD)");

        // 1.a.3 from A to AA with a PDF and the Renstra as evidence. 1.a: 30 x 20 % = 6 points
        // over 6 criteria = 1 point; A 90 -> AA 100 adds 0,1: 71,25 + 0,10 = 71,35.
        let pdf = b"%PDF-1.4 renstra bertanda tangan";
        let body = bersama::multipart(
            &[
                ("csrf", &u.csrf),
                ("kriteria", "1.a.3"),
                ("jawaban", "AA"),
                ("catatan", "Renstra ditetapkan Perbup 26/2016"),
                ("dokumen", "renstra/renstra-2016-2021"),
            ],
            "C:\\scan\\renstra.pdf",
            pdf,
        );
        let (s, ke, html) = op(unggah(DASAR), body).await;
        assert_eq!(s, StatusCode::SEE_OTHER, "{html}");
        assert!(ke.starts_with(DASAR), "{ke}");
        let (_, _, html) = lihat(&u.sesi, DASAR).await;
        assert_eq!(isi_id(&html, "total-opd"), "71,35", "{}", b.nama);
        let d = u.toko.muat(&mum()).await.unwrap();
        let j = d
            .jawaban_evaluasi
            .iter()
            .find(|j| j.kriteria == "1.a.3")
            .unwrap();
        let bukti = &j.opd.as_ref().unwrap().bukti;
        let sha = match &bukti[1] {
            kinerja_core::model::Bukti::Berkas { nama, sha256 } => {
                assert_eq!(nama, "renstra.pdf", "the path is dropped");
                sha256.clone()
            }
            x => panic!("{x:?}"),
        };
        assert_eq!(
            bukti[0],
            kinerja_core::model::Bukti::Dokumen("renstra/renstra-2016-2021".into())
        );
        // A page disguised as a PDF, and a link to a record that does not exist: refused
        // beside their fields, nothing saved.
        let body = bersama::multipart(
            &[
                ("csrf", &u.csrf),
                ("kriteria", "1.a.4"),
                ("jawaban", "BB"),
                ("dokumen", "rkt/tidak-ada"),
            ],
            "rkt.pdf",
            b"<html><script>alert(1)</script>",
        );
        let (s, _, html) = op(unggah(DASAR), body).await;
        assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY, "{html}");
        assert!(html.contains("id=\"1.a.4.berkas-galat\""), "{html}");
        assert!(html.contains("jenis berkas tidak dikenali"), "{html}");
        assert!(html.contains("id=\"1.a.4.dokumen-galat\""), "{html}");
        assert_eq!(
            u.toko.muat(&mum()).await.unwrap().jawaban_evaluasi,
            d.jawaban_evaluasi
        );

        // The evidence file: for the evaluation's readers, as its bytes.
        let jalur_bukti = format!("{DASAR}/bukti/{sha}");
        let (s, _, isi) =
            bersama::kirim_bait(&u.app, &ev, Request::builder().uri(&jalur_bukti), vec![]).await;
        assert_eq!((s, isi.as_slice()), (StatusCode::OK, &pdf[..]));
        // Never the public's (an empty session cookie is no session), nor by a digest the
        // year's answers do not name.
        assert_eq!(lihat("", &jalur_bukti).await.0, StatusCode::FORBIDDEN);
        let (s, _, _) = lihat(&ev, &format!("{DASAR}/bukti/{}", "0".repeat(64))).await;
        assert_eq!(s, StatusCode::NOT_FOUND);

        // Submitting; the OPD's answers close.
        let (s, ke, _) = op(
            form(&format!("{DASAR}/ajukan")),
            format!("csrf={}", u.csrf).into(),
        )
        .await;
        assert_eq!(s, StatusCode::SEE_OTHER);
        assert!(ke.ends_with("langkah=ajukan"), "{ke}");
        let body = bersama::multipart(
            &[("csrf", &u.csrf), ("kriteria", "1.a.3"), ("jawaban", "A")],
            "",
            b"",
        );
        assert_eq!(op(unggah(DASAR), body).await.0, StatusCode::CONFLICT);

        // The evaluator's page: the proposal for 2.b.4 (E: no realisasi per triwulan).
        let ev_jalur = format!("{DASAR}/evaluator");
        // One component at a time: 2.b.4 is on component 2's page.
        let ev_k2 = format!("{ev_jalur}?komponen=2");
        let (s, _, html) = lihat(&ev, &ev_k2).await;
        assert_eq!(s, StatusCode::OK, "{html}");
        assert_eq!(isi_id(&html, "total-evaluator"), "61,25");
        assert_eq!(isi_id(&html, "predikat-evaluator"), "B (Baik)");
        assert!(html.contains("Setujui usulan E"), "{html}");
        let simpan = |kriteria: &'static str, jawaban: &'static str, aksi: &'static str| {
            let body = bersama::multipart(
                &[
                    ("csrf", &ev_csrf),
                    ("kriteria", kriteria),
                    ("jawaban", jawaban),
                    ("aksi", aksi),
                ],
                "",
                b"",
            );
            bersama::kirim(&u.app, &ev, unggah(&ev_jalur), body)
        };
        // 4.c.2 from C to E: 4.c is 25 x 50 % = 12,5 points over 5 criteria = 2,5; C is 50 %,
        // 1,25 points: 61,25 - 1,25 = 60,00, which is CC (60 belongs to the grade below).
        assert_eq!(
            simpan("4.c.2", "E", "simpan").await.0,
            StatusCode::SEE_OTHER
        );
        let (_, _, html) = lihat(&ev, &ev_jalur).await;
        assert_eq!(isi_id(&html, "total-evaluator"), "60,00");
        assert_eq!(isi_id(&html, "predikat-evaluator"), "CC (Cukup)");
        // Confirming the proposal E on 2.b.4 (was CC): 2.b is 30 x 30 % = 9 points over 7
        // criteria; CC 60 % of 9/7 = 0,771428...; 60,00 - 0,771428... = 59,228571... -> 59,23.
        assert_eq!(simpan("2.b.4", "", "usulan").await.0, StatusCode::SEE_OTHER);
        let (_, _, html) = lihat(&ev, &ev_jalur).await;
        assert_eq!(isi_id(&html, "total-evaluator"), "59,23");
        // Overriding it with BB (80 % of 9/7 = 1,028571...): 59,228571... + 1,028571... =
        // 60,257142... -> 60,26, above 60: B. The proposal stays beside the answer.
        assert_eq!(
            simpan("2.b.4", "BB", "simpan").await.0,
            StatusCode::SEE_OTHER
        );
        let (_, _, html) = lihat(&ev, &ev_k2).await;
        assert_eq!(isi_id(&html, "total-evaluator"), "60,26");
        assert_eq!(isi_id(&html, "predikat-evaluator"), "B (Baik)");
        assert!(html.contains("mengganti usulan E"), "{html}");
        let d = u.toko.muat(&mum()).await.unwrap();
        let j = d
            .jawaban_evaluasi
            .iter()
            .find(|j| j.kriteria == "2.b.4")
            .unwrap();
        let e = j.evaluator.as_ref().unwrap();
        assert_eq!((e.jawaban.as_str(), e.usulan.as_deref()), ("BB", Some("E")));

        // The OPD's operator may not act as the evaluator, nor finalise.
        let body = bersama::multipart(
            &[("csrf", &u.csrf), ("kriteria", "2.b.4"), ("jawaban", "AA")],
            "",
            b"",
        );
        assert_eq!(op(unggah(&ev_jalur), body).await.0, StatusCode::FORBIDDEN);
        // Finalising takes two steps.
        let langkah = |sesi: &str, csrf: &str, l: &str, extra: &str| {
            let app = u.app.clone();
            let sesi = sesi.to_string();
            let jalur = format!("{DASAR}/{l}");
            let body = format!("csrf={csrf}{extra}");
            async move { bersama::kirim(&app, &sesi, form(&jalur), body.into()).await }
        };
        assert_eq!(
            langkah(&ev, &ev_csrf, "finalkan", "").await.0,
            StatusCode::CONFLICT
        );
        assert_eq!(
            langkah(&ev, &ev_csrf, "selesai", "").await.0,
            StatusCode::SEE_OTHER
        );
        assert_eq!(
            langkah(&ev, &ev_csrf, "finalkan", "").await.0,
            StatusCode::SEE_OTHER
        );
        let (_, _, html) = lihat(&ev, &ev_k2).await;
        assert_eq!(isi_id(&html, "tahap-evaluasi"), "Final (terkunci)");
        assert!(!html.contains("Setujui usulan"), "no form on a final year");
        // Locked: the page's door (409), and the store's for every other door.
        assert_eq!(simpan("2.b.4", "A", "simpan").await.0, StatusCode::CONFLICT);
        let e = u
            .toko
            .ubah_data(&mum(), &bersama::pelaku(), |d| {
                let mut d = d.clone();
                d.jawaban_evaluasi[0].evaluator = None;
                Ok::<_, ()>(d)
            })
            .await
            .unwrap_err();
        assert!(
            matches!(
                e,
                kinerja_simpan::GagalUbah::Toko(kinerja_simpan::Galat::EvaluasiTerkunci(_))
            ),
            "{e:?}"
        );
        // Only the admin reopens, and only with a reason.
        assert_eq!(
            langkah(&ev, &ev_csrf, "buka", "&alasan=x").await.0,
            StatusCode::FORBIDDEN
        );
        assert_eq!(
            langkah(&adm, &adm_csrf, "buka", "").await.0,
            StatusCode::CONFLICT
        );
        assert_eq!(
            langkah(&adm, &adm_csrf, "buka", "&alasan=salah+ketik+2.b.4")
                .await
                .0,
            StatusCode::SEE_OTHER
        );
        let (_, _, html) = lihat(&ev, &ev_jalur).await;
        assert_eq!(isi_id(&html, "tahap-evaluasi"), "Selesai dievaluasi");
        assert!(html.contains("dibuka kembali: salah ketik 2.b.4"), "{html}");
        assert_eq!(
            simpan("2.b.4", "A", "simpan").await.0,
            StatusCode::SEE_OTHER
        );
        // Every step and answer is in the audit trail.
        let jejak = u.toko.jejak(&mum(), None, None, 1000).await.unwrap();
        assert!(
            jejak
                .iter()
                .filter(|j| j.tabel == "status_evaluasi")
                .count()
                >= 4,
            "{jejak:?}"
        );
        b.selesai().await;
    }
}
