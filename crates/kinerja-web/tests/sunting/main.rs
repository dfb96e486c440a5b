//! The plan editor (`/rencana/ubah`): a row saved through the one write path with one audit row
//! per changed record; a field that cannot be read shown beside the field with what was typed;
//! a sasaran that still has indicators, targets and realisasi is not removed, and the message
//! names them; a new sasaran with an indicator and its targets; another instansi's operator is
//! refused.

#[path = "../bersama/mod.rs"]
mod bersama;

use axum::http::{Request, StatusCode};
use kinerja_core::id::InstansiId;
use kinerja_core::model::{DataInstansi, DokumenTarget};

use bersama::Operator as Uji;
mod hapus_urutan_renstra;

const UBAH: &str = "/instansi/mumbulsari/tahun/2020/rencana/ubah";

fn mum() -> InstansiId {
    InstansiId::new("mumbulsari").unwrap()
}

async fn buka(u: &Uji, jalur: &str) -> (StatusCode, String) {
    let (s, _, b) = bersama::kirim(&u.app, &u.sesi, Request::builder().uri(jalur), vec![]).await;
    (s, b)
}

async fn kirim(
    app: &axum::Router,
    sesi: &str,
    csrf: &str,
    medan: &[(&str, &str)],
) -> (StatusCode, String, String) {
    let mut body = format!("csrf={csrf}");
    for (k, v) in medan {
        let v: String = form_urlencoded::byte_serialize(v.as_bytes()).collect();
        body.push_str(&format!("&{k}={v}"));
    }
    bersama::kirim(
        app,
        sesi,
        Request::builder()
            .method("POST")
            .uri(UBAH)
            .header("content-type", "application/x-www-form-urlencoded"),
        body.into_bytes(),
    )
    .await
}

async fn data(u: &Uji) -> DataInstansi {
    u.toko.muat(&mum()).await.unwrap()
}

async fn jejak(u: &Uji, tabel: &str) -> Vec<kinerja_simpan::BarisJejak> {
    u.toko.jejak(&mum(), Some(tabel), None, 1000).await.unwrap()
}

/// The fields of I-S1-1's form as the page shows them, with `ganti` replacing some.
fn form_i_s1_1<'a>(ganti: &[(&'a str, &'a str)]) -> Vec<(&'a str, &'a str)> {
    let mut v = vec![
        ("jenis", "indikator"),
        ("id", "I-S1-1"),
        ("induk", ""),
        ("aksi", "simpan"),
        ("indikator-I-S1-1.nomor", "1"),
        (
            "indikator-I-S1-1.uraian",
            "Hasil Survei Kepuasan Masyarakat (SKM) pada bidang Pelayanan Publik",
        ),
        ("indikator-I-S1-1.satuan", "indeks"),
        ("indikator-I-S1-1.polaritas", "positif"),
        ("indikator-I-S1-1.cara_tahunan", "terakhir"),
        ("indikator-I-S1-1.target.2016", "85"),
        ("indikator-I-S1-1.target.2017", "85"),
        ("indikator-I-S1-1.target.2018", "85"),
        ("indikator-I-S1-1.target.2019", "85"),
        ("indikator-I-S1-1.target.2020", "85"),
        ("indikator-I-S1-1.target.2021", "85"),
        ("indikator-I-S1-1.target_akhir", ""),
    ];
    for (k, x) in ganti {
        let i = v.iter().position(|(a, _)| a == k).unwrap();
        v[i].1 = x;
    }
    v
}

