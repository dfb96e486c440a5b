//! Horizontal bar charts of percentages with a reference line: capaian per indicator, serapan
//! per program.

use kinerja_core::angka::format_persen;
use rust_decimal::Decimal;

use crate::kanvas::{
    HURUF, HURUF_KECIL, JARAK_BARIS, LEBAR, TAK_TERSEDIA, TEPI, desimal_langkah, f, kepala, kosong,
    label_sumbu, langkah, persen_ringkas, teks_halo, tulis_judul,
};
use crate::teks::{bungkus, esc, lebar_teks};

#[derive(Clone, Copy, PartialEq)]
enum Isi {
    Padat,
    Arsir,
    Sedang,
}

impl Isi {
    fn fill(self) -> &'static str {
        match self {
            Isi::Padat => "#4a4a4a",
            Isi::Arsir => "url(#kg-arsir)",
            Isi::Sedang => "#9a9a9a",
        }
    }
}

/// A horizontal bar chart of percentages with a reference line.
struct Batang<'a> {
    judul: &'a str,
    butir: &'a [(String, Option<Decimal>)],
    acuan: Decimal,
    /// "acuan 100 %" written above the reference line.
    label_acuan: String,
    /// The axis caption: "capaian (%)".
    sumbu: &'a str,
    isi: fn(Decimal, Decimal) -> Isi,
    /// Legend entries for the fills in use, in this order.
    legenda: &'a [(Isi, &'a str)],
    catatan: &'a str,
}

/// Left edge of the plot: labels end 10 units before it.
const KIRI_BATANG: f64 = 318.0;

