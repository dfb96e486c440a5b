//! Bab II Perencanaan Kinerja: the plan documents' own figures (Renstra, strategi and
//! kebijakan, RKT, Perjanjian Kinerja, IKU), each table placed after the user's section about
//! it, or under its own heading when there is none.

use super::Penyusun;
use super::sel::{Nomor, bab, baris, baris_tebal, judul, kolom, nilai, tidak_tersedia, tt};
use crate::dokumen::*;
use kinerja_core::anggaran::jumlah_perjanjian;
use kinerja_core::model::*;
use kinerja_core::pengukuran;

/// The tables of the chapter in order: (key, heading when no section of the user's names it).
const TABEL: [(&str, &str); 5] = [
    ("renstra", "A. Rencana Strategis"),
    ("strategi", "Strategi dan Kebijakan"),
    ("rkt", "B. Rencana Kinerja Tahunan"),
    ("pk", "C. Perjanjian Kinerja"),
    ("iku", "D. Indikator Kinerja Utama"),
];

impl Penyusun<'_> {
    pub(super) fn bab2(&self) -> Bab {
        let mut no = Nomor::bab("2");
        let mut sudah: Vec<&str> = Vec::new();
        let mut sisip = |kunci: &str| -> Vec<Blok> {
            let k = match kunci {
                "bab2.tujuan_sasaran" => "renstra",
                "bab2.strategi_kebijakan" => "strategi",
                "bab2.rkt" => "rkt",
                "bab2.perjanjian_kinerja" => "pk",
                "bab2.iku" => "iku",
                _ => return vec![],
            };
            sudah.push(k);
            self.tabel_bab2(k, &mut no)
        };
        let mut isi = self.narasi("bab2.", &mut sisip);
        for (k, teks) in TABEL {
            if !sudah.contains(&k) {
                isi.push(judul(1, teks));
                isi.extend(self.tabel_bab2(k, &mut no));
            }
        }
        bab("II", "PERENCANAAN KINERJA", isi)
    }

    fn tabel_bab2(&self, k: &str, no: &mut Nomor) -> Vec<Blok> {
        match k {
            "renstra" => vec![self.tabel_renstra_ringkas(no)],
            "strategi" => vec![self.tabel_strategi(no)],
            "rkt" => vec![self.tabel_rkt(no)],
            "pk" => self.tabel_pk(no),
            _ => vec![self.tabel_iku(no)],
        }
    }

    fn tabel_renstra_ringkas(&self, no: &mut Nomor) -> Blok {
        let mut b = Vec::new();
        for s in self.sasaran_urut() {
            for i in pengukuran::indikator_sasaran(&self.ix, &s.id) {
                let k = pengukuran::tingkat_kemajuan(&self.ix, i, self.tahun);
                b.push(baris(vec![
                    Sel::teks(&s.uraian),
                    Sel::teks(&i.uraian),
                    Sel::teks(i.satuan.clone().unwrap_or_default()),
                    self.target(&i.id, self.tahun, DokumenTarget::Renstra),
                    nilai(k.target_akhir.as_ref()),
                ]));
            }
        }
        let akhir = self
            .data
            .renstra
            .iter()
            .map(|r| r.tahun_akhir)
            .max()
            .map(|a| a.to_string())
            .unwrap_or_else(|| "akhir".into());
        no.tabel(
            "Sasaran, indikator dan target Renstra",
            vec![
                kolom("Sasaran", 5, false),
                kolom("Indikator", 7, false),
                kolom("Satuan", 2, false),
                kolom(&format!("Target {}", self.tahun), 2, true),
                kolom(&format!("Target {akhir}"), 2, true),
            ],
            b,
            Some("Matriks Renstra lengkap ada di Lampiran 1.".into()),
        )
    }

    fn tabel_strategi(&self, no: &mut Nomor) -> Blok {
        let b = self
            .data
            .strategi
            .iter()
            .map(|st| {
                let sasaran: Vec<String> = st
                    .sasaran
                    .iter()
                    .filter_map(|s| self.ix.sasaran(s))
                    .map(|s| s.uraian.clone())
                    .collect();
                let kebijakan: Vec<String> = self
                    .data
                    .kebijakan
                    .iter()
                    .filter(|k| k.strategi == st.id)
                    .map(|k| k.uraian.clone())
                    .collect();
                baris(vec![
                    Sel::teks(sasaran.join("; ")),
                    Sel::teks(&st.uraian),
                    if kebijakan.is_empty() {
                        tt()
                    } else {
                        Sel::teks(kebijakan.join("; "))
                    },
                ])
            })
            .collect();
        no.tabel(
            "Strategi dan kebijakan",
            vec![
                kolom("Sasaran", 5, false),
                kolom("Strategi", 5, false),
                kolom("Kebijakan", 5, false),
            ],
            b,
            None,
        )
    }

    fn tabel_rkt(&self, no: &mut Nomor) -> Blok {
        let mut b = Vec::new();
        for s in self.sasaran_urut() {
            for i in pengukuran::indikator_sasaran(&self.ix, &s.id) {
                b.push(baris(vec![
                    Sel::teks(&s.uraian),
                    Sel::teks(&i.uraian),
                    self.target(&i.id, self.tahun, DokumenTarget::Rkt),
                ]));
            }
        }
        let ada = self.data.rkt.iter().any(|r| r.tahun == self.tahun);
        no.tabel(
            &format!("Rencana Kinerja Tahunan {}", self.tahun),
            vec![
                kolom("Sasaran", 5, false),
                kolom("Indikator", 8, false),
                kolom("Target", 2, true),
            ],
            b,
            Some(if ada {
                "Program, kegiatan dan anggarannya ada di Lampiran 2.".into()
            } else {
                format!("RKT tahun {}: data tidak tersedia.", self.tahun)
            }),
        )
    }

    /// The year's Perjanjian Kinerja: its indicators and targets, then its programs and their
    /// budget when it has them (also Lampiran 3).
    pub(super) fn tabel_pk(&self, no: &mut Nomor) -> Vec<Blok> {
        let Some(pk) = self.pk() else {
            return vec![tidak_tersedia(&format!(
                "Perjanjian Kinerja tahun {}",
                self.tahun
            ))];
        };
        let b = pk
            .indikator
            .iter()
            .enumerate()
            .map(|(n, i)| {
                let sasaran = self.ix.indikator(i).and_then(|i| match &i.pemilik {
                    Pemilik::Sasaran(s) => self.ix.sasaran(s),
                    _ => None,
                });
                let target = self
                    .ix
                    .target(i, self.tahun, DokumenTarget::PerjanjianKinerja);
                baris(vec![
                    Sel::teks((n + 1).to_string()),
                    Sel::teks(sasaran.map(|s| s.uraian.clone()).unwrap_or_default()),
                    Sel::teks(
                        target
                            .and_then(|t| t.uraian.clone())
                            .unwrap_or_else(|| self.uraian_indikator(i)),
                    ),
                    nilai(target.map(|t| &t.nilai)),
                ])
            })
            .collect();
        let mut out = vec![no.tabel(
            &format!("Perjanjian Kinerja {}", self.tahun),
            vec![
                kolom("No", 1, false),
                kolom("Sasaran strategis", 5, false),
                kolom("Indikator kinerja", 7, false),
                kolom("Target", 2, true),
            ],
            b,
            None,
        )];
        if pk.anggaran.is_empty() {
            return out;
        }
        let mut b: Vec<Baris> = pk
            .anggaran
            .iter()
            .enumerate()
            .map(|(n, a)| {
                baris(vec![
                    Sel::teks((n + 1).to_string()),
                    Sel::teks(self.nama_program(&a.program)),
                    Sel::Rupiah(a.anggaran),
                    Sel::teks(a.keterangan.clone().unwrap_or_default()),
                ])
            })
            .collect();
        b.push(baris_tebal(vec![
            Sel::Kosong,
            Sel::teks("Jumlah"),
            Sel::Rupiah(jumlah_perjanjian(pk)),
            Sel::Kosong,
        ]));
        out.push(no.tabel(
            &format!(
                "Program dan anggaran dalam Perjanjian Kinerja {}",
                self.tahun
            ),
            vec![
                kolom("No", 1, false),
                kolom("Program", 8, false),
                kolom("Anggaran (Rp)", 3, true),
                kolom("Keterangan", 3, false),
            ],
            b,
            Some("Jumlah dihitung dari baris di atasnya.".into()),
        ));
        out
    }

    /// The IKU's formulasi as written; for an indicator computed by a formula, the formula
    /// after it (or alone).
    fn formulasi(&self, r: &kinerja_core::model::BarisIku) -> Sel {
        let teks = r.formulasi.teks.trim();
        let rumus = self
            .ix
            .indikator(&r.indikator)
            .and_then(|i| i.rumus.as_ref())
            .map(|x| format!("Rumus: {x}"));
        match (teks.is_empty(), rumus) {
            (true, None) => tt(),
            (false, None) => Sel::teks(teks),
            (true, Some(x)) => Sel::teks(x),
            (false, Some(x)) => Sel::teks(format!("{teks}; {x}")),
        }
    }

    /// The IKU decree in force (also Lampiran 4).
    pub(super) fn tabel_iku(&self, no: &mut Nomor) -> Blok {
        let Some(iku) = self.iku() else {
            return tidak_tersedia("Indikator Kinerja Utama");
        };
        let b = iku
            .baris
            .iter()
            .enumerate()
            .map(|(n, r)| {
                let pj = if r.penanggung_jawab.is_empty() {
                    r.penanggung_jawab_teks.clone()
                } else {
                    Some(
                        r.penanggung_jawab
                            .iter()
                            .filter_map(|u| self.data.instansi.iter().find(|i| &i.id == u))
                            .map(|i| i.nama.clone())
                            .collect::<Vec<_>>()
                            .join(", "),
                    )
                };
                baris(vec![
                    Sel::teks((n + 1).to_string()),
                    Sel::teks(r.kinerja_utama.clone().unwrap_or_default()),
                    Sel::teks(self.uraian_indikator(&r.indikator)),
                    self.formulasi(r),
                    pj.map(Sel::Teks).unwrap_or_else(tt),
                    r.sumber_data.clone().map(Sel::Teks).unwrap_or_else(tt),
                ])
            })
            .collect();
        no.tabel(
            &format!(
                "Indikator Kinerja Utama (Keputusan Nomor {})",
                iku.keputusan.nomor
            ),
            vec![
                kolom("No", 1, false),
                kolom("Kinerja utama", 4, false),
                kolom("Indikator kinerja utama", 5, false),
                kolom("Formulasi", 5, false),
                kolom("Penanggung jawab", 3, false),
                kolom("Sumber data", 3, false),
            ],
            b,
            None,
        )
    }
}
