//! The JSON form of computed figures, one shape for the command line (`--format json`) and the
//! HTTP API. Numbers are exact JSON numbers (never through `f64`); percentages are rounded once,
//! here, to two decimals half away from zero.

use kinerja_core::anggaran::{self, Serapan};
use kinerja_core::angka::bulatkan;
use kinerja_core::capaian::Capaian;
use kinerja_core::model::DataInstansi;
use kinerja_core::pengukuran::{self, Indeks};
use kinerja_core::waktu::{Periode, Tahun};
use rust_decimal::Decimal;
use serde_json::{Value, json};

/// Marks a decimal inside a `Value` until `teks` writes it as a bare JSON number.
///
/// Why not serde_json's `arbitrary_precision`: that feature is global to the build, and typst
/// (the PDF renderer) reads its JSON input with the same serde_json, which then sees every
/// number as a map and fails. An `f64` would round money past 15 digits. So exact numbers
/// travel as marked strings and are unquoted once, when the JSON text is written.
const PENANDA_ANGKA: &str = "\u{F8FF}angka:";

/// A decimal as an exact JSON number (see `teks`).
pub fn angka(d: Decimal) -> Value {
    Value::String(format!("{PENANDA_ANGKA}{}", d.normalize()))
}

/// `d` rounded to `dp` decimals half away from zero (`angka::bulatkan`, the one rounding rule),
/// as an exact JSON number: for a computed quotient that does not end (a criterion's share of
/// its sub-component, 6/7 = 0,857142857142857142857...), rounded once, here, at the edge.
pub fn angka_bulat(d: Decimal, dp: u32) -> Value {
    angka(bulatkan(d, dp))
}

/// The JSON text of `v`, with the decimals of `angka` as exact JSON numbers.
pub fn teks(v: &Value) -> Result<String, String> {
    let s = serde_json::to_string_pretty(v).map_err(|e| e.to_string())?;
    let tanda = format!("\"{PENANDA_ANGKA}");
    let mut out = String::with_capacity(s.len());
    let mut sisa = s.as_str();
    while let Some(i) = sisa.find(&tanda) {
        out.push_str(&sisa[..i]);
        let angka = &sisa[i + tanda.len()..];
        // A decimal's text is digits, '-' and '.': the closing quote is the first '"'.
        let akhir = angka.find('"').unwrap_or(angka.len());
        out.push_str(&angka[..akhir]);
        sisa = &angka[(akhir + 1).min(angka.len())..];
    }
    out.push_str(sisa);
    Ok(out)
}

pub fn opsi(d: Option<Decimal>) -> Value {
    d.map(angka).unwrap_or(Value::Null)
}

/// Percent for JSON: rounded once, to two decimals.
pub fn persen(d: Option<Decimal>) -> Value {
    opsi(d.map(|x| bulatkan(x, 2)))
}

/// The measurement table of `tahun`: per indicator and per sasaran.
pub fn capaian(data: &DataInstansi, tahun: Tahun) -> Value {
    let ix = Indeks::new(data);
    let tabel = pengukuran::ukur(&ix, tahun);
    let uraian_sasaran = |id| ix.sasaran(id).map(|s| s.uraian.clone()).unwrap_or_default();
    let aturan = ix.aturan;
    let indikator: Vec<_> = tabel
        .baris
        .iter()
        .map(|b| {
            let ind = ix.indikator(&b.indikator);
            json!({
                "sasaran": uraian_sasaran(&b.sasaran),
                "sasaran_id": b.sasaran,
                "indikator": ind.map(|i| i.uraian.as_str()),
                "indikator_id": b.indikator,
                "polaritas": ind.map(|i| i.polaritas),
                "target": opsi(b.target.as_ref().and_then(|t| t.angka_setara())),
                "target_teks": b.target.as_ref().map(|t| t.teks()),
                "dokumen_target": b.dokumen_target,
                "realisasi": opsi(b.realisasi.as_ref().and_then(|r| r.nilai.angka_setara())),
                "realisasi_teks": b.realisasi.as_ref().map(|r| r.nilai.teks()),
                "capaian": persen(b.capaian.persen()),
                "capaian_keterangan": match &b.capaian {
                    Capaian::Ada { dibatasi, .. } => json!(dibatasi),
                    Capaian::TidakTersedia { alasan } => json!(alasan.pesan()),
                },
                "predikat": b.predikat.as_ref().map(|p| p.label.as_str()),
            })
        })
        .collect();
    let sasaran: Vec<_> = tabel
        .sasaran
        .iter()
        .map(|s| {
            json!({
                "sasaran": uraian_sasaran(&s.sasaran),
                "sasaran_id": s.sasaran,
                "jumlah_indikator": s.jumlah_indikator,
                "jumlah_terukur": s.jumlah_terukur,
                "capaian": persen(s.capaian),
                "predikat": s.predikat.as_ref().map(|p| p.label.as_str()),
            })
        })
        .collect();
    json!({
        "tahun": tahun.get(),
        "skala": ix.skala.id,
        "rumus_negatif": aturan.rumus_negatif.keterangan(),
        "pembulatan": "2 desimal, setengah menjauhi nol",
        "indikator": indikator,
        "sasaran": sasaran,
    })
}

