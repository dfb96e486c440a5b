//! The document as the template reads it: `/data.json` (every cell printed the Indonesian way,
//! its alignment and column widths decided here) and the charts' SVG files.

use kinerja_grafik::{esc, lebar_teks};
use kinerja_laporan::{Bab, Blok, Dokumen, JenisBab, Sel, Tabel, TandaTangan};
use serde_json::{Value, json};
use typst::foundations::Bytes;

use crate::{LEBAR_LANSKAP_MM, LEBAR_TEKS_MM, jalur_logo};

/// `/data.json` and the charts' SVG files, in document order.
pub(crate) fn siapkan(d: &Dokumen) -> (Value, Vec<Bytes>) {
    let mut grafik = Vec::new();
    let mut awal = Vec::new();
    let mut isi = Vec::new();
    for b in &d.bab {
        let v = bagian(b, &mut grafik);
        match b.jenis {
            JenisBab::Awal => awal.push(v),
            JenisBab::Bab | JenisBab::Lampiran => isi.push(v),
        }
    }
    // Daftar Isi follows the Kata Pengantar (the first front-matter chapter), as PermenPANRB
    // 53/2014 orders them.
    let daftar_isi = json!({
        "jenis": "daftar_isi", "label": null, "judul": "DAFTAR ISI", "lanskap": false, "blok": [],
    });
    let mut daftar = vec![daftar_isi];
    // Daftar Tabel and Daftar Grafik after it, where the report has tables and charts.
    let ada = |grafik: bool| {
        d.bab.iter().flat_map(|b| &b.isi).any(|x| match x {
            Blok::Tabel(_) => !grafik,
            Blok::Grafik(_) => grafik,
            _ => false,
        })
    };
    for (jenis, judul, grafik) in [
        ("daftar_tabel", "DAFTAR TABEL", false),
        ("daftar_grafik", "DAFTAR GRAFIK", true),
    ] {
        if ada(grafik) {
            daftar.push(json!({
                "jenis": jenis, "label": null, "judul": judul, "lanskap": false, "blok": [],
            }));
        }
    }
    let di = awal.len().min(1);
    awal.splice(di..di, daftar);
    let data = json!({
        "judul": d.judul,
        "nama": d.nama_jenis(),
        "instansi": d.instansi,
        "induk": d.induk,
        "tahun": d.tahun,
        "sidik": d.sidik,
        "versi": d.versi,
        "draf": d.draf,
        "logo": d.logo.as_ref().map(jalur_logo),
        "awal": awal,
        "isi": isi,
    });
    (data, grafik)
}

fn bagian(b: &Bab, grafik: &mut Vec<Bytes>) -> Value {
    let (jenis, label) = match (&b.jenis, &b.nomor) {
        (JenisBab::Awal, _) => ("awal", None),
        (JenisBab::Bab, Some(n)) => ("bab", Some(format!("BAB {n}"))),
        (JenisBab::Bab, None) => ("bab", None),
        (JenisBab::Lampiran, Some(n)) => ("lampiran", Some(format!("LAMPIRAN {n}"))),
        // A signed document printed on its own (the PK): no annex number.
        (JenisBab::Lampiran, None) => ("lampiran", None),
    };
    // An annex that is signed (the PK, a decree) is a document of its own: it gets a kop with
    // the emblem.
    let kop = b.jenis == JenisBab::Lampiran
        && b.isi
            .iter()
            .any(|x| matches!(x, Blok::TandaTangan(_) | Blok::DuaPihak { .. }));
    json!({
        "jenis": jenis,
        "label": label,
        "judul": b.judul,
        "kop": kop,
        "lanskap": b.lanskap,
        "blok": b
            .isi
            .iter()
            .enumerate()
            .map(|(i, x)| {
                let mut v = blok(x, b.lanskap, grafik);
                // A signature never stands alone at the top of a page: the block before it
                // sticks to it.
                let ttd_berikut = matches!(
                    b.isi.get(i + 1),
                    Some(Blok::TandaTangan(_) | Blok::DuaPihak { .. })
                );
                if ttd_berikut && let Some(o) = v.as_object_mut() {
                    o.insert("lekat".into(), Value::Bool(true));
                }
                v
            })
            .collect::<Vec<_>>(),
    })
}

