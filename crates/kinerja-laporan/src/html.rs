//! The report as one self-contained HTML file (inline CSS and SVG, print styles).
//!
//! No scripts, no external resources: the file opens offline and prints to A4 from a browser.
//! Chapters start on a new page; landscape chapters (wide matrices) go on landscape pages
//! (`@page lanskap`); table headers repeat on every printed page (`thead` as a header group).
//! Numbers are printed with [`Sel::cetak`], right-aligned; a missing figure reads
//! "data tidak tersedia" in italics. Ids are derived from positions in the document, so the same
//! document always gives the same bytes.

use crate::dokumen::{Bab, Blok, Dokumen, JenisBab, Sel, Tabel, TandaTangan};
use kinerja_grafik::esc;

mod daftar;
use daftar::daftar_isi;

const CSS: &str = r#"
:root { --tinta: #111; --garis: #444; --lembut: #f0f0f0; }
* { box-sizing: border-box; }
html { font-family: "DejaVu Sans", "Noto Sans", "Liberation Sans", Arial, sans-serif; font-size: 11pt; color: var(--tinta); background: #fff; }
body { margin: 0; padding: 12mm 10mm; line-height: 1.45; }
body > header, body > nav, body > footer, section.bab { max-width: 190mm; margin-left: auto; margin-right: auto; }
section.bab.lanskap { max-width: 277mm; }
h1, h2, h3, h4, h5 { line-height: 1.25; break-after: avoid; page-break-after: avoid; }
h2 { font-size: 14pt; text-align: center; margin: 0 0 1.2em; }
h2 .nomor-bab { display: block; }
h3 { font-size: 12pt; margin: 1.4em 0 .5em; }
h4 { font-size: 11pt; margin: 1.2em 0 .4em; }
h5 { font-size: 11pt; font-weight: normal; font-style: italic; margin: 1em 0 .3em; }
p { margin: 0 0 .7em; text-align: justify; hyphens: auto; }
a { color: inherit; }
em.tt, td.tt { font-style: italic; }
.sampul { min-height: 250mm; display: flex; flex-direction: column; align-items: center; justify-content: center; text-align: center; gap: .4em; }
.sampul h1 { font-size: 24pt; margin: 0; letter-spacing: .04em; }
.sampul img.logo { max-height: 35mm; max-width: 50mm; margin-bottom: 1em; }
.sampul .tahun { font-size: 16pt; font-weight: bold; margin: 0 0 3em; }
.sampul .instansi { font-size: 16pt; font-weight: bold; margin: 0; }
.sampul .induk { font-size: 13pt; font-weight: bold; margin: 0; }
.sampul .tanggal { margin-top: 2em; }
.sampul .sidik { margin-top: 4em; font-size: 9pt; color: #333; }
code { font-family: "DejaVu Sans Mono", monospace; font-size: .95em; }
nav.daftar-isi ol { list-style: none; padding-left: 0; margin: 0; }
nav.daftar-isi ol ol { padding-left: 1.5em; }
nav.daftar-isi li { margin: .2em 0; }
nav.daftar-isi > ol > li > a { font-weight: bold; }
section.bab { margin-top: 3em; }
table { border-collapse: collapse; width: 100%; margin: .3em 0 .4em; font-size: 9pt; }
caption { caption-side: top; font-weight: bold; text-align: center; padding: .3em 0 .5em; font-size: 10pt; }
th, td { border: 1px solid var(--garis); padding: .25em .4em; vertical-align: top; text-align: left; overflow-wrap: break-word; hyphens: manual; }
th { background: var(--lembut); text-align: center; vertical-align: middle; }
td.kanan { text-align: right; white-space: nowrap; font-variant-numeric: tabular-nums; }
td.tt.kanan { white-space: normal; }
tr.tebal td { font-weight: bold; background: #fafafa; }
thead { display: table-header-group; }
tfoot { display: table-footer-group; }
tr, figure.grafik, .ttd, .dua-pihak { break-inside: avoid; page-break-inside: avoid; }
figure { margin: 1em 0; }
figure.tabel { margin: 1.2em 0; }
figure.grafik { text-align: center; margin: 1.2em auto; }
figure.grafik svg { width: 100%; height: auto; display: block; }
p.catatan { font-size: 8.5pt; color: #333; text-align: left; margin: .2em 0 1em; }
.ttd { width: 48%; margin: 2em 0 1em auto; text-align: center; }
.ttd p { margin: 0; text-align: center; }
.ttd .ruang { height: 5.5em; }
.ttd .nama { font-weight: bold; text-decoration: underline; }
.dua-pihak { display: flex; justify-content: space-between; gap: 4%; margin: 2em 0 1em; }
.dua-pihak .ttd { margin: 0; }
.halaman-baru { break-after: page; page-break-after: always; }
footer.kaki { margin-top: 4em; padding-top: .6em; border-top: 1px solid var(--garis); font-size: 8.5pt; color: #333; }
footer.kaki p { text-align: left; }
@media screen {
  section.bab { border-top: 1px solid #bbb; padding-top: 2em; }
  figure.tabel { overflow-x: auto; }
  .sampul { min-height: 70vh; }
}
@page { size: A4 portrait; margin: 20mm 20mm 20mm 25mm;
  @bottom-center { content: counter(page); font-family: "DejaVu Sans", sans-serif; font-size: 9pt; }
  @bottom-right { font-family: "DejaVu Sans", sans-serif; font-size: 7pt; color: #555; } }
@page :first { @bottom-center { content: none; } @bottom-right { content: none; } }
@page lanskap { size: A4 landscape; margin: 20mm 20mm 20mm 20mm; }
@media print {
  html { font-size: 11pt; }
  body { padding: 0; }
  body > header, body > nav, body > footer, section.bab, section.bab.lanskap { max-width: none; }
  .sampul { min-height: 240mm; break-after: page; page-break-after: always; }
  nav.daftar-isi { break-after: page; page-break-after: always; }
  section.bab { margin-top: 0; break-before: page; page-break-before: always; }
  section.lanskap { page: lanskap; }
  a { text-decoration: none; }
  footer.kaki { break-before: avoid; }
  footer.kaki.lanskap { page: lanskap; }
}
"#;

/// The mark of a draft: a banner at the top and DRAF across the screen and every printed page.
const CSS_DRAF: &str = "p.tanda-draf { border: 2px solid #a01414; color: #a01414; font-weight: bold; text-align: center; padding: .5em; } body::after { content: \"DRAF\"; position: fixed; top: 40%; left: 0; right: 0; text-align: center; font-size: 120pt; font-weight: bold; color: rgba(200, 30, 30, .15); transform: rotate(-45deg); pointer-events: none; }";

/// The report as one HTML5 document.
pub fn html(d: &Dokumen) -> String {
    let mut o = String::with_capacity(64 * 1024 + d.bab.len() * 16 * 1024);
    let judul_dok = format!("{} {} TAHUN {}", d.judul, d.instansi, d.tahun);
    o.push_str("<!DOCTYPE html>\n<html lang=\"id\">\n<head>\n<meta charset=\"utf-8\">\n");
    o.push_str("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n");
    o.push_str(&format!(
        "<meta name=\"generator\" content=\"kinerja {}\">\n<title>{}</title>\n<style>{CSS}</style>\n",
        esc(&d.versi),
        esc(&judul_dok)
    ));
    // The fingerprint in every printed page's margin (browsers with CSS page margin boxes).
    o.push_str(&format!(
        "<style>@page {{ @bottom-right {{ content: {}; }} }} @page :first {{ @bottom-right {{ content: none; }} }}</style>\n</head>\n<body>\n",
        css_string(&format!("sidik data {} · kinerja {}", d.sidik, d.versi))
    ));
    if let Some(draf) = &d.draf {
        // Only a draft carries these: the final report's bytes do not change.
        o.push_str(&format!(
            "<style>{CSS_DRAF}</style>\n<p class=\"tanda-draf\" role=\"note\">{}</p>\n",
            esc(draf)
        ));
    }
    sampul(&mut o, d);
    daftar_isi(&mut o, d);
    o.push_str("<main>\n");
    for (i, b) in d.bab.iter().enumerate() {
        bab(&mut o, i, b);
    }
    o.push_str("</main>\n");
    // The footer shares the last chapter's pages (a landscape annex would otherwise push it onto
    // a portrait page of its own).
    let kelas_kaki = if d.bab.last().is_some_and(|b| b.lanskap) {
        "kaki lanskap"
    } else {
        "kaki"
    };
    o.push_str(&format!(
        "<footer class=\"{kelas_kaki}\">\n<p>{} · {}{} · tahun {}</p>\n<p>Disusun dari data oleh kinerja {} · sidik data <code>{}</code>. Data yang sama dan versi yang sama menghasilkan laporan yang sama; sidik data yang berbeda berarti datanya berbeda.</p>\n</footer>\n",
        esc(&d.judul),
        esc(&d.instansi),
        d.induk
            .as_deref()
            .map(|i| format!(" {}", esc(i)))
            .unwrap_or_default(),
        d.tahun,
        esc(&d.versi),
        esc(&d.sidik)
    ));
    o.push_str("</body>\n</html>\n");
    o
}

/// A CSS string literal: quotes and backslashes escaped, `<` escaped so `</style>` cannot occur.
fn css_string(s: &str) -> String {
    let mut o = String::from("\"");
    for c in s.chars() {
        match c {
            '"' => o.push_str("\\\""),
            '\\' => o.push_str("\\\\"),
            '<' => o.push_str("\\3C "),
            '\n' | '\r' => o.push_str("\\A "),
            c if c.is_control() => o.push(' '),
            c => o.push(c),
        }
    }
    o.push('"');
    o
}

fn sampul(o: &mut String, d: &Dokumen) {
    o.push_str("<header class=\"sampul\" id=\"sampul\">\n");
    if let Some(l) = &d.logo {
        use base64::Engine;
        // Inline, like the charts: the file stays self-contained.
        o.push_str(&format!(
            "<img class=\"logo\" src=\"data:{};base64,{}\" alt=\"Lambang {}\">\n",
            l.jenis.mime(),
            base64::engine::general_purpose::STANDARD.encode(&l.isi),
            esc(d.induk.as_ref().unwrap_or(&d.instansi))
        ));
    }
    o.push_str(&format!("<h1>{}</h1>\n", esc(&d.judul)));
    o.push_str(&format!("<p class=\"tahun\">TAHUN {}</p>\n", d.tahun));
    o.push_str(&format!("<p class=\"instansi\">{}</p>\n", esc(&d.instansi)));
    if let Some(i) = &d.induk {
        o.push_str(&format!("<p class=\"induk\">{}</p>\n", esc(i)));
    }
    if let Some(t) = &d.tempat_tanggal {
        o.push_str(&format!("<p class=\"tanggal\">{}</p>\n", esc(t)));
    }
    o.push_str(&format!(
        "<p class=\"sidik\">sidik data <code>{}</code> · kinerja {}</p>\n</header>\n",
        esc(&d.sidik),
        esc(&d.versi)
    ));
}

/// "BAB I", "LAMPIRAN 1", or nothing for front matter.
fn nomor_bab(b: &Bab) -> Option<String> {
    let n = b.nomor.as_deref()?;
    Some(match b.jenis {
        JenisBab::Awal => n.to_string(),
        JenisBab::Bab => format!("BAB {n}"),
        JenisBab::Lampiran => format!("LAMPIRAN {n}"),
    })
}

fn id_bab(i: usize) -> String {
    format!("bab-{}", i + 1)
}

fn id_blok(i: usize, j: usize) -> String {
    format!("bab-{}-{}", i + 1, j + 1)
}

/// Paragraph-like text: escaped, line breaks kept.
fn teks(s: &str) -> String {
    esc(s.trim_end()).replace('\n', "<br>\n")
}

fn bab(o: &mut String, i: usize, b: &Bab) {
    let kelas = match b.jenis {
        JenisBab::Awal => "awal",
        JenisBab::Bab => "isi",
        JenisBab::Lampiran => "lampiran",
    };
    let lanskap = if b.lanskap { " lanskap" } else { "" };
    o.push_str(&format!(
        "<section class=\"bab {kelas}{lanskap}\" id=\"{}\">\n<h2>",
        id_bab(i)
    ));
    if let Some(n) = nomor_bab(b) {
        o.push_str(&format!("<span class=\"nomor-bab\">{}</span>", esc(&n)));
    }
    o.push_str(&format!("{}</h2>\n", esc(&b.judul)));
    for (j, k) in b.isi.iter().enumerate() {
        blok(o, &id_blok(i, j), k);
    }
    o.push_str("</section>\n");
}

fn blok(o: &mut String, id: &str, k: &Blok) {
    match k {
        Blok::Judul { tingkat, teks: t } => {
            let h = match tingkat {
                0 | 1 => 3,
                2 => 4,
                _ => 5,
            };
            o.push_str(&format!("<h{h} id=\"{id}\">{}</h{h}>\n", esc(t)));
        }
        Blok::Paragraf { teks: t } => o.push_str(&format!("<p>{}</p>\n", teks(t))),
        Blok::Daftar { bernomor, butir } => {
            let tag = if *bernomor { "ol" } else { "ul" };
            o.push_str(&format!("<{tag}>\n"));
            for b in butir {
                o.push_str(&format!("<li>{}</li>\n", teks(b)));
            }
            o.push_str(&format!("</{tag}>\n"));
        }
        Blok::Tabel(t) => tabel(o, id, t),
        Blok::Grafik(g) => {
            o.push_str(&format!(
                "<figure class=\"grafik\" id=\"{id}\" style=\"max-width:{}mm\" aria-label=\"{}\">\n{}</figure>\n",
                g.lebar_mm.max(20),
                esc(&g.judul),
                svg_sebaris(&g.svg, id)
            ));
        }
        Blok::TandaTangan(t) => ttd(o, t),
        Blok::DuaPihak { kiri, kanan } => {
            // Both blocks get the same lines above the signature space, so the names line up.
            let baris = Seimbang {
                tempat_tanggal: kiri.tempat_tanggal.is_some() || kanan.tempat_tanggal.is_some(),
                peran: kiri.peran.is_some() || kanan.peran.is_some(),
            };
            o.push_str("<div class=\"dua-pihak\">\n");
            ttd_baris(o, kiri, baris);
            ttd_baris(o, kanan, baris);
            o.push_str("</div>\n");
        }
        Blok::Catatan { teks: t } => o.push_str(&format!("<p class=\"catatan\">{}</p>\n", teks(t))),
        Blok::HalamanBaru => o.push_str("<div class=\"halaman-baru\"></div>\n"),
    }
}

/// An SVG made fit to sit inline in HTML: the XML declaration and doctype dropped, and every
/// `id` (and its references) prefixed with the block's id, since all inline SVGs of a page share
/// one id space (two charts with a pattern `arsir` would otherwise paint with the first one's).
fn svg_sebaris(svg: &str, id: &str) -> String {
    let mut s = svg.trim();
    while s.starts_with("<?") || s.starts_with("<!") {
        match s.find('>') {
            Some(i) => s = s[i + 1..].trim_start(),
            None => break,
        }
    }
    let awalan = format!("{id}-");
    let mut out = s
        .replace(" id=\"", &format!(" id=\"{awalan}"))
        .replace("url(#", &format!("url(#{awalan}"))
        .replace("href=\"#", &format!("href=\"#{awalan}"));
    if !out.ends_with('\n') {
        out.push('\n');
    }
    out
}

fn sel_angka(s: &Sel) -> bool {
    matches!(s, Sel::Angka { .. } | Sel::Rupiah(_) | Sel::Persen(_))
}

fn tabel(o: &mut String, id: &str, t: &Tabel) {
    o.push_str(&format!("<figure class=\"tabel\" id=\"{id}\">\n<table>\n"));
    // A table from the narrative has no caption; the text before it introduces it.
    if !t.judul.is_empty() {
        o.push_str(&format!("<caption>{}</caption>\n", esc(&t.judul)));
    }
    let total: u32 = t.kolom.iter().map(|k| u32::from(k.lebar.max(1))).sum();
    if !t.kolom.is_empty() {
        o.push_str("<colgroup>");
        for k in &t.kolom {
            // Tenths of a percent, printed from integers: no float formatting in the output.
            let per_mil = (u32::from(k.lebar.max(1)) * 1000)
                .checked_div(total)
                .unwrap_or(0);
            o.push_str(&format!(
                "<col style=\"width:{}.{}%\">",
                per_mil / 10,
                per_mil % 10
            ));
        }
        o.push_str("</colgroup>\n");
    }
    o.push_str("<thead>\n<tr>");
    for k in &t.kolom {
        o.push_str(&format!("<th scope=\"col\">{}</th>", teks(&k.judul)));
    }
    o.push_str("</tr>\n</thead>\n<tbody>\n");
    for b in &t.baris {
        o.push_str(if b.tebal {
            "<tr class=\"tebal\">"
        } else {
            "<tr>"
        });
        let n = b.sel.len().max(t.kolom.len());
        for c in 0..n {
            let kanan = t.kolom.get(c).is_some_and(|k| k.rata_kanan);
            match b.sel.get(c) {
                None | Some(Sel::Kosong) => o.push_str("<td></td>"),
                Some(s @ Sel::TidakTersedia(_)) => o.push_str(&format!(
                    "<td class=\"tt{}\"><em>{}</em></td>",
                    if kanan { " kanan" } else { "" },
                    esc(&s.cetak())
                )),
                Some(s) if sel_angka(s) => {
                    o.push_str(&format!("<td class=\"kanan\">{}</td>", esc(&s.cetak())))
                }
                Some(s) => {
                    let kelas = if kanan { " class=\"kanan\"" } else { "" };
                    o.push_str(&format!("<td{kelas}>{}</td>", teks(&s.cetak())));
                }
            }
        }
        o.push_str("</tr>\n");
    }
    o.push_str("</tbody>\n</table>\n");
    if let Some(c) = &t.catatan {
        o.push_str(&format!("<p class=\"catatan\">{}</p>\n", teks(c)));
    }
    o.push_str("</figure>\n");
}

/// Which optional lines a signature block prints even when empty (to line up with its pair).
#[derive(Clone, Copy, Default)]
struct Seimbang {
    tempat_tanggal: bool,
    peran: bool,
}

fn ttd(o: &mut String, t: &TandaTangan) {
    ttd_baris(o, t, Seimbang::default());
}

fn ttd_baris(o: &mut String, t: &TandaTangan, baris: Seimbang) {
    o.push_str("<div class=\"ttd\">\n");
    match &t.tempat_tanggal {
        Some(x) => o.push_str(&format!("<p>{}</p>\n", esc(x))),
        None if baris.tempat_tanggal => o.push_str("<p class=\"kosong\">&nbsp;</p>\n"),
        None => {}
    }
    match &t.peran {
        Some(x) => o.push_str(&format!("<p class=\"peran\">{}</p>\n", esc(x))),
        None if baris.peran => o.push_str("<p class=\"kosong\">&nbsp;</p>\n"),
        None => {}
    }
    o.push_str(&format!(
        "<p class=\"jabatan\">{}</p>\n<div class=\"ruang\"></div>\n<p class=\"nama\">{}</p>\n",
        teks(&t.jabatan),
        esc(&t.nama)
    ));
    if let Some(x) = &t.pangkat {
        o.push_str(&format!("<p>{}</p>\n", esc(x)));
    }
    if let Some(x) = &t.nip {
        o.push_str(&format!("<p>NIP. {}</p>\n", esc(x)));
    }
    o.push_str("</div>\n");
}

#[cfg(test)]
mod tests;
