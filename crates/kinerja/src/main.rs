//! `kinerja`: the command line. Parses arguments, reads the data, calls the core, prints.

mod anggaran;
mod basis;
mod capaian;
mod data;
mod evaluasi;
mod galat;
mod gambar_pohon;
mod kemajuan;
mod laporan;
mod laporan_banyak;
mod lembar;
mod pengguna;
mod periksa;
mod pohon;
mod skm;
mod skm_laporan;
mod tampil;

use clap::{Parser, Subcommand};
use galat::GalatPerintah;
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
    /// Berkas atau folder data (.toml); tanpa ini (dan tanpa --db/--instansi) dipakai contoh
    /// bawaan Kecamatan Mumbulsari
    data: Option<PathBuf>,
    #[command(flatten)]
    basis: ArgBasis,
    /// Baca data instansi ini dari basis data (bukan dari berkas)
    #[arg(long)]
    instansi: Option<String>,
}

#[derive(clap::Args)]
struct ArgBasis {
    /// Basis data: path berkas SQLite, sqlite://..., atau postgres://... (bawaan: $KINERJA_DB,
    /// atau kinerja.db di folder kerja)
    #[arg(long = "db")]
    db: Option<String>,
}

#[derive(clap::Args)]
struct ArgTemplat {
    #[command(flatten)]
    data: ArgData,
    /// Tahun lembar kerja (bawaan: tahun laporan terakhir dalam data)
    #[arg(long)]
    tahun: Option<u16>,
    /// Berkas .xlsx keluaran
    #[arg(short = 'o', long = "keluaran")]
    keluaran: PathBuf,
}

#[derive(clap::Args)]
struct ArgImpor {
    /// Berkas atau folder data (.toml), atau lembar kerja isian (.xlsx dari `kinerja templat`)
    data: PathBuf,
    /// Berkas atau folder data lain, masing-masing satu kumpulan data (mis. setiap OPD satu
    /// kabupaten: `kinerja impor kab/*`), diimpor berurutan dengan batang kemajuan; setiap
    /// kumpulan utuh atau tidak sama sekali
    lain: Vec<PathBuf>,
    /// Tanpa batang kemajuan
    #[arg(long)]
    diam: bool,
    #[command(flatten)]
    basis: ArgBasis,
    /// Instansi pelapor, bila dokumen data menyebut lebih dari satu
    #[arg(long)]
    instansi: Option<String>,
    /// Berkas adalah seluruh data: rekaman di basis data yang tidak ada di berkas dihapus
    /// (tercatat di jejak audit). Tanpa ini, rekaman lain dibiarkan.
    #[arg(long)]
    ganti: bool,
    /// Nama pengguna di jejak audit (bawaan: $USER)
    #[arg(long)]
    oleh: Option<String>,
    /// Lembar kerja dalam tata letak ekspor portal e-SAKIP (tabel PK atau realisasi anggaran):
    /// nama dipetakan ke id dan dicetak; ditulis hanya dengan --ya
    #[arg(long)]
    esakip: bool,
    /// Dengan --esakip: tulis setelah pemetaan diperiksa
    #[arg(long, requires = "esakip")]
    ya: bool,
}

#[derive(clap::Args)]
struct ArgEkspor {
    #[command(flatten)]
    basis: ArgBasis,
    /// Instansi pelapor yang diekspor
    #[arg(long)]
    instansi: String,
    /// Hanya data sampai tahun ini (rencana dan target Renstra tetap utuh)
    #[arg(long)]
    tahun: Option<u16>,
    /// Berkas .toml keluaran
    #[arg(short = 'o', long = "keluaran")]
    keluaran: PathBuf,
}

#[derive(clap::Args)]
struct ArgInstansi {
    #[command(flatten)]
    basis: ArgBasis,
    /// Bentuk keluaran
    #[arg(long, value_enum, default_value = "tabel")]
    format: Format,
}

