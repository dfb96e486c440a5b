//! The IKU editor (`/iku/ubah`): the decree in force saved through the one write path, one audit
//! row for the changed decree; a field error beside its field with what was typed; another
//! instansi's operator refused.

mod bersama;

use axum::http::{Request, StatusCode};
use kinerja_core::id::InstansiId;

const UBAH: &str = "/instansi/mumbulsari/tahun/2020/iku/ubah";

fn mum() -> InstansiId {
    InstansiId::new("mumbulsari").unwrap()
}

async fn kirim(
    app: &axum::Router,
    sesi: &str,
    medan: &[(&str, &str)],
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
            .uri(UBAH)
            .header("content-type", "application/x-www-form-urlencoded"),
        body.join("&").into_bytes(),
    )
    .await
}

/// Every field of the IKU form as the page shows it for the example (`iku-2021`, dated
/// Januari 2021, the decree in force), with `ganti` replacing some.
fn form_dari(html: &str, csrf: &str, ganti: &[(&str, &str)]) -> Vec<(String, String)> {
    let mut v = vec![("csrf".to_string(), csrf.to_string())];
    for bagian in html.split("name=\"iku.").skip(1) {
        let nama = format!("iku.{}", &bagian[..bagian.find('"').unwrap()]);
        let sisa = &bagian[bagian.find('"').unwrap()..];
        let nilai = if let Some(i) = sisa.find("value=\"").filter(|i| *i < 80) {
            let s = &sisa[i + 7..];
            s[..s.find('"').unwrap()].to_string()
        } else {
            // A textarea: its text up to the closing tag.
            let s = &sisa[sisa.find('>').unwrap() + 1..];
            s[..s.find("</textarea>").unwrap()].to_string()
        };
        let nilai = nilai
            .replace("&#34;", "\"")
            .replace("&#39;", "'")
            .replace("&amp;", "&")
            .replace("&lt;", "<")
            .replace("&gt;", ">");
        v.push((nama, nilai));
    }
    for (k, x) in ganti {
        match v.iter().position(|(a, _)| a == k) {
            Some(i) => v[i].1 = x.to_string(),
            None => v.push((k.to_string(), x.to_string())),
        }
    }
    v
}

#[tokio::test]
async fn the_decree_in_force_is_saved_with_one_audit_row_and_errors_beside_fields() {
    for b in kinerja_simpan::uji::semua_basis().await {
        let u = bersama::operator(&b.url).await;
        let (s, _, html) =
            bersama::kirim(&u.app, &u.sesi, Request::builder().uri(UBAH), vec![]).await;
        assert_eq!(s, StatusCode::OK, "{html}");
        let pasang = |v: &[(String, String)]| -> Vec<(String, String)> { v.to_vec() };
        // The form as shown changes nothing.
        let f = pasang(&form_dari(&html, &u.csrf, &[]));
        let f: Vec<(&str, &str)> = f.iter().map(|(a, b)| (a.as_str(), b.as_str())).collect();
        let (s, ke, body) = kirim(&u.app, &u.sesi, &f).await;
        assert_eq!(s, StatusCode::SEE_OTHER, "{}: {body}", b.nama);
        assert!(ke.ends_with("disimpan=0"), "{ke}");

        let jejak0 = u
            .toko
            .jejak(&mum(), Some("iku"), None, 100)
            .await
            .unwrap()
            .len();
        let f = form_dari(
            &html,
            &u.csrf,
            &[
                ("iku.I-S1-1.sumber_data", "Laporan SKM Kecamatan"),
                ("iku.I-S1-1.pengali", "1"),
            ],
        );
        let f: Vec<(&str, &str)> = f.iter().map(|(a, b)| (a.as_str(), b.as_str())).collect();
        let (s, ke, body) = kirim(&u.app, &u.sesi, &f).await;
        assert_eq!(s, StatusCode::SEE_OTHER, "{body}");
        assert!(ke.ends_with("disimpan=1"), "{ke}");
        let jejak = u.toko.jejak(&mum(), Some("iku"), None, 100).await.unwrap();
        assert_eq!(jejak.len(), jejak0 + 1, "one decree changed, one audit row");
        let d = u.toko.muat(&mum()).await.unwrap();
        let iku = d.iku.iter().find(|i| i.id.as_str() == "iku-2021").unwrap();
        let baris = iku
            .baris
            .iter()
            .find(|x| x.indikator.as_str() == "I-S1-1")
            .unwrap();
        assert_eq!(baris.sumber_data.as_deref(), Some("Laporan SKM Kecamatan"));
        assert_eq!(
            baris.formulasi.pengali.map(|p| p.to_string()).as_deref(),
            Some("1")
        );

        let f = form_dari(
            &html,
            &u.csrf,
            &[
                ("iku.I-S1-1.pengali", "-100"),
                ("iku.keputusan.nomor", ""),
                ("iku.I-S1-1.sumber_data", "Diketik ulang"),
            ],
        );
        let f: Vec<(&str, &str)> = f.iter().map(|(a, b)| (a.as_str(), b.as_str())).collect();
        let (s, _, body) = kirim(&u.app, &u.sesi, &f).await;
        assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY, "{body}");
        assert!(body.contains(r#"id="iku.I-S1-1.pengali-galat""#), "{body}");
        assert!(body.contains("nomor keputusan wajib diisi"), "{body}");
        assert!(body.contains(r#"value="Diketik ulang""#), "{body}");
        assert_eq!(u.toko.muat(&mum()).await.unwrap(), d, "nothing written");
        b.selesai().await;
    }
}

#[tokio::test]
async fn another_instansis_operator_is_refused() {
    let b = kinerja_simpan::uji::sqlite();
    let u = bersama::operator(&b.url).await;
    let (sesi, csrf) =
        bersama::akun_bersesi(&u.toko, "op-lain", "operator", Some("jember"), "x".into()).await;
    let (s, _, _) = bersama::kirim(&u.app, &sesi, Request::builder().uri(UBAH), vec![]).await;
    assert_eq!(s, StatusCode::FORBIDDEN);
    let (s, _, _) = kirim(
        &u.app,
        &sesi,
        &[("csrf", &csrf), ("iku.keputusan.nomor", "9")],
    )
    .await;
    assert_eq!(s, StatusCode::FORBIDDEN);
    b.selesai().await;
}
