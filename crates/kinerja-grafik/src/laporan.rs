//! Charts as self-contained SVG (text in "DejaVu Sans"), readable in print and without colour:
//! values are written on the bars, patterns and line styles tell series apart.
//!
//! Conventions shared with the SKM chart (`kinerja_skm::grafik`): a white background, a bold
//! title, horizontal bars so long names stay readable, values in bold with a white halo, a thick
//! dashed black reference line, hatching for the bars that fall short. The drawing is 760 units
//! wide: printed 160 mm wide one unit is 0.21 mm, so the 13-unit labels print at about 7.8 pt.
//!
//! Names are wrapped with DejaVu Sans advance widths (the font the PNG and PDF renderers embed),
//! to three lines at most, the last cut with "…". Every number is printed the Indonesian way
//! (`kinerja_core::angka`). Output is a pure function of the input: no ids from counters, no
//! hashing, no floating-point text beyond one fixed decimal.

use kinerja_core::angka::{format_angka, format_persen};
use rust_decimal::Decimal;
use rust_decimal::prelude::{FromPrimitive, ToPrimitive};

/// Width of every chart in SVG units.
const LEBAR: f64 = 760.0;
/// Outer margin.
const TEPI: f64 = 16.0;
const HURUF_JUDUL: f64 = 16.0;
const HURUF: f64 = 13.0;
const HURUF_KECIL: f64 = 12.0;
/// Line height of 13-unit text.
const JARAK_BARIS: f64 = 15.0;
const TAK_TERSEDIA: &str = "data tidak tersedia";

/// Advance widths of DejaVu Sans for ASCII 32..=126, in 1/1000 em (from the font's `hmtx`).
const LEBAR_ASCII: [u16; 95] = [
    318, 401, 460, 838, 636, 950, 780, 275, 390, 390, 500, 838, 318, 361, 318, 337, 636, 636, 636,
    636, 636, 636, 636, 636, 636, 636, 337, 337, 838, 838, 838, 531, 1000, 684, 686, 698, 770, 632,
    575, 775, 752, 295, 295, 656, 557, 863, 748, 787, 603, 787, 695, 635, 611, 732, 684, 989, 685,
    611, 685, 390, 337, 390, 838, 500, 500, 613, 635, 550, 635, 615, 352, 635, 634, 278, 278, 579,
    278, 974, 634, 612, 635, 635, 411, 521, 392, 634, 592, 818, 592, 592, 525, 636, 337, 636, 838,
];

/// Escapes text for XML (and HTML) content and attribute values.
pub fn esc(s: &str) -> String {
    let mut o = String::with_capacity(s.len() + 8);
    for c in s.chars() {
        match c {
            '&' => o.push_str("&amp;"),
            '<' => o.push_str("&lt;"),
            '>' => o.push_str("&gt;"),
            '"' => o.push_str("&quot;"),
            '\'' => o.push_str("&#39;"),
            // Control characters are not allowed in XML 1.0; a stray one must not break the chart.
            c if c.is_control() && c != '\n' && c != '\t' => o.push(' '),
            c => o.push(c),
        }
    }
    o
}

/// Estimated width of `s` set in DejaVu Sans at `ukuran` (bold is about 10 % wider).
fn lebar_teks(s: &str, ukuran: f64, tebal: bool) -> f64 {
    let em: u32 = s
        .chars()
        .map(|c| match c as u32 {
            k @ 32..=126 => u32::from(LEBAR_ASCII[(k - 32) as usize]),
            _ => 700,
        })
        .sum();
    f64::from(em) / 1000.0 * ukuran * if tebal { 1.1 } else { 1.0 }
}

/// Cuts `s` to fit `lebar` with "…" at the end (at a word boundary when one is near).
fn potong(s: &str, lebar: f64, ukuran: f64) -> String {
    let mut t: String = s.trim_end().to_string();
    while !t.is_empty() && lebar_teks(&format!("{t}…"), ukuran, false) > lebar {
        t.pop();
    }
    // Prefer ending on a whole word if that loses little.
    if let Some(i) = t.rfind(' ')
        && t.len() - i < 12
        && i > 0
    {
        t.truncate(i);
    }
    let t = t.trim_end_matches([' ', ',', ';', ':', '-', '/', '(']);
    format!("{t}…")
}

