//! The Perjanjian Kinerja editor (`/pk/ubah`): a save through the one write path, one audit
//! row per changed record; a field error beside its field with what was typed; the pimpinan's
//! signature locks the PK and the year's PK targets whatever the door; a PK perubahan is a new
//! version and the earlier one stays readable with the targets it promised; another
//! instansi's operator is refused.

mod bersama;

use axum::http::{Request, StatusCode};
use kinerja_core::id::InstansiId;
use kinerja_core::model::{DataInstansi, DokumenTarget};
use kinerja_core::nilai::Nilai;
use kinerja_simpan::{GagalUbah, Galat};

const UBAH: &str = "/instansi/mumbulsari/tahun/2020/pk/ubah";
const TANDA: &str = "/instansi/mumbulsari/tahun/2020/pk/tandatangani";
const BACA: &str = "/instansi/mumbulsari/tahun/2020/pk";

fn mum() -> InstansiId {
    InstansiId::new("mumbulsari").unwrap()
}

async fn buka(app: &axum::Router, sesi: &str, jalur: &str) -> (StatusCode, String) {
    let (s, _, b) = bersama::kirim(app, sesi, Request::builder().uri(jalur), vec![]).await;
    (s, b)
}

async fn kirim(
    app: &axum::Router,
    sesi: &str,
    jalur: &str,
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
            .uri(jalur)
            .header("content-type", "application/x-www-form-urlencoded"),
        body.join("&").into_bytes(),
    )
    .await
}

/// The example's PK 2020 as the form shows it, with `ganti` replacing some fields.
fn form<'a>(csrf: &'a str, ganti: &[(&'a str, &'a str)]) -> Vec<(&'a str, &'a str)> {
    let mut v = vec![
        ("csrf", csrf),
        ("aksi", "simpan"),
        ("pk.pihak1.nama", "Drs. SOPONJONO, M.Si"),
        ("pk.pihak1.jabatan", "Camat Mumbulsari"),
        ("pk.pihak1.nip", "19630426 199303 1 004"),
        ("pk.pihak1.pangkat", "Pembina TK. I"),
        ("pk.pihak2.nama", "dr. Hj. FAIDA, MMR"),
        ("pk.pihak2.jabatan", "Bupati Jember"),
        ("pk.pihak2.nip", ""),
        ("pk.pihak2.pangkat", ""),
        ("pk.tempat", "Jember"),
        ("pk.tanggal", "Februari 2020"),
        ("pk.target.I-T1-1", ""),
        ("pk.target.I-T2-1", ""),
        ("pk.target.I-S1-1", "B (100%)"),
        ("pk.target.I-S2-1", "B (100%)"),
        ("pk.target.I-S2-2", "B (100%)"),
        ("pk.anggaran.P-YANMUM", ""),
        ("pk.anggaran.P-KOORD", "138.300.000,00"),
        ("pk.anggaran.P-ADM", "210.000.000,00"),
        ("pk.anggaran.P-SARPRAS", "31.700.000,00"),
        ("pk.anggaran.P-DISIPLIN", "20.000.000,00"),
    ];
    for (k, x) in ganti {
        match v.iter().position(|(a, _)| a == k) {
            Some(i) => v[i].1 = x,
            None => v.push((k, x)),
        }
    }
    v
}

async fn data(toko: &kinerja_simpan::Toko) -> DataInstansi {
    toko.muat(&mum()).await.unwrap()
}

fn target_pk(d: &DataInstansi, ind: &str) -> Option<String> {
    d.target
        .iter()
        .find(|t| {
            t.indikator.as_str() == ind
                && t.tahun.get() == 2020
                && t.dokumen == DokumenTarget::PerjanjianKinerja
        })
        .map(|t| t.nilai.teks().to_string())
}

