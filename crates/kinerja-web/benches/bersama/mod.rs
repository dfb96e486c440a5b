//! What the web load benches share: a prepared database with the example and a synthetic
//! kabupaten, an operator's session, one-off requests, and wrk runs with their scripts and
//! summaries. Included by `beban.rs` and `campur.rs` with `#[path]`.

#![allow(dead_code)]

use kinerja_core::id::InstansiId;
use kinerja_core::model::DataInstansi;
use kinerja_simpan::akun::Akun;
use kinerja_simpan::{ModeImpor, Pelaku, Toko};
use kinerja_web::{akun, halaman};
use std::io::{Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::path::PathBuf;
use std::process::Command;
use std::time::{Duration, Instant};

pub const INSTANSI: &str = "mumbulsari";
pub const TAHUN: u16 = 2020;
pub const OPERATOR: &str = "operator-mumbulsari";

pub fn env(nama: &str, bawaan: usize) -> usize {
    std::env::var(nama)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(bawaan)
}

pub fn ada_wrk() -> bool {
    Command::new("wrk")
        .arg("--version")
        .output()
        .is_ok_and(|o| String::from_utf8_lossy(&o.stdout).contains("wrk"))
}

/// What the load runs need of one prepared database.
pub struct Siap {
    pub toko: Toko,
    pub negara: kinerja_web::Negara,
    pub token: String,
    pub csrf: String,
    /// A `r.<indikator>.tw1` field the operator may save.
    pub medan: Option<String>,
}

pub async fn siapkan(url: &str, contoh: &DataInstansi, kab: &[DataInstansi]) -> Siap {
    let t = Instant::now();
    let toko = Toko::buka(url).await.expect("open the database");
    let negara = kinerja_web::negara(toko.clone());
    assert!(
        halaman::isi_contoh(&negara, std::slice::from_ref(contoh))
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
pub fn minta(
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
pub fn cari_medan(alamat: SocketAddr, s: &Siap, contoh: &DataInstansi) -> Option<String> {
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
pub struct Lari {
    pub judul: String,
    pub per_detik: f64,
    pub permintaan: u64,
    pub p50: Option<Duration>,
    pub p99: Option<Duration>,
    /// Responses that were not the expected status (our Lua check).
    pub salah: u64,
    pub contoh_salah: String,
    /// wrk's "Non-2xx or 3xx responses".
    pub non_2xx_3xx: u64,
    /// Connect, read, write and timeout errors.
    pub galat_soket: u64,
    pub kb_per_respons: f64,
}

impl Lari {
    /// Unexpected responses (ours or wrk's count, whichever is larger) and socket errors.
    pub fn galat(&self) -> u64 {
        self.salah.max(self.non_2xx_3xx) + self.galat_soket
    }
}

pub fn durasi(s: &str) -> Option<Duration> {
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

pub fn ukuran_byte(s: &str) -> Option<f64> {
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

pub fn urai_wrk(judul: &str, keluaran: &str) -> Lari {
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
pub fn skrip(cookie: &str, harap: u16, simpan: Option<(&str, &str)>) -> String {
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

pub struct Beban {
    pub detik: usize,
    pub koneksi: usize,
    pub dir: PathBuf,
}

impl Beban {
    #[allow(clippy::too_many_arguments)]
    pub fn jalankan(
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

pub fn ms(d: Option<Duration>) -> String {
    d.map(|d| format!("{:.2} ms", d.as_secs_f64() * 1e3))
        .unwrap_or_else(|| "-".into())
}

pub async fn jumlah_jejak_realisasi(toko: &Toko) -> usize {
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
