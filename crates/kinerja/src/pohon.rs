//! `kinerja pohon`: a pemda's pohon kinerja of a year as an indented tree or JSON; `kinerja
//! salin-pohon`: the tree copied to a later year (`kinerja_core::pohon::salin`), written as a new
//! data file beside the data or, from a database, through the one write path.

use crate::ArgData;
use crate::basis;
use crate::galat::GalatPerintah;
use crate::gambar_pohon as g;
use kinerja_core::id::PohonId;
use kinerja_core::model::*;
use kinerja_core::pohon::ukur::{UkurPohon, ukur};
use kinerja_core::pohon::{Cabang, pohon_tahun, salin, susun, tambahkan, teks_tautan};
use kinerja_core::waktu::Tahun;
use kinerja_simpan::GagalUbah;
use serde_json::{Value, json};
use std::path::Path;
use std::path::PathBuf;

#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum FormatPohon {
    /// Pohon berindentasi untuk dibaca
    Tabel,
    /// JSON, angka sebagai bilangan JSON
    Json,
    /// Gambar SVG (ke -o BERKAS, atau ke keluaran standar)
    Svg,
    /// PDF A3 mendatar, satu halaman per simpul akar (wajib -o BERKAS)
    Pdf,
}

#[derive(clap::Args)]
pub struct ArgPohon {
    #[command(flatten)]
    pub data: ArgData,
    /// Tahun pohon (bawaan: tahun pohon terakhir dalam data)
    #[arg(long)]
    pub tahun: Option<u16>,
    #[arg(long, value_enum, default_value = "tabel")]
    pub format: FormatPohon,
    /// Data OPD (berkas atau folder) untuk capaian simpulnya; boleh diulang. Dari basis data
    /// (--instansi PEMDA) data OPD di bawahnya dibaca sendiri.
    #[arg(long = "opd")]
    pub opd: Vec<PathBuf>,
    /// Tingkat terdalam yang digambar (svg, pdf): strategis_opd, taktis, operasional, individu;
    /// simpul di bawahnya diringkas sebagai jumlah per tingkat
    #[arg(long)]
    pub sampai: Option<String>,
    /// Berkas keluaran (svg, pdf)
    #[arg(short = 'o', long = "keluaran")]
    pub keluaran: Option<PathBuf>,
}

#[derive(clap::Args)]
pub struct ArgSalinPohon {
    #[command(flatten)]
    pub data: ArgData,
    /// Tahun tujuan salinan
    #[arg(long)]
    pub tahun: u16,
    /// Id pohon yang disalin (bawaan: pohon terakhir sebelum --tahun)
    #[arg(long)]
    pub dari: Option<String>,
    /// Berkas .toml baru berisi rekaman salinan (wajib bila data dari berkas)
    #[arg(short = 'o', long = "keluaran")]
    pub keluaran: Option<PathBuf>,
    /// Nama pengguna di jejak audit (bawaan: $USER)
    #[arg(long)]
    pub oleh: Option<String>,
}

fn teks_cabang(data: &DataInstansi, c: &Cabang, u: &UkurPohon, kedalaman: usize, out: &mut String) {
    let s = c.simpul;
    let jarak = "    ".repeat(kedalaman);
    out.push_str(&format!(
        "{jarak}- [{}] {} ({})\n",
        s.tingkat.label(),
        s.uraian,
        s.id
    ));
    let d = format!("{jarak}    ");
    match &s.pemilik {
        Some(m) => out.push_str(&format!("{d}pemilik: {}\n", g::pemilik(data, m))),
        None => out.push_str(&format!("{d}pemilik: (belum ditetapkan)\n")),
    }
    let us = u.simpul.get(&s.id);
    for (n, i) in s.indikator.iter().enumerate() {
        let kode = i
            .kode
            .as_deref()
            .map(|k| format!("[{k}] "))
            .unwrap_or_default();
        let angka = us
            .and_then(|x| x.indikator.get(n))
            .map(|x| g::angka_indikator(i, x))
            .unwrap_or_default();
        out.push_str(&format!("{d}indikator: {kode}{}: {angka}\n", i.uraian));
    }
    out.push_str(&format!("{d}{}\n", g::capaian_simpul(us)));
    if !s.tautan.is_empty() {
        let t: Vec<String> = s.tautan.iter().map(teks_tautan).collect();
        out.push_str(&format!("{d}tautan: {}\n", t.join(", ")));
    }
    if let Some(a) = &s.asal {
        out.push_str(&format!("{d}asal: {a}\n"));
    }
    for a in &c.anak {
        teks_cabang(data, a, u, kedalaman + 1, out);
    }
}

/// The deepest level drawn, from `--sampai` ("taktis", "operasional", ...).
fn tingkat(s: &str) -> Result<TingkatSimpul, GalatPerintah> {
    serde_json::from_value(Value::String(s.to_string())).map_err(|_| {
        let semua: Vec<String> = TingkatSimpul::SEMUA
            .iter()
            .map(|t| {
                serde_json::to_value(t)
                    .map(|v| v.as_str().unwrap_or_default().to_string())
                    .unwrap_or_default()
            })
            .collect();
        GalatPerintah::masukan(format!(
            "--sampai \"{s}\" bukan tingkat simpul; pilih {}",
            semua.join(", ")
        ))
    })
}

