//! 200 clients at once for 60 s, mixing reads, saves and report downloads, on both backends:
//! `cargo bench -p kinerja-web --bench campur`.
//!
//! The database and server are prepared as for `beban` (the example and a 40-instansi synthetic
//! kabupaten; an operator's session). Then several `wrk` processes run at the same time, each
//! with its own share of the connections and its own expected answer:
//!
//! | clients | request                                          | good answer            |
//! |---------|--------------------------------------------------|------------------------|
//! | 100     | the dashboard, as the operator                   | 200                    |
//! | 40      | the dashboard, anonymously (published year)      | 200                    |
//! | 20      | the API's measurement, as the operator           | 200                    |
//! | 30      | a realisasi save through the form, a new value   | 303 to `?disimpan=1`   |
//! | 10      | the report as PDF (when the route exists)        | 200                    |
//!
//! It fails (exit status 1) when any answer is not the good one, a socket errs or times out, or
//! the audit trail did not grow by at least one row per answered save (requests still running
//! when wrk stops may add a few more, at most one per save connection).
//!
//! Knobs: `KINERJA_BENCH_DETIK` (60), `KINERJA_BENCH_INSTANSI` (40). Needs `wrk` (Debian).

#[path = "bersama/mod.rs"]
mod bersama;

use bersama::*;
use kinerja_web::akun;
use std::net::SocketAddr;
use std::path::Path;

/// One group of clients.
struct Kelompok {
    judul: &'static str,
    koneksi: usize,
    jalur: String,
    skrip: String,
}

fn main() {
    if !ada_wrk() {
        println!("LEWATI: wrk tidak terpasang (`apt-get install wrk`)");
        if std::env::var("KINERJA_CI").is_ok_and(|v| v == "1") {
            std::process::exit(1);
        }
        return;
    }
    let detik = env("KINERJA_BENCH_DETIK", 60).max(1);
    let n_instansi = env("KINERJA_BENCH_INSTANSI", 40);
    let rt = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .expect("tokio runtime");
    let contoh = kinerja_berkas::baca(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("../../contoh/mumbulsari"),
    )
    .expect("contoh/mumbulsari");
    let kab = kinerja_sintetis::kabupaten(n_instansi);
    let dir = std::env::temp_dir().join(format!("kinerja-campur-{}", std::process::id()));
    std::fs::create_dir_all(&dir).expect("a temporary directory");
    let basis = rt.block_on(kinerja_simpan::uji::semua_basis());
    if !basis.iter().any(|b| b.nama == "postgres") {
        println!("LEWATI postgres: server tidak dapat dihubungi (atur KINERJA_UJI_PG)");
    }
    let mut gagal = false;
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
        let cookie = format!("{}={}", akun::COOKIE_SESI, s.token);
        let dasbor = format!("/instansi/{INSTANSI}/tahun/{TAHUN}");
        let mut kelompok = vec![
            Kelompok {
                judul: "dasbor (operator)",
                koneksi: 100,
                jalur: dasbor.clone(),
                skrip: skrip(&cookie, 200, None),
            },
            Kelompok {
                judul: "dasbor (publik)",
                koneksi: 40,
                jalur: dasbor.clone(),
                skrip: skrip("", 200, None),
            },
            Kelompok {
                judul: "API pengukuran",
                koneksi: 20,
                jalur: format!("/api/v1/instansi/{INSTANSI}/tahun/{TAHUN}/pengukuran"),
                skrip: skrip(&cookie, 200, None),
            },
        ];
        s.medan = cari_medan(alamat, &s, &contoh);
        match &s.medan {
            Some(m) => kelompok.push(Kelompok {
                judul: "simpan realisasi",
                koneksi: 30,
                jalur: format!("/instansi/{INSTANSI}/tahun/{TAHUN}/realisasi"),
                skrip: skrip(&cookie, 303, Some((&s.csrf, m))),
            }),
            None => {
                println!("  GAGAL: tidak ada medan realisasi yang dapat disimpan");
                gagal = true;
            }
        }
        // The example has open reviu errors: the final report is refused (409), the draft is not.
        let unduh = format!("/instansi/{INSTANSI}/tahun/{TAHUN}/laporan.pdf?draf=1");
        match minta(alamat, "GET", &unduh, &cookie, "") {
            (200, _, _) => kelompok.push(Kelompok {
                judul: "unduh laporan PDF",
                koneksi: 10,
                jalur: unduh,
                skrip: skrip(&cookie, 200, None),
            }),
            (st, _, _) => println!("  LEWATI unduhan laporan: GET {unduh} menjawab {st}"),
        }
        let klien: usize = kelompok.iter().map(|k| k.koneksi).sum();
        let beban = Beban {
            detik,
            koneksi: klien,
            dir: dir.clone(),
        };
        let sebelum = rt.block_on(jumlah_jejak_realisasi(&s.toko));
        println!("  {klien} klien bersamaan selama {detik} s");
        let lari: Vec<Lari> = std::thread::scope(|sc| {
            let h: Vec<_> = kelompok
                .iter()
                .map(|k| {
                    let beban = &beban;
                    sc.spawn(move || {
                        beban.jalankan(k.judul, alamat, &k.jalur, &k.skrip, 1, k.koneksi, detik)
                    })
                })
                .collect();
            h.into_iter().map(|h| h.join().expect("wrk run")).collect()
        });
        let sesudah = rt.block_on(jumlah_jejak_realisasi(&s.toko));
        let galat: u64 = lari.iter().map(Lari::galat).sum();
        let disimpan: u64 = lari
            .iter()
            .filter(|l| l.judul == "simpan realisasi")
            .map(|l| l.permintaan.saturating_sub(l.salah))
            .sum();
        let jejak = (sesudah - sebelum) as u64;
        let total: u64 = lari.iter().map(|l| l.permintaan).sum();
        println!(
            "  {total} permintaan, {galat} galat; {disimpan} simpan dijawab 303, jejak audit realisasi +{jejak}"
        );
        if galat > 0 {
            println!("  GAGAL: {galat} jawaban salah atau galat soket");
            gagal = true;
        }
        if jejak < disimpan || jejak > disimpan + 30 {
            println!(
                "  GAGAL: jejak +{jejak} tidak sesuai {disimpan} simpan (boleh + 30 yang sedang berjalan)"
            );
            gagal = true;
        }
        server.abort();
        rt.block_on(s.toko.tutup());
        rt.block_on(b.selesai());
    }
    let _ = std::fs::remove_dir_all(&dir);
    if gagal {
        std::process::exit(1);
    }
    println!("campur: 0 galat");
}
