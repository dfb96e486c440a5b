//! The report and reviu pages through the router: the narrative saved from the form (and kept
//! as typed after an error), a pereviu's acceptance that leaves the open count and the
//! operator's dashboard, the explicit removal of a realisasi value, and what the public sees of
//! a published year's report.

mod bersama;

use axum::body::Body;
use axum::http::{Request, StatusCode};
use http_body_util::BodyExt;
use kinerja_core::id::InstansiId;
use kinerja_core::waktu::{Periode, Tahun};
use kinerja_simpan::Toko;
use kinerja_simpan::akun::Langkah;
use tower::ServiceExt;

const DASAR: &str = "/instansi/mumbulsari/tahun/2020";

struct Uji {
    app: axum::Router,
    toko: Toko,
    /// Session cookie and CSRF token per account name.
    sesi: Vec<(&'static str, String, String)>,
}

async fn siap(url: &str) -> Uji {
    let toko = bersama::toko_contoh(url).await;
    let mut sesi = Vec::new();
    for (nama, peran, instansi) in [
        ("op", "operator", Some("mumbulsari")),
        ("inspektorat", "pereviu", None),
    ] {
        let (token, csrf) =
            bersama::akun_bersesi(&toko, nama, peran, instansi, "tidak-dipakai".into()).await;
        sesi.push((nama, token, csrf));
    }
    Uji {
        app: kinerja_web::aplikasi(kinerja_web::negara(toko.clone())),
        toko,
        sesi,
    }
}

impl Uji {
    async fn minta(
        &self,
        siapa: Option<&str>,
        r: axum::http::request::Builder,
        body: String,
    ) -> (StatusCode, String, String) {
        let mut r = r;
        let mut body = body;
        if let Some((_, token, csrf)) = self.sesi.iter().find(|(n, _, _)| Some(*n) == siapa) {
            r = r.header("cookie", format!("kinerja_sesi={token}"));
            body = body.replace("{csrf}", csrf);
        }
        let res = self
            .app
            .clone()
            .oneshot(r.body(Body::from(body)).unwrap())
            .await
            .unwrap();
        let status = res.status();
        let ke = res
            .headers()
            .get("location")
            .map(|v| v.to_str().unwrap().to_string())
            .unwrap_or_default();
        let b = res.into_body().collect().await.unwrap().to_bytes().to_vec();
        (status, ke, String::from_utf8_lossy(&b).into_owned())
    }

    async fn get(&self, siapa: Option<&str>, uri: &str) -> (StatusCode, String) {
        let (s, _, b) = self
            .minta(siapa, Request::builder().uri(uri), String::new())
            .await;
        (s, b)
    }

