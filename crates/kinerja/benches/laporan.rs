//! Report rendering speed: the Mumbulsari report in each format (median of 7 runs), then a batch
//! of 100 synthetic instansi reports in all four formats on every core.
//! Run: `cargo bench -p kinerja --bench laporan`.

use kinerja_core::waktu::Tahun;
use kinerja_laporan::{Dokumen, OpsiLaporan, susun};
use std::path::PathBuf;
use std::time::{Duration, Instant};

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

fn ukur<T>(n: usize, mut f: impl FnMut() -> T) -> (Duration, T) {
    let mut t = Vec::new();
    let mut hasil = None;
    for _ in 0..n {
        let a = Instant::now();
        hasil = Some(f());
        t.push(a.elapsed());
    }
    (median(t), hasil.expect("n > 0"))
}

fn semua_format(d: &Dokumen) -> usize {
    kinerja_laporan_pdf::pdf(d).expect("pdf").len()
        + kinerja_laporan_docx::docx(d).expect("docx").len()
        + kinerja_laporan_xlsx::xlsx(d).expect("xlsx").len()
        + kinerja_laporan::html::html(d).len()
}

fn main() {
    let opsi = OpsiLaporan {
        paksa: true,
        versi: env!("CARGO_PKG_VERSION").into(),
        aturan: vec![],
        logo: None,
    };
    let data = kinerja_berkas::baca(
        &PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../contoh/mumbulsari"),
    )
    .expect("contoh");
    let tahun = Tahun::new(2020).expect("tahun");
    let (t_susun, d) = ukur(7, || susun(&data, tahun, &opsi).expect("susun"));
    println!("Mumbulsari: susun (termasuk reviu) {t_susun:.1?}");
    let (t, b) = ukur(7, || kinerja_laporan_pdf::pdf(&d).expect("pdf"));
    println!("Mumbulsari: PDF  {t:.1?} ({} bait)", b.len());
    let (t, b) = ukur(7, || kinerja_laporan_docx::docx(&d).expect("docx"));
    println!("Mumbulsari: DOCX {t:.1?} ({} bait)", b.len());
    let (t, b) = ukur(7, || kinerja_laporan_xlsx::xlsx(&d).expect("xlsx"));
    println!("Mumbulsari: XLSX {t:.1?} ({} bait)", b.len());
    let (t, b) = ukur(7, || kinerja_laporan::html::html(&d));
    println!("Mumbulsari: HTML {t:.1?} ({} bait)", b.len());

    let n = 100;
    let kab = kinerja_sintetis::kabupaten(n);
    let tahun =
        Tahun::new((kinerja_sintetis::TAHUN_AWAL + kinerja_sintetis::JUMLAH_TAHUN - 1) as i64)
            .expect("tahun");
    let inti = std::thread::available_parallelism()
        .map(|n| n.get())
        .unwrap_or(1);
    let a = Instant::now();
    let bait: usize = std::thread::scope(|s| {
        let kab = &kab;
        let opsi = &opsi;
        let tugas: Vec<_> = (0..inti)
            .map(|k| {
                s.spawn(move || {
                    kab.iter()
                        .skip(k)
                        .step_by(inti)
                        .map(|data| semua_format(&susun(data, tahun, opsi).expect("susun")))
                        .sum::<usize>()
                })
            })
            .collect();
        tugas.into_iter().map(|t| t.join().expect("thread")).sum()
    });
    let t = a.elapsed();
    println!(
        "Batch: {n} laporan sintetis x 4 format pada {inti} inti: {t:.2?} ({:.1?} per laporan, {} MB seluruhnya)",
        t / n as u32,
        bait / 1_000_000
    );
}
