//! A load test of the running web server: `cargo bench -p kinerja-web`.
//!
//! For each backend (SQLite, then PostgreSQL on the server of `KINERJA_UJI_PG`, default
//! `postgres://postgres@127.0.0.1:5432/postgres`, in a throwaway database; unreachable, it is
//! skipped with a SKIP line):
//! - a fresh database with the Mumbulsari example (`halaman::isi_contoh`: its 2020 report is
//!   approved, so published) and the 40-instansi synthetic kabupaten (`kinerja_sintetis`)
//!   imported beside it, so that the instansi list and the tables are of a realistic size;
//! - an operator account of `mumbulsari` with a session made directly in the store (no argon2);
//! - the server in this process on 127.0.0.1:0, on a multi-thread tokio runtime;
//! - load from a second process, `wrk` (Debian package `wrk`), loopback only, bounded in time:
//!   1. the dashboard `/instansi/mumbulsari/tahun/2020` with the operator's cookie, and once
//!      anonymously (published data);
//!   2. a realisasi save (`POST .../realisasi`, form with the CSRF token), a Lua script giving
//!      every request a new Tw1 value so that each one really writes (an unchanged value is a
//!      no-op); a response counts as good only if it is `303` to `...?disimpan=1`;
//!   3. the JSON API `/api/v1/instansi/mumbulsari/tahun/2020/pengukuran` with the cookie;
//!   4. the dashboard over one connection (latency without queueing).
//!
//!   Every run counts the responses that are not the expected status (a load test that only
//!   measures errors is worthless); the save run also checks that the audit trail grew by the
//!   number of saves;
//! - then, in-process and sequentially, the parts of a dashboard request timed one by one
//!   (session lookup, `status_periode`, `muat`, `daftar_pelapor`; the rest, mostly rendering,
//!   is the whole request minus these), to explain the figures.
//!
//! Knobs: `KINERJA_BENCH_DETIK` (seconds per wrk run, 10), `KINERJA_BENCH_KONEKSI` (32),
//! `KINERJA_BENCH_INSTANSI` (synthetic instansi, 40), `KINERJA_BENCH_ULANG` (repetitions of each
//! timed part, 200). The machine's cores are shared by the server and wrk: figures are an
//! order of magnitude, not a precise measure.

