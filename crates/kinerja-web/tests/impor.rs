//! Import through the page: an upload is previewed record by record and changes nothing until
//! confirmed; the confirmation applies it through the one write path; a stale or reused
//! preview is refused; a file that cannot be read changes nothing. And the export is the
//! data as a file that imports back unchanged.

mod bersama;

use axum::http::{Request, StatusCode};
use kinerja_core::id::InstansiId;

use bersama::Operator as Uji;

fn mum() -> InstansiId {
    InstansiId::new("mumbulsari").unwrap()
}

async fn siap(url: &str) -> Uji {
    bersama::operator(url).await
}

impl Uji {
    async fn kirim(
        &self,
        r: axum::http::request::Builder,
        body: Vec<u8>,
    ) -> (StatusCode, String, String) {
        bersama::kirim(&self.app, &self.sesi, r, body).await
    }

    async fn unggah(&self, nama: &str, isi: &str, mode: &str) -> (StatusCode, String) {
        self.unggah_bait(nama, isi.as_bytes(), mode).await
    }

    async fn unggah_bait(&self, nama: &str, isi: &[u8], mode: &str) -> (StatusCode, String) {
        let body = bersama::multipart(&[("csrf", self.csrf.as_str()), ("mode", mode)], nama, isi);
        let (s, _, b) = self
            .kirim(
                Request::builder()
                    .method("POST")
                    .uri("/instansi/mumbulsari/impor")
                    .header(
                        "content-type",
                        format!("multipart/form-data; boundary={}", bersama::BATAS_MULTIPART),
                    ),
                body,
            )
            .await;
        (s, b)
    }

    async fn terapkan(&self, token: &str) -> (StatusCode, String) {
        let (s, ke, _) = self
            .kirim(
                Request::builder()
                    .method("POST")
                    .uri("/instansi/mumbulsari/impor/terapkan")
                    .header("content-type", "application/x-www-form-urlencoded"),
                format!("csrf={}&token={token}", self.csrf).into_bytes(),
            )
            .await;
        (s, ke)
    }
}

/// The exported file with I-S1-1's realisasi 2020 (\"B (70,89 %)\" in the example) set to
/// `nilai`.
fn dengan_realisasi(ekspor: &str, nilai: &str) -> String {
    let mut d = kinerja_berkas::baca_teks_toml(ekspor).unwrap();
    let r = d
        .realisasi
        .iter_mut()
        .find(|r| r.indikator.as_str() == "I-S1-1" && r.tahun.get() == 2020)
        .unwrap();
    assert_eq!(r.nilai.teks(), "B (70,89 %)");
    r.nilai = kinerja_core::nilai::Nilai::parse(nilai).unwrap();
    kinerja_berkas::ke_toml(&d).unwrap()
}

