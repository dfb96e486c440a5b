//! The SKM report of a survey held in the data, with nothing but the data: the instansi's
//! names, the survey computed from its answer counts, the same instansi's earlier surveys
//! computed the same way (the trend), the survey's Rencana Tindak Lanjut and the previous
//! year's plan with what became of it, signed by the year's report signatory. The web serves
//! it; the CLI's `--keterangan` file is the way for a survey that is not in the data.

use super::{LaporanSkm, PeriodeSkm, TindakLanjut};
use kinerja_core::id::SurveiId;
use kinerja_core::model::{DataInstansi, SurveiSkm, TindakLanjutSkm};
use kinerja_core::skm::{HasilSkm, hasil_survei};

/// Why a survey's report cannot be composed.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum GalatLaporanSkm {
    #[error("survei \"{0}\" tidak ada")]
    TidakAda(String),
    #[error(
        "survei \"{0}\" tidak dapat dihitung: setiap unsur memerlukan jumlah jawaban atau distribusi, dengan regime yang dikenal"
    )]
    TanpaData(String),
    #[error("survei \"{0}\": {1}")]
    Hitung(String, String),
}

fn hitung(s: &SurveiSkm) -> Result<HasilSkm, GalatLaporanSkm> {
    match hasil_survei(s) {
        Some(Ok(h)) => Ok(h),
        Some(Err(e)) => Err(GalatLaporanSkm::Hitung(s.id.to_string(), e.to_string())),
        None => Err(GalatLaporanSkm::TanpaData(s.id.to_string())),
    }
}

/// A plan's rows in the report's order: by unsur, then as entered.
fn rencana(data: &DataInstansi, survei: &[&SurveiId], lalu: bool) -> Vec<TindakLanjut> {
    let mut v: Vec<&TindakLanjutSkm> = data
        .tindak_lanjut_skm
        .iter()
        .filter(|t| survei.contains(&&t.survei))
        .collect();
    v.sort_by_key(|t| t.unsur);
    v.into_iter()
        .map(|t| TindakLanjut {
            unsur: format!("U{}", t.unsur),
            kegiatan: t.kegiatan.clone(),
            jadwal: t.jadwal.clone(),
            penanggung_jawab: t.penanggung_jawab.clone(),
            // A plan of the period reported has no follow-up yet; the previous one's is printed.
            status: lalu.then(|| match &t.hasil {
                Some(h) if !h.trim().is_empty() => format!("{}: {}", t.status.label(), h.trim()),
                _ => t.status.label().to_string(),
            }),
        })
        .collect()
}

/// The report of survey `id` of `data`. `sidik` and `versi` are the caller's (the data set's
/// fingerprint and the program's version).
pub fn laporan_skm_dari_data(
    data: &DataInstansi,
    id: &SurveiId,
    sidik: String,
    versi: String,
) -> Result<LaporanSkm, GalatLaporanSkm> {
    let s = data
        .skm
        .iter()
        .find(|s| &s.id == id)
        .ok_or_else(|| GalatLaporanSkm::TidakAda(id.to_string()))?;
    let hasil = hitung(s)?;
    let instansi = data.instansi.iter().find(|i| i.id == s.instansi);
    let induk = instansi
        .and_then(|i| i.induk.as_ref())
        .and_then(|p| data.instansi.iter().find(|i| &i.id == p))
        .map(|i| i.nama.clone());
    let sebelumnya: Vec<&SurveiSkm> = data
        .skm
        .iter()
        .filter(|x| x.instansi == s.instansi && x.tahun < s.tahun)
        .collect();
    // An earlier survey that cannot be computed is left out of the trend, not guessed.
    let mut riwayat: Vec<PeriodeSkm> = sebelumnya
        .iter()
        .filter_map(|x| {
            let h = hitung(x).ok()?;
            let serumpun = sebelumnya.iter().filter(|y| y.tahun == x.tahun).count() > 1;
            Some(PeriodeSkm {
                periode: if serumpun {
                    format!("{} ({})", x.tahun, x.id)
                } else {
                    x.tahun.to_string()
                },
                tahun: x.tahun.get(),
                nik: h.nik,
                mutu: h.mutu,
                responden: h.responden,
                sumber: format!("dihitung dari data survei {}", x.id),
            })
        })
        .collect();
    riwayat.sort_by(|a, b| (a.tahun, &a.periode).cmp(&(b.tahun, &b.periode)));
    let lalu: Vec<&SurveiId> = data
        .skm
        .iter()
        .filter(|x| x.instansi == s.instansi && x.tahun.get() + 1 == s.tahun.get())
        .map(|x| &x.id)
        .collect();
    let laporan = data
        .laporan
        .iter()
        .find(|l| l.instansi == s.instansi && l.tahun == s.tahun);
    let penandatangan = laporan
        .and_then(|l| l.penandatangan.as_ref())
        .and_then(|p| data.pejabat.iter().find(|x| &x.id == p))
        .map(|p| crate::susun::tanda_tangan(p, None, None));
    Ok(LaporanSkm {
        instansi: instansi.map_or_else(|| s.instansi.to_string(), |i| i.nama.clone()),
        induk,
        unit: None,
        // The data knows the year, not the months the survey ran.
        periode: s.tahun.to_string(),
        tahun: s.tahun.get(),
        metode: None,
        hasil,
        riwayat,
        tindak_lanjut: rencana(data, &[&s.id], false),
        tindak_lanjut_lalu: rencana(data, &lalu, true),
        tempat_tanggal: None,
        penandatangan,
        sidik,
        versi,
    })
}