use axum::body::Body;
use http_body_util::BodyExt;
use kinerja_core::id::InstansiId;
use kinerja_core::model::DataInstansi;
use kinerja_core::waktu::Tahun;
use kinerja_simpan::akun::Akun;
use kinerja_simpan::{ModeImpor, Pelaku, Toko};
use kinerja_web::{akun, halaman};
use std::io::{Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::{Duration, Instant};
use tower::ServiceExt;

const INSTANSI: &str = "mumbulsari";
const TAHUN: u16 = 2020;
const OPERATOR: &str = "operator-mumbulsari";

fn env(nama: &str, bawaan: usize) -> usize {
    std::env::var(nama)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(bawaan)
}

fn ada_wrk() -> bool {
    Command::new("wrk")
        .arg("--version")
        .output()
        .is_ok_and(|o| String::from_utf8_lossy(&o.stdout).contains("wrk"))
}

/// What the load runs need of one prepared database.
struct Siap {
    toko: Toko,
    negara: kinerja_web::Negara,
    token: String,
    csrf: String,
    /// A `r.<indikator>.tw1` field the operator may save.
    medan: Option<String>,
}

async fn siapkan(url: &str, contoh: &DataInstansi, kab: &[DataInstansi]) -> Siap {
    let t = Instant::now();
    let toko = Toko::buka(url).await.expect("open the database");
    let negara = kinerja_web::negara(toko.clone());
    assert!(
        halaman::isi_contoh(&negara, contoh)
            .await
            .expect("the example"),
        "a fresh database"
    );
    let p = Pelaku {
        pengguna: "bench".into(),
        sumber: "bench".into(),
        hak: kinerja_simpan::Hak::Semua,
    };
    for d in kab {
        toko.impor(d, None, ModeImpor::Gabung, &p)
            .await
            .expect("import the synthetic kabupaten");
    }
    toko.tambah_akun(
        &Akun {
            nama: OPERATOR.into(),
            hash: "tidak-dipakai".into(),
            peran: "operator".into(),
            instansi: Some(InstansiId::new(INSTANSI).unwrap()),
        },
        &p,
    )
    .await
    .expect("the operator account");
    let token = akun::token_acak();
    let csrf = akun::token_acak();
    toko.buat_sesi(
        &akun::digest(&token),
        OPERATOR,
        &csrf,
        time::OffsetDateTime::now_utc() + time::Duration::hours(2),
    )
    .await
    .expect("the session");
    println!(
        "  disiapkan dalam {:.1?}: contoh Mumbulsari + {} instansi sintetis, {} pelapor",
        t.elapsed(),
        kab.len(),
        toko.daftar_pelapor().await.map(|v| v.len()).unwrap_or(0)
    );
    Siap {
        toko,
        negara,
        token,
        csrf,
        medan: None,
    }
}

/// One request over a fresh connection, for the checks before the load: (status, Location,
/// body length).
fn minta(
    alamat: SocketAddr,
    metode: &str,
    jalur: &str,
    cookie: &str,
    isi: &str,
) -> (u16, String, usize) {
    let mut s = TcpStream::connect(alamat).expect("connect to the server");
    s.set_read_timeout(Some(Duration::from_secs(30))).ok();
    let mut req = format!("{metode} {jalur} HTTP/1.1\r\nHost: {alamat}\r\nConnection: close\r\n");
    if !cookie.is_empty() {
        req.push_str(&format!("Cookie: {cookie}\r\n"));
    }
    if metode == "POST" {
        req.push_str(&format!(
            "Content-Type: application/x-www-form-urlencoded\r\nContent-Length: {}\r\n",
            isi.len()
        ));
    }
    req.push_str("\r\n");
    req.push_str(isi);
    s.write_all(req.as_bytes()).expect("send");
    let mut b = Vec::new();
    s.read_to_end(&mut b).expect("read");
    let teks = String::from_utf8_lossy(&b);
    let (kepala, badan) = teks.split_once("\r\n\r\n").unwrap_or((&teks, ""));
    let status = kepala
        .split_whitespace()
        .nth(1)
        .and_then(|x| x.parse().ok())
        .unwrap_or(0);
    let lokasi = kepala
        .lines()
        .find_map(|l| {
            let (k, v) = l.split_once(':')?;
            k.eq_ignore_ascii_case("location")
                .then(|| v.trim().to_string())
        })
        .unwrap_or_default();
    (status, lokasi, badan.len())
}

/// The indicators with a 2020 realisasi in the example, tried until one Tw1 save through the
/// form succeeds (303 to `?disimpan=1`).
fn cari_medan(alamat: SocketAddr, s: &Siap, contoh: &DataInstansi) -> Option<String> {
    let mut calon: Vec<String> = contoh
        .realisasi
        .iter()
        .filter(|r| r.tahun.get() == TAHUN)
        .map(|r| r.indikator.to_string())
        .collect();
    calon.dedup();
    let jalur = format!("/instansi/{INSTANSI}/tahun/{TAHUN}/realisasi");
    let cookie = format!("{}={}", akun::COOKIE_SESI, s.token);
    for ind in calon {
        let medan = format!("r.{ind}.tw1");
        let isi = format!("csrf={}&{medan}=77%2C7", s.csrf);
        let (st, lokasi, _) = minta(alamat, "POST", &jalur, &cookie, &isi);
        if st == 303 && lokasi.ends_with("disimpan=1") {
            return Some(medan);
        }
        println!("  (medan {medan}: {st} {lokasi}; coba indikator berikutnya)");
    }
    None
}

/// wrk's summary of one run.
#[derive(Debug, Default, Clone)]
struct Lari {
    judul: String,
    per_detik: f64,
    permintaan: u64,
    p50: Option<Duration>,
    p99: Option<Duration>,
    /// Responses that were not the expected status (our Lua check).
    salah: u64,
    contoh_salah: String,
    /// wrk's "Non-2xx or 3xx responses".
    non_2xx_3xx: u64,
    /// Connect, read, write and timeout errors.
    galat_soket: u64,
    kb_per_respons: f64,
}

impl Lari {
    /// Unexpected responses (ours or wrk's count, whichever is larger) and socket errors.
    fn galat(&self) -> u64 {
        self.salah.max(self.non_2xx_3xx) + self.galat_soket
    }
}

fn durasi(s: &str) -> Option<Duration> {
    let (angka, kali) = if let Some(x) = s.strip_suffix("us") {
        (x, 1e-6)
    } else if let Some(x) = s.strip_suffix("ms") {
        (x, 1e-3)
    } else if let Some(x) = s.strip_suffix('s') {
        (x, 1.0)
    } else if let Some(x) = s.strip_suffix('m') {
        (x, 60.0)
    } else if let Some(x) = s.strip_suffix('h') {
        (x, 3600.0)
    } else {
        return None;
    };
    Some(Duration::from_secs_f64(angka.parse::<f64>().ok()? * kali))
}

fn ukuran_byte(s: &str) -> Option<f64> {
    let i = s.find(|c: char| c.is_ascii_alphabetic())?;
    let (angka, satuan) = s.split_at(i);
    let k = match satuan {
        "B" => 1.0,
        "KB" => 1024.0,
        "MB" => 1024.0 * 1024.0,
        "GB" => 1024.0 * 1024.0 * 1024.0,
        _ => return None,
    };
    Some(angka.parse::<f64>().ok()? * k)
}

fn urai_wrk(judul: &str, keluaran: &str) -> Lari {
    let mut l = Lari {
        judul: judul.into(),
        ..Default::default()
    };
    let mut dibaca = 0.0;
    for baris in keluaran.lines() {
        let b = baris.trim();
        let kata: Vec<&str> = b.split_whitespace().collect();
        if let Some(x) = b.strip_prefix("Requests/sec:") {
            l.per_detik = x.trim().parse().unwrap_or(0.0);
        } else if let ["50%", v] = kata[..] {
            l.p50 = durasi(v);
        } else if let ["99%", v] = kata[..] {
            l.p99 = durasi(v);
        } else if b.contains(" requests in ") {
            l.permintaan = kata[0].parse().unwrap_or(0);
            // "123456 requests in 10.00s, 1.23GB read"
            dibaca = kata
                .get(kata.len().saturating_sub(2))
                .and_then(|x| ukuran_byte(x))
                .unwrap_or(0.0);
        } else if let Some(x) = b.strip_prefix("Non-2xx or 3xx responses:") {
            l.non_2xx_3xx = x.trim().parse().unwrap_or(0);
        } else if let Some(x) = b.strip_prefix("Socket errors:") {
            l.galat_soket = x
                .split(',')
                .filter_map(|p| p.split_whitespace().last()?.parse::<u64>().ok())
                .sum();
        } else if let Some(x) = b.strip_prefix("BEBAN salah=") {
            let (n, c) = x.split_once(" contoh=").unwrap_or((x, ""));
            l.salah = n.trim().parse().unwrap_or(0);
            l.contoh_salah = c.trim().to_string();
        }
    }
    if l.permintaan > 0 {
        l.kb_per_respons = dibaca / l.permintaan as f64 / 1024.0;
    }
    l
}

/// The wrk script: the cookie, the expected status, for a save a new value per request, and
/// a count of unexpected responses printed by `done` (`BEBAN salah=N contoh=...`).
fn skrip(cookie: &str, harap: u16, simpan: Option<(&str, &str)>) -> String {
    let mut s = format!(
        r#"-- generated by crates/kinerja-web/benches/beban.rs
local cookie = "{cookie}"
if cookie ~= "" then wrk.headers["Cookie"] = cookie end
harap = {harap}
salah = 0
contoh = ""
nomor = 0
n = 0
local semua = {{}}
local berikut = 1
function setup(thread)
  thread:set("nomor", berikut)
  berikut = berikut + 1
  table.insert(semua, thread)
end
function done(summary, latency, requests)
  local s, c = 0, ""
  for _, t in ipairs(semua) do
    s = s + t:get("salah")
    if c == "" then c = t:get("contoh") end
  end
  io.write(string.format("BEBAN salah=%d contoh=%s\n", s, c))
end
"#
    );
    match simpan {
        None => s.push_str(
            r#"function response(status, headers, body)
  if status ~= harap then
    salah = salah + 1
    if contoh == "" then contoh = tostring(status) end
  end
end
"#,
        ),
        Some((csrf, medan)) => s.push_str(&format!(
            r#"wrk.method = "POST"
wrk.headers["Content-Type"] = "application/x-www-form-urlencoded"
-- A value no other request sends: an unchanged value would be a no-op.
function request()
  n = n + 1
  local isi = "csrf={csrf}&{medan}=" .. tostring(n * 64 + nomor) .. "%2C5"
  return wrk.format("POST", nil, nil, isi)
end
function response(status, headers, body)
  local lokasi = headers["location"] or headers["Location"] or ""
  if status ~= harap or not string.find(lokasi, "disimpan=1", 1, true) then
    salah = salah + 1
    if contoh == "" then contoh = tostring(status) .. " " .. lokasi end
  end
end
"#
        )),
    }
    s
}

struct Beban {
    detik: usize,
    koneksi: usize,
    dir: PathBuf,
}

impl Beban {
    #[allow(clippy::too_many_arguments)]
    fn jalankan(
        &self,
        judul: &str,
        alamat: SocketAddr,
        jalur: &str,
        skrip_lua: &str,
        utas: usize,
        koneksi: usize,
        detik: usize,
    ) -> Lari {
        let berkas = self.dir.join(format!(
            "{}.lua",
            judul.replace(|c: char| !c.is_ascii_alphanumeric(), "_")
        ));
        std::fs::write(&berkas, skrip_lua).expect("write the wrk script");
        let url = format!("http://{alamat}{jalur}");
        let o = Command::new("wrk")
            .args([
                &format!("-t{utas}"),
                &format!("-c{koneksi}"),
                &format!("-d{detik}s"),
                "--timeout",
                "10s",
                "--latency",
                "-s",
            ])
            .arg(&berkas)
            .arg(&url)
            .output()
            .expect("run wrk");
        let keluaran = String::from_utf8_lossy(&o.stdout).into_owned();
        if std::env::var("KINERJA_BENCH_MENTAH").is_ok() {
            println!("{keluaran}");
        }
        let l = urai_wrk(judul, &keluaran);
        if !o.status.success() || l.permintaan == 0 {
            println!(
                "  PERINGATAN {judul}: wrk gagal ({}):\n{keluaran}{}",
                o.status,
                String::from_utf8_lossy(&o.stderr)
            );
        }
        println!(
            "  {judul:<28} {:>8.0} req/s  p50 {:>8}  p99 {:>8}  {:>7} permintaan  {:.1} KiB/respons  salah {}{}",
            l.per_detik,
            ms(l.p50),
            ms(l.p99),
            l.permintaan,
            l.kb_per_respons,
            l.galat(),
            if l.contoh_salah.is_empty() {
                String::new()
            } else {
                format!(" (mis. {})", l.contoh_salah)
            }
        );
        l
    }
}

fn ms(d: Option<Duration>) -> String {
    d.map(|d| format!("{:.2} ms", d.as_secs_f64() * 1e3))
        .unwrap_or_else(|| "-".into())
}

async fn jumlah_jejak_realisasi(toko: &Toko) -> usize {
    toko.jejak(
        &InstansiId::new(INSTANSI).unwrap(),
        Some("realisasi"),
        None,
        10_000_000,
    )
    .await
    .map(|v| v.len())
    .unwrap_or(0)
}

/// The parts of a dashboard request, each timed alone, in-process and sequentially.
struct Bagian {
    judul: &'static str,
    kali: Vec<Duration>,
}

fn med(v: &[Duration]) -> Duration {
    let mut v = v.to_vec();
    v.sort();
    v[v.len() / 2]
}

fn p99(v: &[Duration]) -> Duration {
    let mut v = v.to_vec();
    v.sort();
    v[((v.len() as f64 - 1.0) * 0.99).round() as usize]
}

async fn ukur_bagian(s: &Siap, ulang: usize) -> Vec<Bagian> {
    let id = InstansiId::new(INSTANSI).unwrap();
    let tahun = Tahun::new(TAHUN.into()).unwrap();
    let digest = akun::digest(&s.token);
    let data = s.toko.muat(&id).await.expect("muat");
    let rekaman = kinerja_simpan::rekaman::pecah(&data);
    let app = kinerja_web::aplikasi(s.negara.clone());
    let jalur = format!("/instansi/{INSTANSI}/tahun/{TAHUN}");
    let jalur_api = format!("/api/v1/instansi/{INSTANSI}/tahun/{TAHUN}/pengukuran");
    let cookie = format!("{}={}", akun::COOKIE_SESI, s.token);
    let mut hasil: Vec<Bagian> = Vec::new();
    let mut catat =
        |judul: &'static str, d: Duration| match hasil.iter_mut().find(|b| b.judul == judul) {
            Some(b) => b.kali.push(d),
            None => hasil.push(Bagian {
                judul,
                kali: vec![d],
            }),
        };
    for _ in 0..ulang {
        let t = Instant::now();
        let r = app
            .clone()
            .oneshot(
                axum::http::Request::get(&jalur)
                    .header("cookie", &cookie)
                    .body(Body::empty())
                    .unwrap(),
            )
            .await
            .unwrap();
        assert_eq!(r.status(), 200);
        std::hint::black_box(r.into_body().collect().await.unwrap().to_bytes());
        catat("dasbor utuh (tanpa HTTP)", t.elapsed());

        let t = Instant::now();
        std::hint::black_box(s.toko.sesi(&digest).await.unwrap());
        catat("  sesi (cookie -> akun)", t.elapsed());
        let t = Instant::now();
        std::hint::black_box(s.toko.status_periode(&id, tahun).await.unwrap());
        catat("  status_periode", t.elapsed());
        let t = Instant::now();
        std::hint::black_box(s.toko.muat(&id).await.unwrap());
        catat("  muat", t.elapsed());
        let t = Instant::now();
        std::hint::black_box(kinerja_simpan::rekaman::rakit(rekaman.clone()).unwrap());
        catat("    dari itu ~rakit (JSON)", t.elapsed());
        let t = Instant::now();
        std::hint::black_box(s.toko.daftar_pelapor().await.unwrap());
        catat("  daftar_pelapor", t.elapsed());
        let t = Instant::now();
        let r = app
            .clone()
            .oneshot(
                axum::http::Request::get(&jalur_api)
                    .header("cookie", &cookie)
                    .body(Body::empty())
                    .unwrap(),
            )
            .await
            .unwrap();
        assert_eq!(r.status(), 200);
        std::hint::black_box(r.into_body().collect().await.unwrap().to_bytes());
        catat("API pengukuran utuh", t.elapsed());
        let t = Instant::now();
        std::hint::black_box(kinerja_json::teks(&kinerja_json::capaian(&data, tahun)).unwrap());
        catat("  capaian + JSON", t.elapsed());
    }
    // What is left of the whole request: routing, the role check, the page context and the
    // rendering (`kinerja_tampilan::dasbor`: Tabel 3.1, charts, HTML). Not timed alone, so that
    // this file follows the renderer's signature without edits.
    let sisa: Vec<Duration> = (0..ulang)
        .map(|i| {
            let bagian: Duration = hasil[1..=5]
                .iter()
                .filter(|b| !b.judul.starts_with("    "))
                .map(|b| b.kali[i])
                .sum();
            hasil[0].kali[i].saturating_sub(bagian)
        })
        .collect();
    hasil.insert(
        6,
        Bagian {
            judul: "  sisa: render + rute (utuh - bagian)",
            kali: sisa,
        },
    );
    hasil
}

