//! Crash safety as a run anyone can repeat: `cargo bench -p kinerja --bench bunuh`.
//!
//! The release `kinerja` binary is killed with SIGKILL at a random moment, over and over, and
//! after every kill the database must hold one whole state, never a mixture:
//!
//! 1. **Imports.** Two versions of one synthetic instansi (`kinerja_sintetis::instansi(0)`):
//!    `A`, and `B` = `A` without the realisasi of its last year. `kinerja impor --ganti`
//!    switches the database between them (B removes about 120 rows, A adds them back). A
//!    killed import must leave exactly A or exactly B (compared as the exported TOML of the
//!    whole data set), and the audit trail must have grown by nothing or by the whole
//!    switch's rows, never by part of them.
//! 2. **Web saves.** `kinerja serve` on the same database, four clients saving realisasi of
//!    their own indicator through the JSON API (a Bearer token), each request a new value. A
//!    kill comes at a random moment; afterwards every save that was answered 200 is in the
//!    data (the stored value is the last answered one, or the one in flight when the server
//!    died) and in the audit trail, one row per save.
//!
//! SQLite additionally passes `PRAGMA integrity_check` after every kill. PostgreSQL runs on the
//! server of `KINERJA_UJI_PG` (as the tests); without one it is skipped with a message,
//! except under `KINERJA_CI=1`.
//!
//! Knobs: `KINERJA_BUNUH_SQLITE` (rounds of each kind on SQLite, 100), `KINERJA_BUNUH_PG`
//! (on PostgreSQL, 20). Exits non-zero on the first violation, naming the round.

use kinerja_core::id::InstansiId;
use kinerja_core::model::DataInstansi;
use kinerja_simpan::Toko;
use kinerja_simpan::uji::{Basis, semua_basis};

mod bersama;
use bersama::{gagal, jalankan, kinerja, port_bebas};
use std::io::{Read, Write};
use std::net::{SocketAddr, TcpStream};
use std::path::{Path, PathBuf};
use std::process::{Child, Stdio};
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

const PENGGUNA: &str = "operator-bunuh";
const TAHUN_SIMPAN: u16 = 2023;
const PENULIS: usize = 4;

fn env(nama: &str, bawaan: usize) -> usize {
    std::env::var(nama)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(bawaan)
}

/// xorshift64*: the kill moments only need to spread, not to be unpredictable.
struct Acak(u64);

