//! Bab III part C, Akuntabilitas Keuangan: the year's budget by jenis belanja, by program and
//! kegiatan (with a chart) and by sasaran, every figure from `kinerja_core::anggaran`.

use super::Penyusun;
use super::sel::{
    Nomor, baris, baris_tebal, blok_grafik, judul, kolom, kolom_serapan, persen, sel_serapan,
    tidak_tersedia,
};
use crate::dokumen::*;
use kinerja_core::angka::romawi;
use kinerja_grafik as grafik;
use rust_decimal::Decimal;

impl Penyusun<'_> {
    pub(super) fn keuangan(&self, no: &mut Nomor) -> Vec<Blok> {
        if self.anggaran.jenis.is_empty() {
            return vec![tidak_tersedia(&format!("Anggaran tahun {}", self.tahun))];
        }
        let mut isi = self.jenis_belanja(no);
        isi.extend(self.program_kegiatan(no));
        isi.extend(self.anggaran_sasaran(no));
        isi
    }

    /// Part 1: each group of jenis belanja (bold) with its kinds, then the total.
    fn jenis_belanja(&self, no: &mut Nomor) -> Vec<Blok> {
        let a = &self.anggaran;
        let mut b = Vec::new();
        for k in &a.kelompok {
            b.push(baris_tebal(sel_serapan(
                vec![Sel::teks(k.jenis.label())],
                &k.serapan,
                Some(persen(k.proporsi)),
            )));
            for j in a
                .jenis
                .iter()
                .filter(|j| j.jenis.kelompok() == k.jenis && j.jenis != k.jenis)
            {
                b.push(baris(sel_serapan(
                    vec![Sel::teks(format!("- {}", j.jenis.label()))],
                    &j.serapan,
                    Some(persen(j.proporsi)),
                )));
            }
        }
        b.push(baris_tebal(sel_serapan(
            vec![Sel::teks("Jumlah")],
            &a.total,
            Some(Sel::Persen(Decimal::ONE_HUNDRED)),
        )));
        vec![
            judul(2, "1. Alokasi dan realisasi anggaran menurut jenis belanja"),
            no.tabel(
                &format!("Anggaran menurut jenis belanja tahun {}", self.tahun),
                kolom_serapan(vec![kolom("Jenis belanja", 6, false)], true),
                b,
                Some("Proporsi terhadap seluruh pagu; serapan = realisasi / pagu x 100.".into()),
            ),
        ]
    }

    /// Part 2: each program (bold) with its kegiatan and their sub kegiatan, the total, and a
    /// chart of serapan per program. Rows are numbered by the codes the data has (Permendagri
    /// 90/2019), else I, 1, 1.1.
    fn program_kegiatan(&self, no: &mut Nomor) -> Vec<Blok> {
        let a = &self.anggaran;
        let mut b = Vec::new();
        let nomor = |kode: Option<&String>, urut: String| Sel::teks(kode.cloned().unwrap_or(urut));
        for (i, p) in a.program.iter().enumerate() {
            let kode = self.data.program(&p.program).and_then(|x| x.kode.as_ref());
            b.push(baris_tebal(sel_serapan(
                vec![
                    nomor(kode, romawi(i + 1)),
                    Sel::teks(self.nama_program(&p.program)),
                ],
                &p.serapan,
                None,
            )));
            for (j, k) in p.kegiatan.iter().enumerate() {
                let keg = self.data.kegiatan(&k.kegiatan);
                b.push(baris(sel_serapan(
                    vec![
                        nomor(keg.and_then(|x| x.kode.as_ref()), format!("{}", j + 1)),
                        Sel::teks(keg.map(|x| x.nama.clone()).unwrap_or_default()),
                    ],
                    &k.serapan,
                    None,
                )));
                for (l, s) in k.sub_kegiatan.iter().enumerate() {
                    let sub = self
                        .data
                        .sub_kegiatan
                        .iter()
                        .find(|x| x.id == s.sub_kegiatan);
                    b.push(baris(sel_serapan(
                        vec![
                            nomor(
                                sub.and_then(|x| x.kode.as_ref()),
                                format!("{}.{}", j + 1, l + 1),
                            ),
                            Sel::teks(format!(
                                "- {}",
                                sub.map(|x| x.nama.as_str()).unwrap_or_default()
                            )),
                        ],
                        &s.serapan,
                        None,
                    )));
                }
            }
        }
        b.push(baris_tebal(sel_serapan(
            vec![Sel::Kosong, Sel::teks("JUMLAH")],
            &a.program_total,
            None,
        )));
        let ada_sub = a
            .program
            .iter()
            .flat_map(|p| &p.kegiatan)
            .any(|k| !k.sub_kegiatan.is_empty());
        let (judul_kolom, judul_tabel) = match ada_sub {
            true => (
                "Program / kegiatan / sub kegiatan",
                "program, kegiatan dan sub kegiatan",
            ),
            false => ("Program / kegiatan", "program dan kegiatan"),
        };
        let mut catatan = String::from(
            "Jumlah program dihitung dari kegiatannya; serapan dibulatkan 2 desimal (setengah menjauhi nol).",
        );
        if a.total.berubah > 0 {
            catatan.push_str(&format!(
                " Pagu adalah pagu yang berlaku: pagu perubahan (APBD-P) pada {} pos; pagu murni seluruh program {}.",
                a.program_total.berubah,
                kinerja_core::angka::format_rupiah(a.program_total.pagu_murni)
            ));
        }
        let mut isi = vec![
            judul(2, format!("2. Realisasi anggaran per {judul_tabel}")),
            no.tabel(
                &format!("Realisasi anggaran per {judul_tabel} tahun {}", self.tahun),
                kolom_serapan(
                    vec![kolom("No", 1, false), kolom(judul_kolom, 7, false)],
                    false,
                ),
                b,
                Some(catatan),
            ),
        ];
        let butir: Vec<(String, Option<Decimal>)> = a
            .program
            .iter()
            .map(|p| (self.nama_program(&p.program), p.serapan.persen))
            .collect();
        if !butir.is_empty() {
            let judul = format!("Serapan anggaran per program tahun {}", self.tahun);
            isi.push(blok_grafik(judul.clone(), grafik::serapan(&judul, &butir)));
        }
        isi
    }

    /// Part 3: each sasaran with its supporting programs' budget.
    fn anggaran_sasaran(&self, no: &mut Nomor) -> Vec<Blok> {
        let b: Vec<Baris> = self
            .anggaran
            .sasaran
            .iter()
            .map(|s| {
                let nama = s
                    .sasaran
                    .as_ref()
                    .and_then(|x| self.ix.sasaran(x))
                    .map(|x| x.uraian.clone())
                    .unwrap_or_else(|| "Program tanpa sasaran".into());
                let program: Vec<String> = s
                    .program
                    .iter()
                    .filter_map(|p| self.data.program.iter().find(|x| &x.id == p))
                    .map(|x| x.nama.clone())
                    .collect();
                baris(sel_serapan(
                    vec![Sel::teks(nama), Sel::teks(program.join("; "))],
                    &s.serapan,
                    Some(persen(s.proporsi)),
                ))
            })
            .collect();
        vec![
            judul(2, "3. Anggaran per sasaran"),
            no.tabel(
                &format!("Anggaran per sasaran tahun {}", self.tahun),
                kolom_serapan(
                    vec![kolom("Sasaran", 5, false), kolom("Program pendukung", 6, false)],
                    true,
                ),
                b,
                Some("Proporsi terhadap anggaran seluruh program (belanja yang terikat pada kegiatan).".into()),
            ),
        ]
    }
}
