//! Formula indicators: a realisasi typed for the year is a stated figure, set beside the one
//! the formula computes from the data elements (`REALISASI-RUMUS`), compared at the precision
//! it was typed with.

use super::{Keluaran, lok};
use crate::{Konteks, Temuan, Tingkat};
use kinerja_core::angka::{bulatkan, format_angka};
use kinerja_core::waktu::Periode;

pub(super) fn realisasi_rumus(k: &Konteks, o: &mut Keluaran) {
    for ind in k.data.indikator.iter().filter(|i| i.rumus.is_some()) {
        let Some(tertulis) = k.ix.realisasi_tertulis(&ind.id, k.tahun) else {
            continue;
        };
        let rumus = ind
            .rumus
            .as_ref()
            .map(|r| r.to_string())
            .unwrap_or_default();
        let lokasi = lok(
            k.dokumen_laporan(),
            "Tabel pengukuran kinerja",
            Some(ind.uraian.clone()),
        );
        let kunci = format!("indikator:{}/{}", ind.id, k.tahun);
        let hasil = k.ix.hasil_rumus(ind, k.tahun, Periode::Tahunan);
        match (tertulis.nilai.angka_setara(), hasil) {
            (Some(s), Some(Ok(h))) => {
                let dp = s.scale();
                if bulatkan(h.nilai, dp) == s {
                    continue;
                }
                let bagian = match h.penyebut {
                    Some(p) => format!(
                        "{} / {} x {}",
                        format_angka(h.pembilang, h.pembilang.scale()),
                        format_angka(p, p.scale()),
                        format_angka(h.pengali, h.pengali.normalize().scale())
                    ),
                    None => format_angka(h.pembilang, h.pembilang.scale()),
                };
                o.out.push(Temuan {
                    aturan: "REALISASI-RUMUS".into(),
                    tingkat: Tingkat::Galat,
                    lokasi,
                    pesan: format!(
                        "realisasi \"{}\" indikator \"{}\" berbeda dari hasil rumus {rumus}: {bagian} = {}",
                        tertulis.nilai,
                        ind.uraian,
                        format_angka(bulatkan(h.nilai, dp.max(2)), dp.max(2)),
                    ),
                    tercatat: Some(s),
                    dihitung: Some(h.nilai),
                    pembulatan: Some(format!(
                        "dibandingkan setelah dibulatkan ke {dp} desimal (setengah menjauhi nol), sesuai presisi realisasi tertulis"
                    )),
                    kunci,
                    diterima: None,
                });
            }
            (_, Some(Err(alasan))) => o.tambah(
                "REALISASI-RUMUS",
                Tingkat::Info,
                lokasi,
                kunci,
                format!(
                    "realisasi \"{}\" indikator \"{}\" tidak dapat diperiksa terhadap rumus {rumus}: {}",
                    tertulis.nilai,
                    ind.uraian,
                    alasan.pesan()
                ),
            ),
            (None, Some(Ok(h))) => o.tambah(
                "REALISASI-RUMUS",
                Tingkat::Peringatan,
                lokasi,
                kunci,
                format!(
                    "realisasi \"{}\" indikator \"{}\" berupa teks, padahal rumus {rumus} menghasilkan {}",
                    tertulis.nilai,
                    ind.uraian,
                    format_angka(bulatkan(h.nilai, 2), 2)
                ),
            ),
            (_, None) => {}
        }
    }
}

#[cfg(test)]
mod tests {
    use crate::Tingkat;
    use kinerja_core::ekspresi::StrategiKosong;
    use kinerja_core::id::*;
    use kinerja_core::model::*;
    use kinerja_core::nilai::Nilai;
    use kinerja_core::waktu::{Periode, Tahun};
    use rust_decimal::Decimal;
    use rust_decimal_macros::dec;

    fn contoh() -> DataInstansi {
        let p = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../contoh/mumbulsari");
        kinerja_berkas::baca(&p).unwrap()
    }

