//! The full Mumbulsari report as PDF, rendered N times (default 30; `KINERJA_BENCH_N`): the first
//! (cold: typst's memo caches empty, each font parsed when first used) and the median of the rest
//! (warm: the same document again finds its layout in typst's caches, so a warm render is mostly
//! PDF writing; the cold one is what `kinerja laporan --format pdf` pays, of which font loading
//! is about 1 %).
//!
//! `cargo bench -p kinerja-laporan-pdf`; the whole process: see the README's Benchmarks.
//!
//! `cargo bench -p kinerja-laporan-pdf -- --jejak [FILE.json]`: where the cold render spends its
//! time. typst's own timing is on for the first render; the time of its phases (each layout
//! iteration, page runs, tables, PDF writing) is printed, summed per name over the outermost
//! scopes on each thread (so with parallel page runs the sum can exceed the wall time); FILE
//! gets the trace for chrome://tracing or Perfetto.

use std::collections::BTreeMap;
use std::path::PathBuf;
use std::time::{Duration, Instant};

use kinerja_core::waktu::Tahun;
use kinerja_laporan::{OpsiLaporan, susun};

fn main() {
    let n: usize = std::env::var("KINERJA_BENCH_N")
        .ok()
        .and_then(|s| s.parse().ok())
        .unwrap_or(30)
        .max(2);
    let dir = PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../contoh/mumbulsari");
    let data = kinerja_berkas::baca(&dir).expect("the Mumbulsari example reads");
    let opsi = OpsiLaporan {
        paksa: true,
        versi: env!("CARGO_PKG_VERSION").into(),
        ..Default::default()
    };
    let t = Instant::now();
    let dokumen = susun(&data, Tahun::new(2020).expect("a valid year"), &opsi).expect("composes");
    let susun_t = t.elapsed();

    let mut args = std::env::args().skip_while(|a| a != "--jejak");
    let jejak = args.next().is_some();
    let berkas_jejak = args.next().filter(|a| !a.starts_with('-'));
    let mut kali: Vec<Duration> = Vec::with_capacity(n);
    let mut ukuran = 0;
    for i in 0..n {
        if jejak && i == 0 {
            typst_timing::enable();
        }
        let t = Instant::now();
        let pdf = kinerja_laporan_pdf::pdf(&dokumen).expect("renders");
        kali.push(t.elapsed());
        ukuran = pdf.len();
        if jejak && i == 0 {
            typst_timing::disable();
            cetak_jejak(berkas_jejak.as_deref());
        }
    }
    let dingin = kali[0];
    let mut hangat = kali[1..].to_vec();
    hangat.sort();
    let median = hangat[hangat.len() / 2];
    println!(
        "mumbulsari 2020 PDF: {} bytes; susun {:.1} ms; cold {:.1} ms; warm median {:.1} ms (min {:.1}, max {:.1}, n={})",
        ukuran,
        susun_t.as_secs_f64() * 1e3,
        dingin.as_secs_f64() * 1e3,
        median.as_secs_f64() * 1e3,
        hangat[0].as_secs_f64() * 1e3,
        hangat[hangat.len() - 1].as_secs_f64() * 1e3,
        n - 1,
    );
}

/// typst's timing of the first render, per phase name (inclusive time of the outermost scope of
/// that name on its thread, and how many times it ran).
fn cetak_jejak(berkas: Option<&str>) {
    let mut json = Vec::new();
    typst_timing::export_json(&mut json, |_| (String::new(), 0)).expect("trace");
    if let Some(f) = berkas {
        std::fs::write(f, &json).expect("write the trace");
    }
    let peristiwa: Vec<serde_json::Value> = serde_json::from_slice(&json).expect("trace JSON");
    let mut tumpukan: BTreeMap<u64, Vec<(&str, f64)>> = BTreeMap::new();
    let mut jumlah: BTreeMap<&str, (f64, usize)> = BTreeMap::new();
    for e in &peristiwa {
        let nama = e["name"].as_str().unwrap_or("?");
        let ts = e["ts"].as_f64().unwrap_or(0.0);
        let s = tumpukan.entry(e["tid"].as_u64().unwrap_or(0)).or_default();
        if e["ph"] == "B" {
            s.push((nama, ts));
        } else if let Some((n, mulai)) = s.pop()
            && !s.iter().any(|(m, _)| *m == n)
        {
            let j = jumlah.entry(n).or_default();
            j.0 += ts - mulai;
            j.1 += 1;
        }
    }
    println!(
        "typst phases of the cold render ({} threads):",
        tumpukan.len()
    );
    let mut urut: Vec<_> = jumlah.into_iter().collect();
    urut.sort_by(|a, b| b.1.0.total_cmp(&a.1.0));
    for (nama, (us, n)) in urut.iter().take(30) {
        println!("{:>9.1} ms {:>6}x  {nama}", us / 1e3, n);
    }
}
