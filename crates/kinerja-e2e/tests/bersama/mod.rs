//! What the browser tests share: the server in-process on a fresh database with the example,
//! a second instansi and the scenarios' accounts; chromedriver and a fresh Chromium profile;
//! the folder screenshots go to.
#![allow(dead_code)]

pub mod panduan;

use fantoccini::elements::Element;
use fantoccini::{Client, ClientBuilder, Locator};
use kinerja_core::id::InstansiId;
use kinerja_simpan::akun::Akun;
use kinerja_simpan::{ModeImpor, Pelaku, Toko};
use serde_json::json;
use std::net::{SocketAddr, TcpListener, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::time::{Duration, Instant};

pub const CHROMEDRIVER: &str = "/usr/bin/chromedriver";
pub const CHROMIUM: &str = "/usr/bin/chromium";

pub const OPERATOR: (&str, &str) = ("op-mumbulsari", "sandi-operator-mumbulsari");
pub const PIMPINAN: (&str, &str) = ("camat-mumbulsari", "sandi-camat-mumbulsari");
pub const OPERATOR_LAIN: (&str, &str) = ("op-opd00", "sandi-operator-opd00");
pub const PEREVIU: (&str, &str) = ("inspektorat", "sandi-inspektorat-jember");

/// `<target>/e2e-tangkapan`: the test binary is `<target>/<profile>/deps/peramban-*`.
pub fn folder_tangkapan() -> PathBuf {
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
pub struct Server {
    pub alamat: SocketAddr,
    tugas: tokio::task::JoinHandle<()>,
    pub toko: Toko,
}

impl Server {
    pub async fn mulai(url: &str) -> Server {
        let toko = Toko::buka(url).await.expect("open the test database");
        let negara = kinerja_web::negara(toko.clone());
        // The bundled examples as `kinerja serve` loads them: Mumbulsari, then the example pemda.
        let contoh: Vec<_> = [
            "mumbulsari",
            "pemda-jember/kabupaten",
            "pemda-jember/dinkes",
            "pemda-jember/dispendukcapil",
        ]
        .iter()
        .map(|f| {
            kinerja_berkas::baca(
                &Path::new(env!("CARGO_MANIFEST_DIR"))
                    .join("../../contoh")
                    .join(f),
            )
            .expect("the bundled example reads")
        })
        .collect();
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

    pub async fn berhenti(self) {
        self.tugas.abort();
        let _ = self.tugas.await;
        self.toko.tutup().await;
    }
}

/// chromedriver as a child process on a free port; killed on drop.
pub struct Driver {
    anak: Child,
    port: u16,
}

impl Driver {
    /// `None` (with a message) when Chromium or chromedriver is not installed, except under
    /// `KINERJA_CI=1`.
    pub fn mulai() -> Option<Driver> {
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
    pub async fn sesi(&self, profil: &Path) -> Client {
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
pub struct Profil(pub PathBuf);

impl Profil {
    pub fn baru() -> Profil {
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

/// What every browser scenario does with its page: open an address, wait for an element, read
/// text, click and wait for the next document, log in. `nama` names the run in messages.
pub trait Peramban {
    fn klien(&self) -> &Client;
    fn dasar(&self) -> &str;
    fn nama(&self) -> &str;

    async fn buka(&self, jalur: &str) {
        self.klien()
            .goto(&format!("{}{jalur}", self.dasar()))
            .await
            .unwrap_or_else(|e| panic!("{}: GET {jalur}: {e}", self.nama()));
    }

    async fn jalur(&self) -> String {
        self.klien().current_url().await.unwrap().path().to_string()
    }

    async fn tunggu(&self, l: Locator<'_>) -> Element {
        self.klien()
            .wait()
            .at_most(Duration::from_secs(10))
            .for_element(l)
            .await
            .unwrap_or_else(|e| panic!("{}: waiting for {l:?}: {e}", self.nama()))
    }

    /// The visible text of the first element matching `css`.
    async fn teks(&self, css: &str) -> String {
        self.tunggu(Locator::Css(css))
            .await
            .text()
            .await
            .unwrap()
            .trim()
            .to_string()
    }

    /// Marks the current document, runs `aksi` (a click or script that navigates), and waits
    /// for a new document: no check can read the page that was left.
    async fn pindah<F: std::future::Future<Output = ()>>(&self, aksi: F) {
        self.klien()
            .execute("document.documentElement.dataset.lama = '1';", vec![])
            .await
            .unwrap();
        aksi.await;
        self.tunggu(Locator::Css("html:not([data-lama])")).await;
    }

    async fn klik(&self, css: &str) {
        let el = self
            .klien()
            .find(Locator::Css(css))
            .await
            .unwrap_or_else(|_| panic!("{}: nothing to click at {css}", self.nama()));
        self.pindah(async { el.click().await.unwrap() }).await;
    }

    async fn hitung(&self, css: &str) -> usize {
        self.klien()
            .find_all(Locator::Css(css))
            .await
            .unwrap()
            .len()
    }

    /// The form field whose id is `nama` (ids hold dots: `r.I-S2-2.tw1`).
    async fn medan(&self, nama: &str) -> Element {
        self.tunggu(Locator::Css(&format!("[id='{nama}']"))).await
    }

    /// Fills and sends the login form on the current page.
    async fn isi_masuk(&self, nama: &str, sandi: &str) {
        let n = self.tunggu(Locator::Id("nama_pengguna")).await;
        n.clear().await.unwrap();
        n.send_keys(nama).await.unwrap();
        let s = self.klien().find(Locator::Id("kata_sandi")).await.unwrap();
        s.clear().await.unwrap();
        s.send_keys(sandi).await.unwrap();
        self.klik("form.masuk-kartu button[type=submit]").await;
    }

    async fn masuk(&self, (nama, sandi): (&str, &str)) {
        self.buka("/masuk").await;
        self.isi_masuk(nama, sandi).await;
        let akun = self.teks(".akun-nama").await;
        assert_eq!(akun, nama, "{}: logged in as {nama}", self.nama());
    }

    /// Clicks "Keluar" in the header.
    async fn keluar_sesi(&self) {
        self.klik("form.akun-keluar button").await;
        self.tunggu(Locator::Css(".akun a.tombol-kepala")).await;
    }

    /// Replaces the text of the field `nama` with `teks`, as typed.
    async fn ketik(&self, nama: &str, teks: &str) {
        let m = self.medan(nama).await;
        m.clear().await.unwrap();
        m.send_keys(teks).await.unwrap();
    }

    /// Opens the folded form `jangkar` of an editor by clicking its summary (no navigation).
    async fn buka_lipatan(&self, jangkar: &str) {
        self.tunggu(Locator::Css(&format!(
            "details:has(> form[id='{jangkar}']) > summary"
        )))
        .await
        .click()
        .await
        .unwrap();
    }

    async fn harap_sukses(&self, teks: &str) {
        let p = self.teks(".pesan-sukses").await;
        assert!(
            p.contains(teks),
            "{}: expected {teks:?}, got {p:?}",
            self.nama()
        );
    }

    /// The error page with status `kode` whose message contains `teks`.
    async fn harap_galat(&self, kode: u16, teks: &str) {
        assert_eq!(
            self.teks(".galat-kode").await,
            kode.to_string(),
            "{}: the error page {kode} at {}",
            self.nama(),
            self.jalur().await
        );
        let isi = self.teks(".galat-wadah").await;
        assert!(isi.contains(teks), "{}: {isi:?}", self.nama());
    }

    /// A forged request: a POST form with the page's CSRF token and the fields `isian`, sent
    /// to `alamat` (as `multipart/form-data` when `multipart`), the next document awaited.
    async fn kirim_palsu(&self, alamat: &str, isian: &[(&str, &str)], multipart: bool) {
        let isian: serde_json::Map<String, serde_json::Value> = isian
            .iter()
            .map(|(k, v)| (k.to_string(), json!(v)))
            .collect();
        self.pindah(async {
            self.klien()
                .execute(
                    "const f = document.createElement('form');
                     f.method = 'post'; f.action = arguments[0];
                     if (arguments[2]) f.enctype = 'multipart/form-data';
                     const isi = Object.assign(
                       {csrf: document.querySelector('input[name=csrf]').value}, arguments[1]);
                     for (const [k, v] of Object.entries(isi)) {
                       const c = document.createElement('input');
                       c.type = 'hidden'; c.name = k; c.value = v; f.appendChild(c);
                     }
                     document.body.appendChild(f); f.submit();",
                    vec![json!(alamat), json!(isian), json!(multipart)],
                )
                .await
                .unwrap();
        })
        .await;
    }

    /// The row of the table in the section labelled `bagian` whose row header contains
    /// `uraian`: the text of each cell (a cell's emphasised figure where it has one).
    async fn baris_tabel(&self, bagian: &str, uraian: &str) -> Vec<String> {
        let v = self
            .klien()
            .execute(
                "return Array.from(document.querySelectorAll(
                     'section[aria-labelledby=' + arguments[0] + '] table > tbody > tr'))
                   .filter(tr => { const h = tr.querySelector('th.uraian');
                                   return h && h.innerText.includes(arguments[1]); })
                   .map(tr => Array.from(tr.children).map(c => {
                       const k = c.querySelector('.angka-kuat');
                       return (k ? k.innerText : c.innerText).trim(); }));",
                vec![json!(bagian), json!(uraian)],
            )
            .await
            .unwrap();
        let mut baris: Vec<Vec<String>> = serde_json::from_value(v).unwrap();
        assert_eq!(
            baris.len(),
            1,
            "{}: one row for {uraian:?} in {bagian}: {baris:?}",
            self.nama()
        );
        baris.remove(0)
    }

    /// Downloads `href` with the browser's session: the status and the body.
    async fn unduh(&self, href: &str) -> (u16, Vec<u8>) {
        let res = self
            .klien()
            .raw_client_for(axum::http::Method::GET, &format!("{}{href}", self.dasar()))
            .await
            .unwrap_or_else(|e| panic!("{}: GET {href}: {e}", self.nama()));
        let status = res.status().as_u16();
        let isi = http_body_util::BodyExt::collect(res.into_body())
            .await
            .unwrap()
            .to_bytes();
        (status, isi.to_vec())
    }

    /// The realisasi column (4th: no, indikator, target, realisasi, capaian) of the dashboard.
    async fn realisasi_indikator(&self, uraian: &str) -> String {
        self.baris_tabel("h-indikator", uraian).await[3].clone()
    }

    /// The capaian column (5th) of the dashboard's indicator table.
    async fn capaian_indikator(&self, uraian: &str) -> String {
        self.baris_tabel("h-indikator", uraian).await[4].clone()
    }

    /// The capaian column (4th: no, sasaran, terukur, capaian) of the dashboard.
    async fn capaian_sasaran(&self, uraian: &str) -> String {
        self.baris_tabel("h-sasaran", uraian).await[3].clone()
    }
}

/// The text of a PDF as `pdftotext -layout` reads it.
pub fn teks_pdf(pdf: &[u8]) -> String {
    use std::sync::atomic::{AtomicUsize, Ordering};
    static N: AtomicUsize = AtomicUsize::new(0);
    let berkas = std::env::temp_dir().join(format!(
        "kinerja-e2e-{}-{}.pdf",
        std::process::id(),
        N.fetch_add(1, Ordering::SeqCst)
    ));
    std::fs::write(&berkas, pdf).unwrap();
    let o = Command::new("pdftotext")
        .args(["-layout", berkas.to_str().unwrap(), "-"])
        .output()
        .expect("pdftotext (poppler-utils)");
    let _ = std::fs::remove_file(&berkas);
    String::from_utf8_lossy(&o.stdout).into_owned()
}
