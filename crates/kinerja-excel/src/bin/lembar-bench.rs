//! Workbooks for a synthetic kabupaten of 40 instansi, each with its 8 kegiatan split into 4 sub
//! kegiatan whose budget lines report twelve months:
//! - templat: the 40 templates written (`kinerja_excel::templat`);
//! - isi + impor: each template "filled" (every month of every line raised by Rp 1.000, written
//!   as the template of the changed data) and imported (`baca` + `terapkan`, validation included);
//! - baris/detik: one workbook of 100.000 budget lines read by `baca` (calamine's unzip and XML
//!   parse included): the rows per second the importer parses, by wall clock and by CPU time
//!   (on a shared machine the second says what the reader costs), beside calamine alone.
//!
//! Run: `cargo run --release -p kinerja-excel --features sintetis --bin lembar-bench`. Knobs: `KINERJA_BENCH_INSTANSI` (40),
//! `KINERJA_BENCH_BARIS` (100000), `KINERJA_BENCH_PUTARAN` (3; the best round is printed),
//! `KINERJA_BENCH_BERKAS` (a path keeping the big workbook between runs).

use kinerja_core::id::*;
use kinerja_core::model::*;
use kinerja_core::uang::Rupiah;
use kinerja_core::waktu::{Bulan, Tahun};
use std::hint::black_box;
use std::time::{Duration, Instant};

fn env(nama: &str, bawaan: usize) -> usize {
    std::env::var(nama)
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(bawaan)
}

const TAHUN: u16 = 2021;

fn tahun() -> Tahun {
    Tahun::new(TAHUN.into()).unwrap()
}

/// `n` sub kegiatan lines of `TAHUN` per kegiatan, each with twelve months, added to `d`.
fn sub_kegiatan(d: &mut DataInstansi, per_kegiatan: usize) {
    let kegiatan: Vec<Kegiatan> = d.kegiatan.clone();
    let jenis = d
        .anggaran
        .iter()
        .find(|p| p.tahun == tahun())
        .map(|p| p.jenis)
        .unwrap_or(JenisBelanja::LangsungBarangJasa);
    for k in &kegiatan {
        for s in 0..per_kegiatan {
            let sid = SubKegiatanId::new(format!("{}-S{s}", k.id)).unwrap();
            d.sub_kegiatan.push(SubKegiatan {
                id: sid.clone(),
                kegiatan: k.id.clone(),
                // A kegiatan has at most 9999 sub kegiatan codes; the big workbook has more lines.
                kode: k
                    .kode
                    .as_ref()
                    .filter(|_| s < 9999)
                    .map(|x| format!("{x}.{:04}", s + 1)),
                nama: format!("Sub kegiatan {s} dari {}", k.nama),
            });
            let pagu = 12_000_000 + 1_000 * s as i64;
            d.anggaran.push(PosAnggaran {
                id: PosAnggaranId::new(format!("{sid}-{TAHUN}")).unwrap(),
                tahun: tahun(),
                tempat: TempatAnggaran::SubKegiatan(sid),
                jenis,
                pagu: Rupiah::utuh(pagu),
                pagu_perubahan: (s % 3 == 0).then(|| Rupiah::utuh(pagu + 500_000)),
                realisasi: None,
                realisasi_bulanan: Bulan::SEMUA
                    .iter()
                    .map(|b| {
                        (
                            *b,
                            Rupiah::new(rust_decimal::Decimal::new(75_000_025 + s as i64, 2))
                                .unwrap(),
                        )
                    })
                    .collect(),
                catatan: None,
            });
        }
    }
}

/// CPU time of this process (user + system, from /proc; 10 ms resolution): on a shared machine
/// wall time says more about the other processes than about this one.
fn cpu() -> Duration {
    let stat = std::fs::read_to_string("/proc/self/stat").unwrap_or_default();
    // Fields after the command name (which may hold spaces): utime is the 12th, stime the 13th.
    let sisa = stat.rsplit(')').next().unwrap_or("");
    let f: Vec<u64> = sisa
        .split_whitespace()
        .skip(11)
        .take(2)
        .filter_map(|x| x.parse().ok())
        .collect();
    Duration::from_millis(f.iter().sum::<u64>() * 10)
}

fn terbaik(putaran: usize, mut f: impl FnMut() -> Duration) -> Duration {
    (0..putaran).map(|_| f()).min().unwrap_or_default()
}

