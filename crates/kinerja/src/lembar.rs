//! Workbooks operators fill in: `kinerja templat` writes one pre-filled with an instansi's data
//! of a year; `kinerja impor BERKAS.xlsx` reads it back into the database through the store's one
//! write path (all or nothing, every problem named by its cell).

use crate::basis;
use crate::galat::GalatPerintah;
use kinerja_core::id::InstansiId;
use kinerja_core::model::DataInstansi;
use kinerja_core::waktu::Tahun;
use kinerja_simpan::{GagalUbah, rekaman};
use std::path::Path;

/// Whether a path names a workbook (by its extension; the content is checked when read).
pub fn lembar_kerja(path: &Path) -> bool {
    path.extension()
        .is_some_and(|x| x.eq_ignore_ascii_case("xlsx"))
}

pub fn templat(
    data: &DataInstansi,
    instansi: Option<&str>,
    tahun: Tahun,
    keluaran: &Path,
) -> Result<String, GalatPerintah> {
    let id = match instansi {
        Some(i) => basis::instansi_id(i)?,
        None => rekaman::pelapor(data).map_err(|_| {
            GalatPerintah::masukan(
                "data menyebut lebih dari satu instansi (atau tidak satu pun): sebutkan --instansi",
            )
        })?,
    };
    let isi = kinerja_excel::templat(data, &id, tahun).map_err(GalatPerintah::masukan)?;
    std::fs::write(keluaran, isi).map_err(|e| {
        GalatPerintah::masukan(format!("tidak dapat menulis {}: {e}", keluaran.display()))
    })?;
    Ok(format!(
        "{} ditulis: lembar kerja isian {id} tahun {tahun} ({} indikator, {} pos anggaran tahun ini)\n",
        keluaran.display(),
        data.indikator.len(),
        data.anggaran.iter().filter(|p| p.tahun == tahun).count()
    ))
}

pub fn impor(
    path: &Path,
    db: Option<&str>,
    instansi: Option<&str>,
    oleh: Option<&str>,
) -> Result<String, GalatPerintah> {
    let isi = std::fs::read(path).map_err(|e| {
        GalatPerintah::masukan(format!("tidak dapat membaca {}: {e}", path.display()))
    })?;
    let buku = kinerja_excel::baca(&isi).map_err(|m| {
        GalatPerintah::ditolak(format!(
            "{}: {}\ntidak ada yang berubah",
            path.display(),
            kinerja_excel::uraikan(&m)
        ))
    })?;
    let pelapor: InstansiId = buku
        .instansi
        .clone()
        .ok_or_else(|| GalatPerintah::ditolak("lembar kerja tidak menyebut instansi"))?;
    if let Some(i) = instansi
        && i != pelapor.as_str()
    {
        return Err(GalatPerintah::ditolak(format!(
            "lembar kerja ini untuk instansi \"{pelapor}\", bukan \"{i}\""
        )));
    }
    let p = basis::pelaku(oleh, format!("impor {}", path.display()));
    let peringatan = buku.peringatan.clone();
    let (hasil, backend) = basis::jalan(async {
        let t = basis::buka(db).await?;
        let r = t
            .ubah_data(&pelapor, &p, |d| kinerja_excel::terapkan(d, &buku))
            .await;
        let backend = t.kolam().nama_backend();
        t.tutup().await;
        Ok::<_, GalatPerintah>((r, backend))
    })?;
    let r = hasil.map_err(|e| match e {
        GagalUbah::Ditolak(m) => GalatPerintah::ditolak(format!(
            "{}: {}\ntidak ada yang berubah",
            path.display(),
            kinerja_excel::uraikan(&m)
        )),
        GagalUbah::Toko(e) => {
            GalatPerintah::ditolak(format!("impor dibatalkan, tidak ada yang berubah: {e}"))
        }
    })?;
    let mut out = basis::hasil_impor(&pelapor, &r, backend);
    for w in peringatan {
        out.push_str(&format!("peringatan: {w}\n"));
    }
    Ok(out)
}
