//! The synthetic nation (`kinerja_sintetis::nasional`: 38 provinces, 514 kabupaten/kota, 40
//! OPD each) loaded into PostgreSQL with COPY (`Toko::muat_massal`), then read as the product
//! reads it.
//!
//! Run: `cargo bench -p kinerja-simpan --bench nasional -- [--kabupaten N] [--basis NAME]
//! [--diam] [--hanya-rekap]` (`--hanya-rekap`: no load, the roll-ups and the reviu over the
//! database a run left)
//! (default 28 kabupaten: provinces 1 and 2, 1.120 OPD; `--kabupaten 514` is the whole nation,
//! ~67 million rows and tens of GB). Into the database `--basis` (default
//! `kinerja_nasional_bench`; two runs at once need two names) on the server of `KINERJA_UJI_PG`
//! (default `postgres://postgres@127.0.0.1:5432/postgres`), dropped and made anew, and kept
//! afterwards for `benches/nasional_duckdb.py` (the same roll-up in DuckDB), which reads the
//! name the last run wrote to `target/nasional/basis.txt`.
//!
//! Measures:
//! - load: kabupaten by kabupaten (one `muat_massal` of its 40 data sets, in its two steps
//!   `siapkan_massal` and `Toko::muat_siap`: one transaction, each data set validated whole,
//!   one audit row per record), the next kabupaten generated and prepared while one is written; time, rows per second (every row COPY wrote, audit rows included),
//!   records per second; `pg_database_size`;
//! - where the load's time goes: generating and preparing (validation, COPY encoding) on a
//!   thread beside the writer, each table's COPY and the commit;
//! - the roll-up of every indicator that declares one (`Toko::rekap_indikator_wilayah`, the
//!   kabupaten page's code) for one province and for every loaded data set (the nation), as
//!   ranges of 3 runs each:
//!   - "dari tabel": a new store and no stored summary (the stored ones deleted first): every
//!     unit's summary made from the typed tables, then stored (the first roll-up after a load
//!     or after every data set changed);
//!   - "dingin": a new store (a fresh process), the summaries stored in the database
//!     (`ringkas_rekap`) current: one small row read per unit;
//!   - "hangat": the same store again, the summaries kept in its memory;
//! - the reviu of one kabupaten: its 40 data sets read from the store, every rule, 5 years.
//!
//! A figure for the whole nation from a fraction is linear extrapolation (rows, size and the
//! roll-ups all grow with the number of OPD); the output says which figures are measured.
//! The national roll-up is written to `target/nasional/rekap-2021.csv` for the comparison.

use indicatif::{ProgressBar, ProgressStyle};
use kinerja_core::waktu::Tahun;
use kinerja_simpan::{Hak, Pelaku, Toko};
use kinerja_sintetis::nasional;
use std::io::Write;
use std::time::{Duration, Instant};

const BASIS_BAWAAN: &str = "kinerja_nasional_bench";

struct Argumen {
    kabupaten: usize,
    basis: String,
    diam: bool,
    hanya_rekap: bool,
}

fn argumen() -> Argumen {
    let mut kabupaten = 28;
    let mut basis = BASIS_BAWAAN.to_string();
    let mut diam = false;
    let mut hanya_rekap = false;
    let mut a = std::env::args().skip(1);
    while let Some(x) = a.next() {
        match x.as_str() {
            "--kabupaten" => {
                kabupaten = a
                    .next()
                    .and_then(|v| v.parse().ok())
                    .filter(|n| (1..=nasional::KABUPATEN).contains(n))
                    .expect("--kabupaten 1..514")
            }
            "--basis" => {
                basis = a
                    .next()
                    .filter(|n| {
                        !n.is_empty()
                            && n.len() <= 63
                            && n.bytes()
                                .all(|b| b.is_ascii_lowercase() || b.is_ascii_digit() || b == b'_')
                    })
                    .expect("--basis NAME (a-z, 0-9, _; at most 63)")
            }
            "--diam" => diam = true,
            "--hanya-rekap" => hanya_rekap = true,
            // `cargo bench` passes `--bench`.
            _ => {}
        }
    }
    Argumen {
        kabupaten,
        basis,
        diam,
        hanya_rekap,
    }
}

