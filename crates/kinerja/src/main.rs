//! `kinerja`: the command line. Parses arguments, reads the data, calls the core, prints.

mod anggaran;
mod capaian;
mod data;
mod tampil;

use clap::{Parser, Subcommand};
use std::path::PathBuf;
use std::process::ExitCode;
use tampil::Format;

#[derive(Parser)]
#[command(
    name = "kinerja",
    version,
    about = "kinerja: Sistem Akuntabilitas Kinerja Instansi Pemerintah (SAKIP)",
    long_about = "kinerja: Sistem Akuntabilitas Kinerja Instansi Pemerintah (SAKIP).\n\
        Perencanaan (Renstra, RKT, Perjanjian Kinerja, IKU), pengukuran (capaian, predikat), \
        anggaran dan Laporan Kinerja dari satu sumber data.\n\n\
        DATA adalah berkas .toml atau folder berisi berkas .toml (lihat contoh/mumbulsari). \
        Tanpa DATA, dipakai contoh bawaan: LKjIP Kecamatan Mumbulsari 2020.",
    disable_help_subcommand = true
)]
struct Cli {
    #[command(subcommand)]
    perintah: Perintah,
}

#[derive(clap::Args)]
struct ArgData {
    /// Berkas atau folder data (.toml); tanpa ini dipakai contoh bawaan Kecamatan Mumbulsari
    data: Option<PathBuf>,
}

#[derive(clap::Args)]
struct ArgLaporan {
    #[command(flatten)]
    data: ArgData,
    /// Tahun yang diukur (bawaan: tahun laporan terakhir dalam data)
    #[arg(long)]
    tahun: Option<u16>,
    /// Bentuk keluaran
    #[arg(long, value_enum, default_value = "tabel")]
    format: Format,
}

#[derive(Subcommand)]
enum Perintah {
    /// Tabel pengukuran kinerja: target, realisasi, capaian dan predikat per indikator dan per sasaran
    Capaian(ArgLaporan),
    /// Pagu, realisasi dan serapan anggaran per program, kegiatan, jenis belanja dan sasaran
    Anggaran(ArgLaporan),
    /// Memeriksa berkas data (struktur, rujukan, angka) tanpa menghitung apa pun
    Validasi(ArgData),
    /// Mencetak JSON Schema format berkas data
    Skema,
}

fn tahun(
    data: &kinerja_core::model::DataInstansi,
    t: Option<u16>,
) -> Result<kinerja_core::waktu::Tahun, String> {
    match t {
        Some(t) => kinerja_core::waktu::Tahun::new(t as i64).map_err(|e| e.to_string()),
        None => data::tahun_bawaan(data)
            .ok_or_else(|| "data tidak memuat tahun apa pun; sebutkan --tahun".to_string()),
    }
}

fn jalankan(cli: Cli) -> Result<String, (String, u8)> {
    let muat = |a: &ArgData| data::muat(a.data.as_deref()).map_err(|e| (e.to_string(), 2));
    match cli.perintah {
        Perintah::Capaian(a) => {
            let d = muat(&a.data)?;
            let t = tahun(&d, a.tahun).map_err(|e| (e, 2))?;
            capaian::jalankan(&d, t, a.format).map_err(|e| (e, 1))
        }
        Perintah::Anggaran(a) => {
            let d = muat(&a.data)?;
            let t = tahun(&d, a.tahun).map_err(|e| (e, 2))?;
            anggaran::jalankan(&d, t, a.format).map_err(|e| (e, 1))
        }
        Perintah::Validasi(a) => {
            let d = muat(&a)?;
            Ok(format!(
                "data sah: {} instansi, {} sasaran, {} indikator, {} target, {} realisasi, {} pos anggaran, {} angka tercatat\n",
                d.instansi.len(),
                d.sasaran.len(),
                d.indikator.len(),
                d.target.len(),
                d.realisasi.len(),
                d.anggaran.len(),
                d.tercatat.len()
            ))
        }
        Perintah::Skema => Ok(kinerja_berkas::skema_json()),
    }
}

fn main() -> ExitCode {
    match jalankan(Cli::parse()) {
        Ok(out) => {
            print!("{out}");
            if !out.ends_with('\n') {
                println!();
            }
            ExitCode::SUCCESS
        }
        Err((pesan, kode)) => {
            eprintln!("galat: {pesan}");
            ExitCode::from(kode)
        }
    }
}
