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

#[path = "bersama/mod.rs"]
mod bersama;

use axum::body::Body;
use bersama::*;
use http_body_util::BodyExt;
use kinerja_core::id::InstansiId;
use kinerja_core::waktu::Tahun;
use kinerja_web::akun;
use std::net::SocketAddr;
use std::path::Path;
use std::time::{Duration, Instant};
use tower::ServiceExt;

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