/// The bench's database on the test server.
fn url_basis(basis: &str) -> String {
    let admin = kinerja_simpan::uji::url_pg_uji();
    let (dasar, _) = admin.rsplit_once('/').expect("URL with a database name");
    format!("{dasar}/{basis}")
}

async fn basis_baru(basis: &str) -> String {
    use sqlx::Connection;
    let admin = kinerja_simpan::uji::url_pg_uji();
    let mut c = sqlx::PgConnection::connect(&admin)
        .await
        .unwrap_or_else(|e| panic!("PostgreSQL {admin}: {e}"));
    for sql in [
        format!("DROP DATABASE IF EXISTS {basis} WITH (FORCE)"),
        format!("CREATE DATABASE {basis}"),
    ] {
        sqlx::query(sqlx::AssertSqlSafe(sql))
            .execute(&mut c)
            .await
            .unwrap();
    }
    url_basis(basis)
}

fn batang(n: u64, diam: bool) -> ProgressBar {
    if diam {
        return ProgressBar::hidden();
    }
    // Drawn on standard error only when it is a terminal (indicatif's default).
    let b = ProgressBar::new(n);
    b.set_style(
        ProgressStyle::with_template(
            "{msg} [{bar:30}] {pos}/{len} kabupaten, {per_sec}, sisa {eta}",
        )
        .expect("a valid template")
        .progress_chars("=> "),
    );
    b.set_message("memuat");
    b
}

/// The machine's load average (1, 5, 15 minutes), printed beside the figures: other work on
/// the machine slows every figure.
fn beban() -> String {
    std::fs::read_to_string("/proc/loadavg")
        .map(|s| s.split_whitespace().take(3).collect::<Vec<_>>().join(" "))
        .unwrap_or_else(|_| "?".into())
}

fn detik(d: Duration) -> String {
    format!("{:.2} s", d.as_secs_f64())
}

fn pool(toko: &Toko) -> &sqlx::PgPool {
    match toko.kolam() {
        kinerja_simpan::Kolam::Postgres(p) => p,
        _ => unreachable!("the bench runs on PostgreSQL"),
    }
}

/// Loads `n_kab` kabupaten and prints where the time went and the database's size.
async fn muat(toko: &Toko, n_kab: usize, diam: bool) {
    let pelaku = Pelaku {
        pengguna: "bench".into(),
        sumber: "muat-massal".into(),
        hak: Hak::Semua,
    };
    let bar = batang(n_kab as u64, diam);
    let t0 = Instant::now();
    let mut rekaman = 0;
    let mut baris = 0;
    let mut tunggu = Duration::ZERO;
    let mut siapkan = Duration::ZERO;
    let mut buat = Duration::ZERO;
    let mut commit = Duration::ZERO;
    let mut salin: Vec<(String, u64, Duration)> = Vec::new();
    // Generating and preparing (validating, encoding) kabupaten k+1 runs on a blocking thread
    // while kabupaten k is written.
    let siap = |k: usize| {
        let pelaku = pelaku.clone();
        tokio::task::spawn_blocking(move || {
            let t = Instant::now();
            let data = nasional::data_kabupaten(k);
            let b = t.elapsed();
            (b, kinerja_simpan::siapkan_massal(&data, &pelaku).unwrap())
        })
    };
    let mut berikut = Some(siap(0));
    for k in 0..n_kab {
        let t = Instant::now();
        let (b, muatan) = berikut.take().unwrap().await.unwrap();
        tunggu += t.elapsed();
        buat += b;
        if k + 1 < n_kab {
            berikut = Some(siap(k + 1));
        }
        let r = toko.muat_siap(muatan).await.unwrap();
        rekaman += r.rekaman;
        baris += r.baris;
        siapkan += r.waktu_siapkan;
        commit += r.waktu_commit;
        for (tabel, n, w) in r.waktu_salin {
            match salin.iter_mut().find(|x| x.0 == tabel) {
                Some(x) => {
                    x.1 += n;
                    x.2 += w;
                }
                None => salin.push((tabel, n, w)),
            }
        }
        bar.inc(1);
    }
    bar.finish_and_clear();
    let muat = t0.elapsed();
    println!("beban mesin setelah muat: {}", beban());
    let ukuran: i64 = sqlx::query_scalar("SELECT pg_database_size(current_database())")
        .fetch_one(pool(toko))
        .await
        .unwrap();
    let opd = n_kab * nasional::OPD_PER_KABUPATEN;
    let skala = nasional::KABUPATEN as f64 / n_kab as f64;
    println!(
        "nasional: {n_kab} dari {} kabupaten ({opd} OPD, {:.1} % negeri)",
        nasional::KABUPATEN,
        100.0 / skala
    );
    println!(
        "muat (COPY): {} ; {baris} baris ({:.0} baris/s), {rekaman} rekaman ({:.0} rekaman/s)",
        detik(muat),
        baris as f64 / muat.as_secs_f64(),
        rekaman as f64 / muat.as_secs_f64(),
    );
    // Where the time went: the thread beside makes and prepares the next kabupaten; the
    // writer waits for it (`menunggu`), then COPYs and commits.
    let tulis: Duration = salin.iter().map(|x| x.2).sum::<Duration>() + commit;
    println!(
        "  di utas samping: buat data sintetis {}, siapkan (validasi + sandi COPY) {}; \
         penulis menunggu {}",
        detik(buat),
        detik(siapkan),
        detik(tunggu)
    );
    println!(
        "  PostgreSQL: COPY + commit {}; commit {}",
        detik(tulis),
        detik(commit)
    );
    for (tabel, n, w) in &salin {
        println!(
            "    COPY {tabel}: {n} baris, {} ({:.0} baris/s)",
            detik(*w),
            *n as f64 / w.as_secs_f64()
        );
    }
    println!(
        "ukuran basis data: {:.0} MiB (pg_database_size); seluruh negeri diperkirakan {:.1} GiB, \
         muat {:.0} s, {:.0} juta baris (x {skala:.2}, linear)",
        ukuran as f64 / 1048576.0,
        ukuran as f64 * skala / 1073741824.0,
        muat.as_secs_f64() * skala,
        baris as f64 * skala / 1e6
    );
}