/// Word-wraps `s` into lines no wider than `lebar` at font size `ukuran`, at most `maks` lines;
/// when the text does not fit, the last line ends with "…". A word longer than a line is split.
fn bungkus(s: &str, lebar: f64, ukuran: f64, maks: usize) -> Vec<String> {
    let maks = maks.max(1);
    let mut baris: Vec<String> = Vec::new();
    let mut cur = String::new();
    for kata in s.split_whitespace() {
        let calon = if cur.is_empty() {
            kata.to_string()
        } else {
            format!("{cur} {kata}")
        };
        if lebar_teks(&calon, ukuran, false) <= lebar {
            cur = calon;
            continue;
        }
        if !cur.is_empty() {
            baris.push(std::mem::take(&mut cur));
        }
        // The word alone: split it by characters if it is wider than a line.
        let mut sisa = kata.to_string();
        while lebar_teks(&sisa, ukuran, false) > lebar {
            let mut potongan = String::new();
            for c in sisa.chars() {
                potongan.push(c);
                if lebar_teks(&potongan, ukuran, false) > lebar {
                    potongan.pop();
                    break;
                }
            }
            if potongan.is_empty() {
                break;
            }
            sisa = sisa[potongan.len()..].to_string();
            baris.push(potongan);
        }
        cur = sisa;
    }
    if !cur.is_empty() {
        baris.push(cur);
    }
    if baris.is_empty() {
        baris.push(String::new());
    }
    if baris.len() > maks {
        let sisa = baris[maks - 1..].join(" ");
        baris.truncate(maks - 1);
        baris.push(potong(&sisa, lebar, ukuran));
    }
    baris
}

fn f(d: Decimal) -> f64 {
    d.to_f64().unwrap_or(0.0)
}

/// A round tick step for a range of `rentang`, giving at most six intervals.
fn langkah(rentang: f64) -> f64 {
    let rentang = if rentang.is_finite() && rentang > 0.0 {
        rentang
    } else {
        1.0
    };
    let p = 10f64.powf((rentang / 6.0).log10().floor());
    [1.0, 2.0, 2.5, 5.0, 10.0]
        .iter()
        .map(|m| m * p)
        .find(|s| rentang / s <= 6.0 + 1e-9)
        .unwrap_or(10.0 * p)
}

/// Decimals needed to print multiples of `step` exactly (0, 1 or 2).
fn desimal_langkah(step: f64) -> u32 {
    (0..=2)
        .find(|&d| {
            let k = step * 10f64.powi(d as i32);
            (k - k.round()).abs() < 1e-6
        })
        .unwrap_or(2)
}

/// A tick value printed the Indonesian way ("1.500", "0,5").
fn label_sumbu(v: f64, desimal: u32) -> String {
    format_angka(Decimal::from_f64(v).unwrap_or_default(), desimal)
}

/// "100 %" for a whole number, "87,50 %" otherwise.
fn persen_ringkas(p: Decimal) -> String {
    if p.fract().is_zero() {
        format_persen(p, 0)
    } else {
        format_persen(p, 2)
    }
}

fn kepala(s: &mut String, tinggi: f64, judul: &str) {
    s.push_str(&format!(
        r##"<svg xmlns="http://www.w3.org/2000/svg" width="{LEBAR}" height="{tinggi:.0}" viewBox="0 0 {LEBAR} {tinggi:.0}" font-family="DejaVu Sans, sans-serif" font-size="{HURUF}" role="img">
<title>{}</title>
<defs><pattern id="kg-arsir" patternUnits="userSpaceOnUse" width="7" height="7" patternTransform="rotate(45)"><rect width="7" height="7" fill="#ffffff"/><line x1="0" y1="0" x2="0" y2="7" stroke="#000000" stroke-width="2.2"/></pattern></defs>
<rect width="100%" height="100%" fill="#ffffff"/>
"##,
        esc(judul)
    ));
}

/// The title lines (bold, wrapped to two lines); returns the y below them.
fn tulis_judul(s: &mut String, judul: &str) -> f64 {
    let baris = bungkus(judul, LEBAR - 2.0 * TEPI, HURUF_JUDUL * 1.1, 2);
    let mut y = TEPI + HURUF_JUDUL;
    for b in &baris {
        s.push_str(&format!(
            r#"<text x="{TEPI}" y="{y:.1}" font-size="{HURUF_JUDUL}" font-weight="bold">{}</text>
"#,
            esc(b)
        ));
        y += HURUF_JUDUL + 4.0;
    }
    y - HURUF_JUDUL + 6.0
}

