//! The pohon kinerja as one SVG drawing: a box per node (level, statement, owner, indicators
//! with target, realisasi and capaian, the node's capaian and predikat), parents centred above
//! their children, the predikat's colour as the box's frame and header band (the predikat is also
//! written, so the drawing reads in black and white). A branch cut at the deepest level drawn
//! shows the nodes below it as counts per level.
//!
//! Sized for A3 landscape (420 x 297 mm): a box is 250 units wide and its text 11 units, so a
//! tree of up to about six boxes side by side prints at about 7 pt; wider trees print one root
//! per page (`kinerja pohon --format pdf`). Like every chart here it draws finished text and
//! figures ([`Kotak`]): it computes none.

use crate::teks::{bungkus, esc};
use std::fmt::Write;

/// A node as it is drawn: every text finished.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Kotak {
    /// "strategis OPD", "individu", ...
    pub tingkat: String,
    pub uraian: String,
    pub pemilik: Option<String>,
    /// One line per indicator: "uraian" and "T 80 · R 72 · 90,00 %".
    pub indikator: Vec<(String, String)>,
    /// "Capaian 85,00 % · Baik", or "Capaian: data tidak tersedia".
    pub capaian: String,
    /// The predikat's colour (a CSS hex colour, checked by the caller); none: grey.
    pub warna: Option<String>,
    /// The nodes below a cut branch: "operasional 5 · individu 1".
    pub ringkas: Option<String>,
    pub anak: Vec<Kotak>,
}

const LEBAR_KOTAK: f64 = 250.0;
const JARAK_X: f64 = 24.0;
const JARAK_Y: f64 = 46.0;
const TEPI: f64 = 20.0;
const HURUF: f64 = 11.0;
const HURUF_KECIL: f64 = 9.5;
const BARIS: f64 = 13.0;
const PADAT: f64 = 8.0;
/// At most this many indicators are written in a box; the rest are counted.
const MAKS_INDIKATOR: usize = 3;

/// The lines of a box, with their size and weight.
struct Isi {
    baris: Vec<(String, f64, bool)>,
    tinggi: f64,
}

fn isi(k: &Kotak) -> Isi {
    let lebar = LEBAR_KOTAK - 2.0 * PADAT;
    let mut baris = Vec::new();
    for b in bungkus(&k.uraian, lebar, HURUF * 1.1, 3) {
        baris.push((b, HURUF, true));
    }
    if let Some(p) = &k.pemilik {
        for b in bungkus(p, lebar, HURUF_KECIL, 2) {
            baris.push((b, HURUF_KECIL, false));
        }
    }
    for (u, angka) in k.indikator.iter().take(MAKS_INDIKATOR) {
        for b in bungkus(u, lebar, HURUF_KECIL, 2) {
            baris.push((b, HURUF_KECIL, false));
        }
        for b in bungkus(angka, lebar, HURUF_KECIL * 1.1, 2) {
            baris.push((b, HURUF_KECIL, true));
        }
    }
    if k.indikator.len() > MAKS_INDIKATOR {
        baris.push((
            format!("+{} indikator lain", k.indikator.len() - MAKS_INDIKATOR),
            HURUF_KECIL,
            false,
        ));
    }
    for b in bungkus(&k.capaian, lebar, HURUF * 1.1, 2) {
        baris.push((b, HURUF, true));
    }
    if let Some(r) = &k.ringkas {
        for b in bungkus(&format!("di bawahnya: {r}"), lebar, HURUF_KECIL, 2) {
            baris.push((b, HURUF_KECIL, false));
        }
    }
    // The header band (the level) and the padding.
    let tinggi = 18.0 + PADAT + baris.len() as f64 * BARIS + PADAT;
    Isi { baris, tinggi }
}

/// A node laid out: its box's left edge, its depth and its children.
struct Letak<'a> {
    k: &'a Kotak,
    isi: Isi,
    x: f64,
    kedalaman: usize,
    anak: Vec<Letak<'a>>,
}

