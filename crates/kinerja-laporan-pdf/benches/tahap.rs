//! Where the whole `kinerja laporan contoh/mumbulsari --format pdf --paksa` spends its time, phase
//! by phase, each round in a fresh process (the goal is a cold render: typst's memo caches empty,
//! nothing parsed yet). Prints the median of N rounds (default 15; `-- N`) per phase.
//!
//! `cargo bench -p kinerja-laporan-pdf --bench tahap`
//!
//! `-- --sampai TAHAP` runs one process up to and including TAHAP and exits, printing nothing:
//! under `valgrind --tool=callgrind` the instructions of a phase are the difference between two
//! stops (instruction counts do not depend on the machine's load, wall times do).
//!
//! The phases are the command's, in its order: `baca` (read the files, parse the TOML, merge,
//! validate), `susun` (the reviu gate, then the chapters and tables, then the data fingerprint),
//! `pdf` (typst: the World, evaluation, layout passes, PDF writing) and `tulis` (the file). After
//! them, outside the command's path, the parts of `baca` and `susun` are timed on their own
//! (`toml`, `validasi`, `reviu`, `sidik`) to say what the phases are made of.

use std::path::PathBuf;
use std::time::{Duration, Instant};

use kinerja_core::waktu::Tahun;
use kinerja_laporan::{OpsiLaporan, susun};

const TAHAP: [&str; 4] = ["baca", "susun", "pdf", "tulis"];
const BAGIAN: [&str; 4] = ["toml", "validasi", "reviu", "sidik"];

fn contoh() -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../contoh/mumbulsari")
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if let Some(i) = args.iter().position(|a| a == "--sampai") {
        let sampai = args.get(i + 1).map(String::as_str).unwrap_or("tulis");
        assert!(TAHAP.contains(&sampai), "--sampai {}", TAHAP.join("|"));
        jalankan(Some(sampai));
        return;
    }
    if args.iter().any(|a| a == "--satu") {
        for (nama, t) in jalankan(None) {
            println!("{nama} {}", t.as_nanos());
        }
        return;
    }
    let n: usize = args
        .iter()
        .skip(1)
        .find_map(|a| a.parse().ok())
        .unwrap_or(15)
        .max(1);
    let diri = std::env::current_exe().expect("own path");
    let mut kali: Vec<(String, Vec<Duration>)> = Vec::new();
    for _ in 0..n {
        let o = std::process::Command::new(&diri)
            .arg("--satu")
            .output()
            .expect("a round runs");
        assert!(o.status.success(), "{}", String::from_utf8_lossy(&o.stderr));
        for baris in String::from_utf8_lossy(&o.stdout).lines() {
            let Some((nama, ns)) = baris.split_once(' ') else {
                continue;
            };
            let t = Duration::from_nanos(ns.parse().expect("nanoseconds"));
            match kali.iter_mut().find(|(n, _)| n == nama) {
                Some((_, v)) => v.push(t),
                None => kali.push((nama.to_string(), vec![t])),
            }
        }
    }
    println!(
        "mumbulsari 2020 PDF, phases of the command, median of {n} fresh processes (min, max):"
    );
    for (nama, mut v) in kali {
        v.sort();
        let ms = |d: Duration| d.as_secs_f64() * 1e3;
        let baris = format!(
            "{:>8.1} ms  ({:.1}, {:.1})  {nama}",
            ms(v[v.len() / 2]),
            ms(v[0]),
            ms(v[v.len() - 1])
        );
        if nama == BAGIAN[0] {
            println!("parts, each timed on its own after the command's phases:");
        }
        println!("{baris}");
    }
}

/// One cold run of the command's phases (then the parts, unless stopping early).
fn jalankan(sampai: Option<&str>) -> Vec<(&'static str, Duration)> {
    let mut kali = Vec::new();
    let mut ukur = |nama: &'static str, mulai: Instant| {
        kali.push((nama, mulai.elapsed()));
        sampai == Some(nama)
    };
    let seluruh = Instant::now();
    let t = Instant::now();
    let data = kinerja_berkas::baca(&contoh()).expect("the Mumbulsari example reads");
    if ukur("baca", t) {
        return kali;
    }
    let tahun = Tahun::new(2020).expect("a valid year");
    let opsi = OpsiLaporan {
        paksa: true,
        versi: env!("CARGO_PKG_VERSION").into(),
        ..Default::default()
    };
    let t = Instant::now();
    let dokumen = susun(&data, tahun, &opsi).expect("composes");
    if ukur("susun", t) {
        return kali;
    }
    let t = Instant::now();
    let pdf = kinerja_laporan_pdf::pdf(&dokumen).expect("renders");
    if ukur("pdf", t) {
        return kali;
    }
    let t = Instant::now();
    let keluaran = std::env::temp_dir().join(format!("kinerja-tahap-{}.pdf", std::process::id()));
    std::fs::write(&keluaran, &pdf).expect("write the PDF");
    let _ = std::fs::remove_file(&keluaran);
    if ukur("tulis", t) {
        return kali;
    }
    kali.push(("semua", seluruh.elapsed()));

    // The parts, each on its own.
    let t = Instant::now();
    for berkas in std::fs::read_dir(contoh()).expect("the example folder") {
        let jalur = berkas.expect("an entry").path();
        if jalur.extension().is_some_and(|e| e == "toml") {
            let teks = std::fs::read_to_string(&jalur).expect("text");
            kinerja_berkas::baca_teks_toml(&teks).expect("parses");
        }
    }
    kali.push((BAGIAN[0], t.elapsed()));
    let t = Instant::now();
    assert!(kinerja_core::validasi::periksa(&data).is_empty());
    kali.push((BAGIAN[1], t.elapsed()));
    let t = Instant::now();
    let temuan = kinerja_reviu::periksa(&data, tahun, &[]);
    kali.push((BAGIAN[2], t.elapsed()));
    let t = Instant::now();
    let sidik = kinerja_laporan::sidik(&data);
    kali.push((BAGIAN[3], t.elapsed()));
    assert!(!temuan.is_empty() && !sidik.is_empty());
    kali
}
