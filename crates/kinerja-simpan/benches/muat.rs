//! The storage layer over a synthetic kabupaten: 40 instansi x 5 years (30 indicators each with
//! quarterly realisasi, 8 kegiatan with budget lines) into SQLite and PostgreSQL.
//!
//! Run: `cargo bench -p kinerja-simpan`. For each backend, on a fresh database per round:
//! - impor: all data sets, one `Toko::impor` each (validation, diff, one audit row per record);
//! - impor ulang: the same data again (nothing changes: the diff path);
//! - muat + ukur: `daftar_pelapor`, `muat` of every data set, then every capaian
//!   (`pengukuran::ukur`) and the budget summary (`anggaran::ringkas`) of every year;
//! - simpan_realisasi: one quarterly value saved, as an operator saves it (each save changes the
//!   value, so it is a real write with its audit row).
//!
//! PostgreSQL is the server of `KINERJA_UJI_PG` (default
//! `postgres://postgres@127.0.0.1:5432/postgres`), in a throwaway database; unreachable, it is
//! skipped with a SKIP line. Knobs: `KINERJA_BENCH_INSTANSI` (40), `KINERJA_BENCH_PUTARAN` (3),
//! `KINERJA_BENCH_SIMPAN` (repetitions of simpan_realisasi per round, 50).

use kinerja_core::anggaran;
use kinerja_core::id::InstansiId;
use kinerja_core::model::{DataInstansi, Realisasi};
use kinerja_core::nilai::Nilai;
use kinerja_core::pengukuran::{Indeks, ukur};
use kinerja_core::waktu::{Periode, Tahun};
use kinerja_simpan::{ModeImpor, Pelaku, Toko};
use rust_decimal::Decimal;
use std::hint::black_box;
use std::time::{Duration, Instant};

fn env(nama: &str, bawaan: usize) -> usize {
    std::env::var(nama)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(bawaan)
}

/// The figures of one round on one backend.
#[derive(Default)]
struct Putaran {
    impor: Duration,
    impor_ulang: Duration,
    muat_ukur: Duration,
    /// Of `muat_ukur`, the part spent in `muat` (the rest is computation).
    muat_saja: Duration,
    simpan: Vec<Duration>,
    /// SQLite: the file after the import (WAL checkpointed).
    berkas: Option<u64>,
}

struct Hasil {
    nama: &'static str,
    putaran: Vec<Putaran>,
}

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

fn minimum(v: &[Duration]) -> Duration {
    v.iter().copied().min().unwrap_or_default()
}

fn persentil(mut v: Vec<Duration>, p: f64) -> Duration {
    v.sort();
    let i = ((v.len() as f64 - 1.0) * p).round() as usize;
    v[i]
}

fn per_detik(n: usize, d: Duration) -> f64 {
    n as f64 / d.as_secs_f64()
}

fn mib(b: u64) -> f64 {
    b as f64 / (1024.0 * 1024.0)
}

struct Ukuran {
    rekaman: usize,
    target: usize,
    realisasi: usize,
    anggaran: usize,
    /// Rows of Tabel 3.1 over all instansi and years: the capaian computed.
    capaian: usize,
}

fn hitung_ukuran(kab: &[DataInstansi], tahun: &[Tahun]) -> Ukuran {
    Ukuran {
        rekaman: kab
            .iter()
            .map(|d| kinerja_simpan::rekaman::pecah(d).len())
            .sum(),
        target: kab.iter().map(|d| d.target.len()).sum(),
        realisasi: kab.iter().map(|d| d.realisasi.len()).sum(),
        anggaran: kab.iter().map(|d| d.anggaran.len()).sum(),
        capaian: kab.iter().map(|d| hitung(d, tahun)).sum(),
    }
}