/// Text with a white halo so it stays legible over lines and hatching.
fn teks_halo(x: f64, y: f64, anchor: &str, atribut: &str, isi: &str) -> String {
    format!(
        r##"<text x="{x:.1}" y="{y:.1}" text-anchor="{anchor}" {atribut} stroke="#ffffff" stroke-width="4" stroke-linejoin="round" paint-order="stroke">{}</text>
"##,
        esc(isi)
    )
}

/// A chart with nothing to draw: the title and "data tidak tersedia".
fn kosong(judul: &str) -> String {
    let mut badan = String::new();
    let y = tulis_judul(&mut badan, judul);
    let tinggi = y + 70.0;
    badan.push_str(&format!(
        r##"<rect x="{TEPI}" y="{:.1}" width="{:.1}" height="50" fill="none" stroke="#808080" stroke-dasharray="4 4"/>
<text x="{:.1}" y="{:.1}" text-anchor="middle" font-style="italic">{TAK_TERSEDIA}</text>
</svg>
"##,
        y + 6.0,
        LEBAR - 2.0 * TEPI,
        LEBAR / 2.0,
        y + 36.0
    ));
    let mut s = String::new();
    kepala(&mut s, tinggi, judul);
    s.push_str(&badan);
    s
}

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

/// Line colours: dark enough to read as black in greyscale; markers tell the series apart.
const WARNA: [&str; 6] = [
    "#000000", "#1f4e79", "#7f3f00", "#2e6b30", "#6b2e6b", "#505050",
];

