//! The plan editors in a real headless Chromium (the set-up as in `peramban.rs`): the operator
//! opens the Renstra editor from the plan page, adds an indicator with its unit, polarity and a
//! target under sasaran 1 (the folded "Tambah" form opened by its summary, no JavaScript of the
//! page), sees an empty required field refused beside the field with the form left open,
//! promises the new indicator in the Perjanjian Kinerja and finds it on the PK page; another
//! instansi's operator is refused the editor. Screenshots of the three editors go to
//! `<target>/e2e-tangkapan/`.

use fantoccini::{Client, ClientBuilder, Locator};
use kinerja_core::id::InstansiId;
use kinerja_simpan::akun::Akun;
use kinerja_simpan::{ModeImpor, Pelaku, Toko};
use serde_json::json;
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

const CHROMEDRIVER: &str = "/usr/bin/chromedriver";
const CHROMIUM: &str = "/usr/bin/chromium";

const OPERATOR: (&str, &str) = ("op-mumbulsari", "sandi-operator-mumbulsari");
const PIMPINAN: (&str, &str) = ("camat-mumbulsari", "sandi-camat-mumbulsari");
const OPERATOR_LAIN: (&str, &str) = ("op-opd00", "sandi-operator-opd00");
const PEREVIU: (&str, &str) = ("inspektorat", "sandi-inspektorat-jember");

const RENCANA: &str = "/instansi/mumbulsari/tahun/2020/rencana";
const UBAH: &str = "/instansi/mumbulsari/tahun/2020/rencana/ubah";
const PK: &str = "/instansi/mumbulsari/tahun/2020/pk";
/// The folded form adding an indicator to sasaran 1 (S-1), and the one adding a sasaran to
/// tujuan 1 (T-1).
const BARU_IND: &str = "indikator-baru-sasaran.S-1";
const BARU_SAS: &str = "sasaran-baru-T-1";
const URAIAN_BARU: &str = "Rata-rata hari penyelesaian layanan KTP";
/// S-1 has I-S1-1 (nomor 1): the new one is nomor 2, the first free id of the form "I-S-1-n".
const ID_BARU: &str = "I-S-1-1";

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_plan_editors_in_a_real_browser() {
    let Some(driver) = Driver::mulai() else {
        return;
    };
    let tangkapan = folder_tangkapan();
    let basis = kinerja_simpan::uji::semua_basis().await.remove(0);
    let server = Server::mulai(&basis.url).await;
    let profil = Profil::baru();
    let c = driver.sesi(&profil.0).await;
    let u = Uji {
        c,
        dasar: format!("http://{}", server.alamat),
        tangkapan,
    };
    u.skenario().await;
    u.c.close().await.expect("close the browser session");
    server.berhenti().await;
    drop(profil);
    basis.selesai().await;
}

struct Uji {
    c: Client,
    dasar: String,
    tangkapan: PathBuf,
}