#[tokio::test]
async fn the_form_saves_the_pk_one_audit_row_per_record_and_keeps_typed_values() {
    for b in kinerja_simpan::uji::semua_basis().await {
        let u = bersama::operator(&b.url).await;
        let (s, html) = buka(&u.app, &u.sesi, UBAH).await;
        assert_eq!(s, StatusCode::OK, "{html}");
        assert!(
            html.contains(r#"name="pk.target.I-S1-1" value="B (100%)""#),
            "{html}"
        );
        assert!(html.contains(r#"value="210.000.000,00""#), "{html}");
        // The form as shown changes nothing.
        let (s, ke, html) = kirim(&u.app, &u.sesi, UBAH, &form(&u.csrf, &[])).await;
        assert_eq!(s, StatusCode::SEE_OTHER, "{}: {html}", b.nama);
        assert!(ke.ends_with("disimpan=0"), "{ke}");

        let jejak0 = u.toko.jejak(&mum(), None, None, 1000).await.unwrap().len();
        // A new target for I-S1-1 and the date: the target record and the PK record.
        let (s, ke, html) = kirim(
            &u.app,
            &u.sesi,
            UBAH,
            &form(
                &u.csrf,
                &[
                    ("pk.target.I-S1-1", "B (80 %)"),
                    ("pk.tanggal", "3 Februari 2020"),
                ],
            ),
        )
        .await;
        assert_eq!(s, StatusCode::SEE_OTHER, "{html}");
        assert!(ke.ends_with("disimpan=2"), "{ke}");
        let jejak = u.toko.jejak(&mum(), None, None, 1000).await.unwrap();
        assert_eq!(jejak.len(), jejak0 + 2, "one audit row per changed record");
        let d = data(&u.toko).await;
        assert_eq!(target_pk(&d, "I-S1-1").as_deref(), Some("B (80 %)"));
        let pk = d
            .pk_berlaku(&mum(), kinerja_core::waktu::Tahun::new(2020).unwrap())
            .unwrap();
        assert_eq!(pk.tanggal.unwrap().to_string(), "3 Februari 2020");
        assert_eq!(pk.pihak_pertama.as_str(), "soponjono", "the same pejabat");

        // A bad NIP and a bad budget: nothing written, both beside their fields, typed kept.
        let (s, _, html) = kirim(
            &u.app,
            &u.sesi,
            UBAH,
            &form(
                &u.csrf,
                &[
                    ("pk.pihak1.nip", "1963"),
                    ("pk.anggaran.P-ADM", "dua ratus juta"),
                    ("pk.tempat", "Mumbulsari"),
                ],
            ),
        )
        .await;
        assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY, "{html}");
        assert!(html.contains(r#"id="pk.pihak1.nip-galat""#), "{html}");
        assert!(html.contains(r#"id="pk.anggaran.P-ADM-galat""#), "{html}");
        assert!(html.contains(r#"value="dua ratus juta""#), "{html}");
        assert!(html.contains(r#"value="Mumbulsari""#), "{html}");
        assert_eq!(data(&u.toko).await, d, "nothing written");
        b.selesai().await;
    }
}

#[tokio::test]
async fn a_signed_pk_is_locked_and_a_pk_perubahan_is_a_new_version() {
    for b in kinerja_simpan::uji::semua_basis().await {
        let u = bersama::operator(&b.url).await;
        let (camat, csrf_camat) =
            bersama::akun_bersesi(&u.toko, "camat", "pimpinan", Some("mumbulsari"), "x".into())
                .await;
        // The operator may not sign; the pimpinan may, from the PK's page.
        let tombol = format!(r#"action="{TANDA}""#);
        assert!(!buka(&u.app, &u.sesi, BACA).await.1.contains(&tombol));
        assert!(buka(&u.app, &camat, BACA).await.1.contains(&tombol));
        let (s, _, _) = kirim(&u.app, &u.sesi, TANDA, &[("csrf", &u.csrf)]).await;
        assert_eq!(s, StatusCode::FORBIDDEN);
        let (s, _, html) = kirim(&u.app, &camat, TANDA, &[("csrf", &csrf_camat)]).await;
        assert_eq!(s, StatusCode::SEE_OTHER, "{}: {html}", b.nama);
        let (_, html) = buka(&u.app, &u.sesi, BACA).await;
        assert!(html.contains("ditandatangani (terkunci)"), "{html}");
        assert!(!buka(&u.app, &camat, BACA).await.1.contains(&tombol));

        // The form is gone, a post is refused, and so is any other door (here the store).
        let (_, html) = buka(&u.app, &u.sesi, UBAH).await;
        assert!(html.contains("Buat PK perubahan"), "{html}");
        assert!(!html.contains(r#"name="pk.target.I-S1-1""#), "{html}");
        let sebelum = data(&u.toko).await;
        let (s, _, html) = kirim(
            &u.app,
            &u.sesi,
            UBAH,
            &form(&u.csrf, &[("pk.target.I-S1-1", "C")]),
        )
        .await;
        assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY, "{html}");
        assert!(html.contains("sudah ditandatangani dan terkunci"), "{html}");
        let e = u
            .toko
            .ubah_data(&mum(), &bersama::pelaku(), |d| {
                let mut d = d.clone();
                for t in d.target.iter_mut().filter(|t| {
                    t.dokumen == DokumenTarget::PerjanjianKinerja && t.tahun.get() == 2020
                }) {
                    t.nilai = Nilai::parse("C").unwrap();
                }
                Ok::<_, ()>(d)
            })
            .await
            .unwrap_err();
        assert!(
            matches!(e, GagalUbah::Toko(Galat::PkTerkunci(_))),
            "{}: {e:?}",
            b.nama
        );
        assert_eq!(data(&u.toko).await, sebelum, "nothing written");

        // A PK perubahan: a new version in force, editable; the signed one keeps its targets.
        let (s, _, html) = kirim(
            &u.app,
            &u.sesi,
            UBAH,
            &[("csrf", &u.csrf), ("aksi", "perubahan")],
        )
        .await;
        assert_eq!(s, StatusCode::SEE_OTHER, "{html}");
        let (s, _, html) = kirim(
            &u.app,
            &u.sesi,
            UBAH,
            &form(&u.csrf, &[("pk.target.I-S1-1", "A (90 %)")]),
        )
        .await;
        assert_eq!(s, StatusCode::SEE_OTHER, "{html}");
        let d = data(&u.toko).await;
        let th = kinerja_core::waktu::Tahun::new(2020).unwrap();
        let versi = d.pk_versi(&mum(), th);
        assert_eq!(versi.len(), 2);
        assert_eq!(versi[0].id.as_str(), "pk-2020");
        assert!(versi[0].ditandatangani);
        assert_eq!(
            versi[1].perubahan_dari.as_ref().unwrap().as_str(),
            "pk-2020"
        );
        assert!(!versi[1].ditandatangani);
        assert_eq!(target_pk(&d, "I-S1-1").as_deref(), Some("A (90 %)"));
        let (_, html) = buka(&u.app, &u.sesi, BACA).await;
        assert!(html.contains("PK perubahan 1"), "{html}");
        assert!(html.contains("A (90 %)"), "{html}");
        let (s, html) = buka(&u.app, &u.sesi, &format!("{BACA}?versi=pk-2020")).await;
        assert_eq!(s, StatusCode::OK);
        assert!(
            html.contains("B (100%)"),
            "the earlier version's target: {html}"
        );
        assert!(!html.contains("A (90 %)"), "{html}");
        assert!(html.contains("sudah diganti PK perubahan"), "{html}");
        assert!(html.contains(r#"href="/instansi/mumbulsari/tahun/2020/pk.pdf?versi=pk-2020""#));

        // Each version prints: the earlier one with the targets it promised, marked as no
        // longer in force; the one in force with its own, a draft until signed.
        let pdf = |alamat: String| {
            let (app, sesi) = (u.app.clone(), u.sesi.clone());
            async move { bersama::kirim_bait(&app, &sesi, Request::builder().uri(alamat), vec![]).await }
        };
        let (s, _, isi) = pdf(format!("{BACA}.pdf?versi=pk-2020")).await;
        assert_eq!(s, StatusCode::OK, "{}", b.nama);
        let teks = pdf_teks(&isi);
        assert!(teks.contains("B (100%)"), "{teks}");
        assert!(!teks.contains("A (90 %)"), "{teks}");
        assert!(teks.contains("TIDAK BERLAKU"), "{teks}");
        let (s, _, isi) = pdf(format!("{BACA}.pdf")).await;
        assert_eq!(s, StatusCode::OK);
        let teks = pdf_teks(&isi);
        assert!(teks.contains("A (90 %)"), "{teks}");
        assert!(
            teks.contains("DRAF") && !teks.contains("TIDAK BERLAKU"),
            "{teks}"
        );
        for v in ["pk-2019", "bukan id!"] {
            let alamat = format!("{BACA}.pdf?versi={}", v.replace(' ', "%20"));
            assert_eq!(pdf(alamat).await.0, StatusCode::NOT_FOUND, "{v}");
        }
        b.selesai().await;
    }
}

#[tokio::test]
async fn another_instansis_operator_is_refused() {
    let b = kinerja_simpan::uji::sqlite();
    let u = bersama::operator(&b.url).await;
    let (sesi, csrf) =
        bersama::akun_bersesi(&u.toko, "op-lain", "operator", Some("jember"), "x".into()).await;
    let sebelum = data(&u.toko).await;
    assert_eq!(buka(&u.app, &sesi, UBAH).await.0, StatusCode::FORBIDDEN);
    let (s, _, _) = kirim(
        &u.app,
        &sesi,
        UBAH,
        &form(&csrf, &[("pk.target.I-S1-1", "C")]),
    )
    .await;
    assert_eq!(s, StatusCode::FORBIDDEN);
    let (s, _, _) = kirim(&u.app, &sesi, TANDA, &[("csrf", &csrf)]).await;
    assert_eq!(s, StatusCode::FORBIDDEN);
    assert_eq!(data(&u.toko).await, sebelum);
    b.selesai().await;
}

#[tokio::test]
async fn the_pk_downloads_as_a_pdf_marked_draft_until_signed() {
    let b = kinerja_simpan::uji::sqlite();
    let u = bersama::operator(&b.url).await;
    let (s, _, html) = kirim(
        &u.app,
        &u.sesi,
        UBAH,
        &form(&u.csrf, &[("pk.target.I-S1-1", "B (85 %)")]),
    )
    .await;
    assert_eq!(s, StatusCode::SEE_OTHER, "{html}");
    let pdf = |app: axum::Router, sesi: String| async move {
        bersama::kirim_bait(
            &app,
            &sesi,
            Request::builder().uri(format!("{BACA}.pdf")),
            vec![],
        )
        .await
    };
    let (s, _, isi) = pdf(u.app.clone(), u.sesi.clone()).await;
    assert_eq!(s, StatusCode::OK);
    assert!(isi.starts_with(b"%PDF"), "a PDF");
    let teks = pdf_teks(&isi);
    assert!(teks.contains("PERJANJIAN KINERJA"), "{teks}");
    assert!(teks.contains("B (85 %)"), "the target just saved: {teks}");
    assert!(teks.contains("SOPONJONO"), "pihak pertama: {teks}");
    assert!(teks.contains("DRAF"), "not signed yet: {teks}");
    b.selesai().await;
}

/// The text of a PDF, as `pdftotext` reads it.
fn pdf_teks(pdf: &[u8]) -> String {
    use std::sync::atomic::{AtomicUsize, Ordering};
    static N: AtomicUsize = AtomicUsize::new(0);
    let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("sunting_pk");
    std::fs::create_dir_all(&dir).unwrap();
    // One file per call: the tests run in parallel.
    let berkas = dir.join(format!("pk-{}.pdf", N.fetch_add(1, Ordering::SeqCst)));
    std::fs::write(&berkas, pdf).unwrap();
    let out = std::process::Command::new("pdftotext")
        .args(["-layout"])
        .arg(&berkas)
        .arg("-")
        .output()
        .expect("pdftotext");
    String::from_utf8_lossy(&out.stdout).into_owned()
}