/// Every capaian and the budget summary of every year; returns the number of capaian.
fn hitung(d: &DataInstansi, tahun: &[Tahun]) -> usize {
    let ix = Indeks::new(d);
    let mut n = 0;
    for &y in tahun {
        let t = black_box(ukur(&ix, y));
        n += t.baris.len();
        black_box(anggaran::ringkas(d, y));
    }
    n
}

/// The size of an SQLite file after folding the WAL into it.
async fn ukuran_berkas(toko: &Toko, url: &str) -> Option<u64> {
    if let kinerja_simpan::Kolam::Sqlite(p) = toko.kolam() {
        sqlx::query("PRAGMA wal_checkpoint(TRUNCATE)")
            .execute(p)
            .await
            .ok()?;
        let mut n = std::fs::metadata(url).ok()?.len();
        if let Ok(m) = std::fs::metadata(format!("{url}-wal")) {
            n += m.len();
        }
        return Some(n);
    }
    None
}

async fn satu_putaran(
    url: &str,
    kab: &[DataInstansi],
    tahun: &[Tahun],
    uk: &Ukuran,
    ulang_simpan: usize,
    cetak: &str,
) -> Putaran {
    let pelaku = Pelaku {
        pengguna: "bench".into(),
        sumber: "bench".into(),
        hak: kinerja_simpan::Hak::Semua,
    };
    let toko = Toko::buka(url).await.expect("open the database");
    let mut p = Putaran::default();

    // Import every data set into the empty database.
    let t = Instant::now();
    let mut pelapor: Vec<InstansiId> = Vec::with_capacity(kab.len());
    let mut ditambah = 0;
    for d in kab {
        let (id, r) = toko
            .impor(d, None, ModeImpor::Gabung, &pelaku)
            .await
            .expect("import");
        ditambah += r.ditambah;
        pelapor.push(id);
    }
    p.impor = t.elapsed();
    p.berkas = ukuran_berkas(&toko, url).await;

    // The same data again: every record compared, nothing written.
    let t = Instant::now();
    let mut tetap = 0;
    let mut berubah = 0;
    for d in kab {
        let (_, r) = toko
            .impor(d, None, ModeImpor::Gabung, &pelaku)
            .await
            .expect("re-import");
        tetap += r.tetap;
        berubah += r.ditambah + r.diubah + r.dihapus;
    }
    p.impor_ulang = t.elapsed();

    // Load every data set back and compute every capaian and budget summary. A fresh store
    // (another process): the data comes from the tables, not from the importer's memory.
    let dingin = Toko::buka(url).await.expect("open the database");
    let t = Instant::now();
    let daftar = dingin.daftar_pelapor().await.expect("daftar_pelapor");
    let mut dimuat = Vec::with_capacity(daftar.len());
    for id in &daftar {
        dimuat.push(dingin.muat(id).await.expect("muat"));
    }
    p.muat_saja = t.elapsed();
    let capaian: usize = dimuat.iter().map(|d| hitung(d, tahun)).sum();
    p.muat_ukur = t.elapsed();

    // One quarterly value saved, over and over; each save changes it.
    let d0 = &kab[0];
    let asal = d0
        .realisasi
        .iter()
        .rfind(|r| r.periode == Periode::Tw1)
        .expect("a quarterly realisasi")
        .clone();
    for i in 0..ulang_simpan {
        let r = Realisasi {
            nilai: Nilai::angka(Decimal::new(1000 + i as i64, 1)).expect("within the bounds"),
            ..asal.clone()
        };
        let t = Instant::now();
        let s = toko
            .simpan_realisasi(&pelapor[0], vec![r], &pelaku)
            .await
            .expect("simpan_realisasi");
        p.simpan.push(t.elapsed());
        assert_eq!(s.diubah, 1, "each save changes one record");
    }
    toko.tutup().await;

    // Checks outside the timings: the figures mean what they say.
    let sama = dimuat
        .iter()
        .filter(|d| kab.iter().any(|k| k == *d))
        .count();
    println!(
        "  {cetak}: impor {:.2} s ({ditambah} ditambah), impor ulang {:.2} s ({tetap} tetap, {berubah} berubah), \
         muat {:.2} s + ukur {:.2} s ({} data, {capaian} capaian, {sama} identik dengan sumbernya), \
         simpan_realisasi median {:.1} ms{}",
        p.impor.as_secs_f64(),
        p.impor_ulang.as_secs_f64(),
        p.muat_saja.as_secs_f64(),
        (p.muat_ukur - p.muat_saja).as_secs_f64(),
        dimuat.len(),
        median(p.simpan.clone()).as_secs_f64() * 1e3,
        p.berkas
            .map(|b| format!(", berkas {:.1} MiB", mib(b)))
            .unwrap_or_default()
    );
    if ditambah != uk.rekaman || tetap != uk.rekaman || berubah != 0 || capaian != uk.capaian {
        println!(
            "  PERINGATAN: diharapkan {} rekaman dan {} capaian",
            uk.rekaman, uk.capaian
        );
    }
    p
}

