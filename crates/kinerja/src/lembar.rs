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

/// A workbook in an e-SAKIP portal's layout (PK table or budget realisation): the names it holds
/// matched to ids in the database and printed; written only with `ya` and when every name
/// matched, one transaction per instansi.
pub fn impor_esakip(
    path: &Path,
    db: Option<&str>,
    ya: bool,
    oleh: Option<&str>,
) -> Result<String, GalatPerintah> {
    let isi = std::fs::read(path).map_err(|e| {
        GalatPerintah::masukan(format!("tidak dapat membaca {}: {e}", path.display()))
    })?;
    let e = kinerja_excel::baca_esakip(&isi).map_err(|m| {
        GalatPerintah::ditolak(format!(
            "{}: {}\ntidak ada yang berubah",
            path.display(),
            kinerja_excel::uraikan(&m)
        ))
    })?;
    let p = basis::pelaku(oleh, format!("impor e-SAKIP {}", path.display()));
    basis::jalan(async {
        let t = basis::buka(db).await?;
        let mut data = Vec::new();
        for id in t.daftar_pelapor().await.map_err(GalatPerintah::masukan)? {
            let d = t.muat(&id).await.map_err(GalatPerintah::masukan)?;
            data.push((id, d));
        }
        let rujukan: Vec<(InstansiId, &DataInstansi)> =
            data.iter().map(|(i, d)| (i.clone(), d)).collect();
        let peta = kinerja_excel::petakan(&e, &rujukan);
        let mut out = tabel_peta(&peta);
        let kurang = peta.iter().filter(|b| !b.lengkap()).count();
        if kurang > 0 {
            t.tutup().await;
            return Err(GalatPerintah::ditolak(format!(
                "{out}{kurang} baris {TIDAK_COCOK} dengan data: perbaiki nama di lembar kerja atau data, tidak ada yang ditulis"
            )));
        }
        if !ya {
            t.tutup().await;
            out.push_str("Belum ada yang ditulis: periksa pemetaan di atas, lalu jalankan lagi dengan --ya.\n");
            return Ok(out);
        }
        let mut pelapor: Vec<InstansiId> = peta.iter().filter_map(|b| b.opd.id.clone()).collect();
        pelapor.sort();
        pelapor.dedup();
        for id in pelapor {
            let r = t
                .ubah_data(&id, &p, |d| {
                    kinerja_excel::terapkan_esakip(d, &id, &e, &peta)
                })
                .await
                .map_err(|g| match g {
                    GagalUbah::Ditolak(m) => GalatPerintah::ditolak(format!(
                        "{id}: {}\n{id} tidak berubah",
                        kinerja_excel::uraikan(&m)
                    )),
                    GagalUbah::Toko(e) => {
                        GalatPerintah::ditolak(format!("{id}: dibatalkan, tidak berubah: {e}"))
                    }
                })?;
            out.push_str(&basis::hasil_impor(&id, &r, t.kolam().nama_backend()));
        }
        t.tutup().await;
        Ok(out)
    })
}

/// Ids first (short, they do not wrap), then the names as the workbook spells them.
fn tabel_peta(peta: &[kinerja_excel::BarisPeta]) -> String {
    fn id<I: std::fmt::Display>(c: Option<&kinerja_excel::Cocok<I>>) -> String {
        match c {
            Some(kinerja_excel::Cocok { id: Some(i), .. }) => i.to_string(),
            Some(_) => TIDAK_COCOK.into(),
            None => String::new(),
        }
    }
    let kolom = [
        crate::tampil::kiri("Sel"),
        crate::tampil::kiri("Instansi"),
        crate::tampil::kiri("Sasaran"),
        crate::tampil::kiri("Indikator"),
        crate::tampil::kiri("Nama di lembar kerja (OPD / sasaran / indikator)"),
    ];
    let baris: Vec<Vec<String>> = peta
        .iter()
        .map(|b| {
            let mut nama = vec![b.opd.nama.as_str()];
            nama.extend(b.sasaran.as_ref().map(|x| x.nama.as_str()));
            nama.extend(b.indikator.as_ref().map(|x| x.nama.as_str()));
            vec![
                b.sel.clone(),
                id(Some(&b.opd)),
                id(b.sasaran.as_ref()),
                id(b.indikator.as_ref()),
                nama.join(" / "),
            ]
        })
        .collect();
    format!(
        "Pemetaan nama ke id ({} baris):\n{}\n",
        peta.len(),
        crate::tampil::tabel(&kolom, &baris)
    )
}

const TIDAK_COCOK: &str = "(tidak cocok)";
