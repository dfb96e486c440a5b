//! Two real `kinerja serve` processes on one PostgreSQL database (issue 14, item 6):
//! `cargo bench -p kinerja --bench dua_server`.
//!
//! The built `kinerja` binary is started twice on two free ports against one fresh PostgreSQL
//! database (the server of `KINERJA_UJI_PG`, as the tests). Mumbulsari's operator gets an API
//! token; every round saves a new realisasi (I-S1-1, 2021, tahunan: a year the example does not
//! publish, so it is not locked) through one server and at once reads the year's measurement
//! through the other, alternating which server saves. A read that does not show the value just
//! saved is a stale read: the run fails on the first one. Printed: the rounds, the latency of
//! the save and of the read on the other server (median, 95th percentile, maximum) and the
//! stale reads (0). Without a PostgreSQL server it prints a SKIP line and succeeds, except
//! under `KINERJA_CI=1` (where `kinerja_simpan::uji` fails).
//!
//! Knob: `KINERJA_DUA_SERVER_PUTARAN` (rounds, 200).

use kinerja_simpan::uji::semua_basis;

mod bersama;
use bersama::{KINERJA, gagal, jalankan, kinerja, port_bebas};
use std::io::{Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::process::{Child, Stdio};
use std::time::{Duration, Instant};

const PELAPOR: &str = "mumbulsari";
const INDIKATOR: &str = "I-S1-1";
const TAHUN: u16 = 2021;

/// Mumbulsari's operator and an API token for it.
fn token(url: &str) -> Result<String, String> {
    jalankan(
        &[
            "pengguna",
            "tambah",
            "--db",
            url,
            "--nama",
            "operator-dua",
            "--peran",
            "operator",
            "--instansi",
            PELAPOR,
        ],
        "sandi-dua-server-panjang\n",
    )?;
    Ok(jalankan(
        &["pengguna", "token", "--db", url, "--nama", "operator-dua"],
        "",
    )?
    .trim()
    .to_string())
}

/// A server process, stopped when dropped.
struct Server {
    alamat: SocketAddr,
    proses: Child,
}

impl Drop for Server {
    fn drop(&mut self) {
        let _ = self.proses.kill();
        let _ = self.proses.wait();
    }
}

/// Starts `kinerja serve` on a free port and waits until it accepts connections (it loads the
/// example into an empty database before it listens).
fn mulai(url: &str) -> Result<Server, String> {
    let alamat = port_bebas();
    let a = alamat.to_string();
    let proses = kinerja(&["serve", "--db", url, "--alamat", &a])
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .map_err(|e| format!("{KINERJA} serve tidak dapat dijalankan: {e}"))?;
    let mut s = Server { alamat, proses };
    let batas = Instant::now() + Duration::from_secs(120);
    while Instant::now() < batas {
        if let Ok(Some(st)) = s.proses.try_wait() {
            return Err(format!("kinerja serve berhenti sendiri: {st}"));
        }
        if TcpStream::connect(alamat).is_ok() {
            return Ok(s);
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    Err("kinerja serve tidak siap dalam 120 detik".into())
}

/// One request on a fresh connection: the status and the body.
fn minta(
    alamat: SocketAddr,
    metode: &str,
    jalur: &str,
    token: &str,
    isi: &str,
) -> Result<(u16, String), String> {
    let galat = |e: std::io::Error| format!("{metode} {alamat}{jalur}: {e}");
    let mut s = TcpStream::connect_timeout(&alamat, Duration::from_secs(5)).map_err(galat)?;
    s.set_read_timeout(Some(Duration::from_secs(60)))
        .map_err(galat)?;
    let req = format!(
        "{metode} {jalur} HTTP/1.1\r\nHost: {alamat}\r\nConnection: close\r\n\
         Authorization: Bearer {token}\r\nContent-Type: application/json\r\n\
         Content-Length: {}\r\n\r\n{isi}",
        isi.len()
    );
    s.write_all(req.as_bytes()).map_err(galat)?;
    let mut b = Vec::new();
    s.read_to_end(&mut b).map_err(galat)?;
    let teks = String::from_utf8_lossy(&b).into_owned();
    let status = teks
        .split_whitespace()
        .nth(1)
        .and_then(|s| s.parse().ok())
        .unwrap_or(0);
    let badan = teks
        .split_once("\r\n\r\n")
        .map(|(_, b)| b.to_string())
        .unwrap_or_default();
    Ok((status, badan))
}

/// The rounds: save through one server, read through the other at once, alternating. The
/// latencies of the saves and of the reads, or what went wrong (a stale read above all).
fn jalankan_putaran(
    satu: &Server,
    dua: &Server,
    token: &str,
    putaran: usize,
) -> Result<(Vec<Duration>, Vec<Duration>), String> {
    let simpan = format!("/api/v1/instansi/{PELAPOR}/realisasi");
    let baca = format!("/api/v1/instansi/{PELAPOR}/tahun/{TAHUN}/pengukuran");
    let mut lama_simpan = Vec::with_capacity(putaran);
    let mut lama_baca = Vec::with_capacity(putaran);
    for i in 0..putaran {
        let (tulis, lihat) = if i % 2 == 0 { (satu, dua) } else { (dua, satu) };
        // Values never repeat, so every save changes the row and a stale read cannot match.
        let x = 7_300_000 + i;
        let isi = format!(
            r#"{{"realisasi":[{{"indikator":"{INDIKATOR}","tahun":{TAHUN},"periode":"tahunan","nilai":"{x}"}}]}}"#
        );
        // The reading server does not show the value before the save: the check below can
        // tell a fresh read from a stale one.
        let (_, sebelum) = minta(lihat.alamat, "GET", &baca, token, "")?;
        if sebelum.contains(&x.to_string()) {
            return Err(format!(
                "putaran {}: {x} sudah terbaca sebelum disimpan",
                i + 1
            ));
        }
        let m = Instant::now();
        let (s, badan) = minta(tulis.alamat, "PUT", &simpan, token, &isi)?;
        lama_simpan.push(m.elapsed());
        if s != 200 {
            return Err(format!("putaran {}: simpan dijawab {s}: {badan}", i + 1));
        }
        let m = Instant::now();
        let (s, badan) = minta(lihat.alamat, "GET", &baca, token, "")?;
        lama_baca.push(m.elapsed());
        if s != 200 {
            return Err(format!("putaran {}: baca dijawab {s}: {badan}", i + 1));
        }
        if !badan.contains(&x.to_string()) {
            return Err(format!(
                "putaran {}: bacaan basi: server lain belum menunjukkan {x} yang baru disimpan",
                i + 1
            ));
        }
    }
    Ok((lama_simpan, lama_baca))
}

/// Milliseconds the Indonesian way (`14.093,7`), as the tool prints numbers.
fn ms(d: Duration) -> String {
    let mikro = rust_decimal::Decimal::from(d.as_micros().min(u128::from(u64::MAX)) as u64);
    kinerja_core::angka::format_angka(mikro / rust_decimal::Decimal::from(1000), 1)
}

fn ringkas(nama: &str, v: &mut [Duration]) -> String {
    v.sort();
    let p = |q: usize| v[(v.len() * q / 100).min(v.len() - 1)];
    format!(
        "{nama}: median {} ms, p95 {} ms, maks {} ms",
        ms(p(50)),
        ms(p(95)),
        ms(v[v.len() - 1])
    )
}

fn main() {
    let putaran: usize = std::env::var("KINERJA_DUA_SERVER_PUTARAN")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(200)
        .max(1);
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("runtime");
    let Some(b) = rt
        .block_on(semua_basis())
        .into_iter()
        .find(|b| b.nama == "postgres")
    else {
        println!("SKIP dua_server: tidak ada server PostgreSQL (lihat KINERJA_UJI_PG)");
        return;
    };
    let url = b.url.clone();
    let t0 = Instant::now();
    // The first server loads the example into the empty database before it listens; the
    // second starts on the loaded one. Servers stop when dropped, also on a failure.
    let hasil = mulai(&url).and_then(|satu| {
        let dua = mulai(&url)?;
        let siap = t0.elapsed();
        let t = Instant::now();
        let r = token(&url).and_then(|tk| jalankan_putaran(&satu, &dua, &tk, putaran))?;
        Ok((siap, t.elapsed(), r))
    });
    let (siap, total, (mut lama_simpan, mut lama_baca)) = hasil.unwrap_or_else(|e| gagal(e));
    println!(
        "dua_server: 2 proses kinerja serve, satu PostgreSQL; siap dalam {} ms",
        ms(siap)
    );
    println!(
        "  {putaran} putaran simpan lewat satu server, baca lewat server lain: 0 bacaan basi; {} ms",
        ms(total)
    );
    println!("  {}", ringkas("simpan (PUT)", &mut lama_simpan));
    println!("  {}", ringkas("baca di server lain (GET)", &mut lama_baca));
    rt.block_on(b.selesai());
}
