//! The page cache (`kinerja_web::tembolok`) through the whole server: a save is on the next
//! dashboard, and a cached page never carries another viewer's CSRF token or name.

mod bersama;

use axum::body::Body;
use axum::http::{Request, StatusCode};
use http_body_util::BodyExt;
use kinerja_core::id::InstansiId;
use kinerja_core::waktu::{Periode, Tahun};
use kinerja_simpan::akun::Langkah;
use kinerja_simpan::{Pelaku, Toko};
use tower::ServiceExt;

const DASBOR: &str = "/instansi/mumbulsari/tahun/2020";
const OPERATOR: &str = "operator-satu";
const PIMPINAN: &str = "pimpinan-dua";
const PEREVIU: &str = "pereviu-tiga";

struct Uji {
    negara: kinerja_web::Negara,
    toko: Toko,
    /// Account name, session cookie, CSRF token.
    sesi: Vec<(&'static str, String, String)>,
}

async fn siap(url: &str) -> Uji {
    let toko = bersama::toko_contoh(url).await;
    let mut sesi = Vec::new();
    for (nama, peran, instansi) in [
        (OPERATOR, "operator", Some("mumbulsari")),
        (PIMPINAN, "pimpinan", Some("mumbulsari")),
        (PEREVIU, "pereviu", None),
    ] {
        let hash = "tidak-dipakai".to_string();
        let (token, csrf) = bersama::akun_bersesi(&toko, nama, peran, instansi, hash).await;
        sesi.push((nama, token, csrf));
    }
    Uji {
        negara: kinerja_web::negara(toko.clone()),
        toko,
        sesi,
    }
}

impl Uji {
    fn csrf(&self, nama: &str) -> &str {
        &self.sesi.iter().find(|(n, _, _)| *n == nama).unwrap().2
    }

    /// Sends `r` as `nama` (anonymous when `None`) to the server over `negara`.
    async fn kirim(
        &self,
        negara: &kinerja_web::Negara,
        nama: Option<&str>,
        r: axum::http::request::Builder,
        isi: Body,
    ) -> (StatusCode, String) {
        let r = match nama {
            Some(nama) => {
                let (_, token, _) = self.sesi.iter().find(|(n, _, _)| *n == nama).unwrap();
                r.header("cookie", format!("kinerja_sesi={token}"))
            }
            None => r,
        };
        let app = kinerja_web::aplikasi(negara.clone());
        let res = app.oneshot(r.body(isi).unwrap()).await.unwrap();
        let status = res.status();
        let b = res.into_body().collect().await.unwrap().to_bytes().to_vec();
        (status, String::from_utf8(b).unwrap())
    }

    async fn dasbor(&self, nama: Option<&str>) -> String {
        let (st, b) = self
            .kirim(&self.negara, nama, Request::get(DASBOR), Body::empty())
            .await;
        assert_eq!(st, StatusCode::OK, "{b}");
        b
    }

    /// The dashboard from a server with an empty cache: what a render without caching gives.
    async fn dasbor_segar(&self, nama: Option<&str>) -> String {
        let segar = kinerja_web::negara(self.toko.clone());
        let (st, b) = self
            .kirim(&segar, nama, Request::get(DASBOR), Body::empty())
            .await;
        assert_eq!(st, StatusCode::OK, "{b}");
        b
    }