fn cetak_bagian(b: &[Bagian]) {
    println!(
        "  rincian satu permintaan dasbor (dalam proses, berurutan, tanpa beban): {:<4} median     p99",
        ""
    );
    for x in b {
        println!(
            "    {:<34} {:>8.3} ms {:>8.3} ms",
            x.judul,
            med(&x.kali).as_secs_f64() * 1e3,
            p99(&x.kali).as_secs_f64() * 1e3
        );
    }
}

fn tabel(hasil: &[(&'static str, Vec<Lari>)]) {
    println!();
    println!(
        "{:<10} {:<28} | {:>9} | {:>9} | {:>9} | {:>8} | {:>7}",
        "backend", "beban", "req/s", "p50 ms", "p99 ms", "permintn", "galat"
    );
    println!("{}", "-".repeat(98));
    for (nama, v) in hasil {
        for l in v {
            let f = |d: Option<Duration>| {
                d.map(|d| format!("{:.2}", d.as_secs_f64() * 1e3))
                    .unwrap_or_else(|| "-".into())
            };
            println!(
                "{:<10} {:<28} | {:>9.0} | {:>9} | {:>9} | {:>8} | {:>7}",
                nama,
                l.judul,
                l.per_detik,
                f(l.p50),
                f(l.p99),
                l.permintaan,
                l.galat()
            );
        }
    }
    println!(
        "(galat: responses other than the expected 200/303-to-?disimpan=1, plus socket errors \
         and timeouts; the server and wrk share this machine's {} cores, so figures are noisy)",
        std::thread::available_parallelism()
            .map(|n| n.get())
            .unwrap_or(0)
    );
}

fn main() {
    if !ada_wrk() {
        println!(
            "SKIP: wrk tidak terpasang. Pasang dengan `sudo apt-get install wrk` (Debian/Ubuntu), \
             lalu jalankan lagi `cargo bench -p kinerja-web`."
        );
        return;
    }
    let detik = env("KINERJA_BENCH_DETIK", 10).max(1);
    let koneksi = env("KINERJA_BENCH_KONEKSI", 32).max(1);
    let n_instansi = env("KINERJA_BENCH_INSTANSI", 40);
    let ulang = env("KINERJA_BENCH_ULANG", 200).max(1);
    let rt = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .expect("tokio runtime");
    let contoh = kinerja_berkas::baca(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("../../contoh/mumbulsari"),
    )
    .expect("contoh/mumbulsari");
    let kab = kinerja_sintetis::kabupaten(n_instansi);
    let dir = std::env::temp_dir().join(format!("kinerja-beban-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("a temporary directory");
    let beban = Beban {
        detik,
        koneksi,
        dir: dir.clone(),
    };
    println!(
        "beban: wrk -t2 -c{koneksi} -d{detik}s --latency per run; server: tokio multi-thread ({} worker), {} core",
        std::thread::available_parallelism()
            .map(|n| n.get())
            .unwrap_or(0),
        std::thread::available_parallelism()
            .map(|n| n.get())
            .unwrap_or(0),
    );
    let basis = rt.block_on(kinerja_simpan::uji::semua_basis());
    if !basis.iter().any(|b| b.nama == "postgres") {
        println!(
            "SKIP postgres: server {} tidak dapat dihubungi (atur KINERJA_UJI_PG)",
            kinerja_simpan::uji::url_pg_uji()
        );
    }
    let mut hasil: Vec<(&'static str, Vec<Lari>)> = Vec::new();
    for b in basis {
        println!("{}:", b.nama);
        let mut s = rt.block_on(siapkan(&b.url, &contoh, &kab));
        let pendengar = rt
            .block_on(tokio::net::TcpListener::bind("127.0.0.1:0"))
            .expect("bind 127.0.0.1:0");
        let alamat = pendengar.local_addr().expect("local address");
        let app = kinerja_web::aplikasi(s.negara.clone())
            .into_make_service_with_connect_info::<SocketAddr>();
        let server = rt.spawn(async move { axum::serve(pendengar, app).await });

        let dasbor = format!("/instansi/{INSTANSI}/tahun/{TAHUN}");
        let api = format!("/api/v1/instansi/{INSTANSI}/tahun/{TAHUN}/pengukuran");
        let simpan = format!("/instansi/{INSTANSI}/tahun/{TAHUN}/realisasi");
        let cookie = format!("{}={}", akun::COOKIE_SESI, s.token);
        // Before the load: every request answers as it should.
        for (j, c) in [
            (&dasbor, cookie.as_str()),
            (&dasbor, ""),
            (&api, cookie.as_str()),
        ] {
            let (st, _, n) = minta(alamat, "GET", j, c, "");
            println!(
                "  periksa GET {j} ({}): {st}, {n} byte",
                if c.is_empty() { "publik" } else { "operator" }
            );
            assert_eq!(st, 200, "GET {j}");
        }
        s.medan = cari_medan(alamat, &s, &contoh);
        let mut v = Vec::new();
        v.push(beban.jalankan(
            "dasbor (operator)",
            alamat,
            &dasbor,
            &skrip(&cookie, 200, None),
            2,
            beban.koneksi,
            beban.detik,
        ));
        v.push(beban.jalankan(
            "dasbor (publik)",
            alamat,
            &dasbor,
            &skrip("", 200, None),
            2,
            beban.koneksi,
            beban.detik,
        ));
        match &s.medan {
            Some(m) => {
                let sebelum = rt.block_on(jumlah_jejak_realisasi(&s.toko));
                let l = beban.jalankan(
                    &format!("simpan realisasi ({})", m.trim_start_matches("r.")),
                    alamat,
                    &simpan,
                    &skrip(&cookie, 303, Some((&s.csrf, m))),
                    2,
                    beban.koneksi,
                    beban.detik,
                );
                let sesudah = rt.block_on(jumlah_jejak_realisasi(&s.toko));
                println!(
                    "    jejak audit realisasi +{} baris untuk {} respons 303 (permintaan yang masih berjalan saat wrk berhenti juga menulis)",
                    sesudah - sebelum,
                    l.permintaan - l.salah
                );
                v.push(l);
            }
            None => println!(
                "  PERINGATAN: tidak ada medan realisasi yang dapat disimpan; beban simpan dilewati"
            ),
        }
        v.push(beban.jalankan(
            "API pengukuran (operator)",
            alamat,
            &api,
            &skrip(&cookie, 200, None),
            2,
            beban.koneksi,
            beban.detik,
        ));
        v.push(beban.jalankan(
            "dasbor, 1 koneksi",
            alamat,
            &dasbor,
            &skrip(&cookie, 200, None),
            1,
            1,
            beban.detik.div_ceil(2),
        ));
        server.abort();
        let bagian = rt.block_on(ukur_bagian(&s, ulang));
        cetak_bagian(&bagian);
        rt.block_on(s.toko.tutup());
        let nama = b.nama;
        rt.block_on(b.selesai());
        hasil.push((nama, v));
    }
    let _ = std::fs::remove_dir_all(&dir);
    tabel(&hasil);
}
