//! Removal with confirmation, row order, the Renstra's legal basis, strategi and kebijakan.

use super::*;

/// "Hapus" opens a confirmation page that says what goes with the row (or why it cannot go);
/// a removal posted without the confirmation is sent there and removes nothing.
#[tokio::test]
async fn a_removal_is_confirmed_on_its_own_page_first() {
    let b = kinerja_simpan::uji::sqlite();
    let u = bersama::operator(&b.url).await;
    let hapus = "/instansi/mumbulsari/tahun/2020/rencana/hapus";
    let (_, html) = buka(&u, UBAH).await;
    assert!(
        html.contains(&format!(r#"href="{hapus}?jenis=indikator&amp;id=I-S1-1""#)),
        "{html}"
    );
    // I-S1-1 has realisasi and PK targets: the page says so and offers no form.
    let (s, html) = buka(&u, &format!("{hapus}?jenis=indikator&id=I-S1-1")).await;
    assert_eq!(s, StatusCode::OK);
    assert!(html.contains("tidak dapat dihapus"), "{html}");
    assert!(html.contains("Indikator 1 tidak dihapus"), "{html}");
    assert!(!html.contains(r#"name="konfirmasi""#), "{html}");
    // A new indicator under sasaran 2 with two Renstra targets: removable, with them.
    let (s, _, html) = kirim(
        &u.app,
        &u.sesi,
        &u.csrf,
        &[
            ("jenis", "indikator"),
            ("id", ""),
            ("induk", "sasaran.S-2"),
            ("aksi", "simpan"),
            ("indikator-baru-sasaran.S-2.nomor", "3"),
            (
                "indikator-baru-sasaran.S-2.uraian",
                "Desa dengan APBDes tepat waktu",
            ),
            ("indikator-baru-sasaran.S-2.polaritas", "positif"),
            ("indikator-baru-sasaran.S-2.target.2020", "80"),
            ("indikator-baru-sasaran.S-2.target.2021", "90"),
        ],
    )
    .await;
    assert_eq!(s, StatusCode::SEE_OTHER, "{html}");
    // The first free id of the form "I-{sasaran}-n".
    let id = "I-S-2-1";
    assert!(data(&u).await.indikator.iter().any(|i| i.id.as_str() == id));
    let sebelum = data(&u).await;
    let tanpa = [
        ("jenis", "indikator"),
        ("id", id),
        ("induk", ""),
        ("aksi", "hapus"),
    ];
    let (s, ke, _) = kirim(&u.app, &u.sesi, &u.csrf, &tanpa).await;
    assert_eq!(s, StatusCode::SEE_OTHER);
    assert_eq!(ke, format!("{hapus}?jenis=indikator&id={id}"));
    assert_eq!(
        data(&u).await,
        sebelum,
        "nothing removed without the confirmation"
    );
    let (s, html) = buka(&u, &ke).await;
    assert_eq!(s, StatusCode::OK);
    assert!(html.contains("Hapus Indikator 3?"), "{html}");
    assert!(html.contains("Desa dengan APBDes tepat waktu"), "{html}");
    assert!(html.contains("2 target Renstra indikator ini"), "{html}");
    assert!(html.contains(r#"name="konfirmasi" value="1""#), "{html}");
    let (s, ke, _) = kirim(
        &u.app,
        &u.sesi,
        &u.csrf,
        &[&tanpa[..], &[("konfirmasi", "1")]].concat(),
    )
    .await;
    assert_eq!(s, StatusCode::SEE_OTHER);
    // The indicator and its two targets.
    assert!(ke.contains("dihapus=3"), "{ke}");
    assert!(!data(&u).await.indikator.iter().any(|i| i.id.as_str() == id));
    // A row that is not there, or no row at all: said, no form.
    let (s, html) = buka(&u, &format!("{hapus}?jenis=indikator&id={id}")).await;
    assert_eq!(s, StatusCode::OK);
    assert!(html.contains("tidak ada lagi"), "{html}");
    assert!(!html.contains(r#"name="konfirmasi""#), "{html}");
    let (s, html) = buka(&u, hapus).await;
    assert_eq!(s, StatusCode::OK);
    assert!(html.contains("tidak dapat dihapus di sini"), "{html}");
    b.selesai().await;
}

/// "Naik" and "Turun" swap a row's number with its neighbour's, audited; at the top, a message
/// beside the form and nothing written.
#[tokio::test]
async fn rows_move_up_and_down_and_the_order_is_kept_in_the_data() {
    let b = kinerja_simpan::uji::sqlite();
    let u = bersama::operator(&b.url).await;
    let geser = |id: &'static str, aksi: &'static str| {
        [
            ("jenis", "indikator"),
            ("id", id),
            ("induk", ""),
            ("aksi", aksi),
        ]
    };
    let nomor = |d: &DataInstansi, id: &str| {
        d.indikator
            .iter()
            .find(|i| i.id.as_str() == id)
            .map(|i| i.nomor)
    };
    // Sasaran 2: I-S2-1 (1), I-S2-2 (2).
    let (_, html) = buka(&u, UBAH).await;
    assert!(html.contains(r#"value="naik""#) && html.contains(r#"value="turun""#));
    let (s, ke, _) = kirim(&u.app, &u.sesi, &u.csrf, &geser("I-S2-2", "naik")).await;
    assert_eq!(s, StatusCode::SEE_OTHER);
    assert!(ke.contains("disimpan=2"), "two records renumbered: {ke}");
    let d = data(&u).await;
    assert_eq!(
        (nomor(&d, "I-S2-2"), nomor(&d, "I-S2-1")),
        (Some(1), Some(2))
    );
    let (_, html) = buka(&u, "/instansi/mumbulsari/tahun/2020/rencana").await;
    // Under sasaran 2, I-S2-2 ("Desa yang ...") now comes before I-S2-1 ("Prosentasi ...").
    let s2 = &html[html
        .find("Meningkatnya Koordinasi Pemerintahan dan Penyelenggara Pemerintahan desa")
        .unwrap()..];
    let (a, c) = (
        s2.find("Desa yang sudah menyusun dokumen").unwrap(),
        s2.find("Prosentasi rekomendasi hasil").unwrap(),
    );
    assert!(a < c, "the plan page follows the new order");
    let (s, _, html) = kirim(&u.app, &u.sesi, &u.csrf, &geser("I-S2-2", "naik")).await;
    assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(html.contains("sudah paling atas"), "{html}");
    assert_eq!(data(&u).await, d, "nothing written");
    let j = jejak(&u, "indikator").await;
    assert!(j.iter().any(|r| r.kunci == "I-S2-2" && r.aksi == "ubah"));
    b.selesai().await;
}

/// The Renstra's legal basis: shown from the data, changed with a date, refused beside the
/// number when only its subject is given.
#[tokio::test]
async fn the_renstras_legal_basis_is_edited_with_the_period() {
    let b = kinerja_simpan::uji::sqlite();
    let u = bersama::operator(&b.url).await;
    let (_, html) = buka(&u, UBAH).await;
    assert!(
        html.contains(r#"value="Peraturan Bupati Nomor 26 Tahun 2016""#),
        "{html}"
    );
    let a = "renstra-renstra-2016-2021";
    let form = |nomor: &'static str, tanggal: &'static str| {
        vec![
            ("jenis", "renstra"),
            ("id", "renstra-2016-2021"),
            ("induk", ""),
            ("aksi", "simpan"),
            ("renstra-renstra-2016-2021.tahun_awal", "2016"),
            ("renstra-renstra-2016-2021.tahun_akhir", "2021"),
            (
                "renstra-renstra-2016-2021.visi",
                "Jember Bersatu Menuju Masyarakat Makmur, Sejahtera, Berkeadilan Dan Mandiri",
            ),
            ("renstra-renstra-2016-2021.misi", "Misi satu\nMisi dua"),
            ("renstra-renstra-2016-2021.dasar.nomor", nomor),
            (
                "renstra-renstra-2016-2021.dasar.tentang",
                "Rencana Strategis Kecamatan 2016-2021",
            ),
            ("renstra-renstra-2016-2021.dasar.tanggal", tanggal),
        ]
    };
    let sebelum = data(&u).await;
    let (s, _, html) = kirim(&u.app, &u.sesi, &u.csrf, &form("", "")).await;
    assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        html.contains(&format!(r#"id="{a}.dasar.nomor-galat""#)),
        "the error beside the number: {html}"
    );
    assert!(
        html.contains("Rencana Strategis Kecamatan 2016-2021"),
        "kept as typed"
    );
    assert_eq!(data(&u).await, sebelum);
    let (s, _, html) = kirim(
        &u.app,
        &u.sesi,
        &u.csrf,
        &form("Peraturan Bupati Nomor 27 Tahun 2016", "12 April 2016"),
    )
    .await;
    assert_eq!(s, StatusCode::SEE_OTHER, "{html}");
    let d = data(&u).await;
    let k = d.renstra[0].dasar.as_ref().unwrap();
    assert_eq!(k.nomor, "Peraturan Bupati Nomor 27 Tahun 2016");
    assert_eq!(k.tanggal.unwrap().to_string(), "12 April 2016");
    assert_eq!(d.renstra[0].misi, ["Misi satu", "Misi dua"]);
    let (s, _, _) = kirim(
        &u.app,
        &u.sesi,
        &u.csrf,
        &form("Perbup 1", "31 Februari 2016"),
    )
    .await;
    assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY);
    b.selesai().await;
}

/// Strategi and kebijakan rows: the example's shown; a new strategi serving two sasaran and a
/// kebijakan under it; a strategi with a kebijakan is not removed.
#[tokio::test]
async fn strategi_and_kebijakan_rows_are_edited_in_the_renstra_editor() {
    let b = kinerja_simpan::uji::sqlite();
    let u = bersama::operator(&b.url).await;
    let (_, html) = buka(&u, UBAH).await;
    assert!(
        html.contains("Strategi 1: Oreintasi Pelayanan Publik"),
        "{html}"
    );
    assert!(
        html.contains(r#"name="strategi-ST-1.sasaran.S-1" value="1" checked"#),
        "{html}"
    );
    assert!(html.contains("Kebijakan 1: Membangun koordinasi"), "{html}");
    let (s, _, html) = kirim(
        &u.app,
        &u.sesi,
        &u.csrf,
        &[
            ("jenis", "strategi"),
            ("id", ""),
            ("induk", "renstra"),
            ("aksi", "simpan"),
            ("strategi-baru-renstra.uraian", "Layanan terpadu satu pintu"),
            ("strategi-baru-renstra.sasaran.S-1", "1"),
            ("strategi-baru-renstra.sasaran.S-2", "1"),
        ],
    )
    .await;
    assert_eq!(s, StatusCode::SEE_OTHER, "{html}");
    let d = data(&u).await;
    let st = d.strategi.iter().find(|s| s.id.as_str() == "ST-3").unwrap();
    assert_eq!(st.uraian, "Layanan terpadu satu pintu");
    assert_eq!(st.sasaran.len(), 2);
    // A kebijakan without its wording: refused beside the field.
    let (s, _, html) = kirim(
        &u.app,
        &u.sesi,
        &u.csrf,
        &[
            ("jenis", "kebijakan"),
            ("id", ""),
            ("induk", "ST-3"),
            ("aksi", "simpan"),
            ("kebijakan-baru-ST-3.uraian", ""),
        ],
    )
    .await;
    assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY);
    assert!(
        html.contains(r#"id="kebijakan-baru-ST-3.uraian-galat""#),
        "{html}"
    );
    let (s, _, _) = kirim(
        &u.app,
        &u.sesi,
        &u.csrf,
        &[
            ("jenis", "kebijakan"),
            ("id", ""),
            ("induk", "ST-3"),
            ("aksi", "simpan"),
            ("kebijakan-baru-ST-3.uraian", "Satu loket untuk semua izin"),
        ],
    )
    .await;
    assert_eq!(s, StatusCode::SEE_OTHER);
    let d = data(&u).await;
    assert!(
        d.kebijakan
            .iter()
            .any(|k| k.id.as_str() == "KB-3" && k.strategi.as_str() == "ST-3")
    );
    let (_, html) = buka(
        &u,
        "/instansi/mumbulsari/tahun/2020/rencana/hapus?jenis=strategi&id=ST-3",
    )
    .await;
    assert!(html.contains("1 kebijakan (KB-3)"), "{html}");
    // Untick one sasaran: the strategi keeps the other.
    let (s, _, _) = kirim(
        &u.app,
        &u.sesi,
        &u.csrf,
        &[
            ("jenis", "strategi"),
            ("id", "ST-3"),
            ("induk", ""),
            ("aksi", "simpan"),
            ("strategi-ST-3.uraian", "Layanan terpadu satu pintu"),
            ("strategi-ST-3.sasaran.S-2", "1"),
        ],
    )
    .await;
    assert_eq!(s, StatusCode::SEE_OTHER);
    let d = data(&u).await;
    let st = d.strategi.iter().find(|s| s.id.as_str() == "ST-3").unwrap();
    assert_eq!(
        st.sasaran.iter().map(|s| s.as_str()).collect::<Vec<_>>(),
        ["S-2"]
    );
    b.selesai().await;
}