#[tokio::test]
async fn an_upload_is_previewed_and_applied_only_when_confirmed() {
    for b in kinerja_simpan::uji::semua_basis().await {
        let u = siap(&b.url).await;
        let (s, _, ekspor) = u
            .kirim(
                Request::builder().uri("/instansi/mumbulsari/ekspor.toml"),
                vec![],
            )
            .await;
        assert_eq!(s, StatusCode::OK);
        let sebelum = u.toko.muat(&mum()).await.unwrap();
        assert_eq!(
            kinerja_berkas::baca_teks_toml(&ekspor).unwrap(),
            sebelum,
            "the export is the data"
        );

        // The export imports back as no change at all.
        let (s, html) = u.unggah("mumbulsari.toml", &ekspor, "gabung").await;
        assert_eq!(s, StatusCode::OK, "{html}");
        assert!(html.contains("Berkas ini tidak mengubah apa pun"), "{html}");

        let diubah = dengan_realisasi(&ekspor, "B (71,5 %)");
        let (s, html) = u.unggah("mumbulsari.toml", &diubah, "gabung").await;
        assert_eq!(s, StatusCode::OK, "{html}");
        assert!(
            html.contains(
                "<strong>0</strong> ditambah, <strong>1</strong> diubah, <strong>0</strong> dihapus"
            ),
            "{html}"
        );
        assert!(
            html.contains("B (70,89 %)") && html.contains("B (71,5 %)"),
            "old and new value"
        );
        assert_eq!(
            u.toko.muat(&mum()).await.unwrap(),
            sebelum,
            "{}: nothing written before the confirmation",
            b.nama
        );

        let t = bersama::token(&html);
        let (s, ke) = u.terapkan(&t).await;
        assert_eq!(s, StatusCode::SEE_OTHER, "{}", b.nama);
        assert_eq!(ke, "/instansi/mumbulsari/impor?diterapkan=1");
        let sesudah = u.toko.muat(&mum()).await.unwrap();
        assert!(
            sesudah
                .realisasi
                .iter()
                .any(|r| r.nilai.teks() == "B (71,5 %)")
        );
        let jejak = u
            .toko
            .jejak(&mum(), Some("realisasi"), None, 1)
            .await
            .unwrap();
        assert_eq!(
            (jejak[0].pengguna.as_str(), jejak[0].sumber.as_str()),
            ("op", "web")
        );
        // A preview is used once.
        assert_eq!(u.terapkan(&t).await.0, StatusCode::CONFLICT);
        u.toko.tutup().await;
        b.selesai().await;
    }
}

#[tokio::test]
async fn a_stale_preview_and_a_bad_file_change_nothing() {
    let b = kinerja_simpan::uji::sqlite();
    let u = siap(&b.url).await;
    let (_, _, ekspor) = u
        .kirim(
            Request::builder().uri("/instansi/mumbulsari/ekspor.toml"),
            vec![],
        )
        .await;
    let (_, html) = u
        .unggah("m.toml", &dengan_realisasi(&ekspor, "B (60 %)"), "gabung")
        .await;
    let t = bersama::token(&html);
    // Another write after the preview: the preview no longer describes what would happen.
    let mut lap = u.toko.muat(&mum()).await.unwrap().laporan[0].clone();
    lap.kata_pengantar = "diubah di tempat lain".into();
    u.toko
        .simpan_laporan(&mum(), lap, &bersama::pelaku())
        .await
        .unwrap();
    let sebelum = u.toko.muat(&mum()).await.unwrap();
    assert_eq!(u.terapkan(&t).await.0, StatusCode::CONFLICT);
    assert_eq!(u.toko.muat(&mum()).await.unwrap(), sebelum);

    let (s, html) = u
        .unggah("m.toml", "[[realisasi]]\nindikator = 5\n", "gabung")
        .await;
    assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        html.contains("tidak dapat diimpor; tidak ada yang berubah"),
        "{html}"
    );
    assert!(html.contains("m.toml:"), "the problem is located: {html}");
    let (s, html) = u.unggah("m.xls", "apa saja", "gabung").await;
    assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(html.contains("bentuk berkas tidak dikenal"), "{html}");
    assert_eq!(u.toko.muat(&mum()).await.unwrap(), sebelum);
    u.toko.tutup().await;
    b.selesai().await;
}

