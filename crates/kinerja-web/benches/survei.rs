//! The hosted survey under a burst, on both backends: `cargo bench -p kinerja-web --bench survei`.
//!
//! The server runs in-process on a fresh database holding the example. 200 respondents
//! (`KINERJA_BENCH_RESPONDEN`) each open the form (GET `/survei/mumbulsari/ktp`, for its
//! token), then all of them send at the same moment, and each sends its form twice at once
//! (a double click): 400 POSTs released together by a barrier, each respondent from its own
//! address (`X-Forwarded-For` behind the loopback peer, as behind the HTTPS proxy), each with
//! its own answer set.
//!
//! It fails (exit status 1) unless: exactly one of each respondent's two sends is answered 200
//! and the other 409 ("already sent"); the database holds exactly one row per respondent with
//! exactly its answers (none lost, none counted twice); and the audit trail has exactly one
//! row per respondent. It prints the burst's wall time and the POST latencies.
//!
//! On a loaded machine the release build of this crate's dependencies takes long; the
//! correctness checks hold in any profile: `cargo bench -p kinerja-web --bench survei --profile dev`.

use kinerja_core::id::InstansiId;
use kinerja_simpan::{ModeImpor, Pelaku, Toko};
use std::collections::BTreeSet;
use std::io::{Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::path::Path;
use std::sync::{Arc, Barrier};
use std::time::{Duration, Instant};

const JALUR: &str = "/survei/mumbulsari/ktp";

fn env(nama: &str, bawaan: usize) -> usize {
    std::env::var(nama)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(bawaan)
}

/// One request over a fresh connection: (status, body).
fn minta(alamat: SocketAddr, metode: &str, dari: &str, isi: &str) -> (u16, String) {
    let mut s = TcpStream::connect(alamat).expect("connect to the server");
    s.set_read_timeout(Some(Duration::from_secs(60))).ok();
    let mut req = format!(
        "{metode} {JALUR} HTTP/1.1\r\nHost: {alamat}\r\nConnection: close\r\nX-Forwarded-For: {dari}\r\n"
    );
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
    let teks = String::from_utf8_lossy(&b).into_owned();
    let status = teks
        .split_whitespace()
        .nth(1)
        .and_then(|x| x.parse().ok())
        .unwrap_or(0);
    (status, teks)
}

fn token(html: &str) -> String {
    let tanda = r#"name="token" value=""#;
    let i = html.find(tanda).expect("the form's token") + tanda.len();
    html[i..i + html[i..].find('"').expect("closed")].to_string()
}

/// Respondent `i`'s answers: `i` in base 4 over the nine questions (distinct for i < 4^9),
/// and the answer set as the store's duplicate check writes it.
fn jawaban(i: usize) -> (Vec<String>, String) {
    let mut x = i;
    let mut j = Vec::new();
    for _ in 0..9 {
        j.push((x % 4 + 1).to_string());
        x /= 4;
    }
    let sidik = format!("{}|Perempuan|30-39|SMA|Swasta|ktp", j.join(","));
    (j, sidik)
}

fn badan(token: &str, j: &[String]) -> String {
    let mut f: Vec<(String, String)> = vec![("token".into(), token.into())];
    for (k, v) in j.iter().enumerate() {
        f.push((format!("u{}", k + 1), v.clone()));
    }
    for (k, v) in [
        ("jenis_kelamin", "Perempuan"),
        ("usia", "30-39"),
        ("pendidikan", "SMA"),
        ("pekerjaan", "Swasta"),
    ] {
        f.push((k.into(), v.into()));
    }
    form_urlencoded::Serializer::new(String::new())
        .extend_pairs(f)
        .finish()
}

fn persentil(v: &[Duration], p: f64) -> Duration {
    let mut v = v.to_vec();
    v.sort();
    v[((v.len() as f64 * p).ceil() as usize).clamp(1, v.len()) - 1]
}

fn main() {
    let n = env("KINERJA_BENCH_RESPONDEN", 200).clamp(1, 60_000);
    let rt = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .expect("tokio runtime");
    let contoh = kinerja_berkas::baca(
        &Path::new(env!("CARGO_MANIFEST_DIR")).join("../../contoh/mumbulsari"),
    )
    .expect("contoh/mumbulsari");
    let basis = rt.block_on(kinerja_simpan::uji::semua_basis());
    if !basis.iter().any(|b| b.nama == "postgres") {
        println!("LEWATI postgres: server tidak dapat dihubungi (atur KINERJA_UJI_PG)");
    }
    let mut gagal = false;
    for b in basis {
        let toko = rt.block_on(Toko::buka(&b.url)).expect("open the database");
        let p = Pelaku {
            pengguna: "bench".into(),
            sumber: "bench".into(),
            hak: kinerja_simpan::Hak::Semua,
        };
        rt.block_on(toko.impor(&contoh, None, ModeImpor::Gabung, &p))
            .expect("the example");
        let pendengar = rt
            .block_on(tokio::net::TcpListener::bind("127.0.0.1:0"))
            .expect("a port");
        let alamat = pendengar.local_addr().expect("its address");
        let app = kinerja_web::aplikasi(kinerja_web::negara(toko.clone()))
            .into_make_service_with_connect_info::<SocketAddr>();
        let server = rt.spawn(async move { axum::serve(pendengar, app).await });

        // Every respondent opens its form first (the token), from its own address.
        let dari = |i: usize| format!("10.{}.{}.{}", i / 65536 % 256, i / 256 % 256, i % 256);
        let token: Vec<String> = (0..n)
            .map(|i| {
                let (s, html) = minta(alamat, "GET", &dari(i), "");
                assert_eq!(s, 200, "GET {JALUR}: {html}");
                token(&html)
            })
            .collect();
        let pintu = Arc::new(Barrier::new(2 * n));
        let mulai = Instant::now();
        let hasil: Vec<(usize, u16, Duration)> = std::thread::scope(|sc| {
            let mut h = Vec::new();
            for (i, tok) in token.iter().enumerate() {
                for _ in 0..2 {
                    let pintu = pintu.clone();
                    let isi = badan(tok, &jawaban(i).0);
                    let dari = dari(i);
                    h.push(sc.spawn(move || {
                        pintu.wait();
                        let t = Instant::now();
                        let (s, _) = minta(alamat, "POST", &dari, &isi);
                        (i, s, t.elapsed())
                    }));
                }
            }
            h.into_iter().map(|x| x.join().expect("a client")).collect()
        });
        let lama = mulai.elapsed();

        let mut salah = Vec::new();
        for i in 0..n {
            let mut s: Vec<u16> = hasil.iter().filter(|x| x.0 == i).map(|x| x.1).collect();
            s.sort();
            if s != [200, 409] {
                salah.push(format!("responden {i}: {s:?}"));
            }
        }
        let m = InstansiId::new("mumbulsari").expect("id");
        let tahun = {
            let wib = time::UtcOffset::from_hms(7, 0, 0).expect("WIB");
            let th = time::OffsetDateTime::now_utc().to_offset(wib).year();
            kinerja_core::waktu::Tahun::new(i64::from(th)).expect("year")
        };
        let tersimpan = rt
            .block_on(toko.responden_skm(&m, tahun, Some("ktp")))
            .expect("read back");
        let didapat: Vec<String> = tersimpan.iter().map(|r| r.isian.sidik()).collect();
        let unik: BTreeSet<&String> = didapat.iter().collect();
        let harap: BTreeSet<String> = (0..n).map(|i| jawaban(i).1).collect();
        let jejak = rt
            .block_on(toko.jejak(&m, Some("responden_skm"), None, 1_000_000))
            .expect("audit trail")
            .len();
        if didapat.len() != n
            || unik.len() != n
            || unik.into_iter().cloned().collect::<BTreeSet<_>>() != harap
        {
            salah.push(format!(
                "{} rows stored ({} distinct answer sets) for {n} respondents",
                didapat.len(),
                didapat.iter().collect::<BTreeSet<_>>().len()
            ));
        }
        if jejak != n {
            salah.push(format!("{jejak} audit rows for {n} respondents"));
        }
        let latensi: Vec<Duration> = hasil.iter().map(|x| x.2).collect();
        println!(
            "{}: {n} responden x 2 kiriman serentak: {:.2?} total ({:.0} kiriman/s); \
             latensi p50 {:.1?}, p99 {:.1?}, maks {:.1?}; tersimpan {}, jejak {jejak}, \
             ditolak sebagai kiriman kedua {}",
            b.nama,
            lama,
            (2 * n) as f64 / lama.as_secs_f64(),
            persentil(&latensi, 0.5),
            persentil(&latensi, 0.99),
            persentil(&latensi, 1.0),
            didapat.len(),
            hasil.iter().filter(|x| x.1 == 409).count(),
        );
        for s in &salah {
            println!("GAGAL {}: {s}", b.nama);
        }
        gagal |= !salah.is_empty();
        server.abort();
        rt.block_on(toko.tutup());
        rt.block_on(b.selesai());
    }
    if gagal {
        std::process::exit(1);
    }
}
