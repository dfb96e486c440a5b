//! The synthetic nation (`kinerja_sintetis::nasional`: 38 provinces, 514 kabupaten/kota, 40
//! OPD each) loaded into PostgreSQL with COPY (`Toko::muat_massal`), then read as the product
//! reads it.
//!
//! Run: `cargo bench -p kinerja-simpan --bench nasional -- [--kabupaten N] [--diam]`
//! (default 28 kabupaten: provinces 1 and 2, 1.120 OPD; `--kabupaten 514` is the whole nation,
//! ~67 million rows and tens of GB). Into the database `kinerja_nasional_bench` on the server
//! of `KINERJA_UJI_PG` (default `postgres://postgres@127.0.0.1:5432/postgres`), dropped and made
//! anew, and kept afterwards for `benches/nasional_duckdb.py` (the same roll-up in DuckDB).
//!
//! Measures:
//! - load: kabupaten by kabupaten (one `muat_massal` of its 40 data sets: one transaction,
//!   each data set validated whole, one audit row per record), the next kabupaten generated
//!   while one is written; time, rows per second (every row COPY wrote, audit rows included),
//!   records per second; `pg_database_size`;
//! - the roll-up of every indicator that declares one (`Toko::rekap_indikator_wilayah`, the
//!   kabupaten page's code) for one province and for every loaded data set (the nation);
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

const BASIS: &str = "kinerja_nasional_bench";

fn argumen() -> (usize, bool) {
    let mut kabupaten = 28;
    let mut diam = false;
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
            "--diam" => diam = true,
            // `cargo bench` passes `--bench`.
            _ => {}
        }
    }
    (kabupaten, diam)
}

async fn basis_baru() -> String {
    use sqlx::Connection;
    let admin = kinerja_simpan::uji::url_pg_uji();
    let mut c = sqlx::PgConnection::connect(&admin)
        .await
        .unwrap_or_else(|e| panic!("PostgreSQL {admin}: {e}"));
    for sql in [
        format!("DROP DATABASE IF EXISTS {BASIS} WITH (FORCE)"),
        format!("CREATE DATABASE {BASIS}"),
    ] {
        sqlx::query(sqlx::AssertSqlSafe(sql))
            .execute(&mut c)
            .await
            .unwrap();
    }
    let (dasar, _) = admin.rsplit_once('/').expect("URL with a database name");
    format!("{dasar}/{BASIS}")
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

fn detik(d: Duration) -> String {
    format!("{:.2} s", d.as_secs_f64())
}

async fn jalan() {
    let (n_kab, diam) = argumen();
    let url = basis_baru().await;
    let toko = Toko::buka(&url).await.unwrap();
    let pelaku = Pelaku {
        pengguna: "bench".into(),
        sumber: "muat-massal".into(),
        hak: Hak::Semua,
    };
    let bar = batang(n_kab as u64, diam);
    let t0 = Instant::now();
    let mut rekaman = 0;
    let mut baris = 0;
    let mut tunggu_buat = Duration::ZERO;
    let mut berikut = Some(tokio::task::spawn_blocking(|| nasional::data_kabupaten(0)));
    for k in 0..n_kab {
        let t = Instant::now();
        let data = berikut.take().unwrap().await.unwrap();
        tunggu_buat += t.elapsed();
        if k + 1 < n_kab {
            berikut = Some(tokio::task::spawn_blocking(move || {
                nasional::data_kabupaten(k + 1)
            }));
        }
        let r = toko.muat_massal(data, &pelaku).await.unwrap();
        rekaman += r.rekaman;
        baris += r.baris;
        bar.inc(1);
    }
    bar.finish_and_clear();
    let muat = t0.elapsed();
    let ukuran: i64 = sqlx::query_scalar("SELECT pg_database_size(current_database())")
        .fetch_one(match toko.kolam() {
            kinerja_simpan::Kolam::Postgres(p) => p,
            _ => unreachable!(),
        })
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
        "muat (COPY): {} ; {baris} baris ({:.0} baris/s), {rekaman} rekaman ({:.0} rekaman/s); \
         menunggu pembuat data sintetis {}",
        detik(muat),
        baris as f64 / muat.as_secs_f64(),
        rekaman as f64 / muat.as_secs_f64(),
        detik(tunggu_buat)
    );
    println!(
        "ukuran basis data: {:.0} MiB (pg_database_size); seluruh negeri diperkirakan {:.1} GiB, \
         muat {:.0} s, {:.0} juta baris (x {skala:.2}, linear)",
        ukuran as f64 / 1048576.0,
        ukuran as f64 * skala / 1073741824.0,
        muat.as_secs_f64() * skala,
        baris as f64 * skala / 1e6
    );
    let th = Tahun::new(2021).unwrap();
    // Province 0 (loaded whole when n_kab >= its 14 kabupaten).
    let mut putaran = Vec::new();
    let mut prov = Vec::new();
    for _ in 0..3 {
        let t = Instant::now();
        prov = toko
            .rekap_indikator_wilayah(Some(&nasional::id_provinsi(0)), th)
            .await
            .unwrap();
        putaran.push(t.elapsed());
    }
    putaran.sort();
    let unit = prov.first().map_or(0, |b| b.rekap.jumlah_unit);
    println!(
        "rekap provinsi 1 ({unit} OPD, {} indikator): median {} dari 3",
        prov.len(),
        detik(putaran[1])
    );
    let mut putaran = Vec::new();
    let mut negeri = Vec::new();
    for _ in 0..3 {
        let t = Instant::now();
        negeri = toko.rekap_indikator_wilayah(None, th).await.unwrap();
        putaran.push(t.elapsed());
    }
    putaran.sort();
    println!(
        "rekap nasional atas {opd} OPD ({} indikator, tiap atas {} unit): median {} dari 3; \
         seluruh negeri diperkirakan {:.1} s",
        negeri.len(),
        negeri.first().map_or(0, |b| b.rekap.jumlah_unit),
        detik(putaran[1]),
        putaran[1].as_secs_f64() * skala
    );
    let folder = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../target/nasional");
    std::fs::create_dir_all(&folder).unwrap();
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
    println!("basis data {BASIS} disimpan untuk benches/nasional_duckdb.py");
}

fn main() {
    tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .unwrap()
        .block_on(jalan());
}