#[tokio::test]
async fn the_editor_shows_the_stored_plan() {
    let b = kinerja_simpan::uji::sqlite();
    let u = bersama::operator(&b.url).await;
    let (s, html) = buka(&u, UBAH).await;
    assert_eq!(s, StatusCode::OK, "{html}");
    assert!(html.contains("Renstra 2016–2021"), "{html}");
    assert!(html.contains(r#"name="indikator-I-S1-1.target.2020" value="85""#));
    assert!(
        html.contains("Meningkatnya kualitas Pelayanan"),
        "sasaran 1"
    );
    assert!(html.contains("Tambah indikator sasaran 1"), "{html}");
    assert!(html.contains(r#"name="csrf" value=""#));
    b.selesai().await;
}

#[tokio::test]
async fn a_saved_indicator_is_one_audited_change_per_record() {
    for b in kinerja_simpan::uji::semua_basis().await {
        let u = bersama::operator(&b.url).await;
        let (ind0, tgt0) = (
            jejak(&u, "indikator").await.len(),
            jejak(&u, "target").await.len(),
        );
        // The wording and the 2021 target change; everything else is as stored.
        let (s, ke, html) = kirim(
            &u.app,
            &u.sesi,
            &u.csrf,
            &form_i_s1_1(&[
                ("indikator-I-S1-1.uraian", "Indeks Kepuasan Masyarakat"),
                ("indikator-I-S1-1.target.2021", "≥ 86"),
            ]),
        )
        .await;
        assert_eq!(s, StatusCode::SEE_OTHER, "{}: {html}", b.nama);
        assert!(ke.starts_with(&format!("{UBAH}?disimpan=2")), "{ke}");
        let d = data(&u).await;
        let i = d
            .indikator
            .iter()
            .find(|i| i.id.as_str() == "I-S1-1")
            .unwrap();
        assert_eq!(i.uraian, "Indeks Kepuasan Masyarakat");
        let t = d
            .target
            .iter()
            .find(|t| {
                t.indikator.as_str() == "I-S1-1"
                    && t.tahun.get() == 2021
                    && t.dokumen == DokumenTarget::Renstra
            })
            .unwrap();
        assert_eq!(t.nilai.teks(), "≥ 86");
        assert_eq!(jejak(&u, "indikator").await.len(), ind0 + 1);
        assert_eq!(jejak(&u, "target").await.len(), tgt0 + 1);
        let (_, html) = buka(&u, &ke).await;
        assert!(html.contains("2 perubahan disimpan"), "{html}");

        // Saving the same again changes nothing and writes no audit row.
        let (s, ke, _) = kirim(
            &u.app,
            &u.sesi,
            &u.csrf,
            &form_i_s1_1(&[
                ("indikator-I-S1-1.uraian", "Indeks Kepuasan Masyarakat"),
                ("indikator-I-S1-1.target.2021", "≥ 86"),
            ]),
        )
        .await;
        assert_eq!(s, StatusCode::SEE_OTHER);
        assert!(ke.contains("disimpan=0"), "{ke}");
        assert_eq!(jejak(&u, "indikator").await.len(), ind0 + 1);
        b.selesai().await;
    }
}

#[tokio::test]
async fn a_field_error_is_beside_the_field_and_keeps_what_was_typed() {
    let b = kinerja_simpan::uji::sqlite();
    let u = bersama::operator(&b.url).await;
    let sebelum = data(&u).await;
    let (s, _, html) = kirim(
        &u.app,
        &u.sesi,
        &u.csrf,
        &form_i_s1_1(&[
            (
                "indikator-I-S1-1.uraian",
                "Rumusan baru yang belum tersimpan",
            ),
            // A range written upside down (a qualitative text like "WTP" is a target).
            ("indikator-I-S1-1.target.2020", "90 - 80"),
            ("indikator-I-S1-1.nomor", "0"),
        ]),
    )
    .await;
    assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY, "{html}");
    assert!(html.contains("Ada 2 isian yang perlu diperbaiki"), "{html}");
    assert!(
        html.contains(r#"id="indikator-I-S1-1.target.2020-galat""#),
        "the error beside the target: {html}"
    );
    assert!(html.contains(r#"value="90 - 80""#), "kept: {html}");
    assert!(
        html.contains("Rumusan baru yang belum tersimpan"),
        "kept: {html}"
    );
    assert!(html.contains("bukan nomor urut"), "{html}");
    assert_eq!(data(&u).await, sebelum, "nothing written");
    b.selesai().await;
}

#[tokio::test]
async fn a_sasaran_in_use_is_not_removed_and_the_message_names_what_uses_it() {
    for b in kinerja_simpan::uji::semua_basis().await {
        let u = bersama::operator(&b.url).await;
        let sebelum = data(&u).await;
        let (s, _, html) = kirim(
            &u.app,
            &u.sesi,
            &u.csrf,
            &[
                ("jenis", "sasaran"),
                ("id", "S-1"),
                ("induk", ""),
                ("aksi", "hapus"),
                ("konfirmasi", "1"),
            ],
        )
        .await;
        assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY, "{html}");
        assert!(html.contains("Sasaran 1 tidak dihapus"), "{html}");
        assert!(html.contains("1 indikator (I-S1-1)"), "{html}");
        assert!(html.contains("2 program (P-ADM, P-YANMUM)"), "{html}");
        assert!(html.contains(" realisasi"), "{html}");
        assert_eq!(data(&u).await, sebelum, "nothing removed");
        b.selesai().await;
    }
}

#[tokio::test]
async fn a_new_sasaran_with_an_indicator_and_targets_then_removed_again() {
    let b = kinerja_simpan::uji::sqlite();
    let u = bersama::operator(&b.url).await;
    let (s, _, html) = kirim(
        &u.app,
        &u.sesi,
        &u.csrf,
        &[
            ("jenis", "sasaran"),
            ("id", ""),
            ("induk", "T-1"),
            ("aksi", "simpan"),
            ("sasaran-baru-T-1.nomor", "2"),
            (
                "sasaran-baru-T-1.uraian",
                "Meningkatnya ketepatan waktu layanan",
            ),
            ("sasaran-baru-T-1.mendukung", ""),
        ],
    )
    .await;
    assert_eq!(s, StatusCode::SEE_OTHER, "{html}");
    let d = data(&u).await;
    let baru = d
        .sasaran
        .iter()
        .find(|s| s.uraian == "Meningkatnya ketepatan waktu layanan")
        .unwrap();
    // S-1 and S-2 exist: the first free id.
    assert_eq!(baru.id.as_str(), "S-3");
    assert_eq!(baru.tujuan.as_str(), "T-1");

    let (s, _, html) = kirim(
        &u.app,
        &u.sesi,
        &u.csrf,
        &[
            ("jenis", "indikator"),
            ("id", ""),
            ("induk", "sasaran.S-3"),
            ("aksi", "simpan"),
            ("indikator-baru-sasaran.S-3.nomor", "1"),
            (
                "indikator-baru-sasaran.S-3.uraian",
                "Layanan selesai tepat waktu",
            ),
            ("indikator-baru-sasaran.S-3.satuan", "%"),
            ("indikator-baru-sasaran.S-3.polaritas", "positif"),
            ("indikator-baru-sasaran.S-3.cara_tahunan", "rata_rata"),
            ("indikator-baru-sasaran.S-3.target.2020", "90"),
            ("indikator-baru-sasaran.S-3.target.2021", "95,5"),
            ("indikator-baru-sasaran.S-3.target_akhir", ""),
        ],
    )
    .await;
    assert_eq!(s, StatusCode::SEE_OTHER, "{html}");
    let d = data(&u).await;
    let i = d
        .indikator
        .iter()
        .find(|i| i.uraian == "Layanan selesai tepat waktu")
        .unwrap();
    assert_eq!(i.id.as_str(), "I-S-3-1");
    let target: Vec<(u16, &str)> = d
        .target
        .iter()
        .filter(|t| t.indikator == i.id)
        .map(|t| (t.tahun.get(), t.nilai.teks()))
        .collect();
    assert_eq!(target, vec![(2020, "90"), (2021, "95,5")]);
    let (_, html) = buka(&u, UBAH).await;
    assert!(
        html.contains("Indikator 1: Layanan selesai tepat waktu"),
        "{html}"
    );
    let (_, html) = buka(&u, "/instansi/mumbulsari/tahun/2020/rencana").await;
    assert!(
        html.contains("Layanan selesai tepat waktu"),
        "the plan page: {html}"
    );

    // The sasaran has an indicator now: refused; without it, removed, its old value audited.
    let hapus = |jenis: &'static str, id: &'static str| {
        [
            ("jenis", jenis),
            ("id", id),
            ("induk", ""),
            ("aksi", "hapus"),
            ("konfirmasi", "1"),
        ]
    };
    let (s, _, html) = kirim(&u.app, &u.sesi, &u.csrf, &hapus("sasaran", "S-3")).await;
    assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY, "{html}");
    assert!(html.contains("1 indikator (I-S-3-1), 2 target"), "{html}");
    let (s, ke, _) = kirim(&u.app, &u.sesi, &u.csrf, &hapus("indikator", "I-S-3-1")).await;
    assert_eq!(s, StatusCode::SEE_OTHER);
    // The indicator and its two Renstra targets.
    assert!(ke.contains("dihapus=3"), "{ke}");
    let (s, _, _) = kirim(&u.app, &u.sesi, &u.csrf, &hapus("sasaran", "S-3")).await;
    assert_eq!(s, StatusCode::SEE_OTHER);
    let d = data(&u).await;
    assert!(!d.sasaran.iter().any(|s| s.id.as_str() == "S-3"));
    let j = jejak(&u, "sasaran").await;
    assert!(
        j.iter()
            .any(|r| r.kunci == "S-3" && r.aksi == "hapus" && r.lama.is_some()),
        "the removal is audited with the old value"
    );
    b.selesai().await;
}

#[tokio::test]
async fn a_program_code_and_pagu_are_read_the_indonesian_way() {
    let b = kinerja_simpan::uji::sqlite();
    let u = bersama::operator(&b.url).await;
    let medan = |kode: &'static str, pagu: &'static str| {
        vec![
            ("jenis", "program"),
            ("id", "P-KOORD"),
            ("induk", ""),
            ("aksi", "simpan"),
            ("program-P-KOORD.kode", kode),
            (
                "program-P-KOORD.nama",
                "Program Koordinasi Pemerintahan, Pembangunan dan Penyelenggaraan Pemerintahan wilayah Kecamatan",
            ),
            ("program-P-KOORD.sasaran", "S-2"),
            ("program-P-KOORD.renstra", "1"),
            ("program-P-KOORD.pagu.2020", pagu),
        ]
    };
    let (s, _, html) = kirim(&u.app, &u.sesi, &u.csrf, &medan("7.1.1.5", "-1")).await;
    assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY, "{html}");
    assert!(html.contains("kode program"), "{html}");
    assert!(html.contains("tidak boleh negatif"), "{html}");
    // "7.1.1" is 7.01.01 in normal form; 1.250.000.000,50 is one billion and a quarter, 50 sen.
    let (s, _, html) = kirim(
        &u.app,
        &u.sesi,
        &u.csrf,
        &medan("7.1.1", "1.250.000.000,50"),
    )
    .await;
    assert_eq!(s, StatusCode::SEE_OTHER, "{html}");
    let d = data(&u).await;
    let p = d
        .program
        .iter()
        .find(|p| p.id.as_str() == "P-KOORD")
        .unwrap();
    assert_eq!(p.kode.as_deref(), Some("7.01.01"));
    assert_eq!(p.pagu_indikatif.len(), 1);
    assert_eq!(p.pagu_indikatif[0].pagu.to_string(), "Rp 1.250.000.000,50");
    let (_, html) = buka(&u, UBAH).await;
    assert!(
        html.contains(r#"name="program-P-KOORD.pagu.2020" value="1.250.000.000,50""#),
        "{html}"
    );
    b.selesai().await;
}

#[tokio::test]
async fn another_instansis_operator_is_refused() {
    let b = kinerja_simpan::uji::sqlite();
    let u = bersama::operator(&b.url).await;
    let (sesi, csrf) =
        bersama::akun_bersesi(&u.toko, "op-lain", "operator", Some("jember"), "x".into()).await;
    let sebelum = data(&u).await;
    let (s, _, _) = bersama::kirim(&u.app, &sesi, Request::builder().uri(UBAH), vec![]).await;
    assert_eq!(s, StatusCode::FORBIDDEN);
    let (s, _, _) = kirim(
        &u.app,
        &sesi,
        &csrf,
        &form_i_s1_1(&[("indikator-I-S1-1.uraian", "Diubah orang lain")]),
    )
    .await;
    assert_eq!(s, StatusCode::FORBIDDEN);
    assert_eq!(data(&u).await, sebelum);
    b.selesai().await;
}
