//! The trend chart: realisasi over the years, one line per series, targets dashed.

use kinerja_core::angka::format_angka;
use rust_decimal::Decimal;

use crate::kanvas::{
    HURUF_KECIL, LEBAR, TAK_TERSEDIA, TEPI, desimal_langkah, f, kepala, kosong, label_sumbu,
    langkah, teks_halo, tulis_judul,
};
use crate::teks::{bungkus, esc, lebar_teks};

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
    use crate::uji::contoh_seri;

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
}