fn ringkas_hasil(h: &Hasil, uk: &Ukuran, n_pelapor: usize) {
    let ambil =
        |f: fn(&Putaran) -> Duration| -> Vec<Duration> { h.putaran.iter().map(f).collect() };
    let baris = |judul: &str, v: Vec<Duration>, n: usize, satuan: &str| {
        let med = median(v.clone());
        let min = minimum(&v);
        println!(
            "  {judul:<22} median {:>7.2} s  min {:>7.2} s   {:>9.0} {satuan}/s (median)  {:>9.0} {satuan}/s (terbaik)",
            med.as_secs_f64(),
            min.as_secs_f64(),
            per_detik(n, med),
            per_detik(n, min),
        );
    };
    println!("{} ({} putaran):", h.nama, h.putaran.len());
    baris("impor", ambil(|p| p.impor), uk.rekaman, "rekaman");
    baris(
        "impor ulang (tetap)",
        ambil(|p| p.impor_ulang),
        uk.rekaman,
        "rekaman",
    );
    // Import minus re-import: what writing costs (load, validation and diff are in both).
    let tulis = median(ambil(|p| p.impor)).saturating_sub(median(ambil(|p| p.impor_ulang)));
    println!(
        "  {:<22} ~{:.0} µs per rekaman baru (impor - impor ulang: satu baris + satu baris jejak)",
        "  tulis saja",
        tulis.as_secs_f64() * 1e6 / uk.rekaman as f64
    );
    baris("muat + ukur", ambil(|p| p.muat_ukur), uk.capaian, "capaian");
    baris("  muat saja", ambil(|p| p.muat_saja), uk.rekaman, "rekaman");
    let semua: Vec<Duration> = h.putaran.iter().flat_map(|p| p.simpan.clone()).collect();
    println!(
        "  {:<22} median {:>7.1} ms min {:>7.1} ms  p90 {:.1} ms  ({} kali, data set {} rekaman)",
        "simpan_realisasi",
        median(semua.clone()).as_secs_f64() * 1e3,
        minimum(&semua).as_secs_f64() * 1e3,
        persentil(semua.clone(), 0.9).as_secs_f64() * 1e3,
        semua.len(),
        uk.rekaman / n_pelapor.max(1),
    );
    if let Some(b) = h.putaran.iter().filter_map(|p| p.berkas).max() {
        println!(
            "  {:<22} {:.1} MiB ({:.0} byte per rekaman)",
            "berkas SQLite",
            mib(b),
            b as f64 / uk.rekaman as f64
        );
    }
}