fn main() {
    let n = env("KINERJA_BENCH_INSTANSI", 40);
    let baris = env("KINERJA_BENCH_BARIS", 100_000);
    let putaran = env("KINERJA_BENCH_PUTARAN", 3);
    let kab: Vec<DataInstansi> = kinerja_sintetis::kabupaten(n)
        .into_iter()
        .map(|mut d| {
            sub_kegiatan(&mut d, 4);
            d
        })
        .collect();
    let ids: Vec<InstansiId> = (0..n)
        .map(|i| InstansiId::new(format!("opd-{i:02}")).unwrap())
        .collect();

    let mut templat = Vec::new();
    let t_tulis = terbaik(putaran, || {
        let t0 = Instant::now();
        templat = kab
            .iter()
            .zip(&ids)
            .map(|(d, i)| kinerja_excel::templat(d, i, tahun()).unwrap())
            .collect();
        t0.elapsed()
    });
    let byte: usize = templat.iter().map(Vec::len).sum();

    // Filled: every month of every line of the year raised by Rp 1.000.
    let terisi: Vec<Vec<u8>> = kab
        .iter()
        .zip(&ids)
        .map(|(d, i)| {
            let mut x = d.clone();
            for p in x.anggaran.iter_mut().filter(|p| p.tahun == tahun()) {
                for r in p.realisasi_bulanan.values_mut() {
                    *r = *r + Rupiah::utuh(1_000);
                }
            }
            kinerja_excel::templat(&x, i, tahun()).unwrap()
        })
        .collect();
    let mut diubah = 0;
    let t_impor = terbaik(putaran, || {
        let t0 = Instant::now();
        diubah = 0;
        for (d, b) in kab.iter().zip(&terisi) {
            let h = kinerja_excel::ubah(b, d).unwrap();
            diubah += h
                .data
                .anggaran
                .iter()
                .zip(&d.anggaran)
                .filter(|(a, b)| a != b)
                .count();
            black_box(h);
        }
        t0.elapsed()
    });

    // One workbook of `baris` budget lines.
    let mut besar = kinerja_sintetis::instansi(0);
    let per = baris.div_ceil(besar.kegiatan.len().max(1));
    sub_kegiatan(&mut besar, per);
    let id0 = InstansiId::new("opd-00").unwrap();
    let t0 = Instant::now();
    // `KINERJA_BENCH_BERKAS=PATH` keeps the big workbook between runs (written when missing),
    // so a profiler sees the reading alone.
    let simpan = std::env::var_os("KINERJA_BENCH_BERKAS").map(std::path::PathBuf::from);
    let isi = match simpan.as_ref().and_then(|p| std::fs::read(p).ok()) {
        Some(isi) => isi,
        None => {
            let isi = kinerja_excel::templat(&besar, &id0, tahun()).unwrap();
            if let Some(p) = &simpan {
                std::fs::write(p, &isi).unwrap();
            }
            isi
        }
    };
    let t_tulis_besar = t0.elapsed();
    let mut dibaca = 0;
    let mut cpu_baca = Duration::MAX;
    let t_baca = terbaik(putaran, || {
        let (t0, c0) = (Instant::now(), cpu());
        let b = kinerja_excel::baca(&isi).unwrap();
        dibaca = b.anggaran.len();
        black_box(b);
        cpu_baca = cpu_baca.min(cpu() - c0);
        t0.elapsed()
    });
    // calamine alone: unzip, XML parse, shared strings, the Anggaran sheet as a grid.
    let mut cpu_calamine = Duration::MAX;
    let t_calamine = terbaik(putaran, || {
        use calamine::Reader;
        let (t0, c0) = (Instant::now(), cpu());
        let mut wb: calamine::Xlsx<_> =
            calamine::open_workbook_from_rs(std::io::Cursor::new(&isi)).unwrap();
        black_box(wb.worksheet_range("Anggaran").unwrap());
        cpu_calamine = cpu_calamine.min(cpu() - c0);
        t0.elapsed()
    });
    let t_terap = terbaik(putaran, || {
        let b = kinerja_excel::baca(&isi).unwrap();
        let t0 = Instant::now();
        let h = kinerja_excel::terapkan(&besar, &b);
        assert!(h.is_ok(), "the big workbook is refused");
        let _ = black_box(h);
        t0.elapsed()
    });

    let ms = |d: Duration| d.as_secs_f64() * 1000.0;
    println!(
        "kabupaten {n} instansi, tahun {TAHUN}, 4 sub kegiatan x 8 kegiatan per instansi, 12 bulan per pos"
    );
    println!(
        "templat   {n} lembar kerja: {:8.1} ms ({:.1} ms per instansi, {:.1} MB)",
        ms(t_tulis),
        ms(t_tulis) / n as f64,
        byte as f64 / 1e6
    );
    println!(
        "isi+impor {n} lembar kerja: {:8.1} ms ({:.1} ms per instansi; {diubah} pos berubah)",
        ms(t_impor),
        ms(t_impor) / n as f64
    );
    println!(
        "lembar besar: {dibaca} pos anggaran, {:.1} MB; tulis {:.0} ms; terapkan {:.0} ms",
        isi.len() as f64 / 1e6,
        ms(t_tulis_besar),
        ms(t_terap)
    );
    let per_detik = |d: Duration| dibaca as f64 / d.as_secs_f64();
    println!(
        "  baca:          {:6.0} ms dinding = {:7.0} baris/detik; {:6.0} ms CPU = {:7.0} baris/detik-CPU",
        ms(t_baca),
        per_detik(t_baca),
        ms(cpu_baca),
        per_detik(cpu_baca)
    );
    println!(
        "  calamine saja: {:6.0} ms dinding = {:7.0} baris/detik; {:6.0} ms CPU = {:7.0} baris/detik-CPU",
        ms(t_calamine),
        per_detik(t_calamine),
        ms(cpu_calamine),
        per_detik(cpu_calamine)
    );
}