/// The tree of `tahun`, measured with the OPDs' data sets `opd`, as text, JSON, SVG or PDF.
pub fn jalankan(
    data: &DataInstansi,
    opd: &[DataInstansi],
    tahun: Tahun,
    a: &ArgPohon,
) -> Result<String, GalatPerintah> {
    let Some(p) = pohon_tahun(data, tahun) else {
        let ada: Vec<String> = data.pohon.iter().map(|p| p.tahun.to_string()).collect();
        return Err(GalatPerintah::masukan(if ada.is_empty() {
            "data tidak memuat pohon kinerja".to_string()
        } else {
            format!(
                "tidak ada pohon kinerja tahun {tahun}; ada: {}",
                ada.join(", ")
            )
        }));
    };
    let sampai = a
        .sampai
        .as_deref()
        .map(tingkat)
        .transpose()?
        .unwrap_or(TingkatSimpul::Individu);
    let opd: Vec<&DataInstansi> = opd.iter().collect();
    let u = ukur(data, &p.id, &opd);
    let akar = susun(data, &p.id);
    let cc: Vec<&Crosscutting> = data
        .crosscutting
        .iter()
        .filter(|c| {
            data.simpul
                .iter()
                .any(|s| s.id == c.dari && s.pohon == p.id)
        })
        .collect();
    let judul = format!(
        "Pohon Kinerja {} Tahun {}",
        g::nama_instansi(data, &p.instansi),
        p.tahun
    );
    let tulis = |isi: &[u8], jenis: &str| -> Result<String, GalatPerintah> {
        let Some(k) = &a.keluaran else {
            return Err(GalatPerintah::masukan(format!(
                "--format {jenis} memerlukan -o BERKAS"
            )));
        };
        std::fs::write(k, isi).map_err(|e| {
            GalatPerintah::masukan(format!("tidak dapat menulis {}: {e}", k.display()))
        })?;
        Ok(format!(
            "{judul} ditulis ke {} ({} bait).\n",
            k.display(),
            isi.len()
        ))
    };
    match a.format {
        FormatPohon::Json => Ok(serde_json::to_string_pretty(&json!({
            "pohon": p,
            "simpul": akar.iter().map(|c| g::json_cabang(c, &u)).collect::<Vec<_>>(),
            "crosscutting": cc,
            "tanpa_data": u.tanpa_data,
        }))
        .expect("JSON values serialize")
            + "\n"),
        FormatPohon::Svg => {
            let kotak: Vec<_> = akar.iter().map(|c| g::kotak(data, c, &u, sampai)).collect();
            let svg = kinerja_grafik::pohon::pohon(&judul, &kotak);
            match &a.keluaran {
                Some(_) => tulis(svg.as_bytes(), "svg"),
                None => Ok(svg),
            }
        }
        FormatPohon::Pdf => {
            // One A3 page per root (a pemda sasaran), so a wide pemda stays readable.
            let halaman: Vec<(String, String)> = akar
                .iter()
                .map(|c| {
                    let j = format!("{judul}: {}", c.simpul.uraian);
                    let svg = kinerja_grafik::pohon::pohon(&j, &[g::kotak(data, c, &u, sampai)]);
                    (j, svg)
                })
                .collect();
            let halaman = if halaman.is_empty() {
                vec![(judul.clone(), kinerja_grafik::pohon::pohon(&judul, &[]))]
            } else {
                halaman
            };
            let sidik = kinerja_laporan::sidik(data);
            let pdf = kinerja_laporan_pdf::pdf_pohon(
                &judul,
                &format!("{}/{}/{sidik}", p.instansi, p.tahun),
                p.tahun.get(),
                env!("CARGO_PKG_VERSION"),
                &halaman,
            )
            .map_err(GalatPerintah::ditolak)?;
            tulis(&pdf, "pdf")
        }
        FormatPohon::Tabel => {
            let mut out = format!("{judul} ({})\n", p.id);
            if let Some(a) = &p.asal {
                out.push_str(&format!("disalin dari pohon {a}\n"));
            }
            let jumlah: Vec<String> = TingkatSimpul::SEMUA
                .iter()
                .map(|t| {
                    let n = data
                        .simpul
                        .iter()
                        .filter(|s| s.pohon == p.id && s.tingkat == *t)
                        .count();
                    format!("{} {n}", t.label())
                })
                .collect();
            out.push_str(&format!("simpul per tingkat: {}\n", jumlah.join(", ")));
            if !u.tanpa_data.is_empty() {
                let v: Vec<String> = u.tanpa_data.iter().map(|i| i.to_string()).collect();
                out.push_str(&format!(
                    "data OPD tidak diberikan (capaian simpulnya tidak tersedia): {}\n",
                    v.join(", ")
                ));
            }
            out.push('\n');
            for c in &akar {
                teks_cabang(data, c, &u, 0, &mut out);
            }
            if !cc.is_empty() {
                out.push_str("\nCrosscutting:\n");
                for c in cc {
                    out.push_str(&format!(
                        "- {} → {}: {}{}\n",
                        c.dari,
                        c.ke,
                        c.status.label(),
                        c.alasan
                            .as_deref()
                            .map(|a| format!(" ({a})"))
                            .unwrap_or_default()
                    ));
                }
            }
            Ok(out)
        }
    }
}