/// Places leaves left to right and each parent centred over its children; `x` is the next free
/// left edge. Returns the node laid out.
fn tata<'a>(k: &'a Kotak, kedalaman: usize, x: &mut f64) -> Letak<'a> {
    let anak: Vec<Letak> = k.anak.iter().map(|a| tata(a, kedalaman + 1, x)).collect();
    let kiri = match (anak.first(), anak.last()) {
        (Some(a), Some(b)) => (a.x + b.x) / 2.0,
        _ => {
            let k = *x;
            *x += LEBAR_KOTAK + JARAK_X;
            k
        }
    };
    Letak {
        k,
        isi: isi(k),
        x: kiri,
        kedalaman,
        anak,
    }
}

fn tinggi_baris(l: &Letak, t: &mut Vec<f64>) {
    if t.len() <= l.kedalaman {
        t.resize(l.kedalaman + 1, 0.0);
    }
    t[l.kedalaman] = t[l.kedalaman].max(l.isi.tinggi);
    for a in &l.anak {
        tinggi_baris(a, t);
    }
}

fn gambar(l: &Letak, y: &[f64], s: &mut String) {
    let top = y[l.kedalaman];
    let warna = l.k.warna.as_deref().unwrap_or("#9e9e9e");
    let h = l.isi.tinggi;
    let _ = write!(
        s,
        r##"<g><rect x="{x:.1}" y="{top:.1}" width="{LEBAR_KOTAK}" height="{h:.1}" rx="4" fill="#ffffff" stroke="{w}" stroke-width="3"/>
<rect x="{x:.1}" y="{top:.1}" width="{LEBAR_KOTAK}" height="18" rx="4" fill="{w}"/>
<text x="{tx:.1}" y="{ty:.1}" font-size="{HURUF_KECIL}" font-weight="bold" fill="#ffffff" stroke="#000000" stroke-width="2" stroke-linejoin="round" paint-order="stroke">{t}</text>
"##,
        x = l.x,
        w = esc(warna),
        tx = l.x + PADAT,
        ty = top + 13.0,
        t = esc(&l.k.tingkat.to_uppercase()),
    );
    let mut by = top + 18.0 + PADAT;
    for (teks, ukuran, tebal) in &l.isi.baris {
        by += BARIS;
        let _ = writeln!(
            s,
            r#"<text x="{:.1}" y="{:.1}" font-size="{ukuran}"{}>{}</text>"#,
            l.x + PADAT,
            by - 3.0,
            if *tebal { r#" font-weight="bold""# } else { "" },
            esc(teks)
        );
    }
    s.push_str("</g>\n");
    if !l.anak.is_empty() {
        let cx = l.x + LEBAR_KOTAK / 2.0;
        let bawah = top + h;
        let tengah = y[l.kedalaman + 1] - JARAK_Y / 2.0;
        let _ = writeln!(
            s,
            r##"<path d="M{cx:.1} {bawah:.1}V{tengah:.1}" stroke="#000000" stroke-width="1.5" fill="none"/>"##
        );
        for a in &l.anak {
            let ax = a.x + LEBAR_KOTAK / 2.0;
            let _ = writeln!(
                s,
                r##"<path d="M{cx:.1} {tengah:.1}H{ax:.1}V{:.1}" stroke="#000000" stroke-width="1.5" fill="none"/>"##,
                y[a.kedalaman]
            );
            gambar(a, y, s);
        }
    }
}

/// The trees `akar` under the title `judul`, as one SVG.
pub fn pohon(judul: &str, akar: &[Kotak]) -> String {
    let mut x = TEPI;
    let letak: Vec<Letak> = akar.iter().map(|k| tata(k, 0, &mut x)).collect();
    let lebar = (x - JARAK_X + TEPI).max(LEBAR_KOTAK + 2.0 * TEPI);
    let judul_baris = bungkus(judul, lebar - 2.0 * TEPI, 18.0 * 1.1, 2);
    let mut tinggi: Vec<f64> = Vec::new();
    for l in &letak {
        tinggi_baris(l, &mut tinggi);
    }
    // The top of each depth's row.
    let mut y = Vec::with_capacity(tinggi.len() + 1);
    let mut atas = TEPI + judul_baris.len() as f64 * 22.0 + 12.0;
    for t in &tinggi {
        y.push(atas);
        atas += t + JARAK_Y;
    }
    y.push(atas);
    let total = if tinggi.is_empty() {
        atas + 40.0
    } else {
        atas - JARAK_Y + TEPI
    };
    let mut s = String::new();
    let _ = write!(
        s,
        r##"<svg xmlns="http://www.w3.org/2000/svg" width="{lebar:.0}" height="{total:.0}" viewBox="0 0 {lebar:.0} {total:.0}" font-family="DejaVu Sans, sans-serif" font-size="{HURUF}" role="img">
<title>{}</title>
<rect width="100%" height="100%" fill="#ffffff"/>
"##,
        esc(judul)
    );
    for (i, b) in judul_baris.iter().enumerate() {
        let _ = writeln!(
            s,
            r#"<text x="{TEPI}" y="{:.1}" font-size="18" font-weight="bold">{}</text>"#,
            TEPI + 18.0 + i as f64 * 22.0,
            esc(b)
        );
    }
    if letak.is_empty() {
        let _ = writeln!(
            s,
            r#"<text x="{TEPI}" y="{:.1}" font-style="italic">pohon kinerja tidak memuat simpul</text>"#,
            y[0] + 14.0
        );
    }
    for l in &letak {
        gambar(l, &y, &mut s);
    }
    s.push_str("</svg>\n");
    s
}

#[cfg(test)]
mod tests {
    use super::*;

    fn kotak(u: &str, anak: Vec<Kotak>) -> Kotak {
        Kotak {
            tingkat: "taktis".into(),
            uraian: u.into(),
            capaian: "Capaian 90,00 % · Baik".into(),
            warna: Some("#5aae61".into()),
            anak,
            ..Kotak::default()
        }
    }

    #[test]
    fn a_parent_is_centred_over_its_children_and_text_is_escaped() {
        let akar = kotak(
            "Induk <a> & \"b\"",
            vec![kotak("Anak 1", vec![]), kotak("Anak 2", vec![])],
        );
        let svg = pohon("Pohon & <Kinerja>", &[akar]);
        assert!(svg.contains("Induk &lt;a&gt; &amp; &quot;b&quot;"));
        assert!(svg.contains("<title>Pohon &amp; &lt;Kinerja&gt;</title>"));
        assert!(!svg.contains("<a>"));
        // Two leaves at x = 20 and 20 + 250 + 24 = 294; the parent centred at (20 + 294) / 2.
        assert!(svg.contains(r#"<rect x="20.0" y="#));
        assert!(svg.contains(r#"<rect x="294.0" y="#));
        assert!(svg.contains(r#"<rect x="157.0" y="#));
        // Width: 20 + 2 x 250 + 24 + 20 = 564.
        assert!(svg.contains(r#"width="564""#));
        assert_eq!(
            svg,
            pohon(
                "Pohon & <Kinerja>",
                &[kotak(
                    "Induk <a> & \"b\"",
                    vec![kotak("Anak 1", vec![]), kotak("Anak 2", vec![])]
                )]
            )
        );
    }

    #[test]
    fn a_cut_branch_shows_its_counts_and_many_indicators_are_counted() {
        let mut k = kotak("Seksi", vec![]);
        k.ringkas = Some("individu 3".into());
        k.indikator = (1..=5)
            .map(|i| (format!("indikator {i}"), "T 1 · R 1 · 100 %".into()))
            .collect();
        let svg = pohon("P", &[k]);
        assert!(svg.contains("di bawahnya: individu 3"));
        assert!(svg.contains("+2 indikator lain"));
        assert!(svg.contains("indikator 3"));
        assert!(!svg.contains("indikator 4<"));
    }
}
