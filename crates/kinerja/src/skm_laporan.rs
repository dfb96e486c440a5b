//! `kinerja skm ... --laporan FILE.pdf|.docx|.html`: the SKM report. The instansi's part (names, period,
//! earlier periods, the Rencana Tindak Lanjut) is a TOML file (`--keterangan`); the figures are
//! the survey's, and an earlier period given as a survey file is computed like this one.
//!
//! ```toml
//! instansi = "Kecamatan Mumbulsari"
//! induk = "Kabupaten Jember"
//! periode = "Januari - Desember 2024"
//! tahun = 2024
//! populasi = 1200
//! metode = "Kuesioner diisi sendiri oleh pengguna layanan di loket."
//! tempat_tanggal = "Jember, Januari 2025"
//! [penandatangan]
//! jabatan = "CAMAT MUMBULSARI"
//! nama = "..."
//! [[riwayat]]
//! periode = "2023"
//! tahun = 2023
//! berkas = "skm-2023.csv"          # computed; or nik = "80,12" as published
//! [[tindak_lanjut]]
//! unsur = "U9"
//! kegiatan = "Kotak dan kanal pengaduan daring, dijawab paling lama 5 hari kerja"
//! jadwal = "Triwulan I 2025"
//! penanggung_jawab = "Seksi Pelayanan Umum"
//! ```

use std::path::{Path, PathBuf};

use kinerja_core::skm::{HasilSkm, Opsi, Regime};
use kinerja_laporan::{LaporanSkm, PeriodeSkm, TandaTangan, TindakLanjut};
use kinerja_skm::OpsiBaca;
use serde::Deserialize;

use crate::galat::GalatPerintah;

#[derive(Debug, Clone, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct KeteranganSkm {
    pub instansi: Option<String>,
    pub induk: Option<String>,
    pub unit: Option<String>,
    pub periode: Option<String>,
    pub tahun: Option<u16>,
    pub populasi: Option<u64>,
    pub metode: Option<String>,
    pub tempat_tanggal: Option<String>,
    pub penandatangan: Option<Penandatangan>,
    #[serde(default)]
    pub riwayat: Vec<Riwayat>,
    #[serde(default)]
    pub tindak_lanjut: Vec<Rtl>,
    #[serde(default)]
    pub tindak_lanjut_lalu: Vec<Rtl>,
    /// The file's own folder: `riwayat.berkas` is relative to it.
    #[serde(skip)]
    folder: PathBuf,
    /// The file's bytes, part of the report's fingerprint.
    #[serde(skip)]
    bait: Vec<u8>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Penandatangan {
    pub jabatan: String,
    pub nama: String,
    pub pangkat: Option<String>,
    pub nip: Option<String>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Riwayat {
    pub periode: String,
    pub tahun: u16,
    /// The period's answers, computed as this period's are.
    pub berkas: Option<PathBuf>,
    /// The published figure, when the answers are gone.
    pub nik: Option<String>,
    pub responden: Option<u64>,
}

#[derive(Debug, Clone, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Rtl {
    pub unsur: String,
    pub kegiatan: String,
    pub jadwal: String,
    pub penanggung_jawab: String,
    pub status: Option<String>,
}

impl KeteranganSkm {
    pub fn baca(path: &Path) -> Result<KeteranganSkm, GalatPerintah> {
        let bait = std::fs::read(path)
            .map_err(|e| GalatPerintah::masukan(format!("{}: {e}", path.display())))?;
        let teks = String::from_utf8(bait.clone())
            .map_err(|_| GalatPerintah::masukan(format!("{}: bukan teks UTF-8", path.display())))?;
        let mut k: KeteranganSkm = toml::from_str(&teks)
            .map_err(|e| GalatPerintah::masukan(format!("{}: {e}", path.display())))?;
        k.folder = path.parent().map(Path::to_path_buf).unwrap_or_default();
        k.bait = bait;
        Ok(k)
    }
}

fn rtl(v: &[Rtl]) -> Vec<TindakLanjut> {
    v.iter()
        .map(|t| TindakLanjut {
            unsur: t.unsur.clone(),
            kegiatan: t.kegiatan.clone(),
            jadwal: t.jadwal.clone(),
            penanggung_jawab: t.penanggung_jawab.clone(),
            status: t.status.clone(),
        })
        .collect()
}