impl Uji {
    async fn skenario(&self) {
        self.masuk(OPERATOR).await;
        self.buka(RENCANA).await;
        self.klik(&format!("a[href='{UBAH}']")).await;
        assert_eq!(self.jalur().await, UBAH);
        self.tangkap("sunting-rencana").await;

        // A new indicator under sasaran 1: open the folded form, fill it, add.
        self.buka_lipatan(BARU_IND).await;
        self.ketik(&format!("{BARU_IND}.uraian"), URAIAN_BARU).await;
        self.ketik(&format!("{BARU_IND}.satuan"), "hari").await;
        self.medan(&format!("{BARU_IND}.polaritas"))
            .await
            .select_by_value("negatif")
            .await
            .unwrap();
        self.ketik(&format!("{BARU_IND}.target.2020"), "3").await;
        self.ketik(&format!("{BARU_IND}.target.2021"), "2,5").await;
        self.klik(&format!("form[id='{BARU_IND}'] button[value=simpan]"))
            .await;
        let isi = self.teks("main").await;
        assert!(isi.contains("perubahan disimpan"), "{isi}");
        assert!(
            isi.contains(&format!("Indikator 2: {URAIAN_BARU}")),
            "{isi}"
        );
        let t = self
            .medan(&format!("indikator-{ID_BARU}.target.2021"))
            .await
            .prop("value")
            .await
            .unwrap();
        assert_eq!(
            t.as_deref(),
            Some("2,5"),
            "the target as typed, the Indonesian way"
        );

        // A sasaran without its wording: refused beside the field, the form left open.
        self.buka_lipatan(BARU_SAS).await;
        self.klik(&format!("form[id='{BARU_SAS}'] button[value=simpan]"))
            .await;
        let galat = self.teks(&format!("[id='{BARU_SAS}.uraian-galat']")).await;
        assert!(galat.contains("wajib diisi"), "{galat}");
        assert!(
            self.c
                .find(Locator::Css(&format!(
                    "[id='{BARU_SAS}.uraian'][aria-invalid=true]"
                )))
                .await
                .is_ok()
        );
        let terbuka = self
            .c
            .execute(
                &format!("return document.getElementById('{BARU_SAS}').closest('details').open;"),
                vec![],
            )
            .await
            .unwrap();
        assert_eq!(terbuka, json!(true), "the posted form stays open");
        self.tangkap("sunting-rencana-galat").await;

        // The plan page shows the new indicator; the PK promises it.
        self.buka(RENCANA).await;
        assert!(self.teks("main").await.contains(URAIAN_BARU));
        self.buka(&format!("{PK}/ubah")).await;
        self.tangkap("sunting-pk").await;
        self.ketik(&format!("pk.target.{ID_BARU}"), "3").await;
        self.klik("form.sunting button[value=simpan]").await;
        assert!(self.teks("main").await.contains("perubahan disimpan"));
        self.buka(PK).await;
        let pk = self.teks("main").await;
        assert!(pk.contains(URAIAN_BARU), "{pk}");
        self.buka("/instansi/mumbulsari/tahun/2020/iku/ubah").await;
        self.tangkap("sunting-iku").await;

        // Another instansi's operator: refused, the page says why.
        self.klik(".akun-keluar button").await;
        self.masuk(OPERATOR_LAIN).await;
        self.buka(UBAH).await;
        let isi = self.teks("main").await;
        assert!(isi.contains("peran Anda tidak mengizinkan"), "{isi}");
    }

    // ----- helpers -----

    async fn buka(&self, jalur: &str) {
        self.c
            .goto(&format!("{}{jalur}", self.dasar))
            .await
            .unwrap_or_else(|e| panic!("GET {jalur}: {e}"));
    }

    async fn jalur(&self) -> String {
        self.c.current_url().await.unwrap().path().to_string()
    }

    async fn tunggu(&self, l: Locator<'_>) -> fantoccini::elements::Element {
        self.c
            .wait()
            .at_most(Duration::from_secs(10))
            .for_element(l)
            .await
            .unwrap_or_else(|e| panic!("waiting for {l:?}: {e}"))
    }

    async fn teks(&self, css: &str) -> String {
        self.tunggu(Locator::Css(css))
            .await
            .text()
            .await
            .unwrap()
            .trim()
            .to_string()
    }

    /// Runs `aksi` (a click that navigates) and waits for the new document.
    async fn pindah<F: std::future::Future<Output = ()>>(&self, aksi: F) {
        self.c
            .execute("document.documentElement.dataset.lama = '1';", vec![])
            .await
            .unwrap();
        aksi.await;
        self.tunggu(Locator::Css("html:not([data-lama])")).await;
    }

    async fn klik(&self, css: &str) {
        let el = self
            .c
            .find(Locator::Css(css))
            .await
            .unwrap_or_else(|_| panic!("nothing to click at {css}"));
        self.pindah(async { el.click().await.unwrap() }).await;
    }

    async fn medan(&self, nama: &str) -> fantoccini::elements::Element {
        self.tunggu(Locator::Css(&format!("[id='{nama}']"))).await
    }

    async fn ketik(&self, nama: &str, teks: &str) {
        let m = self.medan(nama).await;
        m.clear().await.unwrap();
        m.send_keys(teks).await.unwrap();
    }

