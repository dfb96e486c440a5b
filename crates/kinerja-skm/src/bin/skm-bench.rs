//! Benchmark: 1.000.000 respondents x 9 unsur + 5 profile columns, read and computed by kinerja
//! and, in the same run, by pandas.
//!
//! ```text
//! pip install pandas
//! cargo build --release -p kinerja        # for the whole-process figure
//! cargo run --release -p kinerja-skm --bin skm-bench -- [--baris N] [--berkas FILE.csv] [--tanpa-pandas]
//! ```
//!
//! The CSV is generated deterministically (xorshift64*, fixed seed) unless it already exists with
//! the same row count. Each measurement runs in a fresh child process so that its peak memory
//! (VmHWM from /proc/self/status; ru_maxrss for Python) is its own:
//! 1. `baca-saja`: the csv crate iterating the records, nothing parsed (for comparison: kinerja
//!    splits plain records itself, in place);
//! 2. `kinerja`: `kinerja_skm::baca` (parse, validate, tally per unsur/answer and per group,
//!    streaming) + `hitung_tabulasi` (everything the CLI prints);
//! 3. `kinerja skm FILE`: the whole process, from exec to exit (the `kinerja` binary next to this
//!    one, when it is built), the fastest of five runs;
//! 4. `pandas`: bench/skm_pandas.py, the same job.

use std::io::{BufWriter, Write};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::time::Instant;

use kinerja_core::angka::format_angka;
use kinerja_core::skm::Opsi;
use kinerja_skm::{Masukan, OpsiBaca};
use rust_decimal::Decimal;
use rust_decimal::prelude::FromPrimitive;

const LAYANAN: [&str; 6] = [
    "KTP",
    "KK",
    "Akta Kelahiran",
    "Surat Pindah",
    "Izin Usaha",
    "Lainnya",
];
const KELAMIN: [&str; 2] = ["Laki-laki", "Perempuan"];
const PENDIDIKAN: [&str; 6] = ["SD", "SMP", "SMA", "D3", "S1", "S2"];
const PEKERJAAN: [&str; 6] = [
    "PNS",
    "TNI/Polri",
    "Swasta",
    "Wiraswasta",
    "Pelajar",
    "Lainnya",
];

struct Acak(u64);

impl Acak {
    fn next(&mut self) -> u64 {
        let mut x = self.0;
        x ^= x >> 12;
        x ^= x << 25;
        x ^= x >> 27;
        self.0 = x;
        x.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }
    fn bawah(&mut self, n: u64) -> u64 {
        (self.next() >> 33) % n
    }
}

fn hasilkan(path: &Path, baris: u64) -> std::io::Result<()> {
    let mut w = BufWriter::with_capacity(1 << 20, std::fs::File::create(path)?);
    w.write_all(b"layanan,jenis_kelamin,umur,pendidikan,pekerjaan,U1,U2,U3,U4,U5,U6,U7,U8,U9\n")?;
    let mut r = Acak(0x5EED_2020_0000_0001);
    // Answer weights per unsur (out of 20) for 1, 2, 3: the rest is 4. Unsur differ a little.
    for _ in 0..baris {
        let l = LAYANAN[r.bawah(6) as usize];
        let k = KELAMIN[r.bawah(2) as usize];
        let u = 17 + r.bawah(60);
        let p = PENDIDIKAN[r.bawah(6) as usize];
        let j = PEKERJAAN[r.bawah(6) as usize];
        write!(w, "{l},{k},{u},{p},{j}")?;
        for unsur in 0..9u64 {
            let x = r.bawah(20);
            let a = if x < 1 {
                b'1'
            } else if x < 3 + unsur % 3 {
                b'2'
            } else if x < 14 {
                b'3'
            } else {
                b'4'
            };
            w.write_all(&[b',', a])?;
        }
        w.write_all(b"\n")?;
    }
    w.flush()
}

fn vmhwm_kb() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines()
                .find(|l| l.starts_with("VmHWM:"))
                .and_then(|l| l.split_whitespace().nth(1))
                .and_then(|v| v.parse().ok())
        })
        .unwrap_or(0)
}

/// Child: read only.
fn ukur_baca_saja(path: &Path) {
    let t = Instant::now();
    let mut rdr = csv::ReaderBuilder::new()
        .buffer_capacity(1 << 16)
        .from_path(path)
        .expect("open");
    let mut rec = csv::ByteRecord::new();
    let mut n = 0u64;
    let mut bytes = 0usize;
    while rdr.read_byte_record(&mut rec).expect("read") {
        n += 1;
        bytes += rec.as_slice().len();
    }
    println!(
        "{{\"detik\":{},\"puncak_kb\":{},\"responden\":{n},\"bytes\":{bytes}}}",
        t.elapsed().as_secs_f64(),
        vmhwm_kb()
    );
}