/// An earlier period: computed from its file, or its published figure marked as such.
fn periode_lalu(
    r: &Riwayat,
    folder: &Path,
    regime: &Regime,
    opsi_baca: &OpsiBaca,
    opsi: &Opsi,
) -> Result<PeriodeSkm, GalatPerintah> {
    let salah = |pesan: String| GalatPerintah::masukan(format!("riwayat {}: {pesan}", r.periode));
    match (&r.berkas, &r.nik) {
        (Some(b), None) => {
            let path = folder.join(b);
            let h = kinerja_skm::baca(&path, opsi_baca)
                .map_err(GalatPerintah::masukan)?
                .hitung(&Opsi {
                    populasi: None,
                    ..opsi.clone()
                })
                .map_err(GalatPerintah::ditolak)?;
            Ok(PeriodeSkm {
                periode: r.periode.clone(),
                tahun: r.tahun,
                nik: h.nik,
                mutu: h.mutu,
                responden: h.responden,
                sumber: format!("dihitung dari {}", b.display()),
            })
        }
        (None, Some(n)) => {
            let nik = kinerja_core::angka::parse_angka(n).map_err(|e| salah(e.to_string()))?;
            if nik < rust_decimal::Decimal::from(25) || nik > rust_decimal::Decimal::ONE_HUNDRED {
                return Err(salah(format!("nik {n} di luar 25-100")));
            }
            Ok(PeriodeSkm {
                periode: r.periode.clone(),
                tahun: r.tahun,
                nik,
                mutu: regime.klasifikasi(nik).mutu,
                responden: r.responden,
                sumber: "angka terbit".into(),
            })
        }
        _ => Err(salah(
            "sebutkan tepat satu: berkas (jawaban periode itu) atau nik (angka terbit)".into(),
        )),
    }
}

/// Composes and writes the report; returns the line to print.
pub fn tulis(
    keluaran: &Path,
    tahun: Option<u16>,
    berkas_survei: &Path,
    ket: &KeteranganSkm,
    hasil: &HasilSkm,
    opsi_baca: &OpsiBaca,
    opsi: &Opsi,
) -> Result<String, GalatPerintah> {
    let riwayat = ket
        .riwayat
        .iter()
        .map(|r| periode_lalu(r, &ket.folder, &hasil.regime, opsi_baca, opsi))
        .collect::<Result<Vec<_>, _>>()?;
    // The year: stated, else the latest month respondents answered in (a date column).
    let dari_tanggal = hasil
        .rincian
        .iter()
        .filter(|r| r.jenis == kinerja_core::skm::JenisProfil::Tanggal)
        .flat_map(|r| &r.kelompok)
        .filter_map(|k| k.nilai.get(..4)?.parse::<u16>().ok())
        .filter(|t| (1900..=9999).contains(t))
        .max();
    let tahun = ket.tahun.or(tahun).or(dari_tanggal).ok_or_else(|| {
        GalatPerintah::masukan(
            "tahun survei tidak diketahui: sebutkan tahun = ... di --keterangan (atau --tahun)",
        )
    })?;
    let survei = std::fs::read(berkas_survei)
        .map_err(|e| GalatPerintah::masukan(format!("{}: {e}", berkas_survei.display())))?;
    let l = LaporanSkm {
        instansi: ket
            .instansi
            .clone()
            .unwrap_or_else(|| "Unit Penyelenggara Pelayanan".into()),
        induk: ket.induk.clone(),
        unit: ket.unit.clone(),
        periode: ket.periode.clone().unwrap_or_else(|| tahun.to_string()),
        tahun,
        metode: ket.metode.clone(),
        hasil: hasil.clone(),
        riwayat,
        tindak_lanjut: rtl(&ket.tindak_lanjut),
        tindak_lanjut_lalu: rtl(&ket.tindak_lanjut_lalu),
        tempat_tanggal: ket.tempat_tanggal.clone(),
        penandatangan: ket.penandatangan.as_ref().map(|p| TandaTangan {
            tempat_tanggal: None,
            peran: None,
            jabatan: p.jabatan.clone(),
            nama: p.nama.clone(),
            pangkat: p.pangkat.clone(),
            nip: p.nip.clone(),
        }),
        sidik: kinerja_laporan::sidik_bait(&[&survei, &ket.bait]),
        versi: env!("CARGO_PKG_VERSION").into(),
    };
    let d = kinerja_laporan::susun_skm(&l);
    let ext = keluaran
        .extension()
        .and_then(|e| e.to_str())
        .map(str::to_ascii_lowercase);
    let isi = match ext.as_deref() {
        Some("pdf") => kinerja_laporan_pdf::pdf(&d).map_err(GalatPerintah::ditolak)?,
        Some("docx") => kinerja_laporan_docx::docx(&d).map_err(GalatPerintah::ditolak)?,
        // One self-contained page, for the instansi's website.
        Some("html") => kinerja_laporan::html::html(&d).into_bytes(),
        _ => {
            return Err(GalatPerintah::masukan(
                "--laporan: nama berkas harus berakhiran .pdf, .docx atau .html",
            ));
        }
    };
    std::fs::write(keluaran, &isi).map_err(|e| {
        GalatPerintah::masukan(format!("tidak dapat menulis {}: {e}", keluaran.display()))
    })?;
    Ok(format!(
        "Laporan SKM ditulis ke {} ({} bait, sidik {}).\n",
        keluaran.display(),
        isi.len(),
        d.sidik
    ))
}
