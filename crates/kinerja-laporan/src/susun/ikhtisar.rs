//! The front matter: kata pengantar and ikhtisar eksekutif (the year's capaian per sasaran and
//! the budget in one paragraph, computed; the rest is the user's text).

use super::Penyusun;
use super::sel::{Nomor, awal, baris, daftar, judul, kolom, paragraf, persen, predikat};
use crate::dokumen::*;
use kinerja_core::angka::{format_angka, format_persen};

impl Penyusun<'_> {
    pub(super) fn kata_pengantar(&self) -> Bab {
        let mut isi = paragraf(&self.laporan.kata_pengantar);
        isi.extend(self.penandatangan().map(Blok::TandaTangan));
        awal("KATA PENGANTAR", isi)
    }

    pub(super) fn ikhtisar(&self) -> Bab {
        let ikhtisar = &self.laporan.ikhtisar;
        let mut isi = paragraf(&ikhtisar.teks);
        isi.push(judul(
            1,
            format!(
                "Ringkasan capaian sasaran tahun {} (dihitung dari data)",
                self.tahun
            ),
        ));
        let b = self
            .pengukuran
            .sasaran
            .iter()
            .enumerate()
            .map(|(i, cs)| {
                let s = self.ix.sasaran(&cs.sasaran);
                baris(vec![
                    Sel::teks((i + 1).to_string()),
                    Sel::teks(s.map(|s| s.uraian.clone()).unwrap_or_default()),
                    Sel::teks(format!(
                        "{} dari {}",
                        cs.jumlah_terukur, cs.jumlah_indikator
                    )),
                    persen(cs.capaian),
                    predikat(cs.predikat.as_ref()),
                ])
            })
            .collect();
        isi.push(Nomor::tunggal("Ikhtisar").tabel(
            "capaian sasaran",
            vec![
                kolom("No", 1, false),
                kolom("Sasaran", 8, false),
                kolom("Indikator terukur", 2, true),
                kolom("Rata-rata capaian", 2, true),
                kolom("Predikat", 2, false),
            ],
            b,
            Some("Capaian sasaran = rata-rata capaian indikatornya yang terukur; dibulatkan 2 desimal saat dicetak.".into()),
        ));
        let t = &self.anggaran.total;
        if !t.pagu.nilai().is_zero() {
            let tt = || "data tidak tersedia".to_string();
            isi.push(Blok::Paragraf {
                teks: format!(
                    "Anggaran tahun {}: pagu Rp {}, realisasi {}, serapan {} (dihitung dari pos anggaran).",
                    self.tahun,
                    format_angka(t.pagu.nilai(), 2),
                    t.realisasi
                        .map(|r| format!("Rp {}", format_angka(r.nilai(), 2)))
                        .unwrap_or_else(tt),
                    t.persen.map(|p| format_persen(p, 2)).unwrap_or_else(tt)
                ),
            });
        }
        isi.extend(daftar("Kendala", &ikhtisar.kendala));
        isi.extend(daftar("Langkah perbaikan", &ikhtisar.langkah_perbaikan));
        awal("IKHTISAR EKSEKUTIF", isi)
    }
}