fn tabel(hasil: &[Hasil], uk: &Ukuran) {
    println!();
    println!(
        "{:<10} | {:>9} {:>9} | {:>9} {:>9} | {:>9} {:>9} | {:>9} | {:>8}",
        "backend",
        "impor s",
        "rek/s",
        "ulang s",
        "rek/s",
        "muat+uk s",
        "capaian/s",
        "simpan ms",
        "MiB"
    );
    println!("{}", "-".repeat(108));
    for h in hasil {
        let m = |f: fn(&Putaran) -> Duration| median(h.putaran.iter().map(f).collect());
        let (i, u, mu) = (m(|p| p.impor), m(|p| p.impor_ulang), m(|p| p.muat_ukur));
        let s = median(h.putaran.iter().flat_map(|p| p.simpan.clone()).collect());
        let b = h
            .putaran
            .iter()
            .filter_map(|p| p.berkas)
            .max()
            .map(|b| format!("{:.1}", mib(b)))
            .unwrap_or_else(|| "-".into());
        println!(
            "{:<10} | {:>9.2} {:>9.0} | {:>9.2} {:>9.0} | {:>9.2} {:>9.0} | {:>9.1} | {:>8}",
            h.nama,
            i.as_secs_f64(),
            per_detik(uk.rekaman, i),
            u.as_secs_f64(),
            per_detik(uk.rekaman, u),
            mu.as_secs_f64(),
            per_detik(uk.capaian, mu),
            s.as_secs_f64() * 1e3,
            b
        );
    }
    println!("(median over rounds; simpan: median over all saves)");
}

async fn jalan() {
    let n = env("KINERJA_BENCH_INSTANSI", 40);
    let putaran = env("KINERJA_BENCH_PUTARAN", 3).max(1);
    let ulang_simpan = env("KINERJA_BENCH_SIMPAN", 50).max(1);
    let t0 = Instant::now();
    let kab = kinerja_sintetis::kabupaten(n);
    let tahun: Vec<Tahun> = (0..kinerja_sintetis::JUMLAH_TAHUN)
        .map(|y| Tahun::new((kinerja_sintetis::TAHUN_AWAL + y) as i64).unwrap())
        .collect();
    let uk = hitung_ukuran(&kab, &tahun);
    let kegiatan: usize = kab.iter().map(|d| d.kegiatan.len()).sum();
    println!(
        "kabupaten sintetis: {n} instansi x {} tahun, {kegiatan} kegiatan (dibuat dalam {:.1?})",
        tahun.len(),
        t0.elapsed()
    );
    println!(
        "  {} rekaman ({} per instansi); tabel bertipe: {} target, {} realisasi, {} pos anggaran; {} capaian (indikator x tahun)",
        uk.rekaman,
        uk.rekaman / n.max(1),
        uk.target,
        uk.realisasi,
        uk.anggaran,
        uk.capaian
    );

    let mut hasil: Vec<Hasil> = Vec::new();
    let mut lewati_pg = false;
    for r in 0..putaran {
        println!("putaran {}/{putaran}:", r + 1);
        let basis = kinerja_simpan::uji::semua_basis().await;
        if !basis.iter().any(|b| b.nama == "postgres") && !lewati_pg {
            lewati_pg = true;
            println!(
                "SKIP postgres: server {} tidak dapat dihubungi (atur KINERJA_UJI_PG)",
                kinerja_simpan::uji::url_pg_uji()
            );
        }
        for b in basis {
            let p = satu_putaran(&b.url, &kab, &tahun, &uk, ulang_simpan, b.nama).await;
            match hasil.iter_mut().find(|h| h.nama == b.nama) {
                Some(h) => h.putaran.push(p),
                None => hasil.push(Hasil {
                    nama: b.nama,
                    putaran: vec![p],
                }),
            }
            b.selesai().await;
        }
    }
    println!();
    for h in &hasil {
        ringkas_hasil(h, &uk, n);
    }
    tabel(&hasil, &uk);
    println!("seluruhnya {:.1?}", t0.elapsed());
}

fn main() {
    tokio::runtime::Builder::new_current_thread()
        .enable_all()
        .build()
        .expect("tokio runtime")
        .block_on(jalan());
}