    /// The example with its first sasaran indicator made `#{a} / #{b} x 100`, a realisasi of
    /// 2020 typed `typed`, and a / b entered.
    fn dengan(typed: &str, a: Decimal, b: Decimal) -> (DataInstansi, IndikatorId) {
        let mut d = contoh();
        let th = Tahun::new(2020).unwrap();
        let inst = d.renstra[0].instansi.clone();
        let ind = d
            .indikator
            .iter_mut()
            .find(|i| matches!(i.pemilik, Pemilik::Sasaran(_)))
            .unwrap();
        ind.rumus = Some(Rumus {
            pembilang: EkspresiData::parse("#{a}").unwrap(),
            penyebut: Some(EkspresiData::parse("#{b}").unwrap()),
            pengali: Some(dec!(100)),
            kosong: StrategiKosong::default(),
        });
        let id = ind.id.clone();
        for e in ["a", "b"] {
            d.data_elemen.push(DataElemen {
                id: DataElemenId::new(e).unwrap(),
                uraian: e.into(),
                satuan: None,
                catatan: None,
            });
        }
        for (e, v) in [("a", a), ("b", b)] {
            d.nilai_data.push(NilaiData {
                elemen: DataElemenId::new(e).unwrap(),
                instansi: inst.clone(),
                tahun: th,
                periode: Periode::Tahunan,
                nilai: v,
                sumber: None,
                catatan: None,
            });
        }
        d.realisasi
            .retain(|r| !(r.indikator == id && r.tahun == th && r.periode == Periode::Tahunan));
        d.realisasi.push(Realisasi {
            indikator: id.clone(),
            tahun: th,
            periode: Periode::Tahunan,
            nilai: Nilai::parse(typed).unwrap(),
            sumber: None,
            catatan: None,
        });
        assert!(kinerja_core::validasi::periksa(&d).is_empty());
        (d, id)
    }

    fn temuan(d: &DataInstansi) -> Vec<crate::Temuan> {
        crate::periksa(d, Tahun::new(2020).unwrap(), &[])
            .into_iter()
            .filter(|t| t.aturan == "REALISASI-RUMUS")
            .collect()
    }

    #[test]
    fn a_typed_realisasi_that_the_formula_does_not_give_is_a_finding_with_both_numbers() {
        // Typed 90 %, entered 7 of 10 desa: 7 x 100 / 10 = 70.
        let (d, id) = dengan("90 %", dec!(7), dec!(10));
        let t = temuan(&d);
        assert_eq!(t.len(), 1, "{t:?}");
        assert_eq!(t[0].tingkat, Tingkat::Galat);
        assert_eq!(
            (t[0].tercatat, t[0].dihitung),
            (Some(dec!(90)), Some(dec!(70)))
        );
        assert!(
            t[0].pesan
                .contains("#{a} / #{b} x 100: 7 / 10 x 100 = 70,00"),
            "{}",
            t[0].pesan
        );
        assert_eq!(t[0].kunci, format!("indikator:{id}/2020"));
    }

    #[test]
    fn a_typed_realisasi_agrees_at_its_own_precision() {
        // 2 of 3: 66,666...; typed "66,67" and "66,7" agree, "66,66" (cut) does not.
        assert!(temuan(&dengan("66,67", dec!(2), dec!(3)).0).is_empty());
        assert!(temuan(&dengan("66,7", dec!(2), dec!(3)).0).is_empty());
        assert_eq!(temuan(&dengan("66,66", dec!(2), dec!(3)).0).len(), 1);
        // 0 desa: the formula has no value; the typed figure cannot be checked (info).
        let t = temuan(&dengan("0", dec!(0), dec!(0)).0);
        assert_eq!(t.len(), 1);
        assert_eq!(t[0].tingkat, Tingkat::Info);
        assert!(
            t[0].pesan.contains("penyebut rumus bernilai 0"),
            "{}",
            t[0].pesan
        );
    }
}