/// A marker of shape `bentuk` (0-5) centred at (x, y); `kosong` draws it white-filled (targets).
fn penanda(bentuk: usize, x: f64, y: f64, warna: &str, kosong: bool) -> String {
    let fill = if kosong { "#ffffff" } else { warna };
    let gaya = format!(r#"fill="{fill}" stroke="{warna}" stroke-width="1.8""#);
    match bentuk % 6 {
        0 => format!(r#"<circle cx="{x:.1}" cy="{y:.1}" r="5" {gaya}/>"#),
        1 => format!(
            r#"<rect x="{:.1}" y="{:.1}" width="9" height="9" {gaya}/>"#,
            x - 4.5,
            y - 4.5
        ),
        2 => format!(
            r#"<path d="M{x:.1},{:.1} L{:.1},{:.1} L{:.1},{:.1} Z" {gaya}/>"#,
            y - 6.0,
            x + 5.5,
            y + 4.0,
            x - 5.5,
            y + 4.0
        ),
        3 => format!(
            r#"<path d="M{x:.1},{:.1} L{:.1},{y:.1} L{x:.1},{:.1} L{:.1},{y:.1} Z" {gaya}/>"#,
            y - 6.0,
            x + 6.0,
            y + 6.0,
            x - 6.0
        ),
        4 => format!(
            r#"<path d="M{x:.1},{:.1} L{:.1},{:.1} L{:.1},{:.1} Z" {gaya}/>"#,
            y + 6.0,
            x + 5.5,
            y - 4.0,
            x - 5.5,
            y - 4.0
        ),
        _ => format!(
            r#"<path d="M{:.1},{:.1} L{:.1},{:.1} M{:.1},{:.1} L{:.1},{:.1}" fill="none" stroke="{warna}" stroke-width="2.4"/>"#,
            x - 5.0,
            y - 5.0,
            x + 5.0,
            y + 5.0,
            x - 5.0,
            y + 5.0,
            x + 5.0,
            y - 5.0
        ),
    }
}

/// The marker shape of series `k`: colour and shape both cycle through six, offset so the pair
/// repeats only after 36 series.
fn bentuk_seri(k: usize) -> usize {
    (k + k / WARNA.len()) % 6
}

/// Polylines through the runs of known values (a `None` breaks the line).
fn garis(titik: &[Option<(f64, f64)>], warna: &str, putus: bool) -> String {
    let mut s = String::new();
    let dash = if putus {
        r#" stroke-dasharray="7 5""#
    } else {
        ""
    };
    let lebar = if putus { 1.8 } else { 2.4 };
    for run in titik.split(|t| t.is_none()) {
        if run.len() < 2 {
            continue;
        }
        let pts: Vec<String> = run
            .iter()
            .flatten()
            .map(|(x, y)| format!("{x:.1},{y:.1}"))
            .collect();
        s.push_str(&format!(
            r#"<polyline points="{}" fill="none" stroke="{warna}" stroke-width="{lebar}"{dash} stroke-linejoin="round"/>
"#,
            pts.join(" ")
        ));
    }
    s
}

/// Realisasi over the years, one line per series, with the targets dashed where given.
/// `tahun` are the x positions; each series has one value per year (`None` = no data).
///
/// Realisasi: solid line, filled marker, value in bold beside each point. Target: dashed line
/// of the same series, hollow marker (its values are written too when there is one series).
/// Series differ by marker shape (and colour on screen); the legend numbers them. A year where
/// no series has a realisasi is marked "data tidak tersedia"; other gaps are listed under the
/// legend.
pub fn tren(judul: &str, tahun: &[u16], seri: &[Seri]) -> String {
    let nilai_di = |v: &[Option<Decimal>], i: usize| v.get(i).copied().flatten();
    let semua: Vec<f64> = seri
        .iter()
        .flat_map(|s| {
            (0..tahun.len()).flat_map(move |i| [nilai_di(&s.realisasi, i), nilai_di(&s.target, i)])
        })
        .flatten()
        .map(f)
        .collect();
    if tahun.is_empty() || seri.is_empty() || semua.is_empty() {
        return kosong(judul);
    }
    let lo = semua.iter().copied().fold(0.0, f64::min);
    let hi = semua.iter().copied().fold(0.0, f64::max);
    let step = langkah(hi - lo);
    let puncak = ((hi / step - 1e-9).ceil() * step).max(step);
    let dasar = (lo / step + 1e-9).floor() * step;
    let dp = desimal_langkah(step);
    let tick: Vec<(f64, String)> = {
        let n = ((puncak - dasar) / step).round() as i64;
        (0..=n)
            .map(|k| {
                let v = dasar + k as f64 * step;
                (v, label_sumbu(v, dp))
            })
            .collect()
    };
    let kiri = TEPI
        + tick
            .iter()
            .map(|(_, t)| lebar_teks(t, HURUF_KECIL, false))
            .fold(0.0, f64::max)
        + 10.0;
    let kanan = LEBAR - TEPI;
    let mut badan = String::new();
    let y_judul = tulis_judul(&mut badan, judul);
    let atas = y_judul + 16.0;
    let bawah = atas + 300.0;
    let kolom = (kanan - kiri) / tahun.len() as f64;
    let x = |i: usize| kiri + (i as f64 + 0.5) * kolom;
    let y = |v: f64| bawah - (v - dasar) / (puncak - dasar) * (bawah - atas);

    // Grid, axes, year labels.
    for (v, t) in &tick {
        let yv = y(*v);
        badan.push_str(&format!(
            r##"<line x1="{kiri:.1}" y1="{yv:.1}" x2="{kanan:.1}" y2="{yv:.1}" stroke="#d0d0d0" stroke-width="1"/>
<text x="{:.1}" y="{:.1}" text-anchor="end" font-size="{HURUF_KECIL}">{t}</text>
"##,
            kiri - 6.0,
            yv + 4.0
        ));
    }
    badan.push_str(&format!(
        r##"<line x1="{kiri:.1}" y1="{atas:.1}" x2="{kiri:.1}" y2="{bawah:.1}" stroke="#000000" stroke-width="1.5"/>
<line x1="{kiri:.1}" y1="{:.1}" x2="{kanan:.1}" y2="{:.1}" stroke="#000000" stroke-width="1.5"/>
"##,
        y(0.0_f64.clamp(dasar, puncak)),
        y(0.0_f64.clamp(dasar, puncak))
    ));
    for (i, t) in tahun.iter().enumerate() {
        badan.push_str(&format!(
            r#"<text x="{:.1}" y="{:.1}" text-anchor="middle">{t}</text>
"#,
            x(i),
            bawah + 18.0
        ));
        if seri.iter().all(|s| nilai_di(&s.realisasi, i).is_none()) {
            badan.push_str(&format!(
                r##"<text x="{:.1}" y="{:.1}" text-anchor="middle" font-size="11" font-style="italic" fill="#333333"><tspan x="{:.1}">data tidak</tspan><tspan x="{:.1}" dy="13">tersedia</tspan></text>
"##,
                x(i),
                bawah - 22.0,
                x(i),
                x(i)
            ));
        }
    }

    // Lines first, then markers, then labels, so labels stay on top.
    let mut penanda_svg = String::new();
    // Per year: the value labels and every marker's y.
    let mut label_kolom: Vec<Vec<LabelTitik>> = vec![Vec::new(); tahun.len()];
    let mut titik_kolom: Vec<Vec<f64>> = vec![Vec::new(); tahun.len()];
    for (k, s) in seri.iter().enumerate() {
        let warna = WARNA[k % WARNA.len()];
        let titik = |v: &[Option<Decimal>]| -> Vec<Option<(f64, f64)>> {
            (0..tahun.len())
                .map(|i| nilai_di(v, i).map(|n| (x(i), y(f(n)))))
                .collect()
        };
        let tr = titik(&s.target);
        let rr = titik(&s.realisasi);
        badan.push_str(&garis(&tr, warna, true));
        badan.push_str(&garis(&rr, warna, false));
        for (i, p) in tr.iter().enumerate() {
            if let Some((px, py)) = p {
                penanda_svg.push_str(&penanda(bentuk_seri(k), *px, *py, warna, true));
                penanda_svg.push('\n');
                titik_kolom[i].push(*py);
                if seri.len() == 1 {
                    let v = nilai_di(&s.target, i).unwrap_or_default();
                    label_kolom[i].push(LabelTitik {
                        y: *py,
                        teks: format_angka(v, 2),
                        realisasi: false,
                        warna,
                        dx: 0.0,
                    });
                }
            }
        }
        for (i, p) in rr.iter().enumerate() {
            if let Some((px, py)) = p {
                penanda_svg.push_str(&penanda(bentuk_seri(k), *px, *py, warna, false));
                penanda_svg.push('\n');
                titik_kolom[i].push(*py);
                let v = nilai_di(&s.realisasi, i).unwrap_or_default();
                label_kolom[i].push(LabelTitik {
                    y: *py,
                    teks: format_angka(v, 2),
                    realisasi: true,
                    warna,
                    dx: 0.0,
                });
            }
        }
    }
    badan.push_str(&penanda_svg);
    // Labels centred above their points, or below where another marker of the year is close
    // above (the lower of two close points), then pushed apart vertically where they overlap.
    for (i, kol) in label_kolom.iter_mut().enumerate() {
        let titik = &titik_kolom[i];
        let dekat = |y: f64, arah: f64| {
            titik
                .iter()
                .any(|&q| (q - y) * arah > 0.5 && (q - y) * arah < 28.0)
        };
        for l in kol.iter_mut() {
            // Realisasi prefer above, targets below; each takes the other side when its own is
            // crowded and the other is not, and goes right of its point when both are.
            let atas_penuh = dekat(l.y, -1.0);
            let bawah_penuh = dekat(l.y, 1.0);
            if atas_penuh && bawah_penuh {
                l.y += 4.5;
                l.dx = 9.0;
            } else if l.realisasi && !atas_penuh || !l.realisasi && bawah_penuh {
                l.y -= 9.0;
            } else {
                l.y += 18.0;
            }
        }
        kol.sort_by(|a, b| a.y.total_cmp(&b.y).then_with(|| a.teks.cmp(&b.teks)));
        let mut posisi: Vec<f64> = kol.iter().map(|l| l.y).collect();
        for j in 1..posisi.len() {
            posisi[j] = posisi[j].max(posisi[j - 1] + 14.0);
        }
        // Keep the stack inside the plot: down if it starts above the top, up if it runs below.
        if let Some(&awal) = posisi.first()
            && awal < atas - 2.0
        {
            let geser = atas - 2.0 - awal;
            for p in &mut posisi {
                *p += geser;
            }
        }
        if let Some(&akhir) = posisi.last()
            && akhir > bawah - 2.0
        {
            let geser = akhir - (bawah - 2.0);
            for p in &mut posisi {
                *p -= geser;
            }
        }
        for (l, py) in kol.iter().zip(&posisi) {
            let atribut = if l.realisasi {
                format!(
                    r#"font-size="{HURUF_KECIL}" font-weight="bold" fill="{}""#,
                    l.warna
                )
            } else {
                format!(r#"font-size="{HURUF_KECIL}" fill="{}""#, l.warna)
            };
            let anchor = if l.dx > 0.0 { "start" } else { "middle" };
            badan.push_str(&teks_halo(x(i) + l.dx, *py, anchor, &atribut, &l.teks));
        }
    }

    // Legend: how to read the styles, then one numbered entry per series.
    let mut yl = bawah + 46.0;
    let ada_target = seri
        .iter()
        .any(|s| (0..tahun.len()).any(|i| nilai_di(&s.target, i).is_some()));
    let keterangan = if ada_target && seri.len() == 1 {
        "Garis utuh, penanda penuh, angka tebal: realisasi. Garis putus-putus, penanda kosong, angka biasa: target."
    } else if ada_target {
        "Garis utuh, penanda penuh, angka tebal: realisasi. Garis putus-putus, penanda kosong: target."
    } else {
        "Garis utuh, penanda penuh, angka tebal: realisasi."
    };
    badan.push_str(&format!(
        r#"<text x="{TEPI}" y="{yl:.1}" font-size="{HURUF_KECIL}">{}</text>
"#,
        esc(keterangan)
    ));
    yl += 22.0;
    let x_nama = TEPI + if ada_target { 112.0 } else { 56.0 };
    for (k, s) in seri.iter().enumerate() {
        let warna = WARNA[k % WARNA.len()];
        let ym = yl - 4.5;
        badan.push_str(&format!(
            r#"<line x1="{TEPI}" y1="{ym:.1}" x2="{:.1}" y2="{ym:.1}" stroke="{warna}" stroke-width="2.4"/>
{}
"#,
            TEPI + 44.0,
            penanda(bentuk_seri(k), TEPI + 22.0, ym, warna, false)
        ));
        if ada_target {
            badan.push_str(&format!(
                r#"<line x1="{:.1}" y1="{ym:.1}" x2="{:.1}" y2="{ym:.1}" stroke="{warna}" stroke-width="1.8" stroke-dasharray="7 5"/>
{}
"#,
                TEPI + 56.0,
                TEPI + 100.0,
                penanda(bentuk_seri(k), TEPI + 78.0, ym, warna, true)
            ));
        }
        let nama = bungkus(
            &format!("{}. {}", k + 1, s.nama),
            LEBAR - TEPI - x_nama,
            HURUF_KECIL,
            2,
        );
        for (j, b) in nama.iter().enumerate() {
            badan.push_str(&format!(
                r#"<text x="{x_nama:.1}" y="{:.1}" font-size="{HURUF_KECIL}">{}</text>
"#,
                yl + j as f64 * 14.0,
                esc(b)
            ));
        }
        yl += nama.len() as f64 * 14.0 + 8.0;
    }
    // Gaps that the year marks above do not already say.
    let mut celah: Vec<String> = Vec::new();
    for (k, s) in seri.iter().enumerate() {
        let tahun_kosong: Vec<String> = (0..tahun.len())
            .filter(|&i| {
                nilai_di(&s.realisasi, i).is_none()
                    && seri.iter().any(|o| nilai_di(&o.realisasi, i).is_some())
            })
            .map(|i| tahun[i].to_string())
            .collect();
        if !tahun_kosong.is_empty() {
            celah.push(format!("seri {} tahun {}", k + 1, tahun_kosong.join(", ")));
        }
    }
    let mut catatan = String::from("Angka dibulatkan 2 desimal hanya saat dicetak.");
    if !celah.is_empty() {
        catatan = format!(
            "Realisasi {}: {}. {catatan}",
            TAK_TERSEDIA,
            celah.join("; ")
        );
    }
    let mut y_akhir = yl - 6.0;
    for b in bungkus(&catatan, LEBAR - 2.0 * TEPI, 11.0, 3) {
        y_akhir += 15.0;
        badan.push_str(&format!(
            r##"<text x="{TEPI}" y="{y_akhir:.1}" font-size="11" fill="#333333">{}</text>
"##,
            esc(&b)
        ));
    }
    let tinggi = y_akhir + TEPI;
    let mut s = String::with_capacity(badan.len() + 1024);
    kepala(&mut s, tinggi, judul);
    s.push_str(&badan);
    s.push_str("</svg>\n");
    s
}

/// A value written beside a point of the trend chart.
#[derive(Clone)]
struct LabelTitik {
    /// The point's y, then the label's baseline once placed.
    y: f64,
    teks: String,
    /// Realisasi (bold) or target.
    realisasi: bool,
    warna: &'static str,
    /// Horizontal offset from the point: 0 centred above or below, > 0 to the right.
    dx: f64,
}

/// One line of a trend chart.
#[derive(Debug, Clone, PartialEq)]
pub struct Seri {
    pub nama: String,
    pub realisasi: Vec<Option<Decimal>>,
    pub target: Vec<Option<Decimal>>,
}

#[cfg(test)]
mod tests {
    use super::*;

    fn d(s: &str) -> Decimal {
        s.parse().unwrap()
    }

    const PANJANG: &str = "Persentase desa yang menyusun dokumen perencanaan dan penganggaran desa (RPJMDes, RKPDes dan APBDes) tepat waktu sesuai ketentuan peraturan perundang-undangan yang berlaku";

    fn contoh_capaian() -> Vec<(String, Option<Decimal>)> {
        vec![
            ("Indeks Kepuasan Masyarakat".into(), Some(d("107.43"))),
            (PANJANG.into(), Some(d("87.5"))),
            ("Nilai <SAKIP> & \"LKjIP\"".into(), None),
            (
                "Persentase surat selesai tepat waktu".into(),
                Some(d("100")),
            ),
        ]
    }

    fn contoh_seri() -> Vec<Seri> {
        vec![
            Seri {
                nama: "Indeks Kepuasan Masyarakat (IKM) unit layanan PATEN".into(),
                realisasi: vec![
                    Some(d("76.2")),
                    None,
                    Some(d("80.5")),
                    Some(d("82.125")),
                    None,
                ],
                target: vec![
                    Some(d("75")),
                    Some(d("76")),
                    Some(d("77")),
                    Some(d("78")),
                    Some(d("79")),
                ],
            },
            Seri {
                nama: PANJANG.into(),
                realisasi: vec![Some(d("60")), Some(d("70")), None, Some(d("90")), None],
                target: vec![None, None, None, None, None],
            },
        ]
    }

    #[test]
    fn labels_wrap_to_the_width_and_the_last_line_is_cut_with_an_ellipsis() {
        assert_eq!(
            bungkus("Indeks Kepuasan", 300.0, 13.0, 3),
            ["Indeks Kepuasan"]
        );
        let b = bungkus(PANJANG, 292.0, 13.0, 3);
        assert_eq!(b.len(), 3);
        assert!(
            b.iter().all(|l| lebar_teks(l, 13.0, false) <= 292.0),
            "{b:?}"
        );
        assert!(b[2].ends_with('…'));
        // Nothing is lost when it fits.
        let b = bungkus(PANJANG, 500.0, 13.0, 3);
        assert_eq!(b.join(" "), PANJANG);
        // A word longer than the line is split, never overflows.
        let b = bungkus(&"x".repeat(200), 100.0, 13.0, 3);
        assert!(
            b.iter().all(|l| lebar_teks(l, 13.0, false) <= 100.0),
            "{b:?}"
        );
        assert_eq!(bungkus("", 100.0, 13.0, 3), [""]);
    }

    #[test]
    fn markup_in_labels_is_escaped() {
        assert_eq!(
            esc("Biaya <& \"tarif\">"),
            "Biaya &lt;&amp; &quot;tarif&quot;&gt;"
        );
        let svg = batang_capaian("Capaian <2020> & \"x\"", &contoh_capaian(), d("100"));
        assert!(svg.contains("Nilai &lt;SAKIP&gt; &amp; &quot;LKjIP&quot;"));
        assert!(svg.contains("Capaian &lt;2020&gt; &amp; &quot;x&quot;"));
        assert!(!svg.contains("<SAKIP>"));
        let mut seri = contoh_seri();
        seri[0].nama = "A & B <c>".into();
        let svg = tren("T", &[2016, 2017, 2018, 2019, 2020], &seri);
        assert!(svg.contains("1. A &amp; B &lt;c&gt;"));
    }

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

    #[test]
    fn trend_chart_breaks_lines_at_gaps_and_writes_values() {
        let tahun = [2016, 2017, 2018, 2019, 2020];
        let svg = tren("Tren sasaran 1", &tahun, &contoh_seri());
        for v in [
            "2016",
            "2020",
            "76,20",
            "82,13",
            "90,00",
            "1. Indeks Kepuasan",
            "2. Persentase desa",
        ] {
            assert!(svg.contains(v), "{v} missing");
        }
        // Years are printed as years, never "2.016".
        assert!(!svg.contains("2.016"));
        // 2020: no series has a realisasi.
        assert!(svg.contains("data tidak</tspan>"));
        assert!(svg.contains("seri 1 tahun 2017"));
        // Series 1 realisasi: runs [2016] [2018, 2019] -> one polyline; series 2: [2016, 2017],
        // [2019] -> one polyline; the target of series 1 is one dashed polyline.
        assert_eq!(svg.matches("<polyline").count(), 3);
        assert_eq!(
            svg.matches("stroke-dasharray=\"7 5\" stroke-linejoin")
                .count(),
            1
        );
    }

    #[test]
    fn charts_are_deterministic() {
        let tahun = [2016, 2017, 2018, 2019, 2020];
        assert_eq!(
            batang_capaian("a", &contoh_capaian(), d("100")),
            batang_capaian("a", &contoh_capaian(), d("100"))
        );
        assert_eq!(
            serapan("a", &contoh_capaian()),
            serapan("a", &contoh_capaian())
        );
        assert_eq!(
            tren("a", &tahun, &contoh_seri()),
            tren("a", &tahun, &contoh_seri())
        );
    }

    #[test]
    fn empty_inputs_give_a_chart_that_says_so() {
        for svg in [
            batang_capaian("Kosong", &[], d("100")),
            serapan("Kosong", &[]),
            tren("Kosong", &[], &[]),
            tren(
                "Kosong",
                &[2020],
                &[Seri {
                    nama: "x".into(),
                    realisasi: vec![None],
                    target: vec![],
                }],
            ),
        ] {
            assert!(svg.contains("data tidak tersedia"));
            assert!(crate::skm::svg_ke_png(&svg, 0.5).is_ok());
        }
    }

    #[test]
    fn axis_steps_are_round() {
        assert_eq!(langkah(100.0), 20.0);
        assert_eq!(langkah(250.0), 50.0);
        assert_eq!(langkah(3.0), 0.5);
        assert_eq!(desimal_langkah(0.5), 1);
        assert_eq!(desimal_langkah(25.0), 0);
        assert_eq!(label_sumbu(1500.0, 0), "1.500");
    }

    #[test]
    fn extreme_values_stay_inside_the_drawing() {
        let butir = vec![
            ("negatif".to_string(), Some(d("-12.5"))),
            ("besar".to_string(), Some(d("12345.678"))),
            ("nol".to_string(), Some(d("0"))),
        ];
        let svg = batang_capaian("x", &butir, d("100"));
        assert!(svg.contains("-12,50 %") && svg.contains("12.345,68 %"));
        assert!(!svg.contains("width=\"-"), "no negative widths");
        assert!(crate::skm::svg_ke_png(&svg, 0.5).is_ok());
        let seri = [Seri {
            nama: "turun".into(),
            realisasi: vec![Some(d("-5")), Some(d("3"))],
            target: vec![Some(d("0")), Some(d("0"))],
        }];
        let svg = tren("x", &[2019, 2020], &seri);
        assert!(svg.contains("-5,00"));
        assert!(crate::skm::svg_ke_png(&svg, 0.5).is_ok());
    }

    /// Writes the sample charts as PNG to /tmp to look at them:
    /// `cargo test -p kinerja-grafik laporan::tests::tulis_png -- --ignored`.
    #[test]
    #[ignore]
    fn tulis_png() {
        let tahun = [2016, 2017, 2018, 2019, 2020];
        let mut satu = contoh_seri();
        satu.truncate(1);
        let banyak: Vec<Seri> = (0..7)
            .map(|k| Seri {
                nama: format!("Indikator {k} {}", &PANJANG[..40]),
                realisasi: (0..5)
                    .map(|i| (i + k != 6).then(|| Decimal::from(60 + 5 * k + 3 * i)))
                    .collect(),
                target: (0..5).map(|_| Some(Decimal::from(70 + 5 * k))).collect(),
            })
            .collect();
        for (nama, svg) in [
            (
                "capaian",
                batang_capaian(
                    "Capaian indikator kinerja tahun 2020",
                    &contoh_capaian(),
                    d("100"),
                ),
            ),
            (
                "serapan",
                serapan("Serapan anggaran per program tahun 2020", &contoh_capaian()),
            ),
            (
                "tren",
                tren("Tren realisasi sasaran 1", &tahun, &contoh_seri()),
            ),
            ("tren1", tren("Tren realisasi sasaran 2", &tahun, &satu)),
            ("kosong", tren("Tren kosong", &[], &[])),
            ("banyak", tren("Tren tujuh seri", &tahun, &banyak)),
        ] {
            let png = crate::skm::svg_ke_png(&svg, 2.0).unwrap();
            std::fs::write(format!("/tmp/grafik-{nama}.png"), png).unwrap();
            std::fs::write(format!("/tmp/grafik-{nama}.svg"), svg).unwrap();
        }
    }
}
