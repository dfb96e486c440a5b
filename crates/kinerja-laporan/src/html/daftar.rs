//! The lists at the front of the HTML report: Daftar Isi (chapters and their first-level
//! headings), Daftar Tabel and Daftar Grafik (captions), each entry linked to its place.

use super::{id_bab, id_blok, nomor_bab};
use crate::dokumen::{Blok, Dokumen};
use kinerja_grafik::esc;

pub(super) fn daftar_isi(o: &mut String, d: &Dokumen) {
    o.push_str("<nav class=\"daftar-isi\" aria-labelledby=\"daftar-isi\">\n<h2 id=\"daftar-isi\">DAFTAR ISI</h2>\n<ol>\n");
    for (i, b) in d.bab.iter().enumerate() {
        let label = match nomor_bab(b) {
            Some(n) => format!("{} {}", esc(&n), esc(&b.judul)),
            None => esc(&b.judul),
        };
        o.push_str(&format!("<li><a href=\"#{}\">{label}</a>", id_bab(i)));
        let sub: Vec<(usize, &str)> = b
            .isi
            .iter()
            .enumerate()
            .filter_map(|(j, k)| match k {
                Blok::Judul { tingkat: 1, teks } => Some((j, teks.as_str())),
                _ => None,
            })
            .collect();
        if !sub.is_empty() {
            o.push_str("\n<ol>\n");
            for (j, t) in sub {
                o.push_str(&format!(
                    "<li><a href=\"#{}\">{}</a></li>\n",
                    id_blok(i, j),
                    esc(t)
                ));
            }
            o.push_str("</ol>\n");
        }
        o.push_str("</li>\n");
    }
    o.push_str("</ol>\n");
    daftar_keterangan(o, d, "DAFTAR TABEL", "daftar-tabel", |b| match b {
        Blok::Tabel(t) => Some(&t.judul),
        _ => None,
    });
    daftar_keterangan(o, d, "DAFTAR GRAFIK", "daftar-grafik", |b| match b {
        Blok::Grafik(g) => Some(&g.judul),
        _ => None,
    });
    o.push_str("</nav>\n");
}

/// Daftar Tabel / Daftar Grafik: every caption `judul` finds, linked to its block; nothing
/// when the report has none.
fn daftar_keterangan(
    o: &mut String,
    d: &Dokumen,
    judul: &str,
    id: &str,
    keterangan: impl Fn(&Blok) -> Option<&String>,
) {
    let butir: Vec<(String, &String)> = d
        .bab
        .iter()
        .enumerate()
        .flat_map(|(i, b)| b.isi.iter().enumerate().map(move |(j, k)| (i, j, k)))
        .filter_map(|(i, j, k)| keterangan(k).map(|t| (id_blok(i, j), t)))
        .collect();
    if butir.is_empty() {
        return;
    }
    o.push_str(&format!("<h2 id=\"{id}\">{judul}</h2>\n<ol>\n"));
    for (href, t) in butir {
        o.push_str(&format!("<li><a href=\"#{href}\">{}</a></li>\n", esc(t)));
    }
    o.push_str("</ol>\n");
}
