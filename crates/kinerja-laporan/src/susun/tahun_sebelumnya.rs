//! Bab III part B.b, "Perbandingan dengan tahun-tahun sebelumnya": each indicator's realisasi
//! of every year of the history. An instansi formed by a reorganisation (merge, split,
//! renaming) reads the years before it began from its predecessors' data sets
//! (`kinerja_core::reorganisasi::riwayat_indikator`, rolled up the way the indicator declares),
//! as its dashboard does, and the table's note says whose figure each such year is; a
//! predecessor whose data set was not given is named as absent, never counted.

use super::sel::{CATATAN_TT, Nomor, angka, baris, blok_grafik, capaian, judul, kolom, nilai, tt};
use super::{Pendahulu, Penyusun};
use crate::dokumen::*;
use kinerja_core::id::InstansiId;
use kinerja_core::model::*;
use kinerja_core::pengukuran;
use kinerja_core::reorganisasi::{self, TitikRiwayat};
use kinerja_core::waktu::Tahun;
use kinerja_grafik as grafik;
use rust_decimal::Decimal;

/// One year of one indicator's row: the cell, and the figures the trend chart draws.
struct Tahunan {
    sel: Sel,
    realisasi: Option<Decimal>,
    target: Option<Decimal>,
    /// Whose figure it is, when it is not the instansi's own.
    asal: Option<String>,
}

