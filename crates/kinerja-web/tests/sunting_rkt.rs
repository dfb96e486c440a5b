//! The RKT editor (`/rkt/ubah`): the year's RKT as a form (targets, programs, kegiatan with
//! their budget, "-" for a kegiatan without one); the unchanged form is no change; a change is
//! saved through the one write path, one audit row per changed record; a field error beside its
//! field with what was typed and nothing written; a year without an RKT gets one; another
//! instansi's operator is refused.

mod bersama;

use axum::http::{Request, StatusCode};
use kinerja_core::id::InstansiId;
use kinerja_core::model::{DataInstansi, DokumenTarget};

fn ubah(tahun: u16) -> String {
    format!("/instansi/mumbulsari/tahun/{tahun}/rkt/ubah")
}

fn mum() -> InstansiId {
    InstansiId::new("mumbulsari").unwrap()
}

async fn buka(u: &bersama::Operator, jalur: &str) -> (StatusCode, String) {
    let (s, _, b) = bersama::kirim(&u.app, &u.sesi, Request::builder().uri(jalur), vec![]).await;
    (s, b)
}

async fn kirim(
    app: &axum::Router,
    sesi: &str,
    jalur: &str,
    medan: &[(String, String)],
) -> (StatusCode, String, String) {
    let body: Vec<String> = medan
        .iter()
        .map(|(k, v)| {
            let v: String = form_urlencoded::byte_serialize(v.as_bytes()).collect();
            format!("{k}={v}")
        })
        .collect();
    bersama::kirim(
        app,
        sesi,
        Request::builder()
            .method("POST")
            .uri(jalur)
            .header("content-type", "application/x-www-form-urlencoded"),
        body.join("&").into_bytes(),
    )
    .await
}

/// What a browser sends for the page's form: every `rkt.` input (a checkbox only when
/// ticked), the button, with `ganti` replacing or adding fields.
fn form_dari(html: &str, csrf: &str, ganti: &[(&str, &str)]) -> Vec<(String, String)> {
    let mut v = vec![
        ("csrf".to_string(), csrf.to_string()),
        ("aksi".to_string(), "simpan".to_string()),
    ];
    for tag in html.split("<input").skip(1) {
        let tag = &tag[..tag.find('>').unwrap()];
        let attr = |a: &str| {
            let k = format!("{a}=\"");
            tag.find(&k).map(|i| {
                let s = &tag[i + k.len()..];
                s[..s.find('"').unwrap()].replace("&amp;", "&")
            })
        };
        let Some(nama) = attr("name").filter(|n| n.starts_with("rkt.")) else {
            continue;
        };
        if tag.contains("type=\"checkbox\"") && !tag.contains(" checked") {
            continue;
        }
        v.push((nama, attr("value").unwrap_or_default()));
    }
    for (k, x) in ganti {
        match v.iter().position(|(a, _)| a == k) {
            Some(i) if x.is_empty() => {
                v.remove(i);
            }
            Some(i) => v[i].1 = x.to_string(),
            None => v.push((k.to_string(), x.to_string())),
        }
    }
    v
}

async fn data(u: &bersama::Operator) -> DataInstansi {
    u.toko.muat(&mum()).await.unwrap()
}

fn target_rkt(d: &DataInstansi, ind: &str, tahun: u16) -> Option<String> {
    d.target
        .iter()
        .find(|t| {
            t.indikator.as_str() == ind && t.tahun.get() == tahun && t.dokumen == DokumenTarget::Rkt
        })
        .map(|t| t.nilai.teks().to_string())
}

