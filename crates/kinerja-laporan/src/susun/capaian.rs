//! Bab III Akuntabilitas Kinerja: the chapter's frame, and part A, the year's Tabel 3.1
//! (target, realisasi, capaian and predikat of every indicator) with the predikat scale and a
//! chart. Part B is `analisis`, part C `anggaran`.

use super::Penyusun;
use super::sel::{
    CATATAN_TT, Nomor, bab, baris, blok_grafik, capaian, judul, kolom, nilai, paragraf, predikat,
    sekali, tt,
};
use crate::dokumen::*;
use kinerja_core::angka::format_angka;
use kinerja_core::predikat::Pita;
use kinerja_grafik as grafik;
use rust_decimal::Decimal;

impl Penyusun<'_> {
    pub(super) fn bab3(&self) -> Bab {
        let mut no = Nomor::bab("3");
        let mut isi = self.pengukuran_kinerja(&mut no);

        isi.push(judul(1, "B. Evaluasi dan Analisis Capaian Kinerja"));
        isi.extend(self.paragraf_bagian("bab3.evaluasi"));
        for (n, s) in self.sasaran_urut().into_iter().enumerate() {
            isi.extend(self.analisis_sasaran(n + 1, s, &mut no));
        }

        isi.push(judul(1, "C. Akuntabilitas Keuangan"));
        isi.extend(self.paragraf_bagian("bab3.akuntabilitas_keuangan"));
        isi.extend(self.keuangan(&mut no));
        bab("III", "AKUNTABILITAS KINERJA", isi)
    }

    /// A. Pengukuran capaian kinerja: the formula, the predikat scale, Tabel 3.2 of every
    /// indicator and its chart.
    pub(super) fn pengukuran_kinerja(&self, no: &mut Nomor) -> Vec<Blok> {
        let mut isi = vec![judul(
            1,
            format!("A. Pengukuran Capaian Kinerja Tahun {}", self.tahun),
        )];
        isi.extend(
            self.laporan
                .bagian
                .iter()
                .filter(|b| b.kunci == "bab3.pengukuran")
                .flat_map(|b| paragraf(&b.teks)),
        );
        isi.push(Blok::Paragraf {
            teks: format!(
                "Capaian indikator berpolaritas positif = Realisasi / Target x 100; berpolaritas negatif = {}. Capaian sasaran adalah rata-rata capaian indikatornya. Predikat menurut {}:",
                self.ix.aturan.rumus_negatif.keterangan(),
                self.ix.skala.nama
            ),
        });
        let pita = &self.ix.skala.pita;
        let skala = pita
            .iter()
            .enumerate()
            .map(|(i, p)| {
                let atas = i.checked_sub(1).map(|i| &pita[i]);
                baris(vec![Sel::teks(rentang(p, atas)), Sel::teks(&p.label)])
            })
            .collect();
        isi.push(no.tabel(
            "Skala predikat capaian",
            vec![kolom("Capaian", 4, false), kolom("Predikat", 3, false)],
            skala,
            Some("Predikat dibaca dari capaian yang dibulatkan 2 desimal (setengah menjauhi nol).".into()),
        ));

        let mut b = Vec::new();
        let mut s_sebelum = None;
        for r in &self.pengukuran.baris {
            let s = self.ix.sasaran(&r.sasaran);
            let baru = s_sebelum != Some(&r.sasaran);
            s_sebelum = Some(&r.sasaran);
            b.push(baris(vec![
                sekali(baru, || s.map(|s| s.nomor.to_string()).unwrap_or_default()),
                sekali(baru, || s.map(|s| s.uraian.clone()).unwrap_or_default()),
                Sel::teks(self.uraian_indikator(&r.indikator)),
                nilai(r.target.as_ref()),
                nilai(r.realisasi.as_ref().map(|x| &x.nilai)),
                capaian(&r.capaian),
                predikat(r.predikat.as_ref()),
            ]));
        }
        let mut dok: Vec<&str> = self
            .pengukuran
            .baris
            .iter()
            .filter_map(|r| {
                r.dokumen_target
                    .map(|d| d.label_rencana(self.ix.data.rpjmd()))
            })
            .collect();
        dok.dedup();
        isi.push(no.tabel(
            &format!("Pengukuran Kinerja Tahun {}", self.tahun),
            vec![
                kolom("No", 1, false),
                kolom("Sasaran strategis", 4, false),
                kolom("Indikator", 6, false),
                kolom("Target", 2, true),
                kolom("Realisasi", 2, true),
                kolom("Capaian", 2, true),
                kolom("Predikat", 2, false),
            ],
            b,
            Some(format!(
                "Target dari: {}. {CATATAN_TT}",
                if dok.is_empty() {
                    "data tidak tersedia".to_string()
                } else {
                    dok.join(", ")
                }
            )),
        ));
        isi.extend(self.tabel_rumus(no));
        let butir: Vec<(String, Option<Decimal>)> = self
            .pengukuran
            .baris
            .iter()
            .map(|r| (self.uraian_indikator(&r.indikator), r.capaian.persen()))
            .collect();
        if !butir.is_empty() {
            isi.push(blok_grafik(
                format!("Capaian indikator kinerja tahun {}", self.tahun),
                grafik::batang_capaian(
                    &format!("Capaian indikator kinerja tahun {}", self.tahun),
                    &butir,
                    Decimal::ONE_HUNDRED,
                ),
            ));
        }
        isi
    }
}