/// The workbook of the import page: downloaded pre-filled, uploaded back as no change; a value
/// changed in the store since the download is one change back to the workbook's value; a
/// workbook of another instansi and a file that is no workbook are refused, naming the file.
#[tokio::test]
async fn the_workbook_is_downloaded_and_uploaded_back_through_the_preview() {
    for b in kinerja_simpan::uji::semua_basis().await {
        let u = siap(&b.url).await;
        let (s, _, html) = u
            .kirim(Request::builder().uri("/instansi/mumbulsari/impor"), vec![])
            .await;
        assert_eq!(s, StatusCode::OK);
        assert!(
            html.contains(r#"href="/instansi/mumbulsari/tahun/2020/templat.xlsx""#),
            "the page offers the workbook of each year: {html}"
        );
        let (s, _, xlsx) = bersama::kirim_bait(
            &u.app,
            &u.sesi,
            Request::builder().uri("/instansi/mumbulsari/tahun/2020/templat.xlsx"),
            vec![],
        )
        .await;
        assert_eq!(s, StatusCode::OK, "{}", b.nama);
        assert!(xlsx.starts_with(b"PK"), "a zip (xlsx) file");
        let buku = kinerja_excel::baca(&xlsx).unwrap();
        assert_eq!(buku.instansi, Some(mum()));

        // Unchanged: no change, whatever the form's mode says.
        let (s, html) = u.unggah_bait("isian.xlsx", &xlsx, "ganti").await;
        assert_eq!(s, StatusCode::OK, "{html}");
        assert!(html.contains("Berkas ini tidak mengubah apa pun"), "{html}");

        // The store moves on: I-S1-1's 2020 realisasi "B (70,89 %)" becomes "B (60 %)"
        // elsewhere; the old workbook then carries one change, back to "B (70,89 %)".
        let mut d = u.toko.muat(&mum()).await.unwrap();
        let r = d
            .realisasi
            .iter_mut()
            .find(|r| {
                r.indikator.as_str() == "I-S1-1"
                    && r.tahun.get() == 2020
                    && r.periode == kinerja_core::waktu::Periode::Tahunan
            })
            .unwrap();
        r.nilai = kinerja_core::nilai::Nilai::parse("B (60 %)").unwrap();
        u.toko
            .impor(
                &d,
                Some(&mum()),
                kinerja_simpan::ModeImpor::Ganti,
                &bersama::pelaku(),
            )
            .await
            .unwrap();
        let (s, html) = u.unggah_bait("isian.xlsx", &xlsx, "gabung").await;
        assert_eq!(s, StatusCode::OK, "{html}");
        assert!(
            html.contains(
                "<strong>0</strong> ditambah, <strong>1</strong> diubah, <strong>0</strong> dihapus"
            ),
            "{}: {html}",
            b.nama
        );
        let t = bersama::token(&html);
        let (s, ke) = u.terapkan(&t).await;
        assert_eq!(s, StatusCode::SEE_OTHER, "{}", b.nama);
        assert_eq!(ke, "/instansi/mumbulsari/impor?diterapkan=1");
        let sesudah = u.toko.muat(&mum()).await.unwrap();
        assert!(
            sesudah
                .realisasi
                .iter()
                .any(|r| r.indikator.as_str() == "I-S1-1"
                    && r.tahun.get() == 2020
                    && r.nilai.teks() == "B (70,89 %)")
        );

        // Another instansi's workbook, and bytes that are no workbook: refused, nothing changes.
        let mut lain = sesudah.clone();
        let ins = lain.instansi.iter_mut().find(|i| i.id == mum()).unwrap();
        ins.id = kinerja_core::id::InstansiId::new("kalisat").unwrap();
        let asing = kinerja_excel::templat(
            &lain,
            &kinerja_core::id::InstansiId::new("kalisat").unwrap(),
            kinerja_core::waktu::Tahun::new(2020).unwrap(),
        )
        .unwrap();
        let (s, html) = u.unggah_bait("kalisat.xlsx", &asing, "gabung").await;
        assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY, "{html}");
        assert!(
            html.contains("kalisat.xlsx: lembar kerja ini untuk instansi &#34;kalisat&#34;")
                || html
                    .contains("kalisat.xlsx: lembar kerja ini untuk instansi &quot;kalisat&quot;"),
            "{html}"
        );
        let (s, html) = u
            .unggah_bait("rusak.xlsx", b"bukan lembar kerja", "gabung")
            .await;
        assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY, "{html}");
        assert!(html.contains("rusak.xlsx"), "{html}");
        assert_eq!(u.toko.muat(&mum()).await.unwrap(), sesudah);
        u.toko.tutup().await;
        b.selesai().await;
    }
}