    /// POSTs a form (`{csrf}` in `isian` is the session's token); the status and the redirect.
    async fn post(
        &self,
        siapa: &str,
        uri: &str,
        isian: &[(&str, &str)],
    ) -> (StatusCode, String, String) {
        let body = form_urlencoded::Serializer::new(String::new())
            .extend_pairs(isian)
            .finish()
            .replace("%7Bcsrf%7D", "{csrf}");
        self.minta(
            Some(siapa),
            Request::builder()
                .method("POST")
                .uri(uri)
                .header("content-type", "application/x-www-form-urlencoded"),
            body,
        )
        .await
    }
}

fn mum() -> InstansiId {
    InstansiId::new("mumbulsari").unwrap()
}

#[tokio::test]
async fn the_narrative_is_saved_from_the_form_and_kept_as_typed_after_an_error() {
    let b = kinerja_simpan::uji::sqlite();
    let u = siap(&b.url).await;
    let (s, ke, _) = u
        .post(
            "op",
            &format!("{DASAR}/laporan"),
            &[
                ("csrf", "{csrf}"),
                ("kata_pengantar", "Kata pengantar yang ditulis di peramban."),
                ("penutup.langkah", "langkah satu\r\nlangkah dua"),
            ],
        )
        .await;
    assert_eq!(s, StatusCode::SEE_OTHER);
    assert_eq!(ke, format!("{DASAR}/laporan?disimpan=1"));
    let d = u.toko.muat(&mum()).await.unwrap();
    assert_eq!(
        d.laporan[0].kata_pengantar,
        "Kata pengantar yang ditulis di peramban."
    );
    assert_eq!(
        d.laporan[0].penutup.langkah_perbaikan,
        vec!["langkah satu", "langkah dua"]
    );
    let jejak = u
        .toko
        .jejak(&mum(), Some("laporan"), None, 5)
        .await
        .unwrap();
    assert_eq!(
        (jejak[0].aksi.as_str(), jejak[0].pengguna.as_str()),
        ("ubah", "op")
    );

    // A date that cannot be one: 422, nothing saved, the form shows what was typed.
    let (s, _, html) = u
        .post(
            "op",
            &format!("{DASAR}/laporan"),
            &[
                ("csrf", "{csrf}"),
                ("tanggal", "31 Juni 2021"),
                ("kata_pengantar", "teks yang belum tersimpan"),
            ],
        )
        .await;
    assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(html.contains(r#"value="31 Juni 2021""#), "{html}");
    assert!(html.contains("teks yang belum tersimpan"));
    assert!(
        html.contains("<title>Laporan Kinerja 2020"),
        "its own title"
    );
    assert_eq!(u.toko.muat(&mum()).await.unwrap(), d, "nothing saved");

    // The pereviu reads, but may not write the narrative.
    let (s, _, _) = u
        .post(
            "inspektorat",
            &format!("{DASAR}/laporan"),
            &[("csrf", "{csrf}")],
        )
        .await;
    assert_eq!(s, StatusCode::FORBIDDEN);
    u.toko.tutup().await;
    b.selesai().await;
}

/// The open `galat` count the operator's dashboard shows.
fn galat_terbuka(dasbor: &str) -> usize {
    let i = dasbor
        .find(" galat terbuka:</strong>")
        .unwrap_or_else(|| panic!("no reviu panel: {dasbor}"));
    let awal = dasbor[..i].rfind("<strong>").unwrap() + "<strong>".len();
    dasbor[awal..i].parse().unwrap()
}

#[tokio::test]
async fn an_accepted_finding_leaves_the_open_count() {
    for b in kinerja_simpan::uji::semua_basis().await {
        let u = siap(&b.url).await;
        let (s, dasbor) = u.get(Some("op"), DASAR).await;
        assert_eq!(s, StatusCode::OK);
        let sebelum = galat_terbuka(&dasbor);
        assert!(sebelum > 0, "the example's reviu has open galat");

        // The first open galat of the reviu page, by its acceptance form.
        let (s, reviu) = u
            .get(
                Some("inspektorat"),
                &format!("{DASAR}/reviu?tingkat=galat&status=terbuka"),
            )
            .await;
        assert_eq!(s, StatusCode::OK);
        let nilai = |nama: &str| {
            let tanda = format!(r#"name="{nama}" value=""#);
            let i = reviu.find(&tanda).unwrap() + tanda.len();
            reviu[i..i + reviu[i..].find('"').unwrap()]
                .replace("&#124;", "|")
                .replace("&#34;", "\"")
        };
        let (aturan, kunci) = (nilai("aturan"), nilai("kunci"));

        // The operator may not accept a finding; an empty reason is refused.
        let isian = [
            ("csrf", "{csrf}"),
            ("aturan", aturan.as_str()),
            ("kunci", kunci.as_str()),
            ("alasan", "selisih pembulatan pada dokumen asli"),
        ];
        let (s, _, _) = u.post("op", &format!("{DASAR}/reviu/terima"), &isian).await;
        assert_eq!(s, StatusCode::FORBIDDEN);
        let mut kosong = isian;
        kosong[3].1 = " ";
        let (s, _, _) = u
            .post("inspektorat", &format!("{DASAR}/reviu/terima"), &kosong)
            .await;
        assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY);

        let (s, ke, _) = u
            .post("inspektorat", &format!("{DASAR}/reviu/terima"), &isian)
            .await;
        assert_eq!(s, StatusCode::SEE_OTHER, "{}", b.nama);
        assert_eq!(ke, format!("{DASAR}/reviu?diterima=1"));
        let d = u.toko.muat(&mum()).await.unwrap();
        let p = d
            .reviu
            .iter()
            .find(|p| p.kunci == kunci)
            .expect("kept in the data");
        assert_eq!(
            (p.aturan.as_str(), p.oleh.as_deref()),
            (aturan.as_str(), Some("inspektorat"))
        );
        let jejak = u.toko.jejak(&mum(), Some("reviu"), None, 5).await.unwrap();
        assert_eq!(jejak[0].pengguna, "inspektorat");

        let (_, dasbor) = u.get(Some("op"), DASAR).await;
        assert_eq!(galat_terbuka(&dasbor), sebelum - 1, "{}", b.nama);
        let (_, reviu) = u.get(Some("op"), &format!("{DASAR}/reviu")).await;
        assert!(reviu.contains("selisih pembulatan pada dokumen asli"));
        u.toko.tutup().await;
        b.selesai().await;
    }
}

#[tokio::test]
async fn a_realisasi_value_is_removed_explicitly() {
    let b = kinerja_simpan::uji::sqlite();
    let u = siap(&b.url).await;
    let (_, html) = u.get(Some("op"), &format!("{DASAR}/realisasi")).await;
    assert!(
        html.contains(r#"name="hapus" value="r.I-S1-1.tahunan""#),
        "{html}"
    );
    let (s, ke, _) = u
        .post(
            "op",
            &format!("{DASAR}/realisasi/hapus"),
            &[("csrf", "{csrf}"), ("hapus", "r.I-S1-1.tahunan")],
        )
        .await;
    assert_eq!(s, StatusCode::SEE_OTHER);
    assert_eq!(ke, format!("{DASAR}/realisasi?dihapus=1"));
    let d = u.toko.muat(&mum()).await.unwrap();
    assert!(!d.realisasi.iter().any(|r| r.indikator.as_str() == "I-S1-1"
        && r.tahun.get() == 2020
        && r.periode == Periode::Tahunan));
    let (_, html) = u.get(Some("op"), &ke).await;
    assert!(html.contains("1 nilai dihapus"));
    // A name that is no value of the form is refused, not ignored.
    let (s, _, _) = u
        .post(
            "op",
            &format!("{DASAR}/realisasi/hapus"),
            &[("csrf", "{csrf}"), ("hapus", "bukan")],
        )
        .await;
    assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY);
    u.toko.tutup().await;
    b.selesai().await;
}

#[tokio::test]
async fn a_published_years_report_is_public_and_its_reviu_is_not() {
    let b = kinerja_simpan::uji::sqlite();
    let u = siap(&b.url).await;
    assert_eq!(
        u.get(None, &format!("{DASAR}/laporan")).await.0,
        StatusCode::FORBIDDEN
    );
    let th = Tahun::new(2020).unwrap();
    for l in [Langkah::Ajukan, Langkah::Setujui] {
        u.toko
            .langkah_alur(&mum(), th, Periode::Tahunan, l, &bersama::pelaku())
            .await
            .unwrap();
    }
    let (s, html) = u.get(None, &format!("{DASAR}/laporan")).await;
    assert_eq!(s, StatusCode::OK);
    assert!(html.contains("Sidik data <code class=\"sidik\">"), "{html}");
    assert!(html.contains(&format!("{DASAR}/laporan.pdf")));
    assert!(!html.contains("Simpan naskah"), "no form for the public");
    assert!(!html.contains(">Reviu<"), "no reviu link for the public");
    let (s, _) = u.get(None, &format!("{DASAR}/laporan.html?draf=1")).await;
    assert_eq!(s, StatusCode::OK);
    assert_eq!(
        u.get(None, &format!("{DASAR}/reviu")).await.0,
        StatusCode::FORBIDDEN
    );
    u.toko.tutup().await;
    b.selesai().await;
}

/// Every text field of the report form, with the data model's field it fills: a value at the
/// field's bound is saved, one character more is refused with the field and the bound named.
/// A narrative's bound (100.000) lies past the web's bound for any field (20.000), which then
/// refuses first, naming the form field.
#[tokio::test]
async fn every_text_field_of_the_report_form_is_bounded_by_its_kind() {
    use kinerja_core::angka::format_angka;
    use kinerja_core::validasi::batas_medan;
    let b = kinerja_simpan::uji::sqlite();
    let u = siap(&b.url).await;
    let d = u.toko.muat(&mum()).await.unwrap();
    let lap = d.laporan.iter().find(|l| l.tahun.get() == 2020).unwrap();
    let analisis = format!("analisis.{}", lap.analisis[0].sasaran);
    let medan: Vec<(&str, &str)> = vec![
        ("judul", "judul"),
        ("tempat", "tempat"),
        ("kata_pengantar", "kata_pengantar"),
        ("ikhtisar", "teks"),
        ("penutup", "teks"),
        ("ikhtisar.kendala", "kendala"),
        ("ikhtisar.langkah", "langkah_perbaikan"),
        ("penutup.kendala", "kendala"),
        ("penutup.langkah", "langkah_perbaikan"),
        (analisis.as_str(), "teks"),
        ("bagian.0", "teks"),
    ];
    let angka = |n: usize| format_angka((n as u64).into(), 0);
    let web = kinerja_web::BATAS_TEKS;
    for (form, model) in medan {
        let batas = batas_medan("laporan", model).min(web);
        let uri = format!("{DASAR}/laporan");
        let teks = "é".repeat(batas);
        let (s, _, html) = u
            .post("op", &uri, &[("csrf", "{csrf}"), (form, &teks)])
            .await;
        assert_eq!(s, StatusCode::SEE_OTHER, "{form} at {batas}: {html}");
        let sebelum = u.toko.muat(&mum()).await.unwrap();
        let teks = "é".repeat(batas + 1);
        let (s, _, html) = u
            .post("op", &uri, &[("csrf", "{csrf}"), (form, &teks)])
            .await;
        assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY, "{form}");
        let pesan = format!(
            "terlalu panjang: {} karakter, paling banyak {} karakter",
            angka(batas + 1),
            angka(batas)
        );
        assert!(html.contains(&pesan), "{form}: {pesan} not in {html}");
        // The field is named just before the message.
        let disebut = if batas == web { form } else { model };
        let i = html.find(&pesan).unwrap();
        let depan = String::from_utf8_lossy(&html.as_bytes()[i.saturating_sub(120)..i]);
        assert!(
            depan.contains(disebut),
            "{form}: {disebut} not named in {depan}"
        );
        assert_eq!(u.toko.muat(&mum()).await.unwrap(), sebelum, "nothing saved");
    }
    u.toko.tutup().await;
    b.selesai().await;
}