fn batang(c: &Batang) -> String {
    if c.butir.is_empty() {
        return kosong(c.judul);
    }
    let lebar_label = KIRI_BATANG - TEPI - 10.0;
    let label: Vec<Vec<String>> = c
        .butir
        .iter()
        .map(|(n, _)| bungkus(n, lebar_label, HURUF, 3))
        .collect();
    let teks_nilai: Vec<Option<String>> = c
        .butir
        .iter()
        .map(|(_, v)| v.map(|v| format_persen(v, 2)))
        .collect();
    // Room right of the plot for the value at the end of the longest bar.
    let kanan = teks_nilai
        .iter()
        .flatten()
        .map(|t| lebar_teks(t, HURUF, true))
        .fold(0.0, f64::max)
        + 14.0
        + TEPI;
    let maks = c
        .butir
        .iter()
        .filter_map(|(_, v)| *v)
        .map(f)
        .fold(f(c.acuan), f64::max)
        .max(1.0);
    let step = langkah(maks);
    let puncak = (maks / step - 1e-9).ceil() * step;
    let dp = desimal_langkah(step);
    let lebar_plot = LEBAR - KIRI_BATANG - kanan;
    let x = |v: f64| KIRI_BATANG + v.clamp(0.0, puncak) / puncak * lebar_plot;

    let mut badan = String::new();
    let y_judul = tulis_judul(&mut badan, c.judul);
    let atas = y_judul + 30.0;
    let tinggi_baris: Vec<f64> = label
        .iter()
        .map(|l| (l.len() as f64 * JARAK_BARIS + 14.0).max(34.0))
        .collect();
    let bawah = atas + tinggi_baris.iter().sum::<f64>();

    // Grid and axis.
    let mut k = 0.0;
    while k <= puncak / step + 1e-9 {
        let v = k * step;
        let xv = x(v);
        badan.push_str(&format!(
            r##"<line x1="{xv:.1}" y1="{atas:.1}" x2="{xv:.1}" y2="{bawah:.1}" stroke="#d0d0d0" stroke-width="1"/>
<text x="{xv:.1}" y="{:.1}" text-anchor="middle" font-size="{HURUF_KECIL}">{}</text>
"##,
            bawah + 17.0,
            label_sumbu(v, dp)
        ));
        k += 1.0;
    }
    badan.push_str(&format!(
        r##"<line x1="{KIRI_BATANG}" y1="{atas:.1}" x2="{KIRI_BATANG}" y2="{bawah:.1}" stroke="#000000" stroke-width="1.5"/>
<line x1="{KIRI_BATANG}" y1="{bawah:.1}" x2="{:.1}" y2="{bawah:.1}" stroke="#000000" stroke-width="1.5"/>
<text x="{:.1}" y="{:.1}" text-anchor="middle" font-size="{HURUF_KECIL}">{}</text>
"##,
        x(puncak),
        x(puncak / 2.0),
        bawah + 35.0,
        esc(c.sumbu)
    ));

    // Rows: label, bar; values are collected and drawn last, above the reference line.
    let mut nilai = String::new();
    let mut dipakai: Vec<Isi> = Vec::new();
    let mut y0 = atas;
    for (i, (_, v)) in c.butir.iter().enumerate() {
        let h = tinggi_baris[i];
        let yc = y0 + h / 2.0;
        let l = &label[i];
        let y_label = yc - (l.len() as f64 - 1.0) * JARAK_BARIS / 2.0 + 4.5;
        for (j, b) in l.iter().enumerate() {
            badan.push_str(&format!(
                r#"<text x="{:.1}" y="{:.1}" text-anchor="end">{}</text>
"#,
                KIRI_BATANG - 10.0,
                y_label + j as f64 * JARAK_BARIS,
                esc(b)
            ));
        }
        match v {
            Some(v) => {
                let isi = (c.isi)(*v, c.acuan);
                if !dipakai.contains(&isi) {
                    dipakai.push(isi);
                }
                let xe = x(f(*v));
                badan.push_str(&format!(
                    r##"<rect x="{KIRI_BATANG}" y="{:.1}" width="{:.1}" height="20" fill="{}" stroke="#000000" stroke-width="1.2"/>
"##,
                    yc - 10.0,
                    xe - KIRI_BATANG,
                    isi.fill()
                ));
                nilai.push_str(&teks_halo(
                    xe + 6.0,
                    yc + 4.5,
                    "start",
                    "font-weight=\"bold\"",
                    teks_nilai[i].as_deref().unwrap_or_default(),
                ));
            }
            None => {
                badan.push_str(&format!(
                    r##"<rect x="{KIRI_BATANG}" y="{:.1}" width="{:.1}" height="20" fill="none" stroke="#808080" stroke-width="1" stroke-dasharray="3 3"/>
"##,
                    yc - 10.0,
                    lebar_teks(TAK_TERSEDIA, HURUF, false) + 16.0
                ));
                nilai.push_str(&teks_halo(
                    KIRI_BATANG + 8.0,
                    yc + 4.5,
                    "start",
                    "font-style=\"italic\"",
                    TAK_TERSEDIA,
                ));
            }
        }
        y0 += h;
    }

    // The reference line and its label (kept inside the drawing).
    let xa = x(f(c.acuan));
    let la = lebar_teks(&c.label_acuan, HURUF, true);
    let xt = xa.clamp(KIRI_BATANG + la / 2.0, LEBAR - TEPI - la / 2.0);
    badan.push_str(&format!(
        r##"<line x1="{xa:.1}" y1="{:.1}" x2="{xa:.1}" y2="{:.1}" stroke="#000000" stroke-width="2.5" stroke-dasharray="9 5"/>
"##,
        atas - 12.0,
        bawah + 4.0
    ));
    badan.push_str(&teks_halo(
        xt,
        atas - 16.0,
        "middle",
        "font-weight=\"bold\"",
        &c.label_acuan,
    ));
    badan.push_str(&nilai);

    // Legend: the fills in use, then the reference line.
    let mut yl = bawah + 62.0;
    let mut xl = TEPI;
    let mut entri: Vec<(Option<Isi>, String)> = c
        .legenda
        .iter()
        .filter(|(i, _)| dipakai.contains(i))
        .map(|(i, t)| (Some(*i), (*t).to_string()))
        .collect();
    entri.push((None, c.label_acuan.clone()));
    for (isi, t) in &entri {
        let w = 34.0 + lebar_teks(t, HURUF_KECIL, false) + 24.0;
        if xl + w > LEBAR - TEPI && xl > TEPI {
            xl = TEPI;
            yl += 22.0;
        }
        match isi {
            Some(isi) => badan.push_str(&format!(
                r##"<rect x="{xl:.1}" y="{:.1}" width="26" height="14" fill="{}" stroke="#000000"/>
"##,
                yl - 11.0,
                isi.fill()
            )),
            None => badan.push_str(&format!(
                r##"<line x1="{xl:.1}" y1="{:.1}" x2="{:.1}" y2="{:.1}" stroke="#000000" stroke-width="2.5" stroke-dasharray="9 5"/>
"##,
                yl - 4.5,
                xl + 26.0,
                yl - 4.5
            )),
        }
        badan.push_str(&format!(
            r#"<text x="{:.1}" y="{yl:.1}" font-size="{HURUF_KECIL}">{}</text>
"#,
            xl + 34.0,
            esc(t)
        ));
        xl += w;
    }
    let mut y_akhir = yl + 8.0;
    for b in bungkus(c.catatan, LEBAR - 2.0 * TEPI, 11.0, 2) {
        y_akhir += 15.0;
        badan.push_str(&format!(
            r##"<text x="{TEPI}" y="{y_akhir:.1}" font-size="11" fill="#333333">{}</text>
"##,
            esc(&b)
        ));
    }
    let tinggi = y_akhir + TEPI;

    let mut s = String::with_capacity(badan.len() + 1024);
    kepala(&mut s, tinggi, c.judul);
    s.push_str(&badan);
    s.push_str("</svg>\n");
    s
}