fn blok(b: &Blok, lanskap: bool, grafik: &mut Vec<Bytes>) -> Value {
    match b {
        // Chapter sub-headings are typst levels 2-4 (level 1 is the chapter); deeper ones are
        // printed like level 4.
        Blok::Judul { tingkat, teks } => json!({
            "jenis": "judul", "tingkat": (*tingkat).clamp(1, 3), "teks": teks,
        }),
        Blok::Paragraf { teks } => json!({ "jenis": "paragraf", "teks": teks }),
        Blok::Daftar { bernomor, butir } => json!({
            "jenis": "daftar", "bernomor": bernomor, "butir": butir,
        }),
        Blok::Tabel(t) => tabel(
            t,
            if lanskap {
                LEBAR_LANSKAP_MM
            } else {
                LEBAR_TEKS_MM
            },
        ),
        Blok::Grafik(g) => {
            let berkas = format!("/grafik/{}.svg", grafik.len());
            grafik.push(Bytes::from_string(g.svg.clone()));
            let batas = if lanskap {
                LEBAR_LANSKAP_MM
            } else {
                LEBAR_TEKS_MM
            };
            // The charts draw their own title; the caption is printed only when it would not
            // repeat it.
            let judul = if g.svg.contains(&esc(&g.judul)) {
                None
            } else {
                Some(&g.judul)
            };
            json!({
                "jenis": "grafik",
                "judul": judul,
                "alt": g.judul,
                "berkas": berkas,
                "lebar_mm": g.lebar_mm.clamp(20, batas),
            })
        }
        Blok::TandaTangan(t) => json!({ "jenis": "tanda_tangan", "ttd": ttd(t) }),
        Blok::DuaPihak { kiri, kanan } => json!({
            "jenis": "dua_pihak", "kiri": ttd(kiri), "kanan": ttd(kanan),
        }),
        Blok::Catatan { teks } => json!({ "jenis": "catatan", "teks": teks }),
        Blok::HalamanBaru => json!({ "jenis": "halaman_baru" }),
    }
}

fn ttd(t: &TandaTangan) -> Value {
    json!({
        "tempat_tanggal": t.tempat_tanggal,
        "peran": t.peran,
        "jabatan": t.jabatan,
        "nama": t.nama,
        "pangkat": t.pangkat,
        "nip": t.nip,
    })
}

fn tabel(t: &Tabel, ruang_mm: u16) -> Value {
    let n = t.kolom.len().max(1);
    // Alignment is the column's (one entry per column, not per cell): typst resolves a column
    // array once per table instead of a `table.cell` per cell.
    let kolom: Vec<Value> = t
        .kolom
        .iter()
        .map(|k| json!({ "judul": k.judul, "kanan": k.rata_kanan }))
        .collect();
    let sel: Vec<Vec<String>> = t
        .baris
        .iter()
        .map(|b| {
            // A short row is padded, a long one cut, so the grid never shifts.
            (0..n)
                .map(|i| cetak(b.sel.get(i).unwrap_or(&Sel::Kosong)))
                .collect()
        })
        .collect();
    // The cells row after row as one list of printed strings, and apart from it the rows set in
    // bold and the cells holding "data tidak tersedia" (indices into that list): the template
    // then styles only those, with no work per row.
    let isi: Vec<&String> = sel.iter().flatten().collect();
    let tebal: Vec<usize> = t
        .baris
        .iter()
        .enumerate()
        .filter(|(_, b)| b.tebal)
        .map(|(r, _)| r)
        .collect();
    let miring: Vec<usize> = t
        .baris
        .iter()
        .enumerate()
        .flat_map(|(r, b)| {
            (0..n)
                .filter(|&i| matches!(b.sel.get(i), Some(Sel::TidakTersedia(_))))
                .map(move |i| r * n + i)
        })
        .collect();
    let kolom = if kolom.is_empty() {
        vec![json!({ "judul": "", "kanan": false })]
    } else {
        kolom
    };
    json!({
        "jenis": "tabel",
        "judul": t.judul,
        "kolom": kolom,
        "lebar": lebar_kolom(t, &sel, f64::from(ruang_mm)),
        "sel": isi,
        "tebal": tebal,
        "miring": miring,
        "catatan": t.catatan,
    })
}

/// A cell as printed: the Indonesian form, with a no-break space between a number and its "%"
/// so "88,61 %" never splits over two lines.
fn cetak(s: &Sel) -> String {
    s.cetak().replace(" %", "\u{a0}%")
}

