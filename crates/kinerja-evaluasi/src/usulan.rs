//! Answers proposed from the data: a criterion that names a check (`usulan = "..."`) gets the
//! share of the check's items the data meets, mapped onto its scale (`usulan_bila`), with the
//! reasons and the documents as evidence. A proposal never changes a score: the evaluator
//! confirms or overrides it, and an override keeps the proposal beside it.
//!
//! Everything here reads the data set only; what needs I/O (the reviu's open errors) is an input.

use crate::lke::{Cek, Kriteria, Lke};
use kinerja_core::model::{Bukti, DataInstansi, StatusTindakLanjut};
use kinerja_core::waktu::{Periode, Tahun};
use std::collections::BTreeSet;

/// What the caller knows that the data set does not hold.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct KonteksUsulan {
    /// Open `galat` findings of the year's reviu (`kinerja-reviu`), when it was run.
    pub galat_reviu_terbuka: Option<usize>,
}

#[derive(Debug, Clone, PartialEq)]
pub struct Usulan {
    pub kriteria: String,
    pub cek: Cek,
    /// Items met, of `dari`.
    pub ya: u32,
    pub dari: u32,
    /// The proposed code; `None` when the data cannot say (nothing to look at).
    pub jawaban: Option<String>,
    pub alasan: Vec<String>,
    pub bukti: Vec<Bukti>,
}

/// The proposals for every criterion of `lke` that names a check, for year `tahun`.
pub fn usulkan(lke: &Lke, data: &DataInstansi, tahun: Tahun, k: &KonteksUsulan) -> Vec<Usulan> {
    lke.semua_kriteria()
        .filter_map(|(_, _, c)| c.usulan.map(|cek| usul(lke, c, cek, data, tahun, k)))
        .collect()
}

struct Hitung {
    ya: u32,
    dari: u32,
    alasan: Vec<String>,
    bukti: Vec<Bukti>,
}

impl Hitung {
    fn new() -> Hitung {
        Hitung {
            ya: 0,
            dari: 0,
            alasan: Vec::new(),
            bukti: Vec::new(),
        }
    }
    fn butir(&mut self, terpenuhi: bool, alasan: String) {
        self.dari += 1;
        if terpenuhi {
            self.ya += 1;
        }
        self.alasan.push(format!(
            "{} {alasan}",
            if terpenuhi { "[v]" } else { "[x]" }
        ));
    }
    fn dokumen(&mut self, tabel: &str, id: impl std::fmt::Display) {
        self.bukti.push(Bukti::Dokumen(format!("{tabel}/{id}")));
    }
}