#[derive(clap::Args)]
struct ArgJejak {
    #[command(flatten)]
    basis: ArgBasis,
    #[arg(long)]
    instansi: String,
    /// Hanya tabel ini (realisasi, target, anggaran, indikator...)
    #[arg(long)]
    tabel: Option<String>,
    /// Hanya rekaman dengan kunci ini (mis. IK-1|2020|tw1)
    #[arg(long)]
    kunci: Option<String>,
    /// Paling banyak sekian baris, terbaru dahulu
    #[arg(long, default_value_t = 100)]
    batas: i64,
    #[arg(long, value_enum, default_value = "tabel")]
    format: Format,
}

#[derive(clap::Args)]
struct ArgCadangan {
    #[command(flatten)]
    basis: ArgBasis,
    /// Berkas cadangan yang dibuat (tidak boleh sudah ada)
    #[arg(short = 'o', long = "keluaran")]
    keluaran: PathBuf,
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

#[derive(clap::Args)]
struct ArgPeriksa {
    #[command(flatten)]
    data: ArgData,
    /// Tahun yang direviu (bawaan: tahun laporan terakhir dalam data)
    #[arg(long)]
    tahun: Option<u16>,
    /// Bentuk keluaran
    #[arg(long, value_enum, default_value = "teks")]
    format: periksa::FormatPeriksa,
    /// Berkas aturan tambahan (TOML, [[aturan]]); boleh diulang
    #[arg(long = "aturan")]
    aturan: Vec<PathBuf>,
    /// Data OPD (berkas atau folder) untuk aturan pohon kinerja pemda; boleh diulang. Dari basis
    /// data (--instansi PEMDA) data OPD di bawahnya dibaca sendiri.
    #[arg(long = "opd")]
    opd: Vec<PathBuf>,
}

#[derive(clap::Args)]
struct ArgLaporanKinerja {
    #[command(flatten)]
    data: ArgData,
    /// Tahun laporan (bawaan: tahun laporan terakhir dalam data)
    #[arg(long)]
    tahun: Option<u16>,
    /// Bentuk berkas
    #[arg(long, value_enum, default_value = "pdf")]
    format: laporan::FormatLaporan,
    /// Berkas keluaran
    #[arg(short = 'o', long = "keluaran")]
    keluaran: PathBuf,
    /// Tetap buat laporan walaupun reviu menemukan galat terbuka (dicetak di lampiran reviu)
    #[arg(long)]
    paksa: bool,
    /// PDF/A-2a untuk arsip (berbahasa Indonesia, bertanda struktur); hanya dengan --format pdf
    #[arg(long)]
    arsip: bool,
    /// Berkas aturan reviu tambahan (TOML, [[aturan]]); boleh diulang
    #[arg(long = "aturan")]
    aturan: Vec<PathBuf>,
    /// Laporan Kinerja pemda (kepala daerah): dari RPJMD, IKU dan pohon kinerja data ini dengan
    /// data OPD (--opd, atau dari basis data OPD di bawah --instansi)
    #[arg(long)]
    pemda: bool,
    /// Dengan --pemda: data OPD (berkas atau folder); boleh diulang
    #[arg(long = "opd", requires = "pemda")]
    opd: Vec<PathBuf>,
    /// Data instansi pendahulu (berkas atau folder) bagi instansi hasil penggabungan,
    /// pemekaran atau perubahan nama: tahun sebelum reorganisasi di Bab III dibaca darinya;
    /// boleh diulang. Dari basis data (--instansi) dibaca sendiri
    #[arg(long = "pendahulu", conflicts_with = "pemda")]
    pendahulu: Vec<PathBuf>,
    /// Laporan setiap instansi pelapor di bawah kabupaten ini (dari --db) yang punya data tahun
    /// --tahun, satu berkas per instansi (ID.pdf, ...) di folder -o, dengan batang kemajuan;
    /// laporan yang ditolak reviu tidak ditulis dan disebut di akhir (status keluar 1)
    #[arg(long, conflicts_with_all = ["pemda", "data", "instansi"])]
    kabupaten: Option<String>,
    /// Dengan --kabupaten: tanpa batang kemajuan
    #[arg(long, requires = "kabupaten")]
    diam: bool,
}

/// The OPDs' data sets for a pemda's tree, reviu or report: the files given with `--opd`, else,
/// for a pemda read from the database (`--instansi`) when `dari_basis`, the stored data sets
/// below it. `kinerja pohon`, `periksa` and `laporan --pemda` share it.
fn muat_opd(
    a: &ArgData,
    opd: &[PathBuf],
    dari_basis: bool,
) -> Result<Vec<kinerja_core::model::DataInstansi>, GalatPerintah> {
    if let (Some(i), true) = (&a.instansi, dari_basis && opd.is_empty()) {
        return basis::muat_bawahan(a.basis.db.as_deref(), i);
    }
    opd.iter()
        .map(|p| data::muat(Some(p.as_path())).map_err(GalatPerintah::masukan))
        .collect()
}

#[derive(clap::Args)]
struct ArgTerima {
    /// Berkas atau folder data (wajib: penerimaan disimpan bersama data)
    data: PathBuf,
    /// Id aturan temuan (mis. ANGGARAN-TERCATAT)
    #[arg(long)]
    aturan: String,
    /// Kunci temuan, seperti dicetak `kinerja periksa`
    #[arg(long)]
    kunci: String,
    /// Alasan penerimaan
    #[arg(long)]
    alasan: String,
    /// Nama pereviu
    #[arg(long)]
    oleh: Option<String>,
}

#[derive(Subcommand)]
enum Perintah {
    /// Tabel pengukuran kinerja: target, realisasi, capaian dan predikat per indikator dan per sasaran
    Capaian(ArgLaporan),
    /// Pagu, realisasi dan serapan anggaran per program, kegiatan, jenis belanja dan sasaran
    Anggaran(ArgLaporan),
    /// Laporan Kinerja (LKjIP) dari data: PDF, DOCX, XLSX atau HTML
    Laporan(ArgLaporanKinerja),
    /// Reviu: memeriksa setiap angka laporan terhadap data asalnya (keluar 1 bila ada galat terbuka)
    Periksa(ArgPeriksa),
    /// Pohon kinerja pemda satu tahun: simpul per tingkat, pemilik, indikator, target, tautan, crosscutting
    Pohon(pohon::ArgPohon),
    /// Menyalin pohon kinerja ke tahun berikutnya; setiap simpul mencatat simpul asalnya
    SalinPohon(pohon::ArgSalinPohon),
    /// Menerima (menyetujui) satu temuan reviu dengan alasan; dicatat bersama data
    Terima(ArgTerima),
    /// Evaluasi AKIP (PermenPANRB 88/2021): nilai per komponen, predikat, temuan kerangka logis
    /// dan usulan jawaban dari data; Laporan Hasil Evaluasi sebagai PDF, DOCX, XLSX atau HTML
    Evaluasi(evaluasi::ArgEvaluasi),
    /// Mencatat jawaban satu kriteria evaluasi (OPD atau evaluator) di basis data, tercatat di
    /// jejak audit; jawaban evaluator menyimpan usulan dari data di sampingnya
    Jawab(evaluasi::ArgJawab),
    /// Survei Kepuasan Masyarakat: IKM, mutu, unsur prioritas, rincian dan grafik dari jawaban responden atau tabel per unsur
    Skm(skm::SkmArgs),
    /// Memeriksa berkas data (struktur, rujukan, angka) tanpa menghitung apa pun
    Validasi(ArgData),
    /// Mencetak JSON Schema format berkas data
    Skema,
    /// Memuat berkas data ke basis data dalam satu transaksi (berkas bergalat tidak mengubah apa pun)
    Impor(ArgImpor),
    /// Menulis data satu instansi dari basis data ke berkas .toml
    Ekspor(ArgEkspor),
    /// Lembar kerja isian (.xlsx) berisi data instansi satu tahun: Renstra, PK, realisasi,
    /// anggaran sampai sub kegiatan per bulan; diisi lalu dimuat lagi dengan `kinerja impor`
    Templat(ArgTemplat),
    /// Daftar instansi di basis data
    Instansi(ArgInstansi),
    /// Jejak audit: siapa mengubah apa, kapan, nilai lama dan baru
    Jejak(ArgJejak),
    /// Cadangan basis data SQLite yang konsisten walau sedang dipakai (PostgreSQL: pg_dump).
    /// Memulihkan = memakai berkas cadangan sebagai --db.
    Cadangan(ArgCadangan),
    /// Menjalankan antarmuka web dan API JSON (/api/v1, dokumen OpenAPI di /api/v1/openapi.json)
    Serve(ArgServe),
    /// Akun pengguna antarmuka web dan API
    #[command(subcommand)]
    Pengguna(pengguna::PerintahPengguna),
}

#[derive(clap::Args)]
struct ArgServe {
    #[command(flatten)]
    basis: ArgBasis,
    /// Alamat dengar
    #[arg(long, default_value = "127.0.0.1:8080")]
    alamat: std::net::SocketAddr,
    /// Izinkan alamat selain localhost (pasang di belakang proksi HTTPS)
    #[arg(long)]
    publik: bool,
}

fn tahun(
    data: &kinerja_core::model::DataInstansi,
    t: Option<u16>,
) -> Result<kinerja_core::waktu::Tahun, GalatPerintah> {
    match t {
        Some(t) => kinerja_core::waktu::Tahun::new(t as i64).map_err(GalatPerintah::masukan),
        None => kinerja_core::cakupan::tahun_bawaan(data).ok_or_else(|| {
            GalatPerintah::masukan("data tidak memuat tahun apa pun; sebutkan --tahun")
        }),
    }
}

/// What a command prints on standard output when it did its job.
struct Keluaran {
    teks: String,
    /// `periksa` found open errors: its findings are printed all the same, with exit status 1.
    galat_terbuka: bool,
}

impl From<String> for Keluaran {
    fn from(teks: String) -> Keluaran {
        Keluaran {
            teks,
            galat_terbuka: false,
        }
    }
}

fn jalankan(cli: Cli) -> Result<Keluaran, GalatPerintah> {
    let muat = |a: &ArgData| match (&a.data, &a.instansi) {
        (Some(_), Some(_)) => Err(GalatPerintah::masukan(
            "pilih salah satu: berkas DATA atau --instansi (dari basis data)",
        )),
        (None, Some(i)) => basis::muat(a.basis.db.as_deref(), i),
        (_, None) if a.basis.db.is_some() => Err(GalatPerintah::masukan(
            "--db perlu --instansi: data instansi mana yang dibaca?",
        )),
        (p, None) => data::muat(p.as_deref()).map_err(GalatPerintah::masukan),
    };
    let keluaran = match cli.perintah {
        Perintah::Capaian(a) => {
            let d = muat(&a.data)?;
            let t = tahun(&d, a.tahun)?;
            capaian::jalankan(&d, t, a.format)?
        }
        Perintah::Anggaran(a) => {
            let d = muat(&a.data)?;
            let t = tahun(&d, a.tahun)?;
            anggaran::jalankan(&d, t, a.format)?
        }
        Perintah::Laporan(a) if a.kabupaten.is_some() => {
            let opsi = kinerja_laporan::OpsiLaporan {
                paksa: a.paksa,
                versi: env!("CARGO_PKG_VERSION").into(),
                aturan: periksa::baca_aturan(&a.aturan)?,
                logo: None,
            };
            let h = laporan_banyak::jalankan(
                a.data.basis.db.as_deref(),
                a.kabupaten.as_deref().unwrap_or_default(),
                a.tahun,
                a.format,
                a.arsip,
                &a.keluaran,
                &opsi,
                a.diam,
            )?;
            return Ok(Keluaran {
                teks: h.teks,
                galat_terbuka: h.ada_ditolak,
            });
        }
        Perintah::Laporan(a) => {
            let d = muat(&a.data)?;
            let t = tahun(&d, a.tahun)?;
            let aturan = periksa::baca_aturan(&a.aturan)?;
            let opsi = kinerja_laporan::OpsiLaporan {
                paksa: a.paksa,
                versi: env!("CARGO_PKG_VERSION").into(),
                aturan,
                logo: laporan::logo_di_samping(a.data.data.as_deref())?,
            };
            let opd = if a.pemda {
                Some(muat_opd(&a.data, &a.opd, true)?)
            } else {
                None
            };
            let pendahulu = match (&a.data.instansi, a.pendahulu.is_empty()) {
                (Some(i), true) if !a.pemda => {
                    basis::muat_pendahulu(a.data.basis.db.as_deref(), &d, i)?
                }
                _ => laporan::pendahulu_berkas(&d, t, &a.pendahulu)?,
            };
            let sumber = laporan::Sumber {
                data: &d,
                opd: opd.as_deref(),
                pendahulu: &pendahulu,
            };
            laporan::jalankan(sumber, t, a.format, a.arsip, &a.keluaran, opsi)?
        }
        Perintah::Periksa(a) => {
            let d = muat(&a.data)?;
            let t = tahun(&d, a.tahun)?;
            let aturan = periksa::baca_aturan(&a.aturan)?;
            // A stored pemda with a pohon kinerja: its OPDs' data sets are in the same database.
            let opd = muat_opd(&a.data, &a.opd, !d.pohon.is_empty())?;
            let (teks, galat_terbuka) = periksa::jalankan(&d, &opd, t, &aturan, a.format);
            return Ok(Keluaran {
                teks,
                galat_terbuka,
            });
        }
        Perintah::Pohon(a) => {
            let d = muat(&a.data)?;
            // Without --tahun: the latest tree's year.
            let terakhir = d.pohon.iter().map(|p| p.tahun.get()).max();
            let t = tahun(&d, a.tahun.or(terakhir))?;
            let opd = muat_opd(&a.data, &a.opd, true)?;
            pohon::jalankan(&d, &opd, t, &a)?
        }
        Perintah::SalinPohon(a) => pohon::jalankan_salin(&a, &muat)?,
        Perintah::Terima(a) => {
            periksa::terima(&a.data, &a.aturan, &a.kunci, &a.alasan, a.oleh.as_deref())?
        }
        Perintah::Evaluasi(a) => evaluasi::jalankan(a, &muat)?,
        Perintah::Jawab(a) => evaluasi::jalankan_jawab(a)?,
        Perintah::Skm(a) => skm::jalankan(&a)?,
        Perintah::Validasi(a) => {
            let d = muat(&a)?;
            let mut s = format!(
                "data sah: {} instansi, {} sasaran, {} indikator, {} target, {} realisasi, {} pos anggaran, {} angka tercatat\n",
                d.instansi.len(),
                d.sasaran.len(),
                d.indikator.len(),
                d.target.len(),
                d.realisasi.len(),
                d.anggaran.len(),
                d.tercatat.len()
            );
            // Valid, but worth a look: they do not refuse the data.
            for p in kinerja_core::validasi::peringatan(&d) {
                s.push_str(&format!(
                    "[peringatan] {} — {}: {}\n",
                    p.kode, p.letak, p.pesan
                ));
            }
            s
        }
        Perintah::Skema => kinerja_berkas::skema_json(),
        Perintah::Impor(a) if !a.lain.is_empty() => {
            if a.esakip || a.instansi.is_some() {
                return Err(GalatPerintah::masukan(
                    "--esakip dan --instansi berlaku untuk satu berkas data saja",
                ));
            }
            let semua: Vec<PathBuf> = std::iter::once(a.data).chain(a.lain).collect();
            basis::impor_banyak(
                &semua,
                a.basis.db.as_deref(),
                a.ganti,
                a.oleh.as_deref(),
                a.diam,
            )?
        }
        Perintah::Impor(a) if a.esakip => {
            lembar::impor_esakip(&a.data, a.basis.db.as_deref(), a.ya, a.oleh.as_deref())?
        }
        Perintah::Impor(a) if lembar::lembar_kerja(&a.data) => {
            if a.ganti {
                return Err(GalatPerintah::masukan(
                    "--ganti tidak berlaku untuk lembar kerja: lembar kerja hanya mengubah nilai yang dimuatnya",
                ));
            }
            lembar::impor(
                &a.data,
                a.basis.db.as_deref(),
                a.instansi.as_deref(),
                a.oleh.as_deref(),
            )?
        }
        Perintah::Templat(a) => {
            let d = muat(&a.data)?;
            let t = tahun(&d, a.tahun)?;
            lembar::templat(&d, a.data.instansi.as_deref(), t, &a.keluaran)?
        }
        Perintah::Impor(a) => basis::impor(
            &a.data,
            a.basis.db.as_deref(),
            a.instansi.as_deref(),
            a.ganti,
            a.oleh.as_deref(),
        )?,
        Perintah::Ekspor(a) => {
            basis::ekspor(a.basis.db.as_deref(), &a.instansi, a.tahun, &a.keluaran)?
        }
        Perintah::Instansi(a) => basis::daftar_instansi(a.basis.db.as_deref(), a.format)?,
        Perintah::Cadangan(a) => basis::cadangan(a.basis.db.as_deref(), &a.keluaran)?,
        Perintah::Serve(a) => {
            pasang_log();
            let mut contoh = vec![data::muat(None).map_err(GalatPerintah::masukan)?];
            contoh.extend(data::muat_pemda().map_err(GalatPerintah::masukan)?);
            let url = basis::url(a.basis.db.as_deref());
            basis::jalan_server(kinerja_web::layani(
                &url,
                a.alamat,
                a.publik,
                &contoh,
                |k| eprintln!("{k}"),
            ))
            .map_err(GalatPerintah::masukan)?;
            String::new()
        }
        Perintah::Pengguna(p) => pengguna::jalankan(p)?,
        Perintah::Jejak(a) => basis::jejak(
            a.basis.db.as_deref(),
            &a.instansi,
            a.tabel.as_deref(),
            a.kunci.as_deref(),
            a.batas,
            a.format,
        )?,
    };
    Ok(Keluaran::from(keluaran))
}

fn main() -> ExitCode {
    match jalankan(Cli::parse()) {
        Ok(k) => {
            // A reader that stops early (`kinerja capaian | head`) closes the pipe: that ends
            // the output, it is not an error (`print!` would panic on it).
            use std::io::Write;
            let mut out = std::io::stdout().lock();
            let akhir = if k.teks.ends_with('\n') { "" } else { "\n" };
            match write!(out, "{}{akhir}", k.teks).and_then(|()| out.flush()) {
                Err(e) if e.kind() != std::io::ErrorKind::BrokenPipe => {
                    eprintln!("galat: menulis keluaran: {e}");
                    ExitCode::from(2)
                }
                _ => ExitCode::from(if k.galat_terbuka { 1 } else { 0 }),
            }
        }
        Err(e) => {
            eprintln!("galat: {e}");
            ExitCode::from(e.kode_keluar())
        }
    }
}

/// The server's log to standard error: warnings and errors by default (an internal error is
/// logged with its request id, which the client's page shows), more with `RUST_LOG=info`.
fn pasang_log() {
    let saring = tracing_subscriber::EnvFilter::try_from_default_env()
        .unwrap_or_else(|_| tracing_subscriber::EnvFilter::new("warn"));
    let _ = tracing_subscriber::fmt()
        .with_env_filter(saring)
        .with_writer(std::io::stderr)
        .try_init();
}
