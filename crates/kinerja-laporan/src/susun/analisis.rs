//! Bab III part B, per sasaran: the year's capaian, the SKM behind an indicator, the years
//! before, the end of the Renstra, the national figure, the user's analysis, capaian beside
//! serapan, and the supporting programs' input and output indicators.

use super::Penyusun;
use super::sel::{
    CATATAN_TT, Nomor, angka, baris, baris_tebal, capaian, judul, kolom, kolom_serapan, nilai,
    paragraf, persen, predikat, sel_serapan, tidak_tersedia, tt,
};
use crate::dokumen::*;
use kinerja_core::model::*;
use kinerja_core::pengukuran;

impl Penyusun<'_> {
    pub(super) fn analisis_sasaran(&self, n: usize, s: &Sasaran, no: &mut Nomor) -> Vec<Blok> {
        let mut isi = vec![judul(2, format!("{n}. Sasaran {n}: {}", s.uraian))];
        let inds = pengukuran::indikator_sasaran(&self.ix, &s.id);
        if inds.is_empty() {
            isi.push(tidak_tersedia("Indikator sasaran"));
            return isi;
        }
        isi.extend(self.capaian_tahun_ini(n, s, no));
        isi.extend(self.skm_sasaran(&inds, no));
        isi.extend(self.tahun_sebelumnya(n, &inds, no));
        isi.extend(self.kemajuan_renstra(n, &inds, no));
        isi.extend(self.nasional(n, &inds, no));
        isi.push(judul(
            3,
            "e. Analisis penyebab keberhasilan atau kegagalan dan langkah yang diambil",
        ));
        let mut analisis = self
            .laporan
            .analisis
            .iter()
            .filter(|a| a.sasaran == s.id)
            .peekable();
        if analisis.peek().is_none() {
            isi.push(tidak_tersedia("Analisis"));
        }
        isi.extend(analisis.flat_map(|a| paragraf(&a.teks)));
        isi.extend(self.efisiensi(n, s, no));
        isi.extend(self.program_pendukung(n, s, no));
        isi
    }

    /// Part a: the sasaran's rows of the year's measurement, and its average.
    pub(super) fn capaian_tahun_ini(&self, n: usize, s: &Sasaran, no: &mut Nomor) -> Vec<Blok> {
        let mut b: Vec<Baris> = self
            .pengukuran
            .baris
            .iter()
            .filter(|r| r.sasaran == s.id)
            .map(|r| {
                baris(vec![
                    Sel::teks(self.uraian_indikator(&r.indikator)),
                    nilai(r.target.as_ref()),
                    nilai(r.realisasi.as_ref().map(|x| &x.nilai)),
                    capaian(&r.capaian),
                    predikat(r.predikat.as_ref()),
                ])
            })
            .collect();
        if let Some(cs) = self.pengukuran.sasaran.iter().find(|c| c.sasaran == s.id) {
            b.push(baris_tebal(vec![
                Sel::teks("Capaian sasaran (rata-rata)"),
                Sel::Kosong,
                Sel::Kosong,
                persen(cs.capaian),
                predikat(cs.predikat.as_ref()),
            ]));
        }
        vec![
            judul(
                3,
                format!("a. Target, realisasi dan capaian tahun {}", self.tahun),
            ),
            no.tabel(
                &format!("Capaian sasaran {n} tahun {}", self.tahun),
                vec![
                    kolom("Indikator", 7, false),
                    kolom("Target", 2, true),
                    kolom("Realisasi", 2, true),
                    kolom("Capaian", 2, true),
                    kolom("Predikat", 2, false),
                ],
                b,
                None,
            ),
        ]
    }

    /// Part c: tingkat kemajuan against the Renstra's final target; where a kondisi awal is
    /// recorded, also the progress from it.
    pub(super) fn kemajuan_renstra(
        &self,
        n: usize,
        inds: &[&Indikator],
        no: &mut Nomor,
    ) -> Vec<Blok> {
        let awal = inds.iter().any(|i| i.kondisi_awal.is_some());
        let b = inds
            .iter()
            .map(|i| {
                let k = pengukuran::tingkat_kemajuan(&self.ix, i, self.tahun);
                let mut sel = vec![
                    Sel::teks(&i.uraian),
                    k.tahun_akhir
                        .map(|t| Sel::teks(t.to_string()))
                        .unwrap_or_else(tt),
                ];
                if awal {
                    sel.push(nilai(k.kondisi_awal.as_ref()));
                }
                sel.extend([
                    nilai(k.target_akhir.as_ref()),
                    nilai(k.realisasi.as_ref().map(|r| &r.nilai)),
                    capaian(&k.kemajuan),
                ]);
                if awal {
                    sel.push(capaian(&k.kemajuan_awal));
                }
                baris(sel)
            })
            .collect();
        let mut kol = vec![kolom("Indikator", 7, false), kolom("Tahun akhir", 2, true)];
        if awal {
            kol.push(kolom("Kondisi awal", 2, true));
        }
        kol.extend([
            kolom("Target akhir", 2, true),
            kolom(&format!("Realisasi {}", self.tahun), 2, true),
            kolom("Tingkat kemajuan", 2, true),
        ]);
        // A pemda's medium-term plan is its RPJMD.
        let rencana = DokumenTarget::Renstra.label_rencana(self.data.rpjmd());
        let mut catatan = format!(
            "Tingkat kemajuan = realisasi tahun ini dibanding target akhir {rencana}, dengan rumus capaian sesuai polaritas."
        );
        if awal {
            kol.push(kolom("Kemajuan dari kondisi awal", 2, true));
            catatan.push_str(" Kemajuan dari kondisi awal = (realisasi - kondisi awal) / (target akhir - kondisi awal) x 100: bagian perubahan yang direncanakan yang sudah dicapai (negatif bila menjauh dari target; tidak tersedia bila target akhir sama dengan kondisi awal).");
        }
        vec![
            judul(3, format!("c. Perbandingan dengan target akhir {rencana}")),
            no.tabel(
                &format!("Tingkat kemajuan sasaran {n} terhadap target akhir {rencana}"),
                kol,
                b,
                Some(catatan),
            ),
        ]
    }

    /// Part d: the year's realisasi beside the national figure.
    fn nasional(&self, n: usize, inds: &[&Indikator], no: &mut Nomor) -> Vec<Blok> {
        let b = inds
            .iter()
            .map(|i| {
                let p = pengukuran::bandingkan(&self.ix, i, self.tahun, "nasional");
                let ket = match p.lebih_baik {
                    Some(true) => Sel::teks("lebih baik"),
                    Some(false) => Sel::teks("lebih rendah"),
                    None if p.pembanding.is_some() && p.selisih.is_some() => Sel::teks("setara"),
                    None => tt(),
                };
                baris(vec![
                    Sel::teks(&i.uraian),
                    nilai(p.realisasi.as_ref()),
                    nilai(p.pembanding.as_ref()),
                    p.selisih.map(angka).unwrap_or_else(tt),
                    ket,
                ])
            })
            .collect();
        vec![
            judul(3, "d. Perbandingan dengan angka nasional"),
            no.tabel(
                &format!("Realisasi sasaran {n} dibanding angka nasional"),
                vec![
                    kolom("Indikator", 7, false),
                    kolom(&format!("Realisasi {}", self.tahun), 2, true),
                    kolom("Nasional", 2, true),
                    kolom("Selisih", 2, true),
                    kolom("Keterangan", 2, false),
                ],
                b,
                None,
            ),
        ]
    }

    /// Part f: capaian beside the serapan of the supporting programs.
    fn efisiensi(&self, n: usize, s: &Sasaran, no: &mut Nomor) -> Vec<Blok> {
        let mut isi = vec![judul(3, "f. Efisiensi penggunaan sumber daya")];
        let cs = self
            .pengukuran
            .sasaran
            .iter()
            .find(|c| c.sasaran == s.id)
            .and_then(|c| c.capaian);
        let b: Vec<Baris> = self
            .anggaran
            .sasaran
            .iter()
            .filter(|a| a.sasaran.as_ref() == Some(&s.id))
            .flat_map(|a| a.program.iter())
            .filter_map(|p| self.anggaran.program.iter().find(|x| &x.program == p))
            .map(|p| {
                let mut sel = sel_serapan(
                    vec![Sel::teks(self.nama_program(&p.program))],
                    &p.serapan,
                    None,
                );
                sel.push(persen(cs));
                baris(sel)
            })
            .collect();
        if b.is_empty() {
            isi.push(tidak_tersedia(
                "Program beranggaran yang mendukung sasaran ini",
            ));
            return isi;
        }
        let mut kol = kolom_serapan(vec![kolom("Program", 6, false)], false);
        kol.push(kolom("Capaian sasaran", 2, true));
        isi.push(no.tabel(
            &format!("Capaian sasaran {n} dan serapan anggaran program pendukungnya"),
            kol,
            b,
            Some("Ukuran yang ditampilkan: capaian sasaran di samping serapan anggaran program pendukungnya (praktik LKjIP pemda), bukan indeks efisiensi K/L yang memerlukan volume keluaran.".into()),
        ));
        isi
    }

    /// Part g: each supporting program: its kegiatan with their input and output indicators.
    fn program_pendukung(&self, n: usize, s: &Sasaran, no: &mut Nomor) -> Vec<Blok> {
        let mut isi = vec![judul(3, "g. Program dan kegiatan pendukung")];
        for p in self
            .data
            .program
            .iter()
            .filter(|p| p.sasaran.as_ref() == Some(&s.id))
        {
            let mut b = Vec::new();
            for k in self.data.kegiatan.iter().filter(|k| k.program == p.id) {
                let mut inds = self.indikator_kegiatan(&k.id);
                if inds.is_empty() {
                    continue;
                }
                inds.sort_by_key(|i| (i.jenis != JenisIndikator::Masukan, i.nomor));
                b.push(baris_tebal(vec![
                    Sel::teks(&k.nama),
                    Sel::Kosong,
                    Sel::Kosong,
                    Sel::Kosong,
                    Sel::Kosong,
                ]));
                for i in inds {
                    let t = self.ix.target_pengukuran(&i.id, self.tahun);
                    let r = self.ix.realisasi_tahunan(i, self.tahun);
                    let c = self
                        .ix
                        .capaian(i, t.map(|x| &x.nilai), r.as_ref().map(|x| &x.nilai));
                    let jenis = match i.jenis {
                        JenisIndikator::Masukan => "Masukan",
                        JenisIndikator::Keluaran => "Keluaran",
                        JenisIndikator::Hasil => "Hasil",
                    };
                    b.push(baris(vec![
                        Sel::teks(format!("{jenis}: {}", i.uraian)),
                        nilai(t.map(|x| &x.nilai)),
                        nilai(r.as_ref().map(|x| &x.nilai)),
                        capaian(&c),
                        Sel::teks(i.satuan.clone().unwrap_or_default()),
                    ]));
                }
            }
            if !b.is_empty() {
                isi.push(no.tabel(
                    &format!("{} (sasaran {n})", p.nama),
                    vec![
                        kolom("Kegiatan / indikator", 8, false),
                        kolom("Target", 2, true),
                        kolom("Realisasi", 2, true),
                        kolom("Capaian", 2, true),
                        kolom("Satuan", 2, false),
                    ],
                    b,
                    Some(CATATAN_TT.into()),
                ));
            }
        }
        if isi.len() == 1 {
            isi.push(tidak_tersedia(
                "Indikator masukan dan keluaran kegiatan pendukung",
            ));
        }
        isi
    }
}