impl Penyusun<'_> {
    /// The instansi's data set or a given predecessor's, by id.
    fn data_dari(&self, id: &InstansiId) -> Option<&DataInstansi> {
        if id == &self.laporan.instansi {
            return Some(self.data);
        }
        self.pendahulu
            .iter()
            .find(|p: &&Pendahulu| p.id == id)
            .map(|p| p.data)
    }

    fn nama_instansi(&self, id: &InstansiId) -> String {
        self.data
            .instansi
            .iter()
            .chain(self.pendahulu.iter().flat_map(|p| p.data.instansi.iter()))
            .find(|i| &i.id == id)
            .map_or_else(|| id.to_string(), |i| i.nama.clone())
    }

    /// The years of the table: the Renstra's (or the last five) up to the report's year, and
    /// for an instansi a reorganisation formed, from the first year its predecessors measured
    /// (at most `reorganisasi::BATAS_TAHUN` years).
    fn tahun_perbandingan(&self, pertama: Option<&Vec<pengukuran::TahunRiwayat>>) -> Vec<Tahun> {
        let mut tahun: Vec<Tahun> = pertama
            .map(|r| r.iter().map(|t| t.tahun).collect())
            .unwrap_or_default();
        tahun.extend(reorganisasi::tahun_riwayat(
            &self.data.reorganisasi,
            &self.laporan.instansi,
            self.tahun,
            |i| self.data_dari(i),
        ));
        tahun.sort();
        tahun.dedup();
        tahun
    }

    /// One indicator's years: its own figure from the year the instansi began, before that its
    /// predecessors' (`TitikRiwayat`).
    fn tahunan(
        &self,
        ind: &Indikator,
        sendiri: &[pengukuran::TahunRiwayat],
        tahun: &[Tahun],
    ) -> Vec<Tahunan> {
        let id = &self.laporan.instansi;
        let reorg = &self.data.reorganisasi;
        tahun
            .iter()
            .map(|&t| {
                if reorganisasi::sumber_pada(reorg, id, t).as_slice() == std::slice::from_ref(id) {
                    let r = sendiri.iter().find(|r| r.tahun == t);
                    let realisasi = r.and_then(|r| r.realisasi.as_ref());
                    return Tahunan {
                        sel: nilai(realisasi.map(|x| &x.nilai)),
                        realisasi: realisasi.and_then(|x| x.nilai.angka_setara()),
                        target: r
                            .and_then(|r| r.target.as_ref())
                            .and_then(|x| x.angka_setara()),
                        asal: None,
                    };
                }
                let titik: Option<TitikRiwayat> =
                    reorganisasi::riwayat_indikator(reorg, id, ind.id.as_str(), &[t], |i| {
                        self.data_dari(i)
                    })
                    .pop();
                let nilai = titik.as_ref().and_then(|x| x.rekap.nilai.ok());
                Tahunan {
                    // Printed as the instansi's own figure of the indicator prints: a formula's
                    // computed realisasi as a number with two decimals, a typed percentage as
                    // a percentage.
                    sel: match nilai {
                        Some(v)
                            if ind.rumus.is_none()
                                && ind.satuan.as_deref().map(str::trim) == Some("%") =>
                        {
                            Sel::Persen(v)
                        }
                        Some(v) => angka(v),
                        None => tt(),
                    },
                    realisasi: nilai,
                    // The predecessors' targets were theirs, not this instansi's.
                    target: None,
                    asal: titik.and_then(|x| x.keterangan(|i| self.nama_instansi(i))),
                }
            })
            .collect()
    }

    /// Part b: realisasi of every year of the history, and a trend chart when there is a trend.
    pub(super) fn tahun_sebelumnya(
        &self,
        n: usize,
        inds: &[&Indikator],
        no: &mut Nomor,
    ) -> Vec<Blok> {
        let mut isi = vec![judul(3, "b. Perbandingan dengan tahun-tahun sebelumnya")];
        // Each indicator's own history, once: its years, cells and this year's capaian.
        let sendiri: Vec<Vec<pengukuran::TahunRiwayat>> = inds
            .iter()
            .map(|i| pengukuran::riwayat(&self.ix, i, self.tahun))
            .collect();
        let tahun = self.tahun_perbandingan(sendiri.first());
        let baris_ind: Vec<(&Indikator, Vec<Tahunan>)> = inds
            .iter()
            .zip(&sendiri)
            .map(|(i, r)| (*i, self.tahunan(i, r, &tahun)))
            .collect();
        let mut kol = vec![kolom("Indikator", 6, false)];
        for t in &tahun {
            kol.push(kolom(&format!("Realisasi {t}"), 2, true));
        }
        kol.push(kolom("Capaian tahun ini", 2, true));
        let b = baris_ind
            .iter()
            .zip(&sendiri)
            .map(|((ind, th), r)| {
                let mut sel = vec![Sel::teks(&ind.uraian)];
                sel.extend(th.iter().map(|t| t.sel.clone()));
                sel.push(r.last().map(|t| capaian(&t.capaian)).unwrap_or_else(tt));
                baris(sel)
            })
            .collect();
        let mut catatan =
            format!("Realisasi tiap tahun dibandingkan dengan target tahun itu. {CATATAN_TT}");
        catatan.push_str(&self.catatan_asal(&tahun, &baris_ind));
        isi.push(no.tabel(
            &format!("Realisasi sasaran {n} dari tahun ke tahun"),
            kol,
            b,
            Some(catatan),
        ));
        let seri: Vec<grafik::Seri> = baris_ind
            .iter()
            .map(|(ind, th)| grafik::Seri {
                nama: ind.uraian.clone(),
                realisasi: th.iter().map(|t| t.realisasi).collect(),
                target: th.iter().map(|t| t.target).collect(),
            })
            .collect();
        if seri
            .iter()
            .any(|s| s.realisasi.iter().filter(|x| x.is_some()).count() > 1)
        {
            let judul = format!("Tren realisasi sasaran {n}");
            isi.push(blok_grafik(
                judul.clone(),
                grafik::tren(
                    &judul,
                    &tahun.iter().map(|t| t.get()).collect::<Vec<_>>(),
                    &seri,
                ),
            ));
        }
        isi
    }

    /// Whose figures the years before a reorganisation are: one sentence per year when every
    /// indicator's figure has the same source, else one per indicator.
    fn catatan_asal(&self, tahun: &[Tahun], baris: &[(&Indikator, Vec<Tahunan>)]) -> String {
        let mut teks = String::new();
        for (k, t) in tahun.iter().enumerate() {
            let asal: Vec<(&Indikator, &String)> = baris
                .iter()
                .filter_map(|(ind, th)| th.get(k)?.asal.as_ref().map(|a| (*ind, a)))
                .collect();
            match asal.as_slice() {
                [] => {}
                [(_, a), rest @ ..] if rest.iter().all(|(_, b)| b == a) => {
                    teks.push_str(&format!(" Realisasi {t}: {a}."));
                }
                semua => {
                    for (ind, a) in semua {
                        teks.push_str(&format!(" Realisasi {t} {}: {a}.", ind.uraian));
                    }
                }
            }
        }
        teks
    }
}