/// A total: `pagu` is the pagu in force (APBD perubahan where a line has one; serapan is against
/// it), `pagu_murni` the original; months and triwulan only when some line reports months.
fn serapan(s: &Serapan) -> Value {
    let mut o = json!({
        "pagu": angka(s.pagu.nilai()),
        "realisasi": opsi(s.realisasi.map(|r| r.nilai())),
        "serapan": persen(s.persen),
        "belum_dilaporkan": s.belum_dilaporkan,
    });
    if s.berubah > 0 {
        o["pagu_murni"] = angka(s.pagu_murni.nilai());
        o["pos_berubah"] = json!(s.berubah);
    }
    if s.ada_bulanan() {
        let rp = |r: Option<kinerja_core::uang::Rupiah>| opsi(r.map(|r| r.nilai()));
        o["bulanan"] = s.bulanan.iter().map(|b| rp(*b)).collect();
        o["triwulan"] = Periode::TRIWULAN
            .iter()
            .map(|p| {
                json!({
                    "realisasi": rp(s.triwulan(*p)),
                    "realisasi_kumulatif": rp(s.sampai_triwulan(*p)),
                    "serapan_kumulatif": persen(s.persen_sampai_triwulan(*p)),
                })
            })
            .collect();
        o["pos_tanpa_rincian_bulan"] = json!(s.tanpa_rincian_bulan);
    }
    o
}

/// Pagu, realisasi and serapan of `tahun`: total, by type, per program and kegiatan, per sasaran.
pub fn anggaran(data: &DataInstansi, tahun: Tahun) -> Value {
    let r = anggaran::ringkas(data, tahun);
    let nama_program = |id| data.program(id).map(|p| p.nama.clone()).unwrap_or_default();
    let nama_kegiatan = |id| {
        data.kegiatan(id)
            .map(|k| k.nama.clone())
            .unwrap_or_default()
    };
    let nama_sasaran = |id| data.label_sasaran_anggaran(id);
    let jenis = |v: &[anggaran::AnggaranJenis]| -> Vec<Value> {
        v.iter()
            .map(|j| {
                let mut o = serapan(&j.serapan);
                o["jenis"] = json!(j.jenis);
                o["label"] = json!(j.jenis.label());
                o["proporsi"] = persen(j.proporsi);
                o
            })
            .collect()
    };
    let program: Vec<Value> = r
        .program
        .iter()
        .map(|p| {
            let mut o = serapan(&p.serapan);
            o["program_id"] = json!(p.program);
            o["program"] = json!(nama_program(&p.program));
            o["kode"] = json!(data.program(&p.program).and_then(|x| x.kode.as_ref()));
            o["proporsi"] = persen(p.proporsi);
            o["kegiatan"] = p
                .kegiatan
                .iter()
                .map(|k| {
                    let mut o = serapan(&k.serapan);
                    o["kegiatan_id"] = json!(k.kegiatan);
                    o["kegiatan"] = json!(nama_kegiatan(&k.kegiatan));
                    o["kode"] = json!(data.kegiatan(&k.kegiatan).and_then(|x| x.kode.as_ref()));
                    o["sub_kegiatan"] = k
                        .sub_kegiatan
                        .iter()
                        .map(|s| {
                            let sub = data.sub_kegiatan.iter().find(|x| x.id == s.sub_kegiatan);
                            let mut o = serapan(&s.serapan);
                            o["sub_kegiatan_id"] = json!(s.sub_kegiatan);
                            o["sub_kegiatan"] = json!(sub.map(|x| x.nama.as_str()));
                            o["kode"] = json!(sub.and_then(|x| x.kode.as_ref()));
                            o
                        })
                        .collect();
                    o
                })
                .collect();
            o
        })
        .collect();
    let sasaran: Vec<Value> = r
        .sasaran
        .iter()
        .map(|s| {
            let mut o = serapan(&s.serapan);
            o["sasaran_id"] = json!(s.sasaran);
            o["sasaran"] = json!(nama_sasaran(s.sasaran.as_ref()));
            o["proporsi"] = persen(s.proporsi);
            o["program_id"] = json!(s.program);
            o
        })
        .collect();
    json!({
        "tahun": tahun.get(),
        "total": serapan(&r.total),
        "kelompok": jenis(&r.kelompok),
        "jenis": jenis(&r.jenis),
        "program_total": serapan(&r.program_total),
        "program": program,
        "sasaran": sasaran,
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::str::FromStr;

    #[test]
    fn json_numbers_are_exact_and_bare() {
        // 18 significant digits: an f64 would print 1234567890123456800.
        let v = serde_json::json!({ "pagu": angka(Decimal::from_str("1234567890123456.78").unwrap()), "teks": "a \"b\"", "kosong": opsi(None) });
        let s = teks(&v).unwrap();
        assert!(s.contains("\"pagu\": 1234567890123456.78"), "{s}");
        assert!(s.contains("\"teks\": \"a \\\"b\\\"\""), "{s}");
        assert!(s.contains("\"kosong\": null"), "{s}");
        assert!(serde_json::from_str::<Value>(&s).is_ok());
    }
}

#[cfg(test)]
mod tests_angka_bulat {
    use super::*;

    /// 6/7 of a point (a sub-component of 6 points over 7 equal criteria)
    /// prints with 28 digits unrounded; rounded at the edge: 0.8571 (4 places), 0.86 (2);
    /// 2.675 rounds half away from zero to 2.68; -0.125 to -0.13.
    #[test]
    fn a_quotient_prints_rounded_once() {
        let d = Decimal::from(6) / Decimal::from(7);
        let t = |v: &Value| teks(v).unwrap();
        assert_eq!(t(&angka_bulat(d, 4)), "0.8571");
        assert_eq!(t(&angka_bulat(d, 2)), "0.86");
        assert_eq!(t(&angka_bulat("2.675".parse().unwrap(), 2)), "2.68");
        assert_eq!(t(&angka_bulat("-0.125".parse().unwrap(), 2)), "-0.13");
        assert_eq!(t(&angka_bulat(Decimal::from(60), 2)), "60");
    }
}