    /// Opens the folded form `jangkar` by clicking its summary (no navigation).
    async fn buka_lipatan(&self, jangkar: &str) {
        self.tunggu(Locator::Css(&format!(
            "details:has(> form[id='{jangkar}']) > summary"
        )))
        .await
        .click()
        .await
        .unwrap();
    }

    async fn masuk(&self, (nama, sandi): (&str, &str)) {
        self.buka("/masuk").await;
        let n = self.tunggu(Locator::Id("nama_pengguna")).await;
        n.send_keys(nama).await.unwrap();
        let s = self.c.find(Locator::Id("kata_sandi")).await.unwrap();
        s.send_keys(sandi).await.unwrap();
        self.klik("form.masuk-kartu button[type=submit]").await;
        assert_eq!(self.teks(".akun-nama").await, nama);
    }

    /// A PNG of the whole page.
    async fn tangkap(&self, nama: &str) {
        let tinggi = self
            .c
            .execute(
                "return Math.ceil(document.documentElement.scrollHeight);",
                vec![],
            )
            .await
            .unwrap()
            .as_u64()
            .unwrap_or(900)
            .clamp(900, 8000);
        self.c
            .set_window_size(1366, tinggi as u32 + 120)
            .await
            .unwrap();
        let png = self.c.screenshot().await.unwrap();
        self.c.set_window_size(1366, 900).await.unwrap();
        std::fs::write(self.tangkapan.join(format!("{nama}.png")), png).unwrap();
    }
}

/// `<target>/e2e-tangkapan`: the test binary is `<target>/<profile>/deps/peramban-*`.
fn folder_tangkapan() -> PathBuf {
    let exe = std::env::current_exe().expect("the test binary's path");
    let target = exe
        .ancestors()
        .nth(3)
        .map(Path::to_path_buf)
        .unwrap_or_else(|| PathBuf::from("target"));
    let f = target.join("e2e-tangkapan");
    std::fs::create_dir_all(&f).unwrap_or_else(|e| panic!("creating {}: {e}", f.display()));
    f
}

/// The server in-process on a fresh database with the example, a second instansi and the
/// accounts of the scenarios.
struct Server {
    alamat: SocketAddr,
    tugas: tokio::task::JoinHandle<()>,
    toko: Toko,
}

impl Server {
    async fn mulai(url: &str) -> Server {
        let toko = Toko::buka(url).await.expect("open the test database");
        let negara = kinerja_web::negara(toko.clone());
        let contoh = kinerja_berkas::baca(
            &Path::new(env!("CARGO_MANIFEST_DIR")).join("../../contoh/mumbulsari"),
        )
        .expect("the bundled example reads");
        assert!(
            kinerja_web::halaman::isi_contoh(&negara, &contoh)
                .await
                .expect("load the example"),
            "a fresh database gets the example"
        );
        let p = Pelaku {
            pengguna: "uji-e2e".into(),
            sumber: "uji".into(),
            hak: kinerja_simpan::Hak::Semua,
        };
        toko.impor(&kinerja_sintetis::instansi(0), None, ModeImpor::Gabung, &p)
            .await
            .expect("import the synthetic instansi");
        for ((nama, sandi), peran, instansi) in [
            (OPERATOR, "operator", Some("mumbulsari")),
            (PIMPINAN, "pimpinan", Some("mumbulsari")),
            (OPERATOR_LAIN, "operator", Some("opd-00")),
            (PEREVIU, "pereviu", None),
        ] {
            toko.tambah_akun(
                &Akun {
                    nama: nama.into(),
                    hash: kinerja_web::akun::hash_sandi(sandi).unwrap(),
                    peran: peran.into(),
                    instansi: instansi.map(|i| InstansiId::new(i).unwrap()),
                },
                &p,
            )
            .await
            .expect("create the account");
        }
        let app = kinerja_web::aplikasi(negara);
        let pendengar = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
        let alamat = pendengar.local_addr().unwrap();
        let tugas = tokio::spawn(async move {
            axum::serve(
                pendengar,
                app.into_make_service_with_connect_info::<SocketAddr>(),
            )
            .await
            .expect("the server runs");
        });
        Server {
            alamat,
            tugas,
            toko,
        }
    }

    async fn berhenti(self) {
        self.tugas.abort();
        let _ = self.tugas.await;
        self.toko.tutup().await;
    }
}

