//! The budget pages: a line's realisasi for the year or per month. Months saved on a line
//! replace its year figure, their sum is the line's year (shown, not typed), a year figure
//! typed for a line with months is refused, and every month is checked before anything is
//! written; one save is one audited change.

mod bersama;

use axum::http::{Request, StatusCode};
use kinerja_core::id::InstansiId;
use kinerja_core::waktu::Bulan;

use bersama::Operator as Uji;

fn mum() -> InstansiId {
    InstansiId::new("mumbulsari").unwrap()
}

async fn siap(url: &str) -> Uji {
    bersama::operator(url).await
}

impl Uji {
    async fn buka(&self, jalur: &str) -> (StatusCode, String) {
        let (s, _, b) =
            bersama::kirim(&self.app, &self.sesi, Request::builder().uri(jalur), vec![]).await;
        (s, b)
    }

    async fn kirim(&self, jalur: &str, medan: &[(&str, &str)]) -> (StatusCode, String, String) {
        self.kirim_form(jalur, medan).await
    }

    async fn pos(&self, id: &str) -> kinerja_core::model::PosAnggaran {
        let d = self.toko.muat(&mum()).await.unwrap();
        d.anggaran
            .into_iter()
            .find(|p| p.id.as_str() == id)
            .unwrap()
    }

    async fn jejak(&self) -> usize {
        self.toko
            .jejak(&mum(), Some("anggaran"), None, 1000)
            .await
            .unwrap()
            .len()
    }
}

const BULANAN: &str = "/instansi/mumbulsari/tahun/2020/anggaran/A-2020-K-ADM-1";
const ANGGARAN: &str = "/instansi/mumbulsari/tahun/2020/anggaran";

#[tokio::test]
async fn months_replace_the_year_figure_and_sum_to_the_year() {
    for b in kinerja_simpan::uji::semua_basis().await {
        let u = siap(&b.url).await;
        // K-ADM-1: pagu 15.000.000,00, realisasi 13.459.500,00 for the year (the example).
        let (s, html) = u.buka(BULANAN).await;
        assert_eq!(s, StatusCode::OK, "{html}");
        assert!(html.contains("15.000.000,00"), "the pagu: {html}");
        assert!(
            html.contains("13.459.500,00"),
            "the year figure that months would replace: {html}"
        );
        let jejak = u.jejak().await;

        // January 4.000.000, February 2.500.000,50, April 1.000.000; March not reported.
        let (s, ke, html) = u
            .kirim(
                BULANAN,
                &[
                    ("b.A-2020-K-ADM-1.1", "4.000.000"),
                    ("b.A-2020-K-ADM-1.2", "2.500.000,50"),
                    ("b.A-2020-K-ADM-1.3", ""),
                    ("b.A-2020-K-ADM-1.4", "1.000.000,00"),
                ],
            )
            .await;
        assert_eq!(s, StatusCode::SEE_OTHER, "{}: {html}", b.nama);
        assert!(ke.starts_with(BULANAN), "{ke}");
        let p = u.pos("A-2020-K-ADM-1").await;
        assert_eq!(p.realisasi, None, "the year figure is replaced");
        assert_eq!(p.realisasi_bulanan.len(), 3);
        assert_eq!(
            p.realisasi_bulanan[&Bulan::Februari].to_string(),
            "Rp 2.500.000,50"
        );
        assert_eq!(u.jejak().await, jejak + 1, "one save, one audited change");

        // 4.000.000 + 2.500.000,50 = 6.500.000,50 (Triwulan I); + 1.000.000 = 7.500.000,50;
        // serapan 7.500.000,50 / 15.000.000 x 100 = 50,0000033... -> 50,00 %.
        let (_, html) = u.buka(BULANAN).await;
        assert!(html.contains("6.500.000,50"), "Triwulan I: {html}");
        assert!(html.contains("7.500.000,50"), "the year: {html}");
        assert!(html.contains("50,00"), "serapan: {html}");
        let (_, html) = u.buka(ANGGARAN).await;
        assert!(
            html.contains(r#"<span id="a.A-2020-K-ADM-1">7.500.000,50</span>"#),
            "the budget page shows the sum, not a field: {html}"
        );
        assert!(!html.contains(r#"name="a.A-2020-K-ADM-1""#), "{html}");

        // A year figure for a line with months is refused, and nothing changes.
        let (s, _, html) = u
            .kirim(ANGGARAN, &[("a.A-2020-K-ADM-1", "9.000.000")])
            .await;
        assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY, "{html}");
        assert!(html.contains("pos ini diisi per bulan"), "{html}");

        // One bad month refuses the whole form: nothing of it is written.
        let (s, _, html) = u
            .kirim(
                BULANAN,
                &[
                    ("b.A-2020-K-ADM-1.1", "5.000.000"),
                    ("b.A-2020-K-ADM-1.2", "-1.000,00"),
                    ("b.A-2020-K-ADM-1.5", "dua juta"),
                ],
            )
            .await;
        assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY, "{html}");
        assert!(html.contains("tidak boleh negatif"), "{html}");
        assert!(html.contains("Ada 2 isian yang perlu diperbaiki"), "{html}");
        assert_eq!(u.pos("A-2020-K-ADM-1").await, p, "{}", b.nama);
        assert_eq!(u.jejak().await, jejak + 1);

        // The same months again: no change, no audit row.
        let (s, _, _) = u
            .kirim(
                BULANAN,
                &[
                    ("b.A-2020-K-ADM-1.1", "4.000.000,00"),
                    ("b.A-2020-K-ADM-1.2", "2.500.000,5"),
                    ("b.A-2020-K-ADM-1.4", "1.000.000"),
                ],
            )
            .await;
        assert_eq!(s, StatusCode::SEE_OTHER);
        assert_eq!(u.jejak().await, jejak + 1);

        // A field of another line on this line's page is refused; an unknown line is 404.
        let (s, _, _) = u.kirim(BULANAN, &[("b.A-2020-K-ADM-2.1", "1.000")]).await;
        assert_eq!(s, StatusCode::UNPROCESSABLE_ENTITY);
        let (s, _) = u
            .buka("/instansi/mumbulsari/tahun/2020/anggaran/TIDAK-ADA")
            .await;
        assert_eq!(s, StatusCode::NOT_FOUND);

        // Emptying every month leaves the line not reported (not zero).
        let (s, _, _) = u.kirim(BULANAN, &[("b.A-2020-K-ADM-1.1", "")]).await;
        assert_eq!(s, StatusCode::SEE_OTHER);
        let p = u.pos("A-2020-K-ADM-1").await;
        assert!(p.realisasi_bulanan.is_empty() && p.realisasi.is_none());

        // A line with a year figure keeps it when its month page is sent empty.
        let sebelum = u.pos("A-2020-K-ADM-2").await;
        assert!(sebelum.realisasi.is_some());
        let (s, _, _) = u
            .kirim(
                "/instansi/mumbulsari/tahun/2020/anggaran/A-2020-K-ADM-2",
                &[("b.A-2020-K-ADM-2.1", "")],
            )
            .await;
        assert_eq!(s, StatusCode::SEE_OTHER);
        assert_eq!(u.pos("A-2020-K-ADM-2").await, sebelum);
        u.toko.tutup().await;
        b.selesai().await;
    }
}