    /// Checks that `halaman` is `nama`'s page: their CSRF token and name, nobody else's.
    fn milik(&self, halaman: &str, nama: Option<&str>) {
        for (n, _, csrf) in &self.sesi {
            let punya = Some(*n) == nama;
            assert_eq!(halaman.contains(csrf.as_str()), punya, "{n}'s CSRF token");
            assert_eq!(halaman.contains(n), punya, "{n}'s name");
        }
    }
}

#[tokio::test]
async fn a_save_is_on_the_next_dashboard_and_no_viewer_sees_anothers_frame() {
    let b = kinerja_simpan::uji::sqlite();
    let u = siap(&b.url).await;

    let p1 = u.dasbor(Some(PIMPINAN)).await;
    u.milik(&p1, Some(PIMPINAN));
    let o1 = u.dasbor(Some(OPERATOR)).await;
    u.milik(&o1, Some(OPERATOR));
    // Again, now from the cache: each still gets their own page.
    assert_eq!(u.negara.tembolok.jumlah(), 2, "one page per viewer");
    assert_eq!(u.dasbor(Some(OPERATOR)).await, o1);
    assert_eq!(u.dasbor(Some(PIMPINAN)).await, p1);
    assert_eq!(
        u.negara.tembolok.jumlah(),
        2,
        "the second requests were hits"
    );

    // A realisasi typed through the form; the value is printed as written in the Realisasi
    // column of Tabel 3.1 on the dashboard.
    assert!(!o1.contains("87,65"));
    let isi = format!("csrf={}&r.I-S1-1.tahunan=87%2C65", u.csrf(OPERATOR));
    let (st, _) = u
        .kirim(
            &u.negara,
            Some(OPERATOR),
            Request::post(format!("{DASBOR}/realisasi"))
                .header("content-type", "application/x-www-form-urlencoded"),
            Body::from(isi),
        )
        .await;
    assert_eq!(st, StatusCode::SEE_OTHER);
    let o2 = u.dasbor(Some(OPERATOR)).await;
    assert!(
        o2.contains("87,65"),
        "the saved figure, not the cached page"
    );
    assert_eq!(o2, u.dasbor_segar(Some(OPERATOR)).await);
    u.milik(&o2, Some(OPERATOR));
    let p2 = u.dasbor(Some(PIMPINAN)).await;
    assert!(p2.contains("87,65"));
    u.milik(&p2, Some(PIMPINAN));

    // Published: anonymous viewers share one page, which carries nobody's token or name, and
    // the logged-in viewers still get their own.
    let pelaku = Pelaku {
        pengguna: PIMPINAN.into(),
        sumber: "uji".into(),
        hak: kinerja_simpan::Hak::Instansi(Vec::new()),
    };
    let m = InstansiId::new("mumbulsari").unwrap();
    for l in [Langkah::Ajukan, Langkah::Setujui] {
        u.toko
            .langkah_alur(&m, Tahun::new(2020).unwrap(), Periode::Tahunan, l, &pelaku)
            .await
            .unwrap();
    }
    let a1 = u.dasbor(None).await;
    u.milik(&a1, None);
    assert_eq!(u.dasbor(None).await, a1);
    assert_eq!(a1, u.dasbor_segar(None).await);
    let o3 = u.dasbor(Some(OPERATOR)).await;
    u.milik(&o3, Some(OPERATOR));

    u.toko.tutup().await;
    b.selesai().await;
}

/// What the cache must not outlive, on both backends: a write of what the page read by another
/// process (a second pool on the same database), a logout done elsewhere, the session's expiry; and a request
/// with credentials is never answered from it.
#[tokio::test]
async fn a_kept_page_ends_with_a_write_of_its_data_and_with_its_session() {
    use kinerja_core::model::Realisasi;
    use kinerja_core::nilai::Nilai;
    for b in kinerja_simpan::uji::semua_basis().await {
        let u = siap(&b.url).await;
        let m = InstansiId::new("mumbulsari").unwrap();
        let o1 = u.dasbor(Some(OPERATOR)).await;
        assert_eq!(u.dasbor(Some(OPERATOR)).await, o1, "{}: a hit", b.nama);
        assert!(!o1.contains("12,34"));

        let lain = Toko::buka(&b.url).await.unwrap();
        let r = Realisasi {
            indikator: kinerja_core::id::IndikatorId::new("I-S1-1").unwrap(),
            tahun: Tahun::new(2020).unwrap(),
            periode: Periode::Tahunan,
            nilai: Nilai::parse("12,34").unwrap(),
            sumber: None,
            catatan: None,
        };
        lain.simpan_realisasi(&m, vec![r], &bersama::pelaku())
            .await
            .unwrap();
        let o2 = u.dasbor(Some(OPERATOR)).await;
        assert!(o2.contains("12,34"), "{}: another process's save", b.nama);

        // The year is not published: without a valid session the dashboard is refused.
        let token = &u.sesi.iter().find(|(n, _, _)| *n == OPERATOR).unwrap().1;
        lain.hapus_sesi(&kinerja_web::akun::digest(token))
            .await
            .unwrap();
        let (st, _) = u
            .kirim(
                &u.negara,
                Some(OPERATOR),
                Request::get(DASBOR),
                Body::empty(),
            )
            .await;
        assert_eq!(st, StatusCode::FORBIDDEN, "{}: after a logout", b.nama);

        // A session that expires while its page is kept.
        let (t2, c2) = (
            kinerja_web::akun::token_acak(),
            kinerja_web::akun::token_acak(),
        );
        let sampai = time::OffsetDateTime::now_utc() + time::Duration::seconds(2);
        u.toko
            .buat_sesi(&kinerja_web::akun::digest(&t2), PIMPINAN, &c2, sampai)
            .await
            .unwrap();
        let minta = |t: &str| {
            let app = kinerja_web::aplikasi(u.negara.clone());
            let r = Request::get(DASBOR)
                .header("cookie", format!("kinerja_sesi={t}"))
                .body(Body::empty())
                .unwrap();
            async move { app.oneshot(r).await.unwrap().status() }
        };
        assert_eq!(minta(&t2).await, StatusCode::OK);
        assert_eq!(minta(&t2).await, StatusCode::OK, "kept");
        tokio::time::sleep(std::time::Duration::from_millis(2100)).await;
        assert_eq!(
            minta(&t2).await,
            StatusCode::FORBIDDEN,
            "{}: expired while kept",
            b.nama
        );

        // Credentials are always checked: the anonymous front page is kept,
        // and the same address with a wrong Basic password is still refused.
        let api = |basic: Option<&str>| {
            let app = kinerja_web::aplikasi(u.negara.clone());
            let mut r = Request::get("/");
            if let Some(x) = basic {
                r = r.header("authorization", format!("Basic {x}"));
            }
            async move {
                app.oneshot(r.body(Body::empty()).unwrap())
                    .await
                    .unwrap()
                    .status()
            }
        };
        assert_eq!(api(None).await, StatusCode::OK);
        assert_eq!(api(None).await, StatusCode::OK, "kept");
        // "tidak-ada:salah"
        assert_eq!(
            api(Some("dGlkYWstYWRhOnNhbGFo")).await,
            StatusCode::UNAUTHORIZED,
            "{}: not answered from the cache",
            b.nama
        );

        lain.tutup().await;
        u.toko.tutup().await;
        b.selesai().await;
    }
}

/// Two servers on one database (each its own pool, data set copies and page cache, as two
/// `kinerja serve` processes have): a save through either is on the other's next page, on
/// both backends, every round, though each server keeps the page from before.
#[tokio::test]
async fn two_servers_on_one_database_read_each_others_saves_at_once() {
    for b in kinerja_simpan::uji::semua_basis().await {
        let u = siap(&b.url).await;
        let kedua = kinerja_web::negara(Toko::buka(&b.url).await.unwrap());
        let server = [&u.negara, &kedua];
        for putaran in 0..6usize {
            // Both pages are kept first, so a stale one would be served if anything were.
            for s in server {
                let (st, _) = u
                    .kirim(s, Some(OPERATOR), Request::get(DASBOR), Body::empty())
                    .await;
                assert_eq!(st, StatusCode::OK);
            }
            let nilai = format!("{},{:02}", 40 + putaran, putaran);
            let (tulis, baca) = (server[putaran % 2], server[1 - putaran % 2]);
            let isi = format!(
                "csrf={}&r.I-S1-1.tahunan={}",
                u.csrf(OPERATOR),
                nilai.replace(',', "%2C")
            );
            let (st, _) = u
                .kirim(
                    tulis,
                    Some(OPERATOR),
                    Request::post(format!("{DASBOR}/realisasi"))
                        .header("content-type", "application/x-www-form-urlencoded"),
                    Body::from(isi),
                )
                .await;
            assert_eq!(st, StatusCode::SEE_OTHER, "{}: round {putaran}", b.nama);
            let (st, halaman) = u
                .kirim(baca, Some(OPERATOR), Request::get(DASBOR), Body::empty())
                .await;
            assert_eq!(st, StatusCode::OK);
            assert!(
                halaman.contains(&nilai),
                "{}: round {putaran}: {nilai} saved through one server is not on the other's page",
                b.nama
            );
        }
        kedua.toko.tutup().await;
        u.toko.tutup().await;
        b.selesai().await;
    }
}

/// Each data set's pages have their own generation: on two servers over one database (as two
/// processes), a save to Mumbulsari ends the kept pages of Mumbulsari on both and leaves those
/// of another data set (a synthetic OPD) valid on both, and the other way round; what is
/// served from the cache is what a fresh render gives.
#[tokio::test]
async fn a_save_to_one_data_set_leaves_the_kept_pages_of_another() {
    let opd = kinerja_sintetis::instansi(0);
    let dasbor_opd = format!("/instansi/opd-00/tahun/{}", opd.realisasi[0].tahun);
    for b in kinerja_simpan::uji::semua_basis().await {
        let n = b.nama;
        let u = siap(&b.url).await;
        u.toko
            .impor(
                &opd,
                None,
                kinerja_simpan::ModeImpor::Gabung,
                &bersama::pelaku(),
            )
            .await
            .unwrap();
        let kedua = kinerja_web::negara(Toko::buka(&b.url).await.unwrap());
        let server = [&u.negara, &kedua];
        let token = u
            .sesi
            .iter()
            .find(|(x, _, _)| *x == PEREVIU)
            .unwrap()
            .1
            .clone();
        let (uu, token, dasbor_opd) = (&u, token.as_str(), dasbor_opd.as_str());
        let halaman = |alamat: &str| {
            let alamat = alamat.to_string();
            async move {
                let mut v = Vec::new();
                for s in server {
                    let (st, h) = uu
                        .kirim(s, Some(PEREVIU), Request::get(&alamat), Body::empty())
                        .await;
                    assert_eq!(st, StatusCode::OK, "{alamat}");
                    v.push(h);
                }
                v
            }
        };
        // Which of (Mumbulsari's dashboard, the OPD's) each server holds valid now.
        let berlaku = || async move {
            let g = uu.toko.generasi_kini().await.unwrap();
            server
                .iter()
                .map(|s| {
                    (
                        s.tembolok.berlaku(&g, DASBOR, Some(token)),
                        s.tembolok.berlaku(&g, dasbor_opd, Some(token)),
                    )
                })
                .collect::<Vec<_>>()
        };
        let opd1 = halaman(dasbor_opd).await;
        halaman(DASBOR).await;
        assert_eq!(berlaku().await, vec![(true, true); 2], "{n}: both kept");

        // A realisasi of Mumbulsari saved through the first server.
        let isi = format!("csrf={}&r.I-S1-1.tahunan=55%2C55", u.csrf(OPERATOR));
        let (st, _) = u
            .kirim(
                &u.negara,
                Some(OPERATOR),
                Request::post(format!("{DASBOR}/realisasi"))
                    .header("content-type", "application/x-www-form-urlencoded"),
                Body::from(isi),
            )
            .await;
        assert_eq!(st, StatusCode::SEE_OTHER, "{n}");
        assert_eq!(
            berlaku().await,
            vec![(false, true); 2],
            "{n}: Mumbulsari's pages end, the OPD's stay, on both servers"
        );
        assert_eq!(
            halaman(dasbor_opd).await,
            opd1,
            "{n}: served from the cache"
        );
        for h in halaman(DASBOR).await {
            assert!(h.contains("55,55"), "{n}: the saved figure");
        }
        assert_eq!(
            berlaku().await,
            vec![(true, true); 2],
            "{n}: both kept again"
        );

        // A realisasi of the OPD saved by a third process: the other way round.
        let lain = Toko::buka(&b.url).await.unwrap();
        let mut r = opd.realisasi[0].clone();
        r.nilai = kinerja_core::nilai::Nilai::parse("7").unwrap();
        lain.simpan_realisasi(
            &InstansiId::new("opd-00").unwrap(),
            vec![r],
            &bersama::pelaku(),
        )
        .await
        .unwrap();
        assert_eq!(
            berlaku().await,
            vec![(true, false); 2],
            "{n}: the OPD's pages end"
        );
        let opd2 = halaman(dasbor_opd).await;
        let segar = kinerja_web::negara(u.toko.clone());
        let (_, h) = u
            .kirim(
                &segar,
                Some(PEREVIU),
                Request::get(dasbor_opd),
                Body::empty(),
            )
            .await;
        assert_eq!(opd2[0], h, "{n}: what a fresh render gives");
        assert_eq!(opd2[1], h, "{n}: what a fresh render gives");

        lain.tutup().await;
        kedua.toko.tutup().await;
        u.toko.tutup().await;
        b.selesai().await;
    }
}
