//! `kinerja laporan --db URL --kabupaten ID --tahun N -o FOLDER`: the LKjIP of every reporting
//! instansi below a kabupaten that has data for the year, one file each (`ID.pdf`, ...), with
//! a progress bar (`kemajuan`). Each report passes the reviu gate of a single report
//! (`kinerja_laporan::susun`, `--paksa` alike); one it refuses is not written and is listed
//! with its reason at the end, the others are, and the exit status is then 1.

use crate::basis::{buka, instansi_id, jalan, pendahulu_di};
use crate::galat::GalatPerintah;
use crate::laporan::{FormatLaporan, bait, pendahulu_laporan};
use kinerja_core::angka::format_angka;
use kinerja_core::cakupan;
use kinerja_core::id::InstansiId;
use kinerja_core::model::DataInstansi;
use kinerja_core::waktu::Tahun;
use kinerja_laporan::{OpsiLaporan, susun_dengan_pendahulu};
use rust_decimal::Decimal;
use std::path::Path;

/// What the run did: the text for standard output, and whether a report was refused.
pub struct HasilBanyak {
    pub teks: String,
    pub ada_ditolak: bool,
}

/// A reporting instansi's data set with its predecessors' (`basis::pendahulu_di`).
type DataLaporan = (InstansiId, DataInstansi, Vec<(InstansiId, DataInstansi)>);

/// The reporting instansi below `kabupaten` (any depth) that have data for `tahun`
/// (`cakupan::tahun`: a realisasi, a budget line, a PK or a report), in the store's order,
/// each with its predecessors' data sets when a reorganisation formed it.
fn muat_bawahan(
    db: Option<&str>,
    kabupaten: &str,
    tahun: Tahun,
) -> Result<Vec<DataLaporan>, GalatPerintah> {
    let id = instansi_id(kabupaten)?;
    jalan(async {
        let t = buka(db).await?;
        let hasil = async {
            let semua = t.daftar_instansi().await.map_err(GalatPerintah::masukan)?;
            if !semua.iter().any(|i| i.id == id) {
                return Err(GalatPerintah::masukan(format!(
                    "--kabupaten: instansi \"{id}\" tidak ada di basis data"
                )));
            }
            let bawah = kinerja_core::hierarki::keturunan(&semua, &id);
            let mut v = Vec::new();
            for p in t.daftar_pelapor().await.map_err(GalatPerintah::masukan)? {
                if bawah.iter().any(|i| i.id == p) {
                    let d = t.muat(&p).await.map_err(GalatPerintah::masukan)?;
                    if cakupan::tahun(&d).contains(&tahun) {
                        let pendahulu = pendahulu_di(&t, &d, &p).await?;
                        v.push((p, d, pendahulu));
                    }
                }
            }
            Ok(v)
        }
        .await;
        t.tutup().await;
        hasil
    })
}

#[allow(clippy::too_many_arguments)]
pub fn jalankan(
    db: Option<&str>,
    kabupaten: &str,
    tahun: Option<u16>,
    format: FormatLaporan,
    arsip: bool,
    keluaran: &Path,
    opsi: &OpsiLaporan,
    diam: bool,
) -> Result<HasilBanyak, GalatPerintah> {
    if arsip && format != FormatLaporan::Pdf {
        return Err(GalatPerintah::masukan(
            "--arsip hanya untuk --format pdf (PDF/A-2a)",
        ));
    }
    let tahun = tahun
        .ok_or_else(|| GalatPerintah::masukan("--kabupaten perlu --tahun"))
        .and_then(|t| Tahun::new(i64::from(t)).map_err(GalatPerintah::masukan))?;
    let data = muat_bawahan(db, kabupaten, tahun)?;
    std::fs::create_dir_all(keluaran).map_err(|e| {
        GalatPerintah::masukan(format!(
            "tidak dapat membuat folder {}: {e}",
            keluaran.display()
        ))
    })?;
    let bar = crate::kemajuan::batang(data.len(), "laporan", diam);
    let mut teks = String::new();
    let mut ditolak: Vec<(&InstansiId, String)> = Vec::new();
    let mut ditulis = 0;
    for (id, d, pendahulu) in &data {
        bar.set_message(id.to_string());
        let hasil = susun_dengan_pendahulu(d, &pendahulu_laporan(pendahulu), tahun, opsi)
            .map_err(|e| e.to_string())
            .and_then(|dok| {
                bait(&dok, format, arsip)
                    .map(|isi| (dok, isi))
                    .map_err(|e| e.to_string())
            });
        match hasil {
            Ok((dok, isi)) => {
                let berkas = keluaran.join(format!("{id}.{}", format.akhiran()));
                std::fs::write(&berkas, &isi).map_err(|e| {
                    bar.abandon();
                    GalatPerintah::masukan(format!(
                        "{teks}tidak dapat menulis {}: {e}",
                        berkas.display()
                    ))
                })?;
                teks.push_str(&format!(
                    "{id}: {} ({} bait, sidik data {})\n",
                    berkas.display(),
                    format_angka(Decimal::from(isi.len()), 0),
                    dok.sidik
                ));
                ditulis += 1;
            }
            Err(e) => ditolak.push((id, e)),
        }
        bar.inc(1);
    }
    bar.finish_and_clear();
    teks.push_str(&format!(
        "{ditulis} laporan tahun {} ditulis ke {}",
        tahun.get(),
        keluaran.display()
    ));
    if ditolak.is_empty() {
        teks.push_str(".\n");
    } else {
        teks.push_str(&format!("; {} ditolak dan tidak ditulis:\n", ditolak.len()));
        for (id, alasan) in &ditolak {
            teks.push_str(&format!("- {id}: {alasan}\n"));
        }
    }
    Ok(HasilBanyak {
        teks,
        ada_ditolak: !ditolak.is_empty(),
    })
}