/// Horizontal bars of capaian (percent) per indicator, with a reference line at `acuan`
/// (usually 100 %). `None` is drawn as "data tidak tersedia".
///
/// Bars at or above `acuan` are solid dark grey; bars below it are hatched, so a reader without
/// colour sees at once which indicators fell short. Every bar carries its value.
pub fn batang_capaian(judul: &str, butir: &[(String, Option<Decimal>)], acuan: Decimal) -> String {
    let label_acuan = format!("acuan {}", persen_ringkas(acuan));
    batang(&Batang {
        judul,
        butir,
        acuan,
        label_acuan,
        sumbu: "capaian kinerja (%)",
        isi: |v, acuan| if v >= acuan { Isi::Padat } else { Isi::Arsir },
        legenda: &[
            (Isi::Padat, "capaian mencapai acuan"),
            (Isi::Arsir, "capaian di bawah acuan"),
        ],
        catatan: "Capaian = realisasi dibanding target; angka dibulatkan 2 desimal hanya saat dicetak.",
    })
}

/// Serapan anggaran (percent) per program, horizontal bars with the value on each.
///
/// The line at 100 % is the pagu; bars are plain mid grey, hatched when above the pagu.
pub fn serapan(judul: &str, butir: &[(String, Option<Decimal>)]) -> String {
    batang(&Batang {
        judul,
        butir,
        acuan: Decimal::ONE_HUNDRED,
        label_acuan: "pagu 100 %".into(),
        sumbu: "serapan anggaran (% dari pagu)",
        isi: |v, acuan| if v > acuan { Isi::Arsir } else { Isi::Sedang },
        legenda: &[
            (Isi::Sedang, "realisasi anggaran"),
            (Isi::Arsir, "realisasi melebihi pagu"),
        ],
        catatan: "Serapan = realisasi anggaran dibanding pagu; angka dibulatkan 2 desimal hanya saat dicetak.",
    })
}

/// Shares of respondents (percent) per group of a profile column (SKM report), plain bars on a
/// 0-100 % scale with the value on each.
pub fn sebaran(judul: &str, butir: &[(String, Option<Decimal>)]) -> String {
    batang(&Batang {
        judul,
        butir,
        acuan: Decimal::ONE_HUNDRED,
        label_acuan: "100 %".into(),
        sumbu: "responden (% dari seluruh responden)",
        isi: |_, _| Isi::Sedang,
        legenda: &[(Isi::Sedang, "persentase responden")],
        catatan: "Persentase = responden kelompok dibanding seluruh responden; dibulatkan 2 desimal hanya saat dicetak.",
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::uji::{contoh_capaian, d};

    #[test]
    fn capaian_chart_writes_every_value_the_indonesian_way_and_marks_missing_data() {
        let svg = batang_capaian("Capaian 2020", &contoh_capaian(), d("100"));
        assert!(svg.starts_with("<svg xmlns=\"http://www.w3.org/2000/svg\""));
        assert!(svg.contains("font-family=\"DejaVu Sans"));
        for v in [
            "107,43 %",
            "87,50 %",
            "100,00 %",
            "acuan 100 %",
            "data tidak tersedia",
        ] {
            assert!(svg.contains(v), "{v} missing");
        }
        assert!(svg.contains("Indeks Kepuasan Masyarakat"));
        // 87,5 is below the acuan: hatched; the others solid.
        assert_eq!(
            svg.matches("fill=\"url(#kg-arsir)\"").count(),
            2,
            "one bar + legend"
        );
        assert!(svg.contains("capaian di bawah acuan"));
    }

    #[test]
    fn serapan_chart_has_the_pagu_line_and_values() {
        let butir = vec![
            (
                "Program Pelayanan Administrasi Perkantoran".to_string(),
                Some(d("98.765")),
            ),
            (
                "Program Peningkatan Sarana dan Prasarana Aparatur".to_string(),
                Some(d("45.1")),
            ),
            ("Program tanpa anggaran".to_string(), None),
        ];
        let svg = serapan("Serapan anggaran 2020", &butir);
        for v in [
            "98,77 %",
            "45,10 %",
            "pagu 100 %",
            "data tidak tersedia",
            "serapan anggaran",
        ] {
            assert!(svg.contains(v), "{v} missing");
        }
        assert!(
            !svg.contains("melebihi pagu"),
            "legend lists only the fills in use"
        );
    }
}
