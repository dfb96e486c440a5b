//! `kinerja pohon`: a pemda's pohon kinerja of a year as an indented tree or JSON; `kinerja
//! salin-pohon`: the tree copied to a later year (`kinerja_core::pohon::salin`), written as a new
//! data file beside the data or, from a database, through the one write path.

use crate::ArgData;
use crate::basis;
use crate::galat::GalatPerintah;
use crate::tampil::Format;
use kinerja_core::id::{InstansiId, PohonId};
use kinerja_core::model::*;
use kinerja_core::pohon::{Cabang, pohon_tahun, salin, susun, tambahkan};
use kinerja_core::waktu::Tahun;
use kinerja_simpan::GagalUbah;
use serde_json::{Value, json};
use std::path::Path;
use std::path::PathBuf;

#[derive(clap::Args)]
pub struct ArgPohon {
    #[command(flatten)]
    pub data: ArgData,
    /// Tahun pohon (bawaan: tahun pohon terakhir dalam data)
    #[arg(long)]
    pub tahun: Option<u16>,
    #[arg(long, value_enum, default_value = "tabel")]
    pub format: Format,
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

fn nama_instansi(data: &DataInstansi, id: &InstansiId) -> String {
    data.instansi
        .iter()
        .find(|i| &i.id == id)
        .map(|i| i.nama.clone())
        .unwrap_or_else(|| id.to_string())
}

fn tautan(t: &Pemilik) -> String {
    match t {
        Pemilik::Tujuan(x) => format!("tujuan {x}"),
        Pemilik::Sasaran(x) => format!("sasaran {x}"),
        Pemilik::Program(x) => format!("program {x}"),
        Pemilik::Kegiatan(x) => format!("kegiatan {x}"),
        Pemilik::SubKegiatan(x) => format!("sub kegiatan {x}"),
    }
}

fn pemilik(data: &DataInstansi, m: &PemilikSimpul) -> String {
    let mut v = vec![nama_instansi(data, &m.instansi)];
    if let Some(u) = &m.unit {
        v.push(nama_instansi(data, u));
    }
    if let Some(j) = &m.jabatan {
        v.push(j.clone());
    }
    if let Some(n) = &m.nip {
        v.push(format!("NIP {n}"));
    }
    v.join(", ")
}

fn indikator(i: &IndikatorSimpul) -> String {
    let mut s = i.uraian.clone();
    if let Some(k) = &i.kode {
        s = format!("[{k}] {s}");
    }
    match &i.target {
        Some(t) => s.push_str(&format!(": target {t}")),
        None => s.push_str(": tanpa target"),
    }
    if let Some(u) = &i.satuan {
        s.push_str(&format!(" {u}"));
    }
    s
}

fn teks_cabang(data: &DataInstansi, c: &Cabang, kedalaman: usize, out: &mut String) {
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
        Some(m) => out.push_str(&format!("{d}pemilik: {}\n", pemilik(data, m))),
        None => out.push_str(&format!("{d}pemilik: (belum ditetapkan)\n")),
    }
    for i in &s.indikator {
        out.push_str(&format!("{d}indikator: {}\n", indikator(i)));
    }
    if !s.tautan.is_empty() {
        let t: Vec<String> = s.tautan.iter().map(tautan).collect();
        out.push_str(&format!("{d}tautan: {}\n", t.join(", ")));
    }
    if let Some(a) = &s.asal {
        out.push_str(&format!("{d}asal: {a}\n"));
    }
    for a in &c.anak {
        teks_cabang(data, a, kedalaman + 1, out);
    }
}

fn json_cabang(c: &Cabang) -> Value {
    let s = c.simpul;
    json!({
        "id": s.id,
        "tingkat": s.tingkat,
        "uraian": s.uraian,
        "pemilik": s.pemilik,
        "indikator": s.indikator,
        "tautan": s.tautan,
        "asal": s.asal,
        "anak": c.anak.iter().map(json_cabang).collect::<Vec<_>>(),
    })
}

/// The tree of `tahun` as text or JSON.
pub fn jalankan(
    data: &DataInstansi,
    tahun: Tahun,
    format: Format,
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
    match format {
        Format::Json => Ok(serde_json::to_string_pretty(&json!({
            "pohon": p,
            "simpul": akar.iter().map(json_cabang).collect::<Vec<_>>(),
            "crosscutting": cc,
        }))
        .expect("JSON values serialize")
            + "\n"),
        Format::Tabel => {
            let mut out = format!(
                "Pohon Kinerja {} Tahun {} ({})\n",
                nama_instansi(data, &p.instansi),
                p.tahun,
                p.id
            );
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
            out.push_str(&format!("simpul per tingkat: {}\n\n", jumlah.join(", ")));
            for c in &akar {
                teks_cabang(data, c, 0, &mut out);
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
        Format::Csv => Err(GalatPerintah::masukan(
            "pohon kinerja tersedia sebagai --format tabel atau json",
        )),
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