impl Penyusun<'_> {
    /// The indicators computed by a formula from data elements: the formula, its numerator and
    /// denominator with the year's values, and the result (only when there are such
    /// indicators).
    fn tabel_rumus(&self, no: &mut Nomor) -> Vec<Blok> {
        use kinerja_core::pengukuran::AsalRealisasi;
        let mut b = Vec::new();
        for r in &self.pengukuran.baris {
            let Some(ind) = self.ix.indikator(&r.indikator) else {
                continue;
            };
            let Some(rumus) = &ind.rumus else { continue };
            let hasil = match r.realisasi.as_ref().map(|x| &x.asal) {
                Some(AsalRealisasi::Rumus { hasil }) => Some(hasil),
                _ => None,
            };
            let alasan = match &r.capaian {
                kinerja_core::capaian::Capaian::TidakTersedia { alasan } if hasil.is_none() => {
                    Sel::teks(alasan.pesan())
                }
                _ => nilai(r.realisasi.as_ref().map(|x| &x.nilai)),
            };
            let bulat = |d: Decimal| Sel::Angka {
                nilai: d,
                desimal: d.normalize().scale(),
            };
            b.push(baris(vec![
                Sel::teks(&ind.uraian),
                Sel::teks(rumus.to_string()),
                hasil.map(|h| bulat(h.pembilang)).unwrap_or_else(tt),
                hasil.and_then(|h| h.penyebut).map(bulat).unwrap_or_else(tt),
                alasan,
            ]));
        }
        if b.is_empty() {
            return vec![];
        }
        vec![no.tabel(
            &format!("Indikator yang dihitung dengan rumus, tahun {}", self.tahun),
            vec![
                kolom("Indikator", 5, false),
                kolom("Rumus", 5, false),
                kolom("Pembilang", 2, true),
                kolom("Penyebut", 2, true),
                kolom("Realisasi", 3, true),
            ],
            b,
            Some("Realisasi = pembilang / penyebut x pengali, dihitung dari data elemen (#{nama}) yang diisi; bila data elemen kosong atau penyebut 0, realisasi tidak tersedia, bukan 0.".into()),
        )]
    }
}

/// The capaian range of a predikat band, given the band above it (bands run from the top):
/// "≥ 90 %", "≥ 75 % s.d. < 90 %", "< 50 %". A band that states its upper bound ends there
/// (a scale printed with both bounds, gaps included); bounds print with their own decimals.
fn rentang(p: &Pita, atas: Option<&Pita>) -> String {
    let angka = |b: Decimal| format_angka(b, b.normalize().scale());
    let bawah = |b| {
        format!(
            "{} {} %",
            if p.termasuk_batas { "≥" } else { ">" },
            angka(b)
        )
    };
    let atas = match p.batas_atas {
        Some(a) => Some((a, p.termasuk_batas_atas)),
        // Up to the band above: below its bound when it includes it, at it when not.
        None => atas.and_then(|a| a.batas_bawah.map(|b| (b, !a.termasuk_batas))),
    };
    let atas = atas.map(|(a, sampai)| format!("{} {} %", if sampai { "≤" } else { "<" }, angka(a)));
    match (p.batas_bawah.map(bawah), atas) {
        (Some(b), None) => b,
        (Some(b), Some(a)) => format!("{b} s.d. {a}"),
        (None, Some(a)) => a,
        (None, None) => "semua".into(),
    }
}

#[cfg(test)]
mod tests {
    use super::rentang;
    use kinerja_core::predikat::SkalaPredikat;

    #[test]
    fn each_band_reads_from_its_bound_to_the_band_above() {
        // The seed's scale: > 100 Sangat Baik; >= 76 Baik; >= 55 Cukup; the rest Kurang. A band
        // ends below the next one's bound when that one includes it, at it when it excludes it.
        let pita = SkalaPredikat::lkjip_empat_tingkat().pita;
        let teks: Vec<String> = (0..pita.len())
            .map(|i| rentang(&pita[i], i.checked_sub(1).map(|a| &pita[a])))
            .collect();
        assert_eq!(
            teks,
            [
                "> 100 %",
                "≥ 76 % s.d. ≤ 100 %",
                "≥ 55 % s.d. < 76 %",
                "< 55 %"
            ]
        );
        assert_eq!(rentang(&pita[3], None), "semua");
    }

    #[test]
    fn a_band_with_its_own_upper_bound_ends_there() {
        // Printed "55 - 75,5" Cukup below "76 - 100" Baik: the gap stays visible.
        let mut pita = SkalaPredikat::lkjip_empat_tingkat().pita;
        pita[2].batas_atas = Some(rust_decimal::Decimal::new(755, 1));
        pita[1].batas_atas = Some(rust_decimal::Decimal::ONE_HUNDRED);
        assert_eq!(rentang(&pita[2], Some(&pita[1])), "≥ 55 % s.d. ≤ 75,5 %");
        pita[2].termasuk_batas_atas = false;
        assert_eq!(rentang(&pita[2], Some(&pita[1])), "≥ 55 % s.d. < 75,5 %");
        assert_eq!(rentang(&pita[1], Some(&pita[0])), "≥ 76 % s.d. ≤ 100 %");
    }
}
