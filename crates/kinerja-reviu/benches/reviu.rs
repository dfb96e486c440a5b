//! The whole rule set over a synthetic kabupaten: 40 instansi x 5 years.
//! Run: `cargo bench -p kinerja-reviu` (prints wall times; median of 5 rounds).

use kinerja_core::waktu::Tahun;
use std::time::Instant;

fn main() {
    let n = std::env::var("KINERJA_BENCH_INSTANSI")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(40);
    let t0 = Instant::now();
    let kab = kinerja_sintetis::kabupaten(n);
    let buat = t0.elapsed();
    let baris: usize = kab
        .iter()
        .map(|d| d.target.len() + d.realisasi.len() + d.anggaran.len() + d.tercatat.len())
        .sum();
    let tahun: Vec<Tahun> = (0..kinerja_sintetis::JUMLAH_TAHUN)
        .map(|y| Tahun::new((kinerja_sintetis::TAHUN_AWAL + y) as i64).unwrap())
        .collect();
    let mut putaran = Vec::new();
    let mut temuan = 0;
    for _ in 0..5 {
        let t = Instant::now();
        temuan = 0;
        for d in &kab {
            for y in &tahun {
                temuan += kinerja_reviu::periksa(d, *y, &[]).len();
            }
        }
        putaran.push(t.elapsed());
    }
    putaran.sort();
    let median = putaran[putaran.len() / 2];
    let laporan = n * tahun.len();
    println!(
        "reviu: {n} instansi x {} tahun = {laporan} laporan; {baris} baris data primer dan tercatat (dibuat dalam {:.1?})",
        tahun.len(),
        buat
    );
    println!(
        "reviu: median {:.1?} seluruhnya ({:.2?} per laporan), min {:.1?}, maks {:.1?}; {temuan} temuan",
        median,
        median / laporan as u32,
        putaran[0],
        putaran[putaran.len() - 1]
    );
}
