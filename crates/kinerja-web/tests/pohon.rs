//! The pemda's pohon kinerja page (`/kabupaten/{id}/tahun/{tahun}/pohon`) on the example pemda
//! (`contoh/pemda-jember/kabupaten`) beside the bundled Mumbulsari: staff see the tree of an
//! unpublished year, the public only once the pemda's year is published.

mod bersama;

use axum::http::{Request, StatusCode};
use kinerja_core::id::InstansiId;
use kinerja_core::waktu::{Periode, Tahun};
use kinerja_simpan::ModeImpor;
use kinerja_simpan::akun::Langkah;
use std::path::Path;

const HALAMAN: &str = "/kabupaten/jember/tahun/2020/pohon";

#[tokio::test]
async fn the_tree_page_shows_nodes_owners_targets_and_a_refusals_reason() {
    for b in kinerja_simpan::uji::semua_basis().await {
        let toko = bersama::toko_contoh(&b.url).await;
        let kab = kinerja_berkas::baca(
            &Path::new(env!("CARGO_MANIFEST_DIR")).join("../../contoh/pemda-jember/kabupaten"),
        )
        .unwrap();
        toko.impor(&kab, None, ModeImpor::Gabung, &bersama::pelaku())
            .await
            .unwrap();
        let (admin, _) = bersama::akun_bersesi(&toko, "admin", "admin", None, "x".into()).await;
        let app = kinerja_web::aplikasi(kinerja_web::negara(toko.clone()));
        let get = |sesi: String, uri: &'static str| {
            let app = app.clone();
            async move { bersama::kirim(&app, &sesi, Request::get(uri), vec![]).await }
        };

        let (s, _, html) = get(admin.clone(), HALAMAN).await;
        assert_eq!(s, StatusCode::OK, "{}: {html}", b.nama);
        for f in [
            "Kabupaten Jember: pohon kinerja",
            "strategis pemda 3, strategis OPD 3, taktis 3, operasional 5, individu 3",
            "id=\"simpul-DSP-4\"",
            "Terlayaninya perekaman dan pencetakan KTP-el",
            "Dinas Kependudukan dan Pencatatan Sipil, Seksi Identitas Penduduk, Pengadministrasi Kependudukan, NIP 19850312 201001 2 015",
            // PEMDA-3 by the RPJMD (target 40, realisasi 35, lower is better): 112,50 %.
            "112,50 %",
            // DSP-4's own SKP realisasi: 26 / 24 = 108,33 %.
            "108,33 %",
            "<td>ditolak</td><td>Renstra Kecamatan Mumbulsari 2016-2021 tidak memuat program kesehatan ibu; koordinasi melalui Puskesmas.</td>",
            // The OPDs' data sets are not stored here: said, not shown as 0.
            "Data tidak tersedia untuk:",
            "href=\"/kabupaten/jember/tahun/2020/pohon?opd=dinkes\"",
        ] {
            assert!(html.contains(f), "{}: {f} missing", b.nama);
        }
        let simpul = |id: &str| format!("{HALAMAN}?simpul={id}");
        let get_s = |sesi: String, uri: String| {
            let app = app.clone();
            async move { bersama::kirim(&app, &sesi, Request::get(uri.as_str()), vec![]).await }
        };
        // A node: its path, indicators with the source of their figures, links, crosscutting.
        let (s, _, html) = get_s(admin.clone(), simpul("DSP-4")).await;
        assert_eq!(s, StatusCode::OK, "{}", b.nama);
        for f in [
            "?simpul=DSP-3\">Terlayaninya perekaman dan pencetakan KTP-el</a>",
            "realisasi SKP pada simpul (PermenPANRB 8/2021)",
            "108,33 %",
        ] {
            assert!(html.contains(f), "{}: {f} missing", b.nama);
        }
        let (_, _, html) = get_s(admin.clone(), simpul("DSP-3")).await;
        assert!(html.contains("sub kegiatan DSP-SK-1"), "{}", b.nama);
        let (_, _, html) = get_s(admin.clone(), simpul("DKS-5")).await;
        assert!(html.contains("<span class=\"tt\">belum ditetapkan</span>"));
        let (_, _, html) = get_s(admin.clone(), simpul("DKS-4")).await;
        assert!(html.contains("Simpul ini tanpa indikator."));
        let (_, _, html) = get_s(admin.clone(), simpul("DKS-1")).await;
        assert!(
            html.contains("data instansi pemilik simpul tidak tersedia"),
            "{}",
            b.nama
        );
        assert!(html.contains("<td>ditolak</td>"), "{}", b.nama);
        // Unknown or malformed ids: 404, nothing echoed as markup.
        for q in [
            "?simpul=TIDAK-ADA",
            "?simpul=%3Cscript%3E",
            "?opd=tidak-ada",
            "?opd=%3Cb%3E",
        ] {
            let (s, _, html) = get_s(admin.clone(), format!("{HALAMAN}{q}")).await;
            assert_eq!(s, StatusCode::NOT_FOUND, "{}: {q}", b.nama);
            assert!(!html.contains("<script>") && !html.contains("<b>"), "{q}");
        }
        let (s, _, _) = get_s(admin.clone(), format!("{HALAMAN}?opd=dispendukcapil")).await;
        assert_eq!(s, StatusCode::OK, "{}", b.nama);
        // The kabupaten page links it.
        let tautan = format!("href=\"{HALAMAN}\"");
        let (_, _, kab_html) = get(admin.clone(), "/kabupaten/jember/tahun/2020").await;
        assert!(kab_html.contains(&tautan), "{}", b.nama);
        let (s, _, _) = get(admin.clone(), "/kabupaten/jember/tahun/2021/pohon").await;
        assert_eq!(s, StatusCode::NOT_FOUND);

        // Unpublished: the public gets no tree.
        let (s, _, html) = get(String::new(), HALAMAN).await;
        assert_eq!(s, StatusCode::NOT_FOUND, "{}", b.nama);
        assert!(!html.contains("Jumlah kematian ibu"));
        let (_, _, kab_html) = get(String::new(), "/kabupaten/jember/tahun/2020").await;
        assert!(!kab_html.contains(&tautan), "{}", b.nama);
        // The pemda's year approved: public.
        let jember = InstansiId::new("jember").unwrap();
        let th = Tahun::new(2020).unwrap();
        for l in [Langkah::Ajukan, Langkah::Setujui] {
            toko.langkah_alur(&jember, th, Periode::Tahunan, l, &bersama::pelaku())
                .await
                .unwrap();
        }
        let (s, _, html) = get(String::new(), HALAMAN).await;
        assert_eq!(s, StatusCode::OK, "{}", b.nama);
        assert!(html.contains("Menurunnya angka kematian ibu"));
        let (_, _, kab_html) = get(String::new(), "/kabupaten/jember/tahun/2020").await;
        assert!(kab_html.contains(&tautan), "{}", b.nama);
        b.selesai().await;
    }
}