/// Column widths in millimetres (the template uses them as proportions): the document's relative
/// widths, except that a column never gets narrower than its longest word or number, which
/// typst cannot break and would print over the next cell. The width a word needs at 9 pt (headers
/// bold) is estimated with DejaVu Sans advance widths ([`lebar_teks`]): wider than the Libertinus
/// Serif the tables are set in, so the estimate errs wide.
fn lebar_kolom(t: &Tabel, sel: &[Vec<String>], ruang: f64) -> Vec<f64> {
    let n = t.kolom.len();
    if n == 0 {
        return vec![ruang];
    }
    let lebar_kata = |s: &str, tebal: bool| lebar_teks(s, 9.0, tebal) * 25.4 / 72.0;
    // Cell insets (4 pt each side) and the stroke.
    let tepi = 8.5 * 25.4 / 72.0;
    let minimum: Vec<f64> = (0..n)
        .map(|i| {
            let kepala = t.kolom[i]
                .judul
                .split_whitespace()
                .flat_map(kata)
                .map(|w| lebar_kata(w, true))
                .fold(0.0, f64::max);
            let isi = t
                .baris
                .iter()
                .zip(sel)
                .flat_map(|(b, baris)| {
                    baris[i]
                        .split(|c: char| c.is_whitespace() && c != '\u{a0}')
                        .flat_map(kata)
                        .map(move |w| lebar_kata(w, b.tebal))
                })
                .fold(0.0, f64::max);
            kepala.max(isi) + tepi
        })
        .collect();
    let bobot: Vec<f64> = t.kolom.iter().map(|k| f64::from(k.lebar.max(1))).collect();
    // Columns whose share falls below their minimum get the minimum; the rest share what is
    // left in proportion, until no share is too small.
    let mut tetap = vec![false; n];
    loop {
        let sisa = ruang
            - (0..n)
                .filter(|&i| tetap[i])
                .map(|i| minimum[i])
                .sum::<f64>();
        let total: f64 = (0..n).filter(|&i| !tetap[i]).map(|i| bobot[i]).sum();
        if sisa <= 0.0 || total <= 0.0 {
            // The words do not fit side by side whatever the widths: keep the proportions.
            let total: f64 = bobot.iter().sum();
            return bobot.iter().map(|w| w / total * ruang).collect();
        }
        let mut berubah = false;
        for i in 0..n {
            if !tetap[i] && bobot[i] / total * sisa < minimum[i] {
                tetap[i] = true;
                berubah = true;
            }
        }
        if !berubah {
            return (0..n)
                .map(|i| {
                    if tetap[i] {
                        minimum[i]
                    } else {
                        bobot[i] / total * sisa
                    }
                })
                .map(|w| (w * 100.0).round() / 100.0)
                .collect();
        }
    }
}

/// The pieces of a word typst may break between: after a hyphen.
fn kata(w: &str) -> impl Iterator<Item = &str> {
    w.split_inclusive('-')
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_chart_whose_svg_draws_its_title_gets_no_caption() {
        let grafik_dengan = |judul: &str| {
            Blok::Grafik(kinerja_laporan::Grafik {
                judul: judul.into(),
                svg: kinerja_grafik::serapan(judul, &[]),
                lebar_mm: 160,
            })
        };
        // Markup characters, the apostrophe included, are escaped the same way in the chart and
        // in the check, so the title is found and not printed twice.
        for judul in ["Serapan <2020> & \"pagu\"", "Serapan anggaran Ma'had"] {
            let v = blok(&grafik_dengan(judul), false, &mut Vec::new());
            assert_eq!(v["judul"], Value::Null, "{judul}");
            assert_eq!(v["alt"], judul);
        }
        // A chart that does not draw its title gets it as a caption.
        let lain = Blok::Grafik(kinerja_laporan::Grafik {
            judul: "Judul lain".into(),
            svg: kinerja_grafik::serapan("Serapan", &[]),
            lebar_mm: 160,
        });
        let v = blok(&lain, false, &mut Vec::new());
        assert_eq!(v["judul"], "Judul lain");
    }

    #[test]
    fn a_column_is_never_narrower_than_its_longest_word() {
        let t = Tabel {
            nama: "Tabel 1".into(),
            judul: "Tabel 1".into(),
            kolom: ["No", "Uraian"]
                .iter()
                .zip([1, 20])
                .map(|(judul, lebar)| kinerja_laporan::Kolom {
                    judul: (*judul).into(),
                    lebar,
                    rata_kanan: false,
                })
                .collect(),
            baris: vec![],
            catatan: None,
        };
        // "No" bold at 9 pt: (748 + 612) / 1000 em x 9 x 1,1 = 13,464 pt = 4,750 mm, + 8,5 pt of
        // insets (2,999 mm) = 7,75 mm, more than its share 155 / 21 = 7,38; the rest gets 147,25.
        assert_eq!(lebar_kolom(&t, &[], 155.0), [7.75, 147.25]);
    }
}
