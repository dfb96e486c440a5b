//! What the browser tests share: the server in-process on a fresh database with the example,
//! a second instansi and the scenarios' accounts; chromedriver and a fresh Chromium profile;
//! the folder screenshots go to.
#![allow(dead_code)]

use fantoccini::{Client, ClientBuilder};
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