/// The tree to copy: `dari`, else the latest tree before `tahun`.
fn sumber(data: &DataInstansi, dari: Option<&str>, tahun: Tahun) -> Result<PohonId, GalatPerintah> {
    match dari {
        Some(d) => PohonId::new(d).map_err(|e| GalatPerintah::masukan(format!("--dari: {e}"))),
        None => data
            .pohon
            .iter()
            .filter(|p| p.tahun < tahun)
            .max_by_key(|p| p.tahun)
            .map(|p| p.id.clone())
            .ok_or_else(|| {
                GalatPerintah::masukan(format!(
                    "tidak ada pohon kinerja sebelum tahun {tahun} untuk disalin; sebutkan --dari"
                ))
            }),
    }
}

/// Copies a tree of the data file or folder `data` into `keluaran` (a new TOML file holding only
/// the new records, to be put beside the data); the whole result is validated first.
pub fn salin_berkas(
    data: &DataInstansi,
    dari: Option<&str>,
    tahun: Tahun,
    keluaran: &Path,
) -> Result<String, GalatPerintah> {
    let id = sumber(data, dari, tahun)?;
    let baru = salin(data, &id, tahun).map_err(GalatPerintah::masukan)?;
    let mut gabung = data.clone();
    tambahkan(&mut gabung, baru.clone());
    let salah = kinerja_core::validasi::periksa(&gabung);
    if !salah.is_empty() {
        let v: Vec<String> = salah.iter().map(|p| p.to_string()).collect();
        return Err(GalatPerintah::ditolak(v.join("\n")));
    }
    if keluaran.exists() {
        return Err(GalatPerintah::masukan(format!(
            "{} sudah ada; pilih berkas baru",
            keluaran.display()
        )));
    }
    kinerja_berkas::tulis(&baru, keluaran).map_err(GalatPerintah::masukan)?;
    Ok(format!(
        "pohon {id} disalin ke tahun {tahun}: {} simpul, {} crosscutting (status usulan) → {}\n",
        baru.simpul.len(),
        baru.crosscutting.len(),
        keluaran.display()
    ))
}

/// Copies a tree of a stored data set through `Toko::ubah_data` (validated, one audit row per
/// new record).
pub fn salin_basis(
    db: Option<&str>,
    instansi: &str,
    dari: Option<&str>,
    tahun: Tahun,
    oleh: Option<&str>,
) -> Result<String, GalatPerintah> {
    let pelapor = basis::instansi_id(instansi)?;
    let p = basis::pelaku(oleh, format!("salin-pohon ke {tahun}"));
    let mut jumlah = 0;
    let hasil = basis::jalan(async {
        let t = basis::buka(db).await?;
        let r = t
            .ubah_data(&pelapor, &p, |d| {
                let id = sumber(d, dari, tahun)?;
                let baru = salin(d, &id, tahun).map_err(GalatPerintah::masukan)?;
                jumlah = baru.simpul.len();
                let mut gabung = d.clone();
                tambahkan(&mut gabung, baru);
                Ok::<_, GalatPerintah>(gabung)
            })
            .await;
        t.tutup().await;
        Ok::<_, GalatPerintah>(r)
    })?;
    hasil.map_err(|e| match e {
        GagalUbah::Ditolak(g) => g,
        GagalUbah::Toko(e) => GalatPerintah::ditolak(format!(
            "penyalinan dibatalkan, tidak ada yang berubah: {e}"
        )),
    })?;
    Ok(format!(
        "pohon kinerja {pelapor} disalin ke tahun {tahun}: {jumlah} simpul\n"
    ))
}

/// `kinerja salin-pohon`: into the database (one audit row per record) or into a new file.
pub fn jalankan_salin(
    a: &ArgSalinPohon,
    muat: &dyn Fn(&ArgData) -> Result<DataInstansi, GalatPerintah>,
) -> Result<String, GalatPerintah> {
    let t = Tahun::new(i64::from(a.tahun)).map_err(GalatPerintah::masukan)?;
    match (&a.data.instansi, &a.keluaran) {
        (Some(i), _) => salin_basis(
            a.data.basis.db.as_deref(),
            i,
            a.dari.as_deref(),
            t,
            a.oleh.as_deref(),
        ),
        (None, Some(k)) => salin_berkas(&muat(&a.data)?, a.dari.as_deref(), t, k),
        (None, None) => Err(GalatPerintah::masukan(
            "sebutkan -o BERKAS (data dari berkas) atau --db/--instansi",
        )),
    }
}