/// Child: the whole job.
fn ukur_kinerja(path: &Path) {
    let t = Instant::now();
    let m = kinerja_skm::baca(path, &OpsiBaca::default()).expect("baca");
    let t_baca = t.elapsed().as_secs_f64();
    let opsi = Opsi {
        populasi: Some(2_000_000),
        ..Opsi::default()
    };
    let t2 = Instant::now();
    let h = m.hitung(&opsi).expect("hitung");
    let t_hitung = t2.elapsed().as_secs_f64();
    let Masukan::Responden(r) = &m else {
        panic!("respondents expected")
    };
    let kelompok: usize = h.rincian.iter().map(|r| r.kelompok.len()).sum();
    println!(
        "{{\"detik\":{},\"detik_baca\":{t_baca},\"detik_hitung\":{t_hitung},\"puncak_kb\":{},\"responden\":{},\"ikm\":\"{}\",\"nik\":\"{}\",\"di_bawah_rata_rata\":{:?},\"jumlah_U1\":{:?},\"kelompok\":{kelompok}}}",
        t.elapsed().as_secs_f64(),
        vmhwm_kb(),
        r.tabulasi.total.responden(),
        h.ikm,
        h.nik,
        h.di_bawah_rata_rata,
        h.unsur[0].jumlah.unwrap_or_default(),
    );
}

fn anak(args: &[&str]) -> Result<String, String> {
    let exe = std::env::current_exe().map_err(|e| e.to_string())?;
    let out = Command::new(exe)
        .args(args)
        .output()
        .map_err(|e| e.to_string())?;
    if !out.status.success() {
        return Err(String::from_utf8_lossy(&out.stderr).into_owned());
    }
    Ok(String::from_utf8_lossy(&out.stdout).trim().to_string())
}

/// The fastest of five runs of `kinerja skm FILE` (seconds), when the binary is built.
fn ukur_proses(path: &Path) -> Option<f64> {
    let exe = std::env::current_exe().ok()?.with_file_name("kinerja");
    if !exe.exists() {
        return None;
    }
    (0..5)
        .map(|_| {
            let t = Instant::now();
            let ok = Command::new(&exe)
                .arg("skm")
                .arg(path)
                .stdout(std::process::Stdio::null())
                .status()
                .is_ok_and(|s| s.success());
            ok.then(|| t.elapsed().as_secs_f64())
        })
        .collect::<Option<Vec<f64>>>()
        .and_then(|v| v.into_iter().reduce(f64::min))
}

fn ambil<'a>(json: &'a str, kunci: &str) -> Option<&'a str> {
    let i = json.find(&format!("\"{kunci}\":"))? + kunci.len() + 3;
    let s = &json[i..];
    let akhir = if s.starts_with('[') {
        s.find(']')? + 1
    } else {
        s.find([',', '}'])?
    };
    Some(s[..akhir].trim_matches('"'))
}

fn detik(s: Option<&str>) -> String {
    s.and_then(|x| x.parse::<f64>().ok())
        .and_then(Decimal::from_f64)
        .map(|d| format_angka(d, 3))
        .unwrap_or_else(|| "?".into())
}