impl Acak {
    fn dari_waktu() -> Self {
        let t = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .map(|d| d.as_nanos() as u64)
            .unwrap_or(1);
        Acak(t | 1)
    }
    fn berikut(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    /// A duration in [0, batas).
    fn durasi(&mut self, batas: Duration) -> Duration {
        let n = batas.as_micros().max(1) as u64;
        Duration::from_micros(self.berikut() % n)
    }
}

/// The two versions of the data set, each written to its own file.
struct Versi {
    pelapor: InstansiId,
    a: PathBuf,
    b: PathBuf,
    /// An indicator per writer, each with a realisasi row the writer changes.
    indikator: Vec<String>,
}

fn siapkan_versi(folder: &Path) -> Versi {
    let a = kinerja_sintetis::instansi(0);
    let akhir = a
        .realisasi
        .iter()
        .map(|r| r.tahun)
        .max()
        .expect("realisasi");
    let mut b = a.clone();
    b.realisasi.retain(|r| r.tahun != akhir);
    // The reporting instansi is the last one; the first is its parent kabupaten.
    let pelapor = a.instansi.last().expect("instansi").id.clone();
    let mut indikator: Vec<String> = a.indikator.iter().map(|i| i.id.to_string()).collect();
    indikator.truncate(PENULIS);
    let tulis = |d: &DataInstansi, nama: &str| {
        let p = folder.join(nama);
        kinerja_berkas::tulis(d, &p).expect("write the data file");
        p
    };
    Versi {
        pelapor,
        a: tulis(&a, "a.toml"),
        b: tulis(&b, "b.toml"),
        indikator,
    }
}

/// What a database holds, in a form that compares whole data sets.
struct Keadaan {
    data: String,
    jejak: usize,
}

fn baca_keadaan(rt: &tokio::runtime::Runtime, url: &str, pelapor: &InstansiId) -> Keadaan {
    rt.block_on(async {
        let t = Toko::buka(url)
            .await
            .unwrap_or_else(|e| gagal(format!("basis data tidak dapat dibuka: {e}")));
        let d = t
            .muat_bersama(pelapor)
            .await
            .unwrap_or_else(|e| gagal(format!("data tidak dapat dimuat: {e}")));
        let jejak = t
            .jejak(pelapor, None, None, i64::MAX)
            .await
            .unwrap_or_else(|e| gagal(format!("jejak tidak dapat dibaca: {e}")))
            .len();
        t.tutup().await;
        Keadaan {
            data: kinerja_berkas::ke_toml(&d).expect("TOML"),
            jejak,
        }
    })
}

fn periksa_integritas(rt: &tokio::runtime::Runtime, b: &Basis, putaran: &str) {
    if b.nama != "sqlite" {
        return;
    }
    rt.block_on(async {
        use sqlx::Connection;
        let mut c = sqlx::SqliteConnection::connect(&format!("sqlite://{}", b.url))
            .await
            .expect("open SQLite");
        let hasil: Vec<String> = sqlx::query_scalar("PRAGMA integrity_check")
            .fetch_all(&mut c)
            .await
            .expect("integrity_check");
        if hasil != ["ok"] {
            gagal(format!("{putaran}: integrity_check {hasil:?}"));
        }
        let _ = c.close().await;
    });
}

fn bunuh(c: &mut Child) {
    // SIGKILL: no handler, no flush, as a power cut to the process.
    let _ = c.kill();
    let _ = c.wait();
}

#[derive(Default, Debug)]
struct Hitung {
    lama: usize,
    baru: usize,
    simpan_dijawab: usize,
    simpan_terbang: usize,
}

/// Part 1: kill imports. The database starts in state A.
fn impor_dibunuh(
    rt: &tokio::runtime::Runtime,
    b: &Basis,
    v: &Versi,
    putaran: usize,
    acak: &mut Acak,
) -> Hitung {
    let impor = |berkas: &Path| {
        let p = berkas.to_string_lossy().into_owned();
        kinerja(&["impor", &p, "--db", &b.url, "--ganti", "--oleh", "bunuh"])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("spawn kinerja impor")
    };
    // Reference states and the audit rows of one whole switch each way, from complete runs.
    assert!(
        impor(&v.a).wait().expect("wait").success(),
        "the first import"
    );
    let jejak_awal = baca_keadaan(rt, &b.url, &v.pelapor).jejak;
    let mulai = Instant::now();
    let s = impor(&v.b).wait().expect("wait");
    let waktu_penuh = mulai.elapsed();
    assert!(s.success(), "a complete import A → B");
    let keadaan_b = baca_keadaan(rt, &b.url, &v.pelapor);
    assert!(impor(&v.a).wait().expect("wait").success(), "B → A");
    let keadaan_a = baca_keadaan(rt, &b.url, &v.pelapor);
    let jejak_ab = keadaan_b.jejak - jejak_awal;
    let jejak_ba = keadaan_a.jejak - keadaan_b.jejak;
    println!(
        "  [{}] impor penuh {:.0?}; A → B {jejak_ab} baris jejak, B → A {jejak_ba}",
        b.nama, waktu_penuh
    );
    assert!(jejak_ab > 0 && jejak_ba > 0, "each switch changes rows");

    let mut h = Hitung::default();
    let mut di_a = true;
    let mut jejak = baca_keadaan(rt, &b.url, &v.pelapor).jejak;
    // Kill moments spread over the whole run and a little past it.
    let rentang = waktu_penuh + waktu_penuh / 4;
    for i in 0..putaran {
        let label = format!("[{}] impor putaran {}", b.nama, i + 1);
        let (tujuan, sumber_data, delta) = if di_a {
            (&v.b, &keadaan_a, jejak_ab)
        } else {
            (&v.a, &keadaan_b, jejak_ba)
        };
        let mut c = impor(tujuan);
        std::thread::sleep(acak.durasi(rentang));
        bunuh(&mut c);
        periksa_integritas(rt, b, &label);
        let k = baca_keadaan(rt, &b.url, &v.pelapor);
        let sasaran = if di_a { &keadaan_b } else { &keadaan_a };
        if k.data == sumber_data.data {
            h.lama += 1;
            if k.jejak != jejak {
                gagal(format!(
                    "{label}: data lama, tetapi jejak berubah {jejak} → {}",
                    k.jejak
                ));
            }
        } else if k.data == sasaran.data {
            h.baru += 1;
            if k.jejak != jejak + delta {
                gagal(format!(
                    "{label}: data baru, tetapi jejak {jejak} → {} (harus + {delta})",
                    k.jejak
                ));
            }
            di_a = !di_a;
        } else {
            gagal(format!("{label}: data bukan A dan bukan B (campuran)"));
        }
        jejak = k.jejak;
    }
    // Leave the database in A for the web part.
    if !di_a {
        assert!(impor(&v.a).wait().expect("wait").success(), "back to A");
    }
    h
}

/// One request on a fresh connection: the status, or None when the server is gone.
fn minta(alamat: SocketAddr, metode: &str, jalur: &str, token: &str, isi: &str) -> Option<u16> {
    let mut s = TcpStream::connect_timeout(&alamat, Duration::from_secs(2)).ok()?;
    s.set_read_timeout(Some(Duration::from_secs(30))).ok()?;
    let req = format!(
        "{metode} {jalur} HTTP/1.1\r\nHost: {alamat}\r\nConnection: close\r\n\
         Authorization: Bearer {token}\r\nContent-Type: application/json\r\n\
         Content-Length: {}\r\n\r\n{isi}",
        isi.len()
    );
    s.write_all(req.as_bytes()).ok()?;
    let mut b = Vec::new();
    s.read_to_end(&mut b).ok()?;
    let teks = String::from_utf8_lossy(&b);
    teks.split_whitespace().nth(1)?.parse().ok()
}

fn tunggu_siap(alamat: SocketAddr, server: &mut Child) {
    let batas = Instant::now() + Duration::from_secs(30);
    while Instant::now() < batas {
        if let Ok(Some(s)) = server.try_wait() {
            gagal(format!("kinerja serve berhenti sendiri: {s}"));
        }
        if TcpStream::connect(alamat).is_ok() {
            return;
        }
        std::thread::sleep(Duration::from_millis(20));
    }
    gagal("kinerja serve tidak siap dalam 30 detik".into());
}

/// What one writer saw: the values answered 200 in order, and the one sent last without an
/// answer (it may or may not have been committed before the kill).
#[derive(Default)]
struct Catatan {
    dijawab: Vec<u64>,
    terbang: Option<u64>,
}

fn kunci_jejak(ind: &str) -> String {
    format!("{ind}|{TAHUN_SIMPAN}|tw1")
}

/// The stored tw1 realisasi of `ind` in the year of the saves.
fn nilai_tersimpan(data: &DataInstansi, ind: &str) -> Option<u64> {
    data.realisasi
        .iter()
        .find(|r| {
            r.indikator.as_str() == ind
                && r.tahun.get() == TAHUN_SIMPAN
                && r.periode == kinerja_core::waktu::Periode::Tw1
        })
        .and_then(|r| r.nilai.angka_setara())
        .and_then(|x| u64::try_from(x).ok())
}

/// Part 2: kill the server during saves.
fn simpan_dibunuh(
    rt: &tokio::runtime::Runtime,
    b: &Basis,
    v: &Versi,
    putaran: usize,
    acak: &mut Acak,
) -> Hitung {
    jalankan(
        &[
            "pengguna",
            "tambah",
            "--db",
            &b.url,
            "--nama",
            PENGGUNA,
            "--peran",
            "operator",
            "--instansi",
            v.pelapor.as_str(),
        ],
        "sandi-bunuh-panjang-sekali\n",
    )
    .unwrap_or_else(|e| gagal(e));
    let token = jalankan(
        &["pengguna", "token", "--db", &b.url, "--nama", PENGGUNA],
        "",
    )
    .unwrap_or_else(|e| gagal(e))
    .trim()
    .to_string();
    let jalur = format!("/api/v1/instansi/{}/realisasi", v.pelapor);
    let mut h = Hitung::default();
    let mut nomor: u64 = 0;
    for i in 0..putaran {
        let label = format!("[{}] simpan putaran {}", b.nama, i + 1);
        let alamat = port_bebas();
        let a = alamat.to_string();
        let mut server = kinerja(&["serve", "--db", &b.url, "--alamat", &a])
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .expect("spawn kinerja serve");
        tunggu_siap(alamat, &mut server);
        let sebelum = rt.block_on(jejak_per_kunci(&b.url, v));
        let henti = Arc::new(AtomicBool::new(false));
        let catatan: Vec<Arc<Mutex<Catatan>>> = (0..PENULIS).map(|_| Arc::default()).collect();
        let penulis: Vec<_> = v
            .indikator
            .iter()
            .zip(&catatan)
            .enumerate()
            .map(|(w, (ind, c))| {
                let (ind, c, henti, token, jalur) = (
                    ind.clone(),
                    c.clone(),
                    henti.clone(),
                    token.clone(),
                    jalur.clone(),
                );
                // Values never repeat across rounds, so every save really changes a row.
                let awal = nomor + (w as u64) * 1_000_000;
                std::thread::spawn(move || {
                    let mut x = awal;
                    while !henti.load(Ordering::Relaxed) {
                        x += 1;
                        c.lock().unwrap().terbang = Some(x);
                        let isi = format!(
                            r#"{{"realisasi":[{{"indikator":"{ind}","tahun":{TAHUN_SIMPAN},"periode":"tw1","nilai":"{x}"}}]}}"#
                        );
                        match minta(alamat, "PUT", &jalur, &token, &isi) {
                            Some(200) => {
                                let mut c = c.lock().unwrap();
                                c.dijawab.push(x);
                                c.terbang = None;
                            }
                            Some(s) => gagal(format!("simpan dijawab {s}, bukan 200")),
                            None => return,
                        }
                    }
                })
            })
            .collect();
        std::thread::sleep(Duration::from_millis(100) + acak.durasi(Duration::from_millis(1000)));
        bunuh(&mut server);
        henti.store(true, Ordering::Relaxed);
        for p in penulis {
            let _ = p.join();
        }
        nomor += 10_000_000;
        periksa_integritas(rt, b, &label);
        let data = rt.block_on(async {
            let t = Toko::buka(&b.url).await.expect("open");
            let d = t.muat_bersama(&v.pelapor).await.expect("load");
            t.tutup().await;
            d
        });
        let sesudah = rt.block_on(jejak_per_kunci(&b.url, v));
        for (w, ind) in v.indikator.iter().enumerate() {
            let c = catatan[w].lock().unwrap();
            let tersimpan = nilai_tersimpan(&data, ind);
            let bertambah = sesudah[w] - sebelum[w];
            h.simpan_dijawab += c.dijawab.len();
            let terakhir = c.dijawab.last().copied();
            let terbang = c.terbang;
            let cocok_terakhir = c.dijawab.is_empty() || tersimpan == terakhir;
            if terbang.is_some() && tersimpan == terbang {
                h.simpan_terbang += 1;
                if bertambah != c.dijawab.len() + 1 {
                    gagal(format!(
                        "{label}: {ind}: {} simpan dijawab + 1 yang terbang tersimpan, jejak + {bertambah}",
                        c.dijawab.len()
                    ));
                }
            } else if cocok_terakhir {
                if bertambah != c.dijawab.len() {
                    gagal(format!(
                        "{label}: {ind}: {} simpan dijawab, jejak + {bertambah}",
                        c.dijawab.len()
                    ));
                }
            } else {
                gagal(format!(
                    "{label}: {ind}: tersimpan {tersimpan:?}, terakhir dijawab {terakhir:?}, terbang {terbang:?}"
                ));
            }
        }
    }
    h
}

/// Audit rows of each writer's realisasi key.
async fn jejak_per_kunci(url: &str, v: &Versi) -> Vec<usize> {
    let t = Toko::buka(url).await.expect("open");
    let mut n = Vec::new();
    for ind in &v.indikator {
        let k = kunci_jejak(ind);
        n.push(
            t.jejak(&v.pelapor, Some("realisasi"), Some(&k), i64::MAX)
                .await
                .expect("jejak")
                .len(),
        );
    }
    t.tutup().await;
    n
}

fn main() {
    // `cargo bench` passes `--bench`; nothing here takes arguments.
    let rt = tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("runtime");
    let folder = std::env::temp_dir().join(format!("kinerja-bunuh-{}", std::process::id()));
    std::fs::create_dir_all(&folder).expect("temp folder");
    let v = siapkan_versi(&folder);
    let mut acak = Acak::dari_waktu();
    let basis = rt.block_on(semua_basis());
    if basis.len() < 2 {
        println!("LEWATI PostgreSQL: tidak ada server (lihat KINERJA_UJI_PG)");
    }
    for b in basis {
        let n = if b.nama == "sqlite" {
            env("KINERJA_BUNUH_SQLITE", 100)
        } else {
            env("KINERJA_BUNUH_PG", 20)
        };
        let t = Instant::now();
        let i = impor_dibunuh(&rt, &b, &v, n, &mut acak);
        let s = simpan_dibunuh(&rt, &b, &v, n, &mut acak);
        println!(
            "  [{}] {n} impor dibunuh: {} tetap lama, {} utuh baru; {n} server dibunuh: \
             {} simpan dijawab semuanya ada, {} simpan yang terbang ikut tersimpan; {:.0?}",
            b.nama,
            i.lama,
            i.baru,
            s.simpan_dijawab,
            s.simpan_terbang,
            t.elapsed()
        );
        rt.block_on(b.selesai());
    }
    let _ = std::fs::remove_dir_all(&folder);
    println!("bunuh: selesai, tidak ada pelanggaran");
}
