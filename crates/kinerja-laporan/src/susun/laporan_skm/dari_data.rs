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

#[cfg(test)]
mod tests {
    use super::*;
    use kinerja_core::id::{InstansiId, TindakLanjutId};
    use kinerja_core::model::{Instansi, JenisInstansi, StatusTindakLanjut, UnsurSkm};
    use kinerja_core::waktu::Tahun;
    use rust_decimal::Decimal;

    fn dec(n: i64) -> Decimal {
        Decimal::from(n)
    }

    /// A 9-unsur survey of 4 respondents per unsur answering `j` (1-4) each: NRR = j on every
    /// unsur, so the NIK is 25 x j (3 -> 75, 4 -> 100). `None`: an unsur without counts.
    fn survei(id: &str, tahun: i64, j: Option<usize>) -> SurveiSkm {
        SurveiSkm {
            id: SurveiId::new(id).unwrap(),
            instansi: InstansiId::new("kec").unwrap(),
            tahun: Tahun::new(tahun).unwrap(),
            regime: "permenpanrb-14-2017".into(),
            indikator: None,
            responden: Some(4),
            populasi: None,
            unsur: (1..=9)
                .map(|nomor| UnsurSkm {
                    nomor,
                    nama: format!("Unsur {nomor}"),
                    jumlah: j.map(|j| {
                        let mut x = [0; 4];
                        x[j - 1] = 4;
                        x
                    }),
                    distribusi: None,
                })
                .collect(),
            catatan: None,
        }
    }

    fn rtl(id: &str, survei: &str, unsur: u32, status: StatusTindakLanjut) -> TindakLanjutSkm {
        TindakLanjutSkm {
            id: TindakLanjutId::new(id).unwrap(),
            survei: SurveiId::new(survei).unwrap(),
            unsur,
            kegiatan: format!("kegiatan {id}"),
            jadwal: "Triwulan I".into(),
            penanggung_jawab: "Seksi".into(),
            status,
            hasil: (status == StatusTindakLanjut::Selesai).then(|| "sudah".into()),
        }
    }

    fn data() -> DataInstansi {
        DataInstansi {
            instansi: vec![Instansi {
                id: InstansiId::new("kec").unwrap(),
                nama: "Kecamatan Contoh".into(),
                jenis: JenisInstansi::Kecamatan,
                induk: None,
                kode: None,
                alamat: None,
                catatan: None,
            }],
            skm: vec![
                survei("s2024", 2024, Some(4)),
                survei("s2023-ktp", 2023, Some(3)),
                survei("s2023-kk", 2023, Some(4)),
                // Counts missing: left out of the trend rather than guessed.
                survei("s2022", 2022, None),
            ],
            tindak_lanjut_skm: vec![
                rtl("b", "s2024", 9, StatusTindakLanjut::Rencana),
                rtl("a", "s2024", 2, StatusTindakLanjut::Rencana),
                rtl("lalu", "s2023-ktp", 5, StatusTindakLanjut::Selesai),
                rtl("lama", "s2022", 1, StatusTindakLanjut::Berjalan),
            ],
            ..Default::default()
        }
    }

    fn id(s: &str) -> SurveiId {
        SurveiId::new(s).unwrap()
    }

    #[test]
    fn the_trend_the_plan_and_last_years_follow_up_come_from_the_data() {
        let l = laporan_skm_dari_data(&data(), &id("s2024"), "x".into(), "v".into()).unwrap();
        assert_eq!(l.instansi, "Kecamatan Contoh");
        assert_eq!(l.hasil.nik, dec(100));
        // Two surveys in 2023 are told apart by their ids; 2022's cannot be computed.
        let r: Vec<(&str, Decimal)> = l
            .riwayat
            .iter()
            .map(|p| (p.periode.as_str(), p.nik))
            .collect();
        assert_eq!(
            r,
            [("2023 (s2023-kk)", dec(100)), ("2023 (s2023-ktp)", dec(75))]
        );
        // This year's plan by unsur, without a status; last year's with what became of it.
        let ini: Vec<(&str, Option<&str>)> = l
            .tindak_lanjut
            .iter()
            .map(|t| (t.unsur.as_str(), t.status.as_deref()))
            .collect();
        assert_eq!(ini, [("U2", None), ("U9", None)]);
        let lalu: Vec<&str> = l
            .tindak_lanjut_lalu
            .iter()
            .filter_map(|t| t.status.as_deref())
            .collect();
        assert_eq!(lalu, ["selesai: sudah"]);
    }

    #[test]
    fn an_unknown_or_uncomputable_survey_is_said_so() {
        let d = data();
        assert_eq!(
            laporan_skm_dari_data(&d, &id("tidak"), "x".into(), "v".into()).unwrap_err(),
            GalatLaporanSkm::TidakAda("tidak".into())
        );
        assert_eq!(
            laporan_skm_dari_data(&d, &id("s2022"), "x".into(), "v".into()).unwrap_err(),
            GalatLaporanSkm::TanpaData("s2022".into())
        );
    }
}