fn mb(s: Option<&str>) -> String {
    s.and_then(|x| x.parse::<f64>().ok())
        .and_then(|kb| Decimal::from_f64(kb / 1024.0))
        .map(|d| format_angka(d, 1))
        .unwrap_or_else(|| "?".into())
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    let a: Vec<&str> = args.iter().map(String::as_str).collect();
    match a.get(1..) {
        Some(["--ukur-baca-saja", p]) => return ukur_baca_saja(Path::new(p)),
        Some(["--ukur-kinerja", p]) => return ukur_kinerja(Path::new(p)),
        _ => {}
    }
    let mut baris: u64 = 1_000_000;
    let mut berkas: Option<PathBuf> = None;
    let mut pandas = true;
    let mut i = 1;
    while i < a.len() {
        match a[i] {
            "--baris" => {
                baris = a
                    .get(i + 1)
                    .and_then(|s| s.parse().ok())
                    .expect("--baris N");
                i += 1;
            }
            "--berkas" => {
                berkas = a.get(i + 1).map(PathBuf::from);
                i += 1;
            }
            "--tanpa-pandas" => pandas = false,
            lain => {
                eprintln!(
                    "argumen tidak dikenal: {lain}\npemakaian: skm-bench [--baris N] [--berkas FILE.csv] [--tanpa-pandas]"
                );
                std::process::exit(2);
            }
        }
        i += 1;
    }
    let path =
        berkas.unwrap_or_else(|| std::env::temp_dir().join(format!("skm-bench-{baris}.csv")));
    let ada = std::fs::read(&path)
        .ok()
        .is_some_and(|b| b.iter().filter(|&&c| c == b'\n').count() as u64 == baris + 1);
    if !ada {
        let t = Instant::now();
        hasilkan(&path, baris).expect("menulis CSV");
        eprintln!("CSV dibuat dalam {:.2} s", t.elapsed().as_secs_f64());
    }
    let ukuran = std::fs::metadata(&path).map(|m| m.len()).unwrap_or(0);
    println!(
        "berkas: {} ({} responden x 9 unsur + 5 kolom profil, {} MB)",
        path.display(),
        format_angka(Decimal::from(baris), 0),
        format_angka(Decimal::from(ukuran) / Decimal::from(1_000_000), 1)
    );
    let p = path.to_string_lossy().to_string();
    // Warm the page cache so that every contender reads from memory.
    let _ = std::fs::read(&path);

    let baca = anak(&["--ukur-baca-saja", &p]).expect("baca-saja");
    let kin = anak(&["--ukur-kinerja", &p]).expect("kinerja");
    println!();
    println!("{:<44} {:>10} {:>14}", "", "waktu (s)", "puncak (MB)");
    println!(
        "{:<44} {:>10} {:>14}",
        "csv crate, memisah rekaman saja (pembanding)",
        detik(ambil(&baca, "detik")),
        mb(ambil(&baca, "puncak_kb"))
    );
    println!(
        "{:<44} {:>10} {:>14}",
        "kinerja: baca + tabulasi + hitung",
        detik(ambil(&kin, "detik")),
        mb(ambil(&kin, "puncak_kb"))
    );
    println!(
        "{:<44} {:>10}",
        "  di antaranya hitung dari tabulasi",
        detik(ambil(&kin, "detik_hitung"))
    );
    match ukur_proses(&path) {
        Some(d) => println!(
            "{:<44} {:>10}",
            "kinerja skm BERKAS: seluruh proses (terbaik 5)",
            detik(Some(&d.to_string()))
        ),
        None => println!(
            "(seluruh proses: bangun dulu `cargo build --release -p kinerja`, lalu ulangi)"
        ),
    }
    if pandas {
        let skrip = Path::new(env!("CARGO_MANIFEST_DIR")).join("bench/skm_pandas.py");
        match Command::new("python3").arg(&skrip).arg(&p).output() {
            Ok(o) if o.status.success() => {
                let pd = String::from_utf8_lossy(&o.stdout).trim().to_string();
                println!(
                    "{:<44} {:>10} {:>14}",
                    format!(
                        "pandas {}: read_csv + hitung",
                        ambil(&pd, "pandas").unwrap_or("?")
                    ),
                    detik(ambil(&pd, "detik")),
                    mb(ambil(&pd, "puncak_kb"))
                );
                println!(
                    "{:<44} {:>10}",
                    "  (import pandas, tidak termasuk)",
                    detik(ambil(&pd, "detik_import"))
                );
                println!();
                println!(
                    "IKM kinerja {} | pandas {}",
                    ambil(&kin, "ikm").unwrap_or("?"),
                    ambil(&pd, "ikm").unwrap_or("?")
                );
                println!(
                    "di bawah rata-rata: kinerja {} | pandas {}",
                    ambil(&kin, "di_bawah_rata_rata").unwrap_or("?"),
                    ambil(&pd, "di_bawah_rata_rata").unwrap_or("?")
                );
                println!(
                    "jumlah U1: kinerja {} | pandas {}; kelompok: kinerja {} | pandas {}",
                    ambil(&kin, "jumlah_U1").unwrap_or("?"),
                    ambil(&pd, "jumlah_U1").unwrap_or("?"),
                    ambil(&kin, "kelompok").unwrap_or("?"),
                    ambil(&pd, "kelompok").unwrap_or("?")
                );
            }
            Ok(o) => println!("pandas gagal: {}", String::from_utf8_lossy(&o.stderr)),
            Err(e) => println!("python3 tidak dapat dijalankan: {e}"),
        }
    }
    println!();
    println!("kinerja: {kin}");
}