/// chromedriver as a child process on a free port; killed on drop.
struct Driver {
    anak: Child,
    port: u16,
}

impl Driver {
    /// `None` (with a message) when Chromium or chromedriver is not installed, except under
    /// `KINERJA_CI=1`.
    fn mulai() -> Option<Driver> {
        if !Path::new(CHROMEDRIVER).exists() || !Path::new(CHROMIUM).exists() {
            let pesan = "LEWATI: chromium/chromedriver tidak terpasang (apt-get install chromium chromium-driver)";
            if std::env::var("KINERJA_CI").is_ok_and(|v| v == "1") {
                panic!("{pesan} (KINERJA_CI=1: uji peramban wajib berjalan)");
            }
            eprintln!("{pesan}");
            return None;
        }
        let port = TcpListener::bind("127.0.0.1:0")
            .and_then(|l| l.local_addr())
            .expect("a free port")
            .port();
        let anak = Command::new(CHROMEDRIVER)
            .arg(format!("--port={port}"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("start chromedriver");
        let d = Driver { anak, port };
        let batas = Instant::now() + Duration::from_secs(20);
        while TcpStream::connect(("127.0.0.1", port)).is_err() {
            assert!(
                Instant::now() < batas,
                "chromedriver did not listen on port {port}"
            );
            std::thread::sleep(Duration::from_millis(50));
        }
        Some(d)
    }

    /// A browser session: Chromium headless with the profile folder `profil`.
    async fn sesi(&self, profil: &Path) -> Client {
        let mut cap = serde_json::Map::new();
        cap.insert("browserName".into(), json!("chrome"));
        cap.insert(
            "goog:chromeOptions".into(),
            json!({
                "binary": CHROMIUM,
                "args": [
                    "--headless",
                    "--no-sandbox",
                    "--disable-gpu",
                    "--disable-quic",
                    "--disable-background-networking",
                    "--disable-component-update",
                    "--disable-sync",
                    "--no-first-run",
                    "--window-size=1366,900",
                    format!("--user-data-dir={}", profil.display()),
                ],
            }),
        );
        ClientBuilder::new(hyper_util::client::legacy::connect::HttpConnector::new())
            .capabilities(cap)
            .connect(&format!("http://127.0.0.1:{}", self.port))
            .await
            .expect("a Chromium session through chromedriver")
    }
}

impl Drop for Driver {
    fn drop(&mut self) {
        let _ = self.anak.kill();
        let _ = self.anak.wait();
    }
}

/// A fresh Chromium profile folder, removed on drop.
struct Profil(PathBuf);

impl Profil {
    fn baru() -> Profil {
        use std::sync::atomic::{AtomicUsize, Ordering};
        static N: AtomicUsize = AtomicUsize::new(0);
        let p = std::env::temp_dir().join(format!(
            "kinerja-e2e-chromium-{}-{}",
            std::process::id(),
            N.fetch_add(1, Ordering::SeqCst)
        ));
        let _ = std::fs::remove_dir_all(&p);
        std::fs::create_dir_all(&p).expect("a temporary profile folder");
        Profil(p)
    }
}

impl Drop for Profil {
    /// Also ends the Chromium processes of this profile, should a failed test have left its
    /// session open (killing chromedriver does not end the browser it started).
    fn drop(&mut self) {
        let merek = format!("--user-data-dir={}", self.0.display());
        let mut dibunuh = false;
        for e in std::fs::read_dir("/proc").into_iter().flatten().flatten() {
            let pid = e.file_name().to_string_lossy().into_owned();
            if pid.parse::<u32>().is_err() {
                continue;
            }
            let Ok(cmd) = std::fs::read(e.path().join("cmdline")) else {
                continue;
            };
            if cmd.split(|b| *b == 0).any(|a| a == merek.as_bytes()) {
                let _ = Command::new("kill").args(["-KILL", &pid]).status();
                dibunuh = true;
            }
        }
        if dibunuh {
            // Let the killed processes go before their folder is removed.
            std::thread::sleep(Duration::from_millis(300));
        }
        let _ = std::fs::remove_dir_all(&self.0);
    }
}