async fn jalan() {
    let Argumen {
        kabupaten: n_kab,
        basis,
        diam,
        hanya_rekap,
    } = argumen();
    let url = match hanya_rekap {
        true => url_basis(&basis),
        false => basis_baru(&basis).await,
    };
    println!(
        "basis data: {basis}; beban mesin (load average) {}",
        beban()
    );
    let folder = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../target/nasional");
    std::fs::create_dir_all(&folder).unwrap();
    std::fs::write(folder.join("basis.txt"), &basis).unwrap();
    let toko = Toko::buka(&url).await.unwrap();
    let n_kab = match hanya_rekap {
        false => {
            muat(&toko, n_kab, diam).await;
            n_kab
        }
        true => {
            let n: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM versi_data")
                .fetch_one(pool(&toko))
                .await
                .unwrap();
            let n_kab = n as usize / nasional::OPD_PER_KABUPATEN;
            println!("nasional: {n_kab} kabupaten yang sudah dimuat (--hanya-rekap)");
            n_kab
        }
    };
    let opd = n_kab * nasional::OPD_PER_KABUPATEN;
    let skala = nasional::KABUPATEN as f64 / n_kab as f64;
    let th = Tahun::new(2021).unwrap();
    // Each roll-up three times "dari tabel" (a fresh store, no stored summary: every unit's
    // summary made from the tables, then stored), three times "dingin" (a fresh store: the
    // stored summaries read) and three times "hangat" (the same store again: the summaries
    // kept in memory with their data sets' versions, one query checks the versions).
    let rekap = |induk: Option<kinerja_core::id::InstansiId>| {
        let url = url.clone();
        async move {
            let mut dari_tabel = Vec::new();
            let mut hasil = Vec::new();
            for _ in 0..3 {
                let t = Toko::buka(&url).await.unwrap();
                sqlx::query("DELETE FROM ringkas_rekap")
                    .execute(pool(&t))
                    .await
                    .unwrap();
                let w = Instant::now();
                hasil = t.rekap_indikator_wilayah(induk.as_ref(), th).await.unwrap();
                dari_tabel.push(w.elapsed());
                t.tutup().await;
            }
            let mut dingin = Vec::new();
            for _ in 0..3 {
                let t = Toko::buka(&url).await.unwrap();
                let w = Instant::now();
                let h = t.rekap_indikator_wilayah(induk.as_ref(), th).await.unwrap();
                dingin.push(w.elapsed());
                assert_eq!(h, hasil, "the stored summaries give the same roll-up");
                t.tutup().await;
            }
            let t = Toko::buka(&url).await.unwrap();
            t.rekap_indikator_wilayah(induk.as_ref(), th).await.unwrap();
            let mut hangat = Vec::new();
            for _ in 0..3 {
                let w = Instant::now();
                let h = t.rekap_indikator_wilayah(induk.as_ref(), th).await.unwrap();
                hangat.push(w.elapsed());
                assert_eq!(h, hasil, "the kept summaries give the same roll-up");
            }
            t.tutup().await;
            dari_tabel.sort();
            dingin.sort();
            hangat.sort();
            (hasil, dari_tabel, dingin, hangat)
        }
    };
    let rentang = |v: &[Duration]| {
        format!(
            "{:.3}-{:.3} s (median {:.3})",
            v[0].as_secs_f64(),
            v[2].as_secs_f64(),
            v[1].as_secs_f64()
        )
    };
    let (prov, dari_tabel, dingin, hangat) = rekap(Some(nasional::id_provinsi(0))).await;
    let unit: usize = prov.iter().map(|b| b.rekap.jumlah_unit).sum();
    println!(
        "rekap provinsi 1 ({} indikator, {unit} indikator-unit): dari tabel {}; dingin {}; \
         hangat {}",
        prov.len(),
        rentang(&dari_tabel),
        rentang(&dingin),
        rentang(&hangat)
    );
    let (negeri, dari_tabel, dingin, hangat) = rekap(None).await;
    println!("beban mesin setelah rekap: {}", beban());
    let unit: usize = negeri.iter().map(|b| b.rekap.jumlah_unit).sum();
    println!(
        "rekap nasional atas {opd} OPD ({} indikator, {unit} indikator-unit): dari tabel {}; \
         dingin {}; hangat {}; seluruh negeri diperkirakan dari tabel {:.1} s, dingin {:.2} s, \
         hangat {:.2} s",
        negeri.len(),
        rentang(&dari_tabel),
        rentang(&dingin),
        rentang(&hangat),
        dari_tabel[1].as_secs_f64() * skala,
        dingin[1].as_secs_f64() * skala,
        hangat[1].as_secs_f64() * skala
    );
    let mut f =
        std::io::BufWriter::new(std::fs::File::create(folder.join("rekap-2021.csv")).unwrap());
    writeln!(f, "indikator,cara,nilai,melapor,jumlah_unit").unwrap();
    for b in &negeri {
        let nilai = b.rekap.nilai.map(|x| x.to_string()).unwrap_or_default();
        writeln!(
            f,
            "{},{:?},{nilai},{},{}",
            b.id, b.rekap.cara, b.rekap.melapor, b.rekap.jumlah_unit
        )
        .unwrap();
    }
    f.flush().unwrap();
    // The reviu of one kabupaten: read its 40 data sets, every rule, every year.
    let t = Instant::now();
    let mut data = Vec::new();
    for j in 0..nasional::OPD_PER_KABUPATEN {
        data.push(toko.muat(&nasional::id_opd(0, j)).await.unwrap());
    }
    let baca = t.elapsed();
    let t = Instant::now();
    let mut temuan = 0;
    for d in &data {
        for y in 0..kinerja_sintetis::JUMLAH_TAHUN {
            let th = Tahun::new((kinerja_sintetis::TAHUN_AWAL + y) as i64).unwrap();
            temuan += kinerja_reviu::periksa(d, th, &[]).len();
        }
    }
    println!(
        "reviu satu kabupaten (40 OPD x 5 tahun): baca {} + reviu {}; {temuan} temuan",
        detik(baca),
        detik(t.elapsed())
    );
    toko.tutup().await;
    println!("basis data {basis} disimpan untuk benches/nasional_duckdb.py");
}

fn main() {
    tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .unwrap()
        .block_on(jalan());
}
