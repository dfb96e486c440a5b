//! Which years a data set covers, and which one to show when none is asked for: answered here
//! once for the pages, the API and the command line.
//!
//! A year is covered when something was measured, spent, agreed or reported in it: a
//! realisasi, a budget line, a Perjanjian Kinerja or a report. Plan years alone (a Renstra
//! period, targets for later years) are not: a plan for 2021–2026 has nothing to show for 2026
//! yet.

use crate::model::DataInstansi;
use crate::waktu::Tahun;

/// The covered years, ascending, each once.
pub fn tahun(data: &DataInstansi) -> Vec<Tahun> {
    let mut v: Vec<Tahun> = data
        .realisasi
        .iter()
        .map(|r| r.tahun)
        .chain(data.anggaran.iter().map(|a| a.tahun))
        .chain(data.laporan.iter().map(|l| l.tahun))
        .chain(data.perjanjian_kinerja.iter().map(|p| p.tahun))
        .collect();
    v.sort_unstable();
    v.dedup();
    v
}

/// The year a command shows when none is asked for: the latest report's, else the latest year
/// with realisasi, else the latest with a budget. A PK alone does not choose the year: it has
/// targets but nothing measured to show.
pub fn tahun_bawaan(data: &DataInstansi) -> Option<Tahun> {
    data.laporan
        .iter()
        .map(|l| l.tahun)
        .max()
        .or_else(|| data.realisasi.iter().map(|r| r.tahun).max())
        .or_else(|| data.anggaran.iter().map(|a| a.tahun).max())
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::id::*;
    use crate::model::{Laporan, PerjanjianKinerja, Uraian};
    use crate::uji::{mumbulsari, tahun as th};

    fn laporan(t: i64) -> Laporan {
        Laporan {
            id: LaporanId::new(format!("lkjip-{t}")).unwrap(),
            instansi: InstansiId::new("mumbulsari").unwrap(),
            tahun: th(t),
            judul: "LKjIP".into(),
            tempat: None,
            tanggal: None,
            penandatangan: None,
            kata_pengantar: String::new(),
            ikhtisar: Uraian::default(),
            bagian: vec![],
            analisis: vec![],
            penutup: Uraian::default(),
            catatan: None,
        }
    }

    fn pk(t: i64) -> PerjanjianKinerja {
        PerjanjianKinerja {
            id: PkId::new(format!("pk-{t}")).unwrap(),
            instansi: InstansiId::new("mumbulsari").unwrap(),
            tahun: th(t),
            pihak_pertama: PejabatId::new("camat").unwrap(),
            pihak_kedua: PejabatId::new("bupati").unwrap(),
            tempat: None,
            tanggal: None,
            indikator: vec![],
            anggaran: vec![],
            catatan: None,
            ditandatangani: false,
            perubahan_dari: None,
            target_arsip: Vec::new(),
        }
    }

    #[test]
    fn every_kind_of_record_covers_its_year() {
        // The fixture has realisasi of 2017, 2018 and 2020 and budget lines of 2020.
        let mut d = mumbulsari();
        assert_eq!(tahun(&d), [th(2017), th(2018), th(2020)]);
        d.laporan.push(laporan(2019));
        d.perjanjian_kinerja.push(pk(2023));
        let mut pos = d.anggaran[0].clone();
        pos.tahun = th(2022);
        d.anggaran.push(pos);
        let mut r = d.realisasi[0].clone();
        r.tahun = th(2021);
        d.realisasi.push(r);
        let t: Vec<u16> = tahun(&d).iter().map(|t| t.get()).collect();
        assert_eq!(t, [2017, 2018, 2019, 2020, 2021, 2022, 2023]);
    }

    #[test]
    fn the_default_year_prefers_the_report_then_realisasi_then_budget() {
        let mut d = mumbulsari();
        let mut pos = d.anggaran[0].clone();
        pos.tahun = th(2022);
        d.anggaran.push(pos);
        d.perjanjian_kinerja.push(pk(2023));
        d.laporan.push(laporan(2019));
        // The report's 2019 wins over later realisasi (2020), budget (2022) and PK (2023).
        assert_eq!(tahun_bawaan(&d), Some(th(2019)));
        d.laporan.clear();
        assert_eq!(tahun_bawaan(&d), Some(th(2020)), "realisasi before budget");
        d.realisasi.clear();
        assert_eq!(tahun_bawaan(&d), Some(th(2022)));
        d.anggaran.clear();
        assert_eq!(tahun_bawaan(&d), None, "a PK alone chooses no year");
        assert_eq!(tahun(&d), [th(2023)], "but it is covered");
    }
}