fn usul(
    lke: &Lke,
    c: &Kriteria,
    cek: Cek,
    d: &DataInstansi,
    tahun: Tahun,
    k: &KonteksUsulan,
) -> Usulan {
    let t = tahun.get();
    let mut h = Hitung::new();
    match cek {
        Cek::RenstraDisetujui => {
            match d
                .renstra
                .iter()
                .find(|r| r.tahun_awal.get() <= t && t <= r.tahun_akhir.get())
            {
                None => h.butir(false, format!("tidak ada Renstra yang mencakup tahun {t}")),
                Some(r) => {
                    h.dokumen("renstra", &r.id);
                    h.butir(
                        true,
                        format!(
                            "Renstra {}-{} mencakup tahun {t}",
                            r.tahun_awal.get(),
                            r.tahun_akhir.get()
                        ),
                    );
                    match &r.dasar {
                        Some(kep) if !kep.nomor.trim().is_empty() => {
                            h.butir(true, format!("ditetapkan dengan {}", kep.nomor))
                        }
                        _ => h.butir(false, "dasar penetapan Renstra tidak tercatat".into()),
                    }
                }
            }
        }
        Cek::RktTersedia => match d.rkt.iter().find(|r| r.tahun == tahun) {
            Some(r) => {
                h.dokumen("rkt", &r.id);
                h.butir(true, format!("RKT tahun {t} tersedia"));
            }
            None => h.butir(false, format!("tidak ada RKT tahun {t}")),
        },
        Cek::PkDitandatangani => match d.perjanjian_kinerja.iter().find(|p| p.tahun == tahun) {
            None => h.butir(false, format!("tidak ada Perjanjian Kinerja tahun {t}")),
            Some(pk) => {
                h.dokumen("perjanjian_kinerja", &pk.id);
                for (peran, id) in [("pertama", &pk.pihak_pertama), ("kedua", &pk.pihak_kedua)] {
                    match d.pejabat.iter().find(|p| &p.id == id) {
                        Some(p) => {
                            h.butir(true, format!("pihak {peran}: {}, {}", p.nama, p.jabatan))
                        }
                        None => h.butir(false, format!("pihak {peran} \"{id}\" tidak tercatat")),
                    }
                }
                match pk.tanggal {
                    None => {
                        h.butir(false, "tanggal penandatanganan tidak tercatat".into());
                    }
                    Some(tg) => {
                        let tepat = tg.tahun < tahun
                            || (tg.tahun == tahun && tg.bulan <= lke.batas_bulan_pk);
                        h.butir(
                            tepat,
                            format!(
                                "ditandatangani {} ({} batas bulan ke-{} tahun {t})",
                                tg,
                                if tepat { "dalam" } else { "melewati" },
                                lke.batas_bulan_pk
                            ),
                        );
                    }
                }
            }
        },
        Cek::IkuLengkap => {
            // The IKU in force: the latest decree dated in or before the year, else an undated one.
            let berlaku = d
                .iku
                .iter()
                .filter(|i| i.keputusan.tanggal.is_some_and(|tg| tg.tahun <= tahun))
                .max_by_key(|i| i.keputusan.tanggal)
                .or_else(|| d.iku.iter().find(|i| i.keputusan.tanggal.is_none()));
            match berlaku {
                None => h.butir(
                    false,
                    format!("tidak ada keputusan IKU yang berlaku tahun {t}"),
                ),
                Some(iku) => {
                    h.dokumen("iku", &iku.id);
                    if iku.baris.is_empty() {
                        h.butir(
                            false,
                            format!("IKU {} tanpa baris indikator", iku.keputusan.nomor),
                        );
                    }
                    for b in &iku.baris {
                        let ind = b.indikator.as_str();
                        h.butir(
                            !b.formulasi.teks.trim().is_empty(),
                            format!("IKU {ind}: formulasi"),
                        );
                        h.butir(
                            !b.penanggung_jawab.is_empty()
                                || b.penanggung_jawab_teks
                                    .as_ref()
                                    .is_some_and(|x| !x.trim().is_empty()),
                            format!("IKU {ind}: penanggung jawab"),
                        );
                        h.butir(
                            b.sumber_data.as_ref().is_some_and(|x| !x.trim().is_empty()),
                            format!("IKU {ind}: sumber data"),
                        );
                    }
                }
            }
        }
        Cek::RealisasiTriwulan => {
            let pk = d.perjanjian_kinerja.iter().find(|p| p.tahun == tahun);
            let indikator: BTreeSet<&str> = match pk {
                Some(pk) => {
                    h.dokumen("perjanjian_kinerja", &pk.id);
                    pk.indikator.iter().map(|i| i.as_str()).collect()
                }
                None => d
                    .target
                    .iter()
                    .filter(|x| x.tahun == tahun)
                    .map(|x| x.indikator.as_str())
                    .collect(),
            };
            if indikator.is_empty() {
                h.butir(false, format!("tidak ada indikator bertarget tahun {t}"));
            }
            for ind in indikator {
                for p in Periode::TRIWULAN {
                    let ada = d
                        .realisasi
                        .iter()
                        .any(|r| r.tahun == tahun && r.periode == p && r.indikator.as_str() == ind);
                    h.butir(ada, format!("realisasi {ind} {}", p.label()));
                }
            }
        }
        Cek::LkjipTerbit => match d.laporan.iter().find(|l| l.tahun == tahun) {
            None => h.butir(false, format!("tidak ada Laporan Kinerja tahun {t}")),
            Some(l) => {
                h.dokumen("laporan", &l.id);
                h.butir(
                    l.tanggal.is_some(),
                    match l.tanggal {
                        Some(tg) => format!("Laporan Kinerja bertanggal {}", tg),
                        None => "tanggal Laporan Kinerja tidak tercatat".into(),
                    },
                );
                h.butir(
                    l.penandatangan.is_some(),
                    if l.penandatangan.is_some() {
                        "Laporan Kinerja ditandatangani".into()
                    } else {
                        "penandatangan Laporan Kinerja tidak tercatat".into()
                    },
                );
                match k.galat_reviu_terbuka {
                    Some(0) => h.butir(true, "reviu tanpa galat terbuka".into()),
                    Some(n) => h.butir(false, format!("reviu masih mencatat {n} galat terbuka")),
                    None => h
                        .alasan
                        .push("hasil reviu tidak diberikan: tidak dinilai".into()),
                }
            }
        },
        Cek::RekomendasiDitindaklanjuti => {
            let lalu = t - 1;
            for j in d
                .jawaban_evaluasi
                .iter()
                .filter(|j| j.tahun.get() == lalu && j.rekomendasi.is_some())
            {
                let status = j.tindak_lanjut.as_ref().map(|x| x.status);
                let label = match status {
                    Some(StatusTindakLanjut::Selesai) => "selesai",
                    Some(StatusTindakLanjut::Berjalan) => "dalam proses",
                    Some(StatusTindakLanjut::TidakDilaksanakan) => "tidak dilaksanakan",
                    Some(StatusTindakLanjut::Rencana) | None => "belum ditindaklanjuti",
                };
                h.butir(
                    status == Some(StatusTindakLanjut::Selesai),
                    format!("rekomendasi {lalu} kriteria {}: {label}", j.kriteria),
                );
            }
            if h.dari == 0 {
                h.alasan.push(format!(
                    "tidak ada rekomendasi evaluasi tahun {lalu} dalam data"
                ));
            }
        }
    }
    let skala = lke.skala_kriteria(c);
    let jawaban = (h.dari > 0).then(|| {
        skala
            .pilihan
            .iter()
            .find(|p| p.usulan_bila.is_some_and(|a| a.terpenuhi(h.ya, h.dari)))
            .or(skala.pilihan.last())
            .map(|p| p.kode.clone())
            .unwrap_or_default()
    });
    Usulan {
        kriteria: c.id.clone(),
        cek,
        ya: h.ya,
        dari: h.dari,
        jawaban,
        alasan: h.alasan,
        bukti: h.bukti,
    }
}
