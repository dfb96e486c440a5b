//! The full Mumbulsari report as PDF, rendered N times (default 30; `KINERJA_BENCH_N`): the first
//! (cold: typst's memo caches empty, each font parsed when first used) and the median of the rest
//! (warm: the same document again finds its layout in typst's caches, so a warm render is mostly
//! PDF writing; the cold one is what `kinerja laporan --format pdf` pays, of which font loading
//! is about 1 %).
//!
//! `cargo bench -p kinerja-laporan-pdf`; the whole process: see the README's Benchmarks.

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

    let mut kali: Vec<Duration> = Vec::with_capacity(n);
    let mut ukuran = 0;
    for _ in 0..n {
        let t = Instant::now();
        let pdf = kinerja_laporan_pdf::pdf(&dokumen).expect("renders");
        kali.push(t.elapsed());
        ukuran = pdf.len();
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