#[tokio::test]
async fn the_rkt_of_a_year_is_edited_as_one_form() {
    for b in kinerja_simpan::uji::semua_basis().await {
        let u = bersama::operator(&b.url).await;
        let (s, html) = buka(&u, &ubah(2021)).await;
        assert_eq!(s, StatusCode::OK, "{html}");
        // contoh/mumbulsari/rkt-2021.toml, as the document prints it.
        for x in [
            r#"name="rkt.target.I-S1-1" value="85 (B)""#,
            r#"name="rkt.kegiatan.K-KOORD-PEM" value="20.000.000,00""#,
            r#"name="rkt.kegiatan.K-YANMUM-2021" value="-""#,
            r#"name="rkt.program.P-KOORD" value="1" checked"#,
        ] {
            assert!(html.contains(x), "{}: {x}: {html}", b.nama);
        }
        assert!(
            html.contains(r#"name="rkt.program.P-ADM" value="1">"#),
            "{html}"
        );

        // The form as shown: no change.
        let sebelum = data(&u).await;
        let (s, ke, html) = kirim(
            &u.app,
            &u.sesi,
            &ubah(2021),
            &form_dari(&html, &u.csrf, &[]),
        )
        .await;
        assert_eq!(s, StatusCode::SEE_OTHER, "{html}");
        assert!(ke.ends_with("disimpan=0"), "{}: {ke}", b.nama);
        assert_eq!(data(&u).await, sebelum);

        // A bad budget: beside its field, as typed, nothing written.
        let (_, halaman) = buka(&u, &ubah(2021)).await;
        let (s, _, html) = kirim(
            &u.app,
            &u.sesi,
            &ubah(2021),
            &form_dari(&halaman, &u.csrf, &[("rkt.kegiatan.K-KOORD-PEM", "12.5.0")]),
        )
        .await;
        assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY);
        assert!(
            html.contains(r#"id="rkt.kegiatan.K-KOORD-PEM-galat""#),
            "{html}"
        );
        assert!(html.contains(r#"value="12.5.0""#), "{html}");
        assert_eq!(data(&u).await, sebelum, "nothing written");

        // A target, a budget and a program changed: the target record and the RKT record.
        let (s, ke, html) = kirim(
            &u.app,
            &u.sesi,
            &ubah(2021),
            &form_dari(
                &halaman,
                &u.csrf,
                &[
                    ("rkt.target.I-S2-1", "95 %"),
                    ("rkt.kegiatan.K-KOORD-PARTISIPASI", "32.500.000,50"),
                    ("rkt.program.P-ADM", "1"),
                ],
            ),
        )
        .await;
        assert_eq!(s, StatusCode::SEE_OTHER, "{html}");
        assert!(ke.ends_with("disimpan=2"), "{}: {ke}", b.nama);
        let d = data(&u).await;
        assert_eq!(target_rkt(&d, "I-S2-1", 2021).as_deref(), Some("95 %"));
        let r = d.rkt.iter().find(|r| r.id.as_str() == "rkt-2021").unwrap();
        assert!(r.program.iter().any(|p| p.as_str() == "P-ADM"));
        let k = r
            .kegiatan
            .iter()
            .find(|k| k.kegiatan.as_str() == "K-KOORD-PARTISIPASI")
            .unwrap();
        assert_eq!(
            kinerja_core::angka::format_angka(k.anggaran.unwrap().nilai(), 2),
            "32.500.000,50"
        );
        // The order of the document is kept.
        assert_eq!(r.kegiatan[0].kegiatan.as_str(), "K-YANMUM-2021");
        let j = u.toko.jejak(&mum(), Some("rkt"), None, 100).await.unwrap();
        let n = j
            .iter()
            .filter(|r| r.kunci == "rkt-2021" && r.aksi == "ubah")
            .count();
        assert_eq!(n, 1, "one audit row for the RKT record");
        b.selesai().await;
    }
}

#[tokio::test]
async fn a_year_without_an_rkt_gets_one_and_another_operator_is_refused() {
    let b = kinerja_simpan::uji::sqlite();
    let u = bersama::operator(&b.url).await;
    assert!(!data(&u).await.rkt.iter().any(|r| r.tahun.get() == 2019));
    let (s, html) = buka(&u, &ubah(2019)).await;
    assert_eq!(s, StatusCode::OK);
    assert!(html.contains("RKT baru"), "{html}");
    let (s, _, html) = kirim(
        &u.app,
        &u.sesi,
        &ubah(2019),
        &form_dari(
            &html,
            &u.csrf,
            &[
                ("rkt.target.I-S1-1", "80"),
                ("rkt.kegiatan.K-KOORD-PEM", "-"),
            ],
        ),
    )
    .await;
    assert_eq!(s, StatusCode::SEE_OTHER, "{html}");
    let d = data(&u).await;
    let r = d.rkt.iter().find(|r| r.id.as_str() == "rkt-2019").unwrap();
    assert_eq!(r.kegiatan.len(), 1);
    assert_eq!(r.kegiatan[0].anggaran, None);
    assert_eq!(target_rkt(&d, "I-S1-1", 2019).as_deref(), Some("80"));

    // Without the form's button (a bare or forged post): refused, nothing written.
    let (s, _, _) = kirim(
        &u.app,
        &u.sesi,
        &ubah(2019),
        &[("csrf".to_string(), u.csrf.clone())],
    )
    .await;
    assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(data(&u).await, d);

    let (sesi, csrf) =
        bersama::akun_bersesi(&u.toko, "op-lain", "operator", Some("jember"), "x".into()).await;
    let (s, _, _) = bersama::kirim(&u.app, &sesi, Request::builder().uri(ubah(2019)), vec![]).await;
    assert_eq!(s, StatusCode::FORBIDDEN);
    let (s, _, _) = kirim(
        &u.app,
        &sesi,
        &ubah(2019),
        &[
            ("csrf".into(), csrf),
            ("aksi".into(), "simpan".into()),
            ("rkt.target.I-S1-1".into(), "1".into()),
        ],
    )
    .await;
    assert_eq!(s, StatusCode::FORBIDDEN);
    assert_eq!(data(&u).await, d);
    b.selesai().await;
}
